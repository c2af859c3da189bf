"""Distributed ingest: the annotate step mapped over a Dask cluster, one writer.

The client reads and screens articles (cheap), skips those already stored,
and sends bounded batches to the workers. Each worker process builds the
Pipeline once (spaCy and every annotator) and returns each Document as the
rows to store (`store.Record`); the client alone writes them, so SQLite keeps a
single writer.
At most `max_in_flight` batches are out at a time: memory does not grow with
the number of articles.

Start a cluster and ingest:

    dask scheduler                                  # prints tcp://HOST:8786
    dask worker tcp://HOST:8786 --nworkers 2 --nthreads 1   # on each machine
    communique ingest --dask tcp://HOST:8786 news/

`--dask local` starts a LocalCluster on this machine instead (one worker
process per `--jobs`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from functools import lru_cache, partial
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..document import Article
from ..errors import InputError
from ..settings import Settings
from ..store import Record, to_record
from .local import IngestReport, ProgressHook, RecordWriter, fail, pending_articles

if TYPE_CHECKING:
    from distributed import Client

    from ..fetching import Fetcher
    from ..pipeline import Pipeline
    from ..store import Store

# (origin, reason, line): InputError itself does not survive pickling (its __init__ takes 2-3 args)
ErrorTuple = tuple[str, str, int | None]


@lru_cache(maxsize=2)
def worker_pipeline(settings: Settings) -> Pipeline:
    """The Pipeline of this worker process, built on its first batch and then reused."""
    from ..pipeline import Pipeline

    return Pipeline(settings)


def annotate_batch(settings: Settings, articles: list[Article]) -> list[Record | ErrorTuple]:
    """Runs on a worker: per article, its rows to store or an error.

    The rows carry the worker's pipeline version: it names the code and knowledge that
    made these annotations.
    """
    pipeline = worker_pipeline(settings)
    out: list[Record | ErrorTuple] = []
    prepare = partial(to_record, pipeline_version=pipeline.version)
    for result in pipeline.pipe(articles, finish=prepare):
        if isinstance(result, InputError):
            out.append((result.origin, result.reason, result.line))
        else:
            out.append(result)
    return out


def connect(address: str, *, jobs: int = 2) -> tuple[Client, ExitStack]:
    """A client for `address`, or for a new LocalCluster when `address` is "local"."""
    from distributed import Client, LocalCluster

    stack = ExitStack()
    if address == "local":
        cluster = stack.enter_context(
            LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True, dashboard_address=None)
        )
        client = stack.enter_context(Client(cluster))
    else:
        client = stack.enter_context(Client(address, timeout="30s"))
    return client, stack


def ingest_dask(
    sources: Iterable[str | Path],
    store: Store,
    client: Client,
    *,
    settings: Settings | None = None,
    reprocess: bool = False,
    batch_size: int = 16,
    max_in_flight: int | None = None,
    on_article: ProgressHook | None = None,
    fetcher: Fetcher | None = None,
) -> IngestReport:
    """Annotate `sources` on the cluster behind `client` and store the results here."""
    from distributed import as_completed

    from ..annotators import plan
    from ..pipeline import pipeline_version

    settings = settings or Settings.load()
    version = pipeline_version(plan(settings.annotators))  # the rows carry the workers' own; see annotate_batch
    report = IngestReport()
    hook = on_article or (lambda *_: None)
    statuses: dict[str, str] = {}
    notes: dict[str, list[str]] = {}

    to_annotate = pending_articles(
        sources, store, version, report=report, hook=hook, statuses=statuses, notes=notes,
        reprocess=reprocess, fetcher=fetcher, max_chars=settings.max_chars,
    )

    if max_in_flight is None:
        threads = sum(client.nthreads().values()) or 1
        max_in_flight = 2 * threads  # keeps every worker busy while the client writes
    batches = _batches(to_annotate, batch_size)
    origins: dict[str, list[str]] = {}

    def submit(batch: list[Article]) -> Any:
        future = client.submit(annotate_batch, settings, batch, pure=False)
        origins[future.key] = [a.origin or a.id for a in batch]
        return future

    first = list(islice(batches, max_in_flight))
    if not first:  # everything was stored already (or unreadable): no cluster round trip
        return report
    pending = as_completed([submit(batch) for batch in first])
    with RecordWriter(store, report=report, hook=hook, statuses=statuses, notes=notes) as writer:
        for future in pending:
            batch_origins = origins.pop(future.key)
            try:
                results = future.result()
            except Exception as exc:  # a worker died or the batch raised: those articles fail, the rest go on
                for origin in batch_origins:
                    fail(report, hook, origin, f"{origin}: annotation failed on the cluster ({type(exc).__name__}: {exc})")
            else:
                writer.submit(_records(results, report, hook))
            future.release()
            batch = next(batches, None)
            if batch is not None:
                pending.add(submit(batch))
    return report


def _records(results: list[Any], report: IngestReport, hook: ProgressHook) -> list[Record]:
    """A worker's results as records to store; its errors are counted here."""
    records = []
    for result in results:
        if isinstance(result, tuple):
            error = InputError(*result)
            fail(report, hook, error.origin, str(error))
            continue
        records.append(result)
    return records


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch

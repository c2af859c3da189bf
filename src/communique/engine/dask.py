"""Distributed ingest: the annotate step mapped over a Dask cluster, one writer.

The client runs the ingest (`engine.run.IngestRun`, as the local engine does):
it reads and screens articles (cheap), skips those already stored, and sends
bounded batches to the workers, with the people learned from the store's earlier
articles (sent once). Each worker process builds the Pipeline once (spaCy and every
annotator) and returns each Document as the rows to store (`store.Record`); the
client alone writes them, so SQLite keeps a single writer.
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

import uuid
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..document import Article
from ..errors import InputError
from ..settings import Settings
from ..store import Record, to_record
from .run import IngestReport, IngestRun, ProgressHook, use_learned

if TYPE_CHECKING:
    from distributed import Client

    from ..fetching import Fetcher
    from ..pipeline import Pipeline
    from ..store import Store


@dataclass(frozen=True)
class LearnedActors:
    """The people learned from the store's earlier articles, sent once to every worker for one run."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    token: str = field(default_factory=lambda: uuid.uuid4().hex)


@lru_cache(maxsize=2)
def worker_pipeline(settings: Settings) -> Pipeline:
    """The Pipeline of this worker process, built on its first batch and then reused."""
    from ..pipeline import Pipeline

    return Pipeline(settings)


# id of a worker's pipeline -> token of the learned actors it holds (a worker outlives a run)
_learned_in_use: dict[int, str] = {}


def annotate_batch(
    settings: Settings, learned: LearnedActors, articles: list[Article]
) -> list[Record | InputError]:
    """Runs on a worker: per article, in order, its rows to store or an error.

    The rows carry the worker's pipeline version: it names the code and knowledge that
    made these annotations.
    """
    pipeline = worker_pipeline(settings)
    if _learned_in_use.get(id(pipeline)) != learned.token:
        use_learned(pipeline, learned.rows)
        _learned_in_use[id(pipeline)] = learned.token
    prepare = partial(to_record, pipeline_version=pipeline.version)
    return list(pipeline.pipe(articles, finish=prepare))


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
    from ..knowledge import Knowledge
    from ..pipeline import pipeline_version

    settings = settings or Settings.load()
    # the rows carry the workers' own; see annotate_batch
    version = pipeline_version(plan(settings.annotators), Knowledge(settings.knowledge))
    run = IngestRun(
        store,
        version,
        max_chars=settings.max_chars,
        reprocess=reprocess,
        fetcher=fetcher,
        on_article=on_article,
    )
    with run:
        batches = _batches(run.pending(sources), batch_size)
        if max_in_flight is None:
            threads = sum(client.nthreads().values()) or 1
            max_in_flight = 2 * threads  # keeps every worker busy while the client writes
        first = list(islice(batches, max_in_flight))
        if not first:  # everything was stored already (or unreadable): no cluster round trip
            return run.report
        # scattered once, not sent with every batch
        learned = client.scatter(LearnedActors(store.learned_actors()), broadcast=True, hash=False)
        sent: dict[str, list[Article]] = {}

        def submit(batch: list[Article]) -> Any:
            future = client.submit(annotate_batch, settings, learned, batch, pure=False)
            sent[future.key] = batch
            return future

        pending = as_completed([submit(batch) for batch in first])
        for future in pending:
            batch = sent.pop(future.key)
            try:
                results = future.result()
            except Exception as exc:  # a worker died or the batch raised: those articles fail, the rest go on
                run.fail_all(batch, f"annotation failed on the cluster ({type(exc).__name__}: {exc})")
            else:
                for article, result in zip(batch, results, strict=True):
                    run.take(article.id, result)
            future.release()
            batch = next(batches, None)
            if batch is not None:
                pending.add(submit(batch))
    return run.report


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch

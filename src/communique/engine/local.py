"""In-process batch ingest: read -> screen -> clean/parse/annotate (Pipeline) -> store.

Streaming: articles flow through in bounded batches, so memory does not grow with
the number of articles. What to annotate, the counts and the single writer are the
run's (`engine.run.IngestRun`, shared with the Dask engine): here annotation runs in
this process, or in spaCy's worker processes with `n_process > 1`, which also build
each article's rows (`store.to_record`), so this process only writes.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from ..document import Article, Document
from ..errors import InputError, SkippedInput
from ..feeds import FeedState, iter_sources
from ..fetching import Fetcher
from ..pipeline import Pipeline
from ..screening import screen, screened
from ..store import Store, to_record
from .run import IngestReport, IngestRun, ProgressHook, RecordWriter, takes_learned, use_learned

__all__ = [
    "IngestReport", "IngestRun", "ProgressHook", "RecordWriter", "SkippedInput", "extract", "ingest",
    "learned_actors", "screen",
]


def ingest(
    sources: Iterable[str | Path],
    store: Store,
    pipeline: Pipeline,
    *,
    reprocess: bool = False,
    n_process: int = 1,
    on_article: ProgressHook | None = None,
    fetcher: Fetcher | None = None,
) -> IngestReport:
    """Annotate and store every article in `sources`; never stops on a bad input."""
    run = IngestRun(
        store, pipeline.version, max_chars=pipeline.settings.max_chars, reprocess=reprocess, fetcher=fetcher,
        on_article=on_article,
    )
    sent: deque[str] = deque()  # ids of the articles in spaCy's hands: results come back in this order

    def to_annotate() -> Iterator[Article]:
        for article in run.pending(sources):
            sent.append(article.id)
            yield article

    # rows are built where the annotation ran (spaCy's workers): this process only writes
    prepare = partial(to_record, pipeline_version=pipeline.version)
    with run, learned_actors(pipeline, store):
        results = pipeline.pipe(to_annotate(), n_process=n_process, finish=prepare)
        try:
            for result in results:
                run.take(sent.popleft(), result)
        finally:  # Ctrl-C, SIGTERM: spaCy's workers are stopped now, and what is annotated is still stored
            results.close()
    return run.report


@contextmanager
def learned_actors(pipeline: Pipeline, store: Store) -> Iterator[None]:
    """The people learned from the store's earlier articles, handed to the annotators that take them for
    this ingest only (the pipeline may serve `extract` afterwards, which has no store)."""
    if not takes_learned(pipeline):
        yield
        return
    use_learned(pipeline, store.learned_actors())
    try:
        yield
    finally:
        use_learned(pipeline, [])


def extract(
    sources: Iterable[str | Path], pipeline: Pipeline, *, n_process: int = 1, as_json: bool = False
) -> Iterator[Document | str | InputError]:
    """Annotate without storing: Documents (and InputErrors) in input order.

    With `as_json`, each Document comes as its JSON text, serialized where it was
    annotated (in spaCy's worker processes with `n_process > 1`). Notes (a date set
    aside, a repaired byte) are in each Document.
    """
    errors: list[InputError] = []
    max_chars = pipeline.settings.max_chars

    def good() -> Iterator[Article]:
        for item in iter_sources(sources, max_bytes=max_chars * 4):
            if isinstance(item, FeedState):  # nothing is kept: the next extract reads the feed again
                continue
            article = screened(item, max_chars)
            if isinstance(article, InputError):
                errors.append(article)
                continue
            yield article

    for result in pipeline.pipe(good(), n_process=n_process, finish=_json if as_json else None):
        while errors:
            yield errors.pop(0)
        yield result
    while errors:
        yield errors.pop(0)


def _json(document: Document) -> str:
    return document.to_json()

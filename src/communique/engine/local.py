"""In-process batch ingest: read -> clean/parse/annotate (Pipeline) -> store.

Streaming: articles flow through in bounded batches, so memory does not grow
with the number of articles. Each article is stored in its own transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..document import Article, Document
from ..errors import InputError
from ..pipeline import Pipeline
from ..reading import read_sources
from ..store import Store


@dataclass
class IngestReport:
    stored: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: {"events": 0, "quotes": 0, "actors": 0, "timexes": 0, "positions": 0})

    def add_document(self, doc: Document) -> None:
        for layer in self.counts:
            self.counts[layer] += len(getattr(doc, layer))


# Called after each article: (article id or origin, outcome) with outcome in stored/replaced/skipped/failed.
ProgressHook = Callable[[str, str, str | None], None]


def ingest(
    sources: Iterable[str | Path],
    store: Store,
    pipeline: Pipeline,
    *,
    reprocess: bool = False,
    n_process: int = 1,
    on_article: ProgressHook | None = None,
) -> IngestReport:
    """Annotate and store every article in `sources`; never stops on a bad input."""
    report = IngestReport()
    hook = on_article or (lambda *_: None)
    statuses: dict[str, str] = {}

    def to_annotate() -> Iterator[Article]:
        for item in read_sources(sources, max_bytes=pipeline.settings.max_chars * 4):
            if isinstance(item, InputError):
                report.failed += 1
                report.errors.append(str(item))
                hook(item.origin, "failed", str(item))
                continue
            status = store.status(item.id, item.text, pipeline.version)
            if status in ("same", "stale") and not reprocess:
                report.skipped += 1
                hook(item.id, "skipped", None)
                continue
            statuses[item.id] = status
            yield item

    for result in pipeline.pipe(to_annotate(), n_process=n_process):
        if isinstance(result, InputError):
            report.failed += 1
            report.errors.append(str(result))
            hook(result.origin, "failed", str(result))
            continue
        store.save(result, pipeline.version)
        replaced = statuses.pop(result.id, "new") != "new"
        if replaced:
            report.replaced += 1
        else:
            report.stored += 1
        report.add_document(result)
        hook(result.id, "replaced" if replaced else "stored", None)
    return report


def extract(
    sources: Iterable[str | Path], pipeline: Pipeline, *, n_process: int = 1
) -> Iterator[Document | InputError]:
    """Annotate without storing: Documents (and InputErrors) in input order."""

    def articles() -> Iterator[Article | InputError]:
        yield from read_sources(sources, max_bytes=pipeline.settings.max_chars * 4)

    errors: list[InputError] = []

    def good() -> Iterator[Article]:
        for item in articles():
            if isinstance(item, InputError):
                errors.append(item)
            else:
                yield item

    for result in pipeline.pipe(good(), n_process=n_process):
        while errors:
            yield errors.pop(0)
        yield result
    while errors:
        yield errors.pop(0)

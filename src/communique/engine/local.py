"""In-process batch ingest: read -> screen -> clean/parse/annotate (Pipeline) -> store.

Streaming: articles flow through in bounded batches, so memory does not grow
with the number of articles. Articles are written in small batches, each in one
transaction with a savepoint per article, so a killed ingest leaves only whole
articles and a re-run does the rest.
Screening skips articles that are not in English and sets aside publication
dates in the future, each with a note naming the file.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from pathlib import Path

from ..boundary import admit
from ..document import Article, Document
from ..errors import InputError, SkippedInput, printable
from ..feeds import iter_sources
from ..fetching import Fetcher, is_url
from ..language import detect_language
from ..pipeline import Pipeline
from ..store import Record, Store, content_hash, to_record

# Articles written per transaction: a commit (and an FTS segment) per article costs
# more than the inserts. A killed ingest loses at most these; a re-run does them.
WRITE_BATCH = 32

# A date this far ahead of today is not a publication date (time zones allow one day).
FUTURE_TOLERANCE = timedelta(days=1)


def screen(article: Article, today: date | None = None) -> tuple[SkippedInput | None, list[str]]:
    """Whether to skip an article, and notes about what was set aside in it.

    A publication date in the future is dropped (relative dates would resolve
    against it); the article is kept, with a note (also on the article, for its Document).
    """
    origin = article.origin or article.id
    guess = detect_language(article.text)
    if guess is not None:
        return SkippedInput(origin, f"skipped: the text is in {guess.name} ({guess.code}); communique reads English"), []
    notes = []
    limit = ((today or date.today()) + FUTURE_TOLERANCE).isoformat()
    if article.published and article.published > limit:
        note = f"publication date {article.published} is in the future; ignored"
        article.notes.append(note)
        notes.append(f"{printable(origin)}: {note}")
        article.published, article.date_source = None, None
    return None, notes


@dataclass
class IngestReport:
    stored: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # skipped languages, dates set aside
    counts: dict[str, int] = field(default_factory=lambda: {"events": 0, "quotes": 0, "actors": 0, "timexes": 0, "positions": 0})

    def add_counts(self, counts: dict[str, int]) -> None:
        for layer, n in counts.items():
            self.counts[layer] += n


# Called after each article: (article id or origin, outcome) with outcome in stored/replaced/skipped/failed.
ProgressHook = Callable[[str, str, str | None], None]


def fail(report: IngestReport, hook: ProgressHook, origin: str, message: str) -> None:
    """Count an article that could not be read, annotated or stored, for any engine."""
    report.failed += 1
    report.errors.append(message)
    hook(origin, "failed", message)


def pending_articles(
    sources: Iterable[str | Path],
    store: Store,
    version: str,
    *,
    report: IngestReport,
    hook: ProgressHook,
    statuses: dict[str, str],
    notes: dict[str, list[str]],
    reprocess: bool,
    fetcher: Fetcher | None,
    max_chars: int,
) -> Iterator[Article]:
    """The articles of `sources` that need annotating, for any engine.

    Every article is admitted first (`boundary.admit`: valid Unicode, dates in range,
    size within spaCy's limit). Unreadable inputs are counted as failed, other languages
    and stored articles as skipped; each article's store status goes into `statuses` and
    the notes to show the user into `notes`, keyed by id. No exception of one input
    escapes: it fails with one line naming the input, and the batch goes on.
    """
    max_bytes = max_chars * 4
    pages: dict[str, str] = {}  # text hash -> id of each page fetched in this run (not stored yet)
    # files, folders, stdin, feeds and URLs; stored URLs are not fetched again
    for item in iter_sources(sources, store=store, fetcher=fetcher, max_bytes=max_bytes):
        try:
            item = _same_page(item, pages, store)
            admitted = _admitted(
                item, store, version, report=report, hook=hook, notes=notes, reprocess=reprocess,
                max_chars=max_chars,
            )
        except Exception as exc:  # whatever one article does, the batch goes on
            origin = item.origin if isinstance(item, InputError) else (item.origin or item.id)
            fail(report, hook, origin, f"{printable(origin)}: cannot be read ({type(exc).__name__}: {exc})")
            continue
        if admitted is not None:
            article, statuses[article.id] = admitted
            yield article


def _same_page(item: Article | InputError, pages: dict[str, str], store: Store) -> Article | InputError:
    """A fetched page with the text of a page fetched earlier in this run is skipped (and its URL
    remembered); pages stored in earlier runs are recognised by the feed reader itself."""
    if isinstance(item, InputError) or not is_url(item.origin or ""):
        return item
    digest = content_hash(item.text)
    first = pages.setdefault(digest, item.id)
    if first == item.id:
        return item
    store.add_url_alias(item.origin or "", first)
    message = f"skipped: same text as article {first} of this run; not stored again"
    return SkippedInput(item.origin or item.id, message)


def _admitted(
    item: Article | InputError,
    store: Store,
    version: str,
    *,
    report: IngestReport,
    hook: ProgressHook,
    notes: dict[str, list[str]],
    reprocess: bool,
    max_chars: int,
) -> tuple[Article, str] | None:
    """The article to annotate and its store status, or None when it failed, was skipped or is
    stored already (counted here)."""
    if isinstance(item, SkippedInput):
        report.skipped += 1
        report.notes.append(str(item))
        hook(item.origin, "skipped", str(item))
        return None
    if isinstance(item, InputError):
        fail(report, hook, item.origin, str(item))
        return None
    article = admit(item, max_chars)
    if isinstance(article, InputError):
        fail(report, hook, article.origin, str(article))
        return None
    read_notes = [f"{printable(article.origin or article.id)}: {note}" for note in article.notes]
    skip, screen_notes = screen(article)
    if skip is not None:
        report.skipped += 1
        report.notes.append(str(skip))
        hook(skip.origin, "skipped", str(skip))
        return None
    status = store.status(article.id, article.text, version)
    # an article read by another pipeline (new rules, or the user's knowledge changed) is read again
    if status == "same" and not reprocess:
        report.skipped += 1
        hook(article.id, "skipped", None)
        return None
    if read_notes or screen_notes:
        notes[article.id] = read_notes + screen_notes
    return article, status


class RecordWriter:
    """Stores annotated articles in batches, counting the outcomes, for any engine.

    Each batch is one transaction with a savepoint per article (see `Store.write_many`),
    so each article is whole or absent. With `background=True` the SQL runs on a
    thread of its own, over a connection of its own, while the caller annotates the
    next batch: SQLite releases the GIL while it inserts and indexes, so writing
    overlaps parsing even in one process. At most one batch is in flight, and all
    bookkeeping (counts, notes, progress hooks) stays in the caller's thread.
    """

    def __init__(
        self,
        store: Store,
        *,
        report: IngestReport,
        hook: ProgressHook,
        statuses: dict[str, str],
        notes: dict[str, list[str]],
        background: bool = True,
    ) -> None:
        self.report, self.hook, self.statuses, self.notes = report, hook, statuses, notes
        self._store = store
        self._own: Store | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._in_flight: tuple[Future, list[Record], list[list[str]]] | None = None
        if background and not store.in_memory:
            # WAL: the caller's connection keeps reading (what is stored) while this one writes
            self._own = Store(store.path)
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="communique-writer")

    def submit(self, records: list[Record]) -> None:
        """Store `records` (now, or on the writer thread once the previous batch is done)."""
        if not records:
            return
        # the notes are in each stored Document already (on its article): here they are only reported
        article_notes = [self.notes.pop(record.article_id, []) for record in records]
        for item_notes in article_notes:
            self.report.notes.extend(item_notes)
        if self._executor is None or self._own is None:
            self._account(records, article_notes, _write_batch(self._store, records))
            return
        self.wait()
        self._in_flight = (self._executor.submit(_write_batch, self._own, records), records, article_notes)

    def wait(self) -> None:
        """Wait for the batch in flight, if any, and count its outcomes."""
        if self._in_flight is None:
            return
        future, records, article_notes = self._in_flight
        self._in_flight = None
        self._account(records, article_notes, future.result())

    def close(self) -> None:
        try:
            self.wait()
        finally:
            if self._executor is not None:
                self._executor.shutdown(wait=True)
            if self._own is not None:
                self._own.close()

    def __enter__(self) -> RecordWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _account(
        self, records: list[Record], article_notes: list[list[str]], outcomes: list[Exception | None]
    ) -> None:
        report, hook = self.report, self.hook
        for record, item_notes, error in zip(records, article_notes, outcomes, strict=True):
            if error is not None:
                message = f"{record.origin}: could not store ({error})"
                self.statuses.pop(record.article_id, None)
                fail(report, hook, record.article_id, message)
                continue
            replaced = self.statuses.pop(record.article_id, "new") != "new"
            if replaced:
                report.replaced += 1
            else:
                report.stored += 1
            report.add_counts(record.counts)
            hook(record.article_id, "replaced" if replaced else "stored", "; ".join(item_notes) or None)


def _write_batch(store: Store, records: list[Record]) -> list[Exception | None]:
    try:
        return store.write_many(records)
    except sqlite3.Error as exc:  # e.g. disk full at commit: none of these is stored, later ones are tried
        return [exc] * len(records)


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
    report = IngestReport()
    hook = on_article or (lambda *_: None)
    statuses: dict[str, str] = {}
    notes: dict[str, list[str]] = {}

    to_annotate = pending_articles(
        sources, store, pipeline.version, report=report, hook=hook, statuses=statuses, notes=notes,
        reprocess=reprocess, fetcher=fetcher, max_chars=pipeline.settings.max_chars,
    )

    def on_note(article: Article, note: str) -> None:  # a limit that bit in the pipeline (a sentence split)
        notes.setdefault(article.id, []).append(f"{printable(article.origin or article.id)}: {note}")

    # rows are built where the annotation ran (spaCy's workers): this process only writes
    prepare = partial(to_record, pipeline_version=pipeline.version)
    ready: list[Record] = []
    writer = RecordWriter(store, report=report, hook=hook, statuses=statuses, notes=notes)
    with learned_actors(pipeline, store), writer:
        results = pipeline.pipe(to_annotate, n_process=n_process, finish=prepare, on_note=on_note)
        try:
            for result in results:
                if isinstance(result, InputError):
                    fail(report, hook, result.origin, str(result))
                    continue
                ready.append(result)
                if len(ready) >= WRITE_BATCH:
                    writer.submit(ready)
                    ready = []
        finally:  # Ctrl-C, SIGTERM: spaCy's workers are stopped now, and what is annotated is still stored
            results.close()
            writer.submit(ready)
    return report


@contextmanager
def learned_actors(pipeline: Pipeline, store: Store) -> Iterator[None]:
    """The people learned from the store's earlier articles, handed to the annotators that take them for
    this ingest only (the pipeline may serve `extract` afterwards, which has no store)."""
    takers = [a.use_learned for _name, a in pipeline.annotators if hasattr(a, "use_learned")]
    rows = store.learned_actors() if takers else []
    for use in takers:
        use(rows)
    try:
        yield
    finally:
        for use in takers:
            use([])


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
            try:
                article = _screened(item, max_chars)
            except Exception as exc:  # whatever one article does, the batch goes on
                origin = item.origin if isinstance(item, InputError) else (item.origin or item.id)
                article = InputError(origin, f"cannot be read ({type(exc).__name__}: {exc})")
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


def _screened(item: Article | InputError, max_chars: int) -> Article | InputError:
    if isinstance(item, InputError):
        return item
    article = admit(item, max_chars)
    if isinstance(article, InputError):
        return article
    skip, _ = screen(article)
    return skip or article


def _json(document: Document) -> str:
    return document.to_json()

"""One ingest run, for any engine: the articles to annotate, and the single writer of what comes back.

    read (feeds.iter_sources) -> screen (screening.screened) -> skip what is stored
        -> annotate (where the engine runs it) -> IngestRun.take -> RecordWriter -> Store

The engines differ only in where annotation runs (`engine.local`: this process or
spaCy's worker processes; `engine.dask`: a cluster). Each takes the articles of
`IngestRun.pending`, turns each into a `store.Record` where it is annotated, and hands
every result back with `IngestRun.take`. The run alone counts, reports and writes.
Reading keeps nothing: it is told which URLs were read before and hands on what it
learned besides articles (a feed's state) as data; the run adds the URL of a page
whose text is stored already (an alias), and the writer keeps both, a feed's state
only once every article read before it is stored, so an interrupted run never marks a
feed's entries as read when they are not.

Articles are written in small batches, each in one transaction with a savepoint per
article, so a killed ingest leaves only whole articles and a re-run does the rest.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..document import Article
from ..errors import InputError, SkippedInput, printable
from ..feeds import FeedState, iter_sources
from ..fetching import is_url
from ..screening import screened
from ..store import KeyedRow, Record, Store, content_hash, feed_state_row, url_alias_row

if TYPE_CHECKING:
    from ..fetching import Fetcher
    from ..pipeline import Pipeline

# Articles written per transaction: a commit (and an FTS segment) per article costs
# more than the inserts. A killed ingest loses at most these; a re-run does them.
WRITE_BATCH = 32

LAYERS = ("events", "quotes", "actors", "timexes", "positions")


@dataclass
class IngestReport:
    stored: int = 0
    replaced: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # skipped languages, dates set aside
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LAYERS, 0))

    def add_counts(self, counts: dict[str, int]) -> None:
        for layer, n in counts.items():
            self.counts[layer] += n


# Called after each article: (article id or origin, outcome, message) with outcome in
# stored/replaced/skipped/failed.
ProgressHook = Callable[[str, str, str | None], None]


def _ignore(*_: object) -> None:
    pass


class IngestRun:
    """The state of one ingest: what was sent to annotation, what is stored, what to report.

    Used as a context manager: on the way out (finished, failed or interrupted) every
    result taken so far is stored and the writer is closed.
    """

    def __init__(
        self,
        store: Store,
        version: str,
        *,
        max_chars: int,
        reprocess: bool = False,
        fetcher: Fetcher | None = None,
        on_article: ProgressHook | None = None,
        background: bool = True,
    ) -> None:
        self.store, self.version, self.max_chars = store, version, max_chars
        self.reprocess, self.fetcher = reprocess, fetcher
        self.report = IngestReport()
        self.hook = on_article or _ignore
        self._statuses: dict[str, str] = {}  # id -> "new", "changed" or "stale", for each article sent
        self._pages: dict[str, str] = {}  # text hash -> id of each page fetched in this run
        self._unsettled: Counter[str] = Counter()  # ids sent to annotation, not yet stored or failed
        self._waiting: list[tuple[set[str], KeyedRow]] = []  # kept once these articles are settled
        self._keyed: list[KeyedRow] = []  # kept with the next batch
        self._ready: list[Record] = []
        self._writer = RecordWriter(store, on_written=self._account, background=background)

    # ------------------------------------------------------------------ before annotation

    def pending(self, sources: Iterable[str | Path]) -> Iterator[Article]:
        """The articles of `sources` that need annotating; the others are counted here.

        Unreadable inputs are counted as failed, other languages and stored articles as
        skipped. No exception of one input escapes: it fails with one line naming the
        input, and the batch goes on.
        """
        items = iter_sources(
            sources, seen=self.store.has_url, last_poll=self._last_poll, fetcher=self.fetcher,
            max_bytes=self.max_chars * 4,
        )
        for item in items:
            if isinstance(item, FeedState):
                row = feed_state_row(item.url, item.etag, item.last_modified, item.polled_at)
                self._keep_after(set(self._unsettled), row)
                continue
            article = self._to_annotate(item)
            if article is not None:
                self._unsettled[article.id] += 1
                yield article

    def _last_poll(self, url: str) -> FeedState | None:
        row = self.store.feed_state(url)
        return FeedState(url, row["etag"], row["last_modified"], row["last_polled"]) if row else None

    def _to_annotate(self, item: Article | InputError) -> Article | None:
        result: Article | InputError | None = screened(item, self.max_chars)
        if isinstance(result, Article):
            try:
                result = self._not_stored(result)
            except Exception as exc:  # whatever one article does, the batch goes on
                origin = result.origin or result.id
                result = InputError(origin, f"cannot be read ({type(exc).__name__}: {exc})")
        if isinstance(result, SkippedInput):
            self.report.skipped += 1
            self.report.notes.append(str(result))
            self.hook(result.origin, "skipped", str(result))
            return None
        if isinstance(result, InputError):
            self._fail(result.origin, str(result))
            return None
        return result

    def _not_stored(self, article: Article) -> Article | SkippedInput | None:
        """`article` with its store status noted, a SkippedInput for a page fetched before under
        another URL, or None when this pipeline stored it already (counted here)."""
        if is_url(article.origin or ""):
            again = self._fetched_before(article)
            if again is not None:
                return again
        status = self.store.status(article.id, article.text, self.version)
        # an article read by another pipeline (new rules, or the user's knowledge changed) is read again
        if status == "same" and not self.reprocess:
            self.report.skipped += 1
            self.hook(article.id, "skipped", None)
            return None
        self._statuses[article.id] = status
        return article

    def _fetched_before(self, article: Article) -> SkippedInput | None:
        """A fetched page with the text of a page fetched earlier in this run, or of a stored article,
        is skipped and its URL remembered (so it is not fetched again)."""
        url = article.origin or ""
        first = self._pages.setdefault(content_hash(article.text), article.id)
        if first != article.id:
            where = f"article {first} of this run"
        else:
            stored = self.store.article_with_content(article.text)
            if stored is None or stored == article.id:
                return None
            first, where = stored, f"stored article {stored}"
        self._keyed.append(url_alias_row(url, first))
        return SkippedInput(url, f"skipped: same text as {where}; not stored again")

    # ------------------------------------------------------------------ after annotation

    def take(self, article_id: str, result: Record | InputError) -> None:
        """The outcome of annotating article `article_id` (sent by `pending`): stored in batches."""
        if isinstance(result, InputError):
            self._statuses.pop(article_id, None)
            self._fail(result.origin, str(result))
            self._settle(article_id, stored=False)
            return
        self._ready.append(result)
        if len(self._ready) >= WRITE_BATCH:
            self._flush()

    def fail_all(self, articles: Iterable[Article], reason: str) -> None:
        """Articles sent together whose annotation failed as a whole (e.g. a worker died)."""
        for article in articles:
            origin = article.origin or article.id
            self._statuses.pop(article.id, None)
            self._fail(origin, f"{printable(origin)}: {reason}")
            self._settle(article.id, stored=False)

    def close(self) -> None:
        """Store every result taken, and what is ready to keep besides, then close the writer."""
        try:
            self._flush()
            self._writer.wait()  # its outcomes may settle the last articles a feed's state waits for
            if self._keyed:
                self._flush()
                self._writer.wait()
        finally:
            self._writer.close()

    def __enter__(self) -> IngestRun:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _flush(self) -> None:
        records, keyed = self._ready, self._keyed
        self._ready, self._keyed = [], []
        self._writer.submit(records, keyed)

    def _account(self, records: list[Record], outcomes: list[Exception | None]) -> None:
        """Count and report each written record (in the caller's thread, see `RecordWriter`)."""
        report = self.report
        for record, error in zip(records, outcomes, strict=True):
            notes = [f"{printable(record.origin)}: {note}" for note in record.notes]
            report.notes.extend(notes)
            status = self._statuses.pop(record.article_id, "new")
            if error is not None:
                self._fail(record.article_id, f"{record.origin}: could not store ({error})")
            else:
                outcome = "stored" if status == "new" else "replaced"
                if outcome == "stored":
                    report.stored += 1
                else:
                    report.replaced += 1
                report.add_counts(record.counts)
                self.hook(record.article_id, outcome, "; ".join(notes) or None)
            self._settle(record.article_id, stored=error is None)

    def _fail(self, origin: str, message: str) -> None:
        self.report.failed += 1
        self.report.errors.append(message)
        self.hook(origin, "failed", message)

    def _keep_after(self, articles: set[str], row: KeyedRow) -> None:
        """Keep `row` once every one of `articles` is stored or failed."""
        if articles:
            self._waiting.append((articles, row))
        else:
            self._keyed.append(row)

    def _settle(self, article_id: str, stored: bool) -> None:
        """Article `article_id` is stored (or failed): what waited only for it is ready to keep.

        A row that waited for an article that failed is dropped: a feed whose state is not
        kept is read whole again next time, and its entries not stored are tried again.
        """
        self._unsettled[article_id] -= 1
        if self._unsettled[article_id] <= 0:
            del self._unsettled[article_id]
        if not self._waiting:
            return
        still = []
        for articles, row in self._waiting:
            if article_id in articles:
                if not stored:
                    continue  # dropped
                articles.discard(article_id)
            if articles:
                still.append((articles, row))
            else:
                self._keyed.append(row)
        self._waiting = still


class RecordWriter:
    """Stores batches of records (and keyed rows), and reports each batch's outcomes, for any engine.

    Each batch is one transaction with a savepoint per article (see `Store.write_many`),
    so each article is whole or absent. With `background=True` the SQL runs on a
    thread of its own, over a connection of its own, while the caller annotates the
    next batch: SQLite releases the GIL while it inserts and indexes, so writing
    overlaps parsing even in one process. At most one batch is in flight, and
    `on_written(records, outcomes)` is always called in the caller's thread.
    """

    def __init__(
        self,
        store: Store,
        *,
        on_written: Callable[[list[Record], list[Exception | None]], None],
        background: bool = True,
    ) -> None:
        self.on_written = on_written
        self._store = store
        self._own: Store | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._in_flight: tuple[Future, list[Record]] | None = None
        if background and not store.in_memory:
            # WAL: the caller's connection keeps reading (what is stored) while this one writes
            self._own = Store(store.path)
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="communique-writer")

    def submit(self, records: list[Record], keyed: list[KeyedRow] | None = None) -> None:
        """Store `records` and `keyed` rows (now, or on the writer thread once the previous batch is done)."""
        keyed = keyed or []
        if not records and not keyed:
            return
        if self._executor is None or self._own is None:
            self.on_written(records, _write_batch(self._store, records, keyed))
            return
        self.wait()
        self._in_flight = (self._executor.submit(_write_batch, self._own, records, keyed), records)

    def wait(self) -> None:
        """Wait for the batch in flight, if any, and report its outcomes."""
        if self._in_flight is None:
            return
        future, records = self._in_flight
        self._in_flight = None
        self.on_written(records, future.result())

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


def _write_batch(store: Store, records: list[Record], keyed: list[KeyedRow]) -> list[Exception | None]:
    try:
        return store.write_many(records, keyed)
    except sqlite3.Error as exc:  # e.g. disk full at commit: none of these is stored, later ones are tried
        return [exc] * len(records)


def takes_learned(pipeline: Pipeline) -> bool:
    """Whether an annotator of `pipeline` uses the people learned from a store's earlier articles."""
    return any(hasattr(annotator, "use_learned") for _name, annotator in pipeline.annotators)


def use_learned(pipeline: Pipeline, rows: list[dict[str, Any]]) -> None:
    """Hand the people learned from a store's earlier articles (`Store.learned_actors()`) to the
    annotators that take them; `[]` takes them back."""
    for _name, annotator in pipeline.annotators:
        if hasattr(annotator, "use_learned"):
            annotator.use_learned(rows)

"""Feeds and URLs as sources: RSS/Atom entries and article pages become Articles.

`iter_sources` extends `reading.read_sources` with http(s) URLs (article pages
or feeds) and feed files. Reading only reads: it is told which URLs were read
before (`seen`, so they are not fetched again) and what a feed's last poll kept
(`last_poll`), and it hands on, after a feed's entries, the feed's new state
(`FeedState`: ETag, Last-Modified, entries) as data, for the single writer to keep
once those entries are stored. An unchanged feed costs one small conditional request.
Local feed files have the same size limit as fetched ones. Whatever goes wrong with
one feed or one entry is one InputError naming it; the others go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .cleaning import extract_html
from .document import Article
from .errors import InputError
from .fetching import Fetcher, FetchOptions, Response, is_url
from .reading import MAX_ARTICLE_BYTES, content_id, decode_with_notes, normalize_date, read_sources

FEED_SUFFIXES = {".rss", ".atom", ".xml", ".rdf"}
FEED_TYPES = ("application/rss", "application/atom", "application/rdf", "application/xml", "text/xml")


@dataclass(frozen=True, slots=True)
class FeedState:
    """What one poll of a feed learned: its validators (for a conditional request next time),
    when it was polled, and how many entries it listed."""

    url: str
    etag: str | None
    last_modified: str | None
    polled_at: str  # ISO 8601, UTC
    entries: int = 0


@dataclass(frozen=True)
class FeedEntry:
    link: str
    title: str | None
    published: str | None
    summary: str | None


def looks_like_feed(content: bytes, content_type: str = "") -> bool:
    if any(t in content_type.lower() for t in FEED_TYPES):
        return True
    head = content[:2000].lstrip().lower()
    return (
        head.startswith(b"<?xml")
        and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)
        or head.startswith((b"<rss", b"<feed"))
    )


def parse_feed(content: bytes, origin: str) -> list[FeedEntry]:
    """The entries of an RSS or Atom feed; InputError if it is not a feed."""
    import feedparser

    parsed = feedparser.parse(content)
    if not parsed.entries and (parsed.bozo or not parsed.feed):
        reason = getattr(parsed, "bozo_exception", None)
        raise InputError(origin, f"not a readable RSS or Atom feed ({reason or 'no entries'})")
    entries = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        published = None
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            published = f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}"
        entries.append(FeedEntry(link, entry.get("title"), published, entry.get("summary")))
    return entries


def article_from_page(
    response: Response, entry: FeedEntry | None = None, requested: str | None = None
) -> Article:
    """An Article from a fetched HTML page; the feed entry fills what the page lacks."""
    html, notes = decode_with_notes(response.content, response.url)
    extracted = extract_html(html) or {}
    text = (extracted.get("text") or "").strip()
    if not text:
        raise InputError(response.url, "no article text found in the page")
    url = extracted.get("url") or response.url
    published = normalize_date(extracted.get("date"))
    date_source = "metadata" if published else None
    if published is None and entry and entry.published:
        published, date_source = entry.published, "feed"
    return Article(
        id=content_id(url),
        text=text,
        title=extracted.get("title") or (entry.title if entry else None),
        source=extracted.get("sitename"),
        url=url,
        published=published,
        date_source=date_source,
        origin=requested or response.url,  # the link as given, so a re-poll recognizes it before fetching
        notes=notes,
    )


def iter_sources(
    sources: Iterable[str | Path],
    *,
    seen: Callable[[str], bool] = lambda url: False,
    last_poll: Callable[[str], FeedState | None] = lambda url: None,
    fetcher: Fetcher | None = None,
    max_bytes: int = MAX_ARTICLE_BYTES,
) -> Iterator[Article | InputError | FeedState]:
    """Articles from files, folders, stdin, feed files and http(s) URLs, with errors as values.

    `seen(url)` says whether a page was read before (it is then not fetched); `last_poll(url)`
    gives a feed's state from its last poll (its validators make an unchanged feed cost one
    small request). After the entries of a fetched feed comes its new `FeedState`, for the
    caller to keep once those entries are stored. Reading itself keeps nothing.
    """
    for source in sources:
        text = str(source)
        if is_url(text):
            if fetcher is None:
                fetcher = Fetcher()
            yield from _guarded(_from_url(text, seen, last_poll, fetcher), text)
        elif Path(text).suffix.lower() in FEED_SUFFIXES and Path(text).is_file():
            yield from _guarded(_from_feed_file(Path(text), seen, fetcher), text)
        else:
            yield from read_sources([source], max_bytes=max_bytes)


def _guarded(
    results: Iterator[Article | InputError | FeedState], origin: str
) -> Iterator[Article | InputError | FeedState]:
    try:
        yield from results
    except Exception as exc:  # a library's surprise on one feed must not end the batch
        yield InputError(origin, f"cannot read ({type(exc).__name__}: {exc})")


def _from_url(
    url: str, seen: Callable[[str], bool], last_poll: Callable[[str], FeedState | None], fetcher: Fetcher
) -> Iterator[Article | InputError | FeedState]:
    if seen(url):
        return
    before = last_poll(url)
    polled_at = datetime.now(UTC).isoformat(timespec="seconds")
    try:
        response = fetcher.get(
            url, etag=before.etag if before else None, last_modified=before.last_modified if before else None
        )
    except InputError as err:
        yield err
        return
    if response.not_modified:
        return
    if looks_like_feed(response.content, response.content_type):
        try:
            entries = parse_feed(response.content, url)
        except InputError as err:
            yield err
            return
        yield from _entries(entries, seen, fetcher)
        # after every entry was handed on: kept once they are stored, so none is missed
        yield FeedState(url, response.etag, response.last_modified, polled_at, len(entries))
        return
    yield from _page(response, url, None, seen)


def _page(
    response: Response, link: str, entry: FeedEntry | None, seen: Callable[[str], bool]
) -> Iterator[Article | InputError]:
    """The article of a fetched page, unless it was read before under its canonical URL."""
    try:
        article = article_from_page(response, entry, requested=link)
    except InputError as err:
        yield err
        return
    if article.url and article.url != link and seen(article.url):
        return
    yield article


def _from_feed_file(
    path: Path, seen: Callable[[str], bool], fetcher: Fetcher | None
) -> Iterator[Article | InputError]:
    limit = (fetcher.options if fetcher is not None else FetchOptions()).max_bytes
    try:
        with path.open("rb") as fh:  # the limit of a fetched feed: a huge file is not parsed into memory
            content = fh.read(limit + 1)
        if len(content) > limit:
            raise InputError(str(path), f"feed file is over the {limit / 1e6:.0f} MB limit")
        entries = parse_feed(content, str(path))
    except (InputError, OSError) as err:
        yield err if isinstance(err, InputError) else InputError(str(path), f"cannot read file ({err})")
        return
    if not entries:
        yield InputError(str(path), "feed has no entries with links")
        return
    yield from _entries(entries, seen, fetcher or Fetcher())


def _entries(
    entries: list[FeedEntry], seen: Callable[[str], bool], fetcher: Fetcher
) -> Iterator[Article | InputError]:
    for entry in entries:
        try:
            if seen(entry.link):
                continue
            response = fetcher.get(entry.link)
        except InputError as err:
            yield err
            continue
        yield from _guarded(_page(response, entry.link, entry, seen), entry.link)

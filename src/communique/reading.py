"""Read articles from files, folders, JSON/JSONL and stdin.

`read_sources` yields `Article` objects and, for inputs it cannot read,
`InputError` values instead of raising: one bad file never stops a batch.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from .cleaning import clean_field
from .decoding import decode_bytes, decode_legacy
from .document import Article
from .errors import InputError
from .publication_date import guess_date

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES

# A single article bigger than this is refused: real articles are a few tens of KB.
MAX_ARTICLE_BYTES = 5_000_000
# Fewer words than this out of an HTML page is a menu or a login wall, not an article.
MIN_HTML_WORDS = 8
_FRONT_MATTER_KEYS = {"id", "title", "source", "url", "published", "date"}
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")

ReadResult = Article | InputError


def content_id(text: str) -> str:
    """A stable id for an article without one: a hash of its text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_sources(sources: Iterable[str | Path], max_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[ReadResult]:
    """Every article in the given paths (files, folders, or "-" for stdin)."""
    for source in sources:
        if str(source) == "-":
            yield from _read_stdin(max_bytes)
            continue
        path = Path(source)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            if not files:
                yield InputError(str(path), "folder has no files")
            for file in files:
                yield from read_file(file, max_bytes)
        elif path.exists():
            yield from read_file(path, max_bytes)
        else:
            yield InputError(str(path), "no such file or folder")


def read_file(path: Path, max_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[ReadResult]:
    origin = str(path)
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        if size == 0:
            yield InputError(origin, "empty file")
            return
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as fh:
                yield from _read_jsonl_lines(_iter_lines(fh, max_bytes), origin, max_bytes)
            return
        if size > max_bytes:
            yield InputError(origin, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit for one article")
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield InputError(origin, f"cannot read file ({exc.strerror or exc})")
        return
    try:
        text = decode_bytes(raw, origin)
    except InputError as err:
        yield err
        return
    if suffix in JSON_SUFFIXES:
        yield from _read_json(text, origin)
    elif suffix in HTML_SUFFIXES or (suffix not in KNOWN_SUFFIXES and _looks_like_html(text)):
        yield _from_html(text, origin)
    else:
        yield _from_text(text, origin, default_id=None)


def _iter_lines(fh: BinaryIO, max_bytes: int) -> Iterator[bytes | int]:
    """The lines of a binary stream; a line longer than `max_bytes` comes as its length only.

    An overlong line is skipped chunk by chunk, so a 50 MB line never sits in memory.
    """
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        yield _bounded(line, fh, max_bytes)


def _bounded(line: bytes, fh: BinaryIO, max_bytes: int) -> bytes | int:
    if len(line) <= max_bytes or line.endswith(b"\n"):
        return line
    size = len(line)
    while True:
        chunk = fh.readline(1 << 20)
        size += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return size


def _read_stdin(max_bytes: int) -> Iterator[ReadResult]:
    stream = sys.stdin.buffer
    # The first non-blank line tells JSONL from a single article; reading no further keeps a
    # pipe (`tail -f feed.jsonl | communique ingest -`) streaming article by article.
    first: list[bytes] = []
    while not any(line.strip() for line in first):
        line = stream.readline(max_bytes + 1)
        if not line:
            break
        first.append(line)
    head = b"".join(first)
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        lines = chain((_bounded(line, stream, max_bytes) for line in first), _iter_lines(stream, max_bytes))
        yield from _read_jsonl_lines(lines, "<stdin>", max_bytes)
        return
    raw = head + stream.read(max(0, max_bytes + 1 - len(head)))
    if len(raw) > max_bytes:
        yield InputError("<stdin>", f"input is over the {max_bytes / 1e6:.0f} MB limit for one article")
        return
    try:
        text = decode_bytes(raw, "<stdin>")
    except InputError as err:
        yield err
        return
    stripped = text.lstrip()
    if stripped.startswith("["):
        yield from _read_json(text, "<stdin>")
    elif _looks_like_html(text):
        yield _from_html(text, "<stdin>")
    else:
        yield _from_text(text, "<stdin>", default_id=None)


def _read_jsonl_lines(lines: Iterable[bytes | int], origin: str, max_bytes: int) -> Iterator[ReadResult]:
    found = False
    for n, raw in enumerate(lines, 1):
        if isinstance(raw, int):
            found = True
            yield InputError(origin, f"line is {raw / 1e6:.1f} MB, over the limit for one article", line=n)
            continue
        if not raw.strip():
            continue
        found = True
        if len(raw) > max_bytes:
            yield InputError(origin, f"line is {len(raw) / 1e6:.1f} MB, over the limit for one article", line=n)
            continue
        try:
            line = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            line = decode_legacy(raw)
            if line is None:
                yield InputError(origin, "line is not UTF-8 and its encoding is unknown", line=n)
                continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(origin, f"invalid JSON ({exc.msg} at column {exc.colno})", line=n)
            continue
        except RecursionError:
            yield InputError(origin, "invalid JSON (nested too deeply)", line=n)
            continue
        yield _from_object(obj, origin, line=n)
    if not found:
        yield InputError(origin, "no articles in file")


def _read_json(text: str, origin: str) -> Iterator[ReadResult]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputError(origin, f"invalid JSON ({exc.msg})", line=exc.lineno)
        return
    except RecursionError:
        yield InputError(origin, "invalid JSON (nested too deeply)")
        return
    items = data if isinstance(data, list) else [data]
    if not items:
        yield InputError(origin, "no articles in file")
    for i, obj in enumerate(items):
        yield _from_object(obj, f"{origin}[{i}]" if isinstance(data, list) else origin)


def _from_object(obj: object, origin: str, line: int | None = None) -> ReadResult:
    if not isinstance(obj, dict):
        return InputError(origin, "expected a JSON object with a 'text' field", line=line)
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputError(origin, "article has no 'text'", line=line)
    published, date_source = normalize_date(obj.get("published") or obj.get("date")), "given"
    if published is None:
        published, date_source = fallback_date(obj.get("url"), text)
    given_id = clean_field(_str_or_none(obj.get("id")), limit=200)
    return Article(
        id=given_id or content_id(text),
        text=text,
        title=clean_field(_str_or_none(obj.get("title"))),
        source=clean_field(_str_or_none(obj.get("source"))),
        url=clean_field(_str_or_none(obj.get("url"))),
        published=published,
        date_source=date_source if published else None,
        origin=f"{origin}:{line}" if line else origin,
    )


def _from_text(text: str, origin: str, default_id: str | None) -> Article:
    meta, body = split_front_matter(text)
    published, date_source = normalize_date(meta.get("published") or meta.get("date")), "given"
    if published is None:
        published, date_source = fallback_date(meta.get("url"), body)
    return Article(
        id=clean_field(meta.get("id"), limit=200) or default_id or content_id(body),
        text=body,
        title=clean_field(meta.get("title")),
        source=clean_field(meta.get("source")),
        url=clean_field(meta.get("url")),
        published=published,
        date_source=date_source if published else None,
        origin=origin,
    )


def _from_html(html: str, origin: str) -> ReadResult:
    from .cleaning import extract_html

    extracted = extract_html(html)
    if extracted is None or len((extracted.get("text") or "").split()) < MIN_HTML_WORDS:
        return InputError(origin, "no article text found in HTML")
    text = extracted["text"]
    published, date_source = normalize_date(extracted.get("date")), "metadata"
    if published is None:
        published, date_source = fallback_date(extracted.get("url"), text)
    return Article(
        id=content_id(text),
        text=text,
        title=clean_field(extracted.get("title")),
        source=clean_field(extracted.get("sitename")),
        url=clean_field(extracted.get("url")),
        published=published,
        date_source=date_source if published else None,
        origin=origin,
    )


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """`---` delimited `key: value` lines at the top of a text file."""
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        return {}, text
    meta: dict[str, str] = {}
    for i, line in enumerate(lines[1:], 1):
        if line.strip() == "---":
            return meta, "".join(lines[i + 1 :]).lstrip("\n")
        key, sep, value = line.partition(":")
        if not sep or key.strip().lower() not in _FRONT_MATTER_KEYS:
            return {}, text  # not front matter after all
        meta[key.strip().lower()] = value.strip().strip("\"'")
    return {}, text


def normalize_date(value: object) -> str | None:
    """YYYY-MM-DD from an ISO date or datetime string; None if it is not one."""
    if not isinstance(value, str):
        return None
    m = _ISO_DATE.match(value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def fallback_date(url: object, text: str) -> tuple[str | None, str | None]:
    """A publication date when none was given: from the URL, then from a dateline (never from a
    photo caption or credit line; see `publication_date`)."""
    return guess_date(url, text)


def _looks_like_html(text: str) -> bool:
    head = text[:1000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def _str_or_none(value: object) -> str | None:
    return str(value) if value not in (None, "") else None


def count_articles(sources: Iterable[str | Path]) -> int | None:
    """A quick count of the articles in `sources`, for progress bars (None for stdin)."""
    total = 0
    for source in sources:
        if str(source) == "-" or str(source).startswith(("http://", "https://")):
            return None  # stdin and feeds: unknown until read
        path = Path(source)
        files = [p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")] if path.is_dir() else [path]
        for file in files:
            if file.suffix.lower() in JSONL_SUFFIXES:
                try:
                    with file.open("rb") as fh:  # bounded lines: a 50 MB line is counted, not loaded
                        total += sum(1 for line in _iter_lines(fh, MAX_ARTICLE_BYTES) if isinstance(line, int) or line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total

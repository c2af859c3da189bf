"""Read articles from files, folders, JSON/JSONL and stdin.

`read_sources` yields `Article` objects and, for inputs it cannot read,
`InputError` values instead of raising: one bad file never stops a batch.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from .boundary import admitted_date, content_id, has_surrogate, valid_text
from .cleaning import clean_field
from .decoding import decode_bytes, decode_text, decode_with_notes
from .document import Article
from .errors import InputError, SkippedInput
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

__all__ = ["content_id", "decode_bytes", "read_sources", "read_file", "count_articles", "normalize_date"]


def read_sources(sources: Iterable[str | Path], max_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[ReadResult]:
    """Every article in the given paths (files, folders, or "-" for stdin).

    Nothing a source holds stops the others: whatever goes wrong reading one file
    (or one line of it) comes out as an InputError naming it, and reading goes on.
    """
    for source in sources:
        if str(source) == "-":
            yield from _guarded(_read_stdin(max_bytes), "<stdin>")
            continue
        path = Path(source)
        kind = _kind(path)
        if isinstance(kind, InputError):
            yield kind
        elif kind == "folder":
            yield from _read_folder(path, max_bytes)
        elif kind in ("file", "pipe"):  # a pipe given by name (`<(cat x.jsonl)`) is read as a stream
            yield from _guarded(read_file(path, max_bytes), str(path))
        else:
            yield InputError(str(path), f"is {kind}, not a file or folder")


def _kind(path: Path) -> str | InputError:
    """"file", "folder", "pipe" or what else `path` is; an InputError if it cannot be looked at."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            return InputError(str(path), "broken link (its target does not exist)")
        return InputError(str(path), "no such file or folder")
    except OSError as exc:  # a link loop (ELOOP), a name too long, no permission on the way
        return InputError(str(path), f"cannot look at it ({exc.strerror or exc})")
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISFIFO(mode):
        return "pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a socket" if stat.S_ISSOCK(mode) else "not a regular file"


def _read_folder(folder: Path, max_bytes: int) -> Iterator[ReadResult]:
    """Every file under `folder`; what cannot be read there is reported, never skipped silently.

    Named pipes and devices inside a folder are not opened (a pipe blocks until someone
    writes to it, a device may never end), links to folders are not followed (they may
    loop): each is skipped with a note. Unreadable subfolders and broken links fail.
    """
    found = False
    for item in _walk(folder):
        found = True
        if isinstance(item, InputError):
            yield item
        else:
            yield from _guarded(read_file(item, max_bytes), str(item))
    if not found:
        yield InputError(str(folder), "folder has no files")


def _walk(folder: Path) -> Iterator[Path | InputError]:
    problems: list[InputError] = []

    def unreadable(exc: OSError) -> None:
        where = str(exc.filename or folder)
        problems.append(InputError(where, f"cannot read folder ({exc.strerror or exc})"))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        yield from problems
        problems.clear()
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        base = Path(root)
        for name in dirs:
            if (base / name).is_symlink():
                message = "link to a folder not followed (it may loop); give it by name"
                yield SkippedInput(str(base / name), message)
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = base / name
            kind = _kind(path)
            if kind == "file":
                yield path
            elif isinstance(kind, InputError):
                yield kind
            else:
                message = f"skipped: {_kind_name(kind)} in a folder is not read; give it by name"
                yield SkippedInput(str(path), message)
    yield from problems


def _kind_name(kind: str) -> str:
    return "a named pipe" if kind == "pipe" else kind


def _guarded(results: Iterator[ReadResult], origin: str) -> Iterator[ReadResult]:
    """`results`, with any unexpected failure of the reader as one InputError naming the input."""
    try:
        yield from results
    except Exception as exc:  # a reader bug or a library's surprise must not end the batch
        yield InputError(origin, f"cannot read ({type(exc).__name__}: {exc})")


def read_file(path: Path, max_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[ReadResult]:
    origin = str(path)
    suffix = path.suffix.lower()
    try:
        regular = stat.S_ISREG(path.stat().st_mode)
        size = path.stat().st_size if regular else None
        if size == 0:
            yield InputError(origin, "empty file")
            return
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as fh:
                yield from _read_jsonl_lines(_iter_lines(fh, max_bytes), origin, max_bytes)
            return
        if size is not None and size > max_bytes:
            yield InputError(
                origin,
                f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit for one article",
            )
            return
        with path.open("rb") as fh:  # bounded even when the size is unknown (a pipe)
            raw = fh.read(max_bytes + 1)
    except OSError as exc:
        yield InputError(origin, f"cannot read file ({exc.strerror or exc})")
        return
    if len(raw) > max_bytes:
        yield InputError(origin, f"input is over the {max_bytes / 1e6:.0f} MB limit for one article")
        return
    if not raw:
        yield InputError(origin, "empty file")
        return
    yield from _read_document(raw, origin, suffix)


def _read_document(raw: bytes, origin: str, suffix: str) -> Iterator[ReadResult]:
    """The article(s) of one whole file (or of stdin) by its suffix or its look."""
    try:
        text, notes = decode_with_notes(raw, origin)
    except InputError as err:
        yield err
        return
    if suffix in JSON_SUFFIXES or (suffix == "-" and text.lstrip().startswith("[")):
        results = _read_json(text, origin)
    elif suffix in HTML_SUFFIXES or (suffix not in KNOWN_SUFFIXES and _looks_like_html(text)):
        results = iter([_from_html(text, origin)])
    else:
        results = iter([_from_text(text, origin, default_id=None)])
    for result in results:
        if notes and isinstance(result, Article):
            result.notes.extend(notes)
        yield result


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
    yield from _read_document(raw, "<stdin>", "-")


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
        try:
            yield _jsonl_line(raw, origin, n, max_bytes)
        except Exception as exc:  # one line never ends the file
            yield InputError(origin, f"cannot read line ({type(exc).__name__}: {exc})", line=n)
    if not found:
        yield InputError(origin, "no articles in file")


def _jsonl_line(raw: bytes, origin: str, n: int, max_bytes: int) -> ReadResult:
    if len(raw) > max_bytes:
        return InputError(origin, f"line is {len(raw) / 1e6:.1f} MB, over the limit for one article", line=n)
    line, notes = decode_text(raw)
    if line is None:
        return InputError(origin, "line is not UTF-8 and its encoding is unknown", line=n)
    obj = _parse_json(line)
    if isinstance(obj, _JsonProblem):
        return InputError(origin, obj.message, line=n)
    result = _from_object(obj, origin, line=n)
    if notes and isinstance(result, Article):
        result.notes.extend(notes)
    return result


class _JsonProblem:
    def __init__(self, message: str):
        self.message = message


def _parse_json(text: str) -> object:
    """The parsed JSON, or a _JsonProblem saying in one line why it is not JSON we can read."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        return _JsonProblem(f"invalid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})")
    except RecursionError:
        return _JsonProblem("invalid JSON (nested too deeply)")
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        return _JsonProblem(f"unreadable JSON ({str(exc).split(';')[0]})")


def _read_json(text: str, origin: str) -> Iterator[ReadResult]:
    data = _parse_json(text)
    if isinstance(data, _JsonProblem):
        yield InputError(origin, data.message)
        return
    items = data if isinstance(data, list) else [data]
    if not items:
        yield InputError(origin, "no articles in file")
    for i, obj in enumerate(items):
        where = f"{origin}[{i}]" if isinstance(data, list) else origin
        try:
            yield _from_object(obj, where)
        except Exception as exc:  # one item never ends the file
            yield InputError(where, f"cannot read item ({type(exc).__name__}: {exc})")


def _from_object(obj: object, origin: str, line: int | None = None) -> ReadResult:
    if not isinstance(obj, dict):
        return InputError(origin, "expected a JSON object with a 'text' field", line=line)
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return InputError(origin, "article has no 'text'", line=line)
    notes: list[str] = []
    repaired = [name for name in ("text", "id", "title", "source", "url") if has_surrogate(obj.get(name))]
    if repaired:
        notes.append(f"invalid Unicode (lone surrogates) replaced in {', '.join(repaired)}")
    text = valid_text(text)
    fields = {name: _field(obj, name, notes) for name in ("id", "title", "source", "url")}
    published, date_source = _given_date(obj.get("published") or obj.get("date"), notes)
    if published is None:
        published, date_source = fallback_date(fields["url"], text)
    return Article(
        id=clean_field(fields["id"], limit=200) or content_id(text),
        text=text,
        title=clean_field(fields["title"]),
        source=clean_field(fields["source"]),
        url=clean_field(fields["url"]),
        published=published,
        date_source=date_source if published else None,
        origin=f"{origin}:{line}" if line else origin,
        notes=notes,
    )


def _field(obj: dict, name: str, notes: list[str]) -> str | None:
    """A metadata field as a string: numbers are written out, other JSON values are ignored with a note."""
    value = obj.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return valid_text(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    notes.append(f"'{name}' is a JSON {type(value).__name__}, not a string; ignored")
    return None


def _given_date(value: object, notes: list[str]) -> tuple[str | None, str | None]:
    """The publication day given in the input, or None with a note when a value was given but is not one."""
    published = normalize_date(value)
    if published is not None:
        day, problem = admitted_date(published)
        if problem:
            notes.append(problem)
        return day, "given" if day else None
    if value not in (None, ""):
        notes.append(admitted_date(value)[1] or "publication date is not a date; ignored")
    return None, None


def _from_text(text: str, origin: str, default_id: str | None) -> Article:
    meta, body = split_front_matter(text)
    notes: list[str] = []
    published, date_source = _given_date(meta.get("published") or meta.get("date"), notes)
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
        notes=notes,
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
    """A quick count of the articles in `sources`, for progress bars; None when it cannot be known
    without reading a stream (stdin, feeds, pipes, devices)."""
    total = 0
    for source in sources:
        if str(source) == "-" or str(source).startswith(("http://", "https://")):
            return None  # stdin and feeds: unknown until read
        path = Path(source)
        kind = _kind(path)
        if kind == "folder":
            files = [item for item in _walk(path) if isinstance(item, Path)]
        elif kind == "file":
            files = [path]
        elif isinstance(kind, InputError):
            total += 1  # reported as one failure
            continue
        else:
            return None  # a pipe is read once, by the ingest itself
        for file in files:
            total += _count_in_file(file)
    return total


def _count_in_file(file: Path) -> int:
    if file.suffix.lower() not in JSONL_SUFFIXES:
        return 1
    try:
        with file.open("rb") as fh:  # bounded lines: a 50 MB line is counted, not loaded
            lines = _iter_lines(fh, MAX_ARTICLE_BYTES)
            return sum(1 for line in lines if isinstance(line, int) or line.strip())
    except OSError:
        return 1

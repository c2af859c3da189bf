"""Bytes to text: UTF-8 first, then the legacy encoding charset-normalizer detects; binary refused.

A UTF-8 text with a few stray bytes of another encoding (a cp1252 quote mark pasted
into it) stays UTF-8: only the stray bytes are read as cp1252, with a note, so one
byte never turns the whole text into another alphabet.
Split from `reading` so the readers stay about formats, not encodings.
"""

from __future__ import annotations

import re

from .errors import InputError

# Leading bytes of common binary formats, for a message that says what the file is.
_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "a program",
    b"SQLite format 3\x00": "an SQLite database",
}
# Control characters other than tab and line breaks: many of them mean binary data.
_BINARY_CHARS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\ufffd]")
# Unicode ranges of text that any Western code page could have produced.
_WESTERN_ALPHABETS = ("Basic Latin", "Latin", "General Punctuation", "Currency Symbols", "Letterlike Symbols")


def decode_bytes(raw: bytes, origin: str) -> str:
    """UTF-8 first, then the encoding charset-normalizer detects; binary is refused."""
    return decode_with_notes(raw, origin)[0]


def decode_with_notes(raw: bytes, origin: str) -> tuple[str, list[str]]:
    """The text of `raw` and notes on what decoding had to repair; InputError if it is not text."""
    for magic, kind in _MAGIC.items():
        if raw.startswith(magic):
            raise InputError(origin, f"binary file ({kind}), not text, HTML or JSON")
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(origin, "binary file (not text, HTML or JSON)")
    text, notes = decode_text(raw)
    if text is None:
        raise InputError(origin, "binary file or unknown text encoding")
    if _looks_binary(text):
        raise InputError(origin, "binary file (mostly control characters), not text, HTML or JSON")
    if not text.strip():
        raise InputError(origin, "no text in file")
    return text, notes


def decode_text(raw: bytes) -> tuple[str | None, list[str]]:
    """UTF-8 (stray bytes of another encoding read as cp1252), else the detected legacy encoding.

    None when no encoding fits. Notes say what was repaired.
    """
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    mixed = _utf8_with_stray_bytes(raw)
    if mixed is not None:
        text, stray = mixed
        return text, [f"{stray} byte{'s' if stray != 1 else ''} not valid UTF-8 read as cp1252"]
    return decode_legacy(raw), []


# Bytes that are not UTF-8 come out of `surrogateescape` as U+DC80..U+DCFF.
_STRAY = re.compile("[\udc80-\udcff]")


def _utf8_with_stray_bytes(raw: bytes) -> tuple[str, int] | None:
    """A UTF-8 text with a few bytes of a Western code page in it, repaired byte by byte.

    It is UTF-8 when its well-formed multi-byte characters are at least as many as its
    stray bytes; a text with none is in a legacy encoding throughout (None).
    """
    text = raw.decode("utf-8", "surrogateescape").removeprefix("\ufeff")
    stray = len(_STRAY.findall(text))
    well_formed = sum(1 for ch in text if ch >= "\x80") - stray
    if well_formed < max(stray, 1):
        return None
    return _STRAY.sub(_as_cp1252, text), stray


def _as_cp1252(match: re.Match[str]) -> str:
    byte = bytes([ord(match.group()) - 0xDC00])
    # the five bytes cp1252 leaves undefined are read as Latin-1 (C1 controls, dropped by cleaning)
    return byte.decode("cp1252", errors="ignore") or byte.decode("latin-1")


def decode_legacy(raw: bytes) -> str | None:
    """Text in a legacy encoding (cp1252, latin-1, UTF-16, Shift-JIS...), as charset-normalizer detects it."""
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        return None
    # Short texts leave Western code pages (cp1250, cp1252, latin-1...) ambiguous; for the
    # English news we read, cp1252 is by far the likeliest of them.
    western = all(a.startswith(_WESTERN_ALPHABETS) for a in best.alphabets)
    if western and best.encoding != "cp1252" and b"\x00" not in raw:  # UTF-16 has NULs
        try:
            return raw.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


def _looks_binary(text: str) -> bool:
    # Judge a sample: a text with more than 1% control or undecodable characters is not prose.
    sample = text[:20000]
    return len(_BINARY_CHARS.findall(sample)) > max(2, len(sample) // 100)

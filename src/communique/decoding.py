"""Bytes to text: UTF-8 first, then the legacy encoding charset-normalizer detects; binary refused.

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
    for magic, kind in _MAGIC.items():
        if raw.startswith(magic):
            raise InputError(origin, f"binary file ({kind}), not text, HTML or JSON")
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(origin, "binary file (not text, HTML or JSON)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = decode_legacy(raw)
        if text is None:
            raise InputError(origin, "binary file or unknown text encoding") from None
    if _looks_binary(text):
        raise InputError(origin, "binary file (mostly control characters), not text, HTML or JSON")
    if not text.strip():
        raise InputError(origin, "no text in file")
    return text


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

"""Errors a user can cause, each rendered as one clear line."""

from __future__ import annotations

import re

# What must never reach a terminal raw from a file name, URL or article field: C0 and C1
# controls (ESC sequences recolour or clear the screen; a newline splits the "one line"),
# bidirectional controls (U+202E reverses a name), line separators, and lone surrogates
# (a UTF-8 terminal cannot encode them).
_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def printable(text: object) -> str:
    """`text` as one safe line: unprintable characters become escapes such as \\x1b, \\n, \\u202e."""
    return _UNPRINTABLE.sub(_escape, str(text))


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = {"\n": "\\n", "\r": "\\r"}.get(char)
    if named:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


class CommuniqueError(Exception):
    """Base class: the message is a complete, user-facing sentence, made safe to print."""

    def __init__(self, message: str = "", *args: object):
        super().__init__(printable(message), *args)


class InputError(CommuniqueError):
    """An input that cannot be read: names the file and, when known, the line.

    `origin` keeps the name as given; the message escapes it (see `printable`).
    """

    def __init__(self, origin: str, message: str, line: int | None = None):
        self.origin = origin
        self.line = line
        self.reason = message
        where = f"{origin}:{line}" if line is not None else origin
        super().__init__(f"{where}: {message}")

    def __reduce__(self):  # pickles (spaCy and Dask workers) with its three arguments
        return type(self), (self.origin, self.reason, self.line)


class SkippedInput(InputError):
    """A readable input that is deliberately not annotated (another language, a named pipe in a folder)."""


class ModelNotFound(CommuniqueError):
    pass


class StoreError(CommuniqueError):
    pass


class SettingsError(CommuniqueError, ValueError):
    """A setting (environment variable or option) with a value that cannot be used."""

"""Errors a user can cause, each rendered as one clear line."""

from __future__ import annotations


class CommuniqueError(Exception):
    """Base class: the message is a complete, user-facing sentence."""


class InputError(CommuniqueError):
    """An input that cannot be read: names the file and, when known, the line."""

    def __init__(self, origin: str, message: str, line: int | None = None):
        self.origin = origin
        self.line = line
        self.reason = message
        where = f"{origin}:{line}" if line is not None else origin
        super().__init__(f"{where}: {message}")


class ModelNotFound(CommuniqueError):
    pass


class StoreError(CommuniqueError):
    pass

"""The registry of annotators: each registers itself under a name with the layers it reads and writes.

Apart from the package's `__init__`, which imports the built-in annotators, so that
an annotator module never imports the package that imports it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..document import Document


class Annotator(Protocol):
    def __call__(self, document: Document, parsed: Doc) -> None: ...


@dataclass(frozen=True)
class AnnotatorSpec:
    name: str
    factory: Callable[..., Any]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


REGISTRY: dict[str, AnnotatorSpec] = {}


def annotator(name: str, *, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = ()):
    """Register an annotator class under a name, with the layers it reads and writes."""

    def register(cls: Callable[..., Any]) -> Callable[..., Any]:
        REGISTRY[name] = AnnotatorSpec(name, cls, tuple(requires), tuple(assigns))
        return cls

    return register

"""Annotators: named, registered steps that each add one layer to a Document.

An annotator is a class registered with `@annotator(name, requires=..., assigns=...)`.
It is built once per pipeline with the spaCy `Language` (it may add spaCy
components then, e.g. an entity ruler, through `setup(nlp)`), and called per
document as `annotator(document, parsed)`, where `parsed` is the spaCy Doc of
`document.text`. It reads earlier layers from the Document and writes its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from spacy.language import Language
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


def get_spec(name: str) -> AnnotatorSpec:
    _load_builtins()
    try:
        return REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(REGISTRY))
        raise ValueError(f"unknown annotator {name!r} (known: {known})") from None


def _load_builtins() -> None:
    # imported for their registration side effect
    from . import actors, events, positions, quotes, time  # noqa: F401


def build(name: str, nlp: Language) -> Annotator:
    spec = get_spec(name)
    instance = spec.factory()
    setup = getattr(instance, "setup", None)
    if setup is not None:
        setup(nlp)
    return instance

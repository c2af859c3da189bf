"""Annotators: named, registered steps that each add one layer to a Document.

An annotator is a class registered with `@annotator(name, requires=..., assigns=...)`.
It is built once per pipeline with the pipeline's `Knowledge` (the word lists and
tables it reads; see `communique.knowledge`) and the spaCy `Language` (it may add spaCy
components then, e.g. an entity ruler, through `setup(nlp)`), and called per
document as `annotator(document, parsed)`, where `parsed` is the spaCy Doc of
`document.text`. It reads earlier layers from the Document and writes its own.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .registry import REGISTRY, Annotator, AnnotatorSpec, annotator

if TYPE_CHECKING:
    from spacy.language import Language

    from ..knowledge import Knowledge

__all__ = [
    "REGISTRY", "Annotator", "AnnotatorSpec", "annotator", "build", "check_disabled", "get_spec", "plan",
]


# layers every Document has before any annotator runs
BASE_LAYERS = frozenset({"text", "sentences"})


def get_spec(name: str) -> AnnotatorSpec:
    _load_builtins()
    try:
        return REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(REGISTRY))
        near = difflib.get_close_matches(name, REGISTRY, n=1)
        hint = f"did you mean {near[0]!r}? " if near else ""
        raise ValueError(f"unknown annotator {name!r} ({hint}known: {known})") from None


def provider(layer: str) -> str:
    """The annotator that assigns `layer`."""
    _load_builtins()
    for spec in REGISTRY.values():
        if layer in spec.assigns:
            return spec.name
    raise ValueError(f"no annotator assigns the layer {layer!r}")


def plan(names: Iterable[str]) -> tuple[str, ...]:
    """The annotators to run for `names`, in an order where each layer is assigned before it is read.

    An annotator whose input no named annotator provides pulls in the one that does
    ("events" alone runs time, actors and quotes first): a layer that is silently empty
    would change what the reader finds without a word. The order asked for is kept
    where the layers allow it; an order they forbid ("actors,time") is corrected.
    """
    wanted = list(dict.fromkeys(get_spec(n).name for n in names))
    todo = list(wanted)
    while todo:  # close over the required layers
        for layer in get_spec(todo.pop()).requires:
            if layer not in BASE_LAYERS and provider(layer) not in wanted:
                wanted.append(provider(layer))
                todo.append(provider(layer))
    ordered: list[str] = []
    available = set(BASE_LAYERS)
    while len(ordered) < len(wanted):
        ready = [n for n in wanted if n not in ordered and set(get_spec(n).requires) <= available]
        if not ready:
            stuck = ", ".join(n for n in wanted if n not in ordered)
            raise ValueError(f"annotators {stuck} need each other's layers: no order can run them")
        ordered.append(ready[0])
        available.update(get_spec(ready[0]).assigns)
    return tuple(ordered)


def check_disabled(names: Iterable[str], disabled: Iterable[str]) -> frozenset[str]:
    """`disabled` validated against the annotators `names`: none of the rest may need its layers."""
    off = frozenset(get_spec(n).name for n in disabled)
    kept = [n for n in names if n not in off]
    for name in kept:
        missing = [
            layer for layer in get_spec(name).requires if layer not in BASE_LAYERS and provider(layer) in off
        ]
        if missing:
            raise ValueError(f"annotator {name!r} needs {', '.join(missing)}: disable it too, or keep "
                             f"{', '.join(sorted({provider(layer) for layer in missing}))}")
    return off


def _load_builtins() -> None:
    # imported for their registration side effect
    from . import actors, events, positions, quotes, time  # noqa: F401


def build(name: str, nlp: Language, knowledge: Knowledge | None = None) -> Annotator:
    """The annotator `name`, reading `knowledge` (the shipped files and the environment's folder if none)."""
    from ..knowledge import Knowledge

    spec = get_spec(name)
    instance = spec.factory(knowledge or Knowledge.from_env())
    setup = getattr(instance, "setup", None)
    if setup is not None:
        setup(nlp)
    return instance

"""The linking knowledge of `knowledge/en/stories.yaml`, read once: families, memberships, thresholds."""

from __future__ import annotations

from functools import cache
from typing import Any

from ..knowledge import load_yaml

CONFLICT_TYPES = frozenset(
    {"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
)


@cache
def settings() -> dict[str, Any]:
    return load_yaml("stories.yaml")


def window_days() -> int:
    return int(settings().get("window_days", 3))


def threshold(name: str) -> float:
    return float(settings()["threshold"][name])


@cache
def _family_table() -> tuple[dict[str, tuple[str, ...]], dict[str, bool]]:
    """{"TYPE" or "TYPE/mode": families listing it, in file order} and {family: directed}."""
    of: dict[str, tuple[str, ...]] = {}
    directed: dict[str, bool] = {}
    for name, spec in (settings().get("families") or {}).items():
        directed[name] = bool(spec.get("directed", False))
        for entry in spec.get("types") or []:
            of[str(entry)] = (*of.get(str(entry), ()), name)
    return of, directed


def families_of(type: str, mode: str | None = None) -> tuple[str, ...]:
    """The families an event can belong to, its own first: those listing its type/mode ("AGREE/meet":
    a meeting), then those listing its type (an agreement). An unlisted type is a family of its own."""
    of, _ = _family_table()
    found = [*of.get(f"{type}/{mode}", ()), *of.get(type, ())]
    return tuple(dict.fromkeys(found)) or (type,)


def family_of(type: str, mode: str | None = None) -> str:
    """The event's own family (see `families_of`)."""
    return families_of(type, mode)[0]


def is_directed(family: str) -> bool:
    """Whether who acted on whom is part of the family's events (an unlisted type: when it is a conflict)."""
    _, directed = _family_table()
    return directed.get(family, family in CONFLICT_TYPES)


@cache
def one_a_day(family: str) -> frozenset[str]:
    """The family's types whose events between the same parties happen at most once a day (a meeting held)."""
    spec = (settings().get("families") or {}).get(family) or {}
    return frozenset(str(t) for t in spec.get("one_a_day") or ())


@cache
def members() -> dict[str, frozenset[str]]:
    """Organisation code -> member state codes."""
    return {str(k): frozenset(str(c) for c in v) for k, v in (settings().get("memberships") or {}).items()}


def background_cues() -> tuple[str, ...]:
    return tuple(str(c).lower() for c in settings().get("background_cues") or [])


def lead_shape() -> tuple[int, int]:
    """(sentences in a lead, words a line needs to count as one)."""
    s = settings()
    return int(s.get("lead_sentences", 2)), int(s.get("lead_min_words", 6))

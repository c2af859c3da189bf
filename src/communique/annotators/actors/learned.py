"""People learned in earlier articles of a store, handed to the annotator by the caller.

An article that says "Interior Minister Rodrigo Salas of Chile" teaches that Rodrigo Salas acts for Chile;
a later article that names him without a title can reuse it. The store keeps them (`learned_actors`,
with the first and last article and the days they were seen); the ingest engine reads them before a batch
and hands them to the annotator, so annotation stays a function of the article and what it is given.
Without a store (`extract`) nothing is handed in and nothing is reused.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .gazetteer import norm
from .variants import VariantScheme, load_variants

if TYPE_CHECKING:
    from ...document import Actor


@dataclass(frozen=True, slots=True)
class Learned:
    name: str
    country: str
    sector: str | None = None
    role: str | None = None
    first_seen: str | None = None
    last_seen: str | None = None


def name_key(name: str, scheme: VariantScheme | None = None) -> str:
    """The key a full name is remembered by: folded (accents, apostrophes), one per transliteration
    (by `scheme`, the annotator's; else the shipped one and the environment's folder)."""
    return (scheme or load_variants()).key(norm(name))


def learnable(actors: Iterable[Actor]) -> Iterator[tuple[str, Actor]]:
    """(key, actor) for the people worth remembering: a full name of capitalised words, with a country.
    "Chinese ambassador" (an unnamed official) and "Lavrov" (a lone surname) are not remembered."""
    for actor in actors:
        words = actor.name.split()
        if (
            actor.kind == "person"
            and actor.country
            and len(words) >= 2
            and all(w[:1].isupper() for w in words)
        ):
            yield name_key(actor.name), actor


def seen_near(known: Learned, date: str | None, years: int) -> bool:
    """Whether an article of `date` lies within `years` of the days a learned person was seen (always,
    when either is unknown)."""
    if not date or not date[:4].isdigit():
        return True
    seen = [int(d[:4]) for d in (known.first_seen, known.last_seen) if d and d[:4].isdigit()]
    if not seen:
        return True
    year = int(date[:4])
    return min(seen) - years <= year <= max(seen) + years


def index(rows: Iterable[dict]) -> dict[str, Learned]:
    """The store's rows (`Store.learned_actors()`) by key."""
    return {
        r["key"]: Learned(
            r["name"], r["country"], r.get("sector"), r.get("role"), r.get("first_seen"), r.get("last_seen")
        )
        for r in rows
        if r.get("key") and r.get("country")
    }

"""A committee of a legislature acts for the legislature's state ("the Knesset Finance Committee").

A committee's name opens with the name of its chamber: a legislature the gazetteer knows gives its own
country; a bare chamber word ("House", "Senate") gives the state institutions.yaml names for it, unless
the article is about one other state, whose chamber it then is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .gazetteer import Gazetteer
    from .resolve import Book, Working

_COMMITTEE_WORDS = frozenset({"committee", "subcommittee"})


def committee_country(name: str, gaz: Gazetteer, chambers: dict[str, str], sole: str | None,
                      date: str | None) -> str | None:
    """The state whose legislature a committee of this name belongs to, or None if it is no such
    committee or its chamber is unknown."""
    words = name.split()
    if len(words) < 2 or not _COMMITTEE_WORDS & {w.lower() for w in words}:
        return None
    for n in range(min(3, len(words) - 1), 0, -1):  # the longest opening name first ("State Duma")
        opening = " ".join(words[:n])
        entry = gaz.pick(opening, date)
        if entry is not None and entry.sector == "LEG" and entry.country:
            return gaz.code_at(entry.country, date)
        chamber = chambers.get(opening.lower())
        if chamber is not None:
            return sole if sole is not None and sole != chamber else chamber
    return None


def assign_committees(book: Book, gaz: Gazetteer, chambers: dict[str, str], sole: str | None,
                      date: str | None) -> None:
    """Give every organisation with no country that is a legislature's committee its state and LEG."""
    for actor in list(book.actors.values()):
        if not _unplaced_organisation(actor):
            continue
        country = committee_country(actor.name, gaz, chambers, sole, date)
        if country is not None:
            actor.country, actor.sector, actor.kind = country, "LEG", "institution"


def _unplaced_organisation(actor: Working) -> bool:
    return actor.kind == "organisation" and actor.country is None and actor.key.startswith("org:")

"""Where the reports of one story differ, each value with the outlets that give it and their words.

Fields: the event's date; who initiated (a move of one side toward another) or who is blamed
(who struck, sanctioned or coerced; whom a condemnation blames); whether it happened or is only
to come ("agreed" vs "will agree"); where; and the numbers each report gives by what they count
(killed, wounded, prisoners, days of truce...). Nothing is picked: every value is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from . import config

Row = dict[str, Any]

_BLAME_BY_TARGET = frozenset({"condemnation"})  # a condemnation blames its target


def _sides(m: Row, family: str) -> tuple[str, str | None]:
    """("initiated" or "blamed", the codes) of a mention; None when the report names nobody for it."""
    if family in _BLAME_BY_TARGET:
        return "blamed", m.get("target_codes")
    if config.is_directed(family):
        return "blamed", m.get("source_codes")
    # a joint action ("X and Y agreed") has no initiator
    return "initiated", m.get("source_codes") if m.get("target_codes") else None


def _scalar(name: str, get: Callable[[Row], Any]) -> Callable[[Sequence[Row], str], list[Row]]:
    def field(mentions: Sequence[Row], family: str) -> list[Row]:
        return _compare(name, [(m, get(m), m.get("evidence")) for m in mentions])

    return field


def _dates(mentions: Sequence[Row], family: str) -> list[Row]:
    """The event's date as each report gives it in the event's own sentence ("on Friday")."""
    return _compare("date", [(m, m.get("date_said"), m.get("date_words")) for m in mentions])


def _who(mentions: Sequence[Row], family: str) -> list[Row]:
    items = []
    name = "blamed"
    for m in mentions:
        name, codes = _sides(m, family)
        items.append((m, ",".join(sorted(codes.split(","))) if codes else None, m.get("evidence")))
    return _compare(name, items)


def _counts(mentions: Sequence[Row], family: str) -> list[Row]:
    """Per kind of number, each article's largest figure (a toll that rose is told by its last figure)."""
    out = []
    kinds = sorted({kind for m in mentions for kind in m.get("counts") or {}})
    for kind in kinds:
        best: dict[str, tuple[Row, int, str]] = {}
        for m in mentions:
            for value, words in (m.get("counts") or {}).get(kind, []):
                if m["article_id"] not in best or value > best[m["article_id"]][1]:
                    best[m["article_id"]] = (m, value, words)
        out.extend(_compare(kind, list(best.values())))
    return out


def _compare(name: str, items: list[tuple[Row, Any, str | None]]) -> list[Row]:
    """One disagreement when the mentions give more than one value (mentions giving none are left out)."""
    by_value: dict[str, list[tuple[Row, str | None]]] = {}
    for m, value, words in items:
        if value not in (None, ""):
            by_value.setdefault(str(value), []).append((m, words))
    if len(by_value) < 2:
        return []
    values = []
    for value, given in sorted(by_value.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        values.append(
            {
                "value": value,
                "sources": sorted({m.get("source") or m["article_id"] for m, _ in given}),
                "articles": sorted({m["article_id"] for m, _ in given}),
                "words": [
                    {
                        "source": m.get("source") or m["article_id"],
                        "article_id": m["article_id"],
                        "idx": m["idx"],
                        "text": words,
                    }
                    for m, words in given
                ],
            }
        )
    return [{"field": name, "values": values}]


FIELDS: tuple[Callable[[Sequence[Row], str], list[Row]], ...] = (
    _dates,
    _who,
    _scalar("modality", lambda m: m.get("modality")),
    _scalar("location", lambda m: m.get("location")),
    _counts,
)


def _one_per_article(mentions: Sequence[Row]) -> list[Row]:
    """Each article's own word on the event: its central mention, else its first."""
    chosen: dict[str, Row] = {}
    for m in mentions:
        held = chosen.get(m["article_id"])
        if held is None or (m.get("central") and not held.get("central")):
            chosen[m["article_id"]] = m
    return list(chosen.values())


def disagreements(mentions: Sequence[Row], family: str) -> list[Row]:
    """Every field on which the story's reports differ (one value per article; numbers from all its
    mentions)."""
    representative = _one_per_article(mentions)
    out = [d for field in FIELDS[:-1] for d in field(representative, family)]
    return out + _counts(mentions, family)

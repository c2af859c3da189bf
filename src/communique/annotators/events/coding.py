"""Final coding of events: type changes by modality, interoperability codes, one record per action."""

from __future__ import annotations

from datetime import date as Date
from datetime import timedelta
from typing import TYPE_CHECKING

from ...periods import first_day, last_day

if TYPE_CHECKING:
    from collections.abc import Callable

    from ...document import Event
    from .lexicon import Lexicon


def recode_for_modality(etype: str, mode: str | None, modality: str, lex: Lexicon) -> tuple[str, str | None]:
    """A future action is a promise or a threat (PLOVER): "will visit" is AGREE, "could strike" THREATEN."""
    if modality not in ("future", "hypothetical"):
        return etype, mode
    new = lex.conditional_types.get(etype) if modality == "hypothetical" else None
    new = new or lex.future_types.get(etype)
    if new is None:
        return etype, mode
    return new[0], new[1]


def add_codes(event: Event, lex: Lexicon) -> None:
    event.cameo, event.quad_class, event.goldstein = lex.codes(event.type, event.mode)


def _codes(refs) -> tuple[str, ...]:
    return tuple(sorted({r.country or r.name for r in refs}))


def _plan(event: Event) -> str | None:
    return event.planned.date if event.planned is not None else None


def _same_plan(a: Event, b: Event) -> bool:
    """Two plans for different dates are two actions, and so are a plan still to come and an action
    done ("agreed on an exchange" in the headline, "the next round next month" at the end)."""
    if _plan(a) and _plan(b):
        return _plan(a) == _plan(b)
    planned = a if _plan(a) else b if _plan(b) else None
    if planned is None or planned.modality != "future":
        return True
    other = b if planned is a else a
    return other.modality != "asserted"


# Types whose mode names what is agreed, asked or refused (PLOVER AGREE/REQUEST/REJECT `meet`, `assist`,
# ...): an agreement to meet and an agreement to a truce are two agreements, not one told twice.
OBJECT_MODE_TYPES = frozenset({"AGREE", "REQUEST", "REJECT"})


def _same_mode(a: Event, b: Event) -> bool:
    """Two mentions can be one action unless their modes name different things agreed, asked or
    refused; for other types a mode is only how the action was done, told in more or less detail."""
    return a.mode == b.mode or a.type not in OBJECT_MODE_TYPES


def merge_events(events: list[Event], inferred: set[int] | frozenset[int] = frozenset(),
                 lead_end: int = 0) -> list[Event]:
    """One record per distinct action: same type, sides and (compatible) date; repeats become mentions.
    A date the narrative lent (`inferred`, by id) gives way to a date a mention's own clause gives, but
    the story's day lent to an action of the headline or lead (before `lead_end`) gives way only to a
    date of the week up to it, and a time lent further on only to a date no more than a week after it."""
    out: list[Event] = []
    guessed = set(inferred)

    def loose(e: Event) -> bool:
        return not e.date or id(e) in guessed

    def may_share(a: Event, b: Event) -> bool:
        """An undated mention joins any, a lent date joins a given one; but the lead's action, of the
        story's day, is not one told as background on a date of its own: "Israel has struck Beirut" in
        the lead is not "the strikes of September 2024" further down."""
        if not (loose(a) or loose(b) or a.date == b.date):
            return False
        if a.date == b.date or not a.date or not b.date:
            return True
        lent, given = (a, b) if id(a) in guessed else (b, a)
        if id(given) in guessed:
            return True
        if lent.evidence.start >= lead_end:
            return not _later_than_week_after(given.date, lent.date)
        return _within_week_before(given.date, lent.date)

    index: dict[tuple, list[Event]] = {}
    for event in events:
        src, tgt = _codes(event.source), _codes(event.target)
        symmetric = event.mutual or event.type == "CONSULT"
        # a symmetric action is the same whoever is named first ("A and B spoke", "A called B")
        key = (
            (event.type, event.modality == "negated", tuple(sorted(set(src + tgt))))
            if symmetric
            else (event.type, event.modality == "negated", src, tgt)
        )
        same = next(
            (
                e
                for e in index.get(key, [])
                if may_share(e, event)
                and _same_plan(e, event)
                and _same_mode(e, event)
            ),
            None,
        )
        if same is None:
            event.mentions = [event.evidence]
            index.setdefault(key, []).append(event)
            out.append(event)
            continue
        same.mentions.append(event.evidence)
        _absorb(same, event, guessed)
    return _fold_untargeted_repeats(_fold_meetings(out), may_share, guessed)


def _absorb(same: Event, event: Event, guessed: set[int]) -> None:
    """`event` is another mention of `same`: a date its own clause gives replaces one the narrative
    lent, and what `same` lacks comes from it."""
    if event.date and (not same.date or (id(same) in guessed and id(event) not in guessed)):
        same.date = event.date
        guessed.discard(id(same))
    same.mode = same.mode or event.mode
    same.location = same.location or event.location
    same.planned = same.planned or event.planned
    same.mutual = same.mutual or event.mutual


# statements count once per statement and addressee: one with no addressee is a statement of its own
STATEMENT_TYPES = frozenset({"REQUEST", "ACCUSE", "SUPPORT", "REJECT", "AGREE"})


def _fold_untargeted_repeats(
    events: list[Event], may_share: Callable[[Event, Event], bool], guessed: set[int]
) -> list[Event]:
    """A deed repeated without its target ("A imposed sanctions on B ... A will enforce the sanctions")
    is the same deed as the one told with its target: same type, doers, polarity and mode, on a
    compatible date (`may_share`: as for repeats with their target); it becomes a mention of that
    record (statements are each their own)."""
    targeted: dict[tuple, list[Event]] = {}
    for e in events:
        if e.target and not e.mutual:
            targeted.setdefault((e.type, e.modality == "negated", _codes(e.source)), []).append(e)
    folded: set[int] = set()
    for e in events:
        if e.target or e.mutual or e.type == "CONSULT" or e.type in STATEMENT_TYPES:
            continue
        key = (e.type, e.modality == "negated", _codes(e.source))
        dated = (t for t in targeted.get(key, []) if may_share(t, e))
        # (a repeat tells the deed with as much detail or less: "released two hostages ... disarmed"
        # are two deeds)
        full = next((t for t in dated if t.mode == e.mode or not e.mode or not t.mode), None)
        if full is not None:
            full.mentions.extend(e.mentions)
            _absorb(full, e, guessed)
            folded.add(id(e))
    return [e for e in events if id(e) not in folded]


def _later_than_week_after(given: str, lent: str) -> bool:
    """Whether the date `given` begins more than a week after the period `lent` ends: the text lent a time
    it was telling of, and a deed it dates well after that time is a later deed, not that one told again."""
    start, lent_end = first_day(given), last_day(lent)
    if start is None or lent_end is None:
        return False
    return start > (Date.fromisoformat(lent_end) + timedelta(days=7)).isoformat()


def _within_week_before(given: str, lent: str) -> bool:
    """Whether the period of the date `given` reaches into the week up to the day `lent`."""
    year = given[:4] if given[:4].isdigit() and len(given) == 4 else None
    start, end, day = first_day(given) or (year and f"{year}-01-01"), last_day(given), first_day(lent)
    if start is None or end is None or day is None:
        return True  # a value no calendar bounds (a season, a reference): no ground to tell them apart
    week_before = (Date.fromisoformat(day) - timedelta(days=7)).isoformat()
    return start <= day and end >= week_before


def _fold_meetings(events: list[Event]) -> list[Event]:
    """One meeting reported in several sentences with more participants named each time ("A and B met
    on Monday. C attended the meeting.") is one record whose joint side holds them all: a joint
    consultation whose sides are all among a larger one's, on the same day (or undated), folds into it."""
    meetings = [
        e for e in events if e.type == "CONSULT" and e.mutual and not e.target and e.modality == "asserted"
    ]
    folded: set[int] = set()
    for small in meetings:
        codes = set(_codes(small.source))
        for big in meetings:
            if big is small or id(big) in folded or not codes < set(_codes(big.source)):
                continue
            if small.date and big.date and small.date != big.date:
                continue
            big.mentions.extend(small.mentions)
            big.date = big.date or small.date
            big.location = big.location or small.location
            folded.add(id(small))
            break
    return [e for e in events if id(e) not in folded]

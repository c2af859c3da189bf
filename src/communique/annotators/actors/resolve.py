"""Per-document working state: actors being built, their mentions, and the tokens already read."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable
from dataclasses import dataclass, field

from ...document import Actor, Mention
from .spans import SentenceIndex


@dataclass(slots=True)
class Working:
    """An actor while the document is read; becomes a document.Actor at the end."""

    key: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    gender: str | None = None
    heads: set[str] = field(default_factory=set)
    mentions: dict[tuple[int, int], str] = field(default_factory=dict)
    names: list[str] = field(default_factory=list)  # surfaces of the person's name, for the fullest form
    canonical: bool = False  # the name comes from the gazetteer: keep it

    @property
    def first(self) -> int:
        return min(s for s, _ in self.mentions) if self.mentions else 1 << 30

    @property
    def person(self) -> bool:
        return self.kind == "person"


@dataclass(slots=True)
class Book:
    """The actors of one document, keyed, with the token indices already claimed by a mention."""

    text: str
    actors: dict[str, Working] = field(default_factory=dict)
    claimed: set[int] = field(default_factory=set)
    # tokens of a person's title: an institution in it still acts
    titled: set[int] = field(default_factory=set)
    surnames: dict[str, list[str]] = field(default_factory=dict)  # last name's key -> person keys
    written_surnames: set[str] = field(default_factory=set)  # last names as written (lower case)
    name_key: Callable[[str], str] = str.lower  # how last names compare: folded, one key per transliteration
    title_words: frozenset[str] = frozenset()
    # ("the army"): (institution head, tokens) for context
    unqualified: list[tuple[dict, int, int]] = field(default_factory=list)
    local: list[tuple[str, int, int]] = field(default_factory=list)  # (person key, sentence start, name)
    # (person key, title's start and end char) of a titled person of no country yet
    titles: list[tuple[str, int, int]] = field(default_factory=list)
    sentences: SentenceIndex | None = None  # the parse's sentence bounds, looked up by bisection
    memo: dict = field(default_factory=dict)  # summaries computed once per document (per sentence, per kind)
    starts: list[tuple[int, str]] = field(default_factory=list)  # (mention start, actor key), in text order
    name_words: dict[str, set[str]] = field(default_factory=dict)  # word of a person's name -> person keys
    state_codes: set[str] = field(default_factory=set)  # the states read so far, for lookups in constant time
    place_names: set[str] = field(default_factory=set)  # the names of the places read so far

    def get(self, key: str, **attrs) -> Working:
        actor = self.actors.get(key)
        if actor is None:
            actor = Working(key=key, **attrs)
            self.actors[key] = actor
            if actor.person:
                self._index_words(actor, actor.name)
            elif actor.kind == "state" and actor.country:
                self.state_codes.add(actor.country)
            elif actor.kind == "location":
                self.place_names.add(actor.name)
        return actor

    def _index_words(self, actor: Working, surface: str) -> None:
        for word in surface.lower().split():
            self.name_words.setdefault(word, set()).add(actor.key)

    def known_surname(self, word: str) -> bool:
        return self.name_key(word) in self.surnames

    def people_named(self, words: list[str]) -> set[str]:
        """Keys of the people one of whose names holds every word of `words` (lower case)."""
        sets = [self.name_words.get(w, set()) for w in words]
        return set.intersection(*sets) if sets else set()

    def mention(self, actor: Working, start: int, end: int, tokens: range | None = None) -> None:
        # a pronoun or title never shadows a longer mention already recorded at the same place
        if (start, end) not in actor.mentions:
            actor.mentions[(start, end)] = self.text[start:end]
            insort(self.starts, (start, actor.key))
        if tokens is not None:
            self.claimed.update(tokens)

    def free(self, tokens: range) -> bool:
        return not any(i in self.claimed for i in tokens)

    def learn_name(self, actor: Working, surface: str) -> None:
        parts = surface.split()
        if parts and surface not in actor.names:
            actor.names.append(surface)
            if actor.person:
                self._index_words(actor, surface)
        if len(parts) > 1:
            self.written_surnames.add(parts[-1].lower())
            keys = self.surnames.setdefault(self.name_key(parts[-1]), [])
            if actor.key not in keys:
                keys.append(actor.key)

    def by_surname(self, surname: str, at: int) -> str | None:
        """The person a bare surname names: the one of that name spoken of last before `at`."""
        keys = self.surnames.get(self.name_key(surname))
        if not keys:
            return None
        if len(keys) == 1:
            return keys[0]
        latest = self.last_with(at, lambda a: a.key in keys)
        return latest.key if latest else keys[0]

    def last_with(self, before: int, test) -> Working | None:
        """The actor with the latest mention starting before `before` that passes `test`.

        Walks the mentions back from `before`, testing each actor once, and gives up after LOOK_BACK of
        them: an article rarely refers back further, and a bound keeps a long text linear."""
        tested: set[str] = set()
        k = bisect_left(self.starts, (before, ""))
        for _, key in reversed(self.starts[max(0, k - LOOK_BACK) : k]):
            if key in tested:
                continue
            tested.add(key)
            actor = self.actors[key]
            if test(actor):
                return actor
        return None

    def to_actors(self, pronouns: frozenset[str]) -> list[Actor]:
        """The document's actors; a mention by one of `pronouns` is no alias."""
        out = []
        ordered = sorted((a for a in self.actors.values() if a.mentions), key=lambda a: a.first)
        for n, w in enumerate(ordered, 1):
            name = w.name
            if w.person and w.names:
                # the fullest name as the article spells it ("Zelenskyy"),
                # without a title ("Crown Prince ...")
                names = (
                    [n for n in w.names if n.split()[0].lower() not in self.title_words]
                    if w.canonical
                    else w.names
                )
                fullest = max(names, key=lambda s: (len(s.split()), len(s)), default=w.name)
                if len(fullest.split()) >= min(2, len(w.name.split())):
                    name = fullest
            elif w.kind not in ("state", "person", "location") and w.names:
                # an organisation goes by its fullest written name: "International Atomic Energy Agency"
                name = max([w.name, *w.names], key=len)
            mentions = [Mention(s, e, t) for (s, e), t in sorted(w.mentions.items())]
            aliases = sorted({m.text for m in mentions if m.text != name and m.text.lower() not in pronouns})
            out.append(
                Actor(id=f"a{n}", name=name, country=w.country, sector=w.sector, role=w.role,
                      kind=w.kind, aliases=aliases, mentions=mentions)
            )
        return out


LOOK_BACK = 400  # mentions a reference back to "the last actor such that ..." looks over

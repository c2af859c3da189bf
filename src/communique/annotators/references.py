"""The reference service: which actors does this phrase name?

The actors layer has already found every actor with its mentions (names, titles, institutions,
and the pronouns and bare titles its coreference resolved), each with a state and a sector. This
module answers, for a noun phrase of the parse, which of those actors the phrase names, by offsets:

- a coordinated phrase names each member ("A, B and C" is three actors);
- a phrase names its head's actor, else a name in apposition that agrees with it in number ("the
  state's envoy, N."), else the states of coordinated modifiers ("A-ian and B-ian officials" is
  two), else its possessor ("X's envoy" acts for X; but "X's ally" is someone else, and "his
  counterpart" is not "him");
- an office with no country of its own takes the state its "of" phrase names ("the leaders of A
  and B"); a group takes the state its demonym or its "in"/"from" phrase names, and a plural group
  named through its state ("A-ian rebels", "gunmen in A") is a group of that state, not the state
  itself (so a government and its own rebels are two sides);
- pronouns go through the actors layer's coreference (every actor it recorded on the pronoun); a
  possessive "their"/"its" in a clause's object names that clause's subject when they agree in
  number; plural pronouns and "both sides" left open fall back to the sides of the last joint
  action the caller recorded in `parties`;
- a pronoun subject the actors layer left open, in a reported clause, is the reporter ("A says it
  is ready"); a bare "the country" is the state its sentence's subject names.

Public API: `References(document)`, and on it
- `named(tok)`: the actors of a possibly coordinated phrase (the usual entry point);
- `phrase(tok)`: the actors of one phrase, without its coordination;
- `owner(tok)`: who owns a thing ("A's proposal", "the plan drawn up by A");
- `noun_doers(tok, mutual, between, excluded)`: who does the action a noun names;
- `mentions_in(start, end)`: the actors layer's mentions in a character span;
- `demonym_group(tok)`, `group_of(tok, state)`, `synthetic(code, name, key)`: stand-in actors;
- `parties`: the sides of the last joint action, set by the caller;
- `load_reference_words(lang)` / `ReferenceWords`: the word lists of knowledge/<lang>/references.yaml;
- `titled_holder(refs, tok)`: the actor a bare title the actors layer left open refers back to.
Nothing here knows about events, quotes or positions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..knowledge import Knowledge
from .pronouns import load_pronouns
from .syntax import (
    members,
    own_subject,
    passive_agent,
    phrase_span,
    prepositional_objects,
    relative_antecedent,
    subject,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Token

    from ..document import Actor, Document

__all__ = ["ReferenceWords", "References", "load_reference_words", "titled_holder"]

PLACE_ENTITIES = frozenset({"GPE", "LOC"})
MODIFIER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})


@dataclass(frozen=True, slots=True)
class ReferenceWords:
    """The word lists of `knowledge/<lang>/references.yaml`, with the demonyms of the state table."""

    party_heads: frozenset[str]
    plural_pronouns: frozenset[str]
    relation_nouns: frozenset[str]
    origin_preps: frozenset[str]
    demonyms: dict[str, str]
    state_nouns: frozenset[str] = frozenset()
    state_names: dict[str, str] = field(default_factory=dict)  # code -> everyday name


def load_reference_words(knowledge: Knowledge | None = None) -> ReferenceWords:
    """The word lists of `knowledge` (built once per pipeline through `Knowledge.derived`)."""
    knowledge = knowledge or Knowledge.from_env()
    data = knowledge.yaml("references.yaml") or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or ())

    return ReferenceWords(
        words("party_heads"),
        words("plural_pronouns") | knowledge.derived(load_pronouns).third_plural,
        words("relation_nouns"),
        words("origin_preps"),
        _demonyms(knowledge),
        words("state_nouns"),
        _state_names(knowledge),
    )


def _state_rows(knowledge: Knowledge) -> tuple[dict[str, str], ...]:
    """The actors' state table, if it is there."""
    try:
        return knowledge.csv("actors/states.csv")
    except (FileNotFoundError, OSError, ValueError):
        return ()


def _state_names(knowledge: Knowledge) -> dict[str, str]:
    """Each state's everyday name by its code."""
    rows = _state_rows(knowledge)
    return {row["code"].strip(): row["name"].strip() for row in rows if row.get("code") and row.get("name")}


def _demonyms(knowledge: Knowledge) -> dict[str, str]:
    """Adjectives of states ("Ruritanian" -> its code) from the actors' state table."""
    out: dict[str, str] = {}
    for row in _state_rows(knowledge):
        code = (row.get("code") or "").strip()
        for word in (row.get("adjectives") or "").split("|"):
            if code and word.strip():
                out.setdefault(word.strip().lower(), code)
    return out


# How far back (in tokens, about a news article) a bare "the leaders" looks for the phrase it
# repeats: a definite description points to a recent mention, and the scan must not grow with the text.
SAME_HEAD_REACH = 1500


def _plural(tok: Token) -> bool:
    """A plural noun phrase: a plural head, or coordinated members."""
    return tok.tag_ in ("NNS", "NNPS") or bool(tok.conjuncts)


def _unique(actors: Iterable[Actor]) -> list[Actor]:
    out: list[Actor] = []
    for actor in actors:
        if actor not in out:
            out.append(actor)
    return out


class References:
    """Actor mentions of one document, sorted by offset, and the phrase look-ups built on them."""

    def __init__(
        self, document: Document, words: ReferenceWords | None = None, knowledge: Knowledge | None = None
    ):
        self.knowledge = knowledge or Knowledge.from_env()
        self.words = words or self.knowledge.derived(load_reference_words)
        # the sides of the last joint action, for "both sides" and "they" (set by the caller)
        self.parties: list[Actor] = []
        self._synthetic: dict[str, Actor] = {}
        self._in_office_of = False  # an office's "of" phrase is followed one level deep only
        rows = sorted(
            ((m.start, m.end, a) for a in document.actors for m in a.mentions), key=lambda r: (r[0], r[1])
        )
        self._starts = [r[0] for r in rows]
        self._rows = rows
        self._longest = max((r[1] - r[0] for r in rows), default=0)
        self._text = document.text

    @property
    def text(self) -> str:
        """The document's text, which every offset points into (`doc.text` rebuilds it on each access)."""
        return self._text

    # ------------------------------------------------------------------ look-ups by offset

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, Actor]]:
        """(start, end, actor) of every mention overlapping [start, end), in text order."""
        i = bisect_left(self._starts, start - self._longest)
        out = []
        while i < len(self._rows) and self._rows[i][0] < end:
            row = self._rows[i]
            if row[1] > start:
                out.append(row)
            i += 1
        return out

    def _coded_in(self, tok: Token) -> list[Actor]:
        return [r[2] for r in self.mentions_in(tok.idx, tok.idx + len(tok.text)) if r[2].country]

    def synthetic(self, code: str, name: str, key: str | None = None) -> Actor:
        """A stand-in actor for a state the text names only by a demonym or a place (one per code, or
        per `key`: one per group of that state)."""
        key = key or code
        if key not in self._synthetic:
            from ..document import Actor

            self._synthetic[key] = Actor(id=f"ref-{key}", name=name, country=code, kind="group")
        return self._synthetic[key]

    def state(self, code: str) -> Actor | None:
        """The state itself, by its code: the article's own actor for it, else one stand-in per code
        when the state table names it."""
        named = next((a for _s, _e, a in self._rows if a.kind == "state" and a.country == code), None)
        name = self.words.state_names.get(code)
        if named is not None or name is None:
            return named
        key = f"state-{code}"
        if key not in self._synthetic:
            from ..document import Actor

            self._synthetic[key] = Actor(id=f"ref-{key}", name=name, country=code, kind="state")
        return self._synthetic[key]

    def group_of(self, tok: Token, state: Actor) -> Actor:
        """A group of a state, named by a plural noun ("A-ian fighters", "A's forces", "gunmen in A"):
        it acts for the state but is not the state itself (a government and its own rebels are two
        sides). One actor per state and head noun."""
        start, end = phrase_span(tok)
        key = f"{state.country}-{tok.lemma_.lower()}"
        return self.synthetic(state.country or "", self._text[start:end], key)  # (doc.text rebuilds the text)

    # ------------------------------------------------------------------ phrases

    def named(self, tok: Token | None) -> list[Actor]:
        """The actors a possibly coordinated noun phrase names: "A and B" is two; pronouns through
        coreference; "both sides" and plural pronouns left open are the last joint action's sides."""
        if tok is None:
            return []
        tok = relative_antecedent(tok)
        bound = self._bound_possessive(tok)
        if bound:
            return bound
        out = _unique(a for item in members(tok) for a in self.phrase(item))
        plural = tok.lower_ in self.words.plural_pronouns
        if (
            len(self.parties) > 1
            and len({a.country for a in out if a.country}) < 2
            and (self._names_the_parties(tok) or (plural and not out))
        ):
            # "both sides", "the two countries" (unless the phrase names its states: "the
            # delegations of A and B"), or a plural pronoun coreference left open
            return list(self.parties)
        if not out and self.parties and plural:
            return list(self.parties)
        if not out and tok.tag_ in ("NNS", "NNPS"):
            out = self._same_head_before(tok)
        if not out and tok.pos_ == "PRON" and tok.dep_ == "nsubj":
            return self._reporter_for(tok)
        return out

    def _same_head_before(self, tok: Token) -> list[Actor]:
        """ "the leaders", "the ministers" with no name of their own: the nearest earlier sentence's
        same plural head that named coded actors ("B's leaders met ... The leaders will meet again")."""
        if [c.lower_ for c in tok.children if c.dep_ == "det"] != ["the"] or len(list(tok.children)) != 1:
            return []
        start = tok.sent.start
        for before in reversed(tok.doc[max(0, start - SAME_HEAD_REACH) : start]):
            if before.lemma_ == tok.lemma_ and before.tag_ == tok.tag_:
                found = [a for a in self.phrase(before) if a.country]
                if found:
                    return found
        return []

    def _bound_possessive(self, tok: Token) -> list[Actor]:
        """A possessive pronoun in its clause's object names that clause's subject when they agree
        in number ("the rebels mounted their offensive", "the ministry defended its decision")."""
        if tok.dep_ != "poss" or tok.pos_ != "PRON" or tok.lower_ not in ("their", "its"):
            return []
        subj, passive = subject(tok.head)
        if subj is None or passive or subj.i > tok.i or subj.pos_ == "PRON":
            return []
        if (tok.lower_ == "their") != _plural(subj):
            return []
        return self.named(subj)

    def _reporter_for(self, pronoun: Token) -> list[Actor]:
        """ "A says it is ready": a subject pronoun coreference left open, in a reported clause,
        stands for the reporter."""
        clause = pronoun.head
        if clause.dep_ == "ccomp":
            reporter, _ = own_subject(clause.head)
            if reporter is not None and reporter is not pronoun:
                return self.named(reporter)
        return []

    def _names_the_parties(self, tok: Token) -> bool:
        """ "both sides", "the two countries", "the parties": a plural of a party noun, made definite."""
        forms = {tok.lemma_.lower(), tok.lower_.removesuffix("s"), tok.lower_.removesuffix("ies") + "y"}
        if tok.tag_ not in ("NNS", "NNPS") or not forms & self.words.party_heads:
            return False
        return any(c.lower_ in ("both", "two", "the") for c in tok.children) or tok.lower_ == "parties"

    def phrase(self, tok: Token) -> list[Actor]:
        """The actors one noun phrase (not its coordination) names, most direct evidence first."""
        if tok.i == tok.sent.start and tok.ent_type_ in PLACE_ENTITIES:
            people = self._dateline_person(tok)
            if people:
                return people
        head_hits = self.mentions_in(tok.idx, tok.idx + len(tok.text))
        coded = [r for r in head_hits if r[2].country]
        nominal = tok.pos_ in ("NOUN", "PROPN")
        if nominal:
            shared = self._coordinated_modifiers(tok)
            if len(shared) > 1:
                return shared  # "A-ian and B-ian officials": one actor per modifier
        if coded:
            widest = max(r[1] - r[0] for r in coded)
            # a plural pronoun carries one mention per actor it stands for
            return _unique(r[2] for r in coded if r[1] - r[0] == widest)
        found = self._apposition(tok) or self._definite_state(tok, head_hits)
        if found:
            return found
        found = self._inside(tok)
        if found and not head_hits and tok.tag_ in ("NNS", "NNPS"):
            # a plural group named through its state ("A-ian forces", "rebels in A") is a group of it
            found = [self.group_of(tok, a) if a.kind == "state" else a for a in found]
        if found:
            return found
        return [head_hits[0][2]] if head_hits else self._uncoded_inside(tok)

    def _definite_state(self, tok: Token, head_hits: list) -> list[Actor]:
        """ "the country", "the nation" with no name of its own stands for the state the subject of
        its sentence names ("B's capital said strikes on the country ...": B), or of the sentence
        before."""
        if head_hits or tok.lemma_.lower() not in self.words.state_nouns:
            return []
        if [c.lower_ for c in tok.children] != ["the"]:
            return []
        sents = [tok.sent]
        if tok.sent.start > 0:
            sents.append(tok.doc[tok.sent.start - 1].sent)
        for sent in sents:
            subj = next((t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"), None)
            if subj is None or subj.i >= tok.i and sent is tok.sent:
                continue
            states = [a for a in self.phrase(subj) if a.country and a.kind in ("state", "location", "seat")]
            if states:
                return states[:1]
        return []

    def _dateline_person(self, tok: Token) -> list[Actor]:
        """A dateline the parser made the subject ("CITY - President N. said ..."): the person in
        apposition is the phrase's actor."""
        for child in tok.children:
            if child.dep_ == "appos":
                people = _unique(
                    r[2]
                    for r in self.mentions_in(*phrase_span(child))
                    if r[2].kind == "person" and r[2].country
                )
                if people:
                    return people
        return []

    def _apposition(self, tok: Token) -> list[Actor]:
        """A coded name in apposition to the head ("the state's chief negotiator, N."); an apposition
        that disagrees with the head in number renames something else (the parser's misattachment)."""
        for child in tok.children:
            if child.dep_ == "appos" and _plural(child) == _plural(tok):
                found = [r[2] for r in self.mentions_in(*phrase_span(child)) if r[2].country]
                if found:
                    return _unique(found)
        return []

    def _skipped_possessors(self, tok: Token) -> list[tuple[int, int]]:
        """Possessors that do not name the phrase: a pronoun ("his counterpart" is not him) and the
        possessor of a noun of relation ("A's ally" is not A)."""
        related = tok.lemma_.lower() in self.words.relation_nouns
        return [
            (c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text))
            for c in tok.children
            if c.dep_ == "poss" and (c.pos_ == "PRON" or related)
        ]

    def _inside(self, tok: Token) -> list[Actor]:
        """Coded mentions inside the phrase (a possessor, a modifier), else the state an office's
        "of" phrase or a group's demonym or origin names."""
        out = self._coded_inside(tok)
        if out or tok.pos_ not in ("NOUN", "PROPN"):
            return out
        found = self._office_of(tok)
        if found:
            return found
        group = self.demonym_group(tok)
        return [group] if group is not None else self._origin(tok)

    def _coded_inside(self, tok: Token) -> list[Actor]:
        """Coded mentions inside a phrase's core, leaving out possessors that do not name it."""
        skip = self._skipped_possessors(tok)
        return _unique(
            r[2]
            for r in self.mentions_in(*phrase_span(tok))
            if r[2].country and not any(s <= r[0] < e for s, e in skip)
        )

    def _office_of(self, tok: Token) -> list[Actor]:
        """An office or body with no country of its own takes the states its "of" phrase names
        ("the leaders of A and B", "the army chief of A")."""
        for prep, obj in prepositional_objects(tok):
            if prep == "of":
                if self._in_office_of and tok.pos_ != "PROPN":
                    return []  # "the rights of the people of A" is no office of A; "Chief of Staff of A" is
                self._in_office_of = True
                try:
                    found = [a for item in members(obj) for a in self.phrase(item) if a.country]
                finally:
                    self._in_office_of = False
                if found:
                    return _unique(found)
        return []

    def _origin(self, tok: Token) -> list[Actor]:
        """A group named by where it acts or comes from ("gunmen in A", "envoys from A and B")."""
        for prep, obj in prepositional_objects(tok):
            if prep in self.words.origin_preps:
                found: list[Actor] = []
                for item in members(obj):
                    hit = next((r[2] for r in self.mentions_in(*phrase_span(item)) if r[2].country), None)
                    if hit is not None and hit not in found:
                        found.append(hit)
                if found:
                    return found
        return []

    def _uncoded_inside(self, tok: Token) -> list[Actor]:
        """Last resort: the first mention inside the phrase, even one with no country."""
        skip = self._skipped_possessors(tok)
        inside = [r for r in self.mentions_in(*phrase_span(tok)) if not any(s <= r[0] < e for s, e in skip)]
        return [inside[0][2]] if inside else []

    def _coordinated_modifiers(self, tok: Token) -> list[Actor]:
        """The actors of coordinated modifiers before a noun ("A-ian and B-ian sides"): each modifier's
        own mention, else the state its demonym names."""
        for child in tok.children:
            if child.dep_ not in ("amod", "compound", "nmod") or child.i > tok.i or not child.conjuncts:
                continue
            found: list[Actor] = []
            for item in members(child):
                hit = next(iter(self._coded_in(item)), None)
                if hit is None and (code := self.words.demonyms.get(item.lower_)):
                    hit = self.synthetic(code, item.text)
                if hit is not None and all(a.country != hit.country for a in found):
                    found.append(hit)
            return found
        return []

    def demonym_group(self, tok: Token) -> Actor | None:
        """A group the actors layer left out, named by a demonym before its noun ("A-ian prisoners",
        "A-ian-backed fighters"): it acts for the state the demonym names."""
        for child in tok.children:
            if child.dep_ in ("amod", "compound") and child.i < tok.i:
                code = self.words.demonyms.get(child.lower_) or self.words.demonyms.get(
                    child.lower_.split("-")[0]
                )
                if code:
                    return self.synthetic(code, child.text)
        return None

    # ------------------------------------------------------------------ owners and doers

    def owner(self, tok: Token) -> list[Actor]:
        """Who owns a thing: its possessor ("A's claims"), its "of"/"by"/"from" phrase ("the claims by
        A"), the by-phrase of a participle describing it ("the plan drawn up by A"), else a coded
        modifier ("an A-ian proposal")."""
        for child in tok.children:
            if child.dep_ == "poss":
                found = self.named(child)
                if found:
                    return found
        for prep, obj in prepositional_objects(tok):
            if prep in ("of", "by", "from"):
                found = self.named(obj)
                if found:
                    return found
        for child in tok.children:
            # "the plan put forward by A": the by-phrase of a participle describing the thing
            if child.dep_ == "acl" and child.tag_ == "VBN" and (found := self.named(passive_agent(child))):
                return found
        for child in tok.children:
            if child.dep_ in ("amod", "compound") and child.i < tok.i:
                found = [a for a in self.phrase(child) if a.country]
                if found:
                    return found[:1]
        return []

    def noun_doers(
        self, tok: Token, mutual: bool = False, between: bool = True, excluded: frozenset[int] = frozenset()
    ) -> list[Actor]:
        """Who does the action a noun names: the sides "between" which it is, the parties "of" a
        mutual action, the "by" phrase, else its possessor and coded modifiers ("A's demands", "A-ian
        strikes"; not a place: "the CITY talks"). `excluded` holds modifier positions that name
        something else (the target of "anti-A sanctions")."""
        if between:
            found = self._between(tok)
            if found:
                return found
        if mutual:
            for prep, obj in prepositional_objects(tok):
                if prep == "of" and len(found := self.named(obj)) > 1:
                    return found
        by = passive_agent(tok)
        if by is not None and (found := self.named(by)):
            return found
        return self._modifier_doers(tok, excluded)

    def _between(self, tok: Token) -> list[Actor]:
        """ "talks between A and B" (also on the verb that carries the noun: "held talks between")."""
        owners = [tok, tok.head] if tok.dep_ in ("nsubjpass", "dobj", "nsubj") else [tok]
        for owner in owners:
            for prep, obj in prepositional_objects(owner):
                if prep == "between" and (found := self.named(obj)):
                    return found
        return []

    def _modifier_doers(self, tok: Token, excluded: frozenset[int]) -> list[Actor]:
        found: list[Actor] = []
        for child in tok.children:
            if child.i >= tok.i or child.dep_ not in MODIFIER_DEPS or child.i in excluded:
                continue
            for item in members(child):
                # a possessive pronoun stands for every actor coreference recorded on it ("their talks")
                actors = (
                    self.named(item) if item.dep_ == "poss" or item.pos_ == "PRON" else self.phrase(item)[:1]
                )
                found += [a for a in actors if a.country and a not in found and a.kind != "location"]
        if not found and not excluded:
            group = self.demonym_group(tok)
            if group is not None:
                found.append(group)
        return found


# ---------------------------------------------------------------------- bare titles

TITLE_WINDOW = 60  # characters before a mention searched for the title the text gave it
TITLE_REACH = 120  # characters after a title in which the person it introduces is named
TITLE_BREAK = re.compile(r"[\n,;:()]")


def _title_words(tok: Token) -> tuple[str, list[str]]:
    """The head of a title phrase and its other content words ("the former A-ian premier": premier,
    [a-ian]); stop words such as "former" tell no one apart."""
    start, _ = phrase_span(tok)
    words = [t.lower_ for t in tok.doc[tok.left_edge.i : tok.i]
             if t.idx >= start and t.pos_ in ("NOUN", "PROPN", "ADJ") and not t.is_stop]
    return tok.lower_, words


def _written_before(text: str, start: int) -> list[str]:
    """The words right before a mention, back to the last clause break: the title the text gave it."""
    before = TITLE_BREAK.split(text[max(0, start - TITLE_WINDOW) : start])[-1]
    return [w.strip(".,’'").lower().removesuffix("’s").removesuffix("'s") for w in before.split()[-6:]]


def titled_holder(refs: References, tok: Token) -> Actor | None:
    """The actor a bare title refers back to ("the special rapporteur", "the ministry"): the latest
    one whose name, role, or the title written right before one of its mentions holds the title's head
    and words; else the person the text introduced with that title ("X's Special Rapporteur on Y,
    N. N."): the first person named after the title's last use, in the same sentence."""
    head, words = _title_words(tok)
    for start, _, actor in sorted(refs.mentions_in(0, tok.idx), key=lambda r: r[0], reverse=True):
        name = actor.name.lower().split()
        role = (actor.role or "").lower().split()
        if head in name and all(w in name for w in words):
            return actor
        if head not in role[-1:] and head not in refs._text[max(0, start - TITLE_WINDOW) : start].lower():
            continue  # no title of that head before this mention (a cheap test before the split)
        title = _written_before(refs._text, start)
        headed = title[-1:] == [head] or role[-1:] == [head]
        if headed and all(w in title or w in role for w in words):
            return actor
    return _introduced_as(refs, " ".join([*words, head]), tok.idx)


def _introduced_as(refs: References, title: str, before: int) -> Actor | None:
    """The person named right after the last use of a title before `before`, within its sentence."""
    text = refs._text
    at = text.lower().rfind(title, 0, before)
    if at < 0 or " " not in title:
        return None  # one word ("minister") is too common to tie to one introduction
    end = min(before, at + len(title) + TITLE_REACH)
    stop = re.search(r"[.;\n]\s", text[at:end])
    end = at + stop.start() if stop else end
    people = [r for r in refs.mentions_in(at + len(title), end) if r[2].kind == "person"]
    return people[0][2] if people else None

"""Actors: who is who, and for which country they act.

Order of evidence, most reliable first: the gazetteer (states, capitals, demonyms, organisations,
people with their offices by date), fed to spaCy as an entity ruler so the model's misses are
fixed ("Kiev" as PERSON); then institutions by pattern ("the Russian Foreign Ministry"); then
titles and appositives that teach an unknown person's role and country ("Russia's lead
negotiator, Vladimir Medinsky"), which later surname mentions inherit; then coreference of
bare titles ("the secretary", "the ministry") and pronouns. Every resolved mention is recorded,
so `Document.actor_at` answers for "he", "the Kremlin" and "Russian officials" alike.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from ...knowledge import load_yaml
from .. import annotator
from . import coref
from .gazetteer import Entry, Gazetteer, load_gazetteer, norm
from .places import city_country
from .resolve import Book, Working
from .titles import TitleReader

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from ...document import Document

RULER = "communique_actor_ruler"
_ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
_LOCATIVE = {"in", "at", "near", "outside", "inside", "around", "to", "across", "into", "on", "from"}
_STATE_KINDS = ("state", "demonym", "capital")
# "DOHA, Qatar —", "MOSCOW (AP) -": the place an article was filed from
_DATELINE = re.compile(r"^\s*([A-Z][A-Za-z.' -]{1,30}?)(?:,[^\n—–-]{1,30})?\s*(?:\([^)\n]{1,30}\)\s*)?[—–-]\s")


@annotator("actors", assigns=("actors",))
class ActorAnnotator:
    def __init__(self) -> None:
        self.gaz: Gazetteer = load_gazetteer()
        self.titles = TitleReader(self.gaz)
        credits = load_yaml("actors/credits.yaml") or {}
        self.credits = [re.compile(p) for p in credits.get("patterns") or []]
        institutions = load_yaml("actors/institutions.yaml") or {}
        self.anaphors = frozenset(institutions.get("anaphors") or [])
        self.agent_nouns = frozenset(n.lower() for n in institutions.get("agent_nouns") or [])
        self.heads_by_form: dict[str, dict] = {}
        for head in self.gaz.heads:
            for form in head.get("forms") or []:
                self.heads_by_form[form.lower()] = head
        self.title_words = frozenset(self.titles.words | {"sheikh", "crown", "prince", "mr", "mrs", "ms", "dr"})
        self.role_ends = frozenset(r.split()[-1] for r in self.gaz.roles)
        self.head_matcher = None
        self.role_matcher = None

    def setup(self, nlp: Language) -> None:
        from spacy.matcher import PhraseMatcher

        if RULER not in nlp.pipe_names:
            where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
            ruler = nlp.add_pipe("entity_ruler", name=RULER, config={"phrase_matcher_attr": "ORTH"}, **where)
            ruler.add_patterns(self.gaz.ruler_patterns())
        self.head_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for form in self.heads_by_form:
            self.head_matcher.add(form, [nlp.make_doc(form)])
        self.anaphor_hashes = {nlp.vocab.strings.add(a) for a in self.anaphors}
        self.pronoun_hashes = {nlp.vocab.strings.add(p) for p in coref.PRONOUNS}
        self.role_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for role in self.gaz.roles:
            self.role_matcher.add(role, [nlp.make_doc(role)])

    # ------------------------------------------------------------------ per document

    def __call__(self, document: Document, parsed: Doc) -> None:
        if self.head_matcher is None:  # built without setup(): e.g. a unit test with a bare nlp
            from spacy.lang.en import English

            self.setup(English())
        date = document.article.published
        book = Book(document.text, title_words=self.title_words)
        lowers = parsed.to_array("LOWER")  # one C-level pass; token loops below only visit hits
        credited = self._credited(document.text)
        # an entity inside a date or time ("1500 GMT") is not an actor
        credited += [(t.start, t.end) for t in document.timexes]
        ents = [e for e in parsed.ents if e.label_ in _ACTOR_LABELS and not _inside(e, credited)]
        gaz_tokens = {i for e in ents if self.gaz.lookup(e.text) for i in range(e.start, e.end)}
        # 1. people first, so titles claim their words and surnames are known before other labels
        people = [e for e in ents if e.label_ == "PERSON" or _is_person(self.gaz.lookup(e.text)) or self._titled_name(parsed, e)]
        people.sort(key=lambda e: (len(e) == 1, e.start))
        for ent in people:
            self._person(book, parsed, ent, date, gaz_tokens)
        self._untagged_surnames(book, parsed, credited, lowers)
        # 2. institutions by pattern, 3. every other entity
        self._institutions(book, parsed, date)
        for ent in ents:
            if book.free(range(ent.start, ent.end)):
                self._entity(book, parsed, ent, date)
        # 4. bare titles and anaphors, 5. pronouns
        self._nominal_titles(book, parsed, date, lowers)
        self._pronouns(book, parsed, lowers)
        document.actors.extend(book.to_actors())

    def _credited(self, text: str) -> list[tuple[int, int]]:
        return [m.span() for rx in self.credits for m in rx.finditer(text)]

    # ------------------------------------------------------------------ people

    def _person(self, book: Book, doc: Doc, ent: Span, date: str | None, gaz_tokens: set[int]) -> None:
        if not book.free(range(ent.start, ent.end)):
            return
        text = _strip_possessive(ent)
        entry = self.gaz.pick(text, date, ("person",))
        title = self.titles.around(doc, ent, gaz_tokens - set(range(ent.start, ent.end)))
        if entry is not None:
            actor = self._from_entry(book, entry, date)
        else:
            parts = text.split()
            key = book.surnames.get(parts[-1].lower()) if parts else None
            if key is None and parts:
                key = self._partial_name(book, parts, ent.start_char)
            if key is None and len(parts) == 1 and (ent.label_ != "PERSON" or _heading(doc, ent)):
                return  # a single unknown word the model called ORG/GPE, or a heading ("Background:"), is not a person
            actor = book.actors[key] if key else book.get(f"person:{text}", name=text, kind="person")
        book.learn_name(actor, text)
        if title is not None and actor.key.startswith("person:") and entry is None:
            actor.role = actor.role or title.role
            actor.sector = actor.sector or title.sector
            actor.country = actor.country or self.gaz.code_at(title.country, date)
            actor.gender = actor.gender or title.gender
            actor.heads |= title.heads
        elif title is not None:
            actor.heads |= title.heads
        if title is not None:
            self._title_organisations(book, doc, title, date)
        if title is not None and title.end == ent.start:  # "Russian Foreign Minister Sergey Lavrov": one mention
            book.mention(actor, doc[title.start].idx, ent.end_char, range(title.start, ent.end))
        elif title is not None:  # "Russia's lead negotiator, Vladimir Medinsky": the apposition names him too
            last = doc[title.end - 1]
            book.mention(actor, doc[title.start].idx, last.idx + len(last), range(title.start, title.end))
        book.mention(actor, ent.start_char, ent.start_char + len(text), range(ent.start, ent.end))

    def _titled_name(self, doc: Doc, ent: Span) -> bool:
        """ "commentator Pavel Orlov" is a person even when the model calls the name ORG."""
        return (
            ent.label_ == "ORG" and ent.start > 0 and len(ent) >= 2 and all(t.is_title for t in ent)
            and doc[ent.start - 1].lower_ in self.role_ends and not self.gaz.lookup(ent.text)
        )

    def _untagged_surnames(self, book: Book, doc: Doc, credited: list[tuple[int, int]], lowers) -> None:
        """A known surname the model did not tag ("Later, Tavares left") is still that person."""
        if not book.surnames:
            return
        hashes = {doc.vocab.strings[s]: s for s in book.surnames}
        for i in _indices(lowers, hashes):
            token = doc[i]
            key = book.surnames.get(token.lower_) if token.is_title else None
            if key is None or token.i in book.claimed or any(s <= token.idx < e for s, e in credited):
                continue
            book.mention(book.actors[key], token.idx, token.idx + len(token), range(token.i, token.i + 1))

    def _partial_name(self, book: Book, parts: list[str], before: int) -> str | None:
        """ "Sheikh Mohammed" after "Sheikh Mohammed bin Abdulrahman Al-Thani": a part of a known name."""
        words = [p.lower() for p in parts if p.lower() not in self.title_words]
        if not words:
            return None
        n = len(words)

        def contains(actor: Working) -> bool:
            for name in actor.names or [actor.name]:
                tokens = [t.lower() for t in name.split()]
                if len(tokens) > n and any(tokens[i : i + n] == words for i in range(len(tokens) - n + 1)):
                    return True
            return False

        actor = book.last_with(before, lambda a: a.person and contains(a))
        return actor.key if actor else None

    def _title_organisations(self, book: Book, doc: Doc, title, date: str | None) -> None:
        """An organisation named in a title acts too: "State Department" in "State Department spokeswoman"."""
        for ent in doc.ents:
            if ent.start >= title.start and ent.end <= title.end:
                entry = self.gaz.pick(_strip_possessive(ent), date)
                if entry is not None and entry.kind not in _STATE_KINDS + ("person", "place"):
                    actor = self._from_entry(book, entry, date)
                    book.mention(actor, ent.start_char, ent.start_char + len(_strip_possessive(ent)))

    def _from_entry(self, book: Book, entry: Entry, date: str | None) -> Working:
        if entry.kind == "person":
            office = entry.office(date)
            actor = book.get(entry.key, name=entry.name, kind="person", gender=entry.gender, canonical=True)
            if office is not None:
                actor.country, actor.sector, actor.role = office.country, office.sector, office.role
                actor.heads |= set((office.role or "").split()[-1:])
            return actor
        if entry.kind in _STATE_KINDS:
            state = self.gaz.states.get(entry.country or "")
            name = state.name if state else entry.name
            return book.get(f"state:{entry.country}", name=name, kind="state", country=entry.country)
        country = entry.country if entry.kind == "place" else self.gaz.code_at(entry.country, date)
        kind = "location" if entry.kind == "place" else entry.kind
        return book.get(entry.key, name=entry.name, kind=kind, country=country, sector=entry.sector)

    # ------------------------------------------------------------------ institutions

    def _institutions(self, book: Book, doc: Doc, date: str | None) -> None:
        from spacy.util import filter_spans

        spans = filter_spans([doc[s:e] for _, s, e in self.head_matcher(doc)])
        for span in spans:
            if not book.free(range(span.start, span.end)) or (span.root.ent_type_ and span.root.ent_iob_ != "O" and self.gaz.lookup(_ent_of(span.root).text)):
                continue
            head = self.heads_by_form[span.text.lower()]
            start, qualifier = self._qualifier_left(book, doc, span.start, date)
            end = span.end
            if qualifier is None and end + 1 < len(doc) and doc[end].lower_ == "of":
                ent = _ent_starting(doc, end + 1)
                if ent is not None:
                    qualifier = self.gaz.pick(ent.text, date, _STATE_KINDS)
                    if qualifier is not None:
                        end = ent.end
            if qualifier is None:
                if "Ministry" in head["name"] and span.start > 0 and doc[span.start - 1].lower_ == "the" and span.text[0].isupper():
                    country = self._ministry_country(book, doc, head, span.start_char)
                    self._institution(book, doc, head, country, date, span.start, end)
                continue
            if isinstance(qualifier, Working):  # "the Reagan administration"
                actor = book.get(f"inst:{qualifier.key}:{head['name']}", name=f"{qualifier.name.split()[-1]} {span.text.lower()}",
                                 kind="institution", country=qualifier.country, sector=head.get("sector"))
                book.mention(actor, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), range(start, end))
                continue
            self._institution(book, doc, head, qualifier.country, date, start, end)

    def _ministry_country(self, book: Book, doc: Doc, head: dict, before: int) -> str | None:
        """Whose is "the Foreign Ministry"? The last foreign minister's country, else the dateline's."""
        stem = head["name"].split()[0].lower()[:5]  # "defen" covers defence and defense
        minister = book.last_with(before, lambda a: a.person and stem in (a.role or ""))
        if minister is not None:
            return minister.country
        match = _DATELINE.match(book.text)
        if match:
            entry = self.gaz.pick(match.group(1), None, _STATE_KINDS)
            return entry.country if entry else city_country(match.group(1))
        return None

    def _institution(self, book: Book, doc: Doc, head: dict, country: str | None, date: str | None, start: int, end: int) -> None:
        if not country:
            return
        code = self.gaz.code_at(country, date)
        adjective = self.gaz.adjective.get(code or "", code or "")
        actor = book.get(f"inst:{code}:{head['name']}", name=f"{adjective} {head['name']}", kind="institution",
                         country=code, sector=head.get("sector"))
        book.mention(actor, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), range(start, end))

    def _qualifier_left(self, book: Book, doc: Doc, i: int, date: str | None):
        """(start token, state entry or person actor) qualifying the words at token i, if any."""
        j = i
        while j > 0 and doc[j - 1].lower_ in self.gaz.modifiers:
            j -= 1
        if j > 0 and doc[j - 1].lower_ in ("'s", "’s"):
            j -= 1
        ent = _ent_of(doc[j - 1]) if j > 0 else None
        if ent is None or ent.end != j:
            return i, None
        entry = self.gaz.pick(_strip_possessive(ent), date, _STATE_KINDS)
        if entry is not None:
            return ent.start, entry
        key = book.surnames.get(ent.text.split()[-1].lower()) if ent.label_ == "PERSON" else None
        if key is None and ent.label_ == "PERSON":
            person = self.gaz.pick(ent.text, date, ("person",))
            key = person.key if person else None
        if key and key in book.actors:
            return ent.start, book.actors[key]
        return i, None

    # ------------------------------------------------------------------ other entities

    def _entity(self, book: Book, doc: Doc, ent: Span, date: str | None) -> None:
        text = _strip_possessive(ent)
        entry = self.gaz.pick(text, date)
        span = (ent.start_char, ent.start_char + len(text))
        if ent.label_ != "PERSON" and len(ent) == 1 and text.lower() in book.surnames:
            actor = book.actors[book.surnames[text.lower()]]  # "Lavrov" tagged ORG after "Sergey Lavrov"
            book.mention(actor, *span, range(ent.start, ent.end))
            return
        if entry is None:
            self._unknown(book, doc, ent, text, date)
            return
        if entry.kind == "demonym":
            self._demonym(book, doc, ent, entry, date)
            return
        if entry.kind == "capital" and _locative(ent):
            actor = book.get(f"location:{text}", name=text, kind="location", country=entry.country)
        else:
            actor = self._from_entry(book, entry, date)
        book.mention(actor, *span, range(ent.start, ent.end))

    def _demonym(self, book: Book, doc: Doc, ent: Span, entry: Entry, date: str | None) -> None:
        """A demonym is an actor when it names the people acting: "Russian officials", "the Ukrainians"."""
        root = ent.root
        anchor = root
        while anchor.dep_ == "conj" and anchor.head is not anchor:
            anchor = anchor.head
        noun = anchor.head if anchor.dep_ in ("amod", "compound", "nmod") else None
        actor = self._from_entry(book, entry, date)
        actor.country = actor.country if entry.kind != "demonym" else self.gaz.code_at(entry.country, date) or actor.country
        if noun is not None and noun.i >= ent.end and noun.ent_type_ == "NORP" and book.free(range(noun.i, noun.i + 1)):
            # "Bosnian Serbs", "Iraqi Kurds": a people of the state where it lives
            actor = self._from_entry(book, entry, date)
            book.mention(actor, ent.start_char, noun.idx + len(noun), range(ent.start, noun.i + 1))
            return
        if noun is not None and (noun.lower_ in self.agent_nouns or noun.lemma_.lower() in self.agent_nouns):
            book.mention(actor, ent.start_char, ent.end_char, range(ent.start, ent.end))  # "an Indian proposal"
            return
        if noun is not None:
            if noun.lower_ not in self.gaz.state_nouns and noun.lemma_.lower() not in self.gaz.state_nouns:
                return
            end = noun.idx + len(noun) if noun.i >= ent.end and book.free(range(ent.end, noun.i + 1)) and _no_ent_between(doc, ent.end, noun.i) else ent.end_char
            book.mention(actor, ent.start_char, end, range(ent.start, ent.end))
            return
        if ent.text.endswith("s") or root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj"):
            book.mention(actor, ent.start_char, ent.end_char, range(ent.start, ent.end))

    def _unknown(self, book: Book, doc: Doc, ent: Span, text: str, date: str | None) -> None:
        if self._hyphenated_states(book, ent, text, date):
            return
        if ent.label_ in ("GPE", "LOC", "FAC"):
            code = city_country(text)
            if code is not None or ent.label_ == "GPE":
                actor = book.get(f"location:{text}", name=text, kind="location", country=code)
                book.mention(actor, ent.start_char, ent.start_char + len(text), range(ent.start, ent.end))
            return
        if ent.label_ != "ORG" or len(text) < 3 or text.isdigit():
            return
        if all(w.lower() in self.title_words for w in text.split()):
            return  # "National Security Advisor" is a title the model called ORG
        start, qualifier = self._qualifier_left(book, doc, ent.start, date)
        country = None
        if isinstance(qualifier, Entry):
            country = self.gaz.code_at(qualifier.country, date)
        elif isinstance(qualifier, Working):
            country = qualifier.country
        name = text if ent.text[:4].lower() != "the " else text[4:]
        actor = book.get(f"org:{norm(name)}", name=name, kind="organisation", country=country)
        actor.country = actor.country or country
        book.mention(actor, doc[start].idx, ent.start_char + len(text), range(start, ent.end))

    def _hyphenated_states(self, book: Book, ent: Span, text: str, date: str | None) -> bool:
        """ "U.S.-Russia relations", "Russian-American": each side is a state."""
        parts = [m for m in re.finditer(r"[^-–]+", text)]
        if len(parts) < 2:
            return False
        entries = [self.gaz.pick(m.group().strip(), date, _STATE_KINDS) for m in parts]
        if any(e is None for e in entries):
            return False
        for m, entry in zip(parts, entries, strict=True):
            actor = self._from_entry(book, entry, date)
            book.mention(actor, ent.start_char + m.start(), ent.start_char + m.end())
        book.claimed.update(range(ent.start, ent.end))
        return True

    # ------------------------------------------------------------------ titles and pronouns

    def _nominal_titles(self, book: Book, doc: Doc, date: str | None, lowers) -> None:
        from spacy.util import filter_spans

        spans = filter_spans([doc[s:e] for _, s, e in self.role_matcher(doc)])
        anaphors = [doc[i] for i in _indices(lowers, self.anaphor_hashes) if i > 0 and doc[i - 1].lower_ == "the"]
        for span in sorted(spans + [doc[t.i : t.i + 1] for t in anaphors], key=lambda s: s.start):
            if not book.free(range(span.start, span.end)):
                continue
            if span.end < len(doc) and doc[span.end].ent_type_ == "PERSON":
                continue  # a title before a name the person step did not take
            start, qualifier = self._qualifier_left(book, doc, span.start, date)
            article = doc[start - 1].lower_ if start > 0 else ""
            determined = article == "the"
            if article in ("a", "an") and qualifier is not None and not span.text[0].isupper():
                self._someone(book, doc, span, start - 1, qualifier, date)  # "an Argentine judge"
                continue
            if qualifier is None and not determined:
                continue
            first = start - 1 if determined else start
            char_start, char_end = doc[first].idx, span.end_char
            word = span.text.lower()
            if word in self.anaphors and span.text.lower() not in self.gaz.roles:
                actor = book.last_with(char_start, lambda a, w=word: w in a.name.lower().split())
                if actor is not None:
                    book.mention(actor, char_start, char_end, range(first, span.end))
                continue
            title = self.titles.read(doc, start, span.end)
            if title is None:
                continue
            actor = self._title_holder(book, title, qualifier, date, char_start)
            if actor is not None:
                book.mention(actor, char_start, char_end, range(first, span.end))

    def _someone(self, book: Book, doc: Doc, span: Span, first: int, qualifier, date: str | None) -> None:
        """An unnamed official of a known country ("a Saudi businessman"): an actor of its own."""
        title = self.titles.read(doc, first + 1, span.end)
        country = self.gaz.code_at(qualifier.country, date) if qualifier is not None else None
        if title is None or not country:
            return
        name = f"{self.gaz.adjective.get(country, country)} {title.role}"
        actor = book.get(f"someone:{name}", name=name, kind="person", country=country, sector=title.sector, role=title.role)
        book.mention(actor, doc[first].idx, span.end_char, range(first, span.end))

    def _title_holder(self, book: Book, title, qualifier, date: str | None, before: int) -> Working | None:
        country = title.country if title.country else (qualifier.country if isinstance(qualifier, (Entry, Working)) else None)
        if country:
            code = self.gaz.code_at(country, date)
            known = [a for a in book.actors.values() if a.person and a.country == code and a.role == title.role]
            if known:
                return known[0]
            holder = self.gaz.office_holder(country, title.role or "", date)
            if holder is not None:
                return self._from_entry(book, holder, date)
            known = [a for a in book.actors.values() if a.person and a.country == code and a.heads & title.heads]
            return known[0] if len(known) == 1 else None
        role = title.role or ""

        def holds(a: Working) -> bool:
            if not a.person or (title.gender and a.gender not in (None, title.gender)):
                return False
            if " " in role:  # "the prime minister" is not any minister
                return bool(a.role) and (a.role == role or a.role.endswith(" " + role))
            return role in a.heads or bool(a.role) and a.role.split()[-1] == role

        return book.last_with(before, holds)

    def _pronouns(self, book: Book, doc: Doc, lowers) -> None:
        starts = [sent.start for sent in doc.sents]

        def sentence(i: int) -> int:
            return bisect_right(starts, i) - 1
        slots = []
        for actor in book.actors.values():
            if actor.kind == "location":
                continue
            for start, end in actor.mentions:
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is None or not len(span):
                    continue
                subject, main = coref.is_subject(span.root)
                slots.append(coref.Slot(start, end, span.root.i, sentence(span.root.i), actor.key, actor.person, actor.gender,
                                        subject, main, coref.is_coordinated(span.root), span.root.tag_ in ("NNS", "NNPS")))
        slots.sort(key=lambda s: s.start)
        for token in (doc[i] for i in _indices(lowers, self.pronoun_hashes)):
            if token.i in book.claimed:
                continue
            target = coref.resolve_pronoun(token, sentence(token.i), slots)
            if target is None:
                continue
            actor = book.actors[target.key]
            book.mention(actor, token.idx, token.idx + len(token), range(token.i, token.i + 1))
            subject, main = coref.is_subject(token)
            slot = coref.Slot(token.idx, token.idx + len(token), token.i, sentence(token.i), actor.key, actor.person, actor.gender,
                              subject, main, False, target.plural)
            slots.append(slot)
            slots.sort(key=lambda s: s.start)


# ---------------------------------------------------------------------- helpers


def _indices(lowers, hashes) -> list[int]:
    """Token indices whose lower-case form is one of `hashes`, found without building Token objects."""
    import numpy

    if not len(hashes) or not len(lowers):
        return []
    return numpy.nonzero(numpy.isin(lowers, numpy.fromiter(hashes, dtype=numpy.uint64)))[0].tolist()


def _heading(doc: Doc, ent: Span) -> bool:
    after = doc[ent.end] if ent.end < len(doc) else None
    return (after is not None and after.text == ":") or (ent.start == ent.sent.start and ent.end >= ent.sent.end - 1)


def _inside(ent: Span, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= ent.start_char and ent.end_char <= e for s, e in ranges)


def _is_person(entries: list[Entry]) -> bool:
    return bool(entries) and entries[0].kind == "person"


def _strip_possessive(ent: Span) -> str:
    text = ent.text
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    if text.lower().startswith("the "):
        return text  # kept: the mention covers the determiner the model included
    return text


def _ent_of(token):
    if token.ent_iob_ == "O" or not token.ent_type_:
        return None
    doc = token.doc
    for ent in doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _ent_starting(doc: Doc, i: int):
    if i < len(doc) and doc[i].ent_iob_ == "B":
        return _ent_of(doc[i])
    return None


def _no_ent_between(doc: Doc, start: int, end: int) -> bool:
    return all(doc[i].ent_iob_ == "O" for i in range(start, end))


def _locative(ent: Span) -> bool:
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE

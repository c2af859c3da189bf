"""Actors: who is who, and for which country they act.

Order of evidence, most reliable first: the gazetteer (states, capitals, demonyms, organisations,
people with their offices by date), fed to spaCy as an entity ruler so the model's misses are
fixed ("Kiev" as PERSON); then institutions by pattern ("the Russian Foreign Ministry"); then
titles and appositives that teach an unknown person's role and country ("Russia's lead
negotiator, Vladimir Medinsky"), which later surname mentions inherit; then coreference of
bare titles ("the secretary", "the ministry") and pronouns. Actors whose own words name no
country ("President X" unknown to the gazetteer, "the army", "protesters", an unknown "... Front")
take it from the article's context (context.py), only when the context is unambiguous. Every
resolved mention is recorded, so `Document.actor_at` answers for "he", "the Kremlin" and "Russian
officials" alike; "they" for a coordinated subject is recorded once per conjunct.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...knowledge import Knowledge, attach
from ..entities import entities, entities_in
from ..places import load_places
from ..pronouns import load_pronouns
from ..registry import annotator
from .committees import assign_committees
from .context import ContextMixin
from .gazetteer import RECENT_YEARS, STATE_KINDS, Entry, Gazetteer, fold, load_gazetteer, norm
from .institutions import InstitutionsMixin
from .learned import Learned, index, name_key, seen_near
from .name_words import names_ending_in_state_words, qualifies_as_state
from .references import ReferencesMixin
from .relations import RelationsMixin
from .resolve import Book, Working
from .spans import (
    Covered,
    SentenceIndex,
    ent_of,
    ent_starting,
    heading,
    in_longer_name,
    indices,
    inside,
    is_person,
    locative,
    no_ent_between,
    same_name,
    strip_possessive,
)
from .titles import TitleReader

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from ...document import Document

RULER = "communique_actor_ruler"
_NAME_POS = ("PROPN", "NOUN")  # words of a capitalised name
_NEVER_PEOPLE = frozenset({"BUS", "MED"})  # sectors of the organisation nouns that never describe a person
# "Rep. X (D-Ore.)", "Sen. Y, R-Texas,", "Gov. Z (R)": American news gives a politician his party and state
_US_PARTY_STATE = re.compile(
    r"(?:\s*\(|,\s*)[DRI][-–]\s?[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?[),]"
    r"|\s*\([DRI]\)"  # "Gov. X (R)": the party alone
)
_BRACKETED_SEAT = re.compile(r"\s*\(([A-Z][A-Za-z.]{1,5})\)")
_UNIT_WORDS = frozenset({"committee", "subcommittee", "commission", "caucus", "council", "panel"})
_ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


@annotator("actors", requires=("timexes",), assigns=("actors",))
class ActorAnnotator(InstitutionsMixin, ReferencesMixin, ContextMixin, RelationsMixin):
    def __init__(self, knowledge: Knowledge | None = None) -> None:
        self.knowledge = knowledge = knowledge or Knowledge.from_env()
        self.places = knowledge.derived(load_places)
        self.pronouns = knowledge.derived(load_pronouns)
        self.gaz: Gazetteer = load_gazetteer(knowledge)
        self._load_relations()
        self.titles = TitleReader(self.gaz, self.places)
        credits = knowledge.yaml("actors/credits.yaml") or {}
        self.credits = [re.compile(p) for p in credits.get("patterns") or []]
        institutions = knowledge.yaml("actors/institutions.yaml") or {}
        self.anaphors = frozenset(institutions.get("anaphors") or [])
        self.group_words = frozenset(w.lower() for w in institutions.get("group_words") or [])
        self.body_words = frozenset(w.lower() for w in institutions.get("government_body_words") or [])
        self.regional_body_words = frozenset(w.lower() for w in institutions.get("regional_body_words") or [])
        self.many_states_nouns = frozenset(w.lower() for w in institutions.get("many_states_nouns") or [])
        self.initials_skip = frozenset(w.lower() for w in institutions.get("initials_skip") or [])
        self.head_modifiers = frozenset(m.lower() for m in institutions.get("head_modifiers") or [])
        self.contextual_forms = frozenset(f.lower() for f in institutions.get("contextual") or [])
        roles = knowledge.yaml("actors/roles.yaml") or {}
        self.envoy_roles = frozenset(r.lower() for r in roles.get("envoy_roles") or [])
        self.context_roles = frozenset(
            r.lower() for r in (knowledge.yaml("actors/roles.yaml") or {}).get("context_roles") or []
        )
        self.place_names = frozenset(
            k for k, v in self.gaz.forms.items() if any(e.kind in ("capital", "place") for e in v)
        )
        self.group_nouns = self.gaz.state_nouns | {
            "fighters", "militants", "members", "forces", "spokesman", "spokeswoman",
        }
        self.agent_nouns = frozenset(n.lower() for n in institutions.get("agent_nouns") or [])
        heads = institutions.get("organisation_heads") or {}
        self.organisation_heads = {k.lower(): v for k, v in heads.items()}
        self.media_words = frozenset(w.lower() for w in institutions.get("media_words") or [])
        chambers = institutions.get("committee_chambers") or {}
        self.committee_chambers = {k.lower(): v for k, v in chambers.items()}
        self.agent_sectors = {r["form"]: r["sector"] for r in knowledge.csv("actors/petrarch_agents.csv")}
        self.heads_by_form: dict[str, dict] = {}
        for head in self.gaz.heads:
            for form in head.get("forms") or []:
                self.heads_by_form[form.lower()] = head
        self.title_words = frozenset(
            self.titles.words | {"sheikh", "crown", "prince", "mr", "mrs", "ms", "dr"}
        )
        self.role_ends = frozenset(r.split()[-1] for r in self.gaz.roles)
        self.head_matcher = None
        self.role_matcher = None
        self.learned: dict[str, Learned] = {}
        given = knowledge.yaml("actors/given_names.yaml") or {}
        self.given_gender = {
            fold(n): g for g, key in (("f", "female"), ("m", "male")) for n in given.get(key) or []
        }
        # state and province abbreviations ("Va.", "Ont."), read once with the places
        self.region_abbreviations = self.places.abbreviated

    def use_learned(self, rows) -> None:
        """People learned from earlier articles of a store (`Store.learned_actors()`), reused for a person
        the article names without saying whom he acts for; none by default."""
        self.learned = index(rows)

    def setup(self, nlp: Language) -> None:
        from spacy.matcher import PhraseMatcher

        if RULER not in nlp.pipe_names:
            where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
            ruler = nlp.add_pipe("entity_ruler", name=RULER, config={"phrase_matcher_attr": "ORTH"}, **where)
            with nlp.select_pipes(enable=[RULER]):  # ORTH patterns need the tokenizer only, not the parser
                ruler.add_patterns(self.gaz.ruler_patterns())
        self.head_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for form in self.heads_by_form:
            self.head_matcher.add(form, [nlp.make_doc(form)])
        self.anaphor_hashes = {nlp.vocab.strings.add(a) for a in self.anaphors}
        self.short_name_hashes = {
            nlp.vocab.strings.add(surface.lower()) for surface, label in self.gaz.labels.items()
            if label == "PERSON" and " " not in surface and surface not in self.gaz.unforced
        }
        self.pronoun_hashes = {nlp.vocab.strings.add(p) for p in self.pronouns.third_person}
        self.role_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for role in self.gaz.roles:
            self.role_matcher.add(role, [nlp.make_doc(role)])

    # ------------------------------------------------------------------ per document

    def __call__(self, document: Document, parsed: Doc) -> None:
        attach(parsed, self.knowledge)
        if self.head_matcher is None:  # built without setup(): e.g. a unit test with a bare nlp
            from spacy.lang.en import English

            self.setup(English())
        date = document.article.published
        book = Book(document.text, title_words=self.title_words, sentences=SentenceIndex(parsed),
                    name_key=self._surname_key)
        lowers = parsed.to_array("LOWER")  # one C-level pass; token loops below only visit hits
        # an entity inside a credit line, or inside a date or time ("1500 GMT"), is not an actor
        credited = Covered(self._credited(document.text) + [(t.start, t.end) for t in document.timexes])
        ents = [e for e in entities(parsed) if e.label_ in _ACTOR_LABELS and not inside(e, credited)]
        ents = names_ending_in_state_words(parsed, ents, self.gaz, self._given_name, self.title_words)
        gaz_tokens = {i for e in ents if self.gaz.lookup(e.text) for i in range(e.start, e.end)}
        # 1. people first, so titles claim their words and surnames are known before other labels
        people = [
            e for e in ents if self._names_person(parsed, e) and not self._described_company(parsed, e, date)
        ]
        people.sort(key=lambda e: (len(e) == 1, e.start))
        for ent in people:
            self._person(book, parsed, ent, date, gaz_tokens)
        self._untagged_names(book, parsed, credited, lowers, date)
        # 2. institutions by pattern, 3. every other entity
        self._institutions(book, parsed, date)
        for ent in ents:
            if book.free(range(ent.start, ent.end)):
                self._entity(book, parsed, ent, date)
        self._misspelt_states(book, parsed, date)
        self._local_offices(book)
        self._context_countries(book, parsed, date)
        assign_committees(book, self.gaz, self.committee_chambers, self._sole_country(book), date)
        # 4. bare titles and anaphors, 5. pronouns
        self._nominal_titles(book, parsed, date, lowers)
        self._pronouns(book, parsed, document.text, lowers)
        document.actors.extend(book.to_actors(self.pronouns.third_person))

    def _surname_key(self, word: str) -> str:
        """How two spellings of a last name compare: "Ramírez" is "Ramirez", "Zelenskiy" is "Zelensky"."""
        return self.gaz.variants.word_key(norm(word))

    def _credited(self, text: str) -> list[tuple[int, int]]:
        return [m.span() for rx in self.credits for m in rx.finditer(text)]

    # ------------------------------------------------------------------ people

    def _person(self, book: Book, doc: Doc, ent: Span, date: str | None, gaz_tokens: set[int]) -> None:
        if not book.free(range(ent.start, ent.end)):
            return
        text = strip_possessive(ent)
        entry = self.gaz.pick(text, date, ("person",))
        sentence = book.sentences.bounds(ent.start)
        title = self.titles.around(doc, ent, gaz_tokens, sentence)
        if entry is not None:
            actor = self._from_entry(book, entry, date)
        else:
            parts = text.split()
            key = book.by_surname(parts[-1], ent.start_char) if parts else None
            known = book.actors[key] if key is not None else None
            if known is not None and len(parts) > 1 and not same_name(parts, known, self._surname_key):
                key = None  # "Jeh Johnson" is not "Gary Johnson"
            if key is None and parts:
                key = self._partial_name(book, parts, ent.start_char)
            if key is None and len(parts) == 1 and (ent.label_ != "PERSON" or heading(doc, ent, sentence)):
                # a single unknown word the model called ORG/GPE, or a heading ("Background:"),
                # is not a person
                return
            actor = book.actors[key] if key else book.get(f"person:{text}", name=text, kind="person")
        book.learn_name(actor, text)
        if actor.gender is None:  # "Dina X ... he said": a given name that tells the sex rules her out
            actor.gender = self._given_gender(text)
        if title is not None and actor.key.startswith("person:") and entry is None:
            actor.role = actor.role or title.role
            actor.sector = actor.sector or title.sector
            if not (title.country not in self.gaz.states and self._past_title(doc, title)):
                # "a former deputy head of the UN": a post left in an international body says not whom he
                # acts for now (a former post in a state still gives his nationality)
                actor.country = actor.country or self.gaz.code_at(title.country, date)
            if actor.country is None and title.local:  # "the city of Kharkiv ... regional governor X"
                book.local.append((actor.key, doc[sentence[0]].idx, ent.start_char))
            actor.gender = actor.gender or title.gender
            actor.heads |= title.heads
        elif title is not None:
            actor.heads |= title.heads
            actor.role = actor.role or title.role  # a known person whose table holds no office at this date
            if (entry is not None and title.country and entry.offices
                    and not any(o.holds(date) for o in entry.offices)):
                # "Serbian President Vojislav Kostunica" on a date none of his terms covers: the text's own
                # qualifier outranks the nearest term in the table (his Yugoslav presidency)
                actor.country = self.gaz.code_at(title.country, date)
        if entry is None and actor.country is None and actor.key.startswith("person:"):
            # "Interior Minister X of Chile", "X of Chile and Y of Peru": the body or state named right after;
            # "Lithuania's X": the state whose possessive opens the name
            actor.country = (
                self._postnominal_country(doc, ent, date) or self._possessive_state(doc, ent, date)
                or self._demonym_described(doc, ent, date) or self._apposed_demonym(doc, ent, date)
                or self._base_country(doc, ent, date)  # "X, a Lima-based lawyer"
            )
        unknown = entry is None and actor.key.startswith("person:")
        body = self._possessive_body(doc, ent, date) if unknown else None
        if body is not None and actor.country in (None, self.gaz.code_at(body.country, date)):
            # "CNN's X": one of the body's own people
            actor.country = self.gaz.code_at(body.country, date)
            actor.sector = actor.sector or body.sector
        seat = _BRACKETED_SEAT.match(book.text, ent.end_char)
        code = self.region_abbreviations.get(seat.group(1)) if seat is not None else None
        if code is not None and actor.key.startswith("person:") and actor.country in (None, code):
            # "Sen. X (Vt.)": the state or province a politician represents, in brackets after the name
            actor.country = code
            book.claimed.update(t.i for t in doc[ent.end : ent.end + 4] if t.idx < seat.end())
        party = _US_PARTY_STATE.match(book.text, ent.end_char)
        if party is not None and actor.key.startswith("person:"):
            # "Sen. X (R-Ohio)": a member of Congress; "New Mexico" in it is his seat, no actor
            actor.country, actor.sector = actor.country or "USA", actor.sector or "LEG"
            last = next((t.i for t in doc[ent.end : ent.end + 8] if t.idx >= party.end()), len(doc))
            book.claimed.update(range(ent.end, last))
        self._related_country(book, doc, ent, actor, entry, title, date)
        if entry is None and actor.country is None and actor.key.startswith("person:") and " " in text:
            self._recall(actor, text, date)
        if entry is None and actor.country is None and actor.key.startswith("person:"):
            # "In Arica, police spokesman Capt. X said": the body his title names is of the place the sentence
            # opens with
            start = self._institution_title_start(doc, ent.start)
            if start is not None:
                actor.country = self._placed_country(book, doc, start, ent.end, date)
        if title is not None and actor.country is None and actor.key.startswith("person:"):
            # a body the title names may get its country later ("Department of Labour spokesman X")
            book.titles.append((actor.key, doc[title.start].idx, ent.start_char))
        if title is not None:
            self._title_organisations(book, doc, title, date)
            book.titled.update(range(title.start, title.end))
        # "Russian Foreign Minister Sergey Lavrov": one mention
        if title is not None and title.end == ent.start:
            book.mention(actor, doc[title.start].idx, ent.end_char, range(title.start, ent.end))
        elif title is not None:  # "Russia's lead negotiator, Vladimir Medinsky": the apposition names him too
            last = doc[title.end - 1]
            book.mention(actor, doc[title.start].idx, last.idx + len(last), range(title.start, title.end))
        book.mention(actor, ent.start_char, ent.start_char + len(text), range(ent.start, ent.end))

    def _institution_title_start(self, doc: Doc, end: int) -> int | None:
        """Where the words before a name that name an unqualified institution begin ("police spokesman Capt."
        before "X"), if they do: lower-case nouns and abbreviated ranks, right before the name."""
        start = end
        while start > 0 and end - start < 7 and (doc[start - 1].is_lower and doc[start - 1].pos_ == "NOUN"
                                                 or _abbreviated_rank(doc, start - 1)):
            start -= 1
        named = any(doc[i].lower_ in self.heads_by_form for i in range(start, end))
        return start if named else None

    def _related_country(self, book: Book, doc: Doc, ent: Span, actor: Working, entry: Entry | None, title,
                         date: str | None) -> None:
        """The country a relation gives ("his deputy, X"), for a person the text gives none, or whose only
        title is a past one ("former Kenyan President X, the African Union envoy") and holds no office now."""
        past = title is not None and self._past_title(doc, title)
        unknown = entry is None and actor.key.startswith("person:") and (actor.country is None or past)
        if not unknown and not (entry is not None and past and not any(o.holds(date) for o in entry.offices)):
            return
        related = self._relation_country(book, doc, ent, date)
        if related and related != actor.country:
            actor.country = related
            if related not in self.gaz.states:  # an international body's envoy acts for the body
                actor.sector = "IGO"

    def _recall(self, actor: Working, text: str, date: str | None) -> None:
        """A person learned in an earlier article of the store: his country, sector and role from there,
        when the article lies within RECENT_YEARS of the days he was seen (a namesake decades apart is
        someone else)."""
        known = self.learned.get(name_key(text, self.gaz.variants))
        if known is not None and seen_near(known, date, RECENT_YEARS):
            actor.country = known.country
            actor.sector, actor.role = actor.sector or known.sector, actor.role or known.role

    def _given_name(self, word: str) -> bool:
        """Whether a lower-case word is a known given name (of either list of given_names.yaml)."""
        return fold(word) in self.given_gender

    def _given_gender(self, name: str) -> str | None:
        words = [w for w in name.split() if w.lower().rstrip(".") not in self.title_words]
        return self.given_gender.get(fold(words[0].lower())) if len(words) > 1 else None

    def _local_offices(self, book: Book) -> None:
        """A governor or mayor of no named country serves where the sentence's last place lies."""
        for key, sentence_start, at in book.local:
            place = book.last_with(at, lambda a: a.kind == "location" and a.country is not None)
            if place is not None and any(sentence_start <= s < at for s, _ in place.mentions):
                book.actors[key].country = place.country

    def _names_person(self, doc: Doc, ent: Span) -> bool:
        """A person's name: the model says so and the gazetteer knows no organisation of that name
        ("the Tigray People's Liberation Front" read as PERSON), or the gazetteer or a title says so; a
        lone word before a state or province ("Ashford, Va.") is a town, whoever bears it as a surname."""
        if (len(ent) == 1 or ent.label_ != "PERSON") and self._town_region(doc, ent.end) is not None:
            return False
        entries = self.gaz.lookup(strip_possessive(ent))
        if ent.label_ == "PERSON":
            return not entries or entries[0].kind == "person"
        return is_person(entries) or self._titled_name(doc, ent) or self._owned_given_name(doc, ent, entries)

    def _owned_given_name(self, doc: Doc, ent: Span, entries) -> bool:
        """ "Hezbollah's Omar Haddad", "CNN's John Reed": a known given name opening two or three capitalised
        words after a possessive is a person of that body, though the model read the words as a body."""
        return (
            ent.label_ == "ORG" and not entries and 2 <= len(ent) <= 3 and all(t.is_title for t in ent)
            and ent.start > 0 and doc[ent.start - 1].lower_ in ("'s", "’s", "'", "’")
            and self._given_name(ent[0].lower_)
        )

    def _town_region(self, doc: Doc, end: int) -> str | None:
        """The country of a state or province named after a comma at `end` and closed by a comma, a stop or
        the text's end ("Ashford, Va.,", "Dover, Ontario."): what a town's name is followed by; else None."""
        if end + 1 >= len(doc) or doc[end].text != ",":
            return None
        code = self.places.abbreviation_country_at(doc, end + 1)
        if code is not None:
            return code
        for n in (1, 2):
            last = end + 1 + n
            region = doc[end + 1 : last]
            if last > len(doc) or not all(t.is_title for t in region):
                return None
            if last < len(doc) and doc[last].text not in (",", ".", ";", ")"):
                continue
            countries = self.places.subdivision_countries(region.text)
            if len(countries) == 1:
                return next(iter(countries))
        return None

    def _titled_name(self, doc: Doc, ent: Span) -> bool:
        """ "commentator Pavel Orlov" is a person even when the model calls the name ORG."""
        return (
            ent.label_ == "ORG" and ent.start > 0 and len(ent) >= 2 and all(t.is_title for t in ent)
            and doc[ent.start - 1].lower_ in self.role_ends and not self.gaz.lookup(ent.text)
        )

    def _untagged_names(self, book: Book, doc: Doc, credited: Covered, lowers, date: str | None) -> None:
        """A known surname the model did not tag ("Later, Tavares left"), or a one-word gazetteer name
        ("Lavrov") standing alone, is still that person; "Marcos Tavares" is not Marcos."""
        hashes = {doc.vocab.strings[s] for s in book.written_surnames} | self.short_name_hashes
        for i in indices(lowers, hashes):
            token = doc[i]
            if not token.is_title or token.i in book.claimed or credited.covers(token.idx, token.idx + 1):
                continue
            if qualifies_as_state(doc, i, self.gaz):  # "Cuban officials" after "Mark Cuban"
                continue
            if self._town_region(doc, i + 1) is not None:  # "of Ashford, Va.": a town
                continue
            key = book.by_surname(token.lower_, token.idx)
            if key is not None and i > 0:
                # "Ivanka Trump" (untagged) is not Donald Trump: a first name glued before picks its bearer
                key = self._bearer_of_first_name(book, doc[i - 1], token, key)
                if key is None:
                    continue
            if key is None:
                if in_longer_name(doc, i):
                    continue
                entry = self.gaz.pick(token.text, date, ("person",))
                if entry is None:
                    continue
                key = self._from_entry(book, entry, date).key
            book.mention(book.actors[key], token.idx, token.idx + len(token), range(token.i, token.i + 1))

    def _bearer_of_first_name(self, book: Book, before, surname, key: str) -> str | None:
        """The person of this surname whose names hold the first name glued before it; `key` when
        the word before is no first name (a title, a sentence start); None when nobody has it."""
        word = before.lower_
        if not (before.is_title and before.pos_ == "PROPN" and before.is_alpha) or word in self.title_words:
            return key
        keys = book.surnames.get(book.name_key(surname.text)) or []
        bearers = [
            k
            for k in keys
            if any(word in n.lower().split() for n in book.actors[k].names or [book.actors[k].name])
        ]
        if key in bearers or not bearers:
            return key if bearers else None
        latest = book.last_with(surname.idx, lambda a: a.key in bearers)
        return latest.key if latest else bearers[0]

    def _partial_name(self, book: Book, parts: list[str], before: int) -> str | None:
        """ "Sheikh Mohammed" after "Sheikh Mohammed bin Abdulrahman Al-Thani": a part of a known name."""
        words = [p.lower() for p in parts if p.lower() not in self.title_words]
        candidates = book.people_named(words)
        if not candidates:
            return None
        n = len(words)

        def contains(actor: Working) -> bool:
            for name in actor.names or [actor.name]:
                tokens = [t.lower() for t in name.split()]
                if len(tokens) > n and any(tokens[i : i + n] == words for i in range(len(tokens) - n + 1)):
                    return True
            return False

        actor = book.last_with(before, lambda a: a.key in candidates and contains(a))
        return actor.key if actor else None

    def _title_organisations(self, book: Book, doc: Doc, title, date: str | None) -> None:
        """An organisation named in a title acts too: "State Department" in "State Department spokeswoman"."""
        for ent in entities_in(doc, title.start, title.end):
            if ent.start >= title.start and ent.end <= title.end:
                entry = self.gaz.pick(strip_possessive(ent), date)
                if entry is not None and entry.kind not in STATE_KINDS + ("person", "place"):
                    actor = self._from_entry(book, entry, date)
                    book.mention(actor, ent.start_char, ent.start_char + len(strip_possessive(ent)))
                elif (entry is None and ent.label_ == "ORG" and not self._state_word_before(doc, ent, date)
                      and (self._government_body(ent.text) or ent[-1].lower_ in self.group_words)):
                    # "Department of Transport spokesperson X", "Labour Party leader Y": the body acts too;
                    # its country comes from the article (context.py)
                    name = strip_possessive(ent)
                    name = name[4:] if name.lower().startswith("the ") else name
                    actor = book.get(f"org:{norm(name)}", name=name, kind="organisation")
                    book.mention(actor, ent.start_char, ent.start_char + len(strip_possessive(ent)))

    def _state_word_before(self, doc: Doc, ent: Span, date: str | None) -> bool:
        """ "Soviet Foreign Ministry": a state or its adjective right before a body's name qualifies it (the
        institutions pass reads the whole; the bare name is no body of its own)."""
        before = ent_of(doc[ent.start - 1]) if ent.start > 0 else None
        return before is not None and self.gaz.pick(strip_possessive(before), date, STATE_KINDS) is not None

    def _from_entry(self, book: Book, entry: Entry, date: str | None) -> Working:
        if entry.kind == "person":
            office = entry.office(date)
            known = entry.key in book.actors  # what the text taught about him earlier stands
            actor = book.get(entry.key, name=entry.name, kind="person", gender=entry.gender, canonical=True)
            if office is not None and not known:
                actor.country, actor.sector = office.country, office.sector
                if not (date and office.valid_from and office.valid_from[:10] > date[:10]):
                    # an office he takes only after the article's date is not his role in it: the text's own
                    # title gives that ("Deputy Attorney General X" years before he led the office); a past
                    # office stays his role ("then the president of Poland")
                    actor.role = office.role
                    actor.heads |= set((office.role or "").split()[-1:])
            return actor
        if entry.kind in STATE_KINDS:
            state = self.gaz.states.get(entry.country or "")
            name = state.name if state else entry.name
            return book.get(f"state:{entry.country}", name=name, kind="state", country=entry.country)
        country = entry.country if entry.kind == "place" else self.gaz.code_at(entry.country, date)
        kind = "location" if entry.kind == "place" else entry.kind
        return book.get(entry.key, name=entry.name, kind=kind, country=country, sector=entry.sector)

    # ------------------------------------------------------------------ other entities

    def _entity(self, book: Book, doc: Doc, ent: Span, date: str | None) -> None:
        text = strip_possessive(ent)
        entry = self.gaz.pick(text, date)
        span = (ent.start_char, ent.start_char + len(text))
        if (ent.label_ != "PERSON" and len(ent) == 1 and book.known_surname(text)
                and not qualifies_as_state(doc, ent.start, self.gaz)):
            # "Lavrov" tagged ORG after "Sergey Lavrov"
            actor = book.actors[book.by_surname(text, ent.start_char)]
            book.mention(actor, *span, range(ent.start, ent.end))
            return
        if entry is None:
            self._unknown(book, doc, ent, text, date)
            return
        region = self._town_region(doc, ent.end) if entry.kind == "person" else None
        if region is not None:  # "of Ashford, Va.": a town that shares a known person's surname
            actor = book.get(f"location:{text}:{region}", name=text, kind="location", country=region)
            book.mention(actor, *span, range(ent.start, ent.end))
            return
        if entry.kind in ("state", "demonym") and self._outlet_named(book, doc, ent, entry, date):
            return
        if entry.kind == "demonym":
            self._demonym(book, doc, ent, entry, date)
            return
        if entry.kind in STATE_KINDS and self._longer_region(book, doc, ent, entry, date):
            return
        body = entry.kind not in (*STATE_KINDS, "person", "place")
        if body and self._named_unit(book, doc, ent, entry, date):
            return
        abroad = self._subdivision_meant(book, ent, entry, date) if entry.kind == "state" else None
        if abroad is not None:
            actor = book.get(f"location:{text}:{abroad}", name=text, kind="location", country=abroad)
            book.mention(actor, *span, range(ent.start, ent.end))
            return
        owner = (self._possessive_state(doc, ent, date) or self._demonym_before(doc, ent, date)
                 if entry.kind == "institution" else None)
        if owner is not None and owner != self.gaz.code_at(entry.country, date):
            # "Peru's Congress", "the Kenyan Securities and Exchange Commission": another state's body of
            # the same name as one the gazetteer keeps
            actor = book.get(f"org:{norm(text)}:{owner}", name=text, kind="institution", country=owner,
                             sector=entry.sector)
            book.mention(actor, *span, range(ent.start, ent.end))
            return
        place = next((e for e in self.gaz.lookup(text) if e.kind in ("capital", "place")), None)
        if place is not None and locative(ent):  # "talks in Moscow", "speaking in Brussels": a place
            country = self._namesake_country(book, ent, text, place.country, date)
            actor = book.get(f"location:{text}:{country}", name=text, kind="location", country=country)
        else:
            actor = self._from_entry(book, entry, date)
            if actor.country is None and actor.kind not in ("state", "person", "location"):
                described = self._described_body(doc, ent, date)  # "Norway's largest bank, X"
                actor.country = described[0] if described is not None else None
            if (
                actor.kind not in ("state", "person")
                and text.lower() != text
                and norm(text) not in self.place_names
            ):
                actor.names.append(text[4:] if text.lower().startswith("the ") else text)
            head = ent.root.head
            if ent.root.dep_ == "compound" and head.i == ent.end and head.lower_ in self.group_nouns:
                span = (span[0], head.idx + len(head))  # "Hamas officials" act for Hamas
        book.mention(actor, *span, range(ent.start, ent.end))

    def _named_unit(self, book: Book, doc: Doc, ent: Span, entry: Entry, date: str | None) -> bool:
        """ "the DNC Rules Committee", "the Knesset Finance Committee": capitalised words right after a known
        body that end in a word for a unit of people name that body's unit, which acts for the body's country
        in its sector."""
        end = ent.end
        while end < len(doc) and end - ent.end < 4 and doc[end].is_title and doc[end].pos_ in _NAME_POS \
                and doc[end].lower_ not in _UNIT_WORDS and not doc[end].ent_type_:
            end += 1
        if end >= len(doc) or doc[end].lower_ not in _UNIT_WORDS or not doc[end].is_title or end == ent.end \
                and doc[end].whitespace_ == "" or not book.free(range(ent.end, end + 1)):
            return False
        if end + 1 < len(doc) and doc[end + 1].is_title and doc[end + 1].pos_ in _NAME_POS:
            return False  # "the X Council Chamber": the name goes on, a place or thing, not the unit
        name = f"{strip_possessive(ent)} {doc[ent.end : end + 1].text}"
        name = name[4:] if name[:4].lower() == "the " else name
        country = self.gaz.code_at(entry.country, date)
        sector = entry.sector if entry.kind != "igo" else "IGO"
        actor = book.get(f"org:{norm(name)}", name=name, kind="organisation", country=country, sector=sector)
        book.mention(actor, ent.start_char, doc[end].idx + len(doc[end]), range(ent.start, end + 1))
        return True

    def _longer_region(self, book: Book, doc: Doc, ent: Span, entry: Entry, date: str | None) -> bool:
        """ "New Mexico", "New Mexico Department of Health": a state's name after a capitalised word it makes
        another country's state or province with is a place of that country (a body so named is of it too),
        not the state."""
        if ent.start == 0 or not doc[ent.start - 1].is_title or doc[ent.start - 1].is_sent_start \
                and doc[ent.start - 1].lower_ in ("the", "a", "an"):
            return False
        before = doc[ent.start - 1]
        region = f"{before.text} {strip_possessive(ent)}"
        countries = self.places.subdivision_countries(region) - {self.gaz.code_at(entry.country, date)}
        if len(countries) != 1 or not book.free(range(before.i, ent.start)):
            return False
        code = next(iter(countries))
        actor = book.get(f"location:{region}:{code}", name=region, kind="location", country=code)
        book.mention(actor, before.idx, ent.start_char + len(strip_possessive(ent)), range(before.i, ent.end))
        return True

    def _demonym(self, book: Book, doc: Doc, ent: Span, entry: Entry, date: str | None) -> None:
        """A demonym is an actor when it names the people acting: "Russian officials", "the Ukrainians"."""
        root = ent.root
        anchor = root
        while anchor.dep_ == "conj" and anchor.head is not anchor:
            anchor = anchor.head
        noun = anchor.head if anchor.dep_ in ("amod", "compound", "nmod") else None
        if ent.start > 0 and doc[ent.start - 1].lower_ == "ethnic":
            home = self._homeland(book, ent, entry, date)  # "ethnic Albanians ... in Serbia" act in Serbia
            if home is not entry:
                code = self.gaz.code_at(home.country, date)
                group = book.get(
                    f"group:{norm(ent.text)}:{code}",
                    name=f"ethnic {ent.text}",
                    kind="group",
                    country=code,
                    sector="CVL",
                )
                book.mention(group, ent.start_char, ent.end_char, range(ent.start, ent.end))
                return
        actor = self._from_entry(book, entry, date)
        actor.country = (
            actor.country
            if entry.kind != "demonym"
            else self.gaz.code_at(entry.country, date) or actor.country
        )
        if (
            noun is not None
            and noun.i >= ent.end
            and noun.ent_type_ == "NORP"
            and book.free(range(noun.i, noun.i + 1))
        ):
            # "Bosnian Serbs", "Iraqi Kurds": a people of the state where it lives
            actor = self._from_entry(book, entry, date)
            book.mention(actor, ent.start_char, noun.idx + len(noun), range(ent.start, noun.i + 1))
            return
        if noun is not None and (noun.lower_ in self.agent_nouns or noun.lemma_.lower() in self.agent_nouns):
            # "an Indian proposal"
            book.mention(actor, ent.start_char, ent.end_char, range(ent.start, ent.end))
            return
        if noun is not None and self._national_body(book, doc, ent, noun, date):
            return
        if noun is not None:
            if noun.lower_ not in self.gaz.state_nouns and noun.lemma_.lower() not in self.gaz.state_nouns:
                return
            end = (
                noun.idx + len(noun)
                if noun.i >= ent.end
                and book.free(range(ent.end, noun.i + 1))
                and no_ent_between(doc, ent.end, noun.i)
                else ent.end_char
            )
            book.mention(actor, ent.start_char, end, range(ent.start, ent.end))
            return
        if ent.text.endswith("s") or root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj"):
            book.mention(actor, ent.start_char, ent.end_char, range(ent.start, ent.end))

    def _outlet_named(self, book: Book, doc: Doc, ent: Span, entry: Entry, date: str | None) -> bool:
        """ "the Kuwait News Agency", "Saudi Press Agency", "Pakistan Television": a state's name opening a
        capitalised name that holds a media word is a news outlet of that state, which reports and never acts
        for it."""
        end = ent.end
        while end < len(doc) and end - ent.end < 4 and doc[end].is_title and doc[end].pos_ in _NAME_POS:
            end += 1
        words = {t.lower_ for t in doc[ent.end : end]}
        if end == ent.end or not words & self.media_words or not book.free(range(ent.end, end)):
            return False
        country = self.gaz.code_at(entry.country, date)
        name = doc[ent.start : end].text
        name = name[4:] if name[:4].lower() == "the " else name
        actor = book.get(f"org:{norm(name)}", name=name, kind="media", country=country, sector="MED")
        book.mention(actor, ent.start_char, doc[end - 1].idx + len(doc[end - 1]), range(ent.start, end))
        return True

    def _national_body(self, book: Book, doc: Doc, ent: Span, noun, date: str | None) -> bool:
        """ "the Polish border guard agency", "a state-owned Chinese lender", "a Russian news agency": a body
        of the demonym's country (a news outlet is a media actor of its own, never the state acting)."""
        head = noun.lower_
        if noun.i < ent.end or head not in self.organisation_heads:
            return False
        if not book.free(range(ent.end, noun.i + 1)):
            return False
        after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
        if after is not None and after.pos_ == "PROPN" and after.is_title and noun.is_lower:
            return False  # "the Chilean copper giant Codelco": the body is the name after, read as a name
        words = [t.lower_ for t in doc[ent.end : noun.i + 1]]
        if any(t.pos_ not in ("NOUN", "PROPN", "ADJ") or t.ent_type_ for t in doc[ent.end : noun.i]):
            return False  # only nouns and adjectives between the country and the head: one phrase
        entry = self.gaz.pick(strip_possessive(ent), date, ("demonym", "state"))
        country = self.gaz.code_at(entry.country, date) if entry is not None else None
        if country is None:
            return False
        media = bool(set(words) & self.media_words)
        endings = (" ".join(words[i:]) for i in range(len(words)))  # longest first: "border guard agency"
        agent = next((e for e in endings if e in self.agent_sectors), None)
        sector = "MED" if media else self.agent_sectors[agent] if agent else self.organisation_heads[head]
        name = f"{self.gaz.adjective.get(country, country)} {' '.join(words)}"
        kind = "media" if media else "institution"
        phrase = " ".join(words)
        actor = book.get(f"body:{country}:{phrase}", name=name, kind=kind, country=country, sector=sector)
        book.mention(actor, ent.start_char, noun.idx + len(noun), range(ent.start, noun.i + 1))
        return True

    def _unknown(self, book: Book, doc: Doc, ent: Span, text: str, date: str | None) -> None:
        if self._hyphenated_states(book, ent, text, date):
            return
        if len(ent) == 1 and ent.label_ in ("GPE", "NORP", "ORG"):
            entry = self.gaz.fuzzy_state(text)
            if entry is not None:  # "Ethopia": a misspelt state stands for the state
                actor = self._from_entry(book, entry, date)
                book.mention(actor, ent.start_char, ent.start_char + len(text), range(ent.start, ent.end))
                return
        described = self._described_body(doc, ent, date)
        if described is not None and (ent.label_ != "PERSON" or described[1] in _NEVER_PEOPLE):
            # "Russian gas giant X", "the Turkish newspaper Y", whatever the model read
            name = text[4:] if text[:4].lower() == "the " else text
            country, sector = described
            # a newspaper reports, it never acts for its state
            kind = "media" if sector == "MED" else "organisation"
            actor = book.get(f"org:{norm(name)}", name=name, kind=kind, country=country, sector=sector)
            book.mention(actor, ent.start_char, ent.start_char + len(text), range(ent.start, ent.end))
            return
        if ent.label_ in ("GPE", "LOC", "FAC") or self._city_read_as_org(book, doc, ent, text):
            if text in self.region_abbreviations and ent.start > 0 and doc[ent.start - 1].text == ",":
                return  # "Tulsa, Okla.": the state says where the town lies; it is no actor of its own
            code = self._namesake_country(book, ent, text, self.places.city_country(text), date)
            if code is not None or ent.label_ == "GPE":
                actor = book.get(f"location:{text}", name=text, kind="location", country=code)
                book.mention(actor, ent.start_char, ent.start_char + len(text), range(ent.start, ent.end))
            return
        if ent.label_ != "ORG" or len(text) < 3 or text.isdigit():
            return
        if all(w.lower() in self.title_words for w in text.split()):
            return  # "National Security Advisor" is a title the model called ORG
        named = text.split()[1:] if text.split()[0].lower() in ("the", "a", "an") else text.split()
        if not any(w[:1].isupper() or w[:1].isdigit() for w in named):
            return  # "the federal" before a body's name: lower-case words name no organisation
        if self._capitalised_anaphor(book, doc, ent, text):
            return
        named = self._bracketed_short_form(book, doc, ent)
        if named is None:  # "The PLF denied": a short form learned before
            named = next(
                (a for a in book.actors.values() if a.kind == "organisation" and text in a.names), None
            )
        if named is None:
            named = self._initials_of_named(book, text)
        if named is not None:  # "Islamic Salvation Front (FIS)": the short form is the same actor
            if text not in named.names:
                named.names.append(text)
            book.mention(named, ent.start_char, ent.end_char, range(ent.start, ent.end))
            return
        start, qualifier = self._qualifier_left(book, doc, ent.start, date)
        country = None
        if isinstance(qualifier, Entry):
            country = self.gaz.code_at(qualifier.country, date)
        elif isinstance(qualifier, Working):
            country = qualifier.country
        name = text if ent.text[:4].lower() != "the " else text[4:]
        words = name.split()
        for n in (3, 2, 1):  # "Kenya Anti-Corruption Commission", "Nigerian National Petroleum Corporation"
            if country is None and len(words) > n:
                country = self._region_body_lead(words, n, date)
                if country is not None:
                    break
                lead = self.gaz.pick(" ".join(words[:n]), date, ("state", "demonym"))
                country = self.gaz.code_at(lead.country, date) if lead is not None else None
        if country is None and self._government_body(name):  # "Ohio Department of Health"
            country = self._regional_body_country(words)
        # "the Political Bureau of Hamas", "the Central Committee of Fatah": a body of the one named after it
        # (the model may have cut the name before it: "the University of" + "Chile")
        after = ent_starting(doc, ent.end) if ent[-1].lower_ == "of" else None
        if after is not None:
            entry = self.gaz.pick(strip_possessive(after), date)
            if entry is not None and entry.kind not in ("person", "place") and entry.country:
                country = country or self.gaz.code_at(entry.country, date)
            name = f"{name} {after.text}"
        country = (
            country or self._postnominal_country(doc, ent, date) or self._owner_body_country(doc, ent, date)
            or self._base_country(doc, ent, date)
        )
        actor = book.get(f"org:{norm(name)}", name=name, kind="organisation", country=country)
        actor.country = actor.country or country
        book.mention(actor, doc[start].idx, ent.start_char + len(text), range(start, ent.end))

    def _region_body_lead(self, words: list[str], n: int, date: str | None) -> str | None:
        """A body named as a region's government names its bodies ("<Region> Department of Revenue"), after
        a name that is a state and also a region of one other country: that other country's region."""
        if words[n].lower() not in self.regional_body_words or words[n + 1 : n + 2] != ["of"]:
            return None
        lead = " ".join(words[:n])
        state = self.gaz.pick(lead, date, ("state",))
        if state is None:
            return None
        others = self.places.subdivision_countries(lead) - {self.gaz.code_at(state.country, date)}
        return next(iter(others)) if len(others) == 1 else None

    def _regional_body_country(self, words: list[str]) -> str | None:
        """The one country with a state or province named by the first one or two words of a body's name,
        when those words name no state of their own ("Georgia" is a state and a US state: neither)."""
        for n in (2, 1):
            lead = " ".join(words[:n])
            if len(words) <= n or self.gaz.lookup(lead):
                continue
            countries = self.places.subdivision_countries(lead)
            if len(countries) == 1:
                return next(iter(countries))
        return None

    def _owner_body_country(self, doc: Doc, ent: Span, date: str | None) -> str | None:
        """ "Hezbollah's elite Radwan Force", "the army's 3rd Brigade": a unit a known group or body owns is
        of that group's country."""
        i = ent.start
        while i > max(0, ent.start - 6) and doc[i - 1].is_lower and doc[i - 1].pos_ in ("ADJ", "NOUN", "NUM"):
            i -= 1
        if i < 2 or doc[i - 1].lower_ not in ("'s", "’s"):
            return None
        owner = ent_of(doc[i - 2])
        entry = self.gaz.pick(strip_possessive(owner), date) if owner is not None else None
        if entry is None or entry.kind in ("person", "place") or not entry.country:
            return None
        return self.gaz.code_at(entry.country, date)

    def _base_country(self, doc: Doc, ent: Span, date: str | None) -> str | None:
        """ "Lima-based X", "X, a mining firm based in Arica, Chile": a body takes the country of the place
        it is based in (a state named there, else the one country of a city or region)."""
        places = []
        if ent.start >= 3 and doc[ent.start - 1].lower_ == "based" and doc[ent.start - 2].text == "-":
            before = ent_of(doc[ent.start - 3])
            places = [before] if before is not None else []
        for based in doc[ent.end : min(len(doc), ent.end + 10)]:
            if based.lower_ != "based" or not (based.head == ent.root or (
                    based.head.dep_ == "appos" and based.head.head == ent.root)):
                continue
            for prep in (c for c in based.children if c.dep_ == "prep" and c.lower_ == "in"):
                places = entities_in(doc, prep.i + 1, prep.right_edge.i + 1)
            if not places and based.i >= 2 and doc[based.i - 1].text == "-":  # "X, a Lima-based lawyer"
                before = ent_of(doc[based.i - 2])
                places = [before] if before is not None else []
        countries = [self._place_country(strip_possessive(p), date) for p in places]
        found = [c for c in countries if c]
        return found[-1] if found else None

    def _place_country(self, name: str, date: str | None) -> str | None:
        """The country of a state, capital or city name, or of a region only one country has."""
        entry = self.gaz.pick(name, date, ("state", "capital", "place"))
        if entry is not None and entry.country:
            return self.gaz.code_at(entry.country, date)
        regions = self.places.subdivision_countries(name)
        return self.places.city_country(name) or (next(iter(regions)) if len(regions) == 1 else None)

    def _described_company(self, doc: Doc, ent: Span, date: str | None) -> bool:
        """A name the model read as a person that a noun of company or outlet describes ("the Brazilian miner
        X", "the Turkish newspaper Y"), and that the gazetteer does not know as a person."""
        if ent.label_ != "PERSON" or self.gaz.lookup(strip_possessive(ent)):
            return False
        described = self._described_body(doc, ent, date)
        return described is not None and described[1] in _NEVER_PEOPLE

    def _described_body(self, doc: Doc, ent: Span, date: str | None) -> tuple[str, str] | None:
        """ "Chilean copper miner Codelco", "Peru's two largest banks, BCP and Interbank": a name that a noun
        of organisation describes takes the one country that noun's own phrase names, and the noun's sector
        (country, sector)."""
        anchor = ent.root
        while anchor.dep_ == "conj" and anchor.head.pos_ == "PROPN" and anchor.head.i < anchor.i:
            anchor = anchor.head  # "... banks, BCP and Interbank": the list's first name carries the noun
        named = ent_of(anchor)
        start = named.start if named is not None else anchor.i
        nouns = [anchor.head] if anchor.dep_ == "appos" and anchor.head.i < start else []
        if start > 0 and doc[start - 1].is_lower:
            nouns.append(doc[start - 1])
        elif start > 1 and doc[start - 1].text == "," and doc[start - 2].is_lower:
            nouns.append(doc[start - 2])  # "Norway's central bank, X": the parser may hang it elsewhere
        noun = next((n for n in nouns if n.pos_ == "NOUN" and self._organisation_head(n)), None)
        if noun is None:
            return None
        head = self._organisation_head(noun)
        countries = set()
        # the noun's own phrase; for "the Brazilian mining giant X" the words before it hang on the name
        lo = noun.left_edge.i if noun.i < anchor.left_edge.i else min(noun.left_edge.i, anchor.left_edge.i)
        for i in range(lo, noun.i):
            found = ent_starting(doc, i)
            entry = self.gaz.pick(strip_possessive(found), date, STATE_KINDS) if found is not None else None
            if entry is not None:
                countries.add(self.gaz.code_at(entry.country, date))
        if len(countries) != 1:
            return None
        words = [t.lower_ for t in doc[lo : noun.i + 1] if t.pos_ in ("NOUN", "ADJ")]
        endings = (" ".join(words[i:]) for i in range(len(words)))
        agent = next((e for e in endings if e in self.agent_sectors), None)  # "rights group": an NGO
        return countries.pop(), self.agent_sectors[agent] if agent else self.organisation_heads[head]

    def _organisation_head(self, noun) -> str | None:
        """The noun's form that names a kind of organisation ("banks" -> "bank"), if it names one."""
        return next((w for w in (noun.lower_, noun.lemma_.lower()) if w in self.organisation_heads), None)

    def _city_read_as_org(self, book: Book, doc: Doc, ent: Span, text: str) -> bool:
        """A city the model read as an organisation: after "in", "at", "near" ("damage in Concepción"), or
        in capitals opening a line ("LIMA, May 2 -", a dateline)."""
        if ent.label_ != "ORG" or self.places.city_country(text) is None:
            return False
        if text in book.place_names:
            return True  # read as a place before: the same place again
        opens_line = text.isupper() and (ent.start_char == 0 or book.text[ent.start_char - 1] == "\n")
        return opens_line or locative(ent)

    def _capitalised_anaphor(self, book: Book, doc: Doc, ent: Span, text: str) -> bool:
        """ "a statement by the Ministry said": a capitalised anaphor the model read as a name refers back,
        as "the ministry" does, to the last actor whose name holds the word."""
        word = (text[4:] if text[:4].lower() == "the " else text).lower()
        determined = text[:4].lower() == "the " or (ent.start > 0 and doc[ent.start - 1].lower_ == "the")
        if word not in self.anaphors or not determined:
            return False
        actor = book.last_with(ent.start_char, lambda a: word in a.name.lower().split())
        if actor is None:
            return False
        book.mention(actor, ent.start_char, ent.start_char + len(text), range(ent.start, ent.end))
        return True

    def _initials_of_named(self, book: Book, text: str) -> Working | None:
        """ "DFA" after "the Department of Foreign Affairs": news spells a body out first, then gives its
        initials alone; the initials are that body."""
        if not (2 <= len(text) <= 6 and text.isalpha() and text.isupper()):
            return None
        for actor in book.actors.values():
            if actor.kind != "organisation":
                continue
            words = [w for w in re.split(r"[\s-]+", actor.name) if w]
            full = "".join(w[0] for w in words).upper()  # "DOL": the Department of Labour
            short = "".join(w[0] for w in words if w.lower() not in self.initials_skip).upper()
            if text in (full, short) and len(words) > 1:
                return actor
        return None

    def _hyphenated_states(self, book: Book, ent: Span, text: str, date: str | None) -> bool:
        """ "U.S.-Russia relations", "Russian-American": each side is a state."""
        parts = [m for m in re.finditer(r"[^-–]+", text)]
        if len(parts) < 2:
            return False
        entries = [self.gaz.pick(m.group().strip(), date, STATE_KINDS) for m in parts]
        if any(e is None for e in entries):
            return False
        for m, entry in zip(parts, entries, strict=True):
            actor = self._from_entry(book, entry, date)
            book.mention(actor, ent.start_char + m.start(), ent.start_char + m.end())
        book.claimed.update(range(ent.start, ent.end))
        return True


def _abbreviated_rank(doc, i: int) -> bool:
    """ "Capt.", "Col.": a capitalised abbreviation (the tokenizer may split off its full stop)."""
    token = doc[i]
    if token.text == ".":
        return i > 0 and doc[i - 1].is_title and len(doc[i - 1]) <= 5
    stop_follows = i + 1 < len(doc) and doc[i + 1].text == "."
    return token.is_title and len(token) <= 6 and (token.text.endswith(".") or stop_follows)

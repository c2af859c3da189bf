"""Countries a person's relations give: "his deputy, X", "the king's nephew, X", "Burhan's envoy X", "his
Peruvian counterpart, X", "X, the African Union envoy". Read from the parse: the noun of relation the name
is in apposition to (or that modifies it), its own qualifier, and whose it is (its possessor).

The nouns are data (`knowledge/en/actors/relations.yaml`): a deputy or an envoy acts for the country of the
one whose deputy or envoy he is; a counterpart acts for another state, known only from its own qualifier.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..pronouns import pronouns_of
from .gazetteer import STATE_KINDS, Entry, norm
from .resolve import Book, Working
from .spans import ent_of, strip_possessive

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token



class RelationsMixin:
    def _load_relations(self) -> None:
        data = self.knowledge.yaml("actors/relations.yaml") or {}
        self.same_relations = frozenset(w.lower() for w in data.get("same") or [])
        self.other_relations = frozenset(w.lower() for w in data.get("other") or [])
        self.past_words = frozenset(w.lower() for w in data.get("past") or [])
        self.group_nouns_of_people = frozenset(w.lower() for w in data.get("groups") or [])
        self.membership_verbs = frozenset(w.lower() for w in data.get("membership_verbs") or [])
        self.serving_nouns = frozenset(w.lower() for w in data.get("serving") or [])
        self.sent_nouns = frozenset(w.lower() for w in data.get("sent") or [])
        self.leading_verbs = frozenset(w.lower() for w in data.get("leading_verbs") or [])
        self.serving_verbs = frozenset(w.lower() for w in data.get("serving_verbs") or [])

    def _relation_country(self, book: Book, doc: Doc, ent: Span, date: str | None) -> str | None:
        """The country a noun of relation around the name gives: its own qualifier ("his Peruvian
        counterpart", "the African Union envoy"), else its possessor's country for a relation of the same
        side."""
        body = (
            self._body_country(book, doc, ent, date)
            or self._headed_body(book, doc, ent, date)
            or self._relative_title_country(doc, ent)
        )
        if body is not None:
            return body
        noun = relation_noun(ent)
        words = (
            {noun.lower_, noun.lemma_.lower()} | {t.lower_ for t in _compound_words(noun, ent)}
            if noun
            else set()
        )
        known = self.same_relations | self.other_relations | self.titles.words | self.serving_nouns
        if noun is None or not words & known:
            return None  # no noun of relation or title ("hostilities, X")
        own = self._qualifier_in(book, doc, noun, ent, date)
        if own is not None:
            return own
        if words & self.other_relations:
            return None
        served = self._served_body(book, doc, noun, ent, date) if words & self.serving_nouns else None
        if served is not None and served not in self.gaz.states and self._left_post(noun):
            return None  # "a former deputy head of the UN": whom he served then, not whom he acts for now
        # "his deputy, X", "Chile's finance minister, Y": a relation or an office is of its possessor's side
        if served is not None or not words & (self.same_relations | self.titles.words):
            return served
        owner = possessor(noun, ent)
        return self._owner_country(book, doc, owner, date) if owner is not None else None

    def _left_post(self, noun: Token) -> bool:
        """Whether a noun of post is qualified as one no longer held ("a former head of ...")."""
        return any(t.lower_ in self.past_words for t in noun.doc[noun.left_edge.i : noun.i])

    def _served_body(self, book: Book, doc: Doc, noun: Token, ent: Span, date: str | None) -> str | None:
        """ "a spokesman for the Chilean navy", "an adviser to Peru's interior ministry", "the deputy of the
        African Union": the body named after a noun of relation is the one he serves. A bare state after
        "for" or "to" is where he is sent ("the envoy for Yemen"), not whom he serves; after "of" it is."""
        sent = noun.lower_ in self.sent_nouns or noun.lemma_.lower() in self.sent_nouns
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("for", "of", "to", "at"):
                continue
            if sent and prep.lower_ != "of":
                continue  # "Brazil's ambassador to the UN": the UN is where he is sent
            for body in (c for c in prep.children if c.dep_ == "pobj"):
                named = ent_of(body)
                if named is not None and named.root == body:
                    owned = self._owned_body_country(book, doc, body, named, ent, date)
                    if owned is not None:
                        return owned
                    entry = self.gaz.pick(strip_possessive(named), date)
                    if entry is None or entry.kind in ("person", "place", "demonym") or not entry.country:
                        continue
                    if entry.kind in ("state", "capital") and prep.lower_ != "of":
                        continue
                    return self.gaz.code_at(entry.country, date)
                if named is None and (self._body_noun(body) or self._role_noun(body)):
                    # "the head of Chile's navy", "an aide to the Norwegian prime minister"
                    return self._group_country(book, doc, body, ent, date)
        return None

    def _owned_body_country(self, book: Book, doc: Doc, body: Token, named: Span, ent: Span,
                            date: str | None) -> str | None:
        """ "Chile's Congress", "Peru's National Assembly": a body a state's possessive owns is that state's,
        whatever country a body of the same name has in the gazetteer; a body named by a common form
        ("National Assembly") takes the state that qualifies it too."""
        owner = next((c for c in body.children if c.dep_ == "poss" and not ent.start <= c.i < ent.end), None)
        if owner is not None:
            owned = self._owner_country(book, doc, owner, date)
            if owned is not None:
                return owned
        if norm(strip_possessive(named)) in self.heads_by_form:
            return self._qualifier_in(book, doc, body, ent, date)
        return None

    def _possessive_state(self, doc: Doc, ent: Span, date: str | None) -> str | None:
        """ "Lithuania's Kestutis Budrys", "Chile's Ana Rios": a state's possessive right before a name."""
        if ent.start < 2 or doc[ent.start - 1].lower_ not in ("'s", "’s"):
            return None
        owner = ent_of(doc[ent.start - 2])
        entry = self.gaz.pick(strip_possessive(owner), date, STATE_KINDS) if owner is not None else None
        return self.gaz.code_at(entry.country, date) if entry is not None else None

    def _demonym_before(self, doc: Doc, ent: Span, date: str | None) -> str | None:
        """ "the Kenyan Securities and Exchange Commission": a state's demonym or name right before a
        body's name, the state whose body it is."""
        before = ent_of(doc[ent.start - 1]) if ent.start > 0 else None
        if before is None or before.end != ent.start or before.label_ not in ("NORP", "GPE"):
            return None
        entry = self.gaz.pick(strip_possessive(before), date, ("state", "demonym"))
        return self.gaz.code_at(entry.country, date) if entry is not None and entry.country else None

    def _possessive_body(self, doc: Doc, ent: Span, date: str | None) -> Entry | None:
        """ "CNN's Ana Rios", "the UN's Peter Brandt": an organisation's possessive right before a name makes
        the person one of its own (a reporter, an official), acting for its country in its sector."""
        if ent.start < 2 or doc[ent.start - 1].lower_ not in ("'s", "’s", "'", "’"):
            return None
        owner = ent_of(doc[ent.start - 2])
        if owner is None or owner.end != ent.start - 1:
            return None
        entry = self.gaz.pick(strip_possessive(owner), date)
        if entry is None or entry.kind in (*STATE_KINDS, "person", "place") or not entry.country:
            return None
        return entry

    def _demonym_described(self, doc: Doc, ent: Span, date: str | None) -> str | None:
        """ "the Chilean writer X", "Peruvian human rights lawyer Y": a demonym opening the common nouns that
        describe a name gives the person's country."""
        i = ent.start
        while i > max(0, ent.start - 4) and doc[i - 1].is_lower and doc[i - 1].pos_ in ("NOUN", "ADJ"):
            i -= 1
        if i == ent.start or i == 0 or doc[ent.start - 1].pos_ != "NOUN":
            return None
        before = ent_of(doc[i - 1])
        if before is None or before.end != i:
            return None
        entry = self.gaz.pick(strip_possessive(before), date, ("demonym",))
        return self.gaz.code_at(entry.country, date) if entry is not None else None

    def _apposed_demonym(self, doc: Doc, ent: Span, date: str | None) -> str | None:
        """ "X, a Chilean student,", "a Peruvian national, Y": a demonym qualifying the noun the name stands
        in apposition to describes the person himself, so it gives his country."""
        noun = relation_noun(ent)
        if noun is None or not (noun.head.i == ent.root.i or ent.root.head.i == noun.i):
            return None  # only a true apposition; a compound before the name is _demonym_described's
        for child in noun.children:
            if child.dep_ not in ("amod", "compound") or child.i >= noun.i or _hyphen_joined(doc, child.i):
                continue  # "Anglo-French", "Cuban-American": two states, none of them his alone
            entry = self.gaz.pick(child.text, date, ("demonym",))
            if entry is not None:
                return self.gaz.code_at(entry.country, date)
        return None

    def _headed_body(self, book: Book, doc: Doc, ent: Span, date: str | None) -> str | None:
        """ "X, who heads Peru's central bank", "Y, who leads the Chilean delegation": a relative clause
        that gives the body a person leads gives the country he acts for."""
        for verb in ent.root.children:
            if verb.dep_ != "relcl" or verb.lemma_.lower() not in self.leading_verbs:
                continue
            if not any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in verb.children):
                continue
            for body in (c for c in verb.children if c.dep_ == "dobj"):
                named = ent_of(body)
                if named is not None and named.root == body:
                    entry = self.gaz.pick(strip_possessive(named), date)
                    if entry is not None and entry.kind not in ("person", "place") and entry.country:
                        return self.gaz.code_at(entry.country, date)
                elif named is None:
                    return self._group_country(book, doc, body, ent, date)
        return None

    def _relative_title_country(self, doc: Doc, ent: Span) -> str | None:
        """ "X, who served as Chile's envoy to Peru", "Y, who was the Peruvian defence minister": a relative
        clause that gives the person a title ("serve as", "work as", or a copula) gives its country; a state
        after the title's noun ("envoy to Peru") is where he was sent, not whom he served."""
        for verb in ent.root.children:
            if verb.dep_ != "relcl" or not any(
                    c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that") for c in verb.children):
                continue
            nouns = [c for c in verb.children if c.dep_ == "attr" and verb.lemma_.lower() == "be"]
            nouns += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                      and verb.lemma_.lower() in self.serving_verbs for p in c.children if p.dep_ == "pobj"]
            for noun in nouns:
                title = self.titles.read(doc, noun.left_edge.i, noun.i + 1)
                if title is not None and title.country:
                    return title.country
        return None

    def _role_noun(self, token: Token) -> bool:
        """The last word of a title ("minister" of "prime minister"): the one served holds that office."""
        return token.lower_ in self.role_ends or token.lemma_.lower() in self.role_ends

    def _body_noun(self, token: Token) -> bool:
        """A common noun naming a body that people serve: "army", "ministry", "agency", "government"."""
        if not hasattr(self, "_body_nouns"):
            heads = {form for form in self.heads_by_form if " " not in form}
            self._body_nouns = frozenset(heads | set(self.organisation_heads) | self.body_words)
        return bool({token.lower_, token.lemma_.lower()} & self._body_nouns)

    def _postnominal_country(self, doc: Doc, ent: Span, date: str | None) -> str | None:
        """ "Interior Minister X of Chile", "X of the African Union": the state or body named right after."""
        if ent.end + 1 >= len(doc) or doc[ent.end].lower_ != "of":
            return None
        first = ent.end + 1
        if doc[first].lower_ == "the" and first + 1 < len(doc):
            first += 1  # "X of the Czech Republic": the model leaves the article out of the name
        after = ent_of(doc[first])
        if after is None or after.start != first:
            return None
        entry = self.gaz.pick(strip_possessive(after), date)
        if entry is None and after.label_ == "GPE":
            # "Senator X of Ohio", "Governor Y of Bavaria": a region only one country has; a region
            # several have ("Rep. Z of Maryland") is the one its name alone names in a sentence
            regions = self.places.subdivision_countries(strip_possessive(after))
            alone = self.places.city_country(strip_possessive(after))
            return next(iter(regions)) if len(regions) == 1 else (alone if alone in regions else None)
        if entry is not None and entry.kind == "place" and after.label_ == "GPE":
            return entry.country  # a region the gazetteer keeps ("Governor Y of Crimea")
        if entry is None or entry.kind in ("person", "place") or not entry.country:
            return None
        return self.gaz.code_at(entry.country, date)

    def _body_country(self, book: Book, doc: Doc, ent: Span, date: str | None) -> str | None:
        """A person named as a member of a body: in apposition to an organisation ("the African Union (AU)
        envoy, former Nigerian President X"), listed after a colon that closes the body's name ("members of
        the AU mediation team: A and B"), or by a verb of membership ("the delegation led by A included
        B")."""
        root = ent.root
        bodies = [root.head] if root.dep_ == "appos" else []
        bodies += [c for c in root.lefts if c.dep_ in ("nmod", "appos") and c.i < ent.start]
        for (
            body
        ) in bodies:  # "the African Union (AU) envoy, former Nigerian President X": the body he acts for
            named = ent_of(body)
            entry = (
                self.gaz.pick(strip_possessive(named), date)
                if named is not None and named.root == body
                else None
            )
            if entry is not None and entry.kind not in ("person", "place", "demonym") and entry.country:
                if _sent_to(body) and entry.kind in STATE_KINDS:
                    continue  # "the coordinator for Chad, X": Chad is where he is sent, not whom he serves
                return self.gaz.code_at(entry.country, date)
        first = root
        while first.dep_ == "conj" and first.head is not first:
            first = first.head
        start = first.left_edge.i
        if start >= 2 and doc[start - 1].text == ":" and doc[start - 2].lower_ in self.group_nouns_of_people:
            return self._qualifier_in(book, doc, doc[start - 2], ent, date)
        led = self._led_body(first)
        if led is not None:  # "Chile's team, led by A": A leads a body of that state
            return self._group_country(book, doc, led, ent, date)
        verb = first.head
        if first.dep_ in ("dobj", "attr") and verb.lemma_.lower() in self.membership_verbs:
            body = _listing_body(verb, self.group_nouns_of_people)
            if body is not None:  # "the Chilean delegation included", "Lima's team comprised"
                return self._group_country(book, doc, body, ent, date) or self._leader_country(
                    book, doc, body, date
                )
        return None

    def _led_body(self, name: Token) -> Token | None:
        """The body of people a name leads: "the delegation, led by A", "a team headed by A", "the delegation
        was led by A"."""
        agent = name.head if name.dep_ == "pobj" else None
        led = agent.head if agent is not None and agent.dep_ == "agent" else None
        if led is None or led.lemma_.lower() not in ("lead", "head"):
            return None
        if led.dep_ == "acl":
            return led.head if led.head.lower_ in self.group_nouns_of_people else None
        subject = next((c for c in led.children if c.dep_ == "nsubjpass"), None)
        return subject if subject is not None and subject.lower_ in self.group_nouns_of_people else None

    def _group_country(self, book: Book, doc: Doc, body: Token, ent: Span, date: str | None) -> str | None:
        """The country a body of people names: its own qualifier ("the Chilean team"), else its possessor's
        ("Chile's team", "his team")."""
        owner = next((c for c in body.children if c.dep_ == "poss"), None)
        return self._qualifier_in(book, doc, body, ent, date) or (
            self._owner_country(book, doc, owner, date) if owner is not None else None
        )

    def _leader_country(self, book: Book, doc: Doc, body: Token, date: str | None) -> str | None:
        """ "the delegation led by A", "A led a delegation that ...": A's country, A being read before
        (people are read in text order), or the country of A's title ("led by Chile's foreign minister")."""
        for leader in _leaders(body):
            # "led by Foreign Minister A": the name may hang on the title
            names = (ent_of(t) for t in leader.subtree)
            found = ent_of(leader) or next((n for n in names if n is not None and n.label_ == "PERSON"), None)
            if found is None:  # a title for a name: its own qualifier, else its possessor's country
                return self._group_country(book, doc, leader, doc[leader.i : leader.i + 1], date)
            holder = book.last_with(found.end_char, lambda a, f=found: a.person and _overlaps(a, f))
            return holder.country if holder is not None else None
        return None

    def _qualifier_in(self, book: Book, doc: Doc, noun: Token, ent: Span, date: str | None) -> str | None:
        """A state, demonym or organisation named in the noun's own phrase before it (not its possessor)."""
        start = noun.left_edge.i
        for i in range(start, noun.i):
            if ent.start <= i < ent.end or doc[i].dep_ == "poss":
                continue
            found = ent_of(doc[i])
            if found is None and doc[i].pos_ == "PROPN":
                found = doc[i : i + 1]  # "the AU mediation team": a short form the model left untagged
            if found is None or found.start != i or found.end > noun.i or found.start < start:
                continue
            entry = self.gaz.pick(strip_possessive(found), date)
            if entry is None or entry.kind in ("person", "place") or _is_possessor(found):
                continue
            if entry.country:
                return self.gaz.code_at(entry.country, date)
        return None

    def _owner_country(self, book: Book, doc: Doc, owner: Token, date: str | None) -> str | None:
        """Whose relation it is: a pronoun's person (or state), a named actor, or a bare title's holder."""
        low = owner.lower_
        sentence_start = doc[book.sentences.bounds(owner.i)[0]].idx
        pronouns = pronouns_of(doc)
        if low in pronouns.possessive and (low in pronouns.gender or low in pronouns.things):
            person = low in pronouns.gender

            def fits(a: Working) -> bool:
                if a.person != person or a.country is None or a.key.startswith("someone:"):
                    return False
                return not person or a.gender in (None, pronouns.gender[low])

            found = book.last_with(owner.idx, fits)
            if found is None or not any(sentence_start <= s < owner.idx for s, _ in found.mentions):
                return None  # a pronoun is read only inside its sentence here; coreference comes later
            return found.country
        named = ent_of(owner)
        if named is not None:
            entry = self.gaz.pick(strip_possessive(named), date)
            if entry is not None and entry.kind != "place":
                return self.gaz.code_at(entry.country, date)
            holder = book.last_with(
                named.end_char, lambda a: any(named.start_char <= s < named.end_char for s, _ in a.mentions)
            )
            return holder.country if holder is not None else None
        # "the king's nephew": the last person holding that title
        holder = book.last_with(owner.idx, lambda a: a.person and a.country is not None and low in a.heads)
        return holder.country if holder is not None else None

    def _past_title(self, doc: Doc, title) -> bool:
        """A title that names an office no longer held: "former Kenyan President"."""
        return any(doc[i].lower_ in self.past_words for i in range(title.start, title.end))


def _sent_to(token: Token) -> bool:
    """Whether the token is the object of "for" or "to" ("the envoy for Yemen", "ambassador to Kenya")."""
    return token.dep_ == "pobj" and token.head.lower_ in ("for", "to")


def _listing_body(verb: Token, groups: frozenset[str]) -> Token | None:
    """The body whose members a verb lists: its subject ("the delegation included"), or the noun its
    relative clause hangs on ("a delegation that included")."""
    for child in verb.children:
        if child.dep_ != "nsubj":
            continue
        if child.lower_ in groups:
            return child
        if child.tag_ in ("WDT", "WP") and verb.dep_ == "relcl" and verb.head.lower_ in groups:
            return verb.head
    return None


def _leaders(body: Token) -> list[Token]:
    """Who leads a body: the agent of "led by" on it, or the subject of "led" taking it as object."""
    out = [
        leader
        for led in body.children
        if led.dep_ == "acl" and led.lemma_.lower() == "lead"
        for agent in led.children
        if agent.dep_ == "agent"
        for leader in agent.children
        if leader.dep_ == "pobj"
    ]
    if body.dep_ == "dobj" and body.head.lemma_.lower() == "lead":
        out += [c for c in body.head.children if c.dep_ == "nsubj"]
    return out


def relation_noun(ent: Span) -> Token | None:
    """The noun the name stands in apposition to ("his deputy, X"; "X, the envoy"), or the last common noun
    of the compound before it ("his deputy-turned-rival X", "the king's spokesman X")."""
    root = ent.root
    if root.dep_ == "appos" and root.head.pos_ in ("NOUN", "PROPN") and not root.head.ent_type_:
        return root.head
    for child in root.children:
        if child.dep_ == "appos" and child.i > root.i and child.pos_ == "NOUN":
            return child
    before = [
        c
        for c in root.lefts
        if c.i < ent.start and c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "NOUN"
    ]
    return before[-1] if before else None


def possessor(noun: Token, ent: Span) -> Token | None:
    """The possessor of the relation: "his", "the king('s)", "Burhan('s)"; on the noun, else on the name."""
    for head in (noun, ent.root):
        for child in head.children:
            if child.dep_ == "poss" and not (ent.start <= child.i < ent.end):
                return child
    return None


def _hyphen_joined(doc: Doc, i: int) -> bool:
    """Whether token i is the second half of a hyphenated word ("Anglo-French")."""
    return i > 1 and doc[i - 1].text in ("-", "–") and not doc[i - 2].whitespace_


def _compound_words(noun: Token, ent: Span) -> list[Token]:
    """The nouns of a compound title before the name: "deputy" in "deputy-turned-rival"."""
    lo = noun.left_edge.i
    return [t for t in noun.doc[lo : noun.i] if t.pos_ == "NOUN" and not (ent.start <= t.i < ent.end)]


def _overlaps(actor: Working, span: Span) -> bool:
    """Whether one of the actor's mentions overlaps the span (a mention may start at the title before it)."""
    return any(s < span.end_char and span.start_char < e for s, e in actor.mentions)


def _is_possessor(span: Span) -> bool:
    return span.root.dep_ == "poss"

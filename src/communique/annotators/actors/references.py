"""References without a name: bare titles ("the minister", "the Russian foreign minister"),
anaphors ("the ministry"), unnamed officials ("an Argentine judge") and pronouns."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from . import coref
from .gazetteer import Entry
from .resolve import Book, Working
from .spans import indices

# a stretch in quotation marks, straight or curly (the quotes layer comes later; this only hides its names)
_QUOTED = re.compile(r'"[^"\n]{1,2000}"|“[^”\n]{1,2000}”')

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


class ReferencesMixin:

    def _nominal_titles(self, book: Book, doc: Doc, date: str | None, lowers) -> None:
        from spacy.util import filter_spans

        spans = filter_spans([doc[s:e] for _, s, e in self.role_matcher(doc)])
        anaphors = [
            doc[i] for i in indices(lowers, self.anaphor_hashes) if i > 0 and doc[i - 1].lower_ == "the"
        ]
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
            if actor is None and qualifier is not None and title.role in self.envoy_roles:
                actor = self._unnamed_official(book, title, qualifier, date)  # "the Chinese ambassador"
            if actor is not None:
                book.mention(actor, char_start, char_end, range(first, span.end))

    def _someone(self, book: Book, doc: Doc, span: Span, first: int, qualifier, date: str | None) -> None:
        """An unnamed official of a known country ("a Saudi businessman"): an actor of its own."""
        title = self.titles.read(doc, first + 1, span.end)
        country = self.gaz.code_at(qualifier.country, date) if qualifier is not None else None
        if title is None or not country:
            return
        name = f"{self.gaz.adjective.get(country, country)} {title.role}"
        actor = book.get(
            f"someone:{name}", name=name, kind="person", country=country, sector=title.sector, role=title.role
        )
        book.mention(actor, doc[first].idx, span.end_char, range(first, span.end))

    def _unnamed_official(self, book: Book, title, qualifier, date: str | None) -> Working | None:
        """An official the text names only by a title with a country ("Beijing's ambassador"): an actor of
        that country, one per title, for the offices a state holds many of at once (envoys, ambassadors)."""
        country = self.gaz.code_at(title.country or getattr(qualifier, "country", None), date)
        if not country:
            return None
        name = f"{self.gaz.adjective.get(country, country)} {title.role}"
        return book.get(f"someone:{name}", name=name, kind="person", country=country, sector=title.sector,
                        role=title.role)

    def _title_holder(self, book: Book, title, qualifier, date: str | None, before: int) -> Working | None:
        country = (
            title.country
            if title.country
            else (qualifier.country if isinstance(qualifier, (Entry, Working)) else None)
        )
        if country:
            code = self.gaz.code_at(country, date)
            known = [
                a for a in book.actors.values() if a.person and a.country == code and a.role == title.role
            ]
            if known:
                return known[0]
            holder = self.gaz.office_holder(country, title.role or "", date)
            if holder is not None:
                return self._from_entry(book, holder, date)
            known = [
                a for a in book.actors.values() if a.person and a.country == code and a.heads & title.heads
            ]
            return known[0] if len(known) == 1 else None
        role = title.role or ""

        def holds(a: Working) -> bool:
            if not a.person or (title.gender and a.gender not in (None, title.gender)):
                return False
            if " " in role:  # "the prime minister" is not any minister
                return bool(a.role) and (a.role == role or a.role.endswith(" " + role))
            return role in a.heads or bool(a.role) and a.role.split()[-1] == role

        return book.last_with(before, holds)

    def _pronouns(self, book: Book, doc: Doc, text: str, lowers) -> None:
        quotes = [m.span() for m in _QUOTED.finditer(text)]  # in text order, not overlapping
        quote_starts = [s for s, _ in quotes]
        sentence = book.sentences.index

        def quoted(at: int) -> bool:
            k = bisect_right(quote_starts, at) - 1
            return k >= 0 and quotes[k][0] < at < quotes[k][1]

        slots = coref.SlotIndex()
        for actor in book.actors.values():
            if actor.kind != "location":
                for start, end in actor.mentions:
                    self._add_slot(slots, doc, actor, start, end, sentence, quoted)
        for token in (doc[i] for i in indices(lowers, self.pronoun_hashes)):
            if token.i in book.claimed:
                continue
            inside = quoted(token.idx)
            visible = slots.window(sentence(token.i), token.idx, inside)
            group = coref.resolve_group(token, sentence(token.i), visible)
            if group:
                for member in group:  # "they" is every conjunct: one mention per actor
                    book.mention(
                        book.actors[member.key],
                        token.idx,
                        token.idx + len(token),
                        range(token.i, token.i + 1),
                    )
                continue
            target = coref.resolve_pronoun(token, sentence(token.i), visible)
            if target is None:
                continue
            actor = book.actors[target.key]
            book.mention(actor, token.idx, token.idx + len(token), range(token.i, token.i + 1))
            subject, main = coref.is_subject(token)
            slots.add(coref.Slot(token.idx, token.idx + len(token), token.i, sentence(token.i), actor.key,
                                 actor.person, actor.gender, subject, main, False, target.plural, inside))

    def _add_slot(self, slots, doc: Doc, actor: Working, start: int, end: int, sentence, quoted) -> None:
        """One mention of an actor as coreference sees it: subject or not, coordinated, plural, quoted."""
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return
        subject, main = coref.is_subject(span.root)
        phrase = coref.phrase_head(span.root)
        plural = span.root.tag_ in ("NNS", "NNPS")
        slot = coref.Slot(start, end, span.root.i, sentence(span.root.i), actor.key, actor.person,
                          actor.gender, subject, main, coref.is_coordinated(span.root), plural, quoted(start))
        slot.modifier = subject and span.root.dep_ == "compound"
        if coref.is_coordinated(phrase):
            head = coref.first_conjunct(phrase)
            slot.group = head.i
            slot.group_subject, slot.group_main = coref.is_subject(head)
        slots.add(slot)

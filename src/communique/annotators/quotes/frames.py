"""Attribution frames: which words around a quotation say who spoke it.

Tried in order, most reliable first (trafilatura's fallback habit):
1. the reporting verbs above the quotation in the parse, outermost first, since
   the one who reports the words is the speaker ("the Kremlin said Putin
   'responded constructively'" is the Kremlin's quote); an "according to X"
   on the way wins over the verb it modifies;
2. a reporting verb or an owned speech noun in the rest of the sentences the
   quotation spans ("'...,' the ministry said", "Quote from Medinsky: '...'");
3. a continuation: a quotation standing alone (a paragraph of its own, a
   "Quote:" label) belongs to the latest speaker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...document import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .lexicon import Lexicon
    from .spans import QuoteSpan
    from .speakers import Speaker, SpeakerResolver


@dataclass(slots=True)
class Attribution:
    speaker: Speaker
    verb: str | None
    about: ActorRef | None = None


class FrameFinder:
    def __init__(self, parsed: Doc, lexicon: Lexicon, resolver: SpeakerResolver, inside_quote) -> None:
        self.parsed = parsed
        self.lex = lexicon
        self.resolver = resolver
        self.inside_quote = inside_quote

    def tokens_of(self, start: int, end: int) -> list[Token]:
        span = self.parsed.char_span(start, end, alignment_mode="expand")
        return list(span) if span is not None else []

    def verb_strength(self, tok: Token) -> int:
        """2 for a verb of saying, 1 for a speech act, 0 for any other word."""
        if tok.pos_ not in ("VERB", "AUX"):
            return 0
        lemma = tok.lemma_.lower()
        return 2 if lemma in self.lex.verbs else 1 if lemma in self.lex.speech_acts else 0

    def according_to(self, tok: Token) -> Token | None:
        """The X of an "according to X" attached to this token."""
        for child in tok.children:
            if child.lower_ in self.lex.according_to:
                for to in child.children:
                    for pobj in to.children:
                        if pobj.dep_ == "pobj":
                            return pobj
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return pobj
        return None

    # ------------------------------------------------------------ a quotation

    def attribute(self, quote: QuoteSpan) -> Attribution | None:
        inside = self.tokens_of(quote.start, quote.end)
        if not inside:
            return None
        lo, hi = inside[0].i, inside[-1].i
        return self._by_ancestors(inside, lo, hi, quote.start) or self._by_sentence_frame(lo, hi, quote)

    def _chain(self, inside: list[Token], lo: int, hi: int) -> list[Token]:
        """Tokens above the quotation in the parse, nearest first."""
        chain: list[Token] = []
        seen: set[int] = set()
        for tok in inside:
            head = tok.head
            if lo <= head.i <= hi:
                continue
            while head.i not in seen:
                seen.add(head.i)
                if not (lo <= head.i <= hi):
                    chain.append(head)
                if head.head is head:
                    break
                head = head.head
        return chain

    def _by_ancestors(self, inside: list[Token], lo: int, hi: int, pos: int) -> Attribution | None:
        """The nearest verb of saying (or "according to") above the quotation; else the nearest speech act."""
        weak: Attribution | None = None
        for tok in self._chain(inside, lo, hi):
            if self.inside_quote(tok.idx):
                continue
            source = self.according_to(tok)
            if source is not None:
                speaker = self.resolver.resolve(source, pos)
                if speaker is not None:
                    return Attribution(speaker, "according to")
            strength = self.verb_strength(tok)
            if strength:
                attribution = self._from_verb(tok, pos)
                if attribution is None:
                    continue
                if strength == 2:
                    if weak is not None and weak.about is not None and attribution.about is None:
                        attribution.about = weak.about
                    return attribution
                weak = weak or attribution
        return weak

    def _from_verb(self, verb: Token, pos: int) -> Attribution | None:
        subject = self.resolver.subject_of(verb)
        if subject is None:
            return None
        speaker = self.resolver.resolve(subject, pos)
        if speaker is None:
            return None
        return Attribution(speaker, verb.lemma_.lower(), self._about(verb))

    def _about(self, verb: Token) -> ActorRef | None:
        if verb.lemma_.lower() not in self.lex.about_verbs:
            return None
        for child in verb.children:
            if child.dep_ in ("dobj", "dative"):
                target = child
                for sub in child.children:  # "his counterpart Vladimir Putin"
                    if sub.dep_ == "appos":
                        target = sub
                start, end = self.resolver._name_span(target)
                actor = self.resolver.document.actor_at(start, end)
                if actor is not None:
                    return actor.ref()
        return None

    def _by_sentence_frame(self, lo: int, hi: int, quote: QuoteSpan) -> Attribution | None:
        doc = self.parsed
        first, last = doc[lo].sent, doc[hi].sent
        frame = [t for t in doc[first.start : last.end] if not (lo <= t.i <= hi) and not self.inside_quote(t.idx)]
        # the nearest reporting word to the quotation speaks it
        frame.sort(key=lambda t: min(abs(t.idx - quote.start), abs(t.idx - quote.end)))
        for tok in frame:
            if self.verb_strength(tok):
                attribution = self._from_verb(tok, quote.start)
                if attribution is not None:
                    return attribution
            source = self.according_to(tok) if tok.dep_ == "ROOT" else None
            if source is not None:
                speaker = self.resolver.resolve(source, quote.start)
                if speaker is not None:
                    return Attribution(speaker, "according to")
            if tok.lower_ in self.lex.speech_nouns and tok.pos_ != "VERB":
                owner = self.resolver.owner_of(tok)
                if owner is not None:
                    speaker = self.resolver.resolve(owner, quote.start)
                    if speaker is not None:
                        return Attribution(speaker, tok.lemma_.lower())
        return None

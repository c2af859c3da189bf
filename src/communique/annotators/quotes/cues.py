"""Surface cues of attribution: words next to a quotation that name its speaker whatever the parse.

A transcript label ('"PENCE: ..."'), a signature ('"..." ― Pamela Padilla'), a headline that opens
with its speaker ("Sanders: Clinton needs to '...'"), a verb of saying right before the opening mark
that the parser left without its complement, and an object characterized 'as "..."'. `FrameFinder`
(frames.py) tries them beside the parse frames, in the order its docstring gives.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...document import ActorRef
from .discourse import Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .lexicon import Lexicon
    from .spans import QuoteSpan
    from .speakers import SpeakerResolver

_LABEL_WORDS = 8  # words before the colon of a headline that names its speaker ("Pat Caddell: ...")
_SIGNATURE_WORDS = 8  # tokens after a signing dash searched for the name
_NEAR = 8  # head steps climbed from the word before a quotation to its verb
_LABEL = re.compile(r"([A-Z][A-Z'-]{2,}):\s")  # a speaker label in a transcript
_DASH = re.compile(r"[ \t]*[―—–-]{1,2}[ \t]*(?=[A-Z])")  # a dash that signs a quotation
# a signature on the line below ('"..."\n— Name, title'): a long dash only, as a hyphen there opens a list
_DASH_BELOW = re.compile(r"[ \t]*\n[ \t]*[―—]{1,2}[ \t]*(?=[A-Z])")


@dataclass(slots=True)
class Attribution:
    speaker: Speaker
    verb: str | None
    about: ActorRef | None = None


class SurfaceCues:
    """Mixed into FrameFinder, which provides the parse, the lexicon, the resolver and `_from_verb`."""

    parsed: Doc
    lex: Lexicon
    resolver: SpeakerResolver
    headline: int | None

    def _by_headline_label(self, quote: QuoteSpan) -> Attribution | None:
        """A headline that opens with who speaks, then a colon: "Governor: 'We will rebuild'",
        "Advice from a veteran envoy: 'Keep talking ...'"."""
        if self.headline is None or quote.end > self.headline:
            return None
        text = self.resolver.text
        colon = text.rfind(":", 0, quote.open_mark)
        if colon < 0 or len(text[:colon].split()) > _LABEL_WORDS or self.inside_quote(colon):
            return None
        label = self.tokens_of(len(text) - len(text.lstrip()), colon)
        document = self.resolver.document
        names = [
            t
            for t in label
            if t.ent_type_ in ("PERSON", "ORG") or document.actor_at(t.idx, t.idx + len(t)) is not None
        ]
        people = [t for t in names if t.ent_type_ == "PERSON"]
        for tok in people[:1] or names[:1]:
            speaker = self.resolver.resolve(tok, quote.start)
            if speaker is not None:
                return Attribution(speaker, "label")
        # a name the recognizer missed in the headline but found in the body ("Politifact: ...")
        name = " ".join(t.text for t in label).lower()
        for actor in document.actors if label else ():
            if actor.name and name in (
                actor.name.lower(),
                actor.name.lower().split()[-1] if actor.kind == "person" else None,
            ):
                return Attribution(
                    Speaker(self.resolver.ref(actor), actor.kind == "person", label[0].idx, colon), "label"
                )
        return None

    def _by_label(self, inside: list[Token], quote: QuoteSpan) -> Attribution | None:
        """A transcript line: '"WALLACE: Let's start with ...'."""
        match = _LABEL.match(self.resolver.text, quote.start, quote.end)
        if match is None:
            return None
        label = match.group(1)
        name = label.title()
        for actor in self.resolver.document.actors:
            if actor.kind == "person" and actor.name.lower().split()[-1] == label.lower():
                return Attribution(
                    Speaker(self.resolver.ref(actor), True, quote.start, quote.start + len(label)), "label"
                )
        return Attribution(Speaker(ActorRef(name=name), True, quote.start, quote.start + len(label)), "label")

    def _by_dash(self, hi: int, quote: QuoteSpan) -> Attribution | None:
        """A signed quotation: '"..." ― Pamela Padilla'; the whole capitalized run after the dash is the
        name, also where the recognizer missed it or took only a part ('― Nell Carden Grey'). A signature
        on the line below must hold a person's name: a line that opens with a dash may be anything."""
        if quote.close_mark is None:
            return None
        text = self.resolver.text
        match = _DASH.match(text, quote.close_mark + 1)
        below = match is None
        match = match or _DASH_BELOW.match(text, quote.close_mark + 1)
        if match is None:
            return None
        run: list[Token] = []
        for tok in self.parsed[hi + 1 : hi + 1 + _SIGNATURE_WORDS]:
            if tok.idx < match.end():
                continue
            if (
                not (tok.text[:1].isupper() or (run and tok.text in ("-", ".")))
                or "\n" in text[run[-1].idx if run else tok.idx : tok.idx]
            ):
                break
            run.append(tok)
        while run and run[-1].is_punct:
            run.pop()
        if not run or (below and not any(t.ent_type_ == "PERSON" for t in run)):
            return None
        start, end = run[0].idx, run[-1].idx + len(run[-1])
        for tok in run:
            if tok.ent_type_ in ("PERSON", "ORG") and self.resolver.name_span(tok) == (start, end):
                speaker = self.resolver.resolve(tok, quote.start)
                if speaker is not None:
                    return Attribution(speaker, "signed")
        actor = self.resolver.document.actor_at(start, end)
        if actor is not None and any(m.start <= start and end <= m.end for m in actor.mentions):
            return Attribution(
                Speaker(self.resolver.ref(actor), actor.kind == "person", start, end), "signed"
            )
        return Attribution(
            Speaker(ActorRef(name=" ".join(text[start:end].split())), True, start, end), "signed"
        )

    def _lead_in(self, lo: int) -> int | None:
        """The last word before the opening mark, punctuation aside, in the quotation's sentence."""
        doc = self.parsed
        first = self.resolver.sentence(lo)[0]
        k = lo - 1
        while k >= first and (doc[k].is_punct or doc[k].is_space):
            k -= 1
        return None if k < first or self.inside_quote(doc[k].idx) else k

    def _by_lead_in(self, lo: int, quote: QuoteSpan) -> Attribution | None:
        """A verb of saying right before the opening mark, left without its complement because the
        parser hung the quotation elsewhere ('footage of Trump saying during the debate, "..."')."""
        k = self._lead_in(lo)
        if k is None:
            return None
        tok = self.parsed[k]
        for _ in range(_NEAR):
            if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i or tok.head.i > k:
                break
            tok = tok.head
        if self.verb_strength(tok) != 2:
            return None
        if any(c.dep_ in ("ccomp", "xcomp", "dobj") and c.i < lo for c in tok.children):
            return None  # the verb has its own complement: the quotation is not it
        return self._from_verb(tok, quote.start)

    def _by_characterized_object(self, lo: int, quote: QuoteSpan) -> Attribution | None:
        """A verb's object characterized 'as "..."' ('pounding his rival as a "con artist"'), when the
        parse lost the 'as': the verb's subject uses the words."""
        doc = self.parsed
        k = self._lead_in(lo)
        if k is None:
            return None
        first = self.resolver.sentence(lo)[0]
        if doc[k].dep_ == "det" and k > first:
            k -= 1
        if doc[k].lower_ != "as" or k == first:
            return None
        verb = self._verb_of_object(doc[k - 1], k)
        if verb is None or verb.pos_ != "VERB":
            return None
        return self._from_verb(verb, quote.start, strict=True)

    @staticmethod
    def _verb_of_object(tok: Token, before: int) -> Token | None:
        """The verb whose direct object holds `tok`, all left of token `before`."""
        for _ in range(_NEAR):
            head = tok.head
            if tok.pos_ in ("VERB", "AUX") or head.i == tok.i or head.i >= before:
                return None
            if tok.dep_ == "dobj":
                return head
            if head.pos_ in ("VERB", "AUX"):
                return None
            tok = head
        return None

"""Attribution frames: which words around a quotation say who spoke it.

Tried in order, most reliable first (trafilatura's fallback habit):
1. a transcript label ("PENCE: ..."), a signature ('"..." ― Name'), or a verb of
   saying right before the opening mark that the parser left without its complement;
2. the reporting verbs above the quotation in the parse, outermost first, since
   the one who reports the words is the speaker ("the Kremlin said Putin
   'responded constructively'" is the Kremlin's quote); an "according to X"
   on the way wins over the verb it modifies; then 'VERB OBJ as "..."' read
   from the words, and a headline's "Name: ..." label;
3. a reporting verb or an owned speech noun in the rest of the sentences the
   quotation spans ("'...,' the ministry said", "Quote from Medinsky: '...'");
4. a continuation: a quotation standing alone (a paragraph of its own, a
   "Quote:" label) belongs to the latest speaker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cues import Attribution, SurfaceCues

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ...document import ActorRef
    from .lexicon import Lexicon
    from .spans import QuoteSpan
    from .speakers import SpeakerResolver


_NAME_ENTS = ("PERSON", "ORG", "NORP", "GPE")
_OWN_ACTOR = (
    "nsubj",
    "nsubjpass",
    "agent",
    "aux",
    "auxpass",
)  # a participle with these is a verb, not a preposition
_ADJACENT = 8  # tokens next to a verb searched for its speaker when the parse lost the subject


class FrameFinder(SurfaceCues):
    def __init__(
        self,
        parsed: Doc,
        lexicon: Lexicon,
        resolver: SpeakerResolver,
        inside_quote,
        headline: int | None = None,
    ) -> None:
        self.parsed = parsed
        self.lex = lexicon
        self.resolver = resolver
        self.inside_quote = inside_quote
        self.headline = headline  # end of the headline the text opens with, if it does
        self._frames: dict[tuple[int, int, int, int | None], list[Token]] = {}

    def tokens_of(self, start: int, end: int) -> list[Token]:
        span = self.parsed.char_span(start, end, alignment_mode="expand")
        return list(span) if span is not None else []

    def lemma(self, tok: Token) -> str:
        """The verb's lemma; when the lemmatizer slips on a past form ("rated" -> "rat"), the form
        without -d / -ed that the lexicon knows."""
        lemma = tok.lemma_.lower()
        if (
            tok.tag_ in ("VBD", "VBN")
            and tok.lower_.endswith("ed")
            and lemma not in self.lex.verbs
            and lemma not in self.lex.speech_acts
        ):
            for form in (tok.lower_[:-1], tok.lower_[:-2]):
                if form in self.lex.verbs or form in self.lex.speech_acts:
                    return form
        return lemma

    def verb_strength(self, tok: Token) -> int:
        """2 for a verb of saying, 1 for a speech act, 0 for any other word."""
        if tok.pos_ not in ("VERB", "AUX"):
            return 0
        lemma = self.lemma(tok)
        if lemma in self.lex.verbs:
            return 2
        if lemma in self.lex.speech_acts:
            # a bare participle ("compared to last year", "rated as safe") is a preposition in all but
            # name: nobody does the act, so it reports nobody's words; unless the parser hung a
            # person's predicate on the name ("Kall, an expert, compared Trump to ...")
            bare = tok.tag_ == "VBN" and not any(c.dep_ in _OWN_ACTOR for c in tok.children)
            predicate = tok.dep_ == "acl" and tok.head.ent_type_ == "PERSON"
            return 0 if bare and not predicate else 1
        if lemma in self.lex.phrasal:
            # "point out", "go on about", "put it": the verb with its particles (preposition, object)
            # among its children
            parts = {c.lower_ for c in tok.children if c.dep_ in ("prt", "advmod", "prep", "dobj")}
            if any(parts.issuperset(rest) for rest in self.lex.phrasal[lemma]):
                return 1
        return 0

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

    def _according_object(self, according: Token) -> Token | None:
        """The X of "according to X", wherever the parser hung the phrase."""
        for tok in according.subtree:
            if tok.dep_ == "pobj" and not self.inside_quote(tok.idx):
                return tok
        return None

    # ------------------------------------------------------------ a quotation

    def attribute(self, quote: QuoteSpan) -> Attribution | None:
        inside = self.tokens_of(quote.start, quote.end)
        if not inside:
            return None
        lo, hi = inside[0].i, inside[-1].i
        return (
            self._by_label(inside, quote)
            or self._by_dash(hi, quote)
            or self._by_lead_in(lo, quote)
            or self._by_ancestors(inside, lo, hi, quote.start)
            or self._by_characterized_object(lo, quote)
            or self._by_headline_label(quote)
            or self._by_sentence_frame(lo, hi, quote)
        )

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
                if head.head.i == head.i:
                    break
                head = head.head
        return chain

    def _by_ancestors(self, inside: list[Token], lo: int, hi: int, pos: int) -> Attribution | None:
        """The nearest verb of saying (or "according to") above the quotation; else the nearest speech act.

        A verb of saying wins over a speech act below it only when the speech act is part of what it
        reports ("the Kremlin said Putin 'responded constructively'"), not a clause beside it ("as
        Trump went on about 'the forgotten voters', the crowd said yes"). "According to A" names the
        speaker of its clause, unless a verb of saying shows B saying the words ("according to A, B said
        '...'"): they are B's, and A only reports them; what a speech act is said to be about ("according
        to A, B briefed C on '...'") is A's wording."""
        weak: Attribution | None = None
        weak_verb: Token | None = None
        previous: Token | None = None
        for tok in self._chain(inside, lo, hi):
            below, previous = previous, tok
            if self.inside_quote(tok.idx):
                continue
            strength = self.verb_strength(tok) or self._characterizes(tok, below)
            attribution = self._from_verb(tok, pos, strict=strength == 1) if strength else None
            source = None if attribution is not None and strength == 2 else self.according_to(tok)
            if source is not None:
                speaker = self.resolver.resolve(source, pos)
                if speaker is not None:
                    return Attribution(speaker, "according to")
            if attribution is None:
                continue
            if strength == 2:
                if weak_verb is not None and not _reports(tok, weak_verb):
                    return weak
                if weak is not None and weak.about is not None and attribution.about is None:
                    attribution.about = weak.about
                return attribution
            if weak is None:
                weak, weak_verb = attribution, tok
        return weak

    @staticmethod
    def _characterizes(verb: Token, below: Token | None) -> int:
        """1 when the quotation is what a verb calls its object: "pounding his rival as a 'con artist'",
        "rated the claim as 'false'" (the one who does it uses the words); else 0."""
        if (
            below is None
            or verb.pos_ != "VERB"
            or below.head.i != verb.i
            or below.lower_ != "as"
            or below.dep_ != "prep"
        ):
            return 0
        has_object = any(
            c.dep_ in ("dobj", "prt") or (c.dep_ == "prep" and c.i < below.i) for c in verb.children
        )
        return 1 if has_object else 0

    def _from_verb(self, verb: Token, pos: int, strict: bool = False) -> Attribution | None:
        """The speaker behind a verb; with `strict` (a speech act) only a known actor or person speaks:
        "softer language calling for 'appropriate assistance'" reports nobody's words."""
        subject = self._inverted_subject(verb) or self.resolver.subject_of(verb)
        if subject is not None and strict and not self.resolver.can_speak(subject):
            return None
        speaker = self.resolver.resolve(subject, pos) if subject is not None else None
        if speaker is None and (subject is None or self.inside_quote(subject.idx)):
            # a parse broken by the quotation ('"...," Tulsa police Chief Chuck Jordan said'):
            # the name right next to the verb
            near = self._adjacent_name(verb)
            speaker = self.resolver.resolve(near, pos) if near is not None else None
        if speaker is None:
            return None
        return Attribution(speaker, self.lemma(verb), self._about(verb))

    def _inverted_subject(self, verb: Token) -> Token | None:
        """'"...," said N.': in a frame that opens right after the closing mark, the name right after
        the verb is its subject, though the parser took a later name past a comma or colon for it."""
        doc = verb.doc
        before = doc[verb.i - 1] if verb.i > 0 else None
        if before is None or not (before.is_quote or self.inside_quote(before.idx)) or verb.i + 1 >= len(doc):
            return None
        after = doc[verb.i + 1]
        if after.ent_type_ not in ("PERSON", "ORG") or after.dep_ in ("nsubj", "nsubjpass"):
            return None
        found = self.resolver.subject_of(verb)
        if found is None or found.i <= after.i or not any(t.is_punct for t in doc[after.i : found.i]):
            return None
        while after.i + 1 < len(doc) and doc[after.i + 1].ent_iob_ == "I":
            after = doc[after.i + 1]  # the last word of the name
        return after

    def _adjacent_name(self, verb: Token) -> Token | None:
        """The name between a closing mark and its verb, else the name right after the verb.

        On the left the first person named wins ('"...," Flynn, a top Trump surrogate, said'),
        on the right the first name of any kind ('"...," said David Gorski').
        """
        doc = verb.doc
        sent_start, sent_end = self.resolver.sentence(verb.i)
        left = list(doc[max(sent_start, verb.i - _ADJACENT) : verb.i])
        for k in range(len(left) - 1, -1, -1):
            if self.inside_quote(left[k].idx):
                left = left[k + 1 :]
                break
        people = [t for t in left if t.ent_type_ == "PERSON"]
        if people:
            run = [people[0]]
            for t in people[1:]:
                if t.i == run[-1].i + 1:
                    run.append(t)
            return run[-1]
        names = [t for t in left if t.ent_type_ in _NAME_ENTS]
        if names:
            return names[-1]
        run: list[Token] = []
        for tok in doc[verb.i + 1 : min(sent_end, verb.i + 1 + _ADJACENT)]:
            if self.inside_quote(tok.idx) or (tok.is_punct and run):
                break
            if tok.ent_type_ in _NAME_ENTS:
                run.append(tok)
            elif run:
                break
        return run[-1] if run else None

    def _about(self, verb: Token) -> ActorRef | None:
        if self.lemma(verb) not in self.lex.about_verbs:
            return None
        for child in verb.children:
            if child.dep_ in ("dobj", "dative"):
                target = child
                for sub in child.children:  # "his counterpart Vladimir Putin"
                    if sub.dep_ == "appos":
                        target = sub
                start, end = self.resolver.name_span(target)
                actor = self.resolver.document.actor_at(start, end)
                if actor is not None:
                    return actor.ref()
        return None

    def framed(self, quote: QuoteSpan) -> bool:
        """Whether a verb of saying outside the quotation frames it: then the frame names its speaker,
        and a frame that names nobody who can speak ("the forecast said") leaves it to no one."""
        inside = self.tokens_of(quote.start, quote.end)
        if not inside:
            return False
        return any(self.verb_strength(t) == 2 for t in self._frame(inside[0].i, inside[-1].i, quote))

    def _by_sentence_frame(self, lo: int, hi: int, quote: QuoteSpan) -> Attribution | None:
        frame = self._frame(lo, hi, quote)
        # the nearest reporting word to the quotation speaks it
        frame.sort(key=lambda t: min(abs(t.idx - quote.start), abs(t.idx - quote.end)))
        for tok in frame:
            strength = self.verb_strength(tok)
            if strength:
                attribution = self._from_verb(tok, quote.start, strict=strength == 1)
                if attribution is not None:
                    return attribution
            source = self._according_object(tok) if tok.lower_ in self.lex.according_to else None
            if source is not None:
                speaker = self.resolver.resolve(source, quote.start)
                if speaker is not None:
                    return Attribution(speaker, "according to")
            if tok.lower_ in self.lex.speech_nouns and tok.pos_ != "VERB":
                speaker = self.resolver.owner_speaker(tok, quote.start)
                if speaker is not None:
                    return Attribution(speaker, tok.lemma_.lower())
        return None

    def _frame(self, lo: int, hi: int, quote: QuoteSpan) -> list[Token]:
        """The words around a quotation (tokens lo..hi) in the sentences it spans, outside quotations
        (kept: `framed` asks again for a quotation `attribute` has just read)."""
        key = (lo, hi, quote.open_mark, quote.close_mark)
        if key not in self._frames:
            self._frames[key] = self._frame_words(lo, hi, quote)
        return list(self._frames[key])

    def _frame_words(self, lo: int, hi: int, quote: QuoteSpan) -> list[Token]:
        doc, text = self.parsed, self.resolver.text
        begin, stop = self.resolver.sentence(lo)[0], self.resolver.sentence(hi)[1]
        # a quotation ending in "?" or "!" often makes its own sentence: '"...?" Graham asked.'
        if (
            quote.close_mark is not None
            and stop < len(doc)
            and not text[quote.close_mark + 1 : doc[stop].idx].strip(" \t")
        ):
            stop = self.resolver.sentence(stop)[1]
        # 'Krutikhin said: "..."' when the parser cut at the colon, also with the quotation in a
        # paragraph of its own ('Sanders made the following comment:\n\n"..."')
        previous = begin - 1
        while previous > 0 and doc[previous].is_space:
            previous -= 1
        if previous >= 0 and text[doc[previous].idx : quote.open_mark].rstrip().endswith((":", ",")):
            begin = self.resolver.sentence(previous)[0]
        return [t for t in doc[begin:stop] if not (lo <= t.i <= hi) and not self.inside_quote(t.idx)]


_MODIFIER_CLAUSES = ("advcl",)
_COMPLEMENT_MARKS = ("that", "whether", "if")


def _reports(outer: Token, inner: Token) -> bool:
    """Whether `inner` lies within what `outer` reports: below it, and not in a clause with a subject
    of its own that only modifies it or stands beside it ("as X went on about ..., Y said", "Y said
    ..., and X blasted ..."); "Y said ..., accusing X of ..." is still Y's."""
    tok = inner
    while tok.i != outer.i:
        beside = (
            tok.dep_ in _MODIFIER_CLAUSES
            or (tok.dep_ == "conj" and tok.head.i == outer.i)
            or any(c.dep_ == "mark" and c.lower_ not in _COMPLEMENT_MARKS for c in tok.children)
        )
        if beside and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return False
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return True

"""Quotes: who said what, with the words and the speaker.

Owns `document.quotes` (direct and partial quotations, each with its speaker)
and `document.statements` (reported speech: "X said that ...").

How a quotation is told from marks that quote nobody:
- a name, a title or a so-called term: a marker right before the opening mark
  ("so-called", "dubbed", "titled", knowledge/en/reporting_verbs.yaml) or a short
  quotation in Title Case ("the 'Black Sea Initiative'", "on 'Fox News Sunday'");
- a scare quote: a short partial quotation (a few words) with no attribution
  frame (no verb of saying or speech act above it, no "according to", no speech
  noun); a single term under a verb of saying ("said it is 'finalizing'") is a quote;
- a whole sentence (or a longer partial quotation) with no frame of its own continues the
  latest speaker (a paragraph of its own after "..., Bruce added.", a "Quote:" label); a
  partial one on a preposition ("a call for '...'") is a phrase borrowed from no one told;
- a quotation whose speaker cannot be found is left out: an analyst searching
  by speaker is better served by no quote than by a wrong speaker.

Spans come from `spans`, speakers from `frames` (the attribution frame in the parse),
`cues` (labels, signatures, lead-in words: frames read from the surface) and
`speakers` (noun phrase to ActorRef, through the actors layer).
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from ...document import Quote, Statement
from ...knowledge import Knowledge, attach
from ..entities import lowercase_forms, lowercase_lemmas
from ..registry import annotator
from .frames import FrameFinder
from .lexicon import Lexicon, load_lexicon
from .spans import QuoteSpan, find_quote_spans, headline_end, is_title_cased, mark_table, split_at
from .speakers import SpeakerResolver

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ...document import Document

_DIRECT_BEFORE = ":,—–-\n.!?"
_STAGE_DIRECTION = re.compile(
    r"[(\[][^()\[\]]*[)\]][.,]?"
)  # "(CROSSTALK)", "[Applause.]" in a transcript: nobody's words


@annotator("quotes", requires=("actors",), assigns=("quotes", "statements"))
class QuoteAnnotator:
    def __init__(self, knowledge: Knowledge | None = None) -> None:
        self.knowledge = knowledge or Knowledge.from_env()
        self.lexicon: Lexicon = self.knowledge.derived(load_lexicon)
        self.marks = self.knowledge.derived(mark_table)  # compiled once, before the first document

    def __call__(self, document: Document, parsed: Doc) -> None:
        attach(parsed, self.knowledge)
        text = document.text
        spans = find_quote_spans(text, self.marks)
        starts = [s.open_mark for s in spans]
        ends = [(s.close_mark if s.close_mark is not None else s.end) for s in spans]

        def inside_quote(offset: int) -> bool:
            k = bisect.bisect_right(starts, offset) - 1
            return k >= 0 and starts[k] <= offset <= ends[k]

        resolver = SpeakerResolver(document, parsed, self.lexicon, inside_quote)
        headline = headline_end(text, document.article.title)
        finder = FrameFinder(parsed, self.lexicon, resolver, inside_quote, headline)
        # in a headline In Title Case capitals tell nothing: "Christie Calls Clinton 'A Disgrace'"
        self._caps_are_names = headline is None or not is_title_cased(text[:headline])
        self._headline = headline or 0
        items: list[tuple[int, int, object]] = [(s.open_mark, 0, s) for s in spans]
        items += [(t.idx, 1, t) for t in self._statement_heads(parsed, inside_quote)]
        items.sort(key=lambda item: (item[0], item[1]))
        unframed_headline: list[QuoteSpan] = []
        for pos, _, item in items:
            if isinstance(item, QuoteSpan):
                for part in self._split_by_speaker(text, item, finder):
                    quote = self._quote(text, part, finder, resolver)
                    if quote is not None:
                        document.quotes.append(quote)
                    elif part.end <= self._headline:
                        unframed_headline.append(part)
            else:
                statement = self._statement(item, finder, resolver, pos)  # type: ignore[arg-type]
                if statement is not None:
                    document.statements.append(statement)
        self._headline_from_body(text, unframed_headline, document.quotes, finder)

    def _headline_from_body(
        self, text: str, unframed: list[QuoteSpan], quotes: list[Quote], finder: FrameFinder
    ) -> None:
        """A headline quotes the body: its quotation takes the speaker of the body quotation with the same
        words when the headline names nobody ('"..." after the talks') or only a bare title, as headlines
        drop names and articles ('"...", governor promises')."""
        for quote in quotes:
            body = _echoed(text, quote.start, quote.end, quotes) if quote.end <= self._headline else None
            if body is not None and self._bare_title(quote, finder):
                quote.speaker, quote.speaker_start, quote.speaker_end = (
                    body.speaker,
                    body.speaker_start,
                    body.speaker_end,
                )
        echoes = []
        for span in unframed:
            body = _echoed(text, span.start, span.end, quotes)
            if body is not None:
                echoes.append(
                    Quote(
                        text=span.text(text),
                        start=span.start,
                        end=span.end,
                        speaker=body.speaker,
                        kind="partial",
                        speaker_start=body.speaker_start,
                        speaker_end=body.speaker_end,
                    )
                )
        quotes[:0] = echoes

    # ------------------------------------------------------------ quotations

    def _quote(
        self, text: str, span: QuoteSpan, finder: FrameFinder, resolver: SpeakerResolver
    ) -> Quote | None:
        words = span.text(text).split()
        direct = self._is_direct(text, span)
        if self._named(text, span, finder) or _STAGE_DIRECTION.fullmatch(span.text(text).strip()):
            return None
        if self._title_case(words) and (span.end > self._headline or self._caps_are_names):
            return None
        attribution = finder.attribute(span)
        if attribution is None:
            if not direct and len(words) <= self.lexicon.scare_max_words:
                return None  # a scare quote: short, and nobody is said to say it
            if not direct and self._object_of_preposition(span, finder):
                # a phrase borrowed into the narrative ("stripped out a call for '...'"): whose, untold
                return None
            if finder.framed(span):
                return None  # a verb of saying whose subject cannot speak ("the forecast said"): nobody's
            # a continuation: the words of the person the paragraph was just about ("Sanders named
            # the reasons. '...'"), else of whoever spoke last (a quote or reported speech)
            speaker = resolver.subject_before(span.open_mark, same_paragraph=True) or resolver.memory.last(
                span.start, via=("quote", "statement")
            )
            if speaker is None:
                return None
            verb, about = None, None
        else:
            speaker, verb, about = attribution.speaker, attribution.verb, attribution.about
        resolver.memory.add(span.start, speaker, "quote")
        return Quote(
            text=span.text(text),
            start=span.start,
            end=span.end,
            speaker=speaker.ref,
            kind="direct" if direct else "partial",
            verb=verb,
            about=about,
            speaker_start=speaker.start,
            speaker_end=speaker.end,
        )

    @staticmethod
    def _bare_title(quote: Quote, finder: FrameFinder) -> bool:
        """Whether a quotation's speaker is named by common nouns only ("governor"), no name."""
        if quote.speaker is None or quote.speaker.actor_id is not None or quote.speaker_start is None:
            return False
        words = finder.tokens_of(quote.speaker_start, quote.speaker_end or quote.speaker_start)
        return bool(words) and not any(t.pos_ == "PROPN" or t.ent_type_ for t in words)

    @staticmethod
    def _object_of_preposition(span: QuoteSpan, finder: FrameFinder) -> bool:
        """Whether the quoted words hang on a preposition outside them ("a call for '...'", "into '...'")."""
        inside = finder.tokens_of(span.start, span.end)
        if not inside:
            return False
        lo, hi = inside[0].i, inside[-1].i
        roots = [t for t in inside if not (lo <= t.head.i <= hi) and not t.is_punct]
        return len(roots) == 1 and roots[0].dep_ in ("pobj", "pcomp") and roots[0].head.pos_ == "ADP"

    @staticmethod
    def _split_by_speaker(text: str, span: QuoteSpan, finder: FrameFinder) -> list[QuoteSpan]:
        """A quotation over several paragraphs stays one, unless a later paragraph names a
        speaker of its own: then the earlier paragraph's closing mark was only missing. A transcript
        label ("PENCE: ...") opens a turn of its own even when the same speaker had an earlier one."""
        parts = [span]
        for restart in reversed(span.restarts):
            head, tail = split_at(parts[0], restart, text)
            own = finder.attribute(tail)
            if own is None or own.verb is None:
                continue
            first = finder.attribute(head) if own.verb != "label" else None
            if first is None or first.speaker.ref.name != own.speaker.ref.name:
                parts = [head, tail, *parts[1:]]
        return parts

    @staticmethod
    def _is_direct(text: str, span: QuoteSpan) -> bool:
        """A whole utterance: it opens a paragraph or follows a colon or comma, and starts a sentence."""
        j = span.open_mark - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        starts_clause = j < 0 or text[j] in _DIRECT_BEFORE
        first = text[span.start : span.start + 1]
        return starts_clause and (first.isupper() or first in "[.…(")

    def _named(self, text: str, span: QuoteSpan, finder: FrameFinder) -> bool:
        """A name or so-called term: a marker right before the opening mark ("the so-called", "a group
        called"); but a marker verb with a subject of its own reports words ("what it called 'a threat'")."""
        before = text[max(0, span.open_mark - 40) : span.open_mark].lower().split()
        if not any(tuple(before[-len(marker) :]) == marker for marker in self.lexicon.name_markers):
            return False
        end = len(text[: span.open_mark].rstrip())
        marker = finder.tokens_of(end - 1, end)
        return not (
            marker
            and marker[0].pos_ == "VERB"
            and any(c.dep_ == "nsubj" and not finder.inside_quote(c.idx) for c in marker[0].children)
        )

    @staticmethod
    def _title_case(words: list[str]) -> bool:
        """ "Black Sea Initiative", "Article 5": every word capitalized (or a number), no sentence inside;
        an exclamation is a cry, not a title ("chants of 'Bobby!'")."""
        if words and words[-1].endswith("!"):
            return False
        words = [w.strip(".,;:!?") for w in words]
        letters = [w for w in words if any(c.isalpha() for c in w)]
        if not letters or len(words) > 6:
            return False
        small = {"of", "the", "and", "or", "for", "in", "on", "at", "by", "with", "from", "to", "a", "an"}
        caps = [w for w in letters if w[0].isupper()]
        return (
            len(caps) >= 1
            and all(w[0].isupper() or w in small for w in letters)
            and (len(letters) > 1 or words[0] != words[0].upper())
        )

    # ------------------------------------------------------------ reported speech

    def _statement_heads(self, parsed: Doc, inside_quote) -> list[Token]:
        """Reporting verbs with a that-clause, and clauses opened by "according to", outside quotations."""
        heads = []
        verbs, according = self.lexicon.verbs | self.lexicon.speech_acts, self.lexicon.according_to
        lemmas, forms = lowercase_lemmas(parsed), lowercase_forms(parsed)
        for i in [
            i
            for i, (lemma, form) in enumerate(zip(lemmas, forms, strict=True))
            if lemma in verbs or form in according
        ]:
            tok = parsed[i]
            if tok.pos_ == "VERB" and tok.lemma_.lower() in verbs:
                if not inside_quote(tok.idx) and any(
                    c.dep_ == "ccomp" and not inside_quote(c.idx) for c in tok.children
                ):
                    heads.append(tok)
            elif tok.dep_ == "prep" and tok.lower_ in according and not inside_quote(tok.idx):
                heads.append(tok)
        return heads

    def _statement(
        self, head: Token, finder: FrameFinder, resolver: SpeakerResolver, pos: int
    ) -> Statement | None:
        if head.lower_ in self.lexicon.according_to:
            source = finder.according_to(head.head)
            if source is None:
                return None
            speaker = resolver.resolve(source, pos)
            if speaker is None:
                return None
            # the rest of the sentence: after "According to X," or before ", according to X"
            doc = head.doc
            sent_start, sent_end = resolver.sentence(head.i)
            first, last = source.right_edge.i + 1, sent_end - 1
            if head.i > sent_start + 1:
                first, last = sent_start, head.i - 1
            while first <= last and _is_gap(doc[first]):
                first += 1
            while last >= first and _is_gap(doc[last]):
                last -= 1
            if first > last:
                return None
            start, end = doc[first].idx, doc[last].idx + len(doc[last])
            verb = "according to"
        else:
            subject = resolver.subject_of(head)
            speaker = resolver.resolve(subject, pos) if subject is not None else None
            if speaker is None:
                return None
            clause = next(c for c in head.children if c.dep_ == "ccomp" and not finder.inside_quote(c.idx))
            first, last = clause.left_edge, clause.right_edge
            # the parser may hang the rest of the reported clause on the verb ("stated that for a
            # ceasefire to hold, Ukraine must halt ..."): take the verb's later dependents too
            for child in head.children:
                if (
                    child.i > clause.i
                    and child.dep_ in ("ccomp", "conj", "advcl", "xcomp")
                    and not finder.inside_quote(child.idx)
                ):
                    last = max(last, child.right_edge, key=lambda t: t.i)
            if head.dep_ == "ccomp" and head.head.i > last.i:
                # "X has stated that for a ceasefire to hold, Ukraine must halt ...", parsed upside
                # down with the reported clause as the root: the content runs to the root's end
                last = head.head.right_edge
            while last.i > first.i and _is_gap(last):
                last = head.doc[last.i - 1]
            while first.i < last.i and (_is_gap(first) or (first.dep_ == "mark" and first.lower_ == "that")):
                first = head.doc[first.i + 1]
            start, end = first.idx, last.idx + len(last)
            verb = head.lemma_.lower()
        resolver.memory.add(pos, speaker, "statement")
        text = resolver.text
        return Statement(speaker=speaker.ref, content=text[start:end], start=start, end=end, verb=verb)


def _is_gap(tok: Token) -> bool:
    return (tok.is_punct and tok.text not in "\"“”'‘’") or tok.is_space


def _words(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _echoed(text: str, start: int, end: int, quotes: list[Quote]) -> Quote | None:
    """The first later quotation with a speaker that holds the words of text[start:end] or whose words
    they hold (two words at least)."""
    head = _words(text[start:end])
    for quote in quotes:
        body = _words(quote.text)
        shorter = min(head, body, key=len)
        if (
            quote.start > end
            and quote.speaker is not None
            and len(shorter.split()) >= 2
            and (head in body or body in head)
        ):
            return quote
    return None

"""Which way in time a clause points, read from the spaCy parse of the verb that
governs a temporal expression: past, future, present, or None when unknown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..pronouns import pronouns_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .grammar import Vocabulary

_PAST_AUX = {"was", "were", "had", "did", "'d"}
_PERFECT_AUX = {"has", "have", "'ve"}
_BE_PRESENT = {"is", "are", "am", "'s", "'re"}


def _governing_verb(token: Token) -> Token | None:
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "aux":
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _verb_tense(verb: Token, vocab: Vocabulary, time_i: int) -> str | None:
    """The direction of `verb` for the time expression at token `time_i`."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    aux_words = {a.lower_ for a in auxes}
    if aux_words & vocab.future_auxiliaries:
        return "future"
    if verb.lemma_.lower() in vocab.scheduling_lemmas and (
        aux_words & (_BE_PRESENT | _PERFECT_AUX) or verb.tag_ in ("VBZ", "VBP")
    ):
        return "future"  # "talks are scheduled for Friday", "has planned a rally on Saturday"
    if any(a.tag_ == "MD" for a in auxes):
        return "modal"  # "could be located Wednesday", "would meet Friday": either way
    if _arranged_for(verb, aux_words, time_i):
        return "future"
    if verb.lemma_.lower() in vocab.scheduling_lemmas and time_i > verb.i:
        # "talks were scheduled for Thursday": ahead, or since held; but "On Friday,
        # they planned to pay" dates the planning
        return "modal"
    if aux_words & _PAST_AUX or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and any(a.lower_ in ("get", "gets", "getting") for a in auxes):
        return None  # a get-passive not in the past ("start getting hit"): its governor says when
    if verb.tag_ == "VBN":
        return "past"  # perfect ("has met") and reduced relatives ("talks held on May 16")
    if verb.tag_ == "VBG" and "been" in aux_words:
        return "past"  # "have been searching since the Oct. 23 slaying"
    if verb.tag_ == "VBG" and aux_words & _BE_PRESENT:
        return "future"  # the present progressive of arrangements: "is meeting on Friday"
    if verb.tag_ == "VBP" and verb.lower_ in vocab.invariant_past_verbs:
        return "past" if _singular_subject(verb) else None
    if verb.tag_ in ("VBZ", "VBP"):
        # "they meet Monday" is an arrangement; "Russia says" reports what was said
        return "present" if verb.lemma_.lower() in vocab.reporting_lemmas else "future"
    return None


def _arranged_for(verb: Token, aux_words: set[str], time_i: int) -> bool:
    """A present passive with the time after "for" is an arrangement: "the vote is set for June 16",
    "the hearing is fixed for Monday" (whatever the verb)."""
    if verb.tag_ != "VBN" or not aux_words & _BE_PRESENT:
        return False
    time = verb.doc[time_i]
    return time.dep_ == "pobj" and time.head.lower_ == "for" and time.head.head.i == verb.i


def _singular_subject(verb: Token) -> bool:
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and (c.tag_ in ("NN", "NNP") or c.lower_ in pronouns_of(verb.doc).singular_subjects)
        for c in verb.children
    )


def clause_tense(parsed: Doc, start: int, end: int, vocab: Vocabulary) -> str | None:
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    end_token = span[-1]
    if end_token.i + 1 < len(parsed) and parsed[end_token.i + 1].tag_ == "POS":
        return None  # "Wednesday's ruling": the clause says nothing of when the ruling was
    root = span.root
    tense = _governing_tense(root, vocab)
    # "under a June agreement", "the Oct. 23 slaying": the date is of the noun's event,
    # which a past verb puts behind ("the Tuesday session ended") but no other tense places
    attributive = root.dep_ in ("compound", "nmod", "amod") and root.head.pos_ in ("NOUN", "PROPN")
    if attributive and root.head.i > root.i and tense != "past":
        return None
    return tense


def _governing_tense(root: Token, vocab: Vocabulary) -> str | None:
    verb = _governing_verb(root)
    for _ in range(3):
        if verb is None:
            return None
        tense = _verb_tense(verb, vocab, root.i)
        if tense == "modal":
            return None
        if tense is not None:
            return tense
        # a bare infinitive or gerund takes its direction from its governor:
        # "agreed to meet on Monday", "proposed holding talks on June 2"
        # only the complement of a verb: "celebrations to mark the day" says nothing
        is_infinitive = verb.dep_ == "xcomp" and any(
            c.lower_ == "to" and c.dep_ == "aux" for c in verb.children
        )
        governor = _governing_verb(verb.head) if verb.head is not verb else None
        if governor is not None and _has_past_perfect_aux(governor) and not _reported(governor, vocab):
            # "had been due to expire Friday": ahead of a past point, not of today (but
            # "said they had agreed to a truce starting Sunday" only shifts tense for "said")
            return None
        if is_infinitive or (governor is not None and governor.lemma_.lower() in vocab.future_lemmas):
            return "future"
        verb = governor
    return None


def _reported(verb: Token, vocab: Vocabulary) -> bool:
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in vocab.reporting_lemmas


def _has_past_perfect_aux(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in verb.children)


def marks_future(parsed: Doc, start: int, end: int, vocab: Vocabulary) -> bool:
    """The clause says outright that it looks ahead: a future auxiliary ("will take effect in
    January"), a plan in the present and the infinitive under it ("plans to open in March"), a
    progressive of arrangement, or the present of a verb that tells of a scheduled change ("the rule
    takes effect in January"). A present that describes ("figures for January show a rise") does not,
    nor an infinitive under a past verb ("refused to endorse him in July")."""
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or clause_tense(parsed, start, end, vocab) != "future":
        return False
    verb = _governing_verb(span.root)
    for _ in range(3):
        if verb is None:
            return False
        aux_words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        lemma = verb.lemma_.lower()
        if aux_words & vocab.future_auxiliaries:
            return True
        if verb.tag_ == "VBD" or aux_words & _PAST_AUX:
            return False
        if verb.tag_ in ("VBZ", "VBP") and not aux_words - {"to"}:
            return lemma in vocab.scheduled_change_lemmas | vocab.future_lemmas | vocab.scheduling_lemmas
        if aux_words & _BE_PRESENT and (verb.tag_ == "VBG" or lemma in vocab.scheduling_lemmas):
            return True  # "is meeting in January", "is scheduled for March"
        verb = _governing_verb(verb.head) if verb.head is not verb else None
    return False


def is_past_perfect(parsed: Doc, start: int, end: int) -> bool:
    """ "Until Thursday, they had not called him a suspect": a time before a past point."""
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = _governing_verb(span.root)
    if verb is None or verb.tag_ != "VBN":
        return False
    return _has_past_perfect_aux(verb)

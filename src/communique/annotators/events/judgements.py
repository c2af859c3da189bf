"""Judgements worded indirectly: "called A's demand unhelpful", "dismissed the plan as a ploy by
B's leader", "described the alliance's growth as a cause of the crisis".

A verb of characterising (data: `judgements.verbs`) with a judging word after its object (data:
`judgements.negative` / `positive`) is criticism (ACCUSE) or praise (SUPPORT) by its subject, aimed at
the owner of the thing judged ("A's demand"), else at the thing if it is an actor, else at an
actor the judgement names ("a ploy by B's leader").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...document import Event, Evidence
from ..syntax import direct_object, prepositional_objects, subject
from .clauses import clause_span
from .modality import modality

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ...document import Actor
    from ..references import References
    from .lexicon import Lexicon


def judgement_word(verb: Token, obj: Token | None, words: dict[str, str]) -> Token | None:
    """The first judging word in the verb's clause after its object's head."""
    start = obj.i if obj is not None else verb.i
    sent = verb.sent
    for tok in verb.subtree:
        if tok.i <= start or tok.i >= sent.end:
            continue
        if (
            tok.pos_ in ("VERB", "AUX")
            and tok.dep_ in ("ccomp", "advcl", "relcl", "conj")
            and tok.head.i == verb.i
        ):
            break  # a new clause of the verb's own ("called X and said ...")
        if tok.lemma_.lower() in words or tok.lower_ in words:
            return tok
    return None


def _target(
    verb: Token, obj: Token | None, word: Token, refs: References, source: list[Actor]
) -> list[Actor]:
    codes = {a.country for a in source}
    candidates: list[list[Actor]] = []
    if obj is not None:
        candidates += [refs.owner(obj), refs.named(obj)]
    # "as a ploy by B", "a provocation of B": an actor the judgement itself names
    for node in (word, word.head):
        candidates.append(refs.owner(node))
        for prep, pobj in prepositional_objects(node):
            if prep in ("by", "of", "from"):
                candidates.append(refs.named(pobj))
    for found in candidates:
        found = [a for a in found if a.country and a.country not in codes]
        if found:
            return found
    return []


def judgements(
    parsed: Doc, verbs: list[Token], refs: References, lex: Lexicon, speaker_at
) -> list[tuple[Event, Token]]:
    """ACCUSE or SUPPORT events for characterising verbs with a judging word (with the verb, to date them)."""
    out: list[tuple[Event, Token]] = []
    words = lex.judgement_words
    text = refs.text  # the document's: spaCy rebuilds `parsed.text` token by token on every access
    for verb in verbs:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        obj = direct_object(verb)
        word = judgement_word(verb, obj, words)
        if word is None:
            continue
        if obj is None:
            # "called A's demand unhelpful" parsed as a small clause: the judged thing is its subject
            obj = next((c for c in word.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        kind = modality(verb, lex.modality)
        if kind == "negated":
            continue
        subj, passive = subject(verb)
        source = refs.named(subj) if subj is not None and not passive else []
        source = source or speaker_at(verb.idx)
        if not any(a.country for a in source):
            continue
        target = _target(verb, obj, word, refs, source)
        if not target:
            continue  # a judgement of nobody named is no record
        etype = words.get(word.lemma_.lower()) or words[word.lower_]
        start, end = clause_span(verb)
        out.append(
            (
                Event(
                    type=etype,
                    mode="disapprove" if etype == "ACCUSE" else None,
                    source=[a.ref() for a in source],
                    target=[a.ref() for a in target],
                    evidence=Evidence(start, end, text[start:end]),
                    modality=kind,
                    trigger=f"{verb.text} ... {word.text}",
                    trace=["trigger.a_characterising_verb_with_a_judging_word_judges"],
                ),
                verb,
            )
        )
    return out

"""Clause-level helpers of the event annotator: reported speech, conditions and purposes,
tense, reciprocals, and the span of text that proves an action."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...document import Event, Evidence
from ..syntax import clause_chain as head_chain
from ..syntax import own_subject, passive_agent, prepositional_objects, reporting_verb

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ...document import Actor
    from ..references import References
    from .lexicon import Lexicon


def speech_verb(verb: Token, lex: Lexicon) -> Token | None:
    """The verb of saying that reports a clause: its head ("said that Y must"), or, when the parser
    hangs the report under the clause ("Y must halt ..., X stated"), a child."""
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in lex.speech_verbs:
        return verb.head
    for child in verb.children:
        if (
            child.dep_ in ("ccomp", "parataxis")
            and child.lemma_.lower() in lex.speech_verbs
            and any(c.dep_ == "nsubj" for c in child.children)
        ):
            return child
    return None


# the marker of an embedded question: what "whether" asks about is not told as done or to come
QUESTION_MARKS = frozenset({"whether"})
# "if" opens a question when its clause is a verb's complement ("asked if B would help"); on an adverbial
# clause it opens a condition
COMPLEMENT_QUESTION_MARKS = frozenset({"if"})


# auxiliaries that open a condition when put before the subject ("Had A allowed ...", "Were B to ...")
INVERSION_AUX = frozenset({"had", "were", "should"})


def _inverted_condition(clause: Token) -> bool:
    """An adverbial clause with no marker that opens with "had", "were" or "should" before its subject
    ("Had the army withdrawn, ...", "Were A to attack, ...") is a condition, not a deed told."""
    if any(c.dep_ == "mark" for c in clause.children):
        return False
    first = clause.left_edge
    if first.lower_ not in INVERSION_AUX:
        return False
    if first.i != clause.i and not (first.dep_ in ("aux", "auxpass") and first.head.i == clause.i):
        return False
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and first.i < subj.i


def embedded_question(clause: Token) -> bool:
    """A complement clause that asks rather than tells: "whether ...", or "if ..." as a complement."""
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    if clause.dep_ in ("ccomp", "advcl") and marks & QUESTION_MARKS:
        return True
    return clause.dep_ == "ccomp" and bool(marks & COMPLEMENT_QUESTION_MARKS)


def in_condition_or_purpose(tok: Token, lex: Lexicon) -> bool:
    """A deed inside a condition ("if ..."), a purpose infinitive or an open question ("whether ...")."""
    top = head_chain(tok)[-1]
    marks = {c.lower_ for c in top.children if c.dep_ == "mark"}
    if embedded_question(top):
        return True
    if top.dep_ != "advcl":
        return False
    if marks & lex.modality.conditional_marks or _inverted_condition(top):
        return True
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in top.children)
    return not has_subject and not marks and any(c.dep_ == "aux" and c.lower_ == "to" for c in top.children)


def before_unrealised(tok: Token, lex: Lexicon, trigger_types: dict[int, str]) -> bool:
    """ "must agree to changes before they demobilize", "wanted a truce before letting relief in": what is
    to come only after a demand or an obligation is met has not happened."""
    chain = head_chain(tok)
    top = chain[-1]
    if top.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "before" for c in top.children):
        governor = top.head
    else:
        governor = next((t.head for t in chain[1:] if t.dep_ == "prep" and t.lower_ == "before"), None)
        cur = top
        for _ in range(4):  # "before letting relief trucks ...": the deed in a clause under "before"
            if governor is not None or cur.head is cur:
                break
            if cur.dep_ == "prep" and cur.lower_ == "before":
                governor = cur.head
            elif cur.dep_ not in ("ccomp", "xcomp", "pcomp"):
                break
            cur = cur.head
    if governor is None:
        return False
    if trigger_types.get(governor.i) == lex.obligation_type:
        return True
    return any(
        c.dep_ == "aux" and (c.lower_ in lex.obligation_modals or c.lower_ in lex.modality.future_aux)
        for c in governor.children
    )


def mediated(tok: Token, mediator_verbs: frozenset[str]) -> bool:
    """ "met in CITY, hosted by the foreign minister", "A-brokered talks", "talks mediated by C": someone
    other than the parties hosts, chairs or brokers the talks (a participle in the trigger's clause)."""
    top = head_chain(tok)[-1]
    sent = tok.sent
    for node in top.subtree:
        if node.i == tok.i or not (sent.start <= node.i < sent.end):
            continue
        if (
            node.tag_ == "VBN"
            and node.lemma_.lower() in mediator_verbs
            and node.dep_ not in ("ROOT", "ccomp", "conj")
        ):
            return True
    return False


def target_tokens(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in ("dobj", "dative")]


def reciprocal(tok: Token) -> bool:
    return tok.lower_ == "other" and any(c.lower_ == "each" for c in tok.children)


def clause_span(tok: Token) -> tuple[int, int]:
    """The clause that proves an action: the subtree of the trigger's clause verb, within its sentence."""
    top = head_chain(tok)[-1]
    sent = tok.sent
    left = max(top.left_edge.i, sent.start)
    right = min(top.right_edge.i, sent.end - 1)
    doc = tok.doc
    while right > left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def obligations(parsed: Doc, modals: list[Token], refs: References, lex: Lexicon) -> list[tuple[int, Event]]:
    """ "X said Y must halt ..." is X's demand of Y (REQUEST), not Y's action."""
    out: list[tuple[int, Event]] = []
    text = refs.text  # the document's: spaCy rebuilds `parsed.text` token by token on every access
    for tok in modals:
        if tok.dep_ != "aux":
            continue
        verb = tok.head
        subj, passive = own_subject(verb)
        speech = speech_verb(verb, lex)
        if subj is None or speech is None:
            continue
        speaker, _ = own_subject(speech)
        source, target = refs.named(speaker), refs.named(subj)
        if not source or not target or set(map(id, source)) & set(map(id, target)):
            continue
        if not passive and not _can_act(subj, refs, lex):
            continue  # "A's performance should boost the polls" foresees; an obligation falls on an agent
        start, end = clause_span(speech if speech.i < verb.i else verb)
        event = Event(
            type=lex.obligation_type,
            mode=lex.obligation_mode,
            source=[a.ref() for a in source],
            target=[a.ref() for a in target],
            evidence=Evidence(start, end, text[start:end]),
            trigger=tok.text,
            trace=["trigger.a_reported_obligation_is_the_speakers_request"],
        )
        out.append((verb.i, event))
        out.extend((c.i, event) for c in verb.conjuncts)
    return out


AGENT_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _can_act(subj: Token, refs: References, lex: Lexicon) -> bool:
    """A subject that can be obliged: a name, a pronoun, a word for people or a party, or a word that
    itself names an actor; not a thing that an actor owns ("A's performance", "B's economy")."""
    if subj.ent_type_ in AGENT_ENTITIES or subj.pos_ in ("PROPN", "PRON"):
        return True
    lemma = subj.lemma_.lower()
    if lemma in lex.person_nouns or lemma in lex.own_agents or lemma in refs.words.party_heads:
        return True
    return any(m[2].country or m[2].name for m in refs.mentions_in(subj.idx, subj.idx + len(subj.text)))


def clause_state(tok: Token, refs: References) -> tuple[Actor | None, list[Actor]]:
    """The coded actor of the trigger's clause nearest to it, a place first ("marched outside the A-ian
    embassy in CITY" happens in the city's state); and, when that is a place, the nearest other state
    the clause
    names (the embassy's), which the deed is aimed at."""
    start, end = clause_span(tok)
    hits = [r for r in refs.mentions_in(start, end) if r[2].country]
    if not hits:
        return None, []
    places = [r for r in hits if r[2].kind == "location"]
    home = min(places or hits, key=lambda r: abs(r[0] - tok.idx))[2]
    others = [r for r in hits if r[2].kind != "location" and r[2].country != home.country] if places else []
    return home, [min(others, key=lambda r: abs(r[0] - tok.idx))[2]] if others else []


def agentless_content(tok: Token, refs: References, source: list[Actor]) -> bool:
    """ "demanded that the sanctions on A be lifted": the content is a passive with no doer and names
    no other party, so the action names nobody to aim at (and none is guessed)."""
    codes = {a.country for a in source}
    for c in tok.children:
        if c.dep_ == "ccomp" and any(g.dep_ == "nsubjpass" for g in c.children) and passive_agent(c) is None:
            end = c.right_edge.idx + len(c.right_edge.text)
            return not any(
                r[2].country and r[2].country not in codes for r in refs.mentions_in(c.left_edge.idx, end)
            )
    return False


def partnered(tok: Token, refs: References) -> bool:
    """ "held drills with A": a partner named on the verb that carries the noun."""
    return tok.dep_ == "dobj" and any(
        p == "with" and refs.named(o) for p, o in prepositional_objects(tok.head)
    )


def term_of_deal(tok: Token, lex: Lexicon) -> bool:
    """A deed told as a term of an agreement: under "as part of"/"under" an agreement noun in its
    clause ("under the deal, B will withdraw"), or reported by the agreement itself or by a text two
    sides issue together ("the accord says ...", "a joint statement said B would release ...")."""
    for node in head_chain(tok):
        for child in node.children:
            if (
                child.dep_ == "prep"
                and child.lower_ in ("under", "as")
                and any(t.lemma_.lower() in lex.deal_nouns for t in child.subtree)
            ):
                return True
    report = reporting_verb(head_chain(tok)[-1], lex.reporting_verbs)
    reporter = own_subject(report)[0] if report is not None else None
    if reporter is None:
        return False
    lemma = reporter.lemma_.lower()
    joint = any(c.lower_ == "joint" for c in reporter.children)
    return lemma in lex.deal_nouns or (joint and lemma in lex.joint_texts)

"""Fallback targets: an action with no target in its own phrase is aimed at the doer of the action an
anaphoric object stands for ("rejected the proposal"), else at the nearest other party of the sentence,
else at the article's main other party. Phrases that describe the doer, a coordinated verb's objects and
the place a deed is reported from are ruled out.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..syntax import clause_chain as head_chain
from ..syntax import (
    clause_verb,
    direct_object,
    own_subject,
    passive_agent,
    phrase_span,
    prepositional_objects,
    reporting_verb,
    subject,
)
from .slots import names_a_city

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ...document import Actor
    from ..references import References
    from .lexicon import Lexicon
    from .state import ArticleState

__all__ = ["antecedent", "continued_action", "guess_target", "mediators"]

# modifiers before a word that can name who does it ("an A-brokered truce")
MODIFIERS = frozenset({"compound", "amod", "npadvmod", "nmod"})
# a verb's children that a coordinated verb shares with it
SUBJECTS_AND_LINKS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "neg", "cc", "punct", "conj"})


def antecedent(
    tok: Token, source: list[Actor], refs: References, state: ArticleState, lex: Lexicon
) -> list[Actor]:
    """ "the proposal", "the decision": the doer of the last such action told before."""
    obj = direct_object(tok)
    types = lex.anaphoric_objects.get(obj.lemma_.lower()) if obj is not None else None
    if (
        not types
        or refs.named(obj)
        or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in obj.children)
    ):
        return []
    return state.last_doer(types, {a.country for a in source})


def continued_action(
    tok: Token, etype: str, mutual: bool, refs: References, state: ArticleState, lex: Lexicon
) -> list[Actor]:
    """ "the exchange would continue next week", "the next round of talks": an action noun made definite
    or one more of a series, with no doer of its own, goes on with the last such action told before,
    by its sides."""
    series = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
    if series is not None and series.lemma_.lower() in lex.series_nouns:
        marked = series  # "the next round of talks", "a new phase of the exchange"
        if marked.dep_ not in ("nsubj", "nsubjpass"):
            return []
    elif any(c.dep_ == "poss" for c in tok.children):
        return []  # "their talks", "A's offensive": the owner was the doer to find, not the past
    elif tok.dep_ in ("nsubj", "nsubjpass"):
        marked = tok  # the action itself is what goes on ("the exchange would continue")
    else:
        return []
    if marked is tok and not any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in marked.children
    ):
        return []  # "a series" is new; "the exchange" is the one told before
    if mutual and refs.parties:
        return list(refs.parties)  # talks go on between the sides of the last talks
    return state.last_doer(frozenset({etype}), set())


def _named_in_sentence(tok: Token, refs: References) -> Counter[str | None]:
    """How often the trigger's own sentence names each state."""
    sent = tok.sent
    return Counter(row[2].country for row in refs.mentions_in(sent.start_char, sent.end_char))


def guess_target(
    tok: Token,
    etype: str,
    source: list[Actor],
    refs: References,
    state: ArticleState,
    lex: Lexicon,
    mode: str | None = None,
    places: bool = False,
    sentence_only: bool = False,
) -> list[Actor]:
    """No explicit target: the nearest other actor of the sentence, else the sides that last dealt with
    each other, else the article's main other party (with `sentence_only`, the sentence's actor or none)."""
    codes = {a.country for a in source}
    victims = _judged_deeds_victims(tok, etype, lex)
    hit = {row[2].country for start, end in victims for row in refs.mentions_in(start, end)}
    # the sides that last dealt with each other, not allies who together backed or asked a third
    others = [a for a in state.sides if a.country and a.country not in codes | hit]
    if mode == "meet" and others:
        return others  # refusing, proposing or asking to join talks is aimed at the talks' parties
    ruled = _ruled_out_spans(tok, etype, codes, refs, lex) + victims
    brokers = mediators(tok.sent, refs, lex) - codes
    best, ruled_out = _nearest_in_sentence(tok, etype, codes | brokers, ruled, refs, lex, places)
    if best is not None:
        return [best]
    if etype == "CONSULT" or sentence_only:
        return []  # a partner in talks is named, not guessed
    if others:
        return others
    for code in state.by_frequency:
        # the article's main other party, only if the clause's own sentence names it in a phrase not
        # ruled out above: a state named only in another sentence or phrase is background (a
        # trade partner, a past deal, a country a domestic story mentions in passing), read on unseen
        # news to be the target far less often than not
        if (
            ruled_out[code] < _named_in_sentence(tok, refs)[code]
            and code not in codes | hit
            and code not in brokers
            and state.actors_by_code[code].kind not in lex.unguessed_kinds
        ):
            return [state.actors_by_code[code]]
    return []


def mediators(sent: Span, refs: References, lex: Lexicon) -> set[str | None]:
    """States of the third parties a sentence names as hosting, brokering or mediating between others
    ("talks hosted by A", "a B-brokered truce", "C, which helped mediate", "the mediator D", "E's
    mediation"): they stand between the sides and are never a guessed target of a side's action."""
    found: list[Actor] = []
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") and lemma in lex.mediator_verbs:
            subj, passive = subject(tok)
            found += refs.named(passive_agent(tok)) + ([] if passive else refs.named(subj))
            found += [a for c in tok.children if c.i < tok.i and c.dep_ in MODIFIERS for a in refs.phrase(c)]
        elif tok.pos_ == "NOUN" and lemma in lex.mediator_nouns:
            found += [
                a
                for c in tok.children
                if c.i < tok.i and c.dep_ in MODIFIERS | {"poss"}
                for a in refs.phrase(c)
            ]
            found += [
                a for p, obj in prepositional_objects(tok) if p in ("of", "by") for a in refs.named(obj)
            ]
            if tok.dep_ == "appos":
                found += refs.named(tok.head)  # "A, the main mediator"
            elif tok.dep_ == "attr" or (tok.dep_ == "pobj" and tok.head.lower_ == "as"):
                subj, passive = subject(tok)
                found += [] if passive else refs.named(subj)  # "A is a mediator", "A acts as a broker"
    return {a.country for a in found if a.country}


JUDGING_TYPES = frozenset({"ACCUSE", "SUPPORT"})
JUDGED_DEED_PREPS = frozenset({"on", "against", "to", "at", "in", "near", "inside"})
FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})


def _judged_deeds_victims(tok: Token, etype: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Condemning or praising a deed done "on", "against" or "to" someone ("condemned the attack on A",
    "the bombing of B's embassy") is aimed at the deed's doer: whom the deed hit or helped, and where
    it was done, is not the one judged."""
    if etype not in JUDGING_TYPES or tok.pos_ not in ("VERB", "AUX"):
        return []
    return [
        (g.left_edge.idx, g.right_edge.idx + len(g.right_edge.text))
        for obj in tok.children
        if obj.dep_ in ("dobj", "obj")
        for prep in obj.children
        if prep.dep_ == "prep" and _names_whom_a_deed_hit(obj, prep, lex)
        for g in prep.children
        if g.dep_ == "pobj"
    ]


def _names_whom_a_deed_hit(deed: Token, prep: Token, lex: Lexicon) -> bool:
    """ "the attack on A", "aid to B", "a raid in C"; and "of" after a noun of force ("the shelling of A",
    "the arrest of B"), where "the actions of A" or "the decision of B" name the doer."""
    if prep.lower_ in JUDGED_DEED_PREPS:
        return True
    frames = lex.nouns.get(deed.lemma_.lower(), ())
    return prep.lower_ == "of" and bool(frames) and frames[0].type in FORCE_TYPES


def _ruled_out_spans(
    tok: Token, etype: str, codes: set[str | None], refs: References, lex: Lexicon
) -> list[tuple[int, int]]:
    """Phrases that name someone other than the target: the first verb's objects for a coordinated
    verb, the doer's own description, a condition's actors, where a deed is reported from, and the
    doer's partners in a coordinated subject."""
    not_targets = []
    if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and tok.head.pos_ in ("VERB", "AUX"):
        # "seized the ships and shelled the port": the first verb's objects are its own
        not_targets += [
            c for c in tok.head.children if tok.head.i < c.i < tok.i and c.dep_ not in SUBJECTS_AND_LINKS
        ]
    subj, passive = subject(tok) if tok.pos_ not in ("NOUN", "PROPN") else (None, False)
    if subj is not None and not passive and not subj.left_edge.i <= tok.i <= subj.right_edge.i:
        not_targets.append(subj)  # "A, a close ally of B, has refused ...": the doer's description
    # "will not accept refugees if war breaks out in B", "wanted a truce before letting relief in": a
    # condition's actors are not whom the action is aimed at
    marks = lex.modality.conditional_marks | {"before"}
    not_targets += [
        c
        for node in head_chain(tok)
        for c in node.children
        if (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children))
        or (c.dep_ == "prep" and c.lower_ == "before")
    ]
    report = reporting_verb(tok, lex.reporting_verbs)
    reporter = own_subject(report)[0] if report is not None else None
    if reporter is not None:
        # "..., officials in B said": where the deed is reported from
        not_targets += [
            g
            for t in reporter.subtree
            if t.dep_ == "prep" and t.lower_ in ("in", "at", "from")
            for g in t.children
            if g.dep_ == "pobj"
        ]
    not_targets += _describing_doers(tok.sent) + _other_relative_clauses(tok)
    not_targets += _reporting_frame(tok, etype, codes, refs, lex)
    ruled = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)) for c in not_targets]
    return ruled + _fellows(tok, codes, refs)


def _other_relative_clauses(tok: Token) -> list[Token]:
    """A relative clause outside the trigger's own phrase (its objects and modifiers, not its subject, a
    side clause or a coordinated one) tells about a noun of another part of the sentence ("raided the
    houses after a man who had fled from B spoke"): whom it names is background, not whom the deed is
    aimed at."""
    own = [c for c in tok.children if c.dep_ not in OUTSIDE_A_PHRASE]
    return [
        t
        for t in tok.sent
        if t.dep_ == "relcl"
        and t.head is not tok
        and not any(c.left_edge.i <= t.i <= c.right_edge.i for c in own)
        and not t.left_edge.i <= tok.i <= t.right_edge.i
    ]


# a word's dependents that are not part of its own phrase
OUTSIDE_A_PHRASE = frozenset(
    {"nsubj", "nsubjpass", "csubj", "advcl", "conj", "cc", "parataxis", "punct", "mark", "npadvmod"}
)


def _reporting_frame(
    tok: Token, etype: str, codes: set[str | None], refs: References, lex: Lexicon
) -> list[Token]:
    """The frame of a report the trigger's clause is the content of ("A told B that C's raids ...",
    "at a meeting with B, A said it would ..."): where and with whom the saying was done is not whom the
    reported deed is aimed at; and when someone other than the doer speaks, neither is the one told."""
    report = reporting_verb(clause_verb(tok), lex.reporting_verbs)
    if report is None:
        return []
    content = next((c for c in report.children if c.left_edge.i <= tok.i <= c.right_edge.i), None)
    speaker = subject(report)[0]
    speakers = {a.country for a in refs.named(speaker)} if speaker is not None else set()
    by_another = bool(speakers) and not speakers & codes
    # a witness telling of another's deed is not whom it is aimed at, unless the deed is force, most
    # often told by the side it hit
    witness = [speaker] if by_another and speaker is not None and etype not in HOSTILE_TYPES else []
    return witness + [
        c
        for c in report.children
        if c is not content
        and ((c.dep_ == "prep" and c.lower_ != "to") or (by_another and c.dep_ in REPORT_ADDRESSEES))
    ]


HOSTILE_TYPES = FORCE_TYPES | {"THREATEN", "ACCUSE", "SANCTION", "PROTEST"}
# a verb of saying's dependents that name whom it is told to
REPORT_ADDRESSEES = frozenset({"dobj", "dative", "prep"})


def _describing_doers(sent: Span) -> list[Token]:
    """The doer named inside a participle that describes a noun ("the A-backed militia", "an A-led
    coalition"): it tells what the noun is, and is not whom the sentence's deeds are aimed at."""
    return [
        c
        for t in sent
        if t.dep_ == "amod" and t.tag_ == "VBN" and t.i < t.head.i
        for c in t.children
        if c.dep_ in ("npadvmod", "compound", "nmod") and c.i < t.i
    ]


def _nearest_in_sentence(
    tok: Token,
    etype: str,
    codes: set[str | None],
    ruled: list[tuple[int, int]],
    refs: References,
    lex: Lexicon,
    places: bool,
) -> tuple[Actor | None, Counter[str]]:
    """The coded actor of the sentence nearest the trigger that may be a target, and how often each
    state was ruled out. A coordinated clause's actors are its own ("welcomed the plan and urged aid
    to B"); a place named with "in"/"at"/"from" is where, not whom (but "a ceasefire in A" is aimed
    at A); a news outlet is never guessed."""
    sent = tok.sent
    own_clauses = [
        (c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text))
        for c in tok.children
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
    ]
    best: tuple[int, Actor] | None = None
    ruled_out: Counter[str] = Counter()
    for start, end, actor in refs.mentions_in(sent.start_char, sent.end_char):
        if not actor.country or actor.country in codes or actor.kind in lex.unguessed_kinds:
            continue
        if any(s <= start and end <= e for s, e in own_clauses):
            continue
        if any(s <= start and end <= e for s, e in ruled):
            ruled_out[actor.country] += 1
            continue
        head = tok.doc.char_span(start, end, alignment_mode="expand")
        if head is not None and _names_a_topic(head, lex):
            ruled_out[actor.country] += 1  # "the war in A": what is talked about, not whom
            continue
        if head is not None and head.root.dep_ == "compound" and names_a_city(head.root, refs):
            ruled_out[actor.country] += 1  # "the C summit": where it is held, whatever the action
            continue
        placed = head is not None and _placed_by_preposition(head)
        if not places and etype not in lex.place_targets and placed:
            continue
        distance = abs(start - tok.idx)
        if best is None or distance < best[0]:
            best = (distance, actor)
    return (best[1] if best else None), ruled_out


def _placed_by_preposition(head: Span) -> bool:
    """A place named with "in"/"at"/"from", first or in a list ("in A and B"): where something is, not
    whom it is aimed at."""
    root = _first_conjunct(head.root)
    return root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "from")


def _first_conjunct(tok: Token) -> Token:
    """The first of a list of coordinated words ("B" in "A, B and C" is "A"), which holds the list's role."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok


def _names_a_topic(head: Span, lex: Lexicon) -> bool:
    """A state named as where a war, a crisis or a situation is ("the war in A", "the crisis in B"):
    the subject of talk or concern, never a guessed target."""
    root = _first_conjunct(head.root)
    if root.dep_ != "pobj" or root.head.lower_ != "in":
        return False
    return root.head.head.lemma_.lower() in lex.topic_nouns


def _fellows(tok: Token, codes: set[str | None], refs: References) -> list[tuple[int, int]]:
    """Spans of actors coordinated with a doer in a subject ("the guarantors A, B and C will oversee
    ..., urging restraint"): partners in the doing, not whom it is aimed at."""
    sent, doc = tok.sent, tok.doc
    out = []
    for start, _, actor in refs.mentions_in(sent.start_char, sent.end_char):
        if actor.country not in codes:
            continue
        node = doc.char_span(start, start + 1, alignment_mode="expand")
        if node is None:
            continue
        head = node.root
        while head.dep_ in ("conj", "appos", "compound") and head.head is not head:
            head = head.head
        if head.dep_ not in ("nsubj", "nsubjpass"):
            continue
        group, stack = [], [head]
        while stack:
            cur = stack.pop()
            group.append(cur)
            stack.extend(c for c in cur.children if c.dep_ in ("conj", "appos"))
        out += [phrase_span(g) for g in group if g is not head or len(group) > 1]
    return out

"""The positions lexicon (knowledge/en/positions.yaml) as sets and maps, built once."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...knowledge import Knowledge
from ..references import load_reference_words
from ..speech import speech_verbs


@dataclass(frozen=True)
class VerbCue:
    kind: str
    objects: frozenset[str] | None = None  # None: any object
    content_preps: frozenset[str] = frozenset()
    addressee_preps: frozenset[str] = frozenset()
    needs_xcomp: bool = False  # content only from an infinitive or a content preposition, never a bare object
    clauses: bool = False  # with `objects`: a directive complement clause is content too ("suggested that X")
    negated: str | None = None  # the kind of the verb's denial ("does not want X": a rejection)
    # the kind of an infinitive of the holder's own deed ("wants to resume talks")
    own_action: str | None = None
    own_objects: frozenset[str] | None = None  # ... counted only when that deed's object is one of these
    # a compound holder doing it jointly makes an agreement, not one side's stance
    single_holder: bool = False
    # the content is the act on the object ("extend the truce by a week"), not the object
    deed: bool = False
    # only as a deed done, not one that "could" or "would" be done (then it is a threat or a plan)
    factual: bool = False
    # objects that make it no stance ("offered insights": what one says or feels is not given)
    excluded_objects: frozenset[str] = frozenset()
    # a "that" clause with will/would whose doer is the holder's side is what it binds itself to
    promises: bool = False


@dataclass(frozen=True)
class NounCue:
    kind: str
    objects: frozenset[str] | None = None  # None: any content
    infinitive: bool = True  # "plan to expand": an intention, not a proposal put to anyone
    purpose: bool = False  # "conditions for peace": the for-phrase names what it is for, not what it is


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, VerbCue]
    phrasal: dict[tuple[str, str], VerbCue]
    stance_nouns: frozenset[str]
    nouns: dict[str, NounCue]
    linking_verbs: frozenset[str]
    judging_predicates: frozenset[str]
    readiness: frozenset[str]
    readiness_kind: str
    condition_marks: frozenset[str]
    condition_for_verbs: frozenset[str]
    modals: frozenset[str]
    obligation_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    agenda_verbs: frozenset[str]
    agenda_adjectives: frozenset[str]
    agenda_preps: frozenset[str]
    agenda_subjects: frozenset[str]
    agenda_kind: str
    negative_evaluations: frozenset[str]
    empty_contents: frozenset[str]
    information_nouns: frozenset[str]
    giving_verbs: frozenset[str]
    market_modifiers: frozenset[str]
    generic_contents: frozenset[str]
    party_nouns: frozenset[str]
    expectations: frozenset[str]
    stating_verbs: frozenset[str] = frozenset()
    appraisal_verbs: dict[str, frozenset[str]] = field(default_factory=dict)
    appraisal_manners: dict[str, str] = field(default_factory=dict)
    disinterest_nouns: frozenset[str] = frozenset()
    participles: dict[str, VerbCue] = field(default_factory=dict)
    converse_verbs: frozenset[str] = frozenset()
    converse_nouns: dict[str, str] = field(default_factory=dict)
    obstruction_verbs: frozenset[str] = frozenset()
    deal_nouns: frozenset[str] = frozenset()
    term_preps: frozenset[str] = frozenset()
    list_nouns: dict[str, str] = field(default_factory=dict)
    mediator_words: frozenset[str] = frozenset()
    relation_nouns: frozenset[str] = frozenset()
    deliberation_verbs: frozenset[str] = frozenset()
    phase_nouns: frozenset[str] = frozenset()
    implementation_verbs: frozenset[str] = frozenset()
    approvals: frozenset[str] = frozenset()
    deal_verbs: frozenset[str] = frozenset()
    necessities: frozenset[str] = frozenset()
    moments: frozenset[str] = frozenset()
    only_marks: frozenset[str] = frozenset()
    exchange_nouns: frozenset[str] = frozenset()
    requirement_verbs: frozenset[str] = frozenset()
    disposition_nouns: frozenset[str] = frozenset()
    disposition_governors: frozenset[str] = frozenset()
    demonyms: dict[str, str] = field(default_factory=dict)
    named_sets: dict[str, frozenset[str]] = field(default_factory=dict)


def _set(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


def _nouns(values: Any) -> frozenset[str]:
    """Nouns as written and as spaCy lemmatizes them ("talks" -> "talk", "negotiations" -> "negotiation")."""
    words = _set(values)
    return words | {w[:-1] for w in words if w.endswith("s") and not w.endswith("ss")}


def _objects(names: Any, named: dict[str, frozenset[str]]) -> frozenset[str] | None:
    """A restriction on objects: words, or the names of the word lists below ("stance_nouns")."""
    if not names:
        return None
    return frozenset().union(*(named.get(o, _nouns([o])) for o in names))


def _cue(spec: dict[str, Any], named: dict[str, frozenset[str]]) -> VerbCue:
    return VerbCue(
        kind=spec["kind"],
        objects=_objects(spec.get("objects"), named),
        content_preps=_set(spec.get("content_preps")),
        addressee_preps=_set(spec.get("addressee_preps")),
        needs_xcomp=bool(spec.get("needs_xcomp")),
        clauses=bool(spec.get("clauses")),
        negated=spec.get("negated"),
        own_action=spec.get("own_action"),
        own_objects=_objects(spec.get("own_objects"), named),
        single_holder=bool(spec.get("single_holder")),
        deed=bool(spec.get("deed")),
        factual=bool(spec.get("factual")),
        excluded_objects=_objects(spec.get("excluded_objects"), named) or frozenset(),
        promises=bool(spec.get("promises")),
    )


def _noun_cue(spec: str | dict[str, Any], named: dict[str, frozenset[str]]) -> NounCue:
    if isinstance(spec, str):  # the short form: "proposal: proposal"
        return NounCue(kind=spec)
    return NounCue(
        kind=spec["kind"],
        objects=_objects(spec.get("objects"), named),
        infinitive=spec.get("infinitive", True),
        purpose=bool(spec.get("purpose")),
    )


def _appraisals(data: dict[str, Any]) -> tuple[dict[str, frozenset[str]], dict[str, str]]:
    """Verbs of appraisal with the prepositions that take what they appraise ("" for a direct object),
    and their manner adverbs mapped to the kind they make ("favourably": support)."""
    verbs = {str(v).lower(): _set(preps) for v, preps in (data.get("verbs") or {}).items()}
    manners = {str(w).lower(): kind for kind, words in (data.get("manners") or {}).items() for w in words}
    return verbs, manners


def load_lexicon(knowledge: Knowledge | None = None) -> Lexicon:
    """The lexicon of `knowledge` (built once per pipeline through `Knowledge.derived`)."""
    knowledge = knowledge or Knowledge.from_env()
    data = knowledge.yaml("positions.yaml")
    reporting = speech_verbs(knowledge, "stance_verbs")
    lists = ("stance_nouns", "truce_nouns", "concession_nouns", "expression_nouns", "information_nouns")
    named = {name: _nouns(data.get(name)) for name in lists}
    phrasal = {}
    for phrase, spec in (data.get("phrasal") or {}).items():
        verb, particle = phrase.split()
        phrasal[(verb, particle)] = _cue(spec, named)
    appraisal_verbs, appraisal_manners = _appraisals(data.get("appraisals") or {})
    return Lexicon(
        verbs={lemma: _cue(spec, named) for lemma, spec in data["verbs"].items()},
        phrasal=phrasal,
        stance_nouns=named["stance_nouns"],
        nouns={str(k).lower(): _noun_cue(v, named) for k, v in data["nouns"].items()},
        linking_verbs=_set(data["linking_verbs"]),
        judging_predicates=_set(data["judging_predicates"]),
        readiness=_set(data["readiness"]["adjectives"]),
        readiness_kind=data["readiness"]["kind"],
        condition_marks=_set(data["condition_marks"]),
        condition_for_verbs=_set(data["condition_for_verbs"]),
        modals=_set(data["modals"]),
        obligation_verbs=_set(data.get("obligation_verbs")),
        reporting_verbs=_set(v for v in reporting if " " not in v),
        agenda_verbs=_set(data["agenda"]["verbs"]),
        agenda_adjectives=_set(data["agenda"].get("adjectives")),
        agenda_preps=_set(data["agenda"]["preps"]),
        agenda_subjects=_nouns(data["agenda"]["subjects"]),
        agenda_kind=data["agenda"]["kind"],
        negative_evaluations=_set(data["negative_evaluations"]),
        empty_contents=_set(data["empty_contents"]),
        information_nouns=named["information_nouns"],
        giving_verbs=_set(data["giving_verbs"]),
        market_modifiers=_set(data["market_modifiers"]),
        generic_contents=_set(data["generic_contents"]),
        party_nouns=_nouns(data["party_nouns"]),
        expectations=_set(data["expectations"]),
        stating_verbs=_set(data.get("stating_verbs"))
        | _set(v for v in reporting if " " not in v),
        appraisal_verbs=appraisal_verbs,
        appraisal_manners=appraisal_manners,
        disinterest_nouns=_set(data.get("disinterest_nouns")),
        participles={str(k).lower(): _cue(v, named) for k, v in (data.get("participles") or {}).items()},
        converse_verbs=_set((data.get("converses") or {}).get("verbs")),
        converse_nouns={
            str(k).lower(): v for k, v in ((data.get("converses") or {}).get("nouns") or {}).items()
        },
        obstruction_verbs=_set(data.get("obstruction_verbs")),
        deal_nouns=_nouns(data.get("deal_nouns")),
        term_preps=_set(data.get("term_preps")),
        list_nouns={str(k).lower(): v for k, v in (data.get("list_nouns") or {}).items()},
        mediator_words=_set(data.get("mediator_words")),
        relation_nouns=_nouns(data.get("relation_nouns")),
        deliberation_verbs=_set(data.get("deliberation_verbs")),
        phase_nouns=_set(data.get("phase_nouns")),
        implementation_verbs=_set(data.get("implementation_verbs")),
        approvals=_set((data.get("implicit") or {}).get("approvals")),
        deal_verbs=_set((data.get("implicit") or {}).get("deal_verbs")),
        necessities=_set((data.get("implicit") or {}).get("necessities")),
        moments=_set((data.get("implicit") or {}).get("moments")),
        only_marks=_set(data.get("only_marks")),
        exchange_nouns=_set(data.get("exchange_nouns")),
        requirement_verbs=_set(data.get("requirement_verbs")),
        disposition_nouns=_nouns((data.get("unstated_dispositions") or {}).get("nouns")),
        disposition_governors=_nouns((data.get("unstated_dispositions") or {}).get("governors")),
        # state adjectives ("Chilean" -> CHL): an official the actors layer left without a country
        # ("the Chilean foreign minister said") still speaks for that state
        demonyms=knowledge.derived(load_reference_words).demonyms,
        named_sets=named,
    )

"""The event lexicon: trigger frames and PLOVER code tables, compiled once from knowledge files.

`event_triggers.yaml` says which words report which action and how their
arguments map to source and target; `plover.yaml` gives each type and mode its
CAMEO code, QuadClass and Goldstein-style score.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...knowledge import Knowledge
from ..speech import speech_verbs


@dataclass(frozen=True, slots=True)
class Frame:
    """One sense of a trigger word: what it codes and when it applies."""

    type: str
    mode: str | None = None
    when_prep: frozenset[str] = frozenset()
    when_obj: frozenset[str] = frozenset()
    when_head: frozenset[str] = frozenset()
    when_means: frozenset[str] = frozenset()
    unless_means: frozenset[str] = frozenset()  # not when a thing does it ("the law allows for fines")
    target: tuple[str, ...] = ()
    mutual: bool = False
    no_target: bool = False
    needs_target: bool = False
    light: bool = False
    takes_clause: bool = False
    when_clause: bool = False
    when_condition: bool = False
    when_directive: bool = False
    when_mod: frozenset[str] = frozenset()
    unless_mod: frozenset[str] = frozenset()  # not when a modifier names another kind ("a campaign rally")
    unless_dep: frozenset[str] = frozenset()
    when_dep: frozenset[str] = frozenset()  # only when the trigger has a child with one of these dependencies
    unless_obj_head: frozenset[str] = frozenset()  # not when the object itself is one of these nouns
    unless_obj_actor: bool = False  # what it acts on is a thing or an act, never an actor
    unless_own_obj: bool = False  # not when what it acts on is the doer's own ("defended his record")
    party_obj: frozenset[str] = frozenset()  # its object, if any, is a party or one of these ("hosted talks")
    when_reason: bool = False  # a "for" reason: "attacked B for accepting gifts"
    opinion_clause: bool = False  # a "that" clause that commits to nothing is a view ("agreed that ...")
    joint_type: str | None = None
    joint_content: bool = False
    content_mode: dict[str, str] = field(default_factory=dict)
    content_type: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Modality:
    negation: frozenset[str]
    failure_verbs: frozenset[str]
    failure_pairs: frozenset[tuple[str, str]]
    future_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    plan_verbs: frozenset[str]
    conditional_marks: frozenset[str]
    future_words: frozenset[str]
    hypothetical_words: frozenset[str]
    plan_verbs_subject: frozenset[str] = frozenset()
    possibility_nouns: frozenset[str] = frozenset()
    implicative_verbs: frozenset[str] = frozenset()
    ability_words: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, tuple[Frame, ...]]
    nouns: dict[str, tuple[Frame, ...]]
    adjectives: dict[str, tuple[Frame, ...]]
    verb_slots: tuple[str, ...]
    noun_slots: tuple[str, ...]
    person_nouns: frozenset[str]
    light_verbs: frozenset[str]
    modality: Modality
    speech_verbs: frozenset[str]
    obligation_modals: frozenset[str]
    obligation_type: str
    obligation_mode: str | None
    future_types: dict[str, tuple[str, str | None]]
    conditional_types: dict[str, tuple[str, str | None]]
    intransitive_types: frozenset[str]
    plover: dict[str, Any]
    purpose_verbs: frozenset[str] = frozenset()
    agentless_types: frozenset[str] = frozenset()
    refusal_types: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    failure_types: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    place_targets: frozenset[str] = frozenset()
    judging_types: frozenset[str] = frozenset()
    reported_content_types: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()
    circumstance_preps: frozenset[str] = frozenset()
    mediator_verbs: frozenset[str] = frozenset()
    mediator_nouns: frozenset[str] = frozenset()
    intent_nouns: frozenset[str] = frozenset()
    participation_verbs: frozenset[str] = frozenset()
    deal_nouns: frozenset[str] = frozenset()
    joint_texts: frozenset[str] = frozenset()
    characterising: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    judgement_verbs: frozenset[str] = frozenset()
    domestic_types: frozenset[str] = frozenset()
    member_heads: frozenset[str] = frozenset()
    own_members: frozenset[str] = frozenset()
    own_agents: frozenset[str] = frozenset()
    domestic_opponents: frozenset[str] = frozenset()
    anaphoric_objects: dict[str, frozenset[str]] = field(default_factory=dict)
    series_nouns: frozenset[str] = frozenset()
    judgement_words: dict[str, str] = field(default_factory=dict)  # word -> ACCUSE | SUPPORT
    place_doers: dict[str, frozenset[str]] = field(default_factory=dict)  # type -> modes (none listed: any)
    readiness_verbs: frozenset[str] = frozenset()
    protest_topics: frozenset[str] = frozenset()
    message_nouns: frozenset[str] = frozenset()
    publication_nouns: frozenset[str] = frozenset()
    anonymity_verbs: frozenset[str] = frozenset()
    audience_nouns: frozenset[str] = frozenset()
    circle_nouns: frozenset[str] = frozenset()
    topic_nouns: frozenset[str] = frozenset()
    carrier_nouns: frozenset[str] = frozenset()
    readiness_types: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    place_nouns: frozenset[str] = frozenset()
    home_types: frozenset[str] = frozenset()
    unguessed_kinds: frozenset[str] = frozenset()
    non_party_kinds: frozenset[str] = frozenset()
    sides_types: frozenset[str] = frozenset()
    non_party_sectors: frozenset[str] = frozenset()
    commitment_words: frozenset[str] = frozenset()
    proposal_verbs: frozenset[str] = frozenset()

    @property
    def broker_words(self) -> frozenset[str]:
        """Words that name a third party between the sides (verbs and nouns of mediating)."""
        return self.mediator_verbs | self.mediator_nouns

    def place_doer(self, etype: str, mode: str | None) -> bool:
        """Whether a deed of this type and mode with no doer named is coded for the place's state."""
        modes = self.place_doers.get(etype)
        return modes is not None and (not modes or mode in modes)

    def frames(self, pos: str, lemma: str) -> tuple[Frame, ...]:
        if pos == "VERB":
            return self.verbs.get(lemma, ())
        if pos in ("NOUN", "PROPN"):
            return self.nouns.get(lemma, ())
        if pos == "ADJ":
            return self.adjectives.get(lemma, ())
        return ()

    def codes(self, etype: str, mode: str | None) -> tuple[str | None, int | None, float | None]:
        """CAMEO code, QuadClass and Goldstein-style score of a type and mode."""
        info = self.plover.get(etype) or {}
        mode_info = (info.get("modes") or {}).get(mode or "", {})
        cameo = mode_info.get("cameo", info.get("cameo"))
        score = mode_info.get("goldstein", info.get("goldstein"))
        return cameo, info.get("quad_class"), (float(score) if score is not None else None)


def _words(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


def _frame(data: dict[str, Any], default_slots: tuple[str, ...]) -> Frame:
    return Frame(
        type=data["type"],
        mode=data.get("mode"),
        when_prep=_words(data.get("when_prep")),
        when_obj=_words(data.get("when_obj")),
        when_head=_words(data.get("when_head")),
        when_means=_words(data.get("when_means")),
        unless_means=_words(data.get("unless_means")),
        target=tuple(data.get("target") or default_slots),
        mutual=bool(data.get("mutual")),
        no_target=bool(data.get("no_target")),
        needs_target=bool(data.get("needs_target")),
        light=bool(data.get("light")),
        takes_clause=bool(data.get("takes_clause")),
        when_clause=bool(data.get("when_clause")),
        when_condition=bool(data.get("when_condition")),
        when_directive=bool(data.get("when_directive")),
        when_mod=_words(data.get("when_mod")),
        unless_mod=_words(data.get("unless_mod")),
        unless_dep=_words(data.get("unless_dep")),
        when_dep=_words(data.get("when_dep")),
        unless_obj_head=_words(data.get("unless_obj_head")),
        unless_obj_actor=bool(data.get("unless_obj_actor")),
        unless_own_obj=bool(data.get("unless_own_obj")),
        party_obj=_words(data.get("party_obj")),
        when_reason=bool(data.get("when_reason")),
        opinion_clause=bool(data.get("opinion_clause")),
        joint_type=data.get("joint_type"),
        joint_content=bool(data.get("joint_content")),
        content_mode=dict(data.get("content_mode") or {}),
        content_type=dict(data.get("content_type") or {}),
    )


def _frames(table: dict[str, Any] | None, default_slots: tuple[str, ...]) -> dict[str, tuple[Frame, ...]]:
    out: dict[str, tuple[Frame, ...]] = {}
    for lemma, value in (table or {}).items():
        items = value if isinstance(value, list) else [value]
        out[str(lemma).lower()] = tuple(_frame(item, default_slots) for item in items)
    return out


# Lexicon fields read straight from a top-level key of event_triggers.yaml (same name)
WORD_LISTS = (
    "intent_nouns",
    "mediator_nouns",
    "participation_verbs",
    "light_verbs",
    "purpose_verbs",
    "circumstance_preps",
    "mediator_verbs",
    "member_heads",
    "own_members",
    "own_agents",
    "series_nouns",
    "message_nouns",
    "publication_nouns",
    "anonymity_verbs",
    "audience_nouns",
    "circle_nouns",
    "topic_nouns",
    "carrier_nouns",
    "place_nouns",
    "unguessed_kinds",
    "commitment_words",
    "proposal_verbs",
)
TYPE_SETS = (
    "sides_types",
    "intransitive_types",
    "agentless_types",
    "place_targets",
    "judging_types",
    "reported_content_types",
    "domestic_types",
    "domestic_opponents",
    "protest_topics",
    "home_types",
)
TYPE_MAPS = ("future_types", "conditional_types", "refusal_types", "failure_types", "characterising")


def _type_map(table: dict[str, Any] | None) -> dict[str, tuple[str, str | None]]:
    """{TYPE: {type, mode}} -> {TYPE: (type, mode)}."""
    return {k: (v["type"], v.get("mode")) for k, v in (table or {}).items()}


def _modality(mod: dict[str, Any]) -> Modality:
    return Modality(
        negation=_words(mod.get("negation")),
        failure_verbs=_words(mod.get("failure_verbs")),
        failure_pairs=frozenset(tuple(p) for p in mod.get("failure_pairs") or ()),
        future_aux=_words(mod.get("future_aux")),
        hypothetical_aux=_words(mod.get("hypothetical_aux")),
        plan_verbs=_words(mod.get("plan_verbs")),
        conditional_marks=_words(mod.get("conditional_marks")),
        future_words=_words(mod.get("future_words")),
        hypothetical_words=_words(mod.get("hypothetical_words")),
        plan_verbs_subject=_words(mod.get("plan_verbs_subject")),
        possibility_nouns=_words(mod.get("possibility_nouns")),
        implicative_verbs=_words(mod.get("implicative_verbs")),
        ability_words=_words(mod.get("ability_words")),
    )


def _nested(data: dict[str, Any]) -> dict[str, Any]:
    """Fields read from the nested sections: obligation, judgements, readiness, non_parties."""
    obligation = data.get("obligation") or {}
    judging = data.get("judgements") or {}
    readiness = data.get("readiness") or {}
    non_parties = data.get("non_parties") or {}
    terms = data.get("deal_terms") or {}
    return {
        "deal_nouns": _words(terms.get("nouns")),
        "joint_texts": _words(terms.get("joint_texts")),
        "obligation_modals": _words(obligation.get("modals")),
        "obligation_type": obligation.get("type", "REQUEST"),
        "obligation_mode": obligation.get("mode"),
        "judgement_verbs": _words(judging.get("verbs")),
        "judgement_words": {
            **{w: "SUPPORT" for w in _words(judging.get("positive"))},
            **{w: "ACCUSE" for w in _words(judging.get("negative"))},
        },
        "readiness_verbs": _words(readiness.get("verbs")),
        "readiness_types": _type_map(readiness.get("types")),
        "non_party_kinds": _words(non_parties.get("kinds")),
        "non_party_sectors": frozenset(non_parties.get("sectors") or ()),
    }


def _person_nouns(knowledge: Knowledge) -> frozenset[str]:
    """One-word nouns for people and groups ("man", "commander", "militant"), from the generic agents."""
    rows = knowledge.csv("actors/petrarch_agents.csv")
    return frozenset(r["form"].lower() for r in rows if " " not in r["form"])


def load_lexicon(knowledge: Knowledge | None = None) -> Lexicon:
    """The lexicon of `knowledge` (built once per pipeline through `Knowledge.derived`)."""
    knowledge = knowledge or Knowledge.from_env()
    data = knowledge.yaml("event_triggers.yaml")
    slots = data.get("slots") or {}
    verb_slots = tuple(slots.get("verb") or ("obj",))
    noun_slots = tuple(slots.get("noun") or ("with",))
    return Lexicon(
        verbs=_frames(data.get("verbs"), verb_slots),
        nouns=_frames(data.get("nouns"), noun_slots),
        adjectives=_frames(data.get("adjectives"), verb_slots),
        verb_slots=verb_slots,
        noun_slots=noun_slots,
        modality=_modality(data.get("modality") or {}),
        plover=knowledge.yaml("plover.yaml")["types"],
        anaphoric_objects={
            str(k).lower(): frozenset(v) for k, v in (data.get("anaphoric_objects") or {}).items()
        },
        speech_verbs=speech_verbs(knowledge, "stance_verbs"),  # of a reported obligation
        reporting_verbs=speech_verbs(knowledge, "disclosure_verbs"),
        place_doers={str(k): _words(v) for k, v in (data.get("place_doers") or {}).items()},
        person_nouns=_person_nouns(knowledge),
        **{name: _words(data.get(name)) for name in WORD_LISTS},
        **{name: frozenset(data.get(name) or ()) for name in TYPE_SETS},
        **{name: _type_map(data.get(name)) for name in TYPE_MAPS},
        **_nested(data),
    )

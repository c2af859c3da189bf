"""The positions lexicon (knowledge/en/positions.yaml) as sets and maps, built once."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...knowledge import load_yaml


@dataclass(frozen=True)
class VerbCue:
    kind: str
    objects: frozenset[str] | None = None  # None: any object
    content_preps: frozenset[str] = frozenset()
    addressee_preps: frozenset[str] = frozenset()
    needs_xcomp: bool = False


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, VerbCue]
    phrasal: dict[tuple[str, str], VerbCue]
    response_verbs: frozenset[str]
    response_positive: frozenset[str]
    response_kind: str
    stance_nouns: frozenset[str]
    nouns: dict[str, str]
    linking_verbs: frozenset[str]
    readiness: frozenset[str]
    readiness_kind: str
    condition_marks: frozenset[str]
    condition_for_verbs: frozenset[str]
    modals: frozenset[str]
    reporting_verbs: frozenset[str]
    agenda_verbs: frozenset[str]
    agenda_adjectives: frozenset[str]
    agenda_preps: frozenset[str]
    agenda_subjects: frozenset[str]
    agenda_kind: str
    negative_evaluations: frozenset[str]
    empty_contents: frozenset[str]
    generic_contents: frozenset[str]
    party_nouns: frozenset[str]
    expectations: frozenset[str]
    named_sets: dict[str, frozenset[str]] = field(default_factory=dict)


def _set(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


def _nouns(values: Any) -> frozenset[str]:
    """Nouns as written and as spaCy lemmatizes them ("talks" -> "talk", "negotiations" -> "negotiation")."""
    words = _set(values)
    return words | {w[:-1] for w in words if w.endswith("s") and not w.endswith("ss")}


def _cue(spec: dict[str, Any], named: dict[str, frozenset[str]]) -> VerbCue:
    objects = None
    if spec.get("objects"):
        objects = frozenset().union(*(named.get(o, frozenset({o})) for o in spec["objects"]))
    return VerbCue(
        kind=spec["kind"],
        objects=objects,
        content_preps=_set(spec.get("content_preps")),
        addressee_preps=_set(spec.get("addressee_preps")),
        needs_xcomp=bool(spec.get("needs_xcomp")),
    )


def load_lexicon(lang: str = "en") -> Lexicon:
    data = load_yaml("positions.yaml", lang)
    named = {"stance_nouns": _nouns(data["stance_nouns"]), "truce_nouns": _nouns(data["truce_nouns"])}
    phrasal = {}
    for phrase, spec in (data.get("phrasal") or {}).items():
        verb, particle = phrase.split()
        phrasal[(verb, particle)] = _cue(spec, named)
    return Lexicon(
        verbs={lemma: _cue(spec, named) for lemma, spec in data["verbs"].items()},
        phrasal=phrasal,
        response_verbs=_set(data["responses"]["verbs"]),
        response_positive=_set(data["responses"]["positive"]),
        response_kind=data["responses"]["kind"],
        stance_nouns=named["stance_nouns"],
        nouns={str(k).lower(): v for k, v in data["nouns"].items()},
        linking_verbs=_set(data["linking_verbs"]),
        readiness=_set(data["readiness"]["adjectives"]),
        readiness_kind=data["readiness"]["kind"],
        condition_marks=_set(data["condition_marks"]),
        condition_for_verbs=_set(data["condition_for_verbs"]),
        modals=_set(data["modals"]),
        reporting_verbs=_set(v for v in data["reporting_verbs"] if " " not in v),
        agenda_verbs=_set(data["agenda"]["verbs"]),
        agenda_adjectives=_set(data["agenda"].get("adjectives")),
        agenda_preps=_set(data["agenda"]["preps"]),
        agenda_subjects=_nouns(data["agenda"]["subjects"]),
        agenda_kind=data["agenda"]["kind"],
        negative_evaluations=_set(data["negative_evaluations"]),
        empty_contents=_set(data["empty_contents"]),
        generic_contents=_set(data["generic_contents"]),
        party_nouns=_nouns(data["party_nouns"]),
        expectations=_set(data["expectations"]),
        named_sets=named,
    )

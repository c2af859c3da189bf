"""Pronouns and relative pronouns: one table (`knowledge/en/function_words.yaml`) for every annotator.

Each reader asks for the set it needs by the features of the table (gender, person, number,
case) instead of keeping its own list of words. Built once per pipeline:
`knowledge.derived(load_pronouns)`, or `pronouns_of(doc)` where only the parse is at hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..knowledge import knowledge_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..knowledge import Knowledge


@dataclass(frozen=True)
class Pronouns:
    gender: dict[str, str]  # every form of a gendered pronoun -> "m" or "f"
    things: frozenset[str]  # third-person pronouns of no gender that go before or for a noun (it, they)
    first_person: frozenset[str]  # the speaker's own side (I, we, our)
    possessive: frozenset[str]  # possessive determiners (his, its, their)
    person_holders: frozenset[str]  # a person's pronoun that can hold a position: he, she, his, her
    # a person who can be a speaker: he, him, she, her, I ("it" only through the actors layer: too
    # often a thing)
    person_speakers: frozenset[str]
    group_speakers: frozenset[str]  # a group speaking: we, they
    third_plural: frozenset[str]  # they, them, their, theirs
    relative: frozenset[str]  # who, which, that, whom
    singular_subjects: frozenset[str]  # a singular third-person subject: he, she, it, this, that

    @property
    def third_person(self) -> frozenset[str]:
        """The pronouns coreference resolves: gendered ones and things."""
        return frozenset(self.gender) | self.things


def load_pronouns(knowledge: Knowledge) -> Pronouns:
    data = knowledge.yaml("function_words.yaml") or {}
    table = {str(k).lower(): v or {} for k, v in (data.get("pronouns") or {}).items()}

    def forms(test) -> frozenset[str]:
        return frozenset(word for word, features in table.items() if test(features))

    return Pronouns(
        gender={w: str(f["gender"]) for w, f in table.items() if f.get("gender")},
        things=forms(lambda f: _third(f) and not f.get("gender") and "independent" not in _cases(f)),
        first_person=forms(lambda f: f.get("person") == 1),
        possessive=forms(lambda f: "possessive" in _cases(f)),
        person_holders=forms(lambda f: f.get("gender") and _cases(f) & {"subject", "possessive"}),
        person_speakers=forms(
            lambda f: (
                (f.get("gender") and _cases(f) & {"subject", "object"})
                or (f.get("person") == 1 and f.get("number") != "plural" and "subject" in _cases(f))
            )
        ),
        group_speakers=forms(lambda f: f.get("number") == "plural" and "subject" in _cases(f)),
        third_plural=forms(lambda f: _third(f) and f.get("number") == "plural"),
        relative=frozenset(str(w).lower() for w in data.get("relative_pronouns") or ()),
        singular_subjects=forms(
            lambda f: _third(f) and f.get("number") != "plural" and "subject" in _cases(f)
        )
        | _singular(data.get("demonstratives") or {}),
    )


def _singular(table: dict[str, Any]) -> frozenset[str]:
    return frozenset(str(w).lower() for w, f in table.items() if (f or {}).get("number") != "plural")


def _third(features: dict[str, Any]) -> bool:
    return features.get("person") == 3


def _cases(features: dict[str, Any]) -> set[str]:
    return set(features.get("case") or ())


def pronouns_of(doc: Doc) -> Pronouns:
    """The pronoun table of the annotator reading `doc`."""
    return knowledge_of(doc).derived(load_pronouns)

"""The reporting lexicon (verbs, speech nouns, markers) loaded once from knowledge/en."""

from __future__ import annotations

from dataclasses import dataclass

from ...knowledge import Knowledge
from ..pronouns import load_pronouns


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: frozenset[str]  # verbs of saying
    speech_acts: frozenset[str]  # verbs that report words but yield to a verb of saying above them
    phrasal: dict[str, tuple[frozenset[str], ...]]  # phrasal speech acts: "go" -> ({"on", "about"},)
    about_verbs: frozenset[str]
    speech_nouns: frozenset[str]
    owner_preps: frozenset[str]
    according_to: frozenset[str]
    name_markers: tuple[tuple[str, ...], ...]  # word sequences, lower case
    person_titles: frozenset[str]
    speaking_nouns: frozenset[str]  # people and bodies that can speak, named by a common noun
    voice_nouns: frozenset[str]  # those who speak for someone else ("a spokesman for X")
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    scare_max_words: int


def load_lexicon(knowledge: Knowledge | None = None) -> Lexicon:
    """The lexicon from `knowledge` (built once per pipeline through `Knowledge.derived`)."""
    knowledge = knowledge or Knowledge.from_env()
    data = knowledge.yaml("reporting_verbs.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or [])

    pronouns = knowledge.derived(load_pronouns)
    return Lexicon(
        verbs=words("verbs"),
        speech_acts=words("speech_acts"),
        phrasal=_phrasal(words("speech_acts")),
        about_verbs=words("about_verbs"),
        speech_nouns=words("speech_nouns"),
        owner_preps=words("owner_preps"),
        according_to=words("according_to"),
        name_markers=tuple(
            sorted(
                {tuple(str(m).lower().split()) for m in data.get("name_markers") or []}, key=len, reverse=True
            )
        ),
        person_titles=words("person_titles"),
        speaking_nouns=words("speaking_nouns"),
        voice_nouns=words("voice_nouns"),
        person_pronouns=pronouns.person_speakers,
        group_pronouns=pronouns.group_speakers,
        scare_max_words=int(data.get("scare_max_words", 3)),
    )


def _phrasal(entries: frozenset[str]) -> dict[str, tuple[frozenset[str], ...]]:
    out: dict[str, list[frozenset[str]]] = {}
    for entry in entries:
        head, *rest = entry.split()
        if rest:
            out.setdefault(head, []).append(frozenset(rest))
    return {head: tuple(rests) for head, rests in out.items()}

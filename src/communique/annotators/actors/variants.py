"""Transliteration variants of names, read from `knowledge/en/actors/variants.yaml`.

One person is spelt several ways ("Zelensky", "Zelenskyy", "Zelenskiy"; "Smirnov", "Smirnoff").
`VariantScheme.key` folds a (normalised, lower-case) name to one key per person: each word's ending
is replaced by the first of its class, and whole words by the first of their group.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...knowledge import Knowledge, load_yaml


@dataclass(frozen=True, slots=True)
class VariantScheme:
    endings: tuple[tuple[str, str], ...] = ()  # (ending, the ending it folds to), longest first
    words: dict[str, str] = field(default_factory=dict)  # word -> the word of its group it folds to
    min_stem: int = 3
    # the endings by their length, longest first: a word is looked up once per length, not once per ending
    _by_length: tuple[tuple[int, dict[str, str]], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_length: dict[int, dict[str, str]] = {}
        for ending, canonical in self.endings:  # the first of equal endings wins, as in a scan in order
            by_length.setdefault(len(ending), {}).setdefault(ending, canonical)
        object.__setattr__(self, "_by_length", tuple(sorted(by_length.items(), reverse=True)))

    def word_key(self, word: str) -> str:
        if word in self.words:
            return self.words[word]
        for length, canonical_of in self._by_length:
            stem = len(word) - length
            if stem >= self.min_stem and (canonical := canonical_of.get(word[stem:])) is not None:
                return word[:stem] + canonical
        return word

    def key(self, name: str) -> str:
        """The name with every word folded: "volodymyr zelenskiy" -> "volodymyr zelensky"; a hyphen between
        the parts of a name is a space ("Suk-yeol" is "Suk Yeol")."""
        return " ".join(self.word_key(w) for w in name.replace("-", " ").split())


def load_variants(knowledge: Knowledge | None = None) -> VariantScheme:
    """The scheme of `knowledge`; without one, of the shipped files and the environment's folder."""
    data = (knowledge.yaml("actors/variants.yaml") if knowledge else load_yaml("actors/variants.yaml")) or {}
    endings = [(ending, group[0]) for group in data.get("endings") or [] for ending in group]
    words = {w: group[0] for group in data.get("words") or [] for w in group}
    endings.sort(key=lambda e: -len(e[0]))
    return VariantScheme(tuple(endings), words, int(data.get("min_stem") or 3))

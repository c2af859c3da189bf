"""The matches of spaCy's attribute ruler, found from token arrays instead of by its Matcher.

The English pipelines' `attribute_ruler` maps each tag to a part of speech and fixes a few
words ("ain't", "gonna", auxiliaries): about 180 one- and two-token patterns. spaCy's
Matcher tries every pattern at every token, which cost 9-10 ms an article of real news
(a tenth of the whole parse). Every one of these patterns tests a token's tag, lowercase
form, dependency or space flag for equality, set membership or a regular expression, so
the same matches come from a few comparisons over the Doc's arrays: under 1 ms.

`AttributeMatches(ruler)` stands in for the ruler's `match` method and returns the same
list (the same `(rule, match id, start, end)` tuples, deduplicated and sorted as spaCy
does); the ruler still sets the attributes itself. A ruler holding any pattern outside
that subset (another attribute, an operator, a quantifier, an extension) keeps spaCy's
own Matcher: `AttributeMatches.install` returns False and changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# token attributes whose value in `Doc.to_array` is what the Matcher compares
ATTRIBUTES = ("TAG", "LOWER", "DEP", "IS_SPACE")
# cheap tests first: later ones only look at the tokens that passed the earlier ones
_COST = {"==": 0, "IN": 1, "NOT_IN": 2, "REGEX": 3}
# strings whose regular-expression test is remembered, at most (then forgotten at once)
REGEX_MEMORY = 100_000

Test = tuple[int, str, Any]  # (column in the Doc's array, operator, value)
Pattern = tuple[tuple[Test, ...], ...]  # the tests of each of its tokens
Rule = tuple[int, int, tuple[Pattern, ...]]  # (rule number, match id, its patterns)


class Unsupported(ValueError):
    """A pattern this module does not evaluate: the ruler keeps spaCy's Matcher."""


class AttributeMatches:
    """`ruler.match(doc)`, computed from the Doc's arrays (see the module docstring)."""

    def __init__(self, ruler: Any) -> None:
        from spacy.attrs import IDS

        self.strings = ruler.vocab.strings
        self.columns = [IDS[name] for name in ATTRIBUTES]
        self.rules: list[Rule] = []  # in the ruler's order, which is the order of its matches
        for rule in range(len(ruler.attrs)):
            key = str(rule)
            on_match, specs = ruler.matcher.get(key)
            if on_match is not None:
                raise Unsupported("a callback on a match")
            patterns = tuple(tuple(self._tests(spec) for spec in pattern) for pattern in specs)
            self.rules.append((rule, self.strings[key], patterns))
        self._regex_hits: dict[str, dict[int, bool]] = {}  # pattern -> string hash -> found

    @classmethod
    def install(cls, nlp: Language) -> bool:
        """Give `nlp`'s attribute ruler this matching; False (and nothing changed) if it cannot."""
        if "attribute_ruler" not in nlp.pipe_names:
            return False
        ruler = nlp.get_pipe("attribute_ruler")
        if isinstance(ruler.__dict__.get("match"), cls):
            return True
        try:
            ruler.match = cls(ruler)
        except Unsupported:
            return False
        return True

    def _tests(self, spec: dict) -> tuple[Test, ...]:
        from spacy.strings import get_string_id

        tests: list[Test] = []
        for name, value in spec.items():
            if name not in ATTRIBUTES:
                raise Unsupported(name)
            column = ATTRIBUTES.index(name)
            if isinstance(value, bool):
                tests.append((column, "==", int(value)))
            elif isinstance(value, str):
                tests.append((column, "==", get_string_id(value)))
            elif isinstance(value, dict) and len(value) == 1:
                (op, operand), = value.items()
                if op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in operand):
                    hashes = sorted({get_string_id(v) for v in operand})
                    tests.append((column, op, np.array(hashes, dtype=np.uint64)))
                elif op == "REGEX" and isinstance(operand, str):
                    tests.append((column, op, re.compile(operand)))
                else:
                    raise Unsupported(op)
            else:
                raise Unsupported(repr(value))
        return tuple(sorted(tests, key=lambda test: _COST[test[1]]))

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        if not len(doc):
            return []
        table = doc.to_array(self.columns)
        columns = [_Column(table[:, i]) for i in range(len(self.columns))]
        found: list[tuple[int, int, int, int]] = []
        for rule, match_id, patterns in self.rules:
            matches = [
                (rule, match_id, start, start + len(tokens))
                for tokens in patterns
                for start in self._starts(tokens, columns, len(doc)).tolist()
            ]
            # one pattern gives its starts in order; several may overlap (spaCy keeps one of each)
            found += matches if len(patterns) == 1 else sorted(set(matches))
        return found

    def _starts(self, tokens: Pattern, columns: list[_Column], length: int) -> np.ndarray:
        """Where the pattern of these `tokens` (one test list each) starts, in text order."""
        starts = self._first(tokens[0], columns)
        for offset, tests in enumerate(tokens[1:], 1):
            if not len(starts):
                break
            starts = starts[starts + offset < length]
            following = starts + offset
            for column, op, value in tests:
                starts = starts[self._passes(op, value, columns[column].values[following])]
                following = starts + offset
        return starts

    def _first(self, tests: tuple[Test, ...], columns: list[_Column]) -> np.ndarray:
        """The tokens passing `tests`: the first test picks them by value, the others check those."""
        (column, op, value), rest = tests[0], tests[1:]
        if op == "==":
            where = columns[column].having(value)
        elif op == "IN":
            where = columns[column].having_any(value.tolist())
        elif op == "REGEX":
            where = columns[column].having_any(self._found_in(value, columns[column].index))
        else:
            where = np.flatnonzero(self._passes(op, value, columns[column].values))
        return self._passing(rest, columns, where)

    def _passing(self, tests: tuple[Test, ...], columns: list[_Column], where: np.ndarray) -> np.ndarray:
        """The tokens of `where` that pass every one of `tests`."""
        for column, op, value in tests:
            if not len(where):
                break
            where = where[self._passes(op, value, columns[column].values[where])]
        return where

    def _passes(self, op: str, value: Any, values: np.ndarray) -> np.ndarray:
        if op == "==":
            return values == value
        if op == "IN":
            return _among(values, value)
        if op == "NOT_IN":
            return ~_among(values, value)
        return np.isin(values, self._found_in(value, values.tolist()))

    def _found_in(self, pattern: re.Pattern, hashes: Iterable[int]) -> list[int]:
        """Those of `hashes` whose string `pattern` is found in (a pure function of both: remembered)."""
        known = self._regex_hits.setdefault(pattern.pattern, {})
        if len(known) >= REGEX_MEMORY:
            known.clear()
        hits = []
        for string_hash in hashes:
            hit = known.get(string_hash)
            if hit is None:
                hit = known[string_hash] = bool(pattern.search(self.strings[string_hash]))
            if hit:
                hits.append(string_hash)
        return hits


class _Column:
    """One attribute of a Doc's tokens, with the tokens of each value found at once."""

    def __init__(self, values: np.ndarray) -> None:
        self.values = values
        self.order = np.argsort(values, kind="stable")  # tokens grouped by value, in text order within one
        distinct, firsts = np.unique(values[self.order], return_index=True)
        self.bounds = [*firsts.tolist(), len(values)]
        self.index = {value: k for k, value in enumerate(distinct.tolist())}

    def having(self, value: int) -> np.ndarray:
        k = self.index.get(value)
        return self.order[self.bounds[k] : self.bounds[k + 1]] if k is not None else _NONE

    def having_any(self, values: list[int]) -> np.ndarray:
        groups = [self.having(value) for value in values if value in self.index]
        return np.sort(np.concatenate(groups)) if groups else _NONE


_NONE = np.zeros(0, dtype=np.int64)


def _among(values: np.ndarray, hashes: np.ndarray) -> np.ndarray:
    """For each of `values`, whether it is one of the sorted `hashes` (as `np.isin`, which sorts both
    arrays again on every call)."""
    if not len(hashes):
        return np.zeros(len(values), dtype=bool)
    at = np.searchsorted(hashes, values).clip(max=len(hashes) - 1)
    return hashes[at] == values

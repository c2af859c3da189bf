"""One frozen Settings object, built once and passed in explicitly.

Order of precedence: defaults, then environment variables, then explicit
overrides (CLI flags or keyword arguments).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from typing import Any

from .errors import SettingsError

# Each setting: default, environment variable, help text (also used by the CLI and docs).
SETTINGS_HELP: dict[str, str] = {
    "db": "SQLite database file (env COMMUNIQUE_DB).",
    "spacy_model": "spaCy pipeline to load first (env COMMUNIQUE_SPACY_MODEL).",
    "batch_size": "Articles per spaCy batch.",
    "max_chars": "Articles longer than this many characters are refused; also spaCy's max_length "
    "(env COMMUNIQUE_MAX_CHARS; each 100,000 characters need roughly 100 MB to parse).",
    "annotators": "Annotators to run, in order (env COMMUNIQUE_ANNOTATORS, a comma list).",
}

DEFAULT_ANNOTATORS = ("time", "actors", "quotes", "events", "positions")
# spaCy needs about 1 GB of memory per million characters of one text: beyond this no machine copes.
MAX_CHARS_CEILING = 100_000_000


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "communique.db"
    spacy_model: str | None = None
    batch_size: int = 32
    # spaCy's own default max_length: the two limits are one (Pipeline sets spaCy's to this)
    max_chars: int = 1_000_000
    annotators: tuple[str, ...] = field(default=DEFAULT_ANNOTATORS)

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        env = {
            "db": os.environ.get("COMMUNIQUE_DB"),
            "spacy_model": os.environ.get("COMMUNIQUE_SPACY_MODEL"),
            "max_chars": os.environ.get("COMMUNIQUE_MAX_CHARS"),
            "annotators": os.environ.get("COMMUNIQUE_ANNOTATORS"),
        }
        values: dict[str, Any] = {k: v for k, v in env.items() if v}
        values.update({k: v for k, v in overrides.items() if v is not None})
        if "max_chars" in values:
            max_chars = values["max_chars"]
            values["max_chars"] = _whole_number("COMMUNIQUE_MAX_CHARS", max_chars, 1, MAX_CHARS_CEILING)
        if "annotators" in values:
            names = values["annotators"]
            # the environment gives a comma list ("time,actors")
            if isinstance(names, str):
                names = [n.strip() for n in names.split(",") if n.strip()]
            values["annotators"] = tuple(names)
        known = {f.name for f in fields(cls)}
        unknown = set(values) - known
        if unknown:
            raise ValueError(f"unknown settings: {', '.join(sorted(unknown))}")
        return replace(cls(), **values)


def _whole_number(name: str, value: Any, low: int, high: int) -> int:
    """`value` (an environment string or a number) as an int in [low, high]; else a SettingsError."""
    try:
        number = int(str(value).strip().replace("_", ""))
    except ValueError:
        shown = str(value)[:40]
        message = f"{name} must be a whole number from {low:,} to {high:,}, not {shown!r}"
        raise SettingsError(message) from None
    if not low <= number <= high:
        raise SettingsError(f"{name} must be from {low:,} to {high:,}, not {number:,}")
    return number

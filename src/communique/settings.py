"""One frozen Settings object, built once and passed in explicitly.

Order of precedence: defaults, then environment variables, then explicit
overrides (CLI flags or keyword arguments).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from typing import Any

# Each setting: default, environment variable, help text (also used by the CLI and docs).
SETTINGS_HELP: dict[str, str] = {
    "db": "SQLite database file (env COMMUNIQUE_DB).",
    "spacy_model": "spaCy pipeline to load first (env COMMUNIQUE_SPACY_MODEL).",
    "batch_size": "Articles per spaCy batch.",
    "max_chars": "Articles longer than this many characters are refused (env COMMUNIQUE_MAX_CHARS).",
    "annotators": "Annotators to run, in order (env COMMUNIQUE_ANNOTATORS, a comma list).",
}

DEFAULT_ANNOTATORS = ("time", "actors", "quotes", "events", "positions")


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "communique.db"
    spacy_model: str | None = None
    batch_size: int = 32
    max_chars: int = 2_000_000
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
            values["max_chars"] = int(values["max_chars"])
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

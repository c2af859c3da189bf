"""The actor gazetteer: states, capitals, demonyms, organisations, places and people, as lookups.

Built once from the data files in `knowledge/en/actors/` (extendable by the user's files of the
same names). Every surface form maps to one or more candidate `Entry`s; `Gazetteer.pick`
chooses the one valid at the article's date ("Moscow" is SUN in 1987 and RUS in 2025).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ...knowledge import Knowledge
from .variants import VariantScheme, load_variants

_DIR = "actors/"
STATE_KINDS = ("state", "demonym", "capital")  # entries that stand for a state


@dataclass(frozen=True, slots=True)
class Office:
    """One office a person held: the role is the one whose period holds the article's date."""

    country: str | None
    sector: str | None
    role: str | None
    valid_from: str = ""
    valid_to: str = ""

    def holds(self, date: str | None) -> bool:
        return date is None or (
            (not self.valid_from or self.valid_from <= date) and (not self.valid_to or date <= self.valid_to)
        )


@dataclass(frozen=True, slots=True)
class Entry:
    """A gazetteer actor. kind: state, demonym, capital, place, person, or an organisation kind."""

    key: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    valid_from: str = ""
    valid_to: str = ""
    gender: str | None = None
    offices: tuple[Office, ...] = ()
    broad: bool = False  # from the broad converted table (PETRARCH2), not from a curated list

    def valid(self, date: str | None) -> bool:
        if date is None:
            return not self.valid_to
        return (not self.valid_from or self.valid_from <= date) and (
            not self.valid_to or date <= self.valid_to
        )

    def office(self, date: str | None) -> Office | None:
        """The office held at `date`, else the nearest one in time (the latest when no date)."""
        if not self.offices:
            return None
        for office in self.offices:
            if office.holds(date):
                return office
        if date is None:
            return self.offices[-1]
        return min(self.offices, key=lambda o: _distance(o, date))


def _distance(office: Office, date: str) -> int:
    def days(d: str) -> int:
        y, m, dd = (int(x) for x in (d + "-01-01")[:10].split("-"))
        return y * 372 + m * 31 + dd

    target = days(date)
    ends = [days(d) for d in (office.valid_from, office.valid_to) if d]
    return min(abs(target - e) for e in ends) if ends else 0


# years after a broad-table person's last dated role in which a full name is still taken to be him
RECENT_YEARS = 10


def _dated_role(entry: Entry, date: str | None) -> bool:
    """A person of the broad table counts while a role it dates holds, or, named in full (two words or
    more), within RECENT_YEARS after his last one: politicians stay in public life, and the table's roles
    stop where its sources did ("Jose Raul Mulino" in 2025); a namesake decades later is someone else.
    Curated entries and organisations always count."""
    if not (entry.broad and entry.kind == "person") or any(o.holds(date) for o in entry.offices):
        return True
    if date is None or len(entry.name.split()) < 2:
        return False
    last = max((o.valid_to or o.valid_from for o in entry.offices), default="")
    return bool(last) and last[:4].isdigit() and int(date[:4]) - int(last[:4]) <= RECENT_YEARS \
        and last[:10] <= date[:10]


def _surname_near(entry: Entry, date: str | None, key: str) -> bool:
    """A lone surname names a gazetteer person only within RECENT_YEARS of one of his offices ("Kellogg" in
    a story decades before an envoy of that name took office is a company or someone else); a full name
    always names him."""
    if entry.kind != "person" or " " in key or not date or not date[:4].isdigit() or not entry.offices:
        return True
    year = int(date[:4])
    for office in entry.offices:
        start = int(office.valid_from[:4]) if office.valid_from[:4].isdigit() else year
        end = int(office.valid_to[:4]) if office.valid_to[:4].isdigit() else max(year, start)
        if start - RECENT_YEARS <= year <= end + RECENT_YEARS:
            return True
    return False


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def norm(text: str) -> str:
    """The lookup form of a surface: lower case, no leading "the", no possessive, single spaces, and folded
    (no diacritics, no inner apostrophes), so "José" finds "Jose" and "People's" finds "Peoples"."""
    t = " ".join(text.replace("’", "'").split()).lower()
    for suffix in ("'s", "'"):
        if t.endswith(suffix) and len(t) > 3:
            t = t[: -len(suffix)]
            break
    return fold(t.removeprefix("the ").strip())


_LETTERS = str.maketrans({
    "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th",
    "ʼ": "", "ʻ": "", "`": "", "'": "", "‘": "",
})


_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
_INITIAL = re.compile(r"^[a-z]\.?$|^(?:[a-z]\.){2,}$")


def _plain_name(key: str) -> str:
    """A person's name without the middle initials and the generation suffix news often adds ("john f.
    kerry" is "john kerry", "joseph r. biden jr." is "joseph biden"); the first and last names stay."""
    words = key.replace(",", " ").split()
    while len(words) > 2 and words[-1] in _SUFFIXES:
        words = words[:-1]
    if len(words) > 2:
        words = [words[0]] + [w for w in words[1:-1] if not _INITIAL.match(w)] + [words[-1]]
    return " ".join(words)


def fold(text: str) -> str:
    """Diacritics and apostrophes off a lower-case text; letters with no decomposition mapped by hand."""
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return text.translate(_LETTERS) if ("'" in text or not text.isascii()) else text


@dataclass(slots=True)
class Gazetteer:
    """Surface forms (normalised) -> candidate entries, plus the tables the resolver needs."""

    forms: dict[str, list[Entry]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # surface as written -> spaCy label for the ruler
    states: dict[str, Entry] = field(default_factory=dict)  # code -> state entry
    predecessor: dict[str, tuple[str, str]] = field(default_factory=dict)  # code -> (valid_from, older code)
    adjective: dict[str, str] = field(default_factory=dict)  # code -> first adjective ("Russian")
    offices: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)  # (country, role) -> people
    unforced: frozenset[str] = frozenset()  # surfaces the ruler must not force (Jordan, Georgia...)
    roles: dict[str, dict] = field(default_factory=dict)
    modifiers: frozenset[str] = frozenset()
    party_qualifiers: dict[str, str] = field(default_factory=dict)  # "republican" -> USA
    heads: list[dict] = field(default_factory=list)
    state_nouns: frozenset[str] = frozenset()
    variants: VariantScheme = field(default_factory=VariantScheme)
    by_variant: dict[str, list[Entry]] = field(default_factory=dict)  # people by their names' variant keys
    _state_forms: dict[str, list[Entry]] | None = None  # built on the first fuzzy lookup

    def add(self, surface: str, entry: Entry, label: str | None) -> None:
        """A surface for an entry; with `label` None it stays out of the entity ruler (found when tagged)."""
        key = norm(surface)
        if not key:
            return
        bucket = self.forms.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
        if label is not None:
            self.labels.setdefault(surface, label)

    def add_variant(self, surface: str, entry: Entry) -> None:
        """A person's full name under its transliteration key ("Zelenskiy" and "Zelensky" share one)."""
        key = self.variants.key(norm(surface))
        if " " in key:
            bucket = self.by_variant.setdefault(key, [])
            if entry not in bucket:
                bucket.append(entry)

    def lookup(self, text: str) -> list[Entry]:
        key = norm(text)
        found = self.forms.get(key)
        if found is None and " " in key:
            found = self.by_variant.get(self.variants.key(key))
            plain = _plain_name(key)
            if not found and plain != key:  # "John F. Kerry", "Joseph R. Biden Jr.": the name without them
                found = self.forms.get(plain) or self.by_variant.get(self.variants.key(plain))
        return found or []

    def pick(self, text: str, date: str | None, kinds: tuple[str, ...] | None = None) -> Entry | None:
        """The candidate for `text` valid at `date`: people and organisations before places."""
        key = norm(text)
        candidates = [
            e for e in self.lookup(text)
            if (kinds is None or e.kind in kinds) and _dated_role(e, date) and _surname_near(e, date, key)
        ]
        if not candidates:
            return None
        valid = [e for e in candidates if e.valid(date)] or candidates
        if len(valid) > 1 and valid[0].kind == "person":  # "Bush" in 1990 and in 2003
            holding = [e for e in valid if e.kind == "person" and any(o.holds(date) for o in e.offices)]
            if holding or date is None:
                return (holding or valid)[0]
            # no one holds office then: the namesake whose term lies nearest ("Clinton" in 2016 is Hillary)
            people = [e for e in valid if e.kind == "person" and e.offices]
            if people:
                return min(people, key=lambda e: min(_distance(o, date) for o in e.offices))
            return valid[0]
        return valid[0]

    def fuzzy_state(self, text: str, cutoff: float = 90.0) -> Entry | None:
        """A misspelt state name or adjective ("Ethopia", "Quatar"):
        the closest one, above a high threshold."""
        key = norm(text)
        if len(key) < 5 or " " in key or not text[:1].isupper():
            return None
        if self._state_forms is None:
            self._state_forms = {k: v for k, v in self.forms.items()
                                 if len(k) >= 5 and any(e.kind in ("state", "demonym") for e in v)}
        from rapidfuzz import fuzz, process

        best = process.extractOne(key, self._state_forms.keys(), scorer=fuzz.ratio, score_cutoff=cutoff)
        if best is None:
            return None
        return next(e for e in self._state_forms[best[0]] if e.kind in ("state", "demonym"))

    def code_at(self, code: str | None, date: str | None) -> str | None:
        """A state's code at a date: an institution of Russia before 1991-12-26 acts for SUN."""
        if code and date and code in self.predecessor:
            since, older = self.predecessor[code]
            if date < since:
                return older
        return code

    def office_holder(self, country: str, role: str, date: str | None) -> Entry | None:
        """The one person holding a state's office at a date; none when the office has several holders at
        once (a senator, a governor): the title alone does not say which."""
        holders = [
            person for person in self.offices.get((country, role), [])
            if any(o.holds(date) and o.role == role and o.country == country for o in person.offices)
        ]
        return holders[0] if len(holders) == 1 else None

    def ruler_patterns(self) -> list[dict]:
        """Phrase patterns for spaCy's EntityRuler: the gazetteer's names, as written."""
        out = []
        for surface, label in self.labels.items():
            if surface in self.unforced or (label == "PERSON" and " " not in surface):
                continue  # a lone surname is found after the model has run: "Marcos Tavares" is not Marcos
            out.append({"label": label, "pattern": surface, "id": "communique"})
        return out


def load_gazetteer(knowledge: Knowledge | None = None) -> Gazetteer:
    knowledge = knowledge or Knowledge.from_env()
    gaz = Gazetteer()
    _load_states(gaz, knowledge)
    _load_organisations(gaz, knowledge)
    _load_places(gaz, knowledge)
    _load_people(gaz, knowledge)
    gaz.variants = load_variants(knowledge)
    for form, entries in list(gaz.forms.items()):
        for entry in entries:
            if entry.kind == "person":
                gaz.add_variant(form, entry)
    _load_broad(gaz, knowledge)
    roles = knowledge.yaml(_DIR + "roles.yaml") or {}
    gaz.roles = {k.lower(): v or {} for k, v in (roles.get("roles") or {}).items()}
    gaz.modifiers = frozenset(m.lower() for m in roles.get("modifiers") or [])
    gaz.party_qualifiers = {k.lower(): v for k, v in (roles.get("party_qualifiers") or {}).items()}
    inst = knowledge.yaml(_DIR + "institutions.yaml") or {}
    gaz.heads = list(inst.get("heads") or [])
    gaz.state_nouns = frozenset(n.lower() for n in inst.get("state_nouns") or [])
    gaz.unforced = frozenset(knowledge.lines(_DIR + "unforced.txt"))
    # organisations and people outrank a city of the same name ("Brussels" acts for the EU)
    for bucket in gaz.forms.values():
        bucket.sort(key=lambda e: e.kind in ("capital", "demonym", "place"))
    return gaz


def _load_states(gaz: Gazetteer, knowledge: Knowledge) -> None:
    for row in knowledge.csv(_DIR + "states.csv"):
        code, name = row["code"], row["name"]
        vf, vt = row.get("valid_from") or "", row.get("valid_to") or ""
        state = Entry(f"state:{code}", name, "state", code, None, vf, vt)
        gaz.states[code] = state
        for surface in [name, *_split(row.get("aliases"))]:
            gaz.add(surface, state, "GPE")
        adjectives = _split(row.get("adjectives"))
        if adjectives:
            gaz.adjective[code] = adjectives[0]
        for adj in adjectives:
            gaz.add(adj, Entry(f"state:{code}", name, "demonym", code, None, vf, vt), "NORP")
        for city in _split(row.get("metonyms")):
            gaz.add(city, Entry(f"state:{code}", name, "capital", code, None, vf, vt), "GPE")
        if row.get("predecessor") and vf:
            gaz.predecessor[code] = (vf, row["predecessor"])
    for code, entry in gaz.states.items():
        gaz.adjective.setdefault(code, entry.name)


def _load_organisations(gaz: Gazetteer, knowledge: Knowledge) -> None:
    for row in knowledge.csv(_DIR + "organisations.csv"):
        kind = row.get("kind") or "organisation"
        entry = Entry(
            f"org:{row['name']}", row["name"], kind, row.get("country") or None, row.get("sector") or None,
            row.get("valid_from") or "", row.get("valid_to") or "",
        )
        for surface in [row["name"], *_split(row.get("aliases"))]:
            gaz.add(surface, entry, "ORG")


def _load_places(gaz: Gazetteer, knowledge: Knowledge) -> None:
    for row in knowledge.csv(_DIR + "places.csv"):
        entry = Entry(f"place:{row['name']}", row["name"], "place", row.get("country") or None)
        for surface in [row["name"], *_split(row.get("aliases"))]:
            gaz.add(surface, entry, row.get("label") or "GPE")


def _load_people(gaz: Gazetteer, knowledge: Knowledge) -> None:
    rows: dict[str, list[dict[str, str]]] = {}
    # leaders.csv (heads of state and government, foreign ministers since 1985) merges with people.csv by name
    for row in (*knowledge.csv(_DIR + "people.csv"), *knowledge.csv(_DIR + "leaders.csv")):
        rows.setdefault(row["name"], []).append(row)
    for name, group in rows.items():
        offices = tuple(
            Office(r.get("country") or None, r.get("sector") or None, (r.get("role") or "").lower() or None,
                   r.get("valid_from") or "", r.get("valid_to") or "")
            for r in sorted(group, key=lambda r: r.get("valid_from") or "")
        )
        entry = Entry(f"person:{name}", name, "person", offices[-1].country, offices[-1].sector,
                      gender=group[0].get("gender") or None, offices=offices)
        surfaces = [name]
        for r in group:
            surfaces.extend(a for a in _split(r.get("aliases")) if a not in surfaces)
        for surface in surfaces:
            gaz.add(surface, entry, "PERSON")
        for office in offices:
            if office.country and office.role:
                gaz.offices.setdefault((office.country, office.role), []).append(entry)


def _load_broad(gaz: Gazetteer, knowledge: Knowledge) -> None:
    """The broad converted tables (tools/convert_petrarch.py): only forms no curated list holds, kept out of
    the entity ruler, so they name what the model tags and never override our own lists."""
    for row in knowledge.csv(_DIR + "petrarch_organisations.csv"):
        entry = Entry(f"org:{row['name']}", row["name"], row.get("kind") or "organisation",
                      row.get("country") or None, row.get("sector") or None,
                      row.get("valid_from") or "", row.get("valid_to") or "", broad=True)
        for surface in [row["name"], *_split(row.get("aliases"))]:
            if norm(surface) not in gaz.forms:
                gaz.add(surface, entry, None)
    rows: dict[str, list[dict[str, str]]] = {}
    for row in knowledge.csv(_DIR + "petrarch_people.csv"):
        rows.setdefault(row["name"], []).append(row)
    for name, group in rows.items():
        offices = tuple(
            Office(r.get("country") or None, r.get("sector") or None, None, r.get("valid_from") or "",
                   r.get("valid_to") or "")
            for r in sorted(group, key=lambda r: r.get("valid_from") or "")
        )
        entry = Entry(f"person:{name}", name, "person", offices[-1].country, offices[-1].sector,
                      offices=offices, broad=True)
        for surface in [name, *_split(group[0].get("aliases"))]:
            if norm(surface) not in gaz.forms:
                gaz.add(surface, entry, None)

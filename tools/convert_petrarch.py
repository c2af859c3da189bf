"""Convert PETRARCH2's actor and agent dictionaries into communique's gazetteer files.

PETRARCH2 (https://github.com/openeventdata/petrarch2, MIT licence, Open Event Data Alliance)
ships TABARI-format dictionaries: tens of thousands of people with dated roles
("JAMES_BYRNES_ [USAELI 18970101-450703] [USAGOV 450703-470121]"), international and
non-state organisations, and about 2,000 generic agents ("REBEL [~REB]"). This script writes

    knowledge/en/actors/petrarch_people.csv          (the columns of people.csv)
    knowledge/en/actors/petrarch_organisations.csv   (the columns of organisations.csv)
    knowledge/en/actors/petrarch_agents.csv          form,sector

in the columns of people.csv and organisations.csv. A PETRARCH code is read as a state
(its first three letters, when they are a code of states.csv) and a sector; IGO codes map
onto the codes of the eval README (IGOUNO -> UN, IGOWSTNAT -> NATO), other IGOs, NGOs and
companies get no country (they act for no state). Roles that ended long ago are kept with
their dates; a name or alias our curated lists already hold is left out (curated wins).
Only full names (two words or more, no title in front) are kept, so a lone surname never
matches. Run from the repository root:

    .venv/bin/python tools/convert_petrarch.py --git /work/.mirror/openeventdata+petrarch2/repo/.git
    .venv/bin/python tools/convert_petrarch.py --dir DICTIONARY_FOLDER [--out FOLDER]
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ACTORS = ROOT / "src/communique/knowledge/en/actors"
FILES = {
    "countries": "Phoenix.Countries.actors.txt",
    "international": "Phoenix.International.actors.txt",
    "nonstate": "Phoenix.MilNonState.actors.txt",
    "agents": "Phoenix.agents.txt",
}
GIT_PATH = "petrarch2/data/dictionaries/"

# PETRARCH's role codes -> the sectors of the eval README (police and spies act for the government;
# religious, professional and social groups are civilians); codes not listed give no sector
SECTORS = {
    "GOV": "GOV",
    "MIL": "MIL",
    "REB": "REB",
    "OPP": "OPP",
    "JUD": "JUD",
    "LEG": "LEG",
    "MED": "MED",
    "BUS": "BUS",
    "CVL": "CVL",
    "COP": "GOV",
    "SPY": "GOV",
    "IGO": "IGO",
    "NGO": "NGO",
    "UAF": "REB",
    "AGR": "CVL",
    "EDU": "CVL",
    "HLH": "CVL",
    "LAB": "CVL",
    "REF": "CVL",
    "REL": "CVL",
    "CHR": "CVL",
    "MUS": "CVL",
    "JEW": "CVL",
    "HIN": "CVL",
    "BUD": "CVL",
    "ENV": "CVL",
    "HRI": "NGO",
    "PPL": "CVL",
}
# the last three letters of an IGO code that is one of ours (UN bodies keep the UN's code)
IGO_CODES = {
    "UNO": "UN",
    "EEC": "EU",
    "NAT": "NATO",
    "WBK": "WB",
    "WHO": "WHO",
    "IAE": "IAEA",
    "OPC": "OPEC",
    "IMF": "IMF",
    "ASN": "ASEAN",
    "AFU": "AU",
    "ARL": "ARL",
    "ICC": "ICC",
    "WTO": "WTO",
    "GCC": "GCC",
}
# words that open a title, not a name: "PRESIDENT_VLADIMIR_PUTIN" is read by the title rules
TITLE_WORDS = {
    "president",
    "prime",
    "premier",
    "minister",
    "foreign",
    "defense",
    "defence",
    "secretary",
    "secretary-general",
    "general",
    "gen",
    "gen.",
    "king",
    "queen",
    "prince",
    "crown",
    "sheikh",
    "emir",
    "sultan",
    "chancellor",
    "vice",
    "deputy",
    "acting",
    "former",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "dr",
    "dr.",
    "col",
    "col.",
    "colonel",
    "ayatollah",
    "un",
    "u.n.",
    "united",
    "leader",
    "chief",
    "ambassador",
    "senator",
    "governor",
    "mayor",
    "judge",
    "justice",
    "the",
    "pope",
    "cardinal",
    "archbishop",
    "bishop",
    "lt",
    "lt.",
    "maj",
    "maj.",
    "capt",
    "capt.",
    "admiral",
}
# words that make an entry of the countries file an organisation rather than a person
ORG_WORDS = {
    "party",
    "forces",
    "force",
    "army",
    "movement",
    "agency",
    "ministry",
    "committee",
    "council",
    "front",
    "brigade",
    "brigades",
    "union",
    "league",
    "government",
    "parliament",
    "assembly",
    "court",
    "police",
    "guard",
    "guards",
    "bank",
    "corporation",
    "company",
    "organization",
    "organisation",
    "service",
    "services",
    "navy",
    "command",
    "congress",
    "commission",
    "office",
    "department",
    "group",
    "alliance",
    "coalition",
    "militia",
    "authority",
    "news",
    "television",
    "radio",
    "institute",
    "university",
    "bureau",
    "senate",
    "cabinet",
    "junta",
}
LOWER_PARTICLES = {
    "al",
    "el",
    "bin",
    "ibn",
    "bint",
    "de",
    "da",
    "del",
    "der",
    "van",
    "von",
    "la",
    "le",
    "du",
    "dos",
    "das",
    "di",
    "y",
    "ul",
    "ud",
    "of",
    "the",
    "and",
    "for",
    "in",
    "on",
    "to",
}


@dataclass
class Record:
    """One dictionary entry: its phrases (primary first), its coded periods, and the comment on its line."""

    phrases: list[str]
    periods: list[tuple[str, str, str]] = field(default_factory=list)  # (code, valid_from, valid_to)
    comment: str = ""


# ---------------------------------------------------------------- reading the TABARI format


def read_records(lines: Iterable[str]) -> Iterator[Record]:
    """Entries of an actors file: a primary phrase line, '+' synonym lines, indented [CODE dates] lines."""
    current: Record | None = None
    for raw in lines:
        line, _, comment = raw.rstrip("\n").partition("#")
        if not line.strip():
            continue
        if line[0] in " \t":
            if current is not None:
                current.periods.extend(_periods(line))
        elif line.startswith("+"):
            if current is not None:
                current.phrases.append(_phrase(line[1:]))
        else:
            if current is not None:
                yield current
            current = Record([_phrase(line)], _periods(line), comment)
    if current is not None:
        yield current


def _phrase(text: str) -> str:
    """ "VLADIMIR_PUTIN_  ; CountryInfo.txt [RUSGOV]" -> "VLADIMIR PUTIN" """
    text = re.split(r"[\[;{]", text, maxsplit=1)[0]
    return " ".join(text.replace("_", " ").split())


def _periods(line: str) -> list[tuple[str, str, str]]:
    out = []
    for inside in re.findall(r"\[([^\]]*)\]", line):
        parts = inside.split()
        if not parts or parts[0].startswith("-"):
            continue
        valid = _restriction("".join(parts[1:]))
        if valid is not None:
            out.append((parts[0], *valid))
    return out


def _restriction(text: str) -> tuple[str, str] | None:
    """ "<date", ">date", "date-date" or "" -> (valid_from, valid_to); None when a date cannot be read."""
    if not text:
        return "", ""
    if text[0] in "<>":
        day = _date(text[1:])
        if day is None:
            return None
        return ("", day) if text[0] == "<" else (day, "")
    start, _, end = text.partition("-")
    first, last = _date(start), _date(end)
    return None if first is None or last is None else (first, last)


def _date(text: str) -> str | None:
    """YYMMDD (years up to 20 are 20YY, as in dictionaries made in 2014) or YYYYMMDD -> YYYY-MM-DD."""
    if not text.isdigit() or len(text) not in (6, 8):
        return None
    if len(text) == 6:
        text = ("20" if int(text[:2]) <= 20 else "19") + text
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8])).isoformat()
    except ValueError:
        return None


# ---------------------------------------------------------------- codes, names, periods


def read_code(code: str, states: set[str]) -> tuple[str | None, str | None, str] | None:
    """(country, sector, kind) a PETRARCH code stands for; None when it names no usable actor."""
    head, rest = code[:3], code[3:]
    if head == "IGO":
        return IGO_CODES.get(rest[-3:]) or IGO_CODES.get(rest[:3]), "IGO", "igo"
    if head == "NGO":
        return None, "NGO", "ngo"
    if head == "MNC":
        return None, "BUS", "company"
    if head == "MED":
        return None, "MED", "media"
    if head in states:
        sector = SECTORS.get(rest[:3])
        return head, sector, _kind(sector)
    if rest[:3] == "REB" or head in ("IMG", "UAF"):
        # an armed group coded by region or as international: where it operates is for the article to say
        return None, "REB", "organisation"
    return None


def _kind(sector: str | None) -> str:
    return {"MED": "media", "REB": "group", "OPP": "group", "BUS": "company", "NGO": "ngo"}.get(
        sector or "", "institution"
    )


def display_name(phrase: str) -> str:
    """ "ABDEL_FATTAH_AL-BURHAN" -> "Abdel Fattah al-Burhan": the dictionaries are upper case."""
    words = []
    for n, word in enumerate(phrase.split()):
        parts = [p.capitalize() for p in word.lower().split("-")]
        if n > 0 and parts[0].lower() in LOWER_PARTICLES:
            parts[0] = parts[0].lower()
        words.append("-".join(parts))
    return " ".join(words)


def is_full_name(phrase: str) -> bool:
    """Two words or more, no title in front, no digits or stray marks: safe to look up on its own."""
    words = phrase.lower().split()
    return (
        len(words) >= 2 and words[0] not in TITLE_WORDS and bool(re.fullmatch(r"[a-z .'\-]+", phrase.lower()))
    )


def _next_day(day: str, step: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=step)).isoformat()


OPEN_END_DAYS = 3652  # a role with no end date, or the default after the last one, counts for ten years


def offices(periods: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Dated periods, an open end closed ten years on; an undated code is TABARI's default (it holds when no
    dated one does): for ten years after the last dated period ends, or before the first begins when the
    last has no end."""
    dated = [
        (code, start, end or _next_day(start, OPEN_END_DAYS)) if start else (code, start, end)
        for code, start, end in periods
        if start or end
    ]
    out = list(dated)
    for code, _, _ in (p for p in periods if not (p[1] or p[2])):
        if not dated:
            out.append((code, "", ""))
        elif all(p[2] for p in periods if p[1] or p[2]):
            last = max(p[2] for p in dated)
            out.append((code, _next_day(last, 1), _next_day(last, OPEN_END_DAYS)))
        else:
            out.append((code, "", _next_day(min(p[1] for p in dated if p[1]), -1)))
    return out


# ---------------------------------------------------------------- rows


def person_rows(record: Record, states: set[str], curated: set[str]) -> list[list[str]]:
    """people.csv rows of one person (one per office with a state's code), curated names left out."""
    if any(p.lower() in curated for p in record.phrases if is_full_name(p)):
        return []  # one of the names is ours already: the curated entry wins
    names = [
        p for p in record.phrases if is_full_name(p)
    ]  # "SECRETARY-GENERAL_X" is a title form, not a name
    if not names:
        return []
    rows = []
    for code, start, end in offices(record.periods):
        read = read_code(code, states)
        if read is None or read[0] is None:
            continue  # a period of no state or international body of ours
        country, sector, _ = read
        rows.append(["", "", country or "", sector or "", "", start, end, ""])
    if rows:
        rows[0][0] = display_name(names[0])
        rows[0][1] = "|".join(display_name(a) for a in _unique(names[1:]))
        for row in rows[1:]:
            row[0] = rows[0][0]
    return rows


def organisation_row(record: Record, states: set[str], curated: set[str]) -> list[str] | None:
    """organisations.csv row of one organisation, or None (no usable code, or ours already)."""
    names = [_without_brackets(p) for p in record.phrases]
    short = [m for p in record.phrases for m in re.findall(r"\(([A-Z][A-Z.\-]{2,})\)", p)]
    names = [n for n in _unique(names + short) if n and n.lower() not in curated and not n[0].isdigit()]
    if not names or not record.periods or _without_brackets(record.phrases[0]).lower() in curated:
        return None
    code, start, end = record.periods[0]
    read = read_code(code, states)
    if read is None:
        return None
    country, sector, kind = read
    aliases = [a if a.isupper() and len(a) <= 6 else display_name(a) for a in names[1:]]
    return [display_name(names[0]), "|".join(aliases), country or "", sector or "", kind, start, end]


def _without_brackets(phrase: str) -> str:
    return " ".join(re.sub(r"\([^)]*\)", " ", phrase).split())


def _unique(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item.lower() not in seen:
            seen.add(item.lower())
            out.append(item)
    return out


def is_organisation(record: Record) -> bool:
    """An entry of the countries file that is no person: one of its words names a body."""
    return bool(set(record.phrases[0].lower().split()) & ORG_WORDS)


def agent_rows(lines: Iterable[str]) -> list[list[str]]:
    """(form, sector) of the generic agents, !SUBSTITUTION! sets expanded, plurals given in {...} kept."""
    substitutions: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        set_def = re.fullmatch(r"(![A-Z]+!)\s*=\s*(.+)", line)
        if set_def:
            substitutions[set_def.group(1)] = [w.strip() for w in set_def.group(2).split(",")]
            continue
        match = re.fullmatch(r"([^\[{]+?)\s*(?:\{([^}]*)\})?\s*\[(~?)([A-Z]{3})[A-Z]*(~?)\]", line)
        if not match or match.group(4) not in SECTORS or match.group(3) != "~":
            continue  # "[NGM~]" names a group by its members' religion or ethnicity: no sector of ours
        forms = [match.group(1)] + (match.group(2) or "").split()
        for form in forms:
            for expanded in _expand(form, substitutions):
                text = " ".join(expanded.replace("_", " ").lower().split())
                if text and re.fullmatch(r"[a-z][a-z '\-.]*", text):
                    out.setdefault(text, SECTORS[match.group(4)])
    return [[form, sector] for form, sector in sorted(out.items())]


def _expand(form: str, substitutions: dict[str, list[str]]) -> list[str]:
    marker = re.search(r"![A-Z]+!", form)
    if not marker:
        return [form]
    return [
        x
        for value in substitutions.get(marker.group(), [])
        for x in _expand(form.replace(marker.group(), value, 1), substitutions)
    ]


# ---------------------------------------------------------------- curated lists, output


def curated_surfaces(actors: Path) -> tuple[set[str], set[str]]:
    """(state codes, lower-case surfaces of every curated state, organisation and person)."""

    def rows(name: str) -> list[dict[str, str]]:
        text = (actors / name).read_text(encoding="utf-8")
        return list(
            csv.DictReader(line for line in text.splitlines() if line.strip() and not line.startswith("#"))
        )

    states = {r["code"] for r in rows("states.csv")} | {
        r["predecessor"] for r in rows("states.csv") if r["predecessor"]
    }
    surfaces: set[str] = set()
    for name, columns in (
        ("states.csv", ("name", "aliases", "adjectives", "metonyms")),
        ("organisations.csv", ("name", "aliases")),
        ("people.csv", ("name", "aliases")),
        ("leaders.csv", ("name", "aliases")),
        ("places.csv", ("name", "aliases")),
    ):
        for row in rows(name):
            for column in columns:
                surfaces.update(s.strip().lower() for s in (row.get(column) or "").split("|") if s.strip())
    return states, surfaces


HEADER = (
    "# version: 1  converted by tools/convert_petrarch.py from PETRARCH2's {source}\n"
    "# (github.com/openeventdata/petrarch2, MIT licence, (c) 2014 Open Event Data Alliance).\n"
    "# Curated lists win: names they hold are left out here.\n"
)


def write_csv(path: Path, source: str, columns: list[str], rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    buffer.write(HEADER.format(source=source))
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def convert(texts: dict[str, str], out: Path, actors: Path = ACTORS) -> dict[str, int]:
    """Write the three files into `out` from the dictionaries' texts; returns row counts."""
    states, curated = curated_surfaces(actors)
    people: list[list[str]] = []
    organisations: list[list[str]] = []
    seen: set[str] = set()
    for source in ("countries", "international", "nonstate"):
        for record in read_records(texts.get(source, "").splitlines()):
            key = record.phrases[0].lower()
            if key in seen or not record.periods:
                continue
            seen.add(key)
            if source == "countries" and all(len(code) == 3 for code, _, _ in record.periods):
                continue  # a state's own names: states.csv is curated
            if source == "countries" and not is_organisation(record):
                people.extend(person_rows(record, states, curated))
                continue
            if source == "international" and ("IGOrulers" in record.comment or _person_like(record)):
                people.extend(person_rows(record, states, curated))
                continue
            row = organisation_row(record, states, curated)
            if row is not None:
                organisations.append(row)
    agents = agent_rows(texts.get("agents", "").splitlines())
    out.mkdir(parents=True, exist_ok=True)
    write_csv(
        out / "petrarch_people.csv",
        "actor dictionaries (people, dated roles)",
        ["name", "aliases", "country", "sector", "role", "valid_from", "valid_to", "gender"],
        people,
    )
    write_csv(
        out / "petrarch_organisations.csv",
        "actor dictionaries (organisations and groups)",
        ["name", "aliases", "country", "sector", "kind", "valid_from", "valid_to"],
        organisations,
    )
    write_csv(
        out / "petrarch_agents.csv",
        "agents dictionary (generic agents and their sector)",
        ["form", "sector"],
        agents,
    )
    return {"people": len({r[0] for r in people}), "organisations": len(organisations), "agents": len(agents)}


def _person_like(record: Record) -> bool:
    """An entry of the international file that is a person: dated periods, a plain name, no body's word."""
    words = record.phrases[0].lower().split()
    dated = any(start or end for _, start, end in record.periods)
    return dated and 2 <= len(words) <= 4 and not set(words) & ORG_WORDS


def _read_git(git_dir: str) -> dict[str, str]:
    def show(name: str) -> str:
        done = subprocess.run(
            ["git", "--git-dir", git_dir, "show", f"HEAD:{GIT_PATH}{name}"], capture_output=True, check=True
        )
        return done.stdout.decode("utf-8", errors="replace")

    return {key: show(name) for key, name in FILES.items()}


def _read_dir(folder: Path) -> dict[str, str]:
    return {
        key: (folder / name).read_text(encoding="utf-8", errors="replace")
        for key, name in FILES.items()
        if (folder / name).is_file()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--git", help="a clone (or bare repository) of openeventdata/petrarch2")
    source.add_argument("--dir", type=Path, help="a folder holding the Phoenix.*.txt dictionaries")
    parser.add_argument(
        "--out", type=Path, default=ACTORS, help="where to write the CSV files (default: the package's)"
    )
    args = parser.parse_args(argv)
    try:
        texts = _read_git(args.git) if args.git else _read_dir(args.dir)
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"cannot read the dictionaries: {exc}", file=sys.stderr)
        return 1
    counts = convert(texts, args.out)
    print(", ".join(f"{n} {what}" for what, n in counts.items()), "written to", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

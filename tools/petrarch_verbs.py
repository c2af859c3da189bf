"""Candidate event triggers from PETRARCH2's CAMEO verb dictionary, mapped to PLOVER, for review by hand.

PETRARCH2 (github.com/openeventdata/petrarch2, MIT licence) codes events in CAMEO from a verb
dictionary: blocks of synonymous verbs with a CAMEO code, each followed by patterns that refine the
code by the verb's object or preposition. This script reads such a dictionary, maps each CAMEO code to
a PLOVER type and mode through the CAMEO-to-PLOVER table of the PLOVER project, drops modes PLOVER 2.0
does not have, skips lemmas `event_triggers.yaml` already has, and writes the rest as candidate entries
in our frame format, each with `source: "petrarch2:<CAMEO code>"`.

The output is a list to read, not a file to import: CAMEO's default sense of a verb is often not
PLOVER's (prevent is not ACCUSE, issue is not COOPERATE, train is not AGREE), so each entry that lands
in the lexicon is checked by hand against the PLOVER manual's definition of its type and mode.

    git -C /path/to/petrarch2 show HEAD:petrarch2/data/dictionaries/CAMEO.2.0.txt > /tmp/cameo.txt
    .venv/bin/python tools/petrarch_verbs.py /tmp/cameo.txt \\
        --table ../shared/reference/CAMEO2PLOVER-2021.txt [--patterns] [-o candidates.yaml]
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

PACKAGE_KNOWLEDGE = Path(__file__).resolve().parent.parent / "src/communique/knowledge/en"

BLOCK_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
CODE = re.compile(r"\[([^\]]*)\]")
# words that, after a verb, make a particle verb ("pull out", "crack down") rather than name its object
PARTICLES = frozenset({"up", "down", "out", "off", "back", "away", "in", "on", "over", "at", "for", "into",
                       "through", "with", "against", "to", "from", "upon", "about", "aside", "apart"})


@dataclass(frozen=True)
class Pattern:
    """A pattern that refines a verb's code: an object noun, a preposition, or both."""

    code: str
    objects: tuple[str, ...] = ()
    prep: str | None = None


@dataclass
class VerbEntry:
    """One verb of a dictionary block: its lemma, particle or fixed object, and code."""

    lemma: str
    block: str
    code: str | None
    particles: tuple[str, ...] = ()
    fixed_object: str | None = None
    patterns: list[Pattern] = field(default_factory=list)


@dataclass(frozen=True)
class PloverCode:
    type: str
    mode: str | None
    description: str


def first_code(text: str) -> str | None:
    """The event code of a "[...]" field: "042:043" -> "042"; the null code "---" or ":173" -> None."""
    code = text.strip().split(":")[0].strip().rstrip("-").strip()
    return code if code and code.isdigit() else None


def singular(word: str) -> str:
    """A crude singular for pattern nouns, which the dictionary writes as they appear ("SANCTIONS")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def parse_verb_line(line: str, block: str, block_code: str | None) -> VerbEntry | None:
    """A verb line ("SPEED {SPED ...} [073]", "+CRACK_DOWN {...}"): its lemma and code, if it has a verb."""
    body = re.sub(r"\{[^}]*\}", " ", line.split("#")[0])
    code_match = CODE.search(body)
    code = first_code(code_match.group(1)) if code_match else block_code
    words = CODE.sub(" ", body).split()
    if not words:
        return None
    parts = words[0].lower().split("_")
    marked = [i for i, p in enumerate(parts) if p.startswith("+")]
    head = marked[0] if marked else 0
    if head > 0:
        return None  # a word before the verb ("wire tap"): not a frame our lexicon can state
    lemma, rest = parts[head].lstrip("+"), parts[head + 1:]
    if not lemma.isalpha():
        return None
    if all(r in PARTICLES for r in rest):
        return VerbEntry(lemma, block, code, particles=tuple(rest))
    return VerbEntry(lemma, block, code, fixed_object=singular(rest[-1]))


def parse_pattern(line: str, synsets: dict[str, list[str]]) -> Pattern | None:
    """A pattern with nothing before the verb and one object or one prepositional phrase after it."""
    match = re.match(r"^-\s*\*\s*(.*?)\s*\[([^\]]*)\]", line)
    code = first_code(match.group(2)) if match else None
    if match is None or code is None:
        return None
    post = match.group(1).strip()
    prep = None
    phrase = re.fullmatch(r"\((\w+)(?:\s+(.+))?\)", post)
    if phrase:
        prep, post = phrase.group(1).lower(), (phrase.group(2) or "").strip()
    if post.startswith("{") and post.endswith("}"):
        post = post[1:-1].split()[-1]  # a braced phrase: its last word is the head
    if post.startswith("&"):
        objects = tuple(synsets.get(post[1:].rstrip("_"), ()))
    elif re.fullmatch(r"[A-Z][A-Z-]*", post):
        objects = (singular(post.lower()),)
    elif not post and prep:
        objects = ()
    else:
        return None
    return Pattern(code, objects, prep) if objects or prep else None


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    """Synonym sets ("&FOOD" then "+RICE" lines): single-word members, lower-cased."""
    out: dict[str, list[str]] = {}
    name = None
    for raw in lines:
        line = raw.split("#")[0].strip()
        if line.startswith("&"):
            name = line[1:].rstrip("_")
            out[name] = []
        elif line.startswith("+") and name is not None:
            word = line[1:].strip().lower().rstrip("_")
            if word.isalpha():
                out[name].append(singular(word))
        elif line.startswith("---"):
            name = None
    return out


def parse_dictionary(text: str) -> list[VerbEntry]:
    """Every verb of every block, with the simple patterns of its block attached to the verb they name."""
    lines = text.splitlines()
    synsets = read_synsets(lines)
    entries: list[VerbEntry] = []
    block_entries: dict[str, VerbEntry] = {}
    block, block_code = None, None
    for raw in lines:
        header = BLOCK_HEADER.match(raw)
        if header:
            block, block_code = header.group(1), first_code(header.group(2))
            block_entries = {}
            continue
        line = raw.strip()
        if block is None or not line or line.startswith("#"):
            continue  # the synonym sets before the first block, a blank line, a comment
        if line.startswith("-"):
            pattern = parse_pattern(line, synsets)
            if pattern is not None and block_entries:
                named = line.split("#")[1].strip().lower() if "#" in line else ""
                owner = block_entries.get(named) or next(iter(block_entries.values()))
                owner.patterns.append(pattern)
            continue
        entry = parse_verb_line(line, block, block_code)
        if entry is not None:
            entries.append(entry)
            block_entries.setdefault(entry.lemma, entry)
    return entries


def read_table(text: str, modes: dict[str, set[str]]) -> dict[str, PloverCode]:
    """The CAMEO-to-PLOVER table ("0841: RETREAT, release, legal # Return, release person(s)"); a mode
    that PLOVER 2.0 does not list for the type is dropped."""
    table: dict[str, PloverCode] = {}
    for raw in text.splitlines():
        body, _, description = raw.partition("#")
        code, sep, rest = body.partition(":")
        fields = [f.strip() for f in rest.split(",")]
        if not sep or not code.strip().isdigit() or not fields[0]:
            continue
        ptype = fields[0].upper()
        mode = fields[1] if len(fields) > 1 and fields[1] in modes.get(ptype, set()) else None
        table[code.strip()] = PloverCode(ptype, mode, description.strip())
    return table


def plover_code(code: str | None, table: dict[str, PloverCode]) -> PloverCode | None:
    """The PLOVER type and mode of a CAMEO code, or of its parent code ("1951" -> "195")."""
    while code:
        if code in table:
            return table[code]
        code = code[:-1] if len(code) > 3 else None
    return None


def frame_of(code: str | None, table: dict[str, PloverCode], **conditions: object) -> tuple[dict, str] | None:
    """One candidate frame in our format, with its origin and the CAMEO description as a comment."""
    found = plover_code(code, table)
    if found is None:
        return None
    frame: dict[str, object] = {"type": found.type}
    if found.mode:
        frame["mode"] = found.mode
    frame.update({k: v for k, v in conditions.items() if v})
    frame["source"] = f"petrarch2:{code}"
    return frame, found.description


def candidates(entries: list[VerbEntry], table: dict[str, PloverCode], known: set[str],
               patterns: bool = False) -> dict[str, list[tuple[dict, str]]]:
    """Candidate frames per new lemma: pattern frames first (the first whose conditions hold wins)."""
    out: dict[str, list[tuple[dict, str]]] = {}
    for entry in entries:
        if entry.lemma in known:
            continue
        frames: list[tuple[dict, str] | None] = []
        if patterns:
            frames += [frame_of(p.code, table, when_prep=[p.prep] if p.prep else None,
                                when_obj=list(p.objects) or None) for p in entry.patterns]
        frames.append(frame_of(entry.code, table, when_prep=list(entry.particles) or None,
                               when_obj=[entry.fixed_object] if entry.fixed_object else None))
        kept = [f for f in frames if f is not None]
        if kept:
            out.setdefault(entry.lemma, [])
            out[entry.lemma] += [f for f in kept if f not in out[entry.lemma]]
    for frames in out.values():
        frames.sort(key=lambda f: not ("when_prep" in f[0] or "when_obj" in f[0]))  # conditioned senses first
    return out


def render(found: dict[str, list[tuple[dict, str]]]) -> str:
    """Candidates as YAML in the lexicon's format, grouped by the type of each lemma's last frame."""
    lines = ["# Candidate triggers from PETRARCH2's CAMEO verb dictionary (MIT licence, (c) 2015 Open Event",
             "# Data Alliance), mapped through CAMEO2PLOVER-2021. To review by hand, not to import.",
             "verbs:"]
    by_type: dict[str, list[str]] = {}
    for lemma, frames in found.items():
        by_type.setdefault(frames[-1][0]["type"], []).append(lemma)
    for ptype in sorted(by_type):
        lines.append(f"  # ---- {ptype}")
        for lemma in sorted(by_type[ptype]):
            lines.append(f"  {lemma}:")
            for frame, description in found[lemma]:
                flow = yaml.safe_dump(frame, default_flow_style=True, sort_keys=False, width=1000).strip()
                lines.append(f"    - {flow}  # {description}")
    return "\n".join(lines) + "\n"


def known_lemmas(lexicon: Path) -> set[str]:
    data = yaml.safe_load(lexicon.read_text(encoding="utf-8")) or {}
    return {str(k).lower() for k in (data.get("verbs") or {})}


def plover_modes(plover: Path) -> dict[str, set[str]]:
    types = (yaml.safe_load(plover.read_text(encoding="utf-8")) or {}).get("types") or {}
    return {name: set((info or {}).get("modes") or ()) for name, info in types.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dictionary", help="PETRARCH2 verb dictionary (CAMEO.2.0.txt), or - for stdin")
    parser.add_argument("--table", required=True, help="CAMEO2PLOVER table (CAMEO2PLOVER-2021.txt)")
    parser.add_argument("--lexicon", default=str(PACKAGE_KNOWLEDGE / "event_triggers.yaml"),
                        help="our trigger lexicon: lemmas it has are skipped")
    parser.add_argument("--plover", default=str(PACKAGE_KNOWLEDGE / "plover.yaml"),
                        help="PLOVER 2.0 types and modes: other modes are dropped")
    parser.add_argument("--patterns", action="store_true", help="also emit frames from simple patterns")
    parser.add_argument("-o", "--output", help="write here instead of stdout")
    args = parser.parse_args(argv)
    try:
        source = sys.stdin if args.dictionary == "-" else None
        text = source.read() if source else Path(args.dictionary).read_text(encoding="utf-8")
        table = read_table(Path(args.table).read_text(encoding="utf-8"), plover_modes(Path(args.plover)))
        known = known_lemmas(Path(args.lexicon))
    except (OSError, yaml.YAMLError) as err:
        print(f"petrarch_verbs: cannot read input: {err}", file=sys.stderr)
        return 2
    out = render(candidates(parse_dictionary(text), table, known, patterns=args.patterns))
    if args.output:
        Path(args.output).write_text(out, encoding="utf-8")
    else:
        sys.stdout.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())

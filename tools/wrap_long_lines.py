"""Wrap the lines over the line-length limit in Python files, touching only those lines' statements.

The repository is not ruff-formatted as a whole, so formatting whole files would bury a
line-length fix in unrelated layout changes. Per file, this tool:

1. moves a trailing comment that makes its line too long onto its own line above it;
2. formats each statement holding a long line on its own (`ruff format --range`), so the
   rest of the file keeps its hand layout;
3. packs back into filled lines the runs of plain literals (word lists, column names) that
   the formatter put one per line, when the file did not already have them so.

What it cannot wrap (long strings, docstrings, SQL, comments) it lists for a person to
split by hand. Read the diff before committing: the layout is the formatter's.

    python tools/wrap_long_lines.py src/communique/annotators tests/annotators
"""

from __future__ import annotations

import argparse
import io
import json
import re
import subprocess
import sys
import tokenize
from pathlib import Path

LIMIT = 110  # [tool.ruff] line-length in pyproject.toml
RUFF = [sys.executable, "-m", "ruff"]
_LITERAL_ITEM = re.compile(r"""^(\s+)((?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|-?\d[\d_]*),)$""")


def long_lines(paths: list[str]) -> dict[Path, list[int]]:
    """File -> numbers of its lines over the limit, as ruff's E501 reports them."""
    found = subprocess.run(
        [*RUFF, "check", "--select", "E501", "--output-format", "json", "--exit-zero", *paths],
        capture_output=True, text=True, check=True,
    )
    lines: dict[Path, list[int]] = {}
    for diagnostic in json.loads(found.stdout):
        lines.setdefault(Path(diagnostic["filename"]), []).append(diagnostic["location"]["row"])
    return lines


def move_trailing_comments(path: Path, rows: list[int]) -> None:
    """A comment after code on a long line goes on its own line above, at the line's indent."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    moves: dict[int, tuple[int, str]] = {}
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        row, col = token.start
        # noqa and type: directives only work where they are
        if token.type != tokenize.COMMENT or row not in rows or not lines[row - 1][:col].strip():
            continue
        if not token.string.startswith(("# noqa", "# type:")):
            moves[row] = (col, token.string)
    for row in sorted(moves, reverse=True):
        col, comment = moves[row]
        line = lines[row - 1]
        indent = line[: len(line) - len(line.lstrip())]
        lines[row - 1 : row] = [indent + comment + "\n", line[:col].rstrip() + "\n"]
    path.write_text("".join(lines), encoding="utf-8")


def format_statements(path: Path, rows: list[int]) -> None:
    """Format the statement around each long line alone, from the bottom so numbers hold."""
    for row in sorted(set(rows), reverse=True):
        subprocess.run(
            [*RUFF, "format", "--line-length", str(LIMIT), "--range", f"{row}-{row + 1}", str(path)],
            capture_output=True, check=False,
        )


def pack_literal_runs(path: Path, before: str) -> None:
    """Runs of five or more literals one per line, new since `before`, become filled lines."""
    lines = path.read_text(encoding="utf-8").split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        first = _LITERAL_ITEM.match(lines[i])
        if first and out and out[-1].rstrip().endswith(("[", "(", "{")):
            end = i
            while end < len(lines) and (m := _LITERAL_ITEM.match(lines[end])) and m[1] == first[1]:
                end += 1
            run = lines[i:end]
            if end - i >= 5 and "\n".join(run) not in before:
                out.extend(_fill(first[1], [_LITERAL_ITEM.match(line)[2] for line in run]))
                i = end
                continue
        out.append(lines[i])
        i += 1
    path.write_text("\n".join(out), encoding="utf-8")


def _fill(indent: str, items: list[str]) -> list[str]:
    filled, current = [], indent
    for item in items:
        candidate = f"{current} {item}" if current.strip() else current + item
        if len(candidate) > LIMIT and current.strip():
            filled.append(current)
            candidate = indent + item
        current = candidate
    return [*filled, current]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="+", help="Python files or folders")
    args = parser.parse_args()
    originals = {path: path.read_text(encoding="utf-8") for path in long_lines(args.paths)}
    for path, rows in long_lines(args.paths).items():
        move_trailing_comments(path, rows)
    for path, rows in long_lines(args.paths).items():
        format_statements(path, rows)
    for path, before in originals.items():
        pack_literal_runs(path, before)
    left = long_lines(args.paths)
    for path, rows in sorted(left.items()):
        for row in rows:
            print(f"{path}:{row}: still over {LIMIT} characters: wrap by hand")
    print(f"{sum(map(len, left.values()))} long lines left in {len(left)} files", file=sys.stderr)


if __name__ == "__main__":
    main()

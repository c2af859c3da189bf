"""The README's commands and Python snippet run as written, and `make demo` reads at 80 columns.

The shell blocks' `communique ...` lines run in order in a folder holding the demo articles
(`examples/`), so the first, `communique ingest examples/`, makes the demo database the rest
query. Lines that need the network or run until stopped (URLs, `serve`, `watch`, a Dask
cluster) are left out. The Python block then runs there too, against that database.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
MAKEFILE = REPO / "Makefile"
NOT_HERE = ("http://", "https://", " serve", " watch", "--dask")  # the network, or running until stopped


def blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", README.read_text(encoding="utf-8"), re.S | re.M)


def readme_commands() -> list[str]:
    commands = []
    for block in blocks("sh"):
        for line in block.splitlines():
            command = line.split("  #")[0].strip()
            if command.startswith("communique ") and not any(x in f" {command}" for x in NOT_HERE):
                commands.append(command)
    return commands


def run(command: list[str], cwd: Path, columns: int = 100) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": str(columns), "COMMUNIQUE_DB": ""}
    return subprocess.run([sys.executable, "-m", "communique.cli", *command], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("readme")
    (folder / "examples").symlink_to(REPO / "examples")
    return folder


@pytest.fixture(scope="module")
def readme_run(demo_folder: Path) -> list[tuple[str, subprocess.CompletedProcess]]:
    return [(c, run(shlex.split(c)[1:], demo_folder)) for c in readme_commands()]


def test_the_readme_lists_the_everyday_commands() -> None:
    commands = readme_commands()
    assert commands[0] == "communique ingest examples/"
    named = {shlex.split(c)[1] for c in commands}
    assert {
        "articles", "show", "events", "quotes", "actors", "timeline", "positions", "upcoming", "search",
        "codes", "extract", "export", "--version",
    } <= named


def test_every_readme_command_runs_as_written(readme_run) -> None:
    for command, result in readme_run:
        assert result.returncode == 0, f"{command}\n{result.stderr}"
        assert "Traceback" not in result.stderr, command
        said = result.stdout.strip() or "exported" in result.stderr or "stored" in result.stderr
        # story linking may find no event told by two outlets in the small demo: a clear "nothing found"
        assert said or (command.startswith("communique stories") and "nothing found" in result.stderr), (
            command
        )


def test_readme_examples_find_what_they_promise(readme_run) -> None:
    out = {command: result.stdout for command, result in readme_run}
    assert "Peskov" in out["communique quotes --speaker Peskov"]
    assert "Istanbul" in out["communique upcoming --as-of 2025-06-08"]
    assert "REQUEST" in out["communique events --actor Russia --type REQUEST --since 2025-05-01"]
    assert "d/a/q/e/p" in out["communique extract examples/02-lavrov-rubio-call.txt --format table"]


def test_the_readme_python_snippet_runs_against_the_demo_database(readme_run, demo_folder: Path) -> None:
    (snippet,) = blocks("python")
    result = subprocess.run([sys.executable, "-c", snippet], cwd=demo_folder, capture_output=True, text=True,
                            timeout=300, env={**os.environ, "COMMUNIQUE_DB": ""})
    assert result.returncode == 0, result.stderr
    # the values the snippet's comments promise
    assert "Wednesday DATE 2025-05-28" in result.stdout
    assert "CONSULT phone ['RUS'] ['USA'] 2025-05-28" in result.stdout
    assert "a1\nerror: item 1: no 'text' string" in result.stdout


def demo_commands() -> list[list[str]]:
    """The query commands of `make demo`, as the Makefile gives them."""
    recipe = MAKEFILE.read_text(encoding="utf-8").split("\ndemo:", 1)[1].split("\n\n", 1)[0]
    lines = [line.strip().removeprefix("$(BIN)/communique ") for line in recipe.splitlines()[1:]]
    return [shlex.split(line) for line in lines if line and line.split()[0] != "ingest"]


def test_make_demo_reads_at_80_columns_with_no_day_or_code_split(readme_run, demo_folder: Path) -> None:
    from communique.filters import event_types

    allowed = set(event_types()) | {"PLOVER"}
    codes = run(["codes", "actors", "--format", "jsonl"], demo_folder).stdout
    allowed |= set(re.findall(r'"code": "([A-Z]+)"', codes))
    for text in (REPO / "examples").iterdir():  # capitals the articles themselves hold (NATO, EU, US)
        allowed |= set(re.findall(r"\b[A-Z]{2,}\b", text.read_text(encoding="utf-8")))
    for command in demo_commands():
        result = run(command, demo_folder, columns=80)
        assert result.returncode == 0, result.stderr
        lines = result.stdout.splitlines()
        assert lines, command
        assert max(len(line) for line in lines) <= 80, command
        for line in lines:
            for token in re.findall(r"\d{4}-[\d-]*\d|\d{4}-(?=\s|$)", line):
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", token), (command, line)
            for token in re.findall(r"(?<![\w-])[A-Z]{2,}(?![\w…])", line):
                assert token in allowed, (command, token, line)

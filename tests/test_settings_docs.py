"""Every setting is described once, and the description reaches the CLI and the README."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

from typer.testing import CliRunner

from communique.cli import app
from communique.settings import SETTINGS_ENV, SETTINGS_HELP, Settings

REPO = Path(__file__).resolve().parent.parent


def test_every_setting_has_help_and_says_how_the_environment_sets_it():
    names = {f.name for f in fields(Settings)}
    assert set(SETTINGS_HELP) == names
    assert set(SETTINGS_ENV) == names
    assert all(SETTINGS_HELP[n].strip() for n in names)


def test_every_environment_variable_the_code_reads_is_a_documented_setting():
    read = set()
    for path in (REPO / "src" / "communique").rglob("*.py"):
        read |= set(
            re.findall(r"environ(?:\.get)?[\[(]\s*\"(COMMUNIQUE_[A-Z_]+)\"", path.read_text(encoding="utf-8"))
        )
    assert read, "the scan must find the variables the code reads"
    assert read <= {v for v in SETTINGS_ENV.values() if v}


def test_the_readme_names_every_environment_variable():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert [v for v in SETTINGS_ENV.values() if v and v not in readme] == []


def test_the_settings_command_and_the_help_show_every_setting(monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_ANNOTATORS", "time")
    shown = CliRunner().invoke(app, ["settings"], env={"COLUMNS": "80"})
    assert shown.exit_code == 0
    for name in SETTINGS_HELP:
        assert re.search(rf"^{name}\b", shown.output, re.M)
    assert "annotators (env COMMUNIQUE_ANNOTATORS) = time" in shown.output
    assert max(len(line) for line in shown.output.splitlines()) <= 80
    helped = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "100"})
    assert all(v in helped.output for v in SETTINGS_ENV.values() if v)

"""tools/convert_petrarch.py: PETRARCH2 dictionaries (TABARI format) into our gazetteer files."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "petrarch"


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("convert_petrarch", ROOT / "tools" / "convert_petrarch.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def converted(tool, tmp_path_factory):
    out = tmp_path_factory.mktemp("petrarch")
    assert tool.main(["--dir", str(FIXTURES), "--out", str(out)]) == 0
    return {name: _rows(out / f"petrarch_{name}.csv") for name in ("people", "organisations", "agents")}, out


def _rows(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8")
    return list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))


def test_a_person_gets_one_row_per_dated_role_and_the_default_after_the_last(converted):
    people = converted[0]["people"]
    karl = [r for r in people if r["name"] == "Karl Abendroth"]
    assert [(r["country"], r["sector"], r["valid_from"], r["valid_to"]) for r in karl] == [
        ("DEU", "GOV", "1999-03-01", "2005-06-30"),
        ("DEU", "", "2005-07-01", "2015-06-30"),  # the undated elite code holds for ten years after
    ]
    # a title form is no alias (the title rules read titles), a lone surname neither; a full variant is
    assert karl[0]["aliases"] == "Karl H. Abendroth"


def test_an_open_ended_role_is_closed_ten_years_on(converted):
    marta = next(r for r in converted[0]["people"] if r["name"] == "Marta Vellinga")
    assert (marta["country"], marta["valid_from"], marta["valid_to"]) == ("NLD", "2010-02-01", "2020-02-01")


def test_curated_names_win_and_unknown_codes_are_dropped(converted):
    names = {r["name"] for r in converted[0]["people"]}
    assert "Vladimir Putin" not in names  # our own people.csv holds him
    assert "Oskar Nobody" not in names  # XYZ is no state of ours


def test_an_international_official_acts_for_the_body_then_for_the_state(converted):
    anna = sorted(
        (r["valid_from"], r["country"], r["sector"])
        for r in converted[0]["people"]
        if r["name"] == "Anna Lindqvist"
    )
    assert anna == [("2002-01-01", "SWE", "GOV"), ("2007-01-01", "UN", "IGO")]


def test_organisations_take_codes_kinds_and_short_forms(converted):
    orgs = {r["name"]: r for r in converted[0]["organisations"]}
    command = orgs["Northern Border Guard Command"]
    assert (command["country"], command["sector"], command["kind"], command["aliases"]) == (
        "FIN",
        "MIL",
        "institution",
        "NBGC",
    )
    front = orgs["Riverland Liberation Front"]
    assert (front["country"], front["sector"], front["kind"]) == ("COL", "REB", "group")
    assert "RLF" in front["aliases"].split("|")
    # a group PETRARCH codes as international: where it operates is left to the article
    assert (orgs["Mountain Brotherhood"]["country"], orgs["Mountain Brotherhood"]["kind"]) == (
        "",
        "organisation",
    )
    assert (orgs["Clear Water Alliance"]["country"], orgs["Clear Water Alliance"]["kind"]) == ("", "ngo")
    assert (orgs["Graystone Mining Corp"]["country"], orgs["Graystone Mining Corp"]["kind"]) == (
        "",
        "company",
    )
    assert "North Atlantic Treaty Organization" not in orgs  # an alias of our curated NATO


def test_agents_expand_substitutions_and_plurals_and_keep_only_our_sectors(converted):
    agents = {r["form"]: r["sector"] for r in converted[0]["agents"]}
    assert agents["border patrol"] == "GOV" and agents["riot police"] == "GOV"
    assert agents["harbour pilots"] == "BUS"
    assert agents["coastman"] == "MIL" and agents["coastwomen"] == "MIL"
    assert "human rights body" not in agents  # "[NGO~]" names members, not a sector


def test_the_output_says_where_it_comes_from(converted):
    text = (converted[1] / "petrarch_people.csv").read_text(encoding="utf-8")
    assert "PETRARCH2" in text.splitlines()[0] and "MIT licence" in text.splitlines()[1]


def test_dates_in_both_tabari_forms(tool):
    assert tool._date("450703") == "1945-07-03" and tool._date("100201") == "2010-02-01"
    assert tool._date("20041207") == "2004-12-07" and tool._date("2004017") is None

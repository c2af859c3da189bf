"""The analyst's daily use (issue 21), through the commands as typed, over hand-coded articles:
facts apart from plans and denials, upcoming as known on a day, checked filters, tables that
read at 80 columns, one order everywhere, exports that trace and fail cleanly."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli import _common as common
from communique.cli import app
from communique.store import Store


@pytest.fixture()
def cli(daily_db: Path, monkeypatch):
    """Run a command against the hand-coded store in an 80-column terminal: (exit code, stdout, stderr)."""
    monkeypatch.setattr(common.out, "width", 80)
    monkeypatch.setattr(common.err, "width", 80)
    runner = CliRunner()

    def run(*args: str, db: bool = True):
        result = runner.invoke(app, [*args, *(["--db", str(daily_db)] if db else [])])
        return result.exit_code, result.stdout, result.stderr

    return run


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


# ---------------------------------------------------------------- 1. facts and non-facts


def test_charts_count_only_what_the_text_asserts_happened(daily_db: Path) -> None:
    with Store(daily_db, readonly=True) as store:
        charted = {(r["key"], r["events"]) for r in store.timeline()}
        # not the held-back sanction, the plan or the threat
        assert charted == {("SANCTION", 1), ("ASSAULT", 1)}
        everything = sum(r["events"] for r in store.timeline(modality="all"))
        assert everything == 6  # with every modality, all six events (undated ones on their article's day)
        assert all(d["b"] != "USA" and d["a"] != "USA" for d in store.dyads())


def test_every_list_filters_by_modality(cli) -> None:
    code, out, _ = cli("events", "--modality", "asserted", "--format", "jsonl")
    assert code == 0 and {e["modality"] for e in jsonl(out)} == {"asserted"}
    code, out, _ = cli("events", "--modality", "future,hypothetical", "--format", "jsonl")
    assert sorted(e["modality"] for e in jsonl(out)) == ["future", "future", "hypothetical"]
    code, out, _ = cli("events", "--modality", "negated", "--format", "jsonl")
    assert [e["type"] for e in jsonl(out)] == ["SANCTION"]
    # by default a list leaves out what the text denies, and says the modality of the rest
    code, out, _ = cli("events")
    assert "Washington held back" not in out and "hypothetical" in out and "future" in out


def test_gdelt_export_holds_asserted_events_unless_all_modalities_are_asked(cli, tmp_path: Path) -> None:
    code, out, err = cli("export", "--format", "gdelt")
    assert code == 0, err
    rows = [line.split("\t") for line in out.splitlines() if "\t" in line]
    assert len(rows) == 2 and all(r[26] in ("160", "190") for r in rows)
    code, out, err = cli("export", "--format", "gdelt", "--all-modalities")
    assert len([line for line in out.splitlines() if "\t" in line]) == 6


# ---------------------------------------------------------------- 2. upcoming


def test_upcoming_counts_only_articles_published_by_the_day_and_shows_the_planned_action(cli) -> None:
    code, out, _ = cli("upcoming", "--as-of", "2025-06-01", "--format", "jsonl")
    plans = jsonl(out)
    # the Vienna meeting was published on 1 July: unknown on 1 June
    assert [(p["article_id"], p["planned_for"], p["planned_location"]) for p in plans] == [
        ("spring-1", "2025-06-12", "Geneva")]
    assert (plans[0]["planned_type"], plans[0]["planned_mode"]) == ("CONSULT", "visit")
    code, out, _ = cli("upcoming", "--as-of", "2025-07-02", "--format", "jsonl")
    assert [p["planned_location"] for p in jsonl(out)] == ["Vienna"]
    code, table, _ = cli("upcoming", "--as-of", "2025-06-01")
    assert "in Geneva" in table and "in 11 days" in table and "spring-1 · @Test Wire" in table


PLAN_ARTICLES = [
    ("plan-1", "2025-05-28", "Chile and Peru reached a trade deal on Monday. The accord will be signed in "
     "Lima on Thursday. Chile's president will visit Bolivia on Friday."),
    ("plan-2", "2025-06-05", "Talks between Chile and Peru are scheduled for June 16 in Geneva."),
    ("plan-3", "2025-05-20", "Chile and Peru agreed on Monday to hold a summit in Quito on May 25."),
]


@pytest.fixture(scope="module")
def plans_db(pipeline, tmp_path_factory) -> Path:
    """Articles written for the test, annotated by the events layer (not hand-coded) and stored."""
    import communique

    path = tmp_path_factory.mktemp("plans") / "plans.db"
    with Store(path) as store:
        for article_id, published, text in PLAN_ARTICLES:
            doc = communique.annotate(text, published=published, pipeline=pipeline, id=article_id)
            store.save(doc, "test")
    return path


def test_upcoming_shows_the_planned_action_day_and_place_the_events_layer_reads(plans_db: Path) -> None:
    runner = CliRunner()

    def upcoming(day: str) -> list[tuple]:
        result = runner.invoke(app, ["upcoming", "--as-of", day, "--format", "jsonl", "--db", str(plans_db)])
        assert result.exit_code == 0, result.stderr
        fields = ("article_id", "planned_type", "planned_mode", "planned_for", "planned_location")
        return [tuple(p[f] for f in fields) for p in jsonl(result.stdout)]

    # on 28 May: the signing and the visit; not the talks (published in June), nor the summit (over on the
    # 25th)
    assert upcoming("2025-05-28") == [
        ("plan-1", "AGREE", None, "2025-05-29", "Lima"),
        ("plan-1", "CONSULT", "visit", "2025-05-30", "Bolivia"),
    ]
    assert upcoming("2025-06-05") == [("plan-2", "CONSULT", "third-party", "2025-06-16", "Geneva")]
    assert upcoming("2025-05-22") == [("plan-3", "CONSULT", "third-party", "2025-05-25", "Quito")]


# ---------------------------------------------------------------- 4. input checks


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["events", "--since", "01/05/2025"],
            "--since: '01/05/2025' is not a day: write YYYY-MM-DD; did you mean 2025-05-01",
        ),
        (["events", "--since", "2025-13-01"], "--since: '2025-13-01' has no month 13"),
        (["events", "--until", "2025-02-30"], "February 2025 has 28 days; did you mean 2025-02-28?"),
        (["events", "--since", "yesterday"], "--since: 'yesterday' is not a day"),
        (
            ["events", "--since", "2025-06-02", "--until", "2025-06-01"],
            "--until: 2025-06-01 is before the first day asked for, 2025-06-02",
        ),
        (["events", "--actor", "Rusia"], "--actor: no actor 'Rusia'; did you mean Russia?"),
        (["events", "--type", "REQUESTS"], "--type: no type 'REQUESTS'; did you mean REQUEST?"),
        (["events", "--modality", "asserted,maybe"], "--modality: no modality 'maybe'"),
        (["positions", "--kind", "demands"], "--kind: no kind of position 'demands'; did you mean demand?"),
        (["upcoming", "--as-of", "June 1"], "--as-of: 'June 1' is not a day"),
        (["quotes", "--country", "Atlantis"], "--country: no actor 'Atlantis'"),
        (["events", "--limit", "0"], "--limit: must be at least 1"),
        (["events", "--format", "xlsx"], "--format: unknown format 'xlsx'"),
        (["export", "--since", "garbage"], "--since: 'garbage' is not a day"),
        (["export", "--table", "eventz"], "--table: unknown table 'eventz'"),
    ],
)
def test_a_bad_filter_is_one_line_naming_it_and_the_nearest_valid_value(cli, args, expected) -> None:
    code, out, err = cli(*args)
    assert code == 2
    assert err.strip().splitlines() == [err.strip()] and expected in err, err
    assert "Traceback" not in err and out == ""


@pytest.mark.parametrize("args", [["serve", "--port", "99999"], ["extract", "-", "--jobs", "0"],
                                  ["ingest", "-", "--jobs", "0"]])
def test_bad_numbers_for_ports_and_workers_are_one_line(cli, args) -> None:
    code, _, err = cli(*args, db=args[0] != "extract")
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


@pytest.mark.parametrize("actor", ["RUS", "rus", "Russia", "Russian Federation", "Moscow"])
def test_an_actor_is_found_by_code_name_or_alias(cli, actor) -> None:
    code, out, _ = cli("events", "--actor", actor, "--modality", "all", "--format", "jsonl")
    assert code == 0 and len(jsonl(out)) == 5


def test_a_person_or_a_group_is_found_by_name_and_stands_for_itself(cli) -> None:
    code, out, _ = cli("events", "--actor", "Hamas", "--format", "jsonl")
    assert [e["evidence_text"] for e in jsonl(out)] == ["Hamas fighters fired rockets at Israel on Sunday."]
    code, out, _ = cli("quotes", "--speaker", "Vostrikov", "--format", "jsonl")
    assert [q["speaker_name"] for q in jsonl(out)] == ["Ilya Vostrikov"]
    code, out, _ = cli("actors", "--country", "Russia", "--format", "jsonl")
    assert [a["name"] for a in jsonl(out)] == ["Ilya Vostrikov"]


def test_codes_lists_types_modes_modalities_kinds_and_actor_codes_with_names(cli) -> None:
    code, out, _ = cli("codes", "--format", "jsonl", db=False)
    rows = jsonl(out)
    by_list = {
        name: [r for r in rows if r["list"] == name]
        for name in ("types", "modes", "modalities", "kinds", "actors")
    }
    assert {"REQUEST", "CONSULT", "ASSAULT"} <= {r["code"] for r in by_list["types"]}
    assert {"phone", "visit"} <= {r["code"] for r in by_list["modes"]}
    assert [r["code"] for r in by_list["modalities"]] == ["asserted", "future", "hypothetical", "negated"]
    assert {"RUS": "Russia", "PSE": "Hamas"}.items() <= {(r["code"], r["name"]) for r in by_list["actors"]
                                                          if r["code"] in ("RUS",) or r["name"] == "Hamas"}
    code, table, _ = cli("codes", "types", db=False)
    assert code == 0 and "REQUEST" in table
    code, _, err = cli("codes", "type", db=False)
    assert code == 2 and "did you mean types?" in err


# ---------------------------------------------------------------- 5. tables at 80 columns

DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@pytest.mark.parametrize("command", [["events", "--modality", "all"], ["timeline"], ["positions"], ["quotes"],
                                     ["upcoming", "--as-of", "2025-06-01"], ["articles"], ["actors"]])
def test_tables_fit_80_columns_without_splitting_a_day_or_a_code(cli, command) -> None:
    code, out, _ = cli(*command)
    assert code == 0
    lines = out.splitlines()
    assert lines and max(len(line) for line in lines) <= 80
    # a day is whole wherever one starts; a type or code is never cut into pieces
    assert not re.search(r"\d{4}-\d{1,2}(-\d?)?(\s|$)", out) or all(
        DAY.fullmatch(m) for m in re.findall(r"\d{4}-\d{2}-\d{2}|\d{4}-\d{1,2}-?\d?(?=\s|$)", out)
    )
    for token in re.findall(r"\b[A-Z]{3,}\b(?!…)", out):
        assert token in {"CONSULT", "SANCTION", "ASSAULT", "RUS", "UKR", "USA", "PSE", "ISR", "CHE", "AUT",
                         "PLOVER", "GOV", "REB"}, token


def test_every_row_is_traced_to_its_article_and_outlet_and_actors_have_short_names(cli) -> None:
    for command in (
        ["events"],
        ["quotes"],
        ["positions"],
        ["timeline"],
        ["upcoming", "--as-of", "2025-06-01"],
    ):
        code, out, _ = cli(*command)
        assert "spring-1 · @Test Wire" in out, command
    code, out, _ = cli("events")
    assert "RUS Russia" in out and "PSE Hamas" in out and "→ ISR Israel" in out


def test_wide_and_data_formats_give_the_whole_text(cli) -> None:
    code, narrow, _ = cli("events")
    assert "…" in narrow and "Moscow and Kyiv will hold talks in Geneva on June 12." not in narrow
    code, wide, _ = cli("events", "--wide")
    assert "Moscow and Kyiv will hold talks in Geneva on June 12." in " ".join(wide.split())
    assert "spring-1" in wide and "@Test Wire" in wide
    code, out, _ = cli("events", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {"article_id", "article_source", "modality", "evidence_text"} <= set(rows[0])


# ---------------------------------------------------------------- 6. order and units


def test_every_list_is_newest_first_unless_oldest_first(cli) -> None:
    for command, field in ((["events", "--modality", "all"], "day"), (["quotes"], "published"),
                           (["articles"], "published"), (["timeline"], "day")):
        code, out, _ = cli(*command, "--format", "jsonl")
        days = [r[field] for r in jsonl(out)]
        assert days == sorted(days, reverse=True), command
        code, out, _ = cli(*command, "--oldest-first", "--format", "jsonl")
        assert [r[field] for r in jsonl(out)] == sorted(days), command


def test_timeline_keeps_events_the_text_dates_and_explains_its_columns(cli) -> None:
    code, out, _ = cli("timeline", "--format", "jsonl")
    assert [e["date"] for e in jsonl(out)] == ["2025-05-18", "2025-W20-WE"]  # JSON keeps TIMEX3
    code, table, _ = cli("timeline")
    assert "weekend of" in table and "17-18 May 2025" in table and "2025-W20-WE" not in table
    assert "when: the event's own date" in " ".join(table.split())


# ---------------------------------------------------------------- 7. commands as documented


def test_version_and_help_examples_that_exist(cli) -> None:
    from communique import __version__

    code, out, _ = cli("--version", db=False)
    assert code == 0 and out.strip() == f"communique {__version__}"
    code, out, _ = cli("show", "--help", db=False)
    assert "communique show demo-02" in out  # an id the demo has
    code, out, _ = cli("extract", "--help", db=False)
    text = " ".join(out.split())
    assert "jsonl" in text and "table" in text and "csv" not in text


# ---------------------------------------------------------------- 8. exports


def test_exports_trace_every_row_with_modality_articles_and_position_sentences(cli, tmp_path: Path) -> None:
    code, out, _ = cli("export", "--format", "csv")
    events = list(csv.DictReader(io.StringIO(out)))
    assert {r["modality"] for r in events} == {"asserted", "negated", "future", "hypothetical"}
    code, out, _ = cli("export", "--format", "csv", "--table", "articles")
    articles = {r["id"]: r for r in csv.DictReader(io.StringIO(out))}
    # an event's offsets resolve in its article's text
    first = next(
        r
        for r in events
        if r["article_id"] == "spring-1" and r["type"] == "ASSAULT" and r["modality"] == "asserted"
    )
    text = articles["spring-1"]["text"]
    assert text[int(first["evidence_start"]):int(first["evidence_end"])] == first["evidence_text"]
    code, out, _ = cli("export", "--format", "jsonl", "--table", "positions")
    (position,) = jsonl(out)
    assert (
        position["evidence_text"] == "Kyiv demanded that Moscow withdraw its troops from the border region."
    )
    pytest.importorskip("pyarrow")
    code, _, err = cli("export", "--format", "parquet", "--table", "articles", "-o", str(tmp_path / "pq"))
    assert code == 0, err
    import pandas as pd

    assert sorted(pd.read_parquet(tmp_path / "pq")["id"]) == ["spring-1", "summer-1"]


def test_csv_cells_never_run_as_formulas_and_gdelt_urls_are_http_only(cli) -> None:
    code, out, _ = cli("export", "--format", "csv", "--table", "quotes")
    (quote,) = list(csv.DictReader(io.StringIO(out)))
    assert quote["text"] == "'=Lift the sanctions now," and quote["article_source"] == "'@Test Wire"
    code, out, _ = cli("quotes", "--format", "csv")
    assert "'=Lift" in out and ",=Lift" not in out
    code, out, _ = cli("export", "--format", "gdelt", "--all-modalities")
    assert "javascript:" not in out
    assert "https://late-wire.example/vienna" in out


@pytest.mark.parametrize("case", ["folder", "missing folder", "parquet onto a file"])
def test_an_export_that_cannot_be_written_is_one_line_and_leaves_no_file(cli, tmp_path: Path, case) -> None:
    target = {"folder": tmp_path, "missing folder": tmp_path / "nope" / "events.csv",
              "parquet onto a file": tmp_path / "events.parquet"}[case]
    if case == "parquet onto a file":
        target.write_text("keep me")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    code, out, err = cli("export", "--format", "parquet" if "parquet" in case else "csv", "-o", str(target))
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    if case == "parquet onto a file":
        assert target.read_text() == "keep me"


def test_a_full_disk_leaves_no_empty_file_behind(cli, tmp_path: Path, monkeypatch) -> None:
    import errno

    from communique import export as export_module

    def full(records, out, fieldnames=None):
        out.write("id,type\n")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export_module, "write_csv", full)
    target = tmp_path / "events.csv"
    code, _, err = cli("export", "--format", "csv", "-o", str(target))
    assert code == 1 and "No space left on device" in err and "nothing was exported" in err
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- 10. Python API


def test_empty_results_keep_their_columns_as_a_data_frame(daily_db: Path) -> None:
    pytest.importorskip("pandas")
    with Store(daily_db, readonly=True) as store:
        frame = store.quotes(speaker="Nobody At All", as_frame=True)
        assert frame.empty and {"speaker_name", "text", "article_id", "published"} <= set(frame.columns)
        events = store.events(actor="Hamas", type="CONSULT", as_frame=True)
        assert events.empty and {"type", "modality", "evidence_text"} <= set(events.columns)


def test_annotate_many_returns_every_bad_item_as_an_error_in_its_place(pipeline) -> None:
    import communique
    from communique.errors import InputError

    items = ["a bare string", {"id": "ok-1", "text": "Lisbon and Madrid signed a water treaty on Tuesday."},
             {"title": "no text"}, 7, {"id": "ok-2", "text": "The ministers met in Porto."}, {"text": None}]
    results = list(communique.annotate_many(items, pipeline=pipeline))
    assert [type(r).__name__ for r in results] == ["InputError", "Document", "InputError", "InputError",
                                                    "Document", "InputError"]
    assert [r.id for r in results if not isinstance(r, InputError)] == ["ok-1", "ok-2"]
    assert "item 2" in str(results[2]) and "text" in str(results[2])


def test_the_ingest_summary_counts_an_article_in_another_language_as_skipped_not_stored(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "en.txt").write_text(
        "---\npublished: 2025-06-02\n---\nThe two ministers met in Lisbon on Monday "
        "and agreed to hold further talks on trade next month.\n",
        encoding="utf-8",
    )
    (folder / "de.txt").write_text(
        "---\npublished: 2025-06-02\n---\nDie beiden Minister trafen sich am Montag in der Hauptstadt und "
        "sprachen über den Handel, die Grenze und die Zukunft der Zusammenarbeit. Sie wollen sich "
        "im nächsten Monat wieder treffen, wenn die Experten ihre Berichte vorgelegt haben.\n",
        encoding="utf-8",
    )
    db = tmp_path / "lang.db"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    summary = " ".join(result.stderr.split())
    assert "1 stored" in summary and "0 already stored" in summary and "1 skipped (not English)" in summary

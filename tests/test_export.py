"""Exports: JSONL, CSV, month-partitioned Parquet (DuckDB and pandas read it) and GDELT 2.0 rows."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from communique.document import Actor, ActorRef, Article, Document, Event, Evidence, Location, Mention, Quote
from communique.export import GDELT_COLUMNS, export
from communique.store import Store

TEXT = "Russia struck Kharkiv on Friday. Turkey offered to host talks in Istanbul in June."


def _document(article_id: str, published: str, event_date: str) -> Document:
    russia = Actor("a1", "Russia", "RUS", "GOV", kind="state", mentions=[Mention(0, 6, "Russia")])
    turkey = Actor("a2", "Turkey", "TUR", "GOV", kind="state", mentions=[Mention(33, 39, "Turkey")])
    nato = ActorRef("NATO", "NATO", "IGO")
    return Document(
        article=Article(id=article_id, text=TEXT, title="Strikes and an offer", source="Test Wire",
                        url=f"https://test.example/{article_id}", published=published),
        text=TEXT,
        actors=[russia, turkey],
        quotes=[Quote("talks in Istanbul", 58, 75, speaker=turkey.ref())],
        events=[
            Event("ASSAULT", [russia.ref()], [ActorRef("Ukraine", "UKR", "GOV")], Evidence(0, 32, TEXT[:32]),
                  date=event_date, cameo="190", quad_class=4, goldstein=-10.0,
                  location=Location("Kharkiv", "UKR", 49.99, 36.23)),
            Event("CONSULT", [turkey.ref()], [russia.ref(), nato], Evidence(33, 82, TEXT[33:82]),
                  modality="future", cameo="036", quad_class=1, goldstein=4.0),
        ],
    )


@pytest.fixture()
def store(db_path: Path):
    with Store(db_path) as store:
        store.save(_document("may", "2025-05-30", "2025-05-30"), "test")
        store.save(_document("june", "2025-06-02", "2025-06-01"), "test")
        yield store


def test_jsonl_export_has_one_event_per_line_with_its_article(store: Store) -> None:
    out = io.StringIO()
    assert export(store.conn, "jsonl", out=out) == 4
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["type"] for r in rows] == ["ASSAULT", "CONSULT", "ASSAULT", "CONSULT"]
    assert rows[0]["article_url"] == "https://test.example/may"
    assert {r["month"] for r in rows} == {"2025-05", "2025-06"}


def test_csv_export_of_quotes_filtered_by_publication_date(store: Store) -> None:
    out = io.StringIO()
    assert export(store.conn, "csv", table="quotes", out=out, since="2025-06-01") == 1
    (row,) = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert (row["speaker_name"], row["article_id"]) == ("Turkey", "june")


def test_actor_filter_keeps_events_with_that_code_on_either_side(store: Store) -> None:
    out = io.StringIO()
    assert export(store.conn, "jsonl", out=out, actor="nato") == 2
    assert all(json.loads(line)["type"] == "CONSULT" for line in out.getvalue().splitlines())


def test_parquet_is_partitioned_by_month_and_read_by_duckdb_and_pandas(store: Store, tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    pd = pytest.importorskip("pandas")
    folder = tmp_path / "events"
    assert export(store.conn, "parquet", folder=folder) == 4
    assert sorted(p.name for p in folder.iterdir()) == ["month=2025-05", "month=2025-06"]

    frame = pd.read_parquet(folder)
    assert len(frame) == 4
    assert sorted(frame["goldstein"].tolist()) == [-10.0, -10.0, 4.0, 4.0]

    pattern = str(folder / "**" / "*.parquet")
    counts = duckdb.sql(
        f"SELECT month, count(*) FROM read_parquet('{pattern}', hive_partitioning = true)"
        " GROUP BY month ORDER BY month"
    ).fetchall()
    assert counts == [("2025-05", 2), ("2025-06", 2)]


def test_exporting_a_month_again_replaces_it(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "events"
    export(store.conn, "parquet", folder=folder)
    export(store.conn, "parquet", folder=folder, since="2025-06-01")
    pd = pytest.importorskip("pandas")
    assert len(pd.read_parquet(folder)) == 4  # June rewritten, May kept, nothing doubled


def test_gdelt_rows_have_the_61_columns_with_cameo_codes_and_fips_geo(store: Store) -> None:
    out = io.StringIO()
    # the talks have two targets (Russia and NATO): a row each, as GDELT rows hold one actor a side
    # (the talks are only offered, "future": exported because all modalities are asked for)
    assert export(store.conn, "gdelt", out=out, since="2025-06-01", all_modalities=True) == 3
    lines = out.getvalue().splitlines()
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    strike, talks, talks_nato = rows
    assert strike["SQLDATE"] == "20250601" and strike["MonthYear"] == "202506" and strike["Year"] == "2025"
    assert (strike["Actor1Code"], strike["Actor1CountryCode"], strike["Actor1Type1Code"]) == (
        "RUSGOV",
        "RUS",
        "GOV",
    )
    assert (strike["Actor2CountryCode"], strike["Actor1Name"]) == ("UKR", "RUSSIA")
    assert (strike["EventCode"], strike["EventBaseCode"], strike["EventRootCode"]) == ("190", "190", "19")
    assert (strike["QuadClass"], strike["GoldsteinScale"], strike["IsRootEvent"]) == ("4", "-10.0", "1")
    assert (strike["ActionGeo_Type"], strike["ActionGeo_CountryCode"], strike["ActionGeo_Lat"]) == (
        "4",
        "UP",
        "49.99",
    )
    assert strike["SOURCEURL"] == "https://test.example/june"
    assert len(strike["DATEADDED"]) == 14
    # an undated event takes its article's day
    assert (
        talks["SQLDATE"] == "20250602" and talks["Actor2CountryCode"] == "RUS" and talks["IsRootEvent"] == "0"
    )
    assert (talks_nato["Actor1CountryCode"], talks_nato["Actor2KnownGroupCode"]) == ("TUR", "NATO")
    assert len({r["GLOBALEVENTID"] for r in rows}) == 3
    assert int(talks["GLOBALEVENTID"]) // 100 == int(talks_nato["GLOBALEVENTID"]) // 100


def test_gdelt_gives_a_joint_action_with_no_target_one_row_per_pair_of_doers(
    db_path: Path, tmp_path: Path
) -> None:
    doc = _document("joint", "2025-05-30", "2025-05-30")
    doers = [ActorRef("Russia", "RUS"), ActorRef("Ukraine", "UKR"), ActorRef("Turkey", "TUR")]
    doc.events = [Event("AGREE", doers, [], Evidence(0, 5, "x"), mutual=True),
                  Event("MOBILIZE", [ActorRef("Russia", "RUS")], [], Evidence(0, 5, "x"))]
    with Store(tmp_path / "joint.db") as store:
        store.save(doc, "test")
        out = io.StringIO()
        assert export(store.conn, "gdelt", out=out) == 4
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in out.getvalue().splitlines()]
    pairs = [(r["Actor1CountryCode"], r["Actor2CountryCode"]) for r in rows]
    assert pairs == [("RUS", "UKR"), ("RUS", "TUR"), ("UKR", "TUR"), ("RUS", "")]


def test_gdelt_puts_an_international_body_in_the_known_group_column(db_path: Path, tmp_path: Path) -> None:
    doc = _document("igo", "2025-05-30", "2025-05-30")
    doc.events = [
        Event("CONSULT", [ActorRef("NATO", "NATO", "IGO")], [ActorRef("Turkey", "TUR")], Evidence(0, 5, "x"))
    ]
    with Store(tmp_path / "igo.db") as store:
        store.save(doc, "test")
        out = io.StringIO()
        export(store.conn, "gdelt", out=out)
    row = dict(zip(GDELT_COLUMNS, out.getvalue().rstrip("\n").split("\t"), strict=True))
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1KnownGroupCode"]) == ("NATO", "", "NATO")


def test_unknown_format_or_table_is_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        export(store.conn, "xml", out=io.StringIO())
    with pytest.raises(ValueError, match="events only"):
        export(store.conn, "gdelt", table="quotes", out=io.StringIO())


def test_export_command_writes_parquet_folders_and_gdelt_to_stdout(store: Store, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from communique.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["export", "--db", store.path, "--format", "gdelt", "--all-modalities"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if "\t" in line]
    assert len(lines) == 6 and all(len(line.split("\t")) == 61 for line in lines)  # 4 events, 6 dyads

    result = runner.invoke(
        app, ["export", "--db", store.path, "--format", "parquet", "--output", str(tmp_path / "pq")]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "pq" / "month=2025-05").is_dir()

    result = runner.invoke(app, ["export", "--db", store.path, "--format", "parquet"])
    assert result.exit_code == 2  # Parquet needs a folder: one clear line, no traceback

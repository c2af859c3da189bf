"""Commands that read the store: listings, queries, stories, search, serve, export, db."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ..errors import CommuniqueError
from ._common import (
    DbOption,
    FormatOption,
    _emit,
    _fail,
    _open_store,
    _settings,
    app,
    db_app,
    err,
    out,
)


@app.command(epilog="Example: communique articles --limit 20")
def articles(
    db: DbOption = None,
    source: Annotated[str | None, typer.Option(help="Only articles from this outlet.")] = None,
    limit: Annotated[int, typer.Option(help="How many.")] = 50,
    format: FormatOption = "table",
) -> None:
    """List stored articles, newest first."""
    with _open_store(db) as store:
        rows = store.articles(source=source, limit=limit)
    _emit(rows, format, ["id", "published", "source", "title", "events", "quotes", "actors"])


@app.command(epilog="Example: communique show seed")
def show(article_id: Annotated[str, typer.Argument(help="Article id (see `communique articles`).")], db: DbOption = None) -> None:
    """Show one article with its annotations highlighted."""
    from ..render import render_document

    with _open_store(db) as store:
        document = store.document(article_id)
    if document is None:
        _fail(f"no article with id {article_id!r} in the database")
    render_document(document, out)


@app.command(epilog="Example: communique events --actor RUS --type REQUEST --since 2025-05-01")
def events(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="Actor code on either side (RUS, UKR, NATO...).")] = None,
    type: Annotated[str | None, typer.Option("--type", "-t", help="PLOVER type (CONSULT, REQUEST...).")] = None,
    since: Annotated[str | None, typer.Option(help="From this day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this day (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option(help="How many.")] = 200,
    format: FormatOption = "table",
) -> None:
    """Who did what to whom: coded events with their evidence."""
    with _open_store(db) as store:
        rows = store.events(actor=actor, type=type, since=since, until=until, limit=limit)
    _emit(rows, format, ["day", "type", "mode", "source_codes", "target_codes", "modality", "evidence_text"])


@app.command(epilog='Example: communique quotes --speaker Lavrov')
def quotes(
    db: DbOption = None,
    speaker: Annotated[str | None, typer.Option(help="Part of the speaker's name.")] = None,
    country: Annotated[str | None, typer.Option(help="Speaker's country code.")] = None,
    limit: Annotated[int, typer.Option(help="How many.")] = 200,
    format: FormatOption = "table",
) -> None:
    """Who said what, with the source article and date."""
    with _open_store(db) as store:
        rows = store.quotes(speaker=speaker, country=country, limit=limit)
    _emit(rows, format, ["published", "speaker_name", "speaker_country", "text", "article_source"])


@app.command(epilog="Example: communique actors --country RUS")
def actors(
    db: DbOption = None,
    country: Annotated[str | None, typer.Option(help="Country or IGO code.")] = None,
    limit: Annotated[int, typer.Option(help="How many.")] = 100,
    format: FormatOption = "table",
) -> None:
    """Actors across all articles, with mention counts."""
    with _open_store(db) as store:
        rows = store.actors(country=country, limit=limit)
    _emit(rows, format, ["name", "country", "sector", "role", "mentions", "articles"])


@app.command(epilog="Example: communique timeline --actor UKR --since 2025-05-01")
def timeline(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="Actor code on either side.")] = None,
    since: Annotated[str | None, typer.Option(help="From this day.")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this day.")] = None,
    format: FormatOption = "table",
) -> None:
    """Dated events in order."""
    with _open_store(db) as store:
        rows = [r for r in store.events(actor=actor, since=since, until=until, limit=100000) if r["day"]]
    _emit(rows, format, ["day", "date", "type", "source_codes", "target_codes", "modality", "evidence_text"])


@app.command(epilog="Example: communique positions RUS --kind demand")
def positions(
    holder: Annotated[str | None, typer.Argument(help="Holder code or name.")] = None,
    db: DbOption = None,
    kind: Annotated[str | None, typer.Option(help="demand, proposal, offer, support or rejection.")] = None,
    addressee: Annotated[str | None, typer.Option(help="Addressee code.")] = None,
    format: FormatOption = "table",
) -> None:
    """What each side demands, proposes, supports or rejects: grouped by holder and addressee, newest first."""
    with _open_store(db) as store:
        rows = store.positions(holder=holder, kind=kind, addressee=addressee)
    columns = ["holder", "addressee", "kind", "content", "condition_for", "day", "first_seen", "article_source"]
    # one section per holder -> addressee pair, so each side's stance list reads as a block
    _emit(rows, format, columns, group_by=("holder", "addressee"))


@app.command(epilog="Example: communique upcoming --as-of 2025-06-01 --format jsonl")
def upcoming(
    as_of: Annotated[str | None, typer.Option("--as-of", help="Day to count from (default: today).")] = None,
    db: DbOption = None,
    format: FormatOption = "table",
) -> None:
    """Planned events still to come on a day: meetings, talks, visits, releases, soonest first.

    A plan for a week or a month ("next week", "later this month") counts until its last day."""
    from datetime import date

    with _open_store(db) as store:
        rows = store.upcoming(as_of=as_of or date.today().isoformat())
    _emit(
        rows,
        format,
        ["planned_for", "days_ahead", "planned_location", "type", "source_codes", "target_codes", "article_source", "evidence_text"],
    )


@app.command(epilog="Example: communique stories --actor RUS --min-articles 2")
def stories(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="Actor code on either side.")] = None,
    type: Annotated[str | None, typer.Option(help="PLOVER event type.")] = None,
    since: Annotated[str | None, typer.Option(help="From this day.")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this day.")] = None,
    min_articles: Annotated[int, typer.Option(help="Only stories reported by at least this many articles.")] = 2,
    method: Annotated[str, typer.Option(help="auto, embedding or lexical similarity of the evidence.")] = "auto",
    format: FormatOption = "table",
) -> None:
    """The same event reported by several articles: one story, its sources, and where they disagree."""
    if method not in ("auto", "embedding", "lexical"):
        _fail(f"unknown method {method!r}: use auto, embedding or lexical", 2)
    with _open_store(db) as store:
        rows = store.stories(actor=actor, type=type, since=since, until=until, min_articles=min_articles, method=method)
    if format == "table":
        for row in rows:
            row["actors"] = " -> ".join(x for x in (row["source_codes"], row["target_codes"]) if x)
            row["disagree"] = "; ".join(
                d["field"] + ": " + " vs ".join(f"{v['value']} ({', '.join(v['sources'])})" for v in d["values"])
                for d in row["disagreements"]
            )
            row["outlets"] = ", ".join(row["sources"])
    _emit(
        rows,
        format,
        ["type", "actors", "date", "first_report", "last_report", "num_articles", "outlets", "disagree", "evidence"],
    )


@app.command(epilog='Example: communique search "prisoner exchange"')
def search(
    words: Annotated[str, typer.Argument(help="Words to find in article text.")],
    db: DbOption = None,
    format: FormatOption = "table",
) -> None:
    """Full-text search over stored articles."""
    with _open_store(db) as store:
        rows = store.search(words)
    _emit(rows, format, ["id", "published", "source", "title", "snippet"])


@app.command(epilog="Example: communique serve --db talks.db --port 8000  (then open http://127.0.0.1:8000)")
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Interface to listen on (0.0.0.0 for every interface).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the web view and the JSON API (docs at /docs) over a database, read-only."""
    try:
        import uvicorn

        from ..web import create_app
    except ImportError as exc:
        _fail(f"the web view needs the web extra: pip install 'communique[web]' ({exc.name} is missing)")
    try:
        web_app = create_app(_settings(db))
    except CommuniqueError as exc:
        _fail(str(exc))
    err.print(f"serving {escape(_settings(db).db)} at http://{host}:{port}  (API docs at /docs; Ctrl-C to stop)")
    uvicorn.run(web_app, host=host, port=port, log_level="warning")



@app.command(epilog="Example: communique export --format parquet --output events/  (then: duckdb, pandas.read_parquet)")
def export(
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv, parquet or gdelt (GDELT 2.0 event rows).")] = "jsonl",
    table: Annotated[str, typer.Option(help="events, quotes, actors, timexes or positions.")] = "events",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File (default stdout); for parquet, a folder (one per month).")
    ] = None,
    actor: Annotated[str | None, typer.Option(help="Only events with this actor code on either side.")] = None,
    since: Annotated[str | None, typer.Option(help="From this day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this day (YYYY-MM-DD).")] = None,
) -> None:
    """Export the record for other tools: JSONL, CSV, Parquet by month, or GDELT's tab-separated event table."""
    from ..export import export as run_export

    if format == "parquet" and output is None:
        _fail("parquet is written to a folder: give --output FOLDER", 2)
    with _open_store(db) as store:
        try:
            if format == "parquet":
                count = run_export(store.conn, format, table=table, folder=output, actor=actor, since=since, until=until)
            elif output is None:
                count = run_export(store.conn, format, table=table, out=sys.stdout, actor=actor, since=since, until=until)
            else:
                with output.open("w", encoding="utf-8", newline="") as fh:
                    count = run_export(store.conn, format, table=table, out=fh, actor=actor, since=since, until=until)
        except ValueError as exc:
            _fail(str(exc), 2)
    what = "GDELT rows (one per actor pair)" if format == "gdelt" else table
    err.print(f"exported {count} {what}" + (f" to {output}" if output else ""))


@db_app.command("migrate", epilog="Example: communique db migrate --db talks.db")
def db_migrate(db: DbOption = None) -> None:
    """Apply pending schema migrations (a backup is written first)."""
    with _open_store(db, readonly=False) as store:
        counts = store.stats()
    if store.backup_path:
        err.print(f"backed up the database before migrating it: {escape(store.backup_path)}")
    err.print(f"{_settings(db).db} is up to date: " + ", ".join(f"{v} {k}" for k, v in counts.items()))


@db_app.command("stats", epilog="Example: communique db stats")
def db_stats(db: DbOption = None, format: FormatOption = "table") -> None:
    """Counts of stored articles and annotations."""
    with _open_store(db) as store:
        counts = store.stats()
    _emit([counts], format, list(counts))



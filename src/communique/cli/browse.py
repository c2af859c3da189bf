"""Commands that read the store: listings, queries, stories, search, serve, export, db."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ..errors import CommuniqueError
from . import views
from ._common import (
    LIST_FORMATS,
    DbOption,
    FormatOption,
    LimitOption,
    ModalityOption,
    OldestOption,
    SinceOption,
    UntilOption,
    WideOption,
    _at_least,
    _check_format,
    _emit,
    _fail,
    _open_store,
    _settings,
    app,
    db_app,
    err,
    out,
    user_errors,
)


@app.command(epilog="Example: communique articles --source \"Harbour Wire\" --since 2025-06-01")
def articles(
    db: DbOption = None,
    source: Annotated[str | None, typer.Option(help="Only articles from this outlet.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = 50,
    oldest_first: OldestOption = False,
    format: FormatOption = "table",
    wide: WideOption = False,
) -> None:
    """List stored articles, newest first: id (for `show`), day, title and outlet, and counts of
    events/quotes/actors."""
    _check_format(format, LIST_FORMATS)
    with _open_store(db) as store, user_errors():
        rows = store.articles(source=source, since=since, until=until, limit=_at_least(limit, 1, "--limit"),
                              oldest_first=oldest_first)
    _emit(rows, format, ["id", "published", "source", "title", "events", "quotes", "actors"],
          table=views.articles(wide), wide=wide)


@app.command(epilog="Example: communique show demo-02  (ids are listed by `communique articles`)")
def show(
    article_id: Annotated[str, typer.Argument(help="Article id (see `communique articles`).")],
    db: DbOption = None,
) -> None:
    """Show one article with its annotations highlighted."""
    from ..render import render_document

    with _open_store(db) as store:
        document = store.document(article_id)
    if document is None:
        _fail(f"no article with id {article_id!r} in the database (see `communique articles`)")
    render_document(document, out)


@app.command(
    epilog="Example: communique events --actor Russia --type REQUEST --since 2025-05-01 --modality asserted"
)
def events(
    db: DbOption = None,
    actor: Annotated[
        str | None, typer.Option(help="Actor on either side: a code (RUS), a name or alias (Russia, Putin).")
    ] = None,
    type: Annotated[
        str | None, typer.Option("--type", "-t", help="PLOVER type (CONSULT, REQUEST...).")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    source: Annotated[str | None, typer.Option(help="Only events reported by this outlet.")] = None,
    modality: ModalityOption = None,
    limit: LimitOption = 200,
    oldest_first: OldestOption = False,
    format: FormatOption = "table",
    wide: WideOption = False,
) -> None:
    """Who did what to whom: coded events with their evidence, newest first.

    Codes and their names: `communique codes`. A plan, a condition or a denial shows its
    modality under the type; `--modality asserted` keeps only what the text says happened."""
    _check_format(format, LIST_FORMATS)
    with _open_store(db) as store, user_errors():
        rows = store.events(
            actor=actor,
            type=type,
            since=since,
            until=until,
            source=source,
            modality=modality,
            limit=_at_least(limit, 1, "--limit"),
            oldest_first=oldest_first,
        )
        if format == "table":
            store.attach_sides(rows)
    _emit(rows, format, [], table=views.events(wide), wide=wide)


@app.command(epilog="Example: communique quotes --speaker Lavrov")
def quotes(
    db: DbOption = None,
    speaker: Annotated[
        str | None, typer.Option(help="Part of the speaker's name (a surname will do).")
    ] = None,
    country: Annotated[
        str | None, typer.Option(help="Speaker's country: a code or a name (RUS, Russia).")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = 200,
    oldest_first: OldestOption = False,
    format: FormatOption = "table",
    wide: WideOption = False,
) -> None:
    """Who said what, newest first, with the article it is from."""
    _check_format(format, LIST_FORMATS)
    with _open_store(db) as store, user_errors():
        rows = store.quotes(speaker=speaker, country=country, since=since, until=until,
                            limit=_at_least(limit, 1, "--limit"), oldest_first=oldest_first)
    _emit(rows, format, [], table=views.quotes(wide), wide=wide)


@app.command(epilog="Example: communique actors --country Russia")
def actors(
    db: DbOption = None,
    country: Annotated[
        str | None, typer.Option(help="Country or IGO: a code or a name (RUS, Russia, NATO).")
    ] = None,
    limit: LimitOption = 100,
    format: FormatOption = "table",
    wide: WideOption = False,
) -> None:
    """Actors across all articles, most mentioned first."""
    _check_format(format, LIST_FORMATS)
    with _open_store(db) as store, user_errors():
        rows = store.actors(country=country, limit=_at_least(limit, 1, "--limit"))
    _emit(rows, format, [], table=views.actors(wide), wide=wide)


@app.command(epilog="Example: communique timeline --actor UKR --since 2025-05-01")
def timeline(
    db: DbOption = None,
    actor: Annotated[
        str | None, typer.Option(help="Actor on either side: a code, a name or an alias.")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    modality: ModalityOption = None,
    limit: LimitOption = 1000,
    oldest_first: OldestOption = False,
    format: FormatOption = "table",
    wide: WideOption = False,
) -> None:
    """Events the text dates, ordered by that date (newest first).

    Unlike `events`, which lists every event by its day (its article's day when the text
    gives none), the timeline keeps only events with a date of their own."""
    _check_format(format, LIST_FORMATS)
    with _open_store(db) as store, user_errors():
        rows = store.events(actor=actor, since=since, until=until, modality=modality, limit=100_000,
                            oldest_first=oldest_first)
        rows = [r for r in rows if r["date"] and r["day"]][: _at_least(limit, 1, "--limit")]
        if format == "table":
            store.attach_sides(rows)
    _emit(rows, format, [], table=views.events(wide), wide=wide, caption=views.TIMELINE_CAPTION)


@app.command(epilog="Examples: communique positions Russia --kind demand; communique positions RUS --threads")
def positions(
    holder: Annotated[
        str | None, typer.Argument(help="Holder: a code, a name or an alias (RUS, Russia, Lavrov).")
    ] = None,
    db: DbOption = None,
    kind: Annotated[str | None, typer.Option(help="demand, proposal, offer, support or rejection.")] = None,
    addressee: Annotated[str | None, typer.Option(help="Addressee: a code or a name.")] = None,
    threads: Annotated[
        bool,
        typer.Option(
            "--threads", help="One line per stance across articles: since when, how often, changed."
        ),
    ] = False,
    format: FormatOption = "table",
    oldest_first: OldestOption = False,
    wide: WideOption = False,
) -> None:
    """What each side demands, proposes, supports or rejects.

    Grouped by holder and addressee, newest first.
    """
    _check_format(format, LIST_FORMATS)
    if threads:
        _position_threads(db, holder, kind, addressee, format)
        return
    with _open_store(db) as store, user_errors():
        rows = store.positions(holder=holder, kind=kind, addressee=addressee, oldest_first=oldest_first)
    columns = [
        "holder", "addressee", "kind", "content", "condition_for", "day", "first_seen", "article_source",
    ]
    # one section per holder -> addressee pair, so each side's stance list reads as a block
    _emit(rows, format, columns, group_by=("holder", "addressee"), table=views.positions(wide), wide=wide)


def _position_threads(
    db: str | None, holder: str | None, kind: str | None, addressee: str | None, format: str
) -> None:
    """`positions --threads`: each stance once, first stated and last restated ("since when")."""
    with _open_store(db) as store, user_errors():
        rows = store.position_threads(holder=holder, kind=kind, addressee=addressee)
    for row in rows:  # "demand -> offer" when the latest statement changed the kind
        changed = row["latest_kind"] != row["kind"]
        row["stance"] = f"{row['kind']} -> {row['latest_kind']}" if changed else row["kind"]
    columns = ["holder", "stance", "content", "since", "last", "days", "articles", "sources", "change"]
    for row in rows:
        row["since"], row["last"] = row["first_day"], row["last_day"]
    _emit(rows, format, columns, group_by=("holder",))


@app.command(epilog="Example: communique upcoming --as-of 2025-06-08 --format jsonl")
def upcoming(
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Day to count from (default: today); later articles do not count."),
    ] = None,
    db: DbOption = None,
    modality: ModalityOption = None,
    format: FormatOption = "table",
    wide: WideOption = False,
) -> None:
    """Planned events still to come on a day: meetings, talks, visits, releases, soonest first.

    Only articles published by that day count. A plan for a week or a month ("next week",
    "later this month") counts until its last day."""
    from datetime import date

    _check_format(format, LIST_FORMATS)
    with _open_store(db) as store, user_errors():
        rows = store.upcoming(as_of=as_of or date.today().isoformat(), modality=modality)
        if format == "table":
            store.attach_sides(rows)
    _emit(rows, format, [], table=views.upcoming(wide), wide=wide)


@app.command(epilog='Example: communique search "prisoner exchange"')
def search(
    words: Annotated[str, typer.Argument(help="Words to find in article text.")],
    db: DbOption = None,
    limit: LimitOption = 50,
    format: FormatOption = "table",
    wide: WideOption = False,
) -> None:
    """Full-text search over stored articles, best match first."""
    _check_format(format, LIST_FORMATS)
    with _open_store(db) as store:
        rows = store.search(words, limit=_at_least(limit, 1, "--limit"))
    _emit(rows, format, [], table=views.search(wide), wide=wide)


@app.command(epilog="Example: communique serve --db talks.db --port 8000  (then open http://127.0.0.1:8000)")
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Interface to listen on (0.0.0.0 for every interface).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the web view and the JSON API (docs at /docs) over a database, read-only."""
    if not 1 <= port <= 65535:
        _fail(f"--port: {port} is not a port; use 1 to 65535 (e.g. 8000)", 2)
    try:
        import uvicorn

        from ..web import create_app
    except ImportError as exc:
        _fail(f"the web view needs the web extra: pip install 'communique[web]' ({exc.name} is missing)")
    try:
        web_app = create_app(_settings(db))
    except CommuniqueError as exc:
        _fail(str(exc))
    err.print(
        f"serving {escape(_settings(db).db)} at http://{host}:{port}  (API docs at /docs; Ctrl-C to stop)"
    )
    uvicorn.run(web_app, host=host, port=port, log_level="warning")



@app.command(
    epilog="Example: communique export --format parquet --output events/  (then: duckdb, pandas.read_parquet)"
)
def export(
    db: DbOption = None,
    format: Annotated[
        str, typer.Option("--format", "-f", help="jsonl, csv, parquet or gdelt (GDELT 2.0 event rows).")
    ] = "jsonl",
    table: Annotated[
        str, typer.Option(help="events, quotes, actors, timexes, positions or articles.")
    ] = "events",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File (default stdout); for parquet, a folder (one per month)."),
    ] = None,
    actor: Annotated[
        str | None, typer.Option(help="Only events with this actor (a code or a name) on either side.")
    ] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    modality: ModalityOption = None,
    all_modalities: Annotated[
        bool,
        typer.Option(
            help="gdelt: also events that are planned, conditional or denied (default: asserted only)."
        ),
    ] = False,
) -> None:
    """Export the record for other tools: JSONL, CSV, Parquet by month, or GDELT's tab-separated event table.

    Every format but gdelt has the events' modality in a column; gdelt holds only asserted events
    unless --all-modalities. A failed export leaves no file behind."""
    from ..export import FORMATS, TABLES
    from ..export import export as run_export

    _check_format(format, FORMATS)
    if table not in TABLES:
        _fail(f"--table: unknown table {table!r} (use {', '.join(TABLES)})", 2)
    _check_output(format, output)
    options = dict(
        table=table, actor=actor, since=since, until=until, modality=modality, all_modalities=all_modalities
    )
    with _open_store(db) as store, user_errors():
        try:
            if format == "parquet":
                count = run_export(store.conn, format, folder=output, **options)
            elif output is None:
                count = run_export(store.conn, format, out=sys.stdout, **options)
            else:
                count = _export_to_file(output, lambda fh: run_export(store.conn, format, out=fh, **options))
        except ValueError as exc:
            _fail(str(exc), 2)
        except OSError as exc:
            _fail(f"cannot write {output}: {exc.strerror or exc}; nothing was exported")
    what = "GDELT rows (one per actor pair)" if format == "gdelt" else table
    err.print(f"exported {count} {what}" + (f" to {escape(str(output))}" if output else ""))


def _check_output(format: str, output: Path | None) -> None:
    """Where an export goes, checked before anything is read: one line, no traceback, no file left."""
    if format == "parquet":
        if output is None:
            _fail("parquet is written to a folder: give --output FOLDER", 2)
        if output.exists() and not output.is_dir():
            _fail(
                f"--output: {output} is a file; parquet is written to a folder (one sub-folder per month)", 2
            )
        if not output.parent.is_dir():
            _fail(f"--output: no folder {output.parent}; create it first", 2)
        return
    if output is None:
        return
    if output.is_dir():
        _fail(
            f"--output: {output} is a folder; give a file name in it (e.g. {output / ('events.' + format)})",
            2,
        )
    if not output.parent.is_dir():
        _fail(f"--output: no folder {output.parent}; create it first", 2)


def _export_to_file(output: Path, write) -> int:
    """Write through a temporary file beside `output`, renamed into place only when complete:
    a full disk or an error leaves neither a partial nor an empty file."""
    import os
    import tempfile

    fd, temp = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".part", dir=output.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            count = write(fh)
        os.replace(temp, output)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return count


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



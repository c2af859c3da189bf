"""The `communique` command: thin Typer commands over the library.

The CLI owns the rich Console; library code never prints. Errors a user can
cause end in one line naming the file (and line); the rest of a batch runs.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .errors import CommuniqueError
from .settings import Settings

app = typer.Typer(
    name="communique",
    help="Turn news about diplomacy and conflict into a sourced, queryable record.\n\n"
    "Example: communique ingest examples/ && communique events --actor RUS",
    no_args_is_help=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)
db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
app.add_typer(db_app, name="db")

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    str | None, typer.Option("--db", help="SQLite database (default ./communique.db, or env COMMUNIQUE_DB).")
]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, jsonl, json or csv.")]
PathsArg = Annotated[list[str], typer.Argument(help="Files, folders, or - for stdin (.txt, .html, .json, .jsonl).")]


def _fail(message: str, code: int = 1) -> None:
    err.print(f"[red]error:[/red] {escape(message)}")
    raise typer.Exit(code)


def _settings(db: str | None = None) -> Settings:
    return Settings.load(db=db)


def _pipeline(settings: Settings):
    from .pipeline import Pipeline

    with err.status("Loading the language pipeline…", spinner="dots") if err.is_terminal else _null():
        return Pipeline(settings)


class _null:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _open_store(db: str | None, readonly: bool = True):
    from .store import Store

    try:
        return Store(_settings(db).db, readonly=readonly)
    except CommuniqueError as exc:
        _fail(str(exc))


@app.command(epilog="Example: communique extract article.txt --format json")
def extract(
    paths: PathsArg,
    format: FormatOption = "jsonl",
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes for spaCy.")] = 1,
) -> None:
    """Annotate articles and print the result; nothing is stored."""
    from .engine.local import SkippedInput
    from .engine.local import extract as run_extract
    from .errors import InputError

    if format not in ("jsonl", "json", "table"):
        _fail(f"unknown format {format!r}: use jsonl, json or table", 2)
    try:
        pipeline = _pipeline(_settings())
    except CommuniqueError as exc:
        _fail(str(exc))
    failed = 0
    collected = []
    for result in run_extract(paths, pipeline, n_process=jobs):
        if isinstance(result, SkippedInput):  # e.g. not in English: a note, not a failure
            err.print(f"[yellow]note:[/yellow] {escape(str(result))}")
            continue
        if isinstance(result, InputError):
            failed += 1
            err.print(f"[red]error:[/red] {escape(str(result))}")
            continue
        if format == "jsonl":
            sys.stdout.write(result.to_json() + "\n")
        elif format == "json":
            collected.append(result.to_dict())
        else:
            _print_document_summary(result)
    if format == "json":
        sys.stdout.write(json.dumps(collected, ensure_ascii=False, indent=1) + "\n")
    if failed:
        raise typer.Exit(1)


@app.command(epilog="Example: communique ingest news/ https://example.org/world/rss.xml --db talks.db")
def ingest(
    paths: PathsArg,
    db: DbOption = None,
    reprocess: Annotated[bool, typer.Option(help="Re-annotate already stored articles with the current pipeline.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes for spaCy.")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    allow_private: Annotated[bool, typer.Option(help="Allow fetching from private and loopback addresses.")] = False,
    rate: Annotated[float, typer.Option(help="At most this many requests per second to one host.")] = 1.0,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask", metavar="ADDRESS",
            help="Annotate on a Dask cluster (tcp://HOST:8786), or 'local' for a LocalCluster of --jobs workers.",
        ),
    ] = None,
) -> None:
    """Annotate articles and store them; re-ingesting the same article is a no-op.

    PATHS can also be RSS/Atom feeds (files or URLs) and article URLs: pages are fetched,
    their text extracted, and pages already stored are not fetched again.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from .engine.local import ingest as run_ingest
    from .fetching import Fetcher, FetchOptions
    from .reading import count_articles
    from .store import Store

    settings = _settings(db)
    try:
        pipeline = None if dask else _pipeline(settings)  # with --dask, the workers load it
        store = Store(settings.db)
    except CommuniqueError as exc:
        _fail(str(exc))
    total = count_articles(paths)
    progress = Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=err,
        disable=quiet or not err.is_terminal,
        transient=False,
    )
    import time

    started = time.perf_counter()
    with progress:
        task = progress.add_task("ingest", total=total, rate="")

        def on_article(name: str, outcome: str, message: str | None) -> None:
            if outcome == "failed":
                progress.console.print(f"[red]error:[/red] {escape(message or name)}")
            elif message:  # skipped (another language) or stored with a note (future date set aside)
                progress.console.print(f"[yellow]note:[/yellow] {escape(message)}")
            done = progress.tasks[0].completed + 1
            elapsed = max(time.perf_counter() - started, 1e-6)
            progress.update(task, advance=1, rate=f"{done / elapsed:.1f} articles/s")

        try:
            with Fetcher(FetchOptions(per_host_rate=rate, allow_private=allow_private)) as fetcher:
                if dask:
                    report = _ingest_on_dask(dask, paths, store, settings, jobs, reprocess, on_article, fetcher)
                else:
                    report = run_ingest(
                        paths, store, pipeline, reprocess=reprocess, n_process=jobs, on_article=on_article, fetcher=fetcher
                    )
        except KeyboardInterrupt:
            store.close()
            err.print("[yellow]interrupted:[/yellow] every article stored so far is complete; run again to continue")
            raise typer.Exit(130) from None
    store.close()
    elapsed = time.perf_counter() - started
    if not quiet:
        c = report.counts
        err.print(
            f"[green]{report.stored} stored[/green], {report.replaced} re-annotated, {report.skipped} already stored, "
            f"[{'red' if report.failed else 'green'}]{report.failed} failed[/] in {elapsed:.1f}s into {settings.db}\n"
            f"found {c['events']} events, {c['quotes']} quotes, {c['actors']} actors, {c['timexes']} dates, "
            f"{c['positions']} positions"
        )
    if report.failed:
        raise typer.Exit(1)


@app.command(epilog="Example: communique watch https://example.org/world/rss.xml inbox/ --every 15m")
def watch(
    sources: Annotated[list[str], typer.Argument(help="Feeds (URLs or files), article URLs and folders to poll.")],
    every: Annotated[str, typer.Option(help="How often to poll: 30s, 15m, 2h.")] = "15m",
    db: DbOption = None,
    allow_private: Annotated[bool, typer.Option(help="Allow fetching from private and loopback addresses.")] = False,
    rate: Annotated[float, typer.Option(help="At most this many requests per second to one host.")] = 1.0,
    max_polls: Annotated[int | None, typer.Option(help="Stop after this many polls (default: run until Ctrl-C).")] = None,
) -> None:
    """Poll feeds and folders and ingest what is new, until Ctrl-C.

    Logs one line per new article and per failure; a feed that is down or returns
    garbage is reported and polled again next time. Ctrl-C stops between articles.
    """
    from datetime import datetime

    from .fetching import Fetcher, FetchOptions
    from .store import Store
    from .watch import parse_interval
    from .watch import watch as run_watch

    try:
        interval = parse_interval(every)
    except ValueError as exc:
        _fail(str(exc), 2)
    settings = _settings(db)
    try:
        pipeline = _pipeline(settings)
        store = Store(settings.db)
    except CommuniqueError as exc:
        _fail(str(exc))

    def stamp() -> str:
        return datetime.now().strftime("%H:%M:%S")

    def on_article(name: str, outcome: str, message: str | None) -> None:
        if outcome == "failed":
            err.print(f"{stamp()} [red]error:[/red] {escape(message or name)}")
        elif outcome in ("stored", "replaced"):
            err.print(f"{stamp()} [green]{outcome}[/green] {escape(name)}")

    def on_poll(n: int, report) -> None:
        err.print(f"{stamp()} poll {n}: {report.stored} new, {report.failed} failed; next in {every}")

    err.print(f"{stamp()} watching {len(sources)} source(s) every {every} into {settings.db}; Ctrl-C to stop")
    try:
        with Fetcher(FetchOptions(per_host_rate=rate, allow_private=allow_private)) as fetcher:
            run_watch(sources, store, pipeline, fetcher, every=interval, max_polls=max_polls,
                      on_article=on_article, on_poll=on_poll)
    except KeyboardInterrupt:
        err.print(f"{stamp()} stopped; every stored article is complete")
    finally:
        store.close()


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
    from .render import render_document

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


@app.command(epilog="Example: communique upcoming --as-of 2025-05-28")
def upcoming(
    as_of: Annotated[str | None, typer.Option("--as-of", help="Day to count from (default: today).")] = None,
    db: DbOption = None,
    format: FormatOption = "table",
) -> None:
    """Planned events on or after a day."""
    from datetime import date

    with _open_store(db) as store:
        rows = store.upcoming(as_of=as_of or date.today().isoformat())
    _emit(
        rows,
        format,
        ["planned_date", "days_ahead", "planned_location", "type", "source_codes", "target_codes", "article_source", "evidence_text"],
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

        from .web import create_app
    except ImportError as exc:
        _fail(f"the web view needs the web extra: pip install 'communique[web]' ({exc.name} is missing)")
    try:
        web_app = create_app(_settings(db))
    except CommuniqueError as exc:
        _fail(str(exc))
    err.print(f"serving {escape(_settings(db).db)} at http://{host}:{port}  (API docs at /docs; Ctrl-C to stop)")
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


def _ingest_on_dask(address, paths, store, settings, jobs, reprocess, on_article, fetcher):
    from .engine.dask import connect, ingest_dask

    try:
        client, cluster = connect(address, jobs=jobs)
    except (OSError, TimeoutError) as exc:
        _fail(f"cannot reach the Dask scheduler at {address} ({exc})")
    with cluster:
        return ingest_dask(
            paths, store, client, settings=settings, reprocess=reprocess, on_article=on_article, fetcher=fetcher
        )


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
    from .export import export as run_export

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
    err.print(f"exported {count} {table}" + (f" to {output}" if output else ""))


@db_app.command("migrate", epilog="Example: communique db migrate --db talks.db")
def db_migrate(db: DbOption = None) -> None:
    """Apply pending schema migrations (a backup is written first)."""
    from .store import Store

    with Store(_settings(db).db) as store:
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


def _emit(rows: list[dict], format: str, columns: list[str], group_by: tuple[str, ...] = ()) -> None:
    if format == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    elif format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    elif format == "table":
        if not rows:
            err.print("nothing found")
            return
        table = Table(show_lines=False, header_style="bold")
        for col in columns:
            table.add_column(col.replace("_", " "), overflow="fold", max_width=70 if col.endswith("text") else None)
        for i, row in enumerate(rows):
            # a line under the last row of each group (group_by columns)
            last = i + 1 == len(rows) or any(rows[i + 1].get(g) != row.get(g) for g in group_by)
            table.add_row(
                *(escape(str(row.get(c) if row.get(c) is not None else "")) for c in columns),
                end_section=bool(group_by) and last,
            )
        out.print(table)
    else:
        _fail(f"unknown format {format!r}: use table, jsonl, json or csv", 2)


def _print_document_summary(document) -> None:
    out.print(f"[bold]{escape(document.article.title or document.id)}[/bold] ({document.article.published or 'undated'})")
    for layer in ("timexes", "actors", "quotes", "events", "positions"):
        out.print(f"  {layer}: {len(getattr(document, layer))}")


def main() -> None:
    try:
        app()
    except CommuniqueError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        sys.exit(1)


if __name__ == "__main__":
    main()


__all__ = ["app", "main", "Path"]

"""Commands that read and annotate articles: extract, ingest, watch."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.markup import escape

from ..engine.processes import exit_now, stop_on_signals
from ..errors import CommuniqueError
from ..publication_date import GUESS_NOTE
from ._common import (
    DbOption,
    PathsArg,
    _at_least,
    _check_format,
    _fail,
    _pipeline,
    _settings,
    app,
    err,
)

EXTRACT_FORMATS = ("jsonl", "json", "table")


@app.command(epilog="Example: communique extract article.txt --format table")
def extract(
    paths: PathsArg,
    format: Annotated[
        str, typer.Option("--format", "-f", help="jsonl (one document a line), json (a list) or table.")
    ] = "jsonl",
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes for spaCy (1 or more).")] = 1,
    explain: Annotated[
        bool, typer.Option("--explain", help="Print each event with the rules that made it (not --format).")
    ] = False,
) -> None:
    """Annotate articles and print the result; nothing is stored."""
    from ..engine.local import SkippedInput
    from ..engine.local import extract as run_extract
    from ..errors import InputError

    _check_format(format, EXTRACT_FORMATS)
    _at_least(jobs, 1, "--jobs")
    try:
        pipeline = _pipeline(_settings())
    except CommuniqueError as exc:
        _fail(str(exc))
    failed = 0
    guessed = 0  # articles whose publication date was guessed from a dateline or URL
    collected = []
    # jsonl: each Document is serialized where it was annotated (spaCy's workers with --jobs)
    results = run_extract(paths, pipeline, n_process=jobs, as_json=format == "jsonl" and not explain)
    try:
        with stop_on_signals():
            for result in results:
                if isinstance(result, SkippedInput):  # e.g. not in English: a note, not a failure
                    err.print(f"[yellow]note:[/yellow] {escape(str(result))}")
                    continue
                if isinstance(result, InputError):
                    failed += 1
                    err.print(f"[red]error:[/red] {escape(str(result))}")
                    continue
                guessed += GUESS_NOTE in result if isinstance(result, str) else any(
                    n.startswith(GUESS_NOTE) for n in result.notes)
                if explain:
                    sys.stdout.write(explain_events(result))
                elif isinstance(result, str):
                    sys.stdout.write(result + "\n")
                elif format == "json":
                    collected.append(result.to_dict())
                else:
                    collected.append(result)
    except KeyboardInterrupt as exc:
        results.close()  # spaCy's worker processes are stopped now, not at exit
        err.print("[yellow]interrupted[/yellow]")
        if jobs > 1:  # spaCy's queue threads would wait at exit for workers that were stopped
            exit_now(getattr(exc, "exit_code", 130))
        raise typer.Exit(getattr(exc, "exit_code", 130)) from None
    if format == "json" and not explain:
        sys.stdout.write(json.dumps(collected, ensure_ascii=False, indent=1) + "\n")
    elif format == "table" and not explain:
        _print_documents(collected)
    if guessed:
        err.print(f"[yellow]note:[/yellow] {guessed} article(s) had no publication date; it was guessed "
                  "from a dateline or the URL (see date_source)")
    if failed:
        raise typer.Exit(1)


def explain_events(document) -> str:
    """Each event of a document on one line, then the rules that made it, stage by stage."""

    def side(refs) -> str:
        return "+".join(r.country or r.name for r in refs) or "-"

    lines = [f"== {document.id}: {len(document.events)} events"]
    for n, event in enumerate(document.events, 1):
        mode = f"/{event.mode}" if event.mode else ""
        arrow = "<->" if event.mutual else "->"
        when = event.date or (event.planned.date if event.planned and event.planned.date else "no date")
        lines.append(f"{n:>3}. {event.type}{mode} {side(event.source)} {arrow} {side(event.target)}"
                     f" [{event.modality}, {when}] trigger {event.trigger!r}")
        lines.append(f"     evidence: {event.evidence.text[:160]!r}")
        stages: dict[str, list[str]] = {}
        for step in event.trace:
            stage, _, rule = step.partition(".")
            stages.setdefault(stage, []).append(rule)
        for stage, rules in stages.items():
            lines.append(f"     {stage:<15} {', '.join(rules)}")
    return "\n".join(lines) + "\n\n"


@app.command(epilog="Example: communique ingest news/ https://example.org/world/rss.xml --db talks.db")
def ingest(
    paths: PathsArg,
    db: DbOption = None,
    reprocess: Annotated[
        bool, typer.Option(help="Re-annotate already stored articles with the current pipeline.")
    ] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Worker processes for spaCy.")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    allow_private: Annotated[
        bool, typer.Option(help="Allow fetching from private and loopback addresses.")
    ] = False,
    rate: Annotated[float, typer.Option(help="At most this many requests per second to one host.")] = 1.0,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            metavar="ADDRESS",
            help=(
                "Annotate on a Dask cluster (tcp://HOST:8786),"
                " or 'local' for a LocalCluster of --jobs workers."
            ),
        ),
    ] = None,
) -> None:
    """Annotate articles and store them; re-ingesting the same article is a no-op.

    PATHS can also be RSS/Atom feeds (files or URLs) and article URLs: pages are fetched,
    their text extracted, and pages already stored are not fetched again.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from ..engine.local import ingest as run_ingest
    from ..fetching import Fetcher, FetchOptions
    from ..reading import count_articles
    from ..store import Store

    _at_least(jobs, 1, "--jobs")
    if rate <= 0:
        _fail(f"--rate: must be above 0 requests per second, not {rate}", 2)
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

        set_aside = 0  # skipped with a note (another language): not "already stored"

        def on_article(name: str, outcome: str, message: str | None) -> None:
            nonlocal set_aside
            if outcome == "skipped" and message:
                set_aside += 1
            if outcome == "failed":
                progress.console.print(f"[red]error:[/red] {escape(message or name)}")
            elif message:  # skipped (another language) or stored with a note (future date set aside)
                progress.console.print(f"[yellow]note:[/yellow] {escape(message)}")
            done = progress.tasks[0].completed + 1
            elapsed = max(time.perf_counter() - started, 1e-6)
            progress.update(task, advance=1, rate=f"{done / elapsed:.1f} articles/s")

        try:
            # SIGTERM/SIGHUP (timeout, systemd, docker stop) stop like Ctrl-C: what is annotated is stored
            options = FetchOptions(per_host_rate=rate, allow_private=allow_private)
            with stop_on_signals(), Fetcher(options) as fetcher:
                if dask:
                    report = _ingest_on_dask(
                        dask, paths, store, settings, jobs, reprocess, on_article, fetcher
                    )
                else:
                    report = run_ingest(
                        paths,
                        store,
                        pipeline,
                        reprocess=reprocess,
                        n_process=jobs,
                        on_article=on_article,
                        fetcher=fetcher,
                    )
        except KeyboardInterrupt as exc:
            store.close()
            err.print(
                "[yellow]interrupted:[/yellow] every article stored so far is complete; run again to continue"
            )
            if jobs > 1:  # spaCy's queue threads would wait at exit for workers that were stopped
                exit_now(getattr(exc, "exit_code", 130))
            raise typer.Exit(getattr(exc, "exit_code", 130)) from None
    store.close()
    elapsed = time.perf_counter() - started
    if not quiet:
        c = report.counts
        not_english = f"{set_aside} skipped (not English), " if set_aside else ""
        failed_colour = "red" if report.failed else "green"
        err.print(
            f"[green]{report.stored} stored[/green], {report.replaced} re-annotated, "
            f"{report.skipped - set_aside} already stored, {not_english}"
            f"[{failed_colour}]{report.failed} failed[/] in {elapsed:.1f}s into {settings.db}\n"
            f"found {c['events']} events, {c['quotes']} quotes, {c['actors']} actors, {c['timexes']} dates, "
            f"{c['positions']} positions"
        )
    if report.failed:
        raise typer.Exit(1)


@app.command(epilog="Example: communique watch https://example.org/world/rss.xml inbox/ --every 15m")
def watch(
    sources: Annotated[
        list[str], typer.Argument(help="Feeds (URLs or files), article URLs and folders to poll.")
    ],
    every: Annotated[str, typer.Option(help="How often to poll: 30s, 15m, 2h.")] = "15m",
    db: DbOption = None,
    allow_private: Annotated[
        bool, typer.Option(help="Allow fetching from private and loopback addresses.")
    ] = False,
    rate: Annotated[float, typer.Option(help="At most this many requests per second to one host.")] = 1.0,
    max_polls: Annotated[
        int | None, typer.Option(help="Stop after this many polls (default: run until Ctrl-C).")
    ] = None,
) -> None:
    """Poll feeds and folders and ingest what is new, until Ctrl-C.

    Logs one line per new article and per failure; a feed that is down or returns
    garbage is reported and polled again next time. Ctrl-C stops between articles.
    """
    from datetime import datetime

    from ..fetching import Fetcher, FetchOptions
    from ..store import Store
    from ..watch import parse_interval
    from ..watch import watch as run_watch

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
        options = FetchOptions(per_host_rate=rate, allow_private=allow_private)
        with stop_on_signals(), Fetcher(options) as fetcher:
            run_watch(sources, store, pipeline, fetcher, every=interval, max_polls=max_polls,
                      on_article=on_article, on_poll=on_poll)
    except KeyboardInterrupt:
        err.print(f"{stamp()} stopped; every stored article is complete")
    finally:
        store.close()



def _ingest_on_dask(address, paths, store, settings, jobs, reprocess, on_article, fetcher):
    from ..engine.dask import connect, ingest_dask

    try:
        client, cluster = connect(address, jobs=jobs)
    except (OSError, TimeoutError) as exc:
        _fail(f"cannot reach the Dask scheduler at {address} ({exc})")
    with cluster:
        return ingest_dask(
            paths,
            store,
            client,
            settings=settings,
            reprocess=reprocess,
            on_article=on_article,
            fetcher=fetcher,
        )




def _print_documents(documents: list) -> None:
    """`extract --format table`: one row per article with what was found, then every event found."""
    from . import views
    from ._common import out
    from .tables import Col, key, lines, render

    if not documents:
        err.print("nothing extracted")
        return
    summary = [
        {"id": d.id, "published": d.article.published or "undated", "title": d.article.title or "",
         "source": d.article.source, **{layer: len(getattr(d, layer)) for layer in LAYERS}}
        for d in documents
    ]
    columns = [Col("id", key("id")), Col("published", key("published")),
               Col("title", lambda r: lines(r["title"], r["source"]), "long"),
               Col("d/a/q/e/p", lambda r: "/".join(str(r[layer]) for layer in LAYERS))]
    render(summary, columns, out, caption="d/a/q/e/p: dates, actors, quotes, events and positions found")
    events = [_event_row(d, i, e) for d in documents for i, e in enumerate(d.events)]
    if events:
        render(events, views.events(False), out)


LAYERS = ("timexes", "actors", "quotes", "events", "positions")


def _event_row(document, idx: int, e) -> dict:
    """An annotated event as the row `communique events` shows (nothing is stored by extract)."""
    from ..store import day_of

    return {
        "article_id": document.id, "article_source": document.article.source, "idx": idx,
        "type": e.type, "mode": e.mode, "modality": e.modality, "date": e.date,
        "day": day_of(e.date) or document.article.published, "mutual": e.mutual,
        "source_actors": [{"code": r.country, "name": r.name} for r in e.source],
        "target_actors": [{"code": r.country, "name": r.name} for r in e.target],
        "evidence_text": e.evidence.text,
    }

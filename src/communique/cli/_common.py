"""What every command shares: the Typer app, the consoles, options and output helpers.

The CLI owns the rich Console; library code never prints. Errors a user can
cause end in one line naming the file (and line); the rest of a batch runs.
"""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from ..errors import CommuniqueError
from ..settings import SETTINGS_HELP, Settings

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
    str | None,
    typer.Option("--db", help=SETTINGS_HELP["db"] + " Default ./communique.db, or env COMMUNIQUE_DB."),
]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, jsonl, json or csv (every field).")]
WideOption = Annotated[
    bool, typer.Option("--wide", "-w", help="Cut nothing: long text wraps, every column shown.")
]
OldestOption = Annotated[
    bool, typer.Option("--oldest-first", help="Oldest first (the default is newest first).")
]
SinceOption = Annotated[str | None, typer.Option(help="From this day (YYYY-MM-DD).")]
UntilOption = Annotated[str | None, typer.Option(help="Up to this day, included (YYYY-MM-DD).")]
LimitOption = Annotated[int, typer.Option(help="At most this many rows.")]
ModalityOption = Annotated[
    str | None,
    typer.Option(
        help="asserted, future, hypothetical, negated, a comma list, or all (default: all but negated)."
    ),
]
PathsArg = Annotated[
    list[str], typer.Argument(help="Files, folders, or - for stdin (.txt, .html, .json, .jsonl).")
]


def _fail(message: str, code: int = 1) -> None:
    err.print(f"[red]error:[/red] {escape(message)}")
    raise typer.Exit(code)


def _settings(db: str | None = None) -> Settings:
    try:
        return Settings.load(db=db)
    except CommuniqueError as exc:  # e.g. COMMUNIQUE_MAX_CHARS=abc
        _fail(str(exc), 2)
        raise  # not reached: _fail exits


# Set by `cli.main`, where a command is a process of its own: see `_pipeline`.
_PROCESS = {"freeze_after_loading": False}


def _pipeline(settings: Settings):
    from ..pipeline import Pipeline

    with err.status("Loading the language pipeline…", spinner="dots") if err.is_terminal else _null():
        pipeline = Pipeline(settings)
    if _PROCESS["freeze_after_loading"]:
        # The pipeline (a quarter of a million objects: model, knowledge, gazetteers) lives as long as
        # the process: the cyclic garbage collector skips it from now on instead of walking it at every
        # full collection (1 % of an extract's CPU time), and forked workers leave its pages shared.
        gc.freeze()
    return pipeline


class _null:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def _open_store(db: str | None, readonly: bool = True):
    from ..store import Store

    try:
        return Store(_settings(db).db, readonly=readonly)
    except CommuniqueError as exc:
        _fail(str(exc))


def _emit(
    rows: list[dict],
    format: str,
    columns: list[str],
    group_by: tuple[str, ...] = (),
    *,
    table: list | None = None,
    wide: bool = False,
    caption: str | None = None,
) -> None:
    """Rows as a table (the `table` columns of `cli.tables`, else a plain layout of `columns`), or as
    JSON lines, JSON or CSV with every field."""
    _check_format(format, LIST_FORMATS)
    if format == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
    elif format == "csv":
        from ..export import write_csv

        write_csv(iter(rows), sys.stdout, fieldnames=None if rows else columns)
    elif not rows:
        err.print("nothing found")
    else:
        from .tables import render

        sections = (lambda a, b: any(a.get(g) != b.get(g) for g in group_by)) if group_by else None
        render(rows, table or _plain_columns(columns), out, wide=wide, caption=caption, sections=sections)


LIST_FORMATS = ("table", "jsonl", "json", "csv")
_LONG = ("text", "evidence", "title", "content", "snippet", "disagree", "modes", "meaning")
_FIXED = (
    "id", "day", "date", "published", "first_seen", "first_report", "last_report", "num_articles", "events",
    "quotes", "actors", "mentions", "articles", "days_ahead", "type", "kind", "country", "code",
)


def _plain_columns(columns: list[str]) -> list:
    """A table layout from column names alone: long text takes the width left, days and codes never wrap."""
    from .tables import Col, key

    def kind(name: str) -> str:
        if name.endswith(_LONG):
            return "long"
        return "fixed" if name in _FIXED or name.endswith("_codes") else "label"

    return [Col(c.replace("_", " "), key(c), kind(c)) for c in columns]


def _check_format(format: str, allowed: tuple[str, ...]) -> None:
    if format not in allowed:
        from ..filters import suggest

        hint = suggest(format, allowed)
        _fail(f"--format: unknown format {format!r}" + (f"; did you mean {hint}?" if hint else "")
              + f" (use {', '.join(allowed)})", 2)


def _at_least(value: int, low: int, name: str) -> int:
    if value < low:
        _fail(f"{name}: must be at least {low}, not {value}", 2)
    return value


@contextmanager
def user_errors() -> Iterator[None]:
    """A filter the store cannot read ends in one line naming the option, exit status 2."""
    from ..filters import FilterError

    try:
        yield
    except FilterError as exc:
        _fail(f"{option_name(exc.name)}: {exc.detail}", 2)


def option_name(name: str) -> str:
    """The CLI spelling of a filter's name: as_of -> --as-of; a positional argument in capitals."""
    if name in ("holder", "article_id", "words"):
        return name.upper()
    return "--" + name.replace("_", "-")


def _print_document_summary(document) -> None:
    out.print(
        f"[bold]{escape(document.article.title or document.id)}[/bold]"
        f" ({document.article.published or 'undated'})"
    )
    for layer in ("timexes", "actors", "quotes", "events", "positions"):
        out.print(f"  {layer}: {len(getattr(document, layer))}")


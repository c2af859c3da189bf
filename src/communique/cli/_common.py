"""What every command shares: the Typer app, the consoles, options and output helpers.

The CLI owns the rich Console; library code never prints. Errors a user can
cause end in one line naming the file (and line); the rest of a batch runs.
"""

from __future__ import annotations

import csv
import json
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..errors import CommuniqueError
from ..settings import Settings

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
    try:
        return Settings.load(db=db)
    except CommuniqueError as exc:  # e.g. COMMUNIQUE_MAX_CHARS=abc
        _fail(str(exc), 2)
        raise  # not reached: _fail exits


def _pipeline(settings: Settings):
    from ..pipeline import Pipeline

    with err.status("Loading the language pipeline…", spinner="dots") if err.is_terminal else _null():
        return Pipeline(settings)


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


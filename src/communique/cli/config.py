"""`communique settings`: every setting with its environment variable, default and current value."""

from __future__ import annotations

import textwrap
from typing import Annotated

import typer
from rich.markup import escape

from ..settings import describe
from ._common import _settings, app, out


def _shown(value: object) -> str:
    if isinstance(value, tuple):
        return ",".join(map(str, value))
    return "-" if value is None else str(value)


@app.command(epilog="Example: COMMUNIQUE_ANNOTATORS=time communique settings")
def settings(
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Each setting: its environment variable, its default and the value this shell gives it."""
    import json

    from ._common import _check_format

    _check_format(format, ("table", "json"))
    rows = describe(_settings())
    if format == "json":
        out.print_json(json.dumps(rows, default=_shown))
        return
    for row in rows:
        env = f" (env {row['env']})" if row["env"] else ""
        out.print(f"[bold]{row['name']}[/bold]{env} = {escape(_shown(row['value']))}")
        if row["value"] != row["default"]:
            out.print(f"    [dim]default: {escape(_shown(row['default']))}[/dim]")
        for line in textwrap.wrap(row["help"], width=76):
            out.print(f"    {escape(line)}")


def settings_epilog() -> str:
    """The settings an environment variable sets, for the top-level --help."""
    lines = [f"{r['env']}: {r['help']}" for r in describe() if r["env"]]
    return "Settings from the environment (see `communique settings`):\n\n" + "\n\n".join(lines)

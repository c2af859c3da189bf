"""The `communique` command: thin Typer commands over the library.

Commands live in `annotate` (extract, ingest, watch), `browse` (queries, serve,
export, db) and `stories`; `_common` holds the app, the consoles and the output helpers.
"""

from __future__ import annotations

import sys

from rich.markup import escape

from ..errors import CommuniqueError
from ..filters import FilterError
from . import _common, annotate, browse, codes, config, stories  # noqa: F401  (registers the commands)
from ._common import app, err, option_name

app.info.epilog = config.settings_epilog()


def main() -> None:
    _common._PROCESS["freeze_after_loading"] = True  # this process runs one command, then exits
    try:
        app()
    except FilterError as exc:  # a filter read outside a command's own check
        err.print(f"[red]error:[/red] {escape(option_name(exc.name))}: {escape(exc.detail)}")
        sys.exit(2)
    except CommuniqueError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}")
        sys.exit(1)


__all__ = ["app", "main"]

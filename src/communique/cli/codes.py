"""`communique codes`: the values filters take, with what they mean; and `--version`."""

from __future__ import annotations

from typing import Annotated

import typer

from ._common import LIST_FORMATS, FormatOption, WideOption, _check_format, _emit, _fail, app

KINDS = ("types", "modes", "modalities", "kinds", "actors")


def code_rows(kind: str) -> list[dict]:
    """The rows `codes KIND` lists: PLOVER types and modes, modalities, position kinds, actor codes."""
    from ..filters import MODALITIES, POSITION_KINDS, event_types

    if kind == "types":
        from ..knowledge import load_yaml

        table = (load_yaml("plover.yaml") or {}).get("types") or {}
        quads = {
            1: "verbal cooperation",
            2: "material cooperation",
            3: "verbal conflict",
            4: "material conflict",
        }
        return [{"code": t, "quad_class": quads.get((spec or {}).get("quad_class"), ""),
                 "modes": ", ".join(event_types()[t])} for t, spec in table.items()]
    if kind == "modes":
        return [{"code": m, "type": t} for t, modes in event_types().items() for m in modes]
    if kind == "modalities":
        meaning = {
            "asserted": "the text says it happened",
            "future": "planned or expected",
            "hypothetical": "conditional, possible, proposed",
            "negated": "the text says it did not happen",
        }
        return [{"code": m, "meaning": meaning[m]} for m in MODALITIES]
    if kind == "kinds":
        return [{"code": k} for k in POSITION_KINDS]
    return _actor_codes()


def _actor_codes() -> list[dict]:
    from ..knowledge import load_csv

    rows = [{"code": r["code"], "name": r["name"], "kind": "state"} for r in load_csv("actors/states.csv")]
    seen = {r["code"] for r in rows}
    for r in load_csv("actors/organisations.csv"):
        code, kind = r.get("country") or "", r.get("kind") or ""
        if kind == "group":  # a group keeps its own name, with the code of the state it operates in
            rows.append({"code": code, "name": r["name"], "kind": "group"})
        elif kind in ("igo", "coalition") and code and code not in seen:
            seen.add(code)
            rows.append({"code": code, "name": r["name"], "kind": kind})
    return rows


@app.command(epilog="Example: communique codes types  (or: modes, modalities, kinds, actors)")
def codes(
    kind: Annotated[
        str | None, typer.Argument(help="types, modes, modalities, kinds or actors (default: all).")
    ] = None,
    format: FormatOption = "table",
    wide: WideOption = False,
) -> None:
    """The codes filters take: PLOVER event types and modes, modalities, position kinds, and actor codes
    with their names (`--actor` also takes a name: Russia, Putin, Hamas)."""
    _check_format(format, LIST_FORMATS)
    if kind is not None and kind not in KINDS:
        from ..filters import suggest

        hint = suggest(kind, KINDS)
        _fail(
            f"KIND: no list {kind!r}" + (f"; did you mean {hint}?" if hint else f" (use {', '.join(KINDS)})"),
            2,
        )
    from ._common import out

    for name in [kind] if kind else KINDS:
        rows = code_rows(name)
        if format == "table":
            out.print(f"[bold]{name}[/bold]")
        else:
            rows = [{"list": name, **r} for r in rows]
        _emit(rows, format, list(rows[0]) if rows else ["code"], wide=wide)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"communique {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """Turn news about diplomacy and conflict into a sourced, queryable record.

    Example: communique ingest examples/ && communique events --actor Russia"""

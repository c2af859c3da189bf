"""`communique stories`: the stored stories, each outlet's date and words, and where outlets disagree."""

from __future__ import annotations

import re
import textwrap
from typing import Annotated

import typer
from rich.markup import escape

from ._common import DbOption, FormatOption, _emit, _fail, _open_store, app, err, out

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
EVIDENCE_CHARS = 300  # of each report's words in the table view (the JSON has them whole)


@app.command(
    epilog="Example: communique stories --actor RUS --since 2025-06-01   (one story: communique stories ID)"
)
def stories(
    story_id: Annotated[
        str | None, typer.Argument(help="One story's id: every report and background mention.")
    ] = None,
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="Actor code on either side (RUS, NATO...).")] = None,
    type: Annotated[
        str | None, typer.Option("--type", "-t", help="PLOVER type: the stories of its family.")
    ] = None,
    since: Annotated[str | None, typer.Option(help="From this event day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this event day (YYYY-MM-DD).")] = None,
    min_articles: Annotated[
        int, typer.Option(help="Only stories reported by at least this many articles.")
    ] = 2,
    limit: Annotated[int, typer.Option(help="How many stories, newest report first.")] = 50,
    relink: Annotated[bool, typer.Option(help="Rebuild every story from the stored articles first.")] = False,
    format: FormatOption = "table",
) -> None:
    """One event reported by several articles: each outlet's date and words, and where they disagree."""
    for name, value in (("--since", since), ("--until", until)):
        if value and not _DAY.match(value):
            _fail(f"{name} {value!r}: give a day as YYYY-MM-DD", 2)
    if relink:
        _relink(db)
    with _open_store(db) as store:
        if story_id is not None:
            one = store.story(story_id)
            if one is None:
                _fail(f"no story with id {story_id!r} in the database")
            rows = [one]
        else:
            rows = store.stories(
                actor=actor, type=type, since=since, until=until, min_articles=min_articles, limit=limit
            )
            if not rows:
                _hint_unlinked(store)
    if format == "table":
        _print(rows)
    elif format == "csv":
        _emit(_flat(rows), format, [])
    else:
        _emit(rows, format, [])


def _relink(db: str | None) -> None:
    from ..stories import relink_store

    with _open_store(db, readonly=False) as store:
        linked = relink_store(store.conn)
    err.print(f"linked the events of {linked} articles into stories")


def _hint_unlinked(store) -> None:
    """A store made before stories were stored has events but no stories: say how to link them."""
    from ..stories import count

    if count(store.conn) == 0 and store.stats()["events"]:
        err.print(
            "no stories are stored yet: run `communique stories --relink` once to link the stored events"
        )


def _sides(story: dict) -> str:
    return " -> ".join(x for x in (story.get("source_codes"), story.get("target_codes")) if x)


def _say(text: str, indent: int, style: str = "") -> None:
    """Print plain text wrapped to the console's width under an indent (markup-safe)."""
    width = max(40, out.width - indent)
    for line in textwrap.wrap(text, width) or [""]:
        out.print(" " * indent + (f"[{style}]{escape(line)}[/{style}]" if style else escape(line)))


def _print(rows: list[dict]) -> None:
    """Each story as a block: its line, then per report the outlet, days and words, then the disagreements."""
    if not rows:
        err.print("nothing found")
        return
    for s in rows:
        _say(
            f"{s['id']}  {s['type']}  {_sides(s)}  event {s['day'] or '?'}  "
            f"{s['num_articles']} articles, {s['num_sources']} outlets",
            0,
            "bold",
        )
        for m in s["mentions"]:
            modality = f"  ({m['modality']})" if m["modality"] != "asserted" else ""
            _say(
                f"{m['source'] or m['article_id']}  published {m['published'] or '?'}"
                f"  event {m['day'] or '?'}"
                f"{modality}  [{m['article_id']}]",
                2,
                "cyan",
            )
            evidence = m["evidence"] or ""
            _say(evidence if len(evidence) <= EVIDENCE_CHARS else evidence[:EVIDENCE_CHARS] + "…", 4)
        for d in s["disagreements"]:
            said = " vs ".join(f"{v['value']} ({', '.join(v['sources'])})" for v in d["values"])
            _say(f"differ on {d['field']}: {said}", 2, "yellow")
        if s.get("background"):
            _say(f"looked back at by {len(s['background'])} more mentions", 2, "dim")
        out.print()


def _flat(rows: list[dict]) -> list[dict]:
    """One CSV row per report: the story's id, type and day, then the outlet's date and words."""
    return [
        {
            "story": s["id"],
            "type": s["type"],
            "story_day": s["day"],
            "article_id": m["article_id"],
            "outlet": m["source"],
            "published": m["published"],
            "event_day": m["day"],
            "modality": m["modality"],
            "evidence": m["evidence"],
        }
        for s in rows
        for m in s["mentions"]
    ]

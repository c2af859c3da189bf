"""Render a Document in the terminal with its annotations highlighted.

Article text is untrusted: it goes into rich `Text` objects, never into markup.
"""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from .display import actor_label, human_date
from .document import Document

STYLES = {
    "timex": "bold cyan",
    "actor": "bold yellow",
    "quote": "green",
    "event": "underline",
}


def render_document(document: Document, console: Console) -> None:
    a = document.article
    console.print(Text(a.title or document.id, style="bold"))
    console.print(Text(" · ".join(x for x in (f"id {document.id}", a.source, a.published, a.url) if x), style="dim"))
    body = Text(document.text)
    for event in document.events:
        body.stylize(STYLES["event"], event.evidence.start, event.evidence.end)
    for quote in document.quotes:
        body.stylize(STYLES["quote"], quote.start, quote.end)
    for actor in document.actors:
        for m in actor.mentions:
            body.stylize(STYLES["actor"], m.start, m.end)
    for t in document.timexes:
        body.stylize(STYLES["timex"], t.start, t.end)
    console.print(body)
    console.print(
        Text.assemble(
            ("legend: ", "dim"), ("date", STYLES["timex"]), " ", ("actor", STYLES["actor"]), " ",
            ("quote", STYLES["quote"]), " ", ("event evidence", STYLES["event"]),
        )
    )
    if document.quotes:
        console.print(Text("\nQuotes", style="bold"))
        for q in document.quotes:
            who = f"{q.speaker.name} ({q.speaker.country or '?'})" if q.speaker else "unattributed"
            console.print(Text.assemble(("  " + who + ": ", "yellow"), ("“" + q.text + "”", "green")))
    if document.events:
        console.print(Text("\nEvents", style="bold"))
        for e in document.events:
            src = ", ".join(actor_label(r.country, r.name) for r in e.source) or "?"
            tgt = ", ".join(actor_label(r.country, r.name) for r in e.target) or "-"
            when = human_date(e.date) if e.date else "undated"
            line = Text(f"  {when}  {src} {e.type}{'/' + e.mode if e.mode else ''} {tgt} ")
            line.append(f"[{e.modality}]", style="" if e.modality == "asserted" else "italic yellow")
            console.print(line)
            console.print(Text("      " + e.evidence.text, style="dim"))
    if document.timexes:
        console.print(Text("\nDates", style="bold"))
        for t in document.timexes:
            words = human_date(t.value) if t.type in ("DATE", "TIME") else ""
            shown = f"{words} ({t.value})" if words and words != t.value else str(t.value)
            console.print(Text(f"  {t.text!s} -> {shown} ({t.type})"))

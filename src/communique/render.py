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
    console.print(
        Text(" · ".join(x for x in (f"id {document.id}", a.source, a.published, a.url) if x), style="dim")
    )
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
    if document.positions:
        _render_positions(document, console)
    if document.timexes:
        console.print(Text("\nDates", style="bold"))
        for t in document.timexes:
            words = human_date(t.value) if t.type in ("DATE", "TIME") else ""
            shown = f"{words} ({t.value})" if words and words != t.value else str(t.value)
            console.print(Text(f"  {t.text!s} -> {shown} ({t.type})"))


def _render_positions(document: Document, console: Console) -> None:
    """Each position with the quote or reported speech and the event it comes from, so they read together."""
    console.print(Text("\nPositions", style="bold"))
    for p in document.positions:
        holder = ",".join(p.holder) if isinstance(p.holder, list) else p.holder
        addressee = ",".join(p.addressee) if isinstance(p.addressee, list) else p.addressee
        line = f"  {holder or '?'} {p.kind}" + (f" -> {addressee}" if addressee else "") + ": "
        condition = f" (for {p.condition_for})" if p.condition_for else ""
        console.print(Text.assemble((line, "magenta"), p.content + condition))
        if p.quote is not None and p.quote < len(document.quotes):
            q = document.quotes[p.quote]
            who = q.speaker.name if q.speaker else "unattributed"
            console.print(Text(f"      quote by {who}: “{q.text}”", style="green"))
        elif p.statement is not None and p.statement < len(document.statements):
            st = document.statements[p.statement]
            who = st.speaker.name if st.speaker else "unattributed"
            console.print(Text(f"      reported from {who}: {st.content}", style="dim"))
        if p.event is not None and p.event < len(document.events):
            e = document.events[p.event]
            src = ", ".join(r.country or r.name for r in e.source) or "?"
            tgt = ", ".join(r.country or r.name for r in e.target) or "-"
            console.print(Text(f"      event: {src} {e.type} {tgt}", style="dim"))

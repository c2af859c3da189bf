"""Documents written by hand for the stories tests: invented reports with the events a coder would give them.

`report(...)` builds a Document whose events point at phrases of its text, so linking sees what
it would see after the pipeline (offsets, sentences, state names, dates said in a sentence),
without running spaCy.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from communique.document import Actor, ActorRef, Article, Document, Event, Evidence, Location, Mention, Timex


@dataclass
class E:
    """An event: its type, the phrase of the text that tells it, and its sides as actor codes."""

    type: str
    phrase: str
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    date: str | None = None
    said: str | None = None  # the words of the event's sentence that give its date
    mode: str | None = None
    modality: str = "asserted"
    place: tuple[str, str] | None = None  # (name, country code)


def report(
    article_id: str,
    outlet: str,
    published: str,
    text: str,
    events: list[E],
    *,
    title: str | None = None,
    states: dict[str, str] | None = None,
) -> Document:
    """An article of `outlet` published on `published`; `states` names the states of the text
    (name -> code)."""
    actors = []
    for i, (name, code) in enumerate((states or {}).items()):
        spots = [Mention(k, k + len(name), name) for k in _find_all(text, name)]
        actors.append(Actor(id=f"a{i}", name=name, country=code, kind="state", mentions=spots))
    timexes, coded = [], []
    for e in events:
        start = text.index(e.phrase)
        if e.said:
            at = text.index(e.said, max(0, text.rfind(".", 0, start)))
            timexes.append(Timex(e.said, at, at + len(e.said), "DATE", e.date))
        coded.append(
            Event(
                e.type,
                [ActorRef(c, c) for c in e.source],
                [ActorRef(c, c) for c in e.target],
                Evidence(start, start + len(e.phrase), e.phrase),
                mode=e.mode,
                modality=e.modality,
                date=e.date,
                location=Location(e.place[0], e.place[1]) if e.place else None,
            )
        )
    article = Article(id=article_id, text=text, title=title, source=outlet, published=published)
    return Document(article=article, text=text, actors=actors, timexes=timexes, events=coded)


def _find_all(text: str, name: str) -> list[int]:
    out, k = [], text.find(name)
    while k >= 0:
        out.append(k)
        k = text.find(name, k + 1)
    return out


def save_all(store, *documents: Document) -> None:
    for doc in documents:
        store.save(doc, "test")


def story_of(conn, article_id: str, idx: int = 0) -> str | None:
    row = conn.execute(
        "SELECT story_id FROM story_mentions WHERE article_id = ? AND idx = ?", (article_id, idx)
    )
    found = row.fetchone()
    return found[0] if found else None

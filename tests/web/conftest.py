"""Web fixtures: real SQLite databases, built once per session.

- `demo_db`: the demo corpus in examples/ plus a hostile article, run through the
  real pipeline (whatever the annotators find today).
- `coded_db`: documents written by hand with known events, quotes and positions,
  saved through the real Store, so filters and aggregates can be checked exactly.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("jinja2")

from communique.document import (  # noqa: E402
    Actor,
    ActorRef,
    Article,
    Document,
    Event,
    Evidence,
    Mention,
    Position,
    Quote,
    Sentence,
    Timex,
)
from communique.store import Store  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"

# Untrusted text in every field a page shows: none of it may run or become markup.
HOSTILE = """---
id: hostile-1
title: Talks <script>window.__pwned_title = 1</script> resume
source: <img src=x onerror="window.__pwned_source=1">Wire
url: javascript:window.__pwned_url=1
published: 2025-06-04
---
Talks <script>window.__pwned = 1</script> resume
Russian Foreign Minister Sergey Lavrov met Turkish Foreign Minister Hakan Fidan in Ankara on Tuesday.
"We will not accept <b>ultimatums</b> from anyone," Lavrov said after the meeting.
The ministers agreed to meet again in Istanbul next week.
"""


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, pipeline, hostile_dir: Path) -> Path:
    from communique.engine.local import ingest

    path = tmp_path_factory.mktemp("web") / "demo.db"
    sources = [str(hostile_dir)] + ([str(EXAMPLES)] if EXAMPLES.is_dir() else [])
    with Store(path) as store:
        report = ingest(sources, store, pipeline)
    assert report.stored >= 1, report.errors
    return path


@pytest.fixture(scope="session")
def client(demo_db: Path):
    from fastapi.testclient import TestClient

    from communique.web import create_app

    with TestClient(create_app(demo_db)) as test_client:
        yield test_client


def _span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def coded_documents() -> list[Document]:
    """Two articles with hand-coded layers: a meeting, a demand, an accusation, a strike."""
    t1 = (
        "Kremlin and Kyiv trade demands\n"
        "Russian Foreign Minister Sergey Lavrov met Ukrainian envoy Rustem Umerov in Geneva on Monday.\n"
        '"Ukraine must withdraw its troops," Lavrov said.\n'
        "Ukraine accused Russia of shelling Kharkiv."
    )
    lav = _span(t1, "Sergey Lavrov")
    lav2 = _span(t1, "Lavrov", lav[1])
    ume = _span(t1, "Rustem Umerov")
    ukr = _span(t1, "Ukraine must")
    ukr = (ukr[0], ukr[0] + len("Ukraine"))
    ukr2 = _span(t1, "Ukraine accused")
    ukr2 = (ukr2[0], ukr2[0] + len("Ukraine"))
    rus = _span(t1, "Russia of")
    rus = (rus[0], rus[0] + len("Russia"))
    monday = _span(t1, "Monday")
    quote = _span(t1, "Ukraine must withdraw its troops,")
    s2 = _span(
        t1, "Russian Foreign Minister Sergey Lavrov met Ukrainian envoy Rustem Umerov in Geneva on Monday."
    )
    s4 = _span(t1, "Ukraine accused Russia of shelling Kharkiv.")
    lavrov = Actor("a1", "Sergey Lavrov", "RUS", "GOV", "foreign minister", "person",
                   mentions=[Mention(*lav, "Sergey Lavrov"), Mention(*lav2, "Lavrov")])
    umerov = Actor(
        "a2", "Rustem Umerov", "UKR", "GOV", "envoy", "person", mentions=[Mention(*ume, "Rustem Umerov")]
    )
    ukraine = Actor("a3", "Ukraine", "UKR", "GOV", None, "state",
                    mentions=[Mention(*ukr, "Ukraine"), Mention(*ukr2, "Ukraine")])
    russia = Actor("a4", "Russia", "RUS", "GOV", None, "state", mentions=[Mention(*rus, "Russia")])
    doc1 = Document(
        article=Article(
            "coded-1", t1, title="Kremlin and Kyiv trade demands", source="Test Wire", published="2025-06-03"
        ),
        text=t1,
        sentences=[Sentence(*s2), Sentence(*s4)],
        timexes=[Timex("Monday", *monday, "DATE", "2025-06-02")],
        actors=[lavrov, umerov, ukraine, russia],
        quotes=[
            Quote(
                t1[quote[0] : quote[1]],
                *quote,
                speaker=lavrov.ref(),
                verb="said",
                speaker_start=lav2[0],
                speaker_end=lav2[1],
            )
        ],
        events=[
            Event(
                "CONSULT",
                [lavrov.ref()],
                [umerov.ref()],
                Evidence(*s2, t1[s2[0] : s2[1]]),
                mode="visit",
                date="2025-06-02",
                quad_class=1,
                goldstein=1.0,
                mutual=True,
            ),
            Event(
                "REQUEST",
                [lavrov.ref()],
                [ukraine.ref()],
                Evidence(*quote, t1[quote[0] : quote[1]]),
                date="2025-06-03",
                quad_class=1,
                goldstein=-0.5,
            ),
            Event(
                "ACCUSE",
                [ukraine.ref()],
                [russia.ref()],
                Evidence(*s4, t1[s4[0] : s4[1]]),
                date="2025-06-03",
                quad_class=3,
                goldstein=-2.0,
            ),
        ],
        positions=[
            Position(
                "RUS", "demand", "withdraw its troops", *quote, addressee="UKR", holder_name="Sergey Lavrov"
            )
        ],
    )
    t2 = (
        "Drones hit Odesa\n"
        "Russian drones struck the port of Odesa overnight, Ukrainian officials said on Friday."
    )
    s1 = _span(t2, "Russian drones struck the port of Odesa overnight")
    drones = Actor("a1", "Russian drones", "RUS", "MIL", None, "organisation",
                   mentions=[Mention(*_span(t2, "Russian drones"), "Russian drones")])
    odesa = ActorRef("Ukraine", "UKR", "GOV")
    doc2 = Document(
        article=Article("coded-2", t2, title="Drones hit Odesa", source="Other Wire", published="2025-06-06"),
        text=t2,
        actors=[drones],
        events=[Event("ASSAULT", [drones.ref()], [odesa], Evidence(*s1, t2[s1[0]:s1[1]]), date="2025-06-05",
                      quad_class=4, goldstein=-9.0)],
    )
    return [doc1, doc2]


@pytest.fixture(scope="session")
def coded_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "coded.db"
    with Store(path) as store:
        for doc in coded_documents():
            store.save(doc, "test")
    return path


@pytest.fixture(scope="session")
def coded(coded_db: Path):
    from fastapi.testclient import TestClient

    from communique.web import create_app

    with TestClient(create_app(coded_db)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def quiet_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first coded article with its actors only: no quotes, events or positions yet."""
    doc = coded_documents()[0]
    doc.events, doc.quotes, doc.positions = [], [], []
    path = tmp_path_factory.mktemp("web") / "quiet.db"
    with Store(path) as store:
        store.save(doc, "test")
    return path


# one Chromium and one live server for every browser test of the session
from browser_support import browser, live_server, page  # noqa: E402, F401

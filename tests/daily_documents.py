"""Hand-coded articles for the analyst's everyday checks (issue 21): every modality, a weekend date,
a plan with its planned action, a plan published after the day asked about, an armed group, a
position with its sentence, and cells a spreadsheet would run as formulas. Written for the
project; the names of places and people are invented or generic."""

from __future__ import annotations

from pathlib import Path

from communique.document import (
    Actor,
    ActorRef,
    Article,
    Document,
    Event,
    Evidence,
    Location,
    Mention,
    Planned,
    Position,
    Quote,
    Sentence,
)
from communique.store import Store


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _evidence(text: str, part: str) -> Evidence:
    return Evidence(*_span(text, part), part)


RUS = ActorRef("Russia", "RUS", "GOV")
UKR = ActorRef("Ukraine", "UKR", "GOV")
USA = ActorRef("United States", "USA", "GOV")
EU = ActorRef("European Union", "EU", "IGO")
ISR = ActorRef("Israel", "ISR", "GOV")
HAMAS = ActorRef("Hamas", "PSE", "REB")


def spring_document() -> Document:
    """Published 2025-05-20: a sanction held back (negated), one imposed over a weekend (asserted),
    talks planned in Geneva (future), a strike that might come (hypothetical), a group's attack."""
    text = (
        "Sanctions debate moves on\n"
        "Washington held back from imposing sanctions on Moscow on Monday.\n"
        "Brussels imposed new sanctions on Moscow over the weekend.\n"
        "Moscow and Kyiv will hold talks in Geneva on June 12.\n"
        "Moscow could strike the bridge if the talks fail.\n"
        "Hamas fighters fired rockets at Israel on Sunday.\n"
        '"=Lift the sanctions now," the envoy Ilya Vostrikov said.\n'
        "Kyiv demanded that Moscow withdraw its troops from the border region."
    )
    lines = text.split("\n")
    vostrikov = Actor("a1", "Ilya Vostrikov", "RUS", "GOV", "envoy", "person",
                      mentions=[Mention(*_span(text, "Ilya Vostrikov"), "Ilya Vostrikov")])
    hamas = Actor(
        "a2", "Hamas", "PSE", "REB", None, "group", mentions=[Mention(*_span(text, "Hamas"), "Hamas")]
    )
    quote = _span(text, "=Lift the sanctions now,")
    demand = lines[7]
    return Document(
        article=Article("spring-1", text, title="Sanctions debate moves on", source="@Test Wire",
                        url="javascript:alert(1)", published="2025-05-20"),
        text=text,
        sentences=[Sentence(*_span(text, line)) for line in lines[1:]],
        actors=[vostrikov, hamas],
        quotes=[Quote(text[quote[0]:quote[1]], *quote, speaker=vostrikov.ref(), verb="said")],
        events=[
            Event("SANCTION", [USA], [RUS], _evidence(text, lines[1]), modality="negated", date="2025-05-19",
                  quad_class=4, goldstein=-6.0, cameo="160"),
            Event("SANCTION", [EU], [RUS], _evidence(text, lines[2]), date="2025-W20-WE", quad_class=4,
                  goldstein=-6.0, cameo="160"),
            Event("CONSULT", [RUS, UKR], [], _evidence(text, lines[3]), modality="future", mutual=True,
                  planned=Planned("2025-06-12", Location("Geneva", "CHE", 46.2, 6.15), "CONSULT", "visit"),
                  quad_class=1, goldstein=2.5, cameo="040"),
            Event("ASSAULT", [RUS], [UKR], _evidence(text, lines[4]), modality="hypothetical", quad_class=4,
                  goldstein=-9.0, cameo="190"),
            Event("ASSAULT", [HAMAS], [ISR], _evidence(text, lines[5]), date="2025-05-18", quad_class=4,
                  goldstein=-9.0, cameo="190", location=Location("Sderot", "ISR", 31.52, 34.6)),
        ],
        positions=[Position("UKR", "demand", "withdraw its troops from the border region",
                            *_span(text, "withdraw its troops from the border region"), addressee="RUS",
                            holder_name="Ukraine", evidence=_evidence(text, demand))],
    )


def summer_document() -> Document:
    """Published 2025-07-01, after the spring one: a meeting planned in Vienna on July 10."""
    text = "Envoys to meet in Vienna\nMoscow and Kyiv will meet in Vienna on July 10."
    line = text.split("\n")[1]
    return Document(
        article=Article("summer-1", text, title="Envoys to meet in Vienna", source="Late Wire",
                        url="https://late-wire.example/vienna", published="2025-07-01"),
        text=text,
        sentences=[Sentence(*_span(text, line))],
        events=[Event("CONSULT", [RUS, UKR], [], _evidence(text, line), modality="future", mutual=True,
                      planned=Planned("2025-07-10", Location("Vienna", "AUT")), quad_class=1, cameo="040")],
    )


def build(path: Path) -> Path:
    """A store with both articles."""
    with Store(path) as store:
        for doc in (spring_document(), summer_document()):
            store.save(doc, "test")
    return path

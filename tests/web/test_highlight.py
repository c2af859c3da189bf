"""The article reader's text: overlapping annotations cut into flat, tagged segments."""

from __future__ import annotations

from communique.document import Actor, ActorRef, Article, Document, Mention, Quote, Timex
from communique.web.highlight import Record, records, segments


def test_overlapping_spans_become_flat_segments_that_rebuild_the_text():
    text = "Lavrov said on Monday that talks would go on."
    quote = Record("q0", "quote", "Lavrov", "...", [(12, 45)], badge="Lavrov")
    timex = Record("t0", "timex", "Monday", "DATE", [(15, 21)])
    parts = segments(text, [quote, timex])
    assert "".join(p.text for p in parts) == text
    monday = next(p for p in parts if p.text == "Monday")
    assert monday.layers == ["timex", "quote"] and set(monday.refs) == {"q0", "t0"}
    assert [p.text for p in parts if "q0" in p.starts] == ["on "]
    assert next(p for p in parts if "q0" in p.starts).badges == [("q0", "Lavrov")]


def test_spans_outside_the_text_or_empty_are_ignored():
    text = "Short text."
    parts = segments(text, [Record("x", "event", "", "", [(5, 99), (3, 3), (-1, 2)])])
    assert [(p.text, p.refs) for p in parts] == [("Short text.", [])]


def test_every_mention_of_an_actor_points_to_the_same_record():
    text = "Lavrov met Fidan. Lavrov left."
    lavrov = Actor(
        "a1", "Sergey Lavrov", "RUS", mentions=[Mention(0, 6, "Lavrov"), Mention(18, 24, "Lavrov")]
    )
    doc = Document(Article("x", text), text, actors=[lavrov])
    parts = segments(text, records(doc))
    assert [p.text for p in parts if "a-a1" in p.refs] == ["Lavrov", "Lavrov"]
    assert [p.text for p in parts if "a-a1" in p.starts] == ["Lavrov"]


def test_a_quote_record_names_its_speaker_and_an_unattributed_one_says_so():
    text = '"We will respond," Trump said. "No comment," someone added.'
    doc = Document(
        Article("x", text),
        text,
        quotes=[
            Quote("We will respond,", 1, 17, speaker=ActorRef("Donald Trump", "USA")),
            Quote("No comment,", 32, 43),
        ],
        timexes=[Timex("now", 0, 0, "DATE", None)],
    )
    quotes = [r for r in records(doc) if r.layer == "quote"]
    assert [(r.label, r.badge) for r in quotes] == [
        ("Donald Trump (USA)", "Donald Trump"),
        ("unknown speaker", "?"),
    ]

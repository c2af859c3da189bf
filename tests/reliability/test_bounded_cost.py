"""Issue 22, item 5: the cost of one article is bounded before spaCy, and nothing scans quadratically.

Figures for a 300 KB line with no sentence end and for a 1.9 MB article are in
the README (measured with `benchmarks/long_inputs.py` and GNU time); these tests
check the mechanisms on inputs small enough for the suite.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from communique import pipeline as pipeline_module
from communique.boundary import MAX_SENTENCE_CHARS
from communique.cleaning import MAX_TAG_ATTRIBUTES, bounded_html, extract_html
from communique.document import Actor, Article, Document, Mention

WORDS = [
    "envoys",
    "from",
    "both",
    "sides",
    "met",
    "in",
    "the",
    "capital",
    "on",
    "monday",
    "and",
    "said",
    "the",
    "talks",
    "would",
    "go",
    "on",
]


def _no_break(chars: int) -> str:
    words = WORDS * (chars // 40 + 1)
    return " ".join(words)[:chars].rsplit(" ", 1)[0]


def test_a_line_with_no_sentence_end_is_cut_into_bounded_sentences(pipeline, ledger):
    ledger.tried("no-sentence-end")
    text = _no_break(9000)
    doc = pipeline(Article(id="long-line", text=text, published="2025-05-28"))
    assert len(doc.text) == len(text)
    assert max(s.end - s.start for s in doc.sentences) <= MAX_SENTENCE_CHARS
    assert any("no sentence end split" in note for note in doc.notes)


def test_a_long_text_parsed_in_pieces_gives_the_same_text_and_sentences(pipeline, monkeypatch, ledger):
    ledger.tried("parsed-in-pieces")
    paragraphs = [
        f"Round {i} of the talks ended in Geneva on Monday. The envoys said they would meet again."
        for i in range(60)
    ]
    text = "\n\n".join(paragraphs)
    whole = pipeline(Article(id="whole", text=text, published="2025-05-28"))
    monkeypatch.setattr(pipeline_module, "PARSE_PIECE_CHARS", 700)
    pieced = pipeline(Article(id="pieced", text=text, published="2025-05-28"))
    assert pieced.text == whole.text
    assert [(s.start, s.end) for s in pieced.sentences] == [(s.start, s.end) for s in whole.sentences]
    assert len(pieced.timexes) == len(whole.timexes)


def test_a_tag_with_tens_of_thousands_of_attributes_is_cut_before_parsing(ledger):
    ledger.tried("many-attributes")
    attributes = " ".join(f'data-a{i}="v"' for i in range(20_000))
    body = "Envoys from both countries met in Geneva on Monday to discuss an exchange of prisoners."
    page = "<html><head><title>Talks</title></head><body><article>{}</article></body></html>"
    html = page.format(f"<p {attributes}>{body}</p>")
    bounded = bounded_html(html)
    assert len(bounded) < 5_000 and bounded.count("data-a") == MAX_TAG_ATTRIBUTES
    extracted = extract_html(html)
    assert extracted is not None and "exchange of prisoners" in extracted["text"]
    ordinary = '<p class="lead" id="x">Envoys met.</p>'
    assert bounded_html(ordinary) == ordinary


mentions = st.lists(st.tuples(st.integers(0, 300), st.integers(0, 25)), max_size=40)


@settings(max_examples=60, deadline=None, database=None)
@given(actors=st.lists(mentions, min_size=1, max_size=6), start=st.integers(0, 320), size=st.integers(0, 30))
def test_actor_lookup_by_position_agrees_with_a_scan_of_every_mention(actors, start, size):
    doc = Document(article=Article(id="a", text="x" * 400), text="x" * 400)
    doc.actors = [
        Actor(id=f"a{i}", name=f"A{i}", mentions=[Mention(s, s + n, "x" * n) for s, n in spans])
        for i, spans in enumerate(actors)
    ]
    end = start + size
    best = None
    for actor in doc.actors:  # the definition: the longest overlapping mention, the first of equals
        for m in actor.mentions:
            if m.start < end and start < m.end and (best is None or m.end - m.start > best[0]):
                best = (m.end - m.start, actor)
    assert doc.actor_at(start, end) is (best[1] if best else None)
    if size:  # a change is seen by the next lookup: a mention around all others now wins
        doc.actors[-1].mentions.append(Mention(start - 1000, end + 1000, "y"))
        assert doc.actor_at(start, end) is doc.actors[-1]

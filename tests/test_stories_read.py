"""Reading stories: where outlets disagree, the numbers they give, the `stories` command and the web pages."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from communique import Store
from communique import stories as st
from communique.cli import app
from communique.stories.facts import counts_in
from story_docs import E, report, save_all, story_of

ERI_ETH = {"Eritrea": "ERI", "Ethiopia": "ETH", "Eritrean": "ERI", "Ethiopian": "ETH"}
TUESDAY = report(
    "depot-a",
    "Horn Courier",
    "2025-04-02",
    "Eritrean jets struck a fuel depot outside the Ethiopian town of Adigrat on Tuesday, killing 12 people.\n"
    "The depot burned through the night as crews fought the fire.",
    [
        E(
            "ASSAULT",
            "Eritrean jets struck a fuel depot outside the Ethiopian town of Adigrat on Tuesday, killing 12 "
            "people",
            ["ERI"],
            ["ETH"],
            date="2025-04-01",
            said="on Tuesday",
        )
    ],
    title="Eritrean jets hit fuel depot near Adigrat",
    states=ERI_ETH,
)
WEDNESDAY = report(
    "depot-b",
    "Red Sea Monitor",
    "2025-04-02",
    "Eritrean aircraft bombed a fuel depot near Adigrat on Wednesday, and at least 15 people were killed.\n"
    "Residents said the fire at the depot could be seen for miles.",
    [
        E(
            "ASSAULT",
            "Eritrean aircraft bombed a fuel depot near Adigrat on Wednesday, and at least 15 people were "
            "killed",
            ["ERI"],
            ["ETH"],
            date="2025-04-02",
            said="on Wednesday",
        )
    ],
    title="Eritrea bombs depot near Adigrat",
    states=ERI_ETH,
)


@pytest.fixture()
def filled(db_path):
    with Store(db_path) as store:
        save_all(store, TUESDAY, WEDNESDAY)
    return db_path


def test_a_count_is_a_number_and_the_word_that_says_what_it_counts():
    found = counts_in("the strike killed 12 people and wounded 40 more")
    assert {kind: [v for v, _ in values] for kind, values in found.items()} == {
        "killed": [12],
        "wounded": [40],
    }
    assert counts_in("at least five were killed and 28 others wounded")["wounded"][0][0] == 28
    assert counts_in("a 30-day truce on energy sites")["truce days"][0][0] == 30
    assert counts_in("they freed five hundred captives") == {
        "prisoners": [[500, "they freed five hundred captives"]]
    }
    assert counts_in("talks lasted 35 years of war") == {}


def test_outlets_giving_different_numbers_and_days_are_shown_with_their_words(filled):
    with Store(filled, readonly=True) as store:
        (story,) = st.stories(store.conn)
    fields = {d["field"]: d["values"] for d in story["disagreements"]}
    killed = {v["value"]: v["sources"] for v in fields["killed"]}
    assert killed == {"12": ["Horn Courier"], "15": ["Red Sea Monitor"]}
    words = {w["source"]: w["text"] for v in fields["date"] for w in v["words"]}
    assert words == {"Horn Courier": "on Tuesday", "Red Sea Monitor": "on Wednesday"}


def test_one_outlet_saying_it_happened_and_another_that_it_will_is_a_modality_disagreement(db_path):
    srb_kos = {"Serbia": "SRB", "Kosovo": "KOS"}
    done = report(
        "mod-a",
        "Northern Ledger",
        "2025-03-14",
        "Serbia and Kosovo signed a customs accord in Brussels, ending a quarrel over border tariffs.\n"
        "The envoy Karel Vlasak brokered the accord.",
        [E("AGREE", "Serbia and Kosovo signed a customs accord in Brussels", ["SRB", "KOS"])],
        title="Serbia and Kosovo sign customs accord in Brussels",
        states=srb_kos,
    )
    coming = report(
        "mod-b",
        "Balkan Wire",
        "2025-03-14",
        "Serbia and Kosovo will sign a customs accord in Brussels, ending a quarrel over border tariffs.\n"
        "The envoy Karel Vlasak brokered the accord.",
        [
            E(
                "AGREE",
                "Serbia and Kosovo will sign a customs accord in Brussels",
                ["SRB", "KOS"],
                modality="future",
            )
        ],
        title="Serbia and Kosovo to sign customs accord in Brussels",
        states=srb_kos,
    )
    with Store(db_path) as store:
        save_all(store, done, coming)
        (story,) = st.stories(store.conn)
    (modality,) = [d for d in story["disagreements"] if d["field"] == "modality"]
    assert {v["value"]: v["sources"] for v in modality["values"]} == {
        "asserted": ["Northern Ledger"],
        "future": ["Balkan Wire"],
    }


def test_the_stories_command_prints_outlet_date_and_words_per_report(filled):
    result = CliRunner().invoke(app, ["stories", "--db", str(filled)])
    assert result.exit_code == 0, result.output
    assert "Horn Courier  published 2025-04-02  event 2025-04-01" in result.stdout
    assert "bombed a fuel depot near Adigrat" in result.stdout
    assert "differ on killed: 12 (Horn Courier) vs 15 (Red Sea Monitor)" in result.stdout.replace("\n", " ")


def test_the_stories_json_is_a_list_of_stories_with_mentions_naming_their_article(filled):
    result = CliRunner().invoke(
        app,
        [
            "stories",
            "--db",
            str(filled),
            "--format",
            "json",
            "--since",
            "1900-01-01",
            "--until",
            "2100-01-01",
        ],
    )
    assert result.exit_code == 0, result.output
    (story,) = json.loads(result.stdout)
    assert sorted(m["article_id"] for m in story["mentions"]) == ["depot-a", "depot-b"]
    one = CliRunner().invoke(app, ["stories", story["id"], "--db", str(filled), "--format", "json"])
    assert json.loads(one.stdout)[0]["id"] == story["id"]


def test_a_bad_day_or_an_unknown_story_ends_in_one_line(filled):
    bad = CliRunner().invoke(app, ["stories", "--db", str(filled), "--since", "April"])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output and "Traceback" not in bad.output
    missing = CliRunner().invoke(app, ["stories", "nope", "--db", str(filled)])
    assert missing.exit_code == 1 and "no story with id 'nope'" in missing.output


def test_a_store_made_before_stories_were_stored_is_linked_by_relink(filled):
    with Store(filled) as store, store.atomic() as conn:
        conn.execute("DELETE FROM stories")
    hint = CliRunner().invoke(app, ["stories", "--db", str(filled)])
    assert "--relink" in hint.output
    relinked = CliRunner().invoke(app, ["stories", "--db", str(filled), "--relink", "--format", "json"])
    assert relinked.exit_code == 0, relinked.output
    assert len(json.loads(relinked.stdout)) == 1


@pytest.fixture()
def client(filled):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from communique.web import create_app

    return TestClient(create_app(str(filled)))


def test_the_story_page_shows_each_outlet_side_by_side_with_its_words(client, filled):
    with Store(filled, readonly=True) as store:
        story_id = story_of(store.conn, "depot-a")
    page = client.get(f"/stories/{story_id}")
    assert page.status_code == 200
    assert page.text.index("Horn Courier") < page.text.index("Red Sea Monitor")
    assert "killing 12 people" in page.text and "at least 15 people were" in page.text
    data = client.get(f"/stories/{story_id}.json").json()
    assert [o["outlet"] for o in data["outlets"]] == ["Horn Courier", "Red Sea Monitor"]
    assert client.get("/stories/none-such").status_code == 404


def test_every_event_and_article_links_to_its_story(client, filled):
    with Store(filled, readonly=True) as store:
        story_id = story_of(store.conn, "depot-a")
    assert f'href="/stories/{story_id}"' in client.get("/events").text
    assert f'href="/stories/{story_id}"' in client.get("/articles/depot-b").text
    assert f'href="/stories/{story_id}"' in client.get("/stories").text

"""The actors' positions page (web/threads.py) over the demo corpus, and the reader's position links."""

from __future__ import annotations

import re


def test_the_positions_page_shows_since_when_a_restated_demand_stands(client):
    data = client.get("/actors/RUS/positions.json").json()
    restated = [t for t in data["threads"] if t["articles"] > 1]
    assert data["restated"] == len(restated) >= 1
    withdraw = next(t for t in restated if "withdraw its troops" in t["content"])
    assert withdraw["first_day"] < withdraw["last_day"]
    assert [s["article_id"] for s in withdraw["statements"]][0] == withdraw["first_article"]
    page = client.get("/actors/RUS/positions")
    assert page.status_code == 200 and 'rel="alternate"' in page.headers["link"]
    assert withdraw["first_day"] in page.text and "withdraw its troops" in page.text
    assert f'href="/articles/{withdraw["first_article"]}#p' in page.text


def test_the_positions_page_filters_changed_threads_and_escapes_nothing_it_should_not(client):
    changed = client.get("/api/actors/RUS/positions", params={"changed": "true"}).json()["threads"]
    assert changed and all(t["change"] in ("softened", "hardened", "dropped") for t in changed)
    page = client.get("/actors/%3Cscript%3E/positions")
    assert page.status_code == 200 and "<script>alert" not in page.text
    assert "No positions of &lt;SCRIPT&gt;" in page.text


def test_the_actor_page_links_to_its_positions(client):
    assert 'href="/actors/RUS/positions"' in client.get("/actors/RUS").text


def test_a_position_in_the_reader_names_the_quote_or_event_it_comes_from(client):
    page = client.get("/articles/demo-07").text
    links = re.findall(r'data-rec="(p\d+)" data-links="([^"]+)"', page)
    assert links and all(re.fullmatch(r"([qse]\d+ ?)+", ids) for _, ids in links)

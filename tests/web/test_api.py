"""The JSON API and the pages, driven in-process over real SQLite databases."""

from __future__ import annotations

import re

import pytest

from communique.errors import StoreError

PAGES = [
    "/", "/network", "/articles", "/events", "/quotes", "/actors", "/positions", "/upcoming",
    "/upcoming?as_of=2025-06-01", "/stories", "/search?q=talks", "/map", "/actors/Lavrov",
]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_and_links_to_the_same_data_as_json(client, path):
    page = client.get(path)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    json_url = re.search(r"<([^>]+)>", page.headers["link"]).group(1)
    as_json = client.get(json_url)
    assert as_json.status_code == 200
    assert as_json.headers["content-type"] == "application/json"
    path_part, _, query = json_url.partition("?")
    api_path = "/api/dashboard" if path_part == "/index.json" else "/api" + path_part.removesuffix(".json")
    assert client.get(api_path + (f"?{query}" if query else "")).json() == as_json.json()


def test_article_json_has_every_layer_and_segments_that_rebuild_the_text(client):
    listing = client.get("/api/articles", params={"limit": 100}).json()
    article_id = next(r["id"] for r in listing["rows"] if r["id"] == "hostile-1")
    data = client.get(f"/api/articles/{article_id}").json()
    doc = data["document"]
    for layer in ("timexes", "actors", "quotes", "events", "positions"):
        assert isinstance(doc[layer], list)
    assert "".join(s["text"] for s in data["segments"]) == doc["text"]
    assert client.get(f"/articles/{article_id}.json").json() == data


def test_unknown_article_is_a_404_page_and_a_404_json(client):
    page = client.get("/articles/no-such-article")
    assert page.status_code == 404
    assert "no-such-article" in page.text and "<html" in page.text
    api = client.get("/api/articles/no-such-article")
    assert api.status_code == 404
    assert api.json() == {"detail": "no article with id 'no-such-article'"}


@pytest.mark.parametrize(
    "path", ["/articles/hostile-1", "/articles", "/", "/search?q=pwned", "/search?q=ultimatums", "/quotes"]
)
def test_markup_in_an_article_is_shown_as_text_never_as_markup(client, path):
    body = client.get(path).text
    assert "<script>window.__pwned" not in body
    assert "<img src=x" not in body
    assert "<b>ultimatums</b>" not in body
    assert 'href="javascript:' not in body


def test_article_reader_shows_escaped_script_as_visible_text(client):
    body = client.get("/articles/hostile-1").text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in body


def test_pages_forbid_inline_scripts_with_a_content_security_policy(client):
    csp = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_search_highlights_the_matched_word_in_the_snippet(client):
    body = client.get("/search", params={"q": "Ankara"}).text
    assert "<mark>Ankara</mark>" in body
    data = client.get("/api/search", params={"q": "Ankara"}).json()
    assert "hostile-1" in [a["id"] for a in data["articles"]]


def test_search_syntax_is_taken_as_words(client):
    response = client.get("/api/search", params={"q": 'talks" OR NEAR(* -'})
    assert response.status_code == 200


def test_bad_filters_are_a_422_in_json_and_an_error_page_in_html(client):
    api = client.get("/api/events", params={"since": "yesterday"})
    assert api.status_code == 422
    assert api.json()["detail"][0]["loc"] == ["query", "since"]
    page = client.get("/events", params={"since": "yesterday"})
    assert page.status_code == 422 and "since" in page.text and "<html" in page.text
    assert client.get("/api/events", params={"limit": 0}).status_code == 422


def test_empty_form_fields_mean_no_filter(client):
    response = client.get("/events", params={"actor": "", "since": "", "until": "", "source": ""})
    assert response.status_code == 200


def test_events_filter_by_actor_pair_type_date_and_outlet(coded):
    def types(**params):
        return sorted(e["type"] for e in coded.get("/api/events", params=params).json()["rows"])

    assert types(actor="RUS") == ["ACCUSE", "ASSAULT", "CONSULT", "REQUEST"]
    assert types(actor="rus", partner="UKR") == ["ACCUSE", "ASSAULT", "CONSULT", "REQUEST"]
    assert types(type="consult") == ["CONSULT"]
    assert types(since="2025-06-03", until="2025-06-03") == ["ACCUSE", "REQUEST"]
    assert types(source="Other Wire") == ["ASSAULT"]


def test_pagination_returns_offsets_for_the_next_and_previous_page(coded):
    first = coded.get("/api/events", params={"limit": 3}).json()
    assert len(first["rows"]) == 3 and first["next_offset"] == 3 and first["prev_offset"] is None
    second = coded.get("/api/events", params={"limit": 3, "offset": 3}).json()
    assert len(second["rows"]) == 1 and second["next_offset"] is None and second["prev_offset"] == 0
    page = coded.get("/events", params={"limit": 3}).text
    assert 'rel="next" href="?limit=3&amp;offset=3"' in page


def test_timeline_counts_events_per_day_by_type_and_by_quad_class(coded):
    by_type = coded.get("/api/timeline").json()
    assert {"day": "2025-06-03", "key": "ACCUSE", "events": 1} in by_type
    by_quad = coded.get("/api/timeline", params={"by": "quad_class"}).json()
    assert {"day": "2025-06-05", "key": 4, "events": 1} in by_quad


def test_dashboard_splits_actor_pairs_into_cooperation_and_conflict(coded):
    dyads = coded.get("/api/dashboard").json()["dyads"]
    assert dyads[0]["a"] == "RUS" and dyads[0]["b"] == "UKR"
    assert (dyads[0]["events"], dyads[0]["cooperation"], dyads[0]["conflict"]) == (4, 2, 2)


def test_dashboard_ranks_actors_by_events_and_shows_latest_quotes(coded):
    data = coded.get("/api/dashboard").json()
    assert [a["code"] for a in data["actors"][:2]] == ["RUS", "UKR"]
    assert data["actors"][0]["label"] == "Russia"  # the everyday name, not the official one
    assert data["quotes"][0]["speaker_name"] == "Sergey Lavrov"
    html = coded.get("/").text
    assert 'id="timeline-chart"' in html and 'data-actor="RUS"' in html


def test_network_edges_carry_cooperation_and_conflict_counts(coded):
    data = coded.get("/api/network").json()
    assert {n["code"] for n in data["nodes"]} >= {"RUS", "UKR"}
    edge = data["edges"][0]
    assert (edge["a"], edge["b"], edge["kind"], edge["conflict"]) == ("RUS", "UKR", "events", 2)


def test_network_falls_back_to_co_mentions_before_any_event_is_coded(quiet_db):
    from fastapi.testclient import TestClient

    from communique.web import create_app

    with TestClient(create_app(quiet_db)) as quiet:
        data = quiet.get("/api/network").json()
        assert [(e["a"], e["b"], e["kind"], e["articles"]) for e in data["edges"]] == [
            ("RUS", "UKR", "mentions", 1)
        ]
        dashboard = quiet.get("/")
        assert dashboard.status_code == 200 and "No dated events yet" in dashboard.text


def test_actor_page_lists_people_events_partners_and_quotes(coded):
    data = coded.get("/api/actors/RUS").json()
    assert {m["name"] for m in data["members"]} == {"Sergey Lavrov", "Russia", "Russian drones"}
    assert [p["partner"] for p in data["partners"]] == ["UKR"]
    assert data["quotes"][0]["text"].startswith("Ukraine must")
    assert coded.get("/api/actors/XYZ").status_code == 404


def test_article_reader_links_each_quote_to_its_speaker(coded):
    data = coded.get("/api/articles/coded-1").json()
    quote = next(r for r in data["records"] if r["layer"] == "quote")
    assert quote["label"] == "Sergey Lavrov (RUS)" and quote["badge"] == "Sergey Lavrov"
    html = coded.get("/articles/coded-1").text
    assert '<span class="who" data-r="q0" title="speaker">Sergey Lavrov</span>' in html
    assert 'href="#q0" data-rec="q0"' in html
    assert re.search(r'<span class="hl l-quote" data-r="q0[^"]*">Ukraine must withdraw', html) or re.search(
        r'<span class="hl [^"]*l-quote[^"]*" data-r="[^"]*q0', html
    )


def test_positions_and_quotes_filter_by_holder_speaker_and_dates(coded):
    assert (
        coded.get("/api/positions", params={"holder": "RUS"}).json()["rows"][0]["content"]
        == "withdraw its troops"
    )
    assert coded.get("/api/quotes", params={"speaker": "Lavrov"}).json()["rows"][0]["article_id"] == "coded-1"
    assert coded.get("/api/quotes", params={"since": "2025-06-04"}).json()["rows"] == []


def test_api_docs_are_served_from_the_package_without_a_cdn(client):
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs
    assert "cdn" not in docs.lower()
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert client.get("/static/vendor/chartjs/chart.umd.min.js").status_code == 200
    schema = client.get("/openapi.json").json()
    assert {
        "/api/articles", "/api/articles/{article_id}", "/api/events", "/api/timeline", "/api/search",
    } <= set(schema["paths"])


def test_pages_use_no_resource_from_another_host(client):
    for path in PAGES:
        body = client.get(path).text
        assert not re.search(r'src="(https?:)?//', body), path
        assert not re.search(r'<link[^>]+href="(https?:)?//', body), path


def test_create_app_refuses_a_missing_database_with_a_clear_error(tmp_path):
    from communique.web import create_app

    with pytest.raises(StoreError, match="no such database"):
        create_app(tmp_path / "missing.db")


def test_the_app_never_writes_to_the_database(coded_db, coded):
    before = coded_db.stat().st_mtime_ns
    coded.get("/")
    coded.get("/api/events")
    assert coded_db.stat().st_mtime_ns == before


def test_serve_command_refuses_a_missing_database_in_one_line(tmp_path):
    from typer.testing import CliRunner

    from communique.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 1
    assert "no such database" in result.output and "Traceback" not in result.output


def test_a_query_running_past_the_time_limit_is_cut_off(coded_db, monkeypatch):
    import sqlite3
    from types import SimpleNamespace

    from communique.web import deps as web_app

    monkeypatch.setattr(web_app, "QUERY_TIME_LIMIT", -1.0)  # already past the deadline
    request = SimpleNamespace(app=SimpleNamespace(state=SimpleNamespace(db_path=str(coded_db))))
    dependency = web_app.get_store(request)
    store = next(dependency)
    with pytest.raises(sqlite3.OperationalError) as caught:
        store.conn.execute(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT max(i) FROM n"
        )
    with pytest.raises(web_app.QueryTimeout):
        dependency.throw(caught.value)


def test_an_article_whose_id_holds_slashes_and_url_characters_opens_from_its_link(tmp_path):
    from fastapi.testclient import TestClient

    from communique.document import Article, Document, Sentence
    from communique.store import Store
    from communique.web import create_app

    article_id = "wire/2025/06/talks resume?#1"
    text = "Talks resume in Geneva."
    db = tmp_path / "ids.db"
    with Store(db) as store:
        store.save(
            Document(Article(article_id, text, title="Talks resume"), text, [Sentence(0, len(text))]), "v1"
        )
    with TestClient(create_app(db)) as client:
        listing = client.get("/articles").text
        href = re.search(r'href="(/articles/wire[^"]*)"', listing).group(1)
        page = client.get(href)
        assert page.status_code == 200 and "Talks resume in Geneva." in page.text
        json_url = re.search(r"<([^>]+)>", page.headers["link"]).group(1)
        assert client.get(json_url).json()["document"]["id"] == article_id
        assert (
            client.get(href.replace("/articles/", "/api/articles/", 1)).json()["document"]["id"] == article_id
        )


def test_upcoming_lists_the_plans_still_to_come_on_a_day_soonest_first(client):
    plans = client.get("/api/upcoming", params={"as_of": "2025-06-08"}).json()
    assert plans["as_of"] == "2025-06-08"
    rows = plans["rows"]
    assert rows, "the demo articles announce talks in Istanbul and more exchanges"
    assert all((r["planned_for"].split(" to ")[-1]) >= "2025-06-08" for r in rows)
    assert all(r["article_published"][:10] <= "2025-06-08" for r in rows)
    assert [r["planned_date"] for r in rows] == sorted(r["planned_date"] for r in rows)
    assert any(r["planned_location"] == "Istanbul" for r in rows)
    later = client.get("/api/upcoming", params={"as_of": "2026-01-01"}).json()
    assert later["rows"] == []


def test_upcoming_defaults_to_the_newest_article_day_for_an_archive(client):
    plans = client.get("/api/upcoming").json()
    assert plans["as_of"] == plans["newest"][:10]


def test_stories_page_reads_the_stored_stories_and_filters_them_by_event_day(client):
    every = client.get("/api/stories", params={"min_articles": 1, "limit": 500}).json()
    assert every["rows"]
    recent = client.get(
        "/api/stories", params={"since": "2025-06-01", "min_articles": 1, "limit": 500}
    ).json()
    assert recent["filters"]["since"] == "2025-06-01"
    assert all(s["last_day"] >= "2025-06-01" for s in recent["rows"])
    assert len(recent["rows"]) < len(every["rows"])  # the March ceasefire talks are before that day

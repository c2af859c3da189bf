"""The web view for the analyst's daily use (issue 21), in-process over the hand-coded store:
asserted-only charts, filters on every list kept in the URL, CSV downloads, the map, the time
axis, actor pages by name, friendly errors, and groups shown by their own names."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def web(daily_db: Path):
    from fastapi.testclient import TestClient

    from communique.web import create_app

    with TestClient(create_app(daily_db)) as client:
        yield client


def test_charts_draw_asserted_events_by_default_and_another_modality_on_request(web) -> None:
    data = web.get("/api/dashboard").json()
    drawn = {t["type"]: sum(t["counts"]) for t in data["timeline"]["series"]}
    assert drawn == {"SANCTION": 1, "ASSAULT": 1} and data["filters"]["modality"] == "asserted"
    everything = web.get("/api/dashboard", params={"modality": "all"}).json()
    assert sum(sum(t["counts"]) for t in everything["timeline"]["series"]) == 6
    assert "asserted events only" in web.get("/").text
    assert {r["key"] for r in web.get("/api/timeline").json()} == {"SANCTION", "ASSAULT"}


def test_the_time_axis_has_every_day_between_the_first_and_last_event(web) -> None:
    axis = web.get("/api/dashboard", params={"modality": "all"}).json()["timeline"]
    assert axis["unit"] == "day"
    days = [b["since"] for b in axis["buckets"]]
    assert days[0] == "2025-05-12" and days[-1] == "2025-07-01" and len(days) == 51  # gaps included
    assert all(len(s["counts"]) == len(days) for s in axis["series"])


@pytest.mark.parametrize(
    ("path", "params", "expected"),
    [
        ("/api/events", {"modality": "hypothetical"}, ["Moscow could strike the bridge if the talks fail."]),
        ("/api/events", {"actor": "Hamas"}, ["Hamas fighters fired rockets at Israel on Sunday."]),
        (
            "/api/events",
            {"actor": "Russia", "type": "sanction", "modality": "all"},
            [
                "Brussels imposed new sanctions on Moscow over the weekend.",
                "Washington held back from imposing sanctions on Moscow on Monday.",
            ],
        ),
        ("/api/events", {"source": "Late Wire"}, ["Moscow and Kyiv will meet in Vienna on July 10."]),
        (
            "/api/events",
            {"since": "2025-05-18", "until": "2025-05-18"},
            ["Hamas fighters fired rockets at Israel on Sunday."],
        ),
        ("/api/events", {"place": "Sderot"}, ["Hamas fighters fired rockets at Israel on Sunday."]),
        (
            "/api/positions",
            {"holder": "Ukraine", "since": "2025-05-01", "source": "@Test Wire"},
            ["Kyiv demanded that Moscow withdraw its troops from the border region."],
        ),
    ],
)
def test_lists_filter_by_modality_actor_name_type_outlet_dates_and_place(web, path, params, expected) -> None:
    rows = web.get(path, params=params).json()["rows"]
    assert sorted(r["evidence_text"] for r in rows) == sorted(expected)


def test_filters_stay_in_the_url_and_the_filtered_list_downloads_as_csv(web) -> None:
    page = web.get("/events", params={"actor": "Russia", "modality": "all"}).text
    assert 'value="Russia"' in page and '<option value="all" selected' in page
    assert 'href="/events.csv?actor=Russia&amp;modality=all&amp;limit=10000"' in page
    response = web.get("/events.csv", params={"actor": "Russia", "modality": "all", "limit": 10000})
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 5 and {"modality", "article_id", "article_source"} <= set(rows[0])
    quotes = list(csv.DictReader(io.StringIO(web.get("/quotes.csv").text)))
    assert quotes[0]["text"].startswith("'=")  # a formula in a cell is shown, never run
    for path in (
        "/articles.csv", "/positions.csv", "/actors.csv", "/upcoming.csv?as_of=2025-06-01", "/map.csv",
    ):
        assert web.get(path).status_code == 200, path


def test_the_map_places_events_with_coordinates_and_links_each_place_to_its_events(web) -> None:
    data = web.get("/api/map").json()
    assert [(p["place"], p["events"], p["conflict"]) for p in data["rows"]] == [("Sderot", 1, 1)]
    # a plan's place is no event place
    assert web.get("/api/map", params={"modality": "future"}).json()["rows"] == []
    page = web.get("/map").text
    assert (
        '<image href="/static/vendor/world/land-110m.svg"' in page
        and "http" not in page.split("<svg")[1].split("</svg>")[0]
    )
    assert "/events?place=Sderot" in page
    outline = web.get("/static/vendor/world/land-110m.svg")
    assert (
        outline.status_code == 200 and len(outline.content) < 120_000 and b"Natural Earth" in outline.content
    )


def test_an_actor_page_is_found_by_name_or_alias_and_a_miss_suggests_names(web) -> None:
    person = web.get("/api/actors/Vostrikov").json()
    assert (person["label"], person["code"], person["name"]) == ("Ilya Vostrikov", "RUS", "Ilya Vostrikov")
    assert [q["speaker_name"] for q in person["quotes"]] == ["Ilya Vostrikov"]
    group = web.get("/api/actors/Hamas").json()
    assert [e["type"] for e in group["events"]] == ["ASSAULT"]
    state = web.get("/api/actors/Russian Federation").json()
    assert state["code"] == "RUS" and state["label"] == "Russia"
    missing = web.get("/actors/Vostrikof")
    assert missing.status_code == 404
    assert "No actor called" in missing.text and 'href="/actors/Ilya%20Vostrikov"' in missing.text


def test_bad_parameters_and_missing_pages_are_friendly_pages(web) -> None:
    bad = web.get("/events", params={"since": "2025-02-30"})
    assert bad.status_code == 422 and "did you mean 2025-02-28?" in bad.text
    assert "pattern" not in bad.text and "^(" not in bad.text and '"detail"' not in bad.text
    number = web.get("/events", params={"limit": "lots"})
    assert number.status_code == 422 and "expected a whole number" in number.text and "<html" in number.text
    api = web.get("/api/events", params={"type": "REQUESTS"})
    assert (
        api.status_code == 422
        and api.json()["detail"][0]["msg"] == "no type 'REQUESTS'; did you mean REQUEST?"
    )
    nowhere = web.get("/no/such/page")
    assert (
        nowhere.status_code == 404
        and "There is no page at /no/such/page" in nowhere.text
        and "<html" in nowhere.text
    )


def test_groups_are_shown_by_their_own_name_beside_their_state_code(web) -> None:
    page = web.get("/events").text
    assert '<a class="actor" href="/actors/Hamas">Hamas</a> <a class="code" href="/actors/PSE"' in page
    assert (
        '<a class="code" href="/actors/RUS" title="Russia">RUS</a> <span class="small">Russia</span>' in page
    )
    actors = web.get("/api/dashboard").json()["actors"]
    assert any(a["code"] == "PSE" and a["label"] == "Hamas" for a in actors)


def test_upcoming_page_counts_what_was_published_by_the_day_and_names_the_planned_action(web) -> None:
    data = web.get("/api/upcoming", params={"as_of": "2025-06-01"}).json()
    assert [(r["planned_location"], r["planned_type"]) for r in data["rows"]] == [("Geneva", "CONSULT")]
    page = web.get("/upcoming", params={"as_of": "2025-06-01"}).text
    assert "announced as CONSULT" in page and "Vienna" not in page


def test_lists_scroll_inside_their_box_and_the_menu_folds_on_a_phone(web) -> None:
    page = web.get("/events").text
    assert '<div class="table-scroll">' in page and 'id="menu-toggle"' in page
    css = web.get("/static/app.css").text
    assert (
        ".table-scroll { overflow-x: auto;" in css and ".menu-toggle:checked ~ nav { display: flex; }" in css
    )

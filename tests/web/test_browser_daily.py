"""The analyst's web features in a real browser, at a desktop width (1400 px) and on a phone (390 px):
filters kept in the URL, downloads, the map, the chart's time axis, actor pages by name, the
folding menu, tables that scroll inside their box, and friendly error pages."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from browser_support import doc_shot, open_page, shot

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DESKTOP, PHONE = (1400, 900), (390, 844)


@pytest.fixture(params=[DESKTOP, PHONE], ids=["1400px", "390px"])
def screen(request, browser, live_server):
    width, height = request.param
    options = {"is_mobile": True, "has_touch": True, "device_scale_factor": 2} if width < 500 else {}
    for page in open_page(browser, live_server, width, height, **options):
        page.width = width
        yield page


def fits_the_screen(page) -> bool:
    """Nothing wider than the viewport: wide tables scroll inside their own box."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_event_filters_are_kept_in_the_url_and_the_list_downloads_as_csv_and_json(screen):
    page = screen
    page.goto("/events")
    if page.width < 500:  # on a phone the form is there; the menu is folded away
        assert not page.locator("header.top nav").is_visible()
    page.fill("form.filters input[name=actor]", "Russia")
    page.select_option("form.filters select[name=modality]", "asserted")
    page.click("form.filters button")
    page.wait_for_url("**/events?**actor=Russia**")
    assert "modality=asserted" in page.url
    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 1
    assert page.locator("table.events .pill.future").count() == 0  # asserted only
    assert fits_the_screen(page)
    # the permalink reproduces the list
    permalink = page.url
    page.goto(permalink)
    assert page.locator("form.filters input[name=actor]").input_value() == "Russia"
    assert page.locator("form.filters select[name=modality]").input_value() == "asserted"
    csv_link = page.locator(".downloads a", has_text="CSV")
    assert "actor=Russia" in csv_link.get_attribute("href") and "modality=asserted" in csv_link.get_attribute(
        "href"
    )
    with page.expect_download() as download:
        csv_link.click()
    with open(download.value.path(), encoding="utf-8") as fh:
        body = fh.read()
    assert body.splitlines()[0].startswith("id,") and "modality" in body.splitlines()[0]
    assert len(body.splitlines()) == rows.count() + 1
    doc_shot(page, "events-filters" if page.width > 500 else "phone-events")
    assert page.errors == []


def test_the_map_draws_event_places_on_a_vendored_outline_and_a_place_leads_to_its_events(screen):
    page = screen
    page.goto("/map")
    outline = page.locator("svg#map image")
    assert outline.get_attribute("href") == "/static/vendor/world/land-110m.svg"
    assert page.evaluate("""() => new Promise(done => { const img = new Image();
        img.onload = () => done(img.naturalWidth > 0); img.onerror = () => done(false);
        img.src = '/static/vendor/world/land-110m.svg'; })""")
    places = page.locator("svg#map a.place")
    assert places.count() >= 2
    assert page.locator("svg#map").bounding_box()["width"] <= page.width
    assert fits_the_screen(page)
    doc_shot(page, "map" if page.width > 500 else "phone-map")
    istanbul = page.locator('svg#map a.place[data-place="Istanbul"] circle')
    istanbul.click()
    page.wait_for_url("**/events?**place=Istanbul**")
    assert "Istanbul" in page.locator("table.events").inner_text()
    assert page.errors == []


def test_the_chart_has_a_real_time_axis_and_a_bar_leads_to_its_events(screen):
    page = screen
    page.goto("/")
    page.locator('#timeline-chart[data-rendered="true"]').wait_for(timeout=10_000)
    doc_shot(page, "dashboard" if page.width > 500 else "phone-dashboard")
    data = page.evaluate("JSON.parse(document.getElementById('dashboard-data').textContent)")
    buckets = data["timeline"]["buckets"]
    # every day between the first and the last event, none missing: the axis is time, not the days with events
    assert all(date.fromisoformat(b["until"]) + timedelta(days=1) == date.fromisoformat(c["since"])
               for b, c in zip(buckets, buckets[1:], strict=False))
    busy = {
        b["since"] for s in data["timeline"]["series"] for b, n in zip(buckets, s["counts"], strict=True) if n
    }
    assert len(buckets) > len(busy)
    assert data["modality"] == "asserted"
    # click the tallest bar of the first series through Chart.js's own hit test
    target = page.evaluate("""() => {
        const chart = Chart.getChart('timeline-chart'); const meta = chart.getDatasetMeta(0);
        const counts = chart.data.datasets[0].data; const i = counts.indexOf(Math.max(...counts));
        const bar = meta.data[i]; const box = chart.canvas.getBoundingClientRect();
        return {x: box.left + bar.x, y: box.top + (bar.y + bar.base) / 2, i: i}; }""")
    if page.width < 500:
        page.locator("#timeline-chart").scroll_into_view_if_needed()
        target = page.evaluate("""(i) => { const chart = Chart.getChart('timeline-chart');
            const bar = chart.getDatasetMeta(0).data[i]; const box = chart.canvas.getBoundingClientRect();
            return {x: box.left + bar.x, y: box.top + (bar.y + bar.base) / 2, i: i}; }""", target["i"])
    page.mouse.click(target["x"], target["y"])
    page.wait_for_url("**/events?**")
    bucket = buckets[target["i"]]
    assert f"since={bucket['since']}" in page.url and "modality=asserted" in page.url
    assert page.locator("table.events tbody tr").count() >= 1
    if page.width > 500:
        shot(page, "chart-click")
    assert fits_the_screen(page)
    assert page.errors == []


def test_an_actor_page_is_found_by_name_and_a_wrong_name_gets_suggestions(screen):
    page = screen
    page.goto("/actors/Lavrov")
    assert page.locator("h1").inner_text().startswith("Sergey Lavrov")
    assert page.locator("h1 .code").inner_text() == "RUS"
    assert fits_the_screen(page)
    doc_shot(page, "actor" if page.width > 500 else "phone-actor")
    response = page.goto("/actors/Lavrv")
    assert response.status == 404
    assert "No actor called" in page.locator(".error").inner_text()
    page.locator("ul.suggestions a", has_text="Lavrov").first.click()
    page.wait_for_url("**/actors/Sergey%20Lavrov")
    assert unexpected(page.errors) == []


def test_on_a_phone_the_menu_folds_and_opens(browser, live_server):
    for page in open_page(browser, live_server, *PHONE, is_mobile=True, has_touch=True):
        page.goto("/quotes")
        nav = page.locator("header.top nav")
        assert not nav.is_visible()
        page.locator("label.menu-button").click()
        assert nav.is_visible()
        nav.locator("a", has_text="Upcoming").click()
        page.wait_for_url("**/upcoming")
        assert fits_the_screen(page)
        doc_shot(page, "phone-upcoming")
        assert page.errors == []


def test_bad_parameters_and_unknown_pages_get_a_friendly_page(screen):
    page = screen
    response = page.goto("/events?since=2025-02-30&type=REQUESTS")
    assert response.status == 422
    text = page.locator(".error").inner_text()
    assert "did you mean" in text and "{" not in text and "pattern" not in text and "^" not in text
    response = page.goto("/no/such/page")
    assert response.status == 404
    assert "There is no page at /no/such/page" in page.locator(".error").inner_text()
    assert page.locator("header.top").count() == 1  # the site's own page, not raw JSON
    assert fits_the_screen(page)
    assert unexpected(page.errors) == []


def unexpected(errors: list[str]) -> list[str]:
    """Errors other than the browser's own note that a page answered 404 or 422 (which is the point)."""
    return [e for e in errors if "status of 404" not in e and "status of 422" not in e]

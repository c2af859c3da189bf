"""End to end in a real browser: Playwright drives Debian's headless Chromium against a live server.

Nothing is downloaded: Playwright's PyPI wheel brings its driver, and the browser
is the system one (`apt-get install chromium`). Screenshots of every step go to
test-output/browser/ (or $COMMUNIQUE_SCREENSHOTS) for CI to keep.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from browser_support import shot

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_dashboard_chart_actor_article_quote_and_search(page):
    page.goto("/")
    chart = page.locator('#timeline-chart[data-rendered="true"]')
    chart.wait_for(timeout=10_000)
    # the chart drew something: its canvas has coloured pixels
    painted = chart.evaluate(
        "c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        " let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }"
    )
    assert painted > 1000
    shot(page, "01-dashboard")

    actor = page.locator("a.actor-link").first
    code = actor.get_attribute("data-actor")
    actor.click()
    page.wait_for_url(f"**/actors/{code}")
    assert page.locator("h1").is_visible()
    shot(page, "02-actor")

    # open an article at one of its quotes (this actor's, else the latest anyone's)
    quote_link = page.locator("figure.quote blockquote a")
    if not quote_link.count():
        page.goto("/quotes")
    page.locator("figure.quote blockquote a").first.click()
    page.wait_for_url("**/articles/**")
    quote = page.locator("#text .hl.l-quote").first
    assert quote.is_visible()
    background = quote.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    speaker = page.locator("#text .who").first
    assert speaker.is_visible() and speaker.inner_text().strip()
    record = page.locator(".record.l-quote-key").first
    assert speaker.inner_text().strip() in record.inner_text()
    record.click()
    assert page.locator("#text .hl.focus").count() >= 1
    shot(page, "03-article")

    page.fill("header.top input[name=q]", "talks")
    page.press("header.top input[name=q]", "Enter")
    page.wait_for_url("**/search?q=talks")
    assert page.locator("#article-results mark").first.is_visible()
    shot(page, "04-search")
    assert page.errors == []


def test_network_draws_actors_and_a_node_leads_to_the_actor(page):
    page.goto("/network")
    page.locator('svg#network[data-rendered="true"]').wait_for(timeout=10_000)
    nodes = page.locator("svg#network a.node")
    assert nodes.count() >= 2
    assert page.locator("svg#network a.edge").count() >= 1
    shot(page, "05-network")
    code = nodes.first.get_attribute("data-actor")
    nodes.first.locator("circle").click()
    page.wait_for_url(f"**/actors/{code}")
    assert page.errors == []


def test_script_in_an_article_is_shown_as_text_and_never_runs(page):
    page.goto("/articles/hostile-1")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("typeof window.__pwned_title") == "undefined"
    assert page.evaluate("typeof window.__pwned_source") == "undefined"
    assert "<script>window.__pwned = 1</script>" in page.locator("#text").inner_text()
    assert "<script>" in page.title()
    page.goto("/articles")
    assert page.evaluate("typeof window.__pwned_source") == "undefined"
    assert page.errors == []


def test_layer_switch_hides_and_shows_a_highlight(page):
    page.goto("/articles/hostile-1")
    actor = page.locator("#text .hl.l-actor").first
    weight = actor.evaluate("el => getComputedStyle(el).fontWeight")
    page.uncheck("input[data-layer=actor]")
    assert actor.evaluate("el => getComputedStyle(el).fontWeight") != weight
    page.check("input[data-layer=actor]")
    assert actor.evaluate("el => getComputedStyle(el).fontWeight") == weight


def test_upcoming_page_lists_plans_and_leads_to_the_sentence_that_announces_them(page):
    page.goto("/upcoming?as_of=2025-06-08")
    row = page.locator("table.upcoming tbody tr", has_text="Istanbul").first
    assert row.is_visible()
    shot(page, "upcoming")
    row.locator("td.evidence a").click()
    page.wait_for_url("**/articles/**")
    assert page.locator("#text").is_visible()
    assert page.errors == []


def test_positions_page_shows_since_when_a_stance_stands_and_leads_to_its_statements(page):
    """The actors' positions page: a stance restated across two articles reads in one row, since when
    and last restated; its statements open and lead to the sentence in the reader."""
    page.goto("/actors/RUS/positions")
    row = page.locator("table.threads tr.restated", has_text="withdraw its troops").first
    assert row.is_visible()
    since, last = row.locator("td.since").inner_text(), row.locator("td").nth(1).inner_text()
    assert since < last[:10]
    row.locator("details.statements summary").click()
    assert row.locator("details.statements li").count() >= 2
    shot(page, "positions-threads")
    if os.environ.get("COMMUNIQUE_UPDATE_DOCS"):  # refresh the README's picture
        page.screenshot(path=str(Path(__file__).resolve().parents[2] / "docs" / "positions-threads.png"))
    row.locator("details.statements li a").first.click()
    page.wait_for_url("**/articles/**#p*")
    assert page.locator("#text .hl.focus").count() >= 1  # the position and its statement light up together
    assert page.errors == []

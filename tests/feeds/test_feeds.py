"""Feeds and URLs against a real HTTP server on 127.0.0.1 started by the test."""

from __future__ import annotations

import sqlite3
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from communique.document import Article
from communique.engine.local import ingest
from communique.errors import InputError
from communique.feeds import FeedState, iter_sources
from communique.fetching import Fetcher, FetchOptions
from communique.store import Store
from communique.watch import parse_interval, watch

PAGE = """<!DOCTYPE html><html><head><title>{title}</title>
<meta property="og:url" content="{canonical}">
<meta property="article:published_time" content="2025-06-0{day}T08:00:00Z"></head>
<body><nav>Home | World | Share</nav><article><h1>{title}</h1>
<p>{lead}</p>
<p>Officials from both delegations said the next meeting would be announced in the coming days, and
that the talks had been held behind closed doors at the request of the hosts.</p>
</article><footer>Follow us on X</footer></body></html>"""

ARTICLES = {
    "/news/talks": (
        "Envoys meet in Geneva",
        "Russian and Ukrainian envoys met in Geneva on Monday to discuss a prisoner exchange.",
        2,
    ),
    "/news/strikes": (
        "Drones hit Kharkiv",
        "Russian forces launched drones at Kharkiv overnight, the regional governor said on Tuesday.",
        3,
    ),
    "/news/summit": (
        "Leaders back sanctions",
        "European Union leaders agreed on Thursday to prepare new sanctions against Russia.",
        5,
    ),
}


def feed(items: list[tuple[str, str]]) -> str:
    entries = "".join(
        f"<item><title>{title}</title><link>{{base}}{path}</link>"
        "<pubDate>Mon, 02 Jun 2025 08:00:00 GMT</pubDate></item>"
        for path, title in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test wire</title>{entries}</channel></rss>'
    )


class Site:
    """What the server serves; tests change `feed_items` between polls."""

    def __init__(self):
        self.feed_items = [
            ("/news/talks", "Envoys meet"),
            ("/old-link", "Drones (moved)"),
            ("/missing", "Gone"),
            ("/slow", "Slow"),
            ("/huge", "Huge"),
        ]
        self.requests: list[str] = []
        self.feed_version = 1


@pytest.fixture()
def site():
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # keep test output clean
            pass

        def do_GET(self):
            state.requests.append(self.path)
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/feed.xml":
                etag = f'"v{state.feed_version}"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                body = feed(state.feed_items).replace("{base}", base).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("ETag", etag)
                self.end_headers()
                self.wfile.write(body)
            elif self.path == "/garbage.xml":
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.end_headers()
                self.wfile.write(b"\x00\x01<rss><<<not a feed")
            elif self.path == "/old-link":
                self.send_response(301)
                self.send_header("Location", "/news/strikes")
                self.end_headers()
            elif self.path == "/slow":
                time.sleep(2.5)
                self.send_response(200)
                self.end_headers()
                self.wfile.write(b"<html><body>late</body></html>")
            elif self.path == "/huge":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                self.wfile.write(b"<html><body>" + b"<p>padding text</p>" * 30000 + b"</body></html>")
            elif self.path in ARTICLES:
                title, lead, day = ARTICLES[self.path]
                body = PAGE.format(title=title, lead=lead, day=day, canonical=base + self.path).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(body)
            else:
                self.send_response(404)
                self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture()
def fetcher():
    with Fetcher(FetchOptions(timeout=1.0, max_bytes=200_000, per_host_rate=0, allow_private=True)) as f:
        yield f


def test_feed_is_ingested_once_and_each_failure_reported(site, fetcher, pipeline, db_path):
    failures: list[str] = []

    def hook(name, outcome, message):
        if outcome == "failed":
            failures.append(message)

    with Store(db_path) as store:
        first = ingest([site.base + "/feed.xml"], store, pipeline, fetcher=fetcher, on_article=hook)
        assert first.stored == 2  # the article and the redirected one
        urls = sorted(r["url"] for r in store.conn.execute("SELECT url FROM articles"))
        assert urls == [site.base + "/news/strikes", site.base + "/news/talks"]
        assert len(failures) == 3
        assert any("/missing: HTTP 404" in f for f in failures)
        assert any("/slow: timed out" in f for f in failures)
        assert any("/huge: page is over" in f for f in failures)
        assert all("\n" not in f for f in failures)
        published = dict(store.conn.execute("SELECT url, published FROM articles").fetchall())
        assert published[site.base + "/news/talks"] == "2025-06-02"

        # an unchanged feed costs one conditional request and stores nothing
        site.requests.clear()
        second = ingest([site.base + "/feed.xml"], store, pipeline, fetcher=fetcher)
        assert site.requests == ["/feed.xml"]
        assert (second.stored, second.failed, second.errors) == (0, 0, [])  # a 304 is no failure

        # the feed changes: only the new entry is fetched (plus the still-failing ones)
        site.feed_version = 2
        site.feed_items.append(("/news/summit", "Leaders back sanctions"))
        site.requests.clear()
        third = ingest([site.base + "/feed.xml"], store, pipeline, fetcher=fetcher)
        assert third.stored == 1
        assert "/news/talks" not in site.requests and "/old-link" not in site.requests
        assert "/news/summit" in site.requests
        assert store.stats()["articles"] == 3


def test_article_url_is_fetched_and_not_fetched_again(site, fetcher, pipeline, db_path):
    with Store(db_path) as store:
        assert ingest([site.base + "/news/summit"], store, pipeline, fetcher=fetcher).stored == 1
        site.requests.clear()
        assert ingest([site.base + "/news/summit"], store, pipeline, fetcher=fetcher).stored == 0
        assert site.requests == []


def test_reading_a_feed_asks_what_was_seen_and_hands_on_the_feed_state_after_its_entries(site, fetcher):
    """Reading keeps nothing: it is told what was read before and returns what the poll learned."""
    asked: list[str] = []

    def seen(url: str) -> bool:
        asked.append(url)
        return url.endswith("/news/talks")

    items = list(iter_sources([site.base + "/feed.xml"], seen=seen, fetcher=fetcher))
    *entries, state = items
    assert isinstance(state, FeedState) and state.url == site.base + "/feed.xml"
    assert (state.etag, state.entries) == ('"v1"', len(site.feed_items))
    articles = [item for item in entries if isinstance(item, Article)]
    assert [a.url for a in articles] == [site.base + "/news/strikes"]  # the moved link, at its new place
    assert all(isinstance(item, Article | InputError) for item in entries)
    assert site.base + "/news/talks" in asked and "/news/talks" not in site.requests

    # the state of the last poll makes the next one conditional: an unchanged feed hands on nothing
    site.requests.clear()
    again = list(
        iter_sources([site.base + "/feed.xml"], seen=seen, last_poll=lambda url: state, fetcher=fetcher)
    )
    assert again == [] and site.requests == ["/feed.xml"]


def test_a_feed_state_is_kept_only_once_its_entries_are_stored(site, fetcher, pipeline, db_path, monkeypatch):
    """Entries that could not be stored are read again on the next poll, not hidden behind a 304."""
    site.feed_items = [("/news/talks", "Envoys meet"), ("/news/summit", "Leaders back sanctions")]
    feed = site.base + "/feed.xml"
    real = Store.write_many

    def disk_full(self, records, keyed=()):
        if records:
            raise sqlite3.OperationalError("database or disk is full")
        return real(self, records, keyed)

    with Store(db_path) as store:
        monkeypatch.setattr(Store, "write_many", disk_full)
        first = ingest([feed], store, pipeline, fetcher=fetcher)
        assert (first.stored, first.failed) == (0, 2)
        assert store.feed_state(feed) is None

        monkeypatch.setattr(Store, "write_many", real)
        site.requests.clear()
        second = ingest([feed], store, pipeline, fetcher=fetcher)
        assert second.stored == 2
        assert site.requests == ["/feed.xml", "/news/talks", "/news/summit"]  # in full, not a 304
        assert store.feed_state(feed)["etag"] == '"v1"'


def test_a_garbage_feed_is_one_error_and_watch_goes_on(site, fetcher, pipeline, db_path):
    errors: list[str] = []
    polls: list[int] = []
    with Store(db_path) as store:
        n = watch(
            [site.base + "/garbage.xml", site.base + "/news/talks"], store, pipeline, fetcher,
            every=0.01, max_polls=2,
            on_article=lambda name, outcome, msg: errors.append(msg) if outcome == "failed" else None,
            on_poll=lambda i, report: polls.append(report.stored),
        )
        assert n == 2
        assert polls == [1, 0]
        assert len(errors) == 2 and all("garbage.xml" in e for e in errors)


def test_private_addresses_and_other_schemes_are_refused(site):
    with Fetcher(FetchOptions(per_host_rate=0)) as strict:
        with pytest.raises(InputError, match="private or local address"):
            strict.get(site.base + "/news/talks")
        with pytest.raises(InputError, match="only http and https"):
            strict.get("file:///etc/passwd")


def test_every_redirect_hop_is_checked(site):
    checked: list[str] = []

    class Recording(Fetcher):
        def _check_allowed(self, url: str, origin: str):
            checked.append(url)
            return super()._check_allowed(url, origin)

    with Recording(FetchOptions(per_host_rate=0, allow_private=True)) as fetcher:
        response = fetcher.get(site.base + "/old-link")
    assert response.url == site.base + "/news/strikes"
    assert checked == [site.base + "/old-link", site.base + "/news/strikes"]


def test_requests_to_one_host_are_spaced_by_the_rate_limit(site):
    with Fetcher(FetchOptions(per_host_rate=5, allow_private=True)) as polite:
        started = time.monotonic()
        for _ in range(3):
            polite.get(site.base + "/news/talks")
        assert time.monotonic() - started >= 0.38  # three requests at 5/s: two waits of 0.2 s


def test_intervals_parse():
    assert parse_interval("15m") == 900
    assert parse_interval("30s") == 30
    assert parse_interval("2h") == 7200
    with pytest.raises(ValueError):
        parse_interval("soon")

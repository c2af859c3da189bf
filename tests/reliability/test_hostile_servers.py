"""Issue 22, items 1 (feed links), 6, 8 and 15: fetching from servers and feeds that misbehave.

A real HTTP server on 127.0.0.1, started by the test, serves compression bombs,
drips bytes, and the same page under two URLs; feeds hold malformed links. Name
resolution is replaced where a test needs a host to resolve to a given address.
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
import tracemalloc
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from reliability_support import check_stored

from communique import fetching
from communique.engine.local import ingest
from communique.errors import InputError
from communique.fetching import Fetcher, FetchOptions, is_public
from communique.store import Store
from communique.watch import watch

PAGE = (
    b"<!DOCTYPE html><html><head><title>Envoys meet</title></head><body><article><h1>Envoys meet</h1>"
    b"<p>Envoys from both countries met in Geneva on Monday to discuss an exchange of prisoners.</p>"
    b"<p>They agreed to meet again next week, and the mediators said the talks had been constructive.</p>"
    b"</article></body></html>"
)
BOMB_SIZE = 64_000_000  # bytes once both gzip layers are undone


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == "/bomb":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Encoding", "gzip, gzip")
            self.end_headers()
            self.wfile.write(self.server.bomb)
        elif self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(40):  # one byte every 0.25 s: each read is quick, the whole is not
                try:
                    self.wfile.write(b"<")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.25)
        elif self.path in ("/a", "/b", "/same"):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(PAGE)
        else:
            self.send_response(404)
            self.end_headers()


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.bomb = gzip.compress(gzip.compress(b"\0" * BOMB_SIZE, 9), 9)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    httpd.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def _local(**options) -> Fetcher:
    return Fetcher(FetchOptions(per_host_rate=0, allow_private=True, **options))


# ---------------------------------------------------------------- item 6


def test_a_compression_bomb_is_stopped_at_the_size_limit_without_expanding(server, ledger):
    ledger.tried("gzip-bomb")
    assert len(server.bomb) < 100_000
    tracemalloc.start()
    try:
        with _local(max_bytes=1_000_000) as fetcher, pytest.raises(InputError, match="after decompression"):
            fetcher.get(server.base + "/bomb")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16_000_000, f"{peak / 1e6:.0f} MB held while reading a {len(server.bomb):,}-byte bomb"


def test_a_server_dripping_bytes_cannot_hold_a_fetch_past_its_deadline(server, ledger):
    ledger.tried("drip-server")
    started = time.monotonic()
    with (
        _local(timeout=2.0, deadline=1.5) as fetcher,
        pytest.raises(InputError, match="took longer than 1.5s"),
    ):
        fetcher.get(server.base + "/drip")
    assert time.monotonic() - started < 4.5


def test_a_local_feed_file_has_the_fetch_size_limit(tmp_path, pipeline, ledger):
    ledger.tried("huge-feed-file")
    feed = tmp_path / "big.rss"
    item = "<item><title>t</title><link>http://127.0.0.1:9/x</link></item>"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>w</title>'
        + item * 40_000
        + "</channel></rss>"
    )
    with Store(tmp_path / "f.db") as store, _local(max_bytes=1_000_000) as fetcher:
        report = ingest([feed], store, pipeline, fetcher=fetcher)
    assert report.failed == 1 and "over the 1 MB limit" in report.errors[0]


# ---------------------------------------------------------------- item 1, for feed links


BAD_LINKS = [
    "http://[::1/x",
    "http://example.org:99999/x",
    "http://exa\x1bmple.org/x",
    "http://example.org/\u202ex",
]


def test_malformed_feed_links_are_one_line_each_and_the_feed_goes_on(tmp_path, pipeline, server, ledger):
    ledger.tried("malformed-feed-link", len(BAD_LINKS))
    feed = tmp_path / "wire.rss"
    items = "".join(f"<item><title>t</title><link>{link}</link></item>" for link in BAD_LINKS)
    items += f"<item><title>ok</title><link>{server.base}/same</link></item>"
    feed.write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>w</title>{items}</channel></rss>',
        encoding="utf-8",
    )
    db = tmp_path / "links.db"
    with Store(db) as store, _local() as fetcher:
        report = ingest([feed], store, pipeline, fetcher=fetcher)
        assert report.stored == 1 and report.failed == len(BAD_LINKS) - 1 or report.failed == len(BAD_LINKS)
        polls = watch([feed], store, pipeline, fetcher, every=0.01, max_polls=2)  # watch survives them too
    assert polls == 2
    for message in report.errors:
        assert "\x1b" not in message and "\u202e" not in message
    check_stored(ledger, db, set())


# ---------------------------------------------------------------- item 8


@pytest.mark.parametrize(
    "address",
    [
        "64:ff9b::7f00:1",
        "64:ff9b::a00:1",
        "::7f00:1",
        "::a9fe:a9fe",
        "2002:7f00:1::",
        "2002:c0a8:101::",
        "::ffff:10.0.0.1",
        "64:ff9b:1::a00:1",
        "fec0::1",
        "224.0.0.1",
        "192.0.0.8",
        "100.64.0.1",
    ],
)
def test_private_addresses_in_every_form_are_refused(address, monkeypatch, ledger):
    ledger.tried("private-address-form")
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    monkeypatch.setattr(
        socket, "getaddrinfo", lambda *a, **k: [(family, socket.SOCK_STREAM, 6, "", (address, 80))]
    )
    with Fetcher(FetchOptions(per_host_rate=0, timeout=1)) as fetcher, pytest.raises(InputError) as caught:
        fetcher.get("http://news.example/a")
    assert "private or local address" in str(caught.value)


def test_public_addresses_pass_the_check():
    import ipaddress

    for public in (
        "93.184.216.34",
        "2606:2800:220:1:248:1893:25c8:1946",
        "2002:5db8:d822::1",
        "64:ff9b::5db8:d822",
    ):
        assert is_public(ipaddress.ip_address(public)), public


def test_the_connection_goes_to_the_address_that_was_checked(server, monkeypatch, ledger):
    """DNS rebinding: the first answer is checked and allowed, a second would be private."""
    ledger.tried("dns-rebinding")
    port = server.server_address[1]
    answers = iter(["127.0.0.1"] + ["10.9.9.9"] * 10)
    real = socket.getaddrinfo

    def rebinding(host, *args, **kwargs):
        if host == "news.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    # for this test 127.0.0.1 stands for a public server; 10.9.9.9 stays private
    monkeypatch.setattr(fetching, "is_public", lambda address: str(address) == "127.0.0.1")
    with Fetcher(FetchOptions(per_host_rate=0, timeout=2)) as fetcher:
        response = fetcher.get(f"http://news.example:{port}/a")
    assert response.status == 200 and b"Envoys" in response.content
    assert response.url == f"http://news.example:{port}/a"


# ---------------------------------------------------------------- item 15


def test_the_same_page_at_two_urls_is_stored_once_and_not_fetched_again(tmp_path, pipeline, server, ledger):
    ledger.tried("duplicate-page")
    db = tmp_path / "dup.db"
    with Store(db) as store, _local() as fetcher:
        first = ingest([server.base + "/a", server.base + "/b"], store, pipeline, fetcher=fetcher)
        again = ingest([server.base + "/a", server.base + "/b"], store, pipeline, fetcher=fetcher)
        later = ingest([server.base + "/same"], store, pipeline, fetcher=fetcher)  # a third URL, another run
        count = store.stats()["articles"]
    assert first.stored == 1 and first.skipped == 1
    assert any("same text as" in note for note in first.notes)
    assert count == 1
    assert again.stored == again.failed == again.skipped == 0  # neither URL is fetched again
    assert later.stored == 0 and later.skipped == 1 and "same text as stored article" in later.notes[0]

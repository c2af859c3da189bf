"""Browser fixtures shared by the browser tests: one Chromium and one live server per session.

Playwright drives Debian's headless Chromium (nothing is downloaded); screenshots go to
test-output/browser/ (or $COMMUNIQUE_SCREENSHOTS), and with COMMUNIQUE_DOCS_SHOTS=1 the
ones the README shows are also written to docs/.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("COMMUNIQUE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
SHOTS = Path(
    os.environ.get("COMMUNIQUE_SCREENSHOTS", Path(__file__).resolve().parents[2] / "test-output" / "browser")
)


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="playwright is not installed (pip install playwright; no browser download)",
    )
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set COMMUNIQUE_CHROMIUM)")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def live_server(demo_db):
    """The app under uvicorn on a free local port, in a thread, for the session."""
    import uvicorn

    from communique.web import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(demo_db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture()
def page(browser, live_server):
    yield from open_page(browser, live_server, 1360, 900)


def open_page(browser, live_server: str, width: int, height: int, **options):
    """A page at a viewport size that records in `page.errors` its JavaScript errors and its
    failed and outside requests."""
    context = browser.new_context(
        viewport={"width": width, "height": height}, base_url=live_server, **options
    )
    page = context.new_page()
    page.errors = []  # JavaScript errors and failed requests: a page with any of them fails its test
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    # a navigation cancels the previous page's pending requests (ERR_ABORTED): not an error
    page.on("requestfailed", lambda request: page.errors.append(f"failed: {request.url} {request.failure}")
            if "ERR_ABORTED" not in (request.failure or "") else None)
    # everything must come from our server: a request anywhere else is a CDN fetch (or an injection)
    context.route(lambda url: not url.startswith(live_server), lambda route: (
        page.errors.append(f"external request: {route.request.url}"), route.abort()))
    yield page
    context.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


DOCS = Path(__file__).resolve().parents[2] / "docs"


def doc_shot(page, name: str) -> None:
    """A screenshot for the README (docs/NAME.png), written only with COMMUNIQUE_DOCS_SHOTS=1."""
    shot(page, name)
    if os.environ.get("COMMUNIQUE_DOCS_SHOTS") == "1":
        page.screenshot(path=str(DOCS / f"{name}.png"), full_page=False)

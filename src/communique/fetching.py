"""Polite, safe HTTP fetching for article pages and feeds.

Only http and https; no private, loopback or link-local addresses unless
allowed (checked on every redirect hop); a timeout, a size limit, a clear
User-Agent, gzip handled by httpx, and at most N requests per host per second.
Conditional requests (ETag / Last-Modified) make an unchanged feed cost one
small request.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from ._version import __version__
from .errors import InputError

USER_AGENT = f"communique/{__version__} (news event extraction; +https://pypi.org/project/communique/)"
MAX_REDIRECTS = 5


@dataclass(frozen=True)
class FetchOptions:
    timeout: float = 15.0
    max_bytes: int = 5_000_000
    per_host_rate: float = 1.0  # requests per second to one host
    allow_private: bool = False


@dataclass
class Response:
    url: str  # the final URL after redirects
    status: int
    content: bytes
    content_type: str
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def is_url(source: str) -> bool:
    return str(source).startswith(("http://", "https://"))


class Fetcher:
    """One HTTP client, reused for every request of a run."""

    def __init__(self, options: FetchOptions | None = None):
        import httpx

        self.options = options or FetchOptions()
        self._client = httpx.Client(
            timeout=self.options.timeout,
            follow_redirects=False,  # followed by hand so each hop is checked
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
        )
        self._last_request: dict[str, float] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET `url`; raises InputError (naming the URL) on any failure."""
        import httpx

        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            self._check_allowed(current, origin=url)
            self._wait_for_host(current)
            try:
                with self._client.stream("GET", current, headers=headers) as resp:
                    if resp.is_redirect:
                        location = resp.headers.get("location")
                        if not location:
                            raise InputError(url, f"redirect without a location (HTTP {resp.status_code})")
                        current = urljoin(current, location)
                        continue
                    if resp.status_code == 304:
                        return Response(current, 304, b"", "", etag, last_modified)
                    if resp.status_code >= 400:
                        raise InputError(url, f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
                    declared = resp.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > self.options.max_bytes:
                        raise InputError(url, f"page is {int(declared) / 1e6:.1f} MB, over the {self.options.max_bytes / 1e6:.0f} MB limit")
                    chunks, size = [], 0
                    for chunk in resp.iter_bytes():
                        size += len(chunk)
                        if size > self.options.max_bytes:
                            raise InputError(url, f"page is over the {self.options.max_bytes / 1e6:.0f} MB limit")
                        chunks.append(chunk)
                    return Response(
                        url=str(resp.url),
                        status=resp.status_code,
                        content=b"".join(chunks),
                        content_type=resp.headers.get("content-type", ""),
                        etag=resp.headers.get("etag"),
                        last_modified=resp.headers.get("last-modified"),
                    )
            except httpx.TimeoutException:
                raise InputError(url, f"timed out after {self.options.timeout:g}s") from None
            except httpx.HTTPError as exc:
                raise InputError(url, f"cannot fetch ({type(exc).__name__}: {exc})") from None
        raise InputError(url, f"more than {MAX_REDIRECTS} redirects")

    def _check_allowed(self, url: str, origin: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise InputError(origin, f"only http and https URLs are fetched, not {parts.scheme or 'no scheme'}")
        host = parts.hostname
        if not host:
            raise InputError(origin, "URL has no host")
        if self.options.allow_private:
            return
        try:
            infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80))
        except socket.gaierror:
            raise InputError(origin, f"cannot resolve host {host}") from None
        for info in infos:
            address = ipaddress.ip_address(info[4][0])
            if not address.is_global:
                raise InputError(
                    origin, f"{host} is a private or local address ({address}); pass --allow-private to fetch it"
                )

    def _wait_for_host(self, url: str) -> None:
        if self.options.per_host_rate <= 0:
            return
        host = urlsplit(url).netloc
        interval = 1.0 / self.options.per_host_rate
        with self._lock:
            now = time.monotonic()
            wait = self._last_request.get(host, 0.0) + interval - now
            self._last_request[host] = max(now, now + wait)
        if wait > 0:
            time.sleep(wait)

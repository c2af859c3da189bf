"""Polite, safe HTTP fetching for article pages and feeds.

Only http and https. No private, loopback, link-local or otherwise special address
unless allowed, checked on every redirect hop, including IPv6 forms that carry an
IPv4 address (NAT64, IPv4-compatible, IPv4-mapped, 6to4, Teredo). The connection goes
to the very address that was checked (the host is resolved once; the TLS certificate
is still checked against the host name), so a DNS answer that changes between the
check and the connection (DNS rebinding) cannot reach a private address.
Each request has a total deadline besides the timeout of each read (a server sending
one byte at a time cannot hold a fetch), and the body is limited in size *after*
decompression, layer by layer (`Content-Encoding: gzip, gzip` cannot expand a few KB
into gigabytes). A clear User-Agent, and at most N requests per host per second.
Conditional requests (ETag / Last-Modified) make an unchanged feed cost one small request.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

from ._version import __version__
from .errors import InputError

USER_AGENT = f"communique/{__version__} (news event extraction; +https://pypi.org/project/communique/)"
MAX_REDIRECTS = 5
# Decompressed bytes produced per step: memory per encoding layer stays about this size.
_INFLATE_STEP = 1 << 16

# Special-purpose ranges (RFC 6890 and its IPv6 registry) that `is_global` misses in some
# Python versions: multicast, the IETF protocol block, site-local, local-use NAT64...
_NOT_PUBLIC = tuple(
    ipaddress.ip_network(n)
    for n in (
        "0.0.0.0/8",
        "10.0.0.0/8",
        "100.64.0.0/10",
        "127.0.0.0/8",
        "169.254.0.0/16",
        "172.16.0.0/12",
        "192.0.0.0/24",
        "192.0.2.0/24",
        "192.88.99.0/24",
        "192.168.0.0/16",
        "198.18.0.0/15",
        "198.51.100.0/24",
        "203.0.113.0/24",
        "224.0.0.0/4",
        "240.0.0.0/4",
        "::/128",
        "::1/128",
        "64:ff9b:1::/48",
        "100::/64",
        "2001::/23",
        "2001:db8::/32",
        "fc00::/7",
        "fe80::/10",
        "fec0::/10",
        "ff00::/8",
    )
)
# IPv6 prefixes whose last 32 bits are an IPv4 address: NAT64 (RFC 6052) and IPv4-compatible.
_IPV4_SUFFIXED = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("::/96"))


@dataclass(frozen=True)
class FetchOptions:
    timeout: float = 15.0  # seconds for connecting and for each read
    max_bytes: int = 5_000_000  # of the body after decompression
    per_host_rate: float = 1.0  # requests per second to one host
    allow_private: bool = False
    deadline: float = 60.0  # seconds for a whole request, redirects included


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


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether an address may be fetched from: global, and so is any IPv4 address it carries."""
    if not address.is_global or address.is_multicast or any(address in net for net in _NOT_PUBLIC):
        return False
    return all(is_public(inner) for inner in _embedded_ipv4(address))


def _embedded_ipv4(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    if not isinstance(address, ipaddress.IPv6Address):
        return []
    inner = [a for a in (address.ipv4_mapped, address.sixtofour) if a is not None]
    if address.teredo:
        inner.extend(address.teredo)
    if any(address in net for net in _IPV4_SUFFIXED):
        inner.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return inner


@dataclass(frozen=True)
class _Target:
    """Where one request goes: the URL to connect to (the checked address), and the headers and TLS
    name that name the host."""

    url: str
    headers: dict[str, str]
    extensions: dict[str, str]


class Fetcher:
    """One HTTP client, reused for every request of a run."""

    def __init__(self, options: FetchOptions | None = None):
        import httpx

        self.options = options or FetchOptions()
        self._client = httpx.Client(
            timeout=self.options.timeout,
            follow_redirects=False,  # followed by hand so each hop is checked
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            # a pinned connection is made for one host name: never reuse it for another on the same address
            limits=httpx.Limits(max_keepalive_connections=0 if not self.options.allow_private else 20),
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
        """GET `url`; raises InputError (naming the URL) on any failure, a malformed URL included."""
        import httpx

        deadline = time.monotonic() + self.options.deadline
        try:
            return self._get(url, etag, last_modified, deadline)
        except InputError:
            raise
        except httpx.TimeoutException:
            raise InputError(url, f"timed out after {self.options.timeout:g}s") from None
        except (httpx.HTTPError, httpx.InvalidURL, ValueError, UnicodeError, OSError) as exc:
            raise InputError(url, f"cannot fetch ({type(exc).__name__}: {exc})") from None

    def _get(self, url: str, etag: str | None, last_modified: str | None, deadline: float) -> Response:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            target = self._check_allowed(current, origin=url)
            self._wait_for_host(current)
            with self._client.stream(
                "GET",
                target.url,
                headers={**headers, **target.headers},
                extensions=target.extensions,
                timeout=self._timeout(url, deadline),
            ) as resp:
                if resp.status_code == 304:  # a 3xx that is no redirect: the copy asked about is current
                    return Response(current, 304, b"", "", etag, last_modified)
                if resp.is_redirect:
                    location = resp.headers.get("location")
                    if not location:
                        raise InputError(url, f"redirect without a location (HTTP {resp.status_code})")
                    current = urljoin(current, location)
                    continue
                if resp.status_code >= 400:
                    raise InputError(url, f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
                return Response(
                    url=current,
                    status=resp.status_code,
                    content=self._body(resp, url, deadline),
                    content_type=resp.headers.get("content-type", ""),
                    etag=resp.headers.get("etag"),
                    last_modified=resp.headers.get("last-modified"),
                )
        raise InputError(url, f"more than {MAX_REDIRECTS} redirects")

    def _timeout(self, url: str, deadline: float) -> float:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise InputError(url, f"took longer than {self.options.deadline:g}s")
        return min(self.options.timeout, remaining)

    def _body(self, resp, url: str, deadline: float) -> bytes:
        """The decompressed body, within the size limit and the deadline."""
        limit = self.options.max_bytes
        declared = resp.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise InputError(
                url, f"page is {int(declared) / 1e6:.1f} MB, over the {limit / 1e6:.0f} MB limit"
            )
        encodings = [
            e.strip().lower() for e in resp.headers.get("content-encoding", "").split(",") if e.strip()
        ]
        chunks, size = [], 0
        for chunk in decoded(_before(resp.iter_raw(), deadline, url, self.options.deadline), encodings, url):
            size += len(chunk)
            if size > limit:
                raise InputError(url, f"page is over the {limit / 1e6:.0f} MB limit (after decompression)")
            chunks.append(chunk)
        return b"".join(chunks)

    def _check_allowed(self, url: str, origin: str) -> _Target:
        """Check `url` (InputError if it may not be fetched) and say where to connect: the resolved,
        checked address, unless private addresses are allowed."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise InputError(
                origin, f"only http and https URLs are fetched, not {parts.scheme or 'no scheme'}"
            )
        host = parts.hostname
        if not host:
            raise InputError(origin, "URL has no host")
        port = parts.port  # ValueError for a port out of range: one line from get()
        if self.options.allow_private:
            return _Target(url, {}, {})
        address = self._checked_address(host, port or (443 if parts.scheme == "https" else 80), origin)
        if str(address) == host:  # already an address: nothing to pin
            return _Target(url, {}, {})
        suffix = f":{port}" if port else ""
        shown = f"[{address}]" if address.version == 6 else str(address)
        pinned = urlunsplit((parts.scheme, shown + suffix, parts.path or "/", parts.query, ""))
        name = host.encode("idna").decode("ascii")  # the name as the server and its certificate know it
        extensions = {"sni_hostname": name} if parts.scheme == "https" else {}
        return _Target(pinned, {"Host": name + suffix}, extensions)

    def _checked_address(
        self, host: str, port: int, origin: str
    ) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
        """The one address to connect to: every address the host resolves to must be public."""
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError):
            raise InputError(origin, f"cannot resolve host {host}") from None
        addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
        if not addresses:
            raise InputError(origin, f"cannot resolve host {host}")
        for address in addresses:
            if not is_public(address):
                raise InputError(
                    origin,
                    f"{host} is a private or local address ({address}); pass --allow-private to fetch it",
                )
        return addresses[0]

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


def _before(chunks: Iterable[bytes], deadline: float, url: str, seconds: float) -> Iterator[bytes]:
    """`chunks` until the deadline passes (checked as each arrives; a read itself has its own timeout)."""
    for chunk in chunks:
        if time.monotonic() > deadline:
            raise InputError(url, f"took longer than {seconds:g}s")
        yield chunk


def decoded(chunks: Iterable[bytes], encodings: list[str], url: str) -> Iterator[bytes]:
    """`chunks` with every Content-Encoding undone (last applied, first undone), in bounded steps."""
    stream: Iterable[bytes] = chunks
    for encoding in reversed(encodings):
        if encoding == "identity":
            continue
        if encoding not in ("gzip", "x-gzip", "deflate"):
            raise InputError(url, f"unsupported Content-Encoding {encoding!r}")
        stream = _inflate(stream, encoding, url)
    return iter(stream)


def _inflate(chunks: Iterable[bytes], encoding: str, url: str) -> Iterator[bytes]:
    """One gzip or deflate layer, never producing more than `_INFLATE_STEP` bytes at a time."""
    wbits = 16 + zlib.MAX_WBITS if encoding in ("gzip", "x-gzip") else zlib.MAX_WBITS
    inflater = zlib.decompressobj(wbits)
    first = True
    try:
        for chunk in chunks:
            data = chunk
            if first and encoding == "deflate" and data and (data[0] & 0x0F) != 8:
                inflater = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate without the zlib header
            first = False
            while data:
                out = inflater.decompress(data, _INFLATE_STEP)
                if out:
                    yield out
                before, data = data, inflater.unconsumed_tail
                if inflater.eof and inflater.unused_data:  # concatenated gzip members
                    data = inflater.unused_data + data
                    inflater = zlib.decompressobj(wbits)
                elif not out and data == before:  # no progress: nothing more to get from it
                    break
        tail = inflater.flush()
        if tail:
            yield tail
    except zlib.error as exc:
        raise InputError(url, f"cannot decompress the page ({encoding}: {exc})") from None

"""The fetch stage: candidate URLs to `Page`s, politely and safely.

A draft is untrusted input and CI runs citecheck on every draft, so the fetcher must never be the
way in, never hang a build and never hammer a site. Every URL yields a `Page`, never an exception:
a failure is a status plus a one-line reason.

How a request travels (one `httpx.AsyncClient` per run):

    _Fetcher        limits (all hosts, per host), the run's and each URL's wall time, retries with
                    backoff and Retry-After, redirects followed by hand so every hop passes the
                    address guard and robots.txt, the Internet Archive for dead links
    cache           hishel's RFC 9111 cache on disk (`citecheck.cache`), when enabled
    _Wire           a minimum delay between two requests to one host; the body capped as it
                    streams in, on the wire *and* decompressed (a gzip bomb stops at the cap)
    _Network        the connection: the resolved address checked again once connected (a name
                    that re-resolves inside is refused), or the proxy the environment names
                    (the name is checked before; the proxy's own lookup is out of our sight);
                    tests put their own transport here (`transport=`)

Statuses: ok, http_<code>, timeout, too_large, too_many_redirects, not_text, empty, blocked
(address not allowed), robots, dns_error, connect_error, connection_error (reset mid-answer),
invalid_url, offline, not_in_cassette, error.

Replay and record go through vcrpy, which patches httpx's own transports (`AsyncHTTPTransport`,
`MockTransport`); `_Network` calls those, so a cassette answers from beneath the caps and the
guard. A custom transport class passed as `transport=` is not patched and so bypasses a cassette.
When *recording*, vcrpy reads the whole live body before handing it back, so `max_bytes` is
enforced after the download rather than during it; replay and live fetching stream as usual.
Recording never stores cookies, auth headers or API keys (`_SECRET_HEADERS`, `_SECRET_PARAMS`).
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import ipaddress
import json
import logging
import random
import socket
import time
import urllib.parse
import urllib.request
import zlib
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, replace
from typing import Any, Literal

import httpcore
import httpx
import vcr
from vcr.errors import CannotOverwriteExistingCassetteException
from vcr.persisters.filesystem import FilesystemPersister

from citecheck.model import Page
from citecheck.pages import parse_page
from citecheck.robots import RobotsFile, allow_all, origin_of, robots_url, stay_away

log = logging.getLogger(__name__)

Resolver = Callable[[str], Iterable[str]]
CassetteMode = Literal["replay", "record"]

DEFAULT_USER_AGENT = "citecheck/0.1 (+https://github.com/citecheck/citecheck)"

_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_DEAD_STATUSES = frozenset({"http_404", "http_410", "dns_error"})  # worth asking the archive
_BINARY_MAJOR = ("image/", "audio/", "video/", "font/", "model/")
_BINARY_TYPES = frozenset(
    {
        "application/zip",
        "application/gzip",
        "application/x-gzip",
        "application/x-tar",
        "application/x-7z-compressed",
        "application/x-rar-compressed",
        "application/vnd.rar",
        "application/x-msdownload",
        "application/wasm",
        "application/x-shockwave-flash",
    }
)
_ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5"
_ACCEPT_ENCODING = "gzip, deflate"  # the codings `_Wire` decodes under its cap
_ROBOTS_TIMEOUT = 15.0  # wall time for one robots.txt, at most

# Never written to a cassette: request and response headers, and query parameters.
_SECRET_HEADERS = (
    "cookie",
    "set-cookie",
    "authorization",
    "proxy-authorization",
    "x-subscription-token",
    "deepl-auth-key",
    "x-api-key",
    "api-key",
    "x-goog-api-key",
    "ocp-apim-subscription-key",
)
_SECRET_PARAMS = ("key", "api_key", "apikey", "token", "access_token", "auth_key", "client_secret")

# True while a replay cassette is active: no DNS lookups then (there is no network to ask).
_REPLAYING: ContextVar[bool] = ContextVar("citecheck_replaying", default=False)


def user_agent(contact: str, product: str = "citecheck/0.1") -> str:
    """An identifying User-Agent with a way to reach whoever runs it:
    `user_agent("mailto:desk@example.org")` -> "citecheck/0.1 (+mailto:desk@example.org)"."""
    return f"{product} (+{contact.strip()})"


@dataclass(frozen=True)
class FetchConfig:
    concurrency: int = 8  # requests in flight, all hosts together
    per_host: int = 2  # requests in flight to one host
    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # between two chunks of the body
    candidate_timeout: float = 30.0  # wall time per URL: redirects, retries and waits included
    run_timeout: float | None = 300.0  # wall time for the whole run; None: no limit
    max_bytes: int = 5_000_000  # body cap, both as received and decompressed
    max_redirects: int = 5
    allow_private: bool = False  # lift the address guard (tests against a loopback server)
    allow_private_hosts: tuple[str, ...] = ()  # names (and their subdomains) or CIDR networks
    user_agent: str = DEFAULT_USER_AGENT  # identify yourself; see `user_agent()`
    retries: int = 2  # on connect errors, broken connections, 429 and 5xx
    backoff: float = 0.5  # first retry wait in seconds, doubled each time, plus jitter
    max_retry_wait: float = 10.0  # the longest Retry-After honoured; a longer one is not retried
    host_delay: float = 1.0  # minimum seconds between two requests to one host
    robots: bool = True  # honour robots.txt
    archive_fallback: bool = True  # a dead link (404, 410, DNS failure) -> Internet Archive
    cache: bool = True  # the on-disk HTTP cache (off in replay and record mode)
    cache_dir: str | None = None  # None: citecheck.cache.default_cache_dir()
    offline: bool = False  # make no request at all
    cassette_path: str | None = None  # serve (replay) or save (record) requests with vcrpy
    cassette_mode: CassetteMode = "replay"


class CassetteError(ValueError):
    """A replay cassette that is missing, unreadable or not a vcrpy cassette."""


# --- the address guard ------------------------------------------------------------------------


def _system_resolve(host: str) -> list[str]:
    return sorted({info[4][0] for info in socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)})


def _ip_refusal(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    """Why an address must not be fetched, or "" when it is a public one.

    IPv6 forms that carry an IPv4 address (mapped, 6to4, NAT64's well-known prefix) are judged by
    that address: 2002:7f00:1:: reaches 127.0.0.1 through a 6to4 relay, and 64:ff9b::a00:1
    reaches 10.0.0.1 through a NAT64 gateway, yet both look public to `is_global`."""
    form, embedded = _embedded_ipv4(ip)
    if embedded is not None:
        why = _ip_refusal(embedded)
        return f"{form} form of a {why}" if why else ""
    for attr, what in (
        ("is_loopback", "loopback"),
        ("is_link_local", "link-local"),
        ("is_multicast", "multicast"),
        ("is_unspecified", "unspecified"),
        ("is_private", "private"),
        ("is_reserved", "reserved"),
    ):
        if getattr(ip, attr):
            return what
    return "" if ip.is_global else "non-public"


_NAT64_WKP = ipaddress.IPv6Network(
    "64:ff9b::/96"
)  # RFC 6052; 64:ff9b:1::/48 is refused as reserved


def _embedded_ipv4(
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address,
) -> tuple[str, ipaddress.IPv4Address | None]:
    """The IPv4 address an IPv6 address stands for, and the form, when it is a translation."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return "IPv4-mapped", ip.ipv4_mapped
        if ip.sixtofour is not None:
            return "6to4", ip.sixtofour
        if ip in _NAT64_WKP:
            return "NAT64", ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return "", None


class _Exemptions:
    """`allow_private_hosts`: names (a name covers its subdomains) and CIDR networks."""

    def __init__(self, entries: Iterable[str] = ()):
        self.names: set[str] = set()
        self.networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = []
        for entry in entries:
            entry = entry.strip().strip("[]").rstrip(".").lower()
            try:
                self.networks.append(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                if entry:
                    self.names.add(entry)

    def name(self, host: str) -> bool:
        return any(host == n or host.endswith("." + n) for n in self.names)

    def address(self, ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        return any(ip.version == net.version and ip in net for net in self.networks)


def _decide(
    host: str,
    resolve: Resolver | None,
    allow_private: bool,
    exempt: _Exemptions | None = None,
) -> tuple[str, str]:
    """("ok" | "blocked" | "dns", reason) for one host."""
    if allow_private:
        return "ok", ""
    exempt = exempt or _Exemptions()
    host = host.strip("[]").rstrip(".").lower()
    try:
        literal = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        literal = None
    if literal is not None:
        why = "" if exempt.address(literal) else _ip_refusal(literal)
        return ("blocked", f"{host} is a {why} address") if why else ("ok", "")
    if exempt.name(host):
        return "ok", ""
    if host == "localhost" or host.endswith(".localhost"):
        return "blocked", f"{host} is a loopback name"
    if resolve is None:
        return "ok", ""
    try:
        addresses = list(resolve(host))
    except OSError as exc:
        return "dns", f"cannot resolve {host}: {exc}"
    if not addresses:
        return "dns", f"{host} resolves to no address"
    for addr in addresses:
        try:
            ip = ipaddress.ip_address(str(addr).split("%", 1)[0])
        except ValueError:
            return "blocked", f"{host} resolves to an unparsable address {addr!r}"
        why = "" if exempt.address(ip) else _ip_refusal(ip)
        if why:
            return "blocked", f"{host} resolves to {why} address {addr}"
    return "ok", ""


def address_allowed(
    host: str,
    resolve: Resolver | None = _system_resolve,
    *,
    allow_private: bool = False,
    allow_hosts: Iterable[str] = (),
) -> tuple[bool, str]:
    """Decide whether `host` may be fetched: no loopback, private, link-local ... addresses.

    Names are checked on every address they resolve to (a name is refused if any is internal).
    `resolve=None` skips name resolution (cassette replay: no DNS) and checks literal IPs only.
    `allow_hosts` exempts names (with their subdomains) and CIDR networks.
    """
    verdict, why = _decide(host, resolve, allow_private, _Exemptions(allow_hosts))
    return verdict == "ok", why


# --- cassettes --------------------------------------------------------------------------------


class _ReplayPersister(FilesystemPersister):
    """vcrpy treats a missing or broken cassette as empty; for replay that is an input error."""

    @classmethod
    def load_cassette(cls, cassette_path, serializer):
        try:
            loaded = super().load_cassette(cassette_path, serializer)
        except FileNotFoundError as exc:  # vcrpy's CassetteNotFoundError: missing or empty
            raise CassetteError(f"cassette {cassette_path} not found or empty") from exc
        except Exception as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise CassetteError(f"cassette {cassette_path} is not readable: {first}") from exc
        if not loaded[0]:
            raise CassetteError(f"cassette {cassette_path} holds no interactions")
        return loaded


def _drop_response_secrets(response: dict) -> dict:
    headers = response.get("headers") or {}
    response["headers"] = {k: v for k, v in headers.items() if k.lower() not in _SECRET_HEADERS}
    return response


def scrub_uri(uri: str) -> str:
    """`uri` without secret query parameters, its query re-encoded one canonical way."""
    parts = urllib.parse.urlsplit(uri)
    if not parts.query:
        return uri
    pairs = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if k.lower() not in _SECRET_PARAMS]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(kept)))


def _same_uri_without_secrets(r1, r2) -> None:
    """vcrpy matcher: URIs equal once secret parameters are gone, so a cassette recorded without
    keys answers a request that carries them (and an older one recorded with keys still does)."""
    assert scrub_uri(r1.uri) == scrub_uri(r2.uri), f"{r1.uri} != {r2.uri}"


def _body_without_secrets(body: bytes | str | None) -> object:
    """A request body to compare: JSON without secret keys (LibreTranslate's api_key travels in
    the body), or the raw bytes."""
    raw = body.encode() if isinstance(body, str) else (body or b"")
    try:
        data = json.loads(raw)
    except ValueError:
        return raw
    if isinstance(data, dict):
        data = {k: v for k, v in data.items() if k.lower() not in _SECRET_PARAMS}
    return data


def _same_body_without_secrets(r1, r2) -> None:
    """vcrpy matcher: POSTs (translator calls, all to one URL) match on their body; GETs on the
    URI alone, as they were recorded."""
    if r1.method.upper() == "GET" and r2.method.upper() == "GET":
        return
    assert _body_without_secrets(r1.body) == _body_without_secrets(r2.body), "bodies differ"


@contextlib.contextmanager
def cassette(path: str, mode: CassetteMode = "replay") -> Iterator[None]:
    """Serve every httpx request from a vcrpy cassette ("replay") or save them to one ("record").

    Replay checks the file up front (CassetteError) and answers a request it lacks with vcrpy's
    CannotOverwriteExistingCassetteException, which `fetch_pages` reports as `not_in_cassette`.
    Recording drops cookies, auth headers and API-key headers and query parameters.
    """
    if mode not in ("replay", "record"):
        raise CassetteError(f"unknown cassette mode {mode!r}: use replay or record")
    recorder = vcr.VCR(
        record_mode="none" if mode == "replay" else "all",
        match_on=["method", "uri_without_secrets", "body_without_secrets"],
        decode_compressed_response=True,
        filter_headers=list(_SECRET_HEADERS),
        filter_query_parameters=list(_SECRET_PARAMS) if mode == "record" else [],
        filter_post_data_parameters=list(_SECRET_PARAMS) if mode == "record" else [],
        before_record_response=_drop_response_secrets,
    )
    recorder.register_matcher("uri_without_secrets", _same_uri_without_secrets)
    recorder.register_matcher("body_without_secrets", _same_body_without_secrets)
    if mode == "replay":
        recorder.register_persister(_ReplayPersister)
    token = _REPLAYING.set(mode == "replay")
    try:
        with recorder.use_cassette(str(path)):
            yield
    finally:
        _REPLAYING.reset(token)


# --- the transports ---------------------------------------------------------------------------


class _TooLarge(Exception):
    """A body over the cap, found while it streams in."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class _BadBody(Exception):
    """A body that cannot be decoded (unknown content-encoding, corrupt gzip)."""


class _Decoder:
    """gzip / deflate, decompressed at most `cap` bytes: a bomb costs the cap, not its size."""

    _PIECE = 64 * 1024

    def __init__(self, coding: str, cap: int):
        if coding not in ("gzip", "x-gzip", "deflate"):
            raise _BadBody(f"unsupported content-encoding {coding!r}")
        self.coding = coding
        self.cap = cap
        self.total = 0
        self.first = True
        self.z = self._new()

    def _new(self):
        return zlib.decompressobj(
            zlib.MAX_WBITS | 16 if self.coding != "deflate" else zlib.MAX_WBITS
        )

    def _grow(self, out: bytes) -> bytes:
        self.total += len(out)
        if self.total > self.cap:
            raise _TooLarge(
                f"the body decompresses to more than {self.cap:,} bytes (a compression bomb?)"
            )
        return out

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self.coding == "deflate" and self.first and data:
            self.first = False
            # Some servers send raw deflate without the zlib header, as httpx allows.
            if (data[0] & 0x0F) != 8:
                self.z = zlib.decompressobj(-zlib.MAX_WBITS)
        try:
            while data:
                out = self.z.decompress(data, self._PIECE)
                if out:
                    yield self._grow(out)
                data = self.z.unconsumed_tail
                if self.z.eof and self.z.unused_data:  # a second gzip member
                    data = self.z.unused_data
                    self.z = self._new()
        except zlib.error as exc:
            raise _BadBody(f"corrupt {self.coding} body: {exc}") from None

    def flush(self) -> bytes:
        try:
            return self._grow(self.z.flush())
        except zlib.error as exc:
            raise _BadBody(f"corrupt {self.coding} body: {exc}") from None


class _CappedStream(httpx.AsyncByteStream):
    def __init__(self, inner: Any, codings: list[str], cap: int):
        self.inner = inner
        self.codings = codings
        self.cap = cap

    async def __aiter__(self) -> AsyncIterator[bytes]:
        decoder = None
        if self.codings:
            if len(self.codings) > 1:
                raise _BadBody(f"unsupported content-encoding {', '.join(self.codings)!r}")
            decoder = _Decoder(self.codings[0], self.cap)
        received = 0
        async for chunk in self.inner:
            received += len(chunk)
            if received > self.cap:
                raise _TooLarge(f"the body is over {self.cap:,} bytes")
            if decoder is None:
                yield chunk
            else:
                for piece in decoder.feed(chunk):
                    yield piece
        if decoder is not None:
            tail = decoder.flush()
            if tail:
                yield tail

    async def aclose(self) -> None:
        close = getattr(self.inner, "aclose", None)
        if close is not None:
            await close()


class _Pacer:
    """A minimum delay between the starts of two requests to one host (a robots.txt
    Crawl-delay, if longer, raises it for that host)."""

    def __init__(self, delay: float, ceiling: float):
        self.delay = max(0.0, delay)
        self.ceiling = ceiling
        self.host_delay: dict[str, float] = {}
        self.next_at: dict[str, float] = {}

    def set_delay(self, host: str, seconds: float) -> None:
        if self.delay > 0 or seconds > 0:
            self.host_delay[host] = min(self.ceiling, max(self.delay, seconds))

    async def wait(self, host: str) -> None:
        delay = self.host_delay.get(host, self.delay)
        if delay <= 0:
            return
        loop = asyncio.get_running_loop()
        now = loop.time()
        start = max(now, self.next_at.get(host, now))
        self.next_at[host] = start + delay  # reserve the slot before sleeping: no lock needed
        if start > now:
            await asyncio.sleep(start - now)


class _Wire(httpx.AsyncBaseTransport):
    """Pacing per host, and every body capped (received and decompressed) as it streams."""

    def __init__(self, inner: httpx.AsyncBaseTransport, cap: int, pacer: _Pacer):
        self.inner = inner
        self.cap = cap
        self.pacer = pacer

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await self.pacer.wait(request.url.host)
        response = await self.inner.handle_async_request(request)
        coding = response.headers.get("content-encoding", "")
        codings = [c.strip().lower() for c in coding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        headers = httpx.Headers(response.headers.raw)
        if codings:  # decoded here, so the layers above see the body as it is
            del headers["content-encoding"]
            if "content-length" in headers:
                del headers["content-length"]
        return httpx.Response(
            response.status_code,
            headers=headers,
            stream=_CappedStream(response.stream, codings, self.cap),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        await self.inner.aclose()


_REFUSED_AFTER_CONNECT = "refused after connecting"


class _CheckedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend, with the peer address checked once connected: the guard
    resolved the name a moment earlier, and a name may resolve elsewhere the second time."""

    def __init__(self, inner: httpcore.AsyncNetworkBackend, exempt: _Exemptions):
        self.inner = inner
        self.exempt = exempt

    async def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        stream = await self.inner.connect_tcp(host, port, timeout, local_address, socket_options)
        peer = stream.get_extra_info("server_addr")
        addr = str(peer[0]) if isinstance(peer, tuple) and peer else ""
        try:
            ip = ipaddress.ip_address(addr.split("%", 1)[0])
        except ValueError:
            return stream
        if not self.exempt.name(str(host).lower()) and not self.exempt.address(ip):
            why = _ip_refusal(ip)
            if why:
                await stream.aclose()
                raise httpcore.ConnectError(
                    f"{host} is at {why} address {addr}: {_REFUSED_AFTER_CONNECT}"
                )
        return stream

    async def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise httpcore.ConnectError("unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


class _Network(httpx.AsyncBaseTransport):
    """Direct connections (peer address checked), or the proxy the environment names for the
    scheme (HTTP_PROXY / HTTPS_PROXY, NO_PROXY honoured): the client itself trusts no env."""

    def __init__(self, cfg: FetchConfig):
        self.limits = httpx.Limits(
            max_connections=max(1, cfg.concurrency),
            max_keepalive_connections=max(1, cfg.concurrency),
        )
        self.direct = httpx.AsyncHTTPTransport(limits=self.limits)
        if not cfg.allow_private:
            pool = getattr(self.direct, "_pool", None)
            backend = getattr(pool, "_network_backend", None)
            if backend is not None:
                pool._network_backend = _CheckedBackend(
                    backend, _Exemptions(cfg.allow_private_hosts)
                )
        self.proxies = {
            k: v for k, v in urllib.request.getproxies().items() if k in ("http", "https", "all")
        }
        self.proxied: dict[str, httpx.AsyncHTTPTransport] = {}

    def _pick(self, url: httpx.URL) -> httpx.AsyncBaseTransport:
        proxy = self.proxies.get(url.scheme) or self.proxies.get("all")
        if not proxy or urllib.request.proxy_bypass_environment(url.host):
            return self.direct
        if proxy not in self.proxied:
            self.proxied[proxy] = httpx.AsyncHTTPTransport(proxy=proxy, limits=self.limits)
        return self.proxied[proxy]

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._pick(request.url).handle_async_request(request)

    async def aclose(self) -> None:
        await self.direct.aclose()
        for transport in self.proxied.values():
            await transport.aclose()


# --- fetching ---------------------------------------------------------------------------------


def _page(url: str, status: str, reason: str, **kw) -> Page:
    return Page(url=url, status=status, reason=reason, **kw)


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds asked for by a Retry-After header (delta or HTTP date), if any."""
    value = response.headers.get("retry-after", "").strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
        return max(0.0, when.timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def _host_of(url: str) -> str | None:
    """The host of an http(s) URL, or None when the URL cannot be fetched."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError):
        return None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        return None
    return parsed.host


def _is_dns_failure(exc: BaseException) -> bool:
    seen = 0
    cur: BaseException | None = exc
    while cur is not None and seen < 8:
        if isinstance(cur, socket.gaierror):
            return True
        text = str(cur).lower()
        if "name or service not known" in text or "nodename nor servname" in text:
            return True
        if "temporary failure in name resolution" in text or "getaddrinfo failed" in text:
            return True
        cur = cur.__cause__ or cur.__context__
        seen += 1
    return False


# Names that only mean something inside one network: never sent to the Internet Archive.
_LOCAL_SUFFIXES = (".local", ".localhost", ".internal", ".intranet", ".lan", ".corp", ".home")


def _archivable(url: str, host: str, exempt: _Exemptions) -> bool:
    """Whether asking the Internet Archive about `url` leaks nothing internal."""
    host = host.lower().rstrip(".")
    try:
        ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
        return False  # a bare address: nothing the archive would hold, maybe an internal one
    except ValueError:
        pass
    if "." not in host or host.endswith(_LOCAL_SUFFIXES) or exempt.name(host):
        return False
    return not url.startswith("https://web.archive.org/")


def _snapshot_time(timestamp: str) -> str:
    t = timestamp.ljust(14, "0")
    if not t[:14].isdigit():
        return timestamp
    return f"{t[0:4]}-{t[4:6]}-{t[6:8]} {t[8:10]}:{t[10:12]}:{t[12:14]} UTC"


@dataclass(frozen=True)
class _Body:
    """A body read in full, waiting for `parse_page(url, *args, **kwargs)`."""

    args: tuple[bytes, str | None]
    kwargs: dict
    from_cache: bool = False


Outcome = tuple["Page | _Body | RobotsFile", "float | None"]


class _Fetcher:
    def __init__(
        self,
        client: httpx.AsyncClient,
        config: FetchConfig,
        resolve: Resolver | None,
        pacer: _Pacer | None = None,
    ):
        self.client = client
        self.cfg = config
        self.replay = _REPLAYING.get()
        self.resolve = None if self.replay else resolve
        self.pacer = pacer
        self.exempt = _Exemptions(config.allow_private_hosts)
        self.all = asyncio.Semaphore(max(1, config.concurrency))
        self.hosts: dict[str, asyncio.Semaphore] = {}
        self.guarded: dict[str, tuple[str, str]] = {}
        self.robots: dict[str, RobotsFile] = {}
        self.robots_locks: dict[str, asyncio.Lock] = {}
        self.limiter = None  # the archive's rate limiter, made on first need

    # -- one URL -----------------------------------------------------------------------------

    async def fetch(self, url: str) -> Page:
        """Fetch one URL; a dead link falls back to the Internet Archive when configured."""
        page = await self._fetch(url)
        if self.cfg.archive_fallback and page.status in _DEAD_STATUSES:
            host = _host_of(url)
            if host and _archivable(url, host, self.exempt):
                try:
                    page = await self._from_archive(url, page)
                except Exception as exc:  # the fallback never costs the original answer
                    log.debug("archive fallback for %s failed", url, exc_info=True)
                    page = replace(page, reason=f"{page.reason}; no archived copy: {exc!r}")
        return page

    async def _fetch(self, url: str, *, robots: bool = True) -> Page:
        """Fetch one URL under the limits; the clock starts once a slot is free."""
        host = _host_of(url)
        if host is None:
            return _page(url, "invalid_url", "not an http(s) URL")
        per_host = self.hosts.setdefault(host, asyncio.Semaphore(max(1, self.cfg.per_host)))
        # The per-host slot is the first host's only: taking one per hop could deadlock.
        async with self.all, per_host:
            try:
                got = await asyncio.wait_for(
                    self._with_retries(url, robots), self.cfg.candidate_timeout
                )
            except TimeoutError:
                secs = f"{self.cfg.candidate_timeout:g}"
                return _page(url, "timeout", f"no complete answer within {secs} s")
            except Exception as exc:  # never let one URL sink the run
                log.debug("fetch of %s failed", url, exc_info=True)
                return _page(url, "error", f"{type(exc).__name__}: {exc}".splitlines()[0])
        if isinstance(got, Page):
            return got
        # Parsing is CPU work: off the event loop, outside the slots and the network clock.
        try:
            page = await asyncio.to_thread(parse_page, url, *got.args, **got.kwargs)
        except Exception as exc:  # parse_page catches its own; this is the last net
            log.debug("parsing %s failed", url, exc_info=True)
            why = f"could not read the page: {type(exc).__name__}: {exc}".splitlines()[0]
            meta = {k: got.kwargs[k] for k in ("final_url", "http_status")}
            return _page(url, "error", why, **meta)
        return replace(page, from_cache=True) if got.from_cache else page

    async def _with_retries(self, url: str, robots: bool) -> Page | _Body:
        page, wait = await self._attempt(url, robots=robots)
        for n in range(self.cfg.retries):
            if wait is None:
                break
            if wait > self.cfg.max_retry_wait:
                assert isinstance(page, Page)
                why = f"{page.reason}; asked to retry after {wait:.0f} s, longer than we wait"
                return replace(page, reason=why)
            if not self.replay:  # a replay has nothing to wait for
                backoff = self.cfg.backoff * 2**n + random.uniform(0, self.cfg.backoff)
                await asyncio.sleep(min(self.cfg.max_retry_wait, wait or backoff))
            retry, wait = await self._attempt(url, robots=robots)
            if isinstance(retry, Page) and retry.status == "not_in_cassette":
                break  # the recording gave up here too: keep the outcome it holds
            page = retry
        return page  # type: ignore[return-value]

    async def _guard(self, host: str) -> tuple[str, str]:
        if host not in self.guarded:
            args = (host, self.resolve, self.cfg.allow_private, self.exempt)
            if self.resolve is None or self.cfg.allow_private:
                self.guarded[host] = _decide(*args)
            else:  # getaddrinfo blocks
                self.guarded[host] = await asyncio.to_thread(_decide, *args)
        return self.guarded[host]

    async def _attempt(
        self, url: str, *, robots: bool = True, read: Callable | None = None
    ) -> tuple[Any, float | None]:
        """One try through the redirect chain: the outcome, and a wait (0 = backoff) if
        retryable. `read(url, final, response)` turns the last answer into the outcome."""
        read = read or self._read
        current = url
        for _ in range(self.cfg.max_redirects + 1):
            host = _host_of(current)
            if host is None:
                return _page(url, "invalid_url", f"redirect to a non-http URL {current}"), None
            verdict, why = await self._guard(host)
            if verdict == "dns":
                return _page(url, "dns_error", why, final_url=current), None
            if verdict != "ok":
                return _page(url, "blocked", why, final_url=current), None
            if robots and self.cfg.robots:
                allowed, why = await self._robots_allow(current)
                if not allowed:
                    return _page(url, "robots", why, final_url=current), None
            try:
                async with self.client.stream("GET", current) as resp:
                    location = resp.headers.get("location")
                    if resp.status_code in _REDIRECT_STATUSES and location:
                        current = str(resp.url.join(location))
                        continue
                    return await read(url, current, resp)
            except CannotOverwriteExistingCassetteException:
                why = f"the replay cassette holds no GET {current}"
                return _page(url, "not_in_cassette", why, final_url=current), None
            except _TooLarge as exc:
                return _page(url, "too_large", exc.reason, final_url=current), None
            except _BadBody as exc:
                return _page(url, "error", str(exc), final_url=current), None
            except httpx.ConnectTimeout:
                return _page(url, "timeout", f"connecting to {host} timed out"), 0.0
            except httpx.TimeoutException as exc:
                why = f"{host} was too slow ({type(exc).__name__})"
                return _page(url, "timeout", why, final_url=current), None
            except httpx.ConnectError as exc:
                if _REFUSED_AFTER_CONNECT in str(exc):
                    return _page(url, "blocked", str(exc), final_url=current), None
                if _is_dns_failure(exc):
                    why = f"cannot resolve {host}: {exc}"
                    return _page(url, "dns_error", why, final_url=current), None
                return _page(url, "connect_error", f"cannot connect to {host}: {exc}"), 0.0
            except (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError) as exc:
                why = f"the connection to {host} broke: {type(exc).__name__}: {exc}"
                return _page(url, "connection_error", why.splitlines()[0], final_url=current), 0.0
            except httpx.HTTPError as exc:
                why = f"{type(exc).__name__}: {exc}".splitlines()[0]
                return _page(url, "error", why, final_url=current), None
        why = f"more than {self.cfg.max_redirects} redirects"
        return _page(url, "too_many_redirects", why, final_url=current), None

    async def _read(self, url: str, final: str, resp: httpx.Response) -> tuple[Any, float | None]:
        code = resp.status_code
        meta = {"final_url": final, "http_status": code}
        if not 200 <= code < 300:
            wait = None
            if code in _RETRY_STATUSES:
                asked = _retry_after(resp)
                wait = asked if asked is not None else 0.0
            reason = f"the server answered {code} {resp.reason_phrase}".rstrip()
            if code in (429, 503) and _retry_after(resp) is not None:
                reason += f" (Retry-After {_retry_after(resp):.0f} s)"
            return _page(url, f"http_{code}", reason, **meta), wait
        ctype = resp.headers.get("content-type")
        mime = (ctype or "").split(";")[0].strip().lower()
        if mime.startswith(_BINARY_MAJOR) or mime in _BINARY_TYPES:
            return _page(url, "not_text", f"content type {mime} is not text", **meta), None
        cap = self.cfg.max_bytes
        too_large = _page(url, "too_large", f"the body is over {cap:,} bytes", **meta), None
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap and not resp.headers.get("content-encoding"):
            return too_large
        body = bytearray()
        async for chunk in resp.aiter_bytes():
            body += chunk
            if len(body) > cap:
                return too_large
        lang = resp.headers.get("content-language")
        kwargs = {"final_url": final, "http_status": code, "content_language": lang}
        return _Body((bytes(body), ctype), kwargs, _served_from_cache(resp)), None

    # -- robots.txt --------------------------------------------------------------------------

    async def _robots_allow(self, url: str) -> tuple[bool, str]:
        origin = origin_of(url)
        if origin not in self.robots:
            lock = self.robots_locks.setdefault(origin, asyncio.Lock())
            async with lock:
                if origin not in self.robots:
                    self.robots[origin] = await self._robots_txt(robots_url(url))
                    delay = self.robots[origin].crawl_delay(self.cfg.user_agent)
                    if delay and self.pacer is not None and not self.replay:
                        self.pacer.set_delay(httpx.URL(url).host, delay)
        return self.robots[origin].check(url, self.cfg.user_agent)

    async def _robots_txt(self, url: str) -> RobotsFile:
        try:
            got, _ = await asyncio.wait_for(
                self._attempt(url, robots=False, read=self._read_robots),
                min(self.cfg.candidate_timeout, _ROBOTS_TIMEOUT),
            )
        except TimeoutError:
            return allow_all(url, "timed out")
        except Exception as exc:
            log.debug("robots.txt %s failed", url, exc_info=True)
            return allow_all(url, f"{type(exc).__name__}")
        if isinstance(got, RobotsFile):
            return got
        assert isinstance(got, Page)
        code = got.http_status or 0
        if code == 429 or code >= 500:
            return stay_away(url, code)
        return allow_all(url, got.status)  # 4xx, unreachable, not in the cassette, too large

    async def _read_robots(self, url: str, final: str, resp: httpx.Response):
        code = resp.status_code
        if not 200 <= code < 300:
            return _page(url, f"http_{code}", "", http_status=code), None
        body = bytearray()
        async for chunk in resp.aiter_bytes():
            body += chunk
            if len(body) > 512 * 1024:
                break  # RFC 9309: a crawler may ignore what follows 500 KiB
        return RobotsFile.parse(url, bytes(body)), None

    # -- the Internet Archive ----------------------------------------------------------------

    async def _from_archive(self, url: str, dead: Page) -> Page:
        """The closest Wayback capture of a dead link, read as the page; `dead` (with a note on
        the reason) when the archive holds none or cannot be asked."""
        from citecheck.discover.backends.wayback import closest_snapshot
        from citecheck.discover.search import BackendError, RateLimiter

        if self.limiter is None:
            self.limiter = RateLimiter(enabled=not self.replay)
        try:
            snap = await asyncio.wait_for(
                closest_snapshot(url, self.client, limiter=self.limiter),
                self.cfg.candidate_timeout,
            )
        except BackendError as exc:
            return replace(dead, reason=f"{dead.reason}; no archived copy: {exc.reason}")
        except (TimeoutError, httpx.HTTPError, _TooLarge, _BadBody) as exc:
            why = getattr(exc, "reason", "") or type(exc).__name__
            return replace(dead, reason=f"{dead.reason}; no archived copy: {why}")
        if snap is None:
            return replace(dead, reason=f"{dead.reason}; the Internet Archive holds no capture")
        capture, timestamp = snap
        # The archive's own robots.txt is for crawlers of the archive; we ask for one capture
        # the availability API pointed at.
        page = await self._fetch(capture, robots=False)
        if not page.ok:
            why = f"{dead.reason}; the archived copy {capture} could not be read ({page.status})"
            return replace(dead, reason=why)
        live = dead.reason or dead.status
        reason = (
            f"{live}; the text comes from the Internet Archive's snapshot of "
            f"{_snapshot_time(timestamp)} ({capture})"
        )
        return replace(page, url=url, final_url=url, archive_url=capture, reason=reason)


def _served_from_cache(response: httpx.Response) -> bool:
    from citecheck.cache import served_from_cache

    return served_from_cache(response)


def _client(
    cfg: FetchConfig, transport: httpx.AsyncBaseTransport | None, replay: bool
) -> tuple[httpx.AsyncClient, _Pacer]:
    network = transport if transport is not None else _Network(cfg)
    pacer = _Pacer(0.0 if replay else cfg.host_delay, cfg.max_retry_wait)
    top: httpx.AsyncBaseTransport = _Wire(network, cfg.max_bytes, pacer)
    if cfg.cache and not cfg.cassette_path:
        from citecheck.cache import cache_transport

        top = cache_transport(top, cfg.cache_dir) or top
    timeout = httpx.Timeout(
        connect=cfg.connect_timeout,
        read=cfg.read_timeout,
        write=cfg.read_timeout,
        pool=cfg.candidate_timeout,
    )
    client = httpx.AsyncClient(
        transport=top,
        timeout=timeout,
        follow_redirects=False,
        trust_env=False,  # `_Network` applies the environment's proxies, under the caps
        headers={
            "User-Agent": cfg.user_agent,
            "Accept": _ACCEPT,
            "Accept-Encoding": _ACCEPT_ENCODING,
        },
    )
    return client, pacer


async def fetch_pages(
    urls: Sequence[str],
    config: FetchConfig | None = None,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    resolve: Resolver | None = _system_resolve,
) -> dict[str, Page]:
    """Fetch each distinct URL once; every URL maps to a `Page`, whatever happened.

    Raises only CassetteError, before any request, for a bad replay cassette.
    `transport` replaces the network connection (tests); `resolve` the DNS lookup of the guard.
    """
    cfg = config or FetchConfig()
    unique = list(dict.fromkeys(urls))
    if cfg.offline:
        return {u: _page(u, "offline", "offline mode: no request made") for u in unique}
    with contextlib.ExitStack() as stack:
        if cfg.cassette_path:
            stack.enter_context(cassette(cfg.cassette_path, cfg.cassette_mode))
        client, pacer = _client(cfg, transport, _REPLAYING.get())
        async with client:
            fetcher = _Fetcher(client, cfg, resolve, pacer)
            tasks = [asyncio.ensure_future(fetcher.fetch(u)) for u in unique]
            pages: dict[str, Page] = {}
            if tasks:
                _, pending = await asyncio.wait(tasks, timeout=cfg.run_timeout)
                for task in pending:
                    task.cancel()
                if pending:
                    await asyncio.gather(*pending, return_exceptions=True)
            for url, task in zip(unique, tasks, strict=True):
                pages[url] = _outcome(url, task, cfg)
    return pages


def _outcome(url: str, task: asyncio.Future, cfg: FetchConfig) -> Page:
    if task.cancelled():
        secs = f"{cfg.run_timeout:g}"
        return _page(url, "timeout", f"the run's time limit of {secs} s ran out before this page")
    exc = task.exception()
    if exc is not None:  # fetch() catches everything; this is the last net
        return _page(url, "error", f"{type(exc).__name__}: {exc}".splitlines()[0])
    return task.result()


def fetch_pages_sync(
    urls: Sequence[str],
    config: FetchConfig | None = None,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    resolve: Resolver | None = _system_resolve,
) -> dict[str, Page]:
    """`fetch_pages` for synchronous callers (the CLI, notebooks without a running loop)."""
    return asyncio.run(fetch_pages(urls, config, transport=transport, resolve=resolve))

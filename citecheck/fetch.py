"""The fetch stage: candidate URLs to `Page`s, politely and safely.

One `httpx.AsyncClient` per run with a global and a per-host limit; redirects are followed by hand
so every hop passes the address guard; bodies are streamed and capped. Every URL yields a `Page`,
never an exception: a failure is a status plus a one-line reason.

Replay and record go through vcrpy, which patches httpx's transports (`AsyncHTTPTransport`,
`MockTransport`, ...). Streaming works under it with vcrpy 9.4 / httpx 0.28: a replayed response
carries an `httpx.ByteStream`, which `aiter_bytes()` reads like a live one. When *recording*, vcrpy
reads the whole live body before handing it back, so `max_bytes` is enforced after the download
rather than during it; replay and live fetching stream as usual.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import ipaddress
import logging
import random
import socket
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Literal

import httpx
import vcr
from vcr.errors import CannotOverwriteExistingCassetteException
from vcr.persisters.filesystem import FilesystemPersister

from citecheck.model import Page
from citecheck.pages import parse_page

log = logging.getLogger(__name__)

Resolver = Callable[[str], Iterable[str]]
CassetteMode = Literal["replay", "record"]

_RETRY_STATUSES = frozenset({429, 502, 503, 504})
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
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

# True while a replay cassette is active: no DNS lookups then (there is no network to ask).
_REPLAYING: ContextVar[bool] = ContextVar("citecheck_replaying", default=False)


@dataclass(frozen=True)
class FetchConfig:
    concurrency: int = 8  # requests in flight, all hosts together
    per_host: int = 2  # requests in flight to one host
    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # between two chunks of the body
    candidate_timeout: float = 30.0  # wall time per URL: redirects, retries and waits included
    max_bytes: int = 5_000_000  # decoded body cap
    max_redirects: int = 5
    allow_private: bool = False  # lift the address guard (tests against a loopback server)
    user_agent: str = "citecheck/0.1 (+https://github.com/citecheck/citecheck)"
    retries: int = 2  # on connect errors and 429/502/503/504
    backoff: float = 0.5  # first retry wait in seconds, doubled each time, plus jitter
    max_retry_wait: float = 10.0  # cap on Retry-After and on the backoff
    offline: bool = False  # make no request at all
    cassette_path: str | None = None  # serve (replay) or save (record) requests with vcrpy
    cassette_mode: CassetteMode = "replay"


class CassetteError(ValueError):
    """A replay cassette that is missing, unreadable or not a vcrpy cassette."""


# --- the address guard ------------------------------------------------------------------------


def _system_resolve(host: str) -> list[str]:
    return sorted({info[4][0] for info in socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)})


def _ip_refusal(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    """Why an address must not be fetched, or "" when it is a public one."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
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


def address_allowed(
    host: str, resolve: Resolver | None = _system_resolve, *, allow_private: bool = False
) -> tuple[bool, str]:
    """Decide whether `host` may be fetched: no loopback, private, link-local ... addresses.

    Names are checked on every address they resolve to (a name is refused if any is internal).
    `resolve=None` skips name resolution (cassette replay: no DNS) and checks literal IPs only.
    """
    if allow_private:
        return True, ""
    host = host.strip("[]").rstrip(".").lower()
    try:
        literal = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        literal = None
    if literal is not None:
        why = _ip_refusal(literal)
        return (False, f"{host} is a {why} address") if why else (True, "")
    if host == "localhost" or host.endswith(".localhost"):
        return False, f"{host} is a loopback name"
    if resolve is None:
        return True, ""
    try:
        addresses = list(resolve(host))
    except OSError as exc:
        return False, f"cannot resolve {host}: {exc}"
    if not addresses:
        return False, f"{host} resolves to no address"
    for addr in addresses:
        try:
            why = _ip_refusal(ipaddress.ip_address(str(addr).split("%", 1)[0]))
        except ValueError:
            return False, f"{host} resolves to an unparsable address {addr!r}"
        if why:
            return False, f"{host} resolves to {why} address {addr}"
    return True, ""


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


def _drop_response_cookies(response: dict) -> dict:
    headers = response.get("headers") or {}
    response["headers"] = {k: v for k, v in headers.items() if k.lower() != "set-cookie"}
    return response


@contextlib.contextmanager
def cassette(path: str, mode: CassetteMode = "replay") -> Iterator[None]:
    """Serve every httpx request from a vcrpy cassette ("replay") or save them to one ("record").

    Replay checks the file up front (CassetteError) and answers a request it lacks with vcrpy's
    CannotOverwriteExistingCassetteException, which `fetch_pages` reports as `not_in_cassette`.
    """
    if mode not in ("replay", "record"):
        raise CassetteError(f"unknown cassette mode {mode!r}: use replay or record")
    recorder = vcr.VCR(
        record_mode="none" if mode == "replay" else "all",
        match_on=["method", "uri"],
        decode_compressed_response=True,
        filter_headers=["cookie", "set-cookie", "authorization", "proxy-authorization"],
        before_record_response=_drop_response_cookies,
    )
    if mode == "replay":
        recorder.register_persister(_ReplayPersister)
    token = _REPLAYING.set(mode == "replay")
    try:
        with recorder.use_cassette(str(path)):
            yield
    finally:
        _REPLAYING.reset(token)


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


@dataclass(frozen=True)
class _Body:
    """A body read in full, waiting for `parse_page(url, *args, **kwargs)`."""

    args: tuple[bytes, str | None]
    kwargs: dict


class _Fetcher:
    def __init__(self, client: httpx.AsyncClient, config: FetchConfig, resolve: Resolver | None):
        self.client = client
        self.cfg = config
        self.replay = _REPLAYING.get()
        self.resolve = None if self.replay else resolve
        self.all = asyncio.Semaphore(max(1, config.concurrency))
        self.hosts: dict[str, asyncio.Semaphore] = {}
        self.guarded: dict[str, tuple[bool, str]] = {}

    async def fetch(self, url: str) -> Page:
        """Fetch one URL under the limits; the clock starts once a slot is free."""
        host = _host_of(url)
        if host is None:
            return _page(url, "invalid_url", "not an http(s) URL")
        per_host = self.hosts.setdefault(host, asyncio.Semaphore(max(1, self.cfg.per_host)))
        # The per-host slot is the first host's only: taking one per hop could deadlock.
        async with self.all, per_host:
            try:
                got = await asyncio.wait_for(self._with_retries(url), self.cfg.candidate_timeout)
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
            return await asyncio.to_thread(parse_page, url, *got.args, **got.kwargs)
        except Exception as exc:  # parse_page catches its own; this is the last net
            log.debug("parsing %s failed", url, exc_info=True)
            why = f"could not read the page: {type(exc).__name__}: {exc}".splitlines()[0]
            meta = {k: got.kwargs[k] for k in ("final_url", "http_status")}
            return _page(url, "error", why, **meta)

    async def _with_retries(self, url: str) -> Page | _Body:
        page, wait = await self._attempt(url)
        for n in range(self.cfg.retries):
            if wait is None:
                break
            if not self.replay:  # a replay has nothing to wait for
                backoff = self.cfg.backoff * 2**n + random.uniform(0, self.cfg.backoff)
                await asyncio.sleep(min(self.cfg.max_retry_wait, wait or backoff))
            retry, wait = await self._attempt(url)
            if isinstance(retry, Page) and retry.status == "not_in_cassette":
                break  # the recording gave up here too: keep the outcome it holds
            page = retry
        return page

    async def _guard(self, host: str) -> tuple[bool, str]:
        if host not in self.guarded:
            args = (host, self.resolve)
            kw = {"allow_private": self.cfg.allow_private}
            if self.resolve is None or self.cfg.allow_private:
                self.guarded[host] = address_allowed(*args, **kw)
            else:  # getaddrinfo blocks
                self.guarded[host] = await asyncio.to_thread(address_allowed, *args, **kw)
        return self.guarded[host]

    async def _attempt(self, url: str) -> tuple[Page | _Body, float | None]:
        """One try through the redirect chain: the page, and a wait (0 = backoff) if retryable."""
        current = url
        for _ in range(self.cfg.max_redirects + 1):
            host = _host_of(current)
            if host is None:
                return _page(url, "invalid_url", f"redirect to a non-http URL {current}"), None
            allowed, why = await self._guard(host)
            if not allowed:
                return _page(url, "blocked", why, final_url=current), None
            try:
                async with self.client.stream("GET", current) as resp:
                    location = resp.headers.get("location")
                    if resp.status_code in _REDIRECT_STATUSES and location:
                        current = str(resp.url.join(location))
                        continue
                    return await self._read(url, current, resp)
            except CannotOverwriteExistingCassetteException:
                why = f"the replay cassette holds no GET {current}"
                return _page(url, "not_in_cassette", why, final_url=current), None
            except httpx.ConnectTimeout:
                return _page(url, "timeout", f"connecting to {host} timed out"), 0.0
            except httpx.TimeoutException as exc:
                why = f"{host} was too slow ({type(exc).__name__})"
                return _page(url, "timeout", why, final_url=current), None
            except httpx.ConnectError as exc:
                return _page(url, "connect_error", f"cannot connect to {host}: {exc}"), 0.0
            except httpx.HTTPError as exc:
                why = f"{type(exc).__name__}: {exc}".splitlines()[0]
                return _page(url, "error", why, final_url=current), None
        why = f"more than {self.cfg.max_redirects} redirects"
        return _page(url, "too_many_redirects", why, final_url=current), None

    async def _read(
        self, url: str, final: str, resp: httpx.Response
    ) -> tuple[Page | _Body, float | None]:
        code = resp.status_code
        meta = {"final_url": final, "http_status": code}
        if not 200 <= code < 300:
            wait = None
            if code in _RETRY_STATUSES:
                wait = _retry_after(resp) or 0.0
            reason = f"the server answered {code} {resp.reason_phrase}".rstrip()
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
        return _Body((bytes(body), ctype), kwargs), None


async def fetch_pages(
    urls: Sequence[str],
    config: FetchConfig | None = None,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    resolve: Resolver | None = _system_resolve,
) -> dict[str, Page]:
    """Fetch each distinct URL once; every URL maps to a `Page`, whatever happened.

    Raises only CassetteError, before any request, for a bad replay cassette.
    `transport` replaces httpx's network transport (tests); `resolve` the DNS lookup of the guard.
    """
    cfg = config or FetchConfig()
    unique = list(dict.fromkeys(urls))
    if cfg.offline:
        return {u: _page(u, "offline", "offline mode: no request made") for u in unique}
    with contextlib.ExitStack() as stack:
        if cfg.cassette_path:
            stack.enter_context(cassette(cfg.cassette_path, cfg.cassette_mode))
        timeout = httpx.Timeout(
            connect=cfg.connect_timeout,
            read=cfg.read_timeout,
            write=cfg.read_timeout,
            pool=cfg.candidate_timeout,
        )
        client = httpx.AsyncClient(
            transport=transport,
            timeout=timeout,
            follow_redirects=False,
            limits=httpx.Limits(max_connections=max(1, cfg.concurrency)),
            headers={"User-Agent": cfg.user_agent, "Accept": _ACCEPT},
        )
        async with client:
            fetcher = _Fetcher(client, cfg, resolve)
            pages = await asyncio.gather(*(fetcher.fetch(u) for u in unique))
    return dict(zip(unique, pages, strict=True))


def fetch_pages_sync(
    urls: Sequence[str],
    config: FetchConfig | None = None,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    resolve: Resolver | None = _system_resolve,
) -> dict[str, Page]:
    """`fetch_pages` for synchronous callers (the CLI, notebooks without a running loop)."""
    return asyncio.run(fetch_pages(urls, config, transport=transport, resolve=resolve))

"""The fetch stage: candidate URLs to `Page`s, politely and safely.

A draft is untrusted input and CI runs citecheck on every draft, so the fetcher must never be the
way in, never hang a build and never hammer a site. Every URL yields a `Page`, never an exception:
a failure is a status plus a one-line reason.

How a request travels (one `httpx.AsyncClient` per run, on the `citecheck.net` floor):

    _Fetcher        limits (all hosts, per host), the run's and each URL's wall time, retries with
                    backoff and Retry-After, redirects followed by hand so every hop passes the
                    address guard and robots.txt, the Internet Archive for dead links
    cache           hishel's RFC 9111 cache on disk (`net.cache`), when enabled
    Wire            pacing per host; the body capped as it streams in, on the wire *and*
                    decompressed (`net.transport`)
    GuardedTransport  the connection, its peer address checked again once connected, or the
                    proxy the environment names; tests put their own transport here

Replay and record go through vcrpy, which patches httpx's own transports, so a cassette answers
from beneath the caps and the guard. A custom transport class passed as `transport=` is not
patched and so bypasses a cassette. When *recording*, vcrpy reads the whole live body before
handing it back, so `max_bytes` is enforced after the download rather than during it.
"""

from __future__ import annotations

import asyncio
import logging
import random
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import httpx

from ..model import FetchStatus, Page
from ..net.archive import closest_snapshot, snapshot_time
from ..net.cache import cache_transport, served_from_cache
from ..net.cassette import is_missing
from ..net.guard import Exemptions, Resolver, archivable, decide, host_of, system_resolve
from ..net.http import BackendError, retry_after
from ..net.mode import Network
from ..net.ratelimit import RateLimiter
from ..net.robots import RobotsFile, allow_all, origin_of, robots_url, stay_away
from ..net.transport import (
    BadBody,
    GuardedTransport,
    Pacer,
    TooLarge,
    Wire,
    refused_after_connect,
)
from .config import FetchConfig
from .pages import parse_page

log = logging.getLogger(__name__)

LIVE = Network()
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
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
_ACCEPT_ENCODING = "gzip, deflate"  # the codings `Wire` decodes under its cap
_ROBOTS_TIMEOUT = 15.0  # wall time for one robots.txt, at most


def _page(url: str, status: str, reason: str, **kw) -> Page:
    return Page(url=url, status=status, reason=reason, **kw)



def _is_dns_failure(exc: BaseException) -> bool:
    """Whether a connect error comes from a name that does not resolve (socket.gaierror)."""
    cur: BaseException | None = exc
    for _ in range(8):
        if cur is None:
            return False
        if isinstance(cur, socket.gaierror):
            return True
        cur = cur.__cause__ or cur.__context__
    return False




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
        pacer: Pacer | None = None,
        replay: bool = False,
    ):
        self.client = client
        self.cfg = config
        self.replay = replay
        self.resolve = None if self.replay else resolve
        self.pacer = pacer
        self.exempt = Exemptions(config.allow_private_hosts)
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
        if self.cfg.archive_fallback and page.gone:
            host = host_of(url)
            if host and archivable(url, host, self.exempt):
                try:
                    page = await self._from_archive(url, page)
                except Exception as exc:  # the fallback never costs the original answer
                    log.debug("archive fallback for %s failed", url, exc_info=True)
                    page = replace(page, reason=f"{page.reason}; no archived copy: {exc!r}")
        return page

    async def _fetch(self, url: str, *, robots: bool = True) -> Page:
        """Fetch one URL under the limits; the clock starts once a slot is free."""
        host = host_of(url)
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
            if isinstance(retry, Page) and retry.status == FetchStatus.NOT_IN_CASSETTE:
                break  # the recording gave up here too: keep the outcome it holds
            page = retry
        return page  # type: ignore[return-value]

    async def _guard(self, host: str) -> tuple[str, str]:
        if host not in self.guarded:
            args = (host, self.resolve, self.cfg.allow_private, self.exempt)
            if self.resolve is None or self.cfg.allow_private:
                self.guarded[host] = decide(*args)
            else:  # getaddrinfo blocks
                self.guarded[host] = await asyncio.to_thread(decide, *args)
        return self.guarded[host]

    async def _attempt(
        self, url: str, *, robots: bool = True, read: Callable | None = None
    ) -> tuple[Any, float | None]:
        """One try through the redirect chain: the outcome, and a wait (0 = backoff) if
        retryable. `read(url, final, response)` turns the last answer into the outcome."""
        read = read or self._read
        current = url
        for _ in range(self.cfg.max_redirects + 1):
            host = host_of(current)
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
            except TooLarge as exc:
                return _page(url, "too_large", exc.reason, final_url=current), None
            except BadBody as exc:
                return _page(url, "error", str(exc), final_url=current), None
            except httpx.ConnectTimeout:
                return _page(url, "timeout", f"connecting to {host} timed out"), 0.0
            except httpx.TimeoutException as exc:
                why = f"{host} was too slow ({type(exc).__name__})"
                return _page(url, "timeout", why, final_url=current), None
            except httpx.ConnectError as exc:
                if refused_after_connect(exc):
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
            except Exception as exc:
                if not is_missing(exc):
                    raise
                why = f"the replay cassette holds no GET {current}"
                return _page(url, "not_in_cassette", why, final_url=current), None
        why = f"more than {self.cfg.max_redirects} redirects"
        return _page(url, "too_many_redirects", why, final_url=current), None

    async def _read(self, url: str, final: str, resp: httpx.Response) -> tuple[Any, float | None]:
        code = resp.status_code
        meta = {"final_url": final, "http_status": code}
        if not 200 <= code < 300:
            wait = None
            if code in _RETRY_STATUSES:
                asked = retry_after(resp)
                wait = asked if asked is not None else 0.0
            reason = f"the server answered {code} {resp.reason_phrase}".rstrip()
            if code in (429, 503) and retry_after(resp) is not None:
                reason += f" (Retry-After {retry_after(resp):.0f} s)"
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
        return _Body((bytes(body), ctype), kwargs, served_from_cache(resp)), None

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
        if self.limiter is None:
            self.limiter = RateLimiter(enabled=not self.replay)
        try:
            snap = await asyncio.wait_for(
                closest_snapshot(url, self.client, limiter=self.limiter),
                self.cfg.candidate_timeout,
            )
        except BackendError as exc:
            return replace(dead, reason=f"{dead.reason}; no archived copy: {exc.reason}")
        except (TimeoutError, httpx.HTTPError, TooLarge, BadBody) as exc:
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
            f"{snapshot_time(timestamp)} ({capture})"
        )
        return replace(page, url=url, final_url=url, archive_url=capture, reason=reason)


def _client(
    cfg: FetchConfig, transport: httpx.AsyncBaseTransport | None, network: Network
) -> tuple[httpx.AsyncClient, Pacer]:
    inner = transport
    if inner is None:
        inner = GuardedTransport(cfg.concurrency, cfg.allow_private, cfg.allow_private_hosts)
    pacer = Pacer(0.0 if network.replaying else cfg.host_delay, cfg.max_retry_wait)
    top: httpx.AsyncBaseTransport = Wire(inner, cfg.max_bytes, pacer)
    if cfg.cache and not network.recorded:
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
        trust_env=False,  # the transport applies the environment's proxies, under the caps
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
    network: Network = LIVE,
    transport: httpx.AsyncBaseTransport | None = None,
    resolve: Resolver | None = system_resolve,
    robots: dict[str, RobotsFile] | None = None,
) -> dict[str, Page]:
    """Fetch each distinct URL once; every URL maps to a `Page`, whatever happened.

    `network`: live, offline (nothing is asked), or a cassette to replay or record. Raises only
    CassetteError, before any request, for a bad replay cassette. `transport` replaces the
    network connection (tests); `resolve` the DNS lookup of the guard. `robots`: the robots.txt
    files already read, by origin, filled with those this call reads, so a caller that fetches
    one host over several calls (`citecheck batch`) asks for each file once.
    """
    cfg = config or FetchConfig()
    unique = list(dict.fromkeys(urls))
    if network.offline:
        return {u: _page(u, "offline", "offline mode: no request made") for u in unique}
    with network.session():
        client, pacer = _client(cfg, transport, network)
        async with client:
            fetcher = _Fetcher(client, cfg, resolve, pacer, replay=network.replaying)
            if robots is not None:
                fetcher.robots = robots
                for origin, known in robots.items():
                    delay = known.crawl_delay(cfg.user_agent)
                    if delay and not network.replaying:
                        pacer.set_delay(httpx.URL(origin).host, delay)
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
    urls: Sequence[str], config: FetchConfig | None = None, **kw
) -> dict[str, Page]:
    """`fetch_pages` for synchronous callers (the CLI, notebooks without a running loop); the
    keyword arguments are `fetch_pages`'s."""
    return asyncio.run(fetch_pages(urls, config, **kw))

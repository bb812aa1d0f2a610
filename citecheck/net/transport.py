"""The transports under every fetch: pacing, capped and decoded bodies, the checked connection.

    Wire            a minimum delay between two requests to one host (`Pacer`); every body capped
                    as it streams in, on the wire *and* decompressed (a gzip bomb stops at the cap)
    GuardedTransport  the connection: the resolved address checked again once connected (a name
                    that re-resolves inside is refused: `AddressRefused`), or the proxy the
                    environment names (the name is checked before; the proxy's own lookup is out
                    of our sight)
"""

from __future__ import annotations

import asyncio
import ipaddress
import urllib.request
import zlib
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpcore
import httpx

from .guard import Exemptions, ip_refusal


def refused_after_connect(exc: BaseException) -> bool:
    """Whether an httpx error is the connection-time address check refusing the peer."""
    return isinstance(exc.__cause__, AddressRefused) or isinstance(exc, AddressRefused)


class TooLarge(Exception):
    """A body over the cap, found while it streams in."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class BadBody(Exception):
    """A body that cannot be decoded (unknown content-encoding, corrupt gzip)."""


class _Decoder:
    """gzip / deflate, decompressed at most `cap` bytes: a bomb costs the cap, not its size."""

    _PIECE = 64 * 1024

    def __init__(self, coding: str, cap: int):
        if coding not in ("gzip", "x-gzip", "deflate"):
            raise BadBody(f"unsupported content-encoding {coding!r}")
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
            raise TooLarge(
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
            raise BadBody(f"corrupt {self.coding} body: {exc}") from None

    def flush(self) -> bytes:
        try:
            return self._grow(self.z.flush())
        except zlib.error as exc:
            raise BadBody(f"corrupt {self.coding} body: {exc}") from None


class _CappedStream(httpx.AsyncByteStream):
    def __init__(self, inner: Any, codings: list[str], cap: int):
        self.inner = inner
        self.codings = codings
        self.cap = cap

    async def __aiter__(self) -> AsyncIterator[bytes]:
        decoder = None
        if self.codings:
            if len(self.codings) > 1:
                raise BadBody(f"unsupported content-encoding {', '.join(self.codings)!r}")
            decoder = _Decoder(self.codings[0], self.cap)
        received = 0
        async for chunk in self.inner:
            received += len(chunk)
            if received > self.cap:
                raise TooLarge(f"the body is over {self.cap:,} bytes")
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


class Pacer:
    """A minimum delay between two requests to one host, counted from the later of the last
    one's start and its answer (a robots.txt Crawl-delay, if longer, raises it for that
    host)."""

    def __init__(self, delay: float, ceiling: float):
        self.delay = max(0.0, delay)
        self.ceiling = ceiling
        self.host_delay: dict[str, float] = {}
        self.last: dict[str, float] = {}  # when the last request to each host started
        self.locks: dict[str, asyncio.Lock] = {}

    def set_delay(self, host: str, seconds: float) -> None:
        if self.delay > 0 or seconds > 0:
            self.host_delay[host] = min(self.ceiling, max(self.delay, seconds))

    async def wait(self, host: str) -> None:
        delay = self.host_delay.get(host, self.delay)
        if delay <= 0:
            return
        # One request of a host at a time passes, spaced from the last one's actual start: slots
        # reserved ahead would fire together after the event loop was held up (a busy worker
        # judging in another thread), below the host's delay.
        loop = asyncio.get_running_loop()
        async with self.locks.setdefault(host, asyncio.Lock()):
            while (last := self.last.get(host)) is not None and (
                gap := last + delay - loop.time()
            ) > 0:
                await asyncio.sleep(gap)  # `last` may move on meanwhile: see `answered`
            self.last[host] = loop.time()

    def answered(self, host: str) -> None:
        """The host has answered a request: the next one is spaced from now, so the host sees
        the delay between two requests even when one was held up between the pacer and the
        wire (a new connection, a busy event loop)."""
        if host in self.last:
            self.last[host] = max(self.last[host], asyncio.get_running_loop().time())


class Wire(httpx.AsyncBaseTransport):
    """Pacing per host, and every body capped (received and decompressed) as it streams."""

    def __init__(self, inner: httpx.AsyncBaseTransport, cap: int, pacer: Pacer):
        self.inner = inner
        self.cap = cap
        self.pacer = pacer

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await self.pacer.wait(request.url.host)
        response = await self.inner.handle_async_request(request)
        self.pacer.answered(request.url.host)
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


class AddressRefused(httpcore.ConnectError):
    """The peer turned out to be at an address the guard refuses (httpx raises its own
    ConnectError with this as the cause)."""


class CheckedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend, with the peer address checked once connected: the guard
    resolved the name a moment earlier, and a name may resolve elsewhere the second time."""

    def __init__(self, inner: httpcore.AsyncNetworkBackend, exempt: Exemptions):
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
            why = ip_refusal(ip)
            if why:
                await stream.aclose()
                raise AddressRefused(f"{host} is at {why} address {addr}: refused after connecting")
        return stream

    async def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise httpcore.ConnectError("unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


class GuardedTransport(httpx.AsyncBaseTransport):
    """Direct connections (peer address checked), or the proxy the environment names for the
    scheme (HTTP_PROXY / HTTPS_PROXY, NO_PROXY honoured): the client itself trusts no env."""

    def __init__(
        self, concurrency: int, allow_private: bool = False, allow_private_hosts: tuple = ()
    ):
        self.limits = httpx.Limits(
            max_connections=max(1, concurrency), max_keepalive_connections=max(1, concurrency)
        )
        self.direct = httpx.AsyncHTTPTransport(limits=self.limits)
        if not allow_private:
            pool = getattr(self.direct, "_pool", None)
            backend = getattr(pool, "_network_backend", None)
            if backend is not None:
                pool._network_backend = CheckedBackend(backend, Exemptions(allow_private_hosts))
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


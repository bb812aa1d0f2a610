"""A loopback HTTP server for the fetch tests: well-behaved pages and every fault the issue lists.

`FaultServer` listens on 127.0.0.1 only, on a free port, in a background thread per connection.
Each path answers one way (see `ROUTES`); tests may add their own with `server.route(path, fn)`.
Every request is counted per path (`server.hits`) and its headers and time kept
(`server.requests`), so a test can tell whether the fetcher asked at all, how often and how fast.

Slow answers wait on the server's stop event rather than sleeping, so `stop()` returns at once even
while a handler is mid-way through a one-byte-a-second body.

`LoopbackOnlyTransport` is the other half of the safety net: an httpx transport that forwards
requests for a few made-up public names (and loopback literals, when told) to the loopback server,
and refuses *and records* any request to any other host, so an end-to-end test of the address
guard proves that no connection was even attempted.
"""

from __future__ import annotations

import gzip
import http.server
import io
import socket
import struct
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable
from functools import cached_property

import httpx

Handler = Callable[["_Handler"], None]

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>{title}</h1>
<p>{body}</p>
<p>The second paragraph of this fixture page repeats that it was written for citecheck tests and
is not a real news story, so that the extractor has enough article text to work with.</p>
</article>
<footer>Fixture page written for citecheck tests; not a real news story.</footer>
</body></html>
"""


def html_page(title: str, body: str) -> bytes:
    return PAGE.format(title=title, body=body).encode("utf-8")


def tiny_pdf(text: str) -> bytes:
    """A one-page PDF that shows `text` in Helvetica, built by hand (no PDF writer needed)."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 12 Tf 72 720 Td ({escaped}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Title (Fixture report) >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\n" % (len(objects) + 1))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


# --- the routes -------------------------------------------------------------------------------

UTF8_TEXT = "Zoë Ångström told the fixture desk: “the café on Ærø Street stays open”."
BOMB_SIZE = 20_000_000  # bytes a gzip bomb decompresses to (about 20 KB on the wire)
PDF_TEXT = "Fixture report: the footbridge pier is beyond patching."


def _ok(h: _Handler) -> None:
    h.send_body(html_page("A fixture page", "Mayor Quill said the bridge will reopen in May."))


def _page_named(h: _Handler) -> None:
    name = h.path.rsplit("/", 1)[-1]
    h.send_body(html_page(f"Page {name}", f"This is page {name} of the fixture site."))


def _not_found(h: _Handler) -> None:
    h.send_body(b"<html><body><p>Page not found</p></body></html>", status=404)


def _gone(h: _Handler) -> None:
    h.send_body(b"<html><body><p>Gone</p></body></html>", status=410)


def _redirect(to: str, status: int = 302) -> Handler:
    def handle(h: _Handler) -> None:
        h.send_response(status)
        h.send_header("Location", to.format(port=h.server.server_port))
        h.send_header("Content-Length", "0")
        h.end_headers()

    return handle


def _image(h: _Handler) -> None:
    h.send_body(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, ctype="image/png")


def _binary(h: _Handler) -> None:
    h.send_body(bytes(range(256)) * 16, ctype="application/octet-stream")


def _pdf(h: _Handler) -> None:
    h.send_body(tiny_pdf(PDF_TEXT), ctype="application/pdf")


def _utf8_labelled_latin1(h: _Handler) -> None:
    body = f"<html><body><p>{UTF8_TEXT}</p></body></html>".encode()
    h.send_body(body, ctype="text/html; charset=iso-8859-1")


def _cp1252_labelled_utf8(h: _Handler) -> None:
    body = f"<html><body><p>{UTF8_TEXT}</p></body></html>".encode("cp1252")
    h.send_body(body, ctype="text/html; charset=utf-8")


def _plain(h: _Handler) -> None:
    h.send_body(b"Plain words from a fixture text file.\n\nA second paragraph.", "text/plain")


def _slow_headers(h: _Handler) -> None:
    if h.server.stopping.wait(10):
        return
    _ok(h)


def _slow_body(h: _Handler) -> None:
    """A 60-byte body, one byte a second."""
    h.send_response(200)
    h.send_header("Content-Type", "text/plain")
    h.send_header("Content-Length", "60")
    h.end_headers()
    for _ in range(60):
        h.wfile.write(b"x")
        h.wfile.flush()
        if h.server.stopping.wait(1.0):
            return


def _huge_declared(h: _Handler) -> None:
    """Says 10 GB is coming, then sends a trickle: the declared length alone must refuse it."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", str(10 * 1024**3))
    h.end_headers()
    h.wfile.write(b"<html>" + b"a" * 1000)


def _huge_chunked(h: _Handler) -> None:
    """An endless chunked body (no length): the fetcher must stop reading at its cap."""
    h.protocol_version = "HTTP/1.1"
    h.send_response(200)
    h.send_header("Content-Type", "text/plain")
    h.send_header("Transfer-Encoding", "chunked")
    h.end_headers()
    chunk = b"z" * 65536
    for _ in range(2000):  # 128 MB at most, in case the client never hangs up
        if h.server.stopping.is_set():
            return
        try:
            h.wfile.write(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
        except OSError:
            return
    h.wfile.write(b"0\r\n\r\n")


def _gzip_bomb(h: _Handler) -> None:
    h.send_body(h.server.bomb, ctype="text/html", headers={"Content-Encoding": "gzip"})


def _gzip_page(h: _Handler) -> None:
    body = gzip.compress(html_page("Compressed", "A gzip-encoded fixture page reads fine."))
    h.send_body(body, headers={"Content-Encoding": "gzip"})


def _deflate_page(h: _Handler) -> None:
    body = zlib.compress(html_page("Deflated", "A deflate-encoded fixture page reads fine."))
    h.send_body(body, headers={"Content-Encoding": "deflate"})


def _nth(path: str, h: _Handler) -> int:
    return h.server.hits[path]


def _retry_after(h: _Handler) -> None:
    if _nth("/429", h) == 1:
        h.send_body(b"slow down", status=429, ctype="text/plain", headers={"Retry-After": "1"})
    else:
        _ok(h)


def _retry_after_long(h: _Handler) -> None:
    h.send_body(b"slow down", status=429, ctype="text/plain", headers={"Retry-After": "3600"})


def _flaky(h: _Handler) -> None:
    if _nth("/500-then-200", h) == 1:
        h.send_body(b"<p>oops</p>", status=500)
    else:
        _ok(h)


def _always_500(h: _Handler) -> None:
    h.send_body(b"<p>down</p>", status=500)


def _reset(h: _Handler) -> None:
    """Read the request, then close the socket with an RST (SO_LINGER 0): no answer at all."""
    h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    h.close_connection = True
    h.connection.close()


def _reset_mid_body(h: _Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", "100000")
    h.end_headers()
    h.wfile.write(b"<html><body><p>half")
    h.wfile.flush()
    h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    h.close_connection = True
    h.connection.close()


ROBOTS = b"User-agent: *\nDisallow: /private/\nAllow: /private/open\n"


def _robots(h: _Handler) -> None:
    h.send_body(ROBOTS, ctype="text/plain")


def _cached(h: _Handler) -> None:
    h.send_body(
        html_page("Cached page", "A page that says it stays fresh for an hour."),
        headers={"Cache-Control": "max-age=3600"},
    )


def _uncacheable(h: _Handler) -> None:
    h.send_body(
        html_page("Fresh every time", "A page that must not be served from a cache."),
        headers={"Cache-Control": "no-store"},
    )


def _echo(h: _Handler) -> None:
    """A page whose text names the User-Agent it was asked with; sets a cookie."""
    agent = h.headers.get("User-Agent", "")
    h.send_body(
        html_page("Echo", f"Asked by {agent}."),
        headers={"Set-Cookie": "session=fixture-secret-cookie; Path=/"},
    )


ROUTES: dict[str, Handler] = {
    "/ok": _ok,
    "/robots.txt": _robots,
    "/404": _not_found,
    "/410": _gone,
    "/redirect": _redirect("/r1"),
    "/r1": _redirect("/r2", 301),
    "/r2": _redirect("http://127.0.0.1:{port}/ok", 307),
    "/loop": _redirect("/loop2"),
    "/loop2": _redirect("/loop"),
    "/to-other-loopback": _redirect("http://127.0.0.2:{port}/ok"),
    "/to-localhost": _redirect("http://localhost:{port}/ok"),
    "/to-metadata": _redirect("http://169.254.169.254/latest/meta-data/"),
    "/to-private": _redirect("http://10.0.0.1/admin"),
    "/to-ftp": _redirect("ftp://files.example.com/x"),
    "/image.png": _image,
    "/binary": _binary,
    "/report.pdf": _pdf,
    "/plain.txt": _plain,
    "/charset/utf8-as-latin1": _utf8_labelled_latin1,
    "/charset/cp1252-as-utf8": _cp1252_labelled_utf8,
    "/slow-headers": _slow_headers,
    "/slow-body": _slow_body,
    "/huge-declared": _huge_declared,
    "/huge-chunked": _huge_chunked,
    "/gzip-bomb": _gzip_bomb,
    "/gzip": _gzip_page,
    "/deflate": _deflate_page,
    "/429": _retry_after,
    "/429-long": _retry_after_long,
    "/500-then-200": _flaky,
    "/500": _always_500,
    "/reset": _reset,
    "/reset-mid-body": _reset_mid_body,
    "/private/secret": _ok,
    "/private/open": _ok,
    "/cached": _cached,
    "/no-store": _uncacheable,
    "/echo": _echo,
}


# --- the server -------------------------------------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    server: FaultServer
    protocol_version = "HTTP/1.0"  # one request per connection: simple, and resets stay local
    disable_nagle_algorithm = True  # headers and body go out at once, no delayed-ACK stalls

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        path = self.path.split("?", 1)[0]
        with self.server.lock:
            self.server.hits[path] += 1
            self.server.requests.append((path, dict(self.headers.items()), time.monotonic()))
        handler = self.server.routes.get(path)
        if handler is None and path.startswith("/page/"):
            handler = _page_named
        if handler is None:
            handler = _not_found
        delay = self.server.latency
        if delay and self.server.stopping.wait(delay):
            return
        try:
            handler(self)
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass  # the client hung up: expected for the caps and timeouts

    def send_body(
        self,
        body: bytes,
        ctype: str = "text/html; charset=utf-8",
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - quiet in tests
        pass


class FaultServer(http.server.ThreadingHTTPServer):
    """`with FaultServer() as s: s.url("/ok")`; or `start()` / `stop()` from a fixture."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256

    def __init__(self, host: str = "127.0.0.1", *, latency: float = 0.0, keep_alive: bool = False):
        handler = _Handler
        if keep_alive:  # HTTP/1.1: connections stay open between requests (the benchmark)
            handler = type("_KeepAliveHandler", (_Handler,), {"protocol_version": "HTTP/1.1"})
        super().__init__((host, 0), handler)
        self.routes: dict[str, Handler] = dict(ROUTES)
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str], float]] = []  # path, headers, when
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.latency = latency  # seconds added before every answer
        self._thread: threading.Thread | None = None

    @cached_property
    def bomb(self) -> bytes:
        return gzip.compress(b"\0" * BOMB_SIZE, compresslevel=9)

    @property
    def port(self) -> int:
        return self.server_address[1]

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, handler: Handler) -> None:
        self.routes[path] = handler

    def start(self) -> FaultServer:
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05})
        self._thread.daemon = True
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


# --- a transport that cannot leave loopback ---------------------------------------------------


class LoopbackOnlyTransport(httpx.AsyncBaseTransport):
    """Forwards `names` (made-up public host names) to the loopback server and refuses, recording
    it in `refused`, any request to any other host; loopback literals pass only when
    `allow_loopback` is set. `seen` lists every host a request was *sent* to."""

    def __init__(self, port: int, names: tuple[str, ...] = (), *, allow_loopback: bool = False):
        self.port = port
        self.names = {n.lower() for n in names}
        self.allow_loopback = allow_loopback
        self.inner = httpx.AsyncHTTPTransport()
        self.seen: list[str] = []
        self.refused: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host.lower()
        if host in self.names:
            target = request.url.copy_with(scheme="http", host="127.0.0.1", port=self.port)
        elif self.allow_loopback and host == "127.0.0.1":
            target = request.url
        else:
            self.refused.append(str(request.url))
            raise httpx.ConnectError(f"test transport: refused a connection to {host}")
        self.seen.append(host)
        headers = [(k, v) for k, v in request.headers.raw if k.lower() != b"host"]
        forwarded = httpx.Request(
            request.method,
            target,
            headers=[(b"Host", request.url.netloc), *headers],
            extensions=request.extensions,
        )
        return await self.inner.handle_async_request(forwarded)

    async def aclose(self) -> None:
        await self.inner.aclose()

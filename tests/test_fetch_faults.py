"""Fetching from a hostile or flaky web: every fault of tests/faultserver.py gives its documented
status in bounded time, and none costs the other URLs their pages.

Timeouts are small so the whole file stays well under 30 s. The server listens on 127.0.0.1
only; the all-in-one run reaches it through `LoopbackOnlyTransport` under a made-up public name,
so the address guard is on (allow_private=False) exactly as in production.
"""

from __future__ import annotations

import time
import tracemalloc
from dataclasses import replace

import pytest
from faultserver import BOMB_SIZE, PDF_TEXT, UTF8_TEXT, FaultServer, LoopbackOnlyTransport

from citecheck.fetch import FetchConfig, fetch_pages_sync

FAULTS = FetchConfig(
    allow_private=True,
    connect_timeout=1.0,
    read_timeout=0.5,
    candidate_timeout=3.0,
    run_timeout=20.0,
    max_bytes=100_000,
    retries=2,
    backoff=0.05,
    max_retry_wait=2.0,
    host_delay=0.0,
    cache=False,
    archive_fallback=False,  # the dead links here are loopback ones; tests/test_fetch.py has it
)

# status, and a phrase the reason must hold ("" for ok)
EXPECTED = {
    "/ok": ("ok", ""),
    "/slow-headers": ("timeout", "too slow"),
    "/huge-declared": ("too_large", "over 100,000 bytes"),
    "/huge-chunked": ("too_large", "over 100,000 bytes"),
    "/gzip-bomb": ("too_large", "decompresses to more than 100,000 bytes"),
    "/gzip": ("ok", ""),
    "/deflate": ("ok", ""),
    "/loop": ("too_many_redirects", "redirects"),
    "/to-other-loopback": ("blocked", "127.0.0.2 is a loopback address"),
    "/to-metadata": ("blocked", "169.254.169.254 is a link-local address"),
    "/429": ("ok", ""),
    "/429-long": ("http_429", "Retry-After 3600"),
    "/500-then-200": ("ok", ""),
    "/500": ("http_500", "500"),
    "/charset/utf8-as-latin1": ("ok", ""),
    "/charset/cp1252-as-utf8": ("ok", ""),
    "/report.pdf": ("ok", ""),
    "/binary": ("not_text", "not text"),
    "/image.png": ("not_text", "image/png"),
    "/private/secret": ("robots", "Disallow: /private/"),
    "/private/open": ("ok", ""),
    "/reset": ("connection_error", "broke"),
    "/reset-mid-body": ("connection_error", "broke"),
    "/404": ("http_404", "404"),
}


@pytest.fixture
def server():
    with FaultServer() as s:
        yield s


def timed(urls, cfg=FAULTS, **kw):
    start = time.monotonic()
    pages = fetch_pages_sync(list(urls), cfg, **kw)
    return pages, time.monotonic() - start


def test_every_fault_at_once_through_the_guard(server):
    """One run, every fault, the guard on: each URL its own status, in bounded time."""
    name = "faults.example.com"
    transport = LoopbackOnlyTransport(server.port, (name,))
    urls = {path: f"http://{name}{path}" for path in EXPECTED}
    cfg = replace(FAULTS, allow_private=False)
    _ = server.bomb  # compressed now: building it mid-request outlasts a loaded 0.5 s read
    pages, took = timed(
        urls.values(), cfg, transport=transport, resolve=lambda h: ["93.184.216.34"]
    )
    assert set(pages) == set(urls.values())
    for path, (status, phrase) in EXPECTED.items():
        page = pages[urls[path]]
        assert page.status == status, (path, page.status, page.reason)
        assert phrase in page.reason, (path, page.reason)
        if status == "ok":
            assert page.text, path
    assert UTF8_TEXT in pages[urls["/charset/utf8-as-latin1"]].text
    assert UTF8_TEXT in pages[urls["/charset/cp1252-as-utf8"]].text
    assert PDF_TEXT in pages[urls["/report.pdf"]].text
    assert "gzip-encoded fixture page" in pages[urls["/gzip"]].text
    assert "deflate-encoded fixture page" in pages[urls["/deflate"]].text
    assert transport.refused == []  # nothing outside loopback was even tried
    assert server.hits["/robots.txt"] == 1  # once per host and run
    assert server.hits["/private/secret"] == 0  # robots.txt said no: never asked
    assert took < 15, took


def test_slow_headers_time_out_quickly(server):
    url = server.url("/slow-headers")
    pages, took = timed([url])
    assert pages[url].status == "timeout" and "ReadTimeout" in pages[url].reason
    assert took < 5, took  # a 0.5 s read timeout, with room for a loaded machine


def test_slow_body_is_cut_by_the_per_url_wall_time(server):
    """One byte a second never trips the read timeout; the per-URL clock stops it."""
    url = server.url("/slow-body")
    cfg = replace(FAULTS, read_timeout=5.0, candidate_timeout=1.5)
    pages, took = timed([url, server.url("/ok")], cfg)
    assert pages[url].status == "timeout"
    assert "within 1.5 s" in pages[url].reason
    assert pages[server.url("/ok")].status == "ok"
    assert took < 6, took


def test_the_run_wall_time_caps_everything_left(server):
    slow = [server.url("/slow-body"), server.url("/slow-headers")]
    cfg = replace(FAULTS, read_timeout=5.0, candidate_timeout=30.0, run_timeout=1.0, per_host=3)
    pages, took = timed([*slow, server.url("/ok")], cfg)
    for url in slow:
        assert pages[url].status == "timeout"
        assert "run's time limit of 1 s" in pages[url].reason
    assert pages[server.url("/ok")].status == "ok"
    assert took < 5, took  # a 1 s run limit, with room for a loaded machine


def test_a_gzip_bomb_costs_the_cap_not_its_size(server):
    url = server.url("/gzip-bomb")
    _ = server.bomb  # built before measuring
    tracemalloc.start()
    try:
        pages, _ = timed([url])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert pages[url].status == "too_large"
    assert peak < BOMB_SIZE / 4, peak  # far less than the 20 MB it inflates to


def test_an_endless_body_is_cut_at_the_cap(server):
    url = server.url("/huge-chunked")
    pages, took = timed([url])
    assert pages[url].status == "too_large"
    assert took < 5, took


def test_429_waits_for_retry_after_then_succeeds(server):
    url = server.url("/429")
    pages, took = timed([url])
    assert pages[url].status == "ok"
    assert server.hits["/429"] == 2
    assert took >= 0.9  # Retry-After: 1 was honoured


def test_a_retry_after_longer_than_we_wait_is_not_retried(server):
    url = server.url("/429-long")
    pages, took = timed([url])
    assert pages[url].status == "http_429"
    assert "asked to retry after 3600 s" in pages[url].reason
    assert server.hits["/429-long"] == 1 and took < 5


def test_500_then_200_is_retried(server):
    url = server.url("/500-then-200")
    pages, _ = timed([url])
    assert pages[url].status == "ok" and server.hits["/500-then-200"] == 2


def test_retries_are_bounded(server):
    url = server.url("/500")
    pages, took = timed([url])
    assert pages[url].status == "http_500"
    assert server.hits["/500"] == 1 + FAULTS.retries
    assert took < 5, took


def test_a_connection_reset_is_a_status(server):
    urls = [server.url("/reset"), server.url("/reset-mid-body"), server.url("/ok")]
    pages, took = timed(urls)
    assert pages[urls[0]].status == "connection_error"
    assert pages[urls[1]].status == "connection_error"
    assert pages[urls[2]].status == "ok"
    assert took < 6, took


def test_robots_txt_rule_is_named(server):
    url = server.url("/private/secret")
    pages, _ = timed([url, server.url("/private/open")])
    page = pages[url]
    assert page.status == "robots"
    assert server.url("/robots.txt") in page.reason
    assert "Disallow: /private/" in page.reason and "user-agent *" in page.reason
    assert pages[server.url("/private/open")].status == "ok"  # the Allow line wins
    assert server.hits["/private/secret"] == 0


def test_robots_can_be_switched_off(server):
    url = server.url("/private/secret")
    pages, _ = timed([url], replace(FAULTS, robots=False))
    assert pages[url].status == "ok" and server.hits["/robots.txt"] == 0


def test_robots_group_for_our_product_token_wins(server):
    server.route(
        "/robots.txt",
        lambda h: h.send_body(
            b"User-agent: *\nAllow: /\n\nUser-agent: citecheck\nDisallow: /page/\n", "text/plain"
        ),
    )
    url = server.url("/page/1")
    pages, _ = timed([url, server.url("/ok")])
    assert pages[url].status == "robots" and "citecheck" in pages[url].reason
    assert pages[server.url("/ok")].status == "ok"


def test_robots_txt_missing_allows_everything(server):
    server.routes.pop("/robots.txt")
    url = server.url("/private/secret")
    pages, _ = timed([url])
    assert pages[url].status == "ok"


def test_robots_txt_server_error_disallows_for_the_run(server):
    server.route("/robots.txt", lambda h: h.send_body(b"down", status=503, ctype="text/plain"))
    url = server.url("/ok")
    pages, _ = timed([url])
    assert pages[url].status == "robots" and "503" in pages[url].reason
    assert server.hits["/ok"] == 0


def test_crawl_delay_and_host_delay_space_requests_to_one_host(server):
    urls = [server.url(f"/page/{n}") for n in range(4)]
    cfg = replace(FAULTS, host_delay=0.2, per_host=4, candidate_timeout=5.0)
    pages, _ = timed(urls, cfg)
    assert all(p.status == "ok" for p in pages.values())
    starts = sorted(t for _, _, t in server.requests)  # robots.txt and the four pages
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert len(starts) == 5 and starts[-1] - starts[0] >= 0.75, gaps  # 4 gaps of 0.2 s
    assert min(gaps) >= 0.1, gaps


def test_identifying_user_agent_on_every_request(server):
    agent = "citecheck/0.1 (+mailto:desk@example.org)"
    pages, _ = timed([server.url("/ok")], replace(FAULTS, user_agent=agent))
    assert pages[server.url("/ok")].status == "ok"
    assert {headers.get("User-Agent") for _, headers, _ in server.requests} == {agent}
    assert {p for p, _, _ in server.requests} == {"/robots.txt", "/ok"}


def test_the_host_delay_runs_from_the_answer_of_a_slow_request():
    """A request held up after the pacer (a new connection, a busy loop) must not bring the
    next one closer to the host than its delay: the pacer spaces from the answer too."""
    import asyncio

    from citecheck.net.transport import Pacer

    async def run() -> float:
        pacer = Pacer(0.2, 10.0)
        loop = asyncio.get_running_loop()
        await pacer.wait("example.org")
        await asyncio.sleep(0.15)  # the first request's answer comes late
        answered = loop.time()
        pacer.answered("example.org")
        await pacer.wait("example.org")
        return loop.time() - answered

    assert asyncio.run(run()) >= 0.19

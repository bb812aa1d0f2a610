"""The fetcher against a plain sequential httpx loop, on a loopback server that adds latency.

    python bench/fetch.py [--pages 200] [--latency 0.1] [--concurrency 8] [--page-kb 20]

Starts tests/faultserver.py on 127.0.0.1 in a child process (nothing leaves the machine, and the
server does not compete with the client for the GIL), serving `--pages` distinct
HTML pages of about `--page-kb` KB, each answered after `--latency` seconds. Then, in one run:

1. `fetch_pages_sync` with `--concurrency` requests in flight. One host stands in for many, so
   per_host is set to the concurrency and host_delay to 0; robots.txt is fetched and honoured as
   usual (one extra round trip before the pages), the cache is off.
2. A plain loop: one `httpx.Client`, one GET after another, each body parsed the same way.

It prints both wall times, their ratio, the ideal time for the configured concurrency
(ceil(pages / concurrency) + 1 round trips of `--latency`: the pages, and robots.txt first), how
far the fetcher is from it, and the peak memory of a fetcher run (tracemalloc, in a separate pass
so tracing does not slow the timed one) against the bodies' total size: flat memory means the
bodies are streamed, never all held at once. Target (issue 4): 200 pages at 100 ms within 1.5x of
the ideal. Exit 1 when the target is missed.
"""

from __future__ import annotations

import argparse
import math
import multiprocessing as mp
import resource
import sys
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "tests"))

import httpx  # noqa: E402
from faultserver import FaultServer, html_page  # noqa: E402

from citecheck.fetch import FetchConfig, fetch_pages_sync  # noqa: E402
from citecheck.fetch.pages import parse_page  # noqa: E402

MAX_PAGES = 5000  # a bound on the request loops, whatever the arguments say
TARGET = 1.5


def _page_handler(size_kb: int):
    filler = (
        "The fictional council met again on Thursday to hear from residents of Westbank, who "
        "described the detour they now walk every morning. "
    )

    def handle(h) -> None:
        name = h.path.rsplit("/", 1)[-1]
        words = filler * max(1, size_kb * 1024 // len(filler))
        h.send_body(html_page(f"Bench page {name}", f"Page {name}. {words}"))

    return handle


def _serve(pages: int, latency: float, page_kb: int, conn, stop) -> None:
    """The loopback server, in its own process so it does not share the client's GIL."""
    server = FaultServer(latency=latency, keep_alive=True)
    server.route("/robots.txt", lambda h: h.send_body(b"User-agent: *\nAllow: /\n", "text/plain"))
    handler = _page_handler(page_kb)
    for i in range(pages):
        server.route(f"/bench/{i}", handler)
    server.start()
    conn.send(server.port)
    stop.wait(timeout=1800)  # bounded: the server stops by itself at the latest after 30 min
    server.stop()


def _sequential(urls: list[str], timeout: float) -> tuple[float, int]:
    ok = 0
    start = time.perf_counter()
    with httpx.Client(timeout=timeout) as client:
        for url in urls:
            r = client.get(url)
            page = parse_page(url, r.content, r.headers.get("content-type"))
            ok += page.ok
    return time.perf_counter() - start, ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--latency", type=float, default=0.1, help="seconds added to every answer")
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--page-kb", type=int, default=20, help="size of each page's body")
    ap.add_argument("--skip-sequential", action="store_true")
    args = ap.parse_args(argv)
    n = max(1, min(args.pages, MAX_PAGES))
    c = max(1, args.concurrency)

    cfg = FetchConfig(
        allow_private=True,  # the loopback server
        concurrency=c,
        per_host=c,
        host_delay=0.0,
        cache=False,
        archive_fallback=False,
        candidate_timeout=30.0,
        run_timeout=600.0,
    )
    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe()
    stop = ctx.Event()
    proc = ctx.Process(target=_serve, args=(n, args.latency, args.page_kb, child, stop))
    proc.start()
    try:
        if not parent.poll(60):
            raise SystemExit("the loopback server did not start")
        base = f"http://127.0.0.1:{parent.recv()}"
        urls = [f"{base}/bench/{i}" for i in range(n)]
        body_bytes = len(html_page("Bench page 0", "x" * args.page_kb * 1024)) * n

        # Warm up imports (trafilatura, lxml, pypdf) outside the clock.
        fetch_pages_sync([f"{base}/ok"], cfg)

        start = time.perf_counter()
        pages = fetch_pages_sync(urls, cfg)
        ours = time.perf_counter() - start
        ok = sum(p.ok for p in pages.values())

        seq, seq_ok = (float("nan"), 0)
        if not args.skip_sequential:
            seq, seq_ok = _sequential(urls, 30.0)

        tracemalloc.start()
        pages = fetch_pages_sync(urls, cfg)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        kept = sum(len(p.text.encode()) for p in pages.values())
    finally:
        stop.set()
        proc.join(timeout=10)
        if proc.is_alive():
            proc.terminate()

    ideal = (math.ceil(n / c) + 1) * args.latency
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    mb = 1024 * 1024
    print(f"pages {n}, latency {args.latency * 1000:.0f} ms, concurrency {c}, ~{args.page_kb} KB")
    print(f"  fetcher      {ours:7.2f} s  ({ok}/{n} ok)")
    if not args.skip_sequential:
        print(f"  sequential   {seq:7.2f} s  ({seq_ok}/{n} ok)  plain httpx.Client loop")
        print(f"  speed-up     {seq / ours:7.1f} x")
    print(f"  ideal        {ideal:7.2f} s  (ceil(pages/concurrency) + 1 round trips)")
    print(f"  vs ideal     {ours / ideal:7.2f} x  (target <= {TARGET}x)")
    print(
        f"  memory       peak {peak / mb:.1f} MB traced during a fetcher run; bodies total "
        f"{body_bytes / mb:.1f} MB, page text kept {kept / mb:.1f} MB; max RSS {rss:.0f} MB"
    )
    return 0 if ours / ideal <= TARGET and ok == n else 1


if __name__ == "__main__":
    sys.exit(main())

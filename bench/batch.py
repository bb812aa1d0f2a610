"""`citecheck batch` on a generated archive: throughput, memory, politeness, kill -9 and resume.

    python bench/batch.py [--articles 10000] [--pages 1000] [--hosts 40] [--latency 0.08]
                          [--host-delay 0.25] [--partition-size 100]

Generates a JSONL archive of `--articles` made-up stories (each quoting two of `--pages` source
pages, some quotes altered, some copied from story to story with drifting words) and serves the
pages from a loopback server on `--hosts` addresses (127.0.0.2, 127.0.0.3, ...: one host each,
every answer after `--latency` seconds, every request logged with its time). Each run is a child
process (a LocalCluster of its own, bound to 127.0.0.1) and prints one table:

1. full run, 2 workers: the archive end to end, every page fetched (articles/s);
2. the CPU stages with 1 and with 2 workers: the same archive on a copy of the page store, so
   nothing is fetched: extraction, discovery, matching, judging, writing (articles/s, ratio);
3. peak memory (RSS) per worker at 1,000 and at 10,000 articles (1 worker, CPU stages);
4. the server's log: per host, the shortest gap between two requests and the most requests in
   any one-second window, against the configured `--host-delay`;
5. kill -9 of the whole run (driver and workers) once a third of the partitions are done, then
   the same command again: its findings and sources against the uninterrupted run's, row for row.

Nothing leaves the machine. Two cores shared with other work make the timings noisy: the ratio
is of runs on the same machine in the same minutes, not a promise.
"""

from __future__ import annotations

import argparse
import http.server
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

FIRST = [
    "Harriet",
    "Osric",
    "Wendell",
    "Mirela",
    "Tobias",
    "Ines",
    "Casimir",
    "Rosalind",
    "Evander",
    "Linnea",
    "Barnaby",
    "Odile",
    "Percival",
    "Sunniva",
    "Jasper",
    "Magda",
]
LAST = [
    "Quennell",
    "Pelham",
    "Ashgrove",
    "Trevanion",
    "Wrexley",
    "Caldmore",
    "Fenwright",
    "Holloway",
    "Merrivale",
    "Okonkwo-Bray",
    "Stanbridge",
    "Vellacott",
    "Yarrow",
]
ROLES = ["the harbour master", "a councillor for the east ward", "who chairs the library board",
         "the head of the bus cooperative", "a spokeswoman for the tenants' union",
         "the headteacher of Example Bay primary"]  # fmt: skip
VERBS = ["reopen", "repair", "rebuild", "extend", "close", "fund", "staff", "insure"]
THINGS = ["the footbridge", "the reading room", "the east quay", "the night bus", "the clinic",
          "the swimming pool", "the ferry slipway", "the allotments", "the youth club"]  # fmt: skip
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "September"]
FILLER = [
    "The council meets again next month to discuss the rest of the plan.",
    "Residents packed the community hall on Thursday evening, some standing at the back.",
    "The works were first proposed three years ago and have been delayed twice since.",
    "A public consultation closes at the end of the month, the town's website says.",
    "Shop owners on the high street have asked for the diversion signs to be moved.",
    "The budget for the coming year is due to be published in the spring.",
    "Several speakers said they had not been told about the changes in advance.",
    "The harbour authority has not yet said how long the repairs will take.",
]  # fmt: skip


def _page_quote(rng: random.Random, k: int) -> tuple[str, str, str]:
    speaker = f"{FIRST[k % len(FIRST)]} {LAST[(k // len(FIRST)) % len(LAST)]}"
    quote = (
        f"We will {rng.choice(VERBS)} {rng.choice(THINGS)} by {rng.choice(MONTHS)}, and "
        f"{rng.randint(12, 480)} households will no longer have to {rng.choice(VERBS)} "
        f"{rng.choice(THINGS)} on their own (notice {k})"
    )
    return speaker, rng.choice(ROLES), quote


def generate(folder: Path, articles: int, pages: int, hosts: int, seed: int = 15) -> dict:
    """The archive (archive.jsonl, and archive-1k.jsonl: its first 1,000) and the pages."""
    rng = random.Random(seed)
    page_quotes = [_page_quote(rng, k) for k in range(pages)]
    urls = [f"http://127.0.0.{2 + k % hosts}:{{port}}/p/{k}" for k in range(pages)]
    lines = []
    for i in range(articles):
        paras = [" ".join(rng.sample(FILLER, 3)) for _ in range(3)]
        for slot in (1, 2):
            k = min(pages - 1, int(rng.paretovariate(0.8)) - 1 + rng.randrange(pages) // 4)
            speaker, role, quote = page_quotes[k]
            roll = rng.random()
            if roll < 0.1:  # altered: a number changed
                quote = quote.replace(" households", "0 households", 1)
            elif roll < 0.2:  # drift: a word dropped
                quote = quote.replace(" on their own", "", 1)
            link = f"[Example Bay News]({urls[k]})" if roll < 0.9 else "Example Bay News"
            paras.insert(slot, f"“{quote},” {speaker}, {role}, told {link}.")
        day = 1 + i * 300 // articles
        lines.append(json.dumps({
            "id": f"story-{i:05d}", "text": f"# Story {i}\n\n" + "\n\n".join(paras),
            "date": f"2025-{1 + day // 28:02d}-{1 + day % 28:02d}",
            "outlet": rng.choice(["Example Bay News", "Harbour Post", "The Example Courier"]),
        }))  # fmt: skip
        if i % 97 == 0:
            lines.append("{a line cut short by a broken export")
    (folder / "archive.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    head = [ln for ln in lines if ln.startswith('{"id"')][:1000]
    (folder / "archive-1k.jsonl").write_text("\n".join(head) + "\n", encoding="utf-8")
    return {"pages": page_quotes}


# --- the loopback server: one listening socket per host, every request logged ---------------


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        srv = self.server
        with srv.lock:
            srv.log.append((srv.host, self.path, time.time()))
        time.sleep(srv.latency)
        if self.path == "/robots.txt":
            body, ctype = b"User-agent: *\nAllow: /\n", "text/plain"
        elif self.path.startswith("/p/"):
            k = int(self.path.rsplit("/", 1)[1])
            speaker, role, quote = srv.pages[k]
            filler = " ".join(FILLER)
            body = (
                f"<!doctype html><html lang='en'><head><title>Notice {k}</title></head><body>"
                f"<article><h1>Notice {k}</h1><p>{filler}</p><p>“{quote},” said {speaker}, "
                f"{role}, on Tuesday.</p><p>{filler}</p></article></body></html>"
            ).encode()
            ctype = "text/html; charset=utf-8"
        else:
            self.send_error(404)
            return
        try:
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # a client killed mid-answer (the kill -9 step): nothing to tell

    def log_message(self, *args) -> None:
        pass


def serve(hosts: int, latency: float, pages: list) -> tuple[int, list, list]:
    log: list = []
    lock = threading.Lock()
    servers = []
    port = 0
    for h in range(hosts):
        host = f"127.0.0.{2 + h}"
        srv = http.server.ThreadingHTTPServer((host, port), _Handler)
        srv.daemon_threads = True
        port = srv.server_address[1]
        srv.host, srv.log, srv.lock, srv.latency, srv.pages = host, log, lock, latency, pages
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        servers.append(srv)
    return port, log, servers


def politeness(log: list, window: float = 5.0) -> tuple[float, float, int]:
    """Per host, from the server's log: the shortest gap between two requests, the median gap,
    and the most requests in any `window` seconds (all hosts' worst)."""
    by_host = defaultdict(list)
    for host, _path, t in log:
        by_host[host].append(t)
    gaps, most = [], 0
    for times in by_host.values():
        times.sort()
        gaps += [b - a for a, b in zip(times, times[1:], strict=False)]
        j = 0
        for i, t in enumerate(times):
            while times[j] <= t - window:
                j += 1
            most = max(most, i - j + 1)
    gaps.sort()
    return (gaps[0], gaps[len(gaps) // 2], most) if gaps else (0.0, 0.0, most)


# --- one run, in a child process ----------------------------------------------------------------


def child(args: argparse.Namespace) -> None:
    """Run the batch on its own LocalCluster; print elapsed time and peak RSS per worker."""
    import psutil

    import citecheck
    from citecheck.batch.run import connect

    client, cluster = connect(None, args.workers, 2, True)  # the CLI's LocalCluster
    peaks: dict[str, dict[str, int]] = {"partitions": {}, "propagation": {}}
    phase = ["partitions"]  # until every input byte is done: then the propagation task
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.5):
            try:
                got = client.run(lambda: psutil.Process().memory_info().rss)
            except Exception:  # noqa: BLE001 - a worker busy or gone: the next sample
                continue
            seen = peaks[phase[0]]
            for w, rss in got.items():
                seen[w] = max(seen.get(w, 0), rss)

    def progress(p) -> None:
        if p.done_bytes >= p.total_bytes:
            phase[0] = "propagation"

    threading.Thread(target=sample, daemon=True).start()
    started = time.perf_counter()
    result = citecheck.batch(
        args.input, args.out, client=client, allow_private=True, cache=False,
        host_delay=args.host_delay, partition_size=args.partition_size,
        archive_fallback=False, propagation=True, on_progress=progress,
    )  # fmt: skip
    elapsed = time.perf_counter() - started
    stop.set()
    print(
        json.dumps(
            {
                "elapsed": elapsed,
                "articles": result.articles,
                "partitions_s": result.seconds["partitions"],
                "propagation_s": result.seconds.get("propagation", 0.0),
                "summary_s": result.seconds["summary"],
                "peak_rss_mb": sorted(round(v / 2**20) for v in peaks["partitions"].values()),
                "propagation_rss_mb": max(peaks["propagation"].values(), default=0) // 2**20,
                "quotes": (result.summary["propagation"] or {}).get("quotes", 0),
            }
        )
    )
    client.close()
    cluster.close()


def _child_cmd(args, input_: Path, out: Path, workers: int) -> list[str]:
    return [sys.executable, __file__, "--child", "--input", str(input_), "--out", str(out),
            "--workers", str(workers), "--host-delay", str(args.host_delay),
            "--partition-size", str(args.partition_size)]  # fmt: skip


def _run(args, input_: Path, out: Path, workers: int) -> dict:
    got = subprocess.run(_child_cmd(args, input_, out, workers), capture_output=True, text=True)
    if got.returncode != 0:
        raise SystemExit(f"child failed:\n{got.stderr[-3000:]}")
    return json.loads(got.stdout.strip().splitlines()[-1])


def _kill_midway(args, input_: Path, out: Path, workers: int, total_parts: int) -> int:
    proc = subprocess.Popen(_child_cmd(args, input_, out, workers), start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    while proc.poll() is None:
        done = len(list((out / "done").glob("*.json"))) if (out / "done").exists() else 0
        if done >= total_parts // 3:
            os.killpg(proc.pid, signal.SIGKILL)  # the driver and every worker, no goodbye
            proc.wait()
            return done
        time.sleep(0.2)
    raise SystemExit("the run finished before it could be killed")


def _tables(out: Path):
    """Findings and sources of a run as pyarrow Tables, rows in a fixed order."""
    import pyarrow.dataset as ds

    f = ds.dataset(out / "findings").to_table()
    f = f.sort_by([("article_id", "ascending"), ("id", "ascending")])
    s = ds.dataset(out / "sources").to_table().sort_by("url")
    return f, s


def _differences(a, b) -> list[str]:
    if a.num_rows != b.num_rows:
        return [f"{a.num_rows} rows against {b.num_rows}"]
    return [name for name in a.column_names if not a.column(name).equals(b.column(name))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--hosts", type=int, default=40)
    ap.add_argument("--latency", type=float, default=0.08)
    ap.add_argument("--host-delay", type=float, default=0.25)
    ap.add_argument("--partition-size", type=int, default=100)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--input", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    ap.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return
    work = Path(tempfile.mkdtemp(prefix="citecheck-bench-batch-"))
    try:
        _bench(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _bench(args, work: Path) -> None:
    gen = generate(work, args.articles, args.pages, args.hosts)
    port, log, _servers = serve(args.hosts, args.latency, gen["pages"])
    for name in ("archive.jsonl", "archive-1k.jsonl"):
        p = work / name
        p.write_text(p.read_text().replace("{port}", str(port)))
    full, small = work / "archive.jsonl", work / "archive-1k.jsonl"
    n = args.articles
    parts = -(-(n + n // 97 + 1) // args.partition_size)
    rows = []

    a = _run(args, full, work / "a", 2)
    gap, median, most = politeness(log)
    most_1s = politeness(log, 1.0)[2]
    fetched = sum(1 for _h, p, _t in log if p.startswith("/p/"))
    rows.append(("full run, 2 workers (pages fetched)", f"{a['articles'] / a['elapsed']:.1f} "
                 f"articles/s ({a['articles']} in {a['elapsed']:.0f} s; {fetched} page requests "
                 f"for {args.pages} pages)"))  # fmt: skip

    cpu = {}
    for w in (1, 2):
        out = work / f"cpu{w}"
        shutil.copytree(work / "a" / "pages", out / "pages")
        cpu[w] = _run(args, full, out, w)
    r1, r2 = (cpu[w]["articles"] / cpu[w]["elapsed"] for w in (1, 2))
    rows.append(("CPU stages, 1 worker", f"{r1:.1f} articles/s"))
    p1, p2 = (cpu[w]["articles"] / cpu[w]["partitions_s"] for w in (1, 2))
    rows.append(("  partitions only (no propagation)", f"1 worker {p1:.1f}, 2 workers {p2:.1f} "
                 f"articles/s (ratio {p2 / p1:.2f})"))  # fmt: skip
    rows.append(("CPU stages, 2 workers", f"{r2:.1f} articles/s (ratio {r2 / r1:.2f})"))
    rows.append(("  of which propagation, summary", ", ".join(
        f"{w} worker{'s' * (w > 1)} {cpu[w]['propagation_s']:.1f} s, {cpu[w]['summary_s']:.1f} s"
        for w in (1, 2))))  # fmt: skip
    out = work / "cpu1k"
    shutil.copytree(work / "a" / "pages", out / "pages")
    k1 = _run(args, small, out, 1)
    rows.append(("peak RSS per worker, 1 worker", f"{k1['peak_rss_mb']} MB at 1,000 articles, "
                 f"{cpu[1]['peak_rss_mb']} MB at {n:,} (partitions)"))  # fmt: skip
    rows.append(("peak RSS per worker, 2 workers", f"{cpu[2]['peak_rss_mb']} MB at {n:,}"))
    def _mb(run: dict) -> str:  # sampled twice a second: a shorter task is never seen
        return f"{run['propagation_rss_mb']} MB" if run["propagation_rss_mb"] else "(too quick)"

    rows.append(("peak RSS, propagation task", f"{_mb(k1)} for {k1['quotes']:,} quotes, "
                 f"{_mb(cpu[1])} for {cpu[1]['quotes']:,} (one task: the archive)"))  # fmt: skip
    allowed = int(5 / args.host_delay) + 1
    rows.append(("politeness (server log)", f"at most {most} requests to one host in any 5 s "
                 f"(configured one per {args.host_delay} s: {allowed}), {most_1s} in any 1 s "
                 f"({int(1 / args.host_delay) + 1}); gaps between two requests to one host: "
                 f"shortest {gap:.3f} s, median {median:.3f} s"))  # fmt: skip

    b = work / "b"
    start = len(log)
    killed_at = _kill_midway(args, full, b, 2, parts)
    before = len(log)
    _run(args, full, b, 2)
    first = sum(1 for _h, p, _t in log[start:before] if p.startswith("/p/"))
    again = sum(1 for _h, p, _t in log[before:] if p.startswith("/p/"))
    fa, sa = _tables(work / "a")
    fb, sb = _tables(b)
    diffs = _differences(fa, fb) + _differences(sa, sb)
    same = not diffs
    rows.append(
        (
            "kill -9, then the same command",
            f"killed with {killed_at}/{parts} partitions "
            f"done and {first} pages fetched; the restart fetched {again} more; "
            f"findings ({fb.num_rows} rows) and sources "
            f"({sb.num_rows} rows) "
            + ("identical to the uninterrupted run" if same else f"DIFFER in {diffs}"),
        )
    )

    width = max(len(r[0]) for r in rows)
    print(f"\ncitecheck batch: {n:,} articles, {args.pages} pages on {args.hosts} loopback hosts, "
          f"{args.latency * 1000:.0f} ms latency, {os.cpu_count()} cores\n")  # fmt: skip
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()

"""The driver of a batch run: inputs -> partitions -> Dask tasks -> files under `--out`.

Dask does the scheduling (a LocalCluster by default, any cluster by address); this module only
says which task needs which. The driver reads the inputs as a stream and keeps a bounded number
of partitions in flight, so its memory does not grow with the archive. Per partition:

    plan (extraction, discovery) -> its URLs -> one fetch task per host for the URLs no earlier
    partition asked for, chained after that host's previous fetch task -> finish (judge, write)

A partition whose marker exists is skipped, so a run started again on the same `--out` redoes
no finished partition; a URL whose page is stored is not fetched again.
"""

from __future__ import annotations

import importlib.util
import json
import os
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import InputError
from ..net.guard import host_of
from ..options import Options
from . import tables
from .inputs import BadInput, Partition, check_inputs, input_bytes, partitions, read_items
from .store import Layout, write_atomic
from .tasks import fetch_host, finish_partition, plan_partition, urls_of


@dataclass
class Progress:
    """What the run has done so far, passed to a progress callback after every partition."""

    total_bytes: int
    done_bytes: int = 0
    articles: int = 0
    findings: int = 0
    partitions: int = 0
    skipped: int = 0  # partitions already done by an earlier run
    failed: list[tuple[str, str]] = field(default_factory=list)  # (partition, why)


@dataclass(frozen=True)
class RunResult:
    """The keys of the run's partitions in input order, and how the run went."""

    keys: tuple[str, ...]
    progress: Progress
    dashboard: str | None


def connect(scheduler: str | None, workers: int | None, threads: int, processes: bool):
    """A Dask client: on the cluster at `scheduler`, else on a new LocalCluster (one worker
    process per core unless `workers` says) bound to loopback, its dashboard there too.
    Returns (client, cluster)."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout="20s"), None
        except (OSError, ValueError) as exc:  # TimeoutError is an OSError
            raise InputError(f"--scheduler {scheduler}: cannot connect ({exc})") from None
    # TCP on loopback even for threads: the in-process transport names itself by the machine's
    # outward address, which it learns by routing towards 8.8.8.8. No work stealing: a
    # partition's judging belongs where its plan (its Documents) already is, and stealing it
    # costs the move (measured: 2 workers spent 1.22x the CPU of 1 on the same archive with
    # stealing, 1.10x without); the driver's window keeps every worker fed.
    with dask.config.set({"distributed.scheduler.work-stealing": False}):
        cluster = LocalCluster(
            n_workers=max(1, workers or os.cpu_count() or 1),
            threads_per_worker=max(1, threads),
            processes=processes,
            dashboard_address="127.0.0.1:0",  # loopback, a free port: never 0.0.0.0:8787
            worker_dashboard_address="127.0.0.1:0",
            host="127.0.0.1",
            protocol="tcp://",
        )
    return Client(cluster), cluster


def run(
    client,
    inputs: Sequence[str | Path],
    out: str | Path,
    opts: Options,
    *,
    partition_size: int = 100,
    on_progress: Callable[[Progress], None] | None = None,
    sign: bool = True,
) -> RunResult:
    """Every partition of `inputs` through the stages on `client`'s cluster (`sign`: make the
    quotes' signatures for the propagation step)."""
    from distributed import as_completed

    paths = check_inputs(inputs)  # again: a caller may come here without batch()
    layout = Layout(out)
    layout.make()
    _claim(layout, paths, partition_size)
    out_s = str(layout.root)
    opts = replace(opts, progress=None)  # a callback of the driver's is no task's business
    # a key of its own (hash=False): two runs with equal options on one client must not share
    # a scattered key, which the first run's release can pull from under the second
    opts_f = client.scatter(opts, broadcast=True, hash=False)
    token = uuid.uuid4().hex[:8]
    prog = Progress(total_bytes=input_bytes(paths))
    note = on_progress or (lambda _p: None)
    keys: list[str] = []
    parts: Iterator[Partition] = partitions(read_items(paths), partition_size)
    seen_urls = _known_sources(layout)
    tail: dict[str, object] = {}  # host -> its latest fetch future
    pending: dict[str, object] = {}  # url -> the fetch future that stores its page
    meta: dict[object, tuple] = {}
    nthreads = sum(client.nthreads().values()) or 1
    window = max(4, 3 * nthreads)
    ac = as_completed()
    in_flight = 0

    def submit_more() -> None:
        nonlocal in_flight
        while in_flight < window:
            part = next(parts, None)
            if part is None:
                return
            keys.append(part.key)
            if layout.is_done(part.key):
                prog.skipped += 1
                prog.done_bytes += part.size
                note(prog)
                continue
            planned = client.submit(plan_partition, part, opts_f, key=f"plan-{part.key}-{token}")
            urls = client.submit(urls_of, planned, key=f"urls-{part.key}-{token}")
            meta[urls] = ("urls", part, planned)
            ac.add(urls)
            in_flight += 1

    def schedule_finish(part: Partition, planned, urls: tuple[str, ...]) -> None:
        for url, fut in list(pending.items()):
            if fut.done():
                del pending[url]
        fresh: dict[str, list[str]] = {}
        if not opts.offline:
            for url in urls:
                if url not in pending and url not in seen_urls and not layout.has_page(url):
                    fresh.setdefault(host_of(url) or "", []).append(url)
        for host, host_urls in fresh.items():
            fut = client.submit(
                fetch_host, host, host_urls, tail.get(host), out_s, opts_f,
                key=f"fetch-{host}-{part.key}-{token}",
            )  # fmt: skip
            tail[host] = fut
            for url in host_urls:
                pending[url] = fut
        deps = list({id(f): f for u in urls if (f := pending.get(u)) is not None}.values())
        owned = [u for u in urls if u not in seen_urls]
        seen_urls.update(owned)
        done = client.submit(
            finish_partition, planned, deps, owned, out_s, opts_f, sign,
            key=f"finish-{part.key}-{token}",
        )  # fmt: skip
        meta[done] = ("done", part, None)
        ac.add(done)

    submit_more()
    for fut in ac:
        kind, part, planned = meta.pop(fut)
        try:
            value = fut.result()
        except Exception as exc:  # noqa: BLE001 - a task that failed: this partition only
            prog.failed.append((part.key, f"{type(exc).__name__}: {exc}"[:300]))
            in_flight -= 1
            prog.done_bytes += part.size
            note(prog)
            submit_more()
            continue
        if kind == "urls":
            schedule_finish(part, planned, value)
            continue
        in_flight -= 1
        prog.partitions += 1
        prog.articles += value.articles
        prog.findings += value.findings
        prog.done_bytes += part.size
        note(prog)
        submit_more()
    if not prog.failed:
        _prune(layout, set(keys))
    return RunResult(tuple(keys), prog, dashboard(client))


def _claim(layout: Layout, paths: Sequence[Path], partition_size: int) -> None:
    """Record what this `--out` holds a run of; refuse a folder that holds another run's, whose
    files would otherwise mix with this one's (and be pruned by it)."""
    mine = {"inputs": [str(p.resolve()) for p in paths], "partition_size": partition_size}
    marker = layout.root / "run.json"
    if marker.exists():
        try:
            theirs = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            theirs = None
        if theirs != mine:
            raise InputError(
                f"{layout.root}: holds a run of other inputs or another partition size; "
                "use a new --out (or the same inputs and --partition-size to resume)"
            )
        return
    if any(layout.done.iterdir()):
        raise InputError(f"{layout.root}: holds partitions of an unknown run; use a new --out")
    write_atomic(marker, json.dumps(mine, indent=2).encode("utf-8"))


def _prune(layout: Layout, keys: set[str]) -> None:
    """After a complete run, the files of partitions the inputs no longer have (an article
    edited since an interrupted run changes its partition's key) go, so that reading a table
    folder reads this run only. A source row such a partition wrote for a URL this run still
    cites moves into one of this run's files first: no cited URL loses its row."""
    stale = sorted(m.stem for m in layout.done.glob("*.json") if m.stem not in keys)
    current = sorted(k for k in keys if layout.is_done(k))
    if not stale:
        return
    if current:
        _rescue_sources(layout, stale, current)
    for key in stale:
        for table in (layout.findings, layout.sources, layout.quotes):
            layout.part(table, key).unlink(missing_ok=True)
        layout.marker(key).unlink(missing_ok=True)


def _rescue_sources(layout: Layout, stale: list[str], current: list[str]) -> None:
    import pyarrow.compute as pc

    def files(table, ks):
        return [layout.part(table, k) for k in ks]

    have = set(tables.read_table(files(layout.sources, current), "sources", ["url"])
               .column("url").to_pylist())  # fmt: skip
    cited_col = tables.read_table(files(layout.findings, current), "findings", ["sources"])
    cited = set(pc.struct_field(pc.list_flatten(cited_col.column("sources")), "url").to_pylist())
    rows, seen = [], set()
    for row in tables.read_table(files(layout.sources, stale), "sources").to_pylist():
        if row["url"] in cited and row["url"] not in have and row["url"] not in seen:
            rows.append(row)
            seen.add(row["url"])
    if rows:
        target = layout.part(layout.sources, current[0])
        kept = tables.read_table([target], "sources").to_pylist()
        tables.write_table(target, "sources", kept + rows)


def _known_sources(layout: Layout) -> set[str]:
    """URLs whose row an earlier run already wrote to the sources table."""
    files = sorted(layout.sources.glob("part-*.parquet"))
    done = [f for f in files if layout.is_done(f.stem.removeprefix("part-"))]
    return set(tables.read_table(done, "sources", ["url"]).column("url").to_pylist())


def dashboard(client) -> str | None:
    """The dashboard's address, when the scheduler serves one (it needs bokeh)."""
    try:
        if "dashboard" not in client.scheduler_info().get("services", {}):
            return None
    except Exception:  # noqa: BLE001 - no dashboard is no error
        return None
    local = client.scheduler.address.startswith(("inproc://", "tcp://127.0.0.1"))
    return client.dashboard_link if not local or importlib.util.find_spec("bokeh") else None


def bad_inputs(layout: Layout, keys: Sequence[str]) -> list[BadInput]:
    """Every bad input of the run's finished partitions, in input order."""
    out = []
    for key in keys:
        if layout.is_done(key):
            out += [BadInput(b["place"], b["problem"]) for b in layout.read_marker(key)["bad"]]
    return out

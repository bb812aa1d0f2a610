"""Archives: `citecheck batch` and `citecheck.batch()`, the pipeline over a corpus on Dask.

    inputs       JSONL, folders of drafts, WARC -> Articles (bad input counted with its place)
    tasks        what the workers run: plan a partition, fetch one host, judge and write
    run          the driver: partitions as Dask tasks, fetches grouped and chained per host
    store        the run's folder: pages keyed by URL, partition markers, atomic writes
    tables       the Parquet schemas: findings, sources, quotes
    summary      counts per verdict, outlet and speaker; bad inputs; JSON and Markdown
    propagation  near-duplicate quotes across the archive (MinHash LSH), origin and drift
    command      the click command

Needs the `batch` extra (dask[distributed], pyarrow, warcio, datasketch, scipy), imported
when a run starts, so `import citecheck` and the rest of the CLI never pay for them.
"""

from __future__ import annotations

import sys
import time
import types
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..options import Options
from . import run as _run
from . import summary as _summary
from .inputs import Article, BadInput, check_inputs
from .propagation import propagate
from .run import Progress, bad_inputs, connect, dashboard
from .store import Layout


@dataclass(frozen=True)
class BatchResult:
    """What a batch run left under `out`, and its summary (as in summary.json)."""

    out: Path
    summary: dict[str, Any]
    dashboard: str | None = None
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per phase

    @property
    def articles(self) -> int:
        return self.summary["articles"]

    @property
    def complete(self) -> bool:
        """Every partition done: nothing for a second run to retry."""
        p = self.summary["partitions"]
        return p["done"] == p["total"]


def batch(
    inputs: Sequence[str | Path] | str | Path,
    out: str | Path,
    *,
    options: Options | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    threads: int = 2,
    processes: bool = True,
    client: Any = None,
    partition_size: int = 100,
    propagation: bool = True,
    on_progress: Callable[[Progress], None] | None = None,
    on_start: Callable[[str | None], None] | None = None,
    **kw: Any,
) -> BatchResult:
    """Check every article of `inputs` (JSONL files, folders of drafts, WARC files) and write
    Parquet findings and sources, summary.json, summary.md and propagation.parquet under `out`.

    Runs on `client` (a dask.distributed Client), else on the cluster at `scheduler`, else on a
    LocalCluster of `workers` processes (`processes=False`: threads of this process). Run it
    again with the same `out` after an interruption: finished partitions are kept, not redone.
    Search back-ends are off unless `search=` names some (they allow a request every few
    seconds; an archive would wait for days). Keyword arguments change `options` as in `check`.
    """
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    if partition_size < 1:
        raise InputError("partition size: must be at least 1")
    opts = (options or Options.load()).with_(**kw)
    if "search" not in kw:
        opts = replace(opts, search=())
    if opts.replay or opts.record:
        raise InputError("batch runs live or offline; a cassette serves one draft (use check)")
    check_inputs(list(inputs))  # before a cluster starts: a typo fails at once
    layout = Layout(out)
    cluster = None
    if client is None:
        client, cluster = connect(scheduler, workers, threads, processes)
    try:
        if on_start is not None:
            on_start(dashboard(client))
        started = time.perf_counter()
        got = _run.run(
            client, list(inputs), layout.root, opts,
            partition_size=partition_size, on_progress=on_progress, sign=propagation,
        )  # fmt: skip
        done = [k for k in got.keys if layout.is_done(k)]
        seconds = {"partitions": time.perf_counter() - started}
        prop = None
        if propagation:
            prop = client.submit(propagate, str(layout.root), done, pure=False).result()
            seconds["propagation"] = time.perf_counter() - started - seconds["partitions"]
        mark = time.perf_counter()
        bad = bad_inputs(layout, got.keys)
        result = _summary.build(layout, got.keys, bad, got.progress.failed, prop)
        _summary.write(layout, result)
        seconds["summary"] = time.perf_counter() - mark
        return BatchResult(layout.root, result, got.dashboard, seconds)
    finally:
        if cluster is not None:
            client.close()
            cluster.close()


class _Callable(types.ModuleType):
    """This package, callable: `citecheck.batch(...)` runs a batch, while `citecheck.batch.run`
    and `import citecheck.batch.tasks` still name its modules (a function of the same name in
    `citecheck` would hide them)."""

    def __call__(self, *args: Any, **kw: Any) -> BatchResult:
        return batch(*args, **kw)


sys.modules[__name__].__class__ = _Callable

__all__ = ["Article", "BadInput", "BatchResult", "Progress", "batch"]

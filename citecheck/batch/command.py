"""`citecheck batch INPUT... --out DIR`: flags -> Options -> `batch()` -> a summary line.

Exit codes: 0 every partition done, 1 some partition failed (run again with the same --out to
retry it), 2 a usage or input error, one line on stderr, never a traceback.
"""

from __future__ import annotations

import sys
import time

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

from .. import discover
from ..errors import CitecheckError, ConfigError
from ..options import Options, fetch_flags
from . import batch as run_batch


class _InputFailure(click.ClickException):
    exit_code = 2


def _progress_bar(quiet: bool):
    """A rich bar on stderr (input read, articles, articles/s, ETA), at a terminal only."""
    if quiet or not sys.stderr.isatty():
        return None, None
    bar = Progress(
        TextColumn("[bold]batch"),
        BarColumn(),
        TextColumn("{task.fields[articles]} articles · {task.fields[rate]}/s"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task("batch", total=1, articles=0, rate="0.0")
    clock = {"start": time.monotonic()}

    def update(p) -> None:
        if p is None:  # the cluster is up: the rate counts from here
            clock["start"] = time.monotonic()
            return
        rate = p.articles / max(1e-6, time.monotonic() - clock["start"])
        bar.update(task, total=max(1, p.total_bytes), completed=p.done_bytes,
                   articles=p.articles, rate=f"{rate:.1f}")  # fmt: skip

    return bar, update


@click.command("batch")
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("--out", required=True, metavar="DIR", help="Where Parquet files and summaries go.")
@click.option("--scheduler", metavar="ADDRESS", help="A running Dask scheduler (tcp://host:8786).")
@click.option("--workers", type=click.IntRange(1, 1024),
              help="LocalCluster worker processes [default: one per core].")  # fmt: skip
@click.option("--threads", type=click.IntRange(1, 64), default=2, show_default=True,
              help="Threads per LocalCluster worker.")  # fmt: skip
@click.option("--partition-size", type=click.IntRange(1, 100_000), default=100, show_default=True,
              help="Articles per task and per output file.")  # fmt: skip
@click.option("--offline", is_flag=True, help="Make no network request at all.")
@click.option("--sources", "sources_file", metavar="FILE", help="Source URLs for every quote.")
@click.option("--allow-private", is_flag=True, help="Allow fetching private/loopback addresses.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the on-disk HTTP cache.")
@click.option("--cache-dir", metavar="DIR", help="Where the HTTP cache lives.")
@click.option("--no-archive", is_flag=True, help="Do not look dead links up in the archive.")
@click.option("--user-agent", metavar="STRING", help="The User-Agent to send (name a contact).")
@click.option("--no-propagation", is_flag=True, help="Skip the quote propagation table.")
@click.option("--config", "config_file", metavar="FILE", help="citecheck.toml to read.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or notes on stderr.")
def batch(
    inputs, out, scheduler, workers, threads, partition_size, offline, sources_file,
    allow_private, no_cache, cache_dir, no_archive, user_agent, no_propagation, config_file,
    quiet,
):  # fmt: skip
    """Check every article of INPUTS (JSONL, folders of drafts, WARC) on Dask."""
    if scheduler and workers:
        raise click.UsageError("--scheduler and --workers cannot be used together")
    flags: dict[str, object] = {"offline": offline}
    try:
        flags |= fetch_flags(
            allow_private=allow_private, no_cache=no_cache, cache_dir=cache_dir,
            no_archive=no_archive, user_agent=user_agent,
        )  # fmt: skip
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    try:
        if sources_file:
            flags["sources"] = tuple(discover.load_sources_file(sources_file))
        options = Options.load(config_file, **flags)
    except (CitecheckError, ConfigError) as exc:
        raise _InputFailure(str(exc)) from None
    bar, update = _progress_bar(quiet)

    def started(dashboard: str | None) -> None:
        if dashboard and not quiet:
            click.echo(f"citecheck: Dask dashboard at {dashboard}", err=True)
        if bar is not None:
            update(None)
            bar.start()

    try:
        result = run_batch(
            list(inputs), out, options=options, scheduler=scheduler, workers=workers,
            threads=threads, partition_size=partition_size, propagation=not no_propagation,
            on_progress=update, on_start=started,
        )  # fmt: skip
    except ImportError as exc:
        raise _InputFailure(
            f"batch needs the batch extra ({exc.name or exc}): pip install 'citecheck[batch]'"
        ) from None
    except (CitecheckError, OSError) as exc:
        raise _InputFailure(str(exc)) from None
    finally:
        if bar is not None:
            bar.stop()
    s = result.summary
    verdicts = ", ".join(f"{n} {v}" for v, n in s["verdicts"].items()) or "no verdicts"
    click.echo(
        f"{s['articles']} articles, {s['attributions']} attributions ({verdicts}); "
        f"{s['bad_inputs']['count']} bad inputs; summary in {result.out / 'summary.md'}"
    )
    if not result.complete:
        failed = s["partitions"]["failed"]
        click.echo(f"citecheck: {failed} partition(s) failed; run again to retry", err=True)
        sys.exit(1)

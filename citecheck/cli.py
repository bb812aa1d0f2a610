"""The `citecheck` command: flags -> Options -> a library call -> a rendered report -> an exit code.

Exit codes (docs/data-contract.md): 0 nothing matches --fail-on, 1 something does, 2 usage or
input error, reported as one line on stderr, never a traceback.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import click
from rich.console import Console

from . import discover
from .batch.command import batch as batch_command
from .discover.backends import available_backends, reachable
from .errors import CitecheckError, ConfigError
from .model import DEFAULT_FAIL_ON, Report
from .options import Options
from .pipeline import check as run_check
from .pipeline import extract as run_extract
from .report import FORMATS, render

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2
# The flag that sets each Options field a usage error can name.
_FLAGS = {
    "fail_on": "--fail-on",
    "search": "--search",
    "translator": "--translator",
}


def _write(text: str, out: str | None) -> None:
    """Write the report; to a file atomically, so a dying run leaves no half-written report."""
    if out is None or out == "-":
        click.echo(text, nl=False)
        return
    target = Path(os.path.realpath(out))  # through a symlink, not over it
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as exc:
        _error(f"{out}: cannot write the report: {exc.strerror or exc}")
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a report is an ordinary file
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        _error(f"{out}: cannot write the report: {exc.strerror or exc}")
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def _progress(quiet: bool):
    """Stage notes on stderr while a run works (a rich spinner), shown only to a person at a
    terminal, after the first second, and never with --quiet or in CI logs."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    console = Console(stderr=True)
    started = time.monotonic()
    with console.status("reading drafts", spinner="dots") as status:
        status.stop()  # appear only once the run has taken a second

        def note(message: str) -> None:
            if time.monotonic() - started > 1.0:
                status.start()
            status.update(message)

        yield note


def _error(message: str) -> None:
    click.echo(f"citecheck: error: {message}", err=True)
    sys.exit(EXIT_USAGE)


class _Group(click.Group):
    """click, with its usage errors on one line like every other error of citecheck's (a CI log
    shows the line that says what is wrong, not a usage block)."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as exc:
            if isinstance(exc, getattr(click.exceptions, "NoArgsIsHelpError", ())):
                click.echo(exc.format_message(), err=True)  # bare `citecheck`: the help
                sys.exit(EXIT_USAGE)
            command = exc.ctx.command_path if exc.ctx else "citecheck"
            _error(f"{exc.format_message().rstrip('.')} (see '{command} --help')")
        except click.ClickException as exc:
            click.echo(f"citecheck: error: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("citecheck: aborted", err=True)
            sys.exit(130)
        if not standalone_mode:
            return rv
        sys.exit(rv if isinstance(rv, int) else EXIT_OK)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="citecheck")
def main() -> None:
    """Check the quotes in news drafts against their sources."""


_paths = click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False))
_output = click.option("-o", "--output", "out", metavar="FILE", help="Write the report here.")


@main.command()
@_paths
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@_output
@click.option("--replay", metavar="CASSETTE", help="Serve every request from a vcrpy cassette.")
@click.option("--record", metavar="CASSETTE", help="Record every request into a vcrpy cassette.")
@click.option("--offline", is_flag=True, help="Make no network request at all.")
@click.option(
    "--fail-on",
    default=None,
    help=f"Verdicts that make the exit code 1 [default: {','.join(DEFAULT_FAIL_ON)}].",
)
@click.option(
    "--sources", "sources_file", metavar="FILE", help="A list of source URLs, one a line."
)
@click.option("--allow-private", is_flag=True, help="Allow fetching private/loopback addresses.")
@click.option(
    "--search",
    "search_names",
    metavar="BACKEND,...",
    help="Search back-ends for quotes with no source (default: the keyless ones; '' for none).",
)
@click.option(
    "--translator",
    metavar="NAME",
    help="deepl, libretranslate or openai, set up from the environment (default: the first one "
    "configured); 'none' to locate foreign-language quotes by embedding alone.",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the on-disk HTTP cache.")
@click.option("--cache-dir", metavar="DIR", help="Where the HTTP cache lives.")
@click.option(
    "--no-archive", is_flag=True, help="Do not look dead links up in the Internet Archive."
)
@click.option("--user-agent", metavar="STRING", help="The User-Agent to send (name a contact).")
@click.option(
    "--config", "config_file", metavar="FILE",
    help="citecheck.toml or pyproject.toml to read (default: found from the current directory up).",
)  # fmt: skip
@click.option("--quiet", "-q", is_flag=True, help="No progress or notes on stderr.")
def check(
    paths, fmt, out, replay, record, offline, fail_on, sources_file, allow_private, search_names,
    translator, no_cache, cache_dir, no_archive, user_agent, config_file, quiet,
):  # fmt: skip
    """Check the quotes in PATHS against their sources."""
    if replay and record:
        _error("--replay and --record cannot be used together")
    if offline and (replay or record):
        _error(f"--offline and --{'replay' if replay else 'record'} cannot be used together")
    flags: dict[str, object] = {"replay": replay, "record": record, "offline": offline}
    if fail_on is not None:
        flags["fail_on"] = fail_on
    if search_names is not None:
        flags["search"] = search_names
    if translator is not None:
        if translator.strip().lower() == "none":
            flags["translate"] = False
        else:
            flags["translator"] = translator.strip()
    if allow_private:
        flags["allow_private"] = True
    if no_cache:
        flags["cache"] = False
    if cache_dir:
        flags["cache_dir"] = cache_dir
    if no_archive:
        flags["archive_fallback"] = False
    if user_agent is not None:
        if not user_agent.strip() or any(c in user_agent for c in "\r\n"):
            _error("--user-agent: must be one non-empty line")
        flags["user_agent"] = user_agent.strip()
    if sources_file:
        try:
            flags["sources"] = tuple(discover.load_sources_file(sources_file))
        except CitecheckError as exc:
            _error(f"--sources: {exc}")
    try:
        options = Options.load(config_file, **flags)
        with _progress(quiet) as progress:
            report = run_check(list(paths), replace(options, progress=progress))
    except ConfigError as exc:
        flag = _FLAGS.get(exc.setting or "")
        _error(f"{flag}: {exc}" if flag else str(exc))
    except (CitecheckError, OSError) as exc:
        _error(str(exc))
    _warn(report, quiet)
    _write(render(report, fmt), out)
    sys.exit(EXIT_FAIL if report.failing else EXIT_OK)


def _warn(report: Report, quiet: bool) -> None:
    """What was repaired or guessed while reading the drafts, one line each on stderr."""
    if quiet:
        return
    for doc in report.documents:
        for warning in doc.warnings:
            click.echo(f"citecheck: warning: {warning}", err=True)


@main.command()
@_paths
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@_output
def extract(paths, fmt, out):
    """List the attributions in PATHS (no network)."""
    try:
        report = run_extract(list(paths))
    except (CitecheckError, OSError) as exc:
        _error(str(exc))
    _warn(report, False)
    _write(render(report, fmt), out)


@main.command()
@click.option("--search", "search_names", metavar="BACKEND,...", help="Back-ends to report on.")
@click.option("--check", "probe", is_flag=True, help="Also send each back-end one small request.")
def backends(search_names, probe):
    """List the search back-ends: enabled, available, or why not configured."""
    rows = available_backends(os.environ, search_names)
    for name, status in rows:
        click.echo(f"{name:<15}{status}")
    if probe:
        try:
            probed = reachable(search_names, os.environ)
        except ConfigError as exc:
            _error(f"--search: {exc}")
        click.echo("")
        for name, status in probed:
            click.echo(f"{name:<15}{status}")


main.add_command(batch_command)  # citecheck/batch/command.py; dask is imported only when it runs


if __name__ == "__main__":  # pragma: no cover
    main()

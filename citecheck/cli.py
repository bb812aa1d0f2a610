"""The `citecheck` command: flags -> Options -> a library call -> a rendered report -> an exit code.

Exit codes (docs/data-contract.md): 0 nothing matches --fail-on, 1 something does, 2 usage or
input error, reported as one line on stderr, never a traceback.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import click
from rich.console import Console

from . import discover
from .batch.command import batch as batch_command
from .crosslingual import embed, translate
from .discover.backends import available_backends, reachable
from .drafts import load_all
from .errors import CassetteError, CitecheckError, ConfigError
from .model import DEFAULT_FAIL_ON, Report, Unreadable
from .options import Options, fetch_flags
from .pipeline import check_documents as run_check
from .pipeline import extract_documents as run_extract
from .report import FORMATS, render
from .report import github as github_report

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2
# The flag that sets each Options field a usage error can name.
_FLAGS = {
    "fail_on": "--fail-on",
    "min_verified": "--min-verified",
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


# A folder is read recursively (Markdown, text, HTML) and `-` is standard input (drafts.py).
_paths = click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
_output = click.option("-o", "--output", "out", metavar="FILE", help="Write the report here.")


@main.command()
@_paths
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS, case_sensitive=False), default="text",
    show_default=True,
)  # fmt: skip
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
    "--min-verified",
    type=click.IntRange(min=0),
    default=None,
    metavar="N",
    help="Fail (exit 1) when fewer than N quotes are verified [default: 0].",
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
    paths, fmt, out, replay, record, offline, fail_on, min_verified, sources_file, allow_private,
    search_names, translator, no_cache, cache_dir, no_archive, user_agent, config_file, quiet,
):  # fmt: skip
    """Check the quotes in PATHS (drafts, folders of drafts, - for standard input) against
    their sources."""
    if replay and record:
        _error("--replay and --record cannot be used together")
    if offline and (replay or record):
        _error(f"--offline and --{'replay' if replay else 'record'} cannot be used together")
    flags: dict[str, object] = {"replay": replay, "record": record, "offline": offline}
    if fail_on is not None:
        flags["fail_on"] = fail_on
    if min_verified is not None:
        flags["min_verified"] = min_verified
    if search_names is not None:
        flags["search"] = search_names
    if translator is not None:
        if translator.strip().lower() == "none":
            flags["translate"] = False
        else:
            flags["translator"] = translator.strip()
    try:
        flags |= fetch_flags(
            allow_private=allow_private, no_cache=no_cache, cache_dir=cache_dir,
            no_archive=no_archive, user_agent=user_agent,
        )  # fmt: skip
    except ValueError as exc:
        _error(str(exc))
    if sources_file:
        try:
            flags["sources"] = tuple(discover.load_sources_file(sources_file))
        except CitecheckError as exc:
            _error(f"--sources: {exc}")
    _check_paths(replay=replay, record=record, out=out, cache_dir=cache_dir, config=config_file)
    try:
        options = Options.load(config_file, **flags)
        docs, unreadable = _read(paths)
        with _progress(quiet) as progress:
            report = run_check(docs, replace(options, progress=progress))
    except ConfigError as exc:
        flag = _FLAGS.get(exc.setting or "")
        if flag is None and config_file and str(exc).startswith(str(config_file)):
            flag = "--config"
        _error(f"{flag}: {exc}" if flag else str(exc))
    except CassetteError as exc:
        _error(f"--{'replay' if replay else 'record'}: {exc}")
    except (CitecheckError, OSError) as exc:
        _error(str(exc))
    report = replace(report, unreadable=tuple(unreadable))
    _warn(report, quiet)
    _write(render(report, fmt, **terminal_options(fmt, out)), out)
    if fmt == "github":
        _step_summary(report)
    _unreadable(unreadable)
    sys.exit(EXIT_OK if report.passed else EXIT_FAIL)


def terminal_options(fmt: str, out: str | None, stream=None, environ=None) -> dict[str, object]:
    """How the text report meets a person at a terminal: wrapped to its width and coloured
    (unless NO_COLOR is set); written to a file, a pipe or a CI log, neither."""
    stream = sys.stdout if stream is None else stream
    environ = os.environ if environ is None else environ
    if fmt != "text" or out not in (None, "-") or not stream.isatty():
        return {}
    width = shutil.get_terminal_size(fallback=(100, 24)).columns
    return {"width": width, "color": not environ.get("NO_COLOR")}


def _check_paths(**given: str | None) -> None:
    """Every file or folder a flag names is checked before the run, so a typo costs a second,
    not a whole run's fetching, and the error names the flag: a cassette to replay or a config
    to read must be a file; where a cassette or the report is written, the folder must exist;
    the cache folder must not be a file."""
    flag = {"replay": "--replay", "record": "--record", "out": "--output", "config": "--config"}
    flag["cache_dir"] = "--cache-dir"
    for key, value in given.items():
        if not value or value == "-":
            continue
        path = Path(value)
        if key in ("replay", "config"):
            if path.is_dir():
                _error(f"{flag[key]}: {value}: is a folder, not a file")
            if not path.exists():
                _error(f"{flag[key]}: {value}: no such file")
        elif key in ("record", "out"):
            folder = path.parent
            if path.is_dir():
                _error(f"{flag[key]}: {value}: is a folder, not a file")
            if not folder.is_dir():
                _error(f"{flag[key]}: {value}: the folder {folder} does not exist")
            if not os.access(folder, os.W_OK):
                _error(f"{flag[key]}: {value}: the folder {folder} is not writable")
        elif path.exists() and not path.is_dir():
            _error(f"{flag[key]}: {value}: is a file, not a folder")


def _step_summary(report: Report) -> None:
    """In a GitHub Actions job, the full Markdown report goes to the job's step summary: the
    annotations name only the quotes that fail."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(github_report.step_summary(report, fail_on=report.fail_on) + "\n")
    except OSError as exc:
        click.echo(f"citecheck: warning: GITHUB_STEP_SUMMARY: {exc.strerror or exc}", err=True)


def _read(paths) -> tuple[list, list[Unreadable]]:
    """The readable drafts and the unreadable ones; when none can be read, each reason on its
    own line and exit 2 (nothing to report)."""
    docs, unreadable = load_all(list(paths))
    if not docs:
        _unreadable(unreadable)
    return docs, unreadable


def _unreadable(unreadable: list[Unreadable]) -> None:
    """One error line per draft that could not be read, and exit 2: the report of the others
    is written first, so one bad file costs no one the rest."""
    if not unreadable:
        return
    for u in unreadable:
        click.echo(f"citecheck: error: {u.path}: {u.reason}", err=True)
    sys.exit(EXIT_USAGE)


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
    "--format", "fmt", type=click.Choice(["text", "json"], case_sensitive=False), default="text",
    show_default=True,
)  # fmt: skip
@_output
def extract(paths, fmt, out):
    """List the attributions in PATHS (drafts, folders, - for standard input; no network)."""
    docs, unreadable = _read(paths)
    report = replace(run_extract(docs), unreadable=tuple(unreadable))
    _warn(report, False)
    _write(render(report, fmt, **terminal_options(fmt, out)), out)
    _unreadable(unreadable)


@main.command()
@click.option("--search", "search_names", metavar="BACKEND,...", help="Back-ends to report on.")
@click.option("--check", "probe", is_flag=True, help="Also send each back-end one small request.")
def backends(search_names, probe):
    """List the search back-ends, the translators and the multilingual extra; with --check,
    exit 1 when an enabled back-end cannot be reached."""
    rows = available_backends(os.environ, search_names)
    for name, status in rows:
        click.echo(f"{name:<15}{status}")
    click.echo("")
    chosen = translate.pick(os.environ)
    for name in translate.names():
        why = translate.build(name, os.environ).configured()
        status = f"not configured: {why}" if why else "configured"
        if chosen is not None and chosen.name == name:
            status += " (used)"
        click.echo(f"{'translator ' + name:<26}{status}")
    extra = "installed" if embed.available() else "not installed (citecheck[multilingual])"
    click.echo(f"{'multilingual extra':<26}{extra}")
    if probe:
        try:
            probed = reachable(search_names, os.environ)
        except ConfigError as exc:
            _error(f"--search: {exc}")
        click.echo("")
        for name, status in probed:
            click.echo(f"{name:<15}{status}")
        down = [name for name, status in probed if status.startswith("unreachable")]
        if down:
            click.echo(f"citecheck: error: unreachable: {', '.join(down)}", err=True)
            sys.exit(EXIT_FAIL)


main.add_command(batch_command)  # citecheck/batch/command.py; dask is imported only when it runs


if __name__ == "__main__":  # pragma: no cover
    main()

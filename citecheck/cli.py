"""The `citecheck` command: a thin shell over the library API (`citecheck.check`, `.extract`).

Exit codes (DESIGN.md): 0 nothing matches --fail-on, 1 something does, 2 usage or input error,
reported as one line on stderr, never a traceback.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

import click

from .document import InputError
from .fetch import CassetteError, FetchConfig
from .model import DEFAULT_FAIL_ON, VERDICTS, Report
from .report import FORMATS, render

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2


def _fail_on(value: str) -> tuple[str, ...]:
    items = tuple(v.strip() for v in value.split(",") if v.strip())
    bad = [v for v in items if v not in VERDICTS]
    if bad:
        raise click.BadParameter(
            f"unknown verdict {', '.join(bad)} (choose from {', '.join(VERDICTS)})"
        )
    return items


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


# The environment variable each back-end reads its key (or address) from.
_BACKEND_ENV = {
    "brave": "BRAVE_API_KEY",
    "mediacloud": "MEDIACLOUD_API_KEY",
    "factcheck": "GOOGLE_FACTCHECK_API_KEY",
    "searxng": "SEARXNG_URL",
}


def _backend_env(cfg) -> dict[str, str]:
    """os.environ, plus keys the config file says to read from other variables (never a key
    written in the file itself: config.py refuses those), plus the config's translator settings
    as the variables its back-end reads."""
    from . import translate

    env = dict(os.environ)
    for backend, var in _BACKEND_ENV.items():
        key = cfg.api_key(backend)
        if key:
            env[var] = key
    if t := cfg.translator:
        where = f"{cfg.source or 'config'}: translator"
        if t.key_env and not t.key():
            raise ValueError(f"{where}: the environment variable {t.key_env} is not set")
        try:
            env.update(translate.settings_env(t.name, url=t.url, key=t.key(), model=t.model))
        except ValueError as exc:
            raise ValueError(f"{where}: {exc}") from None
    return env


def _translator_choice(flag: str | None, cfg) -> str | None:
    """The translator back-end to prefer: a name, "none", or None for the first configured."""
    from . import translate

    name = (flag if flag is not None else (cfg.translator.name if cfg.translator else "")).strip()
    if name.lower() == "none":
        return "none"
    if name and name not in translate.names():
        raise ValueError(f"unknown translator {name!r}: use one of {', '.join(translate.names())}")
    return name or None


@contextlib.contextmanager
def _progress(quiet: bool):
    """Stage notes on stderr while a run works (a rich spinner), shown only to a person at a
    terminal, after the first second, and never with --quiet or in CI logs."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    import time

    from rich.console import Console

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
    from . import discover
    from .config import load_config
    from .discover.backends import BACKENDS
    from .discover.search import parse_backend_names
    from .outlets import Registry
    from .pipeline import check as run_check

    if replay and record:
        _error("--replay and --record cannot be used together")
    if offline and (replay or record):
        _error(f"--offline and --{'replay' if replay else 'record'} cannot be used together")
    try:
        # Found from the working directory (your repository), never from the draft's folder: a
        # config file dropped next to an untrusted draft could lift the address guard or send
        # a key to a translator URL of its choosing.
        cfg = load_config(config_file, start=Path.cwd())
    except ValueError as exc:
        _error(str(exc))
    try:
        fail = _fail_on(fail_on) if fail_on is not None else cfg.fail_on
    except click.BadParameter as exc:
        _error(f"--fail-on: {exc.message}")
    if search_names is not None:
        search = tuple(parse_backend_names(search_names))
        unknown = [n for n in search if n not in BACKENDS]
        if unknown:  # refused even offline, where no back-end would be built to notice
            _error(
                f"--search: unknown back-end {', '.join(unknown)} "
                f"(choose from {', '.join(BACKENDS)})"
            )
    else:
        search = cfg.search or None  # flags beat the config file, which beats the defaults
    fetch = replace(FetchConfig(), **cfg.fetch_options())
    if no_cache:
        fetch = replace(fetch, cache=False)
    if cache_dir:
        fetch = replace(fetch, cache_dir=cache_dir)
    if no_archive:
        fetch = replace(fetch, archive_fallback=False)
    if user_agent:
        if not user_agent.strip() or any(c in user_agent for c in "\r\n"):
            _error("--user-agent: must be one non-empty line")
        fetch = replace(fetch, user_agent=user_agent.strip())
    try:
        prefer = _translator_choice(translator, cfg)
        env = _backend_env(cfg)
    except ValueError as exc:
        _error(str(exc))
    try:
        sources = tuple(discover.load_sources_file(sources_file)) if sources_file else ()
        with _progress(quiet) as progress:
            report = run_check(
                list(paths),
                replay=replay,
                record=record,
                offline=offline,
                sources=sources,
                allow_private=allow_private,
                search=search,
                env=env,
                fetch=fetch,
                translator=prefer,
                translate_languages=cfg.translator.languages if cfg.translator else (),
                registry=Registry.load(cfg.outlets) if cfg.outlets else None,
                progress=progress,
            )
    except (InputError, CassetteError, ValueError, OSError) as exc:
        _error(str(exc))
    _write(render(report, fmt, fail_on=fail), out)
    sys.exit(EXIT_FAIL if report.failing(fail) else EXIT_OK)


@main.command()
@_paths
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@_output
def extract(paths, fmt, out):
    """List the attributions in PATHS (no network)."""
    from .pipeline import extract as run_extract

    try:
        report: Report = run_extract(list(paths))
    except (InputError, ValueError, OSError) as exc:
        _error(str(exc))
    _write(render(report, fmt), out)


@main.command()
@click.option("--search", "search_names", metavar="BACKEND,...", help="Back-ends to report on.")
@click.option("--check", "probe", is_flag=True, help="Also send each back-end one small request.")
def backends(search_names, probe):
    """List the search back-ends: enabled, available, or why not configured."""
    import asyncio

    import httpx

    from .discover.search import available_backends, build_backends, probe_backends

    rows = available_backends(os.environ, search_names)
    for name, status in rows:
        click.echo(f"{name:<15}{status}")
    if probe:
        try:
            chosen = build_backends(search_names, os.environ)
        except ValueError as exc:
            _error(str(exc))

        async def run():
            async with httpx.AsyncClient(timeout=10) as client:
                return await probe_backends(chosen, client)

        click.echo("")
        for name, status in asyncio.run(run()):
            click.echo(f"{name:<15}{status}")


if __name__ == "__main__":  # pragma: no cover
    main()

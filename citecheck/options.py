"""Options: the one owner of every setting of a run, for the library and the CLI alike.

`Options.load()` reads `citecheck.toml` (or `[tool.citecheck]` in pyproject.toml) found from the
working directory up, exactly as the CLI does, so `citecheck.check("draft.md")` in a script runs
with the newsroom's settings; keyword arguments and flags beat the file, which beats the
defaults. Fetch settings live in `fetch` (a `FetchConfig`, the fetch stage's own input); the
other stages read the fields here. Invalid combinations raise ConfigError with one line.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from .config import Config, load_config
from .crosslingual.translate import names as translator_names
from .crosslingual.translate import settings_env
from .discover.backends import BACKENDS, DEFAULT, parse_backend_names
from .errors import ConfigError
from .fetch import FetchConfig
from .model import DEFAULT_FAIL_ON, VERDICTS, Verdict
from .net.mode import Mode, Network
from .outlets import Registry

_FETCH_FIELDS = frozenset(f.name for f in fields(FetchConfig))


@dataclass(frozen=True)
class Options:
    """Everything a run can be told; the CLI's flags and the config file map onto these."""

    # where requests go: the network (default), nowhere, or a cassette
    offline: bool = False
    replay: str | None = None  # serve every request from this vcrpy cassette
    record: str | None = None  # record every request into this cassette
    # where sources come from
    sources: tuple[str, ...] = ()  # the reporter's source list: candidates for every quote
    search: tuple[str, ...] | None = None  # search back-ends; None: the keyless defaults
    max_candidates: int = 8
    max_search_results: int = 5  # candidates a search may add per quote
    env: Mapping[str, str] | None = None  # where back-end keys come from (default os.environ)
    registry: Registry | None = None  # the outlet registry (default: the packaged one)
    # how pages are fetched: limits, safety, cache, archive, user agent
    fetch: FetchConfig = field(default_factory=FetchConfig)
    # languages
    quote_language: str | None = None  # None: detect from the quote, else from the draft
    cross_language: bool = True  # check quotes against pages in another language
    translate: bool = True  # False: never send text to a translator (embedding alone)
    translator: str | None = None  # a translator back-end by name; None: the first configured
    translate_languages: tuple[str, ...] = ()  # page languages to translate; empty: all
    # what fails a run
    fail_on: tuple[Verdict, ...] = DEFAULT_FAIL_ON
    min_verified: int = 0  # fewer verified quotes than this fail the run (CI that wants sources)
    progress: Callable[[str], None] | None = field(default=None, compare=False)  # stage notes

    def __post_init__(self) -> None:
        if self.replay and self.record:
            raise ConfigError("replay and record cannot be used together", setting="replay")
        if self.offline and (self.replay or self.record):
            which = "replay" if self.replay else "record"
            raise ConfigError(f"offline and {which} cannot be used together", setting="offline")
        if self.search is not None:
            unknown = [n for n in self.search if n not in BACKENDS]
            if unknown:
                raise ConfigError(
                    f"unknown back-end {', '.join(unknown)} (choose from {', '.join(BACKENDS)})",
                    setting="search",
                )
        if self.translator is not None and self.translator not in translator_names():
            raise ConfigError(
                f"unknown translator {self.translator!r}: use one of "
                f"{', '.join(translator_names())}",
                setting="translator",
            )
        if not isinstance(self.min_verified, int) or self.min_verified < 0:
            raise ConfigError(
                "min_verified must be a whole number, 0 or more", setting="min_verified"
            )
        bad = [v for v in self.fail_on if v not in VERDICTS]
        if bad:
            raise ConfigError(
                f"unknown verdict {', '.join(map(str, bad))} (choose from {', '.join(VERDICTS)})",
                setting="fail_on",
            )

    # --- derived settings, read by the pipeline ------------------------------------------------

    @property
    def network(self) -> Network:
        """Where requests go: nowhere, a cassette (replay or record), or the network."""
        if self.offline:
            return Network(Mode.OFFLINE)
        if self.replay:
            return Network(Mode.REPLAY, self.replay)
        if self.record:
            return Network(Mode.RECORD, self.record)
        return Network()

    @property
    def search_backends(self) -> tuple[str, ...]:
        """The back-ends to ask; none offline."""
        if self.offline:
            return ()
        return DEFAULT if self.search is None else self.search

    @property
    def environ(self) -> Mapping[str, str]:
        """Where back-end keys and translator settings are read from."""
        return os.environ if self.env is None else self.env

    @property
    def uses_translator(self) -> bool:
        """Whether text may be sent to a translator in this run."""
        return self.translate and self.cross_language and not self.offline

    def with_(self, **kw: object) -> Options:
        """A copy with these settings changed; FetchConfig fields (`allow_private=True`,
        `cache_dir=...`) go into `fetch`, so `check(path, allow_private=True)` works."""
        fetch = {k: kw.pop(k) for k in list(kw) if k in _FETCH_FIELDS}
        if "fail_on" in kw and kw["fail_on"] is not None:
            kw["fail_on"] = _verdicts(kw["fail_on"])
        if "search" in kw and kw["search"] is not None:
            kw["search"] = tuple(parse_backend_names(kw["search"]))
        new = replace(self, **kw) if kw else self
        return replace(new, fetch=replace(new.fetch, **fetch)) if fetch else new

    # --- the config file ---------------------------------------------------------------------

    @classmethod
    def load(
        cls, config: str | Path | None = None, *, start: str | Path | None = None, **kw: object
    ) -> Options:
        """The settings of `config` (a citecheck.toml or pyproject.toml), or of the file found
        from `start` (default: the working directory) up to the repository root, with `kw` on
        top. Never looks in a draft's own folder: a config file dropped beside an untrusted draft
        could lift the address guard or send a key to a translator of its choosing."""
        cfg = load_config(config, start=Path.cwd() if start is None else start)
        return cls.from_config(cfg).with_(**kw)

    @classmethod
    def from_config(cls, cfg: Config) -> Options:
        fetch = FetchConfig(concurrency=cfg.concurrency, per_host=cfg.per_host)
        if cfg.user_agent:
            fetch = replace(fetch, user_agent=cfg.user_agent)
        if cfg.allow_private_hosts:
            fetch = replace(fetch, allow_private_hosts=cfg.allow_private_hosts)
        t = cfg.translator
        return cls(
            fail_on=cfg.fail_on,
            min_verified=cfg.min_verified,
            search=cfg.search or None,
            fetch=fetch,
            env=_environment(cfg),
            translator=t.name if t else None,
            translate_languages=t.languages if t else (),
            registry=Registry.load(cfg.outlets) if cfg.outlets else None,
        )


def fetch_flags(
    *,
    allow_private: bool = False,
    no_cache: bool = False,
    cache_dir: str | None = None,
    no_archive: bool = False,
    user_agent: str | None = None,
) -> dict[str, object]:
    """The Options fields that `check`'s and `batch`'s fetch flags set (only those given, so
    the config file's values stand otherwise). ValueError for a User-Agent that is not one
    non-empty line, naming the flag."""
    flags: dict[str, object] = {}
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
            raise ValueError("--user-agent: must be one non-empty line")
        flags["user_agent"] = user_agent.strip()
    return flags


def _verdicts(value: object) -> tuple[Verdict, ...]:
    items = value.split(",") if isinstance(value, str) else list(value)  # type: ignore[arg-type]
    names = [str(v).strip() for v in items if str(v).strip()]
    bad = [v for v in names if v not in VERDICTS]
    if bad:
        raise ConfigError(
            f"unknown verdict {', '.join(bad)} (choose from {', '.join(VERDICTS)})",
            setting="fail_on",
        )
    return tuple(Verdict(v) for v in dict.fromkeys(names))


def _environment(cfg: Config) -> Mapping[str, str] | None:
    """os.environ, plus the keys the config file says to read from other variables (never a key
    written in the file itself: the config refuses those), plus the config's translator
    settings as the variables its back-end reads. None when the file adds nothing."""
    extra: dict[str, str] = {}
    for name, backend in BACKENDS.items():
        key = cfg.api_key(name)
        var = backend.key_env or backend.url_env
        if key and var:
            extra[var] = key
    if t := cfg.translator:
        where = f"{cfg.source or 'config'}: translator"
        if t.key_env and not t.key():
            raise ConfigError(f"{where}: the environment variable {t.key_env} is not set")
        try:
            extra.update(settings_env(t.name, url=t.url, key=t.key(), model=t.model))
        except ValueError as exc:
            raise ConfigError(f"{where}: {exc}") from None
    return {**os.environ, **extra} if extra else None

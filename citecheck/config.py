"""Configuration from `[tool.citecheck]` in pyproject.toml or from a citecheck.toml.

    [tool.citecheck]                      # or the same keys at the top of citecheck.toml
    fail_on = ["altered", "misattributed", "not_found"]
    min_verified = 0                      # fewer verified quotes than this fail a run
    concurrency = 8                       # requests in flight, all hosts together
    per_host = 2                          # requests in flight to one host
    user_agent = "citecheck (newsroom desk; desk@example.org)"
    outlets = "config/outlets.toml"       # extra outlet registry, relative to this file
    allow_private_hosts = ["cms.intranet.example"]
    search = ["brave", "gdelt"]           # search back-ends, tried in this order
    brave_key_env = "BRAVE_API_KEY"       # API keys: only the NAME of an environment variable

    [tool.citecheck.translator]           # or: translator = "deepl" (settings from the env)
    name = "libretranslate"               # deepl, libretranslate or openai (any compatible chat)
    url = "https://translate.example.org" # the server (openai: the base URL; deepl: optional)
    key_env = "LT_KEY"                    # the variable holding its key, if it needs one
    model = "gpt-4o-mini"                 # openai only: the model to ask
    languages = ["es", "fr"]              # source languages to translate (empty: all)

Keys never live in a config file (it is committed, copied into CI logs and bug reports): a
back-end's key is read at run time from the environment variable the file names, so reports and
cassettes never hold it. A literal key (`brave_key = "..."`, or a `*_key_env` value that looks
like a key rather than a variable name) is an error that says what to write instead.

Discovery: `find_config(start)` looks in `start` (the working directory; never a draft's own
folder, which is untrusted) and each parent for citecheck.toml, then for a pyproject.toml that
has a [tool.citecheck] table; the first found wins. The search stops after the directory
holding `.git` (the repository root).

Errors are ConfigError with one line naming the file and the key: unknown keys, wrong types,
bad verdict names, malformed TOML. `citecheck.options.Options.load` turns a Config into a run's
settings.
"""

from __future__ import annotations

import ipaddress
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .crosslingual.translate import names as translator_names
from .errors import ConfigError
from .model import DEFAULT_FAIL_ON, VERDICTS, Verdict

CONFIG_FILE = "citecheck.toml"
PYPROJECT = "pyproject.toml"

_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_BACKEND = re.compile(r"[a-z][a-z0-9_-]*")
_KEY_ENV = re.compile(r"([a-z][a-z0-9_]*)_key_env")
# Names that would hold a secret itself; `*_key_env` is the allowed form.
_SECRET_NAME = re.compile(r"(.*_)?(api_?key|key|token|secret|password|auth_key)")
# Prefixes of well-known API key and token formats.
_KEY_PREFIXES = (
    "sk_", "sk-", "pk_", "ghp_", "gho_", "ghs_", "github_pat_", "xox", "AIza", "AKIA", "BSA",
)  # fmt: skip
_UPPER_SNAKE = re.compile(r"[A-Z_][A-Z0-9_]*")

_TOP_KEYS = (
    "fail_on",
    "min_verified",
    "concurrency",
    "per_host",
    "user_agent",
    "outlets",
    "allow_private_hosts",
    "search",
    "translator",
)
_TRANSLATOR_KEYS = ("name", "url", "model", "key_env", "languages")


@dataclass(frozen=True)
class Translator:
    """A machine-translation back-end for quotes whose source is in another language."""

    name: str
    url: str | None = None
    key_env: str | None = None  # the environment variable that holds its key
    languages: tuple[str, ...] = ()  # source languages to translate; empty: all
    model: str | None = None  # the model a chat endpoint (openai) is asked to use

    def key(self, environ: Mapping[str, str] | None = None) -> str | None:
        return _read_env(self.key_env, environ)


@dataclass(frozen=True)
class Config:
    """Settings for a run; every field has a default, so `Config()` is a valid configuration."""

    fail_on: tuple[str, ...] = DEFAULT_FAIL_ON
    min_verified: int = 0  # fewer verified quotes than this fail a run
    concurrency: int = 8
    per_host: int = 2
    user_agent: str | None = None  # None: the fetcher's own
    outlets: Path | None = None  # an extra outlets TOML, merged over the built-in registry
    allow_private_hosts: tuple[str, ...] = ()
    search: tuple[str, ...] = ()
    translator: Translator | None = None
    key_envs: tuple[tuple[str, str], ...] = ()  # (back-end, ENV_VAR) from `<back-end>_key_env`
    source: Path | None = field(default=None, compare=False)  # the file read; None: defaults

    def key_env(self, backend: str) -> str | None:
        """The environment variable that holds `backend`'s key, if the config names one."""
        return dict(self.key_envs).get(backend)

    def api_key(self, backend: str, environ: Mapping[str, str] | None = None) -> str | None:
        """`backend`'s key from the environment variable the config names (None if unset)."""
        return _read_env(self.key_env(backend), environ)

    def fetch_options(self) -> dict[str, object]:
        """FetchConfig fields: `replace(FetchConfig(), **cfg.fetch_options())`."""
        opts: dict[str, object] = {"concurrency": self.concurrency, "per_host": self.per_host}
        if self.user_agent:
            opts["user_agent"] = self.user_agent
        if self.allow_private_hosts:
            opts["allow_private_hosts"] = self.allow_private_hosts
        return opts


def _read_env(name: str | None, environ: Mapping[str, str] | None) -> str | None:
    if not name:
        return None
    value = (os.environ if environ is None else environ).get(name, "").strip()
    return value or None


# --- finding and reading the file -------------------------------------------------------------


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: not UTF-8 ({exc.reason})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _tool_table(data: dict) -> object:
    tool = data.get("tool")
    return tool.get("citecheck") if isinstance(tool, dict) else None


def find_config(start: str | Path | None = None) -> Path | None:
    """The config file that applies to `start` (a directory or a file in it), or None."""
    here = Path(start) if start is not None else Path.cwd()
    here = here.resolve()
    if not here.is_dir():
        here = here.parent
    for directory in (here, *here.parents):
        candidate = directory / CONFIG_FILE
        if candidate.is_file():
            return candidate
        pyproject = directory / PYPROJECT
        if pyproject.is_file() and _tool_table(_read_toml(pyproject)) is not None:
            return pyproject
        if (directory / ".git").exists():
            break
    return None


def load_config(path: str | Path | None = None, *, start: str | Path | None = None) -> Config:
    """The configuration from `path`, or from the file `find_config(start)` finds, or defaults.

    `path` may be a citecheck.toml (keys at the top, or under [tool.citecheck]) or a
    pyproject.toml (keys under [tool.citecheck]; none there means defaults).
    """
    if path is None:
        found = find_config(start)
        if found is None:
            return Config()
        path = found
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    data = _read_toml(path)
    table = _tool_table(data)
    if table is not None:
        section = "[tool.citecheck] "
    elif path.name == PYPROJECT:
        return Config(source=path)
    else:
        table, section = data, ""
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: {section or 'tool.citecheck'} must be a table")
    return parse_config(table, source=path, section=section)


# --- validation -------------------------------------------------------------------------------


class _Where:
    def __init__(self, source: Path | str, section: str):
        self.source, self.section = source, section

    def error(self, key: str, problem: str) -> ConfigError:
        return ConfigError(f"{self.source}: {self.section}{key}: {problem}")


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _int(where: _Where, key: str, value: object, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise where.error(key, f"must be an integer, not {_show(value)}")
    if not low <= value <= high:
        raise where.error(key, f"must be between {low} and {high}, not {value}")
    return value


def _str(where: _Where, key: str, value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise where.error(key, f"must be a non-empty string, not {_show(value)}")
    return value.strip()


def _str_list(where: _Where, key: str, value: object, *, allow_csv: bool = False) -> list[str]:
    if allow_csv and isinstance(value, str):
        value = [v for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise where.error(key, f"must be a list of strings, not {_show(value)}")
    return [v.strip() for v in value]


def _looks_like_key(value: str) -> bool:
    """True for a value that reads as an API key or token rather than a variable name."""
    if value.startswith(_KEY_PREFIXES):
        return True
    if _UPPER_SNAKE.fullmatch(value):  # BRAVE_API_KEY, NEWSROOM_GOOGLE_FACTCHECK_API_KEY
        return "_" not in value and len(value) >= 16 and any(c.isdigit() for c in value)
    has_digit = any(c.isdigit() for c in value)
    return len(value) >= 32 or (len(value) >= 16 and has_digit)


def _env_name(where: _Where, key: str, value: object) -> str:
    name = _str(where, key, value)
    if not _ENV_NAME.fullmatch(name) or _looks_like_key(name):
        raise where.error(
            key,
            "must name an environment variable (like BRAVE_API_KEY), and this looks like a key "
            "itself: never write a key in a config file, export it and name the variable here",
        )
    return name


def _reject_secret(where: _Where, key: str, *, nested: bool = False) -> None:
    if _SECRET_NAME.fullmatch(key):
        stem = re.sub(r"_?(api_?key|key|token|secret|password|auth_key)$", "", key) or "backend"
        instead = "key_env" if nested else f"{stem}_key_env"
        raise where.error(
            key,
            "keys are not read from config files; export the key in an environment variable "
            f'and name it instead: {instead} = "VARIABLE_NAME"',
        )


def _translator_name(where: _Where, key: str, value: object) -> str:
    name = _backend_name(where, key, value)
    if name not in translator_names():
        known = ", ".join(translator_names())
        raise where.error(key, f"unknown translator {name!r} (known: {known})")
    return name


def _translator(where: _Where, value: object) -> Translator:
    if isinstance(value, str):
        return Translator(name=_translator_name(where, "translator", value))
    if not isinstance(value, dict):
        raise where.error("translator", f"must be a name or a table, not {_show(value)}")
    inner = _Where(where.source, f"{where.section}translator.")
    for key in value:
        _reject_secret(inner, key, nested=True)
    unknown = sorted(k for k in value if k not in _TRANSLATOR_KEYS)
    if unknown:
        raise inner.error(", ".join(unknown), f"unknown key (known: {', '.join(_TRANSLATOR_KEYS)})")
    if "name" not in value:
        raise inner.error("name", "missing: the translator back-end to use")
    url = None
    if "url" in value:
        url = _str(inner, "url", value["url"])
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise inner.error("url", f"must be an http(s) URL, not {_show(url)}")
        if parts.username or parts.password:
            raise inner.error("url", "must not carry credentials; name a key_env instead")
    languages = _str_list(inner, "languages", value.get("languages", []))
    return Translator(
        name=_translator_name(inner, "name", value["name"]),
        url=url,
        model=_str(inner, "model", value["model"]) if "model" in value else None,
        key_env=_env_name(inner, "key_env", value["key_env"]) if "key_env" in value else None,
        languages=tuple(v.lower() for v in languages),
    )


def _backend_name(where: _Where, key: str, value: object) -> str:
    name = _str(where, key, value).lower()
    if not _BACKEND.fullmatch(name):
        raise where.error(key, f"not a back-end name: {_show(value)}")
    return name


def _host(where: _Where, key: str, value: str) -> str:
    """A host name, an address or a network (10.0.0.0/8); not a URL."""
    if "://" in value or any(c.isspace() for c in value) or value.startswith("/"):
        raise where.error(key, f"must be a host name, address or network, not {_show(value)}")
    if "/" in value:
        try:
            net = ipaddress.ip_network(value, strict=False)
        except ValueError:
            raise where.error(key, f"not a network: {_show(value)}") from None
        if net.prefixlen < (8 if net.version == 4 else 16):
            raise where.error(key, f"{value} is too broad: name your intranet's own networks")
    return value.lower().rstrip(".")


def parse_config(
    table: Mapping[str, object], *, source: Path | str = "<config>", section: str = ""
) -> Config:
    """A Config from the keys of one TOML table; ConfigError names `source` and the key."""
    where = _Where(source, section)
    key_envs: list[tuple[str, str]] = []
    for key, value in table.items():
        if m := _KEY_ENV.fullmatch(key):
            key_envs.append((m.group(1), _env_name(where, key, value)))
            continue
        _reject_secret(where, key)
    unknown = sorted(k for k in table if k not in _TOP_KEYS and not _KEY_ENV.fullmatch(k))
    if unknown:
        raise where.error(
            ", ".join(unknown),
            f"unknown key{'s' if len(unknown) > 1 else ''} (known: {', '.join(_TOP_KEYS)}, "
            "<back-end>_key_env)",
        )

    kw: dict[str, object] = {"source": Path(source) if isinstance(source, Path) else None}
    if "fail_on" in table:
        verdicts = _str_list(where, "fail_on", table["fail_on"], allow_csv=True)
        bad = [v for v in verdicts if v not in VERDICTS]
        if bad:
            raise where.error(
                "fail_on", f"unknown verdict {', '.join(bad)} (choose from {', '.join(VERDICTS)})"
            )
        kw["fail_on"] = tuple(Verdict(v) for v in dict.fromkeys(verdicts))
    if "min_verified" in table:
        kw["min_verified"] = _int(where, "min_verified", table["min_verified"], 0, 1_000_000)
    if "concurrency" in table:
        kw["concurrency"] = _int(where, "concurrency", table["concurrency"], 1, 256)
    if "per_host" in table:
        kw["per_host"] = _int(where, "per_host", table["per_host"], 1, 64)
    if "user_agent" in table:
        agent = _str(where, "user_agent", table["user_agent"])
        if any(ord(c) < 0x20 or ord(c) == 0x7F for c in agent):
            raise where.error("user_agent", "must be one line of printable text")
        kw["user_agent"] = agent
    if "outlets" in table:
        outlets = Path(_str(where, "outlets", table["outlets"])).expanduser()
        if not outlets.is_absolute() and isinstance(source, Path):
            outlets = source.parent / outlets
        if not outlets.is_file():
            raise where.error("outlets", f"no such file: {outlets}")
        kw["outlets"] = outlets
    if "allow_private_hosts" in table:
        hosts = _str_list(where, "allow_private_hosts", table["allow_private_hosts"])
        kw["allow_private_hosts"] = tuple(_host(where, "allow_private_hosts", h) for h in hosts)
    if "search" in table:
        names = _str_list(where, "search", table["search"], allow_csv=True)
        kw["search"] = tuple(dict.fromkeys(_backend_name(where, "search", n) for n in names))
    if "translator" in table:
        kw["translator"] = _translator(where, table["translator"])
    kw["key_envs"] = tuple(key_envs)
    return Config(**kw)

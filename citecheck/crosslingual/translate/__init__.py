"""Translator back-ends behind one interface: LibreTranslate, DeepL, any OpenAI-compatible chat.

Each back-end reads its settings from the environment (never from a file or the command line):

- `deepl`: DEEPL_API_KEY (":fx" keys use the Free API host); POST /v2/translate
- `libretranslate`: LIBRETRANSLATE_URL, LIBRETRANSLATE_API_KEY (optional); POST {url}/translate
- `openai`: OPENAI_BASE_URL, OPENAI_MODEL, OPENAI_API_KEY (optional); POST {base}/chat/completions

    backend = pick(os.environ)                  # the first configured one, or None
    with httpx.Client() as client:
        tr = bind(backend, client)              # a callable for citecheck.crosslingual
        tr(["Hola, mundo."], "es", "en")        # ["Hello, world."]

Keys travel only in request headers or bodies; an error's message never holds a key (it is
redacted) or the request URL's query.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

import httpx

from .base import TIMEOUT, Bound, TranslateError, Translator
from .deepl import DeepL
from .libretranslate import LibreTranslate
from .openai_compat import OpenAICompat


def _registry() -> dict[str, type[Translator]]:
    return {c.name: c for c in (DeepL, LibreTranslate, OpenAICompat)}


def names() -> tuple[str, ...]:
    """Back-end names, in the order `pick` tries them."""
    return tuple(_registry())


def build(name: str, env: Mapping[str, str] | None = None) -> Translator:
    """The back-end called `name` with settings from `env` (default os.environ)."""
    reg = _registry()
    if name not in reg:
        raise ValueError(f"unknown translator {name!r}: use one of {', '.join(reg)}")
    return reg[name](env)


def settings_env(
    name: str, *, url: str | None = None, key: str | None = None, model: str | None = None
) -> dict[str, str]:
    """The environment variables that configure back-end `name` with these settings (what a
    config file's [translator] table means), to lay over os.environ."""
    reg = _registry()
    if name not in reg:
        raise ValueError(f"unknown translator {name!r}: use one of {', '.join(reg)}")
    cls, out = reg[name], {}
    for value, var, what in ((url, cls.url_var, "url"), (key, cls.key_var, "key"),
                             (model, cls.model_var, "model")):  # fmt: skip
        if value and not var:
            raise ValueError(f"translator {name} takes no {what}")
        if value:
            out[var] = value
    return out


def pick(env: Mapping[str, str] | None = None, prefer: str | None = None) -> Translator | None:
    """The translator to use: `prefer` (or $CITECHECK_TRANSLATOR) if configured, else the first
    configured of deepl, libretranslate, openai; None when none is."""
    env = os.environ if env is None else env
    want = prefer or env.get("CITECHECK_TRANSLATOR", "").strip() or None
    order = [want] if want else list(names())
    for name in order:
        backend = build(name, env)
        if backend.configured() is None:
            return backend
    return None


def bind(backend: Translator, client: httpx.Client) -> Bound:
    return Bound(backend, client)


def client(timeout: float = TIMEOUT, **kw) -> httpx.Client:
    """An httpx.Client for the translators (JSON, a timeout, citecheck's user agent)."""
    return httpx.Client(timeout=timeout, headers={"User-Agent": "citecheck"}, **kw)


__all__ = [
    "Bound",
    "TranslateError",
    "Translator",
    "bind",
    "build",
    "client",
    "names",
    "pick",
    "settings_env",
]

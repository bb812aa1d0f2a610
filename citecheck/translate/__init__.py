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

from collections.abc import Mapping, Sequence
from typing import Any

import httpx

TIMEOUT = 30.0
MAX_CHARS = 4000  # a passage longer than this is cut before it is sent


class TranslateError(Exception):
    """A translator could not answer: HTTP error, timeout, malformed answer. One line, no key."""


class Translator:
    """One translation service. Subclasses set `name`, `env_vars` and build/parse requests."""

    name = "translator"
    env_vars: tuple[str, ...] = ()  # required settings
    optional_vars: tuple[str, ...] = ()
    secret_vars: tuple[str, ...] = ()
    url_var: str | None = None  # the variable that holds the service's address
    key_var: str | None = None  # ... its key
    model_var: str | None = None  # ... the model to ask (chat endpoints)
    description = ""

    def __init__(self, env: Mapping[str, str] | None = None) -> None:
        import os

        self.env = dict(os.environ if env is None else env)

    def configured(self, env: Mapping[str, str] | None = None) -> str | None:
        """None when ready, else one line saying what is missing ("DEEPL_API_KEY not set")."""
        env = self.env if env is None else env
        for var in self.env_vars:
            if not str(env.get(var, "")).strip():
                return f"{var} not set"
        return None

    def _get(self, var: str) -> str:
        return str(self.env.get(var, "")).strip()

    def secrets(self) -> tuple[str, ...]:
        return tuple(v for var in self.secret_vars if len(v := self._get(var)) >= 4)

    def redact(self, text: str) -> str:
        for secret in self.secrets():
            text = text.replace(secret, "***")
        return text

    # --- one round trip: subclasses implement request() and decode() -------------------------

    def request(self, texts: Sequence[str], source: str | None, target: str) -> httpx.Request:
        raise NotImplementedError

    def decode(self, data: Any, count: int) -> list[str]:
        raise NotImplementedError

    max_batch = 50  # texts in one request (DeepL's documented limit)

    def requests(self, texts: Sequence[str], source: str | None, target: str) -> list:
        """The requests for `texts` with how many texts each carries, `max_batch` at a time."""
        out = []
        for i in range(0, len(texts), self.max_batch):
            chunk = list(texts[i : i + self.max_batch])
            out.append((self.request(chunk, source, target), len(chunk)))
        return out

    def parse(self, response: httpx.Response, count: int) -> list[str]:
        """Translations from one response; TranslateError for an HTTP error or a bad answer."""
        if not 200 <= response.status_code < 300:
            raise TranslateError(self.redact(http_error(self.name, response)))
        try:
            data = response.json()
        except ValueError:
            raise TranslateError(
                f"{self.name} answered something that is not JSON "
                f"(HTTP {response.status_code}, {len(response.content)} bytes)"
            ) from None
        try:
            out = self.decode(data, count)
        except (AttributeError, IndexError, KeyError, TypeError, ValueError) as exc:
            raise TranslateError(f"unexpected answer from {self.name}: {exc!r}") from None
        if len(out) != count or not all(isinstance(t, str) for t in out):
            raise TranslateError(
                f"unexpected answer from {self.name}: {len(out)} translation(s) for {count} text(s)"
            )
        return out

    def translate(
        self, texts: Sequence[str], source: str | None, target: str, client: httpx.Client
    ) -> list[str]:
        """`texts` (in `source`, None to let the service detect it) in `target`."""
        if not texts:
            return []
        why = self.configured()
        if why:
            raise TranslateError(f"{self.name} is not configured: {why}")
        texts = [t[:MAX_CHARS] for t in texts]
        out: list[str] = []
        for req, count in self.requests(texts, source, target):
            host = req.url.host
            try:
                response = client.send(req)
            except httpx.TimeoutException as exc:
                raise TranslateError(
                    f"{self.name} at {host} timed out ({type(exc).__name__})"
                ) from None
            except httpx.HTTPError as exc:
                why = self.redact(f"{type(exc).__name__}: {exc}".splitlines()[0])
                raise TranslateError(f"cannot reach {self.name} at {host}: {why}") from None
            except Exception as exc:  # vcrpy: a request the replay cassette lacks
                if type(exc).__name__ == "CannotOverwriteExistingCassetteException":
                    raise TranslateError(
                        f"the replay cassette holds no answer from {self.name} at {host}"
                    ) from None
                raise
            out.extend(self.parse(response, count))
        return out


def http_error(name: str, response: httpx.Response) -> str:
    """`deepl: HTTP 403 Forbidden: <the API's own message>` in one line (no URL query)."""
    head = f"{name}: HTTP {response.status_code} {response.reason_phrase}".rstrip()
    message = ""
    try:
        data = response.json()
        if isinstance(data, dict):
            err = data.get("error")
            message = err.get("message", "") if isinstance(err, dict) else str(err or "")
            message = message or str(data.get("message") or data.get("detail") or "")
    except ValueError:
        message = response.text if len(response.text) < 400 else ""
    message = " ".join(str(message).split())[:160]
    return head + (f": {message}" if message else "")


class Bound:
    """A translator with its HTTP client: `bound(texts, source, target) -> translations`.

    This is what `citecheck.crosslingual.cross_match` takes. Answers are cached per
    (text, source, target) for the run, so a passage quoted twice is translated once."""

    def __init__(self, backend: Translator, client: httpx.Client) -> None:
        self.backend = backend
        self.client = client
        self.name = backend.name
        self._cache: dict[tuple[str, str | None, str], str] = {}

    def __call__(self, texts: Sequence[str], source: str | None, target: str | None) -> list[str]:
        target = target or "en"
        todo = [t for t in dict.fromkeys(texts) if (t, source, target) not in self._cache]
        if todo:
            done = self.backend.translate(todo, source, target, self.client)
            for t, tr in zip(todo, done, strict=True):
                self._cache[(t, source, target)] = tr
        return [self._cache[(t, source, target)] for t in texts]


def _registry() -> dict[str, type[Translator]]:
    from .deepl import DeepL
    from .libretranslate import LibreTranslate
    from .openai_compat import OpenAICompat

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
    import os

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

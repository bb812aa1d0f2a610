"""What every translator back-end shares: settings from the environment, batched requests,
answers checked, errors in one line without a key, and `Bound`, the per-run callable."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from ...net.cassette import is_missing
from ...net.http import http_error

TIMEOUT = 30.0
MAX_CHARS = 4000  # a passage longer than this is cut before it is sent


class TranslateError(Exception):
    """A translator could not answer: HTTP error, timeout, malformed answer. One line, no key."""


class Translator:
    """One translation service. Subclasses set `name`, `env_vars` and build/parse requests."""

    name = "translator"
    env_vars: tuple[str, ...] = ()  # required settings
    url_var: str | None = None  # the variable that holds the service's address
    key_var: str | None = None  # ... its key (a secret: never in a reason)
    model_var: str | None = None  # ... the model to ask (chat endpoints)
    description = ""

    def __init__(self, env: Mapping[str, str] | None = None) -> None:
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
        key = self._get(self.key_var) if self.key_var else ""
        return (key,) if len(key) >= 4 else ()

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
            raise TranslateError(self.redact(http_error(response, self.name)))
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
                if is_missing(exc):
                    raise TranslateError(
                        f"the replay cassette holds no answer from {self.name} at {host}"
                    ) from None
                raise
            out.extend(self.parse(response, count))
        return out


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

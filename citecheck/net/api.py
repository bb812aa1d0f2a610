"""JSON APIs asked politely: one GET under the host's token bucket, answers kept on disk.

Search back-ends, the fact-check API and the Internet Archive's availability API all ask a
remote JSON API the same way: build the request without a client (so the cassette builder can
list them), wait for the host's token, serve a kept answer when the cache has one, retry once
after a short enough 429, and turn every failure into a `BackendError` whose reason holds no key.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

import httpx

from .cache import AnswerCache
from .cassette import is_missing
from .http import BackendError, http_error, retry_after
from .ratelimit import RateLimiter, shared_limiter


@dataclass(frozen=True)
class Call:
    """One GET an API client makes, built without a client."""

    url: str
    params: tuple[tuple[str, str], ...] = ()
    headers: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    @property
    def uri(self) -> str:
        """The request's full URL, exactly as httpx (and so a cassette) spells it."""
        return str(httpx.Request("GET", self.url, params=list(self.params)).url)

    @property
    def host(self) -> str:
        return httpx.URL(self.url).host


class JsonApi:
    """Configuration from the environment and rate-limited, cached JSON GETs.

    Subclasses set `name`, the environment variables they need (`url_env` for the service's
    address, `key_env` for its key), `interval` (seconds between two requests to one host) and
    the 429 policy.
    """

    name: ClassVar[str] = ""
    url_env: ClassVar[str | None] = None  # the variable that holds the service's address
    key_env: ClassVar[str | None] = None  # the variable that holds the account's key
    interval: ClassVar[float] = 1.0
    backoff_429: ClassVar[float] = 10.0  # pause after a 429 that gives no Retry-After
    max_retry_wait: ClassVar[float] = 30.0  # retry a 429 once if asked to wait no longer
    timeout: ClassVar[float] = 20.0
    cache: AnswerCache | None = None  # answers kept on disk between runs (set per run)

    def __init__(self, env: Mapping[str, str] | None = None, *, limiter: RateLimiter | None = None):
        self.env: Mapping[str, str] = os.environ if env is None else env
        self.limiter = limiter or shared_limiter()

    @property
    def env_vars(self) -> tuple[str, ...]:
        """The settings it needs, in the order they are reported."""
        return tuple(v for v in (self.url_env, self.key_env) if v)

    @property
    def keyless(self) -> bool:
        """Usable without an account (an address of one's own may still be needed)."""
        return self.key_env is None

    def configured(self, env: Mapping[str, str] | None = None) -> str | None:
        """None when ready, else one line saying what is missing ("BRAVE_API_KEY not set")."""
        env = self.env if env is None else env
        for var in self.env_vars:
            if not env.get(var, "").strip():
                return f"{var} not set"
        return None

    def secrets(self) -> tuple[str, ...]:
        """Values that must never appear in a reason (API keys and tokens)."""
        key = self.env.get(self.key_env, "") if self.key_env else ""
        return (key,) if len(key) >= 6 else ()

    def decode(self, response: httpx.Response) -> Any:
        """The JSON body; BackendError when it is not JSON."""
        try:
            return json.loads(response.text, strict=False)  # GDELT titles carry control chars
        except ValueError as exc:
            raise BackendError(f"malformed JSON from {response.url.host}: {exc}") from None

    def _redact(self, text: str) -> str:
        for secret in self.secrets():
            text = text.replace(secret, "***")
        return text

    async def get_json(self, call: Call, client: httpx.AsyncClient) -> Any:
        """GET `call` under the host's token bucket; one retry after a short enough 429."""
        host = call.host
        for attempt in (0, 1):
            request = client.build_request(
                "GET", call.url, params=list(call.params), headers=dict(call.headers),
                timeout=self.timeout,
            )  # fmt: skip
            if self.cache is not None and (kept := await self.cache.get(str(request.url))):
                with contextlib.suppress(BackendError):  # a bad entry: ask again
                    return self.decode(httpx.Response(200, content=kept, request=request))
            await self.limiter.acquire(host, self.interval, max_wait=self.max_retry_wait)
            try:
                response = await client.send(request)
            except httpx.TimeoutException as exc:
                self.limiter.mark_down(host, f"timed out: {type(exc).__name__}")
                raise BackendError(f"{host} timed out ({type(exc).__name__})") from None
            except httpx.HTTPError as exc:
                why = self._redact(f"{type(exc).__name__}: {exc}".splitlines()[0])
                self.limiter.mark_down(host, why)
                raise BackendError(f"cannot reach {host}: {why}") from None
            except Exception as exc:
                if is_missing(exc):
                    raise BackendError(f"the replay cassette holds no answer from {host}") from None
                raise
            if response.status_code == 429:
                asked = retry_after(response)
                wait = self.backoff_429 if asked is None else asked
                self.limiter.defer(host, min(wait, 3600.0), self.interval)
                if attempt == 0 and wait <= self.max_retry_wait:
                    continue
                said = f"Retry-After {asked:.0f} s" if asked is not None else "no Retry-After"
                raise BackendError(f"rate limited by {host} (HTTP 429, {said})", retry_after=wait)
            if not 200 <= response.status_code < 300:
                raise BackendError(self._redact(http_error(response)))
            data = self.decode(response)
            if self.cache is not None:
                await self.cache.put(str(request.url), response.content)
            return data
        raise AssertionError("unreachable")  # pragma: no cover

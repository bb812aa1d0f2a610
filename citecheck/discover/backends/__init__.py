"""The search back-ends, by name: a plain registry, as `llm` keeps its plugins.

`BACKENDS[name]` is the class; `DEFAULT` the back-ends a run uses unless told otherwise (the
keyless ones, so a fresh install searches without any account). Add a back-end by writing a
`SearchBackend` subclass in a file of its own and listing it here.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Mapping, Sequence

import httpx

from ...errors import ConfigError
from ...net.http import BackendError
from ...net.ratelimit import RateLimiter
from .base import Backend
from .brave import Brave
from .factcheck import FactCheckTools
from .gdelt import Gdelt, GdeltContext
from .mediacloud import MediaCloud
from .searxng import SearXNG
from .wayback import Wayback

BACKENDS: dict[str, type[Backend]] = {
    cls.name: cls
    for cls in (Gdelt, Wayback, GdeltContext, SearXNG, Brave, MediaCloud, FactCheckTools)
}
DEFAULT: tuple[str, ...] = ("gdelt", "wayback")


def parse_backend_names(value: str | Iterable[str] | None) -> list[str]:
    """`"gdelt, wayback"` or a list -> ["gdelt", "wayback"]; None -> the defaults."""
    if value is None:
        return list(DEFAULT)
    items = value.split(",") if isinstance(value, str) else list(value)
    return list(dict.fromkeys(n.strip().lower() for n in items if n.strip()))


def build_backends(
    names: str | Iterable[str] | None,
    env: Mapping[str, str] | None = None,
    *,
    limiter: RateLimiter | None = None,
) -> list[Backend]:
    """Instances of the named back-ends sharing one limiter; ValueError for an unknown name."""
    chosen = parse_backend_names(names)
    unknown = [n for n in chosen if n not in BACKENDS]
    if unknown:
        raise ConfigError(
            f"unknown search back-end {', '.join(unknown)} (choose from {', '.join(BACKENDS)})",
            setting="search",
        )
    shared = limiter or RateLimiter()
    return [BACKENDS[n](env, limiter=shared) for n in chosen]


def available_backends(
    env: Mapping[str, str] | None = None, config_names: str | Iterable[str] | None = None
) -> list[tuple[str, str]]:
    """Every known back-end with its status, for `citecheck backends`.

    Status is "enabled", "available" (configured, not selected), "not configured: <why>" (with
    " (selected)" when chosen anyway), or "unknown back-end" for a chosen name nobody knows.
    """
    chosen = parse_backend_names(config_names)
    rows = []
    for name, cls in BACKENDS.items():
        why = cls(env).configured()
        if why:
            status = f"not configured: {why}" + (" (selected)" if name in chosen else "")
        else:
            status = "enabled" if name in chosen else "available"
        rows.append((name, status))
    rows += [(n, "unknown back-end") for n in chosen if n not in BACKENDS]
    return rows


async def probe_backends(
    backends: Sequence[Backend], client: httpx.AsyncClient
) -> list[tuple[str, str]]:
    """(name, "reachable" | "not configured: ..." | "unreachable: ...") per back-end.

    One small request each, for `citecheck backends --check`.
    """

    async def one(backend: Backend) -> tuple[str, str]:
        why = backend.configured()
        if why:
            return backend.name, f"not configured: {why}"
        try:
            await backend.probe(client)
        except BackendError as exc:
            return backend.name, f"unreachable: {exc.reason}"
        except Exception as exc:  # noqa: BLE001
            return backend.name, f"unreachable: {type(exc).__name__}"
        return backend.name, "reachable"

    return list(await asyncio.gather(*(one(b) for b in backends)))


def reachable(
    names: str | Iterable[str] | None, env: Mapping[str, str] | None = None, timeout: float = 10.0
) -> list[tuple[str, str]]:
    """`probe_backends` for synchronous callers (`citecheck backends --check`)."""
    chosen = build_backends(names, env)

    async def run() -> list[tuple[str, str]]:
        async with httpx.AsyncClient(timeout=timeout) as client:
            return await probe_backends(chosen, client)

    return asyncio.run(run())

"""Per-host token buckets shared by a whole run, so no API is asked faster than it allows."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from .http import BackendError


@dataclass
class _Bucket:
    interval: float
    burst: int
    tat: float = 0.0  # theoretical arrival time of the next request (GCRA)
    not_before: float = 0.0  # a 429 pushed this out


class RateLimiter:
    """Per-host token buckets shared by a whole run.

    Each host gets a bucket of `burst` tokens refilled one every `interval` seconds (kept in the
    equivalent GCRA form, so waiting needs no lock and works across event loops). A 429 pauses the
    host (`defer`); a pause longer than `max_wait` fails at once instead of stalling the run, while
    requests queued behind the host's own spacing simply wait their turn.
    `clock` and `sleep` are injectable so tests advance a fake clock instead of sleeping.
    """

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
        enabled: bool = True,
    ):
        self.clock = clock
        self.sleep = sleep
        self.enabled = enabled
        self._buckets: dict[str, _Bucket] = {}
        self._down: dict[str, str] = {}  # host -> why it could not be reached in this run
        self._events: dict[str, asyncio.Event] = {}

    def mark_down(self, host: str, reason: str) -> None:
        """A host that cannot be reached is not asked again in this run: queued requests fail at
        once instead of each waiting out the host's spacing (minutes for GDELT's 5 s rule)."""
        self._down.setdefault(host, reason)
        if host in self._events:
            self._events[host].set()

    def _check_down(self, host: str) -> None:
        if host in self._down:
            raise BackendError(f"{host} unreachable earlier in this run ({self._down[host]})")

    def _bucket(self, host: str, interval: float, burst: int) -> _Bucket:
        if host not in self._buckets:
            self._buckets[host] = _Bucket(interval, max(1, burst))
        return self._buckets[host]

    def wait_for(self, host: str) -> float:
        """Seconds until `host` may be asked again (0 when it may be asked now)."""
        b = self._buckets.get(host)
        if b is None or not self.enabled:
            return 0.0
        now = self.clock()
        earliest = max(b.tat - (b.burst - 1) * b.interval, b.not_before)
        return max(0.0, earliest - now)

    async def acquire(
        self, host: str, interval: float = 1.0, *, burst: int = 1, max_wait: float = 60.0
    ) -> float:
        """Take a token for `host`, sleeping until one is free; returns the seconds waited."""
        self._check_down(host)
        if not self.enabled:
            return 0.0
        b = self._bucket(host, interval, burst)
        now = self.clock()
        pause = b.not_before - now  # a 429's pause; our own spacing is only ever queued for
        if pause > max_wait:
            raise BackendError(f"{host} asked for a pause; {pause:.0f} s left", retry_after=pause)
        tat = max(b.tat, now)
        start = max(now, tat - (b.burst - 1) * b.interval, b.not_before)
        wait = start - now
        b.tat = max(tat, start) + b.interval  # reserve before sleeping: no lock needed
        if wait > 0:
            event = self._events.setdefault(host, asyncio.Event())
            sleeper = asyncio.ensure_future(self.sleep(wait))
            down = asyncio.ensure_future(event.wait())
            await asyncio.wait({sleeper, down}, return_when=asyncio.FIRST_COMPLETED)
            for task in (sleeper, down):
                task.cancel()
            self._check_down(host)
        return wait

    def defer(self, host: str, seconds: float, interval: float = 1.0) -> None:
        """Ask nothing of `host` for `seconds` (a 429's Retry-After, or our own back-off)."""
        if self.enabled:
            b = self._bucket(host, interval, 1)
            b.not_before = max(b.not_before, self.clock() + max(0.0, seconds))


_SHARED: RateLimiter | None = None


def shared_limiter() -> RateLimiter:
    """The process-wide limiter back-ends use when none is given (one run, one set of buckets)."""
    global _SHARED
    if _SHARED is None:
        _SHARED = RateLimiter()
    return _SHARED

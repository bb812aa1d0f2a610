"""The Internet Archive's availability API: the closest Wayback capture of a URL.

Used for a dead link (the fetcher reads the capture instead) and by the wayback search back-end.
A capture is asked for by its `id_` address, the page's own bytes without the archive's toolbar.
"""

from __future__ import annotations

import re

import httpx

from .api import Call, JsonApi
from .http import BackendError
from .ratelimit import RateLimiter

AVAILABILITY_API = "https://archive.org/wayback/available"
TIMESTAMP = re.compile(r"\d{4,14}")
_SNAPSHOT = re.compile(r"/web/(\d{1,14})[a-z_]*/(.+)$")


def raw_capture_url(timestamp: str, url: str) -> str:
    """The `id_` address of a capture: the page's own bytes, no archive toolbar or rewriting."""
    return f"https://web.archive.org/web/{timestamp}id_/{url}"


def snapshot_time(timestamp: str) -> str:
    """A Wayback timestamp ("20250311101500") as "2025-03-11 10:15:00 UTC"."""
    t = timestamp.ljust(14, "0")
    if not t[:14].isdigit():
        return timestamp
    return f"{t[0:4]}-{t[4:6]}-{t[6:8]} {t[8:10]}:{t[10:12]}:{t[12:14]} UTC"


class Availability(JsonApi):
    """archive.org/wayback/available, keyless; a 429 without Retry-After pauses a minute."""

    name = "wayback"
    interval = 1.0
    backoff_429 = 60.0

    async def closest(
        self, url: str, client: httpx.AsyncClient, timestamp: str | None = None
    ) -> tuple[str, str] | None:
        """(raw `id_` capture URL, its 14-digit timestamp) of the capture closest to `timestamp`
        (default: the latest), or None when the archive has no usable capture. BackendError when
        the archive cannot be asked (HTTP error, timeout, 429, malformed JSON)."""
        params = [("url", url)]
        if timestamp:
            if not TIMESTAMP.fullmatch(timestamp):
                raise ValueError(f"timestamp must be 4 to 14 digits (YYYYMMDDhhmmss): {timestamp}")
            params.append(("timestamp", timestamp))
        data = await self.get_json(Call(AVAILABILITY_API, tuple(params)), client)
        if not isinstance(data, dict):
            raise BackendError("the availability API answered something other than an object")
        closest = (data.get("archived_snapshots") or {}).get("closest")
        if not isinstance(closest, dict) or not closest.get("available"):
            return None
        status = str(closest.get("status") or "")
        if status[:1] in ("4", "5"):
            return None  # the archive holds the error page, not the article
        ts = str(closest.get("timestamp") or "")
        m = _SNAPSHOT.search(str(closest.get("url") or ""))
        if not TIMESTAMP.fullmatch(ts):
            if not m:
                return None
            ts = m[1]
        return raw_capture_url(ts, m[2] if m else url), ts


async def closest_snapshot(
    url: str,
    client: httpx.AsyncClient,
    *,
    timestamp: str | None = None,
    limiter: RateLimiter | None = None,
) -> tuple[str, str] | None:
    """The closest Wayback capture of `url`: (raw `id_` capture URL, timestamp) or None;
    BackendError when the archive cannot be asked. Uses the shared rate limiter unless one is
    given."""
    return await Availability(limiter=limiter).closest(url, client, timestamp)

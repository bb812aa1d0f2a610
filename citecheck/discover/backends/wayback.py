"""The Internet Archive: captures of an outlet's pages, and the closest snapshot of a dead link.

Why: outlets move and delete pages; the Wayback Machine often still holds them. Two APIs:
- CDX (`web.archive.org/cdx/search/cdx`, `output=json`): lists captures. Row 0 of the JSON is the
  header and every value is a string. It cannot search text, so a search lists the credited
  outlet's captures in the draft's date window whose URL slug holds the quote's rare words.
- Availability (`archive.org/wayback/available`): the capture closest to a timestamp.
Raw capture bytes come from `id_` URLs (`/web/<timestamp>id_/<url>`), without the archive's
toolbar. About one request a second, and a 429 is honoured: ignoring it gets a client blocked.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote, urlsplit

import httpx

from ...net.archive import TIMESTAMP, Availability, raw_capture_url
from .base import BackendError, Call, SearchBackend, SearchHit, SearchQuery

CDX_API = "https://web.archive.org/cdx/search/cdx"
CDX_LIMIT = 500  # captures listed per outlet domain and query


def _iso(timestamp: str) -> str | None:
    if len(timestamp) < 8 or not timestamp[:8].isdigit():
        return None
    return f"{timestamp[:4]}-{timestamp[4:6]}-{timestamp[6:8]}"


def _slug_words(url: str) -> set[str]:
    path = unquote(urlsplit(url).path).lower()
    return set(re.findall(r"[^\W_]+", path))


class Wayback(SearchBackend):
    """Wayback Machine captures of the credited outlet, matched to the quote by URL slug."""

    name = "wayback"
    backoff_429 = 60.0  # no Retry-After: pause the host a minute rather than risk a block

    def requests(self, query: SearchQuery) -> list[Call]:
        """One CDX listing per outlet domain (two at most); none without outlet or dates."""
        words = query.words(4)
        if not (query.domains and query.date_from and query.date_to and words):
            return []
        pattern = "(?i).*(" + "|".join(re.escape(w) for w in words) + ").*"
        return [
            Call(
                CDX_API,
                (
                    ("url", domain),
                    ("matchType", "domain"),
                    ("output", "json"),
                    ("fl", "timestamp,original,mimetype,statuscode"),
                    ("filter", "statuscode:200"),
                    ("filter", "mimetype:text/html"),
                    ("filter", f"original:{pattern}"),
                    ("collapse", "urlkey"),
                    ("from", query.date_from.strftime("%Y%m%d")),
                    ("to", query.date_to.strftime("%Y%m%d")),
                    ("limit", str(CDX_LIMIT)),
                ),
            )
            for domain in query.domains[:2]
        ]

    def parse(self, query: SearchQuery, call: Call, data: Any) -> list[SearchHit]:
        if not isinstance(data, list):
            raise BackendError("the CDX server answered something other than a JSON array")
        rows = [r for r in data if isinstance(r, list) and r]
        if not rows:
            return []  # no capture: the server sends [] without a header row
        header = [str(c) for c in rows[0]]
        if "original" not in header or "timestamp" not in header:
            raise BackendError(f"the CDX header row lacks original/timestamp: {header}")
        words = query.words(4)
        need = min(2, len(words))
        scored = []
        for n, row in enumerate(rows[1:]):
            rec = dict(zip(header, (str(v) for v in row), strict=False))
            original, ts = rec.get("original", ""), rec.get("timestamp", "")
            if not original or not TIMESTAMP.fullmatch(ts):
                continue
            slug = _slug_words(original)
            matched = [w for w in words if w in slug]
            if len(matched) >= need:
                scored.append((-len(matched), n, original, ts, matched))
        scored.sort()
        return [
            SearchHit(
                url=_live_url(original),
                title=" ".join(matched),
                backend=self.name,
                snippet=f"archived {_iso(ts)}; URL holds: {', '.join(matched)}",
                date=_iso(ts),
                phrase_hit=False,
                archive_url=raw_capture_url(ts, original),
            )
            for _, _, original, ts, matched in scored
        ]

    async def closest_snapshot(
        self, url: str, client: httpx.AsyncClient, timestamp: str | None = None
    ) -> tuple[str, str] | None:
        """The capture closest to `timestamp` (see `citecheck.net.archive`), asked under this
        back-end's rate limiter."""
        api = Availability(self.env, limiter=self.limiter)
        api.cache = self.cache
        return await api.closest(url, client, timestamp)

    async def probe(self, client: httpx.AsyncClient) -> None:
        await self.closest_snapshot("example.com", client)


def _live_url(original: str) -> str:
    """CDX `original` as a fetchable URL: the archive keeps ":80" and old http:// spellings."""
    parts = urlsplit(original)
    if parts.port in (80, 443) and parts.hostname:
        return original.replace(f"{parts.hostname}:{parts.port}", parts.hostname, 1)
    return original

"""What every search back-end shares: hits, and JSON calls on the `citecheck.net` floor.

A back-end turns a `SearchQuery` into `Call`s (built without a client, so the cassette builder
can list them) and each JSON answer into `SearchHit`s; rate limits, the answer cache, retries
and errors come from `citecheck.net.api.JsonApi`. A back-end that fails raises `BackendError`
with a one-line reason that holds no key.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar

import httpx

from ...net.api import Call, JsonApi
from ...net.http import BackendError, strip_tags
from ...net.ratelimit import RateLimiter
from ..links import is_http_url
from ..queries import WORD, SearchQuery

__all__ = [
    "Backend",
    "BackendError",
    "Call",
    "SearchBackend",
    "SearchHit",
    "SearchQuery",
    "phrase_in",
    "strip_tags",
    "utc_now",
]


@dataclass(frozen=True)
class SearchHit:
    """One result of one back-end: a page that may hold the quote."""

    url: str
    title: str = ""
    backend: str = ""
    snippet: str = ""
    date: str | None = None  # ISO yyyy-mm-dd where the back-end gives one
    phrase_hit: bool = False  # the back-end matched the exact phrase (or its snippet shows it)
    archive_url: str | None = None  # raw Wayback capture, for hits that come from the archive


def phrase_in(phrase: str, *texts: str) -> bool:
    """True if `phrase` stands in one of `texts`, case, punctuation and spacing aside."""
    want = " ".join(w.lower() for w in WORD.findall(phrase))
    return bool(want) and any(
        want in " ".join(w.lower() for w in WORD.findall(t or "")) for t in texts
    )


def utc_now() -> datetime:
    return datetime.now(UTC)


class Backend(JsonApi):
    """A search or fact-check service. Subclasses set `name`, `key_env` or `url_env`, `interval`
    (seconds between two requests to one host) and implement `requests()`; search back-ends
    also `parse()`. `now` is injectable so tests fix the date windows."""

    kind: ClassVar[str] = "search"  # "search" proposes sources; "factcheck" rates claims

    def __init__(
        self,
        env: Mapping[str, str] | None = None,
        *,
        limiter: RateLimiter | None = None,
        now: Callable[[], datetime] = utc_now,
    ):
        super().__init__(env, limiter=limiter)
        self.now = now

    def calls(self, query: SearchQuery) -> list[Call]:
        """The requests for `query`; none when it has no terms or the back-end is not set up."""
        if not query.terms or self.configured():
            return []
        return self.requests(query)

    def requests(self, query: SearchQuery) -> list[Call]:
        raise NotImplementedError

    def reaches(self, query: SearchQuery) -> bool:
        """Whether the back-end searches the query's dates at all (GDELT: the last 3 months)."""
        return True

    def reach_note(self, query: SearchQuery) -> str:
        """Why `reaches` is False, in one line."""
        return "cannot search the quote's dates"

    async def collect(self, query: SearchQuery, client: httpx.AsyncClient, parse) -> list:
        """Every call for `query` asked, each JSON answer through `parse(call, data)`; a
        malformed answer is a BackendError like any other failure."""
        found: list = []
        for call in self.calls(query):
            data = await self.get_json(call, client)
            try:
                found.extend(parse(call, data))
            except (AttributeError, KeyError, TypeError, ValueError) as exc:
                raise BackendError(f"unexpected answer from {call.host}: {exc!r}") from None
        return found

    async def probe(self, client: httpx.AsyncClient) -> None:
        """One small request that shows the back-end answers; BackendError when it does not."""
        for call in self.calls(SearchQuery(loose="weather forecast", max_results=1))[:1]:
            await self.get_json(call, client)


class SearchBackend(Backend):
    """A back-end that proposes pages: `search()` runs every call and parses the answers."""

    @staticmethod
    def records(data: Any, who: str, *path: str) -> list[dict]:
        """The result objects that carry a URL, under `path` of a JSON answer (none when the
        path is absent: that is how these APIs say nothing matched); BackendError when the
        answer is not a JSON object at all."""
        if not isinstance(data, dict):
            raise BackendError(f"{who} answered something other than a JSON object")
        for key in path[:-1]:
            data = data.get(key) or {}
        found = data.get(path[-1]) or []
        return [r for r in found if isinstance(r, dict) and r.get("url")]

    def hit(
        self,
        query: SearchQuery,
        url: object,
        title: object = "",
        snippet: object = "",
        date: str | None = None,
        *,
        matched: bool | None = None,
    ) -> SearchHit:
        """One result as a SearchHit. `matched`: whether the engine matched the exact phrase in
        the text; None when it cannot say, and the title or snippet is read for it instead."""
        title, snippet = str(title or ""), str(snippet or "")
        if matched is None:
            matched = query.exact and phrase_in(query.phrase, title, snippet)
        return SearchHit(
            str(url), title=title, backend=self.name, snippet=snippet, date=date,
            phrase_hit=query.exact and matched,
        )  # fmt: skip

    def parse(self, query: SearchQuery, call: Call, data: Any) -> list[SearchHit]:
        raise NotImplementedError

    async def search(self, query: SearchQuery, client: httpx.AsyncClient) -> list[SearchHit]:
        """Hits for `query`, best first as the back-end ranks them; BackendError on failure."""
        hits = await self.collect(query, client, lambda call, data: self.parse(query, call, data))
        good = [h for h in hits if is_http_url(h.url)]
        return good[: max(0, query.max_results)]

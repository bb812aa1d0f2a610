"""Media Cloud (v4 search API): a research archive of online news going back years.

Why: GDELT sees about three months; Media Cloud's story index reaches much older news, which is
where a quote "in a 2013 interview" lives. The token comes from $MEDIACLOUD_API_KEY and travels
as `Authorization: Token <key>`. Queries use the index's query-string syntax (quoted phrases);
`start` and `end` are required dates.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any

from citecheck.discover.search import (
    BackendError,
    Call,
    RateLimiter,
    SearchBackend,
    SearchHit,
    SearchQuery,
)

API = "https://search.mediacloud.org/api/search/story-list"
PLATFORM = "onlinenews-mediacloud"
ENV_KEY = "MEDIACLOUD_API_KEY"
MAX_PAGE = 1000
DEFAULT_YEARS = 3  # the window searched when the draft gives no date


def _today() -> date:
    return datetime.now(UTC).date()


class MediaCloud(SearchBackend):
    """Media Cloud story list, with the token in $MEDIACLOUD_API_KEY."""

    name = "mediacloud"
    keyless = False
    env_vars = (ENV_KEY,)
    interval = 1.0
    description = "Media Cloud online news archive (MEDIACLOUD_API_KEY)"

    def __init__(
        self,
        env: Mapping[str, str] | None = None,
        *,
        limiter: RateLimiter | None = None,
        today: Callable[[], date] = _today,
    ):
        super().__init__(env, limiter=limiter)
        self.today = today

    def calls(self, query: SearchQuery) -> list[Call]:
        if not query.terms or self.configured():
            return []
        end = query.date_to or self.today()
        start = query.date_from or end - timedelta(days=365 * DEFAULT_YEARS)
        params = (
            ("q", f'"{query.phrase}"' if query.exact else query.loose),
            ("start", start.isoformat()),
            ("end", end.isoformat()),
            ("platform", PLATFORM),
            ("page_size", str(max(1, min(query.max_results, MAX_PAGE)))),
        )
        headers = (
            ("Accept", "application/json"),
            ("Authorization", f"Token {self.env[ENV_KEY].strip()}"),
        )
        return [Call(API, params, headers)]

    def parse(self, query: SearchQuery, call: Call, data: Any) -> list[SearchHit]:
        if not isinstance(data, dict):
            raise BackendError("Media Cloud answered something other than a JSON object")
        hits = []
        for story in data.get("stories") or []:
            if not isinstance(story, dict) or not story.get("url"):
                continue
            hits.append(
                SearchHit(
                    url=str(story["url"]),
                    title=str(story.get("title") or ""),
                    backend=self.name,
                    snippet=str(story.get("media_name") or ""),
                    date=str(story.get("publish_date") or "")[:10] or None,
                    phrase_hit=query.exact,  # the index matched the quoted phrase in the text
                )
            )
        return hits

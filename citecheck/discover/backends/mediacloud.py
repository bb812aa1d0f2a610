"""Media Cloud (v4 search API): a research archive of online news going back years.

Why: GDELT sees about three months; Media Cloud's story index reaches much older news, which is
where a quote "in a 2013 interview" lives. The token comes from $MEDIACLOUD_API_KEY and travels
as `Authorization: Token <key>`. Queries use the index's query-string syntax (quoted phrases);
`start` and `end` are required dates.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from .base import Call, SearchBackend, SearchHit, SearchQuery

API = "https://search.mediacloud.org/api/search/story-list"
PLATFORM = "onlinenews-mediacloud"
ENV_KEY = "MEDIACLOUD_API_KEY"
MAX_PAGE = 1000
DEFAULT_YEARS = 3  # the window searched when the draft gives no date


class MediaCloud(SearchBackend):
    """Media Cloud story list, with the token in $MEDIACLOUD_API_KEY."""

    name = "mediacloud"
    key_env = ENV_KEY

    def requests(self, query: SearchQuery) -> list[Call]:
        end = query.date_to or self.now().date()
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
        hits = []
        for story in self.records(data, "Media Cloud", "stories"):
            day = str(story.get("publish_date") or "")[:10] or None
            # the index matched the quoted phrase in the text
            hits.append(
                self.hit(query, story["url"], story.get("title"), story.get("media_name"), day,
                         matched=True)
            )  # fmt: skip
        return hits

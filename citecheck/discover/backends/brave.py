"""Brave Search web API: an independent web index, with a subscription token.

Why: a real web index (not a scraper) with `site:` and quoted-phrase support and a date range
filter (`freshness=YYYY-MM-DDtoYYYY-MM-DD`). The token comes from $BRAVE_API_KEY and travels in
the `X-Subscription-Token` header; at most 20 results a request.
"""

from __future__ import annotations

from typing import Any

from .base import Call, SearchBackend, SearchHit, SearchQuery, strip_tags
from .searxng import web_query

API = "https://api.search.brave.com/res/v1/web/search"
ENV_KEY = "BRAVE_API_KEY"
MAX_COUNT = 20
MAX_QUERY_CHARS = 400
# ISO 639-1 -> Brave's search_lang code where they differ; others pass when Brave lists them.
_LANG = {"ja": "jp", "zh": "zh-hans", "pt": "pt-pt", "no": "nb"}
_BRAVE_LANGS = frozenset(
    "ar eu bn bg ca hr cs da nl en et fi fr gl de gu he hi hu is it jp kn ko lv lt ms ml mr nb pl "
    "pt-br pt-pt pa ro ru sr sk sl es sv ta te th tr uk vi zh-hans zh-hant".split()
)


class Brave(SearchBackend):
    """Brave web search with the key in $BRAVE_API_KEY."""

    name = "brave"
    key_env = ENV_KEY

    def requests(self, query: SearchQuery) -> list[Call]:
        params = [
            ("q", web_query(query)[:MAX_QUERY_CHARS]),
            ("count", str(max(1, min(query.max_results, MAX_COUNT)))),
        ]
        lang = _LANG.get(query.language or "", query.language or "")
        if lang in _BRAVE_LANGS:
            params.append(("search_lang", lang))
        if query.date_from and query.date_to:
            params.append(("freshness", f"{query.date_from}to{query.date_to}"))
        headers = (
            ("Accept", "application/json"),
            ("X-Subscription-Token", self.env[ENV_KEY].strip()),
        )
        return [Call(API, tuple(params), headers)]

    def parse(self, query: SearchQuery, call: Call, data: Any) -> list[SearchHit]:
        hits = []
        for r in self.records(data, "Brave", "web", "results"):
            title = strip_tags(r.get("title") or "")
            snippet = strip_tags(r.get("description") or "")
            day = str(r.get("page_age") or "")[:10] or None
            hits.append(self.hit(query, r["url"], title, snippet, day))
        return hits

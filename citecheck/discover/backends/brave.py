"""Brave Search web API: an independent web index, with a subscription token.

Why: a real web index (not a scraper) with `site:` and quoted-phrase support and a date range
filter (`freshness=YYYY-MM-DDtoYYYY-MM-DD`). The token comes from $BRAVE_API_KEY and travels in
the `X-Subscription-Token` header; at most 20 results a request.
"""

from __future__ import annotations

from typing import Any

from citecheck.discover.backends.searxng import web_query
from citecheck.discover.search import (
    BackendError,
    Call,
    SearchBackend,
    SearchHit,
    SearchQuery,
    phrase_in,
    strip_tags,
)

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
    keyless = False
    env_vars = (ENV_KEY,)
    interval = 1.0
    description = "Brave Search web API (BRAVE_API_KEY)"

    def calls(self, query: SearchQuery) -> list[Call]:
        if not query.terms or self.configured():
            return []
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
        if not isinstance(data, dict):
            raise BackendError("Brave answered something other than a JSON object")
        web = data.get("web") or {}  # absent when nothing matched
        hits = []
        for r in web.get("results") or []:
            if not isinstance(r, dict) or not r.get("url"):
                continue
            title = strip_tags(r.get("title") or "")
            snippet = strip_tags(r.get("description") or "")
            hits.append(
                SearchHit(
                    url=str(r["url"]),
                    title=title,
                    backend=self.name,
                    snippet=snippet,
                    date=str(r.get("page_age") or "")[:10] or None,
                    phrase_hit=query.exact and phrase_in(query.phrase, title, snippet),
                )
            )
        return hits

"""SearXNG: a self-hosted metasearch instance, asked through its JSON search API.

Why: no key and no third-party account; a newsroom runs its own instance and chooses its
engines. The instance must have the `json` format enabled in its settings (otherwise it answers
403). The query syntax is passed to the engines, so `site:` and quoted phrases work where they do.
"""

from __future__ import annotations

from typing import Any

from ..links import is_http_url
from .base import Call, SearchBackend, SearchHit, SearchQuery, strip_tags

ENV_URL = "SEARXNG_URL"


def site_clause(domains: tuple[str, ...]) -> str:
    """`site:a` or `(site:a OR site:b)` for web search engines."""
    sites = [f"site:{d}" for d in domains]
    return sites[0] if len(sites) == 1 else "(" + " OR ".join(sites) + ")" if sites else ""


def web_query(query: SearchQuery) -> str:
    """A web search engine's query: quoted phrase or keywords, then the outlet's sites."""
    terms = f'"{query.phrase}"' if query.exact else query.loose
    return " ".join(p for p in (terms, site_clause(query.domains)) if p)


class SearXNG(SearchBackend):
    """A SearXNG instance at $SEARXNG_URL (`/search?format=json`)."""

    name = "searxng"
    url_env = ENV_URL

    def configured(self, env=None) -> str | None:
        env = self.env if env is None else env
        url = env.get(ENV_URL, "").strip()
        if not url:
            return f"{ENV_URL} not set (the address of a SearXNG instance)"
        if not is_http_url(url):
            return f"{ENV_URL} is not an http(s) URL"
        return None

    def requests(self, query: SearchQuery) -> list[Call]:
        params = [("q", web_query(query)), ("format", "json"), ("pageno", "1")]
        if query.language:
            params.append(("language", query.language))
        base = self.env[ENV_URL].strip().rstrip("/")
        return [Call(f"{base}/search", tuple(params))]

    def parse(self, query: SearchQuery, call: Call, data: Any) -> list[SearchHit]:
        hits = []
        for r in self.records(data, "SearXNG", "results"):
            title, snippet = strip_tags(r.get("title") or ""), strip_tags(r.get("content") or "")
            day = str(r.get("publishedDate") or "")[:10] or None
            hits.append(self.hit(query, r["url"], title, snippet, day))
        return hits

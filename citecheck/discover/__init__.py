"""Finding the sources of a draft's quotes.

    candidates  what the draft gives: links near the quote, the reporter's --sources list
    links       URLs in the draft, canonical forms, the --sources file
    queries     searches built from a quote, its speaker, outlet and dates
    transcribe  English names as the Russian press writes them (James: Джеймс)
    backends/   the search and fact-check services, one file each, in a plain registry
    search      asking the back-ends about many quotes at once, under their rate limits;
                a draft's quotes of one outlet share the pages found for any of them
    ranking     every back-end's hits for one quote as ranked, de-duplicated candidates
"""

from __future__ import annotations

from .candidates import candidates_for
from .links import canonical_url, is_http_url, links_near, load_sources_file
from .queries import (
    SearchQuery,
    build_queries,
    distinctive_phrase,
    expected_language,
    outlet_for,
    phrases,
    search_plan,
)
from .search import check_claims, discover_sources

__all__ = [
    "SearchQuery",
    "build_queries",
    "candidates_for",
    "canonical_url",
    "check_claims",
    "discover_sources",
    "distinctive_phrase",
    "expected_language",
    "is_http_url",
    "links_near",
    "load_sources_file",
    "outlet_for",
    "phrases",
    "search_plan",
]

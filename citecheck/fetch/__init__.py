"""The fetch stage: source URLs to `Page`s (text, title, date, language, or why not).

    fetcher     politely and safely over `citecheck.net`: limits, retries, redirects checked,
                robots.txt, the HTTP cache, the Internet Archive for dead links
    pages       bytes to text: HTML (trafilatura, lxml), PDF (pypdf), plain text
"""

from __future__ import annotations

from .config import DEFAULT_USER_AGENT, FetchConfig
from .fetcher import fetch_pages, fetch_pages_sync
from .pages import parse_page

__all__ = ["DEFAULT_USER_AGENT", "FetchConfig", "fetch_pages", "fetch_pages_sync", "parse_page"]

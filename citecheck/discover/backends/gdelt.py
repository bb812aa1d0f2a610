"""GDELT DOC 2.0 and Context 2.0: keyless full-text search of world news in 65 languages.

Why GDELT: no key, exact-phrase search over the article text, `domain:` and `sourcelang:`
operators, so one request asks "did this outlet print these words?". Limits it publishes and we
keep: a rolling window of about three months, at most 250 records, one request every 5 seconds.
Errors in the query come back as a text/html page with status 200; no match is an empty object.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import httpx

from .base import BackendError, Call, SearchBackend, SearchHit, SearchQuery

DOC_API = "https://api.gdeltproject.org/api/v2/doc/doc"
CONTEXT_API = "https://api.gdeltproject.org/api/v2/context/context"
MAX_RECORDS = 250
WINDOW = timedelta(days=90)  # the rolling window the API searches

# `sourcelang:` takes the language's English name.
LANGUAGES = {
    "af": "afrikaans", "ar": "arabic", "bg": "bulgarian", "bn": "bengali", "ca": "catalan",
    "cs": "czech", "da": "danish", "de": "german", "el": "greek", "en": "english",
    "es": "spanish", "et": "estonian", "fa": "persian", "fi": "finnish", "fr": "french",
    "he": "hebrew", "hi": "hindi", "hr": "croatian", "hu": "hungarian", "id": "indonesian",
    "it": "italian", "ja": "japanese", "ko": "korean", "lt": "lithuanian", "lv": "latvian",
    "nl": "dutch", "no": "norwegian", "pl": "polish", "pt": "portuguese", "ro": "romanian",
    "ru": "russian", "sk": "slovak", "sl": "slovenian", "sr": "serbian", "sv": "swedish",
    "th": "thai", "tr": "turkish", "uk": "ukrainian", "ur": "urdu", "vi": "vietnamese",
    "zh": "chinese",
}  # fmt: skip


def seen_date(value: str | None) -> str | None:
    """GDELT's `seendate` ("20250311T101500Z") as an ISO date ("2025-03-11")."""
    if not value or len(value) < 8 or not value[:8].isdigit():
        return None
    return f"{value[:4]}-{value[4:6]}-{value[6:8]}"


class Gdelt(SearchBackend):
    """GDELT DOC 2.0 article list: exact phrase or keywords, by outlet domain, language, dates."""

    name = "gdelt"
    interval = 5.0
    endpoint = DOC_API

    def query_text(self, query: SearchQuery) -> str:
        """The `query=` value: "phrase" or keywords, then domain: and sourcelang: operators."""
        parts = [f'"{query.phrase}"' if query.exact else query.loose]
        if query.domains:
            sites = [f"domain:{d}" for d in query.domains]
            parts.append(sites[0] if len(sites) == 1 else "(" + " OR ".join(sites) + ")")
        if lang := LANGUAGES.get(query.language or ""):
            parts.append(f"sourcelang:{lang}")
        return " ".join(parts)

    def window(self, query: SearchQuery) -> tuple[datetime, datetime] | None:
        """The query's dates clipped to the last three months; None when there are none."""
        if not (query.date_from and query.date_to):
            return None
        now = self.now()
        start = max(datetime.combine(query.date_from, time.min, UTC), now - WINDOW)
        end = min(datetime.combine(query.date_to, time(23, 59, 59), UTC), now)
        if end < start:
            raise BackendError(
                f"the draft's dates ({_span(query.date_from, query.date_to)}) are outside "
                "GDELT's three-month window"
            )
        return start, end

    def reaches(self, query: SearchQuery) -> bool:
        """False for a quote the draft dates before GDELT's rolling three-month window."""
        if not query.date_to:
            return True
        return datetime.combine(query.date_to, time(23, 59, 59), UTC) >= self.now() - WINDOW

    def reach_note(self, query: SearchQuery) -> str:
        since = (self.now() - WINDOW).date().isoformat()
        span = _span(query.date_from or query.date_to, query.date_to) if query.date_to else "?"
        return (
            f"searches only the last three months (since {since}); the draft dates the quote {span}"
        )

    def requests(self, query: SearchQuery) -> list[Call]:
        params = [
            ("query", self.query_text(query)),
            ("mode", "artlist"),
            ("format", "json"),
            ("maxrecords", str(max(1, min(query.max_results, MAX_RECORDS)))),
            ("sort", "hybridrel"),
        ]
        window = self.window(query)
        if window is None:
            params.append(("timespan", "3months"))
        else:
            params += [
                ("startdatetime", window[0].strftime("%Y%m%d%H%M%S")),
                ("enddatetime", window[1].strftime("%Y%m%d%H%M%S")),
            ]
        return [Call(self.endpoint, tuple(params))]

    def decode(self, response: httpx.Response) -> Any:
        ctype = response.headers.get("content-type", "").lower()
        if "json" not in ctype and not response.text.lstrip().startswith(("{", "[")):
            message = " ".join(response.text.split())[:160] or "an empty answer"
            raise BackendError(f"GDELT refused the query: {message}")
        return super().decode(response)

    def parse(self, query: SearchQuery, call: Call, data: Any) -> list[SearchHit]:
        hits = []
        for art in self.records(data, "GDELT", "articles"):
            snippet = art.get("context") or art.get("sentence")
            day = seen_date(art.get("seendate"))
            # GDELT matched the phrase in the text
            hits.append(self.hit(query, art["url"], art.get("title"), snippet, day, matched=True))
        return hits


class GdeltContext(Gdelt):
    """GDELT Context 2.0: like DOC 2.0 but every term must stand in one sentence, which it returns.

    Optional (not a default): it answers with the matching sentence as the snippet.
    """

    name = "gdelt-context"
    endpoint = CONTEXT_API


def _span(start: date, end: date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()} to {end.isoformat()}"

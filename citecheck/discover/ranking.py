"""Every back-end's hits for one quote as ranked, de-duplicated candidates."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ..model import Candidate, Origin
from ..outlets import Outlet
from .backends.base import SearchHit
from .links import canonical_url
from .queries import DAY_SLACK, WORD, SearchQuery

# Rank weights: the credited outlet's own page, the exact words seen, the right dates, agreement.
_OUTLET, _PHRASE, _DATE, _AGREE, _POSITION = 3.0, 2.0, 1.0, 0.5, 0.5


def _in_window(day: str | None, query: SearchQuery) -> bool | None:
    if not day or not (query.date_from and query.date_to):
        return None
    try:
        when = date.fromisoformat(day[:10])
    except ValueError:
        return None
    return query.date_from - DAY_SLACK <= when <= query.date_to + DAY_SLACK


def merge_hits(
    hits: Iterable[SearchHit],
    outlet: Outlet | None,
    query: SearchQuery | None = None,
    *,
    limit: int = 5,
) -> list[Candidate]:
    """One Candidate per canonical URL, best first, at most `limit`.

    Ranked by: on the credited outlet's domains, an exact-phrase hit, a date inside the draft's
    window, how many back-ends agree, and each back-end's own order. `detail` names the back-ends
    that proposed the page; a page only the archive lists has origin "archive".
    """
    groups: dict[str, list[tuple[int, SearchHit]]] = {}
    positions: dict[str, int] = {}
    for hit in hits:
        key = canonical_url(hit.url)
        n = positions[hit.backend] = positions.get(hit.backend, -1) + 1
        groups.setdefault(key, []).append((n, hit))
    ranked = []
    for key, found in groups.items():
        backends = list(dict.fromkeys(h.backend for _, h in found))
        score = _OUTLET if outlet is not None and outlet.owns(key) else 0.0
        score += _PHRASE if any(h.phrase_hit for _, h in found) else 0.0
        if query is not None:
            inside = [_in_window(h.date, query) for _, h in found]
            score += _DATE if True in inside else (-_DATE / 2 if False in inside else 0.0)
        score += _AGREE * (len(backends) - 1) + _POSITION / (1 + min(n for n, _ in found))
        live = [h for _, h in found if h.archive_url is None]
        url = (live or [h for _, h in found])[0].url.strip().split("#", 1)[0]
        origin = Origin.SEARCH if live else Origin.ARCHIVE
        ranked.append(Candidate(url, origin, ",".join(backends), round(score, 6)))
    ranked.sort(key=lambda c: -c.rank)
    return ranked[: max(0, limit)]



def fact_check_overlap(claim: str, query: SearchQuery) -> float:
    """Share of the query's rare words that the claim text holds (0..1)."""
    words = query.words()
    if not words:
        return 0.0
    have = {w.lower() for w in WORD.findall(claim)}
    return sum(w in have for w in words) / len(words)


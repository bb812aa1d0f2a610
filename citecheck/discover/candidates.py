"""Candidate sources the draft itself gives a quote: its links nearby, the reporter's list.

Pure, no network: the fetch stage reads what these propose, in rank order; any URL on the
domains of the outlet the draft credits outranks the rest.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Attribution, Candidate, Document, Origin
from ..outlets import Registry, default_registry
from .links import canonical_url, is_http_url, links_near
from .queries import outlet_for

# Rank tiers: the credited outlet's own pages, then nearby links (nearest first), then the list.
_ON_OUTLET, _LINK, _SOURCES = 2.0, 1.0, 0.5


def candidates_for(
    doc: Document,
    attr: Attribution,
    *,
    sources: Sequence[str] = (),
    registry: Registry | None = None,
    max_candidates: int = 8,
) -> list[Candidate]:
    """URLs that may hold the quote's source, best first, one per canonical URL.

    Links near the quote come first, nearest first, then the `--sources` URLs in their order; any
    URL on the domains of the outlet the draft credits outranks both. Scare quotes get none.
    """
    if not attr.checkable or max_candidates <= 0:
        return []
    outlet = outlet_for(attr, registry or default_registry())
    found: dict[str, Candidate] = {}

    def add(url: str, origin: Origin, rank: float) -> None:
        if not is_http_url(url):
            return  # relative, mailto: and other links have nothing to fetch
        key = canonical_url(url)
        on_outlet = outlet is not None and outlet.owns(key)
        rank = round(rank + (_ON_OUTLET if on_outlet else 0.0), 6)
        if key not in found or rank > found[key].rank:
            # Fetch the address as written (a server may not answer its canonical spelling);
            # only the fragment, which never reaches the server, is dropped.
            fetch_url = url.strip().split("#", 1)[0]
            found[key] = Candidate(fetch_url, origin, outlet.name if on_outlet else "", rank)

    for link, distance in links_near(doc, attr):
        add(link.url, Origin.LINK, _LINK + 1 / (1 + distance / 100))
    for url in sources:
        add(url, Origin.SOURCES, _SOURCES)
    return sorted(found.values(), key=lambda c: -c.rank)[:max_candidates]

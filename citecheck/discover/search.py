"""Asking the search and fact-check back-ends about a draft's quotes, concurrently.

Each back-end runs a quote's queries (`queries.build_queries`) in order and stops at the first
that finds anything; identical queries are asked once per run; the hits become ranked
candidates (`ranking.merge_hits`). A back-end that fails, times out or is not configured
becomes a reason string, never an exception.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import NamedTuple

import httpx

from ..model import Attribution, Candidate, FactCheck, Search
from ..net.cache import AnswerCache
from ..net.http import BackendError
from ..net.mode import Network
from ..outlets import Registry
from .backends import BACKENDS
from .backends.base import Backend, SearchBackend
from .links import canonical_url
from .queries import SearchQuery, build_queries, distinctive_phrase, outlet_for
from .ranking import fact_check_overlap, merge_hits


class Discovered(NamedTuple):
    """What searching found for one quote: candidates, back-end problems, the searches sent."""

    candidates: list[Candidate]
    reasons: list[str]
    searched: list[Search]


# Back-ends asked instead when none of those chosen reaches a quote's dates (GDELT sees three
# months): the keyless archive always, the others when configured.
FURTHER = ("wayback", "mediacloud", "brave", "searxng")


async def discover_sources(
    attrs: Sequence[Attribution],
    registry: Registry,
    backends: Sequence[Backend],
    client: httpx.AsyncClient,
    *,
    max_per_quote: int = 5,
    source_texts: Mapping[str, str] | None = None,
) -> dict[str, Discovered]:
    """Search every checkable attribution on every search back-end, concurrently.

    Returns, per attribution id, its candidates (origin "search" or "archive", `detail` the
    back-end names), one reason per back-end that failed, is not configured or cannot reach the
    quote's dates, and every search sent with the number of results it returned. Each back-end
    runs the queries of `build_queries` in order and stops at the first that finds a page;
    identical queries are asked once per call. A quote dated before every chosen back-end's
    reach (GDELT: three months) is asked of the back-ends that reach further (`FURTHER`).
    Never raises for a back-end's failure.
    `source_texts`: attribution id -> the quote translated into its source's language.
    """
    searchers = [b for b in backends if isinstance(b, SearchBackend)]
    further = _further(searchers)
    memo: dict[tuple[int, SearchQuery], asyncio.Future] = {}

    def run(backend: SearchBackend, query: SearchQuery) -> asyncio.Future:
        key = (id(backend), query)
        if key not in memo:
            memo[key] = asyncio.ensure_future(backend.search(query, client))
        return memo[key]

    async def one_backend(backend: SearchBackend, queries: list[SearchQuery]):
        why = backend.configured()
        if why:
            return [], f"{backend.name}: not configured ({why})", []
        sent: list[Search] = []
        query, asked = None, False
        try:
            for query in queries:
                if not backend.calls(query):
                    continue  # nothing this back-end can ask for it (the archive needs dates)
                asked = True
                hits = await run(backend, query)
                asked = False
                sent.append(Search(query.describe(), backend.name, len(hits)))
                if hits:
                    return hits, None, sent
            return [], None, sent
        except BackendError as exc:
            if query is not None and asked:
                sent.append(Search(query.describe(), backend.name, None))
            return [], f"{backend.name}: {exc.reason}", sent
        except Exception as exc:  # noqa: BLE001 - a broken back-end must not sink the run
            return [], f"{backend.name}: internal error: {type(exc).__name__}: {exc}"[:300], sent

    async def one_attr(attr: Attribution) -> Discovered:
        try:
            queries = build_queries(attr, registry, source_text=(source_texts or {}).get(attr.id))
        except Exception as exc:  # noqa: BLE001 - one quote never sinks the others
            why = f"search: cannot build a query: {type(exc).__name__}: {exc}"[:300]
            return Discovered([], [why], [])
        if not queries or not searchers:
            return Discovered([], [], [])
        chosen, reasons = _reaching(searchers, further, queries[0])
        results = await asyncio.gather(*(one_backend(b, queries) for b in chosen))
        hits = [h for found, _, _ in results for h in found]
        reasons += [why for _, why, _ in results if why]
        searched = [s for _, _, sent in results for s in sent]
        outlet = outlet_for(attr, registry)
        return Discovered(merge_hits(hits, outlet, queries[0], limit=max_per_quote), reasons,
                          searched)  # fmt: skip

    try:
        done = await asyncio.gather(*(one_attr(a) for a in attrs))
    finally:
        for future in memo.values():
            if future.done() and not future.cancelled():
                future.exception()  # mark retrieved: failures were reported as reasons
    done = share_by_outlet(attrs, done, registry)
    return {a.id: r for a, r in zip(attrs, done, strict=True)}


SHARED = 2  # pages found for a draft's other quotes of the same outlet, added to a quote's own


def share_by_outlet(
    attrs: Sequence[Attribution], found: Sequence[Discovered], registry: Registry
) -> list[Discovered]:
    """Each quote's candidates plus up to `SHARED` pages of its credited outlet that the search
    found for the draft's other quotes credited to that outlet, the page most of them found first.

    A draft quotes one article of an outlet several times ("The article on example.es says ...
    It adds ..."), and the quotes differ in what a search finds them by: one names a person or
    gives a number, the next has neither (across languages, nothing else survives translation),
    a third has the very word the draft changed. The page its siblings found is where the
    matcher looks for it too; whether the words are there is the matcher's call, so a quote
    misquoted or made up is read against the article it is credited to and comes out `altered`
    or `not_found` rather than `unverifiable`. Only pages on the credited outlet's domains are
    shared, never a platform's (X, YouTube), and no search is sent for them.
    """
    outlets = [outlet_for(a, registry) for a in attrs]
    # a platform's pages are many authors' posts: two quotes "on X" are rarely one post
    outlets = [o if o is not None and o.kind != "platform" else None for o in outlets]
    votes: dict[str, dict[str, tuple[int, Candidate]]] = {}  # outlet -> page -> (votes, first)
    for outlet, result in zip(outlets, found, strict=True):
        if outlet is None:
            continue
        pages = votes.setdefault(outlet.name, {})
        for cand in result.candidates:
            if outlet.owns(cand.url):
                key = canonical_url(cand.url)
                n, first = pages.get(key, (0, cand))
                pages[key] = (n + 1, first)
    out = []
    for outlet, result in zip(outlets, found, strict=True):
        pages = votes.get(outlet.name, {}) if outlet is not None else {}
        own = {canonical_url(c.url) for c in result.candidates}
        others = sorted(
            (c for key, (_, c) in pages.items() if key not in own),
            key=lambda c: (-pages[canonical_url(c.url)][0], -c.rank),
        )
        floor = min((c.rank for c in result.candidates), default=1.0)
        extra = [
            replace(
                c,
                detail=f"{c.detail}; found for another quote credited to {outlet.name}",
                rank=round(floor - 0.1 * (i + 1), 6),
            )
            for i, c in enumerate(others[:SHARED])
        ]
        out.append(result._replace(candidates=[*result.candidates, *extra]) if extra else result)
    return out


def _further(searchers: Sequence[SearchBackend]) -> list[SearchBackend]:
    """The back-ends of `FURTHER` not chosen, set up like the chosen ones (environment, rate
    limiter, answer cache)."""
    if not searchers:
        return []
    first = searchers[0]
    chosen = {b.name for b in searchers}
    out = []
    for name in FURTHER:
        if name in chosen:
            continue
        backend = BACKENDS[name](first.env, limiter=first.limiter)
        backend.cache = first.cache
        out.append(backend)
    return out


def _reaching(
    searchers: Sequence[SearchBackend], further: Sequence[SearchBackend], query: SearchQuery
) -> tuple[list[SearchBackend], list[str]]:
    """The chosen back-ends that reach the query's dates, and a reason for each that does not;
    when none does, the configured back-ends of `FURTHER` that do."""
    chosen = [b for b in searchers if b.reaches(query)]
    short = [b for b in searchers if b not in chosen]
    if not short:
        return chosen, []
    extra = [] if chosen else [b for b in further if not b.configured() and b.reaches(query)]
    instead = ", ".join(b.name for b in [*chosen, *extra]) or "no other back-end configured"
    reasons = [f"{b.name}: {b.reach_note(query)}; asked instead: {instead}" for b in short]
    return [*chosen, *extra], reasons


async def check_claims(
    attrs: Sequence[Attribution],
    registry: Registry,
    backends: Sequence[Backend],
    client: httpx.AsyncClient,
    *,
    min_overlap: float = 0.6,
) -> dict[str, tuple[list[FactCheck], list[str]]]:
    """Fact-checks of claims that hold the quote's words, per attribution id, plus reasons.

    Only fact-check back-ends are asked; a claim counts when it holds at least `min_overlap` of
    the quote's rare words (the claim search matches loosely). Never raises for a back-end.
    """
    checkers = [b for b in backends if b.kind == "factcheck"]
    out: dict[str, tuple[list[FactCheck], list[str]]] = {}
    for attr in attrs:
        phrase = distinctive_phrase(attr.quote) if attr.checkable else ""
        found: list[FactCheck] = []
        reasons: list[str] = []
        if phrase and checkers:
            # the claim in the quote's own words, whatever language the source writes in
            query = SearchQuery(phrase=phrase, max_results=10)
            for backend in checkers:
                why = backend.configured()
                if why:
                    reasons.append(f"{backend.name}: not configured ({why})")
                    continue
                try:
                    checks = await backend.claims(query, client)  # type: ignore[attr-defined]
                except BackendError as exc:
                    reasons.append(f"{backend.name}: {exc.reason}")
                    continue
                except Exception as exc:  # noqa: BLE001
                    reasons.append(f"{backend.name}: internal error: {type(exc).__name__}")
                    continue
                found += [c for c in checks if fact_check_overlap(c.claim, query) >= min_overlap]
        out[attr.id] = (list(dict.fromkeys(found)), reasons)
    return out


Groups = Sequence[Sequence[Attribution]]  # the quotes of each document of a run
Found = dict[tuple[int, str], tuple[list, list]]  # (document, attribution id) -> results


def search_run(
    unlinked: Groups,
    checkable: Groups,
    registry: Registry,
    backends: Sequence[Backend],
    *,
    network: Network,
    user_agent: str,
    timeout: httpx.Timeout,
    cache_dir: str | None = None,
    cache: bool = True,
    max_per_quote: int = 5,
    source_texts: Sequence[Mapping[str, str]] = (),
) -> tuple[Found, Found]:
    """Ask the search back-ends about the quotes the drafts give no source for (`unlinked`), and
    the fact-check back-ends about every checkable quote; one event loop and one client for the
    whole run, per-host rate limits shared, answers kept on disk in `cache_dir` (when `cache`,
    outside replay and record). Never raises for a back-end.

    Returns (candidates and reasons, fact-checks and reasons), keyed by (document, attribution).
    """
    claims = any(b.kind == "factcheck" for b in backends)
    if not any(unlinked) and not claims:
        return {}, {}
    answers = None
    if cache and not network.recorded:
        answers = AnswerCache(cache_dir)
        for b in backends:
            b.cache = answers

    async def gather(call, groups: Groups) -> Found:
        results = await asyncio.gather(*(call(attrs, d) for d, attrs in enumerate(groups)))
        return {(d, aid): r for d, res in enumerate(results) for aid, r in res.items()}

    async def run() -> tuple[Found, Found]:
        try:
            headers = {"User-Agent": user_agent}
            async with httpx.AsyncClient(timeout=timeout, headers=headers) as client:
                found = await gather(
                    lambda attrs, d: discover_sources(
                        attrs,
                        registry,
                        backends,
                        client,
                        max_per_quote=max_per_quote,
                        source_texts=source_texts[d] if d < len(source_texts) else None,
                    ),
                    unlinked,
                )
                checks = {}
                if claims:
                    checks = await gather(
                        lambda attrs, _d: check_claims(attrs, registry, backends, client),
                        checkable,
                    )
            return found, checks
        finally:
            if answers is not None:
                await answers.close()

    with network.session():
        return asyncio.run(run())

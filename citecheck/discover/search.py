"""Asking the search and fact-check back-ends about a draft's quotes, concurrently.

Each back-end runs a quote's queries (`queries.build_queries`) in order and stops at the first
that finds anything; identical queries are asked once per run; the hits become ranked
candidates (`ranking.merge_hits`). A back-end that fails, times out or is not configured
becomes a reason string, never an exception.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence

import httpx

from ..model import Attribution, Candidate, FactCheck
from ..net.cache import AnswerCache
from ..net.http import BackendError
from ..net.mode import Network
from ..outlets import Registry
from .backends.base import Backend, SearchBackend
from .queries import SearchQuery, build_queries, outlet_for
from .ranking import fact_check_overlap, merge_hits


async def discover_sources(
    attrs: Sequence[Attribution],
    registry: Registry,
    backends: Sequence[Backend],
    client: httpx.AsyncClient,
    *,
    max_per_quote: int = 5,
    source_texts: Mapping[str, str] | None = None,
) -> dict[str, tuple[list[Candidate], list[str]]]:
    """Search every checkable attribution on every search back-end, concurrently.

    Returns, per attribution id, its candidates (origin "search" or "archive", `detail` the
    back-end names) and one reason per back-end that failed or is not configured. Each back-end
    runs the queries of `build_queries` in order and stops at the first that finds anything;
    identical queries are asked once per call. Never raises for a back-end's failure.
    `source_texts`: attribution id -> the quote translated into its source's language.
    """
    searchers = [b for b in backends if isinstance(b, SearchBackend)]
    memo: dict[tuple[int, SearchQuery], asyncio.Future] = {}

    def run(backend: SearchBackend, query: SearchQuery) -> asyncio.Future:
        key = (id(backend), query)
        if key not in memo:
            memo[key] = asyncio.ensure_future(backend.search(query, client))
        return memo[key]

    async def one_backend(backend: SearchBackend, queries: list[SearchQuery]):
        why = backend.configured()
        if why:
            return [], f"{backend.name}: not configured ({why})"
        try:
            for query in queries:
                hits = await run(backend, query)
                if hits:
                    return hits, None
            return [], None
        except BackendError as exc:
            return [], f"{backend.name}: {exc.reason}"
        except Exception as exc:  # noqa: BLE001 - a broken back-end must not sink the run
            return [], f"{backend.name}: internal error: {type(exc).__name__}: {exc}"[:300]

    async def one_attr(attr: Attribution) -> tuple[list[Candidate], list[str]]:
        try:
            queries = build_queries(attr, registry, source_text=(source_texts or {}).get(attr.id))
        except Exception as exc:  # noqa: BLE001 - one quote never sinks the others
            return [], [f"search: cannot build a query: {type(exc).__name__}: {exc}"[:300]]
        if not queries or not searchers:
            return [], []
        results = await asyncio.gather(*(one_backend(b, queries) for b in searchers))
        hits = [h for found, _ in results for h in found]
        reasons = [why for _, why in results if why]
        outlet = outlet_for(attr, registry)
        return merge_hits(hits, outlet, queries[0], limit=max_per_quote), reasons

    try:
        done = await asyncio.gather(*(one_attr(a) for a in attrs))
    finally:
        for future in memo.values():
            if future.done() and not future.cancelled():
                future.exception()  # mark retrieved: failures were reported as reasons
    return {a.id: r for a, r in zip(attrs, done, strict=True)}



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
        queries = build_queries(attr, registry)
        found: list[FactCheck] = []
        reasons: list[str] = []
        if queries and checkers:
            query = SearchQuery(phrase=queries[0].phrase, max_results=10)
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

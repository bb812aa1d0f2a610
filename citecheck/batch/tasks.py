"""What the Dask workers run: plan a partition, fetch one host's pages, judge and write.

    plan_partition   articles -> Documents -> the pipeline's Plan (extraction, discovery)
    fetch_host       one host's new URLs, fetched politely, stored in the run's page store;
                     the host's previous fetch task is its input, so the tasks of one host form a
                     chain the scheduler runs one at a time, passing on when the host may next be
                     asked and its robots.txt (politeness across workers without a shared lock)
    finish_partition the stored pages -> the pipeline's matching and judging -> Parquet files,
                     then the partition's marker (the file that makes it done)

Every function takes and returns typed, picklable data; none raises for bad input: an article
that cannot be loaded is a BadInput, a page that could not be fetched a Page with a status.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from ..document import load_text
from ..fetch import fetch_pages_sync
from ..model import Page
from ..net.guard import host_of
from ..net.robots import RobotsFile
from ..options import Options
from ..pagefacts import PageFacts, page_facts
from ..pipeline import Plan, judge_plan, plan_documents
from . import tables
from .inputs import Article, BadInput, Partition
from .propagation import signatures
from .store import Layout


@dataclass(frozen=True)
class PlannedPartition:
    """A partition after extraction and discovery: the articles that loaded, their Plan (one
    Document each, in order) and what could not be read."""

    key: str
    articles: tuple[Article, ...]
    plan: Plan
    bad: tuple[BadInput, ...]

    @property
    def urls(self) -> tuple[str, ...]:
        return self.plan.urls


@dataclass(frozen=True)
class HostState:
    """What the next fetch task of a host must know: when it may ask the host again (wall
    clock) and the robots.txt files already read, as (url, text, disallow_all, note)."""

    host: str
    next_at: float = 0.0
    robots: tuple[tuple[str, str | None, str, str], ...] = ()
    fetched: int = 0  # pages fetched from this host so far in this run


@dataclass(frozen=True)
class PartitionDone:
    """A partition written: what it held, for the progress bar and the summary."""

    key: str
    articles: int
    findings: int
    bad: tuple[BadInput, ...]


def plan_partition(part: Partition, opts: Options) -> PlannedPartition:
    """Load and plan every article of a partition; one that fails is counted, not fatal."""
    bad = list(part.bad)
    articles: list[Article] = []
    docs = []
    jobs = []
    for article in part.articles:
        try:
            doc = load_text(article.text, article.url or article.place, article.format)
            planned = plan_documents([doc], opts)
        except Exception as exc:  # noqa: BLE001 - one article never sinks its partition
            bad.append(BadInput(article.place, f"cannot be read: {exc!r}"[:300]))
            continue
        n = len(docs)
        docs.append(doc)
        articles.append(article)
        jobs += [replace(job, doc=n) for job in planned.jobs]
    return PlannedPartition(part.key, tuple(articles), Plan(tuple(docs), tuple(jobs)), tuple(bad))


def urls_of(planned: PlannedPartition) -> tuple[str, ...]:
    """The partition's distinct candidate URLs: all the driver needs to plan the fetching."""
    return planned.urls


def fetch_host(
    host: str, urls: Sequence[str], previous: HostState | None, out: str, opts: Options
) -> HostState:
    """Fetch `urls` (all on `host`) that the page store lacks, and store every outcome."""
    layout = Layout(out)
    state = previous or HostState(host)
    todo = [u for u in dict.fromkeys(urls) if not layout.has_page(u)]
    if not todo:
        return state
    wait = state.next_at - time.time()
    if wait > 0:
        time.sleep(min(wait, opts.fetch.max_retry_wait))
    robots = {
        _origin(url): RobotsFile(url, text=text, disallow_all=away, note=note)
        for url, text, away, note in state.robots
    }
    try:
        pages = fetch_pages_sync(todo, opts.fetch, network=opts.network, robots=robots)
    except Exception as exc:  # noqa: BLE001 - a broken cassette or client: every URL says why
        pages = {u: Page(u, "error", reason=f"{type(exc).__name__}: {exc}"[:300]) for u in todo}
    for page in pages.values():
        layout.put_page(page)
    delays = [opts.fetch.host_delay] + [
        r.crawl_delay(opts.fetch.user_agent) or 0.0 for r in robots.values()
    ]
    delay = min(max(delays), opts.fetch.max_retry_wait)
    kept = tuple((r.url, r.text, r.disallow_all, r.note) for r in robots.values())
    return HostState(host, time.time() + delay, kept, state.fetched + len(todo))


def _origin(robots_txt_url: str) -> str:
    return robots_txt_url.removesuffix("/robots.txt").lower()


def finish_partition(
    planned: PlannedPartition,
    fetched: Sequence[HostState],
    owned: Sequence[str],
    out: str,
    opts: Options,
    sign: bool = True,
) -> PartitionDone:
    """Judge every quote of the partition against the stored pages and write its files.

    `fetched` are the fetch tasks it waited for (their values unused); `owned` the URLs whose
    row in the sources table this partition writes (one partition per URL in a run); `sign`:
    make the quotes' MinHash signatures for the propagation step (a run without it leaves them
    empty; a later run with it makes the missing ones).
    """
    layout = Layout(out)
    pages = {u: _stored(layout, u, opts) for u in planned.urls}
    report = judge_plan(planned.plan, pages, opts, facts=lambda p: _facts(out, p.url, p.text))
    findings, quotes = [], []
    for article, doc in zip(planned.articles, report.documents, strict=True):
        for finding in doc.findings:
            findings.append(tables.finding_row(article, finding))
            if finding.attribution.checkable and finding.attribution.kind != "indirect":
                quotes.append(tables.quote_row(article, finding))
    sigs = signatures([q["quote"] for q in quotes]) if sign else [None] * len(quotes)
    for row, sig in zip(quotes, sigs, strict=True):
        row["minhash"] = sig
    sources = [tables.source_row(pages[u], host_of(u)) for u in owned]
    key = planned.key
    tables.write_table(layout.part(layout.findings, key), "findings", findings)
    tables.write_table(layout.part(layout.sources, key), "sources", sources)
    tables.write_table(layout.part(layout.quotes, key), "quotes", quotes)
    info = {
        "articles": len(planned.articles),
        "findings": len(findings),
        "bad": [{"place": b.place, "problem": b.problem} for b in planned.bad],
    }
    layout.write_marker(key, info)  # last: the partition is done once this file exists
    return PartitionDone(key, len(planned.articles), len(findings), planned.bad)


_FACTS_LOCKS = tuple(threading.Lock() for _ in range(64))  # a page's threads wait; others not
_FACTS_CACHED = 50_000  # characters: a larger page is read from the store each time


def _facts(out: str, url: str, text: str) -> PageFacts:
    """A page's PageFacts, worked out once per run: read from the store, else worked out here
    and kept there for every other worker. Threads that meet one new page wait for the first
    to work it out; two processes both work it out, the same facts written whole, either
    write wins. The memory cache holds pages up to _FACTS_CACHED characters (a page's tokens
    take about 25 bytes a character: 256 such pages, some 300 MB at most)."""
    with _FACTS_LOCKS[hash(url) % len(_FACTS_LOCKS)]:
        if len(text) > _FACTS_CACHED:
            return _kept_facts.__wrapped__(out, url, text)
        return _kept_facts(out, url, text)


@lru_cache(maxsize=256)  # ~150 KB a 10 KB page; per worker process, over the run's store
def _kept_facts(out: str, url: str, text: str) -> PageFacts:
    layout = Layout(out)
    kept = layout.get_facts(url, text)
    if kept is None:
        kept = page_facts(text)
        try:
            layout.put_facts(url, text, kept)
        except OSError:
            pass  # a full or read-only disk: the facts serve this process only
    return kept


def _stored(layout: Layout, url: str, opts: Options) -> Page:
    if layout.has_page(url):
        return layout.get_page(url)
    if opts.offline:
        return Page(url, "offline", reason="offline mode: no request made")
    return Page(url, "error", reason="the page was not fetched")

"""The run: load -> attribute -> discover -> fetch -> match -> judge, one typed Job per quote.

Network I/O happens in two places, each over the whole run: the search back-ends (for quotes the
draft gives no source for) and the fetch stage (every distinct URL once); the other stages are
pure. A failing source or quote becomes a Finding with a reason, never an exception that sinks
the run.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import httpx

from . import discover
from .attribution import extract as extract_attributions
from .attribution import named_person, who_said
from .crosslingual import cross_match, embed, translate
from .discover.backends import build_backends
from .discover.search import search_run
from .document import load_text
from .drafts import load_all
from .errors import InputError
from .fetch import fetch_pages_sync
from .judge import Tried, judge
from .match import match_quote, prepare_cached, support_claim
from .model import (
    Attribution,
    Candidate,
    Document,
    DocumentReport,
    FactCheck,
    Finding,
    Grade,
    Kind,
    Page,
    Report,
    Search,
    Verdict,
)
from .net.ratelimit import RateLimiter
from .options import Options
from .outlets import Registry, default_registry
from .pagefacts import PageFacts
from .text.language import detect, quote_language
from .text.lines import line_col


@dataclass(frozen=True)
class Job:
    """One quote on its way through the stages: what discovery proposed for it."""

    doc: int  # the index of its draft in the run
    attribution: Attribution
    candidates: tuple[Candidate, ...] = ()
    searched: tuple[Search, ...] = ()  # the searches sent, or that would be (offline)
    search_errors: tuple[str, ...] = ()
    fact_checks: tuple[FactCheck, ...] = ()


# --- the public entry points ------------------------------------------------------------------


def _load(paths: Sequence[str | Path] | str | Path) -> list[Document]:
    """The drafts at `paths` (one path or several; a folder gives the drafts in it); the first
    that cannot be read raises its InputError."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    docs, unreadable = load_all(paths)
    if unreadable:
        raise InputError(f"{unreadable[0].path}: {unreadable[0].reason}")
    return docs


def extract(paths: Sequence[str | Path] | str | Path, registry: Registry | None = None) -> Report:
    """Attributions only, no network: one DocumentReport per draft (one path or several; a
    folder gives the drafts in it)."""
    return extract_documents(_load(paths), registry)


def extract_text(text: str, fmt: str = "markdown", registry: Registry | None = None) -> Report:
    """`extract` for a draft held in a string."""
    return extract_documents([load_text(text, "<text>", fmt)], registry)


def _attributions(doc: Document, reg: Registry) -> list[Attribution]:
    """The draft's attributions, each with the line and column where it starts."""
    out = []
    for a in extract_attributions(doc, registry=reg):
        line, column = line_col(doc.raw, a.span[0])
        out.append(replace(a, line=line, column=column))
    return out


def extract_documents(docs: Sequence[Document], registry: Registry | None = None) -> Report:
    """`extract` for drafts already loaded."""
    reg = registry or default_registry()
    reports = [
        DocumentReport(doc.path, tuple(Finding(a, None) for a in _attributions(doc, reg)), doc)
        for doc in docs
    ]
    return Report(tuple(reports), checked=False)


def check(paths: Sequence[str | Path] | str | Path, options: Options | None = None, **kw) -> Report:
    """Check every quote of the drafts at `paths` against its sources.

    Settings come from `options`, else from the citecheck.toml the CLI would read (found from
    the working directory up); keyword arguments change them: `check("draft.md",
    replay="cassettes/sample.yaml")`, `check("draft.md", allow_private=True)`.
    """
    opts = (options or Options.load()).with_(**kw)
    return check_documents(_load(paths), opts)


def check_text(text: str, fmt: str = "markdown", options: Options | None = None, **kw) -> Report:
    """`check` for a draft held in a string (a notebook cell, a CMS export)."""
    opts = (options or Options.load()).with_(**kw)
    return check_documents([load_text(text, "<text>", fmt)], opts)


def check_documents(docs: Sequence[Document], opts: Options) -> Report:
    """The whole run over loaded drafts: plan, fetch every distinct URL once, judge."""
    note = opts.progress or (lambda _msg: None)
    plan = plan_documents(docs, opts)
    urls = plan.urls
    if urls:
        note(f"fetching {len(urls)} source page(s)")
    pages = fetch_pages_sync(urls, opts.fetch, network=opts.network) if urls else {}
    if not urls:
        with opts.network.session():  # a bad cassette is an input error all the same
            pass
    note("matching quotes against their sources")
    return judge_plan(plan, pages, opts)


@dataclass(frozen=True)
class Plan:
    """A run up to the fetch stage: every quote's Job with the candidates discovery proposed.

    The seam between the stages that need no page (extraction, discovery) and the ones that do
    (matching, judging), so a caller may fetch the URLs its own way, as `citecheck batch` does
    (grouped by host across a cluster, each page fetched once for a whole archive).
    """

    docs: tuple[Document, ...]
    jobs: tuple[Job, ...]

    @property
    def urls(self) -> tuple[str, ...]:
        """Every distinct candidate URL, in the order discovery proposed them."""
        return tuple(dict.fromkeys(c.url for job in self.jobs for c in job.candidates))


def plan_documents(docs: Sequence[Document], opts: Options) -> Plan:
    """Extraction and discovery (the search back-ends included) for loaded drafts."""
    reg = opts.registry or default_registry()
    note = opts.progress or (lambda _msg: None)
    langs = _Languages(docs, opts)
    jobs = _plan(docs, reg, opts)
    note("searching for unlinked sources")
    jobs = _search(jobs, docs, reg, opts, langs)
    return Plan(tuple(docs), tuple(jobs))


def judge_plan(
    plan: Plan,
    pages: Mapping[str, Page],
    opts: Options,
    facts: Callable[[Page], PageFacts] | None = None,
) -> Report:
    """Matching and judging: every Job against the pages of its candidates. A URL missing from
    `pages` counts as not fetched (the status `error`), never as a crash. `facts`: where a
    page's PageFacts come from when the caller keeps them (a batch run's store); else they are
    worked out here, in per-process caches."""
    pages = dict(pages)
    for url in plan.urls:
        if url not in pages:
            pages[url] = Page(url, "error", reason="the page was not fetched")
    docs = plan.docs
    langs = _Languages(docs, opts)
    with contextlib.ExitStack() as stack:
        sources = _Sources(pages, _cross_context(opts, stack), facts)
        findings = [_finding(job, sources, langs, opts) for job in plan.jobs]
    reports = [
        DocumentReport(doc.path, tuple(f for job, f in zip(plan.jobs, findings, strict=True)
                                       if job.doc == d), doc)
        for d, doc in enumerate(docs)
    ]  # fmt: skip
    return Report(
        tuple(reports), checked=True, fail_on=opts.fail_on, min_verified=opts.min_verified
    )


# --- discover ---------------------------------------------------------------------------------


def _plan(docs: Sequence[Document], reg: Registry, opts: Options) -> list[Job]:
    """Every attribution of every draft, with the sources the draft itself gives it."""
    jobs = []
    for d, doc in enumerate(docs):
        for attr in _attributions(doc, reg):
            cands: list[Candidate] = []
            searched: tuple[Search, ...] = ()
            if attr.checkable:
                cands = discover.candidates_for(
                    doc, attr, sources=opts.sources, registry=reg,
                    max_candidates=opts.max_candidates,
                )  # fmt: skip
                plan = discover.search_plan(attr, reg) if not cands else ()
                searched = tuple(Search(q) for q in plan)
            jobs.append(Job(d, attr, tuple(cands), searched))
    return jobs


def _search(
    jobs: list[Job], docs: Sequence[Document], reg: Registry, opts: Options, langs: _Languages
) -> list[Job]:
    """Candidates from the search back-ends for quotes the draft gives no source for, and
    fact-checks of every checkable quote."""
    names = opts.search_backends
    if not names:
        return jobs
    backends = build_backends(
        names, opts.environ, limiter=RateLimiter(enabled=not opts.network.replaying)
    )
    unlinked = [[] for _ in docs]
    checkable = [[] for _ in docs]
    for job in jobs:
        if job.attribution.checkable:
            checkable[job.doc].append(job.attribution)
            if not job.candidates:
                unlinked[job.doc].append(job.attribution)
    cfg = opts.fetch
    found, claims = search_run(
        unlinked, checkable, reg, backends,
        network=opts.network,
        user_agent=cfg.user_agent,
        timeout=httpx.Timeout(cfg.read_timeout, connect=cfg.connect_timeout),
        cache_dir=cfg.cache_dir,
        cache=cfg.cache,
        max_per_quote=opts.max_search_results,
        source_texts=_search_translations(unlinked, reg, opts, langs),
    )  # fmt: skip
    out = []
    for job in jobs:
        key = (job.doc, job.attribution.id)
        extra, reasons, sent = found.get(key, ([], [], []))
        checks, check_reasons = claims.get(key, ([], []))
        known = {discover.canonical_url(c.url) for c in job.candidates}
        more = tuple(c for c in extra if discover.canonical_url(c.url) not in known)
        out.append(
            replace(
                job,
                candidates=job.candidates + more,
                searched=tuple(sent) or job.searched,  # what was sent; else still the plan
                search_errors=tuple(dict.fromkeys([*reasons, *check_reasons])),
                fact_checks=tuple(checks),
            )
        )
    return out


def _search_translations(
    unlinked: Sequence[Sequence[Attribution]], reg: Registry, opts: Options, langs: _Languages
) -> list[dict[str, str]]:
    """The unlinked quotes whose credited outlet writes in another language, translated into
    that language for the search back-ends (per document: attribution id -> text). Empty
    without a translator; a translator's failure only costs these extra queries."""
    out: list[dict[str, str]] = [{} for _ in unlinked]
    if not opts.uses_translator:
        return out
    wanted: dict[tuple[str, str], list[tuple[int, Attribution]]] = {}  # (from, to) -> quotes
    for d, attrs in enumerate(unlinked):
        for attr in attrs:
            if attr.kind == Kind.INDIRECT:
                continue
            source = discover.expected_language(attr, reg)
            if not source or (opts.translate_languages and source not in opts.translate_languages):
                continue
            lang = langs.of(d, attr)
            if lang and lang != source:
                wanted.setdefault((lang, source), []).append((d, attr))
    if not wanted:
        return out
    with contextlib.ExitStack() as stack:
        tr = _translator(opts, stack)
        if tr is None:
            return out
        for (lang, source), group in wanted.items():
            try:
                texts = tr([a.quote for _, a in group], lang, source)
            except Exception:  # noqa: BLE001 - a TranslateError or a broken answer: no extra query
                continue
            for (d, attr), text in zip(group, texts, strict=True):
                out[d][attr.id] = text
    return out


# --- match and judge --------------------------------------------------------------------------


class _Languages:
    """The language of each quote: its own where it says so clearly, else its draft's (detected
    once per draft, on first need)."""

    def __init__(self, docs: Sequence[Document], opts: Options) -> None:
        self.docs = docs
        self.fixed = opts.quote_language
        self.drafts: dict[int, str | None] = {}

    def of(self, d: int, attr: Attribution) -> str | None:
        if self.fixed:
            return self.fixed
        lang = quote_language(attr.quote)
        if lang:
            return lang
        if d not in self.drafts:
            self.drafts[d] = _draft_language(self.docs[d].text)
        return self.drafts[d]


@functools.lru_cache(maxsize=16)
def _draft_language(text: str) -> str | None:
    return detect(text)


# A page cited by many drafts (a batch run's partitions, one process's checks) is analysed once
# per process: its language, tokens and own attributions are kept for the next draft that cites
# it (bench/batch.py: these were 37% of a partition's CPU, redone in every partition).
_page_language = functools.lru_cache(maxsize=256)(detect)


@dataclass
class _Cross:
    """What a page in another language is checked with. The embedder loads (about 2 s) only
    when a run meets such a page; None without the citecheck[multilingual] extra."""

    translator: translate.Bound | None = None
    languages: tuple[str, ...] = ()  # page languages the translator is used for; empty: all

    def translator_for(self, language: str | None) -> translate.Bound | None:
        if self.languages and (language or "") not in self.languages:
            return None
        return self.translator

    @functools.cached_property
    def embedder(self) -> embed.Embedder | None:
        return embed.default_embedder()


def _translator(opts: Options, stack: contextlib.ExitStack) -> translate.Bound | None:
    """The configured translator, bound to a client that lives as long as `stack`; in replay
    (record) mode its requests are served from (saved into) the run's cassette."""
    if not opts.uses_translator:
        return None
    backend = translate.pick(opts.environ, prefer=opts.translator)
    if backend is None:
        return None
    stack.enter_context(opts.network.session())
    return translate.bind(backend, stack.enter_context(translate.client()))


def _cross_context(opts: Options, stack: contextlib.ExitStack) -> _Cross | None:
    if not opts.cross_language:
        return None
    return _Cross(translator=_translator(opts, stack), languages=tuple(opts.translate_languages))


class _Sources:
    """The fetched pages of a run, with what is worked out once per page: its language (from
    its text: a declared lang attribute is often wrong), its tokens for the matcher, and who it
    gives a passage to."""

    def __init__(
        self,
        pages: dict[str, Page],
        cross: _Cross | None,
        facts: Callable[[Page], PageFacts] | None = None,
    ) -> None:
        self.pages = pages
        self.cross = cross
        self.facts = facts
        self.languages: dict[str, str | None] = {}
        self.prepared: dict[str, object] = {}
        self.speakers: dict[tuple[str, tuple[int, int]], str | None] = {}

    def page(self, url: str) -> Page:
        page = self.pages[url]
        if not page.ok or not page.text:
            return page
        if url not in self.languages:
            found = self.facts(page).language if self.facts else _page_language(page.text)
            self.languages[url] = found or page.language
        lang = self.languages[url]
        return page if lang == page.language else replace(page, language=lang)

    def prepared_page(self, page: Page):
        if page.url not in self.prepared:
            self.prepared[page.url] = (
                self.facts(page).prepared if self.facts else prepare_cached(page.text)
            )
        return self.prepared[page.url]

    def speaker(self, page: Page, span: tuple[int, int], foreign: bool) -> str | None:
        key = (page.url, span)
        if key not in self.speakers:
            kept = self.facts(page).speakers if self.facts and not foreign else None
            lang = page.language if foreign else None
            self.speakers[key] = who_said(page.text, span, lang, speakers=kept)
        return self.speakers[key]


def _finding(job: Job, sources: _Sources, langs: _Languages, opts: Options) -> Finding:
    attr = job.attribution
    try:
        lang = langs.of(job.doc, attr) if job.candidates else None
        tried = [_try(attr, c, sources.page(c.url), lang, sources) for c in job.candidates]
        finding = judge(
            attr,
            tried,
            quote_language=lang,
            searched=job.searched,
            search_errors=job.search_errors,
            offline=opts.offline,
            outlet=discover.outlet_for(attr, opts.registry or default_registry()),
        )
    except Exception as exc:  # noqa: BLE001 - one quote never sinks the others
        finding = Finding(attr, Verdict.UNVERIFIABLE, reason=f"internal error: {exc!r}")
    if job.fact_checks:
        finding = replace(finding, fact_checks=job.fact_checks)
    return finding


def _try(
    attr: Attribution, cand: Candidate, page: Page, quote_lang: str | None, sources: _Sources
) -> Tried:
    """One candidate page against one quote: its best passage and who the page gives it to."""
    if not page.ok or not page.text:
        return Tried(cand, page)
    url = page.final_url or page.url
    check_speaker = named_person(attr.speaker)
    if page.language and quote_lang and page.language != quote_lang:
        cross = sources.cross
        if cross is None:
            return Tried(cand, page)
        cm = cross_match(
            attr.quote,
            quote_lang,
            page.text,
            page.language,
            embedder=cross.embedder,
            translator=cross.translator_for(page.language),
            url=url,
        )
        if cm.grade is Grade.UNAVAILABLE:
            return Tried(cand, page, note=cm.reason)
        m = cm.as_match()
        if attr.kind == Kind.INDIRECT:
            # Reported speech renders a source's statement: located and checked like a quote
            # (numbers, negations, names), and what renders it faithfully backs it.
            if m.grade is Grade.TRANSLATED:
                why = f"a passage in {page.language} backs the reported statement ({cm.reason})"
                m = replace(m, grade=Grade.SUPPORTED, reason=why)
            return Tried(cand, page, m)
        who = None
        if m.grade is Grade.TRANSLATED and m.passage_span and check_speaker:
            who = sources.speaker(page, m.passage_span, foreign=True)
        return Tried(cand, page, m, who)
    if attr.kind == Kind.INDIRECT:
        m = support_claim(attr.quote, page.text, url, lang=page.language or quote_lang)
    else:
        m = match_quote(attr.quote, sources.prepared_page(page), url)
    who = None
    if m.grade in (Grade.EXACT, Grade.CLOSE) and m.passage_span and check_speaker:
        who = sources.speaker(page, m.passage_span, foreign=False)
    return Tried(cand, page, m, who)

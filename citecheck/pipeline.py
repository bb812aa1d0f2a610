"""The run: load -> attribute -> discover -> fetch -> match -> judge, for one or more drafts.

Network I/O happens in two places, each over the whole run: the search back-ends (for quotes the
draft gives no source for) and `fetch_pages_sync` (every distinct URL once); the other stages
are pure. A failing source or quote becomes a Finding with a reason.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import httpx

from . import discover, translate
from .attribution import extract as extract_attributions
from .attribution import speaker_in_source
from .attribution.foreign import foreign_speaker
from .attribution.names import is_org
from .cache import AnswerCache
from .crosslingual import cross_match
from .discover.backends import DEFAULT as DEFAULT_BACKENDS
from .discover.search import RateLimiter, build_backends, check_claims, discover_sources
from .document import load, load_text
from .fetch import FetchConfig, cassette, fetch_pages_sync
from .judge import Tried, judge
from .language import detect
from .match import match_quote, prepare_page
from .model import (
    Attribution,
    Candidate,
    Document,
    DocumentReport,
    Finding,
    Match,
    Page,
    Report,
)
from .outlets import Registry, default_registry
from .support import support_claim


@dataclass(frozen=True)
class Options:
    """Everything a run can be told; the CLI's flags map onto these one to one."""

    replay: str | None = None  # serve every request from this vcrpy cassette
    record: str | None = None  # record every request into this cassette
    offline: bool = False  # make no request at all
    sources: tuple[str, ...] = ()  # the reporter's source list: candidates for every quote
    allow_private: bool = False  # let drafts reach private/loopback addresses
    max_candidates: int = 8
    quote_language: str | None = None  # None: detect from the quote, else from the draft
    search: tuple[str, ...] | None = None  # search back-ends; None: the keyless defaults
    max_search_results: int = 5  # candidates a search may add per quote
    env: Mapping[str, str] | None = None  # where back-end keys come from (default os.environ)
    fetch: FetchConfig = field(default_factory=FetchConfig)
    registry: Registry | None = None
    cross_language: bool = True  # check quotes against pages in another language (issue 7)
    translator: str | None = None  # a translator back-end by name; None: the first configured;
    # "none": no translator (foreign-language quotes are located by embedding alone)
    translate_languages: tuple[str, ...] = ()  # page languages to translate; empty: all
    progress: Callable[[str], None] | None = field(default=None, compare=False)  # stage notes


def _fetch_config(opts: Options) -> FetchConfig:
    cfg = replace(opts.fetch, allow_private=opts.allow_private or opts.fetch.allow_private)
    if opts.offline:
        return replace(cfg, offline=True)
    if opts.replay:
        return replace(cfg, cassette_path=opts.replay, cassette_mode="replay")
    if opts.record:
        return replace(cfg, cassette_path=opts.record, cassette_mode="record")
    return cfg


def extract(paths: Sequence[str | Path], registry: Registry | None = None) -> Report:
    """Attributions only, no network: one DocumentReport per path."""
    reg = registry or default_registry()
    docs = []
    for p in paths:
        doc = load(p)
        findings = tuple(
            Finding(a, None, reason="") for a in extract_attributions(doc, registry=reg)
        )
        docs.append(DocumentReport(str(p), findings, doc))
    return Report(tuple(docs), checked=False)


def check(paths: Sequence[str | Path] | str | Path, options: Options | None = None, **kw) -> Report:
    """Check every quote of the drafts at `paths` against its sources.

    Keyword arguments are Options fields: `check("draft.md", replay="cassettes/sample.yaml")`.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    opts = replace(options or Options(), **kw)
    return check_documents([load(p) for p in paths], opts)


def check_text(text: str, fmt: str = "markdown", options: Options | None = None, **kw) -> Report:
    """`check` for a draft held in a string (a notebook cell, a CMS export)."""
    opts = replace(options or Options(), **kw)
    return check_documents([load_text(text, "<text>", fmt)], opts)


def check_documents(docs: Sequence[Document], opts: Options) -> Report:
    reg = opts.registry or default_registry()
    plans: list[tuple[Document, list]] = []
    urls: list[str] = []
    for doc in docs:
        items = []
        for attr in extract_attributions(doc, registry=reg):
            if attr.checkable:
                cands = discover.candidates_for(
                    doc,
                    attr,
                    sources=opts.sources,
                    registry=reg,
                    max_candidates=opts.max_candidates,
                )
                searched = tuple(discover.search_plan(attr, reg)) if not cands else ()
            else:
                cands, searched = [], ()
            items.append((attr, cands, searched))
        plans.append((doc, items))

    note = opts.progress or (lambda _msg: None)
    note("searching for unlinked sources")
    found, claims = _search(plans, reg, opts, _search_translations(plans, reg, opts))
    for d, (_doc, items) in enumerate(plans):
        for k, (attr, cands, searched) in enumerate(items):
            extra, reasons = found.get((d, attr.id), ([], []))
            checks, check_reasons = claims.get((d, attr.id), ([], []))
            if extra:
                known = {discover.canonical_url(c.url) for c in cands}
                cands = cands + [c for c in extra if discover.canonical_url(c.url) not in known]
            errors = tuple(dict.fromkeys([*reasons, *check_reasons]))
            items[k] = (attr, cands, searched, errors, tuple(checks))
            urls.extend(c.url for c in cands)

    if urls:
        note(f"fetching {len(set(urls))} source page(s)")
        pages = fetch_pages_sync(urls, _fetch_config(opts))
    else:
        pages = {}
        if opts.replay and not opts.offline:
            with cassette(opts.replay, "replay"):  # a bad cassette is an input error all the same
                pass
    prepared: dict[str, object] = {}
    speakers: dict[tuple[str, tuple[int, int]], tuple[str | None, bool]] = {}

    note("matching quotes against their sources")
    page_langs: dict[str, str | None] = {}
    with contextlib.ExitStack() as stack:
        cross = _cross_context(opts, stack)
        reports = _match_all(plans, pages, prepared, speakers, page_langs, cross, opts)
    return Report(tuple(reports), checked=True)


@dataclass
class _Cross:
    """What a page in another language is checked with. The embedder loads (about 2 s) only
    when a run meets such a page; None without the citecheck[multilingual] extra."""

    translator: object | None = None  # a citecheck.translate.Bound, or None
    languages: tuple[str, ...] = ()  # page languages the translator is used for; empty: all

    def translator_for(self, language: str | None) -> object | None:
        if self.languages and (language or "") not in self.languages:
            return None
        return self.translator

    @functools.cached_property
    def embedder(self):
        from . import embed  # numpy and the model come with the extra: import only when needed

        return embed.default_embedder()


def _translator(opts: Options, stack: contextlib.ExitStack) -> translate.Bound | None:
    """The configured translator, bound to a client that lives as long as `stack`; in replay
    (record) mode its requests are served from (saved into) the run's cassette."""
    if opts.offline or not opts.cross_language or opts.translator == "none":
        return None
    env = os.environ if opts.env is None else opts.env
    backend = translate.pick(env, prefer=opts.translator)
    if backend is None:
        return None
    _run_cassette(opts, stack)
    return translate.bind(backend, stack.enter_context(translate.client()))


def _run_cassette(opts: Options, stack: contextlib.ExitStack) -> None:
    """Serve (save) this stage's requests from (into) the run's cassette, if it has one."""
    if opts.replay or opts.record:
        mode = "replay" if opts.replay else "record"
        stack.enter_context(cassette(opts.replay or opts.record, mode))


def _cross_context(opts: Options, stack: contextlib.ExitStack) -> _Cross | None:
    if not opts.cross_language:
        return None
    return _Cross(translator=_translator(opts, stack), languages=tuple(opts.translate_languages))


def _search_translations(plans, reg: Registry, opts: Options) -> dict[int, dict[str, str]]:
    """The unlinked quotes whose credited outlet writes in another language, translated into
    that language for the search back-ends (document -> attribution id -> text). Empty without a
    translator or a search; a translator's failure only costs these extra queries."""
    names = opts.search if opts.search is not None else DEFAULT_BACKENDS
    if opts.offline or not names or opts.translator == "none" or not opts.cross_language:
        return {}
    wanted: dict[tuple[str, str], list[tuple[int, Attribution]]] = {}  # (from, to) -> quotes
    for d, (doc, items) in enumerate(plans):
        doc_lang: list[str | None] = []
        for attr, cands, *_ in items:
            if not attr.checkable or cands or attr.kind == "indirect":
                continue
            source = discover.expected_language(attr, reg)
            if not source or (opts.translate_languages and source not in opts.translate_languages):
                continue
            quote_lang = _quote_language(attr, doc, doc_lang, opts)
            if quote_lang and quote_lang != source:
                wanted.setdefault((quote_lang, source), []).append((d, attr))
    out: dict[int, dict[str, str]] = {}
    if not wanted:
        return out
    with contextlib.ExitStack() as stack:
        tr = _translator(opts, stack)
        if tr is None:
            return out
        for (quote_lang, source), group in wanted.items():
            try:
                texts = tr([a.quote for _, a in group], quote_lang, source)
            except Exception:  # noqa: BLE001 - a TranslateError or a broken answer: no extra query
                continue
            for (d, attr), text in zip(group, texts, strict=True):
                out.setdefault(d, {})[attr.id] = text
    return out


def _match_all(plans, pages, prepared, speakers, page_langs, cross, opts):
    reports = []
    for doc, items in plans:
        findings = []
        doc_lang: list[str | None] = []  # detected once, on first need
        for attr, cands, searched, search_errors, fact_checks in items:
            try:
                lang = _quote_language(attr, doc, doc_lang, opts) if cands else None
                tried = [
                    _try(
                        attr,
                        c,
                        _with_language(pages[c.url], page_langs),
                        lang,
                        prepared,
                        speakers,
                        cross,
                    )
                    for c in cands
                ]
                finding = judge(
                    attr,
                    tried,
                    quote_language=lang,
                    searched=searched,
                    search_errors=search_errors,
                    offline=opts.offline,
                )
            except Exception as exc:  # noqa: BLE001 - one quote never sinks the others
                finding = Finding(attr, "unverifiable", reason=f"internal error: {exc!r}")
            if fact_checks:
                finding = replace(finding, fact_checks=fact_checks)
            findings.append(finding)
        reports.append(DocumentReport(doc.path, tuple(findings), doc))
    return reports


Found = dict[tuple[int, str], tuple[list, list]]  # (document index, attribution id) -> results


def _search(
    plans, reg: Registry, opts: Options, source_texts: dict | None = None
) -> tuple[Found, Found]:
    """Ask the search back-ends for the quotes the draft gives no source for, and the fact-check
    back-ends about every checkable quote; one event loop and one client for the whole run, with
    per-host rate limits shared. Never raises for a back-end.

    Returns (candidates and reasons, fact-checks and reasons), keyed by (document, attribution)."""
    unlinked = [
        (d, [a for a, cands, *_ in items if a.checkable and not cands])
        for d, (_doc, items) in enumerate(plans)
    ]
    checkable = [
        (d, [a for a, *_ in items if a.checkable]) for d, (_doc, items) in enumerate(plans)
    ]
    unlinked = [(d, attrs) for d, attrs in unlinked if attrs]
    names = opts.search if opts.search is not None else DEFAULT_BACKENDS
    if opts.offline or not names:
        return {}, {}
    env = os.environ if opts.env is None else opts.env
    backends = build_backends(names, env, limiter=RateLimiter(enabled=not opts.replay))
    claims = any(getattr(b, "kind", "") == "factcheck" for b in backends)
    if not unlinked and not claims:
        return {}, {}

    async def gather(call, groups) -> Found:
        results = await asyncio.gather(*(call(attrs, d) for d, attrs in groups))
        return {
            (d, aid): r
            for (d, _), res in zip(groups, results, strict=True)
            for aid, r in res.items()
        }

    cfg = _fetch_config(opts)
    answers = None
    if cfg.cache and not (opts.replay or opts.record):
        answers = AnswerCache(cfg.cache_dir)
        for b in backends:
            b.cache = answers

    async def run() -> tuple[Found, Found]:
        try:
            return await search_all()
        finally:
            if answers is not None:
                await answers.close()

    async def search_all() -> tuple[Found, Found]:
        async with httpx.AsyncClient(
            timeout=httpx.Timeout(cfg.read_timeout, connect=cfg.connect_timeout),
            headers={"User-Agent": cfg.user_agent},
        ) as client:
            found = await gather(
                lambda attrs, d: discover_sources(
                    attrs,
                    reg,
                    backends,
                    client,
                    max_per_quote=opts.max_search_results,
                    source_texts=(source_texts or {}).get(d),
                ),
                unlinked,
            )
            checks = (
                await gather(
                    lambda attrs, _d: check_claims(attrs, reg, backends, client), checkable
                )
                if claims
                else {}
            )
        return found, checks

    with contextlib.ExitStack() as stack:
        _run_cassette(opts, stack)
        return asyncio.run(run())


def _quote_language(
    attr: Attribution, doc: Document, doc_lang: list[str | None], opts: Options
) -> str | None:
    """The quote's own language where it says clearly, else the draft's."""
    if opts.quote_language:
        return opts.quote_language
    if len(attr.quote) >= 40:
        lang = detect(attr.quote, min_confidence=0.95)
        if lang:
            return lang
    if not doc_lang:
        doc_lang.append(_draft_language(doc.text))
    return doc_lang[0]


@functools.lru_cache(maxsize=16)
def _draft_language(text: str) -> str | None:
    """Detected once per draft text, though both the search and the matching stages ask."""
    return detect(text)


def _with_language(page: Page, cache: dict[str, str | None]) -> Page:
    """The page with the language of its text (a declared lang attribute is often wrong)."""
    if not page.ok or not page.text:
        return page
    if page.url not in cache:
        cache[page.url] = detect(page.text) or page.language
    lang = cache[page.url]
    return page if lang == page.language else replace(page, language=lang)


def _try(
    attr: Attribution,
    cand: Candidate,
    page: Page,
    quote_language: str | None,
    prepared: dict,
    speakers: dict,
    cross: _Cross | None = None,
) -> Tried:
    if not page.ok or not page.text:
        return Tried(cand, page)
    if page.language and quote_language and page.language != quote_language:
        if cross is None:
            return Tried(cand, page)
        cm = cross_match(
            attr.quote,
            quote_language,
            page.text,
            page.language,
            embedder=cross.embedder,
            translator=cross.translator_for(page.language),
            url=page.final_url or page.url,
        )
        if cm.grade == "unavailable":
            return Tried(cand, page, cross=cm)
        m = Match(cm.url, cm.grade, cm.score, cm.passage, cm.passage_span, cm.diff, cm.reason)
        if attr.kind == "indirect":
            # Reported speech renders a source's statement: located and checked like a quote
            # (numbers, negations, names), and what renders it faithfully backs it.
            if m.grade == "translated":
                why = f"a passage in {page.language} backs the reported statement ({cm.reason})"
                m = replace(m, grade="supported", reason=why)
            return Tried(cand, page, m, cross=cm)
        who = None
        if m.grade == "translated" and m.passage_span and _named_person(attr.speaker):
            key = (page.url, m.passage_span)
            if key not in speakers:
                speakers[key] = foreign_speaker(page.text, m.passage_span, page.language)
            name, person = speakers[key]
            who = name if person else None
        return Tried(cand, page, m, who, cross=cm)
    pp = prepared.get(page.url)
    if pp is None:
        pp = prepared[page.url] = prepare_page(page.text)
    if attr.kind == "indirect":
        m = support_claim(attr.quote, page.text, page.final_url or page.url)
    else:
        m = match_quote(attr.quote, pp, page.final_url or page.url)
    who = None
    if m.grade in ("exact", "close") and m.passage_span and _named_person(attr.speaker):
        key = (page.url, m.passage_span)
        if key not in speakers:
            speakers[key] = speaker_in_source(page.text, m.passage_span)
        name, person = speakers[key]
        who = name if person else None
    return Tried(cand, page, m, who)


def _named_person(speaker: str | None) -> bool:
    if not speaker or not speaker[:1].isupper():
        return False
    words = speaker.split()
    return 2 <= len(words) <= 5 and not is_org(words)

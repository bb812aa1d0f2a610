"""Search discovery: queries from attributions, rate limits, merging, failure as reasons, and one
end-to-end run (a draft with no links -> GDELT -> fetch -> exact match), all replayed."""

from __future__ import annotations

import asyncio
from datetime import date

import httpx
import pytest
from fixtures import search_cassettes as fixtures

from citecheck.attribution import extract
from citecheck.discover.backends import available_backends, build_backends, parse_backend_names
from citecheck.discover.backends.base import SearchBackend, SearchHit, phrase_in
from citecheck.discover.queries import SearchQuery, build_queries, date_window, rare_words
from citecheck.discover.ranking import merge_hits
from citecheck.discover.search import check_claims, discover_sources
from citecheck.document import load_text
from citecheck.fetch import FetchConfig, fetch_pages
from citecheck.match import match_quote
from citecheck.model import Attribution
from citecheck.net.api import Call
from citecheck.net.cassette import cassette
from citecheck.net.http import BackendError
from citecheck.net.mode import Mode, Network
from citecheck.outlets import Outlet, Registry, default_registry


class FakeClock:
    """A monotonic clock that sleeping advances at once: rate limits without real waiting."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        await asyncio.sleep(0)  # let other tasks run, as a real sleep would
        self.now += seconds


def attr(quote: str, **kw) -> Attribution:
    return Attribution(kw.pop("id", "q1"), quote, kw.pop("kind", "direct"), (0, 1), (0, 1), **kw)


QUOTE = "The council will keep the Mill Lane footbridge shut until the spring, whatever it costs."

# --- queries ----------------------------------------------------------------------------------


def test_date_window_reads_years_months_and_days():
    assert date_window("2013") == (date(2013, 1, 1), date(2013, 12, 31))
    assert date_window("in March 2025") == (date(2025, 3, 1), date(2025, 3, 31))
    assert date_window("December 2024") == (date(2024, 12, 1), date(2024, 12, 31))
    assert date_window("March 11, 2025") == (date(2025, 3, 9), date(2025, 3, 13))
    assert date_window("11 March 2025") == (date(2025, 3, 9), date(2025, 3, 13))
    assert date_window("2025-03-11") == (date(2025, 3, 9), date(2025, 3, 13))


def test_date_window_without_a_year_or_with_a_bad_date_gives_none():
    assert date_window("March 11") == (None, None)
    assert date_window("31 February 2020") == (None, None)
    assert date_window(None) == (None, None)


def test_rare_words_keeps_text_order_and_skips_stopwords():
    assert rare_words("the harbour will reopen on Monday for all 2025 ships", 3) == [
        "harbour",
        "Monday",
        "2025",
    ]
    assert rare_words("it is what it is") == []


GAZETTE = Outlet("Example Gazette", ("example.com",), "newspaper", language="en")


def test_build_queries_two_phrases_on_the_outlet_then_anywhere_then_loose_words():
    reg = Registry([GAZETTE])
    a = attr(QUOTE, speaker="Dorian Pemberwick", outlet="Example Gazette", date_hint="2013")
    first, second, anywhere, loose = build_queries(a, reg)
    assert first.exact and second.exact and first.domains == second.domains == ("example.com",)
    assert phrase_in(first.phrase, QUOTE) and phrase_in(second.phrase, QUOTE)
    assert not set(first.phrase.split()) & set(second.phrase.split()) - {"the"}
    assert all(len(q.phrase.split()) >= 6 for q in (first, second))
    assert anywhere.phrase == first.phrase and anywhere.domains == ()
    assert not loose.exact and loose.domains == ("example.com",)
    assert loose.loose.split()[0] == "Pemberwick" and len(loose.loose.split()) >= 4
    assert first.date_from == date(2013, 1, 1) and first.date_to == date(2013, 12, 31)


def test_a_quote_of_a_foreign_outlet_is_searched_by_what_survives_translation():
    reg = default_registry()
    quote = "Sergei Ryabkov said 12 diplomats would leave Washington by March 2019."
    a = attr(quote, speaker="Sergei Ryabkov", outlet="RIA Novosti")
    queries = build_queries(a, reg)
    assert queries and not any(q.exact for q in queries)  # no English phrase on a Russian page
    on_site = queries[0]
    assert on_site.domains and on_site.language == "ru"
    terms = on_site.loose.split()
    assert terms[0] == "Рябков"  # the surname in the page's script
    assert "12" in terms and "2019" in terms and "Вашингтон" in terms
    assert any(not q.domains and q.language == "ru" for q in queries)  # then anywhere in Russian
    assert len(queries) <= 3


def test_build_queries_without_an_outlet_two_phrases_then_loose_words():
    a = attr(QUOTE, speaker="Dorian Pemberwick")
    queries = build_queries(a, default_registry())
    assert [q.exact for q in queries] == [True, True, False]
    words = queries[2].loose.split()
    assert words[0] == "Pemberwick" and 3 <= len(words) <= 6
    assert all(w in QUOTE for w in words[1:])


def test_a_speaker_that_is_no_name_adds_no_word_to_the_query():
    a = attr(QUOTE, speaker="The article on example.com")
    assert not any(q.loose.startswith("The ") for q in build_queries(a, default_registry()))


def test_build_queries_adds_loose_queries_in_the_sources_language_from_a_translation():
    reg = default_registry()
    a = attr(QUOTE, speaker="Dorian Pemberwick", outlet="El País")
    spanish = "El ayuntamiento mantendrá cerrada la pasarela de Mill Lane hasta la primavera."
    queries = build_queries(a, reg, source_text=spanish)
    translated = queries[0]
    words = translated.loose.split()
    assert words[0] == "Pemberwick" and set(words[1:]) <= set(spanish.replace(".", "").split())
    assert "pasarela" in words and translated.domains == ("elpais.com",)
    assert translated.language == "es"
    assert all(not q.exact for q in queries) and len(queries) <= 4
    assert queries[1:] == build_queries(a, reg)  # then the names, as without a translator
    assert build_queries(a, reg, source_text="   ") == build_queries(a, reg)


def test_build_queries_skips_scare_quotes_and_empty_quotes():
    reg = default_registry()
    assert build_queries(attr("so-called", kind="scare"), reg) == []
    assert build_queries(attr("…"), reg) == []


def test_phrase_in_ignores_case_and_punctuation():
    assert phrase_in("forty-two households", "Some Forty-Two households, said")
    assert not phrase_in("forty-two households", "forty two", "households")


# --- rate limits ------------------------------------------------------------------------------


def test_limiter_spaces_requests_to_one_host_only():
    from citecheck.net.ratelimit import RateLimiter

    clock = FakeClock()
    lim = RateLimiter(clock=clock, sleep=clock.sleep)

    async def go():
        for _ in range(3):
            await lim.acquire("api.gdeltproject.org", 5.0)
        await lim.acquire("web.archive.org", 1.0)

    asyncio.run(go())
    assert clock.sleeps == [5.0, 5.0]  # the archive's bucket is its own
    assert lim.wait_for("api.gdeltproject.org") == pytest.approx(5.0)


def test_limiter_burst_and_defer_and_max_wait():
    from citecheck.net.ratelimit import RateLimiter

    clock = FakeClock()
    lim = RateLimiter(clock=clock, sleep=clock.sleep)

    async def go():
        await lim.acquire("h", 1.0, burst=2)
        await lim.acquire("h", 1.0, burst=2)  # the second token of the burst: no wait
        assert clock.sleeps == []
        lim.defer("h", 3.0)
        await lim.acquire("h", 1.0, burst=2)
        assert clock.sleeps == [3.0]
        lim.defer("h", 500.0)
        with pytest.raises(BackendError, match="pause"):
            await lim.acquire("h", 1.0, max_wait=60)

    asyncio.run(go())


def test_limiter_queues_concurrent_requests_without_failing():
    from citecheck.net.ratelimit import RateLimiter

    clock = FakeClock()
    lim = RateLimiter(clock=clock, sleep=clock.sleep)

    async def go():
        await asyncio.gather(*(lim.acquire("gdelt", 5.0, max_wait=30) for _ in range(10)))

    asyncio.run(go())  # the tenth waits 45 s for its turn: queued, not refused
    assert sorted(clock.sleeps) == [5.0 * n for n in range(1, 10)]


def test_disabled_limiter_never_waits():
    from citecheck.net.ratelimit import RateLimiter

    clock = FakeClock()
    lim = RateLimiter(clock=clock, sleep=clock.sleep, enabled=False)
    asyncio.run(lim.acquire("h", 5.0))
    asyncio.run(lim.acquire("h", 5.0))
    assert clock.sleeps == []


# --- merging and ranking ----------------------------------------------------------------------

OUTLET = Outlet("Example Gazette", ("example.com",), "newspaper", language="en")


def test_merge_dedupes_by_canonical_url_and_names_every_backend():
    hits = [
        SearchHit("https://www.example.com/a?utm_source=x", backend="gdelt", phrase_hit=True),
        SearchHit("https://WWW.example.com/a/", backend="brave"),
        SearchHit("https://other.example.net/b", backend="brave", phrase_hit=True),
    ]
    cands = merge_hits(hits, OUTLET)
    assert [c.url for c in cands] == [
        "https://www.example.com/a?utm_source=x",
        "https://other.example.net/b",
    ]
    assert cands[0].detail == "gdelt,brave" and cands[0].origin == "search"
    assert cands[0].rank > cands[1].rank


def test_merge_ranks_outlet_then_phrase_then_date_and_caps():
    q = SearchQuery(phrase="x", date_from=date(2025, 3, 1), date_to=date(2025, 3, 31))
    hits = [
        SearchHit("https://elsewhere.example.org/old", backend="b", date="2019-01-01"),
        SearchHit("https://elsewhere.example.org/phrase", backend="b", phrase_hit=True),
        SearchHit("https://www.example.com/on-outlet", backend="b", date="2025-03-12"),
        SearchHit("https://elsewhere.example.org/dated", backend="b", date="2025-03-12"),
    ]
    urls = [c.url.rsplit("/", 1)[1] for c in merge_hits(hits, OUTLET, q, limit=3)]
    assert urls == ["on-outlet", "phrase", "dated"]


def test_archive_only_hits_are_archive_candidates_of_the_live_url():
    hits = [
        SearchHit(
            "https://news.example.org/x",
            backend="wayback",
            archive_url="https://web.archive.org/web/20250312180500id_/https://news.example.org/x",
        )
    ]
    (cand,) = merge_hits(hits, None)
    assert (cand.url, cand.origin, cand.detail) == (
        "https://news.example.org/x",
        "archive",
        "wayback",
    )
    both = merge_hits([*hits, SearchHit("https://news.example.org/x", backend="gdelt")], None)
    assert (both[0].origin, both[0].detail) == ("search", "wayback,gdelt")


# --- discover_sources -------------------------------------------------------------------------


class Canned(SearchBackend):
    """A back-end with answers by query kind, counting what it was asked."""

    name = "canned"

    def __init__(self, name="canned", answers=None, error=None, env=None):
        super().__init__(env or {})
        self.name = name
        self.answers = answers or {}
        self.error = error
        self.asked: list[SearchQuery] = []

    def requests(self, query):
        return [Call("https://canned.example/search", (("q", query.terms),))]

    async def search(self, query, client):
        self.asked.append(query)
        if self.error is not None:
            raise self.error
        key = "exact-site" if query.exact and query.domains else "exact" if query.exact else "loose"
        return [
            SearchHit(u, backend=self.name, phrase_hit=query.exact)
            for u in self.answers.get(key, [])
        ]


class NeedsKey(Canned):
    key_env = "CANNED_KEY"


def _run(attrs, backends, **kw):
    async def go():
        async with httpx.AsyncClient() as client:
            return await discover_sources(attrs, default_registry(), backends, client, **kw)

    return asyncio.run(go())


def test_discover_stops_at_the_first_query_that_finds_something():
    a = attr(QUOTE, speaker="Dorian Pemberwick")
    b = Canned(answers={"exact": [], "loose": ["https://news.example.org/a"]})
    cands, reasons, searched = _run([a], [b])["q1"]
    assert [q.exact for q in b.asked] == [True, True, False]
    assert cands[0].url == "https://news.example.org/a" and reasons == []
    b2 = Canned(answers={"exact": ["https://news.example.org/b"]})
    _run([a], [b2])
    assert len(b2.asked) == 1


def test_discover_turns_failures_into_reasons_and_never_raises():
    a = attr(QUOTE, speaker="Dorian Pemberwick")
    backends = [
        Canned("ok", answers={"exact": ["https://news.example.org/a"]}),
        Canned("broken", error=RuntimeError("boom")),
        Canned("limited", error=BackendError("rate limited by x (HTTP 429, no Retry-After)")),
        NeedsKey("keyed"),
    ]
    cands, reasons, _ = _run([a], backends)["q1"]
    assert [c.detail for c in cands] == ["ok"]
    assert reasons == [
        "broken: internal error: RuntimeError: boom",
        "limited: rate limited by x (HTTP 429, no Retry-After)",
        "keyed: not configured (CANNED_KEY not set)",
    ]


def test_discover_asks_an_identical_query_once_and_skips_scare_quotes():
    b = Canned(answers={"exact": ["https://news.example.org/a"]})
    attrs = [attr(QUOTE, id="q1"), attr(QUOTE, id="q2"), attr("so-called", id="q3", kind="scare")]
    out = _run(attrs, [b], max_per_quote=1)
    assert len(b.asked) == 1
    assert out["q1"] == out["q2"] and out["q3"] == ([], [], [])


# --- choosing back-ends -----------------------------------------------------------------------


def test_default_backends_are_the_keyless_ones():
    assert parse_backend_names(None) == ["gdelt", "wayback"]
    assert parse_backend_names(" GDELT, brave,gdelt ") == ["gdelt", "brave"]
    names = [b.name for b in build_backends(None, {})]
    assert names == ["gdelt", "wayback"]
    assert all(b.keyless for b in build_backends(None, {}))


def test_build_backends_shares_one_limiter_and_rejects_unknown_names():
    built = build_backends("gdelt,brave", {"BRAVE_API_KEY": "k" * 8})
    assert built[0].limiter is built[1].limiter
    with pytest.raises(ValueError, match="unknown search back-end bing"):
        build_backends("gdelt,bing", {})


def test_available_backends_reports_status_for_the_backends_command():
    rows = dict(available_backends({"BRAVE_API_KEY": "k" * 8}, "gdelt,mediacloud,nope"))
    assert rows["gdelt"] == "enabled"
    assert rows["wayback"] == "available"
    assert rows["brave"] == "available"
    assert rows["mediacloud"] == "not configured: MEDIACLOUD_API_KEY not set (selected)"
    assert rows["searxng"].startswith("not configured: SEARXNG_URL not set")
    assert rows["nope"] == "unknown back-end"


def test_check_claims_keeps_only_reviews_of_the_quotes_claim():
    body = fixtures._json(fixtures.SUCCESS["factcheck"])
    seen = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.url)
        return httpx.Response(200, text=body, headers={"content-type": "application/json"})

    (fc,) = build_backends("factcheck", fixtures.FIXTURE_ENV)
    a = attr("The Mill Lane footbridge carried twelve thousand people every week, he said.")

    async def go():
        async with httpx.AsyncClient(transport=httpx.MockTransport(answer)) as client:
            return await check_claims([a], default_registry(), [fc], client)

    checks, reasons = asyncio.run(go())["q1"]
    assert reasons == [] and len(seen) == 1
    # a quote credited to an outlet in another language is still checked in its own words
    seen.clear()
    a = attr(a.quote, outlet="El País")
    asyncio.run(go())
    assert len(seen) == 1 and "footbridge" in str(seen[0])
    assert [(c.rating, c.publisher) for c in checks] == [("Mostly false", "Example Fact Desk")]
    assert checks[0].review_url.startswith("https://factcheck.example.net/")


# --- end to end -------------------------------------------------------------------------------


def test_a_quote_without_links_is_found_through_gdelt_fetched_and_verified():
    registry = fixtures.e2e_registry()
    doc = load_text(fixtures.E2E_DRAFT, "e2e-draft.md", "markdown")
    assert doc.links == ()
    (a,) = extract(doc, registry=registry)
    assert (a.speaker, a.outlet) == ("Ottoline Marsh-Greaves", "Corvenna Courier")
    path = str(fixtures.cassette_path("gdelt"))

    async def go():
        with cassette(path, "replay"):
            async with httpx.AsyncClient() as client:
                found = await discover_sources([a], registry, [fixtures.backend("gdelt")], client)
        cands, reasons, _ = found[a.id]
        assert reasons == []
        top = cands[0]
        assert (top.url, top.origin, top.detail) == (fixtures.E2E_PAGE_URL, "search", "gdelt")
        assert [c.url for c in cands][1] == fixtures.E2E_OTHER_URL  # not the outlet: ranked lower
        pages = await fetch_pages([top.url], FetchConfig(), network=Network(Mode.REPLAY, path))
        return pages[top.url]

    page = asyncio.run(go())
    assert page.ok, page.reason
    m = match_quote(a.quote, page.text, page.url)
    assert m.grade == "exact", m


def test_the_whole_run_finds_an_unlinked_quote_through_search(tmp_path):
    """`citecheck.check` on a draft with no links: search, fetch and verdict, all replayed."""
    import citecheck

    draft = tmp_path / "e2e-draft.md"
    draft.write_text(fixtures.E2E_DRAFT, encoding="utf-8")
    report = citecheck.check(
        draft,
        replay=str(fixtures.cassette_path("gdelt")),
        search=("gdelt",),
        registry=fixtures.e2e_registry(),
    )
    (f,) = report.findings
    assert f.verdict == "verified", f.reason
    assert f.evidence.url == fixtures.E2E_PAGE_URL
    assert f.sources[0].origin == "search" and f.sources[0].detail == "gdelt"


def test_search_failure_is_a_reason_not_a_crash(tmp_path):
    import citecheck

    draft = tmp_path / "e2e-draft.md"
    draft.write_text(fixtures.E2E_DRAFT, encoding="utf-8")
    # the searxng cassette holds no GDELT answers: the back-end fails, the run goes on
    report = citecheck.check(
        draft,
        replay=str(fixtures.cassette_path("searxng")),
        search=("gdelt",),
        registry=fixtures.e2e_registry(),
    )
    (f,) = report.findings
    assert f.verdict == "unverifiable"
    assert f.search_errors and "gdelt" in f.search_errors[0]


def test_a_quote_a_fact_checker_rated_is_flagged_in_the_finding():
    import citecheck

    report = citecheck.check_text(
        "Councillor Dorian Pemberwick said that in winter “footbridge carried twelve thousand"
        " people every week” before the closure.",  # the phrase the fixture cassette answers
        replay=str(fixtures.cassette_path("factcheck")),
        search=("factcheck",),
        env={"GOOGLE_FACTCHECK_API_KEY": "fixture-factcheck-key"},
    )
    # the sentence is reported speech with the quote inside; the cassette answers the query of
    # the first of the two findings, which holds the rated words
    (f,) = [f for f in report.findings if f.fact_checks]
    assert "footbridge carried twelve thousand people every week" in f.attribution.quote
    (check,) = f.fact_checks
    assert check.rating == "Mostly false" and check.publisher == "Example Fact Desk"
    assert check.review_url.startswith("https://factcheck.example.net/")
    text = citecheck.render(report, "text")
    assert "Example Fact Desk rated it “Mostly false”" in text

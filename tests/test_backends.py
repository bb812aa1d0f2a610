"""Each search back-end against cassettes in its API's documented format (success, empty, 429
with and without Retry-After, malformed JSON), timeouts through a MockTransport, and the
requests each back-end builds. The cassettes are fixtures: see
tests/fixtures/search_cassettes.py."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime

import httpx
import pytest
import yaml
from fixtures import search_cassettes as fixtures

from citecheck.discover.backends import BACKENDS, DEFAULT
from citecheck.discover.backends.gdelt import Gdelt, seen_date
from citecheck.discover.queries import SearchQuery
from citecheck.net.archive import closest_snapshot, raw_capture_url
from citecheck.net.cassette import cassette
from citecheck.net.http import BackendError
from citecheck.net.ratelimit import RateLimiter

NAMES = list(fixtures.QUERIES)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 6))
        self.now += seconds


def ask(name: str, scenario: str, limiter: RateLimiter | None = None):
    """Replay one fixture scenario; the back-end's answer (hits or fact checks)."""
    b = fixtures.backend(name, limiter)
    query = fixtures.QUERIES[name][scenario]

    async def go():
        with cassette(str(fixtures.cassette_path(name)), "replay"):
            async with httpx.AsyncClient() as client:
                if b.kind == "factcheck":
                    return await b.claims(query, client)
                return await b.search(query, client)

    return asyncio.run(go())


# --- every back-end, every documented answer --------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_success_parses_the_documented_format(name):
    found = ask(name, "success")
    assert found
    for item in found:
        url = getattr(item, "url", None) or item.review_url
        assert url.startswith("https://") and ".example." in url


@pytest.mark.parametrize("name", NAMES)
def test_empty_answer_is_no_hits(name):
    assert ask(name, "empty") == []


@pytest.mark.parametrize("name", NAMES)
def test_429_with_retry_after_waits_then_retries(name):
    clock = FakeClock()
    found = ask(name, "429-retry-after", RateLimiter(clock=clock, sleep=clock.sleep))
    assert found
    # The retry waited for Retry-After (3 s) or the host's own spacing, whichever is longer.
    assert clock.sleeps and clock.sleeps[-1] >= 3.0


@pytest.mark.parametrize("name", NAMES)
def test_429_without_retry_after_is_a_reason_and_pauses_the_host(name):
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)
    with pytest.raises(BackendError, match=r"rate limited by \S+ \(HTTP 429, no Retry-After\)"):
        ask(name, "429-no-retry-after", limiter)
    host = fixtures.backend(name).calls(fixtures.QUERIES[name]["empty"])
    host = host[0].host if host else "web.archive.org"
    assert limiter.wait_for(host) >= 5.0  # nobody asks that host again straight away


@pytest.mark.parametrize("name", NAMES)
def test_malformed_json_is_a_reason(name):
    with pytest.raises(BackendError, match="malformed JSON"):
        ask(name, "malformed")


@pytest.mark.parametrize("name", NAMES)
def test_timeout_is_a_reason(name):
    def hang(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("no answer", request=request)

    b = fixtures.backend(name)

    async def go():
        async with httpx.AsyncClient(transport=httpx.MockTransport(hang)) as client:
            if b.kind == "factcheck":
                return await b.claims(fixtures.QUERIES[name]["success"], client)
            return await b.search(fixtures.QUERIES[name]["success"], client)

    with pytest.raises(BackendError, match="timed out"):
        asyncio.run(go())


def test_a_request_the_cassette_lacks_is_a_reason():
    with pytest.raises(BackendError, match="cassette holds no answer"):
        b = fixtures.backend("gdelt")

        async def go():
            with cassette(str(fixtures.cassette_path("gdelt")), "replay"):
                async with httpx.AsyncClient() as client:
                    await b.search(SearchQuery(phrase="words nobody recorded"), client)

        asyncio.run(go())


def test_http_errors_carry_the_apis_message_but_never_the_key():
    key = fixtures.FIXTURE_ENV["GOOGLE_FACTCHECK_API_KEY"]

    def deny(request: httpx.Request) -> httpx.Response:
        assert request.url.params["key"] == key
        body = {"error": {"code": 400, "message": f"API key not valid: {key}"}}
        return httpx.Response(400, json=body)

    b = fixtures.backend("factcheck")

    async def go():
        async with httpx.AsyncClient(transport=httpx.MockTransport(deny)) as client:
            await b.claims(fixtures.QUERIES["factcheck"]["success"], client)

    with pytest.raises(BackendError) as err:
        asyncio.run(go())
    assert "HTTP 400" in err.value.reason and "API key not valid" in err.value.reason
    assert key not in err.value.reason


def test_a_long_retry_after_is_not_waited_for():
    calls = []

    def busy(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(429, headers={"Retry-After": "120"})

    clock = FakeClock()
    b = fixtures.backend("brave", RateLimiter(clock=clock, sleep=clock.sleep))

    async def go():
        async with httpx.AsyncClient(transport=httpx.MockTransport(busy)) as client:
            with pytest.raises(BackendError, match="Retry-After 120 s") as err:
                await b.search(fixtures.QUERIES["brave"]["success"], client)
            assert err.value.retry_after == 120
            with pytest.raises(BackendError, match="asked for a pause"):
                await b.search(fixtures.QUERIES["brave"]["success"], client)

    asyncio.run(go())
    assert len(calls) == 1 and clock.sleeps == []


# --- what each back-end asks ------------------------------------------------------------------


def test_gdelt_request_follows_the_doc_api():
    q = SearchQuery(phrase="a b c", domains=("example.com", "example.net"), language="es")
    (call,) = fixtures.backend("gdelt").calls(q)
    params = dict(call.params)
    assert call.url == "https://api.gdeltproject.org/api/v2/doc/doc"
    assert (
        params["query"] == '"a b c" (domain:example.com OR domain:example.net) sourcelang:spanish'
    )
    assert (params["mode"], params["format"], params["timespan"]) == ("artlist", "json", "3months")
    big = SearchQuery(loose="x y", max_results=1000)
    assert dict(fixtures.backend("gdelt").calls(big)[0].params)["maxrecords"] == "250"


def test_gdelt_clips_dates_to_its_three_month_window():
    now = datetime(2025, 4, 10, 12, 0, tzinfo=UTC)
    g = Gdelt({}, now=lambda: now)
    recent = SearchQuery(phrase="x", date_from=date(2024, 12, 1), date_to=date(2025, 6, 1))
    params = dict(g.calls(recent)[0].params)
    assert params["startdatetime"] == "20250110120000"  # 90 days back, not December
    assert params["enddatetime"] == "20250410120000"  # not the future
    old = SearchQuery(phrase="x", date_from=date(2013, 1, 1), date_to=date(2013, 12, 31))
    with pytest.raises(BackendError, match="outside GDELT's three-month window"):
        g.calls(old)


def test_gdelt_seendate_and_context_endpoint():
    assert seen_date("20250311T101500Z") == "2025-03-11"
    assert seen_date("") is None
    (call,) = fixtures.backend("gdelt-context").calls(SearchQuery(phrase="x y"))
    assert call.url == "https://api.gdeltproject.org/api/v2/context/context"
    assert BACKENDS["gdelt-context"].interval == 5.0  # same host, same bucket as DOC 2.0


def test_wayback_lists_the_outlets_captures_by_slug_words():
    q = fixtures.QUERIES["wayback"]["success"]
    (call,) = fixtures.backend("wayback").calls(q)
    params = call.params
    assert call.url == "https://web.archive.org/cdx/search/cdx"
    assert ("output", "json") in params and ("matchType", "domain") in params
    assert ("from", "20250301") in params and ("to", "20250331") in params
    assert ("filter", "statuscode:200") in params
    (hit,) = ask("wayback", "success")  # the swimming-baths capture matches too few words
    assert hit.url.startswith("https://news.example.org/local/")  # ":443" dropped
    assert hit.archive_url == raw_capture_url(
        "20250312180500", hit.url.replace(".org/", ".org:443/")
    )
    assert hit.date == "2025-03-12" and not hit.phrase_hit
    # Without an outlet or dates the archive cannot be searched: no request at all.
    assert fixtures.backend("wayback").calls(SearchQuery(phrase="a b c d")) == []


def test_closest_snapshot_for_the_dead_link_fallback():
    async def go():
        with cassette(str(fixtures.cassette_path("wayback")), "replay"):
            async with httpx.AsyncClient() as client:
                lim = RateLimiter(enabled=False)
                found = await closest_snapshot(fixtures.SNAPSHOT_URL, client, limiter=lim)
                none = await closest_snapshot(fixtures.NO_SNAPSHOT_URL, client, limiter=lim)
                return found, none

    found, none = asyncio.run(go())
    assert found == (raw_capture_url("20250318093000", fixtures.SNAPSHOT_URL), "20250318093000")
    assert none is None


def test_keyed_backends_send_their_key_the_documented_way():
    env = fixtures.FIXTURE_ENV
    (brave,) = fixtures.backend("brave").calls(fixtures.QUERIES["brave"]["success"])
    assert dict(brave.headers)["X-Subscription-Token"] == env["BRAVE_API_KEY"]
    assert dict(brave.params)["freshness"] == "2025-03-01to2025-03-31"
    assert dict(brave.params)["search_lang"] == "en"
    (mc,) = fixtures.backend("mediacloud").calls(fixtures.QUERIES["mediacloud"]["empty"])
    assert dict(mc.headers)["Authorization"] == f"Token {env['MEDIACLOUD_API_KEY']}"
    assert dict(mc.params)["end"] == "2025-04-10"  # today, with a three-year window
    assert dict(mc.params)["start"] == "2022-04-11"
    (fc,) = fixtures.backend("factcheck").calls(fixtures.QUERIES["factcheck"]["empty"])
    assert dict(fc.params)["key"] == env["GOOGLE_FACTCHECK_API_KEY"]
    (sx,) = fixtures.backend("searxng").calls(fixtures.QUERIES["searxng"]["success"])
    assert sx.url == "https://searx.example.net/search"
    assert dict(sx.params)["q"] == '"the ferry will carry Westbank residents" site:example.com'


def test_unconfigured_backends_say_what_is_missing_and_make_no_request():
    for name, cls in BACKENDS.items():
        b = cls({})
        why = b.configured()
        assert (why is None) == (name in ("gdelt", "gdelt-context", "wayback")), name
        if why:
            assert "not set" in why and b.calls(SearchQuery(phrase="a b c")) == []
    assert set(DEFAULT) == {"gdelt", "wayback"}


# --- the cassettes themselves -----------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_cassettes_are_labelled_fixtures_on_example_domains(name):
    text = fixtures.cassette_path(name).read_text(encoding="utf-8")
    assert text.startswith(f"# {fixtures.FIXTURE_NOTE}")
    for i in yaml.safe_load(text)["interactions"]:
        resp = i["response"]
        labelled = resp["headers"].get("X-Fixture") == [fixtures.FIXTURE_NOTE]
        assert labelled or fixtures.PAGE_NOTE in resp["body"]["string"]
    import re

    hosts = set(re.findall(r"https?://([a-z0-9.-]+)", text))
    apis = {"api.gdeltproject.org", "web.archive.org", "archive.org", "api.search.brave.com",
            "search.mediacloud.org", "factchecktools.googleapis.com"}  # fmt: skip
    assert all(
        h in apis or h.endswith(("example.com", "example.org", "example.net")) for h in hosts
    )

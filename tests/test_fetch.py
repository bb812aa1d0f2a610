"""The fetch stage: a loopback server for live behaviour, a stub resolver for the address guard,
a refusing transport for end-to-end guard runs, and tmp cassettes for replay. Nothing here opens
a connection outside 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace

import httpx
import pytest
import yaml
from faultserver import FaultServer, LoopbackOnlyTransport

from citecheck.errors import CassetteError
from citecheck.fetch import FetchConfig, fetch_pages, fetch_pages_sync
from citecheck.net.cassette import cassette
from citecheck.net.guard import address_allowed
from citecheck.net.mode import Mode, Network

OFFLINE = Network(Mode.OFFLINE)


def replay(path) -> Network:
    return Network(Mode.REPLAY, str(path))


def record(path) -> Network:
    return Network(Mode.RECORD, str(path))

# Small timeouts and no politeness pauses: a loopback server answers at once.
LIVE = FetchConfig(
    allow_private=True,
    connect_timeout=2.0,
    read_timeout=2.0,
    candidate_timeout=5.0,
    retries=1,
    backoff=0.01,
    host_delay=0.0,
    cache=False,
)


@pytest.fixture(scope="module")
def server():
    with FaultServer() as s:
        yield s


def fetch(urls, cfg=LIVE, **kw):
    return fetch_pages_sync(list(urls), cfg, **kw)


# --- live fetching against the loopback server ------------------------------------------------


def test_ok_page_has_text_title_and_final_url(server):
    url = server.url("/ok")
    page = fetch([url])[url]
    assert page.status == "ok", page.reason
    assert "Mayor Quill said the bridge will reopen in May." in page.text
    assert page.title == "A fixture page"
    assert page.final_url == url and page.http_status == 200
    assert page.language == "en"
    assert not page.from_cache and page.archive_url is None


def test_404_and_410_are_statuses_with_the_server_answer_as_reason(server):
    pages = fetch([server.url("/404"), server.url("/410")])
    p404, p410 = pages[server.url("/404")], pages[server.url("/410")]
    assert (p404.status, p404.http_status) == ("http_404", 404)
    assert "404" in p404.reason and not p404.text
    assert p410.status == "http_410"


def test_redirect_chain_is_followed_to_the_final_url(server):
    url = server.url("/redirect")
    page = fetch([url])[url]
    assert page.status == "ok", page.reason
    assert page.url == url
    assert page.final_url == server.url("/ok")


def test_redirect_loop_stops_at_the_cap(server):
    url = server.url("/loop")
    page = fetch([url], replace(LIVE, max_redirects=3))[url]
    assert page.status == "too_many_redirects"
    assert "3 redirects" in page.reason


@pytest.mark.parametrize("path", ["/image.png", "/binary"])
def test_non_text_content_is_not_text(server, path):
    url = server.url(path)
    page = fetch([url])[url]
    assert page.status == "not_text", page.reason
    assert not page.text


def test_plain_text_and_pdf_are_read(server):
    pages = fetch([server.url("/plain.txt"), server.url("/report.pdf")])
    plain, pdf = pages[server.url("/plain.txt")], pages[server.url("/report.pdf")]
    assert plain.status == "ok" and plain.text.startswith("Plain words from a fixture text file.")
    assert pdf.status == "ok", pdf.reason
    assert "footbridge pier is beyond patching" in pdf.text


def test_one_failing_url_does_not_affect_the_others(server):
    good = [server.url(f"/page/{n}") for n in range(6)]
    bad = [server.url("/404"), "ftp://files.example.com/x", "not a url", server.url("/image.png")]
    pages = fetch(good + bad + good[:2])  # duplicates are fetched once
    assert set(pages) == set(good + bad)
    for n, url in enumerate(good):
        assert pages[url].status == "ok", pages[url].reason
        assert f"This is page {n} of the fixture site." in pages[url].text
    assert [pages[u].status for u in bad] == ["http_404", "invalid_url", "invalid_url", "not_text"]
    assert server.hits["/page/0"] >= 1


def test_every_url_gets_a_page_even_when_parsing_blows_up(server, monkeypatch):
    import citecheck.fetch.fetcher as fetch_mod

    def boom(url, *a, **kw):
        if url.endswith("/page/x"):
            raise RuntimeError("parser exploded")
        return real(url, *a, **kw)

    real = fetch_mod.parse_page
    monkeypatch.setattr(fetch_mod, "parse_page", boom)
    urls = [server.url("/page/x"), server.url("/page/y")]
    pages = fetch(urls)
    assert pages[urls[1]].status == "ok"
    assert pages[urls[0]].status == "error" and "parser exploded" in pages[urls[0]].reason


def test_user_agent_is_sent(server):
    agent = "citecheck-test/1.0 (+https://example.org/contact)"
    url = server.url("/echo")
    page = fetch([url], replace(LIVE, user_agent=agent))[url]
    assert f"Asked by {agent}." in page.text


def test_fetch_pages_runs_inside_a_running_loop(server):
    url = server.url("/ok")

    async def main():
        return await fetch_pages([url], LIVE)

    assert asyncio.run(main())[url].status == "ok"


# --- the address guard as a decision ----------------------------------------------------------


class StubResolver:
    """Names to addresses, as a hostile or broken DNS would answer; records every lookup."""

    def __init__(self, table: dict[str, list[str]]):
        self.table = table
        self.asked: list[str] = []

    def __call__(self, host: str) -> list[str]:
        self.asked.append(host)
        if host not in self.table:
            raise OSError(f"stub: no such name {host}")
        return self.table[host]


@pytest.mark.parametrize(
    "address, kind",
    [
        ("10.0.0.1", "private"),
        ("172.16.5.4", "private"),
        ("192.168.1.1", "private"),
        ("127.0.0.1", "loopback"),
        ("169.254.169.254", "link-local"),
        ("::1", "loopback"),
        ("fc00::1", "private"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::ffff:127.0.0.1", "loopback"),
        ("100.64.0.1", "non-public"),
        # IPv6 forms that carry an inside IPv4 address, public-looking to `is_global`
        ("2002:7f00:1::1", "loopback"),  # 6to4 of 127.0.0.1
        ("2002:a9fe:a9fe::", "link-local"),  # 6to4 of the metadata address
        ("64:ff9b::a00:1", "private"),  # NAT64 well-known prefix, 10.0.0.1
        ("64:ff9b:1::a00:1", "reserved"),  # local-use NAT64 (RFC 8215): refused outright
        ("2001:0:4136:e378:8000:63bf:80ff:fffe", "private"),  # Teredo
    ],
)
def test_names_resolving_to_inside_addresses_are_refused(address, kind):
    resolve = StubResolver({"evil.example.com": [address]})
    ok, why = address_allowed("evil.example.com", resolve)
    assert not ok
    assert kind in why and address in why
    assert resolve.asked == ["evil.example.com"]


def test_one_inside_address_among_public_ones_is_enough_to_refuse():
    resolve = StubResolver({"mixed.example.com": ["93.184.216.34", "10.1.2.3"]})
    ok, why = address_allowed("mixed.example.com", resolve)
    assert not ok and "10.1.2.3" in why


def test_a_public_address_is_allowed():
    resolve = StubResolver({"news.example.com": ["93.184.216.34", "2606:2800:220:1::1"]})
    assert address_allowed("news.example.com", resolve) == (True, "")


def test_translated_forms_of_a_public_ipv4_address_are_allowed():
    """An IPv6-only network with DNS64 gives every IPv4 site a 64:ff9b:: address."""
    resolve = StubResolver({"news.example.com": ["64:ff9b::5db8:d822", "2002:5db8:d822::1"]})
    assert address_allowed("news.example.com", resolve) == (True, "")


@pytest.mark.parametrize(
    "host, allowed",
    [
        ("127.0.0.1", False),
        ("[::1]", False),
        ("169.254.169.254", False),
        ("10.0.0.1", False),
        ("0.0.0.0", False),
        ("93.184.216.34", True),
        ("localhost", False),
        ("api.localhost", False),
    ],
)
def test_literal_addresses_and_localhost_are_decided_without_dns(host, allowed):
    resolve = StubResolver({})
    ok, why = address_allowed(host, resolve)
    assert ok is allowed, why
    assert resolve.asked == []


def test_allow_private_lifts_the_guard():
    resolve = StubResolver({"intranet.example.com": ["10.0.0.1"]})
    assert address_allowed("intranet.example.com", resolve, allow_private=True) == (True, "")
    assert address_allowed("127.0.0.1", resolve, allow_private=True) == (True, "")
    assert resolve.asked == []


def test_unresolvable_and_empty_answers_are_refused():
    resolve = StubResolver({"empty.example.com": []})
    assert not address_allowed("nowhere.example.com", resolve)[0]
    ok, why = address_allowed("empty.example.com", resolve)
    assert not ok and "no address" in why


# --- the guard end to end, through a transport that cannot leave loopback ---------------------

PUBLIC = {"news.example.com": ["93.184.216.34"], "intranet.example.com": ["10.0.0.5"]}


@pytest.mark.parametrize(
    "path, why",
    [
        ("/redirect", "127.0.0.1 is a loopback address"),
        ("/to-localhost", "localhost is a loopback name"),
        ("/to-other-loopback", "127.0.0.2 is a loopback address"),
        ("/to-metadata", "169.254.169.254 is a link-local address"),
        ("/to-private", "10.0.0.1 is a private address"),
    ],
)
def test_a_redirect_inside_is_refused_before_any_connection(server, path, why):
    transport = LoopbackOnlyTransport(server.port, ("news.example.com",))
    url = f"http://news.example.com{path}"
    cfg = replace(LIVE, allow_private=False)
    page = fetch([url], cfg, transport=transport, resolve=StubResolver(PUBLIC))[url]
    assert page.status == "blocked"
    assert why in page.reason
    assert transport.refused == []  # the guard stopped it; the transport never had to
    assert set(transport.seen) == {"news.example.com"}


def test_a_name_that_resolves_inside_is_refused_end_to_end(server):
    transport = LoopbackOnlyTransport(server.port, ("news.example.com",))
    url = "http://intranet.example.com/ok"
    cfg = replace(LIVE, allow_private=False)
    page = fetch([url], cfg, transport=transport, resolve=StubResolver(PUBLIC))[url]
    assert page.status == "blocked" and "10.0.0.5" in page.reason
    assert transport.refused == [] and transport.seen == []


def test_a_public_name_is_fetched_end_to_end(server):
    transport = LoopbackOnlyTransport(server.port, ("news.example.com",))
    url = "http://news.example.com/ok"
    cfg = replace(LIVE, allow_private=False)
    page = fetch([url], cfg, transport=transport, resolve=StubResolver(PUBLIC))[url]
    assert page.status == "ok", page.reason
    assert transport.refused == []


def test_a_redirect_to_another_scheme_is_refused(server):
    url = server.url("/to-ftp")
    page = fetch([url])[url]
    assert page.status == "invalid_url" and "ftp://" in page.reason


def test_the_default_guard_refuses_the_loopback_server_itself(server):
    transport = LoopbackOnlyTransport(server.port, allow_loopback=True)
    url = server.url("/ok")
    page = fetch([url], replace(LIVE, allow_private=False), transport=transport)[url]
    assert page.status == "blocked"
    assert transport.seen == []


# --- offline ----------------------------------------------------------------------------------


class RecordingTransport(httpx.AsyncBaseTransport):
    def __init__(self):
        self.requests: list[str] = []

    async def handle_async_request(self, request):
        self.requests.append(str(request.url))
        raise httpx.ConnectError("no network in this test")


def test_offline_makes_no_request():
    transport = RecordingTransport()
    resolve = StubResolver({})
    urls = ["https://www.example.com/a", "https://www.example.org/b"]
    pages = fetch(urls, FetchConfig(), network=OFFLINE, transport=transport, resolve=resolve)
    assert {p.status for p in pages.values()} == {"offline"}
    assert transport.requests == [] and resolve.asked == []


# --- cassettes --------------------------------------------------------------------------------

FIXTURE_HTML = (
    "<html lang='en'><head><title>Fictional council story</title></head><body><article>"
    "<p>Councillor Wren Tallis said the fictional ferry would run every twenty minutes.</p>"
    "<p>Fixture page written for citecheck tests; not a real news story.</p>"
    "</article></body></html>"
)


def interaction(uri: str, status: int = 200, body: str = FIXTURE_HTML, headers=None) -> dict:
    return {
        "request": {"body": None, "headers": {}, "method": "GET", "uri": uri},
        "response": {
            "status": {"code": status, "message": "OK" if status == 200 else "Not Found"},
            "headers": headers or {"Content-Type": ["text/html; charset=utf-8"]},
            "body": {"string": body},
        },
    }


def write_cassette(path, interactions) -> str:
    text = "# Fixture cassette written by tests/test_fetch.py; not recorded from the web.\n"
    text += yaml.safe_dump({"interactions": interactions, "version": 1}, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_replay_serves_recorded_pages_and_names_missing_ones(tmp_path):
    path = write_cassette(
        tmp_path / "c.yaml",
        [
            interaction("https://www.example.com/news/ferry"),
            interaction("https://www.example.com/news/gone", 404, "<p>Page not found</p>"),
        ],
    )
    resolve = StubResolver({})
    urls = [
        "https://www.example.com/news/ferry",
        "https://www.example.com/news/gone",
        "https://www.example.com/news/never-recorded",
    ]
    pages = fetch(urls, FetchConfig(), network=replay(path), resolve=resolve)
    ferry, gone, missing = (pages[u] for u in urls)
    assert ferry.status == "ok" and "every twenty minutes" in ferry.text
    assert gone.status == "http_404"
    assert missing.status == "not_in_cassette"
    assert "never-recorded" in missing.reason
    assert resolve.asked == []  # a replay resolves nothing


def test_missing_empty_or_garbled_cassettes_are_cassette_errors(tmp_path):
    garbled = tmp_path / "garbled.yaml"
    garbled.write_text("interactions: [ {request: : :\n", encoding="utf-8")
    not_vcr = tmp_path / "not-vcr.yaml"
    not_vcr.write_text("just: a mapping\n", encoding="utf-8")
    empty = write_cassette(tmp_path / "empty.yaml", [])
    for path in (tmp_path / "missing.yaml", garbled, not_vcr, empty):
        with pytest.raises(CassetteError):
            fetch(["https://www.example.com/a"], FetchConfig(), network=replay(path))


def test_unknown_cassette_mode_is_a_cassette_error(tmp_path):
    with pytest.raises(CassetteError), cassette(str(tmp_path / "x.yaml"), "rewind"):
        pass


# --- recording never keeps secrets ------------------------------------------------------------

SECRETS = {
    "Authorization": "Bearer secret-bearer-4",
    "Cookie": "session=secret-cookie-5",
    "X-Subscription-Token": "secret-brave-6",
    "DeepL-Auth-Key": "secret-deepl-7",
}


def test_record_strips_cookies_auth_headers_and_key_parameters(server, tmp_path):
    path = tmp_path / "recorded.yaml"
    query = "?key=secret-key-1&api_key=secret-key-2&token=secret-key-3&q=kept-term"
    url = server.url("/echo") + query

    async def ask():
        async with httpx.AsyncClient(headers=SECRETS) as client:
            return await client.get(url)

    before = server.hits["/echo"]
    with cassette(str(path), "record"):
        live = asyncio.run(ask())
    assert live.status_code == 200 and server.hits["/echo"] == before + 1
    text = path.read_text(encoding="utf-8")
    for secret in ("secret-key-", "secret-bearer", "secret-cookie", "secret-brave", "secret-deepl"):
        assert secret not in text
    assert "fixture-secret-cookie" not in text  # the server's Set-Cookie
    assert "q=kept-term" in text and "Asked by" in text
    recorded = yaml.safe_load(text)["interactions"][0]
    headers = {k.lower() for k in recorded["request"]["headers"]}
    assert not headers & {"authorization", "cookie", "x-subscription-token", "deepl-auth-key"}
    assert "set-cookie" not in {k.lower() for k in recorded["response"]["headers"]}

    # The same request, keys and all, replays from the scrubbed cassette without the server.
    with cassette(str(path), "replay"):
        again = asyncio.run(ask())
    assert again.status_code == 200 and "Asked by" in again.text
    assert server.hits["/echo"] == before + 1


def test_record_then_replay_through_fetch_pages(server, tmp_path):
    path = str(tmp_path / "run.yaml")
    urls = [server.url("/ok"), server.url("/404")]
    recorded = fetch(urls, LIVE, network=record(path))
    assert [recorded[u].status for u in urls] == ["ok", "http_404"]
    hits = sum(server.hits.values())
    replayed = fetch(urls, LIVE, network=replay(path))
    assert [replayed[u].status for u in urls] == ["ok", "http_404"]
    assert replayed[urls[0]].text == recorded[urls[0]].text
    assert sum(server.hits.values()) == hits  # nothing asked of the server
    uris = [i["request"]["uri"] for i in yaml.safe_load(open(path))["interactions"]]
    assert server.url("/robots.txt") in uris  # robots.txt is part of the record


# --- the second line of the guard: the address actually connected to ---------------------------


def test_a_connection_that_lands_inside_is_dropped_before_any_request(server):
    import httpcore

    from citecheck.net.guard import Exemptions as _Exemptions
    from citecheck.net.transport import CheckedBackend as _CheckedBackend

    async def connect(exempt):
        backend = _CheckedBackend(httpcore.AnyIOBackend(), exempt)
        # The guard saw a public address a moment ago; the socket lands on loopback.
        stream = await backend.connect_tcp("127.0.0.1", server.port, timeout=2)
        await stream.aclose()

    with pytest.raises(httpcore.ConnectError, match="loopback address 127.0.0.1"):
        asyncio.run(connect(_Exemptions()))
    asyncio.run(connect(_Exemptions(["127.0.0.0/8"])))  # an exempted network passes


def test_allow_private_hosts_exempts_names_and_networks():
    resolve = StubResolver({"cms.intranet.example": ["10.0.0.7"], "db.example.com": ["10.9.9.9"]})
    hosts = ("intranet.example", "192.168.0.0/16")
    assert address_allowed("cms.intranet.example", resolve, allow_hosts=hosts) == (True, "")
    assert address_allowed("192.168.4.2", resolve, allow_hosts=hosts) == (True, "")
    assert not address_allowed("db.example.com", resolve, allow_hosts=hosts)[0]
    assert not address_allowed("10.0.0.1", resolve, allow_hosts=hosts)[0]


def test_dns_failure_is_its_own_status(server):
    transport = LoopbackOnlyTransport(server.port, ("news.example.com",))
    url = "http://gone.example.com/story"
    cfg = replace(LIVE, allow_private=False, archive_fallback=False)
    page = fetch([url], cfg, transport=transport, resolve=StubResolver(PUBLIC))[url]
    assert page.status == "dns_error" and "gone.example.com" in page.reason
    assert transport.seen == [] and transport.refused == []


# --- dead links and the Internet Archive ------------------------------------------------------
# Fixtures: the availability API's documented answer shape
# ({"url", "archived_snapshots": {"closest": {"status", "available", "url", "timestamp"}}}) on
# example.* URLs, written for these tests (X-Fixture header), not recorded from the archive.

DEAD = "https://www.example.com/news/2025/03/18/petition-delivered"
NO_CAPTURE = "https://www.example.com/news/2025/03/19/never-archived"
NOT_ASKED = "https://www.example.com/news/2025/03/20/gone-for-good"
SNAPSHOT = "20250318093000"
CAPTURE = f"https://web.archive.org/web/{SNAPSHOT}id_/{DEAD}"
FIXTURE_HEADERS = {"X-Fixture": ["written for citecheck tests; not a real archive answer"]}


def availability_uri(url: str) -> str:
    from citecheck.net.api import Call
    from citecheck.net.archive import AVAILABILITY_API

    return Call(AVAILABILITY_API, (("url", url),)).uri


def availability(url: str, closest: dict | None) -> dict:
    body = {"url": url, "archived_snapshots": {"closest": closest} if closest else {}}
    headers = {"Content-Type": ["application/json"], **FIXTURE_HEADERS}
    return interaction(availability_uri(url), body=json.dumps(body), headers=headers)


def archive_cassette(tmp_path) -> str:
    closest = {
        "status": "200",
        "available": True,
        "url": f"http://web.archive.org/web/{SNAPSHOT}/{DEAD}",
        "timestamp": SNAPSHOT,
    }
    gone = {"Content-Type": ["text/html"], **FIXTURE_HEADERS}
    return write_cassette(
        tmp_path / "archive.yaml",
        [
            interaction(DEAD, 404, "<p>Page not found</p>", gone),
            availability(DEAD, closest),
            interaction(CAPTURE, headers={"Content-Type": ["text/html"], **FIXTURE_HEADERS}),
            interaction(NO_CAPTURE, 404, "<p>Page not found</p>", gone),
            availability(NO_CAPTURE, None),
            interaction(NOT_ASKED, 410, "<p>Gone</p>", gone),
        ],
    )


def test_a_dead_link_is_read_from_its_closest_snapshot(tmp_path):
    path = archive_cassette(tmp_path)
    page = fetch([DEAD], FetchConfig(), network=replay(path))[DEAD]
    assert page.status == "ok", page.reason
    assert "every twenty minutes" in page.text
    assert page.url == DEAD and page.final_url == DEAD
    assert page.archive_url == CAPTURE
    assert "404" in page.reason and "Internet Archive" in page.reason
    assert "2025-03-18 09:30:00 UTC" in page.reason and CAPTURE in page.reason


def test_no_capture_or_no_answer_keeps_the_dead_status(tmp_path):
    path = archive_cassette(tmp_path)
    pages = fetch([NO_CAPTURE, NOT_ASKED], FetchConfig(), network=replay(path))
    none, unasked = pages[NO_CAPTURE], pages[NOT_ASKED]
    assert none.status == "http_404" and "holds no capture" in none.reason
    assert none.archive_url is None
    assert unasked.status == "http_410"
    assert "no archived copy" in unasked.reason and "cassette" in unasked.reason


def test_archive_fallback_can_be_switched_off(tmp_path):
    path = archive_cassette(tmp_path)
    page = fetch([DEAD], FetchConfig(archive_fallback=False), network=replay(path))[DEAD]
    assert page.status == "http_404" and page.archive_url is None
    assert "archive" not in page.reason.lower()


def test_the_sample_drafts_dead_link_stays_dead_in_replay():
    from conftest import SAMPLE_CASSETTE

    url = "https://news.example.org/local/2025/03/18/footbridge-petition-delivered-to-town-hall"
    page = fetch([url], FetchConfig(), network=replay(SAMPLE_CASSETTE))[url]
    assert page.status == "http_404" and page.archive_url is None


def test_a_dns_failure_falls_back_to_the_archive():
    """Live mode, the network replaced by a MockTransport that plays the archive's part."""
    url = "https://vanished.example.net/2024/story"
    capture = f"https://web.archive.org/web/20240102030405id_/{url}"
    asked: list[str] = []

    def archive(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        if request.url.host == "archive.org":
            closest = {
                "status": "200",
                "available": True,
                "url": f"http://web.archive.org/web/20240102030405/{url}",
                "timestamp": "20240102030405",
            }
            return httpx.Response(
                200, json={"url": url, "archived_snapshots": {"closest": closest}}
            )
        if str(request.url) == capture:
            return httpx.Response(200, html=FIXTURE_HTML)
        return httpx.Response(404)

    resolve = StubResolver({"web.archive.org": ["207.241.237.3"]})
    cfg = replace(LIVE, allow_private=False, robots=False)
    page = fetch([url], cfg, transport=httpx.MockTransport(archive), resolve=resolve)[url]
    assert page.status == "ok", page.reason
    assert page.archive_url == capture
    assert "cannot resolve vanished.example.net" in page.reason
    assert asked == [availability_uri(url), capture]


def test_internal_and_literal_hosts_are_never_sent_to_the_archive(server):
    asked: list[str] = []

    def archive(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        return httpx.Response(404)

    urls = [server.url("/404"), "http://cms.intranet/story", "http://wiki.corp/page"]
    resolve = StubResolver({})
    fetch(
        urls, replace(LIVE, robots=False), transport=httpx.MockTransport(archive), resolve=resolve
    )
    assert not [u for u in asked if "archive.org" in u]


# --- the on-disk HTTP cache -------------------------------------------------------------------


def test_a_second_run_fetches_nothing_that_is_fresh(server, tmp_path):
    cache_dir = tmp_path / "cache"
    cfg = replace(LIVE, cache=True, cache_dir=str(cache_dir))
    fresh, nostore = server.url("/cached"), server.url("/no-store")
    before = (server.hits["/cached"], server.hits["/no-store"])
    first = fetch([fresh, nostore], cfg)
    assert first[fresh].status == "ok" and not first[fresh].from_cache
    second = fetch([fresh, nostore], cfg)
    assert second[fresh].status == "ok" and second[fresh].from_cache
    assert second[fresh].text == first[fresh].text
    assert server.hits["/cached"] == before[0] + 1  # max-age=3600: not asked again
    assert not second[nostore].from_cache
    assert server.hits["/no-store"] == before[1] + 2  # no-store: asked every time
    assert (cache_dir / "http-cache.sqlite").is_file()


def test_cache_hits_show_in_the_source_status(server, tmp_path):
    from citecheck.judge import Tried, _status
    from citecheck.model import Candidate

    cfg = replace(LIVE, cache=True, cache_dir=str(tmp_path))
    url = server.url("/cached")
    fetch([url], cfg)
    page = fetch([url], cfg)[url]
    assert _status(Tried(Candidate(url, "link"), page)).status == "ok (cache)"


def test_a_body_over_the_cap_is_never_cached(server, tmp_path):
    cfg = replace(LIVE, cache=True, cache_dir=str(tmp_path), max_bytes=100_000)
    url = server.url("/huge-chunked")
    before = server.hits["/huge-chunked"]
    for _ in range(2):
        assert fetch([url], cfg)[url].status == "too_large"
    assert server.hits["/huge-chunked"] == before + 2


def test_the_cache_is_off_in_replay_and_record(server, tmp_path):
    path = str(tmp_path / "run.yaml")
    cache_dir = tmp_path / "cache"
    cfg = replace(LIVE, cache=True, cache_dir=str(cache_dir))
    fetch([server.url("/cached")], cfg, network=record(path))
    page = fetch([server.url("/cached")], cfg, network=replay(path))[server.url("/cached")]
    assert page.status == "ok" and not page.from_cache
    assert not cache_dir.exists()


def test_default_cache_dir_follows_the_environment(monkeypatch, tmp_path):
    from citecheck.net.cache import default_cache_dir

    monkeypatch.setenv("CITECHECK_CACHE_DIR", str(tmp_path / "mine"))
    assert default_cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("CITECHECK_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir().name == "citecheck"


def test_requests_to_one_host_stay_apart_even_after_the_event_loop_was_held_up():
    """A worker busy in another thread can hold the event loop past several requests' turns;
    they must still start a host's delay apart, never all at once when it frees."""
    import time

    from citecheck.net.transport import Pacer

    async def run() -> list[float]:
        pacer, starts = Pacer(0.2, ceiling=5.0), []

        async def request() -> None:
            await pacer.wait("news.example.com")
            starts.append(asyncio.get_running_loop().time())

        tasks = [asyncio.create_task(request()) for _ in range(4)]
        await asyncio.sleep(0.05)  # the first request starts, the others wait their turn
        time.sleep(0.7)  # then the loop is held up past the others' turns
        await asyncio.gather(*tasks)
        return starts

    starts = asyncio.run(run())
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert len(starts) == 4 and min(gaps) >= 0.19, gaps

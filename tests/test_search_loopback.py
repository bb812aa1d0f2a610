"""Finding an unlinked quote end to end against a loopback SearXNG: the queries sent and their
hits in the report, a changed word that hides the page from one phrase only, and words found
only at another outlet than the one the draft credits (issue 16)."""

from __future__ import annotations

import asyncio
import json
import re
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from faultserver import FaultServer, html_page

import citecheck
from citecheck.discover.backends import build_backends
from citecheck.discover.search import discover_sources
from citecheck.model import Attribution, Verdict
from citecheck.outlets import Outlet, Registry

SAID = (
    "The council will keep the Mill Lane footbridge shut until the spring, whatever it costs "
    "the traders of Westbank."
)
OTHER_SAID = "Nobody on the Westbank estate was asked before the footbridge closed for the winter."


class TinyEngine:
    """A search engine over two pages: exact phrases, loose words (all must stand), site:."""

    def __init__(self, server: FaultServer):
        self.server = server
        self.pages = {
            # the credited outlet (localhost) and another one (127.0.0.1)
            f"http://localhost:{server.port}/credited/story": SAID,
            f"http://127.0.0.1:{server.port}/other/story": OTHER_SAID,
        }
        self.asked: list[str] = []

    def answer(self, h) -> None:
        args = parse_qs(urlsplit(h.path).query)
        q = args["q"][0]
        self.asked.append(q)
        sites = re.findall(r"site:(\S+?)\)?(?:\s|$)", q)
        phrases = re.findall(r'"([^"]+)"', q)
        words = re.sub(r'"[^"]*"|\(?site:\S+', " ", q).split()
        results = []
        for url, text in self.pages.items():
            flat = " ".join(re.findall(r"\w+", text.lower()))
            host = urlsplit(url).hostname
            if sites and host not in sites:
                continue
            if any(" ".join(re.findall(r"\w+", p.lower())) not in flat for p in phrases):
                continue
            if any(w.lower() not in flat.split() for w in words):
                continue
            results.append({"url": url, "title": "A story", "content": text[:80]})
        h.send_body(json.dumps({"results": results}).encode(), "application/json")

    def page(self, h) -> None:
        path = h.path.split("?", 1)[0]
        text = SAID if path.startswith("/credited") else OTHER_SAID
        h.send_body(html_page("Footbridge stays shut", text))


@pytest.fixture(autouse=True)
def _no_pacing(monkeypatch):
    """No politeness waits against our own loopback server and mock transport."""
    from citecheck.discover.backends.searxng import SearXNG
    from citecheck.discover.backends.wayback import Wayback

    monkeypatch.setattr(SearXNG, "interval", 0.0)
    monkeypatch.setattr(Wayback, "interval", 0.0)


@pytest.fixture
def web():
    with FaultServer() as server:
        engine = TinyEngine(server)
        server.route("/search", engine.answer)
        server.route("/credited/story", engine.page)
        server.route("/other/story", engine.page)
        yield server, engine


def _registry(server: FaultServer) -> Registry:
    return Registry([Outlet("Credited Daily", ("localhost",), "newspaper", language="en")])


def _check(server, text: str):
    return citecheck.check_text(
        text,
        search=("searxng",),
        allow_private=True,
        archive_fallback=False,
        cache=False,
        robots=False,
        host_delay=0.0,
        env={"SEARXNG_URL": server.base},
        registry=_registry(server),
    )


def test_a_changed_word_hides_the_page_from_one_phrase_and_the_other_finds_it(web):
    server, engine = web
    misquote = SAID.replace("spring", "summer")
    draft = f"Councillor Wim Arbogast told the Credited Daily: “{misquote}”"
    (f,) = _check(server, draft).findings
    assert f.verdict == Verdict.ALTERED, f.reason
    assert f.evidence.url.endswith("/credited/story")
    # the report lists exactly the searches the engine received, with their hits
    assert [s.query.split('"')[1] for s in f.searched] == [q.split('"')[1] for q in engine.asked]
    assert [s.hits for s in f.searched][-1] == 1 and all(s.backend == "searxng" for s in f.searched)
    assert [s.hits for s in f.searched][:-1] == [0] * (len(f.searched) - 1)
    assert len(engine.asked) <= 3


def test_words_found_only_at_another_outlet_are_misattributed_to_the_outlet(web):
    server, engine = web
    draft = f"Councillor Wim Arbogast told the Credited Daily: “{OTHER_SAID}”"
    (f,) = _check(server, draft).findings
    assert f.verdict == Verdict.MISATTRIBUTED, f.reason
    assert "127.0.0.1" in f.reason and "Credited Daily (localhost)" in f.reason
    assert f.evidence.url.endswith("/other/story")
    # the credited outlet was searched first, then the open web
    assert "site:localhost" in engine.asked[0] and "site:" not in engine.asked[-1]
    again = _check(server, f"Wim Arbogast told the Credited Daily: “{OTHER_SAID}”")
    searched = json.loads(citecheck.render(again, "json"))["documents"][0]["attributions"][0]
    searched = searched["searched"]
    assert searched[-1]["hits"] == 1 and searched[0]["hits"] == 0
    assert all(s["backend"] == "searxng" for s in searched)


def test_the_words_at_the_credited_outlet_are_verified_not_misattributed(web):
    server, engine = web
    (f,) = _check(server, f"Councillor Wim Arbogast told the Credited Daily: “{SAID}”").findings
    assert f.verdict == Verdict.VERIFIED, f.reason
    assert len(engine.asked) == 1  # the first phrase on the outlet found the page: no more


def test_a_quote_dated_before_gdelts_window_is_asked_of_the_archive_instead():
    asked: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        asked.append(request.url.host)
        return httpx.Response(200, json=[], headers={"content-type": "application/json"})

    (gdelt,) = build_backends("gdelt", {})
    gdelt.now = lambda: datetime(2025, 6, 1, tzinfo=UTC)
    reg = _registry_plain()
    a = Attribution(
        "q1", SAID, "direct", (0, 1), (0, 1), speaker="Wim Arbogast", outlet="Credited Daily",
        date_hint="2013",
    )  # fmt: skip

    async def go():
        async with httpx.AsyncClient(transport=httpx.MockTransport(answer)) as client:
            return await discover_sources([a], reg, [gdelt], client)

    cands, reasons, searched = asyncio.run(go())["q1"]
    assert "api.gdeltproject.org" not in asked and "web.archive.org" in asked
    (why,) = reasons
    assert why.startswith("gdelt: searches only the last three months") and "2013" in why
    assert "asked instead: wayback" in why
    assert searched and all(s.backend == "wayback" for s in searched)


def _registry_plain() -> Registry:
    return Registry([Outlet("Credited Daily", ("credited.example.com",), "newspaper", "en")])

"""Quotes a draft credits to one outlet share the outlet's pages the search found for any of them,
and names reach Russian pages in the spelling the Russian press uses (issue 16)."""

from __future__ import annotations

import asyncio
import json
import re
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from faultserver import FaultServer, html_page

import citecheck
from citecheck.discover.backends.base import SearchBackend, SearchHit
from citecheck.discover.queries import build_queries
from citecheck.discover.search import SHARED, discover_sources
from citecheck.discover.transcribe import to_russian
from citecheck.model import Attribution, Verdict
from citecheck.net.api import Call
from citecheck.outlets import Outlet, Registry

REG = Registry(
    [
        Outlet("Harbour Gazette", ("gazette.example.org",), "newspaper", language="en"),
        Outlet("Valley Times", ("times.example.net",), "newspaper", language="en"),
        Outlet("Chirper", ("chirper.example",), "platform"),
    ]
)


def attr(aid: str, quote: str, outlet: str | None) -> Attribution:
    return Attribution(aid, quote, "direct", (0, 1), (0, 1), outlet=outlet)


class ByWord(SearchBackend):
    """Answers a query holding a given word with the given pages; counts what it was asked."""

    name = "byword"

    def __init__(self, answers: dict[str, list[str]]):
        super().__init__({})
        self.answers = answers
        self.asked: list[str] = []

    def requests(self, query):
        return [Call("https://byword.example/search", (("q", query.terms),))]

    async def search(self, query, client):
        self.asked.append(query.describe())
        for word, urls in self.answers.items():
            if word in query.terms:
                return [SearchHit(u, backend=self.name) for u in urls]
        return []


def _run(attrs, backend):
    async def go():
        async with httpx.AsyncClient() as client:
            return await discover_sources(attrs, REG, [backend], client)

    return asyncio.run(go())


FOUND = "The Kestrel Quay ferry will stop running after the storm, Mayor Odile Brannagh said."
NAMELESS = "Nobody could say when it would come back, and nobody wanted to guess."


def test_a_quote_the_search_cannot_find_gets_the_page_found_for_its_sibling():
    on_outlet = "https://gazette.example.org/2024/ferry"
    elsewhere = "https://blog.example.com/ferry-copy"
    backend = ByWord({"Kestrel": [on_outlet, elsewhere]})
    attrs = [attr("a", FOUND, "Harbour Gazette"), attr("b", NAMELESS, "Harbour Gazette")]
    out = _run(attrs, backend)
    asked = len(backend.asked)
    assert [c.url for c in out["a"].candidates] == [on_outlet, elsewhere]
    (shared,) = out["b"].candidates  # only the credited outlet's page, not the copy elsewhere
    assert shared.url == on_outlet and "another quote credited to Harbour Gazette" in shared.detail
    # no search was sent for the shared page, and the quote's own searches are all it lists
    assert asked == len(backend.asked)
    assert all(s.hits == 0 for s in out["b"].searched)


def test_pages_are_shared_only_among_quotes_credited_to_the_same_outlet():
    page = "https://gazette.example.org/2024/ferry"
    backend = ByWord({"Kestrel": [page]})
    attrs = [
        attr("a", FOUND, "Harbour Gazette"),
        attr("b", NAMELESS, "Valley Times"),
        attr("c", NAMELESS + " Again.", None),
    ]
    out = _run(attrs, backend)
    assert out["b"].candidates == [] and out["c"].candidates == []
    # a platform's posts are many authors': one quote's post is not another's
    post = "https://chirper.example/someone/status/1"
    backend = ByWord({"Kestrel": [post]})
    out = _run([attr("a", FOUND, "Chirper"), attr("b", NAMELESS, "Chirper")], backend)
    assert [c.url for c in out["a"].candidates] == [post] and out["b"].candidates == []


def test_a_quote_keeps_its_own_pages_first_and_gets_at_most_a_few_shared():
    pages = [f"https://gazette.example.org/2024/p{i}" for i in range(SHARED + 2)]
    mine = "https://gazette.example.org/2024/mine"
    backend = ByWord({"Kestrel": pages, "Nobody": [mine]})
    attrs = [attr("a", FOUND, "Harbour Gazette"), attr("b", NAMELESS, "Harbour Gazette")]
    cands = _run(attrs, backend)["b"].candidates
    assert cands[0].url == mine and len(cands) == 1 + SHARED
    assert all(c.rank < cands[0].rank for c in cands[1:])


# --- end to end against a loopback engine --------------------------------------------------------

STORY = (
    "The Kestrel Quay ferry will stop running after the storm, Mayor Odile Brannagh said on "
    "Tuesday. Nobody could say when it would come back. The harbour office posted a notice."
)


class Engine:
    """A search engine over one page of the credited outlet: every query word must stand in it."""

    def __init__(self, server: FaultServer):
        self.url = f"http://localhost:{server.port}/gazette/ferry"
        self.asked: list[str] = []

    def answer(self, h) -> None:
        q = parse_qs(urlsplit(h.path).query)["q"][0]
        self.asked.append(q)
        flat = " ".join(re.findall(r"\w+", STORY.lower()))
        phrases = [" ".join(re.findall(r"\w+", p.lower())) for p in re.findall(r'"([^"]+)"', q)]
        words = re.findall(r"\w+", re.sub(r'"[^"]*"|\(?site:\S+', " ", q).lower())
        hit = all(p in flat for p in phrases) and all(w in flat.split() for w in words)
        results = [{"url": self.url, "title": "Ferry", "content": STORY[:80]}] if hit else []
        h.send_body(json.dumps({"results": results}).encode(), "application/json")

    def page(self, h) -> None:
        h.send_body(html_page("Ferry stops", STORY))


@pytest.fixture
def web(monkeypatch):
    from citecheck.discover.backends.searxng import SearXNG

    monkeypatch.setattr(SearXNG, "interval", 0.0)
    with FaultServer() as server:
        engine = Engine(server)
        server.route("/search", engine.answer)
        server.route("/gazette/ferry", engine.page)
        yield server, engine


def test_a_made_up_quote_credited_with_a_found_one_is_read_against_that_article(web):
    server, engine = web
    made_up = "The new pier opens in March with a toll for every cyclist and walker."
    draft = (
        "The Harbour Gazette reported: “The Kestrel Quay ferry will stop running after the "
        "storm.”\n\nThe Harbour Gazette also reported: “Nobody could say when it would come "
        f"back.”\n\nThe Harbour Gazette added: “{made_up}”\n"
    )
    report = citecheck.check_text(
        draft,
        search=("searxng",),
        allow_private=True,
        archive_fallback=False,
        cache=False,
        robots=False,
        host_delay=0.0,
        env={"SEARXNG_URL": server.base},
        registry=Registry([Outlet("Harbour Gazette", ("localhost",), "newspaper", language="en")]),
    )
    verdicts = {f.attribution.quote: f for f in report.findings}
    assert [f.verdict for f in verdicts.values()] == [
        Verdict.VERIFIED,  # found by its own words
        Verdict.VERIFIED,  # too short and plain to search by, found with its sibling's page
        Verdict.NOT_FOUND,  # made up: not in the article the others come from, not "unverifiable"
    ], [f.reason for f in verdicts.values()]
    assert verdicts[made_up].sources[0].url == engine.url
    # the report lists the searches sent for each quote, none for the shared page
    assert sum(len(f.searched) for f in report.findings) == len(engine.asked)


# --- names on Russian pages -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "russian"),
    [
        ("James", "Джеймс"),
        ("Lakers", "Лейкерс"),
        ("Grace", "Грейс"),
        ("Mike", "Майк"),
        ("Jeff", "Джефф"),
        ("Bolivia", "Боливия"),
        ("Walton", "Уолтон"),
        ("Eduardo", "Эдуардо"),
        ("Ryabkov", "Рябков"),
        ("Morales", "Моралес"),
        ("Korea", "Корея"),
        ("Washington", "Вашингтон"),
    ],
)
def test_english_names_are_written_as_the_russian_press_writes_them(name, russian):
    assert to_russian(name) == russian


def test_names_not_in_the_latin_script_are_left_alone():
    assert to_russian("Рябков") == "Рябков" and to_russian("O'Neill-2") == "O'Neill-2"


def test_a_quote_of_a_russian_outlet_is_searched_with_transcribed_names():
    reg = Registry([Outlet("Vesti Primer", ("vesti.example.ru",), "newspaper", language="ru")])
    quote = "Coach Luke Walton said James will play 15 minutes against the Nuggets."
    a = Attribution("q", quote, "direct", (0, 1), (0, 1), outlet="Vesti Primer")
    first = build_queries(a, reg)[0]
    assert first.language == "ru" and first.domains == ("vesti.example.ru",)
    assert {"Уолтон", "Джеймс", "15"} <= set(first.loose.split())


def test_a_sentences_first_word_alone_is_no_search_across_languages():
    reg = Registry([Outlet("Diario Primer", ("diario.example.es",), "newspaper", language="es")])

    def terms(quote):
        a = Attribution("q", quote, "direct", (0, 1), (0, 1), outlet="Diario Primer")
        return [q.loose for q in build_queries(a, reg)]

    # "Vaccine" only begins the sentence: a page of the outlet holding that word is any page
    assert terms("Vaccine teaches the immune system to recognise rogue cells.") == []
    # with a name or a number beside it, the first word may still be a name and is kept
    kept = terms("Pelosi said the vote would come after 15 March, not before.")
    assert kept and "15" in kept[0].split() and "Pelosi" in kept[0].split()

"""Search answers are kept on disk between runs (citecheck.net.cache.AnswerCache): a second check of
the same draft asks the search back-end nothing, never stores a key, and --no-cache asks again.
The back-end is a SearXNG stand-in on 127.0.0.1 (tests/faultserver.py); its one result is a
fixture page on the same server."""

from __future__ import annotations

import asyncio
import json
import sqlite3

from faultserver import FaultServer, html_page

import citecheck
from citecheck.fetch import FetchConfig
from citecheck.net.cache import AnswerCache

QUOTE = "The harbour wall at Quillmouth will stand another forty winters without repair"


def _server() -> FaultServer:
    server = FaultServer()

    def search(h) -> None:
        results = [{"url": server.url("/story"), "title": "Fixture story", "content": QUOTE}]
        h.send_body(json.dumps({"results": results}).encode(), "application/json")

    server.route("/search", search)
    server.route(
        "/story",
        lambda h: h.send_body(
            html_page("Fixture story", f"“{QUOTE},” said Ottilie Fenwright, the harbourmaster.")
        ),
    )
    return server


def _check(draft, server, **kw):
    env = {"SEARXNG_URL": server.url("")}
    report = citecheck.check(draft, search=("searxng",), env=env, allow_private=True, **kw)
    return report.documents[0].findings[0]


def test_a_second_run_asks_the_search_backend_nothing(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text(f"Fixture draft. “{QUOTE},” said Ottilie Fenwright.\n", encoding="utf-8")
    cache = tmp_path / "cache"
    with _server() as server:
        live = FetchConfig(cache_dir=str(cache), host_delay=0.0)
        first = _check(draft, server, fetch=live)
        asked = server.hits["/search"]
        assert first.verdict == "verified" and asked >= 1
        second = _check(draft, server, fetch=live)
        assert second.verdict == "verified" and server.hits["/search"] == asked
        third = _check(draft, server, fetch=FetchConfig(cache=False, host_delay=0.0))
        assert third.verdict == "verified" and server.hits["/search"] > asked
    assert (cache / "search-cache.sqlite").is_file()


def test_answers_are_keyed_and_stored_without_secrets(tmp_path):
    url = "https://factchecktools.example.net/v1alpha1/claims:search?query=harbour&key=SECRET-123"

    async def go():
        answers = AnswerCache(tmp_path)
        assert await answers.get(url) is None
        await answers.put(url, b'{"claims": []}')
        got = await answers.get(url.replace("SECRET-123", "another-key"))  # same query
        other = await answers.get(url.replace("harbour", "pier"))
        await answers.close()
        return got, other

    got, other = asyncio.run(go())
    assert got == b'{"claims": []}' and other is None
    with sqlite3.connect(tmp_path / "search-cache.sqlite") as conn:
        rows = [bytes(r[0]) for r in conn.execute("SELECT data FROM entries")]
    assert rows and b"harbour" in rows[0] and not any(b"SECRET-123" in r for r in rows)


def test_an_expired_answer_is_asked_again(tmp_path):
    url = "https://search.example.net/search?q=harbour"

    async def go():
        answers = AnswerCache(tmp_path, ttl=0.05)
        await answers.put(url, b"{}")
        await asyncio.sleep(0.2)
        got = await answers.get(url)
        await answers.close()
        return got

    assert asyncio.run(go()) is None

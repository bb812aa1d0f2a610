"""Which of several pages a quote is judged by when they are in another language than the quote:
the passage that renders it best (issue 16: search and shared pages bring more of them)."""

from __future__ import annotations

from citecheck.judge import Tried, judge
from citecheck.model import Attribution, Candidate, Match, Page

QUOTE = "The council did not approve the new harbour budget on Monday."


def _tried(url: str, grade: str, similarity: float, language: str = "es") -> Tried:
    page = Page(url, "ok", text="...", language=language)
    return Tried(Candidate(url, "search"), page, Match(url, grade, similarity, "...", (0, 3)))


def _judge(*tried: Tried):
    attr = Attribution("q1", QUOTE, "direct", (0, 1), (0, 1), outlet="Example Diario")
    return judge(attr, list(tried), quote_language="en")


def test_a_misquote_caught_on_its_source_is_not_outranked_by_a_looser_page():
    source = _tried("https://diario.example/budget", "altered", 0.86)  # the negation differs
    looser = _tried("https://diario.example/other-story", "translated", 0.59)
    for order in ((source, looser), (looser, source)):
        f = _judge(*order)
        assert f.verdict == "altered" and f.evidence.url.endswith("/budget")


def test_the_page_that_renders_the_quote_best_decides_when_it_renders_it_faithfully():
    source = _tried("https://diario.example/budget", "translated", 0.84)
    similar = _tried("https://diario.example/other-story", "altered", 0.61)
    assert _judge(similar, source).verdict == "translated"


def test_the_quotes_own_language_still_outranks_a_translation():
    same = _tried("https://daily.example/budget", "exact", 0.99, language="en")
    other = _tried("https://diario.example/budget", "altered", 0.9)
    assert _judge(other, same).verdict == "verified"

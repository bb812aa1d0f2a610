"""Reported speech is checked for support: content words, numbers and negations."""

from __future__ import annotations

from citecheck.judge import Tried, judge
from citecheck.match import support_claim
from citecheck.model import Attribution, Candidate, Page

PAGE = (
    "The harbour board met on Monday. The board said it would spend £2.5 million on new "
    "lock gates before the winter storms arrive. Fishing crews welcomed the plan.\n\n"
    "The ferry will not run on Sundays until the spring."
)


def test_a_paraphrase_with_the_same_content_is_supported():
    m = support_claim("the board would spend £2.5 million on lock gates before winter", PAGE)
    assert m.grade == "supported"
    assert "lock gates" in m.passage


def test_a_changed_number_is_altered():
    m = support_claim("the board would spend £5.2 million on lock gates before winter", PAGE)
    assert m.grade == "altered" and "number" in m.reason


def test_a_dropped_negation_is_altered():
    m = support_claim("the ferry will run on Sundays until the spring", PAGE)
    assert m.grade == "altered" and "negation" in m.reason


def test_an_unrelated_claim_is_not_supported():
    assert support_claim("the airport will close its second runway", PAGE).grade == "none"


def test_unsupported_reported_speech_is_unverifiable_not_a_misquote():
    attr = Attribution("q1", "the airport will close its runway", "indirect", (0, 5), (0, 5), "X")
    url = "https://news.example.org/harbour"
    page = Page(url, "ok", text=PAGE, language="en")
    tried = Tried(Candidate(url, "link"), page, support_claim(attr.quote, PAGE, url))
    f = judge(attr, [tried])
    assert f.verdict == "unverifiable" and f.reason.startswith("reported speech")


def test_a_neighbouring_sentence_lends_no_words_to_the_passage():
    # issue 14: "boats" in the next sentence made the two sentences the passage, and counted
    page = (
        "Pemberwick said the council would pay Tamble Ferries £18,000 a month to run the service "
        "until a crossing reopens. The company has moved one of its two boats upstream."
    )
    m = support_claim(
        "the council would pay Tamble Ferries £18,000 a month to run the boat until a crossing "
        "reopens",
        page,
    )
    assert m.grade == "supported"
    assert m.passage.endswith("until a crossing reopens.") and "boats" not in m.passage
    assert "90%" in m.reason  # "boat" is not in the passage: 9 of 10 content words


def test_two_sentences_back_a_claim_no_single_one_holds():
    page = "The ferry will start on Monday. It will run every twenty minutes from the slipway."
    m = support_claim("the ferry will start Monday and run every twenty minutes", page)
    assert m.grade == "supported" and m.passage == page

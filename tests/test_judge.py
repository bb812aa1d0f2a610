"""Verdicts from matches: the decision table of docs/data-contract.md, one rule at a time."""

from __future__ import annotations

from citecheck.judge import Tried, judge
from citecheck.model import Attribution, Candidate, Match, Page
from citecheck.outlets import Outlet

URL = "https://news.example.org/story"


def _attr(kind="direct", speaker="Ada Brennock"):
    return Attribution("q1", "we will not close the school", kind, (0, 28), (0, 28), speaker)


def _tried(grade="exact", status="ok", language="en", speaker=None, origin="link"):
    page = Page(URL, status, text="..." if status == "ok" else "", language=language)
    m = Match(URL, grade, 0.9, "we will not close the school", (0, 28)) if status == "ok" else None
    return Tried(Candidate(URL, origin), page, m, speaker)


def test_exact_match_is_verified_with_evidence():
    f = judge(_attr(), [_tried()])
    assert f.verdict == "verified" and f.evidence.url == URL


def test_close_and_altered_pass_through():
    assert judge(_attr(), [_tried("close")]).verdict == "close"
    assert judge(_attr(), [_tried("altered")]).verdict == "altered"


def test_best_source_wins():
    f = judge(_attr(), [_tried("altered"), _tried("exact")])
    assert f.verdict == "verified"


def test_other_named_person_in_source_is_misattributed():
    f = judge(_attr(), [_tried(speaker="Corin Dallow")])
    assert f.verdict == "misattributed" and "Corin Dallow" in f.reason


def test_same_surname_is_not_misattribution():
    assert judge(_attr(), [_tried(speaker="Brennock")]).verdict == "verified"


def test_unnamed_draft_speaker_is_never_misattributed():
    f = judge(_attr(speaker="a council spokesperson"), [_tried(speaker="Corin Dallow")])
    assert f.verdict == "verified"


def test_read_sources_without_the_quote_give_not_found():
    assert judge(_attr(), [_tried("none")]).verdict == "not_found"


def test_dead_link_is_unverifiable_with_the_status():
    f = judge(_attr(), [_tried(status="http_404")])
    assert f.verdict == "unverifiable" and "http_404" in f.reason


def test_dead_linked_source_is_not_outvoted_by_other_pages_that_lack_the_quote():
    f = judge(_attr(), [_tried(status="http_404"), _tried("none", origin="sources")])
    assert f.verdict == "unverifiable"


def test_foreign_page_without_translator_is_unverifiable_language():
    page = Page(URL, "ok", text="texto", language="es")
    f = judge(_attr(), [Tried(Candidate(URL, "link"), page)])
    assert f.verdict == "unverifiable" and f.reason.startswith("language") and "es" in f.reason


def test_no_candidate_says_why_and_what_would_be_searched():
    f = judge(_attr(), [], searched=('site:example.org "we will not close"',))
    assert f.verdict == "unverifiable" and "no candidate" in f.reason
    assert f.searched
    assert "offline" in judge(_attr(), [], offline=True).reason


def test_scare_quote_is_listed_without_verdict():
    assert judge(_attr(kind="scare", speaker=None), []).verdict is None


def _dated(date_hint, page_date):
    a = Attribution(
        "q1", "we will not close the school", "direct", (0, 28), (0, 28), "Ada Brennock",
        date_hint=date_hint,
    )  # fmt: skip
    page = Page(URL, "ok", text="...", language="en", date=page_date)
    m = Match(URL, "exact", 1.0, "we will not close the school", (0, 28))
    return judge(a, [Tried(Candidate(URL, "link"), page, m)])


def test_the_source_date_is_evidence_and_a_contradicted_year_is_noted():
    f = _dated("in a 2013 tweet", "2019-11-12")
    assert f.verdict == "verified"  # the words stand; the date is for the reader to weigh
    assert f.evidence.date == "2019-11-12"
    assert f.reason.endswith("the draft dates it 2013, the source is dated 2019-11-12")
    assert "dates it" not in _dated("in a 2019 interview", "2019-11-12").reason
    assert "dates it" not in _dated(None, "2019-11-12").reason
    assert "dates it" not in _dated("in a 2013 tweet", None).reason


# --- the outlet the draft credits (issue 16) ------------------------------------------------------

GAZETTE = Outlet("Example Gazette", ("gazette.example.com",), "newspaper", language="en")


def _at(url, grade="exact", origin="search"):
    page = Page(url, "ok", text="...", language="en")
    return Tried(Candidate(url, origin), page, Match(url, grade, 0.9, "we will not close", (0, 17)))


def test_words_a_search_found_only_at_another_outlet_are_misattributed_to_the_outlet():
    f = judge(_attr(), [_at(URL), _at("https://gazette.example.com/a", "none")], outlet=GAZETTE)
    assert f.verdict == "misattributed"
    assert "news.example.org" in f.reason and "Example Gazette (gazette.example.com)" in f.reason


def test_words_at_the_credited_outlet_stay_verified_even_if_others_print_them_too():
    tried = [_at(URL), _at("https://www.gazette.example.com/a")]
    assert judge(_attr(), tried, outlet=GAZETTE).verdict == "verified"


def test_a_page_the_draft_links_or_a_platform_never_makes_an_outlet_misattribution():
    assert judge(_attr(), [_at(URL, origin="link")], outlet=GAZETTE).verdict == "verified"
    platform = Outlet("X", ("x.com",), "platform")
    assert judge(_attr(), [_at(URL)], outlet=platform).verdict == "verified"
    assert judge(_attr(), [_at(URL, "altered")], outlet=GAZETTE).verdict == "altered"


def test_a_page_taken_for_the_speaker_is_never_contradicted_by_name():
    for speaker in ("The article on example.com", "news.example.org"):
        assert judge(_attr(speaker=speaker), [_tried(speaker="Corin Dallow")]).verdict == "verified"

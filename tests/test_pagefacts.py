"""A page's facts kept as plain data (a batch run's store) give the same verdicts as the page.

The page and its people are made up for this test.
"""

from __future__ import annotations

import json

import pytest

from citecheck.attribution import who_said
from citecheck.match import match_quote
from citecheck.pagefacts import from_data, page_facts, to_data

PAGE = (
    "Example Bay council met on Tuesday. “We will reopen the footbridge by May, and 240 "
    "households will no longer have to walk round by the quay,” said Harriet Quennell, the "
    "harbour master. Osric Pelham, who chairs the library board, disagreed. “The money is not "
    "there this year,” he said."
)


def test_kept_facts_match_and_attribute_as_the_page_itself():
    kept = from_data(PAGE, json.loads(json.dumps(to_data(page_facts(PAGE)))))
    assert kept.language == "en"
    altered = "We will reopen the footbridge by June, and 240 households will no longer have"
    for quote in (altered, "The money is not there this year"):
        got, want = match_quote(quote, kept.prepared, "u"), match_quote(quote, PAGE, "u")
        assert (got.grade, got.passage_span, got.diff) == (want.grade, want.passage_span, want.diff)
    span = match_quote(altered, kept.prepared, "u").passage_span
    assert who_said(PAGE, span, speakers=kept.speakers) == "Harriet Quennell"
    assert who_said(PAGE, span) == "Harriet Quennell"


def test_facts_that_do_not_fit_the_text_are_refused():
    data = to_data(page_facts(PAGE))
    with pytest.raises(ValueError):
        from_data(PAGE[:40], data)  # tokens beyond the text's end
    with pytest.raises(ValueError):
        from_data(PAGE, {k: v for k, v in data.items() if k != "norms"})
    for bad in ({"starts": ["x"] * len(data["starts"])}, {"starts": data["starts"][::-1]},
                {"code": "another version"}, {"language": ["en"]}):  # fmt: skip
        with pytest.raises(ValueError):
            from_data(PAGE, data | bad)


def test_the_store_refuses_facts_kept_for_another_text_or_unreadable(tmp_path):
    from citecheck.batch.store import Layout

    layout = Layout(tmp_path)
    layout.put_facts("https://news.example.org/a", PAGE, page_facts(PAGE))
    assert layout.get_facts("https://news.example.org/a", PAGE).speakers
    assert layout.get_facts("https://news.example.org/a", PAGE + " Updated.") is None
    for junk in ("null", "[]", "42"):  # JSON, but no facts
        layout.facts_path("https://news.example.org/a").write_text(junk, encoding="utf-8")
        assert layout.get_facts("https://news.example.org/a", PAGE) is None


def test_a_large_page_is_worked_out_once_but_kept_on_disk_only(tmp_path, monkeypatch):
    from citecheck.batch import tasks

    big = (PAGE + "\n\n") * (tasks._FACTS_CACHED // len(PAGE) + 1)
    calls = []
    monkeypatch.setattr(tasks, "page_facts", lambda text: calls.append(1) or page_facts(text))
    tasks._kept_facts.cache_clear()
    first = tasks._facts(str(tmp_path), "https://news.example.org/big", big)
    again = tasks._facts(str(tmp_path), "https://news.example.org/big", big)
    assert len(calls) == 1  # the second read comes from the store
    assert tasks._kept_facts.cache_info().currsize == 0  # and not from memory
    assert again.speakers == first.speakers and again.language == "en"
    small = tasks._facts(str(tmp_path), "https://news.example.org/small", PAGE)
    assert tasks._kept_facts.cache_info().currsize == 1 and small.speakers

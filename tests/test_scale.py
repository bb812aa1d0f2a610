"""Long drafts: every stage of a check stays near-linear in the draft's length (issue 14).

bench/scale.py measures the growth over 100 KB / 1 MB / 5 MB; these tests hold the fixes in
place cheaply: no per-quote pass over the whole draft, bounded windows in overlong paragraphs.
"""

from __future__ import annotations

import random
import time

import citecheck
from citecheck.discover import links as links_mod
from citecheck.document import load_text
from citecheck.report.common import line_col

NAMES = ("Tobias Wrexley", "Maren Oakshott", "Ingrid Halloway")


def _paragraph(i: int) -> str:
    name = NAMES[i % len(NAMES)]
    return (
        f"“The east pier moved {i} millimetres in block {i},” said {name}. According to {name}, "
        f"the council would pay {i} households. [The report](https://news.example.org/r/{i}) "
        "gave the figures.\n\n"
    )


def test_links_near_each_quote_split_the_draft_once(monkeypatch):
    text = "".join(_paragraph(i) for i in range(60))
    calls = []
    real = links_mod.split_sentences
    monkeypatch.setattr(links_mod, "split_sentences", lambda t, *a: calls.append(t) or real(t))
    report = citecheck.check_text(text, offline=True, search="")
    assert len(report.findings) >= 120
    # once per paragraph of the draft, never once per quote per paragraph
    assert len(calls) <= 61
    first = report.findings[0]
    assert [s.url for s in first.sources] == ["https://news.example.org/r/0"]


def test_a_link_far_away_in_one_long_paragraph_is_not_near():
    filler = "The detour adds an hour to every trip for the residents of Westbank. " * 200
    text = (
        "[Far away](https://far.example.org/x) " + filler + "“The pier will reopen in May,” "
        "said Tobias Wrexley. [Near](https://near.example.org/y) " + filler
    )
    doc = load_text(text, "<t>", "markdown")
    (attr,) = [f.attribution for f in citecheck.extract_text(text).findings]
    assert [link.url for link, _ in links_mod.links_near(doc, attr)] == [
        "https://near.example.org/y"
    ]


def test_one_paragraph_draft_of_100_kb_is_checked_in_seconds():
    # Before issue 14 a 20 KB single paragraph took minutes: the sentence splitter looked back
    # to the paragraph's start at every full stop, and each quote re-split the paragraph.
    text = " ".join(_paragraph(i).strip() for i in range(500))
    assert len(text) > 100_000
    started = time.process_time()
    report = citecheck.check_text(text, offline=True, search="")
    assert len(report.findings) >= 800
    assert time.process_time() - started < 30


def test_line_and_column_agree_with_counting():
    rng = random.Random(14)
    raw = "".join(rng.choice("ab \n\r“”") for _ in range(3000))
    for offset in [-1, 0, 1, *rng.sample(range(len(raw)), 200), len(raw), len(raw) + 5]:
        o = max(0, min(offset, len(raw)))
        expected = (raw.count("\n", 0, o) + 1, o - (raw.rfind("\n", 0, o) + 1) + 1)
        assert line_col(raw, offset) == expected


def test_bench_scripts_find_shared_data_relative_to_the_repository():
    import re
    from pathlib import Path

    bench = Path(__file__).resolve().parent.parent / "bench"
    for script in bench.glob("*.py"):
        assert not re.search(r"Path\(\s*[\"']/", script.read_text()), script.name

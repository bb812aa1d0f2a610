"""The terminal report (issue 14): wrapped to a terminal's width and never elsewhere, URLs and
search queries whole, labels in their column, cut lists counted, colour only at a terminal."""

from __future__ import annotations

import io
import re

import pytest
from conftest import SAMPLE, SAMPLE_CASSETTE, SEED

import citecheck
from citecheck.cli import terminal_options
from citecheck.model import Attribution, DocumentReport, Finding, Report, SourceStatus

LONG_URL = "https://news.example.org/local/2025/03/12/" + "westbank-residents-count-cost" * 4


@pytest.fixture(scope="module")
def sample():
    return citecheck.check(SAMPLE, replay=str(SAMPLE_CASSETTE))


def _tried_report() -> Report:
    attr = Attribution("q1", "The pier will reopen in May,", "direct", (1, 29), (1, 29), "Ida Venn")
    sources = tuple(
        SourceStatus(f"{LONG_URL}/{i}", "link", "not_in_cassette" if i % 2 else "http_404")
        for i in range(7)
    )
    searched = tuple(f'"the pier will reopen" "Ida Venn" site:example{i}.org' for i in range(5))
    finding = Finding(attr, "unverifiable", None, "no source could be read", None, sources,
                      searched=searched)  # fmt: skip
    return Report((DocumentReport("d.md", (finding,)),))


def test_not_a_terminal_nothing_is_wrapped(sample):
    out = citecheck.render(sample, "text")
    passage = next(line for line in out.splitlines() if "There are 42 households" in line)
    assert passage.strip().startswith("passage") and passage.rstrip().endswith("”")
    assert "\x1b[" not in out


def test_at_a_terminal_lines_wrap_to_its_width_and_urls_stay_whole(sample):
    out = citecheck.render(sample, "text", width=72)
    for line in out.splitlines():
        if len(line) > 72:  # only a URL or a query overflows: whole, never cut
            whole = re.match(r"\s+(source|archive|search|tried) ", line)
            assert whole or " " not in line.strip(), line
    urls = {f.evidence.url for f in sample.findings if f.evidence}
    assert all(url in out for url in urls)  # each whole, on one line


def test_columns_never_overflow_and_cut_lists_say_how_many_more():
    out = citecheck.render(_tried_report(), "text", width=80)
    tried = [line for line in out.splitlines() if line.lstrip().startswith("tried")]
    assert len(tried) == 4
    pattern = r"\s+tried\s+(not_in_cassette|http_404)\s+https://"
    assert all(re.match(pattern, line) for line in tried)
    lines = out.splitlines()
    assert lines[lines.index(tried[-1]) + 1].strip() == "and 3 more"
    searches = [line for line in lines if line.lstrip().startswith("search ")]
    assert len(searches) == 3 and all(line.endswith(".org") for line in searches)  # whole queries
    assert lines[lines.index(searches[-1]) + 1].strip() == "and 2 more"


def test_colour_at_a_terminal_only_and_never_with_no_color(sample):
    coloured = citecheck.render(sample, "text", width=100, color=True)
    assert "\x1b[" in coloured and "24 households" in coloured
    assert (
        re.sub(r"\x1b\[[0-9;]*m", "", coloured).strip()
        == citecheck.render(sample, "text", width=100).strip()
    )

    class Tty(io.StringIO):
        def isatty(self):
            return True

    assert terminal_options("text", None, Tty(), {})["color"] is True
    assert terminal_options("text", None, Tty(), {"NO_COLOR": "1"})["color"] is False
    assert terminal_options("text", None, io.StringIO(), {}) == {}  # a pipe: plain lines
    assert terminal_options("text", "report.txt", Tty(), {}) == {}  # a file: plain lines
    assert terminal_options("json", None, Tty(), {}) == {}


def test_hostile_text_cannot_inject_terminal_sequences_even_in_colour():
    attr = Attribution("q1", "close \x1b[2J[bold]now[/bold]", "direct", (0, 5), (0, 5))
    rep = Report((DocumentReport("d.md", (Finding(attr, "unverifiable", reason="x"),)),))
    out = citecheck.render(rep, "text", width=80, color=True)
    assert "\x1b[2J" not in out and "[bold]now[/bold]" in out  # shown, never interpreted


def test_seed_text_report_still_lists_every_search():
    out = citecheck.render(citecheck.check(SEED, offline=True), "text")
    assert "site:elpais.com" in out

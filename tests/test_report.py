"""Reports render what they quote safely and keep the data contract."""

from __future__ import annotations

import json

from citecheck.model import Attribution, DocumentReport, Evidence, Finding, Report, SourceStatus
from citecheck.report import render

URL = "https://news.example.org/x"


def _report(quote: str) -> Report:
    attr = Attribution("q1", quote, "direct", (10, 10 + len(quote)), (0, len(quote)), "Ida Venn")
    ev = Evidence(
        URL,
        "the source says\x1b[2J this",
        "en",
        (("=", "the source says"), ("-", "this"), ("+", "that")),
    )
    f = Finding(attr, "altered", 0.91, "word changed", ev, (SourceStatus(URL, "link", "ok"),))
    return Report((DocumentReport("d.md", (f,)),))


def test_text_report_strips_terminal_control_sequences():
    out = render(_report("we will \x1b]0;pwned\x07close"), "text")
    assert "\x1b" not in out and "\x07" not in out
    assert "ALTERED" in out and "[-this-] {+that+}" in out


def test_json_report_round_trips_the_finding():
    data = json.loads(render(_report("we will close <script>x</script>"), "json"))
    a = data["documents"][0]["attributions"][0]
    assert a["quote"] == "we will close <script>x</script>"
    assert a["evidence"]["diff"] == [["=", "the source says"], ["-", "this"], ["+", "that"]]
    assert a["sources"] == [{"url": URL, "origin": "link", "status": "ok", "detail": ""}]
    assert data["documents"][0]["summary"] == {"altered": 1}


def test_extract_report_leaves_check_fields_out():
    rep = _report("x y z")
    plain = Report(rep.documents, checked=False)
    a = json.loads(render(plain, "json"))["documents"][0]["attributions"][0]
    assert "verdict" not in a and "evidence" not in a and a["speaker"] == "Ida Venn"

"""The machine and reading formats (JUnit, SARIF, GitHub annotations, Markdown, HTML): parsed back,
validated against the schemas CI tools use, located at the quote, and inert whatever a draft or a
page holds."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from citecheck.document import load_text
from citecheck.model import (
    CONFIRMED,
    DEFAULT_FAIL_ON,
    VERDICTS,
    Attribution,
    DocumentReport,
    Evidence,
    Finding,
    Report,
    SourceStatus,
)
from citecheck.report import FORMATS, github, html, markdown, render, sarif

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parent.parent

EVIL_QUOTE = "we will close <script>alert(1)</script> | the [x](javascript:alert(1)) bridge"
EVIL_DRAFT = (
    "# Council\n\n"
    "🙂 Mayor Ida Venn said: “" + EVIL_QUOTE + "” on Monday.\n\n"
    "The so-called “consultation” drew 212 replies.\n\n"
    "“We have known for three winters\nthat the pier was sinking,” said Tobias Wrexley.\n\n"
    "“The budget is 1.4 million pounds,” said Ada Lune.\n\n"
    "“Nobody saw <img src=x onerror=alert(1)> coming,” said Bo Crane.\n"
)
GOOD_URL = "https://news.example.org/a?x=1&y=(2)"


def _attr(raw: str, aid: str, quote: str, kind="direct", speaker=None) -> Attribution:
    start = raw.index(quote)
    return Attribution(aid, quote, kind, (start, start + len(quote)), (0, 0), speaker, cue="said")


def _evil_report() -> Report:
    doc = load_text(EVIL_DRAFT, "drafts/evil, draft:1.md", "markdown")
    raw = doc.raw
    pier = "We have known for three winters\nthat the pier was sinking,"
    findings = (
        Finding(
            _attr(raw, "q1", EVIL_QUOTE, speaker="Ida Venn"),
            "altered",
            0.91,
            "word changed: 'close' for 'shut'\n::error::injected",
            Evidence(
                GOOD_URL,
                "we will shut <img src=x onerror=alert(1)> the bridge",
                "en",
                (("=", "we will"), ("-", "shut"), ("+", "close <script>alert(1)</script>")),
                archive_url="javascript:alert(2)",
            ),
            (SourceStatus(GOOD_URL, "link", "ok"),),
        ),
        Finding(_attr(raw, "q2", "consultation", kind="scare"), None, reason="scare quote"),
        Finding(
            _attr(raw, "q3", pier, speaker="Tobias Wrexley"),
            "unverifiable",
            None,
            "the linked source could not be read: http_404",
            None,
            (SourceStatus("javascript:alert(3)", "link", "http_404"),),
        ),
        Finding(
            _attr(raw, "q4", "The budget is 1.4 million pounds,", speaker="Ada Lune"),
            "verified",
            1.0,
            "verbatim",
            Evidence(GOOD_URL, "The budget is 1.4 million pounds", "en", (("=", "x"),)),
        ),
        Finding(
            _attr(raw, "q5", "Nobody saw <img src=x onerror=alert(1)> coming,", speaker="Bo Crane"),
            "close",
            0.97,
            "punctuation differs",
            Evidence(GOOD_URL, "Nobody saw it coming", "en", (("=", "Nobody saw"),)),
        ),
    )
    return Report((DocumentReport(doc.path, findings, doc),))


@pytest.fixture(scope="module")
def sample() -> Report:
    import citecheck

    return citecheck.check(
        str(ROOT / "examples" / "sample-draft.md"), replay=str(ROOT / "cassettes" / "sample.yaml")
    )


# --- the registry -----------------------------------------------------------------------------


def test_every_format_is_registered_and_takes_fail_on():
    assert set(FORMATS) == {"text", "json", "markdown", "html", "junit", "sarif", "github"}
    rep = _evil_report()
    for fmt in FORMATS:
        out = render(rep, fmt, fail_on=("altered",))
        assert isinstance(out, str) and out
    with pytest.raises(ValueError, match="unknown format"):
        render(rep, "pdf")


# --- JUnit ------------------------------------------------------------------------------------


def _junit(report: Report, **opts) -> ET.Element:
    return ET.fromstring(render(report, "junit", **opts).encode("utf-8"))


def test_junit_counts_failures_and_skips_per_fail_on():
    root = _junit(_evil_report())
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    assert len(cases) == 5
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("5", "1", "0")
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("5", "1", "2")
    by_id = {c.get("name").split(":")[0]: c for c in cases}
    assert by_id["q1"].find("failure").get("type") == "altered"
    assert "word changed" in by_id["q1"].find("failure").get("message")
    assert by_id["q2"].find("skipped").get("message").startswith("scare quote")
    assert by_id["q3"].find("skipped") is not None  # unverifiable, not in fail_on
    assert list(by_id["q4"]) == []  # verified: a bare pass
    assert by_id["q5"].find("system-out") is not None  # close: passes with its details
    assert all(c.get("classname") == "drafts/evil, draft:1.md" for c in cases)

    strict = _junit(_evil_report(), fail_on=("altered", "unverifiable", "close"))
    assert (strict.get("tests"), strict.get("failures")) == ("5", "3")
    assert strict.find("testsuite").get("skipped") == "1"


def test_junit_escapes_markup_and_shows_characters_xml_forbids():
    rep = _evil_report()
    f = rep.documents[0].findings[0]
    bad = Finding(
        Attribution("q9", 'a\x00b\x1bc\ufffe <d> & "e"', "direct", (0, 3), (0, 3)),
        "not_found",
        reason="bell\x07 & <tag>",
    )
    rep = Report((DocumentReport("x.md", (f, bad), rep.documents[0].document),))
    text = render(rep, "junit")
    root = ET.fromstring(text.encode("utf-8"))  # parses: no illegal characters left
    case = root.find("testsuite").findall("testcase")[1]
    assert case.get("name") == 'q9: “a⟨U+0000⟩b⟨U+001B⟩c <d> & "e"”'  # shown, not hidden
    assert case.find("failure").get("message") == "not_found: bell⟨U+0007⟩ & <tag>"
    assert "<script>" not in text and "&lt;script&gt;" in text


def test_junit_validates_against_the_jenkins_xunit_schema(sample):
    lxml_etree = pytest.importorskip("lxml.etree")
    schema = lxml_etree.XMLSchema(lxml_etree.parse(str(DATA / "junit-10.xsd")))
    for rep in (sample, _evil_report()):
        doc = lxml_etree.fromstring(render(rep, "junit").encode("utf-8"))
        assert schema.validate(doc), schema.error_log


def test_junit_on_the_sample_counts_every_verdict(sample):
    root = _junit(sample)
    suite = root.find("testsuite")
    assert suite.get("name") == str(ROOT / "examples" / "sample-draft.md")
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("17", "4", "3")
    failing = {c.find("failure").get("type") for c in suite if c.find("failure") is not None}
    assert failing == {"altered", "misattributed", "not_found"}


# --- SARIF ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def _region_text(raw: str, region: dict) -> str:
    """The text a viewer highlights for a region: 1-based lines, endColumn exclusive."""
    lines = raw.split("\n")
    sl, sc, el, ec = (region[k] for k in ("startLine", "startColumn", "endLine", "endColumn"))
    if sl == el:
        return lines[sl - 1][sc - 1 : ec - 1]
    middle = lines[sl : el - 1]
    return "\n".join([lines[sl - 1][sc - 1 :], *middle, lines[el - 1][: ec - 1]])


def test_sarif_validates_and_locates_every_quote(sarif_validator):
    rep = _evil_report()
    log = json.loads(render(rep, "sarif"))
    sarif_validator.validate(log)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == [f"citecheck/{v}" for v in VERDICTS]
    raw = rep.documents[0].document.raw
    results = {r["properties"]["quote"]: r for r in run["results"]}
    # verified and scare quotes are left out; altered fails (error), the rest warn
    assert set(results) == {f.attribution.quote for f in rep.findings} - {
        "consultation",
        "The budget is 1.4 million pounds,",
    }
    for quote, res in results.items():
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == "drafts/evil%2C%20draft%3A1.md"
        region = loc["region"]
        assert _region_text(raw, region) == quote
        assert raw[region["charOffset"] : region["charOffset"] + region["charLength"]] == quote
        assert region["snippet"]["text"] == quote
        assert res["ruleIndex"] == VERDICTS.index(res["properties"]["verdict"])
    assert results[EVIL_QUOTE]["level"] == "error"
    assert results[EVIL_QUOTE]["ruleId"] == "citecheck/altered"
    # columns count characters: the emoji before the quote is one column, not two or four
    assert results[EVIL_QUOTE]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 25
    pier = results["We have known for three winters\nthat the pier was sinking,"]
    assert pier["level"] == "warning"
    region = pier["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["endLine"]) == (7, 8)


def test_sarif_levels_follow_fail_on(sarif_validator):
    log = json.loads(render(_evil_report(), "sarif", fail_on=("unverifiable",)))
    sarif_validator.validate(log)
    levels = {r["properties"]["verdict"]: r["level"] for r in log["runs"][0]["results"]}
    assert levels == {"altered": "warning", "unverifiable": "error", "close": "warning"}


def test_sarif_on_the_sample_validates_and_points_at_the_quotes(sample, sarif_validator):
    log = json.loads(render(sample, "sarif"))
    sarif_validator.validate(log)
    results = log["runs"][0]["results"]
    doc = sample.documents[0]
    expected = [f for f in doc.findings if f.verdict not in (None, *CONFIRMED)]
    assert len(results) == len(expected) == 8
    for res, f in zip(results, expected, strict=True):
        region = res["locations"][0]["physicalLocation"]["region"]
        assert _region_text(doc.document.raw, region) == doc.document.raw.__getitem__(
            slice(*f.attribution.span)
        )
        assert res["level"] == ("error" if f.verdict in DEFAULT_FAIL_ON else "warning")


def test_sarif_without_the_draft_text_still_gives_offsets(sarif_validator):
    rep = _evil_report()
    bare = Report((DocumentReport("/abs/path/d.md", rep.documents[0].findings, None),))
    log = json.loads(render(bare, "sarif"))
    sarif_validator.validate(log)
    loc = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "file:///abs/path/d.md"
    assert set(loc["region"]) == {"charOffset", "charLength"}


def test_line_col_and_region_edges():
    raw = "ab\r\ncd\nef"
    assert sarif.line_col(raw, 0) == (1, 1)
    assert sarif.line_col(raw, 4) == (2, 1)  # after CRLF
    assert sarif.line_col(raw, 9) == (3, 3)  # end of text
    assert sarif.region(raw, (7, 9))["endColumn"] == 3
    empty = sarif.region(raw, (4, 4))
    assert (empty["startLine"], empty["endLine"], empty["charLength"]) == (2, 2, 0)


# --- GitHub annotations -----------------------------------------------------------------------


def test_github_annotations_escape_data_and_properties():
    out = render(_evil_report(), "github")
    lines = out.splitlines()
    # one annotation per failing quote (the altered q1); the close and the unverifiable quote
    # are one notice, listed in the step summary, not a wall of warnings
    assert len(lines) == 3
    assert lines[0].startswith("::error ") and lines[1].startswith("::notice title=citecheck::")
    assert "2 more quotes need a look" in lines[1]
    assert lines[-1] == (
        "citecheck: 1 document, 1 of 4 checkable quotes verified, 1 close, 1 altered, 1 could "
        "not be checked; 1 scare quote, not checked: 1 error(s), 2 more to look at"
    )
    first = lines[0]
    assert first.startswith("::error file=drafts/evil%2C draft%3A1.md,line=3,col=25,endColumn=")
    head, message = first.split("::", 2)[1:]
    assert "title=citecheck%3A altered quote q1" in head
    # the reason's newline cannot start a command of its own
    assert "%0A%3A%3Aerror" not in message and "%0A::error::injected" in message
    assert "\n" not in first and "\r" not in first
    # a quote that fails and spans lines: GitHub takes columns only on a one-line region
    strict = render(_evil_report(), "github", fail_on=("altered", "unverifiable")).splitlines()
    pier = next(line for line in strict if "quote q3" in line)
    assert pier.startswith("::error file=") and ",line=7,endLine=8," in pier
    assert ",col=" not in pier


def test_github_step_summary_lists_what_the_annotations_leave_out(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from citecheck.cli import main

    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    draft = tmp_path / "d.md"
    draft.write_text("“The pier will reopen in May,” said Tobias Wrexley.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(draft), "--offline", "--format", "github"])
    assert result.exit_code == 0
    assert "::warning" not in result.stdout and "::notice" in result.stdout
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n")  # appended, never overwritten
    assert "0 of 1 checkable quote verified, 1 could not be checked" in text
    assert "nothing could be checked" in text and "Tobias Wrexley" in text


def test_github_escape_rules():
    assert github.escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert github.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert github.escape_data("bell\x07\x1b[31m") == "bell⟨U+0007⟩⟨U+001B⟩[31m"


def test_github_on_the_sample(sample):
    lines = render(sample, "github").splitlines()
    assert sum(line.startswith("::error ") for line in lines) == 4
    assert sum(line.startswith("::warning ") for line in lines) == 0
    assert sum(line.startswith("::notice ") for line in lines) == 1
    q8 = next(line for line in lines if "There are 24 households" in line)
    assert ",line=29,col=79,endColumn=207,endLine=29," in q8
    raw = sample.documents[0].document.raw
    assert raw.split("\n")[28][78:206].startswith("There are 24 households")


# --- Markdown ---------------------------------------------------------------------------------


def _unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


def test_markdown_escapes_markup_in_quotes():
    out = render(_evil_report(), "markdown")
    assert not re.search(r"(?<!\\)<(script|img|/script)", out)  # every < from the draft escaped
    assert "](javascript:" not in out and "[x](" not in out
    assert r"\[x\]\(javascript:alert\(1\)\)" in out
    assert r"\<script\>" in out
    assert r"close \<script\>alert\(1\)\</script\> \| the" in out
    # the archive link is not http(s): shown as text, never as a link
    assert "](javascript" not in out and r"javascript:alert\(2\)" in out
    table = [line for line in out.splitlines() if line.startswith("| ")]
    assert len(table) == 6  # header + 5 quotes
    assert all(_unescaped_pipes(line) == 7 for line in table)
    # the diff uses our own <del>/<ins>, with the page's words escaped inside
    assert r"<del>shut</del> <ins>close \<script\>alert\(1\)\</script\></ins>" in out


def test_markdown_breaks_mentions_autolinks_and_issue_refs():
    esc = markdown.escape("ping @octocat, see https://evil.example/x and www.evil.example #12")
    assert "@octocat" not in esc and "@\u2060octocat" in esc
    assert "https://" not in esc and "www.evil" not in esc
    assert "#12" not in esc
    assert markdown.escape("a\n\n# heading\n> quote") == r"a # heading \> quote"
    assert markdown.link("javascript:alert(1)") == r"javascript:alert\(1\)"
    assert markdown.link("https://x.example/a(b)c", "x") == "[x](https://x.example/a%28b%29c)"
    assert markdown.link("https://x.example/a b") == r"https:\/\/x.example/a b"  # not a link


def test_markdown_on_the_sample_lists_every_quote(sample):
    out = render(sample, "markdown")
    table = [line for line in out.splitlines() if line.startswith("| ")]
    assert len(table) == 1 + 17
    sections = [line for line in out.splitlines() if line.startswith("#### ")]
    assert len(sections) == 8  # every quote that is not plainly verified (scare: none)
    assert "<del>42</del> <ins>24</ins>" in out


# --- HTML -------------------------------------------------------------------------------------


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.style += data
        else:
            self.text.append(data)


def _parse(page: str) -> _Collect:
    p = _Collect()
    p.feed(page)
    p.close()
    return p


def test_html_escapes_everything_and_links_only_http():
    page = render(_evil_report(), "html")
    p = _parse(page)
    tags = [t for t, _ in p.tags]
    assert "script" not in tags and "img" not in tags and "iframe" not in tags
    assert "<script>alert(1)</script>" in "".join(p.text)  # shown as text
    assert "<img src=x onerror=alert(1)>" in "".join(p.text)
    hrefs = [a["href"] for t, a in p.tags if t == "a"]
    # the source link opens the page at the passage (a text fragment), the passage's markup
    # percent-encoded in it
    assert f"{GOOD_URL}#:~:text=we%20will%20shut%20%3Cimg%20src%3Dx" in " ".join(hrefs)
    assert all(h.startswith(("#", "https://", "http://")) for h in hrefs)
    assert "javascript:alert(2)" in "".join(p.text)  # the archive URL, as text
    for t, a in p.tags:
        assert not any(k.startswith("on") for k in a), (t, a)


def test_html_marks_every_quote_with_its_verdict():
    rep = _evil_report()
    p = _parse(render(rep, "html"))
    marks = {a["id"]: a["class"] for t, a in p.tags if t == "mark"}
    assert marks == {
        "q1": "q v-altered",
        "q2": "q v-scare",
        "q3": "q v-unverifiable",
        "q4": "q v-verified",
        "q5": "q v-close",
    }
    cards = [a["id"] for t, a in p.tags if t == "article"]
    assert cards == ["card-q1", "card-q2", "card-q3", "card-q4", "card-q5"]
    text = "".join(p.text)
    page = render(rep, "html")
    # one name for scare quotes: "scare" on the card and the count; "not checked" only in the
    # headline and, explained, in the legend
    assert '<span class="badge v-scare">scare</span>' in page
    assert text.count("not checked") == 2
    assert "<del>shut</del> <ins>close &lt;script&gt;alert(1)&lt;/script&gt;</ins>" in page
    assert page.count("<mark ") == 5


def test_html_is_self_contained_with_a_csp_that_pins_the_stylesheet():
    page = render(_evil_report(), "html")
    p = _parse(page)
    metas = [a for t, a in p.tags if t == "meta"]
    csp = next(a["content"] for a in metas if a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "script-src 'none'" in csp
    digest = base64.b64encode(hashlib.sha256(p.style.encode("utf-8")).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in csp
    assert not re.search(r"(src|href)=\"(?!#|https?://)", page.replace('href="#', ""))
    assert "@import" not in p.style and "url(" not in p.style
    for t, a in p.tags:
        assert t != "link" and "style" not in a  # no external stylesheet, no inline style


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_html_palette_is_readable_and_distinct():
    assert set(html.PALETTE) == set(VERDICTS) | {"scare"}
    for key, (background, accent) in html.PALETTE.items():
        assert _contrast(html.TEXT_COLOUR, background) >= 7, key  # WCAG AAA for the draft text
        assert _contrast("#ffffff", accent) >= 4.5, key  # white badge text, WCAG AA
    backgrounds = [bg for bg, _ in html.PALETTE.values()]
    assert len(set(backgrounds)) == len(backgrounds)
    css = html.stylesheet()
    for key, (background, accent) in html.PALETTE.items():
        assert f"mark.v-{key}{{background:{background};border-bottom-color:{accent}}}" in css


def test_html_on_the_sample_marks_every_quote_nested_ones_too(sample):
    p = _parse(render(sample, "html"))
    marks = {a["id"]: a["class"] for t, a in p.tags if t == "mark"}
    doc = sample.documents[0]
    assert marks == {f.attribution.id: f"q v-{f.verdict or 'scare'}" for f in doc.findings}


def test_html_prefixes_ids_of_later_documents():
    rep = _evil_report()
    two = Report(rep.documents + rep.documents)
    p = _parse(render(two, "html"))
    ids = [a["id"] for t, a in p.tags if "id" in a]
    assert len(ids) == len(set(ids))
    assert "d2-q1" in ids and "card-d2-q1" in ids


def test_search_problems_reach_the_reading_formats():
    rep = _evil_report()
    doc = rep.documents[0]
    f = dataclasses.replace(doc.findings[2], search_errors=("brave: BRAVE_API_KEY not set <b>",))
    rep = Report((DocumentReport(doc.path, (f,), doc.document),))
    assert "brave: BRAVE_API_KEY not set &lt;b&gt;" in render(rep, "html")
    assert r"BRAVE\_API\_KEY not set \<b\>" in render(rep, "markdown")
    assert "search   brave: BRAVE_API_KEY not set &lt;b&gt;" in render(rep, "junit")


HIDDEN_CHARS = "\u202e\u2066\x1b\x00\x85\u200f"  # bidi override, isolate, ESC, NUL, C1, RLM
HIDDEN = HIDDEN_CHARS[:3] + "[2J" + HIDDEN_CHARS[3:]  # ESC [2J: "clear the screen"


def _hidden_report() -> Report:
    """A finding whose quote, speaker, passage and reason carry hidden controls; the Arabic and
    Cyrillic letters around them are ordinary text and must survive."""
    quote = f"the ferry {HIDDEN}runs at noon مرحبا Привет"
    a = Attribution(
        "q1", quote, "direct", (0, len(quote)), (0, len(quote)), speaker=f"Ada{HIDDEN} Quill"
    )
    ev = Evidence(
        url="https://news.example.org/ferry",
        passage=f"“The ferry {HIDDEN}runs at eleven,” said Ada Quill.",
        diff=(("=", "the ferry runs at"), ("-", f"eleven{HIDDEN}"), ("+", "noon")),
    )
    f = Finding(a, "altered", score=0.8, reason=f"number differs{HIDDEN}", evidence=ev)
    return Report((DocumentReport("fixture.md", (f,), None),))


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html", "junit", "sarif", "github"])
def test_no_format_passes_bidi_overrides_or_control_characters(fmt):
    """Trojan Source: a bidi override in a quote could make a report read in another order."""
    out = render(_hidden_report(), fmt)
    for ch in HIDDEN_CHARS:
        assert ch not in out, (fmt, hex(ord(ch)))
    assert "مرحبا" in out and "Привет" in out
    if fmt == "json":
        # the data keeps the exact characters: escaped in the text, read back by a parser
        assert json.loads(out)["documents"][0]["attributions"][0]["quote"].count("\u202e") == 1
    elif fmt == "sarif":
        assert "⟨U+202E⟩" in json.loads(out)["runs"][0]["results"][0]["message"]["text"]
    elif fmt == "junit":
        ET.fromstring(out.encode("utf-8"))
        assert "⟨U+202E⟩" in out
    else:
        assert "⟨U+202E⟩" in out  # a reader sees that something was there


def test_html_reflows_pdf_paste_and_renders_markdown():
    import citecheck

    pdf = (
        "The ferry operator said the service would start on Monday and that it\n"
        "would run every twenty minutes from the old slipway, weather\n"
        "permitting. “We will carry everyone who needs to cross,” said Wim\n"
        "Arbogast, the operator's manager.\n"
    )
    page = render(citecheck.extract_text(pdf, "text"), "html")
    assert "that it would run every twenty minutes" in page  # the line breaks are gone
    md = "# Ferry\n\nSee [the notice](https://news.example.org/n) — **now**.\n"
    page = render(citecheck.extract_text(md), "html")
    assert '<h3 class="para">Ferry</h3>' in page
    assert ">the notice</a>" in page and "](" not in page and "**" not in page


def test_every_format_lists_unreadable_drafts_and_stays_valid(sample, sarif_validator):
    from dataclasses import replace

    from citecheck.model import Unreadable

    rep = replace(sample, unreadable=(Unreadable("drafts/<empty>.md", "the draft is empty"),))
    lxml_etree = pytest.importorskip("lxml.etree")
    schema = lxml_etree.XMLSchema(lxml_etree.parse(str(DATA / "junit-10.xsd")))
    junit = lxml_etree.fromstring(render(rep, "junit").encode("utf-8"))
    assert schema.validate(junit), schema.error_log
    assert junit.get("errors") == "1" and junit.get("tests") == "18"
    sarif_log = json.loads(render(rep, "sarif"))
    assert list(sarif_validator.iter_errors(sarif_log)) == []
    note = sarif_log["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]
    assert note["message"]["text"] == "not read: the draft is empty"
    assert "not read: drafts/<empty>.md: the draft is empty" in render(rep, "text")
    assert r"**Not read:** drafts/\<empty\>.md: the draft is empty" in render(rep, "markdown")
    assert "drafts/&lt;empty&gt;.md</span>: the draft is empty" in render(rep, "html")
    github = render(rep, "github")
    assert "::error file=drafts/<empty>.md,title=citecheck%3A not read::the draft is" in github
    assert json.loads(render(rep, "json"))["unreadable"] == [
        {"path": "drafts/<empty>.md", "reason": "the draft is empty"}
    ]

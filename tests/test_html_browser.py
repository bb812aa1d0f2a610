"""The HTML report in a real browser: headless Chromium renders the sample's evidence page, and
the rendered DOM and a screenshot show every quote marked in its verdict's colour, with nothing
from the draft turned into markup or run as script.

Needs Debian's `chromium` (`.ci/run` installs it) and Pillow (the test extra) for the screenshot.
Outside CI the test skips with a message when either is missing; with CI=true it fails instead.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from citecheck.document import load_text
from citecheck.model import Attribution, DocumentReport, Evidence, Finding, Report
from citecheck.report import html, render

ROOT = Path(__file__).resolve().parent.parent
IN_CI = os.environ.get("CI") == "true"
LEGEND_BOTTOM = 400  # px: the legend ends above this at 1280 px wide
WIDE, PHONE = 1280, 390  # a desktop browser and a phone, in CSS pixels
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

HOSTILE_QUOTE = "it was <img src=x onerror=alert(1)> and <script>document.title='pwned'</script>"
HOSTILE_DRAFT = f"# Hostile\n\nThe clerk said: “{HOSTILE_QUOTE}” yesterday.\n"


def _require(what: str, found: object) -> None:
    if found:
        return
    message = f"{what} is not installed"
    if IN_CI:
        pytest.fail(f"{message}, and CI=true requires this test to run")
    pytest.skip(f"{message}: install it to run the browser test (skipped outside CI)")


@pytest.fixture(scope="module")
def browser() -> str:
    path = next((p for p in map(shutil.which, BROWSERS) if p), None)
    if path is None and Path("/usr/bin/chromium").exists():
        path = "/usr/bin/chromium"
    _require("Chromium (Debian package `chromium`)", path)
    return path


def _report() -> Report:
    import citecheck

    sample = citecheck.check(
        str(ROOT / "examples" / "sample-draft.md"), replay=str(ROOT / "cassettes" / "sample.yaml")
    )
    doc = load_text(HOSTILE_DRAFT, "drafts/hostile.md", "markdown")
    start = doc.raw.index(HOSTILE_QUOTE)
    attr = Attribution(
        "q1", HOSTILE_QUOTE, "direct", (start, start + len(HOSTILE_QUOTE)), (0, 0), "The clerk"
    )
    finding = Finding(
        attr,
        "altered",
        0.9,
        "word changed",
        Evidence("javascript:alert(document.domain)", "<script>alert(2)</script>", "en"),
    )
    hostile = DocumentReport(doc.path, (finding,), doc)
    return Report((*sample.documents, hostile))


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> tuple[Report, Path]:
    rep = _report()
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(render(rep, "html"), encoding="utf-8")
    return rep, path


def _chromium(browser: str, tmp: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp / "profile"
    profile.mkdir(exist_ok=True)
    cmd = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-extensions",
        "--disable-sync",
        "--no-first-run",
        "--no-default-browser-check",
        "--force-color-profile=srgb",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)


class _Dom(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.marks: list[dict] = []
        self.text: list[str] = []
        self.style = ""
        self.title = ""
        self.refs: list[str] = []  # the text after each quote: its id and verdict
        self.draft: list[str] = []  # the draft's text as the page shows it
        self._open: list[dict] = []  # the marks open here, outermost first (a quoted
        # fragment inside a reported statement is a mark inside a mark)
        self._stack: list[str] = []
        self._classes: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        self._stack.append(tag)
        self._classes.append(attrs.get("class") or "")
        if tag == "a" and "ref" in (attrs.get("class") or "").split():
            self.refs.append("")
        if tag == "mark":
            self._open.append({**attrs, "text": ""})
            self.marks.append(self._open[-1])

    def handle_endtag(self, tag):
        if self._stack and self._stack[-1] == tag:
            self._stack.pop()
            self._classes.pop()
        if tag == "mark" and self._open:
            self._open.pop()

    def handle_data(self, data):
        where = self._stack[-1] if self._stack else ""
        if where == "style":
            self.style += data
        elif where == "title":
            self.title += data
        else:
            self.text.append(data)
            if self._classes and "ref" in self._classes[-1].split():
                self.refs[-1] += data  # an inner quote's label is no part of the outer quote
            else:
                for mark in self._open:
                    mark["text"] += data
            if any("para" in c.split() for c in self._classes):
                self.draft.append(data)


@pytest.fixture(scope="module")
def dom(browser, page, tmp_path_factory) -> _Dom:
    _, path = page
    run = _chromium(browser, tmp_path_factory.mktemp("dom"), "--dump-dom", path.as_uri())
    assert run.returncode == 0, run.stderr[-2000:]
    assert "<mark" in run.stdout, run.stderr[-2000:]
    parsed = _Dom()
    parsed.feed(run.stdout)
    parsed.close()
    return parsed


def test_rendered_dom_marks_every_quote_with_its_verdict(page, dom):
    rep, _ = page
    marks = {m["id"]: m for m in dom.marks}
    sample, hostile = rep.documents
    expected = {f.attribution.id: f for f in sample.findings}
    expected.update({f"d2-{f.attribution.id}": f for f in hostile.findings})
    assert set(marks) == set(expected)
    for mark_id, f in expected.items():
        assert marks[mark_id]["class"] == f"q v-{f.verdict or 'scare'}"
        doc = (sample if not mark_id.startswith("d2-") else hostile).document
        shown = doc.text[slice(*html._text_span(doc, f.attribution.span))]
        assert marks[mark_id]["text"] == shown  # the quote as the reader sees the draft
    cards = [a["id"] for t, a in dom.elements if t == "article"]
    assert len(cards) == len(expected)
    # the verdict is a word after every quote, not only a colour
    words = {f"{f.attribution.id} {html.LABELS[f.verdict or 'scare']}" for f in sample.findings}
    assert words <= set(dom.refs)


def test_the_draft_reads_as_rendered_markdown_and_links_open_at_the_passage(page, dom):
    rep, _ = page
    draft = "".join(dom.draft)
    assert "Tamblewick shuts its footbridge" in draft
    assert "](" not in draft and "<!--" not in draft and "*Draft" not in draft
    assert not any(line.lstrip().startswith("#") for line in draft.splitlines())
    headings = [a for t, a in dom.elements if t == "h3" and "para" in a.get("class", "")]
    assert headings  # the Markdown title is a heading, not a line starting with '#'
    hrefs = [a["href"] for t, a in dom.elements if t == "a" and "href" in a]
    fragments = [h for h in hrefs if "#:~:text=" in h]
    evidenced = {f.evidence.url for f in rep.documents[0].findings if f.evidence}
    assert {h.split("#", 1)[0] for h in fragments} == evidenced
    assert "https://news.example.org/" in " ".join(h for h in hrefs if "#" not in h)  # a link


def test_no_script_ran_and_hostile_markup_stayed_text(page, dom):
    tags = {t for t, _ in dom.elements}
    assert not tags & {"script", "img", "iframe", "object", "embed", "link"}
    assert dom.title.startswith("citecheck report")  # an injected script would have renamed it
    text = "".join(dom.text)
    assert HOSTILE_QUOTE in text
    assert "<script>alert(2)</script>" in text and "javascript:alert(document.domain)" in text
    hrefs = [a["href"] for t, a in dom.elements if t == "a" and "href" in a]
    assert hrefs and all(h.startswith(("#", "https://", "http://")) for h in hrefs)
    assert all(not k.startswith("on") for _, a in dom.elements for k in a)


def test_stylesheet_in_the_dom_maps_each_verdict_to_its_colour(dom):
    style = re.sub(r"\s+", "", dom.style)
    for key, (background, accent) in html.PALETTE.items():
        assert f"mark.v-{key}{{background:{background};border-bottom-color:{accent}}}" in style


def _shot(browser, path, tmp, width: int, height: int):
    from PIL import Image

    png = tmp / f"report-{width}.png"
    run = _chromium(browser, tmp, f"--screenshot={png}", f"--window-size={width},{height}",
                    path.as_uri())  # fmt: skip
    assert run.returncode == 0 and png.exists(), run.stderr[-2000:]
    with Image.open(png) as im:
        assert im.size == (width, height)
        return im.convert("RGB")


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))


def _colours(image, box) -> dict[tuple[int, int, int], int]:
    return {colour: n for n, colour in image.crop(box).getcolors(maxcolors=1 << 24)}


def test_screenshot_wide_quotes_in_colour_with_evidence_beside(
    browser, page, dom, tmp_path_factory
):
    rep, path = page
    try:
        from PIL import Image
    except ImportError:
        Image = None  # noqa: N806
    _require("Pillow (the `test` extra)", Image)
    im = _shot(browser, path, tmp_path_factory.mktemp("wide"), WIDE, 10000)
    half = WIDE * 3 // 5  # the draft's column ends about here, the evidence column starts
    verdicts = {f.verdict or "scare" for f in rep.documents[0].findings}
    assert verdicts >= {
        "verified", "close", "altered", "misattributed", "not_found", "supported", "translated",
        "unverifiable", "scare",
    }  # fmt: skip
    draft = _colours(im, (0, LEGEND_BOTTOM, half, im.height))
    beside = _colours(im, (half, LEGEND_BOTTOM, WIDE, im.height))
    for key in verdicts:
        background, accent = (_rgb(c) for c in html.PALETTE[key])
        # the quote highlighted in the draft's column, below the legend
        assert draft.get(background, 0) > 500, key
        # its evidence card (the verdict's accent on the card's edge) in the column beside it
        assert beside.get(accent, 0) > 300, key


def test_screenshot_phone_evidence_stacked_under_the_quote(browser, page, tmp_path_factory):
    try:
        from PIL import Image
    except ImportError:
        Image = None  # noqa: N806
    _require("Pillow (the `test` extra)", Image)
    im = _shot(browser, page[1], tmp_path_factory.mktemp("phone"), PHONE, 2600)
    # q1 (unverifiable): its highlight, then its card, whose accent edge runs down the left
    # side of the screen: stacked under the paragraph, not squeezed beside it
    accent = _rgb(html.PALETTE["unverifiable"][1])
    rows = [y for y in range(LEGEND_BOTTOM, im.height)
            if accent in {im.getpixel((x, y)) for x in range(8, 40)}]  # fmt: skip
    highlight = [y for y in range(LEGEND_BOTTOM, im.height)
                 if _rgb(html.PALETTE["unverifiable"][0]) in
                 {im.getpixel((x, y)) for x in range(0, PHONE, 6)}]  # fmt: skip
    assert len(rows) > 200 and highlight and min(highlight) < min(rows)
    # nothing overflows the phone's width: the right edge shows only the page's background
    edge = {im.getpixel((PHONE - 2, y)) for y in range(0, im.height, 2)}
    assert edge == {_rgb("#f5f6f8")}

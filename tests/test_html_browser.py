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
LEGEND_BOTTOM = 400  # px: the legend ends above this at 1200 px wide
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
        self._mark: dict | None = None
        self._stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        self._stack.append(tag)
        if tag == "mark":
            self._mark = {**attrs, "text": ""}
            self.marks.append(self._mark)

    def handle_endtag(self, tag):
        if self._stack and self._stack[-1] == tag:
            self._stack.pop()
        if tag == "mark":
            self._mark = None

    def handle_data(self, data):
        where = self._stack[-1] if self._stack else ""
        if where == "style":
            self.style += data
        elif where == "title":
            self.title += data
        else:
            self.text.append(data)
            if self._mark is not None:
                self._mark["text"] += data


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
        raw = (sample if not mark_id.startswith("d2-") else hostile).document.raw
        assert marks[mark_id]["text"] == raw[slice(*f.attribution.span)]
    cards = [a["id"] for t, a in dom.elements if t == "article"]
    assert len(cards) == len(expected)


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


def test_screenshot_shows_each_verdict_colour(browser, page, dom, tmp_path_factory):
    rep, path = page
    try:
        from PIL import Image
    except ImportError:
        Image = None  # noqa: N806
    _require("Pillow (the `test` extra)", Image)
    tmp = tmp_path_factory.mktemp("shot")
    png = tmp / "report.png"
    run = _chromium(browser, tmp, f"--screenshot={png}", "--window-size=1200,3000", path.as_uri())
    assert run.returncode == 0 and png.exists(), run.stderr[-2000:]
    with Image.open(png) as im:
        assert im.size == (1200, 3000)
        # below the legend (whose swatches show every colour): the draft and the first cards
        below = im.convert("RGB").crop((0, LEGEND_BOTTOM, 1200, 3000))
        counts = {colour: n for n, colour in below.getcolors(maxcolors=1 << 24)}

    def pixels(key: str) -> int:
        background = html.PALETTE[key][0]
        return counts.get(tuple(int(background[i : i + 2], 16) for i in (1, 3, 5)), 0)

    verdicts = {f.verdict or "scare" for f in rep.documents[0].findings}
    assert verdicts >= {
        "verified", "close", "altered", "misattributed", "not_found", "supported", "translated",
        "unverifiable", "scare",
    }  # fmt: skip
    for key in verdicts:
        # highlighted text, not a stray pixel or a legend swatch (the crop starts below it)
        assert pixels(key) > 500, (key, pixels(key))

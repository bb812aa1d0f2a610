"""The HTML evidence page: one self-contained file an editor opens in any browser.

The draft is shown as a reader sees it: Markdown and HTML rendered to text (headings as headings,
links as links, no raw `#` or `[...](...)`), text pasted from a PDF reflowed into paragraphs.
Every quote is highlighted in its verdict's colour (a <mark class="q v-VERDICT" id="ID">) and
followed by its id and verdict as a word, linking to its card. Each paragraph's cards stand
beside it on a wide screen and under it on a phone. A card gives the verdict, speaker, cue,
outlet, reason, the source link (opening the page at the passage with a `#:~:text=` text
fragment) and archive link, the source passage and the word diff (<del> words the source has
and the draft dropped, <ins> words the draft has and the source does not). Scare quotes are marked
and labelled "scare" (the legend says once that they are not checked). Colour is never the only
cue: the verdict is written after every quote, on every card and in every mark's title.

Safety: every string from a draft or a page goes through `html.escape`; only http(s) URLs become
links (anything else, `javascript:` included, is shown as text). The page loads nothing and runs
nothing: a Content-Security-Policy meta allows no script, no connection, no image, no frame and
only the page's own stylesheet (pinned by its SHA-256), so even a markup bug could not run code.
No JavaScript is needed to read it.

With several documents, the first keeps the plain attribution ids (q1, q2 ...) and the later ones
are prefixed (d2-q1 ...) so ids stay unique in the page.
"""

from __future__ import annotations

import base64
import hashlib
import html
from bisect import bisect_left
from urllib.parse import quote

from ..model import DEFAULT_FAIL_ON, VERDICTS, Document, DocumentReport, Finding, Report
from .common import backends_note, diff_words, http_url, in_quotes, line_col, visible

# verdict -> (highlight background, accent for borders and badges). The draft text (#101828)
# reads at 7:1 or better on every background, and white badge text at 4.5:1 or better on every
# accent (tests/test_report_formats.py checks both with the WCAG formula).
PALETTE: dict[str, tuple[str, str]] = {
    "verified": ("#c8efd4", "#17723a"),
    "close": ("#fcefa6", "#7a5a00"),
    "translated": ("#cfe6ff", "#0b5cad"),
    "supported": ("#cdeeea", "#0f6b64"),
    "altered": ("#ffd0c9", "#b42318"),
    "misattributed": ("#ffd9ad", "#a3410a"),
    "not_found": ("#efd3f7", "#86198f"),
    "unverifiable": ("#dfe3ea", "#475467"),
    "scare": ("#f2f4f7", "#667085"),  # not a verdict: listed, not checked
}
TEXT_COLOUR = "#101828"

LABELS: dict[str, str] = {
    "verified": "verified",
    "close": "close",
    "translated": "translated",
    "supported": "supported",
    "altered": "altered",
    "misattributed": "misattributed",
    "not_found": "not found",
    "unverifiable": "unverifiable",
    "scare": "scare",
}

MEANINGS: dict[str, str] = {
    "verified": "the quoted words stand in a source",
    "close": "same passage; punctuation or spelling differs",
    "translated": "renders a source in another language (numbers, negations, names agree)",
    "supported": "reported speech that the source backs",
    "altered": "words added, dropped or changed: a misquote",
    "misattributed": "the source gives the words to someone else",
    "not_found": "sources were read and none holds the quote",
    "unverifiable": "no source could be found or read",
    "scare": "the writer's own quote marks, not someone's words: listed, not checked",
}

_CLOSERS = "”’\"'»›„“"


def esc(s: object) -> str:
    """Text for HTML content or a quoted attribute: escaped, hidden controls shown as markers."""
    return html.escape(visible(str(s)), quote=True)


def safe_href(url: str | None) -> str | None:
    """`url` if it is a plain http(s) URL that can stand in an href, else None."""
    if url and any(c in "\"'<>\\`" for c in url):
        return None
    return http_url(url)


def link(url: str | None, label: str | None = None) -> str:
    if not url:
        return ""
    href = safe_href(url)
    if href is None:
        return f'<span class="url">{esc(url)}</span>'
    return f'<a href="{esc(href)}" rel="noopener noreferrer nofollow">{esc(label or url)}</a>'


def _key(f: Finding, checked: bool) -> str:
    """The palette key of a finding: its verdict, or "scare" when it was not checked."""
    return f.verdict if checked and f.verdict in PALETTE else "scare"


def stylesheet() -> str:
    rules = [
        ":root{color-scheme:light}",
        "*{box-sizing:border-box}",
        f"body{{margin:0;background:#f5f6f8;color:{TEXT_COLOUR};font:16px/1.5 system-ui,"
        "-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif}",
        "main{max-width:1440px;margin:0 auto;padding:24px 28px 48px}",
        "h1{font-size:1.55rem;margin:0 0 4px}",
        "h2{font-size:1.2rem;margin:32px 0 8px;overflow-wrap:anywhere}",
        "h3{font-size:1rem;margin:0 0 8px;display:flex;gap:8px;align-items:center;flex-wrap:wrap}",
        ".lede{margin:0 0 16px;color:#344054}",
        ".legend{display:flex;flex-wrap:wrap;gap:6px 18px;margin:0 0 8px;padding:12px 16px;"
        "list-style:none;background:#fff;border:1px solid #d0d5dd;border-radius:8px;"
        "font-size:14px}",
        ".legend li{display:flex;align-items:center;gap:6px}",
        ".swatch{display:inline-block;padding:0 6px;border-radius:3px;border-bottom:2px solid;"
        "font-weight:600}",
        ".counts{display:flex;flex-wrap:wrap;gap:6px;margin:0 0 12px;padding:0;list-style:none}",
        ".draft{margin:0 0 16px;background:#fff;border:1px solid #d0d5dd;border-radius:8px;"
        "padding:8px 0}",
        ".row{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:20px;"
        "align-items:start;padding:0 16px 0 0}",
        ".row .text{padding:0 24px}",
        ".row .side{padding-top:8px}",
        ".para{margin:0;padding:8px 0;white-space:pre-line;overflow-wrap:anywhere;"
        "font:17px/1.75 Georgia,'Times New Roman',serif}",
        "h3.para{font:700 1.35rem/1.35 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}",
        ".headline{margin:0 0 8px;font-weight:600}",
        ".unreadable{margin:0 0 8px;color:#b42318}",
        "@media (max-width:800px){main{padding:12px 8px 32px}.row{grid-template-columns:1fr;"
        "gap:0;padding:0 8px}.row .text{padding:0 8px}}",
        f"mark.q{{color:{TEXT_COLOUR};padding:1px 2px;border-radius:3px;border-bottom:3px solid}}",
        "mark.q.v-scare{border-bottom-style:dashed}",
        ".ref{font:600 12px/1 system-ui,sans-serif;vertical-align:super;margin-left:3px;"
        "text-decoration:none;color:#344054}",
        ".badge{display:inline-block;padding:1px 9px;border-radius:999px;color:#fff;"
        "font:600 13px/1.5 system-ui,sans-serif;white-space:nowrap}",
        ".fid{font:600 14px/1.5 ui-monospace,Menlo,Consolas,monospace;color:#344054}",
        ".kind{color:#475467;font-size:14px;font-weight:400}",
        ".finding{background:#fff;border:1px solid #d0d5dd;border-left:6px solid;border-radius:8px;"
        "padding:14px 18px;margin:0 0 12px}",
        ".finding blockquote{margin:0 0 10px;font:17px/1.6 Georgia,'Times New Roman',serif}",
        "dl{display:grid;grid-template-columns:9.5em 1fr;gap:4px 14px;margin:0}",
        "dt{font-weight:600;color:#475467}",
        "dd{margin:0;overflow-wrap:anywhere}",
        "dd blockquote{margin:0;padding:2px 0 2px 10px;border-left:3px solid #d0d5dd;"
        "font-family:Georgia,'Times New Roman',serif}",
        "del{background:#ffd0c9;color:#7a1a10;text-decoration:line-through;padding:0 2px}",
        "ins{background:#c8efd4;color:#0b4a26;text-decoration:underline;padding:0 2px}",
        "ul.tried{margin:0;padding-left:18px}",
        "code{font:13px ui-monospace,Menlo,Consolas,monospace;background:#e9ecf1;padding:0 4px;"
        "border-radius:3px}",
        "a{color:#0b5cad}",
        ".url{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;color:#475467}",
        "footer{margin-top:32px;color:#475467;font-size:13px}",
        "@media (max-width:720px){dl{grid-template-columns:1fr}dt{margin-top:6px}}",
        "@media print{body{background:#fff}.finding{break-inside:avoid}}",
    ]
    for key, (background, accent) in PALETTE.items():
        rules.append(f"mark.v-{key}{{background:{background};border-bottom-color:{accent}}}")
        rules.append(f".swatch.v-{key}{{background:{background};border-bottom-color:{accent}}}")
        rules.append(f".badge.v-{key}{{background:{accent}}}")
        rules.append(f".ref.v-{key}{{color:{accent}}}")
        rules.append(f".finding.v-{key}{{border-left-color:{accent}}}")
    return "\n".join(rules) + "\n"


def _dom_ids(index: int, f: Finding) -> tuple[str, str]:
    """(mark id, card id) of a finding in document number `index` (0-based)."""
    base = f.attribution.id if index == 0 else f"d{index + 1}-{f.attribution.id}"
    return base, f"card-{base}"


def _text_span(doc: Document, span: tuple[int, int]) -> tuple[int, int]:
    """A span of the draft as written (`raw`) as a span of the text a reader sees."""
    return bisect_left(doc.offsets, span[0]), bisect_left(doc.offsets, span[1])


def _heading(doc: Document, start: int) -> bool:
    """Whether the paragraph starting at text offset `start` is a Markdown heading line."""
    if doc.format != "markdown" or start >= len(doc.text):
        return False
    raw_at = doc.offsets[start]
    line = doc.raw[doc.raw.rfind("\n", 0, raw_at) + 1 : raw_at]
    return line.lstrip().startswith("#")


def _blocks(doc: Document, placed: list[tuple[int, int, Finding]]) -> list[tuple[int, int]]:
    """The draft's paragraphs, neighbours joined where a quote runs from one into the next
    (`placed` in order: one pass over both)."""
    blocks: list[list[int]] = []
    k = 0
    for p0, p1 in doc.paragraphs or ((0, len(doc.text)),):
        if blocks:
            end = blocks[-1][1]
            while k < len(placed) and placed[k][1] <= end:
                k += 1  # quotes that end before this boundary cannot cross it
            if k < len(placed) and placed[k][0] < end:
                blocks[-1][1] = p1
                continue
        blocks.append([p0, p1])
    return [(a, b) for a, b in blocks]


def _within(items: list, starts: list[int], b0: int, b1: int) -> list:
    """The items (sorted by start, `starts` their starts) that start in [b0, b1)."""
    return items[bisect_left(starts, b0) : bisect_left(starts, b1)]


def _mark(f: Finding, index: int, checked: bool, body: str, after: str) -> str:
    """A quote's <mark> (`body`: its HTML), the text after it, then its id and verdict."""
    key = _key(f, checked)
    mark_id, card_id = _dom_ids(index, f)
    return (
        f'<mark class="q v-{key}" id="{esc(mark_id)}" title="{esc(f.attribution.id)}: '
        f'{esc(LABELS[key])}">{body}</mark>{esc(after)}'
        f'<a class="ref v-{key}" href="#{esc(card_id)}">{esc(f.attribution.id)} '
        f"{esc(LABELS[key])}</a>"
    )


def _nested(text: str, ts: int, te: int, inner: list, index: int, checked: bool) -> str:
    """The text of a mark with the quotes inside it marked too ('said the plan was “a
    disaster”': the reported statement and its quoted fragment)."""
    out, pos = [], ts
    for cs, ce, f in inner:
        if cs < pos or ce > te:
            continue
        out.append(esc(text[pos:cs]))
        out.append(_mark(f, index, checked, esc(text[cs:ce]), ""))
        pos = ce
    out.append(esc(text[pos:te]))
    return "".join(out)


def _marked(doc, index, checked, b0, b1, marks, links, inner=None) -> str:
    """One block of the draft as a reader sees it: Markdown and HTML rendered to text, each
    quote a <mark> with its id and verdict written after it, links that touch no quote linked.
    `inner`: the quotes nested in a mark, by the id of its finding."""
    inner = inner or {}
    text = doc.text
    spans = [(ts, te, "mark", f) for ts, te, f in marks]
    starts = [ts for ts, _, _ in marks]  # the marks are in order and never overlap
    for ts, te, anchor in links:
        k = bisect_left(starts, te) - 1  # the last mark that starts before the link ends
        if k < 0 or marks[k][1] <= ts:
            spans.append((ts, te, "link", anchor))
    spans.sort(key=lambda x: x[0])
    out, pos = [], b0
    for i, (ts, te, kind, item) in enumerate(spans):
        if ts < pos:
            continue
        out.append(esc(text[pos:ts]))
        if kind == "link":
            out.append(link(item.url, text[ts:te]) if safe_href(item.url) else esc(text[ts:te]))
            pos = te
            continue
        f = item
        after, limit = te, spans[i + 1][0] if i + 1 < len(spans) else b1
        while after < limit and after - te < 2 and text[after] in _CLOSERS:
            after += 1  # the verdict goes after the closing quote mark, not between
        body = _nested(text, ts, te, inner.get(id(f), []), index, checked)
        out.append(_mark(f, index, checked, body, text[te:after]))
        pos = after
    out.append(esc(text[pos:b1]))
    tag = "h3" if _heading(doc, b0) else "p"
    return f'<{tag} class="para">{"".join(out)}</{tag}>'


def _flow(doc: DocumentReport, index: int, checked: bool) -> str:
    """The draft paragraph by paragraph, each quote's evidence card beside its paragraph (on a
    wide screen; stacked under it on a phone)."""
    cards = {id(f): _card(doc, index, f, checked) for f in doc.findings}
    d = doc.document
    if not isinstance(d, Document):
        note = '<p class="lede">The draft text is not part of this report.</p>'
        return note + "".join(cards.values())
    placed: list[tuple[int, int, Finding]] = []
    unplaced: list[Finding] = []
    inner: dict[int, list[tuple[int, int, Finding]]] = {}  # quotes inside a placed one
    end = 0
    for f in sorted(doc.findings, key=lambda f: (f.attribution.span[0], -f.attribution.span[1])):
        ts, te = _text_span(d, f.attribution.span)
        if te > ts and placed and placed[-1][0] <= ts and te <= placed[-1][1]:
            inner.setdefault(id(placed[-1][2]), []).append((ts, te, f))
            continue  # a quoted fragment inside a reported statement: marked inside it
        if te <= ts or ts < end:  # empty or overlapping: its card stands at the end
            unplaced.append(f)
            continue
        placed.append((ts, te, f))
        end = te
    links = sorted(((*_text_span(d, lk.span), lk) for lk in d.links), key=lambda x: x[:2])
    mark_starts = [ts for ts, _, _ in placed]
    link_starts = [ts for ts, _, _ in links]
    rows = []
    for b0, b1 in _blocks(d, placed):
        marks = _within(placed, mark_starts, b0, b1)
        near = [(ts, te, lk) for ts, te, lk in _within(links, link_starts, b0, b1) if ts < te <= b1]
        side = "".join(
            cards[id(g)] for _, _, f in marks for g in [f] + [c for *_, c in inner.get(id(f), [])]
        )
        body = _marked(d, index, checked, b0, b1, marks, near, inner)
        rows.append(
            f'<div class="row"><div class="text">{body}</div><div class="side">{side}</div></div>'
        )
    if unplaced:
        rest = "".join(cards[id(f)] for f in unplaced)
        rows.append(f'<div class="row"><div class="text"></div><div class="side">{rest}</div>'
                    "</div>")  # fmt: skip
    return f'<div class="draft">{"".join(rows)}</div>'


def text_fragment(url: str, passage: str) -> str:
    """`url` with a text fragment (`#:~:text=start,end`) that opens the page at the passage and
    highlights it, in browsers that support it; the URL as it was otherwise."""
    words = passage.split()
    if not words:
        return url

    def part(ws: list[str]) -> str:
        return quote(" ".join(ws), safe="").replace("-", "%2D")

    frag = part(words) if len(words) <= 8 else f"{part(words[:5])},{part(words[-4:])}"
    return f"{url.split('#', 1)[0]}#:~:text={frag}"


def _diff(diff) -> str:
    return diff_words(diff, esc, "<del>{}</del>", "<ins>{}</ins>")


def _row(label: str, value_html: str) -> str:
    return f"<dt>{esc(label)}</dt><dd>{value_html}</dd>"


def _card(doc: DocumentReport, index: int, f: Finding, checked: bool) -> str:
    a = f.attribution
    key = _key(f, checked)
    mark_id, card_id = _dom_ids(index, f)
    kind = {"direct": "direct quote", "partial": "partial quote", "scare": "scare quote",
            "indirect": "reported speech"}.get(a.kind, a.kind)  # fmt: skip
    rows: list[str] = []
    rows.append(_row("Speaker", esc(a.speaker) if a.speaker else "<em>none named</em>"))
    if a.cue:
        rows.append(_row("Cue", esc(a.cue)))
    if a.outlet:
        rows.append(_row("Outlet", esc(a.outlet) + (f" ({esc(a.language)})" if a.language else "")))
    if a.date_hint:
        rows.append(_row("Date", esc(a.date_hint)))
    if isinstance(doc.document, Document):
        line, col = line_col(doc.document.raw, a.span[0])
        where = f'<a href="#{esc(mark_id)}">line {line}, column {col}</a>'
        rows.append(_row("In the draft", where))
    if f.reason:
        rows.append(_row("Why", esc(f.reason)))
    if checked and f.score is not None:
        rows.append(_row("Score", f"{f.score:.2f}"))
    ev = f.evidence
    if ev:
        href = text_fragment(ev.url, ev.passage) if ev.passage and safe_href(ev.url) else ev.url
        rows.append(_row("Source", link(href, ev.url)))
        if ev.archive_url:
            rows.append(_row("Archive", link(ev.archive_url)))
        if ev.speaker and (ev.speaker != a.speaker or f.verdict == "misattributed"):
            rows.append(_row("Source credits", esc(ev.speaker)))
        if ev.language:
            rows.append(_row("Source language", esc(ev.language)))
        if ev.passage:
            rows.append(
                _row("Source passage", f"<blockquote>{esc(in_quotes(ev.passage))}</blockquote>")
            )
        if ev.translation:
            rows.append(
                _row("Translation", f"<blockquote>{esc(in_quotes(ev.translation))}</blockquote>")
            )
        if ev.backends:
            rows.append(_row("Checked", esc(backends_note(ev.backends))))
        if any(op != "=" for op, _ in ev.diff):
            label = "Marked edits" if f.verdict == "verified" else "Word diff"
            rows.append(_row(label, f'<span class="diff">{_diff(ev.diff)}</span>'))
    if f.sources and (not ev or f.verdict in ("not_found", "unverifiable")):
        items = "".join(
            f"<li><code>{esc('read' if s.status == 'ok' else s.status)}</code> {link(s.url)} "
            f"({esc(s.origin)}" + (f", {esc(s.detail)}" if s.detail else "") + ")</li>"
            for s in f.sources[:8]
        )
        rows.append(_row("Sources tried", f'<ul class="tried">{items}</ul>'))
    if f.searched and f.verdict in ("not_found", "unverifiable"):
        items = "".join(f"<li>{esc(str(q))}</li>" for q in f.searched[:5])
        rows.append(_row("Searched", f'<ul class="tried">{items}</ul>'))
    if f.search_errors:
        items = "".join(f"<li>{esc(e)}</li>" for e in f.search_errors[:5])
        rows.append(_row("Search problems", f'<ul class="tried">{items}</ul>'))
    return (
        f'<article class="finding v-{key}" id="{esc(card_id)}">'
        f'<h3><a class="fid" href="#{esc(mark_id)}">{esc(a.id)}</a>'
        f'<span class="badge v-{key}">{esc(LABELS[key])}</span>'
        f'<span class="kind">{esc(kind)}</span></h3>'
        f"<blockquote>“{esc(a.quote)}”</blockquote>"
        f"<dl>{''.join(rows)}</dl></article>"
    )


def _counts(doc: DocumentReport, checked: bool) -> str:
    if not checked:
        return ""
    items = []
    summary = doc.summary
    for verdict in VERDICTS:
        if summary.get(verdict):
            items.append(
                f'<li><span class="badge v-{verdict}">{summary[verdict]} {esc(LABELS[verdict])}'
                "</span></li>"
            )
    scare = sum(1 for f in doc.findings if f.verdict is None)
    if scare:
        items.append(f'<li><span class="badge v-scare">{scare} scare</span></li>')
    return f'<ul class="counts">{"".join(items)}</ul>' if items else ""


def _legend() -> str:
    items = "".join(
        f'<li><span class="swatch v-{key}">{esc(LABELS[key])}</span> {esc(MEANINGS[key])}</li>'
        for key in PALETTE
    )
    return f'<ul class="legend" aria-label="Legend">{items}</ul>'


def render(report: Report, *, fail_on: tuple[str, ...] = DEFAULT_FAIL_ON, **_: object) -> str:
    css = stylesheet()
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    csp = (
        f"default-src 'none'; style-src 'sha256-{digest}'; img-src 'none'; script-src 'none'; "
        "base-uri 'none'; form-action 'none'; frame-src 'none'; object-src 'none'"
    )
    n_docs = len(report.documents)
    n_quotes = len(report.findings)
    failing = sum(f.verdict in fail_on for f in report.findings) if report.checked else 0
    title = "citecheck report" + (f": {report.documents[0].path}" if n_docs == 1 else "")
    if report.checked:
        lede = report.headline + ("" if n_docs == 1 else f" in {n_docs} documents")
        if failing:
            lede += f". {failing} fail{'s' if failing == 1 else ''} ({', '.join(fail_on)})"
        elif report.too_few_verified:
            lede += "."
        elif report.findings and all(f.verdict in (None, "unverifiable") for f in report.findings):
            lede += ". Nothing could be checked"
        else:
            lede += f". None fails ({', '.join(fail_on)})"
    else:
        lede = f"{n_quotes} quote{'s' if n_quotes != 1 else ''} in {n_docs} document"
        lede += "s" if n_docs != 1 else ""
        lede += "; not checked (attributions only)"
    body: list[str] = [
        "<main>",
        "<h1>citecheck report</h1>",
        f'<p class="lede">{esc(lede)}</p>',
        *(
            f'<p class="unreadable">Not read: <span class="url">{esc(u.path)}</span>: '
            f"{esc(u.reason)}</p>"
            for u in report.unreadable
        ),
        _legend(),
    ]
    for index, doc in enumerate(report.documents):
        body.append(f'<section class="document"><h2>{esc(doc.path)}</h2>')
        body.append(_counts(doc, report.checked))
        if report.checked and n_docs > 1:  # one draft: the lede says it
            body.append(f'<p class="headline">{esc(doc.headline)}</p>')
        body.append(_flow(doc, index, report.checked))
        body.append("</section>")
    body.append(
        "<footer>Generated by citecheck. Highlights show each quote where it stands in the draft; "
        "the cards below give the evidence. Words in <del>red, struck through</del> are in the "
        "source and not in the draft; words <ins>underlined in green</ins> are in the draft and "
        "not in the source.</footer>"
    )
    body.append("</main>")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(csp)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="citecheck">\n'
        f"<title>{esc(title)}</title>\n"
        f"<style>{css}</style>\n"
        "</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )

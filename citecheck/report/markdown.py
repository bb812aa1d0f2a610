"""Markdown for a pull-request comment (GitHub-flavoured): a summary table per document, then a
section per quote that is not plainly `verified`, with the reason, the source passage and the
word diff (<del>/<ins>, which GitHub renders).

Drafts and pages are untrusted: every string from them goes through `escape()`, which
backslash-escapes the characters that make Markdown or HTML markup (`|` included, so a quote
cannot add table cells; `[`, `]`, `(`, `)`, so no `[x](javascript:...)` link; `<`, `&`, so no
tag or entity), breaks bare-URL and `www.` autolinks, and puts a word joiner (U+2060) after `@`
and after a `#` before a digit, so a quote cannot @-mention anyone or link an issue. Whitespace
is collapsed: a quote never starts a new line or block. Only http(s) source URLs become links,
percent-encoded so they cannot close the link early.
"""

from __future__ import annotations

import re
from urllib.parse import quote as _urlquote
from urllib.parse import urlsplit

from ..model import CONFIRMED, DEFAULT_FAIL_ON, Document, DocumentReport, Finding, Report
from .common import backends_note, diff_words, http_url, in_quotes, line_col, visible

# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that can start
# or end inline markup (emphasis, code, links, images, HTML, entities, table cells,
# strikethrough, math). Block markup cannot start: escaped text never begins a line.
_SPECIAL = re.compile(r"([\\`*_\[\]()<>!|~&$])")
_ISSUE_REF = re.compile(r"#(?=\d)")
_SCHEME_SLASHES = re.compile(r"(?<=:)//")
_WWW = re.compile(r"\b(www)\.", re.IGNORECASE)
_WORD_JOINER = "\u2060"


def escape(text: str) -> str:
    """`text` as inert inline Markdown: one line, every markup character escaped."""
    text = " ".join(visible(text).split())
    text = _SPECIAL.sub(r"\\\1", text)
    text = _SCHEME_SLASHES.sub(r"\\/\\/", text)  # "https://x" is not autolinked
    text = _WWW.sub(r"\1\\.", text)  # nor is "www.x"
    text = _ISSUE_REF.sub("#" + _WORD_JOINER, text)  # "#12" does not link issue 12
    return text.replace("@", "@" + _WORD_JOINER)  # no @mention, no email autolink


def _excerpt(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _safe_url(url: str | None) -> str | None:
    """The URL percent-encoded for a Markdown link destination, or None unless http(s)."""
    url = http_url(url)
    return _urlquote(url, safe="/:?#[]@!$&'*+,;=%~-._") if url else None


def link(url: str | None, label: str | None = None) -> str:
    """A Markdown link for an http(s) URL; anything else as escaped text."""
    if not url:
        return ""
    safe = _safe_url(url)
    if safe is None:
        return escape(url)
    safe = safe.replace("(", "%28").replace(")", "%29").replace("[", "%5B").replace("]", "%5D")
    return f"[{escape(label or url)}]({safe})"


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or url
    except ValueError:
        return url


def diff_markdown(diff) -> str:
    return diff_words(diff, escape, "<del>{}</del>", "<ins>{}</ins>")


def _icon(verdict: str | None, fail_on: tuple[str, ...]) -> str:
    if verdict is None:
        return "➖"
    if verdict in fail_on:
        return "❌"
    if verdict in ("verified", "translated", "supported"):
        return "✅"
    return "⚠️"


def _where(doc: DocumentReport, f: Finding) -> str:
    if isinstance(doc.document, Document):
        line, col = line_col(doc.document.raw, f.attribution.span[0])
        return f"line {line}, column {col}"
    return f"characters {f.attribution.span[0]}–{f.attribution.span[1]}"


def _status(findings, fail_on: tuple[str, ...], min_verified: int = 0) -> str:
    """What the findings mean for the run: what fails, or that nothing could be checked (a
    draft whose every quote is unverifiable has not passed anything), or that nothing fails."""
    failing = sum(1 for f in findings if f.verdict in fail_on)
    checked = [f.verdict for f in findings if f.verdict is not None]
    verified = sum(1 for v in checked if v in CONFIRMED)
    if failing:
        return f"❌ {failing} fail (`{', '.join(fail_on)}`)"
    if verified < min_verified:
        return f"❌ fewer than {min_verified} verified"
    if checked and all(v == "unverifiable" for v in checked):
        return "⚠️ nothing could be checked"
    if not checked:
        return "➖ nothing to check"
    return "✅ nothing fails"


def _summary(doc: DocumentReport, fail_on: tuple[str, ...]) -> str:
    n = len(doc.findings)
    head = f"**{n} quote{'s' if n != 1 else ''}**"
    return f"{head}: {escape(doc.headline)} · {_status(doc.findings, fail_on)}"


def _table(doc: DocumentReport, fail_on: tuple[str, ...], checked: bool) -> list[str]:
    rows = ["| | id | verdict | speaker | quote | source |", "|---|---|---|---|---|---|"]
    for f in doc.findings:
        a = f.attribution
        verdict = (f.verdict or "scare") if checked else a.kind
        source = ""
        if f.evidence:
            source = link(f.evidence.url, _host(f.evidence.url))
        elif f.sources:
            first = f.sources[0]
            status = "read" if first.status == "ok" else first.status
            source = f"{link(first.url, _host(first.url))} ({escape(status)})"
        rows.append(
            f"| {_icon(f.verdict, fail_on) if checked else ''} | {escape(a.id)} | "
            f"**{escape(verdict)}** | {escape(a.speaker or '—')} | "
            f"“{escape(_excerpt(a.quote, 90))}” | {source} |"
        )
    return rows


def _section(doc: DocumentReport, f: Finding, fail_on: tuple[str, ...]) -> list[str]:
    a = f.attribution
    who = escape(a.speaker) if a.speaker else "no speaker named"
    out = [
        f"#### {_icon(f.verdict, fail_on)} {escape(a.id)} · {escape(f.verdict or '')} · {who}",
        "",
        f"> “{escape(a.quote)}”",
        "",
    ]
    facts = [f"- **Where:** {_where(doc, f)}"]
    if a.cue:
        facts.append(f"- **Cue:** {escape(a.cue)}")
    if a.outlet:
        facts.append(f"- **Outlet:** {escape(a.outlet)}")
    if f.reason:
        facts.append(f"- **Why:** {escape(f.reason)}")
    if f.evidence:
        facts.append(f"- **Source:** {link(f.evidence.url)}")
        if f.evidence.archive_url:
            facts.append(f"- **Archive:** {link(f.evidence.archive_url)}")
        if f.evidence.speaker and f.evidence.speaker != a.speaker:
            facts.append(f"- **The source gives the words to:** {escape(f.evidence.speaker)}")
        if f.evidence.passage:
            facts.append(f"- **Source passage:** {escape(in_quotes(f.evidence.passage))}")
        if f.evidence.translation:
            facts.append(f"- **Translation:** {escape(in_quotes(f.evidence.translation))}")
        if f.evidence.backends:
            facts.append(f"- **Checked:** {escape(backends_note(f.evidence.backends))}")
        if any(op != "=" for op, _ in f.evidence.diff):
            diff = diff_markdown(f.evidence.diff)
            facts.append(f"- **Diff** (<del>source</del> <ins>draft</ins>): {diff}")
    elif f.sources:
        tried = "; ".join(
            f"{link(s.url)} ({escape('read' if s.status == 'ok' else s.status)})"
            for s in f.sources[:5]
        )
        facts.append(f"- **Tried:** {tried}")
    if f.search_errors:
        facts.append(f"- **Search problems:** {escape('; '.join(f.search_errors[:5]))}")
    return out + facts + [""]


def render(report: Report, *, fail_on: tuple[str, ...] = DEFAULT_FAIL_ON, **_: object) -> str:
    fail_on = tuple(fail_on)
    out: list[str] = []
    if report.checked and (len(report.documents) != 1 or report.unreadable):
        status = _status(report.findings, fail_on, report.min_verified)
        out += [f"**citecheck:** {escape(report.headline)} · {status}", ""]
    for u in report.unreadable:
        out.append(f"- ❌ **Not read:** {escape(u.path)}: {escape(u.reason)}")
    if report.unreadable:
        out.append("")
    for doc in report.documents:
        out.append(f"### citecheck: {escape(doc.path)}")
        out.append("")
        if report.checked:
            out.append(_summary(doc, fail_on))
            if report.too_few_verified and len(report.documents) == 1:
                out[-1] += f" · ❌ fewer than {report.min_verified} verified"
            out.append("")
        out.extend(_table(doc, fail_on, report.checked))
        out.append("")
        if not report.checked:
            continue
        flagged = [f for f in doc.findings if f.verdict not in (None, *CONFIRMED)]
        if flagged:
            out.append("<details open><summary>Quotes that need a look</summary>")
            out.append("")
            for f in flagged:
                out.extend(_section(doc, f, fail_on))
            out.append("</details>")
            out.append("")
    return "\n".join(out)

"""The terminal report: one block per quote, verdict first, then the evidence and the word diff."""

from __future__ import annotations

import textwrap

from ..model import Finding, Report
from .common import backends_note, diff_line, in_quotes, visible

WIDTH = 100
_MARK = {
    "verified": "OK",
    "close": "~~",
    "supported": "OK",
    "translated": "OK",
    "altered": "!!",
    "misattributed": "!!",
    "not_found": "??",
    "unverifiable": "--",
    None: "  ",
}


def _clean(s: str) -> str:
    """Terminal-safe: no control characters (escape sequences) from drafts or pages."""
    return "".join(ch if ch.isprintable() or ch == " " else " " for ch in visible(s))


def _wrap(label: str, value: str, indent: int = 6) -> list[str]:
    pad = " " * indent
    return textwrap.wrap(
        _clean(value), WIDTH, initial_indent=f"{pad}{label:<9}", subsequent_indent=pad + " " * 9
    ) or [f"{pad}{label}"]


def finding_block(f: Finding, checked: bool) -> list[str]:
    a = f.attribution
    verdict = (f.verdict or "scare") if checked else a.kind
    head = f"{_MARK.get(f.verdict, '  ') if checked else ''} {verdict.upper():<14}{a.id:<5}"
    quote = a.quote if len(a.quote) <= 300 else a.quote[:297] + "..."
    lines = [_clean(f"{head}“{quote}”")]
    who = a.speaker or "(no speaker)"
    meta = [who]
    if a.cue:
        meta.append(f"cue: {a.cue}")
    if a.outlet:
        meta.append(f"outlet: {a.outlet}" + (f" ({a.language})" if a.language else ""))
    if a.date_hint:
        meta.append(f"date: {a.date_hint}")
    meta.append(f"{a.kind} at {a.span[0]}-{a.span[1]}")
    lines += _wrap("who", " · ".join(meta))
    if not checked:
        return lines
    if f.score is not None:
        lines += _wrap("score", f"{f.score:.2f}")
    if f.reason:
        lines += _wrap("why", f.reason)
    if f.evidence:
        lines += _wrap("source", f.evidence.url)
        if f.evidence.date:
            lines += _wrap("dated", f.evidence.date)
        if f.evidence.archive_url:
            lines += _wrap("archive", f.evidence.archive_url)
        if f.evidence.passage:
            lines += _wrap("passage", in_quotes(f.evidence.passage))
        if f.evidence.translation:
            lines += _wrap("reads", in_quotes(f.evidence.translation))
        if f.evidence.backends:
            lines += _wrap("checked", backends_note(f.evidence.backends))
        if f.evidence.speaker:
            lines += _wrap("says", f"said by {f.evidence.speaker}")
        if f.verdict not in ("verified", None) and any(op != "=" for op, _ in f.evidence.diff):
            lines += _wrap("diff", diff_line(f.evidence.diff))
    elif f.sources:
        for s in f.sources[:4]:
            lines += _wrap("tried", f"{s.status:<14}{s.url} ({s.origin})")
    for c in f.fact_checks[:3]:
        lines += _wrap("checked", f"{c.publisher} rated it “{c.rating}”: {c.review_url}")
    for q in f.searched[:3]:
        lines += _wrap("search", q)
    return lines


def render(report: Report, **_: object) -> str:
    out: list[str] = []
    for doc in report.documents:
        n = len(doc.findings)
        out.append(_clean(f"== {doc.path}: {n} attribution{'s' if n != 1 else ''}"))
        for f in doc.findings:
            out.append("")
            out.extend(finding_block(f, report.checked))
        if report.checked:
            out.append("")
            out.append(f"summary: {doc.headline}")
        out.append("")
    for u in report.unreadable:
        out.append(_clean(f"not read: {u.path}: {u.reason}"))
    if report.checked and (len(report.documents) > 1 or report.too_few_verified):
        out.append(f"total: {report.headline}")
    if report.unreadable or (report.checked and (len(report.documents) > 1)):
        out.append("")
    return "\n".join(out)

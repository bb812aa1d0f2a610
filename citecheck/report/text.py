"""The terminal report: one block per quote, verdict first, then the evidence and the word diff.

At a terminal the CLI passes its width and `color=True`: lines wrap to the width and verdicts
and diffs are coloured (rich, which honours NO_COLOR). Anywhere else (a file, a pipe, a CI log)
nothing is wrapped, so a line can be searched for whole. A URL or a search query is never split
across lines, labels keep their column whatever a status's length, and a list cut short says
how many it left out ("and 3 more").
"""

from __future__ import annotations

import io
import textwrap

from rich.console import Console
from rich.text import Text

from ..model import Finding, Report
from .common import backends_note, diff_line, in_quotes, visible

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
# the colour of a block's first line, by its mark
_STYLE = {"OK": "bold green", "~~": "bold yellow", "!!": "bold red", "??": "bold magenta",
          "--": "bold", "==": "bold"}  # fmt: skip
LABEL = 9  # the label column: "who", "source", "passage" ... then the value
# Values that are one token for the reader: a URL or a search query is never split.
_WHOLE = frozenset(("source", "archive", "search", "tried"))
SHOWN = {"sources": 4, "fact_checks": 3, "searched": 3}


def _clean(s: str) -> str:
    """Terminal-safe: no control characters (escape sequences) from drafts or pages."""
    return "".join(ch if ch.isprintable() or ch == " " else " " for ch in visible(s))


def _wrap(label: str, value: str, width: int | None, indent: int = 6) -> list[str]:
    pad = " " * indent
    head = f"{pad}{label:<{LABEL}}" if len(label) < LABEL else f"{pad}{label} "
    value = _clean(value)
    if width is None or label in _WHOLE:
        return [f"{head}{value}".rstrip()]
    return textwrap.wrap(
        value,
        max(width, indent + LABEL + 20),
        initial_indent=head,
        subsequent_indent=pad + " " * LABEL,
        break_long_words=False,  # a URL moves to its own line, never cut
        break_on_hyphens=False,
    ) or [head.rstrip()]


def _more(shown: int, total: int, width: int | None) -> list[str]:
    return _wrap("", f"and {total - shown} more", width) if total > shown else []


def _line(head: str, value: str, width: int | None) -> list[str]:
    """A headline line, wrapped under its own text at a terminal."""
    if width is None:
        return [head + value]
    return textwrap.wrap(head + value, width, subsequent_indent=" " * len(head))


def finding_block(f: Finding, checked: bool, width: int | None = None) -> list[str]:
    """The lines of one quote's block; wrapped to `width` when given."""
    a = f.attribution
    verdict = (f.verdict or "scare") if checked else a.kind
    head = f"{_MARK.get(f.verdict, '  ') if checked else '  '} {verdict.upper():<13} {a.id:<4} "
    quote = a.quote if len(a.quote) <= 300 else a.quote[:297] + "..."
    first = _clean(f"{head}“{quote}”")
    if width is not None and len(first) > width:
        lines = textwrap.wrap(first, width, subsequent_indent=" " * len(head),
                              break_long_words=False, break_on_hyphens=False)  # fmt: skip
    else:
        lines = [first]
    meta = [a.speaker or "(no speaker)"]
    if a.cue:
        meta.append(f"cue: {a.cue}")
    if a.outlet:
        meta.append(f"outlet: {a.outlet}" + (f" ({a.language})" if a.language else ""))
    if a.date_hint:
        meta.append(f"date: {a.date_hint}")
    where = f"line {a.line}, column {a.column}" if a.line else f"{a.span[0]}-{a.span[1]}"
    meta.append(f"{a.kind} at {where}")
    lines += _wrap("who", " · ".join(meta), width)
    if not checked:
        return lines
    if f.score is not None:
        lines += _wrap("score", f"{f.score:.2f}", width)
    if f.reason:
        lines += _wrap("why", f.reason, width)
    ev = f.evidence
    if ev:
        lines += _wrap("source", ev.url, width)
        if ev.date:
            lines += _wrap("dated", ev.date, width)
        if ev.archive_url:
            lines += _wrap("archive", ev.archive_url, width)
        if ev.passage:
            lines += _wrap("passage", in_quotes(ev.passage), width)
        if ev.translation:
            lines += _wrap("reads", in_quotes(ev.translation), width)
        if ev.backends:
            lines += _wrap("checked", backends_note(ev.backends), width)
        if ev.speaker:
            lines += _wrap("says", f"said by {ev.speaker}", width)
        if f.verdict not in ("verified", None) and any(op != "=" for op, _ in ev.diff):
            lines += _wrap("diff", diff_line(ev.diff), width)
    elif f.sources:
        shown = f.sources[: SHOWN["sources"]]
        column = max(len(s.status) for s in shown) + 1  # never glued to the URL
        for s in shown:
            lines += _wrap("tried", f"{s.status:<{column}}{s.url} ({s.origin})", width)
            if s.detail:
                lines += _wrap("", s.detail, width)
        lines += _more(len(shown), len(f.sources), width)
    for c in f.fact_checks[: SHOWN["fact_checks"]]:
        lines += _wrap("checked", f"{c.publisher} rated it “{c.rating}”: {c.review_url}", width)
    lines += _more(min(len(f.fact_checks), SHOWN["fact_checks"]), len(f.fact_checks), width)
    for q in f.searched[: SHOWN["searched"]]:
        lines += _wrap("search", str(q), width)
    lines += _more(min(len(f.searched), SHOWN["searched"]), len(f.searched), width)
    return lines


def _colour(lines: list[str]) -> str:
    """The lines with ANSI colours (rich Text, never markup: drafts are untrusted)."""
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system="standard", width=10_000)
    for line in lines:
        text = Text(line)
        style = _STYLE.get(line[:2])
        if style and len(line) > 3 and line[2] == " " and line[3] != " ":
            text.stylize(style, 0, line.find("“") if "“" in line else len(line))
        if line.lstrip().startswith("diff"):
            text.highlight_regex(r"\[-.*?-\]", "red")
            text.highlight_regex(r"\{\+.*?\+\}", "green")
        if line.startswith(("summary:", "total:", "not read:")):
            text.stylize("bold")
        console.print(text, soft_wrap=True)
    return buffer.getvalue()


def render(report: Report, *, width: int | None = None, color: bool = False, **_: object) -> str:
    """The text report; `width` wraps it (a terminal's), `color` adds ANSI colours."""
    out: list[str] = []
    for doc in report.documents:
        n = len(doc.findings)
        out.append(_clean(f"== {doc.path}: {n} attribution{'s' if n != 1 else ''}"))
        for f in doc.findings:
            out.append("")
            out.extend(finding_block(f, report.checked, width))
        if report.checked:
            out.append("")
            out += _line("summary: ", doc.headline, width)
        out.append("")
    for u in report.unreadable:
        out.append(_clean(f"not read: {u.path}: {u.reason}"))
    if report.checked and (len(report.documents) > 1 or report.too_few_verified):
        out += _line("total: ", report.headline, width)
    if report.unreadable or (report.checked and (len(report.documents) > 1)):
        out.append("")
    if color:
        return _colour(out[:-1] if out and out[-1] == "" else out)
    return "\n".join(out)

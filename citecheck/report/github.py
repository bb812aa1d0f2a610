"""GitHub Actions workflow commands: one annotation per quote that fails the run.

    ::error file=PATH,line=L,col=C,endLine=L,endColumn=C2,title=TITLE::MESSAGE

`::error` for a verdict in `fail_on`, and nothing else on the pull request's diff: the quotes
that only need a look (close, unverifiable, ...) are counted in one `::notice` and listed in the
job's step summary (`step_summary()`, the Markdown report, which the CLI appends to
`$GITHUB_STEP_SUMMARY`), instead of a wall of warnings. A draft that could not be read is an
`::error` on its file. Lines and columns are 1-based and count
characters of the decoded draft, as in the SARIF report; `endColumn` is the column just after the
quote. GitHub accepts columns only on a one-line region, so a quote that spans lines carries
`line`/`endLine` alone.

Escaping follows the runner's parser (actions/toolkit `command.ts`): in the message `%`, CR and LF
become %25, %0D, %0A; in property values `:` and `,` also become %3A and %2C. A draft can therefore
not end the command early or start a second one on a new line. The last line is a plain summary
(no command), so a clean run still says what it checked.
"""

from __future__ import annotations

from ..model import CONFIRMED, DEFAULT_FAIL_ON, Document, Finding, Report
from . import markdown
from .common import diff_line, line_col, visible


def _clean(s: str) -> str:
    """No terminal control sequences or bidi overrides from drafts or pages in the log (CR and LF
    are escaped by the callers)."""
    return visible(s)


def escape_data(s: str) -> str:
    return _clean(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def _excerpt(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _message(f: Finding) -> str:
    a = f.attribution
    lines = [f"“{_excerpt(a.quote)}” ({a.speaker or 'no speaker named'})"]
    if f.reason:
        lines.append(f.reason)
    if f.evidence:
        lines.append(f"Source: {f.evidence.url}")
        if f.evidence.archive_url:
            lines.append(f"Archive: {f.evidence.archive_url}")
        if f.evidence.speaker and f.verdict == "misattributed":
            lines.append(f"The source gives these words to {f.evidence.speaker}")
        if any(op != "=" for op, _ in f.evidence.diff):
            lines.append(f"Diff: {_excerpt(diff_line(f.evidence.diff), 400)}")
    return "\n".join(lines)


def annotation(path: str, raw: str | None, f: Finding, command: str) -> str:
    a = f.attribution
    props: list[tuple[str, str]] = [("file", path)]
    if raw is not None:
        start, end = a.span
        line, col = line_col(raw, start)
        end_line, end_col = line_col(raw, max(start, end - 1))
        props.append(("line", str(line)))
        if end_line == line:
            props += [("col", str(col)), ("endColumn", str(end_col + (1 if end > start else 0)))]
        props.append(("endLine", str(end_line)))
    props.append(("title", f"citecheck: {f.verdict} quote {a.id}"))
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{command} {head}::{escape_data(_message(f))}"


def render(report: Report, *, fail_on: tuple[str, ...] = DEFAULT_FAIL_ON, **_: object) -> str:
    out: list[str] = []
    errors = looks = 0
    for doc in report.documents:
        raw = doc.document.raw if isinstance(doc.document, Document) else None
        for f in doc.findings:
            if not report.checked or f.verdict is None or f.verdict in CONFIRMED:
                continue
            if f.verdict in fail_on:
                errors += 1
                out.append(annotation(doc.path, raw, f, "error"))
            else:
                looks += 1
    for u in report.unreadable:
        head = f"file={escape_property(u.path)},title={escape_property('citecheck: not read')}"
        out.append(f"::error {head}::{escape_data(u.reason)}")
    headline = report.headline if report.checked else f"{len(report.findings)} quotes"
    if looks:
        s = "s" if looks != 1 else ""
        out.append(
            f"::notice title=citecheck::{escape_data(headline)}. {looks} more quote{s} need a "
            "look (close, unverifiable, ...): see the job summary"
        )
    docs = len(report.documents)
    out.append(
        f"citecheck: {docs} document{'s' if docs != 1 else ''}, {headline}: {errors} error(s), "
        f"{looks} more to look at"
    )
    return "\n".join(out) + "\n"


def step_summary(report: Report, *, fail_on: tuple[str, ...] = DEFAULT_FAIL_ON) -> str:
    """The job's step summary (Markdown): the headline, a table of every quote and a section per
    quote that needs a look, the part the annotations leave out."""
    return markdown.render(report, fail_on=fail_on)

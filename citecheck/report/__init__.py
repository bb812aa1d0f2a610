"""Report formats: one module per format, each with `render(report, **opts) -> str`.

Options every renderer accepts (and ignores when it has no use for them):
- `fail_on`: the verdicts that fail the run (default: the report's own, `Report.fail_on`);
  JUnit, SARIF, GitHub annotations, Markdown and HTML mark those quotes as failures / errors.
"""

from __future__ import annotations

from ..model import Report
from . import github, html, json, junit, markdown, sarif, text

_RENDERERS = {
    "text": text.render,
    "json": json.render,
    "markdown": markdown.render,
    "html": html.render,
    "junit": junit.render,
    "sarif": sarif.render,
    "github": github.render,
}
FORMATS: tuple[str, ...] = tuple(_RENDERERS)


def render(report: Report, fmt: str = "text", **opts: object) -> str:
    """The report in format `fmt` (any case: "json", "JSON"); ValueError for an unknown one."""
    try:
        renderer = _RENDERERS[fmt.lower()]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})") from None
    opts.setdefault("fail_on", report.fail_on)
    return renderer(report, **opts)

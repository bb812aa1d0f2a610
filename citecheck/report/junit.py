"""JUnit XML: the test report every CI server reads (Jenkins, GitLab, Azure, CircleCI, GitHub
test-report actions).

One <testsuite> per document (name = the document path) and one <testcase> per attribution:
classname = the document path, name = "q8: “quote excerpt”". A verdict in `fail_on` is a
<failure type="VERDICT">; a scare quote (listed, not checked) and an `unverifiable` quote that
`fail_on` does not name are <skipped>; everything else passes, with its details in <system-out>
when it is not plainly `verified`. The counts on <testsuites> and each <testsuite> add up; the
output keeps to the attributes of the Jenkins xUnit `junit-10.xsd` schema (no `skipped` on
<testsuites>, no `file`/`line` on <testcase>: the location is in the failure text instead).

Strings from drafts and pages pass through ElementTree, which escapes markup; characters that
XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF) are dropped first.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..model import DEFAULT_FAIL_ON, Document, DocumentReport, Finding, Report
from .common import line_col, visible
from .text import finding_block

_ILLEGAL_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(s: str) -> str:
    return _ILLEGAL_XML.sub("", visible(s))


def _excerpt(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _where(doc: DocumentReport, f: Finding) -> str:
    if isinstance(doc.document, Document):
        line, col = line_col(doc.document.raw, f.attribution.span[0])
        return f"{doc.path}:{line}:{col}"
    return f"{doc.path} (characters {f.attribution.span[0]}-{f.attribution.span[1]})"


def details(doc: DocumentReport, f: Finding) -> str:
    """Where the quote stands, then the text report's block for it, every source tried and
    every search problem."""
    lines = [f"{_where(doc, f)} {f.attribution.id} {f.verdict or 'not checked'}"]
    lines += [line.strip() for line in finding_block(f, checked=True)]
    lines += [f"tried    {s.status} {s.url} ({s.origin})" for s in f.sources]
    lines += [f"search   {e}" for e in f.search_errors]
    return "\n".join(lines) + "\n"


def _case(suite: ET.Element, doc: DocumentReport, f: Finding, fail_on, checked: bool) -> str:
    """Add one <testcase>; return its outcome: "failure", "skipped" or "passed"."""
    a = f.attribution
    name = f"{a.id}: “{_excerpt(a.quote)}”"
    attrs = {"classname": xml_safe(doc.path), "name": xml_safe(name), "time": "0"}
    case = ET.SubElement(suite, "testcase", attrs)
    verdict = f.verdict if checked else None
    body = xml_safe(details(doc, f))
    if verdict is not None and verdict in fail_on:
        message = f"{verdict}: {f.reason}" if f.reason else verdict
        el = ET.SubElement(case, "failure", {"type": verdict, "message": xml_safe(message)})
        el.text = body
        return "failure"
    if verdict is None or verdict == "unverifiable":
        if verdict is None:
            why = "scare quote: listed, not checked" if a.kind == "scare" else "not checked"
        else:
            why = f"unverifiable: {f.reason}" if f.reason else "unverifiable"
        el = ET.SubElement(case, "skipped", {"message": xml_safe(why)})
        el.text = body
        return "skipped"
    if verdict != "verified":
        ET.SubElement(case, "system-out").text = body
    return "passed"


def to_element(report: Report, fail_on: tuple[str, ...] = DEFAULT_FAIL_ON) -> ET.Element:
    root = ET.Element("testsuites", {"name": "citecheck"})
    totals = {"tests": 0, "failure": 0, "skipped": 0}
    for doc in report.documents:
        suite = ET.SubElement(root, "testsuite", {"name": xml_safe(doc.path)})
        if report.checked:  # the draft's line, where a CI server shows a suite's properties
            ET.SubElement(ET.SubElement(suite, "properties"), "property", {
                "name": "headline", "value": xml_safe(doc.headline),
            })  # fmt: skip
        counts = {"failure": 0, "skipped": 0, "passed": 0}
        for f in doc.findings:
            counts[_case(suite, doc, f, fail_on, report.checked)] += 1
        tests = len(doc.findings)
        suite.attrib.update(
            {
                "tests": str(tests),
                "failures": str(counts["failure"]),
                "errors": "0",
                "skipped": str(counts["skipped"]),
                "time": "0",
            }
        )
        totals["tests"] += tests
        totals["failure"] += counts["failure"]
        totals["skipped"] += counts["skipped"]
    if report.unreadable:  # a draft that could not be read is an error, not a pass
        suite = ET.SubElement(root, "testsuite", {"name": "unreadable drafts"})
        for u in report.unreadable:
            attrs = {"classname": xml_safe(u.path), "name": "read the draft", "time": "0"}
            case = ET.SubElement(suite, "testcase", attrs)
            ET.SubElement(case, "error", {"type": "unreadable", "message": xml_safe(u.reason)})
        n = str(len(report.unreadable))
        suite.attrib.update({"tests": n, "failures": "0", "errors": n, "skipped": "0", "time": "0"})
        totals["tests"] += len(report.unreadable)
    root.attrib.update(
        {
            "tests": str(totals["tests"]),
            "failures": str(totals["failure"]),
            "errors": str(len(report.unreadable)),
            "time": "0",
        }
    )
    return root


def render(report: Report, *, fail_on: tuple[str, ...] = DEFAULT_FAIL_ON, **_: object) -> str:
    root = to_element(report, tuple(fail_on))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

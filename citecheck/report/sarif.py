"""SARIF 2.1.0: the static-analysis log that code-scanning dashboards (GitHub, Azure DevOps, IDE
viewers) read.

One rule per verdict (`citecheck/altered`, ...), listed in `VERDICTS` order so `ruleIndex` is
stable. Each quote that is not `verified` becomes a result located by the document path and a
region computed from `Attribution.span` over `Document.raw`: 1-based lines and columns, columns
counted in characters (Unicode code points) of the decoded file, so `run.columnKind` says
`unicodeCodePoints`; `charOffset`/`charLength` give the same span directly.

Levels: `error` for a verdict in `fail_on`, `warning` for every other verdict that is not
`verified`. Verified quotes and scare quotes (not checked) are left out: SARIF lists problems,
and a dashboard alert per good quote would bury the misquotes. Their rules stay in the driver so
rule indices never move.
"""

from __future__ import annotations

import hashlib
import os
from importlib import metadata
from pathlib import PurePosixPath
from urllib.parse import quote as _urlquote

from ..model import (
    CONFIRMED,
    DEFAULT_FAIL_ON,
    VERDICTS,
    Document,
    DocumentReport,
    Finding,
    Report,
    Span,
)
from .common import json_text, line_col, visible

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
RULE_PREFIX = "citecheck/"

# verdict -> (rule name, one-line description, fuller help)
RULES: dict[str, tuple[str, str, str]] = {
    "verified": (
        "QuoteVerified",
        "The quoted words stand in a source.",
        "The quoted words stand in a source, up to typography (quote marks, dashes, spacing, case "
        "of the first letter) and the draft's own marked edits (an ellipsis for an omission, "
        "square brackets for an insertion).",
    ),
    "close": (
        "QuoteClose",
        "The quote differs from its source in punctuation or spelling only.",
        "The same passage with differences of punctuation, spelling variant, hyphenation or "
        "contraction only; no word is added, dropped or changed. Worth a look before filing.",
    ),
    "altered": (
        "QuoteAltered",
        "The quote changes the words of its source: a misquote.",
        "The same passage, but words are added, dropped or changed, a number or a negation "
        "differs, or an omission is not marked. The word diff shows what changed.",
    ),
    "translated": (
        "QuoteTranslated",
        "The quote renders a source in another language.",
        "The source is in another language and the quote renders its passage: located by a "
        "multilingual embedding, numbers, negations and names checked, and compared word by word "
        "through a translator when one is configured; the evidence names the back-ends and the "
        "score. Have a speaker of the language check the rendering before filing.",
    ),
    "misattributed": (
        "QuoteMisattributed",
        "The source gives these words to someone else.",
        "The quoted words stand in a source, but the source attributes them to a different "
        "speaker than the draft does.",
    ),
    "supported": (
        "ReportedSpeechSupported",
        "Reported speech that the source's content backs.",
        "Reported speech (no quote marks) whose content the source backs; the wording is the "
        "writer's own, so it is not checked word for word.",
    ),
    "not_found": (
        "QuoteNotFound",
        "Sources were read and none holds the quote.",
        "Sources were fetched and read, and none of them holds the quote. Either the source is "
        "elsewhere or the quote is not what was said.",
    ),
    "unverifiable": (
        "QuoteUnverifiable",
        "No source could be found or read for the quote.",
        "No source could be found or read: the reason says why (no candidate, blocked, timeout, "
        "paywall, robots.txt, a language without a translator).",
    ),
}


def rule_id(verdict: str) -> str:
    return RULE_PREFIX + verdict


def _version() -> str:
    try:
        return metadata.version("citecheck")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "0.0.0"


# --- positions --------------------------------------------------------------------------------


def region(raw: str | None, span: Span) -> dict:
    """A SARIF region for the half-open character span `span` of `raw`.

    endColumn is the column of the character *after* the last one (SARIF §3.30.8), on the line
    of the last character. Without the raw text only charOffset/charLength can be given.
    """
    start, end = span
    start = max(0, start)
    end = max(start, end)
    out: dict = {}
    if raw is not None:
        start = min(start, len(raw))
        end = min(end, len(raw))
        out["startLine"], out["startColumn"] = line_col(raw, start)
        if end > start:
            out["endLine"], last_col = line_col(raw, end - 1)
            out["endColumn"] = last_col + 1
        else:
            out["endLine"], out["endColumn"] = out["startLine"], out["startColumn"]
    out["charOffset"] = start
    out["charLength"] = end - start
    if raw is not None and end > start:
        out["snippet"] = {"text": raw[start:end]}
    return out


def artifact_uri(path: str) -> str:
    """The document path as a URI reference: relative paths stay relative (code scanning resolves
    them against the repository root), absolute ones become file: URIs."""
    posix = path.replace(os.sep, "/") if os.sep != "/" else path
    if PurePosixPath(posix).is_absolute():
        return "file://" + _urlquote(posix, safe="/")
    return _urlquote(posix, safe="/")


# --- results ----------------------------------------------------------------------------------


def level_for(verdict: str | None, fail_on: tuple[str, ...]) -> str | None:
    """ "error" / "warning" for a result, None when the quote is left out."""
    if verdict is None or verdict in CONFIRMED:
        return None
    return "error" if verdict in fail_on else "warning"


def _excerpt(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def message_text(f: Finding) -> str:
    a = f.attribution
    who = a.speaker or "no speaker named"
    parts = [f"{a.id} {f.verdict}: “{_excerpt(a.quote)}” ({who})."]
    if f.reason:
        parts.append(f.reason.rstrip(".") + ".")
    if f.evidence and f.evidence.url:
        parts.append(f"Source: {f.evidence.url}")
    return visible(" ".join(parts))


def _fingerprint(doc: DocumentReport, f: Finding) -> str:
    a = f.attribution
    key = "\0".join((doc.path, " ".join(a.quote.split()), a.speaker or ""))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _result(doc: DocumentReport, f: Finding, level: str) -> dict:
    a = f.attribution
    raw = doc.document.raw if isinstance(doc.document, Document) else None
    props: dict = {"verdict": f.verdict, "quote": a.quote, "kind": a.kind}
    if a.speaker:
        props["speaker"] = a.speaker
    if f.score is not None:
        props["score"] = round(f.score, 4)
    if f.evidence:
        props["sourceUrl"] = f.evidence.url
        if f.evidence.archive_url:
            props["archiveUrl"] = f.evidence.archive_url
        if f.evidence.passage:
            props["passage"] = f.evidence.passage
        if f.evidence.diff:
            props["diff"] = [list(op) for op in f.evidence.diff]
    return {
        "ruleId": rule_id(f.verdict),
        "ruleIndex": VERDICTS.index(f.verdict),
        "level": level,
        "message": {"text": message_text(f)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(doc.path)},
                    "region": region(raw, a.span),
                }
            }
        ],
        "partialFingerprints": {"citecheckQuote/v1": _fingerprint(doc, f)},
        "properties": props,
    }


def _artifact(path: str) -> dict:
    return {"artifactLocation": {"uri": artifact_uri(path)}}


def to_dict(report: Report, fail_on: tuple[str, ...] = DEFAULT_FAIL_ON) -> dict:
    rules = []
    for verdict in VERDICTS:
        name, short, full = RULES[verdict]
        default = "note" if verdict in CONFIRMED else level_for(verdict, fail_on)
        rules.append(
            {
                "id": rule_id(verdict),
                "name": name,
                "shortDescription": {"text": short},
                "fullDescription": {"text": full},
                "help": {"text": full},
                "defaultConfiguration": {"level": default},
                "properties": {"tags": ["citecheck", "quote", verdict]},
            }
        )
    results = []
    artifacts = []
    for doc in report.documents:
        uri = artifact_uri(doc.path)
        if all(art["location"]["uri"] != uri for art in artifacts):  # uniqueItems in the schema
            artifacts.append({"location": {"uri": uri}, "roles": ["analysisTarget"]})
        for f in doc.findings:
            level = level_for(f.verdict, fail_on) if report.checked else None
            if level is not None and f.verdict in RULES:
                results.append(_result(doc, f, level))
    run = {
        "tool": {
            "driver": {
                "name": "citecheck",
                "semanticVersion": _version(),
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "artifacts": artifacts,
        "results": results,
        "properties": {"failOn": list(fail_on)},
    }
    if report.checked:
        run["properties"]["headline"] = report.headline
    if report.unreadable:
        run["invocations"] = [
            {
                "executionSuccessful": False,
                "toolExecutionNotifications": [
                    {
                        "level": "error",
                        "message": {"text": f"not read: {u.reason}"},
                        "locations": [{"physicalLocation": _artifact(u.path)}],
                    }
                    for u in report.unreadable
                ],
            }
        ]
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(report: Report, *, fail_on: tuple[str, ...] = DEFAULT_FAIL_ON, **_: object) -> str:
    return json_text(to_dict(report, tuple(fail_on)))

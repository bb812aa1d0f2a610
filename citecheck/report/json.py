"""The JSON report: DESIGN.md's data contract, schema 1. `extract` leaves the check fields out."""

from __future__ import annotations

from ..model import Finding, Report
from .common import json_text

SCHEMA = 1


def finding_dict(f: Finding, checked: bool) -> dict:
    a = f.attribution
    d: dict = {
        "id": a.id,
        "quote": a.quote,
        "kind": a.kind,
        "span": list(a.span),
        "speaker": a.speaker,
        "speaker_span": list(a.speaker_span) if a.speaker_span else None,
        "cue": a.cue,
        "outlet": a.outlet,
        "language": a.language,
        "date_hint": a.date_hint,
    }
    if not checked:
        return d
    d["verdict"] = f.verdict
    d["score"] = round(f.score, 4) if f.score is not None else None
    d["reason"] = f.reason
    d["evidence"] = (
        {
            "url": f.evidence.url,
            "passage": f.evidence.passage,
            "language": f.evidence.language,
            "diff": [list(op) for op in f.evidence.diff],
            "speaker": f.evidence.speaker,
            "archive_url": f.evidence.archive_url,
            "translation": f.evidence.translation,
            "backends": list(f.evidence.backends),
            "date": f.evidence.date,
        }
        if f.evidence
        else None
    )
    d["sources"] = [
        {"url": s.url, "origin": s.origin, "status": s.status, "detail": s.detail}
        for s in f.sources
    ]
    d["searched"] = list(f.searched)
    d["search_errors"] = list(f.search_errors)
    d["fact_checks"] = [
        {"claim": c.claim, "rating": c.rating, "publisher": c.publisher,
         "review_url": c.review_url, "claimant": c.claimant, "review_date": c.review_date}
        for c in f.fact_checks
    ]  # fmt: skip
    return d


def to_dict(report: Report) -> dict:
    docs = []
    for doc in report.documents:
        entry: dict = {
            "path": doc.path,
            "attributions": [finding_dict(f, report.checked) for f in doc.findings],
        }
        if report.checked:
            entry["summary"] = doc.summary
        docs.append(entry)
    return {"schema": SCHEMA, "documents": docs}


def render(report: Report, **_: object) -> str:
    return json_text(to_dict(report))

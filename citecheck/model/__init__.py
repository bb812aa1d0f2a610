"""The typed, immutable data that passes between pipeline stages, and its JSON form.

Every stage takes and returns these; decisions branch on their enums and typed fields, never on
the wording of a reason. Offsets are character offsets into the input file *as decoded* unless a
field says otherwise, so an editor can highlight a quote where it stands. `to_dict()` gives the
JSON contract of docs/data-contract.md (schema 1; citecheck/schema/report.schema.json).
`core` holds what the stages pass along; `report` what a run returns.
"""

from __future__ import annotations

from .core import (
    CONFIRMED,
    DEFAULT_FAIL_ON,
    KINDS,
    SCHEMA,
    VERDICTS,
    Attribution,
    Candidate,
    Difference,
    DiffOp,
    Document,
    Evidence,
    FactCheck,
    FetchStatus,
    Finding,
    Grade,
    Kind,
    Link,
    Match,
    Origin,
    Page,
    Search,
    SourceStatus,
    Span,
    Verdict,
)
from .report import DocumentReport, Report, Unreadable, headline

__all__ = [
    "CONFIRMED",
    "DEFAULT_FAIL_ON",
    "KINDS",
    "SCHEMA",
    "VERDICTS",
    "Attribution",
    "Candidate",
    "DiffOp",
    "Difference",
    "Document",
    "DocumentReport",
    "Evidence",
    "FactCheck",
    "FetchStatus",
    "Finding",
    "Grade",
    "Kind",
    "Link",
    "Match",
    "Origin",
    "Page",
    "Search",
    "Report",
    "SourceStatus",
    "Span",
    "Unreadable",
    "Verdict",
    "headline",
]

"""citecheck: check the quotes in a news draft against their sources.

>>> import citecheck
>>> report = citecheck.check("draft.md", replay="cassettes/sample.yaml")
>>> for f in report.findings:
...     print(f.verdict, f.attribution.speaker, f.attribution.quote)
"""

from __future__ import annotations

from .document import InputError, load, load_text
from .fetch import CassetteError, FetchConfig
from .model import (
    Attribution,
    Candidate,
    Document,
    DocumentReport,
    Evidence,
    Finding,
    Link,
    Match,
    Page,
    Report,
    SourceStatus,
)
from .pipeline import Options, check, check_documents, check_text, extract
from .report import render

__version__ = "0.1.0"

__all__ = [
    "Attribution",
    "Candidate",
    "CassetteError",
    "Document",
    "DocumentReport",
    "Evidence",
    "FetchConfig",
    "Finding",
    "InputError",
    "Link",
    "Match",
    "Options",
    "Page",
    "Report",
    "SourceStatus",
    "check",
    "check_documents",
    "check_text",
    "extract",
    "load",
    "load_text",
    "render",
]

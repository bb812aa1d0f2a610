"""citecheck: check the quotes in a news draft against their sources.

>>> import citecheck
>>> report = citecheck.check("draft.md", replay="cassettes/sample.yaml")
>>> for f in report.findings:
...     print(f.verdict, f.attribution.speaker, f.attribution.quote)

The stages, top to bottom (docs/architecture.md): `document` (load), `attribution`,
`discover`, `fetch`, `match` and `crosslingual`, `judge`, `report`; `pipeline` runs them,
`options` owns every setting; `net`, `text` and `model` are the floors they stand on.
"""

from __future__ import annotations

from . import batch  # a callable module: citecheck.batch(inputs, out, ...)
from .document import load, load_text
from .errors import CassetteError, CitecheckError, ConfigError, InputError
from .fetch import FetchConfig
from .model import (
    Attribution,
    Candidate,
    Document,
    DocumentReport,
    Evidence,
    FactCheck,
    Finding,
    Kind,
    Link,
    Match,
    Page,
    Report,
    SourceStatus,
    Verdict,
)
from .options import Options
from .pipeline import check, check_documents, check_text, extract, extract_text
from .report import render

__version__ = "0.1.0"

__all__ = [
    "Attribution",
    "Candidate",
    "CassetteError",
    "CitecheckError",
    "ConfigError",
    "Document",
    "DocumentReport",
    "Evidence",
    "FactCheck",
    "FetchConfig",
    "Finding",
    "InputError",
    "Kind",
    "Link",
    "Match",
    "Options",
    "Page",
    "Report",
    "SourceStatus",
    "Verdict",
    "batch",
    "check",
    "check_documents",
    "check_text",
    "extract",
    "extract_text",
    "load",
    "load_text",
    "render",
]

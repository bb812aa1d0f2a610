"""The typed, immutable data that passes between pipeline stages.

Every stage takes and returns these; nothing else crosses a module boundary. Offsets are always
character offsets into the input file *as decoded* unless a field says otherwise, so an editor can
highlight a quote where it stands.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

Span = tuple[int, int]

Kind = Literal["direct", "partial", "scare", "indirect"]
KINDS: tuple[str, ...] = ("direct", "partial", "scare", "indirect")

Verdict = Literal[
    "verified",
    "close",
    "altered",
    "translated",
    "misattributed",
    "supported",
    "not_found",
    "unverifiable",
]
VERDICTS: tuple[str, ...] = (
    "verified",
    "close",
    "altered",
    "translated",
    "misattributed",
    "supported",
    "not_found",
    "unverifiable",
)
DEFAULT_FAIL_ON: tuple[str, ...] = ("altered", "misattributed", "not_found")
# Verdicts that confirm the attribution: reports show them as passes, never as warnings.
CONFIRMED: tuple[str, ...] = ("verified", "translated", "supported")

# How a candidate source was proposed.
Origin = Literal["link", "sources", "registry", "search", "archive"]


@dataclass(frozen=True)
class Link:
    """A hyperlink in the draft: target URL, its anchor text and where it stands in the input."""

    url: str
    text: str
    span: Span


@dataclass(frozen=True)
class Document:
    """A loaded draft.

    `raw` is the file as decoded; `text` is the analysis text (markup stripped, PDF line breaks
    re-joined) and `offsets[i]` is the index in `raw` of `text[i]` (one extra entry for the end),
    so any span of `text` maps back to the input with `raw_span`.
    """

    path: str
    raw: str
    text: str
    offsets: Sequence[int] = field(repr=False, compare=False)
    paragraphs: tuple[Span, ...]  # spans of `text`
    links: tuple[Link, ...]  # spans into `raw`
    format: Literal["text", "markdown", "html"] = "text"

    def raw_span(self, start: int, end: int) -> Span:
        """Map a half-open span of `text` to the matching half-open span of `raw`."""
        if end <= start:
            pos = self.offsets[start]
            return (pos, pos)
        return (self.offsets[start], self.offsets[end - 1] + 1)


@dataclass(frozen=True)
class Attribution:
    """One quoted (or reported) statement found in a draft, with who said it and where."""

    id: str
    quote: str
    kind: Kind
    span: Span  # into Document.raw
    text_span: Span  # into Document.text (analysis offsets; internal)
    speaker: str | None = None
    speaker_span: Span | None = None  # into Document.raw
    cue: str | None = None
    outlet: str | None = None
    language: str | None = None  # the language the source is expected in (from the outlet)
    date_hint: str | None = None  # e.g. "2013" from "in a 2013 tweet"

    @property
    def checkable(self) -> bool:
        return self.kind != "scare"


@dataclass(frozen=True)
class Candidate:
    """A URL that may hold an attribution's source, and who proposed it."""

    url: str
    origin: Origin
    detail: str = ""  # e.g. the back-end name, or the outlet matched in the registry
    rank: float = 0.0  # higher is tried first


@dataclass(frozen=True)
class Page:
    """The outcome of fetching one candidate: text on success, a status saying why otherwise.

    status is "ok" or a failure code: http_404, http_5xx ..., timeout, too_large, not_text,
    blocked (address not allowed), robots, offline, not_in_cassette, connect_error, ...
    """

    url: str
    status: str
    final_url: str | None = None
    text: str = ""
    title: str | None = None
    date: str | None = None
    language: str | None = None
    http_status: int | None = None
    reason: str = ""
    from_cache: bool = False
    archive_url: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"


DiffOp = tuple[str, str]  # ("=", words) | ("-", words in source only) | ("+", words in quote only)


@dataclass(frozen=True)
class Match:
    """The best passage of one page for one quote, and how it aligns.

    grade: "exact" (verbatim up to typography and marked edits), "close" (punctuation or
    spelling only),
    "altered" (same passage, words differ), "supported" (reported speech the passage backs),
    "none" (no passage close enough).
    """

    url: str
    grade: Literal["exact", "close", "altered", "supported", "translated", "none"]
    score: float  # 0..1 similarity of quote and passage
    passage: str = ""
    passage_span: Span | None = None  # into Page.text
    diff: tuple[DiffOp, ...] = ()
    reason: str = ""


@dataclass(frozen=True)
class SourceStatus:
    url: str
    origin: str
    status: str
    detail: str = ""


@dataclass(frozen=True)
class Evidence:
    url: str
    passage: str
    language: str | None = None
    diff: tuple[DiffOp, ...] = ()
    speaker: str | None = None  # who the source gives the words to, where it says
    archive_url: str | None = None
    translation: str | None = None  # the passage in the quote's language, when translated
    backends: tuple[str, ...] = ()  # embedding model and translator used, for `translated`
    date: str | None = None  # the source's publication date (YYYY-MM-DD), when the page gives one


@dataclass(frozen=True)
class FactCheck:
    """A fact-checker's published rating of a claim the quote makes (Google Fact Check Tools)."""

    claim: str
    rating: str
    publisher: str
    review_url: str
    claimant: str = ""
    review_date: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Finding:
    """An attribution with its verdict, the evidence for it and every source that was tried."""

    attribution: Attribution
    verdict: Verdict | None  # None for a scare quote (listed, not checked) or `extract` output
    score: float | None = None
    reason: str = ""
    evidence: Evidence | None = None
    sources: tuple[SourceStatus, ...] = ()
    searched: tuple[str, ...] = ()  # the searches discovery ran or would run for this quote
    search_errors: tuple[str, ...] = ()  # back-ends that failed or are not configured, and why
    fact_checks: tuple[FactCheck, ...] = ()  # published ratings of this claim by fact-checkers


@dataclass(frozen=True)
class DocumentReport:
    path: str
    findings: tuple[Finding, ...]
    document: Document | None = field(default=None, repr=False, compare=False)

    @property
    def summary(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for f in self.findings:
            if f.verdict is not None:
                counts[f.verdict] = counts.get(f.verdict, 0) + 1
        return counts


@dataclass(frozen=True)
class Report:
    documents: tuple[DocumentReport, ...]
    checked: bool = True  # False for `extract`: no verdicts

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for d in self.documents for f in d.findings)

    def failing(self, fail_on: tuple[str, ...] = DEFAULT_FAIL_ON) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.verdict in fail_on)

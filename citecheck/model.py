"""The typed, immutable data that passes between pipeline stages, and its JSON form.

Every stage takes and returns these; decisions branch on their enums and typed fields, never on
the wording of a reason. Offsets are character offsets into the input file *as decoded* unless a
field says otherwise, so an editor can highlight a quote where it stands. `to_dict()` gives the
JSON contract of docs/data-contract.md (schema 1; citecheck/schema/report.schema.json).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

Span = tuple[int, int]
SCHEMA = 1


class Kind(StrEnum):
    """How a quoted span sits in the draft."""

    DIRECT = "direct"  # a statement quoted as someone's words
    PARTIAL = "partial"  # a fragment of someone's words woven into the writer's sentence
    SCARE = "scare"  # the writer's own distancing quotes: listed, not checked
    INDIRECT = "indirect"  # reported speech, no quote marks: "X said that ..."


class Verdict(StrEnum):
    """What the sources say about one attribution (docs/data-contract.md)."""

    VERIFIED = "verified"
    CLOSE = "close"
    ALTERED = "altered"
    TRANSLATED = "translated"
    MISATTRIBUTED = "misattributed"
    SUPPORTED = "supported"
    NOT_FOUND = "not_found"
    UNVERIFIABLE = "unverifiable"


KINDS: tuple[Kind, ...] = tuple(Kind)
VERDICTS: tuple[Verdict, ...] = tuple(Verdict)
DEFAULT_FAIL_ON: tuple[Verdict, ...] = (
    Verdict.ALTERED,
    Verdict.MISATTRIBUTED,
    Verdict.NOT_FOUND,
)
# Verdicts that confirm the attribution: reports show them as passes, never as warnings.
CONFIRMED: tuple[Verdict, ...] = (Verdict.VERIFIED, Verdict.TRANSLATED, Verdict.SUPPORTED)


class Origin(StrEnum):
    """Who proposed a candidate source."""

    LINK = "link"  # a link in the draft near the quote
    SOURCES = "sources"  # the reporter's --sources list
    REGISTRY = "registry"  # the credited outlet's domains
    SEARCH = "search"  # a search back-end
    ARCHIVE = "archive"  # a capture in the Internet Archive


class FetchStatus(StrEnum):
    """How fetching one URL ended; an HTTP error is `http_<code>` (see `Page.status`)."""

    OK = "ok"
    TIMEOUT = "timeout"
    TOO_LARGE = "too_large"
    TOO_MANY_REDIRECTS = "too_many_redirects"
    NOT_TEXT = "not_text"
    EMPTY = "empty"
    BLOCKED = "blocked"  # a private, loopback, link-local or metadata address
    ROBOTS = "robots"
    DNS_ERROR = "dns_error"
    CONNECT_ERROR = "connect_error"
    CONNECTION_ERROR = "connection_error"  # the connection broke mid-answer
    INVALID_URL = "invalid_url"
    OFFLINE = "offline"
    NOT_IN_CASSETTE = "not_in_cassette"
    ERROR = "error"


class Grade(StrEnum):
    """How one page's best passage relates to a quote (a Match); the judge makes verdicts."""

    EXACT = "exact"  # verbatim up to typography and the draft's marked edits
    CLOSE = "close"  # punctuation or spelling only
    ALTERED = "altered"  # the same passage, words differ
    SUPPORTED = "supported"  # reported speech the passage backs
    TRANSLATED = "translated"  # the quote renders a passage in another language
    NONE = "none"  # no passage close enough
    UNAVAILABLE = "unavailable"  # another language and nothing to compare across languages


class Difference(StrEnum):
    """The most serious difference between a quote and its passage, for a Match that has one."""

    NUMBER = "number"
    NEGATION = "negation"  # added, dropped, or hidden behind the draft's ellipsis or bracket
    NAME = "name"
    CHANGED = "changed"
    DROPPED = "dropped"
    ADDED = "added"
    SCATTERED = "scattered"  # parts joined by an ellipsis stand apart or in another order
    SPELLING = "spelling"  # an equivalent spelling, punctuation or case only
    WORDING = "wording"  # across languages: a translation's words differ, meaning kept


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
    so any span of `text` maps back to the input with `raw_span`. `warnings` says what was
    repaired or guessed while reading it (stray bytes of another encoding).
    """

    path: str
    raw: str
    text: str
    offsets: Sequence[int] = field(repr=False, compare=False)
    paragraphs: tuple[Span, ...]  # spans of `text`
    links: tuple[Link, ...]  # spans into `raw`
    format: str = "text"  # text, markdown or html
    warnings: tuple[str, ...] = ()

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

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", Kind(self.kind))  # "direct" is read as Kind.DIRECT

    @property
    def checkable(self) -> bool:
        return self.kind != Kind.SCARE

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "quote": self.quote,
            "kind": str(self.kind),
            "span": list(self.span),
            "speaker": self.speaker,
            "speaker_span": list(self.speaker_span) if self.speaker_span else None,
            "cue": self.cue,
            "outlet": self.outlet,
            "language": self.language,
            "date_hint": self.date_hint,
        }


@dataclass(frozen=True)
class Candidate:
    """A URL that may hold an attribution's source, and who proposed it."""

    url: str
    origin: Origin
    detail: str = ""  # e.g. the back-end name, or the outlet matched in the registry
    rank: float = 0.0  # higher is tried first

    def __post_init__(self) -> None:
        object.__setattr__(self, "origin", Origin(self.origin))


@dataclass(frozen=True)
class Page:
    """The outcome of fetching one candidate: text on success, a status saying why otherwise.

    `status` is a FetchStatus value, or `http_<code>` for an HTTP error answer.
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
        return self.status == FetchStatus.OK

    @property
    def gone(self) -> bool:
        """A dead link: 404, 410, or a name that no longer resolves (worth the archive)."""
        return self.status == FetchStatus.DNS_ERROR or (
            self.status.startswith("http_") and self.http_status in (404, 410)
        )


DiffOp = tuple[str, str]  # ("=", words) | ("-", words in source only) | ("+", words in quote only)


@dataclass(frozen=True)
class Match:
    """The best passage of one page for one quote, and how it aligns.

    For a page in another language, `translation` is the passage in the quote's language when a
    translator made one, and `backends` names the embedding model and translator used.
    """

    url: str
    grade: Grade
    score: float  # 0..1 similarity of quote and passage
    passage: str = ""
    passage_span: Span | None = None  # into Page.text
    diff: tuple[DiffOp, ...] = ()
    reason: str = ""
    difference: Difference | None = None  # the most serious difference, when there is one
    translation: str | None = None
    backends: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "grade", Grade(self.grade))


@dataclass(frozen=True)
class SourceStatus:
    """One source tried for an attribution, and how fetching it ended."""

    url: str
    origin: str
    status: str
    detail: str = ""

    def to_dict(self) -> dict:
        return {
            "url": self.url,
            "origin": str(self.origin),
            "status": str(self.status),
            "detail": self.detail,
        }


@dataclass(frozen=True)
class Evidence:
    """The passage a verdict rests on, where it stands and how it differs from the quote."""

    url: str
    passage: str
    language: str | None = None
    diff: tuple[DiffOp, ...] = ()
    speaker: str | None = None  # who the source gives the words to, where it says
    archive_url: str | None = None
    translation: str | None = None  # the passage in the quote's language, when translated
    backends: tuple[str, ...] = ()  # embedding model and translator used, for `translated`
    date: str | None = None  # the source's publication date (YYYY-MM-DD), when the page gives one

    def to_dict(self) -> dict:
        return {
            "url": self.url,
            "passage": self.passage,
            "language": self.language,
            "diff": [list(op) for op in self.diff],
            "speaker": self.speaker,
            "archive_url": self.archive_url,
            "translation": self.translation,
            "backends": list(self.backends),
            "date": self.date,
        }


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

    def to_dict(self) -> dict:
        return {
            "claim": self.claim,
            "rating": self.rating,
            "publisher": self.publisher,
            "review_url": self.review_url,
            "claimant": self.claimant,
            "review_date": self.review_date,
        }


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

    def __post_init__(self) -> None:
        if self.verdict is not None:
            object.__setattr__(self, "verdict", Verdict(self.verdict))

    def to_dict(self, checked: bool = True) -> dict:
        """The JSON form; `checked=False` (extract) leaves the check fields out."""
        d = self.attribution.to_dict()
        if not checked:
            return d
        d["verdict"] = str(self.verdict) if self.verdict is not None else None
        d["score"] = round(self.score, 4) if self.score is not None else None
        d["reason"] = self.reason
        d["evidence"] = self.evidence.to_dict() if self.evidence else None
        d["sources"] = [s.to_dict() for s in self.sources]
        d["searched"] = list(self.searched)
        d["search_errors"] = list(self.search_errors)
        d["fact_checks"] = [c.to_dict() for c in self.fact_checks]
        return d


# How the headline names the verdicts that are neither confirmed nor unverifiable.
_HEADLINE_WORDS = (
    (Verdict.CLOSE, "close"),
    (Verdict.ALTERED, "altered"),
    (Verdict.MISATTRIBUTED, "misattributed"),
    (Verdict.NOT_FOUND, "not found"),
)


def headline(findings: Sequence[Finding]) -> str:
    """One line an editor acts on: "3 of 12 checkable quotes verified, 2 altered, 7 could not be
    checked". Verified counts every confirmed verdict (verified, translated, supported); scare
    quotes are the writer's own and named apart."""
    checked = [f.verdict for f in findings if f.verdict is not None]
    scare = sum(1 for f in findings if f.verdict is None)
    confirmed = sum(1 for v in checked if v in CONFIRMED)
    if checked:
        s = "" if len(checked) == 1 else "s"
        parts = [f"{confirmed} of {len(checked)} checkable quote{s} verified"]
        parts += [f"{checked.count(v)} {word}" for v, word in _HEADLINE_WORDS if v in checked]
        if Verdict.UNVERIFIABLE in checked:
            parts.append(f"{checked.count(Verdict.UNVERIFIABLE)} could not be checked")
        line = ", ".join(parts)
    else:
        line = "no quotes to check"
    if scare:
        line += f"; {scare} scare quote{'s' if scare != 1 else ''}, not checked"
    return line


@dataclass(frozen=True)
class DocumentReport:
    """The findings of one draft, in order of appearance."""

    path: str
    findings: tuple[Finding, ...]
    document: Document | None = field(default=None, repr=False, compare=False)

    @property
    def summary(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for f in self.findings:
            if f.verdict is not None:
                counts[str(f.verdict)] = counts.get(str(f.verdict), 0) + 1
        return counts

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.document.warnings if self.document is not None else ()

    @property
    def headline(self) -> str:
        """This draft's line: "3 of 12 checkable quotes verified, 2 altered, ..."."""
        return headline(self.findings)

    def to_dict(self, checked: bool = True) -> dict:
        entry: dict = {
            "path": self.path,
            "attributions": [f.to_dict(checked) for f in self.findings],
        }
        if checked:
            entry["summary"] = self.summary
        if self.warnings:
            entry["warnings"] = list(self.warnings)
        return entry


@dataclass(frozen=True)
class Unreadable:
    """A draft the run could not read, and why ("the draft is empty"): the others are still
    checked, and the report lists it."""

    path: str
    reason: str

    def to_dict(self) -> dict:
        return {"path": self.path, "reason": self.reason}


@dataclass(frozen=True)
class Report:
    """Every draft of one run. `fail_on` is the run's policy: the verdicts that fail it."""

    documents: tuple[DocumentReport, ...]
    checked: bool = True  # False for `extract`: no verdicts
    fail_on: tuple[Verdict, ...] = DEFAULT_FAIL_ON
    unreadable: tuple[Unreadable, ...] = ()  # drafts named but not read, with the reason
    min_verified: int = 0  # the policy's floor: fewer verified quotes than this fail the run

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for d in self.documents for f in d.findings)

    @property
    def failing(self) -> tuple[Finding, ...]:
        """The findings whose verdict is in `fail_on`: what makes a CI job fail."""
        return tuple(f for f in self.findings if f.verdict in self.fail_on)

    @property
    def verified(self) -> tuple[Finding, ...]:
        """The findings a source confirms: verified, translated, supported."""
        return tuple(f for f in self.findings if f.verdict in CONFIRMED)

    @property
    def too_few_verified(self) -> bool:
        """True when the run verified fewer quotes than `min_verified` asks."""
        return self.checked and len(self.verified) < self.min_verified

    @property
    def passed(self) -> bool:
        """The run's policy holds: nothing in `fail_on`, and at least `min_verified` verified."""
        return not self.failing and not self.too_few_verified

    @property
    def headline(self) -> str:
        """The run's line: "3 of 12 checkable quotes verified, 2 altered, 7 could not be
        checked", with the policy's floor when it is not met."""
        line = headline(self.findings)
        if self.too_few_verified:
            line += f"; fewer than the {self.min_verified} verified the run requires"
        return line

    def to_dict(self) -> dict:
        out: dict = {
            "schema": SCHEMA,
            "documents": [d.to_dict(self.checked) for d in self.documents],
        }
        if self.checked:
            out["headline"] = self.headline
            out["passed"] = self.passed
        if self.unreadable:
            out["unreadable"] = [u.to_dict() for u in self.unreadable]
        return out

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

    def to_dict(self) -> dict:
        """The link as JSON: url, anchor text, span."""
        return {"url": self.url, "text": self.text, "span": list(self.span)}


def _short(text: str, limit: int = 40) -> str:
    """A quote cut for a repr: one line, at most `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


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

    def __repr__(self) -> str:  # a draft can be 20 MB: never its text in a traceback
        return (
            f"Document({self.path!r}, {self.format}, {len(self.raw)} characters, "
            f"{len(self.links)} links)"
        )

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
    line: int | None = None  # 1-based line of span[0] in Document.raw (set when loaded)
    column: int | None = None  # 1-based column (code points) of span[0] on that line

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", Kind(self.kind))  # "direct" is read as Kind.DIRECT

    def __repr__(self) -> str:
        where = f" at {self.line}:{self.column}" if self.line is not None else ""
        who = f" by {self.speaker}" if self.speaker else ""
        return f"<Attribution {self.id} {self.kind} “{_short(self.quote)}”{who}{where}>"

    @property
    def checkable(self) -> bool:
        """Whether a source can confirm it: every kind but a scare quote."""
        return self.kind != Kind.SCARE

    def to_dict(self) -> dict:
        """The JSON of docs/data-contract.md: what `extract` reports per attribution."""
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
            "line": self.line,
            "column": self.column,
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

    def to_dict(self) -> dict:
        """The candidate as JSON: url, origin, detail, rank."""
        return {"url": self.url, "origin": str(self.origin), "detail": self.detail,
                "rank": self.rank}  # fmt: skip


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

    def __repr__(self) -> str:  # the page's text stays out of a repr
        return f"<Page {self.url} {self.status} {len(self.text)} characters>"

    def to_dict(self) -> dict:
        """The fetched page as JSON, its text included."""
        return {k: getattr(self, k) for k in (
            "url", "status", "final_url", "text", "title", "date", "language", "http_status",
            "reason", "from_cache", "archive_url",
        )}  # fmt: skip

    @property
    def ok(self) -> bool:
        """The page was fetched and read."""
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

    def to_dict(self) -> dict:
        """The match as JSON: grade, score, passage and its span, diff, reason."""
        return {
            "url": self.url,
            "grade": str(self.grade),
            "score": round(self.score, 4),
            "passage": self.passage,
            "passage_span": list(self.passage_span) if self.passage_span else None,
            "diff": [list(op) for op in self.diff],
            "reason": self.reason,
            "difference": str(self.difference) if self.difference else None,
            "translation": self.translation,
            "backends": list(self.backends),
        }


@dataclass(frozen=True)
class SourceStatus:
    """One source tried for an attribution, and how fetching it ended."""

    url: str
    origin: str
    status: str
    detail: str = ""

    def to_dict(self) -> dict:
        """Its JSON (docs/data-contract.md)."""
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
        """Its JSON (docs/data-contract.md)."""
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
        """Its JSON (docs/data-contract.md)."""
        return {
            "claim": self.claim,
            "rating": self.rating,
            "publisher": self.publisher,
            "review_url": self.review_url,
            "claimant": self.claimant,
            "review_date": self.review_date,
        }


@dataclass(frozen=True)
class Search:
    """One search for a quote's source: the query as sent, the back-end that ran it and how
    many results it returned; `backend` and `hits` are None for a search only planned (offline,
    or no back-end could run it)."""

    query: str
    backend: str | None = None
    hits: int | None = None

    @property
    def sent(self) -> bool:
        """Whether a back-end ran it (not only planned, offline or with none available)."""
        return self.backend is not None

    def __str__(self) -> str:
        if not self.sent:
            return self.query
        if self.hits is None:
            return f"{self.backend}: {self.query} (failed)"
        found = "no result" if not self.hits else f"{self.hits} result{'s' * (self.hits != 1)}"
        return f"{self.backend}: {self.query} ({found})"

    def to_dict(self) -> dict:
        """The JSON form: query, backend and hits (null when only planned)."""
        return {"query": self.query, "backend": self.backend, "hits": self.hits}


@dataclass(frozen=True)
class Finding:
    """An attribution with its verdict, the evidence for it and every source that was tried."""

    attribution: Attribution
    verdict: Verdict | None  # None for a scare quote (listed, not checked) or `extract` output
    score: float | None = None
    reason: str = ""
    evidence: Evidence | None = None
    sources: tuple[SourceStatus, ...] = ()
    searched: tuple[Search, ...] = ()  # the searches sent for this quote, or that would be
    search_errors: tuple[str, ...] = ()  # back-ends that failed or are not configured, and why
    fact_checks: tuple[FactCheck, ...] = ()  # published ratings of this claim by fact-checkers

    def __post_init__(self) -> None:
        if self.verdict is not None:
            object.__setattr__(self, "verdict", Verdict(self.verdict))
        if any(isinstance(s, str) for s in self.searched):  # a planned query given as text
            plan = tuple(Search(s) if isinstance(s, str) else s for s in self.searched)
            object.__setattr__(self, "searched", plan)

    def __repr__(self) -> str:
        a = self.attribution
        score = f" {self.score:.2f}" if self.score is not None else ""
        verdict = self.verdict or ("scare" if a.kind == Kind.SCARE else "unchecked")
        return f"<Finding {a.id} {verdict}{score} “{_short(a.quote)}”>"

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
        d["searched"] = [s.to_dict() for s in self.searched]
        d["search_errors"] = list(self.search_errors)
        d["fact_checks"] = [c.to_dict() for c in self.fact_checks]
        return d

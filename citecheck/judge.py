"""Scores to verdicts: combine every source tried for one attribution into one Finding.

Pure: it sees the attribution, the pages as fetched, their best matches and who each page says
spoke the words, and decides the verdict (docs/data-contract.md) with a one-line reason. It
branches on grades, statuses and origins, never on the wording of a reason.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from rapidfuzz import fuzz

from .model import (
    Attribution,
    Candidate,
    Evidence,
    FetchStatus,
    Finding,
    Grade,
    Kind,
    Match,
    Origin,
    Page,
    Search,
    SourceStatus,
    Verdict,
)
from .outlets import Outlet
from .text.folding import ascii_words, romanised

_GRADE_RANK = {
    Grade.EXACT: 3,
    Grade.SUPPORTED: 3,
    Grade.CLOSE: 2,
    Grade.TRANSLATED: 1.5,
    Grade.ALTERED: 1,
    Grade.NONE: 0,
}
_VERDICT = {
    Grade.EXACT: Verdict.VERIFIED,
    Grade.CLOSE: Verdict.CLOSE,
    Grade.ALTERED: Verdict.ALTERED,
    Grade.SUPPORTED: Verdict.SUPPORTED,
    Grade.TRANSLATED: Verdict.TRANSLATED,
}
_DEFAULT_REASON = {
    Verdict.VERIFIED: "the quoted words stand in the source",
    Verdict.CLOSE: "same words; punctuation or spelling differs",
    Verdict.ALTERED: "the source's words differ",
    Verdict.SUPPORTED: "the source backs the reported statement",
    Verdict.TRANSLATED: "the quote renders the source in another language",
}


@dataclass(frozen=True)
class Tried:
    """One candidate source for one attribution: what was fetched and how it matched."""

    candidate: Candidate
    page: Page
    match: Match | None = None  # None when the page was not read or could not be compared
    source_speaker: str | None = None  # who the page gives the matched words to
    note: str = ""  # why a page that was read has no match (another language, no translator)


# Why a source was not read, and what the user can do about it: `sources[].detail`.
_ADVICE = {
    FetchStatus.BLOCKED: "private address: --allow-private to allow",
    FetchStatus.ROBOTS: "robots.txt disallows citecheck: give a copy you may read in --sources",
    FetchStatus.NOT_IN_CASSETTE: "not in the cassette: --record a new one to fetch it",
    FetchStatus.OFFLINE: "offline: run without --offline to fetch it",
    FetchStatus.TIMEOUT: "the site did not answer in time: try again later",
    FetchStatus.TOO_LARGE: "larger than the 5 MB cap: give a smaller copy in --sources",
    FetchStatus.NOT_TEXT: "not a web page or PDF: link the page that quotes it",
    FetchStatus.EMPTY: "no readable text on the page: link a text version",
    FetchStatus.DNS_ERROR: "the site's name does not resolve: check the link",
    FetchStatus.CONNECT_ERROR: "could not connect: check the link, or try again later",
    FetchStatus.CONNECTION_ERROR: "the connection broke: try again later",
    FetchStatus.INVALID_URL: "not a valid http(s) address: fix the link",
    FetchStatus.TOO_MANY_REDIRECTS: "redirects without end: link the final address",
}


def advice(page: Page) -> str:
    """Why `page` was not read and what to do, in a few words; "" for a page that was read."""
    if page.ok:
        return ""
    code = page.http_status
    if page.status.startswith("http_") and code is not None:
        if code in (404, 410):
            return f"HTTP {code}, the page is gone: link a live or archived copy"
        if code in (401, 402, 403, 451):
            return f"HTTP {code}, refused (login or paywall): give a readable copy in --sources"
        if code == 429:
            return "HTTP 429, rate limited: try again later"
        if code >= 500:
            return f"HTTP {code}, the site failed: try again later"
        return f"HTTP {code}"
    try:
        return _ADVICE.get(FetchStatus(page.status), "")
    except ValueError:
        return ""


def _status(t: Tried) -> SourceStatus:
    status = t.page.status
    if t.page.ok and t.page.from_cache:
        status = "ok (cache)"
    parts = [t.candidate.detail, advice(t.page)]
    if t.page.archive_url:
        parts.append(f"archived copy {t.page.archive_url}")
    detail = "; ".join(p for p in parts if p)
    return SourceStatus(t.candidate.url, t.candidate.origin, status, detail)


def same_person(a: str, b: str) -> bool:
    """Two renderings of one name: equal surnames, or one name contained in the other, read
    across scripts and accents (Павел Ондрин, Pavel Ondrin) and allowing a case ending on the
    surname (по словам Ондрина)."""
    wa, wb = ascii_words(a), ascii_words(b)
    if not wa or not wb:
        return False
    ja, jb = f" {' '.join(wa)} ", f" {' '.join(wb)} "  # contained word for word
    if wa[-1] == wb[-1] or ja in jb or jb in ja or _inflected(wa[-1], wb[-1]):
        return True
    # A name that went through another script comes back loosely (Walton, Уолтон, Uolton):
    # then the same consonants or a near spelling are enough (Añez, Аньес, Anes): a verdict of
    # "misattributed" must never rest on a transliteration.
    if not _other_script(a, b):
        return False
    x, y = wa[-1], wb[-1]
    return _consonants(x) == _consonants(y) or fuzz.ratio(x, y) >= 70


def _other_script(a: str, b: str) -> bool:
    return a.isascii() != b.isascii() and bool(re.search("[^\\u0000-\\u024f]", a + b))


def _consonants(word: str) -> str:
    """The consonant skeleton of a romanised name, doubled letters single: walton, uolton: ltn."""
    skeleton = re.sub("[aeiouyhw'-]", "", word)
    return re.sub(r"(.)\1+", r"\1", skeleton)


def _inflected(a: str, b: str) -> bool:
    """One surname is the other with a case ending (Ondrina, Ondrin), or a near spelling of it
    in another script (Murilo, Murillo)."""
    short, long = sorted((a, b), key=len)
    if len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 2:
        return True
    return len(short) >= 5 and fuzz.ratio(a, b) >= 80


def _shown(name: str) -> str:
    """A name as the reason shows it: Cyrillic with a Latin reading beside it."""
    if re.search("[\u0400-\u04ff]", name):
        return f"{name} ({romanised(name)})"
    return name


def judge(
    attr: Attribution,
    tried: Sequence[Tried],
    *,
    quote_language: str | None = "en",
    searched: tuple[Search | str, ...] = (),
    search_errors: tuple[str, ...] = (),
    offline: bool = False,
    outlet: Outlet | None = None,
) -> Finding:
    """The verdict for one attribution from every source tried for it. `outlet`: the registry's
    entry for the outlet the draft credits, when it knows it: words a search found only at
    another outlet are `misattributed` to the outlet."""
    sources = tuple(_status(t) for t in tried)
    base = {"sources": sources, "searched": searched, "search_errors": search_errors}
    if not attr.checkable:
        return Finding(attr, None, reason="scare quote: listed, not checked", **base)
    if not tried:
        if offline:
            why = "offline: no source fetched"
        else:
            why = "no candidate source: the draft links none near the quote"
            if search_errors:
                why += "; search: " + "; ".join(search_errors[:3])
            elif any(isinstance(s, Search) and s.sent for s in searched):
                why += " and the search back-ends found nothing"
        if attr.outlet:
            why += f" (expected in {attr.outlet}"
            why += f", language {attr.language})" if attr.language else ")"
        return Finding(attr, Verdict.UNVERIFIABLE, reason=why, **base)

    read = [t for t in tried if t.page.ok]
    foreign = [t for t in read if _foreign(t.page, quote_language)]
    matched = [t for t in read if t.match is not None]
    best = max(
        matched,
        key=lambda t: (_rank(t, quote_language), t.match.score),
        default=None,
    )
    if best is not None and best.match.grade is not Grade.NONE:
        return _verdict(attr, best, base, _elsewhere(outlet, best, matched))

    failed = [t for t in tried if not t.page.ok]
    failed_links = [t for t in failed if t.candidate.origin == Origin.LINK]
    if failed_links or not matched:
        if foreign and not matched:
            langs = ", ".join(sorted({t.page.language or "?" for t in foreign}))
            why = next((t.note for t in foreign if t.note), "")
            reason = why or f"language: the source is in {langs} and no translator is configured"
            reason += f" ({foreign[0].page.url})"
        else:
            reason = "; ".join(f"{t.page.status} at {t.page.url}" for t in failed[:3])
            if failed_links:
                reason = f"the linked source could not be read: {reason}"
            if matched:
                reason += f"; not in the {len(matched)} other source(s) read"
        return Finding(attr, Verdict.UNVERIFIABLE, reason=reason, **base)
    urls = ", ".join(t.page.url for t in matched[:3])
    if attr.kind == Kind.INDIRECT:
        # a paraphrase no rule matched may still be right: unverifiable, not a misquote
        return Finding(
            attr,
            Verdict.UNVERIFIABLE,
            score=best.match.score if best else 0.0,
            reason=f"reported speech: no passage of the {len(matched)} source(s) read backs it "
            f"({urls})",
            **base,
        )
    return Finding(
        attr,
        Verdict.NOT_FOUND,
        score=best.match.score if best else 0.0,
        reason=f"not in the {len(matched)} source(s) read ({urls})",
        evidence=_evidence(best) if best and best.match.passage else None,
        **base,
    )


def _rank(t: Tried, quote_language: str | None) -> float:
    """How strongly a source's match speaks for its verdict. Across languages a passage that
    renders the quote and one whose numbers, negation or names differ are found the same way,
    by similarity: the page whose passage renders the quote best is its source, and its checks
    decide (another page's looser rendering does not outrank a misquote caught there)."""
    grade = t.match.grade
    if grade in (Grade.TRANSLATED, Grade.ALTERED) and _foreign(t.page, quote_language):
        return 1.25
    return _GRADE_RANK[grade]


def _foreign(page: Page, quote_language: str | None) -> bool:
    return bool(page.language and quote_language) and page.language != quote_language


def _evidence(t: Tried) -> Evidence:
    m = t.match
    assert m is not None
    return Evidence(
        url=t.page.final_url or t.page.url,
        passage=m.passage,
        language=t.page.language,
        diff=m.diff,
        speaker=t.source_speaker,
        archive_url=t.page.archive_url,
        translation=m.translation,
        backends=m.backends,
        date=t.page.date,
    )


_CONFIRMING = (Grade.EXACT, Grade.CLOSE, Grade.TRANSLATED)
_DETERMINERS = frozenset("the a an this that these those its their our his her".split())
_DOMAIN = re.compile(r"(?:[\w-]+\.)+[a-z]{2,}", re.I)


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def _elsewhere(outlet: Outlet | None, best: Tried, matched: Sequence[Tried]) -> str:
    """Why the words stand only at another outlet than the one the draft credits ("" when they
    do not): a search found them on another site, and no page of the credited outlet holds them.
    A platform (a tweet, a video) is quoted by news sites as a matter of course: never flagged."""
    if outlet is None or not outlet.domains or outlet.kind == "platform":
        return ""
    m = best.match
    if m is None or m.grade not in _CONFIRMING:
        return ""
    if best.candidate.origin not in (Origin.SEARCH, Origin.ARCHIVE):
        return ""  # a page the draft itself links or lists: the writer chose it
    url = best.page.final_url or best.page.url
    if outlet.owns(url) or outlet.owns(best.candidate.url):
        return ""
    on_outlet = [
        t for t in matched
        if outlet.owns(t.page.final_url or t.page.url) and t.match.grade in _CONFIRMING
    ]  # fmt: skip
    if on_outlet:
        return ""
    credited = (
        outlet.name if outlet.name in outlet.domains else f"{outlet.name} ({outlet.domains[0]})"
    )
    return f"the words stand at {_host(url)}, not at {credited}, the outlet the draft credits"


def _verdict(attr: Attribution, t: Tried, base: dict, elsewhere: str = "") -> Finding:
    m = t.match
    assert m is not None
    ev = _evidence(t)
    confirmed = m.grade in _CONFIRMING
    if elsewhere and not _misattributed(attr, t.source_speaker):
        return Finding(
            attr, Verdict.MISATTRIBUTED, score=m.score, reason=elsewhere, evidence=ev, **base
        )
    if confirmed and _misattributed(attr, t.source_speaker):
        return Finding(
            attr,
            Verdict.MISATTRIBUTED,
            score=m.score,
            reason=(
                f"the source gives these words to {_shown(t.source_speaker or '')}, "
                f"not {attr.speaker}"
            ),
            evidence=ev,
            **base,
        )
    verdict = _VERDICT[m.grade]
    reason = m.reason or _DEFAULT_REASON[verdict]
    reason += _date_note(attr, ev)
    return Finding(attr, verdict, score=m.score, reason=reason, evidence=ev, **base)


def _date_note(attr: Attribution, ev: Evidence) -> str:
    """A year the draft gives ("in a 2013 tweet") that the source's own date contradicts: worth
    a reader's look (a resurfaced old quote, or the wrong source), not a verdict of its own."""
    hint = re.search(r"\b(1[89]|20)\d\d\b", attr.date_hint or "")
    if not hint or not ev.date or ev.date[:4] == hint.group():
        return ""
    return f"; the draft dates it {hint.group()}, the source is dated {ev.date}"


def _misattributed(attr: Attribution, source_speaker: str | None) -> bool:
    """Only a named person in the draft against a different named person in the source."""
    if not source_speaker or not attr.speaker:
        return False
    if attr.speaker[:1].islower() or len(attr.speaker.split()) < 1:
        return False  # an unnamed source ("a spokesperson") cannot be contradicted by name
    words = attr.speaker.split()
    if words[0].lower() in _DETERMINERS or any(_DOMAIN.fullmatch(w) for w in words):
        return False  # "The article on example.com" names a page, not a person
    return not same_person(attr.speaker, source_speaker)

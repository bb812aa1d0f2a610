"""The searches that may find a quote's source: phrases, loose words, outlet, language, dates.

A search back-end (GDELT, the Internet Archive, SearXNG, Brave, Media Cloud) turns a
`SearchQuery` into HTTP requests. This module builds those queries from an attribution and the
outlet registry: the quote's most distinctive run as an exact phrase on the credited outlet's
domains, then anywhere, then loose rare words with the speaker's surname; and `search_plan`,
the same in words for a report when no search ran.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import Attribution
from ..outlets import Outlet, Registry
from ..text.language import quote_language
from ..text.stopwords import STOPWORDS

# Where a phrase cannot run on: sentence ends, marked omissions and insertions, inner quotes.
_BREAK = re.compile(r"\[[^\]]*\]|\.\.\.|…|[.!?;:]+(?=\s|$)|[\"“”«»()]")
WORD = re.compile(r"\w(?:[\w'’-]*\w)?(?:[.,]\d+)*")


@dataclass(frozen=True)
class SearchQuery:
    """One search to run: an exact phrase *or* loose terms, narrowed by outlet, language, dates."""

    phrase: str = ""  # searched as an exact phrase ("" for a loose query)
    loose: str = ""  # speaker's surname plus rare words of the quote, unquoted
    domains: tuple[str, ...] = ()  # the credited outlet's domains (subdomains included)
    language: str | None = None  # ISO 639-1 of the expected source
    date_from: date | None = None
    date_to: date | None = None
    max_results: int = 20

    @property
    def exact(self) -> bool:
        return bool(self.phrase)

    @property
    def terms(self) -> str:
        return self.phrase or self.loose

    def words(self, limit: int = 6) -> list[str]:
        """The query's rarest words, lower-cased (slug matching, fact-check overlap)."""
        return rare_words(self.terms, limit, lower=True)


_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        ),
        1,
    )
    for m in names.split()
}
_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"\b([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})\b")
_MONTH_YEAR = re.compile(r"\b([A-Za-z]+)\.?,?\s+(\d{4})\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
DAY_SLACK = timedelta(days=2)  # a story often runs the day after the words were said


def date_window(hint: str | None) -> tuple[date | None, date | None]:
    """The dates a date hint stands for: "2013" is the year, "March 2025" the month, a full date
    that day give or take two days. A hint without a year ("March 11") gives no window."""
    if not hint:
        return None, None
    try:
        if m := _ISO_DAY.search(hint):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day - DAY_SLACK, day + DAY_SLACK
        for pattern, order in ((_DAY_MONTH_YEAR, (1, 2, 3)), (_MONTH_DAY_YEAR, (2, 1, 3))):
            m = pattern.search(hint)
            if m and m[order[1]].lower() in _MONTHS:
                day = date(int(m[order[2]]), _MONTHS[m[order[1]].lower()], int(m[order[0]]))
                return day - DAY_SLACK, day + DAY_SLACK
        m = _MONTH_YEAR.search(hint)
        if m and m[1].lower() in _MONTHS:
            first = date(int(m[2]), _MONTHS[m[1].lower()], 1)
            nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, nxt - timedelta(days=1)
    except ValueError:
        return None, None  # "31 February 2020"
    if m := _YEAR.search(hint):
        year = int(m[1])
        return date(year, 1, 1), date(year, 12, 31)
    return None, None


def rare_words(text: str, limit: int = 4, *, lower: bool = False) -> list[str]:
    """The `limit` least common-looking words of `text`, in their order in the text.

    Long, capitalised and numeric words score; stopwords and words under four letters never count.
    """
    seen: dict[str, tuple[float, int, str]] = {}
    for i, word in enumerate(WORD.findall(text)):
        key = word.lower()
        if key in STOPWORDS or len(word) < 4 or key in seen:
            continue
        score = min(len(word), 12) + 3 * any(c.isdigit() for c in word) + 2 * word[0].isupper()
        seen[key] = (score, i, key if lower else word)
    best = sorted(seen.values(), key=lambda t: (-t[0], t[1]))[:limit]
    return [w for _, _, w in sorted(best, key=lambda t: t[1])]


def _surname(speaker: str | None) -> str:
    """The last capitalised word of a name: "Ottoline Marsh-Greaves" -> "Marsh-Greaves"."""
    if not speaker:
        return ""
    words = [w for w in re.findall(r"[\w'’-]+", speaker) if w[:1].isupper()]
    return words[-1] if words else ""



def build_queries(
    attr: Attribution,
    registry: Registry,
    *,
    max_results: int = 20,
    source_text: str | None = None,
) -> list[SearchQuery]:
    """The searches that may find an attribution's source, most precise first.

    The quote's most distinctive run as an exact phrase on the credited outlet's domains, then the
    same phrase anywhere (the words may have been republished), then a loose query: the speaker's
    surname and the quote's rare words, or the surname alone when the outlet writes in another
    language than the quote (its page holds a translation, not these words).

    `source_text` is the quote machine-translated into the source's expected language (when a
    translator is configured): its rare words with the surname make a loose query in that
    language, on the outlet's domains and then anywhere, before the surname alone. Never an exact
    phrase: two translations of one sentence rarely share a long run of words.
    """
    if not attr.checkable:
        return []
    phrase = distinctive_phrase(attr.quote)
    if not phrase:
        return []
    outlet = outlet_for(attr, registry)
    domains = outlet.domains if outlet else ()
    language = expected_language(attr, registry)
    date_from, date_to = date_window(attr.date_hint)
    common = {
        "language": language,
        "date_from": date_from,
        "date_to": date_to,
        "max_results": max_results,
    }
    queries = [SearchQuery(phrase=phrase, domains=domains, **common)]
    if domains:
        queries.append(SearchQuery(phrase=phrase, **common))
    surname = _surname(attr.speaker)
    quote_lang = quote_language(attr.quote) if language else None
    translated = bool(quote_lang and language and quote_lang != language)
    words = [] if translated else rare_words(attr.quote, 4)
    words = [w for w in words if w.lower() != surname.lower()]
    if source_text and source_text.strip():
        foreign = [w for w in rare_words(source_text, 4) if w.lower() != surname.lower()]
        loose = " ".join([surname, *foreign]).strip()
        if foreign:
            queries.append(SearchQuery(loose=loose, domains=domains, **common))
            if domains:
                queries.append(SearchQuery(loose=loose, **common))
    if surname and (words or (translated and domains)):
        queries.append(SearchQuery(loose=" ".join([surname, *words]), domains=domains, **common))
    return list(dict.fromkeys(queries))



def outlet_for(attr: Attribution, registry: Registry) -> Outlet | None:
    """The registry's entry for the outlet the draft credits, if it knows it."""
    return registry.find(attr.outlet) if attr.outlet else None


def expected_language(attr: Attribution, registry: Registry) -> str | None:
    """The language the source is likely in: the outlet's, else what attribution guessed."""
    outlet = outlet_for(attr, registry)
    return (outlet.language if outlet else None) or attr.language


def _weight(word: str, first: bool) -> float:
    if word.lower() in STOPWORDS:
        return 0.2
    bonus = 0.5 if any(c.isdigit() for c in word) else 0.0
    bonus += 0.5 if word[0].isupper() and not first else 0.0
    return 1.0 + bonus + min(len(word), 12) / 12


def distinctive_phrase(quote: str, shortest: int = 6, longest: int = 10, target: int = 8) -> str:
    """The run of ~6-10 words of the quote that an exact-phrase search would find it by.

    Rare, long, capitalised and numeric words score; stopwords at the edges and distance from
    `target` words cost. The run never crosses an omission, an insertion or a sentence end, since
    the source would not have it in one piece.
    """
    best, best_score = "", float("-inf")
    for segment in _BREAK.split(quote):
        words = WORD.findall(segment)
        if not words:
            continue
        weights = [_weight(w, i == 0) for i, w in enumerate(words)]
        sizes = range(min(shortest, len(words)), min(longest, len(words)) + 1)
        for n in sizes:
            for i in range(len(words) - n + 1):
                run = words[i : i + n]
                score = sum(weights[i : i + n]) - 0.5 * abs(n - target)
                score -= (run[0].lower() in STOPWORDS) + (run[-1].lower() in STOPWORDS)
                if score > best_score:
                    best, best_score = " ".join(run), score
    return best


def search_plan(attr: Attribution, registry: Registry) -> tuple[str, ...]:
    """Human-readable queries a search back-end would run for this quote, best first.

    On the outlet's own domains first; when the outlet publishes in another language, the quote is
    likely a translation, so also the speaker on those domains; then the phrase on the open web.
    """
    phrase = distinctive_phrase(attr.quote) if attr.checkable else ""
    if not phrase:
        return ()
    outlet = outlet_for(attr, registry)
    language = expected_language(attr, registry)
    lang = f" lang:{language}" if language and language != "en" else ""
    speaker = f' "{attr.speaker}"' if attr.speaker else ""
    plan = []
    if outlet and outlet.domains:
        site = " OR ".join(f"site:{d}" for d in outlet.domains)
        site = f"({site})" if len(outlet.domains) > 1 else site
        plan.append(f'{site} "{phrase}"{lang}')
        if lang and speaker:
            date = f" {attr.date_hint}" if attr.date_hint else ""
            plan.append(f"{site}{speaker}{date}{lang}")
    plan.append(f'"{phrase}"{speaker}')
    return tuple(dict.fromkeys(plan))

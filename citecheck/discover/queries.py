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

import cyrtranslit

from ..model import Attribution
from ..outlets import Outlet, Registry, domain_language
from ..text.language import detect, quote_language
from ..text.stopwords import STOPWORDS
from .transcribe import to_russian

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

    def describe(self) -> str:
        """The query in the common web syntax, for a report: `site:elpais.com "..." lang:es`."""
        sites = [f"site:{d}" for d in self.domains]
        site = sites[0] if len(sites) == 1 else "(" + " OR ".join(sites) + ")" if sites else ""
        terms = f'"{self.phrase}"' if self.exact else self.loose
        lang = f"lang:{self.language}" if self.language else ""
        dates = ""
        if self.date_from and self.date_to:
            dates = f"{self.date_from.isoformat()}..{self.date_to.isoformat()}"
        return " ".join(p for p in (site, terms, lang, dates) if p)

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


_PARTICLES = frozenset("al bin da das de del der di do dos du el la le van von y".split())


def _surname(speaker: str | None) -> str:
    """The last capitalised word of a name: "Ottoline Marsh-Greaves" -> "Marsh-Greaves"; "" for
    what is not a name ("The article on example.com", "a spokesperson")."""
    if not speaker:
        return ""
    words = re.findall(r"[\w'’.-]+", speaker)
    if any(w[:1].islower() and w.lower() not in _PARTICLES for w in words):
        return ""
    names = [w for w in words if w[:1].isupper() and w.lower() not in STOPWORDS and "." not in w]
    return names[-1] if names else ""


_CAPITALISED = re.compile(r"\w(?:[\w'’-]*\w)?")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


_CALENDAR = frozenset(
    [*_MONTHS, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
)


# Capitalised English words that a translation renders in its own words (Supreme Court: Tribunal
# Supremo; United States: Estados Unidos): titles, institutions, parties, common place words.
_TRANSLATED = frozenset(
    """academy agency army assembly association authority bank board bureau cabinet centre center
    church city coast commission committee conference congress council county court democrat
    democratic democrats department east european federal force foundation general government
    house institute island islands justice kingdom league minister ministry mr mrs ms dr national
    nations north office parliament party police president presidential prime prosecution public
    republic republican republicans river royal school secretary senate service south state
    states street supreme union united university west white world""".split()
)


def names(quote: str, limit: int = 4, *, openers: bool = True) -> list[str]:
    """Proper names of the quote, the likeliest to survive translation first: the last word of
    each run of capitalised words (a surname, a place: "Evo Morales met Luis Arce in
    Cochabamba": Morales, Arce, Cochabamba), then the words before it, then a sentence's
    capitalised first word standing alone ("Pelosi said"; often no name: "Troops fired").
    Stopwords, months, days and the words translations render (`_TRANSLATED`: Court, United)
    never count; `openers=False` leaves out the first words standing alone."""
    runs: list[list[str]] = []
    first: list[str] = []
    for segment in re.split(r"(?<=[.!?…:;])\s+|[\"“”«»()]", quote):
        words = [re.sub("['’]s$", "", w) for w in _CAPITALISED.findall(segment)]
        run: list[str] = []
        for i, w in enumerate([*words, ""]):
            name = (
                w[:1].isupper() and len(w) >= 3 and "-" not in w
                and w.lower() not in STOPWORDS and w.lower() not in _CALENDAR
                and w.lower() not in _TRANSLATED
            )  # fmt: skip
            if name:
                run.append(w)
            elif run:
                if i == 1:  # one word that begins the sentence: capitalised anyway
                    first.append(run[0])
                else:
                    runs.append(run)
                run = []
    order = [r[-1] for r in runs] + [w for r in runs for w in reversed(r[:-1])]
    return list(dict.fromkeys(order + (first if openers else [])))[:limit]


def numbers_in(quote: str, limit: int = 3) -> list[str]:
    """The quote's numbers of two digits or more, as written ("1968", "3,000"): what survives
    translation digit for digit."""
    found = [n for n in _NUMBER.findall(quote) if sum(c.isdigit() for c in n) >= 2]
    return list(dict.fromkeys(found))[:limit]


def build_queries(
    attr: Attribution,
    registry: Registry,
    *,
    max_results: int = 20,
    source_text: str | None = None,
) -> list[SearchQuery]:
    """The searches that may find an attribution's source, in the order to send them; a search
    stops at the first that finds a page.

    In the quote's own language: two exact phrases of six words or more from different parts of
    the quote on the credited outlet's domains (a word the draft changed hides the page from one
    phrase, rarely from both), the first phrase anywhere (the words may stand only at another
    outlet), then loose rare words with the speaker's surname, which find the page even when
    every long run of the quote was changed.

    When the outlet writes in another language (its registry entry, else its domain), the page
    holds a translation: no phrase can match. `source_text` (the quote machine-translated into
    that language, when a translator is configured) gives loose rare words in it; without one,
    the search uses what survives translation: the names (the speaker's surname first, in the
    page's script) and the numbers, on the outlet's domains and within the draft's dates, then
    anywhere in that language.
    """
    if not attr.checkable:
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
    surname = _surname(attr.speaker)
    if outlet and surname and registry.find(surname) is outlet:
        surname = ""  # an outlet quoted as the speaker ("Infobae reported"): its site is searched
    quote_lang = None
    if language:  # a short quote says less clearly which language it is in
        quote_lang = quote_language(attr.quote) or detect(attr.quote, min_confidence=0.6)
    queries: list[SearchQuery] = []
    if quote_lang and language and quote_lang != language:
        if source_text and source_text.strip():
            foreign = [w for w in rare_words(source_text, 4) if w.lower() != surname.lower()]
            if foreign:
                queries.append(
                    SearchQuery(loose=" ".join([surname, *foreign]).strip(), domains=domains,
                                **common)
                )  # fmt: skip
        kept = survivors(attr.quote, surname, language)
        if kept:
            queries.append(SearchQuery(loose=" ".join(kept), domains=domains, **common))
            as_written = survivors(attr.quote, surname)
            if as_written != kept:  # another script: the press also keeps names in Latin
                queries.append(SearchQuery(loose=" ".join(as_written), domains=domains, **common))
            elif len(kept) >= 3:  # the two likeliest to stand as written, should one be translated
                best = sorted(kept, key=lambda w: (-(w.isdigit() and len(w) >= 3), -len(w)))[:2]
                two = " ".join(w for w in kept if w in best)
                queries.append(SearchQuery(loose=two, domains=domains, **common))
            if domains:
                queries.append(SearchQuery(loose=" ".join(kept), **common))
        return list(dict.fromkeys(queries))[:MAX_QUERIES]
    runs = phrases(attr.quote)
    queries += [SearchQuery(phrase=p, domains=domains, **common) for p in runs]
    if domains and runs:
        queries.append(SearchQuery(phrase=runs[0], **common))
    words = [w for w in rare_words(attr.quote, 5) if w.lower() != surname.lower()]
    if words and (surname or len(words) >= 2):
        queries.append(SearchQuery(loose=" ".join([surname, *words]).strip(), domains=domains,
                                   **common))  # fmt: skip
    return list(dict.fromkeys(queries))[:MAX_QUERIES]


MAX_QUERIES = 4  # a quote's searches at most, per back-end (most stop after the first)


def survivors(quote: str, surname: str = "", language: str | None = None) -> list[str]:
    """What survives translation, as loose search terms: the speaker's surname and the quote's
    names, in the page's script, and its numbers."""
    found = [surname] if surname else []
    found += [n for n in names(quote) if n.lower() != surname.lower()]
    found = [in_script(n, language) for n in found][:4]
    if not (surname or names(quote, openers=False) or numbers_in(quote)):
        return []  # a sentence's first word alone ("Vaccine", "Instead") finds any page
    return [*found, *numbers_in(quote)]


# ISO 639-1 -> cyrtranslit's code, for the languages written in Cyrillic.
_CYRILLIC = {"ru": "ru", "uk": "ua", "bg": "bg", "sr": "sr", "mk": "mk", "be": "by"}


def in_script(name: str, language: str | None) -> str:
    """A Latin-script name as a page in `language` writes it: for Russian by practical
    transcription (James -> Джеймс, Ryabkov -> Рябков; `transcribe`), for the other Cyrillic
    languages by transliteration (cyrtranslit); unchanged for languages written in the Latin
    script. Either is a guess (Kavanaugh is Кавано in the press): the search relaxes a query
    none of whose pages holds every word."""
    code = _CYRILLIC.get(language or "")
    if code is None or not name.isascii():
        return name
    if code == "ru":
        return to_russian(name)
    return cyrtranslit.to_cyrillic(name, code)


def outlet_for(attr: Attribution, registry: Registry) -> Outlet | None:
    """The registry's entry for the outlet the draft credits, if it knows it."""
    return registry.find(attr.outlet) if attr.outlet else None


def expected_language(attr: Attribution, registry: Registry) -> str | None:
    """The language the source is likely in: the outlet's, else what attribution guessed, else
    what the outlet's domain says (`domain_language`)."""
    outlet = outlet_for(attr, registry)
    known = (outlet.language if outlet else None) or attr.language
    if known or outlet is None:
        return known
    return next(filter(None, map(domain_language, outlet.domains)), None)


# Languages a host's first label names (es.euronews.com, fr.news.yahoo.com) and the country-code
# top-level domains whose news is mostly in one language.
def _weight(word: str, first: bool) -> float:
    if word.lower() in STOPWORDS:
        return 0.2
    bonus = 0.5 if any(c.isdigit() for c in word) else 0.0
    bonus += 0.5 if word[0].isupper() and not first else 0.0
    return 1.0 + bonus + min(len(word), 12) / 12


def _runs(quote: str, shortest: int, longest: int, target: int):
    """Every run of `shortest`-`longest` words inside one segment of the quote, scored: rare,
    long, capitalised and numeric words score; stopwords at the edges and distance from
    `target` words cost. (score, first word's index in the quote, words)"""
    offset = 0
    for segment in _BREAK.split(quote):
        words = WORD.findall(segment)
        weights = [_weight(w, i == 0) for i, w in enumerate(words)]
        for n in range(shortest, min(longest, len(words)) + 1):
            for i in range(len(words) - n + 1):
                run = words[i : i + n]
                score = sum(weights[i : i + n]) - 0.5 * abs(n - target)
                score -= (run[0].lower() in STOPWORDS) + (run[-1].lower() in STOPWORDS)
                yield score, offset + i, run
        offset += len(words)


def phrases(quote: str, count: int = 2, shortest: int = 6, longest: int = 10, target: int = 8):
    """Up to `count` runs of 6-10 words of the quote that an exact-phrase search would find it
    by, the best first, each from another part of the quote (no word shared), so that a word the
    draft changed hides the page from one of them only.

    A run never crosses an omission, an insertion or a sentence end, since the source would not
    have it in one piece; shorter runs are too common for the web and are never proposed.
    """
    if count > 1 and len(WORD.findall(quote)) >= count * shortest:
        longest = max(shortest, min(longest, len(WORD.findall(quote)) // count))  # room for all
    scored = sorted(_runs(quote, shortest, longest, target), key=lambda t: (-t[0], t[1]))
    chosen: list[tuple[int, int, list[str]]] = []
    for _score, start, run in scored:
        if all(start + len(run) <= s or e <= start for s, e, _ in chosen):
            chosen.append((start, start + len(run), run))
            if len(chosen) == count:
                break
    return [" ".join(run) for _, _, run in chosen]


def distinctive_phrase(quote: str, shortest: int = 6, longest: int = 10, target: int = 8) -> str:
    """The run of 6-10 words of the quote that an exact-phrase search would find it by ("" when
    no sentence of the quote has six words)."""
    runs = phrases(quote, 1, shortest, longest, target)
    return runs[0] if runs else ""


def search_plan(attr: Attribution, registry: Registry) -> tuple[str, ...]:
    """The queries a search back-end would send for this quote, in order, in words (for a
    report when no search ran): exactly what `build_queries` gives a back-end."""
    return tuple(q.describe() for q in build_queries(attr, registry))

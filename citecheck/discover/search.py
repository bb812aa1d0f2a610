"""Finding the sources a draft does not link: queries, back-ends, rate limits, merging.

Most quotes in a draft carry no link. Search back-ends (GDELT, the Internet Archive, SearXNG, Brave,
Media Cloud; `citecheck.discover.backends`) each turn a `SearchQuery` into a few HTTP requests and
the answers into `SearchHit`s. This module owns what they share: the queries built from an
attribution, per-host token buckets so a run never outpaces an API's published rate, one error
type, and the merge that turns every back-end's hits into ranked, de-duplicated `Candidate`s.
A back-end that fails, times out or is not configured becomes a reason string, never an exception.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import json
import os
import re
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, ClassVar

import httpx
from vcr.errors import CannotOverwriteExistingCassetteException

from citecheck.cache import AnswerCache
from citecheck.discover.links import canonical_url, is_http_url
from citecheck.discover.registry import (
    _STOP,
    _WORD,
    distinctive_phrase,
    expected_language,
    outlet_for,
)
from citecheck.model import Attribution, Candidate, FactCheck
from citecheck.outlets import Outlet, Registry

# --- queries ----------------------------------------------------------------------------------


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
_DAY_SLACK = timedelta(days=2)  # a story often runs the day after the words were said


def date_window(hint: str | None) -> tuple[date | None, date | None]:
    """The dates a date hint stands for: "2013" is the year, "March 2025" the month, a full date
    that day give or take two days. A hint without a year ("March 11") gives no window."""
    if not hint:
        return None, None
    try:
        if m := _ISO_DAY.search(hint):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day - _DAY_SLACK, day + _DAY_SLACK
        for pattern, order in ((_DAY_MONTH_YEAR, (1, 2, 3)), (_MONTH_DAY_YEAR, (2, 1, 3))):
            m = pattern.search(hint)
            if m and m[order[1]].lower() in _MONTHS:
                day = date(int(m[order[2]]), _MONTHS[m[order[1]].lower()], int(m[order[0]]))
                return day - _DAY_SLACK, day + _DAY_SLACK
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
    for i, word in enumerate(_WORD.findall(text)):
        key = word.lower()
        if key in _STOP or len(word) < 4 or key in seen:
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


def _quote_language(quote: str) -> str | None:
    if len(quote) < 40:
        return None
    from citecheck.language import detect  # py3langid loads lazily; only long quotes need it

    return detect(quote, min_confidence=0.95)


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
    quote_lang = _quote_language(attr.quote) if language else None
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


# --- hits and fact checks ---------------------------------------------------------------------


@dataclass(frozen=True)
class SearchHit:
    """One result of one back-end: a page that may hold the quote."""

    url: str
    title: str = ""
    backend: str = ""
    snippet: str = ""
    date: str | None = None  # ISO yyyy-mm-dd where the back-end gives one
    phrase_hit: bool = False  # the back-end matched the exact phrase (or its snippet shows it)
    archive_url: str | None = None  # raw Wayback capture, for hits that come from the archive


def phrase_in(phrase: str, *texts: str) -> bool:
    """True if `phrase` stands in one of `texts`, case, punctuation and spacing aside."""
    want = " ".join(w.lower() for w in _WORD.findall(phrase))
    return bool(want) and any(
        want in " ".join(w.lower() for w in _WORD.findall(t or "")) for t in texts
    )


def strip_tags(html: str) -> str:
    """Snippet text without the <strong> and other markup some APIs put in it."""
    return " ".join(re.sub(r"<[^>]*>", "", html or "").split())


# --- errors and rate limits -------------------------------------------------------------------


class BackendError(Exception):
    """A back-end could not answer: HTTP error, timeout, malformed JSON, rate limit, not applicable.

    `reason` is one line for the finding; it never holds a URL (keys travel in some URLs).
    """

    def __init__(self, reason: str, *, retry_after: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


@dataclass
class _Bucket:
    interval: float
    burst: int
    tat: float = 0.0  # theoretical arrival time of the next request (GCRA)
    not_before: float = 0.0  # a 429 pushed this out


class RateLimiter:
    """Per-host token buckets shared by a whole run.

    Each host gets a bucket of `burst` tokens refilled one every `interval` seconds (kept in the
    equivalent GCRA form, so waiting needs no lock and works across event loops). A 429 pauses the
    host (`defer`); a pause longer than `max_wait` fails at once instead of stalling the run, while
    requests queued behind the host's own spacing simply wait their turn.
    `clock` and `sleep` are injectable so tests advance a fake clock instead of sleeping.
    """

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
        enabled: bool = True,
    ):
        self.clock = clock
        self.sleep = sleep
        self.enabled = enabled
        self._buckets: dict[str, _Bucket] = {}
        self._down: dict[str, str] = {}  # host -> why it could not be reached in this run
        self._events: dict[str, asyncio.Event] = {}

    def mark_down(self, host: str, reason: str) -> None:
        """A host that cannot be reached is not asked again in this run: queued requests fail at
        once instead of each waiting out the host's spacing (minutes for GDELT's 5 s rule)."""
        self._down.setdefault(host, reason)
        if host in self._events:
            self._events[host].set()

    def _check_down(self, host: str) -> None:
        if host in self._down:
            raise BackendError(f"{host} unreachable earlier in this run ({self._down[host]})")

    def _bucket(self, host: str, interval: float, burst: int) -> _Bucket:
        if host not in self._buckets:
            self._buckets[host] = _Bucket(interval, max(1, burst))
        return self._buckets[host]

    def wait_for(self, host: str) -> float:
        """Seconds until `host` may be asked again (0 when it may be asked now)."""
        b = self._buckets.get(host)
        if b is None or not self.enabled:
            return 0.0
        now = self.clock()
        earliest = max(b.tat - (b.burst - 1) * b.interval, b.not_before)
        return max(0.0, earliest - now)

    async def acquire(
        self, host: str, interval: float = 1.0, *, burst: int = 1, max_wait: float = 60.0
    ) -> float:
        """Take a token for `host`, sleeping until one is free; returns the seconds waited."""
        self._check_down(host)
        if not self.enabled:
            return 0.0
        b = self._bucket(host, interval, burst)
        now = self.clock()
        pause = b.not_before - now  # a 429's pause; our own spacing is only ever queued for
        if pause > max_wait:
            raise BackendError(f"{host} asked for a pause; {pause:.0f} s left", retry_after=pause)
        tat = max(b.tat, now)
        start = max(now, tat - (b.burst - 1) * b.interval, b.not_before)
        wait = start - now
        b.tat = max(tat, start) + b.interval  # reserve before sleeping: no lock needed
        if wait > 0:
            event = self._events.setdefault(host, asyncio.Event())
            sleeper = asyncio.ensure_future(self.sleep(wait))
            down = asyncio.ensure_future(event.wait())
            await asyncio.wait({sleeper, down}, return_when=asyncio.FIRST_COMPLETED)
            for task in (sleeper, down):
                task.cancel()
            self._check_down(host)
        return wait

    def defer(self, host: str, seconds: float, interval: float = 1.0) -> None:
        """Ask nothing of `host` for `seconds` (a 429's Retry-After, or our own back-off)."""
        if self.enabled:
            b = self._bucket(host, interval, 1)
            b.not_before = max(b.not_before, self.clock() + max(0.0, seconds))


_SHARED: RateLimiter | None = None


def shared_limiter() -> RateLimiter:
    """The process-wide limiter back-ends use when none is given (one run, one set of buckets)."""
    global _SHARED
    if _SHARED is None:
        _SHARED = RateLimiter()
    return _SHARED


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds asked for by a Retry-After header (delta or HTTP date), if any."""
    value = response.headers.get("retry-after", "").strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, email.utils.parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


# --- the back-end interface -------------------------------------------------------------------


@dataclass(frozen=True)
class Call:
    """One GET a back-end makes: built without a client, so the cassette builder can list them."""

    url: str
    params: tuple[tuple[str, str], ...] = ()
    headers: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    @property
    def uri(self) -> str:
        """The request's full URL, exactly as httpx (and so a cassette) spells it."""
        return str(httpx.Request("GET", self.url, params=list(self.params)).url)

    @property
    def host(self) -> str:
        return httpx.URL(self.url).host


class Backend:
    """What every back-end shares: configuration from the environment, rate-limited JSON GETs.

    Subclasses set `name`, `keyless`, `env_vars`, `interval` (seconds between two requests to
    one host) and implement `calls()`; search back-ends also `parse()`.
    """

    name: ClassVar[str] = ""
    kind: ClassVar[str] = "search"  # "search" proposes sources; "factcheck" rates claims
    keyless: ClassVar[bool] = True
    env_vars: ClassVar[tuple[str, ...]] = ()  # required settings, in the order they are reported
    interval: ClassVar[float] = 1.0
    backoff_429: ClassVar[float] = 10.0  # pause after a 429 that gives no Retry-After
    max_retry_wait: ClassVar[float] = 30.0  # retry a 429 once if asked to wait no longer
    timeout: ClassVar[float] = 20.0
    description: ClassVar[str] = ""
    cache: AnswerCache | None = None  # answers kept on disk between runs (set per run)

    def __init__(self, env: Mapping[str, str] | None = None, *, limiter: RateLimiter | None = None):
        self.env: Mapping[str, str] = os.environ if env is None else env
        self.limiter = limiter or shared_limiter()

    def configured(self, env: Mapping[str, str] | None = None) -> str | None:
        """None when ready, else one line saying what is missing ("BRAVE_API_KEY not set")."""
        env = self.env if env is None else env
        for var in self.env_vars:
            if not env.get(var, "").strip():
                return f"{var} not set"
        return None

    def secrets(self) -> tuple[str, ...]:
        """Values that must never appear in a reason (API keys and tokens)."""
        return tuple(v for var in self.env_vars if len(v := self.env.get(var, "")) >= 6)

    def calls(self, query: SearchQuery) -> list[Call]:
        raise NotImplementedError

    def decode(self, response: httpx.Response) -> Any:
        """The JSON body; BackendError when it is not JSON."""
        try:
            return json.loads(response.text, strict=False)  # GDELT titles carry control chars
        except ValueError as exc:
            raise BackendError(f"malformed JSON from {response.url.host}: {exc}") from None

    def _redact(self, text: str) -> str:
        for secret in self.secrets():
            text = text.replace(secret, "***")
        return text

    async def get_json(self, call: Call, client: httpx.AsyncClient) -> Any:
        """GET `call` under the host's token bucket; one retry after a short enough 429."""
        host = call.host
        for attempt in (0, 1):
            request = client.build_request(
                "GET", call.url, params=list(call.params), headers=dict(call.headers),
                timeout=self.timeout,
            )  # fmt: skip
            if self.cache is not None and (kept := await self.cache.get(str(request.url))):
                with contextlib.suppress(BackendError):  # a bad entry: ask again
                    return self.decode(httpx.Response(200, content=kept, request=request))
            await self.limiter.acquire(host, self.interval, max_wait=self.max_retry_wait)
            try:
                response = await client.send(request)
            except CannotOverwriteExistingCassetteException:
                raise BackendError(f"the replay cassette holds no answer from {host}") from None
            except httpx.TimeoutException as exc:
                self.limiter.mark_down(host, f"timed out: {type(exc).__name__}")
                raise BackendError(f"{host} timed out ({type(exc).__name__})") from None
            except httpx.HTTPError as exc:
                why = self._redact(f"{type(exc).__name__}: {exc}".splitlines()[0])
                self.limiter.mark_down(host, why)
                raise BackendError(f"cannot reach {host}: {why}") from None
            if response.status_code == 429:
                asked = _retry_after(response)
                wait = self.backoff_429 if asked is None else asked
                self.limiter.defer(host, min(wait, 3600.0), self.interval)
                if attempt == 0 and wait <= self.max_retry_wait:
                    continue
                said = f"Retry-After {asked:.0f} s" if asked is not None else "no Retry-After"
                raise BackendError(f"rate limited by {host} (HTTP 429, {said})", retry_after=wait)
            if not 200 <= response.status_code < 300:
                raise BackendError(self._redact(_http_error(response)))
            data = self.decode(response)
            if self.cache is not None:
                await self.cache.put(str(request.url), response.content)
            return data
        raise AssertionError("unreachable")  # pragma: no cover

    async def probe(self, client: httpx.AsyncClient) -> None:
        """One small request that shows the back-end answers; BackendError when it does not."""
        for call in self.calls(SearchQuery(loose="weather forecast", max_results=1))[:1]:
            await self.get_json(call, client)


class SearchBackend(Backend):
    """A back-end that proposes pages: `search()` runs every call and parses the answers."""

    def parse(self, query: SearchQuery, call: Call, data: Any) -> list[SearchHit]:
        raise NotImplementedError

    async def search(self, query: SearchQuery, client: httpx.AsyncClient) -> list[SearchHit]:
        """Hits for `query`, best first as the back-end ranks them; BackendError on failure."""
        hits: list[SearchHit] = []
        for call in self.calls(query):
            data = await self.get_json(call, client)
            try:
                hits.extend(self.parse(query, call, data))
            except (AttributeError, KeyError, TypeError, ValueError) as exc:
                raise BackendError(f"unexpected answer from {call.host}: {exc!r}") from None
        good = [h for h in hits if is_http_url(h.url)]
        return good[: max(0, query.max_results)]


def _http_error(response: httpx.Response) -> str:
    """`HTTP 403 Forbidden: <the API's own message>` in one line."""
    head = f"HTTP {response.status_code} {response.reason_phrase}".rstrip()
    message = ""
    try:
        data = json.loads(response.text)
        if isinstance(data, dict):
            err = data.get("error")
            message = err.get("message", "") if isinstance(err, dict) else str(err or "")
            message = message or str(data.get("message") or data.get("detail") or "")
    except ValueError:
        message = strip_tags(response.text)
    message = " ".join(str(message).split())[:160]
    return f"{head} from {response.url.host}" + (f": {message}" if message else "")


# --- merging and ranking ----------------------------------------------------------------------

# Rank weights: the credited outlet's own page, the exact words seen, the right dates, agreement.
_OUTLET, _PHRASE, _DATE, _AGREE, _POSITION = 3.0, 2.0, 1.0, 0.5, 0.5


def _in_window(day: str | None, query: SearchQuery) -> bool | None:
    if not day or not (query.date_from and query.date_to):
        return None
    try:
        when = date.fromisoformat(day[:10])
    except ValueError:
        return None
    return query.date_from - _DAY_SLACK <= when <= query.date_to + _DAY_SLACK


def merge_hits(
    hits: Iterable[SearchHit],
    outlet: Outlet | None,
    query: SearchQuery | None = None,
    *,
    limit: int = 5,
) -> list[Candidate]:
    """One Candidate per canonical URL, best first, at most `limit`.

    Ranked by: on the credited outlet's domains, an exact-phrase hit, a date inside the draft's
    window, how many back-ends agree, and each back-end's own order. `detail` names the back-ends
    that proposed the page; a page only the archive lists has origin "archive".
    """
    groups: dict[str, list[tuple[int, SearchHit]]] = {}
    positions: dict[str, int] = {}
    for hit in hits:
        key = canonical_url(hit.url)
        n = positions[hit.backend] = positions.get(hit.backend, -1) + 1
        groups.setdefault(key, []).append((n, hit))
    ranked = []
    for key, found in groups.items():
        backends = list(dict.fromkeys(h.backend for _, h in found))
        score = _OUTLET if outlet is not None and outlet.owns(key) else 0.0
        score += _PHRASE if any(h.phrase_hit for _, h in found) else 0.0
        if query is not None:
            inside = [_in_window(h.date, query) for _, h in found]
            score += _DATE if True in inside else (-_DATE / 2 if False in inside else 0.0)
        score += _AGREE * (len(backends) - 1) + _POSITION / (1 + min(n for n, _ in found))
        live = [h for _, h in found if h.archive_url is None]
        url = (live or [h for _, h in found])[0].url.strip().split("#", 1)[0]
        origin = "search" if live else "archive"
        ranked.append(Candidate(url, origin, ",".join(backends), round(score, 6)))
    ranked.sort(key=lambda c: -c.rank)
    return ranked[: max(0, limit)]


# --- running the back-ends --------------------------------------------------------------------


async def discover_sources(
    attrs: Sequence[Attribution],
    registry: Registry,
    backends: Sequence[Backend],
    client: httpx.AsyncClient,
    *,
    max_per_quote: int = 5,
    source_texts: Mapping[str, str] | None = None,
) -> dict[str, tuple[list[Candidate], list[str]]]:
    """Search every checkable attribution on every search back-end, concurrently.

    Returns, per attribution id, its candidates (origin "search" or "archive", `detail` the
    back-end names) and one reason per back-end that failed or is not configured. Each back-end
    runs the queries of `build_queries` in order and stops at the first that finds anything;
    identical queries are asked once per call. Never raises for a back-end's failure.
    `source_texts`: attribution id -> the quote translated into its source's language.
    """
    searchers = [b for b in backends if isinstance(b, SearchBackend)]
    memo: dict[tuple[int, SearchQuery], asyncio.Future] = {}

    def run(backend: SearchBackend, query: SearchQuery) -> asyncio.Future:
        key = (id(backend), query)
        if key not in memo:
            memo[key] = asyncio.ensure_future(backend.search(query, client))
        return memo[key]

    async def one_backend(backend: SearchBackend, queries: list[SearchQuery]):
        why = backend.configured()
        if why:
            return [], f"{backend.name}: not configured ({why})"
        try:
            for query in queries:
                hits = await run(backend, query)
                if hits:
                    return hits, None
            return [], None
        except BackendError as exc:
            return [], f"{backend.name}: {exc.reason}"
        except Exception as exc:  # noqa: BLE001 - a broken back-end must not sink the run
            return [], f"{backend.name}: internal error: {type(exc).__name__}: {exc}"[:300]

    async def one_attr(attr: Attribution) -> tuple[list[Candidate], list[str]]:
        try:
            queries = build_queries(attr, registry, source_text=(source_texts or {}).get(attr.id))
        except Exception as exc:  # noqa: BLE001 - one quote never sinks the others
            return [], [f"search: cannot build a query: {type(exc).__name__}: {exc}"[:300]]
        if not queries or not searchers:
            return [], []
        results = await asyncio.gather(*(one_backend(b, queries) for b in searchers))
        hits = [h for found, _ in results for h in found]
        reasons = [why for _, why in results if why]
        outlet = outlet_for(attr, registry)
        return merge_hits(hits, outlet, queries[0], limit=max_per_quote), reasons

    try:
        done = await asyncio.gather(*(one_attr(a) for a in attrs))
    finally:
        for future in memo.values():
            if future.done() and not future.cancelled():
                future.exception()  # mark retrieved: failures were reported as reasons
    return {a.id: r for a, r in zip(attrs, done, strict=True)}


def fact_check_overlap(claim: str, query: SearchQuery) -> float:
    """Share of the query's rare words that the claim text holds (0..1)."""
    words = query.words()
    if not words:
        return 0.0
    have = {w.lower() for w in _WORD.findall(claim)}
    return sum(w in have for w in words) / len(words)


async def check_claims(
    attrs: Sequence[Attribution],
    registry: Registry,
    backends: Sequence[Backend],
    client: httpx.AsyncClient,
    *,
    min_overlap: float = 0.6,
) -> dict[str, tuple[list[FactCheck], list[str]]]:
    """Fact-checks of claims that hold the quote's words, per attribution id, plus reasons.

    Only fact-check back-ends are asked; a claim counts when it holds at least `min_overlap` of
    the quote's rare words (the claim search matches loosely). Never raises for a back-end.
    """
    checkers = [b for b in backends if b.kind == "factcheck"]
    out: dict[str, tuple[list[FactCheck], list[str]]] = {}
    for attr in attrs:
        queries = build_queries(attr, registry)
        found: list[FactCheck] = []
        reasons: list[str] = []
        if queries and checkers:
            query = SearchQuery(phrase=queries[0].phrase, max_results=10)
            for backend in checkers:
                why = backend.configured()
                if why:
                    reasons.append(f"{backend.name}: not configured ({why})")
                    continue
                try:
                    checks = await backend.claims(query, client)  # type: ignore[attr-defined]
                except BackendError as exc:
                    reasons.append(f"{backend.name}: {exc.reason}")
                    continue
                except Exception as exc:  # noqa: BLE001
                    reasons.append(f"{backend.name}: internal error: {type(exc).__name__}")
                    continue
                found += [c for c in checks if fact_check_overlap(c.claim, query) >= min_overlap]
        out[attr.id] = (list(dict.fromkeys(found)), reasons)
    return out


# --- choosing back-ends -----------------------------------------------------------------------


def parse_backend_names(value: str | Iterable[str] | None) -> list[str]:
    """`"gdelt, wayback"` or a list -> ["gdelt", "wayback"]; None -> the defaults."""
    from citecheck.discover.backends import DEFAULT

    if value is None:
        return list(DEFAULT)
    items = value.split(",") if isinstance(value, str) else list(value)
    return list(dict.fromkeys(n.strip().lower() for n in items if n.strip()))


def build_backends(
    names: str | Iterable[str] | None,
    env: Mapping[str, str] | None = None,
    *,
    limiter: RateLimiter | None = None,
) -> list[Backend]:
    """Instances of the named back-ends sharing one limiter; ValueError for an unknown name."""
    from citecheck.discover.backends import BACKENDS

    chosen = parse_backend_names(names)
    unknown = [n for n in chosen if n not in BACKENDS]
    if unknown:
        raise ValueError(
            f"unknown search back-end {', '.join(unknown)} (choose from {', '.join(BACKENDS)})"
        )
    shared = limiter or RateLimiter()
    return [BACKENDS[n](env, limiter=shared) for n in chosen]


def available_backends(
    env: Mapping[str, str] | None = None, config_names: str | Iterable[str] | None = None
) -> list[tuple[str, str]]:
    """Every known back-end with its status, for `citecheck backends`.

    Status is "enabled", "available" (configured, not selected), "not configured: <why>" (with
    " (selected)" when chosen anyway), or "unknown back-end" for a chosen name nobody knows.
    """
    from citecheck.discover.backends import BACKENDS

    chosen = parse_backend_names(config_names)
    rows = []
    for name, cls in BACKENDS.items():
        why = cls(env).configured()
        if why:
            status = f"not configured: {why}" + (" (selected)" if name in chosen else "")
        else:
            status = "enabled" if name in chosen else "available"
        rows.append((name, status))
    rows += [(n, "unknown back-end") for n in chosen if n not in BACKENDS]
    return rows


async def probe_backends(
    backends: Sequence[Backend], client: httpx.AsyncClient
) -> list[tuple[str, str]]:
    """(name, "reachable" | "not configured: ..." | "unreachable: ...") per back-end.

    One small request each, for `citecheck backends --check`.
    """

    async def one(backend: Backend) -> tuple[str, str]:
        why = backend.configured()
        if why:
            return backend.name, f"not configured: {why}"
        try:
            await backend.probe(client)
        except BackendError as exc:
            return backend.name, f"unreachable: {exc.reason}"
        except Exception as exc:  # noqa: BLE001
            return backend.name, f"unreachable: {type(exc).__name__}"
        return backend.name, "reachable"

    return list(await asyncio.gather(*(one(b) for b in backends)))

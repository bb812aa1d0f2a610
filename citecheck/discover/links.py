"""URLs the reporter gave: links in the draft near a quote, and the `--sources` list."""

from __future__ import annotations

import re
import threading
import weakref
from bisect import bisect_left, bisect_right
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from ..errors import InputError
from ..model import Attribution, Document, Link, Span
from ..text.sentences import split_sentences

# Query parameters that only track the click; dropping them makes one article one URL.
_TRACKING = re.compile(
    r"utm_\w*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_hsenc|_hsmi"
    r"|mkt_tok|ref_src|ref_url|smid|cmpid|ocid|__twitter_impression",
    re.IGNORECASE,
)
_DEFAULT_PORT = {"http": 80, "https": 443}


def is_http_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
        return (
            parts.scheme.lower() in _DEFAULT_PORT
            and bool(parts.hostname)
            and not re.search(r"\s", url)
        )
    except ValueError:
        return False


def canonical_url(url: str) -> str:
    """One spelling per address, so a link and a `--sources` line for the same page meet.

    Lower-cases scheme and host, drops the fragment, tracking parameters (utm_*, fbclid...), a
    default port and a trailing slash; keeps the rest of the query as written.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    netloc = f"[{host}]" if ":" in host else host
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is not None and port != _DEFAULT_PORT.get(scheme):
        netloc += f":{port}"
    if "@" in parts.netloc:
        netloc = parts.netloc.rsplit("@", 1)[0] + "@" + netloc
    path = parts.path.rstrip("/") or "/"
    query = "&".join(
        p
        for p in parts.query.split("&")
        if p and not _TRACKING.fullmatch(unquote(p.split("=", 1)[0]))
    )
    return urlunsplit((scheme, netloc, path, query, ""))


MAX_SOURCES_BYTES = 1_000_000


def load_sources_file(path: str | Path) -> list[str]:
    """The reporter's source list: one URL a line; blank lines and `#` comments are skipped.

    InputError, naming the file (and line), for a file that is missing, not a regular file,
    over 1 MB, not UTF-8 text, or holds a line that is not an http(s) URL."""
    p = Path(path)
    try:
        if not p.is_file():
            what = "no such file" if not p.exists() else "not a regular file"
            raise InputError(f"{path}: {what}")
        with p.open("rb") as fh:
            data = fh.read(MAX_SOURCES_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_SOURCES_BYTES:
        raise InputError(f"{path}: larger than {MAX_SOURCES_BYTES // 1_000_000} MB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not a UTF-8 text file of URLs") from None
    urls = []
    for number, line in enumerate(text.splitlines(), 1):
        line = re.sub(r"(^|\s)#.*", "", line).strip()
        if not line:
            continue
        if not is_http_url(line):
            raise InputError(f"{path}:{number}: not an http(s) URL: {line[:80]!r}")
        urls.append(line)
    return urls


# A quote's window is its paragraph(s) and a sentence either side; in a paragraph longer than
# this (a PDF paste or a feed with no blank lines) it is the quote's sentences and one either side.
MAX_WINDOW = 4000


class _Index:
    """What every quote's window reads, worked out once per draft: the sentences of each
    paragraph and the links in order. A window is then found by bisection, so all the quotes of
    a draft cost time linear in its length, never a re-split of the draft per quote."""

    def __init__(self, doc: Document) -> None:
        n = len(doc.text)
        self.paragraphs = doc.paragraphs or ((0, n),)
        self.sentences: list[Span] = [
            (p0 + s.span[0], p0 + s.span[1])
            for p0, p1 in self.paragraphs
            for s in split_sentences(doc.text[p0:p1])
        ]
        self.sentence_starts = [s[0] for s in self.sentences]
        self.sentence_ends = [s[1] for s in self.sentences]
        self.links = sorted(doc.links, key=lambda link: link.span)
        self.link_starts = [link.span[0] for link in self.links]
        self.longest_link = max((link.span[1] - link.span[0] for link in self.links), default=0)

    def links_in(self, lo: int, hi: int) -> list[Link]:
        """The links that overlap the raw span [lo, hi)."""
        first = bisect_left(self.link_starts, lo - self.longest_link)
        last = bisect_left(self.link_starts, hi)
        return [link for link in self.links[first:last] if link.span[1] > lo]


_INDEXES: dict[int, tuple[weakref.ref, _Index]] = {}
# `citecheck batch` plans drafts in several threads of one worker: the table is shared, so
# looking it up and sweeping it must not interleave ("dictionary changed size during
# iteration" cost an article its findings)
_INDEXES_LOCK = threading.Lock()


def _index(doc: Document) -> _Index:
    """The draft's index, kept while the Document lives (keyed by identity: hashing a Document
    would read all its links per quote)."""
    with _INDEXES_LOCK:
        entry = _INDEXES.get(id(doc))
        if entry is not None and entry[0]() is doc:
            return entry[1]
        for key in [k for k, (ref, _) in _INDEXES.items() if ref() is None]:
            del _INDEXES[key]
    index = _Index(doc)  # built outside the lock: another draft's lookup need not wait
    with _INDEXES_LOCK:
        _INDEXES[id(doc)] = (weakref.ref(doc), index)
    return index


def _window(doc: Document, span: Span) -> Span:
    """The quote's paragraph(s), widened to the sentence before and the sentence after (which
    may stand in the paragraph before or after); in an overlong paragraph, the quote's own
    sentences and one either side."""
    index = _index(doc)
    n = len(doc.text)
    start, end = max(0, min(span[0], n)), max(0, min(span[1], n))
    paragraphs = index.paragraphs
    first = max(0, bisect_right(paragraphs, (start, n + 1)) - 1)
    last = first
    while last + 1 < len(paragraphs) and paragraphs[last + 1][0] < end:
        last += 1
    lo, hi = min(start, paragraphs[first][0]), max(end, paragraphs[last][1])
    near_lo = paragraphs[max(0, first - 1)][0]
    near_hi = paragraphs[min(len(paragraphs) - 1, last + 1)][1]
    sentences = index.sentences
    i = bisect_right(index.sentence_ends, start) - 1  # the last sentence that ends before
    j = bisect_left(index.sentence_starts, end)  # the first that starts after
    before = sentences[i] if i >= 0 and sentences[i][0] >= near_lo else None
    after = sentences[j] if j < len(sentences) and sentences[j][1] <= near_hi else None
    if hi - lo > MAX_WINDOW:
        lo, hi = start, end
        k = bisect_right(index.sentence_starts, start) - 1  # the sentence the quote starts in
        if k >= 0 and sentences[k][1] > start:
            lo = min(lo, sentences[k][0])
    if before:
        lo = min(lo, before[0])
    if after:
        hi = max(hi, after[1])
    return lo, hi


def links_near(doc: Document, attr: Attribution) -> list[tuple[Link, int]]:
    """Draft links in the quote's paragraph or the sentence either side, nearest first.

    Each comes with its distance in characters from the quote (0 when inside or touching it).
    """
    lo, hi = _window(doc, attr.text_span)
    raw_lo, raw_hi = doc.raw_span(lo, hi) if doc.text else (0, len(doc.raw))
    q0, q1 = attr.span
    near = [
        (link, max(0, link.span[0] - q1, q0 - link.span[1]))
        for link in _index(doc).links_in(raw_lo, raw_hi)
    ]
    return sorted(near, key=lambda pair: pair[1])

"""URLs the reporter gave: links in the draft near a quote, and the `--sources` list."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

from citecheck.model import Attribution, Document, Link, Span

# Query parameters that only track the click; dropping them makes one article one URL.
_TRACKING = re.compile(
    r"utm_\w*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_hsenc|_hsmi"
    r"|mkt_tok|ref_src|ref_url|smid|cmpid|ocid|__twitter_impression",
    re.IGNORECASE,
)
_DEFAULT_PORT = {"http": 80, "https": 443}
# A sentence ends at . ! ? … (and any closing quotes), before a space and a capital or digit.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+(?=[\"'“‘«(\[]?\w)")


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


def load_sources_file(path: str | Path) -> list[str]:
    """The reporter's source list: one URL a line; blank lines and `#` comments are skipped."""
    urls = []
    text = Path(path).read_text(encoding="utf-8-sig")
    for number, line in enumerate(text.splitlines(), 1):
        line = re.sub(r"(^|\s)#.*", "", line).strip()
        if not line:
            continue
        if not is_http_url(line):
            raise ValueError(f"{path}:{number}: not an http(s) URL: {line[:80]!r}")
        urls.append(line)
    return urls


def _sentences(text: str, span: Span) -> list[Span]:
    start, end = span
    spans, at = [], start
    for m in _SENTENCE_END.finditer(text, start, end):
        spans.append((at, m.start() + len(m.group().rstrip())))
        at = m.end()
    if at < end:
        spans.append((at, end))
    return spans


def _window(doc: Document, span: Span) -> Span:
    """The quote's paragraph(s), widened to the sentence before and the sentence after."""
    n = len(doc.text)
    start, end = max(0, min(span[0], n)), max(0, min(span[1], n))
    paragraphs = doc.paragraphs or ((0, n),)
    lo, hi = start, end
    for p0, p1 in paragraphs:
        if p0 <= start < p1 or p0 < end <= p1 or (start <= p0 and p1 <= end):
            lo, hi = min(lo, p0), max(hi, p1)
    sentences = [s for p in paragraphs for s in _sentences(doc.text, p)]
    first = next((i for i, s in enumerate(sentences) if s[1] > start), len(sentences))
    last = max((i for i, s in enumerate(sentences) if s[0] < end), default=-1)
    if first > 0 and sentences:
        lo = min(lo, sentences[first - 1][0])
    if last + 1 < len(sentences):
        hi = max(hi, sentences[last + 1][1])
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
        for link in doc.links
        if link.span[0] < raw_hi and link.span[1] > raw_lo
    ]
    return sorted(near, key=lambda pair: pair[1])

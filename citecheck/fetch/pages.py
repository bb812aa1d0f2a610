"""Page bytes to text and metadata: HTML (trafilatura + an lxml safety net), PDF, plain.

Pure functions, no I/O: the fetcher hands over bytes and headers, the matcher reads `Page.text`.
Paragraphs in `Page.text` are separated by a blank line.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import re

import trafilatura
from htmldate import find_date
from lxml import etree
from lxml.html import HTMLParser, document_fromstring
from pypdf import PdfReader

from ..model import Page
from ..text.encoding import decode

log = logging.getLogger(__name__)

# Characters that are invisible on screen but break substring matching.
# Soft hyphens, zero-width spaces and joiners, BOM: deleted with a regex (str.translate with a
# dict costs a Python lookup per character: 1.4 ms on a 20 KB page, the regex 0.1-0.2 ms), and
# only when `in` (a C scan, microseconds) finds one: most pages have none.
_INVISIBLE_CHARS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]+")
_WS = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "figcaption", "pre", "dd")
_DROP = ("script", "style", "noscript", "template", "svg", "iframe", "form", "button", "select")
# Page furniture: blocks inside these are never article text.
_FURNITURE_TAGS = frozenset({"header", "footer", "nav", "aside", "form"})
_FURNITURE_NAMES = re.compile(
    r"cookie|consent|gdpr|banner|newsletter|subscri|promo|advert|social|share|related|sidebar"
    r"|menu|breadcrumb|paywall|modal|popup|footer|masthead|navigation|navbar|(?<![a-z])ads?(?![a-z])",
    re.I,
)
_DATE_PARAMS = {"original_date": True, "extensive_search": False}
# Below this many characters trafilatura's text is treated as a miss and the fallback takes over.
_MIN_MAIN_TEXT = 200
# Fallback paragraphs shorter than this many words are not appended (menus, bylines, buttons).
_MIN_EXTRA_WORDS = 6


def parse_page(
    url: str,
    body: bytes,
    content_type: str | None,
    *,
    final_url: str | None = None,
    http_status: int = 200,
    content_language: str | None = None,
) -> Page:
    """Turn a fetched body into a `Page`: status "ok" with text, or why not."""
    mime, charset = _split_content_type(content_type)
    base = {"url": url, "final_url": final_url or url, "http_status": http_status}
    kind = _kind(mime, body)
    try:
        if kind == "pdf":
            return _parse_pdf(body, base)
        if kind == "html":
            return _parse_html(body, charset, content_language, base)
        if kind == "json":
            text = decode_text(body, charset)
            try:
                text = json.dumps(json.loads(text), indent=2, ensure_ascii=False)
            except ValueError:
                pass
            return _text_page(text, base, language=_lang(content_language))
        if kind == "text":
            return _text_page(decode_text(body, charset), base, language=_lang(content_language))
    except Exception as exc:  # a broken page must not sink the run
        log.debug("parse failed for %s", url, exc_info=True)
        return Page(status="error", reason=f"could not read the {kind} body: {exc}", **base)
    return Page(status="not_text", reason=f"content type {mime or 'unknown'} is not text", **base)


def _split_content_type(content_type: str | None) -> tuple[str, str | None]:
    if not content_type:
        return "", None
    mime, _, params = content_type.partition(";")
    m = re.search(r"charset\s*=\s*[\"']?([^\"';\s]+)", params, re.I)
    return mime.strip().lower(), (m.group(1) if m else None)


def _kind(mime: str, body: bytes) -> str:
    """Classify by content type, sniffing the bytes when the type is missing or generic."""
    head = body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if mime == "application/pdf" or body[:5] == b"%PDF-":
        return "pdf"
    if mime in ("text/html", "application/xhtml+xml"):
        return "html"
    if mime == "application/json" or mime.endswith("+json"):
        return "json"
    if mime.startswith("text/"):
        return "text"
    if mime in ("", "application/octet-stream", "binary/octet-stream"):
        if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
            return "html"
        if mime == "" and b"\x00" not in body[:4096]:
            return "text"
    return "other"


def decode_text(body: bytes, declared: str | None = None, *, sniff_meta: bool = False) -> str:
    """Decode bytes, trusting clean UTF-8 over any label (a wrong `iso-8859-1` header is common);
    `sniff_meta` also reads an HTML page's own `<meta charset>` (see `citecheck.text.encoding`)."""
    got = decode(body, declared, html=sniff_meta)
    return got.text if got is not None else body.decode("utf-8", errors="replace")


def _visible(text: str) -> str:
    """`text` without invisible characters."""
    if any(c in text for c in _INVISIBLE_CHARS):
        return _INVISIBLE.sub("", text)
    return text


def _clean(text: str) -> str:
    """Drop invisible characters, tidy spaces, and separate paragraphs by one blank line."""
    text = _visible(text)
    lines = (" ".join(line.split()) for line in text.splitlines())  # str.split: C speed
    return "\n\n".join(line for line in lines if line)


def _text_page(text: str, base: dict, **meta) -> Page:
    text = _clean(text)
    if not text:
        return Page(status="empty", reason="the page holds no readable text", **base)
    return Page(status="ok", text=text, **base, **meta)


def _lang(value: str | None) -> str | None:
    """Normalise "en-US", "en_GB", "EN" to a two-letter code; None for anything else."""
    if not value:
        return None
    code = re.split(r"[-_,;\s]", value.strip(), maxsplit=1)[0].lower()
    return code if len(code) == 2 and code.isalpha() else None


def _parse_pdf(body: bytes, base: dict) -> Page:
    reader = PdfReader(io.BytesIO(body))
    text = "\n\n".join((page.extract_text() or "").strip() for page in reader.pages)
    title = None
    try:
        title = (reader.metadata.title or None) if reader.metadata else None
    except Exception:  # metadata is optional and often malformed
        pass
    if not text.strip():
        return Page(status="empty", reason="the PDF holds no extractable text (scanned?)", **base)
    # Keep pypdf's lines; only collapse runs of spaces. Pages are separated by a blank line.
    text = "\n\n".join(
        "\n".join(_WS.sub(" ", ln).strip() for ln in _visible(chunk).splitlines())
        for chunk in text.split("\n\n")
    ).strip()
    return Page(status="ok", text=text, title=title, **base)


def _parse_html(body: bytes, charset: str | None, content_language: str | None, base: dict) -> Page:
    html = decode_text(body, charset, sniff_meta=True)
    tree = _tree(html)
    if tree is None:
        return Page(status="empty", reason="the page holds no readable text", **base)
    doc = None
    try:
        # One parse serves both readers: trafilatura copies the tree it is handed.
        doc = trafilatura.bare_extraction(
            tree,
            url=base["final_url"],
            include_comments=False,
            include_tables=True,
            favor_recall=True,
            # Title, date and language come from the page's own tags (_meta, which the
            # fallback reads anyway); trafilatura's metadata pass cost 60% of its time.
            with_metadata=False,
        )
    except Exception:  # trafilatura can choke on odd markup; the fallback still reads it
        log.debug("trafilatura failed on %s", base["url"], exc_info=True)
    main = _untable(getattr(doc, "text", None) or "")
    meta = _meta(tree)
    # htmldate reads JSON-LD scripts, which _blocks strips: ask it first (it copies the tree).
    date = meta.get("date") or _markup_date(tree)
    all_blocks, blocks = _blocks(tree)
    if len(main) < _MIN_MAIN_TEXT:
        # No article found: the page's own text blocks, menus and banners left out when that
        # leaves anything.
        fallback = "\n".join(blocks) or "\n".join(all_blocks)
        text = fallback if len(fallback) > len(main) else main
    else:
        # The matcher only sees Page.text, so keep article sentences trafilatura left out
        # (captions, embedded posts, paragraphs with odd markup) by appending them.
        seen = _norm(main)
        extra = [b for b in blocks if len(b.split()) >= _MIN_EXTRA_WORDS and _norm(b) not in seen]
        text = "\n".join([main, *extra])
    title = meta.get("title")
    language = _lang(meta.get("lang")) or _lang(content_language) or _lang(meta.get("locale"))
    return _text_page(text, base, title=title, date=date, language=language)


def _tree(html: str):
    """The page's lxml tree, comments and processing instructions left out; None when empty.

    Parsed from UTF-8 bytes: lxml refuses a str that carries an XML encoding declaration."""
    parser = HTMLParser(
        collect_ids=False,
        default_doctype=False,
        remove_comments=True,
        remove_pis=True,
        encoding="utf-8",
    )
    try:
        return document_fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, ValueError):  # "Document is empty"
        return None


def _markup_date(tree) -> str | None:
    """The publication date from markup htmldate understands (<time>, JSON-LD, the URL), only
    for pages whose meta tags give none. No extensive search: it runs regexes over the whole
    text and cost over half the parse time of a long page."""
    try:
        return find_date(tree, **_DATE_PARAMS, max_date=dt.date.today().isoformat())
    except Exception:  # a date is a nicety; never fail a page over it
        return None


def _untable(text: str) -> str:
    """trafilatura writes tables as Markdown rows; keep the cells as plain words."""
    out = []
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("|") and s.endswith("|"):
            cells = [c.strip() for c in s.strip("|").split("|")]
            if all(set(c) <= set("-: ") for c in cells):
                continue  # the |---|---| separator row
            line = " ".join(c for c in cells if c)
        out.append(line)
    return "\n".join(out)


def _norm(text: str) -> str:
    return " ".join(_visible(text).split()).casefold()


def _blocks(tree) -> tuple[list[str], list[str]]:
    """Visible text of the innermost text blocks (paragraphs, headings, quotes, list items):
    all of them, and those outside page furniture (menus, cookie banners, footers, sidebars).
    Changes the tree (scripts and forms go), so it runs after trafilatura has taken its copy."""
    etree.strip_elements(tree, *_DROP, with_tail=False)
    for br in tree.iter("br"):
        br.tail = " " + (br.tail or "")  # "a<br>b" reads as two words, not "ab"
    out, content, seen = [], [], set()
    for el in tree.iter(*_BLOCKS):
        if next(el.iterdescendants(*_BLOCKS), None) is not None:
            continue  # its inner blocks are read on their own
        text = " ".join("".join(el.itertext()).split())
        if text and text not in seen:
            seen.add(text)
            out.append(text)
            if not _furniture(el):
                content.append(text)
    return out, content


def _furniture(el) -> bool:
    """Inside a header, footer, nav, aside or form, or a box named like a banner or a menu;
    an <article> or <main> on the way up vouches for its content."""
    node = el
    while node is not None:
        name = node.tag if isinstance(node.tag, str) else None
        if name in ("article", "main", "body", "html", None):
            return False
        if name in _FURNITURE_TAGS:
            return True
        label = " ".join(filter(None, (node.get("class"), node.get("id"), node.get("role"))))
        if label.strip() and _FURNITURE_NAMES.search(label):
            return True
        node = node.getparent()
    return False


def _meta(tree) -> dict[str, str]:
    """Title, date and language hints from <html lang>, <title> and <meta> tags."""
    meta: dict[str, str] = {}
    if tree.get("lang"):
        meta["lang"] = tree.get("lang")
    for tag in tree.iter("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").lower()
        value = (tag.get("content") or "").strip()
        if not value:
            continue
        if key == "og:title":
            meta.setdefault("title", value)
        elif key in ("article:published_time", "datepublished", "dc.date", "date"):
            meta.setdefault("date", value[:10])
        elif key == "og:locale":
            meta.setdefault("locale", value)
        elif (tag.get("http-equiv") or "").lower() == "content-language":
            meta.setdefault("locale", value)
    if "title" not in meta:
        title = next(tree.iter("title"), None)
        text = " ".join(title.text_content().split()) if title is not None else ""
        if text:
            meta["title"] = text
    return meta

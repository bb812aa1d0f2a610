"""Load drafts (plain text, Markdown, HTML) into a `Document`.

The analysis text is what later stages read: markup stripped, lines broken by a PDF re-joined into
sentences, paragraphs separated by a blank line. Every character of it keeps the offset of the
input character it came from, so spans found in the analysis text map back onto the file as read.
"""

from __future__ import annotations

import html
import re
import stat
import statistics
from bisect import bisect_left, bisect_right
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

from bs4.dammit import EncodingDetector

from .errors import InputError
from .model import Document, Link, Span
from .text.encoding import Decoded
from .text.encoding import decode as decode_bytes
from .text.offsets import TextBuilder

MAX_DRAFT_BYTES = 20_000_000


def decode(data: bytes, name: str = "input") -> Decoded:
    """Decode a draft's bytes (`citecheck.text.encoding`); refuse binary files with a clear
    message. The result's `note` says what was repaired or guessed."""
    if len(data) > MAX_DRAFT_BYTES:
        raise InputError(f"{name}: larger than {MAX_DRAFT_BYTES // 1_000_000} MB")
    body, bom = EncodingDetector.strip_byte_order_mark(data)
    if not bom and b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, not a text draft")
    got = decode_bytes(data)
    if got is None and bom:
        what = bom.upper().replace("LE", "").replace("BE", "").rstrip("-")
        raise InputError(f"{name}: not valid {what} despite its byte-order mark")
    if got is None:
        raise InputError(f"{name}: not a text file (could not determine its encoding)")
    if bom and "\x00" in got.text[:4096]:
        raise InputError(f"{name}: looks like a binary file, not a text draft")
    return got


def detect_format(path: str, raw: str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in (".md", ".markdown", ".mdown", ".mkd"):
        return "markdown"
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".txt", ".text", ""):
        head = raw[:2000].lstrip().lower()
        if head.startswith(("<!doctype html", "<html")):
            return "html"
        return "text"
    return "text"


def load(path: str | Path) -> Document:
    """Read and load a draft file. Raises InputError with a one-line message."""
    p = Path(path)
    try:
        mode = p.stat().st_mode
        if stat.S_ISDIR(mode):
            raise InputError(f"{path}: is a directory, not a draft")
        if not stat.S_ISREG(mode):
            # A FIFO would block the run and /dev/zero never ends: only regular files are read.
            raise InputError(f"{path}: not a regular file (a device, pipe or socket)")
        with p.open("rb") as fh:
            data = fh.read(MAX_DRAFT_BYTES + 1)  # one byte over tells "too large" without more
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if data.startswith(b"%PDF-") or p.suffix.lower() == ".pdf":
        raise InputError(f"{path}: a PDF file; paste or save its text as .txt and check that")
    got = decode(data, str(path))
    raw = got.text
    if not raw.strip():
        raise InputError(f"{path}: the draft is empty")
    doc = load_text(raw, str(path), detect_format(str(path), raw))
    if got.note:
        doc = replace(doc, warnings=(f"{path}: {got.note}",))
    return doc


def load_text(raw: str, path: str = "<text>", fmt: str | None = None) -> Document:
    """Load a draft given as a string."""
    fmt = fmt or detect_format(path, raw)
    if fmt == "html":
        return _load_html(raw, path)
    if fmt == "markdown":
        return _load_markdown(raw, path)
    return _load_plain(raw, path)


# --- plain text (and the paragraph logic Markdown shares) -------------------------------------

_TERMINAL = re.compile(r"[.!?:;…]['\"’”»)\]]*\s*$")
_SENTENCE_END = re.compile(r"[.!?]['\"’”»)\]]*\s*$")
_LINE = re.compile(r"[^\n]*\n?")


def _lines(raw: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each line's content in raw[start:end], without the newline."""
    end = len(raw) if end is None else end
    out = []
    pos = start
    while pos < end:
        nl = raw.find("\n", pos, end)
        stop = end if nl < 0 else nl
        out.append((pos, stop))
        pos = stop + 1
    return out


def _blocks(raw: str, lines: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Group lines into blocks separated by blank lines."""
    blocks: list[list[tuple[int, int]]] = []
    cur: list[tuple[int, int]] = []
    for s, e in lines:
        if raw[s:e].strip():
            cur.append((s, e))
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    return blocks


def _is_pdf_paste(raw: str, blocks: list[list[tuple[int, int]]]) -> tuple[bool, float]:
    """A PDF paste puts every printed line in its own block; most end mid-sentence."""
    singles = [b[0] for b in blocks if len(b) == 1]
    if len(blocks) < 6 or len(singles) < 0.8 * len(blocks):
        return False, 0.0
    open_ended = sum(1 for s, e in singles if not _SENTENCE_END.search(raw[s:e]))
    if open_ended < 0.4 * len(singles):
        return False, 0.0
    width = statistics.median(len(raw[s:e].strip()) for s, e in singles)
    return True, width


def _load_plain(raw: str, path: str) -> Document:
    b = TextBuilder()
    lines = _lines(raw)
    blocks = _blocks(raw, lines)
    pdf, width = _is_pdf_paste(raw, blocks)
    prev_block_end: int | None = None
    prev_text = ""
    for block in blocks:
        first_s, first_e = block[0]
        if prev_block_end is not None:
            if _soft_break(prev_text, raw[first_s:first_e], pdf, width):
                if not (_WORD_SPLIT.search(prev_text) and raw[first_s : first_s + 1].islower()):
                    b.space(prev_block_end)
            else:
                b.end_paragraph(prev_block_end)
        for i, (s, e) in enumerate(block):
            if i:
                end = block[i - 1][1]
                split = _WORD_SPLIT.search(raw, max(0, end - 8), end) and raw[s : s + 1].islower()
                if not split:
                    b.space(end)  # a line wrap is a space; "lis-" + "tened" is one word
            ls, le = _strip(raw, s, e)
            b.copy(raw, ls, le)
        prev_block_end = block[-1][1]
        prev_text = raw[block[-1][0] : block[-1][1]]
    text, offsets, paragraphs = b.finish(len(raw))
    return Document(path, raw, text, offsets, paragraphs, tuple(_bare_links(raw)), "text")


# a word split across lines by a hyphen ("lis-\ntened"): joined with its hyphen, which the
# matcher ignores (it cannot tell "lis-tened" from "well-known" without a dictionary)
_WORD_SPLIT = re.compile(r"[a-z]-[ \t\r]*\Z")


def _soft_break(prev: str, nxt: str, pdf: bool, width: float) -> bool:
    """Is the blank line between two blocks a line wrap (True) rather than a paragraph break?"""
    if not pdf:
        return False
    p = prev.rstrip()
    if not _TERMINAL.search(p):
        # a sentence cut by the page layout, unless it is a short heading line
        return not (len(p.strip()) < 0.6 * width and nxt.strip()[:1].isupper())
    # a full-width line that ends a sentence is usually still mid-paragraph
    return len(p.strip()) >= 0.85 * width and not nxt[:1].isspace()


def _strip(raw: str, s: int, e: int) -> tuple[int, int]:
    while s < e and raw[s] in " \t\r\f\v":
        s += 1
    while e > s and raw[e - 1] in " \t\r\f\v":
        e -= 1
    return s, e


_BARE_URL = re.compile(r"\bhttps?://[^\s<>\"'“”‘’\])]+", re.IGNORECASE)


class _Covered:
    """The union of the spans added so far, asked whether it covers a position. Kept as disjoint
    sorted spans and asked by bisection: checking every link and tag of a long draft against
    the ones before it stays near-linear (a scan per match made a 1 MB draft take seconds)."""

    def __init__(self, spans: tuple[Span, ...] | list[Span] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in spans:
            self.add(start, end)

    def covers(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]

    def add(self, start: int, end: int) -> None:
        if end <= start:
            return  # an empty span covers nothing
        i = bisect_left(self.starts, start)
        if i > 0 and self.ends[i - 1] >= start:
            i -= 1
            start = self.starts[i]
        j = i
        while j < len(self.starts) and self.starts[j] <= end:
            end = max(end, self.ends[j])
            j += 1
        self.starts[i:j] = [start]
        self.ends[i:j] = [end]


def _bare_links(raw: str, taken: _Covered | None = None) -> list[Link]:
    out = []
    for m in _BARE_URL.finditer(raw):
        if taken is not None and taken.covers(m.start()):
            continue
        url = m.group(0).rstrip(".,;:!?")
        out.append(Link(url, url, (m.start(), m.start() + len(url))))
    return out


# --- Markdown ---------------------------------------------------------------------------------

_MD_LINK = re.compile(
    r"(?P<img>!)?\[(?P<text>[^\]\n]*(?:\n[^\]\n]+)*)\]\((?P<url><[^>\n]+>|[^)\s]+)(?:\s+\"[^\"]*\")?\)"
)
_MD_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_MD_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# Raw HTML inside Markdown (CommonMark allows it; CMS exports are full of it). Attribute values
# are not prose: alt="..." or title="..." must not read as quotes.
_MD_ATTR = r"""(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*"""
_MD_TAG = re.compile(rf"</?[A-Za-z][A-Za-z0-9-]*{_MD_ATTR}\s*/?>")
_MD_HTML_DROP = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.I)
_MD_ANCHOR = re.compile(
    r"""<a\s(?:[^<>"']|"[^"]*"|'[^']*')*?\bhref\s*=\s*(?:"(?P<q>[^"]*)"|'(?P<s>[^']*)'|(?P<u>[^\s>]+))"""
    rf"""{_MD_ATTR}\s*>(?P<text>.*?)</a\s*>""",
    re.DOTALL | re.I,
)
_MD_PREFIX = re.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|(?:[-*+]|\d{1,9}[.)])[ \t]+)")
_MD_EMPH = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_MD_RULE = re.compile(r"^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$")


def _load_markdown(raw: str, path: str) -> Document:
    """Markdown: strip links, emphasis, headings, quotes and list markers; keep offsets."""
    links: list[Link] = []
    # spans of raw to drop entirely, and link texts to keep
    cuts: list[tuple[int, int, int, int]] = []  # (start, end, keep_start, keep_end)
    covered = _Covered()  # the union of `cuts`, for the "inside an earlier cut?" checks
    for pattern in (_MD_COMMENT, _MD_HTML_DROP):
        for m in pattern.finditer(raw):
            if not covered.covers(m.start()):
                cuts.append((m.start(), m.end(), m.end(), m.end()))
                covered.add(m.start(), m.end())
    dropped = _Covered([(s, e) for s, e, *_ in cuts])  # comments, script/style: nothing counts
    for m in _MD_ANCHOR.finditer(raw):
        if dropped.covers(m.start()):
            continue
        url = html.unescape(
            next(g for g in (m.group("q"), m.group("s"), m.group("u")) if g is not None)
        )
        text = html.unescape(_MD_TAG.sub("", m.group("text")))
        links.append(Link(url.strip(), text, (m.start(), m.end())))
        cuts.append((m.start(), m.end(), m.start("text"), m.end("text")))
        covered.add(m.start(), m.end())
    for m in _MD_TAG.finditer(raw):  # every other tag goes; the text between tags stays
        if not dropped.covers(m.start()):
            cuts.append((m.start(), m.end(), m.end(), m.end()))
            covered.add(m.start(), m.end())
    for m in _MD_LINK.finditer(raw):
        if covered.covers(m.start()):
            continue
        url = m.group("url").strip("<>")
        covered.add(m.start(), m.end())
        if m.group("img"):
            cuts.append((m.start(), m.end(), m.end(), m.end()))
            continue
        links.append(Link(url, m.group("text"), (m.start(), m.end())))
        cuts.append((m.start(), m.end(), m.start("text"), m.end("text")))
    for m in _MD_AUTOLINK.finditer(raw):
        if covered.covers(m.start()):
            continue
        links.append(Link(m.group(1), m.group(1), (m.start(), m.end())))
        cuts.append((m.start(), m.end(), m.start(1), m.end(1)))
        covered.add(m.start(), m.end())
    links.extend(_bare_links(raw, covered))
    links.sort(key=lambda link: link.span)
    cuts.sort()

    # Keep-mask over raw: which characters survive into the analysis text.
    keep = bytearray(b"\x01") * len(raw)
    for s, e, ks, ke in cuts:
        keep[s:ks] = b"\x00" * (ks - s)
        keep[ke:e] = b"\x00" * (e - ke)
    for s, e in _lines(raw):
        line = raw[s:e]
        if _MD_RULE.match(line) or line.lstrip().startswith("```"):
            keep[s:e] = b"\x00" * (e - s)
            continue
        m = _MD_PREFIX.match(line)
        while m and m.end():
            keep[s : s + m.end()] = b"\x00" * m.end()
            s += m.end()
            line = raw[s:e]
            m = _MD_PREFIX.match(line) if line.startswith(">") else None
        for em in _MD_EMPH.finditer(line):
            if em.group(1) in ("_", "__") and (
                (em.start() > 0 and line[em.start() - 1].isalnum())
                or (em.end() < len(line) and line[em.end()].isalnum())
            ):
                continue  # snake_case, not emphasis
            n = len(em.group(1))
            keep[s + em.start() : s + em.start() + n] = b"\x00" * n
            keep[s + em.end() - n : s + em.end()] = b"\x00" * n

    b = TextBuilder()
    for block in _blocks(raw, _lines(raw)):
        # A block that is only dropped characters (a comment, an image) adds nothing.
        if not any(keep[s:e].count(1) and raw[s:e].strip() for s, e in block):
            continue
        for i, (s, e) in enumerate(block):
            if i:
                end = block[i - 1][1]
                split = _WORD_SPLIT.search(raw, max(0, end - 8), end) and raw[s : s + 1].islower()
                if not split:
                    b.space(end)  # a line wrap is a space; "lis-" + "tened" is one word
            _copy_kept(b, raw, keep, s, e)
        b.end_paragraph(block[-1][1])
    text, offsets, paragraphs = b.finish(len(raw))
    return Document(path, raw, text, offsets, paragraphs, tuple(links), "markdown")


def _copy_kept(b: TextBuilder, raw: str, keep: bytearray, s: int, e: int) -> None:
    s, e = _strip(raw, s, e)
    pos = s
    while pos < e:
        if keep[pos]:
            stop = keep.find(0, pos, e)
            stop = e if stop < 0 else stop
            b.copy(raw, pos, stop)
            pos = stop
        else:
            stop = keep.find(1, pos, e)
            pos = e if stop < 0 else stop


# --- HTML --------------------------------------------------------------------------------------

_BLOCK_TAGS = {
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote",
    "section", "article", "header", "footer", "aside", "nav", "tr", "table", "pre", "hr",
    "figure", "figcaption", "main", "dd", "dt", "dl", "title",
}  # fmt: skip
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head"}


class _HTMLText(HTMLParser):
    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.b = TextBuilder()
        self.links: list[Link] = []
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", raw)]
        self._skip = 0
        self._anchor: tuple[str, int, int] | None = None  # href, raw start, text start

    def _pos(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.b.end_paragraph(self._pos())
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self._anchor = (href.strip(), self._pos(), self.b._len)

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.b.end_paragraph(self._pos())
        if tag == "a" and self._anchor:
            href, start, tstart = self._anchor
            end = self._pos() + len("</a>")
            text = "".join(self.b.parts)[tstart:] if self.b._len > tstart else ""
            self.links.append(Link(href, text.strip(), (start, end)))
            self._anchor = None

    def handle_data(self, data):
        if self._skip:
            return
        start = self._pos()
        pos = 0
        for m in re.finditer(r"\s+", data):
            self.b.copy(self.raw, start + pos, start + m.start())
            self.b.space(start + m.start())
            pos = m.end()
        self.b.copy(self.raw, start + pos, start + len(data))

    def _ref(self, text: str) -> None:
        if not self._skip:
            self.b.put(html.unescape(text), self._pos())

    def handle_entityref(self, name):
        self._ref(f"&{name};")

    def handle_charref(self, name):
        self._ref(f"&#{name};")


def _load_html(raw: str, path: str) -> Document:
    parser = _HTMLText(raw)
    parser.feed(raw)
    parser.close()
    text, offsets, paragraphs = parser.b.finish(len(raw))
    links = [lk for lk in parser.links if lk.url.lower().startswith(("http://", "https://"))]
    return Document(path, raw, text, offsets, paragraphs, tuple(links), "html")

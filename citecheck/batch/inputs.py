"""Archive inputs to Articles: JSONL exports, folders of drafts, WARC crawls.

Readers stream: one article at a time, never a whole archive in memory. Whatever cannot be read
(a malformed JSONL line, a truncated WARC record, a binary page, an unreadable file) becomes a
`BadInput` naming its place (`corpus.jsonl:12`, `crawl.warc.gz@40960`, `drafts/a.md`) and the
reading goes on. Partitions group consecutive items under a key that depends on what they hold,
so a second run over the same inputs meets the same keys and can skip what is done.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..document import MAX_DRAFT_BYTES, decode, detect_format
from ..errors import InputError

DRAFT_SUFFIXES = (".md", ".markdown", ".txt", ".text", ".html", ".htm", ".xhtml")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_FIELDS = ("id", "text", "html", "url", "date", "outlet", "language")


@dataclass(frozen=True)
class Article:
    """One story of an archive, as the pipeline's load stage will read it."""

    id: str
    place: str  # where it stands in the inputs, for people
    text: str  # the raw draft: HTML, Markdown or plain text
    format: str  # html, markdown or text
    url: str | None = None
    date: str | None = None  # as the input gives it (ISO 8601 sorts)
    outlet: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class BadInput:
    """Something in the inputs that is no readable article, and why."""

    place: str
    problem: str


Item = Article | BadInput


@dataclass(frozen=True)
class Partition:
    """Consecutive items of the inputs: the unit of work, of output files and of resuming."""

    key: str
    items: tuple[Item, ...] = field(repr=False)
    size: int = 0  # input bytes these items took, for the progress bar

    @property
    def articles(self) -> tuple[Article, ...]:
        return tuple(i for i in self.items if isinstance(i, Article))

    @property
    def bad(self) -> tuple[BadInput, ...]:
        return tuple(i for i in self.items if isinstance(i, BadInput))


def check_inputs(paths: Sequence[str | Path]) -> list[Path]:
    """The inputs, each an existing JSONL, WARC file or folder; InputError (one line) if not."""
    if not paths:
        raise InputError("no input given")
    out = []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise InputError(f"{raw}: no such file or folder")
        if not (p.is_dir() or kind_of(p)):
            raise InputError(f"{raw}: not a .jsonl, .warc or .warc.gz file, nor a folder")
        out.append(p)
    return out


def kind_of(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith((".jsonl", ".ndjson", ".jsonl.gz")):
        return "jsonl"
    if name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz")):
        return "warc"
    return None


def input_bytes(paths: Sequence[Path]) -> int:
    """The size of every input, for the progress bar's ETA."""
    total = 0
    for p in paths:
        if p.is_dir():
            total += sum(f.stat().st_size for f in _drafts(p))
        else:
            total += p.stat().st_size
    return total


def read_items(paths: Sequence[Path]) -> Iterator[tuple[Item, int]]:
    """Every item of every input, in order, with the input bytes it took."""
    for p in paths:
        if p.is_dir():
            yield from _read_folder(p)
        elif kind_of(p) == "jsonl":
            yield from _read_jsonl(p)
        else:
            yield from _read_warc(p)


def partitions(items: Iterable[tuple[Item, int]], size: int) -> Iterator[Partition]:
    """Items in groups of `size`, keyed by their position and what they hold."""
    batch: list[Item] = []
    nbytes = 0
    n = 0
    for item, used in items:
        batch.append(item)
        nbytes += used
        if len(batch) >= size:
            yield _partition(n, batch, nbytes)
            batch, nbytes, n = [], 0, n + 1
    if batch:
        yield _partition(n, batch, nbytes)


def _partition(n: int, items: list[Item], nbytes: int) -> Partition:
    digest = hashlib.sha256()
    for item in items:
        digest.update(item.place.encode("utf-8", "surrogatepass") + b"\0")
        if isinstance(item, Article):
            digest.update(hashlib.sha256(item.text.encode("utf-8", "surrogatepass")).digest())
    return Partition(f"{n:06d}-{digest.hexdigest()[:12]}", tuple(items), nbytes)


# --- JSONL ------------------------------------------------------------------------------------


def _read_jsonl(path: Path) -> Iterator[tuple[Item, int]]:
    opener = _gzip_open if path.name.lower().endswith(".gz") else open
    try:
        fh = opener(path, "rb")
    except OSError as exc:
        yield BadInput(str(path), f"cannot read: {exc.strerror or exc}"), 0
        return
    with fh:
        n = 0
        while True:
            try:
                line = fh.readline(MAX_DRAFT_BYTES + 1)
            except (OSError, EOFError) as exc:  # a truncated .gz
                yield BadInput(f"{path}:{n + 1}", f"cannot read further: {exc}"), 0
                return
            if not line:
                return
            n += 1
            if len(line) > MAX_DRAFT_BYTES and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):  # skip the rest of the long line
                    line = fh.readline(MAX_DRAFT_BYTES)
                why = f"a line longer than {MAX_DRAFT_BYTES // 1_000_000} MB"
                yield BadInput(f"{path}:{n}", why), MAX_DRAFT_BYTES
                continue
            if not line.strip():
                continue
            yield _article_from_json(line, f"{path}:{n}"), len(line)


def _gzip_open(path: Path, mode: str):
    return gzip.open(path, mode)


def _article_from_json(line: bytes, place: str) -> Item:
    try:
        obj = json.loads(line)
    except (ValueError, UnicodeDecodeError) as exc:
        return BadInput(place, f"not valid JSON ({str(exc).splitlines()[0][:120]})")
    if not isinstance(obj, dict):
        return BadInput(place, f"a JSON {type(obj).__name__}, not an object")
    wrong = [k for k in _FIELDS if obj.get(k) is not None and not isinstance(obj[k], (str, int))]
    if wrong:
        return BadInput(place, f"{', '.join(wrong)}: must be a string")
    html, text = obj.get("html"), obj.get("text")
    body = html if isinstance(html, str) and html.strip() else text
    if not isinstance(body, str) or not body.strip():
        return BadInput(place, "no text or html")
    if "\x00" in body[:8192]:
        return BadInput(place, "binary content, not text")
    fmt = "html" if body is html else detect_format(".txt", body)
    ident = str(obj["id"]) if obj.get("id") is not None else place
    return Article(ident, place, body, fmt, *(_opt(obj, k) for k in ("url", "date", "outlet",
                                                                      "language")))  # fmt: skip


def _opt(obj: dict, key: str) -> str | None:
    v = obj.get(key)
    return str(v) if v is not None and str(v).strip() else None


# --- folders of drafts ------------------------------------------------------------------------


def _drafts(folder: Path) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(DRAFT_SUFFIXES) and not name.startswith("."):
                found.append(Path(root) / name)
    return found


def _read_folder(folder: Path) -> Iterator[tuple[Item, int]]:
    for path in _drafts(folder):
        place = str(path)
        try:
            st = path.stat()
            if not stat.S_ISREG(st.st_mode):
                yield BadInput(place, "not a regular file"), 0
                continue
            with path.open("rb") as fh:
                data = fh.read(MAX_DRAFT_BYTES + 1)
            got = decode(data, place)
        except InputError as exc:
            yield BadInput(place, str(exc).removeprefix(f"{place}: ")), st.st_size
            continue
        except OSError as exc:
            yield BadInput(place, f"cannot read: {exc.strerror or exc}"), 0
            continue
        if not got.text.strip():
            yield BadInput(place, "empty"), st.st_size
            continue
        rel = str(path.relative_to(folder))
        yield Article(rel, place, got.text, detect_format(place, got.text)), st.st_size


# --- WARC -------------------------------------------------------------------------------------


def _read_warc(path: Path) -> Iterator[tuple[Item, int]]:
    """Response records of HTML pages become articles; other records are skipped silently
    (a crawl holds images and scripts too). A record that breaks the file, or bytes after the
    last whole record (warcio drops a gzip member cut short without a word), end it, counted."""
    from warcio.archiveiterator import ArchiveIterator

    try:
        fh = path.open("rb")
        size = path.stat().st_size
    except OSError as exc:
        yield BadInput(str(path), f"cannot read: {exc.strerror or exc}"), 0
        return
    with fh:
        records = ArchiveIterator(fh)
        end = 0  # where the last whole record ended
        while True:
            try:
                record = next(records)
                body = None
                if record.rec_type == "response" and record.http_headers is not None:
                    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
                    if ctype.split(";")[0].strip() in _HTML_TYPES:
                        body = record.content_stream().read(MAX_DRAFT_BYTES + 1)
                offset = records.get_record_offset()  # after the body: it reads to the end
                length = records.get_record_length()
            except StopIteration:
                break
            except Exception as exc:  # noqa: BLE001 - warcio, zlib, EOF: a broken record
                why = f"unreadable record, the rest of the file skipped ({type(exc).__name__})"
                yield BadInput(f"{path}@{end}", why), max(0, size - end)
                return
            used, end = offset + length - end, offset + length
            if body is not None:
                yield _article_from_record(record, body, f"{path}@{offset}"), used
        if end < size:
            why = f"{size - end} bytes after the last whole record (a file cut short)"
            yield BadInput(f"{path}@{end}", why), size - end


def _article_from_record(record, body: bytes, place: str) -> Item:
    if len(body) > MAX_DRAFT_BYTES:
        return BadInput(place, f"a page larger than {MAX_DRAFT_BYTES // 1_000_000} MB")
    try:
        text = decode(body, place).text
    except InputError as exc:
        return BadInput(place, str(exc).removeprefix(f"{place}: "))
    if not text.strip():
        return BadInput(place, "an empty page")
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI")
    ident = headers.get_header("WARC-Record-ID") or place
    return Article(ident, place, text, "html", url=url, date=headers.get_header("WARC-Date"))

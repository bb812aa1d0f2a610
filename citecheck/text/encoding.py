"""Bytes to text for drafts and fetched pages, whatever they claim to be.

Order:
1. a byte-order mark (bs4's `EncodingDetector`);
2. strict UTF-8 (clean UTF-8 wins over any label: a wrong `charset=iso-8859-1` header is
   common);
3. UTF-8 with stray Windows-1252 bytes (text pasted from another program): Python's own UTF-8
   decoder finds exactly the bytes that are not UTF-8 and an error handler reads each as
   Windows-1252, with a note. bs4's `UnicodeDammit.detwingle` is not used: it takes a stray
   lead byte such as "é" (0xE9) for the start of a three-byte character and mangles the two
   bytes after it;
4. the declared charset (an HTTP header, then the page's own `<meta charset>`, found by bs4's
   `EncodingDetector`), read as browsers read it (WHATWG: a "latin-1" label is windows-1252);
5. charset-normalizer's detection, preferring windows-1252 at equal confidence (short Western
   text reads equally clean in several legacy code pages, and windows-1252 is the web's usual
   one).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from bs4.dammit import EncodingDetector
from charset_normalizer import from_bytes

_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
}
_ERRORS = "citecheck-cp1252"
_ESCAPED = re.compile("[\udc80-\udcff]")  # bytes `surrogateescape` could not read as UTF-8
_NON_ASCII = re.compile("[^\x00-\x7f]")


def _as_cp1252(exc: UnicodeDecodeError) -> tuple[str, int]:
    """A decoding error handler: each invalid byte read as Windows-1252 (latin-1 where that
    leaves a byte undefined)."""
    bad = exc.object[exc.start : exc.end]
    return bad.decode("cp1252", errors="ignore") or bad.decode("latin-1"), exc.end


codecs.register_error(_ERRORS, _as_cp1252)


@dataclass(frozen=True)
class Decoded:
    """Text with the encoding it was read in, and a note when the bytes were not clean."""

    text: str
    encoding: str
    note: str = ""  # one line for the user: what was repaired or guessed


def _label(label: str | None) -> str | None:
    if not label:
        return None
    name = _CHARSET_ALIASES.get(label.strip().lower(), label.strip())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _mostly_utf8(data: bytes) -> tuple[int, int]:
    """(characters read as UTF-8 multi-byte sequences, bytes that are not UTF-8)."""
    text = data.decode("utf-8", errors="surrogateescape")
    bad = len(_ESCAPED.findall(text))
    return len(_NON_ASCII.findall(text)) - bad, bad


def _repair_utf8(data: bytes) -> Decoded | None:
    """UTF-8 text with a few Windows-1252 bytes in it, repaired; None when it is not UTF-8."""
    good, bad = _mostly_utf8(data)
    if bad == 0 or good < bad:
        return None
    text = data.decode("utf-8", errors=_ERRORS)
    what = f"{bad} bytes that are" if bad > 1 else "1 byte that is"
    note = f"{what} not UTF-8 read as Windows-1252 (the rest is UTF-8)"
    return Decoded(text, "utf-8", note)


def _detect(data: bytes) -> Decoded | None:
    results = from_bytes(data)
    best = results.best()
    if best is None:
        return None
    low = min(m.chaos for m in results)
    for m in results:
        if m.encoding == "cp1252" and m.chaos <= low:
            best = m
            break
    return Decoded(str(best), best.encoding, f"encoding not declared; read as {best.encoding}")


def decode(data: bytes, declared: str | None = None, *, html: bool = False) -> Decoded | None:
    """`data` as text; None when no encoding reads it (a binary file).

    `declared`: the charset a header gives; `html`: also read the markup's own declaration."""
    body, bom = EncodingDetector.strip_byte_order_mark(data)
    if bom:
        try:
            return Decoded(body.decode(bom), codecs.lookup(bom).name)
        except UnicodeDecodeError:
            return None  # not what its byte-order mark says
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    repaired = _repair_utf8(data)
    if repaired is not None:
        return repaired
    labels = [declared]
    if html:
        labels.append(EncodingDetector.find_declared_encoding(data[:4096], is_html=True))
    for label in labels:
        enc = _label(label)
        if enc is None or enc == "utf-8":
            continue  # unknown, or UTF-8, which already failed
        try:
            return Decoded(data.decode(enc), enc)
        except UnicodeDecodeError:
            continue
    return _detect(data)

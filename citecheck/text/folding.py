"""Case and accent folding: one way to compare words whatever their case, accents or script."""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

_MARKS = re.compile("[\u0300-\u036f]+")


def fold(s: str) -> str:
    """`s` case-folded with its accents dropped ("Añez" -> "anez", "Straße" -> "strasse")."""
    if s.isascii():
        return s.lower()
    s = unicodedata.normalize("NFKD", s.casefold())
    return "".join(c for c in s if not unicodedata.combining(c)).replace("ß", "ss")


def strip_accents(s: str) -> str:
    """`s` without diacritics, character for character: an offset into the result is an offset
    into `s` (a name found in the folded text is found in the original at the same place)."""
    if s.isascii():
        return s
    return "".join(unicodedata.normalize("NFD", c)[0] for c in s)


def drop_marks(s: str) -> str:
    """`s` decomposed with its combining marks removed, case kept."""
    return _MARKS.sub("", unicodedata.normalize("NFD", s))


def ascii_words(name: str) -> list[str]:
    """The words of a name read in Latin letters, folded: "Павел Ондрин" -> ["pavel", "ondrin"]."""
    return re.sub(r"[^\w\s-]", "", anyascii(name)).casefold().split()


def romanised(name: str) -> str:
    """A name in Latin letters (anyascii): "Ондрин" -> "Ondrin"."""
    return anyascii(name)

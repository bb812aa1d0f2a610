"""Quotes across languages: the passage of a foreign-language page that a quote renders.

    locate      sentences, pairs and clauses of the page, embedded; the most similar wins
    checks      numbers, negations and names that any faithful translation keeps
    cross       `cross_match`: locate, check, and with a translator compare word by word
    embed       the multilingual sentence encoder (the optional `citecheck[multilingual]` extra)
    translate/  translator back-ends (DeepL, LibreTranslate, any OpenAI-compatible chat)
"""

from __future__ import annotations

from .checks import check_names, quote_names, word_diff
from .cross import LOCATE_MIN, CrossMatch, cross_match
from .locate import Located, locate, windows

__all__ = [
    "LOCATE_MIN",
    "CrossMatch",
    "Located",
    "check_names",
    "cross_match",
    "locate",
    "quote_names",
    "windows",
    "word_diff",
]

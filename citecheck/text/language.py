"""Offline language identification of drafts, quotes and pages (py3langid: weights in the wheel).

A source in another language than the quote cannot be matched word for word; knowing both
languages lets the judge say `unverifiable (language)` instead of a false `not_found`. The model
loads on first use (about a second), only when a run has something to identify.
"""

from __future__ import annotations

from functools import cache

from py3langid.langid import _load_identifier

SAMPLE_CHARS = 4000  # enough text for a confident call; bounded cost on long pages


@cache
def _identifier():
    return _load_identifier(norm_probs=True)


def detect(text: str, min_confidence: float = 0.8) -> str | None:
    """ISO 639-1 code of `text`, or None when the text is too short or the call is unsure."""
    sample = text[:SAMPLE_CHARS].strip()
    if len(sample) < 12:
        return None
    lang, prob = _identifier().classify(sample)
    return lang if prob >= min_confidence else None


QUOTE_MIN_CHARS = 40  # shorter quotes are too short to identify; their draft's language stands


def quote_language(quote: str) -> str | None:
    """The language a quote is written in, where it says so clearly (40 characters or more and
    a confident call); None otherwise, and the draft's language stands for it."""
    if len(quote) < QUOTE_MIN_CHARS:
        return None
    return detect(quote, min_confidence=0.95)

"""Offline language identification of drafts, quotes and pages (py3langid: weights in the wheel).

A source in another language than the quote cannot be matched word for word; knowing both
languages lets the judge say `unverifiable (language)` instead of a false `not_found`. The model
loads lazily (about a second), only when a run has a page to compare.
"""

from __future__ import annotations

from functools import cache

SAMPLE_CHARS = 4000  # enough text for a confident call; bounded cost on long pages


@cache
def _identifier():
    from py3langid.langid import _load_identifier

    return _load_identifier(norm_probs=True)


def detect(text: str, min_confidence: float = 0.8) -> str | None:
    """ISO 639-1 code of `text`, or None when the text is too short or the call is unsure."""
    sample = text[:SAMPLE_CHARS].strip()
    if len(sample) < 12:
        return None
    lang, prob = _identifier().classify(sample)
    return lang if prob >= min_confidence else None

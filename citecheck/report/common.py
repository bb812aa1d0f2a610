"""Small helpers every human-readable report format shares."""

from __future__ import annotations

_OPENERS = "\"'“‘«„‹"


def in_quotes(passage: str) -> str:
    """The passage in curly quotes, unless it already opens with a quote mark of its own (a
    source paragraph that is itself a quotation): ““...” would misstate what the source says."""
    return passage if passage[:1] in _OPENERS else f"“{passage}”"


def backends_note(backends: tuple[str, ...]) -> str:
    """ "via use-multilingual-v3, deepl": which model and translator produced a `translated`."""
    return f"via {', '.join(backends)}" if backends else ""

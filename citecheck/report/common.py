"""Small helpers every human-readable report format shares."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

from ..text.lines import line_col  # noqa: F401 - the reports' line and column

# Characters that change how text around them is displayed without being seen: C0 controls but
# tab and newlines (ESC starts terminal sequences), DEL, C1 controls, and the bidirectional
# embeddings, overrides, isolates and marks that can make a quote read in another order than
# it is written ("Trojan Source", CVE-2021-42574).
_HIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
_OPENERS = "\"'“‘«„‹"


def in_quotes(passage: str) -> str:
    """The passage in curly quotes, unless it already opens with a quote mark of its own (a
    source paragraph that is itself a quotation): ““...” would misstate what the source says."""
    return passage if passage[:1] in _OPENERS else f"“{passage}”"


def backends_note(backends: tuple[str, ...]) -> str:
    """ "via use-multilingual-v3, deepl": which model and translator produced a `translated`."""
    return f"via {', '.join(backends)}" if backends else ""


def visible(text: str) -> str:
    """`text` with every hidden control shown as a marker such as ⟨U+202E⟩.

    Shown, not dropped: a quote that carries a bidi override is evidence in itself, and the
    reader should see that something was there. Letters of every script, Arabic and Hebrew
    included, are left alone."""
    return _HIDDEN.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", text)


def json_text(data: object) -> str:
    """JSON with the hidden controls written as \\uXXXX escapes: a parser reads back exactly
    the characters of the draft or page, and a terminal or a diff view shows them inert."""
    out = json.dumps(data, ensure_ascii=False, indent=2)
    return _HIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", out) + "\n"


def http_url(url: str | None) -> str | None:
    """`url` if it is an http(s) URL with a host and no control characters or spaces (safe to
    link to from a report), else None."""
    if not url or any(ord(c) <= 0x20 or ord(c) == 0x7F for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def diff_words(diff, escape=str, removed: str = "[-{}-]", added: str = "{{+{}+}}") -> str:
    """A word diff in one line: source-only words in `removed`, quote-only words in `added`,
    every word passed through `escape` for the format (HTML, Markdown) first."""
    out = []
    for op, words in diff:
        if op == "=":
            out.append(escape(words))
        else:
            out.append((removed if op == "-" else added).format(escape(words)))
    return " ".join(out)


def diff_line(diff) -> str:
    """[-dropped-] {+added+} in the style of `git diff --word-diff`."""
    return diff_words(diff)

"""The writer's sentences around each quote, with the quotes themselves blanked out.

The rules that read who said a quote read the writer's own sentence (its frame): names and full
stops inside quotes must not confuse them, so quote interiors are masked first.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from ..model import Attribution
from .cues import CUE
from .quotes import QuoteSpan


@dataclass(frozen=True)
class Frame:
    """A quote's sentence outside the quote, in the masked text."""

    before_start: int
    before: str  # sentence start .. opening mark
    after_start: int
    after: str  # closing mark .. sentence end


_ABBREV = {
    "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "prof",
    "jr", "sr", "inc", "corp", "co", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "d.c", "a.m", "p.m", "e.g", "i.e",
    "etc", "ft", "mt", "ave", "blvd",
}  # fmt: skip


_BOUNDARY = re.compile(r"([.!?…])[”’\"»)]*\s+(?=[A-Z“\"‘À-Þ¿¡(])|\n\n")


_LAST_WORD = re.compile(r"([\w.]+)[.!?…]$")


# “Run!” officers shouted. / “Why?” Quill joked.: a name and any speech verb after a ? or !
_ATTRIBUTION_AFTER = re.compile(rf"(?:[A-Z][\w.’'-]*\s+){{1,4}}(?:{CUE.pattern})")


def mask_quotes(text: str, quotes: list[QuoteSpan]) -> str:
    """Blank out quote interiors (keeping a final stop) so names and full stops inside quotes do
    not confuse the rules that read the writer's own sentence."""
    parts = []
    at = 0
    for q in quotes:
        if q.nested or q.start < at:
            continue
        end = q.end - 1 if q.end > q.start and text[q.end - 1] in ".!?,;:…" else q.end
        parts.append(text[at : q.start])
        parts.append(_NOT_NEWLINE.sub("_", text[q.start : end]))
        at = end
    parts.append(text[at:])
    masked = "".join(parts)
    if GROUP_MARK in text:
        return masked
    # the comma found first, the digit before it checked by hand: a pattern that opens on a
    # lookbehind is scanned at every character, twenty times slower on news copy
    return _GROUP_COMMA.sub(
        lambda m: GROUP_MARK if m.start() and masked[m.start() - 1].isdigit() else ",", masked
    )


def unmask_groups(text: str, value: str | None) -> str | None:
    """A speaker, cue or outlet read from the masked text, with the commas of its numbers back."""
    if value is None or GROUP_MARK not in value or GROUP_MARK in text:
        return value
    return value.replace(GROUP_MARK, ",")


_NOT_NEWLINE = re.compile(r"[^\n]")
# the comma of "40,000" is no clause break ("The union, which has 62,000 members, said"): the
# masked text gives it a mark of its own, one character like the comma and ASCII (a text that
# is all ASCII keeps the fast paths of the folding the rules do)
GROUP_MARK = "\x00"
_GROUP_COMMA = re.compile(r",(?=\d{3}(?!\d))")


def sentences(masked: str, starts: list[int]) -> list[tuple[int, str]]:
    """Each sentence of the masked text with its offset, from `sentence_starts`."""
    bounds = starts + [len(masked)]
    return [(a, masked[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]


def sentence_starts(masked: str) -> list[int]:
    starts = [0]
    for m in _BOUNDARY.finditer(masked):
        if m.group(1):
            if (
                m.group(1) in "?!"
                and masked[m.start() + 1] in '”’"»'
                and "\n" not in masked[m.start() : m.end()]
                and _ATTRIBUTION_AFTER.match(masked, m.end())
            ):
                continue  # “Is it over?” Quill asked. / “Run!” officers shouted.: one sentence
            word = _LAST_WORD.search(masked, max(0, m.start() - 12), m.start() + 1)
            if word and (word.group(1).lower().rstrip(".") in _ABBREV or len(word.group(1)) == 1):
                para = masked.find("\n\n", m.start(), m.end())
                if para >= 0:  # "... Inc.¶¶Next": the paragraph still ends there
                    starts.append(para + 2)
                continue
        starts.append(m.end())
    return starts


FRAME_MAX_CHARS = 500


def frame_of(masked: str, starts: list[int], q: QuoteSpan) -> Frame:
    open_at = q.start - 1
    k = bisect_right(starts, open_at) - 1
    s = starts[max(k, 0)]
    close = min(q.end + 1, len(masked))
    e_idx = bisect_right(starts, q.end)
    e = starts[e_idx] if e_idx < len(starts) else len(masked)
    # a run-on "sentence" (a list, a text without stops) is read only near the quote
    s = max(s, open_at - FRAME_MAX_CHARS)
    e = min(e, close + FRAME_MAX_CHARS)
    return Frame(s, masked[s:open_at].replace("\n", " "), close, masked[close:e].replace("\n", " "))


def paragraph_gap(text: str, a: int, b: int) -> int:
    return text.count("\n\n", a, b)


def groups_back(text: str, a: Attribution) -> Attribution:
    """The attribution with the commas of numbers back in what was read from the masked text."""
    got = {f: unmask_groups(text, getattr(a, f)) for f in ("speaker", "cue", "outlet", "quote")}
    changed = {f: v for f, v in got.items() if v != getattr(a, f)}
    return replace(a, **changed) if changed else a

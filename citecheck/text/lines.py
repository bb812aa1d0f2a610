"""Line and column of a character offset, for reports that point an editor at a quote.

Every quote of a draft asks once, so the newlines of a draft are found once (and kept for the
few most recent drafts) and each question is a bisection: counting newlines from the start per
quote made reports of long drafts quadratic.
"""

from __future__ import annotations

import functools
from array import array
from bisect import bisect_right


@functools.lru_cache(maxsize=8)
def _newlines(raw: str) -> array:
    out = array("q")
    pos = raw.find("\n")
    while pos >= 0:
        out.append(pos)
        pos = raw.find("\n", pos + 1)
    return out


def line_col(raw: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of character `offset` in `raw`; lines end at "\\n" (so "\\r\\n"
    too), columns count characters (code points) from the start of the line."""
    offset = max(0, min(offset, len(raw)))
    newlines = _newlines(raw)
    before = bisect_right(newlines, offset - 1)  # newlines before `offset`
    line_start = newlines[before - 1] + 1 if before else 0
    return before + 1, offset - line_start + 1

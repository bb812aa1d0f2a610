"""Social posts embedded in page copy: where the words quoted inside one appeared.

Text copied from a news page keeps an embedded post as a header line ("Patients Before Politics
@PatientsB4Pol · 3 Mar", "Anjali Kherwal (@AnjaliKherwalMLA) August 13, 2025") and the post's
lines under it. A quote inside the post appeared on the platform, whoever's words it repeats.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Attribution

PLATFORM = "X"  # the "@handle · date" header is how X's embeds copy out

# a paragraph opening on a name and a handle (the analysis text joins the header line to the
# post's lines): the rest of the paragraph is the post
_HEADER = re.compile(r"(?m)^[ \t]*[A-Z][^\n@“”\"‘’.!?]{1,80}?[ \t]\(?@[A-Za-z0-9_]{2,30}\)?")


# a credit naming the platform a caption's words come from: "(Screenshot via X)", "(Image:
# Instagram)"
_PLATFORM_CREDIT = re.compile(
    r"\((?:[A-Z][a-z]+\s+)?(?:via|Image:|Photo:|Screenshot:|Source:)\s*"
    r"(?P<platform>X|Twitter|Instagram|Facebook|TikTok|YouTube|LinkedIn|Threads)\s*\)"
)
_CREDIT_REACH = 200  # characters after a quote, in its paragraph, searched for the credit


def post_outlets(text: str, out: list[Attribution]) -> list[Attribution]:
    """Quotes inside an embedded post appeared on the platform, whatever the sentence says
    ("Minister says ‘…’" in a TD's post: the post, not the Dáil)."""
    out = _credited_platforms(text, out)
    if "@" not in text:
        return out  # no handle, no embedded post: most drafts
    blocks = []
    for m in _HEADER.finditer(text):
        end = text.find("\n\n", m.end())
        blocks.append((m.end(), end if end >= 0 else len(text)))
    if not blocks:
        return out
    for i, a in enumerate(out):
        s, e = a.text_span
        if any(lo <= s and e <= hi for lo, hi in blocks):
            out[i] = replace(a, outlet=PLATFORM)
    return out


def _credited_platforms(text: str, out: list[Attribution]) -> list[Attribution]:
    """A quote with no outlet whose paragraph credits a platform right after it ('“…,” she
    wrote. (Screenshot via X)') appeared there."""
    if "(" not in text:
        return out
    for i, a in enumerate(out):
        if a.outlet is not None:
            continue
        end = a.text_span[1]
        stop = text.find("\n\n", end)
        window = text[end : min(end + _CREDIT_REACH, stop if stop >= 0 else len(text))]
        m = _PLATFORM_CREDIT.search(window)
        if m is not None:
            out[i] = replace(a, outlet=m.group("platform"))
    return out

"""The person a news lede describes before naming: 'A senior backbencher last night accused
ministers of a ‘concrete carve-up’. / Harriet Colley, the MP for Wessmoor, told the Clarion ...'.

News copy often opens on a description of the speaker ("a senior Labour backbencher", "a police
collision investigator") and names them at the start of the next paragraph; the annotation guide
wants the fullest name the article gives the speaker anywhere, so the lede's words are the named
person's. Anonymous sources ("a source", "a pal", "an insider") stay unnamed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Attribution
from .cues import CUE
from .name_index import NameIndex
from .names import Name
from .references import names_between, names_someone

# an unnamed someone: "A senior Labour backbencher", "a police collision investigator"
_DESCRIBED = re.compile(r"(?:[Aa]n?|[Tt]he)\s+(?:[\w’'-]+\s+){0,4}?([a-z]+)")
_ANONYMOUS = frozenset(
    "source sources insider insiders pal friend friends official officials person people "
    "spokesperson spokesman spokeswoman resident residents witness witnesses".split()
)
_LEDE_PARAGRAPHS = 2  # the headline and the first paragraph of the story


def named_after_lede(
    out: list[Attribution], text: str, names: list[Name], index: NameIndex, raw_span
) -> list[Attribution]:
    """Speakers of the lede given only as a description take the name of the person who opens
    the next paragraph, when that person is named in full and speaks there, and the description
    is a role."""
    bounds = [m.end() for m in re.finditer(r"\n\s*\n", text)]
    if len(bounds) < _LEDE_PARAGRAPHS:
        return out
    lede_end = bounds[_LEDE_PARAGRAPHS - 1]
    following = next((n for n in names_between(names, lede_end, lede_end + 80)), None)
    if (
        following is None
        or not (following.person or index.is_person(following.text))
        or len(following.text.split()) < 2
        or text[lede_end : following.start].strip(" ")  # not the paragraph's first words
        and not re.fullmatch(r"[A-Z][\w.]*\s+", text[lede_end : following.start])  # "PC "
    ):
        return out
    sentence = re.split(r"(?<=[.!?])\s", text[following.end : following.end + 400], maxsplit=1)[0]
    if not CUE.search(sentence):
        return out  # the next paragraph's person does not speak there: maybe someone else
    named = index.expand(following.text)
    for i, a in enumerate(out):
        if a.text_span[0] >= lede_end or not a.speaker:
            continue
        m = _DESCRIBED.fullmatch(a.speaker)
        role = m.group(1) if m else ""
        if not role or role in _ANONYMOUS or not names_someone(role):
            continue
        out[i] = replace(a, speaker=named, speaker_span=raw_span(following.start, following.end))
    return out

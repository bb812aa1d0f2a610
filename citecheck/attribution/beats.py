"""The person a narrative beat puts on stage: 'Reed shook his head. “No. Absolutely not.”'

News copy often sets a quote after a sentence that shows someone acting rather than speaking; a
quote with no cue of its own that opens a sentence right after such a sentence, in the same
paragraph, is that person's, even when someone else spoke the quote before.
"""

from __future__ import annotations

import re

from .cues import CUE
from .name_index import NameIndex
from .names import Name
from .references import names_between, resolve_pronoun

# the last sentence before the quote: what follows the last sentence end in the paragraph
_SENTENCE_END = re.compile(r"[.!?][”’\"]?\s+")
_PRONOUN_FIRST = re.compile(r"(He|She)\s+[a-z]")
_DESCRIBED = re.compile(r"(?:The|A|An)\s+(?:[a-z-]+\s+){1,3}")  # "The designer Priya Lee"
_MAX_BEAT = 160  # characters: a beat is a short sentence ("Reed shook his head.")


def beat_subject(
    masked: str, names: list[Name], index: NameIndex, at: int, since: int
) -> tuple[str, tuple[int, int]] | None:
    """The person (fullest name, span) a sentence between `since` (the end of the words
    spoken before) and a quote at `at` opens on, when that sentence names them first, has no
    speech verb and ends right before the quote, in the quote's paragraph; else None."""
    para = masked.rfind("\n\n", 0, at)
    lo = max(since, para + 2 if para >= 0 else 0)
    lead = masked[lo:at]
    if not lead.strip() and para > 0 and para + 2 >= lo:
        # the quote opens its paragraph; the one before is a beat of one sentence: "Across the
        # division, Gulls GM Marty Kolbeck could barely hide his delight. / “…”"
        prev = masked.rfind("\n\n", 0, para)
        plo = prev + 2 if prev >= 0 else 0
        body = masked[plo:para].rstrip()
        if plo < since or _SENTENCE_END.search(body[:-1]) or not re.search(r"[.!?]$", body):
            return None
        start = plo + len(body) - len(body.lstrip())
        return _subject_of_beat(masked[start : plo + len(body)], start, names, index, masked)
    if not lead.strip() or not re.search(r"[.!?][”’\"]?\s*$", lead):
        return None  # the quote does not open a sentence right after another
    body = lead.rstrip()
    cuts = [m.end() for m in _SENTENCE_END.finditer(body[:-1])]
    start = lo + (cuts[-1] if cuts else len(lead) - len(lead.lstrip()))
    return _subject_of_beat(masked[start : lo + len(body)], start, names, index, masked)


_ADVERBIAL = re.compile(
    r"(?:Across|At|In|On|Back|Outside|Inside|Later|Earlier|Afterwards)\b[^,]{0,40},\s+"
)


def _subject_of_beat(sentence, start, names, index, masked):
    """The person a beat sentence opens on, if it has no speech verb."""
    if len(sentence) > _MAX_BEAT or CUE.search(sentence) or "_" in sentence:
        return None  # a cue: reported speech, dealt with elsewhere; "_": a masked quote
    pronoun = _PRONOUN_FIRST.match(sentence)
    if pronoun:  # "She smiles. “…”": the woman the text last named
        who, span = resolve_pronoun(start, names, index, masked, pronoun.group(1))
        return (who, span) if who and span else None
    inside = names_between(names, start, start + len(sentence))
    lead = _ADVERBIAL.match(sentence)  # "Across the division, Gulls GM Marty Kolbeck ..."
    if lead and inside and inside[0].start < start + lead.end():
        inside = [n for n in inside if n.start >= start + lead.end()]
    at = start + (lead.end() if lead else 0)
    if not inside or not (
        inside[0].start == at or _DESCRIBED.fullmatch(masked, at, inside[0].start)
    ):
        return None  # "The crowd cheered.": no one named as the subject
    n = inside[0]
    if not (n.person or index.is_person(n.text)):
        return None
    return index.expand(n.text), (n.start, n.end)

"""Reported speech in a headline's own forms, which run-on copy never takes: the source after a
colon at the end ("Man Arrested For Killing Brother: Police") and a title-case cue after the
claim ("... Loses a Patriot, Says President Tebboune")."""

from __future__ import annotations

import re

from .name_index import NameIndex
from .names import Name
from .phrases import resolve_phrase
from .report_words import Reported, source_name

# "...: Police", "...: Report", "...: Sources": one to three capitalised words closing it
_COLON_SOURCE = re.compile(
    r"^(?P<clause>[^:“”\"]{12,}?)\s*:\s+(?!(?:What|How|Why|When|Where|Who|Which|Live|Watch|"
    r"Video|Photos|Pictures|Explained|Analysis|Opinion|Review|Timeline|Part|Day|Week|Updates|"
    r"Latest|Breaking|Exclusive|Full|The|A|An)\b)"  # "...: What Happens Next", "...: Live"
    r"(?P<source>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})\s*$"
)
# "..., Says President Tebboune", "... Warns Central Bank"
_TITLE_CUE = re.compile(
    r"^(?P<clause>.{12,}?),?\s+(?P<cue>Says|Say|Warns|Warn|Claims|Claim|Insists|Admits|Tells|"
    r"Reveals|Confirms|Denies|Vows)\s+(?P<source>[A-Z][^,:;“”\"]{1,60}?)\s*[.!?]?\s*$"
)


def headline_report(
    masked: str, names: list[Name], index: NameIndex
) -> Reported | None:
    """The headline's report, when it takes one of these forms; None for any other."""
    end = masked.find("\n\n")
    line = masked[: end if end >= 0 else len(masked)].rstrip()
    for pattern in (_TITLE_CUE, _COLON_SOURCE):
        m = pattern.match(line)
        if m is None or len(m.group("clause").split()) < 3:
            continue
        clause, start = m.group("clause"), m.start("clause")
        speaker, span, _person = resolve_phrase(
            m.group("source"), m.start("source"), names, index, masked
        )
        speaker = source_name(speaker) or m.group("source").strip()
        span = span or (m.start("source"), m.end("source"))
        cue = m.group("cue") if "cue" in pattern.groupindex else ""
        return Reported(start, start + len(clause.rstrip(" ,")), speaker, span, cue)
    return None

"""Reported speech whose content is a verb's object, not a clause: "X accused Y of Z", "X
described Y as Z", "X called Y a Z", "X claimed responsibility for Z", "X ruled out Z", "X
admitted to Z", "X denied doing Z". Each verb needs its shape after it, or its object is only
what was spoken of."""

from __future__ import annotations

import re

from .phrases import nearest_subject
from .report_words import AUX, NOT_NOUN, Reported, source_name

# X accused Y of Z / described Y as Z / called Y a Z / claimed responsibility for Z / ruled out
# Z / admitted to Z / denied doing Z: a report whose content is a noun phrase, not a clause
_COMPLEMENT_LEMMA = {  # a verb form as written -> its lemma
    "accused": "accuse", "accuses": "accuse", "described": "describe", "describes": "describe",
    "called": "call", "calls": "call", "claimed": "claim", "claims": "claim", "ruled": "rule",
    "rules": "rule", "confessed": "confess", "confesses": "confess", "admitted": "admit",
    "admits": "admit", "denied": "deny", "denies": "deny", "talked": "talk", "talks": "talk",
    "spoke": "talk", "wrote": "talk", "writes": "talk",
}  # fmt: skip
_PARTICLE = {"rule": "out", "confess": "to", "admit": "to", "talk": "about"}
_COMPLEMENT_SHAPE = {  # what must follow each verb for its object to be what was said
    "accuse": r"(?:\S+\s+){1,6}?of\s+\S",
    "describe": r"(?:\S+\s+){1,6}?as\s+\S",
    "call": r"(?:the|his|her|their|its|this|that|these|those|it|him|them)\b(?:\s+[^\s,]+){0,5}?"
    r"\s+(?:a|an)\s+\S",  # not 'a tool called the Bola Wrap, a device': a name
    "claim": r"responsibility\s+for\s+\S",
    "rule": r"\S+\s+\S",
    "confess": r"\S",
    "admit": r"\S",
    "deny": r"\w+ing\b",
    "talk": r"(?:how|why|what|whether)\s+\S",  # "talked about how the plan had failed"
}
_COMPLEMENT_CUE = "|".join(
    rf"{form}\s+{_PARTICLE[lemma]}" if lemma in _PARTICLE
    else rf"{form}(?=\s+responsibility)" if lemma == "claim"  # other claims: plain reports
    else form
    for form, lemma in _COMPLEMENT_LEMMA.items()
)  # fmt: skip
_COMPLEMENT = re.compile(
    rf"(?P<head>[^“”\"«»:]{{2,160}}?)\s+{AUX}(?P<cue>{_COMPLEMENT_CUE})"
    r"\s+(?P<clause>[^“\"«].+?)\s*[.!?]?\s*$",
    re.DOTALL,
)


_NEXT_CLAUSE = re.compile(
    r",?\s+(?:and|but|while|as|after|before|because|so)\s+(?:the|a|an|he|she|they|it|we|[A-Z])\b"
    r"|,?\s+(?:and|but)\s+(?:said|says|told|tells|added|adds|[a-z]{3,}ed)\b"  # "... and said"
)


def complement(sentence, s, names, index, masked) -> Reported | None:
    """X accused Y of Z, X described Y as Z, X claimed responsibility for Z, X denied doing Z."""
    m = _COMPLEMENT.match(sentence.rstrip())
    if not m:
        return None
    cue = " ".join(m.group("cue").split())
    shape = _COMPLEMENT_SHAPE[_COMPLEMENT_LEMMA[cue.split()[0].lower()]]
    clause = m.group("clause")
    if not re.match(shape, clause) or len(clause.split()) < 2:
        return None
    nxt = _NEXT_CLAUSE.search(clause)
    if nxt:  # "confessed to the crime and the jury took 15 minutes": the object ends there
        clause = clause[: nxt.start()]
    if m.group("head").rsplit(None, 1)[-1] in NOT_NOUN:
        return None
    speaker, span, _person = nearest_subject(m.group("head"), s, names, index, masked)
    speaker = source_name(speaker)
    if speaker is None:
        return None
    start = s + m.start("clause")
    return Reported(start, start + len(clause.rstrip(" ,")), speaker, span, cue)

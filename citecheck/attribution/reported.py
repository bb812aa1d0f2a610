"""Reported speech: statements attributed without quote marks.

"The Prosecutor's Office has recognized that three protesters have been killed" is a claim the
draft attributes to a source as surely as a quotation; it is checked for support, not wording.
Precision first: a sentence counts only when a speech verb with a resolvable subject introduces
a clause ("X said/announced/recognized that ..."), and never when it holds quote marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import word_alternation
from .names import Name, NameIndex
from .speakers import nearest_subject

_VERB = (
    r"said|says|told\s+(?:reporters|journalists|[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3})|"
    r"announced|announces|stated|states|reported|reports|recogni[sz]ed|acknowledged|confirmed|"
    r"confirms|claimed|claims|argued|argues|warned|warns|insisted|insists|admitted|admits|"
    r"denied|denies|explained|noted|estimated|estimates|predicted|revealed|disclosed|alleged|"
    r"concluded"
)
_SIMPLE_VERBS = ["recognised", "recognized"] + [v for v in _VERB.split("|") if v.isalpha()]
# the same verbs as a trie ("sa(?:id|ys)"), which the lazy head below tries at each word
_VERB_TRIE = (
    r"told\s+(?:reporters|journalists|[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3})|"
    + word_alternation(_SIMPLE_VERBS)
)
_REPORTED = re.compile(
    rf"(?P<head>[^“”\"«»]{{2,160}}?)\s+(?:(?:has|have|had)\s+)?(?:(?:also|now|previously|"
    rf"recently|later)\s+)?(?P<cue>{_VERB_TRIE})\s+(?P<that>that\s+)?(?P<clause>[^“”\"«»]+?)\s*"
    r"[.!?]?\s*$"
)
_MIN_WORDS = 5
_ADVERBIAL_THAT = re.compile(
    r"((?:in|on|at|during|via|through|this|last|earlier|later|late|early)\b[^,;:]{0,50}?)\s+"
    r"that\s+",
    re.IGNORECASE,
)
_PREPOSITION = re.compile(r"(?:in|on|at|during|via|through|after|before|by|to|for)\b", re.I)
_TRAILING_CREDIT = re.compile(
    r",\s+(?:according\s+to\s+[^,]+|(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,4}\s+"
    r"(?:reported|said|says|reports))\s*$"
)
_NOT_SPEAKERS = {"it", "this", "that", "there", "i", "i’ve", "i've", "we", "you", "they", "one"}
_HAS_QUOTE = re.compile('[“”"«»‘_]')
_GATE_WORDS = ["told", *_SIMPLE_VERBS]
# cheap test before the full pattern: any of the verbs ("told" alone stands for "told X")
_ANY_VERB = re.compile(rf"\b{word_alternation(_GATE_WORDS)}\b")


@dataclass(frozen=True)
class Reported:
    clause_start: int  # offsets into the analysis text
    clause_end: int
    speaker: str
    speaker_span: tuple[int, int] | None
    cue: str


def find_reported(
    masked: str, starts: list[int], names: list[Name], index: NameIndex
) -> list[Reported]:
    """Sentences of reported speech: the clause, who it is attributed to, and the cue."""
    out = []
    bounds = starts + [len(masked)]
    for s, e in zip(bounds, bounds[1:], strict=False):
        sentence = masked[s:e]
        if (
            "\n\n" in sentence.strip()
            or _HAS_QUOTE.search(sentence)
            or not _ANY_VERB.search(sentence)
        ):
            continue
        m = _REPORTED.match(sentence.rstrip())
        if not m:
            continue
        cue = " ".join(m.group("cue").split())
        clause = m.group("clause")
        clause_at = m.start("clause")
        adverbial = _ADVERBIAL_THAT.match(clause)
        if adverbial:  # "said in a statement on Wednesday that ...", "said this month that ..."
            clause_at += adverbial.end()
            clause = clause[adverbial.end() :]
            cue = f"{cue} {adverbial.group(1)}".strip()
        bare = cue.split()[0] in ("said", "says", "told")
        if not (m.group("that") or adverbial) and not (bare and clause[:1].islower()):
            continue  # "X reported a fire" is not reported speech
        if not (m.group("that") or adverbial) and _PREPOSITION.match(clause):
            continue  # "said in a statement on Wednesday." holds no clause
        tail = _TRAILING_CREDIT.search(clause)
        if tail:  # "..., The Example Gazette reported." credits the outlet, not the claim
            clause = clause[: tail.start()]
        if len(clause.split()) < _MIN_WORDS:
            continue
        speaker, span, _person = nearest_subject(m.group("head"), s, names, index, masked)
        if speaker is None or speaker.split()[0].lower().strip("’'") in _NOT_SPEAKERS:
            continue
        speaker = re.sub(r"[’']s$", "", speaker)  # "NASA’s" -> "NASA"
        start = s + clause_at
        end = start + len(clause)
        out.append(Reported(start, end, speaker, span, cue))
    return out

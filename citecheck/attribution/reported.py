"""Reported speech: statements attributed without quote marks.

"The Prosecutor's Office has recognized that three protesters have been killed" is a claim the
draft attributes to a source as surely as a quotation; it is checked for support, not wording.
Four shapes of news copy, each needing a speech verb or "according to" and a source that
resolves to a name, a pronoun of someone named or a description:

    X said (that) <clause>.            X told reporters <clause>.   X says / warned / denied ...
    According to X, <clause>.          <clause>, according to X.
    <clause>, X said.                  <clause>, said X.

A quoted fragment may stand inside the clause ("X said the plan was “a disaster” for farmers":
the fragment is a partial quote, the clause reported speech); a sentence whose clause is all
quotation is a direct quote, not reported speech. Precision first: the clause must hold a verb
and five words or more, and a source that resolves to no one gives nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import word_alternation
from .names import Name, NameIndex
from .speakers import nearest_subject, resolve_phrase

_VERBS = (
    "said says told tells announced announces stated states reported reports recognised "
    "recognized acknowledged acknowledges confirmed confirms claimed claims argued argues "
    "warned warns insisted insists admitted admits denied denies explained explains noted "
    "notes estimated estimates predicted predicts revealed reveals disclosed discloses alleged "
    "alleges concluded concludes added adds stressed stresses emphasised emphasized maintained "
    "maintains asserted asserts wrote writes tweeted posted declared declares suggested suggests "
    "indicated indicates pointed testified promised promises vowed vows pledged pledges "
    "acknowledged agreed agrees countered counters responded replied cautioned cautions "
    "announced signalled signaled hinted predicted forecast found finds showed shows say"
).split()
_SIMPLE_VERBS = list(dict.fromkeys(_VERBS))
# who "told": a capitalised name, reporters, an outlet, a pronoun, "the committee"
_TOLD_OBJECT = (
    r"(?:(?:reporters|journalists|lawmakers|the\s+\w+(?:\s+\w+)?|him|her|them|us|me|"
    r"[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}))"
)
_CUE = (
    rf"(?:(?:told|tells)\s+{_TOLD_OBJECT}|pointed\s+out|{word_alternation(_SIMPLE_VERBS)})"
)
_AUX = r"(?:(?:has|have|had|would|will|also|now|previously|recently|later|repeatedly|"
_AUX += r"publicly|reportedly|separately|again)\s+)*"
# X said (that) <clause>
_FRONT = re.compile(
    rf"(?P<head>[^“”\"«»:]{{2,160}}?)\s+{_AUX}(?P<cue>{_CUE})\s*,?\s+(?P<that>that\s+)?"
    r"(?P<clause>.+?)\s*[.!?]?\s*$",
    re.DOTALL,
)
# According to X, <clause>.
_ACCORDING_FRONT = re.compile(
    r"^\W*(?P<cue>[Aa]ccording\s+to)\s+(?P<source>[^,;:]{2,120}?)\s*,\s+(?P<clause>.+?)\s*"
    r"[.!?]?\s*$",
    re.DOTALL,
)
# <clause>, according to X.
_ACCORDING_BACK = re.compile(
    r"^\W*(?P<clause>.+?)\s*,?\s+(?P<cue>according\s+to)\s+(?P<source>[^,;:]{2,120}?)\s*"
    r"[.!?]?\s*$",
    re.DOTALL,
)
# <clause>, X said. / <clause>, said X.
_BACK = re.compile(
    rf"^\W*(?P<clause>.+?)\s*,\s+(?:(?P<source>[^,;:“”\"]{{2,120}}?)\s+{_AUX}(?P<cue>{_CUE})|"
    rf"(?P<cue2>said|says|added|adds|wrote|writes|told\s+\w+)\s+(?P<source2>[^,;:“”\"]{{2,120}}?))"
    r"\s*(?:,[^,]{0,120})?[.!?]?\s*$",
    re.DOTALL,
)
_MIN_WORDS = 5
_ADVERBIAL_THAT = re.compile(
    r"((?:in|on|at|during|via|through|this|last|earlier|later|late|early)\b[^,;:]{0,50}?)\s+"
    r"that\s+",
    re.IGNORECASE,
)
_PREPOSITION = re.compile(r"(?:in|on|at|during|via|through|after|before|by|to|for|as)\b", re.I)
_TRAILING_CREDIT = re.compile(
    r",\s+(?:according\s+to\s+[^,]+|(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,4}\s+"
    r"(?:reported|said|says|reports))\s*$"
)
_NOT_SPEAKERS = {"it", "this", "that", "there", "i", "i’ve", "i've", "we", "you", "one", "what"}
_QUOTE_MARK = re.compile('[“”"«»]')
_MASK = "_"
_GATE_WORDS = ["according", "According", "told", "tells", "pointed", "say", *_SIMPLE_VERBS]
# cheap test before the full patterns: any of the verbs ("told" alone stands for "told X")
_ANY_VERB = re.compile(rf"\b{word_alternation(_GATE_WORDS)}\b")
# A clause must read as a statement: a finite verb, or a modal, somewhere in it.
_IRREGULAR_PAST = (
    "fell rose fled grew made took went came saw found got gave held left lost met paid ran sent "
    "set spent stood won began broke brought built bought caught chose drew drove fought flew "
    "froze hid hit hurt kept knew led let lay meant put quit read rode rang sank sat shot shut "
    "sang slept spoke stole struck swam threw understood woke wore became"
)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|could|can|should|may|might|must|"
    r"do|does|did|won[’']t|can[’']t|\w+n[’']t|" + "|".join(_IRREGULAR_PAST.split()) + r"|"
    r"[a-z]{2,}(?:ed|es))\b|\b[a-z]{3,}s\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Reported:
    clause_start: int  # offsets into the analysis text
    clause_end: int
    speaker: str
    speaker_span: tuple[int, int] | None
    cue: str


def _clause_ok(clause: str) -> bool:
    """Enough of the writer's own words to be a statement, not a quotation with a frame."""
    visible = re.sub(r"“_+”|\"_+\"|«_+»|_+", " ", clause)
    words = visible.split()
    masked = clause.count(_MASK)
    return (
        len(words) >= _MIN_WORDS
        and masked <= len(clause) * 0.5
        and bool(_FINITE.search(visible))
        and not clause.lstrip().startswith(("“", '"', "«"))
    )


def _speaker(speaker: str | None) -> str | None:
    if speaker is None or speaker.split()[0].lower().strip("’'") in _NOT_SPEAKERS:
        return None
    return re.sub(r"[’']s$", "", speaker)  # "NASA’s" -> "NASA"


def find_reported(
    masked: str, starts: list[int], names: list[Name], index: NameIndex
) -> list[Reported]:
    """Sentences of reported speech: the clause, who it is attributed to, and the cue."""
    out = []
    bounds = starts + [len(masked)]
    for s, e in zip(bounds, bounds[1:], strict=False):
        sentence = masked[s:e]
        if "\n\n" in sentence.strip() or not _ANY_VERB.search(sentence):
            continue
        found = (
            _according(sentence, s, names, index, masked)
            or _front(sentence, s, names, index, masked)
            or _back(sentence, s, names, index, masked)
        )
        if found is not None:
            out.append(found)
    return out


def _front(sentence, s, names, index, masked) -> Reported | None:
    """X said (that) <clause>."""
    m = _FRONT.match(sentence.rstrip())
    if not m or _QUOTE_MARK.search(m.group("head")):
        return None
    cue = " ".join(m.group("cue").split())
    clause, clause_at = m.group("clause"), m.start("clause")
    adverbial = _ADVERBIAL_THAT.match(clause)
    if adverbial:  # "said in a statement on Wednesday that ...", "said this month that ..."
        clause_at += adverbial.end()
        clause = clause[adverbial.end() :]
        cue = f"{cue} {adverbial.group(1)}".strip()
    that = bool(m.group("that") or adverbial)
    bare = cue.split()[0] in ("said", "says", "say", "told", "tells")
    if not that and not (bare and clause[:1].islower()):
        return None  # "X reported a fire" is not reported speech
    if not that and _PREPOSITION.match(clause):
        return None  # "said in a statement on Wednesday." holds no clause
    tail = _TRAILING_CREDIT.search(clause)
    if tail:  # "..., The Example Gazette reported." credits the outlet, not the claim
        clause = clause[: tail.start()]
    if not _clause_ok(clause):
        return None
    speaker, span, _person = nearest_subject(m.group("head"), s, names, index, masked)
    speaker = _speaker(speaker)
    if speaker is None:
        return None
    start = s + clause_at
    return Reported(start, start + len(clause.rstrip(" ,")), speaker, span, cue)


def _according(sentence, s, names, index, masked) -> Reported | None:
    """According to X, <clause>. / <clause>, according to X."""
    if "ccording to" not in sentence:
        return None
    for pattern in (_ACCORDING_FRONT, _ACCORDING_BACK):
        m = pattern.match(sentence.rstrip())
        if not m or _QUOTE_MARK.search(m.group("source")):
            continue
        clause = m.group("clause")
        if not _clause_ok(clause):
            continue
        source = m.group("source")
        speaker, span, _person = resolve_phrase(source, s + m.start("source"), names, index, masked)
        speaker = _speaker(speaker)
        if speaker is None:
            continue
        start = s + m.start("clause")
        return Reported(start, start + len(clause.rstrip(" ,")), speaker, span, "according to")
    return None


def _back(sentence, s, names, index, masked) -> Reported | None:
    """<clause>, X said. / <clause>, said X."""
    m = _BACK.match(sentence.rstrip())
    if not m:
        return None
    clause = m.group("clause")
    if not _clause_ok(clause) or _QUOTE_MARK.search(clause[-3:]):
        return None  # a quotation ending at the comma is a direct quote
    source = m.group("source") or m.group("source2")
    at = m.start("source") if m.group("source") else m.start("source2")
    cue = " ".join((m.group("cue") or m.group("cue2")).split())
    if len(source.split()) > 8:
        return None
    speaker, span, _person = resolve_phrase(source, s + at, names, index, masked)
    speaker = _speaker(speaker)
    if speaker is None:
        return None
    start = s + m.start("clause")
    return Reported(start, start + len(clause.rstrip(" ,")), speaker, span, cue)

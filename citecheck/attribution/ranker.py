"""Who said a quote, chosen among candidates by a small trained model instead of one more rule.

The rules (`speakers`, continuity in `extract`) give one answer; this module lists everyone who
could have spoken the quote (the names of its sentence, of the sentence before and after, the
rules' answer, the speaker of the quote or reported statement before it, and "nobody named"),
describes each by a few features (where the name stands against the quote and the cue, whether
it is a person, the subject, the object of "told", how often the article names it ...) and
scores them with a conditional logit whose weights ship in `speaker_model.json`. The weights are
learned by bench/train_speaker.py from annotated articles (the development set and the train
half of attributions-extra; never the validation half), which records its data and scores in
the file. Pure Python: a dot product per candidate.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .cues import CUE
from .genders import surname_key
from .name_index import NameIndex
from .names import HEADLINE, Name, is_org
from .references import head_of_modifiers, names_between

FEATURES = (
    "rule",  # the rules chose it
    "last",  # it spoke the quote or reported statement before
    "before",  # named in the quote's sentence, before the quote
    "after",  # named in the quote's sentence, after the quote
    "prev_sentence",
    "next_sentence",
    "elsewhere",  # named by the rules or continuity only
    "distance",  # log characters from the quote
    "cue_after",  # a speech verb right after the name ("Ada Quill said")
    "cue_before",  # a speech verb right before it ("said Ada Quill", "according to")
    "object",  # after a preposition: "sacked by the council"
    "addressee",  # after "told" or "asked": the one spoken to
    "person",
    "organisation",
    "mentions",  # log of how often the article names it
    "subject",  # the first name of its sentence
    "possessive",  # "Quill’s"
    "description",  # an unnamed source as the text gives it ("a spokesperson")
    "null",  # the choice "nobody named"
    "null_partial",  # ... for a fragment woven into the writer's sentence
    "null_rule_none",  # ... when the rules found nobody either
)
_PREPOSITION = re.compile(
    r"\b(?:by|to|from|with|against|for|of|at|about|on|in|into|over|toward|towards|like|than|"
    r"as|without|behind|after|before|under)\s+(?:(?:the|Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?\s+)?$",
    re.IGNORECASE,
)
_TOLD = re.compile(r"\b(?:told|tells|tell|asked|asks|ask|interviewed|thanked)\s+$", re.IGNORECASE)
_CUE_AT_END = re.compile(rf"(?:{CUE.pattern})\s*$")  # compiled once: the pattern is long
_WINDOW = 40  # characters either side of a name searched for its cue
_REACH = 500  # characters either side of the quote searched for candidates


@dataclass(frozen=True)
class Choice:
    """One possible speaker of a quote, with the features the model scores."""

    speaker: str | None  # None: nobody named
    span: tuple[int, int] | None
    features: tuple[float, ...]


def choices(
    masked: str,
    starts: list[int],
    names: list[Name],
    index: NameIndex,
    quote: tuple[int, int],
    rule: tuple[str | None, tuple[int, int] | None],
    last: str | None,
    partial: bool,
    counts: dict[str, int],
    memo: dict | None = None,
) -> list[Choice]:
    """Every candidate speaker of the quote at `quote` (offsets into the analysis text).
    `counts`: how often the article names each surname (`mention_counts`); `memo`, a dict
    kept for one text, holds each mention's own features across its quotes."""
    memo = {} if memo is None else memo
    k = max(bisect_right(starts, quote[0] - 1) - 1, 0)
    bounds = starts + [len(masked)]
    lo, hi = quote[0] - _REACH, quote[1] + _REACH  # a run-on "sentence" is read near the quote

    def clamp(a: int, b: int) -> tuple[int, int]:
        return max(a, lo), max(min(b, hi), max(a, lo))

    sentence = clamp(bounds[k], bounds[min(k + 1, len(bounds) - 1)])
    prev = clamp(bounds[max(k - 1, 0)], sentence[0]) if k > 0 else (sentence[0], sentence[0])
    nxt = clamp(sentence[1], bounds[min(k + 2, len(bounds) - 1)])
    rule_name, rule_span = rule
    found: dict[str, tuple[float, Choice]] = {}

    def add(speaker: str, span: tuple[int, int] | None, where: str, n: Name | None) -> None:
        f = dict.fromkeys(FEATURES, 0.0)
        f[where] = 1.0
        f["rule"] = float(bool(rule_name) and surname_key(speaker) == surname_key(rule_name))
        f["last"] = float(bool(last) and surname_key(speaker) == surname_key(last))
        f["mentions"] = math.log1p(counts.get(surname_key(speaker), 0))
        f["description"] = float(speaker[:1].islower())
        distance = 10_000.0
        if n is not None:
            distance = float(max(0, quote[0] - n.end, n.start - quote[1]))
            f.update(_of_mention(n, masked, starts, bounds, names, index, memo))
        f["distance"] = math.log1p(distance) / 8
        choice = Choice(speaker, span, tuple(f[name] for name in FEATURES))
        key = surname_key(speaker)
        if key not in found or distance < found[key][0]:
            found[key] = (distance, choice)

    for where, (a, b) in (("prev_sentence", prev), ("next_sentence", nxt)):
        for n in names_between(names, a, b):
            if _may_speak(n, index):
                add(_speaker_of(n, index), (n.start, n.end), where, n)
    for n in names_between(names, sentence[0], sentence[1]):
        if _may_speak(n, index):
            where = "before" if n.end <= quote[0] else "after"
            add(_speaker_of(n, index), (n.start, n.end), where, n)
    for speaker, span in ((rule_name, rule_span), (last, None)):
        if speaker and surname_key(speaker) not in found and not HEADLINE.search(speaker):
            add(speaker, span, "elsewhere", None)
    null = dict.fromkeys(FEATURES, 0.0)
    null["null"] = 1.0
    null["null_partial"] = float(partial)
    null["null_rule_none"] = float(rule_name is None)
    out = [c for _, c in found.values()]
    out.append(Choice(None, None, tuple(null[name] for name in FEATURES)))
    return out


def _of_mention(n: Name, masked, starts, bounds, names, index, memo: dict) -> dict[str, float]:
    """The features a mention has whatever the quote: the words around it, its kind, its role
    in its sentence; once per mention of a text (`memo`)."""
    found = memo.get(n.start)
    if found is not None:
        return found
    after = masked[n.end : n.end + _WINDOW]
    before = masked[max(0, n.start - _WINDOW) : n.start]
    obj = bool(_PREPOSITION.search(before[-16:]))
    opening = max(bounds[bisect_right(starts, n.start) - 1], n.start - _REACH)
    ahead = names_between(names, opening, n.start)  # "Coolabri resident Ann Lee": Lee
    found = {
        "cue_after": float(bool(CUE.search(after))),
        "cue_before": float(bool(_CUE_AT_END.search(before))),
        "object": float(obj),
        "addressee": float(bool(_TOLD.search(before[-16:]))),
        "person": float(n.person or index.is_person(n.text)),
        "organisation": float(is_org(n.text.split())),
        "subject": float(
            not obj and (not ahead or head_of_modifiers(ahead[0], names, masked) is n)
        ),
        "possessive": float(masked[n.end : n.end + 2] in ("’s", "'s")),
    }
    memo[n.start] = found
    return found


_POSSESSIVE_ALONE = re.compile(r"[A-Z][\w-]*[’']s")


def _may_speak(n: Name, index: NameIndex) -> bool:
    """A mention that can stand for a speaker: a person, an organisation or a name of several
    words; not a lone capitalised word ("Asked", "Today"), nor a possessive alone."""
    if _POSSESSIVE_ALONE.fullmatch(n.text) or HEADLINE.search(n.text):
        return False
    words = n.text.split()
    return len(words) > 1 or n.person or index.is_person(n.text) or is_org(words)


def mention_counts(names: list[Name]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for n in names:
        counts[surname_key(n.text)] = counts.get(surname_key(n.text), 0) + 1
    return counts


def _speaker_of(n: Name, index: NameIndex) -> str:
    return index.expand(n.text) if n.person or index.is_person(n.text) else n.text


@cache
def model() -> tuple[float, ...] | None:
    """The trained weights, in the order of FEATURES; None when the file holds another set."""
    data = json.loads(
        resources.files("citecheck.attribution").joinpath("speaker_model.json").read_text("utf-8")
    )
    if tuple(data["features"]) != FEATURES:
        return None
    return tuple(data["weights"])


def choose(options: list[Choice], weights: tuple[float, ...]) -> Choice:
    """The candidate the model scores highest."""
    return max(options, key=lambda c: sum(w * x for w, x in zip(weights, c.features, strict=True)))

"""Does a source back a piece of reported speech? Content, not wording.

Reported speech paraphrases ("the council would pay £18,000 a month to run the boat"), so it is
compared by content words: the source sentence holding most of the claim's content words backs
it (two adjacent sentences only when no single one holds enough), unless a number or a negation
differs, which makes it `altered`. Too little overlap is "none": the judge calls that
unverifiable, not a misquote, since a paraphrase can be right in words no rule can match.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from ..model import Difference, Grade, Match
from ..text.negation import negated
from ..text.numbers import numbers
from ..text.sentences import split_sentences
from ..text.stopwords import STOPWORDS

SUPPORT_MIN = 0.6  # share of the claim's content words a passage must hold
_WORD = re.compile(r"[\w£$€%][\w.,'’£$€%-]*\w|\w")
# "without" negates a reported claim as surely as "not" ("passed without changes").
_ALSO_NEGATING = frozenset({"without"})


def _words(text: str) -> list[str]:
    return [w.casefold().replace("’", "'") for w in _WORD.findall(text)]


def _stem(word: str) -> str:
    """Crude, language-light stemming: "reopens" and "reopen" meet, "pays" and "pay" too."""
    word = word.strip(".,")
    return word[:5] if len(word) > 5 else word.rstrip("s")


def _negates(words: list[str]) -> bool:
    return negated(words) or not _ALSO_NEGATING.isdisjoint(words)


def _content(words: list[str]) -> set[str]:
    return {_stem(w) for w in words if w not in STOPWORDS and not _negates([w]) and len(w) > 1}


def _missing_numbers(claim: str, passage: str, lang: str | None) -> list[str]:
    """The claim's numbers, as written, that the passage does not hold in any reading."""
    have = {round(v, 6) for _, values in numbers(passage, lang) for v in values}
    return [
        written
        for written, values in numbers(claim, lang, strict=True)
        if not have & {round(v, 6) for v in values}
    ]


def _best(wanted: set[str], text: str, windows) -> tuple[tuple[int, int] | None, float]:
    """The window holding the largest share of the claim's content words (the shortest of
    equals), and that share."""
    best, best_score = None, 0.0
    for s, e in windows:
        score = len(wanted & _content(_words(text[s:e]))) / len(wanted)
        if score > best_score or (score == best_score and best and e - s < best[1] - best[0]):
            best, best_score = (s, e), score
    return best, best_score


def support_claim(claim: str, page_text: str, url: str = "", lang: str | None = "en") -> Match:
    """The page passage that best backs `claim`, graded supported / altered / none."""
    claim_words = _words(claim)
    wanted = _content(claim_words)
    if not wanted:
        return Match(url, Grade.NONE, 0.0, reason="the claim has no content words")
    spans = [s.span for s in split_sentences(page_text, lang)]
    pairs = [(a[0], b[1]) for a, b in zip(spans, spans[1:], strict=False)]
    # One sentence first: a claim is backed by the words of the passage shown, and a neighbour
    # that only lends a word ("boats" for "boat") must not join it. Two adjacent sentences
    # only when no single one holds enough of the claim.
    best, best_score = _best(wanted, page_text, spans)
    if best_score < SUPPORT_MIN:
        pair, pair_score = _best(wanted, page_text, pairs)
        if pair_score > best_score:
            best, best_score = pair, pair_score
    if best is None or best_score < SUPPORT_MIN:
        why = "no passage holds the claim's content"
        return Match(url, Grade.NONE, round(best_score, 3), reason=why)
    s, e = best
    passage = page_text[s:e].strip()
    passage_words = _words(passage)
    score = round(max(best_score, fuzz.token_set_ratio(claim, passage) / 100), 3)
    missing = _missing_numbers(claim, passage, lang)
    if missing:
        reason = f"number differs: the source has no {', '.join(dict.fromkeys(missing))}"
        return Match(url, Grade.ALTERED, score, passage, (s, e), (), reason, Difference.NUMBER)
    if _negates(claim_words) != _negates(passage_words):
        reason = "negation differs"
        return Match(url, Grade.ALTERED, score, passage, (s, e), (), reason, Difference.NEGATION)
    share = f"{best_score:.0%} of the claim's content words"
    return Match(url, Grade.SUPPORTED, score, passage, (s, e), (), f"the source backs it ({share})")

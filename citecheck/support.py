"""Does a source back a piece of reported speech? Content, not wording.

Reported speech paraphrases ("the council would pay £18,000 a month to run the boat"), so it is
compared by content words: the source sentence (or two adjacent ones) holding most of the
claim's content words backs it, unless a number or a negation differs, which makes it
`altered`. Too little overlap is "none": the judge calls that unverifiable, not a misquote,
since a paraphrase can be right in words no rule can match.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from .model import Match

SUPPORT_MIN = 0.6  # share of the claim's content words a passage must hold
_SENTENCE = re.compile(r"(?<=[.!?…])[”’\"»)]*\s+(?=[A-Z“\"‘(¿¡])|\n+")
_WORD = re.compile(r"[\w£$€%][\w.,'’£$€%-]*\w|\w")
_NUMBER = re.compile(r"\d[\d.,\s]*\d|\d")
_NEGATION = {"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without"}
_NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20",
    "hundred": "100", "thousand": "1000", "dozen": "12",
}  # fmt: skip
_STOP = {
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "by", "with",
    "from", "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "that",
    "this", "these", "those", "it", "its", "he", "she", "they", "them", "his", "her", "their",
    "we", "our", "you", "your", "i", "would", "will", "could", "should", "can", "may", "might",
    "must", "shall", "do", "does", "did", "so", "than", "then", "there", "which", "who", "whom",
    "what", "when", "where", "why", "how", "about", "into", "over", "under", "until", "up",
    "out", "if", "also", "just", "very", "more", "most", "some", "any", "all", "each", "said",
}  # fmt: skip


def _words(text: str) -> list[str]:
    return [w.casefold().replace("’", "'") for w in _WORD.findall(text)]


def _stem(word: str) -> str:
    """Crude, language-light stemming: "reopens" and "reopen" meet, "pays" and "pay" too."""
    word = word.strip(".,")
    return word[:5] if len(word) > 5 else word.rstrip("s")


def _content(words: list[str]) -> set[str]:
    return {_stem(w) for w in words if w not in _STOP and w not in _NEGATION and len(w) > 1}


def _numbers(text: str, words: list[str]) -> set[str]:
    found = {re.sub(r"[.,\s]", "", n) for n in _NUMBER.findall(text)}
    return found | {_NUMBER_WORDS[w] for w in words if w in _NUMBER_WORDS}


def _negated(words: list[str]) -> bool:
    return any(w in _NEGATION or w.endswith("n't") for w in words)


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENTENCE.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def support_claim(claim: str, page_text: str, url: str = "") -> Match:
    """The page passage that best backs `claim`, graded supported / altered / none."""
    claim_words = _words(claim)
    wanted = _content(claim_words)
    if not wanted:
        return Match(url, "none", 0.0, reason="the claim has no content words")
    spans = _sentences(page_text)
    windows = spans + [(a[0], b[1]) for a, b in zip(spans, spans[1:], strict=False)]
    best, best_score = None, 0.0
    for s, e in windows:
        got = _content(_words(page_text[s:e]))
        score = len(wanted & got) / len(wanted)
        if score > best_score or (score == best_score and best and e - s < best[1] - best[0]):
            best, best_score = (s, e), score
    if best is None or best_score < SUPPORT_MIN:
        why = "no passage holds the claim's content"
        return Match(url, "none", round(best_score, 3), reason=why)
    s, e = best
    passage = page_text[s:e].strip()
    passage_words = _words(passage)
    score = round(max(best_score, fuzz.token_set_ratio(claim, passage) / 100), 3)
    missing = _numbers(claim, claim_words) - _numbers(passage, passage_words)
    if missing:
        reason = f"number differs: the source has no {', '.join(sorted(missing))}"
        return Match(url, "altered", score, passage, (s, e), (), reason)
    if _negated(claim_words) != _negated(passage_words):
        return Match(url, "altered", score, passage, (s, e), (), "negation differs")
    share = f"{best_score:.0%} of the claim's content words"
    return Match(url, "supported", score, passage, (s, e), (), f"the source backs it ({share})")

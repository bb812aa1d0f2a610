"""Locate the passage of a page in another language that a quote renders, by embedding.

The page is cut into sentences (`text.sentences`); every sentence, then the pairs of adjacent
sentences around the best few, then the clauses of the best few sentences (for a quote of part
of a sentence) are embedded with a multilingual sentence encoder (`embed`), and the window most
similar to the quote wins.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..text.sentences import Sentence, Span, split_sentences


@dataclass(frozen=True)
class _Window:
    text: str
    span: Span
    first: int  # index of the first sentence
    size: int  # sentences joined; 0 for a clause of sentence `first`


# Where a sentence divides into the part a reporter quotes and the part that frames it:
# punctuation, and the "that" of reported speech ("explicó que ...", "a déclaré qu'...").
_CLAUSE_CUT = re.compile(
    r"[,;:«»“”\"()—–]+\s*|(?<=\s)(?:que|qu['’]|that|dass|что|che)\s*", re.IGNORECASE
)
MIN_CLAUSE_WORDS = 4


def _clauses(sent: Sentence) -> list[Span]:
    """Spans of the parts of a sentence after and before each clause cut (at least
    MIN_CLAUSE_WORDS words each), so a partial quote can be located in a long sentence."""
    a, b = sent.span
    cuts = [
        m for m in _CLAUSE_CUT.finditer(sent.text) if 0 < m.start() and m.end() < len(sent.text)
    ]
    out = []
    for m in cuts:
        head = sent.text[: m.start()].rstrip(' «“"(—–')
        tail = sent.text[m.end() :].lstrip(' »”")—–')
        if len(head.split()) >= MIN_CLAUSE_WORDS:
            out.append((a, a + len(head)))
        if len(tail.split()) >= MIN_CLAUSE_WORDS:
            out.append((b - len(tail), b))
    return list(dict.fromkeys(out))


@functools.lru_cache(maxsize=32)
def page_sentences(text: str, lang: str | None) -> tuple[Sentence, ...]:
    """A page's sentences, split once however many quotes look at it."""
    return tuple(split_sentences(text, lang))


def windows(text: str, lang: str | None, *, clauses: bool = False) -> list[_Window]:
    """Every sentence, every two adjacent sentences of one paragraph joined and (`clauses`) the
    parts of a sentence before and after each clause cut."""
    sents = page_sentences(text, lang)
    out = [_Window(s.text, s.span, i, 1) for i, s in enumerate(sents)]
    for i in range(len(sents) - 1):
        a, b = sents[i], sents[i + 1]
        if a.paragraph == b.paragraph:
            out.append(_Window(text[a.span[0] : b.span[1]], (a.span[0], b.span[1]), i, 2))
    if clauses:
        for i, s in enumerate(sents):
            for x, y in _clauses(s):
                out.append(_Window(text[x:y], (x, y), i, 0))
    return out


CLAUSE_TOP = 3  # sentences whose clauses are tried, best first
PAIR_TOP = 5  # sentences whose pairs with their neighbours are tried, best first
CLAUSE_MARGIN = 0.02  # a clause must beat the best sentence by this much to stand for it
CLAUSE_RATIO = 0.9  # words of the quote against the best sentence's, below which clauses count


@dataclass(frozen=True)
class Located:
    """The window of the page a quote renders: `window` is what the checks compare (a
    sentence, two adjacent ones, or a clause), `passage` the whole sentence(s) around it."""

    score: float
    window: _Window
    passage: str
    passage_span: Span


def locate(
    quote: str, page_text: str, page_lang: str | None, embedder, *, clauses: bool = True
) -> list[Located]:
    """Windows of the page by similarity to the quote, best first.

    Sentences and pairs of sentences are embedded once per page (cached by the embedder); the
    clauses of the best few sentences are tried next, for a quote of part of a sentence."""
    sents = page_sentences(page_text, page_lang)
    wins = windows(page_text, page_lang)
    if not wins:
        return []
    # Sentences first; then the exact pairs around the best few sentences only (embedding cost
    # grows with length: every pair tripled it, for the same top-1 on the bench).
    single = [w for w in wins if w.size == 1]
    vecs = embedder.embed([w.text for w in single] + [quote])
    qv = vecs[-1]
    scored = [(float(x), w) for x, w in zip(vecs[:-1] @ qv, single, strict=True)]
    scored.sort(key=lambda t: -t[0])
    near = {w.first for _, w in scored[:PAIR_TOP]}
    pairs = [w for w in wins if w.size == 2 and (w.first in near or w.first + 1 in near)]
    if pairs:
        pv = _embed_parts(embedder, pairs, sents)
        scored += [(float(x), w) for x, w in zip(pv @ qv, pairs, strict=True)]
    scored.sort(key=lambda t: -t[0])
    # Clauses only for a quote shorter than the best sentence: a longer one is no part of it
    # (a fifth fewer windows embedded on the bench, the same passages found)
    if clauses and len(quote.split()) < CLAUSE_RATIO * len(scored[0][1].text.split()):
        top: list[int] = []
        for _, w in scored:
            for i in range(w.first, w.first + w.size):
                if i not in top:
                    top.append(i)
            if len(top) >= CLAUSE_TOP:
                break
        parts = [
            _Window(page_text[x:y], (x, y), i, 0) for i in top[:CLAUSE_TOP]
            for x, y in _clauses(sents[i])
        ]  # fmt: skip
        if parts:
            cv = _embed_parts(embedder, parts, sents)
            best = scored[0][0]
            for x, w in zip(cv @ qv, parts, strict=True):
                if float(x) > best + CLAUSE_MARGIN:
                    scored.append((float(x), w))
            scored.sort(key=lambda t: -t[0])
    out = []
    for score, w in scored:
        if w.size == 0:
            sent = sents[w.first]
            out.append(Located(score, w, sent.text, sent.span))
        else:
            out.append(Located(score, w, w.text, w.span))
    return out


def _embed_parts(embedder, wins: list[_Window], sents: Sequence[Sentence]):
    """Windows cut from page sentences: an embedder that reuses the sentences' computation
    is told which (`embed.Embedder.embed_parts`)."""
    texts = [w.text for w in wins]
    parts = getattr(embedder, "embed_parts", None)
    if parts is None:
        return embedder.embed(texts)
    srcs = [tuple(s.text for s in sents[w.first : w.first + max(w.size, 1)]) for w in wins]
    return parts(texts, srcs)

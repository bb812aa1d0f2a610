"""Quotes across languages: find the passage of a foreign-language page that a quote translates.

A reporter who quotes a Spanish speaker in English cannot be checked word for word against the
Spanish page. `cross_match` does what a bilingual editor would:

1. Locate. The page is cut into sentences (and heading fragments glued to them); every sentence
   and every pair of adjacent sentences is embedded with a multilingual sentence encoder
   (`embed`, the optional `citecheck[multilingual]` extra), then the clauses of the
   best few sentences (for a quote of part of a sentence), and the window most similar to the
   quote wins. Below the embedder's `locate_min` similarity nothing on the page renders it.
2. Check what survives any faithful translation, with no translator: every number of the quote
   must stand in the passage (digits normalised, "3,000" = "3.000" = "3 000", "9 billion" =
   "9000 millones", small number words in en/es/pt/fr/de/ru), a negation must be on both sides or
   on neither ("not" / "no", "não", "не", "nicht", "ne ... pas"), and on a page in Latin script the
   quote's names must stand in the passage, accents folded. A failure is `altered`, with a reason.
3. With a translator (`translate`), translate the passage into the quote's language and
   compare word by word with `citecheck.match.match_quote`: exact or close is `translated`; a
   number, negation or name lost in translation is `altered`. Other wording differences are what
   two translators of one sentence produce, so they are shown (the diff) but do not make a
   misquote, unless `strict=True`, where any difference the matcher calls altered is altered.

Grades: "translated" (the quote renders the passage), "altered" (it renders it with a number,
negation or name changed), "none" (no passage renders it), "unavailable" (neither the embedding
extra nor a translator: the judge says `unverifiable`, reason language).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..match import match_quote
from ..model import Difference, DiffOp, Grade, Match, Span
from ..text.negation import ANY_NEGATION, NEGATIONS, negation_mismatch
from ..text.sentences import split_sentences
from .checks import Problem, safety, word_diff
from .locate import locate, page_sentences
from .place import omitted_condition, placed_problems

LOCATE_MIN = 0.45  # best similarity below this: nothing on the page renders the quote
# Calibrated on bench/crosslingual.py (USE multilingual v3): fabricated quotes (a sentence of
# another document) peak at 0.35; faithful renderings: median 0.79, 5th percentile 0.60.
MAX_TRANSLATED = 200  # sentences a page may send to a translator when there is no embedder


@dataclass(frozen=True)
class CrossMatch:
    """The passage of a page in another language that a quote renders, and how faithfully.

    `passage` and `passage_span` are in the page's own language and text; `translation` is the
    passage in the quote's language when a translator was used, and `diff` compares it with the
    quote word by word ("=" both, "-" translation only, "+" quote only). `backends` names the
    embedding model and translator used, e.g. ("use-multilingual-v3", "deepl").
    """

    url: str
    grade: Grade  # translated, altered, none or unavailable
    score: float  # similarity of quote and passage, 0..1 (embedding cosine, or word similarity)
    passage: str = ""
    passage_span: Span | None = None  # into the page text
    translation: str | None = None
    diff: tuple[DiffOp, ...] = ()
    clause: str = ""  # the part of the passage the quote renders, when it is part of a sentence
    clause_span: Span | None = None
    reason: str = ""
    backends: tuple[str, ...] = ()
    quote_language: str | None = None
    page_language: str | None = None
    checks: tuple[str, ...] = field(default=(), compare=False)  # the safety checks that ran
    difference: Difference | None = None  # what made it altered, or WORDING for a loose rendering

    def as_match(self) -> Match:
        """The judge's view: a Match like any other page's, with the translation attached."""
        return Match(
            self.url,
            self.grade,
            self.score,
            self.passage,
            self.passage_span,
            self.diff,
            self.reason,
            self.difference,
            self.translation,
            self.backends,
        )


def cross_match(
    quote: str,
    quote_lang: str | None,
    page_text: str,
    page_lang: str | None,
    *,
    embedder=None,
    translator=None,
    url: str = "",
    strict: bool = False,
    locate_min: float | None = None,
) -> CrossMatch:
    """Find the passage of `page_text` (in `page_lang`) that `quote` (in `quote_lang`) renders.

    `embedder`: an `embed.Embedder` (None: locate through the translator alone).
    `translator`: a callable `(texts, source_lang, target_lang) -> translations` with a `name`
    (`translate.bind(backend, client)` makes one); None: no translation. A translator's
    failure never raises: the embedding verdict stands and the reason says what failed.
    `strict`: with a translator, only a word-for-word (exact/close) match confirms the quote.
    `locate_min`: the similarity below which nothing renders the quote (default: the
    embedder's own, calibrated in bench/crosslingual.py).
    """
    base = {"url": url, "quote_language": quote_lang, "page_language": page_lang}
    tname = getattr(translator, "name", "translator") if translator else None
    backends = tuple(b for b in (getattr(embedder, "name", None), tname) if b)
    if embedder is None and translator is None:
        return CrossMatch(
            grade=Grade.UNAVAILABLE,
            score=0.0,
            reason=f"language: the source is in {page_lang or 'another language'} and neither "
            "a translator nor the embedding extra (citecheck[multilingual]) is configured",
            **base,
        )
    if embedder is None:
        return _by_translation(quote, quote_lang, page_text, page_lang, translator, base, strict)

    ranked = locate(quote, page_text, page_lang, embedder)
    if not ranked:
        return CrossMatch(
            grade=Grade.NONE,
            score=0.0,
            reason="the page has no sentences",
            backends=backends,
            **base,
        )
    best = ranked[0]
    score = round(best.score, 3)
    if locate_min is None:
        locate_min = getattr(embedder, "locate_min", LOCATE_MIN)
    rescued = None
    if score < locate_min:
        top = ranked[:NEGATION_TOP]
        rescued = _unnegated(quote, quote_lang, top, page_lang, embedder, locate_min)
        best = rescued or best
        score = round(best.score, 3)
    part = {}
    if best.window.size == 0:
        part = {"clause": best.window.text, "clause_span": best.window.span}
    if score < locate_min and rescued is None:
        return CrossMatch(
            grade=Grade.NONE,
            score=score,
            passage=best.passage,
            passage_span=best.passage_span,
            reason=f"no passage of the {page_lang or 'foreign'} source renders the quote "
            f"(best similarity {score:.2f} < {locate_min:.2f})",
            backends=backends,
            **base,
        )
    found = {
        "passage": best.passage,
        "passage_span": best.passage_span,
        "backends": backends,
        **part,
    }
    translation, diff, note = None, (), ""
    if translator is not None:
        try:
            translation = translator([best.passage], page_lang, quote_lang)[0]
        except Exception as exc:  # noqa: BLE001 - a translator's failure is a note, not a crash
            note = f"; translator {tname} failed: {exc}"
            found["backends"] = backends[:1]
    problems = safety(quote, quote_lang, best.window.text, page_lang, translation)
    sents = page_sentences(page_text, page_lang)[best.window.first :]
    if best.window.size == 0 and (
        why := omitted_condition(quote, best.window.text, sents[0].text, page_lang)
    ):
        problems.append((Difference.DROPPED, why))
    problems, where = placed_problems(
        quote,
        quote_lang,
        best.window.text,
        page_lang,
        embedder,
        problems,
        sources=tuple(s.text for s in sents[: max(best.window.size, 1)]),
        translation=translation,
    )
    if translation is not None:
        grade, difference, reason, diff = _with_translation(
            quote, translation, problems, score, tname, page_lang, url, strict
        )
        found.update(translation=translation, diff=diff)
    elif problems:
        grade, difference, reason = Grade.ALTERED, problems[0][0], _reason(problems) + note
        if where:  # the clauses that disagree, source's then quote's, as a diff shows them
            found.update(diff=(("-", where[1]), ("+", where[0])))
    else:
        grade, difference = Grade.TRANSLATED, None
        reason = (
            f"renders the {page_lang} passage (similarity {score:.2f}); numbers, negation and "
            f"names agree; wording not compared (no translator){note}"
        )
    if where and grade is Grade.ALTERED:
        whole = where[0] == quote.strip(" .!?\"'“”")
        who = "the quote" if whole else f"the quote's clause '{where[0]}'"
        reason += f"; {who} renders the source's clause '{where[1]}'"
    if rescued is not None:
        why = f"similarity {score:.2f}, below {locate_min:.2f} until the negation was set aside"
        reason += f" ({why})"
    return CrossMatch(
        grade=grade,
        score=score,
        reason=reason,
        difference=difference,
        checks=_CHECKS,
        **found,
        **base,
    )


NEGATION_TOP = 3  # windows re-read without their negation when nothing reaches locate_min
_PUNCT = ',.;:!?¿¡«»"“”()'
_QUOTE_NOT = re.compile(r"\s*\b(?:not|never)\b|n't\b", re.IGNORECASE)


def _unnegated(quote, qlang, ranked, plang, embedder, locate_min):
    """A short sentence whose negation was dropped or added ("Masks are important" for "Las
    mascarillas no son importantes") can fall below locate_min, the negation being much of what
    it says: read without the negation on the side that has it, a window that then renders the
    quote is the passage (and the negation check makes it altered), not a quote with no source.
    """
    for loc in ranked:
        if not negation_mismatch(quote, qlang, loc.window.text, plang):
            continue
        words = NEGATIONS.get(plang or "", ANY_NEGATION)
        text = loc.window.text
        page_side = " ".join(w for w in text.split() if w.strip(_PUNCT).casefold() not in words)
        quote_side = " ".join(_QUOTE_NOT.sub("", quote).split())
        vq, vp, vq0, vp0 = embedder.embed([quote, page_side, quote_side, text])
        if max(float(vq @ vp), float(vq0 @ vp0)) >= locate_min:
            return loc
    return None


def _with_translation(
    quote: str,
    translation: str,
    problems: list[Problem],
    score: float,
    tname: str | None,
    page_lang: str | None,
    url: str,
    strict: bool,
) -> tuple[Grade, Difference | None, str, tuple[DiffOp, ...]]:
    """Grade, difference, reason and word diff of a located passage the translator rendered
    into the quote's language."""
    m = match_quote(quote, translation, url)
    diff = m.diff if m.grade is not Grade.NONE and m.diff else word_diff(translation, quote)
    if not problems and m.grade is Grade.ALTERED and m.difference is Difference.NEGATION:
        problems = [(Difference.NEGATION, f"after translation by {tname}: {m.reason}")]
    if problems:
        return Grade.ALTERED, problems[0][0], _reason(problems), diff
    if m.grade in (Grade.EXACT, Grade.CLOSE):
        how = "word for word" if m.grade is Grade.EXACT else "up to punctuation or spelling"
        why = (
            f"the {tname} translation of the {page_lang} passage matches the quote {how} "
            f"(similarity {score:.2f})"
        )
        return Grade.TRANSLATED, None, why, diff
    if strict:  # only a word-for-word match with the translation confirms the quote
        why = f"after translation by {tname}: {m.reason}"
        return Grade.ALTERED, m.difference or Difference.WORDING, why, diff
    changed = sum(len(t.split()) for op, t in diff if op == "+")
    why = (
        f"renders the {page_lang} passage (similarity {score:.2f}); numbers, negation and names "
        f"agree; {changed} word(s) differ from the {tname} translation, as two translations of "
        "one sentence do"
    )
    return Grade.TRANSLATED, Difference.WORDING if changed else None, why, diff


_CHECKS = ("numbers", "negation", "names")


def _reason(problems: Sequence[Problem]) -> str:
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return problems[0][1] + more


def _by_translation(quote, quote_lang, page_text, page_lang, translator, base, strict):
    """No embedder: translate the page's sentences and let the matcher find the quote."""
    sents = split_sentences(page_text, page_lang)[:MAX_TRANSLATED]
    tname = getattr(translator, "name", "translator")
    if not sents:
        return CrossMatch(
            grade=Grade.NONE,
            score=0.0,
            reason="the page has no sentences",
            backends=(tname,),
            **base,
        )
    try:
        translated = translator([s.text for s in sents], page_lang, quote_lang)
    except Exception as exc:  # noqa: BLE001
        return CrossMatch(
            grade=Grade.UNAVAILABLE,
            score=0.0,
            backends=(tname,),
            reason=f"language: the source is in {page_lang} and the translator "
            f"{tname} failed: {exc}",
            **base,
        )
    joined, spans, pos = [], [], 0
    for s, t in zip(sents, translated, strict=True):
        joined.append(t)
        spans.append((pos, pos + len(t), s))
        pos += len(t) + 1
    text = "\n".join(joined)
    m = match_quote(quote, text, base["url"])
    if m.grade is Grade.NONE or m.passage_span is None:
        return CrossMatch(
            grade=Grade.NONE,
            score=m.score,
            backends=(tname,),
            reason=f"not in the {tname} translation of the {page_lang} source",
            **base,
        )
    a, b = m.passage_span
    hit = [s for x0, x1, s in spans if x0 < b and a < x1]  # the sentences the match spans
    first, last = hit[0], hit[-1]
    passage = page_text[first.span[0] : last.span[1]]
    translation = " ".join(
        t for t, (x0, x1, _) in zip(joined, spans, strict=True) if x0 < b and a < x1
    )
    problems = safety(quote, quote_lang, passage, page_lang, translation)
    if m.grade is Grade.ALTERED and (strict or m.difference is Difference.NEGATION):
        why = f"after translation by {tname}: {m.reason}"
        problems.append((m.difference or Difference.CHANGED, why))
    grade = Grade.ALTERED if problems else Grade.TRANSLATED
    reason = (
        _reason(problems)
        if problems
        else (f"the {tname} translation of the {page_lang} passage matches the quote ({m.grade})")
    )
    return CrossMatch(
        grade=grade,
        score=m.score,
        passage=passage,
        passage_span=(first.span[0], last.span[1]),
        translation=translation,
        diff=m.diff,
        reason=reason,
        backends=(tname,),
        checks=_CHECKS,
        difference=problems[0][0] if problems else None,
        **base,
    )

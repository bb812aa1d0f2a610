"""Placing numbers and negations: which clause of the passage renders which clause of the quote.

Counting is not enough across languages: "Officials responded, but the minister did not
confirm" has one negation, as "Los funcionarios no respondieron, pero el ministro confirmó"
does, and "prices rose 5% and wages 3%" has the numbers of "los precios subieron un 3 % y los
salarios un 5 %". Both sides are cut into clauses (at punctuation and at the conjunctions that
join two statements), each clause of the quote is aligned to the most similar clause of the
passage with the multilingual embedding, and numbers and negations are compared clause by
clause. Only a clear alignment counts, and a moved word only when it is moved both ways (the
clause that lost it and the clause that gained it), so a loose but faithful rendering, which
reorders or merges clauses, is not flagged.

`placed` also says, for a problem found on the whole passage, which clause of the quote and
which clause of the passage disagree, so the report can name them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ..model import Difference
from ..text.negation import negations
from ..text.numbers import number_mismatch, numbers
from .checks import negation_checked

# Where a sentence divides into statements: punctuation, and the conjunctions of two clauses
_JOIN = (
    r"(?:but|while|whereas|although|though|pero|aunque|mientras|sino|mais|alors|tandis|aber|doch|"
    r"während|jedoch|sondern|но|а|однако|mas|porém|enquanto|embora|and|y|e|et|und|и)"
)
# (not a comma or colon of a number, a date or a time: "3:35", "Oct. 2, 1968", "11,5")
_CUT = re.compile(
    rf"\s*(?:[;()«»“”\"—–]|[,:](?!\s*\d))+\s*(?:{_JOIN}\s+)?|\s+{_JOIN}\s+", re.IGNORECASE
)
MIN_WORDS = 2  # a shorter piece joins the clause before it
MIN_SIM = 0.35  # a clause of the quote and one of the passage this similar may render each other
MARGIN = 0.06  # ... and the best must beat the second best by this much


@dataclass(frozen=True)
class Clause:
    text: str
    start: int  # offset in its text


def clauses(text: str) -> list[Clause]:
    """The statements of `text`, in order (a piece under MIN_WORDS words joins its neighbour)."""
    cuts = [(m.start(), m.end()) for m in _CUT.finditer(text)]
    bounds = zip([0] + [e for _, e in cuts], [s for s, _ in cuts] + [len(text)], strict=True)
    spans: list[list[int]] = []
    for a, b in bounds:
        seg = text[a:b]
        core = seg.strip(" .!?¿¡\n")
        if not core:
            continue
        a += seg.index(core)
        b = a + len(core)
        if spans and min(len(core.split()), len(text[slice(*spans[-1])].split())) < MIN_WORDS:
            spans[-1][1] = b  # too short to stand alone: one clause with its neighbour
        else:
            spans.append([a, b])
    return [Clause(text[a:b], a) for a, b in spans]


@dataclass(frozen=True)
class Alignment:
    """Each clause of the quote with the passage clause that renders it (None: unclear)."""

    quote: list[Clause]
    passage: list[Clause]
    best: list[int | None]
    sims: np.ndarray  # (quote clauses, passage clauses)

    def pairs(self) -> list[tuple[Clause, Clause]]:
        best = zip(self.quote, self.best, strict=True)
        return [(q, self.passage[j]) for q, j in best if j is not None]

    def for_quote_word(self, word: str) -> tuple[Clause, Clause] | None:
        """The quote's clause holding `word` and the passage clause most like it."""
        for i, q in enumerate(self.quote):
            if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", q.text, re.IGNORECASE):
                return q, self.passage[int(np.argmax(self.sims[i]))]
        return None

    def for_passage_word(self, word: str) -> tuple[Clause, Clause] | None:
        """The passage's clause holding `word` and the quote clause most like it."""
        for j, p in enumerate(self.passage):
            if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", p.text, re.IGNORECASE):
                return self.quote[int(np.argmax(self.sims[:, j]))], p
        return None


_NUMBER = re.compile(
    r"\d+(?:[.,\u00a0\u202f ]\d+)*\s*(?:%|percent|per cent|por ciento|por cento|pour cent|"
    r"prozent|процент\w*)?",
    re.IGNORECASE,
)


def _unnumbered(text: str) -> str:
    """A clause without its numbers, for aligning: "rose 5%" is most like "subieron un 3 %"
    to the model, when "los salarios un 5 %" renders it."""
    return " ".join(_NUMBER.sub(" ", text).split()) or text


def align(quote: str, passage: str, embedder, sources: tuple[str, ...] = ()) -> Alignment:
    """Clauses of both sides, aligned by embedding (`sources`: sentences the passage is cut
    from, so an embedder that can reuses their computation)."""
    qc, pc = clauses(quote), clauses(passage)
    if not qc or not pc:
        return Alignment(qc, pc, [None] * len(qc), np.zeros((len(qc), len(pc))))
    parts = getattr(embedder, "embed_parts", None) or (lambda texts, _: embedder.embed(texts))
    qv = parts([_unnumbered(c.text) for c in qc], [(quote,)] * len(qc))
    pv = parts([_unnumbered(c.text) for c in pc], [sources or (passage,)] * len(pc))
    sims = qv @ pv.T
    best: list[int | None] = []
    for row in sims:
        order = np.argsort(-row)
        top = float(row[order[0]])
        second = float(row[order[1]]) if len(order) > 1 else -1.0
        best.append(int(order[0]) if top >= MIN_SIM and top - second >= MARGIN else None)
    return Alignment(qc, pc, best, sims)


Placed = tuple[Difference, str, tuple[str, str]]  # what differs, why, (quote, passage clause)


def moved(al: Alignment, qlang: str | None, plang: str | None) -> list[Placed]:
    """Negations and numbers that the passage has as often as the quote, but in another clause,
    between two clearly aligned pairs of clauses: a "not" that one pair's quote clause has and
    its passage clause lacks, while the other pair's passage clause has one its quote clause
    lacks; numbers swapped (each pair's quote clause holds a number of the other's passage
    clause). A number merely standing in another clause is how loose renderings cut
    sentences, and is not flagged."""
    out: list[Placed] = []
    pairs = al.pairs()
    lost = [
        (q, p, why) for q, p in pairs if (why := negation_checked(q.text, qlang, p.text, plang))
    ]
    gained = [p for q, p in pairs if negation_checked(p.text, plang, q.text, qlang)]
    if lost and any(g.start != p.start for _, p, _ in lost for g in gained):
        out.append(_moved(Difference.NEGATION, *lost[0]))
    for a, (qa, pa) in enumerate(pairs):
        why = number_mismatch(qa.text, qlang, pa.text, plang)
        if not why:
            continue
        for qb, pb in pairs[a + 1 :]:
            if pb.start == pa.start or not number_mismatch(qb.text, qlang, pb.text, plang):
                continue
            if _shares_number(qa, pb, qlang, plang) and _shares_number(qb, pa, qlang, plang):
                out.append(_moved(Difference.NUMBER, qa, pa, why))
                return out
    return out


def _shares_number(q: Clause, p: Clause, qlang, plang) -> bool:
    pvals = {round(v, 6) for _, vals in numbers(p.text, plang) for v in vals}
    return any(pvals & {round(v, 6) for v in vals} for _, vals in numbers(q.text, qlang))


def _moved(kind: Difference, q: Clause, p: Clause, why: str) -> Placed:
    what = why.split(": ", 1)[1].replace("source passage", "source's clause for it")
    return kind, f"{kind.value}: moved between clauses: {what}", (q.text, p.text)


def placed_problems(
    quote: str,
    qlang: str | None,
    passage: str,
    plang: str | None,
    embedder,
    problems: list[tuple[Difference, str]],
    *,
    sources: tuple[str, ...] = (),
    translation: str | None = None,
) -> tuple[list[tuple[Difference, str]], tuple[str, str] | None]:
    """The problems, with any number or negation moved between clauses added, and the clauses
    (quote's, passage's) the first one is in; (problems, None) when nothing can be placed."""
    if problems:
        if problems[0][0] not in (Difference.NUMBER, Difference.NEGATION):
            return problems, None
        al = align(quote, passage, embedder, sources)
        return problems, place(problems[0], al, qlang, plang)
    found: list[Placed] = []
    if _placeable(quote, qlang, passage, plang):
        found = moved(align(quote, passage, embedder, sources), qlang, plang)
    if translation is not None and _placeable(quote, qlang, translation, qlang):
        # the translator's answer, compared clause by clause in the quote's language, settles
        # it: what moved there moved, what did not was a misreading across languages
        again = moved(align(quote, translation, embedder), qlang, qlang)
        kinds = {k for k, _, _ in again}
        found = [f for f in found if f[0] in kinds] or [
            (k, f"{why} (in the translation)", where) for k, why, where in again
        ]
    elif translation is not None:
        found = []
    if not found:
        return problems, None
    return [(k, why) for k, why, _ in found], found[0][2]


def _placeable(quote: str, qlang, passage: str, plang) -> bool:
    """Two clauses or more on both sides, and a number or negation to place."""
    if len(_CUT.findall(quote)) < 1 or len(_CUT.findall(passage)) < 1:
        return False
    return bool(
        negations(quote, qlang)
        or negations(passage, plang)
        or numbers(quote, qlang)
        or numbers(passage, plang)
    )


def place(problem: tuple[Difference, str], al: Alignment, qlang, plang) -> tuple[str, str] | None:
    """The quote's clause and the passage's clause a number or negation problem is in."""
    kind, why = problem
    said = re.findall(r"'([^']+)'", why)
    if kind is Difference.NUMBER and said:
        return _texts(al.for_quote_word(said[0]))
    if kind is Difference.NEGATION:
        if "the source passage says" in why and said:
            return _texts(al.for_passage_word(said[0]))
        for q in al.quote:
            if negations(q.text, qlang):
                return _texts(al.for_quote_word(negations(q.text, qlang)[0]))
    if kind is Difference.NUMBER:
        for q in al.quote:
            if numbers(q.text, qlang):
                return _texts(al.for_quote_word(numbers(q.text, qlang)[0][0]))
    return None


def _texts(pair: tuple[Clause, Clause] | None) -> tuple[str, str] | None:
    return (pair[0].text, pair[1].text) if pair else None


# A condition that a partial quote leaves out changes what was said ("We will raise taxes" for
# "Subiremos los impuestos, pero solo si la economía crece").
_CONDITION = {
    "es": r"(?:solo|sólo|únicamente)\s+si|si|a\s+menos\s+que|salvo\s+que"
    r"|siempre\s+(?:y\s+cuando|que)|en\s+caso\s+de\s+que",
    "pt": r"(?:só|apenas|somente)\s+se|se|a\s+menos\s+que|a\s+não\s+ser\s+que|desde\s+que|caso",
    "fr": r"(?:seulement|uniquement)\s+si|si|s['’]il|s['’]ils|à\s+condition\s+que|sauf\s+si"
    r"|à\s+moins\s+que",
    "de": r"(?:nur|bloß)\s+(?:wenn|falls)|wenn|falls|sofern|es\s+sei\s+denn",
    "ru": r"(?:только|лишь)\s+если|если|при\s+условии",
}
_LEAD = r"(?:pero|mas|mais|aber|doch|но|а|y|e|et|und|и)?\s*"
_QUOTE_CONDITION = re.compile(
    r"\b(?:if|unless|provided|as long as|only when|in case|on condition)\b", re.IGNORECASE
)


def omitted_condition(quote: str, clause: str, sentence: str, plang: str | None) -> str | None:
    """The reason when `quote` renders `clause` of `sentence` and the part of the sentence it
    leaves out begins with a condition ("solo si", "a menos que", "wenn", "если") the quote
    does not carry; else None."""
    marker = _CONDITION.get(plang or "")
    if not marker or clause == sentence or _QUOTE_CONDITION.search(quote):
        return None
    at = sentence.find(clause)
    if at < 0:
        return None
    before = sentence[:at].strip(' ,;:—–«»"“”')
    after = sentence[at + len(clause) :].strip(' ,;:—–.!?«»"“”')
    start = re.compile(rf"^{_LEAD}(?:{marker})\b", re.IGNORECASE)
    for part in (after, before):
        if part and start.match(part):
            why = f"the source's sentence also says '{part}', a condition the quote leaves out"
            return f"omission: {why}"
    return None

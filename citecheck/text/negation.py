"""Negation: the words that negate in each language, where they stand, and whether two texts
agree on them.

One list per language serves the word-level matcher (a "not" added or dropped is a misquote),
reported-speech support, and the cross-language check (a passage in Spanish must negate where
the English quote does). `negation_mismatch` places negations by clause, so a double negative
in a quote needs one in the source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .folding import fold

_NEG = {
    "en": "not no never nobody nothing none neither nor nowhere cannot",
    "es": "no nunca jamás ni nadie nada ningún ninguna ninguno tampoco",
    "pt": "não nao nunca jamais nem ninguém nada nenhum nenhuma tampouco",
    "fr": "ne n pas jamais rien aucun aucune personne nul nulle ni guère",
    "de": "nicht nein kein keine keinen keinem keiner keines nie niemals nichts niemand nirgends "
    "weder",
    "ru": "не нет ни никогда ничего ничто никто никого никому никакой никакая никакое никакие "
    "никаких нигде нельзя",
    "it": "non mai nessuno nessuna niente nulla né",
}
NEGATIONS: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in _NEG.items()}
# Language-blind token check (the word matcher): every language's words.
ANY_NEGATION: frozenset[str] = frozenset().union(*NEGATIONS.values())
# For text of unknown language, words that also mean something else ("no" as a number sign,
# French "personne" a person) are left out.
_NEG_ANY = ANY_NEGATION - {"no", "n", "personne", "nul", "ni"}
_FR_PARTNERS = frozenset("pas jamais rien aucun aucune guère plus nul nulle ni personne".split())
# English words that carry a negation without "not": a page's "no les sorprendió" may be the
# quote's "unimpressed", "não convertido" its "unconverted".
_IMPLICIT = frozenset(
    "refuse refused refuses refusing reject rejected rejects rejecting deny denied denies "
    "denying decline declined declines declining fail failed fails failing lack lacked lacks "
    "lacking without unable absent absence demur demurred demurs neglect neglected ignore "
    "ignored ignores prevent prevented prevents avoid avoided avoids hardly barely rarely "
    "seldom little few neither".split()
)
_NOT_PREFIXED = re.compile(
    r"^(?:under|unit|union|univers|unique|unless|until|unto|uncle|unanim|undo|unde|dish|disc|"
    r"dist|disp|disas|disea|dism|dissent|inter|info|ind|ins|int|inn|inc|inv|imp[aeor]|imm|imag)"
)
_NEGATIVE_AFFIX = re.compile(
    r"^(?:(?:un|non|dis)-?(?P<a>[a-z]{4,})"
    r"|(?:in|im|il|ir)(?P<b>[a-z]{2,}(?:able|ible|ent|ant|ete|ate|ect|ive|al|ar|ure|ous)))$"
)


def _negative_stem(word: str) -> str | None:
    m = _NEGATIVE_AFFIX.match(word)
    if not m or _NOT_PREFIXED.match(word):
        return None
    return m.group("a") or m.group("b")


_CLAUSE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]*)?-?|[,;:()\[\]—–.!?\"«»“”„]")


@dataclass(frozen=True)
class _Neg:
    word: str
    index: int  # token index
    clause: int


def _tokens_with_clauses(text: str) -> list[tuple[str, int]]:
    out, clause = [], 0
    for m in _CLAUSE.finditer(re.sub(r"\b(?:No|Nr|Nº)\.\s?(?=\d)", " ", text)):
        tok = m.group()
        if not tok[0].isalpha():
            clause += 1
            continue
        out.append((tok.casefold().replace("’", "'"), clause))
    return out


def _negs(text: str, lang: str | None) -> tuple[list[_Neg], list[tuple[str, int]]]:
    toks = _tokens_with_clauses(text)
    neg = NEGATIONS.get(lang or "", _NEG_ANY)
    found: list[_Neg] = []
    words = [t for t, _ in toks]
    for i, (tok, clause) in enumerate(toks):
        w = tok.rstrip("-")
        if tok.endswith("-") and w in ("no", "non"):
            continue  # "no-deal", "non-UK": a prefix, counted among the implicit negations
        base = w.split("'")[0] if lang in ("fr", "it") else w
        if lang == "en" and w.endswith("n't"):
            found.append(_Neg(w, i, clause))
        elif lang == "en" and w == "nor" and any(n.word == "neither" for n in found):
            continue  # neither ... nor: one negation
        elif lang == "fr" and base in ("ne", "n"):
            # "ne" negates with pas/jamais/rien...; alone it is "ne ... que" (only) or the
            # expletive "ne" (avant qu'il ne parte)
            if any(x.split("'")[0] in _FR_PARTNERS for x in words[i + 1 : i + 7]):
                found.append(_Neg("ne", i, clause))
        elif lang == "fr" and base in _FR_PARTNERS - {"aucun", "aucune", "jamais", "rien"}:
            continue  # counted through "ne" ("pas" alone is often a noun)
        elif base in neg:
            found.append(_Neg(w, i, clause))
    return found, toks


def negations(text: str, lang: str | None) -> list[str]:
    """The negating words of `text` in `lang` ("not", "n't", "no", "não", "ne", "не", ...)."""
    return [n.word for n in _negs(text, lang)[0]]


def implicit_negations(text: str) -> list[str]:
    """English words that negate without "not": refused, without, unable, unconverted, non-UK."""
    out = []
    for tok, _ in _tokens_with_clauses(text):
        w = tok.rstrip("-")
        if w in _IMPLICIT:
            out.append(w)
        elif tok.endswith("-") and w in ("no", "non"):
            out.append(tok)
        elif _negative_stem(w):
            out.append(w)
    return out


def _per_clause(negs: list[_Neg]) -> int:
    counts: dict[int, int] = {}
    for n in negs:
        counts[n.clause] = counts.get(n.clause, 0) + 1
    return max(counts.values(), default=0)


def negation_mismatch(quote: str, qlang: str | None, passage: str, plang: str | None) -> str | None:
    """None when quote and passage agree on negation, else the reason.

    Both negate, or neither does; a passage's negation may stand for a negative word of the quote
    ("no les sorprendió" / "unimpressed"), and is bound to it where the negated word is the same
    ("não convertido" / "unconverted"); a double negative in one clause of the quote needs one in
    the passage."""
    q, _ = _negs(quote, qlang)
    p, ptoks = _negs(passage, plang)
    implicit = implicit_negations(quote) if (qlang or "en") == "en" else []
    stems = [st for w in implicit if (st := _negative_stem(w.rstrip("-")))]
    bound = set()
    for stem in stems:
        for n in p:
            after = [fold(t) for t, _ in ptoks[n.index + 1 : n.index + 3]]
            if n.index not in bound and any(
                len(stem) >= 5 and a[:5] == fold(stem)[:5] for a in after
            ):
                bound.add(n.index)
                break
    p_free = [n for n in p if n.index not in bound]
    if q and not p_free:
        return f"negation: the quote says '{q[0].word}', the source passage has no negation"
    if p_free and not q and not implicit:
        return f"negation: the source passage says '{p_free[0].word}', the quote has no negation"
    double = _double_negative(quote, q) if (qlang or "en") == "en" else None
    if (double or _per_clause(q) >= 2) and _per_clause(p) < 2:
        words = double or " ... ".join(n.word for n in q[:2])
        return f"negation: the quote has a double negative ('{words}'), the source passage none"
    if len(q) > len(p_free):
        # counted, not only found: a "not" added beside one the source has ("no respondieron,
        # pero ..."); a language that doubles its negations ("no dijo nada") only adds to p
        words = ", ".join(f"'{n.word}'" for n in q)
        return (
            f"negation: the quote negates {len(q)} times ({words}), "
            f"the source passage {len(p_free)}"
        )
    return None


def _double_negative(quote: str, q: list[_Neg]) -> str | None:
    """ "was not unable", "never failed to": a negation and a negative word in one clause,
    which cancel out; the words, or None."""
    toks = _tokens_with_clauses(quote)
    for n in q:
        for tok, clause in toks[n.index + 1 : n.index + 4]:
            if clause == n.clause and (tok in _CANCELLING or _negative_stem(tok)):
                return f"{n.word} ... {tok}"
    return None


# negative words that a "not" before them cancels ("not unable", "never failed to")
_CANCELLING = frozenset("fail failed fails failing refuse refused refuses deny denied".split())




def is_negation(token: str) -> bool:
    """A negating word of any language, or an English "n't" form (tokens already lower-cased)."""
    return token in ANY_NEGATION or token.endswith("n't")


def negated(tokens: Iterable[str]) -> bool:
    """Whether any of `tokens` (lower-cased words) negates."""
    return any(is_negation(t) for t in tokens)

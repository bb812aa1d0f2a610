"""Quotes across languages: find the passage of a foreign-language page that a quote translates.

A reporter who quotes a Spanish speaker in English cannot be checked word for word against the
Spanish page. `cross_match` does what a bilingual editor would:

1. Locate. The page is cut into sentences (and heading fragments glued to them); every sentence
   and every pair of adjacent sentences is embedded with a multilingual sentence encoder
   (`citecheck.embed`, the optional `citecheck[multilingual]` extra), then the clauses of the
   best few sentences (for a quote of part of a sentence), and the window most similar to the
   quote wins. Below the embedder's `locate_min` similarity nothing on the page renders it.
2. Check what survives any faithful translation, with no translator: every number of the quote
   must stand in the passage (digits normalised, "3,000" = "3.000" = "3 000", "9 billion" =
   "9000 millones", small number words in en/es/pt/fr/de/ru), a negation must be on both sides or
   on neither ("not" / "no", "não", "не", "nicht", "ne ... pas"), and on a page in Latin script the
   quote's names must stand in the passage, accents folded. A failure is `altered`, with a reason.
3. With a translator (`citecheck.translate`), translate the passage into the quote's language and
   compare word by word with `citecheck.match.match_quote`: exact or close is `translated`; a
   number, negation or name lost in translation is `altered`. Other wording differences are what
   two translators of one sentence produce, so they are shown (the diff) but do not make a
   misquote, unless `strict=True`, where any difference the matcher calls altered is altered.

Grades: "translated" (the quote renders the passage), "altered" (it renders it with a number,
negation or name changed), "none" (no passage renders it), "unavailable" (neither the embedding
extra nor a translator: the judge says `unverifiable`, reason language).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from .match import match_quote
from .model import DiffOp, Span

LOCATE_MIN = 0.45  # best similarity below this: nothing on the page renders the quote
# Calibrated on bench/crosslingual.py (USE multilingual v3): fabricated quotes (a sentence of
# another document) peak at 0.35; faithful renderings: median 0.79, 5th percentile 0.60.
MAX_TRANSLATED = 200  # sentences a page may send to a translator when there is no embedder
Grade = Literal["translated", "altered", "none", "unavailable"]


@dataclass(frozen=True)
class CrossMatch:
    """The passage of a page in another language that a quote renders, and how faithfully.

    `passage` and `passage_span` are in the page's own language and text; `translation` is the
    passage in the quote's language when a translator was used, and `diff` compares it with the
    quote word by word ("=" both, "-" translation only, "+" quote only). `backends` names the
    embedding model and translator used, e.g. ("use-multilingual-v3", "deepl").
    """

    url: str
    grade: Grade
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


# --- sentences ---------------------------------------------------------------------------------

_END = re.compile(r"[.!?…]+(?:\s*[\"'»”’)\]])*")
_NEXT = re.compile(r"\s+(?=[\"'«“„‘(\[¿¡—–-]{0,2}\s?[^\W\d_a-zа-яё]|\d)")
_ABBREV = frozenset(
    "mr mrs ms dr prof st sr sra srta jr gen gov sen rep lt col capt sgt mt ft inc co corp ltd "
    "no nr nº vs etc jan feb mar apr jun jul aug sep sept oct nov dec approx av avda dña dª "
    "z.b bzw ca vgl hr fr mme mlle me cf p pp vol art núm tel г гг т.е им ул тыс млн млрд "
    "u.s u.k e.u a.m p.m".split()
)
_NUMBERED = frozenset("no nr nº núm art vol p pp".split())  # abbreviations before a number
# Capitalised words that begin a sentence, never a name: a heading glued to the first sentence
# ("... Tamblewick Rovers Les Westbank Wanderers ont ...") is cut before them.
_STARTERS = {
    "en": "The An He She They It We In On At But And This That These Those There His Her "
    "Their Its After Before When While However Police Officials",
    "es": "El La Los Las Un Una Unos Unas Él Ella Ellos Ellas Este Esta Estos Estas Ese Esa En "
    "Con Para Por Según Pero Sin Tras Durante Desde Su Sus Se No Al Del",
    "pt": "O A Os As Um Uma Uns Umas Ele Ela Eles Elas Este Esta Estes Estas Esse Essa Em No Na "
    "Nos Nas Com Para Por Segundo Mas Sem Após Durante Desde Seu Sua Seus Suas Ao Do Da",
    "fr": "Le La Les Un Une Des Il Ils Elle Elles Nous On Ce Cette Ces Cet Dans Selon Mais Pour "
    "Au Aux En Lors Après Avant Depuis Pendant Son Sa Ses Leur Leurs Du",
    "de": "Der Die Das Ein Eine Einer Er Sie Es Wir Ich Dies Diese Dieser Im In Am Auf Mit Nach "
    "Bei Aber Und Sein Seine Ihr Ihre Laut Wie Vor Seit",
    "ru": "В На По Он Она Они Оно Это Этот Эта Эти Но А И С Из За После До При Как Его Её Их "
    "Когда Однако Также",
    "it": "Il Lo La I Gli Le Un Una Uno Lui Lei Loro Questo Questa Nel Nella Con Per Secondo Ma",
}
_NAMES_AFTER = re.compile(
    r"(?:Los Angeles|Las Vegas|La Paz|La Liga|Le Monde|Le Figaro|Le Mans|El Salvador|El País|"
    r"El Mundo|Der Spiegel|Die Zeit|Die Welt|The Times|The Guardian|The New)\b"
)


def _starter_re(lang: str | None) -> re.Pattern:
    words = _STARTERS.get(lang or "") or " ".join(_STARTERS.values())
    alts = "|".join(sorted(set(words.split()), key=len, reverse=True))
    return re.compile(rf"(?<=[^\W_]|[%)])\s+(?=(?:{alts})\s+[^\W\d_])")


@dataclass(frozen=True)
class Sentence:
    text: str
    span: Span
    paragraph: int


def split_sentences(text: str, lang: str | None = None) -> list[Sentence]:
    """Sentences of `text` with their spans, paragraph by paragraph (offsets into `text`)."""
    starter = _starter_re(lang)
    out: list[Sentence] = []
    for p, para in enumerate(re.finditer(r"[^\n]+", text)):
        cuts = {para.start(), para.end()}
        chunk = para.group()
        for m in _END.finditer(chunk):
            nxt = _NEXT.match(chunk, m.end())
            if not nxt or nxt.end() >= len(chunk):
                continue
            if m.group().startswith(".") and len(m.group().rstrip("\"'»”’)] ")) == 1:
                before = re.search(r"([^\W\d_]+(?:\.[^\W\d_]+)*)$", chunk[: m.start()])
                word = before.group(1).casefold() if before else ""
                if word in _NUMBERED:
                    if chunk[nxt.end() : nxt.end() + 1].isdigit():
                        continue
                elif word in _ABBREV or (len(word) == 1 and chunk[m.start() - 1].isupper()):
                    continue
            cuts.add(para.start() + m.end())
        for m in starter.finditer(chunk):
            if not _NAMES_AFTER.match(chunk, m.end()):
                cuts.add(para.start() + m.start())
        bounds = sorted(cuts)
        for a, b in zip(bounds, bounds[1:], strict=False):
            seg = text[a:b]
            lead = len(seg) - len(seg.lstrip())
            seg = seg.strip()
            if len(re.findall(r"\w", seg)) >= 2:
                out.append(Sentence(seg, (a + lead, a + lead + len(seg)), p))
    return out


# --- numbers -----------------------------------------------------------------------------------

_NUMBER = re.compile(
    r"(?<![\w.,])(?:\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3}(?!\d))+|\d+(?:[.,]\d+)*)"
    r"(?P<ord>(?:st|nd|rd|th|º|ª|er|e|ème|ste[nrsm]?|te[nrsm]?)\b|\.[ºª])?"
)
_SCALES = {
    "en": {
        "thousand": 1e3,
        "million": 1e6,
        "millions": 1e6,
        "billion": 1e9,
        "billions": 1e9,
        "trillion": 1e12,
        "m": 1e6,
        "bn": 1e9,
        "k": 1e3,
        "mn": 1e6,
    },
    "es": {
        "mil": 1e3,
        "millón": 1e6,
        "millones": 1e6,
        "mil millones": 1e9,
        "billón": 1e12,
        "billones": 1e12,
    },
    "pt": {
        "mil": 1e3,
        "milhão": 1e6,
        "milhões": 1e6,
        "milhao": 1e6,
        "milhoes": 1e6,
        "mil milhões": 1e9,
        "bilhão": 1e9,
        "bilhões": 1e9,
        "bilião": 1e12,
        "biliões": 1e12,
    },
    "fr": {
        "mille": 1e3,
        "million": 1e6,
        "millions": 1e6,
        "milliard": 1e9,
        "milliards": 1e9,
        "md": 1e9,
        "mds": 1e9,
        "mrd": 1e9,
    },
    "de": {
        "tausend": 1e3,
        "million": 1e6,
        "millionen": 1e6,
        "mio": 1e6,
        "milliarde": 1e9,
        "milliarden": 1e9,
        "mrd": 1e9,
    },
    "ru": {
        "тыс": 1e3,
        "тысяча": 1e3,
        "тысячи": 1e3,
        "тысяч": 1e3,
        "тысячу": 1e3,
        "млн": 1e6,
        "миллион": 1e6,
        "миллиона": 1e6,
        "миллионов": 1e6,
        "млрд": 1e9,
        "миллиард": 1e9,
        "миллиарда": 1e9,
        "миллиардов": 1e9,
    },
    "it": {"mila": 1e3, "milione": 1e6, "milioni": 1e6, "miliardo": 1e9, "miliardi": 1e9},
}
_ALL_SCALES = {k: v for d in _SCALES.values() for k, v in d.items()}
_SCALE_AFTER = re.compile(
    r"\s?(" + "|".join(sorted(map(re.escape, _ALL_SCALES), key=len, reverse=True)) + r")\b\.?",
    re.IGNORECASE,
)


def _w(spec: str) -> dict[str, float]:
    """'2: two second; 3: three' -> {'two': 2, ...}"""
    out = {}
    for part in spec.split(";"):
        value, words = part.split(":")
        for w in words.split():
            out[w] = float(value)
    return out


_RU_ORD = (
    "ый ой ий ая яя ое ее ье ого его ьего ому ему ым им ом ем ую юю ью ые ие ьи ых их ыми ими ей "
    "ья ьей ьем ьим ьих"
)


def _ru_ordinals() -> dict[str, float]:
    out: dict[str, float] = {}
    for stem, v in (
        ("втор", 2),
        ("трет", 3),
        ("четвёрт", 4),
        ("четверт", 4),
        ("пят", 5),
        ("шест", 6),
        ("седьм", 7),
        ("восьм", 8),
        ("девят", 9),
        ("десят", 10),
    ):
        for end in _RU_ORD.split():
            if stem == "трет" and not end.startswith(("ь", "и")):
                continue
            out[stem + end] = float(v)
    return out


# Small numbers as words (one and first are left out: "one"/"un"/"ein" are also articles).
_NUMBER_WORDS: dict[str, dict[str, float]] = {
    "en": _w(
        "2: two; 3: three third; 4: four fourth; 5: five fifth; 6: six sixth; 7: seven "
        "seventh; 8: eight eighth; 9: nine ninth; 10: ten tenth; 11: eleven eleventh; 12: twelve "
        "twelfth; 13: thirteen; 14: fourteen; 15: fifteen; 16: sixteen; 17: seventeen; 18: "
        "eighteen; 19: nineteen; 20: twenty twentieth; 30: thirty; 40: forty; 50: fifty; 60: "
        "sixty; 70: seventy; 80: eighty; 90: ninety; 100: hundred"
    ),
    "es": _w(
        "2: dos ambos ambas; 3: tres tercer tercero tercera; 4: cuatro cuarto cuarta; 5: cinco "
        "quinto quinta; 6: seis sexto sexta; 7: siete séptimo séptima; 8: ocho octavo octava; 9: "
        "nueve noveno novena; 10: diez décimo décima; 11: once; 12: doce docena; 13: trece; 14: "
        "catorce; 15: quince; 16: dieciséis; 17: diecisiete; 18: dieciocho; 19: diecinueve; 20: "
        "veinte; 30: treinta; 40: cuarenta; 50: cincuenta; 60: sesenta; 70: setenta; 80: ochenta;"
        " 90: noventa; 100: cien ciento"
    ),
    "pt": _w(
        "2: dois duas ambos ambas; 3: três terceiro terceira; 4: quatro quarto quarta; 5: cinco "
        "quinto quinta; 6: seis sexto sexta; 7: sete sétimo sétima; 8: oito oitavo oitava; 9: nove"
        " nono nona; 10: dez décimo décima; 11: onze; 12: doze dúzia; 13: treze; 14: catorze "
        "quatorze; 15: quinze; 16: dezesseis dezasseis; 17: dezessete dezassete; 18: dezoito; 19:"
        " dezenove dezanove; 20: vinte; 30: trinta; 40: quarenta; 50: cinquenta; 60: sessenta; 70:"
        " setenta; 80: oitenta; 90: noventa; 100: cem cento"
    ),
    "fr": _w(
        "2: deux; 3: trois troisième troisièmes; 4: quatre quatrième; 5: cinq cinquième; 6: six "
        "sixième; 7: sept septième; 8: huit huitième; 9: neuf neuvième; 10: dix dixième; 11: onze;"
        " 12: douze douzaine; 13: treize; 14: quatorze; 15: quinze; 16: seize; 20: vingt; 30: "
        "trente; 40: quarante; 50: cinquante; 60: soixante; 100: cent"
    ),
    "de": _w(
        "2: zwei beide beiden; 3: drei dritte dritten dritter drittes drittem; 4: vier vierte "
        "vierten vierter; 5: fünf fünfte fünften fünfter; 6: sechs sechste sechsten; 7: sieben "
        "siebte siebten; 8: acht achte achten; 9: neun neunte neunten; 10: zehn zehnte zehnten; "
        "11: elf; 12: zwölf dutzend; 13: dreizehn; 14: vierzehn; 15: fünfzehn; 16: sechzehn; 17: "
        "siebzehn; 18: achtzehn; 19: neunzehn; 20: zwanzig; 30: dreißig; 40: vierzig; 50: "
        "fünfzig; 60: sechzig; 70: siebzig; 80: achtzig; 90: neunzig; 100: hundert"
    ),
    "ru": _w(
        "2: два две двух двум двумя оба обе обоих; 3: три трёх трех трём трем тремя трое; 4: "
        "четыре четырёх четырех четырём четырем четырьмя; 5: пять пяти пятью; 6: шесть шести; "
        "7: семь семи; 8: восемь восьми; 9: девять девяти; 10: десять десяти; 11: одиннадцать "
        "одиннадцати; 12: двенадцать двенадцати; 15: пятнадцать пятнадцати; 20: двадцать "
        "двадцати; 30: тридцать тридцати; 40: сорок сорока; 50: пятьдесят пятидесяти; 100: сто "
        "ста"
    )
    | _ru_ordinals(),
}
_NUMBER_WORDS["ru"].update({"тысяча": 1e3, "миллион": 1e6})
# "in his 40s" is "une quarantaine d'années", "unos cuarenta": collective numerals
_NUMBER_WORDS["fr"].update(
    _w(
        "10: dizaine dizaines; 15: quinzaine; 20: vingtaine; 30: trentaine; 40: quarantaine; 50: "
        "cinquantaine; 60: soixantaine; 100: centaine centaines"
    )
)
_NUMBER_WORDS["es"].update(_w("10: decena decenas; 20: veintena; 30: treintena; 100: centenar"))
_NUMBER_WORDS["pt"].update(_w("10: dezena dezenas; 20: vintena; 30: trintena; 100: centena"))
_NUMBER_WORDS["de"].update(_w("20: zwanzigern; 30: dreißigern; 40: vierzigern; 50: fünfzigern"))
_NUMBER_WORDS["en"].update({"thousand": 1e3, "million": 1e6, "billion": 1e9})
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_TIME_PM = re.compile(r"\s?p\.?m\b\.?", re.IGNORECASE)
_TIME_H = re.compile(r"(\d)h(\d\d)\b")
# A translation may convert units: the quote's value in the page's units, to the nearest unit.
_CONVERSIONS = {
    "mile": lambda v: v * 1.609344,
    "mi": lambda v: v * 1.609344,
    "feet": lambda v: v * 0.3048,
    "foot": lambda v: v * 0.3048,
    "ft": lambda v: v * 0.3048,
    "pound": lambda v: v * 0.45359237,
    "lb": lambda v: v * 0.45359237,
    "degree": lambda v: (v - 32) * 5 / 9,
    "°f": lambda v: (v - 32) * 5 / 9,
    "fahrenheit": lambda v: (v - 32) * 5 / 9,
    "gallon": lambda v: v * 3.785411784,
    "inche": lambda v: v * 2.54,
    "inch": lambda v: v * 2.54,
}
_UNIT_AFTER = re.compile(
    r"[\s-]?(miles?|mi|feet|foot|ft|pounds?|lbs?|degrees?|°F|fahrenheit|gallons?|inch(?:es)?)\b",
    re.IGNORECASE,
)


def _digit_values(text: str, lang: str | None, strict: bool) -> set[float]:
    """Readings of one written number: '3,000' is 3000 in English; on a page, both readings of
    an ambiguous separator count ('1.500' is 1500 or 1.5)."""
    s = re.sub(r"[\u00a0\u202f\u2009 ]", "", text)
    if s.isdigit():
        return {float(s)}
    seps = re.findall(r"[.,]", s)
    groups = re.split(r"[.,]", s)
    if len(seps) > 1 and len(set(seps)) == 1 and all(len(g) == 3 for g in groups[1:]):
        return {float("".join(groups))}
    if len(set(seps)) == 2:  # 1,234.5 or 1.234,5: the last separator is the decimal one
        dec = s[-1 - s[::-1].index(seps[-1]) :]
        return {float(re.sub(r"[.,]", "", s[: len(s) - len(dec)]) + "." + dec[1:])}
    whole, frac = groups[0], groups[-1]
    grouped, decimal = float(whole + frac), float(f"{whole}.{frac}")
    if len(frac) != 3 or len(seps) != 1:
        return {decimal} if len(seps) == 1 else {float("".join(groups))}
    if not strict:
        return {grouped, decimal}
    english = (lang or "en") == "en"
    return {grouped if (seps[0] == ",") == english else decimal}


def numbers(text: str, lang: str | None, *, strict: bool = False) -> list[tuple[str, set[float]]]:
    """Each number of `text` as written, with the values it may stand for (scaled ones too:
    "9 billion" is 9 and 9e9). `strict` (the quote's side) reads separators by `lang`'s rule."""
    found: list[tuple[int, str, set[float]]] = []
    taken: list[Span] = []
    text = _TIME_H.sub(r"\1:\2", text)  # 10h15 -> 10:15
    for m in _NUMBER.finditer(text):
        values = _digit_values(
            m.group(0)[: m.end() - m.start() - len(m.group("ord") or "")], lang, strict
        )
        after = text[m.end() :]
        sc = _SCALE_AFTER.match(after)
        if sc and not (sc.group(1).lower() in ("m", "k") and sc.group(0).startswith(" ")):
            mult = _ALL_SCALES[sc.group(1).lower()]  # "mil millones" is tried before "mil"
            values |= {v * mult for v in values}
        elif _TIME_PM.match(after):
            values |= {v + 12 for v in values if v < 12}
        elif strict and (unit := _UNIT_AFTER.match(after)):
            convert = _CONVERSIONS[unit.group(1).lower().rstrip("s")]
            values |= {round(convert(v) + d) for v in values for d in (-1, 0, 1)}
        found.append((m.start(), m.group(0).strip(), values))
        taken.append((m.start(), m.end() + (sc.end() if sc else 0)))
    table = _NUMBER_WORDS.get(lang or "", {})
    if not lang:
        table = {k: v for d in _NUMBER_WORDS.values() for k, v in d.items()}
    for m in _WORD.finditer(text):
        word = m.group().casefold().replace("’", "'")
        value = table.get(word) or (None if strict else _ALL_SCALES.get(word))
        if value and len(word) > 2 and not any(a <= m.start() < b for a, b in taken):
            found.append((m.start(), m.group(), {value}))
    return [(written, values) for _, written, values in sorted(found, key=lambda f: f[0])]


def check_numbers(quote: str, qlang: str | None, passage: str, plang: str | None) -> str | None:
    """None when every number of the quote stands in the passage, else the reason."""
    have: set[float] = set()
    page_nums = numbers(passage, plang)
    for _, values in page_nums:
        have |= {round(v, 6) for v in values}
    for written, values in numbers(quote, qlang, strict=True):
        if not have & {round(v, 6) for v in values}:
            if page_nums:
                shown = ", ".join(dict.fromkeys(w for w, _ in page_nums[:4]))
                return f"number: '{written}' in the quote is not in the source passage ({shown})"
            return f"number: '{written}' in the quote is not in the source passage (no number)"
    return None


# --- negation ----------------------------------------------------------------------------------

_NEG = {
    "en": "not no never nobody nothing none neither nor nowhere cannot",
    "es": "no nunca jamás ni nadie nada ningún ninguna ninguno tampoco",
    "pt": "não nunca jamais nem ninguém nada nenhum nenhuma tampouco",
    "fr": "ne n pas jamais rien aucun aucune personne nul nulle ni guère",
    "de": "nicht kein keine keinen keinem keiner keines nie niemals nichts niemand nirgends weder",
    "ru": "не нет ни никогда ничего ничто никто никого никому никакой никакая никакое никакие "
    "никаких нигде нельзя",
    "it": "non mai nessuno nessuna niente nulla né",
}
_NEG_SETS = {k: frozenset(v.split()) for k, v in _NEG.items()}
_NEG_ANY = frozenset().union(*_NEG_SETS.values()) - {"no", "n", "personne", "nul", "ni"}
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
    neg = _NEG_SETS.get(lang or "", _NEG_ANY)
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


def check_negation(quote: str, qlang: str | None, passage: str, plang: str | None) -> str | None:
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
            after = [_fold(t) for t, _ in ptoks[n.index + 1 : n.index + 3]]
            if n.index not in bound and any(
                len(stem) >= 5 and a[:5] == _fold(stem)[:5] for a in after
            ):
                bound.add(n.index)
                break
    p_free = [n for n in p if n.index not in bound]
    if q and not p_free:
        return f"negation: the quote says '{q[0].word}', the source passage has no negation"
    if p_free and not q and not implicit:
        return f"negation: the source passage says '{p_free[0].word}', the quote has no negation"
    if _per_clause(q) >= 2 and _per_clause(p) < 2:
        words = " ... ".join(n.word for n in q[:2])
        return f"negation: the quote has a double negative ('{words}'), the source passage none"
    return None


# --- names -------------------------------------------------------------------------------------

_NOT_NAMES = frozenset(
    "i monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december jan feb mar apr jun jul aug sep "
    "sept oct nov dec mr mrs ms dr prof rev sir lord lady dame st saint pope president minister "
    "prime secretary chancellor senator sen governor gov mayor king queen prince princess judge "
    "justice general gen chief police army court parliament government ministry state states "
    "republic union party league cup club council committee university college school city "
    "county street road north south east west northern southern eastern western central upper "
    "lower new old great greater english american british european african asian christian "
    "muslim jewish catholic god internet tv the a an he she they we it his her their our my you "
    "in on at but and or for of to by from with this that there these those then when while if "
    "as after before during what who how why where department office house senate congress "
    "assembly national international federal royal airport hospital station bank "
    "championship open premier division team day week year magistrates crown high supreme "
    "district".split()
)
_CAP = re.compile(r"(?<![\w'’])[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*(?![\w])|(?<=\s)[A-Z]\.(?=\s)")


def quote_names(quote: str) -> list[str]:
    """The surnames of the people (and like names) a quote names: the last word of two or more
    capitalised words in a row ("Andres Manuel Lopez Obrador" -> "Obrador"), titles and common
    words left out, and not after "the" ("the White House"). Places and nationalities are
    translated ("Beijing" is "Pékin"), so single capitalised words are not checked."""
    out = []
    run: list[re.Match] = []

    def close() -> None:
        words = [m.group() for m in run if not m.group().endswith(".")]
        if words and words[-1][:-2].casefold() in _NOT_NAMES:
            words.pop()
        if len(run) >= 2 and len(words) >= 2:
            before = quote[: run[0].start()].rstrip()
            if not re.search(r"\b(?:the|The)$", before):
                out.append(words[-1])
        run.clear()

    for m in _CAP.finditer(quote):
        word = m.group()
        if run and not re.fullmatch(r"\s+", quote[run[-1].end() : m.start()]):
            close()
        if word.casefold().strip(".") in _NOT_NAMES:
            close()
            continue
        run.append(m)
        if word.endswith(("'s", "’s")):  # "Grant Anderson's" ends a name
            close()
    close()
    return list(dict.fromkeys(w.split("'")[0].split("’")[0] for w in out))


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.casefold())
    return "".join(c for c in s if not unicodedata.combining(c)).replace("ß", "ss")


def _latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, ""))
    return bool(letters) and latin / len(letters) > 0.8


def check_names(quote: str, passage: str, *, translation: str | None = None) -> str | None:
    """On a page in Latin script (or with a translation), each name of the quote must stand in
    the passage, accents folded (a few letters of transliteration allowed)."""
    texts = [t for t in (passage, translation) if t and _latin(t)]
    if not texts:
        return None  # another script and no translation: names cannot be compared
    folded = [set(re.findall(r"\w+", _fold(t))) for t in texts]
    for name in quote_names(quote):
        parts = [p for p in re.split(r"[-']", _fold(name)) if len(p) >= 3]
        for part in parts:
            if any(part in words for words in folded):
                continue
            close = [w for words in folded for w in words if len(w) >= 3 and w[:3] == part[:3]]
            if any(difflib.SequenceMatcher(None, part, w).ratio() >= 0.8 for w in close):
                continue
            return f"name: '{name}' in the quote is not in the source passage"
    return None


# --- matching ----------------------------------------------------------------------------------


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


def windows(text: str, lang: str | None, *, clauses: bool = False) -> list[_Window]:
    """Every sentence, every two adjacent sentences of one paragraph joined and (`clauses`) the
    parts of a sentence before and after each clause cut."""
    sents = split_sentences(text, lang)
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
    sents = split_sentences(page_text, page_lang)
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
        pv = embedder.embed([w.text for w in pairs])
        scored += [(float(x), w) for x, w in zip(pv @ qv, pairs, strict=True)]
    scored.sort(key=lambda t: -t[0])
    if clauses:
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
            cv = embedder.embed([w.text for w in parts])
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


def _safety(quote, qlang, passage, plang, translation=None) -> list[str]:
    problems = []
    for check in (check_numbers, check_negation):
        why = check(quote, qlang, passage, plang)
        if why and translation is not None:
            # a translation in the quote's language settles what a cross-language reading
            # could not (number words, idioms of negation)
            why = why if check(quote, qlang, translation, qlang) else None
        if why:
            problems.append(why)
    why = check_names(quote, passage, translation=translation)
    if why:
        problems.append(why)
    return problems


def word_diff(source: str, quote: str) -> tuple[DiffOp, ...]:
    """Word diff in match.py's convention: "=" both, "-" source only, "+" quote only."""
    a, b = source.split(), quote.split()
    key = lambda ws: [re.sub(r"\W+", "", _fold(w)) for w in ws]  # noqa: E731
    ops: list[list[str]] = []
    sm = difflib.SequenceMatcher(None, key(a), key(b), autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        parts = [("=", a[i1:i2])] if tag == "equal" else [("-", a[i1:i2]), ("+", b[j1:j2])]
        for op, ws in parts:
            if not ws:
                continue
            if ops and ops[-1][0] == op:
                ops[-1][1] += " " + " ".join(ws)
            else:
                ops.append([op, " ".join(ws)])
    return tuple((op, t) for op, t in ops)


_ALTERING = ("negation", "the ellipsis hides", "the bracket hides")


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

    `embedder`: a `citecheck.embed.Embedder` (None: locate through the translator alone).
    `translator`: a callable `(texts, source_lang, target_lang) -> translations` with a `name`
    (`citecheck.translate.bind(backend, client)` makes one); None: no translation. A translator's
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
            grade="unavailable",
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
            grade="none", score=0.0, reason="the page has no sentences", backends=backends, **base
        )
    best = ranked[0]
    score = round(best.score, 3)
    if locate_min is None:
        locate_min = getattr(embedder, "locate_min", LOCATE_MIN)
    part = {}
    if best.window.size == 0:
        part = {"clause": best.window.text, "clause_span": best.window.span}
    if score < locate_min:
        return CrossMatch(
            grade="none",
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
    problems = _safety(quote, quote_lang, best.window.text, page_lang, translation)
    if translation is not None:
        m = match_quote(quote, translation, url)
        diff = m.diff if m.grade != "none" and m.diff else word_diff(translation, quote)
        base_t = {**found, "translation": translation, "diff": diff}
        if not problems and m.grade == "altered" and m.reason.startswith(_ALTERING):
            problems.append(f"after translation by {tname}: {m.reason}")
        if problems:
            return CrossMatch(
                grade="altered",
                score=score,
                reason=_reason(problems),
                checks=_CHECKS,
                **base_t,
                **base,
            )
        if m.grade in ("exact", "close"):
            how = "word for word" if m.grade == "exact" else "up to punctuation or spelling"
            return CrossMatch(
                grade="translated",
                score=score,
                reason=f"the {tname} translation of the {page_lang} passage matches the quote "
                f"{how} (similarity {score:.2f})",
                checks=_CHECKS,
                **base_t,
                **base,
            )
        if strict:  # only a word-for-word match with the translation confirms the quote
            return CrossMatch(
                grade="altered",
                score=score,
                reason=f"after translation by {tname}: {m.reason}",
                checks=_CHECKS,
                **base_t,
                **base,
            )
        changed = sum(len(t.split()) for op, t in diff if op == "+")
        return CrossMatch(
            grade="translated",
            score=score,
            reason=f"renders the {page_lang} passage (similarity {score:.2f}); numbers, "
            f"negation and names agree; {changed} word(s) differ from the {tname} translation, "
            "as two translations of one sentence do",
            checks=_CHECKS,
            **base_t,
            **base,
        )
    if problems:
        return CrossMatch(
            grade="altered",
            score=score,
            reason=_reason(problems) + note,
            checks=_CHECKS,
            **found,
            **base,
        )
    return CrossMatch(
        grade="translated",
        score=score,
        reason=f"renders the {page_lang} passage (similarity {score:.2f}); numbers, negation "
        f"and names agree; wording not compared (no translator){note}",
        checks=_CHECKS,
        **found,
        **base,
    )


_CHECKS = ("numbers", "negation", "names")


def _reason(problems: Sequence[str]) -> str:
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return problems[0] + more


def _by_translation(quote, quote_lang, page_text, page_lang, translator, base, strict):
    """No embedder: translate the page's sentences and let the matcher find the quote."""
    sents = split_sentences(page_text, page_lang)[:MAX_TRANSLATED]
    tname = getattr(translator, "name", "translator")
    if not sents:
        return CrossMatch(
            grade="none", score=0.0, reason="the page has no sentences", backends=(tname,), **base
        )
    try:
        translated = translator([s.text for s in sents], page_lang, quote_lang)
    except Exception as exc:  # noqa: BLE001
        return CrossMatch(
            grade="unavailable",
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
    if m.grade == "none" or m.passage_span is None:
        return CrossMatch(
            grade="none",
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
    problems = _safety(quote, quote_lang, passage, page_lang, translation)
    if m.grade == "altered" and (strict or m.reason.startswith(_ALTERING)):
        problems.append(f"after translation by {tname}: {m.reason}")
    grade = "altered" if problems else "translated"
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
        **base,
    )

"""Numbers as written in news copy, in six languages, and whether a quote keeps a passage's.

"3,000" = "3.000" = "3 000", "9 billion" = "9000 millones", "ten" = "diez" = "zehn", "10h15" =
"10:15", "5 miles" = "8 km": every reading of a written number is kept, so a faithful
translation or a reformatted figure is never a misquote, and a changed one always is.
"""

from __future__ import annotations

import re

Span = tuple[int, int]

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


def number_mismatch(quote: str, qlang: str | None, passage: str, plang: str | None) -> str | None:
    """None when every number of the quote stands in the passage, each for a number of its own
    ("10-10 m/s" is not "5-10 m/s": one 10 cannot stand for two), else the reason."""
    page_nums = numbers(passage, plang)
    page = [{round(v, 6) for v in values} for _, values in page_nums]
    shown = ", ".join(dict.fromkeys(w for w, _ in page_nums[:4])) or "no number"
    quoted = numbers(quote, qlang, strict=True)
    wanted = [{round(v, 6) for v in values} for _, values in quoted]
    partner: dict[int, int] = {}  # passage number -> the quote number it stands for

    def place(i: int, seen: set[int]) -> bool:  # an augmenting path (Kuhn's matching)
        for j, values in enumerate(page):
            if j not in seen and values & wanted[i]:
                seen.add(j)
                if j not in partner or place(partner[j], seen):
                    partner[j] = i
                    return True
        return False

    for i, (written, _values) in enumerate(quoted):
        if not place(i, set()):
            if any(values & wanted[i] for values in page):
                if wanted[i] <= {0.0}:
                    continue  # the minutes of "12:00": a time's format, not a count
                return (
                    f"number: '{written}' stands more often in the quote than in the source "
                    f"passage ({shown})"
                )
            return f"number: '{written}' in the quote is not in the source passage ({shown})"
    return None



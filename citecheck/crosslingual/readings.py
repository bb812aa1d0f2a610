"""Numbers a page writes without digits, which a faithful translation gives in digits.

A quote in English writes "the 20th century", "3/12", "the 1990s", "50 percent", "5,000" or
"May 1" where the page has "siglo XX", "3 de diciembre", "los años noventa", "la mitad", "cinco
mil" or "el primero de mayo". `numbers_checked` adds the values those stand for to the
passage's numbers (each still stands for one number of the quote, and a changed value still
fails) and spells out the quote's "2019-20" and "five thousand".
"""

from __future__ import annotations

import re

from ..text.numbers import number_mismatch, numbers

# Numbers a page writes without digits, which a translation gives in digits: centuries and
# regnal numbers in Roman numerals ("siglo XX", "XIXe siècle", "Juan Pablo II"), months by name
# ("3 de diciembre" for "3/12"), decades in words ("los años noventa" for "the 1990s") and a
# half ("la mitad" for "50 percent"). Their values are added to the passage's numbers.
_ROMAN = re.compile(r"(?<![\w-])([IVXLC]{2,})(?:e|er|ème|º|-?й|-?го)?(?![\w-])")
_ROMAN_VALUE = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_MONTHS = [
    "january enero janeiro janvier januar января январь",
    "february febrero fevereiro février februar февраля февраль",
    "march marzo março mars märz марта март",
    "april abril avril апреля апрель",
    "may mayo maio mai мая май",
    "june junio junho juin juni июня июнь",
    "july julio julho juillet juli июля июль",
    "august agosto août августа август",
    "september septiembre setiembre setembro septembre сентября сентябрь",
    "october octubre outubro octobre oktober октября октябрь",
    "november noviembre novembro novembre ноября ноябрь",
    "december diciembre dezembro décembre dezember декабря декабрь",
]
_MONTH = {w: i for i, names in enumerate(_MONTHS, 1) for w in names.split()}
_HALF = frozenset("half mitad metade moitié hälfte половина половину половины".split())
_WORD_VALUES = {
    **dict.fromkeys("tercio tercios terço terços tiers drittel треть трети".split(), 3.0),
    **dict.fromkeys("cuarto cuartos quarto quartos quart quarts viertel четверть".split(), 25.0),
    **dict.fromkeys(
        "primero primer primera primeiro primeira premier première erste ersten erster первое "
        "первого первый".split(),
        1.0,
    ),
}
_SCALE = {
    **dict.fromkeys("mil mille tausend тысяча тысячи тысяч".split(), 1e3),
    **dict.fromkeys(
        "millón millones milhão milhões million millions millionen миллион миллиона "
        "миллионов".split(),
        1e6,
    ),
    **dict.fromkeys(
        "milliard milliards milliarde milliarden миллиард миллиарда миллиардов".split(), 1e9
    ),
}
# "a las 8.30", "um 15.00 Uhr": a time written with a point
_TIME = re.compile(r"\b([01]?\d|2[0-3])[.:h]([0-5]\d)\b")
_EN_WORDS = {
    w: float(v)
    for v, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30.0, "forty": 40.0, "fifty": 50.0, "a": 1.0, "hundred": 100.0}
_EN_SCALED = re.compile(
    r"\b(" + "|".join(_EN_WORDS) + r")\s+(hundred|thousand|million|billion)\b", re.IGNORECASE
)
_EN_SCALE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_DECADE = re.compile(
    r"\b(?:años|anos|années|décadas? de|jahre|годы|годах|годов)\s+(\w+)"
    r"|\b(\w+?)(?:er|ern)\s*-?\s*jahre",
    re.IGNORECASE,
)
# "2019-20" in a quote is the season or fiscal year "2019-2020"
_YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)([-–/])(\d\d)\b")


def _roman(numeral: str) -> int | None:
    values = [_ROMAN_VALUE[c] for c in numeral]
    total = sum(
        -v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)
    )
    return total if 0 < total < 400 else None


def _written_numbers(passage: str, lang: str | None) -> list[float]:
    """Values the passage gives without digits (see above), to stand beside its own."""
    out: list[float] = []
    for m in _ROMAN.finditer(passage):
        if (v := _roman(m.group(1))) is not None:
            out.append(v)
    words = re.findall(r"[^\W\d_]+", passage.casefold())
    for i, w in enumerate(words):
        if w in _MONTH:
            out.append(_MONTH[w])
        elif w in _HALF:
            out.append(50)
        elif w in _WORD_VALUES:
            out.append(_WORD_VALUES[w])
        if i and w in _SCALE:  # "cinco mil", "tres millones": a number word times its scale
            out += [v * _SCALE[w] for _, vals in numbers(words[i - 1], lang) for v in vals]
    for m in _TIME.finditer(passage):
        out += [float(m.group(1)), float(m.group(2))]
    for m in _DECADE.finditer(passage):
        word = m.group(1) or m.group(2)
        found = numbers(word, lang)
        for _, values in found:
            out += [1900 + v for v in values if 10 <= v < 100 and v % 10 == 0]
    return out


def numbers_checked(quote: str, qlang, passage: str, plang) -> str | None:
    """`number_mismatch` with a quote's year ranges spelled out and the passage's numbers
    without digits added."""
    quote = _YEAR_RANGE.sub(
        lambda m: f"{m[1]}{m[2]}{m[1][:2]}{m[3]}" if m[3] > m[1][2:] else m[0], quote
    )
    if (qlang or "en") == "en":  # "five thousand" is 5000, not a five
        quote = _EN_SCALED.sub(
            lambda m: f"{_EN_WORDS[m[1].lower()] * _EN_SCALE[m[2].lower()]:.0f}", quote
        )
    extra = _written_numbers(passage, plang)
    if extra:
        passage += " (" + "; ".join(f"{v:g}" for v in extra) + ")"
    return number_mismatch(quote, qlang, passage, plang)

"""Numbers a page writes without digits, against a quote that gives them in digits.

A faithful translation turns "siglo XX" into "20th century", "3 de diciembre" into "3/12" and
"los años noventa" into "the 1990s"; none of these may be flagged, and a changed value still is."""

from __future__ import annotations

import pytest

from citecheck.crosslingual.checks import safety


def numbers_ok(quote: str, passage: str, lang: str) -> bool:
    return not [p for p in safety(quote, "en", passage, lang) if p[0] == "number"]


@pytest.mark.parametrize(
    ("quote", "passage", "lang"),
    [
        ("It was built in the 20th century.", "Se construyó en el siglo XX.", "es"),
        ("It was built in the 19th century.", "Il a été construit au XIXe siècle.", "fr"),
        ("It was built in the 20th century.", "Его построили в XX веке.", "ru"),
        ("Prices fell in the 1990s.", "Los precios bajaron en los años noventa.", "es"),
        ("Prices fell in the 1990s.", "Die Preise fielen in den neunziger Jahren.", "de"),
        ("The vote is on 3/12/2025.", "La votación es el 3 de diciembre de 2025.", "es"),
        ("50 percent of the budget", "la mitad del presupuesto", "es"),
        ("in the 2019-20 season", "en la temporada 2019-2020", "es"),
        ("Unemployment is 11.5 percent.", "El desempleo es del 11,5 %.", "es"),
        ("Pope John Paul II visited in 1982.", "El papa Juan Pablo II la visitó en 1982.", "es"),
        ("A third of voters agreed.", "Un tercio de los votantes estuvo de acuerdo.", "es"),
        ("Some 5,000 people marched.", "Unas cinco mil personas marcharon.", "es"),
        ("Five thousand people marched.", "Marcharon 5000 personas.", "es"),
        ("The strike starts on May 1.", "La huelga empieza el primero de mayo.", "es"),
        ("The train left at 8:30 a.m.", "El tren salió a las 8.30.", "es"),
    ],
)
def test_numbers_written_another_way_agree(quote, passage, lang):
    assert numbers_ok(quote, passage, lang)


@pytest.mark.parametrize(
    ("quote", "passage", "lang"),
    [
        ("It was built in the 18th century.", "Il a été construit au XIXe siècle.", "fr"),
        ("Prices fell in the 1980s.", "Los precios bajaron en los años noventa.", "es"),
        ("The vote is on 3/11/2025.", "La votación es el 3 de diciembre de 2025.", "es"),
        ("40 percent of the budget", "la mitad del presupuesto", "es"),
        ("in the 2019-21 season", "en la temporada 2019-2020", "es"),
        ("In 2020, 20 people died.", "En 2020 murieron 30 personas.", "es"),
        ("Unemployment is 11.6 percent.", "El desempleo es del 11,5 %.", "es"),
        ("Some 6,000 people marched.", "Unas cinco mil personas marcharon.", "es"),
        ("Six thousand people marched.", "Marcharon 5000 personas.", "es"),
        ("The strike starts on May 2.", "La huelga empieza el primero de mayo.", "es"),
        ("The train left at 9:30 a.m.", "El tren salió a las 8.30.", "es"),
    ],
)
def test_a_changed_value_is_still_a_number_problem(quote, passage, lang):
    assert not numbers_ok(quote, passage, lang)

"""Set phrases that hold a negating word without negating, across languages.

"No obstante" is "however", "тем не менее" "nevertheless", "не раз" "more than once", and "no
solo ... sino" "not only ... but" (which a translation may give as "as well as"): a faithful
rendering of these must not be flagged, while a negation the quote adds still is."""

from __future__ import annotations

import pytest

from citecheck.crosslingual.checks import negation_checked


@pytest.mark.parametrize(
    ("quote", "passage", "lang"),
    [
        ("However, the plan went ahead.", "No obstante, el plan siguió adelante.", "es"),
        ("Nevertheless, the plan went ahead.", "Тем не менее план был реализован.", "ru"),
        ("He has been warned repeatedly.", "Его не раз предупреждали.", "ru"),
        (
            "It hits workers as well as firms.",
            "Afecta no solo a los trabajadores, sino a las empresas.",
            "es",
        ),
        (
            "It hits workers as well as firms.",
            "Es trifft nicht nur Arbeiter, sondern auch Firmen.",
            "de",
        ),
        (
            "It hits workers as well as firms.",
            "Afeta não só os trabalhadores, mas também as empresas.",
            "pt",
        ),
        (
            "It hits workers as well as firms.",
            "Это касается не только работников, но и фирм.",
            "ru",
        ),
        (
            "It hits not only workers but firms.",
            "Afecta no solo a los trabajadores, sino a las empresas.",
            "es",
        ),
        ("As soon as he arrived, he left.", "Nada más llegar, se fue.", "es"),
    ],
)
def test_a_set_phrase_is_no_negation(quote, passage, lang):
    assert negation_checked(quote, "en", passage, lang) is None


@pytest.mark.parametrize(
    ("quote", "passage", "lang"),
    [
        ("The plan did not go ahead.", "No obstante, el plan siguió adelante.", "es"),
        ("He has never been warned.", "Его не раз предупреждали.", "ru"),
        ("He fell.", "Он чуть не упал.", "ru"),  # almost fell: not a set phrase to drop
        ("It does not hit workers.", "Afecta a los trabajadores.", "es"),
    ],
)
def test_a_real_negation_still_disagrees(quote, passage, lang):
    assert negation_checked(quote, "en", passage, lang)

"""Names across languages: a transliteration is the same name, another name is not.

International news spells a name from another script in each language's way: "Khodorkovsky"
is "Jodorkovski" in Spanish and "Chodorkowski" in German. A faithful translation must not be
flagged for that, while a quote that names someone else still is."""

from __future__ import annotations

import pytest

from citecheck.crosslingual.checks import check_names


@pytest.mark.parametrize(
    ("quote", "passage", "lang"),
    [
        ("President Volodymyr Zelensky said", "Präsident Wolodymyr Selenskyj sagte", "de"),
        ("Mikhail Khodorkovsky said", "Mijaíl Jodorkovski dijo", "es"),
        ("Mikhail Khodorkovsky said", "Michail Chodorkowski sagte", "de"),
        ("Pyotr Tchaikovsky wrote", "Piotr Ilich Chaikovski escribió", "es"),
        ("Pyotr Tchaikovsky wrote", "Pjotr Tschaikowski schrieb", "de"),
        ("Alexei Navalny said", "Alexej Nawalny sagte", "de"),
        ("Yevgeny Prigozhin said", "Ievgueni Prigojine a dit", "fr"),
        ("Yevgeny Prigozhin said", "Jewgeni Prigoschin sagte", "de"),
        ("Vladimir Putin said", "Vladimir Poutine a dit", "fr"),
        ("Mahmoud Abbas said", "Mahmud Abás dijo", "es"),
        ("Ali Khamenei said", "Alí Jamenei dijo", "es"),
    ],
)
def test_a_transliterated_name_is_the_same_name(quote, passage, lang):
    assert check_names(quote, passage, lang=lang) is None


@pytest.mark.parametrize(
    ("quote", "passage", "lang"),
    [
        ("Wayde Sims said", "Wayde Simpson dijo", "es"),
        ("Sergei Lavrov said", "Serguéi Shoigú dijo", "es"),
        ("Emmanuel Macron said", "Emmanuel Micron a dit", "fr"),
        ("Joe Biden said", "Joe Baden dijo", "es"),
        ("Angela Merkel said", "Angela Markel sagte", "de"),
    ],
)
def test_another_name_is_still_a_name_problem(quote, passage, lang):
    assert check_names(quote, passage, lang=lang)


def test_a_source_that_names_the_person_by_first_name_alone_is_the_same_person():
    quote = "Mayor Marta Quiroga closed the bridge"
    assert check_names(quote, "Marta, la alcaldesa, cerró el puente", lang="es") is None
    # the same first name with another surname is someone else
    assert check_names(quote, "Marta Rivas cerró el puente", lang="es")

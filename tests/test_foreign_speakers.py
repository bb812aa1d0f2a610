"""Who a source page in another language gives a passage to (citecheck.attribution.foreign), and
names compared across scripts. Sentences are invented for these tests: made-up people, no real
outlet's words."""

from __future__ import annotations

import pytest

from citecheck.attribution.foreign import foreign_speaker
from citecheck.judge import same_person


def who(lang: str, text: str, quoted: str) -> tuple[str | None, bool]:
    i = text.index(quoted)
    return foreign_speaker(text, (i, i + len(quoted)), lang)


@pytest.mark.parametrize(
    "lang, text, quoted, name",
    [
        # cue, then role words, then the name
        (
            "es",
            "«No vamos a cerrar la pasarela», dijo el ministro Rafael Ondarra.",
            "No vamos",
            "Rafael Ondarra",
        ),
        (
            "pt",
            "«Não vamos fechar a ponte», disse a ministra Helena Vasconcelos.",
            "Não vamos",
            "Helena Vasconcelos",
        ),
        (
            "fr",
            "« Nous ne fermerons pas la passerelle », a déclaré Mme Odile Ferrandeau.",
            "Nous ne",
            "Odile Ferrandeau",
        ),
        (
            "de",
            "„Wir schließen die Brücke nicht“, sagte Bürgermeisterin Greta Holmstedt.",
            "Wir schließen",
            "Greta Holmstedt",
        ),
        (
            "de",
            "Greta Holmstedt leitet die Stadt.\n„Wir schließen die Brücke nicht“, so Holmstedt.",
            "Wir schließen",
            "Holmstedt",
        ),
        ("ru", "«Мы не закроем мост», — заявил министр Павел Ондрин.", "Мы не", "Павел Ондрин"),
        # the role's complement is not the name; the name follows in apposition
        (
            "es",
            "«No vamos», dijo el ministro de Obras, Rafael Ondarra, en Tamblewick.",
            "No vamos",
            "Rafael Ondarra",
        ),
        # the name first, an appositive, then the cue
        (
            "es",
            "El ministro de Obras, Rafael Ondarra, afirmó que la pasarela seguirá abierta.",
            "la pasarela",
            "Rafael Ondarra",
        ),
        (
            "pt",
            "Helena Vasconcelos, ministra das Obras, garantiu que a ponte reabre em março.",
            "a ponte reabre",
            "Helena Vasconcelos",
        ),
        # "according to"
        (
            "es",
            "Según Lucía Berrocal, la pasarela seguirá abierta hasta marzo.",
            "la pasarela",
            "Lucía Berrocal",
        ),
        (
            "ru",
            "Павел Ондрин возглавляет комиссию.\nПо словам Ондрина, мост останется открытым.",
            "мост останется",
            "Ондрина",
        ),
        # the sentence of the passage, not its neighbours
        (
            "es",
            "Rafael Ondarra llegó tarde. Habló primero Berrocal. «No la cerraremos», dijo Ondarra. "
            "Después habló Soto.",
            "No la",
            "Ondarra",
        ),
        # a name inside the quoted words is not the speaker
        (
            "es",
            "Rafael Ondarra llegó tarde.\n«Berrocal no sabe de puentes», dijo Ondarra.",
            "no sabe",
            "Ondarra",
        ),
    ],
)
def test_named_speakers_are_found(lang, text, quoted, name):
    assert who(lang, text, quoted) == (name, True)


@pytest.mark.parametrize(
    "lang, text, quoted",
    [
        ("es", "«No vamos a cerrar la pasarela», declaró.", "No vamos"),  # a pronoun
        ("fr", "« Nous ne fermerons pas la passerelle », a-t-il déclaré.", "Nous ne"),
        ("ru", "«Мы не закроем мост», — сказал он.", "Мы не"),
        ("es", "«No vamos», dijo el portavoz del Ayuntamiento.", "No vamos"),  # a role, no name
        ("de", "„Wir schließen die Brücke nicht“, sagte ein Sprecher der Stadt.", "Wir schließen"),
        ("es", "La pasarela seguirá abierta hasta marzo.", "La pasarela"),  # no attribution
        ("it", "«Non chiuderemo il ponte», ha detto Rafaela Ondari.", "Non chiuderemo"),  # no cues
    ],
)
def test_no_named_speaker_gives_no_name(lang, text, quoted):
    assert who(lang, text, quoted) == (None, False)


def test_one_word_names_count_only_when_the_page_gives_them_in_full():
    alone = "«Wir schließen die Brücke nicht», so Holmstedt."
    assert who("de", alone, "Wir schließen") == ("Holmstedt", False)
    # a lone capitalised word after a cue is often no person at all
    text = "Die Stadt will sparen. Diplomaten erklärten, dass die Brücke bleibt."
    assert who("de", text, "dass die Brücke")[1] is False


def test_a_place_before_the_cue_is_not_the_speaker():
    text = "La banda Los Ejemplares, de Tamblewick, afirmó que el puente es suyo."
    assert who("es", text, "el puente")[0] != "Tamblewick"


def test_an_institution_is_named_but_not_a_person():
    assert who("es", "«No vamos», informó la Policía Municipal.", "No vamos") == (
        "Policía Municipal",
        False,
    )


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Pavel Ondrin", "Павел Ондрин", True),  # another script
        ("Pavel Ondrin", "Ондрина", True),  # a Russian case ending on the surname
        ("Rafael Ondarra", "Rafael Óndarra", True),  # accents
        ("Arturo Murillo", "Артуро Мурильо", True),  # a soft sign and a single l
        ("Pavel Ondrin", "Лукия Берроко", False),
        ("Rafael Ondarra", "Lucía Berrocal", False),
        ("Greta Holm", "Greta Holmberg", False),  # more than a case ending apart
    ],
)
def test_names_are_compared_across_scripts_and_case_endings(a, b, same):
    assert same_person(a, b) is same


def test_a_page_that_is_one_long_line_is_read_near_the_passage_only():
    """A 200 KB line of unclosed quote marks took seconds before the reading was bounded."""
    import time

    filler = "« Ab dijo " * 10_000
    text = f"{filler}«No vamos a cerrar la pasarela», dijo el ministro Rafael Ondarra. {filler}"
    start = time.perf_counter()
    assert who("es", text, "No vamos a cerrar") == ("Rafael Ondarra", True)
    assert time.perf_counter() - start < 2.0

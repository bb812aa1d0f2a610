"""Quotes across languages on made-up stories: a Spanish town closes a bridge, a Russian town
builds one (tests/fixtures/translate_cassettes.py holds both pages and their hand-made English).

The checks that need no model (numbers, negation, names, sentences) always run; the embedding
tests need the `citecheck[multilingual]` extra and skip cleanly without it."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
import vcr
from fixtures import translate_cassettes as fixtures

from citecheck.crosslingual import (
    CrossMatch,
    check_names,
    cross_match,
    embed,
    quote_names,
    word_diff,
)
from citecheck.crosslingual.translate import bind, build
from citecheck.crosslingual.translate import client as translate_client
from citecheck.text.negation import negation_mismatch as check_negation
from citecheck.text.negation import negations
from citecheck.text.numbers import number_mismatch as check_numbers
from citecheck.text.numbers import numbers
from citecheck.text.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent

ES = fixtures.STORIES["es"]
RU = fixtures.STORIES["ru"]
needs_model = pytest.mark.skipif(
    not embed.available(), reason="the embedding extra is not installed (citecheck[multilingual])"
)


def replay(name: str):
    """The translator cassette, matched on the body too: one URL answers every text."""
    recorder = vcr.VCR(record_mode="none", match_on=["method", "uri", "body"])
    return recorder.use_cassette(str(fixtures.cassette_path(name)), allow_playback_repeats=True)


@pytest.fixture(scope="module")
def emb():
    if not embed.available():
        pytest.skip("the embedding extra is not installed (citecheck[multilingual])")
    return embed.default_embedder()


def es(quote: str, **kw) -> CrossMatch:
    return cross_match(quote, "en", ES.text, "es", url=ES.url, **kw)


def ru(quote: str, **kw) -> CrossMatch:
    return cross_match(quote, "en", RU.text, "ru", url=RU.url, **kw)


# --- sentences, numbers, negation, names: no model ----------------------------------------------


def test_sentences_keep_their_spans_and_split_a_glued_heading():
    text = (
        "El puente cierra Los vecinos protestan. Dijo el Sr. Pérez que no. «¿Por qué?», preguntó."
    )
    sents = split_sentences(text, "es")
    assert [s.text for s in sents] == [
        "El puente cierra",
        "Los vecinos protestan.",
        "Dijo el Sr. Pérez que no.",
        "«¿Por qué?», preguntó.",
    ]
    for s in sents:
        assert text[s.span[0] : s.span[1]] == s.text


@pytest.mark.parametrize(
    "written, lang, value",
    [
        ("3,000", "en", 3000),
        ("3.000", "es", 3000),
        ("3 000", "fr", 3000),
        ("3\u00a0000", "fr", 3000),
        ("1,5", "de", 1.5),
        ("2.5", "en", 2.5),
        ("1.234.567", "pt", 1234567),
        ("1,234.5", "en", 1234.5),
    ],
)
def test_digits_are_read_whatever_the_grouping(written, lang, value):
    ((_, values),) = numbers(written, lang, strict=lang == "en")
    assert value in values


def test_scaled_numbers_and_number_words_match_across_languages():
    assert check_numbers("£9 billion a year", "en", "9000 millones de libras al año", "es") is None
    assert check_numbers("a £9bn plan", "en", "un plan de 9.000 millones", "es") is None
    assert check_numbers("two years", "en", "займут два года", "ru") is None
    assert check_numbers("for six weeks", "en", "durante seis semanas", "es") is None
    assert check_numbers("the third place", "en", "третье место", "ru") is None
    assert check_numbers("at 3 p.m.", "en", "à 15 h", "fr") is None
    assert check_numbers("it was 80 degrees", "en", "hacía 27 grados", "es") is None
    why = check_numbers("£127 million", "en", "127 Millionen Pfund", "de")
    assert why is None
    why = check_numbers("£127 million", "en", "120 Millionen Pfund", "de")
    assert why == "number: '127' in the quote is not in the source passage (120)"
    assert "'three'" in check_numbers("three years", "en", "два года", "ru")
    assert "(no number)" in check_numbers("58th anniversary", "en", "el aniversario", "es")


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("We will not go", "en", ["not"]),
        ("We won't go", "en", ["won't"]),
        ("No. 10 Downing Street said", "en", []),
        ("a no-deal Brexit", "en", []),
        ("No vamos a ir", "es", ["no"]),
        ("Não vamos", "pt", ["não"]),
        ("no Brasil", "pt", []),  # "no" is "in the" in Portuguese
        ("Il ne viendra pas", "fr", ["ne"]),
        ("Il n'a que deux enfants", "fr", []),  # ne ... que: "only"
        ("avant que Dwyer ne redonne l'avantage", "fr", []),  # the expletive ne
        ("Wir kommen nicht", "de", ["nicht"]),
        ("Мы не будем", "ru", ["не"]),
    ],
)
def test_negations_in_each_language(text, lang, expected):
    assert negations(text, lang) == expected


def test_negation_must_agree():
    assert (
        check_negation("We will not raise taxes", "en", "No subiremos los impuestos", "es") is None
    )
    assert check_negation("We will raise taxes", "en", "Subiremos los impuestos", "es") is None
    why = check_negation("We will not raise taxes", "en", "Subiremos los impuestos", "es")
    assert why == "negation: the quote says 'not', the source passage has no negation"
    why = check_negation("We will raise taxes", "en", "Мы не будем повышать налоги", "ru")
    assert why == "negation: the source passage says 'не', the quote has no negation"
    # a negative word of the quote may be the page's negation ...
    assert check_negation("Some were unimpressed", "en", "A algunos no les gustó", "es") is None
    # ... but not when the page's negation belongs to that very word
    why = check_negation(
        "He was not carded, and an unconverted try followed", "en",
        "Recebeu um cartão, e seguiu-se um ensaio não convertido", "pt",
    )  # fmt: skip
    assert why and why.startswith("negation: the quote says 'not'")
    why = check_negation(
        "No one could not have been confused", "en", "Niemand konnte verwirrt sein", "de"
    )
    assert why and "double negative" in why


def test_each_number_of_the_quote_needs_one_of_its_own_in_the_source():
    why = check_numbers(
        "Winds of 10-10 m/s are expected", "en", "Se esperan vientos de 5-10 m/s", "es"
    )
    assert why == ("number: '10' stands more often in the quote than in the source passage (5, 10)")
    assert check_numbers("Winds of 5-10 m/s", "en", "Vientos de 5-10 m/s", "es") is None
    assert check_numbers("3 of the 3 votes", "en", "3 de los 3 votos", "es") is None
    # the minutes of two times are a format, not a count
    assert check_numbers("from 12:00 to 13:00", "en", "с 12:00 до 13 часов", "ru") is None


def test_negations_are_counted_not_only_found():
    why = check_negation(
        "They did not answer, but they did not leave", "en", "No respondieron, pero se fueron", "es"
    )
    assert why == "negation: the quote negates 2 times ('not', 'not'), the source passage 1"
    # a language that doubles its negations has more of them, never fewer
    assert check_negation("He said nothing", "en", "No dijo nada", "es") is None
    assert check_negation("He did not say anything", "en", "Il n'a rien dit", "fr") is None


def test_a_negation_cancelled_by_a_negative_word_is_a_double_negative():
    why = check_negation("He was not unable to account for it", "en", "No pudo explicarlo", "es")
    assert why == (
        "negation: the quote has a double negative ('not ... unable'), the source passage none"
    )
    why = check_negation("She never failed to vote", "en", "Nunca votó", "es")
    assert why and "double negative" in why
    assert check_negation("He could not account for it", "en", "No pudo explicarlo", "es") is None


def test_names_are_the_surnames_of_capitalised_runs():
    quote = "President Donald Trump met Andres Manuel Lopez Obrador at the White House in New York."
    assert quote_names(quote) == ["Trump", "Obrador"]
    assert check_names(quote, "Trump recibió a López Obrador en la Casa Blanca") is None
    why = check_names(quote, "Trump recibió a López Portillo en la Casa Blanca")
    assert why == "name: 'Obrador' in the quote is not in the source passage"
    assert check_names(quote, "Трамп встретился с Лопесом Обрадором") is None  # not Latin script
    assert check_names(quote, "Трамп", translation="Trump met Lopez Obrador") is None


def test_word_diff_follows_the_matchers_convention():
    assert word_diff("we will not raise taxes", "we will raise taxes") == (
        ("=", "we will"),
        ("-", "not"),
        ("=", "raise taxes"),
    )


def test_without_a_model_or_translator_the_language_is_the_reason():
    cm = es("We are not going to risk anyone's life to save 3,000 euros")
    assert cm.grade == "unavailable" and cm.passage == ""
    assert cm.reason.startswith("language: the source is in es") and "translator" in cm.reason


# --- embedding: the passage is located and graded ---------------------------------------------


@needs_model
def test_the_model_loads_from_the_installed_package_with_no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("no network in this test")

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    fresh = embed.load(embed.USE_NAME)
    vecs = fresh.embed(["El puente cierra.", "The bridge closes.", "El puente cierra."])
    assert vecs.shape == (3, 512)
    assert abs(float(vecs[0] @ vecs[0]) - 1.0) < 1e-5
    assert float(vecs[0] @ vecs[1]) > 0.5
    assert fresh.encoded == 2  # the repeated sentence came from the cache
    fresh.embed(["The bridge closes."])
    assert fresh.encoded == 2
    assert os.environ["HF_HUB_OFFLINE"] == "1"


@needs_model
def test_spanish_faithful_rendering_is_translated_with_the_spanish_passage(emb):
    cm = es("We are not going to risk anyone's life to save 3,000 euros", embedder=emb)
    assert cm.grade == "translated", cm.reason
    assert cm.passage.startswith("«No vamos a arriesgar la vida de nadie por ahorrar 3.000 euros»")
    assert ES.text[cm.passage_span[0] : cm.passage_span[1]] == cm.passage
    assert cm.backends == ("use-multilingual-v3",) and cm.translation is None
    assert cm.url == ES.url and cm.page_language == "es" and 0.45 <= cm.score <= 1
    assert "no translator" in cm.reason


@needs_model
def test_spanish_number_changed_is_altered(emb):
    cm = es("We are not going to risk anyone's life to save 30,000 euros", embedder=emb)
    assert cm.grade == "altered"
    assert cm.reason == (
        "number: '30,000' in the quote is not in the source passage (3.000); the quote renders "
        "the source's clause 'No vamos a arriesgar la vida de nadie por ahorrar 3.000 euros'"
    )
    assert cm.diff == (
        ("-", "No vamos a arriesgar la vida de nadie por ahorrar 3.000 euros"),
        ("+", "We are not going to risk anyone's life to save 30,000 euros"),
    )
    cm = es("The council approved closing the Piedra Gris bridge for eight weeks", embedder=emb)
    assert cm.grade == "altered" and "'eight'" in cm.reason


@needs_model
def test_spanish_negation_flipped_is_altered(emb):
    cm = es("We are going to risk anyone's life to save 3,000 euros", embedder=emb)
    assert cm.grade == "altered"
    assert cm.reason.startswith(
        "negation: the source passage says 'no', the quote has no negation; the quote renders "
        "the source's clause 'No vamos a arriesgar"
    )


@needs_model
def test_a_partial_quote_is_located_in_its_clause(emb):
    cm = es("The cracks in the central pillar are deeper than expected", embedder=emb)
    assert cm.grade == "translated", cm.reason
    assert cm.passage.startswith("La alcaldesa, Remedios Quintanar")
    assert cm.clause == "las grietas del pilar central son más profundas de lo previsto."
    cm = es("The cracks in the central pillar are not deeper than expected", embedder=emb)
    assert cm.grade == "altered" and cm.reason.startswith("negation")


@needs_model
def test_a_changed_name_is_altered(emb):
    quote = "The repair will cost 240,000 euros, engineer Baltasar Ormazabal said."
    cm = es(quote, embedder=emb)
    assert cm.grade == "altered"
    assert cm.reason == "name: 'Ormazabal' in the quote is not in the source passage"
    assert es(quote.replace("Ormazabal", "Oyarzun"), embedder=emb).grade == "translated"


@needs_model
@pytest.mark.parametrize("story", ["es", "ru"])
def test_an_unrelated_sentence_is_none(emb, story):
    quote = "The harvest festival will open with a parade of tractors on Sunday."
    cm = (es if story == "es" else ru)(quote, embedder=emb)
    assert cm.grade == "none"
    assert cm.score < 0.45 and "no passage" in cm.reason


@needs_model
def test_russian_faithful_rendering_is_translated(emb):
    cm = ru("We will not raise taxes for the sake of this project", embedder=emb)
    assert cm.grade == "translated", cm.reason
    assert "Мы не будем повышать налоги ради этого проекта" in cm.passage
    cm = ru("The work will begin in spring and will take two years", embedder=emb)
    assert cm.grade == "translated", cm.reason


@needs_model
def test_russian_number_changed_is_altered(emb):
    cm = ru("The construction is estimated to cost 540 million roubles", embedder=emb)
    assert cm.grade == "altered"
    assert cm.reason.startswith(
        "number: '540' in the quote is not in the source passage (450); the quote renders the "
        "source's clause '"
    )
    assert "450" in cm.diff[0][1] and "540" in cm.diff[1][1]
    cm = ru("The work will begin in spring and will take three years", embedder=emb)
    assert cm.grade == "altered" and "'three'" in cm.reason


@needs_model
def test_russian_negation_flipped_is_altered(emb):
    cm = ru("We will raise taxes for the sake of this project", embedder=emb)
    assert cm.grade == "altered"
    assert cm.reason.startswith(
        "negation: the source passage says 'не', the quote has no negation; the quote renders "
        "the source's clause '"
    )
    assert " не " in f" {cm.diff[0][1]} "


# --- with a translator (replayed) ---------------------------------------------------------------


def deepl():
    return build("deepl", fixtures.FIXTURE_ENV)


@needs_model
def test_with_a_translator_the_translation_is_in_the_result(emb):
    quote = "We are not going to risk anyone's life to save 3,000 euros"
    with replay("deepl"), translate_client() as http:
        cm = es(quote, embedder=emb, translator=bind(deepl(), http))
    assert cm.grade == "translated", cm.reason
    assert cm.translation.startswith("“We are not going to risk anyone's life to save 3,000 euros")
    assert cm.backends == ("use-multilingual-v3", "deepl")
    assert "deepl translation" in cm.reason and "word for word" in cm.reason
    assert cm.diff[0] == ("=", "We are not going to risk anyone's life to save 3,000 euros")


@needs_model
def test_with_a_translator_wording_differences_are_shown_not_failed(emb):
    quote = "Council chief Arkady Pereverzev said works will start in spring and last two years"
    with replay("deepl"), translate_client() as http:
        cm = ru(quote, embedder=emb, translator=bind(deepl(), http))
        assert cm.grade == "translated", cm.reason
        assert cm.translation.startswith("Council head Arkady Pereverzev said")
        assert any(op == "+" for op, _ in cm.diff) and "differ from the deepl" in cm.reason
        strict = ru(quote, embedder=emb, translator=bind(deepl(), http), strict=True)
    assert strict.grade == "altered" and strict.reason.startswith("after translation by deepl")


@needs_model
def test_with_a_translator_a_changed_number_is_altered(emb):
    with replay("deepl"), translate_client() as http:
        cm = ru("The cost of construction is estimated at 540 million roubles.", embedder=emb,
                translator=bind(deepl(), http))  # fmt: skip
    assert cm.grade == "altered" and cm.reason.startswith("number: '540'")
    assert cm.translation == "The cost of construction is estimated at 450 million roubles."


@needs_model
def test_a_failing_translator_leaves_the_embedding_verdict_with_a_note(emb):
    quote = "We are not going to risk anyone's life to save 3,000 euros"
    env = {**fixtures.FIXTURE_ENV, "OPENAI_API_KEY": "fixture-openai-key"}
    with replay("openai"), translate_client() as http:
        tr = bind(build("openai", env), http)
        cm = es(quote, embedder=emb, translator=tr)
    assert cm.grade == "translated" and cm.translation is not None  # the cassette answers it
    with replay("libretranslate"), translate_client() as http:
        broken = build("libretranslate", {"LIBRETRANSLATE_URL": "https://translate.example.org"})
        cm = es(quote, embedder=emb, translator=bind(broken, http))  # no key: no such request
    assert cm.grade == "translated" and cm.translation is None
    assert "translator libretranslate failed" in cm.reason
    assert cm.backends == ("use-multilingual-v3",)


def test_a_translator_alone_locates_and_grades():
    with replay("deepl"), translate_client() as http:
        tr = bind(deepl(), http)
        cm = es("We are not going to risk anyone's life to save 3,000 euros", translator=tr)
        assert cm.grade == "translated", cm.reason
        assert cm.passage.startswith("«No vamos a arriesgar")
        assert cm.translation.startswith("“We are not going to risk")
        assert cm.backends == ("deepl",)
        cm = es("We are not going to risk anyone's life to save 30,000 euros", translator=tr)
        assert cm.grade == "altered" and "'30,000'" in cm.reason
        cm = es("The harvest festival will open with a parade of tractors.", translator=tr)
        assert cm.grade == "none"

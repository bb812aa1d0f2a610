"""Numbers and negations placed clause by clause across languages (made-up stories).

Counting is not enough: a "not" moved to the other clause of a sentence, or two numbers
swapped between clauses, keeps every count and changes what was said. The report must also
say which clause of the quote and which clause of the source disagree."""

from __future__ import annotations

import pytest

from citecheck.crosslingual import cross_match, embed
from citecheck.crosslingual.place import clauses

URL = "https://example.org/villanueva/puente"
BEFORE = "La alcaldesa habló el lunes con los vecinos del barrio sobre el futuro del puente. "
AFTER = " El informe completo se publicará en marzo en la web del ayuntamiento."


@pytest.fixture(scope="module")
def emb():
    if not embed.available():
        pytest.skip("the embedding extra is not installed (citecheck[multilingual])")
    return embed.default_embedder()


def check(quote: str, sentence: str, emb):
    return cross_match(quote, "en", BEFORE + sentence + AFTER, "es", embedder=emb, url=URL)


def test_clauses_cut_at_punctuation_and_conjunctions_not_inside_numbers():
    cut = [c.text for c in clauses("Prices rose 11,5 % on Oct. 2, 1968 at 3:35, but wages fell.")]
    assert cut == ["Prices rose 11,5 % on Oct. 2, 1968 at 3:35", "wages fell"]
    cut = [c.text for c in clauses("Los funcionarios no respondieron, pero el ministro habló.")]
    assert cut == ["Los funcionarios no respondieron", "el ministro habló"]
    # a one-word piece is no statement of its own
    assert [c.text for c in clauses("No, dijo.")] == ["No, dijo"]


def test_a_negation_moved_to_the_other_clause_is_altered_and_placed(emb):
    source = "Los funcionarios no respondieron, pero el ministro confirmó el recorte."
    cm = check("Officials responded, but the minister did not confirm the cut.", source, emb)
    assert cm.grade == "altered" and cm.difference == "negation"
    assert "Officials responded" in cm.reason and "Los funcionarios no respondieron" in cm.reason
    assert cm.diff == (("-", "Los funcionarios no respondieron"), ("+", "Officials responded"))


def test_the_same_negation_in_the_same_clause_is_translated(emb):
    source = "Los funcionarios no respondieron, pero el ministro confirmó el recorte."
    cm = check("Officials did not respond, but the minister confirmed the cut.", source, emb)
    assert cm.grade == "translated", cm.reason


def test_numbers_swapped_between_clauses_are_altered(emb):
    source = "Los precios subieron un 3 % y los salarios aumentaron un 5 %."
    cm = check("Prices rose by 5 percent and wages went up by 3 percent.", source, emb)
    assert cm.grade == "altered" and cm.difference == "number"
    assert "'5'" in cm.reason and "Los precios subieron un 3 %" in cm.reason


def test_numbers_in_their_own_clauses_and_written_another_way_are_translated(emb):
    source = "Los precios subieron un 11,5 % y los salarios aumentaron un 5 %."
    cm = check("Prices rose by 11.5 percent and wages went up by 5 percent.", source, emb)
    assert cm.grade == "translated", cm.reason


def test_a_changed_number_names_the_clauses_that_disagree(emb):
    source = "Se esperan vientos de 5-10 m/s en el norte, informó la agencia meteorológica."
    quote = "Winds of 10-10 m/s are expected in the north, the weather agency said."
    cm = check(quote, source, emb)
    assert cm.grade == "altered" and cm.difference == "number"
    assert "'10'" in cm.reason
    assert cm.diff == (
        ("-", "Se esperan vientos de 5-10 m/s en el norte"),
        ("+", "Winds of 10-10 m/s are expected in the north"),
    )


def test_a_short_sentence_whose_negation_was_dropped_is_altered_not_unfound(emb):
    # "No estoy de acuerdo" / "I agree": the negation is much of what a short sentence says,
    # so the similarity falls; a threshold just above it stands for the unseen pages where
    # it fell below 0.45
    source = "No estoy de acuerdo con la alcaldesa."
    first = check("I agree with the mayor.", source, emb)
    cm = cross_match(
        "I agree with the mayor.", "en", BEFORE + source + AFTER, "es", embedder=emb,
        locate_min=first.score + 0.02,
    )  # fmt: skip
    assert cm.grade == "altered" and cm.difference == "negation"
    assert "until the negation was set aside" in cm.reason
    # with no negation to set aside, the same threshold finds nothing
    agree = "Estoy de acuerdo con la alcaldesa."
    plain = check("I agree with the mayor.", agree, emb)
    cm = cross_match(
        "I agree with the mayor.", "en", BEFORE + agree + AFTER, "es", embedder=emb,
        locate_min=plain.score + 0.02,
    )  # fmt: skip
    assert cm.grade == "none"
    # an unrelated quote stays unfound
    assert check("The museum opened a new wing in Lisbon.", source, emb).grade == "none"


class _Translator:
    """A translator that answers one made-up rendering for every passage."""

    name = "fixed"

    def __init__(self, answer: str) -> None:
        self.answer = answer

    def __call__(self, texts, source, target):
        return [self.answer for _ in texts]


def test_with_a_translator_a_moved_negation_is_compared_clause_by_clause(emb):
    source = "Los funcionarios no respondieron, pero el ministro confirmó el recorte."
    quote = "Officials responded, but the minister did not confirm the cut."
    faithful = _Translator("Officials did not respond, but the minister confirmed the cut.")
    page = BEFORE + source + AFTER
    cm = cross_match(quote, "en", page, "es", embedder=emb, translator=faithful)
    assert cm.grade == "altered" and cm.difference == "negation"
    # a translation that reads the negation where the quote has it settles the reading
    same = _Translator("Officials responded, but the minister did not confirm the cut.")
    cm = cross_match(quote, "en", page, "es", embedder=emb, translator=same)
    assert cm.grade == "translated", cm.reason


def test_a_partial_quote_that_leaves_out_a_condition_is_altered(emb):
    source = "Subiremos los impuestos el año que viene, pero solo si la economía crece más."
    cm = check("We will raise taxes next year.", source, emb)
    assert cm.grade == "altered" and cm.difference == "dropped"
    assert "pero solo si la economía crece más" in cm.reason
    # the condition first, then the clause the quote renders
    first = "Si la economía crece más, subiremos los impuestos el año que viene."
    assert check("We will raise taxes next year.", first, emb).grade == "altered"
    # the quote that keeps the condition renders the whole sentence
    whole = check("We will raise taxes next year, but only if the economy grows more.", source, emb)
    assert whole.grade == "translated", whole.reason


def test_with_a_translator_swapped_numbers_are_found_in_its_answer(emb):
    # the page's sentence is one the embedding cannot split into clauses; the translator's
    # answer can, and shows the swap clause by clause
    source = "Los precios subieron un 3 % frente al 5 % de los salarios."
    answer = _Translator("Prices rose by 3 percent, while wages went up by 5 percent.")
    quote = "Prices rose by 5 percent, while wages went up by 3 percent."
    cm = cross_match(quote, "en", BEFORE + source + AFTER, "es", embedder=emb, translator=answer)
    assert cm.grade == "altered" and cm.difference == "number", cm.reason
    faithful = "Prices rose by 3 percent, while wages went up by 5 percent."
    cm = cross_match(faithful, "en", BEFORE + source + AFTER, "es", embedder=emb, translator=answer)
    assert cm.grade == "translated", cm.reason

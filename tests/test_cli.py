"""The command line end to end: the sample replayed, the seed offline, errors and exit codes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from conftest import ROOT, SAMPLE, SAMPLE_CASSETTE, SEED

import citecheck
from citecheck.cli import main


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def sample_json():
    code, out, _ = run("check", SAMPLE, "--replay", SAMPLE_CASSETTE, "--format", "json")
    assert code == 1  # the sample holds misquotes: the default --fail-on trips
    return json.loads(out)


def _verdicts(doc):
    return {a["quote"][:30]: a["verdict"] for a in doc["attributions"]}


def test_sample_shows_every_verdict(sample_json):
    doc = sample_json["documents"][0]
    by_start = {a["quote"][:24]: a for a in doc["attributions"]}
    expected = {
        "The safety report gave u": "verified",
        "[The engineers] told us ": "verified",  # bracket
        "We are asking the county": "verified",  # ellipsis
        "a slow eviction of the w": "verified",  # partial quote
        "Nobody on this council w": "misattributed",
        "We intend to reopen the ": "close",
        "For our youngest pupils ": "close",
        "There are 24 households ": "altered",  # number changed
        "We have known for three ": "altered",  # word changed
        "We can carry the whole e": "not_found",  # fabricated
        "More than 3,000 people s": "unverifiable",  # dead link
        "Since they closed the br": "translated",  # Spanish source, located by embedding
        "The pier is not going to": "verified",  # pronoun speaker, straight quotes in source
        "consultation": None,  # scare quote: listed, not checked
        "the council would pay Ta": "supported",  # reported speech, no quote marks
    }
    got = {k: by_start[k]["verdict"] for k in expected}
    assert by_start["the council would pay Ta"]["kind"] == "indirect"
    assert got == expected
    assert doc["summary"]["verified"] == 5


def test_sample_findings_carry_evidence_and_diff(sample_json):
    atts = {a["quote"][:24]: a for a in sample_json["documents"][0]["attributions"]}
    altered = atts["There are 24 households "]
    assert ["-", "42"] in altered["evidence"]["diff"] and ["+", "24"] in altered["evidence"]["diff"]
    assert altered["evidence"]["url"].startswith("https://news.example.org/")
    assert altered["evidence"]["date"] == "2025-03-12"  # the fixture page's published_time
    swapped = atts["We have known for three "]
    # the word diff keeps the comma next to the change: was [-moving,-] {+sinking,+} and
    assert ["-", "moving,"] in swapped["evidence"]["diff"]
    assert ["+", "sinking,"] in swapped["evidence"]["diff"]
    mis = atts["Nobody on this council w"]
    assert mis["speaker"] == "Maren Oakshott" and mis["evidence"]["speaker"] == "Dorian Pemberwick"
    dead = atts["More than 3,000 people s"]
    assert dead["sources"][0]["status"] == "http_404" and "404" in dead["reason"]
    lang = atts["Since they closed the br"]
    assert lang["evidence"]["url"].startswith("https://noticias.example.org/")
    assert lang["evidence"]["language"] == "es"
    assert "Desde que cerraron el puente" in lang["evidence"]["passage"]
    assert lang["evidence"]["backends"] == ["use-multilingual-v3"]
    assert lang["evidence"]["translation"] is None  # no translator configured
    pronoun = atts["The pier is not going to"]
    assert pronoun["speaker"] == "Ingrid Halloway"


def test_json_follows_the_data_contract(sample_json):
    assert sample_json["schema"] == 1
    doc = sample_json["documents"][0]
    raw = SAMPLE.read_text(encoding="utf-8")
    for a in doc["attributions"]:
        assert set(a) >= {
            "id",
            "quote",
            "kind",
            "span",
            "speaker",
            "speaker_span",
            "cue",
            "outlet",
            "verdict",
            "score",
            "reason",
            "evidence",
            "sources",
        }
        assert a["kind"] in ("direct", "partial", "scare", "indirect")
        s, e = a["span"]
        # the span is the draft as written; the quote as read (a link inside shows its text)
        shown = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", raw[s:e])
        assert " ".join(shown.split()) == " ".join(a["quote"].split())


def test_text_report_reads_verdict_first():
    code, out, _ = run("check", SAMPLE, "--replay", SAMPLE_CASSETTE)
    assert code == 1
    assert "ALTERED" in out and "[-42-] {+24+}" in out
    assert "summary:" in out


def test_fail_on_controls_the_exit_code():
    code, *_ = run("check", SAMPLE, "--replay", SAMPLE_CASSETTE, "--fail-on", "")
    assert code == 0
    code, *_ = run("check", SAMPLE, "--replay", SAMPLE_CASSETTE, "--fail-on", "translated")
    assert code == 1


def test_seed_offline_lists_every_attribution_quickly():
    t = time.perf_counter()
    code, out, err = run("check", SEED, "--offline", "--format", "json")
    assert time.perf_counter() - t < 10
    doc = json.loads(out)["documents"][0]
    atts = doc["attributions"]
    assert len([a for a in atts if a["kind"] != "indirect"]) == 20
    checkable = [a for a in atts if a["kind"] != "scare"]
    assert len([a for a in checkable if a["kind"] != "indirect"]) == 16
    assert len([a for a in checkable if a["kind"] == "indirect"]) == 3  # reported speech
    assert all(a["verdict"] == "unverifiable" and "offline" in a["reason"] for a in checkable)
    elpais = next(a for a in atts if a["outlet"] == "El País")
    assert elpais["language"] == "es"
    assert any("elpais.com" in q["query"] and q["hits"] is None for q in elpais["searched"])
    assert code == 0  # unverifiable is not in the default --fail-on


def test_seed_without_network_flags_says_what_it_would_search():
    code, out, _ = run("check", SEED)
    assert code == 0
    assert "no candidate source" in out and "site:elpais.com" in out


def test_extract_json_has_no_check_fields():
    code, out, _ = run("extract", SEED, "--format", "json")
    assert code == 0
    a = json.loads(out)["documents"][0]["attributions"][0]
    assert "verdict" not in a and a["speaker"] == "an indigenous worker in El Alto"


def test_several_paths_give_one_report_in_order(tmp_path):
    other = tmp_path / "b.md"
    other.write_text("“Nothing to see,” said Pell Quarrie.", encoding="utf-8")
    code, out, _ = run("extract", SEED, other, "--format", "json")
    paths = [d["path"] for d in json.loads(out)["documents"]]
    assert paths == [str(SEED), str(other)]


@pytest.mark.parametrize(
    "args, message",
    [
        (["check", "missing.md"], "no such file"),
        (["check", "{seed}", "--replay", "nope.yaml"], "--replay: nope.yaml: no such file"),
        (["check", "{seed}", "--fail-on", "wrong"], "unknown verdict"),
        (["check", "{binary}"], "binary"),
        (["check", "{seed}", "--sources", "{badsources}"], "s.txt:1: not an http(s) URL"),
        (["check", "{empty}"], "the draft is empty"),
        (["check", "/dev/zero"], "not a regular file"),
        # click's own usage errors, on one line too
        (["check", "{emptydir}"], "no drafts (.md, .txt, .html) in this folder"),
        (["check", "{seed}", "--format", "bogus"], "'bogus' is not one of"),
        (["check", "{seed}", "--no-such-flag"], "No such option"),
        (["check"], "Missing argument"),
        # an unknown back-end is refused even offline, where none would be built
        (["check", "{seed}", "--offline", "--search", "nosuch"], "unknown back-end nosuch"),
        (["check", "{seed}", "--offline", "--replay", "{cassette}"], "--offline and --replay"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, args, message):
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04" * 10)
    bad = tmp_path / "s.txt"
    bad.write_text("not a url\n")
    empty = tmp_path / "empty.md"
    empty.write_text("")
    fields = {"seed": SEED, "binary": binary, "badsources": bad, "empty": empty}
    (tmp_path / "nothing").mkdir()
    fields |= {"emptydir": tmp_path / "nothing", "cassette": SAMPLE_CASSETTE}
    args = [a.format(**fields) for a in args]
    code, out, err = run(*args)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_output_file_is_written_whole(tmp_path):
    target = tmp_path / "report.json"
    code, out, _ = run(
        "check", SAMPLE, "--replay", SAMPLE_CASSETTE, "--format", "json", "-o", target
    )
    assert out == "" and json.loads(target.read_text())["schema"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temp file left


def test_console_script_runs_as_a_process():
    proc = subprocess.run(
        [sys.executable, "-m", "citecheck.cli", "extract", str(SEED)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 0 and "Arturo Murillo" in proc.stdout


def test_library_api_returns_typed_findings():
    report = citecheck.check(SAMPLE, replay=str(SAMPLE_CASSETTE))
    f = next(f for f in report.findings if f.verdict == "altered")
    assert isinstance(f, citecheck.Finding)
    assert f.attribution.speaker and f.evidence and f.evidence.diff
    assert f.sources[0].origin == "link"
    assert report.failing and report.documents[0].summary["altered"] == 2


def test_check_text_api():
    report = citecheck.check_text("“Hello there,” said Wim Arbogast.", offline=True)
    (f,) = report.findings
    assert f.verdict == "unverifiable" and f.attribution.speaker == "Wim Arbogast"


def test_config_file_sets_fail_on_and_flags_override_it(tmp_path):
    cfg = tmp_path / "citecheck.toml"
    cfg.write_text("fail_on = []\n", encoding="utf-8")
    base = ["check", SAMPLE, "--replay", SAMPLE_CASSETTE, "--config", cfg]
    assert run(*base)[0] == 0  # the config fails on nothing
    assert run(*base, "--fail-on", "altered")[0] == 1


def test_bad_config_is_one_line_and_exit_2(tmp_path):
    cfg = tmp_path / "citecheck.toml"
    cfg.write_text('brave_key_env = "BSAxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"\nfail_on = 3\n')
    code, _, err = run("check", SEED, "--offline", "--config", cfg)
    assert code == 2 and "citecheck.toml" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("fmt", ["markdown", "html", "junit", "sarif", "github"])
def test_every_format_renders_the_sample(fmt):
    code, out, _ = run("check", SAMPLE, "--replay", SAMPLE_CASSETTE, "--format", fmt)
    assert code == 1 and out.strip()
    assert "24 households" in out or fmt == "sarif" and "q8" in out


def test_no_progress_noise_when_not_a_terminal():
    code, out, err = run("check", SAMPLE, "--replay", SAMPLE_CASSETTE, "--format", "json")
    assert err == "" and json.loads(out)["schema"] == 1


def test_cache_and_user_agent_flags(tmp_path):
    """--cache-dir keeps pages between runs, --no-cache asks again, --user-agent is sent."""
    from faultserver import FaultServer

    with FaultServer() as server:
        url = server.url("/cached")
        draft = tmp_path / "draft.md"
        draft.write_text(
            f"Fixture draft. “Cached page text for the test,” said Ada Example ([link]({url})).\n",
            encoding="utf-8",
        )
        cache = tmp_path / "cache"
        base = ["check", draft, "--allow-private", "--search", "", "--cache-dir", cache]
        ua = "desk-bot/1.0 (desk@example.org)"
        assert run(*base, "--user-agent", ua)[0] in (0, 1)
        assert server.hits["/cached"] == 1 and (cache / "http-cache.sqlite").is_file()
        assert any(h.get("User-Agent") == ua for p, h, _ in server.requests if p == "/cached")
        run(*base)
        assert server.hits["/cached"] == 1  # fresh in the cache: not asked again
        run(*base, "--no-cache")
        assert server.hits["/cached"] == 2
    code, _, err = run(*base, "--user-agent", "two\nlines")
    assert code == 2 and "--user-agent" in err and len(err.strip().splitlines()) == 1


def test_fetch_flags_reach_the_fetcher(monkeypatch, tmp_path):
    """--no-archive, --no-cache, --cache-dir and --user-agent set the run's FetchConfig (the
    behaviour behind each is tested in test_fetch.py)."""
    from citecheck import cli
    from citecheck.model import Report

    seen = {}

    def fake_check(paths, options):
        seen["fetch"] = options.fetch
        return Report((), checked=True)

    monkeypatch.setattr(cli, "run_check", fake_check)
    run("check", SAMPLE, "--offline")
    assert seen["fetch"].archive_fallback and seen["fetch"].cache
    run(
        "check", SAMPLE, "--offline", "--no-archive", "--no-cache", "--cache-dir", tmp_path,
        "--user-agent", "desk-bot/2 (desk@example.org)",
    )  # fmt: skip
    f = seen["fetch"]
    assert not f.archive_fallback and not f.cache and f.cache_dir == str(tmp_path)
    assert f.user_agent == "desk-bot/2 (desk@example.org)"


def test_a_config_beside_an_untrusted_draft_is_not_read(tmp_path, monkeypatch):
    """Only the working directory's config applies: one next to the draft could lift the guard."""
    drafts = tmp_path / "incoming"
    drafts.mkdir()
    (drafts / "citecheck.toml").write_text('fail_on = ["verified"]\n', encoding="utf-8")
    draft = drafts / "d.md"
    draft.write_text("Fixture. “Hello there, friends,” said Ada Example.\n", encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    code, out, err = run("check", draft, "--offline", "--format", "json")
    assert code == 0, err  # the draft folder's fail_on = ["verified"] was not applied
    (work / "citecheck.toml").write_text('allow_private_hosts = ["0.0.0.0/0"]\n', encoding="utf-8")
    code, _, err = run("check", draft, "--offline")
    assert code == 2 and "too broad" in err


def test_unwritable_output_is_one_line_and_exit_2(tmp_path):
    code, _, err = run("check", SAMPLE, "--offline", "-o", tmp_path / "missing" / "r.txt")
    # checked before the run: the folder is named at once, not after all the fetching
    assert code == 2 and "does not exist" in err and len(err.strip().splitlines()) == 1

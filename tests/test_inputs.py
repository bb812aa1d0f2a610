"""What the user names as drafts (issue 14): every readable draft is reported even when another
cannot be read, a folder is read recursively, `-` is standard input, formats ignore case."""

from __future__ import annotations

import json

from click.testing import CliRunner

import citecheck
from citecheck.cli import main

GOOD = "“The pier will reopen in May,” said Tobias Wrexley.\n"


def run(*args, stdin=None):
    result = CliRunner().invoke(main, [str(a) for a in args], input=stdin, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_one_bad_file_among_several_costs_only_itself(tmp_path):
    good = tmp_path / "good.md"
    good.write_text(GOOD, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 20)
    code, out, err = run(
        "check", good, empty, tmp_path / "missing.md", binary, "--offline", "--format", "json"
    )
    assert code == 2
    report = json.loads(out)
    assert [d["path"] for d in report["documents"]] == [str(good)]
    assert report["documents"][0]["attributions"][0]["speaker"] == "Tobias Wrexley"
    reasons = {u["path"]: u["reason"] for u in report["unreadable"]}
    assert reasons[str(empty)] == "the draft is empty"
    assert reasons[str(tmp_path / "missing.md")] == "no such file"
    assert "binary" in reasons[str(binary)]
    lines = err.strip().splitlines()
    assert len(lines) == 3 and all(line.startswith("citecheck: error: ") for line in lines)
    assert f"{empty}: the draft is empty" in err and "Traceback" not in err


def test_the_text_report_lists_the_unreadable_drafts(tmp_path):
    good = tmp_path / "good.md"
    good.write_text(GOOD, encoding="utf-8")
    code, out, _ = run("extract", good, tmp_path / "gone.md")
    assert code == 2
    assert "Tobias Wrexley" in out and f"not read: {tmp_path / 'gone.md'}: no such file" in out


def test_a_folder_is_read_recursively_markdown_text_and_html(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "a" / "one.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a" / "b" / "two.TXT").write_text(GOOD, encoding="utf-8")
    (tmp_path / "three.html").write_text(f"<p>{GOOD}</p>", encoding="utf-8")
    (tmp_path / "notes.json").write_text("{}")  # not a draft
    (tmp_path / ".git" / "HEAD.md").write_text(GOOD)  # hidden: never a draft
    code, out, _ = run("extract", tmp_path, "--format", "json")
    assert code == 0
    paths = [d["path"] for d in json.loads(out)["documents"]]
    assert paths == [
        str(tmp_path / "a" / "b" / "two.TXT"),
        str(tmp_path / "a" / "one.md"),
        str(tmp_path / "three.html"),
    ]
    assert len(citecheck.extract(tmp_path).documents) == 3  # the library reads folders too


def test_dash_reads_the_draft_from_standard_input():
    code, out, _ = run("check", "-", "--offline", "--format", "json", stdin=GOOD)
    assert code == 0
    (doc,) = json.loads(out)["documents"]
    assert doc["path"] == "<stdin>" and doc["attributions"][0]["quote"].startswith("The pier")
    code, _, err = run("extract", "-", stdin="")
    assert code == 2 and "<stdin>: the draft is empty" in err


def test_format_names_ignore_case(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text(GOOD, encoding="utf-8")
    code, out, _ = run("check", draft, "--offline", "--format", "JSON")
    assert code == 0 and json.loads(out)["schema"] == 1
    assert run("extract", draft, "--format", "Json")[0] == 0
    assert citecheck.render(citecheck.extract(draft), "JSON").startswith("{")


# --- errors name the flag and the file, never an internal message (issue 14) ----------------


def test_flag_errors_name_the_flag_and_file(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text(GOOD, encoding="utf-8")
    not_cassette = tmp_path / "notes.yaml"
    not_cassette.write_text("title: a note\n", encoding="utf-8")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\x00\xff\xfe" * 50)
    cases = [
        (["--replay", draft], f"--replay: {draft}: not a vcrpy cassette"),
        (["--replay", not_cassette], f"--replay: {not_cassette}: not a vcrpy cassette"),
        (["--replay", binary], f"--replay: {binary}: not a vcrpy cassette"),
        (["--replay", tmp_path], f"--replay: {tmp_path}: is a folder, not a file"),
        (["--record", tmp_path / "no" / "x.yaml"], "--record: "),
        (["--offline", "--sources", tmp_path / "none.txt"], f"--sources: {tmp_path / 'none.txt'}"),
        (["--offline", "--sources", binary], f"--sources: {binary}: not a UTF-8 text file"),
        (["--offline", "--config", tmp_path / "c.toml"], f"--config: {tmp_path / 'c.toml'}"),
        (["--offline", "--config", binary], f"--config: {binary}: not valid TOML"),
        (["--offline", "--cache-dir", draft], f"--cache-dir: {draft}: is a file, not a folder"),
        (["--offline", "-o", tmp_path / "no" / "r.txt"], "--output: "),
    ]
    for flags, message in cases:
        code, out, err = run("check", draft, *flags)
        assert code == 2, flags
        assert err.startswith(f"citecheck: error: {message}"), (flags, err)
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
        assert "Errno" not in err and "indices" not in err and "codec" not in err
        assert out == ""


def test_backends_lists_translators_and_the_extra_and_check_fails_when_unreachable(monkeypatch):
    for var in ("DEEPL_API_KEY", "LIBRETRANSLATE_URL", "OPENAI_BASE_URL", "CITECHECK_TRANSLATOR"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LIBRETRANSLATE_URL", "http://127.0.0.1:9")
    code, out, _ = run("backends")
    assert code == 0
    assert "gdelt-context" in out
    assert "translator deepl          not configured: DEEPL_API_KEY not set" in out
    assert "translator libretranslate configured (used)" in out
    assert "multilingual extra        installed" in out  # the test extra includes it
    # an enabled back-end that cannot be reached (nothing listens on port 9) fails the check
    monkeypatch.setenv("SEARXNG_URL", "http://127.0.0.1:9")
    code, out, err = run("backends", "--check", "--search", "searxng")
    assert code == 1
    assert "searxng        unreachable" in out and "unreachable: searxng" in err

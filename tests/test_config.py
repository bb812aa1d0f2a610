"""Configuration: found where a newsroom keeps it, validated with one-line errors, and never a
place for an API key."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from citecheck.config import Config, Translator, find_config, load_config, parse_config
from citecheck.model import DEFAULT_FAIL_ON


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository root (has .git), so discovery never climbs into the real filesystem."""
    (tmp_path / ".git").mkdir()
    return tmp_path


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _error(path: Path, text: str) -> str:
    _write(path, text)
    with pytest.raises(ValueError) as info:
        load_config(path)
    message = str(info.value)
    assert "\n" not in message and str(path) in message
    return message


def test_defaults_without_a_file(repo):
    cfg = load_config(start=repo / "drafts")
    assert cfg == Config()
    assert cfg.fail_on == DEFAULT_FAIL_ON and cfg.concurrency == 8 and cfg.per_host == 2
    assert cfg.source is None and cfg.translator is None and cfg.search == ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        cfg.concurrency = 3  # type: ignore[misc]


def test_pyproject_tool_table_is_read_from_a_drafts_directory(repo):
    _write(
        repo / "pyproject.toml",
        '[project]\nname = "x"\n\n[tool.citecheck]\n'
        'fail_on = ["altered", "not_found"]\nconcurrency = 4\nper_host = 1\n'
        'user_agent = "desk-bot/1.0 (desk@example.org)"\nsearch = ["brave", "gdelt"]\n'
        'allow_private_hosts = ["CMS.intranet.example.", "10.0.0.0/8"]\n'
        'brave_key_env = "NEWSROOM_BRAVE_KEY"\n',
    )
    draft = _write(repo / "desk" / "drafts" / "story.md", "text")
    assert find_config(draft) == (repo / "pyproject.toml").resolve()
    cfg = load_config(start=draft)
    assert cfg.fail_on == ("altered", "not_found")
    assert (cfg.concurrency, cfg.per_host) == (4, 1)
    assert cfg.search == ("brave", "gdelt")
    assert cfg.allow_private_hosts == ("cms.intranet.example", "10.0.0.0/8")
    assert cfg.key_env("brave") == "NEWSROOM_BRAVE_KEY"
    assert cfg.api_key("brave", {"NEWSROOM_BRAVE_KEY": " secret-value "}) == "secret-value"
    assert cfg.api_key("brave", {}) is None and cfg.api_key("gdelt") is None
    assert cfg.fetch_options() == {
        "concurrency": 4,
        "per_host": 1,
        "user_agent": "desk-bot/1.0 (desk@example.org)",
        "allow_private_hosts": ("cms.intranet.example", "10.0.0.0/8"),
    }
    assert cfg.source == (repo / "pyproject.toml").resolve()


def test_citecheck_toml_wins_and_nearest_file_wins(repo):
    _write(repo / "pyproject.toml", "[tool.citecheck]\nconcurrency = 2\n")
    _write(repo / "desk" / "citecheck.toml", "concurrency = 3\n")
    _write(repo / "desk" / "pyproject.toml", "[tool.citecheck]\nconcurrency = 5\n")
    assert load_config(start=repo / "desk").concurrency == 3
    assert load_config(start=repo).concurrency == 2


def test_a_pyproject_without_the_table_is_passed_over(repo):
    _write(repo / "pyproject.toml", "[tool.citecheck]\nper_host = 3\n")
    _write(repo / "sub" / "pyproject.toml", '[project]\nname = "other"\n')
    assert load_config(start=repo / "sub").per_host == 3
    assert load_config(repo / "sub" / "pyproject.toml") == Config()  # explicit: no table, defaults


def test_search_stops_at_the_repository_root(tmp_path):
    _write(tmp_path / "citecheck.toml", "concurrency = 9\n")
    inner = tmp_path / "checkout"
    (inner / ".git").mkdir(parents=True)
    assert find_config(inner) is None
    assert load_config(start=inner) == Config()


def test_explicit_file_and_relative_outlets(repo):
    outlets = _write(repo / "conf" / "outlets.toml", "")
    cfg_file = _write(
        repo / "conf" / "desk.toml",
        'outlets = "outlets.toml"\ntranslator = "libretranslate"\n',
    )
    cfg = load_config(cfg_file)
    assert cfg.outlets == outlets
    assert cfg.translator == Translator("libretranslate")
    message = _error(repo / "conf" / "argos.toml", 'translator = "argos"\n')
    assert "translator" in message and "unknown translator 'argos'" in message
    message = _error(repo / "conf" / "bad.toml", 'outlets = "missing.toml"\n')
    assert "outlets" in message and "no such file" in message
    with pytest.raises(ValueError, match="config file not found"):
        load_config(repo / "nope.toml")


def test_translator_table(repo, monkeypatch):
    path = _write(
        repo / "citecheck.toml",
        '[translator]\nname = "DeepL"\nurl = "https://api-free.deepl.example"\n'
        'key_env = "DEEPL_AUTH_KEY"\nlanguages = ["ES", "fr"]\n',
    )
    tr = load_config(path).translator
    url = "https://api-free.deepl.example"
    assert tr == Translator("deepl", url, "DEEPL_AUTH_KEY", ("es", "fr"))
    monkeypatch.setenv("DEEPL_AUTH_KEY", "k-123")
    assert tr.key() == "k-123"
    message = _error(repo / "t1.toml", '[translator]\nname = "deepl"\ncolour = "red"\n')
    assert "translator.colour" in message and "unknown key" in message
    message = _error(repo / "t2.toml", '[translator]\nurl = "https://x.example"\n')
    assert "translator.name" in message
    message = _error(repo / "t3.toml", '[translator]\nname = "x"\nurl = "ftp://x.example"\n')
    assert "http(s) URL" in message
    message = _error(repo / "t4.toml", '[translator]\nname = "x"\nurl = "https://u:p@x.example"\n')
    assert "credentials" in message


def test_malformed_toml_names_the_file(repo):
    message = _error(repo / "citecheck.toml", "concurrency = = 3\n")
    assert "not valid TOML" in message
    message = _error(repo / "pyproject.toml", '[tool]\ncitecheck = "yes"\n')
    assert "must be a table" in message


@pytest.mark.parametrize(
    ("text", "key", "fragment"),
    [
        ('fail_on = ["altered", "wrong"]\n', "fail_on", "unknown verdict wrong"),
        ("fail_on = 3\n", "fail_on", "list of strings"),
        ('concurrency = "eight"\n', "concurrency", "must be an integer"),
        ("concurrency = true\n", "concurrency", "must be an integer"),
        ("concurrency = 0\n", "concurrency", "between 1 and 256"),
        ("per_host = 1000\n", "per_host", "between 1 and 64"),
        ('user_agent = ""\n', "user_agent", "non-empty string"),
        ('user_agent = "a\\nb"\n', "user_agent", "one line"),
        ('allow_private_hosts = ["http://cms.example"]\n', "allow_private_hosts", "not a URL"),
        ('search = ["brave search"]\n', "search", "not a back-end name"),
        ("colour = 1\nzeal = 2\n", "colour, zeal", "unknown keys"),
    ],
)
def test_bad_values_are_one_line_errors_naming_the_key(repo, text, key, fragment):
    message = _error(repo / "citecheck.toml", text)
    assert f": {key}: " in message, message
    assert fragment in message or fragment == "not a URL" and "host name" in message


def test_pyproject_errors_name_the_table(repo):
    message = _error(repo / "pyproject.toml", "[tool.citecheck]\nconcurency = 3\n")
    assert "[tool.citecheck] concurency: unknown key" in message


def test_fail_on_accepts_a_comma_list_and_an_empty_list(repo):
    assert parse_config({"fail_on": "altered, not_found"}).fail_on == ("altered", "not_found")
    assert parse_config({"fail_on": []}).fail_on == ()


@pytest.mark.parametrize(
    "text",
    [
        'brave_key = "BSAk3y5ecretValue0123456789"\n',
        'api_key = "abc"\n',
        'mediacloud_token = "t0k3n"\n',
        'brave_api_key = "x"\n',
        '[translator]\nname = "deepl"\nkey = "abc:fx"\n',
    ],
)
def test_a_literal_key_is_refused_with_what_to_write_instead(repo, text):
    message = _error(repo / "citecheck.toml", text)
    assert "key_env = " in message and "environment variable" in message
    assert "BSAk3y5ecret" not in message and "t0k3n" not in message  # the secret is not echoed


@pytest.mark.parametrize(
    "value",
    [
        "BSAk3y5ecretValue0123456789",  # a Brave key pasted in place of a name
        "3f9a0c5e7b1d2f4a6c8e0b2d4f6a8c0e",  # hex token (not even a valid name)
        "sk-live-abc123",
        "abcdefghijklmnop1234",  # mixed lower-case and digits: a token, not a name
        "AKIAIOSFODNN7EXAMPLE",
    ],
)
def test_a_key_env_that_looks_like_a_key_is_refused(repo, value):
    message = _error(repo / "citecheck.toml", f'brave_key_env = "{value}"\n')
    assert "brave_key_env" in message and "looks like a key" in message
    assert value not in message


@pytest.mark.parametrize(
    "name", ["BRAVE_API_KEY", "GOOGLE_FACTCHECK_API_KEY", "NEWSROOM_GOOGLE_FACTCHECK_API_KEY_2"]
)
def test_ordinary_variable_names_are_accepted(name):
    assert parse_config({"factcheck_key_env": name}).key_env("factcheck") == name


# --- the library reads the same file as the CLI ------------------------------------------------

DRAFT = "Fixture. “Hello there, friends,” said Ada Example.\n"


def test_check_in_a_script_honours_citecheck_toml(repo, monkeypatch):
    """`citecheck.check("draft.md")` runs with the settings the CLI would use in this folder."""
    import citecheck

    _write(
        repo / "citecheck.toml",
        'fail_on = ["unverifiable"]\nsearch = ["wayback"]\nconcurrency = 3\n'
        'user_agent = "desk-bot/1 (desk@example.org)"\n',
    )
    draft = _write(repo / "drafts" / "d.md", DRAFT)
    monkeypatch.chdir(repo)
    opts = citecheck.Options.load()
    assert opts.fail_on == ("unverifiable",) and opts.search == ("wayback",)
    assert opts.fetch.concurrency == 3 and opts.fetch.user_agent.startswith("desk-bot/1")
    report = citecheck.check(draft, offline=True)
    assert report.fail_on == ("unverifiable",)
    assert [f.verdict for f in report.failing] == ["unverifiable"]  # the file's policy applies
    report = citecheck.check(draft, offline=True, fail_on="altered")  # a keyword beats the file
    assert report.failing == ()


def test_check_with_explicit_options_uses_them_as_given(repo, monkeypatch):
    import citecheck

    _write(repo / "citecheck.toml", 'fail_on = ["unverifiable"]\n')
    draft = _write(repo / "d.md", DRAFT)
    monkeypatch.chdir(repo)
    report = citecheck.check(draft, citecheck.Options(offline=True))
    assert report.fail_on == DEFAULT_FAIL_ON and report.failing == ()


def test_options_refuse_what_cannot_work_with_one_line(repo):
    import citecheck

    for kw, words in (
        ({"offline": True, "replay": "x.yaml"}, "offline and replay"),
        ({"search": ("bing",)}, "unknown back-end bing"),
        ({"translator": "babelfish"}, "unknown translator 'babelfish'"),
        ({"fail_on": ("wrong",)}, "unknown verdict wrong"),
    ):
        with pytest.raises(citecheck.ConfigError, match=words) as info:
            citecheck.Options(**kw)
        assert "\n" not in str(info.value)


def test_fetch_settings_go_through_options(repo):
    import citecheck

    opts = citecheck.Options().with_(allow_private=True, cache=False, search="gdelt, wayback")
    assert opts.fetch.allow_private and not opts.fetch.cache
    assert opts.search == ("gdelt", "wayback")

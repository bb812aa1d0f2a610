"""The headline and the CI policies (issue 14): every format opens with the line an editor acts
on, a draft nothing could be checked in never reads as passed, and CI can ask for sources."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import SAMPLE, SAMPLE_CASSETTE, SEED

import citecheck
from citecheck.cli import main

SAMPLE_HEADLINE = (
    "8 of 16 checkable quotes verified, 2 close, 2 altered, 1 misattributed, 1 not found, "
    "2 could not be checked; 1 scare quote, not checked"
)


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def sample():
    return citecheck.check(SAMPLE, replay=str(SAMPLE_CASSETTE))


def test_the_headline_counts_the_sample(sample):
    assert sample.headline == SAMPLE_HEADLINE
    assert sample.documents[0].headline == SAMPLE_HEADLINE
    assert len(sample.verified) == 8 and not sample.passed


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html", "junit", "sarif", "github"])
def test_every_format_carries_the_headline(sample, fmt):
    out = citecheck.render(sample, fmt)
    if fmt == "json":
        data = json.loads(out)
        assert data["headline"] == SAMPLE_HEADLINE and data["passed"] is False
    elif fmt == "sarif":
        assert json.loads(out)["runs"][0]["properties"]["headline"] == SAMPLE_HEADLINE
    else:
        assert SAMPLE_HEADLINE in out


def test_nothing_checked_never_reads_as_passed():
    report = citecheck.check(SEED, offline=True)
    assert report.headline.startswith("0 of 19 checkable quotes verified, 19 could not be checked")
    md = citecheck.render(report, "markdown")
    assert "nothing could be checked" in md and "nothing fails" not in md
    assert "Nothing could be checked" in citecheck.render(report, "html")


def test_fail_on_unverifiable_fails_a_run_without_sources():
    assert run("check", SEED, "--offline")[0] == 0
    assert run("check", SEED, "--offline", "--fail-on", "unverifiable")[0] == 1


def test_min_verified_asks_for_sources(tmp_path):
    base = ["check", SAMPLE, "--replay", SAMPLE_CASSETTE, "--fail-on", ""]
    assert run(*base, "--min-verified", "8")[0] == 0
    code, out = run(*base, "--min-verified", "9", "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["passed"] is False and "fewer than the 9 verified" in data["headline"]
    cfg = tmp_path / "citecheck.toml"
    cfg.write_text("fail_on = []\nmin_verified = 20\n", encoding="utf-8")
    assert run(*base, "--config", cfg)[0] == 1
    assert run(*base, "--config", cfg, "--min-verified", "0")[0] == 0

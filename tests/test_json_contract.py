"""The JSON report against the JSON Schema the package ships (citecheck/schema/): every field of
`check` and `extract` output is described, and what the contract forbids is refused."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from conftest import SAMPLE, SAMPLE_CASSETTE, SEED

import citecheck


@pytest.fixture(scope="module")
def validator():
    text = resources.files("citecheck").joinpath("schema/report.schema.json").read_text("utf-8")
    schema = json.loads(text)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _errors(validator, data) -> list[str]:
    errors = validator.iter_errors(data)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors]


def test_check_output_follows_the_schema(validator):
    report = citecheck.check([SEED, SAMPLE], citecheck.Options(replay=str(SAMPLE_CASSETTE)))
    data = json.loads(citecheck.render(report, "json"))
    assert _errors(validator, data) == []
    verdicts = {a["verdict"] for d in data["documents"] for a in d["attributions"]}
    assert {"verified", "altered", "misattributed", "unverifiable", None} <= verdicts


def test_extract_output_follows_the_schema(validator):
    data = json.loads(citecheck.render(citecheck.extract(SEED), "json"))
    assert _errors(validator, data) == []
    assert "verdict" not in data["documents"][0]["attributions"][0]


def test_the_schema_refuses_what_the_contract_does_not_allow(validator):
    report = citecheck.check_text("“Hello there, friends,” said Ada Example.", offline=True)
    data = json.loads(citecheck.render(report, "json"))
    attribution = data["documents"][0]["attributions"][0]
    for field, bad in (("verdict", "probably"), ("kind", "quote"), ("span", [3])):
        broken = json.loads(json.dumps(data))
        broken["documents"][0]["attributions"][0][field] = bad
        assert _errors(validator, broken), field
    del attribution["reason"]  # a checked attribution carries every check field
    assert _errors(validator, data)


def test_searched_lists_each_search_sent_with_its_back_end_and_hits(validator):
    from citecheck.model import Attribution, DocumentReport, Finding, Report, Search

    a = Attribution("q1", "Hello there, friends", "direct", (1, 21), (1, 21))
    sent = (Search('site:example.com "x y z"', "gdelt", 0), Search("x y z", "gdelt", 3))
    report = Report((DocumentReport("d.md", (Finding(a, "verified", 1.0, "ok", searched=sent),)),))
    data = json.loads(citecheck.render(report, "json"))
    got = data["documents"][0]["attributions"][0]["searched"]
    assert got == [
        {"query": 'site:example.com "x y z"', "backend": "gdelt", "hits": 0},
        {"query": "x y z", "backend": "gdelt", "hits": 3},
    ]
    assert _errors(validator, data) == []
    got[0]["hits"] = -1
    assert _errors(validator, data)
    got[0] = "a bare string"
    assert _errors(validator, data)

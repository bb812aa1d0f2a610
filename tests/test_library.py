"""The library as a script writer meets it (issue 14): one path or several, text in a string,
typed findings with their place in the draft, JSON of every model object, short reprs, and a
docstring on everything public."""

from __future__ import annotations

import inspect
import json

from conftest import SAMPLE, SAMPLE_CASSETTE, SEED

import citecheck
from citecheck import model

DRAFT = "Intro line.\n\n“The pier will reopen in May,” said Tobias Wrexley.\n"


def test_extract_takes_one_path_or_several():
    one = citecheck.extract(str(SEED))
    assert [d.path for d in one.documents] == [str(SEED)]  # not one draft per character
    assert len(citecheck.extract(SEED).documents) == 1
    assert len(citecheck.extract([SEED, SAMPLE]).documents) == 2


def test_extract_text_gives_line_and_column():
    (f,) = citecheck.extract_text(DRAFT).findings
    a = f.attribution
    assert (a.line, a.column) == (3, 2)  # the quote's first character, after the mark
    assert DRAFT.split("\n")[a.line - 1][a.column - 1 :].startswith("The pier")
    assert a.to_dict()["line"] == 3 and a.to_dict()["column"] == 2


def test_failing_verdicts_and_json_of_model_objects():
    report = citecheck.check(SAMPLE, replay=str(SAMPLE_CASSETTE))
    assert {f.verdict for f in report.failing} == {"altered", "misattributed", "not_found"}
    assert all(isinstance(f.verdict, str) for f in report.failing)  # a str enum
    assert citecheck.Verdict.ALTERED == "altered" and json.dumps(citecheck.Verdict.ALTERED)
    altered = next(f for f in report.findings if f.verdict == citecheck.Verdict.ALTERED)
    for obj in (report, report.documents[0], altered, altered.attribution, altered.evidence,
                altered.sources[0], report.documents[0].document.links[0]):  # fmt: skip
        assert json.loads(json.dumps(obj.to_dict()))  # plain JSON, no enum or tuple left


def test_reprs_are_short_and_say_what_matters():
    report = citecheck.check(SAMPLE, replay=str(SAMPLE_CASSETTE))
    altered = next(f for f in report.findings if f.verdict == "altered")
    assert repr(altered).startswith(f"<Finding {altered.attribution.id} altered 0.")
    assert "Tobias Wrexley" in repr(altered.attribution) and len(repr(altered)) < 120
    doc = report.documents[0].document
    assert len(repr(doc)) < 120 and doc.path in repr(doc)  # never the draft's text
    assert repr(report).startswith("<Report 1 draft: 8 of 16 checkable quotes verified")


def _public(obj):
    for name, member in vars(obj).items():
        if name.startswith("_"):
            continue
        fn = member.fget if isinstance(member, property) else member
        if inspect.isfunction(fn):
            yield name, fn


def test_every_public_function_and_method_has_a_docstring():
    missing = []
    for name in citecheck.__all__:
        obj = getattr(citecheck, name)
        if not (inspect.getdoc(obj) or "").strip():
            missing.append(name)
        if inspect.isclass(obj) and obj.__module__.startswith("citecheck"):
            missing += [f"{name}.{m}" for m, fn in _public(obj) if not (fn.__doc__ or "").strip()]
    for name in model.__all__:
        obj = getattr(model, name)
        if inspect.isclass(obj) and obj.__module__.startswith("citecheck"):
            missing += [f"{name}.{m}" for m, fn in _public(obj) if not (fn.__doc__ or "").strip()]
    assert missing == []


def test_a_source_not_read_says_why_and_what_to_do():
    draft = "“The pier will reopen in May,” said Tobias Wrexley ([notes](http://127.0.0.1:9/n)).\n"
    (f,) = citecheck.check_text(draft).findings  # the address guard refuses it: no connection
    (source,) = f.sources
    assert source.status == "blocked"
    assert source.detail == "private address: --allow-private to allow"
    sample = citecheck.check(SAMPLE, replay=str(SAMPLE_CASSETTE))
    dead = next(s for f in sample.findings for s in f.sources if s.status == "http_404")
    assert "the page is gone: link a live or archived copy" in dead.detail

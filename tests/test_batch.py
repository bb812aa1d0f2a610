"""`citecheck batch`: an archive through the pipeline on a Dask LocalCluster.

The cluster runs in this process (threads, in-process transport), the source pages on a loopback
server the tests start; the stories, people and outlets are made up for these tests.
"""

from __future__ import annotations

import gzip
import io
import json
import shutil
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from conftest import ROOT
from distributed import Client, LocalCluster
from faultserver import FaultServer, html_page
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import citecheck
from citecheck.batch import tasks
from citecheck.cli import main

FERRY = "The new ferry timetable will start in May, and every crossing will be free for pensioners"
LIBRARY = "We will keep the reading room open until nine on weekdays, whatever the budget says"
BRIDGE = "Nobody should have to wait forty minutes in the rain for a bus across this bridge"


@pytest.fixture(scope="module")
def client():
    cluster = LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, host="127.0.0.1", protocol="tcp://",
        dashboard_address="127.0.0.1:0", worker_dashboard_address="127.0.0.1:0",
    )  # fmt: skip
    with cluster, Client(cluster) as c:
        yield c


@pytest.fixture
def server():
    with FaultServer() as s:
        s.route("/robots.txt", lambda h: h.send_body(b"User-agent: *\nAllow: /\n", "text/plain"))
        s.route("/ferry", lambda h: h.send_body(html_page(
            "Ferry timetable",
            f"“{FERRY},” said Harriet Quennell, the harbour master of Example Bay, on Tuesday.",
        )))  # fmt: skip
        s.route("/library", lambda h: h.send_body(html_page(
            "Reading room hours",
            f"“{LIBRARY},” said Osric Pelham, who chairs the Example Bay library board.",
        )))  # fmt: skip
        yield s


def _article(i: int, quote: str, speaker: str, url: str | None, **extra) -> dict:
    link = f"[Example Bay News]({url})" if url else "Example Bay News"
    text = (
        f"# Harbour and town, story {i}\n\n“{quote},” {speaker} told {link} this week.\n\n"
        "The council meets again next month to discuss the rest of the plan.\n"
    )
    return {"id": f"a{i}", "text": text, **extra}


def _write_jsonl(path: Path, rows: list) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _corpus(tmp_path: Path, server) -> Path:
    ferry, library = server.url("/ferry"), server.url("/library")
    rows = [
        _article(0, FERRY, "Harriet Quennell", ferry, date="2025-03-01", outlet="Example Bay News"),
        _article(1, FERRY, "Harriet Quennell", ferry, date="2025-03-02", outlet="Harbour Post"),
        _article(
            2,
            FERRY.replace("May", "June"),
            "Harriet Quennell",
            ferry,
            date="2025-03-04",
            outlet="Harbour Post",
        ),  # fmt: skip
        "{this line is not json",
        _article(
            3, LIBRARY, "Osric Pelham", library, date="2025-03-05", outlet="Example Bay News"
        ),  # fmt: skip
        ["an", "array"],
        {"id": "empty", "text": "   "},
        _article(
            4,
            LIBRARY.replace("nine", "ten"),
            "Osric Pelham",
            library,
            date="2025-03-06",
            outlet="Harbour Post",
        ),  # fmt: skip
    ]
    return _write_jsonl(tmp_path / "corpus.jsonl", [json.dumps(r) if isinstance(r, list) else r
                                                     for r in rows])  # fmt: skip


def _run(client, inputs, out, **kw):
    kw.setdefault("allow_private", True)
    kw.setdefault("cache", False)
    return citecheck.batch(inputs, out, client=client, **kw)


def test_a_jsonl_corpus_gives_parquet_findings_with_the_schema_fields(client, server, tmp_path):
    out = tmp_path / "out"
    result = _run(client, _corpus(tmp_path, server), out, partition_size=2)

    findings = pd.read_parquet(out / "findings")
    schema = json.loads((ROOT / "citecheck/schema/report.schema.json").read_text())
    fields = set(schema["$defs"]["attribution"]["properties"])
    assert fields <= set(findings.columns)
    by_article = dict(zip(findings.article_id, findings.verdict, strict=True))
    assert by_article == {
        "a0": "verified", "a1": "verified", "a2": "altered", "a3": "verified", "a4": "altered",
    }  # fmt: skip
    altered = findings.set_index("article_id").loc["a2"]
    assert ["-", "May,"] in [list(op) for op in altered.evidence["diff"]]  # punctuation kept
    assert altered.sources[0]["status"] == "ok"
    assert altered.speaker == "Harriet Quennell"

    # each page fetched once for the whole run, though three articles cite the ferry page
    assert server.hits["/ferry"] == 1 and server.hits["/library"] == 1
    sources = pq.read_table(out / "sources").to_pandas()
    assert sorted(sources.url) == sorted([server.url("/ferry"), server.url("/library")])
    assert set(sources.status) == {"ok"} and list(sources.host) == ["127.0.0.1"] * 2

    s = json.loads((out / "summary.json").read_text())
    assert s == result.summary
    assert s["articles"] == 5 and s["verdicts"] == {"verified": 3, "altered": 2}
    assert s["by_outlet"]["Harbour Post"] == {"verified": 1, "altered": 2, "total": 3}
    assert s["by_speaker"]["Osric Pelham"]["total"] == 2
    places = {b["place"].rsplit(":", 1)[1]: b["problem"] for b in s["bad_inputs"]["items"]}
    assert set(places) == {"4", "6", "7"}  # the broken line, the array, the empty text
    assert "not valid JSON" in places["4"] and "no text or html" in places["7"]
    md = (out / "summary.md").read_text()
    assert "corpus.jsonl:4" in md and "| altered | 2 |" in md


def test_drafts_are_untrusted_loopback_sources_are_refused_without_allow_private(
    client, server, tmp_path
):
    corpus = _write_jsonl(tmp_path / "c.jsonl", [_article(0, FERRY, "Harriet Quennell",
                                                          server.url("/ferry"))])  # fmt: skip
    _run(client, corpus, tmp_path / "out", allow_private=False)
    findings = pd.read_parquet(tmp_path / "out" / "findings")
    assert findings.sources[0][0]["status"] == "blocked"
    assert findings.verdict[0] == "unverifiable"
    assert server.hits["/ferry"] == 0 and server.hits["/robots.txt"] == 0


def _warc(path: Path, server) -> tuple[Path, int]:
    """Two articles, an image, a binary page labelled HTML, then a record cut short."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)

    def response(uri: str, body: bytes, ctype: str, date: str) -> None:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=headers,
            warc_headers_dict={"WARC-Date": date},
        )  # fmt: skip
        writer.write_record(record)

    for i, (quote, who) in enumerate([(FERRY, "Harriet Quennell"), (BRIDGE, "Wendell Ashgrove")]):
        page = (
            "<html><body><article><h1>Story</h1><p>“{q},” {w} told "
            '<a href="{u}">Example Bay News</a>.</p></article></body></html>'
        ).format(q=quote, w=who, u=server.url("/ferry"))
        response(f"https://news.example.com/story-{i}", page.encode(), "text/html",
                 f"2025-04-0{i + 1}T10:00:00Z")  # fmt: skip
    response("https://news.example.com/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png",
             "2025-04-03T10:00:00Z")  # fmt: skip
    response("https://news.example.com/broken", b"\x00\x01\x02binary" * 50, "text/html",
             "2025-04-04T10:00:00Z")  # fmt: skip
    whole = buf.tell()
    response("https://news.example.com/cut", b"<html><body>" + b"x" * 5000, "text/html",
             "2025-04-05T10:00:00Z")  # fmt: skip
    data = buf.getvalue()
    path.write_bytes(data[: whole + (len(data) - whole) // 2])  # the last record cut in half
    return path, whole


def test_a_warc_file_html_responses_become_articles_broken_records_are_counted(
    client, server, tmp_path
):
    warc, cut_at = _warc(tmp_path / "crawl.warc.gz", server)
    result = _run(client, warc, tmp_path / "out")
    findings = pd.read_parquet(tmp_path / "out" / "findings").sort_values("article_url")
    assert list(findings.article_url) == [
        "https://news.example.com/story-0", "https://news.example.com/story-1",
    ]  # fmt: skip
    assert list(findings.article_date) == ["2025-04-01T10:00:00Z", "2025-04-02T10:00:00Z"]
    assert list(findings.speaker) == ["Harriet Quennell", "Wendell Ashgrove"]
    assert list(findings.verdict) == ["verified", "not_found"]
    bad = result.summary["bad_inputs"]["items"]
    assert [b["place"].split("@")[0] for b in bad] == [str(warc)] * 2
    assert "binary" in bad[0]["problem"]
    assert bad[1]["place"] == f"{warc}@{cut_at}" and "cut short" in bad[1]["problem"]
    assert result.articles == 2


def test_a_run_started_again_redoes_nothing_finished_and_loses_nothing(
    client, server, tmp_path, monkeypatch
):
    corpus = _corpus(tmp_path, server)
    reference = tmp_path / "reference"
    _run(client, corpus, reference, partition_size=2)
    hits = dict(server.hits)

    # The first run dies while judging the third partition (the drift of the library quote).
    out = tmp_path / "out"
    real = tasks.judge_plan

    def dies_on_a4(plan, pages, opts, **kw):
        if any("ten on weekdays" in d.text for d in plan.docs):
            raise MemoryError("the worker died")
        return real(plan, pages, opts, **kw)

    monkeypatch.setattr(tasks, "judge_plan", dies_on_a4)
    first = _run(client, corpus, out, partition_size=2)
    assert not first.complete and first.summary["partitions"]["failed"] == 1
    done_before = {p.name: p.stat().st_mtime_ns for p in (out / "done").iterdir()}
    assert len(done_before) == 3
    (out / "findings" / ".part-000009-x.parquet.tmp").write_bytes(b"half a file")

    monkeypatch.setattr(tasks, "judge_plan", real)
    again = _run(client, corpus, out, partition_size=2)
    assert again.complete
    done_after = {p.name: p.stat().st_mtime_ns for p in (out / "done").iterdir()}
    assert {k: done_after[k] for k in done_before} == done_before  # not one redone
    assert len(done_after) == 4
    # no page fetched again: the store kept them (the first reference run fetched each once)
    assert server.hits["/ferry"] == 2 * hits["/ferry"] == 2

    def rows(d: Path):
        t = pd.read_parquet(d / "findings")
        return t[["article_id", "id", "quote", "verdict", "score"]].sort_values("article_id")

    pd.testing.assert_frame_equal(rows(out).reset_index(drop=True),
                                  rows(reference).reset_index(drop=True))  # fmt: skip
    assert again.summary["verdicts"] == {"verified": 3, "altered": 2}
    assert again.summary["bad_inputs"]["count"] == 3  # counted once, not once per run


def test_a_page_is_analysed_once_per_run_and_kept_for_every_worker(
    client, server, tmp_path, monkeypatch
):
    """A page's language, tokens and own speakers are worked out once per run and kept in the
    store beside it: a worker process that meets the page later reads them, and kept facts that
    do not fit the page are worked out again, never trusted."""
    corpus = _corpus(tmp_path, server)
    calls = []
    real = tasks.page_facts
    monkeypatch.setattr(tasks, "page_facts", lambda text: calls.append(text) or real(text))
    tasks._kept_facts.cache_clear()
    first = tmp_path / "first"
    _run(client, corpus, first, partition_size=2)
    assert len(calls) == 2  # the ferry and the library page; five articles cite them
    verdicts = pd.read_parquet(first / "findings").set_index("article_id").verdict.to_dict()
    assert verdicts["a2"] == "altered" and verdicts["a3"] == "verified"

    # Another worker process (no facts in its memory) with the first run's store
    for name in ("pages", "facts"):
        shutil.copytree(first / name, tmp_path / "second" / name)
    tasks._kept_facts.cache_clear()
    monkeypatch.setattr(tasks, "page_facts", lambda text: pytest.fail("worked out again"))
    _run(client, corpus, tmp_path / "second", partition_size=2)
    again = pd.read_parquet(tmp_path / "second" / "findings").set_index("article_id").verdict
    assert again.to_dict() == verdicts

    # Kept facts that are no JSON, or were kept by other code (a run resumed after an upgrade)
    for name in ("pages", "facts"):
        shutil.copytree(first / name, tmp_path / "third" / name)
    kept = sorted((tmp_path / "third" / "facts").rglob("*.json"))
    assert len(kept) == 2
    kept[0].write_text("{not json", encoding="utf-8")
    data = json.loads(kept[1].read_text(encoding="utf-8"))
    kept[1].write_text(json.dumps(data | {"code": "another version"}), encoding="utf-8")
    tasks._kept_facts.cache_clear()
    calls.clear()
    monkeypatch.setattr(tasks, "page_facts", lambda text: calls.append(text) or real(text))
    _run(client, corpus, tmp_path / "third", partition_size=2)
    assert len(calls) == 2
    third = pd.read_parquet(tmp_path / "third" / "findings").set_index("article_id").verdict
    assert third.to_dict() == verdicts


def test_propagation_clusters_a_quote_finds_its_origin_and_flags_drifting_copies(client, tmp_path):
    variants = [
        ("b1", "2025-05-03", FERRY),
        ("b2", "2025-05-01", FERRY),  # the earliest, though not first in the file
        ("b3", "2025-05-04", FERRY.replace("May", "June")),
        ("b4", "2025-05-06", FERRY.replace("every crossing", "each crossing")),
        ("b5", "2025-05-02", BRIDGE),  # another quotation altogether
        ("b6", "2025-05-07", FERRY.replace(" new", "")),
    ]
    rows = [
        {**_article(0, q, "Harriet Quennell", None, date=d), "id": ident}
        for ident, d, q in variants
    ]
    _run(client, _write_jsonl(tmp_path / "c.jsonl", rows), tmp_path / "out", offline=True)
    prop = pd.read_parquet(tmp_path / "out" / "propagation.parquet").set_index("article_id")
    assert set(prop.index) == {"b1", "b2", "b3", "b4", "b6"}
    assert prop.cluster.nunique() == 1 and set(prop.copies) == {5}
    assert prop.origin[prop.origin].index.tolist() == ["b2"]
    assert prop.drifted[prop.drifted].index.tolist() == ["b3", "b4", "b6"]
    assert prop.loc["b3", "diff"].count("[-may-] {+june+}") == 1
    assert "[-every-] {+each+}" in prop.loc["b4", "diff"]
    assert "[-new-]" in prop.loc["b6", "diff"]
    assert pd.isna(prop.loc["b1", "diff"])
    s = json.loads((tmp_path / "out" / "summary.json").read_text())["propagation"]
    assert s["clusters"] == 1 and s["drifted"] == 3 and s["top"][0]["origin_article"] == "b2"

    # A run without the propagation step makes no signatures; the same command with it later
    # makes the missing ones and finds the same clusters
    corpus = _write_jsonl(tmp_path / "c.jsonl", rows)
    _run(client, corpus, tmp_path / "later", offline=True, propagation=False)
    assert not (tmp_path / "later" / "propagation.parquet").exists()
    assert pq.read_table(tmp_path / "later" / "quotes").column("minhash").null_count == 6
    _run(client, corpus, tmp_path / "later", offline=True)
    later = pd.read_parquet(tmp_path / "later" / "propagation.parquet").set_index("article_id")
    pd.testing.assert_frame_equal(later.drop(columns="cluster"), prop.drop(columns="cluster"))


def test_propagation_joins_repeated_and_drifted_copies_from_the_partitions_signatures():
    from citecheck.batch.propagation import Copy, clusters, signatures

    drift = FERRY.replace("every crossing", "each crossing")
    texts = [FERRY] * 40 + [BRIDGE, drift, BRIDGE.upper(), "a disgrace"]
    copies = [Copy(f"a{i}", None, None, None, f"q{i}", t, None, None, i)
              for i, t in enumerate(texts)]  # fmt: skip
    stored = signatures(texts)  # what each partition wrote next to its quotes
    assert stored[-1] is None and all(stored[:-1])  # too short to prove copying: no signature
    stored[3] = None  # a partition that wrote none: made when clustering
    groups = sorted(sorted(g) for g in clusters(copies[:-1], stored[:-1]))
    assert groups == [list(range(40)) + [41], [40, 42]]
    assert groups == sorted(sorted(g) for g in clusters(copies[:-1]))


def test_folders_of_drafts_are_read_and_unreadable_files_listed(client, tmp_path):
    drafts = tmp_path / "drafts"
    (drafts / "march").mkdir(parents=True)
    (drafts / "march" / "ferry.md").write_text(
        f"“{FERRY},” Harriet Quennell told Example Bay News.\n", encoding="utf-8"
    )
    (drafts / "bridge.txt").write_text(f"“{BRIDGE},” said Wendell Ashgrove.\n", encoding="utf-8")
    (drafts / "scan.txt").write_bytes(b"\x00\x01binary\x00" * 100)
    (drafts / "notes.docx").write_bytes(b"PK\x03\x04 not a draft format")  # not read at all
    result = _run(client, drafts, tmp_path / "out", offline=True)
    findings = pd.read_parquet(tmp_path / "out" / "findings")
    assert sorted(findings.article_id) == ["bridge.txt", "march/ferry.md"]
    assert set(findings.verdict) == {"unverifiable"}
    assert [b["place"] for b in result.summary["bad_inputs"]["items"]] == [str(drafts / "scan.txt")]


def test_the_command_line_runs_a_local_cluster_and_fails_cleanly_on_bad_arguments(tmp_path):
    corpus = _write_jsonl(tmp_path / "c.jsonl", [_article(0, FERRY, "Harriet Quennell", None),
                                                 "{broken"])  # fmt: skip
    runner = CliRunner()
    out = tmp_path / "out"
    got = runner.invoke(main, ["batch", str(corpus), "--out", str(out), "--offline",
                               "--workers", "1", "--threads", "1", "-q"])  # fmt: skip
    assert got.exit_code == 0, got.output
    assert "1 articles, 1 attributions (1 unverifiable); 1 bad inputs" in got.output
    assert json.loads((out / "summary.json").read_text())["bad_inputs"]["count"] == 1

    for args, message in [
        (["batch", str(tmp_path / "missing.jsonl"), "--out", str(out)], "no such file"),
        (["batch", str(corpus)], "Missing option '--out'"),
        (
            [
                "batch",
                str(corpus),
                "--out",
                str(out),
                "--scheduler",
                "tcp://127.0.0.1:1",
                "--workers",
                "2",
            ],
            "cannot be used together",
        ),  # fmt: skip
        (["batch", str(ROOT / "pyproject.toml"), "--out", str(out)], "not a .jsonl"),
    ]:
        got = runner.invoke(main, args)
        assert got.exit_code == 2, (args, got.output)
        lines = got.output.strip().splitlines()
        assert len(lines) == 1 and message in lines[0] and "Traceback" not in got.output


def test_gzipped_jsonl_cut_short_keeps_what_was_read(client, tmp_path):
    data = "\n".join(json.dumps(_article(i, FERRY, "Harriet Quennell", None)) for i in range(40))
    blob = gzip.compress(data.encode())
    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(blob[: len(blob) * 2 // 3])
    result = _run(client, path, tmp_path / "out", offline=True, propagation=False)
    assert 0 < result.articles < 40
    assert result.summary["bad_inputs"]["count"] == 1
    assert "cannot read further" in result.summary["bad_inputs"]["items"][0]["problem"]


def test_an_out_folder_holding_another_run_is_refused_not_mixed(client, tmp_path):
    one = _write_jsonl(tmp_path / "one.jsonl", [_article(0, FERRY, "Harriet Quennell", None)])
    two = _write_jsonl(tmp_path / "two.jsonl", [_article(1, BRIDGE, "Wendell Ashgrove", None)])
    out = tmp_path / "out"
    first = _run(client, one, out, offline=True, propagation=False)
    assert first.complete, first.summary["failed_partitions"]
    for inputs, size in [(two, 50), (one, 10)]:
        with pytest.raises(citecheck.InputError, match="holds a run of other inputs"):
            _run(client, inputs, out, offline=True, partition_size=size)
    assert list(pd.read_parquet(out / "findings").article_id) == ["a0"]


def test_one_host_is_asked_at_its_pace_across_partitions_and_threads(client, server, tmp_path):
    for n in range(6):
        server.route(f"/notice/{n}", lambda h, n=n: h.send_body(html_page(
            f"Notice {n}", f"“{FERRY} (notice {n}),” said Harriet Quennell on Tuesday.",
        )))  # fmt: skip
    rows = [
        _article(n, f"{FERRY} (notice {n})", "Harriet Quennell", server.url(f"/notice/{n}"))
        for n in range(6)
    ]
    corpus = _write_jsonl(tmp_path / "c.jsonl", rows)
    # six partitions of one article each, planned in parallel on two threads: without the chain
    # of fetch tasks per host, their fetches would overlap
    _run(client, corpus, tmp_path / "out", partition_size=1, host_delay=0.3, propagation=False)
    times = sorted(t for path, _headers, t in server.requests)
    assert len(times) == 7  # robots.txt once, each page once
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    # 0.3 s between request starts, less the server's jitter; robots.txt opens the connection,
    # whose set-up delays its arrival (not its start), so the gap after it may look shorter
    assert min(gaps[1:]) >= 0.25, gaps
    assert times[-1] - times[0] >= 6 * 0.3 - 0.15, gaps  # never faster than the pace overall
    verdicts = pd.read_parquet(tmp_path / "out" / "findings").verdict
    assert set(verdicts) == {"verified"}


def test_inputs_edited_between_runs_leave_one_row_per_article_and_per_source(
    client, server, tmp_path, monkeypatch
):
    ferry, library = server.url("/ferry"), server.url("/library")
    rows = [
        _article(0, FERRY, "Harriet Quennell", ferry),
        _article(1, FERRY, "Harriet Quennell", ferry),
        _article(2, LIBRARY, "Osric Pelham", library),
        _article(3, LIBRARY.replace("nine", "ten"), "Osric Pelham", library),
    ]
    corpus = _write_jsonl(tmp_path / "c.jsonl", rows)
    out = tmp_path / "out"
    real = tasks.judge_plan

    def dies_on_a3(plan, pages, opts):
        if any("ten on weekdays" in d.text for d in plan.docs):
            raise MemoryError("the worker died")
        return real(plan, pages, opts)

    monkeypatch.setattr(tasks, "judge_plan", dies_on_a3)
    assert not _run(client, corpus, out, partition_size=2).complete
    monkeypatch.setattr(tasks, "judge_plan", real)
    rows[0]["text"] = rows[0]["text"].replace("next month", "in the spring")  # a0 edited
    _write_jsonl(corpus, rows)
    assert _run(client, corpus, out, partition_size=2).complete

    findings = pd.read_parquet(out / "findings")
    assert sorted(findings.article_id) == ["a0", "a1", "a2", "a3"]
    sources = pd.read_parquet(out / "sources")
    assert sorted(sources.url) == sorted([ferry, library])  # the ferry row kept, once
    assert len(list((out / "done").iterdir())) == 2
    assert server.hits["/ferry"] == 1

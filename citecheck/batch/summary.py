"""The run's summary: counts per verdict, per outlet and per speaker, the sources' statuses, the
bad inputs with their places, and the quote propagation, as JSON and as Markdown.

Read back from the Parquet files of the run's finished partitions, so a resumed run sums what
every run before it wrote, once.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from ..model import VERDICTS
from ..report.markdown import escape
from . import tables
from .inputs import BadInput
from .store import Layout, write_atomic

MAX_LISTED = 10_000  # bad inputs listed by place in summary.json; all are counted
TOP = 25  # outlets and speakers in the Markdown tables


def _publisher(outlet: str | None, url: str | None) -> str:
    if outlet:
        return outlet
    if url:
        try:
            return urlsplit(url).hostname or "(unknown)"
        except ValueError:
            pass
    return "(unknown)"


def _breakdown(pairs) -> dict[str, dict[str, int]]:
    table: dict[str, Counter] = {}
    for name, verdict in pairs:
        table.setdefault(name, Counter())[verdict or "scare"] += 1
    rows = {k: {**dict(v), "total": sum(v.values())} for k, v in table.items()}
    return dict(sorted(rows.items(), key=lambda kv: (-kv[1]["total"], kv[0])))


def build(
    layout: Layout,
    keys: Sequence[str],
    bad: Sequence[BadInput],
    failed: Sequence[tuple[str, str]],
    propagation: dict[str, Any] | None,
) -> dict[str, Any]:
    done = [k for k in keys if layout.is_done(k)]
    cols = ["article_id", "article_outlet", "article_url", "speaker", "verdict"]
    f = tables.read_table([layout.part(layout.findings, k) for k in done], "findings", cols)
    data = f.to_pydict()
    verdicts = Counter(v for v in data["verdict"] if v is not None)
    articles = sum(layout.read_marker(k)["articles"] for k in done)
    pub = [_publisher(o, u) for o, u in zip(data["article_outlet"], data["article_url"],
                                              strict=True)]  # fmt: skip
    s = tables.read_table([layout.part(layout.sources, k) for k in done], "sources", ["status"])
    return {
        "articles": articles,
        "attributions": f.num_rows,
        "partitions": {"total": len(keys), "done": len(done), "failed": len(failed)},
        "verdicts": {str(v): verdicts[str(v)] for v in VERDICTS if verdicts[str(v)]},
        "scare_quotes": sum(1 for v in data["verdict"] if v is None),
        "by_outlet": _breakdown(zip(pub, data["verdict"], strict=True)),
        "by_speaker": _breakdown(
            (sp, v) for sp, v in zip(data["speaker"], data["verdict"], strict=True) if sp
        ),
        "sources": {
            "distinct": s.num_rows,
            "statuses": dict(Counter(s.column("status").to_pylist()).most_common()),
        },
        "bad_inputs": {
            "count": len(bad),
            "items": [{"place": b.place, "problem": b.problem} for b in bad[:MAX_LISTED]],
        },
        "failed_partitions": [{"partition": k, "error": e} for k, e in failed],
        "propagation": propagation,
    }


def write(layout: Layout, summary: dict[str, Any]) -> None:
    text = json.dumps(summary, ensure_ascii=False, indent=2) + "\n"
    write_atomic(layout.root / "summary.json", text.encode("utf-8"))
    write_atomic(layout.root / "summary.md", markdown(summary).encode("utf-8"))


def _table(title: str, rows: dict[str, dict[str, int]], columns: list[str]) -> list[str]:
    if not rows:
        return []
    out = [f"## {title}", "", "| | total | " + " | ".join(columns) + " |",
           "| --- | ---: | " + " | ".join("---:" for _ in columns) + " |"]  # fmt: skip
    for name, counts in list(rows.items())[:TOP]:
        cells = " | ".join(str(counts.get(c, 0)) for c in columns)
        out.append(f"| {escape(name)} | {counts['total']} | {cells} |")
    if len(rows) > TOP:
        out.append(f"\n{len(rows) - TOP} more in summary.json.")
    return out + [""]


def markdown(s: dict[str, Any]) -> str:
    """The summary for people: a PR comment, a report to a standards desk."""
    p = s["partitions"]
    lines = [
        "# citecheck batch summary",
        "",
        f"{s['articles']} articles, {s['attributions']} attributions "
        f"({s['scare_quotes']} scare quotes), {s['sources']['distinct']} distinct sources; "
        f"{p['done']} of {p['total']} partitions done"
        + (f", {p['failed']} failed" if p["failed"] else "")
        + f"; {s['bad_inputs']['count']} bad inputs.",
        "",
        "## Verdicts",
        "",
        "| verdict | attributions |",
        "| --- | ---: |",
        *(f"| {v} | {n} |" for v, n in s["verdicts"].items()),
        "",
    ]
    columns = [str(v) for v in VERDICTS if v in s["verdicts"]]
    lines += _table("By outlet", s["by_outlet"], columns)
    lines += _table("By speaker", s["by_speaker"], columns)
    prop = s.get("propagation")
    if prop:
        lines += [
            "## Quote propagation",
            "",
            f"{prop['clusters']} quotations appear in more than one place "
            f"({prop['copies_in_clusters']} copies, {prop['drifted']} with drifting wording); "
            "every copy with its word diff is in propagation.parquet.",
            "",
        ]
        if prop["top"]:
            lines += ["| cluster | copies | drifted | first seen | speaker | quote |",
                      "| --- | ---: | ---: | --- | --- | --- |"]  # fmt: skip
            for t in prop["top"]:
                first = f"{escape(t['origin_article'])} {escape(t['origin_date'] or '')}"
                quote = escape(t["quote"][:160])
                lines.append(f"| {t['cluster']} | {t['copies']} | {t['drifted']} | {first} | "
                             f"{escape(t['speaker'] or '')} | “{quote}” |")  # fmt: skip
            lines.append("")
    bad = s["bad_inputs"]
    if bad["count"]:
        lines += ["## Bad inputs", "", "| place | problem |", "| --- | --- |"]
        lines += [f"| {escape(b['place'])} | {escape(b['problem'])} |" for b in bad["items"][:200]]
        if bad["count"] > 200:
            lines.append(f"\n{bad['count'] - 200} more in summary.json.")
        lines.append("")
    if s["failed_partitions"]:
        lines += ["## Failed partitions (run again to retry them)", ""]
        lines += [f"- {f['partition']}: {escape(f['error'])}" for f in s["failed_partitions"]]
        lines.append("")
    return "\n".join(lines)

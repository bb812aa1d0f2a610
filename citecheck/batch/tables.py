"""The Parquet tables of a batch run: findings, sources and quotes, one file per partition.

The findings table holds one row per attribution with the fields of the JSON report
(citecheck/schema/report.schema.json: `Finding.to_dict()`), nested fields as Parquet structs and
lists, plus the article it came from. Schemas are explicit, so every partition file has the same
columns whatever its rows hold and a reader (pandas, DuckDB, pyarrow.dataset) sees one table.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ..model import Finding, Page
from .inputs import Article
from .store import write_atomic

ARTICLE_COLUMNS = (
    "article_id", "article_place", "article_url", "article_date", "article_outlet",
    "article_language",
)  # fmt: skip


def _schemas() -> dict[str, Any]:
    import pyarrow as pa

    s, i64, f64 = pa.string(), pa.int64(), pa.float64()
    span = pa.list_(i64)
    evidence = pa.struct([
        ("url", s), ("passage", s), ("language", s), ("diff", pa.list_(pa.list_(s))),
        ("speaker", s), ("archive_url", s), ("translation", s), ("backends", pa.list_(s)),
        ("date", s),
    ])  # fmt: skip
    source = pa.struct([("url", s), ("origin", s), ("status", s), ("detail", s)])
    fact_check = pa.struct([
        ("claim", s), ("rating", s), ("publisher", s), ("review_url", s), ("claimant", s),
        ("review_date", s),
    ])  # fmt: skip
    search = pa.struct([("query", s), ("backend", s), ("hits", i64)])
    findings = pa.schema(
        [(c, s) for c in ARTICLE_COLUMNS]
        + [
            ("id", s), ("quote", s), ("kind", s), ("span", span), ("line", i64),
            ("column", i64), ("speaker", s), ("speaker_span", span), ("cue", s), ("outlet", s),
            ("language", s), ("date_hint", s), ("verdict", s), ("score", f64), ("reason", s),
            ("evidence", evidence), ("sources", pa.list_(source)), ("searched", pa.list_(search)),
            ("search_errors", pa.list_(s)), ("fact_checks", pa.list_(fact_check)),
        ]
    )  # fmt: skip
    sources = pa.schema([
        ("url", s), ("host", s), ("status", s), ("final_url", s), ("http_status", i64),
        ("title", s), ("date", s), ("language", s), ("chars", i64), ("reason", s),
        ("archive_url", s),
    ])  # fmt: skip
    quotes = pa.schema([
        ("article_id", s), ("article_date", s), ("article_outlet", s), ("article_url", s),
        ("id", s), ("quote", s), ("speaker", s), ("verdict", s),
        ("minhash", pa.binary()),  # propagation.signatures: made per partition, in parallel
    ])  # fmt: skip
    return {"findings": findings, "sources": sources, "quotes": quotes}


def schema(name: str):
    """The pyarrow schema of one table: findings, sources or quotes."""
    return _schemas()[name]


def article_fields(article: Article) -> dict[str, str | None]:
    return {
        "article_id": article.id,
        "article_place": article.place,
        "article_url": article.url,
        "article_date": article.date,
        "article_outlet": article.outlet,
        "article_language": article.language,
    }


def finding_row(article: Article, finding: Finding) -> dict[str, Any]:
    return {**article_fields(article), **finding.to_dict(checked=True)}


def source_row(page: Page, host: str | None) -> dict[str, Any]:
    return {
        "url": page.url,
        "host": host,
        "status": page.status,
        "final_url": page.final_url,
        "http_status": page.http_status,
        "title": page.title,
        "date": page.date,
        "language": page.language,
        "chars": len(page.text),
        "reason": page.reason,
        "archive_url": page.archive_url,
    }


def quote_row(article: Article, finding: Finding) -> dict[str, Any]:
    a = finding.attribution
    return {
        "article_id": article.id,
        "article_date": article.date,
        "article_outlet": article.outlet,
        "article_url": article.url,
        "id": a.id,
        "quote": a.quote,
        "speaker": a.speaker,
        "verdict": str(finding.verdict) if finding.verdict is not None else None,
    }


def write_table(path: Path, name: str, rows: list[dict[str, Any]]) -> None:
    """One partition file of table `name`, written whole or not at all."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows, schema=schema(name))
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd")
    write_atomic(path, buf.getvalue())


def read_table(paths: list[Path], name: str, columns: list[str] | None = None):
    """The partition files `paths` of table `name` as one pyarrow Table (empty if none)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    sch = schema(name)
    parts = [pq.read_table(p, columns=columns, schema=sch) for p in paths if p.exists()]
    if not parts:
        empty = sch if columns is None else pa.schema([sch.field(c) for c in columns])
        return empty.empty_table()
    return pa.concat_tables(parts)

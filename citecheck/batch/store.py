"""The run's folder: fetched pages keyed by URL, their PageFacts, partition markers, atomic
writes.

Every worker and the driver read and write the same `--out` folder (on a cluster, a shared file
system), so a page fetched once serves every article that cites it, on any worker and after a
restart. Every file appears whole or not at all (written beside, then renamed), so a run killed
at any instant leaves nothing half-written to trip the next one.
"""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import json
import os
import tempfile
from pathlib import Path

from ..model import Page
from ..pagefacts import PageFacts, from_data, to_data

_PAGE_FIELDS = tuple(f.name for f in dataclasses.fields(Page))


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that a reader sees the old file, or the new one whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Layout:
    """Where everything of one run lives under `--out`."""

    def __init__(self, out: str | Path):
        self.root = Path(out)
        self.pages = self.root / "pages"
        self.facts = self.root / "facts"  # worked out on first use: in no page's fetch task
        self.findings = self.root / "findings"
        self.sources = self.root / "sources"
        self.quotes = self.root / "quotes"
        self.done = self.root / "done"

    def make(self) -> None:
        for d in (self.pages, self.facts, self.findings, self.sources, self.quotes, self.done):
            d.mkdir(parents=True, exist_ok=True)

    def page_path(self, url: str) -> Path:
        digest = _digest(url)
        return self.pages / digest[:2] / f"{digest}.json.gz"

    def facts_path(self, url: str) -> Path:
        digest = _digest(url)
        return self.facts / digest[:2] / f"{digest}.json"

    def marker(self, key: str) -> Path:
        return self.done / f"{key}.json"

    def part(self, table: Path, key: str) -> Path:
        return table / f"part-{key}.parquet"

    # -- pages --------------------------------------------------------------------------------

    def has_page(self, url: str) -> bool:
        return self.page_path(url).exists()

    def put_page(self, page: Page) -> None:
        data = json.dumps({k: getattr(page, k) for k in _PAGE_FIELDS}, ensure_ascii=False)
        write_atomic(self.page_path(page.url), gzip.compress(data.encode("utf-8", "replace"), 5))

    def get_page(self, url: str) -> Page:
        """The stored page; an `error` page when there is none or it cannot be read."""
        try:
            data = json.loads(gzip.decompress(self.page_path(url).read_bytes()))
            return Page(**{k: data[k] for k in _PAGE_FIELDS if k in data})
        except (OSError, ValueError, TypeError, EOFError) as exc:
            return Page(url, "error", reason=f"the fetched page could not be read back: {exc}")

    def get_facts(self, url: str, text: str) -> PageFacts | None:
        """The PageFacts kept for the page at `url`; None when none are kept or they were
        worked out for another text."""
        try:
            data = json.loads(self.facts_path(url).read_bytes())
            if not isinstance(data, dict) or data.get("text") != _digest(text):
                return None
            return from_data(text, data)
        except (OSError, ValueError):
            return None

    def put_facts(self, url: str, text: str, facts: PageFacts) -> None:
        kept = to_data(facts) | {"text": _digest(text)}
        data = json.dumps(kept, ensure_ascii=False, separators=(",", ":"))
        write_atomic(self.facts_path(url), data.encode("utf-8", "replace"))

    # -- partitions ---------------------------------------------------------------------------

    def is_done(self, key: str) -> bool:
        return self.marker(key).exists()

    def read_marker(self, key: str) -> dict:
        return json.loads(self.marker(key).read_text(encoding="utf-8"))

    def write_marker(self, key: str, info: dict) -> None:
        write_atomic(self.marker(key), json.dumps(info, ensure_ascii=False).encode("utf-8"))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

"""Calibrate citecheck.match on the quotes-dev set: accuracy per case, unsafe passes, timing.

    python bench/match_calibrate.py [DATASET_DIR] [-v]

Pages are extracted from the cassette with trafilatura (as citecheck.fetch.pages roughly does); a
quote whose source sentence is missing from the extracted text is an extraction miss, counted apart
from matcher errors. An "unsafe pass" is an altered or fabricated quote graded exact (verified).
Skips (exit 0) when the dataset is not there. Prints no dataset text beyond short summaries.
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from pathlib import Path

# ../shared next to the repository, wherever it is checked out
DEFAULT_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "datasets" / "quotes-dev"
VERDICT = {"exact": "verified", "close": "close", "altered": "altered", "none": "not_found"}
UNSAFE_CASES = {"swap", "omission", "number", "negation", "fabricated"}


def load_pages(cassette: Path) -> dict[str, str]:
    """URL -> extracted text for every interaction in the cassette."""
    import trafilatura
    import yaml

    pages = {}
    for it in yaml.safe_load(cassette.read_text(encoding="utf-8"))["interactions"]:
        body = it["response"]["body"]["string"]
        if isinstance(body, bytes):
            body = body.decode("utf-8", "replace")
        text = trafilatura.extract(
            body, include_comments=False, include_tables=True, favor_recall=True
        )
        pages[it["request"]["uri"]] = text or ""
    return pages


def extraction_miss(source_sentence: str | None, page: str) -> bool:
    """True when the page text lacks the source sentence altogether (a pages.py miss)."""
    from citecheck.match import match_quote

    return bool(source_sentence) and match_quote(source_sentence, page).grade == "none"


def evaluate(rows: list[dict], pages: dict[str, str]):
    from citecheck.match import match_quote, prepare_page

    t0 = time.perf_counter()
    prepared = {url: prepare_page(text) for url, text in pages.items()}
    t_prep = time.perf_counter() - t0
    t0 = time.perf_counter()
    matches = [match_quote(r["quote"], prepared[r["url"]], r["url"]) for r in rows]
    t_match = time.perf_counter() - t0
    return matches, t_prep, t_match


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if not a.startswith("-")]
    root = Path(args[0]) if args else DEFAULT_DIR
    if not (root / "labels.jsonl").exists():
        print(f"quotes-dev not found at {root}: skipping calibration")
        return 0
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    rows = [json.loads(line) for line in (root / "labels.jsonl").open(encoding="utf-8")]
    t0 = time.perf_counter()
    pages = load_pages(root / "cassette.yaml")
    t_extract = time.perf_counter() - t0
    matches, t_prep, t_match = evaluate(rows, pages)

    stats: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r, m in zip(rows, matches, strict=True):
        verdict = VERDICT[m.grade]
        s = stats[r["case"]]
        miss = extraction_miss(r["source_sentence"], pages.get(r["url"], ""))
        ok = verdict in r["expect"]
        s["n"] += 1
        s["ok"] += ok
        s["miss"] += miss
        s["ok_found"] += ok and not miss
        s["unsafe"] += r["case"] in UNSAFE_CASES and verdict == "verified"
        s[verdict] += 1
        if verbose and not ok:
            print(f"  [{r['case']}] got {verdict} ({m.score:.2f}): {m.reason[:110]}")

    cols = ("verified", "close", "altered", "not_found")
    print(
        f"{'case':<12}{'n':>5}{'acc':>8}{'acc*':>8}{'miss':>6}{'unsafe':>8}  "
        + " ".join(f"{c:>9}" for c in cols)
    )
    total = defaultdict(int)
    for case in sorted(stats):
        s = stats[case]
        for k, v in s.items():
            total[k] += v
    for case, s in [*sorted(stats.items()), ("ALL", total)]:
        found = s["n"] - s["miss"]
        print(
            f"{case:<12}{s['n']:>5}{s['ok'] / s['n']:>8.1%}"
            f"{(s['ok_found'] / found if found else 1):>8.1%}{s['miss']:>6}{s['unsafe']:>8}  "
            + " ".join(f"{s[c]:>9}" for c in cols)
        )
    print(
        "acc*: accuracy leaving out extraction misses (source sentence not in the extracted text)"
    )
    print(
        f"timing: extraction {t_extract:.1f}s (trafilatura, not the matcher); "
        f"prepare {len(pages)} pages {t_prep * 1000:.0f} ms; "
        f"match {len(rows)} quotes {t_match * 1000:.0f} ms "
        f"({t_match / len(rows) * 1000:.2f} ms/quote)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

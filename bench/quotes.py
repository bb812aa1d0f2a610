"""Verdict accuracy on ../shared/datasets/quotes-dev, replayed from its cassette.

    python bench/quotes.py [--data DIR] [--show-errors]

Runs `citecheck.check` over every draft (62 real news pages, 576 labelled quotes), compares each
finding's verdict with the label's `expect`, and prints a table per case, the unsafe passes (an
altered or fabricated quote called verified), quotes per second and where the time went.
Skips cleanly (exit 0) where the data set is absent. The data never enters the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "datasets" / "quotes-dev"
UNSAFE_CASES = {"swap", "omission", "number", "negation", "fabricated"}


def _key(s: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", s).split()).casefold()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args()
    labels_path = args.data / "labels.jsonl"
    if not labels_path.exists():
        print(f"skip: {args.data} not found (the shared data set is not on this machine)")
        return 0
    sys.path.insert(0, str(HERE.parent))
    import citecheck
    from citecheck import pipeline

    labels = [json.loads(line) for line in labels_path.open(encoding="utf-8")]
    drafts = sorted({lab["draft"] for lab in labels})

    t0 = time.perf_counter()
    timings: Counter = Counter()
    _instrument(pipeline, timings)
    report = citecheck.check(
        [args.data / d for d in drafts], replay=str(args.data / "cassette.yaml")
    )
    elapsed = time.perf_counter() - t0

    found: dict[tuple[str, str], str | None] = {}
    for doc in report.documents:
        rel = str(Path(doc.path).relative_to(args.data))
        for f in doc.findings:
            found[(rel, _key(f.attribution.quote))] = f.verdict

    per_case: dict[str, Counter] = defaultdict(Counter)
    confusion: Counter = Counter()
    errors = []
    for lab in labels:
        got = found.get((lab["draft"], _key(lab["quote"])), "missing")
        ok = got in lab["expect"]
        c = per_case[lab["case"]]
        c["n"] += 1
        c["ok"] += ok
        if lab["case"] in UNSAFE_CASES and got == "verified":
            c["unsafe"] += 1
        confusion[(lab["case"], got)] += 1
        if not ok:
            errors.append((lab["case"], got, lab["quote"][:90], lab["url"]))

    print(f"{'case':<12}{'n':>5}{'right':>7}{'acc':>8}{'unsafe':>8}   verdicts")
    total = Counter()
    for case in sorted(per_case):
        c = per_case[case]
        total.update(c)
        got = ", ".join(f"{v}:{n}" for (k, v), n in sorted(confusion.items()) if k == case)
        print(f"{case:<12}{c['n']:>5}{c['ok']:>7}{c['ok'] / c['n']:>8.1%}{c['unsafe']:>8}   {got}")
    print(
        f"{'overall':<12}{total['n']:>5}{total['ok']:>7}{total['ok'] / total['n']:>8.1%}"
        f"{total['unsafe']:>8}"
    )
    print()
    print(f"{total['n']} quotes in {elapsed:.2f} s: {total['n'] / elapsed:.0f} quotes/s")
    other = elapsed - sum(timings.values())
    for stage, secs in timings.most_common():
        print(f"  {stage:<22}{secs:>7.2f} s  {secs / elapsed:>6.1%}")
    print(f"  {'other':<22}{other:>7.2f} s  {other / elapsed:>6.1%}")
    if args.show_errors:
        print()
        for e in errors:
            print(" | ".join(e))
    return 0


def _instrument(pipeline, timings: Counter) -> None:
    """Wrap the pipeline's stage functions to add up the time spent in each."""

    def wrap(name: str, label: str) -> None:
        fn = getattr(pipeline, name)

        def timed(*a, **kw):
            t = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                timings[label] += time.perf_counter() - t

        setattr(pipeline, name, timed)

    wrap("_load", "load drafts")
    wrap("extract_attributions", "attribution")
    wrap("fetch_pages_sync", "fetch+parse (replay)")
    wrap("prepare_cached", "match: prepare page")
    wrap("match_quote", "match: align")
    wrap("who_said", "source speakers")
    wrap("cross_match", "cross-language match")
    wrap("_search", "search (replay)")
    wrap("detect", "language identification")
    wrap("_page_language", "language identification")
    wrap("quote_language", "language identification")


if __name__ == "__main__":
    sys.exit(main())

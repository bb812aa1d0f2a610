"""How `check --offline` grows with the draft: generated quote-dense drafts of 100 KB, 1 MB, 5 MB.

    python bench/scale.py [--sizes 100,1000,5000] [--shape paragraphs|one-paragraph]

Drafts up to 20 MB are accepted, so every stage of a run must be near-linear in the draft's
length: a stage that re-reads the whole draft per quote (issue 14: 4.3 s at 100 KB, 359 s at
1 MB) turns a long draft into a hung CI job. Each draft is a made-up story on example.org, a
quote, a partial quote, a scare quote, reported speech and a Markdown link in every paragraph
(about one attribution per 100 characters); `--shape one-paragraph` joins it into a single
paragraph, as text pasted without blank lines arrives.

One process, one run per size, timed by stage: load (decode, strip Markdown), attribute
(attribution.extract), the rest of planning (links near each quote, the searches it would run),
match and judge, and rendering the text, JSON, Markdown and HTML reports. It prints the seconds
per stage, the time per MB, and each size's growth against the first size: near-linear growth
keeps the time per MB flat (a growth ratio close to the size ratio).
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

import citecheck.pipeline as pipeline  # noqa: E402
from citecheck.document import load_text  # noqa: E402
from citecheck.options import Options  # noqa: E402
from citecheck.report import render  # noqa: E402

NAMES = ("Tobias Wrexley", "Maren Oakshott", "Ingrid Halloway", "Dorian Pemberwick", "Wim Arbogast")
FORMATS = ("text", "json", "markdown", "html")


def paragraph(i: int) -> str:
    a, b = NAMES[i % len(NAMES)], NAMES[(i + 2) % len(NAMES)]
    return (
        f"“The east pier moved {i} millimetres in the survey of block {i},” said {a}, who chairs "
        f"committee {i}. {b} told Example Daily that the detour “adds {i % 90 + 3} minutes to "
        f"every trip” and called the plan a “consultation”. According to {a}, the council would "
        f"pay {i} households for the delay. [The report](https://news.example.org/local/{i}/report)"
        " gave the figures.\n\n"
    )


def draft(size: int, one_paragraph: bool) -> str:
    parts, n, i = ["# The Westbank bridge\n\n"], 0, 0
    while n < size:
        p = paragraph(i)
        parts.append(p)
        n += len(p)
        i += 1
    text = "".join(parts)
    return text.replace("\n\n", " ") if one_paragraph else text


def measure(text: str) -> dict[str, float]:
    """Seconds per stage of one offline check of `text`, and the number of attributions."""
    times: dict[str, float] = {}
    real_extract = pipeline.extract_attributions

    def timed_extract(*args, **kwargs):
        t = time.process_time()
        try:
            return real_extract(*args, **kwargs)
        finally:
            times["attribute"] = times.get("attribute", 0.0) + time.process_time() - t

    marks: dict[str, float] = {}

    def progress(message: str) -> None:
        marks.setdefault(message.split()[0], time.process_time())

    opts = Options.load(offline=True, search="").with_(progress=progress)
    gc.collect()
    t0 = time.process_time()
    doc = load_text(text, "bench.md", "markdown")
    t1 = time.process_time()
    pipeline.extract_attributions = timed_extract
    try:
        report = pipeline.check_documents([doc], opts)
    finally:
        pipeline.extract_attributions = real_extract
    t2 = time.process_time()
    times["load"] = t1 - t0
    matching = marks.get("matching", t2)
    times["plan"] = marks.get("searching", matching) - t1 - times.get("attribute", 0.0)
    times["match"] = t2 - matching
    for fmt in FORMATS:
        t = time.process_time()
        render(report, fmt)
        times[fmt] = time.process_time() - t
    times["total"] = time.process_time() - t0
    times["quotes"] = len(report.findings)
    return times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000,5000", help="draft sizes in KB")
    ap.add_argument("--shape", choices=("paragraphs", "one-paragraph"), default="paragraphs")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    # Warm up what loads once per process (the outlet registry, the language model), so the
    # first size does not carry it.
    measure(draft(5_000, args.shape == "one-paragraph"))
    stages = ("load", "attribute", "plan", "match", *FORMATS, "total")
    print(f"check --offline, {args.shape}: seconds per stage")
    print(f"{'size':>8} {'quotes':>7} " + " ".join(f"{s:>9}" for s in stages) + "   s/MB")
    rows = []
    for kb in sizes:
        text = draft(kb * 1000, args.shape == "one-paragraph")
        t = measure(text)
        rows.append((kb, t))
        per_mb = t["total"] / (len(text.encode("utf-8")) / 1e6)
        print(
            f"{kb:>6}KB {int(t['quotes']):>7} "
            + " ".join(f"{t.get(s, 0.0):>9.2f}" for s in stages)
            + f" {per_mb:>6.2f}",
            flush=True,
        )
    base_kb, base = rows[0]
    print(f"\ngrowth against {base_kb} KB (linear: the size ratio)")
    print(f"{'size':>8} {'size x':>7} " + " ".join(f"{s:>9}" for s in stages))
    for kb, t in rows[1:]:
        ratios = [t[s] / base[s] if base.get(s) else float("nan") for s in stages]
        print(f"{kb:>6}KB {kb / base_kb:>7.1f} " + " ".join(f"{r:>9.1f}" for r in ratios))
    return 0


if __name__ == "__main__":
    sys.exit(main())

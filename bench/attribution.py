"""Attribution extraction on ../shared/datasets/attributions-dev (32 annotated English articles).

    python bench/attribution.py [--data DIR] [--show-errors] [--repeat N]

Prints span F1 (exact boundaries), kind accuracy, speaker accuracy on direct and partial quotes (a
prediction counts when it names the annotated speaker: same surname or same organisation), cue
and outlet accuracy where the annotation gives one, and words per second of `extract` (loading
each text included, start-up excluded): the fastest of N passes over the whole data set, as
`timeit` does, since one pass on a shared machine mostly measures the machine's other load.
Skips cleanly (exit 0) where the data set is absent; the data never enters the repo.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "datasets" / "attributions-dev"


def _norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.replace("’", "'").casefold().split())


def same_speaker(pred: str | None, gold: str | None) -> bool:
    if not pred or not gold:
        return pred == gold
    p, g = _norm(pred), _norm(gold)
    if p == g or p in g or g in p:
        return True
    pw, gw = p.split(), g.split()
    return pw[-1].strip(".,()") == gw[-1].strip(".,()")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--show-errors", action="store_true", help="list every error, by kind")
    ap.add_argument("--repeat", type=int, default=5, help="timed passes; the fastest counts")
    args = ap.parse_args()
    texts = sorted((args.data / "texts").glob("*.txt"))
    if not texts:
        print(f"skip: {args.data} not found (the shared data set is not on this machine)")
        return 0
    sys.path.insert(0, str(HERE.parent))
    from citecheck.attribution import extract
    from citecheck.document import load_text
    from citecheck.outlets import default_registry

    reg = default_registry()
    extract(load_text("“Warm up,” said Ada Quill.", "x.txt"), reg)  # start-up out of the timing

    raw = {p: p.read_text(encoding="utf-8") for p in texts}
    words = sum(len(t.split()) for t in raw.values())
    times = []
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        extracted = {p: extract(load_text(raw[p], p.name, "text"), reg) for p in texts}
        times.append(time.perf_counter() - t0)
    elapsed = min(times)
    # the annotations hold quoted spans; reported speech (kind "indirect") is counted apart
    preds = {p: [a for a in attrs if a.kind != "indirect"] for p, attrs in extracted.items()}
    indirect = sum(len(attrs) - len(preds[p]) for p, attrs in extracted.items())

    c: Counter = Counter()
    errors: list[str] = []
    for p in texts:
        gold = json.loads(p.with_suffix(".json").read_text(encoding="utf-8"))["quotes"]
        text = raw[p]
        by_span = {a.span: a for a in preds[p]}
        gold_spans = set()
        for g in gold:
            span = (g["start"], g["start"] + len(g["quote"]))
            gold_spans.add(span)
            c["gold"] += 1
            a = by_span.get(span)
            if a is None:
                errors.append(f"MISS  {p.name} {span} {g['kind']}: {g['quote'][:70]!r}")
                continue
            c["tp"] += 1
            gk = "scare" if g["kind"] == "title" else g["kind"]
            c["kind_n"] += 1
            if a.kind == gk:
                c["kind_ok"] += 1
            else:
                errors.append(f"KIND  {p.name} {a.kind} vs {g['kind']}: {g['quote'][:60]!r}")
            if g["kind"] in ("direct", "partial"):
                c["spk_n"] += 1
                if same_speaker(a.speaker, g["speaker"]):
                    c["spk_ok"] += 1
                else:
                    errors.append(
                        f"SPKR  {p.name} {a.speaker!r} vs {g['speaker']!r}: {g['quote'][:50]!r}"
                    )
                if g.get("cue"):
                    c["cue_n"] += 1
                    if _norm(a.cue) == _norm(g["cue"]):
                        c["cue_ok"] += 1
                    if a.cue and _norm(a.cue).split()[0] == _norm(g["cue"]).split()[0]:
                        c["cue_verb_ok"] += 1
                    else:
                        errors.append(f"CUE   {p.name} {a.cue!r} vs {g['cue']!r}")
                if g.get("outlet"):
                    c["out_n"] += 1
                    if a.outlet and same_speaker(a.outlet, g["outlet"]):
                        c["out_ok"] += 1
                    else:
                        errors.append(f"OUTL  {p.name} {a.outlet!r} vs {g['outlet']!r}")
        for a in preds[p]:
            c["pred"] += 1
            if a.span not in gold_spans:
                errors.append(f"EXTRA {p.name} {a.span}: {text[a.span[0] : a.span[1]][:70]!r}")

    prec = c["tp"] / c["pred"] if c["pred"] else 0.0
    rec = c["tp"] / c["gold"] if c["gold"] else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0

    def row(name: str, ok: int, n: int) -> None:
        print(f"{name:<28}{ok:>6}/{n:<6}{(ok / n if n else 0):>8.1%}")

    print(f"{len(texts)} articles, {c['gold']} annotated quoted spans, {c['pred']} predicted")
    print(f"{'span precision':<28}{c['tp']:>6}/{c['pred']:<6}{prec:>8.1%}")
    print(f"{'span recall':<28}{c['tp']:>6}/{c['gold']:<6}{rec:>8.1%}")
    print(f"{'span F1':<28}{'':>13}{f1:>8.1%}")
    row("kind (title as scare)", c["kind_ok"], c["kind_n"])
    row("speaker (direct+partial)", c["spk_ok"], c["spk_n"])
    row("cue, exact (where annotated)", c["cue_ok"], c["cue_n"])
    row("cue, same verb", c["cue_verb_ok"], c["cue_n"])
    row("outlet (where annotated)", c["out_ok"], c["out_n"])
    print(f"reported speech found (not annotated here): {indirect}")
    print(
        f"{words} words in {elapsed:.3f} s: {words / elapsed:,.0f} words/s "
        f"(fastest of {len(times)} passes; first {words / times[0]:,.0f} words/s)"
    )
    if args.show_errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())

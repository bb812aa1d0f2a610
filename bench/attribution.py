"""Attribution extraction on the annotated English news texts, split by who may learn from them.

    python bench/attribution.py [--set dev|train|validation|all] [--show-errors] [--repeat N]

Splits:
- dev: ../shared/datasets/attributions-dev (32 articles), the ones the rules were first written
  on; its quotes come with the data set, its reported speech from bench/data;
- train: half of attributions-extra (bench/annotations.py `split`), which rules and the speaker
  model may learn from;
- validation: the other half, which no rule is written on and no model is trained on: a change
  that helps only the other splits is noise;
- probes, probes-held: bench/probes/open and bench/probes/held, 20 news articles each,
  invented for this bench (made-up people, places and outlets) in styles the other splits lack
  (wire, council, court, sports, business, tabloid, feature, interview, science, politics;
  Canadian, crime, health, tech, weather, entertainment, education, international, obituary)
  and annotated by the annotation guide, after the rules were written. Rules may be written on
  the open half, never on the held half. In the repository: they run where the shared data is
  absent (bench/probes/README.md says how they were made).

Per split it prints quote spans (exact boundaries: precision, recall, F1), kind, speaker on
direct and partial quotes (a prediction counts when it names the annotated speaker: same
surname, or one name inside the other), cue and outlet where annotated, and reported speech
(a predicted clause matches an annotated one when their overlap is over 30% of each: precision,
recall, and its speaker). Last, words per second of `extract` over every text (loading
included, start-up excluded; the fastest of N passes, as `timeit` does). Skips cleanly (exit 0)
where the data sets are absent; no text of theirs enters the repository.
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
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import annotations as store  # noqa: E402

DEV = store.SHARED / "attributions-dev" / "texts"
EXTRA = store.SHARED / "attributions-extra" / "texts"
PROBES = {"probes": HERE / "probes" / "open", "probes-held": HERE / "probes" / "held"}
SPLITS = ("dev", "train", "validation", *PROBES)


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


def documents(which: str) -> dict[str, tuple[str, dict]]:
    """file name -> (text, annotation in the guide's form) for one split."""
    out: dict[str, tuple[str, dict]] = {}
    if which in PROBES:
        for path in sorted(PROBES[which].glob("*.txt")):
            gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            out[path.name] = (path.read_text(encoding="utf-8"), gold)
        return out
    if which == "dev":
        reported = store.load("attributions-dev-reported")
        for path in sorted(DEV.glob("*.txt")):
            gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            gold["reported"] = reported.get(path.name, {}).get("reported")  # None: not done
            out[path.name] = (path.read_text(encoding="utf-8"), gold)
        return out
    for name, gold in store.load("attributions-extra").items():
        if store.split(name) == which:
            out[name] = ((EXTRA / name).read_text(encoding="utf-8"), gold)
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0.3 * (a[1] - a[0]) and inter > 0.3 * (b[1] - b[0])


def same_outlet(pred: str, gold: str) -> bool:
    """The same outlet: the same name (as `same_speaker` compares names), or two names the
    outlet registry knows as one outlet ("X" and "Twitter")."""
    if same_speaker(pred, gold):
        return True
    from citecheck.outlets import default_registry

    reg = default_registry()
    found = reg.find(pred)
    return found is not None and found is reg.find(gold)


def score(docs: dict[str, tuple[str, dict]], extracted: dict, errors: list[str]) -> Counter:
    c: Counter = Counter()
    for name, (text, gold) in docs.items():
        attrs = extracted[name]
        quotes = [a for a in attrs if a.kind != "indirect"]
        by_span = {a.span: a for a in quotes}
        gold_spans = set()
        for g in gold["quotes"]:
            span = (g["start"], g["start"] + len(g["quote"]))
            gold_spans.add(span)
            c["gold"] += 1
            a = by_span.get(span)
            if a is None:
                errors.append(f"MISS  {name} {span} {g['kind']}: {g['quote'][:70]!r}")
                continue
            c["tp"] += 1
            gk = "scare" if g["kind"] == "title" else g["kind"]
            c["kind_n"] += 1
            if a.kind == gk:
                c["kind_ok"] += 1
            else:
                errors.append(f"KIND  {name} {a.kind} vs {g['kind']}: {g['quote'][:60]!r}")
            if g["kind"] not in ("direct", "partial"):
                continue
            c["spk_n"] += 1
            if same_speaker(a.speaker, g["speaker"]):
                c["spk_ok"] += 1
            else:
                errors.append(
                    f"SPKR  {name} {a.speaker!r} vs {g['speaker']!r}: {g['quote'][:50]!r}"
                )
            if g.get("cue"):
                c["cue_n"] += 1
                c["cue_ok"] += _norm(a.cue) == _norm(g["cue"])
                if a.cue and _norm(a.cue).split()[0] == _norm(g["cue"]).split()[0]:
                    c["cue_verb_ok"] += 1
                else:
                    errors.append(f"CUE   {name} {a.cue!r} vs {g['cue']!r}")
            if g.get("outlet"):
                c["out_n"] += 1
                if a.outlet and same_outlet(a.outlet, g["outlet"]):
                    c["out_ok"] += 1
                else:
                    errors.append(f"OUTL  {name} {a.outlet!r} vs {g['outlet']!r}")
            elif a.outlet:  # an outlet the annotator saw no sign of
                c["out_extra"] += 1
                errors.append(f"OUTL+ {name} {a.outlet!r} vs None: {g['quote'][:50]!r}")
        for a in quotes:
            c["pred"] += 1
            if a.span not in gold_spans:
                errors.append(f"EXTRA {name} {a.span}: {text[a.span[0] : a.span[1]][:70]!r}")
        if gold.get("reported") is None:
            continue  # reported speech not annotated for this text
        c["rep_docs"] += 1
        preds = [a for a in attrs if a.kind == "indirect"]
        c["rep_pred"] += len(preds)
        matched_pred = set()
        for g in gold["reported"]:
            c["rep_gold"] += 1
            span = (g["start"], g["start"] + len(g["content"]))
            hit = next((a for a in preds if _overlap(a.span, span)), None)
            if hit is None:
                errors.append(f"RMISS {name} {g['speaker']!r} {g['cue']!r}: {g['content'][:60]!r}")
                continue
            c["rep_tp"] += 1
            matched_pred.add(hit.span)
            c["rep_spk_ok"] += same_speaker(hit.speaker, g["speaker"])
        for a in preds:
            if a.span not in matched_pred and not any(
                _overlap(a.span, (g["start"], g["start"] + len(g["content"])))
                for g in gold["reported"]
            ):
                c["rep_fp"] += 1
                errors.append(f"REXTR {name} {a.speaker!r} {a.cue!r}: {a.quote[:60]!r}")
    return c


def report(label: str, n: int, c: Counter) -> None:
    def pct(ok: int, total: int) -> str:
        return f"{ok / total:.3f} ({ok}/{total})" if total else "-"

    prec = c["tp"] / c["pred"] if c["pred"] else 0.0
    rec = c["tp"] / c["gold"] if c["gold"] else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    rp = (c["rep_pred"] - c["rep_fp"]) / c["rep_pred"] if c["rep_pred"] else 0.0
    rr = c["rep_tp"] / c["rep_gold"] if c["rep_gold"] else 0.0
    print(f"\n{label}: {n} articles, {c['gold']} annotated quoted spans, {c['pred']} predicted")
    print(f"  span P {prec:.3f}  R {rec:.3f}  F1 {f1:.3f}")
    print(f"  kind (title as scare)     {pct(c['kind_ok'], c['kind_n'])}")
    print(f"  speaker (direct+partial)  {pct(c['spk_ok'], c['spk_n'])}")
    print(f"  cue, exact                {pct(c['cue_ok'], c['cue_n'])}")
    print(f"  cue, same verb            {pct(c['cue_verb_ok'], c['cue_n'])}")
    print(
        f"  outlet                    {pct(c['out_ok'], c['out_n'])}, "
        f"{c['out_extra']} named where none is annotated"
    )
    if c["rep_docs"]:
        print(
            f"  reported speech ({c['rep_docs']} articles, {c['rep_gold']} annotated): "
            f"P {rp:.3f}  R {rr:.3f}  speaker {pct(c['rep_spk_ok'], c['rep_tp'])}"
        )
    else:
        print("  reported speech: not annotated here")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=[*SPLITS, "all"], default="all")
    ap.add_argument("--show-errors", action="store_true", help="list every error, by kind")
    ap.add_argument("--repeat", type=int, default=5, help="timed passes; the fastest counts")
    args = ap.parse_args()
    splits = SPLITS if args.set == "all" else (args.set,)
    if not DEV.exists():
        print(f"{DEV} not found (the shared data set is not on this machine): probes only")
        splits = tuple(s for s in splits if s in PROBES)
        if not splits:
            return 0
    from citecheck.attribution import extract
    from citecheck.document import load_text
    from citecheck.outlets import default_registry

    reg = default_registry()
    extract(load_text("“Warm up,” said Ada Quill.", "x.txt"), reg)  # start-up out of the timing
    everything: dict[str, tuple[str, dict]] = {}
    for which in splits:
        docs = documents(which)
        if which not in PROBES or not DEV.exists():  # timed on the news texts, as before
            everything.update({f"{which}/{k}": v for k, v in docs.items()})
        extracted = {k: extract(load_text(t, k, "text"), reg) for k, (t, _) in docs.items()}
        errors: list[str] = []
        report(which, len(docs), score(docs, extracted, errors))
        if args.show_errors:
            print("\n".join(errors))
    if not everything:
        return 0  # the invented splits alone: nothing timed
    words = sum(len(t.split()) for t, _ in everything.values())
    times = []
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        for key, (text, _) in everything.items():
            extract(load_text(text, key, "text"), reg)
        times.append(time.perf_counter() - t0)
    best = min(times)
    print(
        f"\n{words} words in {best:.3f} s: {words / best:,.0f} words/s "
        f"(fastest of {len(times)} passes; first {words / times[0]:,.0f} words/s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

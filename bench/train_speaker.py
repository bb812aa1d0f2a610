"""Train the speaker ranker (citecheck/attribution/speaker_model.json) on annotated articles.

    python bench/train_speaker.py [--l2 0.01] [--write]

Learns from the development set (attributions-dev) and the train half of attributions-extra;
never from the validation half, which bench/attribution.py scores it on. For each direct or
partial quote the extractor lists its candidate speakers with their features
(citecheck.attribution.ranker); the annotated speaker picks the right one (same surname, or one
name inside the other); a conditional logit (softmax over one quote's candidates, L2-penalised,
fitted by gradient descent in numpy) learns the weights. Quotes whose annotated speaker is not
among the candidates teach nothing and are counted apart. `--write` saves the weights with the
data they came from and the scores, so the file says where it came from.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from attribution import documents, same_speaker  # noqa: E402

MODEL = HERE.parent / "citecheck" / "attribution" / "speaker_model.json"


def groups(splits: tuple[str, ...]):
    """(feature matrix, index of the right candidate, rules' index) per annotated quote."""
    from citecheck.attribution import extract
    from citecheck.attribution.ranker import FEATURES
    from citecheck.document import load_text

    rule = FEATURES.index("rule")
    out, unreachable = [], 0
    for split in splits:
        for name, (text, gold) in documents(split).items():
            doc = load_text(text, name, "text")
            trace: list = []
            extract(doc, ranker=False, trace=trace, reported=False)
            by_span = {doc.raw_span(*span): (options, rules) for span, options, rules in trace}
            for g in gold["quotes"]:
                if g["kind"] not in ("direct", "partial"):
                    continue
                found = by_span.get((g["start"], g["start"] + len(g["quote"])))
                if found is None:
                    continue
                options, _rules = found
                right = [
                    i
                    for i, c in enumerate(options)
                    if (c.speaker is None and g["speaker"] is None)
                    or (c.speaker is not None and same_speaker(c.speaker, g["speaker"]))
                ]
                if not right:
                    unreachable += 1
                    continue
                x = np.array([c.features for c in options], dtype=float)
                ruled = [i for i, c in enumerate(options) if c.features[rule]]
                rules_pick = ruled[0] if ruled else len(options) - 1  # else "nobody named"
                out.append((x, right[0], rules_pick, right))
    return out, unreachable


def fit(data, l2: float, steps: int = 3000, lr: float = 0.5) -> np.ndarray:
    n = data[0][0].shape[1]
    w = np.zeros(n)
    for _ in range(steps):
        grad = 2 * l2 * w
        for x, y, _, _ in data:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            grad += (p @ x - x[y]) / len(data)
        w -= lr * grad
    return w


def accuracy(data, w: np.ndarray | None) -> float:
    ok = 0
    for x, _y, rules_pick, right in data:
        pick = rules_pick if w is None else int(np.argmax(x @ w))
        ok += pick in right
    return ok / len(data) if data else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--l2", type=float, default=0.01)
    ap.add_argument("--write", action="store_true", help="save the weights into the package")
    ap.add_argument("--splits", default="dev,train", help="what to learn from (never validation)")
    args = ap.parse_args()
    from attribution import DEV

    if not DEV.exists():
        print("skip: the shared data sets are not on this machine")
        return 0
    from citecheck.attribution.ranker import FEATURES

    splits = tuple(args.splits.split(","))
    if "validation" in splits:
        print("error: the validation half is for measuring, never for learning")
        return 2
    data, unreachable = groups(splits)
    w = fit(data, args.l2)
    before, after = accuracy(data, None), accuracy(data, w)
    # The weights are written before anything is printed: a reader that stops early (`| head`)
    # breaks the pipe at a print, which once left the old weights in place, their feature list
    # no longer the ranker's, and the ranker silently off for the runs that followed.
    if args.write:
        MODEL.write_text(
            json.dumps(
                {
                    "features": list(FEATURES),
                    "weights": [round(float(v), 5) for v in w],
                    "provenance": {
                        "trained": date.today().isoformat(),
                        "script": "bench/train_speaker.py",
                        "data": f"splits {', '.join(splits)} (dev: attributions-dev; train: "
                        "the train half of attributions-extra, bench/annotations.py split); "
                        "not the validation half",
                        "quotes": len(data),
                        "unreachable": unreachable,
                        "l2": args.l2,
                        "accuracy_on_training_data": {"rules": before, "model": after},
                    },
                },
                indent=1,
            )
            + "\n",
            encoding="utf-8",
        )
    print(f"{len(data)} quotes to learn from ({unreachable} whose speaker is no candidate)")
    print(f"chosen right on the training data: rules {before:.3f}, model {after:.3f}")
    for name, weight in sorted(zip(FEATURES, w, strict=True), key=lambda t: -abs(t[1])):
        print(f"  {name:<16}{weight:+.3f}")
    if args.write:
        print(f"wrote {MODEL.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

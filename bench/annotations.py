"""Annotations of the shared data sets, kept in the repository as offsets only.

The texts of ../shared/datasets are news articles: no text of theirs enters the repository. An
annotation in the form of the annotation guide (quote, speaker, cue and outlet as strings) is
stored here as spans into its text: the quote or reported clause as [start, end], and speaker,
cue and outlet each as the list of spans whose words, joined by spaces, spell it (the fullest
name may be pieced from words the article gives apart). `load` turns them back into the
guide's form against the text on this machine.

    python bench/annotations.py import DIR SET   # guide-form JSON files in DIR -> bench/data/SET
    python bench/annotations.py check            # every stored annotation still fits its text

Sets: `attributions-extra` (the 65 unannotated texts, annotated for citecheck) and
`attributions-dev-reported` (reported speech of the 32 attributions-dev texts, whose quotes the
shared data set annotates). The split of attributions-extra into the part rules and models may
learn from and the validation part nobody reads is `split(name)`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
SHARED = HERE.parent.parent / "shared" / "datasets"
TEXTS = {
    "attributions-extra": SHARED / "attributions-extra" / "texts",
    "attributions-dev-reported": SHARED / "attributions-dev" / "texts",
}
FIELDS = ("speaker", "cue", "outlet")


def split(name: str) -> str:
    """"train" or "validation" for an attributions-extra text: half of them by a hash of the
    file name, so the split never depends on what the texts say."""
    digest = hashlib.sha1(name.encode()).digest()
    return "validation" if digest[0] % 2 == 0 else "train"


def _spans_of(value: str | None, text: str, near: int) -> list[list[int]] | None:
    """Spans of `text` whose words, joined by spaces, spell `value`: the whole string where the
    text holds it (the occurrence nearest `near`), else each word on its own."""
    if value is None:
        return None
    found = [m.start() for m in re.finditer(re.escape(value), text)]
    if found:
        at = min(found, key=lambda i: abs(i - near))
        return [[at, at + len(value)]]
    if not any(re.search(re.escape(w), text, re.IGNORECASE) for w in value.split()):
        return [{"literal": value}]  # named by the annotator, not in the text: "Twitter"
    spans = []
    for word in value.split():
        hits = []
        for form in (word, word.replace("'", "’"), word.replace("’", "'"), word.strip(".,;:()")):
            hits = [m.start() for m in re.finditer(re.escape(form), text, re.IGNORECASE)]
            if hits:
                break
        if not hits:
            print(f"  note: {word!r} of {value!r} is not in the text; left out", file=sys.stderr)
            continue
        at = min(hits, key=lambda i: abs(i - near))
        spans.append([at, at + len(form)])
    return spans


def _spell(spans: list | None, text: str) -> str | None:
    if spans is None:
        return None
    return " ".join(s["literal"] if isinstance(s, dict) else text[s[0] : s[1]] for s in spans)


def to_offsets(doc: dict, text: str) -> dict:
    out: dict = {"file": doc["file"], "quotes": [], "reported": []}
    for key, field in (("quotes", "quote"), ("reported", "content")):
        for item in doc.get(key, []):
            start, value = item["start"], item[field]
            if text[start : start + len(value)] != value:
                raise ValueError(f"{doc['file']}: {key} at {start} does not match the text")
            entry = {"span": [start, start + len(value)]}
            for k in ("kind", "continues", "speaker_type"):
                if k in item:
                    entry[k] = item[k]
            for k in FIELDS:
                entry[k] = _spans_of(item.get(k), text, start)
            out[key].append(entry)
    return out


def from_offsets(doc: dict, text: str) -> dict:
    """The guide's form again: strings spelled from the spans."""
    out: dict = {"file": doc["file"], "quotes": [], "reported": []}
    for key, field in (("quotes", "quote"), ("reported", "content")):
        for item in doc.get(key, []):
            a, b = item["span"]
            entry = {field: text[a:b], "start": a}
            for k in ("kind", "continues", "speaker_type"):
                if k in item:
                    entry[k] = item[k]
            for k in FIELDS:
                entry[k] = _spell(item.get(k), text)
            out[key].append(entry)
    return out


def load(set_name: str) -> dict[str, dict]:
    """Stored annotations of `set_name` in the guide's form, by text file name; empty where
    the shared texts are not on this machine."""
    folder, texts = DATA / set_name, TEXTS[set_name]
    out = {}
    for path in sorted(folder.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        text_path = texts / doc["file"]
        if text_path.exists():
            out[doc["file"]] = from_offsets(doc, text_path.read_text(encoding="utf-8"))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    imp = sub.add_parser("import", help="guide-form annotations -> offsets in bench/data")
    imp.add_argument("source", type=Path)
    imp.add_argument("set", choices=sorted(TEXTS))
    sub.add_parser("check", help="every stored annotation still fits its text")
    args = ap.parse_args()
    if args.cmd == "import":
        target = DATA / args.set
        target.mkdir(parents=True, exist_ok=True)
        for path in sorted(args.source.glob("*.json")):
            doc = json.loads(path.read_text(encoding="utf-8"))
            text = (TEXTS[args.set] / doc["file"]).read_text(encoding="utf-8")
            stored = to_offsets(doc, text)
            back = from_offsets(stored, text)
            for key, field in (("quotes", "quote"), ("reported", "content")):
                for a, b in zip(doc.get(key, []), back[key], strict=True):
                    assert a[field] == b[field], (path.name, a[field])
            out = json.dumps(stored, indent=1, ensure_ascii=True) + "\n"
            (target / path.name).write_text(out, encoding="utf-8")
        print(f"imported {len(list(args.source.glob('*.json')))} files into {target}")
        return 0
    bad, counts = 0, {}
    for set_name, texts in TEXTS.items():
        for path in sorted((DATA / set_name).glob("*.json")):
            doc = json.loads(path.read_text(encoding="utf-8"))
            text_path = texts / doc["file"]
            if not text_path.exists():
                continue  # the shared texts are not on this machine
            size = len(text_path.read_text(encoding="utf-8"))
            for key in ("quotes", "reported"):
                for item in doc.get(key, []):
                    spans = [item["span"]] + [
                        s for k in FIELDS for s in (item.get(k) or []) if isinstance(s, list)
                    ]
                    if any(not 0 <= a < b <= size for a, b in spans):
                        print(f"{set_name}/{path.name}: a span is outside its text")
                        bad += 1
                    counts[(set_name, key)] = counts.get((set_name, key), 0) + 1
    for (set_name, key), n in sorted(counts.items()):
        print(f"{set_name}: {n} {key}")
    print("ok" if not bad else f"{bad} problems")
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main())

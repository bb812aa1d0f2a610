#!/usr/bin/env python
"""Build cassettes/search/*.yaml, the recorded-format answers of the search back-ends.

Each cassette answers the requests one back-end makes for a few fixture queries, in the response
format its API documents: success, empty, 429 with and without Retry-After, malformed JSON (and,
for GDELT, a refused query and an end-to-end story; for the archive, the availability API). The
request URLs come from the back-ends' own `calls()`, so a cassette always matches the code that
replays it. Every result is fictional, on the reserved example.com/.org/.net domains.

    python scripts/build_search_cassettes.py          # (re)write cassettes/search/
    python scripts/build_search_cassettes.py --check  # exit 1 if a committed cassette is stale

Not recorded from any API. Do not edit the YAML by hand: change the fixture data here and re-run.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from citecheck.attribution import extract  # noqa: E402
from citecheck.discover.backends import BACKENDS  # noqa: E402
from citecheck.discover.backends.wayback import AVAILABILITY_API  # noqa: E402
from citecheck.discover.search import (  # noqa: E402
    Call,
    RateLimiter,
    SearchQuery,
    build_queries,
)
from citecheck.document import load_text  # noqa: E402
from citecheck.outlets import Outlet, Registry, default_registry  # noqa: E402

OUT = ROOT / "cassettes" / "search"
FIXTURE_NOTE = "Fixture written for citecheck tests; not a real API response."
PAGE_NOTE = "Fixture page written for citecheck tests; not a real news story."
HEADER = f"""\
# {FIXTURE_NOTE}
# Written by scripts/build_search_cassettes.py in the response format the API documents; every
# result is fictional (reserved example.* domains, invented people). Do not edit by hand.
"""

# The settings the keyed back-ends read; fake values, never real keys.
FIXTURE_ENV = {
    "SEARXNG_URL": "https://searx.example.net",
    "BRAVE_API_KEY": "fixture-brave-token",
    "MEDIACLOUD_API_KEY": "fixture-mediacloud-token",
    "GOOGLE_FACTCHECK_API_KEY": "fixture-factcheck-key",
}
FIXTURE_NOW = datetime(2025, 4, 10, 12, 0, tzinfo=UTC)  # "today" for date-dependent requests

SCENARIOS = ("success", "empty", "429-retry-after", "429-no-retry-after", "malformed")


def backend(name: str, limiter: RateLimiter | None = None):
    """The back-end as the fixtures ask it: fixture settings, a fixed today, no real waiting."""
    cls = BACKENDS[name]
    kw: dict = {"limiter": limiter or RateLimiter(enabled=False)}
    if name in ("gdelt", "gdelt-context"):
        kw["now"] = lambda: FIXTURE_NOW
    if name == "mediacloud":
        kw["today"] = lambda: FIXTURE_NOW.date()
    return cls(FIXTURE_ENV, **kw)


def _q(phrase: str = "", **kw) -> SearchQuery:
    return SearchQuery(phrase=phrase, **kw)


# One query per back-end and scenario; tests import these to replay the same requests.
MARCH = {"date_from": date(2025, 3, 1), "date_to": date(2025, 3, 31)}
QUERIES: dict[str, dict[str, SearchQuery]] = {
    "gdelt": {
        "success": _q("the footbridge will stay shut until the spring", domains=("example.com",),
                      language="en", max_results=10),
        "empty": _q("a sentence nobody in Tamblewick ever said aloud"),
        "429-retry-after": _q("asked once too soon with a retry after header"),
        "429-no-retry-after": _q("asked twice too soon without any retry after"),
        "malformed": _q("an answer cut off halfway through the article list"),
        "refused": SearchQuery(loose="Pemberwick ab"),
    },
    "wayback": {
        "success": _q("residents count the cost of the footbridge closure",
                      domains=("news.example.org",), **MARCH),
        "empty": _q("a regatta that never reached the river Tamble",
                    domains=("news.example.org",), **MARCH),
        "429-retry-after": _q("residents count the cost of the closure again",
                              domains=("news.example.org",), **MARCH),
        "429-no-retry-after": _q("archive asked too soon without retry after",
                                 domains=("news.example.org",), **MARCH),
        "malformed": _q("archive listing truncated halfway through",
                        domains=("news.example.org",), **MARCH),
    },
    "searxng": {
        "success": _q("the ferry will carry Westbank residents", domains=("example.com",),
                      language="en"),
        "empty": _q("a ferry timetable nobody has published"),
        "429-retry-after": _q("metasearch asked once too soon with retry after"),
        "429-no-retry-after": _q("metasearch asked too soon without retry after"),
        "malformed": _q("metasearch answer truncated halfway through"),
    },
    "brave": {
        "success": _q("forty-two households on the Westbank estate", language="en", **MARCH),
        "empty": _q("a petition nobody in Tamblewick ever signed"),
        "429-retry-after": _q("web index asked once too soon with retry after"),
        "429-no-retry-after": _q("web index asked too soon without retry after"),
        "malformed": _q("web index answer truncated halfway through"),
    },
    "mediacloud": {
        "success": _q("the old mill bridge has outlived its engineers",
                      date_from=date(2013, 1, 1), date_to=date(2013, 12, 31)),
        "empty": _q("a council minute that was never written"),
        "429-retry-after": _q("story archive asked once too soon with retry after"),
        "429-no-retry-after": _q("story archive asked too soon without retry after"),
        "malformed": _q("story archive answer truncated halfway through"),
    },
    "factcheck": {
        "success": _q("footbridge carried twelve thousand people every week", max_results=10),
        "empty": _q("a claim no fact checker has looked at", max_results=10),
        "429-retry-after": _q("claim search asked once too soon with retry after", max_results=10),
        "429-no-retry-after": _q("claim search asked too soon without retry after",
                                 max_results=10),
        "malformed": _q("claim search answer truncated halfway through", max_results=10),
    },
}  # fmt: skip

# The availability API's fixture URLs: one archived, one the archive never saw.
SNAPSHOT_URL = (
    "https://news.example.org/local/2025/03/18/footbridge-petition-delivered-to-town-hall"
)
NO_SNAPSHOT_URL = "https://news.example.org/local/2025/03/19/page-the-archive-never-saw"

# --- the end-to-end story: a draft with no links, found through GDELT -------------------------

E2E_DRAFT = """\
# Corvenna library reopens after the flood

Volunteers spent three weeks drying books after the River Corvenna flooded the town library in
March.

Ottoline Marsh-Greaves, who chairs the library trust, told the Corvenna Courier that “we dried
every one of the eleven thousand books by hand, one page at a time.” The library reopens on
Saturday.
"""
E2E_PAGE_URL = "https://news.example.org/corvenna/2025/04/02/library-reopens-after-flood"
E2E_OTHER_URL = "https://www.example.com/2025/04/03/corvenna-weekend-what-is-on?utm_source=feed"
E2E_PAGE = f"""\
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Corvenna library to reopen after volunteers dry 11,000 books - Corvenna Courier</title>
<meta property="article:published_time" content="2025-04-02T08:30:00Z">
</head>
<body>
<header><a href="https://news.example.org/">Corvenna Courier</a></header>
<article>
<h1>Corvenna library to reopen after volunteers dry 11,000 books</h1>
<p class="byline">By Perpetua Quillfeather, 2 April 2025</p>
<p>The town library in Corvenna will reopen on Saturday, four weeks after the River Corvenna
burst its banks and left the reading room under half a metre of water.</p>
<p>“We dried every one of the eleven thousand books by hand, one page at a time,” said Ottoline
Marsh-Greaves, who chairs the library trust. “Some of the volunteers came every single day.”</p>
<p>The trust says the building's insurance will pay for new shelving, and that the children's
section will open a week later than the rest.</p>
</article>
<footer><p class="fixture-note">{PAGE_NOTE}</p></footer>
</body>
</html>
"""


def e2e_registry() -> Registry:
    """The packaged registry plus the made-up outlet of the end-to-end draft."""
    courier = Outlet("Corvenna Courier", ("news.example.org",), "newspaper", language="en")
    return Registry([*default_registry().outlets, courier])


def e2e_queries() -> list[SearchQuery]:
    doc = load_text(E2E_DRAFT, "e2e-draft.md", "markdown")
    (attr,) = extract(doc, registry=e2e_registry())
    return build_queries(attr, e2e_registry())


# --- responses in each API's documented format ------------------------------------------------

JSON = "application/json"


def _json(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1) + "\n"


def _gdelt_article(url: str, title: str, seen: str, domain: str) -> dict:
    return {
        "url": url,
        "url_mobile": "",
        "title": title,
        "seendate": seen,
        "socialimage": "",
        "domain": domain,
        "language": "English",
        "sourcecountry": "United Kingdom",
    }


SUCCESS = {
    "gdelt": {
        "articles": [
            _gdelt_article(
                "https://www.example.com/news/2025/03/20/footbridge-to-stay-shut-until-spring",
                "Tamblewick footbridge to stay shut until spring, council says",
                "20250320T094500Z",
                "example.com",
            ),
            _gdelt_article(
                "https://www.example.com/letters/2025/03/22/readers-on-the-mill-lane-footbridge",
                "Letters: readers on the Mill Lane footbridge",
                "20250322T071500Z",
                "example.com",
            ),
        ]
    },
    "wayback": [
        ["timestamp", "original", "mimetype", "statuscode"],
        [
            "20250312180500",
            "https://news.example.org:443/local/2025/03/12/westbank-residents-count-cost-of-footbridge-closure",
            "text/html",
            "200",
        ],
        [
            "20250314090000",
            "https://news.example.org/local/2025/03/14/closure-of-the-swimming-baths-delayed",
            "text/html",
            "200",
        ],
    ],
    "searxng": {
        "query": '"the ferry will carry Westbank residents" site:example.com',
        "number_of_results": 0,
        "results": [
            {
                "url": "https://www.example.com/news/2025/03/14/ferry-to-carry-westbank-residents-while-footbridge-is-shut",
                "title": "Ferry to carry Westbank residents while footbridge is shut",
                "content": "The ferry will carry Westbank residents across the Tamble from "
                "Monday, the council said.",
                "engine": "duckduckgo",
                "engines": ["duckduckgo", "brave"],
                "positions": [1, 2],
                "parsed_url": ["https", "www.example.com", "/news/2025/03/14/ferry", "", "", ""],
                "template": "default.html",
                "score": 3.0,
                "category": "general",
                "publishedDate": "2025-03-14T00:00:00",
            },
            {
                "url": "https://forum.example.net/t/westbank-ferry-times/118",
                "title": "Westbank ferry times? - Tamblewick community forum",
                "content": "Does anyone know when the first crossing is?",
                "engine": "duckduckgo",
                "engines": ["duckduckgo"],
                "positions": [3],
                "parsed_url": ["https", "forum.example.net", "/t/westbank-ferry-times/118", "",
                               "", ""],
                "template": "default.html",
                "score": 1.0,
                "category": "general",
                "publishedDate": None,
            },
        ],
        "answers": [],
        "corrections": [],
        "infoboxes": [],
        "suggestions": [],
        "unresponsive_engines": [],
    },
    "brave": {
        "type": "search",
        "query": {"original": '"forty-two households on the Westbank estate"',
                  "more_results_available": False},
        "mixed": {"type": "mixed", "main": [{"type": "web", "index": 0, "all": False}]},
        "web": {
            "type": "search",
            "results": [
                {
                    "type": "search_result",
                    "title": "‘A slow eviction’: Westbank residents count the cost",
                    "url": "https://news.example.org/local/2025/03/12/westbank-residents-count-cost-of-footbridge-closure",
                    "description": "Campaigners say <strong>forty-two households on the Westbank "
                    "estate</strong> now face a two-mile detour.",
                    "page_age": "2025-03-12T18:05:00",
                    "age": "March 12, 2025",
                    "language": "en",
                    "family_friendly": True,
                    "meta_url": {"scheme": "https", "netloc": "news.example.org",
                                 "hostname": "news.example.org", "path": "› local › 2025"},
                }
            ],
            "family_friendly": True,
        },
    },
    "mediacloud": {
        "stories": [
            {
                "id": "3f0c9e1a7b2d4c5e8f90a1b2c3d4e5f6",
                "media_name": "example.org",
                "media_url": "example.org",
                "title": "Engineers warn the old mill bridge is wearing out",
                "publish_date": "2013-05-14",
                "url": "https://news.example.org/archive/2013/05/14/old-mill-bridge-engineers",
                "language": "en",
                "indexed_date": "2023-02-01T10:00:00",
            }
        ],
        "pagination_token": None,
    },
    "factcheck": {
        "claims": [
            {
                "text": "The Mill Lane footbridge carried twelve thousand people every week.",
                "claimant": "Dorian Pemberwick",
                "claimDate": "2025-03-10T00:00:00Z",
                "claimReview": [
                    {
                        "publisher": {"name": "Example Fact Desk", "site": "factcheck.example.net"},
                        "url": "https://factcheck.example.net/2025/03/12/mill-lane-footbridge-footfall",
                        "title": "Did 12,000 people a week cross the Mill Lane footbridge?",
                        "reviewDate": "2025-03-12T00:00:00Z",
                        "textualRating": "Mostly false",
                        "languageCode": "en",
                    }
                ],
            },
            {
                "text": "Tamblewick has the oldest ferry licence in the county.",
                "claimant": "a social media post",
                "claimReview": [
                    {
                        "publisher": {"name": "Example Fact Desk", "site": "factcheck.example.net"},
                        "url": "https://factcheck.example.net/2025/03/15/tamblewick-ferry-licence",
                        "title": "Is Tamblewick's ferry licence the oldest?",
                        "reviewDate": "2025-03-15T00:00:00Z",
                        "textualRating": "Unproven",
                        "languageCode": "en",
                    }
                ],
            },
        ],
        "nextPageToken": "CAo",
    },
}  # fmt: skip

# What each API sends when nothing matches (GDELT and Fact Check Tools: an empty object; the CDX
# server: an empty array, no header row; Brave: no "web" section).
EMPTY = {
    "gdelt": {},
    "wayback": [],
    "searxng": {"query": "", "number_of_results": 0, "results": [], "answers": [],
                "corrections": [], "infoboxes": [], "suggestions": [],
                "unresponsive_engines": []},
    "brave": {"type": "search", "query": {"original": "", "more_results_available": False}},
    "mediacloud": {"stories": [], "pagination_token": None},
    "factcheck": {},
}  # fmt: skip

TOO_MANY = {
    "gdelt": "Please limit requests to one every 5 seconds.\n",
}
MALFORMED = {
    "gdelt": '{"articles": [ {"url": "https://www.example.com/news/2025/03/20/half',
    "wayback": '[["timestamp","original","mimetype","statuscode"],\n["20250312180500","https://',
    "searxng": '{"query": "metasearch", "number_of_results": 0, "results": [{"url": ',
    "brave": '{"type": "search", "web": {"type": "search", "results": [{"title": "Half',
    "mediacloud": '{"stories": [{"id": "3f0c", "title": "Half a st',
    "factcheck": '{"claims": [{"text": "Half a cla',
}


def _response(code: int, body: str, ctype: str = JSON, extra: dict | None = None) -> dict:
    message = {200: "OK", 429: "Too Many Requests"}.get(code, "")
    headers = {"Content-Type": [ctype], "X-Fixture": [FIXTURE_NOTE], **(extra or {})}
    return {
        "body": {"string": body},
        "headers": headers,
        "status": {"code": code, "message": message},
    }


def _interaction(uri: str, response: dict) -> dict:
    return {"request": {"body": None, "headers": {}, "method": "GET", "uri": uri},
            "response": response}  # fmt: skip


def _text_429(name: str) -> str:
    return TOO_MANY.get(name, _json({"error": {"code": 429, "message": "Too many requests"}}))


def scenario_responses(name: str, scenario: str) -> list[dict]:
    """The answers, in order, to the one request a back-end makes for a fixture scenario."""
    too_many = _text_429(name)
    ctype_429 = "text/plain; charset=utf-8" if name in TOO_MANY else JSON
    ok = {
        "success": [_response(200, _json(SUCCESS[name]))],
        "empty": [_response(200, _json(EMPTY[name]))],
        "429-retry-after": [
            _response(429, too_many, ctype_429, {"Retry-After": ["3"]}),
            _response(200, _json(SUCCESS[name])),
        ],
        "429-no-retry-after": [_response(429, too_many, ctype_429)] * 2,
        "malformed": [_response(200, MALFORMED[name])],
        "refused": [_response(200, "Your search contained a keyword that was too short.\n",
                              "text/html; charset=utf-8")],
    }  # fmt: skip
    return ok[scenario]


def build(name: str) -> dict:
    """One back-end's cassette as a dict, interactions sorted by URL (repeats keep their order)."""
    b = backend(name)
    interactions = []
    for scenario, query in QUERIES[name].items():
        calls = b.calls(query)
        if len(calls) != 1:
            raise SystemExit(f"{name}/{scenario}: expected one request, the back-end makes {calls}")
        for response in scenario_responses(name, scenario):
            interactions.append(_interaction(calls[0].uri, response))
    if name == "wayback":
        closest = {
            "status": "200",
            "available": True,
            "url": f"http://web.archive.org/web/20250318093000/{SNAPSHOT_URL}",
            "timestamp": "20250318093000",
        }
        for url, body in (
            (SNAPSHOT_URL, {"url": SNAPSHOT_URL, "archived_snapshots": {"closest": closest}}),
            (NO_SNAPSHOT_URL, {"url": NO_SNAPSHOT_URL, "archived_snapshots": {}}),
        ):
            uri = Call(AVAILABILITY_API, (("url", url),)).uri
            interactions.append(_interaction(uri, _response(200, _json(body))))
    if name == "gdelt":
        first = b.calls(e2e_queries()[0])[0]
        found = {
            "articles": [
                _gdelt_article(E2E_OTHER_URL, "What's on in Corvenna this weekend",
                               "20250403T060000Z", "example.com"),
                _gdelt_article(E2E_PAGE_URL,
                               "Corvenna library to reopen after volunteers dry 11,000 books",
                               "20250402T083000Z", "example.org"),
            ]
        }  # fmt: skip
        interactions.append(_interaction(first.uri, _response(200, _json(found))))
        page = _response(200, E2E_PAGE, "text/html; charset=utf-8")
        page["headers"].pop("X-Fixture")  # a page carries its fixture note in its footer
        interactions.append(_interaction(E2E_PAGE_URL, page))
    interactions.sort(key=lambda i: i["request"]["uri"])
    return {"interactions": interactions, "version": 1}


class _Dumper(yaml.SafeDumper):
    """SafeDumper (pure Python, same output everywhere) writing multi-line strings as blocks."""


def _str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _str)


def render(name: str) -> str:
    body = yaml.dump(build(name), Dumper=_Dumper, allow_unicode=True, sort_keys=True, width=100)
    return HEADER + body


def cassette_path(name: str) -> Path:
    return OUT / f"{name}.yaml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a cassette is stale")
    args = parser.parse_args(argv)
    stale = []
    for name in QUERIES:
        path, text = cassette_path(name), render(name)
        rel = path.relative_to(ROOT)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(str(rel))
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {rel}")
    if stale:
        print(f"stale: {', '.join(stale)}; run python scripts/build_search_cassettes.py",
              file=sys.stderr)  # fmt: skip
        return 1
    if args.check:
        print("cassettes/search is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())

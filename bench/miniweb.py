"""A loopback "mini web" search engine for bench/discovery.py: what a plain web engine does.

Pages are indexed as a search engine would see them (their main text, language and date as
citecheck's own page reader gives them). A query is answered in SearXNG's JSON format
(`/search?q=...&format=json&language=xx`, results with `url`, `title`, `content`,
`publishedDate`), with the operators common web engines support and nothing shaped to
citecheck's queries:

- words are ranked by BM25 (Okapi, `rank-bm25`), case and accents folded; every word must stand
  in a page, and when no page holds them all the engine relaxes to pages that hold two thirds
  of them, then half of them (as web engines drop terms, "Missing: ...", from a query nothing
  matches in full);
- `"an exact phrase"` must stand in the page as a run of words (punctuation aside);
- `site:example.com` (and `(site:a OR site:b)`) keeps pages on that host or its subdomains;
- `-word` drops pages that hold the word; `language=xx` keeps pages in that language;
- at most 10 results a page, the snippet around the first phrase or word matched.

Bench-only: imports `rank_bm25` (the `bench` extra), never imported by citecheck.
"""

from __future__ import annotations

import json
import math
import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from rank_bm25 import BM25Okapi

_TOKEN = re.compile(r"\w+")
_QUERY = re.compile(r'(-)?"([^"]*)"|\(([^()]*)\)|(-)?(\S+)')
PAGE_SIZE = 10
RELAX = (2 / 3, 1 / 2)  # shares of a query's words a page must hold when none holds them all


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


@dataclass(frozen=True)
class Doc:
    url: str
    title: str
    text: str
    language: str | None = None
    date: str | None = None

    @property
    def host(self) -> str:
        return (urlsplit(self.url).hostname or "").lower()


@dataclass
class Parsed:
    words: list[str]
    phrases: list[list[str]]
    sites: list[str]
    excluded: list[str]


def parse_query(q: str) -> Parsed:
    out = Parsed([], [], [], [])
    for m in _QUERY.finditer(q):
        neg_phrase, phrase, group, neg, word = m.groups()
        if phrase is not None:
            toks = tokens(phrase)
            if neg_phrase:
                out.excluded += toks
            elif toks:
                out.phrases.append(toks)
        elif group is not None:  # (site:a OR site:b)
            sites = [p[5:] for p in group.split() if p.lower().startswith("site:")]
            out.sites += [s.lower().strip(".") for s in sites if s]
        elif word.lower().startswith("site:") and len(word) > 5:
            out.sites.append(word[5:].lower().strip("."))
        elif word.upper() == "OR":
            continue
        elif neg:
            out.excluded += tokens(word)
        else:
            out.words += tokens(word)
    return out


def _holds_run(doc: list[str], positions: dict[str, list[int]], run: list[str]) -> int | None:
    for start in positions.get(run[0], ()):
        if doc[start : start + len(run)] == run:
            return start
    return None


class Engine:
    """BM25 over the pages' folded words, with phrases, site:, exclusion and a language filter."""

    def __init__(self, docs: Iterable[Doc]):
        self.docs = list(docs)
        self.toks = [tokens(f"{d.title} {d.text}") for d in self.docs]
        self.positions: list[dict[str, list[int]]] = []
        for toks in self.toks:
            pos: dict[str, list[int]] = {}
            for i, t in enumerate(toks):
                pos.setdefault(t, []).append(i)
            self.positions.append(pos)
        self.bm25 = BM25Okapi(self.toks)

    def search(self, q: str, language: str | None = None, limit: int = PAGE_SIZE) -> list[dict]:
        p = parse_query(q)
        terms = p.words + [t for run in p.phrases for t in run]
        if not terms:
            return []
        keep = []
        for i, doc in enumerate(self.docs):
            if p.sites and not any(doc.host == s or doc.host.endswith("." + s) for s in p.sites):
                continue
            if language and language != "all" and (doc.language or "") != language.split("-")[0]:
                continue
            pos = self.positions[i]
            if any(t in pos for t in p.excluded):
                continue
            if any(_holds_run(self.toks[i], pos, run) is None for run in p.phrases):
                continue
            keep.append(i)
        words = list(dict.fromkeys(p.words))
        if words:
            held = {i: sum(w in self.positions[i] for w in words) for i in keep}
            for share in (1.0, *RELAX):
                need = max(1, math.ceil(share * len(words)))
                if any(n >= need for n in held.values()):
                    break
            keep = [i for i in keep if held[i] >= need]
        if not keep:
            return []
        scores = self.bm25.get_scores(terms)
        keep.sort(key=lambda i: -scores[i])
        return [self._result(i, p) for i in keep[:limit]]

    def _result(self, i: int, p: Parsed) -> dict:
        doc, toks = self.docs[i], self.toks[i]
        at = 0
        for run in [*p.phrases, *[[w] for w in p.words]]:
            start = _holds_run(toks, self.positions[i], run)
            if start is not None:
                at = start
                break
        # the snippet in the page's own words: find the folded run again in the raw text
        words = list(re.finditer(r"\w+", doc.text))
        at = max(0, at - len(tokens(doc.title)))  # positions count the title first
        lo = words[min(len(words) - 1, max(0, at - 12))].start() if words else 0
        hi = words[min(len(words) - 1, at + 40)].end() if words else 0
        result = {
            "url": doc.url,
            "title": doc.title,
            "content": doc.text[lo:hi],
            "engine": "miniweb",
        }
        if doc.date:
            result["publishedDate"] = doc.date
        return result


class MiniWeb:
    """The engine behind a loopback HTTP server that speaks SearXNG's JSON API; logs queries."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.log: list[tuple[str, str | None, int]] = []
        self._lock = threading.Lock()
        web = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                parts = urlsplit(self.path)
                if parts.path.rstrip("/") != "/search":
                    self.send_error(404)
                    return
                args = {k: v[-1] for k, v in parse_qs(parts.query).items()}
                if args.get("format") != "json":
                    self.send_error(403, "json format only")
                    return
                q, lang = args.get("q", ""), args.get("language")
                results = web.engine.search(q, lang)
                with web._lock:
                    web.log.append((q, lang, len(results)))
                body = json.dumps(
                    {"query": q, "number_of_results": len(results), "results": results}
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> MiniWeb:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)

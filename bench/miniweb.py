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

`Translator` is a machine translator for the same server (LibreTranslate's `POST /translate`)
that knows nothing of the pages: Apertium's rule-based engine (Debian's `apertium-eng-spa`, and
through Spanish `apertium-es-pt`, `apertium-fr-es`) into Spanish, Portuguese and French, the
FreeDict dictionaries (`dict-freedict-eng-deu`, `dict-freedict-eng-rus`) word for word into
German and Russian. It translates out of English only, as a server with no model for a pair
answers 400 for it; it is far weaker than DeepL, so what it finds is a lower bound.

Bench-only: imports `rank_bm25` (the `bench` extra), never imported by citecheck.
"""

from __future__ import annotations

import gzip
import json
import math
import os
import re
import shutil
import subprocess
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
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


# Apertium modes from English, through Spanish where no direct pair is packaged.
APERTIUM = {"es": ("eng-spa",), "pt": ("eng-spa", "es-pt"), "fr": ("eng-spa", "es-fr")}
FREEDICT = {"de": "deu", "ru": "rus"}
# Where Debian's packages put their data: the system data folders (XDG's default list).
SHARE = [Path(d) for d in os.environ.get("XDG_DATA_DIRS", "/usr/local/share:/usr/share").split(":")]
DICTD = next((d / "dictd" for d in SHARE if (d / "dictd").is_dir()), SHARE[-1] / "dictd")
MODES = next((d / "apertium" / "modes" for d in SHARE if (d / "apertium").is_dir()), DICTD)
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


class Translator:
    """English into es/pt/fr (Apertium) and de/ru (FreeDict, word for word); see the module."""

    def __init__(self):
        self.words: dict[str, dict[str, str]] = {}
        self.lock = threading.Lock()

    @staticmethod
    def missing() -> list[str]:
        """What is not installed (Debian package names), empty when every language works."""
        out = [] if shutil.which("apertium") else ["apertium"]
        modes = MODES
        for pkg, mode in (("apertium-eng-spa", "eng-spa"), ("apertium-es-pt", "es-pt"),
                          ("apertium-fr-es", "es-fr")):  # fmt: skip
            if not (modes / f"{mode}.mode").exists():
                out.append(pkg)
        for code in FREEDICT.values():
            if not (DICTD / f"freedict-eng-{code}.index").exists():
                out.append(f"dict-freedict-eng-{code}")
        return out

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        if source != "en" or target not in {*APERTIUM, *FREEDICT}:
            raise ValueError(f"{source}->{target} is not a supported pair")
        if target in FREEDICT:
            return [self._by_word(t, target) for t in texts]
        flat = [" ".join(t.split()) for t in texts]
        out = "\n\n".join(flat)
        for mode in APERTIUM[target]:
            out = subprocess.run(
                ["apertium", "-u", mode], input=out, capture_output=True, text=True, check=True
            ).stdout
        parts = [p.strip() for p in out.strip("\n").split("\n\n")]
        if len(parts) != len(flat):  # a line the engine merged or split: one at a time
            return (
                [self.translate([t], source, target)[0] for t in flat]
                if len(flat) > 1
                else [" ".join(parts)]
            )
        return parts

    def _by_word(self, text: str, target: str) -> str:
        table = self._table(target)
        return re.sub(r"[A-Za-z]+", lambda m: table.get(m[0].lower(), m[0]), text)

    def _table(self, target: str) -> dict[str, str]:
        """Headword -> its first translation, from the FreeDict dictd files."""
        with self.lock:
            if target not in self.words:
                code = FREEDICT[target]
                data = gzip.open(DICTD / f"freedict-eng-{code}.dict.dz").read()
                table: dict[str, str] = {}
                for line in (DICTD / f"freedict-eng-{code}.index").open(encoding="utf-8"):
                    head, off, size = (line.rstrip("\n").split("\t") + ["", ""])[:3]
                    if not off or " " in head or head.lower() in table:
                        continue
                    entry = data[_num(off) : _num(off) + _num(size)].decode("utf-8", "replace")
                    lines = entry.split("\n")
                    sense = re.sub(
                        r"<[^>]*>|\[[^\]]*\]|\([^)]*\)", "", lines[1] if len(lines) > 1 else ""
                    )
                    first = re.split(r"[,;]", sense)[0].strip().lstrip("0123456789. ")
                    if first and not first.startswith("see:"):
                        table[head.lower()] = first
                self.words[target] = table
            return self.words[target]


def _num(b64: str) -> int:
    n = 0
    for c in b64:
        n = n * 64 + _B64.index(c)
    return n


class MiniWeb:
    """The engine behind a loopback HTTP server that speaks SearXNG's JSON API; logs queries.
    With a `translator`, the same server answers LibreTranslate's `POST /translate` too."""

    def __init__(self, engine: Engine, translator: Translator | None = None):
        self.engine = engine
        self.translator = translator
        self.translated: list[tuple[str, str, int]] = []  # (source, target, texts)
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

            def do_POST(self):  # noqa: N802 - http.server's name
                if urlsplit(self.path).path.rstrip("/") != "/translate" or not web.translator:
                    self.send_error(404)
                    return
                args = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                texts = args["q"] if isinstance(args["q"], list) else [args["q"]]
                try:
                    out = web.translator.translate(texts, args["source"], args["target"])
                    status, body = 200, {"translatedText": out}
                except (ValueError, subprocess.CalledProcessError) as exc:
                    status, body = 400, {"error": str(exc)}
                with web._lock:
                    web.translated.append(
                        (args["source"], args["target"], len(texts) * (status == 200))
                    )
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

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

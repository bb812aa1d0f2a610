"""Finding the source when the draft gives no link: citecheck against a loopback mini web.

    python bench/discovery.py [--every N] [--know-domains | --no-know-domains] [--show-errors]
                              [--alone] [--translator]

The pages of ../shared/datasets/quotes-dev and crosslingual-dev (their cassettes hold the HTML)
are indexed by a plain search engine (bench/miniweb.py: BM25, exact phrases, `site:`, a language
filter, SearXNG's JSON API) on a loopback server. Drafts are made from the labels with every link
replaced by its outlet's domain ("According to ctpost.com, “…”", "The article on ctpost.com
says: “…”"), one draft per page with all its quotes (`--alone`: one draft per quote, so no quote
is found through another quote of its draft), and citecheck checks them as
`citecheck check --search searxng --allow-private --no-archive` would, with SEARXNG_URL pointing
at the mini web and the pages served from the cassettes. Prints, per group (same language
faithful, same language misquotes, cross-language), how often the right page was among the
sources tried, the verdict accuracy, the misquotes passed, and the searches sent per quote.

A "fabricated" quote is another document's sentence. Where another label gives that sentence's
page and page sentence, the quote is graded by whether the evidence a passing verdict rests on
is that sentence on that page: if so its words really stand there, and the verdict is right when
that page is at the credited outlet (crosslingual-dev's pages share one host per language, so a
made-up quote credited to fr.news.example may stand, translated, in another of its articles)
and `misattributed` is right when it is elsewhere. A made-up quote that passes on any other
evidence is a misquote passed.

`--translator` checks with a translator that knows nothing of the pages (bench/miniweb.py:
Apertium into es/pt/fr, FreeDict word for word into de/ru; Debian packages, the run skips
without them). It translates English into the page's language only, for the searches: a
translation back into English is refused, as by a server with no model for that pair, so the
verdicts rest on the embedding as without a translator. It is much weaker than DeepL (FreeDict's
English-Russian dictionary has 1,700 words), so its numbers are a lower bound for a real
translator; a translator built from the parallel NTREX texts would know the answers and is not
used.

`--know-domains` (the default) adds each draft's domain to the outlet registry as an outlet
known by its domain only (no language). Attribution reads a domain in the text as an outlet
itself (issue 16, item 3), so `--no-know-domains` measures the real path.
Skips cleanly (exit 0) where the data sets are absent; nothing of them enters the repository.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import yaml

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "datasets"
SETS = ("quotes-dev", "crosslingual-dev")
FAITHFUL = {"verbatim", "typography", "punctuation", "ellipsis", "bracket", "fragment"}
PASSING = {"verified", "close", "translated", "supported"}
FORMS = (
    "{site} reported: “{quote}”",
    "According to {site}, “{quote}”",
    "The article on {site} says: “{quote}”",
)


def _key(s: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", s).split()).casefold()


def _site(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def _picked(label: dict, every: int) -> bool:
    digest = hashlib.sha1(f"{label['draft']}|{label['quote']}".encode()).digest()
    return digest[0] % every == 0


def group_of(label: dict) -> str:
    if label.get("lang"):
        return "cross-language"
    return "same, faithful" if label["case"] in FAITHFUL else "same, misquotes"


def load_pages(cassettes: list[Path]):
    """(interactions, Docs) of every page the cassettes serve."""
    from miniweb import Doc

    from citecheck.fetch.pages import parse_page
    from citecheck.text.language import detect

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    interactions, docs = [], []
    for path in cassettes:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        for it in data["interactions"]:
            interactions.append(it)
            body = it["response"]["body"]["string"]
            body = body.encode() if isinstance(body, str) else body
            headers = {k.lower(): v for k, v in (it["response"].get("headers") or {}).items()}
            ctype = headers.get("content-type")
            ctype = ctype[0] if isinstance(ctype, list) else ctype
            url = it["request"]["uri"]
            page = parse_page(url, body, ctype or "text/html")
            if page.ok and page.text:
                lang = detect(page.text) or page.language
                docs.append(Doc(url, page.title or "", page.text, lang, page.date))
    return interactions, docs


def write_drafts(labels: list[dict], folder: Path, alone: bool = False) -> list[Path]:
    """One draft per source page, its quotes credited to the page's domain, no link (`alone`:
    one draft per quote, so no quote is found through another); the draft of each label."""
    by_page: dict[str, list[int]] = defaultdict(list)
    for n, lab in enumerate(labels):
        by_page[f"{lab['url']}#{n}" if alone else lab["url"]].append(n)
    paths: list[Path] = [folder] * len(labels)
    for n, (key, group) in enumerate(sorted(by_page.items())):
        site = _site(key.split("#", 1)[0])
        parts = [f"# Draft {n}"]
        for i, k in enumerate(group):
            parts.append(FORMS[i % len(FORMS)].format(site=site, quote=labels[k]["quote"]))
            parts.append("More details are expected later this week.")
            paths[k] = folder / f"draft-{n:03d}.md"
        paths[group[0]].write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return paths


def source_labels(labels: list[dict]) -> dict[str, list[dict]]:
    """Each fabricated quote -> the labels of other pages whose quote is the same English
    sentence (as written, or with one number or word changed): their `source_sentence` is the
    page sentence the made-up quote's words render, and their `url` the page that holds it."""
    from rapidfuzz import fuzz

    known = [lab for lab in labels if lab["source_sentence"]]
    out: dict[str, list[dict]] = {}
    for lab in labels:
        if lab["case"] == "fabricated":
            q = _key(lab["quote"])
            out[q] = [o for o in known if fuzz.ratio(q, _key(o["quote"])) >= 90]
    return out


def holds_source(finding, origins) -> bool:
    """Whether the evidence a finding rests on is a page sentence that the quote's words are
    known to render: a "fabricated" quote is another document's sentence, and where a label of
    that document gives its page and sentence, the page may stand at the credited outlet too."""
    ev = finding.evidence if finding else None
    if ev is None or not ev.passage:
        return False
    from rapidfuzz import fuzz

    return any(
        _key(o["url"]) == _key(ev.url)
        and fuzz.partial_ratio(_key(o["source_sentence"]), _key(ev.passage)) >= 90
        for o in origins
    )


@contextlib.contextmanager
def loopback_passes_cassette():
    """Replay the pages from the cassette while the search requests reach the loopback server."""
    import vcr

    from citecheck.net import cassette as mod

    real = vcr.VCR

    class Passing(real):
        def __init__(self, *a, **kw):
            super().__init__(*a, ignore_localhost=True, **kw)

    mod.vcr.VCR = Passing
    try:
        yield
    finally:
        mod.vcr.VCR = real


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--every", type=int, default=1, help="check one label in N (default: all)")
    ap.add_argument("--know-domains", action=argparse.BooleanOptionalAction, default=True)
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument(
        "--translator",
        action="store_true",
        help="search with a translator that knows nothing of the pages (bench/miniweb.py)",
    )
    ap.add_argument(
        "--alone",
        action="store_true",
        help="one quote a draft: no quote is found through another quote of its draft",
    )
    args = ap.parse_args()
    sets = [args.data / s for s in SETS]
    if not all((s / "labels.jsonl").exists() and (s / "cassette.yaml").exists() for s in sets):
        print(f"skip: {args.data} lacks {', '.join(SETS)} (the shared data is not here)")
        return 0
    sys.path.insert(0, str(HERE.parent))
    sys.path.insert(0, str(HERE))
    from miniweb import Engine, MiniWeb, Translator

    translator = None
    if args.translator:
        if missing := Translator.missing():
            print(f"skip: the bench translator needs apt-get install {' '.join(missing)}")
            return 0
        translator = Translator()

    import citecheck
    from citecheck.outlets import Outlet, Registry, default_registry

    labels = [
        json.loads(line)
        for s in sets
        for line in (s / "labels.jsonl").open(encoding="utf-8")
        if line.strip()
    ]
    all_labels = labels
    labels = [lab for lab in labels if _picked(lab, args.every)]
    t0 = time.perf_counter()
    interactions, docs = load_pages([s / "cassette.yaml" for s in sets])
    engine = Engine(docs)
    print(f"indexed {len(docs)} pages in {time.perf_counter() - t0:.1f} s; {len(labels)} quotes")

    registry = default_registry()
    if args.know_domains:
        known = {_site(lab["url"]) for lab in labels}
        extra = {d: Outlet(d, (d,), "digital") for d in known if registry.for_url(d) is None}
        registry = Registry(registry.outlets, {**registry.listed, **extra})

    with tempfile.TemporaryDirectory(prefix="citecheck-discovery-") as tmp:
        folder = Path(tmp)
        cassette = folder / "pages.yaml"
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        cassette.write_text(
            yaml.dump({"interactions": interactions, "version": 1}, Dumper=dumper),
            encoding="utf-8",
        )
        drafts = write_drafts(labels, folder, alone=args.alone)
        with MiniWeb(engine, translator) as web, loopback_passes_cassette():
            t1 = time.perf_counter()
            reports = [
                citecheck.check(
                    draft,  # one draft a run, as a newsroom checks them
                    replay=str(cassette),
                    search=("searxng",),
                    allow_private=True,
                    archive_fallback=False,
                    translate=translator is not None,
                    translator="libretranslate" if translator else None,
                    env={"SEARXNG_URL": web.url, "LIBRETRANSLATE_URL": web.url},
                    registry=registry,
                )
                for draft in sorted(set(drafts))
            ]
            elapsed = time.perf_counter() - t1
            sent = list(web.log)
            translated = list(web.translated)

    found = {}
    for doc in (d for r in reports for d in r.documents):
        for f in doc.findings:
            found[(Path(doc.path).name, _key(f.attribution.quote))] = f
    origins = source_labels(all_labels)
    rows: dict[str, Counter] = defaultdict(Counter)
    errors, unproven = [], []
    per_lang: dict[str, Counter] = defaultdict(Counter)
    for n, lab in enumerate(labels):
        g = group_of(lab)
        f = found.get((drafts[n].name, _key(lab["quote"])))
        c = rows[g]
        if lab.get("lang"):
            per_lang[lab["lang"]]["n"] += 1
            per_lang[lab["lang"]]["pages"] += lab["source_sentence"] is not None
        c["n"] += 1
        verdict = str(f.verdict) if f else "missing"
        tried = {s.url for s in f.sources} if f else set()
        has_page = lab["source_sentence"] is not None
        if has_page:
            c["pages"] += 1
            c["found"] += lab["url"] in tried
            if lab.get("lang"):
                per_lang[lab["lang"]]["found"] += lab["url"] in tried
        ok = verdict in lab["expect"]
        held = (
            lab["case"] == "fabricated"
            and verdict in {*PASSING, "misattributed"}
            and holds_source(f, origins.get(_key(lab["quote"]), ()))
        )
        if held:  # its words are really on the page found: right where that page is the outlet's
            ok = (
                verdict in PASSING
                if _site(f.evidence.url) == _site(lab["url"])
                else (verdict == "misattributed")
            )
            c["elsewhere"] += 1
        elif not ok and verdict == "misattributed" and lab["case"] == "fabricated" and f.evidence:
            ok = _site(f.evidence.url) != _site(lab["url"])  # its words are at another outlet
        c["right"] += ok
        if lab.get("lang"):
            per_lang[lab["lang"]]["right"] += ok
        misquote = lab["case"] in {"number", "negation", "swap", "omission", "fabricated"}
        c["misquotes"] += misquote
        passed = misquote and verdict in PASSING and not (held and ok)
        c["passed"] += passed
        if passed and lab["case"] == "fabricated" and _site(f.evidence.url) == _site(lab["url"]):
            unproven.append((lab, f))  # no label ties its words to this page: read it by hand
        c["searched"] += sum(getattr(s, "sent", False) for s in f.searched) if f else 0
        if not ok:
            errors.append((g, lab["case"], verdict, lab["quote"][:80], lab["url"], f))
    print(
        f"{'group':<18}{'quotes':>7}{'right page':>14}{'verdict right':>16}{'misquotes passed':>18}"
    )
    total = Counter()
    for g in ("same, faithful", "same, misquotes", "cross-language"):
        c = rows[g]
        total.update(c)
        page = f"{c['found']}/{c['pages']}" if c["pages"] else "-"
        passed = f"{c['passed']}/{c['misquotes']}" if c["misquotes"] else "-"
        print(
            f"{g:<18}{c['n']:>7}{page:>14}{c['right'] / max(1, c['n']):>16.1%}{passed:>18}"
            f"{c['searched'] / max(1, c['n']):>16.2f}"
        )
    print(
        f"{'all':<18}{total['n']:>7}{total['found']:>7}/{total['pages']:<6}"
        f"{total['right'] / max(1, total['n']):>16.1%}{total['passed']:>11}/{total['misquotes']}"
    )
    if per_lang:
        print(
            "across languages, by the page's language (right page, verdicts right): "
            + ", ".join(
                f"{k} {c['found']}/{c['pages']} {c['right'] / c['n']:.0%}"
                for k, c in sorted(per_lang.items())
            )
        )
    if unproven:
        print(
            f"({len(unproven)} of the misquotes passed are made-up quotes passed on a page of the"
            " credited outlet that no label ties them to: counted as passed; read them here)"
        )
        for lab, f in unproven:
            print(f"   {lab['quote'][:100]}\n   -> {f.evidence.url}: {f.evidence.passage[:200]}")
    if total["elsewhere"]:
        print(
            f"({total['elsewhere']} made-up quotes found where their words really stand,"
            " graded by that page's outlet)"
        )
    empty = sum(1 for _, _, n in sent if n == 0)
    print(
        f"\n{len(sent)} searches sent for {total['n']} quotes: {len(sent) / max(1, total['n']):.2f}"
        f" a quote, {empty} found nothing; check took {elapsed:.1f} s"
    )
    if translator is not None:
        done = Counter(f"{a}->{b}" for a, b, n in translated for _ in range(n))
        refused = Counter(f"{a}->{b}" for a, b, n in translated if not n)
        print(f"translator: texts translated {dict(done)}; requests refused {dict(refused)}")
    if args.show_errors:
        for g, case, verdict, quote, url, f in errors:
            why = f.reason[:160] if f else ""
            print(f"\n[{g}] {case} -> {verdict}: {quote}\n   {url}\n   {why}")
            if f and f.evidence and verdict in PASSING:
                print(f"   evidence {f.evidence.url}: {f.evidence.passage[:300]}")
            if f and f.sources:
                print(
                    "   tried "
                    + ", ".join(
                        ("*" if s.url == url else "") + s.url.rsplit("/", 1)[-1] for s in f.sources
                    )
                )
            for s in (f.searched if f else ())[:6]:
                print(f"   searched {s}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

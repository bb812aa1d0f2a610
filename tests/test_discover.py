import pytest

from citecheck.attribution import extract
from citecheck.discover import (
    candidates_for,
    canonical_url,
    distinctive_phrase,
    expected_language,
    links_near,
    load_sources_file,
    phrases,
    search_plan,
)
from citecheck.document import load_text
from citecheck.model import Attribution, Document, Link
from citecheck.outlets import default_registry, domain_language

QUOTE = "the harbour will reopen on Monday for all ships"


def make_doc(raw: str, links: dict[str, str]) -> Document:
    """A plain-text draft; `links` maps anchor text (first occurrence) to its URL."""
    paragraphs, at = [], 0
    for block in raw.split("\n\n"):
        paragraphs.append((at, at + len(block)))
        at += len(block) + 2
    spans = []
    for anchor, url in links.items():
        start = raw.index(anchor)
        spans.append(Link(url, anchor, (start, start + len(anchor))))
    return Document(
        path="draft.txt",
        raw=raw,
        text=raw,
        offsets=tuple(range(len(raw) + 1)),
        paragraphs=tuple(paragraphs),
        links=tuple(spans),
    )


def make_attr(doc: Document, quote: str = QUOTE, outlet: str | None = None, **kw) -> Attribution:
    start = doc.raw.index(quote)
    span = (start, start + len(quote))
    return Attribution("q1", quote, kw.pop("kind", "direct"), span, span, outlet=outlet, **kw)


DRAFT = (
    "Ships waited off the coast for a week. The port authority posted a notice on its site.\n\n"
    "The mayor said first on the radio that the city was ready. She then told El País that "
    f"“{QUOTE}.” Officials at the ministry confirmed it. A map is at the city portal.\n\n"
    "Unrelated paragraph far away. Weather details are on the forecast page."
)


@pytest.fixture
def doc() -> Document:
    return make_doc(
        DRAFT,
        {
            "on its site": "https://port.example.com/notice",
            "on the radio": "https://radio.example.net/live#t=10",
            "El País": "https://elpais.com/sociedad/2024/harbour.html?utm_source=tw",
            "ministry": "https://ministry.example.org/press/",
            "city portal": "https://city.example.org/map",
            "forecast page": "https://weather.example.com/",
        },
    )


def test_links_near_are_in_the_paragraph_and_adjacent_sentences(doc):
    near = [link.url for link, _ in links_near(doc, make_attr(doc))]
    assert "https://weather.example.com/" not in near
    assert "https://port.example.com/notice" not in near  # a paragraph away
    assert near[0].startswith("https://elpais.com/")  # nearest first
    distances = [d for _, d in links_near(doc, make_attr(doc))]
    assert distances == sorted(distances)


def test_links_near_reach_into_the_adjacent_paragraphs():
    raw = (
        "Old news. The notice is on the port site.\n\n"
        f"“{QUOTE},” the mayor said.\n\n"
        "Details are on the schedule page. Much more on the archive page."
    )
    doc = make_doc(
        raw,
        {
            "port site": "https://port.example.com/notice",
            "schedule page": "https://port.example.com/schedule",
            "archive page": "https://port.example.com/archive",
        },
    )
    near = {link.url for link, _ in links_near(doc, make_attr(doc))}
    assert near == {"https://port.example.com/notice", "https://port.example.com/schedule"}


def test_candidates_outlet_domain_first(doc):
    cands = candidates_for(doc, make_attr(doc, outlet="El País"))
    assert canonical_url(cands[0].url) == "https://elpais.com/sociedad/2024/harbour.html"
    assert cands[0].origin == "link" and cands[0].detail == "El País"
    assert all(c.rank > d.rank for c, d in zip(cands, cands[1:], strict=False))
    assert all(c.origin == "link" for c in cands)
    assert "https://weather.example.com/" not in {c.url for c in cands}


def test_candidates_outlet_domain_source_beats_other_links(doc):
    sources = ["https://www.elpais.com/other-story", "https://archive.example.net/a"]
    cands = candidates_for(doc, make_attr(doc, outlet="el pais"), sources=sources)
    urls = [canonical_url(c.url) for c in cands]
    assert urls[:2] == [
        "https://elpais.com/sociedad/2024/harbour.html",
        "https://www.elpais.com/other-story",
    ]
    assert urls[-1] == "https://archive.example.net/a"
    assert cands[-1].origin == "sources"


def test_candidates_without_outlet_keep_nearness_then_sources(doc):
    cands = candidates_for(doc, make_attr(doc), sources=["https://lists.example.org/x"])
    assert cands[0].url.startswith("https://elpais.com/") and cands[0].detail == ""
    assert [c.origin for c in cands][-1] == "sources"


def test_candidates_deduplicate_by_canonical_url(doc):
    sources = [
        "HTTPS://Ministry.Example.org:443/press?utm_campaign=x&fbclid=abc",
        "https://ministry.example.org/press#top",
        "https://radio.example.net/live",
    ]
    cands = candidates_for(doc, make_attr(doc), sources=sources)
    urls = [canonical_url(c.url) for c in cands]
    assert len(urls) == len(set(urls))
    assert urls.count("https://ministry.example.org/press") == 1
    kept = next(c for c in cands if canonical_url(c.url) == "https://ministry.example.org/press")
    assert kept.origin == "link"  # the better-ranked proposal wins
    assert kept.url == "https://ministry.example.org/press/"  # fetched as the draft wrote it
    assert all("#" not in c.url for c in cands)


def test_candidate_keeps_the_address_as_written():
    draft = load_text(
        "Mayor Ana Pell said “we are here to stay” ([source](https://example.com/a/b/?id=7)).",
        "d.md",
    )
    (attr,) = extract(draft)
    (cand,) = candidates_for(draft, attr)
    assert cand.url == "https://example.com/a/b/?id=7"


def test_candidates_cap_and_scare_quotes(doc):
    sources = [f"https://src.example.com/{i}" for i in range(20)]
    assert len(candidates_for(doc, make_attr(doc), sources=sources)) == 8
    assert len(candidates_for(doc, make_attr(doc), sources=sources, max_candidates=3)) == 3
    assert candidates_for(doc, make_attr(doc, kind="scare"), sources=sources) == []


def test_candidates_skip_relative_and_mailto_links():
    raw = f"She told the desk “{QUOTE}” (see notes and write)."
    doc = make_doc(raw, {"notes": "/notes.html", "write": "mailto:desk@example.com"})
    assert candidates_for(doc, make_attr(doc)) == []


@pytest.mark.parametrize(
    "url, canonical",
    [
        ("HTTPS://Example.COM/Path/", "https://example.com/Path"),
        ("http://example.com:80", "http://example.com/"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com/a?id=3&utm_source=x&UTM_Medium=y#frag", "https://example.com/a?id=3"),
        ("https://example.com/a?gclid=1&fbclid=2", "https://example.com/a"),
        ("https://example.com/a?q=a%20b&x=", "https://example.com/a?q=a%20b&x="),
    ],
)
def test_canonical_url(url, canonical):
    assert canonical_url(url) == canonical


def test_load_sources_file(tmp_path):
    path = tmp_path / "sources.txt"
    path.write_text(
        "# sources for the harbour story\n\nhttps://example.com/a\n"
        "  http://example.org/b#frag   # the council minutes\n",
        encoding="utf-8",
    )
    assert load_sources_file(path) == ["https://example.com/a", "http://example.org/b#frag"]


@pytest.mark.parametrize("bad", ["example.com/a", "ftp://example.com/a", "https://", "see notes"])
def test_load_sources_file_bad_line(tmp_path, bad):
    path = tmp_path / "sources.txt"
    path.write_text(f"https://example.com/a\n# ok\n{bad}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"sources.txt:3: not an http\(s\) URL"):
        load_sources_file(path)


def test_distinctive_phrase_stays_within_segments():
    quote = "the United States called the foreign relations minister to tell me. That was strange."
    phrase = distinctive_phrase(quote)
    assert 6 <= len(phrase.split()) <= 10
    assert "United States called the foreign relations minister" in phrase
    assert "." not in phrase
    # under six words a phrase is too common for the web: none is proposed
    assert distinctive_phrase("interim president") == ""
    omitted = distinctive_phrase("we view everything as a coup … but she will lead Bolivia")
    assert "coup but" not in omitted


def test_two_phrases_from_different_parts_so_one_changed_word_hides_neither_page():
    quote = (
        "The council will keep the Mill Lane footbridge shut until the spring, whatever it "
        "costs the traders of Westbank."
    )
    plain = quote.replace(",", "").rstrip(".")
    first, second = phrases(quote)
    a, b = sorted([(plain.index(p), plain.index(p) + len(p)) for p in (first, second)])
    assert a[1] < b[0]  # two parts of the quote, not overlapping
    assert all(6 <= len(p.split()) <= 10 for p in (first, second))
    # a draft that changed "spring" to "summer" still has one phrase the source holds
    changed = quote.replace("spring", "summer")
    assert any(p in plain for p in phrases(changed))


def test_no_phrase_runs_across_a_sentence_end():
    quote = "We will rebuild the bridge this year. Nobody in this town will be left behind."
    for p in phrases(quote):
        assert p in "We will rebuild the bridge this year" or p in (
            "Nobody in this town will be left behind"
        )


def test_search_plan_with_foreign_outlet_uses_names_numbers_and_dates():
    quote = "Evo Morales and Luis Arce met 300 union leaders in Cochabamba this week"
    raw = f"Morales told El País that “{quote}.”"
    doc = make_doc(raw, {})
    attr = make_attr(doc, quote, outlet="El País", speaker="Evo Morales")
    plan = search_plan(attr, default_registry())
    # the page holds a Spanish translation: no English phrase, but what survives translation
    assert not any('"' in q for q in plan)
    assert plan[0].startswith("site:elpais.com Morales ") and plan[0].endswith(" lang:es")
    assert "Cochabamba" in plan[0] and "300" in plan[0]
    assert "site:" not in plan[-1] and "Morales" in plan[-1]
    assert len(plan) <= 3
    assert expected_language(attr, default_registry()) == "es"


def test_search_plan_multi_domain_english_and_unknown_outlet():
    reg = default_registry()
    quote = "no statistical or evidentiary basis to dispute the vote count"
    doc = make_doc(f"CEPR found “{quote}.”", {})
    plan = search_plan(make_attr(doc, quote, outlet="CEPR"), reg)
    assert plan[0].startswith('site:cepr.net "statistical or evidentiary basis to dispute')
    assert any(not q.startswith("site:") and q.startswith('"') for q in plan)  # then anywhere
    twitter = search_plan(make_attr(doc, quote, outlet="tweet"), reg)
    assert twitter[0].startswith("(site:twitter.com OR site:x.com) ")
    assert expected_language(make_attr(doc, quote, outlet="tweet"), reg) is None
    unknown = make_attr(doc, quote, outlet="Daily Planet", language="fr")
    assert expected_language(unknown, reg) == "fr"
    assert not any("site:" in q for q in search_plan(unknown, reg))
    assert search_plan(make_attr(doc, quote, kind="scare"), reg) == ()


@pytest.mark.parametrize(
    "domain, language",
    [
        ("es.euronews.com", "es"),  # a language as the first label
        ("pt.news.example", "pt"),
        ("lanacion.com.ar", "es"),  # a country code
        ("spiegel.de", "de"),
        ("news.example.com", None),
        ("www.example.org", None),
    ],
)
def test_the_language_a_domain_gives(domain, language):
    assert domain_language(domain) == language


def test_an_outlet_known_by_its_domain_only_gets_its_language_from_the_domain():
    from citecheck.outlets import Outlet, Registry

    reg = Registry([Outlet("ru.news.example", ("ru.news.example",), "digital")])
    quote = "Ryabkov said 12 diplomats would leave"
    attr = make_attr(make_doc(f"“{quote}”", {}), quote, outlet="ru.news.example")
    assert expected_language(attr, reg) == "ru"


def test_drafts_planned_in_several_threads_share_the_link_index_safely():
    """`citecheck batch` plans drafts in several threads of one worker; the table of link
    indexes is shared, and a race in it cost an article its findings."""
    import sys
    from concurrent.futures import ThreadPoolExecutor

    from citecheck.discover.links import _index

    text = "Ada Quill said: “The pier will reopen.” [link](https://example.com/a)\n\n" * 10

    def plan(i: int) -> int:
        for _ in range(30):
            doc = load_text(text, f"d{i}.md", "markdown")
            assert _index(doc).links  # the draft's own links, never another's
        return i

    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, as a busy worker does
    try:
        with ThreadPoolExecutor(8) as pool:
            assert sorted(pool.map(plan, range(32))) == list(range(32))
    finally:
        sys.setswitchinterval(before)

import re

import pytest

from citecheck.outlets import KINDS, Registry, default_registry

SEED = "seeds/000_2425c39e6c4ac482.txt"


@pytest.fixture(scope="module")
def reg() -> Registry:
    return default_registry()


def names(reg: Registry, text: str) -> list[tuple[str, str]]:
    return [(o.name, text[s:e]) for o, (s, e) in reg.find_in(text)]


def test_registry_is_large_and_well_formed(reg):
    assert len(reg) >= 50
    assert len({o.name for o in reg}) == len(reg)
    for o in reg:
        assert o.domains, o.name
        for d in o.domains:
            assert re.fullmatch(r"([a-z0-9-]+\.)+[a-z]{2,}", d), (o.name, d)
        assert o.language is None or re.fullmatch(r"[a-z]{2}", o.language), o.name
        assert o.country is None or re.fullmatch(r"[A-Z]{2}", o.country), o.name
        assert o.kind in KINDS, o.name


def test_default_registry_is_cached():
    assert default_registry() is default_registry() is Registry.load()


@pytest.mark.parametrize(
    "name, expected, language, kind",
    [
        ("El País", "El País", "es", "newspaper"),
        ("Infobae", "Infobae", "es", "digital"),
        ("CEPR", "Center for Economic and Policy Research", "en", "think_tank"),
        (
            "Center for Economic and Policy Research",
            "Center for Economic and Policy Research",
            "en",
            "think_tank",
        ),
        ("Twitter", "Twitter", None, "platform"),
        ("tweet", "Twitter", None, "platform"),
        ("X", "Twitter", None, "platform"),
        ("TASS", "TASS", "ru", "agency"),
        (
            "Russian Foreign Ministry",
            "Ministry of Foreign Affairs of the Russian Federation",
            "ru",
            "government",
        ),
        ("Página Siete", "Página Siete", "es", "newspaper"),
    ],
)
def test_find_the_seeds_outlets(reg, name, expected, language, kind):
    outlet = reg.find(name)
    assert outlet is not None and outlet.name == expected
    assert (outlet.language, outlet.kind) == (language, kind)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("el pais", "El País"),
        ("EL PAÍS", "El País"),
        ("  El  Pais ", "El País"),
        ("AP", "Associated Press"),
        ("the Associated Press", "Associated Press"),
        ("NYT", "The New York Times"),
        ("New York Times", "The New York Times"),
        ("the guardian", "The Guardian"),
        ("Al-Jazeera", "Al Jazeera"),
        ("Folha de S. Paulo", "Folha de S.Paulo"),
        ("la razon", "La Razón"),
        ("ABC", "ABC"),
        ("ABC News", "ABC News"),
        ("elpais.com", "El País"),
        ("english.elpais.com", "El País"),
    ],
)
def test_find_aliases_case_accents_article(reg, name, expected):
    assert reg.find(name).name == expected


def test_find_unknown(reg):
    assert reg.find("The Daily Planet") is None
    assert reg.find("") is None


def test_find_in_the_seed(reg):
    with open(SEED, encoding="utf-8") as f:
        text = f.read()
    found = {name for name, _ in names(reg, text)}
    assert {"El País", "Infobae", "Center for Economic and Policy Research", "Twitter"} <= found
    assert ("Infobae", "Infobae") in names(reg, "The Argentine daily Infobae reported")
    assert names(reg, "In recounting his escape to El País, Morales") == [("El País", "El País")]


def test_find_in_spans_and_longest_first(reg):
    text = "He told ABC News, then ABC and The New York Times; the Hill staff."
    assert names(reg, text) == [
        ("ABC News", "ABC News"),
        ("ABC", "ABC"),
        ("The New York Times", "The New York Times"),
    ]
    assert names(reg, "a story in the New York Times") == [
        ("The New York Times", "the New York Times")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "I looked at a map of the report.",
        "He was rapt, a part of the art.",
        "We went up the hill. Capitol Hill aides said so.",
        "They sailed across the Atlantic in good time.",
        "la razón de su renuncia y el país entero",
        "Opinion polls were wrong.",
        "Michael Bloomberg said so.",
        "Malcolm X spoke.",
    ],
)
def test_find_in_no_false_hits(reg, text):
    assert names(reg, text) == []


def test_find_in_ambiguous_names_mid_sentence(reg):
    assert names(reg, "a senator told The Hill on Monday") == [("The Hill", "The Hill")]
    assert names(reg, "as reported by Bloomberg on Friday") == [("Bloomberg", "Bloomberg")]
    assert names(reg, "in an interview with Opinión, he said") == [("Opinión", "Opinión")]


def test_find_in_all_caps_and_accents(reg):
    assert names(reg, "SEGÚN EL PAIS Y AFP") == [
        ("El País", "EL PAIS"),
        ("Agence France-Presse", "AFP"),
    ]
    decomposed = "told El Pai\u0301s that"
    assert names(reg, decomposed) == [("El País", "El Pai\u0301s")]


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://elpais.com/internacional/2019/11/13/x.html", "El País"),
        ("https://english.elpais.com/x", "El País"),
        ("http://WWW.BBC.CO.UK:80/news", "BBC"),
        ("https://mobile.twitter.com/jeanine_anez/status/1", "Twitter"),
        ("https://x.com/a/status/1", "Twitter"),
        ("https://oglobo.globo.com/mundo/x", "O Globo"),
        ("https://g1.globo.com/mundo/x", "TV Globo"),
        ("https://cepr.net/report/", "Center for Economic and Policy Research"),
        (
            "https://www.mid.ru/en/foreign_policy/news/",
            "Ministry of Foreign Affairs of the Russian Federation",
        ),
        ("tass.com/world/1", "TASS"),
    ],
)
def test_for_url(reg, url, expected):
    assert reg.for_url(url).name == expected


@pytest.mark.parametrize(
    "url", ["https://example.com/elpais.com", "https://notelpais.com/", "not a url", ""]
)
def test_for_url_unknown(reg, url):
    assert reg.for_url(url) is None


def test_owns(reg):
    elpais = reg.find("El País")
    assert elpais.owns("https://brasil.elpais.com/x")
    assert not elpais.owns("https://elpais.com.example.net/x")


def test_user_file_extends_and_overrides(tmp_path):
    extra = tmp_path / "outlets.toml"
    extra.write_text(
        """
[[outlet]]
name = "Daily Bugle"
aliases = ["The Bugle"]
domains = ["dailybugle.example.com"]
language = "en"
kind = "newspaper"

[[outlet]]
name = "El País"
domains = ["elpais.example.org"]
language = "es"
kind = "newspaper"
""",
        encoding="utf-8",
    )
    reg = Registry.load(extra)
    assert reg.find("the bugle").name == "Daily Bugle"
    assert reg.for_url("https://www.dailybugle.example.com/a").name == "Daily Bugle"
    assert reg.find("El Pais").domains == ("elpais.example.org",)
    assert reg.for_url("https://elpais.com/x") is None
    assert len(reg) == len(default_registry()) + 1
    assert names(reg, "told the Daily Bugle") == [("Daily Bugle", "Daily Bugle")]


@pytest.mark.parametrize(
    "content, problem",
    [
        ("[[outlet]\nname = 'x'", "invalid TOML"),
        ("[[outlet]]\nname = 'X Times'\ndomains = ['https://x.com']\nkind = 'newspaper'", "domain"),
        ("[[outlet]]\nname = 'X Times'\ndomains = ['x.com']\nkind = 'blog'", "kind"),
        (
            "[[outlet]]\nname = 'X'\ndomains = ['x.com']\nkind = 'newspaper'\nlanguage = 'eng'",
            "ISO 639",
        ),
        ("[[outlet]]\ndomains = ['x.com']\nkind = 'newspaper'", "'name'"),
        ("[[outlet]]\nname = 'X'\ndomain = ['x.com']\nkind = 'newspaper'", "unknown field"),
        ("outlets = []", "unknown top-level key"),
        (
            "[[outlet]]\nname='A'\ndomains=['a.com']\nkind='agency'\n"
            "[[outlet]]\nname='B'\naliases=['a']\ndomains=['b.com']\nkind='agency'",
            "both A and B",
        ),
    ],
)
def test_malformed_user_file(tmp_path, content, problem):
    extra = tmp_path / "bad.toml"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError) as info:
        Registry.load(extra)
    message = str(info.value)
    assert str(extra) in message and problem in message and "\n" not in message


def test_missing_user_file(tmp_path):
    with pytest.raises(ValueError, match="cannot read"):
        Registry.load(tmp_path / "nope.toml")


# --- listed news domains (outlets_listed.tsv, built by scripts/build_outlets.py) ---------------

LISTED = "# comment\nbugle.example.net\tes\tAR\tnews\nwire.example.org\tde\t\ttech\n"


def test_thousands_of_news_domains_with_languages_and_their_provenance(reg):
    from importlib import resources

    assert len(reg.listed) >= 3000
    with_language = [o for o in reg.listed.values() if o.language]
    assert len(with_language) >= 0.95 * len(reg.listed)
    assert len({o.language for o in with_language}) >= 30
    header = resources.files("citecheck").joinpath("outlets_listed.tsv").read_text("utf-8")
    assert "scripts/build_outlets.py" in header and "Permission is hereby granted" in header
    for domain, outlet in reg.listed.items():  # a curated domain is never shadowed
        assert reg.for_url(f"https://{domain}/") is outlet


def test_a_listed_domain_gives_the_language_of_a_link_and_a_mention():
    from citecheck.outlets import parse_listed

    curated = default_registry().outlets
    reg = Registry(curated, parse_listed(LISTED, "x.tsv"))
    bugle = reg.for_url("https://news.bugle.example.net/2019/11/a.html")
    assert (bugle.name, bugle.language, bugle.country) == ("bugle.example.net", "es", "AR")
    assert reg.find("wire.example.org").language == "de"
    text = "She told bugle.example.net, not El País; mail me at a@wire.example.org."
    assert names(reg, text) == [
        ("bugle.example.net", "bugle.example.net"),
        ("El País", "El País"),
    ]


def test_a_listed_site_is_found_by_the_name_its_domain_spells(reg):
    """The listed domains carry no display name: "The Sun" is the site thesun.co.uk spells."""
    sun = reg.by_site_name("The Sun")
    assert "thesun.co.uk" in sun.domains and sun.name == "The Sun" and sun.language == "en"
    assert "hindustantimes.com" in reg.by_site_name("Hindustan Times").domains
    assert reg.by_site_name("Sun").domains == sun.domains  # "the" either way
    assert reg.by_site_name("Mr Harbour") is None and reg.by_site_name("BB") is None


def test_a_curated_outlet_wins_over_a_listed_domain():
    from citecheck.outlets import parse_listed

    listed = parse_listed("elpais.com\ten\tUS\tnews\n", "x.tsv")
    reg = Registry(default_registry().outlets, listed)
    assert reg.for_url("https://elpais.com/x").name == "El País"
    assert reg.listed == {}


@pytest.mark.parametrize(
    "line", ["not a domain\ten", "bugle.example.net\tspanish", "a.example\ten\tar"]
)
def test_a_bad_listed_line_is_one_clear_error(line):
    from citecheck.outlets import parse_listed

    with pytest.raises(ValueError, match=r"^x\.tsv:1: expected domain"):
        parse_listed(line, "x.tsv")


@pytest.mark.parametrize(
    "domain, language",
    [
        ("noticias-ejemplo.es", "es"),  # one language in the country: its language
        ("folha-exemplo.com.br", "pt"),
        ("example-news.co.uk", "en"),
        ("vesti-primer.ru", "ru"),
        ("nieuws-voorbeeld.be", None),  # Dutch, French and German: not guessed
        ("example-daily.com", None),  # a generic domain says nothing of its language
        ("example.io", None),  # a country code used worldwide as a generic one
        ("es.news.example", "es"),  # a language as the first label; .example for fixtures
    ],
)
def test_a_domain_the_registry_lacks_is_an_outlet_with_its_countrys_language(domain, language):
    outlet = default_registry().find(domain)
    assert (outlet.name, outlet.domains, outlet.language) == (domain, (domain,), language)


def test_a_domain_named_in_text_is_an_outlet_but_a_file_name_is_not(reg):
    text = "She told noticias-ejemplo.es on Monday; the notes are in minutes.txt and a.pdf."
    assert names(reg, text) == [("noticias-ejemplo.es", "noticias-ejemplo.es")]
    assert reg.find("minutes.txt") is None

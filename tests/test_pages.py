"""Page bytes to text: main text out of boilerplate, charsets that lie, PDFs, and what is not text.
Pure functions: no server, no network."""

from __future__ import annotations

import gzip
import json

import pytest
from faultserver import UTF8_TEXT, tiny_pdf

from citecheck.fetch.pages import decode_text, parse_page

ARTICLE = [
    "Tamblewick Town Council voted on Tuesday to close the Mill Lane footbridge over the River "
    "Tamble, saying an engineer's report had found one of its piers beyond repair.",
    "“We cannot ask people to cross a bridge we would not cross ourselves,” said Maren Oakshott, "
    "the council leader, after the vote.",
    "Residents of Westbank, on the far side of the river, face a detour of almost two miles until "
    "a replacement is built, which the council expects to take eighteen months.",
    "The fictional ferry will carry pedestrians while the footbridge is shut, the council said.",
]

BOILERPLATE = """
<header><div class="logo">The Example Gazette</div>
<ul class="menu"><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></header>
<div class="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies?</p>
<button>Accept</button></div>
<aside class="sidebar"><h3>Most read</h3><ul>
<li><a href="/a">Local bakery wins award</a></li><li><a href="/b">Road closures this week</a></li>
<li><a href="/c">Letters to the editor</a></li></ul>
<div class="newsletter"><p>Subscribe to our newsletter</p><form><input name="email"></form></div>
</aside>
"""


def article_html(paragraphs=ARTICLE, *, lang="en", extra_head="") -> bytes:
    ps = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!doctype html><html lang="{lang}"><head><meta charset="utf-8">
<title>Council votes to close footbridge | The Example Gazette</title>
<meta property="og:title" content="Council votes to close Mill Lane footbridge">
<meta property="article:published_time" content="2025-03-11T18:02:00Z">{extra_head}
<script>window.analytics = {{"track": "pageview"}};</script>
<style>body {{ font-family: serif; }}</style>
</head><body>{BOILERPLATE}
<main><article><h1>Council votes to close Mill Lane footbridge</h1>
<p class="byline">By Fixture Reporter</p>
{ps}
</article></main>
<footer><p>© The Example Gazette.
Fixture page written for citecheck tests; not a real news story.</p>
<ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul></footer>
</body></html>""".encode()


def test_main_text_keeps_paragraphs_and_drops_boilerplate():
    page = parse_page("https://www.example.com/news/bridge", article_html(), "text/html")
    assert page.status == "ok", page.reason
    paragraphs = page.text.split("\n\n")
    for p in ARTICLE:
        assert p in paragraphs  # each paragraph whole, on its own
    order = [page.text.index(p) for p in ARTICLE]
    assert order == sorted(order)
    for junk in ("Accept all cookies", "Subscribe to our newsletter", "Local bakery", "analytics"):
        assert junk not in page.text
    assert page.title == "Council votes to close Mill Lane footbridge"
    assert page.date == "2025-03-11"
    assert page.language == "en"
    assert page.final_url == page.url and page.http_status == 200


def test_invisible_characters_and_odd_spaces_are_cleaned():
    soft = ["The foot\u00adbridge\u200b closed\u00a0on   Tuesday, the fictional council said so."]
    page = parse_page("https://www.example.com/x", article_html(soft + ARTICLE[1:]), "text/html")
    assert "The footbridge closed on Tuesday, the fictional council said so." in page.text


@pytest.mark.parametrize(
    "head, body",
    [
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2024-06-02T08:00:00Z"}</script>',
            "",
        ),
        ("", '<p class="byline">Fixture Reporter, <time datetime="2024-06-02">2 June</time></p>'),
    ],
    ids=["json-ld", "time-element"],
)
def test_date_comes_from_markup_when_meta_tags_give_none(head, body):
    html = (
        f"<!doctype html><html><head><title>Fixture</title>{head}</head><body><article>"
        f"<h1>Ferry timetable changes</h1>{body}<p>{ARTICLE[3]}</p><p>{ARTICLE[2]}</p>"
        "</article></body></html>"
    )
    page = parse_page("https://www.example.com/ferry", html.encode(), "text/html")
    assert page.status == "ok"
    assert page.date == "2024-06-02"
    assert "datePublished" not in page.text  # the JSON-LD script is not article text


def test_language_comes_from_the_html_lang_attribute():
    page = parse_page("https://x.example.org/", article_html(lang="es-ES"), "text/html")
    assert page.language == "es"


def test_utf8_body_with_a_latin1_header_is_not_garbled():
    body = f"<html><body><p>{UTF8_TEXT}</p></body></html>".encode()
    page = parse_page("https://www.example.com/x", body, "text/html; charset=iso-8859-1")
    assert page.status == "ok"
    assert UTF8_TEXT in page.text
    assert "Ã" not in page.text


def test_cp1252_body_with_a_utf8_header_is_not_garbled():
    words = "Zoë said the café’s “bridge fund” had raised £4,000 — and counting, for the river."
    body = f"<html><body><p>{words}</p></body></html>".encode("cp1252")
    page = parse_page("https://www.example.com/x", body, "text/html; charset=utf-8")
    assert page.status == "ok"
    assert words in page.text


def test_meta_charset_is_used_when_the_header_has_none():
    words = "Ærø Street café; São Tomé’s “fixture” reporter — naïve façade"
    body = (
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>"
        f"</head><body><p>{words}</p></body></html>"
    ).encode("cp1252")
    page = parse_page("https://www.example.com/x", body, "text/html")
    assert words in page.text


@pytest.mark.parametrize(
    "body, declared, text",
    [
        (b"plain ascii", None, "plain ascii"),
        ("\ufeffBOM first".encode(), "iso-8859-1", "BOM first"),
        ("Zoë".encode("utf-16"), None, "Zoë"),
        ("Zoë".encode(), "latin-1", "Zoë"),  # clean UTF-8 wins over the label
        ("café “x”".encode("cp1252"), "iso-8859-1", "café “x”"),  # latin-1 read as cp1252
        ("naïve".encode("latin-1"), "no-such-charset", None),  # falls through to detection
    ],
)
def test_decode_text(body, declared, text):
    got = decode_text(body, declared)
    if text is None:
        assert got and "\x00" not in got
    else:
        assert got == text


def test_pdf_text_and_title():
    pdf = tiny_pdf("Fixture report: the footbridge pier is beyond patching.")
    page = parse_page("https://www.example.org/report.pdf", pdf, "application/pdf")
    assert page.status == "ok", page.reason
    assert "the footbridge pier is beyond patching." in page.text
    assert page.title == "Fixture report"


def test_pdf_is_sniffed_when_the_type_is_generic():
    pdf = tiny_pdf("Sniffed by its magic bytes.")
    page = parse_page("https://www.example.org/download?id=7", pdf, "application/octet-stream")
    assert page.status == "ok" and "Sniffed by its magic bytes." in page.text


def test_a_broken_pdf_is_an_error_not_an_exception():
    page = parse_page("https://www.example.org/r.pdf", b"%PDF-1.4\nthis is not a pdf", None)
    assert page.status in ("error", "empty")
    assert page.reason


@pytest.mark.parametrize(
    "body, ctype",
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "image/png"),
        (bytes(range(256)) * 4, "application/octet-stream"),
        (gzip.compress(b"hello"), "application/zip"),
        (b"\x00\x01binary\x00", None),
        (b"GIF89a....", "application/x-unknown"),
    ],
)
def test_not_text(body, ctype):
    page = parse_page("https://www.example.com/file", body, ctype)
    assert page.status == "not_text"
    assert not page.text and "not text" in page.reason


def test_plain_text_keeps_paragraphs():
    body = b"First paragraph line.\n\nSecond   paragraph.\r\n"
    page = parse_page("https://www.example.com/t.txt", body, "text/plain; charset=utf-8")
    assert page.status == "ok" and page.text == "First paragraph line.\n\nSecond paragraph."


def test_json_is_read_as_text():
    body = json.dumps({"statement": "The ferry runs every twenty minutes."}).encode()
    page = parse_page("https://api.example.com/s", body, "application/json")
    assert page.status == "ok" and "The ferry runs every twenty minutes." in page.text


def test_html_without_a_content_type_is_sniffed():
    page = parse_page("https://www.example.com/x", article_html(), None)
    assert page.status == "ok" and ARTICLE[0] in page.text


def test_an_empty_page_is_empty():
    page = parse_page("https://www.example.com/x", b"<html><body>  </body></html>", "text/html")
    assert page.status == "empty" and page.reason


def test_content_language_header_is_a_fallback():
    body = b"<html><body><p>" + ARTICLE[0].encode() + b"</p></body></html>"
    page = parse_page("https://x.example.org/", body, "text/html", content_language="en-GB")
    assert page.language == "en"

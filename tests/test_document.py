"""Loading drafts: text reassembled for analysis, every span still an offset into the file."""

from __future__ import annotations

import json
import os

import pytest
from conftest import SEED

from citecheck.attribution import extract
from citecheck.document import InputError, load, load_text


def _roundtrip_ok(doc) -> None:
    """Every analysis character maps to an input character that it copies or stands for."""
    for i, ch in enumerate(doc.text):
        raw = doc.raw[doc.offsets[i]]
        assert ch == raw or (ch.isspace() and raw.isspace()) or ch == " ", (i, ch, raw)


def test_pdf_paste_is_rejoined_into_sentences_and_keeps_offsets():
    doc = load(SEED)
    _roundtrip_ok(doc)
    # lines broken by the PDF (with blank lines between) come back as one sentence
    assert "an indigenous worker in El Alto told a reporter" in doc.text
    assert doc.text.startswith("Popular resistance mounts against Bolivian coup\n\n")
    start = doc.text.index("the rule of law will be used")
    end = start + len("the rule of law will be used")
    s, e = doc.raw_span(start, end)
    assert doc.raw[s:e] == "the rule of law will be used"


def test_quote_across_a_pdf_page_break_stays_in_one_paragraph():
    doc = load(SEED)
    i = doc.text.index("security…")
    para = next(p for p in doc.paragraphs if p[0] <= i < p[1])
    assert "All those in sedition will go to jail" in doc.text[para[0] : para[1]]


@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_a_word_split_at_a_line_end_is_one_word_again(gap):
    lines = [
        f"Line {i} of a long report on the harbour, wrapped by the printer and" for i in range(8)
    ]
    raw = gap.join(
        [*lines, "“Nobody lis-", "tened,” Ada Quill said of the well-", "known warnings."]
    )
    doc = load_text(raw, "x.txt", "text")
    _roundtrip_ok(doc)
    assert "“Nobody lis-tened,” Ada Quill said of the well-known warnings." in doc.text


def test_plain_text_with_real_paragraphs_keeps_them():
    doc = load_text("First paragraph here.\nIt wraps.\n\nSecond one.\n", "x.txt", "text")
    assert doc.text == "First paragraph here. It wraps.\n\nSecond one."
    assert len(doc.paragraphs) == 2


def test_markdown_links_are_harvested_and_syntax_stripped():
    raw = (
        "# Title\n\nThe mayor told [Example Daily](https://news.example.org/a?x=1) "
        "that **“all is well,”** see <https://example.com/b> and https://example.net/c.\n"
        "<!-- a comment -->\n"
    )
    doc = load_text(raw, "d.md")
    assert doc.format == "markdown"
    assert "The mayor told Example Daily that “all is well,” see" in doc.text
    assert "comment" not in doc.text and "**" not in doc.text and "#" not in doc.text
    urls = [lk.url for lk in doc.links]
    assert urls == [
        "https://news.example.org/a?x=1",
        "https://example.com/b",
        "https://example.net/c",
    ]
    first = doc.links[0]
    assert raw[first.span[0] : first.span[1]].startswith("[Example Daily](")
    _roundtrip_ok(doc)


def test_html_text_links_and_entities_map_back():
    raw = (
        "<html><head><title>t</title><script>var x='“no”';</script></head><body>"
        "<p>The clerk said &ldquo;we&nbsp;will <b>reopen</b>&rdquo;.</p>"
        '<p>See <a href="https://example.com/story">the story</a>.</p></body></html>'
    )
    doc = load_text(raw, "d.html")
    assert "The clerk said “we\xa0will reopen”." in doc.text
    assert "var x" not in doc.text
    assert doc.links[0].url == "https://example.com/story"
    assert doc.links[0].text == "the story"
    i = doc.text.index("reopen")
    assert raw[doc.offsets[i] : doc.offsets[i] + 6] == "reopen"


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("x.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        ("x.txt", "\ufeffa\x00\x00b".encode("utf-16-le"), "binary"),  # a BOM is no free pass
        ("x.txt", b"\xff\xfeab\x00", "UTF-16"),  # an odd byte count after a UTF-16 BOM
        # an empty export is more often a mistake than a draft: say so rather than pass it
        ("x.txt", b"", "empty"),
        ("x.md", b"  \n\n \t\n", "empty"),
        ("report.pdf", b"%PDF-1.7\n1 0 obj\n", "PDF"),
        ("report.txt", b"%PDF-1.7\n1 0 obj\n", "PDF"),
    ],
)
def test_unreadable_input_is_refused_cleanly(tmp_path, name, data, message):
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(InputError, match=message) as err:
        load(p)
    assert str(p) in str(err.value) and "\n" not in str(err.value)


def test_devices_and_pipes_are_refused_without_reading_them(tmp_path):
    with pytest.raises(InputError, match="not a regular file"):
        load("/dev/zero")  # would never end if read
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "draft.md"
        os.mkfifo(fifo)
        with pytest.raises(InputError, match="not a regular file"):
            load(fifo)  # would block forever if opened


def test_an_oversized_draft_is_refused_after_reading_one_byte_past_the_cap(tmp_path, monkeypatch):
    import citecheck.document as document

    monkeypatch.setattr(document, "MAX_DRAFT_BYTES", 1000)
    p = tmp_path / "big.txt"
    p.write_text("The fictional council met. " * 200)  # 5,400 bytes
    with pytest.raises(InputError, match="larger than"):
        load(p)


def test_missing_file_and_directory_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load(tmp_path / "nope.md")
    with pytest.raises(InputError, match="directory"):
        load(tmp_path)


def test_latin1_draft_is_decoded(tmp_path):
    p = tmp_path / "old.txt"
    p.write_bytes("El alcalde dijo “sí” en la reunión de la mañana.".encode("cp1252"))
    assert "reunión" in load(p).text


def test_raw_html_in_markdown_is_markup_not_quotes():
    """CMS exports put HTML in Markdown: attribute values are not prose, anchors are links."""
    raw = (
        "The fictional council met.\n\n"
        '<img src="pier.png" alt="The east pier seen from the weir">\n\n'
        '<a href="https://news.example.org/budget?y=1&amp;p=2" title="Budget figures for the '
        'year">the <b>budget</b></a> was tabled.\n\n'
        '<script>var label = "a quoted string in code";</script>\n\n'
        "“We will rebuild the bridge,” said Ada Quill, <em>the mayor</em>, to "
        "<a href=https://news.example.org/quill>Example Daily</a>.\n"
    )
    doc = load_text(raw, "d.md", "markdown")
    quotes = [a.quote for a in extract(doc)]
    assert quotes == ["We will rebuild the bridge,"]
    assert "the budget was tabled." in doc.text and "<" not in doc.text
    assert "alt=" not in doc.text and "var label" not in doc.text
    assert [(link.url, link.text) for link in doc.links] == [
        ("https://news.example.org/budget?y=1&p=2", "the budget"),
        ("https://news.example.org/quill", "Example Daily"),
    ]
    i = doc.text.index("the mayor")
    assert raw[doc.offsets[i] : doc.offsets[i] + 9] == "the mayor"  # offsets still map back


def _stray_byte_draft(tmp_path):
    """UTF-8 text with one Windows-1252 byte pasted in ("café" as 0xE9): the shape that used
    to be read as Cyrillic, leaving no quote marks to find."""
    head = "Fixture draft. “The ferry will sail again in May,” said Ada Quill, the café owner. "
    tail = "“We have waited long enough,” she told the Example Courier."
    return head.encode() + b"Caf\xe9 regulars agreed. " + tail.encode()


def test_a_stray_latin1_byte_in_utf8_is_repaired_with_a_warning(tmp_path):
    p = tmp_path / "draft.txt"
    p.write_bytes(_stray_byte_draft(tmp_path))
    doc = load(p)
    assert "Café regulars" in doc.text and "“The ferry" in doc.text
    assert [a.quote for a in extract(doc)] == [
        "The ferry will sail again in May,",
        "We have waited long enough,",
    ]
    assert len(doc.warnings) == 1 and "1 byte that is not UTF-8" in doc.warnings[0]
    assert str(p) in doc.warnings[0]


def test_the_stray_byte_warning_reaches_stderr_and_json(tmp_path):
    from click.testing import CliRunner

    from citecheck.cli import main

    p = tmp_path / "draft.txt"
    p.write_bytes(_stray_byte_draft(tmp_path))
    result = CliRunner().invoke(main, ["extract", str(p), "--format", "json"])
    assert result.exit_code == 0
    assert "citecheck: warning:" in result.stderr and "Windows-1252" in result.stderr
    doc = json.loads(result.stdout)["documents"][0]
    assert len(doc["attributions"]) == 2 and "Windows-1252" in doc["warnings"][0]


def test_a_clean_utf8_draft_has_no_warning(tmp_path):
    p = tmp_path / "draft.md"
    p.write_text("“Café au lait,” said Ada Quill.", encoding="utf-8")
    assert load(p).warnings == ()


@pytest.mark.parametrize("size", [3_000, 1_300_000])  # below and past the offset table's cap
def test_every_character_of_a_long_draft_maps_back_to_its_offset(size):
    para = "The council met on Monday.   It voted  against the plan.\n"
    raw = (para * (size // len(para) + 1))[:size]
    doc = load_text(raw, "long.txt", "text")
    for word in ("council", "voted"):
        at = doc.text.rfind(word)
        start, end = doc.raw_span(at, at + len(word))
        assert raw[start:end] == word
    assert len(doc.offsets) == len(doc.text) + 1

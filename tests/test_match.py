"""The matcher's grades on invented text: what an editor needs to see for each kind of quote."""

import pytest

from citecheck.match import match_quote, prepare_page

PAGE = (
    "Tidewater, Tuesday. The harbour board met for three hours on Monday night.\n\n"
    "“We will not raise the ferry fares this winter,” said Mara Quill, the board's chair. "
    "She added that the new e-mail system, which is well-known to the crews, would cut costs "
    "by 4 per cent. The colour of the boats doesn't matter, she said.\n"
    "Residents of Lower Fenwick have complained about the night crossings for years."
)


@pytest.fixture(scope="module")
def page():
    return prepare_page(PAGE)


def grade(quote, page):
    return match_quote(quote, page, url="https://example.test/ferry")


def test_verbatim_is_exact_with_passage_from_the_page(page):
    m = grade("We will not raise the ferry fares this winter", page)
    assert m.grade == "exact" and m.score == 1.0
    assert m.passage == "We will not raise the ferry fares this winter"
    assert PAGE[m.passage_span[0] : m.passage_span[1]] == m.passage
    assert m.diff == (("=", "We will not raise the ferry fares this winter"),)
    assert m.url == "https://example.test/ferry"


def test_plain_text_page_is_accepted():
    assert match_quote("the harbour board met", PAGE).grade == "exact"


@pytest.mark.parametrize(
    "quote",
    [
        '"We will not raise the ferry fares this winter," said Mara Quill',  # straight quotes
        "we will not raise the ferry fares  this winter.",  # case, double space, final stop
        "We will not raise the ferry fares this winter, said Mara Quill, the board’s chair",
        "She added that the new e-mail system,\nwhich is well—known to the crews",  # newline, dash
    ],
)
def test_typography_is_exact(quote, page):
    assert grade(quote, page).grade == "exact"


def test_fragment_is_exact(page):
    m = grade("raise the ferry fares", page)
    assert m.grade == "exact" and m.passage == "raise the ferry fares"


@pytest.mark.parametrize("mark", ["…", "...", "[...]", "[…]"])
def test_marked_omission_is_exact_and_shows_what_it_leaves_out(mark, page):
    m = grade(f"The harbour board met {mark} on Monday night", page)
    assert m.grade == "exact"
    assert ("-", "for three hours") in m.diff


def test_omission_across_sentences(page):
    m = grade("We will not raise the ferry fares … The colour of the boats doesn't matter", page)
    assert m.grade == "exact"


def test_ellipsis_parts_out_of_order_is_not_exact(page):
    m = grade("the ferry fares this winter … we will not raise", page)
    assert m.grade == "altered"
    assert "order" in m.reason


def test_ellipsis_that_hides_a_negation_is_altered(page):
    m = grade("We will … raise the ferry fares this winter", page)
    assert m.grade == "altered"
    assert "negation" in m.reason


@pytest.mark.parametrize(
    "quote, inserted",
    [
        ("The colour of the boats doesn't [sic] matter", "[sic]"),
        ("[The chair] added that the new e-mail system", "[The chair]"),
    ],
)
def test_bracketed_insertion_is_ignored(quote, inserted, page):
    m = grade(quote, page)
    assert m.grade == "exact"
    assert ("+", inserted) in m.diff


def test_bracket_replacing_a_pronoun_is_exact(page):
    m = grade("the board's chair. [Quill] added that the new e-mail system", page)
    assert m.grade == "exact"
    assert ("-", "She") in m.diff and ("+", "[Quill]") in m.diff


def test_bracket_does_not_excuse_other_changes(page):
    assert grade("[Quill] added that the new e-mail system would cut costs", page).grade != "exact"


def test_bracket_cannot_replace_a_negation(page):
    m = grade("We will [certainly] raise the ferry fares", page)
    assert m.grade == "altered" and "negation" in m.reason


def test_first_letter_unwrapped_bracket(page):
    assert grade("[T]he new e-mail system", page).grade == "exact"


def test_punctuation_only_is_close(page):
    m = grade("She added that the new e-mail system which is well-known to the crews", page)
    assert m.grade == "close" and m.score < 1
    assert "punctuation" in m.reason


@pytest.mark.parametrize(
    "quote, page_side, quote_side",
    [
        ("the new e-mail system which is well-known", "system, which", "system which"),
        ("the new e-mail System, which is well-known", "system,", "System,"),
    ],
)
def test_close_diff_shows_the_punctuation_or_case_that_differs(quote, page_side, quote_side, page):
    """A "close" verdict must show the reader what is not the same, not only the page's words."""
    m = grade(quote, page)
    assert m.grade == "close"
    assert ("-", page_side) in m.diff and ("+", quote_side) in m.diff
    assert [op for op, _ in m.diff] == ["=", "-", "+", "="]  # only that spot, once
    assert m.diff[0] == ("=", "the new e-mail")


@pytest.mark.parametrize(
    "quote, reason",
    [
        ("the new email system", "e-mail"),  # hyphenation
        ("which is well known to the crews", None),  # hyphen vs space: punctuation
        ("The color of the boats doesn't matter", "colour"),  # spelling variant
        ("The colour of the boats does not matter", "doesn't"),  # contraction
    ],
)
def test_equivalent_spellings_are_close(quote, reason, page):
    m = grade(quote, page)
    assert m.grade == "close"
    if reason:
        assert reason in m.reason


def test_swapped_word_is_altered_and_diff_shows_it(page):
    m = grade("We will not raise the ferry fares this summer", page)
    assert m.grade == "altered"
    # the comma stands next to the change in the page, not dropped (issue 14)
    assert m.diff[-2:] == (("-", "winter,"), ("+", "summer"))
    assert "'summer' for 'winter'" in m.reason


def test_one_word_changed_in_a_long_quote_is_altered(page):
    m = grade(
        "She added that the new e-mail system, which is well-known to the sailors, would cut "
        "costs by 4 per cent",
        page,
    )
    assert m.grade == "altered"
    assert ("-", "crews,") in m.diff and ("+", "sailors,") in m.diff  # commas kept


def test_number_changed_is_altered(page):
    m = grade("would cut costs by 6 per cent", page)
    assert m.grade == "altered"
    assert m.reason.startswith("number differs") and "'6' for '4'" in m.reason


@pytest.mark.parametrize(
    "quote, op",
    [
        ("We will raise the ferry fares this winter", ("-", "not")),  # negation removed
        ("Residents of Lower Fenwick have not complained", ("+", "not")),  # negation added
        ("The colour of the boats does matter", None),
    ],
)
def test_negation_changed_is_altered(quote, op, page):
    m = grade(quote, page)
    assert m.grade == "altered"
    assert "negation" in m.reason
    if op:
        assert op in m.diff


def test_words_dropped_without_ellipsis_is_altered(page):
    m = grade("We will not raise the fares this winter", page)
    assert m.grade == "altered"
    assert ("-", "ferry") in m.diff
    assert "without an ellipsis" in m.reason


def test_fabricated_quote_is_none(page):
    m = grade("Penguins on the pier demanded a second lighthouse by spring", page)
    assert m.grade == "none"
    assert m.diff == () and m.passage == "" and m.passage_span is None


def test_non_latin_scripts():
    page = prepare_page("市政府表示，大桥将于明年通车。 Совет обсудил новый мост в среду.")
    assert match_quote("大桥将于明年通车", page).grade == "exact"
    assert match_quote("大桥将于后年通车", page).grade == "altered"
    assert match_quote("обсудил новый мост", page).grade == "exact"


def test_empty_inputs():
    assert match_quote("", PAGE).grade == "none"
    assert match_quote("any words at all", "").grade == "none"

"""Find quoted spans: pairs of quote marks, in any common style, across paragraph breaks.

Pure and linear in the text: one pass over the quote-mark characters. Apostrophes are told apart
from single quote marks by what stands on either side of them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

OPENERS = "“„«‹「『"
CLOSERS = "”»›」』"
# Marks that close a quotation opened by another: „…“ (German), 「…」 and 『…』 (CJK).
_CLOSES = {"„": "“”", "「": "」", "『": "』"}
MAX_QUOTE_CHARS = 4000  # a quote longer than this is a stray mark, not a quotation
# unmarked paragraphs a quotation may run on into before the mark that closes it
RUN_ON_PARAGRAPHS = 8
_MARKS = re.compile(r"[\"“”„«»‹›‘’']")
_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class QuoteSpan:
    """A quoted span of the analysis text: [start, end) between its marks."""

    start: int
    end: int
    continues: bool = False  # runs on into the next paragraph, which reopens it
    single: bool = False  # single marks (‘…’ or '…')
    nested: bool = False  # inside another quotation


def _para_ends(text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\n\n", text)] + [len(text)]


def _opening_context(text: str, i: int) -> bool:
    """A straight mark at i opens a quote after space/start/bracket and before a non-space."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-/:“‘\"'") and not after.isspace()


def _stray_closer(text: str, i: int) -> bool:
    """A straight mark that can only close (a letter before it, a space and a lowercase word
    after it) with nothing open and no mark after it in its paragraph: an apostrophe gone wrong
    ("the enemies" distress"), no quote; 'said" we will stay"' (a PDF's spacing) still opens."""
    before = text[i - 1] if i else " "
    if not (before.isalpha() and re.match(r"\s+[a-z]", text[i + 1 : i + 3])):
        return False
    end = text.find("\n\n", i)
    return '"' not in text[i + 1 : end if end >= 0 else len(text)]


def _opening_lost(text: str, i: int, paras: list[int]) -> int | None:
    """Where a quotation whose opening mark stands in an earlier paragraph begins, when the
    mark at i closes it with nothing open: the paragraph's start, if the mark is its first and
    follows the words and punctuation of a clause ('…, a man who never wavered," Tebboune
    wrote'). Texts set one sentence a paragraph split quotations so."""
    if text[i] not in '"”' or text[i - 1 : i] not in ",.!?…" or not text[i + 1 : i + 2].isspace():
        return None
    start = paras[bisect_right(paras, i) - 1] + 2 if bisect_right(paras, i) else 0
    while start < i and text[start] == " ":
        start += 1
    head = text[start:i]
    if re.search(r"[\"“”„«»]", head) or len(head.split()) < 4 or not head[:1].isupper():
        return None
    return start


def _sentences_to(text: str, paras: list[int], first: int, last: int) -> bool:
    """Whether each paragraph ending after `first` up to `last` (paragraph-break offsets) ends
    as a sentence does: a quotation's own sentences, not a caption or credit line between its
    parts ("Club statement", "— Example FC (@ExampleFC) May 2")."""
    for end in paras[bisect_right(paras, first) : bisect_right(paras, last)]:
        if not text[:end].rstrip().endswith((".", "!", "?", "…", ":", ";", ",", "—")):
            return False
    return True


def find_quotes(text: str) -> list[QuoteSpan]:
    """All quoted spans of `text` in order of appearance (nested ones after their parent)."""
    if "’’" in text or "‘‘" in text:
        # Doubled single marks stand for double ones: “It was,’’ she said. Same length, so the
        # offsets hold.
        text = text.replace("‘‘", " “").replace("’’", "” ")
    paras = _para_ends(text)
    spans = _double_quotes(text, paras)
    singles = _single_quotes(text, paras, spans)
    return sorted(spans + singles, key=lambda q: (q.start, -q.end))


def _double_quotes(text: str, paras: list[int]) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    marks = [m.start() for m in re.finditer(r"[\"“”„«»「」『』]", text)]
    open_at: int | None = None
    k = 0
    while k < len(marks):
        i = marks[k]
        ch = text[i]
        if open_at is not None:
            para_end = (
                paras[bisect_right(paras, open_at)]
                if bisect_right(paras, open_at) < len(paras)
                else len(text)
            )
            if i > para_end or i - open_at > MAX_QUOTE_CHARS:
                # The quote is still open at the end of its paragraph.
                nxt = para_end + 2
                while nxt < len(text) and text[nxt] == " ":
                    nxt += 1
                # the end of the last paragraph the quote may run on into unmarked
                k_last = bisect_right(paras, para_end) + RUN_ON_PARAGRAPHS - 1
                last_end = paras[k_last] if k_last < len(paras) else len(text)
                before = paras[bisect_left(paras, i) - 1]  # the break before i's paragraph
                if (
                    (ch in OPENERS or ch == '"')
                    and (
                        i == nxt
                        or (
                            i <= last_end
                            and not text[before + 2 : i].strip()
                            and _sentences_to(text, paras, para_end, before)
                        )
                    )
                    and i - open_at <= MAX_QUOTE_CHARS
                ):
                    # A later paragraph reopens it: a quotation that runs on, through the
                    # unmarked paragraphs of its sentences where each sentence has one.
                    out.append(QuoteSpan(open_at + 1, before, continues=True))
                    open_at = i
                    k += 1
                    continue
                if (
                    (ch in CLOSERS or (ch == '"' and not _opening_context(text, i)))
                    and i <= last_end
                    and i - open_at <= MAX_QUOTE_CHARS
                    and _sentences_to(text, paras, para_end, paras[bisect_left(paras, i) - 1])
                ):
                    # It closes a few paragraphs on, none of them holding a mark: a quote broken
                    # by a stray paragraph break, or one of several sentences in a text that
                    # gives each sentence a paragraph ("We did all we could. / It was not
                    # enough," she said.).
                    out.append(QuoteSpan(open_at + 1, i))
                    open_at = None
                    k += 1
                    continue
                # Never closed: keep what stands before the paragraph end.
                if para_end - open_at > 1:
                    out.append(QuoteSpan(open_at + 1, para_end))
                open_at = None
                continue  # re-read this mark with nothing open
            if ch in _CLOSES.get(text[open_at], "") or ch in CLOSERS or (
                ch == '"'
                and not (_opening_context(text, i) and i - open_at > 1 and text[i - 1].isspace())
            ):
                if i > open_at + 1:
                    out.append(QuoteSpan(open_at + 1, i))
                open_at = None
            elif ch in OPENERS or ch == '"':
                open_at = i  # a second opener: the first was stray
        else:
            lost = _opening_lost(text, i, paras)
            if lost is not None:  # "…, a man who never wavered," the President wrote.
                out.append(QuoteSpan(lost, i))
            elif ch in OPENERS or (ch == '"' and not _stray_closer(text, i)):
                open_at = i
            elif ch == "”" and _opening_context(text, i):
                open_at = i  # a closing mark misused as an opener
        k += 1
    if open_at is not None:
        end = (
            paras[bisect_right(paras, open_at)]
            if bisect_right(paras, open_at) < len(paras)
            else len(text)
        )
        if end - open_at > 1 and end - open_at <= MAX_QUOTE_CHARS:
            out.append(QuoteSpan(open_at + 1, end))
    return out


def _single_quotes(text: str, paras: list[int], doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    """‘…’ and '…' pairs that close in the same paragraph; lone marks are apostrophes."""
    out: list[QuoteSpan] = []
    open_at: int | None = None
    starts = [q.start for q in doubles]
    for m in re.finditer(r"[‚‘’']", text):
        i = m.start()
        ch = text[i]
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if open_at is not None and bisect_right(paras, open_at) != bisect_right(paras, i):
            k = bisect_right(paras, open_at)
            para_end = paras[k] if k < len(paras) else len(text)
            if (
                ch in "‘'"
                and text[para_end:i].strip() == ""
                and _opening_context(text, i)
                and text[open_at] != "‚"
                and _containing(doubles, starts, open_at) is None
            ):
                # The next paragraph opens with a mark: a quotation that runs on, as British
                # copy sets it (‘… / ‘…,’ said Quill)
                out.append(QuoteSpan(open_at + 1, para_end, single=True, continues=True))
                open_at = i
                continue
            open_at = None  # else single quotes never run across paragraphs
        german = open_at is not None and text[open_at] == "‚"
        can_close = (
            open_at is not None
            and (ch == "‘" if german else ch in "’'")
            and not before.isspace()
            and not _WORD.match(after)
            and i > open_at + 1
        )
        if can_close and text[open_at + 1 : i] in ("n", "N"):
            open_at = None  # "rock 'n' roll", "pick 'n' mix": "and" cut to its "n"
            continue
        if can_close and before in "sS" and _possessive(text, i, paras):
            continue  # ‘It’s the workers’ right to strike,’: a plural possessive, not the close
        if can_close:
            # "Morales' escape": a possessive after s, with the quote open across many words, is
            # ambiguous; accept the closer only if the span stays within one double quote or none.
            inner = _containing(doubles, starts, open_at)
            if inner == _containing(doubles, starts, i):
                out.append(QuoteSpan(open_at + 1, i, single=True, nested=inner is not None))
                open_at = None
                continue
        if ch in "‚‘'" and _opening_context(text, i) and not after.isdigit() and _WORD.match(after):
            open_at = i
    return out


_LATER_CLOSE = re.compile(r"[’'](?!\w)")
_FUNCTION_WORD = re.compile(
    r"(?:and|but|or|nor|that|which|who|whom|to|in|on|at|as|for|from|with|by|of|is|was|were|are|"
    r"has|had|have|said|says|the|a|an|it|he|she|they|we|if|when|while|because|so|than|then)\b"
)


def _possessive(text: str, i: int, paras: list[int]) -> bool:
    """A mark after "s" that a lower-case word follows ("the workers’ right"), while the same
    paragraph closes the quotation later: an apostrophe of the plural possessive."""
    rest = text[i + 1 : i + 3]
    if not re.match(r" [a-z]", rest) or _FUNCTION_WORD.match(text, i + 2):
        return False  # "‘… their families’ and that …": a function word owns nothing
    k = bisect_right(paras, i)
    end = paras[k] if k < len(paras) else len(text)
    return _LATER_CLOSE.search(text, i + 1, end) is not None


def _containing(doubles: list[QuoteSpan], starts: list[int], pos: int) -> QuoteSpan | None:
    k = bisect_right(starts, pos) - 1
    if k >= 0 and doubles[k].start <= pos < doubles[k].end:
        return doubles[k]
    return None

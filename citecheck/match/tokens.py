"""Words of a quote and of a page, normalised for comparison, and what counts as the same word.

Both sides are cut into word tokens (CJK and Thai: one token per character) normalised with NFKC,
casefold and unified apostrophes; punctuation between tokens is kept apart as a "separator", so a
dropped comma is a punctuation difference, never a word difference. Every page token keeps its
offsets into the original text, so passages and diffs quote the page's own characters. A quote's
marked edits (``…``, ``[...]``, ``[bracketed]`` insertions) are parsed here; spelling variants,
contractions, accents and digit grouping make two runs of words equivalent.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

# --- tokens ------------------------------------------------------------------------------------

_CJK = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u2e80-\u2fdf\u3040-\u30ff\u3100-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
)
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0900-\u0dff\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
)
_JOINERS = "'’ʼ\u00ad\u200b\u200c\u200d\u2060\ufeff"
_WCH = rf"(?:[^\W{_CJK}]|[{_MARKS}])"
_TOKEN = re.compile(
    rf"[{_CJK}]|\d+(?:[.,:]\d+)+|[$€£¥₹₽₩¢%&@#+=§°]|{_WCH}+(?:[{_JOINERS}]{_WCH}+)*"
)
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"}) | _INVISIBLE
_QUOTE_CHARS = "\"'`´‘’‚‛“”„‟«»‹›「」『』〝〞＂＇"
_DASHES = "‐‑‒–—―−﹘﹣－"
_SEP_TABLE = str.maketrans(
    {**dict.fromkeys(map(ord, _QUOTE_CHARS + "|")), **dict.fromkeys(map(ord, _DASHES), "-")}
    | _INVISIBLE
)
_WS = re.compile(r"\s+")


def tokenize(text: str) -> tuple[list[str], list[int], list[int]]:
    """Normalised tokens of `text` and their original spans (one NFKC pass over all tokens)."""
    starts, ends, raw = [], [], []
    for m in _TOKEN.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
        raw.append(m.group())
    joined = unicodedata.normalize("NFKC", "\x00".join(raw)).casefold().translate(_APOSTROPHES)
    return (joined.split("\x00") if raw else []), starts, ends


def form(token: str) -> str:
    """A token as written, up to typography: what the case check compares."""
    return unicodedata.normalize("NFKC", token).translate(_APOSTROPHES)


def sep(s: str) -> str:
    """Punctuation between two words, up to typography (quote marks, dashes, spacing, and the
    "|" that extraction puts between table cells)."""
    s = _WS.sub("", unicodedata.normalize("NFKC", s).translate(_SEP_TABLE))
    return s.replace("…", "...")


@dataclass(frozen=True, eq=False)
class PreparedPage:
    """A page cut into tokens once, so many quotes can be matched against it cheaply."""

    text: str
    norms: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    code: str  # one character per token: exact search is str.find, alignment works on str
    vocab: dict[str, str]

    def sep(self, i: int) -> str:
        return sep(self.text[self.ends[i - 1] : self.starts[i]]) if i > 0 else ""

    def slice(self, a: int, b: int) -> str:
        """Original text of tokens a..b-1."""
        return self.text[self.starts[a] : self.ends[b - 1]] if b > a else ""


def prepare_page(text: str) -> PreparedPage:
    """Tokenise and encode a page's text for `match_quote`."""
    return prepared_from_tokens(text, *tokenize(text))


def prepared_from_tokens(
    text: str, norms: Sequence[str], starts: Sequence[int], ends: Sequence[int]
) -> PreparedPage:
    """A PreparedPage from `tokenize`'s output kept elsewhere (a batch run's page store): the
    code is rebuilt, a cheap pass, so what is kept stays plain data."""
    vocab: dict[str, str] = {}
    code = "".join(vocab.setdefault(t, chr(0x10000 + len(vocab))) for t in norms)
    return PreparedPage(text, tuple(norms), tuple(starts), tuple(ends), code, vocab)


prepare_cached = lru_cache(maxsize=128)(prepare_page)  # ~150 KB a 10 KB page

# --- the quote and its marked edits ------------------------------------------------------------

_ATTACHED = re.compile(r"(?<=\w)\[([^\[\]]*\w[^\[\]]*)\]|\[([^\[\]]*\w[^\[\]]*)\](?=\w)")
_MARKER = re.compile(
    r"(?P<omit>[\[(]\s*(?:…|\.\s?\.\s?\.\.?)\s*[\])]|…+|\.\s?\.\s?\.(?:\s?\.)?)"
    r"|(?P<sub>\[[^\[\]]*\])"
)


@dataclass
class Quote:
    text: str  # the quote with attached brackets unwrapped ("[T]he" -> "The")
    norms: list[str]
    starts: list[int]
    ends: list[int]
    marks: dict[int, tuple[str, list[str]]]  # token index -> ("omit"|"sub", bracket texts)

    def slice(self, a: int, b: int) -> str:
        return self.text[self.starts[a] : self.ends[b - 1]] if b > a else ""

    def sep(self, i: int) -> str:
        return sep(self.text[self.ends[i - 1] : self.starts[i]]) if i > 0 else ""


def _unwrap(m: re.Match) -> str:
    inner = m.group(1) if m.group(1) is not None else m.group(2)
    return m.group() if inner.strip().lower() in ("sic", "sic!") else inner


def parse_quote(quote: str) -> Quote:
    text = _ATTACHED.sub(_unwrap, quote)
    q = Quote(text, [], [], [], {})
    pos = 0
    for m in [*_MARKER.finditer(text), None]:
        end = m.start() if m else len(text)
        norms, starts, ends = tokenize(text[pos:end])
        q.norms += norms
        q.starts += [s + pos for s in starts]
        q.ends += [e + pos for e in ends]
        if m:
            kind, texts = q.marks.get(len(q.norms), ("sub", []))
            if m.group("omit"):
                kind = "omit"
            else:
                texts.append(m.group())
            q.marks[len(q.norms)] = (kind, texts)
            pos = m.end()
    return q


# --- equivalent spellings ----------------------------------------------------------------------

_CONTRACTIONS = {
    "won't": ["will not"],
    "can't": ["cannot"],
    "shan't": ["shall not"],
    "ain't": ["is not", "are not", "am not"],
    "let's": ["let us"],
}
_SUFFIXES = {
    "n't": [" not"],
    "'re": [" are"],
    "'ve": [" have"],
    "'ll": [" will"],
    "'m": [" am"],
    "'d": [" would", " had"],
    "'s": [" is", " has", "'s"],
}
_SPELLING = [
    (re.compile(r"(?<=\w{3})isation"), "ization"),
    (re.compile(r"(?<=\w{2})is(e|es|ed|ing|er|ers)$"), r"iz\1"),
    (re.compile(r"(?<=\w{2})ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"(?<=\w{2})our"), "or"),
    (re.compile(r"(?<=\w{2})([bt])re(s?)$"), r"\1er\2"),
    (re.compile(r"(?<=\w{4})ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"(?<=\w{3})ence(s?)$"), r"ense\1"),
    (re.compile(r"(?<=\w{3})ogue(s?)$"), r"og\1"),
    (re.compile(r"(?<=\w{2})[ao]e(?=\w{2})"), "e"),
    (re.compile(r"(?<=\w{3})mme(s?)$"), r"m\1"),
    (re.compile(r"gement"), "gment"),
]
_WORD_VARIANTS = {"grey": "gray", "aluminium": "aluminum", "tyre": "tire", "ageing": "aging"}
_NUM_GROUP = re.compile(r"(?<=\d)[.,](?=\d{3}(?!\d))")


def _expansions(token: str) -> list[str]:
    if token in _CONTRACTIONS:
        return _CONTRACTIONS[token]
    for suffix, alts in _SUFFIXES.items():
        if token.endswith(suffix) and len(token) > len(suffix):
            return [token[: -len(suffix)] + alt for alt in alts]
    return [token]


def canon(word: str) -> str:
    """A spelling-insensitive key: British/American variants, accents, digit grouping."""
    if word[:1].isdigit():
        return _NUM_GROUP.sub("", word)
    if len(word) >= 4:
        word = "".join(
            c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)
        )
    word = _WORD_VARIANTS.get(word, word)
    if len(word) >= 5:
        for pattern, repl in _SPELLING:
            word = pattern.sub(repl, word)
    return word


def _keys(tokens: list[str]) -> set[str]:
    """Spelling-insensitive keys of a run of words, spaces and hyphens ignored."""
    options = [_expansions(t) for t in tokens]
    if len(options) > 8:
        options = [o[:1] for o in options]
    return {"".join(canon(w) for w in " ".join(combo).split()) for combo in product(*options)}


def equivalent(src: list[str], quo: list[str]) -> bool:
    return bool(src) and bool(quo) and not _keys(src).isdisjoint(_keys(quo))


def digit_numbers(tokens: list[str]) -> list[str]:
    return [canon(t) for t in tokens if any(c.isdigit() for c in t)]


def shorten(s: str, limit: int = 60) -> str:
    return s if len(s) <= limit else s[: limit - 1] + "…"


_STOPS = ",.;:!?…"  # punctuation a diff keeps with the word before it


def words(seq: PreparedPage | Quote, a: int, b: int) -> str:
    """The original text of tokens a..b-1 with the punctuation attached to the last one
    ("moving," not "moving"): a diff shows the words as written, so a change next to a comma
    keeps it (`was [-moving,-] {+sinking,+} and`)."""
    if b <= a:
        return ""
    end = seq.ends[b - 1]
    limit = seq.starts[b] if b < len(seq.starts) else len(seq.text)
    while end < limit and seq.text[end] in _STOPS:
        end += 1
    return seq.text[seq.starts[a] : end]

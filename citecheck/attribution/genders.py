"""Whether the article calls a person "he" or "she": votes from honorifics, pronouns after the
name and, weakly, what the first name mostly is; and the surname key that joins one person's
mentions ("Ada Quill", "Quill’s", "Nana Ofori Ampem III" -> "ampem")."""

from __future__ import annotations

import gzip
import re
from functools import cache, lru_cache
from importlib import resources

from ..text.folding import strip_accents


def key(word: str) -> str:
    """One word folded for comparison: "Quill’s" -> "quill"."""
    return word.strip(".,’'s").casefold()


SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_SUFFIX_INITIALS = frozenset("JjSsIi")


def surname(words: list[str]) -> str:
    """The last word that is no generational suffix: "Ampem" of "Nana Ofori Ampem III"."""
    k = len(words) - 1
    while k > 0 and words[k][:1] in _SUFFIX_INITIALS and words[k].strip(",").casefold() in SUFFIXES:
        k -= 1  # the first letter tests most words out cheaply: this runs for every mention
    return key(words[k])


@lru_cache(maxsize=8192)  # called for every mention and candidate, on a few hundred names
def surname_key(name: str | None) -> str:
    """What tells two mentions of one person apart from others: the last word but a "Jr." or
    "III", folded ("Ada Quill", "Quill’s" -> "quill"); "" for no name."""
    return surname(name.split()) if name else ""


_HONORIFIC = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f",
              "lady": "f", "dame": "f", "madam": "f", "mdm": "f"}  # fmt: skip
_HONORIFIC_RE = re.compile(
    r"\b(Mr|Mrs|Ms|Miss|Sir|Lady|Dame|Lord|Madam|Mdm)\.?\s+([A-Z][\w’'-]+)"
)
_NEXT_PRONOUN = re.compile(r"\b(he|his|him|she|her|hers)\b", re.IGNORECASE)
_SPEAKS = re.compile(r"\s+(?:\w+\s+)?(?:said|says|told|added|wrote|claimed|warned|insisted)\b")
_SAID_PRONOUN = re.compile(r"\b(he|she)\s+(?:said|says|told|added|wrote|replied|continued)\b")
_PRONOUN_GENDER = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f", "hers": "f"}


class _FirstNames(dict):
    """First name -> gender, where an accented spelling finds the plain one the data lists
    ("gráinne", "siobhán", "josé": the name statistics write them without accents)."""

    def __contains__(self, name: object) -> bool:
        return dict.__contains__(self, name) or (
            isinstance(name, str) and not name.isascii() and dict.__contains__(self, _plain(name))
        )

    def get(self, name, default=None):
        got = dict.get(self, name)
        if got is None and isinstance(name, str) and not name.isascii():
            got = dict.get(self, _plain(name))
        return default if got is None else got


def _plain(name: str) -> str:
    return strip_accents(name)


@cache
def first_name_genders() -> dict[str, str]:
    """First name -> "f", "m" or "n" (given to both: a first name, no gender) from
    first_names.tsv.gz, built by scripts/build_names.py from public-domain and CC0 name
    statistics; read once, on first use."""
    data = resources.files("citecheck.attribution").joinpath("first_names.tsv.gz").read_bytes()
    out = _FirstNames()
    for line in gzip.decompress(data).decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, gender = line.partition("\t")
            out[name] = gender
    return out


def article_genders(text: str, persons: list) -> dict[str, str]:
    """Surname key -> "m" or "f" for the `persons` (Names, in order) as the article shows it:
    honorifics first (3 votes); the pronoun after the name in its sentence, or else a "he said"
    in the next sentence when the name speaks, nobody else named between (1 vote); what the
    first name mostly is (1 vote); by a 2:1 majority, so the article outweighs the name."""
    votes: dict[str, dict[str, int]] = {}
    for m in _HONORIFIC_RE.finditer(text):
        votes.setdefault(key(m.group(2)), {}).setdefault(_HONORIFIC[m.group(1).lower()], 0)
        votes[key(m.group(2))][_HONORIFIC[m.group(1).lower()]] += 3
    for i, n in enumerate(persons):
        stop = persons[i + 1].start if i + 1 < len(persons) else len(text)
        own = _sentence_end(text, n.end)
        p = _NEXT_PRONOUN.search(text, n.end, min(stop, n.end + 160, own))
        if p is None and _SPEAKS.match(text, n.end):  # 'Rana Mehmood said ... / “…,” he said'
            nxt = _sentence_end(text, own)  # only the next sentence
            p = _SAID_PRONOUN.search(text, n.end, min(stop, nxt))
        if p:
            g = _PRONOUN_GENDER[p.group(1).lower()]
            who = surname_key(n.text)
            votes.setdefault(who, {}).setdefault(g, 0)
            votes[who][g] += 1
    prior = first_name_genders()
    for n in persons:  # a weak prior: one vote for what a first name mostly is ("Paul" m)
        words = n.text.split()
        g = prior.get(words[0].lower()) if len(words) >= 2 else None
        if g in ("m", "f"):  # "n": a first name the data gives both genders
            who = surname(words)
            votes.setdefault(who, {}).setdefault(g, 0)
            votes[who][g] += 1
    out = {}
    for who, v in votes.items():
        m, f = v.get("m", 0), v.get("f", 0)
        if m > 2 * f:
            out[who] = "m"
        elif f > 2 * m:
            out[who] = "f"
    return out


_END = re.compile(r"[.!?](?:\s|$)|\n\n")


def _sentence_end(text: str, at: int) -> int:
    m = _END.search(text, at, at + 400)
    return m.end() if m else min(len(text), at + 400)

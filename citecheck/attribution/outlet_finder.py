"""Where the registry's outlets could be named: a cheap look for each name's key word first.

`Registry.find_in` runs some 400 patterns; most sentences hold none of the words they need, so
the finder tests for those words before it runs them, and remembers each text's answer.
"""

from __future__ import annotations

import re

from ..outlets import Registry
from ..text.folding import fold


class OutletFinder:
    """The registry's search, run only where one of its names could stand: a quick look for the
    key word of each name (what `Registry.find_in` tests first) spares most of its calls."""

    def __init__(self, reg: Registry) -> None:
        self.reg = reg
        self.needles = _needles(reg)
        self.memo: dict[str, list] = {}

    def find_in(self, s: str) -> list:
        got = self.memo.get(s)
        if got is None:
            got = self.memo[s] = self.reg.find_in(s) if self.needles.may_hold(s) else []
        return got


_DOTTED = re.compile(r"\w\.[a-z]{2,}")


class _Needles:
    """The words each outlet name needs: a text lacking them holds no mention of it."""

    def __init__(self, reg: Registry) -> None:
        reg.find_in("")  # compiles the registry's patterns now, at start-up, not mid-draft
        forms: dict[str, list[frozenset[str]]] = {}
        self.other: list[str] = []
        for o in reg:
            for form in dict.fromkeys((*o.names, *o.domains)):
                form = form.strip()
                if len(form) < 2:
                    continue
                words = _whole_words(form)
                if words:
                    key = max(words, key=len)
                    forms.setdefault(key, []).append(frozenset(words))
                else:
                    self.other.append(max(fold(form).split(), key=len))
        self.forms = forms
        self.keys = frozenset(forms)
        # a domain named in the text is an outlet, listed or not: "told zougla.gr"

    def may_hold(self, s: str) -> bool:
        folded = fold(s)
        words = set(_WORDS.findall(folded))
        for key in words & self.keys:
            if any(need <= words for need in self.forms[key]):
                return True
        return any(n in folded for n in self.other) or bool(_DOTTED.search(s))


def _whole_words(form: str) -> list[str] | None:
    """The words of an outlet's name, each standing whole (between non-word characters) in
    any text the name matches: "elpais", "com" of "elpais.com"; "guardian" of "The Guardian"
    ("the" may be left out). None if some word may not stand whole (unspaced scripts)."""
    folded = fold(form)
    out = []
    for m in _WORDS.finditer(folded):
        word = m.group(0)
        whole = (m.start() > 0 or _spaced(form[0])) and (m.end() < len(folded) or _spaced(form[-1]))
        if not whole or not all(_spaced(c) for c in word):
            return None
        if word != "the":
            out.append(word)
    return out or None


_WORDS = re.compile(r"\w+")


_NEEDLES: dict[int, tuple[Registry, _Needles]] = {}


def _spaced(c: str) -> bool:
    return c.isalnum() and ord(c) < 0x2E80


def _needles(reg: Registry) -> _Needles:
    cached = _NEEDLES.get(id(reg))
    if cached is None or cached[0] is not reg:
        if len(_NEEDLES) > 8:
            _NEEDLES.clear()
        cached = _NEEDLES[id(reg)] = (reg, _Needles(reg))
    return cached[1]

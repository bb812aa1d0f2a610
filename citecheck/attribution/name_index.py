"""The article's index of people: the fullest name behind each surname, the titles the article
gives each person ("Home Secretary Priti Patel", "— Brendan Hollisworth, Fisheries Minister"),
and the gender the article shows, so later mentions, offices and pronouns resolve to one speaker.
Built once a draft from the names `names.find_names` found.
"""

from __future__ import annotations

import re

from .genders import article_genders, surname_key
from .genders import key as _key
from .genders import surname as _surname
from .name_words import TITLES
from .names import Name, strip_titles


class NameIndex:
    """Maps each surname to the fullest person name given anywhere in the article, and each
    title the article gives a person ("Home Secretary Priti Patel", "Abdelmadjid Tebboune, the
    President of the Republic,") to that person, so "the Home Secretary said" names her."""

    def __init__(self, names: list[Name], text: str = "") -> None:
        self.full: dict[str, str] = {}
        self.titles: dict[str, list[tuple[int, str]]] = {}
        for n in names:
            if not n.person:
                continue
            words = n.text.split()
            key = _surname(words)
            best = self.full.get(key)
            if best is None or len(words) > len(best.split()):
                self.full[key] = n.text
        self.genders: dict[str, str] = {}
        if text:
            for n in names:
                if n.person:
                    for title in _titles_of(text, n):
                        self.titles.setdefault(title, []).append((n.start, n.text))
            self.genders = article_genders(
                text, [n for n in names if n.person or self.is_person(n.text)]
            )

    def gender(self, name: str) -> str | None:
        """ "m" or "f" where the article shows it (Mr, Mrs, Ms; "he" or "she" right after the
        name in its sentence, by a clear majority), else None."""
        return self.genders.get(surname_key(name))

    def titled(self, phrase: str, at: int) -> str | None:
        """The person the article gave the title `phrase` ("the President of the Republic",
        "Home Secretary", "the affable proprietor" for "Ada Quill, the proprietor,"), the
        nearest mention before `at`; None when it gave it nobody."""
        key = _title_key(phrase)
        entries = self.titles.get(key)
        plain = phrase.strip()[4:].islower()  # "the affable proprietor", no name
        if (
            not entries
            and phrase.strip().lower().startswith("the ")
            and plain
            and " of " not in key
        ):
            entries = self.titles.get(key.split()[-1]) if key else None  # adjectives aside
        if not entries and key and " " not in key:  # "the President": "President of the ..."
            entries = [  # ... or "Minister for Agriculture"
                e for k, v in self.titles.items() if k.startswith((key + " of ", key + " for "))
                for e in v
            ]
        if not entries:
            return None
        before = [e for e in entries if e[0] < at] or entries
        return self.expand(max(before)[1])

    def expand(self, name: str) -> str:
        """ "Morales" -> "Evo Morales" when the article gives the full name."""
        words = strip_titles(name.split())
        if not words:
            return name
        full = self.full.get(_surname(words))
        if (
            full
            and len(full.split()) >= len(words)
            and (len(words) == 1 or _key(full.split()[0]) == _key(words[0]))
        ):
            return full
        return " ".join(words)

    def expand_given(self, word: str) -> str:
        """ "Jake" -> "Jake Pemberton" when one person named in full has that first name, else
        what `expand` makes of it (a surname: "Morales" -> "Evo Morales")."""
        full = {v for v in self.full.values() if v.split()[0] == word and " " in v}
        return full.pop() if len(full) == 1 else self.expand(word)

    def is_person(self, word: str) -> bool:
        """Named in full somewhere, or given a Mr/Ms or a he/she: "Mr Hardy" is a person."""
        key = surname_key(word)
        return key in self.full or key in self.genders


_TITLE_RUN = r"(?:[A-Z][\w’'.-]*|of|the|for|and)(?:\s+(?:[A-Z][\w’'.-]*|of|the|for|and))*"
_TITLE_BEFORE = re.compile(rf"(?:^|[^\w’'-])({_TITLE_RUN})\s*,?\s*$")
_TITLE_AFTER = re.compile(
    r"\s*,\s+(?P<det>(?:the|a|an)\s+)?([A-Za-z][\w’'.-]*(?:\s+[A-Za-z][\w’'.-]*){0,5}?)\s*[,.;]"
)

# a credit line's title ending its line: "“…” — Brendan Hollisworth, Fisheries Minister"
_CREDIT_TITLE = re.compile(r"\s*,\s+((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*)[ \t]*(?:\n|$)")
_CREDIT_DASH = re.compile(r"[—–-][ \t]*$")

# "Ada Quill is the transport minister.": a title given in a sentence of its own
_TITLE_IS = re.compile(
    r"\s+(?:is|was|has\s+been|had\s+been|became)\s+(?P<det>the\s+)"
    r"([A-Za-z][\w’'-]*(?:[ \t]+[A-Za-z][\w’'-]*){0,5}?)[ \t]*[,.;]"
)


def _title_key(phrase: str) -> str:
    words = phrase.strip(" ,.;:").casefold().split()
    while words and words[0] in ("the", "a", "an", "former", "then"):
        words = words[1:]
    return " ".join(words)


def _titles_of(text: str, n: Name) -> list[str]:
    """Titles given right before a person's name ("Home Secretary Priti Patel", "President of
    the Republic, Abdelmadjid Tebboune") or in apposition after it ("Ada Quill, the mayor,")."""
    out = []
    lead = text[max(0, n.start - 24) : n.start].rstrip(" ,").rsplit(None, 1)
    word = lead[-1] if lead else ""
    # a title run ends in a capitalised word (or "of the"): most names follow "said", "by" ...
    m = None
    if word[:1].isupper() or word in ("of", "the", "for", "and"):
        m = _TITLE_BEFORE.search(text, max(0, n.start - 60), n.start)
        if m and re.search(r"\b(?:of|for|the|and)\s*$", m.group(0)):
            m = None  # "MSP for Strathlorne North": the place the title is for, no one titled
    if m:
        run = m.group(1).split()
        ends = [i for i, w in enumerate(run) if w.endswith(".") and w.lower() not in TITLES]
        run = run[ends[-1] + 1 :] if ends else run  # "Fixture. Home Secretary": a sentence ended
        while run and run[-1].lower() in ("of", "the", "for", "and"):
            run = run[:-1]
        # every tail that starts at a title word: "Home Secretary" and "Secretary"
        for i, word in enumerate(run):
            if word.lower() in TITLES or word.lower() in ("secretary", "minister", "chief"):
                out.append(_title_key(" ".join(run[i:])))
        if run and any(w.lower() in TITLES for w in run):
            out.append(_title_key(" ".join(run)))
    m = _TITLE_AFTER.match(text, n.end) if text[n.end : n.end + 2].lstrip()[:1] == "," else None
    if m is None and text.startswith((" is ", " was ", " has ", " had ", " became "), n.end):
        m = _TITLE_IS.match(text, n.end)
    credit = _CREDIT_TITLE.match(text, n.end) if m is None else None
    if credit and _CREDIT_DASH.search(text, max(0, n.start - 6), n.start):
        words = credit.group(1).split()  # "— Brendan Hollisworth, Fisheries Minister"
        inner = next((i for i, w in enumerate(words) if w.lower() in TITLES), None)
        if inner is not None:
            out.append(_title_key(" ".join(words[inner:])))
    if m and (m.group("det") or m.group(2).split()[0].lower() in TITLES):
        # "Ada Quill, the proprietor of ...,": the appositive's head noun is her title too
        key = _title_key(m.group(2))
        out.append(key)
        head = re.split(r"\s+(?:of|at|for|in|from|with|on|to)\s+", key)[0].split()
        if head and head[-1] != key:
            out.append(head[-1])
    return [t for t in out if t and t != _title_key(n.text)]

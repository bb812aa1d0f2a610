"""Proper names in a draft: who is a person, and the fullest form of each name.

Rule-based and light: capitalised runs, honorifics stripped, organisation words recognised. A
surname ("Morales") maps to the fullest name the article gives ("Evo Morales") so that pronouns and
later mentions resolve to one speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .genders import SUFFIXES, article_genders, first_name_genders, surname_key
from .genders import key as _key
from .genders import surname as _surname
from .name_words import CONNECTORS, INNER_TITLES, ORG_WORDS, STOP_CAPS, TITLES

# A capitalised word, allowing accents, apostrophes, hyphens, inner capitals and initials ("J.").
_CAP = r"(?:(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Sen|Rep|Gov|Gen|Lt|Col|[A-Z])\.|[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*)"
_JOINERS = sorted(CONNECTORS | {"of", "for", "and", "on", "the", "&"}, key=len, reverse=True)
_RUN = re.compile(
    rf"(?=[A-ZÀ-ÖØ-ÞĀ-Ž])(?:(?<![\w’'-])|(?<=\bal-)|(?<=\bel-)|(?<=\bd')|(?<=\bd’))"
    rf"{_CAP}"  # a capital opens a name, not inside a word ("iPad"), after "al-" or "d'" too
    rf"(?:\s+(?:(?:{'|'.join(map(re.escape, _JOINERS))})\s+)*(?:al-|el-|d['’])?{_CAP})*"
)  # "Omar al-Masri", "Claire d’Arcy-Vale": a particle inside a run belongs to the name
_SPLIT = re.compile(r"\s+(?:of|for|and|on|the)\s+")  # "Procter & Gamble": one name
# "Man Arrested For Allegedly Killing ...": a headline's title case, no name
HEADLINE = re.compile(r"[A-Z]\w*\s+(?:For|In|To|With|On|At|By|After|Over|As)\s+[A-Z]\w*\s+[A-Z]")
# "the Example Harbour Board on Monday": a date after "on" ends the name
_ON_DATE = re.compile(
    r"\s+on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
    r"March|April|May|June|July|August|September|October|November|December)\b"
)


@dataclass(frozen=True)
class Name:
    text: str
    start: int
    end: int
    person: bool


def strip_titles(words: list[str]) -> list[str]:
    """Drop leading honorifics and job titles: "Interior Minister Arturo Murillo" -> name only."""
    while len(words) > 1 and (words[0].lower() in TITLES or words[0].lower() in STOP_CAPS):
        words = words[1:]
    return words


def is_org(words: list[str]) -> bool:
    """An organisation word, or an acronym ("NFRA"); a name's "III" is no acronym."""
    return _is_org(tuple(words))


@lru_cache(maxsize=8192)  # asked for every name and phrase, of a few hundred distinct ones
def _is_org(words: tuple[str, ...]) -> bool:
    if len(words) > 1 and words[-1].strip(",").casefold() in SUFFIXES:
        words = words[:-1]
    return any(w.lower().strip("(),") in ORG_WORDS for w in words) or any(
        w.strip("().,").isupper() and len(w.strip("().,")) >= 2 for w in words
    )  # "NFRA", "(TCCA)"; not the "B." of "Terminal B."


# where a text gives one word as someone's name: "who gave his name only as Kofi", "who gave only
# her surname, Lau", "identified only as Mwangi", "asked to be identified by her first name, Ana"
_GIVEN_NAME = re.compile(
    r"\b(?:(?:gave|giving|gives|give|provided|offered)\s+(?:only\s+)?(?:his|her|their)\s+"
    r"(?:first\s+|last\s+|given\s+|sur)?name\s+(?:only\s+)?(?:as\s+)?"
    r"|(?:gave|giving|gives|give|provided|offered)\s+only\s+(?:his|her|their|a)\s+"
    r"(?:first\s+name|last\s+name|surname|given\s+name|name)\s*(?:,|as)\s*"
    r"|(?:identified|known|named)\s+(?:(?:himself|herself|themselves)\s+)?(?:simply\s+|only\s+)?"
    r"as\s+"
    r"|(?:identified|named)\s+(?:only\s+)?by\s+(?:his|her|their)\s+(?:first\s+|last\s+|sur)?"
    r"name,?\s+)"
)
_GIVEN_WORDS = re.compile(r"name|only as|identified|known")
GIVEN_NAME_BEFORE = re.compile(rf"(?:{_GIVEN_NAME.pattern})$")  # the words end right before


_NICKNAME_GAP = re.compile(r"\s+[“\"‘'«]_{1,20}[”\"’'»]\s+")


def _join_nicknames(text: str, names: list[Name]) -> list[Name]:
    """ "Ramon “Monching” Dizon": one person across the (masked) nickname, not "Ramon" and
    "Dizon"; the span covers the nickname, the name leaves it out."""
    out: list[Name] = []
    for n in names:
        prev = out[-1] if out else None
        if (
            prev is not None
            and n.text[:1].isupper()
            and len(n.text.split()) <= 2
            and _NICKNAME_GAP.fullmatch(text, prev.end, n.start)
        ):
            words = prev.text.split() + n.text.split()
            inner = _inner_title(words)  # "San Benildo Mayor Rodolfo “Dodoy” Villaraza"
            if len(words) - inner <= 4:
                start = prev.start
                for w in words[:inner]:
                    start = text.find(w, start) + len(w)
                start = text.find(words[inner], start) if inner else start
                out[-1] = Name(" ".join(words[inner:]), start, n.end, True)
                continue
        out.append(n)
    return out


def find_names(text: str) -> list[Name]:
    """Capitalised runs in `text` (a masked text: quotes blanked out), classified person or not."""
    out = []
    seen: dict[str, tuple[tuple[str, int, int, bool], ...]] = {}
    titled: list[Name] = []  # "Pope", "King" alone: a title, or the surname of someone named
    for m in _RUN.finditer(text):
        for base, run in _pieces(m):
            if " " not in run and "\n" not in run:
                # one word, the common case: the rules of _name, done quickly
                low = run.lower()
                if low in TITLES and low not in STOP_CAPS:
                    titled.append(Name(run, base, base + len(run), False))
                    continue
                if not (
                    low in STOP_CAPS
                    or low in _TRAILING
                    or _HYPHENATED.match(run)
                    or _INITIALS.fullmatch(run)
                    or _NOT_A_NAME.fullmatch(run)
                ):
                    out.append(Name(run, base, base + len(run), False))
                continue
            found = seen.get(run)
            if found is None:
                found = seen[run] = _run_names(run)
            out.extend(Name(t, base + s, base + e, p) for t, s, e, p in found)
    # a plural possessive's apostrophe closing the name is no part of it: "Lethoko-Adams’ role"
    out = [
        Name(n.text[:-1], n.start, n.end - 1, n.person) if n.text[-1] in "’'" else n for n in out
    ]
    if "_" in text:
        out = _join_nicknames(text, out)
    given = {  # the full pattern only near its words, rare in news: a scan with it is slow
        m.end()
        for hit in _GIVEN_WORDS.finditer(text)
        for m in _GIVEN_NAME.finditer(text, max(0, hit.start() - 40), hit.end() + 30)
    }
    if given:  # "who gave his name only as Kofi": one word, a person
        out = [replace(n, person=True) if n.start in given else n for n in out]
    if titled:  # "Kieran Pope ... Pope said": the title word is his surname
        surnames = {n.text.split()[-1] for n in out if n.person}
        kept = [n for n in titled if n.text in surnames]
        if kept:
            out = sorted(out + kept, key=lambda n: n.start)
    return out


_CUT = re.compile(rf"[ \t]*\n[ \t]*\n\s*|{_ON_DATE.pattern}\s*")


def _pieces(m: re.Match) -> list[tuple[int, str]]:
    """A capitalised run cut where no name goes on: at a paragraph break (a headline's last
    word and the next paragraph's first are no name), and at "on Monday" (dropped)."""
    run, at, out = m.group(0), 0, []
    if "\n" not in run and " on " not in run:
        return [(m.start(), run)]  # nearly every run: nothing to cut
    for cut in [*_CUT.finditer(run), None]:
        if run[at : cut.start() if cut else None]:
            out.append((m.start() + at, run[at : cut.start() if cut else None]))
        at = cut.end() if cut else at
    return out


def _run_names(run: str) -> tuple[tuple[str, int, int, bool], ...]:
    """The names in a run of several capitalised words, offsets relative to the run (names
    recur through an article, so find_names works each run out once)."""
    person_of = _PERSON_OF.match(run)
    given = [w for w in person_of.group(1).split() if w.lower() not in TITLES] if person_of else []
    if given and given[0].casefold() in first_name_genders():  # "PC Ann Lee of Example Police"
        # "Gideon Thrale of the Meridian Reform Party": a person, then the body they belong to
        org_at = person_of.end()
        return (
            *_run_names(person_of.group(1)),
            *((t, org_at + s, org_at + e, p) for t, s, e, p in _run_names(run[org_at:])),
        )
    office = _OFFICE_OF.match(run)
    if office and not is_org(office.group(1).split()) and not _PORTFOLIO.search(office.group(1)):
        # "Minister of Territorial Administration Célestine Mabiala": the portfolio, then her
        at = office.start(1)
        return ((office.group(1), at, len(run), True),)
    if _SPLIT.search(run) and not is_org(run.split()) and not _ADVOCACY.match(run):
        # "Áñez and Camacho" are two names; "Center for Economic and Policy Research" is one.
        found: list[Name] = []
        pos = 0
        for piece in _SPLIT.split(run):
            at = run.find(piece, pos)
            pos = at + len(piece)
            found.extend(_name(run, piece.split(), at, pos))
    else:
        found = _name(run, run.split(), 0, len(run))
    return tuple((n.text, n.start, n.end, n.person) for n in found)


# an office and its portfolio before a name: "Minister of Health Ada Quill"
_OFFICE_OF = re.compile(
    r"(?:Minister|Secretary|Director|Head|Governor|Commissioner|Chairman|Chairwoman|Chair)"
    r"\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w’'-]+\s+){1,4}?"
    r"([A-Z][\w’'-]+\s+(?:(?:Ní|Nic|Ó|Uí|Mac|Van|Von|De|Di|Da|Le|La|Al|El|Bin)\s+)?[A-Z][\w’'-]+)$"
)  # "... Agriculture Siobhán Ní Bhriain": a particle inside the name
_PORTFOLIO = re.compile(
    r"\b(?:Affairs|Health|Finance|Defen[cs]e|Justice|Interior|Education|Transport|Agriculture|"
    r"Trade|Energy|Environment|Labour|Labor|Security|Development|Works|Planning|Culture|Sport|"
    r"Tourism|Housing|Communications|Information|Economy|Industry|Fisheries|Mines|Water|"
    r"Lands|Commerce|Treasury|Welfare|Youth|Women|Science|Technology|State)\b"
)
_PERSON_OF = re.compile(
    r"([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})\s+(?:of|from)\s+(?:the\s+)?(?=[A-Z])"
)
_GERUND = re.compile(r"[A-Z][a-z]{2,}ing")
_PARTICIPLE_FIRST = re.compile(r"[A-Z][a-z]{3,}ed")
_GERUND_NAMES = {"Sporting", "Reading", "Racing", "Flushing", "Harding", "Manning", "Browning"}
_NOT_A_NAME = re.compile(
    r"[A-Z]{2,}(?:\s+[A-Z]{2,})+"  # page furniture in capitals: READ MORE, WATCH NOW
    r"|(?:Western|Eastern|Northern|Southern|Central|North|South|East|West)\s+[A-Z][a-z]+"
    r"(?:ian|an|ese|ish|i)"  # a demonym with its region: Western Canadian
)
# "Parents for Safer Streets": a plural noun and "for" name a group, not two names
_ADVOCACY = re.compile(r"[A-Z][a-z]+[^s\W]s\s+for\s+[A-Z]")
_HYPHENATED = re.compile(r"^[\w]+-[a-z]+$")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_TRAILING = CONNECTORS | {"of", "for", "and", "on", "the"}


# a capitalised common noun of a person's role opening a sentence: "Analyst Lev Dorogin"
_ROLE_FIRST = re.compile(r"[A-Z][a-z]{3,}(?:ist|yst|er|or|ian|ant|ent)|" + "|".join(
    "Guard Forward Centre Center Prop Lock Fullback Quarterback Halfback Shortstop Rookie "
    "Veteran Wing".split()  # "Guard Micah Ferrante": a position, no part of the name
))
_POSITIONS = frozenset(_ROLE_FIRST.pattern.split("|")[1:])


def _role_before_name(words: list[str]) -> bool:
    """ "Analyst Lev Dorogin", "Activist Farida Qureshi": a role word, not part of the name,
    before a first name the name list knows (not "Carter Ann Lee" if Carter is a name); a
    player's position before any name of two words."""
    first = first_name_genders()
    return (
        3 <= len(words) <= 5
        and words[0].casefold() not in first
        and (words[1].casefold() in first or words[0] in _POSITIONS)
        and not is_org(words[1:])
    )


def _name(text: str, words: list[str], start: int, run_end: int) -> list[Name]:
    """A run of capitalised words as a Name, without leading function words and titles."""
    # Drop a leading sentence-initial function word ("The", "After") and titles, with their
    # portfolio: "Secretary of State Mike Pompeo" is Mike Pompeo.
    titled = False
    while words and (
        words[0].lower() in STOP_CAPS
        or words[0].lower() in TITLES
        or _HYPHENATED.match(words[0])
        or (titled and words[0] == "of" and len(words) > 3)
        or (
            len(words) > 1 and _GERUND.fullmatch(words[0]) and words[0] not in _GERUND_NAMES
        )  # "Assuming MPs agree"; not "Sporting Vellmar", "Reading FC"
        or (
            len(words) > 1
            and _PARTICIPLE_FIRST.fullmatch(words[0])
            and words[0].lower() not in first_name_genders()
            and not is_org(words)
        )  # "Crewed Halcyon launch slips"; not "Fred", "Ahmed", "United Airlines"
        or _ROLE_FIRST.fullmatch(words[0]) and _role_before_name(words)
    ):
        drop = 2 if titled and words[0] == "of" else 1
        titled = words[0].lower() in TITLES
        for _ in range(drop):
            start += len(words[0])
            start = text.find(words[1], start) if len(words) > 1 else start
            words = words[1:]
    if all(_INITIALS.fullmatch(w) for w in words):
        return []  # initials alone ("U.S.") name no one
    if _NOT_A_NAME.fullmatch(" ".join(words)):
        return []  # "READ MORE", "Western Canadian": page furniture, a demonym
    while words and words[-1].lower() in _TRAILING:
        words = words[:-1]
    if not words:
        return []
    inner = _inner_title(words)
    if inner:
        # "Example Board Chief Executive Ada Quill": the person after the last inner title
        at = start
        for w in words[:inner]:
            at = text.find(w, at) + len(w)
        at = text.find(words[inner], at)
        name = " ".join(words[inner:])
        if at >= 0 and text.startswith(name, at):
            return [Name(name, at, at + len(name), True)]
    name = " ".join(words)
    end = start + len(name) if text.startswith(name, start) else run_end
    person = (
        2 <= len(words) <= 4
        and not is_org(words)
        and all(w[0].isupper() or w in CONNECTORS for w in words)
        and not _place_or_event(words)
    )
    return [Name(name, start, end, person)]


# The head words of places, venues and events: "Stella's Cafe", "Lake Placid", "Singles Day"
# are no one, however much their capitals look like a first and a last name.
_PLACE_OR_EVENT_LAST = frozenset(
    "day days week weekend month year festival fest cup games championship championships awards "
    "prize street road lane avenue boulevard square park lake river mountain mountains hill "
    "hills bay beach island islands valley cafe café bar pub restaurant hotel inn shop store "
    "market mall hall station airport bridge tower stadium arena theatre theater cathedral "
    "castle palace garden gardens farm estate coast sea ocean desert forest canyon falls harbour "
    "harbor port district village town heights fields quay pier wharf marina way drive close "
    "crescent terrace row place plaza gate library gallery zoo circuit track course trail canal "
    "reservoir quarry marsh moor creek wharf dock docks lock junction".split()
)
_PLACE_FIRST = frozenset("lake mount mt port fort cape isle glen loch camp".split())


def _place_or_event(words: list[str]) -> bool:
    """ "Lake Placid", "Singles Day", "Stella's Cafe"; not "Fiona Hill" or "Doris Day", whose
    first word is a first name standing alone."""
    if words[0].lower() in _PLACE_FIRST:
        return True
    if _key(words[-1]) not in _PLACE_OR_EVENT_LAST:
        return False
    possessive = words[0].endswith(("’s", "'s"))
    return possessive or words[0].casefold() not in first_name_genders()


def _inner_title(words: list[str]) -> int:
    """Index of the first word of a person's name after a title inside the run, else 0."""
    if len(words) < 3:
        return 0
    for i in range(len(words) - 2, 0, -1):
        low = words[i].lower()
        rest = words[i + 1 :]
        if low in INNER_TITLES or (
            low in TITLES and rest[0].casefold() in first_name_genders()  # "Police Chief Ada X"
        ):
            if 2 <= len(rest) <= 3 and not is_org(rest) and rest[0].lower() not in TITLES:
                return i + 1
            return 0
    return 0


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

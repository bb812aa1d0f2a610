"""Proper names in a draft: capitalised runs, and which of them name a person.

Rule-based and light: honorifics and titles stripped, organisation words recognised, page
furniture and sentence openers set aside. `name_index.NameIndex` builds on the names found here
the article's index of people (a surname to the fullest name, titles, genders).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from babel import Locale

from .genders import SUFFIXES, first_name_genders
from .genders import key as _key
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
        # "Permanent Secretary", "Country Representative"; not "Kieran Pope"
        and not (words[-1].lower() in TITLES and words[0].casefold() not in first_name_genders())
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
    "reservoir quarry marsh moor creek wharf dock docks lock junction general".split()
)
_PLACE_FIRST = frozenset("lake mount mt port fort cape isle glen loch camp".split())


@cache
def _countries() -> frozenset[str]:
    """The one-word names of countries and regions in English, from the CLDR data in babel."""
    names = Locale("en").territories.values()
    return frozenset(n.lower() for n in names if n.isalpha())


def _place_or_event(words: list[str]) -> bool:
    """ "Lake Placid", "Singles Day", "Stella's Cafe"; not "Fiona Hill" or "Doris Day", whose
    first word is a first name standing alone."""
    if words[0].lower() in _PLACE_FIRST:
        return True
    if _key(words[-1]) not in _PLACE_OR_EVENT_LAST and _key(words[-1]) not in _countries():
        return False  # "Doorstep Ireland", "Hope Kenya": a body named after its country
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

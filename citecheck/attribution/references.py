"""References back to someone the article named: pronouns, roles, acronyms.

"he" is the subject of the nearest sentence before that names a person; "the president" the
person introduced with that title; "the CDC" the organisation the article spelled out earlier.
"""

from __future__ import annotations

import gzip
import re
from bisect import bisect_left, bisect_right
from functools import cache
from importlib import resources

from .genders import surname_key
from .name_index import NameIndex
from .name_words import STOP_CAPS, TITLES
from .names import GIVEN_NAME_BEFORE, Name, is_org

_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")


DETERMINER = re.compile(
    r"^(?:a|an|the|one|two|three|several|some|many|another|other|its|his|her|their)\s+",
    re.IGNORECASE,
)


def is_description(chunk: str) -> bool:
    """ "the Russian undersecretary of foreign relations": a determiner and a common-noun head."""
    if not DETERMINER.match(chunk) or _FINITE_VERB.search(_RELATIVE.split(chunk, 1)[0]):
        return False  # "the danger is that we": a clause, not a noun phrase
    words = chunk.split()[1:]
    if chunk.split()[0].lower() in ("a", "an") and 1 <= len(words) <= 4:
        return True  # "a Democrat", "an Example Party MP": no name takes "a"
    if 1 <= len(words) <= 3 and all(w.lower() in TITLES or w in ("of", "the") for w in words):
        return True  # "The Pope", "the Prime Minister": a title in capitals
    return any(
        (w[:1].islower() or w[:1].isdigit()) and w not in ("of", "for", "and", "in", "the", "de")
        for w in words
    )


_RELATIVE = re.compile(r"\b(?:who|that|which|whose)\b")


_FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|do|does|did|will|would|can|could|should|may|might|"
    r"must|\w+n[’']t)\b"
)


_NAME_WORD = r"[\w’'-]*"


_NAME_JOIN = r"(?:\s+(?:of|for|and|the|on|&|de|del|la|des)\s+|\s+)"


_CAPS_BEFORE = re.compile(r"(?:[A-Z][\w’'-]*\s+)+$")


_CAPS_AFTER = re.compile(r"(?:\s+(?:and|of|for|&)\s+[A-Z][\w’'-]*|\s+[A-Z][\w’'-]*)*")


ACRONYM_WINDOW = 8000


_SPELLED: dict[tuple[int, str], tuple[str, list[tuple[int, int]]]] = {}


def _spelled_out(acronym: str, masked: str) -> list[tuple[int, int]]:
    """Spans of capitalised words whose initials spell `acronym`, found once per draft."""
    key = (id(masked), acronym)
    cached = _SPELLED.get(key)
    if cached is None or cached[0] is not masked:
        if len(_SPELLED) > 64:
            _SPELLED.clear()
        pattern = re.compile(r"\b" + _NAME_JOIN.join(c + _NAME_WORD for c in acronym) + r"\b")
        cached = _SPELLED[key] = (masked, [m.span() for m in pattern.finditer(masked)])
    return cached[1]


# a name defined with its acronym in brackets: "the Independent Electoral Authority (AEI)"
_DEFINED = (
    r"\b([A-Z][\w’'-]*(?:[ \t]+(?:(?:of|for|and|the|on|de|du)[ \t]+)*[A-Z][\w’'-]*){{1,6}})"
    r"\s+\({}\)"  # within a line: not the headline above it
)


def expand_acronym(text: str, at: int, masked: str) -> str:
    """ "the CDC" -> "Example Center for Disease Control" when the article spelled it out before
    (initials of the capitalised words, in order); else `text` as it is."""
    m = _ACRONYM.search(text)
    if m is None:
        return text
    if text.strip() == m.group(0):  # "the AEI" after "the Independent Electoral Authority (AEI)"
        defined = list(re.finditer(_DEFINED.format(re.escape(m.group(0))), masked[:at]))
        if defined:
            return re.sub(r"^The\s+", "", " ".join(defined[-1].group(1).split()))
    spelled = _spelled_out(m.group(0), masked)
    k = bisect_left(spelled, (at,)) - 1  # the last one before `at`, within the window
    if k < 0 or spelled[k][0] < at - ACRONYM_WINDOW or spelled[k][1] > at:
        k += 1  # else, for a headline's "AP" (in the first paragraph), the story's spelling-out
        headline = "\n\n" not in masked[:at]
        if not headline or k >= len(spelled) or spelled[k][0] > at + ACRONYM_WINDOW:
            return text
    s, e = spelled[k]
    before = _CAPS_BEFORE.search(masked, max(0, s - 60), s)
    if before:
        words = before.group(0).split()
        while words and words[0].lower() in STOP_CAPS:
            words = words[1:]
        s -= len(" ".join(words)) + 1 if words else 0
    e = _CAPS_AFTER.match(masked, e).end()
    full = " ".join(masked[s:e].split())
    rest = text[: m.start()].split() + text[m.end() :].split()
    if all(w in full.split() for w in rest if w.lower() not in STOP_CAPS):
        return full
    return text


PERSON_ROLES = {
    "president", "minister", "secretary", "ambassador", "senator", "governor", "mayor", "coach",
    "manager", "boss", "chief", "spokesman", "spokeswoman", "spokesperson", "official", "director",
    "ceo", "founder", "chairman", "chairwoman", "leader", "judge", "professor", "scientist",
    "researcher", "author", "lawyer", "attorney", "captain", "general", "pope", "king", "queen",
    "premier", "chancellor", "prosecutor", "star", "striker", "player", "actor", "actress",
    "singer", "executive", "economist", "analyst", "commissioner", "diplomat", "envoy",
    "figure", "politician", "veteran", "campaigner", "activist", "businessman", "businesswoman",
    "billionaire", "entrepreneur", "rapper", "musician", "champion", "winner", "forward",
    # the people of local news, named once and then described
    "proprietor", "owner", "resident", "baker", "butcher", "farmer", "fisherman", "teacher",
    "headteacher", "nurse", "doctor", "surgeon", "driver", "worker", "student", "pupil",
    "mother", "father", "widow", "widower", "victim", "witness", "survivor", "neighbour",
    "neighbor", "shopkeeper", "landlord", "landlady", "tenant", "chef", "artist", "painter",
    "writer", "novelist", "poet", "designer", "engineer", "architect", "officer", "councillor",
    "councilman", "councilwoman", "priest", "pastor", "vicar", "bishop", "rabbi", "imam",
    "volunteer", "organiser", "organizer", "host", "presenter", "journalist", "reporter",
    "photographer", "filmmaker", "producer", "athlete", "runner", "swimmer",
    "cyclist", "goalkeeper", "midfielder", "defender", "batsman", "bowler", "jockey", "trainer",
    "grandmother", "grandfather", "daughter", "son", "wife", "husband", "mum", "dad",
    "pensioner", "retiree", "youngster", "teenager", "mp", "td", "mla", "lawmaker", "congressman",
    "congresswoman", "candidate", "nominee", "chair", "treasurer", "principal", "dean",
    "historian", "expert", "specialist", "consultant", "adviser", "advisor", "sergeant",
    "detective", "inspector", "constable", "firefighter", "paramedic", "pilot", "sailor",
    "soldier", "creator", "inventor", "developer", "investor", "trader", "banker",
    "shopowner", "publican", "innkeeper", "gardener", "beekeeper", "carpenter", "plumber",
    "electrician", "mechanic", "builder", "cleaner", "waiter", "waitress", "barista",
    "postman", "postwoman", "midwife", "pharmacist", "vet", "dentist", "solicitor", "barrister",
    "accountant", "keeper", "skipper", "editor", "lecturer", "academic", "diver", "grandson",
    "granddaughter", "grandad", "grandma", "gran", "schoolgirl", "schoolboy", "footballer",
    "referee", "umpire", "carer", "caretaker", "hairdresser", "barber", "tailor", "florist",
    "retailer", "aide", "negotiator", "mediator", "protester", "demonstrator", "coroner",
    "investigator", "pathologist", "counsel", "boy", "girl", "lady", "teen", "youth",
    # the people of court and crime copy, and a few more named once and then described
    "suspect", "accused", "defendant", "plaintiff", "juror", "claimant", "complainant",
    "sheriff", "gaffer", "evacuee", "motorist", "commuter", "passenger", "parent", "trustee",
    "donor",
}  # fmt: skip


_AGENT_NOUN = re.compile(r"[a-z]{3,}(?:er|or|ist|ian|ant|ent)|sophomore|junior|senior")


def names_someone(noun: str) -> bool:
    """A noun for a person: a listed role, or one built like an agent ("backbencher",
    "crofter", "investigator") -- looser than `is_person_role`, for unnamed people only."""
    return is_person_role(noun) or bool(_AGENT_NOUN.fullmatch(noun))


def is_demonym(word: str) -> bool:
    """A capitalised nationality that names a person: "the Brazilian", "the Scot"."""
    low = word.lower()
    return (
        word[:1].isupper()
        and (low in _NATIONALS or (len(low) > 5 and low.endswith(("ian", "ean", "ese"))))
        and low not in _NOT_ROLES
    )


def is_person_role(noun: str) -> bool:
    """A noun that names a person by what they do: listed, WordNet's ("cook", "pensioner"),
    or built to ("fireman", "biologist", "chairperson")."""
    return (
        noun in PERSON_ROLES
        or (noun in person_nouns() and noun not in _SOMEONE_ELSE)
        or (noun.endswith(("man", "woman", "ist", "person")) and noun not in _NOT_ROLES)
        or is_demonym(noun.title())  # "the Brazilian", "the Canadian": the person just named
    )


@cache
def person_nouns() -> frozenset[str]:
    """The nouns whose first sense is a person in WordNet 3.0: person_nouns.txt.gz, built by
    scripts/build_person_nouns.py (source and license in the file); read once, on first use."""
    data = resources.files("citecheck.attribution").joinpath("person_nouns.txt.gz").read_bytes()
    lines = gzip.decompress(data).decode("utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


# person nouns "the <noun> said" rarely uses for the person just named: an unnamed source
# ("the friend", "the insider"), or someone the article sets beside them ("the patient" of the
# doctor quoted, "the rep" of the star)
_SOMEONE_ELSE = {
    "friend", "pal", "insider", "source", "patient", "rep", "relative", "acquaintance",
    "associate", "colleague", "companion", "ally", "contact", "informant", "confidant",
    "confidante", "mate", "buddy", "chum", "crony",
}  # fmt: skip


_NATIONALS = {
    "scot", "swede", "dane", "finn", "pole", "brit", "kiwi", "aussie", "briton", "spaniard",
    "dutchman", "frenchman", "englishman", "irishman", "welshman", "scotsman", "argentine",
    "filipino", "filipina", "turk", "greek", "thai", "czech", "israeli", "pakistani",
}  # fmt: skip
_NOT_ROLES = {
    "human", "gist", "list", "mist", "twist", "fist", "wrist", "exist", "assist", "insist",
    "persist", "resist", "consist", "desist", "subsist", "shortlist", "checklist", "playlist",
    "wishlist", "blacklist", "whitelist", "waitlist", "median", "guardian", "custodian",
    "meridian", "civilian", "ocean", "european",
}  # fmt: skip


# the nouns "the company said" may use for the body just named; "the union", "the board"
# stand only for a body whose name holds the noun
GENERIC_BODIES = frozenset(
    "agency company group organization organisation firm office government administration "
    "campaign charity foundation institute center centre network operator utility airline "
    "carrier insurer lender retailer manufacturer supplier chain startup broadcaster "
    "publisher developer club brokerage bank consultancy label studio".split()
)


DOCUMENT_NOUNS = {"statement", "letter", "report", "release", "memo", "filing", "complaint"}


PRONOUN_WINDOW = 3000  # characters before a pronoun searched for the person it stands for


def names_between(names: list[Name], start: int, end: int) -> list[Name]:
    """Names starting in [start, end); `names` is sorted by start (as find_names returns it)."""
    starts = _starts(names)
    return names[bisect_left(starts, start) : bisect_left(starts, end)]


_STARTS_CACHE: dict[int, tuple[list[Name], list[int]]] = {}


def _starts(names: list[Name]) -> list[int]:
    cached = _STARTS_CACHE.get(id(names))
    if cached is None or cached[0] is not names:
        _STARTS_CACHE.clear()
        cached = _STARTS_CACHE[id(names)] = (names, [n.start for n in names])
    return cached[1]


_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
           "she": "f", "her": "f", "hers": "f", "herself": "f"}  # fmt: skip


def resolve_pronoun(
    pos: int,
    names: list[Name],
    index: NameIndex,
    masked: str,
    pronoun: str | None = None,
    others: bool = False,
) -> tuple[str | None, tuple[int, int] | None]:
    """The person a pronoun at `pos` stands for: the subject of the nearest sentence before it
    that names a person whose gender, where the article shows it, agrees with the pronoun
    ("she" never stands for a man the article calls "Mr" or "he"). `others`: never a person
    named earlier in the same sentence ("Questioned by Mr Quill, the 61-year-old said": not
    Quill, else the writer would have said "he")."""
    want = _GENDER.get((pronoun or "").lower())
    lo = max(0, pos - PRONOUN_WINDOW)  # look back a few sentences, not the whole article
    candidates = names_between(names, lo, pos)
    if not candidates:
        return None, None
    sentence_starts = [lo] + [m.end() for m in _PRONOUN_BOUNDARY.finditer(masked, lo, pos + 1)]
    # the sentence of the pronoun first ("Holmes testified, saying he recalled"), then back;
    # in each, its first person (the subject)
    by_sentence: dict[int, list[Name]] = {}
    for n in candidates:
        by_sentence.setdefault(bisect_right(sentence_starts, n.start), []).append(n)
    own = bisect_right(sentence_starts, pos)
    skip = {surname_key(n.text) for n in by_sentence.get(own, ())} if others else set()
    for k in sorted(by_sentence, reverse=True):
        opening = sentence_starts[k - 1] if k > 0 else lo
        lead = _GERUND_LEAD.match(masked, opening)  # "Recording that Mr X died, the coroner"
        if lead and any(n.person for n in names_between(names, opening, opening + 1)):
            lead = None  # "Manning said the plan, ...": a surname, no gerund
        for n in by_sentence[k]:
            if skip and surname_key(n.text) in skip:
                continue
            if lead and n.start < lead.end():
                continue
            if n.person or index.is_person(n.text):
                if n.text.split()[0].lower() in TITLES and len(n.text.split()) == 1:
                    continue
                if (
                    (
                        _AFTER_PREPOSITION_THE.search(masked, max(0, n.start - 14), n.start)
                        and not GIVEN_NAME_BEFORE.search(masked, max(0, n.start - 70), n.start)
                        and not _WORDS_OF.search(masked, max(0, n.start - 30), n.start)
                        and not _AGENT_BY.search(masked, max(0, n.start - 24), n.start)
                    )
                    or _TO_THE_KIND.search(masked, max(0, n.start - 40), n.start)
                    or _TOLD_BEFORE.search(masked, max(0, n.start - 16), n.start)
                ):
                    continue  # "sacked by Example United", "speaking to the daily X": no subject
                if want and index.gender(n.text) not in (None, want):
                    continue
                head = head_of_modifiers(n, candidates, masked)
                if not (want and index.gender(head.text) not in (None, want)):
                    n = head
                return index.expand(n.text), (n.start, n.end)
    return None, None


# a sentence's lead clause on a gerund: the names in it are not the sentence's subject
GERUND_OPENER = re.compile(r"[A-Z][a-z]+ing\s+[a-z]")  # "Giving evidence", "Recording a ..."
_GERUND_LEAD = re.compile(GERUND_OPENER.pattern + r"[^,.;]{0,200},")


def resolve_plural(
    pos: int, names: list[Name], index: NameIndex, masked: str, pairs: bool = True
) -> tuple[str | None, tuple[int, int] | None]:
    """What "they" at `pos` stands for: the nearest organisation ("The Example Board met ...
    they said") or pair of people ("Ada Quill and Paul Grey ... they said") named before it,
    never one person. `pairs=False` ("it"): the organisation only."""
    lo = max(0, pos - PRONOUN_WINDOW)
    candidates = names_between(names, lo, pos)
    group = None
    if pairs:  # "The couple have lived here for years. “…,” they said."
        near = masked[max(0, pos - _GROUP_REACH) : pos]
        group = next(reversed(list(_GROUP_SUBJECT.finditer(near))), None)
        group_at = pos - len(near) + group.start(1) if group else -1
    for i in range(len(candidates) - 1, -1, -1):
        n = candidates[i]
        if group is not None and n.end <= group_at:
            break  # the group is named after every body or pair before it
        prev = candidates[i - 1] if i > 0 else None
        if pairs and prev is not None and masked[prev.end : n.start] == " and ":
            people = [m for m in (prev, n) if m.person or index.is_person(m.text)]
            if len(people) == 2:
                text = f"{index.expand(prev.text)} and {index.expand(n.text)}"
                return text, (prev.start, n.end)
        if is_org(n.text.split()) and not _AFTER_PREPOSITION.search(
            masked, max(0, n.start - 8), n.start
        ):
            return n.text, (n.start, n.end)
    if group is not None:
        return group.group(1), (group_at, group_at + len(group.group(1)))
    return None, None


# a group as a sentence's subject: "The couple", "The two men", "Both families"
_GROUP_SUBJECT = re.compile(
    r"(?:^|[.!?][”’\"]?\s+|\n\n)((?:The|Both|All|Many)\s+(?:two\s+|three\s+|[a-z]+\s+)?"
    r"(?:couple|pair|family|families|brothers|sisters|parents|children|men|women|friends|"
    r"neighbours|neighbors|residents|workers|students|teachers|nurses|doctors|officials|"
    r"players|fans|protesters|victims|survivors|owners|farmers|researchers|scientists))\b"
)
_GROUP_REACH = 400  # characters: a group stands for "they" for a sentence or two


_PRONOUN_BOUNDARY = re.compile(r"[.!?][”’\"]?\s+(?=[A-Z“\"])|\n\n")


# a preposition, then the kind of thing named: "to the daily Abendpost", "by the club Example FC"
_TOLD_BEFORE = re.compile(r"\b(?:told|tells|telling|interviewed|thanked)\s+(?:[Tt]he\s+)?$")
_TO_THE_KIND = re.compile(r"\b(?:to|by|with|from|for|against)\s+the\s+(?:[a-z-]+\s+){1,2}$")
# a sentence may open on a place: "In Sham Wan, a resident ..."
_AFTER_PREPOSITION = re.compile(
    r"\b(?:by|to|from|with|against|for|of|at|about|on|in|into|over|toward|towards|like|than|"
    r"as|without|behind|beside|besides|after|before|under|In|At|From|Outside|Near)\s+$"
)
# "That was the response of Alasdair Cowie. He said ...": whose words, a subject after all
_WORDS_OF = re.compile(
    r"\b(?:response|reaction|words|view|verdict|assessment|message|reply|answer)\s+of\s+$"
)
# the agent of a passive: "a screenshot shared by Dana Whitcombe" is who did it
_AGENT_BY = re.compile(r"\b[a-z]+(?:ed|en|wn)\s+by\s+$")
# ... or with "the" between, for a person: "At the Padang Layang relief centre" is no one
_AFTER_PREPOSITION_THE = re.compile(_AFTER_PREPOSITION.pattern[:-1] + r"(?:the\s+)?$")


# plural descriptions as speakers: "officials said", "Both sides said"
QUANTIFIERS = {"both", "some", "many", "several", "most", "all", "few", "other", "two", "three"}


_PLURAL = re.compile(r"[a-z]{3,}[^su’']s")


_NOT_PLURAL = {"news", "series", "species", "has", "was", "does", "goes", "always", "perhaps"}


_IRREGULAR_PLURALS = {"people", "police", "staff", "men", "women", "children", "folks"}


def is_plural(word: str) -> bool:
    """A plural noun: "officials", "residents", "people"; not "news" or "was"."""
    return word in _IRREGULAR_PLURALS or (bool(_PLURAL.fullmatch(word)) and word not in _NOT_PLURAL)


# lowercase words between two names that make the first a modifier of the second: "Example
# Watch weapons investigator Ann Lee" (not "Ann Lee and Ben Hardy", "Lee of Example Watch")
# (a verb between them is no role: "Ada Quill met Ben Hardy", "X thanked Y")
_MODIFIER_GAP = re.compile(
    r"\s+(?:[a-z][\w-]*\s+){0,2}(?:[a-z][\w-]*(?:er|or|ist|ian|ant|ent|man|woman|person|"
    r"head|chief|boss|star|aide)|" + "|".join(sorted(PERSON_ROLES)) + r")\s+"
)


def head_of_modifiers(pick: Name, names: list[Name], masked: str) -> Name:
    """The name a name only modifies through a role between them, else the name itself."""
    k = names.index(pick)
    while k + 1 < len(names) and _MODIFIER_GAP.fullmatch(masked, names[k].end, names[k + 1].start):
        k += 1
    return names[k]


OF_THE = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?")  # "Gideon Thrale of the Example Party"
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof"}


def head_name(inside: list[Name], phrase: str, start: int) -> Name | None:
    """The name that heads the phrase: the last one, unless it sits after a preposition."""
    for k in range(len(inside) - 1, -1, -1):
        n = inside[k]
        if (
            k
            and inside[k - 1].person
            and OF_THE.fullmatch(phrase, inside[k - 1].end - start, n.start - start)
        ):
            return inside[k - 1]  # "Gideon Thrale of the Example Party": the person
        pre = phrase[: n.start - start].rstrip().split()
        while pre and pre[-1].lower().rstrip(".") in _HONORIFICS:
            pre.pop()  # "a colleague of Mr Ward": "of" before the honorific
        if pre and pre[-1].startswith("(") or phrase[n.start - start - 1 : n.start - start] == "(":
            continue  # an acronym in brackets belongs to the name before it
        if pre and pre[-1].lower() in ("in", "of", "from", "at", "to", "for", "by", "with", "on"):
            if is_description(phrase):
                return None  # "an indigenous worker in El Alto": a description, not El Alto
            continue
        if (
            len(pre) >= 3
            and [w.lower() for w in pre[-2:]] == ["of", "the"]
            and is_person_role(pre[-3].lower())
            and is_description(phrase)
        ):
            return None  # "The incoming president of the Example Assembly": a person, unnamed
        return n
    return None

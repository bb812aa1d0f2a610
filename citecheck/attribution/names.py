"""Proper names in a draft: who is a person, and the fullest form of each name.

Rule-based and light: capitalised runs, honorifics stripped, organisation words recognised. A
surname ("Morales") maps to the fullest name the article gives ("Evo Morales") so that pronouns and
later mentions resolve to one speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TITLES = {
    "president", "vice", "minister", "senator", "sen.", "rep.", "representative", "gov.",
    "governor", "mayor", "dr.", "dr", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "prof.", "professor",
    "general", "gen.", "judge", "justice", "chief", "secretary", "pope", "king", "queen", "prince",
    "princess", "sir", "dame", "lord", "lady", "rev.", "father", "sister", "brother", "col.",
    "colonel", "lt.", "lieutenant", "capt.", "captain", "sgt.", "sergeant", "commander", "admiral",
    "chancellor", "premier", "prime", "deputy", "undersecretary", "ambassador", "attorney",
    "councillor", "councilor", "councilman", "councilwoman", "speaker", "leader", "director",
    "coach", "ceo", "chairman", "chairwoman", "chair", "interior", "defense", "defence", "foreign",
    "finance", "health", "former", "new", "then", "acting", "interim", "st.", "saint", "detective",
    "officer", "inspector", "superintendent", "commissioner", "bishop", "cardinal", "rabbi", "imam",
    "sheikh", "emir", "sultan", "dean", "principal", "agent", "trooper", "sheriff", "mx.",
    "administrator", "adviser", "advisor", "spokesman", "spokeswoman", "spokesperson", "aide",
    "envoy", "executive", "manager", "chairperson", "president-elect", "senator-elect",
}  # fmt: skip
# Titles that may stand inside a capitalised run, between an organisation and a person:
# "Example Harbour Board Chief Executive Ada Quill" names Ada Quill.
INNER_TITLES = TITLES - {
    "new",
    "former",
    "then",
    "acting",
    "interim",
    "st.",
    "saint",
    "house",
    "interior",
    "defense",
    "defence",
    "foreign",
    "finance",
    "health",
    "vice",
    "prime",
    "deputy",
    "brother",
    "sister",
    "father",
    "lady",
    "lord",
    "king",
    "queen",
    "prince",
    "princess",
    "general",
    "justice",
    "leader",
    "chief",
    "director",
    "officer",
    "agent",
    "speaker",
    "executive",
    "chair",
}
INNER_TITLES |= {
    "ceo",
    "president",
    "secretary",
    "administrator",
    "minister",
    "chairman",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "adviser",
    "advisor",
    "executive",
    "officer",
}
ORG_WORDS = {
    "office", "central", "court", "ministry", "party", "center", "centre", "organization",
    "organisation", "union", "council", "councils", "congress", "department", "committee",
    "agency", "inc", "inc.", "corp", "corp.", "co.", "ltd", "llc", "association", "university",
    "police", "army", "government", "house", "senate", "parliament", "assembly", "federation",
    "institute", "foundation", "bank", "company", "group", "commission", "board", "service",
    "services", "force", "forces", "air", "navy", "church", "school", "college", "hospital",
    "museum", "league", "club", "team", "network", "news", "times", "post", "press", "journal",
    "daily", "tribune", "herald", "gazette", "media", "bureau", "administration",
    "authority", "program", "programme", "project", "fund", "trust", "society", "coalition",
    "alliance", "movement", "front", "guard", "corps", "academy", "laboratory", "lab", "labs",
    "systems", "technologies", "airlines", "motors", "capital", "partners", "holdings",
    "nations", "states", "republic", "kingdom", "county", "city", "state", "province", "region",
    "prosecutor's", "prosecutor’s", "ministry's", "department's", "white", "pentagon", "kremlin",
}  # fmt: skip
STOP_CAPS = {
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we",
    "i", "you", "his", "her", "their", "our", "my", "your", "in", "on", "at", "for", "from", "by",
    "with", "after", "before", "during", "while", "when", "where", "as", "but", "and", "or", "if",
    "meanwhile", "however", "despite", "although", "though", "because", "since", "among",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "ultimately", "early", "late", "last", "next", "both", "under",
    "highlighting", "expressing", "according", "said", "says", "there", "here", "what", "who",
    "why", "how", "not", "no", "yes", "one", "two", "three", "many", "some", "several", "all",
    "also", "then", "now", "today", "yesterday", "tomorrow", "mr", "mrs", "ms", "dr", "to", "of",
    "so", "yet", "still", "even", "just", "only", "other", "another", "each", "every", "such",
    # sentence adverbs: "Additionally, 38 percent said ..." names nobody
    "additionally", "moreover", "furthermore", "instead", "indeed", "nevertheless",
    "nonetheless", "likewise", "similarly", "separately", "overall", "finally", "later",
    "earlier", "afterwards", "eventually", "recently", "currently", "previously", "initially",
    "otherwise", "therefore", "thus", "hence", "besides", "notably", "specifically",
    "importantly", "unfortunately", "fortunately", "clearly", "again", "together", "first",
    "second", "third", "lastly", "meantime", "elsewhere", "altogether",
}  # fmt: skip
CONNECTORS = {"de", "del", "la", "las", "los", "van", "von", "der", "den", "da", "do", "dos",
              "di", "du", "le", "bin", "ibn", "al", "el", "y", "e", "st."}  # fmt: skip
PRONOUNS = {"he", "she", "him", "her", "his"}

# A capitalised word, allowing accents, apostrophes, hyphens, inner capitals and initials ("J.").
_CAP = r"(?:(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Sen|Rep|Gov|Gen|Lt|Col|[A-Z])\.|[A-ZÀ-ÖØ-ÞĀ-Ž][\w’'\-]*)"
_JOINERS = sorted(CONNECTORS | {"of", "for", "and", "on", "the", "&"}, key=len, reverse=True)
_RUN = re.compile(
    rf"(?=[A-ZÀ-ÖØ-ÞĀ-Ž]){_CAP}(?:\s+(?:(?:{'|'.join(map(re.escape, _JOINERS))})\s+)*{_CAP})*"
)
_SPLIT = re.compile(r"\s+(?:of|for|and|on|the|&)\s+")


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
    return any(w.lower().strip("(),") in ORG_WORDS for w in words) or any(
        w.strip("()").isupper() and len(w.strip("()")) >= 2 for w in words
    )


def find_names(text: str) -> list[Name]:
    """Capitalised runs in `text` (a masked text: quotes blanked out), classified person or not."""
    out = []
    seen: dict[str, tuple[tuple[str, int, int, bool], ...]] = {}
    for m in _RUN.finditer(text):
        run = m.group(0)
        if " " not in run and "\n" not in run:
            # one word, the common case: the rules of _name, done quickly
            low = run.lower()
            if not (
                low in STOP_CAPS
                or low in TITLES
                or low in _TRAILING
                or _HYPHENATED.match(run)
                or _INITIALS.fullmatch(run)
            ):
                out.append(Name(run, m.start(), m.end(), False))
            continue
        found = seen.get(run)
        if found is None:
            found = seen[run] = _run_names(run)
        base = m.start()
        out.extend(Name(t, base + s, base + e, p) for t, s, e, p in found)
    return out


def _run_names(run: str) -> tuple[tuple[str, int, int, bool], ...]:
    """The names in a run of several capitalised words, offsets relative to the run (names
    recur through an article, so find_names works each run out once)."""
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


# "Parents for Safer Streets": a plural noun and "for" name a group, not two names
_ADVOCACY = re.compile(r"[A-Z][a-z]+[^s\W]s\s+for\s+[A-Z]")
_HYPHENATED = re.compile(r"^[\w]+-[a-z]+$")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_TRAILING = CONNECTORS | {"of", "for", "and", "on", "the"}


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
    ):
        drop = 2 if titled and words[0] == "of" else 1
        titled = words[0].lower() in TITLES
        for _ in range(drop):
            start += len(words[0])
            start = text.find(words[1], start) if len(words) > 1 else start
            words = words[1:]
    if all(_INITIALS.fullmatch(w) for w in words):
        return []  # initials alone ("U.S.") name no one
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
    )
    return [Name(name, start, end, person)]


def _inner_title(words: list[str]) -> int:
    """Index of the first word of a person's name after a title inside the run, else 0."""
    if len(words) < 3:
        return 0
    for i in range(len(words) - 2, 0, -1):
        if words[i].lower() in INNER_TITLES:
            rest = words[i + 1 :]
            if 2 <= len(rest) <= 3 and not is_org(rest) and rest[0].lower() not in TITLES:
                return i + 1
            return 0
    return 0


class NameIndex:
    """Maps each surname to the fullest person name given anywhere in the article."""

    def __init__(self, names: list[Name]) -> None:
        self.full: dict[str, str] = {}
        for n in names:
            if not n.person:
                continue
            words = n.text.split()
            key = _key(words[-1])
            best = self.full.get(key)
            if best is None or len(words) > len(best.split()):
                self.full[key] = n.text

    def expand(self, name: str) -> str:
        """ "Morales" -> "Evo Morales" when the article gives the full name."""
        words = strip_titles(name.split())
        if not words:
            return name
        full = self.full.get(_key(words[-1]))
        if (
            full
            and len(full.split()) >= len(words)
            and (len(words) == 1 or _key(full.split()[0]) == _key(words[0]))
        ):
            return full
        return " ".join(words)

    def is_person(self, word: str) -> bool:
        return _key(word.split()[-1]) in self.full


def _key(word: str) -> str:
    return word.strip(".,’'s").casefold()

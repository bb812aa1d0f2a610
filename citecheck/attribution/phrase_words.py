"""The words and shapes of subject phrases: adverbs, leads, offices, datelines and the other
patterns `phrases` reads a phrase before a cue with. Data and pure patterns only."""

from __future__ import annotations

import re
from functools import lru_cache

from .cues import DATE_WORDS, SETTING_NOUNS

ADVERBS = re.compile(
    r"(?:\s+(?:has|have|had|was|were|is|are|will|would|also|then|later|first|immediately|now|"
    r"again|once|previously|recently|reportedly|publicly|repeatedly|still|had\s+also|"
    r"has\s+now|(?-i:(?!(?:family|ally|assembly|supply|daily|weekly|monthly|quarterly|"
    r"yearly|anomaly|rally|bully|folly|lily|jelly|belly|italy|sicily)\b)[a-z]{2,}ly)))+\s*$",
    re.IGNORECASE,
)  # an adverb in lowercase ("reportedly"), never "family" nor the "Kelly" of a name


NOT_SUBJECT = re.compile(
    r"(?:in|on|at|for|from|by|with|to|of|into|over|under|after|before|during|despite|as|"
    r"about|against|than|because|while|although|though|if|when|once|but|and|or|so|then|"
    r"not|being|having|[a-z]+ing)\b"
)


WHERE_SAID = re.compile(
    r"\s+(?:in|on|via|through)\s+(?:a|an|the|his|her|their|its)\s+(?:\w+\s+)?(?:message|"
    r"statement|letter|tweet|post|speech|interview|address|note|email|release|video)$"
)
RELATIVE_END = re.compile(r"(?<!ed)(?<!said)(?<!says)(?<!told)\s(?:that|which)$")
SUBORDINATE = re.compile(
    r".*\b(?:that|when|as|because|while|after|before|if|since|where|which|though|although|"
    r"until|whereas)\s+",
    re.DOTALL,
)


PARTICIPIAL_LEAD = re.compile(
    r"[A-Za-z]+(?:ed|en|ing)\s+(?:about|by|on|for|if|whether|in|at|after|to|from|with|over|why|"
    r"what|how|before)\b",
    re.IGNORECASE,
)
# someone's office, spokesperson or lawyer speaks for them
OWNED_VOICE = re.compile(
    r"(?:[A-Z][\w.&-]*\s+){0,4}[A-Z][\w.&-]*[’']s\s+(?:[a-z-]+\s+){0,2}(?:office|spokesman|"
    r"spokeswoman|spokesperson|spokespeople|lawyer|lawyers|attorney|attorneys|barristers?|"
    r"solicitors?|counsel|agent|campaign|aide|"
    r"aides|team|family|representative|representatives|press\s+secretary|publicist)"
)
# a description, then who obtained, saw or published the document: the document speaks
REDUCED_RELATIVE = re.compile(
    r"((?:[Aa]|[Aa]n|[Tt]he)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)\s+(?:obtained|seen|reviewed|published|"
    r"cited|released|quoted|filed|issued|sent|leaked|shared)(?:\s+on\s+[A-Z]\w+)?\s+"
    r"(?:by|to|with|in)\s"
)
LONE_PARTICIPLE = re.compile(r"[A-Z][a-z]+(?:ing|ed)")
PREPOSITION_LEAD = re.compile(
    r"(?:Under|After|Before|During|Following|Despite|Amid|Outside|Inside|Near|Beyond|Across)\s"
    # "In a statement to the Example Echo, a spokeswoman said": the outlet is no one's name
    r"|(?:In|On|At|With|Through|Via|By)\s+(?:a|an|the|his|her|their|its)\s"
)
LOWER_PARTICIPLE = re.compile(r"[a-z]+(?:ing|ed)\s+(?:to|at|in|on|by|from|with|for|after)\b")
# titles that name the same office: a judge is "Mrs Justice Pennant" in British copy
APPOSED = r"((?:[A-Z][\w’'-]+\s?){1,3}),"
FINITE_VERB = re.compile(r"\s(?:is|are|was|were|has|have|had|died|[a-z]{3,}ed)\s")
FAMILY = re.compile(r"[Tt]he\s+(?:[A-Z][\w’'-]+\s+){1,2}(?:family|families|household|camp)")
NAMED = r"([A-Z][\w’'-]+\s[A-Z][\w’'-]+)(?=[\s,.])"
SAME_OFFICE = {
    "judge": "judge|justice|magistrate",
    "chief": "chief|commissioner",
    "ceo": "ceo|chief\\s+executive(?:\\s+officer)?",
    "executive": "chief\\s+executive|ceo|executive",
    # "the officer" is whom the article gave a police rank: "Detective Sergeant Owen Blackwood"
    "officer": "officer|constable|sergeant|inspector|detective|superintendent|trooper|deputy|"
    "pc|dc|ds|di|dci|sgt",
    # a title's short form before the name: "Gov. Marcus Tolliver" for "the governor"
    "governor": "governor|gov\\.?",
    "senator": "senator|sen\\.?",
    "representative": "representative|rep\\.?",
    "congressman": "congressman|rep\\.?",
    "congresswoman": "congresswoman|rep\\.?",
    "professor": "professor|prof\\.?",
    "councillor": "councillor|cllr\\.?",
    "sergeant": "sergeant|sgt\\.?",
    "superintendent": "superintendent|supt\\.?",
    "inspector": "inspector|insp\\.?",
    "captain": "captain|capt\\.?",
    "colonel": "colonel|col\\.?",
    "general": "general|gen\\.?",
    "lieutenant": "lieutenant|lt\\.?",
    "attorney": "attorney|atty\\.?",
    # a secretary of a portfolio is a minister: "Health Secretary Miranda Ashcombe"
    "minister": "minister|(?:home|health|foreign|defen[cs]e|education|transport|environment|"
    "culture|business|justice|energy|interior|labou?r|agriculture|commerce|treasury|cabinet|"
    "housing|trade|finance|scottish|welsh)\\s+secretary",
}
DATELINE = re.compile(  # "TORONTO —", "CITY (Wire) -", a live blog's "08:20 —"
    r"(?:[A-Z][A-Z .,’'-]{2,40}(?:\s*\([^()]{1,40}\))?|\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)"
    r"\s*[-—–]+\s+"
    # "Kantipur, June 14 (PNA):": a place, the date and the agency, as Indian wires write it
    r"|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2},\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+"
    r"[A-Z][a-z]{2,8})\s*(?:\([^()]{1,40}\))?\s*[:—–-]\s*"
)
DEFINITE = re.compile(r"(?:the|this|that)\s", re.IGNORECASE)
INDEFINITE = re.compile(r"(?:a|an)\s")
POSSESSIVE = re.compile(r"[A-Z][\w.&-]*[’']s\s+[a-z]")


PREPOSITIONS = {"of", "in", "from", "at", "for", "with", "by", "on", "to"}


GROUP_OF = re.compile(
    r"(?:(?:two|three|four|several|many|some|other|senior|junior|local|foreign|western|"
    r"Two|Three|Four|Several|Many|Some|Other|Senior|Local|Western)\s+)*"
    r"(?P<noun>[A-Za-z][a-z]+)\s+(?:familiar\s+with|close\s+to|briefed\s+on|involved\s+in|"
    r"with\s+(?:direct\s+)?knowledge\s+of|aware\s+of|in|at|of|from|inside|within|across)\s+\S.*"
)


CONJUNCTION_FIRST = re.compile(r"^(?:But|And|Yet|So|Still|Now|Instead|Also)\s+(?=[a-zA-Z])")
# when, before the subject it leads: "Last night", "Earlier this week", "Yesterday"
# where the words were said, opening a sentence: "In a statement last week (the team said)"
SETTING_FIRST = (
    rf"(?:in|on|at)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+)?(?:{SETTING_NOUNS}|speech|"
    r"briefing|release)(?:\s+(?:last|this|on|earlier|late|early)\s+\w+)?"
)
WHEN_FIRST = re.compile(
    r"^(?:just\s+|only\s+|as\s+recently\s+as\s+)?"  # "Just last month she told ..."
    r"(?:(?:last|this|next|earlier|later|early|late)\s+(?:this\s+)?(?:night|week|month|year|"
    r"morning|afternoon|evening|weekend)|yesterday|today|tonight|meanwhile|"
    r"(?:(?:a\s+few|two|three|several|\d+)\s+)?(?:minutes|hours|days|weeks|months)\s+"
    r"(?:later|earlier)|"
    # "On Monday the team said", "In a statement (last week) the team said": no comma after
    rf"on\s+{DATE_WORDS}(?:\s+(?:morning|afternoon|evening|night))?|{SETTING_FIRST})\s+(?=\S)",
    re.IGNORECASE,
)


SOME_OF_THEM = {"some", "many", "most", "several", "others", "both", "few"}


# Offices: "the mayor" is whom the article titled so ("Mayor Ada Quill", "Ada Quill, the
# mayor,"), never just the last person named (who may be the chief executive).
OFFICES = frozenset(
    "president minister secretary ambassador senator governor mayor coach manager chief "
    "spokesman spokeswoman spokesperson director ceo founder chairman chairwoman judge professor "
    "prosecutor executive commissioner premier chancellor captain lawyer attorney economist "
    "analyst diplomat envoy coroner td".split()
)


MODIFIER = re.compile(r"[a-z]+(?:-[a-z]+)*|[A-Z][a-z]+|former|prime|vice|deputy|\d+-year-old")


# The party and civic nouns news copy uses for a named politician ("the Texas Republican").
PARTY_NOUNS = frozenset(
    "republican democrat conservative liberal socialist tory nationalist senator congressman "
    "congresswoman lawmaker".split()
)
POSSESSIVE_IN = re.compile(r"[’']s\b|\bof\b")




# an unnamed source who spoke, whom a singular "they" may stand for next: "A Sunset Villa
# insider claimed ...", "a source close to the club told ..."
UNNAMED_SOURCE = re.compile(
    r"\b((?:[Aa]n?|[Oo]ne)\s+(?:[\w’'-]+\s+){0,3}?(?:insider|source|pal|friend|witness|"
    r"colleague|relative|neighbou?r|spokesperson|aide|ally)"
    r"(?:\s+(?:close\s+to|for|at|in|of|from|with)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?[\w’'-]+)?)"
    r"(?:,[^,]{1,80},)?\s+(?:said|says|told|tells|claimed|claims|added|revealed|insisted|explained)\b"
)


# an unnamed person opening a sentence: "One former minister, ...", "A senior backbencher ..."
INDEFINITE_SUBJECT = re.compile(
    r"(?:^|[.!?][”’\"]?\s+|\n\n)((?:One|A|An|Another)\s+(?:[a-z-]+\s+){0,3}?([a-z]+))"
    r"(?=,|\s+(?:who|was|is|had|has|said|says|told|added|went|put)\b)"
)


# when, after the subject it follows: "A senior backbencher last night", "The minister on Monday"
WHEN_LAST = re.compile(
    r"\s+(?:(?:last|this|on|early|late)\s+(?:night|week|month|year|morning|afternoon|evening|"
    r"weekend|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|today|"
    r"tonight|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))$"
)


# a page's teaser of another story: "READ MORE: ‘…’: Fans react ...", "ALSO READ | …" (Indian
# sites set a bar)
TEASER_LABEL = re.compile(r"\W*(?i:read more|related|also read|see also|more|watch)\s*[:|]\s*")


@lru_cache(maxsize=4096)
def reference_patterns(stem: str) -> tuple[re.Pattern[str], ...]:
    """The patterns a definite description ("the nurses", "the mayor") looks back with for
    the one it means, compiled once per noun: an organisation whose name holds the noun
    ("Nurses for Clean Air"), the noun as a title before a name ("coach Grant Te Whata";
    "the judge": "Mrs Justice Pennant"), with a portfolio ("Minister for Health Niamh
    Costigan") and in apposition ("The mayor, Ada Quill,", "the Minister for Arts, Culture
    and Sport, Hon. Ann Lee,")."""
    titles = SAME_OFFICE.get(stem, re.escape(stem))
    return (
        re.compile(rf"\b{re.escape(stem)}(?![’']s)", re.IGNORECASE),
        re.compile(rf"\b(?i:{titles})\s+((?:[A-Z][\w’'-]+\s?){{1,3}})"),
        re.compile(
            rf"\b(?:{titles})\s+(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w’'-]+\s){{1,4}}?{NAMED}",
            re.IGNORECASE,
        ),
        re.compile(
            rf"\b(?i:the)\s+(?:[a-z-]+\s+){{0,2}}(?i:{titles})(?:\s+(?:of|for)\s+(?:the\s+)?"
            rf"(?:[A-Z][\w’'-]+,?\s+(?:and\s+)?){{0,3}}[A-Z][\w’'-]+)?,\s+"
            rf"(?:(?:Hon|Prof|Dr)\.?\s+)?{APPOSED}"
        ),
    )

"""The words and shapes of reported speech: its verbs and cues, what a clause must hold to be a
statement, and the sentence patterns `reported` tries. Data and pure checks only."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .cues import (
    DATE_WORDS,
    OUTLET_KIND_WORDS,
    PROGRAMME_NOUNS,
    SETTING_NOUNS,
    word_alternation,
)

VERBS = (
    "said says told tells announced announces stated states reported reports recognised "
    "recognized acknowledged acknowledges confirmed confirms claimed claims argued argues "
    "warned warns insisted insists admitted admits denied denies explained explains noted "
    "notes estimated estimates predicted predicts revealed reveals disclosed discloses alleged "
    "alleges concluded concludes added adds stressed stresses emphasised emphasized maintained "
    "maintains asserted asserts wrote writes tweeted posted declared declares suggested suggests "
    "indicated indicates pointed testified promised promises vowed vows pledged pledges "
    "acknowledged agreed agrees countered counters responded replied cautioned cautions "
    "announced signalled signaled hinted predicted forecast found finds showed shows say "
    "complained complains informed informs reiterated reiterates recalled recalls speculated "
    "speculates assured assures recommended recommends conceded concedes contended contends "
    "affirmed observed remarked protested objected swore lamented laments reasoned reckoned "
    "reckons ruled retorted retorts charged quipped joked boasted bragged "
    # base forms: plural subjects and headlines ("Officials warn", "Ministers insist")
    "warn insist claim argue admit deny confirm reveal suggest stress explain predict allege "
    "complain announce acknowledge"
).split()
VERBS += ["hit back", "hits back", "fired back", "shot back"]  # "Ms Kinsella hit back that ..."
SIMPLE_VERBS = list(dict.fromkeys(VERBS))
# who "told": a capitalised name, reporters, an outlet, a pronoun, "the committee"
# "Radio Brightwater's breakfast show", "the Example Broadcasting Corporation's evening news"
_PROGRAMME = (
    r"(?:(?:[’']s|(?<=[’']s))\s+(?:[A-Za-z-]+\s+){0,3}"
    rf"(?:{PROGRAMME_NOUNS}|website|site|newspaper|paper|channel))?"
)
TOLD_OBJECT = (
    # "Kestrel Radio's Morning Report programme": an outlet's programme, by name
    r"(?:(?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}[’']s\s+(?:[A-Za-z-]+\s+){0,3}"
    rf"(?:{PROGRAMME_NOUNS})\b|"
    r"(?:[\w-]+\s+)?(?:media|press)\b|(?:reporters|journalists|lawmakers|supporters|parliament|congress|senators|voters|"
    r"(?:a|an)\s+(?:\w+\s+)?(?:conference|briefing|rally|meeting|audience|crowd|hearing|"
    r"committee|forum|summit|gathering|interviewer)|"
    # "the state-run Example Daily", "the Spanish-language Noticias Ejemplo"
    r"(?:the\s+)?(?:[\w’']+-[\w’'-]+\s+){1,2}[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}|"
    # "the Ashford Vale Echo": a name of several words after "the", before "the" + one word
    rf"the\s+[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){{1,3}}{_PROGRAMME}(?=\s*,?\s+that\b)|"
    # "the public broadcaster ARK", "the Spanish daily Example Diario": the kind, then the name
    rf"the\s+(?:[\w-]+\s+){{0,2}}{OUTLET_KIND_WORDS}\s+"
    r"[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}|"
    # "told her roommate it was", "told his lawyer that": whom, then the clause
    r"(?:his|her|their|our|my)\s+(?:[a-z-]+\s+)?[a-z]+(?=\s+(?:that|he|she|they|it|we|i|"
    r"the|there)\s)|"
    # "told the paper deliveries had been delayed": an outlet's or a body's noun ends the object
    r"the\s+(?:paper|newspaper|station|broadcaster|network|channel|magazine|outlet|website|"
    r"court|jury|committee|inquiry|panel|council|hearing|tribunal|meeting|audience|crowd|"
    r"team|club|board)(?=\s+(?!(?:that|he|she|they|it|we)\b)[a-z])|"
    r"the\s+\w+(?:\s+(?!(?:he|she|they|it|we|i|you|there|that|what|how|why|when|whether|the|a|"
    r"an|his|its|their|this|these|those|some|no|all|any|in|on|at|during|after|before|for|with|"
    r"by|from|over|about|last|late|early|earlier)\b)\w+)?|"  # "told the jury the payments"
    r"him|her|them|us|me|"
    r"[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}(?:\s+\d{1,3}\b)?"  # "WKTB News 8"
    rf"(?:\s+(?:magazine|newspaper|daily|weekly|tabloid|podcast|website)\b)?{_PROGRAMME}))"
)
# "is alleging that", "were calling on": the progressive forms a cue may take
PROGRESSIVE = "urging saying warning claiming insisting arguing alleging asking demanding".split()
REPORT_CUE = (
    rf"(?:(?:is|are|was|were)\s+(?:{word_alternation(PROGRESSIVE)}|calling\s+on)|"
    rf"(?:told|tells)\s+{TOLD_OBJECT}|pointed\s+out|(?:called|calls)\s+on|urged|urges|urge|"
    # "assured the public (that) the risks were low", "warned residents the river would rise"
    r"(?:assured|assures|reassured|reassures|informed|informs|reminded|reminds|warned|warns)\s+"
    r"(?:the\s+public|residents|reporters|journalists|investors|customers|members|staff|"
    r"parents|voters|lawmakers|him|her|them|us|me)(?=\s)|"
    r"asked|asks|begged|begs|pleaded\s+with|encouraged|encourages|appealed\s+to|"
    r"threatened|threatens|"
    # "disputed the notion that …", "rejected claims that …": the claim denied is the content
    r"(?:disputed|disputes|rejected|rejects|dismissed|dismisses|denied|denies)\s+(?:the\s+)?"
    r"(?:notion|idea|claim|suggestion|allegation|accusation|report|assertion)s?(?=\s+that\b)|"
    rf"{word_alternation(SIMPLE_VERBS)})"
)
AUX = r"(?:(?:has|have|had|would|will|also|now|previously|recently|later|repeatedly|"
AUX += r"publicly|reportedly|separately|again|since|already|earlier|initially|first|then|"
AUX += r"privately|openly|subsequently|"
# a verb that takes the cue as its infinitive: "Quill appeared to say", "went on to claim"
AUX += r"(?:appeared|appears|seemed|seems|went\s+on|goes\s+on|"
AUX += r"(?:was|were|is|are)\s+quick)\s+to)\s+)*"
# a short quoted name in the subject's sentence: 'In an interview with “Example Tonight”, X said'
TITLE = (  # a title ('appeared on “…”'), or a nickname inside a name ('Rodolfo “Dodoy” Villaraza')
    r"(?:(?<=\son\s)|(?<=\swith\s)|(?<=\sto\s))[“\"]_{1,40}[”\"]"
    r"|(?<=[a-z]\s)[“\"‘]_{1,20}[”\"’](?=\s[A-Z])"
)
# a cue is an active verb: not the noun after a determiner ("rejected the claim and vowed"),
# an adjective ("the number of confirmed cases") nor a passive ("was asked to speak")
NOT_NOUN = frozenset(
    "the The a A an An his her their its this that our no of was were been being be".split()
)
# "Asked about weekend reports that ...", "amid claims that ...": the cue is a noun, and the
# reports or claims are the source (as the annotation guide has it), not the sentence's subject
NOUN_CUE = re.compile(
    r"\b(?:about|on|amid|over|despite|following|against|with|from|for|by|upon)"
    r"((?:\s+[a-z][\w-]*){0,2}?)\s*$"
)
# X said (that) <clause>: each cue in turn ("Y demanded last week …, but X said it …")
FRONT_CUE = re.compile(rf"\s+{AUX}(?P<cue>{REPORT_CUE})\s*,?\s+(?P<that>that\s+)?")
FRONT_HEAD = re.compile(rf"(?:[^“”\"«»:]|(?<=\d):(?=\d)|{TITLE}){{2,160}}", re.DOTALL)
FRONT_TRIES = 3  # cues tried a sentence
# According to X, <clause>.
ACCORDING_FRONT = re.compile(
    r"^\W*(?P<cue>[Aa]ccording\s+to)\s+(?P<source>[^,;:]{2,120}?)\s*,\s+(?P<clause>.+?)\s*"
    r"[.!?]?\s*$",
    re.DOTALL,
)
# <clause>, according to X.
ACCORDING_BACK = re.compile(
    r"^\W*(?P<clause>.+?)\s*,?\s+(?P<cue>according\s+to)\s+(?P<source>[^,;:]{2,120}?)\s*"
    r"[.!?]?\s*$",
    re.DOTALL,
)
# the cheap test before reading a sentence as "<clause>, said X"
CUE_AFTER_COMMA = re.compile(
    rf",[”\"’]?\s+{word_alternation(SIMPLE_VERBS)}\s"  # said, says, told, wrote ... all in it
)
# <clause>, according to X, <more clause>.
ACCORDING_MID = re.compile(
    r"^\W*(?P<clause>.+?),\s+(?P<cue>according\s+to)\s+(?P<source>[^,;:]{2,120}?)\s*,\s+.{8,}$",
    re.DOTALL,
)
# <subject>, according to X / per the X / X said, <the rest>: the source set in the middle of
# the statement, which is the whole sentence ("He had, according to the Post, lost the keys")
INSET = re.compile(
    rf"^\W*(?P<head>[^,;:“”\"]{{2,80}}?),\s+(?:(?P<cue>according\s+to|per(?=\s+the\s|\s+[A-Z]))"
    rf"\s+(?P<source>[^,;:“”\"]{{2,80}}?)|(?P<source2>[^,;:“”\"]{{2,60}}?)\s+{AUX}"
    rf"(?P<cue2>said|says|added|adds|noted|notes|continued|continues|wrote|writes|reported|"
    rf"reports|claimed|claims|insisted|insists|argued|argues|believes))\s*,\s+"
    r"(?P<tail>[^“\"«].{7,}?)\s*[.!?]?\s*$",
    re.DOTALL,
)
# X said in a statement: <sentence>.
COLON = re.compile(
    rf"(?P<head>[^“”\"«»:]{{2,160}}?)\s+{AUX}(?P<cue>(?:said|says|wrote|writes|announced|"
    rf"stated|added|tweeted|posted))(?P<where>\s+(?:in|on|to|at|during|via|through|after|before)"
    rf"\s[^:“”\"]{{1,60}}?)?:\s+(?P<clause>[^“\"«].+?)"
    r"\s*[.!?]?\s*$",
    re.DOTALL,
)
# where and when a statement was made, after its cue: "said in a statement on Wednesday"
CUE_SETTING = rf"(?:\s+(?:(?:in|on|at|during|via|through|late|early|last|this|{DATE_WORDS})\b"
CUE_SETTING += r"[^,;:“”\"]{0,80}?))?"
# <clause>, X said. / <clause>, said X. / <clause>, reports Reuters.
BACK = re.compile(
    rf"^\W*(?P<clause>.+?)\s*,(?P<closing>[”\"’])?\s+(?:(?P<source>[^,;:“”\"]{{2,120}}?)\s+{AUX}(?P<cue>{REPORT_CUE})"
    rf"{CUE_SETTING}|(?P<cue2>said|says|added|adds|wrote|writes|told\s+\w+)\s+"
    rf"(?P<source2>[^,;:“”\"]{{2,120}}?)|(?P<cue3>{word_alternation(SIMPLE_VERBS)})\s+"
    r"(?P<source3>(?:the\s+)?[A-Z][^,;:“”\"]{1,120}?))"
    r"\s*(?:,[^,]{0,120})?[.!?]?\s*$",
    re.DOTALL,
)
# "…, and Quill reported to him", "…, a finding that she reported": a clause, not a source
NOT_A_SOURCE = re.compile(r"^(?:and|but|then|so)\b|\b(?:that|which|who|whom)\b")
MIN_WORDS = 5
# "The ferry had, according to ..., sailed": a clause cut at its auxiliary is no statement
_ENDS_ON_AUXILIARY = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|did|does|"
    r"do)\W*$",
    re.IGNORECASE,
)
MAX_SENTENCE = 1500  # characters: longer is no sentence of news copy, and bounds the patterns
ADVERBIAL_THAT = re.compile(
    r"((?:in|on|at(?!\s+(?:least|most)\b)|during|via|through|after|before|following|this|last|"
    r"earlier|later|late|"
    r"early|by\s+(?:e-?mail|phone|telephone|text|letter))\b[^,;:]{0,50}?"
    # "told the Ledger after the rally that", "told reporters in the capital, Ras Qeshra, that"
    r"(?:,\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3},)?|"
    r"[a-z]{3,}ly)\s+that\s+",  # "said repeatedly that"
    re.IGNORECASE,
)
# "said in an interview on Sunday the details are ...", "told reporters at a briefing the
# company would appeal": where (and when) the words were said, then the clause without "that"
SETTING_LEAD = re.compile(
    r"((?:in|at|during)\s+(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?"
    rf"(?:{SETTING_NOUNS}|briefing|news\s+conference|press\s+conference|conference|speech|"
    r"hearing|address)"
    rf"(?:\s+(?:on\s+)?(?:{DATE_WORDS}|yesterday|today)(?:\s+(?:morning|afternoon|evening|"
    r"night))?)?),?\s+(?!(?:that|on|in|at|to|with|by|for|from|about|after|before|of)\b)"
    r"(?=[a-z])"
)
# "said Sunday he is not on board", "said on Tuesday night they would": when, then the clause
WHEN_LEAD = re.compile(
    rf"((?:on\s+)?(?:{DATE_WORDS}|yesterday|today|tonight)(?:\s+(?:morning|afternoon|evening|"
    r"night))?),?\s+(?:that\s+)?(?=[a-zA-Z])"
)
PREPOSITION = re.compile(  # "said in a statement", not "said at least 60 houses were lost"
    r"(?!at\s+(?:least|most)\b)(?:in|on|at|during|via|through|after|before|by|to|for|as)\b", re.I
)
TRAILING_CREDIT = re.compile(
    r",\s+(?:according\s+to\s+[^,]+|(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,4}\s+"
    r"(?:reported|said|says|reports))\s*$"
)
NOT_SPEAKERS = {
    "never",
    "it",
    "this",
    "that",
    "there",
    "i",
    "i’ve",
    "i've",
    "we",
    "you",
    "one",
    "what",
}
QUOTE_MARK = re.compile("[“”\"«»]|[‘'](?=_)|(?<=_)[’']")  # single marks only around a masked quote
MASK = "_"
# "…, claiming he could …", "responded by saying …", "was quoted as saying …"
PARTICIPLE_CUES = (
    "saying claiming revealing arguing adding warning insisting noting stressing explaining "
    "announcing confirming suggesting ruling concluding acknowledging admitting cautioning "
    "stating writing"
).split()
GATE_WORDS = [
    "according",
    "According",
    "told",
    "tells",
    "pointed",
    "say",
    *SIMPLE_VERBS,
    *PARTICIPLE_CUES,
    *"urging vowed vows vow pledged pledges pledge urged urges urge called calls".split(),
    *"asked asks begged begs pleaded encouraged encourages appealed threatened threatens".split(),
    *PROGRESSIVE,
    "calling",
    *"accused accuses described describes ruled rules confessed confesses".split(),
]
# cheap test before the full patterns: any of the verbs ("told" alone stands for "told X")
GATE_WORDS += "disputed disputes rejected rejects dismissed dismisses talked talks spoke".split()
ANY_VERB = re.compile(rf"\b{word_alternation(GATE_WORDS)}\b")
# A clause must read as a statement: a finite verb, or a modal, somewhere in it.
IRREGULAR_PAST = (
    "fell rose fled grew made took went came saw found got gave held left lost met paid ran sent "
    "set spent stood won began broke brought built bought caught chose drew drove fought flew "
    "froze hid hit hurt kept knew led let lay meant put quit read rode rang sank sat shot shut "
    "sang slept spoke stole struck swam threw understood woke wore became sold told heard "
    "felt dealt fed forgot forgave hung laid lent lit overtook sought shook shone sped "
    "spread sprang stuck stung swept swore taught tore withdrew wrote"
)
FINITE = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|could|can|should|may|might|must|"
    r"do|does|did|won[’']t|can[’']t|\w+n[’']t|" + "|".join(IRREGULAR_PAST.split()) + r"|"
    r"[a-z]{2,}(?:ed|es))\b|\b[a-z]{3,}s\b",
    re.IGNORECASE,
)

# Without "that", a clause needs a plain subject and a verb right after the cue: "confirmed he
# had tested positive", "acknowledged the cut would be absent"; "announced a plan" is no clause.
SUBJECT_VERB = re.compile(
    r"(?:(?:he|she|they|we|i|it|there)(?:[’']\w+)?\s+[a-z]\w*|"
    r"(?:(?:the|a|an|his|their|its|our|this|these|those|some|no)\s+)?"
    r"(?:(?!(?:that|which|who|whom|whose|to|for|of|in|on|at|with|by|from|and|or|as)\s)"
    r"[\w’'-]+\s+){1,4}?"
    r"(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|did|does|"
    r"\w+n[’']t|(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?:[a-z]{3,}ed|"
    + "|".join(IRREGULAR_PAST.split())
    + r"))\b)"
)
# "said Westland has lost ...", "said Wiley's account had been locked ..."
NAMED_CLAUSE = re.compile(
    rf"(?!{DATE_WORDS}\b)"
    r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}(?:[’']s\s+[a-z]+)?\s+"
    r"(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|"
    r"[a-z]{3,}[^s’'\W]s|[a-z]{3,}ed)\b"
)
# findings read as speech only with "that": "the test showed his lungs could not ..." is a result
NEEDS_THAT = {
    "found", "finds", "showed", "shows", "indicated", "indicates", "suggest", "suggests",
    "suggested", "confirm", "confirms",  # "Polls suggest the race ...", "Tests confirm ..."
}  # fmt: skip
FINDINGS = {"found", "finds", "showed", "shows"}  # only results, even with a person subject
# promises and appeals: "vowed never to stop ...", "urged people to follow the guidelines"
DIRECTIVE_CUES = set(
    "vowed vows vow pledged pledges pledge promised promises promise threatened threatens urged "
    "urges urge called calls told tells asked asks begged begs pleaded encouraged encourages "
    "appealed warned warns urging calling asking demanding".split()
)
# who may only ask, not state: "asked if ..." is a question, not a claim
ONLY_DIRECTIVE = set(
    "asked asks begged begs pleaded encouraged encourages appealed asking calling called calls "
    "urged urges urge urging".split()
)
TO_VERB = r"to\s+(?!(?:the|a|an|his|her|their|its|this|that|these|those|my|our|your)\b)[a-z]{2,}"
DIRECTIVE = re.compile(rf"(?:(?:not|never)\s+)?{TO_VERB}|(?:[\w’'-]+\s+){{1,6}}?{TO_VERB}")
# "…, claiming he could …", "responded by saying …": the participle's subject is the sentence's
PARTICIPLE = re.compile(
    r"^(?P<head>[^:]{2,240}?)(?:,\s+|\s+by\s+|\s+as\s+)"
    rf"(?P<cue>{'|'.join(PARTICIPLE_CUES)}|telling\s+{TOLD_OBJECT})\s+(?:only\s+)?"
    # "saying in a brief statement that ...": where, before the clause
    rf"(?:in\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+)?(?:{SETTING_NOUNS})\s+(?=that\s))?"
    r"(?P<that>that\s+)?(?P<clause>.+?)\s*[.!?]?\s*$",
    re.DOTALL,
)
# where the subject of a sentence ends: its first verb
FIRST_VERB = re.compile(
    r"\s(?:has|have|had|was|were|is|are|will|would|also|then|later|on|in|at|did|does|could|"
    r"should|can|cannot|may|might|must|"
    r"[a-z]+ed|" + "|".join(IRREGULAR_PAST.split()) + r"|" + word_alternation(SIMPLE_VERBS) + r")\b"
)


@dataclass(frozen=True)
class Reported:
    clause_start: int  # offsets into the analysis text
    clause_end: int
    speaker: str
    speaker_span: tuple[int, int] | None
    cue: str


def clause_ok(clause: str) -> bool:
    """Enough of the writer's own words to be a statement, not a quotation with a frame.

    A clause mostly quoted still counts when the writer's words before the quotation hold a
    subject and a verb: "X said the account had been locked “for violating our rules.”"
    """
    if clause.lstrip().startswith(("“", '"', "«")):
        return False
    visible = re.sub(r"“_+”|\"_+\"|«_+»|_+", " ", clause)
    words = visible.split()
    masked = clause.count(MASK)
    lead = QUOTE_MARK.split(clause, maxsplit=1)[0]
    if (
        len(words) + masked // 6 >= MIN_WORDS
        and masked >= 10
        and 1 <= len(lead.split()) <= 6
        and not lead.rstrip().endswith((":", ","))  # 'put it bluntly: “…”' is a direct quote
    ):
        return True  # the verb may stand in the quotation: 'said the budget “cannot stretch”'
    if not FINITE.search(visible):
        return False
    if len(words) >= MIN_WORDS and masked <= len(clause) * 0.5:
        return True
    if not masked and len(words) >= 3 and not _ENDS_ON_AUXILIARY.search(visible):
        if SUBJECT_VERB.match(" ".join(words)):
            return True  # "Police say the suspect fled", "he would not leave"
    return (
        len(words) + masked // 6 >= MIN_WORDS
        and (len(lead.split()) >= 3 or bool(SUBJECT_VERB.match(lead.strip())))
        and bool(FINITE.search(lead) or SUBJECT_VERB.match(lead.strip()))
    )


def source_name(speaker: str | None) -> str | None:
    """The source as reported, or None for a word that names no one ("it", "never said");
    a phrase that opens on such a word may still name someone ("One source", "That report")."""
    if speaker is None:
        return None
    words = speaker.lower().strip("’'").split()
    if words[0] in ("never", "what", "nobody", "none", "neither") or words[:2] == ["no", "one"]:
        return None  # "Nobody said the bridge was safe": no one to check
    if len(words) == 1 and words[0] in NOT_SPEAKERS:
        return None
    return re.sub(r"[’']s$", "", speaker)  # "NASA’s" -> "NASA"


def second_cue(masked: str, found: Reported) -> tuple[Reported, Reported | None]:
    """ "X conceded prices rose, but said each rise reflected costs": the clause ends at the
    speaker's second cue, whose own clause is a second report of the same speaker."""
    clause = masked[found.clause_start : found.clause_end]
    m = SECOND_CUE.search(clause)
    if m is None or not clause_ok(clause[m.end() :]) or not clause_ok(clause[: m.start()]):
        return found, None
    first = replace(found, clause_end=found.clause_start + m.start())
    second = replace(
        found, clause_start=found.clause_start + m.end(), cue=" ".join(m.group("cue").split())
    )
    return first, second


SECOND_CUE = re.compile(
    r",?\s+(?:but|and)\s+(?:also\s+)?(?P<cue>said|says|added|adds|insisted|insists|argued|argues|"
    r"warned|warns|noted|notes|stressed|stresses|told\s+(?:reporters|journalists))\s+(?:that\s+)?"
    r"(?!that\b)(?=[a-z“\"‘'])"
)


# where a clause the rules read ends or is no statement: "…,’’ Will Moy, …, told the BBC" (a
# quotation's frame), "X, who on Saturday confirmed …, tweeted" (a relative clause, then the main
# clause's verb), "told Tai Ping Radio he paid" (a clause, not a source)
QUOTE_THEN_NAME = re.compile(r"_+[,.!?]?[’”\"']{1,2}\s+[A-Z]")
RELATIVE_OPEN = re.compile(r",\s+(?:who|which)\s[^,]*$")
MAIN_RESUMES = re.compile(r",\s+(?:[a-z]+ed|said|says|told|wrote|took|went|made|has|had)\b")
PRONOUN_CLAUSE = re.compile(r"\s(?:he|she|they|we|it|there)\s+[a-z]{2,}")


def noun_cue(sentence, s, m, noun) -> Reported | None:
    """ "Asked about weekend reports that ...": the reports are the source."""
    clause = re.sub(r"\s*[.!?]?\s*$", "", sentence[m.end() :])
    if not m.group("that") or not clause_ok(clause):
        return None
    mods = noun.group(1).strip()
    cue = m.group("cue")
    at = s + m.start("cue") - (len(mods) + 1 if mods else 0)
    speaker = f"{mods} {cue}" if mods else cue
    start = s + m.end()
    return Reported(start, start + len(clause.rstrip(" ,")), speaker, (at, at + len(speaker)), cue)

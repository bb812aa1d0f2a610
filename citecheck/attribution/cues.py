"""Cues: the words that attribute speech ("said", "told reporters", "according to"), as written.

A cue anchors the speaker of a quote: the subject before it, or the name after it. It is read
as the draft writes it, with what completes it ("told the Example Courier", "said in a
statement"), and told apart from a noun ("the call") or an infinitive ("to call a strike").
"""

from __future__ import annotations

import re

_CUE_WORDS = (
    "said|says|say|saying|told|tells|tell|telling|stated|states|stating|announced|announces|"
    "announcing|declared|declares|declaring|added|adds|adding|wrote|writes|writing|written|"
    "tweeted|tweets|posted|posts|explained|explains|noted|notes|noting|argued|argues|arguing|"
    "claimed|claims|claiming|insisted|insists|warned|warns|warning|threatened|threatens|asked|ask|"
    "asks|replied|replies|responded|responds|recalled|recalls|urged|urges|denounced|denounces|"
    "reported|reports|reporting|acknowledged|acknowledges|admitted|admits|conceded|concedes|"
    "described|describes|called|calls|call|calling|promised|promises|vowed|vows|pledged|pledges|"
    "demanded|stressed|stresses|emphasized|emphasised|emphasizes|observed|commented|remarked|"
    "concluded|concludes|testified|predicted|predicts|boasted|complained|complains|joked|quipped|"
    "offered|recounted|recounting|continued|confirmed|confirms|mentioned|suggested|suggests|"
    "agreed|agrees|countered|counters|answered|shouted|wondered|cautioned|cautions|insisting|"
    "explaining|accused|accuses|praised|praises|criticized|criticised|denied|denies|admitting|"
    "signed|begged|begs|slammed|slams|assailed|assured|assures|instructed|shouts|ordered|orders|"
    "dubbed|labeled|labelled|branded|texted|emailed|messaged|pleaded|whispered|yelled|screamed|"
    "exclaimed|acknowledging|contending|contended|maintained|maintains|recounts|condemned|condemns|"
    "hailed|hails|blasted|blasts|lambasted|decried|decries|derided|mocked|touted|touts|affirmed|"
    "asserted|asserts|confessed|disclosed|grumbled|hinted|lamented|laments|objected|proclaimed|"
    "protested|reasoned|reckoned|reckons|reiterated|reiterates|revealed|reveals|speculated|"
    "speculates|swore|scoffed|bemoaned|retorted|reassured|alleged|alleges|alleging|advised|"
    "clarified|mused|opined|railed|fumed|gushed|enthused|griped|revealing|conceding|"
    "pointed out|points out|shot back|fired back|chimed in|summed up|laughed|sighed|echoed|"
    "bragged|interjected|murmured|snapped|ventured|summarized|summarised|observes|reflected|"
    "reflects|confided|dismissed|dismisses|dismissing|rejected|rejects|rejecting|describing|"
    "tweeting|posting|write|"
    "warn|argue|insist|note|explain|repeated|deadpanned|interrupted|cut in|teased|muttered|"
    "barked|stammered|chuckled|smiled|grinned|beamed|elaborated|went on|hit back|concurred|"
    "pressed|probed|queried|cried|sneered|raged|"
    # participles that may cue a quote: "greeted her by asking, “…”", "were heard exclaiming"
    "asking|replying|responding|recalling|answering|joking|quipping|exclaiming|shouting|"
    "stressing|emphasising|emphasizing|promising|vowing|pledging|urging|predicting|"
    "complaining|lamenting|accusing|praising|criticising|criticizing|suggesting|confirming|"
    "denying|"
    # more verbs of the annotated copy: "critics claim", "vow", "hints", "recommends"
    "claim|indicated|indicates|estimated|estimates|promise|demands|cautioning|pointing out|"
    "vow|hints|recommends|disputed|charged|put it|puts it|"  # "as one cast member put it"
    # words offered as one's own: "expressed “deep sorrow”", "voiced “serious concern”"
    "expressed|expresses|expressing|voiced|voices|voicing|conveyed|conveys"
)


def word_alternation(words: list[str]) -> str:
    """A regex matching exactly these words, as a trie ("sa(?:id|ys?)"): the regex engine
    tries one branch per letter instead of every word at every position of the text."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


# "As pointed out by X, …", "as noted by X": a passive cue whose speaker follows it
_AS_BY = (
    r"[Aa]s\s+(?:pointed\s+out|noted|stated|explained|argued|described|put|observed|said|"
    r"written|warned)\s+by"
)
CUE = re.compile(
    rf"\b(?:[Aa]ccording to|[Ii]n the words of|{_AS_BY}|"
    rf"{word_alternation(_CUE_WORDS.split('|'))})\b"
)
_FOLLOWED = re.compile(rf"according to|in the words of|{_AS_BY}", re.IGNORECASE)


def speaker_follows(cue: str) -> bool:
    """A cue whose speaker comes after it: "according to X", "as noted by X"."""
    return bool(_FOLLOWED.fullmatch(" ".join(cue.split())))


# A cue word used as a noun: "the call", "the mayor's call", "his claims".
_NOUN_BEFORE = re.compile(
    r"(?:[’']s|\b(?:the|a|an|his|her|its|their|our|my|your|this|these|those|whose|phone|all|"
    r"many|some|several|both|other|few|two|three|four|five|news|press|media|earlier|recent))\s+$",
    re.IGNORECASE,
)


SAYING = {"said", "says", "wrote", "writes", "added", "adds", "reported", "reports", "asked",
           "explained", "explains", "noted", "notes", "recalled", "recalls", "argued",
           "argues", "continued", "stated", "states", "tweeted", "posted", "warned", "warns",
           "insisted", "insists", "observed", "cautioned", "cautions", "concluded", "concludes",
           "declared", "announced", "remarked", "replied", "responded", "answered",
           "according to", "in the words of", "say"}  # fmt: skip


_INFINITIVE_OR_NEGATED = re.compile(r"(?:\bto|n[’']t|\bnot|\bnever)\s+$")
# "continues to call for", "kept telling": the speech act goes on, it is not merely planned
_ASPECTUAL = re.compile(
    r"\b(?:continues?|continued|continuing|keeps?|kept|went on|goes on|used)\s+to\s+$"
)


def is_cue(text: str, m: re.Match) -> bool:
    """A speech verb, not an infinitive ("to call a strike") or a noun ("the call")."""
    pre = text[max(0, m.start() - 16) : m.start()]
    if _INFINITIVE_OR_NEGATED.search(pre) and not _ASPECTUAL.search(
        text, max(0, m.start() - 24), m.start()
    ):
        return False  # "to call a strike", "we don't ask enough": no speech act
    if _PASSIVE_BY.match(text, m.end()) and m.group(0).lower() not in ("said", "according to"):
        return False  # "the timeline offered by the defense": a passive, no one speaking here
    if m.group(0).lower() in _NOUNS_TOO and _ADJECTIVE_BEFORE.search(
        text, max(0, m.start() - 32), m.start()
    ):
        return False  # "the biggest call of the game", "his latest claims"
    if m.group(0).lower() in _NOUNS_TOO and _TAKES_A_NOUN.search(pre):
        return False  # "calling reports of a demand “…”", "amid claims that": nouns
    return m.group(0).lower() in ("said", "according to") or not _NOUN_BEFORE.search(pre)


_PASSIVE_BY = re.compile(r"\s+by\s")
_TAKES_A_NOUN = re.compile(
    r"\b(?:[a-z]{2,}ing|about|amid|over|despite|following|against|with|from|of|on|denied|"
    r"[a-z]{3,}ed|called|were|was|are|is)\s+$"  # "there were demands for", "described claims"
)
_NOUNS_TOO = {"call", "calls", "claim", "claims", "report", "reports", "post", "posts", "demand",
              "demands", "promise", "estimates", "hints", "note", "notes"}  # fmt: skip
_ADJECTIVE_BEFORE = re.compile(
    r"\b(?:the|a|an|his|her|its|their|our|this|that)\s+(?:[a-z]+est|big|bigger|final|close|"
    r"closer|key|bold|tough|late|last|first|major|latest|wrong|right|good|bad|brave|difficult|"
    r"controversial|new|recent|earlier|previous|false|unfounded)\s+$"
)


# the words that make a capitalised name a news medium's: "the Example Gazette", "Example TV"
MEDIA_WORDS = (
    r"News|Times|Post|Radio|TV|Television|Journal|Daily|Courier|Gazette|Herald|Tribune|Press|"
    r"Magazine|Network|Channel|Broadcasting|Chronicle|Observer|Guardian|Telegraph|Mail|Express|"
    r"Star|Review|Today|Weekly|Online|Wire|Media|Podcast|Reporter|Insider|Ledger|Echo|Standard|"
    r"Mirror|Bulletin|Dispatch|Despatch|Examiner|Inquirer|Enquirer|Sentinel|Argus|Advertiser|"
    r"Messenger|Clarion|Gleaner|Bugle|FM|"
    # a brand that runs a media word into its name: "GridTV", "CityNews", "NewsCoast"
    r"[A-Z][a-z]+(?:TV|FM|News|Radio|Media|Wire|Post|Times|Daily)|(?:News|Radio|Media)[A-Z][a-z]+"
)
# a name that ends on a media word: "the Example Courier", "Example TV"
ENDS_MEDIUM = re.compile(rf"\b(?:{MEDIA_WORDS})$")
# an outlet's programme after its name: "Radio Brightwater's breakfast show"
PROGRAMME_NOUNS = r"show|programme|program|podcast|bulletin|news"
# what words were said in, before or after a cue: "in a statement", "in an interview"
SETTING_NOUNS = r"statement|interview|post|letter|video|email|message"
# the noun of an outlet's kind before its name: "the public broadcaster ARK"
OUTLET_KIND_WORDS = (
    r"(?:broadcaster|daily|weekly|newspaper|paper|tabloid|magazine|network|channel|station|"
    r"agency|outlet|website|broadsheet)"
)
# the kinds of outlet news copy names an outlet by: "the Spanish daily Example Diario"
OUTLET_KINDS = (
    r"(?:daily|weekly|newspaper|broadcaster|tabloid|magazine|network|channel|outlet|"
    r"news agency|agency|(?:TV|television|radio)\s+(?:station|network|channel)|station|"
    r"website|news\s+site)"
)
_TOLD_OBJ = re.compile(
    # "told the Spanish daily Example Diario": the kind of outlet, then its name
    r"\s+((?:the |a |an )?(?:[A-Z][\w-]+(?:-language)?\s+|[a-z][a-z-]+\s+)?"
    rf"{OUTLET_KINDS}\s+"
    r"[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}|"
    r"(?:(?:a |an |the )?(?:[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}"
    r"(?:\s+(?:media|officials|reporters|journalists|lawmakers|television|radio|viewers|"
    r"magazine|newspaper|daily|weekly|tabloid|podcast|website))?|"
    r"reporters?|journalists?)|the press|the media|lawmakers|supporters|voters|the audience|"
    r"the crowd|a reporter|an interviewer|them|him|her|us|me|you|the public|"
    r"(?:a|the) \w+ (?:reporter|journalist|newspaper|radio|station|crowd)|"
    r"(?:a|an|the) (?:[a-z]+ ){0,2}(?:conference|briefing|hearing|rally|meeting|committee|panel|"
    r"gathering|summit|forum|audience|jury|court|inquiry|tribunal|session)\b|"
    r"the [a-z]+(?=[,.:]|$)|"
    r"[a-z]+s(?=[,.:]|\s+(?:to|that)\b|$))(?![\w’'-]))"
)


_OUTLET_KIND = re.compile(rf"\b{OUTLET_KINDS}\s+(?=[A-Z])")
# "Glimmer magazine", "the Example Herald newspaper": a name, then the kind of outlet it is
KIND_AFTER = re.compile(
    rf"(?:the\s+)?([A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){{0,3}})\s+{OUTLET_KINDS}"
)
_OUTLET_LIKE = re.compile(r"(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}")


_TELL = {
    "told", "tells", "tell", "telling", "urged", "urges", "urging", "begged", "begs", "assured",
    "assures", "reminded", "reminds", "warned", "warns", "asked", "asks",
}  # fmt: skip


_AUX_BEFORE = re.compile(
    r"\b(?:(?:has|have|had|would|will)(?:\s+also)?|used\s+to|went\s+on\s+to)\s+$"
)  # "has said", "used to say": the cue as written


_IN_MEDIUM = re.compile(
    r"\s+((?:in|during|on)\s+(?:(?:a|an|the|his|her|its|their)\s+)?(?:[\w.’'-]+\s+){0,4}?"
    r"(?:statement|tweet|letter|interview|post|release|email|e-mail|call|telecon|"
    r"teleconference|conference|briefing|speech|testimony|response|video|message|op-ed|"
    r"column|podcast|hearing|filing|report|affidavit|memo|comments|remarks)"
    r"(?:\s+(?:with|to|from)\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,2}?)?"
    r"(?:\s+to\s+a\s+question)?)(?=\s*(?:[,:.;]|$))"
)


# (the look-aheads let the regex engine skip to a possible first letter)
_YEAR = re.compile(r"(?=[12])\b(1[89]\d\d|20\d\d)\b")


_MONTH_DAY = re.compile(
    r"(?=[JFMASOND])\b(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+\d{1,2}\b"
)


# Media that name the outlet by themselves: "in a 2013 tweet" is a tweet on Twitter.
MEDIA = {
    "tweet": "Twitter", "tweets": "Twitter", "tweeted": "Twitter", "tweeting": "Twitter",
    "twitter": "Twitter", "x": "X",
    "facebook": "Facebook", "instagram": "Instagram", "tiktok": "TikTok", "youtube": "YouTube",
    "telegram": "Telegram", "linkedin": "LinkedIn", "threads": "Threads", "bluesky": "Bluesky",
    "weibo": "Weibo", "wechat": "WeChat", "reddit": "Reddit", "mastodon": "Mastodon",
    "truth": "Truth Social", "whatsapp": "WhatsApp", "snapchat": "Snapchat", "vk": "VK",
    "substack": "Substack", "twitch": "Twitch", "discord": "Discord",
}  # fmt: skip


_MEDIA = re.compile(
    r"(?=[toTFILYWRMSVD])\b(?:tweet(?:s|ed|ing)?|(?:on|to) (?:Twitter|X|Facebook|Instagram|TikTok|"
    r"YouTube|Telegram|LinkedIn|Threads|Bluesky|Weibo|WeChat|Reddit|Mastodon|Truth Social|WhatsApp|"
    r"Snapchat|VK|Substack|Twitch|Discord)|(?:Twitter|Facebook|Instagram|Telegram|LinkedIn|"
    r"TikTok|YouTube|Weibo|WeChat|Reddit|Mastodon|Truth Social|WhatsApp|Snapchat|VK|Substack|"
    r"Twitch|Discord) (?:post|posts|account|page|feed|channel|user|users|"
    r"commenter|commenters|video|videos|clip|livestream|live\s?stream|story|stories|reel|"
    r"thread|message|caption|comment|comments|update|broadcast))\b"
)


_DOCUMENTS = re.compile(
    r"(?=[rsplmficobde])\b(?:report|statement|press release|communiqu[eé]|letter|memo|filing|"
    r"ruling|study|paper|interview|speech|op-ed|column|editorial|post|blog post|book|decree|"
    r"indictment)\b"
)


def find_cue_before(before: str) -> re.Match | None:
    """The cue verb nearest the opening mark, in the same clause chain."""
    last = None
    for m in CUE.finditer(before):
        if is_cue(before, m):
            last = m
    return last


def date_hint(s: str) -> str | None:
    m = _MONTH_DAY.search(s) or _YEAR.search(s)
    return m.group(0) if m else None


def cue_phrase(text: str, m: re.Match) -> tuple[str, str | None]:
    """The cue as written ("told a reporter", "said"), and the object of "told" if it names one."""
    cue = m.group(0)
    low = cue.lower()
    aux = _AUX_BEFORE.search(text, max(0, m.start() - 20), m.start())
    prefix = " ".join(aux.group(0).split()) + " " if aux else ""
    if low in _TELL:
        obj = _TOLD_OBJ.match(text, m.end())
        if obj:
            target = obj.group(1).rstrip(".,;:")
            outlet = None
            named = KIND_AFTER.fullmatch(target)  # "told Glimmer magazine": Glimmer
            if low.startswith(("tol", "tel")) and _OUTLET_LIKE.fullmatch(target):
                outlet = re.sub(r"^the\s+", "", target)  # "told the Example Courier"
            elif low.startswith(("tol", "tel")) and named:
                outlet = named.group(1)
            kind = _OUTLET_KIND.search(target)
            if kind:  # "told the Spanish daily Example Diario"
                outlet = target[kind.end() :]
            on = _ON_MEDIUM.match(text, obj.end())
            if on and not _WHEN.fullmatch(on.group(1)):
                outlet = on.group(1)  # "told Ben Hardy on Example Radio"
            return f"{prefix}{cue} {target}", outlet
    if low in ("called", "calls", "call", "calling"):
        nxt = re.match(r"\s+(for|on|it|them|him|her)\b", text[m.end() :])
        if nxt:
            return f"{prefix}{cue} {nxt.group(1)}", None
    if low in SAYING:
        medium_m = _IN_MEDIUM.match(text, m.end())
        if medium_m:  # "said in a statement", "said in a video call with residents"
            said_in = " ".join(medium_m.group(1).split())
            to = _TO_MEDIUM.search(said_in)  # "in a statement to Rolling Stone"
            return f"{prefix}{cue} {said_in}", to.group(1) if to else None
        paper = _IN_PAPER.match(text, m.end())
        if paper:  # "wrote in a paper in Nature Astronomy": the journal
            return f"{prefix}{cue} {' '.join(paper.group(0).split())}", paper.group(1)
    return prefix + cue, None


_MEDIUM_NAME = r"([A-Z][\w&+’'-]*(?:\s+[A-Z][\w&+’'-]*){0,3})"
_TO_MEDIUM = re.compile(rf"\b(?:to|with)\s+(?:the\s+)?{_MEDIUM_NAME}$")
# the names of days and months, which a capitalised phrase after "on" or "said" may be
DATE_WORDS = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"May|June|July|August|September|October|November|December)"
)
_WHEN = re.compile(DATE_WORDS + r"\b.*")
_ON_MEDIUM = re.compile(rf"\s+on\s+(?:the\s+)?{_MEDIUM_NAME}")
_IN_PAPER = re.compile(
    r"\s+in\s+(?:a|an|the|their|his|her)\s+(?:new\s+)?(?:paper|study|article|report|letter)\s+"
    rf"(?:published\s+)?in\s+(?:the\s+(?:journal\s+)?)?{_MEDIUM_NAME}"
)


def medium(frame_text: str) -> tuple[str | None, str | None]:
    """A platform named by the medium ("in a 2013 tweet" -> Twitter) and a document noun."""
    m = _MEDIA.search(frame_text)
    platform = None
    if m:
        name = m.group(0).removeprefix("on ").removeprefix("to ")  # "on Truth Social", "tweeted"
        platform = MEDIA.get(name.split()[0].lower(), name)
    d = _DOCUMENTS.search(frame_text)
    return platform, (d.group(0) if d else None)

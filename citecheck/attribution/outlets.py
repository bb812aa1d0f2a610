"""The outlet or platform a quote appeared in: the registry's names, and the syntax around it.

"told El País" names an outlet the registry knows; "in a 2013 tweet" names Twitter; "told the
Example Courier" an outlet by the look of its name; "a study in the journal Example Medicine"
one by the phrase. An outlet merely mentioned near the quote (a photo credit) is not its source.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from ..model import Attribution
from ..outlets import Registry
from .cues import DATE_WORDS, KIND_AFTER, MEDIA_WORDS, OUTLET_KINDS, PROGRAMME_NOUNS, medium
from .frames import Frame
from .genders import first_name_genders
from .outlet_finder import OutletFinder
from .references import expand_acronym
from .speakers import Speech


def outlet_of(
    found: OutletFinder | None, frame: Frame, sp: Speech
) -> tuple[str | None, str | None]:
    """The outlet or platform the quote appeared in, and the language to expect there."""
    around = f"{frame.before} {frame.after}"
    hit = None
    if found is not None:
        for candidate in (sp.outlet_text, sp.speaker, around):
            if candidate:
                hits = found.find_in(candidate)
                if candidate is sp.speaker and candidate is not sp.outlet_text:
                    # the body speaking is the outlet ("the Kremlin said": its own site), not
                    # one it only qualifies ("sources close to the Kremlin")
                    hits = [h for h in hits if _is_whole(candidate, h[1])]
                if candidate is around:
                    hits = [h for h in hits if _credited(around, h[1])]
                if hits:
                    hit = hits[0][0]
                    if candidate is around:
                        # the outlet nearest the quote
                        hit = min(hits, key=lambda h: _distance(h[1], len(frame.before)))[0]
                    break
    reg = found.reg if found is not None else None
    platform, _doc = medium(around)
    if hit is None and platform and reg is not None:
        hit = reg.find(platform)
    found = hit
    if found is not None:
        return found.name, found.language
    told = sp.outlet_text
    if told and (kind_after := KIND_AFTER.fullmatch(told)):
        told = kind_after.group(1)  # "told Glimmer magazine that ...": Glimmer
    if told and (journalist := _OUTLETS_PERSON.match(told)) and _MEDIA_NAME.search(journalist[1]):
        told = journalist[1]  # "told Example Radio's Ben Marsh": the journalist's outlet
    elif told and told[-2:] in ("'s", "’s") and _MEDIA_NAME.search(told):
        told = told[:-2]  # "told the Daily Planet's political editor"
    if told:
        told = _PROGRAMME_TAIL.sub("", told)  # "told Radio Brightwater's breakfast show"
    if told and (site := _listed_site(_DESCRIBED.sub("", told), reg)):
        return site.name, site.language  # "told The Sun": thesun.co.uk's name, unlisted by name
    if told and _is_medium(told, sp.cue):
        # "told the Example Courier", "told WXYZ"; "the Spanish-language Noticias" is "Noticias"
        return _DESCRIBED.sub("", told), None
    if platform is None and sp.speaker and _SPEAKING_MEDIUM.fullmatch(sp.speaker):
        return re.sub(r"^[Tt]he\s+", "", sp.speaker), None  # "the Example Courier reported"
    if platform is None and sp.speaker and sp.cue and _PUBLISHED.match(sp.cue):
        if site := _listed_site(sp.speaker, reg):
            return site.name, site.language  # "The Sun reported"

    on = _PEOPLE_ON.search(sp.speaker or "")
    if platform is None and on and _MEDIA_NAME.search(on.group(1)):
        return on.group(1), None  # "the commentators on ESPN": the programme's outlet
    if platform is None and not _TOLD_PEOPLE.match(sp.cue or ""):
        # (words told to reporters went to no outlet, whatever the sentence says it reported:
        # "told reporters that the deal, first reported by the newspaper X, was ...")
        hits = [m for m in (_PUBLISHED_IN.search(around), _JOURNALIST_OF.search(around)) if m]
        named = min(hits, key=lambda m: m.start()) if hits else None
        if named:  # "in the journal Example Medicine"; "a reporter from Example Daily"
            name = (named.group(1) or named.group(2)).rstrip(".")
            if named.re is _PUBLISHED_IN or _MEDIA_NAME.search(name):
                return name, None
        spoken = _SPOKEN_TO.search(around)
        name = _TRAILING_DATE.sub("", spoken.group(2)) if spoken else ""
        name = re.sub(r"[’']s$", "", name)  # "on Example Radio’s morning show"
        strong = spoken is not None and (_ON_AIR.search(spoken.group(0)) or spoken["kind"])
        if (
            name
            and (
                _MEDIA_WORD.search(name)
                or strong
                or _ACRONYM_ALONE.match(around, spoken.start(2))
                or _listed_site(name, reg)
            )
            and not _TRAILING_DATE.fullmatch(" " + name)
        ):
            return name, None  # "Speaking to Example Radio, ...", "said on ..."
        credit = _CREDITING.search(around)
        if credit and (
            credit[2]
            or credit[3]
            or credit[4]
            or credit[5]
            or _MEDIA_WORD.search(credit[1])
            or _listed_site(credit[1], reg)
        ):
            return next(g for g in credit.groups() if g).rstrip("."), None
    return platform, None


def spelled_outlet(a: Attribution, masked: str) -> Attribution:
    """The attribution with an outlet's acronym spelled out as the article defined it ("the
    Indo-Asian Wire (IAW)" for "told IAW"); as it is for any other outlet."""
    if not a.outlet or not _BARE_ACRONYM.fullmatch(a.outlet):
        return a
    full = expand_acronym(a.outlet, a.text_span[0], masked)
    return replace(a, outlet=full) if full != a.outlet else a


_BARE_ACRONYM = re.compile(r"[A-Z]{2,6}")
# people told, who are no outlet: "told reporters", "told the crowd"
_PEOPLE_TOLD = r"(?:reporters|journalists|the\s+crowd)"
_TOLD_PEOPLE = re.compile(rf"(?:told|tells|telling)\s+{_PEOPLE_TOLD}$")


def _listed_site(name: str, reg: Registry | None):
    """The listed news site a capitalised name in a credit's place spells ("told The Sun",
    "according to TMZ"); not a first name standing alone ("told Grant"), which is a person."""
    if reg is None or not name or not (name[0].isupper() or name[0].isdigit()):
        return None
    words = name.split()
    if any(w[0].islower() and w not in _NAME_FUNCTION_WORDS for w in words):
        return None
    if len(words) == 1 and not name.isupper() and name.lower() in first_name_genders():
        return None
    return reg.by_site_name(name)


_NAME_FUNCTION_WORDS = frozenset(("of", "and", "the", "de", "del", "della", "dello", "di", "la"))
_PUBLISHED = re.compile(r"(?:reported|reports|wrote|writes|published|revealed|quoted|cited)\b")


# The outlet that carried the words, by the syntax: "the Example Courier quoted X as saying",
# "..., the Example Courier reported", "a letter published by the Example Gazette", "said on
# the Example Hour podcast" (a name before the kind of programme needs no media word)
_NAME_RUN = r"([A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,4})"
_CREDITING = re.compile(
    rf"\b(?:[Tt]he\s+)?{_NAME_RUN}\s+(?:reported|quoted|cited|published)\b"
    rf"|\b(?:published|obtained|seen|reviewed)(?:\s+on\s+{DATE_WORDS})?\s+(?:by|in)\s+"
    rf"(?:the\s+)?([A-Z][\w&.’'-]*(?:\s+(?:of\s+|for\s+|and\s+|&\s+)?[A-Z][\w&.’'-]*){{0,5}})"
    # "On his WHRN 1210 afternoon show, ...": a station's number and the time of day between
    rf"|\b(?:[Oo]n|[Ii]n|to)\s+(?:the\s+|his\s+|her\s+|their\s+)?{_NAME_RUN}(?:\s+\d[\w.]*)?"
    r"\s+(?:[a-z-]+\s+)?(?:podcast|programme|program|radio\s+show|show)\b"
    rf"|\b(?:show|programme|program|podcast|broadcast)\s+on\s+(?:the\s+)?{_NAME_RUN}"
    rf"|\b(?:quoted|broadcast|aired|carried)\s+by\s+(?:the\s+)?{_NAME_RUN}"
)  # "said on Example Morning, the breakfast show on Example TV": the channel


# "The article on example-daily.com", "a story in the Example Courier": an outlet's page speaks
# in the outlet's own words; the outlet says where, and no one is named as who
_PAGE_OF = re.compile(
    r"^(?:the|a|an|this|that|one)\s+(?:[\w-]+\s+){0,2}?(?:article|story|piece|post|page|"
    r"column|editorial|website|site|blog(?:\s+post)?|report)\s+(?:on|in|at|from)\s+"
    r"(?P<outlet>\S.{0,80})$",
    re.IGNORECASE,
)


def page_of_outlet(speaker: str, found: OutletFinder | None) -> str | None:
    """The outlet when `speaker` is only a page of it ("The article on example-daily.com")."""
    m = _PAGE_OF.match(speaker.strip())
    if m is None:
        return None
    outlet = re.sub(r"^the\s+", "", m.group("outlet").strip(" ,."), flags=re.IGNORECASE)
    if (found is not None and found.find_in(outlet)) or _MEDIA_NAME.search(outlet):
        return outlet
    return None


_PROGRAMME_TAIL = re.compile(rf"[’']s\s+(?:[a-z-]+\s+){{0,2}}(?:{PROGRAMME_NOUNS}|website|site)$")
_DESCRIBED = re.compile(r"^(?:the\s+)?(?:[\w-]+-(?:language|speaking|run|owned|based)\s+)+")


# A name after "told" that is not in the registry counts as an outlet only if it looks like
# one: "told the Example Courier" is; "told the Finance Committee" is not.
_MEDIA_NAME = re.compile(rf"\b(?:{MEDIA_WORDS}|Sunday)\b|^[A-Z]{{2,5}}$")


def _is_medium(name: str, cue: str | None) -> bool:
    """A name the syntax gives as where words appeared: a media word in it ("Example
    Courier"), "The" in it ("tells The Hollywood Reporter": people take no article), or the
    object of "in a statement to" / "in a paper in" ("Rolling Stone", "Nature Astronomy")."""
    if _MEDIA_NAME.search(name) or _ORG_WORD.search(name):
        return bool(_MEDIA_NAME.search(name))
    if cue and re.search(r"\b(?:statement|interview|paper|study|article|letter|report)\b", cue):
        return True
    if cue and re.search(rf"\b{OUTLET_KINDS}\s+{re.escape(name)}$", cue):
        return True  # "told the Spanish daily Noticias Ejemplo": the kind of outlet named
    if cue and re.search(rf"\b{re.escape(name)}\s+{OUTLET_KINDS}$", cue):
        return True  # "told Glimmer magazine": the kind after the name
    told = rf"\b(?:told|tells)\s+the\s+(?:[\w’']+-[\w’'-]+\s+)*{re.escape(name)}"
    return bool(cue) and bool(re.search(told, cue, re.I))


# a description of people at an outlet: "the commentary team on ESPN", "a presenter at Example
# Radio"
_PEOPLE_ON = re.compile(
    r"^(?:the|a|an)\s+[a-z][\w\s-]{0,40}?\s(?:on|at|from|for)\s+(?:the\s+)?"
    r"([A-Z][\w&+.’'-]*(?:\s+[A-Z][\w&+.’'-]*){0,3})$"
)
_ORG_WORD = re.compile(
    r"\b(?:Committee|Council|Department|Ministry|Court|Commission|Board|Parliament|Senate|"
    r"Congress|Assembly|Police|Office|Agency|University|Union|Subcommittee|Inquiry|Tribunal|"
    r"Caucus|Cabinet|Chamber|Commons|Lords|House|"
    # the world's legislatures by their own names: "told the Dáil", "told the Bundestag"
    r"D[áa]il|Seanad|Oireachtas|Knesset|Bundestag|Bundesrat|Duma|Sabha|Majlis|Storting|Riksdag|"
    r"Sejm|Senedd|Stormont|Holyrood|Legislature|Legco|Diet|Rajya|Lok)\b"
)
# a media word that is no day and no bare acronym ("said on Sunday", "speaking to NATO allies")
_MEDIA_WORD = re.compile(rf"\b(?:{MEDIA_WORDS})\b")
_TRAILING_DATE = re.compile(rf"(?:\s+{DATE_WORDS})+$")
# Where the words were said, from the sentence's syntax: the name must hold a media word.
_SPEAKING_MEDIUM = re.compile(rf"(?:[Tt]he\s+)?(?:[A-Z][\w&.’'-]*\s+){{0,3}}(?:{MEDIA_WORDS})")
# said on air: the name after it is a channel or show, whatever words it holds
_ON_AIR = re.compile(r"^(?:appearance\s+on|interview\s+on|[Ss]peaking\s+on)")
# an agency's acronym standing alone ("speaking to PNA over the phone"), not modifying a noun
# ("speaking to NATO allies")
_ACRONYM_ALONE = re.compile(
    r"[A-Z]{2,5}(?=\s*(?:[,.;:!?”’\"]|$)|\s+(?:over|on|in|at|by|from|about|last|this|earlier|"
    r"after|before|during|when|while|that)\b)"
)
_SPOKEN_TO = re.compile(
    r"\b(?:[Ii]n\s+an?\s+(?:[\w-]+\s+)?interview\s+with|[Ss]peaking\s+(?:to|with)|"
    r"[Tt]alking\s+to|in\s+remarks\s+to|[Ii]n\s+(?:an?|his|her|their|its)\s+(?:[\w-]+\s+)?"
    r"(?:statement|email|message|comments)\s+to|in\s+an?\s+(?:op-ed|column|article|essay|piece)\s+"
    r"(?:for|in)|(?:wrote|[Ww]riting|writes)\s+in|(?:said|says|[Ss]peaking|[Aa]ppearing|appeared)\s+on|"
    r"quoted\s+(?:as\s+saying\s+)?by|[Aa]ccording\s+to|(?:first\s+)?reported\s+by|"
    r"appearance\s+on|interview\s+(?:on|with))"
    # "the health podcast Pulsewise": the kind of outlet named makes the name one
    rf"\s+(?:the\s+)?(?P<kind>(?:[a-z-]+\s+)?(?:{OUTLET_KINDS}|podcast|show|programme)\s+)?"
    r"([A-Z][\w&+’'-]*(?:\s+(?:[A-Z][\w&+’'-]*|\d+(?=\s+[A-Z]))){0,3})"  # "Channel 6 Aldmere"
)
_PUBLISHED_IN = re.compile(
    r"\b(?:in|by|to|on|with|for) the (?:[A-Z][\w-]+(?:-language)?\s+|[a-z]+-language\s+)?"
    r"(?:journal|newspaper|magazine|paper|website|blog|news site|broadcaster|network|channel|"
    r"podcast|show|programme|program|daily|weekly|tabloid|news agency|agency|radio station|"
    r"station|outlet) "
    r"([A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,4})"
)
# The outlet of a journalist the words were said to: a name with a media word in it
_JOURNALIST_OF = re.compile(
    # "told a reporter from Example Daily"
    r"\b(?:a|an|the)\s+(?:reporter|journalist|correspondent|interviewer|presenter|host)\s+"
    r"(?:from|for|with|at|of)\s+(?:the\s+)?([A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,4})"
    # "told Ben Marsh of the Example Daily", "speaking to Ben Marsh from Example Radio"
    r"|\b(?:told|tells|telling|[Ss]peaking\s+(?:to|with)|[Tt]alking\s+to|interview\s+with)\s+"
    r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}\s+(?:of|from|at)\s+(?:the\s+)?"
    r"([A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,4})"
)
# "Example Radio's Ben Marsh", "the Daily Planet's political editor Ben Marsh"
_OUTLETS_PERSON = re.compile(
    r"^(?:the\s+)?(.+?)[’']s\s+(?:[a-z]+\s+){0,3}[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}$"
)


_CREDIT_BEFORE = re.compile(
    r"(?:\b(?:to|in|with|on|told|by|from|for|via|of)|according to)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:[\w’'-]+\s+){0,3}$",
    re.IGNORECASE,
)


_CUE_AFTER = re.compile(r"^\s*(?:\w+\s+){0,1}(?:reported|said|says|wrote|published|quoted|cited)")


_QUALIFIES = re.compile(
    r"\b(?:close|closer|near|next|linked|loyal|opposed|related|familiar)\s+(?:to|with)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)


def _credited(text: str, span: tuple[int, int]) -> bool:
    """An outlet named as where the words appeared ("told El País", "Infobae reported"), not one
    merely mentioned nearby (a photo credit)."""
    before = text[max(0, span[0] - 40) : span[0]]
    if re.search(r"(?:credit|photo|image|©)\W*$", before, re.IGNORECASE):
        return False
    if _QUALIFIES.search(before):
        return False  # "sources close to the Kremlin": whom the source is near, not where
    return bool(_CREDIT_BEFORE.search(before) or _CUE_AFTER.match(text[span[1] :]))


def _is_whole(speaker: str, span: tuple[int, int]) -> bool:
    """The outlet's name is all of the speaker but an article, a possessive or an acronym."""
    rest = re.sub(r"^(?:[’']s)?\s*(?:\([A-Z]{2,8}\))?[\s.,]*$", "", speaker[span[1] :])
    return speaker[: span[0]].strip().lower() in ("", "the") and not rest


def _distance(span: tuple[int, int], anchor: int) -> int:
    return min(abs(span[0] - anchor), abs(span[1] - anchor))


# A programme or paper named in quote marks: 'on “Face the Nation”', 'told “Example Tonight”',
# 'in an interview with “The Example Hour”'. The quote is a title, the programme an outlet.
_BEFORE_TITLE = re.compile(r"\b(?:on|with|to|told)\s+(?:the\s+)?[“\"‘']$")
_TITLE_SMALL = {"the", "of", "and", "a", "an", "in", "on", "for", "to", "at", "with", "&", "+"}
TITLE_MAX_WORDS = 6
_TITLE_MAX_CHARS = 400  # longer than any title of TITLE_MAX_WORDS words


def quoted_medium(text: str, spans: list[tuple[int, int]], lo: int, hi: int) -> str | None:
    """The quoted, title-cased name after "on/with/told" between lo and hi, if any. `spans`
    are sorted by start; a title is short, so the spans starting well before `lo` are skipped
    (each quote looked at every quote of the draft: quadratic on long drafts)."""
    for start, end in spans[bisect_left(spans, (lo - _TITLE_MAX_CHARS, 0)) :]:
        if start >= hi:
            break
        if end <= lo or not _BEFORE_TITLE.search(text[max(0, start - 40) : start]):
            continue
        words = text[start:end].strip(" ,.").split()
        if (
            1 <= len(words) <= TITLE_MAX_WORDS
            and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL for w in words)
            and words[0][:1].isupper()
        ):
            return " ".join(words)
    return None


# A sentence that sets up an exchange with an outlet, no quote needed: "Ada Quill sat down with
# the Example Courier", "In an interview with Example Radio, Tom Harrow ..."
_WITH_OUTLET = re.compile(
    # "told Sophy Ridge on Sky News": the interviewer (the host) speaks there too
    r"\b(?:(?:told|tells|speaking\s+to|talking\s+to)\s+"
    r"(?P<host>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){1,2})\s+(?:on|of|from|at)|sat\s+down\s+with|spoke\s+(?:to|with)|talked\s+(?:to|with)|"
    r"was\s+interviewed\s+by|gave\s+an?\s+(?:\w+\s+)?interview\s+to|appeared\s+on|told|"
    r"posted\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:video|photo|message|clip|picture)\s+(?:on|to)|"
    r"(?:shared|provided)\s+with)\s+"  # "posted a short video on X", "a statement shared with X"
    r"(?:the\s+)?(?P<outlet>[A-Z][\w&.’'+-]*(?:\s+(?:&\s+)?[A-Z][\w&.’'+-]*){0,4})"
)
_PIECE = r"(?:op-ed|column|essay|article|piece|commentary)"
_INTERVIEW_WITH = re.compile(  # "In an interview with X,", "In a column for X,", "In comments
    # to X,", "Speaking to X,": the outlet first, then who spoke to it
    rf"^\W*(?:In\s+an?\s+(?:[\w-]+\s+)?(?:interview\s+with|{_PIECE}\s+(?:for|in))|In\s+"
    r"(?:(?:an?|his|her|their)\s+)?(?:[\w-]+\s+)?(?:comments|remarks|statement|email|message)\s+to"
    r"|(?:Speaking|Talking)\s+(?:exclusively\s+)?to"
    r"|Writing\s+(?:in|for|on)(?:\s+(?:his|her|their|a)\s+(?:[\w-]+\s+){0,2}"
    r"(?:column|blog|newsletter|post)\s+(?:for|in|on))?)\s+(?:the\s+)?"
    r"(?P<outlet>[A-Z][\w&.’'+-]*(?:\s+[A-Z][\w&.’'+-]*){0,4})"
    r"(?:\s+(?:on|last|this|earlier|late|early|yesterday|today)\b[^,“”\"]{0,30})?\s*,"
)  # "Speaking to Radio Bellbird on Wednesday afternoon, the minister ..."
# "a Washington Post op-ed column earlier this month by ABC News reporter Jonathan Karl"
_PIECE_BY = re.compile(
    rf"\b(?P<outlet>[A-Z][\w&.’'+-]*(?:\s+[A-Z][\w&.’'+-]*){{0,4}})\s+(?:[\w-]+\s+)?{_PIECE}\b"
    r"[^.,;“”\"]{0,40}?\bby\s+(?P<who>(?:[\w.’'-]+\s+){0,4}[A-Z][\w’'-]+)"
)


_INTRO_WORD = re.compile(
    r"told|tells|spoke|talked|sat down|interview|appeared|speaking|talking|op-ed|column|essay|"
    r"article|piece|commentary|comments|remarks|statement|email|message|Speaking|Talking|"
    r"Writing|posted|shared|provided"
)


def interviews(
    sentences: list[tuple[int, str]], found: OutletFinder, speaker_in
) -> list[tuple[int, str, str, str | None]]:
    """Where the text sets up an interview: (offset, speaker, outlet, language) for each
    sentence that names a person or body with an outlet they spoke to (the outlet a medium by
    the registry or by its name). `speaker_in(offset, text)` gives the subject it names."""
    out = []
    for at, sentence in sentences:
        if not _INTRO_WORD.search(sentence):
            continue  # the cheap test: most sentences set up nothing
        m = _INTERVIEW_WITH.match(sentence)
        who_at, who = (at + m.end(), sentence[m.end() :]) if m else (at, "")
        if m is None:
            m = _PIECE_BY.search(sentence)
            who_at, who = (at + m.start("who"), m.group("who")) if m else (at, "")
        if m is None:
            m = _WITH_OUTLET.search(sentence)
            who = sentence[: m.start()] if m else ""
        if m is None or not who.strip():
            continue
        name = _TRAILING_DATE.sub("", m.group("outlet")).rstrip(".")
        journalist = _OUTLETS_PERSON.match(name)  # "the Example Courier’s Ben Marsh"
        name = journalist[1] if journalist else name
        hits = found.find_in(name)
        site = None if hits or _MEDIA_WORD.search(name) else _listed_site(name, found.reg)
        if not hits and not _MEDIA_WORD.search(name) and site is None:
            continue  # "told US media": an acronym alone is no outlet here
        speaker = speaker_in(who_at, who)
        outlet, language = (hits[0][0].name, hits[0][0].language) if hits else (name, None)
        if site is not None:
            language = site.language
        if speaker:
            out.append((at, speaker, outlet, language))
        if m.re is _WITH_OUTLET and m.group("host"):
            out.append((at, m.group("host"), outlet, language))
    return out


# Where someone spoke, other than to an outlet: a meeting, a speech, reporters
_SETTING = re.compile(
    r"\b(?:[Ss]peaking|[Tt]alking)\s+(?:at|during|in)\b(?!(?:\s+\S+){0,3}\s+(?:interview|call|phone))"
    r"|\bat\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}"
    r"(?:meeting|conference|briefing|rally|hearing|event|summit|session|debate|ceremony|"
    r"vigil|protest|launch)\b|\bin\s+(?:a|an|his|her|their|its)\s+(?:[\w-]+\s+){0,2}"
    rf"(?:speech|statement|address|letter|video)\b|\btold\s+{_PEOPLE_TOLD}"
    rf"|\b(?:said|spoke|appeared)\s+on\s+(?!{DATE_WORDS}\b)(?:the\s+)?[A-Z]"
)  # the last: "said on Example Hour", a programme of its own


def spoke_elsewhere(masked: str, starts: list[int]):
    """Whether the sentence at an offset says where its speaker spoke (not to an outlet)."""
    bounds = starts + [len(masked)]

    def elsewhere(at: int) -> bool:
        k = max(bisect_right(starts, at) - 1, 0)
        return bool(_SETTING.search(masked, bounds[k], bounds[k + 1]))

    return elsewhere


# "told the newspaper", "in an interview with the broadcaster": the outlet named before
_BACK_TO_MEDIUM = re.compile(
    r"\b(?:told|tells|to|with|in|on)\s+the\s+(?:newspaper|paper|broadcaster|network|station|"
    r"channel|magazine|news\s+agency|agency|outlet|website|site|publication|daily|tabloid|"
    r"weekly)\b"
)
_NAMED_MEDIUM = re.compile(rf"[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){{0,4}}\s+(?:{MEDIA_WORDS})\b")
_NAME_THEN_KIND = re.compile(
    r"\b([A-Z][\w&.’'-]*(?:\s+(?:&\s+)?[A-Z][\w&.’'-]*){0,3})\s+(?:(?:television|TV|radio|news)\s+)?"
    r"(?:channel|station|newspaper|network|daily|weekly|tabloid|website|magazine|broadcaster)\b"
)
BACK_WINDOW = 3000  # characters before a quote searched for the outlet "the newspaper" means


def outlet_named_before(
    masked: str, at: int, said: str, found: OutletFinder | None
) -> tuple[str | None, str | None]:
    """The outlet "told the newspaper" (in `said`, the words around a quote) stands for: the
    last outlet the text named before `at`, listed in the registry or named as a medium."""
    if not _BACK_TO_MEDIUM.search(said):
        return None, None
    earlier = masked[max(0, at - BACK_WINDOW) : at]
    best: tuple[int, str, str | None] | None = None
    for m in _NAMED_MEDIUM.finditer(earlier):
        best = (m.end(), _DESCRIBED.sub("", m.group(0)).removeprefix("The "), None)
    for m in _NAME_THEN_KIND.finditer(earlier):  # "the Velgrad-24 television channel"
        if best is None or m.end() > best[0]:
            best = (m.end(), m.group(1), None)
    if found is not None:
        for outlet, span in found.find_in(earlier):
            if best is None or span[1] > best[0]:
                best = (span[1], outlet.name, outlet.language)
    return (best[1], best[2]) if best else (None, None)

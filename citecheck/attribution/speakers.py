"""Who said a quote: rules over the quote's sentence (its frame), anchored on the cue.

A cue verb in the frame anchors the speaker: the subject before it ("Arturo Murillo announced"),
the name after it ("said Smith", "according to the White House"), or a pronoun resolved to the
last person named. A description stands for the person the article introduced ("the
president"), and an unnamed source is kept as the text gives it ("an indigenous worker").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .cues import (
    CUE,
    ENDS_MEDIUM,
    SAYING,
    cue_phrase,
    date_hint,
    find_cue_before,
    is_cue,
    speaker_follows,
)
from .frames import Frame
from .name_index import NameIndex
from .names import Name
from .phrase_words import ADVERBS, DATELINE, NOT_SUBJECT, PARTICIPIAL_LEAD, TEASER_LABEL
from .phrases import nearest_subject, resolve_phrase, split_chunks
from .references import is_description, names_between
from .report_words import FIRST_VERB

_PARTICIPLE = re.compile(r"ing$", re.IGNORECASE)
_QUOTED_AS = re.compile(r"\b(?:quoted|quotes|quoting|cited|cites|citing)\b")
_NOT_VERBS = {"on", "in", "at"}  # FIRST_VERB stops at them too; a subject may hold them
# after a quote, "asked Tom Reed" names who asked, not whom: the verb comes before its subject
_WITH_SUBJECT = re.compile(
    r"\bwith\s+((?:the|a|an|his|her|their|its|many|some|several)\s+[^,;:“”\"]{1,60}?"
    r"|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})"
    r"(?<!\sbefore)(?<!\safter)(?<!\swhile)(?<!\swhen)(?<!\sby)(?<!\swithout)\s*$"
)  # "…, with a judge describing", "…, with Azman Rahman writing"; not "conferred with his
#    counsel for a minute before answering": the participle is the subject's, after "before"
# "Northline’s managing director", "Example Rail’s chief": someone's role, then their name
_OWNERS_ROLE = re.compile(r"(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*[’']s\s+[a-z]")
_INVERTED_TELL = {"asked", "asks", "warned", "warns", "urged", "urges", "begged", "reminded"}


@dataclass(frozen=True)
class Speech:
    speaker: str | None = None
    speaker_span: tuple[int, int] | None = None  # in analysis text
    cue: str | None = None
    cue_gap: int | None = None  # words between the cue and the quote; None: no cue
    outlet_text: str | None = None
    date_hint: str | None = None
    person: bool = False


def speech_for(frame: Frame, names: list[Name], index: NameIndex, masked: str) -> Speech:
    """Speaker, cue and medium of one quote from its frame."""
    date = date_hint(frame.before + " " + frame.after)
    cue_m = find_cue_before(frame.before)
    # the agent of a passive cue, or of a speech noun when no cue comes before the quote
    agent = _passive(frame, names, index, masked) or (
        _words_from(frame, names, index, masked) if cue_m is None else None
    )
    if agent is not None:
        return _with(agent, date)
    after_sp = _after_quote(frame, names, index, masked)
    if after_sp is not None and after_sp.cue == "according to" and cue_m is not None:
        # "Mayor Jane Doe said “…,” according to the Daily Planet": she said it, the Daily
        # Planet reported it
        before = _before_quote(frame, cue_m, names, index, masked)
        if before is not None and before.speaker:
            return _with(replace(before, outlet_text=after_sp.speaker), date)
    if after_sp is not None:
        return _with(after_sp, date)
    if cue_m is not None:
        sp = _before_quote(frame, cue_m, names, index, masked)
        if sp is not None and sp.cue == "according to" and ENDS_MEDIUM.search(sp.speaker or ""):
            # "Quill told reporters, according to the Example Courier: “…”": she spoke
            earlier = find_cue_before(frame.before[: cue_m.start()].rstrip(" ,"))
            said = _before_quote(frame, earlier, names, index, masked) if earlier else None
            if said is not None and said.speaker:
                sp = replace(said, outlet_text=sp.speaker)
        if sp is not None:
            return _with(sp, date)
    if frame.before.rstrip().endswith(":"):  # "Priya Halvorsen addresses the board: “…”"
        label = TEASER_LABEL.match(frame.before)  # "RELATED: Gulls’ Kolbeck on deadline: “…”"
        at = label.end() if label else 0
        sp, span, person = _subject(frame.before.rstrip()[at:-1], frame.before_start + at, names,
                                    index, masked)  # fmt: skip
        if sp is not None and _POSSESSIVE_ALONE.fullmatch(sp):  # "Jake’s post read: “…”"
            sp, person = index.expand_given(sp[:-2]), True
        if sp is not None:
            return Speech(sp, span, None, None, None, date, person)
    return Speech(date_hint=date)


# A passive cue: the speaker is its agent. "“…” was declared by police", "The plan was
# described as “…” by Ada Quill" (the subject there is what was spoken of, not who spoke)
_PASSIVE_AUX = r"(?:was|were|is|are|has\s+been|have\s+been|had\s+been|been|being)\s+(?:\w+ly\s+)?"
_PASSIVE_BEFORE = re.compile(rf"\b{_PASSIVE_AUX}(?P<cue>\w+)\s+(?:as\s+)?$")
_PASSIVE_AFTER = re.compile(rf"^[\s,.”’\"']*{_PASSIVE_AUX}(?P<cue>\w+)(?=\s+by\s)")
_AGENT = (
    r"(?P<agent>(?:the\s+|a\s+|an\s+)?[^,;.:—]+?)"
    r"(?=\s+(?:around|at|on|in|after|before|during|last|this|yesterday|today|by|\d)\b|"
    r"[,;.:—]|$)"
)
_BY_AGENT = re.compile(rf"\s+by\s+{_AGENT}")


_CLOSING = re.compile(r"^[”’\"']*\s")


def _passive(frame: Frame, names: list[Name], index: NameIndex, masked: str) -> Speech | None:
    """The agent of a passive cue, when the sentence names one right after the quote (with none,
    the other cues of the sentence decide: "Drivers are asked “…,” the council said")."""
    before = _PASSIVE_BEFORE.search(frame.before)
    after = None if before else _PASSIVE_AFTER.match(frame.after)
    m = before or after
    if m is None or not CUE.fullmatch(m.group("cue")):
        return None
    cue = " ".join(m.group(0).strip(" ,.”’\"'").split()).removesuffix(" as")
    closing = _CLOSING.match(frame.after)
    at = after.end() if after else (closing.end() - 1 if closing else len(frame.after))
    return _agent_speech(frame, _BY_AGENT.match(frame.after, at), cue, names, index, masked)


# "an “ask China” retort from Trump", "the “enemy of the people” remarks by Ada Quill"
_WORDS_FROM = re.compile(
    r"^[”’\"']*\s+(?P<noun>retorts?|remarks?|comments?|quips?|jibes?|jabs?|barbs?|insults?|"
    r"warnings?|pledges?|promises?|vows?|claims?|statements?|tweets?|posts?|pleas?|threats?)\s+"
    r"(?:from|by)\s+"
)


_WORDS_AGENT = re.compile(_AGENT)


def _words_from(frame: Frame, names: list[Name], index: NameIndex, masked: str) -> Speech | None:
    """The one a quoted phrase's noun says it came from: "an “ask China” retort from Trump"."""
    m = _WORDS_FROM.match(frame.after)
    if m is None:
        return None
    by = _WORDS_AGENT.match(frame.after, m.end())
    return _agent_speech(frame, by, m.group("noun"), names, index, masked)


def _agent_speech(
    frame: Frame, by: re.Match | None, cue: str, names: list[Name], index: NameIndex, masked: str
) -> Speech | None:
    """The speaker an agent match (`_AGENT` in the frame's after-text) names, with `cue`."""
    if by is None:
        return None
    agent = by.group("agent").strip()
    sp, span, person = resolve_phrase(agent, frame.after_start + by.start("agent"), names, index,
                                      masked)  # fmt: skip
    return Speech(sp, span, cue, 0, None, None, person) if sp else None


_POSSESSIVE_ALONE = re.compile(r"[A-Z][\w-]*[’']s")


def _with(sp: Speech, date: str | None) -> Speech:
    if sp.speaker and _POSSESSIVE_ALONE.fullmatch(sp.speaker):
        return Speech(date_hint=date)  # "China’s", "That’s": a fragment, nobody's name
    return Speech(sp.speaker, sp.speaker_span, sp.cue, sp.cue_gap, sp.outlet_text, date, sp.person)


_TOKEN = re.compile(r"[\w’'-]+")


_LEAD = re.compile(r"[\s,;:—–-]*")


_QUOTE_MARK = re.compile(r"[“\"”]")


def _words_between(s: str) -> int:
    return len(_TOKEN.findall(s))


def _before_quote(
    frame: Frame, cue_m: re.Match, names: list[Name], index: NameIndex, masked: str
) -> Speech | None:
    before = frame.before
    cue, obj = cue_phrase(before, cue_m)
    gap = _words_between(before[cue_m.end() :])
    if speaker_follows(cue_m.group(0)):
        # The speaker follows the cue: "According to the White House, “…”".
        tail = before[cue_m.end() :]
        np = re.match(r"\s*([^,;:“\"]+)", tail)
        if np and np.group(1).strip():
            sp, span, person = resolve_phrase(
                np.group(1).strip(),
                frame.before_start + cue_m.end() + np.start(1),
                names,
                index,
                masked,
            )
            return Speech(sp, span, cue, gap, None, None, person)
    head = before[: cue_m.start()]
    coordinated = re.search(r"\b(?:and|but)\s*$", ADVERBS.sub("", head))  # "X … but said"
    absolute = _WITH_SUBJECT.search(head.rstrip()) if _PARTICIPLE.search(cue_m.group(0)) else None
    if absolute:  # "..., with a judge describing her crimes as “…”": the judge
        at = frame.before_start + absolute.start(1)
        sp, span, person = resolve_phrase(absolute.group(1), at, names, index, masked)
    elif coordinated or _PARTICIPLE.search(cue_m.group(0)):
        # "…, arguing that": the speaker is the sentence's subject; a verb joined by "and"
        # inside a clause of its own ("…, when Quill sat down with us and described") is the
        # clause's subject's
        sub = list(_SUBORDINATE.finditer(head)) if coordinated else []
        sp, span, person = (
            _subject(
                head[sub[-1].end() :], frame.before_start + sub[-1].end(), names, index, masked
            )
            if sub
            else (None, None, False)
        )
        if sp is None:
            sp, span, person = _subject(head, frame.before_start, names, index, masked)
    else:
        outer = _SAID_IT.search(head)
        if outer is not None:  # "The ministry said it had responded to “…”": the ministry
            head, cue = head[: outer.start()], outer.group(1)
        sp, span, person = nearest_subject(head, frame.before_start, names, index, masked)
    if sp is None:
        return None
    return Speech(sp, span, cue, gap, obj, None, person)


# a speech verb whose pronoun subject's clause holds the cue: the verb's subject spoke
_SAID_IT = re.compile(
    r"\b(said|says|say|added|insisted|claimed|stated|argued|maintained)\s+(?:that\s+)?"
    r"(?:it|he|she|they|we)\s+(?:[a-z]+\s+){0,2}$"
)


_ABBR_DOT = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|St|Sen|Rep|Gov|Gen|Lt|Col|Jr|Sr|Prof|Sgt|Capt|[A-Z])\.")


_THEN_END = re.compile(r"[—–]\s*(?:then|and|but|later|before)\s*$|,\s+(?:then|before)\s*$")


# "read" cues only here, after the quote: before one ("she had read") it is seldom speech
_READ_OUT = re.compile(
    r"((?:the|a|an|its|his|her|their)\s+(?:[\w-]+\s+){0,2}(?:statement|letter|note|post|message|"
    r"release|communiqué|communique|caption|notice|sign|placard|banner|tweet|email)|he|she|they)"
    r"\s+(read|reads)\b"
)


def _after_quote(frame: Frame, names: list[Name], index: NameIndex, masked: str) -> Speech | None:
    """“…,” said Smith / “…,” Smith, a spokesperson, said / “…,” she told CNN / according to X.

    Tries each cue of the rest of the sentence in turn: the name right after it ("said Smith",
    also at the end of a longer sentence: "…, said Smith, an analyst."), else the phrase between
    the quote and the cue ("Smith, the minister, said")."""
    # Dots of abbreviations ("Dr.", "U.S.") do not end a phrase.
    after = _ABBR_DOT.sub(lambda m: m.group(0)[:-1] + "\u00b7", frame.after)
    after = after.split(";", 1)[0]  # '“…”; his bank manager called it ...': another clause
    lead = _LEAD.match(after).end()
    base = frame.after_start
    read = _READ_OUT.match(after, lead)  # '“…,” the statement read.', '“…,” she read.'
    if read is not None:
        sp, span, person = resolve_phrase(read.group(1), base + read.start(1), names, index, masked)
        if sp:
            return Speech(sp, span, read.group(2), 0, None, None, person)
    for m in CUE.finditer(after, lead):
        if not is_cue(after, m):
            continue
        between = after[lead : m.start()]
        if _QUOTE_MARK.search(between) or _words_between(between) > 30:
            break
        if _THEN_END.search(between):
            break  # "X accused Y of having ‘bottled’ the call — then admitted": X, named before
        gap = _words_between(between)
        cue, obj = cue_phrase(after, m)
        word = m.group(0).lower()
        if not between.strip() and cue != m.group(0) and word in _INVERTED_TELL:
            cue, obj = m.group(0), None  # '“…?” asked Tom Reed': who asks, not who is asked
        if not between.strip() and _PARTICIPLE.search(word):
            continue  # "“…,” adding that …": the sentence's subject said it, named before
        if speaker_follows(word) or not between.strip():
            sp = _named_after_cue(after, m, base, names, index, masked)
            if sp is not None:
                return Speech(sp[0], sp[1], cue, gap, obj, None, sp[2])
            if not between.strip():
                continue
        # the subject: the first comma chunk after the quote that names someone
        chunks = split_chunks(between)
        for i, (off, chunk) in enumerate(chunks):
            chunk = ADVERBS.sub("", chunk).strip()
            if not chunk or chunk.lower().startswith(("who ", "which ", "that ")):
                continue
            if NOT_SUBJECT.match(chunk):
                break  # "at the opening, adding that ...": the clause goes on, no subject here
            sp, span, person = resolve_phrase(chunk, base + lead + off, names, index, masked)
            if sp and not person and i + 1 < len(chunks) and is_description(chunk):
                # "her lawyer, Sam Field, told": the name in apposition is who spoke
                off2, name = chunks[i + 1]
                named = resolve_phrase(name, base + lead + off2, names, index, masked)
                if named[2]:
                    sp, span, person = named
            if sp:
                return Speech(sp, span, cue, gap, obj, None, person)
        if between.rstrip().endswith(",") and word in SAYING:
            # "“…” announced in May, said Ada Quill, an analyst.": the subject follows the cue
            sp = _named_after_cue(after, m, base, names, index, masked)
            if sp is not None:
                return Speech(sp[0], sp[1], cue, gap, obj, None, sp[2])
    return None


def _named_after_cue(
    after: str, m: re.Match, base: int, names: list[Name], index: NameIndex, masked: str
) -> tuple[str, tuple[int, int] | None, bool] | None:
    """The speaker named right after an inverted cue: "said Smith", "said a spokesperson for
    the board, Ada Quill" (the name in the apposition wins over the description)."""
    np = re.match(r"\s*((?:the\s+|a\s+|an\s+)?[^,;.:—]+)", after[m.end() :])
    if not np:
        return None
    at = base + m.end() + np.start(1)
    phrase = np.group(1).strip()
    if phrase[:1].islower():  # "said a manager in Pune who had been with the company for ...":
        phrase = re.split(r"\s+(?:who|whose)\s", phrase, maxsplit=1)[0]  # the description
    # "said Ada Quill in a study in the journal Example Letters": the name that comes first
    sp, span, person = resolve_phrase(phrase, at, names, index, masked, first=phrase[:1].isupper())
    if not sp:
        return None
    if (not person and is_description(phrase)) or _OWNERS_ROLE.match(phrase):
        rest = after[m.end() + np.end() :]
        nxt = re.match(r",\s*([^,;.:—]+)[.!?]?\s*$", rest)
        if nxt:
            at2 = base + m.end() + np.end() + nxt.start(1)
            inside = [n for n in names_between(names, at2, at2 + len(nxt.group(1))) if n.person]
            if inside:
                n = inside[-1]
                return index.expand(n.text), (n.start, n.end), True
    return sp, span, person


_TIME_LEAD = re.compile(
    r"(?:(?:a\s+few\s+|two\s+|three\s+|several\s+)?(?:days?|weeks?|months?|years?|hours?|"
    r"minutes?|moments?|shortly|soon|just|fresh|only)\s+)?(?:after|before|since|following|"
    r"amid|from)\b|(?:days?|weeks?|months?|years?|hours?|minutes?|moments?)\s+(?:later|earlier)\b"
)


_OWNED_ROLE = re.compile(
    r"(?:(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w-]*[’']s|[Hh]is|[Hh]er|[Tt]heir)\s+[a-z][\w -]{2,40}"
)
_FULL_NAME = re.compile(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3}")


# "the visiting manager", "Another group": a description, before a name in commas
_DESCRIBED = re.compile(r"(?:the|a|an|[Aa]nother)\s+(?:[a-z-]+\s+){0,3}[a-z-]+")
_SUBORDINATE = re.compile(
    r"[,;]\s+(?:when|after|before|as|because|since|until|although|though|once)\s+"
    r"(?=(?:the|a|an)\b|[A-Z])"
)
_BUT_CLAUSE = re.compile(r"[,;]\s+(?:but|while|whereas)\s+(?=(?:the|a|an|[A-Z])\b)")


def _subject(
    head: str, base: int, names: list[Name], index: NameIndex, masked: str
) -> tuple[str | None, tuple[int, int] | None, bool]:
    """The first named entity of the main clause (for participle cues: "…, arguing that")."""
    dateline = DATELINE.match(head)
    if dateline:  # "Kantipur, June 14 (PNA): Chief Minister X announced ..., saying"
        head, base = head[dateline.end() :], base + dateline.end()
    but = list(_BUT_CLAUSE.finditer(head))
    if but:  # "X scored late, but the visiting manager, Y, left insisting": Y's clause
        head, base = head[but[-1].end() :], base + but[-1].end()
    chunks = split_chunks(head)
    for k, (off, chunk) in enumerate(chunks):
        if (
            (_OWNED_ROLE.fullmatch(chunk) or _DESCRIBED.fullmatch(chunk))
            and k + 1 < len(chunks)
            and _FULL_NAME.fullmatch(chunks[k + 1][1])
        ):  # "Mr Reed’s barrister, Fiona Kaltenbach, objected ...": the barrister, by name
            continue
        if NOT_SUBJECT.match(chunk.lower()) or _TIME_LEAD.match(chunk.lower()):
            continue  # "In May,", "Days after ...,": an adverbial, not the subject
        if PARTICIPIAL_LEAD.match(chunk):
            continue  # "Asked about the plan, Quill declined ..., saying": not "Asked"
        sp = resolve_phrase(chunk, base + off, names, index, masked, first=True)
        verb = FIRST_VERB.search(" " + chunk.rstrip())
        if (
            sp[0] is not None
            and verb is not None
            and verb.start() > 0
            and verb.group(0).strip() not in _NOT_VERBS
            and (
                verb.group(0).strip() in sp[0].split()
                or (
                    sp[1] is not None
                    and sp[1][0] >= base + off + verb.start()
                    and not _QUOTED_AS.search(chunk)  # "X quoted Ada Quill as (saying)": her
                )
            )
        ):  # a description running over the verb: "The ministry (rejected the claims)"; a
            # name after it is the verb's object: "The 34-year-old posted a video on TikTok"
            subject = re.sub(r"\s+(?:who|which|that)\s*$", "", chunk[: verb.start()])
            sp = resolve_phrase(subject, base + off, names, index, masked, True)
        if sp[0]:
            return sp
    return None, None, False

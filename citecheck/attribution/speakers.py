"""Who said a quote, with which cue, in which outlet: rules over the quote's sentence.

The frame of a quote is the rest of its sentence (other quotes blanked out). A cue verb in the frame
anchors the speaker: the subject before it ("Arturo Murillo announced"), the name after it
("said Smith", "according to the White House"), or a pronoun resolved to the last person named.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .names import PRONOUNS, STOP_CAPS, TITLES, Name, NameIndex, is_org, strip_titles

_CUE_WORDS = (
    "said|says|say|saying|told|tells|tell|telling|stated|states|stating|announced|announces|"
    "announcing|declared|declares|declaring|added|adds|adding|wrote|writes|writing|written|"
    "tweeted|tweets|posted|posts|explained|explains|noted|notes|noting|argued|argues|arguing|"
    "claimed|claims|claiming|insisted|insists|warned|warns|warning|threatened|threatens|asked|ask|"
    "asks|replied|replies|responded|responds|recalled|recalls|urged|urges|denounced|denounces|"
    "reported|reports|reporting|acknowledged|acknowledges|admitted|admits|conceded|concedes|"
    "described|describes|called|calls|call|calling|promised|promises|vowed|vows|pledged|pledges|"
    "demanded|stressed|stresses|emphasized|emphasised|emphasizes|observed|commented|"
    "remarked|concluded|concludes|testified|predicted|predicts|boasted|complained|complains|"
    "joked|quipped|offered|recounted|recounting|continued|confirmed|confirms|"
    "mentioned|suggested|suggests|agreed|agrees|countered|counters|answered|shouted|wondered|"
    "cautioned|cautions|insisting|explaining|announcing|accused|accuses|praised|praises|"
    "criticized|criticised|denied|denies|admitting|signed|begged|begs|slammed|slams|assailed|"
    "assured|assures|instructed|shouted|shouts|ordered|orders|dubbed|labeled|labelled|branded|"
    "texted|emailed|messaged|pleaded|whispered|yelled|screamed|exclaimed|added|insisting|"
    "acknowledging|arguing|contending|contended|maintained|maintains|told|recounts"
)
# Case matters: "States" in "United States" or "Reports" in a title is no speech verb.


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


_CUE = re.compile(
    rf"\b(?:[Aa]ccording to|[Ii]n the words of|{word_alternation(_CUE_WORDS.split('|'))})\b"
)
# A cue word used as a noun: "the call", "the mayor's call", "his claims".
_NOUN_BEFORE = re.compile(
    r"(?:[’']s|\b(?:the|a|an|his|her|its|their|our|my|your|this|these|those|whose|phone|all|"
    r"many|some|several|both|other|few|two|three|four|five|news|press|media|earlier|recent))\s+$",
    re.IGNORECASE,
)
_SAYING = {"said", "says", "wrote", "writes", "added", "adds", "reported", "reports", "asked",
           "explained", "explains", "noted", "notes", "recalled", "recalls", "argued",
           "argues", "continued", "stated", "states", "tweeted", "posted", "warned", "warns",
           "insisted", "insists", "observed", "cautioned", "cautions", "concluded", "concludes",
           "declared", "announced", "remarked", "replied", "responded", "answered",
           "according to", "in the words of", "say"}  # fmt: skip


_INFINITIVE_OR_NEGATED = re.compile(r"(?:\bto|n[’']t|\bnot|\bnever)\s+$")


def _is_cue(text: str, m: re.Match) -> bool:
    """A speech verb, not an infinitive ("to call a strike") or a noun ("the call")."""
    pre = text[max(0, m.start() - 16) : m.start()]
    if _INFINITIVE_OR_NEGATED.search(pre):
        return False  # "to call a strike", "we don't ask enough": no speech act
    return m.group(0).lower() in ("said", "according to") or not _NOUN_BEFORE.search(pre)


_TOLD_OBJ = re.compile(
    r"\s+((?:(?:a |an |the )?(?:[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}"
    r"(?:\s+(?:media|officials|reporters|journalists|lawmakers|television|radio|viewers))?|"
    r"reporters?|journalists?)|the press|the media|lawmakers|supporters|voters|the audience|"
    r"the crowd|a reporter|an interviewer|them|him|her|us|me|you|the public|"
    r"(?:a|the) \w+ (?:reporter|journalist|newspaper|radio|station|crowd)|the [a-z]+(?=[,.:]|$)|"
    r"[a-z]+s(?=[,.:]|\s+(?:to|that)\b|$))(?![\w’'-]))"
)
_OUTLET_LIKE = re.compile(r"(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}")
_TELL = {
    "told", "tells", "tell", "telling", "urged", "urges", "urging", "begged", "begs", "assured",
    "assures", "reminded", "reminds", "warned", "warns", "asked", "asks",
}  # fmt: skip
_AUX_BEFORE = re.compile(r"\b(?:has|have|had|would|will)(?:\s+also)?\s+$")
_IN_MEDIUM = re.compile(
    r"\s+((?:in|during|on)\s+(?:(?:a|an|the|his|her|its|their)\s+)?(?:[\w.’'-]+\s+){0,4}?"
    r"(?:statement|tweet|letter|interview|post|release|email|e-mail|call|telecon|"
    r"teleconference|conference|briefing|speech|testimony|response|video|message|op-ed|"
    r"column|podcast|hearing|filing|report|affidavit|memo)"
    r"(?:\s+(?:with|to|from)\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,2}?)?"
    r"(?:\s+to\s+a\s+question)?)(?=\s*(?:[,:.;]|$))"
)
_ADVERBS = re.compile(
    r"(?:\s+(?:has|have|had|was|were|is|are|will|would|also|then|later|first|immediately|now|"
    r"again|once|previously|recently|reportedly|publicly|repeatedly|still|had\s+also|"
    r"has\s+now|\w+ly))+\s*$",
    re.IGNORECASE,
)
_DETERMINER = re.compile(
    r"^(?:a|an|the|one|two|three|several|some|many|another|other|its|his|her|their)\s+",
    re.IGNORECASE,
)


def is_description(chunk: str) -> bool:
    """ "the Russian undersecretary of foreign relations": a determiner and a common-noun head."""
    if not _DETERMINER.match(chunk) or _FINITE_VERB.search(_RELATIVE.split(chunk, 1)[0]):
        return False  # "the danger is that we": a clause, not a noun phrase
    words = chunk.split()[1:]
    return any(
        (w[:1].islower() or w[:1].isdigit()) and w not in ("of", "for", "and", "in", "the", "de")
        for w in words
    )


_RELATIVE = re.compile(r"\b(?:who|that|which|whose)\b")
_FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|do|does|did|will|would|can|could|should|may|might|"
    r"must|\w+n[’']t)\b"
)
_PARTICIPLE = re.compile(r"ing$", re.IGNORECASE)
# (the look-aheads let the regex engine skip to a possible first letter)
_YEAR = re.compile(r"(?=[12])\b(1[89]\d\d|20\d\d)\b")
_MONTH_DAY = re.compile(
    r"(?=[JFMASOND])\b(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+\d{1,2}\b"
)
# Media that name the outlet by themselves: "in a 2013 tweet" is a tweet on Twitter.
MEDIA = {
    "tweet": "Twitter", "tweeted": "Twitter", "twitter": "Twitter", "x": "X",
    "facebook": "Facebook", "instagram": "Instagram", "tiktok": "TikTok", "youtube": "YouTube",
    "telegram": "Telegram", "linkedin": "LinkedIn", "threads": "Threads", "bluesky": "Bluesky",
    "weibo": "Weibo", "wechat": "WeChat", "reddit": "Reddit",
}  # fmt: skip
_MEDIA = re.compile(
    r"(?=[toTFILYWR])\b(?:tweet(?:ed)?|on (?:Twitter|X|Facebook|Instagram|TikTok|YouTube|"
    r"Telegram|LinkedIn|Threads|Bluesky|Weibo|WeChat|Reddit)|(?:Twitter|Facebook|Instagram|Telegram|LinkedIn|"
    r"TikTok|YouTube|Weibo|WeChat|Reddit) (?:post|posts|account|page|feed|channel|user|users|"
    r"commenter|commenters))\b"
)
_DOCUMENTS = re.compile(
    r"(?=[rsplmficobde])\b(?:report|statement|press release|communiqu[eé]|letter|memo|filing|"
    r"ruling|study|paper|interview|speech|op-ed|column|editorial|post|blog post|book|decree|"
    r"indictment)\b"
)


@dataclass(frozen=True)
class Frame:
    """A quote's sentence outside the quote, in the masked text."""

    before_start: int
    before: str  # sentence start .. opening mark
    after_start: int
    after: str  # closing mark .. sentence end


@dataclass(frozen=True)
class Speech:
    speaker: str | None = None
    speaker_span: tuple[int, int] | None = None  # in analysis text
    cue: str | None = None
    cue_gap: int = 99  # words between the cue and the quote
    outlet_text: str | None = None
    date_hint: str | None = None
    person: bool = False


def find_cue_before(before: str) -> re.Match | None:
    """The cue verb nearest the opening mark, in the same clause chain."""
    last = None
    for m in _CUE.finditer(before):
        if _is_cue(before, m):
            last = m
    return last


def speech_for(frame: Frame, names: list[Name], index: NameIndex, masked: str) -> Speech:
    """Speaker, cue and medium of one quote from its frame."""
    date = _date_hint(frame.before + " " + frame.after)
    cue_m = find_cue_before(frame.before)
    after_sp = _after_quote(frame, names, index, masked)
    if after_sp is not None:
        return _with(after_sp, date)
    if cue_m is not None:
        sp = _before_quote(frame, cue_m, names, index, masked)
        if sp is not None:
            return _with(sp, date)
    if after_sp is not None:
        return _with(after_sp, date)
    return Speech(date_hint=date)


def _with(sp: Speech, date: str | None) -> Speech:
    return Speech(sp.speaker, sp.speaker_span, sp.cue, sp.cue_gap, sp.outlet_text, date, sp.person)


def _date_hint(s: str) -> str | None:
    m = _MONTH_DAY.search(s) or _YEAR.search(s)
    return m.group(0) if m else None


_TOKEN = re.compile(r"[\w’'-]+")
_LEAD = re.compile(r"[\s,;:—–-]*")
_QUOTE_MARK = re.compile(r"[“\"”]")


def _words_between(s: str) -> int:
    return len(_TOKEN.findall(s))


def _cue_phrase(text: str, m: re.Match) -> tuple[str, str | None]:
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
            if low.startswith("tol") and _OUTLET_LIKE.fullmatch(target):
                outlet = re.sub(r"^the\s+", "", target)  # "told the Example Courier"
            return f"{prefix}{cue} {target}", outlet
    if low in ("called", "calls", "call", "calling"):
        nxt = re.match(r"\s+(for|on|it|them|him|her)\b", text[m.end() :])
        if nxt:
            return f"{prefix}{cue} {nxt.group(1)}", None
    if low in _SAYING:
        medium_m = _IN_MEDIUM.match(text, m.end())
        if medium_m:  # "said in a statement", "said in a video call with residents"
            return f"{prefix}{cue} {' '.join(medium_m.group(1).split())}", None
    return prefix + cue, None


def _before_quote(
    frame: Frame, cue_m: re.Match, names: list[Name], index: NameIndex, masked: str
) -> Speech | None:
    before = frame.before
    cue, obj = _cue_phrase(before, cue_m)
    gap = _words_between(before[cue_m.end() :])
    abs_cue = frame.before_start + cue_m.start()
    if cue_m.group(0).lower() in ("according to", "in the words of"):
        # The speaker follows the cue: "According to the White House, “…”".
        tail = before[cue_m.end() :]
        np = re.match(r"\s*([^,;:“\"]+)", tail)
        if np and np.group(1).strip():
            sp, span, person = _resolve_phrase(
                np.group(1).strip(),
                frame.before_start + cue_m.end() + np.start(1),
                names,
                index,
                masked,
            )
            return Speech(sp, span, cue, gap, None, None, person)
    head = before[: cue_m.start()]
    coordinated = re.search(r"\band\s*$", _ADVERBS.sub("", head))  # "X said … and warned"
    if coordinated or _PARTICIPLE.search(cue_m.group(0)):
        # "…, arguing that": the speaker is the sentence's subject.
        sp, span, person = _subject(head, frame.before_start, names, index, masked)
    else:
        sp, span, person = _nearest_subject(head, frame.before_start, names, index, masked)
    if sp is None:
        return None
    del abs_cue
    return Speech(sp, span, cue, gap, obj, None, person)


_ABBR_DOT = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|St|Sen|Rep|Gov|Gen|Lt|Col|Jr|Sr|Prof|Sgt|Capt|[A-Z])\.")


def _after_quote(frame: Frame, names: list[Name], index: NameIndex, masked: str) -> Speech | None:
    """“…,” said Smith / “…,” Smith, a spokesperson, said / “…,” she told CNN / according to X.

    Tries each cue of the rest of the sentence in turn: the name right after it ("said Smith",
    also at the end of a longer sentence: "…, said Smith, an analyst."), else the phrase between
    the quote and the cue ("Smith, the minister, said")."""
    # Dots of abbreviations ("Dr.", "U.S.") do not end a phrase.
    after = _ABBR_DOT.sub(lambda m: m.group(0)[:-1] + "\u00b7", frame.after)
    lead = _LEAD.match(after).end()
    base = frame.after_start
    for m in _CUE.finditer(after, lead):
        if not _is_cue(after, m):
            continue
        between = after[lead : m.start()]
        if _QUOTE_MARK.search(between) or _words_between(between) > 30:
            break
        gap = _words_between(between)
        cue, obj = _cue_phrase(after, m)
        word = m.group(0).lower()
        if not between.strip() and _PARTICIPLE.search(word):
            continue  # "“…,” adding that …": the sentence's subject said it, named before
        if word in ("according to", "in the words of") or not between.strip():
            sp = _named_after_cue(after, m, base, names, index, masked)
            if sp is not None:
                return Speech(sp[0], sp[1], cue, gap, obj, None, sp[2])
            if not between.strip():
                continue
        # the subject: the first comma chunk after the quote that names someone
        for off, chunk in _split_chunks(between):
            chunk = _ADVERBS.sub("", chunk).strip()
            if not chunk or chunk.lower().startswith(("who ", "which ", "that ")):
                continue
            if _NOT_SUBJECT.match(chunk):
                break  # "at the opening, adding that ...": the clause goes on, no subject here
            sp, span, person = _resolve_phrase(chunk, base + lead + off, names, index, masked)
            if sp:
                return Speech(sp, span, cue, gap, obj, None, person)
        if between.rstrip().endswith(",") and word in _SAYING:
            # "“…” announced in May, said Ada Quill, an analyst.": the subject follows the cue
            sp = _named_after_cue(after, m, base, names, index, masked)
            if sp is not None:
                return Speech(sp[0], sp[1], cue, gap, obj, None, sp[2])
    return None


_NOT_SUBJECT = re.compile(
    r"(?:in|on|at|for|from|by|with|to|of|into|over|under|after|before|during|despite|as|"
    r"about|against|than|because|while|although|though|if|when|once|but|and|or|so|then|"
    r"not|being|having|[a-z]+ing)\b"
)


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
    # "said Ada Quill in a study in the journal Example Letters": the name that comes first
    sp, span, person = _resolve_phrase(phrase, at, names, index, masked, first=phrase[:1].isupper())
    if not sp:
        return None
    if not person and is_description(np.group(1).strip()):
        rest = after[m.end() + np.end() :]
        nxt = re.match(r",\s*([^,;.:—]+)[.!?]?\s*$", rest)
        if nxt:
            at2 = base + m.end() + np.end() + nxt.start(1)
            inside = [n for n in names_between(names, at2, at2 + len(nxt.group(1))) if n.person]
            if inside:
                n = inside[-1]
                return index.expand(n.text), (n.start, n.end), True
    return sp, span, person


def _split_chunks(head: str) -> list[tuple[int, str]]:
    """Comma-separated chunks of a clause (parentheses kept whole), with their offsets."""
    chunks, depth, start = [], 0, 0
    for i, ch in enumerate(head):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in ",;:—" and depth == 0:
            chunks.append((start, head[start:i]))
            start = i + 1
    chunks.append((start, head[start:]))
    return [(s + len(c) - len(c.lstrip()), c.strip()) for s, c in chunks if c.strip()]


def _nearest_subject(
    head: str, base: int, names: list[Name], index: NameIndex, masked: str
) -> tuple[str | None, tuple[int, int] | None, bool]:
    """The noun phrase before the cue: walk comma chunks back from the verb."""
    chunks = _split_chunks(head)
    for k in range(len(chunks) - 1, -1, -1):
        off, chunk = chunks[k]
        chunk = _ADVERBS.sub("", chunk).strip()
        if not chunk:
            continue
        low = chunk.lower()
        if low.startswith(("which ", "who ", "that ")):
            continue  # a relative clause: its antecedent is the chunk before
        tail = _SUBORDINATE.match(chunk)
        if tail and tail.end() < len(chunk) and len(chunk[tail.end() :].split()) <= 6:
            # "… when he said", "… reports that officials said": the subject of the last clause
            sp = _resolve_phrase(chunk[tail.end() :], base + off + tail.end(), names, index, masked)
            if sp[0] is not None:
                return sp
        sp = _resolve_phrase(chunk, base + off, names, index, masked)
        if sp[0] is None:
            if chunk.split()[0].lower() in PRONOUNS:
                break  # "Asked about Quill, she said": the subject is "she", unresolved
            continue
        # an appositive after a name: "Smith, the minister, said", "Smith, chair of the
        # board, said", "Smith, the board's chair, said" -> Smith
        lower_start = (
            chunk[:1].islower() and not _DETERMINER.match(chunk) and not _NOT_SUBJECT.match(chunk)
        )
        if (is_description(chunk) or _POSSESSIVE.match(chunk) or lower_start) and k > 0:
            prev = _resolve_phrase(chunks[k - 1][1], base + chunks[k - 1][0], names, index, masked)
            named = prev[0] and (prev[2] or (not lower_start and _has_name(chunks[k - 1][1])))
            if named and len(chunks[k - 1][1].split()) <= 8:
                return prev
        return sp
    return None, None, False


_SUBORDINATE = re.compile(
    r".*\b(?:that|when|as|because|while|after|before|if|since|where|which|though|although|"
    r"until|whereas)\s+",
    re.DOTALL,
)
_POSSESSIVE = re.compile(r"[A-Z][\w.&-]*[’']s\s+[a-z]")


def _subject(
    head: str, base: int, names: list[Name], index: NameIndex, masked: str
) -> tuple[str | None, tuple[int, int] | None, bool]:
    """The first named entity of the main clause (for participle cues: "…, arguing that")."""
    chunks = _split_chunks(head)
    for off, chunk in chunks:
        if _NOT_SUBJECT.match(chunk.lower()):
            continue  # "In May,", "At the hearing,": an adverbial, not the subject
        sp = _resolve_phrase(chunk, base + off, names, index, masked, first=True)
        if sp[0]:
            return sp
    return None, None, False


def _has_name(chunk: str) -> bool:
    return any(w[:1].isupper() for w in chunk.split()[1:]) or (
        chunk[:1].isupper() and chunk.split()[0].lower() not in ("the", "a", "an")
    )


_PREPOSITIONS = {"of", "in", "from", "at", "for", "with", "by", "on", "to"}


def _resolve_phrase(
    phrase: str,
    start: int,
    names: list[Name],
    index: NameIndex,
    masked: str,
    first: bool = False,
) -> tuple[str | None, tuple[int, int] | None, bool]:
    """A subject phrase as a speaker: a name (expanded), a pronoun resolved, a description."""
    phrase = phrase.strip(' ,;:"“”‘’_')
    if not phrase:
        return None, None, False
    words = phrase.split()
    if words[0].lower() in PRONOUNS or (len(words) <= 3 and words[-1].lower() in PRONOUNS):
        who = resolve_pronoun(start, names, index, masked)
        return (who[0], who[1], True) if who[0] else (None, None, False)
    end = start + len(phrase)
    inside = names_between(names, start, end)
    if (
        len(inside) == 1
        and inside[0].start == start
        and " " not in inside[0].text
        and 3 <= len(words) <= 4
        and all(w[:1].islower() for w in words[1:])
        and not index.is_person(inside[0].text)
    ):
        # "Local news outlets": a sentence-initial capital, not a name
        return phrase, (start, end), False
    if (
        inside
        and len(words) <= 5
        and _DETERMINER.match(phrase)
        and words[-1][:1].islower()
        and not _PREPOSITIONS.intersection(words)
        and not any(n.person or index.is_person(n.text) for n in inside)
        and is_description(phrase)
    ):
        # "the Example Navy spokesperson", "a Fenwick shopkeeper": a description whose names
        # only modify its head
        return phrase, (start, end), False
    if inside:
        if first:  # the subject: its first person, else its first name
            pick = next((n for n in inside if n.person or index.is_person(n.text)), inside[0])
        else:
            pick = _head_name(inside, phrase, start)
        if pick is not None:
            words = strip_titles(pick.text.split())
            org = is_org(pick.text.split())
            text = pick.text
            # An organisation's acronym in brackets belongs to its name: "Workers Central (COB)".
            tail = masked[pick.end : pick.end + 12]
            acro = re.match(r"\s*\(([A-Z]{2,8})\)", tail)
            span_end = pick.end
            if acro:
                text = f"{text} ({acro.group(1)})"
                span_end = pick.end + acro.end()
                org = True
            if pick.person or index.is_person(words[-1]):
                return index.expand(" ".join(words)), (pick.start, pick.end), True
            if org or pick.text[0].isupper():
                text = re.sub(r"^[\w-]+-based\s+", "", text)
                if not acro:
                    text = expand_acronym(text, pick.start, masked)
                return text, (pick.start, span_end), False
    if is_description(phrase) and len(words) <= 12:
        named = _definite_reference(phrase, start, names, index, masked)
        if named is not None:
            return named
        # An unnamed source as the text gives it: "an indigenous worker in El Alto".
        return phrase, (start, end), False
    if not inside and len(words) <= 3 and phrase.islower() and _is_plural(words[-1]):
        # a bare plural: "officials said", "residents say", "people say"
        return phrase, (start, end), False
    return None, None, False


_PLURAL = re.compile(r"[a-z]{3,}[^su’']s")
_NOT_PLURAL = {"news", "series", "species", "has", "was", "does", "goes", "always", "perhaps"}
_IRREGULAR_PLURALS = {"people", "police", "staff", "men", "women", "children", "folks"}


def _is_plural(word: str) -> bool:
    return word in _IRREGULAR_PLURALS or (bool(_PLURAL.fullmatch(word)) and word not in _NOT_PLURAL)


_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
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


def expand_acronym(text: str, at: int, masked: str) -> str:
    """ "the CDC" -> "Example Center for Disease Control" when the article spelled it out before
    (initials of the capitalised words, in order); else `text` as it is."""
    m = _ACRONYM.search(text)
    if m is None:
        return text
    spelled = _spelled_out(m.group(0), masked)
    k = bisect_left(spelled, (at,)) - 1  # the last one before `at`, within the window
    if k < 0 or spelled[k][0] < at - ACRONYM_WINDOW or spelled[k][1] > at:
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
}  # fmt: skip
ORG_NOUNS = {
    "agency", "company", "group", "organization", "organisation", "department", "ministry",
    "council", "committee", "union", "court", "office", "government", "military", "police",
    "firm", "bank", "university", "network", "team", "club", "party", "board", "commission",
    "administration", "campaign", "charity", "foundation", "institute", "center", "centre",
}  # fmt: skip


DOCUMENT_NOUNS = {"statement", "letter", "report", "release", "memo", "filing", "complaint"}


def _document_author(
    noun: str, start: int, names: list[Name], index: NameIndex, masked: str
) -> tuple[str, tuple[int, int], bool] | None:
    """ "the statement said": who issued the statement the article introduced before ("the
    board said in a statement", "In a letter, the nurses urged ...")."""
    lo = max(0, start - PRONOUN_WINDOW)
    pattern = rf"\b(?:a|an|its|his|her|their)\s+(?:[\w.-]+\s+){{0,3}}?{noun}\b"
    intro = next(reversed(list(re.finditer(pattern, masked[lo:start]))), None)
    if intro is None:
        return None
    at = lo + intro.start()
    sentence = max(masked.rfind(". ", lo, at) + 2, masked.rfind("\n", lo, at) + 1, lo)
    end = min((i for i in (masked.find(". ", at), masked.find("\n", at)) if i >= 0), default=at)
    text = masked[sentence:end]
    cues = [m for m in _CUE.finditer(text) if _is_cue(text, m)]
    if not cues:
        return None
    cue = cues[-1]
    if cue.start() > at - sentence:
        # "In a letter, the nurses urged …": the subject stands between the noun and the cue
        skip = at - sentence + len(intro.group(0))
        head, base = text[skip : cue.start()], sentence + skip
    else:  # "the board said in a statement"
        head, base = text[: cue.start()], sentence
    sp = _nearest_subject(head, base, names, index, masked)
    return sp if sp[0] else None


def _definite_reference(
    phrase: str, start: int, names: list[Name], index: NameIndex, masked: str
) -> tuple[str, tuple[int, int], bool] | None:
    """ "the president", "the 61-year-old", "the agency", "the nurses": the named person or
    organisation the article introduced earlier, when the description points back to one."""
    words = phrase.split()
    if words[0].lower() != "the" or len(words) > 3:
        return None
    head = words[-1].lower().strip(",.")
    stem = head[:-1] if head.endswith("s") and len(head) > 3 else head
    if stem in DOCUMENT_NOUNS and len(words) == 2:
        return _document_author(stem, start, names, index, masked)
    before = names_between(names, max(0, start - PRONOUN_WINDOW), start)
    # an organisation whose name holds the noun: "the nurses" -> "Nurses for Clean Air"
    for n in reversed(before):
        if not n.person and re.search(rf"\b{re.escape(stem)}", n.text, re.IGNORECASE):
            if len(n.text.split()) >= 2:
                return n.text, (n.start, n.end), False
    if stem in PERSON_ROLES or re.fullmatch(r"\d+-year-old", head):
        # a title given before a name: "President Donald Trump" for "the president"
        last = None
        window = masked[max(0, start - PRONOUN_WINDOW) : start]
        for m in re.finditer(
            rf"\b{re.escape(stem)}\s+((?:[A-Z][\w’'-]+\s?){{1,3}})", window, re.IGNORECASE
        ):
            last = m
        if last is not None and last.group(0)[0].isupper():
            return index.expand(last.group(1).strip()), (start, start + len(phrase)), True
        who = resolve_pronoun(start, names, index, masked)
        if who[0]:
            return who[0], who[1], True
    if stem in ORG_NOUNS:
        for n in reversed(before):
            if not n.person and is_org(n.text.split()) and len(n.text.split()) >= 2:
                return n.text, (n.start, n.end), False
    return None


def _head_name(inside: list[Name], phrase: str, start: int) -> Name | None:
    """The name that heads the phrase: the last one, unless it sits after a preposition."""
    for n in reversed(inside):
        pre = phrase[: n.start - start].rstrip().split()
        if pre and pre[-1].startswith("(") or phrase[n.start - start - 1 : n.start - start] == "(":
            continue  # an acronym in brackets belongs to the name before it
        if pre and pre[-1].lower() in ("in", "of", "from", "at", "to", "for", "by", "with"):
            if is_description(phrase):
                return None  # "an indigenous worker in El Alto": a description, not El Alto
            continue
        return n
    return None


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


def resolve_pronoun(
    pos: int, names: list[Name], index: NameIndex, masked: str
) -> tuple[str | None, tuple[int, int] | None]:
    """The person a pronoun at `pos` stands for: the subject of the nearest sentence before it
    that names a person."""
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
    for k in sorted(by_sentence, reverse=True):
        for n in by_sentence[k]:
            if n.person or index.is_person(n.text):
                if n.text.split()[0].lower() in TITLES and len(n.text.split()) == 1:
                    continue
                if _AFTER_PREPOSITION.search(masked, max(0, n.start - 8), n.start):
                    continue  # "sacked by Example United": not the subject
                return index.expand(n.text), (n.start, n.end)
    return None, None


_PRONOUN_BOUNDARY = re.compile(r"[.!?][”’\"]?\s+(?=[A-Z“\"])|\n\n")
_AFTER_PREPOSITION = re.compile(
    r"\b(?:by|to|from|with|against|for|of|at|about|on|in|into|over|toward|towards|like|than|"
    r"as|without|behind|beside|besides|after|before|under)\s+$"
)


def medium(frame_text: str) -> tuple[str | None, str | None]:
    """A platform named by the medium ("in a 2013 tweet" -> Twitter) and a document noun."""
    m = _MEDIA.search(frame_text)
    platform = None
    if m:
        word = m.group(0).split()[-1].lower() if m.group(0).startswith("on ") else m.group(0)
        word = word.split()[0].lower()
        platform = MEDIA.get(word.lower(), m.group(0).split()[-1])
    d = _DOCUMENTS.search(frame_text)
    return platform, (d.group(0) if d else None)

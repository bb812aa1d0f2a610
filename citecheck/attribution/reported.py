"""Reported speech: statements attributed without quote marks.

"The Prosecutor's Office has recognized that three protesters have been killed" is a claim the
draft attributes to a source as surely as a quotation; it is checked for support, not wording.
Four shapes of news copy, each needing a speech verb or "according to" and a source that
resolves to a name, a pronoun of someone named or a description:

    X said (that) <clause>.            X told reporters <clause>.   X says / warned / denied ...
    According to X, <clause>.          <clause>, according to X(, <more>).
    <clause>, X said.                  <clause>, said X.            X said in a statement: <S>.
    X did Y, claiming <clause>.        X responded by saying / was quoted as saying <clause>.
    X vowed (never) to <verb> ...      X urged / told / is urging Y to <verb> ...

Without "that" the clause must open on a subject and its verb ("confirmed he had tested
positive"), so "X announced a plan" stays an act, not a statement.

A quoted fragment may stand inside the clause ("X said the plan was “a disaster” for farmers":
the fragment is a partial quote, the clause reported speech); a sentence whose clause is all
quotation is a direct quote, not reported speech. Precision first: the clause must hold a verb
and five words or more, and a source that resolves to no one gives nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import DATE_WORDS, word_alternation
from .names import Name, NameIndex
from .phrases import nearest_subject, resolve_phrase

_VERBS = (
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
    "reckons "
    # base forms: plural subjects and headlines ("Officials warn", "Ministers insist")
    "warn insist claim argue admit deny confirm reveal suggest stress explain predict allege "
    "complain announce acknowledge"
).split()
_SIMPLE_VERBS = list(dict.fromkeys(_VERBS))
# who "told": a capitalised name, reporters, an outlet, a pronoun, "the committee"
_TOLD_OBJECT = (
    r"(?:(?:[\w-]+\s+)?(?:media|press)\b|(?:reporters|journalists|lawmakers|supporters|parliament|congress|senators|voters|"
    r"(?:a|an)\s+(?:\w+\s+)?(?:conference|briefing|rally|meeting|audience|crowd|hearing|"
    r"committee|forum|summit|gathering|interviewer)|"
    # "the state-run Example Daily", "the Spanish-language Noticias Ejemplo"
    r"(?:the\s+)?(?:[\w’']+-[\w’'-]+\s+){1,2}[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}|"
    r"the\s+\w+(?:\s+(?!(?:he|she|they|it|we|i|you|there)\b)\w+)?|him|her|them|us|me|"
    r"[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}))"
)
_CUE = (
    r"(?:(?:is|are|was|were)\s+(?:urging|saying|warning|claiming|insisting|arguing|alleging|"
    r"calling\s+on|asking|demanding)|"
    rf"(?:told|tells)\s+{_TOLD_OBJECT}|pointed\s+out|(?:called|calls)\s+on|urged|urges|urge|"
    r"asked|asks|begged|begs|pleaded\s+with|encouraged|encourages|appealed\s+to|"
    rf"threatened|threatens|{word_alternation(_SIMPLE_VERBS)})"
)
_AUX = r"(?:(?:has|have|had|would|will|also|now|previously|recently|later|repeatedly|"
_AUX += r"publicly|reportedly|separately|again)\s+)*"
# a short quoted name in the subject's sentence: 'In an interview with “Example Tonight”, X said'
_TITLE = r"(?:(?<=\son\s)|(?<=\swith\s)|(?<=\sto\s))[“\"]_{1,40}[”\"]"
# a cue is an active verb: not the noun after a determiner ("rejected the claim and vowed"),
# an adjective ("the number of confirmed cases") nor a passive ("was asked to speak")
_NOT_NOUN = frozenset(
    "the The a A an An his her their its this that our no of was were been being be".split()
)
# X said (that) <clause>: each cue in turn ("Y demanded last week …, but X said it …")
_FRONT_CUE = re.compile(rf"\s+{_AUX}(?P<cue>{_CUE})\s*,?\s+(?P<that>that\s+)?")
_FRONT_HEAD = re.compile(rf"(?:[^“”\"«»:]|{_TITLE}){{2,160}}", re.DOTALL)
_FRONT_TRIES = 3  # cues tried a sentence
# According to X, <clause>.
_ACCORDING_FRONT = re.compile(
    r"^\W*(?P<cue>[Aa]ccording\s+to)\s+(?P<source>[^,;:]{2,120}?)\s*,\s+(?P<clause>.+?)\s*"
    r"[.!?]?\s*$",
    re.DOTALL,
)
# <clause>, according to X.
_ACCORDING_BACK = re.compile(
    r"^\W*(?P<clause>.+?)\s*,?\s+(?P<cue>according\s+to)\s+(?P<source>[^,;:]{2,120}?)\s*"
    r"[.!?]?\s*$",
    re.DOTALL,
)
# <clause>, according to X, <more clause>.
_ACCORDING_MID = re.compile(
    r"^\W*(?P<clause>.+?),\s+(?P<cue>according\s+to)\s+(?P<source>[^,;:]{2,120}?)\s*,\s+.{8,}$",
    re.DOTALL,
)
# <subject>, according to X / per the X / X said, <the rest>: the source set in the middle of
# the statement, which is the whole sentence ("He had, according to the Post, lost the keys")
_INSET = re.compile(
    rf"^\W*(?P<head>[^,;:“”\"]{{2,80}}?),\s+(?:(?P<cue>according\s+to|per(?=\s+the\s|\s+[A-Z]))"
    rf"\s+(?P<source>[^,;:“”\"]{{2,80}}?)|(?P<source2>[^,;:“”\"]{{2,60}}?)\s+{_AUX}"
    rf"(?P<cue2>said|says|added|adds|noted|notes|continued|continues|wrote|writes|reported|"
    rf"reports|claimed|claims|insisted|insists|argued|argues|believes))\s*,\s+"
    r"(?P<tail>[^“\"«].{7,}?)\s*[.!?]?\s*$",
    re.DOTALL,
)
# X said in a statement: <sentence>.
_COLON = re.compile(
    rf"(?P<head>[^“”\"«»:]{{2,160}}?)\s+{_AUX}(?P<cue>(?:said|says|wrote|writes|announced|"
    rf"stated|added|tweeted|posted))(?P<where>\s+(?:in|on|to|at|during|via|through|after|before)"
    rf"\s[^:“”\"]{{1,60}}?)?:\s+(?P<clause>[^“\"«].+?)"
    r"\s*[.!?]?\s*$",
    re.DOTALL,
)
# where and when a statement was made, after its cue: "said in a statement on Wednesday"
_CUE_SETTING = rf"(?:\s+(?:(?:in|on|at|during|via|through|late|early|last|this|{DATE_WORDS})\b"
_CUE_SETTING += r"[^,;:“”\"]{0,80}?))?"
# <clause>, X said. / <clause>, said X. / <clause>, reports Reuters.
_BACK = re.compile(
    rf"^\W*(?P<clause>.+?)\s*,\s+(?:(?P<source>[^,;:“”\"]{{2,120}}?)\s+{_AUX}(?P<cue>{_CUE})"
    rf"{_CUE_SETTING}|(?P<cue2>said|says|added|adds|wrote|writes|told\s+\w+)\s+"
    rf"(?P<source2>[^,;:“”\"]{{2,120}}?)|(?P<cue3>{word_alternation(_SIMPLE_VERBS)})\s+"
    r"(?P<source3>(?:the\s+)?[A-Z][^,;:“”\"]{1,120}?))"
    r"\s*(?:,[^,]{0,120})?[.!?]?\s*$",
    re.DOTALL,
)
# "…, and Quill reported to him", "…, a finding that she reported": a clause, not a source
_NOT_A_SOURCE = re.compile(r"^(?:and|but|then|so)\b|\b(?:that|which|who|whom)\b")
_MIN_WORDS = 5
MAX_SENTENCE = 1500  # characters: longer is no sentence of news copy, and bounds the patterns
_ADVERBIAL_THAT = re.compile(
    r"((?:in|on|at|during|via|through|this|last|earlier|later|late|early)\b[^,;:]{0,50}?)\s+"
    r"that\s+",
    re.IGNORECASE,
)
# "said Sunday he is not on board", "said on Tuesday night they would": when, then the clause
_WHEN_LEAD = re.compile(
    rf"((?:on\s+)?(?:{DATE_WORDS}|yesterday|today|tonight)(?:\s+(?:morning|afternoon|evening|"
    r"night))?),?\s+(?:that\s+)?(?=[a-zA-Z])"
)
_PREPOSITION = re.compile(r"(?:in|on|at|during|via|through|after|before|by|to|for|as)\b", re.I)
_TRAILING_CREDIT = re.compile(
    r",\s+(?:according\s+to\s+[^,]+|(?:the\s+)?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,4}\s+"
    r"(?:reported|said|says|reports))\s*$"
)
_NOT_SPEAKERS = {
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
_QUOTE_MARK = re.compile('[“”"«»]')
_MASK = "_"
# "…, claiming he could …", "responded by saying …", "was quoted as saying …"
_PARTICIPLE_CUES = (
    "saying claiming revealing arguing adding warning insisting noting stressing explaining "
    "announcing confirming suggesting"
).split()
_GATE_WORDS = [
    "according",
    "According",
    "told",
    "tells",
    "pointed",
    "say",
    *_SIMPLE_VERBS,
    *_PARTICIPLE_CUES,
    *"urging vowed vows vow pledged pledges pledge urged urges urge called calls".split(),
    *"asked asks begged begs pleaded encouraged encourages appealed threatened threatens".split(),
    "demanding",
]
# cheap test before the full patterns: any of the verbs ("told" alone stands for "told X")
_ANY_VERB = re.compile(rf"\b{word_alternation(_GATE_WORDS)}\b")
# A clause must read as a statement: a finite verb, or a modal, somewhere in it.
_IRREGULAR_PAST = (
    "fell rose fled grew made took went came saw found got gave held left lost met paid ran sent "
    "set spent stood won began broke brought built bought caught chose drew drove fought flew "
    "froze hid hit hurt kept knew led let lay meant put quit read rode rang sank sat shot shut "
    "sang slept spoke stole struck swam threw understood woke wore became"
)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|could|can|should|may|might|must|"
    r"do|does|did|won[’']t|can[’']t|\w+n[’']t|" + "|".join(_IRREGULAR_PAST.split()) + r"|"
    r"[a-z]{2,}(?:ed|es))\b|\b[a-z]{3,}s\b",
    re.IGNORECASE,
)

# Without "that", a clause needs a plain subject and a verb right after the cue: "confirmed he
# had tested positive", "acknowledged the cut would be absent"; "announced a plan" is no clause.
_SUBJECT_VERB = re.compile(
    r"(?:(?:he|she|they|we|i|it|there)(?:[’']\w+)?\s+[a-z]\w*|"
    r"(?:(?:the|a|an|his|their|its|our|this|these|those|some|no)\s+)?"
    r"(?:(?!(?:that|which|who|whom|whose|to|for|of|in|on|at|with|by|from|and|or|as)\s)"
    r"[\w’'-]+\s+){1,4}?"
    r"(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|did|does|"
    r"\w+n[’']t)\b)"
)
# "said Westland has lost ...", "said Wiley's account had been locked ..."
_NAMED_CLAUSE = re.compile(
    rf"(?!{DATE_WORDS}\b)"
    r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3}(?:[’']s\s+[a-z]+)?\s+"
    r"(?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|"
    r"[a-z]{3,}[^s’'\W]s|[a-z]{3,}ed)\b"
)
# findings read as speech only with "that": "the test showed his lungs could not ..." is a result
_NEEDS_THAT = {
    "found", "finds", "showed", "shows", "indicated", "indicates", "suggest", "suggests",
    "suggested", "confirm", "confirms",  # "Polls suggest the race ...", "Tests confirm ..."
}  # fmt: skip
_FINDINGS = {"found", "finds", "showed", "shows"}  # only results, even with a person subject
# promises and appeals: "vowed never to stop ...", "urged people to follow the guidelines"
_DIRECTIVE_CUES = set(
    "vowed vows vow pledged pledges pledge promised promises promise threatened threatens urged "
    "urges urge called calls told tells asked asks begged begs pleaded encouraged encourages "
    "appealed warned warns urging calling asking demanding".split()
)
# who may only ask, not state: "asked if ..." is a question, not a claim
_ONLY_DIRECTIVE = set(
    "asked asks begged begs pleaded encouraged encourages appealed asking calling called calls "
    "urged urges urge urging".split()
)
_TO_VERB = r"to\s+(?!(?:the|a|an|his|her|their|its|this|that|these|those|my|our|your)\b)[a-z]{2,}"
_DIRECTIVE = re.compile(rf"(?:(?:not|never)\s+)?{_TO_VERB}|(?:[\w’'-]+\s+){{1,6}}?{_TO_VERB}")
# "…, claiming he could …", "responded by saying …": the participle's subject is the sentence's
_PARTICIPLE = re.compile(
    r"^(?P<head>[^:]{2,240}?)(?:,\s+|\s+by\s+|\s+as\s+)"
    rf"(?P<cue>{'|'.join(_PARTICIPLE_CUES)})\s+"
    r"(?P<that>that\s+)?(?P<clause>.+?)\s*[.!?]?\s*$",
    re.DOTALL,
)
# where the subject of a sentence ends: its first verb
_FIRST_VERB = re.compile(
    r"\s(?:has|have|had|was|were|is|are|will|would|also|then|later|on|in|at|"
    r"[a-z]+ed|"
    + "|".join(_IRREGULAR_PAST.split())
    + r"|"
    + word_alternation(_SIMPLE_VERBS)
    + r")\b"
)


@dataclass(frozen=True)
class Reported:
    clause_start: int  # offsets into the analysis text
    clause_end: int
    speaker: str
    speaker_span: tuple[int, int] | None
    cue: str


def _clause_ok(clause: str) -> bool:
    """Enough of the writer's own words to be a statement, not a quotation with a frame.

    A clause mostly quoted still counts when the writer's words before the quotation hold a
    subject and a verb: "X said the account had been locked “for violating our rules.”"
    """
    if clause.lstrip().startswith(("“", '"', "«")):
        return False
    visible = re.sub(r"“_+”|\"_+\"|«_+»|_+", " ", clause)
    words = visible.split()
    masked = clause.count(_MASK)
    lead = _QUOTE_MARK.split(clause, maxsplit=1)[0]
    if (
        len(words) + masked // 6 >= _MIN_WORDS
        and masked >= 10
        and 1 <= len(lead.split()) <= 6
        and not lead.rstrip().endswith((":", ","))  # 'put it bluntly: “…”' is a direct quote
    ):
        return True  # the verb may stand in the quotation: 'said the budget “cannot stretch”'
    if not _FINITE.search(visible):
        return False
    if len(words) >= _MIN_WORDS and masked <= len(clause) * 0.5:
        return True
    return (
        len(words) + masked // 6 >= _MIN_WORDS
        and (len(lead.split()) >= 3 or bool(_SUBJECT_VERB.match(lead.strip())))
        and bool(_FINITE.search(lead) or _SUBJECT_VERB.match(lead.strip()))
    )


def _speaker(speaker: str | None) -> str | None:
    """The source as reported, or None for a word that names no one ("it", "never said");
    a phrase that opens on such a word may still name someone ("One source", "That report")."""
    if speaker is None:
        return None
    words = speaker.lower().strip("’'").split()
    if words[0] in ("never", "what") or (len(words) == 1 and words[0] in _NOT_SPEAKERS):
        return None
    return re.sub(r"[’']s$", "", speaker)  # "NASA’s" -> "NASA"


def find_reported(
    masked: str, starts: list[int], names: list[Name], index: NameIndex
) -> list[Reported]:
    """Sentences of reported speech: the clause, who it is attributed to, and the cue."""
    out = []
    bounds = starts + [len(masked)]
    for s, e in zip(bounds, bounds[1:], strict=False):
        sentence = masked[s:e]
        if e - s > MAX_SENTENCE or "\n\n" in sentence.strip() or not _ANY_VERB.search(sentence):
            continue
        found = (
            _according(sentence, s, names, index, masked)
            or _participle(sentence, s, names, index, masked)
            or _front(sentence, s, names, index, masked)
            or _back(sentence, s, names, index, masked)
            or _colon(sentence, s, names, index, masked)
            or _inset(sentence, s, names, index, masked)
        )
        if found is not None:
            out.append(found)
    return out


def _front(sentence, s, names, index, masked) -> Reported | None:
    """X said (that) <clause>: the first cue whose clause reads as a statement."""
    sentence = sentence.rstrip()
    tries = 0
    for m in _FRONT_CUE.finditer(sentence):
        head = sentence[: m.start()]
        if not head or head.rsplit(None, 1)[-1] in _NOT_NOUN:
            continue
        tries += 1
        if tries > _FRONT_TRIES or not _FRONT_HEAD.fullmatch(head):
            break
        if tries > 1 and re.search(r"(?:,|\s(?:and|or))$", head):
            continue  # a later cue must open a clause of its own: "…, but X said"
        clause = re.sub(r"\s*[.!?]?\s*$", "", sentence[m.end() :])
        if not clause or _QUOTE_MARK.search(re.sub(_TITLE, "", head)):
            continue
        found = _front_at(head, m, clause, s, names, index, masked)
        if found is not None:
            return found
    return None


def _front_at(head, m, clause, s, names, index, masked) -> Reported | None:
    """One cue of `_front`: `m` its match, `head` the words before it, `clause` those after."""
    cue = " ".join(m.group("cue").split())
    clause_at = m.end()
    adverbial = _ADVERBIAL_THAT.match(clause) or _WHEN_LEAD.match(clause)
    if adverbial:  # "said in a statement on Wednesday that ...", "said this month that ..."
        clause_at += adverbial.end()
        clause = clause[adverbial.end() :]
        cue = f"{cue} {adverbial.group(1)}".strip()
    that = bool(m.group("that") or (adverbial and re.search(r"\bthat\s+$", adverbial.group(0))))
    verb = next(w for w in cue.lower().split() if w not in ("is", "are", "was", "were"))
    bare = verb in ("said", "says", "say", "told", "tells")
    directive = _DIRECTIVE.match(clause) if verb in _DIRECTIVE_CUES else None
    if directive and clause.startswith("to be "):
        directive = None  # "The match promises to be a thriller": a prospect, not a promise
    if verb in _ONLY_DIRECTIVE and not directive:
        return None
    if not that and not directive and not (bare and clause[:1].islower()):
        if not (_SUBJECT_VERB.match(clause) or (bare and _NAMED_CLAUSE.match(clause))):
            return None  # "X reported a fire" is not reported speech
        if verb in _NEEDS_THAT and (
            verb in _FINDINGS or not nearest_subject(head, s, names, index, masked)[2]
        ):
            return None  # "Tests confirm the virus is ...": a finding, unless a person's
    if not that and not directive and _PREPOSITION.match(clause):
        return None  # "said in a statement on Wednesday." holds no clause
    tail = _TRAILING_CREDIT.search(clause)
    if tail:  # "..., The Example Gazette reported." credits the outlet, not the claim
        clause = clause[: tail.start()]
    if not (_clause_ok(clause) or (directive and len(clause.split()) >= _MIN_WORDS)):
        return None
    if re.search(r"\s(?:and|but)$", head.rstrip()):  # "X did Y and vowed ..."
        speaker, span = _sentence_subject(head, s, names, index, masked)
    else:
        speaker, span, _person = nearest_subject(head, s, names, index, masked)
        speaker = _speaker(speaker)
    if speaker is None:
        return None
    start = s + clause_at
    return Reported(start, start + len(clause.rstrip(" ,")), speaker, span, cue)


def _according(sentence, s, names, index, masked) -> Reported | None:
    """According to X, <clause>. / <clause>, according to X."""
    if "ccording to" not in sentence:
        return None
    for pattern in (_ACCORDING_FRONT, _ACCORDING_MID, _ACCORDING_BACK):
        m = pattern.match(sentence.rstrip())
        if not m or _QUOTE_MARK.search(m.group("source")):
            continue
        clause = m.group("clause")
        if not _clause_ok(clause):
            continue
        source = m.group("source")
        speaker, span, _person = resolve_phrase(source, s + m.start("source"), names, index, masked)
        speaker = _speaker(speaker)
        if speaker is None:
            continue
        start = s + m.start("clause")
        return Reported(start, start + len(clause.rstrip(" ,")), speaker, span, "according to")
    return None


def _inset(sentence, s, names, index, masked) -> Reported | None:
    """<subject>, according to X, <the rest>. / <subject>, X said, <the rest>."""
    m = _INSET.match(sentence.rstrip())
    if not m or not _clause_ok(f"{m.group('head')} {m.group('tail')}"):
        return None
    which = "" if m.group("source") else "2"
    source = m.group("source" + which)
    if len(source.split()) > 8 or _NOT_A_SOURCE.search(source):
        return None
    speaker, span, _person = resolve_phrase(
        source, s + m.start("source" + which), names, index, masked
    )
    speaker = _speaker(speaker)
    if speaker is None:
        return None
    start, end = s + m.start("head"), s + m.end("tail")
    return Reported(start, end, speaker, span, " ".join(m.group("cue" + which).split()))


def _back(sentence, s, names, index, masked) -> Reported | None:
    """<clause>, X said. / <clause>, said X."""
    m = _BACK.match(sentence.rstrip())
    if not m:
        return None
    clause = m.group("clause")
    if not _clause_ok(clause) or _QUOTE_MARK.search(clause[-3:]):
        return None  # a quotation ending at the comma is a direct quote
    which = next(k for k in ("", "2", "3") if m.group("source" + k))
    source, at = m.group("source" + which), m.start("source" + which)
    cue = " ".join(m.group("cue" + which).split())
    if len(source.split()) > 8 or _NOT_A_SOURCE.search(source):
        return None
    speaker, span, _person = resolve_phrase(source, s + at, names, index, masked)
    speaker = _speaker(speaker)
    if speaker is None:
        return None
    start = s + m.start("clause")
    return Reported(start, start + len(clause.rstrip(" ,")), speaker, span, cue)


def _sentence_subject(head, at, names, index, masked):
    """The subject of the sentence's first verb: "X launched a bid, claiming", "X did Y and
    vowed" -> X."""
    lead = head.lstrip()
    verb = _FIRST_VERB.search(" " + lead)
    if verb is None or verb.start() == 0:
        return None, None
    subject = lead[: verb.start()]
    if "," in subject or len(subject.split()) > 8 or _QUOTE_MARK.search(subject):
        return None, None
    at += len(head) - len(lead)
    if re.search(r"[’']s\s+[a-z]", subject):  # "Ada Quill's lawyer filed ...": the lawyer
        subject = subject.strip()
        return _speaker(subject), (at, at + len(subject))
    speaker, span, _person = resolve_phrase(subject, at, names, index, masked)
    return _speaker(speaker), span


def _participle(sentence, s, names, index, masked) -> Reported | None:
    """X did something, claiming (that) <clause>. / X responded by saying <clause>."""
    m = _PARTICIPLE.match(sentence.rstrip())
    if not m:
        return None
    head, clause = m.group("head"), m.group("clause")
    if not m.group("that") and m.group("cue") in ("confirming", "suggesting"):
        return None  # "Prices rose, confirming the fears were justified": an inference
    if not m.group("that") and not _SUBJECT_VERB.match(clause) and not _NAMED_CLAUSE.match(clause):
        return None
    if not _clause_ok(clause):
        return None
    speaker, span = _sentence_subject(head, s + m.start("head"), names, index, masked)
    if speaker is None:
        return None
    start = s + m.start("clause")
    return Reported(start, start + len(clause.rstrip(" ,")), speaker, span, m.group("cue"))


def _colon(sentence, s, names, index, masked) -> Reported | None:
    """X said in a statement: <sentence>. The sentence after the colon is the writer's own."""
    m = _COLON.match(sentence.rstrip())
    if not m or not m.group("clause")[:1].isupper() or not _clause_ok(m.group("clause")):
        return None
    speaker, span, _person = nearest_subject(m.group("head"), s, names, index, masked)
    speaker = _speaker(speaker)
    if speaker is None:
        return None
    clause = m.group("clause")
    start = s + m.start("clause")
    cue = " ".join((m.group("cue") + (m.group("where") or "")).split())
    return Reported(start, start + len(clause.rstrip(" ,")), speaker, span, cue)

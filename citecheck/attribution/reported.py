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
    <S>, according to X / per X / X said, <rest>.   (the whole sentence is the statement)
    X accused Y of Z / described Y as Z / called Y a Z / claimed responsibility for Z /
    ruled out Z / admitted to Z / denied doing Z.    (the verb's object is the statement)

The words and patterns live in `report_words`. Without "that" the clause must open on a subject
and its verb ("confirmed he had tested positive"), so "X announced a plan" stays an act, not a
statement.

A quoted fragment may stand inside the clause ("X said the plan was “a disaster” for farmers":
the fragment is a partial quote, the clause reported speech); a sentence whose clause is all
quotation is a direct quote, not reported speech. Precision first: the clause must hold a verb
and five words or more, and a source that resolves to no one gives nothing.
"""

from __future__ import annotations

import re

from .complements import complement
from .cues import CUE
from .frames import sentences
from .headline_reports import headline_report
from .name_index import NameIndex
from .names import Name
from .phrase_words import PARTICIPIAL_LEAD, PREPOSITION_LEAD, WHEN_FIRST
from .phrases import nearest_subject, resolve_phrase
from .report_words import (
    ACCORDING_BACK,
    ACCORDING_FRONT,
    ACCORDING_MID,
    ADVERBIAL_THAT,
    ANY_VERB,
    BACK,
    COLON,
    CUE_AFTER_COMMA,
    DIRECTIVE,
    DIRECTIVE_CUES,
    FINDINGS,
    FIRST_VERB,
    FRONT_CUE,
    FRONT_HEAD,
    FRONT_TRIES,
    INSET,
    IRREGULAR_PAST,
    MAIN_RESUMES,
    MAX_SENTENCE,
    MIN_WORDS,
    NAMED_CLAUSE,
    NEEDS_THAT,
    NOT_A_SOURCE,
    NOT_NOUN,
    NOUN_CUE,
    ONLY_DIRECTIVE,
    PARTICIPLE,
    PARTICIPLE_CUES,
    PREPOSITION,
    PRONOUN_CLAUSE,
    QUOTE_MARK,
    QUOTE_THEN_NAME,
    RELATIVE_OPEN,
    SETTING_LEAD,
    SUBJECT_VERB,
    TITLE,
    TRAILING_CREDIT,
    WHEN_LEAD,
    Reported,
    clause_ok,
    noun_cue,
    second_cue,
    source_name,
)


def find_reported(
    masked: str, starts: list[int], names: list[Name], index: NameIndex
) -> list[Reported]:
    """Sentences of reported speech: the clause, who it is attributed to, and the cue."""
    out = []
    for s, sentence in sentences(masked, starts):
        if len(sentence) > MAX_SENTENCE or "\n\n" in sentence.strip() or not ANY_VERB.search(
            sentence
        ):
            continue
        label = _LABEL.match(sentence)  # "Correction: An earlier version of this story said"
        if label:
            s, sentence = s + label.end(), sentence[label.end() :]
        found = (
            _according(sentence, s, names, index, masked)
            or _participle(sentence, s, names, index, masked)
            or _inverted(sentence, s, names, index, masked)
            or _front(sentence, s, names, index, masked)
            or _back(sentence, s, names, index, masked)
            or _colon(sentence, s, names, index, masked)
            or _inset(sentence, s, names, index, masked)
            or complement(sentence, s, names, index, masked)
        )
        if found is not None:
            first = _first_of_two(sentence, s, found, names, index, masked)
            found, second = second_cue(masked, found)
            out.extend(r for r in (first, found, second) if r is not None)
    headline = headline_report(masked, names, index)
    if headline is not None and not any(r.clause_start < headline.clause_end for r in out):
        out.insert(0, headline)  # "Man Arrested For Killing Brother: Police"
    return out


def _first_of_two(sentence, s, found, names, index, masked) -> Reported | None:
    """ "X insisted there would be no delay, adding that funds were ready": the statement
    before a participle's own is a report too."""
    if found.cue not in PARTICIPLE_CUES:
        return None
    head = sentence[: max(0, found.clause_start - s)]
    cut = head.rfind(", " + found.cue)
    if cut <= 0:
        return None
    first = _front(head[:cut] + ".", s, names, index, masked)
    return first if first is not None and first.clause_end <= s + cut else None


# a page's label before a sentence: "Correction:", "Editor’s note:", "Update:"
_LABEL = re.compile(
    r"\s*(?i:correction|clarification|update|updated|editor[’']s\s+note|note)\s*:\s+(?=[A-Z])"
)


# a relative clause closed right before the cue: "X, who objected to the cost, (said ...)"
_RELATIVE_CLOSED = re.compile(r"^[^,]{2,80},\s+(?:who|which)\s[^,]{2,120},$")


def _front(sentence, s, names, index, masked) -> Reported | None:
    """X said (that) <clause>: the first cue whose clause reads as a statement."""
    sentence = sentence.rstrip()
    tries = 0
    for m in FRONT_CUE.finditer(sentence):
        head = sentence[: m.start()]
        if not head or head.rsplit(None, 1)[-1] in NOT_NOUN:
            continue
        if m.group("cue") in ("reports", "claims") and re.search(r"[a-z]{3,}ed$", head):
            continue  # "The judge described claims that ...": the claims are her object
        noun = NOUN_CUE.search(head) if m.group("cue") in ("reports", "claims") else None
        if noun is not None:  # "following reports that ...": the reports say it
            found = noun_cue(sentence, s, m, noun)
            if found is not None:
                return found
            continue
        end = head[-24:]  # the patterns below look at the words right before the cue
        if _NOT_SAID.search(end):
            continue  # "X declined to say whether ...", "did not say when": nothing said
        if m.group("cue") in ("said", "reported", "claimed") and _IMPERSONAL.search(end):
            continue  # "It is said that the castle is haunted": no one said it
        tries += 1
        plain = FRONT_HEAD.fullmatch(head)
        # '“…?” Thrale said his party would ...': his quote, then his report, when a clause
        # follows at once ('said of the pressers', 'told analysts on a call' are no report)
        quoted = not plain and _QUOTED_LEAD.fullmatch(head)
        if quoted and (m.group(0).rstrip().endswith(",") or not (
            m.group("that") or SUBJECT_VERB.match(sentence, m.end())
        )):
            continue
        plain = plain or quoted
        # 'called it “…” and warned that ...': a quotation before a second, coordinated cue
        coordinated = (
            not plain
            and (m.group("that") or m.group("cue") in ("said", "says"))
            and len(head) <= 240
            and _AND_END.search(end)
        )
        # '... the “forever chemicals”, though the agency said ...': a clause of its own
        own_clause = not plain and len(head) <= 400 and _OWN_CLAUSE.search(head[-96:])
        if tries > FRONT_TRIES or not (plain or coordinated or own_clause):
            break
        if tries > 1 and re.search(r"(?:,|\sor)$", head) and not _RELATIVE_CLOSED.search(head):
            continue  # a later cue must open a clause of its own: "…, but X said"
        clause = re.sub(r"\s*[.!?]?\s*$", "", sentence[m.end() :])
        if not clause or (
            QUOTE_MARK.search(re.sub(TITLE, "", head))
            and not (coordinated or own_clause or quoted)
        ):
            continue  # a quotation before the cue, not before a coordinated one
        found = _front_at(head, m, clause, s, names, index, masked)
        if found is not None:
            return found
    return None


def _front_at(head, m, clause, s, names, index, masked) -> Reported | None:
    """One cue of `_front`: `m` its match, `head` the words before it, `clause` those after."""
    cue = " ".join(m.group("cue").split())
    clause_at = m.end()
    adverbial = (
        ADVERBIAL_THAT.match(clause) or WHEN_LEAD.match(clause) or SETTING_LEAD.match(clause)
    )
    if adverbial:  # "said in a statement on Wednesday that ...", "said this month that ..."
        clause_at += adverbial.end()
        clause = clause[adverbial.end() :]
        cue = f"{cue} {adverbial.group(1)}".strip()
    that = bool(m.group("that") or (adverbial and re.search(r"\bthat\s+$", adverbial.group(0))))
    verb = next(w for w in cue.lower().split() if w not in ("is", "are", "was", "were"))
    bare = verb in ("said", "says", "say", "told", "tells")
    directive = DIRECTIVE.match(clause) if verb in DIRECTIVE_CUES else None
    if directive and clause.startswith(("to be ", "not to be ")):
        # "The match promises to be a thriller": a prospect; "asked not to be named": no report
        directive = None
    if verb in ONLY_DIRECTIVE and not directive:
        return None
    if not that and not directive and not (
        bare and (clause[:1].islower() or _AMOUNT_LEAD.match(clause))
    ):  # "said the plan ...", "said $4.2 million had been set aside"
        shape = _ASIDE.sub("", clause)  # "his side, who sit ninth, would recover"
        if not (SUBJECT_VERB.match(shape) or (bare and NAMED_CLAUSE.match(shape))):
            return None  # "X reported a fire" is not reported speech
        if verb in NEEDS_THAT and not _STUDY_END.search(head) and (
            verb in FINDINGS or not nearest_subject(head, s, names, index, masked)[2]
        ):
            return None  # "Tests confirm the virus is ...": a finding, unless a person's or
            # a study's ("That report found children ...", "the office's costing found ...")
    if not that and not directive and PREPOSITION.match(clause):
        return None  # "said in a statement on Wednesday." holds no clause
    tail = TRAILING_CREDIT.search(clause)
    if tail:  # "..., The Example Gazette reported." credits the outlet, not the claim
        clause = clause[: tail.start()]
    if not (clause_ok(clause) or (directive and len(clause.split()) >= MIN_WORDS)):
        return None
    if RELATIVE_OPEN.search(head):  # "X, who on Saturday confirmed he had tested positive,
        # tweeted ...": the relative clause ends where the main clause's verb takes over
        resumed = MAIN_RESUMES.search(clause)
        clause = clause[: resumed.start()] if resumed else clause
    # "X did Y and vowed ...", "X took to Instagram to say ...": the sentence's subject
    speaker = None
    joined = re.search(r"\s(and|but|to)$", head.rstrip())
    if joined:
        speaker, span = _sentence_subject(head, s, names, index, masked)
    if speaker is None and not (joined and joined.group(1) != "to"):
        speaker, span, _person = nearest_subject(head, s, names, index, masked)
        speaker = source_name(speaker)
    if speaker is None:
        return None
    start = s + clause_at
    return Reported(start, start + len(clause.rstrip(" ,")), speaker, span, cue)


def _according(sentence, s, names, index, masked) -> Reported | None:
    """According to X, <clause>. / <clause>, according to X."""
    if "ccording to" not in sentence:
        return None
    for pattern in (ACCORDING_FRONT, ACCORDING_MID, ACCORDING_BACK):
        m = pattern.match(sentence.rstrip())
        if not m or QUOTE_MARK.search(m.group("source")):
            continue
        source, at = m.group("source"), m.start("source")
        named = _NAME_TAIL.fullmatch(sentence.rstrip(), m.end("source"))
        if pattern is ACCORDING_MID and named:
            # "..., according to its publisher, Gullrock Press.": the source is that name
            source, at = named.group(1), named.start(1)
        elif pattern is ACCORDING_MID and _NAME_TAIL.match(sentence, m.end("source")):
            continue
        clause = m.group("clause")
        if not clause_ok(clause):
            continue
        speaker, span = _resolved(source, s + at, names, index, masked)
        if speaker is None and _plain_source(source.strip()):
            # "According to evidence presented at trial, ...": the source as the text gives it
            speaker, span = source.strip(), (s + at, s + at + len(source.strip()))
        if speaker is None:
            continue
        start = s + m.start("clause")
        return Reported(start, start + len(clause.rstrip(" ,")), speaker, span, "according to")
    return None


def _inset(sentence, s, names, index, masked) -> Reported | None:
    """<subject>, according to X, <the rest>. / <subject>, X said, <the rest>."""
    m = INSET.match(sentence.rstrip())
    if not m or not clause_ok(f"{m.group('head')} {m.group('tail')}"):
        return None
    which = "" if m.group("source") else "2"
    source = m.group("source" + which)
    if not _plain_source(source):
        return None
    speaker, span = _resolved(source, s + m.start("source" + which), names, index, masked)
    if speaker is None:
        return None
    start, end = s + m.start("head"), s + m.end("tail")
    return Reported(start, end, speaker, span, " ".join(m.group("cue" + which).split()))


_SAID_WHERE = re.compile(
    r"\s+(?:in|on|via|during|at|through)\s+(?:a|an|the|his|her|their|its)\s.*$", re.DOTALL
)


def _inverted(sentence, s, names, index, masked) -> Reported | None:
    """<clause>, said X: read before `_front`, which would take X's words for the clause."""
    if not CUE_AFTER_COMMA.search(sentence):
        return None  # the cheap test: most sentences have no cue right after a comma
    m = BACK.match(sentence.rstrip())
    if m is None or not (m.group("source2") or m.group("source3")):
        return None
    return _back(sentence, s, names, index, masked)


def _back(sentence, s, names, index, masked) -> Reported | None:
    """<clause>, X said. / <clause>, said X."""
    m = BACK.match(sentence.rstrip())
    if not m:
        return None
    clause = m.group("clause")
    if QUOTE_THEN_NAME.match(clause) or not clause_ok(clause):
        return None  # "“…,’’ Will Moy, ..., told the BBC": a quotation's frame, its opening
        # mark taken for the sentence's lead
    mark = QUOTE_MARK.search(clause)
    quoted_end = m.group("closing") or QUOTE_MARK.search(clause[-3:])
    lead = clause[: mark.start()].rstrip() if mark else ""
    if quoted_end and (len(lead.split()) < 2 or lead.endswith((":", ","))):
        return None  # a quotation ending at the comma is a direct quote (also after "...: "
        # or "...,"); the writer's words before a quoted end make a mixed statement
        # ('Making it was "a jigsaw," X said'), which ends with its closing mark
    which = next(k for k in ("", "2", "3") if m.group("source" + k))
    source, at = m.group("source" + which), m.start("source" + which)
    cue = " ".join(m.group("cue" + which).split())
    if which:  # "said Ada Quill in an email to staff ...": where she said it is no source
        source = _SAID_WHERE.sub("", source)
        head = re.split(r"\s+(?:who|which|that)\s+", source, maxsplit=1)[0]
        if (
            _CLAUSE_AFTER_CUE.match(source.strip())
            or (head == head.lower() and _PAST_OR_AUX.search(head))
            or PRONOUN_CLAUSE.search(source)  # "told Tai Ping Radio he paid ...": a clause
        ):
            return None  # "X, 54, who ..., said he would stay": what follows is the clause
    if not _plain_source(source, 12 if which else 8):
        return None
    speaker, span = _resolved(source, s + at, names, index, masked)
    if speaker is None:
        return None
    start = s + m.start("clause")
    end = s + m.end("closing") if m.group("closing") else start + len(clause.rstrip(" ,"))
    return Reported(start, end, speaker, span, cue)


_AUX_TAIL = re.compile(
    r"(?:\s+(?:did|does|do|has|have|had|was|were|is|are|will|would|could|can|also|still|"
    r"never|not|n[’']t))+\s*$"
)


# someone's role, then the name of who holds it: "Mr Reed’s barrister, Fiona Kaltenbach,"
_ROLE_THEN_NAME = re.compile(  # "Mr Reed’s barrister, Fiona Kaltenbach,", "A spokesman for ..., X,"
    r"(?:(?:(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w-]*[’']s|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+[a-z][\w\s-]{2,40}?"
    r"|(?:[Aa]n?|[Tt]he)\s+[^,“”\"]{2,60}),"  # "the Minister of Education, Prof. X,"
    r"\s+(?:(?:Prof|Dr|Mr|Mrs|Ms|Hon)\.?\s+)?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3}),?\s*$"
)
_AMOUNT_LEAD = re.compile(  # a clause may open on an amount: "$4.2 million had been set aside"
    r"[$€£₹]\s?\d|\d[\d,.]*\s+(?:per\s?cent|percent|million|billion|people)\b"
)
_NAME_THEN_ROLE = re.compile(r"((?:The\s+)?[A-Z][^,]{1,60}),\s+(?:a|an|the)\s+[^,]{2,80},?\s*$")
_STUDY_END = re.compile(
    r"\b(?:report|study|review|costing|survey|analysis|audit|inquiry|investigation|poll|paper|"
    r"research)\s*$"
)
_ASIDE = re.compile(r",\s+(?:who|which)\s[^,“”\"]{1,60},", re.IGNORECASE)
_CONJUNCTION = re.compile(r"^(?:But|And|Yet)\s+")
_QUOTED_LEAD = re.compile(r"[“\"‘']_+[,!?]?[”\"’']\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}")
_QUOTE_FIRST = re.compile(r"^[“\"‘']_+[,!?]?[”\"’']\s+")
_PLACE_LEAD = re.compile(r"(?:Outside|Inside|Elsewhere|Separately|Afterwards|Later)\b")
_OPENER = re.compile(r"[^,]{3,120},\s+")


def _sentence_subject(head, at, names, index, masked):
    """The subject of the sentence's first verb: "X launched a bid, claiming", "X did Y and
    vowed" -> X."""
    lead = head.lstrip()
    # "Asked about ...,", "Outside the court,", "In the same interview,": an opener, not X
    led = PARTICIPIAL_LEAD.match(lead) or _PLACE_LEAD.match(lead) or PREPOSITION_LEAD.match(lead)
    opener = _OPENER.match(lead) if led else None
    if opener:  # "Asked about the bid, Quill declined to comment, saying": Quill
        lead = lead[opener.end() :]
    lead = WHEN_FIRST.sub("", lead)  # "Hours later the club (backed ...)": the club
    lead = _CONJUNCTION.sub("", lead)  # "But the convener, X, defended ..., insisting": X
    lead = _QUOTE_FIRST.sub("", lead)  # "“…,” Durrani said, adding that": Durrani
    verb = FIRST_VERB.search(" " + lead)
    end = verb.start() if verb is not None else None
    cue = CUE.search(lead)  # "The paper describes meadows as ... and warns": "describes"
    if cue is not None and cue.start() > 0 and (end is None or cue.start() < end):
        end = cue.start()
    if not end:
        return None, None
    subject = _AUX_TAIL.sub("", lead[:end])  # "It did not (reveal ...)": "It"
    relative = re.match(r"([^,]+),\s+(?:who|which)\s", subject) or _NAME_THEN_ROLE.match(subject)
    if relative:  # "Councilor Gareth Minns, who (voted against ...)": the name before it
        subject = relative.group(1)  # "The Coalition, a group of 31 organisations, (said)"
    named = _ROLE_THEN_NAME.match(subject)
    if named:  # "Mr Reed’s barrister, Fiona Kaltenbach, (objected ...)": the barrister
        lead = lead[named.start(1) :]
        subject = named.group(1)
    aside = re.match(r"([^,]{2,80}),\s+[a-z]+ing\b", subject)  # "X, speaking at a rally,"
    subject = aside.group(1) if aside else subject
    if "," in subject or len(subject.split()) > 8 or QUOTE_MARK.search(subject):
        return None, None
    at += len(head) - len(lead)
    if re.search(r"[’']s\s+[a-z]", subject):  # "Ada Quill's lawyer filed ...": the lawyer
        subject = subject.strip()
        return source_name(subject), (at, at + len(subject))
    return _resolved(subject, at, names, index, masked)


def _resolved(phrase, at, names, index, masked) -> tuple[str | None, tuple[int, int] | None]:
    """The source a phrase names, as reported speech takes it (`source_name`), and its span."""
    speaker, span, _person = resolve_phrase(phrase, at, names, index, masked)
    return source_name(speaker), span


def _plain_source(source: str, most: int = 8) -> bool:
    """A source set after its clause is a short phrase, not a clause of its own (after "said",
    a longer description may lead to the name: "said the company's new chair Ada Quill")."""
    return (
        len(source.split()) <= most
        and not NOT_A_SOURCE.search(source)
        and not _ENDS_ON_DETERMINER.search(source)  # "rejected the claims": a noun, no cue
    )


# "said he would stay", "said the town was safe": a clause after the cue, not who said it
# ("said the company's recently named chair Ada Quill" is a source: a participle, no auxiliary)
_CLAUSE_AFTER_CUE = re.compile(
    r"(?:he|she|they|we|i|it|there)\s+\w|(?:\S+\s+){1,4}?(?:is|are|was|were|has|have|had|will|"
    r"would|could|can|should|may|might|must|did|does)\b"
)
_NAME_TAIL = re.compile(r"\s*,\s+((?:the\s+)?[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,4})[.!?]?")
_OWN_CLAUSE = re.compile(
    r",\s+(?:(?:though|although|but|while|whereas|as)\s+[^“”\"«»‘’_,;:]{2,80}"
    r"|(?:and|yet|so)\s+[A-Z][^“”\"«»‘’_,;:]{1,60})$"  # ", and Mnuchin told Fox News ..."
)
_AND_END = re.compile(r"[”’\"]\s+(?:and|but)\s*$")
_IMPERSONAL = re.compile(r"\b(?:is|are)\s*$")
_NOT_SAID = re.compile(
    r"\b(?:declined|refused|failed|wouldn[’']t|would\s+not|did\s+not|didn[’']t|does\s+not|"
    r"doesn[’']t|could\s+not|couldn[’']t|won[’']t|will\s+not|cannot|can[’']t|never|not)"
    r"(?:\s+to)?\s*$"  # "Which is not to say ..."
)
# "said the noise started at midnight": a verb in the past, no name: a clause, no source
_PAST_OR_AUX = re.compile(
    r"\b(?:[a-z]{2,}ed|" + "|".join(IRREGULAR_PAST.split()) + r"|is|are|was|were|has|have|had|"
    r"will|would|could|can|should|may|might|must)\b"
)
_ENDS_ON_DETERMINER = re.compile(r"\b(?:the|a|an|his|her|its|their|our|my|your|these|those)\s*$")


def _participle(sentence, s, names, index, masked) -> Reported | None:
    """X did something, claiming (that) <clause>. / X responded by saying <clause>."""
    m = PARTICIPLE.match(sentence.rstrip())
    if not m:
        return None
    head, clause = m.group("head"), m.group("clause")
    if not m.group("that") and m.group("cue") in ("confirming", "suggesting"):
        return None  # "Prices rose, confirming the fears were justified": an inference
    if not m.group("that") and not SUBJECT_VERB.match(clause) and not NAMED_CLAUSE.match(clause):
        return None
    if not clause_ok(clause):
        return None
    speaker, span = _sentence_subject(head, s + m.start("head"), names, index, masked)
    if speaker is None:
        return None
    start = s + m.start("clause")
    return Reported(start, start + len(clause.rstrip(" ,")), speaker, span, m.group("cue"))


def _colon(sentence, s, names, index, masked) -> Reported | None:
    """X said in a statement: <sentence>. The sentence after the colon is the writer's own."""
    m = COLON.match(sentence.rstrip())
    if not m or not m.group("clause")[:1].isupper() or not clause_ok(m.group("clause")):
        return None
    speaker, span, _person = nearest_subject(m.group("head"), s, names, index, masked)
    speaker = source_name(speaker)
    if speaker is None:
        return None
    clause = m.group("clause")
    start = s + m.start("clause")
    cue = " ".join((m.group("cue") + (m.group("where") or "")).split())
    return Reported(start, start + len(clause.rstrip(" ,")), speaker, span, cue)

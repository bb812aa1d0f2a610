"""Who speaks on after the sentence-level rules: a quotation over several paragraphs named
only at its end, an interview's turns between the one who asks and the one who answers, and a
pull quote or headline that repeats words quoted below it, and the one a headline names after
its quote and a colon."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Attribution, Kind
from .frames import paragraph_gap
from .genders import surname_key
from .kinds import names_a_term, title_case
from .names import strip_titles
from .phrase_words import TEASER_LABEL
from .references import is_person_role


def same_name(a: str, b: str) -> bool:
    return bool(a and b) and surname_key(a) == surname_key(b)


def _asks(a: Attribution) -> bool:
    return a.quote.rstrip(" ”’\"'").endswith("?")


def named_at_the_end(out: list[Attribution], quotes, text: str) -> list[Attribution]:
    """A quotation over several paragraphs (each opens with a mark, only the last closes)
    whose speaker is named at its end is that speaker's throughout."""
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if a.speaker is not None or a.kind == Kind.SCARE or not quotes[i].continues:
            continue
        if b.speaker is not None and paragraph_gap(text, quotes[i].end, quotes[i + 1].start) == 1:
            out[i] = replace(a, speaker=b.speaker, speaker_span=b.speaker_span)
    return out


def interview_turns(
    out: list[Attribution], quotes, text: str, addressed=lambda _quote: None
) -> list[Attribution]:
    """An interview's turns: once a question by one speaker is answered by another, or an
    answer questioned (each named with a cue), the unnamed paragraphs that follow alternate
    between them: a question to the one who asks, the paragraph after a question to the one
    who answers, the paragraph after an answer to the one who asks. A named question that
    calls on someone ('“Did you sign them, Mr. Mangubat?” asked Sen. Villaraza') opens the
    exchange with them: `addressed(quote)` gives the full name of the one it calls on."""
    asker = answerer = None
    for i, a in enumerate(out):
        if a.kind != Kind.DIRECT:
            continue
        question = _asks(a)
        called = addressed(a.quote) if question and a.cue is not None and a.speaker else None
        if called and not same_name(called, a.speaker):
            asker, answerer = a, replace(a, speaker=called, speaker_span=None)
            continue
        if a.cue is not None and a.speaker:  # named: sets or ends the exchange
            prev = out[i - 1] if i > 0 else None
            if (
                prev is not None
                and prev.cue is not None
                and prev.speaker
                and _asks(prev) != question
                and not same_name(prev.speaker, a.speaker)
            ):  # a question answered, or an answer questioned: 'Quill said. “…?” Reed asked.'
                asker, answerer = (prev, a) if _asks(prev) else (a, prev)
            elif asker is not None and not (
                same_name(a.speaker, asker.speaker) or same_name(a.speaker, answerer.speaker)
            ):
                asker = answerer = None  # someone else speaks: the exchange is over
            continue
        if asker is None or not _alone(text, quotes[i]):
            continue
        j = i - 1
        while j > 0 and quotes[j].nested:
            j -= 1  # 'What did the review say? “It says ‘…’. Did you read it?”': the outer quote
        before = out[j]
        if question:
            who = asker
        elif before.kind == Kind.DIRECT and _asks(before):
            who = answerer if same_name(before.speaker or "", asker.speaker) else None
        elif paragraph_gap(text, quotes[j].end, quotes[i].start) == 1:
            # a reply to a reply: '“…?” Voss asked. “…,” Ames replied. / “So they were right.”'
            who = asker if same_name(before.speaker or "", answerer.speaker) else None
        else:
            who = None  # the writer's own paragraph between: the exchange may have moved on
        if who is not None:
            out[i] = replace(a, speaker=who.speaker, speaker_span=who.speaker_span)
    return out


def _alone(text: str, q) -> bool:
    """The quote is its paragraph, marks and all."""
    start = text.rfind("\n\n", 0, q.start)
    end = text.find("\n\n", q.end)
    head = text[start + 2 if start >= 0 else 0 : q.start]
    tail = text[q.end : end if end >= 0 else len(text)]
    return not head.strip(" “‘\"'") and not tail.strip(" ”’\"'.,?!")


def words_quoted_before(out: list[Attribution], headline_end: int = 0) -> list[Attribution]:
    """A short quote whose words stand in a longer quote the article gives someone ('Quill
    said the plan was “unworkable and unfair” ... the “unworkable” plan') is that person's
    partial quote, not the writer's scare quote; so is a headline's quote that the article
    gives someone word for word ('Rebels threaten revolt over ‘concrete carve-up’')."""
    said = [a for a in out if a.kind in (Kind.DIRECT, Kind.PARTIAL) and a.speaker]
    for i, a in enumerate(out):
        if a.kind != Kind.SCARE or not a.quote[:1].islower():
            continue  # a capitalised one is a title or a slogan ('Hey Siri')
        headline = a.text_span[1] <= headline_end
        if len(a.quote.split()) < 2 and not headline:
            continue  # one word, a term
        words = re.escape(a.quote.strip(" ,.;:!?").casefold())
        longer = [b for b in said if len(b.quote) > len(a.quote)]
        same = [b for b in said if len(b.quote) == len(a.quote) and b is not a] if headline else []
        for b in longer + same:  # a longer quote holding the words first
            if re.search(rf"\b{words}\b", b.quote.casefold()):
                out[i] = replace(a, kind=Kind.PARTIAL, speaker=b.speaker,
                                 speaker_span=b.speaker_span)  # fmt: skip
                break
    return out


_HEADING = re.compile(r"(?:\d{1,2}[.)]\s*)?[“\"‘'«]([^\n]+)[”\"’'»][.!?:]?")


_HEADLINE_QUOTE = re.compile(r"[”\"’']\s*[:–—-]\s")
PULL_QUOTE_WINDOW = 3000  # characters after a pull quote searched for the quote it repeats


PULL_QUOTE_MAX_WORDS = 12


PULL_QUOTE_MAX_LOOKAHEAD = 30  # quotes after a pull quote searched for the one it repeats


_TOKEN = re.compile(r"[\w’'-]+")


def _words_of(s: str) -> str:
    return " ".join(w.strip("’'-") for w in _TOKEN.findall(s.casefold()))


def pull_quotes(text: str, out: list[Attribution]) -> list[Attribution]:
    """A quote standing alone as a paragraph ("3. “Not a second channel”") is a subheading that
    repeats words quoted below it: it takes the speaker of the quote it repeats."""
    for i, a in enumerate(out):
        s, e = a.text_span
        if text.rfind("\n\n", max(0, s - 8), s) < 0 and s > 6:
            continue  # not at the start of a paragraph: no heading
        para_start = text.rfind("\n\n", 0, s) + 1
        para_end = text.find("\n\n", e)
        para = text[para_start : para_end if para_end >= 0 else len(text)].strip()
        headline = s <= 6 and _HEADLINE_QUOTE.match(text, e)  # '‘IT’S A FUNFAIR’: Fury as ...'
        if len(a.quote.split()) > PULL_QUOTE_MAX_WORDS or not (
            headline or (_HEADING.fullmatch(para) and len(para) <= len(a.quote) + 8)
        ):
            continue  # no heading; or '“…,” X said, “…”': more than one quote in the paragraph
        words = _words_of(a.quote)
        if not words:
            continue
        for j in range(i + 1, min(len(out), i + 1 + PULL_QUOTE_MAX_LOOKAHEAD)):
            b = out[j]
            if b.text_span[0] - e > PULL_QUOTE_WINDOW:
                break
            b_words = _words_of(b.quote)
            if f" {b_words} ".find(f" {words} ") < 0:
                continue
            if b.kind == Kind.SCARE or b.speaker is None:
                out[i] = replace(a, kind=Kind.SCARE, speaker=None, speaker_span=None, cue=None)
                break
            # where the heading's words stand in the quote: its start, or a sentence's start
            lead = re.match(r"\W*", b.quote).end()
            at = b.quote.casefold().find(a.quote.casefold().strip(" .,!?"), lead)
            first = at == lead or bool(at > 0 and re.search(r"[.!?]\s+$", b.quote[:at]))
            if len(words) == len(b_words):
                kind = b.kind  # the heading repeats the whole quote
            else:
                kind = Kind.DIRECT if first else Kind.PARTIAL
            out[i] = replace(
                a,
                kind=kind,
                speaker=b.speaker,
                speaker_span=b.speaker_span,
                cue=None,
                outlet=b.outlet,
                language=b.language,
                date_hint=b.date_hint,
            )
            break
    return out


def headline_quotes(
    text: str,
    out: list[Attribution],
    statements: list[Attribution],
    headline_end: int,
    lines_end: int | None = None,
) -> list[Attribution]:
    """A headline's quote repeats words the story gives someone, in a quote or a reported
    statement ('Founder says firm ‘grew too fast’' / '“We grew too fast,” Malhotra said'): it is
    that person's, whoever the headline's own words stand near. A capitalised scare quote (a
    title), a term ('A “phase one” deal') and words no one is given below stay as they are.
    The lines after the headline up to `lines_end` (a standfirst, a byline) give only their
    scare quotes so: a quote they attribute themselves keeps its speaker."""
    first_line_end = headline_end
    headline_end = max(headline_end, lines_end or 0)
    if not out or out[0].text_span[1] > headline_end:
        return out  # no quote in the headline: most articles
    quoted = [
        b for b in out
        if b.text_span[0] > headline_end and b.speaker and b.kind in (Kind.DIRECT, Kind.PARTIAL)
    ]
    reported = [b for b in statements if b.text_span[0] > headline_end and b.speaker]
    said = [(f" {_words_of(b.quote)} ", b) for b in quoted + reported]  # worked out once
    for i, a in enumerate(out):
        if a.text_span[1] > headline_end:
            break
        if a.kind == Kind.SCARE and (
            not a.quote[:1].islower() or names_a_term(text[: a.text_span[0] - 1])
        ):
            continue
        if a.kind != Kind.SCARE and a.text_span[0] > first_line_end:
            continue  # 'Hopwise says it has “no evidence”': the standfirst's own speaker
        words = _words_of(a.quote)
        if not words:
            continue
        for b_words, b in said:
            if b_words.find(f" {words} ") < 0:
                continue
            kind = a.kind if a.kind != Kind.SCARE else Kind.PARTIAL
            out[i] = replace(
                a,
                kind=kind,
                speaker=b.speaker,
                speaker_span=b.speaker_span,
                outlet=a.outlet or b.outlet,
                language=a.language or b.language,
            )
            break
    return out


# "‘We were ignored’: East side residents describe ...": who the headline gives the words
_COLON_SUBJECT = re.compile(
    r"[”’\"']\s*:\s+(?P<who>[A-Z][\w’'&-]*(?:\s+[\w’'&-]+){0,4}?)\s+(?:on|(?:tell|say|describe|"
    r"react|target|return|slam|warn|demand|urge|call|vow|blast|accuse|speak|recall|share|"
    r"reveal|insist|claim|question|criticise|criticize|welcome|hail|mourn|plead|fear|rage|fume|"
    r"brand|open|break|quit|protest|appeal|back|defend|respond|hit|lash|voice|pay|beg|weigh)"
    r"s?|denies|deny|rally|rallies|cry|cries)\b"
)


# '‘…’: Villagers fill in potholes themselves': people named by a noun, then the verb
_COLON_PEOPLE = re.compile(
    r"[”’\"']\s*:\s+(?P<who>[A-Z][\w’'&-]*(?:\s+[\w’'&-]+){0,3}?)\s+(?=[a-z])"
)


def _people_after_colon(text: str, end: int) -> re.Match | None:
    m = _COLON_PEOPLE.match(text, end)
    if m is None:
        return None
    head = m.group("who").split()[-1].lower()
    noun = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    return m if is_person_role(noun) or is_person_role(head) else None


def _line_before(text: str, start: int) -> str:
    """What stands on a quote's line before its opening mark ("READ MORE: ", or nothing)."""
    return text[text.rfind("\n", 0, start) + 1 : start - 1]


def colon_headlines(text: str, out: list[Attribution], headline_end: int) -> list[Attribution]:
    """A quote that opens a headline or a teaser line and stands before a colon is the words of
    the subject after the colon ('‘We need a miracle’: Saltmarsh fans react to ...'), when no
    rule found a speaker; the story below, when it repeats the words, has already named one."""
    for i, a in enumerate(out):
        start, end = a.text_span
        lead = _line_before(text, start)
        teaser = TEASER_LABEL.fullmatch(lead)  # another story's: no follow-on of the one around it
        if a.speaker is not None and not teaser:
            continue
        if (lead.strip() or start > headline_end + 1) and not teaser:
            continue
        m = _COLON_SUBJECT.match(text, end) or _people_after_colon(text, end)
        if m is None or (title_case(a.quote) and not a.quote.isupper()):
            continue  # "‘The Crown’: Netflix boss defends ...": a title the headline names
        words = a.quote.split()
        kind = Kind.DIRECT if len(words) >= 3 or a.quote[-1:] in ".!?" else Kind.PARTIAL
        out[i] = replace(a, kind=kind, speaker=m.group("who"), speaker_span=None)
    return out


# a credit line under a quote: "‘…’\n– Dr Priya Nandakumar, MPU", "“…” — Ann Lee, nurse"
_CREDIT_LINE = re.compile(
    r"[”\"’'»][ \t]*\n?[ \t]*[–—-]{1,2}[ \t]*(?P<who>(?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'-]+)"
    r"[ \t]*(?:,[^\n“”\"]{0,80})?[ \t]*(?:\n|$)"
)


def credited_quotes(text: str, out: list[Attribution], expand) -> list[Attribution]:
    """A quote whose credit line follows it (a pull quote, an epigraph, a caption's words) is
    the credited person's: the line names who said it, whatever the rules read around it.
    `expand(name)` gives the fullest form the article gives the name."""
    for i, a in enumerate(out):
        m = _CREDIT_LINE.match(text, a.text_span[1])
        if m is None or a.kind == Kind.SCARE and title_case(a.quote) and len(a.quote.split()) < 4:
            continue
        if _line_before(text, a.text_span[0]).strip():
            continue  # the quote does not open its line: 'X says "…" - Example News', a title
        who = " ".join(strip_titles(m.group("who").split()))
        kind = Kind.DIRECT if a.kind == Kind.SCARE else a.kind
        out[i] = replace(a, kind=kind, speaker=expand(who), speaker_span=None, cue=None)
    return out


def standfirst_end(text: str, headline_end: int) -> int:
    """Where the headline's lines end: a web page's standfirst and byline follow its headline
    as lines of their own, no sentence's full stop at their end ('The app blamed a
    “misconfigured” bucket', 'By Ada Quill | May 2')."""
    end = headline_end
    for _ in range(3):
        nxt = text.find("\n\n", end + 2)
        line = text[end + 2 : nxt if nxt >= 0 else len(text)].strip()
        if not line or len(line) > 300 or line.endswith((".", "!", "?", "…", ".”", ".’", '."')):
            break
        end = nxt if nxt >= 0 else len(text)
    return end

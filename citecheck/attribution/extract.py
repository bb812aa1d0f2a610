"""Every quoted span of a draft as an Attribution: kind, speaker, cue, outlet and date hints.

Pure: rules over the analysis text, no network, no model weights. Quotes that follow on from a
speaker's earlier quote, quotes inside quotes, pull-quote subheadings and reported speech are
resolved here from what the other modules find in each quote's sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from ..model import Attribution, Document, Kind
from ..outlets import Registry, default_registry
from .beats import beat_subject
from .cues import CUE, DATE_WORDS, OUTLET_KIND_WORDS, find_cue_before
from .frames import (
    FRAME_MAX_CHARS,
    GROUP_MARK,
    Frame,
    frame_of,
    groups_back,
    mask_quotes,
    paragraph_gap,
    sentence_starts,
    sentences,
)
from .kinds import SCARE_MAX_WORDS, kind_of, names_a_term, title_case
from .ledes import named_after_lede
from .name_index import NameIndex
from .names import find_names
from .nested import nested_speech
from .outlet_finder import OutletFinder
from .outlets import (
    interviews,
    outlet_named_before,
    outlet_of,
    page_of_outlet,
    quoted_medium,
    spelled_outlet,
    spoke_elsewhere,
)
from .phrases import resolve_phrase
from .posts import post_outlets
from .quotes import QuoteSpan, find_quotes
from .ranker import FEATURES, choices, choose, mention_counts
from .ranker import model as speaker_model
from .references import names_between
from .report_words import FIRST_VERB
from .reported import find_reported
from .speakers import Speech, speech_for
from .turns import (
    colon_headlines,
    credited_quotes,
    headline_quotes,
    interview_turns,
    named_at_the_end,
    pull_quotes,
    same_name,
    standfirst_end,
    words_quoted_before,
)


def extract(
    doc: Document,
    registry: Registry | None = None,
    *,
    outlets: bool = True,
    reported: bool = True,
    ranker: bool = True,
    trace: list | None = None,
) -> list[Attribution]:
    """Every quoted span of the draft as an Attribution, in order of appearance.

    `registry` defaults to the packaged outlet registry; `outlets=False` skips outlet lookup
    (a source page's own attributions only need speakers); `reported=False` lists quotations
    only, leaving out reported speech (kind "indirect"). `ranker=False` keeps the rules'
    speaker instead of the trained ranker's; `trace`, a list, receives (quote span in the
    text, candidates, rules' speaker) for each quote the ranker sees (bench/train_speaker.py
    learns from them)."""
    text = doc.text
    quotes = find_quotes(text)
    masked = mask_quotes(text, quotes)
    names = find_names(masked)
    index = NameIndex(names, masked)
    starts = sentence_starts(masked)
    reg = (registry or default_registry()) if outlets else None
    found = OutletFinder(reg) if reg is not None else None
    out: list[Attribution] = []
    prev: tuple[QuoteSpan, Speech] | None = None
    outer: tuple[QuoteSpan, Speech] | None = None
    titles = [(q.start, q.end) for q in quotes]
    said = find_reported(masked, starts, names, index)  # reported speech: who spoke where
    said_ends = [r.clause_end for r in said]
    weights = speaker_model() if ranker else None
    counts = mention_counts(names) if (weights or trace is not None) else {}
    memo: dict = {}  # the ranker's features of each mention, worked out once
    rules = None  # the rules' speech where the ranker chose another speaker
    for n, q in enumerate(quotes, 1):
        nwords = len(text[q.start : q.end].split())
        if q.nested and outer is not None and outer[0].start <= q.start < outer[0].end:
            # A quote inside a quote: its sentence is the outer quote's, its speaker named there
            frame, sp = nested_speech(text, quotes, q, outer, index, (masked, names))
            kind = kind_of(text, masked, q, frame, sp, nwords)
            outlet, language = outlet_of(found, frame, sp) if kind != Kind.SCARE else (None, None)
            out.append(_attribution(doc, n, q, kind, sp, outlet, language))
            continue
        frame = frame_of(masked, starts, q)
        sp = speech_for(frame, names, index, masked)
        page = page_of_outlet(sp.speaker, found) if sp.speaker else None
        if page is not None:  # "The article on example-daily.com says: “…”"
            sp = replace(sp, speaker=None, speaker_span=None, outlet_text=page)
        if sp.speaker is None and not frame.after.strip(" .,”’\"'"):
            sp, page = _described_after(masked, frame, names, index, found, sp, page)
        lone = _LONE_PRONOUN.match(frame.after) if sp.speaker is None else None
        if lone:  # “…,” she said — with no woman named before: nobody, never the man before
            sp = replace(sp, cue=lone.group(2))
        kind = kind_of(text, masked, q, frame, sp, nwords)
        inside = _inside_statement(said, q, text) if kind == Kind.SCARE else None
        if inside is not None:  # a fragment of a reported statement is its speaker's words
            kind = Kind.PARTIAL
            sp = replace(
                sp, speaker=inside.speaker, speaker_span=inside.speaker_span, cue=inside.cue
            )
        runs_on = (
            prev is not None
            and prev[0].continues
            and paragraph_gap(text, prev[0].end, q.start) == 1
        )
        if runs_on and kind == Kind.SCARE:
            kind = Kind.DIRECT  # the next part of a quotation that runs across paragraphs
        if sp.speaker is None and kind != Kind.SCARE and not lone:
            # Reported speech in the sentence before: "The cell, Herbert said, is ... “Once ...”"
            sp = _previous_sentence_speech(text, masked, starts, frame, names, index, sp)
        if sp.speaker is None and kind != Kind.SCARE and not lone:
            last = _last_speech(prev, said, said_ends, q.start)
            beat = beat_subject(masked, names, index, q.start - 1, last[0] if last else 0)
            if beat is not None:  # 'Reed shook his head. “No.”': the one the beat shows
                sp = Speech(beat[0], beat[1], date_hint=sp.date_hint, person=True)
            elif last is not None and _follows_on(text, masked, names, index, last, q, kind):
                # A follow-on quote: the speaker of the quote or reported statement before
                sp = Speech(
                    last[1].speaker,
                    last[1].speaker_span,
                    outlet_text=last[1].outlet_text,
                    date_hint=sp.date_hint,
                    person=last[1].person,
                )
        if kind != Kind.SCARE and page is None and not lone and (weights or trace is not None):
            last = _last_speech(prev, said, said_ends, q.start)
            options = choices(
                masked, starts, names, index, (q.start, q.end), (sp.speaker, sp.speaker_span),
                last[1].speaker if last else None, kind == Kind.PARTIAL, counts, memo,
            )  # fmt: skip
            if trace is not None:
                trace.append(((q.start, q.end), options, sp.speaker))
            if weights:
                best = choose(options, weights)
                if not best.features[RULE] and best.speaker != sp.speaker:
                    rules, sp = sp, replace(sp, speaker=best.speaker, speaker_span=best.span)
        outlet, language = outlet_of(found, frame, sp)
        if rules is not None and rules.speaker and outlet and same_name(outlet, sp.speaker):
            sp = rules  # the ranker picked the outlet the words went to: the rules' speaker
        rules = None
        if outlet is None and kind != Kind.SCARE:
            around = f"{sp.cue or ''} {frame.before} {frame.after}"
            outlet, language = outlet_named_before(masked, frame.before_start, around, found)
        if outlet is None and kind != Kind.SCARE and found is not None:
            outlet = quoted_medium(
                text, titles, frame.before_start, frame.after_start + len(frame.after)
            )
        out.append(_attribution(doc, n, q, kind, sp, outlet, language))
        if not q.nested:
            outer = (q, sp)
        if (kind != Kind.SCARE or q.continues) and not q.nested:
            prev = (q, sp)
    out = named_at_the_end(out, quotes, text)
    out = interview_turns(out, quotes, text, _vocative(index))
    out = _same_sentence(out, starts)
    headline_end = max(text.find("\n\n"), 0)
    lines_end = standfirst_end(text, headline_end)  # the headline's lines: standfirst, byline
    out = words_quoted_before(out, lines_end)
    out = pull_quotes(text, out)
    statements = _reported(doc, masked, starts, said, found, titles)
    out = headline_quotes(text, out, statements, headline_end, lines_end)
    out = colon_headlines(text, out, headline_end)
    out = credited_quotes(text, out, index.expand)
    if found is not None:
        short = [(at, t) for at, t in sentences(masked, starts) if len(t) < 600]
        intros = interviews(short, found, _subject_of(names, index, masked))
        out, statements = _carry_outlets(out, statements, intros, spoke_elsewhere(masked, starts))
        out = post_outlets(text, out)  # after the carry: the post is no interview
    if reported:
        out.extend(a for a in statements if a.kind == Kind.INDIRECT)
        out.sort(key=lambda a: a.text_span[0])
    out = named_after_lede(out, text, names, index, doc.raw_span)
    if GROUP_MARK in masked:
        out = [groups_back(text, a) for a in out]
    out = [spelled_outlet(a, masked) for a in out]  # "told IAW": the Indo-Asian Wire (IAW)
    if reported:
        out = [replace(a, id=f"q{i}") for i, a in enumerate(out, 1)]
    return out


def _carry_outlets(
    quotes: list[Attribution],
    statements: list[Attribution],
    intros: Sequence[tuple[int, str, str, str | None]] = (),
    elsewhere=lambda _at: False,
) -> tuple[list[Attribution], list[Attribution]]:
    """A speaker quoted again without a word of where keeps the outlet named last for them:
    the rest of the same interview ("told Sky News ... He added, “...”"; "Quill sat down with
    the Example Courier. “…,” she said."), until a sentence of theirs says they spoke somewhere
    else (`elsewhere(offset)`: "Speaking at the council meeting, Quill said"). An outlet named
    short ("the Echo") is the one named in full before ("the Ashford Vale Echo"). New lists."""
    lists = (list(quotes), list(statements))
    spoken_in: dict[str, tuple[str, str | None]] = {}
    named: list[str] = []  # the outlets named so far, in order
    order = sorted(
        [(a.text_span[0], which, i) for which in (0, 1) for i, a in enumerate(lists[which])]
        + [(at, 2, k) for k, (at, *_rest) in enumerate(intros)]
    )
    for _at, which, i in order:
        if which == 2:  # an interview set up: its speaker's next words appeared there
            _at, speaker, outlet, language = intros[i]
            spoken_in[_carry_key(speaker)] = (outlet, language)
            continue
        a = lists[which][i]
        if a.outlet is not None:  # "told the Echo" after "told the Ashford Vale Echo"
            full = next((o for o in reversed(named) if o.endswith(f" {a.outlet}")), None)
            a = lists[which][i] = replace(a, outlet=full) if full else a
            named.append(a.outlet)
        if a.kind == Kind.SCARE or not a.speaker:
            continue
        key = _carry_key(a.speaker)
        if a.outlet is not None:
            if not same_name(a.outlet, a.speaker):  # an organisation's own channel: no carry
                spoken_in[key] = (a.outlet, a.language)
        elif elsewhere(a.text_span[0]):
            spoken_in.pop(key, None)
        elif key in spoken_in:
            outlet, language = spoken_in[key]
            lists[which][i] = replace(a, outlet=outlet, language=language)
    return lists


def _carry_key(speaker: str) -> str:
    """One unnamed source however the text gives it: "A spokesperson who did not wish to be
    named" and "A spokesperson" (which "the spokesperson" resolves to) are one."""
    if " wh" not in speaker:
        return speaker  # most speakers: no relative clause to cut (this runs for every quote)
    return re.sub(r"\s+(?:who|whose|which)\s.*$", "", speaker, flags=re.DOTALL)


RULE = FEATURES.index("rule")


_VOCATIVE = re.compile(
    r"(?:^|,\s+)(?:Mr|Mrs|Ms|Miss|Dr|Sen|Senator|Minister|Judge|Professor|Prof)\.?\s+"
    r"([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s*(?:[?!,]|$)"
)


def _vocative(index):
    """The person a question calls on by name ("..., Mr. Mangubat?"), if the article names them."""

    def addressed(quote: str) -> str | None:
        m = _VOCATIVE.search(quote.rstrip(" ”’\"'"))
        if m is None or not index.is_person(m.group(1)):
            return None
        return index.expand(m.group(1))

    return addressed


def _subject_of(names, index, masked):
    """The person or body a sentence's words before a verb name, as a speaker."""

    def subject(at: int, head: str) -> str | None:
        verb = FIRST_VERB.search(" " + head)  # "the minister doubled down": the minister
        head = head[: verb.start()] if verb and verb.start() > 0 else head
        speaker, _span, person = resolve_phrase(head.strip(" ,"), at, names, index, masked)
        return speaker if speaker and speaker[:1].isupper() else None

    return subject


def _inside_statement(said, q, text):
    """The reported statement whose clause holds the quote, unless the quote names a title
    ('appeared on “Example Tonight”')."""
    words = text[q.start : q.end].split()
    named = title_case(text[q.start : q.end])  # 'the “Three Amigos.”': a name, a scare quote
    if named or (len(words) <= SCARE_MAX_WORDS and names_a_term(text[: q.start - 1])):
        return None  # 'a “phase one” deal', 'the term “three amigos”': terms, not words spoken
    for r in said:
        if r.clause_start <= q.start and q.end <= r.clause_end + 1:
            if quoted_medium(text, [(q.start, q.end)], q.start, q.end):
                return None
            return r
    return None


def _same_sentence(out: list[Attribution], starts: list[int]) -> list[Attribution]:
    """A short quote with no speaker, in a sentence that ends by naming who said its other
    quote (“It was ‘awful’ and “we will fix it,” Quill said.”), is that speaker's too."""
    for i, a in enumerate(out[:-1]):
        b = out[i + 1]
        if a.speaker is not None or a.kind != Kind.SCARE or len(a.quote.split()) > SCARE_MAX_WORDS:
            continue
        if b.speaker is None or b.speaker_span is None or b.span[0] < a.span[1]:
            continue
        if bisect_right(starts, a.text_span[1]) != bisect_right(starts, b.text_span[1]):
            continue  # another sentence
        if b.speaker_span[0] > b.span[1] and b.cue:  # named after the later quote
            out[i] = replace(
                a, kind=Kind.PARTIAL, speaker=b.speaker, speaker_span=b.speaker_span, cue=b.cue
            )
    return out


def _attribution(doc, n, q, kind, sp, outlet, language) -> Attribution:
    said = kind != Kind.SCARE
    return Attribution(
        id=f"q{n}",
        quote=doc.text[q.start : q.end],
        kind=kind,
        span=doc.raw_span(q.start, q.end),
        text_span=(q.start, q.end),
        speaker=sp.speaker if said else None,
        speaker_span=doc.raw_span(*sp.speaker_span) if sp.speaker_span and said else None,
        cue=sp.cue if said else None,
        outlet=outlet if said else None,
        language=language if said else None,
        date_hint=sp.date_hint if said else None,
    )


# “…,” she said: the pronoun is the speaker, resolved or not (any speech verb: “…!” she joked)
_LONE_PRONOUN = re.compile(rf"^[\s,.”’\"']*(he|she)\s+(told\s+\w+|{CUE.pattern})")


def _last_speech(prev, said, said_ends, at: int) -> tuple[int, Speech] | None:
    """(where it ended, its speech) of the latest quote or reported statement with a speaker
    before `at`: a run of one speaker's words continues either."""
    best = (prev[0].end, prev[1]) if prev is not None and prev[1].speaker else None
    k = bisect_right(said_ends, at) - 1
    if k >= 0 and (best is None or said[k].clause_end > best[0]):
        r = said[k]
        best = (r.clause_end, Speech(r.speaker, r.speaker_span, r.cue))
    return best


FOLLOW_ON_PARAGRAPHS = 3  # a run of one speaker's quotes, one paragraph each (wire copy)


def _follows_on(text, masked, names, index, last, q: QuoteSpan, kind) -> bool:
    """Whether an unattributed quote continues the words of the speaker before it: in the
    same paragraph; a direct one in the next paragraph; or a direct one a few paragraphs on,
    when nobody else is named in between (copy that gives each sentence a paragraph)."""
    end, sp = last
    gap = paragraph_gap(text, end, q.start)
    if gap == 0 or (gap == 1 and kind == Kind.DIRECT):
        return True
    if kind != Kind.DIRECT or gap > FOLLOW_ON_PARAGRAPHS:
        return False
    others = [
        n
        for n in names_between(names, end, q.start)
        if (n.person or index.is_person(n.text)) and not same_name(n.text, sp.speaker or "")
    ]
    return not others


# '“…” That is how example-daily.com described it.': the sentence after names the source
_HOW_AFTER = re.compile(
    r"\s*(?:That|This)(?:\s+is|\s+was|[’']s)\s+how\s+(?P<who>(?:[^.!?“”\"\n]|\.(?=\w)){2,80}?)\s+(?:\w+ly\s+)?"
    r"(?P<cue>(?:described|put|phrased|said|reported|summed|explained|worded)\s+"
    r"(?:it|the\s+\w+))\b"
)


def _described_after(masked, frame, names, index, found, sp, page):
    """The speaker or outlet the sentence right after the quote names ("That is how X put
    it."), with the outlet's page flag; `sp` and `page` unchanged when it names none."""
    at = frame.after_start + len(frame.after)
    m = _HOW_AFTER.match(masked, at)
    if m is None or "\n\n" in masked[frame.after_start : m.start("who")]:
        return sp, page
    who, start = m.group("who"), m.start("who")
    medium = page_of_outlet(f"the page on {who}", found) or (
        who if found is not None and found.find_in(who) else None
    )
    if medium is not None:  # an outlet, not a person: where the words stand
        return replace(sp, outlet_text=medium, cue=m.group("cue")), medium
    speaker, span, person = resolve_phrase(who, start, names, index, masked)
    if speaker is None:
        return sp, page
    return replace(sp, speaker=speaker, speaker_span=span, person=person, cue=m.group("cue")), page


_TIME_TAIL = re.compile(
    rf"\s+(?:(?:last|this|next|earlier|later)\s+(?:year|month|week|weekend)|(?:on\s+)?"
    rf"(?:{DATE_WORDS}|yesterday|today|tonight)\b.*)$"
)


def _reported(doc, masked, starts, said, found, titles) -> list[Attribution]:
    """Reported speech as `indirect` attributions: checked for support, not for wording."""
    out = []
    for r in said:
        k = bisect_right(starts, r.clause_start) - 1
        sentence_start = starts[max(k, 0)]
        k = bisect_right(starts, r.clause_end)
        end = min(starts[k] if k < len(starts) else len(masked), r.clause_end + 300)
        # "..., according to a study published in X.": the source and its outlet after it
        after = masked[r.clause_end : end] if r.cue == "according to" else ""
        frame = Frame(sentence_start, masked[sentence_start : r.clause_start], r.clause_end, after)
        # "told the state-run Example Daily": a name after "told" may be the outlet
        told = re.match(
            r"(?:told|tells)\s+(?:the\s+)?(?:[\w’']+-[\w’'-]+\s+)*"
            rf"(?:(?:[a-z-]+\s+){{0,2}}{OUTLET_KIND_WORDS}\s+)?"  # "the public broadcaster ARK"
            r"([A-Z].*?)(?:\s+(?:in|on|at|"
            r"during|after|before|following)\s+(?:an?|the|his|her|their)\s.*)?$",  # "told X in an"
            r.cue,
        )
        told_to = _TIME_TAIL.sub("", told.group(1)) if told else None  # "... last year"
        sent = _SENT_TO.search(r.cue) if told_to is None else None
        if sent:  # "said in a statement emailed to NBC News": where the words went
            told_to = sent.group(1)
        sp = Speech(r.speaker, r.speaker_span, r.cue, outlet_text=told_to)
        outlet, language = outlet_of(found, frame, sp)
        if outlet is None:
            outlet, language = outlet_named_before(masked, sentence_start, r.cue, found)
        if outlet is None and found is not None:
            outlet = quoted_medium(doc.text, titles, sentence_start, r.clause_end)
        out.append(
            Attribution(
                id="",
                quote=doc.text[r.clause_start : r.clause_end],
                kind=Kind.INDIRECT,
                span=doc.raw_span(r.clause_start, r.clause_end),
                text_span=(r.clause_start, r.clause_end),
                speaker=r.speaker,
                speaker_span=doc.raw_span(*r.speaker_span) if r.speaker_span else None,
                cue=r.cue or None,
                outlet=outlet,
                language=language,
            )
        )
    return out


_SENT_TO = re.compile(
    r"\b(?:emailed|sent|provided|given|shared)\s+(?:to|with)\s+(?:the\s+)?"
    r"([A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,4})"
)
_OPENS_ON_QUOTE = re.compile(r"\s*[“\"‘']_")


def _previous_sentence_speech(text, masked, starts, frame, names, index, sp: Speech) -> Speech:
    """The speaker of a cue in the previous sentence of the same paragraph, if the quote's own
    sentence starts with it (nothing of the writer's own before the quote)."""
    if frame.before.strip() and (
        find_cue_before(frame.before) or names_between(names, frame.before_start, frame.after_start)
    ):
        return sp  # the quote's own sentence has a cue or names someone: not a follow-on
    k = bisect_right(starts, frame.before_start - 1) - 1
    if k < 0 or starts[k] >= frame.before_start:
        return sp
    s, e = max(starts[k], frame.before_start - FRAME_MAX_CHARS), frame.before_start
    lead = masked[s:e].rstrip()
    introduces = lead.endswith(":")  # "Ada Quill said on Saturday:" and the quote below it
    if "\n\n" in (lead if introduces else masked[s:e]):
        return sp
    found = speech_for(Frame(s, lead, e, ""), names, index, masked)
    if found.speaker is None:
        return sp
    if found.cue == "according to" and _OPENS_ON_QUOTE.match(lead):
        return sp  # '“…,” Reed said, according to Lowe. “…”': Reed's, like the quote before
    if introduces:
        return replace(found, date_hint=sp.date_hint)
    return replace(found, cue=None, cue_gap=None, date_hint=sp.date_hint)

"""Who speaks a quote inside another quote: “I heard the mayor say, ‘Not now,’” … The outer
quote's words are read like a writer's sentence; "I said" gives the outer speaker, "he said to
me" whom the pronoun stands for in the article before the outer quote."""

from __future__ import annotations

import re
from dataclasses import replace

from .cues import find_cue_before
from .frames import Frame, frame_of, mask_quotes, sentence_starts
from .names import find_names
from .quotes import QuoteSpan
from .references import resolve_pronoun
from .speakers import Speech, speech_for
from .turns import same_name

_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e)\b")
_PRONOUN_SAID = re.compile(
    r"\b([Hh]e|[Ss]he)\s+(?:\w+\s+){0,2}?(?:said|says|told|tells|asked|asks|wrote|say)\b"
)


def nested_speech(
    text: str,
    quotes: list[QuoteSpan],
    q: QuoteSpan,
    outer: tuple[QuoteSpan, Speech],
    index,
    article: tuple[str, list] | None = None,
) -> tuple[Frame, Speech]:
    """Frame and speech of a quote inside another: “I heard the mayor say, ‘Not now,’” …

    The outer quote's words are read like a writer's sentence (its other inner quotes
    blanked); a quote the outer speaker gives as their own words (“I said, ‘Never.’”) is
    theirs; one a "he" or "she" said (“He said to me, ‘I was wrong’”) is whom the pronoun
    stands for in the article before the outer quote (`article`: masked text and names)."""
    parent, parent_sp = outer
    base = parent.start
    inner = [
        QuoteSpan(o.start - base, o.end - base)
        for o in quotes
        if o.nested and parent.start <= o.start and o.end <= parent.end
    ]
    local = mask_quotes(text[parent.start : parent.end], inner)
    names = find_names(local)
    q_local = QuoteSpan(q.start - base, q.end - base)
    frame = frame_of(local, sentence_starts(local), q_local)
    sp = speech_for(frame, names, index, local)
    said = list(_PRONOUN_SAID.finditer(frame.before)) if sp.speaker is None else []
    if sp.speaker is None and _FIRST_PERSON.search(frame.before) and find_cue_before(frame.before):
        sp = Speech(
            parent_sp.speaker, parent_sp.speaker_span, sp.cue, sp.cue_gap, None, sp.date_hint
        )
    elif said and article is not None:
        who, span = resolve_pronoun(parent.start, article[1], index, article[0], said[-1][1])
        if who is not None and not same_name(who, parent_sp.speaker or ""):
            sp = Speech(who, span, said[-1][0].split()[-1], 0, None, sp.date_hint, True)
    elif sp.speaker_span is not None:
        s, e = sp.speaker_span
        sp = replace(sp, speaker_span=(s + base, e + base))
    frame = Frame(frame.before_start + base, frame.before, frame.after_start + base, frame.after)
    return frame, sp

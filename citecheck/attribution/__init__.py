"""The attribution stage: who said what in a draft, with which cue, in which outlet.

    quotes      quoted spans in every common style, across paragraph breaks, apostrophes apart
    frames      the writer's sentence around each quote, quotes blanked
    names       proper names, who is a person, the fullest form of each
    cues        the words that attribute speech, as written
    speakers    the speaker from the quote's sentence, anchored on the cue
    references  pronouns, roles and acronyms back to who the article named
    kinds       direct, partial or scare
    outlets     the outlet or platform the words appeared in
    report_words  the verbs, cues and clause shapes of reported speech
    reported    reported speech ("X said that ..."), no quote marks
    turns       a quotation named at its end, an interview's turns between asker and answerer
    extract     all of the above over a draft, in order: `extract(document)`
    source      who a source page gives a passage to (the check behind `misattributed`)
    foreign     the same in Spanish, Portuguese, French, German or Russian news copy
"""

from __future__ import annotations

from .extract import extract
from .quotes import QuoteSpan, find_quotes
from .source import PageSpeaker, named_person, page_speakers, who_said

__all__ = [
    "PageSpeaker",
    "QuoteSpan",
    "extract",
    "find_quotes",
    "named_person",
    "page_speakers",
    "who_said",
]

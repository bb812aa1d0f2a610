"""Who a source page gives a passage to: the check behind `misattributed`.

For a page in the draft's language, the page's own attributions (the same extractor as for
drafts, quotations only) are read once per page; for a page in Spanish, Portuguese, French,
German or Russian, `foreign` reads its news-copy shapes. Only a named person counts: a pronoun,
a role or an institution never contradicts the draft.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..document import load_text
from ..model import Kind
from .extract import extract
from .foreign import foreign_speaker
from .names import is_org


@dataclass(frozen=True)
class PageSpeaker:
    """One of a page's own quotations that names its speaker: where it stands, who, and whether
    that is a person (not an institution)."""

    start: int
    end: int
    speaker: str
    person: bool


def who_said(
    page_text: str,
    span: tuple[int, int],
    language: str | None = None,
    speakers: tuple[PageSpeaker, ...] | None = None,
) -> str | None:
    """The named person a source page gives the words at `span` (offsets into `page_text`) to,
    or None when it names nobody there, or only a pronoun, a role or an institution.

    `language`: the page's language when it is not the draft's (read by `foreign`);
    `speakers`: the page's `page_speakers`, when the caller keeps them (a batch run does)."""
    if language is not None:
        name, person = foreign_speaker(page_text, span, language)
        return name if person else None
    for s in page_speakers(page_text) if speakers is None else speakers:
        if s.start < span[1] and span[0] < s.end:
            return s.speaker if s.person else None
    return None


def named_person(speaker: str | None) -> bool:
    """A speaker the draft names as a person ("Ada Quill", not "officials" or "the council"):
    only such a speaker can be contradicted by a source that names someone else."""
    if not speaker or not speaker[:1].isupper():
        return False
    words = speaker.split()
    return 2 <= len(words) <= 5 and not is_org(words)


@lru_cache(maxsize=128)
def page_speakers(page_text: str) -> tuple[PageSpeaker, ...]:
    """A source page's own quotations with a speaker (the same extractor as for drafts),
    worked out once per page for all the quotes checked on it."""
    found = extract(load_text(page_text, "<page>", "text"), outlets=False, reported=False)
    return tuple(
        PageSpeaker(a.span[0], a.span[1], a.speaker,
                    a.speaker[:1].isupper() and not is_org(a.speaker.split()))
        for a in found if a.speaker and a.kind != Kind.SCARE
    )  # fmt: skip

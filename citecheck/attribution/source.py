"""Who a source page gives a passage to: the check behind `misattributed`.

For a page in the draft's language, the page's own attributions (the same extractor as for
drafts, quotations only) are read once per page; for a page in Spanish, Portuguese, French,
German or Russian, `foreign` reads its news-copy shapes. Only a named person counts: a pronoun,
a role or an institution never contradicts the draft.
"""

from __future__ import annotations

from functools import lru_cache

from ..document import load_text
from ..model import Attribution, Kind
from .extract import extract
from .foreign import foreign_speaker
from .names import is_org


def who_said(page_text: str, span: tuple[int, int], language: str | None = None) -> str | None:
    """The named person a source page gives the words at `span` (offsets into `page_text`) to,
    or None when it names nobody there, or only a pronoun, a role or an institution.

    `language`: the page's language when it is not the draft's (read by `foreign`)."""
    if language is not None:
        name, person = foreign_speaker(page_text, span, language)
    else:
        name, person = _speaker_in_page(page_text, span)
    return name if person else None


def named_person(speaker: str | None) -> bool:
    """A speaker the draft names as a person ("Ada Quill", not "officials" or "the council"):
    only such a speaker can be contradicted by a source that names someone else."""
    if not speaker or not speaker[:1].isupper():
        return False
    words = speaker.split()
    return 2 <= len(words) <= 5 and not is_org(words)


def _speaker_in_page(page_text: str, span: tuple[int, int]) -> tuple[str | None, bool]:
    for a in _page_attributions(page_text):
        s, e = a.span
        if s < span[1] and span[0] < e and a.speaker and a.kind != Kind.SCARE:
            person = a.speaker[:1].isupper() and not is_org(a.speaker.split())
            return a.speaker, person
    return None, False


@lru_cache(maxsize=128)
def _page_attributions(page_text: str) -> tuple[Attribution, ...]:
    """A source page's own attributions, computed once per page for all the quotes checked on it."""
    return tuple(extract(load_text(page_text, "<page>", "text"), outlets=False, reported=False))

"""Direct, partial or scare: how a quoted span sits in the writer's sentence."""

from __future__ import annotations

import re

from ..model import Kind
from .frames import Frame
from .quotes import QuoteSpan
from .speakers import Speech

SCARE_MAX_WORDS = 3


SHORT_QUOTE_CUE_GAP = 20  # a short quote this close after a speech verb is the speaker's word
# (15 -> 20 chosen on dev + train: kind 452 -> 452, speaker 332 -> 334 of 569 and 385)


_SO_CALLED = re.compile(r"\bso-called$|\bso called$", re.IGNORECASE)


_THAT_END = re.compile(r"\bthat$")


_NAMING = re.compile(
    r"\b(?:the (?:term|phrase|word|name|slogan|hashtag|label|nickname)|(?:is|are|was|were|be|"
    r"been|being|what[’']s|what is|often|commonly|also) (?:called|known as|termed|nicknamed)|"
    r"known as|(?:titled|entitled|headlined)|"  # "a blog post titled “Getting it right”"
    # "dubbed it the ‘…’", "were dubbed the show’s ‘…’", "what sleep scientists call ‘…’"
    r"(?:dubbed|nicknamed|christened)(?:\s+(?:it|him|her|them|this|that))?(?:\s+(?:the|a|an))?"
    r"(?:\s+[\w’']+[’']s)?|what\s+(?!(?:he|she|it|i|we|they|you)\b)(?:[\w-]+\s+){1,3}"
    r"(?:call|dub))$",  # "what he called ‘a witch hunt’" is his
    re.IGNORECASE,
)


# calling someone or something by a name: 'called him “Mr. L.”', 'nicknamed Kemmerer "Road
# Dog"', 'an area residents call "the Bowl"' (a name in title case, not words said about it)
_NAMED_AS = re.compile(
    r"\b(?:call(?:ed|s|ing)?|nicknamed|dubbed)(?:\s+(?:him|her|it|them|[A-Z][\w’'-]+))?\s*$"
)


# a determiner before the quote, maybe past an adjective and "or": an outside or “irregular” …
_DETERMINED = re.compile(
    r"\b(?:a|an|the|this|these|those|their|his|her|its|our|your|my)(?:\s+[a-z-]+\s+(?:or|and))?$",
    re.IGNORECASE,
)
# the kind of thing a title-case quote names: "the television drama “Saltmarsh”", "48,000
# “CrispAir 5” fryers", "flagship app, “Shiftboard”"
_NAMED_KIND = re.compile(
    r"\b(?:app|drama|series|show|film|movie|book|novel|memoir|album|song|single|play|musical|"
    r"campaign|tagline|slogan|motto|report|programme|program|scheme|brand|product|model|range|"
    r"initiative|project|plan|hashtag|podcast|documentary|exhibition|festival|tour|game)"
    r",?\s*$|\d[\d,.]*\s*$",
    re.IGNORECASE,
)
_PORTRAYED = re.compile(r"\b(?:portrayed|characteri[sz]ed|branded|labell?ed) as$")


def names_a_term(before: str) -> bool:
    """Whether the words before a short quote make it a term the writer names or uses ('the
    so-called “…”', 'the term “…”', 'a “phase one” deal', 'portrayed as “irregular”') rather than
    a few of someone's words."""
    tail = before.rstrip()[-40:]
    return bool(
        _SO_CALLED.search(tail)
        or _NAMING.search(tail)
        or _DETERMINED.search(tail)
        or _PORTRAYED.search(tail)
    )


# where a title stands: "on NBC’s", "in", "titled" before a quote in title case
_TITLE_PLACE = re.compile(
    r"\b(?:on|in|titled|entitled|dubbed)(?:\s+the)?"
    r"(?:\s+(?:[A-Z][\w.&-]*\s+){0,2}[A-Z][\w.&-]*[’']s)?$"
)
_MINOR_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with"}


def title_case(quote: str) -> bool:
    """ "Meet the Press", "State of the Union": every word capitalised but the small ones."""
    words = [w.strip(".,!?:;…") for w in quote.split()]
    words = [w for w in words if w]
    return (
        bool(words)
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w.lower() in _MINOR_WORDS or not w[:1].isalpha() for w in words)
    )


# a quotation broken by its attribution: '“…,” Quill said Monday, “…”'
_SPLIT_REST = re.compile(r"^\W*[“\"‘']_+[,!?…]?[”\"’']\s+[^“”\"_]{1,80},$")
_INNER_SENTENCE = re.compile(r"\w[.!?]\s+[A-Z]")
# a quote after a determiner modifies a noun ('the “you get what you pay for” argument')
_MODIFIES = re.compile(r"\b(?:the|a|an|this|their|his|her|its|our)$", re.IGNORECASE)
# a quote that opens with a subject pronoun and its verb is a clause of its own
_CLAUSE = re.compile(
    r"(?:he|she|they|we|i|you|it)(?:[’'](?:s|re|ve|ll|d|m))?\s+(?!that\b|who\b|which\b)[a-z]+",
    re.IGNORECASE,
)


_NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+$")
_NAME_AFTER = re.compile(r"[”’\"']?\s+[A-Z][a-z]+")
_FINITE_IN = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|do|does|"
    r"did)\b"
)
_NOT_NOUN = frozenset(
    "who which that and or but is are was were has have had to of in on for at by with from as "
    "will would could can should may might must".split()
)


def _modifies_noun(after: str) -> bool:
    """The quote stands before a noun it modifies: 'a “Paddle for the Tamsey” protest'."""
    m = re.match(r"[”’\"']?\s+([a-z][\w-]*)", after)
    return m is not None and m.group(1) not in _NOT_NOUN


def kind_of(text: str, masked: str, q: QuoteSpan, frame: Frame, sp: Speech, nwords: int) -> Kind:
    """direct, partial or scare, from the quote's length and how it sits in its sentence."""
    before = frame.before.rstrip()
    tail = before[-40:]  # what stands right before the opening mark
    if _SO_CALLED.search(tail) or _NAMING.search(tail):
        return Kind.SCARE  # the so-called “…”, what is called “…”, the term “…”
    quote = text[q.start : q.end].rstrip()
    if nwords <= 5 and _NAMED_AS.search(tail):
        named = re.sub(r"^the\s+", "", quote.rstrip(".,!?"))  # "the Bowl": a name, its article
        if named[:1].isupper() and title_case(named):
            return Kind.SCARE  # a name given: 'Students called him “Mr. L.”'
    if (
        nwords <= 2
        and title_case(quote)
        and _NAME_BEFORE.search(tail)
        and _NAME_AFTER.match(frame.after)
    ):
        return Kind.SCARE  # a nickname inside a name: 'Mayor Rodolfo “Rudy” Villaraza'
    if _TITLE_PLACE.search(tail) and title_case(quote) and nwords <= 8:
        return Kind.SCARE  # a title: 'said on NBC’s “Meet the Press.”', 'starred in “Jaws”'
    if (
        nwords <= 6
        and title_case(quote)
        and quote[-1:] not in ".!?,…"
        and (_NAMED_KIND.search(tail) or (_DETERMINED.search(tail) and _modifies_noun(frame.after)))
    ):
        return Kind.SCARE  # a name: 'its “Emberlea” line', 'the tagline “Keep the Light On”'
    if before.endswith(":") and quote[:1].isupper() and sp.speaker is not None:
        return Kind.DIRECT  # with the caption: “Welcome aboard”
    if (
        not before
        and quote[:1].isupper()
        and quote[-1:] in ".!?,…"
        and (nwords >= 2 or quote[-1:] in ".!?")
    ):  # also one word, a sentence of its own: “No.”
        return Kind.DIRECT  # a whole sentence standing alone: a follow-on quote
    if _SPLIT_REST.search(before) and sp.speaker is not None:
        return Kind.DIRECT  # '“We will win,” Quill said, “and win big.”': the rest of it
    if nwords <= SCARE_MAX_WORDS:
        near_cue = sp.cue_gap is not None and sp.cue_gap <= SHORT_QUOTE_CUE_GAP
        if not near_cue or sp.speaker is None:
            return Kind.SCARE
        if quote[:1].isupper() and quote[-1:] in ".!?," and (not before or before[-1] in ",:"):
            return Kind.DIRECT  # “Agreed,” Quill said. / Quill said, “Never.”
        return Kind.PARTIAL
    if sp.speaker is None and sp.cue is None and nwords <= 5:
        return Kind.SCARE
    first = text[q.start : q.start + 1]
    opens = not before or before[-1] in ",:—–" or first.isupper()
    if opens and _INNER_SENTENCE.search(quote):
        return Kind.DIRECT  # several sentences, not woven into the writer's
    if (
        _THAT_END.search(tail)
        and quote[-1:] in ".!?"
        and nwords >= 6
        and not frame.after.strip(' _”’"')
    ):
        return Kind.DIRECT  # said that “the whole of a sentence, ending the writer's.”
    said_after = sp.speaker_span is not None and 0 <= sp.speaker_span[0] - q.end <= 40
    if opens and said_after and quote[-1:] in ",?!":
        return Kind.DIRECT  # Until then, “… there,” said Quill: a clause quoted whole
    if (
        not before
        or before.endswith((",", ":", "—", "–", "said", "says"))
        or (first.isupper() and _THAT_END.search(tail))
    ):
        direct = first.isupper() or first in "¿¡“‘'\"" or not before
        return Kind.DIRECT if direct or _CLAUSE.match(quote) else Kind.PARTIAL
    if _CLAUSE.match(quote) and nwords >= 4 and not _MODIFIES.search(tail):
        return Kind.DIRECT  # a clause that could stand alone: 'said "we are still early"'
    if (
        nwords >= 6
        and sp.cue_gap is not None
        and sp.cue_gap == 0
        and quote[-1:] in ".!?"
        and _FINITE_IN.search(quote)
        and not _MODIFIES.search(tail)
    ):  # 'acknowledged “a lot of people watching might think I should stop.”': a sentence
        return Kind.DIRECT
    return Kind.PARTIAL

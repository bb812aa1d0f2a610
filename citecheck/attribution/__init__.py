"""Attributions: quoted spans with their kind, speaker, cue, outlet and date hints.

`extract(document)` is pure: rules over the analysis text, no network, no model weights.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..model import Attribution, Document
from .indirect import find_reported
from .names import NameIndex, find_names, is_org
from .quotes import QuoteSpan, find_quotes
from .speakers import Frame, Speech, find_cue_before, medium, names_between, speech_for

if TYPE_CHECKING:
    from ..outlets import Registry

__all__ = ["extract", "find_quotes"]

_ABBREV = {
    "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "prof",
    "jr", "sr", "inc", "corp", "co", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "d.c", "a.m", "p.m", "e.g", "i.e",
    "etc", "ft", "mt", "ave", "blvd",
}  # fmt: skip
_BOUNDARY = re.compile(r"([.!?…])[”’\"»)]*\s+(?=[A-Z“\"‘À-Þ¿¡(])|\n\n")
_LAST_WORD = re.compile(r"([\w.]+)[.!?…]$")
_ATTRIBUTION_AFTER = re.compile(
    r"(?:[A-Z][\w.’'-]*\s+){1,4}(?:said|says|asked|asks|added|adds|told|wrote|writes|"
    r"replied|shouted|exclaimed|yelled|tweeted|recalled|continued|answered|wondered)\b"
)
SCARE_MAX_WORDS = 3
SHORT_QUOTE_CUE_GAP = 15  # a short quote this close after a speech verb is the speaker's word


def mask_quotes(text: str, quotes: list[QuoteSpan]) -> str:
    """Blank out quote interiors (keeping a final stop) so names and full stops inside quotes do
    not confuse the rules that read the writer's own sentence."""
    parts = []
    at = 0
    for q in quotes:
        if q.nested or q.start < at:
            continue
        end = q.end - 1 if q.end > q.start and text[q.end - 1] in ".!?,;:…" else q.end
        parts.append(text[at : q.start])
        parts.append(_NOT_NEWLINE.sub("_", text[q.start : end]))
        at = end
    parts.append(text[at:])
    return "".join(parts)


_NOT_NEWLINE = re.compile(r"[^\n]")


def sentence_starts(masked: str) -> list[int]:
    starts = [0]
    for m in _BOUNDARY.finditer(masked):
        if m.group(1):
            if (
                m.group(1) in "?!"
                and masked[m.start() + 1] in '”’"»'
                and "\n" not in masked[m.start() : m.end()]
                and _ATTRIBUTION_AFTER.match(masked, m.end())
            ):
                continue  # “Is it over?” Quill asked. / “Run!” officers shouted.: one sentence
            word = _LAST_WORD.search(masked, max(0, m.start() - 12), m.start() + 1)
            if word and (word.group(1).lower().rstrip(".") in _ABBREV or len(word.group(1)) == 1):
                para = masked.find("\n\n", m.start(), m.end())
                if para >= 0:  # "... Inc.¶¶Next": the paragraph still ends there
                    starts.append(para + 2)
                continue
        starts.append(m.end())
    return starts


def extract(
    doc: Document, registry: Registry | None = None, *, outlets: bool = True, reported: bool = True
) -> list[Attribution]:
    """Every quoted span of the draft as an Attribution, in order of appearance.

    `registry` defaults to the packaged outlet registry; `outlets=False` skips outlet lookup
    (a source page's own attributions only need speakers); `reported=False` lists quotations
    only, leaving out reported speech (kind "indirect")."""
    text = doc.text
    quotes = find_quotes(text)
    masked = mask_quotes(text, quotes)
    names = find_names(masked)
    index = NameIndex(names)
    starts = sentence_starts(masked)
    reg = (registry or _default_registry()) if outlets else None
    found = _Outlets(reg) if reg is not None else None
    out: list[Attribution] = []
    prev: tuple[QuoteSpan, Speech] | None = None
    outer: tuple[QuoteSpan, Speech] | None = None
    spoken_in: dict[str, tuple[str | None, str | None]] = {}
    for n, q in enumerate(quotes, 1):
        nwords = len(text[q.start : q.end].split())
        if q.nested and outer is not None and outer[0].start <= q.start < outer[0].end:
            # A quote inside a quote: its sentence is the outer quote's, its speaker named there
            frame, sp = _nested_speech(text, quotes, q, outer, index)
            kind = _kind(text, masked, q, frame, sp, nwords)
            outlet, language = _outlet(found, frame, sp) if kind != "scare" else (None, None)
            out.append(_attribution(doc, n, q, kind, sp, outlet, language))
            continue
        frame = _frame(masked, starts, q)
        sp = speech_for(frame, names, index, masked)
        kind = _kind(text, masked, q, frame, sp, nwords)
        runs_on = (
            prev is not None
            and prev[0].continues
            and _paragraph_gap(text, prev[0].end, q.start) == 1
        )
        if runs_on and kind == "scare":
            kind = "direct"  # the next part of a quotation that runs across paragraphs
        if sp.speaker is None and kind != "scare":
            # Reported speech in the sentence before: "The cell, Herbert said, is ... “Once ...”"
            sp = _previous_sentence_speech(text, masked, starts, frame, names, index, sp)
        if sp.speaker is None and kind != "scare" and prev and prev[1].speaker:
            # A follow-on quote: a direct one in the same paragraph or the next, a partial one
            # in the same paragraph, no other speaker named.
            gap = _paragraph_gap(text, prev[0].end, q.start)
            if gap == 0 or (gap == 1 and (kind == "direct" or runs_on)):
                sp = Speech(
                    prev[1].speaker,
                    prev[1].speaker_span,
                    None,
                    99,
                    prev[1].outlet_text,
                    sp.date_hint,
                    prev[1].person,
                )
        outlet, language = _outlet(found, frame, sp)
        if kind != "scare" and sp.speaker:
            # a speaker quoted again without a word of where: the same interview or post
            if outlet is None:
                outlet, language = spoken_in.get(sp.speaker, (None, None))
            else:
                spoken_in[sp.speaker] = (outlet, language)
        out.append(_attribution(doc, n, q, kind, sp, outlet, language))
        if not q.nested:
            outer = (q, sp)
        if (kind != "scare" or q.continues) and not q.nested:
            prev = (q, sp)
    out = _same_sentence(out, starts)
    out = _pull_quotes(text, out)
    if reported:
        out.extend(_reported(doc, masked, starts, names, index, found))
        out.sort(key=lambda a: a.text_span[0])
        out = [replace(a, id=f"q{i}") for i, a in enumerate(out, 1)]
    return out


def _same_sentence(out: list[Attribution], starts: list[int]) -> list[Attribution]:
    """A short quote with no speaker, in a sentence that ends by naming who said its other
    quote (“It was ‘awful’ and “we will fix it,” Quill said.”), is that speaker's too."""
    for i, a in enumerate(out[:-1]):
        b = out[i + 1]
        if a.speaker is not None or a.kind != "scare" or len(a.quote.split()) > SCARE_MAX_WORDS:
            continue
        if b.speaker is None or b.speaker_span is None or b.span[0] < a.span[1]:
            continue
        if bisect_right(starts, a.text_span[1]) != bisect_right(starts, b.text_span[1]):
            continue  # another sentence
        if b.speaker_span[0] > b.span[1] and b.cue:  # named after the later quote
            out[i] = replace(
                a, kind="partial", speaker=b.speaker, speaker_span=b.speaker_span, cue=b.cue
            )
    return out


def _attribution(doc, n, q, kind, sp, outlet, language) -> Attribution:
    said = kind != "scare"
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


_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e)\b")


def _nested_speech(
    text: str, quotes: list[QuoteSpan], q: QuoteSpan, outer: tuple[QuoteSpan, Speech], index
) -> tuple[Frame, Speech]:
    """Frame and speech of a quote inside another: “I heard the mayor say, ‘Not now,’” …

    The outer quote's words are read like a writer's sentence (its other inner quotes
    blanked); a quote the outer speaker gives as their own words (“I said, ‘Never.’”) is
    theirs."""
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
    frame = _frame(local, sentence_starts(local), q_local)
    sp = speech_for(frame, names, index, local)
    if sp.speaker is None and _FIRST_PERSON.search(frame.before) and find_cue_before(frame.before):
        sp = Speech(
            parent_sp.speaker, parent_sp.speaker_span, sp.cue, sp.cue_gap, None, sp.date_hint
        )
    elif sp.speaker_span is not None:
        s, e = sp.speaker_span
        sp = replace(sp, speaker_span=(s + base, e + base))
    frame = Frame(frame.before_start + base, frame.before, frame.after_start + base, frame.after)
    return frame, sp


_HEADING = re.compile(r"(?:\d{1,2}[.)]\s*)?[“\"‘'«]([^\n]+)[”\"’'»][.!?:]?")
PULL_QUOTE_WINDOW = 3000  # characters after a pull quote searched for the quote it repeats
PULL_QUOTE_MAX_WORDS = 12
PULL_QUOTE_MAX_LOOKAHEAD = 30  # quotes after a pull quote searched for the one it repeats


_TOKEN = re.compile(r"[\w’'-]+")


def _words_of(s: str) -> str:
    return " ".join(w.strip("’'-") for w in _TOKEN.findall(s.casefold()))


def _pull_quotes(text: str, out: list[Attribution]) -> list[Attribution]:
    """A quote standing alone as a paragraph ("3. “Not a second channel”") is a subheading that
    repeats words quoted below it: it takes the speaker of the quote it repeats."""
    for i, a in enumerate(out):
        s, e = a.text_span
        if text.rfind("\n\n", max(0, s - 8), s) < 0 and s > 6:
            continue  # not at the start of a paragraph: no heading
        para_start = text.rfind("\n\n", 0, s) + 1
        para_end = text.find("\n\n", e)
        para = text[para_start : para_end if para_end >= 0 else len(text)].strip()
        if len(a.quote.split()) > PULL_QUOTE_MAX_WORDS or not _HEADING.fullmatch(para):
            continue
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
            if b.kind == "scare" or b.speaker is None:
                out[i] = replace(a, kind="scare", speaker=None, speaker_span=None, cue=None)
                break
            # where the heading's words stand in the quote: its start, or a sentence's start
            lead = re.match(r"\W*", b.quote).end()
            at = b.quote.casefold().find(a.quote.casefold().strip(" .,!?"), lead)
            first = at == lead or bool(at > 0 and re.search(r"[.!?]\s+$", b.quote[:at]))
            if len(words) == len(b_words):
                kind = b.kind  # the heading repeats the whole quote
            else:
                kind = "direct" if first else "partial"
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


def _reported(doc, masked, starts, names, index, found) -> list[Attribution]:
    """Reported speech as `indirect` attributions: checked for support, not for wording."""
    out = []
    for r in find_reported(masked, starts, names, index):
        k = bisect_right(starts, r.clause_start) - 1
        sentence_start = starts[max(k, 0)]
        frame = Frame(sentence_start, masked[sentence_start : r.clause_start], r.clause_end, "")
        sp = Speech(r.speaker, r.speaker_span, r.cue)
        outlet, language = _outlet(found, frame, sp)
        out.append(
            Attribution(
                id="",
                quote=doc.text[r.clause_start : r.clause_end],
                kind="indirect",
                span=doc.raw_span(r.clause_start, r.clause_end),
                text_span=(r.clause_start, r.clause_end),
                speaker=r.speaker,
                speaker_span=doc.raw_span(*r.speaker_span) if r.speaker_span else None,
                cue=r.cue,
                outlet=outlet,
                language=language,
            )
        )
    return out


def _frame(masked: str, starts: list[int], q: QuoteSpan) -> Frame:
    open_at = q.start - 1
    k = bisect_right(starts, open_at) - 1
    s = starts[max(k, 0)]
    close = min(q.end + 1, len(masked))
    e_idx = bisect_right(starts, q.end)
    e = starts[e_idx] if e_idx < len(starts) else len(masked)
    # a run-on "sentence" (a list, a text without stops) is read only near the quote
    s = max(s, open_at - FRAME_MAX_CHARS)
    e = min(e, close + FRAME_MAX_CHARS)
    return Frame(s, masked[s:open_at].replace("\n", " "), close, masked[close:e].replace("\n", " "))


FRAME_MAX_CHARS = 500


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
    if "\n\n" in masked[s:e]:
        return sp
    prev_frame = Frame(s, masked[s:e].rstrip(), e, "")
    found = speech_for(prev_frame, names, index, masked)
    if found.speaker is None:
        return sp
    return Speech(
        found.speaker, found.speaker_span, None, 99, found.outlet_text, sp.date_hint, found.person
    )


def _paragraph_gap(text: str, a: int, b: int) -> int:
    return text.count("\n\n", a, b)


_SO_CALLED = re.compile(r"\bso-called$|\bso called$", re.IGNORECASE)


def _kind(text: str, masked: str, q: QuoteSpan, frame: Frame, sp: Speech, nwords: int) -> str:
    """direct, partial or scare, from the quote's length and how it sits in its sentence."""
    before = frame.before.rstrip()
    tail = before[-40:]  # what stands right before the opening mark
    if _SO_CALLED.search(tail) or _NAMING.search(tail):
        return "scare"  # the so-called “…”, what is called “…”, the term “…”
    quote = text[q.start : q.end].rstrip()
    if before.endswith(":") and quote[:1].isupper() and sp.speaker is not None:
        return "direct"  # with the caption: “Welcome aboard”
    if not before and quote[:1].isupper() and quote[-1:] in ".!?,…" and nwords >= 2:
        return "direct"  # a whole sentence standing alone: a follow-on quote
    if nwords <= SCARE_MAX_WORDS:
        near_cue = sp.cue is not None and sp.cue_gap <= SHORT_QUOTE_CUE_GAP
        if not near_cue or sp.speaker is None:
            return "scare"
        if quote[:1].isupper() and quote[-1:] in ".!?," and (not before or before[-1] in ",:"):
            return "direct"  # “Agreed,” Quill said. / Quill said, “Never.”
        return "partial"
    if sp.speaker is None and sp.cue is None and nwords <= 5:
        return "scare"
    first = text[q.start : q.start + 1]
    opens = not before or before[-1] in ",:—–" or first.isupper()
    if opens and _INNER_SENTENCE.search(quote):
        return "direct"  # several sentences, not woven into the writer's
    if (
        _THAT_END.search(tail)
        and quote[-1:] in ".!?"
        and nwords >= 6
        and not frame.after.strip(' _”’"')
    ):
        return "direct"  # said that “the whole of a sentence, ending the writer's.”
    said_after = sp.speaker_span is not None and 0 <= sp.speaker_span[0] - q.end <= 40
    if opens and said_after and quote[-1:] in ",?!":
        return "direct"  # Until then, “… there,” said Quill: a clause quoted whole
    if (
        not before
        or before.endswith((",", ":", "—", "–", "said", "says"))
        or (first.isupper() and _THAT_END.search(tail))
    ):
        return "direct" if first.isupper() or first in "¿¡“‘'\"" or not before else "partial"
    return "partial"


class _Outlets:
    """The registry's search, run only where one of its names could stand: a quick look for the
    key word of each name (what `Registry.find_in` tests first) spares most of its calls."""

    def __init__(self, reg: Registry) -> None:
        self.reg = reg
        self.needles = _needles(reg)
        self.memo: dict[str, list] = {}

    def find_in(self, s: str) -> list:
        got = self.memo.get(s)
        if got is None:
            got = self.memo[s] = self.reg.find_in(s) if self.needles.may_hold(s) else []
        return got


class _Needles:
    """The words each outlet name needs: a text lacking them holds no mention of it."""

    def __init__(self, reg: Registry) -> None:
        reg.find_in("")  # compiles the registry's patterns now, at start-up, not mid-draft
        forms: dict[str, list[frozenset[str]]] = {}
        self.other: list[str] = []
        for o in reg:
            for form in dict.fromkeys((*o.names, *o.domains)):
                form = form.strip()
                if len(form) < 2:
                    continue
                words = _whole_words(form)
                if words:
                    key = max(words, key=len)
                    forms.setdefault(key, []).append(frozenset(words))
                else:
                    self.other.append(max(_fold(form).split(), key=len))
        self.forms = forms
        self.keys = frozenset(forms)

    def may_hold(self, s: str) -> bool:
        folded = _fold(s)
        words = set(_WORDS.findall(folded))
        for key in words & self.keys:
            if any(need <= words for need in self.forms[key]):
                return True
        return any(n in folded for n in self.other)


def _whole_words(form: str) -> list[str] | None:
    """The words of an outlet's name, each standing whole (between non-word characters) in
    any text the name matches: "elpais", "com" of "elpais.com"; "guardian" of "The Guardian"
    ("the" may be left out). None if some word may not stand whole (unspaced scripts)."""
    folded = _fold(form)
    out = []
    for m in _WORDS.finditer(folded):
        word = m.group(0)
        whole = (m.start() > 0 or _spaced(form[0])) and (m.end() < len(folded) or _spaced(form[-1]))
        if not whole or not all(_spaced(c) for c in word):
            return None
        if word != "the":
            out.append(word)
    return out or None


_COMBINING_MARKS = re.compile("[\u0300-\u036f]+")
_WORDS = re.compile(r"\w+")
_NEEDLES: dict[int, tuple[Registry, _Needles]] = {}


def _fold(s: str) -> str:
    if s.isascii():
        return s.lower()
    return _COMBINING_MARKS.sub("", unicodedata.normalize("NFD", s)).lower()


def _spaced(c: str) -> bool:
    return c.isalnum() and ord(c) < 0x2E80


def _needles(reg: Registry) -> _Needles:
    cached = _NEEDLES.get(id(reg))
    if cached is None or cached[0] is not reg:
        if len(_NEEDLES) > 8:
            _NEEDLES.clear()
        cached = _NEEDLES[id(reg)] = (reg, _Needles(reg))
    return cached[1]


_THAT_END = re.compile(r"\bthat$")
_NAMING = re.compile(
    r"\b(?:the (?:term|phrase|word|name|slogan|hashtag|label|nickname)|(?:is|are|was|were|be|"
    r"been|being|what[’']s|what is|often|commonly|also) (?:called|known as|termed|nicknamed)|"
    r"known as)$",
    re.IGNORECASE,
)
_INNER_SENTENCE = re.compile(r"\w[.!?]\s+[A-Z]")


def _outlet(found: _Outlets | None, frame: Frame, sp: Speech) -> tuple[str | None, str | None]:
    """The outlet or platform the quote appeared in, and the language to expect there."""
    around = f"{frame.before} {frame.after}"
    hit = None
    if found is not None:
        for candidate in (sp.outlet_text, sp.speaker, around):
            if candidate:
                hits = found.find_in(candidate)
                if candidate is around:
                    hits = [h for h in hits if _credited(around, h[1])]
                if hits:
                    hit = hits[0][0]
                    if candidate is around:
                        # the outlet nearest the quote
                        hit = min(hits, key=lambda h: _distance(h[1], len(frame.before)))[0]
                    break
    reg = found.reg if found is not None else None
    platform, _doc = medium(around)
    if hit is None and platform and reg is not None:
        hit = reg.find(platform)
    found = hit
    if found is not None:
        return found.name, found.language
    if sp.outlet_text and _MEDIA_NAME.search(sp.outlet_text):
        return sp.outlet_text, None  # "told the Example Courier", "told WXYZ"
    if platform is None:
        named = _PUBLISHED_IN.search(around)
        if named:  # "in a study published in the journal Example Medicine"
            return named.group(1).rstrip("."), None
    return platform, None


# A name after "told" that is not in the registry counts as an outlet only if it looks like
# one: "told the Example Courier" is; "told the Finance Committee" is not.
_MEDIA_NAME = re.compile(
    r"\b(?:News|Times|Post|Radio|TV|Television|Journal|Daily|Courier|Gazette|Herald|Tribune|"
    r"Press|Magazine|Network|Channel|Broadcasting|Chronicle|Observer|Guardian|Telegraph|Mail|"
    r"Express|Star|Review|Today|Weekly|Online|Wire|Media|Podcast)\b|^[A-Z]{2,5}$"
)
_PUBLISHED_IN = re.compile(
    r"\b(?:in|by|to|on) the (?:journal|newspaper|magazine|paper|website|blog|news site|"
    r"broadcaster|network|channel|podcast|show|programme|program) "
    r"([A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,4})"
)


_CREDIT_BEFORE = re.compile(
    r"(?:\b(?:to|in|with|on|told|by|from|for|via|of)|according to)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:[\w’'-]+\s+){0,3}$",
    re.IGNORECASE,
)
_CUE_AFTER = re.compile(r"^\s*(?:\w+\s+){0,1}(?:reported|said|says|wrote|published|quoted|cited)")


def _credited(text: str, span: tuple[int, int]) -> bool:
    """An outlet named as where the words appeared ("told El País", "Infobae reported"), not one
    merely mentioned nearby (a photo credit)."""
    before = text[max(0, span[0] - 40) : span[0]]
    if re.search(r"(?:credit|photo|image|©)\W*$", before, re.IGNORECASE):
        return False
    return bool(_CREDIT_BEFORE.search(before) or _CUE_AFTER.match(text[span[1] :]))


def _distance(span: tuple[int, int], anchor: int) -> int:
    return min(abs(span[0] - anchor), abs(span[1] - anchor))


def _default_registry() -> Registry | None:
    try:
        from ..outlets import default_registry
    except ImportError:  # pragma: no cover - the registry ships with the package
        return None
    return default_registry()


def speaker_in_source(page_text: str, span: tuple[int, int]) -> tuple[str | None, bool]:
    """Who a source page gives the words at `span` (offsets into page_text) to, and whether that
    is a named person. Used to catch a quote that stands in a source under another name."""
    for a in _page_attributions(page_text):
        s, e = a.span
        if s < span[1] and span[0] < e and a.speaker and a.kind != "scare":
            person = a.speaker[:1].isupper() and not is_org(a.speaker.split())
            return a.speaker, person
    return None, False


@lru_cache(maxsize=64)
def _page_attributions(page_text: str) -> tuple[Attribution, ...]:
    """A source page's own attributions, computed once per page for all the quotes checked on it."""
    from ..document import load_text

    return tuple(extract(load_text(page_text, "<page>", "text"), outlets=False, reported=False))

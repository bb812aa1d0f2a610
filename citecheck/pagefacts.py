"""What is worked out once per source page, whichever quotes are checked on it: its language, its
tokens for the matcher and its own quotations' speakers.

One `check` keeps these in per-process caches. A batch run works them out once per run and keeps
them beside the page in its store, so that two workers (or a restarted run) reading the same page
do not redo them: as plain data (`to_data` / `from_data`), never pickles, since a store on a
shared file system is no place to load code from; stamped with the code they came from.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass
from importlib import resources

from .attribution import PageSpeaker, page_speakers
from .match import PreparedPage, prepare_page, prepared_from_tokens
from .text.language import detect


@dataclass(frozen=True)
class PageFacts:
    """A page's language as its text reads (None: too little text to tell), its tokens, and its
    own quotations with a named speaker."""

    language: str | None
    prepared: PreparedPage
    speakers: tuple[PageSpeaker, ...]


def page_facts(text: str) -> PageFacts:
    """Work everything out for one page's text."""
    return PageFacts(detect(text), prepare_page(text), page_speakers(text))


@functools.cache
def fingerprint() -> str:
    """The code the facts come from (tokeniser, extractor, language identification, their data
    files): facts kept by other code, a run resumed after an upgrade, are worked out again."""
    h = hashlib.sha256()
    for package in ("attribution", "match", "text", "model"):
        package = f"citecheck.{package}"
        for f in sorted(resources.files(package).iterdir(), key=lambda f: f.name):
            if f.name.endswith((".py", ".json", ".gz", ".tsv", ".toml")):
                h.update(f.name.encode() + f.read_bytes())
    h.update(resources.files("citecheck").joinpath("document.py").read_bytes())  # load_text
    return h.hexdigest()[:16]


def to_data(facts: PageFacts) -> dict:
    """JSON-ready data, without the page's text (the store keeps it once, with the page)."""
    pp = facts.prepared
    return {
        "code": fingerprint(),
        "language": facts.language,
        "norms": list(pp.norms),
        "starts": list(pp.starts),
        "ends": list(pp.ends),
        "speakers": [[s.start, s.end, s.speaker, s.person] for s in facts.speakers],
    }


def from_data(text: str, data: dict) -> PageFacts:
    """The facts `to_data` kept for `text`. Raises ValueError when they were kept by other
    code or do not fit the text: the caller works them out again."""
    try:
        if data["code"] != fingerprint():
            raise ValueError("page facts kept by another version of citecheck")
        norms, starts, ends = data["norms"], data["starts"], data["ends"]
        if not (len(norms) == len(starts) == len(ends)) or not _spans_fit(starts, ends, text):
            raise ValueError("the kept tokens do not fit the page's text")
        if not all(isinstance(t, str) for t in norms):
            raise ValueError("kept tokens that are no words")
        speakers = tuple(PageSpeaker(int(a), int(b), str(w), bool(p))
                         for a, b, w, p in data["speakers"])  # fmt: skip
        if any(not 0 <= s.start <= s.end <= len(text) for s in speakers):
            raise ValueError("a kept speaker outside the page's text")
        language = data["language"]
        if language is not None and not isinstance(language, str):
            raise ValueError("a kept language that is no language code")
        prepared = prepared_from_tokens(text, norms, starts, ends)
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"kept page facts unreadable: {exc!r}") from None
    return PageFacts(language, prepared, speakers)


def _spans_fit(starts: list, ends: list, text: str) -> bool:
    """Token spans as tokenize gives them: integers, each inside the text, in order."""
    last = 0
    for a, b in zip(starts, ends, strict=True):
        if type(a) is not int or type(b) is not int or not last <= a <= b <= len(text):
            return False
        last = b
    return True

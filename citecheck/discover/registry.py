"""What the outlet registry says about where a quote's source lives and what to search for."""

from __future__ import annotations

import re

from citecheck.model import Attribution
from citecheck.outlets import Outlet, Registry

# Words too common to make an exact-phrase search distinctive.
_STOP = frozenset(
    """a about after all also am an and any are as at be been before being but by can could did do
    does for from had has have he her here him his how i if in into is it its just me more most my
    no not now of on or our out over she so some such than that the their them then there these they
    this those to too up us was we were what when where which who will with would you your
    de del el en es la las los lo por que se un una y""".split()
)
# Where a phrase cannot run on: sentence ends, marked omissions and insertions, inner quotes.
_BREAK = re.compile(r"\[[^\]]*\]|\.\.\.|…|[.!?;:]+(?=\s|$)|[\"“”«»()]")
_WORD = re.compile(r"\w(?:[\w'’-]*\w)?(?:[.,]\d+)*")


def outlet_for(attr: Attribution, registry: Registry) -> Outlet | None:
    """The registry's entry for the outlet the draft credits, if it knows it."""
    return registry.find(attr.outlet) if attr.outlet else None


def expected_language(attr: Attribution, registry: Registry) -> str | None:
    """The language the source is likely in: the outlet's, else what attribution guessed."""
    outlet = outlet_for(attr, registry)
    return (outlet.language if outlet else None) or attr.language


def _weight(word: str, first: bool) -> float:
    if word.lower() in _STOP:
        return 0.2
    bonus = 0.5 if any(c.isdigit() for c in word) else 0.0
    bonus += 0.5 if word[0].isupper() and not first else 0.0
    return 1.0 + bonus + min(len(word), 12) / 12


def distinctive_phrase(quote: str, shortest: int = 6, longest: int = 10, target: int = 8) -> str:
    """The run of ~6-10 words of the quote that an exact-phrase search would find it by.

    Rare, long, capitalised and numeric words score; stopwords at the edges and distance from
    `target` words cost. The run never crosses an omission, an insertion or a sentence end, since
    the source would not have it in one piece.
    """
    best, best_score = "", float("-inf")
    for segment in _BREAK.split(quote):
        words = _WORD.findall(segment)
        if not words:
            continue
        weights = [_weight(w, i == 0) for i, w in enumerate(words)]
        sizes = range(min(shortest, len(words)), min(longest, len(words)) + 1)
        for n in sizes:
            for i in range(len(words) - n + 1):
                run = words[i : i + n]
                score = sum(weights[i : i + n]) - 0.5 * abs(n - target)
                score -= (run[0].lower() in _STOP) + (run[-1].lower() in _STOP)
                if score > best_score:
                    best, best_score = " ".join(run), score
    return best


def search_plan(attr: Attribution, registry: Registry) -> tuple[str, ...]:
    """Human-readable queries a search back-end would run for this quote, best first.

    On the outlet's own domains first; when the outlet publishes in another language, the quote is
    likely a translation, so also the speaker on those domains; then the phrase on the open web.
    """
    phrase = distinctive_phrase(attr.quote) if attr.checkable else ""
    if not phrase:
        return ()
    outlet = outlet_for(attr, registry)
    language = expected_language(attr, registry)
    lang = f" lang:{language}" if language and language != "en" else ""
    speaker = f' "{attr.speaker}"' if attr.speaker else ""
    plan = []
    if outlet and outlet.domains:
        site = " OR ".join(f"site:{d}" for d in outlet.domains)
        site = f"({site})" if len(outlet.domains) > 1 else site
        plan.append(f'{site} "{phrase}"{lang}')
        if lang and speaker:
            date = f" {attr.date_hint}" if attr.date_hint else ""
            plan.append(f"{site}{speaker}{date}{lang}")
    plan.append(f'"{phrase}"{speaker}')
    return tuple(dict.fromkeys(plan))

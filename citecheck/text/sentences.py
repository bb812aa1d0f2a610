"""Sentences of a text with their spans, in the main languages of news copy.

One splitter for every stage that reads sentences of a source page or a draft's paragraph:
cross-language location, reported-speech support, the window of links near a quote, and who a
foreign page gives a passage to. It knows abbreviations ("Dr.", "No. 5", "U.S."), closing quote
marks after a stop, and headings glued to the first sentence of a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

Span = tuple[int, int]

_END = re.compile(r"[.!?…]+(?:\s*[\"'»”’)\]])*")
_NEXT = re.compile(r"\s+(?=[\"'«“„‘(\[¿¡—–-]{0,2}\s?[^\W\d_a-zа-яё]|\d)")
_ABBREV = frozenset(
    "mr mrs ms dr prof st sr sra srta jr gen gov sen rep lt col capt sgt mt ft inc co corp ltd "
    "no nr nº vs etc jan feb mar apr jun jul aug sep sept oct nov dec approx av avda dña dª "
    "z.b bzw ca vgl hr fr mme mlle me cf p pp vol art núm tel г гг т.е им ул тыс млн млрд "
    "u.s u.k e.u a.m p.m".split()
)
_NUMBERED = frozenset("no nr nº núm art vol p pp".split())  # abbreviations before a number
# Capitalised words that begin a sentence, never a name: a heading glued to the first sentence
# ("... Tamblewick Rovers Les Westbank Wanderers ont ...") is cut before them.
_STARTERS = {
    "en": "The An He She They It We In On At But And This That These Those There His Her "
    "Their Its After Before When While However Police Officials",
    "es": "El La Los Las Un Una Unos Unas Él Ella Ellos Ellas Este Esta Estos Estas Ese Esa En "
    "Con Para Por Según Pero Sin Tras Durante Desde Su Sus Se No Al Del",
    "pt": "O A Os As Um Uma Uns Umas Ele Ela Eles Elas Este Esta Estes Estas Esse Essa Em No Na "
    "Nos Nas Com Para Por Segundo Mas Sem Após Durante Desde Seu Sua Seus Suas Ao Do Da",
    "fr": "Le La Les Un Une Des Il Ils Elle Elles Nous On Ce Cette Ces Cet Dans Selon Mais Pour "
    "Au Aux En Lors Après Avant Depuis Pendant Son Sa Ses Leur Leurs Du",
    "de": "Der Die Das Ein Eine Einer Er Sie Es Wir Ich Dies Diese Dieser Im In Am Auf Mit Nach "
    "Bei Aber Und Sein Seine Ihr Ihre Laut Wie Vor Seit",
    "ru": "В На По Он Она Они Оно Это Этот Эта Эти Но А И С Из За После До При Как Его Её Их "
    "Когда Однако Также",
    "it": "Il Lo La I Gli Le Un Una Uno Lui Lei Loro Questo Questa Nel Nella Con Per Secondo Ma",
}
_NAMES_AFTER = re.compile(
    r"(?:Los Angeles|Las Vegas|La Paz|La Liga|Le Monde|Le Figaro|Le Mans|El Salvador|El País|"
    r"El Mundo|Der Spiegel|Die Zeit|Die Welt|The Times|The Guardian|The New)\b"
)


def _starter_re(lang: str | None) -> re.Pattern:
    words = _STARTERS.get(lang or "") or " ".join(_STARTERS.values())
    alts = "|".join(sorted(set(words.split()), key=len, reverse=True))
    return re.compile(rf"(?<=[^\W_]|[%)])\s+(?=(?:{alts})\s+[^\W\d_])")


_WORD_BEFORE = re.compile(r"([^\W\d_]+(?:\.[^\W\d_]+)*)$")
_LOOKBACK = 40  # no abbreviation is longer; reading further back made long paragraphs quadratic


def _word_before(chunk: str, at: int) -> str:
    """The word (or dotted abbreviation, "u.s") that ends at `at`, case-folded; "" when there is
    none or it is longer than any abbreviation. Reads a bounded window, so splitting a paragraph
    stays linear in its length."""
    lo = max(0, at - _LOOKBACK)
    before = _WORD_BEFORE.search(chunk, lo, at)
    if not before or (before.start() == lo and lo > 0 and chunk[lo - 1].isalpha()):
        return ""
    return before.group(1).casefold()


@dataclass(frozen=True)
class Sentence:
    text: str
    span: Span
    paragraph: int


def split_sentences(text: str, lang: str | None = None) -> list[Sentence]:
    """Sentences of `text` with their spans, paragraph by paragraph (offsets into `text`)."""
    starter = _starter_re(lang)
    out: list[Sentence] = []
    for p, para in enumerate(re.finditer(r"[^\n]+", text)):
        cuts = {para.start(), para.end()}
        chunk = para.group()
        for m in _END.finditer(chunk):
            nxt = _NEXT.match(chunk, m.end())
            if not nxt or nxt.end() >= len(chunk):
                continue
            if m.group().startswith(".") and len(m.group().rstrip("\"'»”’)] ")) == 1:
                word = _word_before(chunk, m.start())
                if word in _NUMBERED:
                    if chunk[nxt.end() : nxt.end() + 1].isdigit():
                        continue
                elif word in _ABBREV or (len(word) == 1 and chunk[m.start() - 1].isupper()):
                    continue
            cuts.add(para.start() + m.end())
        for m in starter.finditer(chunk):
            if not _NAMES_AFTER.match(chunk, m.end()):
                cuts.add(para.start() + m.start())
        bounds = sorted(cuts)
        for a, b in zip(bounds, bounds[1:], strict=False):
            seg = text[a:b]
            lead = len(seg) - len(seg.lstrip())
            seg = seg.strip()
            if len(re.findall(r"\w", seg)) >= 2:
                out.append(Sentence(seg, (a + lead, a + lead + len(seg)), p))
    return out

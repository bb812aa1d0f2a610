"""What survives any faithful translation, checked without a translator.

Every number of the quote must stand in the passage (`text.numbers`), a negation must be on
both sides or on neither (`text.negation`), and on a page in Latin script the quote's names must
stand in the passage, accents folded. Each failure is one reason; a translation in the quote's
language, when there is one, settles what a cross-language reading could not.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from ..model import Difference, DiffOp
from ..text.folding import fold
from ..text.negation import negation_mismatch
from .readings import numbers_checked

_NOT_NAMES = frozenset(
    "i monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december jan feb mar apr jun jul aug sep "
    "sept oct nov dec mr mrs ms dr prof rev sir lord lady dame st saint pope president minister "
    "prime secretary chancellor senator sen governor gov mayor king queen prince princess judge "
    "justice general gen chief police army court parliament government ministry state states "
    "republic union party league cup club council committee university college school city "
    "county street road north south east west northern southern eastern western central upper "
    "lower new old great greater english american british european african asian christian "
    "muslim jewish catholic god internet tv the a an he she they we it his her their our my you "
    "in on at but and or for of to by from with this that there these those then when while if "
    "as after before during what who how why where department office house senate congress "
    "assembly national international federal royal airport hospital station bank "
    "championship open premier division team day week year magistrates crown high supreme "
    "district".split()
)
_CAP = re.compile(r"(?<![\w'’])[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*(?![\w])|(?<=\s)[A-Z]\.(?=\s)")


def quote_names(quote: str) -> list[str]:
    """The surnames of the people (and like names) a quote names: the last word of two or more
    capitalised words in a row ("Andres Manuel Lopez Obrador" -> "Obrador"), titles and common
    words left out, and not after "the" ("the White House"). Places and nationalities are
    translated ("Beijing" is "Pékin"), so single capitalised words are not checked."""
    out = []
    run: list[re.Match] = []

    def close() -> None:
        words = [m.group() for m in run if not m.group().endswith(".")]
        if words and words[-1][:-2].casefold() in _NOT_NAMES:
            words.pop()
        if len(run) >= 2 and len(words) >= 2:
            before = quote[: run[0].start()].rstrip()
            if not re.search(r"\b(?:the|The)$", before):
                out.append(words[-1])
        run.clear()

    for m in _CAP.finditer(quote):
        word = m.group()
        if run and not re.fullmatch(r"\s+", quote[run[-1].end() : m.start()]):
            close()
        if word.casefold().strip(".") in _NOT_NAMES:
            close()
            continue
        run.append(m)
        if word.endswith(("'s", "’s")):  # "Grant Anderson's" ends a name
            close()
    close()
    return list(dict.fromkeys(w.split("'")[0].split("’")[0] for w in out))


def _latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, ""))
    return bool(letters) and latin / len(letters) > 0.8


def check_names(
    quote: str, passage: str, *, translation: str | None = None, lang: str | None = None
) -> str | None:
    """On a page in Latin script (or with a translation), each name of the quote must stand in
    the passage, accents folded and transliteration allowed: "Khodorkovsky" is "Jodorkovski"
    in Spanish and "Chodorkowski" in German, "Zelensky" is "Selenskyj", "Putin" "Poutine"
    (`lang`: the passage's language, whose spelling of foreign sounds is undone)."""
    texts = [(t, lg) for t, lg in ((passage, lang), (translation, "en")) if t and _latin(t)]
    if not texts:
        return None  # another script and no translation: names cannot be compared
    folded = [(set(re.findall(r"\w+", fold(t))), lg) for t, lg in texts]
    for name in quote_names(quote):
        parts = [p for p in re.split(r"[-']", fold(name)) if len(p) >= 3]
        for part in parts:
            if any(part in words for words, _ in folded):
                continue
            key = _sound(part, "en")
            pairs = [(w, _sound(w, lg)) for words, lg in folded for w in words if len(w) >= 3]
            if any(_close(part, w) or _close(key, k) for w, k in pairs):
                continue
            if _first_name_alone(quote, name, [t for t, _ in texts]):
                continue
            return f"name: '{name}' in the quote is not in the source passage"
    return None


def _first_name_alone(quote: str, surname: str, texts: list[str]) -> bool:
    """The source names the person by the first name the quote gives, with no surname after
    it ("Asesinato de Wayde:" for "Wayde Sims shooting"): the same person. A first name
    followed by another capitalised word ("Wayde Simpson") is someone else."""
    m = re.search(rf"\b([A-Z][a-z]{{3,}})\s+{re.escape(surname)}\b", quote)
    if not m:
        return False
    first = fold(m.group(1))
    for text in texts:
        for w in re.finditer(r"\w+", text):
            if fold(w.group()) == first:
                after = text[w.end() :].lstrip()
                if not after or not after[0].isupper():
                    return True
    return False


# How each language spells the sounds of a name from another script, undone to one key
_SPELLING = {
    "en": (("tch", "C"), ("ch", "C"), ("kh", "H"), ("zh", "J"), ("sh", "S")),
    "es": (("ch", "C"), ("j", "H"), ("sh", "S")),
    "pt": (("tch", "C"), ("ch", "S"), ("kh", "H"), ("j", "J"), ("sh", "S"), ("lh", "l")),
    "fr": (("tch", "C"), ("ch", "S"), ("kh", "H"), ("j", "J"), ("ou", "u")),
    "de": (("tsch", "C"), ("sch", "S"), ("ch", "H"), ("j", "y"), ("w", "v"), ("ss", "s")),
}


def _sound(word: str, lang: str | None) -> str:
    """A transliteration key: the language's spellings undone, y as i, w as v, doubled letters
    single, a final mute e dropped."""
    for a, b in _SPELLING.get(lang or "en", _SPELLING["en"]):
        word = word.replace(a, b)
    word = word.replace("y", "i").replace("w", "v")
    word = re.sub(r"(.)\1+", r"\1", word)
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


def _close(a: str, b: str) -> bool:
    """A few letters of transliteration apart, the start kept ("Macron" is not "Micron"), or
    a long name nearly the same (Zelenski / Selenski)."""
    ratio = difflib.SequenceMatcher(None, a, b).ratio()
    return ratio >= 0.8 and (a[:3] == b[:3] or (ratio >= 0.85 and min(len(a), len(b)) >= 7))


Problem = tuple[Difference, str]  # what differs, and the reason shown

# Set phrases that hold a negating word and do not negate: "no obstante" (however), "тем не
# менее" (nevertheless), "не раз" (more than once), "nada más llegar" (as soon as), and "not
# only ... but" in every language (a translation may say "as well as"). Not "чуть не упал"
# (almost fell): "he fell" would pass.
_IDIOMS = {
    "en": r"\bnot only\b(?=.*\bbut\b)",
    "es": r"\bno\s+obstante\b|\bno\s+(?:s[oó]lo|solamente)\b(?=.*\bsino\b)"
    r"|\bnada\s+más\s+(?=\w+(?:ar|er|ir)\b)",
    "pt": r"\bnão\s+(?:só|apenas|somente)\b(?=.*\bmas\b)",
    "fr": r"\bnon\s+seulement\b",
    "de": r"\bnicht\s+nur\b(?=.*\bsondern\b)",
    "ru": r"\bтем\s+не\s+менее\b|\bне\s+раз\b|\bне\s+только\b(?=.*\b(?:но|а)\s+и\b)",
}


def _without_idioms(text: str, lang: str | None) -> str:
    idioms = _IDIOMS.get(lang or "en")
    return re.sub(idioms, " ", text, flags=re.IGNORECASE | re.DOTALL) if idioms else text


def negation_checked(quote: str, qlang, passage: str, plang) -> str | None:
    """`negation_mismatch` with the set phrases that do not negate left out of both sides."""
    return negation_mismatch(
        _without_idioms(quote, qlang), qlang, _without_idioms(passage, plang), plang
    )


def safety(
    quote: str,
    qlang: str | None,
    passage: str,
    plang: str | None,
    translation: str | None = None,
) -> list[Problem]:
    """Numbers, negation and names of the quote against the passage, most serious first."""
    problems: list[Problem] = []
    for kind, check in (
        (Difference.NUMBER, numbers_checked),
        (Difference.NEGATION, negation_checked),
    ):
        why = check(quote, qlang, passage, plang)
        if why and translation is not None:
            # a translation in the quote's language settles what a cross-language reading
            # could not (number words, idioms of negation)
            why = why if check(quote, qlang, translation, qlang) else None
        if why:
            problems.append((kind, why))
    why = check_names(quote, passage, translation=translation, lang=plang)
    if why:
        problems.append((Difference.NAME, why))
    return problems


def word_diff(source: str, quote: str) -> tuple[DiffOp, ...]:
    """Word diff in the matcher's convention: "=" both, "-" source only, "+" quote only."""
    a, b = source.split(), quote.split()
    key = lambda ws: [re.sub(r"\W+", "", fold(w)) for w in ws]  # noqa: E731
    ops: list[list[str]] = []
    sm = difflib.SequenceMatcher(None, key(a), key(b), autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        parts = [("=", a[i1:i2])] if tag == "equal" else [("-", a[i1:i2]), ("+", b[j1:j2])]
        for op, ws in parts:
            if not ws:
                continue
            if ops and ops[-1][0] == op:
                ops[-1][1] += " " + " ".join(ws)
            else:
                ops.append([op, " ".join(ws)])
    return tuple((op, t) for op, t in ops)

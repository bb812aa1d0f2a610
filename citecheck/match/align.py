"""Find the passage of a page a quote comes from, and grade how faithfully it is quoted.

Both sides are cut into word tokens (CJK and Thai: one token per character) normalised with NFKC,
casefold and unified apostrophes; punctuation between tokens is kept apart as a "separator", so a
dropped comma is a punctuation difference, never a word difference. Every page token keeps its
offsets into the original text, so passages and diffs quote the page's own characters.

Matching runs in two steps:

1. Exact: the quote's parts (split at its marked edits: ``…``, ``...``, ``[...]`` omissions and
   ``[bracketed]`` insertions) are found with ``str.find`` over the page encoded one character per
   token. Equal words with different separators or case make it "close".
2. Fuzzy: ``rapidfuzz.fuzz.partial_ratio_alignment`` locates the best window of tokens, and
   ``rapidfuzz.distance.Indel.opcodes`` aligns quote and window word by word. Each difference is
   then judged: an edit the draft marked, an equivalent spelling (hyphenation, contraction,
   spelling variant, accent, digit grouping), or a real change (word, number, negation).

Diff convention: "=" runs are the page's words; "-" runs are page words the quote lacks (for an
"exact" grade only the omissions and substitutions the draft marked); "+" runs are quote words the
page lacks, and a bracketed editorial insertion appears as "+" with its brackets, e.g. "[sic]".
"""


from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from ..model import Difference, DiffOp, Grade, Match
from ..text.negation import negated
from .tokens import (
    PreparedPage,
    Quote,
    digit_numbers,
    equivalent,
    form,
    parse_quote,
    prepare_cached,
    shorten,
    tokenize,
    words,
)

OMIT_MAX_CHARS = 600  # an ellipsis stands for at most this much page text
SUB_MAX_TOKENS = 6  # a [bracketed] substitution replaces at most this many page words
MIN_COVERAGE = 0.6  # share of the quote's words the passage must hold to be "the same passage"
MIN_MATCHED = 3  # ... and at least this many words (short quotes must otherwise be exact)
MAX_CHAINS = 200  # occurrences of a quote's first part tried in the exact step

# --- matching ----------------------------------------------------------------------------------


@dataclass
class _Unit:
    """One difference between quote and page: page tokens [sa, sb) vs quote tokens [qa, qb)."""

    qa: int
    qb: int
    sa: int
    sb: int
    kind: str = ""  # marked | equivalent | number | negation | changed | dropped | added
    reason: str = ""


_SEVERITY = ["number", "negation", "changed", "dropped", "added"]


def match_quote(quote: str, page: str | PreparedPage, url: str = "") -> Match:
    """Find the best passage of `page` for `quote` and grade it exact/close/altered/none."""
    pp = page if isinstance(page, PreparedPage) else prepare_cached(page)
    q = parse_quote(quote)
    if not q.norms:
        return Match(url, Grade.NONE, 0.0, reason="the quote has no words")
    if q.marks:  # the page may print the same brackets or dots: try the quote as it stands
        plain = Quote(quote, *tokenize(quote), {})
        found = _exact(pp, plain, "".join(pp.vocab.get(t, "\x01") for t in plain.norms))
        if found is not None and not _surface_diffs(pp, plain, found[0]):
            return _build(pp, plain, url, *found)
    qcode = "".join(pp.vocab.get(t, "\x01") for t in q.norms)
    found = _exact(pp, q, qcode)
    if found is not None:
        return _build(pp, q, url, *found)
    return _scattered(pp, q, qcode, url) or _fuzzy(pp, q, qcode, url)


def _exact(pp: PreparedPage, q: Quote, qcode: str):
    """Place the quote's parts verbatim (words only); the best placement or None."""
    parts = _parts(q)
    best = None
    for tried, placing in enumerate(_placements(pp, q, qcode, parts)):
        blocks = [(a, b, s, s + b - a) for (a, b), s in zip(parts, placing, strict=True)]
        units = [
            _Unit(b1[1], b2[0], b1[3], b2[2], "marked")
            for b1, b2 in zip(blocks, blocks[1:], strict=False)
        ]
        result = (blocks, units)
        if not _surface_diffs(pp, q, blocks):
            return result
        if best is None:
            best = result
        if tried >= 20:
            break
    return best


def _parts(q: Quote) -> list[tuple[int, int]]:
    """Quote token ranges between the draft's marked edits."""
    bounds = [0, *sorted(p for p in q.marks if 0 < p < len(q.norms)), len(q.norms)]
    return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]


def _scattered(pp: PreparedPage, q: Quote, qcode: str, url: str) -> Match | None:
    """An ellipsis joining verbatim parts that stand out of order, or far apart: altered."""
    parts = _parts(q)
    if not any(q.marks[a][0] == "omit" for a, _ in parts[1:]):
        return None
    occurrences = []
    for a, b in parts:
        found, pos = [], pp.code.find(qcode[a:b])
        while pos != -1 and len(found) < 100:
            found.append(pos)
            pos = pp.code.find(qcode[a:b], pos + 1)
        if not found:
            return None
        occurrences.append(found)
    anchor = min(range(len(parts)), key=lambda k: len(occurrences[k]))
    best = None
    for pos in occurrences[anchor]:
        placing = [min(occ, key=lambda p, pos=pos: abs(p - pos)) for occ in occurrences]
        ends = [p + b - a for p, (a, b) in zip(placing, parts, strict=True)]
        span = (pp.starts[min(placing)], pp.ends[max(ends) - 1])
        if best is None or span[1] - span[0] < best[0][1] - best[0][0]:
            best = (span, placing)
    (s0, s1), placing = best
    ends = [p + b - a for p, (a, b) in zip(placing, parts, strict=True)]
    pairs = list(zip(placing[1:], ends[:-1], strict=True))  # (next part's start, this one's end)
    gaps = [pp.starts[p] - pp.ends[e - 1] for p, e in pairs]
    in_order = all(p >= e for p, e in pairs)
    if s1 - s0 > 5 * OMIT_MAX_CHARS or (in_order and max(gaps) <= OMIT_MAX_CHARS):
        return None  # too far to be one passage, or near enough: the fuzzy step judges it
    if in_order:
        reason = f"the parts joined by the ellipsis are {s1 - s0} characters apart in the source"
    else:
        reason = "the parts joined by the ellipsis stand in another order in the source"
    diff: list[DiffOp] = []
    for k, ((a, b), p) in enumerate(zip(parts, placing, strict=True)):
        diff += [("+", "…")] if k else []
        diff.append(("=", pp.slice(p, p + b - a)))
    blocks = [(a, b, p, p + b - a) for (a, b), p in zip(parts, placing, strict=True)]
    score = _score(pp, q, blocks, [])
    return Match(
        url, Grade.ALTERED, score, pp.text[s0:s1], (s0, s1), tuple(diff), reason,
        difference=Difference.SCATTERED,
    )  # fmt: skip


def _placements(pp: PreparedPage, q: Quote, qcode: str, parts: list[tuple[int, int]]):
    """Yield page start indices for every part: in order, and near where the draft marked edits."""
    code = pp.code

    def place(k: int, prev_end: int):
        if k == len(parts):
            yield []
            return
        a, b = parts[k]
        seg = qcode[a:b]
        kind = q.marks[a][0]
        texts = q.marks[a][1]
        if kind == "sub":
            for gap in range(SUB_MAX_TOKENS + 1):
                src = list(pp.norms[prev_end : prev_end + gap])
                if code.startswith(seg, prev_end + gap) and _mark_allows(kind, texts, src):
                    for rest in place(k + 1, prev_end + gap + b - a):
                        yield [prev_end + gap, *rest]
            return
        limit = pp.ends[prev_end - 1] + OMIT_MAX_CHARS
        pos = code.find(seg, prev_end)
        while pos != -1 and pp.starts[pos] <= limit:
            if _mark_allows(kind, texts, list(pp.norms[prev_end:pos])):
                for rest in place(k + 1, pos + b - a):
                    yield [pos, *rest]
            pos = code.find(seg, pos + 1)

    a, b = parts[0]
    pos = code.find(qcode[a:b])
    tries = 0
    while pos != -1 and tries < MAX_CHAINS:
        for rest in place(1, pos + b - a):
            yield [pos, *rest]
            break
        pos = code.find(qcode[a:b], pos + 1)
        tries += 1


def _surface(pp: PreparedPage, q: Quote, block) -> list[tuple[int, str]]:
    """Punctuation and case differences inside one matched run (first letter and edges
    excepted), as (token offset in the run, kind); punctuation sits before its token."""
    qa, qb, sa, _ = block
    found = []
    for i in range(1, qb - qa):
        qi, si = qa + i, sa + i
        if qi in q.marks:
            continue
        if q.sep(qi) != pp.sep(si):
            found.append((i, "punctuation"))
        a, b = form(q.slice(qi, qi + 1)), form(pp.slice(si, si + 1))
        if a != b:
            found.append((i, "case" if a.lower() == b.lower() else "spelling"))
    return found


def _surface_diffs(pp: PreparedPage, q: Quote, blocks) -> list[str]:
    return [kind for block in blocks for _, kind in _surface(pp, q, block)]


def _block_ops(pp: PreparedPage, q: Quote, block) -> list[tuple[int, DiffOp]]:
    """A matched run as diff ops: the page's words, with each punctuation or case difference
    shown as page words out, quote words in, so a "close" grade shows what is not the same."""
    qa, qb, sa, sb = block
    differ = set()
    for i, kind in _surface(pp, q, block):
        differ.update((i - 1, i) if kind == "punctuation" else (i,))
    ops: list[tuple[int, DiffOp]] = []
    i = 0
    while i < qb - qa:
        j = i
        while j < qb - qa and (j in differ) == (i in differ):
            j += 1
        if i in differ:
            ops += [
                (qa + i, ("-", words(pp, sa + i, sa + j))),
                (qa + i, ("+", words(q, qa + i, qa + j))),
            ]
        else:
            ops.append((qa + i, ("=", pp.slice(sa + i, sa + j))))
        i = j
    return ops


def _fuzzy(pp: PreparedPage, q: Quote, qcode: str, url: str) -> Match:
    """Align the quote with its most similar window of the page, then judge each difference."""
    n = len(qcode)
    if not pp.code:
        return Match(url, Grade.NONE, 0.0, reason="the page has no text")
    al = fuzz.partial_ratio_alignment(qcode, pp.code)
    if n <= len(pp.code):
        lo, hi = al.dest_start, al.dest_end
    else:
        lo, hi = 0, len(pp.code)
    omits = sum(1 for kind, _ in q.marks.values() if kind == "omit")
    margin = max(5, n // 2) + SUB_MAX_TOKENS * (len(q.marks) - omits) + 80 * omits
    lo, hi = max(0, lo - margin), min(len(pp.code), hi + margin)
    blocks = [
        (op.src_start, op.src_end, op.dest_start + lo, op.dest_end + lo)
        for op in Indel.opcodes(qcode, pp.code[lo:hi])
        if op.tag == "equal"
    ]
    blocks = _grow_ends(pp, qcode, _slide(pp, q, _trim_ends(q, blocks)))
    if not blocks:
        return Match(url, Grade.NONE, 0.0, reason="no passage close enough")
    units = [_Unit(b1[1], b2[0], b1[3], b2[2]) for b1, b2 in zip(blocks, blocks[1:], strict=False)]
    # words the quote has before the first / after the last match: pair with page words there
    first, last = blocks[0], blocks[-1]
    if first[0] > 0:
        units.insert(0, _edge_unit(pp, q, 0, first[0], first[2], before=True))
    if last[1] < n:
        units.append(_edge_unit(pp, q, last[1], n, last[3], before=False))
    for u in units:
        _judge(pp, q, u)
    matched = sum(b - a for a, b, _, _ in blocks)
    matched += sum(u.qb - u.qa for u in units if u.kind == "equivalent")
    if matched < min(MIN_MATCHED, n) or matched / n < MIN_COVERAGE:
        return Match(
            url,
            Grade.NONE,
            round(min(matched / n, al.score / 100), 3),
            reason=f"no passage close enough ({matched} of {n} words found together)",
        )
    return _build(pp, q, url, blocks, units)


def _trim_ends(q: Quote, blocks):
    """Drop a short matched run at either end that a long unmarked page gap cuts off."""

    def stray(short, gap_src, gap_q, at):
        return (short[1] - short[0]) * 3 < gap_src - gap_q and at not in q.marks

    while len(blocks) > 1 and stray(
        blocks[0], blocks[1][2] - blocks[0][3], blocks[1][0] - blocks[0][1], blocks[0][1]
    ):
        blocks = blocks[1:]
    while len(blocks) > 1 and stray(
        blocks[-1], blocks[-1][2] - blocks[-2][3], blocks[-1][0] - blocks[-2][1], blocks[-1][0]
    ):
        blocks = blocks[:-1]
    return blocks


def _grow_ends(pp: PreparedPage, qcode: str, blocks):
    """Extend the first and last runs over equal neighbours that trimming left outside."""
    if not blocks:
        return blocks
    qa, qb, sa, sb = blocks[0]
    while qa > 0 and sa > 0 and qcode[qa - 1] == pp.code[sa - 1]:
        qa, sa = qa - 1, sa - 1
    blocks = [(qa, qb, sa, sb), *blocks[1:]]
    qa, qb, sa, sb = blocks[-1]
    while qb < len(qcode) and sb < len(pp.code) and qcode[qb] == pp.code[sb]:
        qb, sb = qb + 1, sb + 1
    return [*blocks[:-1], (qa, qb, sa, sb)]


def _slide(pp: PreparedPage, q: Quote, blocks):
    """Move page-only gaps that LCS placed arbitrarily among equal-cost places: onto the draft's
    marked edit if it can, else off the passage's edge (so "more [years. More] than" loses the
    stray first "more")."""
    code, blocks = pp.code, [list(b) for b in blocks]
    i = 0
    while i < len(blocks) - 1:
        a, b = blocks[i], blocks[i + 1]
        if a[1] != b[0] or b[2] == a[3]:
            i += 1
            continue
        left = right = 0
        while left < a[1] - a[0] and code[a[3] - 1 - left] == code[b[2] - 1 - left]:
            left += 1
        while right < b[1] - b[0] and code[a[3] + right] == code[b[2] + right]:
            right += 1
        at = [m - a[1] for m in q.marks if -left <= m - a[1] <= right]
        if a[1] in q.marks:
            d = 0
        elif at:
            d = at[0]
        elif i == 0 and left == a[1] - a[0]:
            d = -left
        elif i == len(blocks) - 2 and right == b[1] - b[0]:
            d = right
        else:
            d = 0
        if not d:
            i += 1
            continue
        a[1] += d
        a[3] += d
        b[0] += d
        b[2] += d
        if a[1] == a[0] or b[1] == b[0]:
            blocks.remove(a if a[1] == a[0] else b)
            i = 0
        else:
            i += 1
    return [tuple(b) for b in blocks]


def _edge_unit(pp: PreparedPage, q: Quote, qa: int, qb: int, s: int, before: bool) -> _Unit:
    """One or two quote words unmatched at an edge stand for as many page words next to the
    passage (a swapped first or last word); more are words added."""
    quo = q.norms[qa:qb]
    room = s if before else len(pp.norms) - s
    best = min(qb - qa, room) if qb - qa <= 2 else 0
    for k in range(1, min(qb - qa + 2, room) + 1):
        src = pp.norms[s - k : s] if before else pp.norms[s : s + k]
        if equivalent(list(src), quo):
            best = k
            break
    return _Unit(qa, qb, s - best, s) if before else _Unit(qa, qb, s, s + best)


def _mark_allows(kind: str, texts: list[str], src: list[str]) -> bool:
    """A marked edit may stand for page words, but not hide a negation or a number: "will [...]
    raise" for "will not raise" reverses the meaning however honestly it is marked."""
    if kind == "sub":
        bracket = tokenize(" ".join(texts))[0]
        return (
            len(src) <= SUB_MAX_TOKENS
            and (negated(bracket) or not negated(src))
            and set(digit_numbers(src)) <= set(digit_numbers(bracket))
        )
    return len(src) > 3 or not negated(src)


def _phrase(quo: str, src: str) -> str:
    if quo and src:
        return f"'{quo}' for '{src}'"
    return f"'{src}' dropped" if src else f"'{quo}' added"


def _judge(pp: PreparedPage, q: Quote, u: _Unit) -> None:
    """Classify one difference: marked by the draft, equivalent spelling, or a real change."""
    src, quo = list(pp.norms[u.sa : u.sb]), q.norms[u.qa : u.qb]
    mark = next((q.marks[p] for p in range(u.qa, u.qb + 1) if p in q.marks), None)
    s_txt, q_txt = shorten(pp.slice(u.sa, u.sb)), shorten(q.slice(u.qa, u.qb))
    if not quo and mark:
        kind, texts = mark
        near = kind == "sub" or pp.starts[u.sb] - pp.ends[u.sa - 1] <= OMIT_MAX_CHARS + 2
        if near and _mark_allows(kind, texts, src):
            u.kind = "marked"
            return
        if near and negated(src):
            edit = "ellipsis" if kind == "omit" else "bracket"
            u.kind, u.reason = "negation", f"the {edit} hides a negation: '{s_txt}'"
            return
    if equivalent(src, quo):
        u.kind, u.reason = "equivalent", f"spelled differently: {_phrase(q_txt, s_txt)}"
    elif digit_numbers(src) != digit_numbers(quo):
        u.kind = "number"
        numbers = " ".join(digit_numbers(quo)), " ".join(digit_numbers(src))
        u.reason = "number differs: " + _phrase(*numbers)
    elif negated(src) != negated(quo):
        u.kind, u.reason = "negation", f"negation differs: {_phrase(q_txt, s_txt)}"
    elif src and quo:
        n = "word" if len(src) == len(quo) == 1 else "words"
        u.kind, u.reason = "changed", f"{n} changed: {_phrase(q_txt, s_txt)}"
    elif src:
        count = f"{len(src)} word{'s' if len(src) > 1 else ''}"
        u.kind, u.reason = "dropped", f"{count} dropped without an ellipsis: '{s_txt}'"
    else:
        u.kind, u.reason = "added", f"words added: '{q_txt}'"


def _build(pp: PreparedPage, q: Quote, url: str, blocks, units: list[_Unit]) -> Match:
    """Grade, diff, passage and score from matched runs and judged differences."""
    altered = [u for u in units if u.kind in _SEVERITY]
    surface = _surface_diffs(pp, q, blocks)
    spelled = [u for u in units if u.kind == "equivalent"]
    difference = None
    if altered:
        altered.sort(key=lambda u: _SEVERITY.index(u.kind))
        grade, reason = Grade.ALTERED, altered[0].reason
        difference = Difference(altered[0].kind)
        if len(altered) > 1:
            reason += f" (and {len(altered) - 1} more difference{'s' * (len(altered) > 2)})"
    elif spelled or surface:
        grade, difference = Grade.CLOSE, Difference.SPELLING
        reason = spelled[0].reason if spelled else f"{surface[0]} differs"
    else:
        grade = Grade.EXACT
        marked = [u for u in units if u.kind == "marked" and u.sb > u.sa]
        reason = "verbatim"
        if q.marks:
            reason = "verbatim, with the draft's marked edits"
        if marked:
            reason += f" ({sum(u.sb - u.sa for u in marked)} page words left out or replaced)"
    spans = [(u.sa, u.sb) for u in units if u.sb > u.sa] + [(b[2], b[3]) for b in blocks]
    s0, s1 = min(a for a, _ in spans), max(b for _, b in spans)
    diff = _diff(pp, q, blocks, units)
    score = 1.0 if grade is Grade.EXACT else _score(pp, q, blocks, units)
    return Match(
        url=url,
        grade=grade,
        score=score,
        passage=pp.slice(s0, s1),
        passage_span=(pp.starts[s0], pp.ends[s1 - 1]),
        diff=diff,
        reason=reason,
        difference=difference,
    )


def _diff(pp: PreparedPage, q: Quote, blocks, units: list[_Unit]) -> tuple[DiffOp, ...]:
    events = [(pos, 1, op) for b in blocks for pos, op in _block_ops(pp, q, b)]
    for u in units:
        events.append((u.qa, 0, ("-", words(pp, u.sa, u.sb))))
        events.append((u.qa, 0, ("+", words(q, u.qa, u.qb))))
    for pos, (kind, texts) in q.marks.items():
        if kind == "sub":
            events += [(pos, 0, ("+", t)) for t in texts]
    ops: list[list[str]] = []
    for _, _, (op, text) in sorted(events, key=lambda e: (e[0], e[1])):
        if not text:
            continue
        if ops and ops[-1][0] == op:
            ops[-1][1] += " " + text
        else:
            ops.append([op, text])
    return tuple((op, text) for op, text in ops)


def _score(pp: PreparedPage, q: Quote, blocks, units: list[_Unit]) -> float:
    """Character similarity of quote and passage (marked omissions left out), separators kept."""
    q_str = " ".join(q.sep(i) + q.norms[i] for i in range(len(q.norms)))
    idx = [i for b in blocks for i in range(b[2], b[3])]
    idx += [i for u in units if u.kind != "marked" for i in range(u.sa, u.sb)]
    p_str = " ".join(pp.sep(i) + pp.norms[i] for i in sorted(idx))
    return round(fuzz.ratio(q_str, p_str) / 100, 3)

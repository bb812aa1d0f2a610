"""Subject phrases as speakers: the noun phrase before a cue, and what it stands for.

"Ada Quill, the mayor, said" is Ada Quill; "she said" the woman named last; "the president"
the person the article titled so; "the statement said" whoever issued the statement; "an
indigenous worker in El Alto" an unnamed source kept as the text gives it. Shared by the
quote rules (`speakers`) and reported speech (`reported`).
"""

from __future__ import annotations

import re

from .bodies import MEDIUM_NOUNS, body_named_before, medium_named_before
from .cues import CUE, ENDS_MEDIUM, is_cue
from .name_index import NameIndex
from .name_words import PRONOUNS, STOP_CAPS
from .names import HEADLINE, Name, is_org, strip_titles
from .phrase_words import (
    ADVERBS,
    CONJUNCTION_FIRST,
    DATELINE,
    DEFINITE,
    FAMILY,
    FINITE_VERB,
    GROUP_OF,
    INDEFINITE,
    INDEFINITE_SUBJECT,
    LONE_PARTICIPLE,
    LOWER_PARTICIPLE,
    MODIFIER,
    NOT_SUBJECT,
    OFFICES,
    OWNED_VOICE,
    PARTICIPIAL_LEAD,
    PARTY_NOUNS,
    POSSESSIVE,
    POSSESSIVE_IN,
    PREPOSITION_LEAD,
    PREPOSITIONS,
    REDUCED_RELATIVE,
    RELATIVE_END,
    SOME_OF_THEM,
    SUBORDINATE,
    UNNAMED_SOURCE,
    WHEN_FIRST,
    WHEN_LAST,
    WHERE_SAID,
    reference_patterns,
)
from .references import (
    DETERMINER,
    DOCUMENT_NOUNS,
    GENERIC_BODIES,
    GERUND_OPENER,
    PRONOUN_WINDOW,
    QUANTIFIERS,
    expand_acronym,
    head_name,
    head_of_modifiers,
    is_demonym,
    is_description,
    is_person_role,
    is_plural,
    names_between,
    names_someone,
    resolve_plural,
    resolve_pronoun,
)


def split_chunks(head: str) -> list[tuple[int, str]]:
    """Comma-separated chunks of a clause (parentheses kept whole), with their offsets."""
    chunks, depth, start = [], 0, 0
    for i, ch in enumerate(head):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in ",;:—" and depth == 0:
            chunks.append((start, head[start:i]))
            start = i + 1
    chunks.append((start, head[start:]))
    return [(s + len(c) - len(c.lstrip()), c.strip()) for s, c in chunks if c.strip()]


def nearest_subject(
    head: str, base: int, names: list[Name], index: NameIndex, masked: str
) -> tuple[str | None, tuple[int, int] | None, bool]:
    """The noun phrase before the cue: walk comma chunks back from the verb."""
    dateline = DATELINE.match(head)
    if dateline:  # "EXAMPLETON (Example Wire) - The premier says": no one
        head, base = head[dateline.end() :], base + dateline.end()
    chunks = split_chunks(head)
    for k in range(len(chunks) - 1, -1, -1):
        off, chunk = chunks[k]
        chunk = ADVERBS.sub("", chunk).strip()
        if not chunk:
            continue
        low = chunk.lower()
        if low.startswith("whose "):
            continue  # "X, whose Carrowmore constituency includes ..., said": X, before it
        conj = _AND_CLAUSE.match(chunk) if k == len(chunks) - 1 else None
        if conj:  # "... stretched into a second week, and his agent says": the agent
            # "but in a statement last week the team said": the team (resolve_phrase drops the
            # setting, as it drops "last night")
            at = conj.end()
            sp = resolve_phrase(chunk[at:], base + off + at, names, index, masked)
            if sp[0] is not None:
                return sp
        if k >= 2 and _INSERTION.match(chunks[k - 1][1]) and DETERMINER.match(chunks[k - 2][1]):
            # "The minister, in a statement signed by ..., Mr X, said": the minister
            sp = resolve_phrase(chunks[k - 2][1], base + chunks[k - 2][0], names, index, masked)
            if sp[0] is not None:
                return sp
        if low.startswith(("which ", "who ", "that ")):
            rest = chunk.split(None, 1)[1]
            if low.startswith(("which ", "that ")) and rest[:1].isupper():
                # "the plan, which Quill dismissed as": the relative clause's own subject
                at = base + off + len(chunk) - len(rest)
                sp = resolve_phrase(rest, at, names, index, masked)
                if sp[0] is not None:
                    return sp
            continue  # a relative clause: its antecedent is the chunk before
        if k > 0 and LOWER_PARTICIPLE.match(chunk):
            continue  # "Quill, speaking to supporters, said": the subject is before it
        if LONE_PARTICIPLE.fullmatch(chunk):
            break  # "Sentencing, the judge said": a participle alone opens the sentence
        tail = SUBORDINATE.match(chunk)
        if k > 0 and is_description(chunk):
            tail = None  # "Quill, a veteran who served as the port's engineer, said": Quill
        if tail and tail.end() < len(chunk) and len(chunk[tail.end() :].split()) <= 6:
            # "… when he said", "… reports that officials said": the subject of the last clause
            sp = resolve_phrase(chunk[tail.end() :], base + off + tail.end(), names, index, masked)
            if sp[0] is not None:
                return sp
        if k > 0 and _AFFILIATION.match(chunk):  # "Ann Lee, of the Example Party, said": Lee
            prev = resolve_phrase(chunks[k - 1][1], base + chunks[k - 1][0], names, index, masked)
            if prev[2]:
                return prev
        sp = resolve_phrase(chunk, base + off, names, index, masked)
        if sp[0] is None:
            if chunk.split()[0].lower() in PRONOUNS:
                break  # "Asked about Quill, she said": the subject is "she", unresolved
            continue
        # an appositive after a name: "Smith, the minister, said", "Smith, chair of the
        # board, said", "Smith, the board's chair, said" -> Smith
        lower_start = (
            chunk[:1].islower() and not DETERMINER.match(chunk) and not NOT_SUBJECT.match(chunk)
        )
        # "Asked about the crash, the governor said": no appositive before the subject, nor
        # a dateline ("TORONTO — The premier says")
        lead_clause = (
            k > 0
            and (
                PARTICIPIAL_LEAD.match(chunks[k - 1][1])
                or LONE_PARTICIPLE.fullmatch(chunks[k - 1][1])
                or PREPOSITION_LEAD.match(chunks[k - 1][1])  # "Under questioning from X, the …"
                or GERUND_OPENER.match(chunks[k - 1][1])  # "Giving evidence, the father …"
                or "," not in head[chunks[k - 1][0] + len(chunks[k - 1][1]) : off]
            )
        )
        if (
            (is_description(chunk) or POSSESSIVE.match(chunk) or lower_start)
            and not lead_clause
            and not (lower_start and sp[2] and _titled_name(chunk))
            and not FINITE_VERB.search(chunks[k - 1][1])  # "X died on Sunday, the family said"
        ):
            prev = resolve_phrase(chunks[k - 1][1], base + chunks[k - 1][0], names, index, masked)
            named = prev[0] and (
                prev[2]
                or (not lower_start and _has_name(chunks[k - 1][1]))
                or (DEFINITE.match(chunks[k - 1][1]) and INDEFINITE.match(chunk))
            )  # "The senator, a Democrat from Ohio, said": the senator
            if named and len(chunks[k - 1][1].split()) <= 8:
                return prev
        return sp
    return None, None, False


def _titled_name(chunk: str) -> bool:
    """ "chief technology officer Tomasz Wierzbicki": a person by title, no appositive (unlike
    "wife of Tom Reed", whose name sits after a preposition)."""
    words = chunk.split()
    k = next((i for i, w in enumerate(words) if w[:1].isupper()), len(words))
    return 0 < k < len(words) and not PREPOSITIONS.intersection(words[:k])


_AND_CLAUSE = re.compile(r"(?:and|but|yet)\s+(?=\S)")
_INSERTION = re.compile(r"in\s+an?\s+(?:\w+\s+){0,2}(?:statement|letter|post|message)\b")
_AFFILIATION = re.compile(r"(?:of|from|with|at)\s+(?:the\s+)?[A-Z]")


def _has_name(chunk: str) -> bool:
    return any(w[:1].isupper() for w in chunk.split()[1:]) or (
        chunk[:1].isupper() and chunk.split()[0].lower() not in ("the", "a", "an")
    )


def _unnamed_subject_before(
    pos: int, names: list[Name], index: NameIndex, masked: str
) -> tuple[str, tuple[int, int]] | None:
    """An unnamed person who opens a sentence just before a pronoun ("One former minister,
    who asked not to be named, was blunter."), with no one named since: whom "he" stands for."""
    lo = max(0, pos - 250)
    found = list(INDEFINITE_SUBJECT.finditer(masked, lo, pos))
    if not found:
        return None
    m = found[-1]
    between = names_between(names, m.start(1), pos)  # an outlet told may stand between
    noun = m.group(2).lower()
    if not names_someone(noun) or any(
        n.person or index.is_person(n.text) for n in between
    ):
        return None
    return m.group(1), m.span(1)


def resolve_phrase(
    phrase: str,
    start: int,
    names: list[Name],
    index: NameIndex,
    masked: str,
    first: bool = False,
) -> tuple[str | None, tuple[int, int] | None, bool]:
    """A subject phrase as a speaker: a name (expanded), a pronoun resolved, a description."""
    stripped = phrase.lstrip(' ,;:"“”‘’_')
    stripped = WHEN_FIRST.sub("", stripped)  # "Last night ex-party staff said"
    stripped = CONJUNCTION_FIRST.sub("", stripped)  # "But officials said"
    start += len(phrase) - len(stripped)  # offsets stay on the text the phrase now starts at
    phrase = WHERE_SAID.sub("", stripped.rstrip(' ,;:"“”‘’_'))  # "the President in his message"
    phrase = WHEN_LAST.sub("", phrase)  # "A senior backbencher last night (accused ...)"
    if not phrase or RELATIVE_END.search(phrase):
        return None, None, False  # "a pandemic that (has claimed)": a relative clause's subject
    words = phrase.split()
    if len(words) == 1 and words[0].lower() == "they":
        source = list(UNNAMED_SOURCE.finditer(masked, max(0, start - 300), start))
        if source:  # "A Sunset Villa insider claimed … “…,” they said.": singular they
            m = source[-1]
            return m.group(1), m.span(1), False
    if len(words) == 1 and words[0].lower() in ("they", "it"):
        who = resolve_plural(start, names, index, masked, pairs=words[0].lower() == "they")
        return (who[0], who[1], False) if who[0] else (None, None, False)
    possessed = len(words) >= 2 and words[0].lower() in ("his", "her") and words[1][:1].islower()
    if possessed and not names_between(names, start, start + len(phrase)):
        return phrase, (start, start + len(phrase)), False  # "her lawyer": not she
    # "her lawyer Ivo Brandt": the name the phrase holds, below
    if not possessed and (
        words[0].lower() in PRONOUNS or (len(words) <= 3 and words[-1].lower() in PRONOUNS)
    ):
        pronoun = words[0] if words[0].lower() in PRONOUNS else words[-1]
        if pronoun.lower() in ("he", "she"):
            unnamed = _unnamed_subject_before(start, names, index, masked)
            if unnamed is not None:  # "One former minister ... was blunter. ‘…,’ he said."
                return unnamed[0], unnamed[1], False
        who = resolve_pronoun(start, names, index, masked, pronoun)
        return (who[0], who[1], True) if who[0] else (None, None, False)
    end = start + len(phrase)
    titled = index.titled(phrase, start) if len(words) <= 7 else None
    if titled:  # "the Home Secretary", "President of the Republic": whom the article titled so
        return titled, (start, end), True
    if (
        words[0].lower() == "the"
        and len(words) <= 4
        and (
            words[-1].lower().strip(",.") in PARTY_NOUNS
            or is_demonym(words[-1].strip(",."))
            or (words[-1].isupper() and is_person_role(words[-1].lower()))  # "the Labour MP"
        )
        and not POSSESSIVE_IN.search(phrase)
    ):
        named = _definite_reference(phrase, start, names, index, masked)
        if named is not None:  # "the Texas Republican": the politician the article named
            return named
    if HEADLINE.search(phrase):
        return None, None, False  # "Man Arrested For Allegedly Killing ...": a headline
    group = GROUP_OF.fullmatch(phrase)
    if group and len(words) <= 10 and is_plural(group.group("noun").lower()):
        # "people familiar with the talks", "sources close to the Kremlin", "officials in
        # Kyiv": the people speak, not the place or body that only says which people
        return phrase, (start, end), False
    if FAMILY.fullmatch(phrase):  # "the Brandling family said": the family, not Brandling
        return phrase, (start, end), False
    owned = ("’s " in phrase or "'s " in phrase) and OWNED_VOICE.fullmatch(phrase)
    if owned:  # "Premier Ada Quill’s office", "Quill’s lawyer": who speaks for her, not she
        return phrase, (start, end), False
    kin = ("’s " in phrase or "'s " in phrase) and _OWNED_PERSON.fullmatch(phrase)
    if kin and is_person_role(kin.group(1)):  # "Paras's grandfather", "Reed’s former coach"
        return phrase, (start, end), False
    reduced = len(words) > 3 and REDUCED_RELATIVE.match(phrase)
    if reduced:  # "a police report obtained by the Example Tribune": the report
        return reduced.group(1), (start, start + reduced.end(1)), False
    inside = names_between(names, start, end)
    if (
        len(inside) == 1
        and inside[0].start == start
        and " " not in inside[0].text
        and (3 <= len(words) <= 4 or (len(words) == 2 and is_plural(words[-1])))
        and all(w[:1].islower() for w in words[1:])
        and not index.is_person(inside[0].text)
    ):
        # "Local news outlets", "US officials": a capital that modifies a plural, not a name
        return phrase, (start, end), False
    if (
        inside
        and len(words) <= 5
        and DETERMINER.match(phrase)
        and words[-1][:1].islower()
        and not PREPOSITIONS.intersection(words)
        and (
            not any(n.person or index.is_person(n.text) for n in inside)
            or (inside[-1].end < end and is_person_role(words[-1].lower()))
        )  # "the Harrowgate Lyle boss": a name before a role modifies it, whatever it looks like
        and is_description(phrase)
    ):
        # "the Example Navy spokesperson", "a Fenwick shopkeeper": a description whose names
        # only modify its head; "the self-taught Leeds resident" may be the one introduced
        named = _definite_reference(phrase, start, names, index, masked)
        return named if named is not None and named[2] else (phrase, (start, end), False)
    if inside:
        if first:  # the subject: its first person, else its first name
            pick = next((n for n in inside if n.person or index.is_person(n.text)), inside[0])
            pick = head_of_modifiers(pick, inside, masked)  # "Example Watch analyst Ann Lee"
        else:
            pick = head_name(inside, phrase, start)
        if pick is not None:
            words = strip_titles(pick.text.split())
            org = is_org(pick.text.split())
            text = pick.text
            # An organisation's acronym in brackets belongs to its name: "Workers Central (COB)".
            tail = masked[pick.end : pick.end + 12]
            acro = re.match(r"\s*\(([A-Z]{2,8})\)", tail)
            span_end = pick.end
            if acro:
                text = f"{text} ({acro.group(1)})"
                span_end = pick.end + acro.end()
                org = True
            if pick.person or index.is_person(words[-1]):
                return index.expand(" ".join(words)), (pick.start, pick.end), True
            if org or pick.text[0].isupper():
                text = re.sub(r"^[\w-]+-based\s+", "", text)
                if not acro:
                    text = expand_acronym(text, pick.start, masked)
                return text, (pick.start, span_end), False
    if is_description(phrase) and len(words) <= 12:
        named = _definite_reference(phrase, start, names, index, masked)
        if named is not None:
            return named
        # An unnamed source as the text gives it: "an indigenous worker in El Alto".
        return phrase, (start, end), False
    if (
        not inside
        and len(words) <= 3
        and (phrase.islower() or phrase[1:].islower())  # "Health officials" opening a sentence
        and (words[0].lower() not in STOP_CAPS or words[0].lower() in QUANTIFIERS)  # "For starters"
        and is_plural(words[-1])
    ):
        # a bare plural: "officials said", "residents say", "Both sides said"
        return phrase, (start, end), False
    if len(words) == 1 and words[0].lower() in SOME_OF_THEM:
        return phrase, (start, end), False  # "Some said ...": some of the people just named
    return None, None, False


def _document_author(
    noun: str, start: int, names: list[Name], index: NameIndex, masked: str
) -> tuple[str, tuple[int, int], bool] | None:
    """ "the statement said": who issued the statement the article introduced before ("the
    board said in a statement", "In a letter, the nurses urged ...")."""
    lo = max(0, start - PRONOUN_WINDOW)
    pattern = rf"\b(?:a|an|its|his|her|their)\s+(?:[\w.-]+\s+){{0,3}}?{noun}\b"
    intro = next(reversed(list(re.finditer(pattern, masked[lo:start]))), None)
    if intro is None:
        return None
    at = lo + intro.start()
    sentence = max(masked.rfind(". ", lo, at) + 2, masked.rfind("\n", lo, at) + 1, lo)
    end = min((i for i in (masked.find(". ", at), masked.find("\n", at)) if i >= 0), default=at)
    text = masked[sentence:end]
    cues = [m for m in CUE.finditer(text) if is_cue(text, m)]
    if not cues:
        return None
    cue = cues[-1]
    if cue.start() > at - sentence:
        # "In a letter, the nurses urged …": the subject stands between the noun and the cue
        skip = at - sentence + len(intro.group(0))
        head, base = text[skip : cue.start()], sentence + skip
    else:  # "the board said in a statement"
        head, base = text[: cue.start()], sentence
    sp = nearest_subject(head, base, names, index, masked)
    return sp if sp[0] else None


_OWNED_PERSON = re.compile(
    r"(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*[’']s\s+(?:[a-z-]+\s+){0,2}([a-z]+)"
)  # someone's kin or staff: "Paras's grandfather"
_UNNAMED_NOUNS = {"source", "insider", "pal", "friend", "witness", "official", "person"}


def _introduced(noun: str, masked: str, lo: int, hi: int) -> tuple[str, tuple[int, int]] | None:
    """The last unnamed someone the text introduced with this noun ("a spokesperson for the
    Example Agency", "a Harbour insider"), which "the spokesperson" later stands for."""
    pattern = (
        rf"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w’'-]+\s+){{0,3}}?{re.escape(noun)}\b"
        r"(?:\s+(?:for|of|at|from|with|close\s+to|in)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s?){1,5}"
        r"|\s+(?:familiar\s+with|close\s+to)\s+(?:the\s+)?[a-z][\w-]*)?"
    )
    found = list(re.finditer(pattern, masked[lo:hi]))
    if not found:
        return None
    text = found[-1].group(0).rstrip()
    return text, (lo + found[-1].start(), lo + found[-1].start() + len(text))


_OF_CHILDREN = re.compile(r"\s+of\s+(?:one|two|three|four|five|six|seven|\d+)$")


def _definite_reference(
    phrase: str, start: int, names: list[Name], index: NameIndex, masked: str
) -> tuple[str, tuple[int, int], bool] | None:
    """ "the president", "the 61-year-old", "the agency", "the nurses": the named person or
    organisation the article introduced earlier, when the description points back to one."""
    words = _OF_CHILDREN.sub("", phrase).split()  # "the father of two": a father
    if words[0].lower() != "the" or len(words) > 5 or re.search(r"[’']s\b", phrase):
        return None  # "the victim's mother" is someone else than the victim
    head = words[-1].lower().strip(",.")
    if len(words) > 3 and (
        not is_person_role(head) or not all(MODIFIER.fullmatch(w) for w in words[1:-1])
    ):
        return None  # only "the former Labour leader", "the controversial political figure"
    stem = head[:-1] if head.endswith("s") and not head.endswith("ss") and len(head) > 3 else head
    if stem in DOCUMENT_NOUNS and len(words) == 2:
        return _document_author(stem, start, names, index, masked)
    before = names_between(names, max(0, start - PRONOUN_WINDOW), start)
    # an organisation whose name holds the noun: "the nurses" -> "Nurses for Clean Air"
    holds, titled, portfolio, apposed = reference_patterns(stem)
    for n in reversed(before):  # not an outlet so named: "the post" is no "Halcyon Post"
        medium = stem not in MEDIUM_NOUNS and ENDS_MEDIUM.search(n.text)
        if not n.person and holds.search(n.text) and not medium:
            if len(n.text.split()) >= 2:
                return n.text, (n.start, n.end), False
    if is_person_role(stem) or re.fullmatch(r"\d+-year-old", head) or stem in PARTY_NOUNS:
        # a title given before a name: "President Donald Trump" for "the president"
        last = None
        window = masked[max(0, start - PRONOUN_WINDOW) : start]
        for m in titled.finditer(window):
            named = m.group(1).strip()  # "coach Grant Te Whata": a role before a full name
            full = len(named.split()) >= 2 and index.is_person(named)
            last = m if m.group(0)[0].isupper() or full else last
        for m in portfolio.finditer(window):
            if m.group(0)[0].isupper() and index.is_person(m.group(1)):
                if last is None or m.start() > last.start():
                    last = m  # "Minister for Health Niamh Costigan"
        for m in apposed.finditer(window):
            if last is None or m.start() > last.start():
                last = m  # "The senior coroner, Alistair Grant, asked"
        if last is not None:
            return index.expand(last.group(1).strip()), (start, start + len(phrase)), True
        # "the neighbours" are not the one just named; "the former prime minister" may be
        former = any(w.lower() in ("former", "ex") or w.lower().startswith("ex-") for w in words)
        one = (stem not in OFFICES or former) and stem == head
        who = resolve_pronoun(start, names, index, masked, others=True) if one else (None, None)
        intro = None
        if len(words) == 2 and stem == head:  # "the spokesperson": "a spokesperson for X"
            intro = _introduced(stem, masked, max(0, start - PRONOUN_WINDOW), start)
        if who[0] and (intro is None or who[1][0] > intro[1][0]):
            return who[0], who[1], True  # "the singer": the person just named
        if intro is not None:  # "the official": "a senior Vasterland official", named nearer
            return intro[0], intro[1], False
    if stem in GENERIC_BODIES:  # "the company": the body just named; "the union" is named so
        return body_named_before(stem, before, masked)
    if stem in _UNNAMED_NOUNS and len(words) == 2 and stem == head:
        intro = _introduced(stem, masked, max(0, start - PRONOUN_WINDOW), start)
        if intro is not None:  # "The source said": "a law enforcement source familiar with it"
            return intro[0], intro[1], False
    if stem in MEDIUM_NOUNS and len(words) == 2:  # "the paper": the outlet just named
        return medium_named_before(before, masked)
    return None

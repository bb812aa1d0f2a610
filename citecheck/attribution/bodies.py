"""Which body a generic noun stands for: "the company said" after "appliance maker Brantley
Home", never the safety office that ordered the recall nor the station that reported it."""

from __future__ import annotations

import re

from .cues import ENDS_MEDIUM, OUTLET_KINDS
from .genders import first_name_genders
from .name_words import CLUB_WORDS
from .names import Name, is_org

CUE_NEXT = re.compile(
    r"\s+(?:says|said|confirms|confirmed|announced|announces|posted|claimed|claims|reported|"
    r"reports|revealed|reveals|wrote|writes)\b"
)
PUBLIC_NOUNS = {"agency", "office", "government", "administration", "group", "organization",
                "organisation", "campaign", "charity", "foundation", "institute", "center",
                "centre", "network"}  # fmt: skip
_PUBLIC_BODY = re.compile(
    r"\b(?:Office|Ministry|Department|Agency|Police|Council|Authority|Commission|Court|"
    r"Regulator|Government|Parliament|Assembly|Service|Inspectorate)\b"
)


def body_named_before(
    stem: str, before: list[Name], masked: str
) -> tuple[str, tuple[int, int], bool] | None:
    """The body "the <stem>" ("the company", "the agency") stands for among the names before
    it, nearest first: one the article introduced as a business, one that just spoke ("Coastway
    Trains says"), or an organisation's name of several words."""
    firms = _named_firms(before, masked) if stem not in PUBLIC_NOUNS else set()
    for n in reversed(before):
        if _other_body(stem, n.text):
            continue
        if stem == "club" and not CLUB_WORDS.intersection(w.lower() for w in n.text.split()):
            continue  # "the club": not the federation that will rule on its complaint
        if n.text in firms:  # "appliance maker Brantley Home", "Tamsey Water, the utility"
            return n.text, (n.start, n.end), False
        speaks = CUE_NEXT.match(masked, n.end)  # "Coastway Trains says": a body speaking
        first = n.text.split()[0].casefold()
        if speaks and len(n.text.split()) >= 2 and first not in first_name_genders():
            return n.text, (n.start, n.end), False
        if not n.person and is_org(n.text.split()) and len(n.text.split()) >= 2:
            return n.text, (n.start, n.end), False
    return None


_FIRM_NOUN = (
    r"(?:company|firm|maker|manufacturer|retailer|operator|utility|supplier|developer|lender|"
    r"insurer|airline|carrier|chain|brand|startup|giant|conglomerate|supermarket|producer|"
    r"label|studio)"
)
_FIRM_BEFORE = re.compile(rf"\b{_FIRM_NOUN}\s+$")
_FIRM_AFTER = re.compile(rf",\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}?{_FIRM_NOUN}\b")


def _named_firms(before: list[Name], masked: str) -> set[str]:
    """The names the article introduced as a business ("appliance maker Brantley Home",
    "Tamsey Water, the utility that runs the works"), whatever words make them up."""
    return {
        n.text
        for n in before
        if len(n.text.split()) >= 2
        and (
            _FIRM_BEFORE.search(masked, max(0, n.start - 20), n.start)
            or _FIRM_AFTER.match(masked, n.end)
        )
    }


_MEDIA_NOUNS = {"broadcaster", "publisher", "network"}
_STARTS_MEDIUM = re.compile(r"(?:Radio|TV|Television)\b")


def _other_body(stem: str, name: str) -> bool:
    """A body "the company" cannot stand for: the newspaper or station that reported the story
    ("told Radio Calder"), or for a firm's noun a public body ("the company said" is not the
    safety office that ordered its recall)."""
    if stem not in _MEDIA_NOUNS and (ENDS_MEDIUM.search(name) or _STARTS_MEDIUM.match(name)):
        return True
    if stem in _FIRM_STEMS and _MEMBERS_BODY.search(name):
        return True  # "the company said": not the union that struck against it
    return stem not in PUBLIC_NOUNS and bool(_PUBLIC_BODY.search(name))


_FIRM_STEMS = {"company", "firm", "airline", "carrier", "operator", "lender", "retailer", "bank",
               "brokerage", "consultancy"}  # fmt: skip
_MEMBERS_BODY = re.compile(
    r"\b(?:Association|Union|Federation|Congress|Coalition|Party|Alliance|Society|Guild|"
    r"League|Committee)\b"
)


# the nouns that stand for a news outlet named before: "The paper described the striker as ..."
MEDIUM_NOUNS = frozenset(
    "paper newspaper daily tabloid magazine broadcaster station outlet publication".split()
)
_KIND_BEFORE = re.compile(rf"\b{OUTLET_KINDS}\s+$")


def medium_named_before(
    before: list[Name], masked: str
) -> tuple[str, tuple[int, int], bool] | None:
    """The outlet "the paper" stands for: the nearest name before that is one by its words
    ("the Example Courier", "Radio Calder") or by what the article called it ("the Italian
    daily Corriere Lagunare")."""
    for n in reversed(before):
        if (
            ENDS_MEDIUM.search(n.text)
            or _STARTS_MEDIUM.match(n.text)
            or _KIND_BEFORE.search(masked, max(0, n.start - 30), n.start)
        ):
            return n.text, (n.start, n.end), False
    for n in reversed(before):  # "Corriere Lagunare claimed ... The paper described ..."
        speaks = CUE_NEXT.match(masked, n.end) and len(n.text.split()) >= 2
        if speaks and n.text.split()[0].casefold() not in first_name_genders():
            return n.text, (n.start, n.end), False
    return None

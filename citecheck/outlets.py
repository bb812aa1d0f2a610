"""The outlet registry: who publishes, on which domains, in which language.

The data lives in `outlets.toml` so a newsroom can extend or override it with its own file instead
of patching code. Attribution uses `Registry.find_in` to spot "told El País"; discovery uses
`find` and `for_url` to rank a quote's candidate sources and to plan searches.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from babel.languages import get_official_languages

from .model import Span
from .text.folding import strip_accents

KINDS: tuple[str, ...] = (
    "newspaper",
    "agency",
    "broadcaster",
    "magazine",
    "digital",
    "think_tank",
    "platform",
    "government",
    "organization",
)

_DOMAIN = re.compile(r"(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")
_LANGUAGE = re.compile(r"[a-z]{2}")
_COUNTRY = re.compile(r"[A-Z]{2}")
_FIELDS = ("name", "aliases", "ambiguous", "domains", "language", "country", "kind")
_COMBINING = "[\u0300-\u036f]*"  # decomposed accents in the text, which the folded form drops


@dataclass(frozen=True)
class Outlet:
    """A publisher of quotable material: a newspaper, agency, broadcaster, platform, ministry..."""

    name: str
    domains: tuple[str, ...]
    kind: str
    aliases: tuple[str, ...] = ()
    language: str | None = None  # ISO 639-1 of the main edition; None for multilingual platforms
    country: str | None = None  # ISO 3166-1 alpha-2
    ambiguous: tuple[str, ...] = ()  # names that are also common words: matched in text strictly

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def owns(self, url: str) -> bool:
        """True if the URL's host is one of the outlet's domains or a subdomain of one."""
        host = _host(url)
        return bool(host) and any(host == d or host.endswith("." + d) for d in self.domains)


def _host(url: str) -> str:
    """The lowercased host of a URL or bare domain ("elpais.com/x" works too)."""
    try:
        host = urlsplit(url if "//" in url else "//" + url.strip()).hostname
    except ValueError:
        return ""
    return (host or "").rstrip(".")


def _key(name: str) -> str:
    """Lookup key: no accents, no case, punctuation as spaces, no leading "the"."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = " ".join(re.sub(r"[\W_]+", " ", s).split())
    return s[4:] if s.startswith("the ") else s


def _spaced(c: str) -> bool:
    """Whether a word boundary means anything next to `c` (not in scripts written unspaced)."""
    return c.isalnum() and ord(c) < 0x2E80


def _pattern(form: str, strict: bool) -> re.Pattern[str]:
    """A regex for one name in running text.

    Upper-case letters must stand upper-case ("AP" is not "a map"), lower-case ones may be either
    ("EL PAÍS" is "El País"); a strict (ambiguous) form must stand exactly as written.
    """
    if not strict:
        form = strip_accents(form)
    words = form.split()
    article = ""
    if not strict and words[0].lower() == "the" and len(words) > 1:
        # "the Guardian" and "The Guardian"; "New York Times" alone, but never "Hill" alone.
        article = r"(?:[Tt]he\s+)" + ("?" if len(words) > 2 else "")
        words = words[1:]

    def char(c: str) -> str:
        if strict or not c.isalpha() or c.upper() == c.lower() or c.isupper():
            return re.escape(c) + ("" if strict or not c.isalpha() else _COMBINING)
        upper = c.upper()
        return (f"[{c}{upper}]" if len(upper) == 1 else c) + _COMBINING

    body = r"\s+".join("".join(char(c) for c in w) for w in words)
    before = r"(?<!\w)" if _spaced(form[0]) or article else ""
    after = r"(?!\w)" if _spaced(form[-1]) else ""
    return re.compile(before + article + body + after)


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip().rstrip("\"'“‘«([")
    return not before or before[-1] in ".!?…:"


def _after_capitalised_word(text: str, start: int) -> bool:
    """True in "Michael Bloomberg" or "Capitol Hill": the name is part of a longer proper noun."""
    m = re.search(r"(\w+)[ \t]+$", text[:start])
    return bool(m) and m.group(1)[0].isupper()


def _strings(entry: dict, field: str, where: str) -> tuple[str, ...]:
    value = entry.get(field, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and _key(v) for v in value):
        raise ValueError(f"{where}: {field!r} must be a list of non-empty strings")
    return tuple(value)


def _parse(data: dict, source: str) -> list[Outlet]:
    """Validate a decoded outlets TOML; every problem is a one-line ValueError naming `source`."""
    unknown = set(data) - {"outlet"}
    if unknown:
        raise ValueError(
            f"{source}: unknown top-level key {sorted(unknown)[0]!r}; expected [[outlet]]"
        )
    entries = data.get("outlet", [])
    if not isinstance(entries, list):
        raise ValueError(f"{source}: 'outlet' must be an array of tables ([[outlet]])")
    outlets = []
    for i, entry in enumerate(entries, 1):
        where = f"{source}: outlet #{i}"
        if not isinstance(entry, dict):
            raise ValueError(f"{where}: not a table")
        name = entry.get("name")
        if not isinstance(name, str) or not _key(name):
            raise ValueError(f"{where}: 'name' must be a non-empty string")
        where += f" ({name})"
        extra = set(entry) - set(_FIELDS)
        if extra:
            raise ValueError(f"{where}: unknown field {sorted(extra)[0]!r}")

        aliases, ambiguous, domains = (
            _strings(entry, f, where) for f in ("aliases", "ambiguous", "domains")
        )
        for d in domains:
            if not _DOMAIN.fullmatch(d):
                raise ValueError(f"{where}: {d!r} is not a lower-case domain like 'example.com'")
        for a in ambiguous:
            if a not in (name, *aliases):
                raise ValueError(f"{where}: ambiguous name {a!r} is not its name or an alias")
        language, country, kind = entry.get("language"), entry.get("country"), entry.get("kind")
        if language is not None and not (
            isinstance(language, str) and _LANGUAGE.fullmatch(language)
        ):
            raise ValueError(f"{where}: language {language!r} is not an ISO 639-1 code like 'es'")
        if country is not None and not (isinstance(country, str) and _COUNTRY.fullmatch(country)):
            raise ValueError(f"{where}: country {country!r} is not an ISO 3166 code like 'AR'")
        if kind not in KINDS:
            raise ValueError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
        outlets.append(Outlet(name, domains, kind, aliases, language, country, ambiguous))
    _index(outlets, source)  # duplicate names and domains within one file are mistakes
    return outlets


def _index(outlets: Iterable[Outlet], source: str | None = None):
    """Name-key and domain maps; later outlets win, unless `source` asks for a duplicate check."""
    by_key: dict[str, Outlet] = {}
    by_domain: dict[str, Outlet] = {}
    for o in outlets:
        for table, keys, what in (
            (by_key, {_key(n) for n in (*o.names, *o.domains)}, "name"),
            (by_domain, set(o.domains), "domain"),
        ):
            for k in keys:
                other = table.get(k)
                if source and other is not None and other != o:
                    raise ValueError(f"{source}: {what} {k!r} is both {other.name} and {o.name}")
                table[k] = o
    return by_key, by_domain


class Registry:
    """The outlets citecheck knows, with lookups by name, by mention in text and by URL.

    `outlets` are curated: names, aliases, kinds. `listed` maps more news domains to outlets
    known only by domain and language (outlets_listed.tsv); a curated domain always wins."""

    def __init__(self, outlets: Iterable[Outlet], listed: Mapping[str, Outlet] | None = None):
        self.outlets: tuple[Outlet, ...] = tuple(outlets)
        self._by_key, self._by_domain = _index(self.outlets)
        self.listed: dict[str, Outlet] = {
            d: o for d, o in (listed or {}).items() if self._curated_for(d) is None
        }
        self._patterns: list[tuple[str, re.Pattern[str], bool, Outlet]] | None = None
        self._labels: dict[str, Outlet] | None = None

    @classmethod
    def load(cls, extra: Path | str | None = None) -> Registry:
        """The packaged registry, extended (and overridden by name) by a user TOML file."""
        if extra is None:
            return default_registry()
        path = Path(extra)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except OSError as e:
            raise ValueError(f"{path}: cannot read outlet registry: {e.strerror or e}") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise ValueError(f"{path}: invalid TOML: {e}") from None
        user = _parse(data, str(path))
        replaced = {_key(o.name) for o in user}
        base = [o for o in default_registry().outlets if _key(o.name) not in replaced]
        return cls([*base, *user], default_registry().listed)

    def __len__(self) -> int:
        return len(self.outlets)

    def __iter__(self) -> Iterator[Outlet]:
        return iter(self.outlets)

    def find(self, name: str) -> Outlet | None:
        """The outlet called `name` (or a domain of it); case, accents and a leading "the" aside.
        A domain the registry lacks is still an outlet: `domain_outlet`."""
        found = self._by_key.get(_key(name))
        if found is None and "." in name and " " not in name.strip():
            found = self.for_url(name) or domain_outlet(name.strip())
        return found

    def for_url(self, url: str) -> Outlet | None:
        """The outlet whose domain serves `url`; the most specific domain wins, curated first."""
        return self._curated_for(url) or _most_specific(self.listed, url)

    def _curated_for(self, url: str) -> Outlet | None:
        return _most_specific(self._by_domain, url)

    def find_in(self, text: str) -> list[tuple[Outlet, Span]]:
        """Outlets named in `text`, in text order, with their spans (offsets into `text`).

        Overlapping mentions resolve longest first ("ABC News" over "ABC"). Single-letter names are
        never matched, and ambiguous names only exactly as written, mid-sentence, and not after
        another capitalised word ("Capitol Hill", "Michael Bloomberg").
        """
        folded = strip_accents(text)
        lowered = "".join(c for c in folded.lower() if not unicodedata.combining(c))
        hits: list[tuple[int, int, Outlet]] = []
        for needle, pattern, strict, outlet in self._compiled():
            if needle not in lowered:
                continue  # a cheap substring test spares most of the 400-odd regexes
            for m in pattern.finditer(text if strict else folded):
                if strict and (
                    _sentence_start(text, m.start()) or _after_capitalised_word(text, m.start())
                ):
                    continue
                hits.append((m.start(), m.end(), outlet))
        # "told zougla.gr": a news domain named in the text, listed or not
        for m in _DOMAIN_IN_TEXT.finditer(text):
            domain = m.group(0).lower()
            named = _most_specific(self.listed, domain) or domain_outlet(domain)
            if named is not None and self._curated_for(domain) is None:
                hits.append((m.start(), m.end(), named))
        hits.sort(key=lambda h: (h[0] - h[1], h[0]))
        taken: list[tuple[int, int, Outlet]] = []
        for start, end, outlet in hits:
            if all(end <= s or start >= e for s, e, _ in taken):
                taken.append((start, end, outlet))
        return [(o, (s, e)) for s, e, o in sorted(taken, key=lambda h: h[0])]

    def by_site_name(self, name: str) -> Outlet | None:
        """The listed news site whose domain spells `name`: "The Sun" is thesun.co.uk, "Daily
        Mail" dailymail.co.uk, "Globe and Mail" theglobeandmail.com. The listed domains carry no
        display name; a name the text gives an outlet matches the site's own label (the one
        before the public suffix), a leading "the" either way. The outlet returned is named as
        the text names it; sites sharing a label share a language only where all agree."""
        squashed = re.sub(r"[^a-z0-9]", "", _key(name.replace("&", " and ")))
        if len(squashed) < 3:
            return None
        labels = self._site_labels()
        found = labels.get(squashed) or labels.get("the" + squashed)
        if found is None:
            return None
        return Outlet(name.strip(), found.domains, found.kind, (), found.language, found.country)

    def _site_labels(self) -> dict[str, Outlet]:
        if self._labels is None:
            grouped: dict[str, list[Outlet]] = {}
            for domain, outlet in self.listed.items():
                label = _site_label(domain)
                if label:
                    grouped.setdefault(label, []).append(outlet)
            self._labels = {}
            for label, outlets in grouped.items():
                languages = {o.language for o in outlets}
                countries = {o.country for o in outlets}
                self._labels[label] = Outlet(
                    label,
                    tuple(d for o in outlets for d in o.domains),
                    "digital",
                    (),
                    languages.pop() if len(languages) == 1 else None,
                    countries.pop() if len(countries) == 1 else None,
                )
        return self._labels

    def _compiled(self) -> list[tuple[str, re.Pattern[str], bool, Outlet]]:
        if self._patterns is None:
            patterns = []
            for o in self.outlets:
                for form in dict.fromkeys((*o.names, *o.domains)):
                    if len(form.strip()) >= 2:
                        strict = form in o.ambiguous
                        needle = max(strip_accents(form).lower().split(), key=len)
                        patterns.append((needle, _pattern(form.strip(), strict), strict, o))
            self._patterns = patterns
        return self._patterns


# second-level labels under a country code that are part of the public suffix: "co.uk", "com.au"
_SUFFIX_SECOND = frozenset("co com org net gov ac edu or ne go gob nic info biz ltd plc".split())


def _site_label(domain: str) -> str | None:
    """The label a site is named by: "thesun" of thesun.co.uk, "smh" of smh.com.au; None for
    a label of one or two characters (too short to tell a name by)."""
    parts = domain.split(".")
    if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in _SUFFIX_SECOND:
        label = parts[-3]
    elif len(parts) >= 2:
        label = parts[-2]
    else:
        return None
    label = label.replace("-", "")
    return label if len(label) >= 3 else None


def _most_specific(by_domain: Mapping[str, Outlet], url: str) -> Outlet | None:
    parts = _host(url).split(".")
    for i in range(len(parts) - 1):
        found = by_domain.get(".".join(parts[i:]))
        if found is not None:
            return found
    return None


_DOMAIN_IN_TEXT = re.compile(
    r"(?<![\w@/.-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])"
)


def parse_listed(text: str, source: str) -> dict[str, Outlet]:
    """domain -> Outlet from a listed-domains TSV (domain, language, country, topics); bad lines
    are one-line ValueErrors naming `source`."""
    out: dict[str, Outlet] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        domain, language, country = (fields + ["", ""])[:3]
        if (
            not _DOMAIN.fullmatch(domain)
            or (language and not _LANGUAGE.fullmatch(language))
            or (country and not _COUNTRY.fullmatch(country))
        ):
            raise ValueError(f"{source}:{n}: expected domain, language, country: {line[:80]!r}")
        out[domain] = Outlet(domain, (domain,), "digital", (), language or None, country or None)
    return out


@functools.cache
def default_registry() -> Registry:
    """The packaged registry, parsed once per process."""
    package = resources.files("citecheck")
    text = package.joinpath("outlets.toml").read_text(encoding="utf-8")
    listed = package.joinpath("outlets_listed.tsv").read_text(encoding="utf-8")
    return Registry(
        _parse(tomllib.loads(text), "citecheck/outlets.toml"),
        parse_listed(listed, "citecheck/outlets_listed.tsv"),
    )


# Country codes used worldwide as generic names ("example.io", "example.tv"): no language
_GENERIC_CC = frozenset("ai am cc co fm gg im io la me ly ms nu sh tk to tv vc ws".split())
# Generic top-level domains a news site uses (and .example, reserved for documentation and
# fixtures); a "name.txt" or "v1.py" is no site
_SITE_TLDS = frozenset(
    "com org net info news edu gov int eu media press online blog example".split()
)


def domain_outlet(domain: str) -> Outlet | None:
    """An outlet known only by the domain the text names ("the article on example-daily.es"),
    in the language its name gives (`domain_language`)."""
    domain = domain.lower().strip(".")
    if not _DOMAIN.fullmatch(domain):
        return None
    tld = domain.rsplit(".", 1)[-1]
    if len(tld) != 2 and tld not in _SITE_TLDS:
        return None
    return Outlet(domain, (domain,), "digital", language=domain_language(domain))


_LANGUAGE_LABELS = frozenset(
    "ar bg cs da de el en es et fa fi fr he hi hr hu id it ja ko lt lv nl no pl pt ro ru sk sl sr "
    "sv th tr uk vi zh".split()
)


def domain_language(domain: str) -> str | None:
    """The language a domain's own name gives: a language as the first of three labels or more
    (es.euronews.com), else the one official language of its country code where there is one
    (.es es, .com.ar es, .co.uk en; not .be or .ch, which have several, nor .io or .com), from
    the CLDR data in babel."""
    labels = domain.lower().strip(".").split(".")
    if len(labels) >= 3 and labels[0] in _LANGUAGE_LABELS:
        return labels[0]
    tld = labels[-1]
    if len(labels) < 2 or len(tld) != 2 or tld in _GENERIC_CC:
        return None
    languages = get_official_languages("GB" if tld == "uk" else tld.upper(), de_facto=True)
    return languages[0] if len(languages) == 1 else None

"""robots.txt: one file per origin, parsed with protego, asked once per URL.

The fetcher downloads `/robots.txt` once per origin and run (through the same guard, caps and
pacing as every other request) and builds a `RobotsFile` from what it got:

- 2xx: the rules, parsed by protego (the first 512 KiB; RFC 9309 asks for at least 500 KiB);
- 4xx, or no answer at all (network error, timeout, a replay cassette without it): no rules,
  everything allowed (RFC 9309 2.3.1.3; an unreachable host fails the page fetch anyway);
- 429 and 5xx: everything disallowed for this run (RFC 9309 2.3.1.4: the server is asking
  crawlers to stay away for now).

Groups are matched on the User-Agent's product token ("citecheck" in
"citecheck/0.1 (+https://...)"), falling back to `*`, as protego does.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from protego import Protego
from protego._utils import _quote_path

log = logging.getLogger(__name__)

MAX_ROBOTS_BYTES = 512 * 1024
_TOKEN = re.compile(r"[A-Za-z0-9_-]+")


def product_token(user_agent: str) -> str:
    """The name robots.txt groups match: "citecheck/0.1 (+url)" -> "citecheck"."""
    m = _TOKEN.match(user_agent.strip())
    return m.group(0).lower() if m else "*"


def origin_of(url: str) -> str:
    """scheme://host[:port] of a URL: robots.txt applies per origin."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def robots_url(url: str) -> str:
    return origin_of(url) + "/robots.txt"


def _path(url: str) -> str:
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


@dataclass
class RobotsFile:
    """What one origin's robots.txt says; `check(url)` gives (allowed, reason)."""

    url: str
    text: str | None = None  # the rules; None when there are none to follow
    disallow_all: str = ""  # set (to the why) when the server asked everyone to stay away
    note: str = ""  # how the file was obtained, for the log
    _parser: object | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.text:
            try:
                self._parser = Protego.parse(self.text)
            except Exception:  # a file protego cannot read is no rules at all
                log.debug("unparsable robots.txt at %s", self.url, exc_info=True)
                self._parser = None

    @classmethod
    def parse(cls, url: str, body: bytes) -> RobotsFile:
        text = body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
        return cls(url, text=text)

    def crawl_delay(self, user_agent: str) -> float | None:
        if self._parser is None:
            return None
        try:
            delay = self._parser.crawl_delay(product_token(user_agent))
        except Exception:
            return None
        return float(delay) if delay else None

    def check(self, url: str, user_agent: str) -> tuple[bool, str]:
        """(True, "") when `url` may be fetched, else (False, a reason naming the rule)."""
        if self.disallow_all:
            return False, self.disallow_all
        if self._parser is None:
            return True, ""
        token = product_token(user_agent)
        try:
            allowed = self._parser.can_fetch(url, token)
        except Exception:
            log.debug("protego failed on %s", url, exc_info=True)
            return True, ""
        if allowed:
            return True, ""
        group, rule = self._matching_rule(url, token)
        return False, (
            f"{self.url} disallows {_path(url)} for {token}"
            + (f" (rule '{rule}' in the group for user-agent {group})" if rule else "")
        )

    def _matching_rule(self, url: str, token: str) -> tuple[str, str]:
        """The group and the Disallow line that decided, from protego's internals; ("", "")
        when they cannot be read (a protego version that keeps them elsewhere)."""
        try:
            ruleset = self._parser._get_matching_rule_set(token)
            path = _quote_path(url)
            for rule in ruleset._rules:
                if rule.value.match(path):
                    pattern = rule.value._pattern
                    return ruleset.user_agent, f"{rule.field.capitalize()}: {pattern}"
        except Exception:
            pass
        return "", ""


def allow_all(url: str, note: str) -> RobotsFile:
    return RobotsFile(url, note=note)


def stay_away(url: str, status: int) -> RobotsFile:
    why = (
        f"{url} answered HTTP {status}: the site asks crawlers to stay away for now "
        "(RFC 9309 treats an unavailable robots.txt as disallowing everything)"
    )
    return RobotsFile(url, disallow_all=why, note=f"HTTP {status}")

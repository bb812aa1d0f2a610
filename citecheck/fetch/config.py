"""Every setting of the fetch stage, with the defaults a newsroom CI job can live with."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_USER_AGENT = "citecheck/0.1 (+https://github.com/citecheck/citecheck)"


@dataclass(frozen=True)
class FetchConfig:
    """Limits, timeouts, politeness and safety for fetching source pages."""

    concurrency: int = 8  # requests in flight, all hosts together
    per_host: int = 2  # requests in flight to one host
    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # between two chunks of the body
    candidate_timeout: float = 30.0  # wall time per URL: redirects, retries and waits included
    run_timeout: float | None = 300.0  # wall time for the whole run; None: no limit
    max_bytes: int = 5_000_000  # body cap, both as received and decompressed
    max_redirects: int = 5
    allow_private: bool = False  # lift the address guard (tests against a loopback server)
    allow_private_hosts: tuple[str, ...] = ()  # names (and their subdomains) or CIDR networks
    user_agent: str = DEFAULT_USER_AGENT  # identify yourself: name a contact
    retries: int = 2  # on connect errors, broken connections, 429 and 5xx
    backoff: float = 0.5  # first retry wait in seconds, doubled each time, plus jitter
    max_retry_wait: float = 10.0  # the longest Retry-After honoured; a longer one is not retried
    host_delay: float = 1.0  # minimum seconds between two requests to one host
    robots: bool = True  # honour robots.txt
    archive_fallback: bool = True  # a dead link (404, 410, DNS failure) -> Internet Archive
    cache: bool = True  # the on-disk HTTP cache (off in replay and record mode)
    cache_dir: str | None = None  # None: citecheck.net.cache.default_cache_dir()


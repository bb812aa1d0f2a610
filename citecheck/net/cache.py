"""The on-disk HTTP cache: hishel's RFC 9111 cache over SQLite, under the user's cache directory.

Re-running a check on a revised draft refetches nothing that is still fresh: a page whose
Cache-Control or Expires says so (or whose Last-Modified allows a heuristic lifetime) is served
from the file, and a stale one with a validator is revalidated with a conditional request. It is a
private cache (one user's runs), so `Cache-Control: private` pages are kept too, and nothing marked
`no-store` is ever written.

The fetcher puts it *above* its own caps and decoding (`transport.Wire`), so what is stored is
the decoded, size-checked body, and a response that broke a cap is never stored. It is off in
replay and record mode and with `--no-cache`.

Where: `--cache-dir`, else `$CITECHECK_CACHE_DIR`, else the platform's user cache directory
(platformdirs) plus `citecheck/`. The database is `http-cache.sqlite` in it.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from pathlib import Path

import httpx
import platformdirs
from hishel import AsyncSqliteStorage, CacheOptions, Request, Response
from hishel.httpx import AsyncCacheTransport

from .cassette import scrub_uri

log = logging.getLogger(__name__)

DB_NAME = "http-cache.sqlite"
MAX_CACHE_BYTES = 512 * 1024**2  # hishel evicts the oldest entries past this


def default_cache_dir() -> Path:
    """The directory the cache lives in when none is configured."""
    env = os.environ.get("CITECHECK_CACHE_DIR", "").strip()
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_cache_dir("citecheck", appauthor=False))


def cache_transport(
    inner: httpx.AsyncBaseTransport, directory: str | os.PathLike | None = None
) -> httpx.AsyncBaseTransport | None:
    """`inner` behind an RFC 9111 cache stored in `directory`; None (no cache, a warning in the
    log) when the directory cannot be written."""
    where = Path(directory).expanduser() if directory else default_cache_dir()
    try:
        where.mkdir(parents=True, exist_ok=True)
        probe = where / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        log.warning("cache directory %s is not writable (%s): fetching without cache", where, exc)
        return None
    storage = AsyncSqliteStorage(database_path=where / DB_NAME, max_size=MAX_CACHE_BYTES)
    return AsyncCacheTransport(inner, storage=storage, rfc=CacheOptions(shared=False))


def served_from_cache(response: httpx.Response) -> bool:
    """Whether the cache answered (a fresh hit, or a stale entry the server confirmed)."""
    status = response.extensions.get("caching")  # hishel 2.x: a CacheStatus dict
    if isinstance(status, dict):
        return bool(status.get("from_cache"))
    return bool(getattr(status, "from_cache", False))


# --- search answers -------------------------------------------------------------------------

ANSWERS_DB = "search-cache.sqlite"
ANSWER_TTL = 6 * 3600.0  # search results move; a day's re-runs of one draft should not re-ask
MAX_ANSWER_BYTES = 64 * 1024**2


async def _once(body: bytes):
    yield body


class AnswerCache:
    """Search, archive and fact-check API answers kept on disk for `ttl` seconds.

    The APIs send no caching headers (an RFC 9111 cache would keep nothing) and ration requests
    (GDELT: one per 5 s), so their answers are kept by age instead, in hishel's SQLite storage.
    Keyed by the request URL with secret parameters removed, and storing only the body: no
    request or response headers, so no API key or token reaches the disk. Any storage failure is
    a miss, never an error.
    """

    def __init__(self, directory: str | os.PathLike | None = None, ttl: float = ANSWER_TTL):
        self.directory = directory
        self.ttl = ttl
        self._storage = None
        self._broken = False
        self.hits = 0

    def _store(self):
        if self._storage is None and not self._broken:
            try:
                where = Path(self.directory).expanduser() if self.directory else default_cache_dir()
                where.mkdir(parents=True, exist_ok=True)
                self._storage = AsyncSqliteStorage(
                    database_path=where / ANSWERS_DB, max_size=MAX_ANSWER_BYTES
                )
            except OSError as exc:
                log.warning("search answers are not cached: %s", exc)
                self._broken = True
        return self._storage

    @staticmethod
    def key(url: str) -> tuple[str, str]:
        """(the URL without secrets, its cache key)."""
        clean = scrub_uri(url)
        return clean, hashlib.sha256(f"answer GET {clean}".encode()).hexdigest()

    async def get(self, url: str) -> bytes | None:
        storage = self._store()
        if storage is None:
            return None
        try:
            for entry in await storage.get_entries(self.key(url)[1]):
                body = b"".join([chunk async for chunk in entry.response.stream])
                self.hits += 1
                return body
        except Exception as exc:  # noqa: BLE001 - a broken cache is a miss
            log.debug("search cache read failed: %s", exc)
        return None

    async def put(self, url: str, body: bytes) -> None:
        storage = self._store()
        if storage is None:
            return
        clean, key = self.key(url)
        try:
            entry = await storage.create_entry(
                Request(method="GET", url=clean),
                Response(status_code=200, stream=_once(body)),
                key,
                ttl=self.ttl,
            )
            async for _ in entry.response.stream:  # the body is written as it is read
                pass
        except Exception as exc:  # noqa: BLE001 - a broken cache is a miss
            log.debug("search cache write failed: %s", exc)

    async def close(self) -> None:
        if self._storage is not None:
            with contextlib.suppress(Exception):
                await self._storage.close()
            self._storage = None

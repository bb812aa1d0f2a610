"""Suite-wide guards. pyproject's addopts runs pytest-socket with --allow-hosts=127.0.0.1,::1, so
any connection outside loopback fails loudly instead of hanging; this fixture also refuses DNS
lookups of anything but localhost, so code that would resolve a real host name fails at once."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from fixtures import sample_cassette, search_cassettes, translate_cassettes

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_2425c39e6c4ac482.txt"
SAMPLE = ROOT / "examples" / "sample-draft.md"
SAMPLE_CASSETTE = ROOT / "cassettes" / "sample.yaml"

_real_getaddrinfo = socket.getaddrinfo


def _loopback_only(host, *args, **kwargs):
    if host not in (None, "localhost", "127.0.0.1", "::1", b"localhost", b"127.0.0.1"):
        raise OSError(f"test suite: DNS lookup of {host!r} refused (tests stay on loopback)")
    return _real_getaddrinfo(host, *args, **kwargs)


@pytest.fixture(autouse=True)
def _no_dns(monkeypatch):
    monkeypatch.setattr(socket, "getaddrinfo", _loopback_only)


@pytest.fixture(autouse=True)
def _private_cache(monkeypatch, tmp_path_factory):
    """Each test gets its own HTTP cache directory: no test reads what another (or a user's
    own runs) left in ~/.cache/citecheck."""
    monkeypatch.setenv("CITECHECK_CACHE_DIR", str(tmp_path_factory.mktemp("http-cache")))


@pytest.fixture(scope="session")
def cassette_sets():
    """The fixture cassettes, by set: each module's `files()` gives every cassette's path and
    the text it must hold (scripts/build_cassettes.py writes them)."""
    return {"sample": sample_cassette, "search": search_cassettes, "translate": translate_cassettes}

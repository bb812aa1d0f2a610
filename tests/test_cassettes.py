"""The committed cassettes are what the fixture data builds, so a replay always matches the code
that makes the requests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("name", ["sample", "search", "translate"])
def test_committed_cassettes_are_up_to_date(cassette_sets, name):
    for path, text in cassette_sets[name].files().items():
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.name} is stale: run python scripts/build_cassettes.py {name}"
        )

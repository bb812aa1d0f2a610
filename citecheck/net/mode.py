"""Where a run's requests go: the network, nowhere, or a cassette (replay or record)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from .cassette import cassette


class Mode(StrEnum):
    LIVE = "live"  # ask the network
    OFFLINE = "offline"  # make no request at all
    REPLAY = "replay"  # serve every request from a cassette
    RECORD = "record"  # ask the network and save every answer in a cassette


@dataclass(frozen=True)
class Network:
    """A run's network mode, with the cassette for replay and record."""

    mode: Mode = Mode.LIVE
    cassette: str | None = None

    @property
    def offline(self) -> bool:
        return self.mode is Mode.OFFLINE

    @property
    def replaying(self) -> bool:
        """No DNS, no pacing, no waiting: there is no server to be polite to."""
        return self.mode is Mode.REPLAY

    @property
    def recorded(self) -> bool:
        """Replay or record: the on-disk caches stay out of the way of the cassette."""
        return self.mode in (Mode.REPLAY, Mode.RECORD)

    @contextlib.contextmanager
    def session(self) -> Iterator[None]:
        """Requests made inside are served from (saved into) the cassette, if the mode has one."""
        if self.recorded and self.cassette:
            with cassette(self.cassette, "replay" if self.replaying else "record"):
                yield
        else:
            yield

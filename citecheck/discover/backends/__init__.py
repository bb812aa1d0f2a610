"""The search back-ends, by name: a plain registry, as `llm` keeps its plugins.

`BACKENDS[name]` is the class; `DEFAULT` the back-ends a run uses unless told otherwise (the
keyless ones, so a fresh install searches without any account). Add a back-end by writing a
`SearchBackend` subclass and listing it here.
"""

from __future__ import annotations

from citecheck.discover.backends.brave import Brave
from citecheck.discover.backends.factcheck import FactCheckTools
from citecheck.discover.backends.gdelt import Gdelt, GdeltContext
from citecheck.discover.backends.mediacloud import MediaCloud
from citecheck.discover.backends.searxng import SearXNG
from citecheck.discover.backends.wayback import Wayback, closest_snapshot, raw_capture_url
from citecheck.discover.search import Backend

BACKENDS: dict[str, type[Backend]] = {
    cls.name: cls
    for cls in (Gdelt, Wayback, GdeltContext, SearXNG, Brave, MediaCloud, FactCheckTools)
}
DEFAULT: tuple[str, ...] = ("gdelt", "wayback")

__all__ = [
    "BACKENDS",
    "DEFAULT",
    "Brave",
    "FactCheckTools",
    "Gdelt",
    "GdeltContext",
    "MediaCloud",
    "SearXNG",
    "Wayback",
    "closest_snapshot",
    "raw_capture_url",
]

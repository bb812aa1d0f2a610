"""Report formats: one module per format, each with `render(report) -> str`."""

from __future__ import annotations

from ..model import Report
from . import json, text

_RENDERERS = {"text": text.render, "json": json.render}
FORMATS: tuple[str, ...] = tuple(_RENDERERS)


def render(report: Report, fmt: str = "text") -> str:
    try:
        return _RENDERERS[fmt](report)
    except KeyError:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})") from None

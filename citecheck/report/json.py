"""The JSON report: the data contract of docs/data-contract.md, schema 1 (the model's
`to_dict()`; `extract` leaves the check fields out)."""

from __future__ import annotations

from ..model import SCHEMA, Report
from .common import json_text

__all__ = ["SCHEMA", "render"]


def render(report: Report, **_: object) -> str:
    return json_text(report.to_dict())

"""The report of a run: the findings per draft, the drafts that could not be read, the policy
that fails a run, and the headline every format opens with; `to_dict()` gives the JSON contract
(docs/data-contract.md)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .core import CONFIRMED, DEFAULT_FAIL_ON, SCHEMA, Document, Finding, Verdict

# How the headline names the verdicts that are neither confirmed nor unverifiable.
_HEADLINE_WORDS = (
    (Verdict.CLOSE, "close"),
    (Verdict.ALTERED, "altered"),
    (Verdict.MISATTRIBUTED, "misattributed"),
    (Verdict.NOT_FOUND, "not found"),
)


def headline(findings: Sequence[Finding]) -> str:
    """One line an editor acts on: "3 of 12 checkable quotes verified, 2 altered, 7 could not be
    checked". Verified counts every confirmed verdict (verified, translated, supported); scare
    quotes are the writer's own and named apart."""
    checked = [f.verdict for f in findings if f.verdict is not None]
    scare = sum(1 for f in findings if f.verdict is None)
    confirmed = sum(1 for v in checked if v in CONFIRMED)
    if checked:
        s = "" if len(checked) == 1 else "s"
        parts = [f"{confirmed} of {len(checked)} checkable quote{s} verified"]
        parts += [f"{checked.count(v)} {word}" for v, word in _HEADLINE_WORDS if v in checked]
        if Verdict.UNVERIFIABLE in checked:
            parts.append(f"{checked.count(Verdict.UNVERIFIABLE)} could not be checked")
        line = ", ".join(parts)
    else:
        line = "no quotes to check"
    if scare:
        line += f"; {scare} scare quote{'s' if scare != 1 else ''}, not checked"
    return line


@dataclass(frozen=True)
class DocumentReport:
    """The findings of one draft, in order of appearance."""

    path: str
    findings: tuple[Finding, ...]
    document: Document | None = field(default=None, repr=False, compare=False)

    def __repr__(self) -> str:
        return f"<DocumentReport {self.path}: {len(self.findings)} findings>"

    @property
    def summary(self) -> dict[str, int]:
        """How many findings got each verdict."""
        counts: dict[str, int] = {}
        for f in self.findings:
            if f.verdict is not None:
                counts[str(f.verdict)] = counts.get(str(f.verdict), 0) + 1
        return counts

    @property
    def warnings(self) -> tuple[str, ...]:
        """What was repaired or guessed while reading the draft."""
        return self.document.warnings if self.document is not None else ()

    @property
    def headline(self) -> str:
        """This draft's line: "3 of 12 checkable quotes verified, 2 altered, ..."."""
        return headline(self.findings)

    def to_dict(self, checked: bool = True) -> dict:
        """The draft's JSON; `checked=False` (extract) leaves the check fields out."""
        entry: dict = {
            "path": self.path,
            "attributions": [f.to_dict(checked) for f in self.findings],
        }
        if checked:
            entry["summary"] = self.summary
        if self.warnings:
            entry["warnings"] = list(self.warnings)
        return entry


@dataclass(frozen=True)
class Unreadable:
    """A draft the run could not read, and why ("the draft is empty"): the others are still
    checked, and the report lists it."""

    path: str
    reason: str

    def to_dict(self) -> dict:
        """Its JSON: path and reason."""
        return {"path": self.path, "reason": self.reason}


@dataclass(frozen=True)
class Report:
    """Every draft of one run. `fail_on` is the run's policy: the verdicts that fail it."""

    documents: tuple[DocumentReport, ...]
    checked: bool = True  # False for `extract`: no verdicts
    fail_on: tuple[Verdict, ...] = DEFAULT_FAIL_ON
    unreadable: tuple[Unreadable, ...] = ()  # drafts named but not read, with the reason
    min_verified: int = 0  # the policy's floor: fewer verified quotes than this fail the run

    def __repr__(self) -> str:
        n = len(self.documents)
        drafts = f"{n} draft{'s' if n != 1 else ''}"
        if not self.checked:
            return f"<Report {drafts}, {len(self.findings)} attributions>"
        return f"<Report {drafts}: {self.headline}>"

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding of every draft, in order."""
        return tuple(f for d in self.documents for f in d.findings)

    @property
    def failing(self) -> tuple[Finding, ...]:
        """The findings whose verdict is in `fail_on`: what makes a CI job fail."""
        return tuple(f for f in self.findings if f.verdict in self.fail_on)

    @property
    def verified(self) -> tuple[Finding, ...]:
        """The findings a source confirms: verified, translated, supported."""
        return tuple(f for f in self.findings if f.verdict in CONFIRMED)

    @property
    def too_few_verified(self) -> bool:
        """True when the run verified fewer quotes than `min_verified` asks."""
        return self.checked and len(self.verified) < self.min_verified

    @property
    def passed(self) -> bool:
        """The run's policy holds: nothing in `fail_on`, and at least `min_verified` verified."""
        return not self.failing and not self.too_few_verified

    @property
    def headline(self) -> str:
        """The run's line: "3 of 12 checkable quotes verified, 2 altered, 7 could not be
        checked", with the policy's floor when it is not met."""
        line = headline(self.findings)
        if self.too_few_verified:
            line += f"; fewer than the {self.min_verified} verified the run requires"
        return line

    def to_dict(self) -> dict:
        """The JSON report (docs/data-contract.md, schema 1)."""
        out: dict = {
            "schema": SCHEMA,
            "documents": [d.to_dict(self.checked) for d in self.documents],
        }
        if self.checked:
            out["headline"] = self.headline
            out["passed"] = self.passed
        if self.unreadable:
            out["unreadable"] = [u.to_dict() for u in self.unreadable]
        return out

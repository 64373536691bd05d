"""The result of checking an application or a footer: findings, each with its rule,
sources and what to do."""

from __future__ import annotations

import datetime as dt

import attrs

from ._enums import Severity
from ._ids import FindingId
from ._model import Province, Source, Text

__all__ = ["Finding", "FooterCheck", "Preflight"]


@attrs.frozen
class Finding:
    """One thing to fix or to check before submitting. ``id`` is stable (a
    :class:`FindingId` value); ``field`` names the application field concerned
    (``websites[0].domains[0].expires_on``); ``rule`` the national rule id or the
    province check (``CN-SH/domain_min_days``) it comes from; ``disputed`` is true when
    sources disagree about the rule, and ``text`` then says how."""

    id: FindingId
    severity: Severity
    text: Text
    field: str | None
    rule: str | None
    sources: tuple[Source, ...]
    fix: Text
    disputed: bool = False


def _blocking(findings: tuple[Finding, ...]) -> tuple[Finding, ...]:
    return tuple(f for f in findings if f.severity is Severity.BLOCKS)


@attrs.frozen
class Preflight:
    """Everything ``preflight`` found, most serious first, with the data it used."""

    province: Province
    findings: tuple[Finding, ...]
    as_of: dt.date
    data_version: str

    @property
    def ok(self) -> bool:
        """True when nothing blocks (warnings and checks may remain)."""
        return not self.blocking

    @property
    def blocking(self) -> tuple[Finding, ...]:
        """The findings that would get the application rejected."""
        return _blocking(self.findings)

    @property
    def finding_ids(self) -> frozenset[FindingId]:
        """The ids of every finding."""
        return frozenset(f.id for f in self.findings)


@attrs.frozen
class FooterCheck:
    """What ``check_footer`` found on one page."""

    icp_number: str
    findings: tuple[Finding, ...]
    data_version: str

    @property
    def ok(self) -> bool:
        """True when nothing blocks."""
        return not _blocking(self.findings)

    @property
    def finding_ids(self) -> frozenset[FindingId]:
        """The ids of every finding."""
        return frozenset(f.id for f in self.findings)

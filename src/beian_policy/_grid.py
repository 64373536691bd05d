"""Every question at once: each province x change x subject kind, decided, and the
ones on which the sources disagree. Reviewers read these as a table and a list."""

from __future__ import annotations

import datetime as dt

import attrs

from ._data._loader import resolve_policy
from ._decision import ChangeVerdict, assess_transfer
from ._enums import Basis, Change, SubjectKind, Timing
from ._memo import memoised
from ._model import Province, Source
from ._policy import Policy

__all__ = [
    "SUBJECT_KINDS",
    "TABLE_COLUMNS",
    "DecisionCell",
    "Dispute",
    "Position",
    "decision_grid",
    "disputes",
    "table_row",
]

#: The subject kinds a question can be asked with; None: not given.
SUBJECT_KINDS: tuple[SubjectKind | None, ...] = (None, SubjectKind.ORGANISATION, SubjectKind.INDIVIDUAL)


@attrs.frozen
class DecisionCell:
    """The answer for one change alone, in one province, for one subject kind."""

    province: Province
    """The province asked about."""
    change: Change
    """The one change asked about."""
    subject_kind: SubjectKind | None
    """The subject kind asked with; None when not given."""
    verdict: ChangeVerdict
    """What :func:`~beian_policy.assess_transfer` answers for it."""


@attrs.frozen
class Position:
    """What one current source says about when a change is filed."""

    source: Source
    """The document that says it (its ``provider`` and ``date``, where known)."""
    timing: Timing
    """What it says: ``before`` or ``after`` the transfer."""
    decides: bool
    """True for a source of the rule the answer follows; False for a claim beside it."""
    boilerplate: bool = False
    """The provider repeats the line for many provinces (JD Cloud's match line)."""
    note: str = ""
    """The data's remark on the claim (English)."""

    @property
    def provider(self) -> str:
        """Who published the source."""
        return self.source.provider

    @property
    def date(self) -> dt.date | None:
        """The source's date, where known."""
        return self.source.date


@attrs.frozen
class Dispute:
    """A question the sources answer differently: the library's answer and every
    current source's position on it."""

    province: Province
    """The province."""
    change: Change
    """The change."""
    subject_kind: SubjectKind | None
    """The subject kind asked with; None when not given."""
    verdict: ChangeVerdict
    """The answer the library gives (its timing, basis, rule and sources)."""
    positions: tuple[Position, ...]
    """The deciding sources first, then the other current sources' claims, each once."""

    @property
    def providers(self) -> tuple[str, ...]:
        """Every provider with a position, each once, in order."""
        return tuple(dict.fromkeys(p.provider for p in self.positions))

    @property
    def dissent(self) -> tuple[Position, ...]:
        """The positions that say otherwise than the answer."""
        return tuple(p for p in self.positions if p.timing is not self.verdict.timing)


@memoised
def decision_grid(*, policy: Policy | None = None) -> tuple[DecisionCell, ...]:
    """Every province x change x subject kind (None, organisation, individual), in
    province, change and kind order: 930 answers for the shipped data."""
    pol = resolve_policy(policy)
    return tuple(
        DecisionCell(
            province,
            change,
            kind,
            assess_transfer(province, [change], subject_kind=kind, policy=pol).verdicts[0],
        )
        for province in pol.provinces
        for change in Change
        for kind in SUBJECT_KINDS
    )


def _positions(cell: DecisionCell, policy: Policy) -> tuple[Position, ...]:
    verdict = cell.verdict
    rules = policy.rules_for(cell.province)
    found: dict[str, Position] = {}
    if verdict.basis is Basis.PROVINCE:
        for source in verdict.sources:
            found.setdefault(source.id, Position(source, verdict.timing, decides=True))
    for claim in rules.claims_about(cell.change, cell.subject_kind):
        if claim.timing is not None and claim.source.is_current:
            position = Position(claim.source, claim.timing, False, claim.boilerplate, claim.note)
            found.setdefault(claim.source.id, position)
    return tuple(found.values())


@memoised
def disputes(*, policy: Policy | None = None) -> tuple[Dispute, ...]:
    """Every province x change x subject kind whose answer a current source disputes,
    with what each source says (the decision grid's disputed cells)."""
    pol = resolve_policy(policy)
    return tuple(
        Dispute(cell.province, cell.change, cell.subject_kind, cell.verdict, _positions(cell, pol))
        for cell in decision_grid(policy=pol)
        if cell.verdict.disputed
    )


#: The columns of the decision table, in order (``beian-policy table``).
TABLE_COLUMNS: tuple[str, ...] = (
    "province",
    "province_name",
    "change",
    "subject_kind",
    "timing",
    "basis",
    "disputed",
    "deadline_working_days",
    "rule",
    "sources",
)


def table_row(cell: DecisionCell) -> dict[str, object]:
    """One row of the decision table: plain values keyed by :data:`TABLE_COLUMNS`
    (``subject_kind`` and ``deadline_working_days`` are None when absent, ``sources``
    the deciding rule's source ids)."""
    verdict = cell.verdict
    values: tuple[object, ...] = (
        cell.province.code,
        cell.province.short_name,
        cell.change.value,
        cell.subject_kind.value if cell.subject_kind else None,
        verdict.timing.value,
        verdict.basis.value,
        verdict.disputed,
        verdict.deadline_working_days,
        verdict.rule,
        [source.id for source in verdict.sources],
    )
    return dict(zip(TABLE_COLUMNS, values, strict=True))

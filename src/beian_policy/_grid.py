"""Every question at once: each province x change x subject kind, decided, and the
ones on which the sources disagree. Reviewers read these as a table and a list."""

from __future__ import annotations

import datetime as dt

import attrs

from ._data._loader import resolve_policy
from ._decision import ChangeVerdict, assess_transfer, coerce_according_to, coerce_as_of
from ._enums import Change, SubjectKind, Timing
from ._memo import memoised
from ._model import Province, Source, Text
from ._policy import Policy
from ._statements import candidates

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
    """What one statement in effect says about when a change is filed."""

    source: Source
    """The document that says it (its ``provider`` and dates, where known)."""
    timing: Timing
    """What it says: ``before``, ``after`` or ``with_transfer``."""
    decides: bool
    """True for the statement the answer follows; False for one beside it."""
    boilerplate: bool = False
    """The provider repeats the line for many provinces (JD Cloud's match line)."""
    note: Text | None = None
    """The data's remark on the statement."""
    statement: str = ""
    """The statement's id (``CN-JS/q-cn-js/1``)."""

    @property
    def provider(self) -> str:
        """The id of who published the source."""
        return self.source.provider

    @property
    def date(self) -> dt.date | None:
        """The statement's start (its publication date or a bound), where known."""
        return self.source.start

    @property
    def date_is_bound(self) -> bool:
        """True when :attr:`date` is only a lower bound."""
        return self.source.start_is_bound


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
    """The deciding statement first, then every other statement in effect that agrees
    or dissents, each once."""

    @property
    def providers(self) -> tuple[str, ...]:
        """Every provider with a position, each once, in order."""
        return tuple(dict.fromkeys(p.provider for p in self.positions))

    @property
    def dissent(self) -> tuple[Position, ...]:
        """The positions that say otherwise than the answer."""
        return tuple(p for p in self.positions if p.timing is not self.verdict.timing)


@memoised
def decision_grid(
    *, as_of: dt.date | None = None, according_to: str | None = None, policy: Policy | None = None
) -> tuple[DecisionCell, ...]:
    """Every province x change x subject kind (None, organisation, individual), in
    province, change and kind order (930 answers for the shipped data), as of *as_of*
    and in *according_to*'s view (see :func:`~beian_policy.assess_transfer`)."""
    pol = resolve_policy(policy)
    day = coerce_as_of(as_of, pol)
    provider = coerce_according_to(according_to, pol)
    return tuple(
        DecisionCell(
            province,
            change,
            kind,
            assess_transfer(
                province, [change], subject_kind=kind, as_of=day, according_to=provider, policy=pol
            ).verdicts[0],
        )
        for province in pol.provinces
        for change in Change
        for kind in SUBJECT_KINDS
    )


def _positions(cell: DecisionCell, policy: Policy, day: dt.date) -> tuple[Position, ...]:
    verdict = cell.verdict
    rules = policy.rules_for(cell.province)
    found: dict[str, Position] = {}
    in_effect = (
        *candidates(rules.statements, cell.change, cell.subject_kind, day),
        *candidates(policy.national_statements, cell.change, cell.subject_kind, day),
    )
    dissent = {s.id for s in verdict.dissent}
    for statement in in_effect:
        if statement.id == verdict.rule or statement.id in dissent or statement.timing is verdict.timing:
            found.setdefault(
                statement.id,
                Position(
                    statement.source,
                    statement.timing,
                    statement.id == verdict.rule,
                    statement.boilerplate,
                    statement.note,
                    statement.id,
                ),
            )
    ordered = sorted(found.values(), key=lambda p: not p.decides)
    return tuple(ordered)


@memoised
def disputes(
    *, as_of: dt.date | None = None, according_to: str | None = None, policy: Policy | None = None
) -> tuple[Dispute, ...]:
    """Every province x change x subject kind whose answer a province statement in
    effect disputes, with what each statement in effect says (the decision grid's
    disputed cells), as of *as_of* and in *according_to*'s view."""
    pol = resolve_policy(policy)
    day = coerce_as_of(as_of, pol)
    return tuple(
        Dispute(cell.province, cell.change, cell.subject_kind, cell.verdict, _positions(cell, pol, day))
        for cell in decision_grid(as_of=day, according_to=according_to, policy=pol)
        if cell.verdict.disputed
    )


#: The columns of the decision table, in order (``beian-policy table``).
TABLE_COLUMNS: tuple[str, ...] = (
    "province",
    "province_name",
    "change",
    "subject_kind",
    "according_to",
    "timing",
    "basis",
    "disputed",
    "deadline_working_days",
    "rule",
    "provider",
    "date",
    "sources",
)


def table_row(cell: DecisionCell, according_to: str | None = None) -> dict[str, object]:
    """One row of the decision table: plain values keyed by :data:`TABLE_COLUMNS`
    (``subject_kind``, ``according_to`` (the provider view; None: combined),
    ``deadline_working_days``, ``provider`` and ``date`` are None when absent;
    ``date`` is the deciding statement's start, ``>=`` before it when it is a bound;
    ``sources`` the deciding statement's or rule's source ids)."""
    verdict = cell.verdict
    date = None
    if verdict.date is not None:
        date = (">=" if verdict.date_is_bound else "") + verdict.date.isoformat()
    values: tuple[object, ...] = (
        cell.province.code,
        cell.province.short_name,
        cell.change.value,
        cell.subject_kind.value if cell.subject_kind else None,
        according_to,
        verdict.timing.value,
        verdict.basis.value,
        verdict.disputed,
        verdict.deadline_working_days,
        verdict.rule,
        verdict.provider,
        date,
        [source.id for source in verdict.sources],
    )
    return dict(zip(TABLE_COLUMNS, values, strict=True))

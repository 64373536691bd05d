"""The combination rule: which statement decides a change, and who disagrees.

Pure functions over statements (docs/data-format.md, "The combination rule"): take
the statements that cover the change and the subject kind and are in effect on the
day; province statements decide, national ones do not (except in a provider's own
view); boilerplate never decides; rank current pages before archives, then the
newest evidence, then the most specific, then primary before secondary, then file
order. Every other statement in effect that says another timing is dissent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import attrs

from ._enums import Change, SourceStanding, SubjectKind, Timing
from ._model import ALL_KINDS, Statement
from ._record import record_methods

__all__ = ["Ruling", "candidates", "decide", "rank", "specificity"]


@record_methods
@attrs.frozen(repr=False, eq=False)
class Ruling:
    """The outcome for one change: the deciding statement (None: no statement decides
    and the cautious default applies) and the statements that say otherwise."""

    decider: Statement | None
    dissent: tuple[Statement, ...]
    """Statements in effect whose timing differs from the answer, best-ranked first."""
    disputing: tuple[Statement, ...]
    """The part of :attr:`dissent` that makes the answer disputed: province statements
    (a national statement describes its provider's own system)."""


def specificity(statement: Statement) -> tuple[int, int]:
    """(names the change, is for one subject kind): higher is more specific."""
    return (int(not statement.covers_all), int(statement.applies_to != ALL_KINDS))


def rank(statement: Statement, position: int) -> tuple[int, int, int, int, int, int, int]:
    """A sort key, best first: current before archived, newest evidence first (undated
    last), more specific first, primary before secondary, then file order."""
    fresh = statement.source.freshness
    names, kind = specificity(statement)
    return (
        int(not statement.source.is_current),
        int(fresh is None),
        -fresh.toordinal() if fresh is not None else 0,
        -names,
        -kind,
        int(statement.source.standing is not SourceStanding.PRIMARY),
        position,
    )


def candidates(
    statements: Iterable[Statement],
    change: Change,
    subject_kind: SubjectKind | None,
    day: dt.date,
    provider: str | None = None,
) -> tuple[Statement, ...]:
    """The statements that cover *change* for *subject_kind*, are in effect on *day*
    and (when *provider* is given) are that provider's."""
    return tuple(s for _, s in _numbered(tuple(statements), 0, change, subject_kind, day, provider))


def _best(pool: Sequence[tuple[int, Statement]]) -> Statement | None:
    deciding = [(position, s) for position, s in pool if not s.boilerplate]
    return min(deciding, key=lambda item: rank(item[1], item[0]))[1] if deciding else None


def _numbered(
    statements: Sequence[Statement],
    start: int,
    change: Change,
    subject_kind: SubjectKind | None,
    day: dt.date,
    provider: str | None,
) -> list[tuple[int, Statement]]:
    """The candidates among *statements*, each with its place in file order."""
    return [
        (start + i, s)
        for i, s in enumerate(statements)
        if s.covers(change, subject_kind)
        and s.source.in_effect(day)
        and (provider is None or s.provider == provider)
    ]


def decide(
    province_statements: Sequence[Statement],
    national_statements: Sequence[Statement],
    change: Change,
    subject_kind: SubjectKind | None,
    day: dt.date,
    provider: str | None = None,
) -> Ruling:
    """The ruling for *change* on *day*, in the default view (*provider* None) or in
    *provider*'s view (its statements alone, its national ones after its province ones)."""
    local = _numbered(province_statements, 0, change, subject_kind, day, provider)
    national = _numbered(national_statements, len(province_statements), change, subject_kind, day, provider)
    decider = _best(local)
    if decider is None and provider is not None:
        decider = _best(national)
    timing = decider.timing if decider is not None else Timing.BEFORE
    # National statements neither outweigh nor dispute a province statement; where no
    # province statement decides, they are shown as dissent (without disputing).
    others = local if decider is not None and decider.province is not None else [*local, *national]
    dissent = [
        (position, s)
        for position, s in others
        if s is not decider
        and s.timing is not timing
        and not (
            decider is not None and s.source.id == decider.source.id and specificity(s) < specificity(decider)
        )
    ]
    dissent.sort(key=lambda item: rank(item[1], item[0]))
    ordered = tuple(s for _, s in dissent)
    return Ruling(decider, ordered, tuple(s for s in ordered if s.province is not None))

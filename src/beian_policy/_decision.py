"""Whether a filing can be transferred directly, and which rule says so."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import attrs

from ._coerce import combine_basis, vocabulary_key
from ._enums import Basis, Change, SubjectKind, Timing
from ._errors import InvalidArgumentError, UnknownChangeError
from ._loader import resolve_policy
from ._model import Province, Source, TransferRule
from ._policy import Policy
from ._provinces import resolve_province
from ._text import fold

__all__ = [
    "ChangeVerdict",
    "ChangesLike",
    "DeferredChange",
    "ProvinceLike",
    "TransferDecision",
    "assess_transfer",
    "can_transfer_directly",
    "coerce_changes",
    "coerce_subject_kind",
]

#: What a ``province`` argument accepts: a Province or any spelling of one.
ProvinceLike = Province | str
#: What a ``changes`` argument accepts: one change or an iterable, as members or values.
ChangesLike = Change | str | Iterable[Change | str] | None

_CHANGE_ORDER = {change: index for index, change in enumerate(Change)}


def _sorted(changes: Iterable[Change]) -> tuple[Change, ...]:
    return tuple(sorted(changes, key=_CHANGE_ORDER.__getitem__))


def _coerce_change(value: object) -> Change:
    if isinstance(value, Change):
        return value
    if isinstance(value, str):
        text = vocabulary_key(value)
        try:
            return Change(text)
        except ValueError:
            pass
        valid = [c.value for c in Change]
        raise UnknownChangeError(value, valid, difflib.get_close_matches(text, valid, n=3))
    raise UnknownChangeError(value, [c.value for c in Change])


def coerce_changes(changes: ChangesLike) -> frozenset[Change]:
    """Accept one change or any iterable of them, as members or their string values."""
    if changes is None:
        return frozenset()
    if isinstance(changes, (Change, str)):
        return frozenset({_coerce_change(changes)})
    try:
        items = list(changes)
    except TypeError:
        raise UnknownChangeError(changes, [c.value for c in Change]) from None
    return frozenset(_coerce_change(item) for item in items)


def coerce_subject_kind(value: SubjectKind | str | None) -> SubjectKind | None:
    """Accept a SubjectKind, its string value, or None (not given)."""
    if value is None or isinstance(value, SubjectKind):
        return value
    if isinstance(value, str):
        try:
            return SubjectKind(fold(value).lower())
        except ValueError:
            pass
    raise InvalidArgumentError("subject_kind", value, [k.value for k in SubjectKind])


@attrs.frozen
class ChangeVerdict:
    """How one change is handled: before or after the transfer, and why."""

    change: Change
    timing: Timing
    basis: Basis
    rule: str
    sources: tuple[Source, ...]
    deadline_working_days: int | None = None
    disputed: bool = False
    note: str = ""


@attrs.frozen
class DeferredChange:
    """A change that may be filed after the transfer, with its deadline if stated."""

    change: Change
    deadline_working_days: int | None


@attrs.frozen
class TransferDecision:
    """The answer to "can this filing be transferred directly?", with its evidence.

    ``basis`` is ``province`` when the province's own stated rules decided every
    change, ``national_default`` when any change fell back to the strict national
    default because the province's rule is unknown, and ``national_rule`` when only
    national rules were involved (no changes, or only the SMS phone).
    """

    province: Province
    changes: frozenset[Change]
    subject_kind: SubjectKind | None
    direct: bool
    blocking: frozenset[Change]
    deferred: tuple[DeferredChange, ...]
    basis: Basis
    disputed: bool
    verdicts: tuple[ChangeVerdict, ...]
    sources: tuple[Source, ...]
    data_version: str


def _verdict(
    change: Change, subject_kind: SubjectKind | None, policy: Policy, province: Province
) -> ChangeVerdict:
    if change is Change.WEBSITE_OWNER_PHONE:
        national = policy.national_rule("sms_phone_must_match")
        return ChangeVerdict(
            change,
            Timing.BEFORE,
            Basis.NATIONAL_RULE,
            f"national/{national.id}",
            national.sources,
            note=national.text.en,
        )
    province_rules = policy.rules_for(province)
    rule: TransferRule = province_rules.rule_for(change, subject_kind)
    if rule.stated and rule.timing is not None:
        return ChangeVerdict(
            change,
            rule.timing,
            Basis.PROVINCE,
            rule.id,
            rule.sources,
            deadline_working_days=rule.deadline_working_days if rule.timing is Timing.AFTER else None,
            disputed=province_rules.disputed(change, subject_kind, rule.timing),
            note=rule.note,
        )
    default = policy.national_rule("change_first_by_default")
    return ChangeVerdict(
        change,
        Timing.BEFORE,
        Basis.NATIONAL_DEFAULT,
        f"national/{default.id}",
        default.sources,
        disputed=province_rules.disputed(change, subject_kind, Timing.BEFORE),
        note=f"{province.code} has no stated rule for {change.value} ({rule.id}); {default.text.en}",
    )


def assess_transfer(
    province: ProvinceLike,
    changes: ChangesLike = (),
    *,
    subject_kind: SubjectKind | str | None = None,
    policy: Policy | None = None,
) -> TransferDecision:
    """Decide whether a filing in *province* whose information changed by *changes*
    can be transferred directly, or which changes must first be filed at the original
    provider. *subject_kind* (``"organisation"`` / ``"individual"``) lets rules that
    a province states for one kind only take part."""
    pol = resolve_policy(policy)
    prov = resolve_province(province, policy=pol)
    change_set = coerce_changes(changes)
    kind = coerce_subject_kind(subject_kind)
    verdicts = tuple(_verdict(c, kind, pol, prov) for c in _sorted(change_set))
    blocking = frozenset(v.change for v in verdicts if v.timing is Timing.BEFORE)
    deferred = tuple(
        DeferredChange(v.change, v.deadline_working_days) for v in verdicts if v.timing is Timing.AFTER
    )
    basis = combine_basis(v.basis for v in verdicts)
    sources: dict[str, Source] = {}
    if not verdicts:
        for source in pol.national_rule("transfer_adds_provider").sources:
            sources[source.id] = source
    for verdict in verdicts:
        for source in verdict.sources:
            sources.setdefault(source.id, source)
    return TransferDecision(
        province=prov,
        changes=change_set,
        subject_kind=kind,
        direct=not blocking,
        blocking=blocking,
        deferred=deferred,
        basis=basis,
        disputed=any(v.disputed for v in verdicts),
        verdicts=verdicts,
        sources=tuple(sources.values()),
        data_version=pol.data_version,
    )


def can_transfer_directly(
    province: ProvinceLike,
    changes: ChangesLike = (),
    *,
    subject_kind: SubjectKind | str | None = None,
    policy: Policy | None = None,
) -> bool:
    """``assess_transfer(...).direct``: True when nothing must be changed first."""
    return assess_transfer(province, changes, subject_kind=subject_kind, policy=policy).direct

"""Whether a filing can be transferred directly, and which rule says so."""

from __future__ import annotations

import attrs

from ._coerce import ChangesLike, coerce_changes, coerce_subject_kind, sorted_changes
from ._data._loader import resolve_policy
from ._enums import Basis, Change, SubjectKind, Timing
from ._memo import memoised
from ._model import Province, Source, TimingClaim, TransferRule, combine_basis, merge_sources
from ._policy import Policy
from ._provinces import resolve_province
from ._vocab import RuleId

__all__ = [
    "ChangeVerdict",
    "ProvinceLike",
    "TransferDecision",
    "assess_transfer",
    "can_transfer_directly",
]

#: What a ``province`` argument accepts: a Province or any spelling of one.
ProvinceLike = Province | str


@attrs.frozen
class ChangeVerdict:
    """How one change is handled: before or after the transfer, and why."""

    change: Change
    """The change this verdict is about."""
    timing: Timing
    """``before``: filed at the original provider first; ``after``: by a change filing
    once the transfer succeeded."""
    basis: Basis
    """What decided: the province's own rule, the strict national default (the
    province's rule is unknown), or a national rule."""
    rule: str
    """The id of the deciding rule (``CN-BJ/transfer/*``, ``national/...``)."""
    sources: tuple[Source, ...]
    """The documents behind the deciding rule."""
    deadline_working_days: int | None = None
    """For ``after``: the stated deadline for the change filing, in working days."""
    disputed: bool = False
    """Whether a current source says otherwise."""
    note: str = ""
    """The data's remark on the rule (English)."""
    dissent: tuple[TimingClaim, ...] = ()
    """What the current sources that disagree say (empty unless ``disputed``)."""


@attrs.frozen
class TransferDecision:
    """The answer to "can this filing be transferred directly?", with its evidence."""

    province: Province
    """The province whose communications administration holds the filing."""
    changes: frozenset[Change]
    """What changed since the filing."""
    subject_kind: SubjectKind | None
    """Who holds the filing, when given; rules stated for one kind take part only then."""
    verdicts: tuple[ChangeVerdict, ...]
    """One verdict per change, in :class:`Change` order."""
    basis: Basis
    """``province`` when the province's stated rules decided every change,
    ``national_default`` when any change fell back to the strict default because the
    province's rule is unknown, ``national_rule`` when only national rules took part."""
    disputed: bool
    """Whether any verdict is disputed by a current source."""
    sources: tuple[Source, ...]
    """Every document behind the verdicts, each once."""
    data_version: str
    """The data release that produced this decision."""

    @property
    def blocking(self) -> tuple[ChangeVerdict, ...]:
        """The verdicts of changes that must be filed at the original provider first."""
        return tuple(v for v in self.verdicts if v.timing is Timing.BEFORE)

    @property
    def deferred(self) -> tuple[ChangeVerdict, ...]:
        """The verdicts of changes that may follow the transfer (with their deadlines)."""
        return tuple(v for v in self.verdicts if v.timing is Timing.AFTER)

    @property
    def direct(self) -> bool:
        """True when nothing must be changed before the transfer."""
        return not any(v.timing is Timing.BEFORE for v in self.verdicts)

    @property
    def blocking_changes(self) -> frozenset[Change]:
        """The changes of :attr:`blocking`."""
        return frozenset(v.change for v in self.blocking)

    @property
    def deferred_changes(self) -> frozenset[Change]:
        """The changes of :attr:`deferred`."""
        return frozenset(v.change for v in self.deferred)


def _verdict(
    change: Change, subject_kind: SubjectKind | None, policy: Policy, province: Province
) -> ChangeVerdict:
    if change is Change.WEBSITE_OWNER_PHONE:
        national = policy.national_rule(RuleId.SMS_PHONE_MUST_MATCH)
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
            dissent=province_rules.dissent(change, subject_kind, rule.timing),
            note=rule.note,
        )
    default = policy.national_rule(RuleId.CHANGE_FIRST_BY_DEFAULT)
    return ChangeVerdict(
        change,
        Timing.BEFORE,
        Basis.NATIONAL_DEFAULT,
        f"national/{default.id}",
        default.sources,
        disputed=province_rules.disputed(change, subject_kind, Timing.BEFORE),
        dissent=province_rules.dissent(change, subject_kind, Timing.BEFORE),
        note=f"{province.code} has no stated rule for {change.value} ({rule.id}); {default.text.en}",
    )


@memoised
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
    change_set = coerce_changes(changes, aliases=pol.vocabulary("change"))
    kind = coerce_subject_kind(subject_kind, aliases=pol.vocabulary("subject_kind"))
    verdicts = tuple(_verdict(c, kind, pol, prov) for c in sorted_changes(change_set))
    evidence = (
        (v.sources for v in verdicts)
        if verdicts
        else (pol.national_rule(RuleId.TRANSFER_ADDS_PROVIDER).sources,)
    )
    return TransferDecision(
        province=prov,
        changes=change_set,
        subject_kind=kind,
        verdicts=verdicts,
        basis=combine_basis(v.basis for v in verdicts),
        disputed=any(v.disputed for v in verdicts),
        sources=merge_sources(*evidence),
        data_version=pol.data_version,
    )


@memoised
def can_transfer_directly(
    province: ProvinceLike,
    changes: ChangesLike = (),
    *,
    subject_kind: SubjectKind | str | None = None,
    policy: Policy | None = None,
) -> bool:
    """``assess_transfer(...).direct``: True when nothing must be changed first."""
    return assess_transfer(province, changes, subject_kind=subject_kind, policy=policy).direct

"""The ordered plan for a transfer: what to do at the registrar, at the original
provider, at the new provider, and after approval."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping
from typing import ParamSpec

import attrs

from ._coerce import ChangesLike, coerce_flag, require_type
from ._data._loader import resolve_policy
from ._decision import ProvinceLike, TransferDecision, assess_transfer, statement_notes
from ._enums import Basis, Change, SubjectKind
from ._ids import StepId
from ._memo import keyed_by_fields, memoised
from ._model import ProvinceRules, Requirement, Source, Text, join_notes, merge_sources
from ._policy import Policy
from ._step import Step
from ._vocab import CheckKind, RuleId, Trigger
from .errors import ArgumentTypeError, UnknownNameError

__all__ = ["PlanFacts", "TransferPlan", "plan_transfer", "required_steps"]


def _flag(instance: object, attribute: attrs.Attribute[bool], value: object) -> None:
    coerce_flag(attribute.name, value)


@keyed_by_fields
@attrs.frozen
class PlanFacts:
    """What the plan needs to know beyond the changes; each default is the case that
    adds no step. The one definition of these facts: :func:`plan_transfer`, the
    command line, :class:`TransferCase` and the strategies all use it."""

    domain_owner_matches_subject: bool = attrs.field(default=True, validator=_flag)
    """The domain's registrant is the filing's subject (or, see below, its legal
    representative); False for any other holder."""
    domain_held_by_legal_representative: bool = attrs.field(default=False, validator=_flag)
    """The domain is held by the organisation's legal representative. No step where
    the province accepts that or says nothing (Tencent's domain page accepts it); the
    owner must be changed first where the province wants the organisation itself, and
    always for an individual."""
    regulated_industry: bool = attrs.field(default=False, validator=_flag)
    """The website is in an industry that needs pre-approval (前置审批)."""
    original_provider_reachable: bool = attrs.field(default=True, validator=_flag)
    """The original provider can still make a change filing."""
    has_extra_filings: bool = attrs.field(default=False, validator=_flag)
    """The subject has filings at other providers that the province wants cancelled."""
    domain_registered_overseas: bool = attrs.field(default=False, validator=_flag)
    """The domain is held at a registrar outside mainland China."""
    multiple_cloud_resources: bool = attrs.field(default=False, validator=_flag)
    """The website is served from resources at more than one provider."""

    @classmethod
    def coerce(cls, value: PlanFacts | Mapping[str, bool] | None) -> PlanFacts:
        """*value* as PlanFacts: an instance, a mapping of field names, or None."""
        if value is None:
            return cls()
        if isinstance(value, cls):
            return value
        if not isinstance(value, Mapping):
            raise ArgumentTypeError("facts", value, ["PlanFacts", "a dict of fact names to bools", "None"])
        names = [field.name for field in attrs.fields(cls)]
        for key in value:
            if key not in names:
                raise UnknownNameError("plan fact", key, names)
        return cls(**value)

    def triggers(self, trigger: Trigger) -> bool:
        """Whether a requirement with a fact trigger applies for these facts."""
        require_type(trigger, Trigger, "trigger")
        return bool(getattr(self, trigger.value, False))


@attrs.frozen
class TransferPlan:
    """A decision and the steps that follow from it, in the order they must happen."""

    decision: TransferDecision
    """The transfer decision the plan follows from."""
    steps: tuple[Step, ...]
    """What to do, in order."""
    facts: PlanFacts
    """The facts the plan was made for."""

    @property
    def step_ids(self) -> tuple[str, ...]:
        """The ids of :attr:`steps`, in order."""
        return tuple(step.id for step in self.steps)

    @property
    def refile(self) -> bool:
        """True when the plan files again instead of transferring: something must be
        changed first and the original provider cannot be reached to change it."""
        return bool(self.decision.blocking) and not self.facts.original_provider_reachable

    @property
    def data_version(self) -> str:
        """The data release that produced the plan."""
        return self.decision.data_version


def _legal_representative_domain(steps: _Steps, rules: ProvinceRules, kind: SubjectKind | None) -> None:
    """A domain held by the legal representative: changed first where the province
    wants the organisation itself (its ``registrant_subject_only`` check) or the
    subject is an individual; otherwise accepted, no step."""
    if kind is SubjectKind.INDIVIDUAL:
        steps.national(StepId.CHANGE_DOMAIN_OWNER, RuleId.DOMAIN_OWNER_MUST_MATCH_SUBJECT)
        return
    for check in rules.checks:
        if check.kind is CheckKind.REGISTRANT_SUBJECT_ONLY:
            rule = f"{rules.province.code}/{check.kind.value}"
            steps.add(StepId.CHANGE_DOMAIN_OWNER, rule, check.sources)


class _Steps:
    """Collects steps by id; a step required twice keeps one entry and both sources."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.by_id: dict[str, Step] = {}

    def national(self, step_id: StepId, rule_id: RuleId) -> None:
        """Add a step required by a national rule (merging sources if already there)."""
        rule = self.policy.national_rule(rule_id)
        self.add(step_id, f"national/{rule.id}", rule.sources)

    def add(
        self,
        step_id: str,
        rule: str,
        sources: tuple[Source, ...],
        *,
        deadline_working_days: int | None = None,
        changes: frozenset[Change] = frozenset(),
        note: Text | None = None,
        warnings: tuple[Text, ...] = (),
        irreversible: bool = False,
    ) -> None:
        existing = self.by_id.get(step_id)
        if existing is not None:
            self.by_id[step_id] = attrs.evolve(existing, sources=merge_sources(existing.sources, sources))
            return
        self.by_id[step_id] = Step.from_info(
            self.policy.step_info(step_id),
            rule=rule,
            sources=sources,
            deadline_working_days=deadline_working_days,
            changes=changes,
            note=note,
            warnings=warnings,
            irreversible=irreversible,
        )

    def ordered(self) -> tuple[Step, ...]:
        return tuple(sorted(self.by_id.values(), key=lambda s: s.order))


def _triggered(
    requirement: Requirement,
    *,
    changes: frozenset[Change],
    subject_kind: SubjectKind | None,
    facts: PlanFacts,
) -> bool:
    if subject_kind is not None and subject_kind not in requirement.applies_to:
        return False
    if requirement.trigger is Trigger.ALWAYS:
        return True
    if requirement.trigger is Trigger.CHANGES:
        return bool(requirement.when_changes & changes)
    return facts.triggers(requirement.trigger)


def _match_requirements(rules: ProvinceRules, subject_kind: SubjectKind | None) -> tuple[Requirement, ...]:
    """The province's requirements that an added website carry the filed subject."""
    return tuple(
        r
        for r in rules.requirements
        if r.trigger is Trigger.ADDING_WEBSITE and (subject_kind is None or subject_kind in r.applies_to)
    )


def _refiles_subject(decision: TransferDecision, must_match: tuple[Requirement, ...]) -> bool:
    """Whether the refiling must replace the subject: a subject change must come first,
    or a deferred one cannot ride on an added website because the province wants the
    added website to carry the filed subject."""
    if any(change.is_subject for change in decision.blocking_changes):
        return True
    later = decision.deferred_changes | {v.change for v in decision.carried}
    return bool(must_match) and any(change.is_subject for change in later)


def _plan_refiling(
    steps: _Steps, decision: TransferDecision, rules: ProvinceRules, policy: Policy
) -> frozenset[Change]:
    """What must be changed first cannot be, with the original provider gone.

    Subject changes: cancel the subject and make a first filing carrying every change.
    Website changes only: cancel the website and file it again as a new website.
    Where a change comes first only by the strict default (the province's rule is
    unknown), the user confirms the rule with the new provider before anything is
    cancelled. Returns the deferred changes the new filing does not carry.
    """
    must_match = _match_requirements(rules, decision.subject_kind)
    match_rule = policy.national_rule(RuleId.SUBJECT_MUST_MATCH_WHEN_ADDING_WEBSITE)
    match_sources = merge_sources(*(r.sources for r in must_match))
    match_warnings = (match_rule.text,) if must_match else ()
    match_note = join_notes(r.note for r in must_match)
    lost = policy.national_rule(RuleId.CANCELLED_NUMBER_NOT_RESTORABLE)

    on_default = [v for v in decision.blocking if v.basis is Basis.NATIONAL_DEFAULT]
    confirm_warnings: tuple[Text, ...] = ()
    if on_default:
        confirm = policy.national_rule(RuleId.CONFIRM_DEFAULT_BEFORE_CANCELLING)
        confirm_warnings = (confirm.text,)
        steps.add(
            StepId.CONFIRM_RULE_WITH_NEW_PROVIDER,
            f"national/{confirm.id}",
            merge_sources(confirm.sources, *(v.sources for v in on_default)),
            changes=frozenset(v.change for v in on_default),
            warnings=confirm_warnings,
        )

    if _refiles_subject(decision, must_match):
        refile = policy.national_rule(RuleId.REFILE_CHANGED_SUBJECT_AS_FIRST_FILING)
        steps.add(
            StepId.CANCEL_SUBJECT,
            f"national/{refile.id}",
            merge_sources(refile.sources, lost.sources, match_sources),
            changes=decision.blocking_changes,
            note=match_note,
            warnings=(lost.text, refile.text, *match_warnings, *confirm_warnings),
        )
        steps.add(
            StepId.FILE_FIRST_FILING,
            f"national/{refile.id}",
            refile.sources,
            changes=decision.changes,
        )
        return frozenset()

    blocking = decision.blocking_changes
    rule_id = (
        RuleId.UNREACHABLE_PROVIDER_REFILE
        if blocking == {Change.WEBSITE_OWNER_PHONE}
        else RuleId.CANCEL_AND_REFILE_INSTEAD
    )
    rule_ids = [rule_id]
    if rule_id is RuleId.CANCEL_AND_REFILE_INSTEAD and Change.WEBSITE_OWNER_PHONE in blocking:
        rule_ids.append(RuleId.UNREACHABLE_PROVIDER_REFILE)
    sources = merge_sources(*(policy.national_rule(r).sources for r in rule_ids))
    carried = frozenset(c for c in decision.changes if not c.is_subject)
    steps.add(
        StepId.CANCEL_WEBSITE,
        f"national/{rule_id}",
        merge_sources(sources, lost.sources),
        changes=blocking,
        warnings=(lost.text, *confirm_warnings),
    )
    steps.add(
        StepId.FILE_AS_NEW_WEBSITE,
        f"national/{rule_id}",
        merge_sources(sources, match_sources),
        changes=carried,
        note=match_note,
        warnings=match_warnings,
    )
    return decision.deferred_changes - carried


@memoised
def plan_transfer(
    province: ProvinceLike,
    changes: ChangesLike = (),
    *,
    subject_kind: SubjectKind | str | None = None,
    facts: PlanFacts | Mapping[str, bool] | None = None,
    as_of: dt.date | None = None,
    according_to: str | None = None,
    policy: Policy | None = None,
) -> TransferPlan:
    """The decision for *province* and *changes* plus every step, in order.

    *facts* (a :class:`PlanFacts`, or a dict of its field names) says what else is
    true of the case; left out, each fact takes the value that adds no step.
    *as_of* and *according_to* are :func:`assess_transfer`'s: national rules take
    part only from the day they took effect in the province (SMS verification, the
    domain registrant check).
    """
    plan_facts = PlanFacts.coerce(facts)
    pol = resolve_policy(policy)
    decision = assess_transfer(
        province, changes, subject_kind=subject_kind, as_of=as_of, according_to=according_to, policy=pol
    )
    rules = pol.rules_for(decision.province)
    kind = decision.subject_kind
    steps = _Steps(pol)
    day = decision.as_of if decision.as_of is not None else pol.as_of
    code = decision.province.code

    def in_force(rule: RuleId) -> bool:
        return pol.national_rule(rule).in_force(code, day)

    if in_force(RuleId.DOMAIN_OWNER_MUST_MATCH_SUBJECT):  # no registrant check before it
        if not plan_facts.domain_owner_matches_subject:
            steps.national(StepId.CHANGE_DOMAIN_OWNER, RuleId.DOMAIN_OWNER_MUST_MATCH_SUBJECT)
        elif plan_facts.domain_held_by_legal_representative:
            _legal_representative_domain(steps, rules, kind)
    if plan_facts.domain_registered_overseas:
        steps.national(StepId.MOVE_DOMAIN_TO_DOMESTIC_REGISTRAR, RuleId.OVERSEAS_DOMAIN_NOT_ACCEPTED)

    refile = bool(decision.blocking) and not plan_facts.original_provider_reachable
    left_for_after = decision.deferred_changes
    if refile:
        left_for_after = _plan_refiling(steps, decision, rules, pol)
    else:
        for verdict in decision.blocking:
            steps.add(
                StepId.CHANGE_FILING_AT_ORIGINAL_PROVIDER,
                verdict.rule,
                verdict.sources,
                changes=decision.blocking_changes,
                note=statement_notes(decision.blocking),
            )

    for requirement in rules.requirements:
        if requirement.step is not None and _triggered(
            requirement, changes=decision.changes, subject_kind=kind, facts=plan_facts
        ):
            steps.add(
                requirement.step,
                f"{decision.province.code}/requirement/{requirement.id}",
                requirement.sources,
                note=requirement.note,
            )

    if plan_facts.regulated_industry:
        steps.national(StepId.OBTAIN_PREAPPROVAL, RuleId.PREAPPROVAL_FOR_REGULATED)
    reachable = rules.filed_sites_reachable
    if reachable.required and reachable.covers(kind):
        steps.add(
            StepId.KEEP_FILED_SITES_REACHABLE,
            f"{decision.province.code}/filed_sites_reachable",
            reachable.sources,
            note=reachable.note,
        )
    closed = rules.unfiled_sites_closed
    if closed.required and closed.covers(kind):
        steps.add(
            StepId.CLOSE_UNFILED_SITES,
            f"{decision.province.code}/unfiled_sites_closed",
            closed.sources,
            note=closed.note,
        )

    if not refile:
        steps.national(StepId.SUBMIT_TRANSFER, RuleId.TRANSFER_ADDS_PROVIDER)
    if in_force(RuleId.SMS_WITHIN_24_HOURS) and in_force(RuleId.SMS_PHONE_MUST_MATCH):
        steps.national(StepId.VERIFY_SMS, RuleId.SMS_WITHIN_24_HOURS)
    steps.national(StepId.WAIT_FOR_REVIEW, RuleId.TRANSFER_ADDS_PROVIDER)
    steps.national(StepId.POINT_DNS_TO_NEW_PROVIDER, RuleId.DNS_AFTER_TRANSFER)

    deferred = tuple(v for v in decision.deferred if v.change in left_for_after)
    if deferred:  # a new filing carries the changes it can; the rest follow approval
        deadlines = [v.deadline_working_days for v in deferred if v.deadline_working_days is not None]
        rule = pol.national_rule(RuleId.UPDATE_AFTER_TRANSFER)
        steps.add(
            StepId.UPDATE_FILING_AFTER_TRANSFER,
            f"national/{rule.id}",
            merge_sources(rule.sources, *(v.sources for v in deferred)),
            deadline_working_days=min(deadlines) if deadlines else None,
            changes=frozenset(v.change for v in deferred),
            note=statement_notes(deferred),
        )

    return TransferPlan(decision=decision, steps=steps.ordered(), facts=plan_facts)


_P = ParamSpec("_P")


def _steps_of(plan: Callable[_P, TransferPlan]) -> Callable[_P, tuple[Step, ...]]:
    """A view of *plan* that returns only its steps, with *plan*'s own signature."""

    @functools.wraps(plan)
    def steps(*args: _P.args, **kwargs: _P.kwargs) -> tuple[Step, ...]:
        return plan(*args, **kwargs).steps

    steps.__name__ = steps.__qualname__ = "required_steps"
    steps.__doc__ = "The ordered steps of :func:`plan_transfer` (same arguments)."
    return steps


required_steps = memoised(_steps_of(plan_transfer))

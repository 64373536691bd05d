"""The ordered plan for a transfer: what to do at the registrar, at the original
provider, at the new provider, and after approval."""

from __future__ import annotations

import attrs

from ._coerce import coerce_flag, merge_sources
from ._decision import ChangesLike, ProvinceLike, TransferDecision, assess_transfer
from ._enums import Change, SubjectKind
from ._loader import resolve_policy
from ._model import NationalRule, Requirement, Source, Text
from ._policy import Policy
from ._step import Step

__all__ = ["TransferPlan", "plan_transfer", "required_steps"]


@attrs.frozen
class TransferPlan:
    """A decision and the steps that follow from it, in the order they must happen."""

    decision: TransferDecision
    steps: tuple[Step, ...]
    original_provider_reachable: bool

    @property
    def step_ids(self) -> tuple[str, ...]:
        return tuple(step.id for step in self.steps)

    @property
    def data_version(self) -> str:
        return self.decision.data_version


class _Steps:
    """Collects steps by id; a step required twice keeps one entry and both sources."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.by_id: dict[str, Step] = {}

    def national(self, step_id: str, rule_id: str, **extra: object) -> None:
        """Add a step required by a national rule (merging sources if already there)."""
        rule: NationalRule = self.policy.national_rule(rule_id)
        self.add(step_id, f"national/{rule.id}", rule.sources, **extra)

    def add(self, step_id: str, rule: str, sources: tuple[Source, ...], **extra: object) -> None:
        existing = self.by_id.get(step_id)
        if existing is not None:
            self.by_id[step_id] = attrs.evolve(existing, sources=merge_sources(existing.sources, sources))
            return
        info = self.policy.step_info(step_id)
        self.by_id[step_id] = Step.from_info(info, rule=rule, sources=sources, **extra)  # type: ignore[arg-type]

    def ordered(self) -> tuple[Step, ...]:
        return tuple(sorted(self.by_id.values(), key=lambda s: s.order))


def _triggered(
    requirement: Requirement,
    *,
    changes: frozenset[Change],
    subject_kind: SubjectKind | None,
    facts: dict[str, bool],
) -> bool:
    if subject_kind is not None and subject_kind not in requirement.applies_to:
        return False
    if requirement.trigger == "always":
        return True
    if requirement.trigger == "changes":
        return bool(requirement.when_changes & changes)
    return facts.get(requirement.trigger, False)


def _plan_refiling(steps: _Steps, decision: TransferDecision, policy: Policy) -> None:
    """What must be changed first cannot be, with the original provider gone: the
    website's filing is cancelled and filed again, carrying every change."""
    rule_ids = []
    if Change.WEBSITE_OWNER_PHONE in decision.blocking:
        rule_ids.append("unreachable_provider_refile")
    if decision.blocking - {Change.WEBSITE_OWNER_PHONE}:
        rule_ids.append("cancel_and_refile_instead")
    sources = merge_sources(*(policy.national_rule(rule_id).sources for rule_id in rule_ids))
    caveats: tuple[Text, ...] = ()
    if any(c.value.startswith("subject_") for c in decision.blocking):
        caveats = (policy.national_rule("cancel_and_refile_instead").text,)
    irreversible = policy.national_rule("cancelled_number_not_restorable")
    steps.add(
        "cancel_website",
        f"national/{rule_ids[0]}",
        merge_sources(sources, irreversible.sources),
        changes=decision.blocking,
        warnings=(irreversible.text, *caveats),
    )
    steps.add(
        "file_as_new_website",
        f"national/{rule_ids[0]}",
        sources,
        changes=decision.changes,
        warnings=caveats,
    )


def plan_transfer(
    province: ProvinceLike,
    changes: ChangesLike = (),
    *,
    subject_kind: SubjectKind | str | None = None,
    domain_owner_matches_subject: bool = True,
    regulated_industry: bool = False,
    original_provider_reachable: bool = True,
    has_extra_filings: bool = False,
    domain_registered_overseas: bool = False,
    multiple_cloud_resources: bool = False,
    policy: Policy | None = None,
) -> TransferPlan:
    """The decision for *province* and *changes* plus every step, in order.

    The facts are keyword options; each defaults to the case that adds no step.
    """
    domain_owner_matches_subject = coerce_flag("domain_owner_matches_subject", domain_owner_matches_subject)
    regulated_industry = coerce_flag("regulated_industry", regulated_industry)
    original_provider_reachable = coerce_flag("original_provider_reachable", original_provider_reachable)
    has_extra_filings = coerce_flag("has_extra_filings", has_extra_filings)
    domain_registered_overseas = coerce_flag("domain_registered_overseas", domain_registered_overseas)
    multiple_cloud_resources = coerce_flag("multiple_cloud_resources", multiple_cloud_resources)
    pol = resolve_policy(policy)
    decision = assess_transfer(province, changes, subject_kind=subject_kind, policy=pol)
    rules = pol.rules_for(decision.province)
    kind = decision.subject_kind
    steps = _Steps(pol)

    if not domain_owner_matches_subject:
        steps.national("change_domain_owner", "domain_owner_must_match_subject")
    if domain_registered_overseas:
        steps.national("move_domain_to_domestic_registrar", "overseas_domain_not_accepted")

    # What must be changed first cannot be changed when the original provider is gone:
    # the website is cancelled and filed again, carrying the new details.
    refile = bool(decision.blocking) and not original_provider_reachable
    if refile:
        _plan_refiling(steps, decision, pol)
    elif decision.blocking:
        for verdict in decision.verdicts:
            if verdict.change in decision.blocking:
                steps.add(
                    "change_filing_at_original_provider",
                    verdict.rule,
                    verdict.sources,
                    changes=decision.blocking,
                )

    facts = {
        "has_extra_filings": has_extra_filings,
        "domain_registered_overseas": domain_registered_overseas,
        "multiple_cloud_resources": multiple_cloud_resources,
    }
    for requirement in rules.requirements:
        if requirement.step is not None and _triggered(
            requirement, changes=decision.changes, subject_kind=kind, facts=facts
        ):
            steps.add(
                requirement.step,
                f"{decision.province.code}/requirement/{requirement.id}",
                requirement.sources,
                note=requirement.note,
            )

    if regulated_industry:
        steps.national("obtain_preapproval", "preapproval_for_regulated")
    reachable = rules.filed_sites_reachable
    if reachable.required and reachable.covers(kind):
        steps.add(
            "keep_filed_sites_reachable",
            f"{decision.province.code}/filed_sites_reachable",
            reachable.sources,
            note=reachable.note,
        )
    closed = rules.unfiled_sites_closed
    if closed.required and closed.covers(kind):
        steps.add(
            "close_unfiled_sites",
            f"{decision.province.code}/unfiled_sites_closed",
            closed.sources,
            note=closed.note,
        )

    if not refile:
        steps.national("submit_transfer", "transfer_adds_provider")
    steps.national("verify_sms", "sms_within_24_hours")
    steps.add(
        "wait_for_review",
        "national/transfer_adds_provider",
        pol.national_rule("transfer_adds_provider").sources,
    )
    steps.national("point_dns_to_new_provider", "dns_after_transfer")

    if decision.deferred and not refile:  # a new filing carries the deferred changes too
        deadlines = [
            d.deadline_working_days for d in decision.deferred if d.deadline_working_days is not None
        ]
        rule = pol.national_rule("update_after_transfer")
        sources = rule.sources
        for verdict in decision.verdicts:
            if verdict.change not in decision.blocking:
                sources = merge_sources(sources, verdict.sources)
        steps.add(
            "update_filing_after_transfer",
            f"national/{rule.id}",
            sources,
            deadline_working_days=min(deadlines) if deadlines else None,
            changes=frozenset(d.change for d in decision.deferred),
        )

    return TransferPlan(
        decision=decision, steps=steps.ordered(), original_provider_reachable=original_provider_reachable
    )


def required_steps(
    province: ProvinceLike,
    changes: ChangesLike = (),
    *,
    subject_kind: SubjectKind | str | None = None,
    domain_owner_matches_subject: bool = True,
    regulated_industry: bool = False,
    original_provider_reachable: bool = True,
    has_extra_filings: bool = False,
    domain_registered_overseas: bool = False,
    multiple_cloud_resources: bool = False,
    policy: Policy | None = None,
) -> tuple[Step, ...]:
    """The ordered steps of :func:`plan_transfer`."""
    return plan_transfer(
        province,
        changes,
        subject_kind=subject_kind,
        domain_owner_matches_subject=domain_owner_matches_subject,
        regulated_industry=regulated_industry,
        original_provider_reachable=original_provider_reachable,
        has_extra_filings=has_extra_filings,
        domain_registered_overseas=domain_registered_overseas,
        multiple_cloud_resources=multiple_cloud_resources,
        policy=policy,
    ).steps

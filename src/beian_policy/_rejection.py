"""What a rejected transfer application does to the website. It reads national rules
only, not the failure data, so it is a module of its own."""

from __future__ import annotations

import attrs

from ._coerce import coerce_fact
from ._data._loader import resolve_policy
from ._enums import Failure
from ._ids import StepId
from ._memo import memoised
from ._model import NationalRule, Source, merge_sources
from ._policy import Policy
from ._step import Step
from ._vocab import RuleId

__all__ = ["RejectionImpact", "rejection_impact"]

#: National rules a rejection answer rests on, in the order ``rules`` gives them.
_RULES = (
    RuleId.REJECTION_KEEPS_SITE_REACHABLE,
    RuleId.LONG_REJECTION_RISKS_CANCELLATION,
    RuleId.CANCELLED_NUMBER_NOT_RESTORABLE,
    RuleId.DNS_AFTER_TRANSFER,
)
#: What to do while the filing stands.
_STEPS = (StepId.FIX_PER_REVIEW_FEEDBACK, StepId.SUBMIT_TRANSFER)


@attrs.frozen
class RejectionImpact:
    """What a rejected transfer application does to the website.

    ``site_reachable_now``: the site keeps working (through the provider it uses now)
    as long as its MIIT filing stands; None when ``filing_cancelled`` was not given.
    ``cancellation_risk``: whether letting the rejection linger puts the filing at
    risk of cancellation, which the sources tie to having no other provider; None
    when ``has_other_provider`` was not given. ``dns_to_new_provider_allowed`` is
    False: DNS moves only after the transfer is approved. ``restorable_if_cancelled``
    is False: a cancelled number cannot be restored. ``steps`` is what to do while
    the filing stands (fix and resubmit promptly); ``related`` names the failures
    that apply once it is cancelled.
    """

    filing_cancelled: bool | None
    has_other_provider: bool | None
    site_reachable_now: bool | None
    cancellation_risk: bool | None
    dns_to_new_provider_allowed: bool
    restorable_if_cancelled: bool
    steps: tuple[Step, ...]
    related: tuple[Failure, ...]
    unknown_facts: tuple[str, ...]
    rules: tuple[NationalRule, ...]
    sources: tuple[Source, ...]
    data_version: str

    @property
    def step_ids(self) -> tuple[str, ...]:
        """The ids of :attr:`steps`, in order."""
        return tuple(step.id for step in self.steps)


@memoised
def rejection_impact(
    *,
    filing_cancelled: bool | None = None,
    has_other_provider: bool | None = None,
    policy: Policy | None = None,
) -> RejectionImpact:
    """What a rejected transfer application does to the website.

    *filing_cancelled*: whether the MIIT filing has since been cancelled.
    *has_other_provider*: whether the filing is still attached to another provider
    (the original one, usually). Each is True, False or None (not known); an answer
    that depends on a fact not given is None and ``unknown_facts`` names the fact.
    """
    pol = resolve_policy(policy)
    cancelled = coerce_fact("filing_cancelled", filing_cancelled)
    other = coerce_fact("has_other_provider", has_other_provider)
    rules = tuple(pol.national_rule(rule_id) for rule_id in _RULES)
    risk = pol.national_rule(RuleId.LONG_REJECTION_RISKS_CANCELLATION)
    steps: tuple[Step, ...] = ()
    if cancelled is not True:
        steps = tuple(
            Step.from_info(pol.step_info(step_id), rule=f"national/{risk.id}", sources=risk.sources)
            for step_id in _STEPS
        )
    related = () if cancelled is False else (Failure.SUBJECT_CANCELLED, Failure.WEBSITE_CANCELLED)
    unknown = tuple(
        name
        for name, value in (("filing_cancelled", cancelled), ("has_other_provider", other))
        if value is None
    )
    return RejectionImpact(
        filing_cancelled=cancelled,
        has_other_provider=other,
        site_reachable_now=None if cancelled is None else not cancelled,
        cancellation_risk=None if other is None else not other,
        dns_to_new_provider_allowed=False,
        restorable_if_cancelled=False,
        steps=steps,
        related=related,
        unknown_facts=unknown,
        rules=rules,
        sources=merge_sources(*(rule.sources for rule in rules)),
        data_version=pol.data_version,
    )

"""A transfer question as one value: what the strategies draw and tests replay.

Kept apart from :mod:`beian_policy.strategies` so that it imports without Hypothesis
(the Hypothesis entry-point hook registers it while Hypothesis itself is importing).
"""

from __future__ import annotations

from typing import TypedDict

import attrs

from ._decision import TransferDecision, assess_transfer
from ._enums import Change, SubjectKind
from ._model import Province
from ._plan import TransferPlan, plan_transfer
from ._policy import Policy

__all__ = ["TransferCase", "TransferFacts"]


class TransferFacts(TypedDict):
    """The facts :func:`plan_transfer` takes as keywords (``**case.facts``)."""

    domain_owner_matches_subject: bool
    regulated_industry: bool
    original_provider_reachable: bool
    has_extra_filings: bool
    domain_registered_overseas: bool
    multiple_cloud_resources: bool


@attrs.frozen
class TransferCase:
    """A question to ask the library: a province, the changes since the filing, who
    holds it, and the facts :func:`plan_transfer` takes.

    ``bp.plan_transfer(case.province, case.changes, subject_kind=case.subject_kind,
    **case.facts)`` plans it; :meth:`plan` and :meth:`assess` do the same.
    """

    province: Province
    changes: frozenset[Change]
    subject_kind: SubjectKind | None = None
    domain_owner_matches_subject: bool = True
    regulated_industry: bool = False
    original_provider_reachable: bool = True
    has_extra_filings: bool = False
    domain_registered_overseas: bool = False
    multiple_cloud_resources: bool = False

    @property
    def facts(self) -> TransferFacts:
        """The fact keywords of :func:`plan_transfer` and :func:`required_steps`."""
        return {
            "domain_owner_matches_subject": self.domain_owner_matches_subject,
            "regulated_industry": self.regulated_industry,
            "original_provider_reachable": self.original_provider_reachable,
            "has_extra_filings": self.has_extra_filings,
            "domain_registered_overseas": self.domain_registered_overseas,
            "multiple_cloud_resources": self.multiple_cloud_resources,
        }

    def assess(self, *, policy: Policy | None = None) -> TransferDecision:
        """``assess_transfer`` for this case."""
        return assess_transfer(self.province, self.changes, subject_kind=self.subject_kind, policy=policy)

    def plan(self, *, policy: Policy | None = None) -> TransferPlan:
        """``plan_transfer`` for this case."""
        return plan_transfer(
            self.province, self.changes, subject_kind=self.subject_kind, policy=policy, **self.facts
        )

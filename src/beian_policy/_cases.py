"""A transfer question as one value: what the strategies draw and tests replay.

Kept apart from :mod:`beian_policy.strategies` so that it imports without Hypothesis
(the Hypothesis entry-point hook registers it while Hypothesis itself is importing).
"""

from __future__ import annotations

import attrs

from ._decision import TransferDecision, assess_transfer
from ._enums import Change, SubjectKind
from ._model import Province
from ._plan import PlanFacts, TransferPlan, plan_transfer
from ._policy import Policy

__all__ = ["TransferCase"]


@attrs.frozen
class TransferCase:
    """A question to ask the library: a province, the changes since the filing, who
    holds it, and the facts :func:`plan_transfer` takes; :meth:`plan` and
    :meth:`assess` ask it."""

    province: Province
    """The province of the filing."""
    changes: frozenset[Change]
    """What changed since the filing."""
    subject_kind: SubjectKind | None = None
    """Who holds the filing, when known."""
    facts: PlanFacts = attrs.Factory(PlanFacts)
    """Everything else the plan needs to know."""

    def assess(self, *, policy: Policy | None = None) -> TransferDecision:
        """``assess_transfer`` for this case."""
        return assess_transfer(self.province, self.changes, subject_kind=self.subject_kind, policy=policy)

    def plan(self, *, policy: Policy | None = None) -> TransferPlan:
        """``plan_transfer`` for this case."""
        return plan_transfer(
            self.province, self.changes, subject_kind=self.subject_kind, facts=self.facts, policy=policy
        )

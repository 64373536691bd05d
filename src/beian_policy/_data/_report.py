"""What :func:`~beian_policy.validate_policy` returns (public as
``beian_policy.model.PolicyReport``), apart from the loader so that a process that
never validates a file does not create the class."""

from __future__ import annotations

import attrs

from .._policy import Policy
from .._problem import DataProblem

__all__ = ["PolicyReport"]


@attrs.frozen
class PolicyReport:
    """What :func:`validate_policy` found in a data file."""

    policy: Policy | None
    """The loaded policy, or None when there are problems."""
    problems: tuple[DataProblem, ...]
    """Every problem, with its record and field; empty when the data loads."""
    warnings: tuple[str, ...]
    """The message of each :class:`PolicyDataWarning` the data gave, once each."""

    @property
    def ok(self) -> bool:
        """True when the data loads without problems (warnings allowed)."""
        return not self.problems

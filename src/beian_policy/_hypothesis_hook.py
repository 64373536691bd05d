"""Registers beian-policy's value types with Hypothesis (the ``hypothesis`` entry point).

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported in an environment
where beian-policy is installed, so ``st.from_type(Province)`` works in a downstream
test with no setup. The hook is cheap: it builds deferred strategies only, and no
data is loaded until the first draw.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._application import Application
from ._cases import TransferCase
from ._data._loader import default_policy, loads_policy
from ._decision import ChangeVerdict, TransferDecision
from ._diagnosis import Diagnosis, diagnose
from ._enums import Change, Failure, SubjectKind
from ._icp import IcpNumber, parse_icp_number
from ._model import Province, Source
from ._plan import TransferPlan
from ._policy import Policy
from ._rejection import RejectionImpact as Impact
from ._rejection import rejection_impact
from ._step import Step

__all__ = ["_hypothesis_setup_hook"]


def _hypothesis_setup_hook() -> None:
    from hypothesis import strategies as st

    def bst() -> Any:
        # Imported at draw time: the hook runs while Hypothesis is being imported,
        # possibly by beian_policy.strategies itself, which is then half-initialised.
        from . import strategies

        return strategies

    def on_draw(build: Callable[[], st.SearchStrategy[Any]]) -> st.SearchStrategy[Any]:
        """*build()*, called at the first draw. ``st.from_type`` asks a registered
        strategy whether it is empty, which builds a deferred strategy (and would load
        the data); a flatmap over ``just`` answers without building."""
        built: list[st.SearchStrategy[Any]] = []

        def get(_: object) -> st.SearchStrategy[Any]:
            if not built:
                built.append(build())
            return built[0]

        return st.just(None).flatmap(get)

    def nonempty_cases() -> st.SearchStrategy[TransferCase]:
        cases: st.SearchStrategy[TransferCase] = bst().transfer_cases(
            change_sets=bst().change_sets(min_size=1)
        )
        return cases

    registrations: dict[type[Any], st.SearchStrategy[Any]] = {
        Province: on_draw(lambda: bst().provinces()),
        Change: on_draw(lambda: bst().changes()),
        SubjectKind: st.sampled_from(SubjectKind),
        Failure: on_draw(lambda: bst().failures()),
        IcpNumber: on_draw(lambda: bst().icp_numbers().map(parse_icp_number)),
        TransferCase: on_draw(lambda: bst().transfer_cases()),
        TransferDecision: on_draw(lambda: bst().transfer_cases().map(lambda case: case.assess())),
        TransferPlan: on_draw(lambda: bst().transfer_cases().map(lambda case: case.plan())),
        ChangeVerdict: on_draw(
            lambda: (
                nonempty_cases()
                .map(lambda case: case.assess())
                .flatmap(lambda d: st.sampled_from(d.verdicts))
            )
        ),
        Step: on_draw(
            lambda: (
                bst()
                .transfer_cases()
                .map(lambda case: case.plan())
                .flatmap(lambda p: st.sampled_from(p.steps))
            )
        ),
        Source: on_draw(lambda: st.sampled_from(default_policy().sources)),
        Policy: on_draw(lambda: bst().policy_documents().map(loads_policy)),
        Diagnosis: on_draw(lambda: st.builds(diagnose, bst().failures(), st.none() | bst().provinces())),
        Application: on_draw(lambda: bst().applications()),
        Impact: st.builds(
            rejection_impact,
            filing_cancelled=st.none() | st.booleans(),
            has_other_provider=st.none() | st.booleans(),
        ),
    }
    for cls, strategy in registrations.items():
        st.register_type_strategy(cls, strategy)

"""beian-policy: China's ICP filing transfer (接入备案) rules as cited data and an API.

Ask whether a filing can be transferred directly, what must be done and in what
order, and which rule and source say so. Every answer carries the data version it
came from. Data loads lazily on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._decision import (
    ChangeVerdict,
    DeferredChange,
    TransferDecision,
    assess_transfer,
    can_transfer_directly,
)
from ._enums import Basis, Change, Lang, Scope, SourceStanding, Status, SubjectKind, Timing
from ._errors import (
    BeianPolicyError,
    DataProblem,
    InvalidArgumentError,
    InvalidIcpNumberError,
    PolicyDataError,
    UnknownChangeError,
    UnknownFailureError,
    UnknownProvinceError,
)
from ._loader import SCHEMA_VERSION, PolicyDataWarning, default_policy, load_policy
from ._model import (
    FactClaim,
    NationalRule,
    Province,
    ProvinceNote,
    ProvinceRules,
    Requirement,
    SiteFact,
    Source,
    StepInfo,
    Text,
    TimingClaim,
    TransferRule,
    WorkedExample,
)
from ._plan import TransferPlan, plan_transfer, required_steps
from ._policy import NoIcpRegion, Policy
from ._provinces import get_province, provinces, resolve_province, search_provinces
from ._step import Step
from ._version import __version__

if TYPE_CHECKING:
    import datetime as dt

    DATA_VERSION: str
    DATA_AS_OF: dt.date

__all__ = [
    "DATA_AS_OF",
    "DATA_VERSION",
    "SCHEMA_VERSION",
    "Basis",
    "BeianPolicyError",
    "Change",
    "ChangeVerdict",
    "DataProblem",
    "DeferredChange",
    "FactClaim",
    "InvalidArgumentError",
    "InvalidIcpNumberError",
    "Lang",
    "NationalRule",
    "NoIcpRegion",
    "Policy",
    "PolicyDataError",
    "PolicyDataWarning",
    "Province",
    "ProvinceNote",
    "ProvinceRules",
    "Requirement",
    "Scope",
    "SiteFact",
    "Source",
    "SourceStanding",
    "Status",
    "Step",
    "StepInfo",
    "SubjectKind",
    "Text",
    "Timing",
    "TimingClaim",
    "TransferDecision",
    "TransferPlan",
    "TransferRule",
    "UnknownChangeError",
    "UnknownFailureError",
    "UnknownProvinceError",
    "WorkedExample",
    "__version__",
    "assess_transfer",
    "can_transfer_directly",
    "default_policy",
    "get_province",
    "load_policy",
    "plan_transfer",
    "provinces",
    "required_steps",
    "resolve_province",
    "search_provinces",
]


def __getattr__(name: str) -> Any:
    # The data versions live in the data file; reading them at import time would be
    # I/O at import, so they are looked up on first access instead.
    if name == "DATA_VERSION":
        return default_policy().data_version
    if name == "DATA_AS_OF":
        return default_policy().as_of
    raise AttributeError(f"module 'beian_policy' has no attribute {name!r}")

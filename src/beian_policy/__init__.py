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
from ._diagnosis import (
    Cause,
    Diagnosis,
    Failure,
    FailureInfo,
    RejectionImpact,
    Remedy,
    RemedyInfo,
    diagnose,
    failure_texts,
    rejection_impact,
)
from ._enums import Basis, Change, Lang, Scope, SourceStanding, Status, SubjectKind, Timing
from ._errors import (
    BeianPolicyError,
    DataProblem,
    InvalidArgumentError,
    InvalidIcpNumberError,
    PolicyDataError,
    TextTooLongError,
    UnknownChangeError,
    UnknownFailureError,
    UnknownIdError,
    UnknownProvinceError,
)
from ._icp import (
    IcpAuthority,
    IcpFamily,
    IcpKind,
    IcpNumber,
    IcpService,
    find_icp_numbers,
    format_icp_number,
    is_valid_icp_number,
    parse_icp_number,
)
from ._json import to_dict, to_json
from ._loader import (
    SCHEMA_VERSION,
    PolicyDataWarning,
    check_policy_text,
    default_data_text,
    default_policy,
    inspect_policy,
    load_policy,
)
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
from ._schema import json_schema
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
    "Cause",
    "Change",
    "ChangeVerdict",
    "DataProblem",
    "DeferredChange",
    "Diagnosis",
    "FactClaim",
    "Failure",
    "FailureInfo",
    "IcpAuthority",
    "IcpFamily",
    "IcpKind",
    "IcpNumber",
    "IcpService",
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
    "RejectionImpact",
    "Remedy",
    "RemedyInfo",
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
    "TextTooLongError",
    "Timing",
    "TimingClaim",
    "TransferDecision",
    "TransferPlan",
    "TransferRule",
    "UnknownChangeError",
    "UnknownFailureError",
    "UnknownIdError",
    "UnknownProvinceError",
    "WorkedExample",
    "__version__",
    "assess_transfer",
    "can_transfer_directly",
    "check_policy_text",
    "default_data_text",
    "default_policy",
    "diagnose",
    "failure_texts",
    "find_icp_numbers",
    "format_icp_number",
    "get_province",
    "inspect_policy",
    "is_valid_icp_number",
    "json_schema",
    "load_policy",
    "parse_icp_number",
    "plan_transfer",
    "provinces",
    "rejection_impact",
    "required_steps",
    "resolve_province",
    "search_provinces",
    "to_dict",
    "to_json",
]


def _publish() -> None:
    # Public exceptions and warnings report the package as their home, so tracebacks
    # name beian_policy.UnknownProvinceError rather than a private module, and pickles
    # refer to the stable public name. (Not value classes: tools that resolve their
    # annotations look them up in the module the class names.)
    for name in __all__:
        obj = globals().get(name)
        if (
            isinstance(obj, type)
            and issubclass(obj, BaseException)
            and obj.__module__.startswith(f"{__name__}._")
        ):
            obj.__module__ = __name__


_publish()


def __getattr__(name: str) -> Any:
    # The data versions live in the data file; reading them at import time would be
    # I/O at import, so they are looked up on first access instead.
    if name == "DATA_VERSION":
        return default_policy().data_version
    if name == "DATA_AS_OF":
        return default_policy().as_of
    raise AttributeError(f"module 'beian_policy' has no attribute {name!r}")

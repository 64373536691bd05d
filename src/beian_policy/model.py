"""Every value type of the package, in one public namespace.

The data records (built by the loader, not validated when built by hand: use
:func:`beian_policy.load_policy` or :func:`beian_policy.loads_policy` to get checked
ones) and the answers the questions return. The names users meet most often are also
at the top level of :mod:`beian_policy`.
"""

from __future__ import annotations

from ._application import Application, Domain, Person, Registrant, Website
from ._cases import TransferCase
from ._data._report import PolicyReport
from ._decision import ChangeVerdict, TransferDecision
from ._diagnosis import Diagnosis, Remedy
from ._enums import (
    Basis,
    Change,
    Failure,
    Lang,
    Scope,
    Severity,
    SourceStanding,
    Status,
    SubjectKind,
    Timing,
)
from ._finding import Finding, FooterCheck, Preflight
from ._grid import Dispute, Position
from ._icp import IcpAuthority, IcpFamily, IcpKind, IcpNumber, IcpService
from ._ids import FindingId, StepId
from ._model import (
    Cause,
    CheckClaim,
    Condition,
    Event,
    FactClaim,
    FailureInfo,
    NationalRule,
    Provider,
    Province,
    ProvinceCheck,
    ProvinceNote,
    ProvinceRules,
    RemedyInfo,
    Requirement,
    SiteFact,
    Source,
    Statement,
    StepInfo,
    Text,
    TransferNote,
    WorkedExample,
)
from ._plan import PlanFacts, TransferPlan
from ._policy import NoIcpRegion, Policy
from ._rejection import RejectionImpact
from ._step import Step
from ._vocab import CheckKind, Fact, RuleId, Trigger
from .errors import DataProblem

__all__ = [
    "Application",
    "Basis",
    "Cause",
    "Change",
    "ChangeVerdict",
    "CheckClaim",
    "CheckKind",
    "Condition",
    "DataProblem",
    "Diagnosis",
    "Dispute",
    "Domain",
    "Event",
    "Fact",
    "FactClaim",
    "Failure",
    "FailureInfo",
    "Finding",
    "FindingId",
    "FooterCheck",
    "IcpAuthority",
    "IcpFamily",
    "IcpKind",
    "IcpNumber",
    "IcpService",
    "Lang",
    "NationalRule",
    "NoIcpRegion",
    "Person",
    "PlanFacts",
    "Policy",
    "PolicyReport",
    "Position",
    "Preflight",
    "Provider",
    "Province",
    "ProvinceCheck",
    "ProvinceNote",
    "ProvinceRules",
    "Registrant",
    "RejectionImpact",
    "Remedy",
    "RemedyInfo",
    "Requirement",
    "RuleId",
    "Scope",
    "Severity",
    "SiteFact",
    "Source",
    "SourceStanding",
    "Statement",
    "Status",
    "Step",
    "StepId",
    "StepInfo",
    "SubjectKind",
    "Text",
    "Timing",
    "TransferCase",
    "TransferDecision",
    "TransferNote",
    "TransferPlan",
    "Trigger",
    "Website",
    "WorkedExample",
]


def __dir__() -> list[str]:
    return list(__all__)

"""beian-policy: China's ICP filing transfer (接入备案) rules as cited data and an API.

Ask whether a filing can be transferred directly, what must be done and in what
order, and which rule and source say so. Every answer carries the data version it
came from. Data loads lazily on first use.

Every value type is in :mod:`beian_policy.model` and every error in
:mod:`beian_policy.errors`; the names below are the ones a caller uses most.
"""

from __future__ import annotations

import datetime as _dt
from importlib import import_module as _import_module
from typing import TYPE_CHECKING

from ._version import __version__

if TYPE_CHECKING:  # the names below are imported on first use (PEP 562), so a process
    # asking one question loads only the modules that question needs.
    from . import errors, model
    from ._application import Application
    from ._data._loader import (
        SCHEMA_VERSION,
        default_data_text,
        default_policy,
        load_policy,
        loads_policy,
        validate_policy,
    )
    from ._decision import TransferDecision, assess_transfer, can_transfer_directly
    from ._diagnosis import Diagnosis, diagnose, failure_texts
    from ._enums import Basis, Change, Failure, Lang, SubjectKind, Timing
    from ._finding import Preflight
    from ._footer import check_footer
    from ._grid import disputes
    from ._icp import (
        IcpNumber,
        find_icp_numbers,
        format_icp_number,
        is_valid_icp_number,
        parse_icp_number,
    )
    from ._json import from_dict, from_json, to_dict, to_json
    from ._model import Province
    from ._output_schema import output_schema
    from ._plan import PlanFacts, TransferPlan, plan_transfer, required_steps
    from ._policy import Policy
    from ._preflight import preflight
    from ._provinces import get_province, provinces, resolve_province, search_provinces
    from ._rejection import rejection_impact
    from ._schema import json_schema
    from .errors import BeianPolicyError, InvalidIcpNumberError, PolicyDataError, UnknownProvinceError

DATA_VERSION: str
"""The release of the shipped data (read from the data file on first access)."""
DATA_AS_OF: _dt.date
"""The date the shipped data describes (read from the data file on first access)."""

__all__ = [
    "DATA_AS_OF",
    "DATA_VERSION",
    "SCHEMA_VERSION",
    "Application",
    "Basis",
    "BeianPolicyError",
    "Change",
    "Diagnosis",
    "Failure",
    "IcpNumber",
    "InvalidIcpNumberError",
    "Lang",
    "PlanFacts",
    "Policy",
    "PolicyDataError",
    "Preflight",
    "Province",
    "SubjectKind",
    "Timing",
    "TransferDecision",
    "TransferPlan",
    "UnknownProvinceError",
    "__version__",
    "assess_transfer",
    "can_transfer_directly",
    "check_footer",
    "default_data_text",
    "default_policy",
    "diagnose",
    "disputes",
    "errors",
    "failure_texts",
    "find_icp_numbers",
    "format_icp_number",
    "from_dict",
    "from_json",
    "get_province",
    "is_valid_icp_number",
    "json_schema",
    "load_policy",
    "loads_policy",
    "model",
    "output_schema",
    "parse_icp_number",
    "plan_transfer",
    "preflight",
    "provinces",
    "rejection_impact",
    "required_steps",
    "resolve_province",
    "search_provinces",
    "to_dict",
    "to_json",
    "validate_policy",
]


#: Where each public name is defined (modules are imported on first access).
_HOMES = {
    "SCHEMA_VERSION": "._data._loader",
    "default_data_text": "._data._loader",
    "default_policy": "._data._loader",
    "load_policy": "._data._loader",
    "loads_policy": "._data._loader",
    "validate_policy": "._data._loader",
    "Application": "._application",
    "TransferDecision": "._decision",
    "assess_transfer": "._decision",
    "can_transfer_directly": "._decision",
    "Diagnosis": "._diagnosis",
    "diagnose": "._diagnosis",
    "failure_texts": "._diagnosis",
    "Basis": "._enums",
    "Change": "._enums",
    "Failure": "._enums",
    "Lang": "._enums",
    "SubjectKind": "._enums",
    "Timing": "._enums",
    "Preflight": "._finding",
    "check_footer": "._footer",
    "disputes": "._grid",
    "IcpNumber": "._icp",
    "find_icp_numbers": "._icp",
    "format_icp_number": "._icp",
    "is_valid_icp_number": "._icp",
    "parse_icp_number": "._icp",
    "from_dict": "._json",
    "from_json": "._json",
    "to_dict": "._json",
    "to_json": "._json",
    "Province": "._model",
    "output_schema": "._output_schema",
    "PlanFacts": "._plan",
    "TransferPlan": "._plan",
    "plan_transfer": "._plan",
    "required_steps": "._plan",
    "Policy": "._policy",
    "preflight": "._preflight",
    "get_province": "._provinces",
    "provinces": "._provinces",
    "resolve_province": "._provinces",
    "search_provinces": "._provinces",
    "rejection_impact": "._rejection",
    "json_schema": "._schema",
    "BeianPolicyError": ".errors",
    "InvalidIcpNumberError": ".errors",
    "PolicyDataError": ".errors",
    "UnknownProvinceError": ".errors",
}
_SUBMODULES = frozenset({"errors", "model"})


def __getattr__(name: str) -> object:
    # The data versions live in the data file; reading them at import time would be
    # I/O at import, so they are looked up on first access instead.
    if name == "DATA_VERSION":
        return _import_module("._data._loader", __name__).default_policy().data_version
    if name == "DATA_AS_OF":
        return _import_module("._data._loader", __name__).default_policy().as_of
    if name in _SUBMODULES:
        value: object = _import_module(f".{name}", __name__)
    elif name in _HOMES:
        value = getattr(_import_module(_HOMES[name], __name__), name)
    else:
        raise AttributeError(f"module 'beian_policy' has no attribute {name!r}")
    globals()[name] = value  # the next access is a plain attribute
    return value


def __dir__() -> list[str]:
    return list(__all__)

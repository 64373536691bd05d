"""The public API's static types, as a user's type checker sees them.

Not run by pytest (nothing here is called): ``mypy --strict tests/typing/check_api.py``
checks it in ``.ci/run``. Each ``assert_type`` fails the check when a signature's
declared type changes, so a change to the typed surface is a decision, not an accident.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

import beian_policy as bp
from beian_policy import errors, model

if sys.version_info >= (3, 11):
    from typing import assert_type
else:  # pragma: no cover
    from typing_extensions import assert_type


def check_queries(policy: bp.Policy) -> None:
    assert_type(bp.can_transfer_directly("京", ["subject_name"]), bool)
    assert_type(bp.can_transfer_directly("京", [bp.Change.SUBJECT_NAME], policy=policy), bool)
    decision = bp.assess_transfer("北京", ["website_name"], subject_kind="organisation")
    assert_type(decision, bp.TransferDecision)
    assert_type(decision.province, bp.Province)
    assert_type(decision.changes, frozenset[bp.Change])
    assert_type(decision.direct, bool)
    assert_type(decision.blocking_changes, frozenset[bp.Change])
    assert_type(decision.data_version, str)
    plan = bp.plan_transfer("北京", ["website_name"])
    assert_type(plan, bp.TransferPlan)
    assert_type(plan.decision, bp.TransferDecision)
    assert_type(plan.steps, tuple[bp.model.Step, ...])
    assert_type(plan.steps[0].title, bp.model.Text)
    assert_type(plan.steps[0].title.zh, str)
    assert_type(plan.facts, bp.PlanFacts)
    assert_type(bp.required_steps("北京", ["website_name"]), tuple[bp.model.Step, ...])
    diagnosis = bp.diagnose("wrong_filing_password", "北京")
    assert_type(diagnosis, bp.Diagnosis)
    assert_type(diagnosis.failure, bp.Failure)
    assert_type(diagnosis.province, bp.Province | None)
    assert_type(bp.failure_texts(), dict[bp.Failure, bp.model.Text])


def check_provinces_and_numbers() -> None:
    assert_type(bp.resolve_province("Guangdong"), bp.Province)
    assert_type(bp.get_province("Guangdong"), bp.Province | None)
    assert_type(bp.get_province("Guangdong", "none"), bp.Province | str)
    assert_type(bp.search_provinces("guang"), tuple[bp.Province, ...])
    assert_type(bp.provinces(), tuple[bp.Province, ...])
    assert_type(bp.resolve_province("粤").code, str)
    number = bp.parse_icp_number("京ICP备10046444号-9")
    assert_type(number, bp.IcpNumber)
    assert_type(bp.find_icp_numbers("京ICP备10046444号"), tuple[bp.IcpNumber, ...])
    assert_type(bp.is_valid_icp_number("京ICP备10046444号"), bool)
    assert_type(bp.format_icp_number(number), str)


def check_data_and_views(path: str) -> None:
    assert_type(bp.load_policy(path), bp.Policy)
    assert_type(bp.loads_policy(b"schema_version = '1.0'"), bp.Policy)
    report = bp.validate_policy(text="")
    assert_type(report, bp.model.PolicyReport)
    assert_type(report.ok, bool)
    assert_type(report.policy, bp.Policy | None)
    assert_type(report.problems, tuple[errors.DataProblem, ...])
    assert_type(bp.default_policy(), bp.Policy)
    assert_type(bp.default_data_text(), str)
    assert_type(bp.DATA_VERSION, str)
    assert_type(bp.DATA_AS_OF, dt.date)
    assert_type(bp.to_json(bp.resolve_province("GD")), str)
    assert_type(bp.to_dict(bp.resolve_province("GD")), Any)
    assert_type(bp.from_json(bp.Province, "{}"), bp.Province)
    assert_type(bp.from_dict(bp.TransferDecision, {}), bp.TransferDecision)
    assert_type(bp.json_schema(), dict[str, Any])
    assert_type(model.Province, type[bp.Province])


def check_errors(error: bp.PolicyDataError, unknown: bp.UnknownProvinceError) -> None:
    assert_type(error.problems, tuple[errors.DataProblem, ...])
    assert_type(error.path, str)
    assert_type(unknown.suggestions, tuple[str, ...])
    assert_type(unknown.no_icp_region, str | None)
    base: bp.BeianPolicyError = unknown
    lookup: LookupError = unknown
    value: ValueError = error
    typed: TypeError = errors.ArgumentTypeError("x", 1, ["a str"])
    assert_type((base, lookup, value, typed), tuple[bp.BeianPolicyError, LookupError, ValueError, TypeError])

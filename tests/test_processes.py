"""Values and errors cross process boundaries: every public value and error pickles
(at every protocol), and a spawn pool answers exactly as a serial loop does."""

from __future__ import annotations

import multiprocessing
import pickle
import threading
from collections.abc import Callable

import pytest

import beian_policy as bp
from beian_policy import errors

PROTOCOLS = range(2, pickle.HIGHEST_PROTOCOL + 1)


def _public_values() -> dict[str, object]:
    decision = bp.assess_transfer("北京", ["subject_name", "website_name"], subject_kind="organisation")
    plan = bp.plan_transfer("辽宁", ["subject_name"])
    number = bp.parse_icp_number("京ICP备10046444号-9")
    return {
        "Policy": bp.default_policy(),
        "PolicyReport": bp.validate_policy(text=bp.default_data_text()),
        "Province": bp.resolve_province("Guangdong"),
        "provinces": bp.provinces(),
        "TransferDecision": decision,
        "ChangeVerdict": decision.verdicts[0],
        "TransferPlan": plan,
        "Step": plan.steps[0],
        "PlanFacts": plan.facts,
        "Text": plan.steps[0].title,
        "IcpNumber": number,
        "found numbers": bp.find_icp_numbers("京ICP备10046444号-9 粤B2-20090059"),
        "Diagnosis": bp.diagnose("wrong_filing_password", "北京", icp_number="京ICP备10046444号-9"),
        "RejectionImpact": bp.rejection_impact(filing_cancelled=True),
        "failure_texts": bp.failure_texts(),
        "enums": (
            bp.Change.SUBJECT_NAME,
            bp.SubjectKind.INDIVIDUAL,
            bp.Timing.AFTER,
            bp.Failure("subject_mismatch"),
        ),
        "DataProblem": errors.DataProblem("provinces[0] (CN-BJ)", "code", "bad"),
    }


VALUES = _public_values()


@pytest.mark.parametrize("name", list(VALUES))
@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_public_value_pickles(name: str, protocol: int) -> None:
    value = VALUES[name]
    again = pickle.loads(pickle.dumps(value, protocol=protocol))
    assert again == value
    assert type(again) is type(value)


def test_unpickled_policy_answers_like_the_original() -> None:
    policy = pickle.loads(pickle.dumps(bp.default_policy()))
    # 辽宁 wants the subject name changed before a transfer (Tencent's 辽宁 page).
    assert bp.can_transfer_directly("辽宁", ["subject_name"], policy=policy) is False
    assert bp.resolve_province("粤", policy=policy).code == "CN-GD"


UNPICKLABLE = threading.Lock()

ERRORS: dict[str, Callable[[], BaseException]] = {
    "UnknownProvinceError": lambda: errors.UnknownProvinceError(UNPICKLABLE, ("广东",)),
    "UnknownProvinceError (region)": lambda: errors.UnknownProvinceError("香港", no_icp_region="Hong Kong"),
    "UnknownNameError": lambda: errors.UnknownNameError("language", UNPICKLABLE, ("zh", "en")),
    "UnknownChangeError": lambda: errors.UnknownChangeError(UNPICKLABLE, ("subject_name",)),
    "UnknownFailureError": lambda: errors.UnknownFailureError(UNPICKLABLE),
    "UnknownIdError": lambda: errors.UnknownIdError("step", UNPICKLABLE),
    "ArgumentTypeError": lambda: errors.ArgumentTypeError("province", UNPICKLABLE, ["a str"]),
    "InvalidArgumentError": lambda: errors.InvalidArgumentError("subject_kind", UNPICKLABLE, ["individual"]),
    "InvalidIcpNumberError": lambda: errors.InvalidIcpNumberError(UNPICKLABLE, "no digits"),
    "PolicyDataError": lambda: errors.PolicyDataError("x.toml", [errors.DataProblem("(file)", "", "bad")]),
}


@pytest.mark.parametrize("name", list(ERRORS))
@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_error_holding_unpicklable_input_pickles(name: str, protocol: int) -> None:
    error = ERRORS[name]()
    again = pickle.loads(pickle.dumps(error, protocol=protocol))
    assert type(again) is type(error)
    assert str(again) == str(error)
    assert isinstance(again, bp.BeianPolicyError)


def test_unpicklable_input_is_kept_as_its_safe_repr() -> None:
    error = pickle.loads(pickle.dumps(errors.UnknownProvinceError(UNPICKLABLE)))
    assert isinstance(error.query, str)
    assert error.query.startswith("<unlocked _thread.lock object")
    # Picklable input is kept as it was.
    assert pickle.loads(pickle.dumps(errors.UnknownProvinceError(["广"]))).query == ["广"]


def test_errors_raised_by_the_api_pickle() -> None:
    raised = []
    for call in (
        lambda: bp.resolve_province("Guangdon"),
        lambda: bp.assess_transfer("北京", ["no_such_change"]),
        lambda: bp.parse_icp_number("not a number"),
        lambda: bp.assess_transfer(UNPICKLABLE),  # type: ignore[arg-type]
        lambda: bp.loads_policy("x = "),
    ):
        with pytest.raises(bp.BeianPolicyError) as info:
            call()
        raised.append(info.value)
    for error in raised:
        again = pickle.loads(pickle.dumps(error))
        assert (type(again), str(again)) == (type(error), str(error))


# -- a spawn pool answers as a serial loop ------------------------------------------------

CHANGE_SETS = ((), ("subject_name",), ("website_name", "website_domains"), ("subject_owner",))
KINDS = (None, "individual", "organisation")


def answer(case: tuple[str, tuple[str, ...], str | None]) -> tuple[bool, tuple[str, ...], int]:
    """One audit row: direct or not, the blocking changes, the plan's length."""
    province, changes, kind = case
    decision = bp.assess_transfer(province, changes, subject_kind=kind)
    plan = bp.plan_transfer(province, changes, subject_kind=kind)
    return decision.direct, tuple(sorted(c.value for c in decision.blocking_changes)), len(plan.steps)


def test_spawn_pool_gives_the_serial_answers() -> None:
    cases = [(p.code, changes, kind) for p in bp.provinces() for changes in CHANGE_SETS for kind in KINDS]
    serial = [answer(case) for case in cases]
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pooled = pool.map(answer, cases, chunksize=64)
    assert pooled == serial
    # 辽宁 blocks a subject name change (Tencent's 辽宁 page); the empty change set is direct.
    assert serial[cases.index(("CN-LN", ("subject_name",), None))][:2] == (False, ("subject_name",))
    assert all(row[0] for case, row in zip(cases, serial, strict=True) if case[1] == ())

"""Junk in, the package's own errors out (python-stdnum's discipline): every public
function either answers or raises a BeianPolicyError, never a raw builtin error from
its internals, whatever it is fed."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import beian_policy as bp

junk = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.binary(max_size=20),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.sampled_from(["", " ", "\x00", "\ud800", "CN-XX", "subject_name", "京", "x" * 10_000, "香港"]),
)

# Each public callable, with the positional arguments junk is put into.
CALLS: dict[str, Callable[[Any], object]] = {
    "resolve_province": lambda x: bp.resolve_province(x),
    "get_province": lambda x: bp.get_province(x),
    "search_provinces": lambda x: bp.search_provinces(x),
    "search_provinces(limit)": lambda x: bp.search_provinces("shan", limit=x),
    "assess_transfer(province)": lambda x: bp.assess_transfer(x),
    "assess_transfer(changes)": lambda x: bp.assess_transfer("北京", x),
    "assess_transfer(subject_kind)": lambda x: bp.assess_transfer("北京", (), subject_kind=x),
    "assess_transfer(policy)": lambda x: bp.assess_transfer("北京", (), policy=x),
    "can_transfer_directly": lambda x: bp.can_transfer_directly("辽宁", x),
    "required_steps(changes)": lambda x: bp.required_steps("北京", x),
    "required_steps(fact)": lambda x: bp.required_steps("北京", facts={"has_extra_filings": x}),
    "plan_transfer(province)": lambda x: bp.plan_transfer(x),
    "parse_icp_number": lambda x: bp.parse_icp_number(x),
    "format_icp_number": lambda x: bp.format_icp_number(x),
    "diagnose(failure)": lambda x: bp.diagnose(x),
    "diagnose(province)": lambda x: bp.diagnose("subject_mismatch", x),
    "diagnose(fact)": lambda x: bp.diagnose("website_problem", submitted_to_administration=x),
    "diagnose(icp_number)": lambda x: bp.diagnose("filing_not_found", icp_number=x),
    "rejection_impact": lambda x: bp.rejection_impact(has_other_provider=x),
    "load_policy": lambda x: bp.load_policy(x),
    "loads_policy": lambda x: bp.loads_policy(x),
    "validate_policy(path)": lambda x: bp.validate_policy(x),
    "validate_policy(text)": lambda x: bp.validate_policy(text=x),
    "to_json": lambda x: bp.to_json(x),
    "to_json(indent)": lambda x: bp.to_json(bp.resolve_province("粤"), indent=x),
    "Text.get": lambda x: bp.required_steps("北京")[0].title.get(x),
    "Policy.step_info": lambda x: bp.default_policy().step_info(x),
    "Policy.national_rule": lambda x: bp.default_policy().national_rule(x),
    "Policy.source": lambda x: bp.default_policy().source(x),
    "Policy.rules_for": lambda x: bp.default_policy().rules_for(x),
    "Policy.province_by_alias": lambda x: bp.default_policy().province_by_alias(x),
    "Policy.province_by_code": lambda x: bp.default_policy().province_by_code(x),
    "Policy.province_by_abbreviation": lambda x: bp.default_policy().province_by_abbreviation(x),
    "Policy.no_icp_region_by_alias": lambda x: bp.default_policy().no_icp_region_by_alias(x),
    "Policy.failure_by_alias": lambda x: bp.default_policy().failure_by_alias(x),
    "Policy.failure_info": lambda x: bp.default_policy().failure_info(x),
    "Policy.change_text": lambda x: bp.default_policy().change_text(x),
    "FailureInfo.cause": lambda x: (
        bp.default_policy().failure_info(bp.Failure.SMS_VERIFICATION_FAILED).cause(x)
    ),
    "Diagnosis.remedy": lambda x: bp.diagnose("website_cancelled").remedy(x),
    "load_policy(origin)": lambda x: bp.load_policy("x.toml", origin=x),
    "loads_policy(origin)": lambda x: bp.loads_policy(b"x = 1", origin=x),
    "validate_policy(origin)": lambda x: bp.validate_policy(text="x = 1", origin=x),
}


@pytest.mark.parametrize("name", sorted(CALLS))
@given(value=junk)
def test_junk_gets_package_errors(name: str, value: object) -> None:
    error: bp.BeianPolicyError | None = None
    try:
        CALLS[name](value)
    except bp.BeianPolicyError as exc:
        error = exc
    if error is not None:
        # Whatever went wrong, the error says it in words and can cross processes.
        assert str(error)
        assert type(pickle.loads(pickle.dumps(error))) is type(error)


def test_is_valid_icp_number_never_raises_on_junk() -> None:
    for value in (None, 3, b"\xff", "", "\ud800", ["京ICP备12345678号"]):
        assert bp.is_valid_icp_number(value) is False  # type: ignore[arg-type]


def test_province_from_elsewhere_is_checked() -> None:
    stranger = bp.Province("CN-XX", "990000", "某省", "某", "Nowhere", "Nowhere", "某")
    with pytest.raises(bp.UnknownProvinceError):
        bp.assess_transfer(stranger)
    assert bp.get_province(stranger) is None
    twin = bp.Province(**{f: getattr(bp.resolve_province("粤"), f) for f in ("code", "gb_code", "name",
                       "short_name", "name_en", "iso_name", "icp_abbreviation")})  # fmt: skip
    # An equal-coded Province resolves to the policy's own object.
    assert bp.resolve_province(twin) is bp.resolve_province("粤")


def test_shared_policy_cannot_be_broken_through_its_indexes() -> None:
    policy = bp.default_policy()
    with pytest.raises(TypeError):
        policy._national["sms_phone_must_match"] = None  # type: ignore[index]
    assert bp.assess_transfer("北京", ["website_owner_phone"]).blocking_changes == {
        bp.Change.WEBSITE_OWNER_PHONE
    }


def test_policy_pickles() -> None:
    policy = bp.default_policy()
    clone = pickle.loads(pickle.dumps(policy))
    assert clone == policy
    assert bp.assess_transfer("北京", "subject_name", policy=clone) == bp.assess_transfer(
        "北京", "subject_name"
    )


def test_json_refuses_what_is_not_json() -> None:
    loop: list[object] = []
    loop.append(loop)
    for value in (float("nan"), [float("inf")], loop, {"k": b"bytes"}):
        with pytest.raises(bp.errors.InvalidArgumentError):
            bp.to_json(value)


def test_search_limit() -> None:
    assert bp.search_provinces("北京", limit=0) == ()
    assert len(bp.search_provinces("shan", limit=1)) == 1
    with pytest.raises(bp.errors.InvalidArgumentError):
        bp.search_provinces("shan", limit=-1)
    with pytest.raises(bp.errors.ArgumentTypeError):
        bp.search_provinces("shan", limit=1.5)  # type: ignore[arg-type]

"""The package's shape: imports go one way, annotations resolve, values round-trip.

The layer of each module is written here by hand, from the design: records at the
bottom, the loading pipeline over them, queries over the loader, views on top. A
test derives the import graph from the source (imports inside functions and under
``TYPE_CHECKING`` included) and fails on any import that goes up a layer.
"""

from __future__ import annotations

import ast
import typing
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import beian_policy as bp
from beian_policy import model
from beian_policy.strategies import transfer_cases

PACKAGE = Path(bp.__file__).parent

#: Lower numbers may be imported by higher ones, never the other way round.
LAYERS: dict[str, float] = {
    "_problem": -1,
    "errors": 0,
    "_version": 0,
    "_text": 0,
    "_record": 0,
    "_enums": 1,
    "_icp_html": 1,
    "_vocab": 2,
    "_ids": 2,
    "_coerce": 2,
    "_numbers": 2,
    "_model": 3,
    "_statements": 3.5,
    "_step": 4,
    "_schema": 4,
    "_policy": 4,
    "_finding": 4,
    "_data": 5,
    "_memo": 5.5,
    "_places": 6,
    "_provinces": 7,
    "_icp": 8,
    "_decision": 8,
    "_grid": 9,
    "_application": 8,
    "_plan": 9,
    "_rejection": 9,
    "_diagnosis": 9,
    "_preflight_run": 9,
    "_preflight_people": 9.2,
    "_preflight_sites": 9.2,
    "_preflight": 9.5,
    "_footer": 8.5,
    "_cases": 10,
    "_json": 10,
    "model": 11,
    "_output_schema": 11,
    "_icp_strategy": 11,
    "strategies": 12,
    "_hypothesis_hook": 13,
    "_cli": 13,
    "_cli_text": 12,
    "__init__": 14,
    "__main__": 15,
}


def _module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE).with_suffix("")
    return ".".join(relative.parts)


def _layer(module: str) -> float:
    """The layer of a module: a subpackage's modules share the subpackage's layer."""
    top = module.split(".")[0]
    if top not in LAYERS:
        raise AssertionError(f"module {module} has no layer in LAYERS: add it")
    return LAYERS[top]


def _imports(path: Path) -> set[str]:
    """Every package module *path* imports, anywhere in the file."""
    package_parts = _module_name(path).split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package_parts[: len(package_parts) - (node.level - 1)]
                target = [*base, *(node.module.split(".") if node.module else [])]
                if node.module is None:
                    found.update(".".join([*base, alias.name]) for alias in node.names)
                elif target:
                    found.add(".".join(target))
            elif node.module and node.module.startswith("beian_policy."):
                found.add(node.module.removeprefix("beian_policy."))
        elif isinstance(node, ast.Import):
            found.update(
                a.name.removeprefix("beian_policy.") for a in node.names if a.name.startswith("beian_policy.")
            )
    return found


SOURCES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: _module_name(p))
def test_imports_go_down_the_layers(path: Path) -> None:
    module = _module_name(path)
    own = _layer(module)
    for target in _imports(path):
        if target.split(".")[0] == module.split(".")[0]:
            continue  # inside one subpackage
        assert _layer(target) < own or (target.split(".")[0], module) == ("__init__", "__main__"), (
            f"{module} (layer {own}) imports {target} (layer {_layer(target)})"
        )


def test_the_layer_test_sees_function_level_and_type_checking_imports(tmp_path: Path) -> None:
    sample = PACKAGE / "_sample_for_test.py"
    text = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from ._diagnosis import Diagnosis\n"
        "def f():\n    from ._loader import resolve_policy\n"
    )
    try:
        sample.write_text(text, encoding="utf-8")
        assert _imports(sample) == {"_diagnosis", "_loader"}
    finally:
        sample.unlink()


PUBLIC_CLASSES = sorted(
    {obj for name in model.__all__ if isinstance(obj := getattr(model, name), type) and attrs.has(obj)},
    key=lambda cls: cls.__name__,
)


@pytest.mark.parametrize("cls", PUBLIC_CLASSES, ids=lambda c: c.__name__)
def test_annotations_resolve(cls: type) -> None:
    hints = typing.get_type_hints(cls)
    assert set(hints) >= {a.name for a in attrs.fields(cls)}


def test_top_level_is_small_and_dir_is_all() -> None:
    assert len(bp.__all__) <= 55
    assert dir(bp) == sorted(bp.__all__)
    assert "TYPE_CHECKING" not in dir(bp)
    assert dir(model) == sorted(model.__all__)
    for name in bp.__all__:
        assert getattr(bp, name) is not None, name


def test_errors_have_one_builtin_each() -> None:
    families = {
        bp.errors.UnknownNameError: LookupError,
        bp.errors.UnknownProvinceError: LookupError,
        bp.errors.UnknownChangeError: LookupError,
        bp.errors.UnknownFailureError: LookupError,
        bp.errors.UnknownIdError: LookupError,
        bp.errors.ArgumentTypeError: TypeError,
        bp.errors.InvalidArgumentError: ValueError,
        bp.errors.InvalidIcpNumberError: ValueError,
        bp.errors.PolicyDataError: ValueError,
        bp.errors.InvalidApplicationError: ValueError,
        bp.errors.MissingDependencyError: ImportError,
    }
    for cls, builtin in families.items():
        assert issubclass(cls, bp.BeianPolicyError)
        assert issubclass(cls, builtin)
        others = {LookupError, TypeError, ValueError} - {builtin}
        assert not any(issubclass(cls, other) for other in others), cls
        assert cls.__module__ == "beian_policy.errors"


def test_a_refile_plan_says_so() -> None:
    # 辽宁 requires the subject name to be changed first (Tencent's 辽宁 page); with the
    # original provider gone it cannot be, so the plan files again.
    plan = bp.plan_transfer("辽宁", ["subject_name"], facts={"original_provider_reachable": False})
    assert plan.refile is True
    assert "cancel_subject" in plan.step_ids
    (cancel,) = [s for s in plan.steps if s.id == "cancel_subject"]
    assert cancel.irreversible is True
    assert bp.plan_transfer("辽宁", ["subject_name"]).refile is False


def test_changes_know_whether_they_concern_the_subject() -> None:
    assert [c.value for c in bp.Change if c.is_subject] == [
        "subject_name",
        "subject_type",
        "subject_certificate",
        "subject_address",
        "subject_owner",
        "subject_owner_contact",
    ]


def test_required_steps_has_the_plan_signature() -> None:
    import inspect

    assert inspect.signature(bp.required_steps) == inspect.signature(bp.plan_transfer)
    facts = {"regulated_industry": True}
    assert bp.required_steps("北京", facts=facts) == bp.plan_transfer("北京", facts=facts).steps


@given(transfer_cases())
def test_plans_round_trip_through_json(case: model.TransferCase) -> None:
    plan = case.plan()
    assert bp.from_dict(bp.TransferPlan, bp.to_dict(plan)) == plan
    assert bp.from_json(bp.TransferPlan, bp.to_json(plan)) == plan
    decision = plan.decision
    assert bp.from_dict(bp.TransferDecision, bp.to_dict(decision)) == decision


FAILURES = st.sampled_from(list(bp.Failure))
FACTS = st.none() | st.booleans()


@given(FAILURES, st.none() | st.sampled_from(["北京", "辽宁", "广东", "四川"]), FACTS, FACTS, FACTS)
def test_diagnoses_round_trip(
    failure: bp.Failure,
    province: str | None,
    submitted: bool | None,
    other_websites: bool | None,
    reachable: bool | None,
) -> None:
    diagnosis = bp.diagnose(
        failure,
        province,
        submitted_to_administration=submitted,
        subject_has_other_websites=other_websites,
        original_provider_reachable=reachable,
    )
    assert bp.from_dict(bp.Diagnosis, bp.to_dict(diagnosis)) == diagnosis


@pytest.mark.parametrize(
    "text", ["京ICP备12345678号-2", "蜀ICP证030173号", "粤B2-20090059-5", "川ICP备19011193号-6A"]
)
def test_icp_numbers_and_impacts_round_trip(text: str) -> None:
    number = bp.parse_icp_number(text)
    again = bp.from_dict(bp.IcpNumber, bp.to_dict(number))
    assert again == number
    assert str(again) == str(number)
    impact = bp.rejection_impact(filing_cancelled=False, has_other_provider=None)
    assert bp.from_dict(model.RejectionImpact, bp.to_dict(impact)) == impact


def test_reading_back_names_what_does_not_fit() -> None:
    data = bp.to_dict(bp.assess_transfer("北京", ["subject_name"]))
    data["verdicts"][0]["timing"] = "sometime"
    with pytest.raises(bp.errors.InvalidArgumentError, match="timing"):
        bp.from_dict(bp.TransferDecision, data)
    with pytest.raises(bp.errors.InvalidArgumentError, match="type to read"):
        bp.from_dict(dict, {})
    with pytest.raises(bp.errors.ArgumentTypeError):
        bp.from_dict(bp.TransferDecision, [])
    with pytest.raises(bp.errors.InvalidArgumentError):
        bp.from_json(bp.TransferDecision, "{not json")


def test_a_validation_report_serialises_with_its_verdict() -> None:
    data = bp.to_dict(bp.validate_policy(text="schema_version = 1"))
    assert data["ok"] is False
    assert data["policy"] is None
    assert {"record": "(top level)", "field": "data_version", "message": "required key missing"} in data[
        "problems"
    ]

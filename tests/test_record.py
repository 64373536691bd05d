"""The ``__repr__``, ``__eq__`` and ``__hash__`` of the classes every process creates
(``_record.record_methods``) behave as attrs' own generated ones would."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import beian_policy as bp
from beian_policy._cli._format import Formatter
from beian_policy._data._compiled import _fields
from beian_policy._model import Province, Text
from beian_policy._record import _fields_repr, record_methods
from beian_policy._statements import decide


def attrs_repr(record: Any) -> str:
    """The repr attrs generates for a class with *record*'s fields (a twin class made
    by attrs itself, with attrs' own __repr__), for *record*'s values."""
    cls = type(record)
    fields = attrs.fields(cls)
    twin = attrs.make_class(
        cls.__qualname__,
        {a.name: attrs.field(repr=a.repr, kw_only=True, alias=f"field{i}") for i, a in enumerate(fields)},
        frozen=True,
        repr=True,
    )
    return repr(twin(**{a.alias: getattr(record, a.name) for a in attrs.fields(twin)}))


def samples() -> dict[str, object]:
    """One value of every class with the shared repr, by class name."""
    policy = bp.default_policy()
    found: dict[str, object] = {"Policy": policy}
    stack: list[object] = [_fields(policy)]
    while stack:
        item = stack.pop()
        if isinstance(item, (tuple, frozenset)):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif attrs.has(type(item)):
            found.setdefault(type(item).__name__, item)
            stack.extend(getattr(item, a.name) for a in attrs.fields(type(item)))
    decision = bp.assess_transfer("北京", ["subject_name", "website_name"])
    found["TransferDecision"] = decision
    found["ChangeVerdict"] = decision.verdicts[0]
    rules = policy.rules_for(bp.resolve_province("北京"))
    found["Ruling"] = decide(
        rules.statements, policy.national_statements, bp.Change.SUBJECT_NAME, None, policy.as_of
    )
    found["Step"] = bp.plan_transfer("辽宁", ["subject_name"]).steps[0]
    found["Formatter"] = Formatter(bp.Lang.EN, {bp.Change.SUBJECT_NAME: Text("主体名称", "subject name")})
    return found


SAMPLES = samples()


def test_every_class_a_first_answer_or_a_check_creates_has_the_shared_methods() -> None:
    # Written by hand: model.py's record classes, the policy, and what a decision and
    # the CLI's check are made of.
    assert {name for name, value in SAMPLES.items() if type(value).__repr__ is _fields_repr} == {
        "Cause", "ChangeVerdict", "CheckClaim", "Event", "FactClaim", "FailureInfo", "Formatter",
        "NationalRule", "NoIcpRegion", "Policy", "Province", "ProvinceCheck", "ProvinceNote",
        "ProvinceRules", "Provider", "RemedyInfo", "Requirement", "Ruling", "SiteFact", "Source",
        "Statement", "Step", "StepInfo", "Term", "Text", "TransferDecision", "TransferNote",
        "WorkedExample",
    }  # fmt: skip


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_the_shared_repr_is_attrs_own(name: str) -> None:
    record = SAMPLES[name]
    assert repr(record) == attrs_repr(record)


def test_a_repr_written_out() -> None:
    assert repr(Text("北京", "Beijing")) == "Text(zh='北京', en='Beijing')"
    beijing = Province("CN-BJ", "110000", "北京市", "北京", "Beijing", "Beijing Shi", "京")
    assert repr(beijing) == (
        "Province(code='CN-BJ', gb_code='110000', name='北京市', short_name='北京', name_en='Beijing', "
        "iso_name='Beijing Shi', icp_abbreviation='京', alternative_abbreviations=(), aliases=())"
    )
    # Policy's look-up indexes are not shown (repr=False), as attrs would not show them.
    assert "_by_code" not in repr(bp.default_policy())[-2000:]


def test_a_record_inside_itself_is_shown_as_dots_as_attrs_does() -> None:
    inside: list[object] = []
    text = Text(inside, "x")  # type: ignore[arg-type]
    inside.append(text)
    assert repr(text) == "Text(zh=[...], en='x')"

    @attrs.frozen
    class Twin:  # attrs' own repr does the same
        zh: object
        en: str

    around: list[object] = []
    twin = Twin(around, "x")
    around.append(twin)
    assert repr(twin) == "Twin(zh=[...], en='x')"
    assert repr(Text("a", "b")) == "Text(zh='a', en='b')"  # the guard is cleared afterwards


def test_the_decorator_wants_a_class_without_attrs_methods() -> None:
    @attrs.frozen
    class Repred:
        value: str

    with pytest.raises(
        TypeError, match=r"Repred: declare it @attrs.frozen\(repr=False, eq=False\) under @record_methods"
    ):
        record_methods(Repred)

    @attrs.frozen(repr=False)
    class Compared:  # attrs' own __eq__ and __hash__
        value: str

    with pytest.raises(TypeError, match="Compared: declare it"):
        record_methods(Compared)

    class Plain:
        pass

    with pytest.raises(TypeError, match="Plain: declare it"):
        record_methods(Plain)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_equality_and_hash_are_attrs_own(name: str) -> None:
    record: Any = SAMPLES[name]
    fields = attrs.fields(type(record))
    same = attrs.evolve(record)  # a new object with the same fields
    assert same is not record
    assert same == record
    assert (same != record) is False
    if name != "Formatter":  # its dicts are unhashable, as with attrs' own __hash__
        assert hash(same) == hash(record)
    # Another class with the same fields is never equal (attrs: NotImplemented both ways).
    assert record != attrs.make_class(type(record).__name__, [f"field{i}" for i in range(len(fields))])(
        *[getattr(record, a.name) for a in fields]
    )
    assert record.__eq__(object()) is NotImplemented
    # Each compared field counts; the fields attrs does not compare (eq=False) do not.
    for field in fields:
        value = getattr(record, field.name)
        other = "something else" if value != "something else" else "another"
        changed = object.__new__(type(record))
        for a in fields:
            object.__setattr__(changed, a.name, other if a is field else getattr(record, a.name))
        assert (changed == record) is (not field.eq), field.name


def test_the_policy_is_compared_without_its_indexes() -> None:
    policy = bp.default_policy()
    fresh = bp.loads_policy(bp.default_data_text(), origin=policy.origin)
    assert fresh == policy
    assert hash(fresh.provinces) == hash(policy.provinces)
    assert fresh != attrs.evolve(policy, data_version="0")
    assert {Text("北京", "Beijing"), Text("北京", "Beijing"), Text("北京", "Peking")} == {
        Text("北京", "Beijing"),
        Text("北京", "Peking"),
    }

"""Transfer decisions: the verdict, its evidence, and its invariants."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import beian_policy as bp

PROVINCE_CODES = [p.code for p in bp.default_policy().provinces]
provinces_st = st.sampled_from(PROVINCE_CODES)
change_sets_st = st.frozensets(st.sampled_from(list(bp.Change)))
kinds_st = st.sampled_from([None, bp.SubjectKind.ORGANISATION, bp.SubjectKind.INDIVIDUAL])


def test_liaoning_refuses_transfer_first() -> None:
    """The issue's acceptance example: 辽宁 does not accept transfer-then-change."""
    assert bp.can_transfer_directly("辽宁", ["subject_name"]) is False
    decision = bp.assess_transfer("辽宁", ["subject_name"])
    assert decision.blocking_changes == {bp.Change.SUBJECT_NAME}
    assert decision.basis == "province"
    assert any(s.id == "tc-cn-ln" for s in decision.sources)


def test_beijing_defers_with_deadline() -> None:
    decision = bp.assess_transfer("北京", ["subject_name", "website_name"])
    assert decision.direct
    assert [(v.change, v.deadline_working_days) for v in decision.deferred] == [
        (bp.Change.SUBJECT_NAME, 10),
        (bp.Change.WEBSITE_NAME, 10),
    ]
    assert decision.basis is bp.Basis.PROVINCE


def test_unknown_province_rule_falls_back_to_the_strict_default() -> None:
    decision = bp.assess_transfer("天津", "subject_name")
    assert not decision.direct
    assert decision.basis is bp.Basis.NATIONAL_DEFAULT
    (verdict,) = decision.verdicts
    assert verdict.rule == "national/change_first_by_default"
    assert verdict.basis is bp.Basis.NATIONAL_DEFAULT


def test_no_changes_is_direct_by_national_rule() -> None:
    decision = bp.assess_transfer("CN-SD")
    assert decision.direct
    assert decision.blocking_changes == frozenset()
    assert decision.deferred == ()
    assert decision.basis is bp.Basis.NATIONAL_RULE
    assert decision.sources


@given(provinces_st, kinds_st)
def test_phone_change_always_blocks_by_the_sms_rule(code: str, kind: bp.SubjectKind | None) -> None:
    decision = bp.assess_transfer(code, bp.Change.WEBSITE_OWNER_PHONE, subject_kind=kind)
    assert not decision.direct
    (verdict,) = decision.verdicts
    assert verdict.basis is bp.Basis.NATIONAL_RULE
    assert verdict.rule == "national/sms_phone_must_match"


def test_subject_kind_rules_apply_only_when_the_kind_is_given() -> None:
    # 云南 lets individuals transfer first; for organisations no source states a rule.
    assert bp.can_transfer_directly("云南", ["subject_name"], subject_kind="individual")
    assert not bp.can_transfer_directly("云南", ["subject_name"], subject_kind="organisation")
    assert not bp.can_transfer_directly("云南", ["subject_name"])


@pytest.mark.parametrize(
    "changes",
    ["subject_name", bp.Change.SUBJECT_NAME, ["subject_name"], ("subject_name",), {"subject_name"},
     (c for c in ["subject_name"]), [" SUBJECT_NAME "], ["ｓｕｂｊｅｃｔ＿ｎａｍｅ"], ["subject-name"]],
)  # fmt: skip
def test_forgiving_change_input(changes: object) -> None:
    decision = bp.assess_transfer("CN-LN", changes)  # type: ignore[arg-type]
    assert decision.changes == {bp.Change.SUBJECT_NAME}


@pytest.mark.parametrize("bad", ["subject_nam", "phone", ["subject_name", "phone"]])
def test_unknown_change_is_a_lookup_error(bad: object) -> None:
    with pytest.raises(bp.errors.UnknownChangeError) as info:
        bp.assess_transfer("CN-LN", bad)  # type: ignore[arg-type]
    assert isinstance(info.value, LookupError)
    assert not isinstance(info.value, (ValueError, TypeError))
    assert "subject_name" in str(info.value)


@pytest.mark.parametrize("bad", [3, [None], [["subject_name"]], object(), b"subject_name"])
def test_a_change_of_the_wrong_type_is_a_type_error(bad: object) -> None:
    with pytest.raises(bp.errors.ArgumentTypeError, match="changes") as info:
        bp.assess_transfer("CN-LN", bad)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)
    assert not isinstance(info.value, (ValueError, LookupError))


def test_unknown_change_suggests() -> None:
    with pytest.raises(bp.errors.UnknownChangeError) as info:
        bp.assess_transfer("CN-LN", "subject_nam")
    assert "subject_name" in info.value.suggestions
    clone = pickle.loads(pickle.dumps(info.value))
    assert clone.suggestions == info.value.suggestions


def test_bad_subject_kind_and_policy() -> None:
    with pytest.raises(bp.errors.UnknownNameError, match="subject kind") as info:
        bp.assess_transfer("CN-LN", (), subject_kind="company")
    assert info.value.valid == ("organisation", "individual")
    assert not isinstance(info.value, (ValueError, TypeError))
    with pytest.raises(bp.errors.ArgumentTypeError, match="policy"):
        bp.assess_transfer("CN-LN", (), policy="data.toml")  # type: ignore[arg-type]


@given(provinces_st, change_sets_st, st.sampled_from(list(bp.Change)), kinds_st)
def test_adding_a_change_never_makes_a_transfer_more_direct(
    code: str, changes: frozenset[bp.Change], extra: bp.Change, kind: bp.SubjectKind | None
) -> None:
    before = bp.assess_transfer(code, changes, subject_kind=kind)
    after = bp.assess_transfer(code, changes | {extra}, subject_kind=kind)
    assert before.blocking_changes <= after.blocking_changes
    if not before.direct:
        assert not after.direct


@given(provinces_st, change_sets_st, kinds_st)
def test_decision_partitions_the_changes(
    code: str, changes: frozenset[bp.Change], kind: bp.SubjectKind | None
) -> None:
    decision = bp.assess_transfer(code, changes, subject_kind=kind)
    deferred = decision.deferred_changes
    assert decision.blocking_changes | deferred == changes
    assert not decision.blocking_changes & deferred
    assert decision.direct == (not decision.blocking_changes)
    assert [v.change for v in decision.verdicts] == sorted(changes, key=list(bp.Change).index)
    assert decision.disputed == any(v.disputed for v in decision.verdicts)
    for d in decision.deferred:
        assert d.deadline_working_days is None or d.deadline_working_days > 0
    if any(v.basis is bp.Basis.NATIONAL_DEFAULT for v in decision.verdicts):
        assert decision.basis is bp.Basis.NATIONAL_DEFAULT


@given(provinces_st, change_sets_st, kinds_st)
def test_decisions_are_deterministic_hashable_and_picklable(
    code: str, changes: frozenset[bp.Change], kind: bp.SubjectKind | None
) -> None:
    first = bp.assess_transfer(code, changes, subject_kind=kind)
    second = bp.assess_transfer(code, list(changes), subject_kind=kind)
    assert first == second
    assert hash(first) == hash(second)
    clone = pickle.loads(pickle.dumps(first))
    assert clone == first
    assert clone.data_version == bp.DATA_VERSION


@given(provinces_st, change_sets_st)
def test_every_verdict_cites_sources(code: str, changes: frozenset[bp.Change]) -> None:
    decision = bp.assess_transfer(code, changes)
    for verdict in decision.verdicts:
        assert verdict.sources
        assert verdict.rule.startswith(("national/", f"{code}/transfer/"))
        assert set(verdict.sources) <= set(decision.sources)

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
    """The issue's acceptance example: 辽宁 does not accept transfer-then-change (a rule on
    Tencent's company tab; without a subject kind the strict default gives the same answer)."""
    assert bp.can_transfer_directly("辽宁", ["subject_name"]) is False
    decision = bp.assess_transfer("辽宁", ["subject_name"], subject_kind="organisation")
    assert decision.blocking_changes == {bp.Change.SUBJECT_NAME}
    assert decision.basis == "province"
    assert any(s.id == "tc-cn-ln" for s in decision.sources)
    assert bp.assess_transfer("辽宁", ["subject_name"]).basis is bp.Basis.NATIONAL_DEFAULT


def test_beijing_defers_with_deadline() -> None:
    decision = bp.assess_transfer("北京", ["subject_name", "website_name"], subject_kind="organisation")
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
        bp.assess_transfer("CN-LN", (), subject_kind="robot")
    assert info.value.valid == ("organisation", "individual")
    # A company (企业) is an organisation: the data lists it among the spellings.
    assert bp.assess_transfer("CN-LN", (), subject_kind="company").subject_kind is bp.SubjectKind.ORGANISATION
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
    assert [v.change for v in decision.verdicts] == sorted(changes, key=list(bp.Change).index)
    # Compositional: a set of changes is direct, or disputed, exactly when one of its
    # changes asked alone is (each single-change answer is pinned in test_truth_table).
    alone = [bp.assess_transfer(code, change, subject_kind=kind) for change in changes]
    assert decision.direct is all(single.direct for single in alone)
    assert decision.disputed is any(single.disputed for single in alone)
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
        assert verdict.rule.startswith(("national/", f"{code}/"))
        assert set(verdict.sources) <= set(decision.sources)


# -- corrections from the data audit of 2026-12-01 ------------------------------------------
#
# Written by hand from the cited pages (Tencent's 企业备案 / 个人备案 tabs, Huawei's 河北
# summary), not from the data file: which timing each corrected decision has, on what basis,
# which sources decide it, and whether a current source disputes it. A rule stated on the
# company tab answers for organisations only; an individual, or a question without a subject
# kind, gets the individual tab's own rule or else the strict national default.

DEFAULT = ("before", "national_default", {"tc-seed-faq", "tc-faq-transfer"}, False)
SUBJECT_SIX = ["subject_name", "subject_type", "subject_certificate", "subject_address", "subject_owner",
               "subject_owner_contact"]  # fmt: skip
ALL_NINE = [*SUBJECT_SIX, "website_name", "website_owner", "website_domains"]

CORRECTED: list[tuple[str, str, str | None, tuple[str, str, set[str], bool]]] = [
    # 北京: company tab lets these wait 10 working days; the individual tab forbids changing an
    # individual's subject type and name at all (cancel and file again).
    *[("CN-BJ", c, "organisation", ("after", "province", {"tc-cn-bj"}, False))
      for c in ["subject_name", "website_name", "website_owner", "website_domains"]],
    *[("CN-BJ", c, "organisation", ("before", "province", {"tc-cn-bj"}, False))
      for c in ["subject_type", "subject_certificate", "subject_address", "subject_owner",
                "subject_owner_contact"]],
    ("CN-BJ", "subject_name", "individual", ("before", "province", {"tc-cn-bj"}, False)),
    ("CN-BJ", "subject_type", "individual", ("before", "province", {"tc-cn-bj"}, False)),
    *[("CN-BJ", c, "individual", DEFAULT)
      for c in ["subject_certificate", "subject_address", "subject_owner", "subject_owner_contact",
                "website_name", "website_owner", "website_domains"]],
    *[("CN-BJ", c, None, DEFAULT) for c in ALL_NINE],
    # 河北: Huawei's summary (company users, new access) asks companies to change first.
    *[("CN-HE", c, "organisation", ("before", "province", {"h-guanju"}, False))
      for c in ALL_NINE if c not in ("subject_certificate", "subject_address")],
    # Alibaba Cloud's 河北 page (2019-09-06, company section) lets 证件住所、通信地址 follow the
    # transfer: Huawei still decides (newer), disputed.
    ("CN-HE", "subject_address", "organisation", ("before", "province", {"h-guanju"}, True)),
    # Both Tencent and Huawei say so; Huawei's summary is dated (2026-07-02) and Tencent's page
    # is not, so by the combination rule the newer evidence decides.
    ("CN-HE", "subject_certificate", "organisation", ("before", "province", {"h-guanju"}, False)),
    *[("CN-HE", c, None, DEFAULT) for c in ALL_NINE],
    # Alibaba Cloud's 河北 page (2019-09-06, individual section): 主办单位名称、证件号码 must match,
    # 证件住所、通信地址 may follow; it says nothing else for individuals.
    ("CN-HE", "subject_name", "individual", ("before", "province", {"a-cn-he"}, False)),
    ("CN-HE", "subject_certificate", "individual", ("before", "province", {"a-cn-he"}, False)),
    ("CN-HE", "subject_address", "individual", ("after", "province", {"a-cn-he"}, False)),
    *[("CN-HE", c, "individual", DEFAULT) for c in ALL_NINE
      if c not in ("subject_name", "subject_certificate", "subject_address")],
    # 辽宁: "no transfer first" is on the company tab only.
    # Alibaba Cloud's 辽宁 page (2019-09-12, company section) lets 证件住所、通信地址、负责人信息
    # follow the transfer: Tencent's current page decides, disputed.
    *[("CN-LN", c, "organisation",
       ("before", "province", {"tc-cn-ln"},
        c in ("subject_address", "subject_owner", "subject_owner_contact")))
      for c in ALL_NINE],
    *[("CN-LN", c, None, DEFAULT) for c in ALL_NINE],
    # Alibaba Cloud's 辽宁 page (2019-09-12, individual section): name and certificate number
    # must match, the addresses may follow.
    ("CN-LN", "subject_name", "individual", ("before", "province", {"a-cn-ln"}, False)),
    ("CN-LN", "subject_certificate", "individual", ("before", "province", {"a-cn-ln"}, False)),
    ("CN-LN", "subject_address", "individual", ("after", "province", {"a-cn-ln"}, False)),
    *[("CN-LN", c, "individual", DEFAULT) for c in ALL_NINE
      if c not in ("subject_name", "subject_certificate", "subject_address")],
    # 上海: the owner's details, contact included, change to the legal representative's afterwards.
    ("CN-SH", "subject_owner_contact", "organisation", ("after", "province", {"tc-cn-sh"}, False)),
    ("CN-SH", "subject_owner", "organisation", ("after", "province", {"tc-cn-sh"}, False)),
    ("CN-SH", "subject_owner_contact", None, DEFAULT),
    # 江苏: the subject-owner rule is on the company tab (QingCloud and JD Cloud disagree).
    ("CN-JS", "subject_owner", "organisation", ("after", "province", {"tc-cn-js"}, True)),
    ("CN-JS", "subject_owner", "individual", DEFAULT),
    ("CN-JS", "subject_owner", None, DEFAULT),
    # 浙江: the certificate rule is on the company tab.
    ("CN-ZJ", "subject_certificate", "organisation", ("after", "province", {"tc-cn-zj"}, False)),
    # Alibaba Cloud's 浙江 page (2019-09-06, individual section): 证件号码 may follow the transfer.
    ("CN-ZJ", "subject_certificate", "individual", ("after", "province", {"a-cn-zj"}, False)),
    ("CN-ZJ", "subject_certificate", None, DEFAULT),
    # 四川: the old-certificate exception is on the company tab; the individual tab (and
    # QingCloud, for both kinds) asks for matching information. JD Cloud's line disputes the
    # company exception.
    ("CN-SC", "subject_certificate", "organisation", ("after", "province", {"tc-cn-sc"}, True)),
    # Tencent's and QingCloud's general statements agree; Tencent's page is primary, so it decides.
    ("CN-SC", "subject_certificate", "individual", ("before", "province", {"tc-cn-sc"}, False)),
    ("CN-SC", "subject_certificate", None, ("before", "province", {"tc-cn-sc"}, False)),
    ("CN-SC", "subject_name", "individual", ("before", "province", {"tc-cn-sc"}, False)),
    # 西藏: the name and the deferrable subject fields are on the company tab.
    ("CN-XZ", "subject_name", "organisation", ("before", "province", {"tc-cn-xz"}, False)),
    *[("CN-XZ", c, "organisation", ("after", "province", {"tc-cn-xz"}, False))
      for c in ["subject_certificate", "subject_address", "subject_owner", "subject_owner_contact"]],
    *[("CN-XZ", c, None, DEFAULT)
      for c in ["subject_name", "subject_certificate", "subject_address", "subject_owner",
                "subject_owner_contact"]],
    # Alibaba Cloud's 西藏 page (2018-12-20, individual section): the name must match; the
    # addresses and certificate number may follow; the owner is not mentioned.
    ("CN-XZ", "subject_name", "individual", ("before", "province", {"a-cn-xz"}, False)),
    ("CN-XZ", "subject_certificate", "individual", ("after", "province", {"a-cn-xz"}, False)),
    ("CN-XZ", "subject_address", "individual", ("after", "province", {"a-cn-xz"}, False)),
    ("CN-XZ", "subject_owner", "individual", DEFAULT),
    ("CN-XZ", "subject_owner_contact", "individual", DEFAULT),
    # 陕西: transfer first for changed subject information is on the company tab. Alibaba
    # Cloud's 陕西 page (2019-09-12) disagrees on the name and certificate number (must match);
    # JD Cloud's older line is superseded by its newer page, which drops it.
    *[("CN-SN", c, "organisation",
       ("after", "province", {"tc-cn-sn"}, c in ("subject_name", "subject_certificate")))
      for c in SUBJECT_SIX],
    *[("CN-SN", c, None, DEFAULT) for c in SUBJECT_SIX],
    # Alibaba Cloud's 陕西 page (2019-09-12, individual section): name and certificate number
    # must match; the addresses and the owner's details may follow; subject type unmentioned.
    ("CN-SN", "subject_name", "individual", ("before", "province", {"a-cn-sn"}, False)),
    ("CN-SN", "subject_certificate", "individual", ("before", "province", {"a-cn-sn"}, False)),
    *[("CN-SN", c, "individual", ("after", "province", {"a-cn-sn"}, False))
      for c in ["subject_address", "subject_owner", "subject_owner_contact"]],
    ("CN-SN", "subject_type", "individual", DEFAULT),
    # 广东 and 宁夏: the same answer, now on the right basis.
    # Alibaba Cloud's 广东 page (2019-02-19) lets all transfer information follow, for both
    # kinds: it disputes Tencent's company-tab rule and decides for individuals.
    ("CN-GD", "website_name", "organisation", ("before", "province", {"tc-cn-gd"}, True)),
    ("CN-GD", "website_name", "individual", ("after", "province", {"a-cn-gd"}, False)),
    ("CN-GD", "website_name", None, DEFAULT),
    ("CN-NX", "subject_certificate", "organisation", ("before", "province", {"tc-cn-nx"}, False)),
    # Alibaba Cloud's 宁夏 page (2019-09-12, individual section): the certificate number must match.
    ("CN-NX", "subject_certificate", "individual", ("before", "province", {"a-cn-nx"}, False)),
    ("CN-NX", "subject_certificate", None, DEFAULT),
]  # fmt: skip


@pytest.mark.parametrize(("code", "change", "kind", "expected"), CORRECTED)
def test_corrected_decisions(
    code: str, change: str, kind: str | None, expected: tuple[str, str, set[str], bool]
) -> None:
    timing, basis, source_ids, disputed = expected
    decision = bp.assess_transfer(code, change, subject_kind=kind)
    (verdict,) = decision.verdicts
    assert verdict.timing == timing
    assert verdict.basis == basis
    assert {s.id for s in verdict.sources} == source_ids
    assert verdict.disputed is disputed
    if basis == "province":
        (source_id,) = source_ids
        assert verdict.rule.startswith(f"{code}/{source_id}/")
    else:
        assert verdict.rule == "national/change_first_by_default"


def test_an_individual_never_rests_on_a_company_tab_rule() -> None:
    """The rules the audit found on Tencent's 企业备案 tab only decide nothing for individuals."""
    company_only = {
        ("CN-BJ", "tc-cn-bj"), ("CN-LN", "tc-cn-ln"), ("CN-JS", "tc-cn-js"), ("CN-ZJ", "tc-cn-zj"),
        ("CN-XZ", "tc-cn-xz"), ("CN-SN", "tc-cn-sn"), ("CN-GD", "tc-cn-gd"), ("CN-NX", "tc-cn-nx"),
        ("CN-HE", "tc-cn-he"), ("CN-HE", "h-guanju"),
    }  # fmt: skip
    for code, source_id in company_only:
        for change in bp.Change:
            for kind in (None, bp.SubjectKind.INDIVIDUAL):
                decision = bp.assess_transfer(code, change, subject_kind=kind)
                (verdict,) = decision.verdicts
                if (code, change, kind) in {
                    ("CN-BJ", bp.Change.SUBJECT_NAME, bp.SubjectKind.INDIVIDUAL),
                    ("CN-BJ", bp.Change.SUBJECT_TYPE, bp.SubjectKind.INDIVIDUAL),
                }:
                    assert verdict.rule == "CN-BJ/tc-cn-bj/3"
                    continue
                assert source_id not in {s.id for s in verdict.sources}, (code, change, kind)

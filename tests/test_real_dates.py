"""as_of and according_to on the shipped data: dated statements on both sides of a change.

Expected values come from the reference (providers-and-history.md, sections 1-2), written
by hand: the SMS verification pilots (天津 from 2017-12-18; 江苏 in no pilot, so only from
the nationwide start 2020-08-17), domain checks from 2018-01-01, Alibaba Cloud's 2019-09-12
陕西 page (名称、证件号 must match for organisations) against Tencent's tab-layout 陕西 page
(from its 2021-01-21 update at the earliest: transfer first for the subject's details),
Alibaba's 天津 page (名称、证件号 must match; 住所 after), and UCloud's September 2023 guidance
(the SMS goes to the newly entered phone).
"""

from __future__ import annotations

import datetime as dt

import pytest

import beian_policy as bp

D = dt.date


def steps(province: str, day: dt.date, **kwargs: object) -> tuple[str, ...]:
    return bp.plan_transfer(province, as_of=day, **kwargs).step_ids  # type: ignore[arg-type]


def test_no_sms_step_for_jiangsu_in_mid_2019_but_one_for_tianjin_in_mid_2018() -> None:
    assert "verify_sms" not in steps("江苏", D(2019, 7, 1))
    assert "verify_sms" in steps("天津", D(2018, 7, 1))
    assert "verify_sms" not in steps("天津", D(2017, 12, 17))
    assert "verify_sms" in steps("江苏", D(2020, 8, 17))
    assert "verify_sms" in bp.plan_transfer("江苏").step_ids


def test_before_sms_verification_jiangsus_phone_is_not_the_national_rule() -> None:
    (then,) = bp.assess_transfer("江苏", ["website_owner_phone"], as_of=D(2019, 7, 1)).verdicts
    assert then.rule != "national/sms_phone_must_match"
    (now,) = bp.assess_transfer("江苏", ["website_owner_phone"]).verdicts
    assert (now.rule, now.basis) == ("national/sms_phone_must_match", bp.Basis.NATIONAL_RULE)


def test_no_domain_registrant_step_before_2018() -> None:
    facts = {"domain_owner_matches_subject": False}
    assert "change_domain_owner" not in steps("北京", D(2017, 12, 31), facts=facts)
    assert "change_domain_owner" in steps("北京", D(2018, 1, 1), facts=facts)


def test_shaanxi_company_name_tencent_today_alibaba_dissents() -> None:
    decision = bp.assess_transfer("陕西", ["subject_name"], subject_kind="organisation")
    (verdict,) = decision.verdicts
    assert (verdict.timing, verdict.provider, verdict.basis) == (
        bp.Timing.AFTER,
        "tencent_cloud",
        bp.Basis.PROVINCE,
    )
    assert (verdict.date, verdict.date_is_bound) == (D(2021, 1, 21), True)
    assert verdict.disputed
    alibaba = [(s.timing, s.date, s.date_is_bound) for s in verdict.dissent if s.provider == "alibaba_cloud"]
    assert alibaba == [(bp.Timing.BEFORE, D(2019, 9, 12), False)]


def test_shaanxi_company_name_as_of_october_2019_is_alibabas() -> None:
    decision = bp.assess_transfer("陕西", ["subject_name"], subject_kind="organisation", as_of=D(2019, 10, 1))
    (verdict,) = decision.verdicts
    assert (verdict.timing, verdict.provider, verdict.date) == (
        bp.Timing.BEFORE,
        "alibaba_cloud",
        D(2019, 9, 12),
    )
    assert decision.as_of == D(2019, 10, 1)
    assert not decision.direct
    assert not [s for s in verdict.dissent if s.provider == "tencent_cloud" and s.source.id == "tc-cn-sn"]


def test_tianjin_answers_from_alibaba_for_companies() -> None:
    (name,) = bp.assess_transfer("天津", ["subject_name"], subject_kind="organisation").verdicts
    (address,) = bp.assess_transfer("天津", ["subject_address"], subject_kind="organisation").verdicts
    assert (name.timing, name.basis, name.provider, name.date) == (
        bp.Timing.BEFORE, bp.Basis.PROVINCE, "alibaba_cloud", D(2019, 9, 12)
    )  # fmt: skip
    assert (address.timing, address.basis, address.provider) == (
        bp.Timing.AFTER,
        bp.Basis.PROVINCE,
        "alibaba_cloud",
    )
    # Before Alibaba's page existed, 天津 had no stated rule: the cautious default.
    (early,) = bp.assess_transfer(
        "天津", ["subject_address"], subject_kind="organisation", as_of=D(2017, 1, 1)
    ).verdicts
    assert early.basis is bp.Basis.NATIONAL_DEFAULT


def test_ucloud_view_of_the_phone_changes_in_september_2023() -> None:
    (after,) = bp.assess_transfer("北京", ["website_owner_phone"], according_to="ucloud").verdicts
    assert (after.timing, after.provider, after.date) == (bp.Timing.WITH_TRANSFER, "ucloud", D(2023, 9, 1))
    (before,) = bp.assess_transfer(
        "北京", ["website_owner_phone"], according_to="ucloud", as_of=D(2023, 8, 31)
    ).verdicts
    assert before.timing is bp.Timing.BEFORE
    # The default view keeps the national SMS rule: UCloud describes its own system.
    (combined,) = bp.assess_transfer("北京", ["website_owner_phone"]).verdicts
    assert (combined.rule, combined.disputed) == ("national/sms_phone_must_match", False)


def test_the_decision_says_how_old_its_newest_evidence_is() -> None:
    decision = bp.assess_transfer("天津", ["subject_name", "subject_address"], subject_kind="organisation")
    assert decision.evidence_date is not None
    # Both verdicts rest on Alibaba Cloud's 天津 page of 2019-09-12 (providers-and-history §1.1).
    assert decision.evidence_date == D(2019, 9, 12)


def test_ningxia_old_certificate_in_tencents_view_before_its_tab_layout_page() -> None:
    """Tencent's older stored 宁夏 page (qcloud-documents at 176bb3d2, read by hand): its
    company section, item 6 of the owner requirements, says a transfer whose filing used
    an old certificate, since replaced by the unified one, needs the number cancelled and
    filed again or the certificate changed at the original provider first. Its individual
    section says nothing of certificates changing. In Tencent's own view, on a day before
    the tab-layout page (no older than 2021-01-21), that older page is Tencent's newest."""
    day = D(2020, 6, 1)
    (company,) = bp.assess_transfer(
        "宁夏", ["subject_certificate"], subject_kind="organisation", as_of=day, according_to="tencent_cloud"
    ).verdicts
    assert (company.timing, company.basis) == (bp.Timing.BEFORE, bp.Basis.PROVINCE)
    assert [s.id for s in company.sources] == ["tc-cn-nx-a"]
    (person,) = bp.assess_transfer(
        "宁夏", ["subject_certificate"], subject_kind="individual", as_of=day, according_to="tencent_cloud"
    ).verdicts
    assert person.basis is bp.Basis.NATIONAL_DEFAULT
    # From the tab-layout page on, the current page says the same for companies.
    (today,) = bp.assess_transfer(
        "宁夏", ["subject_certificate"], subject_kind="organisation", according_to="tencent_cloud"
    ).verdicts
    assert (today.timing, [s.id for s in today.sources]) == (bp.Timing.BEFORE, ["tc-cn-nx"])


# Tencent's older stored 西藏 page (qcloud-documents at 0f66dc54, read by hand) has a
# company section only; its 变更相关 item 1: the subject name must equal the record
# (else changed at the original provider, or cancelled and filed again, first), while
# the certificate address, postal address, certificate number and owner details need
# only meet the current rules and may be changed after the transfer.
XIZANG_OLD_PAGE: list[tuple[str, bp.Timing]] = [
    ("subject_name", bp.Timing.BEFORE),
    ("subject_certificate", bp.Timing.AFTER),
    ("subject_address", bp.Timing.AFTER),
    ("subject_owner", bp.Timing.AFTER),
    ("subject_owner_contact", bp.Timing.AFTER),
]


@pytest.mark.parametrize(("change", "timing"), XIZANG_OLD_PAGE)
def test_xizang_in_tencents_view_before_its_tab_layout_page(change: str, timing: bp.Timing) -> None:
    day = D(2020, 6, 1)  # before the tab-layout page (no older than 2021-01-21)
    (company,) = bp.assess_transfer(
        "西藏", [change], subject_kind="organisation", as_of=day, according_to="tencent_cloud"
    ).verdicts
    assert (company.timing, company.basis) == (timing, bp.Basis.PROVINCE)
    assert [s.id for s in company.sources] == ["tc-cn-xz-a"]
    (person,) = bp.assess_transfer(
        "西藏", [change], subject_kind="individual", as_of=day, according_to="tencent_cloud"
    ).verdicts
    assert person.basis is bp.Basis.NATIONAL_DEFAULT  # the page has no individual section


def test_xizang_old_page_says_nothing_of_the_website() -> None:
    (verdict,) = bp.assess_transfer(
        "西藏",
        ["website_name"],
        subject_kind="organisation",
        as_of=D(2020, 6, 1),
        according_to="tencent_cloud",
    ).verdicts
    assert verdict.basis is bp.Basis.NATIONAL_DEFAULT


# Tencent's older stored 陕西 page (qcloud-documents at 09243389, read by hand), 企业备案
# section, 变更相关 item 2: when the filed subject information has changed, a transfer may
# go first and the change follow. Its 个人备案 section says nothing of transfers.
@pytest.mark.parametrize("change", ["subject_name", "subject_certificate", "subject_owner"])
def test_shaanxi_in_tencents_view_before_its_tab_layout_page(change: str) -> None:
    day = D(2020, 6, 1)
    (company,) = bp.assess_transfer(
        "陕西", [change], subject_kind="organisation", as_of=day, according_to="tencent_cloud"
    ).verdicts
    assert (company.timing, company.basis) == (bp.Timing.AFTER, bp.Basis.PROVINCE)
    assert [s.id for s in company.sources] == ["tc-cn-sn-a"]
    (person,) = bp.assess_transfer(
        "陕西", [change], subject_kind="individual", as_of=day, according_to="tencent_cloud"
    ).verdicts
    assert person.basis is bp.Basis.NATIONAL_DEFAULT

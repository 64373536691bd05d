"""Failure diagnosis: every failure has cited causes and remedies in both languages,
remedies branch on the facts given, and a fact not given is named, never guessed."""

from __future__ import annotations

import pickle
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

import beian_policy as bp
from beian_policy._data._document import FACTS
from beian_policy._data._loader import default_data_text
from beian_policy._diagnosis import (
    Diagnosis,
    Failure,
    diagnose,
    failure_texts,
)
from beian_policy._enums import Basis, Change, Lang
from beian_policy._rejection import RejectionImpact, rejection_impact
from beian_policy._vocab import Fact
from tests.conftest import replace_once

MISMATCHES = (Failure.SUBJECT_MISMATCH, Failure.PROVIDER_INFO_MISMATCH)
SEED_FAILURES = (
    "subject_mismatch",
    "sms_verification_failed",
    "subject_cancelled",
    "website_cancelled",
    "provider_info_mismatch",
    "website_problem",
    "missing_preapproval",
    "wrong_filing_password",
    "filing_not_found",
)
VALID_NUMBER = "京ICP备12345678号-3"
CALLER_FACTS = ("submitted_to_administration", "subject_has_other_websites", "original_provider_reachable")


def has_han(text: str) -> bool:
    return any("CJK" in unicodedata.name(ch, "") for ch in text)


def is_english(text: str) -> bool:
    return bool(re.search(r"[A-Za-z]{3}", text)) and not has_han(text.replace("-N", ""))


# -- the data ------------------------------------------------------------------------------


def test_the_faq_reasons_are_all_there() -> None:
    assert {f.value for f in Failure} >= set(SEED_FAILURES)
    assert [f.value for f in Failure][: len(SEED_FAILURES)] == list(SEED_FAILURES)


def test_every_failure_has_a_record(policy: bp.Policy) -> None:
    assert [info.failure for info in policy.failures] == list(Failure)
    for failure in Failure:
        assert policy.failure_info(failure).failure is failure


@pytest.mark.parametrize("failure", list(Failure), ids=str)
def test_every_failure_has_causes_remedies_and_sources(policy: bp.Policy, failure: Failure) -> None:
    info = policy.failure_info(failure)
    assert info.sources
    assert info.causes
    assert info.remedies
    assert any(not c.condition for c in info.causes)
    for cause in info.causes:
        assert cause.sources, cause.id
        assert any(s.is_current for s in cause.sources), cause.id
    for remedy in info.remedies:
        assert remedy.sources, remedy.id
        assert any(s.is_current for s in remedy.sources), remedy.id
        assert remedy.step_ids


@pytest.mark.parametrize("failure", list(Failure), ids=str)
def test_every_text_is_in_both_languages(policy: bp.Policy, failure: Failure) -> None:
    info = policy.failure_info(failure)
    texts = [info.title, *(c.text for c in info.causes), *(r.label for r in info.remedies)]
    texts += [t for r in info.remedies for t in (r.detail, r.number_hint) if t is not None]
    if info.note is not None:
        texts.append(info.note)
    for text in texts:
        assert has_han(text.zh), text
        assert is_english(text.en), text
        assert text.get(Lang.ZH) == text.zh
        assert text.get("en") == text.en


def test_remedy_steps_exist_and_follow_the_catalogue_order(policy: bp.Policy) -> None:
    orders = {s.id: s.order for s in policy.steps}
    for info in policy.failures:
        for remedy in info.remedies:
            assert set(remedy.step_ids) <= set(orders)
            assert [orders[s] for s in remedy.step_ids] == sorted(orders[s] for s in remedy.step_ids)


def test_the_new_steps_are_in_the_catalogue(policy: bp.Policy) -> None:
    ids = {s.id for s in policy.steps}
    assert {
        "file_first_filing",
        "add_website",
        "cancel_subject",
        "recover_filing_password",
        "fix_per_review_feedback",
        "wait_for_rejection_then_resubmit",
        "correct_password_recovery_details",
        "change_phone_or_ask_other_subject",
        "renew_or_remove_expired_domain",
        "finish_other_application_first",
        "point_dns_to_filed_ip",
    } <= ids
    used = {s for info in policy.failures for r in info.remedies for s in r.step_ids}
    assert used <= ids


def test_conditions_use_known_facts(policy: bp.Policy) -> None:
    assert {f.value for f in Fact} == FACTS
    # Each fact names the diagnose parameters it comes from, written out by hand here.
    assert Fact.PROVINCE_REQUIRES_MATCH.parameters == ("province",)
    assert Fact.ICP_NUMBER_MATCHES_PROVINCE.parameters == ("icp_number", "province")
    assert Fact.SUBMITTED_TO_ADMINISTRATION.parameters == ("submitted_to_administration",)
    for info in policy.failures:
        conditions = [c.condition for c in info.causes] + [r.condition for r in info.remedies]
        for condition in conditions:
            assert {name for name, _ in condition} <= FACTS


def test_failure_texts(policy: bp.Policy) -> None:
    texts = failure_texts(policy=policy)
    assert list(texts) == list(Failure)
    assert texts[Failure.WEBSITE_CANCELLED] == policy.failure_info(Failure.WEBSITE_CANCELLED).title


# -- input forms -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        Failure.SUBJECT_MISMATCH,
        "subject_mismatch",
        "SUBJECT-MISMATCH",
        "  subject mismatch ",
        "ｓｕｂｊｅｃｔ＿ｍｉｓｍａｔｃｈ",
        "接入前后备案主体不一致",
        "The subject in the transfer differs from the filed subject",
    ],
)
def test_failure_spellings(text: str) -> None:
    assert diagnose(text).failure is Failure.SUBJECT_MISMATCH


def test_failure_aliases_from_the_provider_table() -> None:
    assert diagnose("短信验证未通过").failure is Failure.SMS_VERIFICATION_FAILED
    assert diagnose("ICP 备案密码错误").failure is Failure.WRONG_FILING_PASSWORD
    assert diagnose("接入商信息不一致").failure is Failure.PROVIDER_INFO_MISMATCH
    assert diagnose("该备案信息不存在").failure is Failure.FILING_NOT_FOUND


def test_unknown_failure_raises_with_suggestions() -> None:
    with pytest.raises(bp.errors.UnknownFailureError) as info:
        diagnose("subject_mismatc")
    error = info.value
    assert isinstance(error, LookupError)
    assert error.query == "subject_mismatc"
    assert "subject_mismatch" in error.suggestions
    assert set(error.valid) == {f.value for f in Failure}
    assert "Did you mean" in str(error)
    again = pickle.loads(pickle.dumps(error))
    assert (again.query, again.suggestions, again.valid) == (error.query, error.suggestions, error.valid)


@pytest.mark.parametrize("junk", [None, 3, b"subject_mismatch", ["subject_mismatch"]])
def test_junk_failure_of_the_wrong_type_is_a_type_error(junk: object) -> None:
    with pytest.raises(bp.errors.ArgumentTypeError, match="failure"):
        diagnose(junk)  # type: ignore[arg-type]


def test_empty_failure_is_unknown() -> None:
    with pytest.raises(bp.errors.UnknownFailureError):
        diagnose("")


def test_bad_facts_raise_invalid_argument() -> None:
    with pytest.raises(bp.errors.ArgumentTypeError) as info:
        diagnose("website_problem", submitted_to_administration="yes")  # type: ignore[arg-type]
    assert info.value.argument == "submitted_to_administration"
    with pytest.raises(bp.errors.UnknownIdError) as info_id:
        diagnose("website_problem", cause="no_such_cause")
    assert "filed_site_unreachable" in info_id.value.valid
    assert info_id.value.vocabulary == "cause"
    with pytest.raises(bp.errors.ArgumentTypeError):
        diagnose("filing_not_found", icp_number=12345678)  # type: ignore[arg-type]
    with pytest.raises(bp.UnknownProvinceError):
        diagnose("subject_mismatch", "Atlantis")


# -- branching remedies ----------------------------------------------------------------------


def test_cancelled_subject_files_a_first_filing_again() -> None:
    d = diagnose("subject_cancelled")
    assert d.decided
    assert d.step_ids == ("file_first_filing",)
    assert d.unknown_facts == ()


def test_cancelled_website_with_other_websites_adds_the_website() -> None:
    d = diagnose("website_cancelled", subject_has_other_websites=True)
    assert d.step_ids == ("add_website",)
    assert [r.id for r in d.remedies] == ["add_website"]
    assert d.remedies[0].applies is True


def test_cancelled_website_without_other_websites_cancels_the_subject_and_refiles() -> None:
    d = diagnose("website_cancelled", subject_has_other_websites=False)
    assert d.step_ids == ("cancel_subject", "file_first_filing")
    assert d.remedies[0].detail is not None  # the empty-shell procedure


def test_cancelled_website_without_the_fact_keeps_both_branches_labelled() -> None:
    d = diagnose("website_cancelled")
    assert not d.decided
    assert d.steps == ()
    assert d.unknown_facts == ("subject_has_other_websites",)
    assert [(r.id, r.applies) for r in d.remedies] == [
        ("add_website", None),
        ("cancel_subject_then_file_again", None),
    ]
    assert dict(d.remedies[0].condition) == {"subject_has_other_websites": True}
    assert dict(d.remedies[1].condition) == {"subject_has_other_websites": False}
    labels = {r.label.en for r in d.remedies} | {r.label.zh for r in d.remedies}
    assert len(labels) == 4


def test_website_problem_before_the_administration_is_fixed_as_asked() -> None:
    d = diagnose("website_problem", submitted_to_administration=False)
    assert d.step_ids == ("fix_per_review_feedback",)


def test_website_problem_after_the_administration_waits_for_rejection() -> None:
    d = diagnose("website_problem", submitted_to_administration=True)
    assert d.step_ids == ("wait_for_rejection_then_resubmit",)


def test_website_problem_without_the_fact_keeps_both_branches() -> None:
    d = diagnose("website_problem")
    assert d.unknown_facts == ("submitted_to_administration",)
    assert {r.id for r in d.remedies} == {"fix_now", "wait_then_resubmit"}
    assert all(r.applies is None for r in d.remedies)


@pytest.mark.parametrize("failure", MISMATCHES, ids=str)
def test_mismatch_without_province_keeps_both_branches(failure: Failure) -> None:
    d = diagnose(failure)
    assert d.unknown_facts == ("province",)
    assert {r.id for r in d.remedies} == {"change_first", "transfer_then_change"}
    assert d.transfer is None
    assert d.steps == ()


# The changes each mismatch is about, from the failure texts (§3.4 of the reference):
# the subject's identity; everything the original filing records.
MISMATCH_CHANGES = {
    Failure.SUBJECT_MISMATCH: {"subject_certificate", "subject_name", "subject_type"},
    Failure.PROVIDER_INFO_MISMATCH: {
        "subject_address", "subject_certificate", "subject_name", "subject_owner", "subject_owner_contact",
        "subject_type", "website_domains", "website_name", "website_owner",
    },
}  # fmt: skip


@pytest.mark.parametrize("failure", MISMATCHES, ids=str)
def test_mismatch_remedy_follows_every_provinces_own_rule(policy: bp.Policy, failure: Failure) -> None:
    """Read off the reference by hand: every page that lets one of these changes wait
    (北京, 山西, 上海, 江苏, 浙江, 福建, 云南, 西藏, 陕西) says so in its company or its
    person section, and a diagnosis knows no subject kind; so in every province the
    strict rule decides and the one remedy is to change at the original provider first,
    all the changes together, then transfer. (The cross-check with assess_transfer
    below is consistency, not the oracle.)"""
    changes = {bp.Change(c) for c in MISMATCH_CHANGES[failure]}
    assert policy.failure_info(failure).changes == changes
    for province in policy.provinces:
        if failure is Failure.PROVIDER_INFO_MISMATCH and province.code == "CN-CQ":
            continue  # Alibaba Cloud's 2018 重庆 page covers every kind: see the next test
        d = diagnose(failure, province, policy=policy)
        assert d.unknown_facts == ()
        assert [r.id for r in d.remedies] == ["change_first"], province.code
        (remedy,) = d.remedies
        assert remedy.applies is True
        assert remedy.changes == changes
        assert remedy.steps[0].id == "change_filing_at_original_provider"
        assert remedy.steps[0].changes == changes
        ids = d.step_ids
        assert "change_filing_at_original_provider" in ids
        assert "submit_transfer" in ids
        assert "update_filing_after_transfer" not in ids
        # Consistency with the assessment of the same case.
        decision = bp.assess_transfer(province, changes, policy=policy)
        assert d.transfer == decision
        verdict = next(v for v in decision.verdicts if v.change in decision.blocking_changes)
        assert remedy.steps[0].rule == verdict.rule
        assert set(verdict.sources) <= set(remedy.steps[0].sources)


def test_provider_info_mismatch_in_chongqing_lets_the_addresses_wait(policy: bp.Policy) -> None:
    # Alibaba Cloud's 重庆 page (2018-06-09, one transfer block for every kind of subject):
    # the subject name, certificate number and website owner must match; the certificate
    # and postal addresses only need to meet the current rules and change after the transfer.
    d = diagnose(Failure.PROVIDER_INFO_MISMATCH, "重庆", policy=policy)
    assert [r.id for r in d.remedies] == ["change_first", "transfer_then_change"]
    first, then = d.remedy("change_first"), d.remedy("transfer_then_change")
    assert Change.SUBJECT_ADDRESS not in first.changes
    assert then.changes == {Change.SUBJECT_ADDRESS}
    assert {Change.SUBJECT_NAME, Change.SUBJECT_CERTIFICATE, Change.WEBSITE_OWNER} <= first.changes
    assert first.steps[0].sources[0].id == "a-cn-cq"


def test_mismatch_in_a_province_with_an_unknown_rule_changes_first(policy: bp.Policy) -> None:
    # The provinces whose must-match rule is "unknown" in the reference's §1 table.
    unknown = [
        bp.resolve_province(name)
        for name in (
            "天津",
            "内蒙古",
            "吉林",
            "黑龙江",
            "安徽",
            "江西",
            "山东",
            "湖北",
            "广西",
            "海南",
            "重庆",
            "甘肃",
            "新疆",
        )
    ]
    default = policy.national_rule("change_first_by_default")
    for province in unknown:
        d = diagnose("subject_mismatch", province)
        change_first = d.remedy("change_first")
        assert change_first.basis is Basis.NATIONAL_DEFAULT
        step = change_first.steps[0]
        assert set(default.sources) <= set(step.sources)
        assert d.step_ids[:2] == ("change_filing_at_original_provider", "submit_transfer")
        if all(v.basis is Basis.NATIONAL_DEFAULT for v in d.transfer.verdicts):  # type: ignore[union-attr]
            assert step.rule == "national/change_first_by_default"
            assert d.remedies == (change_first,)


def test_mismatch_in_beijing_without_a_subject_kind_takes_the_strict_default() -> None:
    """北京's transfer-first rule is on Tencent's company tab; diagnose() takes no subject
    kind, so only rules for both kinds count and the strict default decides."""
    d = diagnose("subject_mismatch", "北京")
    assert d.step_ids == ("change_filing_at_original_provider", "submit_transfer")
    assert d.remedies == (d.remedy("change_first"),)
    assert d.remedy("change_first").basis is Basis.NATIONAL_DEFAULT


def _beijing_rules_for_both_kinds() -> bp.Policy:
    """The shipped data with 北京's company-tab rules widened to both kinds: a policy in
    which one province lets some changes wait and not others, whatever the subject kind."""
    text = default_data_text()
    text = replace_once(
        text,
        'changes = ["subject_name", "website_name", "website_owner", "website_domains"]\n'
        'applies_to = ["organisation"]\n',
        'changes = ["subject_name", "website_name", "website_owner", "website_domains"]\n',
    )
    text = replace_once(
        text,
        'changes = ["subject_type", "subject_certificate", "subject_address", "subject_owner",'
        ' "subject_owner_contact"]\napplies_to = ["organisation"]\ntiming = "before"\n',
        'changes = ["subject_type", "subject_certificate", "subject_address", "subject_owner",'
        ' "subject_owner_contact"]\ntiming = "before"\n',
    )
    text = replace_once(
        text,
        'changes = ["subject_name", "subject_type"]\napplies_to = ["individual"]',
        'changes = ["subject_type"]\napplies_to = ["individual"]',
    )
    # The two worked examples that the widened rules answer differently.
    text = replace_once(
        text,
        'direct = false\nblocking = ["subject_name"]\nnote = { zh = "个人的主体名称备案后',
        'direct = true\ndeferred = ["subject_name"]\nnote = { zh = "个人的主体名称备案后',
    )
    text = replace_once(
        text,
        'direct = false\nblocking = ["website_name"]\nnote = { zh = "未给出主体类型时，企业页签的规则',
        'direct = true\ndeferred = ["website_name"]\nnote = { zh = "未给出主体类型时，企业页签的规则',
    )
    return bp.loads_policy(text)


def test_mismatch_in_a_partly_lenient_province_says_what_may_wait_and_what_must_be_done_first() -> None:
    d = diagnose("subject_mismatch", "北京", policy=_beijing_rules_for_both_kinds())
    assert d.province is not None
    assert d.province.code == "CN-BJ"
    assert d.decided
    assert d.step_ids == (
        "change_filing_at_original_provider",
        "submit_transfer",
        "update_filing_after_transfer",
    )
    first, then = d.remedy("change_first"), d.remedy("transfer_then_change")
    assert first.changes == {Change.SUBJECT_TYPE, Change.SUBJECT_CERTIFICATE}
    assert then.changes == {Change.SUBJECT_NAME}
    update = d.steps[-1]
    assert update.deadline_working_days == 10
    assert update.changes == {Change.SUBJECT_NAME}
    assert update.rule == "national/update_after_transfer"
    assert d.steps[0].rule == "CN-BJ/tc-cn-bj/2"
    assert any(s.id == "tc-cn-bj" for s in d.sources)


def test_icp_number_gives_the_province() -> None:
    by_number = diagnose("subject_mismatch", icp_number=VALID_NUMBER)
    by_name = diagnose("subject_mismatch", "CN-BJ")
    assert by_number.province == by_name.province
    assert by_number.steps == by_name.steps
    assert "province" not in by_number.unknown_facts


def test_sms_failure_needs_the_cause() -> None:
    d = diagnose("sms_verification_failed")
    assert d.unknown_facts == ("cause", "original_provider_reachable")
    assert {r.id for r in d.remedies} == {"change_phone_first", "refile_as_new_website", "verify_again"}
    assert d.steps == ()


def test_sms_phone_changed_with_the_original_provider_reachable() -> None:
    d = diagnose("sms_verification_failed", cause="phone_differs", original_provider_reachable=True)
    assert d.step_ids == ("change_filing_at_original_provider", "submit_transfer", "verify_sms")
    assert d.steps[0].rule == "national/sms_phone_must_match"
    assert [c.id for c in d.causes] == ["phone_differs"]


def test_sms_phone_changed_with_the_original_provider_gone() -> None:
    d = diagnose("sms_verification_failed", cause="phone-differs", original_provider_reachable=False)
    assert d.cause == "phone_differs"
    assert d.step_ids == ("cancel_website", "file_as_new_website", "verify_sms")
    assert d.steps[0].rule == "national/unreachable_provider_refile"


def test_sms_timeout_resubmits_and_verifies() -> None:
    d = diagnose("sms_verification_failed", cause="not_verified_in_time")
    assert d.unknown_facts == ()
    assert d.step_ids == ("submit_transfer", "verify_sms")


def test_wrong_password_recovers_it_and_shows_the_number() -> None:
    d = diagnose("wrong_filing_password", icp_number="京ICP备12345678号-3")
    assert d.step_ids == ("recover_filing_password", "submit_transfer")
    hint = d.remedies[0].number_hint
    assert hint is not None
    assert "京ICP备12345678号" in hint.zh
    assert "京ICP备12345678号-3" not in hint.zh + hint.en
    assert d.note is not None  # the password check itself is not dated


def test_filing_not_found_lists_causes_and_fixes() -> None:
    d = diagnose("filing_not_found")
    assert [c.id for c in d.causes] == ["wrong_number", "details_differ"]
    assert d.step_ids == ("correct_password_recovery_details", "recover_filing_password", "submit_transfer")
    assert d.remedies[0].number_hint is None
    assert d.subject_number is None


@pytest.mark.parametrize(
    "text",
    ["京ICP备12345678号-3", "京ICP备12345678号", " 京ＩＣＰ备１２３４５６７８号－３ ", "京ICP备12345678-3号"],
)
def test_filing_not_found_shows_the_exact_number_to_type(text: str) -> None:
    d = diagnose("filing_not_found", icp_number=text)
    assert d.subject_number == "京ICP备12345678号"
    assert d.icp_number_problem is None
    hint = d.remedies[0].number_hint
    assert hint is not None
    assert "京ICP备12345678号" in hint.zh
    assert "京ICP备12345678号" in hint.en
    assert not re.search(r"号-\d", hint.zh + hint.en)
    assert all(step.note is not None and "京ICP备12345678号" in step.note.zh for step in d.steps)
    assert ("icp_number_valid", True) in d.facts


def test_filing_not_found_with_an_invalid_number_blames_the_number() -> None:
    d = diagnose("filing_not_found", icp_number="京ICP备123号")
    assert d.causes[0].id == "invalid_number"
    assert d.icp_number_problem is not None
    assert "京ICP备123号" in d.icp_number_problem
    assert d.subject_number is None
    assert d.remedies[0].number_hint is None
    assert d.decided


def test_filing_not_found_with_a_number_from_another_province() -> None:
    d = diagnose("filing_not_found", "上海", icp_number=VALID_NUMBER)
    assert d.causes[0].id == "other_province"
    assert ("icp_number_matches_province", False) in d.facts
    same = diagnose("filing_not_found", "北京", icp_number=VALID_NUMBER)
    assert "other_province" not in [c.id for c in same.causes]


def test_invalid_number_for_a_mismatch_is_not_a_crash() -> None:
    d = diagnose("subject_mismatch", icp_number="not a number")
    assert d.icp_number_problem is not None
    assert d.unknown_facts == ("province",)


def test_extra_reasons_have_their_remedies() -> None:
    expected = {
        "conflicting_applications": ("finish_other_application_first", "submit_transfer"),
        "expired_domain_in_website": ("renew_or_remove_expired_domain", "submit_transfer"),
        "phone_used_by_other_subject": ("change_phone_or_ask_other_subject", "submit_transfer"),
        "domain_owner_mismatch": ("change_domain_owner", "submit_transfer"),
        "domain_registrar_not_approved": ("move_domain_to_domestic_registrar", "submit_transfer"),
        "access_ip_mismatch": ("point_dns_to_filed_ip",),
        "subject_moved_province": ("cancel_subject", "file_first_filing"),
        "missing_preapproval": ("obtain_preapproval", "submit_transfer"),
    }
    for failure, steps in expected.items():
        assert diagnose(failure).step_ids == steps, failure


def test_related_failures_point_both_ways_where_it_matters(policy: bp.Policy) -> None:
    def related(f: Failure) -> set[Failure]:
        return set(policy.failure_info(f).related)

    assert Failure.WEBSITE_CANCELLED in related(Failure.SUBJECT_CANCELLED)
    assert Failure.SUBJECT_CANCELLED in related(Failure.WEBSITE_CANCELLED)
    assert Failure.FILING_NOT_FOUND in related(Failure.WRONG_FILING_PASSWORD)


# -- the answer as a value -----------------------------------------------------------------------


def test_diagnoses_are_hashable_picklable_and_versioned(policy: bp.Policy) -> None:
    cases = [
        diagnose("subject_mismatch", "CN-BJ"),
        diagnose("website_cancelled"),
        diagnose("filing_not_found", icp_number=VALID_NUMBER),
        diagnose("filing_not_found", icp_number="nonsense"),
    ]
    for d in cases:
        assert isinstance(d, Diagnosis)
        assert hash(d) == hash(pickle.loads(pickle.dumps(d)))
        assert pickle.loads(pickle.dumps(d)) == d
        assert d.data_version == policy.data_version
    assert len(set(cases)) == len(cases)
    assert diagnose("website_cancelled") == diagnose(" website-cancelled ")


def test_sources_cover_causes_remedies_and_steps() -> None:
    d = diagnose("subject_mismatch", "CN-BJ")
    ids = {s.id for s in d.sources}
    assert "tc-seed-faq" in ids
    groups = [c.sources for c in d.causes] + [r.sources for r in d.remedies] + [s.sources for s in d.steps]
    for sources in groups:
        assert sources
        assert {s.id for s in sources} <= ids


def test_a_custom_policy_is_used(data_text: str) -> None:
    edited = replace_once(
        data_text,
        'label_zh = "在新接入商处重新提交首次备案"',
        'label_zh = "在新接入商处重新提交首次备案（已修订）"',
    )
    custom = bp.loads_policy(edited)
    d = diagnose("subject_cancelled", policy=custom)
    assert d.remedies[0].label.zh.endswith("（已修订）")


def test_an_unknown_cause_suggests_at_most_three(data_text: str) -> None:
    # Four causes equally close to the query: the message suggests three of them (as for
    # every unknown id), and still lists every valid one.
    causes = ["filed_site_unreachable", "content_unsuitable", "number_not_displayed", "unfiled_site_open"]
    renamed = ["site_cause_a", "site_cause_b", "site_cause_c", "site_cause_d"]
    for old, new in zip(causes, renamed, strict=True):
        data_text = replace_once(data_text, f'id = "{old}"', f'id = "{new}"')
    with pytest.raises(bp.errors.UnknownIdError) as info:
        diagnose("website_problem", cause="site_cause", policy=bp.loads_policy(data_text))
    assert len(info.value.suggestions) == 3
    assert set(info.value.suggestions) < set(renamed)
    assert set(info.value.valid) == set(renamed)


# -- rejection impact ----------------------------------------------------------------------------


def test_rejection_impact_without_facts_says_what_it_depends_on() -> None:
    impact = rejection_impact()
    assert isinstance(impact, RejectionImpact)
    assert impact.site_reachable_now is None
    assert impact.cancellation_risk is None
    assert impact.unknown_facts == ("filing_cancelled", "has_other_provider")
    assert impact.dns_to_new_provider_allowed is False
    assert impact.restorable_if_cancelled is False
    assert impact.step_ids == ("fix_per_review_feedback", "submit_transfer")
    assert [r.id for r in impact.rules][:2] == [
        "rejection_keeps_site_reachable",
        "long_rejection_risks_cancellation",
    ]
    assert any(s.id == "tc-seed-faq" for s in impact.sources)
    assert all(has_han(t) for t in (r.text.zh for r in impact.rules))
    assert all(is_english(t) for t in (r.text.en for r in impact.rules))


def test_rejection_leaves_the_site_up_while_the_filing_stands() -> None:
    impact = rejection_impact(filing_cancelled=False, has_other_provider=True)
    assert impact.site_reachable_now is True
    assert impact.cancellation_risk is False
    assert impact.unknown_facts == ()
    assert impact.related == ()


def test_a_lingering_rejection_without_another_provider_risks_cancellation() -> None:
    impact = rejection_impact(filing_cancelled=False, has_other_provider=False)
    assert impact.site_reachable_now is True
    assert impact.cancellation_risk is True
    assert impact.step_ids == ("fix_per_review_feedback", "submit_transfer")


def test_once_cancelled_the_site_is_down_and_the_cancelled_failures_apply() -> None:
    impact = rejection_impact(filing_cancelled=True)
    assert impact.site_reachable_now is False
    assert impact.steps == ()
    assert impact.related == (Failure.SUBJECT_CANCELLED, Failure.WEBSITE_CANCELLED)
    assert pickle.loads(pickle.dumps(impact)) == impact
    assert hash(impact) == hash(rejection_impact(filing_cancelled=True))


def test_rejection_impact_rejects_non_bool_facts() -> None:
    with pytest.raises(bp.errors.ArgumentTypeError):
        rejection_impact(filing_cancelled="no")  # type: ignore[arg-type]


# -- properties ----------------------------------------------------------------------------------

NUMBERS = st.sampled_from([VALID_NUMBER, "粤B2-20090059-5", "沪ICP备12345678号", "京ICP备123号", "hello", ""])
FACT = st.none() | st.booleans()


@given(data=st.data())
def test_diagnose_never_raises_and_never_guesses(policy: bp.Policy, data: st.DataObject) -> None:
    failure = data.draw(st.sampled_from(Failure))
    info = policy.failure_info(failure)
    province = data.draw(st.none() | st.sampled_from(policy.provinces))
    cause = data.draw(st.none() | st.sampled_from([c.id for c in info.causes]))
    number = data.draw(st.none() | NUMBERS)
    facts = {name: data.draw(FACT) for name in CALLER_FACTS}
    d = diagnose(
        failure,
        province,
        cause=cause,
        icp_number=number,
        policy=policy,
        submitted_to_administration=facts["submitted_to_administration"],
        subject_has_other_websites=facts["subject_has_other_websites"],
        original_provider_reachable=facts["original_provider_reachable"],
    )

    catalogue = {s.id for s in policy.steps}
    assert d.remedies, "every combination of facts leaves a remedy"
    for remedy in d.remedies:
        assert remedy.steps
        assert set(remedy.step_ids) <= catalogue
        assert remedy.applies in (True, None)
    assert set(d.step_ids) <= catalogue
    assert [s.order for s in d.steps] == sorted(s.order for s in d.steps)
    assert len(set(d.step_ids)) == len(d.step_ids)

    given_names = {name for name, value in facts.items() if value is not None}
    given_names |= {name for name, value in (("province", province), ("cause", cause)) if value}
    if number is not None:
        given_names.add("icp_number")
    assert not given_names & set(d.unknown_facts)
    for name, value in facts.items():
        if value is not None:
            assert (name, value) in d.facts
    assert d.decided == (not d.unknown_facts)
    if d.decided:
        assert all(r.applies is True for r in d.remedies)
    else:
        assert d.steps == ()
    assert d.data_version == policy.data_version


@given(failure=st.sampled_from(Failure), facts=st.fixed_dictionaries({n: FACT for n in CALLER_FACTS}))
def test_giving_more_facts_only_narrows(
    policy: bp.Policy, failure: Failure, facts: dict[str, bool | None]
) -> None:
    wide = diagnose(failure, policy=policy)
    narrow = diagnose(
        failure,
        policy=policy,
        submitted_to_administration=facts["submitted_to_administration"],
        subject_has_other_websites=facts["subject_has_other_websites"],
        original_provider_reachable=facts["original_provider_reachable"],
    )
    assert {r.id for r in narrow.remedies} <= {r.id for r in wide.remedies}
    assert set(narrow.unknown_facts) <= set(wide.unknown_facts)


# -- bad failure data ----------------------------------------------------------------------------


def data_problems(text: str) -> list[str]:
    return [str(p) for p in bp.validate_policy(text=text).problems]


def test_unknown_step_in_a_remedy(data_text: str) -> None:
    text = replace_once(data_text, 'steps = ["add_website"]', 'steps = ["add_a_website"]')
    (line,) = data_problems(text)
    assert line.startswith("failures[3] (website_cancelled): remedies[0].steps: unknown step 'add_a_website'")


def test_unknown_fact_in_a_condition(data_text: str) -> None:
    text = replace_once(
        data_text,
        "when = { subject_has_other_websites = true }",
        "when = { subject_has_websites = true }",
    )
    (line,) = data_problems(text)
    assert "remedies[0].when: unknown fact 'subject_has_websites'" in line


def test_a_fact_must_be_true_or_false(data_text: str) -> None:
    text = replace_once(
        data_text,
        "when = { subject_has_other_websites = true }",
        'when = { subject_has_other_websites = "yes" }',
    )
    (line,) = data_problems(text)
    assert line.startswith("failures[3] (website_cancelled): remedies[0].when")
    assert "true or false" in line


def test_missing_english_text(data_text: str) -> None:
    text = replace_once(
        data_text,
        'label_en = "Submit a first filing again at the new provider"',
        'label_en = ""',
    )
    (line,) = data_problems(text)
    assert "failures[2] (subject_cancelled): remedies[0].label_zh/label_en" in line
    assert "both Chinese (zh) and English (en)" in line


def test_unknown_source_in_a_cause(data_text: str) -> None:
    text = replace_once(data_text, 'sources = ["tc-faq-sms-process"]\n', 'sources = ["tc-nowhere"]\n')
    found = data_problems(text)
    assert any("causes[3].sources: unknown source id 'tc-nowhere'" in p for p in found)


def test_steps_out_of_order(data_text: str) -> None:
    text = replace_once(
        data_text,
        'steps = ["cancel_subject", "file_first_filing"]\nsources = ["tc-faq-change"]',
        'steps = ["file_first_filing", "cancel_subject"]\nsources = ["tc-faq-change"]',
    )
    (line,) = data_problems(text)
    assert "catalogue's order" in line


def test_number_hint_placeholders(data_text: str) -> None:
    text = replace_once(
        data_text,
        'number_hint_en = "On the recovery page, enter {subject_number} as the filing or licence number."',
        'number_hint_en = "On the recovery page, enter {number} as the filing or licence number."',
    )
    (line,) = data_problems(text)
    assert "number_hint_en" in line
    assert "placeholders" in line


def test_province_facts_need_changes(data_text: str) -> None:
    text = replace_once(
        data_text,
        'changes = ["subject_name", "subject_type", "subject_certificate"]\n',
        "",
    )
    found = data_problems(text)
    assert any("'province_requires_match' needs the failure to list its changes" in p for p in found)


def test_every_failure_needs_a_record(data_text: str) -> None:
    start = data_text.index('[[failures]]\nid = "subject_moved_province"')
    end = data_text.index("# Provinces, in GB/T 2260 order.")
    end = data_text.rindex("# ----", 0, end)
    found = data_problems(data_text[:start] + data_text[end:])
    assert found == [
        "failures: id: failure 'subject_moved_province' has no record; each needs causes and remedies"
    ]


def test_unknown_failure_id_and_alias_clash(data_text: str) -> None:
    # An alias may be shared (it is then ambiguous), but not be another failure's title.
    text = replace_once(
        data_text, 'aliases = ["跨省备案", "跨地域"]', 'aliases = ["跨省备案", "工信部短信核验没有通过"]'
    )
    found = data_problems(text)
    assert any("is the id or title of failure sms_verification_failed" in p for p in found)
    text = replace_once(data_text, 'id = "subject_moved_province"', 'id = "subject_moved"')
    found = data_problems(text)
    assert any("unknown failure 'subject_moved'" in p for p in found)
    assert any("'subject_moved_province' has no record" in p for p in found)


def test_unknown_cause_in_a_remedy(data_text: str) -> None:
    text = replace_once(
        data_text,
        'causes = ["not_verified_in_time", "wrong_inputs"]',
        'causes = ["not_verified_in_time", "typo"]',
    )
    (line,) = data_problems(text)
    assert "remedies[2].causes: unknown cause 'typo'" in line

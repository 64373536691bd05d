"""preflight: each check with a passing and a failing application, the expectations
written by hand from the reference (domain rules, province pages) and the standards
(GB 11643 resident IDs, GB 32100 credit codes)."""

from __future__ import annotations

import copy
import datetime as dt
import importlib
import re
import subprocess
import sys
from typing import Any

import pytest

import beian_policy as bp
from beian_policy.errors import InvalidApplicationError, MissingDependencyError
from beian_policy.model import FindingId, Severity

AS_OF = dt.date(2026, 12, 1)
# Well-formed numbers: the GB 11643 sample ID (born 1949-12-31 in 北京) and a credit
# code with a correct GB 32100 check character.
GOOD_ID = "11010519491231002X"
GOOD_USCC = "91110000600037341L"

ORGANISATION: dict[str, Any] = {
    "subject_kind": "企业",
    "subject_name": "示例科技有限公司",
    "certificate_type": "统一社会信用代码",
    "certificate_number": GOOD_USCC,
    "subject_owner": {
        "name": "张三",
        "id_number": GOOD_ID,
        "id_province": "北京",
        "id_expires_on": "2036-01-01",
        "phone_province": "北京",
        "birth_date": "1949-12-31",
        "is_legal_representative": True,
    },
    "websites": [
        {
            "name": "示例",
            "domains": [
                {
                    "name": "example.com",
                    "registrant": "subject",
                    "registrar_domestic": True,
                    "real_name_verified_on": "2026-01-01",
                    "expires_on": "2028-01-01",
                    "privacy_protection": False,
                }
            ],
            "pre_approval_needed": False,
        }
    ],
    "documents_ready": [],
    "changes": [],
    "multiple_cloud_resources": False,
}


def application(**changes: Any) -> dict[str, Any]:
    """The organisation above with top-level keys replaced; ``domain`` and ``owner``
    update the first domain and the subject owner."""
    data = copy.deepcopy(ORGANISATION)
    data["websites"][0]["domains"][0].update(changes.pop("domain", {}))
    data["subject_owner"].update(changes.pop("owner", {}))
    data.update(changes)
    return data


def individual(province: str, **owner: Any) -> dict[str, Any]:
    person = {
        "id_number": GOOD_ID,
        "id_province": province,
        "phone_province": province,
        "id_expires_on": "2036-01-01",
    }
    person["birth_date"] = "1990-05-01"
    person.update(owner)
    return application(
        subject_kind="个人", certificate_type="居民身份证", certificate_number=GOOD_ID, subject_owner=person
    )


def ids(result: bp.Preflight, severity: Severity | None = None) -> set[str]:
    return {f.id.value for f in result.findings if severity is None or f.severity is severity}


def run(province: str, data: dict[str, Any], as_of: dt.date = AS_OF) -> bp.Preflight:
    return bp.preflight(province, data, as_of=as_of)


def test_a_complete_organisation_in_beijing_has_nothing_to_report() -> None:
    result = run("北京", application())
    assert result.findings == ()
    assert result.ok
    assert result.province.code == "CN-BJ"


# --- the dated fileable-suffix list (Tencent, 2020-07-24) ----------------------------


@pytest.mark.parametrize(
    "name", ["example.org", "example.io", "example.app", "example.dev", "example.ai", "x.me"]
)
def test_suffixes_missing_from_the_2020_list_block(name: str) -> None:
    result = run("北京", application(domain={"name": name}))
    [finding] = [f for f in result.findings if f.id is FindingId.DOMAIN_TLD_NOT_FILEABLE]
    assert finding.severity is Severity.BLOCKS
    assert "2020-07-24" in finding.text.en
    assert {s.id for s in finding.sources} == {"tc-fileable-tlds"}
    assert not result.ok


@pytest.mark.parametrize(
    "name",
    [
        "example.cn",
        "example.com.cn",
        "例子.中国",
        "xn--fsqu00a.xn--fiqs8s",
        "EXAMPLE.TOP",
        "a.gd.cn",
        "b.网址",
    ],
)
def test_suffixes_on_the_2020_list_pass(name: str) -> None:
    assert run("北京", application(domain={"name": name})).findings == ()


def test_a_malformed_domain_name_is_reported() -> None:
    result = run("北京", application(domain={"name": "exa mple..com"}))
    assert ids(result, Severity.BLOCKS) == {"domain_name_invalid"}


# --- expiry: more than 90 days; more than 180 in 上海 (QingCloud), 90 per Tencent ------


@pytest.mark.parametrize(
    ("province", "expires_on", "blocked"),
    [
        ("北京", "2027-03-01", True),  # 90 days after 2026-12-01: not more than 90
        ("北京", "2027-03-02", False),  # 91 days
        ("上海", "2027-03-02", True),  # 91 days: 上海 needs more than 180
        ("上海", "2027-05-30", True),  # 180 days
        ("上海", "2027-05-31", False),  # 181 days
    ],
)
def test_domain_expiry(province: str, expires_on: str, blocked: bool) -> None:
    data = application(domain={"expires_on": expires_on}, documents_ready=["sh_commitment"])
    result = run(province, data)
    assert ("domain_expires_too_soon" in ids(result, Severity.BLOCKS)) is blocked


def test_shanghai_expiry_rule_shows_the_dispute_with_tencent() -> None:
    data = application(domain={"expires_on": "2027-04-01"}, documents_ready=["sh_commitment"])
    [finding] = [f for f in run("上海", data).findings if f.id is FindingId.DOMAIN_EXPIRES_TOO_SOON]
    assert finding.disputed
    assert finding.rule == "CN-SH/domain_min_days"
    assert {"q-domain-check", "q-cn-sh", "tc-cn-sh"} <= {s.id for s in finding.sources}
    assert "Tencent" in finding.text.en


# --- real-name verification at least 3 days old (UCloud, QingCloud) -----------------


@pytest.mark.parametrize(("verified", "blocked"), [("2026-11-29", True), ("2026-11-28", False)])
def test_real_name_age(verified: str, blocked: bool) -> None:
    result = run("北京", application(domain={"real_name_verified_on": verified}))
    assert ("domain_real_name_too_recent" in ids(result, Severity.BLOCKS)) is blocked


def test_real_name_fix_gives_the_first_day_to_submit() -> None:
    result = run("北京", application(domain={"real_name_verified_on": "2026-11-30"}))
    [finding] = result.findings
    assert "2026-12-03" in finding.fix.en


# --- who holds the domain ------------------------------------------------------------


@pytest.mark.parametrize(
    ("province", "subject_kind", "registrant", "blocked"),
    [
        ("北京", "企业", "subject", False),
        ("北京", "企业", "other", True),
        ("北京", "企业", "legal_representative", False),  # 北京 accepts the legal representative
        ("福建", "企业", "legal_representative", True),  # 福建: the subject name only
        ("湖南", "企业", "legal_representative", True),  # 湖南: the subject name only
        ("北京", "个人", "legal_representative", True),  # an individual holds it personally
    ],
)
def test_domain_registrant(province: str, subject_kind: str, registrant: str, blocked: bool) -> None:
    data = application(subject_kind=subject_kind, domain={"registrant": registrant}, certificate_type=None)
    data["subject_owner"]["id_province"] = province
    data["subject_owner"]["phone_province"] = province
    result = run(province, data)
    assert ("domain_registrant_mismatch" in ids(result, Severity.BLOCKS)) is blocked


@pytest.mark.parametrize(
    ("province", "severity"), [("北京", None), ("上海", None), ("广东", "info"), ("福建", "blocks")]
)
def test_a_legal_representative_registrant_by_province(province: str, severity: str | None) -> None:
    # 北京 and 上海 accept it; 福建 does not; 广东's page says nothing (Tencent's domain page accepts it).
    data = application(domain={"registrant": "legal_representative", "expires_on": "2028-01-01"})
    data["subject_owner"].update(id_province=province, phone_province=province)
    found = {
        f.severity.value for f in run(province, data).findings if f.id is FindingId.DOMAIN_REGISTRANT_MISMATCH
    }
    assert found == ({severity} if severity else set())


def test_overseas_registrar_blocks() -> None:
    result = run("北京", application(domain={"registrar_domestic": False}))
    assert ids(result, Severity.BLOCKS) == {"domain_registrar_overseas"}
    assert result.findings[0].rule == "overseas_domain_not_accepted"


@pytest.mark.parametrize(
    ("province", "privacy", "expected"),
    [
        ("四川", True, {("domain_privacy_protection_on", "warning")}),  # stated only by the 2019 Alibaba page
        ("四川", False, set()),
        ("天津", True, {("domain_privacy_protection_on", "warning")}),
        ("北京", True, set()),  # no 北京 source says so
    ],
)
def test_privacy_protection(province: str, privacy: bool, expected: set[tuple[str, str]]) -> None:
    data = application(domain={"privacy_protection": privacy})
    data["subject_owner"]["id_province"] = province
    result = run(province, data)
    found = {(f.id.value, f.severity.value) for f in result.findings if f.id.value.startswith("domain_")}
    assert found == expected


def test_a_warning_says_only_older_sources_state_the_rule() -> None:
    # 四川's privacy rule is stated only by Alibaba Cloud's 2019 export: the warning says
    # so; 江苏's local-phone rule has current pages behind it: it blocks, without that.
    data = application(domain={"privacy_protection": True})
    data["subject_owner"]["id_province"] = "四川"
    [privacy] = [f for f in run("四川", data).findings if f.id is FindingId.DOMAIN_PRIVACY_PROTECTION_ON]
    assert privacy.text.en.endswith(" (only older sources state this)")
    assert privacy.text.zh.endswith("（仅有较早的来源这样说）")
    phone = application(owner={"id_province": "江苏", "phone_province": "上海"})
    [local] = [f for f in run("江苏", phone).findings if f.id is FindingId.PHONE_NOT_LOCAL]
    assert local.severity is Severity.BLOCKS
    assert "older sources" not in local.text.en


def test_two_domains_in_one_website_block_since_2019_04_22() -> None:
    data = application()
    data["websites"][0]["domains"].append(dict(data["websites"][0]["domains"][0], name="example.net"))
    assert ids(run("北京", data), Severity.BLOCKS) == {"too_many_domains"}
    assert "too_many_domains" not in ids(run("北京", data, as_of=dt.date(2019, 4, 21)))


def test_a_domain_validity_rule_without_days_asks_only_that_the_domain_has_not_expired() -> None:
    # The rule is "more than `days` days left"; a data file whose rule names no number of
    # days asks for more than none: a domain expiring tomorrow passes, one expiring today
    # does not (北京 adds no minimum of its own).
    text = bp.default_data_text()
    rule = 'id = "domain_validity"'
    start = text.index(rule)
    end = text.index("days = 90\n", start) + len("days = 90\n")
    policy = bp.loads_policy(text[:start] + text[start:end].replace("days = 90\n", "") + text[end:])

    def expires(day: dt.date) -> set[str]:
        data = application(domain={"expires_on": day.isoformat()})
        return ids(bp.preflight("北京", data, as_of=AS_OF, policy=policy), Severity.BLOCKS)

    assert "domain_expires_too_soon" not in expires(AS_OF + dt.timedelta(days=1))
    assert "domain_expires_too_soon" in expires(AS_OF)


def test_the_national_domain_validity_is_cited_undisputed() -> None:
    # 北京 adds no minimum: the national rule (more than 90 days left, QingCloud's domain
    # check page) decides, and no source disputes it.
    data = application(domain={"expires_on": (AS_OF + dt.timedelta(days=30)).isoformat()})
    [finding] = [f for f in run("北京", data).findings if f.id is FindingId.DOMAIN_EXPIRES_TOO_SOON]
    assert (finding.severity, finding.rule, finding.disputed) == (Severity.BLOCKS, "domain_validity", False)
    assert [s.id for s in finding.sources] == ["q-domain-check"]


@pytest.mark.parametrize(
    ("in_force_from", "since"),
    # The one-domain rule names its start in the province; without one, the rule's date.
    [("in_force_from = 2019-06-01\n", "2019-06-01"), ("", "2019-04-22")],
)
def test_too_many_domains_names_the_rules_start(in_force_from: str, since: str) -> None:
    text = bp.default_data_text()
    start = text.index('id = "one_domain_per_website"')
    old = "in_force_from = 2019-04-22\n"
    end = text.index(old, start) + len(old)
    policy = bp.loads_policy(text[:start] + text[start:end].replace(old, in_force_from) + text[end:])
    data = application()
    data["websites"][0]["domains"].append(dict(data["websites"][0]["domains"][0], name="example.net"))
    result = bp.preflight("北京", data, as_of=AS_OF, policy=policy)
    [finding] = [f for f in result.findings if f.id is FindingId.TOO_MANY_DOMAINS]
    assert f"since {since} one website" in finding.text.en
    assert f"自{since}起" in finding.text.zh


# --- certificate and ID numbers ------------------------------------------------------


def test_a_credit_code_with_a_wrong_check_character_blocks() -> None:
    result = run("北京", application(certificate_number="91110000600037341X"))
    assert ids(result, Severity.BLOCKS) == {"certificate_number_invalid"}


def test_an_id_number_with_a_wrong_check_digit_blocks() -> None:
    result = run("北京", application(owner={"id_number": "110105194912310021"}))
    assert ids(result, Severity.BLOCKS) == {"id_number_invalid"}
    assert result.findings[0].field == "subject_owner.id_number"


def test_an_individual_certificate_is_checked_as_a_resident_id() -> None:
    assert run("北京", individual("北京")).ok
    bad = individual("北京")
    bad["certificate_number"] = GOOD_USCC
    assert "certificate_number_invalid" in ids(run("北京", bad), Severity.BLOCKS)


def test_without_a_certificate_type_the_subject_kind_chooses_the_standard() -> None:
    # GB 32100 for an organisation, GB 11643 for an individual: a well-formed number of
    # the other standard is then wrong; with no kind either standard passes.
    organisation = application(certificate_type=None, certificate_number=GOOD_ID)
    assert ids(run("北京", organisation), Severity.BLOCKS) == {"certificate_number_invalid"}
    person = individual("北京")
    person.update(certificate_type=None, certificate_number=GOOD_USCC)
    assert ids(run("北京", person), Severity.BLOCKS) == {"certificate_number_invalid"}
    unknown_kind = application(subject_kind=None, certificate_type=None, certificate_number=GOOD_ID)
    assert "certificate_number_invalid" not in ids(run("北京", unknown_kind))


# --- local ties for individuals ------------------------------------------------------


def test_shanghai_accepts_an_outside_id_only_with_a_residence_permit() -> None:
    data = individual("江苏", phone_province="上海")
    data["documents_ready"] = ["sh_commitment"]
    data["websites"][0]["domains"][0]["expires_on"] = "2028-01-01"
    blocked = run("上海", data)
    [finding] = blocked.blocking
    assert finding.id is FindingId.ID_NOT_LOCAL
    assert "居住证" in finding.text.zh
    data["subject_owner"]["residence_permit_province"] = "上海"
    allowed = run("上海", data)
    assert allowed.ok
    assert ("id_not_local", "info") in {(f.id.value, f.severity.value) for f in allowed.findings}


@pytest.mark.parametrize(("id_province", "blocked"), [("吉林", True), ("黑龙江", False)])
def test_heilongjiang_takes_only_local_ids(id_province: str, blocked: bool) -> None:
    result = run("黑龙江", individual(id_province))
    assert ("id_not_local" in ids(result, Severity.BLOCKS)) is blocked


def test_yunnan_residence_rule_is_disputed() -> None:
    [finding] = [f for f in run("云南", individual("四川")).findings if f.id is FindingId.ID_NOT_LOCAL]
    assert finding.disputed
    assert {"tc-cn-yn-a", "j-cn-yn"} <= {s.id for s in finding.sources}


@pytest.mark.parametrize(
    ("province", "blocked", "disputed"),
    [
        ("河南", True, False),  # ID address must be in 河南 (Tencent)
        ("青海", True, False),  # a 青海 ID (Tencent)
        ("江西", True, True),  # Tencent and JD Cloud: local only; QingCloud and Huawei: a permit will do
        ("宁夏", True, True),  # Tencent: a lease or purchase proof; QingCloud, JD Cloud, Huawei: no
    ],
)
def test_more_local_id_rules(province: str, blocked: bool, disputed: bool) -> None:
    result = run(province, individual("北京", phone_province=province))
    [finding] = [f for f in result.findings if f.id is FindingId.ID_NOT_LOCAL]
    assert (finding.severity is Severity.BLOCKS) is blocked
    assert finding.disputed is disputed


def test_ningxia_names_the_proof_it_accepts() -> None:
    [finding] = [f for f in run("宁夏", individual("北京")).findings if f.id is FindingId.ID_NOT_LOCAL]
    assert "租赁" in finding.text.zh


@pytest.mark.parametrize(
    ("province", "born", "blocked"),
    [("西藏", "2010-01-01", False), ("海南", "2009-06-01", False), ("海南", "2011-01-01", True)],
)
def test_minimum_ages_elsewhere(province: str, born: str, blocked: bool) -> None:
    # 西藏: 18 on the company tab only, no age on the individual tab; 海南: at least 16
    # on both tabs (Tencent's pages). Born 2009-06-01 is 17 on 2026-12-01; 2011-01-01 is 15.
    result = run(province, individual(province, birth_date=born, id_number=None))
    assert ("owner_too_young" in ids(result, Severity.BLOCKS)) is blocked


@pytest.mark.parametrize(
    ("province", "expires_on", "severity"),
    [
        ("上海", "2027-02-28", "blocks"),  # 89 days: 上海 wants more than three months (Tencent)
        ("上海", "2027-06-01", None),
        ("河南", "2027-01-15", "blocks"),
        ("浙江", None, "check"),
        ("北京", "2027-01-01", None),  # no 北京 source sets an ID validity
    ],
)
def test_id_card_validity(province: str, expires_on: str | None, severity: str | None) -> None:
    data = application(
        owner={"id_province": province, "phone_province": province, "id_expires_on": expires_on}
    )
    found = {f.severity.value for f in run(province, data).findings if f.id is FindingId.ID_EXPIRES_TOO_SOON}
    assert found == ({severity} if severity else set())


def test_organisations_are_not_held_to_the_individual_residence_rule() -> None:
    data = application(owner={"id_province": "江苏", "phone_province": "江苏"})
    assert "id_not_local" not in ids(run("黑龙江", data))


# --- phones --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("owner", "blocked"),
    [
        ({"phone_province": "上海"}, True),
        ({"phone_province": "江苏"}, False),
        ({"phone_province": None, "phone": "13800138000"}, True),  # a 北京 China Mobile number
        ({"phone_province": None, "phone": "13912345678"}, False),  # 江苏 (常州)
    ],
)
def test_jiangsu_wants_local_phones(owner: dict[str, Any], blocked: bool) -> None:
    data = application(
        owner={"id_province": "江苏", **owner}, documents_ready=["js_commitment", "js_responsibility_notice"]
    )
    result = run("江苏", data)
    assert ("phone_not_local" in ids(result, Severity.BLOCKS)) is blocked


def test_an_invalid_phone_number_blocks() -> None:
    data = application(owner={"phone_province": None, "phone": "12345"})
    assert ids(run("北京", data), Severity.BLOCKS) == {"phone_invalid"}


def test_a_valid_phone_of_no_province_is_a_check_not_an_error() -> None:
    # 171 is a virtual operators' segment: a valid mainland mobile number that belongs to
    # no province, so 江苏's local-phone rule cannot be judged from it.
    data = application(
        owner={"id_province": "江苏", "phone_province": None, "phone": "17100000000"},
        documents_ready=["js_commitment", "js_responsibility_notice"],
    )
    result = run("江苏", data)
    assert "phone_invalid" not in ids(result)
    [finding] = [f for f in result.findings if f.id is FindingId.PHONE_NOT_LOCAL]
    assert (finding.severity, finding.field) == (Severity.CHECK, "subject_owner.phone_province")
    assert "the number does not tell" in finding.text.en


@pytest.mark.parametrize(("province", "asked"), [("北京", False), ("江苏", True)])
def test_no_phone_at_all_is_not_an_invalid_phone(province: str, asked: bool) -> None:
    # Neither the number nor its province given: nothing to call invalid; 江苏's
    # local-phone rule asks for it, 北京 has no phone rule.
    data = application(
        owner={"id_province": province, "phone_province": None, "phone": None},
        documents_ready=["js_commitment", "js_responsibility_notice"],
    )
    result = run(province, data)
    assert "phone_invalid" not in ids(result)
    fields = {f.field for f in result.findings if f.id is FindingId.PHONE_NOT_LOCAL}
    assert fields == ({"subject_owner.phone_province"} if asked else set())


def _shanghai_domain_finding(minimum: int) -> bp.Finding:
    """The finding on a domain with 75 days left in 上海, its 180-day minimum edited to
    *minimum* in a copy of the shipped text."""
    text = bp.default_data_text()
    start = text.index('kind = "domain_min_days"')
    edited = text[start:].replace("value = 180\n", f"value = {minimum}\n", 1)
    policy = bp.loads_policy(text[:start] + edited)
    data = application(
        owner={"id_province": "上海", "phone_province": "上海"},
        domain={"expires_on": (AS_OF + dt.timedelta(days=75)).isoformat()},
        documents_ready=["sh_commitment"],
    )
    result = bp.preflight("上海", data, as_of=AS_OF, policy=policy)
    [finding] = [f for f in result.findings if f.id is FindingId.DOMAIN_EXPIRES_TOO_SOON]
    return finding


def test_the_largest_domain_minimum_wins_even_over_a_province_minimum() -> None:
    # A province minimum below the national 90 days does not lower it: 上海's 180 edited
    # to 60, a domain with 75 days left still fails, on the national rule.
    finding = _shanghai_domain_finding(60)
    assert (finding.severity, finding.rule) == (Severity.BLOCKS, "domain_validity")


def test_a_province_minimum_equal_to_the_national_one_leaves_the_national_rule_cited() -> None:
    # The national rule: more than 90 days, "some provinces ask for longer". 上海's 180
    # edited to 90 asks for nothing longer, so the national rule is the one cited.
    finding = _shanghai_domain_finding(90)
    assert (finding.rule, [s.id for s in finding.sources]) == ("domain_validity", ["q-domain-check"])


def test_liaoning_phone_rule_is_disputed_by_tencent() -> None:
    data = application(owner={"id_province": "辽宁", "phone_province": "北京"})
    [finding] = [f for f in run("辽宁", data).findings if f.id is FindingId.PHONE_NOT_LOCAL]
    assert finding.disputed
    assert finding.severity is Severity.BLOCKS


# --- ages ----------------------------------------------------------------------------


@pytest.mark.parametrize(("born", "blocked"), [("2010-01-01", True), ("2008-12-01", False)])
def test_beijing_individuals_are_at_least_18(born: str, blocked: bool) -> None:
    result = run("北京", individual("北京", birth_date=born, id_number=None))
    assert ("owner_too_young" in ids(result, Severity.BLOCKS)) is blocked


def test_sichuan_minimum_age_is_16_and_disputed() -> None:
    young = run("四川", individual("四川", birth_date="2011-01-01", id_number=None))
    [finding] = [f for f in young.findings if f.id is FindingId.OWNER_TOO_YOUNG]
    assert finding.disputed
    assert "16" in finding.text.en
    assert "owner_too_young" not in ids(
        run("四川", individual("四川", birth_date="2009-06-01", id_number=None))
    )


def test_the_dispute_names_only_the_claims_that_disagree() -> None:
    # 四川's 16 (Tencent) against 18 (QingCloud, JD, Tencent's older overview, Alibaba
    # 2019; provinces.md §2 conflicts line). A claim that agrees and gives no value of
    # its own (added here by editing the shipped text) is not named as disagreeing.
    text = bp.default_data_text()
    start = text.index('    { source = "a-cn-sc", value = 18 },\n')
    agreeing = '    { source = "tc-seed-faq", holds = true },\n'
    policy = bp.loads_policy(text[:start] + agreeing + text[start:])
    data = individual("四川", birth_date="2011-01-01", id_number=None)
    [finding] = [
        f for f in bp.preflight("四川", data, as_of=AS_OF, policy=policy).findings
        if f.id is FindingId.OWNER_TOO_YOUNG
    ]  # fmt: skip
    named = re.findall(r"\(([a-z0-9-]+)\)", finding.text.en.split("sources disagree:")[1])
    assert named == ["q-cn-sc", "j-cn-sc", "tc-overview-a", "a-cn-sc"]


def test_age_comes_from_the_id_number_when_no_birth_date_is_given() -> None:
    data = application(
        website_owner={"id_number": GOOD_ID, "phone_province": "黑龙江"},
        owner={"id_province": "黑龙江", "phone_province": "黑龙江"},
    )
    result = run("黑龙江", data)  # born 1949-12-31: 76, above the 65 one Tencent version sets
    assert "owner_too_old" in ids(result, Severity.BLOCKS)
    data["website_owner"]["birth_date"] = "1970-01-01"
    assert "owner_too_old" not in ids(run("黑龙江", data))


# --- websites per order, documents, pre-approval -------------------------------------


def test_hunan_takes_one_website_per_order() -> None:
    data = application(owner={"id_province": "湖南", "phone_province": "湖南"})
    assert "too_many_websites" not in ids(run("湖南", data))
    data["websites"].append(copy.deepcopy(data["websites"][0]))
    assert "too_many_websites" in ids(run("湖南", data), Severity.BLOCKS)


@pytest.mark.parametrize(
    ("province", "subject_kind", "count", "blocked"),
    [
        ("黑龙江", "企业", 4, False),  # Tencent: at most 4 websites per order for organisations
        ("黑龙江", "企业", 5, True),
        ("黑龙江", "个人", 3, True),  # and 2 for individuals
        ("贵州", "企业", 5, False),  # at most 5 per submission
        ("贵州", "企业", 6, True),
        ("河南", "个人", 2, True),  # individuals: one website per order
        ("河南", "企业", 2, False),
    ],
)
def test_websites_per_order(province: str, subject_kind: str, count: int, blocked: bool) -> None:
    data = individual(province) if subject_kind == "个人" else application(owner={"id_province": province})
    data["subject_owner"]["phone_province"] = province
    data["websites"] = [copy.deepcopy(data["websites"][0]) for _ in range(count)]
    result = run(province, data)
    assert ("too_many_websites" in ids(result, Severity.BLOCKS)) is blocked
    assert not any(f.disputed for f in result.findings if f.id is FindingId.TOO_MANY_WEBSITES)


@pytest.mark.parametrize(
    ("province", "subject_kind", "blocked"),
    # 陕西 organisations: JD Cloud wants 陕西 numbers from everyone (QingCloud accepts a reason).
    [("陕西", "个人", True), ("陕西", "企业", True), ("广西", "企业", True), ("湖南", "企业", True)],
)
def test_more_local_phone_rules(province: str, subject_kind: str, blocked: bool) -> None:
    data = individual(province) if subject_kind == "个人" else application(owner={"id_province": province})
    data["subject_owner"]["phone_province"] = "北京"
    assert ("phone_not_local" in ids(run(province, data), Severity.BLOCKS)) is blocked


@pytest.mark.parametrize(
    ("province", "ready", "missing"),
    [
        ("广东", [], {"CN-GD/document/gd_commitment"}),
        ("广东", ["gd_commitment"], set()),
        ("江苏", ["js_commitment"], {"CN-JS/document/js_responsibility_notice"}),
        ("上海", [], {"CN-SH/document/sh_commitment"}),
    ],
)
def test_province_letters(province: str, ready: list[str], missing: set[str]) -> None:
    data = application(documents_ready=ready, owner={"id_province": province, "phone_province": province})
    data["websites"][0]["domains"][0]["expires_on"] = "2028-01-01"
    result = run(province, data)
    assert {f.rule for f in result.blocking if f.id is FindingId.DOCUMENT_MISSING} == missing


@pytest.mark.parametrize(
    ("province", "subject_kind", "ready", "missing"),
    [
        # Requirements every transfer triggers are letters too (Tencent's 新疆, 内蒙古, 湖南 pages).
        ("新疆", "企业", [], {"CN-XJ/document/party_building_letter"}),
        ("新疆", "企业", ["party_building_letter"], set()),
        ("内蒙古", "个人", [], {"CN-NM/document/domain_certificate_for_individuals"}),
        ("内蒙古", "企业", [], set()),
        ("湖南", "企业", [], {"CN-HN/document/domain_certificate_for_every_domain"}),
    ],
)
def test_letters_from_requirements(
    province: str, subject_kind: str, ready: list[str], missing: set[str]
) -> None:
    data = application(subject_kind=subject_kind, certificate_type=None, documents_ready=ready)
    data["subject_owner"].update(id_province=province, phone_province=province)
    data["website_owner"] = dict(data["subject_owner"])  # the legal representative: no authorisation
    result = run(province, data)
    assert {f.rule for f in result.findings if f.id is FindingId.DOCUMENT_MISSING} == missing


@pytest.mark.parametrize(
    ("province", "facts", "expected"),
    [
        # 北京: a renamed company supplies a rename letter (Tencent's 北京 page).
        ("北京", {"changes": ["subject_name"]}, {("CN-BJ/document/rename_letter", "blocks")}),
        ("北京", {"changes": ["website_name"]}, set()),
        ("北京", {"changes": None}, {("CN-BJ/document/rename_letter", "check")}),
        # 河北: several cloud resources need a sealed usage statement (Tencent's 河北 page).
        (
            "河北",
            {"multiple_cloud_resources": True},
            {("CN-HE/document/usage_statement_for_multiple_resources", "blocks")},
        ),
        ("河北", {"multiple_cloud_resources": False}, set()),
    ],
)
def test_letters_that_depend_on_a_fact(
    province: str, facts: dict[str, Any], expected: set[tuple[str, str]]
) -> None:
    data = application(documents_ready=[], **facts)  # the base says: no changes, one provider
    data["subject_owner"].update(id_province=province, phone_province=province)
    found = {
        (f.rule, f.severity.value) for f in run(province, data).findings if f.id is FindingId.DOCUMENT_MISSING
    }
    assert found == expected


@pytest.mark.parametrize(
    ("province", "facts", "rule", "field"),
    [
        # The fact that leaves a letter open is the field to fill in (北京's rename letter
        # hangs on the changes, 河北's usage statement on several cloud resources).
        ("北京", {"changes": None}, "CN-BJ/document/rename_letter", "changes"),
        (
            "河北",
            {"multiple_cloud_resources": None},
            "CN-HE/document/usage_statement_for_multiple_resources",
            "multiple_cloud_resources",
        ),
        # 内蒙古 asks the domain certificate of individuals: with no subject kind the kind
        # is what to give; with neither kind nor documents_ready, the documents.
        (
            "内蒙古",
            {"subject_kind": None},
            "CN-NM/document/domain_certificate_for_individuals",
            "subject_kind",
        ),
        (
            "内蒙古",
            {"subject_kind": None, "documents_ready": None},
            "CN-NM/document/domain_certificate_for_individuals",
            "documents_ready",
        ),
    ],
)
def test_an_open_letter_names_the_fact_to_give(
    province: str, facts: dict[str, Any], rule: str, field: str
) -> None:
    data = application(**{"documents_ready": [], **facts})
    data["subject_owner"].update(id_province=province, phone_province=province)
    [finding] = [f for f in run(province, data).findings if f.rule == rule]
    assert (finding.id, finding.severity, finding.field) == (
        FindingId.DOCUMENT_MISSING,
        Severity.CHECK,
        field,
    )


def test_sichuans_domain_statement_is_asked_of_organisations_only() -> None:
    # Tencent's 四川 page, company tab: "超过5个域名，主办单位需要提交加盖鲜章的情况说明".
    rule = "CN-SC/domains_need_document/sc_domain_statement"

    def six_domains(data: dict[str, Any]) -> list[bp.Finding]:
        data["websites"] = [copy.deepcopy(data["websites"][0]) for _ in range(6)]
        for w, website in enumerate(data["websites"]):
            website["domains"][0]["name"] = f"example{w}.com"
        return [f for f in run("四川", data).findings if f.rule == rule]

    [finding] = six_domains(application(owner={"id_province": "四川", "phone_province": "四川"}))
    assert (finding.id, finding.severity, finding.field) == (
        FindingId.DOCUMENT_MISSING, Severity.BLOCKS, "documents_ready"
    )  # fmt: skip
    assert six_domains(individual("四川")) == []


def test_unknown_documents_are_a_check() -> None:
    data = application(documents_ready=None, owner={"id_province": "广东", "phone_province": "广东"})
    found = {(f.id.value, f.severity.value) for f in run("广东", data).findings}
    assert found == {("document_missing", "check")}


@pytest.mark.parametrize(
    ("needed", "held", "expected"),
    [
        (True, False, "blocks"),
        (True, None, "check"),
        (None, None, "check"),
        (True, True, None),
        (False, None, None),
    ],
)
def test_pre_approval(needed: bool | None, held: bool | None, expected: str | None) -> None:
    data = application()
    data["websites"][0].update(pre_approval_needed=needed, pre_approval_held=held)
    found = {f.severity.value for f in run("北京", data).findings if f.id is FindingId.PRE_APPROVAL_MISSING}
    assert found == ({expected} if expected else set())


@pytest.mark.parametrize(
    ("footer", "icp_number", "expected"),
    [
        (
            '<footer><a href="https://beian.miit.gov.cn">京ICP备12345678号-1</a></footer>',
            "京ICP备12345678号-1",
            set(),
        ),
        (
            '<footer><a href="http://miibeian.gov.cn">京ICP备12345678号</a></footer>',
            "京ICP备12345678号",
            {("footer_link_wrong", "blocks")},
        ),
        ("<footer>© 2026</footer>", "京ICP备12345678号", {("footer_number_missing", "blocks")}),
        ("<footer>© 2026</footer>", None, {("footer_number_missing", "check")}),
    ],
)
def test_a_given_footer_is_checked(
    footer: str, icp_number: str | None, expected: set[tuple[str, str]]
) -> None:
    data = application()
    data["websites"][0].update(footer_html=footer, icp_number=icp_number)
    found = {(f.id.value, f.severity.value) for f in run("北京", data).findings}
    assert found == expected


def test_a_bad_website_number_is_an_application_problem() -> None:
    data = application()
    data["websites"][0].update(footer_html="<footer></footer>", icp_number="12345")
    with pytest.raises(InvalidApplicationError, match=r"websites\[0\]\.icp_number"):
        run("北京", data)


# --- unknown facts are checks, never passes -------------------------------------------


def test_an_empty_application_is_all_checks() -> None:
    result = run("上海", {})
    assert result.ok
    assert {f.severity for f in result.findings} == {Severity.CHECK}
    assert {
        "subject_kind_unknown",
        "certificate_number_invalid",
        "website_domains_unknown",
        "document_missing",
    } <= ids(result)


def test_every_unknown_domain_fact_is_a_check() -> None:
    data = application()
    data["websites"][0]["domains"] = [{}]
    found = {f.id.value for f in run("四川", data).findings if f.severity is Severity.CHECK}
    assert found >= {
        "domain_tld_not_fileable",
        "domain_expires_too_soon",
        "domain_real_name_too_recent",
        "domain_registrant_mismatch",
        "domain_registrar_overseas",
        "domain_privacy_protection_on",
    }


def test_findings_cite_rules_and_speak_both_languages() -> None:
    result = run("上海", individual("江苏"))
    for finding in result.findings:
        assert finding.text.zh
        assert finding.text.en
        assert finding.fix.zh
        assert finding.fix.en
    cited = [f for f in result.findings if f.id is not FindingId.SUBJECT_KIND_UNKNOWN]
    assert all(f.rule and f.sources for f in cited if f.id.value.startswith("domain_"))


# --- reading applications --------------------------------------------------------------


def test_every_bad_field_is_listed_at_once() -> None:
    data = application(
        subject_kind="公司?",
        domain={"expires_on": "soon", "colour": "red"},
        owner={"age": "30", "id_province": "Atlantis"},
    )
    with pytest.raises(InvalidApplicationError) as caught:
        run("北京", data)
    fields = {field for field, _ in caught.value.problems}
    assert fields == {
        "subject_kind",
        "subject_owner.age",
        "subject_owner.id_province",
        "websites[0].domains[0].expires_on",
        "websites[0].domains[0]",
    }
    assert isinstance(caught.value, ValueError)


def test_an_unknown_province_in_the_application_is_named() -> None:
    with pytest.raises(InvalidApplicationError, match=r"subject_owner\.id_province"):
        run("北京", application(owner={"id_province": "Atlantis"}))


@pytest.mark.parametrize(
    ("word", "kind"), [("个人", "individual"), ("企业", "organisation"), ("单位", "organisation")]
)
def test_chinese_subject_kind_words(word: str, kind: str) -> None:
    assert bp.preflight("北京", {"subject_kind": word}, as_of=AS_OF) is not None
    from beian_policy._application import read_application

    assert read_application({"subject_kind": word}).subject_kind.value == kind  # type: ignore[union-attr]


# --- optional dependencies ---------------------------------------------------------------


def test_a_missing_optional_package_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.import_module

    def refuse(name: str, *args: Any) -> Any:
        if name.startswith("stdnum"):
            raise ImportError(name)
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", refuse)
    with pytest.raises(MissingDependencyError, match=r"pip install 'beian-policy\[preflight\]'"):
        run("北京", application())


def test_the_core_imports_without_the_preflight_packages() -> None:
    code = (
        "import sys\n"
        "for name in ('stdnum', 'phonenumbers', 'idna'):\n"
        "    sys.modules[name] = None\n"
        "import beian_policy as bp\n"
        "print(bp.can_transfer_directly('广东', []))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"


def test_bad_arguments_raise_the_package_errors() -> None:
    with pytest.raises(bp.errors.ArgumentTypeError, match="application"):
        bp.preflight("北京", 42)  # type: ignore[arg-type]
    with pytest.raises(bp.errors.ArgumentTypeError, match="as_of"):
        bp.preflight("北京", {}, as_of="2026-12-01")  # type: ignore[arg-type]
    with pytest.raises(bp.UnknownProvinceError):
        bp.preflight("香港", {})

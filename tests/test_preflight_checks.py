"""Every kind of ``[[provinces.checks]]`` record, with a real province, a failing and a
passing application. Each expectation is written by hand from the page the check
cites (quoted in the comment, at the commit the data names), never read from the data:
the finding id, its severity and the id of the source that decides it.

The page versions: Tencent ``tc-cn-*`` at the commits in shared/reference/provinces.md
§6 (企业 tab = organisations, 个人 tab = individuals); QingCloud ``q-*`` and JD Cloud
``j-*`` (fork ``zhangkai263/cn``) at the commits there; Alibaba Cloud ``a-cn-*`` the
2019-09-12 export.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

import beian_policy as bp
from beian_policy.model import FindingId, Severity
from tests.conftest import replace_once
from tests.test_preflight import AS_OF, application, individual

Expected = tuple[FindingId, Severity, str] | None
#: Letters the provinces below ask of every applicant, ready in the complete applications.
LETTERS = (
    "gd_commitment",
    "js_commitment",
    "js_responsibility_notice",
    "domain_certificate_for_every_domain",
)


def organisation(province: str, **owner: Any) -> dict[str, Any]:
    """A complete organisation application with a local subject owner (born
    1949-12-31, the legal representative, also the website owner) and a local phone."""
    data = application(owner={"id_province": province, "phone_province": province, **owner})
    data["website_owner"] = dict(data["subject_owner"], is_legal_representative=True)
    data["documents_ready"] = [*LETTERS, "sh_commitment"]
    return data


def person(province: str, **owner: Any) -> dict[str, Any]:
    """A complete individual application, owner born 1990-05-01 with a local ID and phone."""
    data = individual(province, **owner)
    data["documents_ready"] = list(LETTERS)
    return data


def found(province: str, data: dict[str, Any], finding: FindingId) -> list[bp.Finding]:
    return [f for f in bp.preflight(province, data, as_of=AS_OF).findings if f.id is finding]


def check(province: str, data: dict[str, Any], finding: FindingId, expected: Expected) -> None:
    """*expected* is the one finding (id, severity, a deciding source id), or None: no
    finding of that id at all."""
    got = found(province, data, finding)
    if expected is None:
        assert got == []
        return
    assert len(got) >= 1
    assert {(f.id, f.severity) for f in got} == {expected[:2]}
    assert all(expected[2] in {s.id for s in f.sources} for f in got)


BLOCKS, INFO, WARNING, CHECK = Severity.BLOCKS, Severity.INFO, Severity.WARNING, Severity.CHECK


# --- id_local ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("province", "data", "expected"),
    [
        # 山西 个人: "个人备案身份证证件地址必须为本省" (tc-cn-sx).
        ("山西", person("北京"), (FindingId.ID_NOT_LOCAL, BLOCKS, "tc-cn-sx")),
        ("山西", person("山西"), None),
        # 江苏 个人: "个人备案证件地址非本省需上传居住证或产权证" (tc-cn-js): a permit makes it a note.
        ("江苏", person("北京", phone_province="江苏"), (FindingId.ID_NOT_LOCAL, BLOCKS, "tc-cn-js")),
        (
            "江苏",
            person("北京", phone_province="江苏", residence_permit_province="江苏"),
            (FindingId.ID_NOT_LOCAL, INFO, "tc-cn-js"),
        ),
        # 河北 (QingCloud 个人用户): "如非本省，需上传本省暂住证或居住证" (q-cn-he).
        ("河北", person("北京", phone_province="河北"), (FindingId.ID_NOT_LOCAL, BLOCKS, "q-cn-he")),
        # The rule is on the 个人 tab only: an organisation's owner may hold any ID.
        ("江苏", organisation("江苏", id_province="北京"), None),
    ],
)
def test_id_local(province: str, data: dict[str, Any], expected: Expected) -> None:
    check(province, data, FindingId.ID_NOT_LOCAL, expected)


def test_shandong_lists_every_alternative_its_page_names() -> None:
    # 山东 个人: "身份证非本省的需要提供在山东的居住证，暂住证，社保证明，购房合同等" (tc-cn-sd).
    [finding] = found("山东", person("北京"), FindingId.ID_NOT_LOCAL)
    assert all(word in finding.text.zh for word in ("居住证", "暂住证", "社保", "购房合同"))


# --- phone_local ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("province", "data", "expected"),
    [
        # 天津 (JD Cloud, both tabs): "必须使用本地手机号码进行备案" (j-cn-tj).
        ("天津", organisation("天津", phone_province="北京"), (FindingId.PHONE_NOT_LOCAL, BLOCKS, "j-cn-tj")),
        ("天津", organisation("天津"), None),
        # 甘肃 organisations: QingCloud "负责人手机号码需为本省号码" (q-cn-gs).
        ("甘肃", organisation("甘肃", phone_province="北京"), (FindingId.PHONE_NOT_LOCAL, BLOCKS, "q-cn-gs")),
        # 山西: QingCloud asks it of individuals only (organisations may give a reason).
        ("山西", person("山西", phone_province="北京"), (FindingId.PHONE_NOT_LOCAL, BLOCKS, "q-cn-sx")),
        ("山西", organisation("山西", phone_province="北京"), None),
        # 山东: "手机归属地无要求" (tc-cn-sd): no check.
        ("山东", organisation("山东", phone_province="北京"), None),
    ],
)
def test_phone_local(province: str, data: dict[str, Any], expected: Expected) -> None:
    check(province, data, FindingId.PHONE_NOT_LOCAL, expected)


def test_shaanxi_organisation_phone_rule_is_disputed_by_qingcloud() -> None:
    # JD Cloud: "所有上报的手机号码均需陕西号段"; QingCloud: "若非本省号码，需备注原因".
    both = found("陕西", organisation("陕西", phone_province="北京"), FindingId.PHONE_NOT_LOCAL)
    assert [f.field for f in both] == ["subject_owner.phone", "website_owner.phone"]
    for finding in both:
        assert finding.severity is BLOCKS
        assert finding.disputed
        assert {"j-cn-sn", "q-cn-sn"} <= {s.id for s in finding.sources}


# --- min_age and max_age -------------------------------------------------------------


@pytest.mark.parametrize(
    ("province", "data", "expected"),
    [
        # 北京 企业: "企业负责人未满18岁不能进行备案" (tc-cn-bj); born 2010-01-01 is 16.
        (
            "北京",
            organisation("北京", birth_date="2010-01-01"),
            (FindingId.OWNER_TOO_YOUNG, BLOCKS, "tc-cn-bj"),
        ),
        ("北京", organisation("北京", birth_date="2008-11-30"), None),  # 18 on 2026-11-30
        # 江苏 个人: "已满16周岁不满18周岁…不满16周岁不能申请备案"; 企业: "负责人需年满18周岁" (tc-cn-js).
        ("江苏", person("江苏", birth_date="2010-06-01"), None),  # 16
        ("江苏", person("江苏", birth_date="2011-01-01"), (FindingId.OWNER_TOO_YOUNG, BLOCKS, "tc-cn-js")),
        (
            "江苏",
            organisation("江苏", birth_date="2009-06-01"),
            (FindingId.OWNER_TOO_YOUNG, BLOCKS, "tc-cn-js"),
        ),
        # 西藏: "负责人需年满18周岁" on the 企业 tab only (tc-cn-xz).
        (
            "西藏",
            organisation("西藏", birth_date="2010-06-01"),
            (FindingId.OWNER_TOO_YOUNG, BLOCKS, "tc-cn-xz"),
        ),
        ("西藏", person("西藏", birth_date="2010-06-01"), None),
        # 广东 企业: "需年满16周岁" (tc-cn-gd); 个人 sets no minimum.
        (
            "广东",
            organisation("广东", birth_date="2011-01-01"),
            (FindingId.OWNER_TOO_YOUNG, BLOCKS, "tc-cn-gd"),
        ),
        ("广东", person("广东", birth_date="2011-01-01"), None),
    ],
)
def test_min_age(province: str, data: dict[str, Any], expected: Expected) -> None:
    check(province, data, FindingId.OWNER_TOO_YOUNG, expected)


def test_liaoning_minimum_age_is_disputed_between_tencent_versions() -> None:
    # tc-cn-ln: "负责人需年满18周岁"; tc-cn-ln-a: 16 to 18 with proof of income or work.
    data = person("辽宁", birth_date="2009-06-01", id_number=None)  # 17
    [finding] = found("辽宁", data, FindingId.OWNER_TOO_YOUNG)
    assert (finding.severity, finding.disputed) == (BLOCKS, True)
    assert {"tc-cn-ln", "tc-cn-ln-a"} <= {s.id for s in finding.sources}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # 黑龙江 企业 (tc-cn-hl-a): "网站负责人年龄不超过65岁"; born 1949-12-31 is 76.
        (
            {
                "subject_kind": "企业",
                "website_owner": {"birth_date": "1949-12-31", "phone_province": "黑龙江"},
            },
            (FindingId.OWNER_TOO_OLD, BLOCKS, "tc-cn-hl-a"),
        ),
        (
            {
                "subject_kind": "企业",
                "website_owner": {"birth_date": "1970-01-01", "phone_province": "黑龙江"},
            },
            None,
        ),
        # The rule is on the 企业 tab: an individual's website owner has no upper age.
        (
            {
                "subject_kind": "个人",
                "website_owner": {"birth_date": "1949-12-31", "phone_province": "黑龙江"},
            },
            None,
        ),
    ],
)
def test_max_age(data: dict[str, Any], expected: Expected) -> None:
    base = organisation("黑龙江") if data["subject_kind"] == "企业" else person("黑龙江")
    base["website_owner"] = data["website_owner"]
    check("黑龙江", base, FindingId.OWNER_TOO_OLD, expected)


# --- id_min_days and domain_min_days -------------------------------------------------


@pytest.mark.parametrize(
    ("province", "data", "expected"),
    [
        # 浙江 企业: "主办单位证件及负责人证件有效期均需大于3个月" (tc-cn-zj); 31 days left.
        (
            "浙江",
            organisation("浙江", id_expires_on="2027-01-01"),
            (FindingId.ID_EXPIRES_TOO_SOON, BLOCKS, "tc-cn-zj"),
        ),
        ("浙江", organisation("浙江", id_expires_on="2027-06-01"), None),
        # The 个人 tab has no such rule.
        ("浙江", person("浙江", id_expires_on="2027-01-01"), None),
        # 上海: "身份证有效期必须3个月以上" on both tabs (tc-cn-sh).
        (
            "上海",
            person("上海", id_expires_on="2027-01-01"),
            (FindingId.ID_EXPIRES_TOO_SOON, BLOCKS, "tc-cn-sh"),
        ),
    ],
)
def test_id_min_days(province: str, data: dict[str, Any], expected: Expected) -> None:
    check(province, data, FindingId.ID_EXPIRES_TOO_SOON, expected)


@pytest.mark.parametrize(
    ("expires_on", "expected"),
    [
        # QingCloud domain rules: "上海地区备案：域名距离到期日期需大于180天" (q-domain-check);
        # 2027-04-01 is 121 days away, enough for Tencent's three months, not for QingCloud.
        ("2027-04-01", (FindingId.DOMAIN_EXPIRES_TOO_SOON, BLOCKS, "q-domain-check")),
        ("2027-07-01", None),  # 212 days
    ],
)
def test_domain_min_days(expires_on: str, expected: Expected) -> None:
    data = organisation("上海")
    data["websites"][0]["domains"][0]["expires_on"] = expires_on
    check("上海", data, FindingId.DOMAIN_EXPIRES_TOO_SOON, expected)


# --- websites_per_order and document -------------------------------------------------


def _websites(data: dict[str, Any], count: int) -> dict[str, Any]:
    data["websites"] = [copy.deepcopy(data["websites"][0]) for _ in range(count)]
    return data


@pytest.mark.parametrize(
    ("province", "data", "expected"),
    [
        # 贵州 企业: "一次性不能超过5个网站（最多一次性提5个）" (tc-cn-gz); the 个人 tab has no limit.
        ("贵州", _websites(organisation("贵州"), 6), (FindingId.TOO_MANY_WEBSITES, BLOCKS, "tc-cn-gz")),
        ("贵州", _websites(organisation("贵州"), 5), None),
        ("贵州", _websites(person("贵州"), 6), None),
    ],
)
def test_websites_per_order(province: str, data: dict[str, Any], expected: Expected) -> None:
    check(province, data, FindingId.TOO_MANY_WEBSITES, expected)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # 上海: QingCloud and JD Cloud list the 上海 pledge under organisations only.
        ({"kind": "企业", "ready": []}, (FindingId.DOCUMENT_MISSING, BLOCKS, "q-cn-sh")),
        ({"kind": "企业", "ready": ["sh_commitment"]}, None),
        ({"kind": "个人", "ready": []}, None),
    ],
)
def test_document(data: dict[str, Any], expected: Expected) -> None:
    base = organisation("上海") if data["kind"] == "企业" else person("上海")
    base["documents_ready"] = data["ready"]
    base["websites"][0]["domains"][0]["expires_on"] = "2028-01-01"
    check("上海", base, FindingId.DOCUMENT_MISSING, expected)


# --- who holds the domain ------------------------------------------------------------


def _held_by(data: dict[str, Any], registrant: str) -> dict[str, Any]:
    data["websites"][0]["domains"][0]["registrant"] = registrant
    return data


@pytest.mark.parametrize(
    ("province", "data", "finding", "expected"),
    [
        # registrant_subject_only — 吉林 企业: "域名所有者需为单位全称" (tc-cn-jl).
        (
            "吉林",
            _held_by(organisation("吉林"), "legal_representative"),
            FindingId.DOMAIN_REGISTRANT_MISMATCH,
            (FindingId.DOMAIN_REGISTRANT_MISMATCH, BLOCKS, "tc-cn-jl"),
        ),
        ("吉林", _held_by(organisation("吉林"), "subject"), FindingId.DOMAIN_REGISTRANT_MISMATCH, None),
        # registrant_legal_representative_accepted — 河北 企业: "域名所有者须与主办单位名称或法定代表人一致".
        (
            "河北",
            _held_by(organisation("河北"), "legal_representative"),
            FindingId.DOMAIN_REGISTRANT_MISMATCH,
            None,
        ),
        # 重庆 企业: "如果域名所有者为法定代表人，需提供单位授权书" (tc-cn-cq).
        (
            "重庆",
            _held_by(organisation("重庆"), "legal_representative"),
            FindingId.DOCUMENT_MISSING,
            (FindingId.DOCUMENT_MISSING, BLOCKS, "tc-cn-cq"),
        ),
        ("重庆", _held_by(organisation("重庆"), "subject"), FindingId.DOCUMENT_MISSING, None),
    ],
)
def test_registrant_rules(
    province: str, data: dict[str, Any], finding: FindingId, expected: Expected
) -> None:
    check(province, data, finding, expected)


def test_chongqing_accepts_the_legal_representative_with_the_letter() -> None:
    data = _held_by(organisation("重庆"), "legal_representative")
    [letter] = found("重庆", data, FindingId.DOCUMENT_MISSING)
    assert letter.rule == "CN-CQ/registrant_legal_representative_accepted/cq_domain_authorisation"
    data["documents_ready"].append("cq_domain_authorisation")
    assert found("重庆", data, FindingId.DOCUMENT_MISSING) == []
    assert found("重庆", data, FindingId.DOMAIN_REGISTRANT_MISMATCH) == []


@pytest.mark.parametrize(
    ("province", "privacy", "expected"),
    [
        # privacy_protection_off — 天津 (2019 Alibaba Cloud): "若域名设置了隐私保护，备案期间需关闭";
        # the page is historical, so a warning, not a block.
        ("天津", True, (FindingId.DOMAIN_PRIVACY_PROTECTION_ON, WARNING, "a-cn-tj")),
        ("天津", False, None),
    ],
)
def test_privacy_protection_off(province: str, privacy: bool, expected: Expected) -> None:
    data = organisation(province)
    data["websites"][0]["domains"][0]["privacy_protection"] = privacy
    check(province, data, FindingId.DOMAIN_PRIVACY_PROTECTION_ON, expected)


# --- subject_owner_legal_representative ----------------------------------------------


@pytest.mark.parametrize(
    ("province", "data", "expected"),
    [
        # 浙江 企业: "主体负责人必须是法定代表人" … "不接受授权书" (tc-cn-zj).
        (
            "浙江",
            organisation("浙江", is_legal_representative=False),
            (FindingId.SUBJECT_OWNER_NOT_LEGAL_REPRESENTATIVE, BLOCKS, "tc-cn-zj"),
        ),
        ("浙江", organisation("浙江", is_legal_representative=True), None),
        (
            "浙江",
            organisation("浙江", is_legal_representative=None),
            (FindingId.SUBJECT_OWNER_NOT_LEGAL_REPRESENTATIVE, CHECK, "tc-cn-zj"),
        ),
        # An individual has no legal representative.
        ("浙江", person("浙江", is_legal_representative=False), None),
        # 上海: for a transfer the page accepts an earlier non-representative owner and asks
        # for the change after approval ("通过备案后需变更主体负责人信息为法定代表人"): no check.
        ("上海", organisation("上海", is_legal_representative=False), None),
        # 安徽 accepts a letter of authorisation (主体负责人授权书): no check.
        ("安徽", organisation("安徽", is_legal_representative=False), None),
    ],
)
def test_subject_owner_legal_representative(province: str, data: dict[str, Any], expected: Expected) -> None:
    check(province, data, FindingId.SUBJECT_OWNER_NOT_LEGAL_REPRESENTATIVE, expected)


def test_hebei_names_the_exception_its_page_allows() -> None:
    # 河北 企业: "法定代表人为外籍人士须授权给中国公民为负责人" (tc-cn-he).
    [finding] = found(
        "河北",
        organisation("河北", is_legal_representative=False),
        FindingId.SUBJECT_OWNER_NOT_LEGAL_REPRESENTATIVE,
    )
    assert "外籍" in finding.text.zh
    assert "foreign" in finding.text.en
    assert finding.rule == "CN-HE/subject_owner_legal_representative"


# --- letters of authorisation and domains per order ----------------------------------


def _website_owner(data: dict[str, Any], is_legal_representative: bool | None) -> dict[str, Any]:
    data["website_owner"]["is_legal_representative"] = is_legal_representative
    return data


@pytest.mark.parametrize(
    ("province", "data", "expected"),
    [
        # website_owner_authorisation — 湖南 企业: "网站负责人非法定代表人需上传网站负责人授权书" (tc-cn-hn).
        (
            "湖南",
            _website_owner(organisation("湖南"), False),
            (FindingId.DOCUMENT_MISSING, BLOCKS, "tc-cn-hn"),
        ),
        ("湖南", _website_owner(organisation("湖南"), True), None),
        ("湖南", _website_owner(organisation("湖南"), None), (FindingId.DOCUMENT_MISSING, CHECK, "tc-cn-hn")),
        (
            "湖南",
            dict(
                _website_owner(organisation("湖南"), False),
                documents_ready=[*LETTERS, "hn_website_owner_authorisation"],
            ),
            None,
        ),
        # subject_owner_authorisation — 吉林 企业 (tc-cn-jl):
        # "主体负责人如不是法定代表人需要主体负责人授权书".
        (
            "吉林",
            organisation("吉林", is_legal_representative=False),
            (FindingId.DOCUMENT_MISSING, BLOCKS, "tc-cn-jl"),
        ),
        ("吉林", organisation("吉林"), None),
        # Neither letter concerns an individual.
        ("湖南", person("湖南", is_legal_representative=False), None),
    ],
)
def test_owner_letters(province: str, data: dict[str, Any], expected: Expected) -> None:
    check(province, data, FindingId.DOCUMENT_MISSING, expected)


def test_an_owner_letter_names_its_rule() -> None:
    [letter] = found("吉林", organisation("吉林", is_legal_representative=False), FindingId.DOCUMENT_MISSING)
    assert letter.rule == "CN-JL/subject_owner_authorisation/jl_subject_owner_authorisation"
    assert "主体负责人授权书" in letter.text.zh


@pytest.mark.parametrize(
    ("province", "kind", "count", "expected"),
    [
        # domains_per_order — 湖北: QingCloud "每次备案只能提交一个域名" (q-cn-hb), JD Cloud the same.
        ("湖北", "企业", 2, (FindingId.TOO_MANY_DOMAINS, BLOCKS, "q-cn-hb")),
        ("湖北", "企业", 1, None),
        # 河南 企业: "单位备案一次不得超过5个域名" (tc-cn-ha); JD Cloud says one (a dispute).
        ("河南", "企业", 6, (FindingId.TOO_MANY_DOMAINS, BLOCKS, "tc-cn-ha")),
        ("河南", "企业", 5, None),
    ],
)
def test_domains_per_order(province: str, kind: str, count: int, expected: Expected) -> None:
    data = organisation(province)
    data["websites"] = [copy.deepcopy(data["websites"][0]) for _ in range(count)]
    for w, website in enumerate(data["websites"]):
        website["domains"][0]["name"] = f"example{w}.com"
    check(province, data, FindingId.TOO_MANY_DOMAINS, expected)


def test_henan_domain_limit_shows_jd_clouds_one_domain() -> None:
    data = organisation("河南")
    data["websites"] = [copy.deepcopy(data["websites"][0]) for _ in range(6)]
    [finding] = found("河南", data, FindingId.TOO_MANY_DOMAINS)
    assert finding.disputed
    assert "j-cn-ha" in {s.id for s in finding.sources}


# --- phones of individuals from elsewhere, and the certificate type ---------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # phone_local_if_id_elsewhere — 河北 个人: "个人非本省人员备案需要使用本省号码备案" (tc-cn-he).
        (
            person("北京", phone_province="北京", residence_permit_province="河北"),
            (FindingId.PHONE_NOT_LOCAL, BLOCKS, "tc-cn-he"),
        ),
        (person("北京", phone_province="河北", residence_permit_province="河北"), None),
        # A local ID: any phone will do.
        (person("河北", phone_province="北京"), None),
        (person("河北", id_province=None), (FindingId.PHONE_NOT_LOCAL, CHECK, "tc-cn-he")),
        # The rule is on the 个人 tab.
        (organisation("河北", id_province="北京", phone_province="北京"), None),
    ],
)
def test_phone_local_if_id_elsewhere(data: dict[str, Any], expected: Expected) -> None:
    check("河北", data, FindingId.PHONE_NOT_LOCAL, expected)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # resident_id_only — 福建 个人: "仅支持使用居民身份证进行备案" (tc-cn-fj).
        (
            dict(person("福建"), certificate_type="护照"),
            (FindingId.CERTIFICATE_TYPE_NOT_ACCEPTED, BLOCKS, "tc-cn-fj"),
        ),
        (dict(person("福建"), certificate_type="居民身份证"), None),
        (
            dict(person("福建"), certificate_type=None),
            (FindingId.CERTIFICATE_TYPE_NOT_ACCEPTED, CHECK, "tc-cn-fj"),
        ),
        (organisation("福建"), None),
    ],
)
def test_resident_id_only(data: dict[str, Any], expected: Expected) -> None:
    check("福建", data, FindingId.CERTIFICATE_TYPE_NOT_ACCEPTED, expected)


# --- letters that many domains need, and where the certificate was issued ------------


def _domains(data: dict[str, Any], count: int) -> dict[str, Any]:
    data["websites"] = [copy.deepcopy(data["websites"][0]) for _ in range(count)]
    for w, website in enumerate(data["websites"]):
        website["domains"][0]["name"] = f"example{w}.com"
    return data


@pytest.mark.parametrize(
    ("province", "data", "expected"),
    [
        # domains_need_document — 四川 企业: "超过5个域名，主办单位需要提交加盖鲜章的情况说明" (tc-cn-sc).
        ("四川", _domains(organisation("四川"), 6), (FindingId.DOCUMENT_MISSING, BLOCKS, "tc-cn-sc")),
        ("四川", _domains(organisation("四川"), 5), None),
        (
            "四川",
            dict(_domains(organisation("四川"), 6), documents_ready=[*LETTERS, "sc_domain_statement"]),
            None,
        ),
        # 河南 (QingCloud, JD Cloud): "本次备案域名≥4个时需提供域名证书"; 4 domains in 4 websites
        # also pass 河南's five-domain limit for organisations.
        ("河南", _domains(organisation("河南"), 4), (FindingId.DOCUMENT_MISSING, BLOCKS, "q-cn-ha")),
        ("河南", _domains(organisation("河南"), 3), None),
    ],
)
def test_domains_need_document(province: str, data: dict[str, Any], expected: Expected) -> None:
    check(province, data, FindingId.DOCUMENT_MISSING, expected)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # certificate_local — 云南 企业: "必须是本省证件地址" (tc-cn-yn).
        (
            dict(organisation("云南"), certificate_province="四川"),
            (FindingId.CERTIFICATE_NOT_LOCAL, BLOCKS, "tc-cn-yn"),
        ),
        (dict(organisation("云南"), certificate_province="云南"), None),
        (organisation("云南"), (FindingId.CERTIFICATE_NOT_LOCAL, CHECK, "tc-cn-yn")),  # not given
        (dict(person("云南"), certificate_province="四川"), None),  # the 企业 tab only
    ],
)
def test_certificate_local(data: dict[str, Any], expected: Expected) -> None:
    check("云南", data, FindingId.CERTIFICATE_NOT_LOCAL, expected)


# --- bilingual check notes -----------------------------------------------------------


def test_a_check_note_in_one_language_is_a_data_problem(data_text: str) -> None:
    old = 'note = { zh = "青云和京东云都只在单位（企业）规则中列出。", en = '
    text = replace_once(data_text, old, 'note = { zh = "", en = ')
    with pytest.raises(
        bp.PolicyDataError, match=r"checks\[\d+\]\.note: needs both Chinese \(zh\) and English \(en\) text"
    ):
        bp.loads_policy(text, origin="edited.toml")


def test_a_plain_string_check_note_is_refused(data_text: str) -> None:
    english = "Which of the two Tencent versions is newer could not be established."
    old = f'note = {{ zh = "两个腾讯云版本的先后无法确定。", en = "{english}" }}'
    text = replace_once(data_text, old, f'note = "{english}"')
    with pytest.raises(bp.PolicyDataError, match=r"checks\[\d+\]\.note"):
        bp.loads_policy(text, origin="edited.toml")


def test_a_dispute_speaks_each_language() -> None:
    # 宁夏 个人 (tc-cn-nx) accepts a lease; QingCloud "非本省身份证不能进行个人备案".
    [finding] = found("宁夏", person("北京"), FindingId.ID_NOT_LOCAL)
    assert "外省个人不能备案" in finding.text.zh
    assert "Non-local individuals cannot file" in finding.text.en
    assert "Non-local" not in finding.text.zh

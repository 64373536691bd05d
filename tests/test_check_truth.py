"""Preflight checks: which subject kinds each one concerns, pinned by hand from the reference.

A check's scope is part of the rule: a check for organisations must not be asked of a
person. Many check kinds carry their scope in what they are about, as the reference
words them (``shared/reference/provinces.md``, §1 "other notable" and the §2 "4. Other"
lines; the national domain rules of §3):

- a legal representative (法定代表人) and a letter of authorisation for a 负责人 who is not
  the legal representative (授权书) exist only for a unit: "主体负责人必须是法定代表人",
  "网站负责人 not 法人 → 授权书", "主体负责人 not 法人 → 主体负责人授权书";
- "域名所有者须与主办单位名称或法定代表人一致" (a domain held by the unit or by its legal
  representative) and "域名所有者须与主办单位名称一致" (held by the unit, not by its legal
  representative) choose between a unit and its legal representative; for a person §3
  says the domain holder is the filer ("个人: 负责人 = 域名所有者");
- "个人 must use 本省 ID", "个人 non-local → must use 河北 phone", 福建 个人
  "仅支持使用居民身份证进行备案": rules about a person's identity card;
- 云南 企业 "必须是本省证件地址": a unit's certificate.

Expected values are typed here from those lines, never read off the data or the code.
"""

from __future__ import annotations

import pytest

import beian_policy as bp

ORG, IND = "organisation", "individual"

KIND_SCOPE: dict[str, frozenset[str]] = {
    "subject_owner_legal_representative": frozenset({ORG}),
    "website_owner_authorisation": frozenset({ORG}),
    "subject_owner_authorisation": frozenset({ORG}),
    "registrant_legal_representative_accepted": frozenset({ORG}),
    "registrant_subject_only": frozenset({ORG}),
    "certificate_local": frozenset({ORG}),
    "id_local": frozenset({IND}),
    "resident_id_only": frozenset({IND}),
    "phone_local_if_id_elsewhere": frozenset({IND}),
}


def _checks(code: str) -> tuple[bp.model.ProvinceCheck, ...]:
    return bp.default_policy().rules_for(bp.resolve_province(code)).checks


@pytest.mark.parametrize("kind", sorted(KIND_SCOPE))
def test_a_check_kind_concerns_its_subject_kind_only(kind: str) -> None:
    found = [(p.code, c) for p in bp.provinces() for c in _checks(p.code) if c.kind.value == kind]
    assert found, f"no province has a {kind} check"
    for code, check in found:
        assert {k.value for k in check.applies_to} == KIND_SCOPE[kind], (code, kind)


# (province, check kind, value, subject kinds, every source in order, the one that states
# it first), each read off the province's §2 "4. Other" line (Tencent's current page, TC,
# unless the line names QingCloud, Q, or JD Cloud, J), or the §1 row where it brackets
# sources. Where the reference names several providers for one check, every one is cited:
# 辽宁 J and Q; 江苏 J and Q; 广西 Q and J; 湖南 Q, J and Huawei's summary (h-guanju); 甘肃
# companies Q and J; 河南's domain certificates Q and J; 重庆 个人 ID "(T17; Q; J)"; 湖北 one
# domain per application (Q; J). Minimum ages are pinned by MIN_AGES below, with their
# claims. Checks whose wording or scope the reference leaves open are left out.
CheckClaim = tuple[str, int | None, bool | None]
SOURCES: list[tuple[str, str, int | None, frozenset[str], tuple[str, ...], frozenset[CheckClaim]]] = [
    # "主体负责人必须是法定代表人" / "主体负责人 = 法定代表人" (企业), TC.
    ("CN-TJ", "subject_owner_legal_representative", None, frozenset({ORG}), ("tc-cn-tj",), frozenset()),
    ("CN-HE", "subject_owner_legal_representative", None, frozenset({ORG}), ("tc-cn-he",), frozenset()),
    ("CN-NM", "subject_owner_legal_representative", None, frozenset({ORG}), ("tc-cn-nm",), frozenset()),
    ("CN-ZJ", "subject_owner_legal_representative", None, frozenset({ORG}), ("tc-cn-zj",), frozenset()),
    ("CN-FJ", "subject_owner_legal_representative", None, frozenset({ORG}), ("tc-cn-fj",), frozenset()),
    ("CN-JX", "subject_owner_legal_representative", None, frozenset({ORG}), ("tc-cn-jx",), frozenset()),
    ("CN-SD", "subject_owner_legal_representative", None, frozenset({ORG}), ("tc-cn-sd",), frozenset()),
    ("CN-HB", "subject_owner_legal_representative", None, frozenset({ORG}), ("tc-cn-hb",), frozenset()),
    ("CN-GZ", "subject_owner_legal_representative", None, frozenset({ORG}), ("tc-cn-gz",), frozenset()),
    ("CN-YN", "subject_owner_legal_representative", None, frozenset({ORG}), ("tc-cn-yn",), frozenset()),
    ("CN-XZ", "subject_owner_legal_representative", None, frozenset({ORG}), ("tc-cn-xz",), frozenset()),
    ("CN-NX", "subject_owner_legal_representative", None, frozenset({ORG}), ("tc-cn-nx",), frozenset()),
    ("CN-XJ", "subject_owner_legal_representative", None, frozenset({ORG}), ("tc-cn-xj",), frozenset()),
    # Read off the page, not the reference: 重庆管局要求.md@4e4812f (tencentyun/qcloud-documents
    # …/西南各省管局要求/), 企业备案 tab "主体负责人必须是法定代表人".
    ("CN-CQ", "subject_owner_legal_representative", None, frozenset({ORG}), ("tc-cn-cq",), frozenset()),
    # "域名所有者须与主办单位名称或法定代表人一致" (上海: 公司全称 or 法定代表人), TC.
    ("CN-BJ", "registrant_legal_representative_accepted", None, frozenset({ORG}), ("tc-cn-bj",), frozenset()),
    ("CN-HE", "registrant_legal_representative_accepted", None, frozenset({ORG}), ("tc-cn-he",), frozenset()),
    ("CN-SX", "registrant_legal_representative_accepted", None, frozenset({ORG}), ("tc-cn-sx",), frozenset()),
    ("CN-SH", "registrant_legal_representative_accepted", None, frozenset({ORG}), ("tc-cn-sh",), frozenset()),
    ("CN-HB", "registrant_legal_representative_accepted", None, frozenset({ORG}), ("tc-cn-hb",), frozenset()),
    ("CN-CQ", "registrant_legal_representative_accepted", None, frozenset({ORG}), ("tc-cn-cq",), frozenset()),
    ("CN-SC", "registrant_legal_representative_accepted", None, frozenset({ORG}), ("tc-cn-sc",), frozenset()),
    ("CN-GZ", "registrant_legal_representative_accepted", None, frozenset({ORG}), ("tc-cn-gz",), frozenset()),
    ("CN-GS", "registrant_legal_representative_accepted", None, frozenset({ORG}), ("tc-cn-gs",), frozenset()),
    # "域名所有者须与主办单位名称一致" / "域名所有者需为单位全称", TC.
    ("CN-JL", "registrant_subject_only", None, frozenset({ORG}), ("tc-cn-jl",), frozenset()),
    ("CN-FJ", "registrant_subject_only", None, frozenset({ORG}), ("tc-cn-fj",), frozenset()),
    ("CN-HN", "registrant_subject_only", None, frozenset({ORG}), ("tc-cn-hn",), frozenset()),
    ("CN-XZ", "registrant_subject_only", None, frozenset({ORG}), ("tc-cn-xz",), frozenset()),
    ("CN-QH", "registrant_subject_only", None, frozenset({ORG}), ("tc-cn-qh",), frozenset()),
    (
        "CN-NX",
        "registrant_subject_only",
        None,
        frozenset({ORG}),
        ("tc-cn-nx",),
        frozenset({("h-guanju", None, True)}),
    ),
    # 网站负责人 not 法人 -> 授权书 (上海: its 网站负责人授权书 template), TC.
    ("CN-TJ", "website_owner_authorisation", None, frozenset({ORG}), ("tc-cn-tj",), frozenset()),
    (
        "CN-SH",
        "website_owner_authorisation",
        None,
        frozenset({ORG}),
        ("tc-cn-sh",),
        frozenset({("j-cn-sh", None, True)}),
    ),
    ("CN-AH", "website_owner_authorisation", None, frozenset({ORG}), ("tc-cn-ah",), frozenset()),
    (
        "CN-HB",
        "website_owner_authorisation",
        None,
        frozenset({ORG}),
        ("tc-cn-hb",),
        frozenset({("q-cn-hb", None, True), ("j-cn-hb", None, True)}),
    ),
    ("CN-GZ", "website_owner_authorisation", None, frozenset({ORG}), ("tc-cn-gz",), frozenset()),
    ("CN-NX", "website_owner_authorisation", None, frozenset({ORG}), ("tc-cn-nx",), frozenset()),
    # 主体负责人 not 法人 -> 主体负责人授权书, TC.
    ("CN-JL", "subject_owner_authorisation", None, frozenset({ORG}), ("tc-cn-jl",), frozenset()),
    ("CN-AH", "subject_owner_authorisation", None, frozenset({ORG}), ("tc-cn-ah",), frozenset()),
    ("CN-GS", "subject_owner_authorisation", None, frozenset({ORG}), ("tc-cn-gs",), frozenset()),
    # 个人: an identity card of the province (TC), or not accepted from elsewhere (Q's
    # 河北 line; 重庆 "(T17; Q; J)" in §1).
    ("CN-SX", "id_local", None, frozenset({IND}), ("tc-cn-sx",), frozenset({("q-cn-sx", None, True)})),
    ("CN-HL", "id_local", None, frozenset({IND}), ("tc-cn-hl",), frozenset({("j-cn-hl", None, True)})),
    ("CN-HA", "id_local", None, frozenset({IND}), ("tc-cn-ha",), frozenset({("q-cn-ha", None, True)})),
    (
        "CN-GS",
        "id_local",
        None,
        frozenset({IND}),
        ("tc-cn-gs",),
        frozenset({("q-cn-gs", None, True), ("j-cn-gs", None, True)}),
    ),
    ("CN-QH", "id_local", None, frozenset({IND}), ("tc-cn-qh",), frozenset()),
    ("CN-XJ", "id_local", None, frozenset({IND}), ("tc-cn-xj",), frozenset()),
    ("CN-HE", "id_local", None, frozenset({IND}), ("q-cn-he",), frozenset()),
    ("CN-CQ", "id_local", None, frozenset({IND}), ("q-cn-cq", "j-cn-cq"), frozenset()),
    # 个人 from another province: a proof of residence (TC): 吉林 "证件地址非本省需要上传居住
    # 证明"; 上海 "有效期大于1个月的居住证…"; 江苏 居住证/产权证; 浙江, 安徽, 福建, 湖北, 贵州
    # 居住证明; 山东 居住证/暂住证/社保/购房合同; 广东 "外省户籍个人备案…可以提供房产证/社保证明/
    # 暂住证/居住证"; 四川 proof of study, life or work in 四川; 云南 (L allows 居住证); 宁夏
    # (TC accepts a lease of a year or more, or a purchase).
    ("CN-JL", "id_local", None, frozenset({IND}), ("tc-cn-jl",), frozenset()),
    ("CN-SH", "id_local", None, frozenset({IND}), ("tc-cn-sh",), frozenset()),
    ("CN-JS", "id_local", None, frozenset({IND}), ("tc-cn-js",), frozenset()),
    ("CN-ZJ", "id_local", None, frozenset({IND}), ("tc-cn-zj",), frozenset()),
    ("CN-AH", "id_local", None, frozenset({IND}), ("tc-cn-ah",), frozenset({("q-cn-ah", None, True)})),
    ("CN-FJ", "id_local", None, frozenset({IND}), ("tc-cn-fj",), frozenset()),
    ("CN-SD", "id_local", None, frozenset({IND}), ("tc-cn-sd",), frozenset()),
    ("CN-HB", "id_local", None, frozenset({IND}), ("tc-cn-hb",), frozenset()),
    ("CN-GD", "id_local", None, frozenset({IND}), ("tc-cn-gd",), frozenset()),
    ("CN-SC", "id_local", None, frozenset({IND}), ("tc-cn-sc",), frozenset()),
    ("CN-GZ", "id_local", None, frozenset({IND}), ("tc-cn-gz",), frozenset()),
    (
        "CN-YN",
        "id_local",
        None,
        frozenset({IND}),
        ("tc-cn-yn",),
        frozenset({("tc-cn-yn-a", None, False), ("j-cn-yn", None, False)}),
    ),
    (
        "CN-NX",
        "id_local",
        None,
        frozenset({IND}),
        ("tc-cn-nx",),
        frozenset({("q-cn-nx", None, False), ("j-cn-nx", None, False), ("h-guanju", None, False)}),
    ),
    ("CN-FJ", "resident_id_only", None, frozenset({IND}), ("tc-cn-fj",), frozenset()),
    ("CN-HE", "phone_local_if_id_elsewhere", None, frozenset({IND}), ("tc-cn-he",), frozenset()),
    ("CN-YN", "certificate_local", None, frozenset({ORG}), ("tc-cn-yn",), frozenset()),
    # Numbers per order: 湖南 "每次只能备案1个网站/域名"; 河南 "单位备案一次不得超过5个域名"
    # (TC) and J "每次备案只允许提交一个域名"; 湖北 one domain per application (Q; J).
    ("CN-HA", "domains_per_order", 5, frozenset({ORG}), ("tc-cn-ha",), frozenset({("j-cn-ha", 1, None)})),
    ("CN-HB", "domains_per_order", 1, frozenset({ORG, IND}), ("q-cn-hb", "j-cn-hb"), frozenset()),
    # 河南: domain certificates from four domains on (J "域名 ≥4 → 域名证书").
    ("CN-HA", "domains_need_document", 3, frozenset({ORG, IND}), ("q-cn-ha", "j-cn-ha"), frozenset()),
    # 上海 "身份证有效期必须3个月以上" (TC; no subject kind named).
    ("CN-SH", "id_min_days", 90, frozenset({ORG, IND}), ("tc-cn-sh",), frozenset({("q-cn-sh", None, True)})),
    # 浙江管局备案要求.md@b88154c, 企业备案 tab only: "主办单位证件及负责人证件有效期均需大于3个月"
    # (read at the commit; the 个人备案 tab has no such line).
    ("CN-ZJ", "id_min_days", 90, frozenset({ORG}), ("tc-cn-zj",), frozenset()),
    # Local phone numbers, from the §2 "Phone:" items: 甘肃 个人 "负责人联系方式归属地必须为
    # 甘肃省" (TC), Q/J all 负责人 phones 甘肃; 天津 J "必须使用本地手机号码进行备案"; 山西 Q
    # "负责人手机号码需为本省号码" (企业: 若非本省需备注原因, so people only); 辽宁 J "所有手机号码
    # 必须为辽宁本地号段"; 黑龙江 J "本地号段号码"; 安徽, 河南, 四川 Q "需为本省号码" / "必须为
    # 河南省当地号码"; 湖南 "Q/J/T17/H: phone must be 湖南"; 陕西 TC-L 个人 "负责人联系方式
    # 归属地必须为本省" and J "所有上报的手机号码均需陕西号段"; 新疆 TC "负责人联系方式归属地必须
    # 为本自治区".
    (
        "CN-GS",
        "phone_local",
        None,
        frozenset({IND}),
        ("tc-cn-gs",),
        frozenset({("q-cn-gs", None, True), ("j-cn-gs", None, True)}),
    ),
    ("CN-GS", "phone_local", None, frozenset({ORG}), ("q-cn-gs", "j-cn-gs"), frozenset()),
    ("CN-TJ", "phone_local", None, frozenset({ORG, IND}), ("j-cn-tj",), frozenset()),
    ("CN-SX", "phone_local", None, frozenset({IND}), ("q-cn-sx",), frozenset()),
    (
        "CN-LN",
        "phone_local",
        None,
        frozenset({ORG, IND}),
        ("j-cn-ln", "q-cn-ln"),
        frozenset({("tc-cn-ln", None, False)}),
    ),
    ("CN-HL", "phone_local", None, frozenset({ORG, IND}), ("j-cn-hl",), frozenset()),
    ("CN-AH", "phone_local", None, frozenset({ORG, IND}), ("q-cn-ah",), frozenset()),
    ("CN-HA", "phone_local", None, frozenset({ORG, IND}), ("q-cn-ha",), frozenset()),
    ("CN-SC", "phone_local", None, frozenset({ORG, IND}), ("q-cn-sc",), frozenset()),
    ("CN-HN", "phone_local", None, frozenset({ORG, IND}), ("q-cn-hn", "j-cn-hn", "h-guanju"), frozenset()),
    (
        "CN-SN",
        "phone_local",
        None,
        frozenset({IND}),
        ("tc-cn-sn",),
        frozenset({("q-cn-sn", None, True), ("j-cn-sn", None, True)}),
    ),
    (
        "CN-SN",
        "phone_local",
        None,
        frozenset({ORG}),
        ("j-cn-sn",),
        frozenset({("tc-cn-sn-a", None, True), ("q-cn-sn", None, False)}),
    ),
    ("CN-XJ", "phone_local", None, frozenset({ORG, IND}), ("tc-cn-xj",), frozenset()),
    # 河南 conflicts: domain owner TC-L "与主办单位名称或法定代表人一致" (TC-A: 主办单位名称 only).
    (
        "CN-HA",
        "registrant_legal_representative_accepted",
        None,
        frozenset({ORG}),
        ("tc-cn-ha",),
        frozenset({("tc-cn-ha-a", None, False)}),
    ),
    # Alibaba Cloud's 天津 and 四川 pages: "若域名设置了隐私保护，备案期间需关闭"
    # (providers-and-history §1.1, reachability and closure rules).
    ("CN-TJ", "privacy_protection_off", None, frozenset({ORG, IND}), ("a-cn-tj",), frozenset()),
    ("CN-SC", "privacy_protection_off", None, frozenset({ORG, IND}), ("a-cn-sc",), frozenset()),
    # Moved from the truth table's CHECKS (§1 "other notable"): 黑龙江 TC-L "≤4" websites per
    # order (企业), "≤2" (个人); 湖南 "每次只能备案1个网站/域名"; 河南 个人 one website per order
    # (L); 河南 企业 tab "ID validity ≥3 months"; 江苏 numbers (A; J; Q: J and Q cited, Alibaba's
    # 2019 page is archived); 广西 numbers (A; J; Q).
    ("CN-HL", "websites_per_order", 4, frozenset({ORG}), ("tc-cn-hl",), frozenset()),
    ("CN-HL", "websites_per_order", 2, frozenset({IND}), ("tc-cn-hl",), frozenset()),
    ("CN-HN", "websites_per_order", 1, frozenset({ORG, IND}), ("tc-cn-hn",), frozenset()),
    ("CN-HA", "websites_per_order", 1, frozenset({IND}), ("tc-cn-ha",), frozenset({("tc-cn-ha-a", 3, None)})),
    ("CN-HA", "id_min_days", 90, frozenset({ORG}), ("tc-cn-ha",), frozenset()),
    (
        "CN-JS",
        "phone_local",
        None,
        frozenset({ORG, IND}),
        ("j-cn-js", "q-cn-js"),
        frozenset({("tc-cn-js-a", None, True)}),
    ),
    (
        "CN-GX",
        "phone_local",
        None,
        frozenset({ORG, IND}),
        ("q-cn-gx", "j-cn-gx"),
        frozenset({("tc-cn-gx-a", None, True)}),
    ),
    # Read off the pages at the cited commits (tencentyun/qcloud-documents …/各省管局要求/…):
    # 内蒙古管局备案要求.md@4e4812f 个人 "证件地址必须为本省", 企业 "域名所有者须与主办单位名称或法定
    # 代表人一致"; QingCloud neimenggu.md@99c5d17 and JD Neimenggu.md@4ac681e accept a local
    # permit or proof of residence (they differ); Huawei's 备案管局咨询 "非本省身份证不支持备案".
    (
        "CN-NM",
        "id_local",
        None,
        frozenset({IND}),
        ("tc-cn-nm",),
        frozenset({("q-cn-nm", None, False), ("j-cn-nm", None, False), ("h-guanju", None, True)}),
    ),
    ("CN-NM", "registrant_legal_representative_accepted", None, frozenset({ORG}), ("tc-cn-nm",), frozenset()),
    # 黑龙江省管局要求.md@098f863 (tc-cn-hl-a), 企业备案: "网站负责人年龄不超过65岁".
    ("CN-HL", "max_age", 65, frozenset({ORG}), ("tc-cn-hl-a",), frozenset()),
    # QingCloud domain_check.md@c91b217 "上海地区备案：域名距离到期日期需大于180天" and shanghai.md
    # "域名证书有效期需在半年以上"; Tencent's 上海 page "域名有效期需3个月以上" (a claim of 90).
    (
        "CN-SH",
        "domain_min_days",
        180,
        frozenset({ORG, IND}),
        ("q-domain-check", "q-cn-sh"),
        frozenset({("tc-cn-sh", 90, None)}),
    ),
    # 江苏管局备案要求.md@1a421bc, 企业备案: "主体负责人及网站负责人非单位法定代表人，须提供法定代表人
    # 授权书".
    ("CN-JS", "subject_owner_authorisation", None, frozenset({ORG}), ("tc-cn-js",), frozenset()),
    ("CN-JS", "website_owner_authorisation", None, frozenset({ORG}), ("tc-cn-js",), frozenset()),
    # 福建管局备案要求.md@b88154c, 企业备案: "网站负责人非法定代表人需上传网站负责人授权书".
    ("CN-FJ", "website_owner_authorisation", None, frozenset({ORG}), ("tc-cn-fj",), frozenset()),
    # 江西管局备案要求.md@4e4812f, 个人备案: "证件地址必须为江西省"; JD "非江西身份证不受理个人备案"
    # agrees; QingCloud jiangxi.md@1f49b4b accepts a 江西 暂住证/居住证 and Huawei "支持跨省备案，
    # 必须提供本省份居住证" (they differ).
    (
        "CN-JX",
        "id_local",
        None,
        frozenset({IND}),
        ("tc-cn-jx",),
        frozenset({("j-cn-jx", None, True), ("q-cn-jx", None, False), ("h-guanju", None, False)}),
    ),
    # 河南省管局要求.md@e666433, 企业备案: "主体负责人必须是法定代表人"; QingCloud henan.md "主体负责人
    # 需填写法定代表人". JD Henan.md@452fb8c, 个人: "每次备案只允许提交一个域名".
    (
        "CN-HA",
        "subject_owner_legal_representative",
        None,
        frozenset({ORG}),
        ("tc-cn-ha",),
        frozenset({("q-cn-ha", None, True)}),
    ),
    ("CN-HA", "domains_per_order", 1, frozenset({IND}), ("j-cn-ha",), frozenset()),
    # 湖南管局备案要求.md@71db636, 企业备案: "主体负责人必须是法定代表人；网站负责人非法定代表人需
    # 上传网站负责人授权书".
    ("CN-HN", "subject_owner_legal_representative", None, frozenset({ORG}), ("tc-cn-hn",), frozenset()),
    ("CN-HN", "website_owner_authorisation", None, frozenset({ORG}), ("tc-cn-hn",), frozenset()),
    # 广西管局备案要求.md@32cdec9, 企业备案: "主体负责人必须是法定代表人"; "域名所有者须与主办单位
    # 名称或法定代表人一致".
    ("CN-GX", "registrant_legal_representative_accepted", None, frozenset({ORG}), ("tc-cn-gx",), frozenset()),
    ("CN-GX", "subject_owner_legal_representative", None, frozenset({ORG}), ("tc-cn-gx",), frozenset()),
    # 重庆管局要求.md@4e4812f, 企业备案: "网站负责人非法定代表人需上传网站负责人授权书".
    ("CN-CQ", "website_owner_authorisation", None, frozenset({ORG}), ("tc-cn-cq",), frozenset()),
    # 四川管局备案要求.md@ca8d1ef, 企业备案: "主体负责人非法定代表人需上传主体负责人授权书；网站负责人
    # 非法定代表人需上传网站负责人授权书"; "超过5个域名，主办单位需要提交加盖鲜章的情况说明"
    # (QingCloud sichuan.md, 企业用户, the same).
    ("CN-SC", "subject_owner_authorisation", None, frozenset({ORG}), ("tc-cn-sc",), frozenset()),
    ("CN-SC", "website_owner_authorisation", None, frozenset({ORG}), ("tc-cn-sc",), frozenset()),
    (
        "CN-SC",
        "domains_need_document",
        5,
        frozenset({ORG}),
        ("tc-cn-sc",),
        frozenset({("q-cn-sc", None, True)}),
    ),
    # 贵州管局备案要求.md@8974225, 企业备案: "一次性不能超过5个网站（最多一次性提5个）".
    ("CN-GZ", "websites_per_order", 5, frozenset({ORG}), ("tc-cn-gz",), frozenset()),
    # 陕西管局备案要求.md@3922063, 企业备案: "域名所有者须与主办单位名称或法定代表人一致"; "主体负责人
    # 必须是法定代表人" (JD Shanxi.md@473571f "主体负责人必须为法人", QingCloud sanxi.md "主体负责人应为
    # 法定代表人"); JD "网站负责人非法人时需提供网站负责人授权书".
    ("CN-SN", "registrant_legal_representative_accepted", None, frozenset({ORG}), ("tc-cn-sn",), frozenset()),
    (
        "CN-SN",
        "subject_owner_legal_representative",
        None,
        frozenset({ORG}),
        ("tc-cn-sn",),
        frozenset({("j-cn-sn", None, True), ("q-cn-sn", None, True)}),
    ),
    ("CN-SN", "website_owner_authorisation", None, frozenset({ORG}), ("j-cn-sn",), frozenset()),
    # QingCloud gansu.md@079f5c8 企业 "网站负责人不为法定代表人时，需要上传授权书"; JD Gansu.md "若网站
    # 负责人不是法人，提供法人授权委托书".
    ("CN-GS", "website_owner_authorisation", None, frozenset({ORG}), ("q-cn-gs", "j-cn-gs"), frozenset()),
]


@pytest.mark.parametrize(("code", "kind", "value", "kinds", "sources", "claims"), SOURCES)
def test_check_value_scope_sources_and_claims(
    code: str,
    kind: str,
    value: int | None,
    kinds: frozenset[str],
    sources: tuple[str, ...],
    claims: frozenset[CheckClaim],
) -> None:
    checks = [c for c in _checks(code) if c.kind.value == kind and {k.value for k in c.applies_to} == kinds]
    assert len(checks) == 1, [(c.kind.value, sorted(k.value for k in c.applies_to)) for c in _checks(code)]
    assert checks[0].value == value
    assert tuple(s.id for s in checks[0].sources) == sources
    assert {(c.source.id, c.value, c.holds) for c in checks[0].claims} == claims


def test_every_check_is_pinned() -> None:
    """Every check of every province is a row above, in DOCUMENTS below (by its document)
    or, for minimum ages, in MIN_AGES."""
    documents = {(code, document) for code, document, _, _ in DOCUMENTS}
    rows = {(code, kind, kinds) for code, kind, _, kinds, _, _ in SOURCES}
    for province in bp.provinces():
        for check in _checks(province.code):
            if check.kind.value == "min_age":
                continue
            if check.kind.value == "document":
                assert (province.code, check.document) in documents, (province.code, check.document)
                continue
            key = (province.code, check.kind.value, frozenset(k.value for k in check.applies_to))
            assert key in rows, key


# Documents a province asks for, by the document's name: 江苏's 真实性责任告知书 and
# 承诺书 with the owner's video (TC, §2 "materials", every filer); 上海's 承诺书 (Q "需要
# 上传“上海市互联网信息服务备案承诺书”", J "上海承诺书 (2020版)"); 湖北 J "企业 needs
# 《湖北备案电子商务说明》"; 广东's 单位 / 个人 承诺书 (TC).
DOCUMENTS: list[tuple[str, str, frozenset[str] | None, tuple[str, ...]]] = [
    ("CN-JS", "js_responsibility_notice", frozenset({ORG, IND}), ("tc-cn-js",)),
    ("CN-JS", "js_commitment", frozenset({ORG, IND}), ("tc-cn-js",)),
    ("CN-SH", "sh_commitment", None, ("q-cn-sh", "j-cn-sh")),  # the reference names no subject kind
    ("CN-HB", "hb_ecommerce_statement", frozenset({ORG}), ("j-cn-hb",)),
    ("CN-GD", "gd_commitment", frozenset({ORG, IND}), ("tc-cn-gd",)),
]


@pytest.mark.parametrize(("code", "document", "kinds", "sources"), DOCUMENTS)
def test_document_scope_and_sources(
    code: str, document: str, kinds: frozenset[str] | None, sources: tuple[str, ...]
) -> None:
    (check,) = [c for c in _checks(code) if c.document == document]
    if kinds is not None:
        assert {k.value for k in check.applies_to} == kinds
    assert tuple(s.id for s in check.sources) == sources


# Minimum ages, each read off its primary page at the commit data/provinces.toml names
# (Tencent Cloud's province pages unless said otherwise; "…/X.md" is
# product/域名与网站/网站备案/备案准备/各省管局要求/<region>/X.md in tencentyun/qcloud-documents).
# A rule on the 企业备案 tab covers organisations, on the 个人备案 tab individuals; a
# tab with no age (or only a guardian's consent under 18) adds no scope. Each row:
# (province, age, subject kinds, every source in order, the claims as (source, value,
# holds)). 16 with "16至18岁需证明" counts as 16, the age below which no filing is taken.
MinAgeClaim = tuple[str, int | None, bool | None]
MIN_AGES: list[tuple[str, int, frozenset[str], tuple[str, ...], frozenset[MinAgeClaim]]] = [
    # 北京管局要求.md@e5166db: 企业 "企业负责人未满18岁不能进行备案"; 个人 "负责人需年满18周岁".
    ("CN-BJ", 18, frozenset({ORG, IND}), ("tc-cn-bj",), frozenset()),
    # 河北管局备案要求.md@ffc5955: 企业 and 个人 "负责人需年满18周岁".
    ("CN-HE", 18, frozenset({ORG, IND}), ("tc-cn-he",), frozenset()),
    # 山西管局备案要求.md@e5166db: 企业 and 个人 "负责人需年满18周岁".
    ("CN-SX", 18, frozenset({ORG, IND}), ("tc-cn-sx",), frozenset()),
    # 内蒙古管局备案要求.md@4e4812f: 企业 and 个人 "负责人需年满18周岁".
    ("CN-NM", 18, frozenset({ORG, IND}), ("tc-cn-nm",), frozenset()),
    # 辽宁省管局要求.md@1ff437c: 企业 and 个人 "负责人需年满18周岁"; the other version
    # @136dd2f (tc-cn-ln-a), both tabs: "负责人年龄已满16周岁不满18周岁的，需要提供…收入证明或工作证明".
    ("CN-LN", 18, frozenset({ORG, IND}), ("tc-cn-ln",), frozenset({("tc-cn-ln-a", 16, None)})),
    # 黑龙江省管局要求.md@6eb0d1e: 企业 and 个人 "负责人需年满18周岁"; @098f863 (tc-cn-hl-a)
    # 企业 the same, 个人 "负责人需年满18周岁。16 - 18岁需提供有效收入证明或者工作证明"; JD
    # (zhangkai263/cn …/Heilongjiang.md@5d696cd) 单位 "主体负责人为法人，未满18周岁不得备案",
    # its 个人 rules name no age.
    ("CN-HL", 18, frozenset({ORG}), ("tc-cn-hl", "tc-cn-hl-a", "j-cn-hl"), frozenset()),
    ("CN-HL", 18, frozenset({IND}), ("tc-cn-hl",), frozenset({("tc-cn-hl-a", 16, None)})),
    # 上海管局备案要求.md@78ae521: 企业 "负责人需年满18周岁"; 个人 "个人备案需年满18周岁".
    ("CN-SH", 18, frozenset({ORG, IND}), ("tc-cn-sh",), frozenset()),
    # 江苏管局备案要求.md@1a421bc: 企业 "负责人需年满18周岁"; 个人 "已满16周岁不满18周岁个人
    # 备案，需要提供劳动就业或收入证明，不满16周岁不能申请备案".
    ("CN-JS", 18, frozenset({ORG}), ("tc-cn-js",), frozenset()),
    ("CN-JS", 16, frozenset({IND}), ("tc-cn-js",), frozenset()),
    # 浙江管局备案要求.md@b88154c: 企业 "主体负责人必须年满18周岁，不接受授权书"; 个人 "必须年满18周岁".
    ("CN-ZJ", 18, frozenset({ORG, IND}), ("tc-cn-zj",), frozenset()),
    # 安徽省管局要求.md@d397354: 企业 "负责人需年满18周岁"; 个人 only "个人未满18周岁备案，需要
    # 上传监护人身份证正反面与监护人知情书" (no minimum).
    ("CN-AH", 18, frozenset({ORG}), ("tc-cn-ah",), frozenset()),
    # 江西管局备案要求.md@4e4812f: 个人 "负责人需年满16周岁"; the 企业 tab names no age.
    ("CN-JX", 16, frozenset({IND}), ("tc-cn-jx",), frozenset()),
    # 河南省管局要求.md@e666433: 企业 "负责人需年满18周岁"; 个人 only "个人未满18周岁备案，需要
    # 同时上传监护人身份证". QingCloud henan.md@3094343 企业用户 "负责人未满十八周岁不能备案".
    ("CN-HA", 18, frozenset({ORG}), ("tc-cn-ha",), frozenset({("q-cn-ha", None, True)})),
    # 湖北管局备案要求.md@e8ec8d4: 企业 and 个人 "负责人需年满18周岁".
    ("CN-HB", 18, frozenset({ORG, IND}), ("tc-cn-hb",), frozenset()),
    # 湖南管局备案要求.md@71db636: 企业 and 个人 "负责人需年满18周岁".
    ("CN-HN", 18, frozenset({ORG, IND}), ("tc-cn-hn",), frozenset()),
    # 广东省管局要求.md@1a421bc: 企业 "企业备案负责人，需年满16周岁，需提供就业证明"; 个人 only
    # "未满18周岁需提供就业证明才可备案" (no minimum).
    ("CN-GD", 16, frozenset({ORG}), ("tc-cn-gd",), frozenset()),
    # 广西管局备案要求.md@32cdec9: 企业 and 个人 "负责人需年满18周岁".
    ("CN-GX", 18, frozenset({ORG, IND}), ("tc-cn-gx",), frozenset()),
    # 海南管局备案要求.md@2666098: 企业 and 个人 "负责人需年满16周岁".
    ("CN-HI", 16, frozenset({ORG, IND}), ("tc-cn-hi",), frozenset()),
    # 重庆管局要求.md@4e4812f: 个人 "负责人未满16周岁不得备案，负责人未满18周岁需提供就业证明或
    # 收入证明"; the 企业 tab names no age.
    ("CN-CQ", 16, frozenset({IND}), ("tc-cn-cq",), frozenset()),
    # 四川管局备案要求.md@ca8d1ef: 个人 "负责人需年满16周岁"; 企业 "负责人需年满18周岁".
    # 18 for 个人: QingCloud sichuan.md@3094343 个人用户 "未满十八周岁不能备案"; JD
    # (zhangkai263/cn …/Sichuan.md@7f9d871) "未满18周岁不得备案"; Tencent's older overview
    # (各省管局要求.md@0f7b236, 四川 tab, 个人备案) "负责人需年满18周岁"; Alibaba
    # (alipannu12121/icp …/四川备案规则.md@5b49ebf) 个人用户 "未满十八周岁不能备案".
    # QingCloud's 企业用户: "负责人未满十八周岁不能备案".
    (
        "CN-SC",
        16,
        frozenset({IND}),
        ("tc-cn-sc",),
        frozenset(
            {("q-cn-sc", 18, None), ("j-cn-sc", 18, None), ("tc-overview-a", 18, None), ("a-cn-sc", 18, None)}
        ),
    ),
    ("CN-SC", 18, frozenset({ORG}), ("tc-cn-sc",), frozenset({("q-cn-sc", None, True)})),
    # 贵州管局备案要求.md@8974225: 企业 and 个人 "负责人需年满18周岁".
    ("CN-GZ", 18, frozenset({ORG, IND}), ("tc-cn-gz",), frozenset()),
    # 云南管局备案要求.md@152ce3d: 企业 and 个人 "负责人未满16周岁不得备案".
    ("CN-YN", 16, frozenset({ORG, IND}), ("tc-cn-yn",), frozenset()),
    # 西藏管局备案要求.md@c01775e: 企业 "负责人需年满18周岁"; the 个人 tab names no age.
    ("CN-XZ", 18, frozenset({ORG}), ("tc-cn-xz",), frozenset()),
    # 陕西管局备案要求.md@3922063: 企业 "负责人需年满18周岁"; the 个人 tab names no age.
    ("CN-SN", 18, frozenset({ORG}), ("tc-cn-sn",), frozenset()),
    # 甘肃省管局要求.md@1b16bbc: 企业 and 个人 "负责人需年满18周岁".
    ("CN-GS", 18, frozenset({ORG, IND}), ("tc-cn-gs",), frozenset()),
    # 青海管局备案要求.md@71db636: 企业 "负责人需年满18周岁"; 个人 "负责人需年满18周岁，22岁以下
    # 必须提供有效的学习证明或者工作证明".
    ("CN-QH", 18, frozenset({ORG, IND}), ("tc-cn-qh",), frozenset()),
    # 宁夏管局备案要求.md@c01775e: 企业 and 个人 "负责人需年满18周岁".
    ("CN-NX", 18, frozenset({ORG, IND}), ("tc-cn-nx",), frozenset()),
    # 新疆管局备案要求.md@78ae521: 企业 and 个人 "负责人需年满18周岁".
    ("CN-XJ", 18, frozenset({ORG, IND}), ("tc-cn-xj",), frozenset()),
]


@pytest.mark.parametrize(("code", "age", "kinds", "sources", "claims"), MIN_AGES)
def test_min_age_value_scope_sources_and_claims(
    code: str, age: int, kinds: frozenset[str], sources: tuple[str, ...], claims: frozenset[MinAgeClaim]
) -> None:
    checks = [
        c for c in _checks(code) if c.kind.value == "min_age" and {k.value for k in c.applies_to} == kinds
    ]
    assert len(checks) == 1, [
        sorted(k.value for k in c.applies_to) for c in _checks(code) if c.kind.value == "min_age"
    ]
    (check,) = checks
    assert check.value == age
    assert tuple(s.id for s in check.sources) == sources
    assert {(c.source.id, c.value, c.holds) for c in check.claims} == claims


def test_every_min_age_check_is_pinned() -> None:
    found = sorted(
        (p.code, tuple(sorted(k.value for k in c.applies_to)))
        for p in bp.provinces()
        for c in _checks(p.code)
        if c.kind.value == "min_age"
    )
    assert found == sorted((code, tuple(sorted(kinds))) for code, _, kinds, _, _ in MIN_AGES)


# Province requirements, each read off its Tencent page at the commit data/provinces.toml
# names (tencentyun/qcloud-documents, …/各省管局要求/<region>/X.md); a line on the 企业备案
# tab only concerns organisations, a line on both tabs both kinds:
# (province, id, trigger, subject kinds, sources in order, the step it adds).
REQUIREMENTS: list[tuple[str, str, str, frozenset[str], list[str], str | None]] = [
    # 北京管局要求.md@e5166db, 企业备案 tab only, 变更相关: "同一个主体下只能有一个备案号，存在多个
    # 备案号的，必须要先去注销其中一个，再提交接入、新增网站备案".
    (
        "CN-BJ",
        "one_filing_per_subject",
        "has_extra_filings",
        frozenset({ORG}),
        ["tc-cn-bj"],
        "cancel_extra_filings",
    ),
    # Both tabs, 接入备案相关: "境外域名需要转入国内注册商后再进行接入备案".
    (
        "CN-BJ",
        "overseas_domain_to_domestic_registrar",
        "domain_registered_overseas",
        frozenset({ORG, IND}),
        ["tc-cn-bj"],
        "move_domain_to_domestic_registrar",
    ),
    # 企业备案 tab only: "先接入后变更，涉及新老证件或者主体更名需提供更名函".
    ("CN-BJ", "rename_letter", "changes", frozenset({ORG}), ["tc-cn-bj"], "prepare_rename_letter"),
    # 天津管局备案要求.md@71db636, 企业备案 tab only, 主体特殊要求相关: "同一个主体下只能有一个备案，
    # 存在多个备案号的，必须要先去注销其中一个，再提交接入、新增网站备案" (the 个人备案 tab has no
    # such line).
    (
        "CN-TJ",
        "one_filing_per_subject",
        "has_extra_filings",
        frozenset({ORG}),
        ["tc-cn-tj"],
        "cancel_extra_filings",
    ),
    # 湖南管局备案要求.md@71db636. Both tabs, 变更相关: "无腾讯云主体的新增接入和新增网站，备案的
    # 信息一定要跟原备案信息一致".
    (
        "CN-HN",
        "subject_must_match_when_adding_website",
        "adding_website",
        frozenset({ORG, IND}),
        ["tc-cn-hn"],
        None,
    ),
    # 企业备案 tab only, 域名相关: "不接受境外注册的域名备案" (the 个人备案 tab's 域名相关 has only
    # the domain certificate and the IP lines).
    (
        "CN-HN",
        "overseas_domain_not_accepted",
        "domain_registered_overseas",
        frozenset({ORG}),
        ["tc-cn-hn"],
        "move_domain_to_domestic_registrar",
    ),
    # Both tabs, 域名相关: "每个域名都必须提供域名证书".
    (
        "CN-HN",
        "domain_certificate_for_every_domain",
        "always",
        frozenset({ORG, IND}),
        ["tc-cn-hn"],
        "prepare_domain_certificate",
    ),
    # 河北管局备案要求.md@ffc5955, 企业备案 tab only, 备案云服务相关: "接入备案每个网站备案订单关联
    # 备案云服务资源大于1的，需提供纸质版使用说明，并加盖公章".
    (
        "CN-HE",
        "usage_statement_for_multiple_resources",
        "multiple_cloud_resources",
        frozenset({ORG}),
        ["tc-cn-he"],
        "prepare_usage_statement",
    ),
    # 内蒙古管局备案要求.md@4e4812f, 个人备案 tab only: "需提供域名证书（首次备案、新增网站、接入
    # 备案、变更备案、变更网站）".
    (
        "CN-NM",
        "domain_certificate_for_individuals",
        "always",
        frozenset({IND}),
        ["tc-cn-nm"],
        "prepare_domain_certificate",
    ),
    # 四川管局备案要求.md@ca8d1ef, both tabs, 变更相关: "无腾讯云主体的新增网站和新增接入，新信息和
    # 之前的信息必须一致，如不一致，需先去原接入商变更为新信息".
    (
        "CN-SC",
        "subject_must_match_when_adding_website",
        "adding_website",
        frozenset({ORG, IND}),
        ["tc-cn-sc"],
        None,
    ),
    # 陕西管局备案要求.md@3922063, 企业备案 tab only: "提交新增网站需要先找原接入商变更正确主体信息
    # 后再提交新增" (the 个人备案 tab has no 变更相关 section).
    (
        "CN-SN",
        "subject_must_match_when_adding_website",
        "adding_website",
        frozenset({ORG}),
        ["tc-cn-sn"],
        None,
    ),
    # 新疆管局备案要求.md@78ae521, both tabs: "除注销主体、注销网站、取消接入备案、不涉及域名变动的
    # 变更类备案外均需提供党建确认函，不区分备案时间"; the older version @1418f3d (tc-cn-xj-a, a
    # claim): "2019年之后备案成功的进行接入备案需要提供党建证明".
    (
        "CN-XJ",
        "party_building_letter",
        "always",
        frozenset({ORG, IND}),
        ["tc-cn-xj"],
        "obtain_party_building_letter",
    ),
]


@pytest.mark.parametrize("code", sorted({row[0] for row in REQUIREMENTS}))
def test_province_requirements_trigger_scope_sources_and_step(code: str) -> None:
    found = {
        q.id: (q.trigger.value, {k.value for k in q.applies_to}, [s.id for s in q.sources], q.step)
        for q in bp.default_policy().rules_for(bp.resolve_province(code)).requirements
    }
    assert found == {
        rid: (trigger, set(kinds), sources, step)
        for province, rid, trigger, kinds, sources, step in REQUIREMENTS
        if province == code
    }


def test_every_province_requirement_is_pinned() -> None:
    having = {p.code for p in bp.provinces() if bp.default_policy().rules_for(p).requirements}
    assert having == {row[0] for row in REQUIREMENTS}


def test_xinjiang_older_page_is_a_claim_on_the_party_building_letter() -> None:
    """新疆管局备案要求.md@1418f3d (tc-cn-xj-a) asks for the letter on transfers of filings
    approved after 2019 only: kept as a claim beside the current page, never its source."""
    rules = bp.default_policy().rules_for(bp.resolve_province("新疆"))
    (letter,) = [q for q in rules.requirements if q.id == "party_building_letter"]
    assert [(c.source.id, c.value) for c in letter.claims] == [("tc-cn-xj-a", True)]


def test_beijing_rename_letter_follows_a_rename_or_a_new_certificate() -> None:
    """北京管局要求.md@e5166db, 企业备案 tab: "涉及新老证件或者主体更名需提供更名函": the
    subject's name or its certificate, nothing else."""
    rules = bp.default_policy().rules_for(bp.resolve_province("北京"))
    (letter,) = [q for q in rules.requirements if q.id == "rename_letter"]
    assert {c.value for c in letter.when_changes} == {"subject_name", "subject_certificate"}

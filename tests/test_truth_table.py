"""The truth table: decisions per province, pinned by hand outside the data file.

Every row is read off the reference dossier (``shared/reference/provinces.md``, §1 and
the §2 section of the province, §5 for the conflicts), never off the data or the code:
the change and subject kind asked about, the timing the province's page gives
(``before``: change at the original provider first; ``after``: transfer first, change
afterwards), the deadline it sets, the source id that decides (Tencent's current
province page ``tc-cn-xx`` where it speaks; QingCloud ``q-cn-xx`` where Tencent is
silent), and the providers whose current pages say otherwise (the dispute).

The worked examples in ``data/provinces.toml`` stay there as documentation; this table
is what catches a rule and its example edited together. It pins the deciding *source*
(``verdict.sources[0].id``), not the rule id, since rule ids name how rules are stored.
"""

from __future__ import annotations

import datetime as dt

import pytest

import beian_policy as bp

ORG, IND = "organisation", "individual"

# (province, change, subject kind, timing, deadline in working days, deciding source,
#  every source whose current page disputes it, in the order the verdict lists them)
TABLE: list[tuple[str, str, str | None, str, int | None, str, tuple[str, ...]]] = [
    # 北京: 先接入后变更 allowed, a change filed within 10 working days; the 主办单位's
    # certificate fields and the 主体负责人 must match (TC-L). 个人 cannot change name.
    ("CN-BJ", "website_name", ORG, "after", 10, "tc-cn-bj", ()),
    ("CN-BJ", "subject_certificate", ORG, "before", None, "tc-cn-bj", ()),
    ("CN-BJ", "subject_type", ORG, "before", None, "tc-cn-bj", ()),  # 主办单位性质 must match
    ("CN-BJ", "subject_name", IND, "before", None, "tc-cn-bj", ()),
    # 河北 (companies): Huawei's summary (备案管局咨询.md, 企业用户 新增接入) "不支持新增接入或新增
    # 网站的同时进行变更信息操作，需先变更再新增", the newest current page, decides; Tencent's
    # company tab agrees for an old certificate; Alibaba's 2019 单位 section lets the address
    # follow, so it dissents there (§2 河北, §1.1).
    ("CN-HE", "subject_name", ORG, "before", None, "h-guanju", ()),
    ("CN-HE", "subject_certificate", ORG, "before", None, "h-guanju", ()),
    ("CN-HE", "subject_address", ORG, "before", None, "h-guanju", ("a-cn-he",)),
    # 辽宁: "不接受先接入后变更" on Tencent's company tab; J agrees.
    ("CN-LN", "website_name", ORG, "before", None, "tc-cn-ln", ()),
    ("CN-LN", "subject_name", ORG, "before", None, "tc-cn-ln", ()),
    # 山西: submit the old certificate number, change after (TC). JD's must-match line is
    # gone from its newer tree, and Alibaba Cloud's 2019 page lets everything follow
    # (providers-and-history §1.1): nobody disputes it any more.
    ("CN-SX", "subject_certificate", ORG, "after", None, "tc-cn-sx", ()),
    # 上海: latest 三证合一 certificate, change after approval (TC).
    ("CN-SH", "subject_certificate", ORG, "after", None, "tc-cn-sh", ()),
    # 江苏: the 主体负责人 may differ on 新增接入, change within 10 working days (TC);
    # QingCloud and JD say it must match (§2 江苏): Q jiangsu.md "提交的主体负责人信息需与原
    # 主体负责人一致"; JD's newer tree (yicenzzn/cn the-rules/Jiangsu.md@656ee4f) keeps its
    # "京东之前有备案的…有不一致请到原备案接入商变更后，再申请新增" line in the 单位 section.
    ("CN-JS", "subject_owner", ORG, "after", 10, "tc-cn-js", ("q-cn-js", "j2-cn-js")),
    # 江苏's address: Tencent is silent; Alibaba's 2019-09-12 单位 section asks only 名称、证件号
    # to match (§1.1), so the address follows. QingCloud's line is about the 主体负责人 only;
    # JD's newer 单位 section keeps its "change first" line for everything.
    ("CN-JS", "subject_address", ORG, "after", None, "a-cn-js", ("j2-cn-js",)),
    # 江苏 个人: Alibaba's 个人 section asks 名称、证件号 only; JD's newer page (Jiangsu.md
    # @656ee4f) has its "change first" line in the 单位 section alone, QingCloud's
    # (jiangsu.md@99c5d17) owner line is under 企业用户: nobody disputes.
    ("CN-JS", "subject_address", IND, "after", None, "a-cn-js", ()),
    # 浙江: "需上传最新证件，通过后再变更" (TC).
    ("CN-ZJ", "subject_certificate", ORG, "after", None, "tc-cn-zj", ()),
    # 福建: old-certificate filings transfer with the original number (TC); Alibaba Cloud's
    # 2019 page wants a company's name and certificate number to match (§1.1).
    ("CN-FJ", "subject_certificate", ORG, "after", None, "tc-cn-fj", ("a-cn-fj",)),
    # 湖南: "备案的信息一定要跟原备案信息一致" (TC; Q; J agree): every change, both kinds.
    ("CN-HN", "website_name", ORG, "before", None, "tc-cn-hn", ()),
    ("CN-HN", "subject_address", IND, "before", None, "tc-cn-hn", ()),
    ("CN-HN", "website_owner", None, "before", None, "tc-cn-hn", ()),
    # 广东: the 网站名称 must equal MIIT's record (TC-L); Alibaba Cloud's 2019 page says
    # nothing must match (§1.1, "conflicts to flag").
    ("CN-GD", "website_name", ORG, "before", None, "tc-cn-gd", ("a-cn-gd",)),
    # 四川: new and old information must match (TC; Q; J), except an old certificate.
    ("CN-SC", "subject_name", ORG, "before", None, "tc-cn-sc", ()),
    ("CN-SC", "website_name", IND, "before", None, "tc-cn-sc", ()),
    ("CN-SC", "subject_certificate", IND, "before", None, "tc-cn-sc", ()),
    # 贵州: Tencent silent; QingCloud: must match, else change at the original provider.
    ("CN-GZ", "website_name", ORG, "before", None, "q-cn-gz", ()),
    ("CN-GZ", "subject_owner", IND, "before", None, "q-cn-gz", ()),
    # 云南: 个人 "允许先接入后变更" (TC-L); Alibaba Cloud's 2019 page wants an individual's
    # name to match (§1.1, "conflicts to flag"); JD's boilerplate is superseded.
    ("CN-YN", "subject_name", IND, "after", None, "tc-cn-yn", ("a-cn-yn",)),
    # 西藏: 主办单位名称 must match; address, certificate number, 负责人 may change after.
    ("CN-XZ", "subject_name", ORG, "before", None, "tc-cn-xz", ()),
    ("CN-XZ", "subject_address", ORG, "after", None, "tc-cn-xz", ()),
    ("CN-XZ", "subject_certificate", ORG, "after", None, "tc-cn-xz", ()),
    # 西藏 个人: Tencent's page (西藏管局备案要求.md@c01775e) has its 变更相关 lines on the
    # company tab only; Alibaba's 个人 section: the 名称 must match (§1.1, "名称 only").
    ("CN-XZ", "subject_name", IND, "before", None, "a-cn-xz", ()),
    ("CN-XZ", "subject_address", IND, "after", None, "a-cn-xz", ()),
    # 陕西: "新增接入备案可以先接入后变更" (TC); Alibaba Cloud's 2019 page wants a company's
    # name and certificate number to match, the address may follow (§1.1).
    ("CN-SN", "subject_name", ORG, "after", None, "tc-cn-sn", ("a-cn-sn",)),
    ("CN-SN", "subject_address", ORG, "after", None, "tc-cn-sn", ()),
    # 青海: Tencent silent; QingCloud (companies): must match the filed record. Alibaba
    # Cloud's 2019 page lists only the name, certificate number and website owner (§1.1).
    ("CN-QH", "subject_address", ORG, "before", None, "q-cn-qh", ("a-cn-qh",)),
    # 宁夏: an old-certificate filing is cancelled or changed at the original provider (TC).
    ("CN-NX", "subject_certificate", ORG, "before", None, "tc-cn-nx", ()),
    # 河南: the original 负责人 must equal the transfer contact (QingCloud); TC silent.
    ("CN-HA", "subject_owner", None, "before", None, "q-cn-ha", ()),
]

# Provinces whose pages state no transfer rule for these changes (§1 "unknown"): the
# strict national default decides, and says so.
NO_PROVINCE_RULE = [
    ("CN-TJ", "website_name", ORG),
    ("CN-JL", "website_owner", ORG),
    ("CN-HL", "subject_address", None),
    ("CN-GX", "website_owner", IND),
    ("CN-CQ", "website_name", None),
    ("CN-XJ", "website_name", ORG),
    ("CN-SD", "website_owner", IND),
    # 上海 states the certificate rule for companies only (TC's company section); with
    # no subject kind, or for a person, it does not apply.
    ("CN-SH", "subject_certificate", IND),
    ("CN-SH", "subject_certificate", None),
    # 西藏: Tencent's page (西藏管局备案要求.md@c01775e, 企业备案 tab) puts only the 主办单位名称
    # before the transfer and lets the address, certificate number and 负责人 follow; it says
    # nothing of website fields, so tc-cn-xz decides no website change (§2 西藏: "partial").
    # 北京 个人: Tencent's page (北京管局要求.md@e5166db, 个人备案 tab) says only "以个人名义进行
    # 备案成功后，无法变更主体性质及名称"; nothing about other changes (§2 北京).
    ("CN-BJ", "website_name", IND),
    ("CN-BJ", "subject_address", IND),
    # Both of 北京's tab rules are per subject kind: a question naming no kind gets neither.
    ("CN-BJ", "subject_name", None),
    ("CN-XZ", "website_name", ORG),
    ("CN-XZ", "website_owner", ORG),
]


def _verdict(code: str, change: str, kind: str | None) -> bp.model.ChangeVerdict:
    decision = bp.assess_transfer(code, change, subject_kind=kind)
    (verdict,) = decision.verdicts
    return verdict


# Where Tencent is silent, Alibaba Cloud's archived 2019-09 pages decide, per subject
# kind (providers-and-history §1.1): (province, change, kind, timing, deciding source,
# the page's date).
SEPT_12, SEPT_6 = dt.date(2019, 9, 12), dt.date(2019, 9, 6)
ALIBABA_DECIDES = [
    ("CN-NM", "subject_name", IND, "before", "a-cn-nm", SEPT_12),  # 个人: 名称、证件号 must match
    ("CN-AH", "website_name", IND, "after", "a-cn-ah", SEPT_12),  # 个人: 其它信息可先接入备案
    ("CN-HB", "subject_name", ORG, "before", "a-cn-hb", SEPT_12),  # 单位: 名称 must match
    ("CN-HI", "subject_name", ORG, "after", "a-cn-hi", SEPT_12),  # nothing must match
    ("CN-GS", "subject_certificate", ORG, "before", "a-cn-gs", SEPT_12),  # 单位: 名称、证件号、负责人
    ("CN-JX", "subject_name", ORG, "before", "a-cn-jx", SEPT_12),  # 单位: 名称、证件号、负责人
    # 山西: Tencent's page (山西管局备案要求.md, §2 山西) speaks only of an old certificate
    # ("可提交原证件号…接入成功后再去原接入商提交变更备案"); for any other change Alibaba's
    # 2019-09-06 page decides: "接入备案信息符合当前管局规则即可，接入成功后进行变更" (§1.1).
    ("CN-SX", "subject_name", ORG, "after", "a-cn-sx", SEPT_6),
    ("CN-SX", "website_name", ORG, "after", "a-cn-sx", SEPT_6),
    ("CN-SX", "subject_owner", IND, "after", "a-cn-sx", SEPT_6),
    # 浙江: Tencent's page (浙江管局备案要求.md@b88154c, 企业备案) speaks only of the certificate
    # ("需上传最新证件，通过后再变更"); Alibaba's 2019-09-06 单位 section: none must match,
    # "接入备案信息符合当前管局规则即可" (§1.1).
    ("CN-ZJ", "subject_name", ORG, "after", "a-cn-zj", SEPT_6),
    # 宁夏: Tencent's page speaks only of an old certificate (§2 宁夏); Alibaba's 2019-09-12
    # 单位 section: 名称、证件号、网站负责人 must match, the rest after the transfer (§1.1).
    ("CN-NX", "subject_name", ORG, "before", "a-cn-nx", SEPT_12),
    ("CN-NX", "subject_address", ORG, "after", "a-cn-nx", SEPT_12),
    # 宁夏 个人: Tencent's old-certificate line is on the company tab (宁夏管局备案要求.md
    # @c01775e, 企业备案 变更相关); Alibaba's 个人 section: 名称、证件号 must match (§1.1).
    ("CN-NX", "subject_certificate", IND, "before", "a-cn-nx", SEPT_12),
    # 河北 and 辽宁 个人: Tencent's transfer lines are on the company tab only (河北管局备案要求
    # .md@ffc5955 "接入备案或无主体新增备案时…需注销原备案号再提交备案"; 辽宁省管局要求.md@1ff437c
    # "不接受先接入后变更"), and Huawei's 河北 line is in its 企业用户 section; Alibaba's 个人
    # sections decide: 名称、证件号 must match, the rest follows (2019-09-06 and 2019-09-12).
    ("CN-HE", "subject_certificate", IND, "before", "a-cn-he", SEPT_6),
    ("CN-HE", "subject_address", IND, "after", "a-cn-he", SEPT_6),
    ("CN-LN", "subject_address", IND, "after", "a-cn-ln", SEPT_12),
    # 浙江 个人: Tencent's certificate line is on the company tab (浙江管局备案要求.md@b88154c);
    # Alibaba's 个人 section asks only the 名称 to match.
    ("CN-ZJ", "subject_certificate", IND, "after", "a-cn-zj", SEPT_6),
    # 广东 个人: Tencent's website-name line is on the company tab (广东省管局要求.md@1a421bc,
    # 企业备案 网站相关 "接入备案订单填写信息中的网站名称需与工信部查询已备案成功网站名称一致");
    # Alibaba's last 广东 page (2019-02-19): none must match (§1.1).
    ("CN-GD", "website_name", IND, "after", "a-cn-gd", dt.date(2019, 2, 19)),
]


@pytest.mark.parametrize(("code", "change", "kind", "timing", "source", "date"), ALIBABA_DECIDES)
def test_alibaba_decides_where_tencent_is_silent(
    code: str, change: str, kind: str, timing: str, source: str, date: dt.date
) -> None:
    verdict = _verdict(code, change, kind)
    assert verdict.basis is bp.Basis.PROVINCE
    assert verdict.timing is bp.Timing(timing)
    assert verdict.sources[0].id == source
    assert verdict.provider == "alibaba_cloud"
    assert verdict.date == date


@pytest.mark.parametrize(("code", "change", "kind", "timing", "deadline", "source", "dissent"), TABLE)
def test_stated_rule_decides(
    code: str,
    change: str,
    kind: str | None,
    timing: str,
    deadline: int | None,
    source: str,
    dissent: tuple[str, ...],
) -> None:
    verdict = _verdict(code, change, kind)
    assert verdict.basis is bp.Basis.PROVINCE
    assert verdict.timing is bp.Timing(timing)
    assert verdict.deadline_working_days == deadline
    assert verdict.sources[0].id == source
    assert bp.can_transfer_directly(code, change, subject_kind=kind) is (timing == "after")
    assert tuple(claim.source.id for claim in verdict.dissent) == dissent
    assert verdict.disputed is bool(dissent)


@pytest.mark.parametrize(("code", "change", "kind"), NO_PROVINCE_RULE)
def test_national_default_decides_where_the_province_is_silent(
    code: str, change: str, kind: str | None
) -> None:
    verdict = _verdict(code, change, kind)
    assert verdict.basis is bp.Basis.NATIONAL_DEFAULT
    assert verdict.timing is bp.Timing.BEFORE
    assert not bp.can_transfer_directly(code, change, subject_kind=kind)


def test_tencent_view_of_hebei_companies_old_certificate() -> None:
    """河北管局备案要求.md@ffc5955, 企业备案: an old-certificate filing is cancelled or changed at
    the original provider first: in Tencent's own view its page decides."""
    decision = bp.assess_transfer(
        "CN-HE", "subject_certificate", subject_kind=ORG, according_to="tencent_cloud"
    )
    (verdict,) = decision.verdicts
    assert verdict.timing is bp.Timing.BEFORE
    assert [s.id for s in verdict.sources] == ["tc-cn-he"]


def test_qingcloud_view_of_jiangsu_owner_is_for_companies() -> None:
    """QingCloud jiangsu.md@99c5d17, 企业用户 only: "如为接入或者新增网站，提交的主体负责人信息
    需与原主体负责人一致，成功备案后方可修改"; its 个人用户 section says nothing of it."""
    company = bp.assess_transfer("CN-JS", "subject_owner", subject_kind=ORG, according_to="qingcloud")
    (verdict,) = company.verdicts
    assert verdict.timing is bp.Timing.BEFORE
    assert [s.id for s in verdict.sources] == ["q-cn-js"]
    person = bp.assess_transfer("CN-JS", "subject_owner", subject_kind=IND, according_to="qingcloud")
    (verdict,) = person.verdicts
    assert verdict.basis is bp.Basis.NATIONAL_DEFAULT


def test_qingcloud_view_of_sichuan() -> None:
    """QingCloud sichuan.md@3094343, both sections: "接入备案信息需与原备案信息一致，若不一致需先
    到原接入商进行变更备案或注销后重新备案": in its own view its page decides, before."""
    for kind in (ORG, IND):
        (verdict,) = bp.assess_transfer(
            "CN-SC", "website_name", subject_kind=kind, according_to="qingcloud"
        ).verdicts
        assert verdict.timing is bp.Timing.BEFORE
        assert [s.id for s in verdict.sources] == ["q-cn-sc"]


def test_historical_sources_never_dispute() -> None:
    """The 2017 pages (t17) are history: they never make a current rule disputed."""
    for code in ("CN-SC", "CN-HA", "CN-GD", "CN-BJ"):
        for change in bp.Change:
            for kind in (None, ORG, IND):
                verdict = _verdict(code, change.value, kind)
                assert "t17" not in {claim.source.id for claim in verdict.dissent}


def test_table_covers_every_province() -> None:
    covered = (
        {row[0] for row in TABLE} | {row[0] for row in NO_PROVINCE_RULE} | {row[0] for row in ALIBABA_DECIDES}
    )
    assert covered >= {p.code for p in bp.provinces()} - {"CN-HE"}


# The site facts of the §1 table, with the providers it cites for them in brackets:
# (province, fact, value, whom it concerns, every source of the fact in order, the
# current providers' claims that agree). Whom it concerns is read off the page: a line
# on Tencent's 企业备案 tab alone concerns organisations ("organisations"), on both tabs
# or on a page that does not split them everyone ("all"); 宁夏's line speaks of
# websites being added ("when_adding_websites"). Read at the cited commits: 河北 A@830c38e
# and 海南@2666098 say it on the company tab only; 浙江@b88154c, 山东@1a421bc, 云南@152ce3d,
# 青海@71db636, 贵州@8974225 and 河南@e666433 on both; 福建, 湖北 and 甘肃 on the company tab,
# with JD's page (单位 and 个人 sections) making it everyone's. Tencent's current page
# states the value where it speaks (tc-cn-xx); elsewhere QingCloud (q-), JD Cloud (j-).
# The 2017 page (t17) is history, pinned by HISTORICAL below. 广西's claim: Huawei's
# 备案管局咨询 (h-guanju, §2 广西 "H: 已备案成功的网站必须正常开放").
FACTS: list[tuple[str, str, bool, str, tuple[str, ...], tuple[str, ...]]] = [
    ("CN-HE", "filed_sites_reachable", False, "organisations", ("tc-cn-he-a",), ()),  # A: "可以关站"
    ("CN-ZJ", "filed_sites_reachable", False, "all", ("tc-cn-zj",), ()),
    ("CN-JX", "filed_sites_reachable", True, "organisations", ("tc-cn-jx",), ()),
    ("CN-HA", "filed_sites_reachable", True, "all", ("tc-cn-ha",), ("q-cn-ha",)),
    ("CN-GD", "filed_sites_reachable", True, "all", ("q-cn-gd", "j-cn-gd"), ()),
    ("CN-GX", "filed_sites_reachable", True, "organisations", ("tc-cn-gx",), ("h-guanju",)),
    ("CN-HI", "filed_sites_reachable", False, "organisations", ("tc-cn-hi",), ()),
    ("CN-CQ", "filed_sites_reachable", True, "organisations", ("tc-cn-cq",), ()),
    ("CN-SC", "filed_sites_reachable", True, "organisations", ("tc-cn-sc",), ()),
    ("CN-GZ", "filed_sites_reachable", False, "all", ("tc-cn-gz",), ()),
    ("CN-SN", "filed_sites_reachable", False, "organisations", ("tc-cn-sn",), ()),
    ("CN-NX", "filed_sites_reachable", True, "when_adding_websites", ("tc-cn-nx",), ()),
    ("CN-BJ", "unfiled_sites_closed", True, "organisations", ("tc-cn-bj",), ()),
    ("CN-TJ", "unfiled_sites_closed", True, "organisations", ("tc-cn-tj",), ()),
    ("CN-HE", "unfiled_sites_closed", True, "organisations", ("tc-cn-he",), ()),
    ("CN-ZJ", "unfiled_sites_closed", True, "all", ("tc-cn-zj",), ()),
    ("CN-FJ", "unfiled_sites_closed", True, "all", ("tc-cn-fj", "j-cn-fj"), ()),
    ("CN-JX", "unfiled_sites_closed", True, "organisations", ("tc-cn-jx",), ()),
    ("CN-SD", "unfiled_sites_closed", True, "all", ("tc-cn-sd",), ()),
    ("CN-HA", "unfiled_sites_closed", True, "all", ("tc-cn-ha",), ("j-cn-ha",)),
    ("CN-HB", "unfiled_sites_closed", True, "all", ("tc-cn-hb", "j-cn-hb"), ()),
    ("CN-HN", "unfiled_sites_closed", True, "all", ("j-cn-hn",), ()),
    ("CN-CQ", "unfiled_sites_closed", True, "organisations", ("tc-cn-cq",), ()),
    ("CN-YN", "unfiled_sites_closed", True, "all", ("tc-cn-yn",), ()),
    ("CN-SN", "unfiled_sites_closed", True, "all", ("j-cn-sn",), ()),
    ("CN-GS", "unfiled_sites_closed", True, "all", ("tc-cn-gs", "j-cn-gs"), ()),
    ("CN-QH", "unfiled_sites_closed", True, "all", ("tc-cn-qh",), ()),
    # 江苏管局备案要求.md@1a421bc, both tabs: "网站开站需写明备案号并链接到工信部首页" (only if
    # the site is opened; §2 江苏 "no explicit requirement").
    ("CN-JS", "filed_sites_reachable", False, "all", ("tc-cn-js",), ()),
]


@pytest.mark.parametrize(("code", "fact", "value", "scope", "sources", "agreeing"), FACTS)
def test_site_fact_and_its_sources(
    code: str, fact: str, value: bool, scope: str, sources: tuple[str, ...], agreeing: tuple[str, ...]
) -> None:
    site_fact = getattr(bp.default_policy().rules_for(bp.resolve_province(code)), fact)
    assert site_fact.value is value
    assert site_fact.scope.value == scope
    assert tuple(s.id for s in site_fact.sources) == sources
    current = [c for c in site_fact.claims if c.source.standing is not bp.model.SourceStanding.HISTORICAL]
    assert tuple(c.source.id for c in current) == agreeing
    assert all(c.value is value for c in current)
    assert not site_fact.disputed


# The failure reasons and every page cited for each, in order (the page that states the
# reason first: the seed FAQ for the seven reasons it lists). Each page was read at the
# commit the data names, or in the reference: "TFAQ 常见驳回" is tc-faq-rejections
# (常见驳回原因及其处理.md@2fc5484), Huawei's 驳回咨询 h-rejections (备案驳回咨询.md@f127b26),
# its 错误提示FAQ h-errors (@e74999d), the old 接入备案.md tc-old-transfer-faq.
FAILURE_SOURCES: dict[str, list[str]] = {
    # Seed FAQ row 接入前后备案主体不一致; 接入备案类.md@f37c871 and 变更信息.md@16fd228 (tc-faq-change),
    # "接入备案过程中能否变更主体、网站信息？不能…您可在原接入商处修改后进行接入备案"; the old
    # 接入备案.md cause 1 "备案主体名称及证件号已变更" (§3.4).
    "subject_mismatch": ["tc-seed-faq", "tc-faq-transfer", "tc-faq-change", "tc-old-transfer-faq"],
    # Seed FAQ 短信验证未通过; 短信核验类.md; 备案流程/短信核验.md@09f99bf (tc-faq-sms-process),
    # "短信验证未通过（验证超时或验证失败）".
    "sms_verification_failed": ["tc-seed-faq", "tc-faq-sms", "tc-faq-sms-process"],
    # Seed FAQ 主体或网站被注销; 备案号.md@06e58af (tc-faq-number) "为什么备案号会被注销？";
    # Huawei 驳回咨询 "若主体下所有网站已注销成为空壳主体，需先注销主体再重新提交首次备案".
    "subject_cancelled": ["tc-seed-faq", "tc-faq-number", "h-rejections"],
    # The same, and 注销备案.md@0955e12 (tc-faq-cancel): 注销网站 vs 注销主体, "主体下的网站全部
    # 被注销后…该主体成为空壳主体".
    "website_cancelled": ["tc-seed-faq", "tc-faq-number", "tc-faq-cancel", "h-rejections"],
    # Seed FAQ 接入商信息不一致; old 接入备案.md cause 1; JD Access-Filing-Notes.md@2e87a0f "部分省市
    # 管局要求接入前后的备案信息需保持一致"; QingCloud add_access.md@3094343 "在当地管局允许时，
    # 可先接入后变更，否则需在原接入商处变更成功后再在新接入商申请接入" (§3.3).
    "provider_info_mismatch": ["tc-seed-faq", "tc-old-transfer-faq", "j-access-notes", "q-add-access"],
    # Seed FAQ 网站问题; TFAQ 常见驳回 "已备案网站未开站/网站内容不合格"; Huawei 驳回咨询 "如发现
    # 已备案成功的网站无法正常访问，会驳回您的备案申请"; JD "主体下已备案的网站必须全部保持打开状态".
    "website_problem": ["tc-seed-faq", "tc-faq-rejections", "h-rejections", "j-access-notes"],
    # Seed FAQ 未提供前置审批文件; 前置审批相关.md@3d84a94 (tc-faq-preapproval) "需要进行前置审批，
    # 才能通过备案"; TFAQ 常见驳回 行业 list; Huawei "网站内容涉及需前置审批行业的内容，但备案时未
    # 提供前置审批文件".
    "missing_preapproval": ["tc-seed-faq", "tc-faq-preapproval", "tc-faq-rejections", "h-rejections"],
    "wrong_filing_password": ["tc-seed-faq", "tc-faq-password", "j-new-access"],
    # TFAQ 备案审核 "主办者同时在两个接入商处提交备案"; Huawei "网站主办者冲突：同一主体信息一次
    # 只能提交一个订单到管局审核".
    "conflicting_applications": ["tc-faq-review", "h-rejections"],
    # QingCloud add_access "如个别域名已过期，需续费或先注销后才能申请接入"; 备案域名.md@e5166db
    # (tc-domains) "备案的域名要求在域名注册有效期内"; Huawei 错误提示FAQ §2.1 域名已过期.
    "expired_domain_in_website": ["q-add-access", "tc-domains", "h-errors"],
    # TFAQ 常见驳回 电话号码问题 "负责人手机号码为其他主体备案过"; Huawei 驳回原因二 "手机号码已用于
    # 其他主体进行过备案".
    "phone_used_by_other_subject": ["tc-faq-rejections", "h-rejections"],
    # Seed FAQ "域名与备案主体不一致时，如何接入备案？"; 备案域名.md "备案主体与域名所有者的关系";
    # TFAQ 常见驳回 "域名所有人不正确"; Huawei "域名实名认证信息和备案的主体…证件信息不一致".
    "domain_owner_mismatch": ["tc-seed-faq", "tc-domains", "tc-faq-rejections", "h-rejections"],
    # TFAQ 常见驳回 "域名注册商非工信部批复的域名注册商"; 备案域名.md "境外注册商所注册的域名不能
    # 直接备案"; Huawei 错误提示FAQ §2.4 域名注册商未获得批复.
    "domain_registrar_not_approved": ["tc-faq-rejections", "tc-domains", "h-errors"],
    # Huawei 错误提示FAQ §5.2 域名实际解析IP与备案IP不符; QingCloud "接入备案期间，如原备案的IP资源
    # 有效可继续解析访问"; seed FAQ: pointing the domain at the new provider before the transfer
    # succeeds breaks the site.
    "access_ip_mismatch": ["h-errors", "q-add-access", "tc-seed-faq"],
    # Seed FAQ "找回备案密码环节，系统提示：该备案信息不存在"; 备案密码.md@2b2713b "忘记备案密码，
    # 如何找回？" (the 主体备案号 and certificate, the province chosen first).
    "filing_not_found": ["tc-seed-faq", "tc-faq-password"],
    # 变更信息.md@16fd228 "管局要求是不能跨地域更换备案信息的"; TFAQ 常见驳回 跨省备案驳回.
    "subject_moved_province": ["tc-faq-change", "tc-faq-rejections"],
}


@pytest.mark.parametrize("failure", sorted(FAILURE_SOURCES))
def test_failure_cites_its_sources(failure: str) -> None:
    info = bp.default_policy().failure_info(bp.Failure(failure))
    assert [s.id for s in info.sources] == FAILURE_SOURCES[failure]


# The 2017 page's values (§1, "T17 (old): yes"): kept as historical claims, shown with
# the fact, never deciding it. (Conditional T17 statements, "close if domain
# privacy-protected", are left out.)
HISTORICAL: list[tuple[str, str]] = [
    ("CN-LN", "filed_sites_reachable"),
    ("CN-SH", "filed_sites_reachable"),
    ("CN-ZJ", "filed_sites_reachable"),
    ("CN-HA", "filed_sites_reachable"),
    ("CN-GD", "filed_sites_reachable"),
    ("CN-HI", "filed_sites_reachable"),
    ("CN-BJ", "unfiled_sites_closed"),
    ("CN-HE", "unfiled_sites_closed"),
    ("CN-NM", "unfiled_sites_closed"),
    ("CN-LN", "unfiled_sites_closed"),
    ("CN-HL", "unfiled_sites_closed"),
    ("CN-SN", "unfiled_sites_closed"),
    # §2 "2. Reachable" / "3. Closed" lines: "T17 (old) same" (or "T17 same (old)").
    ("CN-ZJ", "unfiled_sites_closed"),
    ("CN-FJ", "unfiled_sites_closed"),
    ("CN-JX", "unfiled_sites_closed"),
    ("CN-SD", "unfiled_sites_closed"),
    ("CN-HB", "unfiled_sites_closed"),
    ("CN-YN", "unfiled_sites_closed"),
    ("CN-GS", "unfiled_sites_closed"),
    ("CN-QH", "unfiled_sites_closed"),
    ("CN-SD", "filed_sites_reachable"),
    # §2 四川 "3. Closed: TC unknown; T17 (old)": close while filing if the domain has
    # privacy protection.
    ("CN-SC", "unfiled_sites_closed"),
]


@pytest.mark.parametrize(("code", "fact"), HISTORICAL)
def test_the_2017_page_is_kept_as_a_claim(code: str, fact: str) -> None:
    site_fact = getattr(bp.default_policy().rules_for(bp.resolve_province(code)), fact)
    assert ("t17", True) in {(c.source.id, c.value) for c in site_fact.claims}
    assert "t17" not in {s.id for s in site_fact.sources}


def test_the_2017_sichuan_certificate_line_is_kept_for_organisations_and_takes_part_in_no_answer() -> None:
    """§2 四川: the 2017 page (T17) required a transfer to present the very certificate of
    the first filing and refused the new unified (三证合一) one, which only organisations
    hold. The page is retired (replaced by the undated overview), so its line is kept as
    history only: in the model, and in no answer, for either subject kind or date."""
    rules = bp.default_policy().rules_for(bp.resolve_province("四川"))
    (old,) = [s for s in rules.statements if s.source.id == "t17"]
    assert old.changes == {bp.Change.SUBJECT_CERTIFICATE}
    assert old.applies_to == {bp.SubjectKind.ORGANISATION}
    assert old.timing is bp.Timing.BEFORE
    assert old.source.retired
    for kind in (ORG, IND):
        for day in (dt.date(2017, 7, 1), None):
            (verdict,) = bp.assess_transfer(
                "四川", ["subject_certificate"], subject_kind=kind, as_of=day
            ).verdicts
            assert "t17" not in {src.id for src in verdict.sources}
            assert "t17" not in {claim.source.id for claim in verdict.dissent}


# The remedies and every page cited for each, in order: the seed FAQ first for the
# remedies it gives for its seven reasons, then the pages §3.4 (or the page itself, read
# at the commit the data names) shows giving the same remedy.
REMEDY_SOURCES: list[tuple[str, str, list[str]]] = [
    # Seed FAQ "需先在原接入商修改备案信息后再接入腾讯云"; 变更信息.md@16fd228 "您可在原接入商处
    # 修改后进行接入备案".
    ("subject_mismatch", "change_first", ["tc-seed-faq", "tc-faq-change"]),
    # Seed FAQ "或等接入成功后再变更备案来修改备案信息"; 接入备案类.md@f37c871 "或在接入成功后在
    # 原接入商备案系统提交变更申请".
    ("subject_mismatch", "transfer_then_change", ["tc-seed-faq", "tc-faq-transfer"]),
    # 短信核验类 "网站负责人手机号码不一致请先变更再进行接入"; 备案流程/短信核验.md@09f99bf "建议
    # 先在原服务商变更备案修改为新的手机号码，然后再接入腾讯云".
    ("sms_verification_failed", "change_phone_first", ["tc-seed-faq", "tc-faq-sms", "tc-faq-sms-process"]),
    ("sms_verification_failed", "refile_as_new_website", ["tc-faq-sms"]),
    # 短信核验类: resubmit after 24 hours; 短信核验.md "重新提交备案信息至管局审核…请按照短信提示，
    # 在24小时内…完成短信核验".
    ("sms_verification_failed", "verify_again", ["tc-faq-sms", "tc-faq-sms-process"]),
    # Seed FAQ "主体被注销，您可以…重新提交首次备案"; Huawei 驳回咨询 (空壳主体: 先注销主体再重新
    # 提交首次备案); 备案号.md "若网站要重新开通，建议尽快重新提交网站备案".
    ("subject_cancelled", "file_again", ["tc-seed-faq", "h-rejections", "tc-faq-number"]),
    ("website_cancelled", "add_website", ["tc-seed-faq"]),
    # Seed FAQ "如果主体下没有任何网站，您需注销主体后重新提交首次备案"; Huawei the same; 注销备案.md
    # @0955e12: a subject without websites is a 空壳主体, how to cancel it, "已注销主体可重新进行
    # 备案申请".
    ("website_cancelled", "cancel_subject_then_file_again", ["tc-seed-faq", "h-rejections", "tc-faq-cancel"]),
    # Seed FAQ "需先在原接入商修改备案信息后再接入腾讯云"; JD Access-Filing-Notes "如果备案信息有
    # 变化，需在原接入商进行变更备案".
    ("provider_info_mismatch", "change_first", ["tc-seed-faq", "j-access-notes"]),
    # Seed FAQ (first question: 备案所在省市允许接入 → 接入成功后…变更备案); QingCloud add_access
    # "在当地管局允许时，可先接入后变更".
    ("provider_info_mismatch", "transfer_then_change", ["tc-seed-faq", "q-add-access"]),
    ("website_problem", "fix_now", ["tc-seed-faq", "tc-faq-rejections"]),
    # Seed FAQ: "已提交至管局审核，则无法进行整改，需等待管局审核驳回后重新提交"; 变更信息.md
    # (tc-faq-change, §3.1): "备案信息提交管局之后，所有的信息都是无法进行变更的".
    ("website_problem", "wait_then_resubmit", ["tc-seed-faq", "tc-faq-change"]),
    ("missing_preapproval", "obtain_and_resubmit", ["tc-seed-faq", "tc-faq-rejections"]),
    # 备案密码.md (tc-faq-password; icp-numbers-and-process "QD …/常见问题/备案密码.md"):
    # online recovery with the 主体备案号 and certificate, or the mailed 申请表; 广东 online only.
    ("wrong_filing_password", "recover_then_resubmit", ["tc-seed-faq", "tc-faq-password"]),
    # QingCloud "需续费或先注销后才能申请接入"; Huawei 错误提示FAQ §2.1 "联系域名注册商完成续费…
    # 若域名不再使用，提交取消接入或注销互联网备案信息".
    ("expired_domain_in_website", "renew_or_remove", ["q-add-access", "h-errors"]),
    ("phone_used_by_other_subject", "change_or_release", ["tc-faq-rejections"]),
    # TFAQ 备案审核: one order under review per subject; Huawei 驳回咨询 "同一证件号码在华为云有
    # 未完成的备案订单时，需放弃历史订单后重新提交".
    ("conflicting_applications", "finish_other_first", ["tc-faq-review", "h-rejections"]),
    # Seed FAQ "域名与备案主体不一致时…您可以先修改域名的所有者信息，再接入备案"; TFAQ 常见驳回
    # (§3.4 "Domain verification": 域名所有人 ≠ 备案主体); Huawei 驳回咨询 "请进行域名过户/重新
    # 进行域名实名认证".
    ("domain_owner_mismatch", "change_owner", ["tc-seed-faq", "tc-faq-rejections", "h-rejections"]),
    # 常见驳回原因及其处理.md@2fc5484, 域名注册商非工信部批复的域名注册商: "将该域名转入至工信部
    # 已批复的域名注册服务机构"; Huawei 错误提示FAQ.md@e74999d (h-errors) §2.4 域名注册商未获得
    # 批复: "将域名转移至国内已获得工信部批复的注册商名下".
    ("domain_registrar_not_approved", "move_registrar", ["tc-faq-rejections", "h-errors"]),
    # provinces.md §3.4, row 接入商信息不一致: Huawei's 错误提示FAQ gives this remedy, make the
    # resolution match the filed IP (or file a change); QingCloud's add_access.md says the
    # original filing's IP may keep resolving during the transfer; the seed FAQ says pointing
    # the domain at the new provider before the transfer succeeds breaks the site.
    ("access_ip_mismatch", "align_dns", ["h-errors", "q-add-access", "tc-seed-faq"]),
    # Seed FAQ "确保备案/许可证号…填写正确，无需填写备案号最后面的排序码", "证件类型及填写的证件
    # 号码、手机号码均和原备案信息…保持一致"; 备案密码.md@2b2713b: recover online (方法一) or by post.
    ("filing_not_found", "correct_and_recover", ["tc-seed-faq", "tc-faq-password"]),
    # 变更信息.md@16fd228 "您可以先注销备案，然后在其他省份申请备案".
    ("subject_moved_province", "cancel_then_file_in_new_province", ["tc-faq-change"]),
]


@pytest.mark.parametrize(("failure", "remedy", "sources"), REMEDY_SOURCES)
def test_remedy_cites_its_sources(failure: str, remedy: str, sources: list[str]) -> None:
    info = bp.default_policy().failure_info(bp.Failure(failure))
    (found,) = [r for r in info.remedies if r.id == remedy]
    assert [s.id for s in found.sources] == sources


@pytest.mark.parametrize("code", ["CN-BJ", "CN-SN", "CN-HN", "CN-TJ"])
@pytest.mark.parametrize("change", ["website_owner_phone"])
def test_a_new_phone_blocks_everywhere_by_the_sms_rule(code: str, change: str) -> None:
    """§3.4: the SMS check goes to the filed phone, so a changed phone cannot pass it
    (Tencent's 短信核验类 page): a national rule, the same in every province, which no
    province's page disputes."""
    verdict = _verdict(code, change, None)
    assert verdict.basis is bp.Basis.NATIONAL_RULE
    assert verdict.timing is bp.Timing.BEFORE
    assert "tc-faq-sms" in {s.id for s in verdict.sources}
    assert not verdict.disputed
    assert verdict.dissent == ()


# The JD boilerplate line (provinces.md §0, "J-boilerplate": "京东之前有备案的，其备案信息
# 必须与当前单位实际信息一致。有不一致请到原备案接入商变更后，再申请新增"), on the JD pages of
# the 24 provinces listed there and on none of the other six; and UCloud's shared 2019 line
# ("原备案不在我司…如信息发生变更需在原接入商处将不正确的信息更正之后再在我司系统做相应操作",
# providers-and-history §1.2 "Other UCloud items") on its rule pages for 河北, 江苏, 河南,
# 湖北, 湖南, 江西, 四川 and 西藏. A line repeated for every province is boilerplate: it
# says "change first" about every change, and never decides (docs/data-format.md).
JD_BOILERPLATE = [
    "CN-HE",
    "CN-SX",
    "CN-NM",
    "CN-LN",
    "CN-JL",
    "CN-HL",
    "CN-SN",
    "CN-AH",
    "CN-FJ",
    "CN-JX",
    "CN-HA",
    "CN-HB",
    "CN-HN",
    "CN-GX",
    "CN-HI",
    "CN-CQ",
    "CN-SC",
    "CN-GZ",
    "CN-YN",
    "CN-GS",
    "CN-QH",
    "CN-NX",
    "CN-XJ",
    "CN-JS",
]
UCLOUD_2019_BOILERPLATE = ["CN-HE", "CN-JS", "CN-HA", "CN-HB", "CN-HN", "CN-JX", "CN-SC", "CN-XZ"]


def _boilerplate(code: str, source: str) -> list[bp.model.Statement]:
    rules = bp.default_policy().rules_for(bp.resolve_province(code))
    return [s for s in rules.statements if s.source.id == source]


@pytest.mark.parametrize(
    ("code", "source"),
    [(code, f"j-cn-{code[3:].lower()}") for code in JD_BOILERPLATE]
    + [(code, f"u-rule-cn-{code[3:].lower()}-2019") for code in UCLOUD_2019_BOILERPLATE],
)
def test_a_line_repeated_for_every_province_is_boilerplate(code: str, source: str) -> None:
    (statement,) = _boilerplate(code, source)
    assert statement.boilerplate
    assert statement.covers_all
    assert statement.timing is bp.Timing.BEFORE
    assert statement.applies_to == frozenset(bp.SubjectKind)


@pytest.mark.parametrize("code", ["CN-BJ", "CN-TJ", "CN-SH", "CN-ZJ", "CN-SD", "CN-GD"])
def test_no_jd_boilerplate_where_the_reference_finds_none(code: str) -> None:
    rules = bp.default_policy().rules_for(bp.resolve_province(code))
    assert not [s for s in rules.statements if s.provider == "jd_cloud" and s.boilerplate]


# The causes of a failure and every page cited for each, in order (the page that states
# the cause first; the seed FAQ, the primary text for its seven reasons, first where it
# names the cause). The pages §3.4 maps each reason's causes to: "TFAQ 常见驳回"
# tc-faq-rejections (常见驳回原因及其处理.md@2fc5484): "已备案网站必须开站，网站内容需要和
# 主体性质相符，网站底部必须注明网站备案号", "未备案网站不得开启访问", "负责人手机号码为其他
# 主体备案过", 域名所有人 ≠ 备案主体, registrar not approved, 跨省备案驳回; JD's 接入备案注意
# 事项 j-access-notes: "主体下已备案的网站必须全部保持打开状态"; the OLD 接入备案.md
# tc-old-transfer-faq cause 1: "备案主体名称及证件号已变更"; TFAQ 接入备案类 tc-faq-transfer and
# 变更信息.md tc-faq-change: "在接入过程中无法修改备案信息"; TFAQ 备案审核 tc-faq-review: "主办者
# 同时在两个接入商处提交备案"; 短信核验类 tc-faq-sms and 备案流程/短信核验.md tc-faq-sms-process:
# the 24-hour limit; QingCloud's add_access q-add-access: expired domains; 备案域名.md
# tc-domains: the domain checks; Huawei's 驳回咨询 h-rejections and 错误提示FAQ h-errors.
CAUSE_SOURCES: list[tuple[str, str, list[str]]] = [
    ("subject_mismatch", "subject_changed", ["tc-seed-faq", "tc-old-transfer-faq"]),
    ("subject_mismatch", "no_edit_during_transfer", ["tc-seed-faq", "tc-faq-transfer", "tc-faq-change"]),
    # 短信核验.md@09f99bf: "若您收到验证短信后，未在24小时内完成短信验证或验证失败，备案信息将
    # 自动退回至接入商".
    ("sms_verification_failed", "not_verified_in_time", ["tc-faq-sms", "tc-faq-sms-process"]),
    # The seed FAQ's rows (seed-faq.md, "接入备案不成功怎么办？"): 联系方式1 must equal the
    # original (and 短信核验类 "手机号码不一致请先变更"); 主体被注销 / 网站被注销; 接入商信息不一致:
    # "部分省市管局要求接入前后备案信息需保持一致" (JD's 接入备案注意事项 has the same words) and
    # "备案主体名称及证件号等已变更，无法找回原备案资料" (the OLD 接入备案.md, §3.4); ICP 备案密码
    # 错误 / "如您忘记了备案密码"; and its "该备案信息不存在" answer: the 排序码 (-1) left on the
    # number, or a certificate or phone that differs from the original filing.
    ("sms_verification_failed", "phone_differs", ["tc-seed-faq", "tc-faq-sms"]),
    # 主体或网站被注销: the seed FAQ's row, and 备案号.md (tc-faq-number, icp-numbers-and-process
    # "QD …/常见问题/备案号.md"): "备案号一经注销，便不可恢复" and why numbers are cancelled
    # (voluntary, a lapsed domain's new holder, 空壳 after 取消接入, false data, blacklist),
    # which 网站访问类.md (tc-faq-access) 原因三 lists too (§3.4).
    ("subject_cancelled", "subject_gone", ["tc-seed-faq", "tc-faq-number"]),
    ("website_cancelled", "website_gone", ["tc-seed-faq", "tc-faq-number"]),
    ("subject_cancelled", "usual_reasons", ["tc-faq-number", "tc-faq-access"]),
    ("website_cancelled", "usual_reasons", ["tc-faq-number", "tc-faq-access"]),
    ("provider_info_mismatch", "details_changed", ["tc-seed-faq", "j-access-notes"]),
    ("provider_info_mismatch", "record_unrecoverable", ["tc-seed-faq", "tc-old-transfer-faq"]),
    # Seed FAQ, ICP备案密码错误; 备案密码.md (tc-faq-password, icp-numbers-and-process: "每个主体
    # 对应一个备案密码", sent to the 主体负责人 after the first filing, recovered online when
    # forgotten); JD New-Access-Without-Subject.md@60a62909 (provinces.md §3.3): "备案密码错误会
    # 被通信管理局直接驳回".
    ("wrong_filing_password", "password_wrong", ["tc-seed-faq", "tc-faq-password", "j-new-access"]),
    ("wrong_filing_password", "password_forgotten", ["tc-seed-faq", "tc-faq-password"]),
    ("filing_not_found", "wrong_number", ["tc-seed-faq"]),
    ("filing_not_found", "details_differ", ["tc-seed-faq"]),
    # Huawei 备案驳回咨询.md@f127b26d (doc_0020): "如发现已备案成功的网站无法正常访问，会驳回
    # 您的备案申请".
    (
        "website_problem",
        "filed_site_unreachable",
        ["tc-seed-faq", "tc-faq-rejections", "h-rejections", "j-access-notes"],
    ),
    ("website_problem", "content_unsuitable", ["tc-seed-faq", "tc-faq-rejections"]),
    # 常见驳回原因及其处理.md@2fc54845: "网站底部必须注明网站备案号并链接至工业和信息化部首页";
    # Huawei 备案驳回咨询.md@f127b26d (doc_0021): a filed site without the number at its
    # bottom gets the application rejected.
    ("website_problem", "number_not_displayed", ["tc-faq-rejections", "h-rejections"]),
    ("website_problem", "unfiled_site_open", ["tc-faq-rejections"]),
    # 前置审批相关.md@3d84a94 (tc-faq-preapproval): the 行业分类 table (新闻, 出版, 药品和医疗器械,
    # 文化, 广播电影电视节目, 网络预约车, 金融, 游戏…).
    (
        "missing_preapproval",
        "regulated_industry",
        ["tc-seed-faq", "tc-faq-preapproval", "tc-faq-rejections", "h-rejections"],
    ),
    # Huawei 驳回咨询 doc_0152: "同一个备案主体信息提交了两次备案".
    ("conflicting_applications", "subject_in_two_places", ["tc-faq-review", "h-rejections"]),
    # 备案域名.md@e5166db: "备案的域名要求在域名注册有效期内".
    ("expired_domain_in_website", "domain_expired", ["q-add-access", "tc-domains"]),
    # Huawei 驳回咨询 doc_0023 驳回原因二: "手机号码已用于其他主体进行过备案".
    ("phone_used_by_other_subject", "phone_taken", ["tc-faq-rejections", "h-rejections"]),
    # Seed FAQ "域名与备案主体不一致时"; 备案域名.md "申请备案时填报的备案主体信息应与域名所有者
    # 实名认证信息相符".
    ("domain_owner_mismatch", "owner_differs", ["tc-seed-faq", "tc-domains", "tc-faq-rejections"]),
    # 备案域名.md "境外注册商所注册的域名不能直接备案"; Huawei 错误提示FAQ §2.4 "注册商为境外未获得
    # 工信部批复的注册商".
    (
        "domain_registrar_not_approved",
        "registrar_not_approved",
        ["tc-faq-rejections", "tc-domains", "h-errors"],
    ),
    ("access_ip_mismatch", "resolves_elsewhere", ["h-errors"]),
    # 变更信息.md@16fd228f (§3.1): "管局要求是不能跨地域更换备案信息的"; 常见驳回原因及其处理.md
    # @2fc54845, 跨省备案驳回: "单位备案不可以跨省备案。主办单位所属区域需与主办单位证件住所在同一省".
    ("subject_moved_province", "cross_province", ["tc-faq-change", "tc-faq-rejections"]),
    # Huawei 备案驳回咨询.md@f127b26 doc_0027: "当前备案订单已在工信部存在备案记录…您当前申请备案
    # 的主体已在工信部使用其他证件材料申请过备案".
    ("subject_mismatch", "filed_with_other_certificate", ["h-rejections"]),
    # 短信核验类.md@1ff437c: "部分虚拟号段和新号段的手机号码不支持接收工信部系统短信".
    ("sms_verification_failed", "unsupported_number", ["tc-faq-sms"]),
    # 短信核验.md@09f99bf: "输入的3条信息（短信验证码、手机号码、证件号码后6位）不匹配";
    # "共计输错5次后，第6次验证时工信部系统会将您的备案申请信息退回".
    ("sms_verification_failed", "wrong_inputs", ["tc-faq-sms-process"]),
    # Seed FAQ, 可能原因: "填写的备案/许可证号不正确".
    ("filing_not_found", "invalid_number", ["tc-seed-faq"]),
    # 备案密码.md@2b2713b, 方法一: "选择您的主体所在的省份".
    ("filing_not_found", "other_province", ["tc-faq-password"]),
    # 备案审核.md@0aee723 "审核提示备案域名冲突": "域名可能同时在两个接入商提交备案".
    ("conflicting_applications", "domain_in_two_places", ["tc-faq-review"]),
    # Huawei 驳回咨询 doc_0018: "未查询到域名实名认证信息"; "域名未入库".
    ("domain_owner_mismatch", "owner_not_verified", ["h-rejections"]),
]


@pytest.mark.parametrize(("failure", "cause", "sources"), CAUSE_SOURCES)
def test_cause_cites_its_sources(failure: str, cause: str, sources: list[str]) -> None:
    info = bp.default_policy().failure_info(bp.Failure(failure))
    (found,) = [c for c in info.causes if c.id == cause]
    assert [s.id for s in found.sources] == sources


# National rules and every page cited for each, in order (the page that states the rule
# first): §3.1 Tencent's FAQs, §3.3 the other providers, §2 the provinces' own pages and
# providers-and-history §2 for the dates; the seed FAQ in seed-faq.md.
NATIONAL_RULE_SOURCES: dict[str, list[str]] = {
    # Seed FAQ "接入备案是为您的备案信息增加一个新的服务商，接入过程中无法修改备案信息。您可在原
    # 接入商先修改好备案信息，再将备案信息接入腾讯云"; TFAQ 接入备案类: "多个接入商可同时存在";
    # "在接入过程中无法修改备案信息"; "您可在原接入商处修改备案信息后再进行接入备案" (the Tencent
    # default for every province).
    "transfer_adds_provider": ["tc-seed-faq", "tc-faq-transfer"],
    "no_edit_during_transfer": ["tc-seed-faq", "tc-faq-transfer"],
    "change_first_by_default": ["tc-seed-faq", "tc-faq-transfer"],
    # seed-faq.md, 短信验证未通过: "网站负责人联系方式1，需要与原接入商网站负责人联系方式1的号码
    # 保持一致"; then Tencent's 短信核验 FAQ (短信核验类: "如您是接入备案，网站负责人手机号码不一致
    # 请先变更再进行接入") and process page (短信核验.md: "需先进行变更备案后再填写变更备案成功后新
    # 的手机号码"), and the pages that date it: the Aliyun SMS doc's pilot provinces
    # (a-sms-pilots, 2017-12-18 / 2018-09-10 / 2018-09-24) and UCloud's "2020年8月17日起，全国
    # 所有省份，均需完成短信核验" (u-sms-nationwide), providers-and-history §2.
    "sms_phone_must_match": [
        "tc-seed-faq",
        "tc-faq-sms",
        "tc-faq-sms-process",
        "a-sms-pilots",
        "u-sms-nationwide",
    ],
    # The 24 hours: 短信核验类, and 备案流程.md@039605f (tc-process) step 4 "您需在24小时内，访问
    # 工信部备案管理系统进行验证"; dated as above.
    "sms_within_24_hours": ["tc-faq-sms", "tc-process", "a-sms-pilots", "u-sms-nationwide"],
    # 短信核验类: if the original provider cannot be reached "只能注销备案后重新提交新增网站".
    "unreachable_provider_refile": ["tc-faq-sms"],
    # §3.3 "Conflict": Tencent's "接入过程中无法修改备案信息" (seed FAQ and 接入备案类) against
    # Huawei's filing-rules.yml "可直接上传最新证件" and its 迁移备案咨询 "新增接入时部分省份允许
    # 变更备案信息"; QingCloud "在当地管局允许时，可先接入后变更"; JD's "部分省市管局要求接入前后
    # 的备案信息需保持一致".
    "providers_differ_on_changes_during_transfer": [
        "tc-seed-faq",
        "tc-faq-transfer",
        "h-rules",
        "h-migration",
        "q-add-access",
        "j-access-notes",
    ],
    # §3.1 "Quantity — conflict between versions" of 接入备案类 (L and A).
    "sites_per_transfer_versions_differ": ["tc-faq-transfer", "tc-faq-transfer-a"],
    # §2: 湖南 TC "或者注销后重新备案"; 西藏 TC "若不一致需先到原接入商进行变更备案或注销后重新
    # 备案"; 河北 TC "需注销原备案号再提交备案，或去原接入商变更"; 宁夏 TC "注销 or change at 原接入
    # 商"; 湖南 Q "变更备案或注销后重新备案" and 四川 Q (same words); the OLD 接入备案.md remedy 3
    # "注销原备案信息，再重新备案" (icp-numbers-and-process §1).
    "cancel_and_refile_instead": [
        "tc-cn-hn",
        "tc-cn-xz",
        "tc-cn-he",
        "tc-cn-nx",
        "q-cn-hn",
        "q-cn-sc",
        "tc-old-transfer-faq",
    ],
    # seed FAQ "域名与备案主体不一致时…先修改域名的所有者信息，再接入备案"; 备案域名.md "备案主办
    # 单位名称或法定代表人需要与域名所有者实名认证信息保持一致"; the MIIT notice of 2018-01-01
    # as UCloud's notice2 carries it (providers-and-history §2); Alibaba's 网站备案域名核验.md
    # (providers-and-history §2, 2018-01-01 row: "个人…域名注册者应为互联网信息服务者本人；单位…
    # 域名注册者应为单位（含公司股东）、单位主要负责人或高级管理人员").
    "domain_owner_must_match_subject": ["tc-seed-faq", "tc-domains", "u-domain-2018", "a-domain-check-2018"],
    # 备案域名.md: "境外注册商所注册的域名不能直接备案".
    "overseas_domain_not_accepted": ["tc-domains"],
    # 备案号.md: "备案号一经注销，便不可恢复，且网站无法正常访问。若网站要重新开通，建议尽快重新
    # 提交网站备案"; seed FAQ "注销后网站将无法正常访问", "主体被注销…重新提交首次备案".
    "cancelled_number_not_restorable": ["tc-faq-number", "tc-seed-faq"],
    # providers-and-history §2: 2019-12-16, UCloud notice15 (the footer's number linked to
    # https://beian.miit.gov.cn); 2019-04-25, UCloud notice13 (the old hosts stopped).
    "footer_number_linked": ["u-footer", "u-hosts"],
    # seed-faq.md, 接入备案申请审核不通过是否影响网站访问: "长时间处于审核不通过状态，且您没有
    # 其他接入商，您的备案号可能会被管局注销"; 取消接入.md@42573ab (tc-faq-cancel-access):
    # "若长时间未接入其他服务商，其备案信息会有被管局注销的风险".
    "long_rejection_risks_cancellation": ["tc-seed-faq", "tc-faq-cancel-access"],
    # Seed FAQ "主体被注销，您可以…重新提交首次备案", "如果主体下没有任何网站，您需注销主体后重新
    # 提交首次备案"; Huawei 驳回咨询 "若主体下所有网站已注销成为空壳主体，需先注销主体再重新提交首次
    # 备案"; §2: 河北 TC "需注销原备案号再提交备案", 宁夏 TC (注销 or change at 原接入商), 湖南 TC
    # "或者注销后重新备案".
    "refile_changed_subject_as_first_filing": [
        "tc-seed-faq",
        "h-rejections",
        "tc-cn-he",
        "tc-cn-nx",
        "tc-cn-hn",
    ],
    # Seed FAQ "部分省市允许直接接入，部分省市不允许直接接入，具体可查看各省管局要求"; 接入备案类.md
    # "各省管局对接入备案有不同规则".
    "confirm_default_before_cancelling": ["tc-seed-faq", "tc-faq-transfer"],
    # 湖南管局备案要求.md@71db636 (both tabs) "无腾讯云主体的新增接入和新增网站，备案的信息一定要跟原
    # 备案信息一致"; 四川管局备案要求.md@ca8d1ef (both tabs) "无腾讯云主体的新增网站和新增接入，新信息
    # 和之前的信息必须一致"; 陕西管局备案要求.md@3922063 (企业) "提交新增网站需要先找原接入商变更
    # 正确主体信息后再提交新增".
    "subject_must_match_when_adding_website": ["tc-cn-hn", "tc-cn-sc", "tc-cn-sn"],
    # Seed FAQ "可以等备案信息成功接入腾讯云后再设置域名解析，指向腾讯云服务器".
    "dns_after_transfer": ["tc-seed-faq"],
    # Seed FAQ "接入备案后需要更新备案信息吗？…在规定时间内完成备案信息的变更操作".
    "update_after_transfer": ["tc-seed-faq"],
    # providers-and-history §3: Tencent's "可备案的域名后缀", "更新于2020年7月24日", as its copy in
    # errata-ai/vale fixtures/i18n/zh.md@ef0455d keeps it.
    "fileable_tlds": ["tc-fileable-tlds"],
    # QingCloud domain_check.md@c91b217 "非上海地区备案：域名距离到期日期需大于90天" (上海 180).
    "domain_validity": ["q-domain-check"],
    # UCloud problem8.md "域名实名认证完成时间满3个自然日后才能备案" (providers-and-history §3);
    # QingCloud domain_check.md "建议您在实名认证完成三天后申请备案".
    "domain_real_name_age": ["u-real-name", "q-domain-check"],
    # UCloud notice14.md "从2019年4月22日起…'一个域名对应一个备案编号。'" (providers-and-history
    # §2); Alibaba 变更备案.md@f0c5f07 "2019年4月22日起，变更网站信息时，只能对网站域名进行删除，
    # 不能修改或新增域名".
    "one_domain_per_website": ["u-one-domain", "a-change-filing"],
    # Seed FAQ 未提供前置审批文件: "必须办理前置审批文件"; 前置审批相关.md@3d84a94 "需要进行前置
    # 审批，才能通过备案".
    "preapproval_for_regulated": ["tc-seed-faq", "tc-faq-preapproval"],
    # Seed FAQ "只要您域名在工信部的备案信息尚未被注销，接入备案申请审核不通过暂不会影响您的网站
    # 访问"; QingCloud add_access "接入备案期间，如原备案的IP资源有效可继续解析访问".
    "rejection_keeps_site_reachable": ["tc-seed-faq", "q-add-access"],
}


@pytest.mark.parametrize("rule", sorted(NATIONAL_RULE_SOURCES))
def test_national_rule_cites_its_sources(rule: str) -> None:
    assert [s.id for s in bp.default_policy().national_rule(rule).sources] == NATIONAL_RULE_SOURCES[rule]


def test_the_older_xizang_tencent_page_speaks_for_companies_only() -> None:
    """provinces.md §2 西藏: Tencent's A version is "older, no 党建 rule, 企业 only", so it
    never answers for a person or for a question that names no subject kind."""
    for day in (None, dt.date(2019, 10, 1), dt.date(2020, 6, 1)):
        for change in bp.Change:
            for kind in (None, IND):
                decision = bp.assess_transfer("CN-XZ", change.value, subject_kind=kind, as_of=day)
                (verdict,) = decision.verdicts
                assert verdict.sources[0].id != "tc-cn-xz-a", (change, kind, day)


def test_every_stated_site_fact_is_pinned() -> None:
    policy = bp.default_policy()
    stated = {
        (province.code, fact)
        for province in bp.provinces()
        for fact in ("filed_sites_reachable", "unfiled_sites_closed")
        if getattr(policy.rules_for(province), fact).value is not None
    }
    assert stated == {(code, fact) for code, fact, *_ in FACTS}


def test_every_failure_cause_remedy_and_national_rule_is_pinned() -> None:
    """A record added to the data file gets its pages pinned above too."""
    policy = bp.default_policy()
    infos = [policy.failure_info(failure) for failure in bp.Failure]
    assert sorted(i.failure.value for i in infos) == sorted(FAILURE_SOURCES)
    causes = sorted((i.failure.value, c.id) for i in infos for c in i.causes)
    assert causes == sorted((failure, cause) for failure, cause, _ in CAUSE_SOURCES)
    remedies = sorted((i.failure.value, r.id) for i in infos for r in i.remedies)
    assert remedies == sorted((failure, remedy) for failure, remedy, _ in REMEDY_SOURCES)
    assert sorted(r.id for r in policy.national_rules) == sorted(NATIONAL_RULE_SOURCES)

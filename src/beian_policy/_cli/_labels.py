"""The labels of the command line, in both languages.

The data's own texts (province names, changes, steps, failures) come from the data
file in both languages; only the words of this interface live here. Each key is
written out where it is used, never computed, so a test can check that every key
here is used and every key used is here.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from .._model import Text

__all__ = ["LABELS"]

_LABELS: dict[str, Text] = {
    "changes": Text("变更", "Changes"),
    "none": Text("无", "none"),
    "verdict": Text("结论", "Verdict"),
    "direct_none": Text("可以直接接入：没有需要先变更的信息", "direct: nothing needs changing first"),
    "direct_deferred": Text(
        "可以直接接入：先接入，接入成功后再提交变更",
        "direct: transfer first, then file the changes afterwards",
    ),
    "not_direct": Text(
        "不能直接接入：须先在原接入商变更阻断项",
        "not direct: file the blocking changes at the original provider first",
    ),
    "not_direct_refile": Text(
        "不能直接接入，且原接入商无法联系：须注销备案后重新备案（主体或网站，见下列步骤）",
        "not direct, and the original provider cannot be reached: cancel and file again"
        " (the subject or the website, see the steps)",
    ),
    "caution": Text("注意：", "Caution: "),
    "transfer_rules": Text("各项变更的时机", "When each change is filed"),
    "every_other_change": Text("其他所有变更", "every other change"),
    "requirements": Text("其他要求", "Further requirements"),
    "notes_en": Text("备注（原文为英文）", "Notes"),
    "national_rules": Text("各省通用的规则", "Rules in every province"),
    "rejection": Text("接入申请被驳回时", "When a transfer is rejected"),
    "rejection_site": Text(
        "只要工信部的备案没有被注销，驳回不影响网站访问",
        "the site stays reachable as long as its MIIT filing is not cancelled",
    ),
    "rejection_risk": Text(
        "长期处于驳回状态、又没有其他接入商的，备案号可能被管局注销",
        "left rejected with no other provider, the filing may be cancelled",
    ),
    "rejection_dns": Text(
        "审核通过之前不要把域名解析指向新接入商", "do not point DNS at the new provider before approval"
    ),
    "rejection_restore": Text("被注销的备案号不能恢复", "a cancelled number cannot be restored"),
    "note_place": Text("“{t}”是{p}的{city}，以下按{p}回答", "{t} is {city} in {p}: answering for {p}"),
    "note_romanisation": Text(
        "“{t}”按{p}回答；如果指的是{o}，请写 {o_en} 或“{o}”",
        "{t} is read as {p}; for {o}, write {o_en} or {o}",
    ),
    "basis": Text("依据", "Basis"),
    "basis_province": Text("省管局明确规定", "the province's own stated rules"),
    "basis_national_default": Text(
        "没有已知的本省规则，按稳妥的默认做法处理（先在原接入商变更，再接入）",
        "no rule is known for this province, so the cautious default applies"
        " (change at the original provider first)",
    ),
    "basis_national_rule": Text("全国规则", "national rules only"),
    "basis_short_province": Text("本省规则", "province rule"),
    "basis_short_national_default": Text(
        "本省规则未知，按稳妥默认", "no province rule known: cautious default"
    ),
    "basis_short_national_rule": Text("全国规则", "national rule"),
    "disputed": Text("有争议", "Disputed"),
    "disputed_yes": Text("是：有现行来源的说法与此不同", "yes: a current source says otherwise"),
    "no": Text("否", "no"),
    "yes": Text("是", "yes"),
    "data": Text("数据版本", "Data"),
    "subject_kind": Text("主体性质", "Subject"),
    "organisation": Text("单位", "organisation"),
    "individual": Text("个人", "individual"),
    "any_kind": Text("未指定", "not given"),
    "blocking": Text("阻断接入（须先在原接入商变更）", "Blocking (change at the original provider first)"),
    "deferred": Text("可延后（接入成功后再变更）", "Deferred (may be changed after the transfer)"),
    "rule": Text("规则", "rule"),
    "sources": Text("来源", "Sources"),
    "sources_short": Text("来源", "sources"),
    "fact_province": Text("备案所在省", "the province"),
    "fact_cause": Text("失败原因", "the cause"),
    "fact_icp_number": Text("备案号", "the ICP number"),
    "deadline": Text("{n}个工作日内", "within {n} working days"),
    "disputed_mark": Text("有争议", "disputed"),
    "dissent_says": Text("{who}的说法不同：{what}", "{who} says otherwise: {what}"),
    "dissent_boilerplate": Text(
        "该来源各省页面通用的句子", "a line the source repeats on every province page"
    ),
    "dissent_before": Text("须先在原接入商变更", "change at the original provider first"),
    "dissent_after": Text("可以先接入、接入成功后再变更", "transfer first, change afterwards"),
    "dissent_with_transfer": Text("接入备案时直接带上新信息", "the transfer carries the new details"),
    "with_transfer": Text("随接入", "with the transfer"),
    "carried": Text("随接入备案一并变更", "Carried by the transfer"),
    "undated": Text("日期不详", "undated"),
    "not_in_effect": Text("该日期不适用", "not in effect on that date"),
    "date_bound": Text("不早于 {d}", "not before {d}"),
    "as_of": Text("截至", "As of"),
    "according_to": Text("依据", "According to"),
    "evidence": Text("最新证据", "Newest evidence"),
    "decided_by": Text("出自：{who}，{when}", "stated by {who}, {when}"),
    "transfer_note": Text("规则不明的原因", "Why the rule is unknown"),
    "events": Text("相关的日期事件", "Dated events"),
    "in_force_from": Text("自 {d} 起", "from {d}"),
    "national_statements": Text(
        "接入商对本系统的全国性说明", "Providers' national statements (their own systems)"
    ),
    "deadline_label": Text("期限", "deadline"),
    "changes_label": Text("变更项", "changes"),
    "irreversible": Text("无法撤销", "cannot be undone"),
    "code": Text("代码", "code"),
    "name": Text("名称", "name"),
    "name_other": Text("英文名", "Chinese"),
    "abbr": Text("简称", "abbr"),
    "default_rule": Text("变更时机", "changes"),
    "specific": Text("细则", "more"),
    "filed_up": Text("已备可访", "filed up"),
    "unfiled_off": Text("未备关闭", "unfiled off"),
    "after": Text("接入后", "after"),
    "before": Text("先变更", "before"),
    "unknown": Text("未知", "unknown"),
    "days_short": Text("{n}日", "{n}d"),
    "legend_default_rule": Text(
        "省管局对没有单独规则的变更的要求：接入后＝可先接入、接入成功后再变更（n日＝变更期限，工作日）；"
        "先变更＝须先在原接入商变更；未知＝没有来源说明，按先变更处理",
        "the rule for changes without a rule of their own: after = transfer first, change "
        "afterwards (nd = deadline in working days); before = change at the original "
        "provider first; unknown = no source says, so change first",
    ),
    "legend_specific": Text(
        "针对特定变更或特定主体性质的规则数",
        "rules for particular changes or subject kinds",
    ),
    "legend_filed_up": Text(
        "主体下已备案的网站须保持可访问",
        "the subject's filed websites must stay reachable",
    ),
    "legend_unfiled_off": Text(
        "未备案的网站或域名须保持关闭",
        "unfiled websites and domains must stay closed",
    ),
    "legend_marks": Text(
        "?＝没有来源说明；*＝有现行来源的说法不同。详情：beian-policy check 省份 -c 变更",
        "? = no source says; * = a current source disagrees. Details: beian-policy check PROVINCE -c CHANGE",
    ),
    "icp_province": Text("省份", "province"),
    "icp_kind": Text("类型", "kind"),
    "icp_subject": Text("主体备案号", "subject number"),
    "icp_serial": Text("流水号", "serial"),
    "icp_site": Text("网站序号", "website"),
    "icp_service": Text("服务类型", "service"),
    "icp_written": Text("注意", "note"),
    "kind_filing": Text("非经营性备案，ICP备", "non-commercial filing, ICP备"),
    "kind_licence": Text("经营性ICP许可证，ICP证", "commercial ICP licence, ICP证"),
    "kind_b2": Text("增值电信业务经营许可证，B2", "value-added telecom licence, B2"),
    "ministry": Text("无（工业和信息化部颁发）", "none (issued by the ministry, MIIT)"),
    "subject_only": Text("无（这是主体备案号）", "none (this is the subject's number)"),
    "service_A": Text("App", "app"),
    "service_X": Text("小程序", "mini-program"),
    "service_none": Text("网站", "website"),
    "alt_abbr": Text(
        "用了非官方简称“{a}”；工信部号码用“{c}”，请核对是否抄错或伪造",
        "written with {a}, not the official {c}: check for a typo or a fake",
    ),
    "causes": Text("可能原因", "Causes"),
    "remedies": Text("处理办法", "Remedies"),
    "applies": Text("适用", "applies"),
    "applies_if": Text("适用条件：{c}", "applies if {c}"),
    "to_decide": Text("补充以下信息可确定处理办法", "Give these to settle the remedy"),
    "related": Text("相关失败原因", "Related failures"),
    "disputes_head": Text(
        "来源有分歧的答案：{n} 个（数据版本 {v}）", "Answers the sources disagree on: {n} (data {v})"
    ),
    "answer": Text("本库的答案", "answer"),
    "decides": Text("答案依据", "decides"),
    "boilerplate": Text("多省通用的套话", "boilerplate"),
    "facts": Text("已知情况", "Facts"),
    "icp_subject_number": Text("主体备案号", "Subject number"),
    "icp_problem": Text("备案号问题", "ICP number"),
    "province": Text("省份", "Province"),
    "steps": Text("步骤", "Steps"),
    "valid_ok": Text(
        "{path}：没有问题（{n}个省份，数据版本 {v}，格式 {s}）",
        "{path}: OK ({n} provinces, data {v}, schema {s})",
    ),
    "valid_bad": Text("{path}：{n}个问题", "{path}: {n} problem(s)"),
    "v_code": Text("程序版本", "code"),
    "v_data": Text("数据版本", "data"),
    "v_as_of": Text("数据核对日期", "as of"),
    "v_schema": Text("数据格式", "schema"),
    "v_reads": Text("本程序读取 {s}", "this code reads {s}"),
    "v_file": Text("数据文件", "data file"),
    "severity_blocks": Text("阻断", "blocks"),
    "severity_warning": Text("警告", "warning"),
    "severity_check": Text("待核实", "check"),
    "severity_info": Text("提示", "info"),
    "fix": Text("处理", "Fix"),
    "field": Text("字段", "Field"),
    "finding_rule": Text("规则", "Rule"),
    "findings": Text("发现", "Findings"),
    "checked_on": Text("检查日期", "Checked on"),
    "no_findings": Text("没有发现问题。", "Nothing found."),
    "preflight_ok": Text(
        "没有阻断项，可以提交（仍请处理警告和待核实项）",
        "nothing blocks: ready to submit (see to the warnings and checks)",
    ),
    "preflight_blocked": Text("有阻断项：提交前须先处理", "something blocks: fix it before submitting"),
    "footer_number": Text("备案号", "Filing number"),
    "footer_ok": Text("页脚符合要求", "the footer meets the rule"),
    "footer_blocked": Text("页脚不符合要求", "the footer does not meet the rule"),
}

#: Label key to its text; ``{name}`` fields are filled in by the formatter.
LABELS: Mapping[str, Text] = MappingProxyType(_LABELS)

"""The command line's text, rendered without argparse or stdout.

Expected lines are written by hand from the data's sources: 辽宁's page (tc-cn-ln)
says every change is made at the original provider before the transfer; 北京 allows
transfer first with 10 working days to file the change; 粤B2-20090059 is a value-added
telecom licence of 广东. The data version is replaced by a fixed one, so a data
release does not touch these tests.
"""

from __future__ import annotations

import argparse

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import beian_policy as bp
from beian_policy._cli._format import Formatter
from beian_policy._cli._layout import WIDTH, display_width, pad, wrap
from beian_policy._cli._parser import build_parser
from beian_policy._cli._render import (
    _FACT_OPTIONS,
    decision_lines,
    diagnosis_lines,
    icp_number_lines,
    plan_lines,
    problems_text,
    provinces_lines,
    validation_lines,
)
from beian_policy.errors import DataProblem

VERSION = "test-data"


def _dated(lang: bp.Lang) -> dict[str, str]:
    """How the output names each source's date: written from the data's dating keys, so
    that these layout tests follow the data engineer's dates without restating them."""
    fmt = Formatter(lang)
    return {s.id: fmt.when(s.start, bound=s.start_is_bound) for s in bp.default_policy().sources}


ZH_DATE = _dated(bp.Lang.ZH)
EN_DATE = _dated(bp.Lang.EN)


def words(lang: bp.Lang) -> Formatter:
    policy = bp.default_policy()
    return Formatter(
        lang,
        {change: policy.change_text(change) for change in bp.Change},
        {term.id: term.text for term in policy.fact_terms},
        {info.failure.value: info.title for info in policy.failures},
    )


def test_liaoning_subject_name_is_not_direct_in_chinese() -> None:
    # 辽宁 states change-first on Tencent's company (企业备案) tab: organisations only.
    decision = attrs.evolve(
        bp.assess_transfer("辽宁", ["subject_name"], subject_kind="organisation"), data_version=VERSION
    )
    assert decision_lines(decision, words(bp.Lang.ZH)) == [
        "辽宁省（CN-LN，Liaoning）",
        "变更：      主办单位名称",
        "主体性质：  单位",
        "结论：      不能直接接入：须先在原接入商变更阻断项",
        "依据：      省管局明确规定 [province]",
        "有争议：    否",
        "数据版本：  test-data",
        "截至：      2026-12-02",
        # Tencent's tab-layout page: no older than the 2021-01-21 updates.
        "最新证据：  2021-01-21",
        "",
        "阻断接入（须先在原接入商变更）：",
        "  - 主办单位名称 [subject_name]",
        "    规则 [CN-LN/tc-cn-ln/1]（本省规则）",
        f"    出自：腾讯云 [tc-cn-ln]，{ZH_DATE['tc-cn-ln']}",
        # The deciding statement's note, in Chinese (Tencent's company tab).
        "    企业页签：辽宁不接受先接入后变更：所有变更都须在接入前于原接入商处完成。",
        "",
        "可延后（接入成功后再变更）：",
        "  无",
        "",
        "来源：",
        "  [tc-cn-ln] 腾讯云: 辽宁省管局要求",
        "      https://cloud.tencent.com/document/product/243/51688",
    ]


def test_beijing_defers_the_change_with_its_deadline_in_english() -> None:
    # 北京's transfer-first rule is on Tencent's company tab: organisations only.
    decision = attrs.evolve(
        bp.assess_transfer("北京", ["subject_name"], subject_kind="organisation"), data_version=VERSION
    )
    lines = decision_lines(decision, words(bp.Lang.EN))
    assert lines[:17] == [
        "Beijing (北京市, CN-BJ)",
        "Changes:          subject name",
        "Subject:          organisation",
        "Verdict:          direct: transfer first, then file the changes afterwards",
        "Basis:            the province's own stated rules [province]",
        "Disputed:         no",
        "Data:             test-data",
        "As of:            2026-12-02",
        # Tencent's tab-layout page: no older than the 2021-01-21 updates.
        "Newest evidence:  2021-01-21",
        "",
        "Blocking (change at the original provider first):",
        "  none",
        "",
        "Deferred (may be changed after the transfer):",
        "  - subject name [subject_name] (within 10 working days)",
        "    rule [CN-BJ/tc-cn-bj/1] (province rule)",
        f"    stated by Tencent Cloud [tc-cn-bj], {EN_DATE['tc-cn-bj']}",
    ]


def test_a_plan_without_the_original_provider_says_refile() -> None:
    plan = bp.plan_transfer(
        "辽宁", ["subject_name"], subject_kind="organisation", facts={"original_provider_reachable": False}
    )
    plan = attrs.evolve(plan, decision=attrs.evolve(plan.decision, data_version=VERSION))
    lines = plan_lines(plan, words(bp.Lang.EN))
    assert lines[3:6] == [
        "Verdict:          not direct, and the original provider cannot be reached:",
        "                  cancel and file again (the subject or the website, see the",
        "                  steps)",
    ]
    steps = lines.index("Steps:")
    assert lines[steps + 1] == " 1. Cancel the filing subject"
    assert lines[steps + 2] == "    cannot be undone · changes: subject name"


def test_a_plan_with_the_original_provider_keeps_the_plain_verdict() -> None:
    plan = bp.plan_transfer("辽宁", ["subject_name"])
    lines = plan_lines(plan, words(bp.Lang.ZH))
    assert lines[3] == "结论：      不能直接接入：须先在原接入商变更阻断项"


def test_a_b2_licence_number_in_english() -> None:
    number = bp.parse_icp_number("粤B2-20090059-5")
    assert icp_number_lines(number, Formatter(bp.Lang.EN)) == [
        "粤B2-20090059-5",
        "  province:        Guangdong (广东省, CN-GD)",
        "  kind:            value-added telecom licence, B2 [b2]",
        "  subject number:  粤B2-20090059",
        "  serial:          20090059",
        "  website:         5",
        "  service:         website",
    ]


def test_an_app_filing_number_in_chinese() -> None:
    number = bp.parse_icp_number("京ICP备12345678号-1A")
    assert icp_number_lines(number, Formatter(bp.Lang.ZH)) == [
        "京ICP备12345678号-1A",
        "  省份：        北京市（CN-BJ，Beijing）",
        "  类型：        非经营性备案，ICP备 [filing]",
        "  主体备案号：  京ICP备12345678号",
        "  流水号：      12345678",
        "  网站序号：    1",
        "  服务类型：    App",
    ]


def test_a_subject_number_has_no_website() -> None:
    number = bp.parse_icp_number("京ICP备12345678号")
    lines = icp_number_lines(number, Formatter(bp.Lang.EN))
    assert lines[-2:] == [
        "  website:         none (this is the subject's number)",
        "  service:         -",
    ]


def test_province_rows_at_a_glance() -> None:
    """北京 and 辽宁 state their rules on Tencent's company tab only, so the rule for every
    subject kind is unknown; 北京 has three rules of its own (company tab and 个人 tab) and
    closes unfiled sites; 辽宁 has one rule of its own."""
    policy = bp.default_policy()
    rules = [policy.rules_for(bp.resolve_province(code)) for code in ("CN-BJ", "CN-LN")]
    lines = provinces_lines(rules, VERSION, Formatter(bp.Lang.ZH), as_of=bp.DATA_AS_OF)
    assert lines[:4] == [
        "代码   名称  英文名    简称  变更时机  细则  已备可访  未备关闭",
        "-----  ----  --------  ----  --------  ----  --------  --------",
        # Tencent's three statements and the two company rules of Alibaba's 2018 page.
        "CN-BJ  北京  Beijing   京    未知      +5    ?         是",
        "CN-LN  辽宁  Liaoning  辽    未知      +11   ?         ?",
    ]
    assert lines[-1] == "数据版本：  test-data"


def test_a_subject_mismatch_in_liaoning_is_settled_by_changing_first() -> None:
    diagnosis = bp.diagnose("subject_mismatch", "辽宁")
    lines = diagnosis_lines(diagnosis, words(bp.Lang.EN))
    assert lines[:5] == [
        "The subject in the transfer differs from the filed subject [subject_mismatch]",
        "Province:  Liaoning (辽宁省, CN-LN)",
        "Facts:     the province allows transfer first, change afterwards: no, the",
        "           province requires the details to match (or its rule is unknown, so",
        "           the strict default applies): yes",
    ]
    remedies = lines.index("Remedies:")
    assert lines[remedies + 3] == "    transfer once it is approved [change_first] (applies)"
    steps = lines.index("Steps:")
    assert lines[steps + 1] == " 1. File a change at the original provider and wait for approval"
    assert (
        "Related failures: The filing details in the transfer differ from the record at the original"
        in " ".join(lines)
    )
    assert "[provider_info_mismatch]" in " ".join(lines)
    assert "Give these to settle the remedy:" not in lines  # decided: nothing to ask


def test_a_diagnosis_without_a_province_asks_for_one() -> None:
    lines = diagnosis_lines(bp.diagnose("subject_mismatch"), Formatter(bp.Lang.EN))
    asks = lines.index("Give these to settle the remedy:")
    assert lines[asks + 1] == "  - the province: --province P"


def test_the_options_a_diagnosis_asks_for_exist() -> None:
    parser = build_parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    known = set(commands.choices["diagnose"]._option_string_actions)
    asked = {text.split()[0] for hint in _FACT_OPTIONS.values() for text in hint.split(" / ")}
    assert asked == {
        "--province",
        "--cause",
        "--submitted",
        "--not-submitted",
        "--has-other-websites",
        "--no-other-websites",
        "--original-provider-reachable",
        "--original-provider-unreachable",
        "--icp-number",
    }
    assert asked <= known


def test_problems_in_a_data_file() -> None:
    problems = [
        DataProblem("provinces[3]", "code", "expected an ISO 3166-2 code"),
        DataProblem("sources", "", "no sources"),
    ]
    assert validation_lines("bad.toml", None, problems, Formatter(bp.Lang.EN)) == [
        "bad.toml: 2 problem(s)",
        "  - provinces[3]: code: expected an ISO 3166-2 code",
        "  - sources: no sources",
    ]
    assert problems_text("bad.toml", problems, "; see all") == (
        "bad.toml: bad policy data: provinces[3]: code: expected an ISO 3166-2 code (and 1 more; see all)"
    )
    assert problems_text("bad.toml", problems[1:]) == "bad.toml: bad policy data: sources: no sources"


# -- the formatter ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (bp.Lang.ZH, ["变更：      a", "主体性质：  b"]),
        (bp.Lang.EN, ["Changes:  a", "Subject:  b"]),
    ],
)
def test_fields_align_values_by_display_width(lang: bp.Lang, expected: list[str]) -> None:
    fmt = Formatter(lang)
    assert fmt.fields([fmt.row("changes", "a"), fmt.row("subject_kind", "b")]) == expected


def test_asides_and_yes_no() -> None:
    zh, en = Formatter(bp.Lang.ZH), Formatter(bp.Lang.EN)
    assert zh.aside(["a", "", "b"]) == "（a，b）"
    assert en.aside(["a", "", "b"]) == " (a, b)"
    assert en.aside(["", ""]) == ""
    assert [en.yes_no(v) for v in (True, False, None)] == ["yes", "no", "?"]
    assert [zh.yes_no(v) for v in (True, False, None)] == ["是", "否", "?"]
    assert zh.deadline(10) == "10个工作日内"
    assert en.deadline(None) == ""


# -- layout -----------------------------------------------------------------------------


def test_display_width_counts_wide_characters_twice() -> None:
    assert display_width("辽宁 CN-LN") == 10
    assert display_width("a\u200bb") == 2
    assert display_width("CN-LN\t1") == 7  # ASCII: one column each, control characters too
    assert display_width("e\u0301") == 1  # a combining accent takes none
    assert pad("辽宁", 6) == "辽宁  "


def test_wrap_keeps_a_long_url_whole() -> None:
    url = "https://example.com/" + "x" * 90
    assert wrap(f"see {url} now", indent="  ") == ["  see", "  " + url, "  now"]


def test_wrap_keeps_closing_punctuation_with_the_character_before() -> None:
    # 40 wide characters fill a line; the full stop may not start the next one.
    assert wrap("一" * 40 + "。") == ["一" * 39, "一。"]


_words = st.text(alphabet="ab辽宁（）。", min_size=1, max_size=12)


@given(st.lists(_words, min_size=1, max_size=40))
def test_wrapped_lines_fit_and_keep_every_word(items: list[str]) -> None:
    text = " ".join(items)
    lines = wrap(text)
    for line in lines:
        assert display_width(line) <= WIDTH or " " not in line.strip()
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_a_disputed_plan_names_who_disagrees() -> None:
    # 陕西 organisations: Tencent (tc-cn-sn) allows transfer first; Alibaba Cloud's 2019-09-12
    # page (a-cn-sn) wants the name to match (JD Cloud's older line is superseded).
    plan = bp.plan_transfer("陕西", ["subject_name"], subject_kind="organisation")
    lines = plan_lines(plan, words(bp.Lang.EN))
    start = lines.index("Disputed:")
    end = lines.index("", start)
    assert lines[start + 1] == "  - subject name [subject_name]"
    said = " ".join(line.strip() for line in lines[start + 2 : end])
    assert (
        f"Alibaba Cloud [a-cn-sn] ({EN_DATE['a-cn-sn']}) says otherwise: change at the original"
        " provider first (Alibaba Cloud's 陕西 page (2019-09-12, company section)"
    ) in said
    assert "  [a-cn-sn] Alibaba Cloud: 陕西备案规则 (documentation export, new tree)" in lines


def test_the_icp_label_tables_name_every_kind_and_service() -> None:
    # Keyed by value so that the renderer need not import the ICP parser.
    from beian_policy._cli import _render
    from beian_policy._icp import IcpKind, IcpService

    assert set(_render._ICP_KIND_LABELS) == {kind.value for kind in IcpKind}
    assert set(_render._SERVICE_LABELS) == {service.value for service in IcpService}

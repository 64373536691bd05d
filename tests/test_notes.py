"""Notes are bilingual in the data and the API, and shown where they matter.

The expected texts are written here by hand, from the provinces' pages (the English)
and their Chinese renderings; they are not read from the data file under test.
"""

from __future__ import annotations

import re

import pytest

import beian_policy as bp
from beian_policy._cli import main
from beian_policy.errors import PolicyDataError
from tests.conftest import replace_once


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    main(list(args))
    return capsys.readouterr().out


def flat(text: str, *, lang: str = "zh") -> str:
    """*text* with its line wrapping undone (the renderer wraps at 80 columns: between
    words in English, anywhere in Chinese)."""
    return re.sub(r"\s*\n\s*", " " if lang == "en" else "", text)


RENAME_EN = (
    "Company tab: a subject renamed, or moving from an old to a new certificate, supplies a rename letter."
)


def squeeze(text: str) -> str:
    """*text* without any white space (Chinese lines may also break at a space)."""
    return re.sub(r"\s+", "", text)


# -- the data and the API ---------------------------------------------------------------


def test_province_notes_requirements_and_facts_are_texts_in_both_languages() -> None:
    rules = bp.default_policy().rules_for(bp.resolve_province("北京"))
    (domains,) = [n for n in rules.notes if n.topic == "domains"]
    assert domains.text.get("en").startswith(
        "A .org domain filed before 2018-01-01 may still be transferred."
    )
    assert domains.text.get("zh").startswith("2018-01-01 之前备案的 .org 域名仍可办理接入备案。")
    (rename,) = [r for r in rules.requirements if r.id == "rename_letter"]
    assert rename.note == bp.model.Text(
        "企业页签：主体更名，或由旧证件换为新证件的，须提供更名证明。",
        RENAME_EN,
    )
    assert rules.unfiled_sites_closed.note == bp.model.Text(
        "只在腾讯云的企业页签上说明；个人页签未作说明。",
        "Stated on Tencent's company tab only; its individual tab is silent.",
    )
    assert rules.examples[2].note == bp.model.Text(
        "个人的主体名称备案后不能变更：须注销后重新备案。",
        "An individual's subject name cannot be changed once filed: cancel and file again.",
    )
    # A fact claim's note (天津: the 2017 page asked for closure only with WHOIS privacy).
    tianjin = bp.default_policy().rules_for(bp.resolve_province("天津"))
    (claim,) = tianjin.unfiled_sites_closed.claims
    assert claim.note is not None
    assert claim.note.get("zh") == "2017 年的页面只在域名开启了 WHOIS 隐私保护时才要求关站。"


def test_an_absent_note_is_none_and_null_in_json() -> None:
    # 北京's filed_sites_reachable has a note, its requirements' claims have none.
    plan = bp.plan_transfer("北京", ["subject_name"], subject_kind="organisation")
    data = bp.to_dict(plan)
    by_id = {step["id"]: step for step in data["steps"]}
    assert by_id["submit_transfer"]["note"] is None
    assert by_id["prepare_rename_letter"]["note"] == {
        "zh": "企业页签：主体更名，或由旧证件换为新证件的，须提供更名证明。",
        "en": RENAME_EN,
    }
    assert bp.from_dict(bp.TransferPlan, data) == plan


BJ_EXAMPLE_NOTE = (
    'note = { zh = "更名的企业可以先接入，再在 10 个工作日内办理变更备案。", '
    'en = "A renamed company may transfer first, then file the change within 10 working days." }'
)


def test_a_plain_string_note_is_refused_asking_for_both_languages(data_text: str) -> None:
    text = replace_once(
        data_text,
        BJ_EXAMPLE_NOTE,
        'note = "A renamed company may transfer first, then file the change within 10 working days."',
    )
    with pytest.raises(PolicyDataError) as caught:
        bp.loads_policy(text)
    message = str(caught.value)
    assert "provinces[0] (CN-BJ)" in message
    assert "examples[0].note" in message
    assert "both languages" in message
    assert '{ zh = "...", en = "..." }' in message


def test_a_note_with_one_language_empty_is_refused(data_text: str) -> None:
    text = replace_once(
        data_text,
        BJ_EXAMPLE_NOTE,
        'note = { zh = "", en = "A renamed company may transfer first, then file the change within 10 '
        'working days." }',
    )
    with pytest.raises(PolicyDataError, match=r"examples\[0\]\.note.*both Chinese \(zh\) and English \(en\)"):
        bp.loads_policy(text)


# -- where they are shown -----------------------------------------------------------------


def test_check_shows_guangdongs_filing_pledge(capsys: pytest.CaptureFixture[str]) -> None:
    zh = flat(run(capsys, "check", "广东", "-c", "subject_name", "--lang", "zh"))
    assert "本省须知：" in zh
    assert (
        "须提交：广东省网站备案承诺书（单位：手写日期、签名并盖公章；个人：签名并按手印）。 [tc-cn-gd]" in zh
    )
    assert "腾讯云建议变更备案和接入备案使用法定代表人的证件。 [tc-cn-gd]" in zh
    en = flat(run(capsys, "check", "广东", "-c", "subject_name", "--lang", "en"), lang="en")
    assert "Also in this province:" in en
    assert "Submit: 广东 website filing pledge" in en
    assert "Tencent recommends the legal representative's certificate" in en


def test_check_shows_that_beijing_accepts_a_domain_held_by_the_legal_representative(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ("check", "北京", "-c", "subject_name", "--subject-kind")
    zh = flat(run(capsys, *args, "单位", "--lang", "zh"))
    assert "域名可以由单位的法定代表人持有，不必转到单位名下。 [tc-cn-bj]" in zh
    # The company tab's requirements for this case: extra filings, overseas domains, the rename letter.
    assert "企业页签：主体更名，或由旧证件换为新证件的，须提供更名证明。" in zh
    en = flat(run(capsys, *args, "organisation", "--lang", "en"), lang="en")
    assert "The organisation's legal representative may hold the domain" in en
    assert "Company tab: a subject renamed, or moving from an old to a new certificate, supplies" in en
    # An individual holds no organisation: the company-tab items are not shown.
    individual = flat(run(capsys, *args, "个人", "--lang", "zh"))
    assert "法定代表人持有" not in individual
    assert "更名证明" not in individual
    # Without a subject kind they are shown, marked as for organisations.
    anyone = flat(run(capsys, "check", "北京", "-c", "subject_name", "--lang", "zh"))
    assert "域名可以由单位的法定代表人持有，不必转到单位名下。 [tc-cn-bj]" in anyone


def test_a_province_with_nothing_more_to_say_has_no_notes_section(capsys: pytest.CaptureFixture[str]) -> None:
    # 浙江: no requirement, no letter, no word on who holds the domain, no note on
    # changes or domains.
    out = run(capsys, "check", "浙江", "-c", "website_name", "--lang", "zh")
    assert "本省须知" not in out


def test_steps_show_each_steps_note(capsys: pytest.CaptureFixture[str]) -> None:
    args = ("steps", "北京", "-c", "subject_name", "--subject-kind", "organisation")
    zh = run(capsys, *args, "--lang", "zh")
    letter = zh.split("准备主体更名函\n")[1].split("\n")[0].strip()
    assert letter == "企业页签：主体更名，或由旧证件换为新证件的，须提供更名证明。"
    assert "域名可以由单位的法定代表人持有" in zh
    en = flat(run(capsys, *args, "--lang", "en"), lang="en")
    assert RENAME_EN in en
    # 新疆's party-building letter: a step with its note, in Chinese.
    xj = flat(run(capsys, "steps", "新疆", "--lang", "zh"))
    assert (
        "除注销、取消接入和不涉及域名的变更外，各类备案不论备案日期都须提供党建备案信息确认函；因此接入备案也需要。"
        in xj
    )


def test_province_shows_its_notes_in_the_chosen_language(capsys: pytest.CaptureFixture[str]) -> None:
    zh = flat(run(capsys, "province", "广东", "--lang", "zh"))
    assert "备注：" in zh
    assert "[materials] 个人身份证复印件上须按手印。" in zh
    en = flat(run(capsys, "province", "广东", "--lang", "en"), lang="en")
    assert "[materials] Copies of individuals' ID cards carry a fingerprint." in en


# -- the deciding statement's note ---------------------------------------------------------

BJ_AFTER_ZH = (
    "企业页签：新接入该接入商的企业可以先接入、后变更，变更备案须在审核通过后 10 个工作日内完成；"
    "更名或从旧证件换为新证件需提供更名证明。下一条规则中的主体字段是例外。"
)
BJ_AFTER_EN = (
    "Company tab: a company new to the provider may transfer first and change afterwards, with the "
    "change filing due within 10 working days of approval; a rename or a move from an old to a new "
    "certificate needs a rename letter. The subject fields in the next rule are the exception."
)
SC_MATCH_ZH = (
    "新接入该接入商的主体，接入的信息必须与已备案信息一致；有任何不同，须先在原接入商处变更。"
    "腾讯云在企业和个人两个页签上都这样写，青云在企业用户和个人用户下也都这样写。"
)


def test_a_verdict_carries_its_deciding_statements_note() -> None:
    decision = bp.assess_transfer("北京", ["subject_name"], subject_kind="organisation")
    (verdict,) = decision.verdicts
    assert verdict.note == bp.model.Text(BJ_AFTER_ZH, BJ_AFTER_EN)
    # Without a subject kind, Alibaba Cloud's per-kind 天津 statements take no part, so the
    # default decides; its note is the province's transfer note, saying what is known.
    (unknown,) = bp.assess_transfer("天津", ["subject_address"]).verdicts
    assert unknown.basis is bp.Basis.NATIONAL_DEFAULT
    assert unknown.note is not None
    assert unknown.note.zh.startswith("腾讯云天津页面没有说接入时信息可否变化。")
    assert unknown.note.en.startswith("Tencent's 天津 page does not say whether a transfer may carry changed")
    assert "2019-09-12" in unknown.note.en


def test_check_shows_the_deciding_note_once(capsys: pytest.CaptureFixture[str]) -> None:
    args = ("check", "北京", "-c", "subject_name,website_name", "--subject-kind", "organisation")
    zh = squeeze(run(capsys, *args, "--lang", "zh"))
    # One statement decides both changes: its note is printed once.
    assert zh.count(squeeze(BJ_AFTER_ZH)) == 1
    en = flat(run(capsys, *args, "--lang", "en"), lang="en")
    assert en.count(BJ_AFTER_EN) == 1
    assert BJ_AFTER_ZH not in en


def test_plan_steps_carry_the_deciding_statements_note(capsys: pytest.CaptureFixture[str]) -> None:
    plan = bp.plan_transfer("北京", ["subject_name"], subject_kind="organisation")
    (update,) = [s for s in plan.steps if s.id == "update_filing_after_transfer"]
    assert update.note == bp.model.Text(BJ_AFTER_ZH, BJ_AFTER_EN)
    # A step decided by the cautious default repeats no national text as a note.
    (first,) = [
        s for s in bp.plan_transfer("天津", ["subject_address"]).steps if s.id.startswith("change_filing")
    ]
    assert first.note is None
    en = flat(
        run(capsys, "steps", "北京", "-c", "subject_name", "--subject-kind", "organisation", "--lang", "en")
    )
    assert BJ_AFTER_EN.replace(" ", "") in en.replace(" ", "")


def test_diagnose_shows_the_provinces_note_on_its_steps(capsys: pytest.CaptureFixture[str]) -> None:
    # 四川 wants the transferred details to match (Tencent's company and individual tabs).
    diagnosis = bp.diagnose("subject_mismatch", "四川")
    (first, *_) = diagnosis.steps
    assert first.id == "change_filing_at_original_provider"
    assert first.note is not None
    assert first.note.zh == SC_MATCH_ZH
    zh = squeeze(run(capsys, "diagnose", "subject_mismatch", "-p", "四川", "--lang", "zh"))
    assert squeeze(SC_MATCH_ZH) in zh
    en = flat(run(capsys, "diagnose", "subject_mismatch", "-p", "四川", "--lang", "en"), lang="en")
    assert "For a subject new to the provider, the transferred information must equal the filed record" in en

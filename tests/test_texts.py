"""Every text a user reads exists in Chinese and in English, in the data, and the API
gives either on request."""

from __future__ import annotations

import re

import pytest

import beian_policy as bp
from beian_policy._diagnosis import Failure, diagnose
from tests.conftest import replace_once

HAN = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


def chinese(text: str) -> bool:
    return bool(text.strip()) and bool(HAN.search(text))


def english(text: str) -> bool:
    """Non-empty, with Latin letters, and not mostly Chinese (a Chinese term in
    parentheses is fine)."""
    return bool(LATIN.search(text)) and len(HAN.findall(text)) * 3 < len(text)


def both(text: bp.model.Text, what: str) -> None:
    assert chinese(text.zh), f"{what}: Chinese text missing or not Chinese: {text.zh!r}"
    assert english(text.en), f"{what}: English text missing or not English: {text.en!r}"


def test_every_province_has_both_names(policy: bp.Policy) -> None:
    for province in policy.provinces:
        both(bp.model.Text(province.name, province.name_en), province.code)
        both(bp.model.Text(province.short_name, province.iso_name), province.code)
        assert province.display_name.get("zh") == province.name
        assert province.display_name.get("en") == province.name_en
    for region in policy.no_icp_regions:
        both(bp.model.Text(region.name, region.name_en), region.code)


def test_every_change_kind(policy: bp.Policy) -> None:
    for change in bp.Change:
        both(policy.change_text(change), f"change {change.value}")


def test_every_step_of_the_catalogue(policy: bp.Policy) -> None:
    for info in policy.steps:
        both(info.title, f"step {info.id}")


def test_every_national_rule(policy: bp.Policy) -> None:
    for rule in policy.national_rules:
        both(rule.text, f"national rule {rule.id}")


def test_every_failure_cause_and_remedy(policy: bp.Policy) -> None:
    assert [info.failure for info in policy.failures] == list(Failure)
    for info in policy.failures:
        name = info.failure.value
        both(info.title, f"failure {name}")
        if info.note is not None:
            both(info.note, f"failure {name} note")
        assert info.causes, name
        assert info.remedies, name
        for cause in info.causes:
            both(cause.text, f"failure {name} cause {cause.id}")
        for remedy in info.remedies:
            both(remedy.label, f"failure {name} remedy {remedy.id}")
            for extra in (remedy.detail, remedy.number_hint):
                if extra is not None:
                    both(extra, f"failure {name} remedy {remedy.id}")


def test_the_api_gives_either_language(policy: bp.Policy) -> None:
    step = bp.required_steps("北京", ["subject_name"], subject_kind="organisation")[-1]
    assert step.title.get("en") == "After the transfer, file a change to update what has changed"
    assert step.title.get("zh") == "接入成功后提交变更备案，更新已变化的信息"
    assert step.title.get() == step.title.get("zh")
    assert step.title.get(bp.Lang.EN) == step.title.get("en")
    diagnosis = diagnose("sms_verification_failed")
    both(bp.model.Text(diagnosis.title.get("zh"), diagnosis.title.get("en")), "diagnosis")
    for cause in diagnosis.causes:
        both(bp.model.Text(cause.text.zh, cause.text.en), cause.id)
    for remedy in diagnosis.remedies:
        both(bp.model.Text(remedy.label.zh, remedy.label.en), remedy.id)
    with pytest.raises(bp.errors.UnknownNameError, match="fr"):
        step.title.get("fr")


def test_every_step_a_plan_uses_has_both_titles() -> None:
    for province in bp.provinces():
        plan = bp.plan_transfer(
            province,
            list(bp.Change),
            facts={
                "domain_owner_matches_subject": False,
                "regulated_industry": True,
                "original_provider_reachable": False,
                "has_extra_filings": True,
                "domain_registered_overseas": True,
                "multiple_cloud_resources": True,
            },
        )
        for step in plan.steps:
            both(bp.model.Text(step.title.get("zh"), step.title.get("en")), f"{province.code} {step.id}")


def test_the_loader_refuses_a_missing_translation(data_text: str) -> None:
    text = replace_once(data_text, 'zh = "主办单位名称"\nen = "subject name"\n', 'zh = "主办单位名称"\n')
    with pytest.raises(bp.PolicyDataError) as info:
        bp.loads_policy(text)
    assert any(p.record.startswith("changes[0]") and "en" in p.field for p in info.value.problems)

"""The one serialisation: stable keys, deterministic order, plain JSON types.

The expected keys are written out here by hand: they are public API (JSON output is
stored by callers), so a change to them must show up as a failing test.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import cattrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import beian_policy as bp
from beian_policy._diagnosis import diagnose
from beian_policy._icp import parse_icp_number
from beian_policy._json import KEYS, to_dict, to_json
from beian_policy._rejection import rejection_impact
from beian_policy.errors import DataProblem
from beian_policy.strategies import TransferCase, transfer_cases

SOURCE_KEYS = {
    "id", "provider", "title", "standing", "url", "repository", "path", "commit", "published", "not_before",
    "seen", "until", "superseded_by", "note", "provider_name", "end", "retired",
}  # fmt: skip
PROVINCE_KEYS = {
    "code", "gb_code", "name", "short_name", "name_en", "iso_name", "icp_abbreviation",
    "alternative_abbreviations", "aliases",
}  # fmt: skip
STEP_KEYS = {
    "id",
    "order",
    "title",
    "rule",
    "sources",
    "deadline_working_days",
    "changes",
    "note",
    "warnings",
    "irreversible",
}
VERDICT_KEYS = {
    "change",
    "timing",
    "basis",
    "rule",
    "sources",
    "deadline_working_days",
    "disputed",
    "note",
    "dissent",
    "provider",
    "date",
    "date_is_bound",
    "evidence_date",
}
DECISION_KEYS = {
    "province", "changes", "subject_kind", "direct", "blocking", "deferred", "carried", "basis", "disputed",
    "verdicts", "sources", "data_version", "as_of", "according_to", "evidence_date",
}  # fmt: skip
PLAN_KEYS = {"decision", "steps", "step_ids", "facts", "refile", "data_version"}
ICP_KEYS = {
    "canonical", "subject_number", "province", "kind", "serial", "site", "service", "abbreviation",
    "alternative_abbreviation", "family", "authority", "classes", "foreign_invested",
}  # fmt: skip
DIAGNOSIS_KEYS = {
    "failure", "title", "province", "causes", "remedies", "steps", "step_ids", "decided", "unknown_facts",
    "facts", "sources", "data_version", "cause", "subject_number", "icp_number_problem", "transfer",
    "related", "note",
}  # fmt: skip
REMEDY_KEYS = {
    "id", "label", "condition", "applies", "steps", "step_ids", "sources", "causes", "changes", "basis",
    "detail", "number_hint",
}  # fmt: skip


def plain(value: Any) -> bool:
    """Only what json.dumps writes without help: no tuples, sets, enums or dates."""
    if value is None or type(value) in (str, int, float, bool):
        return True
    if type(value) is list:
        return all(plain(v) for v in value)
    if type(value) is dict:
        return all(type(k) is str and plain(v) for k, v in value.items())
    return False


def test_decision_keys_and_values() -> None:
    decision = bp.assess_transfer(
        "北京", ["website_owner_phone", "subject_name"], subject_kind="organisation"
    )
    data = to_dict(decision)
    assert set(data) == DECISION_KEYS | {"sources_by_id"}
    assert set(data["province"]) == PROVINCE_KEYS
    assert all(set(v) == VERDICT_KEYS for v in data["verdicts"])
    assert all(set(s) == SOURCE_KEYS for s in data["sources_by_id"].values())
    # 北京's company tab (tc-cn-bj) decides the subject name; the SMS rule cites the FAQ.
    assert {"tc-cn-bj", "tc-faq-sms"} <= set(data["sources"])
    assert data["province"]["code"] == "CN-BJ"
    assert data["changes"] == ["subject_name", "website_owner_phone"]
    assert data["blocking"] == ["website_owner_phone"]
    assert data["deferred"] == ["subject_name"]
    assert data["direct"] is False
    assert data["subject_kind"] == "organisation"
    assert data["basis"] == "province"
    assert plain(data)


def test_plan_and_step_keys() -> None:
    plan = bp.plan_transfer(
        "北京", ["subject_name"], subject_kind="organisation", facts={"domain_owner_matches_subject": False}
    )
    data = to_dict(plan)
    assert set(data) == PLAN_KEYS | {"sources_by_id"}
    assert set(data["decision"]) == DECISION_KEYS
    assert data["step_ids"] == [s["id"] for s in data["steps"]]
    first = data["steps"][0]
    assert set(first) == STEP_KEYS
    assert first["id"] == "change_domain_owner"
    assert first["title"] == {
        "zh": "在域名注册商处把域名所有者改为备案主体",
        "en": "Change the domain owner at the registrar to the filing subject",
    }
    assert first["rule"] == "national/domain_owner_must_match_subject"
    assert first["sources"] == ["tc-seed-faq", "tc-domains", "u-domain-2018", "a-domain-check-2018"]
    assert data["sources_by_id"]["tc-domains"]["provider"] == "tencent_cloud"
    last = data["steps"][-1]
    assert (last["id"], last["deadline_working_days"], last["changes"]) == (
        "update_filing_after_transfer",
        10,
        ["subject_name"],
    )
    assert plain(data)


def test_sets_are_written_in_declaration_order() -> None:
    decision = bp.assess_transfer("辽宁", ["website_domains", "subject_name", "website_name", "subject_type"])
    assert to_dict(decision)["changes"] == ["subject_name", "subject_type", "website_name", "website_domains"]
    assert to_dict(frozenset({bp.SubjectKind.INDIVIDUAL, bp.SubjectKind.ORGANISATION})) == [
        "organisation",
        "individual",
    ]
    assert to_dict({"b", "a", "c"}) == ["a", "b", "c"]


def cited_ids(value: Any) -> set[str]:
    """Every source id a document cites: the strings under a ``sources`` or ``source`` key."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "sources_by_id":
                continue
            if key == "sources" and isinstance(item, list) and all(type(i) is str for i in item):
                found |= set(item)
            elif key == "source" and type(item) is str:
                found.add(item)
            else:
                found |= cited_ids(item)
    elif isinstance(value, list):
        for item in value:
            found |= cited_ids(item)
    return found


def test_sources_are_written_once_per_document_and_cited_by_id() -> None:
    # 6 steps for 广东 (no stated rule: the cautious default) with a subject name change.
    plan = bp.plan_transfer("广东", ["subject_name"])
    data = to_dict(plan)
    assert len(data["steps"]) == 6
    index = data["sources_by_id"]
    # The index holds exactly what the document cites, each source whole, once.
    assert set(index) == cited_ids(data)
    assert all(set(s) == SOURCE_KEYS and s["id"] == sid for sid, s in index.items())
    assert data["decision"]["sources"] == ["tc-seed-faq", "tc-faq-transfer"]
    assert index["tc-seed-faq"]["provider"] == "tencent_cloud"
    assert json.dumps(data).count('"commit"') == len(index)  # only a source has a commit
    # A source on its own, or in a list, is written whole; a value that cites none has no index.
    assert to_dict(bp.default_policy().source("t17"))["id"] == "t17"
    assert "sources_by_id" not in to_dict(parse_icp_number("京ICP备2021012345号-3"))
    # Each item of a list is a document of its own, so it can be read back alone.
    failures = bp.default_policy().failures
    items = to_dict(failures[:2])
    assert [set(i["sources_by_id"]) == cited_ids(i) for i in items] == [True, True]
    assert bp.from_dict(bp.model.FailureInfo, items[1]) == failures[1]


def test_reading_back_resolves_source_ids_and_names_a_missing_one() -> None:
    decision = bp.assess_transfer("陕西", ["subject_name"], subject_kind="organisation")
    data = to_dict(decision)
    assert bp.from_dict(bp.TransferDecision, data) == decision
    # JSON written before sources had an index (each source whole) still reads.
    whole = {**data, "sources": [data["sources_by_id"][s] for s in data["sources"]]}
    assert bp.from_dict(bp.TransferDecision, whole) == decision
    missing = {**data, "sources_by_id": {}}
    with pytest.raises(bp.errors.InvalidArgumentError, match=r"no source .tc-cn-sn. in sources_by_id"):
        bp.from_dict(bp.TransferDecision, missing)


def test_two_sources_with_one_id_in_one_document_are_refused() -> None:
    source = bp.default_policy().source("t17")
    other = bp.model.Source(id="t17", provider="X", title="Y", standing=source.standing)
    with pytest.raises(bp.errors.InvalidArgumentError, match="two different sources have the id 't17'"):
        to_dict({"a": [source], "b": [other]})
    assert to_dict({"a": [source], "b": [source]}) == {
        "a": ["t17"],
        "b": ["t17"],
        "sources_by_id": {"t17": to_dict(source)},
    }


def test_sources_dates_and_absent_values() -> None:
    t17 = bp.default_policy().source("t17")
    data = to_dict(t17)
    assert (data["published"], data["not_before"], data["provider"]) == ("2017-06-05", None, "tencent_cloud")
    assert data["provider_name"] == {"zh": "腾讯云", "en": "Tencent Cloud"}
    assert data["standing"] == "historical"
    iso = to_dict(bp.default_policy().source("iso-codes"))
    assert iso["commit"] is None
    assert iso["path"] is None
    assert to_dict(dt.date(2026, 1, 2)) == "2026-01-02"


def test_icp_number() -> None:
    data = to_dict(parse_icp_number("川ICP备12345678号-3A"))
    assert set(data) == ICP_KEYS
    assert data == {
        "canonical": "蜀ICP备12345678号-3A",
        "subject_number": "蜀ICP备12345678号",
        "province": to_dict(bp.resolve_province("四川")),
        "kind": "filing",
        "serial": "12345678",
        "site": 3,
        "service": "A",
        "abbreviation": "川",
        "alternative_abbreviation": True,
        "family": "filing",
        "authority": "province",
        "classes": [],
        "foreign_invested": False,
    }


def test_icp_licence_issued_by_the_ministry() -> None:
    data = to_dict(parse_icp_number("合字A1.B1.B2-20180017"))
    assert set(data) == ICP_KEYS
    assert data["province"] is None
    assert data["abbreviation"] is None
    assert data["family"] == "foreign_invested_licence"
    assert data["authority"] == "ministry"
    assert data["classes"] == ["A1", "B1", "B2"]
    assert data["foreign_invested"] is True
    assert data["canonical"] == "合字A1.B1.B2-20180017"


def test_diagnosis_conditions_are_objects() -> None:
    data = to_dict(diagnose("sms_verification_failed", "北京", submitted_to_administration=True))
    assert set(data) == DIAGNOSIS_KEYS | {"sources_by_id"}
    assert data["facts"] == {"submitted_to_administration": True}
    assert all(set(r) == REMEDY_KEYS for r in data["remedies"])
    conditional = [r for r in data["remedies"] if r["condition"]]
    assert conditional
    assert all(type(r["condition"]) is dict for r in conditional)
    assert {r["applies"] for r in conditional} <= {True, None}
    assert data["province"]["code"] == "CN-BJ"
    assert plain(data)
    impact = to_dict(rejection_impact(filing_cancelled=False))
    assert impact["site_reachable_now"] is True
    assert impact["unknown_facts"] == ["has_other_provider"]
    assert plain(impact)


def test_policy_summary_and_problems() -> None:
    policy = bp.default_policy()
    assert to_dict(policy) == {
        "schema_version": policy.schema_version,
        "data_version": policy.data_version,
        "as_of": policy.as_of.isoformat(),
        "origin": policy.origin,
        "province_count": 31,
        "source_count": len(policy.sources),
    }
    assert to_dict(DataProblem("provinces[3] (CN-SX)", "code", "bad")) == {
        "record": "provinces[3] (CN-SX)",
        "field": "code",
        "message": "bad",
    }


def test_every_public_type_in_keys_is_pinned() -> None:
    pinned = {
        "Province": PROVINCE_KEYS,
        "Source": SOURCE_KEYS,
        "Step": STEP_KEYS,
        "ChangeVerdict": VERDICT_KEYS,
        "TransferDecision": DECISION_KEYS,
        "TransferPlan": PLAN_KEYS,
        "IcpNumber": ICP_KEYS,
        "Diagnosis": DIAGNOSIS_KEYS,
        "Remedy": REMEDY_KEYS,
    }
    for name, keys in pinned.items():
        assert KEYS[name] == keys, name


def test_model_records_without_their_own_hook() -> None:
    rules = bp.default_policy().rules_for(bp.resolve_province("北京"))
    data = to_dict(rules)
    # 北京: Tencent makes no general statement (Alibaba Cloud's ended 2018 page has one, for
    # individuals); Tencent's company tab lets four changes wait 10 days.
    providers = {i: source["provider"] for i, source in data["sources_by_id"].items()}
    tencent = [s for s in data["statements"] if providers[s["source"]] == "tencent_cloud"]
    assert not [s for s in tencent if s["covers_all"]]
    (after,) = [s for s in tencent if s["timing"] == "after"]
    assert after["deadline_working_days"] == 10
    assert after["applies_to"] == ["organisation"]
    assert after["id"] == "CN-BJ/tc-cn-bj/1"
    assert after["source"] == "tc-cn-bj"
    assert data["sources_by_id"]["tc-cn-bj"]["provider"] == "tencent_cloud"
    assert after["note"]["en"].startswith("Company tab")
    assert after["note"]["zh"].startswith("企业页签：新接入该接入商的企业可以先接入、后变更")
    assert data["transfer_note"]["text"]["en"].startswith("Tencent's 北京 page")
    assert plain(data)


def test_to_json_text() -> None:
    decision = bp.assess_transfer("北京", ["subject_name"])
    text = to_json(decision)
    assert "北京市" in text  # not \u escaped
    assert json.loads(text) == to_dict(decision)
    keys = list(json.loads(text))
    assert keys == sorted(keys)
    assert "\n" not in to_json(decision, indent=None)


def test_unsupported_objects_raise_type_error() -> None:
    with pytest.raises(TypeError):
        to_dict(object())
    with pytest.raises(TypeError):
        to_dict(bp.Province)


def test_the_global_cattrs_converter_is_untouched() -> None:
    decision = bp.assess_transfer("北京", ["subject_name"])
    # The package's hooks write sets as lists and add computed keys; the global
    # converter, shared with embedders, still does neither.
    assert isinstance(cattrs.unstructure(decision)["changes"], frozenset)
    assert "direct" not in cattrs.unstructure(decision)
    assert to_dict(decision)["changes"] == ["subject_name"]
    assert to_dict(decision)["direct"] is decision.direct


@given(transfer_cases())
def test_any_plan_serialises_and_round_trips(case: TransferCase) -> None:
    plan = case.plan()
    data = to_dict(plan)
    assert plain(data)
    assert json.loads(to_json(plan)) == data
    assert data["decision"]["direct"] is plan.decision.direct
    for step, written in zip(plan.steps, data["steps"], strict=True):
        assert written["title"] == {"zh": step.title.zh, "en": step.title.en}


@given(st.lists(st.sampled_from(list(bp.Change)), unique=True))
def test_change_lists_do_not_depend_on_input_order(changes: list[bp.Change]) -> None:
    forward = to_dict(bp.assess_transfer("CN-GD", changes))
    backward = to_dict(bp.assess_transfer("CN-GD", list(reversed(changes))))
    assert forward == backward


def test_a_disputed_verdict_names_who_disagrees_and_what_they_say() -> None:
    # 陕西 organisations: Tencent's province page allows transfer first (tc-cn-sn); Alibaba
    # Cloud's 2019-09-12 page wants the name to match (JD Cloud's older line is superseded).
    data = bp.to_dict(bp.assess_transfer("陕西", ["subject_name"], subject_kind="organisation"))
    (verdict,) = data["verdicts"]
    assert verdict["timing"] == "after"
    assert verdict["disputed"] is True
    assert [(c["source"], c["timing"]) for c in verdict["dissent"]] == [("a-cn-sn", "before")]
    assert data["sources_by_id"]["a-cn-sn"]["provider"] == "alibaba_cloud"
    undisputed = bp.to_dict(bp.assess_transfer("北京", ["website_name"]))
    # The default decides; only UCloud's national statement (2023-09-15) is listed, and a
    # national statement never makes the answer disputed.
    assert [c["id"] for c in undisputed["verdicts"][0]["dissent"]] == ["national/u-guidance9-2023/1"]
    assert undisputed["verdicts"][0]["disputed"] is False


def empty_strings(value: Any, path: str = "") -> list[str]:
    """The paths under *value* that hold ``""``."""
    if value == "":
        return [path]
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in empty_strings(item, f"{path}.{key}")]
    if isinstance(value, list):
        return [p for item in value for p in empty_strings(item, f"{path}[]")]
    return []


def test_an_absent_value_is_null_never_an_empty_string() -> None:
    policy = bp.default_policy()
    documents = [
        bp.plan_transfer("北京", ["subject_name", "website_owner_phone"], facts={"has_extra_filings": True}),
        bp.assess_transfer("陕西", ["subject_name"], subject_kind="organisation"),
        diagnose("sms_verification_failed", "辽宁", submitted_to_administration=True),
        parse_icp_number("合字A1.B1.B2-20180017"),
        *policy.failures,
    ]
    for document in documents:
        assert empty_strings(to_dict(document)) == [], type(document).__name__
    # Every province's record, its sources and notes included; the preflight checks'
    # own notes are still English strings, written by their maintainers.
    for rules in policy.rules:
        data = to_dict(rules)
        data.pop("checks")
        assert empty_strings(data) == [], rules.province.code
    # Written as null, read back as None.
    (source,) = [s for s in policy.sources if s.note is None][:1]
    assert to_dict({"s": source})["sources_by_id"][source.id]["note"] is None

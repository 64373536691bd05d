"""Transfer plans: the right steps, in the real order."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import beian_policy as bp

PROVINCE_CODES = [p.code for p in bp.default_policy().provinces]

# Steps done at the registrar or the original provider, or to prepare materials: all
# of them must be finished before the transfer is submitted.
BEFORE_SUBMISSION = {
    "change_domain_owner",
    "move_domain_to_domestic_registrar",
    "change_filing_at_original_provider",
    "confirm_rule_with_new_provider",
    "cancel_extra_filings",
    "cancel_subject",
    "cancel_website",
    "obtain_preapproval",
    "obtain_party_building_letter",
    "prepare_rename_letter",
    "prepare_usage_statement",
    "prepare_domain_certificate",
}

# The new filing a plan submits: a transfer, or a refiling when the original provider is gone.
SUBMISSIONS = ("submit_transfer", "file_first_filing", "file_as_new_website")
# Cancellations: a cancelled filing number cannot be restored.
CANCELLATIONS = {"cancel_extra_filings", "cancel_subject", "cancel_website"}

facts_st = st.fixed_dictionaries(
    {
        "subject_kind": st.sampled_from([None, "organisation", "individual"]),
        "domain_owner_matches_subject": st.booleans(),
        "domain_held_by_legal_representative": st.booleans(),
        "regulated_industry": st.booleans(),
        "original_provider_reachable": st.booleans(),
        "has_extra_filings": st.booleans(),
        "domain_registered_overseas": st.booleans(),
        "multiple_cloud_resources": st.booleans(),
    }
)


def ids(steps: tuple[bp.model.Step, ...]) -> list[str]:
    return [step.id for step in steps]


def test_plain_transfer() -> None:
    assert ids(bp.required_steps("山东")) == [
        "close_unfiled_sites",
        "submit_transfer",
        "verify_sms",
        "wait_for_review",
        "point_dns_to_new_provider",
    ]


def test_blocking_change_goes_to_the_original_provider_first() -> None:
    steps = bp.required_steps("辽宁", ["subject_name"], subject_kind="organisation")
    assert ids(steps)[0] == "change_filing_at_original_provider"
    assert steps[0].changes == {bp.Change.SUBJECT_NAME}
    # The statement on Tencent's company tab (tc-cn-ln, its only 辽宁 statement).
    assert steps[0].rule == "CN-LN/tc-cn-ln/1"
    # Without a subject kind the company-tab rule does not count: the strict default decides.
    assert bp.required_steps("辽宁", ["subject_name"])[0].rule == "national/change_first_by_default"
    assert "update_filing_after_transfer" not in ids(steps)


def test_deferred_change_is_updated_last_with_the_deadline() -> None:
    steps = bp.required_steps("北京", ["subject_name"], subject_kind="organisation")
    assert ids(steps)[-1] == "update_filing_after_transfer"
    assert steps[-1].deadline_working_days == 10
    assert steps[-1].changes == {bp.Change.SUBJECT_NAME}
    # 北京 asks for a rename letter when the subject's name changed.
    assert "prepare_rename_letter" in ids(steps)
    no_deadline = bp.required_steps("陕西", ["subject_name"], subject_kind="organisation")
    assert no_deadline[-1].id == "update_filing_after_transfer"
    assert no_deadline[-1].deadline_working_days is None


def test_phone_change_with_original_provider_gone_means_refiling() -> None:
    steps = ids(
        bp.required_steps("广东", ["website_owner_phone"], facts={"original_provider_reachable": False})
    )
    assert steps.index("cancel_website") < steps.index("file_as_new_website") < steps.index("verify_sms")
    assert "submit_transfer" not in steps
    assert "change_filing_at_original_provider" not in steps
    reachable = ids(bp.required_steps("广东", ["website_owner_phone"]))
    assert "change_filing_at_original_provider" in reachable
    assert "cancel_website" not in reachable


def test_facts_add_their_steps() -> None:
    steps = ids(
        bp.required_steps(
            "北京",
            facts={
                "domain_owner_matches_subject": False,
                "regulated_industry": True,
                "has_extra_filings": True,
                "domain_registered_overseas": True,
            },
        )
    )
    assert steps[:3] == ["change_domain_owner", "move_domain_to_domestic_registrar", "cancel_extra_filings"]
    assert "obtain_preapproval" in steps
    # 山东 states no one-filing rule, so extra filings add no step there.
    assert "cancel_extra_filings" not in ids(bp.required_steps("山东", facts={"has_extra_filings": True}))


def test_province_requirements() -> None:
    assert "obtain_party_building_letter" in ids(bp.required_steps("新疆"))
    assert "prepare_usage_statement" in ids(
        bp.required_steps("河北", facts={"multiple_cloud_resources": True})
    )
    assert "prepare_usage_statement" not in ids(bp.required_steps("河北"))
    assert "keep_filed_sites_reachable" in ids(bp.required_steps("河南"))
    # 江西's rule covers organisations: an individual's plan has no such step.
    assert "keep_filed_sites_reachable" in ids(bp.required_steps("江西", subject_kind="organisation"))
    assert "keep_filed_sites_reachable" not in ids(bp.required_steps("江西", subject_kind="individual"))
    # 宁夏's rule is about adding websites, not transfers.
    assert "keep_filed_sites_reachable" not in ids(bp.required_steps("宁夏"))


def test_steps_carry_titles_rules_and_sources(policy: bp.Policy) -> None:
    steps = bp.required_steps(
        "北京",
        ["subject_name", "subject_type"],
        subject_kind="organisation",
        facts={"regulated_industry": True},
    )
    for step in steps:
        info = policy.step_info(step.id)
        assert (step.title.get("zh"), step.title.get("en"), step.order) == (
            info.title.zh,
            info.title.en,
            info.order,
        )
        assert step.title.get() == step.title.get("zh")
        assert step.sources
    rules = {step.id: step.rule for step in steps}
    # Tencent's 北京 company tab, its second statement: the subject fields that must match.
    assert rules["change_filing_at_original_provider"] == "CN-BJ/tc-cn-bj/2"
    assert rules["obtain_preapproval"] == "national/preapproval_for_regulated"
    assert rules["close_unfiled_sites"] == "CN-BJ/unfiled_sites_closed"
    assert rules["update_filing_after_transfer"] == "national/update_after_transfer"


def test_plan_wraps_the_decision() -> None:
    plan = bp.plan_transfer("北京", ["subject_name", "subject_type"], subject_kind="organisation")
    assert plan.decision.blocking_changes == {bp.Change.SUBJECT_TYPE}
    assert [d.change for d in plan.decision.deferred] == [bp.Change.SUBJECT_NAME]
    assert plan.step_ids[0] == "change_filing_at_original_provider"
    assert plan.step_ids[-1] == "update_filing_after_transfer"
    assert plan.data_version == bp.DATA_VERSION


@given(
    st.sampled_from(PROVINCE_CODES),
    st.frozensets(st.sampled_from(list(bp.Change))),
    facts_st,
)
def test_steps_are_always_in_a_valid_order(
    code: str, changes: frozenset[bp.Change], facts: dict[str, object]
) -> None:
    plan_facts = {k: v for k, v in facts.items() if k != "subject_kind"}
    plan = bp.plan_transfer(code, changes, subject_kind=facts["subject_kind"], facts=plan_facts)  # type: ignore[arg-type]
    steps = plan.steps
    assert plan.refile is (not facts["original_provider_reachable"] and bool(plan.decision.blocking_changes))
    order = ids(steps)
    assert len(order) == len(set(order))
    assert [s.order for s in steps] == sorted(s.order for s in steps)
    (submit,) = [step_id for step_id in SUBMISSIONS if step_id in order]
    for step_id in BEFORE_SUBMISSION & set(order):
        assert order.index(step_id) < order.index(submit), step_id
    assert order.index(submit) < order.index("verify_sms") < order.index("wait_for_review")
    assert order.index("wait_for_review") < order.index("point_dns_to_new_provider")
    decision = plan.decision
    if decision.blocking_changes and not plan.refile:
        assert "change_filing_at_original_provider" in order
    # Every blocking change is handled by a step before the submission. Every
    # deferred one is updated at the end, or carried by a new filing.
    handled_first = set().union(*(s.changes for s in steps if s.id in BEFORE_SUBMISSION))
    assert decision.blocking_changes <= handled_first
    assert decision.deferred_changes <= set().union(*(s.changes for s in steps if s.id != "cancel_subject"))
    if "update_filing_after_transfer" in order:
        assert order[-1] == "update_filing_after_transfer"
    # Cancellations are marked; none rests on the strict default alone.
    for step in steps:
        assert step.irreversible is (step.id in CANCELLATIONS)
    on_default = any(v.basis is bp.Basis.NATIONAL_DEFAULT for v in decision.blocking)
    assert ("confirm_rule_with_new_provider" in order) is (plan.refile and on_default)
    if "confirm_rule_with_new_provider" in order:
        first_cancel = min(order.index(step_id) for step_id in CANCELLATIONS & set(order))
        assert order.index("confirm_rule_with_new_provider") < first_cancel
    if plan.refile:
        assert "change_filing_at_original_provider" not in order
        assert "submit_transfer" not in order
        if any(c.is_subject for c in decision.blocking_changes):
            assert submit == "file_first_filing"
            assert "cancel_subject" in order
            assert "cancel_website" not in order
            (refiling,) = [s for s in steps if s.id == "file_first_filing"]
            assert refiling.changes == changes
            assert "update_filing_after_transfer" not in order
        if not any(c.is_subject for c in changes):
            assert submit == "file_as_new_website"
            assert "cancel_website" in order
            assert "cancel_subject" not in order
            (refiling,) = [s for s in steps if s.id == "file_as_new_website"]
            assert refiling.changes == changes
            assert "update_filing_after_transfer" not in order
    else:
        assert submit == "submit_transfer"
        assert not CANCELLATIONS - {"cancel_extra_filings"} & set(order)


def _refile(province: str, changes: list[str], kind: str | None = None) -> bp.TransferPlan:
    return bp.plan_transfer(
        province, changes, subject_kind=kind, facts={"original_provider_reachable": False}
    )


def _en(step: bp.model.Step) -> list[str]:
    assert all(w.zh and w.en for w in step.warnings)  # every warning in both languages
    return [w.get("en") for w in step.warnings]


def test_subject_change_with_a_stated_rule_cancels_the_subject_and_files_afresh() -> None:
    # Tencent's 辽宁 company tab: no transfer first and change after. With the original
    # provider gone, the subject is cancelled and filed again as a first filing.
    plan = _refile("辽宁", ["subject_name"], "organisation")
    assert plan.refile is True
    assert plan.step_ids == (
        "cancel_subject", "file_first_filing", "verify_sms", "wait_for_review", "point_dns_to_new_provider",
    )  # fmt: skip
    cancel, first = plan.steps[:2]
    assert cancel.irreversible is True
    assert first.irreversible is False
    assert cancel.rule == first.rule == "national/refile_changed_subject_as_first_filing"
    assert {s.id for s in first.sources} >= {"tc-seed-faq", "h-rejections"}
    assert first.changes == {bp.Change.SUBJECT_NAME}
    warnings = _en(cancel)
    assert any("cannot be restored" in w for w in warnings)
    assert any("cancels every website under it" in w for w in warnings)
    # The province states the rule: nothing asks to confirm it first.
    assert not any("rule for this change is unknown" in w for w in warnings)


def test_subject_change_on_the_default_is_confirmed_before_anything_is_cancelled() -> None:
    # Without a subject kind 辽宁's company-tab rule does not count: the change comes
    # first only by the strict default, so the user confirms the rule first.
    plan = _refile("辽宁", ["subject_name"])
    assert plan.step_ids[:3] == ("confirm_rule_with_new_provider", "cancel_subject", "file_first_filing")
    confirm, cancel = plan.steps[:2]
    assert confirm.irreversible is False
    assert confirm.rule == "national/confirm_default_before_cancelling"
    assert confirm.changes == {bp.Change.SUBJECT_NAME}
    assert any("confirm with the new provider" in w for w in _en(confirm))
    assert any("rule for this change is unknown" in w for w in _en(cancel))


def test_website_change_with_a_stated_rule_refiles_the_website_and_warns_of_the_match_rule() -> None:
    # 湖南 states that every field must match (both tabs), and that an added website
    # carries the filed subject: the website is filed again, with that warning.
    plan = _refile("湖南", ["website_name"])
    assert plan.refile is True
    assert "confirm_rule_with_new_provider" not in plan.step_ids
    assert "cancel_subject" not in plan.step_ids
    ids_ = plan.step_ids
    assert ids_.index("cancel_website") < ids_.index("file_as_new_website") < ids_.index("verify_sms")
    (new_site,) = [s for s in plan.steps if s.id == "file_as_new_website"]
    assert new_site.rule == "national/cancel_and_refile_instead"
    assert new_site.changes == {bp.Change.WEBSITE_NAME}
    assert "tc-cn-hn" in {s.id for s in new_site.sources}
    assert any("must carry the subject details exactly as filed" in w for w in _en(new_site))


def test_website_change_on_the_default_is_confirmed_first() -> None:
    # 天津 states no transfer rule: the website name comes first only by the default.
    plan = _refile("天津", ["website_name"])
    assert plan.step_ids[:2] == ("confirm_rule_with_new_provider", "cancel_website")
    cancel = plan.steps[1]
    assert cancel.irreversible is True
    assert any("rule for this change is unknown" in w for w in _en(cancel))
    (new_site,) = [s for s in plan.steps if s.id == "file_as_new_website"]
    assert new_site.warnings == ()  # 天津 states no match rule for added websites


def test_phone_change_refiles_the_website_on_the_national_rule() -> None:
    plan = _refile("广东", ["website_owner_phone"])
    assert plan.step_ids[:1] == ("cancel_website",)
    assert plan.steps[0].rule == "national/unreachable_provider_refile"
    assert "confirm_rule_with_new_provider" not in plan.step_ids


def test_a_phone_refiled_with_other_website_changes_cites_both_rules() -> None:
    # 广东: the website name comes first (before). With the phone also changed and the
    # original provider gone, the cancel-and-refile alternative decides the step, and
    # Tencent's SMS FAQ (the phone cannot be verified: cancel and file a new website) is
    # cited beside it; the phone alone cites only the SMS FAQ.
    both = _refile("广东", ["website_owner_phone", "website_name"])
    (cancel,) = [s for s in both.steps if s.id == "cancel_website"]
    assert cancel.rule == "national/cancel_and_refile_instead"
    assert {"tc-faq-sms", "tc-cn-hn", "q-cn-sc"} <= {s.id for s in cancel.sources}
    name_only = _refile("广东", ["website_name"])
    (cancel,) = [s for s in name_only.steps if s.id == "cancel_website"]
    assert "tc-faq-sms" not in {s.id for s in cancel.sources}


def test_a_subject_change_that_could_wait_follows_a_refiled_website() -> None:
    # 北京 company tab: the subject name may change within 10 working days after; the
    # phone must be refiled. Adding a website does not change the subject, so the
    # name follows by a change filing.
    plan = _refile("北京", ["website_owner_phone", "subject_name"], "organisation")
    assert "cancel_subject" not in plan.step_ids
    (new_site,) = [s for s in plan.steps if s.id == "file_as_new_website"]
    assert new_site.changes == {bp.Change.WEBSITE_OWNER_PHONE}
    assert plan.step_ids[-1] == "update_filing_after_transfer"
    assert plan.steps[-1].changes == {bp.Change.SUBJECT_NAME}
    assert plan.steps[-1].deadline_working_days == 10


def test_where_an_added_website_must_match_a_waiting_subject_change_refiles_the_subject() -> None:
    # 陕西 company tab: a transfer may go first with a changed subject, but an added
    # website needs the subject changed at the original provider first, which is gone.
    plan = _refile("陕西", ["website_owner_phone", "subject_name"], "organisation")
    assert "cancel_website" not in plan.step_ids
    (cancel,) = [s for s in plan.steps if s.id == "cancel_subject"]
    assert "tc-cn-sn" in {s.id for s in cancel.sources}
    assert any("a change to the subject cannot be made by adding a website" in w for w in _en(cancel))
    (first,) = [s for s in plan.steps if s.id == "file_first_filing"]
    assert first.changes == {bp.Change.WEBSITE_OWNER_PHONE, bp.Change.SUBJECT_NAME}
    assert "update_filing_after_transfer" not in plan.step_ids
    # The 陕西 rule is on the company tab: an individual's phone is refiled as a website.
    individual = _refile("陕西", ["website_owner_phone"], "individual")
    assert "cancel_website" in individual.step_ids


def test_refiling_a_subject_carries_the_changes_that_could_have_waited() -> None:
    # 西藏: the subject name must match first; the address may follow. A first filing
    # carries both.
    plan = _refile("西藏", ["subject_name", "subject_address"], "organisation")
    assert plan.step_ids[:2] == ("cancel_subject", "file_first_filing")
    assert plan.steps[0].changes == {bp.Change.SUBJECT_NAME}
    assert plan.steps[1].changes == {bp.Change.SUBJECT_NAME, bp.Change.SUBJECT_ADDRESS}
    assert "update_filing_after_transfer" not in plan.step_ids


def test_the_match_rule_is_recorded_for_hunan_sichuan_and_shaanxi(policy: bp.Policy) -> None:
    # Tencent's 湖南 and 四川 pages (both tabs) and 陕西's company tab; no other province.
    found = {
        (rules.province.short_name, frozenset(r.applies_to))
        for rules in (policy.rules_for(p) for p in policy.provinces)
        for r in rules.requirements
        if r.trigger.value == "adding_website"
    }
    both = frozenset(bp.SubjectKind)
    assert found == {("湖南", both), ("四川", both), ("陕西", frozenset({bp.SubjectKind.ORGANISATION}))}


def test_a_cancellation_is_irreversible_wherever_it_is_planned() -> None:
    steps = bp.required_steps("北京", facts={"has_extra_filings": True})
    (extra,) = [s for s in steps if s.id == "cancel_extra_filings"]
    assert extra.irreversible is True
    assert not any(s.irreversible for s in steps if s.id != "cancel_extra_filings")


def test_individual_only_requirement() -> None:
    assert "prepare_domain_certificate" in ids(bp.required_steps("内蒙古", subject_kind="individual"))
    assert "prepare_domain_certificate" not in ids(bp.required_steps("内蒙古", subject_kind="organisation"))


@pytest.mark.parametrize(
    "option",
    ["domain_owner_matches_subject", "domain_held_by_legal_representative", "regulated_industry",
     "original_provider_reachable", "has_extra_filings", "domain_registered_overseas",
     "multiple_cloud_resources"],
)  # fmt: skip
@pytest.mark.parametrize("value", ["no", "false", 0, 1, None])
def test_yes_no_options_take_only_booleans(option: str, value: object) -> None:
    with pytest.raises(bp.errors.ArgumentTypeError, match=option):
        bp.required_steps("北京", facts={option: value})  # type: ignore[dict-item]
    with pytest.raises(bp.errors.ArgumentTypeError, match=option):
        bp.PlanFacts(**{option: value})  # type: ignore[arg-type]


def test_unknown_plan_fact_is_named() -> None:
    with pytest.raises(bp.errors.UnknownNameError, match="regulated_industry") as info:
        bp.plan_transfer("北京", facts={"regulated": True})
    assert info.value.vocabulary == "plan fact"


@pytest.mark.parametrize(
    ("province", "subject_kind", "changes_owner"),
    [
        # 北京 accepts a domain held by the legal representative (Tencent's 北京 page): no trip
        # to the registrar; 福建 and 湖南 want the organisation itself; an individual holds it personally.
        ("北京", "organisation", False),
        ("广东", "organisation", False),  # silent: Tencent's domain page accepts it
        ("福建", "organisation", True),
        ("湖南", "organisation", True),
        ("北京", "individual", True),
    ],
)
def test_a_domain_held_by_the_legal_representative(
    province: str, subject_kind: str, changes_owner: bool
) -> None:
    steps = bp.required_steps(
        province, subject_kind=subject_kind, facts={"domain_held_by_legal_representative": True}
    )
    assert ("change_domain_owner" in ids(steps)) is changes_owner
    if changes_owner and subject_kind == "organisation":
        [step] = [s for s in steps if s.id == "change_domain_owner"]
        assert step.rule == f"{bp.resolve_province(province).code}/registrant_subject_only"

"""The combination rule (docs/data-format.md), on small edits of the shipped document.

Each test adds or changes a few statements and sources by hand and states, from the
rule as written, which statement must decide and who must dissent. The dates and
providers in the edits follow the reference where they stand in for real sources
(Alibaba Cloud's 2019-09-12 export, Tencent's tab pages from 2021-01-21 at the
earliest, the SMS pilots of 2017-12-18 and 2018-09-10, UCloud's 2023-09-01 guidance).
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

import beian_policy as bp
from beian_policy._data._loader import parse_document
from beian_policy._data._writer import dumps_document
from beian_policy.errors import ArgumentTypeError, UnknownNameError, UnknownProviderError

D = dt.date
Document = dict[str, Any]
_SHIPPED: Document = parse_document(bp.default_data_text(), "<shipped>")


def edited(*edits: Callable[[Document], None]) -> bp.Policy:
    """The shipped document with *edits*. 天津 is made a blank slate first (no statements,
    a trivial worked example) and the national statements are removed, so that each test
    states every statement its answer rests on."""
    document = copy.deepcopy(_SHIPPED)
    document["national_statements"] = []
    province(document, "CN-TJ")["statements"] = []
    no_examples("CN-TJ")(document)
    for edit in edits:
        edit(document)
    return bp.loads_policy(dumps_document(document))


def province(document: Document, code: str) -> Document:
    found: Document = next(p for p in document["provinces"] if p["code"] == code)
    return found


def source(document: Document, source_id: str) -> Document:
    found: Document = next(s for s in document["sources"] if s["id"] == source_id)
    return found


def add_source(
    source_id: str, provider: str, standing: str = "secondary", **dates: dt.date | str
) -> Callable[[Document], None]:
    def edit(document: Document) -> None:
        document["sources"].append(
            {
                "id": source_id,
                "provider": provider,
                "title": source_id,
                "path": f"{source_id}.md",
                "standing": standing,
                **dates,
            }
        )

    return edit


def date_source(source_id: str, **dates: dt.date | str) -> Callable[[Document], None]:
    return lambda document: source(document, source_id).update(dates)


def add_statement(code: str, **statement: Any) -> Callable[[Document], None]:
    def edit(document: Document) -> None:
        province(document, code).setdefault("statements", []).append(statement)

    return edit


def no_examples(code: str) -> Callable[[Document], None]:
    """The province's worked examples describe today's shipped answers; an edit that
    changes them replaces them with one that always holds."""
    return lambda document: province(document, code).update(
        examples=[
            {
                "changes": [],
                "direct": True,
                "note": {"zh": "没有变更：直接接入。", "en": "No change: direct."},
            }
        ]
    )


def verdict(
    policy: bp.Policy, where: str, change: str, kind: str | None = None, **when: Any
) -> bp.model.ChangeVerdict:
    (found,) = bp.assess_transfer(where, [change], subject_kind=kind, policy=policy, **when).verdicts
    return found


# -- ranking ---------------------------------------------------------------------------------


def test_the_newest_current_statement_decides_and_the_older_one_dissents() -> None:
    # 天津 has no province statement today; two current pages, dated apart, disagree.
    policy = edited(
        no_examples("CN-TJ"),
        add_source("x-old", "qingcloud", published=D(2020, 1, 1)),
        add_source("x-new", "jd_cloud", published=D(2022, 1, 1)),
        add_statement("CN-TJ", source="x-old", changes=["website_name"], timing="before"),
        add_statement("CN-TJ", source="x-new", changes=["website_name"], timing="after"),
    )
    today = verdict(policy, "天津", "website_name")
    assert (today.timing, today.basis, today.rule, today.provider) == (
        bp.Timing.AFTER, bp.Basis.PROVINCE, "CN-TJ/x-new/1", "jd_cloud"
    )  # fmt: skip
    assert (today.date, today.date_is_bound, today.disputed) == (D(2022, 1, 1), False, True)
    assert [s.id for s in today.dissent] == ["CN-TJ/x-old/1"]
    # Before the newer page existed, the older one decides alone.
    before = verdict(policy, "天津", "website_name", as_of=D(2021, 6, 1))
    assert (before.timing, before.rule, before.disputed, before.dissent) == (
        bp.Timing.BEFORE, "CN-TJ/x-old/1", False, ()
    )  # fmt: skip
    # Before either, no statement: the cautious default, and nobody to dissent.
    earliest = verdict(policy, "天津", "website_name", as_of=D(2019, 1, 1))
    assert (earliest.basis, earliest.dissent) == (bp.Basis.NATIONAL_DEFAULT, ())


def test_current_pages_rank_before_archives_whatever_their_dates() -> None:
    policy = edited(
        add_source("x-archive", "alibaba_cloud", standing="historical", published=D(2019, 9, 12)),
        add_statement("CN-TJ", source="x-archive", changes=["subject_name"], timing="before"),
        add_source("x-current", "qingcloud"),
        add_statement("CN-TJ", source="x-current", changes=["subject_name"], timing="after"),
    )
    found = verdict(policy, "天津", "subject_name")
    assert (found.rule, found.timing, found.disputed) == ("CN-TJ/x-current/1", bp.Timing.AFTER, True)
    assert [s.source.id for s in found.dissent] == ["x-archive"]
    # Where no current page speaks, the archive decides (the 13 provinces Tencent is silent on).
    other = verdict(policy, "天津", "subject_name", according_to="alibaba_cloud")
    assert (other.rule, other.timing, other.basis) == (
        "CN-TJ/x-archive/1",
        bp.Timing.BEFORE,
        bp.Basis.PROVINCE,
    )


def test_a_statement_naming_the_change_beats_a_general_one_of_the_same_date() -> None:
    policy = edited(
        add_source("x-a", "qingcloud", published=D(2020, 5, 1)),
        add_source("x-b", "jd_cloud", published=D(2020, 5, 1)),
        add_statement("CN-TJ", source="x-a", changes=["*"], timing="before"),
        add_statement("CN-TJ", source="x-b", changes=["website_owner"], timing="after"),
    )
    found = verdict(policy, "天津", "website_owner")
    assert (found.rule, found.timing) == ("CN-TJ/x-b/1", bp.Timing.AFTER)
    # Another provider's general rule disagrees, so it is dissent.
    assert [s.id for s in found.dissent] == ["CN-TJ/x-a/1"]


def test_a_pages_general_rule_does_not_dissent_from_its_own_exception() -> None:
    policy = edited(
        add_source("x-page", "qingcloud"),
        add_statement("CN-TJ", source="x-page", changes=["*"], timing="before"),
        add_statement(
            "CN-TJ",
            source="x-page",
            changes=["subject_certificate"],
            applies_to=["organisation"],
            timing="after",
        ),
    )
    found = verdict(policy, "天津", "subject_certificate", "organisation")
    assert (found.rule, found.timing, found.disputed, found.dissent) == (
        "CN-TJ/x-page/2", bp.Timing.AFTER, False, ()
    )  # fmt: skip
    # An individual is not covered by the organisation-only exception: the general rule.
    assert verdict(policy, "天津", "subject_certificate", "individual").rule == "CN-TJ/x-page/1"


def test_boilerplate_never_decides_but_dissents() -> None:
    policy = edited(
        add_source("x-boiler", "jd_cloud"),
        add_statement("CN-TJ", source="x-boiler", changes=["*"], timing="after", boilerplate=True),
    )
    found = verdict(policy, "天津", "website_name")
    assert (found.basis, found.timing, found.disputed) == (bp.Basis.NATIONAL_DEFAULT, bp.Timing.BEFORE, True)
    assert [s.id for s in found.dissent] == ["CN-TJ/x-boiler/1"]


def test_a_statement_for_the_given_kind_beats_one_for_both_kinds_of_the_same_date() -> None:
    # Both name the change, on the same date: the one for the given subject kind is the
    # more specific (the rule: "one for the given subject kind before one for both"),
    # although the other comes first in the file.
    policy = edited(
        add_source("x-both", "qingcloud", published=D(2020, 5, 1)),
        add_source("x-org", "jd_cloud", published=D(2020, 5, 1)),
        add_statement("CN-TJ", source="x-both", changes=["website_owner"], timing="before"),
        add_statement(
            "CN-TJ", source="x-org", changes=["website_owner"], applies_to=["organisation"], timing="after"
        ),
    )
    found = verdict(policy, "天津", "website_owner", "organisation")
    assert (found.rule, found.timing) == ("CN-TJ/x-org/1", bp.Timing.AFTER)
    assert [s.id for s in found.dissent] == ["CN-TJ/x-both/1"]
    # An individual is not covered by the organisation's statement.
    assert verdict(policy, "天津", "website_owner", "individual").rule == "CN-TJ/x-both/1"


def test_primary_before_secondary_then_file_order() -> None:
    # Same date, same specificity: a primary page decides over a secondary one that comes
    # first in the file; between two secondary pages, the first in the file decides.
    policy = edited(
        add_source("x-second", "jd_cloud", published=D(2020, 5, 1)),
        add_source("x-first", "qingcloud", published=D(2020, 5, 1)),
        add_source("x-primary", "tencent_cloud", "primary", published=D(2020, 5, 1)),
        add_statement("CN-TJ", source="x-second", changes=["website_name"], timing="before"),
        add_statement("CN-TJ", source="x-first", changes=["website_name"], timing="after"),
        add_statement("CN-TJ", source="x-second", changes=["website_owner"], timing="before"),
        add_statement("CN-TJ", source="x-primary", changes=["website_owner"], timing="after"),
    )
    name = verdict(policy, "天津", "website_name")
    assert (name.rule, name.timing) == ("CN-TJ/x-second/1", bp.Timing.BEFORE)
    assert [s.id for s in name.dissent] == ["CN-TJ/x-first/1"]
    owner = verdict(policy, "天津", "website_owner")
    assert (owner.rule, owner.timing) == ("CN-TJ/x-primary/1", bp.Timing.AFTER)
    assert [s.id for s in owner.dissent] == ["CN-TJ/x-second/2"]


def test_the_newer_evidence_outranks_specificity() -> None:
    # The rule as written: freshness before specificity.
    policy = edited(
        add_source("x-old", "qingcloud", published=D(2019, 1, 1)),
        add_source("x-new", "jd_cloud", published=D(2024, 1, 1)),
        add_statement("CN-TJ", source="x-old", changes=["website_domains"], timing="after"),
        add_statement("CN-TJ", source="x-new", changes=["*"], timing="before"),
    )
    assert verdict(policy, "天津", "website_domains").rule == "CN-TJ/x-new/1"


# -- effective periods -----------------------------------------------------------------------


def test_a_superseded_page_leaves_the_answers_when_its_successor_starts() -> None:
    policy = edited(
        no_examples("CN-TJ"),
        add_source("x-v1", "qingcloud", published=D(2018, 1, 1), superseded_by="x-v2"),
        add_source("x-v2", "qingcloud", not_before=D(2021, 1, 21)),
        add_statement("CN-TJ", source="x-v1", changes=["website_name"], timing="before"),
        add_statement("CN-TJ", source="x-v2", changes=["website_name"], timing="after"),
    )
    old = verdict(policy, "天津", "website_name", as_of=D(2021, 1, 20))
    assert (old.rule, old.dissent) == ("CN-TJ/x-v1/1", ())
    new = verdict(policy, "天津", "website_name", as_of=D(2021, 1, 21))
    assert (new.rule, new.dissent, new.date, new.date_is_bound) == ("CN-TJ/x-v2/1", (), D(2021, 1, 21), True)


def test_until_ends_a_statement_on_that_day() -> None:
    policy = edited(
        add_source("x-gone", "ucloud", published=D(2019, 5, 1), until=D(2020, 1, 1)),
        add_statement("CN-TJ", source="x-gone", changes=["website_name"], timing="after"),
    )
    assert verdict(policy, "天津", "website_name", as_of=D(2019, 12, 31)).rule == "CN-TJ/x-gone/1"
    assert verdict(policy, "天津", "website_name", as_of=D(2020, 1, 1)).basis is bp.Basis.NATIONAL_DEFAULT


def test_a_page_replaced_by_an_undated_successor_takes_part_in_no_answer() -> None:
    policy = edited(
        add_source("x-v1", "qingcloud", published=D(2018, 1, 1), superseded_by="x-v2"),
        add_source("x-v2", "qingcloud"),
        add_statement("CN-TJ", source="x-v1", changes=["website_name"], timing="after"),
    )
    for day in (D(2018, 6, 1), None):
        assert verdict(policy, "天津", "website_name", as_of=day).basis is bp.Basis.NATIONAL_DEFAULT


# -- national statements and provider views -------------------------------------------------


def _ucloud_2023(document: Document) -> None:
    add_source("x-ucloud-2023", "ucloud", published=D(2023, 9, 1))(document)
    document["national_statements"] = [
        {
            "source": "x-ucloud-2023",
            "changes": ["*"],
            "timing": "with_transfer",
            "note": {"zh": "自己的系统", "en": "own system"},
        }
    ]


def test_a_national_statement_never_outweighs_nor_disputes_a_province_statement() -> None:
    policy = edited(_ucloud_2023)
    # 北京, organisation, website_name: Tencent's company tab says after.
    found = verdict(policy, "北京", "website_name", "organisation")
    assert (found.timing, found.basis, found.disputed, found.dissent) == (
        bp.Timing.AFTER, bp.Basis.PROVINCE, False, ()
    )  # fmt: skip
    # Where the default decides, it is shown as dissent, without disputing.
    default = verdict(policy, "天津", "website_name")
    assert (default.basis, default.disputed) == (bp.Basis.NATIONAL_DEFAULT, False)
    assert [s.id for s in default.dissent] == ["national/x-ucloud-2023/1"]
    # Before it was published it is not there at all.
    assert verdict(policy, "天津", "website_name", as_of=D(2023, 8, 31)).dissent == ()


def test_a_providers_view_uses_its_statements_alone() -> None:
    policy = edited(_ucloud_2023)
    own = verdict(policy, "北京", "website_name", "organisation", according_to="ucloud")
    assert (own.timing, own.basis, own.rule, own.provider) == (
        bp.Timing.WITH_TRANSFER, bp.Basis.NATIONAL_RULE, "national/x-ucloud-2023/1", "ucloud"
    )  # fmt: skip
    # The phone: the provider's own national statement replaces the SMS rule in its view.
    phone = verdict(policy, "北京", "website_owner_phone", according_to="UCloud")
    assert (phone.timing, phone.provider) == (bp.Timing.WITH_TRANSFER, "ucloud")
    assert verdict(policy, "北京", "website_owner_phone").basis is bp.Basis.NATIONAL_RULE
    # Before 2023-09-01 UCloud says nothing: the default, and no one else dissents.
    early = verdict(
        policy, "北京", "website_name", "organisation", as_of=D(2023, 1, 1), according_to="ucloud"
    )
    assert (early.basis, early.dissent) == (bp.Basis.NATIONAL_DEFAULT, ())
    decision = bp.assess_transfer("北京", ["website_name"], according_to="优刻得", policy=policy)
    assert decision.according_to == "ucloud"
    assert bp.can_transfer_directly("北京", ["website_name"], according_to="ucloud", policy=policy)


def test_a_tencent_view_of_beijing_has_no_dissent_from_others() -> None:
    policy = edited(
        add_source("x-q", "qingcloud"),
        add_statement("CN-BJ", source="x-q", changes=["website_name"], timing="before"),
    )
    combined = verdict(policy, "北京", "website_name", "organisation")
    assert (combined.timing, combined.disputed) == (bp.Timing.AFTER, True)
    tencent = verdict(policy, "北京", "website_name", "organisation", according_to="tencent_cloud")
    assert (tencent.timing, tencent.disputed, tencent.dissent) == (bp.Timing.AFTER, False, ())
    qing = verdict(policy, "北京", "website_name", "organisation", according_to="qingcloud")
    assert (qing.timing, qing.rule, qing.disputed) == (bp.Timing.BEFORE, "CN-BJ/x-q/1", False)


# -- national rules in force from their dates -------------------------------------------------


def _sms_dates(document: Document) -> None:
    for rule in document["national_rules"]:
        if rule["id"] in ("sms_phone_must_match", "sms_within_24_hours"):
            rule["in_force_from"] = D(2020, 8, 17)
            rule["in_force_from_by_province"] = {"CN-TJ": D(2017, 12, 18), "CN-SN": D(2018, 9, 10)}
        if rule["id"] == "domain_owner_must_match_subject":
            rule["in_force_from"] = D(2018, 1, 1)


def test_the_sms_step_appears_from_the_provinces_pilot_date() -> None:
    policy = edited(_sms_dates)
    # 江苏 was in no pilot: no SMS verification in mid-2019; 天津 piloted from 2017-12-18.
    assert "verify_sms" not in bp.plan_transfer("江苏", as_of=D(2019, 7, 1), policy=policy).step_ids
    assert "verify_sms" in bp.plan_transfer("天津", as_of=D(2018, 7, 1), policy=policy).step_ids
    assert "verify_sms" not in bp.plan_transfer("天津", as_of=D(2017, 12, 17), policy=policy).step_ids
    assert "verify_sms" in bp.plan_transfer("江苏", as_of=D(2020, 8, 17), policy=policy).step_ids
    assert "verify_sms" in [s.id for s in bp.required_steps("江苏", policy=policy)]


def test_before_sms_verification_the_phone_is_decided_like_any_change() -> None:
    policy = edited(_sms_dates)
    before = verdict(policy, "江苏", "website_owner_phone", as_of=D(2019, 7, 1))
    assert (before.basis, before.rule) == (bp.Basis.NATIONAL_DEFAULT, "national/change_first_by_default")
    after = verdict(policy, "江苏", "website_owner_phone", as_of=D(2020, 9, 1))
    assert (after.basis, after.rule, after.date) == (
        bp.Basis.NATIONAL_RULE,
        "national/sms_phone_must_match",
        D(2020, 8, 17),
    )
    pilot = verdict(policy, "陕西", "website_owner_phone", as_of=D(2019, 7, 1))
    assert (pilot.rule, pilot.date) == ("national/sms_phone_must_match", D(2018, 9, 10))


def test_no_plan_checks_the_domain_registrant_before_2018() -> None:
    policy = edited(_sms_dates)
    facts = {"domain_owner_matches_subject": False}
    assert (
        "change_domain_owner"
        not in bp.plan_transfer("北京", facts=facts, as_of=D(2017, 12, 31), policy=policy).step_ids
    )
    assert (
        "change_domain_owner"
        in bp.plan_transfer("北京", facts=facts, as_of=D(2018, 1, 1), policy=policy).step_ids
    )


# -- 陕西: Tencent's tab page against Alibaba's 2019 export ------------------------------------


def _shaanxi(document: Document) -> None:
    sn = province(document, "CN-SN")
    sn["statements"] = [
        s for s in sn["statements"] if source(document, s["source"])["provider"] != "alibaba_cloud"
    ]
    date_source("tc-cn-sn", not_before=D(2021, 1, 21))(document)
    add_source("x-a-cn-sn", "alibaba_cloud", standing="historical", published=D(2019, 9, 12))(document)
    add_statement(
        "CN-SN",
        source="x-a-cn-sn",
        changes=["subject_name", "subject_certificate"],
        applies_to=["organisation"],
        timing="before",
    )(document)


def test_shaanxi_organisation_subject_name_today_and_in_2019() -> None:
    policy = edited(_shaanxi)
    today = verdict(policy, "陕西", "subject_name", "organisation")
    assert (today.timing, today.provider, today.date, today.date_is_bound) == (
        bp.Timing.AFTER, "tencent_cloud", D(2021, 1, 21), True
    )  # fmt: skip
    alibaba = [s for s in today.dissent if s.provider == "alibaba_cloud"]
    assert [(s.timing, s.date) for s in alibaba] == [(bp.Timing.BEFORE, D(2019, 9, 12))]
    assert today.disputed
    then = verdict(policy, "陕西", "subject_name", "organisation", as_of=D(2019, 10, 1))
    assert (then.timing, then.provider, then.date) == (bp.Timing.BEFORE, "alibaba_cloud", D(2019, 9, 12))
    decision = bp.assess_transfer(
        "陕西", ["subject_name"], subject_kind="organisation", as_of=D(2019, 10, 1), policy=policy
    )
    assert (decision.as_of, decision.evidence_date, decision.direct) == (
        D(2019, 10, 1),
        D(2019, 9, 12),
        False,
    )


# -- arguments --------------------------------------------------------------------------------


def test_a_date_after_the_data_answers_as_of_the_data(policy: bp.Policy) -> None:
    later = bp.assess_transfer("北京", ["website_name"], as_of=D(2099, 1, 1), policy=policy)
    now = bp.assess_transfer("北京", ["website_name"], policy=policy)
    assert later == now
    assert now.as_of == policy.as_of


@pytest.mark.parametrize("value", ["2020-01-01", dt.datetime(2020, 1, 1, 12, 0), 20200101])
def test_as_of_must_be_a_date(value: object, policy: bp.Policy) -> None:
    for ask in (
        lambda: bp.assess_transfer("北京", as_of=value, policy=policy),  # type: ignore[arg-type]
        lambda: bp.plan_transfer("北京", as_of=value, policy=policy),  # type: ignore[arg-type]
        lambda: bp.diagnose("subject_mismatch", "北京", as_of=value, policy=policy),  # type: ignore[arg-type]
        lambda: bp.disputes(as_of=value, policy=policy),  # type: ignore[arg-type]
    ):
        with pytest.raises(ArgumentTypeError, match="as_of"):
            ask()


def test_an_unknown_provider_gets_suggestions(policy: bp.Policy) -> None:
    with pytest.raises(UnknownProviderError) as info:
        bp.assess_transfer("北京", according_to="alibab_cloud", policy=policy)
    assert isinstance(info.value, UnknownNameError)
    assert isinstance(info.value, LookupError)
    assert "alibaba_cloud" in info.value.suggestions
    assert "tencent_cloud" in info.value.valid
    # A publisher that hosts nothing has no view.
    with pytest.raises(UnknownProviderError):
        bp.assess_transfer("北京", according_to="cnblogs", policy=policy)
    with pytest.raises(ArgumentTypeError):
        bp.assess_transfer("北京", according_to=3, policy=policy)  # type: ignore[arg-type]


def test_preflight_in_a_providers_view_keeps_that_providers_checks(policy: bp.Policy) -> None:
    # 北京's minimum age of 18 for individuals is on Tencent's page (tc-cn-bj) only.
    application = {"subject_kind": "individual", "subject_owner": {"age": 16}}

    def too_young(**view: Any) -> bool:
        found = bp.preflight("北京", application, policy=policy, **view).findings
        return any(f.id == "owner_too_young" for f in found)

    assert too_young()
    assert too_young(according_to="tencent_cloud")
    assert not too_young(according_to="qingcloud")
    with pytest.raises(UnknownProviderError):
        too_young(according_to="nobody")


def test_a_successor_with_the_same_start_leaves_an_empty_period() -> None:
    # Two versions of one page under the same bound: the older counts in no answer.
    policy = edited(
        no_examples("CN-TJ"),
        add_source("x-older", "tencent_cloud", not_before=D(2021, 1, 21), superseded_by="x-newer"),
        add_source("x-newer", "tencent_cloud", not_before=D(2021, 1, 21)),
        add_statement("CN-TJ", source="x-older", changes=["website_name"], timing="after"),
    )
    for day in (D(2021, 1, 21), D(2024, 1, 1)):
        assert verdict(policy, "天津", "website_name", as_of=day).basis is bp.Basis.NATIONAL_DEFAULT
    with pytest.raises(bp.PolicyDataError, match="before this source's start"):
        edited(
            add_source("x-late", "qingcloud", published=D(2022, 1, 1), superseded_by="x-early"),
            add_source("x-early", "qingcloud", published=D(2020, 1, 1)),
        )

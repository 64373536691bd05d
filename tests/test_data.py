"""The shipped data, checked against itself and against the reference dossier.

The expected values here are read off shared/reference/provinces.md by hand (§1
summary table, §2 per-province sections), not computed by the library.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

import beian_policy as bp
from beian_policy._grid import decision_grid
from beian_policy._policy import province_alias_texts
from beian_policy._statements import decide
from beian_policy._text import lookup_key

ISO_CODES = {
    "CN-BJ", "CN-TJ", "CN-HE", "CN-SX", "CN-NM", "CN-LN", "CN-JL", "CN-HL", "CN-SH", "CN-JS", "CN-ZJ",
    "CN-AH", "CN-FJ", "CN-JX", "CN-SD", "CN-HA", "CN-HB", "CN-HN", "CN-GD", "CN-GX", "CN-HI", "CN-CQ",
    "CN-SC", "CN-GZ", "CN-YN", "CN-XZ", "CN-SN", "CN-GS", "CN-QH", "CN-NX", "CN-XJ",
}  # fmt: skip

ICP_ABBREVIATIONS = {
    "CN-BJ": "京", "CN-TJ": "津", "CN-HE": "冀", "CN-SX": "晋", "CN-NM": "蒙", "CN-LN": "辽", "CN-JL": "吉",
    "CN-HL": "黑", "CN-SH": "沪", "CN-JS": "苏", "CN-ZJ": "浙", "CN-AH": "皖", "CN-FJ": "闽", "CN-JX": "赣",
    "CN-SD": "鲁", "CN-HA": "豫", "CN-HB": "鄂", "CN-HN": "湘", "CN-GD": "粤", "CN-GX": "桂", "CN-HI": "琼",
    "CN-CQ": "渝", "CN-SC": "蜀", "CN-GZ": "黔", "CN-YN": "滇", "CN-XZ": "藏", "CN-SN": "陕", "CN-GS": "陇",
    "CN-QH": "青", "CN-NX": "宁", "CN-XJ": "新",
}  # fmt: skip


def rules(policy: bp.Policy, code: str) -> bp.model.ProvinceRules:
    return policy.rules_for(bp.resolve_province(code, policy=policy))


def general(policy: bp.Policy, code: str) -> bp.model.Statement | None:
    """The province's general rule on the current pages: the best-ranked statement that
    covers every change (``*``) for both subject kinds, boilerplate aside, today."""
    statements = [
        s
        for s in rules(policy, code).statements
        if s.covers_all
        and s.source.is_current
        and not s.boilerplate
        and s.applies_to == frozenset(bp.SubjectKind)
    ]
    return decide(statements, (), bp.Change.SUBJECT_NAME, None, policy.as_of).decider


# -- identity ---------------------------------------------------------------------------


def test_all_31_provinces_with_their_iso_codes(policy: bp.Policy) -> None:
    codes = [p.code for p in policy.provinces]
    assert len(codes) == 31
    assert set(codes) == ISO_CODES


def test_provinces_are_in_gb_order_with_unique_codes(policy: bp.Policy) -> None:
    gb = [p.gb_code for p in policy.provinces]
    assert gb == sorted(gb)
    assert len(set(gb)) == 31
    assert all(re.fullmatch(r"[1-6]\d0000", code) for code in gb)


def test_icp_abbreviations_and_alternatives(policy: bp.Policy) -> None:
    assert {p.code: p.icp_abbreviation for p in policy.provinces} == ICP_ABBREVIATIONS
    alternatives = {
        p.code: p.alternative_abbreviations for p in policy.provinces if p.alternative_abbreviations
    }
    assert alternatives == {
        "CN-SC": ("川",),
        "CN-GZ": ("贵",),
        "CN-YN": ("云",),
        "CN-SN": ("秦",),
        "CN-GS": ("甘",),
    }


def test_official_names_spot_checks(policy: bp.Policy) -> None:
    names = {p.code: (p.name, p.short_name) for p in policy.provinces}
    assert names["CN-GX"] == ("广西壮族自治区", "广西")
    assert names["CN-NM"] == ("内蒙古自治区", "内蒙古")
    assert names["CN-XJ"] == ("新疆维吾尔自治区", "新疆")
    assert names["CN-CQ"] == ("重庆市", "重庆")


def test_every_alias_names_exactly_one_province(policy: bp.Policy) -> None:
    owner: dict[str, str] = {}
    for province in policy.provinces:
        for text in province_alias_texts(province):
            key = lookup_key(text)
            assert key, f"empty alias in {province.code}"
            assert owner.setdefault(key, province.code) == province.code, (
                f"{text!r} names both {owner[key]} and {province.code}"
            )
    for region in policy.no_icp_regions:
        for text in region.aliases:
            assert lookup_key(text) not in owner, f"{text!r} names {region.name} and a province"


def test_every_alias_resolves_back(policy: bp.Policy) -> None:
    for province in policy.provinces:
        for text in province_alias_texts(province):
            assert bp.resolve_province(text, policy=policy) == province


# -- versions and provenance ------------------------------------------------------------


def test_versions(policy: bp.Policy) -> None:
    assert re.fullmatch(r"\d{4}\.\d{2}\.\d{2}(\.\d+)?", policy.data_version)
    assert policy.schema_version == bp.SCHEMA_VERSION
    assert isinstance(policy.as_of, dt.date)
    assert policy.data_version == bp.DATA_VERSION
    assert policy.as_of == bp.DATA_AS_OF


def test_every_stated_value_has_a_current_source(policy: bp.Policy) -> None:
    for r in policy.rules:
        values: list[tuple[str, bp.model.Status, tuple[bp.model.Source, ...]]] = []
        values.append(
            (f"{r.province.code} reachable", r.filed_sites_reachable.status, r.filed_sites_reachable.sources)
        )
        values.append(
            (f"{r.province.code} closed", r.unfiled_sites_closed.status, r.unfiled_sites_closed.sources)
        )
        for what, status, sources in values:
            if status is bp.model.Status.STATED:
                assert sources, f"{what} is stated without a source"
                assert any(s.is_current for s in sources), f"{what} rests only on historical sources"
        for requirement in r.requirements:
            assert requirement.sources, f"{r.province.code} requirement {requirement.id} has no source"
        for note in r.notes:
            assert note.sources, f"{r.province.code} note {note.topic!r} has no source"
        assert r.sources, f"{r.province.code} identity has no source"


def test_every_province_page_from_tencent_is_cited(policy: bp.Policy) -> None:
    """Tencent's current per-province pages are the primary source: each province cites its own."""
    for r in policy.rules:
        cited = {s.source.id for s in r.statements}
        cited |= {s.id for s in r.filed_sites_reachable.sources + r.unfiled_sites_closed.sources}
        cited |= {s.id for n in r.notes for s in n.sources}
        cited |= {s.id for q in r.requirements for s in q.sources}
        own = f"tc-{r.province.code.lower()}"
        assert own in cited, f"{r.province.code} never cites its Tencent page {own}"


def test_jd_boilerplate_is_never_the_rule(policy: bp.Policy) -> None:
    boilerplate = {s.id for r in policy.rules for s in r.statements if s.boilerplate}
    assert boilerplate, "the shipped data records JD Cloud's repeated line"
    # JD Cloud's line repeated across its province pages, and UCloud's line repeated on
    # nine of its 2019-07-09 rule pages (UCloudDoc-Team/beian1 @0405d63c, removed @55b12ea2).
    assert {s.provider for r in policy.rules for s in r.statements if s.boilerplate} == {
        "jd_cloud",
        "ucloud",
    }
    for cell in decision_grid(policy=policy):
        assert cell.verdict.rule not in boilerplate, cell


def test_sources_are_locatable(policy: bp.Policy) -> None:
    for source in policy.sources:
        assert source.url or source.path, source.id
        if source.commit is not None:
            assert re.fullmatch(r"[0-9a-f]{40}", source.commit), source.id
    assert policy.source("t17").standing is bp.model.SourceStanding.HISTORICAL


# -- values read off the reference by hand ----------------------------------------------------

# Per province, read off the reference (§1 summary and §2 sections), with Tencent's
# current page primary and QingCloud / JD Cloud province text secondary:
# (catch-all timing or None if unknown, filed sites reachable, unfiled sites closed),
# where None means the reference has no current source for the value.
EXPECTED: dict[str, tuple[str | None, bool | None, bool | None]] = {
    "CN-BJ": (None, None, True),  # the transfer-first rule is on Tencent's company tab only
    "CN-TJ": (None, None, True),
    "CN-HE": (None, False, True),  # Tencent rules on old certificates only; Huawei is a claim
    "CN-SX": (None, None, None),
    "CN-NM": (None, None, None),
    "CN-LN": (None, None, None),  # "no transfer first" is on Tencent's company tab only
    "CN-JL": (None, None, None),
    "CN-HL": (None, None, None),
    "CN-SH": (None, None, None),
    "CN-JS": (None, False, None),  # an open site shows its number: conditional, as 海南 and 贵州
    "CN-ZJ": (None, False, True),
    "CN-AH": (None, None, None),
    "CN-FJ": (None, None, True),
    "CN-JX": (None, True, True),
    "CN-SD": (None, None, True),
    "CN-HA": (None, True, True),
    "CN-HB": (None, None, True),
    "CN-HN": ("before", None, True),  # closure from JD Cloud's 湖南 page
    "CN-GD": (None, True, None),  # reachability from QingCloud and JD Cloud
    "CN-GX": (None, True, None),
    "CN-HI": (None, False, None),
    "CN-CQ": (None, True, True),
    "CN-SC": ("before", True, None),
    "CN-GZ": ("before", False, None),  # must-match from QingCloud's 贵州 page
    "CN-YN": (None, None, True),
    "CN-XZ": (None, None, None),
    "CN-SN": (None, False, True),  # closure from JD Cloud's 陕西 page
    "CN-GS": (None, None, True),
    "CN-QH": (None, None, True),
    "CN-NX": (None, True, None),
    "CN-XJ": (None, None, None),
}


def test_expectations_cover_every_province() -> None:
    assert set(EXPECTED) == ISO_CODES


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_general_rule(policy: bp.Policy, code: str) -> None:
    statement = general(policy, code)
    expected = EXPECTED[code][0]
    if expected is None:
        assert statement is None
    else:
        assert statement is not None
        assert statement.timing is bp.Timing(expected)


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_filed_sites_reachable(policy: bp.Policy, code: str) -> None:
    fact = rules(policy, code).filed_sites_reachable
    expected = EXPECTED[code][1]
    if expected is None:
        assert (fact.status, fact.value) == (bp.model.Status.UNKNOWN, None)
    else:
        assert (fact.status, fact.value) == (bp.model.Status.STATED, expected)


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_unfiled_sites_closed(policy: bp.Policy, code: str) -> None:
    fact = rules(policy, code).unfiled_sites_closed
    expected = EXPECTED[code][2]
    if expected is None:
        assert (fact.status, fact.value) == (bp.model.Status.UNKNOWN, None)
    else:
        assert (fact.status, fact.value) == (bp.model.Status.STATED, expected)


@pytest.mark.parametrize("code", ["CN-BJ", "CN-TJ", "CN-HE", "CN-ZJ", "CN-FJ", "CN-JX", "CN-SD", "CN-HA",
                                  "CN-HB", "CN-CQ", "CN-YN", "CN-GS", "CN-QH"])  # fmt: skip
def test_closure_stated_by_tencent(policy: bp.Policy, code: str) -> None:
    fact = rules(policy, code).unfiled_sites_closed
    assert any(
        s.provider == "tencent_cloud" and s.standing is bp.model.SourceStanding.PRIMARY for s in fact.sources
    )


@pytest.mark.parametrize(
    ("code", "change", "timing", "deadline", "kind"),
    [
        ("CN-BJ", "subject_certificate", "before", None, "organisation"),
        ("CN-BJ", "website_name", "after", 10, "organisation"),
        ("CN-BJ", "subject_name", "before", None, "individual"),
        ("CN-LN", "website_name", "before", None, "organisation"),
        ("CN-HE", "website_name", "before", None, "organisation"),
        ("CN-JS", "subject_owner", "after", 10, "organisation"),
        ("CN-SX", "subject_certificate", "after", None, "organisation"),
        ("CN-SH", "subject_certificate", "after", None, "organisation"),
        ("CN-SH", "subject_owner_contact", "after", None, "organisation"),
        ("CN-ZJ", "subject_certificate", "after", None, "organisation"),
        ("CN-FJ", "subject_certificate", "after", None, "organisation"),
        ("CN-SC", "subject_certificate", "after", None, "organisation"),
        ("CN-SC", "subject_certificate", "before", None, "individual"),
        ("CN-NX", "subject_certificate", "before", None, "organisation"),
        ("CN-GD", "website_name", "before", None, "organisation"),
        ("CN-XZ", "subject_name", "before", None, "organisation"),
        ("CN-XZ", "subject_address", "after", None, "organisation"),
        ("CN-SN", "subject_name", "after", None, "organisation"),
        ("CN-HA", "subject_owner", "before", None, None),
    ],
)
def test_stated_change_rules(
    policy: bp.Policy, code: str, change: str, timing: str, deadline: int | None, kind: str | None
) -> None:
    (verdict,) = bp.assess_transfer(code, [change], subject_kind=kind, policy=policy).verdicts
    assert verdict.basis is bp.Basis.PROVINCE
    assert verdict.timing == timing
    assert verdict.deadline_working_days == deadline


@pytest.mark.parametrize(
    ("code", "change", "kind"),
    [("CN-JS", "subject_owner", "organisation"), ("CN-SN", "subject_name", "organisation"),
     ("CN-FJ", "subject_certificate", "organisation"),
     ("CN-YN", "subject_name", "individual"), ("CN-SC", "subject_certificate", "organisation")],
)  # fmt: skip
def test_disputes_are_recorded(policy: bp.Policy, code: str, change: str, kind: str | None) -> None:
    """The reference's §5 conflicts: Tencent lets these wait, another provider says not."""
    decision = bp.assess_transfer(code, change, subject_kind=kind, policy=policy)
    assert decision.direct
    assert decision.disputed


def test_undisputed_decisions_say_so(policy: bp.Policy) -> None:
    assert not bp.assess_transfer(
        "CN-BJ", "subject_name", subject_kind="organisation", policy=policy
    ).disputed
    assert not bp.assess_transfer(
        "CN-LN", "subject_name", subject_kind="organisation", policy=policy
    ).disputed
    # 四川: QingCloud's match rule agrees (it is a source, not a claim); no dispute outside the
    # company-tab certificate exception.
    assert not bp.assess_transfer(
        "CN-SC", "subject_certificate", subject_kind="individual", policy=policy
    ).disputed
    assert not bp.assess_transfer("CN-SC", "subject_certificate", policy=policy).disputed


def test_reachability_scopes(policy: bp.Policy) -> None:
    assert rules(policy, "CN-JX").filed_sites_reachable.scope is bp.model.Scope.ORGANISATIONS
    assert rules(policy, "CN-GX").filed_sites_reachable.scope is bp.model.Scope.ORGANISATIONS
    assert rules(policy, "CN-NX").filed_sites_reachable.scope is bp.model.Scope.WHEN_ADDING_WEBSITES
    # Stated on Tencent's company (企业备案) tab only (audit 2026-12-01, S1).
    assert rules(policy, "CN-CQ").filed_sites_reachable.scope is bp.model.Scope.ORGANISATIONS
    assert rules(policy, "CN-SC").filed_sites_reachable.scope is bp.model.Scope.ORGANISATIONS
    assert rules(policy, "CN-SN").filed_sites_reachable.scope is bp.model.Scope.ORGANISATIONS


# Closure of unfiled sites, read off the Tencent tabs (audit 2026-12-01, S1): company tab
# only, unless another current source states it for individuals too (JD Cloud's 福建, 湖北
# and 甘肃 pages state it under both their company and their individual rules).
CLOSURE_SCOPES: dict[str, tuple[bp.model.Scope, set[str]]] = {
    "CN-BJ": (bp.model.Scope.ORGANISATIONS, {"tc-cn-bj"}),
    "CN-TJ": (bp.model.Scope.ORGANISATIONS, {"tc-cn-tj"}),
    "CN-HE": (bp.model.Scope.ORGANISATIONS, {"tc-cn-he"}),
    "CN-JX": (bp.model.Scope.ORGANISATIONS, {"tc-cn-jx"}),
    "CN-CQ": (bp.model.Scope.ORGANISATIONS, {"tc-cn-cq"}),
    "CN-FJ": (bp.model.Scope.ALL, {"tc-cn-fj", "j-cn-fj"}),
    "CN-HB": (bp.model.Scope.ALL, {"tc-cn-hb", "j-cn-hb"}),
    "CN-GS": (bp.model.Scope.ALL, {"tc-cn-gs", "j-cn-gs"}),
    "CN-ZJ": (bp.model.Scope.ALL, {"tc-cn-zj"}),  # stated on both tabs
}


@pytest.mark.parametrize("code", sorted(CLOSURE_SCOPES))
def test_closure_scopes(policy: bp.Policy, code: str) -> None:
    fact = rules(policy, code).unfiled_sites_closed
    scope, source_ids = CLOSURE_SCOPES[code]
    assert fact.scope is scope
    assert {s.id for s in fact.sources} == source_ids


@pytest.mark.parametrize(("code", "kind", "expected"), [
    ("CN-BJ", "individual", False), ("CN-BJ", "organisation", True), ("CN-BJ", None, True),
    ("CN-CQ", "individual", False), ("CN-FJ", "individual", True), ("CN-ZJ", "individual", True),
])  # fmt: skip
def test_closure_step_follows_the_scope(code: str, kind: str | None, expected: bool) -> None:
    plan = bp.plan_transfer(code, [], subject_kind=kind)
    assert ("close_unfiled_sites" in [s.id for s in plan.steps]) is expected


def test_transfer_requirements_with_steps(policy: bp.Policy) -> None:
    def steps(code: str) -> set[str | None]:
        return {q.step for q in rules(policy, code).requirements}

    assert {"cancel_extra_filings", "move_domain_to_domestic_registrar"} <= steps("CN-BJ")
    assert "cancel_extra_filings" in steps("CN-TJ")
    assert "obtain_party_building_letter" in steps("CN-XJ")
    assert "prepare_usage_statement" in steps("CN-HE")
    assert "prepare_domain_certificate" in steps("CN-HN")
    assert "prepare_domain_certificate" in steps("CN-NM")
    # 西藏 asks for the party-building letter on a first filing only, not on a transfer.
    assert "obtain_party_building_letter" not in steps("CN-XZ")


# -- worked examples ----------------------------------------------------------------------------


def _examples() -> list[tuple[str, int]]:
    return [(r.province.code, index) for r in bp.default_policy().rules for index in range(len(r.examples))]


def test_every_province_has_a_positive_and_a_negative_example(policy: bp.Policy) -> None:
    for r in policy.rules:
        assert any(not e.direct for e in r.examples), f"{r.province.code} has no negative example"
        assert len(r.examples) >= 2, r.province.code


@pytest.mark.parametrize(("code", "index"), _examples())
def test_worked_example(policy: bp.Policy, code: str, index: int) -> None:
    example = rules(policy, code).examples[index]
    decision = bp.assess_transfer(code, example.changes, subject_kind=example.subject_kind, policy=policy)
    assert decision.direct is example.direct, example.note
    assert decision.blocking_changes == example.blocking, example.note
    assert decision.deferred_changes == example.deferred, example.note


def test_other_versions_of_tencent_pages_have_one_standing_rule(policy: bp.Policy) -> None:
    """A second stored version of a Tencent page is never primary: it is historical
    when shown to be older, otherwise secondary, and its note says which."""
    for source in policy.sources:
        if re.fullmatch(r"tc-cn-[a-z]{2}-a", source.id):
            assert source.standing in (
                bp.model.SourceStanding.SECONDARY,
                bp.model.SourceStanding.HISTORICAL,
            ), source.id
            assert source.note.en, source.id
            if source.standing is bp.model.SourceStanding.HISTORICAL:
                assert "older" in source.note.en.lower(), source.id
            else:
                assert "could not be established" in source.note.en, source.id


# -- disagreements the audit of 2026-12-01 found unrecorded --------------------------------


def test_national_disagreements_are_recorded_with_every_side(policy: bp.Policy) -> None:
    edit = {s.id for s in policy.national_rule("providers_differ_on_changes_during_transfer").sources}
    # Tencent (no edits during a transfer) vs Huawei (upload the latest certificates) vs
    # QingCloud and JD Cloud (it depends on the province).
    assert {"tc-faq-transfer", "h-rules", "q-add-access", "j-access-notes"} <= edit
    limits = {s.id for s in policy.national_rule("sites_per_transfer_versions_differ").sources}
    assert limits == {"tc-faq-transfer", "tc-faq-transfer-a"}
    assert policy.source("tc-faq-transfer-a").commit == "0f66dc54e12aed9a656b247bb6373e2cfa48d602"
    # The strict default is the project's own policy and says so.
    assert "own policy" in policy.national_rule("change_first_by_default").text.en


@pytest.mark.parametrize(
    ("code", "topic", "source_ids"),
    [
        ("CN-BJ", "dispute", {"q-cn-bj", "j-cn-bj"}),
        ("CN-BJ", "history", {"tc-cn-bj", "t17", "told"}),
        ("CN-LN", "history", {"tc-cn-ln-a"}),
        ("CN-HL", "dispute", {"j-cn-hl", "tc-cn-hl"}),
        ("CN-SH", "history", {"tc-cn-sh-a", "t17"}),
        ("CN-HA", "history", {"tc-cn-ha", "tc-cn-ha-a"}),
        ("CN-XJ", "history", {"tc-cn-xj", "tc-cn-xj-a"}),
        ("CN-HN", "history", {"t17"}),
        ("CN-SN", "history", {"t17"}),
        ("CN-NX", "history", {"t17"}),
        ("CN-AH", "materials", {"tc-cn-ah"}),
    ],
)
def test_recorded_notes(policy: bp.Policy, code: str, topic: str, source_ids: set[str]) -> None:
    notes = rules(policy, code).notes
    assert any(n.topic == topic and {s.id for s in n.sources} == source_ids for n in notes)

"""Every province x change x subject kind decided at once, and the disputed ones.

The expected disputes are read off the cited pages by hand: the deciding page (Tencent's
current page, or QingCloud's / Huawei's where Tencent is silent, or Alibaba Cloud's archived
2018-2019 pages where no current page states the rule) says one thing, another page says the
other."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import beian_policy as bp
from beian_policy._cli._render_grid import table_csv_lines, table_json
from beian_policy._grid import SUBJECT_KINDS, TABLE_COLUMNS, DecisionCell, decision_grid, table_row
from tests.conftest import replace_once

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "data" / "decisions.csv"

ORG, IND = bp.SubjectKind.ORGANISATION, bp.SubjectKind.INDIVIDUAL
SUBJECT_CHANGES = [c for c in bp.Change if c.is_subject]

# (province, change, kind): the deciding page and another page disagree on the timing.
# JD Cloud's older line no longer takes part where its newer page (yicenzzn/cn) drops it, so
# 山西's certificate, 陕西's other subject fields and 云南's other individual fields are no
# longer disputed: Alibaba Cloud's pages agree with Tencent there or say nothing.
EXPECTED_DISPUTES = {
    # 福建, 四川: an old certificate may be transferred and replaced after (Tencent company tab)
    # vs Alibaba Cloud's 2019-09-12 pages (主办单位名称、证件号码 must match); QingCloud agrees
    # with Alibaba in 四川.
    ("CN-FJ", bp.Change.SUBJECT_CERTIFICATE, ORG),
    ("CN-SC", bp.Change.SUBJECT_CERTIFICATE, ORG),
    # 四川: Tencent's general match rule vs Alibaba's addresses (both kinds) and a company's
    # owner details, which may follow the transfer.
    ("CN-SC", bp.Change.SUBJECT_ADDRESS, ORG),
    ("CN-SC", bp.Change.SUBJECT_ADDRESS, IND),
    ("CN-SC", bp.Change.SUBJECT_OWNER, ORG),
    ("CN-SC", bp.Change.SUBJECT_OWNER_CONTACT, ORG),
    # 江苏: the subject owner may differ and change within 10 working days (Tencent) vs
    # QingCloud and JD Cloud's newer company section (must match).
    ("CN-JS", bp.Change.SUBJECT_OWNER, ORG),
    # 江苏: Alibaba (2019-09-12) lets a company's addresses and owner details follow; JD Cloud's
    # newer company section still carries its match line.
    ("CN-JS", bp.Change.SUBJECT_ADDRESS, ORG),
    ("CN-JS", bp.Change.SUBJECT_OWNER_CONTACT, ORG),
    # 陕西 company tab: transfer first, change after, vs Alibaba (name and certificate match).
    ("CN-SN", bp.Change.SUBJECT_NAME, ORG),
    ("CN-SN", bp.Change.SUBJECT_CERTIFICATE, ORG),
    # 云南 individual tab: transfer first, vs Alibaba (the name must match, from 2018-10-11).
    ("CN-YN", bp.Change.SUBJECT_NAME, IND),
    # 辽宁 company tab refuses transfer-first; Alibaba lets addresses and owner details follow.
    ("CN-LN", bp.Change.SUBJECT_ADDRESS, ORG),
    ("CN-LN", bp.Change.SUBJECT_OWNER, ORG),
    ("CN-LN", bp.Change.SUBJECT_OWNER_CONTACT, ORG),
    # 广东 company tab: the website name must equal the MIIT record; Alibaba: nothing must match.
    ("CN-GD", bp.Change.WEBSITE_NAME, ORG),
    # 河北: Huawei's summary (company, change first) vs Alibaba's addresses after.
    ("CN-HE", bp.Change.SUBJECT_ADDRESS, ORG),
    # 河南: QingCloud (the owners must equal the record) vs Alibaba (a company's owner details
    # may follow).
    ("CN-HA", bp.Change.SUBJECT_OWNER, ORG),
    ("CN-HA", bp.Change.SUBJECT_OWNER_CONTACT, ORG),
    # 贵州, 青海: QingCloud's match rule vs Alibaba's addresses after.
    ("CN-GZ", bp.Change.SUBJECT_ADDRESS, ORG),
    ("CN-GZ", bp.Change.SUBJECT_ADDRESS, IND),
    ("CN-QH", bp.Change.SUBJECT_ADDRESS, ORG),
}


@cache
def _cells() -> dict[tuple[str, bp.Change, bp.SubjectKind | None], DecisionCell]:
    return {(c.province.code, c.change, c.subject_kind): c for c in decision_grid()}


def test_disputes_are_the_ones_the_sources_disagree_on() -> None:
    found = bp.disputes()
    assert {(d.province.code, d.change, d.subject_kind) for d in found} == EXPECTED_DISPUTES
    assert len(found) == len(EXPECTED_DISPUTES)  # each once


def test_a_dispute_says_who_says_what() -> None:
    (jiangsu,) = [
        d for d in bp.disputes() if (d.province.code, d.change) == ("CN-JS", bp.Change.SUBJECT_OWNER)
    ]
    assert jiangsu.verdict.timing is bp.Timing.AFTER
    assert jiangsu.verdict.deadline_working_days == 10
    # Alibaba Cloud's 2019 page agrees with Tencent (a company's owner details may follow), so
    # it takes a position without dissenting; the boilerplate ranks last.
    assert jiangsu.providers == ("tencent_cloud", "qingcloud", "alibaba_cloud", "jd_cloud")
    deciding = [p for p in jiangsu.positions if p.decides]
    assert [(p.source.id, p.timing) for p in deciding] == [("tc-cn-js", bp.Timing.AFTER)]
    dissent = {(p.source.id, p.timing, p.boilerplate) for p in jiangsu.dissent}
    # JD Cloud's newer 江苏 page (company section) keeps its match line.
    assert dissent == {("j2-cn-js", bp.Timing.BEFORE, True), ("q-cn-js", bp.Timing.BEFORE, False)}
    assert all(p.date is None for p in jiangsu.dissent)  # undated pages


def test_history_takes_a_position_but_never_decides() -> None:
    # Alibaba Cloud's archived 四川 page (2019-09-12) wants the certificate number to match: an
    # archived statement still in effect, so it dissents; the current company tab decides.
    # QingCloud's general match rule disagrees with the exception too; Tencent's own general
    # rule on the same page does not count against its exception. (The 2017 Tencent page is
    # superseded by the current pages and takes no part.)
    (sichuan,) = [
        d for d in bp.disputes() if (d.province.code, d.change) == ("CN-SC", bp.Change.SUBJECT_CERTIFICATE)
    ]
    assert [(p.source.id, p.timing) for p in sichuan.positions if p.decides] == [
        ("tc-cn-sc", bp.Timing.AFTER)
    ]
    assert {p.source.id for p in sichuan.dissent} == {"a-cn-sc", "q-cn-sc"}
    assert sichuan.verdict.dissent[-1].source.id == "a-cn-sc"  # archives rank last


def test_disputes_of_another_policy(data_text: str) -> None:
    # With Alibaba Cloud's 2019 陕西 company rule corrected to agree with Tencent, 陕西's
    # company rule is no longer disputed.
    text = replace_once(
        data_text,
        'source = "a-cn-sn"\nchanges = ["subject_name", "subject_certificate"]\n'
        'applies_to = ["organisation"]\ntiming = "before"\n',
        'source = "a-cn-sn"\nchanges = ["subject_name", "subject_certificate"]\n'
        'applies_to = ["organisation"]\ntiming = "after"\n',
    )
    policy = bp.loads_policy(text)
    assert not any(d.province.code == "CN-SN" for d in bp.disputes(policy=policy))
    assert any(d.province.code == "CN-SN" for d in bp.disputes())


def test_the_grid_asks_every_question_once(policy: bp.Policy) -> None:
    cells = decision_grid()
    assert len(cells) == 31 * 10 * 3
    keys = {(c.province.code, c.change, c.subject_kind) for c in cells}
    assert len(keys) == len(cells)
    assert SUBJECT_KINDS == (None, ORG, IND)


@given(
    st.sampled_from([p.code for p in bp.default_policy().provinces]),
    st.sampled_from(list(bp.Change)),
    st.sampled_from(SUBJECT_KINDS),
)
def test_each_row_is_the_answer_to_that_question(
    code: str, change: bp.Change, kind: bp.SubjectKind | None
) -> None:
    cell = _cells()[(code, change, kind)]
    (verdict,) = bp.assess_transfer(code, [change], subject_kind=kind).verdicts
    assert cell.verdict == verdict
    row = table_row(cell)
    assert list(row) == list(TABLE_COLUMNS)
    assert (row["timing"], row["basis"], row["disputed"]) == (
        verdict.timing.value,
        verdict.basis.value,
        verdict.disputed,
    )
    disputed = (code, change, kind) in EXPECTED_DISPUTES
    assert row["disputed"] is disputed


def test_a_row_by_hand() -> None:
    # Tencent's 北京 company tab: the subject name may change within 10 working days after.
    (cell,) = [
        c
        for c in decision_grid()
        if (c.province.code, c.change, c.subject_kind) == ("CN-BJ", bp.Change.SUBJECT_NAME, ORG)
    ]
    row = table_row(cell)
    assert row == {
        "province": "CN-BJ",
        "province_name": "北京",
        "change": "subject_name",
        "subject_kind": "organisation",
        "according_to": None,
        "timing": "after",
        "basis": "province",
        "disputed": False,
        "deadline_working_days": 10,
        "rule": "CN-BJ/tc-cn-bj/1",
        "provider": "tencent_cloud",
        "date": row["date"],  # the page's dating is the data engineer's (a bound, or undated)
        "sources": ["tc-cn-bj"],
    }
    assert row["date"] is None or str(row["date"]).startswith((">=", "20"))
    lines = table_csv_lines([dict(row, date=None)])
    assert lines == [
        "province,province_name,change,subject_kind,according_to,timing,basis,disputed,"
        "deadline_working_days,rule,provider,date,sources",
        "CN-BJ,北京,subject_name,organisation,,after,province,false,10,CN-BJ/tc-cn-bj/1,tencent_cloud,,tc-cn-bj",
    ]
    # 天津 states no rule: no kind, no deadline, two sources of the default.
    default_row = table_row(
        next(c for c in decision_grid() if (c.province.code, c.change) == ("CN-TJ", bp.Change.WEBSITE_NAME))
    )
    assert table_csv_lines([default_row])[1] == (
        "CN-TJ,天津,website_name,,,before,national_default,false,,"
        "national/change_first_by_default,,,tc-seed-faq tc-faq-transfer"
    )
    assert json.loads(table_json([default_row]))[0]["subject_kind"] is None


def test_disputes_round_trip_through_json() -> None:
    for dispute in bp.disputes():
        data = bp.to_dict(dispute)
        assert data["providers"] == list(dispute.providers)
        assert bp.from_dict(bp.model.Dispute, data) == dispute


def test_the_committed_table_matches_the_data() -> None:
    """Drift detector for reviewers, not a correctness test: when this fails, the
    decisions changed. Regenerate with `beian-policy table --format csv >
    data/decisions.csv`, read the diff, and name the changed decisions in CHANGELOG."""
    current = "\n".join(table_csv_lines(table_row(c) for c in decision_grid())) + "\n"
    assert SNAPSHOT.read_text(encoding="utf-8") == current, (
        "data/decisions.csv is out of date: run `beian-policy table --format csv > data/decisions.csv`"
    )

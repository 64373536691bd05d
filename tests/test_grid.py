"""Every province x change x subject kind decided at once, and the disputed ones.

The expected disputes are read off the reference's province table by hand: Tencent's
current page says one thing, JD Cloud's (or QingCloud's) page says the other."""

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

# (province, change, kind): Tencent lets the change wait; the others want it first.
EXPECTED_DISPUTES = {
    # 山西, 福建: an old certificate may be transferred and replaced after (Tencent company
    # tab) vs JD Cloud's match line. 四川 the same on Tencent's company tab.
    ("CN-SX", bp.Change.SUBJECT_CERTIFICATE, ORG),
    ("CN-FJ", bp.Change.SUBJECT_CERTIFICATE, ORG),
    ("CN-SC", bp.Change.SUBJECT_CERTIFICATE, ORG),
    # 江苏: the subject owner may differ and change within 10 working days (Tencent) vs
    # QingCloud and JD Cloud (must match).
    ("CN-JS", bp.Change.SUBJECT_OWNER, ORG),
    # 陕西 company tab: transfer first, change after, vs JD Cloud.
    *(("CN-SN", change, ORG) for change in SUBJECT_CHANGES),
    # 云南 individual tab: transfer first, change after, vs JD Cloud; the phone is national.
    *(("CN-YN", change, IND) for change in bp.Change if change is not bp.Change.WEBSITE_OWNER_PHONE),
}


@cache
def _cells() -> dict[tuple[str, bp.Change, bp.SubjectKind | None], DecisionCell]:
    return {(c.province.code, c.change, c.subject_kind): c for c in decision_grid()}


def test_disputes_are_the_ones_the_sources_disagree_on() -> None:
    found = bp.disputes()
    assert {(d.province.code, d.change, d.subject_kind) for d in found} == EXPECTED_DISPUTES
    assert len(found) == len(EXPECTED_DISPUTES)  # each once


def test_a_dispute_says_who_says_what() -> None:
    (jiangsu,) = [d for d in bp.disputes() if d.province.code == "CN-JS"]
    assert jiangsu.verdict.timing is bp.Timing.AFTER
    assert jiangsu.verdict.deadline_working_days == 10
    assert jiangsu.providers == ("tencent_cloud", "jd_cloud", "qingcloud")
    deciding = [p for p in jiangsu.positions if p.decides]
    assert [(p.source.id, p.timing) for p in deciding] == [("tc-cn-js", bp.Timing.AFTER)]
    dissent = {(p.source.id, p.timing, p.boilerplate) for p in jiangsu.dissent}
    assert dissent == {("j-cn-js", bp.Timing.BEFORE, True), ("q-cn-js", bp.Timing.BEFORE, False)}
    assert all(p.date is None for p in jiangsu.positions)  # undated pages


def test_history_takes_a_position_but_never_decides() -> None:
    # The 2017 Tencent page refused a new certificate in 四川: an archived statement still in
    # effect (it has no end date), so it dissents; the current company tab decides. QingCloud's
    # general match rule disagrees with the exception too; Tencent's own general rule on the
    # same page does not count against its exception.
    (sichuan,) = [d for d in bp.disputes() if d.province.code == "CN-SC"]
    assert [(p.source.id, p.timing) for p in sichuan.positions if p.decides] == [
        ("tc-cn-sc", bp.Timing.AFTER)
    ]
    assert {p.source.id for p in sichuan.dissent} == {"j-cn-sc", "t17", "q-cn-sc"}
    assert sichuan.verdict.dissent[-1].source.id == "t17"  # archives rank last


def test_disputes_of_another_policy(data_text: str) -> None:
    # Without JD Cloud's 陕西 claim, 陕西's company rule is no longer disputed.
    text = replace_once(
        data_text,
        '[[provinces.statements]]\nsource = "j-cn-sn"\nchanges = ["*"]\ntiming = "before"\n'
        "boilerplate = true\n\n",
        "",
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

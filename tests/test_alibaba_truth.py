"""Alibaba Cloud's archived transfer blocks over time, pinned by hand from the reference.

Every expectation below is read off ``shared/reference/providers-and-history.md`` §1.1
("Alibaba Cloud (阿里云): a field-level 接入 rule for every province"), never off the
data or the code:

- the table "Fields that must match before 接入 (Aliyun)" gives, per province and per
  subject kind (单位 / 个人), the fields that must match the filed record: a change to
  them is made at the original provider first (``before``);
- "All other fields: 符合当前管局规则即可，接入成功后进行变更": the other fields (here
  the certificate address, 证件住所) are transferred and changed afterwards (``after``);
- "Dated changes inside the Aliyun series": 北京's block removed 2019-02-19, 上海's
  2018-09-06, 云南 from "nothing must match" to "名称 must match" on 2018-10-11, and "All
  other provinces were wording-only edits between 2018-06-09 and 2019-09-12", so the
  same fields are asked at every date of that period, on every stored version of a page;
- "Each page has separate 单位 and 个人 sections": a page that splits its block by
  subject kind states nothing for a question that names no kind.

The questions are asked in Alibaba Cloud's view (``according_to="alibaba_cloud"``) at
dates spread over the archive: mid-2018 (the 2018-06-09 export), the turn of 2018/2019
(the September and October 2018 edits), spring 2019 (the 2019-02-19 edits) and after the
2019-09 pages. The deciding statement must be Alibaba's page for the province.
"""

from __future__ import annotations

import datetime as dt

import pytest

import beian_policy as bp

ORG, IND = "organisation", "individual"
N, C, OWNER, A, W = "subject_name", "subject_certificate", "subject_owner", "subject_address", "website_owner"

MID_2018, TURN_2018, SPRING_2019, LATE_2019 = (
    dt.date(2018, 7, 1),
    dt.date(2019, 1, 1),
    dt.date(2019, 3, 1),
    dt.date(2019, 10, 1),
)
ALL_DATES = (MID_2018, TURN_2018, SPRING_2019, LATE_2019)

# province -> (单位 must match, 个人 must match, the dates the block stands for), from the
# §1.1 table. 名称 = subject_name, 证件号 = subject_certificate, 负责人 = subject_owner,
# 证件住所 = subject_address, 网站负责人 = website_owner.
MUST_MATCH: dict[str, tuple[frozenset[str], frozenset[str], tuple[dt.date, ...]]] = {
    "CN-TJ": (frozenset({N, C}), frozenset({N, C}), ALL_DATES),
    "CN-HE": (frozenset({N, C, OWNER}), frozenset({N, C}), ALL_DATES),
    "CN-SX": (frozenset(), frozenset(), ALL_DATES),  # "none"
    "CN-NM": (frozenset({N, C, OWNER}), frozenset({N, C}), ALL_DATES),
    "CN-LN": (frozenset({N, C}), frozenset({N, C}), ALL_DATES),
    # 吉林 单位: with a change certificate the transfer goes first, the change after. The
    # table cites the 2019-09-12 file; the stored export has no 吉林 page before 2019, so
    # the OLD tree's last months (spring 2019) and the NEW page are asked.
    "CN-JL": (frozenset(), frozenset({N, C}), (SPRING_2019, LATE_2019)),
    "CN-HL": (frozenset({N, C, OWNER}), frozenset({N, C}), ALL_DATES),
    "CN-JS": (frozenset({N, C}), frozenset({N, C}), ALL_DATES),  # 负责人 after
    # 安徽 单位: 名称、证件号 "若不一致需提供变更证明可正常接入，接入后需立即变更备案"; 个人: none.
    "CN-AH": (frozenset(), frozenset(), ALL_DATES),
    "CN-FJ": (frozenset({N, C}), frozenset({N, C}), ALL_DATES),  # 个人 also 证件住所: below
    "CN-JX": (frozenset({N, C, OWNER}), frozenset({N, C}), ALL_DATES),
    "CN-SD": (frozenset({N, C}), frozenset({N, C}), ALL_DATES),
    "CN-HA": (frozenset({N}), frozenset({N}), ALL_DATES),
    "CN-HB": (frozenset({N, OWNER}), frozenset({N}), ALL_DATES),  # 负责人必须为法人 (kept from 2018-06)
    "CN-HN": (frozenset({N, C, OWNER, A}), frozenset({N, C, OWNER, A}), ALL_DATES),  # all
    # 广东 and 西藏 are stored in the OLD tree only (2019-02-19); "wording-only edits between
    # 2018-06-09 and 2019-09-12" carries their blocks back to the 2018-06-09 export.
    "CN-GD": (frozenset(), frozenset(), ALL_DATES),  # none
    "CN-GX": (frozenset({N}), frozenset({N}), ALL_DATES),
    "CN-HI": (frozenset(), frozenset(), ALL_DATES),  # none
    "CN-SC": (frozenset({N, C}), frozenset({N, C}), ALL_DATES),
    "CN-GZ": (frozenset({N, C, OWNER}), frozenset({N, C}), ALL_DATES),
    "CN-YN": (frozenset({N}), frozenset({N}), (TURN_2018, SPRING_2019, LATE_2019)),  # since 2018-10-11
    "CN-XZ": (frozenset({N}), frozenset({N}), ALL_DATES),
    "CN-SN": (frozenset({N, C}), frozenset({N, C}), ALL_DATES),
    "CN-GS": (frozenset({N, C, OWNER}), frozenset({N, C}), ALL_DATES),
    "CN-QH": (frozenset({N, C, W}), frozenset({N, C}), ALL_DATES),
    "CN-NX": (frozenset({N, C, W}), frozenset({N, C}), ALL_DATES),
    "CN-XJ": (frozenset({N, OWNER}), frozenset({N}), ALL_DATES),  # 证件号 after
}

# The fields asked about: those a must-match list names, and the certificate address,
# which every block lists among the "other" fields unless it must match. (The other
# fields differ from page to page: 河南's lists no 证件号码, so it is not asked.)
ASKED = (N, A)


def _cases() -> list[tuple[str, str, str, dt.date, str]]:
    cases = []
    for code, (org, ind, dates) in MUST_MATCH.items():
        for kind, must in ((ORG, org), (IND, ind)):
            for change in sorted({*ASKED, *must}):
                if (code, kind, change) == ("CN-FJ", IND, A):
                    continue  # must match from 2019: in DATED below
                timing = "before" if change in must else "after"
                cases.extend((code, kind, change, day, timing) for day in dates)
    return cases


def _alibaba(code: str, change: str, kind: str | None, day: dt.date) -> bp.model.ChangeVerdict:
    decision = bp.assess_transfer(code, change, subject_kind=kind, as_of=day, according_to="alibaba_cloud")
    (verdict,) = decision.verdicts
    return verdict


def _by_province(cases: list[tuple[str, ...]]) -> list[tuple[str, list[tuple[str, ...]]]]:
    """One test per province (each asks all its rows), so the run stays short."""
    codes = dict.fromkeys(case[0] for case in cases)
    return [(code, [case for case in cases if case[0] == code]) for code in codes]


@pytest.mark.parametrize(("code", "rows"), _by_province(_cases()))
def test_alibaba_block_over_time(code: str, rows: list[tuple[str, str, str, dt.date, str]]) -> None:
    wrong = []
    for _, kind, change, day, timing in rows:
        verdict = _alibaba(code, change, kind, day)
        source = verdict.sources[0].id
        got = (verdict.basis.value, verdict.timing.value, verdict.provider, source)
        page = source == f"a-cn-{code[3:].lower()}" or source.startswith(f"a-cn-{code[3:].lower()}-")
        if got[:3] != ("province", timing, "alibaba_cloud") or not page:
            wrong.append((kind, change, day.isoformat(), timing, got))
    assert not wrong


# Pages split by subject kind state nothing for a question that names no kind. The
# reference says every page has 单位 and 个人 sections, but quotes 北京's 2018-06-09 block
# as one text for both, so the claim is asked of the pages it dates: the 2019-09 NEW tree
# (every province but 广东 and 西藏, stored in the OLD tree only), 云南's 2018-10-11 edit
# and 浙江's 2018-06 text ("单位：…；个人：…").
SPLIT = [(code, LATE_2019) for code in sorted(set(MUST_MATCH) - {"CN-GD", "CN-XZ"})]
SPLIT += [("CN-YN", TURN_2018), ("CN-ZJ", MID_2018), ("CN-ZJ", TURN_2018), ("CN-ZJ", LATE_2019)]


@pytest.mark.parametrize(("code", "day"), SPLIT)
def test_a_split_page_says_nothing_without_a_subject_kind(code: str, day: dt.date) -> None:
    for change in (N, C, A):
        verdict = _alibaba(code, change, None, day)
        assert verdict.basis is bp.Basis.NATIONAL_DEFAULT, (change, verdict.rule)


# "Dated changes inside the Aliyun series": 北京's block (2018-06-09: a company's name and
# certificate number may transfer with a change certificate, an individual's details must
# be changed at the original provider first) until 2019-02-19; 上海's (2018-06-09: the
# name with a change certificate; 证件住所、通信地址、证件号码、负责人信息 follow) until
# 2018-09-06; 云南 2018-06-09: "信息符合当前管局规则即可" (nothing must match).
DATED: list[tuple[str, str | None, str, dt.date, str | None]] = [
    ("CN-BJ", ORG, N, MID_2018, "after"),
    ("CN-BJ", ORG, C, MID_2018, "after"),
    # 北京备案规则.md@97b605e8, 接入备案规则, read at that commit: "证件住所、通信地址、负责人
    # 信息符合当前管局规则即可，接入成功后可进行信息变更" (the next line is for 个人 only).
    ("CN-BJ", ORG, A, MID_2018, "after"),
    ("CN-BJ", ORG, OWNER, MID_2018, "after"),
    ("CN-BJ", ORG, "subject_owner_contact", MID_2018, "after"),
    ("CN-BJ", IND, N, MID_2018, "before"),
    ("CN-BJ", IND, A, TURN_2018, "before"),
    ("CN-BJ", ORG, N, SPRING_2019, None),
    ("CN-BJ", IND, N, SPRING_2019, None),
    ("CN-SH", ORG, A, MID_2018, "after"),
    ("CN-SH", None, A, MID_2018, "after"),
    ("CN-SH", None, C, MID_2018, "after"),
    ("CN-SH", ORG, OWNER, MID_2018, "after"),
    ("CN-SH", ORG, A, TURN_2018, None),
    ("CN-YN", ORG, N, MID_2018, "after"),
    ("CN-YN", IND, C, MID_2018, "after"),
    # 安徽 个人 (2019-09-12, @9f1c5a0a; providers-and-history §1.1): "原备案为个人，若实际网站是
    # 企业运营，可先接入后变更" (the subject's type follows the transfer).
    ("CN-AH", IND, "subject_type", LATE_2019, "after"),
    # …a line of the 个人 section only: the 企业 section names the name, the certificate
    # number, the addresses and the owner, not the subject's type.
    ("CN-AH", ORG, "subject_type", LATE_2019, None),
    # 福建 个人 (2019-09-12, @021b4862): 名称、证件号、证件住所 must match.
    ("CN-FJ", IND, A, LATE_2019, "before"),
    # 浙江 (2018-06 and on): 单位 "接入备案信息符合当前管局规则即可" (nothing must match).
    ("CN-ZJ", ORG, N, MID_2018, "after"),
    ("CN-ZJ", ORG, C, TURN_2018, "after"),
    ("CN-ZJ", ORG, A, LATE_2019, "after"),
    # 浙江 个人 2018-06: 证件住所、通信地址、证件号码 follow after the transfer.
    ("CN-ZJ", IND, A, MID_2018, "after"),
    ("CN-ZJ", IND, C, MID_2018, "after"),
    # …and until the 2019-02-19 change the reference names, so at the turn of 2018/2019 too.
    ("CN-ZJ", IND, A, TURN_2018, "after"),
    ("CN-ZJ", IND, C, TURN_2018, "after"),
]


@pytest.mark.parametrize(("code", "kind", "change", "day", "timing"), DATED)
def test_alibaba_dated_changes(
    code: str, kind: str | None, change: str, day: dt.date, timing: str | None
) -> None:
    verdict = _alibaba(code, change, kind, day)
    if timing is None:
        assert verdict.basis is bp.Basis.NATIONAL_DEFAULT
        return
    assert verdict.basis is bp.Basis.PROVINCE
    assert verdict.timing is bp.Timing(timing)
    assert verdict.sources[0].id.startswith(f"a-cn-{code[3:].lower()}")


def test_anhuis_two_individual_lines_each_decide_what_they_name() -> None:
    """安徽备案规则.md@9f1c5a0a, 个人 section (2019-09-12), read at that commit: one line
    lets a filing an individual made for a site a company runs transfer first (the
    subject's type), another lets every other differing detail transfer first. The
    first decides the subject's type only; the second, a line for every change, decides
    the rest."""
    by_id = {s.id: s for s in bp.default_policy().rules_for(bp.resolve_province("安徽")).statements}
    typed = by_id[_alibaba("CN-AH", "subject_type", IND, LATE_2019).rule]
    assert (typed.changes, typed.covers_all) == ({bp.Change.SUBJECT_TYPE}, False)
    for change in ("subject_name", "subject_address", "website_name"):
        verdict = _alibaba("CN-AH", change, IND, LATE_2019)
        assert verdict.timing is bp.Timing.AFTER
        general = by_id[verdict.rule]
        assert (general.source.id, general.covers_all) == ("a-cn-ah", True), change


# The converse of the table: a field outside a block's must-match list is never one
# Alibaba's page wants changed first. (Whether the page then says "after" or says
# nothing about that field is left open: the reference's "All other fields" line does
# not list them.) 负责人信息 covers the owner's contacts too, and 网站负责人 the website
# owner's phone; 湖南's "all" covers every field. The 2018-06-09 blocks were one text for
# both kinds (the reference quotes 北京's), so before 2019 an individual may be asked the
# company's list too.
_WITH = {OWNER: {"subject_owner_contact"}, W: {"website_owner_phone"}}


def _not_first() -> list[tuple[str, str, str, dt.date]]:
    cases = []
    for code, (org, ind, dates) in MUST_MATCH.items():
        if code == "CN-HN":
            continue
        for kind, must in ((ORG, org), (IND, ind)):
            for day in dates:
                asked = must | org if day < SPRING_2019 else must
                covered = set(asked).union(*(_WITH.get(field, set()) for field in asked))
                if (code, kind) == ("CN-FJ", IND):
                    covered.add(A)
                cases.extend(
                    (code, kind, change, day) for change in sorted({c.value for c in bp.Change} - covered)
                )
    return cases


@pytest.mark.parametrize(("code", "rows"), _by_province(_not_first()))
def test_alibaba_never_wants_other_fields_changed_first(
    code: str, rows: list[tuple[str, str, str, dt.date]]
) -> None:
    wrong = []
    for _, kind, change, day in rows:
        verdict = _alibaba(code, change, kind, day)
        decided_by_alibaba = verdict.basis is bp.Basis.PROVINCE and verdict.provider == "alibaba_cloud"
        if decided_by_alibaba and verdict.timing is bp.Timing.BEFORE:
            wrong.append((kind, change, day.isoformat(), verdict.rule))
    assert not wrong


# The same claim at every date: the reference's only undivided block is from the
# 2018-06-09 export (北京's, quoted), so a question with no subject kind is answered from
# Alibaba's pages only by a 2018-06-09 version; every later version (the September and
# October 2018 edits, 2019-02-19, the 2019-09 NEW tree) is split by kind.
@pytest.mark.parametrize("code", sorted(set(MUST_MATCH) | {"CN-BJ", "CN-SH"}))
def test_only_the_2018_06_09_export_answers_without_a_subject_kind(code: str) -> None:
    wrong = []
    for day in ALL_DATES:
        for change in bp.Change:
            verdict = _alibaba(code, change.value, None, day)
            if verdict.provider == "alibaba_cloud" and verdict.date != dt.date(2018, 6, 9):
                wrong.append((change.value, day.isoformat(), verdict.rule))
    assert not wrong


# The block's two parts list fields by name ("X、Y需与原备案信息一致…" and "A、B…符合当前
# 管局规则即可，接入成功后进行变更", §1.1 "Source layout"), and the names quoted are the
# subject's (名称、证件号码、证件住所、通信地址、负责人信息) and, in 青海, 宁夏 and 重庆, the
# website owner: a website's name and domains are in neither list. Only a block that
# speaks of all the information at once names them: "接入备案信息符合当前管局规则即可"
# (山西, 海南, 广东, 浙江's companies, 安徽's individuals, 云南 in 2018) or 湖南's "all".
# (北京's 2018 individuals are not asked: "个人性质备案信息…不一致…需到原服务商处进行变更".)
WHOLE_BLOCK = {"CN-SX", "CN-HI", "CN-GD", "CN-HN"}


def _website_fields_unlisted() -> list[tuple[str, str, dt.date]]:
    cases = [("CN-BJ", ORG, day) for day in ALL_DATES]  # 北京 2018: the name and number
    cases += [("CN-SH", kind, day) for kind in (ORG, IND) for day in ALL_DATES]  # 上海 2018
    for code in MUST_MATCH:
        if code in WHOLE_BLOCK:
            continue
        for kind in (ORG, IND):
            if (code, kind) in {("CN-ZJ", ORG), ("CN-AH", IND)}:
                continue
            cases.extend((code, kind, day) for day in ALL_DATES if not (code == "CN-YN" and day < TURN_2018))
    return cases


@pytest.mark.parametrize(("code", "rows"), _by_province(_website_fields_unlisted()))
def test_a_listed_block_says_nothing_of_the_website_name_or_domains(
    code: str, rows: list[tuple[str, str, dt.date]]
) -> None:
    wrong = []
    for _, kind, day in rows:
        for change in ("website_name", "website_domains"):
            verdict = _alibaba(code, change, kind, day)
            if verdict.provider == "alibaba_cloud":
                wrong.append((kind, change, day.isoformat(), verdict.rule))
    assert not wrong

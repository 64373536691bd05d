"""``beian-policy disputes`` and ``beian-policy table``, run as users run them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.test_cli import assert_fits_80_columns, ok
from tests.test_cli_render import EN_DATE, ZH_DATE

ROOT = Path(__file__).resolve().parents[1]


def test_disputes_in_english() -> None:
    out = ok("disputes", "--lang", "en")
    assert_fits_80_columns(out)
    assert out.startswith("Answers the sources disagree on: 19 (data ")
    jiangsu = out.split("Jiangsu (江苏省, CN-JS)", 1)[1].split("\n\n", 1)[0]
    assert "  answer: after (the province's own stated rules)" in jiangsu
    assert "    rule [CN-JS/tc-cn-js/1]" in jiangsu
    assert f"    - Tencent Cloud [tc-cn-js]: after (decides, {EN_DATE['tc-cn-js']})" in jiangsu
    assert f"    - JD Cloud [j-cn-js]: before (boilerplate, {EN_DATE['j-cn-js']})" in jiangsu
    assert f"    - QingCloud [q-cn-js]: before ({EN_DATE['q-cn-js']})" in jiangsu


def test_disputes_in_chinese_and_json() -> None:
    out = ok("disputes", "--lang", "zh")
    assert "来源有分歧的答案：19 个" in out
    assert f"- 京东云 [j-cn-sn]：先变更 [before]（多省通用的套话，{ZH_DATE['j-cn-sn']}）" in out
    data = json.loads(ok("disputes", "--json"))
    assert len(data) == 19
    shaanxi = [d for d in data if d["province"]["code"] == "CN-SN"]
    assert {d["change"] for d in shaanxi} == {
        "subject_name", "subject_type", "subject_certificate", "subject_address", "subject_owner",
        "subject_owner_contact",
    }  # fmt: skip
    assert {d["subject_kind"] for d in shaanxi} == {"organisation"}
    assert shaanxi[0]["providers"][:2] == ["tencent_cloud", "jd_cloud"]


def test_table_csv_is_the_committed_snapshot() -> None:
    # The documented regeneration command prints exactly the committed file.
    out = ok("table", "--format", "csv")
    assert out == (ROOT / "data" / "decisions.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 930
    row = next(
        r
        for r in rows
        if (r["province"], r["change"], r["subject_kind"]) == ("CN-YN", "subject_name", "individual")
    )
    # Tencent's 云南 individual tab: transfer first, change after; JD Cloud disagrees.
    assert (row["timing"], row["basis"], row["disputed"], row["sources"]) == (
        "after",
        "province",
        "true",
        "tc-cn-yn",
    )


def test_table_json() -> None:
    rows = json.loads(ok("table", "--format", "json"))
    assert rows == json.loads(ok("table", "--json"))
    assert len(rows) == 930
    phone = next(
        r
        for r in rows
        if (r["province"], r["change"], r["subject_kind"]) == ("CN-GD", "website_owner_phone", None)
    )
    assert phone["timing"] == "before"
    assert phone["basis"] == "national_rule"
    assert phone["rule"] == "national/sms_phone_must_match"

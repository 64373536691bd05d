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
    assert out.startswith("Answers the sources disagree on: 22 (data ")
    jiangsu = out.split("Jiangsu (江苏省, CN-JS) · subject owner (a different person)", 1)[1]
    jiangsu = jiangsu.split("\n\n", 1)[0]
    assert "  answer: after (the province's own stated rules)" in jiangsu
    assert "    rule [CN-JS/tc-cn-js/1]" in jiangsu
    assert f"    - Tencent Cloud [tc-cn-js]: after (decides, {EN_DATE['tc-cn-js']})" in jiangsu
    # JD Cloud's newer 江苏 page keeps its line for companies; Alibaba Cloud agrees with Tencent.
    assert f"    - JD Cloud [j2-cn-js]: before (boilerplate, {EN_DATE['j2-cn-js']})" in jiangsu
    assert f"    - Alibaba Cloud [a-cn-js]: after ({EN_DATE['a-cn-js']})" in jiangsu
    assert f"    - QingCloud [q-cn-js]: before ({EN_DATE['q-cn-js']})" in jiangsu


def test_disputes_in_chinese_and_json() -> None:
    out = ok("disputes", "--lang", "zh")
    assert "来源有分歧的答案：22 个" in out
    # 陕西: Alibaba Cloud's 2019-09-12 page (name and certificate number must match).
    assert f"- 阿里云 [a-cn-sn]：先变更 [before]（{ZH_DATE['a-cn-sn']}）" in out
    data = json.loads(ok("disputes", "--json"))
    assert len(data) == 22
    shaanxi = [d for d in data if d["province"]["code"] == "CN-SN"]
    assert {d["change"] for d in shaanxi} == {"subject_name", "subject_certificate"}
    assert {d["subject_kind"] for d in shaanxi} == {"organisation"}
    assert shaanxi[0]["providers"][:2] == ["tencent_cloud", "alibaba_cloud"]


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

"""``--as-of`` and ``--according-to`` on the command line, and the batch keys."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import beian_policy as bp
from beian_policy._cli import main


def out_of(capsys: pytest.CaptureFixture[str], *args: str, code: int = 0) -> str:
    assert main(list(args)) == code
    captured = capsys.readouterr()
    return captured.out


def test_check_json_names_the_date_and_the_view(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(
        out_of(capsys, "check", "北京", "-c", "website_name", "--subject-kind", "organisation",
               "--as-of", "2030-01-01", "--according-to", "腾讯云", "--json")
    )  # fmt: skip
    # A date after the data's answers as of the data; the provider is named by its id.
    assert data["as_of"] == bp.DATA_AS_OF.isoformat()
    assert data["according_to"] == "tencent_cloud"
    (verdict,) = data["verdicts"]
    assert (verdict["timing"], verdict["provider"], verdict["rule"]) == (
        "after",
        "tencent_cloud",
        "CN-BJ/tc-cn-bj/1",
    )


def test_check_text_names_the_provider_view_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    out = out_of(capsys, "check", "北京", "-c", "website_name", "--according-to", "qingcloud", "--lang", "zh")
    assert "依据：      青云 [qingcloud]" in out
    assert "截至：      " in out
    out = out_of(capsys, "check", "北京", "-c", "website_name", "--according-to", "qingcloud", "--lang", "en")
    assert "According to:  QingCloud [qingcloud]" in out


def test_a_bad_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "北京", "--as-of", "2020-13-01"]) == 2
    assert "expected a date YYYY-MM-DD" in capsys.readouterr().err


def test_an_unknown_provider_is_exit_3_with_suggestions(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "北京", "--according-to", "alibab_cloud", "--lang", "en"]) == 3
    err = capsys.readouterr().err
    assert "unknown provider 'alibab_cloud'" in err
    assert "alibaba_cloud" in err


def test_table_for_every_provider(capsys: pytest.CaptureFixture[str]) -> None:
    rows = list(csv.DictReader(io.StringIO(out_of(capsys, "table", "--according-to", "all"))))
    hosting = [p.id for p in bp.default_policy().providers if p.hosting]
    assert len(rows) == 930 * (1 + len(hosting))
    assert [r["according_to"] for r in rows[::930]] == ["", *hosting]
    # In JD Cloud's view nothing decides but its boilerplate, which never decides: the default.
    jd = [r for r in rows if r["according_to"] == "jd_cloud" and r["change"] != "website_owner_phone"]
    assert {r["basis"] for r in jd} <= {"national_default", "province"}
    assert all(r["provider"] in ("", "jd_cloud") for r in jd)
    one = list(csv.DictReader(io.StringIO(out_of(capsys, "table", "--according-to", "Tencent Cloud"))))
    assert {r["according_to"] for r in one} == {"tencent_cloud"}
    assert one == [r for r in rows if r["according_to"] == "tencent_cloud"]


def test_province_marks_statements_out_of_effect(capsys: pytest.CaptureFixture[str]) -> None:
    # Tencent's 2017 page (t17) was published 2017-06-05: not yet in effect in 2016.
    out = out_of(capsys, "province", "四川", "--as-of", "2016-01-01", "--lang", "en")
    line = next(line for line in out.splitlines() if "[CN-SC/t17/1]" in line or "t17" in line)
    following = out[out.index(line) :].split("\n  - ", 1)[0]
    assert "not in effect on that date" in following
    only = out_of(capsys, "province", "四川", "--according-to", "jd_cloud", "--lang", "en")
    assert "[j-cn-sc]" in only
    statements = only.split("When each change is filed:", 1)[1].split("\n\n", 1)[0]
    assert "[tc-cn-sc]" not in statements


def test_batch_takes_as_of_and_according_to(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [
        {
            "province": "北京",
            "changes": "website_name",
            "subject_kind": "organisation",
            "according_to": "qingcloud",
        },
        {"province": "北京", "changes": "website_name", "as_of": "2019-01-01"},
        {"province": "北京", "as_of": "2019-02-30"},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines), encoding="utf-8")
    main(["check", "--batch", str(path)])
    answers = [
        json.loads(line).get("result", json.loads(line)) for line in capsys.readouterr().out.splitlines()
    ]
    assert answers[0]["according_to"] == "qingcloud"
    assert answers[0]["verdicts"][0]["basis"] == "national_default"  # QingCloud says nothing in 北京
    assert answers[1]["as_of"] == "2019-01-01"
    assert "as_of" in json.dumps(answers[2], ensure_ascii=False)
    assert "verdicts" not in answers[2]

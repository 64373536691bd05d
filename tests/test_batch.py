"""``--batch``: one process answers many questions, one JSON line per input line, in
order, and a bad line is answered with its error without stopping the batch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import beian_policy as bp
from beian_policy._cli import main


def batch(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, *args: str, text: str
) -> tuple[int, list[dict]]:  # type: ignore[type-arg]
    path = tmp_path / "questions"
    path.write_text(text, encoding="utf-8")
    code = main([*args, "--batch", str(path)])
    out = capsys.readouterr().out
    return code, [json.loads(line) for line in out.splitlines()]


def test_check_batch_from_json_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = (
        '{"province": "北京", "changes": "主体名称", "subject_kind": "企业"}\n'
        "\n"
        "not json\n"
        '{"province": "火星"}\n'
        '{"province": "辽宁", "changes": ["subject_name"], "subject_kind": "organisation"}\n'
        '{"province": "辽宁", "colour": "red"}\n'
    )
    code, records = batch(capsys, tmp_path, "check", text=text)
    assert code == 3  # some lines failed
    assert [r["line"] for r in records] == [1, 3, 4, 5, 6]
    # 北京 organisations: transfer first (tc-cn-bj); 辽宁 organisations: change first (tc-cn-ln).
    assert records[0]["result"]["direct"] is True
    assert records[0]["result"]["changes"] == ["subject_name"]
    assert records[1]["error"]["code"] == "invalid_argument"
    assert records[2]["error"]["code"] == "unknown_province"
    assert records[3]["result"]["direct"] is False
    assert records[4]["error"]["code"] == "invalid_argument"
    assert "colour" in records[4]["error"]["message"]["en"]


def test_every_line_answers_like_the_api(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, records = batch(capsys, tmp_path, "check", text='{"province": "陕西", "changes": "subject_name"}\n')
    assert code == 0
    assert records[0]["result"] == bp.to_dict(bp.assess_transfer("陕西", ["subject_name"]))


def test_diagnose_batch_from_csv(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = (
        "failure,province,subject_has_other_websites\n网站被注销,,是\n主体或网站被注销,,\n主体不一致,北京,\n"
    )
    code, records = batch(capsys, tmp_path, "diagnose", text=text)
    assert code == 3
    assert [r["line"] for r in records] == [2, 3, 4]
    assert records[0]["result"]["failure"] == "website_cancelled"
    assert records[0]["result"]["facts"] == {"subject_has_other_websites": True}
    assert records[1]["error"]["choices"] == ["subject_cancelled", "website_cancelled"]
    assert records[2]["result"]["province"]["code"] == "CN-BJ"


def test_steps_and_parse_batches(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = '{"province": "北京", "changes": "subject_name", "domain_owner_differs": true}\n'
    code, records = batch(capsys, tmp_path, "steps", text=text)
    assert code == 0
    assert records[0]["result"]["steps"][0]["id"] == "change_domain_owner"
    code, records = batch(
        capsys, tmp_path, "parse", text="number\n京ICP备2021012345号-3\n京公网安备11010802020088号\n"
    )
    assert code == 3
    assert records[0]["result"]["subject_number"] == "京ICP备2021012345号"
    assert records[1]["error"]["code"] == "invalid_icp_number"


def test_a_command_needs_its_argument_or_a_batch(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 2
    assert "PROVINCE (or --batch FILE)" in capsys.readouterr().err

"""Every command's ``--json`` output validates against ``output_schema(command)``, and
the schemas are strict enough to catch a wrong shape."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest

import beian_policy as bp
from beian_policy._cli import main

RUNS = [
    ("check", ["check", "陕西", "-c", "subject_name", "--subject-kind", "单位"]),
    ("check", ["check", "天津"]),
    ("steps", ["steps", "北京", "-c", "subject_name,website_owner_phone", "--domain-owner-differs"]),
    ("diagnose", ["diagnose", "短信核验失败", "-p", "辽宁", "--submitted"]),
    ("diagnose", ["diagnose", "备案信息不存在", "--icp-number", "京ICP备10046444号-9"]),
    ("parse", ["parse", "京ICP备2021012345号-3"]),
    ("parse", ["parse", "粤B2-20090059-5"]),
    ("province", ["province", "陕西"]),
    ("provinces", ["provinces"]),
    ("changes", ["changes"]),
    ("failures", ["failures"]),
    ("rules", ["rules"]),
    ("version", ["version"]),
    ("error", ["check", "香港"]),
    ("error", ["check"]),  # a usage error (exit 2)
    ("error", ["diagnose", "主体或网站被注销"]),
    ("error", ["check", "北京", "-c", "主体名字"]),
]


def validator(command: str) -> jsonschema.Draft202012Validator:
    schema = bp.output_schema(command)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize(("command", "argv"), RUNS, ids=[" ".join(a) for _, a in RUNS])
def test_every_command_output_validates(
    command: str, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    main([*argv, "--json"])
    data = json.loads(capsys.readouterr().out)
    errors = sorted(validator(command).iter_errors(data), key=str)
    assert errors == []


def test_find_and_batch_output_validate(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("京ICP证150476号 | 京ICP备11018762号-1"))
    main(["find", "-", "--json"])
    assert list(validator("find").iter_errors(json.loads(capsys.readouterr().out))) == []
    path = tmp_path / "q.jsonl"
    path.write_text('{"province": "北京"}\n{"province": "火星"}\n', encoding="utf-8")
    main(["check", "--batch", str(path)])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 2
    for line in lines:
        assert list(validator("batch").iter_errors(line)) == []


def test_the_schemas_reject_a_wrong_shape(capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "北京", "-c", "subject_name", "--json"])
    data = json.loads(capsys.readouterr().out)
    check = validator("check")
    assert check.is_valid(data)
    assert not check.is_valid({**data, "direct": "yes"})  # a boolean
    assert not check.is_valid({**data, "basis": "guess"})  # one of the Basis values
    assert not check.is_valid({k: v for k, v in data.items() if k != "verdicts"})  # required
    assert not check.is_valid({**data, "surprise": 1})  # no unknown keys
    assert not validator("error").is_valid({"error": {"code": "x"}})  # a message is required


def test_the_whole_schema_has_every_command() -> None:
    whole = bp.output_schema()
    assert {
        f"command_{c}"
        for c in ("check", "steps", "diagnose", "parse", "find", "province", "rules", "error", "batch")
    } <= set(whole["$defs"])
    with pytest.raises(bp.errors.UnknownNameError):
        bp.output_schema("nope")


def test_sources_are_ids_with_one_index_per_document(capsys: pytest.CaptureFixture[str]) -> None:
    main(["steps", "广东", "-c", "subject_name", "--json"])
    data = json.loads(capsys.readouterr().out)
    steps = validator("steps")
    assert steps.is_valid(data)
    index = data["sources_by_id"]
    whole = index["tc-faq-transfer"]
    # A cited source is an id; written whole where an id belongs, the document is wrong.
    inline = {**data, "decision": {**data["decision"], "sources": [whole]}}
    assert not steps.is_valid(inline)
    # The index holds whole sources.
    assert not steps.is_valid({**data, "sources_by_id": {"tc-faq-transfer": "tc-faq-transfer"}})
    assert not steps.is_valid({**data, "sources_by_id": {"x": {**whole, "surprise": 1}}})

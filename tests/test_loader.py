"""Bad data fails loudly: the file, the record and the field, every problem at once."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import attrs
import pytest

import beian_policy as bp
from beian_policy._loader import check_policy_text
from tests.conftest import replace_once

BJ_CLOSED = (
    '[provinces.unfiled_sites_closed]\nstatus = "stated"\nvalue = true\nscope = "organisations"\n'
    'sources = ["tc-cn-bj"]'
)
BJ_DEADLINE = 'deadline_working_days = 10\nsources = ["tc-cn-bj"]'


def problems(text: str) -> list[str]:
    with pytest.raises(bp.PolicyDataError) as info:
        bp.load_policy(text, origin="edited.toml")
    error = info.value
    assert error.path == "edited.toml"
    assert str(error).startswith("edited.toml: ")
    return [str(p) for p in error.problems]


def test_shipped_data_has_no_problems(data_text: str) -> None:
    assert check_policy_text(data_text) == ()


def test_broken_toml(data_text: str) -> None:
    (line,) = problems(data_text + "\n[[provinces]\n")
    assert "not valid TOML" in line


def test_missing_province(data_text: str) -> None:
    start = data_text.index('[[provinces]]\ncode = "CN-XJ"')
    (line,) = problems(data_text[:start])
    assert "expected 31 provinces, found 30" in line


def test_duplicated_code_names_both_records(data_text: str) -> None:
    text = replace_once(data_text, 'code = "CN-TJ"', 'code = "CN-BJ"')
    found = problems(text)
    assert any("duplicate province code 'CN-BJ'" in p for p in found)


def test_duplicated_alias(data_text: str) -> None:
    text = replace_once(data_text, 'aliases = ["Peking"]', 'aliases = ["Peking", "Tianjin"]')
    found = problems(text)
    assert any(
        re.search(r"provinces \(CN-(BJ|TJ)\): aliases: alias 'tianjin' also names province CN-(BJ|TJ)", p)
        for p in found
    )


def test_unknown_key(data_text: str) -> None:
    text = replace_once(data_text, 'aliases = ["Peking"]', 'aliases = ["Peking"]\ncolour = "red"')
    (line,) = problems(text)
    assert line.startswith("provinces[0] (CN-BJ): ")
    assert "unknown field(s): colour" in line


def test_wrong_type_names_record_and_field(data_text: str) -> None:
    text = replace_once(data_text, BJ_DEADLINE, 'deadline_working_days = "10"\nsources = ["tc-cn-bj"]')
    (line,) = problems(text)
    assert line.startswith("provinces[0] (CN-BJ): transfer_rules[1].deadline_working_days: ")
    assert "expected an integer" in line


def test_bool_is_not_an_integer(data_text: str) -> None:
    text = replace_once(data_text, BJ_DEADLINE, 'deadline_working_days = true\nsources = ["tc-cn-bj"]')
    (line,) = problems(text)
    assert "deadline_working_days" in line


def test_missing_source(data_text: str) -> None:
    text = replace_once(data_text, BJ_CLOSED, BJ_CLOSED.replace('"tc-cn-bj"', '"tc-nowhere"'))
    (line,) = problems(text)
    assert "provinces[0] (CN-BJ): unfiled_sites_closed.sources: unknown source id 'tc-nowhere'" in line


def test_stated_value_without_source(data_text: str) -> None:
    text = replace_once(data_text, BJ_CLOSED, BJ_CLOSED.replace('sources = ["tc-cn-bj"]', "sources = []"))
    (line,) = problems(text)
    assert "unfiled_sites_closed.sources: no source given" in line


def test_unknown_must_not_carry_a_value(data_text: str) -> None:
    text = replace_once(data_text, BJ_CLOSED, BJ_CLOSED.replace('"stated"', '"unknown"'))
    found = problems(text)
    assert any("status is 'unknown' but a value is given" in p for p in found)


def test_province_rule_may_not_decide_the_phone(data_text: str) -> None:
    text = replace_once(
        data_text,
        'changes = ["subject_type", "subject_certificate"',
        'changes = ["website_owner_phone", "subject_type", "subject_certificate"',
    )
    found = problems(text)
    assert any("national SMS rule" in p for p in found)


def test_wrong_worked_example_is_caught(data_text: str) -> None:
    text = replace_once(
        data_text,
        'subject_kind = "organisation"\ndirect = true\ndeferred = ["subject_name"]\nnote = "A renamed',
        'subject_kind = "organisation"\ndirect = false\ndeferred = ["subject_name"]\nnote = "A renamed',
    )
    (line,) = problems(text)
    assert "examples[0].direct" in line


def test_every_problem_is_listed_at_once(data_text: str) -> None:
    text = replace_once(data_text, 'code = "CN-TJ"', 'code = "CN-BJ"')
    text = replace_once(text, BJ_DEADLINE, 'deadline_working_days = "10"\nsources = ["tc-cn-bj"]')
    text = replace_once(text, 'aliases = ["Peking"]', 'aliases = ["Peking"]\ncolour = "red"')
    text = replace_once(text, 'data_version = "', 'data_version = 1\nx_data_version = "')
    found = problems(text)
    assert len(found) >= 5
    joined = "\n".join(found)
    for fragment in (
        "duplicate province code",
        "deadline_working_days",
        "colour",
        "data_version",
        "x_data_version",
    ):
        assert fragment in joined


def test_schema_versions(data_text: str) -> None:
    text = replace_once(data_text, 'schema_version = "1.0"', 'schema_version = "2.0"')
    (line,) = problems(text)
    assert "schema 2.0 is not supported" in line
    newer = replace_once(data_text, 'schema_version = "1.0"', 'schema_version = "1.7"')
    with pytest.warns(bp.errors.PolicyDataWarning, match="newer"):
        policy = bp.load_policy(newer)
    assert policy.schema_version == "1.7"


def test_load_from_path_bytes_and_text(tmp_path: Path, data_text: str) -> None:
    path = tmp_path / "policy.toml"
    path.write_text(data_text, encoding="utf-8")
    from_path = bp.load_policy(path)
    assert from_path.origin == str(path)
    assert bp.load_policy(str(path)) == from_path
    from_bytes = bp.load_policy(data_text.encode())
    from_text = bp.load_policy(data_text)
    assert (from_bytes.origin, from_text.origin) == ("<bytes>", "<string>")
    assert attrs.evolve(from_bytes, origin=from_path.origin) == from_path
    assert attrs.evolve(from_text, origin=from_path.origin) == from_path


def test_unreadable_inputs(tmp_path: Path) -> None:
    with pytest.raises(bp.PolicyDataError, match="cannot read"):
        bp.load_policy(tmp_path / "missing.toml")
    (tmp_path / "latin1.toml").write_bytes(b"x = '\xe9'\n")
    with pytest.raises(bp.PolicyDataError, match="not UTF-8"):
        bp.load_policy(tmp_path / "latin1.toml")


def test_data_error_is_a_value_error_and_pickles(data_text: str) -> None:
    with pytest.raises(bp.PolicyDataError) as info:
        bp.load_policy(data_text + "\n[[provinces]\n", origin="x.toml")
    error = info.value
    assert isinstance(error, ValueError)
    assert isinstance(error, bp.BeianPolicyError)
    clone = pickle.loads(pickle.dumps(error))
    assert clone.problems == error.problems
    assert clone.path == "x.toml"


def test_corrected_data_changes_a_decision(data_text: str) -> None:
    """An embedder can hot-fix a rule without moving its version pin."""
    text = replace_once(
        data_text,
        'changes = ["*"]\nstatus = "unknown"\nclaims = [{ source = "j-cn-js"',
        'changes = ["*"]\nstatus = "stated"\ntiming = "after"\nsources = ["tc-cn-js"]\n'
        'claims = [{ source = "j-cn-js"',
    )
    text = replace_once(
        text,
        'subject_kind = "individual"\ndirect = false\nblocking = ["subject_owner"]\n',
        'subject_kind = "individual"\ndirect = true\ndeferred = ["subject_owner"]\n',
    )
    text = replace_once(
        text,
        "owner rule is on Tencent's company tab; individuals fall back to the strict national default.\"\n\n"
        "[[provinces.examples]]\n"
        'changes = ["subject_owner", "website_name"]\nsubject_kind = "organisation"\ndirect = false\n'
        'blocking = ["website_name"]\ndeferred = ["subject_owner"]',
        "owner rule is on Tencent's company tab; individuals fall back to the strict national default.\"\n\n"
        "[[provinces.examples]]\n"
        'changes = ["subject_owner", "website_name"]\nsubject_kind = "organisation"\ndirect = true\n'
        'deferred = ["subject_owner", "website_name"]',
    )
    custom = bp.load_policy(text)
    assert not bp.can_transfer_directly("江苏", ["website_name"])
    assert bp.can_transfer_directly("江苏", ["website_name"], policy=custom)

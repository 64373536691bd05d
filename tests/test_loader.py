"""Bad data fails loudly: the file, the record and the field, every problem at once."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import attrs
import pytest

import beian_policy as bp
from beian_policy._data import _loader as _data_loader
from beian_policy._data import _location
from beian_policy._data._location import data_file
from tests.conftest import replace_once

BJ_CLOSED = (
    '[provinces.unfiled_sites_closed]\nstatus = "stated"\nvalue = true\nscope = "organisations"\n'
    'sources = ["tc-cn-bj"]'
)
BJ_DEADLINE = 'deadline_working_days = 10\nnote = { zh = "企业页签：新接入该接入商的企业'


def problems(text: str) -> list[str]:
    with pytest.raises(bp.PolicyDataError) as info:
        bp.loads_policy(text, origin="edited.toml")
    error = info.value
    assert error.path == "edited.toml"
    assert str(error).startswith("edited.toml: ")
    return [str(p) for p in error.problems]


def test_shipped_data_has_no_problems(data_text: str) -> None:
    report = bp.validate_policy(text=data_text)
    assert (report.ok, report.problems, report.warnings) == (True, (), ())
    assert report.policy is not None
    assert report.policy.origin == "<string>"
    assert attrs.evolve(report.policy, origin=bp.default_policy().origin) == bp.default_policy()


def test_broken_toml(data_text: str) -> None:
    (line,) = problems(data_text + "\n[[provinces]\n")
    assert "not valid TOML" in line


def test_missing_province(data_text: str) -> None:
    start = data_text.index('[[provinces]]\ncode = "CN-XJ"')
    count, which = problems(data_text[:start])
    assert "expected 31 provinces, found 30" in count
    assert which == "provinces: code: province CN-XJ (650000) has no record"


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
    text = replace_once(
        data_text, BJ_DEADLINE, 'deadline_working_days = "10"\nnote = { zh = "企业页签：新接入该接入商的企业'
    )
    (line,) = problems(text)
    assert line.startswith("provinces[0] (CN-BJ): statements[0].deadline_working_days: ")
    assert "expected an integer" in line


def test_bool_is_not_an_integer(data_text: str) -> None:
    text = replace_once(
        data_text, BJ_DEADLINE, 'deadline_working_days = true\nnote = { zh = "企业页签：新接入该接入商的企业'
    )
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


def test_a_change_listed_twice_in_a_statement_is_a_problem(data_text: str) -> None:
    text = replace_once(
        data_text,
        'changes = ["subject_type", "subject_certificate"',
        'changes = ["subject_type", "subject_type", "subject_certificate"',
    )
    (line,) = problems(text)
    assert line.startswith("provinces[0] (CN-BJ): statements[1].changes: duplicate change 'subject_type'")


def test_wrong_worked_example_is_caught(data_text: str) -> None:
    text = replace_once(
        data_text,
        'subject_kind = "organisation"\ndirect = true\ndeferred = ["subject_name"]\n'
        'note = { zh = "更名的企业可以先接入',
        'subject_kind = "organisation"\ndirect = false\ndeferred = ["subject_name"]\n'
        'note = { zh = "更名的企业可以先接入',
    )
    (line,) = problems(text)
    assert "examples[0].direct" in line


def test_every_problem_is_listed_at_once(data_text: str) -> None:
    text = replace_once(data_text, 'code = "CN-TJ"', 'code = "CN-BJ"')
    text = replace_once(
        text, BJ_DEADLINE, 'deadline_working_days = "10"\nnote = { zh = "企业页签：新接入该接入商的企业'
    )
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
    text = replace_once(data_text, 'schema_version = "2.0"', 'schema_version = "3.0"')
    (line,) = problems(text)
    assert "schema 3.0 is not supported" in line
    older = replace_once(data_text, 'schema_version = "2.0"', 'schema_version = "1.1"')
    assert any("convert_to_statements" in line for line in problems(older))
    newer = replace_once(data_text, 'schema_version = "2.0"', 'schema_version = "2.7"')
    with pytest.warns(bp.errors.PolicyDataWarning, match="newer"):
        policy = bp.loads_policy(newer)
    assert policy.schema_version == "2.7"


def test_load_from_path_bytes_and_text(tmp_path: Path, data_text: str) -> None:
    path = tmp_path / "policy.toml"
    path.write_text(data_text, encoding="utf-8")
    from_path = bp.load_policy(path)
    assert from_path.origin == str(path)
    assert bp.load_policy(str(path)) == from_path
    assert bp.load_policy(path, origin="mine.toml").origin == "mine.toml"
    from_bytes = bp.loads_policy(data_text.encode())
    from_text = bp.loads_policy(data_text)
    assert bp.loads_policy(data_text, origin="pasted").origin == "pasted"
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
        bp.loads_policy(data_text + "\n[[provinces]\n", origin="x.toml")
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
        '[[provinces.statements]]\nsource = "j-cn-js"\n',
        '[[provinces.statements]]\nsource = "tc-cn-js"\nchanges = ["*"]\ntiming = "after"\n\n'
        '[[provinces.statements]]\nsource = "j-cn-js"\n',
    )
    text = replace_once(
        text,
        'subject_kind = "individual"\ndirect = false\nblocking = ["subject_owner"]\n',
        'subject_kind = "individual"\ndirect = true\ndeferred = ["subject_owner"]\n',
    )
    text = replace_once(
        text,
        "owner rule is on Tencent's company tab; individuals fall back to the strict national "
        'default." }\n\n'
        "[[provinces.examples]]\n"
        'changes = ["subject_owner", "website_name"]\nsubject_kind = "organisation"\ndirect = false\n'
        'blocking = ["website_name"]\ndeferred = ["subject_owner"]',
        "owner rule is on Tencent's company tab; individuals fall back to the strict national "
        'default." }\n\n'
        "[[provinces.examples]]\n"
        'changes = ["subject_owner", "website_name"]\nsubject_kind = "organisation"\ndirect = true\n'
        'deferred = ["subject_owner", "website_name"]',
    )
    custom = bp.loads_policy(text)
    assert not bp.can_transfer_directly("江苏", ["website_name"])
    assert bp.can_transfer_directly("江苏", ["website_name"], policy=custom)


# -- path and text are two calls; validation returns a report --------------------------------


def test_a_path_is_never_guessed_to_be_text(tmp_path: Path, data_text: str) -> None:
    # One line of TOML is a (missing) file name to load_policy, not a document.
    with pytest.raises(bp.PolicyDataError, match="cannot read") as info:
        bp.load_policy('schema_version = "1.0"')
    assert info.value.path == 'schema_version = "1.0"'
    # A whole document passed as a path is not read as one either; the message says what to call.
    with pytest.raises(bp.PolicyDataError, match=r"cannot read: .*call loads_policy\(\)"):
        bp.load_policy(data_text)
    with pytest.raises(bp.errors.ArgumentTypeError, match=r"loads_policy\(\)"):
        bp.load_policy(data_text.encode())  # type: ignore[arg-type]
    with pytest.raises(bp.errors.ArgumentTypeError, match=r"load_policy\(\)"):
        bp.loads_policy(tmp_path / "policy.toml")  # type: ignore[arg-type]
    for blank in ("", "  "):
        with pytest.raises(bp.errors.InvalidArgumentError):
            bp.load_policy(blank)


def test_one_line_text_is_a_document() -> None:
    with pytest.raises(bp.PolicyDataError) as info:
        bp.loads_policy('schema_version = "2.0"')
    assert info.value.path == "<string>"
    where = {(p.record, p.field) for p in info.value.problems}
    assert ("(top level)", "data_version") in where
    assert ("(top level)", "schema_version") not in where


def test_validate_policy_reports_what_load_raises(data_text: str) -> None:
    text = replace_once(data_text, 'code = "CN-TJ"', 'code = "CN-BJ"')
    text = replace_once(
        text, BJ_DEADLINE, 'deadline_working_days = "10"\nnote = { zh = "企业页签：新接入该接入商的企业'
    )
    with pytest.raises(bp.PolicyDataError) as info:
        bp.loads_policy(text)
    report = bp.validate_policy(text=text)
    assert isinstance(report, bp.model.PolicyReport)
    assert (report.ok, report.policy, report.warnings) == (False, None, ())
    assert report.problems == info.value.problems
    assert any("duplicate province code 'CN-BJ'" in str(p) for p in report.problems)
    assert bp.validate_policy(text=text.encode()).problems == report.problems
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        report.policy = bp.default_policy()  # type: ignore[misc]


def test_validate_policy_never_raises_on_a_bad_file(tmp_path: Path, data_text: str) -> None:
    missing = bp.validate_policy(tmp_path / "missing.toml")
    assert missing.policy is None
    ((record, field, message),) = [(p.record, p.field, p.message) for p in missing.problems]
    assert (record, field) == ("(file)", "")
    assert message.startswith("cannot read")
    broken = tmp_path / "broken.toml"
    broken.write_text(data_text + "\n[[provinces]\n", encoding="utf-8")
    (problem,) = bp.validate_policy(str(broken)).problems
    assert "not valid TOML" in problem.message
    (problem,) = bp.validate_policy(text=b"x = '\xe9'\n").problems
    assert "not UTF-8" in problem.message


def test_validate_policy_collects_data_warnings(tmp_path: Path, data_text: str) -> None:
    path = tmp_path / "newer.toml"
    path.write_text(
        replace_once(data_text, 'schema_version = "2.0"', 'schema_version = "2.7"'), encoding="utf-8"
    )
    report = bp.validate_policy(path, origin="newer")
    assert report.ok
    assert report.policy is not None
    assert (report.policy.schema_version, report.policy.origin) == ("2.7", "newer")
    assert report.warnings == ("policy data uses schema 2.7, newer than 2.0; unknown parts may be ignored",)


def test_validate_policy_takes_exactly_one_source(data_text: str) -> None:
    with pytest.raises(bp.errors.InvalidArgumentError, match="neither path nor text"):
        bp.validate_policy()
    with pytest.raises(bp.errors.InvalidArgumentError, match="both path and text"):
        bp.validate_policy("policy.toml", text=data_text)
    with pytest.raises(bp.errors.ArgumentTypeError):
        bp.validate_policy(text=3)  # type: ignore[arg-type]


def test_a_malformed_number_hint_is_a_problem_not_a_crash(data_text: str) -> None:
    text = replace_once(
        data_text, "enter {subject_number} as the filing", "enter {subject_number as the filing"
    )
    (problem,) = bp.validate_policy(text=text).problems
    assert (problem.record, problem.field) == (
        "failures[7] (wrong_filing_password)",
        "remedies[0].number_hint_en",
    )
    assert problem.message.startswith("not a valid template")


# -- where the shipped data is -------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]


def test_the_shipped_data_is_found_in_the_checkout() -> None:
    # An editable install has no packaged copy: the file at the repository's top is read.
    location = data_file()
    assert Path(str(location)) == ROOT / "data" / "provinces.toml"
    assert bp.default_data_text() == (ROOT / "data" / "provinces.toml").read_text(encoding="utf-8")
    assert bp.default_policy().origin == str(location)


def test_a_packaged_copy_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "provinces.toml").write_text("packaged", encoding="utf-8")
    monkeypatch.setattr(_location, "PACKAGE", tmp_path)
    assert Path(str(data_file())) == tmp_path / "data" / "provinces.toml"
    assert bp.default_data_text() == "packaged"


def test_a_missing_data_file_says_to_reinstall(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_data_loader, "data_file", lambda: tmp_path / "provinces.toml")
    with pytest.raises(bp.PolicyDataError, match="reinstall beian-policy") as info:
        bp.default_data_text()
    assert info.value.path == str(tmp_path / "provinces.toml")


def test_a_stepless_requirement_warns_on_refiling_or_informs(data_text: str) -> None:
    # 四川's added-website match rule has no step: valid with trigger "adding_website",
    # refused with a trigger that would add a step.
    text = replace_once(
        data_text,
        'id = "subject_must_match_when_adding_website"\ntrigger = "adding_website"\nsources = ["tc-cn-sc"]',
        'id = "subject_must_match_when_adding_website"\ntrigger = "always"\nsources = ["tc-cn-sc"]',
    )
    found = problems(text)
    assert any("CN-SC" in p and "must have trigger = 'never' or 'adding_website'" in p for p in found), found
    with pytest.raises(bp.errors.PolicyDataError):
        bp.loads_policy(text)

"""The JSON Schema of the data file: shipped, valid, and it agrees with the loader."""

from __future__ import annotations

import datetime as dt
import sys
from importlib import resources
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings

import beian_policy as bp
from beian_policy._diagnosis import Failure
from beian_policy._schema import json_schema
from beian_policy.strategies import policy_documents
from tests.conftest import replace_once

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def as_json(value: Any) -> Any:
    """A parsed TOML document in JSON form: dates become ISO strings."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def errors(text: str) -> list[str]:
    return [error.message for error in validator().iter_errors(as_json(tomllib.loads(text)))]


def test_schema_is_valid_draft_2020_12() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schema_is_shipped_in_the_package() -> None:
    assert resources.files("beian_policy").joinpath("provinces.schema.json").is_file()


def test_shipped_data_validates(data_text: str) -> None:
    assert errors(data_text) == []


def test_each_call_returns_a_fresh_copy() -> None:
    first = json_schema()
    first["properties"].clear()
    first["$defs"]["change"]["enum"].append("nonsense")
    second = json_schema()
    assert "provinces" in second["properties"]
    assert "nonsense" not in second["$defs"]["change"]["enum"]


def test_vocabularies_match_the_code() -> None:
    defs = json_schema()["$defs"]
    assert defs["change"]["enum"] == [c.value for c in bp.Change]
    assert defs["failure_id"]["enum"] == [f.value for f in Failure]
    assert defs["subject_kind"]["enum"] == [k.value for k in bp.SubjectKind]
    assert defs["timing"]["enum"] == [t.value for t in bp.Timing]
    assert defs["source"]["properties"]["standing"]["enum"] == [s.value for s in bp.model.SourceStanding]
    assert defs["site_fact"]["properties"]["scope"]["enum"] == [s.value for s in bp.model.Scope]


BJ_CHANGES = 'changes = ["subject_name", "website_name", "website_owner", "website_domains"]'
BJ_RULE = f'{BJ_CHANGES}\napplies_to = ["organisation"]\ntiming = "after"\ndeadline_working_days = 10\n'


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # an unknown field
        ('aliases = ["Peking"]', 'aliases = ["Peking"]\ncolour = "red"'),
        # a statement without a timing
        (BJ_RULE, BJ_RULE.replace('timing = "after"\ndeadline_working_days = 10\n', "")),
        # a deadline with timing "before"
        (BJ_RULE, BJ_RULE.replace('"after"', '"before"')),
        # '*' beside a change
        (BJ_RULE, BJ_RULE.replace(BJ_CHANGES, 'changes = ["*", "subject_name"]')),
        # a timing that does not exist
        (BJ_RULE, BJ_RULE.replace('"after"', '"later"')),
        # a change that does not exist
        ('deferred = ["subject_name"]', 'deferred = ["subject_nickname"]'),
        # a malformed ISO code
        ('code = "CN-BJ"', 'code = "BJ"'),
        # a date that is not one
        ("as_of = 20", 'as_of = "2026-13-45" # '),
    ],
)  # fmt: skip
def test_schema_and_loader_reject_the_same_mistakes(data_text: str, old: str, new: str) -> None:
    text = replace_once(data_text, old, new)
    assert errors(text), "the schema accepted it"
    assert not bp.validate_policy(text=text).ok, "the loader accepted it"


def test_failures_section_is_described(data_text: str) -> None:
    start = data_text.index("[[failures]]")
    assert errors(data_text.replace("[[failures]]", "[[failures]]\nseverity = 3", 1))
    assert errors(data_text[:start] + data_text[start:].replace("label_en = ", "label_english = ", 1))


@settings(max_examples=10)
@given(policy_documents())
def test_generated_documents_validate(text: str) -> None:
    assert errors(text) == []

"""The document records, the JSON Schema and the TOML writer agree with each other."""

from __future__ import annotations

import datetime as dt
import inspect
import sys
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from beian_policy._data import _document as doc
from beian_policy._data._structure import OPTIONAL_SECTIONS, SCALARS, SECTIONS
from beian_policy._data._writer import dumps_document
from beian_policy._schema import json_schema

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# Each object of the schema's $defs, and the record class that reads the same table.
DOC_OF_DEF: dict[str, type[Any]] = {
    "provider": doc.ProviderDoc,
    "bilingual": doc.TextDoc,
    "source": doc.SourceDoc,
    "no_icp_region": doc.NoIcpRegionDoc,
    "change_text": doc.ChangeDoc,
    "subject_kind_term": doc.TermDoc,
    "fact_term": doc.TermDoc,
    "step": doc.StepDoc,
    "national_rule": doc.NationalRuleDoc,
    "fact_claim": doc.FactClaimDoc,
    "statement": doc.StatementDoc,
    "transfer_note": doc.TransferNoteDoc,
    "event": doc.EventDoc,
    "site_fact": doc.SiteFactDoc,
    "requirement": doc.RequirementDoc,
    "check_claim": doc.CheckClaimDoc,
    "check": doc.CheckDoc,
    "note": doc.NoteDoc,
    "example": doc.ExampleDoc,
    "province": doc.ProvinceDoc,
    "cause": doc.CauseDoc,
    "remedy": doc.RemedyDoc,
    "failure": doc.FailureDoc,
}


def schema_required(field: attrs.Attribute[Any]) -> bool:
    """Required in the file: no default, or a default the builder reports as missing."""
    return field.default is attrs.NOTHING or field.metadata.get("required") == "by the builder"


def test_every_record_class_and_schema_object_is_paired() -> None:
    records = {cls for _, cls in inspect.getmembers(doc, inspect.isclass) if attrs.has(cls)}
    assert set(DOC_OF_DEF.values()) == records
    objects = {name for name, d in json_schema()["$defs"].items() if "properties" in d}
    assert set(DOC_OF_DEF) == objects


@pytest.mark.parametrize("name", sorted(DOC_OF_DEF))
def test_schema_object_has_the_record_fields(name: str) -> None:
    definition = json_schema()["$defs"][name]
    fields = attrs.fields(DOC_OF_DEF[name])
    assert set(definition["properties"]) == {f.name for f in fields}
    assert set(definition.get("required", ())) == {f.name for f in fields if schema_required(f)}
    assert definition.get("additionalProperties") is False


def test_schema_top_level_has_the_sections() -> None:
    schema = json_schema()
    assert set(schema["properties"]) == set(SCALARS) | set(SECTIONS)
    assert set(schema["required"]) == (set(SCALARS) | set(SECTIONS)) - OPTIONAL_SECTIONS
    assert schema.get("additionalProperties") is False


def test_the_builder_required_fields_are_the_cited_ones() -> None:
    # Hand-written from docs/data-format.md: where "required" means "at least one source"
    # (and every province needs a worked example), the builder says so itself.
    later = {
        (cls.__name__, f.name)
        for cls in DOC_OF_DEF.values()
        for f in attrs.fields(cls)
        if f.metadata.get("required") == "by the builder"
    }
    assert later == {
        ("NationalRuleDoc", "sources"),
        ("NoIcpRegionDoc", "sources"),
        ("RequirementDoc", "sources"),
        ("CheckDoc", "sources"),
        ("NoteDoc", "sources"),
        ("ProvinceDoc", "sources"),
        ("ProvinceDoc", "examples"),
        ("CauseDoc", "sources"),
        ("RemedyDoc", "sources"),
        ("FailureDoc", "sources"),
        ("EventDoc", "sources"),
    }


# -- the writer the strategies use ---------------------------------------------------------------


def test_the_shipped_document_reads_back_the_same(data_text: str) -> None:
    document = tomllib.loads(data_text)
    assert tomllib.loads(dumps_document(document)) == document


def test_writer_layout() -> None:
    text = dumps_document(
        {
            "as_of": dt.date(2026, 1, 2),
            "rows": [{"id": "a", "when": {"x": True}, "nested": {"deep": [{"k": 1}]}}],
            "odd key": '\x7f"\\\n',
        }
    )
    assert text == (
        'as_of = 2026-01-02\n"odd key" = "\\u007f\\"\\\\\\n"\n\n'
        '[[rows]]\nid = "a"\nwhen = { x = true }\n\n[rows.nested]\n\n[[rows.nested.deep]]\nk = 1\n'
    )


scalars = st.one_of(
    st.text(),
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.dates(),
    st.floats(allow_nan=False),
)
keys = st.text(min_size=1, max_size=8)
values = st.recursive(
    scalars | st.lists(scalars, max_size=3),
    lambda inner: (
        st.dictionaries(keys, inner, max_size=3)
        | st.lists(st.dictionaries(keys, inner, max_size=3), max_size=2)
    ),
    max_leaves=12,
)


@given(st.dictionaries(keys, values, max_size=4))
def test_writer_round_trips(document: dict[str, Any]) -> None:
    assert tomllib.loads(dumps_document(document)) == document


def test_a_key_ending_in_a_line_break_is_quoted() -> None:
    # ``$`` matches before a final newline: such a key was once written bare, breaking the TOML.
    assert tomllib.loads(dumps_document({"0\n": {}})) == {"0\n": {}}

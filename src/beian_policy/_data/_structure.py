"""Structuring the data file's tables into ``*Doc`` records, strictly, one record at
a time.

Each record is structured on its own so that one bad record is reported and the rest
are still checked; the problems are collected in the shared :class:`Context`, not
raised one by one. cattrs' own reports (``transform_error``) are turned into
``DataProblem(record, field, message)`` lines.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import types
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, Union, get_args, get_origin, get_type_hints

import attrs
import cattrs
from cattrs import transform_error

from .._enums import _StrEnum
from ..errors import shown
from . import _document as doc
from ._context import Context

__all__ = ["OPTIONAL_SECTIONS", "SCALARS", "SECTIONS", "format_exception", "strict_hook", "structure_records"]


# --------------------------------------------------------------------------------------
# The private converter: strict about types (TOML already has them; a string where a
# number belongs is a mistake to report, not to coerce).
# --------------------------------------------------------------------------------------

_T = TypeVar("_T")


def strict_hook(expected: type[_T], name: str) -> Callable[[Any, Any], _T]:
    def hook(value: Any, _: Any) -> _T:
        # bool is an int and datetime is a date in Python, but not in a data file.
        if type(value) is not expected:
            raise TypeError(f"expected {name}, got {type(value).__name__} {shown(value)}")
        return value  # type: ignore[no-any-return, unused-ignore]

    return hook


def _enum_hook(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__} {shown(value)}")
    try:
        return cls(value)
    except ValueError:
        valid = ", ".join(repr(m.value) for m in cls)
        raise ValueError(f"{shown(value)} is not one of {valid}") from None


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    for typ, name in (
        (str, "a string"),
        (int, "an integer"),
        (bool, "true or false"),
        (dt.date, "a date (YYYY-MM-DD)"),
    ):
        converter.register_structure_hook(typ, strict_hook(typ, name))
    # Registered on the package's enum base, which comes before str in their MRO, so
    # the strict str hook does not swallow them.
    converter.register_structure_hook(_StrEnum, _enum_hook)
    converter.register_structure_hook(doc.TextDoc, _text_hook(converter.get_structure_hook(doc.TextDoc)))
    # Innermost first: a record's hook binds the list hooks of its fields when made.
    for typ in sorted(_tuple_types(), key=lambda t: attrs.has(get_args(t)[0])):
        hook = _list_only(converter.get_structure_hook(typ))
        converter.register_structure_hook_func(_is(typ), hook)
    return converter


def _text_hook(base: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """A text in both languages: a plain string (one language) is refused, saying so."""

    def hook(value: Any, typ: Any) -> Any:
        if isinstance(value, str):
            raise TypeError(
                f"a plain string {shown(value)}: give the text in both languages, "
                '{ zh = "...", en = "..." }'
            )
        if type(value) is not dict:
            raise TypeError(
                f'expected {{ zh = "...", en = "..." }}, got {type(value).__name__} {shown(value)}'
            )
        return base(value, typ)

    return hook


def _is(typ: Any) -> Callable[[Any], bool]:
    return lambda other: bool(other == typ)


def _tuple_types() -> set[Any]:
    """Every ``tuple[X, ...]`` field type of the ``*Doc`` records, at any depth."""
    found: set[Any] = set()
    seen: set[type[Any]] = set()

    def visit(typ: Any) -> None:
        if get_origin(typ) in (Union, types.UnionType, tuple):
            if get_origin(typ) is tuple:
                found.add(typ)
            for arg in get_args(typ):
                visit(arg)
        elif isinstance(typ, type) and attrs.has(typ) and typ not in seen:
            seen.add(typ)
            for hint in get_type_hints(typ).values():
                visit(hint)

    for cls in SECTIONS.values():
        visit(cls)
    return found


def _list_only(base: Callable[[Any, Any], Any]) -> Callable[[Any, Any], Any]:
    """A list hook that refuses anything but a TOML array: iterated, a string would
    become one item per character (``aliases = "Peking"`` as P, e, k, i, n, g)."""

    def hook(value: Any, typ: Any) -> Any:
        if type(value) is not list:
            raise TypeError(f"expected an array [...], got {type(value).__name__} {shown(value)}")
        return base(value, typ)

    return hook


#: The tables of the file, each an array of records of one ``*Doc`` class.
SECTIONS: Mapping[str, type[Any]] = {
    "providers": doc.ProviderDoc,
    "sources": doc.SourceDoc,
    "no_icp_regions": doc.NoIcpRegionDoc,
    "changes": doc.ChangeDoc,
    "subject_kinds": doc.TermDoc,
    "facts": doc.TermDoc,
    "steps": doc.StepDoc,
    "national_rules": doc.NationalRuleDoc,
    "provinces": doc.ProvinceDoc,
    "failures": doc.FailureDoc,
    "national_statements": doc.StatementDoc,
    "events": doc.EventDoc,
}
#: Tables a file may leave out.
OPTIONAL_SECTIONS = frozenset({"no_icp_regions", "subject_kinds", "facts", "national_statements", "events"})
#: The top-level keys that are single values, with their types.
SCALARS: Mapping[str, type[Any]] = {"schema_version": str, "data_version": str, "as_of": dt.date}
_CONVERTER = _make_converter()
_PATH_PART = re.compile(r"^\$\.(?P<section>\w+)\[(?P<index>\d+)\]\.?(?P<rest>.*)$")


def _record_label(section: str, index: int, raw: object) -> str:
    label = f"{section}[{index}]"
    if isinstance(raw, dict):
        key = raw.get("code", raw.get("id"))
        if isinstance(key, str):
            label += f" ({key})"
    return label


def structure_records(
    data: Mapping[str, Any], out: Context
) -> tuple[dict[str, Any], dict[str, list[tuple[str, Any]]]]:
    """Structure the scalars and each record of each section; report what fails."""
    scalars: dict[str, Any] = {}
    for key, typ in SCALARS.items():
        if key not in data:
            out.add("(top level)", key, "required key missing")
            continue
        try:
            scalars[key] = _CONVERTER.structure(data[key], typ)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a report line
            out.add("(top level)", key, str(exc))

    sections: dict[str, list[tuple[str, Any]]] = {}
    for name, cls in SECTIONS.items():
        sections[name] = []
        raw_items = data.get(name)
        if raw_items is None:
            if name not in OPTIONAL_SECTIONS:
                out.add("(top level)", name, f"required table array [[{name}]] is missing")
            continue
        if not isinstance(raw_items, list):
            out.add("(top level)", name, f"expected an array of tables [[{name}]]")
            continue
        for index, raw in enumerate(raw_items):
            label = _record_label(name, index, raw)
            for field, text in _control_characters(raw, ""):
                out.add(label, field, f"control character in {shown(text)}; write text without them")
            try:
                sections[name].append((label, _CONVERTER.structure(raw, cls)))
            except Exception as exc:  # noqa: BLE001
                for line in _describe(exc, f"$.{name}[{index}]"):
                    message, _, where = line.rpartition(" @ ")
                    match = _PATH_PART.match(where)
                    field = match.group("rest") if match else where
                    out.add(label, field, message or line)

    known = set(SCALARS) | set(SECTIONS)
    for key in data:
        if key not in known:
            out.add("(top level)", key, f"unknown key; expected one of {', '.join(sorted(known))}")
    return scalars, sections


#: C0 and C1 control characters except tab and newline: printed raw, they would drive
#: the user's terminal (colours, titles, clearing the screen).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _control_characters(value: object, path: str) -> list[tuple[str, str]]:
    """(field path, text) of each string under *value* holding a control character.
    (Nesting is bounded: the TOML parser refuses what is too deep.)"""
    if isinstance(value, str):
        return [(path, value)] if _CONTROL.search(value) else []
    if isinstance(value, dict):
        return [
            found
            for key, item in value.items()
            for found in _control_characters(item, f"{path}.{key}" if path else str(key))
        ]
    if isinstance(value, list):
        return [found for i, item in enumerate(value) for found in _control_characters(item, f"{path}[{i}]")]
    return []


def _describe(exc: Exception, path: str) -> list[str]:
    if isinstance(exc, (cattrs.ClassValidationError, cattrs.IterableValidationError)):
        return transform_error(exc, path=path, format_exception=format_exception)
    return [f"{exc} @ {path}"]


def format_exception(exc: BaseException, type_: Any) -> str:
    """One line for a structuring error: what a reader of the data file must fix."""
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return f"unknown field(s): {', '.join(sorted(exc.extra_fields))}"
    return str(exc) or type(exc).__name__

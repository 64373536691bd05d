"""JSON Schemas of what the command line (and :func:`beian_policy.to_json`) prints, so
other systems can validate and generate code. Derived from the value classes' type
hints, the same ones the JSON converter walks, so a schema cannot drift from the
output; a test validates every command's output against it.

A source is cited by id; the document (the command's output, each item of a list
output, each batch line's result) carries the full sources in ``sources_by_id``.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from collections.abc import Mapping
from typing import Any

import attrs

from ._decision import TransferDecision
from ._diagnosis import Diagnosis
from ._icp import IcpNumber
from ._json import EXTRAS, PUBLIC_TYPES, SOURCES_KEY
from ._model import Condition, Event, FailureInfo, NationalRule, ProvinceRules, Source, Statement, Text
from ._plan import TransferPlan
from ._policy import Policy
from ._rejection import RejectionImpact
from ._vocab import Fact
from .errors import UnknownNameError

__all__ = ["OUTPUT_COMMANDS", "output_schema"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_POLICY_KEYS = ("schema_version", "data_version", "as_of", "origin", "province_count", "source_count")


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def document(self, cls: type) -> dict[str, Any]:
        """*cls* as a whole document: its record with the index of the sources it cites."""
        self.ref(cls)
        return self.with_index(self.defs[cls.__name__])

    def with_index(self, schema: dict[str, Any]) -> dict[str, Any]:
        """*schema* (an object) with the optional ``sources_by_id`` key of a document."""
        index = {
            "type": "object",
            "description": "the sources the document cites, by id; absent when it cites none",
            "additionalProperties": self.ref(Source),
        }
        return {**schema, "properties": {**schema["properties"], SOURCES_KEY: index}}

    def ref(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: classes may refer to themselves
            self.defs[name] = self._object(cls)
        return {"$ref": f"#/$defs/{name}"}

    def _object(self, cls: type) -> dict[str, Any]:
        if cls is Policy:
            props = {
                key: {"type": "integer"} if key.endswith("_count") else {"type": "string"}
                for key in _POLICY_KEYS
            }
            return {
                "type": "object",
                "properties": props,
                "required": list(_POLICY_KEYS),
                "additionalProperties": False,
            }
        hints = typing.get_type_hints(cls)
        props = {field.name: self.of(hints[field.name]) for field in attrs.fields(cls)}
        for key, attribute in EXTRAS.get(cls, {}).items():
            prop = getattr(cls, attribute, None)
            getter = prop.fget if isinstance(prop, property) else None
            hint = typing.get_type_hints(getter).get("return") if getter is not None else None
            props[key] = self.of(hint) if hint is not None else {}
        return {
            "type": "object",
            "properties": props,
            "required": sorted(props),
            "additionalProperties": False,
        }

    def of(self, hint: Any) -> dict[str, Any]:
        if hint is Any:
            return {}
        if hint is Source:
            self.ref(Source)
            return {"type": "string", "description": f"a source id: a key of the document's {SOURCES_KEY}"}
        if hint == Condition:
            return {
                "type": "object",
                "propertyNames": {"enum": [f.value for f in Fact]},
                "additionalProperties": {"type": "boolean"},
            }
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if origin in (typing.Union, types.UnionType):
            return {"anyOf": [self.of(arg) for arg in args]}
        if origin is tuple:
            if len(args) == 2 and args[1] is Ellipsis:
                return {"type": "array", "items": self.of(args[0])}
            return {
                "type": "array",
                "prefixItems": [self.of(a) for a in args],
                "minItems": len(args),
                "maxItems": len(args),
            }
        if origin in (frozenset, set, list):
            return {"type": "array", "items": self.of(args[0])}
        if origin in (dict, Mapping) or hint in (dict, Mapping):
            return {"type": "object", "additionalProperties": self.of(args[1]) if args else {}}
        if hint is type(None):
            return {"type": "null"}
        if isinstance(hint, type):
            if issubclass(hint, enum.Enum):
                return {"enum": [member.value for member in hint]}
            if hint is bool:
                return {"type": "boolean"}
            if hint is int:
                return {"type": "integer"}
            if hint is float:
                return {"type": "number"}
            if hint is str:
                return {"type": "string"}
            if hint is dt.date:
                return {"type": "string", "format": "date"}
            if attrs.has(hint) or hint is Policy:
                return self.ref(hint)
        raise TypeError(f"no JSON Schema for {hint!r}")  # pragma: no cover - a new type needs a case


def _error() -> dict[str, Any]:
    text = {
        "type": "object",
        "properties": {"zh": {"type": "string"}, "en": {"type": "string"}},
        "required": ["zh", "en"],
    }
    strings = {"type": "array", "items": {"type": "string"}}
    body = {
        "type": "object",
        "properties": {
            "code": {
                "type": "string",
                "description": "stable kind of error: unknown_change, ambiguous_name, no_icp_region...",
            },
            "message": text,
            "input": {"type": "string"},
            "valid": strings,
            "suggestions": strings,
            "choices": strings,
            "path": {"type": "string"},
            "problems": strings,
        },
        "required": ["code", "message"],
        "additionalProperties": False,
    }
    return {
        "type": "object",
        "properties": {"error": body},
        "required": ["error"],
        "additionalProperties": False,
    }


def _commands(b: _Builder) -> dict[str, dict[str, Any]]:
    for cls in PUBLIC_TYPES:
        b.ref(cls)
    texts = {"type": "object", "additionalProperties": b.ref(Text)}
    return {
        "check": b.document(TransferDecision),
        "steps": b.document(TransferPlan),
        "diagnose": b.document(Diagnosis),
        "parse": b.document(IcpNumber),
        "find": {"type": "array", "items": b.document(IcpNumber)},
        "province": b.document(ProvinceRules),
        "provinces": {"type": "array", "items": b.document(ProvinceRules)},
        "changes": texts,
        "failures": {"type": "array", "items": b.document(FailureInfo)},
        "rules": b.with_index(
            {
                "type": "object",
                "properties": {
                    "national_rules": {"type": "array", "items": b.ref(NationalRule)},
                    "national_statements": {"type": "array", "items": b.ref(Statement)},
                    "events": {"type": "array", "items": b.ref(Event)},
                    "rejection_impact": b.ref(RejectionImpact),
                },
                "required": ["national_rules", "national_statements", "events", "rejection_impact"],
                "additionalProperties": False,
            }
        ),
        "version": {
            "type": "object",
            "properties": {
                "version": {"type": "string"},
                "supported_schema_version": {"type": "string"},
                "data": b.ref(Policy),
            },
            "required": ["version", "supported_schema_version", "data"],
            "additionalProperties": False,
        },
        "error": _error(),
    }


#: The commands whose ``--json`` output has a schema (``error`` is any command's error).
OUTPUT_COMMANDS = (
    "check",
    "steps",
    "diagnose",
    "parse",
    "find",
    "province",
    "provinces",
    "changes",
    "failures",
    "rules",
    "version",
    "error",
    "batch",
)


def output_schema(command: str | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``beian-policy <command> --json``'s output, or,
    without *command*, one schema whose ``$defs`` hold every command's (``command_check``...)
    and every value type. ``batch`` is one line of ``--batch`` output. A fresh copy
    each call."""
    b = _Builder()
    commands = _commands(b)
    line_result = {"anyOf": [commands[c] for c in ("check", "steps", "diagnose", "parse")]}
    commands["batch"] = {
        "type": "object",
        "properties": {
            "line": {"type": "integer"},
            "result": line_result,
            "error": commands["error"]["properties"]["error"],
        },
        "required": ["line"],
        "additionalProperties": False,
    }
    defs = dict(b.defs)
    if command is None:
        defs.update({f"command_{name}": schema for name, schema in commands.items()})
        return {"$schema": _DIALECT, "$defs": defs}
    if not isinstance(command, str) or str.__str__(command) not in commands:
        raise UnknownNameError("command", command, OUTPUT_COMMANDS)
    return {"$schema": _DIALECT, **commands[command], "$defs": defs}

"""The one serialisation: the package's values as JSON-able dicts with stable keys.

The command line's ``--json`` output, and any caller that stores a decision, use
:func:`to_dict` / :func:`to_json`, so there is one mapping from objects to JSON, not
one per caller. It is built on a private :class:`cattrs.Converter`; the global
converter is never touched, because embedders share it.

Conventions, for every type:

* enum members become their string values (``"subject_name"``, ``"before"``);
* sets become lists: enum members in declaration order (the order of
  ``list(Change)``), anything else sorted, so the output is deterministic;
* tuples become lists; dates become ISO strings (``"2026-11-28"``);
* a text kept in two languages is ``{"zh": ..., "en": ...}``;
* an optional value that is absent is ``null``: keys are always present;
* a source is always the full source record, never only its id, so each object
  stands on its own;
* the facts a diagnosis knows and the condition of a remedy or cause are objects,
  ``{"submitted_to_administration": true}``;
* a policy is summarised (versions, as-of date, origin and counts), not dumped.

The keys of each public type are listed in ``KEYS`` and pinned by the tests.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Callable, Mapping
from typing import Any, get_origin

import attrs
import cattrs

from ._decision import ChangeVerdict, DeferredChange, TransferDecision
from ._diagnosis import Cause, Diagnosis, FailureInfo, RejectionImpact, Remedy, RemedyInfo
from ._enums import _StrEnum
from ._errors import DataProblem, InvalidArgumentError
from ._icp import IcpNumber
from ._model import NationalRule, Province, Source, Text
from ._plan import TransferPlan
from ._policy import Policy
from ._step import Step

__all__ = ["KEYS", "to_dict", "to_json"]

#: The keys each public type serialises to (stable API; additions only).
KEYS: Mapping[str, frozenset[str]] = {
    "Province": frozenset(
        {
            "code",
            "gb_code",
            "name",
            "short_name",
            "name_en",
            "iso_name",
            "icp_abbreviation",
            "alternative_abbreviations",
            "aliases",
        }
    ),
    "Source": frozenset(
        {"id", "provider", "title", "standing", "url", "repository", "path", "commit", "date", "note"}
    ),
    "Text": frozenset({"zh", "en"}),
    "Step": frozenset(
        {"id", "order", "title", "rule", "sources", "deadline_working_days", "changes", "note", "warnings"}
    ),
    "ChangeVerdict": frozenset(
        {"change", "timing", "basis", "rule", "sources", "deadline_working_days", "disputed", "note"}
    ),
    "DeferredChange": frozenset({"change", "deadline_working_days"}),
    "TransferDecision": frozenset(
        {
            "province",
            "changes",
            "subject_kind",
            "direct",
            "blocking",
            "deferred",
            "basis",
            "disputed",
            "verdicts",
            "sources",
            "data_version",
        }
    ),
    "TransferPlan": frozenset(
        {"decision", "steps", "step_ids", "original_provider_reachable", "data_version"}
    ),
    "IcpNumber": frozenset(
        {
            "canonical",
            "subject_number",
            "province",
            "kind",
            "serial",
            "site",
            "service",
            "abbreviation",
            "alternative_abbreviation",
            "family",
            "authority",
            "classes",
            "foreign_invested",
        }
    ),
    "Policy": frozenset(
        {"schema_version", "data_version", "as_of", "origin", "province_count", "source_count"}
    ),
    "DataProblem": frozenset({"record", "field", "message"}),
    "NationalRule": frozenset({"id", "text", "sources"}),
    "Cause": frozenset({"id", "text", "sources", "condition"}),
    "Remedy": frozenset(
        {
            "id",
            "label",
            "condition",
            "applies",
            "steps",
            "step_ids",
            "sources",
            "causes",
            "changes",
            "basis",
            "detail",
            "number_hint",
        }
    ),
    "Diagnosis": frozenset(
        {
            "failure",
            "title",
            "province",
            "causes",
            "remedies",
            "steps",
            "step_ids",
            "decided",
            "unknown_facts",
            "facts",
            "sources",
            "data_version",
            "cause",
            "subject_number",
            "icp_number_problem",
            "transfer",
            "related",
            "note",
        }
    ),
    "FailureInfo": frozenset(
        {"failure", "title", "sources", "causes", "remedies", "changes", "aliases", "related", "note"}
    ),
    "RemedyInfo": frozenset(
        {"id", "label", "step_ids", "sources", "condition", "causes", "rule", "detail", "number_hint"}
    ),
    "RejectionImpact": frozenset(
        {
            "filing_cancelled",
            "has_other_provider",
            "site_reachable_now",
            "cancellation_risk",
            "dns_to_new_provider_allowed",
            "restorable_if_cancelled",
            "steps",
            "step_ids",
            "related",
            "unknown_facts",
            "rules",
            "sources",
            "data_version",
        }
    ),
}


def _is_set_type(typ: Any) -> bool:
    return typ in (set, frozenset) or get_origin(typ) in (set, frozenset)


def _is_tuple_type(typ: Any) -> bool:
    return typ is tuple or get_origin(typ) is tuple


def _is_date_type(typ: Any) -> bool:
    return isinstance(typ, type) and issubclass(typ, dt.date)


def _set_order(value: Any) -> tuple[int, str]:
    if isinstance(value, enum.Enum):
        return (list(type(value)).index(value), "")
    return (0, json.dumps(value, sort_keys=True, ensure_ascii=False, default=str))


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter()
    un = converter.unstructure

    def unstructure_set(value: Any) -> list[Any]:
        return [un(item) for item in sorted(value, key=_set_order)]

    def unstructure_tuple(value: Any) -> list[Any]:
        return [un(item) for item in value]

    converter.register_unstructure_hook_func(_is_set_type, unstructure_set)
    converter.register_unstructure_hook_func(_is_tuple_type, unstructure_tuple)
    # Class hooks, so that they beat the pass-through cattrs has for str: the
    # package's enums are str subclasses, and their members must become plain strings.
    converter.register_unstructure_hook(_StrEnum, lambda member: member.value)
    converter.register_unstructure_hook(enum.Enum, lambda member: member.value)
    converter.register_unstructure_hook_func(_is_date_type, lambda day: day.isoformat())

    def hook(cls: type[Any], fn: Callable[[Any], dict[str, Any]]) -> None:
        # A predicate, not a class hook: cattrs resolves the annotations of a class it
        # is given, and some refer to names imported only for type checking.
        converter.register_unstructure_hook_func(lambda t: t is cls, fn)

    hook(Text, lambda t: {"zh": t.zh, "en": t.en})
    hook(
        Source,
        lambda s: {
            "id": s.id,
            "provider": s.provider,
            "title": s.title,
            "standing": un(s.standing),
            "url": s.url,
            "repository": s.repository,
            "path": s.path,
            "commit": s.commit,
            "date": un(s.date) if s.date is not None else None,
            "note": s.note,
        },
    )
    hook(
        Province,
        lambda p: {
            "code": p.code,
            "gb_code": p.gb_code,
            "name": p.name,
            "short_name": p.short_name,
            "name_en": p.name_en,
            "iso_name": p.iso_name,
            "icp_abbreviation": p.icp_abbreviation,
            "alternative_abbreviations": list(p.alternative_abbreviations),
            "aliases": list(p.aliases),
        },
    )
    hook(
        Step,
        lambda s: {
            "id": s.id,
            "order": s.order,
            "title": un(s.titles),
            "rule": s.rule,
            "sources": un(s.sources),
            "deadline_working_days": s.deadline_working_days,
            "changes": un(s.changes),
            "note": s.note,
            "warnings": [un(w) for w in s.warnings],
        },
    )
    hook(
        ChangeVerdict,
        lambda v: {
            "change": un(v.change),
            "timing": un(v.timing),
            "basis": un(v.basis),
            "rule": v.rule,
            "sources": un(v.sources),
            "deadline_working_days": v.deadline_working_days,
            "disputed": v.disputed,
            "note": v.note,
        },
    )
    hook(
        DeferredChange,
        lambda d: {"change": un(d.change), "deadline_working_days": d.deadline_working_days},
    )
    hook(
        TransferDecision,
        lambda d: {
            "province": un(d.province),
            "changes": un(d.changes),
            "subject_kind": un(d.subject_kind) if d.subject_kind is not None else None,
            "direct": d.direct,
            "blocking": un(d.blocking),
            "deferred": un(d.deferred),
            "basis": un(d.basis),
            "disputed": d.disputed,
            "verdicts": un(d.verdicts),
            "sources": un(d.sources),
            "data_version": d.data_version,
        },
    )
    hook(
        TransferPlan,
        lambda p: {
            "decision": un(p.decision),
            "steps": un(p.steps),
            "step_ids": list(p.step_ids),
            "original_provider_reachable": p.original_provider_reachable,
            "data_version": p.data_version,
        },
    )
    hook(
        IcpNumber,
        lambda n: {
            "canonical": n.canonical,
            "subject_number": n.subject_number,
            "province": un(n.province) if n.province is not None else None,
            "kind": un(n.kind),
            "serial": n.serial,
            "site": n.site,
            "service": un(n.service) if n.service is not None else None,
            "abbreviation": n.abbreviation,
            "alternative_abbreviation": n.alternative_abbreviation,
            "family": un(n.family),
            "authority": un(n.authority),
            "classes": list(n.classes),
            "foreign_invested": n.foreign_invested,
        },
    )
    hook(
        Policy,
        lambda p: {
            "schema_version": p.schema_version,
            "data_version": p.data_version,
            "as_of": un(p.as_of),
            "origin": p.origin,
            "province_count": len(p.rules),
            "source_count": len(p.sources),
        },
    )
    hook(DataProblem, lambda d: {"record": d.record, "field": d.field, "message": d.message})
    hook(NationalRule, lambda r: {"id": r.id, "text": un(r.text), "sources": un(r.sources)})

    def opt(value: Any) -> Any:
        return None if value is None else un(value)

    def condition(pairs: tuple[tuple[str, bool], ...]) -> dict[str, bool]:
        return dict(pairs)

    hook(
        Cause,
        lambda c: {
            "id": c.id,
            "text": un(c.text),
            "sources": un(c.sources),
            "condition": condition(c.condition),
        },
    )
    hook(
        Remedy,
        lambda r: {
            "id": r.id,
            "label": un(r.label),
            "condition": condition(r.condition),
            "applies": r.applies,
            "steps": un(r.steps),
            "step_ids": list(r.step_ids),
            "sources": un(r.sources),
            "causes": list(r.causes),
            "changes": un(r.changes),
            "basis": opt(r.basis),
            "detail": opt(r.detail),
            "number_hint": opt(r.number_hint),
        },
    )
    hook(
        Diagnosis,
        lambda d: {
            "failure": un(d.failure),
            "title": un(d.title),
            "province": opt(d.province),
            "causes": un(d.causes),
            "remedies": un(d.remedies),
            "steps": un(d.steps),
            "step_ids": list(d.step_ids),
            "decided": d.decided,
            "unknown_facts": list(d.unknown_facts),
            "facts": condition(d.facts),
            "sources": un(d.sources),
            "data_version": d.data_version,
            "cause": d.cause,
            "subject_number": d.subject_number,
            "icp_number_problem": d.icp_number_problem,
            "transfer": opt(d.transfer),
            "related": un(d.related),
            "note": opt(d.note),
        },
    )
    hook(
        FailureInfo,
        lambda f: {
            "failure": un(f.failure),
            "title": un(f.title),
            "sources": un(f.sources),
            "causes": un(f.causes),
            "remedies": un(f.remedies),
            "changes": un(f.changes),
            "aliases": list(f.aliases),
            "related": un(f.related),
            "note": opt(f.note),
        },
    )
    hook(
        RemedyInfo,
        lambda r: {
            "id": r.id,
            "label": un(r.label),
            "step_ids": list(r.step_ids),
            "sources": un(r.sources),
            "condition": condition(r.condition),
            "causes": list(r.causes),
            "rule": opt(r.rule),
            "detail": opt(r.detail),
            "number_hint": opt(r.number_hint),
        },
    )
    hook(
        RejectionImpact,
        lambda r: {
            "filing_cancelled": r.filing_cancelled,
            "has_other_provider": r.has_other_provider,
            "site_reachable_now": r.site_reachable_now,
            "cancellation_risk": r.cancellation_risk,
            "dns_to_new_provider_allowed": r.dns_to_new_provider_allowed,
            "restorable_if_cancelled": r.restorable_if_cancelled,
            "steps": un(r.steps),
            "step_ids": list(r.step_ids),
            "related": un(r.related),
            "unknown_facts": list(r.unknown_facts),
            "rules": un(r.rules),
            "sources": un(r.sources),
            "data_version": r.data_version,
        },
    )
    return converter


_CONVERTER = _make_converter()


_SERIALISABLE = ["a value the API returns", "a list, tuple, set or dict of them", "JSON scalars"]


def to_dict(obj: object) -> Any:
    """*obj* (any value the API returns, or a list, tuple or dict of them) as plain
    JSON-able data: dicts, lists, strings, numbers, booleans and None.

    Attrs classes without a dedicated hook (the data model's rules, claims and
    examples; a diagnosis) are serialised field by field with the same conventions.
    """
    if isinstance(obj, type) or not (
        attrs.has(type(obj))
        or isinstance(obj, (Mapping, list, tuple, set, frozenset, str, int, float, enum.Enum, dt.date))
        or obj is None
    ):
        raise InvalidArgumentError("value to serialise", type(obj).__name__, _SERIALISABLE)
    try:
        return _CONVERTER.unstructure(obj)
    except RecursionError:  # a container that holds itself
        raise InvalidArgumentError(
            "value to serialise", "a self-referencing container", _SERIALISABLE
        ) from None


def to_json(obj: object, *, indent: int | None = 2) -> str:
    """*obj* as JSON text: :func:`to_dict`, keys sorted, non-ASCII text kept as is."""
    if indent is not None and (
        isinstance(indent, bool) or not isinstance(indent, int) or not 0 <= indent <= 16
    ):
        raise InvalidArgumentError("indent", indent, ["None", "a whole number from 0 to 16"])
    try:
        return json.dumps(to_dict(obj), sort_keys=True, ensure_ascii=False, indent=indent, allow_nan=False)
    except (TypeError, ValueError) as exc:  # something inside a container is not JSON data
        raise InvalidArgumentError("value to serialise", obj, _SERIALISABLE) from exc

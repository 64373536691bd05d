"""The one serialisation, both ways: the package's values as JSON-able dicts with
stable keys, and back.

Built on a private :class:`cattrs.Converter` with hooks that cattrs generates from
the attrs classes themselves, so a new field is serialised with no change here; the
global converter is never touched, because embedders share it. Conventions:

* enum members become their string values; dates ISO strings;
* sets become lists, enum members in declaration order, anything else sorted;
* a text in two languages is ``{"zh": ..., "en": ...}``; an absent optional value
  (a note, a date, a number) is ``null``, never ``""``: a record's keys are always
  present; a collection with nothing in it is ``[]`` (or ``{}``);
* sources are written once per document: each place that cites one writes its id,
  and the document (the value given to :func:`to_dict`; each item of a list or set
  given) gets one more key, ``sources_by_id``, an object of the full sources it cites,
  keyed by id. It is absent when the document cites none. A source given on its own
  is written whole;
* the facts a diagnosis knows and a cause's or remedy's condition are objects,
  ``{"submitted_to_administration": true}``;
* a few computed properties are written too (``EXTRAS``), for readers that do not
  run this library: a decision's ``direct``, ``blocking`` and ``deferred`` (change
  ids), a plan's ``step_ids`` and ``refile``, an ICP number's ``canonical``...
  Reading a value back ignores them;
* a policy is summarised (versions, as-of date, origin and counts), not dumped.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar, get_origin

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override
from cattrs.v import format_exception

from ._application import Application
from ._data._report import PolicyReport
from ._decision import ChangeVerdict, TransferDecision
from ._diagnosis import Diagnosis, Remedy
from ._enums import _StrEnum
from ._finding import Finding, FooterCheck, Preflight
from ._grid import Dispute, Position
from ._icp import IcpNumber
from ._model import (
    Cause,
    Condition,
    FailureInfo,
    NationalRule,
    Province,
    RemedyInfo,
    Source,
    Statement,
    Text,
)
from ._plan import PlanFacts, TransferPlan
from ._policy import Policy
from ._rejection import RejectionImpact
from ._step import Step
from ._vocab import Fact
from .errors import ArgumentTypeError, DataProblem, InvalidArgumentError

__all__ = ["EXTRAS", "KEYS", "SOURCES_KEY", "from_dict", "from_json", "to_dict", "to_json"]

_T = TypeVar("_T")

#: The key of a document's source index: source id -> the full source.
SOURCES_KEY = "sources_by_id"

# While a document is written: the sources it cites, by id. While one is read: its
# index. Context variables, so that threads and nested calls never share them.
_CITED: ContextVar[dict[str, Source] | None] = ContextVar("beian_policy_cited", default=None)
_INDEX: ContextVar[Mapping[str, Any] | None] = ContextVar("beian_policy_index", default=None)


class _MissingSourceError(ValueError):
    """A cited id the document's index does not hold."""


def _describe(exc: BaseException, typ: type | None) -> str:
    """cattrs' wording, except that a missing source names its id."""
    if isinstance(exc, _MissingSourceError):
        return str(exc)
    return format_exception(exc, typ)


class _SourceConflictError(ValueError):
    """Two different sources with one id in one document: an index cannot hold both."""


#: Computed properties written beside the fields: JSON key -> property name.
EXTRAS: Mapping[type, Mapping[str, str]] = {
    TransferDecision: {
        "direct": "direct",
        "blocking": "blocking_changes",
        "deferred": "deferred_changes",
        "carried": "carried_changes",
    },
    TransferPlan: {"step_ids": "step_ids", "refile": "refile", "data_version": "data_version"},
    Remedy: {"step_ids": "step_ids"},
    Diagnosis: {"step_ids": "step_ids", "decided": "decided"},
    RejectionImpact: {"step_ids": "step_ids"},
    PolicyReport: {"ok": "ok"},
    Dispute: {"providers": "providers"},
    Position: {"provider": "provider", "date": "date", "date_is_bound": "date_is_bound"},
    Statement: {"provider": "provider", "date": "date", "date_is_bound": "date_is_bound"},
    Preflight: {"ok": "ok"},
    FooterCheck: {"ok": "ok"},
    IcpNumber: {
        "canonical": "canonical",
        "subject_number": "subject_number",
        "alternative_abbreviation": "alternative_abbreviation",
        "family": "family",
        "authority": "authority",
    },
}

#: The public value types whose JSON shape is API: what ``KEYS`` lists and
#: :func:`from_dict` reads back.
PUBLIC_TYPES: tuple[type, ...] = (
    Province,
    Source,
    Text,
    Step,
    ChangeVerdict,
    TransferDecision,
    PlanFacts,
    TransferPlan,
    IcpNumber,
    DataProblem,
    NationalRule,
    Cause,
    Remedy,
    Diagnosis,
    FailureInfo,
    RemedyInfo,
    RejectionImpact,
    Dispute,
    Position,
    Application,
    Finding,
    Preflight,
    FooterCheck,
)

_POLICY_KEYS = ("schema_version", "data_version", "as_of", "origin", "province_count", "source_count")


def _keys(cls: type) -> frozenset[str]:
    return frozenset(a.name for a in attrs.fields(cls)) | frozenset(EXTRAS.get(cls, {}))


#: The keys each public type serialises to (stable API; additions only). Derived from
#: the classes, so it cannot drift from them.
KEYS: Mapping[str, frozenset[str]] = {
    **{cls.__name__: _keys(cls) for cls in PUBLIC_TYPES},
    "Policy": frozenset(_POLICY_KEYS),
}


def _is_set_type(typ: Any) -> bool:
    return typ in (set, frozenset) or get_origin(typ) in (set, frozenset)


def _is_tuple_type(typ: Any) -> bool:
    return typ is tuple or get_origin(typ) is tuple


def _set_order(value: Any) -> tuple[int, str]:
    if isinstance(value, enum.Enum):
        return (list(type(value)).index(value), "")
    return (0, json.dumps(value, sort_keys=True, ensure_ascii=False, default=str))


def _condition_to_dict(condition: Condition) -> dict[str, bool]:
    return {fact.value if isinstance(fact, Fact) else str(fact): value for fact, value in condition}


def _condition_from_dict(value: Any, _: Any) -> Condition:
    if not isinstance(value, Mapping):
        raise TypeError(f"expected an object of facts, not {type(value).__name__}")
    for wanted in value.values():
        if not isinstance(wanted, bool):
            raise TypeError(f"a fact's value must be true or false, not {wanted!r}")
    return tuple(sorted((Fact(name), wanted) for name, wanted in value.items()))


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(detailed_validation=True)
    un = converter.unstructure

    converter.register_unstructure_hook_func(
        _is_set_type, lambda value: [un(item) for item in sorted(value, key=_set_order)]
    )
    converter.register_unstructure_hook_func(_is_tuple_type, lambda value: [un(item) for item in value])
    # Class hooks, so that they beat the pass-through cattrs has for str: the
    # package's enums are str subclasses, and their members must become plain strings.
    converter.register_unstructure_hook(_StrEnum, lambda member: member.value)
    converter.register_unstructure_hook(enum.Enum, lambda member: member.value)
    converter.register_unstructure_hook(dt.date, lambda day: day.isoformat())
    converter.register_structure_hook(dt.date, lambda value, _: _structure_date(value))
    converter.register_unstructure_hook(
        Policy,
        lambda p: dict(
            zip(
                _POLICY_KEYS,
                (
                    p.schema_version,
                    p.data_version,
                    p.as_of.isoformat(),
                    p.origin,
                    len(p.rules),
                    len(p.sources),
                ),
                strict=True,
            )
        ),
    )

    def conditions(cls: type) -> dict[str, Any]:
        return {
            a.name: override(unstruct_hook=_condition_to_dict, struct_hook=_condition_from_dict)
            for a in attrs.fields(cls)
            if a.type == Condition
        }

    def unstructure_factory(cls: type) -> Callable[[Any], dict[str, Any]]:
        attrs.resolve_types(cls)
        fields_fn: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
            cls, converter, **conditions(cls)
        )
        extras = EXTRAS.get(cls, {})
        if not extras:
            return fields_fn

        def unstructure(obj: Any) -> dict[str, Any]:
            data = fields_fn(obj)
            for key, prop in extras.items():
                data[key] = un(getattr(obj, prop))
            return data

        return unstructure

    def structure_factory(cls: type) -> Callable[[Any, Any], Any]:
        attrs.resolve_types(cls)
        return make_dict_structure_fn(cls, converter, **conditions(cls))

    converter.register_unstructure_hook_factory(attrs.has, unstructure_factory)
    converter.register_structure_hook_factory(attrs.has, structure_factory)
    _register_source_hooks(converter)
    return converter


def _register_source_hooks(converter: cattrs.Converter) -> None:
    """A cited source is written as its id (and noted for the document's index) and
    read back from the index; outside a document, and in the index, it is whole.
    Registered on the class, so every field of type ``Source``, present or future,
    goes through it."""
    attrs.resolve_types(Source)
    whole: Callable[[Source], dict[str, Any]] = make_dict_unstructure_fn(Source, converter)
    from_whole = make_dict_structure_fn(Source, converter)

    def write(source: Source) -> Any:
        cited = _CITED.get()
        if cited is None:
            return whole(source)
        known = cited.setdefault(source.id, source)
        if known != source:
            raise _SourceConflictError(f"two different sources have the id {source.id!r}")
        return source.id

    def read(value: Any, _: Any) -> Source:
        if isinstance(value, str):
            index = _INDEX.get() or {}
            if value not in index:
                raise _MissingSourceError(f"no source {value!r} in {SOURCES_KEY}")
            value = index[value]
        return from_whole(value, Source)

    converter.register_unstructure_hook(Source, write)
    converter.register_structure_hook(Source, read)


def _structure_date(value: Any) -> dt.date:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO date string, not {type(value).__name__}")
    return dt.date.fromisoformat(value)


_CONVERTER = _make_converter()

_SERIALISABLE = ["a value the API returns", "a list, tuple, set or dict of them", "JSON scalars"]


def to_dict(obj: object) -> Any:
    """*obj* (any value the API returns, or a list, tuple or dict of them) as plain
    JSON-able data: dicts, lists, strings, numbers, booleans and None."""
    if isinstance(obj, type) or not (
        attrs.has(type(obj))
        or isinstance(obj, (Mapping, list, tuple, set, frozenset, str, int, float, enum.Enum, dt.date))
        or obj is None
    ):
        raise ArgumentTypeError("value to serialise", obj, _SERIALISABLE)
    try:
        return _document(obj)
    except RecursionError:  # a container that holds itself
        raise InvalidArgumentError(
            "value to serialise", "a self-referencing container", _SERIALISABLE
        ) from None
    except _SourceConflictError as exc:
        raise InvalidArgumentError("value to serialise", str(exc), ["sources with unique ids"]) from None


def _document(obj: object) -> Any:
    """One document: a list's or set's items are a document each; anything else is
    written with its cited sources gathered into :data:`SOURCES_KEY`."""
    if isinstance(obj, (list, tuple)):
        return [_document(item) for item in obj]
    if isinstance(obj, (set, frozenset)):
        return [_document(item) for item in sorted(obj, key=_set_order)]
    if isinstance(obj, Source):
        return _CONVERTER.unstructure(obj)
    with _citing() as cited:
        data = _CONVERTER.unstructure(obj)
    if cited and isinstance(data, dict):
        data[SOURCES_KEY] = {sid: _CONVERTER.unstructure(cited[sid]) for sid in sorted(cited)}
    return data


@contextmanager
def _citing() -> Iterator[dict[str, Source]]:
    cited: dict[str, Source] = {}
    token = _CITED.set(cited)
    try:
        yield cited
    finally:
        _CITED.reset(token)


def to_json(obj: object, *, indent: int | None = 2) -> str:
    """*obj* as JSON text: :func:`to_dict`, keys sorted, non-ASCII text kept as is."""
    if indent is not None and (isinstance(indent, bool) or not isinstance(indent, int)):
        raise ArgumentTypeError("indent", indent, ["None", "an int"])
    if indent is not None and not 0 <= indent <= 16:
        raise InvalidArgumentError("indent", indent, ["None", "a whole number from 0 to 16"])
    try:
        return json.dumps(to_dict(obj), sort_keys=True, ensure_ascii=False, indent=indent, allow_nan=False)
    except (TypeError, ValueError) as exc:  # something inside a container is not JSON data
        raise InvalidArgumentError("value to serialise", obj, _SERIALISABLE) from exc


def from_dict(cls: type[_T], data: object) -> _T:
    """Read back a value :func:`to_dict` wrote: ``from_dict(TransferDecision, d)``.

    *cls* is one of the public value types (decisions, plans, diagnoses, ICP
    numbers...). Computed keys are ignored. Raises :class:`InvalidArgumentError`
    naming every field that does not fit.
    """
    if not isinstance(cls, type) or cls not in PUBLIC_TYPES:
        names = sorted(c.__name__ for c in PUBLIC_TYPES)
        raise InvalidArgumentError("type to read", getattr(cls, "__name__", cls), names)
    if not isinstance(data, Mapping):
        raise ArgumentTypeError("data", data, ["a dict, as to_dict() writes"])
    index = data.get(SOURCES_KEY)
    token = _INDEX.set(index if isinstance(index, Mapping) else None)
    try:
        return _CONVERTER.structure(data, cls)
    except cattrs.BaseValidationError as exc:
        problems = cattrs.transform_error(exc, path=cls.__name__, format_exception=_describe)
        raise InvalidArgumentError(
            f"{cls.__name__} data", "; ".join(problems[:20]), ["to_dict() output"]
        ) from None
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise InvalidArgumentError(f"{cls.__name__} data", str(exc)[:200], ["to_dict() output"]) from None
    finally:
        _INDEX.reset(token)


def from_json(cls: type[_T], text: str | bytes) -> _T:
    """Read back a value :func:`to_json` wrote."""
    if not isinstance(text, (str, bytes)):
        raise ArgumentTypeError("text", text, ["JSON text (str or bytes)"])
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise InvalidArgumentError("JSON text", str(exc)[:200], ["JSON that to_json() wrote"]) from None
    return from_dict(cls, data)

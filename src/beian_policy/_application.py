"""An application as the user will submit it, for ``preflight``: the subject, its two
owners, its websites and domains, and the letters already prepared.

Every field is optional: ``None`` means the fact is unknown, never "no" or "fine", so
a check that needs it says to check it instead of passing. An application is read
from a dict (parsed TOML or JSON) by :func:`read_application`, which lists every field
that does not fit at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, TypeVar

import attrs
import cattrs

from ._coerce import coerce_changes, coerce_subject_kind
from ._data._loader import resolve_policy
from ._data._structure import format_exception, strict_hook
from ._enums import Change, SubjectKind, _StrEnum
from ._policy import Policy
from ._provinces import get_province
from .errors import ArgumentTypeError, InvalidApplicationError, UnknownNameError, shown

__all__ = ["Application", "Domain", "Person", "Registrant", "Website", "read_application"]


class Registrant(_StrEnum):
    """Who holds a domain (its registrant in WHOIS and in the real-name record)."""

    SUBJECT = "subject"
    LEGAL_REPRESENTATIVE = "legal_representative"
    OTHER = "other"


@attrs.frozen
class Person:
    """A subject owner or website owner. The ``*_province`` fields hold ISO codes
    (``CN-SH``) once read; ``age`` is used only when ``birth_date`` is absent."""

    name: str | None = None
    id_number: str | None = None
    id_province: str | None = None
    id_expires_on: dt.date | None = None
    residence_permit_province: str | None = None
    phone: str | None = None
    phone_province: str | None = None
    birth_date: dt.date | None = None
    age: int | None = None
    is_legal_representative: bool | None = None


@attrs.frozen
class Domain:
    """One domain of a website, with the facts its domain checks need."""

    name: str | None = None
    registrant: Registrant | None = None
    registrar_domestic: bool | None = None
    real_name_verified_on: dt.date | None = None
    expires_on: dt.date | None = None
    privacy_protection: bool | None = None


@attrs.frozen
class Website:
    """One website of the application; ``footer_html`` is its home page, if given, and
    ``icp_number`` the filing number it shows (for a website already filed)."""

    name: str | None = None
    domains: tuple[Domain, ...] = ()
    footer_html: str | None = None
    icp_number: str | None = None
    pre_approval_needed: bool | None = None
    pre_approval_held: bool | None = None


@attrs.frozen
class Application:
    """Everything ``preflight`` checks. ``documents_ready`` holds the ids of the
    letters already prepared (``gd_commitment``...); ``changes`` the changes since the
    filing and ``multiple_cloud_resources`` whether the site uses resources at several
    providers (some letters depend on them); ``None`` means not said."""

    subject_kind: SubjectKind | None = None
    subject_name: str | None = None
    certificate_type: str | None = None
    certificate_number: str | None = None
    certificate_province: str | None = None
    address_province: str | None = None
    subject_owner: Person | None = None
    website_owner: Person | None = None
    websites: tuple[Website, ...] = ()
    documents_ready: frozenset[str] | None = None
    changes: frozenset[Change] | None = None
    multiple_cloud_resources: bool | None = None

    @property
    def people(self) -> tuple[tuple[str, Person], ...]:
        """The owners given, with the field each is under."""
        found = (("subject_owner", self.subject_owner), ("website_owner", self.website_owner))
        return tuple((field, person) for field, person in found if person is not None)


# --------------------------------------------------------------------------------------
# Reading: a strict converter (a string where a date belongs is reported, not guessed)
# that accepts the Chinese words for the subject kinds.
# --------------------------------------------------------------------------------------

_PROVINCE_FIELDS = ("certificate_province", "address_province")
_PERSON_PROVINCE_FIELDS = ("id_province", "residence_permit_province", "phone_province")
_T = TypeVar("_T")


def _date(value: Any, _: Any) -> dt.date:
    if type(value) is dt.date:
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"expected a date (YYYY-MM-DD), got {shown(value)}")


def _subject_kind(value: Any, _: Any) -> SubjectKind:
    # Words (单位, 个人...) were read by read_application with the policy's aliases.
    if isinstance(value, str) and value in {k.value for k in SubjectKind}:
        return SubjectKind(value)
    raise ValueError(f"expected one of {', '.join(k.value for k in SubjectKind)}, got {shown(value)}")


def _registrant(value: Any, _: Any) -> Registrant:
    if isinstance(value, str) and value in {r.value for r in Registrant}:
        return Registrant(value)
    raise ValueError(f"expected one of {', '.join(r.value for r in Registrant)}, got {shown(value)}")


def _documents(value: Any, _: Any) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"expected a list of document ids, got {shown(value)}")
    return frozenset(value)


def _changes(value: Any, _: Any) -> frozenset[Change]:
    if not isinstance(value, list):
        raise TypeError(f"expected a list of change ids, got {shown(value)}")
    try:
        return coerce_changes(value)
    except (LookupError, TypeError, ValueError) as exc:
        raise ValueError(str(exc)) from None


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    for typ, name in ((str, "a string"), (int, "an integer"), (bool, "true or false")):
        converter.register_structure_hook(typ, strict_hook(typ, name))
    converter.register_structure_hook(dt.date, _date)
    converter.register_structure_hook(SubjectKind, _subject_kind)
    converter.register_structure_hook(Registrant, _registrant)
    converter.register_structure_hook_func(lambda t: t == frozenset[str], _documents)
    converter.register_structure_hook_func(lambda t: t == frozenset[Change], _changes)
    return converter


_CONVERTER = _make_converter()


def read_application(data: Application | Mapping[str, Any], *, policy: Policy | None = None) -> Application:
    """An :class:`Application` from *data* (a dict as parsed from TOML or JSON, or an
    Application), with province names resolved to ISO codes.

    Raises :class:`~beian_policy.errors.InvalidApplicationError` listing every field
    that does not fit (``websites[0].domains[1].expires_on: expected a date...``).
    """
    if isinstance(data, Application):
        return _resolve_provinces(data, policy)
    if not isinstance(data, Mapping):
        raise ArgumentTypeError("application", data, ["an Application", "a dict (parsed TOML or JSON)"])
    raw, problems = _read_subject_kind(data, policy)
    try:
        application = _CONVERTER.structure(raw, Application)
    except cattrs.BaseValidationError as exc:
        lines = cattrs.transform_error(exc, path="$", format_exception=format_exception)
        problems += [_split(line) for line in lines]
        seen = {field for field, _ in problems}
        problems += [p for p in _raw_province_problems(data, policy) if p[0] not in seen]
    if problems:
        raise InvalidApplicationError(problems) from None
    return _resolve_provinces(application, policy)


def _read_subject_kind(
    data: Mapping[str, Any], policy: Policy | None
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """*data* with its subject kind read through the policy's words and aliases (单位,
    企业, 个人, organization...), and the problem if it names no kind."""
    raw = dict(data)
    value = raw.get("subject_kind")
    if not isinstance(value, str):
        return raw, []
    try:
        kind = coerce_subject_kind(value, aliases=resolve_policy(policy).vocabulary("subject_kind"))
    except UnknownNameError as exc:  # an ambiguous word is one too
        del raw["subject_kind"]
        return raw, [("subject_kind", str(exc))]
    raw["subject_kind"] = None if kind is None else kind.value
    return raw, []


def _raw_province_problems(data: Mapping[str, Any], policy: Policy | None) -> list[tuple[str, str]]:
    """The province names of a dict that failed to structure, checked anyway, so that
    every bad field is reported at once."""
    found: list[tuple[str, str]] = []

    def look(field: str, value: object) -> None:
        if isinstance(value, str) and get_province(value, policy=policy) is None:
            found.append((field, _unknown_province(value)))

    for name in _PROVINCE_FIELDS:
        look(name, data.get(name))
    for owner in ("subject_owner", "website_owner"):
        person = data.get(owner)
        if isinstance(person, Mapping):
            for name in _PERSON_PROVINCE_FIELDS:
                look(f"{owner}.{name}", person.get(name))
    return found


def _unknown_province(value: str) -> str:
    return f"unknown province {shown(value)}: give a name (上海), ISO code or abbreviation"


def _split(line: str) -> tuple[str, str]:
    message, _, where = line.rpartition(" @ ")
    field = where.removeprefix("$").lstrip(".") or "(top level)"
    return field, message or line


def _resolve_provinces(app: Application, policy: Policy | None) -> Application:
    problems: list[tuple[str, str]] = []

    def code(field: str, value: str | None) -> str | None:
        if value is None:
            return None
        province = get_province(value, policy=policy)
        if province is None:
            problems.append((field, _unknown_province(value)))
            return value
        return province.code

    changes: dict[str, Any] = {f: code(f, getattr(app, f)) for f in _PROVINCE_FIELDS}
    for field, person in app.people:
        resolved: dict[str, Any] = {
            f: code(f"{field}.{f}", getattr(person, f)) for f in _PERSON_PROVINCE_FIELDS
        }
        changes[field] = attrs.evolve(person, **resolved)
    for field, person in app.people:
        if person.age is not None and person.age < 0:
            problems.append((f"{field}.age", f"expected an age of 0 or more, got {person.age}"))
    if problems:
        raise InvalidApplicationError(problems)
    return attrs.evolve(app, **changes)

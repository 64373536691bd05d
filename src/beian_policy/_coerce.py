"""Turning what callers pass into canonical values, with the package's own errors.

Forgiving inputs, strict outputs: enum members or their string values, any case,
full-width text and stray spaces are accepted. A value of the wrong Python type is an
:class:`~beian_policy.errors.ArgumentTypeError`; a name outside a closed vocabulary
is an :class:`~beian_policy.errors.UnknownNameError` with close matches.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import TypeVar

from ._enums import Change, Failure, Lang, SubjectKind, _StrEnum
from ._text import fold
from .errors import ArgumentTypeError, InvalidArgumentError, UnknownChangeError, UnknownNameError

__all__ = [
    "ChangesLike",
    "coerce_changes",
    "coerce_fact",
    "coerce_failure_id",
    "coerce_flag",
    "coerce_lang",
    "coerce_member",
    "coerce_subject_kind",
    "sorted_changes",
    "vocabulary_key",
]

#: What a ``changes`` argument accepts: one change or an iterable, as members or values.
ChangesLike = Change | str | Iterable[Change | str] | None

_E = TypeVar("_E", bound=_StrEnum)
_CHANGE_ORDER = {change: index for index, change in enumerate(Change)}
# More changes than there are kinds, many times over, is not a list of changes.
_MOST_CHANGE_ITEMS = 1000


def vocabulary_key(text: str) -> str:
    """The form an id of a closed vocabulary is matched in: ``"Subject-Name "`` and
    ``"ｓｕｂｊｅｃｔ＿ｎａｍｅ"`` both become ``"subject_name"``."""
    return fold(text[:200]).lower().replace("-", "_").replace(" ", "_")


def coerce_member(enum: type[_E], value: object, *, argument: str, vocabulary: str) -> _E:
    """A member of *enum* from a member or its string value (folded)."""
    if isinstance(value, enum):
        return value
    if not isinstance(value, str):
        raise ArgumentTypeError(argument, value, [f"a {vocabulary} name (str)", enum.__name__])
    valid = [member.value for member in enum]
    key = vocabulary_key(value)
    if key in valid:
        return enum(key)
    raise UnknownNameError(vocabulary, value, valid, difflib.get_close_matches(key, valid, n=3))


def coerce_lang(value: object) -> Lang:
    """``"zh"`` / ``"en"`` (or a :class:`Lang`)."""
    return coerce_member(Lang, value, argument="lang", vocabulary="language")


def coerce_subject_kind(value: object) -> SubjectKind | None:
    """A SubjectKind, its string value, or None (not given)."""
    if value is None:
        return None
    return coerce_member(SubjectKind, value, argument="subject_kind", vocabulary="subject kind")


def coerce_flag(name: str, value: object) -> bool:
    """A yes/no option: only ``True`` or ``False``, since ``"no"`` is truthy."""
    if isinstance(value, bool):
        return value
    raise ArgumentTypeError(name, value, ["True", "False"])


def coerce_fact(name: str, value: object) -> bool | None:
    """A fact that may be unknown: True, False or None."""
    if value is None or isinstance(value, bool):
        return value
    raise ArgumentTypeError(name, value, ["True", "False", "None (not known)"])


def _coerce_change(value: object) -> Change:
    if isinstance(value, Change):
        return value
    valid = [c.value for c in Change]
    if not isinstance(value, str):
        raise ArgumentTypeError("changes", value, ["a Change", "a change name (str)"])
    key = vocabulary_key(value)
    if key in valid:
        return Change(key)
    raise UnknownChangeError(value, valid, difflib.get_close_matches(key, valid, n=3))


def coerce_changes(changes: ChangesLike) -> frozenset[Change]:
    """One change or any finite iterable of them, as members or their string values."""
    if changes is None:
        return frozenset()
    if isinstance(changes, (Change, str)):
        return frozenset({_coerce_change(changes)})
    if isinstance(changes, (bytes, bytearray)) or not isinstance(changes, Iterable):
        raise ArgumentTypeError("changes", changes, ["a change", "an iterable of changes", "None"])
    found: set[Change] = set()
    for count, item in enumerate(changes):
        if count >= _MOST_CHANGE_ITEMS:
            raise InvalidArgumentError(
                "changes", f"<more than {_MOST_CHANGE_ITEMS} items>", [f"at most {_MOST_CHANGE_ITEMS} items"]
            )
        found.add(_coerce_change(item))
    return frozenset(found)


def sorted_changes(changes: Iterable[Change]) -> tuple[Change, ...]:
    """*changes* in declaration order (the order of ``list(Change)``)."""
    return tuple(sorted(changes, key=_CHANGE_ORDER.__getitem__))


def coerce_failure_id(value: object) -> Failure | None:
    """A Failure from a member or its id (folded); None for a string that is not an id
    (it may still be a title or alias the data knows)."""
    if isinstance(value, Failure):
        return value
    if not isinstance(value, str):
        raise ArgumentTypeError("failure", value, ["a Failure", "a failure id, title or alias (str)"])
    key = vocabulary_key(value)
    return Failure(key) if key in {f.value for f in Failure} else None

"""Turning what callers pass into canonical values, with the package's own errors.

Forgiving inputs, strict outputs: enum members or their string values, any case,
full-width text and stray spaces are accepted. A value of the wrong Python type is an
:class:`~beian_policy.errors.ArgumentTypeError`; a name outside a closed vocabulary
is an :class:`~beian_policy.errors.UnknownNameError` with close matches.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TypeVar

from ._enums import Change, Failure, Lang, SubjectKind, _StrEnum
from ._text import fold, is_name_sized, name_key
from .errors import (
    AmbiguousNameError,
    ArgumentTypeError,
    InvalidArgumentError,
    UnknownChangeError,
    UnknownNameError,
)

__all__ = [
    "AliasIndex",
    "ChangesLike",
    "coerce_changes",
    "coerce_fact",
    "coerce_failure_id",
    "coerce_flag",
    "coerce_lang",
    "coerce_member",
    "coerce_subject_kind",
    "coerce_term",
    "require_type",
    "sorted_changes",
    "split_list",
    "suggest_terms",
    "vocabulary_key",
]

#: A vocabulary's spellings: each :func:`~beian_policy._text.lookup_key` form with the
#: ids it names (``Policy.vocabulary``); more than one id means ambiguous.
AliasIndex = Mapping[str, tuple[str, ...]]

#: What a ``changes`` argument accepts: one change or an iterable, as members or values.
ChangesLike = Change | str | Iterable[Change | str] | None

_E = TypeVar("_E", bound=_StrEnum)
_CHANGE_ORDER = {change: index for index, change in enumerate(Change)}
# More changes than there are kinds, many times over, is not a list of changes.
_MOST_CHANGE_ITEMS = 1000


def vocabulary_key(text: str) -> str:
    """The form an id of a closed vocabulary is matched in: ``"Subject-Name "`` and
    ``"ｓｕｂｊｅｃｔ＿ｎａｍｅ"`` both become ``"subject_name"``. A text too long to be
    an id gives ``""``, which no id is, decided before folding it."""
    if not is_name_sized(text):
        return ""
    return fold(text).lower().replace("-", "_").replace(" ", "_")


def coerce_member(enum: type[_E], value: object, *, argument: str, vocabulary: str) -> _E:
    """A member of *enum* from a member or its string value (folded); no aliases."""
    return coerce_term(enum, value, aliases=None, argument=argument, vocabulary=vocabulary)


# Separators of a list typed as one string: commas and semicolons of either width, 、.
_LIST_SEPARATORS = r"[,，;；、]"


@functools.cache
def _list_separators() -> re.Pattern[str]:
    # Compiled on first use: a process that is given lists never compiles it.
    return re.compile(_LIST_SEPARATORS)


def split_list(text: str) -> list[str]:
    """``"主体名称，网站名称"`` -> ``["主体名称", "网站名称"]``. Empty items are kept, so
    that ``"a,"`` is an error about the empty item rather than silently ``["a"]``."""
    return _list_separators().split(text)


def suggest_terms(value: str, valid: Iterable[str], aliases: AliasIndex | None) -> tuple[str, ...]:
    """Close matches for *value* among the ids *valid* and, through *aliases*, among
    the spellings in either language: a spelling that contains the input or is
    contained in it, then :mod:`difflib`'s close matches. Ids, at most three."""
    import difflib  # only when a name is unknown: most processes never need it

    ids = list(valid)
    found = [*difflib.get_close_matches(vocabulary_key(value), ids, n=3)]
    key = name_key(value)
    if aliases and key:
        spellings = list(aliases)
        near = [s for s in spellings if len(key) >= 2 and (key in s or s in key) and len(s) >= 2]
        near += difflib.get_close_matches(key, spellings, n=5, cutoff=0.6)
        found += [term for spelling in near for term in aliases[spelling]]
    return tuple(dict.fromkeys(term for term in found if term in ids))[:3]


def coerce_term(
    enum: type[_E],
    value: object,
    *,
    aliases: AliasIndex | None,
    argument: str,
    vocabulary: str,
    unknown: Callable[[str, list[str], tuple[str, ...]], UnknownNameError] | None = None,
) -> _E:
    """A member of *enum* from a member, its id (folded) or, with *aliases*, any of its
    spellings in either language. A spelling of several members is an
    :class:`AmbiguousNameError` listing them; an unknown one an :class:`UnknownNameError`
    (or *unknown*, which takes the query, the valid ids and the suggestions)."""
    if isinstance(value, enum):
        return value
    if not isinstance(value, str):
        raise ArgumentTypeError(argument, value, [f"a {vocabulary} name (str)", enum.__name__])
    valid = [member.value for member in enum]
    key = vocabulary_key(value)
    if key in valid:
        return enum(key)
    spelling = name_key(value)
    ids = [t for t in (aliases or {}).get(spelling, ()) if t in valid] if spelling is not None else []
    if len(ids) == 1:
        return enum(ids[0])
    if ids:
        raise AmbiguousNameError(vocabulary, value, ids)
    suggestions = suggest_terms(value, valid, aliases)
    if unknown is not None:
        raise unknown(value, valid, suggestions)
    raise UnknownNameError(vocabulary, value, valid, suggestions)


def require_type(
    value: object, types: type | tuple[type, ...], argument: str, *, optional: bool = False
) -> None:
    """Refuse anything but an instance of *types* (or None when *optional*) with an
    :class:`ArgumentTypeError`, before the value is compared or hashed."""
    if not isinstance(value, types) and not (optional and value is None):
        names = [t.__name__ for t in (types if isinstance(types, tuple) else (types,))]
        raise ArgumentTypeError(argument, value, [*names, *(["None"] if optional else [])])


def coerce_lang(value: object) -> Lang:
    """``"zh"`` / ``"en"`` (or a :class:`Lang`)."""
    return coerce_member(Lang, value, argument="lang", vocabulary="language")


def coerce_subject_kind(value: object, *, aliases: AliasIndex | None = None) -> SubjectKind | None:
    """A SubjectKind, its string value, or None (not given); with *aliases* (the
    policy's ``vocabulary("subject_kind")``) also 单位, 企业, 个人, ``organization``..."""
    if value is None:
        return None
    return coerce_term(
        SubjectKind, value, aliases=aliases, argument="subject_kind", vocabulary="subject kind"
    )


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


def _coerce_change(value: object, aliases: AliasIndex | None) -> Change:
    if not isinstance(value, (Change, str)):
        raise ArgumentTypeError("changes", value, ["a Change", "a change name (str)"])
    return coerce_term(
        Change, value, aliases=aliases, argument="changes", vocabulary="change", unknown=UnknownChangeError
    )


def coerce_changes(changes: ChangesLike, *, aliases: AliasIndex | None = None) -> frozenset[Change]:
    """One change or any finite iterable of them, as members, their ids or (with
    *aliases*, the policy's ``vocabulary("change")``) their words in either language.
    A string may list several, separated by commas (``"主体名称,网站名称"``)."""
    if changes is None:
        return frozenset()
    if isinstance(changes, Change):
        return frozenset({changes})
    if isinstance(changes, str):
        changes = split_list(changes)
    if isinstance(changes, (bytes, bytearray)) or not isinstance(changes, Iterable):
        raise ArgumentTypeError("changes", changes, ["a change", "an iterable of changes", "None"])
    found: set[Change] = set()
    for count, item in enumerate(_guarded(changes)):
        if count >= _MOST_CHANGE_ITEMS:
            raise InvalidArgumentError(
                "changes", f"<more than {_MOST_CHANGE_ITEMS} items>", [f"at most {_MOST_CHANGE_ITEMS} items"]
            )
        found.add(_coerce_change(item, aliases))
    return frozenset(found)


def _guarded(changes: Iterable[object]) -> Iterator[object]:
    """The items of a caller's iterable; an error its own iteration raises becomes an
    :class:`ArgumentTypeError` naming the argument (the original is its cause)."""
    expected = ["a change", "an iterable of changes", "None"]
    try:
        iterator = iter(changes)
    except Exception as exc:
        raise ArgumentTypeError("changes", changes, expected) from exc
    while True:
        try:
            item = next(iterator)
        except StopIteration:
            return
        except Exception as exc:
            raise ArgumentTypeError("changes", changes, expected) from exc
        yield item


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

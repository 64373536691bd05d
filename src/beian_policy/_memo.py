"""Memoised answers: a question asked twice of one policy is answered once.

Answers are immutable values, so the public question functions keep them, keyed by
their arguments in a canonical, type-exact form. The cache of each policy lives as
long as that policy and no longer (it is dropped when the policy is collected, before
its ``id`` can be reused), so a custom ``policy=`` never sees another policy's answer.
Each function keeps at most :data:`MAX_ANSWERS` answers per policy, the least
recently used dropped first (approximately: see :class:`_Answers`). Calls whose
arguments have no cheap canonical key (long text, big or deep containers, objects of
other types) bypass the cache and are computed as before, and so do calls that raise:
errors are raised again each time, never kept.

The key is made from every argument the call passes, whatever the function's
parameters are, so a parameter added later is part of the key by itself. Nothing but
the arguments and the policy may decide an answer (``as_of=None`` means the data's own
date, never today's), so nothing else is in the key.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import threading
import weakref
from collections.abc import Callable, Hashable
from typing import Any, ParamSpec, TypeVar, cast

import attrs

from ._data import _loader
from ._data._loader import default_policy
from ._model import Province
from ._policy import Policy

__all__ = ["MAX_ANSWERS", "answers_kept", "keyed_by_fields", "memoised"]

_P = ParamSpec("_P")
_R = TypeVar("_R")

#: The most answers one function keeps for one policy.
MAX_ANSWERS = 1024
# Keys are kept small: longer text, bigger or deeper containers bypass the cache.
_MAX_TEXT = 256
_MAX_ITEMS = 32
_MAX_DEPTH = 3
_MAX_INT_BITS = 64
_MISSING: Any = object()


class _Uncacheable(Exception):
    """An argument with no cheap canonical key: the call is computed, not kept."""


# Atoms kept with their type, so that values that compare equal across types (True
# and 1, a Change and its string) never share an answer.
_TAGGED = frozenset({bool, dt.date, dt.datetime})
# The package's own enum types seen so far (only those: their number is fixed).
_OWN_ENUMS: dict[type, bool] = {}


class _StrEnumKinds(dict[type, bool]):
    """Whether a type is one of the package's string enums, whose members hash and
    compare as their text in C (``str.__hash__``, ``str.__eq__``), so that a member
    can stand in a key as itself. Read as ``_STR_ENUMS[kind]``: a pure function of
    the type, remembered (for other types only while few have been seen)."""

    def __missing__(self, kind: type) -> bool:
        hashing: object = getattr(kind, "__hash__", None)
        equality: object = getattr(kind, "__eq__", None)
        known = (
            issubclass(kind, enum.Enum)
            and kind.__module__.startswith("beian_policy.")
            and hashing is str.__hash__
            and equality is str.__eq__
        )
        if known:
            _STR_ENUM_TYPES.add(kind)
        if known or len(self) < 64:
            self[kind] = known
        return known


_STR_ENUMS = _StrEnumKinds()
# The string enums seen so far, for the fast test (a set's ``in``); _STR_ENUMS decides.
_STR_ENUM_TYPES: set[type] = set()


# Frozen records keyed by their fields (registered with keyed_by_fields), each with
# its field names.
_RECORDS: dict[type, tuple[str, ...]] = {}
_T = TypeVar("_T", bound=type)


def keyed_by_fields(cls: _T) -> _T:
    """Class decorator: a frozen attrs record whose fields are plain values (flags,
    text) is an argument the cache can key by those fields."""
    _RECORDS[cls] = tuple(field.name for field in attrs.fields(cls))
    return cls


def _is_own_enum(kind: type) -> bool:
    known = _OWN_ENUMS.get(kind)
    if known is None:
        known = issubclass(kind, enum.Enum) and kind.__module__.startswith("beian_policy.")
        if known:
            _OWN_ENUMS[kind] = True
    return known


def _part(value: Any, depth: int = 0) -> Hashable:
    """*value* as a hashable key of builtins whose hashing and equality run no
    Python code (so a key can never raise or run a caller's ``__eq__``).

    Written for speed on the common arguments (text, lists of text or enum members,
    a Province): plain loops, no closures, the common cases first.
    """
    kind = type(value)
    if kind is str:
        if len(value) > _MAX_TEXT:
            raise _Uncacheable
        return value  # type: ignore[no-any-return]
    if kind is list or kind is tuple:
        if len(value) > _MAX_ITEMS or depth >= _MAX_DEPTH:
            raise _Uncacheable
        parts: list[object] = [kind]
        for item in value:
            item_kind = type(item)
            if item_kind is str and len(item) <= _MAX_TEXT:
                parts.append(item)
            elif item_kind in _OWN_ENUMS:
                parts.append((item_kind, item._value_))
            else:
                parts.append(_part(item, depth + 1))
        return tuple(parts)
    if kind is Province:
        # A Province stands for its code: the policy's own province with that code
        # answers (one built by hand or from another policy included).
        code = value.code
        if type(code) is not str or len(code) > _MAX_TEXT:
            raise _Uncacheable
        return (Province, code)
    if kind in _OWN_ENUMS or _is_own_enum(kind):
        # The enum's own value, not the member: Enum.__hash__ is Python code.
        return (kind, value._value_)
    if value is None:
        return None
    if kind in _TAGGED:
        return (kind, value)
    names = _RECORDS.get(kind)
    if names is not None:
        return (kind, *[_part(getattr(value, name), depth + 1) for name in names])
    if kind is int:
        if value.bit_length() > _MAX_INT_BITS:
            raise _Uncacheable
        return (int, value)
    if kind is set or kind is frozenset:
        if len(value) > _MAX_ITEMS or depth >= _MAX_DEPTH:
            raise _Uncacheable
        return (kind, frozenset([_part(item, depth + 1) for item in value]))
    if kind is dict:
        if len(value) > _MAX_ITEMS or depth >= _MAX_DEPTH:
            raise _Uncacheable
        return (dict, *[(_part(k, depth + 1), _part(v, depth + 1)) for k, v in value.items()])
    raise _Uncacheable


def _argument(value: Any) -> Hashable:
    """The key of one argument: :func:`_part`, with the commonest arguments (text, a
    Province, a list of texts or of one own enum's members) first and cheapest."""
    kind = type(value)
    if kind is str:
        if len(value) <= _MAX_TEXT:
            return value  # type: ignore[no-any-return]
    elif kind is Province:
        code = value.code
        if type(code) is str and len(code) <= _MAX_TEXT:
            return (Province, code)
    elif (kind is list or kind is tuple) and 0 < len(value) <= _MAX_ITEMS:
        # The key _part gives a list of texts; members of one own enum as themselves
        # after their type (their hash and equality are str's, in C; no key _part gives
        # holds a bare type, and no text equals one, so no other list shares the key).
        first = type(value[0])
        if len(value) == 1 or len(set(map(type, value))) == 1:
            if first is str:
                if max(map(len, value)) <= _MAX_TEXT:
                    return (kind, *value)
            elif _STR_ENUMS[first]:
                return (kind, first, *value)
    return _part(value)


class _Answers:
    """One function's answers for one policy: bounded, safe to share between threads.

    Least recently used answers go first, approximated by two generations (the
    trade made by CLOCK-style caches, so a hit is one dict read and takes no lock):
    answers land in ``recent``; when it holds half the limit it becomes ``old`` and
    the previous ``old`` is dropped; a hit in ``old`` moves the answer back to
    ``recent``. The first answer stored for a key is the one every caller gets.
    """

    __slots__ = ("_lock", "misses", "old", "recent")

    def __init__(self) -> None:
        self.recent: dict[Hashable, object] = {}
        self.old: dict[Hashable, object] = {}
        self._lock = threading.Lock()
        self.misses = 0

    def get(self, key: Hashable) -> object:
        """The answer kept for *key* (promoted to ``recent``), else ``_MISSING``."""
        found = self.recent.get(key, _MISSING)
        if found is _MISSING:
            found = self.old.get(key, _MISSING)
            if found is not _MISSING:
                found = self.put(key, found, computed=False)
        return found

    def put(self, key: Hashable, answer: object, *, computed: bool = True) -> object:
        with self._lock:
            self.misses += computed
            kept = self.recent.get(key, _MISSING)
            if kept is _MISSING:
                kept = self.old.get(key, answer)
                if len(self.recent) >= MAX_ANSWERS // 2:
                    self.old, self.recent = self.recent, {}
                self.recent[key] = kept
            return kept

    def size(self) -> int:
        """How many distinct answers are kept."""
        return len(self.recent.keys() | self.old.keys())


class _Function:
    """The answers of one memoised function, per policy, each set dropped when its
    policy is collected (the weakref callback runs before the policy's memory, and
    so its ``id``, is freed)."""

    __slots__ = ("_lock", "by_policy")

    def __init__(self) -> None:
        self.by_policy: dict[int, _Answers] = {}
        self._lock = threading.Lock()

    def answers(self, policy: Policy) -> _Answers:
        with self._lock:
            answers = self.by_policy.get(id(policy))
            if answers is None:
                answers = self.by_policy[id(policy)] = _Answers()
                weakref.finalize(policy, self.by_policy.pop, id(policy), None)
            return answers


_functions: dict[str, _Function] = {}


def answers_kept(function: Callable[..., object], policy: Policy | None = None) -> tuple[int, int]:
    """(answers kept, answers computed) by the memoised *function* for *policy*
    (default: the shipped one), so that tests can see the cache at work without
    timing anything."""
    memo = _functions[getattr(function, "__memo_key__", "")]
    answers = memo.by_policy.get(id(policy if policy is not None else default_policy()))
    return (0, 0) if answers is None else (answers.size(), answers.misses)


def memoised(function: Callable[_P, _R], /) -> Callable[_P, _R]:
    """Keep the answers of *function*, a question taking a keyword ``policy``."""
    name = f"{function.__module__}.{function.__qualname__}"
    memo = _functions.setdefault(name, _Function())
    by_policy = memo.by_policy
    call: Callable[..., Any] = function

    # The shipped policy and its answers once asked (it lives as long as the process):
    # most calls then find their answers without a look-up by id.
    shipped: tuple[object, _Answers] = (_MISSING, _Answers())

    @functools.wraps(function)
    def answer(*args: Any, **kwargs: Any) -> Any:
        nonlocal shipped
        policy = kwargs.pop("policy", None) if kwargs else None
        if policy is None:
            resolved = _loader._default or default_policy()
        elif isinstance(policy, Policy):
            resolved = policy
        else:  # not a policy: the function raises its usual error
            return call(*args, policy=policy, **kwargs)
        try:
            key: Hashable
            if kwargs:
                key = (*map(_argument, args), *[(name, _part(value)) for name, value in kwargs.items()])
            elif len(args) == 1:
                key = args[0]  # one text argument, the commonest call, is keyed by itself
                if type(key) is not str or len(key) > _MAX_TEXT:
                    key = (_argument(key),)
            elif len(args) == 2:
                # A province and its changes, the commonest question: _argument's
                # commonest cases again, inline (a call costs as much as the rest).
                # A Province, keyed (Province, code), is spread into the key: no
                # other argument's key is a bare type, so none can be taken for it.
                first, second = args
                kind = type(second)
                if (kind is list or kind is tuple) and len(second) == 1:
                    item = second[0]
                    item_kind = type(item)
                    if item_kind is str and len(item) <= _MAX_TEXT:
                        tail: Hashable = (kind, item)
                    elif item_kind in _STR_ENUM_TYPES or _STR_ENUMS[item_kind]:
                        tail = (kind, item_kind, item)
                    else:
                        tail = _argument(second)
                else:
                    tail = _argument(second)
                kind = type(first)
                if kind is str and len(first) <= _MAX_TEXT:
                    key = (first, tail)
                elif kind is Province and type(code := first.code) is str and len(code) <= _MAX_TEXT:
                    key = (Province, code, tail)
                else:
                    key = (_argument(first), tail)
            else:
                key = tuple(map(_argument, args))
        except _Uncacheable:
            return call(*args, policy=policy, **kwargs)
        kept = shipped
        if kept[0] is resolved:
            answers = kept[1]
        else:
            answers = by_policy.get(id(resolved)) or memo.answers(resolved)
            if resolved is _loader._default:
                shipped = (resolved, answers)
        found = answers.recent.get(key, _MISSING)
        if found is _MISSING:
            found = answers.get(key)
            if found is _MISSING:
                found = answers.put(key, call(*args, policy=policy, **kwargs))
        return found

    answer.__memo_key__ = name  # type: ignore[attr-defined]
    return cast("Callable[_P, _R]", answer)

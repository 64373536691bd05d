"""What the frozen attrs classes every process creates share, so that creating them
costs a new process less: their ``__repr__``, ``__eq__`` and ``__hash__``, and a
pickled form that loads fast.

attrs writes and compiles the methods of each class when the class is created: about
1.3 ms a class on the benchmark machine, a third of it the ``__repr__`` and a sixth
the ``__eq__`` and ``__hash__``. A new process asking one question creates 26 such
classes (a CLI ``check`` two more), so the classes on that path are declared
``@attrs.frozen(repr=False, eq=False)`` under :func:`record_methods`, which gives
them methods made without compiling, with attrs' semantics (attrs still writes
``__init__``, the slots and the frozen ``__setattr__``). The compiled policy's 2,500
records load through :func:`pickled_as_fields`.
"""

from __future__ import annotations

import copyreg
import operator
import threading
from collections.abc import Callable
from typing import TypeVar

import attrs

__all__ = ["pickled_as_fields", "record_methods"]

_C = TypeVar("_C", bound=type)

# The ids of the records being repr'd on this thread, as attrs keeps them: a record
# met again inside its own repr is shown as "...".
_repring = threading.local()


def _fields_repr(self: object) -> str:
    """``Name(field=value, ...)`` over the fields attrs would show, exactly as attrs'
    own ``__repr__`` writes it."""
    seen: set[int] | None = getattr(_repring, "ids", None)
    if seen is None:
        seen = _repring.ids = set()
    if id(self) in seen:
        return "..."
    seen.add(id(self))
    try:
        cls = self.__class__
        shown = ", ".join(
            f"{a.name}={(a.repr if callable(a.repr) else repr)(getattr(self, a.name))}"
            for a in attrs.fields(cls)  # type: ignore[arg-type]
            if a.repr
        )
        return f"{cls.__qualname__.rsplit('>.', 1)[-1]}({shown})"
    finally:
        seen.discard(id(self))


def _values_of(names: list[str]) -> Callable[[object], tuple[object, ...]]:
    """A getter of the named attributes (in C, by ``attrgetter``), always as a tuple."""
    if len(names) > 1:
        return operator.attrgetter(*names)
    if names:
        one = operator.attrgetter(names[0])  # of one name it gives the value itself
        return lambda record: (one(record),)
    return lambda record: ()


def record_methods(cls: _C) -> _C:
    """Class decorator (above ``@attrs.frozen(repr=False, eq=False)``): the shared
    ``__repr__`` and per-class ``__eq__`` and ``__hash__`` made without compiling
    anything, with attrs' semantics: the repr attrs would write; equal when of the
    same class with equal fields (those attrs compares, ``eq=True``), else
    ``NotImplemented``; a hash over the fields attrs hashes."""
    made_by_attrs = attrs.has(cls)  # (not in the test: it would narrow cls's type)
    own = {"__repr__", "__eq__", "__hash__"} & set(cls.__dict__)
    if not made_by_attrs or own:
        raise TypeError(
            f"{cls.__name__}: declare it @attrs.frozen(repr=False, eq=False) under @record_methods"
        )
    fields = attrs.fields(cls)
    if any(a.eq_key is not None for a in fields):
        raise TypeError(f"{cls.__name__}: a field with eq_key keeps attrs' own __eq__")
    compared = _values_of([a.name for a in fields if a.eq])
    hashed = _values_of([a.name for a in fields if (a.eq if a.hash is None else a.hash)])

    def __eq__(self: object, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return compared(self) == compared(other)

    def __hash__(self: object) -> int:
        return hash(hashed(self))

    setattr(cls, "__repr__", _fields_repr)  # noqa: B010 - methods set on the class they were made for
    setattr(cls, "__eq__", __eq__)  # noqa: B010
    setattr(cls, "__hash__", __hash__)  # noqa: B010
    return cls


def pickled_as_fields(cls: _C) -> _C:
    """Class decorator (above ``@attrs.frozen``): a record pickles as its class and its
    field values, and unpickles by calling the class, so that the compiled policy's
    2,500 records load about three times faster than through attrs' ``__setstate__``
    (which gets a dict of names per record). The record stays frozen and compares
    equal to the one pickled. Only for records whose fields are all positional
    ``__init__`` parameters, checked here."""
    fields = attrs.fields(cls)
    if not fields or any(not field.init or field.kw_only for field in fields):
        raise TypeError(f"{cls.__name__}: every field must be a positional __init__ parameter")
    values = _values_of([field.name for field in fields])

    def __reduce__(self: object) -> tuple[object, ...]:
        if type(self) is not cls:  # a subclass has fields of its own: attrs' own state
            return (copyreg.__newobj__, (type(self),), self.__getstate__())  # type: ignore[attr-defined]
        return (cls, values(self))

    setattr(cls, "__reduce__", __reduce__)  # noqa: B010 - a method set on the class it was made for
    return cls

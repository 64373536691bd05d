"""What the frozen attrs classes every process creates share, so that creating them
costs a new process less: one ``__repr__`` for all, and a pickled form that loads
fast.

attrs writes and compiles the methods of each class when the class is created: about
1.4 ms a class on the benchmark machine, a quarter of it the ``__repr__``. A new
process asking one question creates about 30 such classes, so the classes on that
path are declared ``@attrs.frozen(repr=False)`` under :func:`fields_repr`, which
gives them one shared ``__repr__`` with attrs' output. The compiled policy's 2,500
records load through :func:`pickled_as_fields`.
"""

from __future__ import annotations

import copyreg
import operator
import threading
from collections.abc import Callable
from typing import TypeVar

import attrs

__all__ = ["fields_repr", "pickled_as_fields"]

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


def fields_repr(cls: _C) -> _C:
    """Class decorator (above ``@attrs.frozen(repr=False)``): the shared ``__repr__``,
    which writes what attrs' generated one would, without attrs compiling one for the
    class."""
    made_by_attrs = attrs.has(cls)  # (not in the test: it would narrow cls's type)
    if not made_by_attrs or "__repr__" in cls.__dict__:
        raise TypeError(f"{cls.__name__}: declare it @attrs.frozen(repr=False) under @fields_repr")
    setattr(cls, "__repr__", _fields_repr)  # noqa: B010 - a method set on the class it was made for
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
    getter = operator.attrgetter(*(field.name for field in fields))
    # attrgetter of one name gives the value itself, of several a tuple.
    values: Callable[[object], object] = getter if len(fields) > 1 else lambda record: (getter(record),)

    def __reduce__(self: object) -> tuple[object, ...]:
        if type(self) is not cls:  # a subclass has fields of its own: attrs' own state
            return (copyreg.__newobj__, (type(self),), self.__getstate__())  # type: ignore[attr-defined]
        return (cls, values(self))

    setattr(cls, "__reduce__", __reduce__)  # noqa: B010 - a method set on the class it was made for
    return cls

"""The one problem collector the structuring step and every builder share.

Nothing here raises on bad data: each check adds a :class:`DataProblem` naming the
record and the field, and the loader reports them all together at the end (the
idiom of packaging's ``_ErrorCollector``, passed around instead of subclassed).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

import attrs

from .._enums import Change
from .._model import Provider, Source, Text
from .._text import lookup_key
from ..errors import DataProblem
from ._document import TextDoc

__all__ = ["CHANGE_VALUES", "Context", "copy_fields"]

CHANGE_VALUES = tuple(c.value for c in Change)

_M = TypeVar("_M", bound=attrs.AttrsInstance)


class Context:
    """The problems found so far, and the sources the records may cite.

    ``sources`` is filled by the catalogue builder first; every later ``cite``
    resolves ids against it.
    """

    def __init__(self) -> None:
        self.problems: list[DataProblem] = []
        self.sources: dict[str, Source] = {}
        self.providers: dict[str, Provider] = {}

    def add(self, record: str, field: str, message: str) -> None:
        self.problems.append(DataProblem(record, field, message))

    def cite(self, record: str, field: str, ids: Sequence[str], *, required: bool) -> tuple[Source, ...]:
        """The sources *ids* name, in order; an unknown id, or none where one is
        *required*, is a problem (and the unknown id is left out)."""
        if required and not ids:
            self.add(record, field, "no source given; every stated value needs at least one")
        found = []
        for source_id in ids:
            source = self.sources.get(source_id)
            if source is None:
                self.add(record, field, f"unknown source id {source_id!r}; define it in [[sources]]")
            else:
                found.append(source)
        return tuple(found)

    def changes(self, record: str, field: str, values: Iterable[str]) -> frozenset[Change]:
        """The change kinds *values* name; an unknown one is a problem and left out."""
        result = set()
        for value in values:
            if value in CHANGE_VALUES:
                result.add(Change(value))
            else:
                self.add(
                    record, field, f"unknown change {value!r}; expected one of {', '.join(CHANGE_VALUES)}"
                )
        return frozenset(result)

    def duplicates(self, record: str, field: str, values: Iterable[str], what: str) -> None:
        for value, count in Counter(values).items():
            if count > 1:
                self.add(record, field, f"duplicate {what} {value!r} ({count} times)")

    def texts(self, record: str, field: str, pairs: Iterable[tuple[str, str, str]]) -> None:
        """Each (name, zh, en) needs text in both languages."""
        for name, zh, en in pairs:
            if not zh.strip() or not en.strip():
                self.add(record, f"{field}{name}", "needs both Chinese (zh) and English (en) text")

    def text(self, record: str, field: str, value: TextDoc) -> Text:
        """A text as the model holds it; both languages are needed."""
        self.texts(record, field, [("", value.zh, value.en)])
        return Text(value.zh, value.en)

    def note(self, record: str, field: str, value: TextDoc | None) -> Text | None:
        """An optional note: absent is None, never an empty text."""
        return None if value is None else self.text(record, field, value)

    def unique_names(
        self, section: str, what: str, entries: Iterable[tuple[str, Iterable[str]]]
    ) -> dict[str, str]:
        """Check that every folded name in *entries* (owner id, its names) names one
        owner; return the folded names with their owners."""
        owners: dict[str, str] = {}
        for owner, texts in entries:
            for text in sorted({lookup_key(t) for t in texts}):
                if not text:
                    self.add(f"{section} ({owner})", "aliases", "an alias is empty")
                    continue
                other = owners.setdefault(text, owner)
                if other != owner:
                    self.add(
                        f"{section} ({owner})",
                        "aliases",
                        f"alias {text!r} also names {what} {other}; every alias must name one {what}",
                    )
        return owners


def copy_fields(model: type[_M], record: object, **overrides: Any) -> _M:
    """A *model* instance whose fields are the same-named fields of *record* (a ``*Doc``
    written in the same shape), except those given in *overrides* (ids resolved to
    objects, derived values).

    A field neither on *record* nor overridden, or an override *model* does not have,
    is a programming error, raised at once (the tests load the data on every run).
    """
    names = [field.name for field in attrs.fields(model)]
    unknown = set(overrides) - set(names)
    if unknown:
        raise TypeError(f"{model.__name__} has no field(s) {', '.join(sorted(unknown))}")
    values = {name: overrides[name] if name in overrides else getattr(record, name) for name in names}
    return model(**values)

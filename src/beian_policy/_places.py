"""Places people type instead of a province: prefecture-level cities and their short
forms (广州, 广州市, 深圳), read from ``places.csv`` (GB/T 2260 codes, generated from a
cited package; see the file's header). Read on first use, never at import."""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from ._text import lookup_key

__all__ = ["Place", "find_place"]


@attrs.frozen
class Place:
    """A prefecture-level division: its GB/T 2260 code, name, short form, and the
    two-digit code of the province it belongs to."""

    gb_code: str
    name: str
    short: str
    province_gb_code: str


@functools.cache
def _places() -> Mapping[str, Place]:
    import csv  # on first use, like the file itself
    import io

    # Beside this module (not importlib.resources, whose import costs a new process more).
    with open(os.path.join(os.path.dirname(__file__), "places.csv"), encoding="utf-8") as handle:
        text = handle.read()
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    index: dict[str, Place] = {}
    for row in csv.DictReader(io.StringIO("\n".join(lines))):
        place = Place(row["gb_code"], row["name"], row["short"], row["province_gb_code"])
        for spelling in (place.name, place.short, place.gb_code):
            if spelling:
                index.setdefault(lookup_key(spelling), place)
    return MappingProxyType(index)


def find_place(text: object) -> Place | None:
    """The prefecture-level division *text* names (full name, short form or code)."""
    if not isinstance(text, str) or len(text) > 64:
        return None
    return _places().get(lookup_key(text))

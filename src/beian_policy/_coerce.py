"""Turning what callers pass into canonical values, with the package's own errors.

Forgiving inputs, strict outputs: enum members or their string values, any case,
full-width text and stray spaces are accepted; anything else gets a clear
:class:`InvalidArgumentError` naming the argument and what it accepts.
"""

from __future__ import annotations

from collections.abc import Iterable

from ._enums import Basis
from ._errors import InvalidArgumentError
from ._model import Source, coerce_lang
from ._text import fold

__all__ = ["coerce_flag", "coerce_lang", "combine_basis", "merge_sources", "vocabulary_key"]


def vocabulary_key(text: str) -> str:
    """The form an id of a closed vocabulary is matched in: ``"Subject-Name "`` and
    ``"ｓｕｂｊｅｃｔ＿ｎａｍｅ"`` both become ``"subject_name"``."""
    return fold(text).lower().replace("-", "_").replace(" ", "_")


def coerce_flag(name: str, value: object) -> bool:
    """A yes/no option: only ``True`` or ``False``, since ``"no"`` is truthy."""
    if isinstance(value, bool):
        return value
    raise InvalidArgumentError(name, value, ["True", "False"])


def merge_sources(*groups: Iterable[Source]) -> tuple[Source, ...]:
    """The sources of all *groups*, each once, in first-seen order."""
    seen: dict[str, Source] = {}
    for group in groups:
        for source in group:
            seen.setdefault(source.id, source)
    return tuple(seen.values())


def combine_basis(bases: Iterable[Basis]) -> Basis:
    """The weakest basis among *bases*: any national default makes the whole answer
    rest on a default; otherwise any province rule makes it the province's."""
    found = set(bases)
    if Basis.NATIONAL_DEFAULT in found:
        return Basis.NATIONAL_DEFAULT
    if Basis.PROVINCE in found:
        return Basis.PROVINCE
    return Basis.NATIONAL_RULE

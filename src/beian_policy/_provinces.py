"""Province look-ups in three strengths: ``get`` never raises, ``resolve`` raises with
suggestions, ``search`` ranks close matches."""

from __future__ import annotations

import difflib
from typing import TypeVar, overload

from ._data._loader import resolve_policy
from ._model import Province
from ._policy import Policy
from ._text import fold, lookup_key
from .errors import ArgumentTypeError, InvalidArgumentError, UnknownProvinceError

__all__ = ["get_province", "provinces", "resolve_province", "search_provinces"]

_D = TypeVar("_D")
# Longer than any province's name or alias by far: such text is not a misspelling,
# and fuzzy matching it would only cost time.
_LONGEST_SEARCH = 64


def provinces(*, policy: Policy | None = None) -> tuple[Province, ...]:
    """All 31 provinces, in GB/T 2260 order."""
    return resolve_policy(policy).provinces


def _lookup(text: object, policy: Policy) -> Province | None:
    if isinstance(text, Province):
        # The policy's own object for that code: a Province built by hand, or taken
        # from another policy, is only accepted if this policy knows the province.
        return policy.province_by_code(text.code)
    if not isinstance(text, str):
        return None
    return policy.province_by_alias(text)


def resolve_province(text: Province | str, *, policy: Policy | None = None) -> Province:
    """The province *text* names: an ISO code in any case (``CN-GD``, ``gd``), a GB/T
    2260 code (``440000``, ``44``), a Chinese name with or without suffix, an ICP
    abbreviation (``粤``; ``蜀`` and ``川`` both name 四川) or a pinyin / English name.
    Full-width forms and surrounding spaces are accepted; a Province is returned as is.

    Raises :class:`UnknownProvinceError` (a ``LookupError``) with suggestions, and a
    specific message for 香港, 澳门 and 台湾, where there is no ICP filing.
    """
    pol = resolve_policy(policy)
    found = _lookup(text, pol)
    if found is not None:
        return found
    if isinstance(text, str):
        region = pol.no_icp_region_by_alias(text)
        if region is not None:
            raise UnknownProvinceError(text, no_icp_region=f"{region.name} ({region.name_en})")
        raise UnknownProvinceError(text, _suggest(text, pol))
    raise UnknownProvinceError(text)


@overload
def get_province(text: object, default: None = None, *, policy: Policy | None = None) -> Province | None: ...
@overload
def get_province(text: object, default: _D, *, policy: Policy | None = None) -> Province | _D: ...
def get_province(text: object, default: object = None, *, policy: Policy | None = None) -> object:
    """Like :func:`resolve_province`, but returns *default* instead of raising."""
    found = _lookup(text, resolve_policy(policy))
    return default if found is None else found


def search_provinces(text: str, *, limit: int = 5, policy: Policy | None = None) -> tuple[Province, ...]:
    """Provinces whose names or codes are close to *text*, best first, deterministic."""
    pol = resolve_policy(policy)
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise ArgumentTypeError("limit", limit, ["a whole number (int)"])
    if limit < 0:
        raise InvalidArgumentError("limit", limit, ["a whole number, 0 or more"])
    exact = _lookup(text, pol)
    if exact is not None:
        return (exact,)[:limit]
    key = lookup_key(text) if isinstance(text, str) else ""
    if not key or len(key) > _LONGEST_SEARCH:
        return ()
    scored: dict[str, tuple[float, Province]] = {}
    for alias, province in pol.alias_keys():
        ratio = difflib.SequenceMatcher(None, key, alias).ratio()
        if key in alias:
            ratio = max(ratio, 0.6 + 0.4 * len(key) / len(alias))
        best = scored.get(province.code)
        if best is None or ratio > best[0]:
            scored[province.code] = (ratio, province)
    ranked = sorted(
        (item for item in scored.values() if item[0] >= 0.6),
        key=lambda item: (-item[0], item[1].gb_code),
    )
    return tuple(province for _, province in ranked[:limit])


def _suggest(text: str, policy: Policy) -> tuple[str, ...]:
    return tuple(
        f"{p.short_name} ({p.code}, {p.name_en})"
        for p in search_provinces(fold(text), limit=3, policy=policy)
    )

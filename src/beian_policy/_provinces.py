"""Province look-ups in three strengths: ``get`` never raises, ``resolve`` raises with
suggestions, ``search`` ranks close matches."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TypeVar, overload

from ._data import _loader
from ._data._loader import resolve_policy
from ._memo import memoised
from ._model import Province
from ._policy import Policy
from ._text import fold, is_name_sized, name_key
from .errors import ArgumentTypeError, InvalidArgumentError, UnknownProvinceError

if TYPE_CHECKING:
    from ._places import Place

__all__ = [
    "confusable_provinces",
    "get_province",
    "place_of",
    "provinces",
    "resolve_province",
    "search_provinces",
]

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
    found = policy.province_by_alias(text)
    if found is None:
        from ._places import find_place  # a city's name: the table is read on first use

        place = find_place(text)
        if place is not None:  # a city: its province (None for 台湾's cities)
            found = policy.province_by_alias(place.province_gb_code + "0000")
    return found


def place_of(text: object, *, policy: Policy | None = None) -> Place | None:
    """The prefecture-level city *text* names when it names no province itself
    (广州 -> 广州市 of 广东), so that an answer can say which province it is for."""
    if not isinstance(text, str) or resolve_policy(policy).province_by_alias(text) is not None:
        return None
    from ._places import find_place

    return find_place(text)


def _collapsed(name: str) -> str:
    return re.sub(r"(.)\1", r"\1", name.lower())


@memoised
def confusable_provinces(province: Province | str, *, policy: Policy | None = None) -> tuple[Province, ...]:
    """Other provinces whose romanised name differs from *province*'s only by a doubled
    letter (Shanxi 山西 / Shaanxi 陕西): a romanised input may have meant them."""
    pol = resolve_policy(policy)
    prov = resolve_province(province, policy=pol)
    return tuple(
        other
        for other in pol.provinces
        if other.code != prov.code and _collapsed(other.name_en) == _collapsed(prov.name_en)
    )


def resolve_province(text: Province | str, *, policy: Policy | None = None) -> Province:
    """The province *text* names: an ISO code in any case (``CN-GD``, ``gd``), a GB/T
    2260 code (``440000``, ``44``), a Chinese name with or without suffix, an ICP
    abbreviation (``粤``; ``蜀`` and ``川`` both name 四川) or a pinyin / English name.
    Full-width forms and surrounding spaces are accepted; a Province is returned as is.

    Raises :class:`UnknownProvinceError` (a ``LookupError``) with suggestions, and a
    specific message for 香港, 澳门 and 台湾, where there is no ICP filing.
    """
    # A name exactly as the shipped data writes it: one dict read, no key to build.
    if policy is None and type(text) is str:
        shipped = _loader._default
        if shipped is not None:
            found = shipped._by_exact_text.get(text)  # the policy's own index, read only
            if found is not None:
                return found
    return _resolve_province(text, policy=policy)


@memoised
def _resolve_province(text: Province | str, *, policy: Policy | None = None) -> Province:
    """:func:`resolve_province` for every other input, its answers kept."""
    pol = resolve_policy(policy)
    found = _lookup(text, pol)
    if found is not None:
        return found
    if isinstance(text, str):
        from ._places import find_place

        region = pol.no_icp_region_by_alias(text)
        place = find_place(text)
        if region is None and place is not None:
            region = pol.no_icp_region_by_alias(place.province_gb_code + "0000")
        if region is not None:
            raise UnknownProvinceError(text, no_icp_region=f"{region.name} ({region.name_en})")
        raise UnknownProvinceError(text, _suggest(text, pol))
    raise UnknownProvinceError(text)


# Tests reach the kept answers and the function computing them through these.
resolve_province.__memo_key__ = _resolve_province.__memo_key__  # type: ignore[attr-defined]
resolve_province.__wrapped__ = _resolve_province.__wrapped__  # type: ignore[attr-defined]


@overload
def get_province(text: object, default: None = None, *, policy: Policy | None = None) -> Province | None: ...
@overload
def get_province(text: object, default: _D, *, policy: Policy | None = None) -> Province | _D: ...
def get_province(text: object, default: object = None, *, policy: Policy | None = None) -> object:
    """Like :func:`resolve_province`, but returns *default* instead of raising."""
    found = _lookup(text, resolve_policy(policy))
    return default if found is None else found


@memoised
def search_provinces(text: str, *, limit: int = 5, policy: Policy | None = None) -> tuple[Province, ...]:
    """Provinces whose names or codes are close to *text*, best first, deterministic."""
    import difflib  # only for inexact text: most processes never need it

    pol = resolve_policy(policy)
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise ArgumentTypeError("limit", limit, ["a whole number (int)"])
    if limit < 0:
        raise InvalidArgumentError("limit", limit, ["a whole number, 0 or more"])
    exact = _lookup(text, pol)
    if exact is not None:
        # A romanisation one letter from another province's names both (Shanxi 山西 first,
        # then Shaanxi 陕西); Chinese input is never ambiguous that way.
        others = confusable_provinces(exact, policy=pol) if isinstance(text, str) and text.isascii() else ()
        return (exact, *others)[:limit]
    key = (name_key(text) or "") if isinstance(text, str) else ""
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


# The start of an ICP number pasted as a province: 粤ICP, 京ICP备, 沪B2 (compiled by
# re's own cache on the first unknown province, not by every process).
_ICP_FRAGMENT = r"^\s*(\S)\s*(ICP|B2|备|证)"


def _suggest(text: str, policy: Policy) -> tuple[str, ...]:
    if not is_name_sized(text):  # no name is that long: nothing is near it
        return ()
    folded = fold(text)
    found = list(search_provinces(folded, limit=3, policy=policy))
    fragment = re.match(_ICP_FRAGMENT, folded, re.IGNORECASE)
    if fragment is not None:
        by_abbreviation = policy.province_by_abbreviation(fragment.group(1))
        if by_abbreviation is not None:
            found.insert(0, by_abbreviation)
    return tuple(dict.fromkeys(f"{p.short_name} ({p.code}, {p.name_en})" for p in found))[:3]

"""Hypothesis strategy for ICP numbers, as users paste them or as the MIIT prints them.

Sound by construction: every string drawn parses with :func:`parse_icp_number` (under
the policy the provinces came from) to the number it was rendered from. Data loads
at draw time, never when the strategy is built.
"""

from __future__ import annotations

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ._data._loader import resolve_policy
from ._icp import (
    LICENCE_CLASSES,
    MAX_SITE,
    SERIAL_LENGTHS,
    TRADITIONAL_FORMS,
    IcpKind,
    IcpNumber,
    IcpService,
)
from ._model import Province
from ._policy import Policy

__all__ = ["icp_numbers"]


def icp_numbers(
    *,
    provinces: st.SearchStrategy[Province] | None = None,
    messy: bool = False,
    policy: Policy | None = None,
) -> st.SearchStrategy[str]:
    """Valid ICP number strings: canonical (``京ICP备12345678号-2``), or with
    ``messy=True`` renderings people paste (full-width characters, traditional 備/號,
    spaces and zero-width characters inside, a label such as ``ICP备案号：`` around it,
    a colon after ``ICP备``, ``ICP备案`` for ``ICP备``, the sequence before 号, 川 for
    蜀...). Every family is drawn: ``ICP备`` (8 or 10 digits), ``ICP证``, and telecom
    licences from a province, from the ministry (``B2-…``) and foreign-invested
    (``合字B2-…``), with one or more business classes (``A2.B1.B2-…``), with or without
    a sequence and A/X suffix.

    *provinces*, a strategy of :class:`Province`, limits the provinces, and then no
    licence issued by the ministry is drawn; by default all provinces of *policy* (the
    shipped data when None) and the ministry. Invalid arguments raise
    :class:`hypothesis.errors.InvalidArgument` when the strategy is first used.
    """

    def build() -> st.SearchStrategy[str]:
        if provinces is not None and not isinstance(provinces, st.SearchStrategy):
            raise InvalidArgument(f"provinces={provinces!r} must be a strategy of Province objects or None")
        if not isinstance(messy, bool):
            raise InvalidArgument(f"messy={messy!r} must be a bool")
        if policy is not None and not isinstance(policy, Policy):
            raise InvalidArgument(f"policy={policy!r} must be a Policy or None")
        numbers = _icp_number_values(provinces, policy)
        if messy:
            return numbers.flatmap(_messy_renderings)
        return numbers.map(str)

    return st.deferred(build)


def _all_provinces(policy: Policy | None) -> st.SearchStrategy[Province]:
    # Built on first draw, so that the data loads then and not before.
    return st.deferred(lambda: st.sampled_from(resolve_policy(policy).provinces))


@st.composite
def _icp_number_values(
    draw: st.DrawFn,
    provinces: st.SearchStrategy[Province] | None,
    policy: Policy | None,
) -> IcpNumber:
    """IcpNumber values (the strategy behind :func:`icp_numbers`)."""
    province = draw(provinces if provinces is not None else _all_provinces(policy))
    if not isinstance(province, Province):
        raise InvalidArgument(f"provinces drew {province!r}, which is not a Province")
    kind = draw(st.sampled_from(IcpKind))
    length = draw(st.sampled_from(SERIAL_LENGTHS[kind]))
    serial = draw(st.text("0123456789", min_size=length, max_size=length))
    site = draw(st.none() | st.integers(1, 20) | st.integers(1, MAX_SITE))
    service = draw(st.none() | st.sampled_from(IcpService)) if site is not None else None
    abbreviation = draw(st.sampled_from((province.icp_abbreviation, *province.alternative_abbreviations)))
    if kind is not IcpKind.B2:
        return IcpNumber(province, kind, serial, site=site, service=service, abbreviation=abbreviation)
    classes = draw(
        st.just(("B2",))
        | st.lists(st.sampled_from(LICENCE_CLASSES), min_size=1, unique=True).filter(
            lambda c: "B1" in c or "B2" in c
        )
    )
    foreign = draw(st.booleans())
    issuer: Province | None = province
    if provinces is None and draw(st.booleans()):  # issued by the ministry
        issuer, abbreviation = None, ""
    return IcpNumber(
        issuer,
        kind,
        serial,
        site=site,
        service=service,
        classes=classes,
        foreign_invested=foreign,
        abbreviation=abbreviation,
    )


_TO_TRADITIONAL = {simplified: trad for trad, simplified in TRADITIONAL_FORMS.items()}
_INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad")
_SPACES = (" ", "  ", "\u3000", "\u00a0", "\t")
_DASHES = ("-", "\uff0d", "\u2014", "\u2013", "\u2212", "\u2010", "\ufe63")
_LABELS = ("", "ICP备案号：", "备案号: ", "ICP证：", "网站备案：", "Copyright © 2024 某公司 ")
_GAP = "\x00"
_TRAILERS = ("", " | 京公网安备11010802012345号", " 版权所有", "\n", "。")


def _full_width(char: str) -> str:
    """The full-width form of an ASCII letter, digit or '-'."""
    return chr(ord(char) + 0xFEE0) if "!" <= char <= "~" else char


@st.composite
def _messy_renderings(draw: st.DrawFn, number: IcpNumber) -> str:
    """A rendering of *number* as found in footers and forms; parses back to it."""

    def chars(text: str) -> str:
        """*text* with each ASCII character possibly full-width."""
        wide = draw(st.sampled_from(("none", "all", "some")))
        if wide == "none":
            return text
        if wide == "all":
            return "".join(map(_full_width, text))
        flags = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
        return "".join(_full_width(c) if f else c for c, f in zip(text, flags, strict=True))

    def han(char: str) -> str:
        if char in _TO_TRADITIONAL and draw(st.booleans()):
            return _TO_TRADITIONAL[char]
        return char

    def dash() -> str:
        return draw(st.sampled_from(_DASHES))

    abbr = ""
    if number.province is not None:
        abbreviation = draw(
            st.sampled_from((number.province.icp_abbreviation, *number.province.alternative_abbreviations))
        )
        abbr = han(abbreviation)
        if draw(st.integers(0, 9)) == 0:
            abbr = f"&#{ord(abbr)};"

    site = ""
    if number.site is not None:
        suffix = number.service.value if number.service is not None else ""
        if suffix and draw(st.booleans()):
            suffix = suffix.lower()
        site = dash() + _GAP + chars(str(number.site)) + chars(suffix)

    # Spaces may go between the parts, and where _GAP marks a place inside a part.
    parts: list[str] = [abbr]
    if number.kind is IcpKind.B2:
        if draw(st.integers(0, 4)) == 0:  # 京ICP证B2-…, ICP证合字B2-…
            parts.append(chars("ICP") + han("证"))
        if number.foreign_invested:
            parts.append("合字")
        letters = ".".join(number.classes)
        if draw(st.integers(0, 4)) == 0:
            letters = letters.lower()
        parts.append(chars(letters))
        parts.append(dash() if draw(st.integers(0, 4)) else "")
        parts.append(chars(number.serial))
        if site:
            parts.append(site)
    else:
        icp = "icp" if draw(st.integers(0, 4)) == 0 else "ICP"
        if draw(st.integers(0, 9)) == 0:
            icp = _GAP.join(icp)
        parts.append(chars(icp))
        label = han("备" if number.kind is IcpKind.FILING else "证")
        if label == "备" and draw(st.integers(0, 9)) == 0:
            label += "案"
        parts.append(label)
        parts.append(draw(st.sampled_from(("", "", "", ":", "：", "-", " "))))
        parts.append(chars(number.serial))
        hao = han("号")
        where = draw(st.sampled_from(("after", "before", "missing")))
        if where == "missing":
            parts.extend([site] if site else [])
        elif where == "before":
            parts.extend([site, hao] if site else [hao])
        else:
            parts.extend([hao, site] if site else [hao])

    pieces: list[str] = []
    for part in parts:
        if pieces and draw(st.integers(0, 3)) == 0:
            pieces.append(draw(st.sampled_from(_SPACES)))
        pieces.append(part)
    core = "".join(
        (draw(st.sampled_from(_SPACES)) if draw(st.booleans()) else "") if c == _GAP else c
        for c in "".join(pieces)
    )

    # Zero-width characters may go anywhere, even inside the digits.
    if draw(st.booleans()):
        positions = draw(st.lists(st.integers(0, len(core)), max_size=3))
        for pos in sorted(positions, reverse=True):
            core = core[:pos] + draw(st.sampled_from(_INVISIBLE)) + core[pos:]

    label = draw(st.sampled_from(_LABELS))
    trailer = draw(st.sampled_from(_TRAILERS))
    if draw(st.integers(0, 9)) == 0:
        core = f'<a href="https://beian.miit.gov.cn/" target="_blank">{core}</a>'
    return label + core + trailer

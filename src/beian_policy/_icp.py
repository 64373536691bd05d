"""ICP filing and licence numbers: parse what people paste, print the canonical form.

The numbers shown in website footers come in these families:

* ``京ICP备12345678号-2``: a non-commercial filing (``ICP备``), serial of 8 or 10 digits;
* ``京ICP证030173号-102``: a commercial ICP licence (``ICP证``), serial of 6 digits;
* value-added telecom licences, serial of 8 digits, written as issued: by a province
  (``粤B2-20090059-5``), by the ministry for business across provinces, with no
  province (``B2-20080207``), by the ministry to a foreign-invested company
  (``合字B2-20170010``), and for several business classes at once
  (``A2.B1.B2-20090003``, ``皖B1.B2-20070020-13``).

``-N`` is the Nth website, app or mini-program of the subject; an ``A`` (app) or
``X`` (mini-program) after it marks the service type.

No syntax is published by the MIIT; the rules here follow the numbers seen in MIIT
records and footers (see ``docs/icp-numbers.md``). The parser is deliberately strict
about digit counts, because a number that does not match them is a typo or a fake in
every case seen, while it is forgiving about how the number is rendered.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from urllib.parse import unquote

import attrs

from ._data._loader import resolve_policy
from ._enums import _StrEnum
from ._icp_html import decode_u_escapes, looks_like_html, text_pieces
from ._memo import memoised
from ._model import Province, Text
from ._policy import Policy
from ._text import fold, strip_invisible, without_expanders
from .errors import (
    ArgumentTypeError,
    InvalidArgumentError,
    InvalidIcpNumberError,
    TextTooLongError,
    UnknownNameError,
)

__all__ = [
    "LICENCE_CLASSES",
    "MAX_TEXT_LENGTH",
    "IcpAuthority",
    "IcpFamily",
    "IcpKind",
    "IcpNumber",
    "IcpService",
    "find_icp_numbers",
    "format_icp_number",
    "is_valid_icp_number",
    "parse_icp_number",
]


class IcpKind(_StrEnum):
    """The family of an ICP number; the values are public API.

    ``filing`` is the non-commercial filing (``ICP备``), ``licence`` the commercial
    ICP licence (``ICP证``) and ``b2`` the value-added telecom licence (``B2-``,
    ``B1.B2-``, ``合字B2-``...), which also serves as the subject number of websites.
    :attr:`IcpNumber.family` tells the licences apart by who issued them.
    """

    FILING = "filing"
    LICENCE = "licence"
    B2 = "b2"


class IcpFamily(_StrEnum):
    """How a number was issued; the values are public API.

    A provincial licence (``粤B2-…``) comes from a province's communications
    administration; a cross-regional one (``B2-…``, no province) and a foreign-invested
    one (``合字B2-…``) from the ministry (MIIT), unless a province is written before
    ``合字``.
    """

    FILING = "filing"
    ICP_LICENCE = "icp_licence"
    PROVINCIAL_LICENCE = "provincial_licence"
    CROSS_REGIONAL_LICENCE = "cross_regional_licence"
    FOREIGN_INVESTED_LICENCE = "foreign_invested_licence"


class IcpAuthority(_StrEnum):
    """Who issued a number: a province (see :attr:`IcpNumber.province`) or the ministry."""

    PROVINCE = "province"
    MINISTRY = "ministry"


class IcpService(_StrEnum):
    """The suffix after the sequence: the value is the letter written in the number.

    The suffixes are observed widely in MIIT records; no official definition exists.
    """

    APP = "A"
    MINI_PROGRAM = "X"


# Serial lengths seen in real MIIT records. 备 moved from 8 digits (YY + 6) to 10
# (YYYY + 6) around 2019-2020, not at the same time in every province, so both are
# valid everywhere. Other lengths (9, 11...) appear only in typos and fakes.
SERIAL_LENGTHS: dict[IcpKind, tuple[int, ...]] = {
    IcpKind.FILING: (8, 10),
    IcpKind.LICENCE: (6,),
    IcpKind.B2: (8,),
}
# Website sequences of 1 to 4 digits are seen (-1 ... -2674).
MAX_SITE = 9999

_FAMILY_TEXT = {IcpKind.FILING: "ICP备", IcpKind.LICENCE: "ICP证", IcpKind.B2: "B2"}
# Business classes of the telecom business catalogue a licence number can list, in the
# order they are written: A1/A2 basic, B1/B2 value-added services.
LICENCE_CLASSES: tuple[str, ...] = ("A1", "A2", "B1", "B2")
# Longest text read (characters): about 10 times the largest home pages seen.
MAX_TEXT_LENGTH = 50_000_000


def _to_kind(value: IcpKind | str) -> IcpKind:
    if not isinstance(value, str):
        raise ArgumentTypeError("kind", value, ["an IcpKind", "its value (str)"])
    try:
        # str.__str__ reads a str subclass's characters without its own methods.
        return IcpKind(str.__str__(value))
    except ValueError:
        raise UnknownNameError("ICP number kind", value, [k.value for k in IcpKind]) from None


def _to_service(value: IcpService | str | None) -> IcpService | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ArgumentTypeError("service", value, ["an IcpService", "A", "X", "None"])
    try:
        return IcpService(str.upper(value))
    except ValueError:
        raise UnknownNameError("ICP service", value, ["A", "X"]) from None


def _to_classes(value: Iterable[str]) -> tuple[str, ...]:
    """The business classes in catalogue order; a string is one class or a dotted list."""
    if isinstance(value, str):
        value = value.split(".")
    # Only a collection of strings: anything else is not read (an iterator may be
    # endless, an object's __iter__ or __str__ may fail).
    if not isinstance(value, (list, tuple, set, frozenset)) or not all(isinstance(v, str) for v in value):
        raise InvalidArgumentError("classes", value, ["an iterable of A1, A2, B1, B2"])
    items = [v.upper() for v in value]
    unknown = [v for v in items if v not in LICENCE_CLASSES]
    if unknown or len(set(items)) != len(items):
        raise InvalidArgumentError("classes", value, ["distinct classes among A1, A2, B1, B2"])
    return tuple(c for c in LICENCE_CLASSES if c in items)


def _none_if_empty(value: object) -> object:
    """No abbreviation is None, the one empty value the package writes."""
    return None if type(value) is str and value == "" else value  # never compare a caller's object


def _check_site(site: object) -> int | None:
    if site is None:
        return None
    if isinstance(site, bool) or not isinstance(site, int):
        raise ArgumentTypeError("site", site, ["an int", "None"])
    if not 1 <= site <= MAX_SITE:
        raise InvalidArgumentError("site", site, [f"an int from 1 to {MAX_SITE}", "None"])
    return site


def _serial_problem(kind: IcpKind, serial: str) -> Text | None:
    """Why *serial* cannot be the serial of a *kind* number, or None."""
    lengths = SERIAL_LENGTHS[kind]
    if len(serial) in lengths:
        return None
    shown = serial if len(serial) <= 16 else serial[:12] + "…"
    family = _FAMILY_TEXT[kind]
    return Text(
        f"序号 {shown} 有 {len(serial)} 位数字，而 {family} 的序号应为 "
        f"{' 或 '.join(map(str, lengths))} 位数字",
        f"the serial {shown} has {len(serial)} digits, but {family} serials "
        f"have {' or '.join(map(str, lengths))} digits",
    )


@attrs.frozen(eq=False, repr=False)
class IcpNumber:
    """One ICP number, parsed: build one with :func:`parse_icp_number`.

    ``serial`` keeps the digits as written (leading zeros matter: ``030173``).
    ``site`` is the website (or app, mini-program) sequence; None for a subject number.
    ``province`` is the issuing province, None for a licence the ministry issued
    (``B2-…``, ``合字B2-…``). ``classes`` are the business classes a telecom licence
    lists (``("A2", "B1", "B2")``), empty for the ``ICP备``/``ICP证`` families;
    ``foreign_invested`` marks a ``合字`` licence.
    ``abbreviation`` is the abbreviation as written (川 or 蜀), None for the ministry's
    (``""`` is read as None); ``str()`` always uses the
    province's canonical ICP abbreviation, because that is what the MIIT issues.

    Two numbers are equal when they name the same thing: same province (by code),
    family, classes, serial, sequence and service. The abbreviation as written is
    provenance, not identity, so ``川ICP备…`` equals ``蜀ICP备…``.
    """

    province: Province | None = attrs.field()
    kind: IcpKind = attrs.field(converter=_to_kind)
    serial: str = attrs.field()
    site: int | None = attrs.field(default=None, kw_only=True, converter=_check_site)
    service: IcpService | None = attrs.field(default=None, kw_only=True, converter=_to_service)
    classes: tuple[str, ...] = attrs.field(kw_only=True, converter=_to_classes)
    foreign_invested: bool = attrs.field(default=False, kw_only=True)
    abbreviation: str | None = attrs.field(kw_only=True, converter=_none_if_empty)

    @classes.default
    def _classes_default(self) -> tuple[str, ...]:
        return ("B2",) if self.kind is IcpKind.B2 else ()

    @abbreviation.default
    def _abbreviation_default(self) -> str | None:
        # getattr: the province validator, which runs later, reports a wrong type.
        return getattr(self.province, "icp_abbreviation", None)

    @province.validator
    def _check_province(self, _: object, value: object) -> None:
        if value is None and self.kind is IcpKind.B2:
            return
        valid = ["a Province (see beian_policy.provinces())"]
        if self.kind is IcpKind.B2:
            valid.append("None for a licence the ministry issued")
        if value is None:  # only telecom licences can be the ministry's
            raise InvalidArgumentError("province", value, valid)
        if not isinstance(value, Province):
            raise ArgumentTypeError("province", value, valid)

    @serial.validator
    def _check_serial(self, _: object, value: object) -> None:
        if not isinstance(value, str):
            raise ArgumentTypeError("serial", value, ["a string of ASCII digits"])
        if not re.fullmatch(r"[0-9]+", value):
            raise InvalidArgumentError("serial", value, ["a string of ASCII digits"])
        if _serial_problem(self.kind, value) is not None:
            lengths = " or ".join(map(str, SERIAL_LENGTHS[self.kind]))
            raise InvalidArgumentError("serial", value, [f"{lengths} digits for {self.kind}"])

    @classes.validator
    def _check_classes(self, _: object, value: tuple[str, ...]) -> None:
        if self.kind is not IcpKind.B2 and value:
            raise InvalidArgumentError("classes", value, [f"() for {self.kind}"])
        if self.kind is IcpKind.B2 and not {"B1", "B2"} & set(value):
            raise InvalidArgumentError("classes", value, ["classes including B1 or B2"])

    @foreign_invested.validator
    def _check_foreign_invested(self, _: object, value: object) -> None:
        if not isinstance(value, bool):
            raise InvalidArgumentError("foreign_invested", value, ["True", "False"])
        if value and self.kind is not IcpKind.B2:
            raise InvalidArgumentError("foreign_invested", value, [f"False for {self.kind}"])

    @abbreviation.validator
    def _check_abbreviation(self, _: object, value: object) -> None:
        if value is not None and not isinstance(value, str):
            raise ArgumentTypeError("abbreviation", value, ["str", "None"])
        if self.province is None:
            if value is not None:
                raise InvalidArgumentError("abbreviation", value, ["None for a licence the ministry issued"])
            return
        allowed = (self.province.icp_abbreviation, *self.province.alternative_abbreviations)
        if value is None or str.__str__(value) not in allowed:
            raise InvalidArgumentError("abbreviation", value, allowed)

    def __attrs_post_init__(self) -> None:
        if self.service is not None and self.site is None:
            raise InvalidArgumentError(
                "service", self.service, ["None when there is no site (the suffix follows -N)"]
            )

    # -- identity ----------------------------------------------------------------
    def _key(self) -> tuple[object, ...]:
        code = self.province.code if self.province is not None else None
        return (code, self.kind, self.classes, self.foreign_invested, self.serial, self.site, self.service)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, IcpNumber):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __str__(self) -> str:
        return self.canonical

    def __repr__(self) -> str:
        extra = f", abbreviation={self.abbreviation!r}" if self.alternative_abbreviation else ""
        return f"IcpNumber({self.canonical!r}{extra})"

    # -- views --------------------------------------------------------------------
    @property
    def canonical(self) -> str:
        """The number as the MIIT writes it: ``京ICP备12345678号-2``, ``粤B2-20090059-5``,
        ``合字B2-20170010``."""
        suffix = ""
        if self.site is not None:
            suffix = f"-{self.site}{self.service.value if self.service else ''}"
        return self.subject_number + suffix

    @property
    def subject_number(self) -> str:
        """The subject's number, without the website sequence (what the password
        recovery and transfer forms ask for): ``京ICP备12345678号``."""
        abbr = self.province.icp_abbreviation if self.province is not None else ""
        if self.kind is IcpKind.B2:
            foreign = "合字" if self.foreign_invested else ""
            return f"{abbr}{foreign}{'.'.join(self.classes)}-{self.serial}"
        return f"{abbr}{_FAMILY_TEXT[self.kind]}{self.serial}号"

    @property
    def family(self) -> IcpFamily:
        """How the number was issued: a filing, an ICP licence, or a telecom licence
        from a province, from the ministry across provinces, or to a foreign-invested
        company."""
        if self.kind is IcpKind.FILING:
            return IcpFamily.FILING
        if self.kind is IcpKind.LICENCE:
            return IcpFamily.ICP_LICENCE
        if self.foreign_invested:
            return IcpFamily.FOREIGN_INVESTED_LICENCE
        if self.province is None:
            return IcpFamily.CROSS_REGIONAL_LICENCE
        return IcpFamily.PROVINCIAL_LICENCE

    @property
    def authority(self) -> IcpAuthority:
        """Who issued the number: the province in :attr:`province`, or the ministry."""
        return IcpAuthority.MINISTRY if self.province is None else IcpAuthority.PROVINCE

    @property
    def subject(self) -> IcpNumber:
        """This number without its website sequence and service suffix."""
        return attrs.evolve(self, site=None, service=None)

    @property
    def is_subject(self) -> bool:
        """True for a subject number (no ``-N``)."""
        return self.site is None

    @property
    def alternative_abbreviation(self) -> bool:
        """True when written with an alternative abbreviation (川, 贵, 云, 秦, 甘 instead
        of 蜀, 黔, 滇, 陕, 陇): such numbers are probably mistyped or fake."""
        return self.province is not None and self.abbreviation != self.province.icp_abbreviation

    def website(self, site: int, *, service: IcpService | str | None = None) -> IcpNumber:
        """The number of website *site* (1-9999) of this subject; with *service* ``A``
        or ``X``, of that app or mini-program. Raises :class:`InvalidArgumentError`."""
        return attrs.evolve(self, site=site, service=service)


# ---------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------

# Traditional forms of the fixed characters and of the abbreviations; NFKC leaves
# them alone, but people paste numbers from traditional-script pages.
TRADITIONAL_FORMS: dict[str, str] = {
    "備": "备",
    "號": "号",
    "證": "证",
    "証": "证",
    "滬": "沪",
    "遼": "辽",
    "閩": "闽",
    "魯": "鲁",
    "粵": "粤",
    "瓊": "琼",
    "隴": "陇",
    "寧": "宁",
    "蘇": "苏",
    "贛": "赣",
    "陝": "陕",
    "雲": "云",
    "貴": "贵",
    "晉": "晋",
    "臺": "台",
}
_TRADITIONAL = str.maketrans(TRADITIONAL_FORMS)
_ANY_TRADITIONAL = re.compile(f"[{''.join(TRADITIONAL_FORMS)}]")


def _normalise(text: str) -> str:
    """Fold widths, dashes, invisible characters and traditional characters."""
    text = fold(text)
    # A search is much cheaper than a translation, and most pieces have nothing to map.
    return text.translate(_TRADITIONAL) if _ANY_TRADITIONAL.search(text) else text


# A digit, or a character that NFKC folds into one (¹, ①, ⑴, ⒈, ㉑...): a piece
# without one holds no number, and skipping it keeps large pages fast.
_MAY_HOLD_DIGIT = re.compile(
    "[\\d\u00b2\u00b3\u00b9\u00bc-\u00be\u2070-\u2079\u2080-\u2089\u2150-\u2189"
    "\u2460-\u24ff\u2776-\u2793\u3220-\u3229\u3248-\u325f\u3280-\u3289\u32b1-\u32cb\u3300-\u33ff"
    "\U0001f100-\U0001f10c]"
)


_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")


def _pieces(text: str, *, with_digits_only: bool) -> list[str]:
    """The normalised pieces of *text* that a number cannot span: the text itself, or
    for HTML the text of each block and each attribute that holds numbers. With
    *with_digits_only*, HTML pieces that cannot hold a number are left out (fast);
    without, they stay for the diagnosis of a text with no number."""
    # First, so that a zero-width space cannot split an entity, and no character NFKC
    # expands more than threefold makes the folded text long (U+FDFA is 18 characters).
    text = without_expanders(strip_invisible(text))
    if looks_like_html(text):
        pieces = text_pieces(text)
        if with_digits_only:
            pieces = [p for p in pieces if _MAY_HOLD_DIGIT.search(p)]
        return [n for n in map(_normalise, pieces) if n]
    if "&" in text:
        text = html.unescape(text)
    if _PERCENT_ESCAPE.search(text):  # a URL's query or path, as pasted
        text = unquote(text)
    plain = _normalise(decode_u_escapes(text))
    return [plain] if plain else []


def _is_han(char: str) -> bool:
    code = ord(char)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF


# ---------------------------------------------------------------------------
# Scanning
# ---------------------------------------------------------------------------

# "ICP备" / "ICP证" / "ICP备案" then the serial, with colons, dashes or spaces between
# (粤ICP备：16028473号, 皖ICP备-2025092209号); or the business classes of a telecom
# licence (B2, B1.B2, A2.B1.B2; not inside a longer word) then the serial.
_ANCHOR = re.compile(
    r"[Ii]\s*[Cc]\s*[Pp]\s*(?:(?P<filing>备)(?:\s*案)?|(?P<licence>证))[\s:\-]*(?=[0-9])"
    r"|(?<![A-Za-z0-9.])(?P<classes>[AaBb][12](?:[.·、][AaBb][12])*)[\s:\-]*(?=[0-9])"
)
_DIGITS = re.compile(r"\s*([0-9]+)")
_SITE = re.compile(r"\s*-\s*([0-9]+)([A-Za-z](?![A-Za-z0-9]))?")
_HAO = re.compile(r"\s*号")
_ALNUM = re.compile(r"[A-Za-z0-9]")
# An English word glued to the end (Copyright, All, by), not a suffix such as AB or AX.
_WORD = re.compile(r"[A-Za-z][a-z]")


_NO_REASON = Text("", "")


@attrs.frozen
class _Candidate:
    """One place in the text that looks like an ICP number, with its verdict."""

    number: IcpNumber | None
    reason: Text = _NO_REASON
    looks_like: Text | None = None


def _site_problem(digits: str, letter: str | None) -> Text | None:
    shown = digits if len(digits) <= 8 else digits[:6] + "…"
    if digits.startswith("0"):
        return Text(
            f"网站序号 -{shown} 以 0 开头；网站序号从 -1 开始",
            f"the website sequence -{shown} starts with 0; sequences start at -1",
        )
    if len(digits) > len(str(MAX_SITE)):
        return Text(
            f"网站序号 -{shown} 有 {len(digits)} 位数字；网站序号最多 4 位",
            f"the website sequence -{shown} has {len(digits)} digits; at most 4 are used",
        )
    if letter is not None and letter.upper() not in ("A", "X"):
        return Text(
            f"-{shown} 后的后缀 {letter!r} 无法识别：只有 A（应用）和 X（小程序）两种后缀",
            f"unknown suffix {letter!r} after -{shown}: only A (app) and X (mini-program) are used",
        )
    return None


def _abbreviation_at(s: str, start: int, kind: IcpKind, policy: Policy) -> _Candidate | tuple[Province, str]:
    """The province and abbreviation before the anchor at *start*, or an error saying
    what is there instead."""
    family = _FAMILY_TEXT[kind]
    idx = start - 1
    while idx >= 0 and s[idx].isspace():
        idx -= 1
    char = s[idx] if idx >= 0 else ""
    if not char or not _is_han(char):
        return _Candidate(
            None,
            Text(
                f"{family} 前没有省份简称；号码以省份简称开头，如 京{family}…",
                f"no province abbreviation before {family}; a number starts with one, as in 京{family}…",
            ),
        )
    province = policy.province_by_abbreviation(char)
    if province is not None:
        return province, char
    before = s[idx - 1] if idx >= 1 else ""
    if char in "备证" and s[max(0, idx - 3) : idx].upper() == "ICP":
        return _Candidate(
            None,
            Text(
                f"'ICP{char}' 写了两次；只写一次，如 京ICP备12345678号",
                f"'ICP{char}' is written twice; write it once, as in 京ICP备12345678号",
            ),
        )
    if before and policy.province_by_abbreviation(before) is not None:
        return _Candidate(
            None,
            Text(
                f"'{before}{char}' 不是省份简称：工信部的号码只以省份简称开头（{before}{family}…）",
                f"'{before}{char}' is not a province abbreviation: MIIT numbers start with the "
                f"province alone ({before}{family}…)",
            ),
            looks_like=Text(
                f"校园或行业的备案号（{before}{char}{family}…），而不是工信部的号码",
                f"a campus or sector filing ({before}{char}{family}…), not an MIIT number",
            ),
        )
    region = policy.no_icp_region_by_alias(char)
    if region is not None:
        return _Candidate(
            None,
            Text(
                f"{char} 指{region.name}，那里没有 ICP 备案：ICP 号码只属于内地 31 个省（自治区、直辖市）",
                f"{char} is {region.name} ({region.name_en}), which has no ICP filing: "
                "ICP numbers exist only for the 31 mainland provinces",
            ),
            looks_like=_claiming(region.name, region.name_en),
        )
    if char == "闵":
        return _Candidate(
            None,
            Text(
                f"闵 不是省份简称；福建的简称是 闽（闽{family}…）",
                f"闵 is not a province abbreviation; Fujian's is 闽 (闽{family}…)",
            ),
            looks_like=_MISTYPED_FUJIAN,
        )
    if char == "萌":
        return _Candidate(
            None,
            Text(
                f"萌 不是省份简称；工信部的号码以省份简称开头，如 京{family}…",
                f"萌 is not a province abbreviation; MIIT numbers start with one, as in 京{family}…",
            ),
            looks_like=Text(
                "恶搞备案网站 icp.gov.moe 的“萌备”号码",
                "a number from the parody registry icp.gov.moe",
            ),
        )
    return _Candidate(
        None,
        Text(
            f"{family} 前的 {char!r} 不是省份的 ICP 简称（京、沪、粤、蜀…）",
            f"{char!r} is not a province ICP abbreviation (京, 沪, 粤, 蜀…) in front of {family}",
        ),
    )


_MISTYPED_FUJIAN = Text("把 闽 误写成 闵 的福建号码", "a mistyped Fujian (闽) number")


def _claiming(name: str, name_en: str) -> Text:
    """What a number claiming a region with no ICP filing looks like."""
    return Text(
        f"声称来自{name}的号码，但那里没有 ICP 备案",
        f"a number claiming {name_en}, where there is no ICP filing",
    )


def _licence_issuer(s: str, start: int, policy: Policy) -> _Candidate | tuple[Province | None, str, bool]:
    """Who issued the telecom licence whose classes start at *start*: the province (or
    None for the ministry), the abbreviation as written, and whether ``合字`` is written;
    or an error saying why the character in front is wrong. ``ICP证`` in front
    (``京ICP证B2-…``) is a label and is skipped."""
    idx = start - 1
    foreign = False
    while True:
        while idx >= 0 and (s[idx].isspace() or s[idx] == ":"):
            idx -= 1
        if idx >= 1 and s[idx - 1 : idx + 1] == "合字" and not foreign:
            foreign, idx = True, idx - 2
        elif idx >= 3 and s[idx - 3 : idx + 1].upper() == "ICP证":
            idx -= 4
        else:
            break
    char = s[idx] if idx >= 0 else ""
    province = policy.province_by_abbreviation(char) if char else None
    if province is not None:
        return province, char, foreign
    region = policy.no_icp_region_by_alias(char) if char and _is_han(char) else None
    if region is not None:
        return _Candidate(
            None,
            Text(
                f"{char} 指{region.name}，那里不发 ICP 号码，也不发内地的电信业务经营许可证",
                f"{char} is {region.name} ({region.name_en}), which issues no ICP numbers or "
                "mainland telecom licences",
            ),
            looks_like=_claiming(region.name, region.name_en),
        )
    if char == "闵":
        return _Candidate(
            None,
            Text(
                "闵 不是省份简称；福建的简称是 闽（闽B2-…）",
                "闵 is not a province abbreviation; Fujian's is 闽 (闽B2-…)",
            ),
            looks_like=_MISTYPED_FUJIAN,
        )
    return None, "", foreign


def _read(s: str, match: re.Match[str], policy: Policy) -> _Candidate | None:
    """Read the number whose ``ICP备``/``ICP证``/classes anchor is *match*; None when
    the anchor is no number at all (classes without B1 or B2)."""
    classes: tuple[str, ...] = ()
    foreign = False
    found: _Candidate | tuple[Province | None, str] | tuple[Province | None, str, bool]
    if match.group("classes") is not None:
        kind = IcpKind.B2
        written = match.group("classes").upper().replace("·", ".").replace("、", ".").split(".")
        if not {"B1", "B2"} & set(written):
            return None
        if len(set(written)) != len(written):
            listed = ".".join(written)
            return _Candidate(
                None,
                Text(f"{listed} 中有一个业务类别写了两次", f"a business class is written twice in {listed}"),
            )
        classes = tuple(c for c in LICENCE_CLASSES if c in written)
        found = _licence_issuer(s, match.start(), policy)
        if isinstance(found, _Candidate):
            return found
        province, abbreviation, foreign = found
    else:
        kind = IcpKind.FILING if match.group("filing") else IcpKind.LICENCE
        found = _abbreviation_at(s, match.start(), kind, policy)
        if isinstance(found, _Candidate):
            return found
        province, abbreviation = found

    digits = _DIGITS.match(s, match.end())
    assert digits is not None  # the anchor's look-ahead guarantees a digit
    serial = digits.group(1)
    pos = digits.end()
    # The sequence may come before 号 (陕ICP备12000810-2号), after it, or with 号 missing.
    sites: list[tuple[str, str | None]] = []
    site = _SITE.match(s, pos)
    if site is not None:
        sites.append((site.group(1), site.group(2)))
        pos = site.end()
    hao = _HAO.match(s, pos)
    if hao is not None:
        pos = hao.end()
        site = _SITE.match(s, pos)
        if site is not None:
            sites.append((site.group(1), site.group(2)))
            pos = site.end()
    if _SITE.match(s, pos) is not None:
        sites.append(("", None))
    if len(sites) > 1:
        return _Candidate(
            None,
            Text(
                "其中有不止一个网站序号；一个号码最多只有一个（…号-2）",
                "it has more than one website sequence; a number has at most one (…号-2)",
            ),
        )
    # A letter or digit glued to the end makes the number doubtful (号A is a mistyped
    # -1A), except a word glued after a closing 号 or a sequence (号Copyright,
    # 号-1Copyright: text pulled out of a page without its tags).
    glued_word = (hao is not None or bool(sites)) and _WORD.match(s, pos) is not None
    if pos < len(s) and _ALNUM.match(s, pos) and not glued_word:
        tail = s[pos : pos + 8]
        return _Candidate(
            None,
            Text(
                f"号码后紧跟着多余的 {tail!r}；号码应以 号、-N、-NA 或 -NX 结尾",
                f"unexpected {tail!r} right after the number; it ends with 号, -N, -NA or -NX",
            ),
        )
    problem = _serial_problem(kind, serial)
    if problem is not None:
        return _Candidate(None, problem)
    site_number: int | None = None
    service: str | None = None
    if sites:
        digits_text, letter = sites[0]
        problem = _site_problem(digits_text, letter)
        if problem is not None:
            return _Candidate(None, problem)
        site_number, service = int(digits_text), letter
    number = IcpNumber(
        province,
        kind,
        serial,
        site=site_number,
        service=service,
        classes=classes,
        foreign_invested=foreign,
        abbreviation=abbreviation,
    )
    return _Candidate(number)


def _candidates(pieces: list[str], policy: Policy) -> list[_Candidate]:
    """Every candidate of every piece, in order; a number never spans two pieces."""
    found = (_read(s, m, policy) for s in pieces for m in _ANCHOR.finditer(s))
    return [c for c in found if c is not None]


# Things that are not MIIT numbers but are pasted in their place, in the order they
# are checked; each pattern runs on the normalised text.
_RIGHT = Text(
    "备案号或许可证号在省份简称之后紧接 ICP备、ICP证 或 B2（京ICP备12345678号）",
    "an ICP number has ICP备, ICP证 or B2 right after the province (京ICP备12345678号)",
)
_LOOK_ALIKES: tuple[tuple[re.Pattern[str], Text], ...] = (
    (
        re.compile(r"公网安"),
        Text(
            "全国互联网安全管理服务平台（beian.gov.cn）的公安备案号（公网安备）",
            "a public-security filing number (公网安备) from beian.gov.cn",
        ),
    ),
    (
        re.compile(r"网安备"),
        Text("地方公安机关的联网备案号（网安备）", "a local public-security network filing number (网安备)"),
    ),
    (
        re.compile(r"网文许?字|网文\s*[\[【〔(（]"),
        Text("网络文化经营许可证号（网文许字）", "a network culture business licence (网文许字)"),
    ),
    (
        re.compile(r"网信算备"),
        Text(
            "国家网信办的算法备案号（网信算备）",
            "an algorithm filing number (网信算备) from the Cyberspace Administration",
        ),
    ),
)
_ICP_LABEL = re.compile(r"[Ii]\s*[Cc]\s*[Pp]\s*(?:备(?:\s*案)?|证)")
_ICP_WORD = re.compile(r"[Ii]\s*[Cc]\s*[Pp]")
_PLAIN_FILING = re.compile(r"(?P<a>[^\W\d_A-Za-z])(?P<b>[^\W\d_A-Za-z]?)\s*备\s*(?P<d>[0-9]+)")


def _error(text: object, reason: Text, looks_like: Text | None = None) -> InvalidIcpNumberError:
    """The error for *text*, with its reason and look-alike in both languages."""
    return InvalidIcpNumberError(
        text,
        reason.en,
        reason_zh=reason.zh,
        looks_like=None if looks_like is None else looks_like.en,
        looks_like_zh=None if looks_like is None else looks_like.zh,
    )


def _no_candidate_error(text: str, s: str, policy: Policy) -> InvalidIcpNumberError:
    """Say what *s*, which holds no ``ICP备``/``ICP证``/``B2`` number, looks like."""
    for pattern, looks_like in _LOOK_ALIKES:
        if pattern.search(s):
            return _error(text, _RIGHT, looks_like)
    for m in _PLAIN_FILING.finditer(s):
        a, b, digits = m.group("a"), m.group("b"), m.group("d")
        pa = policy.province_by_abbreviation(a)
        if b and pa is not None and policy.province_by_abbreviation(b) is None:
            return _error(
                text,
                Text(
                    f"'{a}{b}' 不是省份简称，且缺少 'ICP'：工信部的号码写作 {a}ICP备…",
                    f"'{a}{b}' is not a province abbreviation and 'ICP' is missing: "
                    f"MIIT numbers read {a}ICP备…",
                ),
                Text(
                    f"行业或校园的备案号（{a}{b}备…），而不是工信部的号码",
                    f"a sector or campus filing ({a}{b}备…), not an MIIT number",
                ),
            )
        abbr = b or a
        if policy.province_by_abbreviation(abbr) is not None:
            if len(digits) == 13:
                return _error(
                    text,
                    Text(
                        f"'{abbr}备' 后接 13 位数字的是旧式公安备案号；ICP 备案号写作 {abbr}ICP备…",
                        f"'{abbr}备' followed by 13 digits is an old public-security number; "
                        f"ICP numbers read {abbr}ICP备…",
                    ),
                    Text("旧式的公安备案号", "an old-style public-security filing number"),
                )
            return _error(
                text,
                Text(
                    f"{abbr} 与 备 之间缺少 'ICP'；应写作 {abbr}ICP备{digits}号",
                    f"'ICP' is missing between {abbr} and 备; write {abbr}ICP备{digits}号",
                ),
            )
    label = _ICP_LABEL.search(s)
    if label is not None:
        written = re.sub(r"\s", "", label.group(0)).upper()
        return _error(
            text,
            Text(
                f"'{written}' 后面没有序号；完整的号码如 京{written}12345678号",
                f"'{written}' is not followed by a serial; a number reads 京{written}12345678号",
            ),
        )
    if _ICP_WORD.search(s):
        return _error(
            text,
            Text(
                "'ICP' 后面没有 备 或 证 和序号（京ICP备12345678号）",
                "'ICP' is not followed by 备 or 证 and a serial (京ICP备12345678号)",
            ),
        )
    if not s:
        return _error(text, Text("文本为空", "the text is empty"))
    return _error(
        text,
        Text(
            "没有找到备案号或许可证号；它们形如 京ICP备12345678号-1、京ICP证030173号 或 粤B2-20090059-1",
            "no ICP number found; one looks like 京ICP备12345678号-1, 京ICP证030173号 or 粤B2-20090059-1",
        ),
    )


# ---------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------


def _require_text(text: object, max_length: int = MAX_TEXT_LENGTH) -> str:
    if not isinstance(text, str):
        name = type(text).__name__
        raise _error(text, Text(f"应为字符串，而不是 {name}", f"expected a string, not {name}"))
    if len(text) > max_length:
        raise TextTooLongError(len(text), max_length)
    return text


@memoised
def find_icp_numbers(
    text: str,
    *,
    policy: Policy | None = None,
    max_length: int = MAX_TEXT_LENGTH,
    distinct: bool = True,
) -> tuple[IcpNumber, ...]:
    """Every valid ICP number in *text* (a page footer, a whole HTML page...), in the
    order they appear: each once, or with ``distinct=False`` each time it occurs (a
    link's ``title`` and its text count twice). Look-alikes and malformed numbers are
    skipped.

    HTML is read as a person reads the page or its source: text, script text and
    every attribute but ``class``, ``id``, ``style`` and ``placeholder``; a number
    never spans two blocks or attributes (see ``docs/icp-numbers.md``). Time grows
    linearly with the text. Raises :class:`TextTooLongError` (a ``ValueError``) for a
    text longer than *max_length* characters, :class:`InvalidIcpNumberError` for a
    non-string and :class:`InvalidArgumentError` for a bad option; nothing else.
    """
    if isinstance(max_length, bool) or not isinstance(max_length, int) or max_length < 0:
        raise InvalidArgumentError("max_length", max_length, ["a non-negative int"])
    if not isinstance(distinct, bool):
        raise InvalidArgumentError("distinct", distinct, ["True", "False"])
    pol = resolve_policy(policy)
    pieces = _pieces(_require_text(text, max_length), with_digits_only=True)
    numbers = [c.number for c in _candidates(pieces, pol) if c.number is not None]
    return tuple(dict.fromkeys(numbers)) if distinct else tuple(numbers)


@memoised
def parse_icp_number(text: str | IcpNumber, *, policy: Policy | None = None) -> IcpNumber:
    """Parse one ICP number out of *text*, which may be a messy paste.

    Accepted renderings: full-width letters, digits and dashes; traditional 備, 號, 證
    and abbreviations; spaces between the parts; a colon, dash or space after
    ``ICP备``/``ICP证`` (``粤ICP备：16028473号``); ``ICP备案`` for ``ICP备``; ``ICP证`` in
    front of a licence (``京ICP证B2-20180202``); zero-width characters; HTML entities
    and tags; lower-case ``icp``; a missing 号; the sequence before 号
    (``陕ICP备12000810-2号``); and surrounding text (``ICP备案号：京ICP备…号 | 版权所有``).

    Strict on the number itself: 备 serials have 8 or 10 digits, 证 serials 6, telecom
    licence serials 8; a website sequence is 1-9999 written without leading zeros,
    optionally followed by A (app) or X (mini-program). Other lengths occur only in
    typos and fakes.

    Raises :class:`InvalidIcpNumberError` (a ``ValueError``) when the text holds no
    valid number, saying what it looks like where that is known (a public-security
    number, a campus filing...), or when it holds two different numbers; use
    :func:`find_icp_numbers` to pull several from one text. Raises
    :class:`TextTooLongError` for a text longer than :data:`MAX_TEXT_LENGTH`.
    """
    if isinstance(text, IcpNumber):
        return text
    pol = resolve_policy(policy)
    pieces = _pieces(_require_text(text), with_digits_only=False)
    candidates = _candidates(pieces, pol)
    numbers = list(dict.fromkeys(c.number for c in candidates if c.number is not None))
    if len(numbers) == 1:
        return numbers[0]
    if numbers:
        first = [str(n) for n in numbers[:3]]
        listed = ", ".join(first) + (", ..." if len(numbers) > 3 else "")
        listed_zh = "、".join(first) + ("……" if len(numbers) > 3 else "")
        raise _error(
            text,
            Text(
                f"其中有 {len(numbers)} 个不同的 ICP 号码（{listed_zh}）；"
                "请只传入一个，或使用 find_icp_numbers()",
                f"it holds {len(numbers)} different ICP numbers ({listed}); "
                "pass one, or use find_icp_numbers()",
            ),
        )
    if candidates:
        # A look-alike diagnosis says more than a generic one.
        best = next((c for c in candidates if c.looks_like is not None), candidates[0])
        raise _error(text, best.reason, best.looks_like)
    # NUL between pieces: no pattern of the diagnosis reads across it.
    raise _no_candidate_error(text, "\x00".join(pieces), pol)


@memoised
def is_valid_icp_number(text: object, *, policy: Policy | None = None) -> bool:
    """True when :func:`parse_icp_number` would accept *text*; never raises, whatever
    *text* is (a non-string is simply not valid)."""
    if not isinstance(text, (str, IcpNumber)):
        return False
    try:
        parse_icp_number(text, policy=policy)
    except (InvalidIcpNumberError, TextTooLongError):
        return False
    return True


@memoised
def format_icp_number(
    number: str | IcpNumber,
    *,
    site: int | None = None,
    service: IcpService | str | None = None,
    policy: Policy | None = None,
) -> str:
    """The canonical form of *number*; with *site* (and optionally *service*), the
    number of that website, app or mini-program of the same subject, replacing any
    sequence *number* has: ``format_icp_number("京ICP备12345678号", site=2)`` gives
    ``京ICP备12345678号-2``. Raises :class:`InvalidIcpNumberError` for a bad number and
    :class:`InvalidArgumentError` for a bad *site* or *service*."""
    parsed = parse_icp_number(number, policy=policy)
    if site is not None:
        parsed = parsed.website(site, service=service)
    elif service is not None:
        raise InvalidArgumentError("service", service, ["None when site is None"])
    return parsed.canonical

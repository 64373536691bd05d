"""ICP filing and licence numbers: parse what people paste, print the canonical form.

Three families share one shape, a province abbreviation then a serial, optionally
followed by ``-N`` (the Nth website, app or mini-program of the subject):

* ``京ICP备12345678号-2``: a non-commercial filing (``ICP备``), serial of 8 or 10 digits;
* ``京ICP证030173号-102``: a commercial ICP licence (``ICP证``), serial of 6 digits;
* ``粤B2-20090059-5``: a value-added telecom licence (``B2``), serial of 8 digits.

An ``A`` (app) or ``X`` (mini-program) after the sequence marks the service type.

No syntax is published by the MIIT; the rules here follow the numbers seen in MIIT
records (see the reference notes). The parser is deliberately strict about digit
counts, because a number that does not match them is a typo or a fake in every
case seen, while it is forgiving about how the number is rendered.
"""

from __future__ import annotations

import html
import re

import attrs

from ._data._loader import resolve_policy
from ._enums import _StrEnum
from ._model import Province
from ._policy import Policy
from ._text import fold, strip_invisible
from .errors import ArgumentTypeError, InvalidArgumentError, InvalidIcpNumberError, UnknownNameError

__all__ = [
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
    ICP licence (``ICP证``) and ``b2`` the value-added telecom licence (``B2-``), which
    also serves as the subject number of websites.
    """

    FILING = "filing"
    LICENCE = "licence"
    B2 = "b2"


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


def _to_kind(value: IcpKind | str) -> IcpKind:
    if not isinstance(value, str):
        raise ArgumentTypeError("kind", value, ["an IcpKind", "its value (str)"])
    try:
        return IcpKind(value)
    except ValueError:
        raise UnknownNameError("ICP number kind", value, [k.value for k in IcpKind]) from None


def _to_service(value: IcpService | str | None) -> IcpService | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ArgumentTypeError("service", value, ["an IcpService", "A", "X", "None"])
    try:
        return IcpService(value.upper())
    except ValueError:
        raise UnknownNameError("ICP service", value, ["A", "X"]) from None


def _check_site(site: object) -> int | None:
    if site is None:
        return None
    if isinstance(site, bool) or not isinstance(site, int):
        raise ArgumentTypeError("site", site, ["an int", "None"])
    if not 1 <= site <= MAX_SITE:
        raise InvalidArgumentError("site", site, [f"an int from 1 to {MAX_SITE}", "None"])
    return site


def _serial_problem(kind: IcpKind, serial: str) -> str | None:
    """Why *serial* cannot be the serial of a *kind* number, or None."""
    lengths = SERIAL_LENGTHS[kind]
    if len(serial) in lengths:
        return None
    expected = " or ".join(map(str, lengths))
    shown = serial if len(serial) <= 16 else serial[:12] + "…"
    return (
        f"the serial {shown} has {len(serial)} digits, but {_FAMILY_TEXT[kind]} serials "
        f"have {expected} digits"
    )


@attrs.frozen(eq=False, repr=False)
class IcpNumber:
    """One ICP number, parsed: build one with :func:`parse_icp_number`.

    ``serial`` keeps the digits as written (leading zeros matter: ``030173``).
    ``site`` is the website (or app, mini-program) sequence; None for a subject number.
    ``abbreviation`` is the abbreviation as written (川 or 蜀); ``str()`` always uses the
    province's canonical ICP abbreviation, because that is what the MIIT issues.

    Two numbers are equal when they name the same thing: same province (by code),
    family, serial, sequence and service. The abbreviation as written is provenance,
    not identity, so ``川ICP备…`` equals ``蜀ICP备…``.
    """

    province: Province = attrs.field()
    kind: IcpKind = attrs.field(converter=_to_kind)
    serial: str = attrs.field()
    site: int | None = attrs.field(default=None, kw_only=True, converter=_check_site)
    service: IcpService | None = attrs.field(default=None, kw_only=True, converter=_to_service)
    abbreviation: str = attrs.field(kw_only=True)

    @abbreviation.default
    def _abbreviation_default(self) -> str:
        # getattr: the province validator, which runs later, reports a wrong type.
        return str(getattr(self.province, "icp_abbreviation", ""))

    @province.validator
    def _check_province(self, _: object, value: object) -> None:
        if not isinstance(value, Province):
            raise ArgumentTypeError("province", value, ["a Province (see beian_policy.provinces())"])

    @serial.validator
    def _check_serial(self, _: object, value: object) -> None:
        if not isinstance(value, str):
            raise ArgumentTypeError("serial", value, ["a string of ASCII digits"])
        if not re.fullmatch(r"[0-9]+", value):
            raise InvalidArgumentError("serial", value, ["a string of ASCII digits"])
        if _serial_problem(self.kind, value) is not None:
            lengths = " or ".join(map(str, SERIAL_LENGTHS[self.kind]))
            raise InvalidArgumentError("serial", value, [f"{lengths} digits for {self.kind}"])

    @abbreviation.validator
    def _check_abbreviation(self, _: object, value: object) -> None:
        allowed = (self.province.icp_abbreviation, *self.province.alternative_abbreviations)
        if value not in allowed:
            raise InvalidArgumentError("abbreviation", value, allowed)

    def __attrs_post_init__(self) -> None:
        if self.service is not None and self.site is None:
            raise InvalidArgumentError(
                "service", self.service, ["None when there is no site (the suffix follows -N)"]
            )

    # -- identity ----------------------------------------------------------------
    def _key(self) -> tuple[str, IcpKind, str, int | None, IcpService | None]:
        return (self.province.code, self.kind, self.serial, self.site, self.service)

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
        """The number as the MIIT writes it: ``京ICP备12345678号-2``, ``粤B2-20090059-5``."""
        suffix = ""
        if self.site is not None:
            suffix = f"-{self.site}{self.service.value if self.service else ''}"
        return self.subject_number + suffix

    @property
    def subject_number(self) -> str:
        """The subject's number, without the website sequence (what the password
        recovery and transfer forms ask for): ``京ICP备12345678号``."""
        abbr = self.province.icp_abbreviation
        if self.kind is IcpKind.B2:
            return f"{abbr}B2-{self.serial}"
        return f"{abbr}{_FAMILY_TEXT[self.kind]}{self.serial}号"

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
        return self.abbreviation != self.province.icp_abbreviation

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
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")


def _normalise(text: str) -> str:
    """Fold widths, dashes, invisible characters, HTML and traditional characters."""
    text = strip_invisible(text)  # first, so that a zero-width space cannot split an entity
    if "&" in text:
        text = html.unescape(text)
    if "<" in text:
        text = _TAG.sub("", text)
    return fold(text).translate(_TRADITIONAL)


def _is_han(char: str) -> bool:
    code = ord(char)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF


# ---------------------------------------------------------------------------
# Scanning
# ---------------------------------------------------------------------------

# "ICP备" / "ICP证", or "B2" (not inside a longer word) followed by the serial.
_ANCHOR = re.compile(
    r"[Ii]\s*[Cc]\s*[Pp]\s*(?P<kind>[备证])(?=\s*[0-9])"
    r"|(?<![A-Za-z0-9])[Bb]\s*2\s*-?\s*(?=[0-9])"
)
_DIGITS = re.compile(r"\s*([0-9]+)")
_SITE = re.compile(r"\s*-\s*([0-9]+)([A-Za-z](?![A-Za-z0-9]))?")
_HAO = re.compile(r"\s*号")
_ALNUM = re.compile(r"[A-Za-z0-9]")


@attrs.frozen
class _Candidate:
    """One place in the text that looks like an ICP number, with its verdict."""

    number: IcpNumber | None
    reason: str = ""
    looks_like: str | None = None


def _site_problem(digits: str, letter: str | None) -> str | None:
    shown = digits if len(digits) <= 8 else digits[:6] + "…"
    if digits.startswith("0"):
        return f"the website sequence -{shown} starts with 0; sequences start at -1"
    if len(digits) > len(str(MAX_SITE)):
        return f"the website sequence -{shown} has {len(digits)} digits; at most 4 are used"
    if letter is not None and letter.upper() not in ("A", "X"):
        return f"unknown suffix {letter!r} after -{shown}: only A (app) and X (mini-program) are used"
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
            f"no province abbreviation before {family}; a number starts with one, as in 京{family}…",
        )
    province = policy.province_by_abbreviation(char)
    if province is not None:
        return province, char
    before = s[idx - 1] if idx >= 1 else ""
    if char in "备证" and s[max(0, idx - 3) : idx].upper() == "ICP":
        return _Candidate(None, f"'ICP{char}' is written twice; write it once, as in 京ICP备12345678号")
    if before and policy.province_by_abbreviation(before) is not None:
        return _Candidate(
            None,
            f"'{before}{char}' is not a province abbreviation: MIIT numbers start with the "
            f"province alone ({before}{family}…)",
            looks_like=f"a campus or sector filing ({before}{char}{family}…), not an MIIT number",
        )
    region = policy.no_icp_region_by_alias(char)
    if region is not None:
        return _Candidate(
            None,
            f"{char} is {region.name} ({region.name_en}), which has no ICP filing: "
            "ICP numbers exist only for the 31 mainland provinces",
            looks_like=f"a number claiming {region.name_en}, where there is no ICP filing",
        )
    if char == "闵":
        return _Candidate(
            None,
            f"闵 is not a province abbreviation; Fujian's is 闽 (闽{family}…)",
            looks_like="a mistyped Fujian (闽) number",
        )
    if char == "萌":
        return _Candidate(
            None,
            f"萌 is not a province abbreviation; MIIT numbers start with one, as in 京{family}…",
            looks_like="a number from the parody registry icp.gov.moe",
        )
    return _Candidate(
        None,
        f"{char!r} is not a province ICP abbreviation (京, 沪, 粤, 蜀…) in front of {family}",
    )


def _read(s: str, match: re.Match[str], policy: Policy) -> _Candidate:
    """Read the number whose ``ICP备``/``ICP证``/``B2`` anchor is *match*."""
    kind_char = match.group("kind")
    kind = {"备": IcpKind.FILING, "证": IcpKind.LICENCE, None: IcpKind.B2}[kind_char]

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
        return _Candidate(None, "it has more than one website sequence; a number has at most one (…号-2)")
    if pos < len(s) and _ALNUM.match(s, pos):
        tail = s[pos : pos + 8]
        return _Candidate(
            None, f"unexpected {tail!r} right after the number; it ends with 号, -N, -NA or -NX"
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
    number = IcpNumber(province, kind, serial, site=site_number, service=service, abbreviation=abbreviation)
    return _Candidate(number)


def _candidates(s: str, policy: Policy) -> list[_Candidate]:
    return [_read(s, m, policy) for m in _ANCHOR.finditer(s)]


# Things that are not MIIT numbers but are pasted in their place, in the order they
# are checked; each pattern runs on the normalised text.
_RIGHT = "an ICP number has ICP备, ICP证 or B2 right after the province (京ICP备12345678号)"
_LOOK_ALIKES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"公网安"), "a public-security filing number (公网安备) from beian.gov.cn"),
    (re.compile(r"网安备"), "a local public-security network filing number (网安备)"),
    (
        re.compile(r"网文许?字|网文\s*[\[【〔(（]"),
        "a network culture business licence (网文许字)",
    ),
    (
        re.compile(r"网信算备"),
        "an algorithm filing number (网信算备) from the Cyberspace Administration",
    ),
)
_PLAIN_FILING = re.compile(r"(?P<a>[^\W\d_A-Za-z])(?P<b>[^\W\d_A-Za-z]?)\s*备\s*(?P<d>[0-9]+)")


def _no_candidate_error(text: str, s: str, policy: Policy) -> InvalidIcpNumberError:
    """Say what *s*, which holds no ``ICP备``/``ICP证``/``B2`` number, looks like."""
    for pattern, looks_like in _LOOK_ALIKES:
        if pattern.search(s):
            return InvalidIcpNumberError(text, _RIGHT, looks_like=looks_like)
    for m in _PLAIN_FILING.finditer(s):
        a, b, digits = m.group("a"), m.group("b"), m.group("d")
        pa = policy.province_by_abbreviation(a)
        if b and pa is not None and policy.province_by_abbreviation(b) is None:
            return InvalidIcpNumberError(
                text,
                f"'{a}{b}' is not a province abbreviation and 'ICP' is missing: MIIT numbers read {a}ICP备…",
                looks_like=f"a sector or campus filing ({a}{b}备…), not an MIIT number",
            )
        abbr = b or a
        if policy.province_by_abbreviation(abbr) is not None:
            if len(digits) == 13:
                return InvalidIcpNumberError(
                    text,
                    f"'{abbr}备' followed by 13 digits is an old public-security number; "
                    f"ICP numbers read {abbr}ICP备…",
                    looks_like="an old-style public-security filing number",
                )
            return InvalidIcpNumberError(
                text, f"'ICP' is missing between {abbr} and 备; write {abbr}ICP备{digits}号"
            )
    label = re.search(r"[Ii]\s*[Cc]\s*[Pp]\s*([备证])\s*案", s)
    if label is not None:
        return InvalidIcpNumberError(
            text, f"'ICP{label.group(1)}案' is a label, not part of a number (京ICP备12345678号)"
        )
    if re.search(r"[Ii]\s*[Cc]\s*[Pp]", s):
        return InvalidIcpNumberError(
            text, "'ICP' is not followed by 备 or 证 and a serial (京ICP备12345678号)"
        )
    if not s:
        return InvalidIcpNumberError(text, "the text is empty")
    return InvalidIcpNumberError(
        text,
        "no ICP number found; one looks like 京ICP备12345678号-1, 京ICP证030173号 or 粤B2-20090059-1",
    )


# ---------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------


def _require_text(text: object) -> str:
    if not isinstance(text, str):
        raise InvalidIcpNumberError(text, f"expected a string, not {type(text).__name__}")
    return text


def find_icp_numbers(text: str, *, policy: Policy | None = None) -> tuple[IcpNumber, ...]:
    """Every valid ICP number in *text* (a page footer, say), distinct, in the order they
    appear. Look-alikes and malformed numbers are skipped; never raises on a string."""
    pol = resolve_policy(policy)
    s = _normalise(_require_text(text))
    seen: dict[IcpNumber, None] = {}
    for candidate in _candidates(s, pol):
        if candidate.number is not None:
            seen.setdefault(candidate.number, None)
    return tuple(seen)


def parse_icp_number(text: str | IcpNumber, *, policy: Policy | None = None) -> IcpNumber:
    """Parse one ICP number out of *text*, which may be a messy paste.

    Accepted renderings: full-width letters, digits and dashes; traditional 備, 號, 證
    and abbreviations; spaces between the parts; zero-width characters; HTML entities
    and tags; lower-case ``icp``; a missing 号; the sequence before 号
    (``陕ICP备12000810-2号``); and surrounding text (``ICP备案号：京ICP备…号 | 版权所有``).

    Strict on the number itself: 备 serials have 8 or 10 digits, 证 serials 6, B2
    serials 8; a website sequence is 1-9999 written without leading zeros, optionally
    followed by A (app) or X (mini-program). Other lengths occur only in typos and fakes.

    Raises :class:`InvalidIcpNumberError` (a ``ValueError``) when the text holds no
    valid number, saying what it looks like where that is known (a public-security
    number, a campus filing...), or when it holds two different numbers; use
    :func:`find_icp_numbers` to pull several from one text.
    """
    if isinstance(text, IcpNumber):
        return text
    pol = resolve_policy(policy)
    s = _normalise(_require_text(text))
    candidates = _candidates(s, pol)
    numbers = list(dict.fromkeys(c.number for c in candidates if c.number is not None))
    if len(numbers) == 1:
        return numbers[0]
    if numbers:
        listed = ", ".join(str(n) for n in numbers)
        raise InvalidIcpNumberError(
            text,
            f"it holds {len(numbers)} different ICP numbers ({listed}); pass one, or use find_icp_numbers()",
        )
    if candidates:
        # A look-alike diagnosis says more than a generic one.
        best = next((c for c in candidates if c.looks_like is not None), candidates[0])
        raise InvalidIcpNumberError(text, best.reason, looks_like=best.looks_like)
    raise _no_candidate_error(text, s, pol)


def is_valid_icp_number(text: object, *, policy: Policy | None = None) -> bool:
    """True when :func:`parse_icp_number` would accept *text*; never raises, whatever
    *text* is (a non-string is simply not valid)."""
    if not isinstance(text, (str, IcpNumber)):
        return False
    try:
        parse_icp_number(text, policy=policy)
    except InvalidIcpNumberError:
        return False
    return True


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

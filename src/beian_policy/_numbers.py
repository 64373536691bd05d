"""Numbers checked by well-kept libraries, imported only when a check needs them.

python-stdnum checks the resident ID (GB 11643) and unified social credit code
(GB 32100) checksums; phonenumbers (libphonenumber) says whether a mainland number is
valid and where it is registered; idna normalises international domain names
(IDNA 2008). They are the ``preflight`` extra, so that ``assess_transfer`` and the
rest import without them; a missing one raises
:class:`~beian_policy.errors.MissingDependencyError`, which says how to install it.
"""

from __future__ import annotations

import datetime as dt
import importlib
from types import ModuleType

from .errors import MissingDependencyError

__all__ = ["birth_date_from_id", "domain_to_unicode", "phone_region", "valid_resident_id", "valid_uscc"]


def _require(module: str, package: str, purpose: str) -> ModuleType:
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependencyError(package, purpose) from None


def valid_resident_id(number: str) -> bool:
    """Whether *number* is a well-formed 18-digit resident ID (checksum, date, region)."""
    ric = _require("stdnum.cn.ric", "python-stdnum", "checking resident ID numbers")
    return bool(ric.is_valid(number))


def birth_date_from_id(number: str) -> dt.date | None:
    """The birth date a valid resident ID encodes, or None."""
    ric = _require("stdnum.cn.ric", "python-stdnum", "reading birth dates from resident ID numbers")
    if not ric.is_valid(number):
        return None
    born: dt.date = ric.get_birth_date(number)
    return born


def valid_uscc(number: str) -> bool:
    """Whether *number* is a well-formed unified social credit code (checksum)."""
    uscc = _require("stdnum.cn.uscc", "python-stdnum", "checking unified social credit codes")
    return bool(uscc.is_valid(number))


def phone_region(number: str) -> tuple[bool, str]:
    """Whether *number* is a valid mainland number, and where libphonenumber places it
    (Chinese text such as ``江苏省常州市``; empty when it cannot tell)."""
    phonenumbers = _require("phonenumbers", "phonenumbers", "checking phone numbers")
    geocoder = _require("phonenumbers.geocoder", "phonenumbers", "locating phone numbers")
    try:
        parsed = phonenumbers.parse(number, "CN")
    except phonenumbers.NumberParseException:
        return False, ""
    if parsed.country_code != 86 or not phonenumbers.is_valid_number(parsed):
        return False, ""
    return True, str(geocoder.description_for_number(parsed, "zh"))


def domain_to_unicode(name: str) -> str | None:
    """*name* normalised (IDNA 2008 with UTS 46 mapping) and shown in Unicode, lower
    case, without a trailing dot; None when it is not a valid domain name."""
    idna = _require("idna", "idna", "normalising domain names")
    text = name.strip().rstrip(".")
    if not text or "." not in text:
        return None
    try:
        return str(idna.decode(idna.encode(text, uts46=True))).lower()
    except idna.IDNAError:
        return None

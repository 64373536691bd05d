"""Folding of pasted text, so that look-ups accept what people actually type.

Input arrives from web forms, footers and spreadsheets: full-width letters and
digits, zero-width characters, non-breaking spaces, traditional characters. Folding
happens once here so every look-up agrees on what "the same text" means.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = [
    "MAX_NAME_LENGTH",
    "fold",
    "is_name_sized",
    "lookup_key",
    "name_key",
    "strip_invisible",
    "without_expanders",
]

#: Longer than any name, alias or id the data holds, many times over (the longest is
#: under 40 characters). A longer text names nothing, and is refused before any
#: folding: NFKC can make a text 18 times longer (U+FDFA), so folding first would let a
#: megabyte of input cost seconds.
MAX_NAME_LENGTH = 200

# The code points whose NFKC form is more than three characters (U+FDFA is 18): the
# only ones that make NFKC expand text more than threefold. None of them can be part of
# a name, an id or an ICP number, so scanners replace them by a space before folding,
# which bounds the folded text to three times the input.
# tests/test_junk.py checks this list against unicodedata. Compiled on first use (by
# a scanner): compiling it costs a process that never scans a millisecond.
_EXPANDERS_PATTERN = (
    "[\u2057\u2152\u2167\u2177\u247d-\u2487\u2a0c\u321d\u321e\u3300-\u3302\u3304"
    "\u3307\u3308\u330c\u330d\u3312\u3313\u3315-\u3317\u3319-\u331b\u331f-\u3321"
    "\u332b\u332d\u332e\u3332-\u3334\u3336\u333d\u3343\u3347\u3348\u334a\u334c"
    "\u334d\u3351\u3354\u3356\u337f\u3389\u33a8\u33ae\u33af\u33c2\u33c6\u33d8"
    "\ufdf2-\ufdf8\ufdfa-\ufdfc]"
)

# Zero-width and BOM-like characters that survive copy and paste from web pages.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACE_RUN = re.compile(r"\s+")
# Dash-like characters people paste in place of ASCII '-'.
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"), "-")


def strip_invisible(text: str) -> str:
    """Remove zero-width characters and the soft hyphen."""
    return text.translate(_INVISIBLE)


def fold(text: str) -> str:
    """Return *text* in NFKC form, without invisible characters, dashes made ASCII,
    runs of white space collapsed to one space and the ends stripped."""
    text = unicodedata.normalize("NFKC", strip_invisible(text)).translate(_DASHES)
    return _SPACE_RUN.sub(" ", text).strip()


def without_expanders(text: str) -> str:
    """*text* with each character that NFKC expands more than threefold replaced by a
    space: what a scanner of long text (a page, a footer) folds, in linear time."""
    return _expanders().sub(" ", text)


@functools.cache
def _expanders() -> re.Pattern[str]:
    return re.compile(_EXPANDERS_PATTERN)


def is_name_sized(text: str) -> bool:
    """Whether *text* is short enough to be a name at all (:data:`MAX_NAME_LENGTH`)."""
    return len(text) <= MAX_NAME_LENGTH


def name_key(text: str) -> str | None:
    """:func:`lookup_key` of a text that may be a name; None for a text too long to be
    one, decided before folding it."""
    return lookup_key(text) if len(text) <= MAX_NAME_LENGTH else None


def lookup_key(text: str) -> str:
    """The key two spellings must share to name the same thing: folded, case-folded,
    with spaces, hyphens, underscores and dots removed."""
    return re.sub(r"[\s\-_.·'’]", "", fold(text)).casefold()

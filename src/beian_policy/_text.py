"""Folding of pasted text, so that look-ups accept what people actually type.

Input arrives from web forms, footers and spreadsheets: full-width letters and
digits, zero-width characters, non-breaking spaces, traditional characters. Folding
happens once here so every look-up agrees on what "the same text" means.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "lookup_key", "strip_invisible"]

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


def lookup_key(text: str) -> str:
    """The key two spellings must share to name the same thing: folded, case-folded,
    with spaces, hyphens, underscores and dots removed."""
    return re.sub(r"[\s\-_.·'’]", "", fold(text)).casefold()

"""Split an HTML page into the pieces of text a reader sees, for the ICP number scanner.

Numbers sit in text and in attributes (``<meta content>``, ``<input value>``,
``title``, ``alt``, ``aria-label``, ``data-*``, ``href`` with its %-escapes decoded,
and the props of template components, ``<Footer icp="…">``); every attribute is read
but ``class``, ``id``, ``style`` and ``placeholder``. A block element or ``<br>``
ends a piece, so text from two paragraphs is never read as one number; an inline
element (``<span>``, ``<a>``...) leaves a space, so ``号<span>Copyright`` keeps its
boundary while ``京ICP备<span>12345678</span>号`` still reads as one number. Each
attribute value is a piece of its own. Comments and style sheets are skipped. Script
text is read as HTML of its own, with ``\\uXXXX`` escapes decoded, because templates
and page state carry footers (``<script type="text/html">``, ``document.write('…')``,
JSON).

The standard library's :mod:`html.parser` does the tokenising, in one pass. Before
it runs, every ``<`` that opens no complete tag or comment is escaped, because the
parser of Python < 3.13.4 rescans to the end of the text for each such ``<``
(quadratic time on ``<a <a <a …``); the escape pass is linear.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import unquote

__all__ = ["decode_u_escapes", "looks_like_html", "text_pieces"]

# Elements whose text reads inline with their neighbours; every other tag (block
# elements, <br>, unknown tags closing a line...) ends a piece. Custom elements
# (``<el-link>``) read inline too: they are mostly link and text components.
_INLINE = frozenset(
    {
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn",
        "em", "font", "i", "ins", "kbd", "label", "mark", "nobr", "q", "rp", "rt", "ruby", "s",
        "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
    }
)  # fmt: skip
_SKIPPED = frozenset({"style"})
# Attributes never read: styling hooks, and placeholders, which hold example numbers.
_UNREAD_ATTRIBUTES = frozenset({"class", "id", "style", "placeholder"})
_TAG_START = re.compile(r"<[A-Za-z/!?]")
_U_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})")


def decode_u_escapes(text: str) -> str:
    """*text* with JavaScript/JSON ``\\uXXXX`` escapes decoded (surrogates left alone)."""
    if "\\u" not in text:
        return text

    def char(match: re.Match[str]) -> str:
        code = int(match.group(1), 16)
        return match.group(0) if 0xD800 <= code < 0xE000 else chr(code)

    return _U_ESCAPE.sub(char, text)


def looks_like_html(text: str) -> bool:
    """True when *text* has something that starts a tag (``<p``, ``</``, ``<!--``)."""
    return _TAG_START.search(text) is not None


class _Pieces(HTMLParser):
    """Collects the pieces; entities are already decoded by the parser."""

    def __init__(self, *, in_script: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        # A script's own text is parsed once more as HTML, but not a script in it.
        self._in_script = in_script
        self._script: list[str] = []
        self.pieces: list[str] = []
        self._current: list[str] = []
        self._current_has_text = False
        # Attribute values met inside an open piece; they follow it, so that pieces
        # stay in the order they start.
        self._pending: list[str] = []
        self._skip_depth = 0

    def _end_piece(self) -> None:
        if self._current:
            self.pieces.append("".join(self._current))
            self._current = []
            self._current_has_text = False
        self.pieces.extend(self._pending)
        self._pending = []

    def _tag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _INLINE or "-" in tag:
            self._current.append(" ")
        else:
            self._end_piece()
        for name, value in attrs:
            if not value:
                continue
            if name == "href" and "%" in value:
                value = unquote(value)
            if name not in _UNREAD_ATTRIBUTES:
                (self._pending if self._current_has_text else self.pieces).append(value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs)
        if tag in _SKIPPED:
            self._skip_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skip_depth = max(0, self._skip_depth - 1)
        if tag == "script":
            self._end_script()
        self._tag(tag, [])

    def _end_script(self) -> None:
        if not self._script:
            return
        text = decode_u_escapes("".join(self._script))
        self._script = []
        self._end_piece()
        if self._in_script:
            self.pieces.append(text)
            return
        inner = _Pieces(in_script=True)
        inner.feed(_complete_tags_only(text))
        inner.close()
        self.pieces.extend(inner.pieces)

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        if self.cdata_elem is not None:  # script text, read when the script ends
            self._script.append(data)
            return
        self._current.append(data)
        if not self._current_has_text and not data.isspace():
            self._current_has_text = True

    def close(self) -> None:
        super().close()
        if self.cdata_elem == "script":  # an unclosed script: the parser keeps its text
            self._script.append(self.rawdata)
        self._end_script()
        self._end_piece()


_TAG_OPENERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ/!?")


def _complete_tags_only(text: str) -> str:
    """*text* with each ``<`` that starts no tag closed by ``>`` before the next ``<``
    written as ``&lt;``, and without an unclosed comment and what follows it. Linear: every search
    moves forward, and the position of the next ``>`` is remembered."""
    out: list[str] = []
    last_comment_end = text.rfind("-->")
    copied = 0
    pos = 0
    next_gt = -1
    while True:
        lt = text.find("<", pos)
        if lt < 0:
            break
        if text.startswith("<!--", lt):
            end = text.find("-->", lt + 4) if lt + 4 <= last_comment_end else -1
            if end < 0:  # as in a browser, an unclosed comment runs to the end
                out.append(text[copied:lt])
                return "".join(out)
            pos = end + 3
            continue
        elif lt + 1 < len(text) and text[lt + 1] in _TAG_OPENERS:
            if next_gt <= lt:
                found = text.find(">", lt + 1)
                next_gt = found if found >= 0 else len(text)  # none: never search again
            next_lt = text.find("<", lt + 1)
            if next_gt < len(text) and (next_lt < 0 or next_gt < next_lt):
                pos = next_gt + 1
                continue
        else:  # a lone '<' is text to the parser already
            pos = lt + 1
            continue
        out.append(text[copied:lt])
        out.append("&lt;")
        copied = pos = lt + 1
    out.append(text[copied:])
    return "".join(out)


def text_pieces(text: str) -> list[str]:
    """The pieces of text in the HTML *text*, in the order they start."""
    parser = _Pieces()
    parser.feed(_complete_tags_only(text))
    parser.close()
    return parser.pieces

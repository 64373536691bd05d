"""Layout by display width (a Chinese character takes two terminal columns), so
output stays aligned and within 80 columns, and the output stream, whose write
errors are told apart from errors reading input."""

from __future__ import annotations

import errno
import re
import unicodedata
from collections.abc import Iterable
from typing import IO

__all__ = ["WIDTH", "Output", "OutputError", "display_width", "pad", "printable", "wrap"]

WIDTH = 80


def display_width(text: str) -> int:
    """The terminal columns *text* takes: two for a wide (Chinese) character, none
    for a combining or zero-width one."""
    if text.isascii():  # no wide, combining or zero-width character: one column each
        return len(text)
    width = 0
    for char in text:
        if unicodedata.combining(char) or char in "\u200b\u200d\ufeff":
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def pad(text: str, width: int) -> str:
    """*text* followed by spaces up to *width* columns."""
    return text + " " * max(0, width - display_width(text))


_OPENING = frozenset("（《「『“‘〔【")
_CLOSING = frozenset("）》」』”’〕】，。、；：！？")


def _tokens(text: str) -> list[str]:
    """The units a line may break between: words (with their trailing space) and
    single wide characters, with opening brackets kept on the next unit and closing
    punctuation on the previous one."""
    merged: list[str] = []
    pending = ""
    for token in _raw_tokens(text):
        if token in _CLOSING and merged and not pending:  # "（）" stays in order
            merged[-1] += token
        elif token in _OPENING:
            pending += token
        else:
            merged.append(pending + token)
            pending = ""
    if pending:
        merged.append(pending)
    return merged


def _raw_tokens(text: str) -> list[str]:
    tokens: list[str] = []
    word = ""
    for char in text:
        if char == " ":
            tokens.append(word + " ")
            word = ""
        elif char == "+":
            tokens.append(word + char)
            word = ""
        elif display_width(char) == 2:
            if word:
                tokens.append(word)
                word = ""
            tokens.append(char)
        else:
            word += char
    if word:
        tokens.append(word)
    return tokens


def wrap(text: str, width: int = WIDTH, *, indent: str = "", first: str | None = None) -> list[str]:
    """*text* in lines of at most *width* columns; a word longer than a line stays
    whole (a URL or a path must stay copyable). *first* (default *indent*) starts the
    first line, *indent* the others."""
    line = indent if first is None else first
    used = display_width(line)
    lines: list[str] = []
    content = False
    for token in _tokens(text):
        size = display_width(token.rstrip(" "))
        if content and used + size > width:
            lines.append(line.rstrip())
            line, used, content = indent, display_width(indent), False
            if not token.strip():
                continue
        line += token
        used += display_width(token)
        content = True
    if content or not lines:
        lines.append(line.rstrip())
    return lines


# Terminal control characters (C0 but tab and newline, DEL, C1) and the bidi
# overrides, which could retitle a terminal, clear it or reorder a line when a data
# string or an argument holds them.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escaped(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def printable(text: str) -> str:
    """*text* safe for a terminal and a strict UTF-8 stream: control characters written
    as ``\\u001b``, and lone surrogates as ``\\udcXX`` (Python turns bytes in ``argv``
    or a file name that are not UTF-8 into them). Inside JSON strings both escapes read
    back as the same text."""
    text = _CONTROL.sub(_escaped, text)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


class OutputError(Exception):
    """Writing the output failed (a full disk, a closed stdout...), as opposed to a
    reader that went away (:class:`BrokenPipeError`, which passes through)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error.strerror or str(error))
        self.error = error


class Output:
    """Lines written to *stream* (None when stdout is closed). Every write error other
    than a broken pipe becomes :class:`OutputError`, so it is never taken for an
    error reading input."""

    def __init__(self, stream: IO[str] | None) -> None:
        self.stream = stream

    def _stream(self) -> IO[str]:
        if self.stream is None:
            raise OutputError(OSError(errno.EBADF, "standard output is closed"))
        return self.stream

    def line(self, text: str = "") -> None:
        stream = self._stream()
        try:
            stream.write(printable(text) + "\n")
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc) from exc

    def lines(self, lines: Iterable[str]) -> None:
        for text in lines:
            self.line(text)

    def flush(self) -> None:
        stream = self._stream()
        try:
            stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc) from exc

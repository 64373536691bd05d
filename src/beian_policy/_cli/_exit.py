"""What the shell sees besides the output: the exit codes and the one-line messages
on stderr. Shared by the entry point and the commands that end with a code of their
own (``check --fail-if-not-direct``, ``validate-data``)."""

from __future__ import annotations

import sys

from ._layout import printable

__all__ = [
    "EXIT_BAD_DATA",
    "EXIT_BAD_INPUT",
    "EXIT_BLOCKS",
    "EXIT_NOT_DIRECT",
    "EXIT_OK",
    "EXIT_OUTPUT",
    "EXIT_USAGE",
    "PROG",
    "bounded",
    "error_line",
]

PROG = "beian-policy"

EXIT_OK = 0
EXIT_NOT_DIRECT = 1
EXIT_BLOCKS = 1  # preflight / footer: something blocks
EXIT_USAGE = 2
EXIT_BAD_INPUT = 3
EXIT_BAD_DATA = 3
EXIT_OUTPUT = 74  # EX_IOERR (sysexits.h): the output could not be written


# The longest message line: argparse echoes a bad argument whole, and an argument can
# be 100 KB.
LONGEST_MESSAGE = 1_000


def _one_line(text: str) -> str:
    return bounded(" ".join(text.split()))


def bounded(text: str) -> str:
    """*text* cut to :data:`LONGEST_MESSAGE` characters, marked where it was cut."""
    return text if len(text) <= LONGEST_MESSAGE else text[: LONGEST_MESSAGE - 1] + "…"


def error_line(message: str, *, prog: str = PROG, kind: str = "error") -> None:
    """``prog: kind: message`` on stderr: one line, whatever *message* holds."""
    print(printable(f"{prog}: {kind}: {_one_line(message)}"), file=sys.stderr)

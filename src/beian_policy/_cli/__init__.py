"""The ``beian-policy`` command line (also ``python -m beian_policy``).

Every subcommand prints readable, aligned text in Chinese or English, or with
``--json`` the same objects the API returns, serialised by :mod:`beian_policy._json`.

Exit codes: 0 success; 1 from ``check --fail-if-not-direct`` when the transfer is
not direct; 2 usage errors; 3 an unknown province, change or failure, a bad ICP
number, or bad data (including a data file that cannot be read); 74 (``EX_IOERR``)
the output could not be written (a full disk, a closed stdout). A reader that goes
away (``| head``) ends the command quietly. Errors are one line on stderr, never a
traceback.

The rooms: :mod:`._parser` (the grammar), :mod:`._commands` (what each command
asks and prints), :mod:`._render` (pure text of each answer), :mod:`._format`
(values into words), :mod:`._labels` (the interface's words), :mod:`._layout`
(display width and the output stream) and :mod:`._exit` (exit codes, stderr lines).
This module runs a command and turns every error into one line and an exit code.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import warnings
from collections.abc import Callable, Sequence
from typing import IO

from .._enums import Lang
from ..errors import BeianPolicyError, PolicyDataError, PolicyDataWarning
from ._commands import Context, default_lang
from ._errors import error_json, localised_message, usage_error_json
from ._exit import (
    EXIT_BAD_DATA,
    EXIT_BAD_INPUT,
    EXIT_NOT_DIRECT,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_USAGE,
    PROG,
    bounded,
    error_line,
)
from ._format import Formatter
from ._layout import Output, OutputError
from ._parser import UsageError, build_parser
from ._render import problems_text

__all__ = [
    "EXIT_BAD_DATA",
    "EXIT_BAD_INPUT",
    "EXIT_NOT_DIRECT",
    "EXIT_OK",
    "EXIT_OUTPUT",
    "EXIT_USAGE",
    "PROG",
    "build_parser",
    "default_lang",
    "main",
]


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, PolicyDataError):  # always at least one problem
        return problems_text(exc.path, exc.problems, f"; run '{PROG} validate-data {exc.path}' for all")
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc}"
    return str(exc)


def _report(
    exc: BeianPolicyError | OSError, args: argparse.Namespace | None, ctx: Context | None = None
) -> int:
    """The error in the caller's terms: JSON on stdout with ``--json``, else one line
    on stderr in the chosen language."""
    if args is not None and getattr(args, "json", False):
        with contextlib.suppress(OSError):  # stdout gone: the exit code still says it
            print(error_json(exc), flush=True)
        return EXIT_BAD_INPUT
    lang = Lang(args.lang) if args is not None and getattr(args, "lang", None) else default_lang()
    if isinstance(exc, BeianPolicyError) and not isinstance(exc, PolicyDataError):
        error_line(localised_message(exc, lang, _words(ctx)))
    else:
        error_line(_error_text(exc))
    return EXIT_BAD_INPUT


def _words(ctx: Context | None) -> Formatter | None:
    """The formatter of the run, to name an ambiguous name's choices in words; None
    when the policy itself could not be loaded."""
    if ctx is None:
        return None
    try:
        return ctx.words
    except (BeianPolicyError, OSError):
        return None


def _stdout_for_text() -> IO[str] | None:
    """stdout, switched to UTF-8 when its encoding cannot write Chinese (a C locale);
    None when it is closed."""
    stream = sys.stdout
    if stream is None:
        return None
    try:
        "备案".encode(getattr(stream, "encoding", None) or "ascii")
    except (UnicodeEncodeError, LookupError):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8")
    return stream


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default ``sys.argv[1:]``); return the exit code."""
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(words)
    out = Output(_stdout_for_text())
    args: argparse.Namespace | None = None
    ctx: Context | None = None
    try:
        try:
            args = parser.parse_args(words)
        except UsageError as exc:
            message = f"{bounded(exc.message)} (see '{exc.prog} --help')"
            if "--json" in words:
                with contextlib.suppress(OSError):
                    print(usage_error_json(message), flush=True)
                return EXIT_USAGE
            error_line(message, prog=exc.prog)
            return EXIT_USAGE
        except SystemExit as exc:  # --help: argparse has written the help to stdout
            out.flush()
            return exc.code if isinstance(exc.code, int) else EXIT_OK
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", PolicyDataWarning)
            ctx = Context(args, out)
            handler: Callable[[Context], int] = args.handler
            code = handler(ctx)
        for warning in caught:  # e.g. --data with a newer minor schema: one line each
            error_line(str(warning.message), kind="warning")
        out.flush()
        return code
    except BrokenPipeError:
        # The reader went away (| head): stop quietly.
        _discard_stdout()
        return EXIT_OK
    except OutputError as exc:
        error_line(f"cannot write the output: {exc}")
        _discard_stdout()
        return EXIT_OUTPUT
    except (BeianPolicyError, OSError) as exc:  # an OSError here is reading, not writing
        return _report(exc, args, ctx)
    except KeyboardInterrupt:
        return 130


def _discard_stdout() -> None:
    """Point stdout's descriptor at the null device, so Python's flush at exit neither
    fails nor complains about output that could not be written."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # closed, or not a real file
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)

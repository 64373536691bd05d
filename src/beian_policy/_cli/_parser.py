"""The command line's grammar: the options, the commands and their handlers.

``--json``, ``--lang`` and ``--data`` work before or after the command (a parent
parser whose defaults are suppressed), and a usage error is one line, not argparse's
usage block.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

from .._enums import Lang
from ..errors import shown
from ._commands import (
    run_changes,
    run_check,
    run_diagnose,
    run_disputes,
    run_failures,
    run_footer,
    run_parse,
    run_preflight,
    run_provinces,
    run_steps,
    run_table,
    run_validate,
    run_version,
)
from ._exit import PROG
from ._layout import Output
from ._more import run_find, run_province, run_rules

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

__all__ = ["COMMANDS", "UsageError", "build_parser"]


class UsageError(Exception):
    """A bad command line: reported by the entry point in one line, exit 2."""

    def __init__(self, prog: str, message: str) -> None:
        super().__init__(message)
        self.prog = prog
        self.message = message


def _terminal_columns() -> int:
    """The terminal's width as :func:`shutil.get_terminal_size` gives it (``COLUMNS``,
    else stdout's terminal, else 80), without importing :mod:`shutil`, which brings
    the compression modules with it and costs a one-question run about 6 ms."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):  # no stdout, closed, or not a terminal
            columns = 0
    return columns or 80


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help formatter, its width found by :func:`_terminal_columns` (argparse
    makes one for every option it adds, and its own imports :mod:`shutil` for the width)."""

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
    ) -> None:
        if width is None:
            width = _terminal_columns() - 2  # as argparse does
        super().__init__(prog, indent_increment, max_help_position, width)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line and exit 2 (raised, then reported),
    with :class:`_HelpFormatter` unless told otherwise."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        parsed, extra = super().parse_known_args(args, namespace)
        # A command's question is its positional argument or --batch, not neither.
        required = getattr(parsed, "question_argument", None)
        if required is not None and getattr(parsed, "batch", None) is None:
            dest, metavar = required
            if getattr(parsed, dest, None) is None:
                self.error(f"the following arguments are required: {metavar} (or --batch FILE)")
        return parsed, extra

    def error(self, message: str) -> NoReturn:
        raise UsageError(self.prog, message)

    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        if file is not None:
            super().print_help(file)
            return
        # --help: argparse would ignore errors writing it; report them as for any output.
        Output(sys.stdout).line(self.format_help().rstrip("\n"))


def _path(text: str) -> str:
    """A file path option: never empty (``Path("")`` would be the current directory)."""
    if not text:
        raise argparse.ArgumentTypeError("expected a file path, not an empty string")
    if "\x00" in text:  # no file name holds one; the OS would refuse it with a ValueError
        raise argparse.ArgumentTypeError("a file path cannot contain a NUL character")
    return text


def _date(text: str) -> dt.date:
    """An ``--as-of`` date: ``YYYY-MM-DD``."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {shown(text)}") from None


def _common_options(parser: argparse.ArgumentParser, *, defaults: bool) -> None:
    def default(value: object) -> object:
        return value if defaults else argparse.SUPPRESS

    parser.add_argument(
        "--json", action="store_true", default=default(False), help="print JSON (stable keys) instead of text"
    )
    parser.add_argument(
        "--lang",
        choices=[lang.value for lang in Lang],
        default=default(None),
        help="language of the text output (default: from the locale, else zh)",
    )
    parser.add_argument(
        "--data",
        metavar="PATH",
        type=_path,
        default=default(None),
        help="use this policy data file instead of the shipped one",
    )


def _time_options(parser: argparse.ArgumentParser, *, all_providers: bool = False) -> None:
    """``--as-of`` and ``--according-to``: the date to answer for and the provider view."""
    parser.add_argument(
        "--as-of",
        type=_date,
        metavar="DATE",
        help="answer as on this date, YYYY-MM-DD (default: the data's own date)",
    )
    parser.add_argument(
        "--according-to",
        metavar="PROVIDER",
        help="answer from one provider's statements alone: tencent_cloud, alibaba_cloud, ucloud, qingcloud,"
        " jd_cloud, huawei_cloud, baidu_cloud (or its name)"
        + ("; all: the combined view, then one block per provider" if all_providers else ""),
    )


def _change_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--change",
        "-c",
        dest="changes",
        action="append",
        default=[],
        metavar="KIND",
        help="a change since the filing (repeat, or separate with commas); see `changes`",
    )
    parser.add_argument(
        "--subject-kind",
        metavar="KIND",
        help="who holds the filing: organisation (单位, 企业) or individual (个人); some"
        " provinces rule differently for individuals",
    )


def _batch_option(parser: argparse.ArgumentParser, dest: str, metavar: str) -> None:
    parser.add_argument(
        "--batch",
        metavar="FILE",
        type=_path,
        help="answer every line of FILE (- for stdin): JSON Lines or CSV in, keyed like the"
        " options; JSON Lines out, one result or error per line",
    )
    parser.set_defaults(question_argument=(dest, metavar))


def _either_or(parser: argparse.ArgumentParser, dest: str, yes: tuple[str, str], no: tuple[str, str]) -> None:
    """A fact that is true, false or not given (None): two exclusive flags."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(yes[0], dest=dest, action="store_const", const=True, default=None, help=yes[1])
    group.add_argument(no[0], dest=dest, action="store_const", const=False, help=no[1])


def _check(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "province", metavar="PROVINCE", nargs="?", help="code, name or abbreviation: CN-GD, 广东, 粤, 44"
    )
    _batch_option(p, "province", "PROVINCE")
    _change_option(p)
    _time_options(p)
    p.add_argument("--fail-if-not-direct", action="store_true", help="exit 1 when the transfer is not direct")


def _steps(p: argparse.ArgumentParser) -> None:
    p.add_argument("province", metavar="PROVINCE", nargs="?")
    _batch_option(p, "province", "PROVINCE")
    _change_option(p)
    _time_options(p)
    facts = p.add_argument_group("facts (each adds the steps it needs)")
    facts.add_argument(
        "--domain-owner-differs", action="store_true", help="the domain owner is not the subject"
    )
    facts.add_argument(
        "--domain-held-by-legal-representative",
        action="store_true",
        help="the organisation's legal representative holds the domain",
    )
    facts.add_argument("--regulated-industry", action="store_true", help="needs pre-approval (前置审批)")
    facts.add_argument(
        "--original-provider-unreachable", action="store_true", help="the original provider cannot be reached"
    )
    facts.add_argument(
        "--has-extra-filings", action="store_true", help="the subject holds several filing numbers"
    )
    facts.add_argument(
        "--domain-registered-overseas", action="store_true", help="a domain is held at an overseas registrar"
    )
    facts.add_argument(
        "--multiple-cloud-resources", action="store_true", help="the site uses several cloud resources"
    )


def _diagnose(p: argparse.ArgumentParser) -> None:
    p.add_argument("failure", metavar="FAILURE", nargs="?", help="a failure reason; see `failures`")
    _batch_option(p, "failure", "FAILURE")
    p.add_argument("--province", "-p", help="the province of the filing")
    _either_or(
        p,
        "submitted_to_administration",
        ("--submitted", "the application had reached the administration (管局)"),
        ("--not-submitted", "the application was still with the provider"),
    )
    _either_or(
        p,
        "subject_has_other_websites",
        ("--has-other-websites", "the subject has other filed websites"),
        ("--no-other-websites", "this is the subject's only website"),
    )
    _either_or(
        p,
        "original_provider_reachable",
        ("--original-provider-reachable", "the original provider can still be reached"),
        ("--original-provider-unreachable", "the original provider cannot be reached"),
    )
    p.add_argument("--icp-number", metavar="NUMBER", help="the filing number, e.g. 京ICP备12345678号-1")
    p.add_argument(
        "--cause", metavar="ID", help="narrow to one of the failure's causes (ids: see `failures`)"
    )
    _time_options(p)


def _parse(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "number", metavar="NUMBER", nargs="?", help="as pasted: 京ICP备12345678号-2, 粤B2-20090059-5, ..."
    )
    _batch_option(p, "number", "NUMBER")


def _nothing(p: argparse.ArgumentParser) -> None:
    """A command with the common options only."""


def _validate(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", metavar="PATH", type=_path)


def _table(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format",
        choices=["csv", "json"],
        default="csv",
        help="output format (default csv; --json means json)",
    )
    _time_options(p, all_providers=True)


def _find(p: argparse.ArgumentParser) -> None:
    p.add_argument("source", metavar="FILE", type=_path, help="a file, or - to read stdin")


def _province(p: argparse.ArgumentParser) -> None:
    p.add_argument("province", metavar="PROVINCE", help="code, name or abbreviation: CN-GD, 广东, 粤, 44")
    _time_options(p)


def _preflight(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "application", metavar="APPLICATION", type=_path, help="a .toml or .json file, or - for stdin"
    )
    p.add_argument("--province", "-p", help="the province (default: the file's 'province' key)")
    _time_options(p)


def _footer(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", type=_path, help="an HTML file, or - for stdin")
    p.add_argument(
        "--icp-number", required=True, metavar="NUMBER", help="the filing number the page must show"
    )
    p.add_argument(
        "--as-of", type=_date, metavar="DATE", help="check as on this date (default: the data's own date)"
    )


#: Every command: its name, what it does, its handler and its own options, in the
#: order ``--help`` lists them.
COMMANDS: tuple[tuple[str, str, Callable[..., int], Callable[[argparse.ArgumentParser], None]], ...] = (
    ("check", "can the filing be transferred directly?", run_check, _check),
    ("steps", "the numbered plan for a transfer", run_steps, _steps),
    ("diagnose", "why a transfer failed, and what to do", run_diagnose, _diagnose),
    ("parse", "an ICP number, normalised and explained", run_parse, _parse),
    ("provinces", "the 31 provinces and their key rules", run_provinces, _nothing),
    ("changes", "the change kinds and their meanings", run_changes, _nothing),
    ("failures", "the failure reasons and their meanings", run_failures, _nothing),
    ("validate-data", "check a policy data file; list every problem", run_validate, _validate),
    ("disputes", "every answer the sources disagree on, and what each says", run_disputes, _time_options),
    ("table", "every province x change x subject kind, decided (CSV or JSON)", run_table, _table),
    ("find", "the ICP numbers in a text or HTML page (FILE, or - for stdin)", run_find, _find),
    ("province", "everything the data says about one province", run_province, _province),
    ("rules", "the rules in every province and what a rejected transfer means", run_rules, _nothing),
    ("preflight", "check a whole application before submitting it", run_preflight, _preflight),
    ("footer", "check a page's footer: filing number and link", run_footer, _footer),
    ("version", "code, data and schema versions", run_version, _nothing),
)


def build_parser(words: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The whole command line: common options, before or after the command, and one
    subparser per command with its handler as ``handler``.

    Given *words* (the command line about to be parsed), only the commands named among
    them get their options (argparse builds a help formatter for every option, which
    costs a one-question run more than the question): the command chosen is always
    one of the words, and the others are then only names in ``--help`` and in errors.
    """
    chosen = None if words is None else {name for name, *_ in COMMANDS if name in words}
    parser = _Parser(
        prog=PROG,
        description="China's ICP filing transfer (接入备案) rules: decisions, plans and sources.",
        epilog="Exit codes: 0 success, 1 not direct (check --fail-if-not-direct) or something blocks "
        "(preflight, footer), 2 usage, "
        "3 unknown province/change/failure, bad ICP number or bad data, "
        "74 the output could not be written.",
    )
    _common_options(parser, defaults=True)
    common = _Parser(add_help=False)
    _common_options(common, defaults=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True, parser_class=_Parser)
    for name, help_text, handler, add_options in COMMANDS:
        if chosen is not None and name not in chosen:  # never chosen in this run: a name in --help
            sub.add_parser(name, help=help_text, add_help=False)
            continue
        p = sub.add_parser(name, help=help_text, description=help_text, parents=[common])
        p.set_defaults(handler=handler)
        add_options(p)
    return parser

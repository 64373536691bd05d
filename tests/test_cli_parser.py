"""The command line builds only the options of the commands its words name: every
help text, every parse and every usage error is the one the whole grammar gives."""

from __future__ import annotations

import argparse
import contextlib
import io

import pytest

from beian_policy._cli import main
from beian_policy._cli._parser import COMMANDS, UsageError, build_parser

NAMES = [name for name, *_ in COMMANDS]


def outcome(parser: argparse.ArgumentParser, words: list[str]) -> tuple[str, object]:
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            parsed = parser.parse_args(words)
    except UsageError as exc:
        return ("usage", (exc.prog, exc.message))
    except SystemExit as exc:  # --help
        return ("exit", (exc.code, out.getvalue()))
    found = vars(parsed)
    return ("parsed", sorted((k, repr(v)) for k, v in found.items()))


LINES = [
    ["check", "北京", "-c", "subject_name", "--lang", "en"],
    ["--json", "check", "--batch", "-"],
    ["--data", "steps", "check", "北京"],  # a file named like a command
    ["--lang", "check"],
    ["steps", "北京", "--regulated-industry", "-c", "website_name,subject_name"],
    ["diagnose", "--not-submitted", "--province", "粤", "icp_number_mismatch"],
    ["parse", "京ICP备10046444号-9"],
    ["footer", "-", "--icp-number", "京ICP备10046444号-9", "--as-of", "2026-13-01"],
    ["table", "--format", "json", "--according-to", "all"],
    ["provinces", "--json"],
    ["version"],
    ["chek", "北京"],
    [],
    ["--help"],
    ["-h"],
    ["check"],  # neither PROVINCE nor --batch
    ["check", "--no-such-option"],
    ["check", "steps", "北京"],
    ["validate-data", ""],
    ["province", "粤", "--as-of", "2026-12-01"],
    ["preflight", "-", "-p", "粤"],
    ["find", "-"],
    *[[name, "--help"] for name in NAMES],
]


@pytest.mark.parametrize("words", LINES, ids=[" ".join(w) or "(nothing)" for w in LINES])
def test_a_command_line_parses_as_with_the_whole_grammar(words: list[str]) -> None:
    whole = outcome(build_parser(), words)
    assert outcome(build_parser(words), words) == whole
    if whole[0] == "exit":  # help: the text of the command named, in full
        assert "usage: beian-policy" in str(whole[1])


def test_only_the_commands_named_get_their_options() -> None:
    sub = next(a for a in build_parser(["check"])._actions if isinstance(a, argparse._SubParsersAction))
    with_options = {name for name, p in sub.choices.items() if len(p._actions) > 0}
    assert with_options == {"check"}


def test_main_answers_one_check_with_the_grammar_it_built(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "北京", "-c", "subject_name", "--lang", "en"]) == 0
    assert "Beijing" in capsys.readouterr().out
    assert main(["--lang", "en", "steps", "北京", "--regulated-industry"]) == 0
    assert main(["chek", "北京"]) == 2
    assert "invalid choice: 'chek'" in capsys.readouterr().err


def _help(formatter: type[argparse.HelpFormatter] | None = None) -> str:
    """The top-level help and ``check``'s, with *formatter* (default: the parser's own)."""
    top = build_parser()
    sub = next(a for a in top._actions if isinstance(a, argparse._SubParsersAction))
    check = build_parser(["check"])
    check_sub = next(a for a in check._actions if isinstance(a, argparse._SubParsersAction))
    parsers = [top, check_sub.choices["check"]]
    assert sub is not check_sub
    if formatter is not None:
        for parser in parsers:
            parser.formatter_class = formatter
    return "".join(parser.format_help() for parser in parsers)


@pytest.mark.parametrize("columns", ["40", "100", "200", "0", "wide"])
def test_help_is_as_wide_as_argparse_makes_it(columns: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The parser finds the width without shutil; the help is what argparse's own
    # formatter (which asks shutil) writes, for any COLUMNS, valid or not.
    monkeypatch.setenv("COLUMNS", columns)
    ours = _help()
    assert ours == _help(argparse.HelpFormatter)
    if columns == "40":
        assert max(map(len, ours.splitlines())) <= 60  # near 40 (long option words overrun)
    if columns == "200":
        assert "[--as-of DATE] [--according-to PROVIDER]" in ours  # one long usage line

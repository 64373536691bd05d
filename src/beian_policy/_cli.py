"""The ``beian-policy`` command line (also ``python -m beian_policy``).

Every subcommand prints readable, aligned text in Chinese or English, or with
``--json`` the same objects the API returns, serialised by :mod:`beian_policy._json`.

Exit codes: 0 success; 1 from ``check --fail-if-not-direct`` when the transfer is
not direct; 2 usage errors; 3 an unknown province, change or failure, a bad ICP
number, or bad data (including a data file that cannot be read); 74 (``EX_IOERR``)
the output could not be written (a full disk, a closed stdout). A reader that goes
away (``| head``) ends the command quietly. Errors are one line on stderr, never a
traceback.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, NoReturn

from ._cli_text import Output, OutputError, display_width, pad, printable, ui_text, wrap
from ._decision import TransferDecision, assess_transfer, coerce_changes
from ._diagnosis import Diagnosis, Remedy, diagnose
from ._enums import Change, Lang, Status, SubjectKind, Timing
from ._errors import BeianPolicyError, DataProblem, PolicyDataError, PolicyDataWarning
from ._icp import IcpKind, IcpNumber, parse_icp_number
from ._json import to_json
from ._loader import SCHEMA_VERSION, default_policy, inspect_policy, load_policy
from ._model import Province, ProvinceRules, SiteFact, Source
from ._plan import TransferPlan, plan_transfer
from ._policy import Policy
from ._step import Step
from ._version import __version__

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

__all__ = ["default_lang", "main"]

PROG = "beian-policy"

EXIT_OK = 0
EXIT_NOT_DIRECT = 1
EXIT_USAGE = 2
EXIT_BAD_INPUT = 3
EXIT_BAD_DATA = 3
EXIT_OUTPUT = 74  # EX_IOERR (sysexits.h): the output could not be written

# --------------------------------------------------------------------------------------
# Parsing the command line.
# --------------------------------------------------------------------------------------


class _UsageError(Exception):
    def __init__(self, prog: str, message: str) -> None:
        super().__init__(message)
        self.prog = prog
        self.message = message


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line and exit 2 (raised, then reported)."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(self.prog, message)

    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        if file is not None:
            super().print_help(file)
            return
        # --help: argparse would ignore errors writing it; report them as for any output.
        Output(sys.stdout).line(self.format_help().rstrip("\n"))


def default_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """English when the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``, the first that is
    set) starts with ``en``; Chinese otherwise."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return Lang.EN if value.lower().startswith("en") else Lang.ZH
    return Lang.ZH


def _path(text: str) -> str:
    """A file path option: never empty (``Path("")`` would be the current directory)."""
    if not text:
        raise argparse.ArgumentTypeError("expected a file path, not an empty string")
    return text


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
        choices=[kind.value for kind in SubjectKind],
        help="who holds the filing; some provinces rule differently for individuals",
    )


def _either_or(parser: argparse.ArgumentParser, dest: str, yes: tuple[str, str], no: tuple[str, str]) -> None:
    """A fact that is true, false or not given (None): two exclusive flags."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(yes[0], dest=dest, action="store_const", const=True, default=None, help=yes[1])
    group.add_argument(no[0], dest=dest, action="store_const", const=False, help=no[1])


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="China's ICP filing transfer (接入备案) rules: decisions, plans and sources.",
        epilog="Exit codes: 0 success, 1 not direct (check --fail-if-not-direct), 2 usage, "
        "3 unknown province/change/failure, bad ICP number or bad data, "
        "74 the output could not be written.",
    )
    _common_options(parser, defaults=True)
    common = _Parser(add_help=False)
    _common_options(common, defaults=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True, parser_class=_Parser)

    def command(name: str, help_text: str, handler: Callable[..., int]) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text, parents=[common])
        p.set_defaults(handler=handler)
        return p

    p = command("check", "can the filing be transferred directly?", _cmd_check)
    p.add_argument("province", metavar="PROVINCE", help="code, name or abbreviation: CN-GD, 广东, 粤, 44")
    _change_option(p)
    p.add_argument("--fail-if-not-direct", action="store_true", help="exit 1 when the transfer is not direct")

    p = command("steps", "the numbered plan for a transfer", _cmd_steps)
    p.add_argument("province", metavar="PROVINCE")
    _change_option(p)
    facts = p.add_argument_group("facts (each adds the steps it needs)")
    facts.add_argument(
        "--domain-owner-differs", action="store_true", help="the domain owner is not the subject"
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

    p = command("diagnose", "why a transfer failed, and what to do", _cmd_diagnose)
    p.add_argument("failure", metavar="FAILURE", help="a failure reason; see `failures`")
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

    p = command("parse", "an ICP number, normalised and explained", _cmd_parse)
    p.add_argument("number", metavar="NUMBER", help="as pasted: 京ICP备12345678号-2, 粤B2-20090059-5, ...")

    command("provinces", "the 31 provinces and their key rules", _cmd_provinces)
    command("changes", "the change kinds and their meanings", _cmd_changes)
    command("failures", "the failure reasons and their meanings", _cmd_failures)

    p = command("validate-data", "check a policy data file; list every problem", _cmd_validate)
    p.add_argument("path", metavar="PATH", type=_path)

    command("version", "code, data and schema versions", _cmd_version)
    return parser


# --------------------------------------------------------------------------------------
# The context a command runs in.
# --------------------------------------------------------------------------------------


class _Context:
    def __init__(self, args: argparse.Namespace, out: Output) -> None:
        self.args = args
        self.out = out
        self.json: bool = bool(args.json)
        self.lang = Lang(args.lang) if args.lang else default_lang()
        self._policy: Policy | None = None

    @property
    def policy(self) -> Policy:
        if self._policy is None:
            data: str | None = self.args.data
            # Always a path: a value with a line break must not be read as TOML text.
            self._policy = default_policy() if data is None else load_policy(Path(data), origin=data)
        return self._policy

    def emit_json(self, obj: object) -> None:
        self.out.line(to_json(obj))

    # -- pieces of text in the chosen language -------------------------------------------
    def t(self, key: str, **values: object) -> str:
        return ui_text(key, self.lang, **values)

    @property
    def zh(self) -> bool:
        return self.lang is Lang.ZH

    def colon(self, key: str) -> str:
        """The label *key* ending a line or heading a column: ``Label:``."""
        return self.t(key) + ("：" if self.zh else ":")

    def label(self, key: str) -> str:
        """The label *key* before text on the same line: ``Label: `` / ``标签：``."""
        return self.t(key) + ("：" if self.zh else ": ")

    def join(self, items: Iterable[str]) -> str:
        return ("；" if self.zh else "; ").join(items)

    def facts(self, pairs: Iterable[tuple[str, bool | None]]) -> str:
        return ("，" if self.zh else ", ").join(f"{name}={self.yes_no(value)}" for name, value in pairs)

    def aside(self, items: Iterable[str]) -> str:
        """`` (a, b)`` or ``（a，b）``; empty when there is nothing to say."""
        parts = [item for item in items if item]
        if not parts:
            return ""
        return f"（{'，'.join(parts)}）" if self.zh else f" ({', '.join(parts)})"

    def yes_no(self, value: bool | None) -> str:
        return "?" if value is None else self.t("yes" if value else "no")

    def province(self, province: Province) -> str:
        if self.zh:
            return f"{province.name}（{province.code}，{province.name_en}）"
        return f"{province.name_en} ({province.name}, {province.code})"

    def change(self, change: Change) -> str:
        return self.policy.change_text(change).get(self.lang)

    def deadline(self, days: int | None) -> str:
        return "" if days is None else self.t("deadline", n=days)

    def fields(self, rows: Sequence[tuple[str, str]], *, indent: str = "") -> list[str]:
        """``label:  value`` rows, values aligned and wrapped under themselves."""
        labels = [self.colon(key) for key, _ in rows]
        width = max(map(display_width, labels), default=0)
        lines: list[str] = []
        for label, (_, value) in zip(labels, rows, strict=True):
            head = indent + pad(label, width) + "  "
            lines.extend(wrap(value, first=head, indent=" " * display_width(head)))
        return lines

    def bullet(self, text: str, *, indent: str = "  ") -> list[str]:
        return wrap(text, first=indent + "- ", indent=indent + "  ")

    def sources(self, sources: Iterable[Source]) -> list[str]:
        lines = [self.colon("sources")]
        for source in sources:
            lines.extend(
                wrap(f"{source.provider}: {source.title}", first=f"  [{source.id}] ", indent="      ")
            )
            # Locations are never wrapped: a broken URL or path cannot be copied.
            lines.extend("      " + where for where in _where(source))
        return lines


def _where(source: Source) -> list[str]:
    if source.url:
        return [source.url]
    lines = []
    if source.repository:
        lines.append(source.repository + (f" @ {source.commit[:12]}" if source.commit else ""))
    if source.path:
        lines.append(source.path)
    return lines


def _changes(values: Sequence[str]) -> frozenset[Change]:
    """The --change options: repeated, or separated by commas (either width). Empty
    items are kept, so ``-c ""`` or ``-c a,`` is the library's unknown-change error."""
    items = [part for value in values for part in value.replace("，", ",").split(",")]
    return coerce_changes(items)


def _ordered(changes: Iterable[Change]) -> list[Change]:
    order = list(Change)
    return sorted(changes, key=order.index)


# --------------------------------------------------------------------------------------
# Commands.
# --------------------------------------------------------------------------------------


def _verdict_text(ctx: _Context, decision: TransferDecision, *, refile: bool = False) -> str:
    if not decision.direct:
        return ctx.t("not_direct_refile" if refile else "not_direct")
    return ctx.t("direct_deferred" if decision.deferred else "direct_none")


def _decision_head(ctx: _Context, decision: TransferDecision, *, refile: bool = False) -> list[str]:
    changes = ctx.join(ctx.change(c) for c in _ordered(decision.changes)) or ctx.t("none")
    kind = ctx.t(decision.subject_kind.value) if decision.subject_kind else ctx.t("any_kind")
    basis = decision.basis.value
    rows = [
        ("changes", changes),
        ("subject_kind", kind),
        ("verdict", _verdict_text(ctx, decision, refile=refile)),
        ("basis", f"{basis}{ctx.aside([ctx.t('basis_' + basis)])}"),
        ("disputed", ctx.t("disputed_yes") if decision.disputed else ctx.t("no")),
        ("data", decision.data_version),
    ]
    return [ctx.province(decision.province), *ctx.fields(rows)]


def _cmd_check(ctx: _Context) -> int:
    args = ctx.args
    decision = assess_transfer(
        args.province, _changes(args.changes), subject_kind=args.subject_kind, policy=ctx.policy
    )
    code = EXIT_NOT_DIRECT if args.fail_if_not_direct and not decision.direct else EXIT_OK
    if ctx.json:
        ctx.emit_json(decision)
        return code
    out = ctx.out
    out.lines(_decision_head(ctx, decision))
    for key, timing in (("blocking", Timing.BEFORE), ("deferred", Timing.AFTER)):
        out.line()
        out.line(ctx.colon(key))
        verdicts = [v for v in decision.verdicts if v.timing is timing]
        if not verdicts:
            out.line("  " + ctx.t("none"))
        for verdict in verdicts:
            notes = [ctx.deadline(verdict.deadline_working_days)]
            if verdict.disputed:
                notes.append(ctx.t("disputed_mark"))
            out.lines(ctx.bullet(f"{ctx.change(verdict.change)} [{verdict.change.value}]{ctx.aside(notes)}"))
            out.lines(
                wrap(f"{ctx.t('rule')} {verdict.rule}{ctx.aside([verdict.basis.value])}", indent="    ")
            )
    out.line()
    out.lines(ctx.sources(decision.sources))
    return code


def _print_steps(ctx: _Context, steps: Sequence[Step], *, indent: str = "") -> None:
    number_width = len(str(len(steps)))
    for number, step in enumerate(steps, start=1):
        head = f"{indent} {number:>{number_width}}. "
        inner = " " * len(head)
        ctx.out.lines(wrap(step.title(ctx.lang), first=head, indent=inner))
        details = []
        if step.deadline_working_days is not None:
            details.append(ctx.label("deadline_label") + ctx.deadline(step.deadline_working_days))
        if step.changes:
            details.append(ctx.label("changes_label") + ", ".join(c.value for c in _ordered(step.changes)))
        if details:
            ctx.out.lines(wrap(" · ".join(details), indent=inner))
        for warning in step.warnings:
            ctx.out.lines(wrap(ctx.t("caution") + warning.get(ctx.lang), indent=inner))
        ids = ", ".join(s.id for s in step.sources)
        ctx.out.lines(wrap(f"{ctx.t('rule')} {step.rule} [{ids}]", indent=inner))


def _step_sources(steps: Iterable[Step]) -> list[Source]:
    found: dict[str, Source] = {}
    for step in steps:
        for source in step.sources:
            found.setdefault(source.id, source)
    return list(found.values())


def _cmd_steps(ctx: _Context) -> int:
    args = ctx.args
    plan: TransferPlan = plan_transfer(
        args.province,
        _changes(args.changes),
        subject_kind=args.subject_kind,
        domain_owner_matches_subject=not args.domain_owner_differs,
        regulated_industry=args.regulated_industry,
        original_provider_reachable=not args.original_provider_unreachable,
        has_extra_filings=args.has_extra_filings,
        domain_registered_overseas=args.domain_registered_overseas,
        multiple_cloud_resources=args.multiple_cloud_resources,
        policy=ctx.policy,
    )
    if ctx.json:
        ctx.emit_json(plan)
        return EXIT_OK
    out = ctx.out
    out.lines(_decision_head(ctx, plan.decision, refile="cancel_website" in plan.step_ids))
    out.line()
    out.line(ctx.colon("steps"))
    _print_steps(ctx, plan.steps)
    out.line()
    out.lines(ctx.sources(_step_sources(plan.steps)))
    return EXIT_OK


#: The options that give each fact ``diagnose`` may name as unknown.
_FACT_OPTIONS: Mapping[str, str] = {
    "province": "--province P",
    "cause": "--cause ID",
    "submitted_to_administration": "--submitted / --not-submitted",
    "subject_has_other_websites": "--has-other-websites / --no-other-websites",
    "original_provider_reachable": "--original-provider-reachable / --original-provider-unreachable",
    "icp_number": "--icp-number NUMBER",
}


def _remedy_status(ctx: _Context, remedy: Remedy) -> str:
    if remedy.applies:
        return ctx.t("applies")
    wanted = ctx.facts(remedy.condition)
    return ctx.t("applies_if", c=wanted)


def _cmd_diagnose(ctx: _Context) -> int:
    args = ctx.args
    diagnosis = diagnose(
        args.failure,
        args.province,
        submitted_to_administration=args.submitted_to_administration,
        subject_has_other_websites=args.subject_has_other_websites,
        original_provider_reachable=args.original_provider_reachable,
        cause=args.cause,
        icp_number=args.icp_number,
        policy=ctx.policy,
    )
    if ctx.json:
        ctx.emit_json(diagnosis)
        return EXIT_OK
    _print_diagnosis(ctx, diagnosis)
    return EXIT_OK


def _print_diagnosis(ctx: _Context, diagnosis: Diagnosis) -> None:
    out = ctx.out
    out.line(f"{diagnosis.describe(ctx.lang)} [{diagnosis.failure.value}]")
    rows: list[tuple[str, str]] = []
    if diagnosis.province is not None:
        rows.append(("province", ctx.province(diagnosis.province)))
    if diagnosis.subject_number is not None:
        rows.append(("icp_subject_number", diagnosis.subject_number))
    if diagnosis.icp_number_problem is not None:
        rows.append(("icp_problem", diagnosis.icp_number_problem))
    if diagnosis.facts:
        rows.append(("facts", ctx.facts(diagnosis.facts)))
    rows.append(("data", diagnosis.data_version))
    out.lines(ctx.fields(rows))
    if diagnosis.note is not None:
        out.lines(wrap(diagnosis.note.get(ctx.lang)))

    out.line()
    out.line(ctx.colon("causes"))
    for cause in diagnosis.causes:
        out.lines(ctx.bullet(f"{cause.describe(ctx.lang)} [{cause.id}]"))

    out.line()
    out.line(ctx.colon("remedies"))
    if not diagnosis.remedies:
        out.line("  " + ctx.t("none"))
    for remedy in diagnosis.remedies:
        out.lines(
            ctx.bullet(f"{remedy.describe(ctx.lang)} [{remedy.id}]{ctx.aside([_remedy_status(ctx, remedy)])}")
        )
        for text in (remedy.detail, remedy.number_hint):
            if text is not None:
                out.lines(wrap(text.get(ctx.lang), indent="    "))
        if not diagnosis.decided:
            _print_steps(ctx, remedy.steps, indent="   ")

    if diagnosis.decided:
        out.line()
        out.line(ctx.colon("steps"))
        _print_steps(ctx, diagnosis.steps)
    if diagnosis.unknown_facts:
        out.line()
        out.line(ctx.colon("to_decide"))
        for name in diagnosis.unknown_facts:
            out.lines(ctx.bullet(f"{name}: {_FACT_OPTIONS.get(name, name)}"))
    if diagnosis.related:
        out.line()
        out.lines(wrap(", ".join(f.value for f in diagnosis.related), first=ctx.label("related")))
    out.line()
    out.lines(ctx.sources(diagnosis.sources))


def _cmd_parse(ctx: _Context) -> int:
    number: IcpNumber = parse_icp_number(ctx.args.number, policy=ctx.policy)
    if ctx.json:
        ctx.emit_json(number)
        return EXIT_OK
    kind = {IcpKind.FILING: "kind_filing", IcpKind.LICENCE: "kind_licence", IcpKind.B2: "kind_b2"}[
        number.kind
    ]
    if number.site is None:
        site, service = ctx.t("subject_only"), "-"
    else:
        site = str(number.site)
        service = ctx.t(f"service_{number.service.value}" if number.service else "service_none")
    rows = [
        ("icp_province", ctx.province(number.province) if number.province else ctx.t("ministry")),
        ("icp_kind", f"{number.kind.value}{ctx.aside([ctx.t(kind)])}"),
        ("icp_subject", number.subject_number),
        ("icp_serial", number.serial),
        ("icp_site", site),
        ("icp_service", service),
    ]
    if number.alternative_abbreviation and number.province is not None:
        rows.append(
            ("icp_written", ctx.t("alt_abbr", a=number.abbreviation, c=number.province.icp_abbreviation))
        )
    ctx.out.line(number.canonical)
    ctx.out.lines(ctx.fields(rows, indent="  "))
    return EXIT_OK


def _glance_fact(ctx: _Context, fact: SiteFact) -> str:
    if fact.status is Status.UNKNOWN:
        return "?"
    return ctx.yes_no(fact.value) + ("*" if fact.disputed else "")


def _glance_default(ctx: _Context, rules: ProvinceRules) -> str:
    (catch_all,) = [r for r in rules.transfer_rules if r.covers_all]
    if not catch_all.stated or catch_all.timing is None:
        return ctx.t("unknown")
    text = ctx.t(catch_all.timing.value)
    if catch_all.deadline_working_days is not None:
        text += " " + ctx.t("days_short", n=catch_all.deadline_working_days)
    return text + ("*" if catch_all.disputed else "")


_COLUMNS = ("code", "name", "name_other", "abbr", "default_rule", "specific", "filed_up", "unfiled_off")


def _cmd_provinces(ctx: _Context) -> int:
    policy = ctx.policy
    if ctx.json:
        ctx.emit_json(policy.rules)
        return EXIT_OK
    rows: list[list[str]] = [[ctx.t(column) for column in _COLUMNS]]
    for rules in policy.rules:
        p = rules.province
        names = (p.short_name, p.name_en) if ctx.zh else (p.name_en, p.short_name)
        specific = sum(1 for r in rules.transfer_rules if not r.covers_all)
        rows.append(
            [
                p.code,
                *names,
                " ".join((p.icp_abbreviation, *p.alternative_abbreviations)),
                _glance_default(ctx, rules),
                f"+{specific}" if specific else "-",
                _glance_fact(ctx, rules.filed_sites_reachable),
                _glance_fact(ctx, rules.unfiled_sites_closed),
            ]
        )
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(_COLUMNS))]
    out = ctx.out
    for index, row in enumerate(rows):
        out.line("  ".join(pad(cell, widths[i]) for i, cell in enumerate(row)).rstrip())
        if index == 0:
            out.line("  ".join("-" * w for w in widths))
    out.line()
    legend = [(column, ctx.t(f"legend_{column}")) for column in _COLUMNS[4:]]
    width = max(display_width(ctx.t(column)) for column, _ in legend)
    for column, text in legend:
        out.lines(wrap(text, first=pad(ctx.t(column), width) + "  ", indent=" " * (width + 2)))
    out.lines(wrap(ctx.t("legend_marks")))
    out.lines(ctx.fields([("data", policy.data_version)]))
    return EXIT_OK


def _vocabulary(ctx: _Context, items: Sequence[tuple[str, str]]) -> None:
    width = max(display_width(key) for key, _ in items)
    for key, text in items:
        ctx.out.lines(wrap(text, first=pad(key, width) + "  ", indent=" " * (width + 2)))


def _cmd_changes(ctx: _Context) -> int:
    texts = {change: ctx.policy.change_text(change) for change in Change}
    if ctx.json:
        ctx.emit_json(texts)
        return EXIT_OK
    _vocabulary(ctx, [(change.value, text.get(ctx.lang)) for change, text in texts.items()])
    return EXIT_OK


def _cmd_failures(ctx: _Context) -> int:
    failures = ctx.policy.failures
    if ctx.json:
        ctx.emit_json(failures)
        return EXIT_OK
    out = ctx.out
    for index, info in enumerate(failures):
        if index:
            out.line()
        out.lines(wrap(info.title.get(ctx.lang), first=f"{info.failure.value}  ", indent="    "))
        for key, texts in (
            ("causes", [f"{c.describe(ctx.lang)} [{c.id}]" for c in info.causes]),
            ("remedies", [f"{r.label.get(ctx.lang)} [{r.id}]" for r in info.remedies]),
        ):
            out.line("  " + ctx.colon(key))
            for text in texts:
                out.lines(ctx.bullet(text, indent="    "))
    return EXIT_OK


def _cmd_validate(ctx: _Context) -> int:
    path: str = ctx.args.path
    policy, problems, notes = inspect_policy(Path(path), origin=path)
    for note in notes:  # main prints them on stderr, one line each
        warnings.warn(note, PolicyDataWarning, stacklevel=1)
    if ctx.json:
        ctx.emit_json(
            {"path": path, "valid": not problems, "problems": problems, "warnings": notes, "policy": policy}
        )
    elif policy is not None:
        ctx.out.line(
            ctx.t("valid_ok", path=path, n=len(policy.rules), v=policy.data_version, s=policy.schema_version)
        )
    else:
        ctx.out.line(ctx.t("valid_bad", path=path, n=len(problems)))
        for problem in problems:
            ctx.out.lines(ctx.bullet(str(problem)))
    if problems:
        _error_line(_problems_text(path, problems))
        return EXIT_BAD_DATA
    return EXIT_OK


def _cmd_version(ctx: _Context) -> int:
    policy = ctx.policy
    if ctx.json:
        ctx.emit_json({"version": __version__, "supported_schema_version": SCHEMA_VERSION, "data": policy})
        return EXIT_OK
    rows = [
        ("v_code", f"{PROG} {__version__}"),
        ("v_data", policy.data_version),
        ("v_as_of", policy.as_of.isoformat()),
        ("v_schema", f"{policy.schema_version}{ctx.aside([ctx.t('v_reads', s=SCHEMA_VERSION)])}"),
        ("v_file", policy.origin),
    ]
    ctx.out.lines(ctx.fields(rows))
    return EXIT_OK


# --------------------------------------------------------------------------------------
# Entry point.
# --------------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _error_line(message: str, *, prog: str = PROG, kind: str = "error") -> None:
    """``prog: kind: message`` on stderr: one line, whatever *message* holds."""
    print(printable(f"{prog}: {kind}: {_one_line(message)}"), file=sys.stderr)


def _problems_text(path: str, problems: Sequence[DataProblem], hint: str = "") -> str:
    """The first of (one or more) *problems*, and how many more there are."""
    more = len(problems) - 1
    tail = f" (and {more} more{hint})" if more else ""
    return f"{path}: bad policy data: {problems[0]}{tail}"


def _error_text(exc: BaseException) -> str:
    if isinstance(exc, PolicyDataError):  # always at least one problem
        return _problems_text(exc.path, exc.problems, f"; run '{PROG} validate-data {exc.path}' for all")
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror or exc}"
    return str(exc)


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
    parser = build_parser()
    out = Output(_stdout_for_text())
    try:
        try:
            args = parser.parse_args(argv)
        except _UsageError as exc:
            _error_line(f"{exc.message} (see '{exc.prog} --help')", prog=exc.prog)
            return EXIT_USAGE
        except SystemExit as exc:  # --help: argparse has written the help to stdout
            out.flush()
            return exc.code if isinstance(exc.code, int) else EXIT_OK
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", PolicyDataWarning)
            ctx = _Context(args, out)
            handler: Callable[[_Context], int] = args.handler
            code = handler(ctx)
        for warning in caught:  # e.g. --data with a newer minor schema: one line each
            _error_line(str(warning.message), kind="warning")
        out.flush()
        return code
    except BrokenPipeError:
        # The reader went away (| head): stop quietly.
        _discard_stdout()
        return EXIT_OK
    except OutputError as exc:
        _error_line(f"cannot write the output: {exc}")
        _discard_stdout()
        return EXIT_OUTPUT
    except (BeianPolicyError, OSError) as exc:  # an OSError here is reading, not writing
        _error_line(_error_text(exc))
        return EXIT_BAD_INPUT
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

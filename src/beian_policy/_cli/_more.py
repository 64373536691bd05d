"""The commands beyond one question: ``find`` (the ICP numbers in a text or page) and
``rules`` (the national rules, the FAQ's general answers, a rejection's impact)."""

from __future__ import annotations

import sys

from .._decision import coerce_according_to, coerce_as_of
from .._enums import Change, Status, SubjectKind, Timing
from .._model import SiteFact, Statement
from .._provinces import resolve_province
from . import _render as render
from ._commands import Context, province_notes
from ._exit import EXIT_OK
from ._format import Formatter
from ._layout import wrap

__all__ = ["run_find", "run_province", "run_rules"]

# Larger than any page a footer is taken from; a bigger file is read up to here.
_MOST_TEXT = 5_000_000


def _read_text(source: str) -> str:
    if source == "-":
        buffer = getattr(sys.stdin, "buffer", None)
        if buffer is None:
            return sys.stdin.read(_MOST_TEXT)
        data: bytes = buffer.read(_MOST_TEXT)
        return data.decode("utf-8", errors="replace")
    from pathlib import Path  # only here: the other commands never need it

    with Path(source).open(encoding="utf-8", errors="replace") as handle:
        return handle.read(_MOST_TEXT)


def run_find(ctx: Context) -> int:
    """``find FILE|-``: every valid ICP number in the text or HTML, one per line."""
    from .._icp import find_icp_numbers  # imported by the command that needs it

    numbers = find_icp_numbers(_read_text(ctx.args.source), policy=ctx.policy)
    if ctx.json:
        ctx.emit_json(list(numbers))
    else:
        fmt = ctx.words
        for number in numbers:
            issuer = fmt.province(number.province) if number.province else fmt.t("ministry")
            ctx.out.line(f"{number.canonical}  {issuer}")
    return EXIT_OK


def run_rules(ctx: Context) -> int:
    """``rules``: the rules that hold in every province, and what a rejection does."""
    from .._rejection import rejection_impact  # imported by the command that needs it

    policy = ctx.policy
    impact = rejection_impact(policy=policy)
    if ctx.json:
        ctx.emit_json(
            {
                "national_rules": list(policy.national_rules),
                "national_statements": list(policy.national_statements),
                "events": list(policy.events),
                "rejection_impact": impact,
            }
        )
        return EXIT_OK
    fmt = ctx.words
    lines = [fmt.colon("national_rules")]
    for rule in policy.national_rules:
        ids = ", ".join(source.id for source in rule.sources)
        since = fmt.t("in_force_from", d=rule.in_force_from.isoformat()) if rule.in_force_from else ""
        text = f"{rule.text.get(fmt.lang)}{fmt.aside([since])}"
        lines.extend(fmt.bullet(f"{text} [{rule.id}] · {fmt.t('sources_short')} [{ids}]"))
    if policy.national_statements:
        lines.extend(["", fmt.colon("national_statements")])
        for statement in policy.national_statements:
            lines.extend(_statement_lines(statement, fmt, in_effect=True))
    events = [e for e in policy.events if not e.provinces]
    if events:
        lines.extend(["", fmt.colon("events")])
        for event in events:
            lines.extend(fmt.bullet(f"{event.date.isoformat()} {event.text.get(fmt.lang)} [{event.id}]"))
    lines.extend(["", fmt.colon("rejection")])
    lines.extend(fmt.bullet(fmt.t("rejection_site")))
    lines.extend(fmt.bullet(fmt.t("rejection_risk")))
    if not impact.dns_to_new_provider_allowed:
        lines.extend(fmt.bullet(fmt.t("rejection_dns")))
    if not impact.restorable_if_cancelled:
        lines.extend(fmt.bullet(fmt.t("rejection_restore")))
    lines.extend(["", fmt.colon("steps"), *render.steps_lines(impact.steps, fmt)])
    lines.extend(["", *fmt.fields([fmt.row("data", policy.data_version)])])
    ctx.out.lines(lines)
    return EXIT_OK


def _kinds(statement: Statement, fmt: Formatter) -> str:
    if statement.applies_to == frozenset(SubjectKind):
        return ""
    return fmt.join(
        fmt.t("organisation") if k is SubjectKind.ORGANISATION else fmt.t("individual")
        for k in SubjectKind
        if k in statement.applies_to
    )


_SAYS_LABELS = {
    Timing.BEFORE: "dissent_before",
    Timing.AFTER: "dissent_after",
    Timing.WITH_TRANSFER: "dissent_with_transfer",
}


def _statement_lines(statement: Statement, fmt: Formatter, *, in_effect: bool) -> list[str]:
    """One statement: its changes and kinds, what it says, who said it and when."""
    changes = (
        fmt.t("every_other_change")
        if statement.covers_all
        else fmt.join(fmt.change(c) for c in Change if c in statement.changes)
    )
    what = fmt.t(_SAYS_LABELS[statement.timing]) + fmt.aside(
        [
            fmt.deadline(statement.deadline_working_days),
            fmt.t("dissent_boilerplate") if statement.boilerplate else "",
        ]
    )
    head = f"{changes}{fmt.aside([_kinds(statement, fmt)])}{'：' if fmt.zh else ': '}{what}"
    when = fmt.when(statement.date, bound=statement.date_is_bound)
    if not in_effect:
        when += fmt.aside([fmt.t("not_in_effect")])
    comma = "，" if fmt.zh else ", "
    return fmt.bullet(f"{head} [{statement.id}] · {fmt.who(statement.source)}{comma}{when}")


def _site_fact(label: str, fact: SiteFact, fmt: Formatter) -> tuple[str, str]:
    value = fmt.t("unknown") if fact.status is Status.UNKNOWN else fmt.yes_no(fact.value)
    ids = ", ".join(source.id for source in fact.sources)
    return (label, value + (f" [{ids}]" if ids else ""))


def run_province(ctx: Context) -> int:
    """``province P``: everything the data says about one province."""
    policy = ctx.policy
    province_notes(ctx, ctx.args.province)
    rules = policy.rules_for(resolve_province(ctx.args.province, policy=policy))
    if ctx.json:
        ctx.emit_json(rules)
        return EXIT_OK
    fmt = ctx.words
    day = coerce_as_of(ctx.args.as_of, policy)
    provider = coerce_according_to(ctx.args.according_to, policy)
    lines = [fmt.province(rules.province), "", fmt.colon("transfer_rules")]
    for statement in rules.statements:
        if provider is None or statement.provider == provider:
            lines.extend(_statement_lines(statement, fmt, in_effect=statement.source.in_effect(day)))
    if rules.transfer_note is not None:
        lines.extend(
            [
                "",
                fmt.colon("transfer_note"),
                *wrap(rules.transfer_note.text.get(fmt.lang), first="  ", indent="  "),
            ]
        )
    events = [e for e in policy.events if e.concerns(rules.province.code)]
    if events:
        lines.extend(["", fmt.colon("events")])
        for event in events:
            lines.extend(fmt.bullet(f"{event.date.isoformat()} {event.text.get(fmt.lang)} [{event.id}]"))
    lines.extend(
        [
            "",
            *fmt.fields(
                [
                    _site_fact(fmt.colon("legend_filed_up"), rules.filed_sites_reachable, fmt),
                    _site_fact(fmt.colon("legend_unfiled_off"), rules.unfiled_sites_closed, fmt),
                ]
            ),
        ]
    )
    if rules.requirements:
        lines.extend(["", fmt.colon("requirements")])
        for requirement in rules.requirements:
            title = policy.step_info(requirement.step).title.get(fmt.lang) if requirement.step else ""
            ids = ", ".join(source.id for source in requirement.sources)
            lines.extend(fmt.bullet(f"{title} [{requirement.id}] · {fmt.t('sources_short')} [{ids}]"))
    if rules.notes:
        lines.extend(["", fmt.colon("notes")])
        for note in rules.notes:
            ids = ", ".join(source.id for source in note.sources)
            lines.extend(fmt.bullet(f"[{note.topic}] {note.text.get(fmt.lang)} [{ids}]"))
    lines.extend(["", *fmt.fields([fmt.row("data", policy.data_version)])])
    ctx.out.lines(lines)
    return EXIT_OK

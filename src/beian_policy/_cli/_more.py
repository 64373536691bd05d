"""The commands beyond one question: ``find`` (the ICP numbers in a text or page) and
``rules`` (the national rules, the FAQ's general answers, a rejection's impact)."""

from __future__ import annotations

import sys
from pathlib import Path

from .._icp import find_icp_numbers
from .._rejection import rejection_impact
from . import _render as render
from ._commands import Context
from ._exit import EXIT_OK

__all__ = ["run_find", "run_rules"]

# Larger than any page a footer is taken from; a bigger file is read up to here.
_MOST_TEXT = 5_000_000


def _read_text(source: str) -> str:
    if source == "-":
        return sys.stdin.read(_MOST_TEXT)
    with Path(source).open(encoding="utf-8", errors="replace") as handle:
        return handle.read(_MOST_TEXT)


def run_find(ctx: Context) -> int:
    """``find FILE|-``: every valid ICP number in the text or HTML, one per line."""
    numbers = find_icp_numbers(_read_text(ctx.args.source), policy=ctx.policy)
    if ctx.json:
        ctx.emit_json(list(numbers))
    else:
        fmt = ctx.words
        for number in numbers:
            ctx.out.line(f"{number.canonical}  {fmt.province(number.province)}")
    return EXIT_OK


def run_rules(ctx: Context) -> int:
    """``rules``: the rules that hold in every province, and what a rejection does."""
    policy = ctx.policy
    impact = rejection_impact(policy=policy)
    if ctx.json:
        ctx.emit_json({"national_rules": list(policy.national_rules), "rejection_impact": impact})
        return EXIT_OK
    fmt = ctx.words
    lines = [fmt.colon("national_rules")]
    for rule in policy.national_rules:
        ids = ", ".join(source.id for source in rule.sources)
        lines.extend(fmt.bullet(f"{rule.text.get(fmt.lang)} [{rule.id}] · {fmt.t('sources_short')} [{ids}]"))
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

"""The commands: each reads its parsed options, asks the library, and prints the
answer as JSON or as the text of :mod:`._render`. The :class:`Context` holds what
a command runs with: the options, the output, the language and the policy."""

from __future__ import annotations

import argparse
import os
import warnings
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from .._coerce import coerce_changes, split_list
from .._data._loader import default_policy, load_policy
from .._decision import assess_transfer
from .._enums import Change, Lang
from .._policy import Policy
from .._provinces import confusable_provinces, get_province, place_of
from .._version import __version__
from ..errors import InvalidApplicationError, PolicyDataWarning
from . import _render as render
from ._exit import EXIT_BAD_DATA, EXIT_BAD_INPUT, EXIT_BLOCKS, EXIT_NOT_DIRECT, EXIT_OK, PROG, error_line
from ._format import Formatter

if TYPE_CHECKING:
    from ._layout import Output

# Each command imports the rest of what it needs when it runs: one short-lived
# command loads only its own part of the library (see benchmarks/run.py).

__all__ = [
    "Context",
    "default_lang",
    "province_notes",
    "run_changes",
    "run_check",
    "run_diagnose",
    "run_disputes",
    "run_failures",
    "run_footer",
    "run_parse",
    "run_preflight",
    "run_provinces",
    "run_steps",
    "run_table",
    "run_validate",
    "run_version",
]


def default_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """English when the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``, the first that is
    set) starts with ``en``; Chinese otherwise."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return Lang.EN if value.lower().startswith("en") else Lang.ZH
    return Lang.ZH


class Context:
    """What a command runs with. The policy is loaded on first use, so a command that
    needs none (``validate-data``) never reads ``--data``."""

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
            if data is None:
                self._policy = default_policy()
            else:
                from pathlib import Path  # only with --data: the shipped data never needs it

                # Always a path: a value with a line break must not be read as TOML text.
                self._policy = load_policy(Path(data), origin=data)
        return self._policy

    @property
    def words(self) -> Formatter:
        """The formatter in the chosen language, naming changes as the policy does."""
        policy = self.policy
        facts = {t.id: t.text for t in policy.fact_terms}
        failures = {f.failure.value: f.title for f in policy.failures}
        changes = {change: policy.change_text(change) for change in Change}
        providers = {p.id: p.name for p in policy.providers}
        return Formatter(self.lang, changes, facts, failures, providers)

    def emit_json(self, value: object) -> None:
        from .._json import to_json

        self.out.line(to_json(value))


def _changes(values: Sequence[str], policy: Policy) -> frozenset[Change]:
    """The --change options: repeated, or separated by commas (either width), as ids
    or the data's words for them. Empty items are kept, so ``-c ""`` or ``-c a,`` is
    the library's unknown-change error."""
    items = [part for value in values for part in split_list(value)]
    return coerce_changes(items, aliases=policy.vocabulary("change"))


def province_notes(ctx: Context, text: str | None) -> None:
    """Say on stderr how a province argument was read when it was not a province's own
    name: a city (广州 -> 广东), or a romanisation one letter from another province's."""
    if not text:
        return
    fmt = ctx.words
    place = place_of(text, policy=ctx.policy)
    province = get_province(text, policy=ctx.policy)
    if province is None:
        return
    if place is not None:
        note = fmt.t("note_place", t=text, city=place.name, p=province.name)
        error_line(note, kind="note")
    elif text.isascii():
        for other in confusable_provinces(province, policy=ctx.policy):
            note = fmt.t("note_romanisation", t=text, p=province.name, o=other.name, o_en=other.name_en)
            error_line(note, kind="note")


def run_check(ctx: Context) -> int:

    args = ctx.args
    if args.batch is not None:
        from ._batch import run_batch  # only for --batch

        return run_batch("check", args.batch, ctx.policy, ctx.out)
    province_notes(ctx, args.province)
    decision = assess_transfer(
        args.province,
        _changes(args.changes, ctx.policy),
        subject_kind=args.subject_kind,
        as_of=args.as_of,
        according_to=args.according_to,
        policy=ctx.policy,
    )
    code = EXIT_NOT_DIRECT if args.fail_if_not_direct and not decision.direct else EXIT_OK
    if ctx.json:
        ctx.emit_json(decision)
    else:
        ctx.out.lines(render.decision_lines(decision, ctx.words, ctx.policy.rules_for(decision.province)))
    return code


def run_steps(ctx: Context) -> int:
    from .._plan import PlanFacts, plan_transfer

    args = ctx.args
    if args.batch is not None:
        from ._batch import run_batch  # only for --batch

        return run_batch("steps", args.batch, ctx.policy, ctx.out)
    province_notes(ctx, args.province)
    plan = plan_transfer(
        args.province,
        _changes(args.changes, ctx.policy),
        subject_kind=args.subject_kind,
        facts=PlanFacts(
            domain_owner_matches_subject=not args.domain_owner_differs,
            domain_held_by_legal_representative=args.domain_held_by_legal_representative,
            regulated_industry=args.regulated_industry,
            original_provider_reachable=not args.original_provider_unreachable,
            has_extra_filings=args.has_extra_filings,
            domain_registered_overseas=args.domain_registered_overseas,
            multiple_cloud_resources=args.multiple_cloud_resources,
        ),
        as_of=args.as_of,
        according_to=args.according_to,
        policy=ctx.policy,
    )
    if ctx.json:
        ctx.emit_json(plan)
    else:
        ctx.out.lines(render.plan_lines(plan, ctx.words, ctx.policy.rules_for(plan.decision.province)))
    return EXIT_OK


def run_diagnose(ctx: Context) -> int:
    from .._diagnosis import diagnose

    args = ctx.args
    if args.batch is not None:
        from ._batch import run_batch  # only for --batch

        return run_batch("diagnose", args.batch, ctx.policy, ctx.out)
    province_notes(ctx, args.province)
    diagnosis = diagnose(
        args.failure,
        args.province,
        submitted_to_administration=args.submitted_to_administration,
        subject_has_other_websites=args.subject_has_other_websites,
        original_provider_reachable=args.original_provider_reachable,
        cause=args.cause,
        icp_number=args.icp_number,
        as_of=args.as_of,
        according_to=args.according_to,
        policy=ctx.policy,
    )
    if ctx.json:
        ctx.emit_json(diagnosis)
    else:
        ctx.out.lines(render.diagnosis_lines(diagnosis, ctx.words))
    return EXIT_OK


def run_parse(ctx: Context) -> int:
    from .._icp import parse_icp_number

    if ctx.args.batch is not None:
        from ._batch import run_batch  # only for --batch

        return run_batch("parse", ctx.args.batch, ctx.policy, ctx.out)
    number = parse_icp_number(ctx.args.number, policy=ctx.policy)
    if ctx.json:
        ctx.emit_json(number)
    else:
        ctx.out.lines(render.icp_number_lines(number, ctx.words))
    return EXIT_OK


def run_provinces(ctx: Context) -> int:
    policy = ctx.policy
    if ctx.json:
        ctx.emit_json(policy.rules)
    else:
        ctx.out.lines(
            render.provinces_lines(policy.rules, policy.data_version, ctx.words, as_of=policy.as_of)
        )
    return EXIT_OK


def run_changes(ctx: Context) -> int:
    texts = {change: ctx.policy.change_text(change) for change in Change}
    if ctx.json:
        ctx.emit_json(texts)
    else:
        ctx.out.lines(render.changes_lines(texts, ctx.words))
    return EXIT_OK


def run_failures(ctx: Context) -> int:
    failures = ctx.policy.failures
    if ctx.json:
        ctx.emit_json(failures)
    else:
        ctx.out.lines(render.failures_lines(failures, ctx.words))
    return EXIT_OK


def run_validate(ctx: Context) -> int:
    from pathlib import Path

    from .._data._loader import validate_policy

    path: str = ctx.args.path
    report = validate_policy(Path(path), origin=path)
    policy, problems, notes = report.policy, report.problems, report.warnings
    for note in notes:  # main prints them on stderr, one line each
        warnings.warn(note, PolicyDataWarning, stacklevel=1)
    if ctx.json:
        ctx.emit_json(
            {"path": path, "valid": not problems, "problems": problems, "warnings": notes, "policy": policy}
        )
    else:
        # Only the labels: the file checked may not load, and --data is not read.
        ctx.out.lines(render.validation_lines(path, policy, problems, Formatter(ctx.lang)))
    if problems:
        error_line(render.problems_text(path, problems))
        return EXIT_BAD_DATA
    return EXIT_OK


def run_version(ctx: Context) -> int:
    from .._data._loader import SCHEMA_VERSION

    policy = ctx.policy
    if ctx.json:
        ctx.emit_json({"version": __version__, "supported_schema_version": SCHEMA_VERSION, "data": policy})
    else:
        code = f"{PROG} {__version__}"
        ctx.out.lines(render.version_lines(policy, ctx.words, code=code, reads_schema=SCHEMA_VERSION))
    return EXIT_OK


def run_disputes(ctx: Context) -> int:
    from .._grid import disputes
    from . import _render_grid as render_grid

    found = disputes(as_of=ctx.args.as_of, according_to=ctx.args.according_to, policy=ctx.policy)
    if ctx.json:
        ctx.emit_json(found)
    else:
        ctx.out.lines(render_grid.disputes_lines(found, ctx.policy.data_version, ctx.words))
    return EXIT_OK


def run_table(ctx: Context) -> int:
    from .._grid import decision_grid, table_row
    from . import _render_grid as render_grid

    args, policy = ctx.args, ctx.policy
    views: list[str | None] = [args.according_to]
    if args.according_to is not None and args.according_to.strip().lower() == "all":
        views = [None, *(p.id for p in policy.providers if p.hosting)]
    rows = [
        table_row(cell, view if view is None else policy.hosting_provider(view))
        for view in views
        for cell in decision_grid(as_of=args.as_of, according_to=view, policy=policy)
    ]
    if ctx.json or ctx.args.format == "json":
        ctx.out.line(render_grid.table_json(rows))
    else:
        ctx.out.lines(render_grid.table_csv_lines(rows))
    return EXIT_OK


def run_preflight(ctx: Context) -> int:
    from .._preflight import preflight
    from . import _render_preflight as render_preflight
    from ._read import read_application_file

    args = ctx.args
    try:
        province, data = read_application_file(args.application)
        if args.province is not None:
            province = args.province
        if province is None:
            raise InvalidApplicationError([("province", "not given: use --province or a 'province' key")])
        result = preflight(
            province, data, as_of=args.as_of, according_to=args.according_to, policy=ctx.policy
        )
    except InvalidApplicationError as exc:
        for field, message in exc.problems:  # every problem, each with its field
            error_line(f"{args.application}: {field}: {message}")
        return EXIT_BAD_INPUT
    if ctx.json:
        ctx.emit_json(result)
    else:
        ctx.out.lines(render_preflight.preflight_lines(result, ctx.words))
    return EXIT_OK if result.ok else EXIT_BLOCKS


def run_footer(ctx: Context) -> int:
    from .._footer import check_footer
    from . import _render_preflight as render_preflight
    from ._read import read_text

    args = ctx.args
    result = check_footer(read_text(args.file), args.icp_number, as_of=args.as_of, policy=ctx.policy)
    if ctx.json:
        ctx.emit_json(result)
    else:
        ctx.out.lines(render_preflight.footer_lines(result, ctx.words))
    return EXIT_OK if result.ok else EXIT_BLOCKS

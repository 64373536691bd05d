"""Building the provinces: identity, transfer rules (and their overlaps), site facts,
requirements, notes, worked examples, and the check that every alias names one place.

The statements themselves are built in ``_build_statements``; here they are checked
against the province's worked examples by the combination rule.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence

from .._enums import Change, Timing
from .._model import (
    ALL_KINDS,
    FactClaim,
    Province,
    ProvinceNote,
    ProvinceRules,
    Requirement,
    SiteFact,
    StepInfo,
    WorkedExample,
)
from .._policy import NoIcpRegion, province_alias_texts
from .._statements import decide
from .._text import lookup_key
from .._vocab import Trigger
from ..errors import shown
from ._build_checks import build_checks
from ._build_statements import build_statements, build_transfer_note
from ._context import Context, copy_fields
from ._document import (
    PROVINCE_CODES,
    TRIGGERS,
    ExampleDoc,
    FactClaimDoc,
    NoteDoc,
    ProvinceDoc,
    RequirementDoc,
    SiteFactDoc,
)

__all__ = ["PROVINCE_COUNT", "build_provinces", "check_aliases"]

PROVINCE_COUNT = 31

_HAN = re.compile(r"[\u4e00-\u9fff]")


def build_provinces(
    ctx: Context,
    items: list[tuple[str, ProvinceDoc]],
    raw: object,
    steps: Mapping[str, StepInfo],
    as_of: dt.date | None = None,
) -> tuple[ProvinceRules, ...]:
    """Every province, in GB/T 2260 order.

    *raw* is the file's ``provinces`` array as parsed: the count and the codes are
    compared on it, so that a record that failed to structure is reported once (for
    its bad field), not again as "a province is missing".
    """
    raw_records = raw if isinstance(raw, list) else []
    if len(raw_records) != PROVINCE_COUNT:
        ctx.add("provinces", "", f"expected {PROVINCE_COUNT} provinces, found {len(raw_records)}")
    codes = [r["code"] for r in raw_records if isinstance(r, dict) and isinstance(r.get("code"), str)]
    ctx.duplicates("provinces", "code", codes, "province code")
    for missing in [code for code in PROVINCE_CODES if code not in codes]:
        ctx.add("provinces", "code", f"province {missing} ({PROVINCE_CODES[missing]}) has no record")
    ctx.duplicates("provinces", "gb_code", (d.gb_code for _, d in items), "GB/T code")
    built = [_province(ctx, label, d, steps, as_of) for label, d in items]
    return tuple(sorted(built, key=lambda r: r.province.gb_code))


def _province(
    ctx: Context, label: str, d: ProvinceDoc, steps: Mapping[str, StepInfo], as_of: dt.date | None
) -> ProvinceRules:
    _check_identity(ctx, label, d)
    problems_before = len(ctx.problems)
    # Built in this order so that problems are listed in the order of the record.
    rules = ProvinceRules(
        province=copy_fields(Province, d),
        sources=ctx.cite(label, "sources", d.sources, required=True),
        statements=build_statements(
            ctx, d.code, [(label, f"statements[{i}]", s) for i, s in enumerate(d.statements)]
        ),
        filed_sites_reachable=_site_fact(ctx, label, "filed_sites_reachable", d.filed_sites_reachable),
        unfiled_sites_closed=_site_fact(ctx, label, "unfiled_sites_closed", d.unfiled_sites_closed),
        requirements=tuple(
            _requirement(ctx, label, f"requirements[{i}]", r, steps) for i, r in enumerate(d.requirements)
        ),
        checks=build_checks(ctx, label, d.checks),
        notes=tuple(_note(ctx, label, f"notes[{i}]", n) for i, n in enumerate(d.notes)),
        examples=_examples(ctx, label, d.examples),
        transfer_note=build_transfer_note(ctx, label, d.transfer_note),
    )
    if len(ctx.problems) == problems_before:  # the examples need sound statements
        _check_examples_follow_rules(ctx, label, rules, as_of)
    return rules


def _note(ctx: Context, label: str, field: str, d: NoteDoc) -> ProvinceNote:
    return ProvinceNote(
        topic=d.topic,
        text=ctx.text(label, f"{field}.text", d.text),
        sources=ctx.cite(label, f"{field}.sources", d.sources, required=True),
    )


def _check_identity(ctx: Context, label: str, d: ProvinceDoc) -> None:
    """The codes are the province's own (ISO 3166-2:CN and GB/T 2260, compared as a
    pair), the abbreviations are single Han characters (the ICP number scanner reads
    nothing else), and the names are not empty."""
    if d.code not in PROVINCE_CODES:
        ctx.add(label, "code", f"{shown(d.code)} is not an ISO 3166-2:CN province code (e.g. 'CN-GD')")
    elif d.gb_code != PROVINCE_CODES[d.code]:
        ctx.add(
            label,
            "gb_code",
            f"expected {PROVINCE_CODES[d.code]} for {d.code}, got {shown(d.gb_code)}",
        )
    for field, values in (
        ("icp_abbreviation", (d.icp_abbreviation,)),
        ("alternative_abbreviations", d.alternative_abbreviations),
    ):
        for value in values:
            if not _HAN.fullmatch(value):
                ctx.add(label, field, f"expected one Chinese (Han) character, got {shown(value)}")
    for field in ("name", "short_name", "name_en", "iso_name"):
        if not getattr(d, field).strip():
            ctx.add(label, field, "empty; every province needs it")
    ctx.duplicates(label, "aliases", d.aliases, "alias")


def _check_examples_follow_rules(
    ctx: Context, label: str, rules: ProvinceRules, as_of: dt.date | None
) -> None:
    """Each worked example says what the province's statements say on the data's
    ``as_of`` date, by the combination rule: a change is deferred exactly when the
    deciding statement's timing is ``after`` (or ``with_transfer``). (The phone number
    is decided nationally, before the transfer; an unknown rule falls back to the
    national default, before.) Only called when the record has no other problem."""
    if as_of is None:
        return
    for i, example in enumerate(rules.examples):
        for change in sorted(example.changes, key=lambda c: c.value):
            deferred = False
            if change is not Change.WEBSITE_OWNER_PHONE:
                ruling = decide(rules.statements, (), change, example.subject_kind, as_of)
                deferred = ruling.decider is not None and ruling.decider.timing is not Timing.BEFORE
            if deferred != (change in example.deferred):
                said = "deferred" if change in example.deferred else "blocking"
                ctx.add(
                    label,
                    f"examples[{i}]",
                    f"says {change.value} is {said}, but the statements make it "
                    f"{'deferred' if deferred else 'blocking'}; fix the statement or the example",
                )


def _check_stated(ctx: Context, label: str, field: str, status: str, value: object, name: str) -> None:
    """``stated`` needs a value; ``unknown`` may not carry one (unknowns stay unknown)."""
    if status == "stated" and value is None:
        ctx.add(label, f"{field}.{name}", f"status is 'stated' but no {name} is given")
    if status == "unknown" and value is not None:
        ctx.add(label, f"{field}.{name}", f"status is 'unknown' but a {name} is given; unknowns stay unknown")


def _fact_claims(
    ctx: Context, label: str, field: str, claims: Iterable[FactClaimDoc]
) -> tuple[FactClaim, ...]:
    return tuple(
        FactClaim(src, c.value, ctx.note(label, f"{field}.claims[{j}].note", c.note))
        for j, c in enumerate(claims)
        for src in ctx.cite(label, f"{field}.claims[{j}].source", [c.source], required=True)
    )


def _site_fact(ctx: Context, label: str, field: str, d: SiteFactDoc) -> SiteFact:
    _check_stated(ctx, label, field, d.status.value, d.value, "value")
    claims = _fact_claims(ctx, label, field, d.claims)
    sources = ctx.cite(label, f"{field}.sources", d.sources, required=d.status.value == "stated")
    note = ctx.note(label, f"{field}.note", d.note)
    return copy_fields(SiteFact, d, sources=sources, claims=claims, note=note)


#: Triggers a requirement may have without a step: information, or a refiling warning.
_STEPLESS_TRIGGERS = frozenset({Trigger.NEVER.value, Trigger.ADDING_WEBSITE.value})


def _requirement(
    ctx: Context, label: str, field: str, d: RequirementDoc, steps: Mapping[str, StepInfo]
) -> Requirement:
    if d.trigger not in TRIGGERS:
        ctx.add(
            label,
            f"{field}.trigger",
            f"unknown trigger {d.trigger!r}; expected one of {', '.join(sorted(TRIGGERS))}",
        )
    if d.step is not None and d.step not in steps:
        ctx.add(label, f"{field}.step", f"unknown step {d.step!r}; define it in [[steps]]")
    if d.trigger == "changes" and not d.when_changes:
        ctx.add(label, f"{field}.when_changes", "trigger 'changes' needs when_changes")
    if d.step is None and d.trigger not in _STEPLESS_TRIGGERS:
        ctx.add(
            label,
            f"{field}.step",
            "a requirement without a step must have trigger = 'never' or 'adding_website'",
        )
    claims = _fact_claims(ctx, label, field, d.claims)
    when_changes = ctx.changes(label, f"{field}.when_changes", d.when_changes)
    sources = ctx.cite(label, f"{field}.sources", d.sources, required=True)
    return copy_fields(
        Requirement,
        d,
        trigger=Trigger(d.trigger) if d.trigger in TRIGGERS else Trigger.NEVER,  # reported above
        when_changes=when_changes,
        applies_to=frozenset(d.applies_to) if d.applies_to else ALL_KINDS,
        sources=sources,
        claims=claims,
        note=ctx.note(label, f"{field}.note", d.note),
    )


def _examples(ctx: Context, label: str, items: tuple[ExampleDoc, ...]) -> tuple[WorkedExample, ...]:
    """Worked examples must agree with themselves: ``blocking`` and ``deferred``
    split ``changes`` exactly, and ``direct`` holds exactly when nothing blocks.
    (Whether the engine agrees with them is for the tests.)"""
    if not items:
        ctx.add(label, "examples", "every province needs at least one worked example")
    built = []
    for i, e in enumerate(items):
        field = f"examples[{i}]"
        changes = ctx.changes(label, f"{field}.changes", e.changes)
        blocking = ctx.changes(label, f"{field}.blocking", e.blocking)
        deferred = ctx.changes(label, f"{field}.deferred", e.deferred)
        if blocking & deferred:
            ctx.add(label, field, "a change cannot be both blocking and deferred")
        if blocking | deferred != changes:
            ctx.add(label, field, "blocking and deferred together must list exactly the changes")
        if e.direct != (not blocking):
            ctx.add(label, f"{field}.direct", "direct must be true exactly when nothing is blocking")
        note = ctx.note(label, f"{field}.note", e.note)
        built.append(
            copy_fields(WorkedExample, e, changes=changes, blocking=blocking, deferred=deferred, note=note)
        )
    return tuple(built)


def check_aliases(ctx: Context, rules: Sequence[ProvinceRules], regions: Sequence[NoIcpRegion]) -> None:
    """Every spelling names one province, and no region without ICP filing shares one
    with a province (its names resolve to an error instead)."""
    owners = ctx.unique_names(
        "provinces", "province", ((r.province.code, province_alias_texts(r.province)) for r in rules)
    )
    for region in regions:
        for text in {lookup_key(t) for t in (region.code, region.name, region.name_en, *region.aliases)}:
            if text in owners:
                ctx.add(
                    f"no_icp_regions ({region.code})",
                    "aliases",
                    f"alias {text!r} also names province {owners[text]}",
                )

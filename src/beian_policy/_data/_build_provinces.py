"""Building the provinces: identity, transfer rules (and their overlaps), site facts,
requirements, notes, worked examples, and the check that every alias names one place.

The hardest part is the transfer rules: each change of each subject kind must be
decided by exactly one rule of the highest specificity (a named change beats ``*``,
a subject kind beats both kinds), so that ``ProvinceRules.rule_for`` never has to
choose between two rules of equal rank.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from .._enums import Change, SubjectKind, Timing
from .._model import (
    ALL_KINDS,
    FactClaim,
    Province,
    ProvinceNote,
    ProvinceRules,
    Requirement,
    SiteFact,
    StepInfo,
    TimingClaim,
    TransferRule,
    WorkedExample,
)
from .._policy import NoIcpRegion, province_alias_texts
from .._text import lookup_key
from .._vocab import Trigger
from ..errors import shown
from ._build_checks import build_checks
from ._context import Context, copy_fields
from ._document import (
    MAX_DEADLINE_WORKING_DAYS,
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
WILDCARD = "*"

_HAN = re.compile(r"[\u4e00-\u9fff]")


def build_provinces(
    ctx: Context, items: list[tuple[str, ProvinceDoc]], raw: object, steps: Mapping[str, StepInfo]
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
    built = [_province(ctx, label, d, steps) for label, d in items]
    return tuple(sorted(built, key=lambda r: r.province.gb_code))


def _province(ctx: Context, label: str, d: ProvinceDoc, steps: Mapping[str, StepInfo]) -> ProvinceRules:
    _check_identity(ctx, label, d)
    problems_before = len(ctx.problems)
    # Built in this order so that problems are listed in the order of the record.
    rules = ProvinceRules(
        province=copy_fields(Province, d),
        sources=ctx.cite(label, "sources", d.sources, required=True),
        transfer_rules=_transfer_rules(ctx, label, d),
        filed_sites_reachable=_site_fact(ctx, label, "filed_sites_reachable", d.filed_sites_reachable),
        unfiled_sites_closed=_site_fact(ctx, label, "unfiled_sites_closed", d.unfiled_sites_closed),
        requirements=tuple(
            _requirement(ctx, label, f"requirements[{i}]", r, steps) for i, r in enumerate(d.requirements)
        ),
        checks=build_checks(ctx, label, d.checks),
        notes=tuple(_note(ctx, label, f"notes[{i}]", n) for i, n in enumerate(d.notes)),
        examples=_examples(ctx, label, d.examples),
    )
    if len(ctx.problems) == problems_before:  # rule_for needs sound rules
        _check_examples_follow_rules(ctx, label, rules)
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


def _check_examples_follow_rules(ctx: Context, label: str, rules: ProvinceRules) -> None:
    """Each worked example says what the province's rules say: a change is deferred
    exactly when the rule deciding it is stated with timing ``after``. (The phone
    number is decided nationally, before the transfer; an unknown rule falls back to
    the national default, before.) Only called when the record has no other problem."""
    for i, example in enumerate(rules.examples):
        kinds = (example.subject_kind,) if example.subject_kind is not None else (None,)
        for change in sorted(example.changes, key=lambda c: c.value):
            for kind in kinds:
                deferred = False
                if change is not Change.WEBSITE_OWNER_PHONE:
                    rule = rules.rule_for(change, kind)
                    deferred = rule.stated and rule.timing is Timing.AFTER
                if deferred != (change in example.deferred):
                    said = "deferred" if change in example.deferred else "blocking"
                    ctx.add(
                        label,
                        f"examples[{i}]",
                        f"says {change.value} is {said}, but the rules make it "
                        f"{'deferred' if deferred else 'blocking'}; fix the rule or the example",
                    )


def _transfer_rules(ctx: Context, label: str, d: ProvinceDoc) -> tuple[TransferRule, ...]:
    """The province's transfer rules, with their derived ids.

    ``["*"]`` stands for every change except the SMS phone (decided nationally) and
    must apply to both subject kinds, exactly once per province: it is where an
    unknown is written down. A rule's id is ``<code>/transfer/<changes or *>``, plus
    ``/<kinds>`` when it applies to one subject kind only.
    """
    rules = []
    catch_all = 0
    for i, r in enumerate(d.transfer_rules):
        field = f"transfer_rules[{i}]"
        covers_all = list(r.changes) == [WILDCARD]
        if WILDCARD in r.changes and not covers_all:
            ctx.add(label, f"{field}.changes", "'*' stands alone; list changes or write ['*']")
        if not r.changes:
            ctx.add(label, f"{field}.changes", "empty; list change ids or write ['*']")
        changes = (
            frozenset(Change) - {Change.WEBSITE_OWNER_PHONE}
            if covers_all
            else ctx.changes(label, f"{field}.changes", [c for c in r.changes if c != WILDCARD])
        )
        if Change.WEBSITE_OWNER_PHONE.value in r.changes:
            ctx.add(
                label,
                f"{field}.changes",
                "website_owner_phone is decided by the national SMS rule, not by a province rule",
            )
        applies_to = frozenset(r.applies_to) if r.applies_to else ALL_KINDS
        if covers_all:
            catch_all += 1
            if applies_to != ALL_KINDS:
                ctx.add(label, f"{field}.applies_to", "the '*' rule must apply to every subject kind")
        _check_stated(ctx, label, field, r.status.value, r.timing, "timing")
        if r.deadline_working_days is not None:
            if r.timing is not Timing.AFTER:
                ctx.add(label, f"{field}.deadline_working_days", "a deadline needs timing = 'after'")
            if not 0 < r.deadline_working_days <= MAX_DEADLINE_WORKING_DAYS:
                ctx.add(
                    label,
                    f"{field}.deadline_working_days",
                    f"expected 1 to {MAX_DEADLINE_WORKING_DAYS} working days, got {r.deadline_working_days}",
                )
        claims = tuple(
            TimingClaim(src, c.timing, c.boilerplate, c.note)
            for j, c in enumerate(r.claims)
            for src in ctx.cite(label, f"{field}.claims[{j}].source", [c.source], required=True)
        )
        rule_id = f"{d.code}/transfer/" + (
            WILDCARD if covers_all else "+".join(sorted(c.value for c in changes))
        )
        if applies_to != ALL_KINDS:
            rule_id += "/" + "+".join(sorted(k.value for k in applies_to))
        rules.append(
            copy_fields(
                TransferRule,
                r,
                id=rule_id,
                changes=changes,
                covers_all=covers_all,
                applies_to=applies_to,
                sources=ctx.cite(label, f"{field}.sources", r.sources, required=r.status.value == "stated"),
                claims=claims,
            )
        )
    if catch_all != 1:
        ctx.add(label, "transfer_rules", f"expected exactly one ['*'] rule, found {catch_all}")
    _check_overlaps(ctx, label, rules)
    return tuple(rules)


def _check_overlaps(ctx: Context, label: str, rules: list[TransferRule]) -> None:
    """Two rules of the same specificity may not decide the same change for the same
    subject kind (the catch-all never overlaps a named change: it ranks lower)."""
    seen: dict[tuple[Change, SubjectKind, bool, bool], str] = {}
    for rule in rules:
        specific = (not rule.covers_all, rule.applies_to != ALL_KINDS)
        for change in rule.changes:
            for kind in rule.applies_to:
                key = (change, kind, *specific)
                if key in seen and seen[key] != rule.id:
                    ctx.add(
                        label,
                        "transfer_rules",
                        f"rules {seen[key]!r} and {rule.id!r} both decide {change.value} for {kind.value}",
                    )
                seen.setdefault(key, rule.id)


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

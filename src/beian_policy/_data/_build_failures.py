"""Building the failure records: each failure reason's titles, causes, remedies, the
facts their conditions use (``when``) and the number-hint templates.

``diagnose`` knows no failure by name; everything it says comes from what is built
here, so the checks are strict: every :class:`Failure` has one record, every
condition uses a known fact, every remedy's steps exist and are in plan order.
"""

from __future__ import annotations

import string
from collections.abc import Mapping

from .._enums import Failure
from .._model import Cause, Condition, FailureInfo, NationalRule, RemedyInfo, StepInfo, Text
from .._text import lookup_key
from .._vocab import Fact
from ._context import Context
from ._document import FACTS, HINT_FIELDS, PROVINCE_FACTS, CauseDoc, FailureDoc, RemedyDoc

__all__ = ["build_failures"]

_KNOWN = frozenset(f.value for f in Failure)


def build_failures(
    ctx: Context,
    items: list[tuple[str, FailureDoc]],
    raw_records: object,
    steps: Mapping[str, StepInfo],
    national: Mapping[str, NationalRule],
) -> tuple[FailureInfo, ...]:
    """One record per :class:`Failure`, in the enum's order.

    Whether a failure has a record is read from *raw_records* (the parsed array), so
    a record that failed to structure is reported for its bad field only, not also
    as missing.
    """
    raw_ids = (
        [r.get("id") for r in raw_records if isinstance(r, dict)] if isinstance(raw_records, list) else []
    )
    ctx.duplicates("failures", "id", (d.id for _, d in items), "failure id")
    for missing in [f.value for f in Failure if f.value not in raw_ids]:
        ctx.add("failures", "id", f"failure {missing!r} has no record; each needs causes and remedies")
    built: dict[Failure, FailureInfo] = {}
    for label, d in items:
        info = _failure(ctx, label, d, steps, national)
        if info is not None:
            built.setdefault(info.failure, info)
    # Ids and titles name one failure each; an alias may be shared (主体或网站被注销
    # covers two failures), and input naming it is answered with the choices.
    names = ctx.unique_names(
        "failures",
        "failure",
        ((i.failure.value, (i.failure.value, i.title.zh, i.title.en)) for i in built.values()),
    )
    for info in built.values():
        for alias in info.aliases:
            owner = names.get(lookup_key(alias), info.failure.value)
            if owner != info.failure.value:
                ctx.add(
                    f"failures ({info.failure.value})",
                    "aliases",
                    f"alias {alias!r} is the id or title of failure {owner}; an alias may not"
                    " name another failure's id or title",
                )
    return tuple(built[f] for f in Failure if f in built)


def _failure(
    ctx: Context,
    label: str,
    d: FailureDoc,
    steps: Mapping[str, StepInfo],
    national: Mapping[str, NationalRule],
) -> FailureInfo | None:
    """The failure of *d*, or None when its id is not a :class:`Failure` (reported;
    its causes and remedies are still checked)."""
    if d.id not in _KNOWN:
        ctx.add(label, "id", f"unknown failure {d.id!r}; expected one of {', '.join(sorted(_KNOWN))}")
    ctx.texts(label, "", [("zh/en", d.zh, d.en)])
    if bool(d.note_zh.strip()) != bool(d.note_en.strip()):
        ctx.add(label, "note", "needs both note_zh and note_en, or neither")
    changes = ctx.changes(label, "changes", d.changes)
    for value in d.related:
        if value not in _KNOWN or value == d.id:
            ctx.add(label, "related", f"{value!r} is not another failure id")
    if not d.causes:
        ctx.add(label, "causes", "every failure needs at least one cause")
    if not d.remedies:
        ctx.add(label, "remedies", "every failure needs at least one remedy")
    ctx.duplicates(label, "causes", (c.id for c in d.causes), "cause id")
    ctx.duplicates(label, "remedies", (r.id for r in d.remedies), "remedy id")

    causes = [_cause(ctx, label, f"causes[{i}]", c, bool(changes)) for i, c in enumerate(d.causes)]
    if causes and all(c.condition for c in causes):
        ctx.add(label, "causes", "at least one cause must hold without a condition")
    cause_ids = {c.id for c in d.causes}
    remedies = []
    for i, r in enumerate(d.remedies):
        field = f"remedies[{i}]"
        ctx.texts(label, field, [(".label_zh/label_en", r.label_zh, r.label_en)])
        remedies.append(_remedy(ctx, label, field, r, steps, national, cause_ids, bool(changes)))

    sources = ctx.cite(label, "sources", d.sources, required=True)
    if d.id not in _KNOWN:
        return None
    return FailureInfo(
        failure=Failure(d.id),
        title=Text(d.zh, d.en),
        sources=sources,
        causes=tuple(causes),
        remedies=tuple(remedies),
        changes=changes,
        aliases=d.aliases,
        related=tuple(Failure(v) for v in d.related if v in _KNOWN and v != d.id),
        note=Text(d.note_zh, d.note_en) if d.note_zh.strip() and d.note_en.strip() else None,
    )


def _cause(ctx: Context, label: str, field: str, c: CauseDoc, has_changes: bool) -> Cause:
    ctx.texts(label, field, [(".zh/en", c.zh, c.en)])
    return Cause(
        id=c.id,
        text=Text(c.zh, c.en),
        sources=ctx.cite(label, f"{field}.sources", c.sources, required=True),
        condition=_condition(ctx, label, field, c.when, has_changes),
    )


def _condition(
    ctx: Context, label: str, field: str, when: Mapping[str, bool], has_changes: bool
) -> Condition:
    """*when* as a sorted tuple of (fact, value). A fact outside :data:`FACTS` is a
    problem (and dropped); a ``province_*`` fact needs the failure's ``changes``,
    since it is derived from the province's rules for them."""
    for fact in when:
        if fact not in FACTS:
            ctx.add(
                label, f"{field}.when", f"unknown fact {fact!r}; expected one of {', '.join(sorted(FACTS))}"
            )
        elif fact in PROVINCE_FACTS and not has_changes:
            ctx.add(label, f"{field}.when", f"{fact!r} needs the failure to list its changes")
    return tuple(sorted((Fact(k), v) for k, v in when.items() if k in FACTS))


def _remedy(
    ctx: Context,
    label: str,
    field: str,
    r: RemedyDoc,
    steps: Mapping[str, StepInfo],
    national: Mapping[str, NationalRule],
    cause_ids: set[str],
    has_changes: bool,
) -> RemedyInfo:
    """One remedy branch: its steps exist and are listed in plan order, the causes it
    fixes are this failure's, its rule is a national rule; optional texts come in both
    languages or not at all."""
    if not r.steps:
        ctx.add(label, f"{field}.steps", "a remedy needs at least one step")
    ctx.duplicates(label, f"{field}.steps", r.steps, "step")
    for step_id in r.steps:
        if step_id not in steps:
            ctx.add(label, f"{field}.steps", f"unknown step {step_id!r}; define it in [[steps]]")
    orders = [steps[s].order for s in r.steps if s in steps]
    if orders != sorted(orders):
        ctx.add(label, f"{field}.steps", "list the steps in the catalogue's order (their `order`)")
    for cause_id in r.causes:
        if cause_id not in cause_ids:
            ctx.add(label, f"{field}.causes", f"unknown cause {cause_id!r}; it is not in this failure")
    rule = None
    if r.rule is not None:
        rule = national.get(r.rule)
        if rule is None:
            ctx.add(label, f"{field}.rule", f"unknown national rule {r.rule!r}")
    detail = None
    if r.detail_zh.strip() or r.detail_en.strip():
        ctx.texts(label, field, [(".detail_zh/detail_en", r.detail_zh, r.detail_en)])
        detail = Text(r.detail_zh, r.detail_en)
    hint = _number_hint(ctx, label, field, r)
    return RemedyInfo(
        id=r.id,
        label=Text(r.label_zh, r.label_en),
        step_ids=r.steps,
        sources=ctx.cite(label, f"{field}.sources", r.sources, required=True),
        condition=_condition(ctx, label, field, r.when, has_changes),
        causes=r.causes,
        rule=rule,
        detail=detail,
        number_hint=hint,
    )


def _number_hint(ctx: Context, label: str, field: str, r: RemedyDoc) -> Text | None:
    """The remedy's number hint: a template in both languages using exactly the
    placeholders of :data:`HINT_FIELDS`, or None when it has none."""
    if not (r.number_hint_zh.strip() or r.number_hint_en.strip()):
        return None
    ctx.texts(label, field, [(".number_hint_zh/number_hint_en", r.number_hint_zh, r.number_hint_en)])
    for name, template in (("number_hint_zh", r.number_hint_zh), ("number_hint_en", r.number_hint_en)):
        try:
            parts = [(f, spec, conversion) for _, f, spec, conversion in string.Formatter().parse(template)]
        except ValueError as exc:  # a lone brace: not a template at all
            ctx.add(label, f"{field}.{name}", f"not a valid template ({exc}); write {{subject_number}}")
            continue
        fields = {f for f, _, _ in parts if f is not None}
        if any(spec or conversion for f, spec, conversion in parts if f is not None):
            # str.format would act on them: '{subject_number:>300000000}' pads to 300 MB.
            ctx.add(
                label,
                f"{field}.{name}",
                "no format spec or conversion (':...', '!r'); write {subject_number}",
            )
        if fields != HINT_FIELDS:
            ctx.add(
                label,
                f"{field}.{name}",
                f"use exactly the placeholders {sorted(HINT_FIELDS)}, found {sorted(fields)}",
            )
    return Text(r.number_hint_zh, r.number_hint_en)

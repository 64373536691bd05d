"""Building the catalogues every other table refers to by id: sources, change texts,
steps, national rules and the regions without ICP filing.

Sources are built first: they fill ``Context.sources``, which every later ``cite``
resolves against. A required step or national rule that the data leaves out is a
problem here, at load time, rather than a lookup error when a question is asked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from .._enums import Change
from .._model import NationalRule, Provider, Source, StepInfo, Term, Text
from .._policy import NoIcpRegion
from ..errors import shown
from ._context import CHANGE_VALUES, Context, copy_fields
from ._document import (
    NO_ICP_REGION_CODES,
    PROVINCE_CODES,
    REQUIRED_NATIONAL_RULES,
    REQUIRED_STEPS,
    ChangeDoc,
    NationalRuleDoc,
    NoIcpRegionDoc,
    ProviderDoc,
    SourceDoc,
    StepDoc,
    TermDoc,
)

_SUFFIX = re.compile(r"^\.[^.\s]+(\.[^.\s]+)*$")

__all__ = [
    "build_change_terms",
    "build_changes",
    "build_national_rules",
    "build_providers",
    "build_regions",
    "build_sources",
    "build_steps",
    "build_terms",
]

_PROVIDER_ID = re.compile(r"[a-z][a-z0-9_]*")
_COMMIT = re.compile(r"[0-9a-f]{40}")
_URL = re.compile(r"https?://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(:[0-9]+)?(/\S*)?")


def build_providers(ctx: Context, items: list[tuple[str, ProviderDoc]]) -> tuple[Provider, ...]:
    """The provider catalogue; registers it in *ctx* for the sources to name."""
    ctx.duplicates("providers", "id", (d.id for _, d in items), "provider id")
    for label, d in items:
        if not _PROVIDER_ID.fullmatch(d.id):
            ctx.add(label, "id", f"expected a lower-case id such as 'tencent_cloud', got {shown(d.id)}")
        ctx.texts(label, "name.", [("zh/en", d.name.zh, d.name.en)])
        ctx.providers.setdefault(d.id, Provider(d.id, Text(d.name.zh, d.name.en), d.hosting, d.aliases))
    ctx.unique_names(
        "providers",
        "provider",
        ((p.id, (p.id, p.name.zh, p.name.en, *p.aliases)) for p in ctx.providers.values()),
    )
    return tuple(ctx.providers.values())


def build_sources(ctx: Context, items: list[tuple[str, SourceDoc]]) -> tuple[Source, ...]:
    """The source catalogue, first record of each id kept; registers them in *ctx*.
    Each source's end is its ``until``, else the start of its successor."""
    ctx.duplicates("sources", "id", (d.id for _, d in items), "source id")
    docs: dict[str, tuple[str, SourceDoc]] = {}
    for label, d in items:
        if d.url is None and d.path is None:
            ctx.add(label, "url", "a source needs a url or a path to be found again")
        if d.url is not None and not _URL.fullmatch(d.url):
            ctx.add(label, "url", f"expected an http(s) address, got {shown(d.url)}")
        for name in ("id", "provider", "title"):
            if not getattr(d, name).strip():
                ctx.add(label, name, "empty; every source needs it")
        if d.provider.strip() and d.provider not in ctx.providers:
            ctx.add(
                label,
                "provider",
                f"unknown provider id {shown(d.provider)}; define it in [[providers]] "
                f"(known: {', '.join(sorted(ctx.providers)) or 'none'})",
            )
        if d.commit is not None and not _COMMIT.fullmatch(d.commit):
            ctx.add(label, "commit", f"expected a 40-hex commit id, got {d.commit!r}")
        _check_source_dates(ctx, label, d)
        docs.setdefault(d.id, (label, d))
    for label, d in docs.values():
        provider = ctx.providers.get(d.provider)
        ctx.sources[d.id] = copy_fields(
            Source,
            d,
            note=ctx.note(label, "note", d.note),
            provider_name=provider.name if provider else Text(d.provider, d.provider),
            end=d.until,
            retired=False,
        )
    for label, d in docs.values():
        _resolve_end(ctx, label, d, docs)
    return tuple(ctx.sources.values())


def _check_source_dates(ctx: Context, label: str, d: SourceDoc) -> None:
    start = d.published if d.published is not None else d.not_before
    if d.published is not None and d.not_before is not None and d.not_before > d.published:
        ctx.add(label, "not_before", f"{d.not_before} is after the publication date {d.published}")
    if d.until is not None and start is not None and d.until <= start:
        ctx.add(
            label, "until", f"{d.until} is not after the source's start {start}; it would never be in effect"
        )
    if d.seen is not None and start is not None and d.seen < start:
        ctx.add(label, "seen", f"{d.seen} is before the source's start {start}")
    if d.seen is not None and d.until is not None and d.seen >= d.until:
        ctx.add(label, "seen", f"{d.seen} is not before its end (until {d.until})")


def _resolve_end(ctx: Context, label: str, d: SourceDoc, docs: dict[str, tuple[str, SourceDoc]]) -> None:
    """The end of *d* from its successor; dangling ids and cycles are problems. A
    successor that starts the same day (two versions under one ``not_before`` bound)
    leaves *d* an empty period: it counts in no answer."""
    if d.superseded_by is None:
        return
    if d.superseded_by not in docs:
        ctx.add(label, "superseded_by", f"unknown source id {d.superseded_by!r}; define it in [[sources]]")
        return
    chain = [d.id]
    nxt: str | None = d.superseded_by
    while nxt is not None and nxt in docs:
        if nxt in chain:
            ctx.add(label, "superseded_by", f"supersession cycle: {' -> '.join([*chain, nxt])}")
            return
        chain.append(nxt)
        nxt = docs[nxt][1].superseded_by
    successor = ctx.sources[d.superseded_by]
    own = ctx.sources[d.id]
    start = own.start
    if d.until is not None:
        return
    if successor.start is None:
        ctx.sources[d.id] = attrs.evolve(own, retired=True)
    elif start is not None and successor.start < start:
        ctx.add(
            label,
            "superseded_by",
            f"its successor {successor.id!r} starts {successor.start}, before this source's start {start}",
        )
    else:
        ctx.sources[d.id] = attrs.evolve(own, end=successor.start)


def build_changes(ctx: Context, items: list[tuple[str, ChangeDoc]]) -> tuple[tuple[Change, Text], ...]:
    """The text of each change kind; each :class:`Change` needs exactly one record."""
    ids = [d.id for _, d in items]
    ctx.duplicates("changes", "id", ids, "change id")
    for label, d in items:
        if d.id not in CHANGE_VALUES:
            ctx.add(label, "id", f"unknown change {d.id!r}; expected one of {', '.join(CHANGE_VALUES)}")
    for missing in sorted(set(CHANGE_VALUES) - set(ids)):
        ctx.add("changes", "id", f"no text for change {missing!r}")
    for label, d in items:
        ctx.texts(label, "", [("zh/en", d.zh, d.en)])
    return tuple((Change(d.id), Text(d.zh, d.en)) for _, d in items if d.id in CHANGE_VALUES)


def build_change_terms(items: list[tuple[str, ChangeDoc]]) -> tuple[Term, ...]:
    """Each change kind's words and aliases (the records :func:`build_changes` checked)."""
    return tuple(Term(d.id, Text(d.zh, d.en), d.aliases) for _, d in items if d.id in CHANGE_VALUES)


def build_terms(
    ctx: Context, section: str, items: list[tuple[str, TermDoc]], valid: Sequence[str]
) -> tuple[Term, ...]:
    """The words of a closed vocabulary (``subject_kinds``, ``facts``): a table the
    file may leave out, but when present, one record for each id in *valid*."""
    ids = [d.id for _, d in items]
    ctx.duplicates(section, "id", ids, f"{section} id")
    for label, d in items:
        if d.id not in valid:
            ctx.add(label, "id", f"unknown id {d.id!r}; expected one of {', '.join(valid)}")
    if items:
        for missing in [v for v in valid if v not in ids]:
            ctx.add(section, "id", f"no record for {missing!r}")
    return tuple(Term(d.id, Text(d.zh, d.en), d.aliases) for _, d in items if d.id in valid)


def build_steps(ctx: Context, items: list[tuple[str, StepDoc]]) -> tuple[StepInfo, ...]:
    """The step catalogue in plan order (``order``), which must be unambiguous."""
    ctx.duplicates("steps", "id", (d.id for _, d in items), "step id")
    ctx.duplicates("steps", "order", (str(d.order) for _, d in items), "step order")
    for missing in sorted(REQUIRED_STEPS - {d.id for _, d in items}):
        ctx.add("steps", "id", f"step {missing!r} is missing; the code plans with it")
    for label, d in items:
        ctx.texts(label, "", [("zh/en", d.zh, d.en)])
    return tuple(sorted((StepInfo(d.id, d.order, Text(d.zh, d.en)) for _, d in items), key=lambda s: s.order))


def build_national_rules(ctx: Context, items: list[tuple[str, NationalRuleDoc]]) -> tuple[NationalRule, ...]:
    """The rules that hold in every province, each cited."""
    ctx.duplicates("national_rules", "id", (d.id for _, d in items), "rule id")
    for missing in sorted(REQUIRED_NATIONAL_RULES - {d.id for _, d in items}):
        ctx.add("national_rules", "id", f"national rule {missing!r} is missing")
    for label, d in items:
        ctx.texts(label, "", [("zh/en", d.zh, d.en)])
    return tuple(_national_rule(ctx, label, d) for label, d in items)


def _national_rule(ctx: Context, label: str, d: NationalRuleDoc) -> NationalRule:
    sources = ctx.cite(label, "sources", d.sources, required=True)
    for i, suffix in enumerate(d.suffixes):
        if not _SUFFIX.match(suffix) or suffix != suffix.lower():
            ctx.add(label, f"suffixes[{i}]", f"expected a lower-case suffix like '.com', got {suffix!r}")
    ctx.duplicates(label, "suffixes", d.suffixes, "suffix")
    if d.days is not None and d.days < 0:
        ctx.add(label, "days", f"expected a number of days >= 0, got {d.days}")
    for code in d.in_force_from_by_province:
        if code not in PROVINCE_CODES:
            ctx.add(
                label, "in_force_from_by_province", f"{shown(code)} is not a province code (e.g. 'CN-TJ')"
            )
    pilots = tuple(sorted(d.in_force_from_by_province.items()))
    if d.in_force_from is not None:
        for code, start in pilots:
            if start > d.in_force_from:
                ctx.add(
                    label,
                    "in_force_from_by_province",
                    f"{code} starts {start}, after the national start {d.in_force_from}; "
                    "a province's own start is an earlier one",
                )
    return NationalRule(
        d.id, Text(d.zh, d.en), sources, d.date, d.days, tuple(d.suffixes), d.in_force_from, pilots
    )


def build_regions(ctx: Context, items: list[tuple[str, NoIcpRegionDoc]]) -> tuple[NoIcpRegion, ...]:
    """香港, 澳门, 台湾; that their names name no province is checked with the provinces."""
    ctx.duplicates("no_icp_regions", "code", (d.code for _, d in items), "region code")
    for label, d in items:
        if d.code not in NO_ICP_REGION_CODES:
            valid = ", ".join(NO_ICP_REGION_CODES)
            ctx.add(
                label, "code", f"{shown(d.code)} is not a region without ICP filing; expected one of {valid}"
            )
        elif d.gb_code != NO_ICP_REGION_CODES[d.code]:
            ctx.add(
                label,
                "gb_code",
                f"expected {NO_ICP_REGION_CODES[d.code]} for {d.code}, got {shown(d.gb_code)}",
            )
        ctx.texts(label, "", [("name/name_en", d.name, d.name_en)])
    return tuple(
        copy_fields(NoIcpRegion, d, sources=ctx.cite(label, "sources", d.sources, required=True))
        for label, d in items
    )

"""The text of every answer: pure functions from a result value and a
:class:`Formatter` to the lines to print, aligned and within 80 columns. No argparse,
no policy loading, no stdout: each can be tested on its own."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from .._decision import ChangeVerdict, TransferDecision
from .._diagnosis import Diagnosis, FailureInfo, Remedy
from .._enums import Basis, Change, Status, SubjectKind, Timing
from .._errors import DataProblem
from .._icp import IcpKind, IcpNumber, IcpService
from .._model import ProvinceRules, SiteFact, Source, Text
from .._plan import TransferPlan
from .._policy import Policy
from .._step import Step
from ._format import Formatter
from ._layout import display_width, pad, wrap

__all__ = [
    "changes_lines",
    "decision_lines",
    "diagnosis_lines",
    "failures_lines",
    "icp_number_lines",
    "plan_lines",
    "problems_text",
    "provinces_lines",
    "sources_lines",
    "validation_lines",
    "version_lines",
]

# Values to the keys of their labels (tables named *_LABELS hold label keys only).
_BASIS_LABELS: Mapping[Basis, str] = {
    Basis.PROVINCE: "basis_province",
    Basis.NATIONAL_DEFAULT: "basis_national_default",
    Basis.NATIONAL_RULE: "basis_national_rule",
}
_SUBJECT_KIND_LABELS: Mapping[SubjectKind, str] = {
    SubjectKind.ORGANISATION: "organisation",
    SubjectKind.INDIVIDUAL: "individual",
}
_TIMING_LABELS: Mapping[Timing, str] = {Timing.BEFORE: "before", Timing.AFTER: "after"}
_ICP_KIND_LABELS: Mapping[IcpKind, str] = {
    IcpKind.FILING: "kind_filing",
    IcpKind.LICENCE: "kind_licence",
    IcpKind.B2: "kind_b2",
}
_SERVICE_LABELS: Mapping[IcpService, str] = {
    IcpService.APP: "service_A",
    IcpService.MINI_PROGRAM: "service_X",
}
#: The columns of ``provinces``, and the legend of those that need one.
_COLUMN_LABELS = ("code", "name", "name_other", "abbr", "default_rule", "specific", "filed_up", "unfiled_off")
_LEGEND_LABELS = (
    ("default_rule", "legend_default_rule"),
    ("specific", "legend_specific"),
    ("filed_up", "legend_filed_up"),
    ("unfiled_off", "legend_unfiled_off"),
)

#: The options that give each fact ``diagnose`` may name as unknown.
_FACT_OPTIONS: Mapping[str, str] = {
    "province": "--province P",
    "cause": "--cause ID",
    "submitted_to_administration": "--submitted / --not-submitted",
    "subject_has_other_websites": "--has-other-websites / --no-other-websites",
    "original_provider_reachable": "--original-provider-reachable / --original-provider-unreachable",
    "icp_number": "--icp-number NUMBER",
}


# -- pieces shared by several answers ---------------------------------------------------


def _ordered(changes: Iterable[Change]) -> list[Change]:
    order = list(Change)
    return sorted(changes, key=order.index)


def _where(source: Source) -> list[str]:
    if source.url:
        return [source.url]
    lines = []
    if source.repository:
        lines.append(source.repository + (f" @ {source.commit[:12]}" if source.commit else ""))
    if source.path:
        lines.append(source.path)
    return lines


def sources_lines(sources: Iterable[Source], f: Formatter) -> list[str]:
    lines = [f.colon("sources")]
    for source in sources:
        lines.extend(wrap(f"{source.provider}: {source.title}", first=f"  [{source.id}] ", indent="      "))
        # Locations are never wrapped: a broken URL or path cannot be copied.
        lines.extend("      " + where for where in _where(source))
    return lines


def _verdict_text(decision: TransferDecision, f: Formatter, *, refile: bool) -> str:
    if not decision.direct:
        return f.t("not_direct_refile") if refile else f.t("not_direct")
    return f.t("direct_deferred") if decision.deferred else f.t("direct_none")


def _decision_head(decision: TransferDecision, f: Formatter, *, refile: bool = False) -> list[str]:
    changes = f.join(f.change(c) for c in _ordered(decision.changes)) or f.t("none")
    kind = f.t(_SUBJECT_KIND_LABELS[decision.subject_kind]) if decision.subject_kind else f.t("any_kind")
    basis = decision.basis
    rows = [
        f.row("changes", changes),
        f.row("subject_kind", kind),
        f.row("verdict", _verdict_text(decision, f, refile=refile)),
        f.row("basis", f"{basis.value}{f.aside([f.t(_BASIS_LABELS[basis])])}"),
        f.row("disputed", f.t("disputed_yes") if decision.disputed else f.t("no")),
        f.row("data", decision.data_version),
    ]
    return [f.province(decision.province), *f.fields(rows)]


def _steps_lines(steps: Sequence[Step], f: Formatter, *, indent: str = "") -> list[str]:
    lines: list[str] = []
    number_width = len(str(len(steps)))
    for number, step in enumerate(steps, start=1):
        head = f"{indent} {number:>{number_width}}. "
        inner = " " * len(head)
        lines.extend(wrap(step.title(f.lang), first=head, indent=inner))
        details = []
        if step.deadline_working_days is not None:
            details.append(f.label("deadline_label") + f.deadline(step.deadline_working_days))
        if step.changes:
            details.append(f.label("changes_label") + ", ".join(c.value for c in _ordered(step.changes)))
        if details:
            lines.extend(wrap(" · ".join(details), indent=inner))
        for warning in step.warnings:
            lines.extend(wrap(f.t("caution") + warning.get(f.lang), indent=inner))
        ids = ", ".join(s.id for s in step.sources)
        lines.extend(wrap(f"{f.t('rule')} {step.rule} [{ids}]", indent=inner))
    return lines


def _step_sources(steps: Iterable[Step]) -> list[Source]:
    found: dict[str, Source] = {}
    for step in steps:
        for source in step.sources:
            found.setdefault(source.id, source)
    return list(found.values())


# -- check, steps -----------------------------------------------------------------------


def _verdicts_lines(heading: str, verdicts: Sequence[ChangeVerdict], f: Formatter) -> list[str]:
    lines = ["", heading]
    if not verdicts:
        lines.append("  " + f.t("none"))
    for verdict in verdicts:
        notes = [f.deadline(verdict.deadline_working_days)]
        if verdict.disputed:
            notes.append(f.t("disputed_mark"))
        lines.extend(f.bullet(f"{f.change(verdict.change)} [{verdict.change.value}]{f.aside(notes)}"))
        lines.extend(wrap(f"{f.t('rule')} {verdict.rule}{f.aside([verdict.basis.value])}", indent="    "))
    return lines


def decision_lines(decision: TransferDecision, f: Formatter) -> list[str]:
    """``check``: the verdict, the blocking and the deferred changes, the sources."""
    by_timing = {timing: [v for v in decision.verdicts if v.timing is timing] for timing in Timing}
    return [
        *_decision_head(decision, f),
        *_verdicts_lines(f.colon("blocking"), by_timing[Timing.BEFORE], f),
        *_verdicts_lines(f.colon("deferred"), by_timing[Timing.AFTER], f),
        "",
        *sources_lines(decision.sources, f),
    ]


def plan_lines(plan: TransferPlan, f: Formatter) -> list[str]:
    """``steps``: the verdict, the numbered steps, the sources of the steps."""
    refile = "cancel_website" in plan.step_ids
    return [
        *_decision_head(plan.decision, f, refile=refile),
        "",
        f.colon("steps"),
        *_steps_lines(plan.steps, f),
        "",
        *sources_lines(_step_sources(plan.steps), f),
    ]


# -- diagnose ---------------------------------------------------------------------------


def _remedy_status(remedy: Remedy, f: Formatter) -> str:
    if remedy.applies:
        return f.t("applies")
    return f.t("applies_if", c=f.facts(remedy.condition))


def _remedy_lines(remedy: Remedy, f: Formatter, *, with_steps: bool) -> list[str]:
    lines = f.bullet(f"{remedy.describe(f.lang)} [{remedy.id}]{f.aside([_remedy_status(remedy, f)])}")
    for text in (remedy.detail, remedy.number_hint):
        if text is not None:
            lines.extend(wrap(text.get(f.lang), indent="    "))
    if with_steps:
        lines.extend(_steps_lines(remedy.steps, f, indent="   "))
    return lines


def diagnosis_lines(diagnosis: Diagnosis, f: Formatter) -> list[str]:
    """``diagnose``: the failure and the facts given, the causes, the remedies, and
    the steps when the facts settle them (else what would settle them)."""
    lines = [f"{diagnosis.describe(f.lang)} [{diagnosis.failure.value}]"]
    rows: list[tuple[str, str]] = []
    if diagnosis.province is not None:
        rows.append(f.row("province", f.province(diagnosis.province)))
    if diagnosis.subject_number is not None:
        rows.append(f.row("icp_subject_number", diagnosis.subject_number))
    if diagnosis.icp_number_problem is not None:
        rows.append(f.row("icp_problem", diagnosis.icp_number_problem))
    if diagnosis.facts:
        rows.append(f.row("facts", f.facts(diagnosis.facts)))
    rows.append(f.row("data", diagnosis.data_version))
    lines.extend(f.fields(rows))
    if diagnosis.note is not None:
        lines.extend(wrap(diagnosis.note.get(f.lang)))

    lines.extend(["", f.colon("causes")])
    for cause in diagnosis.causes:
        lines.extend(f.bullet(f"{cause.describe(f.lang)} [{cause.id}]"))

    lines.extend(["", f.colon("remedies")])
    if not diagnosis.remedies:
        lines.append("  " + f.t("none"))
    for remedy in diagnosis.remedies:
        lines.extend(_remedy_lines(remedy, f, with_steps=not diagnosis.decided))

    if diagnosis.decided:
        lines.extend(["", f.colon("steps"), *_steps_lines(diagnosis.steps, f)])
    if diagnosis.unknown_facts:
        lines.extend(["", f.colon("to_decide")])
        for name in diagnosis.unknown_facts:
            lines.extend(f.bullet(f"{name}: {_FACT_OPTIONS.get(name, name)}"))
    if diagnosis.related:
        lines.append("")
        lines.extend(wrap(", ".join(r.value for r in diagnosis.related), first=f.label("related")))
    lines.append("")
    lines.extend(sources_lines(diagnosis.sources, f))
    return lines


# -- parse ------------------------------------------------------------------------------


def icp_number_lines(number: IcpNumber, f: Formatter) -> list[str]:
    """``parse``: the canonical number, then its parts."""
    if number.site is None:
        site, service = f.t("subject_only"), "-"
    else:
        site = str(number.site)
        service = f.t(_SERVICE_LABELS[number.service]) if number.service else f.t("service_none")
    rows = [
        f.row("icp_province", f.province(number.province)),
        f.row("icp_kind", f"{number.kind.value}{f.aside([f.t(_ICP_KIND_LABELS[number.kind])])}"),
        f.row("icp_subject", number.subject_number),
        f.row("icp_serial", number.serial),
        f.row("icp_site", site),
        f.row("icp_service", service),
    ]
    if number.alternative_abbreviation:
        written = f.t("alt_abbr", a=number.abbreviation, c=number.province.icp_abbreviation)
        rows.append(f.row("icp_written", written))
    return [number.canonical, *f.fields(rows, indent="  ")]


# -- provinces, changes, failures ---------------------------------------------------------


def _glance_fact(fact: SiteFact, f: Formatter) -> str:
    if fact.status is Status.UNKNOWN:
        return "?"
    return f.yes_no(fact.value) + ("*" if fact.disputed else "")


def _glance_default(rules: ProvinceRules, f: Formatter) -> str:
    (catch_all,) = [r for r in rules.transfer_rules if r.covers_all]
    if not catch_all.stated or catch_all.timing is None:
        return f.t("unknown")
    text = f.t(_TIMING_LABELS[catch_all.timing])
    if catch_all.deadline_working_days is not None:
        text += " " + f.t("days_short", n=catch_all.deadline_working_days)
    return text + ("*" if catch_all.disputed else "")


def _province_row(rules: ProvinceRules, f: Formatter) -> list[str]:
    p = rules.province
    names = (p.short_name, p.name_en) if f.zh else (p.name_en, p.short_name)
    specific = sum(1 for r in rules.transfer_rules if not r.covers_all)
    return [
        p.code,
        *names,
        " ".join((p.icp_abbreviation, *p.alternative_abbreviations)),
        _glance_default(rules, f),
        f"+{specific}" if specific else "-",
        _glance_fact(rules.filed_sites_reachable, f),
        _glance_fact(rules.unfiled_sites_closed, f),
    ]


def _table_lines(rows: Sequence[Sequence[str]]) -> list[str]:
    """*rows* in aligned columns, the first row a heading underlined with dashes."""
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for index, row in enumerate(rows):
        lines.append("  ".join(pad(cell, widths[i]) for i, cell in enumerate(row)).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def _glossary_lines(items: Sequence[tuple[str, str]]) -> list[str]:
    """``term  text`` rows, the texts aligned and wrapped under themselves."""
    width = max(display_width(term) for term, _ in items)
    lines: list[str] = []
    for term, text in items:
        lines.extend(wrap(text, first=pad(term, width) + "  ", indent=" " * (width + 2)))
    return lines


def provinces_lines(rules: Iterable[ProvinceRules], data_version: str, f: Formatter) -> list[str]:
    """``provinces``: one row of key rules per province, and a legend."""
    heading = [f.t(column) for column in _COLUMN_LABELS]
    legend = [(f.t(column), f.t(text)) for column, text in _LEGEND_LABELS]
    return [
        *_table_lines([heading, *(_province_row(r, f) for r in rules)]),
        "",
        *_glossary_lines(legend),
        *wrap(f.t("legend_marks")),
        *f.fields([f.row("data", data_version)]),
    ]


def changes_lines(texts: Mapping[Change, Text], f: Formatter) -> list[str]:
    """``changes``: each change kind and what it means."""
    return _glossary_lines([(change.value, text.get(f.lang)) for change, text in texts.items()])


def failures_lines(failures: Iterable[FailureInfo], f: Formatter) -> list[str]:
    """``failures``: each failure reason with its causes and remedies."""
    lines: list[str] = []
    for index, info in enumerate(failures):
        if index:
            lines.append("")
        lines.extend(wrap(info.title.get(f.lang), first=f"{info.failure.value}  ", indent="    "))
        lines.append("  " + f.colon("causes"))
        for cause in info.causes:
            lines.extend(f.bullet(f"{cause.describe(f.lang)} [{cause.id}]", indent="    "))
        lines.append("  " + f.colon("remedies"))
        for remedy in info.remedies:
            lines.extend(f.bullet(f"{remedy.label.get(f.lang)} [{remedy.id}]", indent="    "))
    return lines


# -- validate-data, version ---------------------------------------------------------------


def validation_lines(
    path: str, policy: Policy | None, problems: Sequence[DataProblem], f: Formatter
) -> list[str]:
    """``validate-data``: OK with what was read, or every problem."""
    if policy is not None:
        n, v, s = len(policy.rules), policy.data_version, policy.schema_version
        return [f.t("valid_ok", path=path, n=n, v=v, s=s)]
    lines = [f.t("valid_bad", path=path, n=len(problems))]
    for problem in problems:
        lines.extend(f.bullet(str(problem)))
    return lines


def problems_text(path: str, problems: Sequence[DataProblem], hint: str = "") -> str:
    """The first of (one or more) *problems*, and how many more there are."""
    more = len(problems) - 1
    tail = f" (and {more} more{hint})" if more else ""
    return f"{path}: bad policy data: {problems[0]}{tail}"


def version_lines(policy: Policy, f: Formatter, *, code: str, reads_schema: str) -> list[str]:
    """``version``: the *code* version, and the data's version, date, schema and file."""
    rows = [
        f.row("v_code", code),
        f.row("v_data", policy.data_version),
        f.row("v_as_of", policy.as_of.isoformat()),
        f.row("v_schema", f"{policy.schema_version}{f.aside([f.t('v_reads', s=reads_schema)])}"),
        f.row("v_file", policy.origin),
    ]
    return f.fields(rows)

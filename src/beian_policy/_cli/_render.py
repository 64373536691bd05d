"""The text of every answer: pure functions from a result value and a
:class:`Formatter` to the lines to print, aligned and within 80 columns. No argparse,
no policy loading, no stdout: each can be tested on its own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from .._decision import ChangeVerdict, TransferDecision
from .._enums import Basis, Change, Status, SubjectKind, Timing
from .._model import ALL_KINDS, FailureInfo, ProvinceRules, SiteFact, Source, Text, merge_sources
from .._policy import Policy
from .._statements import decide
from ._format import Formatter
from ._layout import display_width, pad, wrap
from ._render_notes import transfer_notes_lines

if TYPE_CHECKING:  # only annotations: a command imports what it renders
    from .._diagnosis import Diagnosis, Remedy
    from .._icp import IcpNumber
    from .._plan import TransferPlan
    from .._step import Step
    from ..errors import DataProblem

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
    "steps_lines",
    "validation_lines",
    "version_lines",
]

# Values to the keys of their labels (tables named *_LABELS hold label keys only).
_BASIS_LABELS: Mapping[Basis, str] = {
    Basis.PROVINCE: "basis_province",
    Basis.NATIONAL_DEFAULT: "basis_national_default",
    Basis.NATIONAL_RULE: "basis_national_rule",
}
_BASIS_SHORT_LABELS: Mapping[Basis, str] = {
    Basis.PROVINCE: "basis_short_province",
    Basis.NATIONAL_DEFAULT: "basis_short_national_default",
    Basis.NATIONAL_RULE: "basis_short_national_rule",
}
_SUBJECT_KIND_LABELS: Mapping[SubjectKind, str] = {
    SubjectKind.ORGANISATION: "organisation",
    SubjectKind.INDIVIDUAL: "individual",
}
_TIMING_LABELS: Mapping[Timing, str] = {
    Timing.BEFORE: "before",
    Timing.AFTER: "after",
    Timing.WITH_TRANSFER: "with_transfer",
}
_DISSENT_LABELS: Mapping[Timing, str] = {
    Timing.BEFORE: "dissent_before",
    Timing.AFTER: "dissent_after",
    Timing.WITH_TRANSFER: "dissent_with_transfer",
}
# Keyed by the values of IcpKind and IcpService (keywords, so that only label keys
# are string constants here), so that rendering a decision need not import the ICP
# number parser in a short-lived command.
_ICP_KIND_LABELS: Mapping[str, str] = dict(filing="kind_filing", licence="kind_licence", b2="kind_b2")
_SERVICE_LABELS: Mapping[str, str] = dict(A="service_A", X="service_X")
#: The columns of ``provinces``, and the legend of those that need one.
_COLUMN_LABELS = ("code", "name", "name_other", "abbr", "default_rule", "specific", "filed_up", "unfiled_off")
_LEGEND_LABELS = (
    ("default_rule", "legend_default_rule"),
    ("specific", "legend_specific"),
    ("filed_up", "legend_filed_up"),
    ("unfiled_off", "legend_unfiled_off"),
)

#: The options that give each fact ``diagnose`` may name as unknown (a test holds
#: them to the parser's).
_FACT_OPTIONS: Mapping[str, str] = {
    "province": "--province P",
    "cause": "--cause ID",
    "submitted_to_administration": "--submitted / --not-submitted",
    "subject_has_other_websites": "--has-other-websites / --no-other-websites",
    "original_provider_reachable": "--original-provider-reachable / --original-provider-unreachable",
    "icp_number": "--icp-number NUMBER",
}


def _parameter_words(name: str, fmt: Formatter) -> str:
    """A ``diagnose`` parameter in words: a fact's words, or the label of the others."""
    if name == "province":
        return fmt.t("fact_province")
    if name == "cause":
        return fmt.t("fact_cause")
    if name == "icp_number":
        return fmt.t("fact_icp_number")
    return fmt.fact(name)


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


def sources_lines(sources: Iterable[Source], fmt: Formatter) -> list[str]:
    """Each source's id, provider and title, and where to read it."""
    lines = [fmt.colon("sources")]
    for source in sources:
        publisher = source.provider_name.get(fmt.lang)
        lines.extend(wrap(f"{publisher}: {source.title}", first=f"  [{source.id}] ", indent="      "))
        # Locations are never wrapped: a broken URL or path cannot be copied.
        lines.extend("      " + where for where in _where(source))
    return lines


def _verdict_text(decision: TransferDecision, fmt: Formatter, *, refile: bool) -> str:
    if not decision.direct:
        return fmt.t("not_direct_refile") if refile else fmt.t("not_direct")
    return fmt.t("direct_deferred") if decision.deferred else fmt.t("direct_none")


def _decision_head(decision: TransferDecision, fmt: Formatter, *, refile: bool = False) -> list[str]:
    changes = fmt.join(fmt.change(c) for c in _ordered(decision.changes)) or fmt.t("none")
    kind = fmt.t(_SUBJECT_KIND_LABELS[decision.subject_kind]) if decision.subject_kind else fmt.t("any_kind")
    basis = decision.basis
    rows = [
        fmt.row("changes", changes),
        fmt.row("subject_kind", kind),
        fmt.row("verdict", _verdict_text(decision, fmt, refile=refile)),
        fmt.row("basis", f"{fmt.t(_BASIS_LABELS[basis])} [{basis.value}]"),
        fmt.row("disputed", fmt.t("disputed_yes") if decision.disputed else fmt.t("no")),
        fmt.row("data", decision.data_version),
    ]
    if decision.as_of is not None:
        rows.append(fmt.row("as_of", decision.as_of.isoformat()))
    if decision.according_to is not None:
        rows.append(fmt.row("according_to", fmt.provider(decision.according_to)))
    if decision.evidence_date is not None:
        rows.append(fmt.row("evidence", decision.evidence_date.isoformat()))
    return [fmt.province(decision.province), *fmt.fields(rows)]


def _steps_lines(steps: Sequence[Step], fmt: Formatter, *, indent: str = "") -> list[str]:
    lines: list[str] = []
    number_width = len(str(len(steps)))
    for number, step in enumerate(steps, start=1):
        head = f"{indent} {number:>{number_width}}. "
        inner = " " * len(head)
        lines.extend(wrap(step.title.get(fmt.lang), first=head, indent=inner))
        details = []
        if step.deadline_working_days is not None:
            details.append(fmt.label("deadline_label") + fmt.deadline(step.deadline_working_days))
        if step.irreversible:
            details.append(fmt.t("irreversible"))
        if step.changes:
            details.append(
                fmt.label("changes_label") + fmt.join(fmt.change(c) for c in _ordered(step.changes))
            )
        if details:
            lines.extend(wrap(" · ".join(details), indent=inner))
        if step.note is not None:
            lines.extend(wrap(step.note.get(fmt.lang), indent=inner))
        for warning in step.warnings:
            lines.extend(wrap(fmt.t("caution") + warning.get(fmt.lang), indent=inner))
        ids = ", ".join(s.id for s in step.sources)
        lines.extend(wrap(f"{fmt.t('rule')} [{step.rule}] · {fmt.t('sources_short')} [{ids}]", indent=inner))
    return lines


def steps_lines(steps: Sequence[Step], fmt: Formatter) -> list[str]:
    """Numbered steps with their deadlines, changes, warnings, rule and sources."""
    return _steps_lines(steps, fmt)


# -- check, steps -----------------------------------------------------------------------


def _dissent_lines(verdict: ChangeVerdict, fmt: Formatter, *, indent: str) -> list[str]:
    """Who disagrees with a verdict, when they said it, and what they say."""
    lines: list[str] = []
    for statement in verdict.dissent:
        when = fmt.when(statement.date, bound=statement.date_is_bound)
        who = f"{fmt.who(statement.source)}{fmt.aside([when])}"
        what = fmt.t(_DISSENT_LABELS[statement.timing])
        what += fmt.aside([fmt.t("dissent_boilerplate") if statement.boilerplate else ""])
        if statement.note is not None:
            note = statement.note.get(fmt.lang)
            what += f" ({note})" if not fmt.zh else f"（{note}）"
        lines.extend(wrap(fmt.t("dissent_says", who=who, what=what), indent=indent))
    return lines


def _decided_by(verdict: ChangeVerdict, fmt: Formatter) -> list[str]:
    """The deciding statement's provider and date, when a statement decided."""
    if verdict.provider is None or not verdict.sources:
        return []
    who = fmt.who(verdict.sources[0])
    text = fmt.t("decided_by", who=who, when=fmt.when(verdict.date, bound=verdict.date_is_bound))
    return wrap(text, first="    ", indent="      ")


def _verdicts_lines(
    heading: str, verdicts: Sequence[ChangeVerdict], fmt: Formatter, shown: set[Text] | None = None
) -> list[str]:
    """The verdicts under *heading*, each with its rule, who decided, the deciding
    note (once per answer: *shown* holds the notes already printed) and the dissent."""
    shown = set() if shown is None else shown
    lines = ["", heading]
    if not verdicts:
        lines.append("  " + fmt.t("none"))
    for verdict in verdicts:
        notes = [fmt.deadline(verdict.deadline_working_days)]
        if verdict.disputed:
            notes.append(fmt.t("disputed_mark"))
        lines.extend(fmt.bullet(f"{fmt.change(verdict.change)} [{verdict.change.value}]{fmt.aside(notes)}"))
        basis = fmt.t(_BASIS_SHORT_LABELS[verdict.basis])
        lines.extend(wrap(f"{fmt.t('rule')} [{verdict.rule}]{fmt.aside([basis])}", indent="    "))
        lines.extend(_decided_by(verdict, fmt))
        if verdict.note is not None and verdict.note not in shown:
            shown.add(verdict.note)
            lines.extend(wrap(verdict.note.get(fmt.lang), indent="    "))
        lines.extend(_dissent_lines(verdict, fmt, indent="    "))
    return lines


def decision_lines(
    decision: TransferDecision, fmt: Formatter, rules: ProvinceRules | None = None
) -> list[str]:
    """``check``: the verdict, the blocking and the deferred changes, what else the
    province's data (*rules*) says about a transfer, the sources."""
    by_timing = {timing: [v for v in decision.verdicts if v.timing is timing] for timing in Timing}
    notes, note_sources = (
        transfer_notes_lines(rules, decision.subject_kind, decision.changes, fmt) if rules else ([], ())
    )
    shown: set[Text] = set()
    return [
        *_decision_head(decision, fmt),
        *_verdicts_lines(fmt.colon("blocking"), by_timing[Timing.BEFORE], fmt, shown),
        *_verdicts_lines(fmt.colon("deferred"), by_timing[Timing.AFTER], fmt, shown),
        *(
            _verdicts_lines(fmt.colon("carried"), by_timing[Timing.WITH_TRANSFER], fmt, shown)
            if decision.carried
            else []
        ),
        *notes,
        "",
        *sources_lines(merge_sources(decision.sources, _dissent_sources(decision), note_sources), fmt),
    ]


def _dissent_sources(decision: TransferDecision) -> tuple[Source, ...]:
    return tuple(statement.source for verdict in decision.verdicts for statement in verdict.dissent)


def plan_lines(plan: TransferPlan, fmt: Formatter, rules: ProvinceRules | None = None) -> list[str]:
    """``steps``: the verdict, the numbered steps, what else the province's data
    (*rules*) says about a transfer, the sources of the steps."""
    refile = plan.refile
    decision = plan.decision
    notes, note_sources = (
        transfer_notes_lines(rules, decision.subject_kind, decision.changes, fmt, with_requirements=False)
        if rules
        else ([], ())
    )
    disputes: list[str] = []
    for verdict in plan.decision.verdicts:
        if verdict.dissent:
            disputes.extend(fmt.bullet(f"{fmt.change(verdict.change)} [{verdict.change.value}]"))
            disputes.extend(_dissent_lines(verdict, fmt, indent="    "))
    return [
        *_decision_head(plan.decision, fmt, refile=refile),
        *(["", fmt.colon("disputed"), *disputes] if disputes else []),
        "",
        fmt.colon("steps"),
        *_steps_lines(plan.steps, fmt),
        *notes,
        "",
        *sources_lines(
            merge_sources(*(step.sources for step in plan.steps), _dissent_sources(decision), note_sources),
            fmt,
        ),
    ]


# -- diagnose ---------------------------------------------------------------------------


def _remedy_status(remedy: Remedy, fmt: Formatter) -> str:
    if remedy.applies:
        return fmt.t("applies")
    return fmt.t("applies_if", c=fmt.facts(remedy.condition))


def _remedy_lines(remedy: Remedy, fmt: Formatter, *, with_steps: bool) -> list[str]:
    lines = fmt.bullet(
        f"{remedy.label.get(fmt.lang)} [{remedy.id}]{fmt.aside([_remedy_status(remedy, fmt)])}"
    )
    for text in (remedy.detail, remedy.number_hint):
        if text is not None:
            lines.extend(wrap(text.get(fmt.lang), indent="    "))
    if with_steps:
        lines.extend(_steps_lines(remedy.steps, fmt, indent="   "))
    return lines


def diagnosis_lines(diagnosis: Diagnosis, fmt: Formatter) -> list[str]:
    """``diagnose``: the failure and the facts given, the causes, the remedies, and
    the steps when the facts settle them (else what would settle them)."""
    lines = [f"{diagnosis.title.get(fmt.lang)} [{diagnosis.failure.value}]"]
    rows: list[tuple[str, str]] = []
    if diagnosis.province is not None:
        rows.append(fmt.row("province", fmt.province(diagnosis.province)))
    if diagnosis.subject_number is not None:
        rows.append(fmt.row("icp_subject_number", diagnosis.subject_number))
    if diagnosis.icp_number_problem is not None:
        rows.append(fmt.row("icp_problem", diagnosis.icp_number_problem))
    if diagnosis.facts:
        rows.append(fmt.row("facts", fmt.facts(diagnosis.facts)))
    rows.append(fmt.row("data", diagnosis.data_version))
    lines.extend(fmt.fields(rows))
    if diagnosis.note is not None:
        lines.extend(wrap(diagnosis.note.get(fmt.lang)))

    lines.extend(["", fmt.colon("causes")])
    for cause in diagnosis.causes:
        lines.extend(fmt.bullet(f"{cause.text.get(fmt.lang)} [{cause.id}]"))

    lines.extend(["", fmt.colon("remedies")])
    if not diagnosis.remedies:
        lines.append("  " + fmt.t("none"))
    for remedy in diagnosis.remedies:
        lines.extend(_remedy_lines(remedy, fmt, with_steps=not diagnosis.decided))

    if diagnosis.decided:
        lines.extend(["", fmt.colon("steps"), *_steps_lines(diagnosis.steps, fmt)])
    if diagnosis.unknown_facts:
        lines.extend(["", fmt.colon("to_decide")])
        for name in diagnosis.unknown_facts:
            lines.extend(fmt.bullet(f"{_parameter_words(name, fmt)}: {_FACT_OPTIONS.get(name, name)}"))
    if diagnosis.related:
        lines.append("")
        lines.extend(
            wrap(fmt.join(fmt.failure(r.value) for r in diagnosis.related), first=fmt.label("related"))
        )
    lines.append("")
    lines.extend(sources_lines(diagnosis.sources, fmt))
    return lines


# -- parse ------------------------------------------------------------------------------


def icp_number_lines(number: IcpNumber, fmt: Formatter) -> list[str]:
    """``parse``: the canonical number, then its parts."""
    if number.site is None:
        site, service = fmt.t("subject_only"), "-"
    else:
        site = str(number.site)
        service = fmt.t(_SERVICE_LABELS[number.service.value]) if number.service else fmt.t("service_none")
    rows = [
        fmt.row("icp_province", fmt.province(number.province) if number.province else fmt.t("ministry")),
        fmt.row("icp_kind", f"{fmt.t(_ICP_KIND_LABELS[number.kind.value])} [{number.kind.value}]"),
        fmt.row("icp_subject", number.subject_number),
        fmt.row("icp_serial", number.serial),
        fmt.row("icp_site", site),
        fmt.row("icp_service", service),
    ]
    if number.alternative_abbreviation and number.province is not None:
        written = fmt.t("alt_abbr", a=number.abbreviation, c=number.province.icp_abbreviation)
        rows.append(fmt.row("icp_written", written))
    return [number.canonical, *fmt.fields(rows, indent="  ")]


# -- provinces, changes, failures ---------------------------------------------------------


def _glance_fact(fact: SiteFact, fmt: Formatter) -> str:
    if fact.status is Status.UNKNOWN:
        return "?"
    return fmt.yes_no(fact.value) + ("*" if fact.disputed else "")


def _glance_default(rules: ProvinceRules, fmt: Formatter, as_of: dt.date) -> str:
    """The timing the province's general (``*``) statements give on *as_of*: the best
    ranked one, starred when another one in effect says otherwise."""
    general = [s for s in rules.statements if s.covers_all and s.applies_to == ALL_KINDS]
    ruling = decide(general, (), Change.SUBJECT_NAME, None, as_of)
    if ruling.decider is None:
        return fmt.t("unknown")
    text = fmt.t(_TIMING_LABELS[ruling.decider.timing])
    if ruling.decider.deadline_working_days is not None:
        text += " " + fmt.t("days_short", n=ruling.decider.deadline_working_days)
    return text + ("*" if ruling.disputing else "")


def _province_row(rules: ProvinceRules, fmt: Formatter, as_of: dt.date) -> list[str]:
    p = rules.province
    names = (p.short_name, p.name_en) if fmt.zh else (p.name_en, p.short_name)
    specific = sum(1 for r in rules.statements if not r.covers_all and not r.boilerplate)
    return [
        p.code,
        *names,
        " ".join((p.icp_abbreviation, *p.alternative_abbreviations)),
        _glance_default(rules, fmt, as_of),
        f"+{specific}" if specific else "-",
        _glance_fact(rules.filed_sites_reachable, fmt),
        _glance_fact(rules.unfiled_sites_closed, fmt),
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


def provinces_lines(
    rules: Iterable[ProvinceRules], data_version: str, fmt: Formatter, *, as_of: dt.date
) -> list[str]:
    """``provinces``: one row of key rules per province (as of *as_of*), and a legend."""
    heading = [fmt.t(column) for column in _COLUMN_LABELS]
    legend = [(fmt.t(column), fmt.t(text)) for column, text in _LEGEND_LABELS]
    return [
        *_table_lines([heading, *(_province_row(r, fmt, as_of) for r in rules)]),
        "",
        *_glossary_lines(legend),
        *wrap(fmt.t("legend_marks")),
        *fmt.fields([fmt.row("data", data_version)]),
    ]


def changes_lines(texts: Mapping[Change, Text], fmt: Formatter) -> list[str]:
    """``changes``: each change kind and what it means."""
    return _glossary_lines([(f"[{change.value}]", text.get(fmt.lang)) for change, text in texts.items()])


def failures_lines(failures: Iterable[FailureInfo], fmt: Formatter) -> list[str]:
    """``failures``: each failure reason with its causes and remedies."""
    lines: list[str] = []
    for index, info in enumerate(failures):
        if index:
            lines.append("")
        lines.extend(wrap(info.title.get(fmt.lang), first=f"[{info.failure.value}]  ", indent="    "))
        lines.append("  " + fmt.colon("causes"))
        for cause in info.causes:
            lines.extend(fmt.bullet(f"{cause.text.get(fmt.lang)} [{cause.id}]", indent="    "))
        lines.append("  " + fmt.colon("remedies"))
        for remedy in info.remedies:
            lines.extend(fmt.bullet(f"{remedy.label.get(fmt.lang)} [{remedy.id}]", indent="    "))
    return lines


# -- validate-data, version ---------------------------------------------------------------


def validation_lines(
    path: str, policy: Policy | None, problems: Sequence[DataProblem], fmt: Formatter
) -> list[str]:
    """``validate-data``: OK with what was read, or every problem."""
    if policy is not None:
        n, v, s = len(policy.rules), policy.data_version, policy.schema_version
        return [fmt.t("valid_ok", path=path, n=n, v=v, s=s)]
    lines = [fmt.t("valid_bad", path=path, n=len(problems))]
    for problem in problems:
        lines.extend(fmt.bullet(str(problem)))
    return lines


def problems_text(path: str, problems: Sequence[DataProblem], hint: str = "") -> str:
    """The first of (one or more) *problems*, and how many more there are."""
    more = len(problems) - 1
    tail = f" (and {more} more{hint})" if more else ""
    return f"{path}: bad policy data: {problems[0]}{tail}"


def version_lines(policy: Policy, fmt: Formatter, *, code: str, reads_schema: str) -> list[str]:
    """``version``: the *code* version, and the data's version, date, schema and file."""
    rows = [
        fmt.row("v_code", code),
        fmt.row("v_data", policy.data_version),
        fmt.row("v_as_of", policy.as_of.isoformat()),
        fmt.row("v_schema", f"{policy.schema_version}{fmt.aside([fmt.t('v_reads', s=reads_schema)])}"),
        fmt.row("v_file", policy.origin),
    ]
    return fmt.fields(rows)

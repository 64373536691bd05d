"""The text of a preflight and of a footer check: pure functions of the result and
a :class:`Formatter`, like the renderers of :mod:`._render`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .._enums import Severity
from .._finding import Finding, FooterCheck, Preflight
from ._format import Formatter
from ._layout import wrap

__all__ = ["footer_lines", "preflight_lines"]

_SEVERITY_LABELS: Mapping[Severity, str] = {
    Severity.BLOCKS: "severity_blocks",
    Severity.WARNING: "severity_warning",
    Severity.CHECK: "severity_check",
    Severity.INFO: "severity_info",
}


def _finding_lines(finding: Finding, fmt: Formatter) -> list[str]:
    head = f"[{fmt.t(_SEVERITY_LABELS[finding.severity])}] {finding.id.value}"
    if finding.disputed:
        head += fmt.aside([fmt.t("disputed_mark")])
    lines = wrap(head, first="- ", indent="  ")
    lines.extend(wrap(finding.text.get(fmt.lang), first="  ", indent="  "))
    rows = [fmt.row("fix", finding.fix.get(fmt.lang))]
    if finding.field:
        rows.append(fmt.row("field", finding.field))
    if finding.rule:
        rows.append(fmt.row("finding_rule", finding.rule))
    if finding.sources:
        rows.append(fmt.row("sources", ", ".join(s.id for s in finding.sources)))
    lines.extend(fmt.fields(rows, indent="  "))
    return lines


def _findings_lines(findings: Sequence[Finding], fmt: Formatter) -> list[str]:
    if not findings:
        return [fmt.t("no_findings")]
    lines: list[str] = []
    for finding in findings:
        lines.extend(_finding_lines(finding, fmt))
    return lines


def _counts(findings: Sequence[Finding], fmt: Formatter) -> str:
    parts = []
    for severity in _SEVERITY_LABELS:
        count = sum(1 for f in findings if f.severity is severity)
        if count:
            parts.append(f"{fmt.t(_SEVERITY_LABELS[severity])} {count}")
    return fmt.join(parts) if parts else fmt.t("none")


def preflight_lines(result: Preflight, fmt: Formatter) -> list[str]:
    """The verdict, the counts per severity, then every finding, most serious first."""
    verdict = fmt.t("preflight_ok") if result.ok else fmt.t("preflight_blocked")
    lines = fmt.fields(
        [
            fmt.row("province", fmt.province(result.province)),
            fmt.row("verdict", verdict),
            fmt.row("findings", _counts(result.findings, fmt)),
            fmt.row("checked_on", result.as_of.isoformat()),
            fmt.row("data", result.data_version),
        ]
    )
    lines.append("")
    lines.extend(_findings_lines(result.findings, fmt))
    return lines


def footer_lines(result: FooterCheck, fmt: Formatter) -> list[str]:
    """The number looked for, the verdict, then every finding."""
    verdict = fmt.t("footer_ok") if result.ok else fmt.t("footer_blocked")
    lines = fmt.fields(
        [
            fmt.row("footer_number", result.icp_number),
            fmt.row("verdict", verdict),
            fmt.row("data", result.data_version),
        ]
    )
    lines.append("")
    lines.extend(_findings_lines(result.findings, fmt))
    return lines

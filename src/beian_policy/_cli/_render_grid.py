"""The text of ``disputes`` and ``table``: pure functions from the decision grid to
the lines to print (no argparse, no policy loading, no stdout)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence

from .._enums import Timing
from .._grid import TABLE_COLUMNS, Dispute, Position
from ._format import Formatter
from ._layout import wrap
from ._render import _BASIS_LABELS, _SUBJECT_KIND_LABELS, _TIMING_LABELS

__all__ = ["disputes_lines", "table_csv_lines", "table_json"]


def _timing(timing: Timing, fmt: Formatter) -> str:
    """The timing's label, with its value beside the Chinese one (the table's word)."""
    label = fmt.t(_TIMING_LABELS[timing])
    return f"{label} [{timing.value}]" if fmt.zh else label


def _position_line(position: Position, fmt: Formatter) -> list[str]:
    notes = [
        fmt.t("decides") if position.decides else "",
        fmt.t("boilerplate") if position.boilerplate else "",
    ]
    notes.append(fmt.when(position.date, bound=position.date_is_bound))
    timing = _timing(position.timing, fmt)
    head = fmt.who(position.source)
    separator = "：" if fmt.zh else ": "
    text = f"{head}{separator}{timing}{fmt.aside(notes)}"
    return fmt.bullet(text, indent="    ")


def _dispute_lines(dispute: Dispute, fmt: Formatter) -> list[str]:
    kind = fmt.t(_SUBJECT_KIND_LABELS[dispute.subject_kind]) if dispute.subject_kind else fmt.t("any_kind")
    change = f"{fmt.change(dispute.change)} [{dispute.change.value}]"
    verdict = dispute.verdict
    answer = (
        f"{fmt.label('answer')}{_timing(verdict.timing, fmt)}"
        f"{fmt.aside([fmt.t(_BASIS_LABELS[verdict.basis])])}"
    )
    lines = [*wrap(f"{fmt.province(dispute.province)} · {change} · {kind}")]
    lines.extend(wrap(answer, first="  ", indent="    "))
    lines.extend(wrap(f"{fmt.t('rule')} [{verdict.rule}]", first="    ", indent="    "))
    for position in dispute.positions:
        lines.extend(_position_line(position, fmt))
    return lines


def disputes_lines(disputes: Sequence[Dispute], data_version: str, fmt: Formatter) -> list[str]:
    """``disputes``: each disputed answer, and what every current source says."""
    lines = [fmt.t("disputes_head", n=len(disputes), v=data_version)]
    for dispute in disputes:
        lines.append("")
        lines.extend(_dispute_lines(dispute, fmt))
    return lines


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(str(item) for item in value)
    return str(value)


def table_csv_lines(rows: Iterable[Mapping[str, object]]) -> list[str]:
    """``table --format csv``: a header of :data:`TABLE_COLUMNS`, then one line per
    row (empty for None, ``true``/``false``, source ids separated by spaces)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(TABLE_COLUMNS)
    for row in rows:
        writer.writerow([_csv_value(row[column]) for column in TABLE_COLUMNS])
    return buffer.getvalue().splitlines()


def table_json(rows: Iterable[Mapping[str, object]]) -> str:
    """``table --format json``: a list of row objects, keys in column order."""
    return json.dumps(list(rows), ensure_ascii=False, indent=2)

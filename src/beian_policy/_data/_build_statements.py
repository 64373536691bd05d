"""Building statements (a province's and the national ones), the transfer note and
the dated events.

A statement is one source's word on some changes: each names exactly one source, its
changes (or ``*``), the subject kinds of its page section and a timing. Its id is
built here: ``<province code or 'national'>/<source id>/<n>``, n counting that
source's statements in that place from 1, so that it stays stable when other
sources' statements are added.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .._enums import Change, Timing
from .._model import ALL_KINDS, Event, Statement, TransferNote
from ..errors import shown
from ._context import Context
from ._document import MAX_DEADLINE_WORKING_DAYS, PROVINCE_CODES, EventDoc, StatementDoc, TransferNoteDoc

__all__ = ["WILDCARD", "build_events", "build_statements", "build_transfer_note"]

WILDCARD = "*"


def build_statements(
    ctx: Context, place: str | None, items: Sequence[tuple[str, str, StatementDoc]]
) -> tuple[Statement, ...]:
    """The statements of *place* (a province code, or None for national ones); each
    item is (record label, field path or "" for a record of its own, record)."""
    counts: Counter[str] = Counter()
    built = []
    prefix = place or "national"
    for label, path, d in items:
        where = path
        covers_all = list(d.changes) == [WILDCARD]
        if WILDCARD in d.changes and not covers_all:
            ctx.add(label, f"{_dot(where)}changes", "'*' stands alone; list changes or write ['*']")
        if not d.changes:
            ctx.add(label, f"{_dot(where)}changes", "empty; list change ids or write ['*']")
        ctx.duplicates(label, f"{_dot(where)}changes", d.changes, "change")
        changes = (
            frozenset(Change)
            if covers_all
            else ctx.changes(label, f"{_dot(where)}changes", [c for c in d.changes if c != WILDCARD])
        )
        if d.applies_to is not None and not d.applies_to:
            ctx.add(label, f"{_dot(where)}applies_to", "empty; leave it out for every subject kind")
        if d.applies_to:
            ctx.duplicates(label, f"{_dot(where)}applies_to", [k.value for k in d.applies_to], "subject kind")
        if d.deadline_working_days is not None:
            if d.timing is not Timing.AFTER:
                ctx.add(label, f"{_dot(where)}deadline_working_days", "a deadline needs timing = 'after'")
            if not 0 < d.deadline_working_days <= MAX_DEADLINE_WORKING_DAYS:
                ctx.add(
                    label,
                    f"{_dot(where)}deadline_working_days",
                    f"expected 1 to {MAX_DEADLINE_WORKING_DAYS} working days, got {d.deadline_working_days}",
                )
        if d.boilerplate and place is None:
            ctx.add(
                label,
                f"{_dot(where)}boilerplate",
                "a national statement cannot be a province boilerplate line",
            )
        cited = ctx.cite(label, f"{_dot(where)}source", [d.source], required=True)
        if not cited:
            continue
        source = cited[0]
        counts[source.id] += 1
        built.append(
            Statement(
                id=f"{prefix}/{source.id}/{counts[source.id]}",
                source=source,
                changes=changes,
                covers_all=covers_all,
                applies_to=frozenset(d.applies_to) if d.applies_to else ALL_KINDS,
                timing=d.timing,
                deadline_working_days=d.deadline_working_days,
                boilerplate=d.boilerplate,
                note=ctx.note(label, f"{_dot(where)}note", d.note),
                province=place,
            )
        )
    return tuple(built)


def _dot(path: str) -> str:
    return f"{path}." if path else ""


def build_transfer_note(ctx: Context, label: str, d: TransferNoteDoc | None) -> TransferNote | None:
    """Why the province's rule is unknown where no statement covers a change."""
    if d is None:
        return None
    text = ctx.text(label, "transfer_note.text", d.text)
    return TransferNote(text, ctx.cite(label, "transfer_note.sources", d.sources, required=False))


def build_events(ctx: Context, items: list[tuple[str, EventDoc]]) -> tuple[Event, ...]:
    """The dated events, each cited, in date order."""
    ctx.duplicates("events", "id", (d.id for _, d in items), "event id")
    built = []
    for label, d in items:
        text = ctx.text(label, "text", d.text)
        for code in d.provinces:
            if code not in PROVINCE_CODES:
                ctx.add(label, "provinces", f"{shown(code)} is not a province code (e.g. 'CN-TJ')")
        sources = ctx.cite(label, "sources", d.sources, required=True)
        built.append(Event(d.id, d.date, text, sources, frozenset(d.provinces)))
    return tuple(sorted(built, key=lambda e: (e.date, e.id)))

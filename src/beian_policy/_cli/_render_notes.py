"""What else the province's data says about a transfer, beyond when each change is
filed: its requirements, the letters it asks for, who may hold the domain, and its
notes on changes and domains. ``check`` and ``steps`` show it in the chosen language,
so that 广东's filing pledge or 北京's acceptance of a domain held by the legal
representative is read before the transfer, not found after a rejection."""

from __future__ import annotations

from collections.abc import Iterable

from .._enums import Change, SubjectKind
from .._model import ProvinceRules, Requirement, Source, merge_sources
from .._vocab import CheckKind, Trigger
from ._format import Formatter

__all__ = ["TRANSFER_TOPICS", "transfer_notes_lines"]

#: The topics of ``[[provinces.notes]]`` that concern a transfer itself (the others,
#: phones, owners, materials..., concern every filing and are shown by ``province``).
TRANSFER_TOPICS = frozenset({"changes", "domains"})


def _for_kinds(applies_to: Iterable[SubjectKind], kind: SubjectKind | None, fmt: Formatter) -> str:
    """``（单位）`` / ``(organisation) `` before an item for one subject kind only, when
    the subject kind is not given."""
    kinds = frozenset(applies_to)
    if kind is not None or kinds == frozenset(SubjectKind):
        return ""
    words = fmt.aside(
        fmt.t("organisation") if k is SubjectKind.ORGANISATION else fmt.t("individual") for k in kinds
    )
    return words.strip() + ("" if fmt.zh else " ")


def _requirement_applies(requirement: Requirement, changes: frozenset[Change]) -> bool:
    """A requirement that can bear on a transfer: not one that only warns a refiling,
    and, when it waits for changes, one whose changes are among *changes*."""
    if requirement.trigger is Trigger.ADDING_WEBSITE:
        return False
    if requirement.trigger is Trigger.CHANGES:
        return bool(requirement.when_changes & changes)
    return True


def transfer_notes_lines(
    rules: ProvinceRules,
    subject_kind: SubjectKind | None,
    changes: frozenset[Change],
    fmt: Formatter,
    *,
    with_requirements: bool = True,
) -> tuple[list[str], tuple[Source, ...]]:
    """The lines of the province's notes for this transfer (none: no lines), and the
    sources they cite. ``steps`` leaves the requirements out: its steps carry them."""
    items: list[tuple[str, tuple[Source, ...]]] = []
    if with_requirements:
        for requirement in rules.requirements:
            if requirement.note is None or not _requirement_applies(requirement, changes):
                continue
            if subject_kind is not None and subject_kind not in requirement.applies_to:
                continue
            prefix = _for_kinds(requirement.applies_to, subject_kind, fmt)
            items.append((prefix + requirement.note.get(fmt.lang), requirement.sources))
    for check in rules.checks:
        if not check.covers(subject_kind):
            continue
        if check.kind is CheckKind.DOCUMENT:
            text = fmt.t("note_document", title=check.text.get(fmt.lang))
        elif check.kind is CheckKind.REGISTRANT_LEGAL_REPRESENTATIVE_ACCEPTED:
            text = fmt.t("note_registrant_legal_representative")
        elif check.kind is CheckKind.REGISTRANT_SUBJECT_ONLY:
            text = fmt.t("note_registrant_subject_only")
        else:
            continue
        items.append((_for_kinds(check.applies_to, subject_kind, fmt) + text, check.sources))
    for note in rules.notes:
        if note.topic in TRANSFER_TOPICS:
            items.append((note.text.get(fmt.lang), note.sources))
    if not items:
        return [], ()
    lines = ["", fmt.colon("province_notes")]
    for text, sources in items:
        ids = ", ".join(source.id for source in sources)
        lines.extend(fmt.bullet(f"{text} [{ids}]" if ids else text))
    return lines, merge_sources(*(sources for _, sources in items))

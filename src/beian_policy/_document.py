"""The data file's shape, one class per TOML table, as written (ids, not objects).

The loader structures each record into these with the package's private cattrs
converter, then checks cross-record rules and builds the public model from them.
"""

from __future__ import annotations

import datetime as dt

import attrs

from ._enums import Scope, SourceStanding, Status, SubjectKind, Timing
from ._vocab import Fact, Trigger

TRIGGERS = frozenset(t.value for t in Trigger)


@attrs.frozen
class SourceDoc:
    id: str
    provider: str
    title: str
    standing: SourceStanding
    url: str | None = None
    repository: str | None = None
    path: str | None = None
    commit: str | None = None
    date: dt.date | None = None
    note: str = ""


@attrs.frozen
class TimingClaimDoc:
    source: str
    timing: Timing | None = None
    boilerplate: bool = False
    note: str = ""


@attrs.frozen
class FactClaimDoc:
    source: str
    value: bool | None = None
    note: str = ""


@attrs.frozen
class TransferRuleDoc:
    changes: tuple[str, ...]
    status: Status
    timing: Timing | None = None
    deadline_working_days: int | None = None
    applies_to: tuple[SubjectKind, ...] | None = None
    sources: tuple[str, ...] = ()
    claims: tuple[TimingClaimDoc, ...] = ()
    note: str = ""


@attrs.frozen
class SiteFactDoc:
    status: Status
    value: bool | None = None
    scope: Scope = Scope.ALL
    sources: tuple[str, ...] = ()
    claims: tuple[FactClaimDoc, ...] = ()
    note: str = ""


@attrs.frozen
class RequirementDoc:
    id: str
    trigger: str
    step: str | None = None
    when_changes: tuple[str, ...] = ()
    applies_to: tuple[SubjectKind, ...] | None = None
    sources: tuple[str, ...] = ()
    claims: tuple[FactClaimDoc, ...] = ()
    note: str = ""


@attrs.frozen
class NoteDoc:
    topic: str
    text: str
    sources: tuple[str, ...] = ()


@attrs.frozen
class ExampleDoc:
    changes: tuple[str, ...]
    direct: bool
    subject_kind: SubjectKind | None = None
    blocking: tuple[str, ...] = ()
    deferred: tuple[str, ...] = ()
    note: str = ""


@attrs.frozen
class ProvinceDoc:
    code: str
    gb_code: str
    name: str
    short_name: str
    name_en: str
    iso_name: str
    icp_abbreviation: str
    transfer_rules: tuple[TransferRuleDoc, ...]
    filed_sites_reachable: SiteFactDoc
    unfiled_sites_closed: SiteFactDoc
    sources: tuple[str, ...] = ()
    alternative_abbreviations: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    requirements: tuple[RequirementDoc, ...] = ()
    notes: tuple[NoteDoc, ...] = ()
    examples: tuple[ExampleDoc, ...] = ()


@attrs.frozen
class ChangeDoc:
    id: str
    zh: str
    en: str


@attrs.frozen
class StepDoc:
    id: str
    order: int
    zh: str
    en: str


@attrs.frozen
class NationalRuleDoc:
    id: str
    zh: str
    en: str
    sources: tuple[str, ...] = ()


@attrs.frozen
class NoIcpRegionDoc:
    code: str
    gb_code: str
    name: str
    name_en: str
    aliases: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


#: The facts a failure's cause or remedy may depend on (``when = { fact = bool }``).
#: The first three are given by the caller of ``diagnose``; the others are derived:
#: ``province_requires_match`` / ``province_allows_after`` from the province's transfer
#: rules for the failure's ``changes``, ``icp_number_*`` from the number given.
FACTS = frozenset(f.value for f in Fact)
#: Facts derived from the province's rules; only a failure with ``changes`` may use them.
PROVINCE_FACTS = frozenset(f.value for f in Fact if f.needs_changes)
#: The placeholders a remedy's ``number_hint`` may use.
HINT_FIELDS = frozenset({"subject_number"})


@attrs.frozen
class CauseDoc:
    id: str
    zh: str
    en: str
    sources: tuple[str, ...] = ()
    when: dict[str, bool] = attrs.Factory(dict)


@attrs.frozen
class RemedyDoc:
    id: str
    label_zh: str
    label_en: str
    steps: tuple[str, ...]
    sources: tuple[str, ...] = ()
    when: dict[str, bool] = attrs.Factory(dict)
    causes: tuple[str, ...] = ()
    rule: str | None = None
    detail_zh: str = ""
    detail_en: str = ""
    number_hint_zh: str = ""
    number_hint_en: str = ""


@attrs.frozen
class FailureDoc:
    id: str
    zh: str
    en: str
    causes: tuple[CauseDoc, ...]
    remedies: tuple[RemedyDoc, ...]
    sources: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    changes: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    note_zh: str = ""
    note_en: str = ""

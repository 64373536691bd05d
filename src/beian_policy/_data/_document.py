"""The data file's shape: one record class per TOML table, as written (ids, not objects).

:func:`~beian_policy._data._structure.structure_records` turns each table of the file
into one of these; the builders then check the records against each other and build
the public model from them. The JSON Schema (``provinces.schema.json``) describes the
same tables; a test keeps its properties and required keys equal to these classes.

A field made with ``_later()`` (metadata :data:`LATER`) is required by the schema,
but a missing one is read as empty here, so that the builder reports it with its
reason (``no source given; every stated value needs at least one``) instead of a bare
``required field missing``, and the rest of the record is still checked.

The closed vocabularies the file may use are defined here too, each once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from .._enums import Scope, SourceStanding, Status, SubjectKind, Timing
from .._ids import StepId
from .._vocab import CheckKind, Fact, RuleId, Trigger

# --------------------------------------------------------------------------------------
# Vocabularies: ids the code refers to, and the words a record may use.
# --------------------------------------------------------------------------------------

#: Steps the code plans with by id; ``[[steps]]`` must define each.
REQUIRED_STEPS = frozenset(step.value for step in StepId)
#: National rules the code cites by id; the data must define them.
REQUIRED_NATIONAL_RULES = frozenset(rule.value for rule in RuleId)
#: When a requirement adds its step (``trigger = "..."``).
TRIGGERS = frozenset(trigger.value for trigger in Trigger)
#: The facts a failure's cause or remedy may depend on (``when = { fact = bool }``).
FACTS = frozenset(fact.value for fact in Fact)
#: Facts derived from the province's rules; only a failure with ``changes`` may use them.
PROVINCE_FACTS = frozenset(fact.value for fact in Fact if fact.needs_changes)
#: What a ``[[provinces.checks]]`` record may state (``kind = "..."``).
CHECK_KINDS = frozenset(kind.value for kind in CheckKind)
#: The placeholders a remedy's ``number_hint`` may use.
HINT_FIELDS = frozenset({"subject_number"})

#: The 31 provinces: ISO 3166-2:CN code (the 2017 letter codes) and GB/T 2260 code.
#: A data file names exactly these; a code outside them is a typo or an invention.
PROVINCE_CODES: Mapping[str, str] = MappingProxyType(
    {
        "CN-BJ": "110000", "CN-TJ": "120000", "CN-HE": "130000", "CN-SX": "140000",
        "CN-NM": "150000", "CN-LN": "210000", "CN-JL": "220000", "CN-HL": "230000",
        "CN-SH": "310000", "CN-JS": "320000", "CN-ZJ": "330000", "CN-AH": "340000",
        "CN-FJ": "350000", "CN-JX": "360000", "CN-SD": "370000", "CN-HA": "410000",
        "CN-HB": "420000", "CN-HN": "430000", "CN-GD": "440000", "CN-GX": "450000",
        "CN-HI": "460000", "CN-CQ": "500000", "CN-SC": "510000", "CN-GZ": "520000",
        "CN-YN": "530000", "CN-XZ": "540000", "CN-SN": "610000", "CN-GS": "620000",
        "CN-QH": "630000", "CN-NX": "640000", "CN-XJ": "650000",
    }
)  # fmt: skip
#: The regions without ICP filing, with the same two codes.
NO_ICP_REGION_CODES: Mapping[str, str] = MappingProxyType(
    {"CN-TW": "710000", "CN-HK": "810000", "CN-MO": "820000"}
)
#: The most working days a rule may give for a later change filing (a working year).
MAX_DEADLINE_WORKING_DAYS = 250

#: Field metadata: required by the schema, checked (and explained) by the builder.
LATER = MappingProxyType({"required": "by the builder"})


def _later() -> Any:
    return attrs.field(default=(), metadata=LATER)


# --------------------------------------------------------------------------------------
# The catalogues: what every other table refers to by id.
# --------------------------------------------------------------------------------------


@attrs.frozen
class TextDoc:
    """``{ zh = "...", en = "..." }``: one text in both languages (a note, an event)."""

    zh: str
    en: str


@attrs.frozen
class ProviderDoc:
    """``[[providers]]``: who publishes sources (a hosting provider, or another
    publisher with ``hosting = false``); ``id`` is what sources and
    ``according_to=`` name, ``aliases`` the other spellings accepted."""

    id: str
    name: TextDoc
    hosting: bool = True
    aliases: tuple[str, ...] = ()


@attrs.frozen
class SourceDoc:
    """``[[sources]]``: one page, document or file that the data cites by ``id``.

    ``url`` or ``path`` (or both) must let a reader find it again; ``commit`` pins a
    copy in a repository; ``standing`` says whether it is a current page or an
    archive. ``published`` / ``not_before`` / ``seen`` / ``until`` /
    ``superseded_by`` date it (docs/data-format.md, "Effective periods").
    """

    id: str
    provider: str
    title: str
    standing: SourceStanding
    url: str | None = None
    repository: str | None = None
    path: str | None = None
    commit: str | None = None
    published: dt.date | None = None
    not_before: dt.date | None = None
    seen: dt.date | None = None
    until: dt.date | None = None
    superseded_by: str | None = None
    note: TextDoc | None = None


@attrs.frozen
class ChangeDoc:
    """``[[changes]]``: the two-language text of one change kind; ``id`` is a
    :class:`~beian_policy.Change` value, and every change needs one record."""

    id: str
    zh: str
    en: str
    aliases: tuple[str, ...] = ()


@attrs.frozen
class TermDoc:
    """``[[subject_kinds]]`` / ``[[facts]]``: the words for one id of a closed
    vocabulary (:class:`~beian_policy.SubjectKind`, ``Fact``) and the other spellings
    people type for it. A spelling listed under two ids is ambiguous: input naming
    it gets the choices instead of a guess."""

    id: str
    zh: str
    en: str
    aliases: tuple[str, ...] = ()


@attrs.frozen
class StepDoc:
    """``[[steps]]``: one step a plan or remedy can contain; ``order`` places it in
    every plan (ascending), so two steps may not share one."""

    id: str
    order: int
    zh: str
    en: str


@attrs.frozen
class NationalRuleDoc:
    """``[[national_rules]]``: a rule that holds in every province, cited by plans,
    decisions and remedies by ``id``."""

    id: str
    zh: str
    en: str
    sources: tuple[str, ...] = _later()
    date: dt.date | None = None
    days: int | None = None
    suffixes: tuple[str, ...] = ()
    in_force_from: dt.date | None = None
    in_force_from_by_province: dict[str, dt.date] = attrs.Factory(dict)


@attrs.frozen
class NoIcpRegionDoc:
    """``[[no_icp_regions]]``: 香港, 澳门, 台湾. Their names resolve to an error that
    says there is no ICP filing there, so none may also name a province."""

    code: str
    gb_code: str
    name: str
    name_en: str
    aliases: tuple[str, ...] = ()
    sources: tuple[str, ...] = _later()


# --------------------------------------------------------------------------------------
# Provinces: identity, transfer rules, site facts, requirements, notes, examples.
# --------------------------------------------------------------------------------------


@attrs.frozen
class FactClaimDoc:
    """What another source says about a yes/no fact (a site fact or a requirement)."""

    source: str
    value: bool | None = None
    note: TextDoc | None = None


@attrs.frozen
class StatementDoc:
    """``[[provinces.statements]]`` / ``[[national_statements]]``: what one source
    says about when the listed changes are filed: ``before`` the transfer (at the
    original provider), ``after`` it (a change filing) or ``with_transfer`` (the
    transfer carries them).

    ``changes = ["*"]`` is every change the page's rule covers; ``applies_to`` is the
    scope of the page section (a 企业 tab: organisations). ``boilerplate`` marks a line
    a provider repeats for every province: it never decides, it may dissent.
    """

    source: str
    changes: tuple[str, ...]
    timing: Timing
    applies_to: tuple[SubjectKind, ...] | None = None
    deadline_working_days: int | None = None
    boilerplate: bool = False
    note: TextDoc | None = None


@attrs.frozen
class TransferNoteDoc:
    """``[provinces.transfer_note]``: why the province's rule is unknown where no
    statement covers a change, with the sources that were read."""

    text: TextDoc
    sources: tuple[str, ...] = ()


@attrs.frozen
class EventDoc:
    """``[[events]]``: a dated event that changes no answer by itself (shown with a
    province's rules); ``provinces`` omitted: national."""

    id: str
    date: dt.date
    text: TextDoc
    sources: tuple[str, ...] = _later()
    provinces: tuple[str, ...] = ()


@attrs.frozen
class SiteFactDoc:
    """``[provinces.filed_sites_reachable]`` / ``[provinces.unfiled_sites_closed]``:
    a yes/no fact about the subject's websites during the review, ``stated`` with a
    value and sources or ``unknown`` without; ``scope`` narrows whom it concerns."""

    status: Status
    value: bool | None = None
    scope: Scope = Scope.ALL
    sources: tuple[str, ...] = ()
    claims: tuple[FactClaimDoc, ...] = ()
    note: TextDoc | None = None


@attrs.frozen
class RequirementDoc:
    """``[[provinces.requirements]]``: a province-specific step a plan adds when its
    ``trigger`` (one of :data:`TRIGGERS`) holds; ``trigger = "changes"`` needs
    ``when_changes``, and a requirement without a step is information only
    (``trigger = "never"``) or a warning on refiling plans (``"adding_website"``)."""

    id: str
    trigger: str
    step: str | None = None
    when_changes: tuple[str, ...] = ()
    applies_to: tuple[SubjectKind, ...] | None = None
    sources: tuple[str, ...] = _later()
    claims: tuple[FactClaimDoc, ...] = ()
    note: TextDoc | None = None


@attrs.frozen
class CheckClaimDoc:
    """What another source says about a province check: another ``value`` (a number
    of days, an age), or ``holds = false`` when it denies the rule."""

    source: str
    value: int | None = None
    holds: bool | None = None
    note: TextDoc | None = None


@attrs.frozen
class CheckDoc:
    """``[[provinces.checks]]``: a stated requirement ``preflight`` checks an
    application against; ``kind`` is one of :data:`CHECK_KINDS`. ``value`` is the
    number the kind needs (days, an age, a count); ``document`` names the letter a
    ``document`` check asks for, ``zh``/``en`` its title (or, for ``id_local``, the
    alternatives the province accepts)."""

    kind: str
    sources: tuple[str, ...] = _later()
    value: int | None = None
    document: str | None = None
    zh: str = ""
    en: str = ""
    applies_to: tuple[SubjectKind, ...] | None = None
    claims: tuple[CheckClaimDoc, ...] = ()
    note: TextDoc | None = None


@attrs.frozen
class NoteDoc:
    """``[[provinces.notes]]``: a cited fact no decision uses yet, under a ``topic``."""

    topic: str
    text: TextDoc
    sources: tuple[str, ...] = _later()


@attrs.frozen
class ExampleDoc:
    """``[[provinces.examples]]``: a worked example written by hand from the sources
    (never from the code): these changes are ``direct`` or not, split into
    ``blocking`` and ``deferred``. The loader checks it is consistent; the tests
    check the engine agrees."""

    changes: tuple[str, ...]
    direct: bool
    subject_kind: SubjectKind | None = None
    blocking: tuple[str, ...] = ()
    deferred: tuple[str, ...] = ()
    note: TextDoc | None = None


@attrs.frozen
class ProvinceDoc:
    """``[[provinces]]``: one of the 31 provinces, its identity (codes, names,
    abbreviations, aliases) and everything the data says about transfers there."""

    code: str
    gb_code: str
    name: str
    short_name: str
    name_en: str
    iso_name: str
    icp_abbreviation: str
    filed_sites_reachable: SiteFactDoc
    unfiled_sites_closed: SiteFactDoc
    sources: tuple[str, ...] = _later()
    alternative_abbreviations: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    statements: tuple[StatementDoc, ...] = ()
    transfer_note: TransferNoteDoc | None = None
    requirements: tuple[RequirementDoc, ...] = ()
    checks: tuple[CheckDoc, ...] = ()
    notes: tuple[NoteDoc, ...] = ()
    examples: tuple[ExampleDoc, ...] = _later()


# --------------------------------------------------------------------------------------
# Failures: why a transfer failed, its causes and its remedies.
# --------------------------------------------------------------------------------------


@attrs.frozen
class CauseDoc:
    """``[[failures.causes]]``: one reason a failure happens; with ``when`` (facts of
    :data:`FACTS`), listed first when the facts given meet it."""

    id: str
    zh: str
    en: str
    sources: tuple[str, ...] = _later()
    when: dict[str, bool] = attrs.Factory(dict)


@attrs.frozen
class RemedyDoc:
    """``[[failures.remedies]]``: one branch of what to do: its ``steps`` (catalogue
    order), the facts it assumes (``when``), the causes it fixes, an optional national
    ``rule``, extra advice and a ``number_hint`` template (``{subject_number}`` only)."""

    id: str
    label_zh: str
    label_en: str
    steps: tuple[str, ...]
    sources: tuple[str, ...] = _later()
    when: dict[str, bool] = attrs.Factory(dict)
    causes: tuple[str, ...] = ()
    rule: str | None = None
    detail_zh: str = ""
    detail_en: str = ""
    number_hint_zh: str = ""
    number_hint_en: str = ""


@attrs.frozen
class FailureDoc:
    """``[[failures]]``: one :class:`~beian_policy.Failure` reason (every one needs a
    record), its titles and aliases, causes and remedies; ``changes`` name the changes
    whose province rules the ``province_*`` facts read."""

    id: str
    zh: str
    en: str
    causes: tuple[CauseDoc, ...]
    remedies: tuple[RemedyDoc, ...]
    sources: tuple[str, ...] = _later()
    aliases: tuple[str, ...] = ()
    changes: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    note_zh: str = ""
    note_en: str = ""

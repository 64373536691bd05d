"""The value types the data is made of.

Everything is a frozen, slotted attrs class holding tuples and frozensets, so values
hash, compare, pickle and can be shared between threads without copies.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from ._coerce import coerce_lang, require_type
from ._enums import Basis, Change, Failure, Lang, Scope, SourceStanding, Status, SubjectKind, Timing
from ._record import pickled_as_fields, record_methods
from ._vocab import CheckKind, Fact, Trigger
from .errors import UnknownIdError

__all__ = [
    "Cause",
    "CheckClaim",
    "Condition",
    "Event",
    "FactClaim",
    "FailureInfo",
    "NationalRule",
    "Provider",
    "Province",
    "ProvinceCheck",
    "ProvinceNote",
    "ProvinceRules",
    "RemedyInfo",
    "Requirement",
    "SiteFact",
    "Source",
    "Statement",
    "StepInfo",
    "Term",
    "Text",
    "TransferNote",
    "WorkedExample",
    "combine_basis",
    "join_notes",
    "merge_sources",
]

ALL_KINDS: frozenset[SubjectKind] = frozenset(SubjectKind)

#: Facts a branch depends on, as ``(fact, value)`` pairs in fact order; empty = always.
Condition = tuple[tuple[Fact, bool], ...]


@record_methods
@pickled_as_fields
@attrs.frozen(repr=False, eq=False)
class Text:
    """One text in the two languages the data keeps. Every text the package gives,
    in any value, is a ``Text``; :meth:`get` is the one way to pick a language."""

    zh: str
    """The Chinese text."""
    en: str
    """The English text."""

    def get(self, lang: Lang | str = Lang.ZH) -> str:
        """The text in *lang* (``"zh"``, the default, or ``"en"``)."""
        return self.en if coerce_lang(lang) is Lang.EN else self.zh


@record_methods
@pickled_as_fields
@attrs.frozen(repr=False, eq=False)
class Term:
    """One id of a closed vocabulary (a subject kind, a fact) with its words in both
    languages and the other spellings people type for it, so that what the tool
    prints is also what it accepts."""

    id: str
    text: Text
    aliases: tuple[str, ...] = ()


@record_methods
@pickled_as_fields
@attrs.frozen(repr=False, eq=False)
class Provider:
    """Who publishes sources: a hosting provider (``according_to=`` takes its id or an
    alias) or another publisher (``hosting`` False)."""

    id: str
    """The provider's id in the data (``tencent_cloud``)."""
    name: Text
    """Its name in both languages."""
    hosting: bool = True
    """Whether it hosts websites (and so has a view of its own on transfers)."""
    aliases: tuple[str, ...] = ()
    """Other spellings that name it."""


@record_methods
@pickled_as_fields
@attrs.frozen(repr=False, eq=False)
class Source:
    """A document a value comes from, precise enough to find the same text again,
    with what is known of when it was in effect."""

    id: str
    """The source's id in the data (``tc-cn-bj``), which rules cite."""
    provider: str
    """The id of who published it (``tencent_cloud``)."""
    title: str
    """The document's own title."""
    standing: SourceStanding
    """Its weight: primary, secondary, or historical (an archive or older version)."""
    url: str | None = None
    """Where the published page is, when known."""
    repository: str | None = None
    """The documentation repository the copy read comes from."""
    path: str | None = None
    """The file in that repository."""
    commit: str | None = None
    """The commit of the copy read, so the same text can be found again."""
    published: dt.date | None = None
    """The date the text was published, when known."""
    not_before: dt.date | None = None
    """A lower bound on the publication date, when the date itself is not known."""
    seen: dt.date | None = None
    """A date the text is known to have been in effect."""
    until: dt.date | None = None
    """The date it stopped being in effect, when known."""
    superseded_by: str | None = None
    """The id of the source whose text replaced it."""
    note: Text | None = None
    """The data's remark on the source, if any."""
    provider_name: Text = Text("", "")
    """The publisher's name in both languages (from the provider catalogue)."""
    end: dt.date | None = None
    """The first day it is no longer in effect: ``until``, else its successor's start."""
    retired: bool = False
    """Replaced by a source whose start is unknown: it takes part in no answer."""

    @property
    def is_current(self) -> bool:
        """False for history (archives, older versions, deprecated doc trees)."""
        return self.standing is not SourceStanding.HISTORICAL

    @property
    def start(self) -> dt.date | None:
        """The first day in effect: ``published``, else the ``not_before`` bound."""
        return self.published if self.published is not None else self.not_before

    @property
    def start_is_bound(self) -> bool:
        """True when :attr:`start` is only a lower bound (``not_before``)."""
        return self.published is None and self.not_before is not None

    @property
    def freshness(self) -> dt.date | None:
        """How new the evidence is: the latest of ``seen``, ``published``, ``not_before``."""
        best = self.seen
        for day in (self.published, self.not_before):
            if day is not None and (best is None or day > best):
                best = day
        return best

    def in_effect(self, day: dt.date) -> bool:
        """Whether the source's statements hold on *day* (undated: always)."""
        require_type(day, dt.date, "day")
        if self.retired:
            return False
        start = self.start
        return (start is None or start <= day) and (self.end is None or day < self.end)


def join_notes(notes: Iterable[Text | None]) -> Text | None:
    """Several notes as one, each once and in order (Chinese sentences run on, English
    ones are separated by a space); None when there is none."""
    found = list(dict.fromkeys(note for note in notes if note is not None))
    if not found:
        return None
    return Text("".join(n.zh for n in found), " ".join(n.en for n in found))


def merge_sources(*groups: Iterable[Source]) -> tuple[Source, ...]:
    """The sources of all *groups*, each once, in first-seen order."""
    seen: dict[str, Source] = {}
    for group in groups:
        for source in group:
            seen.setdefault(source.id, source)
    return tuple(seen.values())


def combine_basis(bases: Iterable[Basis]) -> Basis:
    """The weakest basis among *bases*: any national default makes the whole answer
    rest on a default; otherwise any province rule makes it the province's."""
    found = set(bases)
    if Basis.NATIONAL_DEFAULT in found:
        return Basis.NATIONAL_DEFAULT
    if Basis.PROVINCE in found:
        return Basis.PROVINCE
    return Basis.NATIONAL_RULE


@record_methods
@pickled_as_fields
@attrs.frozen(repr=False, eq=False)
class Province:
    """A mainland provincial-level division, identified by its ISO 3166-2 code."""

    code: str
    """The ISO 3166-2 code (``CN-GD``): the identity of the province."""
    gb_code: str
    """The GB/T 2260 code (``440000``)."""
    name: str
    """The official Chinese name (``广东省``)."""
    short_name: str
    """The name without its suffix (``广东``)."""
    name_en: str
    """The English name (``Guangdong``)."""
    iso_name: str
    """The romanised name in ISO 3166-2 (``Guangdong Sheng``)."""
    icp_abbreviation: str
    """The abbreviation ICP numbers carry (``粤``)."""
    alternative_abbreviations: tuple[str, ...] = ()
    """Other abbreviations seen in numbers (四川: ``川`` beside ``蜀``)."""
    aliases: tuple[str, ...] = ()
    """Further spellings that resolve to the province."""

    @property
    def display_name(self) -> Text:
        """The official Chinese name and the English name, as one :class:`Text`."""
        return Text(self.name, self.name_en)

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


@record_methods
@pickled_as_fields
@attrs.frozen(repr=False, eq=False)
class FactClaim:
    """What another source says about a yes/no fact."""

    source: Source
    value: bool | None
    note: Text | None = None


def _disagrees(claim_value: object, value: object, source: Source) -> bool:
    return source.is_current and claim_value is not None and claim_value != value


@record_methods
@pickled_as_fields
@attrs.frozen(repr=False, eq=False)
class Statement:
    """What one source says about when some changes are filed, in one province (or
    nationally, ``province`` None), for the subject kinds of its page section."""

    id: str
    """``CN-TJ/<source id>/<n>`` (``national/<source id>/<n>``): stable, built by the loader."""
    source: Source
    """The document that says it (its provider and dates)."""
    changes: frozenset[Change]
    """The changes it covers."""
    covers_all: bool
    """Written ``changes = ["*"]``: every change the page's rule covers."""
    applies_to: frozenset[SubjectKind]
    """The subject kinds of its page section."""
    timing: Timing
    """What it says: before, after or with the transfer."""
    deadline_working_days: int | None = None
    """For ``after``: the stated deadline of the change filing."""
    boilerplate: bool = False
    """A line the provider repeats for every province: never decides, may dissent."""
    note: Text | None = None
    """The data's remark on it, if any."""
    province: str | None = None
    """The province code, or None for a national statement."""

    @property
    def provider(self) -> str:
        """The id of the provider that says it."""
        return self.source.provider

    @property
    def date(self) -> dt.date | None:
        """Its start: the source's publication date, or the bound (:attr:`date_is_bound`)."""
        return self.source.start

    @property
    def date_is_bound(self) -> bool:
        """True when :attr:`date` is only a lower bound."""
        return self.source.start_is_bound

    def covers(self, change: Change, subject_kind: SubjectKind | None) -> bool:
        """Whether it speaks about *change* for *subject_kind* (a statement for one kind
        takes part only when the kind is given)."""
        require_type(change, Change, "change")
        require_type(subject_kind, SubjectKind, "subject_kind", optional=True)
        if change not in self.changes:
            return False
        if subject_kind is None:
            return self.applies_to == ALL_KINDS
        return subject_kind in self.applies_to


@record_methods
@pickled_as_fields
@attrs.frozen(repr=False, eq=False)
class TransferNote:
    """Why a province's rule is unknown where no statement covers a change."""

    text: Text
    sources: tuple[Source, ...] = ()


@record_methods
@pickled_as_fields
@attrs.frozen(repr=False, eq=False)
class Event:
    """A dated event that changes no answer by itself (shown with the rules)."""

    id: str
    date: dt.date
    text: Text
    sources: tuple[Source, ...]
    provinces: frozenset[str] = frozenset()
    """Province codes; empty: national."""

    def concerns(self, province_code: str) -> bool:
        """Whether the event is about *province_code* (a national event is about all)."""
        require_type(province_code, str, "province_code")
        # A str subclass is read as the str it holds: its own hash and equality are not trusted.
        return not self.provinces or str.__str__(province_code) in self.provinces


@record_methods
@pickled_as_fields
@attrs.frozen(repr=False, eq=False)
class SiteFact:
    """A yes/no province requirement on websites, with its evidence."""

    status: Status
    value: bool | None
    scope: Scope = Scope.ALL
    sources: tuple[Source, ...] = ()
    claims: tuple[FactClaim, ...] = ()
    note: Text | None = None

    @property
    def required(self) -> bool:
        """True only when a source states the requirement."""
        return self.status is Status.STATED and self.value is True

    @property
    def disputed(self) -> bool:
        return self.status is Status.STATED and any(
            _disagrees(c.value, self.value, c.source) for c in self.claims
        )

    def covers(self, subject_kind: SubjectKind | None, *, adding_websites: bool = False) -> bool:
        """Whether the requirement reaches this case (unknown kind counts as covered)."""
        if self.scope is Scope.WHEN_ADDING_WEBSITES:
            return adding_websites
        if self.scope is Scope.ORGANISATIONS:
            return subject_kind is not SubjectKind.INDIVIDUAL
        if self.scope is Scope.INDIVIDUALS:
            return subject_kind is not SubjectKind.ORGANISATION
        return True


@record_methods
@pickled_as_fields
@attrs.frozen(repr=False, eq=False)
class Requirement:
    """A further province requirement, with the plan step it adds when triggered."""

    id: str
    step: str | None
    trigger: Trigger
    when_changes: frozenset[Change]
    applies_to: frozenset[SubjectKind]
    sources: tuple[Source, ...]
    claims: tuple[FactClaim, ...] = ()
    note: Text | None = None


@record_methods
@pickled_as_fields
@attrs.frozen(repr=False, eq=False)
class CheckClaim:
    """What another source says about a province check: another value, or that the
    rule does not hold (``holds is False``)."""

    source: Source
    value: int | None = None
    holds: bool | None = None
    note: Text | None = None


@record_methods
@pickled_as_fields
@attrs.frozen(repr=False, eq=False)
class ProvinceCheck:
    """A stated province requirement that ``preflight`` checks an application
    against (``kind`` says which); ``text`` names the document or the accepted
    alternatives."""

    kind: CheckKind
    sources: tuple[Source, ...]
    value: int | None = None
    document: str | None = None
    text: Text = Text("", "")
    applies_to: frozenset[SubjectKind] = ALL_KINDS
    claims: tuple[CheckClaim, ...] = ()
    note: Text | None = None

    @property
    def disputed(self) -> bool:
        """Whether a current source gives another value or denies the rule."""
        return any(
            c.source.is_current and (c.holds is False or (c.value is not None and c.value != self.value))
            for c in self.claims
        )

    def covers(self, subject_kind: SubjectKind | None) -> bool:
        """Whether the check concerns *subject_kind* (an unknown kind: if it may)."""
        require_type(subject_kind, SubjectKind, "subject_kind", optional=True)
        return subject_kind is None or subject_kind in self.applies_to


@record_methods
@pickled_as_fields
@attrs.frozen(repr=False, eq=False)
class ProvinceNote:
    """A cited fact that no decision uses yet (kept for people and later checks)."""

    topic: str
    text: Text
    sources: tuple[Source, ...]


@record_methods
@pickled_as_fields
@attrs.frozen(repr=False, eq=False)
class WorkedExample:
    """A hand-written expected decision, run by the test suite."""

    changes: frozenset[Change]
    subject_kind: SubjectKind | None
    direct: bool
    blocking: frozenset[Change]
    deferred: frozenset[Change]
    note: Text | None = None


@record_methods
@pickled_as_fields
@attrs.frozen(repr=False, eq=False)
class ProvinceRules:
    """Everything the data says about one province."""

    province: Province
    sources: tuple[Source, ...]
    statements: tuple[Statement, ...]
    filed_sites_reachable: SiteFact
    unfiled_sites_closed: SiteFact
    requirements: tuple[Requirement, ...] = ()
    checks: tuple[ProvinceCheck, ...] = ()
    notes: tuple[ProvinceNote, ...] = ()
    examples: tuple[WorkedExample, ...] = ()
    transfer_note: TransferNote | None = None

    def statements_about(self, change: Change, subject_kind: SubjectKind | None) -> tuple[Statement, ...]:
        """The statements that cover *change* for *subject_kind*, in data order, at
        any date (the history)."""
        return tuple(s for s in self.statements if s.covers(change, subject_kind))


@record_methods
@pickled_as_fields
@attrs.frozen(repr=False, eq=False)
class NationalRule:
    """A rule that holds in every province."""

    id: str
    text: Text
    sources: tuple[Source, ...]
    date: dt.date | None = None
    """The date the rule took effect, or of the snapshot it lists."""
    days: int | None = None
    """The number of days the rule sets, if any."""
    suffixes: tuple[str, ...] = ()
    """The domain suffixes the rule lists (``.com``), if any."""
    in_force_from: dt.date | None = None
    """The day it took effect nationwide; None: always in force."""
    in_force_from_by_province: tuple[tuple[str, dt.date], ...] = ()
    """Earlier starts in some provinces (pilots), as (province code, date) pairs."""

    def in_force(self, province_code: str | None, day: dt.date) -> bool:
        """Whether the rule holds in *province_code* (None: nationwide) on *day*."""
        require_type(day, dt.date, "day")
        start = self.start_in(province_code)
        return start is None or start <= day

    def start_in(self, province_code: str | None) -> dt.date | None:
        """The day the rule took effect in *province_code*: its own start, else the national one."""
        require_type(province_code, str, "province_code", optional=True)
        wanted = None if province_code is None else str.__str__(province_code)
        for code, start in self.in_force_from_by_province:
            if code == wanted:
                return start
        return self.in_force_from


@record_methods
@pickled_as_fields
@attrs.frozen(repr=False, eq=False)
class StepInfo:
    """A step of the catalogue: its id, its place in the real order, its title."""

    id: str
    order: int
    title: Text


@record_methods
@pickled_as_fields
@attrs.frozen(repr=False, eq=False)
class Cause:
    """A possible cause of a failure, with its sources.

    ``condition`` is empty for a cause that is always possible. A cause with a
    condition is named only when the facts given meet it, and then first: it is the
    likely cause (an invalid ICP number, say).
    """

    id: str
    text: Text
    sources: tuple[Source, ...]
    condition: Condition = ()


@record_methods
@pickled_as_fields
@attrs.frozen(repr=False, eq=False)
class RemedyInfo:
    """A remedy branch as the data states it: step ids, not steps."""

    id: str
    label: Text
    step_ids: tuple[str, ...]
    sources: tuple[Source, ...]
    condition: Condition = ()
    causes: tuple[str, ...] = ()
    rule: NationalRule | None = None
    detail: Text | None = None
    number_hint: Text | None = None


@record_methods
@pickled_as_fields
@attrs.frozen(repr=False, eq=False)
class FailureInfo:
    """Everything the data says about one failure."""

    failure: Failure
    title: Text
    sources: tuple[Source, ...]
    causes: tuple[Cause, ...]
    remedies: tuple[RemedyInfo, ...]
    changes: frozenset[Change] = frozenset()
    aliases: tuple[str, ...] = ()
    related: tuple[Failure, ...] = ()
    note: Text | None = None

    def cause(self, cause_id: str) -> Cause:
        """The cause *cause_id*; :class:`UnknownIdError` if the failure has none."""
        for cause in self.causes:
            if isinstance(cause_id, str) and cause.id == str.__str__(cause_id):
                return cause
        raise UnknownIdError("cause", cause_id, [c.id for c in self.causes])

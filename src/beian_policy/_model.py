"""The value types the data is made of.

Everything is a frozen, slotted attrs class holding tuples and frozensets, so values
hash, compare, pickle and can be shared between threads without copies.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from ._coerce import coerce_lang, require_member
from ._enums import Basis, Change, Failure, Lang, Scope, SourceStanding, Status, SubjectKind, Timing
from ._vocab import CheckKind, Fact, Trigger
from .errors import UnknownIdError

__all__ = [
    "Cause",
    "CheckClaim",
    "Condition",
    "FactClaim",
    "FailureInfo",
    "NationalRule",
    "Province",
    "ProvinceCheck",
    "ProvinceNote",
    "ProvinceRules",
    "RemedyInfo",
    "Requirement",
    "SiteFact",
    "Source",
    "StepInfo",
    "Term",
    "Text",
    "TimingClaim",
    "TransferRule",
    "WorkedExample",
    "combine_basis",
    "join_notes",
    "merge_sources",
]

ALL_KINDS: frozenset[SubjectKind] = frozenset(SubjectKind)

#: Facts a branch depends on, as ``(fact, value)`` pairs in fact order; empty = always.
Condition = tuple[tuple[Fact, bool], ...]


@attrs.frozen
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


@attrs.frozen
class Term:
    """One id of a closed vocabulary (a subject kind, a fact) with its words in both
    languages and the other spellings people type for it, so that what the tool
    prints is also what it accepts."""

    id: str
    text: Text
    aliases: tuple[str, ...] = ()


@attrs.frozen
class Source:
    """A document a value comes from, precise enough to find the same text again."""

    id: str
    """The source's id in the data (``tc-cn-bj``), which rules cite."""
    provider: str
    """Who published it (``Tencent Cloud``)."""
    title: str
    """The document's own title."""
    standing: SourceStanding
    """Its weight: primary, secondary, or history (never counted as a dispute)."""
    url: str | None = None
    """Where the published page is, when known."""
    repository: str | None = None
    """The documentation repository the copy read comes from."""
    path: str | None = None
    """The file in that repository."""
    commit: str | None = None
    """The commit of the copy read, so the same text can be found again."""
    date: dt.date | None = None
    """The document's date, when known."""
    note: str = ""
    """The data's remark on the source."""

    @property
    def is_current(self) -> bool:
        """False for history (2017 and older pages, deprecated doc trees)."""
        return self.standing is not SourceStanding.HISTORICAL


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


@attrs.frozen
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


@attrs.frozen
class TimingClaim:
    """What another source says about a transfer rule."""

    source: Source
    timing: Timing | None
    boilerplate: bool = False
    note: str = ""


@attrs.frozen
class FactClaim:
    """What another source says about a yes/no fact."""

    source: Source
    value: bool | None
    note: Text | None = None


def _disagrees(claim_value: object, value: object, source: Source) -> bool:
    return source.is_current and claim_value is not None and claim_value != value


@attrs.frozen
class TransferRule:
    """When the changes it covers must be filed, in one province.

    ``covers_all`` marks the province's catch-all rule (``changes = ["*"]`` in the
    data), which is where an unknown is written down.
    """

    id: str
    changes: frozenset[Change]
    covers_all: bool
    applies_to: frozenset[SubjectKind]
    status: Status
    timing: Timing | None
    deadline_working_days: int | None
    sources: tuple[Source, ...]
    claims: tuple[TimingClaim, ...] = ()
    note: str = ""

    @property
    def stated(self) -> bool:
        return self.status is Status.STATED

    def disputed_against(self, timing: Timing) -> bool:
        """Whether a current source claims something other than *timing*."""
        require_member(timing, Timing, "timing")
        return any(_disagrees(c.timing, timing, c.source) for c in self.claims)

    @property
    def disputed(self) -> bool:
        """Whether a current source disagrees with the stated timing."""
        return self.timing is not None and self.disputed_against(self.timing)

    def applies(self, change: Change, subject_kind: SubjectKind | None) -> bool:
        require_member(change, Change, "change")
        require_member(subject_kind, SubjectKind, "subject_kind", optional=True)
        if change not in self.changes:
            return False
        if subject_kind is None:
            return self.applies_to == ALL_KINDS
        return subject_kind in self.applies_to


@attrs.frozen
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


@attrs.frozen
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


@attrs.frozen
class CheckClaim:
    """What another source says about a province check: another value, or that the
    rule does not hold (``holds is False``)."""

    source: Source
    value: int | None = None
    holds: bool | None = None
    note: Text | None = None


@attrs.frozen
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
        require_member(subject_kind, SubjectKind, "subject_kind", optional=True)
        return subject_kind is None or subject_kind in self.applies_to


@attrs.frozen
class ProvinceNote:
    """A cited fact that no decision uses yet (kept for people and later checks)."""

    topic: str
    text: Text
    sources: tuple[Source, ...]


@attrs.frozen
class WorkedExample:
    """A hand-written expected decision, run by the test suite."""

    changes: frozenset[Change]
    subject_kind: SubjectKind | None
    direct: bool
    blocking: frozenset[Change]
    deferred: frozenset[Change]
    note: Text | None = None


@attrs.frozen
class ProvinceRules:
    """Everything the data says about one province."""

    province: Province
    sources: tuple[Source, ...]
    transfer_rules: tuple[TransferRule, ...]
    filed_sites_reachable: SiteFact
    unfiled_sites_closed: SiteFact
    requirements: tuple[Requirement, ...] = ()
    checks: tuple[ProvinceCheck, ...] = ()
    notes: tuple[ProvinceNote, ...] = ()
    examples: tuple[WorkedExample, ...] = ()

    def disputed(self, change: Change, subject_kind: SubjectKind | None, timing: Timing) -> bool:
        """Whether a current source claims other than *timing* for *change*: claims on
        the catch-all rule are about every change, so they count for specific rules too."""
        return bool(self.dissent(change, subject_kind, timing))

    def claims_about(self, change: Change, subject_kind: SubjectKind | None) -> tuple[TimingClaim, ...]:
        """The claims of every rule that covers *change* for *subject_kind* (the
        catch-all's included), in rule order: the evidence :meth:`disputed` weighs."""
        return tuple(
            claim
            for rule in self.transfer_rules
            if rule.applies(change, subject_kind)
            for claim in rule.claims
        )

    def dissent(
        self, change: Change, subject_kind: SubjectKind | None, timing: Timing
    ) -> tuple[TimingClaim, ...]:
        """The claims of current sources that say other than *timing* for *change* (the
        ones that make it :meth:`disputed`), so that an answer can name who says what."""
        require_member(timing, Timing, "timing")
        return tuple(
            claim
            for claim in self.claims_about(change, subject_kind)
            if _disagrees(claim.timing, timing, claim.source)
        )

    def rule_for(self, change: Change, subject_kind: SubjectKind | None) -> TransferRule:
        """The most specific rule that decides *change* (a named change beats ``*``,
        a rule for the subject kind beats one for every kind)."""
        best: TransferRule | None = None
        best_rank = (-1, -1)
        for rule in self.transfer_rules:
            if not rule.applies(change, subject_kind):
                continue
            rank = (int(not rule.covers_all), int(rule.applies_to != ALL_KINDS))
            if rank > best_rank:
                best, best_rank = rule, rank
        if best is None:  # pragma: no cover - the loader guarantees a catch-all rule
            raise AssertionError(f"{self.province.code} has no rule for {change.value}")
        return best


@attrs.frozen
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


@attrs.frozen
class StepInfo:
    """A step of the catalogue: its id, its place in the real order, its title."""

    id: str
    order: int
    title: Text


@attrs.frozen
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


@attrs.frozen
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


@attrs.frozen
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

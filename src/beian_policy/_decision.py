"""Whether a filing can be transferred directly, and which rule says so."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from ._coerce import ChangesLike, coerce_changes, coerce_subject_kind, sorted_changes
from ._data._loader import resolve_policy
from ._enums import Basis, Change, SubjectKind, Timing
from ._memo import memoised
from ._model import NationalRule, Province, Source, Statement, Text, combine_basis, join_notes, merge_sources
from ._policy import Policy
from ._provinces import resolve_province
from ._record import record_methods
from ._statements import Ruling, decide
from ._vocab import RuleId
from .errors import ArgumentTypeError

__all__ = [
    "ChangeVerdict",
    "ProvinceLike",
    "TransferDecision",
    "assess_transfer",
    "can_transfer_directly",
    "coerce_according_to",
    "coerce_as_of",
    "statement_notes",
]

#: What a ``province`` argument accepts: a Province or any spelling of one.
ProvinceLike = Province | str


@record_methods
@attrs.frozen(repr=False, eq=False)
class ChangeVerdict:
    """How one change is handled: before, after or with the transfer, and why."""

    change: Change
    """The change this verdict is about."""
    timing: Timing
    """``before``: filed at the original provider first; ``after``: by a change filing
    once the transfer succeeded; ``with_transfer``: the transfer carries it."""
    basis: Basis
    """What decided: a province statement, the strict national default (the
    province's rule is unknown), or a national rule."""
    rule: str
    """The id of the deciding statement (``CN-BJ/tc-cn-bj/1``) or rule (``national/...``)."""
    sources: tuple[Source, ...]
    """The documents behind the deciding statement or rule."""
    deadline_working_days: int | None = None
    """For ``after``: the stated deadline for the change filing, in working days."""
    disputed: bool = False
    """Whether a province statement in effect says otherwise."""
    note: Text | None = None
    """The data's remark on the deciding statement or rule, if any."""
    dissent: tuple[Statement, ...] = ()
    """The statements in effect that say otherwise (who, where, when, what); a
    national statement among them describes its provider's own system and does not
    make the verdict disputed."""
    provider: str | None = None
    """The provider of the deciding statement (in a provider's view also of a national
    statement that decides); None for a national rule or the default."""
    date: dt.date | None = None
    """The deciding statement's start (its publication date, or a bound: see
    :attr:`date_is_bound`), or the day the deciding national rule took effect."""
    date_is_bound: bool = False
    """True when :attr:`date` is only a lower bound on the publication date."""
    evidence_date: dt.date | None = None
    """How new the deciding evidence is: its source's latest known date."""


@record_methods
@attrs.frozen(repr=False, eq=False)
class TransferDecision:
    """The answer to "can this filing be transferred directly?", with its evidence."""

    province: Province
    """The province whose communications administration holds the filing."""
    changes: frozenset[Change]
    """What changed since the filing."""
    subject_kind: SubjectKind | None
    """Who holds the filing, when given; statements for one kind take part only then."""
    verdicts: tuple[ChangeVerdict, ...]
    """One verdict per change, in :class:`Change` order."""
    basis: Basis
    """``province`` when province statements decided every change,
    ``national_default`` when any change fell back to the strict default because the
    province's rule is unknown, ``national_rule`` when only national rules took part."""
    disputed: bool
    """Whether any verdict is disputed by a province statement in effect."""
    sources: tuple[Source, ...]
    """Every document behind the verdicts, each once."""
    data_version: str
    """The data release that produced this decision."""
    as_of: dt.date | None = None
    """The date answered for (the data's own date when none or a later one was asked)."""
    according_to: str | None = None
    """The provider whose statements alone were used; None: all, combined."""
    evidence_date: dt.date | None = None
    """How old the newest statement behind the answer is: the latest evidence date of
    the deciding statements (None: no dated statement decided)."""

    @property
    def blocking(self) -> tuple[ChangeVerdict, ...]:
        """The verdicts of changes that must be filed at the original provider first."""
        return tuple(v for v in self.verdicts if v.timing is Timing.BEFORE)

    @property
    def deferred(self) -> tuple[ChangeVerdict, ...]:
        """The verdicts of changes that may follow the transfer (with their deadlines)."""
        return tuple(v for v in self.verdicts if v.timing is Timing.AFTER)

    @property
    def carried(self) -> tuple[ChangeVerdict, ...]:
        """The verdicts of changes the transfer itself carries (``with_transfer``)."""
        return tuple(v for v in self.verdicts if v.timing is Timing.WITH_TRANSFER)

    @property
    def direct(self) -> bool:
        """True when nothing must be changed before the transfer."""
        return not any(v.timing is Timing.BEFORE for v in self.verdicts)

    @property
    def blocking_changes(self) -> frozenset[Change]:
        """The changes of :attr:`blocking`."""
        return frozenset(v.change for v in self.blocking)

    @property
    def deferred_changes(self) -> frozenset[Change]:
        """The changes of :attr:`deferred`."""
        return frozenset(v.change for v in self.deferred)

    @property
    def carried_changes(self) -> frozenset[Change]:
        """The changes of :attr:`carried`."""
        return frozenset(v.change for v in self.carried)


def coerce_as_of(value: object, policy: Policy) -> dt.date:
    """The date a question is answered for: *value* (a ``datetime.date``), the data's
    own date when None, and never later than it (later knowledge does not exist)."""
    if value is None:
        return policy.as_of
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise ArgumentTypeError("as_of", value, ["a datetime.date", "None (the data's own date)"])
    return min(value, policy.as_of)


def coerce_according_to(value: object, policy: Policy) -> str | None:
    """A hosting provider's id from its id, name or alias; None: every provider."""
    return None if value is None else policy.hosting_provider(value)


def statement_notes(verdicts: Iterable[ChangeVerdict]) -> Text | None:
    """The notes of the statements that decided *verdicts* (each once), for the step
    that files their changes; a national rule's or the default's text is not repeated
    there."""
    return join_notes(v.note for v in verdicts if v.basis is Basis.PROVINCE)


def _national_verdict(change: Change, rule: NationalRule, province: Province) -> ChangeVerdict:
    return ChangeVerdict(
        change,
        Timing.BEFORE,
        Basis.NATIONAL_RULE,
        f"national/{rule.id}",
        rule.sources,
        note=rule.text,
        date=rule.start_in(province.code),
    )


def _verdict(
    change: Change,
    subject_kind: SubjectKind | None,
    policy: Policy,
    province: Province,
    day: dt.date,
    provider: str | None,
) -> ChangeVerdict:
    province_rules = policy.rules_for(province)
    sms = policy.national_rule(RuleId.SMS_PHONE_MUST_MATCH)
    if change is Change.WEBSITE_OWNER_PHONE and sms.in_force(province.code, day):
        # The SMS goes to the filed phone: the national rule decides, except where the
        # chosen provider's own national statement says otherwise.
        own = (
            decide((), policy.national_statements, change, subject_kind, day, provider) if provider else None
        )
        if own is None or own.decider is None:
            return _national_verdict(change, sms, province)
        return _from_statement(change, own)
    ruling = decide(
        province_rules.statements, policy.national_statements, change, subject_kind, day, provider
    )
    if ruling.decider is not None:
        return _from_statement(change, ruling)
    default = policy.national_rule(RuleId.CHANGE_FIRST_BY_DEFAULT)
    why = province_rules.transfer_note
    note = join_notes((why.text if why is not None else None, default.text))
    return ChangeVerdict(
        change,
        Timing.BEFORE,
        Basis.NATIONAL_DEFAULT,
        f"national/{default.id}",
        default.sources,
        disputed=bool(ruling.disputing),
        dissent=ruling.dissent,
        note=note,
    )


def _from_statement(change: Change, ruling: Ruling) -> ChangeVerdict:
    statement = ruling.decider
    if statement is None:  # pragma: no cover - the callers check
        raise AssertionError("no deciding statement")
    return ChangeVerdict(
        change,
        statement.timing,
        Basis.PROVINCE if statement.province is not None else Basis.NATIONAL_RULE,
        statement.id,
        (statement.source,),
        deadline_working_days=statement.deadline_working_days if statement.timing is Timing.AFTER else None,
        disputed=bool(ruling.disputing),
        dissent=ruling.dissent,
        note=statement.note,
        provider=statement.provider,
        date=statement.date,
        date_is_bound=statement.date_is_bound,
        evidence_date=statement.source.freshness,
    )


@memoised
def assess_transfer(
    province: ProvinceLike,
    changes: ChangesLike = (),
    *,
    subject_kind: SubjectKind | str | None = None,
    as_of: dt.date | None = None,
    according_to: str | None = None,
    policy: Policy | None = None,
) -> TransferDecision:
    """Decide whether a filing in *province* whose information changed by *changes*
    can be transferred directly, or which changes must first be filed at the original
    provider. *subject_kind* (``"organisation"`` / ``"individual"``) lets statements
    that a province makes for one kind only take part.

    *as_of* answers as of that date (None: the data's own date; a later date answers
    with the latest knowledge). *according_to* (a provider id such as
    ``"alibaba_cloud"``) answers from that provider's statements alone.
    """
    pol = resolve_policy(policy)
    prov = resolve_province(province, policy=pol)
    change_set = coerce_changes(changes, aliases=pol.vocabulary("change"))
    kind = coerce_subject_kind(subject_kind, aliases=pol.vocabulary("subject_kind"))
    day = coerce_as_of(as_of, pol)
    provider = coerce_according_to(according_to, pol)
    verdicts = tuple(_verdict(c, kind, pol, prov, day, provider) for c in sorted_changes(change_set))
    evidence = (
        (v.sources for v in verdicts)
        if verdicts
        else (pol.national_rule(RuleId.TRANSFER_ADDS_PROVIDER).sources,)
    )
    dates = [v.evidence_date for v in verdicts if v.evidence_date is not None]
    return TransferDecision(
        province=prov,
        changes=change_set,
        subject_kind=kind,
        verdicts=verdicts,
        basis=combine_basis(v.basis for v in verdicts),
        disputed=any(v.disputed for v in verdicts),
        sources=merge_sources(*evidence),
        data_version=pol.data_version,
        as_of=day,
        according_to=provider,
        evidence_date=max(dates) if dates else None,
    )


@memoised
def can_transfer_directly(
    province: ProvinceLike,
    changes: ChangesLike = (),
    *,
    subject_kind: SubjectKind | str | None = None,
    as_of: dt.date | None = None,
    according_to: str | None = None,
    policy: Policy | None = None,
) -> bool:
    """``assess_transfer(...).direct``: True when nothing must be changed first."""
    return assess_transfer(
        province, changes, subject_kind=subject_kind, as_of=as_of, according_to=according_to, policy=policy
    ).direct

"""Why a transfer failed and what to do about it, from the failure data.

The knowledge lives in the data file (``[[failures]]``): each failure's causes, and its
remedies, one per branch, each branch conditioned on facts (``when``). This module
matches the facts it is given to the branches and builds the steps; it knows no
failure by name. Where a branch depends on a fact that was not given, the diagnosis
keeps every branch that may apply, labelled, and names the missing fact, rather than
guess.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Mapping

import attrs

from ._coerce import coerce_fact, coerce_failure_id, coerce_term, vocabulary_key
from ._data._loader import resolve_policy
from ._decision import TransferDecision, assess_transfer, coerce_according_to, coerce_as_of, statement_notes
from ._enums import Basis, Change, Failure
from ._icp import IcpNumber, parse_icp_number
from ._ids import StepId
from ._memo import memoised
from ._model import (
    Cause,
    Condition,
    FailureInfo,
    Province,
    RemedyInfo,
    Source,
    Text,
    combine_basis,
    join_notes,
    merge_sources,
)
from ._policy import Policy
from ._provinces import resolve_province
from ._step import Step
from ._vocab import DIAGNOSIS_PARAMETERS, Fact, RuleId
from .errors import (
    ArgumentTypeError,
    InvalidArgumentError,
    InvalidIcpNumberError,
    UnknownFailureError,
    UnknownIdError,
)

__all__ = ["Diagnosis", "Remedy", "coerce_failure", "diagnose", "failure_texts"]

#: The facts the caller of ``diagnose`` gives directly.
_GIVEN_FACTS = (
    Fact.SUBMITTED_TO_ADMINISTRATION,
    Fact.SUBJECT_HAS_OTHER_WEBSITES,
    Fact.ORIGINAL_PROVIDER_REACHABLE,
)


@attrs.frozen
class Remedy:
    """One branch of what to do."""

    id: str
    """The branch id, stable within its failure."""
    label: Text
    """The branch in words: when it applies."""
    condition: Condition
    """The facts the branch depends on; empty when it always applies."""
    applies: bool | None
    """True when the facts given select the branch, None when it depends on a fact
    that was not given."""
    steps: tuple[Step, ...]
    """What to do on this branch, in order."""
    sources: tuple[Source, ...]
    """The documents behind the branch and its steps."""
    causes: tuple[str, ...] = ()
    """The cause ids the branch fixes (empty: any cause of the failure)."""
    changes: frozenset[Change] = frozenset()
    """For a branch picked by the province's rules: the changes it covers."""
    basis: Basis | None = None
    """For a branch picked by the province's rules: what decided those changes."""
    detail: Text | None = None
    """Further explanation from the data."""
    number_hint: Text | None = None
    """The exact filing number to type, when one was given."""

    @property
    def step_ids(self) -> tuple[str, ...]:
        """The ids of :attr:`steps`, in order."""
        return tuple(step.id for step in self.steps)


@attrs.frozen
class Diagnosis:
    """What a failure means and what to do, for the facts given."""

    failure: Failure
    """The failure diagnosed."""
    title: Text
    """The failure's title."""
    province: Province | None
    """The province, given or read from the ICP number."""
    causes: tuple[Cause, ...]
    """Possible causes: the likely ones (their condition met) first."""
    remedies: tuple[Remedy, ...]
    """Every branch that may apply; facts that contradict a branch drop it."""
    steps: tuple[Step, ...]
    """The ordered plan when the facts settle it, else empty."""
    unknown_facts: tuple[str, ...]
    """The ``diagnose`` parameters that would settle the plan."""
    facts: Condition
    """The facts known, given or derived."""
    sources: tuple[Source, ...]
    """Every document behind the diagnosis, each once."""
    data_version: str
    """The data release that produced the diagnosis."""
    cause: str | None = None
    """The cause id the caller narrowed the diagnosis to."""
    subject_number: str | None = None
    """The subject's filing number (no ``-N``) when a valid ICP number was given."""
    icp_number_problem: str | None = None
    """Why the ICP number given is not one."""
    transfer: TransferDecision | None = None
    """The transfer decision used for failures the province's rules decide."""
    related: tuple[Failure, ...] = ()
    """Failures to look at too."""
    note: Text | None = None
    """The data's remark on the failure."""

    @property
    def decided(self) -> bool:
        """True when the facts given pick the remedy (``steps`` is the plan)."""
        return bool(self.steps)

    @property
    def step_ids(self) -> tuple[str, ...]:
        """The ids of :attr:`steps`, in order."""
        return tuple(step.id for step in self.steps)

    def remedy(self, remedy_id: str) -> Remedy:
        """The kept branch *remedy_id*; :class:`UnknownIdError` if the facts dropped it."""
        for remedy in self.remedies:
            if isinstance(remedy_id, str) and remedy.id == str.__str__(remedy_id):
                return remedy
        raise UnknownIdError("remedy", remedy_id, [r.id for r in self.remedies])


def coerce_fact_name(value: object, *, policy: Policy | None = None) -> Fact:
    """A :class:`Fact` from a member, its id or (with *policy*) its words or aliases in
    either language (主体下还有其他网站)."""
    aliases = policy.vocabulary("fact") if policy is not None else None
    return coerce_term(Fact, value, aliases=aliases, argument="fact", vocabulary="fact")


def coerce_failure(value: object, *, policy: Policy | None = None) -> Failure:
    """A Failure from a member, its id (any case, ``-`` or space for ``_``), or, with
    *policy*, a failure's Chinese or English title or alias.

    Raises :class:`UnknownFailureError` (a ``LookupError``) with close matches, or
    :class:`AmbiguousNameError` listing the choices for a spelling of several failures
    (主体或网站被注销).
    """
    found = coerce_failure_id(value)
    if found is not None:
        return found
    assert isinstance(value, str)  # coerce_failure_id raised for anything else
    aliases = policy.vocabulary("failure") if policy is not None else None
    return coerce_term(
        Failure, value, aliases=aliases, argument="failure", vocabulary="failure", unknown=UnknownFailureError
    )


def _coerce_cause(value: object, info: FailureInfo) -> str | None:
    if value is None:
        return None
    valid = [c.id for c in info.causes]
    if not isinstance(value, str):
        raise ArgumentTypeError("cause", value, ["a cause id (str)", "None"])
    key = vocabulary_key(value)
    if key in valid:
        return key
    raise UnknownIdError("cause", value, valid, difflib.get_close_matches(key, valid, n=3))


def _read_number(value: object, policy: Policy) -> tuple[IcpNumber | None, str | None]:
    """The parsed number, or the reason it is not one; never raises on a string."""
    if not isinstance(value, (str, IcpNumber)):
        raise ArgumentTypeError("icp_number", value, ["an ICP number as text", "an IcpNumber", "None"])
    try:
        return parse_icp_number(value, policy=policy), None
    except (InvalidIcpNumberError, InvalidArgumentError) as exc:
        return None, str(exc)


def _match(condition: Condition, facts: Mapping[Fact, bool]) -> bool | None:
    """True when the facts meet *condition*, False when one contradicts it, None when
    a fact it needs is not known."""
    result: bool | None = True
    for name, wanted in condition:
        have = facts.get(name)
        if have is None:
            result = None
        elif have is not wanted:
            return False
    return result


def _hint(template: Text | None, subject_number: str | None) -> Text | None:
    if template is None or subject_number is None:
        return None
    return Text(
        template.zh.replace("{subject_number}", subject_number),
        template.en.replace("{subject_number}", subject_number),
    )


def _remedy(
    failure: Failure,
    data: RemedyInfo,
    applies: bool | None,
    decision: TransferDecision | None,
    subject_number: str | None,
    policy: Policy,
) -> Remedy:
    """The branch *data* as steps. A branch picked by a province fact takes the rule
    and sources of its change steps from the province's verdicts."""
    wanted = dict(data.condition)
    rule = f"national/{data.rule.id}" if data.rule is not None else f"failure/{failure.value}/{data.id}"
    sources = merge_sources(data.sources, data.rule.sources if data.rule is not None else ())
    hint = _hint(data.number_hint, subject_number)
    note = hint

    blocking = decision.blocking if decision and wanted.get(Fact.PROVINCE_REQUIRES_MATCH) else ()
    deferred = decision.deferred if decision and wanted.get(Fact.PROVINCE_ALLOWS_AFTER) else ()
    picked = (*blocking, *deferred)

    steps = []
    for step_id in data.step_ids:
        info = policy.step_info(step_id)
        if blocking and step_id == StepId.CHANGE_FILING_AT_ORIGINAL_PROVIDER:
            step = Step.from_info(
                info,
                rule=blocking[0].rule,
                sources=merge_sources(*(v.sources for v in blocking), sources),
                changes=frozenset(v.change for v in blocking),
                note=join_notes((note, statement_notes(blocking))),
            )
        elif deferred and step_id == StepId.UPDATE_FILING_AFTER_TRANSFER:
            national = policy.national_rule(RuleId.UPDATE_AFTER_TRANSFER)
            deadlines = [v.deadline_working_days for v in deferred if v.deadline_working_days is not None]
            step = Step.from_info(
                info,
                rule=f"national/{national.id}",
                sources=merge_sources(national.sources, *(v.sources for v in deferred), sources),
                deadline_working_days=min(deadlines) if deadlines else None,
                changes=frozenset(v.change for v in deferred),
                note=join_notes((note, statement_notes(deferred))),
            )
        else:
            step = Step.from_info(info, rule=rule, sources=sources, note=note)
        steps.append(step)

    return Remedy(
        id=data.id,
        label=data.label,
        condition=data.condition,
        applies=applies,
        steps=tuple(steps),
        sources=merge_sources(sources, *(s.sources for s in steps)),
        causes=data.causes,
        changes=frozenset(v.change for v in picked),
        basis=combine_basis(v.basis for v in picked) if picked else None,
        detail=data.detail,
        number_hint=hint,
    )


def _plan(remedies: Iterable[Remedy]) -> tuple[Step, ...]:
    """The steps of every branch, each id once (sources merged), in catalogue order."""
    by_id: dict[str, Step] = {}
    for remedy in remedies:
        for step in remedy.steps:
            existing = by_id.get(step.id)
            if existing is None:
                by_id[step.id] = step
            else:
                by_id[step.id] = attrs.evolve(
                    existing,
                    sources=merge_sources(existing.sources, step.sources),
                    changes=existing.changes | step.changes,
                )
    return tuple(sorted(by_id.values(), key=lambda s: s.order))


@attrs.define
class _Facts:
    """What is known while diagnosing: the facts, the parameters given, the number."""

    known: dict[Fact, bool] = attrs.Factory(dict)
    given: set[str] = attrs.Factory(set)
    province: Province | None = None
    number: IcpNumber | None = None
    number_problem: str | None = None
    decision: TransferDecision | None = None


def _known_facts(
    given: Mapping[Fact, object],
    province: Province | None,
    icp_number: object,
    policy: Policy,
) -> _Facts:
    """The facts the caller gave, plus what the ICP number tells."""
    facts = _Facts(province=province)
    for fact, value in given.items():
        known = coerce_fact(fact.value, value)
        if known is not None:
            facts.known[fact] = known
            facts.given.add(fact.value)
    if icp_number is not None:
        facts.given.add("icp_number")
        facts.number, facts.number_problem = _read_number(icp_number, policy)
        facts.known[Fact.ICP_NUMBER_VALID] = facts.number is not None
        if facts.number is not None:
            if facts.province is None:
                facts.province = facts.number.province
            elif facts.number.province is not None:  # None: a licence the ministry issued
                facts.known[Fact.ICP_NUMBER_MATCHES_PROVINCE] = (
                    facts.number.province.code == facts.province.code
                )
    return facts


def _add_province_facts(
    facts: _Facts, info: FailureInfo, policy: Policy, as_of: dt.date | None, according_to: str | None
) -> None:
    """For a failure about changes: what the province's statements say of them."""
    if facts.province is None or not info.changes:
        return
    facts.decision = assess_transfer(
        facts.province, info.changes, as_of=as_of, according_to=according_to, policy=policy
    )
    facts.known[Fact.PROVINCE_REQUIRES_MATCH] = bool(facts.decision.blocking)
    facts.known[Fact.PROVINCE_ALLOWS_AFTER] = bool(facts.decision.deferred or facts.decision.carried)


def _select_causes(info: FailureInfo, cause_id: str | None, facts: _Facts) -> tuple[Cause, ...]:
    """The named cause; else the likely causes (condition met) before the general ones."""
    if cause_id is not None:
        return tuple(c for c in info.causes if c.id == cause_id)
    likely = [c for c in info.causes if c.condition and _match(c.condition, facts.known) is True]
    general = [c for c in info.causes if not c.condition]
    return (*likely, *general)


def _select_remedies(
    info: FailureInfo, cause_id: str | None, facts: _Facts, policy: Policy
) -> tuple[Remedy, ...]:
    """Every branch the facts do not rule out, for the named cause if one was given."""
    subject_number = facts.number.subject_number if facts.number is not None else None
    remedies = []
    for data in info.remedies:
        if cause_id is not None and data.causes and cause_id not in data.causes:
            continue
        applies = _match(data.condition, facts.known)
        if applies is not False:
            remedies.append(_remedy(info.failure, data, applies, facts.decision, subject_number, policy))
    return tuple(remedies)


def _unknown_facts(remedies: tuple[Remedy, ...], cause_id: str | None, facts: _Facts) -> tuple[str, ...]:
    """The parameters that would settle the branches still open, in parameter order."""
    unknown: set[str] = set()
    for remedy in remedies:
        if remedy.applies is None:
            for fact, _ in remedy.condition:
                if fact not in facts.known:
                    unknown.update(p for p in fact.parameters if p not in facts.given)
    if cause_id is None and len({r.causes for r in remedies if r.causes}) > 1:
        unknown.add("cause")
    return tuple(p for p in DIAGNOSIS_PARAMETERS if p in unknown)


@memoised
def diagnose(
    failure: Failure | str,
    province: Province | str | None = None,
    *,
    submitted_to_administration: bool | None = None,
    subject_has_other_websites: bool | None = None,
    original_provider_reachable: bool | None = None,
    cause: str | None = None,
    icp_number: str | IcpNumber | None = None,
    as_of: dt.date | None = None,
    according_to: str | None = None,
    policy: Policy | None = None,
) -> Diagnosis:
    """Causes and remedies of a failed transfer, for the facts given.

    *failure* is a :class:`Failure`, its string value, or a failure's title or alias
    from the data (``"短信验证未通过"``). *province* (any spelling
    :func:`resolve_province` takes) lets the province's own transfer rules pick the
    remedy for mismatches; a valid *icp_number* also gives the province when
    *province* is not given, and the exact subject number to type where a remedy
    asks for it. The facts are True, False or None (not known); *cause* narrows the
    diagnosis to one of the failure's cause ids. A fact not given never becomes a
    guess: the branches it decides are all kept, labelled, and ``unknown_facts``
    names it. *as_of* and *according_to* are :func:`assess_transfer`'s, for the
    province's rules on the changes.

    Raises :class:`UnknownFailureError` for an unknown failure,
    :class:`UnknownProvinceError` for an unknown province, :class:`UnknownIdError`
    for a cause the failure does not have, and :class:`ArgumentTypeError` for a fact
    that is not a bool or None. An invalid ICP number is not an error: the diagnosis
    names it as the likely cause where the failure has one for it.
    """
    pol = resolve_policy(policy)
    day = coerce_as_of(as_of, pol)
    provider = coerce_according_to(according_to, pol)
    info = pol.failure_info(coerce_failure(failure, policy=pol))
    prov = None if province is None else resolve_province(province, policy=pol)
    cause_id = _coerce_cause(cause, info)
    given = dict(
        zip(
            _GIVEN_FACTS,
            (submitted_to_administration, subject_has_other_websites, original_provider_reachable),
            strict=True,
        )
    )
    facts = _known_facts(given, prov, icp_number, pol)
    facts.given.update(
        name for name, value in (("province", province), ("cause", cause)) if value is not None
    )
    _add_province_facts(facts, info, pol, day, provider)

    causes = _select_causes(info, cause_id, facts)
    remedies = _select_remedies(info, cause_id, facts, pol)
    unknown = _unknown_facts(remedies, cause_id, facts)
    decided = bool(remedies) and not unknown and all(r.applies for r in remedies)
    return Diagnosis(
        failure=info.failure,
        title=info.title,
        province=facts.province,
        causes=causes,
        remedies=remedies,
        steps=_plan(remedies) if decided else (),
        unknown_facts=unknown,
        facts=tuple(sorted(facts.known.items())),
        sources=merge_sources(info.sources, *(c.sources for c in causes), *(r.sources for r in remedies)),
        data_version=pol.data_version,
        cause=cause_id,
        subject_number=facts.number.subject_number if facts.number is not None else None,
        icp_number_problem=facts.number_problem,
        transfer=facts.decision,
        related=info.related,
        note=info.note,
    )


def failure_texts(*, policy: Policy | None = None) -> dict[Failure, Text]:
    """The title of every failure (zh and en), in :class:`Failure` order."""
    pol = resolve_policy(policy)
    return {info.failure: info.title for info in pol.failures}

"""Why a transfer failed and what to do about it, from the failure data.

The knowledge lives in the data file (``[[failures]]``): each failure's causes, and its
remedies, one per branch, each branch conditioned on facts (``when``). This module
matches the facts it is given to the branches and builds the steps; it knows no
failure by name. Where a branch depends on a fact that was not given, the diagnosis
keeps every branch that may apply, labelled, and names the missing fact, rather than
guess.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import attrs

from ._coerce import combine_basis, merge_sources, vocabulary_key
from ._enums import Basis, Change, Failure, Lang
from ._errors import InvalidArgumentError, InvalidIcpNumberError, UnknownFailureError, UnknownIdError
from ._model import NationalRule, Province, Source, Text
from ._step import Step

if TYPE_CHECKING:
    from ._decision import ChangeVerdict, TransferDecision
    from ._icp import IcpNumber
    from ._policy import Policy

__all__ = [
    "Cause",
    "Condition",
    "Diagnosis",
    "Failure",
    "FailureInfo",
    "RejectionImpact",
    "Remedy",
    "RemedyInfo",
    "coerce_failure",
    "diagnose",
    "failure_texts",
    "rejection_impact",
]

#: Facts a branch depends on, as sorted ``(fact, value)`` pairs; empty = always.
Condition = tuple[tuple[str, bool], ...]

# The two steps whose rule and sources come from the province's transfer rules when a
# remedy branch is picked by a province fact.
_CHANGE_FIRST = "change_filing_at_original_provider"
_CHANGE_AFTER = "update_filing_after_transfer"

#: For each fact a condition may use, the ``diagnose`` parameters it is derived from.
FACT_PARAMETERS: Mapping[str, tuple[str, ...]] = {
    "submitted_to_administration": ("submitted_to_administration",),
    "subject_has_other_websites": ("subject_has_other_websites",),
    "original_provider_reachable": ("original_provider_reachable",),
    "province_requires_match": ("province",),
    "province_allows_after": ("province",),
    "icp_number_valid": ("icp_number",),
    "icp_number_matches_province": ("icp_number", "province"),
}
#: The order ``unknown_facts`` lists parameters in.
PARAMETERS = (
    "province",
    "cause",
    "submitted_to_administration",
    "subject_has_other_websites",
    "original_provider_reachable",
    "icp_number",
)


# --------------------------------------------------------------------------------------
# The records, as loaded from the data.
# --------------------------------------------------------------------------------------


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

    def describe(self, lang: Lang | str = Lang.ZH) -> str:
        """The cause in ``"zh"`` (default) or ``"en"``."""
        return self.text.get(lang)


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
            if cause.id == cause_id:
                return cause
        raise UnknownIdError("cause", cause_id, [c.id for c in self.causes])


# --------------------------------------------------------------------------------------
# The answers.
# --------------------------------------------------------------------------------------


@attrs.frozen
class Remedy:
    """One branch of what to do.

    ``applies`` is True when the facts given select the branch and None when it
    depends on a fact that was not given; ``condition`` names those facts and
    ``label`` says the branch in words. ``causes`` lists the cause ids the branch
    fixes (empty: any cause of the failure). A branch picked by the province's rules
    names the ``changes`` it covers and the ``basis`` of the rule that decided them.
    ``number_hint`` shows the exact filing number to type, when one was given.
    """

    id: str
    label: Text
    condition: Condition
    applies: bool | None
    steps: tuple[Step, ...]
    sources: tuple[Source, ...]
    causes: tuple[str, ...] = ()
    changes: frozenset[Change] = frozenset()
    basis: Basis | None = None
    detail: Text | None = None
    number_hint: Text | None = None

    @property
    def step_ids(self) -> tuple[str, ...]:
        return tuple(step.id for step in self.steps)

    def describe(self, lang: Lang | str = Lang.ZH) -> str:
        """The branch label in ``"zh"`` (default) or ``"en"``."""
        return self.label.get(lang)


@attrs.frozen
class Diagnosis:
    """What a failure means and what to do, for the facts given.

    ``remedies`` keeps every branch that may apply (facts given that contradict a
    branch drop it). ``steps`` is the ordered plan when the facts settle it: every
    kept branch applies and they do not fix different causes; otherwise it is empty
    and ``unknown_facts`` names the ``diagnose`` parameters that would settle it.
    ``facts`` lists the facts known, given or derived (from the province's rules, from
    the ICP number). ``transfer`` is the core decision used for failures the
    province's transfer rules decide. ``subject_number`` is the subject's filing
    number (no ``-N``) when a valid ICP number was given; ``icp_number_problem`` says
    why the number given is not one.
    """

    failure: Failure
    title: Text
    province: Province | None
    causes: tuple[Cause, ...]
    remedies: tuple[Remedy, ...]
    steps: tuple[Step, ...]
    unknown_facts: tuple[str, ...]
    facts: Condition
    sources: tuple[Source, ...]
    data_version: str
    cause: str | None = None
    subject_number: str | None = None
    icp_number_problem: str | None = None
    transfer: TransferDecision | None = None
    related: tuple[Failure, ...] = ()
    note: Text | None = None

    @property
    def decided(self) -> bool:
        """True when the facts given pick the remedy (``steps`` is the plan)."""
        return bool(self.steps)

    @property
    def step_ids(self) -> tuple[str, ...]:
        return tuple(step.id for step in self.steps)

    def remedy(self, remedy_id: str) -> Remedy:
        """The kept branch *remedy_id*; :class:`UnknownIdError` if the facts dropped it."""
        for remedy in self.remedies:
            if remedy.id == remedy_id:
                return remedy
        raise UnknownIdError("remedy", remedy_id, [r.id for r in self.remedies])

    def describe(self, lang: Lang | str = Lang.ZH) -> str:
        """The failure's title in ``"zh"`` (default) or ``"en"``."""
        return self.title.get(lang)


@attrs.frozen
class RejectionImpact:
    """What a rejected transfer application does to the website.

    ``site_reachable_now``: the site keeps working (through the provider it uses now)
    as long as its MIIT filing stands; None when ``filing_cancelled`` was not given.
    ``cancellation_risk``: whether letting the rejection linger puts the filing at
    risk of cancellation, which the sources tie to having no other provider; None
    when ``has_other_provider`` was not given. ``dns_to_new_provider_allowed`` is
    False: DNS moves only after the transfer is approved. ``restorable_if_cancelled``
    is False: a cancelled number cannot be restored. ``steps`` is what to do while
    the filing stands (fix and resubmit promptly); ``related`` names the failures
    that apply once it is cancelled.
    """

    filing_cancelled: bool | None
    has_other_provider: bool | None
    site_reachable_now: bool | None
    cancellation_risk: bool | None
    dns_to_new_provider_allowed: bool
    restorable_if_cancelled: bool
    steps: tuple[Step, ...]
    related: tuple[Failure, ...]
    unknown_facts: tuple[str, ...]
    rules: tuple[NationalRule, ...]
    sources: tuple[Source, ...]
    data_version: str

    @property
    def step_ids(self) -> tuple[str, ...]:
        return tuple(step.id for step in self.steps)

    def explain(self, lang: Lang | str = Lang.ZH) -> tuple[str, ...]:
        """The rules behind the answer, in ``"zh"`` (default) or ``"en"``."""
        return tuple(rule.text.get(lang) for rule in self.rules)


# --------------------------------------------------------------------------------------
# Inputs.
# --------------------------------------------------------------------------------------


def coerce_failure(value: object, *, policy: Policy | None = None) -> Failure:
    """A Failure from a member, its string value (any case, ``-`` or space for ``_``),
    or, with *policy*, a failure's Chinese or English title or alias.

    Raises :class:`UnknownFailureError` (a ``ValueError``) with close matches.
    """
    if isinstance(value, Failure):
        return value
    valid = [f.value for f in Failure]
    if not isinstance(value, str):
        raise UnknownFailureError(value, valid)
    text = vocabulary_key(value)
    try:
        return Failure(text)
    except ValueError:
        pass
    if policy is not None:
        found = policy.failure_by_alias(value)
        if found is not None:
            return found
    raise UnknownFailureError(value, valid, difflib.get_close_matches(text, valid, n=3))


def _coerce_fact(name: str, value: object) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise InvalidArgumentError(name, value, ["True", "False", "None (not known)"])


def _coerce_cause(value: object, info: FailureInfo) -> str | None:
    if value is None:
        return None
    valid = [c.id for c in info.causes]
    if isinstance(value, str):
        text = vocabulary_key(value)
        if text in valid:
            return text
    raise InvalidArgumentError("cause", value, valid)


def _read_number(value: object, policy: Policy) -> tuple[IcpNumber | None, str | None]:
    """The parsed number, or the reason it is not one; never raises on a string."""
    from ._icp import IcpNumber, parse_icp_number  # imports the loader: not at module level

    if not isinstance(value, (str, IcpNumber)):
        raise InvalidArgumentError("icp_number", value, ["an ICP number as text", "an IcpNumber", "None"])
    try:
        return parse_icp_number(value, policy=policy), None
    except (InvalidIcpNumberError, InvalidArgumentError) as exc:
        return None, str(exc)


# --------------------------------------------------------------------------------------
# Matching and building.
# --------------------------------------------------------------------------------------


def _match(condition: Condition, facts: Mapping[str, bool]) -> bool | None:
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
        template.zh.format(subject_number=subject_number), template.en.format(subject_number=subject_number)
    )


def _remedy(
    failure: Failure,
    data: RemedyInfo,
    applies: bool | None,
    decision: TransferDecision | None,
    subject_number: str | None,
    policy: Policy,
) -> Remedy:
    wanted = dict(data.condition)
    before = decision is not None and wanted.get("province_requires_match") is True
    after = decision is not None and wanted.get("province_allows_after") is True
    rule = f"national/{data.rule.id}" if data.rule is not None else f"failure/{failure.value}/{data.id}"
    sources = merge_sources(data.sources, data.rule.sources if data.rule is not None else ())
    hint = _hint(data.number_hint, subject_number)
    note = hint.en if hint is not None else ""

    changes: frozenset[Change] = frozenset()
    basis: Basis | None = None
    blocking: tuple[ChangeVerdict, ...] = ()
    deferred: tuple[ChangeVerdict, ...] = ()
    if decision is not None and (before or after):
        blocking = tuple(v for v in decision.verdicts if v.change in decision.blocking) if before else ()
        deferred = tuple(v for v in decision.verdicts if v.change not in decision.blocking) if after else ()
        changes = frozenset(v.change for v in (*blocking, *deferred))
        basis = combine_basis(v.basis for v in (*blocking, *deferred))

    steps = []
    for step_id in data.step_ids:
        info = policy.step_info(step_id)
        if blocking and step_id == _CHANGE_FIRST:
            step = Step.from_info(
                info,
                rule=blocking[0].rule,
                sources=merge_sources(*(v.sources for v in blocking), sources),
                changes=frozenset(v.change for v in blocking),
                note=note,
            )
        elif deferred and step_id == _CHANGE_AFTER:
            national = policy.national_rule("update_after_transfer")
            deadlines = [v.deadline_working_days for v in deferred if v.deadline_working_days is not None]
            step = Step.from_info(
                info,
                rule=f"national/{national.id}",
                sources=merge_sources(national.sources, *(v.sources for v in deferred), sources),
                deadline_working_days=min(deadlines) if deadlines else None,
                changes=frozenset(v.change for v in deferred),
                note=note,
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
        changes=changes,
        basis=basis,
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


# --------------------------------------------------------------------------------------
# The public functions.
# --------------------------------------------------------------------------------------


def diagnose(
    failure: Failure | str,
    province: Province | str | None = None,
    *,
    submitted_to_administration: bool | None = None,
    subject_has_other_websites: bool | None = None,
    original_provider_reachable: bool | None = None,
    cause: str | None = None,
    icp_number: str | IcpNumber | None = None,
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
    names it.

    Raises :class:`UnknownFailureError` for an unknown failure,
    :class:`UnknownProvinceError` for an unknown province and
    :class:`InvalidArgumentError` for a fact that is not a bool or None, or a cause
    the failure does not have. An invalid ICP number is not an error: the diagnosis
    names it as the likely cause where the failure has one for it.
    """
    from ._decision import assess_transfer  # these import the loader, which imports us
    from ._loader import resolve_policy
    from ._provinces import resolve_province

    pol = resolve_policy(policy)
    kind = coerce_failure(failure, policy=pol)
    info = pol.failure_info(kind)
    prov = None if province is None else resolve_province(province, policy=pol)
    cause_id = _coerce_cause(cause, info)

    facts: dict[str, bool] = {}
    given = {name for name, value in (("province", province), ("cause", cause)) if value is not None}
    for name, value in (
        ("submitted_to_administration", submitted_to_administration),
        ("subject_has_other_websites", subject_has_other_websites),
        ("original_provider_reachable", original_provider_reachable),
    ):
        fact = _coerce_fact(name, value)
        if fact is not None:
            facts[name] = fact
            given.add(name)

    number: IcpNumber | None = None
    problem: str | None = None
    if icp_number is not None:
        given.add("icp_number")
        number, problem = _read_number(icp_number, pol)
        facts["icp_number_valid"] = number is not None
        if number is not None:
            if prov is None:
                prov = number.province
            elif number.province is not None:  # None: a licence the ministry issued
                facts["icp_number_matches_province"] = number.province.code == prov.code

    decision: TransferDecision | None = None
    if prov is not None and info.changes:
        decision = assess_transfer(prov, info.changes, policy=pol)
        facts["province_requires_match"] = bool(decision.blocking)
        facts["province_allows_after"] = bool(decision.deferred)

    likely: list[Cause] = []
    general: list[Cause] = []
    for item in info.causes:
        if cause_id is not None:
            if item.id == cause_id:
                general.append(item)
        elif not item.condition:
            general.append(item)
        elif _match(item.condition, facts) is True:
            likely.append(item)

    subject_number = number.subject_number if number is not None else None
    remedies: list[Remedy] = []
    for data in info.remedies:
        if cause_id is not None and data.causes and cause_id not in data.causes:
            continue
        applies = _match(data.condition, facts)
        if applies is False:
            continue
        remedies.append(_remedy(kind, data, applies, decision, subject_number, pol))

    unknown: set[str] = set()
    for remedy in remedies:
        if remedy.applies is None:
            for name, _ in remedy.condition:
                if name not in facts:
                    unknown.update(p for p in FACT_PARAMETERS[name] if p not in given)
    if cause_id is None and len({r.causes for r in remedies if r.causes}) > 1:
        unknown.add("cause")
    decided = bool(remedies) and not unknown and all(r.applies for r in remedies)

    causes = (*likely, *general)
    return Diagnosis(
        failure=kind,
        title=info.title,
        province=prov,
        causes=causes,
        remedies=tuple(remedies),
        steps=_plan(remedies) if decided else (),
        unknown_facts=tuple(p for p in PARAMETERS if p in unknown),
        facts=tuple(sorted(facts.items())),
        sources=merge_sources(info.sources, *(c.sources for c in causes), *(r.sources for r in remedies)),
        data_version=pol.data_version,
        cause=cause_id,
        subject_number=subject_number,
        icp_number_problem=problem,
        transfer=decision,
        related=info.related,
        note=info.note,
    )


def failure_texts(*, policy: Policy | None = None) -> dict[Failure, Text]:
    """The title of every failure (zh and en), in :class:`Failure` order."""
    from ._loader import resolve_policy

    pol = resolve_policy(policy)
    return {info.failure: info.title for info in pol.failures}


#: National rules a rejection answer rests on, in the order ``explain`` gives them.
REJECTION_RULES = (
    "rejection_keeps_site_reachable",
    "long_rejection_risks_cancellation",
    "cancelled_number_not_restorable",
    "dns_after_transfer",
)
#: What to do while the filing stands.
REJECTION_STEPS = ("fix_per_review_feedback", "submit_transfer")


def rejection_impact(
    *,
    filing_cancelled: bool | None = None,
    has_other_provider: bool | None = None,
    policy: Policy | None = None,
) -> RejectionImpact:
    """What a rejected transfer application does to the website.

    *filing_cancelled*: whether the MIIT filing has since been cancelled.
    *has_other_provider*: whether the filing is still attached to another provider
    (the original one, usually). Each is True, False or None (not known); an answer
    that depends on a fact not given is None and ``unknown_facts`` names the fact.
    """
    from ._loader import resolve_policy

    pol = resolve_policy(policy)
    cancelled = _coerce_fact("filing_cancelled", filing_cancelled)
    other = _coerce_fact("has_other_provider", has_other_provider)
    rules = tuple(pol.national_rule(rule_id) for rule_id in REJECTION_RULES)
    risk = rules[1]
    steps: tuple[Step, ...] = ()
    if cancelled is not True:
        steps = tuple(
            Step.from_info(pol.step_info(step_id), rule=f"national/{risk.id}", sources=risk.sources)
            for step_id in REJECTION_STEPS
        )
    related = () if cancelled is False else (Failure.SUBJECT_CANCELLED, Failure.WEBSITE_CANCELLED)
    unknown = tuple(
        name
        for name, value in (("filing_cancelled", cancelled), ("has_other_provider", other))
        if value is None
    )
    return RejectionImpact(
        filing_cancelled=cancelled,
        has_other_provider=other,
        site_reachable_now=None if cancelled is None else not cancelled,
        cancellation_risk=None if other is None else not other,
        dns_to_new_provider_allowed=False,
        restorable_if_cancelled=False,
        steps=steps,
        related=related,
        unknown_facts=unknown,
        rules=rules,
        sources=merge_sources(*(rule.sources for rule in rules)),
        data_version=pol.data_version,
    )

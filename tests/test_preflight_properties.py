"""Invariants of preflight over drawn applications: a missing fact never passes the
rule that needs it, and adding a blocking defect never leaves a result ok."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import beian_policy as bp
from beian_policy.model import (
    Application,
    CheckKind,
    Domain,
    FindingId,
    Registrant,
    Severity,
    Trigger,
    Website,
)
from beian_policy.strategies import applications, provinces

AS_OF = dt.date.today()

#: A domain fact, and the finding whose rule needs it.
DOMAIN_FACTS: dict[str, FindingId] = {
    "name": FindingId.DOMAIN_TLD_NOT_FILEABLE,
    "expires_on": FindingId.DOMAIN_EXPIRES_TOO_SOON,
    "real_name_verified_on": FindingId.DOMAIN_REAL_NAME_TOO_RECENT,
    "registrant": FindingId.DOMAIN_REGISTRANT_MISMATCH,
    "registrar_domestic": FindingId.DOMAIN_REGISTRAR_OVERSEAS,
}


def _with_domain(app: Application, domain: Domain) -> Application:
    """*app* with *domain* as the first domain of its first website (one made if none)."""
    websites = list(app.websites) or [Website()]
    first = websites[0]
    websites[0] = attrs.evolve(first, domains=(domain, *first.domains[1:]))
    return attrs.evolve(app, websites=tuple(websites))


@settings(max_examples=60, deadline=None)
@given(provinces(), applications(), st.sampled_from(sorted(DOMAIN_FACTS)))
def test_a_missing_domain_fact_is_never_a_pass(province: bp.Province, app: Application, fact: str) -> None:
    domain = app.websites[0].domains[0] if app.websites and app.websites[0].domains else Domain()
    app = _with_domain(app, attrs.evolve(domain, **{fact: None}))
    result = bp.preflight(province, app, as_of=AS_OF)
    field = f"websites[0].domains[0].{fact}"
    assert any(
        f.id is DOMAIN_FACTS[fact] and f.severity is Severity.CHECK and f.field == field
        for f in result.findings
    )


@settings(max_examples=40, deadline=None)
@given(provinces(), applications())
def test_a_missing_certificate_number_is_never_a_pass(province: bp.Province, app: Application) -> None:
    result = bp.preflight(province, attrs.evolve(app, certificate_number=None), as_of=AS_OF)
    assert FindingId.CERTIFICATE_NUMBER_INVALID in {
        f.id for f in result.findings if f.severity is Severity.CHECK
    }


@settings(max_examples=40, deadline=None)
@given(provinces(), applications())
def test_unknown_letters_are_checks_where_a_province_asks_for_letters(
    province: bp.Province, app: Application
) -> None:
    rules = bp.default_policy().rules_for(province)
    kind = app.subject_kind
    # Letters a province always asks for (a letter that only a domain held by the legal
    # representative needs, such as 重庆's authorisation, depends on that fact).
    letters = [
        c.document
        for c in rules.checks
        if c.kind is CheckKind.DOCUMENT and c.document and kind in (None, *c.applies_to)
    ]
    # Letters every transfer needs, and those a change or several resources may need
    # (unknown in this application): 北京's rename letter, 河北's usage statement.
    triggers = {Trigger.ALWAYS, Trigger.CHANGES, Trigger.MULTIPLE_CLOUD_RESOURCES}
    # A requirement stated for one subject kind only asks nothing of the other.
    reaches = [q for q in rules.requirements if kind in (None, *q.applies_to)]
    letters += [q.id for q in reaches if q.trigger in triggers and (q.step or "").startswith("prepare_")]
    letters += [q.id for q in reaches if q.trigger is Trigger.ALWAYS and (q.step or "").startswith("obtain_")]
    # An owner's letter of authorisation is needed unless that owner is known to be the
    # legal representative.
    owners = {
        CheckKind.SUBJECT_OWNER_AUTHORISATION: app.subject_owner,
        CheckKind.WEBSITE_OWNER_AUTHORISATION: app.website_owner,
    }
    letters += [
        c.document
        for c in rules.checks
        if c.kind in owners
        and kind in (None, *c.applies_to)
        and getattr(owners[c.kind], "is_legal_representative", None) is not True
    ]
    # A letter a domain held by the legal representative needs (重庆), once one is.
    held = any(d.registrant is Registrant.LEGAL_REPRESENTATIVE for w in app.websites for d in w.domains)
    letters += [
        c.document
        for c in rules.checks
        if c.kind is CheckKind.REGISTRANT_LEGAL_REPRESENTATIVE_ACCEPTED
        and c.document
        and held
        and kind is not bp.SubjectKind.INDIVIDUAL
    ]
    # A letter that many domains need (四川, 河南), once the application has that many.
    domains = sum(len(w.domains) for w in app.websites)
    letters += [
        c.document
        for c in rules.checks
        if c.kind is CheckKind.DOMAINS_NEED_DOCUMENT
        and kind in (None, *c.applies_to)
        and domains > (c.value or 0)
    ]
    app = attrs.evolve(app, documents_ready=None, changes=None, multiple_cloud_resources=None)
    result = bp.preflight(province, app, as_of=AS_OF)
    missing = [f for f in result.findings if f.id is FindingId.DOCUMENT_MISSING]
    assert bool(missing) == bool(letters)
    assert all(f.severity is Severity.CHECK for f in missing)


def _overseas(app: Application) -> Application:
    return _with_domain(app, Domain(name="example.com", registrar_domestic=False))


def _unfileable(app: Application) -> Application:
    return _with_domain(app, Domain(name="example.io"))


def _no_pre_approval(app: Application) -> Application:
    return attrs.evolve(
        app, websites=(*app.websites, Website(pre_approval_needed=True, pre_approval_held=False))
    )


def _bad_certificate(app: Application) -> Application:
    return attrs.evolve(app, certificate_type=None, certificate_number="91110000600037341X")


DEFECTS: dict[str, Callable[[Application], Application]] = {
    "overseas": _overseas,
    "unfileable": _unfileable,
    "no_pre_approval": _no_pre_approval,
    "bad_certificate": _bad_certificate,
}


#: Defects that add to the application rather than replace a part of it.
ADDITIVE = frozenset({"no_pre_approval", "bad_certificate"})


@settings(max_examples=80, deadline=None)
@given(provinces(), applications(), st.sampled_from(sorted(DEFECTS)))
def test_a_blocking_defect_never_leaves_the_result_ok(
    province: bp.Province, app: Application, defect: str
) -> None:
    before = bp.preflight(province, app, as_of=AS_OF)
    after = bp.preflight(province, DEFECTS[defect](app), as_of=AS_OF)
    assert not after.ok
    if defect in ADDITIVE:  # nothing replaced: every blocking finding is still there
        assert {(f.id, f.field) for f in before.blocking} <= {(f.id, f.field) for f in after.blocking}


@settings(max_examples=20, deadline=None)
@given(st.from_type(Application))
def test_findings_come_most_serious_first_and_name_their_field(app: Application) -> None:
    # Drawn through st.from_type, which the package registers.
    result = bp.preflight("北京", app, as_of=AS_OF)
    order = list(Severity)
    ranks = [order.index(f.severity) for f in result.findings]
    assert ranks == sorted(ranks)
    assert all(f.field for f in result.findings)

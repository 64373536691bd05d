"""Invariants of the combination rule over dates and provider views (Hypothesis)."""

from __future__ import annotations

import copy
import datetime as dt
from functools import cache

from hypothesis import given
from hypothesis import strategies as st

import beian_policy as bp
from beian_policy._data._loader import parse_document
from beian_policy._data._writer import dumps_document
from beian_policy.strategies import as_of_dates, change_sets, changes, provider_views, provinces

KINDS = st.sampled_from([None, bp.SubjectKind.ORGANISATION, bp.SubjectKind.INDIVIDUAL])
FIRST_DAY = dt.date(2015, 1, 1)


@given(provinces(), changes(), KINDS, as_of_dates(), provider_views())
def test_a_provider_view_has_no_dissent_from_other_providers(
    province: bp.Province,
    change: bp.Change,
    kind: bp.SubjectKind | None,
    day: dt.date | None,
    view: str | None,
) -> None:
    (verdict,) = bp.assess_transfer(
        province, [change], subject_kind=kind, as_of=day, according_to=view
    ).verdicts
    if view is not None:
        assert {s.provider for s in verdict.dissent} <= {view}
        assert verdict.provider in (None, view)


@given(provinces(), changes(), KINDS, as_of_dates(), provider_views())
def test_restricting_to_one_provider_never_makes_an_answer_disputed(
    province: bp.Province,
    change: bp.Change,
    kind: bp.SubjectKind | None,
    day: dt.date | None,
    view: str | None,
) -> None:
    (combined,) = bp.assess_transfer(province, [change], subject_kind=kind, as_of=day).verdicts
    (own,) = bp.assess_transfer(province, [change], subject_kind=kind, as_of=day, according_to=view).verdicts
    if not combined.disputed:
        assert not own.disputed


@given(provinces(), change_sets(), changes(), KINDS, as_of_dates(), provider_views())
def test_adding_a_change_never_makes_a_transfer_more_direct(
    province: bp.Province,
    before: frozenset[bp.Change],
    extra: bp.Change,
    kind: bp.SubjectKind | None,
    day: dt.date | None,
    view: str | None,
) -> None:
    small = bp.assess_transfer(province, before, subject_kind=kind, as_of=day, according_to=view)
    large = bp.assess_transfer(province, before | {extra}, subject_kind=kind, as_of=day, according_to=view)
    if not small.direct:
        assert not large.direct
    assert small.blocking_changes <= large.blocking_changes


@cache
def _everything_dated_from_2015() -> bp.Policy:
    """The shipped data with every source dated 2015-01-01 or later (a day per source),
    so that no statement is in effect before 2015."""
    document = copy.deepcopy(parse_document(bp.default_data_text(), "<shipped>"))
    for index, source in enumerate(document["sources"]):
        for key in ("published", "not_before", "seen", "until", "superseded_by"):
            source.pop(key, None)
        source["published"] = FIRST_DAY + dt.timedelta(days=index)
    for province in document["provinces"]:  # the examples describe today's answers
        province["examples"] = [
            {
                "changes": [],
                "direct": True,
                "note": {"zh": "没有变更：直接接入。", "en": "No change: direct."},
            }
        ]
    return bp.loads_policy(dumps_document(document))


@given(
    provinces(),
    changes(),
    KINDS,
    st.dates(dt.date(2000, 1, 1), FIRST_DAY - dt.timedelta(days=1)),
    provider_views(),
)
def test_a_date_before_any_statement_gives_the_default(
    province: bp.Province, change: bp.Change, kind: bp.SubjectKind | None, day: dt.date, view: str | None
) -> None:
    policy = _everything_dated_from_2015()
    (verdict,) = bp.assess_transfer(
        province.code, [change], subject_kind=kind, as_of=day, according_to=view, policy=policy
    ).verdicts
    assert verdict.timing is bp.Timing.BEFORE
    assert verdict.basis in (bp.Basis.NATIONAL_DEFAULT, bp.Basis.NATIONAL_RULE)
    assert verdict.dissent == ()
    assert verdict.provider is None

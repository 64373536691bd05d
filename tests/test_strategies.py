"""The Hypothesis strategies users get: every value they draw is accepted by the
library, bad arguments raise InvalidArgument, and ``st.from_type`` works through the
entry point without setup and without loading data early."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys

import attrs
import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import beian_policy as bp
import beian_policy.strategies as bst
from beian_policy._data import _loader
from beian_policy._diagnosis import Diagnosis, Failure, diagnose
from beian_policy._hypothesis_hook import _hypothesis_setup_hook
from beian_policy._icp import IcpNumber, parse_icp_number

DEFAULT = bp.default_policy()


def raises_invalid_argument(strategy: st.SearchStrategy[object]) -> None:
    @given(strategy)
    def draw(_: object) -> None:
        pass  # pragma: no cover - never reached

    with pytest.raises(InvalidArgument):
        draw()


# -- each strategy's values are accepted ----------------------------------------------------


@given(bst.provinces())
def test_provinces_are_the_policy_provinces(province: bp.Province) -> None:
    assert province in DEFAULT.provinces
    assert bp.resolve_province(province.code) == province


@given(st.data())
def test_province_texts_resolve_to_their_province(data: st.DataObject) -> None:
    province = data.draw(bst.provinces())
    text = data.draw(bst.province_texts(provinces=st.just(province)))
    assert bp.resolve_province(text) == province
    assert bp.get_province(text) == province


@given(bst.province_texts())
def test_province_texts_resolve(text: str) -> None:
    assert bp.resolve_province(text) in DEFAULT.provinces


@given(bst.change_sets(min_size=1, max_size=3))
def test_change_sets_respect_their_bounds(changes: frozenset[bp.Change]) -> None:
    assert 1 <= len(changes) <= 3
    assert bp.assess_transfer("广东", changes).changes == changes


@given(bst.change_sets(elements=st.sampled_from([bp.Change.SUBJECT_NAME, bp.Change.WEBSITE_NAME])))
def test_change_sets_draw_from_their_elements(changes: frozenset[bp.Change]) -> None:
    assert changes <= {bp.Change.SUBJECT_NAME, bp.Change.WEBSITE_NAME}


@given(bst.transfer_cases())
def test_transfer_cases_plan(case: bst.TransferCase) -> None:
    plan = bp.plan_transfer(case.province, case.changes, subject_kind=case.subject_kind, facts=case.facts)
    assert plan.decision.province == case.province
    assert plan.decision.changes == case.changes
    assert plan.decision.subject_kind is case.subject_kind
    assert plan.facts == case.facts
    # National rules, read off the data: these facts always add their step.
    # A domain held by the legal representative: changed only for an individual, or where
    # the province wants the organisation itself (Tencent's 企业 tabs: 福建, 湖南, 西藏, 青海,
    # 宁夏 "域名所有者须与主办单位名称一致"; 吉林 "域名所有者需为单位全称").
    subject_only = {"CN-FJ", "CN-HN", "CN-JL", "CN-XZ", "CN-QH", "CN-NX"}
    refused = case.subject_kind is bp.SubjectKind.INDIVIDUAL or case.province.code in subject_only
    owner_step = not case.facts.domain_owner_matches_subject or (
        case.facts.domain_held_by_legal_representative and refused
    )
    assert ("change_domain_owner" in plan.step_ids) is owner_step
    assert ("obtain_preapproval" in plan.step_ids) is case.facts.regulated_industry
    assert ("verify_sms" in plan.step_ids) is True


@given(bst.transfer_cases(subject_kinds=st.just(bp.SubjectKind.INDIVIDUAL), change_sets=st.just(frozenset())))
def test_transfer_cases_take_strategies(case: bst.TransferCase) -> None:
    assert case.subject_kind is bp.SubjectKind.INDIVIDUAL
    assert case.changes == frozenset()
    assert case.assess().direct


@given(bst.icp_numbers(messy=True))
def test_messy_icp_numbers_parse(text: str) -> None:
    number = parse_icp_number(text)
    if number.province is None:  # a licence the ministry issued (issue 12)
        assert number.authority is bp.model.IcpAuthority.MINISTRY
    else:
        assert bp.resolve_province(number.province.code) == number.province


@given(bst.failures(), st.none() | bst.provinces())
def test_failures_diagnose(failure: Failure, province: bp.Province | None) -> None:
    diagnosis = diagnose(failure, province)
    assert diagnosis.failure is failure
    offered = {remedy.id for remedy in bp.default_policy().failure_info(failure).remedies}
    assert {remedy.id for remedy in diagnosis.remedies} <= offered
    assert len({remedy.id for remedy in diagnosis.remedies}) == len(diagnosis.remedies)
    if province is not None:
        assert "province" not in diagnosis.unknown_facts


@settings(max_examples=15)
@given(bst.policy_documents())
def test_policy_documents_load(text: str) -> None:
    policy = bp.loads_policy(text)
    assert len(policy.provinces) == 31
    assert [p.code for p in policy.provinces] == [p.code for p in DEFAULT.provinces]


def test_policy_documents_vary_what_matters() -> None:
    """The edits reach decisions, versions and aliases, not only whitespace."""

    def decisions(text: str) -> tuple[bool, ...]:
        policy = bp.loads_policy(text)
        return tuple(bp.can_transfer_directly(p, ["subject_name"], policy=policy) for p in policy.provinces)

    base = decisions(_loader.default_data_text())
    seen = {"decision": False, "version": False, "alias": False}

    @settings(max_examples=40, database=None, derandomize=True)
    @given(bst.policy_documents())
    def look(text: str) -> None:
        policy = bp.loads_policy(text)
        seen["version"] |= policy.data_version != DEFAULT.data_version
        seen["alias"] |= any(a.startswith("zz") for p in policy.provinces for a in p.aliases)
        seen["decision"] |= decisions(text) != base

    look()
    assert seen == {"decision": True, "version": True, "alias": True}


class Document:
    """A drawn document with a short repr (Hypothesis warns about 160 kB ones)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"<document of {len(self.text)} characters>"


def test_policy_documents_shrink_to_the_shipped_data() -> None:
    simplest = find(bst.policy_documents().map(Document), lambda doc: True, settings=settings(database=None))
    assert attrs.evolve(bp.loads_policy(simplest.text), origin=DEFAULT.origin) == DEFAULT


def test_policy_documents_read_the_parsed_data_not_its_lines(
    monkeypatch: pytest.MonkeyPatch, data_text: str
) -> None:
    """Laid out differently (no spaces around ``=``), the same data offers the same edits."""
    squeezed = data_text.replace('timing = "', 'timing="')
    assert bp.loads_policy(squeezed).rules == DEFAULT.rules
    monkeypatch.setattr(bst, "default_data_text", lambda: squeezed)
    bst._sites.cache_clear()
    try:
        stated = [
            (i, j)
            for i, rules in enumerate(DEFAULT.rules)
            for j, statement in enumerate(rules.statements)
            if statement.timing is not bp.Timing.WITH_TRANSFER
        ]
        assert list(bst._sites().timings) == stated
    finally:
        bst._sites.cache_clear()


# -- bad arguments ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "strategy",
    [
        bst.change_sets(min_size=-1),
        bst.change_sets(min_size=11),
        bst.change_sets(min_size=3, max_size=2),
        bst.change_sets(elements=st.just("subject_name")),  # type: ignore[arg-type]
        bst.change_sets(elements=[bp.Change.SUBJECT_NAME]),  # type: ignore[arg-type]
        bst.provinces(policy="CN-BJ"),  # type: ignore[arg-type]
        bst.province_texts(provinces=st.just("CN-BJ")),  # type: ignore[arg-type]
        bst.transfer_cases(provinces=["CN-BJ"]),  # type: ignore[arg-type]
        bst.transfer_cases(subject_kinds=st.just("robot")),  # type: ignore[arg-type]
        bst.icp_numbers(messy="yes"),  # type: ignore[arg-type]
    ],
)
def test_bad_arguments_raise_invalid_argument(strategy: st.SearchStrategy[object]) -> None:
    raises_invalid_argument(strategy)


# -- registration through the entry point -------------------------------------------------------


def test_entry_point_is_declared_and_loads() -> None:
    (entry,) = [
        e for e in importlib.metadata.entry_points(group="hypothesis") if e.value.startswith("beian_policy")
    ]
    assert entry.value == "beian_policy._hypothesis_hook:_hypothesis_setup_hook"
    assert entry.load() is _hypothesis_setup_hook


def test_the_hook_loads_no_data_until_the_first_draw(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_loader, "_default", None)
    _hypothesis_setup_hook()
    strategy = st.from_type(bp.Province)
    assert _loader._default is None

    drawn: list[bp.Province] = []

    @settings(max_examples=3, database=None)
    @given(strategy)
    def draw(province: bp.Province) -> None:
        drawn.append(province)

    draw()
    assert _loader._default is not None
    assert drawn
    assert all(p in _loader._default.provinces for p in drawn)


def test_importing_strategies_without_hypothesis_says_so() -> None:
    code = (
        "import sys\n"
        "for name in ('hypothesis', 'hypothesis.strategies', 'hypothesis.errors'):\n"
        "    sys.modules[name] = None\n"
        "try:\n"
        "    import beian_policy.strategies\n"
        "except ImportError as exc:\n"
        "    print(exc)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "beian-policy[hypothesis]" in result.stdout


# -- a downstream project's test: only st.from_type, no setup --------------------------------------


@given(st.from_type(bp.Province), st.from_type(bp.Change), st.from_type(bp.SubjectKind))
def test_downstream_from_type(province: bp.Province, change: bp.Change, kind: bp.SubjectKind) -> None:
    decision = bp.assess_transfer(province, [change], subject_kind=kind)
    assert decision.province == province
    assert decision.changes == {change}
    assert decision.direct is (change not in decision.blocking_changes)


@given(
    st.from_type(IcpNumber),
    st.from_type(Failure),
    st.from_type(bp.TransferDecision),
    st.from_type(bp.model.Step),
    st.from_type(Diagnosis),
)
def test_downstream_from_type_for_the_other_value_types(
    number: IcpNumber,
    failure: Failure,
    decision: bp.TransferDecision,
    step: bp.model.Step,
    diagnosis: Diagnosis,
) -> None:
    assert parse_icp_number(str(number)) == number
    assert diagnose(failure).failure is failure
    assert decision.direct is all(
        bp.can_transfer_directly(decision.province, change, subject_kind=decision.subject_kind)
        for change in decision.changes
    )
    assert step.title.get("zh") != step.title.get("en")
    assert diagnosis.failure in Failure


@settings(max_examples=5)
@given(st.from_type(bp.Policy), st.from_type(bst.TransferCase))
def test_downstream_from_type_policy(policy: bp.Policy, case: bst.TransferCase) -> None:
    assert case.assess(policy=policy).data_version == policy.data_version


def test_strategies_import_first_in_a_fresh_interpreter() -> None:
    """Importing the strategies before Hypothesis runs the entry-point hook while the
    module is half-imported; the hook must not touch it until the first draw."""
    import subprocess
    import sys

    code = (
        "import beian_policy.strategies as s\n"
        "from hypothesis import given, settings, strategies as st\n"
        "import beian_policy as bp\n"
        "@settings(max_examples=5, database=None)\n"
        "@given(st.from_type(bp.Province), st.from_type(s.TransferCase))\n"
        "def t(p, case):\n"
        "    assert bp.resolve_province(p) == p\n"
        "    assert case.assess().province == case.province\n"
        "t()\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"

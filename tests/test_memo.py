"""Memoised answers: the same answer as computing it, each policy its own answers,
errors never kept, safe across threads, and keyed by every argument a function takes.

Nothing here times anything: the cache is seen at work through identity (``is``) and
the count of answers computed.
"""

from __future__ import annotations

import gc
import re
import threading
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import beian_policy as bp
from beian_policy import _memo
from beian_policy._cases import TransferCase
from beian_policy._data._loader import default_data_text
from beian_policy._memo import answers_kept, memoised
from beian_policy.errors import ArgumentTypeError, UnknownChangeError
from beian_policy.strategies import province_texts, transfer_cases


def uncached(function: Callable[..., Any]) -> Callable[..., Any]:
    wrapped: Callable[..., Any] = function.__wrapped__  # type: ignore[attr-defined]
    return wrapped


def outcome(function: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[str, Any]:
    try:
        return ("answer", function(*args, **kwargs))
    except bp.BeianPolicyError as exc:
        return ("error", (type(exc), str(exc)))


# -- the same answer as computing it ----------------------------------------------------


@given(transfer_cases())
def test_a_kept_plan_is_the_plan_computed_afresh(case: TransferCase) -> None:
    args = (case.province, sorted(case.changes))
    kwargs = {"subject_kind": case.subject_kind, "facts": case.facts}
    first = bp.plan_transfer(*args, **kwargs)
    assert first == uncached(bp.plan_transfer)(*args, **kwargs)
    assert bp.plan_transfer(*args, **kwargs) is first
    assert bp.assess_transfer(*args, subject_kind=case.subject_kind) == first.decision
    assert bp.can_transfer_directly(*args, subject_kind=case.subject_kind) is first.decision.direct
    assert bp.required_steps(*args, **kwargs) == first.steps


@given(st.one_of(province_texts(), st.text(max_size=12)))
def test_a_kept_province_or_error_is_the_one_computed_afresh(text: str) -> None:
    expected = outcome(uncached(bp.resolve_province), text)
    assert outcome(bp.resolve_province, text) == expected
    assert outcome(bp.resolve_province, text) == expected  # the second call, from the cache or not


@given(
    st.sampled_from(["京ICP备10046444号-9", " 京ＩＣＰ备１００４６４４４号－９ ", "粤B2-20090059"])
    | st.text()
)
def test_a_kept_icp_number_or_error_is_the_one_computed_afresh(text: str) -> None:
    expected = outcome(uncached(bp.parse_icp_number), text)
    got = outcome(bp.parse_icp_number, text)
    assert got[0] == expected[0]
    if got[0] == "answer":
        assert got[1].canonical == expected[1].canonical
    else:
        assert got == expected


def test_a_second_call_is_answered_from_the_cache() -> None:
    first = bp.required_steps("北京", ["website_name"])
    kept, computed = answers_kept(bp.required_steps)
    assert bp.required_steps("北京", ["website_name"]) is first
    assert answers_kept(bp.required_steps) == (kept, computed)
    assert bp.resolve_province("Guangdong") is bp.resolve_province("Guangdong")


def test_a_list_changed_after_a_call_gets_the_answer_for_what_it_holds_now() -> None:
    # Nothing changed: a transfer only adds a provider (national rule); a new phone
    # number always comes first, since the SMS check goes to the number on file.
    changes: list[str] = []
    assert bp.can_transfer_directly("北京", changes) is True
    changes.append("website_owner_phone")
    assert bp.can_transfer_directly("北京", changes) is False


def test_values_equal_across_types_never_share_an_answer() -> None:
    assert bp.plan_transfer("北京", facts={"regulated_industry": True}).facts.regulated_industry is True
    with pytest.raises(ArgumentTypeError):
        bp.plan_transfer("北京", facts={"regulated_industry": 1})  # 1 == True, but not a flag


def test_calls_without_a_cheap_key_are_computed_each_time() -> None:
    before = answers_kept(bp.can_transfer_directly)
    phone = "website_owner_phone"
    assert bp.can_transfer_directly("北京", (c for c in [phone])) is False  # a generator
    assert bp.can_transfer_directly("北京", [phone] * 100) is False  # a long list
    assert answers_kept(bp.can_transfer_directly) == before


# -- errors ----------------------------------------------------------------------------------


def test_an_error_is_raised_again_and_never_kept() -> None:
    before = answers_kept(bp.can_transfer_directly)
    for _ in range(2):
        with pytest.raises(UnknownChangeError, match="no_such_change"):
            bp.can_transfer_directly("北京", ["no_such_change"])
    assert answers_kept(bp.can_transfer_directly) == before
    with pytest.raises(ArgumentTypeError, match="policy"):
        bp.can_transfer_directly("北京", policy="not a policy")  # type: ignore[arg-type]


# -- each policy its own answers --------------------------------------------------------------


def custom_policy(version: str) -> bp.Policy:
    text = re.sub(
        r'^data_version = "[^"]*"', f'data_version = "{version}"', default_data_text(), count=1, flags=re.M
    )
    return bp.loads_policy(text)


def test_a_custom_policy_never_gets_the_default_policys_answer() -> None:
    shipped = bp.assess_transfer("北京", ["subject_name"])
    custom = custom_policy("2026.12.02.99")
    mine = bp.assess_transfer("北京", ["subject_name"], policy=custom)
    assert mine.data_version == "2026.12.02.99"
    assert shipped.data_version != "2026.12.02.99"
    assert mine.province is custom.province_by_code("CN-BJ")
    assert shipped.province is bp.default_policy().province_by_code("CN-BJ")
    assert bp.resolve_province("京", policy=custom) is custom.province_by_code("CN-BJ")
    assert bp.assess_transfer("北京", ["subject_name"]) is shipped


def test_a_collected_policy_leaves_no_answers_behind() -> None:
    custom = custom_policy("2026.12.02.98")
    bp.can_transfer_directly("北京", policy=custom)
    memo = _memo._functions[bp.can_transfer_directly.__memo_key__]  # type: ignore[attr-defined]
    key = id(custom)
    assert key in memo.by_policy
    del custom
    gc.collect()
    assert key not in memo.by_policy


# -- threads -------------------------------------------------------------------------------


def test_threads_share_one_answer_per_question() -> None:
    questions = [("北京", ("subject_name",)), ("辽宁", ("website_name",)), ("广东", ())]
    results: list[list[object]] = []
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def ask() -> None:
        try:
            start.wait()
            mine = [bp.assess_transfer(p, list(c)) for _ in range(200) for p, c in questions]
            results.append(mine)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    expected = [uncached(bp.assess_transfer)(p, list(c)) for p, c in questions]
    for mine in results:
        for index, answer in enumerate(mine):
            assert answer is bp.assess_transfer(*questions[index % 3][:1], list(questions[index % 3][1]))
            assert answer == expected[index % 3]


# -- the decorator, on any function --------------------------------------------------------


@pytest.fixture
def counted() -> tuple[Callable[..., tuple[object, ...]], list[object]]:
    calls: list[object] = []

    def question(
        value: object,
        *,
        as_of: object = None,
        according_to: str | None = None,
        policy: bp.Policy | None = None,
    ) -> tuple[object, ...]:
        calls.append(value)
        return (value, as_of, according_to, policy)

    question.__qualname__ = f"question_{len(_memo._functions)}"
    return memoised(question), calls


def test_every_keyword_a_function_takes_is_part_of_the_key(
    counted: tuple[Callable[..., tuple[object, ...]], list[object]],
) -> None:
    import datetime as dt

    question, calls = counted
    day, other_day = dt.date(2026, 12, 1), dt.date(2026, 12, 2)
    assert question("x", as_of=day) == ("x", day, None, None)
    assert question("x", as_of=other_day) == ("x", other_day, None, None)
    assert question("x", as_of=day, according_to="tencent") == ("x", day, "tencent", None)
    assert question("x", as_of=day, according_to="aliyun") == ("x", day, "aliyun", None)
    assert len(calls) == 4
    assert question("x", as_of=day, according_to="tencent") == ("x", day, "tencent", None)
    assert len(calls) == 4


def test_the_cache_is_bounded_and_keeps_the_recent_answers(
    counted: tuple[Callable[..., tuple[object, ...]], list[object]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_memo, "MAX_ANSWERS", 10)
    question, calls = counted
    for number in range(100):
        question(number)
        question(0)  # used all along: never dropped
    kept, computed = answers_kept(question)
    assert kept <= 10
    assert computed == 100
    question(0)
    question(99)
    assert len(calls) == 100

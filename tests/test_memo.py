"""Memoised answers: the same answer as computing it, each policy its own answers,
errors never kept, safe across threads, and keyed by every argument a function takes.

Nothing here times anything: the cache is seen at work through identity (``is``) and
the count of answers computed.
"""

from __future__ import annotations

import enum
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
from beian_policy._icp import IcpAuthority
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


# -- the fast keys: lists of texts or enum members, a province and its changes ---------------


@pytest.fixture
def counted_pair() -> tuple[Callable[..., tuple[object, ...]], list[object]]:
    calls: list[object] = []

    def question(
        first: object, second: object = (), *, policy: bp.Policy | None = None
    ) -> tuple[object, ...]:
        calls.append((first, second))
        return (first, second)

    question.__qualname__ = f"question_pair_{len(_memo._functions)}"
    return memoised(question), calls


def test_a_member_and_its_text_never_share_an_answer_in_a_list(
    counted: tuple[Callable[..., tuple[object, ...]], list[object]],
    counted_pair: tuple[Callable[..., tuple[object, ...]], list[object]],
) -> None:
    name = bp.Change.SUBJECT_NAME
    assert name == "subject_name"  # equal, and equal in hash: the key must still tell them apart
    one, _ = counted
    two, calls = counted_pair
    # Basis.PROVINCE and IcpAuthority.PROVINCE: two own enums, one text, one hash.
    basis, authority = bp.Basis.PROVINCE, IcpAuthority.PROVINCE
    for question, args, at in ((one, (), 0), (two, ("北京",), 1)):
        assert type(question(*args, [name])[at][0]) is bp.Change  # type: ignore[index]
        assert type(question(*args, ["subject_name"])[at][0]) is str  # type: ignore[index]
        assert type(question(*args, (name,))[at]) is tuple
        assert type(question(*args, ["subject_name", name])[at][1]) is bp.Change  # type: ignore[index]
        assert type(question(*args, [name, "subject_name"])[at][1]) is str  # type: ignore[index]
        assert type(question(*args, [basis])[at][0]) is bp.Basis  # type: ignore[index]
        assert type(question(*args, [authority])[at][0]) is IcpAuthority  # type: ignore[index]
        assert type(question(*args, ["province"])[at][0]) is str  # type: ignore[index]
    assert two("北京", [name]) is two("北京", [name])
    assert two(bp.resolve_province("北京"), [name])[0] is bp.resolve_province("北京")
    before = len(calls)
    assert two(bp.resolve_province("北京"), [name]) == (bp.resolve_province("北京"), [name])
    assert len(calls) == before  # kept


def test_a_member_stands_for_itself_only_among_members_of_its_own_enum(
    counted_pair: tuple[Callable[..., tuple[object, ...]], list[object]],
) -> None:
    class Foreign(str, enum.Enum):  # not the package's: hashing it may be anyone's code
        SUBJECT_NAME = "subject_name"

    question, calls = counted_pair
    assert question("北京", [Foreign.SUBJECT_NAME])[1] == [Foreign.SUBJECT_NAME]
    assert question("北京", [Foreign.SUBJECT_NAME])[1] == [Foreign.SUBJECT_NAME]
    assert len(calls) == 2  # no cheap key: computed each time
    assert type(question("北京", [bp.Change.SUBJECT_NAME])[1][0]) is bp.Change  # type: ignore[index]


def test_an_exact_name_resolves_as_the_folded_look_up_does() -> None:
    policy = bp.default_policy()
    computed = uncached(bp.resolve_province)
    for province in policy.provinces:
        for text in (province.name, province.short_name, province.name_en, province.code, province.gb_code):
            assert bp.resolve_province(text) is computed(text, policy=policy)
            assert bp.resolve_province(text.lower()) is computed(text.lower(), policy=policy)


def test_an_exact_name_for_a_custom_policy_is_that_policys_province() -> None:
    custom = custom_policy("2026.12.02.97")
    bp.resolve_province("Guangdong")  # the shipped policy's, kept first
    mine = bp.resolve_province("Guangdong", policy=custom)
    assert mine is custom.province_by_code("CN-GD")
    assert mine is not bp.resolve_province("Guangdong")


def test_a_text_subclass_is_not_taken_for_its_text() -> None:
    class Name(str):
        __slots__ = ()

    assert bp.resolve_province(Name("Guangdong")).code == "CN-GD"
    with pytest.raises(bp.UnknownProvinceError):
        bp.resolve_province(Name("Atlantis"))


def test_a_new_shipped_policy_gets_its_own_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    from beian_policy._data import _loader

    shipped = bp.assess_transfer("北京", ["subject_name"])
    assert bp.assess_transfer("北京", ["subject_name"]) is shipped  # the shipped policy's answers, kept
    replacement = custom_policy("2026.12.02.96")
    monkeypatch.setattr(_loader, "_default", replacement)
    mine = bp.assess_transfer("北京", ["subject_name"])
    assert mine.data_version == "2026.12.02.96"
    assert mine.province is replacement.province_by_code("CN-BJ")
    assert bp.resolve_province("Beijing") is replacement.province_by_code("CN-BJ")
    monkeypatch.undo()
    assert bp.assess_transfer("北京", ["subject_name"]) is shipped
    assert bp.resolve_province("Beijing") is bp.default_policy().province_by_code("CN-BJ")


def test_a_province_argument_never_shares_a_key_with_other_arguments(
    counted_pair: tuple[Callable[..., tuple[object, ...]], list[object]],
) -> None:
    question, calls = counted_pair
    beijing = bp.resolve_province("北京")
    assert question(beijing, ["x"]) == (beijing, ["x"])
    assert question("CN-BJ", ["x"]) == ("CN-BJ", ["x"])  # the code as text: another argument
    assert question(bp.Province, "CN-BJ") == (bp.Province, "CN-BJ")  # a class: never kept
    assert question(bp.Province, "CN-BJ") == (bp.Province, "CN-BJ")
    assert len(calls) == 4

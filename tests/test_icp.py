"""ICP numbers: families, display variants, look-alikes, strictness, properties.

Expected values are written out by hand from the reference notes (real MIIT records
and footers), never computed by the code under test.
"""

from __future__ import annotations

import pickle
import subprocess
import sys

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from beian_policy._data._loader import default_policy
from beian_policy._icp import (
    IcpKind,
    IcpNumber,
    IcpService,
    find_icp_numbers,
    format_icp_number,
    is_valid_icp_number,
    parse_icp_number,
)
from beian_policy._icp_strategy import _icp_number_values, _messy_renderings, icp_numbers
from beian_policy._model import Province
from beian_policy.errors import (
    ArgumentTypeError,
    BeianPolicyError,
    InvalidArgumentError,
    InvalidIcpNumberError,
    UnknownNameError,
)

FILING, LICENCE, B2 = IcpKind.FILING, IcpKind.LICENCE, IcpKind.B2
APP, MINI = IcpService.APP, IcpService.MINI_PROGRAM


def parse(text: str) -> IcpNumber:
    return parse_icp_number(text)


def province(code: str) -> Province:
    return next(p for p in default_policy().provinces if p.code == code)


# ---------------------------------------------------------------------------
# Families, from real records
# ---------------------------------------------------------------------------

REAL = [
    # text, province code, kind, serial, site, service, subject number
    ("京ICP备10046444号-9", "CN-BJ", FILING, "10046444", 9, None, "京ICP备10046444号"),
    ("京ICP备10046444号", "CN-BJ", FILING, "10046444", None, None, "京ICP备10046444号"),
    ("蜀ICP备19011193号-6", "CN-SC", FILING, "19011193", 6, None, "蜀ICP备19011193号"),
    ("京ICP备16020626号-14", "CN-BJ", FILING, "16020626", 14, None, "京ICP备16020626号"),
    ("京ICP证030173号-102", "CN-BJ", LICENCE, "030173", 102, None, "京ICP证030173号"),
    ("京ICP证000007号", "CN-BJ", LICENCE, "000007", None, None, "京ICP证000007号"),
    ("粤B2-20090059-5", "CN-GD", B2, "20090059", 5, None, "粤B2-20090059"),
    ("粤B2-20090059", "CN-GD", B2, "20090059", None, None, "粤B2-20090059"),
    ("粤B2-20090059-2674A", "CN-GD", B2, "20090059", 2674, APP, "粤B2-20090059"),
    ("浙B2-20080224-1", "CN-ZJ", B2, "20080224", 1, None, "浙B2-20080224"),
    ("沪ICP备2025152989号-1A", "CN-SH", FILING, "2025152989", 1, APP, "沪ICP备2025152989号"),
    ("黔ICP备2025044274号-1X", "CN-GZ", FILING, "2025044274", 1, MINI, "黔ICP备2025044274号"),
    ("辽ICP备18015387号-7A", "CN-LN", FILING, "18015387", 7, APP, "辽ICP备18015387号"),
    ("皖ICP备2023023087号-1X", "CN-AH", FILING, "2023023087", 1, MINI, "皖ICP备2023023087号"),
    ("京ICP备2019036842号-1", "CN-BJ", FILING, "2019036842", 1, None, "京ICP备2019036842号"),
    ("陇ICP备2024012699号-3", "CN-GS", FILING, "2024012699", 3, None, "陇ICP备2024012699号"),
    ("滇ICP备2020009854号", "CN-YN", FILING, "2020009854", None, None, "滇ICP备2020009854号"),
    ("藏ICP备05000064号", "CN-XZ", FILING, "05000064", None, None, "藏ICP备05000064号"),
    ("吉ICP备20000654号-5", "CN-JL", FILING, "20000654", 5, None, "吉ICP备20000654号"),
    ("新ICP备2024015133号-3", "CN-XJ", FILING, "2024015133", 3, None, "新ICP备2024015133号"),
]


@pytest.mark.parametrize(("text", "code", "kind", "serial", "site", "service", "subject"), REAL)
def test_real_numbers(
    text: str,
    code: str,
    kind: IcpKind,
    serial: str,
    site: int | None,
    service: IcpService | None,
    subject: str,
) -> None:
    n = parse(text)
    assert n.province.code == code
    assert n.kind is kind
    assert n.serial == serial
    assert n.site == site
    assert n.service is service
    assert n.subject_number == subject
    assert n.is_subject is (site is None)
    assert not n.alternative_abbreviation
    assert str(n) == text
    assert n.canonical == text
    assert is_valid_icp_number(text)


def test_serial_keeps_leading_zeros() -> None:
    assert parse("京ICP证030173号").serial == "030173"
    assert parse("黔ICP备07000443号").serial == "07000443"


def test_kind_and_service_values_are_public_strings() -> None:
    assert [k.value for k in IcpKind] == ["filing", "licence", "b2"]
    assert [s.value for s in IcpService] == ["A", "X"]
    assert str(IcpKind.LICENCE) == "licence"
    assert IcpKind("b2") is B2


# ---------------------------------------------------------------------------
# Display variants people paste
# ---------------------------------------------------------------------------

VARIANTS = [
    # spaces
    ("川ICP备 09003078号", "蜀ICP备09003078号"),
    ("藏ICP备 07500042号", "藏ICP备07500042号"),
    ("京 ICP 备 11018762 号", "京ICP备11018762号"),
    ("京ICP备12345678号 - 2", "京ICP备12345678号-2"),
    ("粤B2 - 20090059 - 5", "粤B2-20090059-5"),
    ("  京ICP备12345678号-2\n", "京ICP备12345678号-2"),
    # the sequence before 号
    ("陕ICP备12000810-2号", "陕ICP备12000810号-2"),
    ("滇ICP备09010050-5号", "滇ICP备09010050号-5"),
    # 号 missing
    ("陕ICP备05047375", "陕ICP备05047375号"),
    ("新ICP备10005645", "新ICP备10005645号"),
    ("京ICP备12345678-2", "京ICP备12345678号-2"),
    # full width and mixed width
    ("粤ＩＣＰ备14023066号-1", "粤ICP备14023066号-1"),
    ("京ＩＣＰ备１２３４５６７８号－２", "京ICP备12345678号-2"),
    ("京IＣP备12345678号", "京ICP备12345678号"),
    ("粤Ｂ２－２００９００５９－５", "粤B2-20090059-5"),
    ("京ICP备12345678号—2", "京ICP备12345678号-2"),
    ("沪ICP备2025152989号-1Ａ", "沪ICP备2025152989号-1A"),
    # case
    ("京icp备12345678号-2", "京ICP备12345678号-2"),
    ("黔ICP备2025044274号-1x", "黔ICP备2025044274号-1X"),
    # traditional characters
    ("京ICP備12345678號", "京ICP备12345678号"),
    ("京ICP證030173號", "京ICP证030173号"),
    ("滬ICP備12007941號-4", "沪ICP备12007941号-4"),
    ("陝ICP備15002899號-4", "陕ICP备15002899号-4"),
    # zero-width characters
    ("\u200b京ICP备\ufeff12345678号-2", "京ICP备12345678号-2"),
    ("京ICP备1234\u200c5678号\u2060-2", "京ICP备12345678号-2"),
    # HTML
    ("&#20140;ICP&#22791;12345678号-2", "京ICP备12345678号-2"),
    ("京ICP备<span>12345678</span>号", "京ICP备12345678号"),
    ('<a href="https://beian.miit.gov.cn/">京ICP备12345678号-2</a>', "京ICP备12345678号-2"),
    # surrounding text
    ("ICP备案号：京ICP备12345678号-2", "京ICP备12345678号-2"),
    ("ICP证：黔ICP备14000582号-1", "黔ICP备14000582号-1"),
    ("京ICP备12345678号-2 | 京公网安备11010802012345号", "京ICP备12345678号-2"),
    ("© 2024 北京某公司 京ICP备12345678号 版权所有", "京ICP备12345678号"),
    ("京ICP备12345678号 - 北京某公司", "京ICP备12345678号"),
    ("粤B2-20090059（ICP备案/许可证号）", "粤B2-20090059"),
    ("京ICP备11018762号 京ICP备11018762号", "京ICP备11018762号"),
]


@pytest.mark.parametrize(("text", "canonical"), VARIANTS)
def test_display_variants(text: str, canonical: str) -> None:
    assert str(parse(text)) == canonical
    assert parse(text) == parse(canonical)


# ---------------------------------------------------------------------------
# Alternative abbreviations
# ---------------------------------------------------------------------------

ALTERNATIVES = [
    ("川", "蜀", "CN-SC"),
    ("贵", "黔", "CN-GZ"),
    ("云", "滇", "CN-YN"),
    ("秦", "陕", "CN-SN"),
    ("甘", "陇", "CN-GS"),
]


@pytest.mark.parametrize(("alt", "canonical", "code"), ALTERNATIVES)
def test_alternative_abbreviations(alt: str, canonical: str, code: str) -> None:
    n = parse(f"{alt}ICP备14018586号-1")
    assert n.province.code == code
    assert n.alternative_abbreviation
    assert n.abbreviation == alt
    assert str(n) == f"{canonical}ICP备14018586号-1"
    assert n.subject_number == f"{canonical}ICP备14018586号"
    canonical_n = parse(f"{canonical}ICP备14018586号-1")
    assert not canonical_n.alternative_abbreviation
    assert canonical_n.abbreviation == canonical
    # Same number: the abbreviation as written is provenance, not identity.
    assert n == canonical_n
    assert hash(n) == hash(canonical_n)
    assert repr(n) == f"IcpNumber('{canonical}ICP备14018586号-1', abbreviation='{alt}')"


def test_every_province_abbreviation_parses_to_its_province() -> None:
    policy = default_policy()
    assert len(policy.provinces) == 31
    for p in policy.provinces:
        for abbr in (p.icp_abbreviation, *p.alternative_abbreviations):
            n = parse(f"{abbr}ICP备2020123456号-1")
            assert n.province == p
            assert n.alternative_abbreviation is (abbr != p.icp_abbreviation)


# ---------------------------------------------------------------------------
# Look-alikes and malformed numbers
# ---------------------------------------------------------------------------

LOOK_ALIKES = [
    ("粤公网安备44030502008569号", "public-security"),
    ("粤公网安备 44030502008701号", "public-security"),
    ("吉公网安备22010202000131号", "public-security"),
    ("浙备3301000000001号", "public-security"),
    ("武汉网安备42010602000001号", "public-security"),
    ("文保网安备案号", "public-security"),
    ("沪交ICP备20190085号", "campus"),
    ("津教备0499号", "campus"),
    ("滇网文许字【2014】1100-002号", "culture"),
    ("黔网文许字[2014]1248-005号", "culture"),
    ("网信算备110108823483904220019号", "algorithm"),
    ("港ICP备12345678号", "Hong Kong"),
    ("澳ICP备12345678号", "Maca"),
    ("台ICP备12345678号", "Taiwan"),
    ("臺ICP備12345678號", "Taiwan"),
    ("闵ICP备17029130号", "闽"),
    ("萌ICP备20257012号", "parody"),
]


@pytest.mark.parametrize(("text", "what"), LOOK_ALIKES)
def test_look_alikes_say_what_they_look_like(text: str, what: str) -> None:
    with pytest.raises(InvalidIcpNumberError) as info:
        parse(text)
    error = info.value
    assert isinstance(error, ValueError)
    assert isinstance(error, BeianPolicyError)
    assert error.looks_like is not None
    assert what in error.looks_like
    assert error.text == text
    assert what in str(error)
    assert not is_valid_icp_number(text)
    assert find_icp_numbers(text) == ()


def test_typo_of_fujian_suggests_the_right_abbreviation() -> None:
    with pytest.raises(InvalidIcpNumberError) as info:
        parse("闵ICP备17029130号")
    assert "闽ICP备" in info.value.reason


def test_look_alike_next_to_a_real_number_does_not_hide_it() -> None:
    assert str(parse("沪交ICP备20190085号 沪ICP备12007941号-4")) == "沪ICP备12007941号-4"


MALFORMED = [
    # text, a phrase the reason must contain
    ("黑ICP备032310310号", "9 digits"),
    ("豫ICP备01025000148号", "11 digits"),
    ("苏ICP备202300001号-1X", "9 digits"),
    ("京ICP备1234567号", "8 or 10"),
    ("京ICP备123456号", "8 or 10"),
    ("京ICP备123456789012号", "8 or 10"),
    ("京ICP证15047号", "6 digits"),
    ("京ICP证1504761号", "6 digits"),
    ("京ICP证2019036842号", "6 digits"),
    ("粤B2-2009005", "8 digits"),
    ("粤B2-200900591", "8 digits"),
    ("京ICP备12345678号-0", "-0"),
    ("京ICP备12345678号-02", "-02"),
    ("京ICP备12345678号-12345", "at most 4"),
    ("京ICP备12345678号-1K", "'K'"),
    ("京ICP备12345678号A", "'A'"),
    ("吉ICP备07500273X号", "'X"),
    ("京ICP备12345678号-1AB", "'AB'"),
    ("粤ICP备12345678-2号-3", "more than one website sequence"),
    ("京ICP备12345678号-2-3", "more than one website sequence"),
    ("晋ICP备ICP备15001663", "twice"),
    # ICP备案 is accepted as a label (issue 12), so the serial's length is what is wrong.
    ("青ICP备案026000119号-2A", "9 digits"),
    ("ICP备12345678号", "no province abbreviation"),
    ("京备12345678号", "京ICP备12345678号"),
    ("京ICP备", "'ICP备' is not followed by a serial"),
    ("京ICP证号", "'ICP证' is not followed by a serial"),
    ("京ICP", "'ICP' is not followed by 备 or 证"),
    ("这是一段文字", "京ICP备12345678号-1"),
    ("", "empty"),
    ("   \u200b ", "empty"),
]


@pytest.mark.parametrize(("text", "phrase"), MALFORMED)
def test_malformed_numbers_are_rejected_with_a_reason(text: str, phrase: str) -> None:
    with pytest.raises(InvalidIcpNumberError) as info:
        parse(text)
    assert phrase in info.value.reason
    assert not is_valid_icp_number(text)


def test_two_different_numbers_are_ambiguous() -> None:
    text = "京ICP证150476号 | 京ICP备11018762号"
    with pytest.raises(InvalidIcpNumberError) as info:
        parse(text)
    assert "京ICP证150476号" in info.value.reason
    assert "京ICP备11018762号" in info.value.reason
    assert "find_icp_numbers" in info.value.reason
    assert [str(n) for n in find_icp_numbers(text)] == ["京ICP证150476号", "京ICP备11018762号"]


def test_find_skips_bad_candidates_and_duplicates() -> None:
    text = "沪交ICP备20190085号；粤B2-20090059-5，粤ＢＡ；粤B2-20090059-5；黑ICP备032310310号"
    assert [str(n) for n in find_icp_numbers(text)] == ["粤B2-20090059-5"]
    assert find_icp_numbers("") == ()


@pytest.mark.parametrize("value", [None, 12345678, b"\xe4\xba\xac", ["京ICP备12345678号"]])
def test_non_strings(value: object) -> None:
    assert is_valid_icp_number(value) is False
    with pytest.raises(InvalidIcpNumberError, match="expected a string"):
        parse_icp_number(value)  # type: ignore[arg-type]


def test_parse_returns_an_icp_number_as_is() -> None:
    n = parse("京ICP备12345678号-2")
    assert parse_icp_number(n) is n
    assert is_valid_icp_number(n)


# ---------------------------------------------------------------------------
# Building numbers
# ---------------------------------------------------------------------------


def test_website_and_subject() -> None:
    subject = parse("京ICP备12345678号")
    assert str(subject.website(3)) == "京ICP备12345678号-3"
    assert subject.website(3) == parse("京ICP备12345678号-3")
    assert str(subject.website(12, service="x")) == "京ICP备12345678号-12X"
    assert str(subject.website(1, service=APP)) == "京ICP备12345678号-1A"
    site = parse("粤B2-20090059-2674A")
    assert site.subject == parse("粤B2-20090059")
    assert str(site.website(7)) == "粤B2-20090059-7"
    # The abbreviation as written is kept.
    assert parse("川ICP备09003078号").website(2).abbreviation == "川"


@pytest.mark.parametrize(
    ("bad", "error"),
    [(0, InvalidArgumentError), (-1, InvalidArgumentError), (10000, InvalidArgumentError),
     (True, ArgumentTypeError), ("2", ArgumentTypeError), (2.0, ArgumentTypeError)],
)  # fmt: skip
def test_website_rejects_bad_sequences(bad: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        parse("京ICP备12345678号").website(bad)  # type: ignore[arg-type]


def test_website_rejects_unknown_service() -> None:
    with pytest.raises(UnknownNameError):
        parse("京ICP备12345678号").website(1, service="K")


def test_format_icp_number() -> None:
    assert format_icp_number("陕ICP备12000810-2号") == "陕ICP备12000810号-2"
    assert format_icp_number("粤B2-20090059", site=5) == "粤B2-20090059-5"
    assert format_icp_number("京ICP备12345678号-2", site=7) == "京ICP备12345678号-7"
    assert format_icp_number("京ICP备12345678号-2", site=7, service="A") == "京ICP备12345678号-7A"
    assert format_icp_number("川ICP备09003078号") == "蜀ICP备09003078号"
    with pytest.raises(InvalidArgumentError):
        format_icp_number("京ICP备12345678号", service="A")
    with pytest.raises(InvalidIcpNumberError):
        format_icp_number("粤公网安备44030502008569号", site=1)


@pytest.mark.parametrize("extra", [2, "A"])
def test_only_province_kind_and_serial_are_positional(extra: object) -> None:
    # The site, the service and the rest are keyword-only: a fourth positional argument
    # is refused rather than read as one of them.
    with pytest.raises(TypeError):
        IcpNumber(province("CN-BJ"), "filing", "12345678", extra)  # type: ignore[misc]


def test_direct_construction_is_validated() -> None:
    bj, sc = province("CN-BJ"), province("CN-SC")
    assert str(IcpNumber(bj, "filing", "12345678", site=2)) == "京ICP备12345678号-2"
    assert str(IcpNumber(sc, "licence", "030173", abbreviation="川")) == "蜀ICP证030173号"
    with pytest.raises(InvalidArgumentError):
        IcpNumber(bj, "filing", "1234567")
    with pytest.raises(InvalidArgumentError):
        IcpNumber(bj, "b2", "２００９００５９")
    with pytest.raises(UnknownNameError):
        IcpNumber(bj, "permit", "12345678")
    with pytest.raises(InvalidArgumentError):
        IcpNumber(bj, "filing", "12345678", service="A")
    with pytest.raises(InvalidArgumentError):
        IcpNumber(bj, "filing", "12345678", abbreviation="川")
    with pytest.raises(ArgumentTypeError):
        IcpNumber("京", "filing", "12345678")  # type: ignore[arg-type]


def test_values_are_frozen_hashable_and_picklable() -> None:
    n = parse("川ICP备09003078号-2X")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        n.site = 3  # type: ignore[misc]
    assert {n, parse("蜀ICP备09003078号-2X")} == {n}
    copy = pickle.loads(pickle.dumps(n))
    assert copy == n
    assert copy.abbreviation == "川"
    assert n != parse("蜀ICP备09003078号-2A")
    assert n != parse("蜀ICP证090030号-2X")
    assert n != "蜀ICP备09003078号-2X"


def test_errors_survive_pickling() -> None:
    with pytest.raises(InvalidIcpNumberError) as info:
        parse("粤公网安备44030502008569号")
    copy = pickle.loads(pickle.dumps(info.value))
    assert copy.looks_like == info.value.looks_like
    assert str(copy) == str(info.value)


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(icp_numbers())
def test_canonical_strings_round_trip(text: str) -> None:
    n = parse(text)
    assert str(n) == text
    assert parse(str(n)) == n
    assert is_valid_icp_number(text)


@FAST
@given(st.data())
def test_number_values_round_trip(data: st.DataObject) -> None:
    n = data.draw(_icp_number_values(None, None))
    assert parse(str(n)) == n
    assert parse(n.subject_number) == n.subject
    assert pickle.loads(pickle.dumps(n)) == n


@FAST
@given(st.data())
def test_messy_renderings_parse_to_the_same_number(data: st.DataObject) -> None:
    n = data.draw(_icp_number_values(None, None))
    text = data.draw(_messy_renderings(n))
    assert parse(text) == n
    assert find_icp_numbers(text) == (n,)


@FAST
@given(icp_numbers(messy=True))
def test_messy_strategy_output_is_valid(text: str) -> None:
    assert is_valid_icp_number(text)


def test_strategy_respects_provinces() -> None:
    sichuan = province("CN-SC")

    @FAST
    @given(icp_numbers(provinces=st.just(sichuan), messy=True))
    def check(text: str) -> None:
        assert parse(text).province == sichuan

    check()


@pytest.mark.parametrize(
    "kwargs",
    [{"provinces": "蜀"}, {"provinces": [1]}, {"messy": "yes"}, {"messy": 1}, {"policy": "default"}],
)
def test_strategy_rejects_bad_arguments(kwargs: dict[str, object]) -> None:
    strategy = icp_numbers(**kwargs)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument):
        strategy.validate()


def test_strategy_rejects_provinces_that_draw_non_provinces() -> None:
    @given(icp_numbers(provinces=st.just("蜀")))  # type: ignore[arg-type]
    def check(text: str) -> None:
        raise AssertionError("unreachable")

    with pytest.raises(InvalidArgument):
        check()


def test_building_the_strategy_loads_no_data() -> None:
    code = (
        "import hypothesis\n"
        "import beian_policy._icp_strategy as m, beian_policy._data._loader as l\n"
        "s = m.icp_numbers(messy=True); s.validate()\n"
        "assert l._default is None, 'data loaded before the first draw'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


NEAR = "京沪粤蜀川黔港闵交教ICPicp备證证号號B2-－0123456789AXax 公网安&#;<>：|\u200b"


def mutated(text: str) -> st.SearchStrategy[str]:
    """*text* with a few characters deleted, inserted, replaced or repeated."""
    edit = st.tuples(
        st.sampled_from(("delete", "insert", "replace", "repeat")),
        st.integers(0, len(text)),
        st.integers(1, 4),
        st.sampled_from(NEAR) | st.characters(),
    )

    def apply(edits: list[tuple[str, int, int, str]]) -> str:
        s = text
        for op, pos, size, char in edits:
            pos = min(pos, len(s))
            if op == "delete":
                s = s[:pos] + s[pos + size :]
            elif op == "insert":
                s = s[:pos] + char + s[pos:]
            elif op == "replace":
                s = s[:pos] + char + s[pos + 1 :]
            else:
                s = s[:pos] + s[pos : pos + size] * 2 + s[pos + size :]
        return s

    return st.lists(edit, min_size=1, max_size=3).map(apply)


def parses_or_raises(text: str) -> None:
    """The contract on any string: a number, or InvalidIcpNumberError, nothing else."""
    error: InvalidIcpNumberError | None = None
    try:
        n = parse(text)
    except InvalidIcpNumberError as caught:
        error = caught
    if error is not None:
        assert error.text == text
        assert error.reason
        assert not is_valid_icp_number(text)
    else:
        assert isinstance(n, IcpNumber)
        assert parse(str(n)) == n
        assert is_valid_icp_number(text)
        assert n in find_icp_numbers(text)
    for found in find_icp_numbers(text):
        assert parse(str(found)) == found


@settings(max_examples=500, deadline=None)
@given(st.text() | st.text(st.sampled_from(NEAR), max_size=40))
def test_any_text_parses_or_raises_only_invalid_icp_number_error(text: str) -> None:
    parses_or_raises(text)


@settings(max_examples=500, deadline=None)
@given(st.data())
def test_mutated_numbers_parse_or_raise_only_invalid_icp_number_error(data: st.DataObject) -> None:
    original = data.draw(icp_numbers() | icp_numbers(messy=True))
    parses_or_raises(data.draw(mutated(original)))


def test_max_length_zero_reads_only_the_empty_text() -> None:
    """0 is a non-negative int: the empty text is read (no number in it), any other is
    too long."""
    from beian_policy import errors, find_icp_numbers

    assert find_icp_numbers("", max_length=0) == ()
    with pytest.raises(errors.TextTooLongError):
        find_icp_numbers("京", max_length=0)


def test_max_length_is_inclusive() -> None:
    """A text exactly max_length characters long is read; one more is refused."""
    text = "京ICP备12345678号"
    from beian_policy import errors, find_icp_numbers, parse_icp_number

    assert find_icp_numbers(text, max_length=len(text)) == (parse_icp_number(text),)
    with pytest.raises(errors.TextTooLongError):
        find_icp_numbers(text, max_length=len(text) - 1)


def test_several_numbers_are_listed_three_at_most() -> None:
    """The message names the first three numbers a text holds, not all of them: a page
    with thousands would make a message as long as the page."""
    from beian_policy import parse_icp_number

    numbers = [f"京ICP备1000000{i}号" for i in range(5)]
    with pytest.raises(InvalidIcpNumberError) as caught:
        parse_icp_number(" ".join(numbers))
    message = str(caught.value).split(" is not an ICP number: ", 1)[1]  # after the excerpt
    assert "5 different ICP numbers" in message
    assert all(n in message for n in numbers[:3])
    assert numbers[3] not in message
    assert ", ..." in message


@pytest.mark.parametrize(("count", "cut"), [(2, False), (3, False), (4, True)])
def test_the_list_is_cut_only_past_three(count: int, cut: bool) -> None:
    from beian_policy import parse_icp_number

    numbers = [f"京ICP备1000000{i}号" for i in range(count)]
    with pytest.raises(InvalidIcpNumberError) as caught:
        parse_icp_number(" ".join(numbers))
    message = str(caught.value).split(" is not an ICP number: ", 1)[1]
    assert (", ..." in message) is cut
    # The Chinese message lists them the same way: 、 between, …… when cut.
    listed = "、".join(numbers[:3]) + ("……" if cut else "")
    assert f"其中有 {count} 个不同的 ICP 号码（{listed}）" in caught.value.zh


@pytest.mark.parametrize("bad", [-1, 2.5, "10", True])
def test_max_length_must_be_a_non_negative_int(bad: object) -> None:
    from beian_policy import errors, find_icp_numbers

    with pytest.raises(errors.InvalidArgumentError, match="max_length"):
        find_icp_numbers("京ICP备12345678号", max_length=bad)  # type: ignore[arg-type]


def test_only_a_telecom_licence_may_have_no_province() -> None:
    """A 备 filing is always a province's; the message offers None only for a B2."""
    from beian_policy import errors, parse_icp_number

    filing = parse_icp_number("京ICP备12345678号")
    with pytest.raises(errors.InvalidArgumentError) as caught:
        attrs.evolve(filing, province=None)
    assert "None for a licence" not in str(caught.value)
    licence = parse_icp_number("京B2-20180202")
    with pytest.raises(errors.ArgumentTypeError) as caught_b2:
        attrs.evolve(licence, province="京")
    assert "None for a licence the ministry issued" in str(caught_b2.value)


@pytest.mark.parametrize(
    ("serial", "shown"),
    # A serial of up to 16 digits is quoted whole; a longer one by its first 12 digits, so
    # that a runaway number cannot make the message as long as itself.
    [("1234567890123456", "1234567890123456"), ("12345678901234567", "123456789012…")],
)
def test_a_long_serial_is_quoted_shortened(serial: str, shown: str) -> None:
    from beian_policy import parse_icp_number

    with pytest.raises(InvalidIcpNumberError) as caught:
        parse_icp_number(f"京ICP备{serial}号")
    assert caught.value.reason == (
        f"the serial {shown} has {len(serial)} digits, but ICP备 serials have 8 or 10 digits"
    )
    assert f"序号 {shown} 有 {len(serial)} 位数字" in caught.value.zh


@pytest.mark.parametrize(
    ("site", "shown"),
    # A website sequence of up to 8 digits is quoted whole; a longer one by its first 6.
    [("12345678", "12345678"), ("123456789", "123456…")],
)
def test_a_long_website_sequence_is_quoted_shortened(site: str, shown: str) -> None:
    from beian_policy import parse_icp_number

    with pytest.raises(InvalidIcpNumberError) as caught:
        parse_icp_number(f"京ICP备12345678号-{site}")
    assert caught.value.reason == f"the website sequence -{shown} has {len(site)} digits; at most 4 are used"
    assert f"网站序号 -{shown} 有 {len(site)} 位数字" in caught.value.zh


@pytest.mark.parametrize(
    ("char", "han"),
    # The Han blocks by their Unicode bounds: CJK Extension A starts at U+3400 (U+33FF is
    # a CJK compatibility square), the unified block ends at U+9FFF.
    [("\u3400", True), ("\u33ff", False), ("\u9fff", True)],
)
def test_a_han_character_before_the_anchor_is_read_as_a_wrong_abbreviation(char: str, han: bool) -> None:
    from beian_policy import parse_icp_number

    with pytest.raises(InvalidIcpNumberError) as caught:
        parse_icp_number(f"{char}ICP备12345678号")
    if han:
        assert (
            caught.value.reason
            == f"{char!r} is not a province ICP abbreviation (京, 沪, 粤, 蜀…) in front of ICP备"
        )
    else:
        assert caught.value.reason.startswith("no province abbreviation before ICP备")

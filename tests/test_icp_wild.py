"""ICP numbers as they appear in the wild (issue 12): licence families, separators,
HTML pages, the size cap.

Expected values are written by hand from the issue, the footers it quotes and
``docs/icp-numbers.md``; none is computed by the code under test.
"""

from __future__ import annotations

import html
import pickle
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from beian_policy._data._loader import default_policy
from beian_policy._icp import (
    MAX_TEXT_LENGTH,
    IcpAuthority,
    IcpFamily,
    IcpKind,
    IcpNumber,
    find_icp_numbers,
    is_valid_icp_number,
    parse_icp_number,
)
from beian_policy._icp_strategy import icp_numbers
from beian_policy._model import Province
from beian_policy.errors import (
    BeianPolicyError,
    InvalidArgumentError,
    InvalidIcpNumberError,
    TextTooLongError,
)

FILING, ICP_LICENCE = IcpFamily.FILING, IcpFamily.ICP_LICENCE
PROVINCIAL, CROSS, FOREIGN = (
    IcpFamily.PROVINCIAL_LICENCE,
    IcpFamily.CROSS_REGIONAL_LICENCE,
    IcpFamily.FOREIGN_INVESTED_LICENCE,
)
PROVINCE, MINISTRY = IcpAuthority.PROVINCE, IcpAuthority.MINISTRY


def province(code: str) -> Province:
    return next(p for p in default_policy().provinces if p.code == code)


def found(text: str) -> list[str]:
    return [str(n) for n in find_icp_numbers(text)]


# ---------------------------------------------------------------------------
# Licence families
# ---------------------------------------------------------------------------

FAMILIES = [
    # text, canonical, family, authority, province code, classes, foreign_invested, site
    ("合字B2-20170010", "合字B2-20170010", FOREIGN, MINISTRY, None, ("B2",), True, None),
    ("B2-20080207", "B2-20080207", CROSS, MINISTRY, None, ("B2",), False, None),
    ("A2.B1.B2-20090003", "A2.B1.B2-20090003", CROSS, MINISTRY, None, ("A2", "B1", "B2"), False, None),
    ("全国IDC证：B1.B2-20150233", "B1.B2-20150233", CROSS, MINISTRY, None, ("B1", "B2"), False, None),
    ("合字B1.B2-20130004", "合字B1.B2-20130004", FOREIGN, MINISTRY, None, ("B1", "B2"), True, None),
    (
        "合字A1.B1.B2-20180017",
        "合字A1.B1.B2-20180017",
        FOREIGN,
        MINISTRY,
        None,
        ("A1", "B1", "B2"),
        True,
        None,
    ),
    ("皖B1.B2-20070020-13", "皖B1.B2-20070020-13", PROVINCIAL, PROVINCE, "CN-AH", ("B1", "B2"), False, 13),
    ("京ICP证B2-20180202", "京B2-20180202", PROVINCIAL, PROVINCE, "CN-BJ", ("B2",), False, None),
    ("ICP证合字B2-20070004号", "合字B2-20070004", FOREIGN, MINISTRY, None, ("B2",), True, None),
    ("经营许可证编号：合字B2-20160011", "合字B2-20160011", FOREIGN, MINISTRY, None, ("B2",), True, None),
    ("粤B2-20090059-5", "粤B2-20090059-5", PROVINCIAL, PROVINCE, "CN-GD", ("B2",), False, 5),
    ("京ICP备10046444号-9", "京ICP备10046444号-9", FILING, PROVINCE, "CN-BJ", (), False, 9),
    ("京ICP证030173号-102", "京ICP证030173号-102", ICP_LICENCE, PROVINCE, "CN-BJ", (), False, 102),
]


@pytest.mark.parametrize(
    ("text", "canonical", "family", "authority", "code", "classes", "foreign", "site"), FAMILIES
)
def test_licence_families(
    text: str,
    canonical: str,
    family: IcpFamily,
    authority: IcpAuthority,
    code: str | None,
    classes: tuple[str, ...],
    foreign: bool,
    site: int | None,
) -> None:
    n = parse_icp_number(text)
    assert str(n) == canonical
    assert n.family is family
    assert n.authority is authority
    assert (n.province.code if n.province is not None else None) == code
    assert n.classes == classes
    assert n.foreign_invested is foreign
    assert n.site == site
    assert parse_icp_number(canonical) == n
    assert found(text) == [canonical]


def test_family_and_authority_values_are_public_strings() -> None:
    assert [f.value for f in IcpFamily] == [
        "filing",
        "icp_licence",
        "provincial_licence",
        "cross_regional_licence",
        "foreign_invested_licence",
    ]
    assert [a.value for a in IcpAuthority] == ["province", "ministry"]


def test_licence_subject_and_website_numbers() -> None:
    n = parse_icp_number("皖B1.B2-20070020-13")
    assert n.subject_number == "皖B1.B2-20070020"
    assert str(n.subject) == "皖B1.B2-20070020"
    assert str(parse_icp_number("合字B2-20170010").website(3, service="A")) == "合字B2-20170010-3A"


def test_classes_and_issuer_are_part_of_identity() -> None:
    assert parse_icp_number("B2-20080207") != parse_icp_number("粤B2-20080207")
    assert parse_icp_number("B2-20080207") != parse_icp_number("合字B2-20080207")
    assert parse_icp_number("B2-20080207") != parse_icp_number("B1.B2-20080207")
    assert len({parse_icp_number("B1.B2-20080207"), parse_icp_number("b1.b2-20080207")}) == 1


def test_classes_are_written_in_catalogue_order() -> None:
    assert str(parse_icp_number("B2.B1-20130004")) == "B1.B2-20130004"


LICENCE_REJECTED = [
    # text, a phrase the reason must contain, what it looks like (or None)
    ("港B2-20090059", "Hong Kong", "Hong Kong"),
    ("闵B2-20090059", "闽", "Fujian"),
    ("B2.B2-20090059", "written twice", None),
    ("a2.b1.b2-2C090003", "unexpected", None),
    ("合字B2-2017001", "8 digits", None),
]


@pytest.mark.parametrize(("text", "phrase", "looks_like"), LICENCE_REJECTED)
def test_licence_look_alikes_and_typos(text: str, phrase: str, looks_like: str | None) -> None:
    with pytest.raises(InvalidIcpNumberError) as info:
        parse_icp_number(text)
    assert phrase in info.value.reason
    if looks_like is None:
        assert info.value.looks_like is None
    else:
        assert info.value.looks_like is not None
        assert looks_like in info.value.looks_like
    assert find_icp_numbers(text) == ()


@pytest.mark.parametrize("text", ["A2-20090003", "A1.A2-20090003", "型号A1 20180017", "B3-20090059"])
def test_classes_without_a_value_added_class_are_no_number(text: str) -> None:
    assert find_icp_numbers(text) == ()
    assert not is_valid_icp_number(text)


def test_building_licences_directly() -> None:
    ministry = IcpNumber(None, "b2", "20080207")
    assert str(ministry) == "B2-20080207"
    assert ministry.abbreviation is None
    assert not ministry.alternative_abbreviation
    composite = IcpNumber(None, "b2", "20180017", classes="A1.B1.B2", foreign_invested=True)
    assert str(composite) == "合字A1.B1.B2-20180017"
    assert IcpNumber(province("CN-AH"), "b2", "20070020", classes=["b2", "b1"]).classes == ("B1", "B2")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"province": None, "kind": "filing", "serial": "12345678"},
        {"province": None, "kind": "licence", "serial": "030173"},
        {"province": None, "kind": "b2", "serial": "20080207", "classes": ("A1",)},
        {"province": None, "kind": "b2", "serial": "20080207", "classes": ("B3",)},
        {"province": None, "kind": "b2", "serial": "20080207", "classes": ("B2", "B2")},
        {"province": None, "kind": "b2", "serial": "20080207", "classes": 12},
        {"province": None, "kind": "b2", "serial": "20080207", "foreign_invested": "yes"},
        {"province": None, "kind": "b2", "serial": "20080207", "abbreviation": "京"},
        {"province": "CN-BJ", "kind": "filing", "serial": "12345678", "foreign_invested": True},
        {"province": "CN-BJ", "kind": "filing", "serial": "12345678", "classes": ("B2",)},
    ],
)
def test_direct_construction_rejects_inconsistent_licences(kwargs: dict[str, object]) -> None:
    if kwargs["province"] == "CN-BJ":
        kwargs = {**kwargs, "province": province("CN-BJ")}
    with pytest.raises(InvalidArgumentError):
        IcpNumber(**kwargs)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# Separators and labels
# ---------------------------------------------------------------------------

SEPARATORS = [
    ("粤ICP备：16028473号", "粤ICP备16028473号"),
    ("京ICP证：040787号", "京ICP证040787号"),
    ("京ICP证:040787号", "京ICP证040787号"),
    ("皖ICP备-2025092209号", "皖ICP备2025092209号"),
    ("皖ICP备－2025092209号", "皖ICP备2025092209号"),
    ("京ICP备 : 12345678号-2", "京ICP备12345678号-2"),
    ("粤ICP备案14062877号", "粤ICP备14062877号"),
    ("粤ICP备案：14062877号-1", "粤ICP备14062877号-1"),
    ("粤B2：20090059", "粤B2-20090059"),
]


@pytest.mark.parametrize(("text", "canonical"), SEPARATORS)
def test_separators_between_label_and_serial(text: str, canonical: str) -> None:
    assert str(parse_icp_number(text)) == canonical


MESSAGES = [
    # Each reason says what is really there.
    ("<p>京ICP</p><p>备12345678号</p>", "'ICP' is not followed by 备 or 证"),
    ("京ICP备：号", "'ICP备' is not followed by a serial"),
    ("京ICP备案号", "'ICP备案' is not followed by a serial"),
    ("京ICP证ABC", "'ICP证' is not followed by a serial"),
]


@pytest.mark.parametrize(("text", "reason"), MESSAGES)
def test_error_messages_are_true_to_the_input(text: str, reason: str) -> None:
    with pytest.raises(InvalidIcpNumberError) as info:
        parse_icp_number(text)
    assert reason in info.value.reason


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------

HTML_CASES = [
    # html, numbers found (canonical, in order)
    ('<meta name="author" content="某公司 蜀ICP备12020698号-3">', ["蜀ICP备12020698号-3"]),
    ('<input type="hidden" value="皖ICP备2023023087号-1X">', ["皖ICP备2023023087号-1X"]),
    ('<a title="京ICP备12345678号-2" href="/">备案</a>', ["京ICP备12345678号-2"]),
    ('<img alt="粤B2-20090059" src="x.png">', ["粤B2-20090059"]),
    ('<a aria-label="合字B2-20170010">许可证</a>', ["合字B2-20170010"]),
    ('<div data-icp="沪ICP备12007941号-4"></div>', ["沪ICP备12007941号-4"]),
    ('<meta content="&#20140;ICP&#22791;12345678号">', ["京ICP备12345678号"]),
    # inline tags leave a boundary, block tags end a piece
    ("沪ICP证130164号<span>Copyright", ["沪ICP证130164号"]),
    ("<p>京ICP证130164号</p>Copyright", ["京ICP证130164号"]),
    ("京ICP备<span>12345678</span>号", ["京ICP备12345678号"]),
    ("<p>京ICP</p><p>备12345678号</p>", []),
    ("<div>京ICP备12345678号</div><div>-2</div>", ["京ICP备12345678号"]),
    ("<td>粤B2-20090059</td><td>5</td>", ["粤B2-20090059"]),
    ("京ICP备12345678号<br>2024", ["京ICP备12345678号"]),
    # attribute values are pieces of their own, after the text they sit in
    (
        '<p>京ICP备12345678号 <a title="粤ICP备87654321号">x</a></p>',
        ["京ICP备12345678号", "粤ICP备87654321号"],
    ),
    # links are read as they stand, %-escapes decoded
    ('<a href="https://x.cn/query/京ICP备16020626号">查询</a>', ["京ICP备16020626号"]),
    ('<a href="/q?k=%E4%BA%ACICP%E5%A4%8716020626%E5%8F%B7">查询</a>', ["京ICP备16020626号"]),
    ('<a href="https://beian.miit.gov.cn/#/">京ICP备16020626号</a>', ["京ICP备16020626号"]),
    # where numbers are not read: comments, style sheets, other attributes
    ("<!-- 京ICP备12345678号 --><p>版权所有</p>", []),
    ("<style>.icp:after{content:'京ICP备12345678号'}</style>", []),
    ('<input placeholder="京ICP备12345678号" class="粤ICP备87654321号" style="" id="沪ICP备12345678号">', []),
    ('<Footer icp="京ICP备16020626号" :show="true" />', ["京ICP备16020626号"]),
    # script text is read as HTML of its own, \uXXXX escapes decoded
    ("<script>document.write('京ICP备12345678号-1')</script>", ["京ICP备12345678号-1"]),
    ("<script>var s = '<p>京ICP</p><p>备12345678号</p>'</script>", []),
    ('<script>{"icp":"\\u4eacICP\\u590712345678\\u53f7"}</script>', ["京ICP备12345678号"]),
    ('<script type="text/html"><a href="/">粤B2-20090191-2</a>&nbsp;<a href="', ["粤B2-20090191-2"]),
    # text pulled out of a page without its tags: a word right after 号 ends the number
    ("沪ICP证130164号Copyright © 2024", ["沪ICP证130164号"]),
    ("京ICP备12345678Copyright", []),
    ("京ICP备12345678号-1Copyright", ["京ICP备12345678号-1"]),
    ("京ICP备12345678号-1AB", []),
    ("京ICP备12345678号AX", []),
    # zero-width characters inside an entity
    ("<p>&#2\u200b0140;ICP备12345678号</p>", ["京ICP备12345678号"]),
]


@pytest.mark.parametrize(("text", "numbers"), HTML_CASES)
def test_html(text: str, numbers: list[str]) -> None:
    assert found(text) == numbers


ESCAPED_TEXT = [
    ('{"icp": "\\u4eacICP\\u590712345678\\u53f7-2"}', ["京ICP备12345678号-2"]),
    ("https://icp.example/query/%E4%BA%ACICP%E5%A4%8716020626%E5%8F%B7", ["京ICP备16020626号"]),
    ("100% 京ICP备16020626号", ["京ICP备16020626号"]),
]


@pytest.mark.parametrize(("text", "numbers"), ESCAPED_TEXT)
def test_escaped_plain_text(text: str, numbers: list[str]) -> None:
    assert found(text) == numbers


def test_every_occurrence_on_request() -> None:
    page = '<a title="京ICP备16020626号" href="/">京ICP备16020626号</a> 京ICP备16020626号'
    assert found(page) == ["京ICP备16020626号"]
    every = [str(n) for n in find_icp_numbers(page, distinct=False)]
    assert every == ["京ICP备16020626号"] * 3
    with pytest.raises(InvalidArgumentError):
        find_icp_numbers(page, distinct="no")  # type: ignore[arg-type]


BROKEN = [
    # html, the same with each '<' that opens nothing complete escaped
    ("<p>a<b</p>", "<p>a&lt;b</p>"),
    ("<a <a title='x'>y</a>", "&lt;a <a title='x'>y</a>"),
    ("<!-- <div>x</div> --><p>", "<!-- <div>x</div> --><p>"),
    ("<p>x</p><!-- open <p>y</p>", "<p>x</p>"),
    ("a < b > c", "a < b > c"),
    ("<a title='a>b'>", "<a title='a>b'>"),
    ("</", "&lt;/"),
]


@pytest.mark.parametrize(("text", "escaped"), BROKEN)
def test_unclosed_tags_are_escaped_before_parsing(text: str, escaped: str) -> None:
    from beian_policy._icp_html import _complete_tags_only

    assert _complete_tags_only(text) == escaped


def test_numbers_survive_broken_html() -> None:
    assert found("<a <a <div 京ICP备12345678号 <p") == ["京ICP备12345678号"]
    assert found("<p>京ICP备12345678号</p><!-- 粤ICP备87654321号") == ["京ICP备12345678号"]


def test_a_whole_footer() -> None:
    page = (
        "<html><head><title>魅族</title></head><body><div class='footer'>"
        "<p>©2017 Meizu Telecom Equipment Co., Ltd. All rights reserved."
        "<a href=''>粤ICP备13003602号-2</a><a href=''>合字B2-20170010</a>"
        "<a href=''>营业执照</a> 粤公网安备 44049102496009 号</p></div></body></html>"
    )
    assert found(page) == ["粤ICP备13003602号-2", "合字B2-20170010"]


# ---------------------------------------------------------------------------
# Size cap
# ---------------------------------------------------------------------------


def test_text_longer_than_the_cap_is_refused() -> None:
    with pytest.raises(TextTooLongError) as info:
        find_icp_numbers("京ICP备12345678号", max_length=10)
    error = info.value
    assert isinstance(error, ValueError)
    assert isinstance(error, BeianPolicyError)
    assert (error.length, error.limit) == (14, 10)  # 京 ICP 备 8 digits 号
    assert "14" in str(error)
    assert "10" in str(error)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.length, copy.limit, str(copy)) == (14, 10, str(error))
    assert found_with_cap("京ICP备12345678号", 14) == ["京ICP备12345678号"]


def found_with_cap(text: str, cap: int) -> list[str]:
    return [str(n) for n in find_icp_numbers(text, max_length=cap)]


def test_the_default_cap() -> None:
    assert MAX_TEXT_LENGTH == 50_000_000
    huge = " " * (MAX_TEXT_LENGTH + 1)
    with pytest.raises(TextTooLongError):
        parse_icp_number(huge)
    with pytest.raises(TextTooLongError):
        find_icp_numbers(huge)
    assert is_valid_icp_number(huge) is False


@pytest.mark.parametrize("bad", [-1, True, "10", 1.5, None])
def test_max_length_must_be_a_count(bad: object) -> None:
    with pytest.raises(InvalidArgumentError):
        find_icp_numbers("京ICP备12345678号", max_length=bad)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BLOCKS = ("p", "div", "li", "td", "footer", "section", "h3")
INLINES = ("span", "a", "b", "em", "small", "font")
# Text with no digit in any form (ASCII, full-width, ①, ¹, Roman numerals) and no
# entity that could decode to one.
NO_DIGITS = st.text(
    st.characters(exclude_categories=("Nd", "No", "Nl", "Cs"), exclude_characters="&"), max_size=60
)


@st.composite
def placed_in_html(draw: st.DrawFn, number: str) -> str:
    """*number* inside random HTML: in its own block, inside an inline element between
    separators, or in an attribute; random text blocks around it."""
    where = draw(st.sampled_from(("block", "inline", "attribute")))
    if where == "block":
        tag = draw(st.sampled_from(BLOCKS))
        core = f"<{tag}>{html.escape(number)}</{tag}>"
    elif where == "inline":
        tag = draw(st.sampled_from(INLINES))
        core = f"<p>版权所有 | <{tag}>{html.escape(number)}</{tag}> | 联系我们</p>"
    else:
        attribute = draw(st.sampled_from(("content", "value", "title", "alt", "aria-label", "data-icp")))
        core = f'<span {attribute}="{html.escape(number)}">备案</span>'
    before = draw(st.lists(st.tuples(st.sampled_from(BLOCKS), st.text(max_size=30)), max_size=3))
    after = draw(st.lists(st.tuples(st.sampled_from(BLOCKS), st.text(max_size=30)), max_size=3))
    blocks = [f"<{t}>{html.escape(x)}</{t}>" for t, x in before]
    blocks += [core]
    blocks += [f"<{t}>{html.escape(x)}</{t}>" for t, x in after]
    return "<body>" + "".join(blocks) + "</body>"


@FAST
@given(st.data())
def test_any_number_embedded_in_html_is_found(data: st.DataObject) -> None:
    text = data.draw(icp_numbers())
    page = data.draw(placed_in_html(text))
    assert parse_icp_number(text) in find_icp_numbers(page)


@FAST
@given(NO_DIGITS | NO_DIGITS.map(lambda t: f"<p>{t}</p><p>京ICP备{t}号</p>"))
def test_no_number_is_invented_from_text_without_digits(text: str) -> None:
    assert find_icp_numbers(text) == ()
    assert not is_valid_icp_number(text)


@FAST
@given(icp_numbers(messy=True))
def test_messy_numbers_in_html_blocks(text: str) -> None:
    n = parse_icp_number(text)
    assert n in find_icp_numbers(f"<div><p>{text}</p><p>2024 版权所有</p></div>")


@FAST
@given(icp_numbers())
def test_canonical_form_is_a_fixed_point(text: str) -> None:
    n = parse_icp_number(text)
    assert n.canonical == text
    assert parse_icp_number(n.canonical).canonical == n.canonical
    assert parse_icp_number(n.subject_number) == n.subject
    assert n.family in IcpFamily
    assert (n.authority is MINISTRY) == (n.province is None)
    assert (n.kind is IcpKind.B2) == bool(n.classes)


def test_pieces_skipped_for_speed_hold_no_digit() -> None:
    """The HTML reader skips pieces without a digit; it must know every character that
    folds into one, or a number written with it would be lost."""
    from beian_policy._icp import _MAY_HOLD_DIGIT

    missed = [
        hex(code)
        for code in range(0x110000)
        if not 0xD800 <= code < 0xE000
        and any("0" <= c <= "9" for c in unicodedata.normalize("NFKC", chr(code)))
        and not _MAY_HOLD_DIGIT.search(chr(code))
    ]
    assert missed == []
    assert found("<p>京ICP备①②③④⑤⑥⑦⑧号</p>") == ["京ICP备12345678号"]


HTML_SOUP = "<>/!-=\"' apscriptdiv京沪ICP备证B2.12345678号&#;\\u"


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(HTML_SOUP), max_size=80))
def test_html_soup_yields_only_valid_numbers(text: str) -> None:
    """Broken markup never raises and never yields a number that does not re-parse."""
    for number in find_icp_numbers(text, distinct=False):
        assert parse_icp_number(str(number)) == number


@FAST
@given(st.data())
def test_numbers_in_scripts_are_found(data: st.DataObject) -> None:
    text = data.draw(icp_numbers())
    quote = data.draw(st.sampled_from(("'", '"')))
    page = f"<p>版权所有</p><script>var footer = {quote}{text}{quote};</script><p>联系我们</p>"
    assert parse_icp_number(text) in find_icp_numbers(page)


def test_cli_parse_shows_the_ministry_as_issuer() -> None:
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-m", "beian_policy", "parse", "合字A1.B1.B2-20180017"]
    text = subprocess.run([*command, "--lang", "en"], capture_output=True, text=True, env=env, check=True)
    assert text.stdout.splitlines()[0] == "合字A1.B1.B2-20180017"
    assert "issued by the ministry" in text.stdout
    data = subprocess.run([*command, "--json"], capture_output=True, text=True, env=env, check=True)
    assert json.loads(data.stdout)["authority"] == "ministry"

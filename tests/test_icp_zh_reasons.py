"""Every reason an ICP number is refused, in both languages: the Chinese message
(``error.zh``, what ``--lang zh`` prints) says why in Chinese, not in English."""

from __future__ import annotations

import json
import pickle
import re

import pytest

import beian_policy as bp
from beian_policy._cli import main
from beian_policy.errors import InvalidIcpNumberError

# text; a phrase of the English reason; a phrase of the Chinese reason; a phrase of
# what it looks like in Chinese (or None). Written by hand from what each input is.
CASES: list[tuple[str, str, str, str | None]] = [
    (
        "京ICP备abc号",
        "'ICP备' is not followed by a serial",
        "'ICP备' 后面没有序号；完整的号码如 京ICP备12345678号",
        None,
    ),
    (
        "京ICP备1234567号",
        "has 7 digits",
        "序号 1234567 有 7 位数字，而 ICP备 的序号应为 8 或 10 位数字",
        None,
    ),
    ("京ICP证12345号", "have 6 digits", "序号 12345 有 5 位数字，而 ICP证 的序号应为 6 位数字", None),
    ("京ICP备12345678号-0", "starts with 0", "网站序号 -0 以 0 开头；网站序号从 -1 开始", None),
    ("京ICP备12345678号-12345", "at most 4 are used", "网站序号 -12345 有 5 位数字；网站序号最多 4 位", None),
    (
        "京ICP备12345678号-2Z",
        "unknown suffix 'Z'",
        "-2 后的后缀 'Z' 无法识别：只有 A（应用）和 X（小程序）",
        None,
    ),
    (
        "京ICP备12345678号-1-2",
        "more than one website sequence",
        "不止一个网站序号；一个号码最多只有一个（…号-2）",
        None,
    ),
    (
        "京ICP备12345678号12",
        "unexpected '12'",
        "号码后紧跟着多余的 '12'；号码应以 号、-N、-NA 或 -NX 结尾",
        None,
    ),
    ("ICP备12345678号", "no province abbreviation before ICP备", "ICP备 前没有省份简称", None),
    (
        "国ICP备12345678号",
        "'国' is not a province ICP abbreviation",
        "ICP备 前的 '国' 不是省份的 ICP 简称",
        None,
    ),
    ("京ICP证ICP证030173号", "'ICP证' is written twice", "'ICP证' 写了两次；只写一次", None),
    # Only 备 or 证 right after the letters ICP is the anchor written twice; a stray 备 in
    # front, or ICP before another character, is read as a wrong abbreviation.
    (
        "备ICP备12345678号",
        "'备' is not a province ICP abbreviation",
        "ICP备 前的 '备' 不是省份的 ICP 简称",
        None,
    ),
    (
        "ICP萌ICP备20230001号",
        "萌 is not a province abbreviation",
        "萌 不是省份简称",
        "恶搞备案网站 icp.gov.moe",
    ),
    (
        "川大ICP备12345678号",
        "'川大' is not a province abbreviation",
        "'川大' 不是省份简称",
        "校园或行业的备案号（川大ICP备…）",
    ),
    (
        "闵ICP备12345678号",
        "Fujian's is 闽",
        "闵 不是省份简称；福建的简称是 闽（闽ICP备…）",
        "把 闽 误写成 闵 的福建号码",
    ),
    ("萌ICP备20230001号", "萌 is not a province abbreviation", "萌 不是省份简称", "恶搞备案网站 icp.gov.moe"),
    ("港ICP备12345678号", "which has no ICP filing", "那里没有 ICP 备案", "声称来自香港"),
    ("港B2-20090059", "mainland telecom licences", "也不发内地的电信业务经营许可证", "声称来自香港"),
    ("闵B2-20090059", "Fujian's is 闽 (闽B2-…)", "福建的简称是 闽（闽B2-…）", "把 闽 误写成 闵 的福建号码"),
    ("A2.B2.B2-20090003", "a business class is written twice", "A2.B2.B2 中有一个业务类别写了两次", None),
    ("沪公网安备31010402000001号", "ICP备, ICP证 or B2", "紧接 ICP备、ICP证 或 B2", "公安备案号（公网安备）"),
    ("京公安网安备11010802000001号", "ICP备, ICP证 or B2", "紧接 ICP备、ICP证 或 B2", "联网备案号（网安备）"),
    (
        "京网文〔2020〕1234-567号",
        "ICP备, ICP证 or B2",
        "紧接 ICP备、ICP证 或 B2",
        "网络文化经营许可证号（网文许字）",
    ),
    (
        "网信算备110108823483901230011号",
        "ICP备, ICP证 or B2",
        "紧接 ICP备、ICP证 或 B2",
        "算法备案号（网信算备）",
    ),
    (
        "京备12345678号",
        "'ICP' is missing between 京 and 备",
        "京 与 备 之间缺少 'ICP'；应写作 京ICP备12345678号",
        None,
    ),
    (
        "京备1101080200000号",
        "old public-security number",
        "'京备' 后接 13 位数字的是旧式公安备案号",
        "旧式的公安备案号",
    ),
    (
        "京交备12345678号",
        "'京交' is not a province abbreviation",
        "'京交' 不是省份简称，且缺少 'ICP'",
        "行业或校园的备案号（京交备…）",
    ),
    ("ICP", "'ICP' is not followed by 备 or 证", "'ICP' 后面没有 备 或 证 和序号", None),
    ("", "the text is empty", "文本为空", None),
    (
        "hello",
        "no ICP number found",
        "没有找到备案号或许可证号；它们形如 京ICP备12345678号-1、京ICP证030173号",
        None,
    ),
    (
        "京ICP备12345678号 沪ICP备12345678号",
        "it holds 2 different ICP numbers",
        "其中有 2 个不同的 ICP 号码（京ICP备12345678号、沪ICP备12345678号）；请只传入一个",
        None,
    ),
]

# Latin-script words a Chinese message may hold: codes, the functions it names, and
# the parts of the numbers it shows. Anything else is English left untranslated.
_ALLOWED = {"ICP", "A", "B", "X", "N", "NA", "NX", "A1", "A2", "B1", "B2"}
_DOMAIN = re.compile(r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_IDENTIFIER = re.compile(r"[A-Za-z]\w*_\w*(?:\(\))?")
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_QUOTED = re.compile(r"'([^'\n]*)'")
_ENGLISH = {"is", "not", "the", "followed", "by", "a", "an", "of", "or", "and", "it", "has", "with", "number"}


def _refused(text: object) -> InvalidIcpNumberError:
    with pytest.raises(InvalidIcpNumberError) as info:
        bp.parse_icp_number(text)  # type: ignore[arg-type]
    return info.value


def _latin_words(zh: str, text: object) -> set[str]:
    """The Latin-script words of *zh* outside the input it shows, domains and ids."""
    rest = zh.replace(repr(text), " ")
    # A quoted piece of the input ('Z', '12') is the input, not a word of the message.
    rest = _QUOTED.sub(lambda m: " " if m.group(1) in str(text) else m.group(0), rest)
    rest = _IDENTIFIER.sub(" ", _DOMAIN.sub(" ", rest))
    return {w for w in _WORD.findall(rest) if w not in _ALLOWED}


@pytest.mark.parametrize(("text", "en", "zh", "looks_like_zh"), CASES)
def test_each_reason_is_given_in_both_languages(
    text: str, en: str, zh: str, looks_like_zh: str | None
) -> None:
    error = _refused(text)
    assert en in error.reason
    assert en in str(error)
    assert zh in error.reason_zh
    assert zh in error.zh
    assert error.zh.startswith(f"{text!r} 不是 ICP 备案号或许可证号：")
    if looks_like_zh is None:
        assert error.looks_like_zh is None
        assert "看起来像" not in error.zh
    else:
        assert error.looks_like_zh is not None
        assert looks_like_zh in error.looks_like_zh
        assert f"（看起来像{error.looks_like_zh}）" in error.zh
        assert error.looks_like is not None
        assert error.looks_like not in error.zh


@pytest.mark.parametrize("text", [case[0] for case in CASES] + [b"\xe4\xba\xac", 12345678])
def test_the_chinese_message_has_no_english_words(text: object) -> None:
    error = _refused(text)
    assert error.reason not in error.zh
    assert _latin_words(error.zh, text) <= {type(text).__name__}
    assert not {w.lower() for w in _WORD.findall(error.reason_zh)} & (_ENGLISH - {"a"})


def test_the_scan_would_catch_english() -> None:
    # The old Chinese message embedded the English reason: the scan must see it.
    old = "'京ICP备abc号' 不是 ICP 备案号或许可证号：'ICP备' is not followed by a serial"
    assert _latin_words(old, "京ICP备abc号") == {"is", "not", "followed", "by", "a", "serial"}


def test_a_non_string_is_refused_in_both_languages() -> None:
    error = _refused(12345678)
    assert error.reason == "expected a string, not int"
    assert error.reason_zh == "应为字符串，而不是 int"


def test_the_old_constructor_still_works() -> None:
    error = InvalidIcpNumberError("x", "a reason", looks_like="a thing")
    assert (error.reason, error.reason_zh) == ("a reason", "a reason")
    assert (error.looks_like, error.looks_like_zh) == ("a thing", "a thing")
    assert str(error) == "'x' is not an ICP number: a reason (it looks like a thing)"
    assert error.zh == "'x' 不是 ICP 备案号或许可证号：a reason（看起来像a thing）"


@pytest.mark.parametrize("text", ["京ICP备abc号", "沪公网安备31010402000001号", "闵ICP备12345678号"])
def test_pickling_keeps_both_languages(text: str) -> None:
    error = _refused(text)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is InvalidIcpNumberError
    assert str(copy) == str(error)
    assert copy.zh == error.zh
    assert (copy.reason, copy.reason_zh) == (error.reason, error.reason_zh)
    assert (copy.looks_like, copy.looks_like_zh) == (error.looks_like, error.looks_like_zh)


def test_pickling_keeps_chinese_when_the_input_does_not_pickle() -> None:
    error = InvalidIcpNumberError(lambda: None, "bad", reason_zh="坏", looks_like="x", looks_like_zh="某物")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.reason_zh, copy.looks_like_zh) == ("坏", "某物")
    assert copy.zh.endswith("不是 ICP 备案号或许可证号：坏（看起来像某物）")


def test_cli_prints_the_chinese_reason(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "京ICP备abc号", "--lang", "zh"]) == 3
    err = capsys.readouterr().err
    assert "'ICP备' 后面没有序号；完整的号码如 京ICP备12345678号" in err
    assert "followed" not in err


def test_cli_prints_the_english_reason(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "京ICP备abc号", "--lang", "en"]) == 3
    err = capsys.readouterr().err
    assert "'ICP备' is not followed by a serial; a number reads 京ICP备12345678号" in err
    assert "后面没有序号" not in err


def test_cli_json_error_has_both_reasons(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "沪公网安备31010402000001号", "--json"]) == 3
    body = json.loads(capsys.readouterr().out)["error"]
    assert body["code"] == "invalid_icp_number"
    assert "全国互联网安全管理服务平台（beian.gov.cn）的公安备案号（公网安备）" in body["message"]["zh"]
    assert "a public-security filing number (公网安备) from beian.gov.cn" in body["message"]["en"]
    assert "from beian.gov.cn" not in body["message"]["zh"]


# The Han blocks as Unicode's Blocks.txt bounds them (Extension A from U+3400, the
# unified block to U+9FFF, the compatibility ideographs U+F900 to U+FAFF, the
# supplementary and tertiary planes U+20000 to U+3FFFF): a Han character in front of
# ICP备 that is no abbreviation is named as such; the code point just outside each
# bound is no Han character, so there is "no province abbreviation" at all.
HAN_BOUNDS: list[tuple[int, bool]] = [
    (0x3400, True),
    (0x33FF, False),
    (0x9FFF, True),
    (0xA000, False),
    (0xF900, True),
    (0xF8FF, False),
    (0xFAFF, True),
    (0xFB00, False),
    (0x20000, True),
    (0x1FFFF, False),
    (0x3FFFF, True),
    (0x40000, False),
]


@pytest.mark.parametrize(("code", "han"), HAN_BOUNDS)
def test_the_han_blocks_end_where_unicode_ends_them(code: int, han: bool) -> None:
    reason = _refused(f"{chr(code)}ICP备12345678号").reason
    if han:
        assert "is not a province ICP abbreviation" in reason, reason
    else:
        assert "no province abbreviation before ICP备" in reason, reason

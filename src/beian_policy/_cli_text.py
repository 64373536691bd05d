"""Text for the command line: its interface labels in two languages, and layout by
display width (a Chinese character takes two terminal columns), so output stays
aligned and within 80 columns."""

from __future__ import annotations

import errno
import unicodedata
from collections.abc import Iterable, Mapping
from typing import IO

from ._enums import Lang

__all__ = ["WIDTH", "Output", "OutputError", "display_width", "pad", "printable", "ui_text", "wrap"]

WIDTH = 80

# --------------------------------------------------------------------------------------
# Interface text. The data's own texts (names, changes, steps, failures) come from the
# data file in both languages; only the labels of this interface live here.
# --------------------------------------------------------------------------------------

_UI: Mapping[str, tuple[str, str]] = {
    "changes": ("变更", "Changes"),
    "none": ("无", "none"),
    "verdict": ("结论", "Verdict"),
    "direct_none": ("可以直接接入：没有需要先变更的信息", "direct: nothing needs changing first"),
    "direct_deferred": (
        "可以直接接入：先接入，接入成功后再提交变更",
        "direct: transfer first, then file the changes afterwards",
    ),
    "not_direct": (
        "不能直接接入：须先在原接入商变更阻断项",
        "not direct: file the blocking changes at the original provider first",
    ),
    "not_direct_refile": (
        "不能直接接入，且原接入商无法联系：须注销网站备案后重新备案",
        "not direct, and the original provider cannot be reached: cancel the website's"
        " filing and file it again",
    ),
    "caution": ("注意：", "Caution: "),
    "basis": ("依据", "Basis"),
    "basis_province": ("省管局明确规定", "the province's own stated rules"),
    "basis_national_default": (
        "省管局规则未知，按全国默认做法（先变更，后接入）",
        "a province rule is unknown, so the strict national default applies (change first)",
    ),
    "basis_national_rule": ("全国规则", "national rules only"),
    "disputed": ("有争议", "Disputed"),
    "disputed_yes": ("是：有现行来源的说法与此不同", "yes: a current source says otherwise"),
    "no": ("否", "no"),
    "yes": ("是", "yes"),
    "data": ("数据版本", "Data"),
    "subject_kind": ("主体性质", "Subject"),
    "organisation": ("单位", "organisation"),
    "individual": ("个人", "individual"),
    "any_kind": ("未指定", "not given"),
    "blocking": ("阻断接入（须先在原接入商变更）", "Blocking (change at the original provider first)"),
    "deferred": ("可延后（接入成功后再变更）", "Deferred (may be changed after the transfer)"),
    "rule": ("规则", "rule"),
    "sources": ("来源", "Sources"),
    "deadline": ("{n}个工作日内", "within {n} working days"),
    "disputed_mark": ("有争议", "disputed"),
    "plan_for": ("接入步骤", "Plan"),
    "deadline_label": ("期限", "deadline"),
    "changes_label": ("变更项", "changes"),
    "direct_short": ("可直接接入", "direct"),
    "not_direct_short": ("不能直接接入", "not direct"),
    "code": ("代码", "code"),
    "name": ("名称", "name"),
    "name_other": ("英文名", "Chinese"),
    "abbr": ("简称", "abbr"),
    "default_rule": ("变更时机", "changes"),
    "specific": ("细则", "more"),
    "filed_up": ("已备可访", "filed up"),
    "unfiled_off": ("未备关闭", "unfiled off"),
    "after": ("接入后", "after"),
    "before": ("先变更", "before"),
    "unknown": ("未知", "unknown"),
    "days_short": ("{n}日", "{n}d"),
    "legend_default_rule": (
        "省管局对没有单独规则的变更的要求：接入后＝可先接入、接入成功后再变更（n日＝变更期限，工作日）；"
        "先变更＝须先在原接入商变更；未知＝没有来源说明，按先变更处理",
        "the rule for changes without a rule of their own: after = transfer first, change "
        "afterwards (nd = deadline in working days); before = change at the original "
        "provider first; unknown = no source says, so change first",
    ),
    "legend_specific": (
        "针对特定变更或特定主体性质的规则数",
        "rules for particular changes or subject kinds",
    ),
    "legend_filed_up": (
        "主体下已备案的网站须保持可访问",
        "the subject's filed websites must stay reachable",
    ),
    "legend_unfiled_off": (
        "未备案的网站或域名须保持关闭",
        "unfiled websites and domains must stay closed",
    ),
    "legend_marks": (
        "?＝没有来源说明；*＝有现行来源的说法不同。详情：beian-policy check 省份 -c 变更",
        "? = no source says; * = a current source disagrees. Details: beian-policy check PROVINCE -c CHANGE",
    ),
    "icp_province": ("省份", "province"),
    "icp_kind": ("类型", "kind"),
    "icp_subject": ("主体备案号", "subject number"),
    "icp_serial": ("流水号", "serial"),
    "icp_site": ("网站序号", "website"),
    "icp_service": ("服务类型", "service"),
    "icp_written": ("注意", "note"),
    "kind_filing": ("非经营性备案，ICP备", "non-commercial filing, ICP备"),
    "kind_licence": ("经营性ICP许可证，ICP证", "commercial ICP licence, ICP证"),
    "kind_b2": ("增值电信业务经营许可证，B2", "value-added telecom licence, B2"),
    "ministry": ("无（工业和信息化部颁发）", "none (issued by the ministry, MIIT)"),
    "subject_only": ("无（这是主体备案号）", "none (this is the subject's number)"),
    "service_A": ("App", "app"),
    "service_X": ("小程序", "mini-program"),
    "service_none": ("网站", "website"),
    "alt_abbr": (
        "用了非官方简称“{a}”；工信部号码用“{c}”，请核对是否抄错或伪造",
        "written with {a}, not the official {c}: check for a typo or a fake",
    ),
    "std_abbr": ("标准写法", "canonical"),
    "causes": ("可能原因", "Causes"),
    "remedies": ("处理办法", "Remedies"),
    "applies": ("适用", "applies"),
    "applies_if": ("适用条件：{c}", "applies if {c}"),
    "to_decide": ("补充以下信息可确定处理办法", "Give these to settle the remedy"),
    "related": ("相关失败原因", "Related failures"),
    "facts": ("已知情况", "Facts"),
    "icp_subject_number": ("主体备案号", "Subject number"),
    "icp_problem": ("备案号问题", "ICP number"),
    "province": ("省份", "Province"),
    "steps": ("步骤", "Steps"),
    "valid_ok": (
        "{path}：没有问题（{n}个省份，数据版本 {v}，格式 {s}）",
        "{path}: OK ({n} provinces, data {v}, schema {s})",
    ),
    "valid_bad": ("{path}：{n}个问题", "{path}: {n} problem(s)"),
    "warning": ("警告", "warning"),
    "v_code": ("程序版本", "code"),
    "v_data": ("数据版本", "data"),
    "v_as_of": ("数据核对日期", "as of"),
    "v_schema": ("数据格式", "schema"),
    "v_reads": ("本程序读取 {s}", "this code reads {s}"),
    "v_file": ("数据文件", "data file"),
}


def ui_text(key: str, lang: Lang, **values: object) -> str:
    zh, en = _UI[key]
    text = en if lang is Lang.EN else zh
    return text.format(**values) if values else text


# --------------------------------------------------------------------------------------
# Text layout by display width: a Chinese character takes two columns.
# --------------------------------------------------------------------------------------


def display_width(text: str) -> int:
    width = 0
    for char in text:
        if unicodedata.combining(char) or char in "\u200b\u200d\ufeff":
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


_OPENING = frozenset("（《「『“‘〔【")
_CLOSING = frozenset("）》」』”’〕】，。、；：！？")


def _tokens(text: str) -> list[str]:
    """The units a line may break between: words (with their trailing space) and
    single wide characters, with opening brackets kept on the next unit and closing
    punctuation on the previous one."""
    merged: list[str] = []
    pending = ""
    for token in _raw_tokens(text):
        if token in _CLOSING and merged:
            merged[-1] += token
        elif token in _OPENING:
            pending += token
        else:
            merged.append(pending + token)
            pending = ""
    if pending:
        merged.append(pending)
    return merged


def _raw_tokens(text: str) -> list[str]:
    tokens: list[str] = []
    word = ""
    for char in text:
        if char == " ":
            tokens.append(word + " ")
            word = ""
        elif char == "+":
            tokens.append(word + char)
            word = ""
        elif display_width(char) == 2:
            if word:
                tokens.append(word)
                word = ""
            tokens.append(char)
        else:
            word += char
    if word:
        tokens.append(word)
    return tokens


def wrap(text: str, width: int = WIDTH, *, indent: str = "", first: str | None = None) -> list[str]:
    """*text* in lines of at most *width* columns; a word longer than a line stays
    whole (a URL or a path must stay copyable). *first* (default *indent*) starts the
    first line, *indent* the others."""
    line = indent if first is None else first
    used = display_width(line)
    lines: list[str] = []
    content = False
    for token in _tokens(text):
        size = display_width(token.rstrip(" "))
        if content and used + size > width:
            lines.append(line.rstrip())
            line, used, content = indent, display_width(indent), False
            if not token.strip():
                continue
        line += token
        used += display_width(token)
        content = True
    if content or not lines:
        lines.append(line.rstrip())
    return lines


def printable(text: str) -> str:
    """*text* with lone surrogates written as ``\\udcXX``, so a strict UTF-8 stream can
    write it. Python turns bytes in ``argv`` (or a file name) that are not UTF-8 into
    such surrogates; inside JSON strings the escape reads back as the same text."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


class OutputError(Exception):
    """Writing the output failed (a full disk, a closed stdout...), as opposed to a
    reader that went away (:class:`BrokenPipeError`, which passes through)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error.strerror or str(error))
        self.error = error


class Output:
    """Lines written to *stream* (None when stdout is closed). Every write error other
    than a broken pipe becomes :class:`OutputError`, so it is never taken for an
    error reading input."""

    def __init__(self, stream: IO[str] | None) -> None:
        self.stream = stream

    def _stream(self) -> IO[str]:
        if self.stream is None:
            raise OutputError(OSError(errno.EBADF, "standard output is closed"))
        return self.stream

    def line(self, text: str = "") -> None:
        stream = self._stream()
        try:
            stream.write(printable(text) + "\n")
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc) from exc

    def lines(self, lines: Iterable[str]) -> None:
        for text in lines:
            self.line(text)

    def flush(self) -> None:
        stream = self._stream()
        try:
            stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise OutputError(exc) from exc

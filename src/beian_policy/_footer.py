"""``check_footer``: does a page show its filing number, exactly, linked to MIIT's
filing system?

The page is read with the standard library's ``html.parser`` (no network): the text
and links inside ``<footer>`` elements, or elements whose id or class mentions
"footer", or the whole page when it has none. The numbers in that text are found with
:func:`~beian_policy.find_icp_numbers`, so this module reads HTML only as far as it
must to know which text sits inside which link.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from html.parser import HTMLParser
from urllib.parse import urlsplit

import attrs

from ._data._loader import resolve_policy
from ._decision import coerce_as_of
from ._enums import Severity
from ._finding import Finding, FooterCheck
from ._icp import IcpNumber, find_icp_numbers, parse_icp_number
from ._ids import FindingId
from ._model import Text
from ._policy import Policy
from ._vocab import RuleId
from .errors import ArgumentTypeError
from .errors import shown as short_repr

__all__ = ["check_footer"]

#: The host the filing number must link to.
MIIT_HOST = "beian.miit.gov.cn"
#: Hosts of the filing system that stopped being used (2019-04-25).
RETIRED_HOSTS = frozenset(
    {"miitbeian.gov.cn", "www.miitbeian.gov.cn", "miibeian.gov.cn", "www.miibeian.gov.cn"}
)
_VOID = frozenset({"br", "img", "hr", "meta", "link", "input", "wbr", "source", "area", "base", "col"})
_SPACE = re.compile(r"\s+")
_Report = Callable[[FindingId, Severity, Text, Text], None]


@attrs.define
class _Link:
    href: str
    text: list[str] = attrs.field(factory=list)


class _FooterReader(HTMLParser):
    """Collects the text and links of the page and of its footer parts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page_text: list[str] = []
        self.footer_text: list[str] = []
        self.page_links: list[_Link] = []
        self.footer_links: list[_Link] = []
        self._stack: list[bool] = []  # per open element: does it start a footer part?
        self._links: list[_Link] = []
        self._skip = 0

    @property
    def _in_footer(self) -> bool:
        return any(self._stack)

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        if tag in _VOID:
            return
        values = dict(attributes)
        marks = f"{values.get('id') or ''} {values.get('class') or ''}".lower()
        self._stack.append(tag == "footer" or "footer" in marks)
        if tag == "a":
            link = _Link(values.get("href") or "")
            self._links.append(link)
            self.page_links.append(link)
            if self._in_footer:
                self.footer_links.append(link)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        if tag in _VOID or not self._stack:
            return
        self._stack.pop()
        if tag == "a" and self._links:
            self._links.pop()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.page_text.append(data)
        if self._in_footer:
            self.footer_text.append(data)
        for link in self._links:
            link.text.append(data)


def _flat(parts: list[str]) -> str:
    return _SPACE.sub(" ", "".join(parts)).strip()


def check_footer(
    html: str,
    icp_number: str | IcpNumber,
    *,
    as_of: dt.date | None = None,
    policy: Policy | None = None,
) -> FooterCheck:
    """Check that *html* (a page, usually the home page) shows *icp_number* exactly in
    its footer, with 号 (the subject's number or one of its website numbers ``-N``),
    linked to ``https://beian.miit.gov.cn``.

    Findings: ``footer_number_missing``, ``footer_number_wrong`` (another number, or
    the right one written inexactly) and ``footer_link_wrong`` (no link, a retired
    host, ``www.``, or ``http``); before the link rule took effect (*as_of*; None:
    the data's own date) a wrong link is only ``info``. Raises
    ``InvalidIcpNumberError`` for a bad *icp_number*.
    """
    if not isinstance(html, str):
        raise ArgumentTypeError("html", html, ["the page's HTML (str)"])
    pol = resolve_policy(policy)
    day = coerce_as_of(as_of, pol)
    expected = parse_icp_number(icp_number, policy=pol)
    reader = _FooterReader()
    reader.feed(html)
    reader.close()
    in_footer = bool(reader.footer_text)
    text = _flat(reader.footer_text if in_footer else reader.page_text)
    links = reader.footer_links if in_footer else reader.page_links
    rule = pol.national_rule(RuleId.FOOTER_NUMBER_LINKED.value)
    findings: list[Finding] = []

    def add(finding_id: FindingId, severity: Severity, message: Text, fix: Text) -> None:
        findings.append(Finding(finding_id, severity, message, "footer_html", rule.id, rule.sources, fix))

    shown = [n for n in find_icp_numbers(text, policy=pol) if n.subject_number == expected.subject_number]
    others = [n for n in find_icp_numbers(text, policy=pol) if n.subject_number != expected.subject_number]
    if not shown and others:
        add(
            FindingId.FOOTER_NUMBER_WRONG,
            Severity.BLOCKS,
            Text(
                f"页脚显示的是 {others[0].canonical}，不是 {expected.canonical}。",
                f"The footer shows {others[0].canonical}, not {expected.canonical}.",
            ),
            Text(f"改为 {expected.canonical}。", f"Show {expected.canonical} instead."),
        )
    elif not shown:
        add(
            FindingId.FOOTER_NUMBER_MISSING,
            Severity.BLOCKS,
            Text("页面底部没有找到备案号。", "No filing number was found at the foot of the page."),
            Text(
                f"在首页底部中间显示 {expected.canonical}，并链接到 https://{MIIT_HOST}。",
                f"Show {expected.canonical} at the centre of the home page's footer, linked to https://{MIIT_HOST}.",
            ),
        )
    else:
        exact = [n for n in shown if n.canonical in text]
        if not exact:
            add(
                FindingId.FOOTER_NUMBER_WRONG,
                Severity.WARNING,
                Text(
                    f"备案号写法不完全一致（应为 {shown[0].canonical}，含“号”）。",
                    f"The number is not written exactly (it should read {shown[0].canonical}, with 号).",
                ),
                Text(f"原样写出 {shown[0].canonical}。", f"Write it exactly as {shown[0].canonical}."),
            )
        _check_link(add, shown, links)
    if not rule.in_force(expected.province.code if expected.province else None, day):
        findings = [
            attrs.evolve(f, severity=Severity.INFO) if f.id is FindingId.FOOTER_LINK_WRONG else f
            for f in findings
        ]
    return FooterCheck(expected.canonical, tuple(findings), pol.data_version)


def _check_link(report: _Report, shown: list[IcpNumber], links: list[_Link]) -> None:
    subjects = {n.subject_number for n in shown}
    around = [
        link
        for link in links
        if any(n.subject_number in subjects for n in find_icp_numbers(_flat(link.text)))
    ]
    if not around:
        report(
            FindingId.FOOTER_LINK_WRONG,
            Severity.BLOCKS,
            Text("备案号没有链接。", "The filing number is not a link."),
            Text(f"把备案号链接到 https://{MIIT_HOST}。", f"Link the number to https://{MIIT_HOST}."),
        )
        return
    parts = urlsplit(around[0].href.strip())
    host = (parts.hostname or "").lower()
    if host in RETIRED_HOSTS:
        report(
            FindingId.FOOTER_LINK_WRONG,
            Severity.BLOCKS,
            Text(f"备案号链接到已停用的 {host}。", f"The number links to {host}, which is no longer in use."),
            Text(f"改为链接 https://{MIIT_HOST}。", f"Link to https://{MIIT_HOST} instead."),
        )
    elif host == f"www.{MIIT_HOST}":
        report(
            FindingId.FOOTER_LINK_WRONG,
            Severity.WARNING,
            Text(
                f"备案号链接到 {host}；规定的地址是 https://{MIIT_HOST}（不带 www）。",
                f"The number links to {host}; the stated address is https://{MIIT_HOST} (without www).",
            ),
            Text(f"改为链接 https://{MIIT_HOST}。", f"Link to https://{MIIT_HOST} instead."),
        )
    elif host != MIIT_HOST:
        report(
            FindingId.FOOTER_LINK_WRONG,
            Severity.BLOCKS,
            Text(
                f"备案号链接到 {short_repr(host or around[0].href)}，不是工信部备案系统。",
                f"The number links to {short_repr(host or around[0].href)}, not MIIT's filing system.",
            ),
            Text(f"改为链接 https://{MIIT_HOST}。", f"Link to https://{MIIT_HOST} instead."),
        )
    elif parts.scheme != "https":
        report(
            FindingId.FOOTER_LINK_WRONG,
            Severity.WARNING,
            Text(
                f"链接使用 {parts.scheme or '相对地址'}；规定的地址是 https://{MIIT_HOST}。",
                f"The link uses {parts.scheme or 'no scheme'}; the stated address is https://{MIIT_HOST}.",
            ),
            Text(f"改为 https://{MIIT_HOST}。", f"Use https://{MIIT_HOST}."),
        )

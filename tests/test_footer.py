"""check_footer: the filing number shown exactly, linked to https://beian.miit.gov.cn.
Expectations from UCloud's 2019-12-16 footer notice, its 2019-04-25 host notice and the
user reports collected in the reference (a missing 号, a www. link)."""

from __future__ import annotations

import datetime as dt

import pytest

import beian_policy as bp
from beian_policy.errors import ArgumentTypeError, InvalidIcpNumberError

NUMBER = "京ICP备12345678号"


def footer(inner: str) -> str:
    return f"<html><body><main><p>正文 京ICP备87654321号</p></main><footer>{inner}</footer></body></html>"


def found(html: str, number: str = NUMBER, **kwargs: object) -> set[tuple[str, str]]:
    result = bp.check_footer(html, number, **kwargs)  # type: ignore[arg-type]
    return {(f.id.value, f.severity.value) for f in result.findings}


@pytest.mark.parametrize(
    "inner",
    [
        '<a href="https://beian.miit.gov.cn/">京ICP备12345678号</a>',
        '<a href="https://beian.miit.gov.cn" target="_blank">京ICP备12345678号-2</a>',  # a website's number
        '© 2026 示例 | <a href="https://beian.miit.gov.cn/#/Integrated/index"><span>京ICP备12345678号</span></a>',
    ],
)
def test_a_correct_footer_passes(inner: str) -> None:
    result = bp.check_footer(footer(inner), NUMBER)
    assert result.findings == ()
    assert result.ok


def test_the_number_is_missing() -> None:
    assert found(footer("© 2026 示例")) == {("footer_number_missing", "blocks")}


def test_another_subjects_number_is_wrong() -> None:
    html = footer('<a href="https://beian.miit.gov.cn">沪ICP备12345678号</a>')
    assert found(html) == {("footer_number_wrong", "blocks")}


def test_a_number_without_hao_is_inexact() -> None:
    html = footer('<a href="https://beian.miit.gov.cn">京ICP备12345678</a>')
    assert found(html) == {("footer_number_wrong", "warning")}


@pytest.mark.parametrize(
    ("href", "severity"),
    [
        ("http://www.miitbeian.gov.cn/", "blocks"),  # retired 2019-04-25
        ("http://miibeian.gov.cn", "blocks"),
        ("https://www.beian.miit.gov.cn/", "warning"),
        ("http://beian.miit.gov.cn/", "warning"),
        ("https://example.com/icp", "blocks"),
    ],
)
def test_wrong_links(href: str, severity: str) -> None:
    html = footer(f'<a href="{href}">京ICP备12345678号</a>')
    assert found(html) == {("footer_link_wrong", severity)}


def test_a_number_that_is_not_a_link() -> None:
    assert found(footer("京ICP备12345678号")) == {("footer_link_wrong", "blocks")}


def test_a_page_without_a_footer_element_is_read_whole() -> None:
    html = '<div><a href="https://beian.miit.gov.cn">京ICP备12345678号</a></div>'
    assert found(html) == set()


def test_a_footer_class_counts_as_the_footer() -> None:
    html = '<p>京ICP备12345678号</p><div class="site-footer">© 2026</div>'
    assert found(html) == {("footer_number_missing", "blocks")}


def test_findings_cite_the_footer_rule() -> None:
    [finding] = bp.check_footer(footer("© 2026"), NUMBER).findings
    assert finding.rule == "footer_number_linked"
    assert {s.id for s in finding.sources} == {"u-footer", "u-hosts"}
    assert "https://beian.miit.gov.cn" in finding.fix.en


def test_before_the_rule_a_bad_link_is_information() -> None:
    html = footer('<a href="https://example.com">京ICP备12345678号</a>')
    assert found(html, as_of=dt.date(2019, 1, 1)) == {("footer_link_wrong", "info")}


def test_bad_arguments() -> None:
    with pytest.raises(InvalidIcpNumberError):
        bp.check_footer("<footer></footer>", "not a number")
    with pytest.raises(ArgumentTypeError):
        bp.check_footer(b"<footer></footer>", NUMBER)  # type: ignore[arg-type]

"""How fast find_icp_numbers reads large HTML pages, beside a floor measured on the
same machine: the standard library's html.parser alone, with no handlers.

Run: python benchmarks/bench_icp.py [megabytes...]   (default: 1 5 10)

Time should grow linearly: the per-megabyte figure stays flat as the page grows, on
ordinary pages and on broken markup.
Not a test: timings depend on the machine and its load.
"""

from __future__ import annotations

import sys
import time
from html.parser import HTMLParser

from beian_policy import find_icp_numbers

_BLOCK = (
    "<div class='item'><h3>商品 {i}</h3><p>这是一段描述文字，包含 <b>加粗</b> 与 "
    "<a href='/p/{i}' title='详情 {i}'>链接</a>，价格 ¥{i}.00。</p>"
    "<img src='/i/{i}.png' alt='图片 {i}' data-id='{i}'></div>\n"
)
_FOOTER = (
    "<footer><p>©2026 某公司 <a href='https://beian.miit.gov.cn/'>京ICP备12345678号-1</a>"
    " | 合字B2-20170010 | 京公网安备11010802012345号</p></footer>"
)


def page(megabytes: float) -> str:
    """An HTML page of about *megabytes* MB (UTF-8) ending with a footer."""
    target = int(megabytes * 1_000_000)
    parts: list[str] = ["<html><body>"]
    size = 0
    i = 0
    while size < target:
        block = _BLOCK.format(i=i)
        parts.append(block)
        size += len(block.encode())
        i += 1
    parts.append(_FOOTER + "</body></html>")
    return "".join(parts)


def best_of(runs: int, func: object, text: str) -> float:
    assert callable(func)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func(text)
        times.append(time.perf_counter() - start)
    return min(times)


def bare_parse(text: str) -> None:
    parser = HTMLParser()
    parser.feed(text)
    parser.close()


def main(sizes: list[float]) -> None:
    print(f"{'MB':>6} {'find_icp_numbers':>17} {'s/MB':>7} {'html.parser floor':>18} {'ratio':>6}")
    for mb in sizes:
        text = page(mb)
        numbers = find_icp_numbers(text)
        assert [str(n) for n in numbers] == ["京ICP备12345678号-1", "合字B2-20170010"], numbers
        ours = best_of(3, find_icp_numbers, text)
        floor = best_of(3, bare_parse, text)
        print(f"{mb:>6g} {ours:>16.2f}s {ours / mb:>7.3f} {floor:>17.2f}s {ours / floor:>6.2f}")


def broken_markup() -> None:
    """Unclosed tags, on which html.parser alone is quadratic before Python 3.13.4:
    time per MB should stay flat here too."""
    print(f"{'broken MB':>9} {'find_icp_numbers':>17} {'s/MB':>7}")
    for mb in (0.5, 1, 2):
        text = "<a " * int(mb * 1_000_000 / 3) + "京ICP备12345678号"
        assert [str(n) for n in find_icp_numbers(text)] == ["京ICP备12345678号"]
        ours = best_of(3, find_icp_numbers, text)
        print(f"{mb:>9g} {ours:>16.2f}s {ours / mb:>7.3f}")


if __name__ == "__main__":
    main([float(a) for a in sys.argv[1:]] or [1, 5, 10])
    broken_markup()

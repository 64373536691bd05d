"""``find`` and ``rules``: the ICP numbers in a page, and the answers that hold in
every province (the seed FAQ: a rejection leaves the site reachable while the filing
stands; DNS moves after approval; no edits during a transfer)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from beian_policy._cli import main

# Tencent's own footer (the newcomer trial, F10): a licence and a filing number.
FOOTER = (
    '<p>京ICP证150476号 | <a href="https://beian.miit.gov.cn">京ICP备11018762号-1</a></p>'
    " 京公网安备11010802020088号"
)


def test_find_lists_the_numbers_of_a_page(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text(FOOTER, encoding="utf-8")
    assert main(["find", str(page), "--lang", "en"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "京ICP证150476号  Beijing (北京市, CN-BJ)",
        "京ICP备11018762号-1  Beijing (北京市, CN-BJ)",
    ]
    assert main(["find", str(page), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(n["kind"], n["subject_number"]) for n in data] == [
        ("licence", "京ICP证150476号"),
        ("filing", "京ICP备11018762号"),
    ]


def test_find_reads_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("备案号：粤B2-20090059-5"))
    assert main(["find", "-", "--lang", "en"]) == 0
    assert capsys.readouterr().out == "粤B2-20090059-5  Guangdong (广东省, CN-GD)\n"


def test_rules_give_the_general_answers(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "接入过程中不能修改备案信息" in out
    assert "[no_edit_during_transfer]" in out
    assert "只要工信部的备案没有被注销，驳回不影响网站访问" in out
    assert "审核通过之前不要把域名解析指向新接入商" in out
    assert main(["rules", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "dns_after_transfer" in {rule["id"] for rule in data["national_rules"]}
    assert data["rejection_impact"]["dns_to_new_provider_allowed"] is False
    assert data["rejection_impact"]["restorable_if_cancelled"] is False


def test_province_shows_rules_disputes_and_notes(capsys: pytest.CaptureFixture[str]) -> None:
    # 陕西: Tencent's page lets organisations transfer first (tc-cn-sn); JD Cloud's stock
    # line says change first (j-cn-sn); unfiled sites must be closed per JD (j-cn-sn).
    assert main(["province", "陕西", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("陕西省（CN-SN，Shaanxi）")
    assert "须先在原接入商变更（该来源各省页面通用的句子）\n    [CN-SN/j-cn-sn/1] · 京东云 [j-cn-sn]" in out
    assert "主办单位名称" in out
    assert "未备案的网站或域名须保持关闭：    是 [j-cn-sn]" in out
    assert main(["province", "北京", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["province"]["code"] == "CN-BJ"
    assert [s["id"] for s in data["statements"]] == [
        "CN-BJ/tc-cn-bj/1",
        "CN-BJ/tc-cn-bj/2",
        "CN-BJ/tc-cn-bj/3",
        # Alibaba Cloud's 2018-06-09 北京 page (its block ended 2019-02-19).
        "CN-BJ/a-cn-bj-20180609/1",
        "CN-BJ/a-cn-bj-20180609/2",
        "CN-BJ/a-cn-bj-20180609/3",
    ]
    assert data["transfer_note"]["text"]["zh"].startswith("腾讯云北京页面")

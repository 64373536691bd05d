"""The ``preflight`` and ``footer`` commands, run in process through ``main``: exit 0
when nothing blocks, 1 when something does, 3 for an unreadable application with every
problem on its own line; ``--json`` is the API's own answer."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

import beian_policy as bp
from beian_policy._cli import main
from beian_policy._json import to_dict

GOOD = """\
province = "北京"
subject_kind = "企业"
certificate_number = "91110000600037341L"
documents_ready = []
changes = []
multiple_cloud_resources = false

[subject_owner]
id_number = "11010519491231002X"
id_province = "北京"
phone = "13800138000"
birth_date = 1949-12-31

[[websites]]
pre_approval_needed = false

[[websites.domains]]
name = "example.com"
registrant = "subject"
registrar_domestic = true
real_name_verified_on = 2026-01-01
expires_on = 2028-01-01
privacy_protection = false
"""


def test_a_clean_application_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "app.toml"
    path.write_text(GOOD, encoding="utf-8")
    assert main(["preflight", str(path), "--as-of", "2026-12-01", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "nothing blocks" in out
    assert "Nothing found." in out


def test_a_blocked_application_exits_1_and_json_is_the_api_answer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "app.toml"
    path.write_text(GOOD.replace("example.com", "example.io"), encoding="utf-8")
    assert main(["preflight", str(path), "--as-of", "2026-12-01", "--json"]) == 1
    printed = json.loads(capsys.readouterr().out)
    assert printed["ok"] is False
    assert [f["id"] for f in printed["findings"]] == ["domain_tld_not_fileable"]
    data = dict(__import__("tomllib").loads(GOOD.replace("example.com", "example.io")))
    data.pop("province")
    assert printed == to_dict(bp.preflight("北京", data, as_of=dt.date(2026, 12, 1)))


def test_province_option_overrides_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "app.json"
    path.write_text(json.dumps({"subject_kind": "单位"}), encoding="utf-8")
    assert main(["preflight", str(path), "-p", "广东", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["province"]["code"] == "CN-GD"


def test_an_unreadable_application_lists_every_problem(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = {"subject_kind": "x", "websites": [{"domains": [{"expires_on": "soon"}]}]}
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(bad)))
    assert main(["preflight", "-", "-p", "北京"]) == 3
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2
    assert any("subject_kind" in line for line in err)
    assert any("websites[0].domains[0].expires_on" in line for line in err)


def test_no_province_anywhere_is_an_application_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "app.toml"
    path.write_text('subject_kind = "个人"\n', encoding="utf-8")
    assert main(["preflight", str(path)]) == 3
    assert "province" in capsys.readouterr().err


def test_a_broken_toml_file_exits_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "app.toml"
    path.write_text("subject_kind = \n", encoding="utf-8")
    assert main(["preflight", str(path)]) == 3
    assert "not valid TOML" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("href", "code"),
    [("https://beian.miit.gov.cn", 0), ("http://www.miitbeian.gov.cn", 1)],
)
def test_footer_command(
    href: str, code: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    page = f'<footer><a href="{href}">京ICP备12345678号</a></footer>'
    monkeypatch.setattr("sys.stdin", io.StringIO(page))
    assert main(["footer", "-", "--icp-number", "京ICP备12345678号", "--json"]) == code
    printed = json.loads(capsys.readouterr().out)
    assert printed["ok"] is (code == 0)


def test_footer_text_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "index.html"
    path.write_text("<footer>© 2026</footer>", encoding="utf-8")
    assert main(["footer", str(path), "--icp-number", "京ICP备12345678号", "--lang", "zh"]) == 1
    out = capsys.readouterr().out
    assert "页脚不符合要求" in out
    assert "footer_number_missing" in out

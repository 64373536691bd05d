"""The installed ``beian-policy`` command, run as a subprocess as users run it.

JSON output is compared with the API's own answer for the same question (one
serialisation), and with facts read off the data by hand (辽宁 refuses transfer
first, 北京 allows it with a 10-working-day deadline). Subprocesses are few and each
checks several things, to keep the suite fast; what needs no real process (exit codes,
error lines, layout) runs ``main`` in process.
"""

from __future__ import annotations

import errno
import io
import json
import os
import shutil
import subprocess
import sys
import unicodedata
from collections.abc import Mapping
from pathlib import Path

import pytest

import beian_policy as bp
from beian_policy._cli import main
from beian_policy._diagnosis import diagnose
from beian_policy._enums import Failure
from beian_policy._icp import parse_icp_number
from beian_policy._json import to_dict
from tests.conftest import replace_once

SCRIPT = shutil.which("beian-policy", path=str(Path(sys.executable).parent)) or shutil.which("beian-policy")
COMMAND = [SCRIPT] if SCRIPT else [sys.executable, "-m", "beian_policy"]
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


def run(
    *args: str, locale: Mapping[str, str] | None = None, hash_seed: str = "0"
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    env.update(locale or {})
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONHASHSEED"] = hash_seed
    return subprocess.run(
        [*COMMAND, *args], capture_output=True, text=True, encoding="utf-8", env=env, timeout=60, check=False
    )


def ok(*args: str, **kwargs: object) -> str:
    result = run(*args, **kwargs)  # type: ignore[arg-type]
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def assert_fits_80_columns(text: str) -> None:
    """Every line fits in 80 columns, except where a URL or a path that is longer than
    a line stands alone after its label (they are never broken, so they can be copied)."""
    for line in text.splitlines():
        words = line.split()
        assert width(line) <= 80 or ("/" in words[-1] and len(words) <= 3), line


def assert_one_line_error(
    result: subprocess.CompletedProcess[str], code: int, *, stdout: bool = False
) -> str:
    """The command failed with *code* and said why in one line on stderr (and, unless
    *stdout*, wrote nothing else)."""
    assert result.returncode == code, (result.stdout, result.stderr)
    assert bool(result.stdout) == stdout, result.stdout
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("beian-policy")
    return result.stderr


def test_the_console_script_is_installed() -> None:
    assert SCRIPT is not None, "the beian-policy console script is not installed"


# -- check --------------------------------------------------------------------------------


def test_check_json_is_the_api_answer_and_exit_codes() -> None:
    out = ok("check", "辽宁", "--change", "subject_name", "--subject-kind", "organisation", "--json")
    data = json.loads(out)
    assert data == to_dict(bp.assess_transfer("辽宁", ["subject_name"], subject_kind="organisation"))
    # Read off Tencent's company tab by hand: 辽宁 wants every change made at the original
    # provider first.
    assert data["direct"] is False
    assert data["blocking"] == ["subject_name"]
    assert data["province"]["code"] == "CN-LN"
    assert data["basis"] == "province"
    assert "tc-cn-ln" in data["sources"]
    assert data["sources_by_id"]["tc-cn-ln"]["url"].startswith("https://")

    not_direct = run("check", "LN", "-c", "subject_name", "--fail-if-not-direct", "--json")
    assert not_direct.returncode == 1
    assert json.loads(not_direct.stdout)["direct"] is False
    direct = run(
        "--json",
        "check",
        "北京",
        "-c",
        "subject_name,website_name",
        "--subject-kind",
        "organisation",
        "--fail-if-not-direct",
    )
    assert direct.returncode == 0
    answer = json.loads(direct.stdout)
    assert answer["deferred"] == ["subject_name", "website_name"]
    assert [v["deadline_working_days"] for v in answer["verdicts"]] == [10, 10]


def test_check_text_in_both_languages() -> None:
    en = ok(
        "check",
        "CN-BJ",
        "-c",
        "website_owner_phone",
        "-c",
        "subject_name",
        "--subject-kind",
        "organisation",
        "--lang",
        "en",
    )
    assert en.splitlines()[0] == "Beijing (北京市, CN-BJ)"
    assert "not direct" in en
    assert "subject name [subject_name] (within 10 working days)" in en
    assert "rule [national/sms_phone_must_match]" in en
    assert "[tc-cn-bj] Tencent Cloud: 北京管局要求" in en
    assert "https://cloud.tencent.com/document/product/243/51695" in en
    assert_fits_80_columns(en)

    zh = ok(
        "check",
        "CN-BJ",
        "-c",
        "website_owner_phone",
        "-c",
        "subject_name",
        "--subject-kind",
        "organisation",
        "--lang",
        "zh",
    )
    assert zh.splitlines()[0] == "北京市（CN-BJ，Beijing）"
    assert "不能直接接入" in zh
    assert "主办单位名称 [subject_name]（10个工作日内）" in zh
    assert "来源：" in zh
    assert_fits_80_columns(zh)


def test_language_defaults_to_the_locale_then_chinese() -> None:
    assert ok("check", "GD", locale={"LANG": "en_US.UTF-8"}).startswith("Guangdong (广东省, CN-GD)")
    assert ok("check", "GD", locale={}).startswith("广东省（CN-GD，Guangdong）")
    # LC_ALL wins over LANG, as in every POSIX program.
    assert ok("check", "GD", locale={"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}).startswith("广东省")
    assert ok("check", "GD", "--lang", "en", locale={"LC_ALL": "zh_CN.UTF-8"}).startswith("Guangdong")


def test_json_does_not_depend_on_the_hash_seed() -> None:
    """Sets are written in a fixed order, so two runs give byte-identical output."""
    args = ("steps", "北京", "-c", "website_name,subject_name,website_owner_phone", "--json")
    assert ok(*args, hash_seed="1") == ok(*args, hash_seed="2")


# -- steps --------------------------------------------------------------------------------


def test_steps_json_and_text() -> None:
    flags = ["--domain-owner-differs", "--has-extra-filings", "--subject-kind", "organisation"]
    data = json.loads(ok("steps", "北京", "-c", "subject_name", *flags, "--json"))
    plan = bp.plan_transfer(
        "北京",
        ["subject_name"],
        subject_kind="organisation",
        facts={"domain_owner_matches_subject": False, "has_extra_filings": True},
    )
    assert data == to_dict(plan)
    ids = data["step_ids"]
    assert ids[0] == "change_domain_owner"
    assert "cancel_extra_filings" in ids
    assert ids[-1] == "update_filing_after_transfer"
    assert data["steps"][-1]["deadline_working_days"] == 10

    text = ok("steps", "北京", "-c", "subject_name", *flags, "--lang", "en")
    numbered = [line for line in text.splitlines() if line[:4].strip().rstrip(".").isdigit()]
    assert [line.split(". ", 1)[1] for line in numbered] == [step.title.get("en") for step in plan.steps]
    assert numbered[0] == " 1. Change the domain owner at the registrar to the filing subject"
    assert "deadline: within 10 working days" in text
    assert_fits_80_columns(text)
    zh = ok("steps", "北京", "-c", "subject_name", *flags, "--lang", "zh")
    assert " 1. 在域名注册商处把域名所有者改为备案主体" in zh
    assert "期限：10个工作日内" in zh


# -- diagnose -----------------------------------------------------------------------------


def test_diagnose_json_and_text() -> None:
    args = ("diagnose", "sms_verification_failed", "--province", "辽宁", "--submitted", "--no-other-websites")
    data = json.loads(ok(*args, "--icp-number", "辽ICP备12345678号-1", "--json"))
    assert data == to_dict(
        diagnose(
            "sms_verification_failed",
            "辽宁",
            submitted_to_administration=True,
            subject_has_other_websites=False,
            icp_number="辽ICP备12345678号-1",
        )
    )
    assert data["failure"] == "sms_verification_failed"
    assert data["subject_number"] == "辽ICP备12345678号"
    assert data["facts"]["submitted_to_administration"] is True

    en = ok(*args, "--lang", "en")
    assert en.startswith("The MIIT SMS verification did not pass [sms_verification_failed]")
    assert "Liaoning (辽宁省, CN-LN)" in en
    assert_fits_80_columns(en)
    zh = ok("diagnose", "短信验证未通过", "--lang", "zh")
    title = bp.default_policy().failure_info(Failure.SMS_VERIFICATION_FAILED).title
    assert zh.startswith(f"{title.zh} [sms_verification_failed]")
    assert en.startswith(f"{title.en} [sms_verification_failed]")
    assert "可能原因：" in zh
    # The fact a remedy needs, in words: 原接入商可以联系 (original_provider_reachable).
    assert "原接入商可以联系: --original-provider-reachable" in zh


# -- parse --------------------------------------------------------------------------------


def test_parse_normalises_and_explains() -> None:
    data = json.loads(ok("parse", "川ICP備１２３４５６７８号－２", "--json"))
    assert data == to_dict(parse_icp_number("川ICP备12345678号-2"))
    assert data["canonical"] == "蜀ICP备12345678号-2"
    assert data["subject_number"] == "蜀ICP备12345678号"
    assert data["alternative_abbreviation"] is True
    assert data["province"]["code"] == "CN-SC"

    en = ok("parse", "粤B2-20090059-5", "--lang", "en")
    assert en.splitlines()[0] == "粤B2-20090059-5"
    assert "Guangdong (广东省, CN-GD)" in en
    assert "value-added telecom licence" in en
    zh = ok("parse", "川ICP备12345678号-2", "--lang", "zh")
    assert "蜀ICP备12345678号-2" in zh
    assert "非官方简称“川”" in zh


# -- vocabularies and tables ----------------------------------------------------------------


def test_provinces_table_and_json() -> None:
    en = ok("provinces", "--lang", "en")
    lines = en.splitlines()
    rows = [line for line in lines if line.startswith("CN-")]
    assert [row.split()[0] for row in rows] == [p.code for p in bp.provinces()]
    assert rows[0].split()[:4] == ["CN-BJ", "Beijing", "北京", "京"]
    sichuan = next(row for row in rows if row.startswith("CN-SC"))
    assert "蜀 川" in sichuan
    # 北京's catch-all is unknown; its specific statements: Tencent's three (one subject kind
    # each) and the two company rules of Alibaba Cloud's 2018-06-09 page (ended 2019-02-19).
    assert "unknown" in rows[0]
    assert "+5" in rows[0]
    assert "before" in sichuan
    assert_fits_80_columns(en)
    zh = ok("provinces", "--lang", "zh")
    assert zh.splitlines()[0].split()[:2] == ["代码", "名称"]
    assert_fits_80_columns(zh)

    data = json.loads(ok("provinces", "--json"))
    assert [r["province"]["code"] for r in data] == [p.code for p in bp.provinces()]
    assert data == to_dict(bp.default_policy().rules)


def test_changes_and_failures_vocabularies() -> None:
    policy = bp.default_policy()
    changes = json.loads(ok("changes", "--json"))
    assert set(changes) == {c.value for c in bp.Change}
    assert changes["subject_name"] == {"zh": "主办单位名称", "en": "subject name"}
    en = ok("changes", "--lang", "en")
    assert [line.split()[0] for line in en.splitlines() if not line.startswith(" ")] == [
        f"[{c.value}]" for c in bp.Change
    ]
    assert "主办单位名称" in ok("changes", "--lang", "zh")

    failures = json.loads(ok("failures", "--json"))
    assert [f["failure"] for f in failures] == [f.value for f in Failure]
    assert failures == to_dict(policy.failures)
    text = ok("failures", "--lang", "en")
    for info in policy.failures:
        assert f"[{info.failure.value}]  {info.title.en}" in " ".join(text.split("\n    "))
    assert_fits_80_columns(text)
    assert policy.failures[0].title.zh in ok("failures", "--lang", "zh")


# -- validate-data and version --------------------------------------------------------------


def test_validate_data(tmp_path: Path, data_text: str, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.toml"
    good.write_text(data_text, encoding="utf-8")
    assert main(["validate-data", str(good), "--lang", "en"]) == 0
    out, err = capsys.readouterr()
    assert out == f"{good}: OK (31 provinces, data {bp.DATA_VERSION}, schema {bp.SCHEMA_VERSION})\n"
    assert err == ""

    # Five problems: an unknown field, a duplicate province code (so CN-TJ has no record,
    # and 120000 is not CN-BJ's GB/T code), a mistyped scalar.
    bad = tmp_path / "bad.toml"
    text = replace_once(data_text, 'aliases = ["Peking"]', 'aliases = ["Peking"]\ncolour = "red"')
    text = replace_once(text, 'code = "CN-TJ"', 'code = "CN-BJ"')
    text = replace_once(text, 'data_version = "', 'data_version = 1 # "')
    bad.write_text(text, encoding="utf-8")
    result = run("validate-data", str(bad), "--lang", "en")  # as users run it: stdout and stderr apart
    error = assert_one_line_error(result, 3, stdout=True)
    lines = result.stdout.splitlines()
    assert lines[0] == f"{bad}: 5 problem(s)"
    assert sorted(lines[1:]) == [
        "  - (top level): data_version: expected a string, got int 1",
        "  - provinces: code: duplicate province code 'CN-BJ' (2 times)",
        "  - provinces: code: province CN-TJ (120000) has no record",
        "  - provinces[0] (CN-BJ): unknown field(s): colour",
        "  - provinces[1] (CN-BJ): gb_code: expected 110000 for CN-BJ, got '120000'",
    ]
    assert error.startswith(f"beian-policy: error: {bad}: bad policy data: ")
    assert error.endswith(" (and 4 more)\n")
    assert error.split("bad policy data: ")[1].split(" (and")[0] in {line[4:] for line in lines[1:]}

    assert main(["validate-data", str(bad), "--json"]) == 3
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert report["valid"] is False
    assert report["policy"] is None
    assert report["warnings"] == []
    assert {"record": "(top level)", "field": "data_version", "message": "expected a string, got int 1"} in (
        report["problems"]
    )
    assert len(report["problems"]) == 5
    assert err.count("\n") == 1

    # A file that cannot be read is a problem in the report, and bad data (3).
    missing = tmp_path / "missing.toml"
    assert main(["validate-data", str(missing), "--lang", "en"]) == 3
    out, err = capsys.readouterr()
    assert out == f"{missing}: 1 problem(s)\n  - (file): cannot read: No such file or directory\n"
    assert err == f"beian-policy: error: {missing}: bad policy data: {out.splitlines()[1][4:]}\n"

    # A newer minor schema loads, with one warning line (said once, not once per check).
    newer = tmp_path / "newer.toml"
    newer.write_text(
        replace_once(data_text, 'schema_version = "2.0"', 'schema_version = "2.9"'), encoding="utf-8"
    )
    assert main(["validate-data", str(newer), "--lang", "en"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"{newer}: OK (31 provinces")
    assert "schema 2.9)" in out
    assert err.startswith("beian-policy: warning: policy data uses schema 2.9")
    assert err.count("\n") == 1
    assert main(["validate-data", str(newer), "--json"]) == 0
    out, _ = capsys.readouterr()
    assert len(json.loads(out)["warnings"]) == 1

    latin = tmp_path / "latin.toml"
    latin.write_bytes(data_text.encode("gb18030"))
    assert main(["validate-data", str(latin), "--lang", "en"]) == 3
    out, err = capsys.readouterr()
    assert "(file): not UTF-8 text" in out
    assert err.count("\n") == 1


def test_version() -> None:
    data = json.loads(ok("version", "--json"))
    assert data["version"] == bp.__version__
    assert data["supported_schema_version"] == bp.SCHEMA_VERSION
    assert data["data"]["data_version"] == bp.DATA_VERSION
    assert data["data"]["as_of"] == bp.DATA_AS_OF.isoformat()
    en = ok("version", "--lang", "en")
    assert f"beian-policy {bp.__version__}" in en
    assert f"as of:      {bp.DATA_AS_OF.isoformat()}" in en
    assert "数据版本：" in ok("version", "--lang", "zh")


def test_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "beian_policy", "version", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout)["version"] == bp.__version__


# -- own data ------------------------------------------------------------------------------


def test_data_option_uses_another_file(tmp_path: Path, data_text: str) -> None:
    corrected = replace_once(
        data_text,
        '[[provinces.statements]]\nsource = "j-cn-ln"\n',
        '[[provinces.statements]]\nsource = "tc-cn-ln"\nchanges = ["*"]\ntiming = "after"\n\n'
        '[[provinces.statements]]\nsource = "j-cn-ln"\n',
    )
    corrected = replace_once(corrected, 'data_version = "', 'data_version = "2099.01.01" # was "')
    # The worked example the old rule gave must follow the new one, or the loader refuses it.
    corrected = replace_once(
        corrected,
        'direct = false\nblocking = ["subject_name"]\nnote = { zh = "腾讯云页面的个人备案标签页没有接入规则',
        'direct = true\ndeferred = ["subject_name"]\nnote = { zh = "腾讯云页面的个人备案标签页没有接入规则',
    )
    path = tmp_path / "corrected.toml"
    path.write_text(corrected, encoding="utf-8")
    data = json.loads(ok("--data", str(path), "check", "辽宁", "-c", "subject_name", "--json"))
    assert data["direct"] is True
    assert data["data_version"] == "2099.01.01"


# -- errors -------------------------------------------------------------------------------


def test_bad_input_exits_3_with_one_line() -> None:
    assert "Did you mean" in assert_one_line_error(run("check", "Guangdon", "--lang", "en"), 3)
    en = ("--lang", "en")
    assert "unknown change 'subject_nam'" in assert_one_line_error(
        run("steps", "GD", "-c", "subject_nam", *en), 3
    )
    assert "unknown failure" in assert_one_line_error(run("diagnose", "no_such_failure", *en), 3)
    # --subject-kind takes the data's spellings (单位, 企业, 个人...), so a bad one is a
    # library error like a bad change, not a usage error.
    assert "unknown subject kind 'robot'" in assert_one_line_error(
        run("check", "GD", "--subject-kind", "robot", *en), 3
    )
    assert "public-security" in assert_one_line_error(run("parse", "京公网安备11010802012345号", *en), 3)
    assert "cannot read" in assert_one_line_error(run("--data", "/nonexistent/data.toml", "check", "GD"), 3)


def test_errors_follow_lang() -> None:
    zh = assert_one_line_error(run("check", "火星", "--lang", "zh"), 3)
    assert "无法识别的省份 '火星'" in zh
    assert "unknown province" not in zh
    en = assert_one_line_error(run("check", "火星", "--lang", "en"), 3)
    assert "unknown province '火星'" in en
    assert "没有 ICP 备案" in assert_one_line_error(run("check", "香港", "--lang", "zh"), 3)


def test_json_usage_errors_are_json_too() -> None:
    result = run("check", "--json")
    assert result.returncode == 2
    assert result.stderr == ""
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "usage"
    assert "PROVINCE" in error["message"]["en"]


def test_json_errors_are_json_on_stdout() -> None:
    result = run("check", "香港", "--json")
    assert result.returncode == 3
    assert result.stderr == ""
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "no_icp_region"
    assert error["input"] == "香港"
    assert "no ICP filing" in error["message"]["en"]
    assert "没有 ICP 备案" in error["message"]["zh"]
    result = run("diagnose", "主体或网站被注销", "--json")
    assert result.returncode == 3
    error = json.loads(result.stdout)["error"]
    assert (error["code"], error["choices"]) == ("ambiguous_name", ["subject_cancelled", "website_cancelled"])
    error = json.loads(run("check", "北京", "-c", "主体名字", "--json").stdout)["error"]
    assert (error["code"], error["suggestions"]) == ("unknown_change", ["subject_name"])


def test_usage_errors_exit_2_with_one_line() -> None:
    assert "PROVINCE" in assert_one_line_error(run("check"), 2)
    assert "COMMAND" in assert_one_line_error(run(), 2)
    assert "not allowed with" in assert_one_line_error(
        run("diagnose", "x", "--submitted", "--not-submitted"), 2
    )


@pytest.mark.parametrize("value", ["", ",", "subject_name,", "，website_name", " "])
@pytest.mark.parametrize("command", ["check", "steps"])
def test_empty_change_items_are_the_librarys_error(
    command: str, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``-c ""`` is not "no change": the empty item reaches the library, which rejects it."""
    items = value.replace("，", ",").split(",")
    with pytest.raises(bp.errors.UnknownChangeError) as raised:
        bp.assess_transfer("北京", items)
    assert main([command, "北京", "-c", value, "--lang", "en"]) == 3
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"beian-policy: error: {' '.join(str(raised.value).split())}\n"
    assert "unknown change '" in err


class _FailingStdout(io.StringIO):
    """A stdout whose writes fail like a full disk's (or a closed pipe's)."""

    def __init__(self, error: OSError) -> None:
        super().__init__()
        self.error = error

    def write(self, text: str) -> int:
        raise self.error


@pytest.mark.parametrize(
    "args",
    [["check", "北京"], ["provinces", "--json"], ["validate-data", "--lang", "en", "{data}"], ["--help"]],
    ids=lambda a: a[0],
)
def test_output_that_cannot_be_written_exits_74(
    args: list[str],
    tmp_path: Path,
    data_text: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = tmp_path / "data.toml"
    data.write_text(data_text, encoding="utf-8")
    args = [str(data) if a == "{data}" else a for a in args]
    monkeypatch.setattr(sys, "stdout", _FailingStdout(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))))
    assert main(args) == 74
    assert (
        capsys.readouterr().err == "beian-policy: error: cannot write the output: No space left on device\n"
    )

    monkeypatch.setattr(sys, "stdout", None)  # closed (>&-)
    assert main(args) == 74
    assert (
        capsys.readouterr().err == "beian-policy: error: cannot write the output: standard output is closed\n"
    )

    # A reader that went away (| head) is not an error: quiet, 0.
    monkeypatch.setattr(sys, "stdout", _FailingStdout(BrokenPipeError(errno.EPIPE, "Broken pipe")))
    assert main(args) == 0
    assert capsys.readouterr().err == ""


def test_data_that_cannot_be_read_is_bad_data_not_an_output_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", _FailingStdout(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))))
    for path in (tmp_path / "missing.toml", tmp_path):  # no such file; a directory
        assert main(["--data", str(path), "check", "北京"]) == 3
        err = capsys.readouterr().err
        assert err.startswith(f"beian-policy: error: {path}: bad policy data: (file): cannot read: ")
        assert err.count("\n") == 1


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("buffered", [True, False], ids=["buffered", "unbuffered"])
def test_writing_to_a_full_device_exits_74(buffered: bool) -> None:
    """Buffered (as users run it), the write fails only at the final flush, and Python
    would flush the leftover text again at exit and complain (exit 120)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if not buffered:
        env["PYTHONUNBUFFERED"] = "1"
    for args in (["check", "北京"], ["--help"]):
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [*COMMAND, *args],
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
                timeout=60,
                check=False,
            )
        assert result.returncode == 74, result.stderr
        # One line: nothing from Python about the unflushed stdout at exit.
        assert result.stderr == "beian-policy: error: cannot write the output: No space left on device\n"


def test_path_options_are_paths(capsys: pytest.CaptureFixture[str]) -> None:
    # An empty path is a usage error, not the current directory (nor "no --data").
    for args in (["--data", "", "version"], ["version", "--data", ""], ["validate-data", ""]):
        assert main(args) == 2
        err = capsys.readouterr().err
        assert "expected a file path, not an empty string" in err
        assert err.count("\n") == 1
    # A value with a line break names a file; it is never read as TOML text.
    assert main(["--data", "a\nb = 1", "version"]) == 3
    assert capsys.readouterr().err.startswith(
        "beian-policy: error: a b = 1: bad policy data: (file): cannot read: "
    )


#: Arguments no user means: empty, far too long, and bytes that are not UTF-8 (which
#: Python turns into lone surrogates in ``sys.argv``, as ``os.fsdecode`` does).
JUNK = {"empty": "", "long": "京x" * 2000, "not-utf8": os.fsdecode(b"\xff\xfe")}
JUNK_ARGS = [
    ["{}"],
    ["check", "{}"],
    ["check", "GD", "-c", "{}"],
    ["check", "GD", "--subject-kind", "{}"],
    ["steps", "{}"],
    ["steps", "GD", "-c", "subject_name,{}"],
    ["diagnose", "{}"],
    ["diagnose", "subject_mismatch", "--province", "{}"],
    ["diagnose", "subject_mismatch", "--cause", "{}"],
    ["parse", "{}"],
    ["provinces", "--data", "{}"],
    ["changes", "--lang", "{}"],
    ["failures", "{}"],
    ["validate-data", "{}"],
    ["--data", "{}", "version"],
    ["version", "--json", "--lang", "{}"],
]


@pytest.mark.parametrize("junk", JUNK.values(), ids=JUNK.keys())
@pytest.mark.parametrize("template", JUNK_ARGS, ids=lambda a: "-".join(a).replace("{}", "J"))
def test_junk_arguments_are_one_line_errors(
    template: list[str], junk: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [a.replace("{}", junk) for a in template]
    code = main(args)
    out, err = capsys.readouterr()
    assert code in (2, 3), (code, out)
    if "--json" in args:  # the error is a JSON object on stdout
        assert err == ""
        assert out.count("\n") == 1
        assert json.loads(out)["error"]["code"] in ("usage", "unknown_language")
        return
    assert err.count("\n") == 1, err
    assert err.endswith("\n")
    assert err.startswith("beian-policy")
    assert "Traceback" not in err
    if code == 2 or args[0] != "validate-data":  # validate-data reports on stdout too
        assert out == ""
    # Any stream can write what was said: undecodable bytes come back as \udcXX.
    (out + err).encode("utf-8")


def test_undecodable_bytes_in_a_real_argv() -> None:
    """The same through a real process, whose stdout is strict UTF-8."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}

    def call(*args: str | bytes) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*COMMAND, *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=60,
            check=False,
        )

    error = assert_one_line_error(call("check", b"\xff", b"--lang", b"en"), 3)
    assert "unknown province '\\udcff'" in error
    missing = call("validate-data", b"\xff.toml", "--lang", "en")
    assert assert_one_line_error(missing, 3, stdout=True).startswith("beian-policy: error: \\udcff.toml: ")
    assert missing.stdout.startswith("\\udcff.toml: 1 problem(s)")
    # A bad ICP number is a fact of the diagnosis, not an error: shown, escaped, exit 0.
    diagnosis = call("diagnose", "subject_mismatch", "--icp-number", b"\xff", "--json")
    assert diagnosis.returncode == 0, diagnosis.stderr
    assert json.loads(diagnosis.stdout)["facts"]["icp_number_valid"] is False


# -- layout, in process (cheap): every command, both languages -------------------------------


COMMANDS = [
    ["check", "云南", "-c", "subject_name", "--subject-kind", "individual"],
    ["check", "GD", "-c", "website_domains,website_owner_phone"],
    ["steps", "四川", "-c", "subject_name", "--regulated-industry", "--original-provider-unreachable"],
    [
        "steps",
        "BJ",
        "-c",
        "website_owner_phone",
        "--original-provider-unreachable",
        "--domain-registered-overseas",
    ],
    ["diagnose", "subject_mismatch", "--province", "北京"],
    ["diagnose", "sms_verification_failed"],
    ["parse", "京ICP证030173号-102"],
    ["provinces"],
    ["changes"],
    ["failures"],
    ["version"],
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: "-".join(a[:2]))
def test_every_command_fits_80_columns(
    args: list[str], lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*args, "--lang", lang]) == 0
    out = capsys.readouterr().out
    assert out.strip()
    assert_fits_80_columns(out)
    assert main([*args, "--json"]) == 0
    json.loads(capsys.readouterr().out)

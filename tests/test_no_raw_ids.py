"""Chinese text output names things in words: an id (a change, fact, basis, failure,
step, rule...) may appear only in brackets after the words, never in their place."""

from __future__ import annotations

import re

import pytest

import beian_policy as bp
from beian_policy._cli import main
from beian_policy._enums import Basis, Scope, SourceStanding, Status, SubjectKind, Timing
from beian_policy._ids import StepId
from beian_policy._vocab import Fact, RuleId, Trigger

POLICY = bp.default_policy()


def _ids() -> frozenset[str]:
    enums = (bp.Change, SubjectKind, Timing, Basis, Status, Scope, SourceStanding, bp.Failure)
    found = {member.value for enum in enums for member in enum}
    found |= {member.value for enum in (Fact, RuleId, StepId, Trigger) for member in enum}
    found |= {kind.value for kind in bp.model.IcpKind}
    for info in POLICY.failures:
        found |= {cause.id for cause in info.causes} | {remedy.id for remedy in info.remedies}
    found |= {source.id for source in POLICY.sources}
    found |= {provider.id for provider in POLICY.providers}
    return frozenset(found)


IDS = _ids()
_BRACKETED = re.compile(r"\[[^\]]*\]", re.S)


def raw_ids(text: str) -> set[str]:
    """The ids in *text* outside brackets. The sources section ends every answer that
    has one; its lines are bracketed ids, titles and locations (URLs, paths)."""
    body = text.split("来源：\n")[0].split("备注（原文为英文）：\n")[0]
    # Command-line options (--province P) are what to type, not ids.
    body = re.sub(r"--[a-z][a-z\-]*", " ", _BRACKETED.sub(" ", body))
    words = set(re.findall(r"[A-Za-z0-9][A-Za-z0-9_\-]*[A-Za-z0-9]|[A-Za-z]", body))
    return words & IDS


def zh_output(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main([*args, "--lang", "zh"])
    out = capsys.readouterr().out
    assert code in (0, 1), (args, out)
    return out


def test_the_scan_finds_an_id_in_place_of_words() -> None:
    assert raw_ids("依据：national_default（省管局规则未知）") == {"national_default"}
    assert raw_ids("已知情况：subject_has_other_websites=是") == {"subject_has_other_websites"}
    assert raw_ids("依据：没有已知的本省规则 [national_default]") == set()


COMMANDS = [
    ("check", "陕西", "-c", "subject_name", "--subject-kind", "单位"),
    ("check", "天津", "-c", "主体名称,网站名称"),
    ("check", "北京", "-c", "website_owner_phone"),
    ("steps", "北京", "-c", "subject_name", "--domain-owner-differs"),
    ("steps", "广东", "-c", "subject_name,website_domains", "--original-provider-unreachable"),
    ("parse", "京ICP备2021012345号-3"),
    ("parse", "粤B2-20090059-5"),
    ("parse", "京ICP证150476号"),
    ("provinces",),
    ("changes",),
    ("failures",),
    ("version",),
    ("rules",),
    ("province", "陕西"),
    ("province", "北京"),
    ("province", "陕西", "--according-to", "tencent_cloud", "--as-of", "2019-10-01"),
    ("check", "陕西", "-c", "subject_name", "--subject-kind", "单位", "--according-to", "阿里云"),
    ("disputes",),
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_raw_ids_in_chinese_output(args: tuple[str, ...], capsys: pytest.CaptureFixture[str]) -> None:
    assert raw_ids(zh_output(capsys, *args)) == set()


@pytest.mark.parametrize("failure", [f.value for f in bp.Failure])
def test_no_raw_ids_in_any_chinese_diagnosis(failure: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert raw_ids(zh_output(capsys, "diagnose", failure)) == set()
    assert raw_ids(zh_output(capsys, "diagnose", failure, "-p", "陕西", "--submitted")) == set()

"""Chinese input everywhere: every spelling the data lists for a change, subject kind,
fact or failure is accepted back, in the API and the CLI, and a spelling of two
entries is answered with the choices instead of a guess."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import beian_policy as bp
from beian_policy._cli import main
from beian_policy._cli._labels import LABELS
from beian_policy._coerce import coerce_changes, coerce_subject_kind
from beian_policy._diagnosis import coerce_fact_name, coerce_failure
from beian_policy._text import lookup_key
from beian_policy._vocab import Fact
from beian_policy.errors import AmbiguousNameError, UnknownChangeError, UnknownFailureError

POLICY = bp.default_policy()
VOCABULARIES = ("change", "subject_kind", "fact", "failure")


def _resolve(vocabulary: str, text: str) -> str:
    """The id *text* names in *vocabulary*, through the public coercions."""
    if vocabulary == "change":
        (change,) = bp.assess_transfer("北京", [text]).verdicts
        return change.change.value
    if vocabulary == "subject_kind":
        kind = coerce_subject_kind(text, aliases=POLICY.vocabulary("subject_kind"))
        assert kind is not None
        return kind.value
    if vocabulary == "fact":
        return coerce_fact_name(text, policy=POLICY).value
    return coerce_failure(text, policy=POLICY).value


def _spellings() -> list[tuple[str, str, str]]:
    """(vocabulary, id, spelling) for every id, word and alias in the data."""
    found = []
    for vocabulary in VOCABULARIES:
        ids = {term for terms in POLICY.vocabulary(vocabulary).values() for term in terms}
        for term_id in sorted(ids):
            term = POLICY.term(vocabulary, term_id)
            assert term is not None
            for text in (term.id, term.text.zh, term.text.en, *term.aliases):
                found.append((vocabulary, term_id, text))
    return found


SPELLINGS = _spellings()
# What the spelling would look like pasted from a form: full-width, padded, cased.
_FULL_WIDTH = {ord(c): ord(c) + 0xFEE0 for c in "abcdefghijklmnopqrstuvwxyz0123456789"}


def _owners(vocabulary: str, text: str) -> list[str]:
    return sorted({t for v, t, s in SPELLINGS if v == vocabulary and lookup_key(s) == lookup_key(text)})


@given(st.sampled_from(SPELLINGS), st.sampled_from(["plain", "upper", "full_width", "padded"]))
def test_every_spelling_resolves_to_its_entry_or_lists_the_choices(
    spelling: tuple[str, str, str], form: str
) -> None:
    vocabulary, term_id, text = spelling
    typed = {
        "plain": text,
        "upper": text.upper(),
        "full_width": text.lower().translate(_FULL_WIDTH),
        "padded": f"  {text} ",
    }[form]
    owners = _owners(vocabulary, text)
    if len(owners) == 1:
        assert _resolve(vocabulary, typed) == term_id
    else:
        with pytest.raises(AmbiguousNameError) as caught:
            _resolve(vocabulary, typed)
        assert sorted(caught.value.choices) == owners
        assert term_id in caught.value.choices


# Hand-written from the newcomer trial (F2, F3) and the seed FAQ's failure table.
CHANGES_TYPED = {
    "主办单位名称": "subject_name",  # printed by `beian-policy changes`
    "主体名称": "subject_name",
    "网站名称": "website_name",
    "网站负责人": "website_owner",
    "联系方式1": "website_owner_phone",
    "网站负责人联系方式1": "website_owner_phone",
    "域名": "website_domains",
}
FAQ_ROWS = {
    "接入前后备案主体不一致": "subject_mismatch",
    "短信验证未通过": "sms_verification_failed",
    "接入商信息不一致": "provider_info_mismatch",
    "网站问题（例如网站无法访问、网站内容不合格等）": "website_problem",
    "未提供前置审批文件": "missing_preapproval",
    "ICP 备案密码错误": "wrong_filing_password",
}
FAILURES_TYPED = {
    "网站已被注销": "website_cancelled",
    "主体信息不一致": "subject_mismatch",
    "备案主体不一致": "subject_mismatch",
    "密码错误": "wrong_filing_password",
}


@pytest.mark.parametrize(("typed", "expected"), sorted(CHANGES_TYPED.items()))
def test_chinese_change_names_from_the_trial(typed: str, expected: str) -> None:
    assert coerce_changes(typed, aliases=POLICY.vocabulary("change")) == {bp.Change(expected)}


@pytest.mark.parametrize(("typed", "expected"), sorted({**FAQ_ROWS, **FAILURES_TYPED}.items()))
def test_faq_rows_and_everyday_failure_phrases(typed: str, expected: str) -> None:
    assert bp.diagnose(typed).failure is bp.Failure(expected)


def test_the_faq_row_covering_two_failures_lists_both() -> None:
    with pytest.raises(AmbiguousNameError) as caught:
        bp.diagnose("主体或网站被注销")
    assert caught.value.choices == ("subject_cancelled", "website_cancelled")
    assert isinstance(caught.value, LookupError)
    assert "subject_cancelled or website_cancelled" in str(caught.value)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("个人", "individual"),
        ("企业", "organisation"),
        ("单位", "organisation"),
        ("organization", "organisation"),
    ],
)
def test_subject_kinds_in_both_languages(typed: str, expected: str) -> None:
    decision = bp.assess_transfer("山西", ["subject_certificate"], subject_kind=typed)
    assert decision.subject_kind is bp.SubjectKind(expected)


def test_the_subject_kind_labels_the_cli_prints_are_accepted_back() -> None:
    for kind in bp.SubjectKind:
        for lang in bp.Lang:
            printed = LABELS[kind.value].get(lang)
            assert coerce_subject_kind(printed, aliases=POLICY.vocabulary("subject_kind")) is kind


def test_change_and_failure_texts_are_accepted_back() -> None:
    for change in bp.Change:
        for lang in bp.Lang:
            printed = POLICY.change_text(change).get(lang)
            assert bp.assess_transfer("广东", printed).verdicts[0].change is change
    for failure, text in bp.failure_texts().items():
        assert bp.diagnose(text.zh).failure is failure
        assert bp.diagnose(text.en).failure is failure


def test_a_comma_separated_string_names_several_changes() -> None:
    decision = bp.assess_transfer("北京", "主体名称，网站名称")
    assert {v.change for v in decision.verdicts} == {bp.Change.SUBJECT_NAME, bp.Change.WEBSITE_NAME}
    decision = bp.assess_transfer("北京", "subject_name,website_name")
    assert {v.change for v in decision.verdicts} == {bp.Change.SUBJECT_NAME, bp.Change.WEBSITE_NAME}
    with pytest.raises(UnknownChangeError):
        bp.assess_transfer("北京", "subject_name,")


def test_did_you_mean_works_for_chinese_input() -> None:
    with pytest.raises(UnknownChangeError) as caught:
        bp.assess_transfer("北京", ["主体名字"])
    assert caught.value.suggestions[0] == "subject_name"
    with pytest.raises(UnknownFailureError) as failure:
        bp.diagnose("主体信息不符")
    assert "subject_mismatch" in failure.value.suggestions


def test_facts_have_words_and_accept_them_back() -> None:
    assert coerce_fact_name("主体下还有其他网站", policy=POLICY) is (Fact.SUBJECT_HAS_OTHER_WEBSITES)
    assert coerce_fact_name("原接入商可以联系", policy=POLICY) is (Fact.ORIGINAL_PROVIDER_REACHABLE)


def test_the_cli_takes_the_same_spellings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "北京", "-c", "主办单位名称", "--subject-kind", "企业", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"subject_name"' in out
    assert '"organisation"' in out
    assert main(["diagnose", "主体或网站被注销", "--lang", "zh"]) == 3
    # The choices in words, ids in brackets (the failures' titles in the data).
    assert capsys.readouterr().err == (
        "beian-policy: error: “主体或网站被注销”有多种可能：备案主体已被注销 [subject_cancelled]；"
        "网站备案已被注销 [website_cancelled]。请指定其中一个（写名称或括号里的代码）\n"
    )

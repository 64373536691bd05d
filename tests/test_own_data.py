"""Bring your own data: load_policy from a path, loads_policy from text or bytes; a corrected copy
changes answers through ``policy=``; the default policy loads once, thread-safely."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

import beian_policy as bp
from beian_policy._data import _loader
from beian_policy._diagnosis import diagnose
from beian_policy._icp import parse_icp_number
from tests.conftest import replace_once

LN_RULE = '[[provinces.statements]]\nsource = "j-cn-ln"\n'
LN_AFTER = (
    '[[provinces.statements]]\nsource = "tc-cn-ln"\nchanges = ["*"]\ntiming = "after"\n\n'
    '[[provinces.statements]]\nsource = "j-cn-ln"\n'
)


@pytest.fixture(scope="module")
def corrected() -> str:
    """The shipped data with 辽宁's rule turned to transfer-first, a new alias for
    辽宁 and a new data version: the kind of hot fix an embedder makes."""
    text = _loader.default_data_text()
    text = replace_once(text, LN_RULE, LN_AFTER)
    # The worked example the old rule gave must follow the new one, or the loader refuses it.
    text = replace_once(
        text,
        'direct = false\nblocking = ["subject_name"]\nnote = { zh = "腾讯云页面的个人备案标签页没有接入规则',
        'direct = true\ndeferred = ["subject_name"]\nnote = { zh = "腾讯云页面的个人备案标签页没有接入规则',
    )
    text = replace_once(text, 'aliases = ["遼寧"]', 'aliases = ["遼寧", "Liaoning Province"]')
    return replace_once(text, 'data_version = "', 'data_version = "2099.01.01" # was "')


def test_load_from_path_text_and_bytes(tmp_path: Path, corrected: str) -> None:
    path = tmp_path / "policy.toml"
    path.write_text(corrected, encoding="utf-8")
    loaded = [
        bp.load_policy(path),
        bp.load_policy(str(path)),
        bp.loads_policy(corrected),
        bp.loads_policy(corrected.encode("utf-8")),
    ]
    assert {p.data_version for p in loaded} == {"2099.01.01"}
    assert loaded[0].origin == str(path)
    assert loaded[2].origin == "<string>"
    assert loaded[3].origin == "<bytes>"
    assert all(p.rules == loaded[0].rules for p in loaded)


def test_a_corrected_copy_changes_the_decision(corrected: str) -> None:
    policy = bp.loads_policy(corrected)
    assert not bp.can_transfer_directly("辽宁", ["subject_name"])
    assert bp.can_transfer_directly("辽宁", ["subject_name"], policy=policy)
    decision = bp.assess_transfer("辽宁", ["subject_name"], policy=policy)
    assert [(v.change, v.deadline_working_days) for v in decision.deferred] == [
        (bp.Change.SUBJECT_NAME, None)
    ]
    assert decision.data_version == "2099.01.01"
    plan = bp.plan_transfer("辽宁", ["subject_name"], policy=policy)
    assert "update_filing_after_transfer" in plan.step_ids
    assert "change_filing_at_original_provider" not in plan.step_ids
    assert bp.required_steps("辽宁", ["subject_name"], policy=policy) == plan.steps
    assert diagnose("subject_mismatch", "辽宁", policy=policy).data_version == "2099.01.01"


def test_every_lookup_takes_the_policy(corrected: str) -> None:
    policy = bp.loads_policy(corrected)
    liaoning = bp.resolve_province("辽宁", policy=policy)
    assert bp.resolve_province("Liaoning Province", policy=policy) == liaoning
    assert bp.get_province("Liaoning Province", policy=policy) == liaoning
    assert bp.get_province("Liaoning Province") is None
    with pytest.raises(bp.UnknownProvinceError):
        bp.resolve_province("Liaoning Province")
    assert bp.search_provinces("Liaoning Province", policy=policy) == (liaoning,)
    assert len(bp.provinces(policy=policy)) == 31
    assert parse_icp_number("辽ICP备12345678号", policy=policy).province == liaoning


def test_a_policy_that_is_not_one_is_refused() -> None:
    with pytest.raises(bp.errors.ArgumentTypeError):
        bp.assess_transfer("辽宁", policy="data/provinces.toml")  # type: ignore[arg-type]


def test_bad_data_names_every_problem(tmp_path: Path, corrected: str) -> None:
    text = replace_once(corrected, LN_AFTER, LN_AFTER.replace('timing = "after"\n', "", 1))
    text = replace_once(text, 'code = "CN-TJ"', 'code = "tianjin"')
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(bp.PolicyDataError) as info:
        bp.load_policy(path)
    assert info.value.path == str(path)
    where = {(p.record, p.field) for p in info.value.problems}
    assert ("provinces[5] (CN-LN)", "statements[0].timing") in where
    assert ("provinces[1] (tianjin)", "code") in where


def test_default_policy_is_loaded_once_for_all_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_loader, "_default", None)
    loads: list[int] = []
    load = _loader._load_default  # from the compiled form or the TOML

    def slow_load() -> bp.Policy:
        loads.append(1)
        time.sleep(0.05)  # widen the window in which a second load could start
        return load()

    monkeypatch.setattr(_loader, "_load_default", slow_load)
    count = 24
    barrier = threading.Barrier(count)
    results: list[bp.Policy] = []
    lock = threading.Lock()

    def worker() -> None:
        barrier.wait()
        policy = bp.default_policy()
        with lock:
            results.append(policy)

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == count
    assert all(policy is results[0] for policy in results)
    assert loads == [1]
    assert bp.default_policy() is results[0]


def test_the_default_policy_loads_lazily(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_loader, "_default", None)
    assert _loader._default is None
    version = bp.DATA_VERSION
    assert _loader._default is not None
    assert version == _loader._default.data_version

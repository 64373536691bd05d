"""The Dask example (optional group): a bag of filings on the processes scheduler
gives the serial answers. Skipped when dask is not installed (``pip install
'beian-policy[dask]'``)."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest

import beian_policy as bp

pytest.importorskip("dask.bag")

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _example(monkeypatch: pytest.MonkeyPatch) -> Any:
    # On sys.path, which spawned workers inherit, so they can import audit_row too.
    monkeypatch.syspath_prepend(str(EXAMPLES))
    return importlib.import_module("dask_audit")


def test_dask_bag_on_processes_gives_the_serial_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    example = _example(monkeypatch)
    filings = [
        {"id": i, "province": p.code, "changes": changes}
        for i, (p, changes) in enumerate(
            (p, changes) for p in bp.provinces() for changes in ([], ["subject_name"], ["website_name"])
        )
    ]
    filings.append({"id": -1, "province": "Atlantis"})
    rows = example.audit(filings)
    assert rows == [example.audit_row(f) for f in filings]
    by_id = {row["id"]: row for row in rows}
    assert by_id[-1] == {"id": -1, "error": "UnknownProvinceError"}
    liaoning = next(f["id"] for f in filings if f["province"] == "CN-LN" and f["changes"] == ["subject_name"])
    # 辽宁 wants a subject name change filed before the transfer (Tencent's 辽宁 page).
    assert by_id[liaoning]["direct"] is False
    assert by_id[liaoning]["blocking"] == ["subject_name"]

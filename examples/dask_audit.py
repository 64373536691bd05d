"""Audit a bag of filings with Dask's processes scheduler, the library unchanged.

Each worker process imports beian_policy and loads the shipped data once; only the
filings and the plain answers cross process boundaries. Run:

    python examples/dask_audit.py

The same ``audit_row`` works as a Spark ``rdd.map`` or a Ray ``@ray.remote`` task.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import dask.bag as db

import beian_policy as bp


def audit_row(filing: Mapping[str, Any]) -> dict[str, Any]:
    """One filing's answer as plain data: direct or not, what blocks, or the error."""
    try:
        decision = bp.assess_transfer(
            filing["province"], filing.get("changes", ()), subject_kind=filing.get("subject_kind")
        )
    except bp.BeianPolicyError as error:
        return {"id": filing["id"], "error": type(error).__name__}
    return {
        "id": filing["id"],
        "province": decision.province.code,
        "direct": decision.direct,
        "blocking": sorted(c.value for c in decision.blocking_changes),
    }


def audit(filings: Iterable[Mapping[str, Any]], partitions: int = 4) -> list[dict[str, Any]]:
    bag = db.from_sequence(list(filings), npartitions=partitions)
    rows: list[dict[str, Any]] = bag.map(audit_row).compute(scheduler="processes", num_workers=2)
    return rows


if __name__ == "__main__":
    sample = [
        {"id": 1, "province": "辽宁", "changes": ["subject_name"]},
        {"id": 2, "province": "北京", "changes": []},
        {"id": 3, "province": "Atlantis"},
    ]
    for row in audit(sample):
        print(row)

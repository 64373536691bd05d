"""The real-world corpus: strings from public pages and code, each with the numbers a
person found in it by hand (``tests/data/icp_corpus/*.jsonl``).

Every record whose expectation is not debatable must agree exactly:
``find_icp_numbers(text, distinct=False)`` returns the expected canonical numbers, in
order of appearance, each time it occurs, and nothing else. A debatable record (the
corpus's FORMAT.md says how each kind was decided) that disagrees is reported as an
expected failure with its note, so the disagreement stays visible. The agreement rate
of each file is printed, overall and on the records that are not debatable. The
corpus is built apart from the parser; the suite skips it when absent.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from beian_policy import find_icp_numbers

CORPUS = Path(__file__).parent / "data" / "icp_corpus"
FILES = sorted(CORPUS.glob("*.jsonl")) if CORPUS.is_dir() else []
REQUIRED = {"id", "text", "expect"}

pytestmark = pytest.mark.skipif(
    not FILES, reason=f"no ICP corpus at {CORPUS} (it is built on branch icp-corpus)"
)


def load(path: Path) -> list[dict[str, Any]]:
    """The records of one JSON Lines file; a malformed line fails with its number."""
    records = []
    for line_number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        missing = REQUIRED - set(record)
        assert not missing, f"{path.name}:{line_number}: missing {sorted(missing)}"
        assert isinstance(record["text"], str), f"{path.name}:{line_number}: text is not a string"
        assert isinstance(record["expect"], list), f"{path.name}:{line_number}: expect is not a list"
        records.append(record)
    return records


RECORDS = [(path.name, record) for path in FILES for record in load(path)]


def found(record: dict[str, Any]) -> list[str]:
    return [str(n) for n in find_icp_numbers(record["text"], distinct=False)]


@pytest.mark.parametrize(
    ("name", "record"), RECORDS, ids=[f"{name}:{record['id']}" for name, record in RECORDS]
)
def test_record(name: str, record: dict[str, Any]) -> None:
    numbers = found(record)
    if record.get("debatable", False) and numbers != record["expect"]:
        pytest.xfail(
            f"debatable, read differently: {numbers} (corpus: {record['expect']}); {record.get('note')}"
        )
    assert numbers == record["expect"], record.get("note", "")


def test_agreement_rate(capsys: pytest.CaptureFixture[str]) -> None:
    """Prints the agreement of each file; no number is ever invented."""
    lines = []
    invented: list[tuple[str, str, str]] = []
    for path in FILES:
        records = load(path)
        agree = clear = clear_agree = 0
        for record in records:
            numbers = found(record)
            ok = numbers == record["expect"]
            agree += ok
            if not record.get("debatable", False):
                clear += 1
                clear_agree += ok
                invented += [(path.name, record["id"], n) for n in numbers if n not in record["expect"]]
        lines.append(
            f"ICP corpus {path.name}: {agree}/{len(records)} records agree ({agree / len(records):.1%}); "
            f"not debatable: {clear_agree}/{clear} ({clear_agree / max(clear, 1):.1%})"
        )
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert invented == []

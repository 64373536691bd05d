"""``--batch FILE|-``: many questions in one process. JSON Lines or CSV in (one
question per line, keyed like the command's options), JSON Lines out: one object per
input line, in order, ``{"line": n, "result": ...}`` or ``{"line": n, "error": ...}``.
A bad line is answered with its error and the batch goes on; the exit code says
whether any line failed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from .._coerce import split_list
from .._decision import assess_transfer
from .._diagnosis import diagnose
from .._icp import parse_icp_number
from .._json import to_dict
from .._plan import PlanFacts, plan_transfer
from .._policy import Policy
from ..errors import ArgumentTypeError, BeianPolicyError, InvalidArgumentError
from ._errors import error_object, json_line
from ._exit import EXIT_BAD_INPUT, EXIT_OK
from ._layout import Output

__all__ = ["BATCH_KEYS", "run_batch"]

Question = Mapping[str, Any]

_TRUE = frozenset({"true", "yes", "y", "1", "是", "对"})
_FALSE = frozenset({"false", "no", "n", "0", "否", "不是"})


def _flag(question: Question, key: str, default: bool | None) -> bool | None:
    value = question.get(key)
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE:
        return True
    if isinstance(value, str) and value.strip().lower() in _FALSE:
        return False
    raise InvalidArgumentError(key, value, ["true", "false", "yes", "no", "是", "否", "empty (not known)"])


def _text(question: Question, key: str, *, required: bool = False) -> str | None:
    value = question.get(key)
    if value is None or value == "":
        if required:
            raise InvalidArgumentError(key, "<missing>", [f"a '{key}' value on every line"])
        return None
    if not isinstance(value, str):
        raise ArgumentTypeError(key, value, ["a string"])
    return value


def _as_of(question: Question) -> dt.date | None:
    """The ``as_of`` key: a ``YYYY-MM-DD`` string (empty or missing: the data's date)."""
    value = _text(question, "as_of")
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidArgumentError(
            "as_of", value, ["a date YYYY-MM-DD", "empty (the data's own date)"]
        ) from None


def _when(question: Question) -> dict[str, Any]:
    """The ``as_of`` and ``according_to`` keys as keyword arguments."""
    return {"as_of": _as_of(question), "according_to": _text(question, "according_to")}


def _changes(question: Question) -> list[str]:
    value = question.get("changes", question.get("change"))
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return split_list(value)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    raise ArgumentTypeError("changes", value, ["a list of change names", "a comma-separated string"])


def _check(question: Question, policy: Policy) -> object:
    province = _text(question, "province", required=True)
    assert province is not None
    return assess_transfer(
        province,
        _changes(question),
        subject_kind=_text(question, "subject_kind"),
        **_when(question),
        policy=policy,
    )


def _steps(question: Question, policy: Policy) -> object:
    province = _text(question, "province", required=True)
    assert province is not None
    facts = PlanFacts(
        domain_owner_matches_subject=not _flag(question, "domain_owner_differs", False),
        regulated_industry=bool(_flag(question, "regulated_industry", False)),
        original_provider_reachable=not _flag(question, "original_provider_unreachable", False),
        has_extra_filings=bool(_flag(question, "has_extra_filings", False)),
        domain_registered_overseas=bool(_flag(question, "domain_registered_overseas", False)),
        multiple_cloud_resources=bool(_flag(question, "multiple_cloud_resources", False)),
    )
    return plan_transfer(
        province,
        _changes(question),
        subject_kind=_text(question, "subject_kind"),
        facts=facts,
        **_when(question),
        policy=policy,
    )


def _diagnose(question: Question, policy: Policy) -> object:
    failure = _text(question, "failure", required=True)
    assert failure is not None
    return diagnose(
        failure,
        _text(question, "province"),
        submitted_to_administration=_flag(question, "submitted_to_administration", None),
        subject_has_other_websites=_flag(question, "subject_has_other_websites", None),
        original_provider_reachable=_flag(question, "original_provider_reachable", None),
        cause=_text(question, "cause"),
        icp_number=_text(question, "icp_number"),
        **_when(question),
        policy=policy,
    )


def _parse(question: Question, policy: Policy) -> object:
    number = _text(question, "number", required=True)
    assert number is not None
    return parse_icp_number(number, policy=policy)


_ANSWER: Mapping[str, Callable[[Question, Policy], object]] = {
    "check": _check,
    "steps": _steps,
    "diagnose": _diagnose,
    "parse": _parse,
}

#: The keys a batch line may have, per command (the options' names).
BATCH_KEYS: Mapping[str, frozenset[str]] = {
    "check": frozenset({"province", "changes", "change", "subject_kind", "as_of", "according_to"}),
    "steps": frozenset(
        {
            "province",
            "changes",
            "change",
            "subject_kind",
            "as_of",
            "according_to",
            "domain_owner_differs",
            "regulated_industry",
            "original_provider_unreachable",
            "has_extra_filings",
            "domain_registered_overseas",
            "multiple_cloud_resources",
        }
    ),
    "diagnose": frozenset(
        {
            "failure",
            "province",
            "submitted_to_administration",
            "subject_has_other_websites",
            "original_provider_reachable",
            "cause",
            "icp_number",
            "as_of",
            "according_to",
        }
    ),
    "parse": frozenset({"number"}),
}


def _read(source: str) -> Iterator[str]:
    """The lines of *source*; bytes that are not UTF-8 become U+FFFD (the line is then
    answered with its error rather than stopping the batch)."""
    if source == "-":
        buffer = getattr(sys.stdin, "buffer", None)
        yield from (
            sys.stdin if buffer is None else io.TextIOWrapper(buffer, encoding="utf-8-sig", errors="replace")
        )
        return
    with Path(source).open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        yield from handle


def _questions(lines: Iterator[str]) -> Iterator[tuple[int, Question | BeianPolicyError]]:
    """(line number, question or the error reading it); JSON Lines when the first
    non-empty line starts with ``{``, else CSV with a header row."""
    first: str | None = None
    number = 0
    for number, line in enumerate(lines, start=1):  # noqa: B007 - used after the loop
        if line.strip():
            first = line
            break
    if first is None:
        return
    if first.lstrip().startswith("{"):
        for offset, line in enumerate([first, *lines]):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except ValueError as exc:
                yield (
                    number + offset,
                    InvalidArgumentError("line", line.strip()[:80], [f"a JSON object ({exc})"]),
                )
                continue
            if not isinstance(value, dict):
                yield number + offset, ArgumentTypeError("line", value, ["a JSON object"])
                continue
            yield number + offset, value
        return
    reader = csv.DictReader(io.StringIO(first + "".join(lines)))
    for row in reader:
        # The header is line *number*; each row's line is where the reader ended it.
        yield number + reader.line_num - 1, {k.strip(): v for k, v in row.items() if k is not None}


def _unknown_keys(command: str, question: Question) -> BeianPolicyError | None:
    extra = sorted(set(question) - BATCH_KEYS[command])
    if extra:
        return InvalidArgumentError("key", extra[0], sorted(BATCH_KEYS[command]))
    return None


def run_batch(command: str, source: str, policy: Policy, out: Output) -> int:
    """Answer every question of *source* with *command*; one JSON line each."""
    answer = _ANSWER[command]
    failed = False
    for line, question in _questions(_read(source)):
        if isinstance(question, BeianPolicyError):
            problem: BeianPolicyError | None = question
        else:
            problem = _unknown_keys(command, question)
        record: dict[str, Any] = {"line": line}
        if problem is None:
            assert not isinstance(question, BeianPolicyError)
            try:
                record["result"] = to_dict(answer(question, policy))
            except BeianPolicyError as exc:
                problem = exc
        if problem is not None:
            failed = True
            record.update(error_object(problem))
        out.line(json_line(record))
    return EXIT_BAD_INPUT if failed else EXIT_OK

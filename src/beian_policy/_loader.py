"""Loading the policy data: from a path, text or bytes, or the shipped file, which is
loaded lazily, once, under a lock."""

from __future__ import annotations

import os
import sys
import threading
import warnings
from importlib import resources
from pathlib import Path
from typing import Any

from ._build import SCHEMA_VERSION, build_policy
from ._policy import Policy
from .errors import ArgumentTypeError, DataProblem, InvalidArgumentError, PolicyDataError, PolicyDataWarning

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

__all__ = [
    "SCHEMA_VERSION",
    "PolicyDataWarning",
    "check_policy_text",
    "default_data_location",
    "default_data_text",
    "default_policy",
    "inspect_policy",
    "load_policy",
    "resolve_policy",
]


def _parse(text: str, origin: str) -> dict[str, Any]:
    try:
        data: dict[str, Any] = tomllib.loads(text)
        return data
    except tomllib.TOMLDecodeError as exc:
        raise PolicyDataError(origin, [DataProblem("(file)", "", f"not valid TOML: {exc}")]) from None


def check_policy_text(text: str, *, origin: str = "<string>") -> tuple[DataProblem, ...]:
    """Every problem in a policy document, or an empty tuple; never raises on data."""
    if not isinstance(text, str):
        raise ArgumentTypeError("text", text, ["TOML text (str)"])
    if not isinstance(origin, str):
        raise ArgumentTypeError("origin", origin, ["a string naming the source"])
    try:
        data = _parse(text, origin)
    except PolicyDataError as exc:
        return exc.problems
    return build_policy(data, origin)[1]


def _policy_from_text(text: str, origin: str) -> Policy:
    policy, problems = build_policy(_parse(text, origin), origin)
    if policy is None:
        raise PolicyDataError(origin, problems)
    return policy


def load_policy(source: str | bytes | os.PathLike[str], *, origin: str | None = None) -> Policy:
    """Load and check a policy: a path (``os.PathLike``, or a one-line string naming a
    file), TOML text (a string with a line break) or TOML bytes.

    Raises :class:`PolicyDataError` listing every problem, with the file named.
    """
    text, name = _read_source(source, origin)
    return _policy_from_text(text, name)


def _read_source(source: str | bytes | os.PathLike[str], origin: str | None) -> tuple[str, str]:
    """The text of *source* and the name it goes by in messages; a file that cannot be
    read, or is not UTF-8, raises :class:`PolicyDataError`."""
    if not isinstance(source, (str, bytes, os.PathLike)):
        raise ArgumentTypeError("source", source, ["a path", "TOML text", "TOML bytes"])
    if origin is not None and not isinstance(origin, str):
        raise ArgumentTypeError("origin", origin, ["a string naming the source"])
    if isinstance(source, str) and not source.strip():
        raise InvalidArgumentError("source", source, ["a path", "TOML text", "TOML bytes"])
    if isinstance(source, bytes):
        text, name = _decode(source, origin or "<bytes>"), origin or "<bytes>"
    elif isinstance(source, str) and "\n" in source:
        text, name = source, origin or "<string>"
    else:
        path = Path(source)
        name = origin or str(path)
        try:
            raw = path.read_bytes()
        except (OSError, ValueError) as exc:  # ValueError: a NUL or an unencodable name
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise PolicyDataError(name, [DataProblem("(file)", "", f"cannot read: {reason}")]) from None
        text = _decode(raw, name)
    return text, name


def _decode(raw: bytes, origin: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PolicyDataError(origin, [DataProblem("(file)", "", f"not UTF-8 text: {exc}")]) from None


# --------------------------------------------------------------------------------------
# The shipped data: inside the wheel, or at the repository root in a source checkout.
# --------------------------------------------------------------------------------------

_DATA_NAME = "provinces.toml"


def default_data_location() -> str:
    """Where the shipped data is read from (for messages and ``version`` output)."""
    packaged = resources.files("beian_policy").joinpath("data").joinpath(_DATA_NAME)
    if packaged.is_file():
        return str(packaged)
    return str(Path(__file__).resolve().parents[2] / "data" / _DATA_NAME)


def default_data_text() -> str:
    """The text of the shipped data file."""
    packaged = resources.files("beian_policy").joinpath("data").joinpath(_DATA_NAME)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    checkout = Path(__file__).resolve().parents[2] / "data" / _DATA_NAME
    try:
        return checkout.read_text(encoding="utf-8")
    except OSError as exc:
        raise PolicyDataError(
            str(checkout),
            [
                DataProblem(
                    "(file)",
                    "",
                    f"the packaged data file is missing ({exc.strerror}); reinstall beian-policy",
                )
            ],
        ) from None


_default: Policy | None = None
_default_lock = threading.Lock()


def default_policy() -> Policy:
    """The shipped policy, loaded on first use, once, under a lock."""
    global _default
    policy = _default
    if policy is None:
        with _default_lock:
            policy = _default
            if policy is None:
                policy = _policy_from_text(default_data_text(), default_data_location())
                _default = policy
    return policy


def resolve_policy(policy: Policy | None) -> Policy:
    """*policy*, or the shipped one when None."""
    if policy is None:
        return default_policy()
    if not isinstance(policy, Policy):
        raise ArgumentTypeError("policy", policy, ["a Policy from load_policy()", "None"])
    return policy


def inspect_policy(
    source: str | bytes | os.PathLike[str], *, origin: str | None = None
) -> tuple[Policy | None, tuple[DataProblem, ...], tuple[str, ...]]:
    """Check a policy source (as :func:`load_policy` reads it) without raising on data.

    Returns the policy (None when there are problems), every problem found (a file
    that cannot be read or is not UTF-8 is one), and the message of each
    :class:`PolicyDataWarning` the data gave, once each. The source is parsed once.
    Other warnings are passed on. Like :func:`warnings.catch_warnings`, which it uses,
    it is not thread-safe.
    """
    policy: Policy | None = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", PolicyDataWarning)
        try:
            text, name = _read_source(source, origin)
            policy, problems = build_policy(_parse(text, name), name)
        except PolicyDataError as exc:
            problems = exc.problems
    notes: dict[str, None] = {}
    for warning in caught:
        if issubclass(warning.category, PolicyDataWarning):
            notes.setdefault(str(warning.message))
        else:
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
    return policy, tuple(problems), tuple(notes)

"""Loading the policy data: from a path, from TOML text or bytes, or the shipped file,
which is loaded lazily, once, under a lock; and validating without raising.

Path and text are two calls (``load_policy`` / ``loads_policy``, as ``tomllib.load``
/ ``loads``): a string is never guessed to be one or the other.
"""

from __future__ import annotations

import os
import stat
import sys
import threading
import warnings
from typing import TYPE_CHECKING, Any

from .._policy import Policy
from ..errors import ArgumentTypeError, InvalidArgumentError, PolicyDataError, PolicyDataWarning
from ._compiled import load_compiled, save_compiled
from ._location import data_file

if TYPE_CHECKING:
    from pathlib import Path

    from ._report import PolicyReport

#: The data schema this version reads (imported from the builder on first access:
#: the builder, the TOML parser and cattrs load only when TOML is read).
SCHEMA_VERSION: str


def __getattr__(name: str) -> object:
    if name == "SCHEMA_VERSION":
        from ._build import SCHEMA_VERSION

        return SCHEMA_VERSION
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "SCHEMA_VERSION",
    "PolicyDataWarning",
    "default_data_text",
    "default_policy",
    "load_policy",
    "loads_policy",
    "parse_document",
    "resolve_policy",
    "validate_policy",
]


# --------------------------------------------------------------------------------------
# Reading: every failure is a PolicyDataError naming the file.
# --------------------------------------------------------------------------------------


def _file_error(origin: str, message: str) -> PolicyDataError:
    from .._problem import DataProblem  # created when a file is first found wrong

    return PolicyDataError(origin, [DataProblem("(file)", "", message)])


#: The most a data file may hold. The shipped file is about 200 KB; the cap keeps a
#: special file (``/dev/zero``) or a runaway file from eating the memory.
MAX_DATA_BYTES = 64 * 1024 * 1024
_BOM = "\ufeff"


def parse_document(text: str, origin: str) -> dict[str, Any]:
    """*text* parsed as TOML; a syntax error is a :class:`PolicyDataError` naming *origin*."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

    if text.startswith(_BOM):
        raise _file_error(
            origin, "the file starts with a byte order mark (BOM); save it as UTF-8 without a BOM"
        )
    try:
        data: dict[str, Any] = tomllib.loads(text)
        return data
    except tomllib.TOMLDecodeError as exc:
        raise _file_error(origin, f"not valid TOML: {exc}") from None
    except RecursionError:  # tomllib recurses once per level of nested arrays or tables
        raise _file_error(origin, "arrays or inline tables nested too deeply to read") from None


def _decode(raw: bytes, origin: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _file_error(origin, f"not UTF-8 text: {exc}") from None


def _read_bounded(file: Path) -> bytes:
    """The bytes of the regular file *file*, at most :data:`MAX_DATA_BYTES`.

    Opened without blocking (a FIFO would otherwise wait for a writer forever) and
    checked to be a regular file before anything is read (``/dev/zero`` never ends).
    Raises OSError or ValueError with a reason for the message.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(file, flags)
    with os.fdopen(descriptor, "rb") as handle:
        status = os.fstat(handle.fileno())
        mode = status.st_mode
        if stat.S_ISDIR(mode):
            raise ValueError("it is a directory, not a file")
        if not stat.S_ISREG(mode):
            raise ValueError("not a regular file (a device, a pipe or a socket); give a .toml file")
        raw = b"" if status.st_size > MAX_DATA_BYTES else handle.read(MAX_DATA_BYTES + 1)
    if status.st_size > MAX_DATA_BYTES or len(raw) > MAX_DATA_BYTES:
        raise ValueError(f"larger than {MAX_DATA_BYTES // (1024 * 1024)} MB; a policy file is far smaller")
    return raw


def _check_origin(origin: object) -> str | None:
    if origin is not None and not isinstance(origin, str):
        raise ArgumentTypeError("origin", origin, ["a string naming the source"])
    return origin


def _read_path(path: object, origin: object) -> tuple[str, str]:
    """The text of the file at *path* and the name it goes by in messages."""
    expected = ["a path (str or os.PathLike); for TOML text or bytes, call loads_policy()"]
    if not isinstance(path, (str, os.PathLike)):
        raise ArgumentTypeError("path", path, expected)
    name = _check_origin(origin)
    try:
        location = os.fspath(path)
    except Exception:  # noqa: BLE001 - a PathLike whose __fspath__ fails gives no path
        raise ArgumentTypeError("path", path, expected) from None
    if not isinstance(location, str) or not location.strip():
        raise InvalidArgumentError("path", location, expected)
    from pathlib import Path  # here: a new process loading the shipped policy never needs it

    file = Path(location)
    name = name or str(file)
    try:
        raw = _read_bounded(file)
    except (OSError, ValueError) as exc:  # ValueError: a NUL or an unencodable name
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        if "\n" in location:
            reason += "; to load TOML text, call loads_policy()"
        raise _file_error(name, f"cannot read: {reason}") from None
    return _decode(raw, name), name


def _read_text(text: object, origin: object) -> tuple[str, str]:
    """*text* as a string (bytes decoded as UTF-8) and the name it goes by."""
    name = _check_origin(origin)
    if isinstance(text, str):
        return text, name or "<string>"
    if isinstance(text, bytes):
        name = name or "<bytes>"
        return _decode(text, name), name
    raise ArgumentTypeError("text", text, ["TOML text (str)", "TOML bytes", "for a path, call load_policy()"])


def _policy_from_text(text: str, origin: str) -> Policy:
    from ._build import build_policy

    policy, problems = build_policy(parse_document(text, origin), origin)
    if policy is None:
        raise PolicyDataError(origin, problems)
    return policy


# --------------------------------------------------------------------------------------
# Loading and validating.
# --------------------------------------------------------------------------------------


def load_policy(path: str | os.PathLike[str], *, origin: str | None = None) -> Policy:
    """Load and check the policy data file at *path*. *origin* names it in messages
    and in :attr:`Policy.origin` (default: the path).

    Raises :class:`PolicyDataError` listing every problem, with the file named (a file
    that cannot be read, or is not UTF-8, is one).
    """
    text, name = _read_path(path, origin)
    return _policy_from_text(text, name)


def loads_policy(text: str | bytes, *, origin: str | None = None) -> Policy:
    """Load and check a policy from TOML *text* (``str``) or UTF-8 bytes. *origin*
    names it in messages (default ``<string>`` or ``<bytes>``).

    Raises :class:`PolicyDataError` listing every problem.
    """
    source, name = _read_text(text, origin)
    return _policy_from_text(source, name)


def validate_policy(
    path: str | os.PathLike[str] | None = None,
    *,
    text: str | bytes | None = None,
    origin: str | None = None,
) -> PolicyReport:
    """Check a policy data file (*path*) or document (*text*, TOML ``str`` or bytes),
    exactly one of them, without raising on the data.

    Bad data, an unreadable file and TOML that does not parse become problems of the
    report; bad arguments raise :class:`ArgumentTypeError` or
    :class:`InvalidArgumentError`. The document is parsed once. Warnings other than
    :class:`PolicyDataWarning` are passed on. Like :func:`warnings.catch_warnings`,
    which it uses, it is not thread-safe.
    """
    if (path is None) == (text is None):
        given = "both path and text" if path is not None else "neither path nor text"
        raise InvalidArgumentError(
            "arguments", given, ["validate_policy(path)", "validate_policy(text=toml_text_or_bytes)"]
        )
    from ._build import build_policy
    from ._report import PolicyReport

    policy: Policy | None = None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", PolicyDataWarning)
        try:
            source, name = _read_path(path, origin) if path is not None else _read_text(text, origin)
            policy, problems = build_policy(parse_document(source, name), name)
        except PolicyDataError as exc:
            problems = exc.problems
    notes: dict[str, None] = {}
    for warning in caught:
        if issubclass(warning.category, PolicyDataWarning):
            notes.setdefault(str(warning.message))
        else:
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
    return PolicyReport(policy, tuple(problems), tuple(notes))


# --------------------------------------------------------------------------------------
# The shipped data.
# --------------------------------------------------------------------------------------


def _default_bytes() -> tuple[bytes, str]:
    location = data_file()
    try:
        with open(location, "rb") as handle:
            return handle.read(), str(location)
    except OSError as exc:
        raise _file_error(
            str(location), f"the packaged data file is missing ({exc.strerror}); reinstall beian-policy"
        ) from None


def default_data_text() -> str:
    """The text of the shipped data file."""
    raw, origin = _default_bytes()
    return _decode(raw, origin)


def _load_default() -> Policy:
    """The shipped policy: from its compiled form when that is there and matches the
    TOML, else from the TOML, then compiled for the next process (see ``_compiled``)."""
    raw, origin = _default_bytes()
    policy = load_compiled(raw, origin)
    if policy is None:
        policy = _policy_from_text(_decode(raw, origin), origin)
        save_compiled(policy, raw)
    return policy


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
                policy = _load_default()
                _default = policy
    return policy


def resolve_policy(policy: Policy | None) -> Policy:
    """*policy*, or the shipped one when None."""
    if policy is None:
        return default_policy()
    if not isinstance(policy, Policy):
        raise ArgumentTypeError("policy", policy, ["a Policy from load_policy()", "None"])
    return policy

"""The package's exceptions and warnings (public: ``beian_policy.errors``).

Every error this package raises on purpose derives from :class:`BeianPolicyError` and
from exactly one builtin a caller would naturally catch:

* ``LookupError``: a name that is not in a closed vocabulary (a province, a change, a
  failure, a language, an id): :class:`UnknownNameError` and its subclasses;
* ``TypeError``: an argument of the wrong Python type: :class:`ArgumentTypeError`;
* ``ValueError``: an argument of the right type with a bad value
  (:class:`InvalidArgumentError`), a string that is not an ICP number
  (:class:`InvalidIcpNumberError`), or a malformed data file (:class:`PolicyDataError`).

Errors carry their data as attributes and pickle, since they cross process boundaries
in workers. Messages show at most a short excerpt of what was passed, never the
whole input.
"""

from __future__ import annotations

import pickle
import reprlib
from collections.abc import Iterable

import attrs

__all__ = [
    "ArgumentTypeError",
    "BeianPolicyError",
    "DataProblem",
    "InvalidArgumentError",
    "InvalidIcpNumberError",
    "PolicyDataError",
    "PolicyDataWarning",
    "UnknownChangeError",
    "UnknownFailureError",
    "UnknownIdError",
    "UnknownNameError",
    "UnknownProvinceError",
]

_SHORT = reprlib.Repr()
_SHORT.maxstring = 80
_SHORT.maxother = 80
_SHORT.maxlist = _SHORT.maxtuple = _SHORT.maxset = _SHORT.maxfrozenset = _SHORT.maxdict = 6
_SHORT.maxlevel = 3


def shown(value: object) -> str:
    """A short, safe ``repr`` of *value* for a message: bounded in length, and never
    raising, whatever the object's own ``__repr__`` does."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return f"<an int of {value.bit_length()} bits>"
    try:
        return _SHORT.repr(value)
    except Exception:  # noqa: BLE001 - a broken __repr__ must not hide the real error
        return f"<{type(value).__name__} object>"


def _portable(value: object) -> object:
    """*value* when it pickles, else its safe repr: an error must cross a process
    boundary (a worker pool) whatever the caller passed in."""
    try:
        pickle.dumps(value)
    except Exception:  # noqa: BLE001 - any failure to pickle means: keep the repr
        return shown(value)
    return value


def _did_you_mean(suggestions: tuple[str, ...]) -> str:
    if not suggestions:
        return ""
    return " Did you mean: " + ", ".join(suggestions) + "?"


def _rebuild(
    cls: type[BeianPolicyError],
    args: tuple[object, ...],
    kwargs: dict[str, object],
    message: str | None = None,
) -> BeianPolicyError:
    error = cls(*args, **kwargs)
    if message is not None:  # the input was replaced by its repr: keep the first message
        error.args = (message,)
    return error


class BeianPolicyError(Exception):
    """Base class of every error this package raises on purpose."""


class UnknownNameError(BeianPolicyError, LookupError):
    """A name outside a closed vocabulary.

    ``vocabulary`` says which (``"change"``, ``"language"``, ``"step"``...), ``query``
    is what was given, ``valid`` lists the accepted names (may be empty when the list
    is too long to be useful) and ``suggestions`` the close matches.
    """

    def __init__(
        self,
        vocabulary: str,
        query: object,
        valid: Iterable[str] = (),
        suggestions: Iterable[str] = (),
    ) -> None:
        self.vocabulary = vocabulary
        self.query = query
        self.valid = tuple(valid)
        self.suggestions = tuple(suggestions)
        super().__init__(self._message())

    def _message(self) -> str:
        known = f": expected one of {', '.join(self.valid)}." if self.valid else "."
        return f"unknown {self.vocabulary} {shown(self.query)}{known}" + _did_you_mean(self.suggestions)

    def __reduce__(self) -> tuple[object, ...]:
        query = _portable(self.query)
        return (_rebuild, (type(self), (self.vocabulary, query, self.valid, self.suggestions), {}, str(self)))


class UnknownChangeError(UnknownNameError):
    """The value is not one of the change kinds (:class:`beian_policy.Change`)."""

    def __init__(self, query: object, valid: Iterable[str] = (), suggestions: Iterable[str] = ()) -> None:
        super().__init__("change", query, valid, suggestions)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), (_portable(self.query), self.valid, self.suggestions), {}, str(self)))


class UnknownFailureError(UnknownNameError):
    """The value is not one of the failure reasons (:class:`beian_policy.Failure`)."""

    def __init__(self, query: object, valid: Iterable[str] = (), suggestions: Iterable[str] = ()) -> None:
        super().__init__("failure", query, valid, suggestions)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), (_portable(self.query), self.valid, self.suggestions), {}, str(self)))


class UnknownIdError(UnknownNameError):
    """An id the data does not define (a step, national rule, source, cause, remedy...);
    ``vocabulary`` names the kind of id."""


class UnknownProvinceError(UnknownNameError):
    """The text names no mainland province, or names a region without ICP filing
    (``no_icp_region`` then says which)."""

    def __init__(
        self,
        query: object,
        suggestions: Iterable[str] = (),
        *,
        no_icp_region: str | None = None,
    ) -> None:
        self.no_icp_region = no_icp_region
        super().__init__("province", query, (), suggestions)

    def _message(self) -> str:
        if self.no_icp_region is not None:
            return (
                f"{shown(self.query)} is {self.no_icp_region}, which has no ICP filing: ICP filings "
                "exist only for the 31 mainland provinces."
            )
        return (
            f"unknown province {shown(self.query)}: give an ISO code (CN-GD, GD), a GB/T 2260 code "
            "(440000, 44), a Chinese name (广东, 广东省), an ICP abbreviation (粤) or a "
            "pinyin name (Guangdong)." + _did_you_mean(self.suggestions)
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild,
            (
                type(self),
                (_portable(self.query), self.suggestions),
                {"no_icp_region": self.no_icp_region},
                str(self),
            ),
        )


class ArgumentTypeError(BeianPolicyError, TypeError):
    """An argument of the wrong Python type; ``expected`` says what it accepts."""

    def __init__(self, argument: str, value: object, expected: Iterable[str]) -> None:
        self.argument = argument
        self.value_type = type(value).__name__
        self.expected = tuple(expected)
        super().__init__(
            f"wrong type for {argument}: got {self.value_type} ({shown(value)}); "
            f"expected {', '.join(self.expected)}."
        )

    def __reduce__(self) -> tuple[object, ...]:
        # The value itself is not kept: it may not pickle (a generator, a socket).
        return (_rebuild_type_error, (self.argument, self.value_type, self.expected, str(self)))


def _rebuild_type_error(
    argument: str, value_type: str, expected: tuple[str, ...], message: str
) -> ArgumentTypeError:
    error = ArgumentTypeError.__new__(ArgumentTypeError)
    TypeError.__init__(error, message)
    error.argument, error.value_type, error.expected = argument, value_type, expected
    return error


class InvalidArgumentError(BeianPolicyError, ValueError):
    """An argument of the right type whose value is outside what it accepts."""

    def __init__(self, argument: str, value: object, expected: Iterable[str]) -> None:
        self.argument = argument
        self.value = value
        self.expected = tuple(expected)
        super().__init__(f"invalid {argument} {shown(value)}: expected {', '.join(self.expected)}.")

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), (self.argument, _portable(self.value), self.expected), {}, str(self)))


class InvalidIcpNumberError(BeianPolicyError, ValueError):
    """The text is not an ICP filing or licence number.

    ``looks_like`` names what the text resembles when that is known (a public-security
    filing number, a campus filing, a culture licence...), so callers can tell users
    which number they pasted instead.
    """

    def __init__(self, text: object, reason: str, *, looks_like: str | None = None) -> None:
        self.text = text
        self.reason = reason
        self.looks_like = looks_like
        message = f"{shown(text)} is not an ICP number: {reason}"
        if looks_like is not None:
            message += f" (it looks like {looks_like})"
        super().__init__(message)

    def __reduce__(self) -> tuple[object, ...]:
        text, looks_like = _portable(self.text), {"looks_like": self.looks_like}
        return (_rebuild, (type(self), (text, self.reason), looks_like, str(self)))


@attrs.frozen
class DataProblem:
    """One problem found in a data file: the record, the field and what is wrong."""

    record: str
    field: str
    message: str

    def __str__(self) -> str:
        where = self.record if not self.field else f"{self.record}: {self.field}"
        return f"{where}: {self.message}"


class PolicyDataError(BeianPolicyError, ValueError):
    """A data file is malformed; ``problems`` lists every problem found, not only the
    first, and ``path`` names the file."""

    def __init__(self, path: str, problems: Iterable[DataProblem]) -> None:
        self.path = path
        self.problems = tuple(problems)
        lines = [f"{path}: {len(self.problems)} problem(s) in the policy data:"]
        lines.extend(f"  - {problem}" for problem in self.problems)
        super().__init__("\n".join(lines))

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), (self.path, self.problems), {}))


class PolicyDataWarning(UserWarning):
    """The data loads, but something about it deserves attention (e.g. a newer minor
    schema version than this code knows)."""

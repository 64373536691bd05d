"""The package's exceptions.

Each concrete error also subclasses the builtin a caller would naturally catch
(``LookupError`` for an unknown name, ``ValueError`` for malformed input or data), so
code that knows nothing of this package still handles them. Errors carry their data
as attributes and survive pickling, since they cross process boundaries in workers.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = [
    "BeianPolicyError",
    "DataProblem",
    "InvalidArgumentError",
    "InvalidIcpNumberError",
    "PolicyDataError",
    "PolicyDataWarning",
    "TextTooLongError",
    "UnknownChangeError",
    "UnknownFailureError",
    "UnknownIdError",
    "UnknownProvinceError",
]


class BeianPolicyError(Exception):
    """Base class of every error this package raises on purpose."""


def _did_you_mean(suggestions: tuple[str, ...]) -> str:
    if not suggestions:
        return ""
    return " Did you mean: " + ", ".join(suggestions) + "?"


class UnknownProvinceError(BeianPolicyError, LookupError):
    """The text names no mainland province (or names a region without ICP filing)."""

    def __init__(
        self,
        query: object,
        suggestions: Iterable[str] = (),
        *,
        no_icp_region: str | None = None,
    ) -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        self.no_icp_region = no_icp_region
        if no_icp_region is not None:
            message = (
                f"{query!r} is {no_icp_region}, which has no ICP filing: ICP filings exist "
                "only for the 31 mainland provinces."
            )
        else:
            message = (
                f"unknown province {query!r}: give an ISO code (CN-GD, GD), a GB/T 2260 code "
                "(440000, 44), a Chinese name (广东, 广东省), an ICP abbreviation (粤) or a "
                "pinyin name (Guangdong)." + _did_you_mean(self.suggestions)
            )
        super().__init__(message)

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild,
            (type(self), (self.query, self.suggestions), {"no_icp_region": self.no_icp_region}),
        )


class _UnknownValueError(BeianPolicyError, ValueError):
    """A value outside a closed vocabulary; subclasses name the vocabulary."""

    vocabulary = "value"

    def __init__(self, query: object, valid: Iterable[str], suggestions: Iterable[str] = ()) -> None:
        self.query = query
        self.valid = tuple(valid)
        self.suggestions = tuple(suggestions)
        super().__init__(
            f"unknown {self.vocabulary} {query!r}: expected one of {', '.join(self.valid)}."
            + _did_you_mean(self.suggestions)
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), (self.query, self.valid, self.suggestions), {}))


class UnknownChangeError(_UnknownValueError):
    """The value is not one of the change kinds (``beian_policy.Change``)."""

    vocabulary = "change"


class UnknownFailureError(_UnknownValueError):
    """The value is not one of the failure reasons (``beian_policy.Failure``)."""

    vocabulary = "failure"


class InvalidArgumentError(BeianPolicyError, ValueError, TypeError):
    """An argument has a value (or a type) outside what it accepts. It is both a
    ``ValueError`` and a ``TypeError``, so either builtin catches it."""

    def __init__(self, argument: str, value: object, valid: Iterable[str]) -> None:
        self.argument = argument
        self.value = value
        self.valid = tuple(valid)
        super().__init__(f"invalid {argument} {value!r}: expected one of {', '.join(self.valid)}.")

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), (self.argument, self.value, self.valid), {}))


class UnknownIdError(BeianPolicyError, LookupError):
    """An id (step, national rule, source, failure cause, remedy...) that the data does
    not define."""

    def __init__(self, kind: str, query: object, valid: Iterable[str] = ()) -> None:
        self.kind = kind
        self.query = query
        self.valid = tuple(valid)
        hint = f"; known: {', '.join(self.valid)}" if self.valid else ""
        super().__init__(f"unknown {kind} {query!r}{hint}")

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), (self.kind, self.query, self.valid), {}))


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
        message = f"{text!r} is not an ICP number: {reason}"
        if looks_like is not None:
            message += f" (it looks like {looks_like})"
        super().__init__(message)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), (self.text, self.reason), {"looks_like": self.looks_like}))


class TextTooLongError(BeianPolicyError, ValueError):
    """A text longer than the ICP number functions read, refused before any work so
    that a caller passing a whole crawl cannot stall a server."""

    def __init__(self, length: int, limit: int) -> None:
        self.length = length
        self.limit = limit
        super().__init__(
            f"the text has {length:,} characters, more than the {limit:,} read; "
            "pass a shorter text (the page footer, say) or raise max_length"
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), (self.length, self.limit), {}))


@attrs.frozen
class DataProblem:
    """One problem found in a data file: where it is and what is wrong."""

    record: str
    field: str
    message: str

    def __str__(self) -> str:
        where = self.record if not self.field else f"{self.record}: {self.field}"
        return f"{where}: {self.message}"


class PolicyDataError(BeianPolicyError, ValueError):
    """A data file is malformed; every problem found is listed, not only the first."""

    def __init__(self, path: str, problems: Iterable[DataProblem]) -> None:
        self.path = path
        self.problems = tuple(problems)
        lines = [f"{path}: {len(self.problems)} problem(s) in the policy data:"]
        lines.extend(f"  - {problem}" for problem in self.problems)
        super().__init__("\n".join(lines))

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), (self.path, self.problems), {}))


def _rebuild(
    cls: type[BeianPolicyError], args: tuple[object, ...], kwargs: dict[str, object]
) -> BeianPolicyError:
    return cls(*args, **kwargs)


class PolicyDataWarning(UserWarning):
    """The data loads, but something about it deserves attention (e.g. a newer minor
    schema version than this code knows)."""

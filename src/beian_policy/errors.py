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

import reprlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._problem import DataProblem

__all__ = [
    "AmbiguousNameError",
    "ArgumentTypeError",
    "BeianPolicyError",
    "DataProblem",
    "InvalidApplicationError",
    "InvalidArgumentError",
    "InvalidIcpNumberError",
    "MissingDependencyError",
    "PolicyDataError",
    "PolicyDataWarning",
    "TextTooLongError",
    "UnknownChangeError",
    "UnknownFailureError",
    "UnknownIdError",
    "UnknownNameError",
    "UnknownProviderError",
    "UnknownProvinceError",
]


def __getattr__(name: str) -> object:
    # DataProblem (a frozen attrs record) is created when a data file is first found
    # wrong: a process that never reads a bad file does not create its class.
    if name == "DataProblem":
        from ._problem import DataProblem

        return DataProblem
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
    import pickle  # here, not at import: most processes never raise

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


# The vocabularies' names in Chinese, for the Chinese messages.
_VOCABULARY_ZH = {
    "change": "变更项",
    "failure": "失败原因",
    "subject kind": "主体性质",
    "fact": "情况",
    "language": "语言",
    "province": "省份",
    "cause": "原因",
    "remedy": "处理办法",
    "step": "步骤",
    "source": "来源",
    "national rule": "全国规则",
    "provider": "接入商",
}


def _did_you_mean_zh(suggestions: tuple[str, ...]) -> str:
    return f"你要找的是不是：{'、'.join(suggestions)}？" if suggestions else ""


class BeianPolicyError(Exception):
    """Base class of every error this package raises on purpose.

    ``str(error)`` is the English message; :attr:`zh` is the same message in Chinese
    (the command line prints the one for ``--lang``), and :attr:`code` a stable
    machine-readable name of the kind of error (``unknown_change``, ``ambiguous_name``,
    ``no_icp_region``...), used by ``--json`` error objects."""

    code = "error"

    @property
    def zh(self) -> str:
        """The message in Chinese (the English one where no translation exists)."""
        return str(self)


#: How many accepted names a message lists before it says how many more there are
#: (``valid`` keeps them all): a source catalogue has hundreds.
_MOST_LISTED = 40


def _listed(names: tuple[str, ...], sep: str, more: str) -> str:
    if len(names) <= _MOST_LISTED:
        return sep.join(names)
    return f"{sep.join(names[:_MOST_LISTED])}{sep}… (+{len(names) - _MOST_LISTED} {more})"


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
        known = f": expected one of {_listed(self.valid, ', ', 'more')}." if self.valid else "."
        return f"unknown {self.vocabulary} {shown(self.query)}{known}" + _did_you_mean(self.suggestions)

    @property
    def code(self) -> str:  # type: ignore[override]
        return "unknown_" + self.vocabulary.replace(" ", "_")

    @property
    def zh(self) -> str:
        what = _VOCABULARY_ZH.get(self.vocabulary, self.vocabulary)
        known = f"：可用的有 {_listed(self.valid, '、', '更多')}。" if self.valid else "。"
        return f"无法识别的{what} {shown(self.query)}{known}" + _did_you_mean_zh(self.suggestions)

    def __reduce__(self) -> tuple[object, ...]:
        query = _portable(self.query)
        return (_rebuild, (type(self), (self.vocabulary, query, self.valid, self.suggestions), {}, str(self)))


class AmbiguousNameError(BeianPolicyError, LookupError):
    """A spelling that names more than one entry of a closed vocabulary (主体或网站被注销
    is both ``subject_cancelled`` and ``website_cancelled``). Rather than guess, the
    error lists the ``choices``; pass one of them."""

    def __init__(self, vocabulary: str, query: object, choices: Iterable[str]) -> None:
        self.vocabulary = vocabulary
        self.query = query
        self.choices = tuple(choices)
        super().__init__(
            f"{vocabulary} {shown(self.query)} is ambiguous: it may mean {' or '.join(self.choices)};"
            " give one of them"
        )

    code = "ambiguous_name"

    @property
    def zh(self) -> str:
        what = _VOCABULARY_ZH.get(self.vocabulary, self.vocabulary)
        return f"{what} {shown(self.query)} 有多种可能：{'、'.join(self.choices)}；请指定其中一个"

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), (self.vocabulary, self.query, self.choices), {}))


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


class UnknownProviderError(UnknownNameError):
    """The value names no hosting provider of the data (``according_to=``)."""

    def __init__(self, query: object, valid: Iterable[str] = (), suggestions: Iterable[str] = ()) -> None:
        super().__init__("provider", query, valid, suggestions)

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

    @property
    def code(self) -> str:  # type: ignore[override]
        return "no_icp_region" if self.no_icp_region is not None else "unknown_province"

    @property
    def zh(self) -> str:
        if self.no_icp_region is not None:
            return (
                f"{shown(self.query)} 是{self.no_icp_region}，那里没有 ICP 备案："
                "ICP 备案只适用于内地 31 个省份。"
            )
        return (
            f"无法识别的省份 {shown(self.query)}：请写省份名称（广东、广东省）、备案号简称（粤）、"
            "ISO 代码（CN-GD、GD）、GB/T 2260 代码（440000、44）或拼音（Guangdong）。"
            + _did_you_mean_zh(self.suggestions)
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

    code = "wrong_type"

    @property
    def zh(self) -> str:
        return f"{self.argument} 的类型不对（{self.value_type}）：应为 {'、'.join(self.expected)}。"

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

    code = "invalid_argument"

    @property
    def zh(self) -> str:
        return f"{self.argument} 的值 {shown(self.value)} 无效：应为 {'、'.join(self.expected)}。"

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), (self.argument, _portable(self.value), self.expected), {}, str(self)))


class InvalidIcpNumberError(BeianPolicyError, ValueError):
    """The text is not an ICP filing or licence number.

    ``reason`` says why in English and ``reason_zh`` in Chinese. ``looks_like`` (and
    ``looks_like_zh``) names what the text resembles when that is known (a
    public-security filing number, a campus filing, a culture licence...), so callers
    can tell users which number they pasted instead. A Chinese form not given is the
    English one, so ``InvalidIcpNumberError(text, reason)`` still works.
    """

    def __init__(
        self,
        text: object,
        reason: str,
        *,
        looks_like: str | None = None,
        reason_zh: str | None = None,
        looks_like_zh: str | None = None,
    ) -> None:
        self.text = text
        self.reason = reason
        self.reason_zh = reason if reason_zh is None else reason_zh
        self.looks_like = looks_like
        self.looks_like_zh = looks_like if looks_like_zh is None else looks_like_zh
        message = f"{shown(text)} is not an ICP number: {reason}"
        if looks_like is not None:
            message += f" (it looks like {looks_like})"
        super().__init__(message)

    code = "invalid_icp_number"

    @property
    def zh(self) -> str:
        message = f"{shown(self.text)} 不是 ICP 备案号或许可证号：{self.reason_zh}"
        return message + (f"（看起来像{self.looks_like_zh}）" if self.looks_like_zh is not None else "")

    def __reduce__(self) -> tuple[object, ...]:
        kwargs: dict[str, object] = {
            "looks_like": self.looks_like,
            "reason_zh": self.reason_zh,
            "looks_like_zh": self.looks_like_zh,
        }
        return (_rebuild, (type(self), (_portable(self.text), self.reason), kwargs, str(self)))


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


class PolicyDataError(BeianPolicyError, ValueError):
    """A data file is malformed; ``problems`` lists every problem found, not only the
    first, and ``path`` names the file."""

    def __init__(self, path: str, problems: Iterable[DataProblem]) -> None:
        self.path = path
        self.problems = tuple(problems)
        lines = [f"{path}: {len(self.problems)} problem(s) in the policy data:"]
        lines.extend(f"  - {problem}" for problem in self.problems)
        super().__init__("\n".join(lines))

    code = "bad_data"

    @property
    def zh(self) -> str:
        lines = [f"{self.path}：数据文件有 {len(self.problems)} 个问题："]
        lines.extend(f"  - {problem}" for problem in self.problems)
        return "\n".join(lines)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), (self.path, self.problems), {}))


class InvalidApplicationError(BeianPolicyError, ValueError):
    """An application (for ``preflight``) could not be read; ``problems`` lists every
    field that does not fit, as ``(field, message)`` pairs, not only the first."""

    def __init__(self, problems: Iterable[tuple[str, str]]) -> None:
        self.problems = tuple(problems)
        lines = [f"the application has {len(self.problems)} problem(s):"]
        lines.extend(f"  - {field}: {message}" for field, message in self.problems)
        super().__init__("\n".join(lines))

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), (self.problems,), {}))


class MissingDependencyError(BeianPolicyError, ImportError):
    """An optional package a check needs is not installed; the message says how to
    install it (``pip install 'beian-policy[preflight]'``)."""

    def __init__(self, package: str, purpose: str, extra: str = "preflight") -> None:
        self.package = package
        self.purpose = purpose
        self.extra = extra
        super().__init__(
            f"{purpose} needs the optional package {package!r}; install it with "
            f"pip install 'beian-policy[{extra}]'"
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), (self.package, self.purpose, self.extra), {}))


class PolicyDataWarning(UserWarning):
    """The data loads, but something about it deserves attention (e.g. a newer minor
    schema version than this code knows)."""

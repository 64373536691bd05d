"""Junk in, the package's own errors out (python-stdnum's discipline).

Every public function, every public method of a value a caller holds, every
constructor a caller uses and every command-line subcommand is found by itself (from
``__all__``, the signatures and the parser), so a function or a keyword parameter
another change adds gets junk too, or the test fails naming what it cannot feed.
Junk is text with control, full-width, zero-width, NFKC-expanding and combining
characters, ``None``, numbers, huge ints, bytes, deep and infinite iterables and
objects whose every special method raises. Only a :class:`BeianPolicyError` or a
plain ``TypeError`` may come out, with a message of at most :data:`MESSAGE_BOUND`
characters, and an error must pickle.

In CI (``CI`` set) each function gets :data:`CI_EXAMPLES` examples; locally fewer.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import inspect
import io
import itertools
import os
import pickle
import re
import sys
import types
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import beian_policy as bp
from beian_policy._cli import main
from beian_policy._cli._parser import build_parser
from beian_policy._text import MAX_NAME_LENGTH, without_expanders

#: The longest message an error may carry, whatever it was fed. The longest
#: legitimate ones list a vocabulary (every failure id) beside an 80-character excerpt.
MESSAGE_BOUND = 2_000
CI_EXAMPLES = 500
EXAMPLES = CI_EXAMPLES if os.environ.get("CI") else 100
JUNK_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)


# ---------------------------------------------------------------------------
# The junk
# ---------------------------------------------------------------------------


class HostileError(Exception):
    """Raised by every special method of :class:`Hostile`."""


def _raise(*_: object, **__: object) -> Any:
    raise HostileError("a hostile object was touched")


class Hostile:
    """An object whose repr, str, equality, hash, iteration, length, truth, path,
    index and format all raise."""

    __repr__ = __str__ = __eq__ = __ne__ = __hash__ = __iter__ = __len__ = _raise
    __bool__ = __fspath__ = __index__ = __format__ = __lt__ = __gt__ = __getitem__ = _raise


class HostileStr(str):
    """A string whose repr, hash and equality raise."""

    __repr__ = __hash__ = __eq__ = _raise


def _deep(depth: int) -> list[object]:
    value: list[object] = []
    for _ in range(depth):
        value = [value]
    return value


def _looped() -> list[object]:
    loop: list[object] = []
    loop.append(loop)
    return loop


# Characters that have broken text handling somewhere: C0/C1 controls, NEL, NBSP, soft
# hyphen, ideographic space, line/paragraph separators, zero-width and bidi controls,
# combining marks, NFKC expanders (U+FDFA is 18 characters folded), full-width forms,
# non-BMP, lone surrogates.
SPECIAL = (
    "\x00\x07\x08\x1b\x7f\x85\x9b\u00a0\u00ad\u3000\u2028\u2029\u200b\u200c\u200d\u2060\ufeff"
    "\u202e\u2066\u0301\u0308\u20dd\ufdfa\ufdfb\u3300\u337f\u2487\uff10\uff21\uff0d\uff0c"
    "\U0001f600\U00020000\ud800\udfff"
)
TOKENS = (
    "京", "粤", "北京", "CN-BJ", "110000", "ICP", "备", "证", "号", "-1", "B2-", "subject_name",
    "主体名称", "organisation", "zh", "en", "subject_mismatch", "{", "}", "%s", "\\", "..", "/",
)  # fmt: skip

texts = st.one_of(
    st.text(alphabet=st.one_of(st.characters(), st.sampled_from(SPECIAL)), max_size=30),
    st.lists(st.sampled_from(TOKENS + tuple(SPECIAL)), max_size=12).map("".join),
    st.builds(
        lambda c, n: c * n,
        st.sampled_from(("a", "\ufdfa", "\x00", "京ICP备1", "北京 ")),
        st.integers(100, 5000),
    ),
)


class Recipe:
    """A junk value made afresh for each call (an iterator is used up; a hostile object
    cannot be shown), with a name Hypothesis can print."""

    def __init__(self, name: str, make: Callable[[], object]) -> None:
        self.name, self.make = name, make

    def __repr__(self) -> str:
        return self.name


RECIPES = [
    Recipe("10**5000", lambda: 10**5000),
    Recipe("-(10**5000)", lambda: -(10**5000)),
    Recipe("Hostile()", Hostile),
    Recipe("HostileStr('北京')", lambda: HostileStr("北京")),
    Recipe("HostileStr('subject_name')", lambda: HostileStr("subject_name")),
    Recipe("deep(5000)", lambda: _deep(5000)),
    Recipe("deep(100)", lambda: _deep(100)),
    Recipe("looped list", _looped),
    Recipe("repeat('subject_name')", lambda: itertools.repeat("subject_name")),
    Recipe("count()", itertools.count),
    Recipe("generator with Hostile", lambda: (x for x in ["subject_name", Hostile()])),
    Recipe("iter(['website_name'] * 2000)", lambda: iter(["website_name"] * 2000)),
    Recipe("date.max", lambda: dt.date.max),
    Recipe("object()", object),
    Recipe("the sys module", lambda: sys),
    Recipe("len", lambda: len),
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([2**64, 1j, Ellipsis]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.binary(max_size=20),
)
iterables = st.one_of(
    st.lists(st.one_of(texts, scalars), max_size=4),
    st.lists(st.one_of(texts, scalars), max_size=4).map(tuple),
    st.frozensets(st.one_of(st.text(max_size=5), st.integers()), max_size=4),
    st.dictionaries(
        st.text(max_size=5), st.one_of(st.booleans(), st.none(), texts, st.integers()), max_size=3
    ),
)
junk = st.one_of(texts, scalars, iterables, st.sampled_from(RECIPES))


# ---------------------------------------------------------------------------
# What is public, found by itself
# ---------------------------------------------------------------------------


def _public_modules() -> dict[str, types.ModuleType]:
    found = {"beian_policy": bp}
    for name in bp.__all__:
        value = getattr(bp, name)
        if isinstance(value, types.ModuleType):
            found[value.__name__] = value
    return found


def _public_names() -> Iterator[tuple[str, object]]:
    for module_name, module in _public_modules().items():
        for name in module.__all__:
            yield f"{module_name}.{name}", getattr(module, name)


def public_functions() -> dict[str, Callable[..., object]]:
    return {name: value for name, value in _public_names() if inspect.isfunction(value)}


def public_classes() -> dict[str, type]:
    return {
        value.__name__: value
        for _, value in _public_names()
        if isinstance(value, type) and not issubclass(value, (enum.Enum, BaseException, Warning))
    }


# A valid value for each parameter that has no default, by name; a function with a
# required parameter missing here makes test_every_public_function_is_fed fail.
_FOOTER = '<footer><a href="https://beian.miit.gov.cn/">京ICP备12345678号-1</a></footer>'
VALID: dict[str, object] = {
    "province": "北京",
    "text": "京ICP备12345678号-1",
    "number": "京ICP备12345678号-1",
    "icp_number": "京ICP备12345678号-1",
    "html": _FOOTER,
    "failure": "subject_mismatch",
    "application": {},
    "cls": bp.Province,
    "data": {},
    "obj": ("北京",),
    "path": "no-such-file.toml",
    "remedy_id": "add_website",
    "site": 2,
    "kind": "filing",
    "serial": "12345678",
    "trigger": "has_extra_filings",
    "code": "CN-BJ",
    "abbreviation": "京",
    "rule_id": "sms_phone_must_match",
    "step_id": "submit_transfer",
    "change": bp.Change.SUBJECT_NAME,
    "name": "change",
    "vocabulary": "change",
    "term_id": "subject_name",
    "source_id": "tc-cn-bj",
    "cause_id": "phone_differs",
    "subject_kind": None,
    "timing": bp.Timing.BEFORE,
    "provider_id": "tencent_cloud",
    "province_code": "CN-BJ",
    "day": dt.date(2020, 1, 1),
}
# Where one function needs another valid value than the name-wide one (a cheap one:
# the policy text is tested whole by tests/test_corruption.py).
VALID_IN: dict[tuple[str, str], object] = {
    ("beian_policy.loads_policy", "text"): "schema_version = 1",
    ("beian_policy.get_province", "text"): "北京",
    ("beian_policy.resolve_province", "text"): "北京",
    ("beian_policy.search_provinces", "text"): "shan",
}


def _policy() -> bp.Policy:
    return bp.default_policy()


# An instance of each public class whose public methods take arguments, so that they
# get junk too; a class with such a method missing here fails the coverage test.
INSTANCES: dict[str, Callable[[], object]] = {
    "Policy": _policy,
    "Text": lambda: bp.required_steps("北京")[0].title,
    "Province": lambda: bp.resolve_province("北京"),
    "IcpNumber": lambda: bp.parse_icp_number("京ICP备12345678号"),
    "Diagnosis": lambda: bp.diagnose("website_cancelled"),
    "FailureInfo": lambda: _policy().failure_info(bp.Failure.SMS_VERIFICATION_FAILED),
    "ProvinceRules": lambda: _policy().rules_for(bp.resolve_province("北京")),
    "Statement": lambda: _policy().rules_for(bp.resolve_province("北京")).statements[0],
    "Source": lambda: _policy().source("tc-cn-bj"),
    "NationalRule": lambda: _policy().national_rule("sms_phone_must_match"),
    "Event": lambda: _policy().events[0],
    "SiteFact": lambda: _policy().rules_for(bp.resolve_province("广东")).filed_sites_reachable,
    "ProvinceCheck": lambda: _policy().rules_for(bp.resolve_province("北京")).checks[0],
    "TransferCase": lambda: bp.model.TransferCase(
        bp.resolve_province("北京"), frozenset(), None, bp.PlanFacts()
    ),
    "TransferDecision": lambda: bp.assess_transfer("北京", "subject_name"),
    "TransferPlan": lambda: bp.plan_transfer("北京", "subject_name"),
    "Preflight": lambda: bp.preflight("北京", {}),
    "FooterCheck": lambda: bp.check_footer(_FOOTER, "京ICP备12345678号-1"),
    "PlanFacts": lambda: bp.PlanFacts(),
    "Application": lambda: (
        bp.Application.from_mapping({}) if hasattr(bp.Application, "from_mapping") else None
    ),
}
# Classes a caller constructs from its own values: their constructors get junk.
CONSTRUCTED = {"IcpNumber", "PlanFacts", "Application"}


def _methods(cls: type) -> dict[str, Callable[..., object]]:
    found: dict[str, Callable[..., object]] = {}
    for name, value in vars(cls).items():
        if name.startswith("_") or not inspect.isfunction(value):
            continue
        params = list(inspect.signature(value).parameters.values())[1:]
        if params:
            found[f"{cls.__name__}.{name}"] = value
    return found


def _targets() -> dict[str, tuple[Callable[..., object], inspect.Signature, Callable[[], object] | None]]:
    """Each callable to feed: its signature, and for a method the factory of ``self``."""
    targets: dict[str, tuple[Callable[..., object], inspect.Signature, Callable[[], object] | None]] = {}
    for name, func in public_functions().items():
        targets[name] = (func, inspect.signature(func), None)
    for cls_name, cls in public_classes().items():
        for name, method in _methods(cls).items():
            sig = inspect.signature(method)
            sig = sig.replace(parameters=list(sig.parameters.values())[1:])
            targets[name] = (method, sig, INSTANCES.get(cls_name))
        if cls_name in CONSTRUCTED:
            targets[f"{cls_name}()"] = (cls, inspect.signature(cls), None)
    return targets


TARGETS = _targets()


def _valid(target: str, param: inspect.Parameter) -> object:
    if (target, param.name) in VALID_IN:
        return VALID_IN[(target, param.name)]
    if param.name in VALID:
        return VALID[param.name]
    if param.default is not inspect.Parameter.empty:
        return param.default
    raise LookupError(param.name)


def _feedable(sig: inspect.Signature) -> list[inspect.Parameter]:
    kinds = (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    return [p for p in sig.parameters.values() if p.kind not in kinds]


def _call(target: str, junk_param: str, value: object) -> object:
    func, sig, make_self = TARGETS[target]
    args: list[object] = []
    kwargs: dict[str, object] = {}
    for param in _feedable(sig):
        given = value if param.name == junk_param else _valid(target, param)
        if param.kind is inspect.Parameter.POSITIONAL_ONLY:
            args.append(given)
        elif (
            param.name != junk_param
            and param.default is not inspect.Parameter.empty
            and given is param.default
        ):
            continue
        else:
            kwargs[param.name] = given
    if make_self is not None:
        return func(make_self(), *args, **kwargs)
    return func(*args, **kwargs)


def check_outcome(call: Callable[[], object]) -> None:
    """Run *call*: it answers, or raises a package error or a plain TypeError with a
    bounded message; a package error also says it in Chinese and pickles."""
    error: Exception | None = None
    try:
        call()
    except (bp.BeianPolicyError, TypeError) as exc:
        error = exc
    if error is None:
        return
    message = str(error)
    assert message, f"{type(error).__name__} without a message"
    if isinstance(error, bp.PolicyDataError):
        # Lists every problem by design; each one is bounded.
        assert all(len(str(p)) <= MESSAGE_BOUND for p in error.problems), message[:300]
    else:
        assert len(message) <= MESSAGE_BOUND, f"{len(message)} characters: {message[:300]}"
    if isinstance(error, bp.BeianPolicyError):
        assert len(error.zh) <= MESSAGE_BOUND or isinstance(error, bp.PolicyDataError)
        clone = pickle.loads(pickle.dumps(error))
        assert type(clone) is type(error)
        assert str(clone) == message


# ---------------------------------------------------------------------------
# Coverage: nothing public escapes the junk
# ---------------------------------------------------------------------------


def test_every_public_function_is_fed() -> None:
    unfed = []
    for target, (_, sig, make_self) in TARGETS.items():
        for param in _feedable(sig):
            try:
                _valid(target, param)
            except LookupError:
                unfed.append(f"{target}({param.name}): add a valid value to VALID in tests/test_junk.py")
        is_method = not target.startswith("beian_policy") and not target.endswith("()")
        if is_method and make_self is None:
            unfed.append(f"{target}: add a factory for its class to INSTANCES in tests/test_junk.py")
    assert not unfed, "\n".join(unfed)
    # The discovery finds what it should (a broken discovery would feed nothing).
    for name in ("beian_policy.assess_transfer", "beian_policy.diagnose", "Policy.step_info", "IcpNumber()"):
        assert name in TARGETS


def test_every_public_class_is_placed() -> None:
    """A public class is constructed by callers (junk into its constructor) or built by
    the library (its methods get junk through INSTANCES)."""
    unplaced = [
        name
        for name, cls in public_classes().items()
        if name not in CONSTRUCTED and _methods(cls) and name not in INSTANCES
    ]
    assert not unplaced, f"add to INSTANCES or CONSTRUCTED in tests/test_junk.py: {unplaced}"


@pytest.mark.parametrize("target", sorted(TARGETS))
@JUNK_SETTINGS
@given(data=st.data())
def test_junk_gets_package_errors(target: str, data: st.DataObject) -> None:
    params = [p.name for p in _feedable(TARGETS[target][1])]
    if not params:
        return
    param = data.draw(st.sampled_from(params), label="parameter")
    drawn = data.draw(junk, label="junk")
    value = drawn.make() if isinstance(drawn, Recipe) else drawn
    check_outcome(lambda: _call(target, param, value))


HUGE = {
    "U+FDFA": "\ufdfa" * 333_333,  # 1 MB of UTF-8; 6 million characters folded
    "NUL": "\x00" * 1_000_000,
    "numbers": "京ICP备1" * 200_000,
    "spaces": "北京" + " " * 1_000_000,
}


@pytest.mark.parametrize("kind", sorted(HUGE))
def test_megabyte_strings_get_package_errors(kind: str) -> None:
    for target, (_, sig, _) in TARGETS.items():
        for param in _feedable(sig):
            check_outcome(lambda t=target, p=param.name: _call(t, p, HUGE[kind]))


def test_text_too_long_to_be_a_name_names_nothing() -> None:
    """Capped before folding: a name padded past MAX_NAME_LENGTH is no name, and a
    padded change id is not truncated into a valid one."""
    assert bp.get_province("北京" + " " * 10).code == "CN-BJ"  # type: ignore[union-attr]
    assert bp.get_province("北京" + " " * MAX_NAME_LENGTH) is None
    with pytest.raises(bp.errors.UnknownChangeError):
        bp.assess_transfer("北京", "subject_name" + " " * MAX_NAME_LENGTH + "x")
    assert bp.search_provinces("\ufdfa" * 10_000) == ()


def test_expanders_are_exactly_the_long_nfkc_forms() -> None:
    expanding = "".join(
        c for c in map(chr, range(sys.maxunicode + 1)) if len(unicodedata.normalize("NFKC", c)) > 3
    )
    assert without_expanders(expanding) == " " * len(expanding)
    assert without_expanders("京ICP备12345678号\u2460") == "京ICP备12345678号\u2460"


def test_infinite_changes_are_refused_after_a_bound() -> None:
    with pytest.raises(bp.errors.InvalidArgumentError, match="at most"):
        bp.assess_transfer("北京", itertools.repeat("subject_name"))
    with pytest.raises(bp.errors.ArgumentTypeError):
        bp.assess_transfer("北京", itertools.count())


def test_errors_never_repr_what_cannot_be_shown() -> None:
    with pytest.raises(bp.errors.ArgumentTypeError, match="an int of 16610 bits"):
        bp.assess_transfer("北京", policy=10**5000)  # type: ignore[arg-type]
    with pytest.raises(bp.errors.ArgumentTypeError, match=r"\[\[\[\["):
        bp.assess_transfer("北京", _deep(5000))  # type: ignore[arg-type]
    with pytest.raises(bp.UnknownProvinceError, match="<Hostile "):
        bp.resolve_province(Hostile())  # type: ignore[arg-type]
    many = " ".join(f"京ICP备{10000000 + i}号" for i in range(1000))
    with pytest.raises(bp.InvalidIcpNumberError) as caught:
        bp.parse_icp_number(many)
    assert "1000 different ICP numbers" in str(caught.value)
    assert len(str(caught.value)) <= MESSAGE_BOUND


def test_a_hostile_str_subclass_is_read_by_its_characters() -> None:
    # Found by CI's Hypothesis run: the kind's converter hashed the subclass itself.
    beijing = bp.resolve_province("北京")
    number = bp.IcpNumber(beijing, HostileStr("filing"), "12345678", site=2, service=HostileStr("a"))
    assert number.kind is bp.model.IcpKind.FILING
    assert number.service is bp.model.IcpService.APP
    with pytest.raises(bp.errors.UnknownNameError, match="ICP number kind"):
        bp.IcpNumber(beijing, HostileStr("北京"), "12345678")


def test_is_valid_icp_number_never_raises_on_junk() -> None:
    for value in (
        None,
        3,
        b"\xff",
        "",
        "\ud800",
        ["京ICP备12345678号"],
        Hostile(),
        HostileStr("京ICP备12345678号"),
    ):
        assert bp.is_valid_icp_number(value) in (True, False)


# ---------------------------------------------------------------------------
# The command line: every subcommand, every argument slot
# ---------------------------------------------------------------------------

CLI_JUNK = (
    "",
    "\x1b]0;owned\x07\x1b[2J",
    "\x00",
    "\ufdfa" * 2_000,
    "ｓｕｂｊｅｃｔ＿ｎａｍｅ",
    "北\u200b京\u0301",
    "\udcff\udcfe",
    "x" * 100_000,
    "-",
    "--",
    "-x",
    "京ICP备12345678号" * 50,
    "subject_name," * 300,
    "9" * 5_000,
)
_RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _subcommands() -> dict[str, Any]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return dict(action.choices)


def _slots() -> list[tuple[str, tuple[str, ...]]]:
    """Each subcommand with each way of putting one junk string in: as each positional
    argument, after each option that takes a value, and alone."""
    slots = []
    for name, sub in sorted(_subcommands().items()):
        slots.append((name, ()))
        for action in sub._actions:
            if action.option_strings and action.nargs == 0:
                continue
            if action.dest in ("help",):
                continue
            if action.option_strings:
                slots.append((name, (action.option_strings[0], "{}")))
            else:
                slots.append((name, ("{}",)))
    return slots


def test_every_subcommand_is_found() -> None:
    names = set(_subcommands())
    assert {"check", "steps", "diagnose", "parse", "validate-data", "preflight", "footer", "find"} <= names
    assert {name for name, _ in _slots()} == names


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with (
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
        contextlib.suppress(SystemExit),
    ):
        stdin, sys.stdin = sys.stdin, io.StringIO("京ICP备12345678号")
        try:
            code = main(argv)
        finally:
            sys.stdin = stdin
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(("command", "template"), _slots())
def test_cli_junk_gets_one_clean_line(command: str, template: tuple[str, ...], tmp_path: Any) -> None:
    for value in CLI_JUNK:
        argv = [command, *(value if part == "{}" else part for part in template)]
        with contextlib.chdir(tmp_path):
            code, out, err = _run(argv)
        context = f"{argv!r:.200} -> {code}: {err[:300]!r}"
        assert code in (0, 1, 2, 3), context
        assert "Traceback" not in err, context
        assert len(err.splitlines()) <= 2, context
        assert all(len(line) <= MESSAGE_BOUND for line in err.splitlines()), context
        assert not _RAW_CONTROL.search(err), context
        assert not _RAW_CONTROL.search(out.replace("\t", "")), context


def test_control_characters_in_arguments_are_escaped(tmp_path: Any) -> None:
    """The loader refuses control characters in the data; what the command line echoes
    of its arguments (a province, a path) has them escaped."""
    code, out, err = _run(["check", "\x1b]0;owned\x07\x9b2J", "--lang", "en"])
    assert code == 3
    assert not _RAW_CONTROL.search(err)
    assert "\\x1b]0;owned\\x07" in err  # the repr of the argument
    code, out, err = _run(["validate-data", str(tmp_path / "x\x1b[31mred\x07")])
    assert code == 3
    assert not _RAW_CONTROL.search(out + err)
    assert "x\\u001b[31mred\\u0007" in err


# ---------------------------------------------------------------------------
# Values from elsewhere
# ---------------------------------------------------------------------------


def test_province_from_elsewhere_is_checked() -> None:
    stranger = bp.Province("CN-XX", "990000", "某省", "某", "Nowhere", "Nowhere", "某")
    with pytest.raises(bp.UnknownProvinceError):
        bp.assess_transfer(stranger)
    assert bp.get_province(stranger) is None
    twin = bp.Province(**{f: getattr(bp.resolve_province("粤"), f) for f in ("code", "gb_code", "name",
                       "short_name", "name_en", "iso_name", "icp_abbreviation")})  # fmt: skip
    # An equal-coded Province resolves to the policy's own object.
    assert bp.resolve_province(twin) is bp.resolve_province("粤")


def test_shared_policy_cannot_be_broken_through_its_indexes() -> None:
    policy = bp.default_policy()
    with pytest.raises(TypeError):
        policy._national["sms_phone_must_match"] = None  # type: ignore[index]
    assert bp.assess_transfer("北京", ["website_owner_phone"]).blocking_changes == {
        bp.Change.WEBSITE_OWNER_PHONE
    }


def test_policy_pickles() -> None:
    policy = bp.default_policy()
    clone = pickle.loads(pickle.dumps(policy))
    assert clone == policy
    assert bp.assess_transfer("北京", "subject_name", policy=clone) == bp.assess_transfer(
        "北京", "subject_name"
    )


def test_json_refuses_what_is_not_json() -> None:
    loop: list[object] = []
    loop.append(loop)
    for value in (float("nan"), [float("inf")], loop, {"k": b"bytes"}):
        with pytest.raises(bp.errors.InvalidArgumentError):
            bp.to_json(value)


def test_search_limit() -> None:
    assert bp.search_provinces("北京", limit=0) == ()
    assert len(bp.search_provinces("shan", limit=1)) == 1
    with pytest.raises(bp.errors.InvalidArgumentError):
        bp.search_provinces("shan", limit=-1)
    with pytest.raises(bp.errors.ArgumentTypeError):
        bp.search_provinces("shan", limit=1.5)  # type: ignore[arg-type]

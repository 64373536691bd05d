"""Hypothesis strategies for tests of code that uses beian-policy.

Needs the optional extra: ``pip install "beian-policy[hypothesis]"``.

Every value drawn is accepted by the library: provinces and their spellings resolve,
change sets and transfer cases decide and plan, ICP numbers parse, failures diagnose
and policy documents load. Options are keyword-only; options that choose values take
strategies; a bad argument raises :class:`hypothesis.errors.InvalidArgument` when the
strategy is first drawn from. No data is loaded until then either.

The same strategies back ``st.from_type(...)`` for the public value types
(``Province``, ``Change``, ``SubjectKind``, ``IcpNumber``, ``Failure``,
``TransferDecision``, ...), registered through Hypothesis' entry points, so a
downstream test needs no setup::

    from hypothesis import given, strategies as st
    import beian_policy as bp

    @given(st.from_type(bp.Province), st.from_type(bp.Change))
    def test_every_province_decides(province, change):
        assert bp.assess_transfer(province, [change]).province == province
"""

from __future__ import annotations

try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError as exc:  # pragma: no cover - exercised without Hypothesis only
    raise ImportError(
        "beian_policy.strategies needs Hypothesis, which is not installed: "
        'pip install "beian-policy[hypothesis]"'
    ) from exc

import datetime as dt
import string
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any, TypeVar

import attrs

from ._application import Application, Domain, Person, Registrant, Website
from ._cases import TransferCase
from ._data._loader import default_data_text, parse_document, resolve_policy
from ._data._writer import dumps_document
from ._enums import Change, Failure, SubjectKind
from ._icp_strategy import icp_numbers
from ._model import Province
from ._plan import PlanFacts
from ._policy import Policy, province_alias_texts
from ._text import lookup_key
from ._vocab import Trigger

__all__ = [
    "TransferCase",
    "applications",
    "as_of_dates",
    "change_sets",
    "changes",
    "failures",
    "icp_numbers",
    "policy_documents",
    "provider_views",
    "province_texts",
    "provinces",
    "transfer_cases",
]

_T = TypeVar("_T")


def _check_policy(policy: object) -> Policy | None:
    if policy is not None and not isinstance(policy, Policy):
        raise InvalidArgument(f"policy={policy!r} must be a Policy (from load_policy) or None")
    return policy


def _check_strategy(name: str, value: object) -> None:
    if value is not None and not isinstance(value, st.SearchStrategy):
        raise InvalidArgument(f"{name}={value!r} must be a Hypothesis strategy or None")


def _lazy(build: Callable[[], st.SearchStrategy[_T]]) -> st.SearchStrategy[_T]:
    """A strategy built (and its arguments checked, and data loaded) on first draw."""
    return st.deferred(build)


def _drawn(name: str, value: object, expected: type[Any] | tuple[type[Any], ...]) -> None:
    if not isinstance(value, expected):
        raise InvalidArgument(f"the {name} strategy drew {value!r}, which is not a {expected}")


# -- provinces ---------------------------------------------------------------------------


def provinces(*, policy: Policy | None = None) -> st.SearchStrategy[Province]:
    """The 31 provinces of *policy* (the shipped data when None), shrinking towards
    北京 (the first in GB/T 2260 order)."""
    return _all_provinces(policy)


def _all_provinces(policy: Policy | None) -> st.SearchStrategy[Province]:
    def build() -> st.SearchStrategy[Province]:
        return st.sampled_from(resolve_policy(_check_policy(policy)).provinces)

    return _lazy(build)


_SPACES = (" ", "\u3000", "\u00a0", "\t")
_INVISIBLE = ("\u200b", "\u200d", "\ufeff")


def _full_width(char: str) -> str:
    return chr(ord(char) + 0xFEE0) if "!" <= char <= "~" else char


@st.composite
def _spelling(draw: st.DrawFn, province: Province) -> str:
    text = draw(st.sampled_from(province_alias_texts(province)))
    if any(c in string.ascii_letters for c in text):
        case = draw(st.sampled_from(("as is", "lower", "upper", "mixed")))
        if case == "lower":
            text = "".join(c.lower() if c in string.ascii_letters else c for c in text)
        elif case == "upper":
            text = "".join(c.upper() if c in string.ascii_letters else c for c in text)
        elif case == "mixed":
            flags = draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
            text = "".join(
                c.swapcase() if c in string.ascii_letters and flip else c
                for c, flip in zip(text, flags, strict=True)
            )
    if draw(st.integers(0, 3)) == 0:
        text = "".join(map(_full_width, text))
    if draw(st.integers(0, 4)) == 0:
        where = draw(st.integers(0, len(text)))
        text = text[:where] + draw(st.sampled_from(_INVISIBLE)) + text[where:]
    before = draw(st.sampled_from(("", "", *_SPACES)))
    after = draw(st.sampled_from(("", "", *_SPACES)))
    return before + text + after


def province_texts(
    *, provinces: st.SearchStrategy[Province] | None = None, policy: Policy | None = None
) -> st.SearchStrategy[str]:
    """Any spelling that names a province: ISO and GB/T codes, Chinese names with and
    without suffix, ICP abbreviations (蜀 and 川), pinyin and English names and the
    data's aliases, in any letter case, possibly full-width, with zero-width
    characters or surrounding spaces, as pasted text arrives.

    *provinces*, a strategy of :class:`Province`, chooses the provinces (default: every
    province of *policy*). ``resolve_province(text, policy=policy)`` gives the
    province the text was drawn from.
    """

    def build() -> st.SearchStrategy[str]:
        _check_strategy("provinces", provinces)
        _check_policy(policy)
        base = provinces if provinces is not None else _all_provinces(policy)

        def spell(province: object) -> st.SearchStrategy[str]:
            _drawn("provinces", province, Province)
            assert isinstance(province, Province)
            return _spelling(province)

        return base.flatmap(spell)

    return _lazy(build)


# -- changes -----------------------------------------------------------------------------


def changes() -> st.SearchStrategy[Change]:
    """One change kind (:class:`Change`), shrinking towards ``subject_name``."""
    return st.sampled_from(Change)


def change_sets(
    *,
    elements: st.SearchStrategy[Change] | None = None,
    min_size: int = 0,
    max_size: int | None = None,
) -> st.SearchStrategy[frozenset[Change]]:
    """Sets of change kinds, as :func:`assess_transfer` takes them; *elements* (a
    strategy of :class:`Change`, default every kind) and the size bounds as in
    :func:`hypothesis.strategies.frozensets`. Shrinks towards the empty set."""

    def build() -> st.SearchStrategy[frozenset[Change]]:
        _check_strategy("elements", elements)
        for name, value in (("min_size", min_size), ("max_size", max_size)):
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
                raise InvalidArgument(f"{name}={value!r} must be a non-negative integer")
        if min_size > len(Change):
            raise InvalidArgument(f"min_size={min_size} is more than the {len(Change)} change kinds")
        if max_size is not None and max_size < min_size:
            raise InvalidArgument(f"max_size={max_size} is less than min_size={min_size}")

        def check(change: object) -> Change:
            _drawn("elements", change, Change)
            assert isinstance(change, Change)
            return change

        items = changes() if elements is None else elements.map(check)
        return st.frozensets(items, min_size=min_size, max_size=max_size)

    return _lazy(build)


_any_change_sets = change_sets()

# -- transfer cases ----------------------------------------------------------------------


def transfer_cases(
    *,
    provinces: st.SearchStrategy[Province] | None = None,
    change_sets: st.SearchStrategy[frozenset[Change]] | None = None,
    subject_kinds: st.SearchStrategy[SubjectKind | None] | None = None,
    policy: Policy | None = None,
) -> st.SearchStrategy[TransferCase]:
    """Transfer cases (:class:`TransferCase`): a province (default: every province of
    *policy*), a change set (default :func:`change_sets`), a subject kind or None
    (default: either kind or not given) and every combination of facts. Shrinks
    towards 北京, no changes, no kind and the facts that add no step."""

    def build() -> st.SearchStrategy[TransferCase]:
        _check_strategy("provinces", provinces)
        _check_strategy("change_sets", change_sets)
        _check_strategy("subject_kinds", subject_kinds)
        _check_policy(policy)
        sets = change_sets if change_sets is not None else _any_change_sets
        kinds = subject_kinds if subject_kinds is not None else st.none() | st.sampled_from(SubjectKind)
        return st.builds(
            _case,
            province=provinces if provinces is not None else _all_provinces(policy),
            changes=sets,
            subject_kind=kinds,
            domain_owner_matches_subject=st.booleans().map(lambda b: not b),
            domain_held_by_legal_representative=st.booleans(),
            regulated_industry=st.booleans(),
            original_provider_reachable=st.booleans().map(lambda b: not b),
            has_extra_filings=st.booleans(),
            domain_registered_overseas=st.booleans(),
            multiple_cloud_resources=st.booleans(),
        )

    return _lazy(build)


def _case(*, province: object, changes: object, subject_kind: object, **facts: bool) -> TransferCase:
    _drawn("provinces", province, Province)
    _drawn("change_sets", changes, (frozenset, set))
    assert isinstance(changes, (frozenset, set))
    for change in changes:
        _drawn("change_sets", change, Change)
    if subject_kind is not None:
        _drawn("subject_kinds", subject_kind, SubjectKind)
    return TransferCase(province, frozenset(changes), subject_kind, PlanFacts(**facts))  # type: ignore[arg-type]


# -- dates and provider views ---------------------------------------------------------


def as_of_dates(*, policy: Policy | None = None) -> st.SearchStrategy[dt.date | None]:
    """An ``as_of=`` argument: None (the data's own date), or a date from 2010 to some
    years after the data's date, shrinking towards the dates where statements and
    national rules start or end (so both sides of a change are drawn)."""

    def build() -> st.SearchStrategy[dt.date | None]:
        pol = resolve_policy(_check_policy(policy))
        edges: set[dt.date] = set()
        for source in pol.sources:
            for day in (source.start, source.end):
                if day is not None:
                    edges.update((day - dt.timedelta(days=1), day))
        for rule in pol.national_rules:
            for day in (rule.in_force_from, *(d for _, d in rule.in_force_from_by_province)):
                if day is not None:
                    edges.update((day - dt.timedelta(days=1), day))
        later = pol.as_of + dt.timedelta(days=3 * 366)
        return st.one_of(
            st.none(),
            st.sampled_from(sorted(edges)) if edges else st.nothing(),
            st.dates(dt.date(2010, 1, 1), later),
        )

    return _lazy(build)


def provider_views(*, policy: Policy | None = None) -> st.SearchStrategy[str | None]:
    """An ``according_to=`` argument: None (every provider, combined) or the id of
    one hosting provider of *policy*."""

    def build() -> st.SearchStrategy[str | None]:
        pol = resolve_policy(_check_policy(policy))
        return st.one_of(st.none(), st.sampled_from([p.id for p in pol.providers if p.hosting]))

    return _lazy(build)


# -- failures ----------------------------------------------------------------------------


def failures() -> st.SearchStrategy[Failure]:
    """One transfer failure reason (:class:`Failure`), as :func:`diagnose` takes it."""
    return st.sampled_from(Failure)


# -- policy documents --------------------------------------------------------------------


@attrs.frozen
class _Sites:
    """The shipped document, parsed by the loader, and where it can be edited so that
    it still loads. The document is never changed: each draw copies what it edits."""

    document: Mapping[str, Any]
    # (province index, statement index) of each province statement.
    timings: tuple[tuple[int, int], ...]
    # Every name that already resolves to a province or a region without ICP filing.
    alias_keys: frozenset[str]


@lru_cache(maxsize=1)
def _sites() -> _Sites:
    document = parse_document(default_data_text(), "<shipped data>")
    timings = tuple(
        (i, j)
        for i, province in enumerate(document["provinces"])
        for j, statement in enumerate(province.get("statements", ()))
        if statement.get("timing") in ("before", "after")
    )
    policy = resolve_policy(None)
    keys = {lookup_key(t) for p in policy.provinces for t in province_alias_texts(p)}
    keys |= {lookup_key(t) for r in policy.no_icp_regions for t in (r.code, r.name, r.name_en, *r.aliases)}
    return _Sites(document, timings, frozenset(keys))


@st.composite
def _documents(draw: st.DrawFn) -> str:
    sites = _sites()
    document = dict(sites.document)
    provinces = list(document["provinces"])
    document["provinces"] = provinces

    def edited(index: int) -> dict[str, Any]:
        """Province *index* of the drawn document, copied from the shared one once."""
        if provinces[index] is sites.document["provinces"][index]:
            provinces[index] = dict(provinces[index])
        province: dict[str, Any] = provinces[index]
        return province

    # Never before a source's own date: the loader refuses sources dated after as_of.
    dated = [
        source[key]
        for source in document["sources"]
        for key in ("published", "not_before", "seen")
        if key in source
    ]
    day = draw(st.dates(max(dated, default=dt.date(2020, 1, 1)), dt.date(2099, 12, 31)))
    if draw(st.booleans()):
        release = f"{day.year:04}.{day.month:02}.{day.day:02}"
        if draw(st.booleans()):
            release += f".{draw(st.integers(1, 99))}"
        document["data_version"] = release
    if draw(st.booleans()):
        document["as_of"] = day
    # Flip the timing of some statements; a deadline goes with "after" only.
    flips = draw(st.lists(st.sampled_from(sites.timings), max_size=3, unique=True))
    for province_index, rule_index in flips:
        province = edited(province_index)
        rules = list(province["statements"])
        rule = dict(rules[rule_index])
        if rule["timing"] == "after":
            rule["timing"] = "before"
            rule.pop("deadline_working_days", None)
        else:
            rule["timing"] = "after"
        rules[rule_index] = rule
        province["statements"] = rules
        # The worked examples followed the old rule (the loader refuses them now): one
        # example that holds under any rules replaces them.
        province["examples"] = [
            {
                "changes": [],
                "direct": True,
                "note": {"zh": "没有变更：直接接入。", "en": "No change: direct."},
            }
        ]
    # Add aliases that name nothing yet.
    new_aliases = draw(
        st.lists(
            st.tuples(
                st.integers(0, len(provinces) - 1),
                st.text(string.ascii_lowercase, min_size=6, max_size=12).map("zz".__add__),
            ),
            max_size=2,
            unique_by=lambda pair: pair[1],
        )
    )
    for province_index, alias in new_aliases:
        if lookup_key(alias) in sites.alias_keys:
            continue
        province = edited(province_index)
        province["aliases"] = [alias, *province.get("aliases", ())]
    return dumps_document(document)


def policy_documents() -> st.SearchStrategy[str]:
    """TOML policy documents that :func:`loads_policy` accepts: the shipped data with
    valid edits (another data version or as-of date, stated timings flipped between
    ``before`` and ``after``, new province aliases). Shrinks towards the shipped text.
    Useful to test code that loads its own corrected data."""
    return _lazy(_documents)


# -- applications (preflight) --------------------------------------------------------------

#: Numbers with correct check characters (the GB 11643 sample ID; a credit code) and
#: ones with a wrong check character, so drawn applications are valid and invalid.
_ID_NUMBERS = ("11010519491231002X", "110105194912310021")
_CERTIFICATE_NUMBERS = ("91110000600037341L", "91110000600037341X", *_ID_NUMBERS)
_DOMAIN_NAMES = ("example.com", "example.cn", "例子.中国", "example.io", "example.org", "exa mple..com")
_FOOTERS = (
    '<footer><a href="https://beian.miit.gov.cn">京ICP备12345678号</a></footer>',
    '<footer><a href="http://www.miitbeian.gov.cn">京ICP备12345678号</a></footer>',
    "<footer>© 2026</footer>",
)
_PHONES = ("13800138000", "13912345678", "02112345678", "12345")


def applications(*, policy: Policy | None = None) -> st.SearchStrategy[Application]:
    """Applications for :func:`beian_policy.preflight`, any field possibly unknown
    (None): well-formed and malformed numbers, fileable and unfileable domains, dates
    around today, provinces of *policy* and the letters its provinces ask for."""

    def build() -> st.SearchStrategy[Application]:
        pol = resolve_policy(_check_policy(policy))
        codes = st.sampled_from([p.code for p in pol.provinces])
        letters = sorted(
            {c.document for r in pol.rules for c in r.checks if c.document}
            | {q.id for r in pol.rules for q in r.requirements if q.trigger is Trigger.ALWAYS}
        )
        today = dt.date.today()
        dates = st.dates(today - dt.timedelta(days=400), today + dt.timedelta(days=800))

        def maybe(strategy: st.SearchStrategy[_T]) -> st.SearchStrategy[_T | None]:
            return st.none() | strategy

        domain = st.builds(
            Domain,
            name=maybe(st.sampled_from(_DOMAIN_NAMES)),
            registrant=maybe(st.sampled_from(Registrant)),
            registrar_domestic=maybe(st.booleans()),
            real_name_verified_on=maybe(dates),
            expires_on=maybe(dates),
            privacy_protection=maybe(st.booleans()),
        )
        person = st.builds(
            Person,
            name=maybe(st.just("张三")),
            id_number=maybe(st.sampled_from(_ID_NUMBERS)),
            id_province=maybe(codes),
            id_expires_on=maybe(dates),
            residence_permit_province=maybe(codes),
            phone=maybe(st.sampled_from(_PHONES)),
            phone_province=maybe(codes),
            birth_date=maybe(st.dates(dt.date(1940, 1, 1), today)),
            age=maybe(st.integers(0, 100)),
            is_legal_representative=maybe(st.booleans()),
        )
        website = st.builds(
            Website,
            name=maybe(st.just("示例")),
            domains=st.lists(domain, max_size=2).map(tuple),
            footer_html=maybe(st.sampled_from(_FOOTERS)),
            icp_number=maybe(st.just("京ICP备12345678号")),
            pre_approval_needed=maybe(st.booleans()),
            pre_approval_held=maybe(st.booleans()),
        )
        return st.builds(
            Application,
            subject_kind=maybe(st.sampled_from(SubjectKind)),
            subject_name=maybe(st.just("示例科技有限公司")),
            certificate_type=st.none(),
            certificate_number=maybe(st.sampled_from(_CERTIFICATE_NUMBERS)),
            certificate_province=maybe(codes),
            address_province=maybe(codes),
            subject_owner=maybe(person),
            website_owner=maybe(person),
            websites=st.lists(website, max_size=3).map(tuple),
            documents_ready=maybe(st.frozensets(st.sampled_from(letters))),
        )

    return _lazy(build)

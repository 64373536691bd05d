"""The loaded data set, with the indexes look-ups need."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from ._coerce import suggest_terms, vocabulary_key
from ._enums import Change, Failure
from ._model import (
    Event,
    FailureInfo,
    NationalRule,
    Provider,
    Province,
    ProvinceRules,
    Source,
    Statement,
    StepInfo,
    Term,
    Text,
)
from ._record import pickled_as_fields, record_methods
from ._text import lookup_key, name_key
from .errors import (
    ArgumentTypeError,
    UnknownChangeError,
    UnknownIdError,
    UnknownProviderError,
    UnknownProvinceError,
)

__all__ = ["NoIcpRegion", "Policy", "province_alias_texts"]


@record_methods
@pickled_as_fields
@attrs.frozen(repr=False, eq=False)
class NoIcpRegion:
    """A region that is part of China but has no ICP filing (香港, 澳门, 台湾)."""

    code: str
    gb_code: str
    name: str
    name_en: str
    aliases: tuple[str, ...]
    sources: tuple[Source, ...]


def province_alias_texts(province: Province) -> tuple[str, ...]:
    """Every spelling that resolves to *province*: codes, names, abbreviations, aliases."""
    return (
        province.code,
        province.code.removeprefix("CN-"),
        province.gb_code,
        province.gb_code[:2],
        province.name,
        province.short_name,
        province.name_en,
        province.iso_name,
        province.icp_abbreviation,
        *province.alternative_abbreviations,
        *province.aliases,
    )


def _region_alias_texts(region: NoIcpRegion) -> tuple[str, ...]:
    return (region.code, region.gb_code, region.name, region.name_en, *region.aliases)


@record_methods
@attrs.frozen(repr=False, eq=False)
class Policy:
    """The whole data set: provinces and their rules, national rules, the step
    catalogue, the texts, and the versions that every decision reports.

    Build one with :func:`beian_policy.load_policy`; the default one is loaded lazily.
    """

    schema_version: str
    data_version: str
    as_of: dt.date
    origin: str
    sources: tuple[Source, ...]
    rules: tuple[ProvinceRules, ...]
    national_rules: tuple[NationalRule, ...]
    steps: tuple[StepInfo, ...]
    change_texts: tuple[tuple[Change, Text], ...]
    no_icp_regions: tuple[NoIcpRegion, ...] = ()
    failures: tuple[FailureInfo, ...] = ()
    change_terms: tuple[Term, ...] = ()
    subject_kind_terms: tuple[Term, ...] = ()
    fact_terms: tuple[Term, ...] = ()
    providers: tuple[Provider, ...] = ()
    national_statements: tuple[Statement, ...] = ()
    events: tuple[Event, ...] = ()

    _by_code: Mapping[str, ProvinceRules] = attrs.field(init=False, eq=False, repr=False)
    _by_alias: Mapping[str, Province] = attrs.field(init=False, eq=False, repr=False)
    _regions_by_alias: Mapping[str, NoIcpRegion] = attrs.field(init=False, eq=False, repr=False)
    _by_abbreviation: Mapping[str, Province] = attrs.field(init=False, eq=False, repr=False)
    _national: Mapping[str, NationalRule] = attrs.field(init=False, eq=False, repr=False)
    _steps: Mapping[str, StepInfo] = attrs.field(init=False, eq=False, repr=False)
    _changes: Mapping[Change, Text] = attrs.field(init=False, eq=False, repr=False)
    _failures: Mapping[Failure, FailureInfo] = attrs.field(init=False, eq=False, repr=False)
    _failures_by_alias: Mapping[str, Failure] = attrs.field(init=False, eq=False, repr=False)
    _sources: Mapping[str, Source] = attrs.field(init=False, eq=False, repr=False)
    _vocabularies: Mapping[str, Mapping[str, tuple[str, ...]]] = attrs.field(init=False, eq=False, repr=False)
    _terms: Mapping[tuple[str, str], Term] = attrs.field(init=False, eq=False, repr=False)
    _providers: Mapping[str, Provider] = attrs.field(init=False, eq=False, repr=False)
    # Each spelling of a province's names exactly as the data writes it (and folded),
    # with the province province_by_alias gives it: resolve_province's fast path. A
    # plain dict (a read-only view costs a call per read), never handed out.
    _by_exact_text: dict[str, Province] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        def put(name: str, value: dict[Any, Any]) -> None:
            # Read-only views: the default policy is shared by every caller.
            object.__setattr__(self, name, MappingProxyType(value))

        put("_by_code", {r.province.code: r for r in self.rules})
        put(
            "_by_alias",
            {lookup_key(text): r.province for r in self.rules for text in province_alias_texts(r.province)},
        )
        put(
            "_regions_by_alias",
            {lookup_key(t): region for region in self.no_icp_regions for t in _region_alias_texts(region)},
        )
        put(
            "_by_abbreviation",
            {
                abbr: r.province
                for r in self.rules
                for abbr in (r.province.icp_abbreviation, *r.province.alternative_abbreviations)
            },
        )
        exact: dict[str, Province] = {}
        for r in self.rules:
            for text in province_alias_texts(r.province):
                for spelling in (text, lookup_key(text)):
                    found = self.province_by_alias(spelling)
                    if found is not None:
                        exact.setdefault(spelling, found)
        object.__setattr__(self, "_by_exact_text", exact)
        put("_national", {n.id: n for n in self.national_rules})
        put("_steps", {s.id: s for s in self.steps})
        put("_changes", dict(self.change_texts))
        put("_sources", {source.id: source for source in self.sources})
        put("_failures", {f.failure: f for f in self.failures})
        put(
            "_failures_by_alias",
            {
                lookup_key(text): f.failure
                for f in self.failures
                for text in (f.failure.value, f.title.zh, f.title.en, *f.aliases)
            },
        )

        put("_providers", {p.id: p for p in self.providers})
        failure_terms = tuple(Term(f.failure.value, f.title, f.aliases) for f in self.failures)
        terms = {
            "change": self.change_terms,
            "subject_kind": self.subject_kind_terms,
            "fact": self.fact_terms,
            "failure": failure_terms,
            "provider": tuple(Term(p.id, p.name, p.aliases) for p in self.providers if p.hosting),
        }
        put("_terms", {(name, term.id): term for name, group in terms.items() for term in group})
        put("_vocabularies", {name: _alias_index(group) for name, group in terms.items()})

    def index_state(self) -> dict[str, dict[Any, Any]]:
        """The look-up indexes built from the data, as plain dicts, for
        :meth:`restored` (the compiled form ships them so that no process refolds
        every alias)."""
        return {a.name: dict(getattr(self, a.name)) for a in attrs.fields(type(self)) if not a.init}

    @classmethod
    def restored(cls, fields: dict[str, Any], indexes: dict[str, dict[Any, Any]]) -> Policy:
        """The policy whose init fields are *fields* and whose indexes
        :meth:`index_state` gave as *indexes*, without checking or building anything
        again: only for the compiled form, trusted when its hashes match. Raises
        ValueError unless every field and every index is there, and nothing else."""
        init = {a.name for a in attrs.fields(cls) if a.init}
        built = {a.name for a in attrs.fields(cls) if not a.init}
        if set(fields) != init or set(indexes) != built or not all(type(v) is dict for v in indexes.values()):
            raise ValueError("not the fields and indexes of a policy")
        policy = object.__new__(cls)
        for name, value in fields.items():
            object.__setattr__(policy, name, value)
        for name, index in indexes.items():
            object.__setattr__(policy, name, index if name in _PLAIN_INDEXES else MappingProxyType(index))
        return policy

    def __reduce__(self) -> tuple[object, ...]:
        # The indexes are rebuilt from the data, not pickled.
        cls = type(self)
        return (cls, tuple(getattr(self, a.name) for a in attrs.fields(cls) if a.init))

    # -- provinces -----------------------------------------------------------------
    @property
    def provinces(self) -> tuple[Province, ...]:
        """All provinces, in GB/T 2260 order."""
        return tuple(r.province for r in self.rules)

    def rules_for(self, province: Province) -> ProvinceRules:
        """The rules of *province* (matched by code, so any equal Province works)."""
        try:
            return self._by_code[province.code]
        except (KeyError, AttributeError):
            raise UnknownProvinceError(province) from None

    def province_by_code(self, code: str) -> Province | None:
        """This policy's province with ISO code *code*, else None."""
        rules = self._by_code.get(str.__str__(code)) if isinstance(code, str) else None
        return None if rules is None else rules.province

    def province_by_alias(self, text: str) -> Province | None:
        """The province *text* names exactly (after folding), else None."""
        return _by_name(self._by_alias, text)

    def no_icp_region_by_alias(self, text: str) -> NoIcpRegion | None:
        """The no-ICP region (香港, 澳门, 台湾) *text* names, else None."""
        return _by_name(self._regions_by_alias, text)

    def province_by_abbreviation(self, abbreviation: str) -> Province | None:
        """The province whose ICP abbreviation (or an alternative) is *abbreviation*."""
        return self._by_abbreviation.get(str.__str__(abbreviation)) if isinstance(abbreviation, str) else None

    def alias_keys(self) -> Iterator[tuple[str, Province]]:
        """Every folded alias key with its province (for suggestions and tests)."""
        return iter(self._by_alias.items())

    # -- texts and catalogues --------------------------------------------------------
    def national_rule(self, rule_id: str) -> NationalRule:
        """The national rule *rule_id*; :class:`UnknownIdError` if there is none."""
        return _get(self._national, rule_id, "national rule")

    def step_info(self, step_id: str) -> StepInfo:
        """The catalogue entry of step *step_id*; :class:`UnknownIdError` if none."""
        return _get(self._steps, step_id, "step")

    def change_text(self, change: Change) -> Text:
        """The two-language text of *change*; :class:`UnknownChangeError` for a value
        that is not a :class:`Change`."""
        if not isinstance(change, Change):
            raise UnknownChangeError(change, [c.value for c in Change])
        return _get(self._changes, change, "change")

    def vocabulary(self, name: str) -> Mapping[str, tuple[str, ...]]:
        """The spellings of the vocabulary *name* (``"change"``, ``"subject_kind"``,
        ``"fact"``, ``"failure"``): each folded spelling (:func:`lookup_key` of an id,
        its words in either language or an alias) with the ids it names, in data order.
        More than one id means the spelling is ambiguous."""
        return _get(self._vocabularies, name, "vocabulary")

    def term(self, vocabulary: str, term_id: str) -> Term | None:
        """The words and aliases of *term_id* in *vocabulary*, if the data has them."""
        if not isinstance(vocabulary, str) or not isinstance(term_id, str):
            return None
        return self._terms.get((str.__str__(vocabulary), str.__str__(term_id)))

    def failure_info(self, failure: Failure) -> FailureInfo:
        """The data on *failure*: its causes, remedy branches and sources."""
        return _get(self._failures, failure, "failure")

    def failure_by_alias(self, text: str) -> Failure | None:
        """The failure whose id, title (zh or en) or alias *text* is, after folding."""
        return _by_name(self._failures_by_alias, text)

    def provider(self, provider_id: str) -> Provider:
        """The provider *provider_id*; :class:`UnknownIdError` if the data has none."""
        return _get(self._providers, provider_id, "provider")

    def hosting_provider(self, text: object) -> str:
        """The id of the hosting provider *text* names (its id, a name or an alias);
        :class:`UnknownProviderError` with suggestions otherwise."""
        valid = [p.id for p in self.providers if p.hosting]
        if not isinstance(text, str):
            raise ArgumentTypeError("according_to", text, ["a provider id such as 'tencent_cloud'", "None"])
        key = vocabulary_key(text)
        if key in valid:
            return key
        aliases = self.vocabulary("provider")
        ids = aliases.get(lookup_key(text[:200]), ())
        if len(ids) == 1:
            return ids[0]
        raise UnknownProviderError(text, valid, suggest_terms(text, valid, aliases))

    def source(self, source_id: str) -> Source:
        """The source *source_id*; :class:`UnknownIdError` if the data has none."""
        return _get(self._sources, source_id, "source")


#: Indexes kept as plain dicts (read on a hot path, never handed out); the others are
#: read-only views.
_PLAIN_INDEXES = frozenset({"_by_exact_text"})
_K = TypeVar("_K")
_MISSING: Any = object()
_V = TypeVar("_V")


def _by_name(index: Mapping[str, _V], text: object) -> _V | None:
    """The entry *text* names after folding; None for a non-string or a text too long
    to be a name (refused before folding it)."""
    key = name_key(text) if isinstance(text, str) else None
    return None if key is None else index.get(key)


def _alias_index(terms: tuple[Term, ...]) -> dict[str, tuple[str, ...]]:
    index: dict[str, tuple[str, ...]] = {}
    for term in terms:
        for text in (term.id, term.text.zh, term.text.en, *term.aliases):
            key = lookup_key(text)
            if term.id not in index.get(key, ()):
                index[key] = (*index.get(key, ()), term.id)
    return index


def _get(index: Mapping[Any, _V], key: object, kind: str) -> _V:
    # Ids are strings (or str enums): anything else names nothing, and is not hashed,
    # since a caller's object may hash however it likes; a str subclass is read as str.
    found = index.get(str.__str__(key), _MISSING) if isinstance(key, str) else _MISSING
    if found is _MISSING:
        raise UnknownIdError(kind, key, sorted(map(str, index)))
    return found  # type: ignore[no-any-return]

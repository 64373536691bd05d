"""The loaded data set, with the indexes look-ups need."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import attrs

from ._diagnosis import FailureInfo
from ._enums import Change, Failure
from ._model import NationalRule, Province, ProvinceRules, Source, StepInfo, Text
from ._text import lookup_key

__all__ = ["NoIcpRegion", "Policy", "province_alias_texts"]


@attrs.frozen
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


@attrs.frozen
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

    _by_code: dict[str, ProvinceRules] = attrs.field(init=False, eq=False, repr=False)
    _by_alias: dict[str, Province] = attrs.field(init=False, eq=False, repr=False)
    _regions_by_alias: dict[str, NoIcpRegion] = attrs.field(init=False, eq=False, repr=False)
    _by_abbreviation: dict[str, Province] = attrs.field(init=False, eq=False, repr=False)
    _national: dict[str, NationalRule] = attrs.field(init=False, eq=False, repr=False)
    _steps: dict[str, StepInfo] = attrs.field(init=False, eq=False, repr=False)
    _changes: dict[Change, Text] = attrs.field(init=False, eq=False, repr=False)
    _failures: dict[Failure, FailureInfo] = attrs.field(init=False, eq=False, repr=False)
    _failures_by_alias: dict[str, Failure] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        def put(name: str, value: object) -> None:
            object.__setattr__(self, name, value)

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
        put("_national", {n.id: n for n in self.national_rules})
        put("_steps", {s.id: s for s in self.steps})
        put("_changes", dict(self.change_texts))
        put("_failures", {f.failure: f for f in self.failures})
        put(
            "_failures_by_alias",
            {
                lookup_key(text): f.failure
                for f in self.failures
                for text in (f.failure.value, f.title.zh, f.title.en, *f.aliases)
            },
        )

    # -- provinces -----------------------------------------------------------------
    @property
    def provinces(self) -> tuple[Province, ...]:
        """All provinces, in GB/T 2260 order."""
        return tuple(r.province for r in self.rules)

    def rules_for(self, province: Province) -> ProvinceRules:
        """The rules of *province* (matched by code, so any equal Province works)."""
        return self._by_code[province.code]

    def province_by_alias(self, text: str) -> Province | None:
        """The province *text* names exactly (after folding), else None."""
        return self._by_alias.get(lookup_key(text))

    def no_icp_region_by_alias(self, text: str) -> NoIcpRegion | None:
        return self._regions_by_alias.get(lookup_key(text))

    def province_by_abbreviation(self, abbreviation: str) -> Province | None:
        """The province whose ICP abbreviation (or an alternative) is *abbreviation*."""
        return self._by_abbreviation.get(abbreviation)

    def alias_keys(self) -> Iterator[tuple[str, Province]]:
        """Every folded alias key with its province (for suggestions and tests)."""
        return iter(self._by_alias.items())

    # -- texts and catalogues --------------------------------------------------------
    def national_rule(self, rule_id: str) -> NationalRule:
        return self._national[rule_id]

    def step_info(self, step_id: str) -> StepInfo:
        return self._steps[step_id]

    def change_text(self, change: Change) -> Text:
        return self._changes[change]

    def failure_info(self, failure: Failure) -> FailureInfo:
        """The data on *failure*: its causes, remedy branches and sources."""
        return self._failures[failure]

    def failure_by_alias(self, text: str) -> Failure | None:
        """The failure whose id, title (zh or en) or alias *text* is, after folding."""
        return self._failures_by_alias.get(lookup_key(text))

    def source(self, source_id: str) -> Source:
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)

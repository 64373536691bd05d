"""Checking the structured records against each other, and building the model.

Cross-record rules (sources cited exist, aliases name one province, a catch-all rule
per province, worked examples consistent...) are checked here, after structuring,
and every problem is collected with its record and field.
"""

from __future__ import annotations

import re
import string
import warnings
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from . import _document as doc
from ._enums import Change, Failure, SubjectKind
from ._model import (
    ALL_KINDS,
    Cause,
    Condition,
    FactClaim,
    FailureInfo,
    NationalRule,
    Province,
    ProvinceNote,
    ProvinceRules,
    RemedyInfo,
    Requirement,
    SiteFact,
    Source,
    StepInfo,
    Text,
    TimingClaim,
    TransferRule,
    WorkedExample,
)
from ._policy import NoIcpRegion, Policy, province_alias_texts
from ._structure import SCALARS, Collector, structure_records
from ._text import lookup_key
from ._vocab import Fact, RuleId, StepId, Trigger
from .errors import DataProblem, PolicyDataWarning

__all__ = ["PROVINCE_COUNT", "SCHEMA_VERSION", "build_policy"]

#: The data-file format this code reads (``MAJOR.MINOR``).
SCHEMA_VERSION = "1.0"
_SCHEMA = (1, 0)
PROVINCE_COUNT = 31
WILDCARD = "*"

#: Steps and national rules the code refers to by id; the data must define them.
REQUIRED_STEPS = frozenset(StepId)
REQUIRED_NATIONAL_RULES = frozenset(RuleId)


# --------------------------------------------------------------------------------------
# Cross-record checks and building.
# --------------------------------------------------------------------------------------

_CHANGE_VALUES = tuple(c.value for c in Change)
_CODE = re.compile(r"^CN-[A-Z]{2}$")
_GB_CODE = re.compile(r"^\d{2}0000$")


class Builder:
    def __init__(self, origin: str, out: Collector) -> None:
        self.origin = origin
        self.out = out
        self.sources: dict[str, Source] = {}

    # -- helpers -----------------------------------------------------------------------
    def cite(self, record: str, field: str, ids: Sequence[str], *, required: bool) -> tuple[Source, ...]:
        if required and not ids:
            self.out.add(record, field, "no source given; every stated value needs at least one")
        found = []
        for source_id in ids:
            source = self.sources.get(source_id)
            if source is None:
                self.out.add(record, field, f"unknown source id {source_id!r}; define it in [[sources]]")
            else:
                found.append(source)
        return tuple(found)

    def changes(self, record: str, field: str, values: Iterable[str]) -> frozenset[Change]:
        result = set()
        for value in values:
            if value in _CHANGE_VALUES:
                result.add(Change(value))
            else:
                self.out.add(
                    record, field, f"unknown change {value!r}; expected one of {', '.join(_CHANGE_VALUES)}"
                )
        return frozenset(result)

    def duplicates(self, record: str, field: str, values: Iterable[str], what: str) -> None:
        for value, count in Counter(values).items():
            if count > 1:
                self.out.add(record, field, f"duplicate {what} {value!r} ({count} times)")

    # -- sections ----------------------------------------------------------------------
    def build_sources(self, items: list[tuple[str, doc.SourceDoc]]) -> tuple[Source, ...]:
        self.duplicates("sources", "id", (d.id for _, d in items), "source id")
        for label, d in items:
            if d.url is None and d.path is None:
                self.out.add(label, "url", "a source needs a url or a path to be found again")
            if d.commit is not None and not re.fullmatch(r"[0-9a-f]{40}", d.commit):
                self.out.add(label, "commit", f"expected a 40-hex commit id, got {d.commit!r}")
            self.sources.setdefault(
                d.id,
                Source(
                    id=d.id,
                    provider=d.provider,
                    title=d.title,
                    standing=d.standing,
                    url=d.url,
                    repository=d.repository,
                    path=d.path,
                    commit=d.commit,
                    date=d.date,
                    note=d.note,
                ),
            )
        return tuple(self.sources.values())

    def build_changes(self, items: list[tuple[str, doc.ChangeDoc]]) -> tuple[tuple[Change, Text], ...]:
        ids = [d.id for _, d in items]
        self.duplicates("changes", "id", ids, "change id")
        for label, d in items:
            if d.id not in _CHANGE_VALUES:
                self.out.add(
                    label, "id", f"unknown change {d.id!r}; expected one of {', '.join(_CHANGE_VALUES)}"
                )
        for missing in sorted(set(_CHANGE_VALUES) - set(ids)):
            self.out.add("changes", "id", f"no text for change {missing!r}")
        return tuple((Change(d.id), Text(d.zh, d.en)) for _, d in items if d.id in _CHANGE_VALUES)

    def build_steps(self, items: list[tuple[str, doc.StepDoc]]) -> tuple[StepInfo, ...]:
        self.duplicates("steps", "id", (d.id for _, d in items), "step id")
        self.duplicates("steps", "order", (str(d.order) for _, d in items), "step order")
        for missing in sorted(REQUIRED_STEPS - {d.id for _, d in items}):
            self.out.add("steps", "id", f"step {missing!r} is missing; the code plans with it")
        return tuple(
            sorted((StepInfo(d.id, d.order, Text(d.zh, d.en)) for _, d in items), key=lambda s: s.order)
        )

    def build_national(self, items: list[tuple[str, doc.NationalRuleDoc]]) -> tuple[NationalRule, ...]:
        self.duplicates("national_rules", "id", (d.id for _, d in items), "rule id")
        for missing in sorted(REQUIRED_NATIONAL_RULES - {d.id for _, d in items}):
            self.out.add("national_rules", "id", f"national rule {missing!r} is missing")
        return tuple(
            NationalRule(d.id, Text(d.zh, d.en), self.cite(label, "sources", d.sources, required=True))
            for label, d in items
        )

    def build_regions(self, items: list[tuple[str, doc.NoIcpRegionDoc]]) -> tuple[NoIcpRegion, ...]:
        return tuple(
            NoIcpRegion(
                d.code,
                d.gb_code,
                d.name,
                d.name_en,
                d.aliases,
                self.cite(label, "sources", d.sources, required=True),
            )
            for label, d in items
        )

    def build_provinces(
        self, items: list[tuple[str, doc.ProvinceDoc]], raw: object, steps: Mapping[str, StepInfo]
    ) -> tuple[ProvinceRules, ...]:
        # Count and compare codes on the raw records, so that one malformed record is
        # reported once, not again as "a province is missing".
        raw_records = raw if isinstance(raw, list) else []
        if len(raw_records) != PROVINCE_COUNT:
            self.out.add("provinces", "", f"expected {PROVINCE_COUNT} provinces, found {len(raw_records)}")
        codes = [r["code"] for r in raw_records if isinstance(r, dict) and isinstance(r.get("code"), str)]
        self.duplicates("provinces", "code", codes, "province code")
        self.duplicates("provinces", "gb_code", (d.gb_code for _, d in items), "GB/T code")
        built = [self.build_province(label, d, steps) for label, d in items]
        return tuple(sorted(built, key=lambda r: r.province.gb_code))

    def build_province(self, label: str, d: doc.ProvinceDoc, steps: Mapping[str, StepInfo]) -> ProvinceRules:
        if not _CODE.match(d.code):
            self.out.add(label, "code", f"expected an ISO 3166-2 code like 'CN-GD', got {d.code!r}")
        if not _GB_CODE.match(d.gb_code):
            self.out.add(
                label, "gb_code", f"expected a GB/T 2260 province code like '440000', got {d.gb_code!r}"
            )
        if len(d.icp_abbreviation) != 1:
            self.out.add(label, "icp_abbreviation", f"expected one character, got {d.icp_abbreviation!r}")
        province = Province(
            code=d.code,
            gb_code=d.gb_code,
            name=d.name,
            short_name=d.short_name,
            name_en=d.name_en,
            iso_name=d.iso_name,
            icp_abbreviation=d.icp_abbreviation,
            alternative_abbreviations=d.alternative_abbreviations,
            aliases=d.aliases,
        )
        return ProvinceRules(
            province=province,
            sources=self.cite(label, "sources", d.sources, required=True),
            transfer_rules=self.build_rules(label, d),
            filed_sites_reachable=self.build_fact(label, "filed_sites_reachable", d.filed_sites_reachable),
            unfiled_sites_closed=self.build_fact(label, "unfiled_sites_closed", d.unfiled_sites_closed),
            requirements=tuple(
                self.build_requirement(label, f"requirements[{i}]", r, steps)
                for i, r in enumerate(d.requirements)
            ),
            notes=tuple(
                ProvinceNote(
                    n.topic, n.text, self.cite(label, f"notes[{i}].sources", n.sources, required=True)
                )
                for i, n in enumerate(d.notes)
            ),
            examples=self.build_examples(label, d.examples),
        )

    def build_rules(self, label: str, d: doc.ProvinceDoc) -> tuple[TransferRule, ...]:
        rules = []
        catch_all = 0
        for i, r in enumerate(d.transfer_rules):
            field = f"transfer_rules[{i}]"
            covers_all = list(r.changes) == [WILDCARD]
            if WILDCARD in r.changes and not covers_all:
                self.out.add(label, f"{field}.changes", "'*' stands alone; list changes or write ['*']")
            if not r.changes:
                self.out.add(label, f"{field}.changes", "empty; list change ids or write ['*']")
            changes = (
                frozenset(Change) - {Change.WEBSITE_OWNER_PHONE}
                if covers_all
                else self.changes(label, f"{field}.changes", [c for c in r.changes if c != WILDCARD])
            )
            if Change.WEBSITE_OWNER_PHONE.value in r.changes:
                self.out.add(
                    label,
                    f"{field}.changes",
                    "website_owner_phone is decided by the national SMS rule, not by a province rule",
                )
            applies_to = frozenset(r.applies_to) if r.applies_to else ALL_KINDS
            if covers_all:
                catch_all += 1
                if applies_to != ALL_KINDS:
                    self.out.add(
                        label, f"{field}.applies_to", "the '*' rule must apply to every subject kind"
                    )
            self.check_stated(label, field, r.status.value, r.timing, "timing")
            if r.deadline_working_days is not None:
                if r.timing is None or r.timing.value != "after":
                    self.out.add(label, f"{field}.deadline_working_days", "a deadline needs timing = 'after'")
                if r.deadline_working_days <= 0:
                    self.out.add(label, f"{field}.deadline_working_days", "must be a positive number of days")
            claims = tuple(
                TimingClaim(src, c.timing, c.boilerplate, c.note)
                for j, c in enumerate(r.claims)
                for src in self.cite(label, f"{field}.claims[{j}].source", [c.source], required=True)
            )
            rule_id = f"{d.code}/transfer/" + (
                WILDCARD if covers_all else "+".join(sorted(c.value for c in changes))
            )
            if applies_to != ALL_KINDS:
                rule_id += "/" + "+".join(sorted(k.value for k in applies_to))
            rules.append(
                TransferRule(
                    id=rule_id,
                    changes=changes,
                    covers_all=covers_all,
                    applies_to=applies_to,
                    status=r.status,
                    timing=r.timing,
                    deadline_working_days=r.deadline_working_days,
                    sources=self.cite(
                        label, f"{field}.sources", r.sources, required=r.status.value == "stated"
                    ),
                    claims=claims,
                    note=r.note,
                )
            )
        if catch_all != 1:
            self.out.add(label, "transfer_rules", f"expected exactly one ['*'] rule, found {catch_all}")
        self.check_overlaps(label, rules)
        return tuple(rules)

    def check_overlaps(self, label: str, rules: list[TransferRule]) -> None:
        seen: dict[tuple[Change, SubjectKind, bool, bool], str] = {}
        for rule in rules:
            specific = (not rule.covers_all, rule.applies_to != ALL_KINDS)
            for change in rule.changes:
                for kind in rule.applies_to:
                    key = (change, kind, *specific)
                    if key in seen and seen[key] != rule.id:
                        self.out.add(
                            label,
                            "transfer_rules",
                            f"rules {seen[key]!r} and {rule.id!r} both decide"
                            f" {change.value} for {kind.value}",
                        )
                    seen.setdefault(key, rule.id)

    def check_stated(self, label: str, field: str, status: str, value: object, name: str) -> None:
        if status == "stated" and value is None:
            self.out.add(label, f"{field}.{name}", f"status is 'stated' but no {name} is given")
        if status == "unknown" and value is not None:
            self.out.add(
                label, f"{field}.{name}", f"status is 'unknown' but a {name} is given; unknowns stay unknown"
            )

    def fact_claims(
        self, label: str, field: str, claims: Iterable[doc.FactClaimDoc]
    ) -> tuple[FactClaim, ...]:
        return tuple(
            FactClaim(src, c.value, c.note)
            for j, c in enumerate(claims)
            for src in self.cite(label, f"{field}.claims[{j}].source", [c.source], required=True)
        )

    def build_fact(self, label: str, field: str, d: doc.SiteFactDoc) -> SiteFact:
        self.check_stated(label, field, d.status.value, d.value, "value")
        claims = self.fact_claims(label, field, d.claims)
        return SiteFact(
            status=d.status,
            value=d.value,
            scope=d.scope,
            sources=self.cite(label, f"{field}.sources", d.sources, required=d.status.value == "stated"),
            claims=claims,
            note=d.note,
        )

    def build_requirement(
        self, label: str, field: str, d: doc.RequirementDoc, steps: Mapping[str, StepInfo]
    ) -> Requirement:
        if d.trigger not in doc.TRIGGERS:
            self.out.add(
                label,
                f"{field}.trigger",
                f"unknown trigger {d.trigger!r}; expected one of {', '.join(sorted(doc.TRIGGERS))}",
            )
        if d.step is not None and d.step not in steps:
            self.out.add(label, f"{field}.step", f"unknown step {d.step!r}; define it in [[steps]]")
        if d.trigger == "changes" and not d.when_changes:
            self.out.add(label, f"{field}.when_changes", "trigger 'changes' needs when_changes")
        if d.step is None and d.trigger != "never":
            self.out.add(label, f"{field}.step", "a requirement without a step must have trigger = 'never'")
        claims = self.fact_claims(label, field, d.claims)
        return Requirement(
            id=d.id,
            step=d.step,
            trigger=Trigger(d.trigger),
            when_changes=self.changes(label, f"{field}.when_changes", d.when_changes),
            applies_to=frozenset(d.applies_to) if d.applies_to else ALL_KINDS,
            sources=self.cite(label, f"{field}.sources", d.sources, required=True),
            claims=claims,
            note=d.note,
        )

    def build_examples(self, label: str, items: tuple[doc.ExampleDoc, ...]) -> tuple[WorkedExample, ...]:
        if not items:
            self.out.add(label, "examples", "every province needs at least one worked example")
        built = []
        for i, e in enumerate(items):
            field = f"examples[{i}]"
            changes = self.changes(label, f"{field}.changes", e.changes)
            blocking = self.changes(label, f"{field}.blocking", e.blocking)
            deferred = self.changes(label, f"{field}.deferred", e.deferred)
            if blocking & deferred:
                self.out.add(label, field, "a change cannot be both blocking and deferred")
            if blocking | deferred != changes:
                self.out.add(label, field, "blocking and deferred together must list exactly the changes")
            if e.direct != (not blocking):
                self.out.add(label, f"{field}.direct", "direct must be true exactly when nothing is blocking")
            built.append(WorkedExample(changes, e.subject_kind, e.direct, blocking, deferred, e.note))
        return tuple(built)

    def unique_names(
        self, section: str, what: str, entries: Iterable[tuple[str, Iterable[str]]]
    ) -> dict[str, str]:
        """Check that every folded name in *entries* (owner id, its names) names one owner;
        return the folded names with their owners."""
        owners: dict[str, str] = {}
        for owner, texts in entries:
            for text in sorted({lookup_key(t) for t in texts}):
                if not text:
                    self.out.add(f"{section} ({owner})", "aliases", "an alias is empty")
                    continue
                other = owners.setdefault(text, owner)
                if other != owner:
                    self.out.add(
                        f"{section} ({owner})",
                        "aliases",
                        f"alias {text!r} also names {what} {other}; every alias must name one {what}",
                    )
        return owners

    def check_aliases(self, rules: Sequence[ProvinceRules], regions: Sequence[NoIcpRegion]) -> None:
        owners = self.unique_names(
            "provinces", "province", ((r.province.code, province_alias_texts(r.province)) for r in rules)
        )
        for region in regions:
            for text in {lookup_key(t) for t in (region.code, region.name, region.name_en, *region.aliases)}:
                if text in owners:
                    self.out.add(
                        f"no_icp_regions ({region.code})",
                        "aliases",
                        f"alias {text!r} also names province {owners[text]}",
                    )

    # -- failures ------------------------------------------------------------------------
    def build_failures(
        self,
        items: list[tuple[str, doc.FailureDoc]],
        raw_records: object,
        steps: Mapping[str, StepInfo],
        national: Mapping[str, NationalRule],
    ) -> tuple[FailureInfo, ...]:
        # Ids are read from the raw records too, so a record that failed to structure
        # is reported for its bad field only, not also as missing.
        raw_ids = (
            [r.get("id") for r in raw_records if isinstance(r, dict)] if isinstance(raw_records, list) else []
        )
        self.duplicates("failures", "id", (d.id for _, d in items), "failure id")
        for missing in [f.value for f in Failure if f.value not in raw_ids]:
            self.out.add(
                "failures", "id", f"failure {missing!r} has no record; each needs causes and remedies"
            )
        built: dict[Failure, FailureInfo] = {}
        for label, d in items:
            info = self.build_failure(label, d, steps, national)
            if info is not None:
                built.setdefault(info.failure, info)
        self.check_failure_aliases(built.values())
        return tuple(built[f] for f in Failure if f in built)

    def texts(self, label: str, field: str, pairs: Iterable[tuple[str, str, str]]) -> None:
        """Each (name, zh, en) needs text in both languages."""
        for name, zh, en in pairs:
            if not zh.strip() or not en.strip():
                self.out.add(label, f"{field}{name}", "needs both Chinese (zh) and English (en) text")

    def condition(self, label: str, field: str, when: Mapping[str, bool], has_changes: bool) -> Condition:
        for fact in when:
            if fact not in doc.FACTS:
                self.out.add(
                    label,
                    f"{field}.when",
                    f"unknown fact {fact!r}; expected one of {', '.join(sorted(doc.FACTS))}",
                )
            elif fact in doc.PROVINCE_FACTS and not has_changes:
                self.out.add(label, f"{field}.when", f"{fact!r} needs the failure to list its changes")
        return tuple(sorted((Fact(k), v) for k, v in when.items() if k in doc.FACTS))

    def build_failure(
        self,
        label: str,
        d: doc.FailureDoc,
        steps: Mapping[str, StepInfo],
        national: Mapping[str, NationalRule],
    ) -> FailureInfo | None:
        known = {f.value for f in Failure}
        if d.id not in known:
            self.out.add(label, "id", f"unknown failure {d.id!r}; expected one of {', '.join(sorted(known))}")
        self.texts(label, "", [("zh/en", d.zh, d.en)])
        if bool(d.note_zh.strip()) != bool(d.note_en.strip()):
            self.out.add(label, "note", "needs both note_zh and note_en, or neither")
        changes = self.changes(label, "changes", d.changes)
        for value in d.related:
            if value not in known or value == d.id:
                self.out.add(label, "related", f"{value!r} is not another failure id")
        if not d.causes:
            self.out.add(label, "causes", "every failure needs at least one cause")
        if not d.remedies:
            self.out.add(label, "remedies", "every failure needs at least one remedy")
        self.duplicates(label, "causes", (c.id for c in d.causes), "cause id")
        self.duplicates(label, "remedies", (r.id for r in d.remedies), "remedy id")

        causes = []
        for i, c in enumerate(d.causes):
            field = f"causes[{i}]"
            self.texts(label, field, [(".zh/en", c.zh, c.en)])
            causes.append(
                Cause(
                    id=c.id,
                    text=Text(c.zh, c.en),
                    sources=self.cite(label, f"{field}.sources", c.sources, required=True),
                    condition=self.condition(label, field, c.when, bool(changes)),
                )
            )
        if causes and all(c.condition for c in causes):
            self.out.add(label, "causes", "at least one cause must hold without a condition")

        cause_ids = {c.id for c in d.causes}
        remedies = []
        for i, r in enumerate(d.remedies):
            field = f"remedies[{i}]"
            self.texts(label, field, [(".label_zh/label_en", r.label_zh, r.label_en)])
            remedies.append(self.build_remedy(label, field, r, steps, national, cause_ids, bool(changes)))

        sources = self.cite(label, "sources", d.sources, required=True)
        if d.id not in known:
            return None
        return FailureInfo(
            failure=Failure(d.id),
            title=Text(d.zh, d.en),
            sources=sources,
            causes=tuple(causes),
            remedies=tuple(remedies),
            changes=changes,
            aliases=d.aliases,
            related=tuple(Failure(v) for v in d.related if v in known and v != d.id),
            note=Text(d.note_zh, d.note_en) if d.note_zh.strip() and d.note_en.strip() else None,
        )

    def build_remedy(
        self,
        label: str,
        field: str,
        r: doc.RemedyDoc,
        steps: Mapping[str, StepInfo],
        national: Mapping[str, NationalRule],
        cause_ids: set[str],
        has_changes: bool,
    ) -> RemedyInfo:
        if not r.steps:
            self.out.add(label, f"{field}.steps", "a remedy needs at least one step")
        self.duplicates(label, f"{field}.steps", r.steps, "step")
        for step_id in r.steps:
            if step_id not in steps:
                self.out.add(label, f"{field}.steps", f"unknown step {step_id!r}; define it in [[steps]]")
        orders = [steps[s].order for s in r.steps if s in steps]
        if orders != sorted(orders):
            self.out.add(label, f"{field}.steps", "list the steps in the catalogue's order (their `order`)")
        for cause_id in r.causes:
            if cause_id not in cause_ids:
                self.out.add(
                    label, f"{field}.causes", f"unknown cause {cause_id!r}; it is not in this failure"
                )
        rule = None
        if r.rule is not None:
            rule = national.get(r.rule)
            if rule is None:
                self.out.add(label, f"{field}.rule", f"unknown national rule {r.rule!r}")
        detail = hint = None
        if r.detail_zh.strip() or r.detail_en.strip():
            self.texts(label, field, [(".detail_zh/detail_en", r.detail_zh, r.detail_en)])
            detail = Text(r.detail_zh, r.detail_en)
        if r.number_hint_zh.strip() or r.number_hint_en.strip():
            self.texts(label, field, [(".number_hint_zh/number_hint_en", r.number_hint_zh, r.number_hint_en)])
            for name, template in (
                ("number_hint_zh", r.number_hint_zh),
                ("number_hint_en", r.number_hint_en),
            ):
                fields = {f for _, f, _, _ in string.Formatter().parse(template) if f is not None}
                if fields != doc.HINT_FIELDS:
                    self.out.add(
                        label,
                        f"{field}.{name}",
                        f"use exactly the placeholders {sorted(doc.HINT_FIELDS)}, found {sorted(fields)}",
                    )
            hint = Text(r.number_hint_zh, r.number_hint_en)
        return RemedyInfo(
            id=r.id,
            label=Text(r.label_zh, r.label_en),
            step_ids=r.steps,
            sources=self.cite(label, f"{field}.sources", r.sources, required=True),
            condition=self.condition(label, field, r.when, has_changes),
            causes=r.causes,
            rule=rule,
            detail=detail,
            number_hint=hint,
        )

    def check_failure_aliases(self, failures: Iterable[FailureInfo]) -> None:
        self.unique_names(
            "failures",
            "failure",
            (
                (info.failure.value, (info.failure.value, info.title.zh, info.title.en, *info.aliases))
                for info in failures
            ),
        )


def check_schema_version(value: str, out: Collector) -> None:
    match = re.fullmatch(r"(\d+)\.(\d+)", value)
    if not match:
        out.add("(top level)", "schema_version", f"expected 'MAJOR.MINOR', got {value!r}")
        return
    major, minor = int(match.group(1)), int(match.group(2))
    if major != _SCHEMA[0]:
        out.add(
            "(top level)",
            "schema_version",
            f"schema {value} is not supported; this version of beian-policy reads {SCHEMA_VERSION}",
        )
    elif minor > _SCHEMA[1]:
        warnings.warn(
            f"policy data uses schema {value}, newer than {SCHEMA_VERSION}; unknown parts may be ignored",
            PolicyDataWarning,
            stacklevel=4,
        )


def build_policy(data: Mapping[str, Any], origin: str) -> tuple[Policy | None, tuple[DataProblem, ...]]:
    out = Collector()
    scalars, sections = structure_records(data, out)
    if "schema_version" in scalars:
        check_schema_version(scalars["schema_version"], out)
    builder = Builder(origin, out)
    sources = builder.build_sources(sections["sources"])
    changes = builder.build_changes(sections["changes"])
    steps = builder.build_steps(sections["steps"])
    national = builder.build_national(sections["national_rules"])
    regions = builder.build_regions(sections["no_icp_regions"])
    rules = builder.build_provinces(sections["provinces"], data.get("provinces"), {s.id: s for s in steps})
    builder.check_aliases(rules, regions)
    failures = builder.build_failures(
        sections["failures"], data.get("failures"), {s.id: s for s in steps}, {n.id: n for n in national}
    )
    if out.problems or len(scalars) != len(SCALARS):
        return None, tuple(out.problems)
    policy = Policy(
        schema_version=scalars["schema_version"],
        data_version=scalars["data_version"],
        as_of=scalars["as_of"],
        origin=origin,
        sources=sources,
        rules=rules,
        national_rules=national,
        steps=steps,
        change_texts=changes,
        no_icp_regions=regions,
        failures=failures,
    )
    return policy, ()

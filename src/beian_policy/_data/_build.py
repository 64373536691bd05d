"""From a parsed TOML document to a :class:`Policy`, or to every problem found.

Two steps, on purpose: first each record is structured on its own (``_structure``),
then the builders check the records against each other and build the model (sources
first, since everything cites them; steps and national rules before the provinces
and failures that use them). All of them report into one :class:`Context`, so a
file with ten mistakes gets ten lines at once.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Mapping, Sequence
from typing import Any

from .._enums import SubjectKind
from .._model import Source
from .._policy import Policy
from .._vocab import Fact
from ..errors import DataProblem, PolicyDataWarning, shown
from ._build_catalogue import (
    build_change_terms,
    build_changes,
    build_national_rules,
    build_providers,
    build_regions,
    build_sources,
    build_steps,
    build_terms,
)
from ._build_failures import build_failures
from ._build_provinces import build_provinces, check_aliases
from ._build_statements import build_events, build_statements
from ._context import Context
from ._structure import SCALARS, structure_records

__all__ = ["SCHEMA_VERSION", "build_policy"]

#: The data-file format this code reads (``MAJOR.MINOR``).
SCHEMA_VERSION = "2.0"
_SCHEMA = (2, 0)
#: No statement about ICP filing can be older than China's public internet (1994);
#: a date past 2100 is a typo. Both bounds are far from any real date.
EARLIEST = dt.date(1994, 1, 1)
LATEST = dt.date(2100, 12, 31)
#: A release name such as 2026.12.01, or a local one (local-2026.12.01): ASCII, no
#: spaces, never empty; it is printed with every answer.
_DATA_VERSION = re.compile(r"[0-9A-Za-z][0-9A-Za-z._+-]{0,63}")


def _check_dates(ctx: Context, scalars: Mapping[str, Any], sources: Sequence[Source]) -> None:
    """``as_of`` is a plausible date; no source date is implausible, and no source is
    published or seen after it."""
    as_of = scalars.get("as_of")
    if as_of is not None and not EARLIEST <= as_of <= LATEST:
        ctx.add("(top level)", "as_of", f"{as_of} is not a plausible date ({EARLIEST} to {LATEST})")
        return
    for source in sources:
        for field in ("published", "not_before", "seen", "until"):
            day = getattr(source, field)
            if day is None:
                continue
            if day < EARLIEST:
                ctx.add(f"sources ({source.id})", field, f"{day} is before {EARLIEST}")
            elif day > LATEST:
                ctx.add(f"sources ({source.id})", field, f"{day} is after {LATEST}")
            elif field != "until" and as_of is not None and day > as_of:
                ctx.add(f"sources ({source.id})", field, f"{day} is after the data's as_of {as_of}")


def _check_data_version(ctx: Context, value: str) -> None:
    if not _DATA_VERSION.fullmatch(value):
        ctx.add(
            "(top level)",
            "data_version",
            f"expected a version such as '2026.12.01' (ASCII letters, digits, . _ + -), got {shown(value)}",
        )


def _check_schema_version(ctx: Context, value: str) -> None:
    """Another major version is refused; a newer minor loads, with a warning that
    parts of it may be ignored."""
    match = re.fullmatch(r"([0-9]+)\.([0-9]+)", value)
    if not match:
        ctx.add("(top level)", "schema_version", f"expected 'MAJOR.MINOR', got {shown(value)}")
        return
    major, minor = int(match.group(1)), int(match.group(2))
    if major != _SCHEMA[0]:
        ctx.add(
            "(top level)",
            "schema_version",
            f"schema {value} is not supported; this version of beian-policy reads {SCHEMA_VERSION}"
            + (" (convert a 1.x file with tools/convert_to_statements.py)" if major < _SCHEMA[0] else ""),
        )
    elif minor > _SCHEMA[1]:
        warnings.warn(
            f"policy data uses schema {value}, newer than {SCHEMA_VERSION}; unknown parts may be ignored",
            PolicyDataWarning,
            stacklevel=5,
        )


def build_policy(data: Mapping[str, Any], origin: str) -> tuple[Policy | None, tuple[DataProblem, ...]]:
    """The policy of *data* (a parsed document) and no problems, or None and every
    problem found. *origin* names the file in the policy."""
    ctx = Context()
    scalars, sections = structure_records(data, ctx)
    if "schema_version" in scalars:
        _check_schema_version(ctx, scalars["schema_version"])
    if "data_version" in scalars:
        _check_data_version(ctx, scalars["data_version"])
    providers = build_providers(ctx, sections["providers"])
    sources = build_sources(ctx, sections["sources"])
    _check_dates(ctx, scalars, sources)
    changes = build_changes(ctx, sections["changes"])
    kinds = build_terms(ctx, "subject_kinds", sections["subject_kinds"], [k.value for k in SubjectKind])
    facts = build_terms(ctx, "facts", sections["facts"], [f.value for f in Fact])
    steps = build_steps(ctx, sections["steps"])
    national = build_national_rules(ctx, sections["national_rules"])
    regions = build_regions(ctx, sections["no_icp_regions"])
    step_index = {s.id: s for s in steps}
    as_of = scalars.get("as_of")
    rules = build_provinces(
        ctx,
        sections["provinces"],
        data.get("provinces"),
        step_index,
        as_of if isinstance(as_of, dt.date) else None,
    )
    national_statements = build_statements(
        ctx, None, [(label, "", d) for label, d in sections["national_statements"]]
    )
    events = build_events(ctx, sections["events"])
    check_aliases(ctx, rules, regions)
    failures = build_failures(
        ctx, sections["failures"], data.get("failures"), step_index, {n.id: n for n in national}
    )
    if ctx.problems or len(scalars) != len(SCALARS):
        return None, tuple(ctx.problems)
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
        change_terms=build_change_terms(sections["changes"]),
        subject_kind_terms=kinds,
        fact_terms=facts,
        no_icp_regions=regions,
        failures=failures,
        providers=providers,
        national_statements=national_statements,
        events=events,
    )
    return policy, ()

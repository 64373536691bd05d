"""``preflight``: check a whole application against the national rules and the
province's stated requirements before anything is submitted.

Each check reads its rule from the data (national rules by id, province checks by
kind) and cites it. A fact the rule needs that the application leaves out gives a
``check`` finding, never a pass. A province check backed only by historical sources
gives a ``warning``, not ``blocks``; a disputed one says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from ._application import Application, read_application
from ._data._loader import resolve_policy
from ._decision import coerce_according_to, coerce_as_of
from ._enums import Severity
from ._finding import Preflight
from ._model import Province
from ._policy import Policy
from ._preflight_people import PEOPLE_CHECKS
from ._preflight_run import Run
from ._preflight_sites import SITE_CHECKS
from ._provinces import resolve_province

__all__ = ["preflight"]

_ORDER = {severity: index for index, severity in enumerate(Severity)}
_CHECKS = PEOPLE_CHECKS + SITE_CHECKS


def preflight(
    province: Province | str,
    application: Application | Mapping[str, Any],
    *,
    as_of: dt.date | None = None,
    according_to: str | None = None,
    policy: Policy | None = None,
) -> Preflight:
    """Check *application* (an :class:`Application` or a dict as parsed from TOML or
    JSON) for a transfer in *province*, as of *as_of* (None: the data's own date; the
    application's dates are compared with *as_of*, the rules are read as of it but
    never later than the data's date). *according_to* (a provider id) keeps only the
    province checks that provider's sources state; national rules hold in every view.

    Returns a :class:`Preflight` whose ``findings`` say what blocks, what to check
    and what to know, each with its rule, sources and fix. Needs the ``preflight``
    extra for the number checks (``pip install 'beian-policy[preflight]'``).
    """
    pol = resolve_policy(policy)
    where = resolve_province(province, policy=pol)
    app = read_application(application, policy=pol)
    coerce_as_of(as_of, pol)  # the same type check as every question's
    provider = coerce_according_to(according_to, pol)
    rules = pol.rules_for(where)
    if provider is not None:
        own = tuple(c for c in rules.checks if any(s.provider == provider for s in c.sources))
        rules = attrs.evolve(rules, checks=own)
    run = Run(app, where, rules, pol, as_of if as_of is not None else pol.as_of)
    for check in _CHECKS:
        check(run)
    findings = sorted(run.findings, key=lambda f: _ORDER[f.severity])
    return Preflight(where, tuple(findings), run.as_of, pol.data_version)

"""Building a province's ``[[provinces.checks]]``: the stated requirements that
``preflight`` checks an application against.

Each kind needs its own fields (a number for ages, days and counts; a document id and
title for letters; the accepted alternatives for local ID rules), so a record that
lacks them is reported here rather than read as "no requirement".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .._model import ALL_KINDS, CheckClaim, ProvinceCheck, Text
from .._vocab import CheckKind
from ._context import Context
from ._document import CHECK_KINDS, CheckDoc

__all__ = ["build_checks"]

#: The kinds that need a number in ``value``.
_NEEDS_VALUE = frozenset(
    {
        CheckKind.MIN_AGE,
        CheckKind.MAX_AGE,
        CheckKind.ID_MIN_DAYS,
        CheckKind.DOMAIN_MIN_DAYS,
        CheckKind.WEBSITES_PER_ORDER,
        CheckKind.DOMAINS_PER_ORDER,
        CheckKind.DOMAINS_NEED_DOCUMENT,
    }
)
#: The kinds that name a letter (``document``, with its title in ``zh`` and ``en``).
_NAMES_LETTER = frozenset(
    {
        CheckKind.DOCUMENT,
        CheckKind.SUBJECT_OWNER_AUTHORISATION,
        CheckKind.WEBSITE_OWNER_AUTHORISATION,
        CheckKind.DOMAINS_NEED_DOCUMENT,
    }
)
#: The kinds that may name the letter the rule asks for (``document``, ``zh``, ``en``):
#: a legal representative may hold the domain if the organisation authorises it.
_MAY_NAME_LETTER = frozenset({CheckKind.REGISTRANT_LEGAL_REPRESENTATIVE_ACCEPTED})
_DOCUMENT_ID = re.compile(r"^[a-z][a-z0-9_]*$")


def build_checks(ctx: Context, label: str, items: Sequence[CheckDoc]) -> tuple[ProvinceCheck, ...]:
    """The province's checks, in file order; every problem reported."""
    built = [_check(ctx, label, f"checks[{i}]", d) for i, d in enumerate(items)]
    documents = [c.document for c in built if c.document is not None]
    ctx.duplicates(label, "checks.document", documents, "document id")
    return tuple(built)


def _check(ctx: Context, label: str, field: str, d: CheckDoc) -> ProvinceCheck:
    if d.kind not in CHECK_KINDS:
        ctx.add(
            label,
            f"{field}.kind",
            f"unknown kind {d.kind!r}; expected one of {', '.join(sorted(CHECK_KINDS))}",
        )
    kind = CheckKind(d.kind) if d.kind in CHECK_KINDS else CheckKind.DOCUMENT  # reported above
    if kind in _NEEDS_VALUE and d.value is None:
        ctx.add(label, f"{field}.value", f"a {kind.value!r} check needs a value")
    if kind not in _NEEDS_VALUE and d.value is not None:
        ctx.add(label, f"{field}.value", f"a {kind.value!r} check takes no value")
    if kind in _NAMES_LETTER:
        if d.document is None or not _DOCUMENT_ID.match(d.document):
            ctx.add(
                label, f"{field}.document", f"a {kind.value!r} check needs a document id like 'gd_commitment'"
            )
        if not d.zh or not d.en:
            ctx.add(label, f"{field}.zh", f"a {kind.value!r} check needs its title in zh and en")
    elif kind in _MAY_NAME_LETTER and d.document is not None:
        if not _DOCUMENT_ID.match(d.document):
            ctx.add(label, f"{field}.document", "a document id looks like 'cq_domain_authorisation'")
        if not d.zh or not d.en:
            ctx.add(label, f"{field}.zh", "a check that names a letter needs its title in zh and en")
    elif d.document is not None:
        ctx.add(label, f"{field}.document", f"a {kind.value!r} check names no document")
    sources = ctx.cite(label, f"{field}.sources", d.sources, required=True)
    claims = tuple(
        CheckClaim(src, c.value, c.holds, ctx.note(label, f"{field}.claims[{j}].note", c.note))
        for j, c in enumerate(d.claims)
        for src in ctx.cite(label, f"{field}.claims[{j}].source", [c.source], required=True)
    )
    return ProvinceCheck(
        kind=kind,
        sources=sources,
        value=d.value,
        document=d.document,
        text=Text(d.zh, d.en),
        applies_to=frozenset(d.applies_to) if d.applies_to else ALL_KINDS,
        claims=claims,
        note=ctx.note(label, f"{field}.note", d.note),
    )

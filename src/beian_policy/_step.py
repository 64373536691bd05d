"""A step of a plan: what to do, in what order, why, and by when."""

from __future__ import annotations

import attrs

from ._enums import Change
from ._ids import IRREVERSIBLE_STEPS
from ._model import Source, StepInfo, Text
from ._record import record_methods

__all__ = ["Step"]


@record_methods
@attrs.frozen(repr=False, eq=False)
class Step:
    """One thing to do, in the place it must happen."""

    id: str
    """Stable public id (``"submit_transfer"``); the catalogue in the data lists them."""
    order: int
    """The step's place in the real order; plans are sorted by it."""
    title: Text
    """The short title, in both languages."""
    rule: str
    """The rule that requires the step: ``CN-BJ/transfer/...``, ``CN-GD/requirement/...``
    or ``national/<rule id>``."""
    sources: tuple[Source, ...]
    """The documents behind the rule."""
    deadline_working_days: int | None = None
    """A stated deadline, in working days, where one applies."""
    changes: frozenset[Change] = frozenset()
    """The changes the step files or carries."""
    note: Text | None = None
    """The data's own remark on the rule or requirement behind the step, if any."""
    warnings: tuple[Text, ...] = ()
    """Cautions a person must read before acting (a cancellation cannot be undone)."""
    irreversible: bool = False
    """True for a step that cannot be undone once done (a cancellation)."""

    @classmethod
    def from_info(
        cls,
        info: StepInfo,
        *,
        rule: str,
        sources: tuple[Source, ...],
        deadline_working_days: int | None = None,
        changes: frozenset[Change] = frozenset(),
        note: Text | None = None,
        warnings: tuple[Text, ...] = (),
        irreversible: bool = False,
    ) -> Step:
        """A step of the catalogue entry *info*, required by *rule*; a step of
        :data:`IRREVERSIBLE_STEPS` is always marked irreversible, whoever plans it."""
        return cls(
            id=info.id,
            order=info.order,
            title=info.title,
            rule=rule,
            sources=sources,
            deadline_working_days=deadline_working_days,
            changes=changes,
            note=note,
            warnings=warnings,
            irreversible=irreversible or info.id in IRREVERSIBLE_STEPS,
        )

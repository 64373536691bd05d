"""A step of a plan: what to do, in what order, why, and by when."""

from __future__ import annotations

import attrs

from ._enums import Change, Lang
from ._model import Source, StepInfo, Text

__all__ = ["Step"]


@attrs.frozen
class Step:
    """One thing to do. ``id`` is stable public API; ``rule`` names the rule that
    requires the step (``CN-BJ/transfer/...`` or ``national/...``). ``note`` is the
    data's own remark on the requirement (English); ``warnings`` are cautions in both
    languages that a person must read before acting (e.g. that a cancellation cannot
    be undone)."""

    id: str
    order: int
    titles: Text
    rule: str
    sources: tuple[Source, ...]
    deadline_working_days: int | None = None
    changes: frozenset[Change] = frozenset()
    note: str = ""
    warnings: tuple[Text, ...] = ()

    def title(self, lang: Lang | str = Lang.ZH) -> str:
        """The short title in ``"zh"`` (default) or ``"en"``."""
        return self.titles.get(lang)

    @classmethod
    def from_info(
        cls,
        info: StepInfo,
        *,
        rule: str,
        sources: tuple[Source, ...],
        deadline_working_days: int | None = None,
        changes: frozenset[Change] = frozenset(),
        note: str = "",
        warnings: tuple[Text, ...] = (),
    ) -> Step:
        return cls(
            id=info.id,
            order=info.order,
            titles=info.title,
            rule=rule,
            sources=sources,
            deadline_working_days=deadline_working_days,
            changes=changes,
            note=note,
            warnings=warnings,
        )

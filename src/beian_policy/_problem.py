"""One problem found in a data file (public as ``beian_policy.errors.DataProblem``).

Apart from :mod:`.errors`, which every process imports, so that only a process that
finds a data file wrong creates this class.
"""

from __future__ import annotations

import attrs

__all__ = ["DataProblem"]


@attrs.frozen
class DataProblem:
    """One problem found in a data file: the record, the field and what is wrong."""

    record: str
    field: str
    message: str

    def __str__(self) -> str:
        where = self.record if not self.field else f"{self.record}: {self.field}"
        return f"{where}: {self.message}"

"""Values turned into words of one language: labels, punctuation, yes and no,
province and change names. Knows nothing of argparse, the policy or stdout, so the
renderers that use it are pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

import attrs

from .._enums import Change, Lang
from .._model import Province, Source, Text
from .._record import record_methods
from ._labels import LABELS
from ._layout import display_width, pad, wrap

__all__ = ["Formatter"]


@record_methods
@attrs.frozen(repr=False, eq=False)
class Formatter:
    """Words in *lang*. *change_names*, *fact_names* and *failure_names* are the
    data's words for those ids (the policy's ``change_text`` and ``term``), needed
    only to name them; an id without words is shown in brackets."""

    lang: Lang
    change_names: Mapping[Change, Text] = attrs.field(factory=dict)
    fact_names: Mapping[str, Text] = attrs.field(factory=dict)
    failure_names: Mapping[str, Text] = attrs.field(factory=dict)
    provider_names: Mapping[str, Text] = attrs.field(factory=dict)

    @property
    def zh(self) -> bool:
        return self.lang is Lang.ZH

    def t(self, key: str, **values: object) -> str:
        """The label *key*, with its ``{name}`` fields filled from *values*."""
        text = LABELS[key].get(self.lang)
        return text.format(**values) if values else text

    def colon(self, key: str) -> str:
        """The label *key* ending a line or heading a column: ``Label:``."""
        return self.t(key) + ("：" if self.zh else ":")

    def label(self, key: str) -> str:
        """The label *key* before text on the same line: ``Label: `` / ``标签：``."""
        return self.t(key) + ("：" if self.zh else ": ")

    def row(self, key: str, value: str) -> tuple[str, str]:
        """A row for :meth:`fields`: the label *key* and its value."""
        return (self.colon(key), value)

    def fields(self, rows: Sequence[tuple[str, str]], *, indent: str = "") -> list[str]:
        """``label:  value`` rows (from :meth:`row`), values aligned and wrapped under
        themselves."""
        width = max((display_width(label) for label, _ in rows), default=0)
        lines: list[str] = []
        for label, value in rows:
            head = indent + pad(label, width) + "  "
            lines.extend(wrap(value, first=head, indent=" " * display_width(head)))
        return lines

    def bullet(self, text: str, *, indent: str = "  ") -> list[str]:
        return wrap(text, first=indent + "- ", indent=indent + "  ")

    def join(self, items: Iterable[str]) -> str:
        return ("；" if self.zh else "; ").join(items)

    def aside(self, items: Iterable[str]) -> str:
        """`` (a, b)`` or ``（a，b）``; empty when there is nothing to say."""
        parts = [item for item in items if item]
        if not parts:
            return ""
        return f"（{'，'.join(parts)}）" if self.zh else f" ({', '.join(parts)})"

    def yes_no(self, value: bool | None) -> str:
        if value is None:
            return "?"
        return self.t("yes") if value else self.t("no")

    def fact(self, name: str) -> str:
        """A fact in words: ``主体下还有其他网站``; ``[name]`` when the data has none."""
        text = self.fact_names.get(str(name))
        return text.get(self.lang) if text is not None else f"[{name}]"

    def failure(self, failure_id: str) -> str:
        """A failure in words with its id in brackets."""
        text = self.failure_names.get(str(failure_id))
        return f"{text.get(self.lang)} [{failure_id}]" if text is not None else f"[{failure_id}]"

    def facts(self, pairs: Iterable[tuple[str, bool | None]]) -> str:
        """``主体下还有其他网站：是，原接入商可以联系：否``."""
        return ("，" if self.zh else ", ").join(
            f"{self.fact(name)}{'：' if self.zh else ': '}{self.yes_no(value)}" for name, value in pairs
        )

    def who(self, source: Source) -> str:
        """The publisher in words and the source's id in brackets: ``腾讯云 [tc-cn-bj]``."""
        return f"{source.provider_name.get(self.lang)} [{source.id}]"

    def provider(self, provider_id: str) -> str:
        """A provider in words with its id in brackets: ``阿里云 [alibaba_cloud]``."""
        text = self.provider_names.get(provider_id)
        return f"{text.get(self.lang)} [{provider_id}]" if text is not None else f"[{provider_id}]"

    def when(self, day: dt.date | None, *, bound: bool = False) -> str:
        """A statement's date: ``2019-09-12``, ``不早于 2021-01-21`` for a bound, or undated."""
        if day is None:
            return self.t("undated")
        return self.t("date_bound", d=day.isoformat()) if bound else day.isoformat()

    def deadline(self, days: int | None) -> str:
        return "" if days is None else self.t("deadline", n=days)

    def province(self, province: Province) -> str:
        if self.zh:
            return f"{province.name}（{province.code}，{province.name_en}）"
        return f"{province.name_en} ({province.name}, {province.code})"

    def change(self, change: Change) -> str:
        text = self.change_names.get(change)
        return text.get(self.lang) if text is not None else f"[{change.value}]"

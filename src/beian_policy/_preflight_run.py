"""The state of one ``preflight`` run, and how a check adds a finding to it: from a
national rule, from a province check (``blocks``, or ``warning`` when only historical
sources state it; disputes named), or as a ``check`` for a fact not given."""

from __future__ import annotations

import datetime as dt

import attrs

from ._application import Application
from ._enums import Severity, SubjectKind
from ._finding import Finding
from ._ids import FindingId
from ._model import NationalRule, Province, ProvinceCheck, ProvinceRules, Source, Text
from ._policy import Policy
from ._vocab import CheckKind, RuleId

__all__ = ["Run", "covers", "join"]


@attrs.frozen
class Run:
    """One preflight: the application, the province's rules and the findings so far."""

    app: Application
    province: Province
    rules: ProvinceRules
    policy: Policy
    as_of: dt.date
    findings: list[Finding] = attrs.field(factory=list)

    @property
    def rules_day(self) -> dt.date:
        """The day rules are read for: :attr:`as_of`, but never later than the data's date."""
        return min(self.as_of, self.policy.as_of)

    def national(self, rule: RuleId) -> NationalRule:
        return self.policy.national_rule(rule.value)

    def checks(self, kind: CheckKind) -> tuple[ProvinceCheck, ...]:
        return tuple(c for c in self.rules.checks if c.kind is kind)

    def add(
        self,
        finding_id: FindingId,
        severity: Severity,
        text: Text,
        fix: Text,
        *,
        field: str | None,
        rule: str | None = None,
        sources: tuple[Source, ...] = (),
        disputed: bool = False,
    ) -> None:
        self.findings.append(Finding(finding_id, severity, text, field, rule, sources, fix, disputed))

    def add_from_check(
        self, finding_id: FindingId, check: ProvinceCheck, text: Text, fix: Text, *, field: str | None
    ) -> None:
        """A province check failed: ``blocks``, or ``warning`` when only historical
        sources state the rule; a dispute is named in the text."""
        current = any(s.is_current for s in check.sources)
        severity = Severity.BLOCKS if current else Severity.WARNING
        if not current:
            text = join(text, Text("（仅有较早的来源这样说）", " (only older sources state this)"))
        if check.disputed:
            text = join(text, _dispute_text(check))
        self.add(
            finding_id,
            severity,
            text,
            fix,
            field=field,
            rule=self.rule_for(check),
            sources=check.sources + tuple(c.source for c in check.claims),
            disputed=check.disputed,
        )

    def unknown(
        self,
        finding_id: FindingId,
        field: str,
        what: Text,
        *,
        rule: str | None = None,
        sources: tuple[Source, ...] = (),
    ) -> None:
        """A fact the rule needs is not given: check it."""
        self.add(
            finding_id,
            Severity.CHECK,
            join(Text("未提供：", "Not given: "), what),
            Text("补充这一信息后再检查一次。", "Add this fact and run the check again."),
            field=field,
            rule=rule,
            sources=sources,
        )

    def unknown_for(
        self, finding_id: FindingId, check: ProvinceCheck, covered: bool | None, field: str, what: Text
    ) -> None:
        """:meth:`unknown` for *check*: the subject kind is the missing fact while it
        decides whether the check applies (*covered* None), else *field*."""
        self.unknown(
            finding_id,
            "subject_kind" if covered is None else field,
            what,
            rule=self.rule_for(check),
            sources=check.sources,
        )

    def require_letter(
        self, check: ProvinceCheck, why: Text, *, or_else: Text | None = None, field: str = "documents_ready"
    ) -> None:
        """The letter *check* names is needed (*why*, followed by its title): check it
        when ``documents_ready`` is not given; missing, at *field*, when it is not listed
        there. The fix is to list it, *or_else* what the applicant may do instead."""
        ready = self.app.documents_ready
        if ready is None:
            self.unknown(
                FindingId.DOCUMENT_MISSING,
                "documents_ready",
                join(Text("是否已准备：", "whether this is ready: "), check.text, Text("。", ".")),
                rule=self.rule_for(check),
                sources=check.sources,
            )
        elif check.document not in ready:
            document = check.document
            assert document is not None  # every caller skips a check that names no letter
            fix = join(
                Text("准备好后在 documents_ready 中列出 ", "Prepare it, then list "), Text(document, document)
            )
            if or_else is None:
                fix = join(fix, Text("。", " in documents_ready."))
            else:
                fix = join(fix, Text("；或", " in documents_ready; or "), or_else)
            text = join(why, check.text, Text("。", "."))
            self.add_from_check(FindingId.DOCUMENT_MISSING, check, text, fix, field=field)

    def rule_for(self, check: ProvinceCheck) -> str:
        """The id a finding cites for *check*: ``CN-SH/domain_min_days``; a letter adds
        its id: ``CN-GD/document/gd_commitment``."""
        suffix = f"/{check.document}" if check.document else ""
        return f"{self.province.code}/{check.kind.value}{suffix}"

    @property
    def where(self) -> Text:
        return self.province.display_name


def join(*parts: Text) -> Text:
    return Text("".join(p.zh for p in parts), "".join(p.en for p in parts))


def _dispute_text(check: ProvinceCheck) -> Text:
    against = [
        c for c in check.claims if c.holds is False or (c.value is not None and c.value != check.value)
    ]

    def said(lang: str, sep: str) -> str:
        return "; ".join(
            f"{c.source.provider_name.get(lang)} ({c.source.id})"
            + (f"{sep}{c.note.get(lang)}" if c.note is not None else "")
            for c in against
        )

    return Text(f"（来源说法不一：{said('zh', '：')}）", f" (sources disagree: {said('en', ': ')})")


def covers(run: Run, check: ProvinceCheck) -> bool | None:
    """Whether *check* concerns this subject: None when the kind is unknown and it
    concerns only one kind."""
    if run.app.subject_kind is None:
        return True if len(check.applies_to) == len(SubjectKind) else None
    return check.covers(run.app.subject_kind)

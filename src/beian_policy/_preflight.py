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

from ._application import Application, Domain, Person, Registrant, read_application
from ._data._loader import resolve_policy
from ._enums import Severity, SubjectKind
from ._finding import Finding, Preflight
from ._footer import check_footer
from ._model import CheckClaim, NationalRule, Province, ProvinceCheck, ProvinceRules, Source, Text
from ._numbers import birth_date_from_id, domain_to_unicode, phone_region, valid_resident_id, valid_uscc
from ._policy import Policy
from ._provinces import resolve_province
from ._vocab import CheckKind, FindingId, RuleId, Trigger
from .errors import ArgumentTypeError, InvalidApplicationError, InvalidIcpNumberError

__all__ = ["preflight"]

_ORDER = {severity: index for index, severity in enumerate(Severity)}
_INDIVIDUAL_CERTIFICATES = frozenset({"居民身份证", "身份证", "id_card", "resident_id"})
_ORGANISATION_CERTIFICATES = frozenset({"统一社会信用代码", "营业执照", "uscc", "business_licence"})


@attrs.frozen
class _Run:
    """One preflight: the application, the province's rules and the findings so far."""

    app: Application
    province: Province
    rules: ProvinceRules
    policy: Policy
    as_of: dt.date
    findings: list[Finding] = attrs.field(factory=list)

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
            text = _join(text, Text("（仅有较早的来源这样说）", " (only older sources state this)"))
        if check.disputed:
            text = _join(text, _dispute_text(check))
        self.add(
            finding_id,
            severity,
            text,
            fix,
            field=field,
            rule=_rule_id(self.province, check),
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
            _join(Text("未提供：", "Not given: "), what),
            Text("补充这一信息后再检查一次。", "Add this fact and run the check again."),
            field=field,
            rule=rule,
            sources=sources,
        )

    @property
    def where(self) -> Text:
        return self.province.display_name


def _rule_id(province: Province, check: ProvinceCheck) -> str:
    """``CN-SH/domain_min_days``; a letter adds its id: ``CN-GD/document/gd_commitment``."""
    suffix = f"/{check.document}" if check.document else ""
    return f"{province.code}/{check.kind.value}{suffix}"


def _join(*parts: Text) -> Text:
    return Text("".join(p.zh for p in parts), "".join(p.en for p in parts))


def _dispute_text(check: ProvinceCheck) -> Text:
    others = "; ".join(
        f"{c.source.provider} ({c.source.id})" + (f": {c.note}" if c.note else "")
        for c in check.claims
        if c.holds is False or (c.value is not None and c.value != check.value)
    )
    return Text(f"（来源说法不一：{others}）", f" (sources disagree: {others})")


def preflight(
    province: Province | str,
    application: Application | Mapping[str, Any],
    *,
    as_of: dt.date | None = None,
    policy: Policy | None = None,
) -> Preflight:
    """Check *application* (an :class:`Application` or a dict as parsed from TOML or
    JSON) for a transfer in *province*, as of *as_of* (default: today).

    Returns a :class:`Preflight` whose ``findings`` say what blocks, what to check
    and what to know, each with its rule, sources and fix. Needs the ``preflight``
    extra for the number checks (``pip install 'beian-policy[preflight]'``).
    """
    pol = resolve_policy(policy)
    where = resolve_province(province, policy=pol)
    app = read_application(application, policy=pol)
    if as_of is not None and (not isinstance(as_of, dt.date) or isinstance(as_of, dt.datetime)):
        raise ArgumentTypeError("as_of", as_of, ["a datetime.date", "None (today)"])
    run = _Run(app, where, pol.rules_for(where), pol, as_of or dt.date.today())
    for check in _CHECKS:
        check(run)
    findings = sorted(run.findings, key=lambda f: _ORDER[f.severity])
    return Preflight(where, tuple(findings), run.as_of, pol.data_version)


# --------------------------------------------------------------------------------------
# The subject and its owners.
# --------------------------------------------------------------------------------------


def _subject_kind(run: _Run) -> None:
    if run.app.subject_kind is None:
        run.unknown(
            FindingId.SUBJECT_KIND_UNKNOWN,
            "subject_kind",
            Text(
                "主体性质（单位或个人），多项省规则取决于它。",
                "the subject kind (organisation or individual); several province rules depend on it.",
            ),
        )


def _certificate(run: _Run) -> None:
    number = run.app.certificate_number
    if number is None:
        run.unknown(
            FindingId.CERTIFICATE_NUMBER_INVALID,
            "certificate_number",
            Text("主办单位证件号码。", "the subject's certificate number."),
        )
        return
    kind, ctype = run.app.subject_kind, run.app.certificate_type
    text = number.strip().upper()
    if ctype in _INDIVIDUAL_CERTIFICATES or (ctype is None and kind is SubjectKind.INDIVIDUAL):
        valid, name = (
            valid_resident_id(text),
            Text("居民身份证号码（GB 11643）", "resident ID number (GB 11643)"),
        )
    elif ctype in _ORGANISATION_CERTIFICATES or (ctype is None and kind is SubjectKind.ORGANISATION):
        valid, name = (
            valid_uscc(text),
            Text("统一社会信用代码（GB 32100）", "unified social credit code (GB 32100)"),
        )
    elif ctype is None:
        valid = valid_resident_id(text) or valid_uscc(text)
        name = Text("身份证号码或统一社会信用代码", "resident ID number or unified social credit code")
    else:
        return  # another certificate (passport, old organisation code): no checksum to test
    if not valid:
        run.add(
            FindingId.CERTIFICATE_NUMBER_INVALID,
            Severity.BLOCKS,
            _join(
                Text("证件号码不是有效的", "The certificate number is not a valid "),
                name,
                Text("：校验位、日期或格式不对。", ": its check digit, date or format is wrong."),
            ),
            Text("对照证件原件重新填写号码。", "Copy the number again from the original certificate."),
            field="certificate_number",
        )


def _id_numbers(run: _Run) -> None:
    for field, person in run.app.people:
        if person.id_number is None:
            run.unknown(
                FindingId.ID_NUMBER_INVALID,
                f"{field}.id_number",
                Text("负责人身份证号码。", "the owner's ID number."),
            )
        elif not valid_resident_id(person.id_number.strip().upper()):
            run.add(
                FindingId.ID_NUMBER_INVALID,
                Severity.BLOCKS,
                Text(
                    "负责人身份证号码无效（GB 11643 校验位、出生日期或格式不对）。",
                    "The owner's ID number is not valid (GB 11643 check digit, birth date or format).",
                ),
                Text(
                    "对照身份证原件重新填写；非居民身份证请注明证件类型。",
                    "Copy it again from the ID card; for another document, say which.",
                ),
                field=f"{field}.id_number",
            )


def _covers(run: _Run, check: ProvinceCheck) -> bool | None:
    """Whether *check* concerns this subject: None when the kind is unknown and it
    concerns only one kind."""
    if run.app.subject_kind is None:
        return True if len(check.applies_to) == len(SubjectKind) else None
    return check.covers(run.app.subject_kind)


def _id_local(run: _Run) -> None:
    for check in run.checks(CheckKind.ID_LOCAL):
        covered = _covers(run, check)
        if covered is False:
            continue
        owner = run.app.subject_owner
        if covered is None:
            run.unknown(
                FindingId.ID_NOT_LOCAL,
                "subject_kind",
                Text(
                    f"主体性质：{run.where.zh}对个人的身份证所在地有要求。",
                    f"the subject kind: {run.where.en} has a rule on where an individual's ID was issued.",
                ),
                rule=f"{run.province.code}/id_local",
                sources=check.sources,
            )
            continue
        if owner is None or owner.id_province is None:
            run.unknown(
                FindingId.ID_NOT_LOCAL,
                "subject_owner.id_province",
                Text("身份证签发省份。", "the province that issued the owner's ID card."),
                rule=f"{run.province.code}/id_local",
                sources=check.sources,
            )
            continue
        if owner.id_province == run.province.code:
            continue
        alternatives = check.text
        if alternatives.zh and owner.residence_permit_province == run.province.code:
            run.add(
                FindingId.ID_NOT_LOCAL,
                Severity.INFO,
                Text(
                    f"外省身份证：需同时提交{alternatives.zh}。",
                    f"ID from another province: also submit {alternatives.en}.",
                ),
                Text(f"准备好{alternatives.zh}。", f"Have {alternatives.en} ready."),
                field="subject_owner.id_province",
                rule=f"{run.province.code}/id_local",
                sources=check.sources,
            )
            continue
        if alternatives.zh:
            text = Text(
                f"{run.where.zh}的个人备案要求本地身份证，或提供：{alternatives.zh}。",
                f"{run.where.en} accepts individuals with an ID from elsewhere only with {alternatives.en}.",
            )
            fix = Text(
                f"提交{alternatives.zh}；没有则不能在{run.where.zh}以个人身份备案。",
                f"Submit {alternatives.en}; without it, an individual cannot file in {run.where.en}.",
            )
        else:
            text = Text(
                f"{run.where.zh}的个人备案只接受本地身份证。",
                f"{run.where.en} accepts individuals only with a local ID card.",
            )
            fix = Text(
                "在身份证签发省份备案，或以单位名义备案。",
                "File in the province that issued the ID card, or file as an organisation.",
            )
        run.add_from_check(FindingId.ID_NOT_LOCAL, check, text, fix, field="subject_owner.id_province")


def _province_of_phone(run: _Run, person: Person) -> tuple[str | None, bool]:
    """The phone's province code (given, or from libphonenumber), and whether the
    number is valid (True when only the province is given)."""
    if person.phone_province is not None:
        return person.phone_province, True
    if person.phone is None:
        return None, True
    valid, place = phone_region(person.phone)
    if not valid:
        return None, False
    for rules in run.policy.rules:
        if place.startswith(rules.province.name) or place.startswith(rules.province.short_name):
            return rules.province.code, True
    return None, True


def _phones(run: _Run) -> None:
    local = [c for c in run.checks(CheckKind.PHONE_LOCAL) if _covers(run, c) is not False]
    for field, person in run.app.people:
        code, valid = _province_of_phone(run, person)
        if not valid:
            run.add(
                FindingId.PHONE_INVALID,
                Severity.BLOCKS,
                Text("手机号码不是有效的中国大陆号码。", "The phone is not a valid mainland China number."),
                Text(
                    "填写本人实名登记的大陆手机号码。",
                    "Give the owner's own real-name mainland mobile number.",
                ),
                field=f"{field}.phone",
            )
            continue
        for check in local:
            rule = f"{run.province.code}/phone_local"
            if _covers(run, check) is None:
                run.unknown(
                    FindingId.PHONE_NOT_LOCAL,
                    "subject_kind",
                    Text(
                        f"主体性质：{run.where.zh}对个人的手机号码归属地有要求。",
                        f"the subject kind: {run.where.en} has a rule on individuals' phone numbers.",
                    ),
                    rule=rule,
                    sources=check.sources,
                )
            elif code is None:
                what = (
                    Text(
                        "手机号码归属地（无法从号码判断）。",
                        "where the phone is registered (the number does not tell).",
                    )
                    if person.phone
                    else Text("手机号码。", "the phone number.")
                )
                run.unknown(
                    FindingId.PHONE_NOT_LOCAL,
                    f"{field}.phone_province",
                    what,
                    rule=rule,
                    sources=check.sources,
                )
            elif code != run.province.code:
                run.add_from_check(
                    FindingId.PHONE_NOT_LOCAL,
                    check,
                    Text(
                        f"{run.where.zh}要求负责人使用本地手机号码。",
                        f"{run.where.en} requires owners' phones to be local numbers.",
                    ),
                    Text(
                        f"换用{run.where.zh}号段的手机号码。",
                        f"Use a mobile number registered in {run.where.en}.",
                    ),
                    field=f"{field}.phone",
                )


def _age(person: Person, on: dt.date) -> int | None:
    born = person.birth_date
    if born is None and person.id_number is not None:
        born = birth_date_from_id(person.id_number.strip().upper())
    if born is None:
        return person.age
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _ages(run: _Run) -> None:
    for kind, finding_id in (
        (CheckKind.MIN_AGE, FindingId.OWNER_TOO_YOUNG),
        (CheckKind.MAX_AGE, FindingId.OWNER_TOO_OLD),
    ):
        for check in run.checks(kind):
            if _covers(run, check) is False or check.value is None:
                continue
            rule = f"{run.province.code}/{kind.value}"
            # A maximum age concerns the website owner (the person who answers for the site).
            people = (
                run.app.people
                if kind is CheckKind.MIN_AGE
                else tuple(p for p in run.app.people if p[0] == "website_owner")
            )
            if not people:
                field = "subject_owner" if kind is CheckKind.MIN_AGE else "website_owner"
                run.unknown(
                    finding_id,
                    f"{field}.birth_date",
                    Text("负责人出生日期或年龄。", "the owner's birth date or age."),
                    rule=rule,
                    sources=check.sources,
                )
            for field, person in people:
                age = _age(person, run.as_of)
                if age is None:
                    run.unknown(
                        finding_id,
                        f"{field}.birth_date",
                        Text("负责人出生日期或年龄。", "the owner's birth date or age."),
                        rule=rule,
                        sources=check.sources,
                    )
                elif kind is CheckKind.MIN_AGE and age < check.value:
                    run.add_from_check(
                        finding_id,
                        check,
                        Text(
                            f"{run.where.zh}要求负责人年满{check.value}周岁（现为{age}岁）。",
                            f"{run.where.en} requires owners aged {check.value} or more (this one is {age}).",
                        ),
                        Text("换一位符合年龄要求的负责人。", "Name an owner who meets the age rule."),
                        field=f"{field}.birth_date",
                    )
                elif kind is CheckKind.MAX_AGE and age > check.value:
                    run.add_from_check(
                        finding_id,
                        check,
                        Text(
                            f"{run.where.zh}要求网站负责人不超过{check.value}岁（现为{age}岁）。",
                            f"{run.where.en} allows website owners up to {check.value} (here {age}).",
                        ),
                        Text(
                            "换一位符合年龄要求的网站负责人。", "Name a website owner who meets the age rule."
                        ),
                        field=f"{field}.birth_date",
                    )


# --------------------------------------------------------------------------------------
# Websites and domains.
# --------------------------------------------------------------------------------------


def _fileable_suffix(name: str, suffixes: tuple[str, ...]) -> bool:
    return any(name.endswith(suffix) for suffix in suffixes)


def _domains(run: _Run) -> None:
    if not run.app.websites:
        run.unknown(
            FindingId.WEBSITE_DOMAINS_UNKNOWN,
            "websites",
            Text("要接入的网站及其域名。", "the websites to transfer and their domains."),
        )
    one_domain = run.national(RuleId.ONE_DOMAIN_PER_WEBSITE)
    for w, website in enumerate(run.app.websites):
        if not website.domains:
            run.unknown(
                FindingId.WEBSITE_DOMAINS_UNKNOWN,
                f"websites[{w}].domains",
                Text("网站的域名。", "the website's domain."),
            )
        elif len(website.domains) > 1 and one_domain.date is not None and run.as_of >= one_domain.date:
            run.add(
                FindingId.TOO_MANY_DOMAINS,
                Severity.BLOCKS,
                Text(
                    f"一个网站列了{len(website.domains)}个域名；自{one_domain.date.isoformat()}起一个网站（一个备案号）只对应一个域名。",
                    f"A website lists {len(website.domains)} domains; since {one_domain.date.isoformat()} "
                    "one website (one filing number) has exactly one domain.",
                ),
                Text("每个域名作为一个单独的网站备案。", "File each domain as a website of its own."),
                field=f"websites[{w}].domains",
                rule=one_domain.id,
                sources=one_domain.sources,
            )
        for d, domain in enumerate(website.domains):
            _domain(run, f"websites[{w}].domains[{d}]", domain)


def _domain(run: _Run, field: str, domain: Domain) -> None:
    _domain_name(run, field, domain)
    _domain_dates(run, field, domain)
    _domain_holder(run, field, domain)


def _domain_name(run: _Run, field: str, domain: Domain) -> None:
    tlds = run.national(RuleId.FILEABLE_TLDS)
    if domain.name is None:
        run.unknown(
            FindingId.DOMAIN_TLD_NOT_FILEABLE,
            f"{field}.name",
            Text("域名。", "the domain name."),
            rule=tlds.id,
            sources=tlds.sources,
        )
        return
    name = domain_to_unicode(domain.name)
    if name is None:
        run.add(
            FindingId.DOMAIN_NAME_INVALID,
            Severity.BLOCKS,
            Text(
                f"{domain.name!r} 不是有效的域名（IDNA 2008）。",
                f"{domain.name!r} is not a valid domain name (IDNA 2008).",
            ),
            Text(
                "填写注册的域名本身，例如 example.com。",
                "Give the registered domain itself, such as example.com.",
            ),
            field=f"{field}.name",
        )
        return
    if not _fileable_suffix(name, tlds.suffixes):
        date = tlds.date.isoformat() if tlds.date else "?"
        run.add(
            FindingId.DOMAIN_TLD_NOT_FILEABLE,
            Severity.BLOCKS,
            Text(
                f"{name} 的后缀不在可备案后缀列表中（{date} 的快照）。",
                f"The suffix of {name} is not on the fileable-suffix list (snapshot of {date}).",
            ),
            Text(
                "换用可备案后缀的域名（如 .cn、.com）；批复可能已变，请以工信部域名信息公示为准。",
                "Use a domain with a fileable suffix (such as .cn or .com); approvals may have changed "
                "since, so confirm against MIIT's public domain listing.",
            ),
            field=f"{field}.name",
            rule=tlds.id,
            sources=tlds.sources,
        )


def _domain_dates(run: _Run, field: str, domain: Domain) -> None:
    validity = run.national(RuleId.DOMAIN_VALIDITY)
    days, rule, sources, disputed = validity.days or 0, validity.id, validity.sources, False
    province_check = None
    for check in run.checks(CheckKind.DOMAIN_MIN_DAYS):
        if check.value is not None and check.value > days:
            days, rule, sources, disputed, province_check = (
                check.value,
                f"{run.province.code}/domain_min_days",
                check.sources + tuple(c.source for c in check.claims),
                check.disputed,
                check,
            )
    if domain.expires_on is None:
        run.unknown(
            FindingId.DOMAIN_EXPIRES_TOO_SOON,
            f"{field}.expires_on",
            Text("域名到期日。", "the domain's expiry date."),
            rule=rule,
            sources=sources,
        )
    elif (left := (domain.expires_on - run.as_of).days) <= days:
        text = Text(
            f"域名距到期只剩{left}天；{run.where.zh}要求多于{days}天。",
            f"The domain expires in {left} days; {run.where.en} needs more than {days}.",
        )
        fix = Text("先续费域名再提交。", "Renew the domain before submitting.")
        if province_check is not None:
            run.add_from_check(
                FindingId.DOMAIN_EXPIRES_TOO_SOON, province_check, text, fix, field=f"{field}.expires_on"
            )
        else:
            run.add(
                FindingId.DOMAIN_EXPIRES_TOO_SOON,
                Severity.BLOCKS,
                text,
                fix,
                field=f"{field}.expires_on",
                rule=rule,
                sources=sources,
                disputed=disputed,
            )
    real_name = run.national(RuleId.DOMAIN_REAL_NAME_AGE)
    wait = real_name.days or 0
    if domain.real_name_verified_on is None:
        run.unknown(
            FindingId.DOMAIN_REAL_NAME_TOO_RECENT,
            f"{field}.real_name_verified_on",
            Text("域名实名认证完成日期。", "the date the domain's real-name verification completed."),
            rule=real_name.id,
            sources=real_name.sources,
        )
    elif (run.as_of - domain.real_name_verified_on).days < wait:
        ready = domain.real_name_verified_on + dt.timedelta(days=wait)
        run.add(
            FindingId.DOMAIN_REAL_NAME_TOO_RECENT,
            Severity.BLOCKS,
            Text(
                f"域名实名认证未满{wait}天。",
                f"The domain's real-name verification is less than {wait} days old.",
            ),
            Text(f"{ready.isoformat()} 之后再提交。", f"Submit on or after {ready.isoformat()}."),
            field=f"{field}.real_name_verified_on",
            rule=real_name.id,
            sources=real_name.sources,
        )


def _domain_holder(run: _Run, field: str, domain: Domain) -> None:
    owner_rule = run.national(RuleId.DOMAIN_OWNER_MUST_MATCH_SUBJECT)
    tlds = run.national(RuleId.FILEABLE_TLDS)  # the same page says who may hold the domain
    sources = owner_rule.sources + tlds.sources
    registrant, kind = domain.registrant, run.app.subject_kind
    mismatch = Text(
        "在注册商处把域名持有者改为备案主体，实名认证同步后再提交。",
        "Change the domain holder to the filing subject at the registrar and submit once the "
        "real-name record has synchronised.",
    )
    if registrant is None:
        run.unknown(
            FindingId.DOMAIN_REGISTRANT_MISMATCH,
            f"{field}.registrant",
            Text(
                "域名持有者（主体、法定代表人或其他）。",
                "who holds the domain (the subject, the legal representative, or another).",
            ),
            rule=owner_rule.id,
            sources=sources,
        )
    elif registrant is Registrant.OTHER or (
        registrant is Registrant.LEGAL_REPRESENTATIVE and kind is SubjectKind.INDIVIDUAL
    ):
        run.add(
            FindingId.DOMAIN_REGISTRANT_MISMATCH,
            Severity.BLOCKS,
            Text("域名持有者不是备案主体。", "The domain is not held by the filing subject."),
            mismatch,
            field=f"{field}.registrant",
            rule=owner_rule.id,
            sources=sources,
        )
    elif registrant is Registrant.LEGAL_REPRESENTATIVE:
        strict = run.checks(CheckKind.REGISTRANT_SUBJECT_ONLY)
        if kind is None:
            run.unknown(
                FindingId.DOMAIN_REGISTRANT_MISMATCH,
                "subject_kind",
                Text(
                    "主体性质：法定代表人持有的域名只适用于单位。",
                    "the subject kind: a domain held by the legal representative suits organisations only.",
                ),
                rule=owner_rule.id,
                sources=sources,
            )
        for check in strict:
            run.add_from_check(
                FindingId.DOMAIN_REGISTRANT_MISMATCH,
                check,
                Text(
                    f"{run.where.zh}要求域名持有者就是主办单位，不接受法定代表人。",
                    f"{run.where.en} requires the organisation itself to hold the domain, not its legal "
                    "representative.",
                ),
                mismatch,
                field=f"{field}.registrant",
            )
        accepted = run.checks(CheckKind.REGISTRANT_LEGAL_REPRESENTATIVE_ACCEPTED)
        if not strict and not accepted:
            run.add(
                FindingId.DOMAIN_REGISTRANT_MISMATCH,
                Severity.INFO,
                Text(
                    f"域名由法定代表人持有：腾讯云的域名说明接受这种情况，但{run.where.zh}的规则未提及。",
                    "The legal representative holds the domain: Tencent's domain page accepts this for "
                    f"organisations, but no {run.where.en} source says so.",
                ),
                Text(
                    "如接入商要求，把域名持有者改为主办单位。",
                    "If the provider asks, move the domain to the organisation itself.",
                ),
                field=f"{field}.registrant",
                rule=tlds.id,
                sources=tlds.sources,
            )
    _registrar(run, field, domain)
    _privacy(run, field, domain)


def _registrar(run: _Run, field: str, domain: Domain) -> None:
    rule = run.national(RuleId.OVERSEAS_DOMAIN_NOT_ACCEPTED)
    if domain.registrar_domestic is None:
        run.unknown(
            FindingId.DOMAIN_REGISTRAR_OVERSEAS,
            f"{field}.registrar_domestic",
            Text(
                "域名注册商是否为境内有资质的注册商。", "whether the registrar is an approved domestic one."
            ),
            rule=rule.id,
            sources=rule.sources,
        )
    elif not domain.registrar_domestic:
        run.add(
            FindingId.DOMAIN_REGISTRAR_OVERSEAS,
            Severity.BLOCKS,
            Text(
                "域名在境外注册商，不能直接备案。",
                "The domain is at an overseas registrar and cannot be filed as it is.",
            ),
            Text(
                "先把域名转入境内有资质的注册商。", "Move the domain to an approved domestic registrar first."
            ),
            field=f"{field}.registrar_domestic",
            rule=rule.id,
            sources=rule.sources,
        )


def _privacy(run: _Run, field: str, domain: Domain) -> None:
    for check in run.checks(CheckKind.PRIVACY_PROTECTION_OFF):
        if domain.privacy_protection is None:
            run.unknown(
                FindingId.DOMAIN_PRIVACY_PROTECTION_ON,
                f"{field}.privacy_protection",
                Text("域名是否开启了隐私保护。", "whether WHOIS privacy protection is on."),
                rule=f"{run.province.code}/privacy_protection_off",
                sources=check.sources,
            )
        elif domain.privacy_protection:
            run.add_from_check(
                FindingId.DOMAIN_PRIVACY_PROTECTION_ON,
                check,
                Text(
                    f"{run.where.zh}要求备案期间关闭域名隐私保护。",
                    f"{run.where.en} asks for WHOIS privacy to be off while the filing is reviewed.",
                ),
                Text(
                    "在注册商处关闭隐私保护，审核通过后再开启。",
                    "Turn privacy protection off at the registrar until the filing is approved.",
                ),
                field=f"{field}.privacy_protection",
            )


def _website_counts(run: _Run) -> None:
    for check in run.checks(CheckKind.WEBSITES_PER_ORDER):
        if _covers(run, check) is False or check.value is None:
            continue
        if not run.app.websites:
            continue  # reported once by the domain checks
        if len(run.app.websites) > check.value:
            run.add_from_check(
                FindingId.TOO_MANY_WEBSITES,
                check,
                Text(
                    f"{run.where.zh}每次只能提交{check.value}个网站（本次{len(run.app.websites)}个）。",
                    f"{run.where.en} takes {check.value} website(s) per application "
                    f"({len(run.app.websites)} given).",
                ),
                Text("分成几次提交。", "Split them over several applications."),
                field="websites",
            )


def _pre_approval(run: _Run) -> None:
    rule = run.national(RuleId.PREAPPROVAL_FOR_REGULATED)
    for w, website in enumerate(run.app.websites):
        field = f"websites[{w}]"
        if website.pre_approval_needed is None:
            run.unknown(
                FindingId.PRE_APPROVAL_MISSING,
                f"{field}.pre_approval_needed",
                Text(
                    "网站内容是否属于需前置审批的行业（新闻、出版、药品、医疗、金融、文化等）。",
                    "whether the site is in a regulated industry (news, publishing, medicine, health, "
                    "finance, culture...).",
                ),
                rule=rule.id,
                sources=rule.sources,
            )
        elif website.pre_approval_needed and website.pre_approval_held is None:
            run.unknown(
                FindingId.PRE_APPROVAL_MISSING,
                f"{field}.pre_approval_held",
                Text("是否已取得前置审批文件。", "whether the pre-approval has been obtained."),
                rule=rule.id,
                sources=rule.sources,
            )
        elif website.pre_approval_needed and not website.pre_approval_held:
            run.add(
                FindingId.PRE_APPROVAL_MISSING,
                Severity.BLOCKS,
                Text("网站需要前置审批，但尚未取得。", "The website needs a pre-approval it does not have."),
                Text(
                    "先向主管部门办理前置审批，并在申请中填写审批号、上传文件。",
                    "Obtain the pre-approval from the regulator, then enter its number and upload it in "
                    "the application.",
                ),
                field=f"{field}.pre_approval_held",
                rule=rule.id,
                sources=rule.sources,
            )


def _letters(run: _Run) -> tuple[ProvinceCheck, ...]:
    """The province's letters: its ``document`` checks, and the requirements every
    transfer triggers (``trigger = "always"``: a letter or certificate to prepare),
    named by the requirement's id and titled by its step."""
    from_requirements = tuple(
        ProvinceCheck(
            kind=CheckKind.DOCUMENT,
            sources=req.sources,
            document=req.id,
            text=run.policy.step_info(req.step).title,
            applies_to=req.applies_to,
            claims=tuple(CheckClaim(c.source, holds=c.value, note=c.note) for c in req.claims),
            note=req.note,
        )
        for req in run.rules.requirements
        if req.trigger is Trigger.ALWAYS and req.step is not None
    )
    return run.checks(CheckKind.DOCUMENT) + from_requirements


def _documents(run: _Run) -> None:
    for check in _letters(run):
        covered = _covers(run, check)
        if covered is False or check.document is None:
            continue
        rule = f"{run.province.code}/document/{check.document}"
        ready = run.app.documents_ready
        if ready is None or covered is None:
            field = "documents_ready" if ready is None else "subject_kind"
            run.unknown(
                FindingId.DOCUMENT_MISSING,
                field,
                _join(Text("是否已准备：", "whether this is ready: "), check.text, Text("。", ".")),
                rule=rule,
                sources=check.sources,
            )
        elif check.document not in ready:
            run.add_from_check(
                FindingId.DOCUMENT_MISSING,
                check,
                _join(
                    Text(f"{run.where.zh}要求提交：", f"{run.where.en} requires: "),
                    check.text,
                    Text("。", "."),
                ),
                _join(
                    Text("准备好后在 documents_ready 中列出 ", "Prepare it, then list "),
                    Text(check.document, check.document),
                    Text("。", " in documents_ready."),
                ),
                field="documents_ready",
            )


def _footers(run: _Run) -> None:
    """A transferred website is already filed: where its page is given, its footer
    must show the number linked to MIIT (the same check as ``check_footer``)."""
    rule = run.national(RuleId.FOOTER_NUMBER_LINKED)
    for w, website in enumerate(run.app.websites):
        if website.footer_html is None:
            continue
        if website.icp_number is None:
            run.unknown(
                FindingId.FOOTER_NUMBER_MISSING,
                f"websites[{w}].icp_number",
                Text("网站的备案号（用于检查页脚）。", "the website's filing number (to check its footer)."),
                rule=rule.id,
                sources=rule.sources,
            )
            continue
        try:
            footer = check_footer(website.footer_html, website.icp_number, as_of=run.as_of, policy=run.policy)
        except InvalidIcpNumberError as exc:
            raise InvalidApplicationError([(f"websites[{w}].icp_number", str(exc))]) from None
        run.findings.extend(attrs.evolve(f, field=f"websites[{w}].footer_html") for f in footer.findings)


_CHECKS = (
    _subject_kind,
    _certificate,
    _id_numbers,
    _id_local,
    _phones,
    _ages,
    _domains,
    _website_counts,
    _pre_approval,
    _documents,
    _footers,
)

"""The preflight checks of the websites: domains (suffix, dates, holder, registrar,
privacy), websites per order, pre-approval, letters, and footers."""

from __future__ import annotations

import datetime as dt

import attrs

from ._application import Domain, Registrant
from ._enums import Severity, SubjectKind
from ._footer import check_footer
from ._ids import FindingId
from ._model import CheckClaim, ProvinceCheck, Requirement, Text
from ._numbers import domain_to_unicode
from ._preflight_run import Run, covers, join
from ._vocab import CheckKind, RuleId, Trigger
from .errors import InvalidApplicationError, InvalidIcpNumberError, shown

__all__ = ["SITE_CHECKS"]


# --------------------------------------------------------------------------------------
# Websites and domains.
# --------------------------------------------------------------------------------------


def _fileable_suffix(name: str, suffixes: tuple[str, ...]) -> bool:
    return any(name.endswith(suffix) for suffix in suffixes)


def _domains(run: Run) -> None:
    if not run.app.websites:
        run.unknown(
            FindingId.WEBSITE_DOMAINS_UNKNOWN,
            "websites",
            Text("要接入的网站及其域名。", "the websites to transfer and their domains."),
        )
    one_domain = run.national(RuleId.ONE_DOMAIN_PER_WEBSITE)
    start = one_domain.start_in(run.province.code) or one_domain.date
    since = start.isoformat() if start is not None else "?"
    for w, website in enumerate(run.app.websites):
        if not website.domains:
            run.unknown(
                FindingId.WEBSITE_DOMAINS_UNKNOWN,
                f"websites[{w}].domains",
                Text("网站的域名。", "the website's domain."),
            )
        elif len(website.domains) > 1 and one_domain.in_force(run.province.code, run.rules_day):
            run.add(
                FindingId.TOO_MANY_DOMAINS,
                Severity.BLOCKS,
                Text(
                    f"一个网站列了{len(website.domains)}个域名；自{since}起一个网站（一个备案号）只对应一个域名。",
                    f"A website lists {len(website.domains)} domains; since {since} "
                    "one website (one filing number) has exactly one domain.",
                ),
                Text("每个域名作为一个单独的网站备案。", "File each domain as a website of its own."),
                field=f"websites[{w}].domains",
                rule=one_domain.id,
                sources=one_domain.sources,
            )
        for d, domain in enumerate(website.domains):
            _domain(run, f"websites[{w}].domains[{d}]", domain)


def _domain(run: Run, field: str, domain: Domain) -> None:
    _domain_name(run, field, domain)
    _domain_dates(run, field, domain)
    _domain_holder(run, field, domain)


def _domain_name(run: Run, field: str, domain: Domain) -> None:
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
                f"{shown(domain.name)} 不是有效的域名（IDNA 2008）。",
                f"{shown(domain.name)} is not a valid domain name (IDNA 2008).",
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


def _domain_dates(run: Run, field: str, domain: Domain) -> None:
    validity = run.national(RuleId.DOMAIN_VALIDITY)
    days, rule, sources, disputed = validity.days or 0, validity.id, validity.sources, False
    province_check = None
    for check in run.checks(CheckKind.DOMAIN_MIN_DAYS):
        if check.value is not None and check.value > days:
            days, rule, sources, disputed, province_check = (
                check.value,
                run.rule_for(check),
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


def _domain_holder(run: Run, field: str, domain: Domain) -> None:
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
        for check in accepted:
            if check.document is not None and kind is not SubjectKind.INDIVIDUAL:
                _registrant_letter(run, field, check)
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


def _registrant_letter(run: Run, field: str, check: ProvinceCheck) -> None:
    """The legal representative may hold the domain only with the letter the
    province names (重庆: the organisation's authorisation)."""
    assert check.document is not None
    run.require_letter(
        check,
        Text(
            f"域名由法定代表人持有：{run.where.zh}要求提交",
            f"The legal representative holds the domain: {run.where.en} requires ",
        ),
        or_else=Text("把域名持有者改为主办单位。", "move the domain to the organisation."),
        field=f"{field}.registrant",
    )


def _registrar(run: Run, field: str, domain: Domain) -> None:
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


def _privacy(run: Run, field: str, domain: Domain) -> None:
    for check in run.checks(CheckKind.PRIVACY_PROTECTION_OFF):
        if domain.privacy_protection is None:
            run.unknown(
                FindingId.DOMAIN_PRIVACY_PROTECTION_ON,
                f"{field}.privacy_protection",
                Text("域名是否开启了隐私保护。", "whether WHOIS privacy protection is on."),
                rule=run.rule_for(check),
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


def _website_counts(run: Run) -> None:
    for check in run.checks(CheckKind.WEBSITES_PER_ORDER):
        if covers(run, check) is False or check.value is None:
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


def _domain_counts(run: Run) -> None:
    for check in run.checks(CheckKind.DOMAINS_PER_ORDER):
        if covers(run, check) is False or check.value is None or not run.app.websites:
            continue
        count = sum(len(w.domains) for w in run.app.websites)
        if count > check.value:
            run.add_from_check(
                FindingId.TOO_MANY_DOMAINS,
                check,
                Text(
                    f"{run.where.zh}每次只能提交{check.value}个域名（本次{count}个）。",
                    f"{run.where.en} takes {check.value} domain(s) per application ({count} given).",
                ),
                Text("分成几次提交。", "Split them over several applications."),
                field="websites",
            )


def _domain_letters(run: Run) -> None:
    """A letter some provinces ask for once an application holds more than ``value``
    domains (四川's sealed statement, 河南's domain certificates)."""
    count = sum(len(w.domains) for w in run.app.websites)
    for check in run.checks(CheckKind.DOMAINS_NEED_DOCUMENT):
        if covers(run, check) is False or check.value is None or check.document is None:
            continue
        if count <= check.value:
            continue
        run.require_letter(
            check,
            Text(
                f"本次有{count}个域名；{run.where.zh}超过{check.value}个时要求提交",
                f"The application has {count} domains; above {check.value}, {run.where.en} requires ",
            ),
            or_else=Text("分成几次提交。", "split the application."),
        )


def _pre_approval(run: Run) -> None:
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


def _as_letter(run: Run, req: Requirement) -> ProvinceCheck:
    assert req.step is not None
    return ProvinceCheck(
        kind=CheckKind.DOCUMENT,
        sources=req.sources,
        document=req.id,
        text=run.policy.step_info(req.step).title,
        applies_to=req.applies_to,
        claims=tuple(CheckClaim(c.source, holds=c.value, note=c.note) for c in req.claims),
        note=req.note,
    )


def _letters(run: Run) -> tuple[tuple[ProvinceCheck, str | None], ...]:
    """The province's letters, each with the application field whose unknown value
    leaves it open (None when it is needed): its ``document`` checks; the requirements
    every transfer triggers (``trigger = "always"``); and those that a change
    (``trigger = "changes"``, such as a rename letter) or several cloud resources (a
    usage statement) trigger. A requirement is named by its id and titled by its step."""
    found: list[tuple[ProvinceCheck, str | None]] = [(c, None) for c in run.checks(CheckKind.DOCUMENT)]
    app = run.app
    for req in run.rules.requirements:
        if req.step is None or not req.step.startswith(("prepare_", "obtain_")):
            continue  # not a letter (cancelling filings, moving a domain: other checks)
        if req.trigger is Trigger.ALWAYS:
            found.append((_as_letter(run, req), None))
        elif req.trigger is Trigger.CHANGES:
            if app.changes is None:
                found.append((_as_letter(run, req), "changes"))
            elif app.changes & req.when_changes:
                found.append((_as_letter(run, req), None))
        elif req.trigger is Trigger.MULTIPLE_CLOUD_RESOURCES:
            if app.multiple_cloud_resources is None:
                found.append((_as_letter(run, req), "multiple_cloud_resources"))
            elif app.multiple_cloud_resources:
                found.append((_as_letter(run, req), None))
    return tuple(found)


def _documents(run: Run) -> None:
    for check, open_fact in _letters(run):
        covered = covers(run, check)
        if covered is False or check.document is None:
            continue
        if open_fact is not None or (covered is None and run.app.documents_ready is not None):
            run.unknown(
                FindingId.DOCUMENT_MISSING,
                open_fact or "subject_kind",
                join(
                    Text("是否需要并已准备：", "whether this is needed and ready: ")
                    if open_fact
                    else Text("是否已准备：", "whether this is ready: "),
                    check.text,
                    Text("。", "."),
                ),
                rule=run.rule_for(check),
                sources=check.sources,
            )
        else:
            run.require_letter(check, Text(f"{run.where.zh}要求提交：", f"{run.where.en} requires: "))


def _footers(run: Run) -> None:
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


#: The checks of this module, in the order their findings are listed.
SITE_CHECKS = (
    _domains,
    _website_counts,
    _domain_counts,
    _domain_letters,
    _pre_approval,
    _documents,
    _footers,
)

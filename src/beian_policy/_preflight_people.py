"""The preflight checks of the subject and its owners: certificate and ID numbers,
local IDs, local phones, ages."""

from __future__ import annotations

import datetime as dt

from ._application import Person
from ._enums import Severity, SubjectKind
from ._ids import FindingId
from ._model import ProvinceCheck, Text
from ._numbers import birth_date_from_id, phone_region, valid_resident_id, valid_uscc
from ._preflight_run import Run, covers, join
from ._vocab import CheckKind

__all__ = ["PEOPLE_CHECKS"]

_INDIVIDUAL_CERTIFICATES = frozenset({"居民身份证", "身份证", "id_card", "resident_id"})
_ORGANISATION_CERTIFICATES = frozenset({"统一社会信用代码", "营业执照", "uscc", "business_licence"})


# --------------------------------------------------------------------------------------
# The subject and its owners.
# --------------------------------------------------------------------------------------


def _subject_kind(run: Run) -> None:
    if run.app.subject_kind is None:
        run.unknown(
            FindingId.SUBJECT_KIND_UNKNOWN,
            "subject_kind",
            Text(
                "主体性质（单位或个人），多项省规则取决于它。",
                "the subject kind (organisation or individual); several province rules depend on it.",
            ),
        )


def _certificate(run: Run) -> None:
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
            join(
                Text("证件号码不是有效的", "The certificate number is not a valid "),
                name,
                Text("：校验位、日期或格式不对。", ": its check digit, date or format is wrong."),
            ),
            Text("对照证件原件重新填写号码。", "Copy the number again from the original certificate."),
            field="certificate_number",
        )


def _id_numbers(run: Run) -> None:
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


def _id_local(run: Run) -> None:
    for check in run.checks(CheckKind.ID_LOCAL):
        covered = covers(run, check)
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
                rule=run.rule_for(check),
                sources=check.sources,
            )
            continue
        if owner is None or owner.id_province is None:
            run.unknown(
                FindingId.ID_NOT_LOCAL,
                "subject_owner.id_province",
                Text("身份证签发省份。", "the province that issued the owner's ID card."),
                rule=run.rule_for(check),
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
                rule=run.rule_for(check),
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


def _province_of_phone(run: Run, person: Person) -> tuple[str | None, bool]:
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


def _phone_rules(run: Run) -> list[ProvinceCheck]:
    """The local-phone rules that reach this application: ``phone_local``, and
    ``phone_local_if_id_elsewhere`` once the individual's ID is known to be from another
    province (unknown: a check)."""
    local = [c for c in run.checks(CheckKind.PHONE_LOCAL) if covers(run, c) is not False]
    for check in run.checks(CheckKind.PHONE_LOCAL_IF_ID_ELSEWHERE):
        covered = covers(run, check)
        owner = run.app.subject_owner
        if covered is False:
            continue
        if covered is None or owner is None or owner.id_province is None:
            run.unknown_for(
                FindingId.PHONE_NOT_LOCAL,
                check,
                covered,
                "subject_owner.id_province",
                Text(
                    f"身份证签发省份：{run.where.zh}要求外省个人使用本地手机号码。",
                    f"where the owner's ID was issued: {run.where.en} wants individuals from elsewhere "
                    "to use local phones.",
                ),
            )
        elif owner.id_province != run.province.code:
            local.append(check)
    return local


def _phones(run: Run) -> None:
    local = _phone_rules(run)
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
            rule = run.rule_for(check)
            if covers(run, check) is None:
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


def _ages(run: Run) -> None:
    for kind, finding_id in (
        (CheckKind.MIN_AGE, FindingId.OWNER_TOO_YOUNG),
        (CheckKind.MAX_AGE, FindingId.OWNER_TOO_OLD),
    ):
        for check in run.checks(kind):
            if covers(run, check) is False or check.value is None:
                continue
            rule = run.rule_for(check)
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


def _id_validity(run: Run) -> None:
    for check in run.checks(CheckKind.ID_MIN_DAYS):
        if covers(run, check) is False or check.value is None:
            continue
        rule = run.rule_for(check)
        for field, person in run.app.people:
            if person.id_expires_on is None:
                run.unknown(
                    FindingId.ID_EXPIRES_TOO_SOON,
                    f"{field}.id_expires_on",
                    Text("负责人身份证的有效期截止日。", "the date the owner's ID card expires."),
                    rule=rule,
                    sources=check.sources,
                )
            elif (left := (person.id_expires_on - run.as_of).days) <= check.value:
                run.add_from_check(
                    FindingId.ID_EXPIRES_TOO_SOON,
                    check,
                    Text(
                        f"负责人身份证{left}天后到期；{run.where.zh}要求有效期超过{check.value}天。",
                        f"The owner's ID card expires in {left} days; {run.where.en} needs more than "
                        f"{check.value}.",
                    ),
                    Text("先换领身份证再提交。", "Renew the ID card before submitting."),
                    field=f"{field}.id_expires_on",
                )


def _subject_owner_role(run: Run) -> None:
    """Provinces that want an organisation's subject owner to be its legal
    representative (the check's text names any exception the page allows)."""
    for check in run.checks(CheckKind.SUBJECT_OWNER_LEGAL_REPRESENTATIVE):
        covered = covers(run, check)
        if covered is False:
            continue
        rule = run.rule_for(check)
        owner = run.app.subject_owner
        if covered is None:
            run.unknown(
                FindingId.SUBJECT_OWNER_NOT_LEGAL_REPRESENTATIVE,
                "subject_kind",
                Text(
                    f"主体性质：{run.where.zh}要求单位的主体负责人为法定代表人。",
                    f"the subject kind: {run.where.en} wants an organisation's subject owner to be its "
                    "legal representative.",
                ),
                rule=rule,
                sources=check.sources,
            )
        elif owner is None or owner.is_legal_representative is None:
            run.unknown(
                FindingId.SUBJECT_OWNER_NOT_LEGAL_REPRESENTATIVE,
                "subject_owner.is_legal_representative",
                Text(
                    "主体负责人是否为法定代表人。", "whether the subject owner is the legal representative."
                ),
                rule=rule,
                sources=check.sources,
            )
        elif not owner.is_legal_representative:
            text = Text(
                f"{run.where.zh}要求单位的主体负责人必须是法定代表人。",
                f"{run.where.en} requires an organisation's subject owner to be its legal representative.",
            )
            if check.text.zh:
                text = join(text, Text(f"例外：{check.text.zh}。", f" Exception: {check.text.en}."))
            run.add_from_check(
                FindingId.SUBJECT_OWNER_NOT_LEGAL_REPRESENTATIVE,
                check,
                text,
                Text(
                    "改由法定代表人担任主体负责人后再提交。",
                    "Name the legal representative as the subject owner, then submit.",
                ),
                field="subject_owner.is_legal_representative",
            )


def _certificate_type(run: Run) -> None:
    """Provinces that take an individual's filing only on a resident ID card."""
    for check in run.checks(CheckKind.RESIDENT_ID_ONLY):
        covered = covers(run, check)
        if covered is False:
            continue
        ctype = run.app.certificate_type
        if covered is None or ctype is None:
            run.unknown_for(
                FindingId.CERTIFICATE_TYPE_NOT_ACCEPTED,
                check,
                covered,
                "certificate_type",
                Text(
                    f"证件类型：{run.where.zh}的个人备案只接受居民身份证。",
                    f"the certificate type: {run.where.en} takes individuals only with a resident ID card.",
                ),
            )
        elif ctype not in _INDIVIDUAL_CERTIFICATES:
            run.add_from_check(
                FindingId.CERTIFICATE_TYPE_NOT_ACCEPTED,
                check,
                Text(
                    f"{run.where.zh}的个人备案只接受居民身份证（本次为{ctype}）。",
                    f"{run.where.en} takes individuals only with a resident ID card (given: {ctype}).",
                ),
                Text(
                    "以居民身份证备案，或在证件签发地备案。",
                    "File with a resident ID card, or where the document was issued.",
                ),
                field="certificate_type",
            )


def _certificate_place(run: Run) -> None:
    """Provinces that want an organisation's certificate issued in the province."""
    for check in run.checks(CheckKind.CERTIFICATE_LOCAL):
        covered = covers(run, check)
        if covered is False:
            continue
        where = run.app.certificate_province
        if covered is None or where is None:
            run.unknown_for(
                FindingId.CERTIFICATE_NOT_LOCAL,
                check,
                covered,
                "certificate_province",
                Text(
                    f"主办单位证件的所在省份：{run.where.zh}要求单位证件地址在本省。",
                    f"where the subject's certificate was issued: {run.where.en} wants an organisation's "
                    "certificate address in the province.",
                ),
            )
        elif where != run.province.code:
            run.add_from_check(
                FindingId.CERTIFICATE_NOT_LOCAL,
                check,
                Text(
                    f"{run.where.zh}要求单位证件地址在本省。",
                    f"{run.where.en} wants an organisation's certificate address in the province.",
                ),
                Text(
                    "在证件所在省份备案。",
                    "File in the province where the certificate was issued.",
                ),
                field="certificate_province",
            )


#: The owner each authorisation letter concerns.
_LETTER_OWNERS = {
    CheckKind.SUBJECT_OWNER_AUTHORISATION: ("subject_owner", Text("主体负责人", "subject owner")),
    CheckKind.WEBSITE_OWNER_AUTHORISATION: ("website_owner", Text("网站负责人", "website owner")),
}


def _owner_letters(run: Run) -> None:
    """An owner who is not the legal representative needs the province's letter of
    authorisation (a subject owner or a website owner, by the check's kind)."""
    for kind, (field, who) in _LETTER_OWNERS.items():
        for check in run.checks(kind):
            covered = covers(run, check)
            if covered is False or check.document is None:
                continue
            owner = getattr(run.app, field)
            if owner is not None and owner.is_legal_representative is True:
                continue  # the legal representative needs no letter, whatever the subject kind
            if covered is None or owner is None or owner.is_legal_representative is None:
                what = Text(
                    f"{who.zh}是否为法定代表人（不是则需要：",
                    f"whether the {who.en} is the legal representative (if not: ",
                )
                run.unknown_for(
                    FindingId.DOCUMENT_MISSING,
                    check,
                    covered,
                    f"{field}.is_legal_representative",
                    join(what, check.text, Text("）。", ").")),
                )
            else:
                run.require_letter(
                    check,
                    Text(
                        f"{who.zh}不是法定代表人：{run.where.zh}要求提交",
                        f"The {who.en} is not the legal representative: {run.where.en} requires ",
                    ),
                )


#: The checks of this module, in the order their findings are listed.
PEOPLE_CHECKS = (
    _subject_kind,
    _certificate,
    _certificate_type,
    _certificate_place,
    _id_numbers,
    _id_validity,
    _id_local,
    _phones,
    _ages,
    _subject_owner_role,
    _owner_letters,
)

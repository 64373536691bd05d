"""The ids the code itself refers to, each defined once.

The data file defines steps, national rules, facts and triggers with these ids; the
loader requires the ones below to exist (an id missing from the data fails at load
time, not when a question is asked), and the engine refers to them only through
these enums, so a typo is a mypy error rather than a wrong answer.

Adding one means: a member here, its record in ``data/provinces.toml`` (steps and
national rules) and, for a fact or trigger, the code that derives or uses it.

The ids of steps and of findings are in :mod:`._ids`: the policy and a transfer
decision need neither enum, and creating an enum costs a new process about 0.05 ms a
member.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._enums import _StrEnum

__all__ = [
    "DIAGNOSIS_PARAMETERS",
    "CheckKind",
    "Fact",
    "RuleId",
    "Trigger",
]


class RuleId(_StrEnum):
    """National rules the engine cites by id."""

    TRANSFER_ADDS_PROVIDER = "transfer_adds_provider"
    NO_EDIT_DURING_TRANSFER = "no_edit_during_transfer"
    CHANGE_FIRST_BY_DEFAULT = "change_first_by_default"
    SMS_PHONE_MUST_MATCH = "sms_phone_must_match"
    UNREACHABLE_PROVIDER_REFILE = "unreachable_provider_refile"
    CANCEL_AND_REFILE_INSTEAD = "cancel_and_refile_instead"
    REFILE_CHANGED_SUBJECT_AS_FIRST_FILING = "refile_changed_subject_as_first_filing"
    CONFIRM_DEFAULT_BEFORE_CANCELLING = "confirm_default_before_cancelling"
    SUBJECT_MUST_MATCH_WHEN_ADDING_WEBSITE = "subject_must_match_when_adding_website"
    DOMAIN_OWNER_MUST_MATCH_SUBJECT = "domain_owner_must_match_subject"
    OVERSEAS_DOMAIN_NOT_ACCEPTED = "overseas_domain_not_accepted"
    DNS_AFTER_TRANSFER = "dns_after_transfer"
    UPDATE_AFTER_TRANSFER = "update_after_transfer"
    PREAPPROVAL_FOR_REGULATED = "preapproval_for_regulated"
    SMS_WITHIN_24_HOURS = "sms_within_24_hours"
    REJECTION_KEEPS_SITE_REACHABLE = "rejection_keeps_site_reachable"
    LONG_REJECTION_RISKS_CANCELLATION = "long_rejection_risks_cancellation"
    CANCELLED_NUMBER_NOT_RESTORABLE = "cancelled_number_not_restorable"
    FILEABLE_TLDS = "fileable_tlds"
    DOMAIN_VALIDITY = "domain_validity"
    DOMAIN_REAL_NAME_AGE = "domain_real_name_age"
    ONE_DOMAIN_PER_WEBSITE = "one_domain_per_website"
    FOOTER_NUMBER_LINKED = "footer_number_linked"


class CheckKind(_StrEnum):
    """What a province's ``[[provinces.checks]]`` record states; ``preflight`` reads
    each kind in one place."""

    ID_LOCAL = "id_local"
    PHONE_LOCAL = "phone_local"
    MIN_AGE = "min_age"
    MAX_AGE = "max_age"
    ID_MIN_DAYS = "id_min_days"
    DOMAIN_MIN_DAYS = "domain_min_days"
    WEBSITES_PER_ORDER = "websites_per_order"
    DOCUMENT = "document"
    REGISTRANT_SUBJECT_ONLY = "registrant_subject_only"
    REGISTRANT_LEGAL_REPRESENTATIVE_ACCEPTED = "registrant_legal_representative_accepted"
    PRIVACY_PROTECTION_OFF = "privacy_protection_off"
    SUBJECT_OWNER_LEGAL_REPRESENTATIVE = "subject_owner_legal_representative"
    SUBJECT_OWNER_AUTHORISATION = "subject_owner_authorisation"
    WEBSITE_OWNER_AUTHORISATION = "website_owner_authorisation"
    DOMAINS_PER_ORDER = "domains_per_order"
    PHONE_LOCAL_IF_ID_ELSEWHERE = "phone_local_if_id_elsewhere"
    RESIDENT_ID_ONLY = "resident_id_only"
    DOMAINS_NEED_DOCUMENT = "domains_need_document"
    CERTIFICATE_LOCAL = "certificate_local"


class Trigger(_StrEnum):
    """When a province requirement adds its plan step. ``adding_website`` holds when a
    plan adds the website again (a refiling); such a requirement may have no step and
    then warns. The last three name a :class:`~beian_policy.PlanFacts` field of the
    same name."""

    ALWAYS = "always"
    NEVER = "never"
    CHANGES = "changes"
    ADDING_WEBSITE = "adding_website"
    HAS_EXTRA_FILINGS = "has_extra_filings"
    DOMAIN_REGISTERED_OVERSEAS = "domain_registered_overseas"
    MULTIPLE_CLOUD_RESOURCES = "multiple_cloud_resources"


class Fact(_StrEnum):
    """A fact a failure's cause or remedy branch may depend on (``when = {fact = bool}``
    in the data). The first three are given by the caller of ``diagnose``; the others
    are derived from the province's rules or the ICP number given."""

    SUBMITTED_TO_ADMINISTRATION = "submitted_to_administration"
    SUBJECT_HAS_OTHER_WEBSITES = "subject_has_other_websites"
    ORIGINAL_PROVIDER_REACHABLE = "original_provider_reachable"
    PROVINCE_REQUIRES_MATCH = "province_requires_match"
    PROVINCE_ALLOWS_AFTER = "province_allows_after"
    ICP_NUMBER_VALID = "icp_number_valid"
    ICP_NUMBER_MATCHES_PROVINCE = "icp_number_matches_province"

    @property
    def parameters(self) -> tuple[str, ...]:
        """The ``diagnose`` parameters this fact comes from."""
        return _FACT_PARAMETERS[self]

    @property
    def needs_changes(self) -> bool:
        """Derived from the province's transfer rules: only a failure that names the
        changes it concerns may use it."""
        return self in (Fact.PROVINCE_REQUIRES_MATCH, Fact.PROVINCE_ALLOWS_AFTER)


_FACT_PARAMETERS: Mapping[Fact, tuple[str, ...]] = {
    Fact.SUBMITTED_TO_ADMINISTRATION: ("submitted_to_administration",),
    Fact.SUBJECT_HAS_OTHER_WEBSITES: ("subject_has_other_websites",),
    Fact.ORIGINAL_PROVIDER_REACHABLE: ("original_provider_reachable",),
    Fact.PROVINCE_REQUIRES_MATCH: ("province",),
    Fact.PROVINCE_ALLOWS_AFTER: ("province",),
    Fact.ICP_NUMBER_VALID: ("icp_number",),
    Fact.ICP_NUMBER_MATCHES_PROVINCE: ("icp_number", "province"),
}

#: The ``diagnose`` parameters, in the order ``Diagnosis.unknown_facts`` lists them.
DIAGNOSIS_PARAMETERS = (
    "province",
    "cause",
    "submitted_to_administration",
    "subject_has_other_websites",
    "original_provider_reachable",
    "icp_number",
)

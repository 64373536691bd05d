"""The ids of the steps the engine adds and of the findings ``preflight`` and
``check_footer`` report, each defined once (the other ids the code refers to are in
:mod:`._vocab`).

They live apart from :mod:`._vocab` because the policy and a transfer decision need
neither enum: a process asking one question does not create them (creating an enum
costs a new process about 0.05 ms a member, and these two have 45).
"""

from __future__ import annotations

from ._enums import _StrEnum

__all__ = ["IRREVERSIBLE_STEPS", "FindingId", "StepId"]


class StepId(_StrEnum):
    """Steps the engine adds by id (the catalogue in the data may define more, which
    province requirements and failure remedies name)."""

    CHANGE_DOMAIN_OWNER = "change_domain_owner"
    MOVE_DOMAIN_TO_DOMESTIC_REGISTRAR = "move_domain_to_domestic_registrar"
    CHANGE_FILING_AT_ORIGINAL_PROVIDER = "change_filing_at_original_provider"
    CONFIRM_RULE_WITH_NEW_PROVIDER = "confirm_rule_with_new_provider"
    CANCEL_EXTRA_FILINGS = "cancel_extra_filings"
    CANCEL_SUBJECT = "cancel_subject"
    CANCEL_WEBSITE = "cancel_website"
    OBTAIN_PREAPPROVAL = "obtain_preapproval"
    KEEP_FILED_SITES_REACHABLE = "keep_filed_sites_reachable"
    CLOSE_UNFILED_SITES = "close_unfiled_sites"
    SUBMIT_TRANSFER = "submit_transfer"
    FILE_FIRST_FILING = "file_first_filing"
    FILE_AS_NEW_WEBSITE = "file_as_new_website"
    VERIFY_SMS = "verify_sms"
    WAIT_FOR_REVIEW = "wait_for_review"
    POINT_DNS_TO_NEW_PROVIDER = "point_dns_to_new_provider"
    UPDATE_FILING_AFTER_TRANSFER = "update_filing_after_transfer"
    FIX_PER_REVIEW_FEEDBACK = "fix_per_review_feedback"


#: Steps that cannot be undone once done: a cancelled filing number is gone for good.
IRREVERSIBLE_STEPS: frozenset[str] = frozenset(
    {StepId.CANCEL_EXTRA_FILINGS.value, StepId.CANCEL_SUBJECT.value, StepId.CANCEL_WEBSITE.value}
)


class FindingId(_StrEnum):
    """The stable ids of ``preflight`` and ``check_footer`` findings."""

    SUBJECT_KIND_UNKNOWN = "subject_kind_unknown"
    CERTIFICATE_NUMBER_INVALID = "certificate_number_invalid"
    CERTIFICATE_TYPE_NOT_ACCEPTED = "certificate_type_not_accepted"
    CERTIFICATE_NOT_LOCAL = "certificate_not_local"
    ID_NUMBER_INVALID = "id_number_invalid"
    ID_NOT_LOCAL = "id_not_local"
    PHONE_INVALID = "phone_invalid"
    PHONE_NOT_LOCAL = "phone_not_local"
    OWNER_TOO_YOUNG = "owner_too_young"
    OWNER_TOO_OLD = "owner_too_old"
    SUBJECT_OWNER_NOT_LEGAL_REPRESENTATIVE = "subject_owner_not_legal_representative"
    ID_EXPIRES_TOO_SOON = "id_expires_too_soon"
    WEBSITE_DOMAINS_UNKNOWN = "website_domains_unknown"
    DOMAIN_NAME_INVALID = "domain_name_invalid"
    DOMAIN_TLD_NOT_FILEABLE = "domain_tld_not_fileable"
    DOMAIN_REGISTRAR_OVERSEAS = "domain_registrar_overseas"
    DOMAIN_REAL_NAME_TOO_RECENT = "domain_real_name_too_recent"
    DOMAIN_EXPIRES_TOO_SOON = "domain_expires_too_soon"
    DOMAIN_REGISTRANT_MISMATCH = "domain_registrant_mismatch"
    DOMAIN_PRIVACY_PROTECTION_ON = "domain_privacy_protection_on"
    TOO_MANY_WEBSITES = "too_many_websites"
    TOO_MANY_DOMAINS = "too_many_domains"
    DOCUMENT_MISSING = "document_missing"
    PRE_APPROVAL_MISSING = "pre_approval_missing"
    FOOTER_NUMBER_MISSING = "footer_number_missing"
    FOOTER_NUMBER_WRONG = "footer_number_wrong"
    FOOTER_LINK_WRONG = "footer_link_wrong"

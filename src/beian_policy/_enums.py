"""The closed vocabularies of the library. Their string values are public API:
they appear in the data file, in JSON output and in callers' databases."""

from __future__ import annotations

import enum

__all__ = ["Basis", "Change", "Lang", "Scope", "SourceStanding", "Status", "SubjectKind", "Timing"]


class _StrEnum(str, enum.Enum):
    """A string enum whose ``str()`` is its value (like ``enum.StrEnum`` on 3.11+)."""

    def __str__(self) -> str:
        return str(self.value)


class Change(_StrEnum):
    """A kind of change to the filing information since it was filed."""

    SUBJECT_NAME = "subject_name"
    SUBJECT_TYPE = "subject_type"
    SUBJECT_CERTIFICATE = "subject_certificate"
    SUBJECT_ADDRESS = "subject_address"
    SUBJECT_OWNER = "subject_owner"
    SUBJECT_OWNER_CONTACT = "subject_owner_contact"
    WEBSITE_NAME = "website_name"
    WEBSITE_OWNER = "website_owner"
    WEBSITE_OWNER_PHONE = "website_owner_phone"
    WEBSITE_DOMAINS = "website_domains"

    @property
    def is_subject(self) -> bool:
        """Whether the change concerns the subject (主体) rather than a website."""
        return self.value.startswith("subject_")


class SubjectKind(_StrEnum):
    """Who holds the filing: some provinces rule differently for individuals."""

    ORGANISATION = "organisation"
    INDIVIDUAL = "individual"


class Timing(_StrEnum):
    """When a change must be filed relative to the transfer."""

    BEFORE = "before"  # at the original provider, before the transfer
    AFTER = "after"  # by a change filing once the transfer succeeded
    WITH_TRANSFER = "with_transfer"  # the transfer itself carries the new details


class Status(_StrEnum):
    """Whether a source states a value; ``unknown`` values are never filled in."""

    STATED = "stated"
    UNKNOWN = "unknown"


class Basis(_StrEnum):
    """What decided a verdict."""

    PROVINCE = "province"  # the province's own stated rule
    NATIONAL_DEFAULT = "national_default"  # province rule unknown: strict default applied
    NATIONAL_RULE = "national_rule"  # a rule that holds in every province


class SourceStanding(_StrEnum):
    """How much weight a source carries."""

    PRIMARY = "primary"
    SECONDARY = "secondary"
    HISTORICAL = "historical"


class Scope(_StrEnum):
    """Whom a reachability requirement covers."""

    ALL = "all"
    ORGANISATIONS = "organisations"
    INDIVIDUALS = "individuals"
    WHEN_ADDING_WEBSITES = "when_adding_websites"


class Lang(_StrEnum):
    """Languages of the texts kept in the data."""

    ZH = "zh"
    EN = "en"


class Failure(_StrEnum):
    """Why a transfer (接入备案) did not go through; :func:`beian_policy.diagnose` says
    what causes it and what to do. The first nine are the reasons in the provider FAQ;
    the rest are further reasons other sources give a remedy for."""

    SUBJECT_MISMATCH = "subject_mismatch"
    SMS_VERIFICATION_FAILED = "sms_verification_failed"
    SUBJECT_CANCELLED = "subject_cancelled"
    WEBSITE_CANCELLED = "website_cancelled"
    PROVIDER_INFO_MISMATCH = "provider_info_mismatch"
    WEBSITE_PROBLEM = "website_problem"
    MISSING_PREAPPROVAL = "missing_preapproval"
    WRONG_FILING_PASSWORD = "wrong_filing_password"
    FILING_NOT_FOUND = "filing_not_found"
    CONFLICTING_APPLICATIONS = "conflicting_applications"
    EXPIRED_DOMAIN_IN_WEBSITE = "expired_domain_in_website"
    PHONE_USED_BY_OTHER_SUBJECT = "phone_used_by_other_subject"
    DOMAIN_OWNER_MISMATCH = "domain_owner_mismatch"
    DOMAIN_REGISTRAR_NOT_APPROVED = "domain_registrar_not_approved"
    ACCESS_IP_MISMATCH = "access_ip_mismatch"
    SUBJECT_MOVED_PROVINCE = "subject_moved_province"


__all__ += ["Failure"]


class Severity(_StrEnum):
    """How much a preflight finding matters, most serious first."""

    BLOCKS = "blocks"  # the administration or provider rejects the application as it is
    WARNING = "warning"  # likely trouble, or a rule only older sources state
    CHECK = "check"  # a fact the rule needs is unknown: check it before submitting
    INFO = "info"  # nothing to fix; worth knowing


__all__ += ["Severity"]

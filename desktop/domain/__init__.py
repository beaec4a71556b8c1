"""The domain: licenses, contacts, accounts and Atlassian's rules. Pure Python, no Qt, no I/O."""

from desktop.domain.emails import (
    InvalidEmail,
    email_domain,
    is_public_domain,
    is_valid_email,
    normalize_email,
    public_mail_domains,
    same_company_domain,
)
from desktop.domain.errors import DomainError
from desktop.domain.merge import merge_licenses
from desktop.domain.models import (
    Account,
    AccountKind,
    Contact,
    Hosting,
    License,
    LicenseType,
    SupportStatus,
)
from desktop.domain.product import hosting_from_product, license_type_from_product
from desktop.domain.sen import InvalidSen, normalize_sen, sen_digits

__all__ = [
    "Account",
    "AccountKind",
    "Contact",
    "DomainError",
    "Hosting",
    "InvalidEmail",
    "InvalidSen",
    "License",
    "LicenseType",
    "SupportStatus",
    "email_domain",
    "hosting_from_product",
    "is_public_domain",
    "is_valid_email",
    "license_type_from_product",
    "merge_licenses",
    "normalize_email",
    "normalize_sen",
    "public_mail_domains",
    "same_company_domain",
    "sen_digits",
]

"""License ⇄ the contract's JSON object (PORTAL_API.md), shared by sandbox, client and CLI."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from desktop.domain.models import Contact, Hosting, License, LicenseType


class LicenseJsonError(ValueError):
    """A JSON object that is not a License of the contract."""


def contact_to_json(contact: Contact) -> dict[str, Any]:
    return {"email": contact.email, "name": contact.name, "primary": contact.primary}


def license_to_json(
    lic: License, *, include_key: bool = True, include_accounts: bool = False
) -> dict[str, Any]:
    """The contract's License object; ``licenseKey`` only when ``include_key``."""
    data: dict[str, Any] = {
        "sen": lic.sen,
        "product": lic.product,
        "organisation": lic.organisation,
        "licenseType": lic.license_type.value if lic.license_type else None,
        "hosting": lic.hosting.value if lic.hosting else None,
        "supportExpires": lic.support_expires.isoformat() if lic.support_expires else None,
    }
    if include_key:
        data["licenseKey"] = lic.license_key
    data["technicalContacts"] = [contact_to_json(c) for c in lic.technical_contacts]
    data["billingContacts"] = [contact_to_json(c) for c in lic.billing_contacts]
    if include_accounts:
        data["accounts"] = sorted(lic.seen_by)
    return data


def _contact_from_json(raw: Any) -> Contact:
    if not isinstance(raw, Mapping) or not isinstance(raw.get("email"), str):
        raise LicenseJsonError("a contact without an email")
    name = raw.get("name")
    return Contact(
        email=raw["email"].strip().lower(),
        name=name if isinstance(name, str) and name else None,
        primary=bool(raw.get("primary", False)),
    )


def license_from_json(raw: Any, *, seen_by: frozenset[str] = frozenset()) -> License:
    """Parse the contract's License object; :class:`LicenseJsonError` when it is not one."""
    if not isinstance(raw, Mapping):
        raise LicenseJsonError("a license is not a JSON object")
    try:
        sen = raw["sen"]
        product = raw["product"]
        if not isinstance(sen, str) or not isinstance(product, str):
            raise LicenseJsonError("sen and product must be strings")
        license_type = raw.get("licenseType")
        hosting = raw.get("hosting")
        expires = raw.get("supportExpires")
        return License(
            sen=sen,
            product=product,
            organisation=str(raw.get("organisation") or ""),
            license_type=LicenseType(license_type) if license_type else None,
            hosting=Hosting(hosting) if hosting else None,
            support_expires=date.fromisoformat(expires) if expires else None,
            license_key=raw.get("licenseKey") or None,
            technical_contacts=tuple(
                _contact_from_json(c) for c in raw.get("technicalContacts") or ()
            ),
            billing_contacts=tuple(_contact_from_json(c) for c in raw.get("billingContacts") or ()),
            seen_by=seen_by,
        )
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, LicenseJsonError):
            raise
        raise LicenseJsonError(f"not a license object: {type(error).__name__}") from None

"""Licenses, contacts and accounts as the app understands them."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum


class LicenseType(StrEnum):
    COMMERCIAL = "commercial"
    ACADEMIC = "academic"
    COMMUNITY = "community"
    OPEN_SOURCE = "open-source"
    STARTER = "starter"
    EVALUATION = "evaluation"
    DEVELOPER = "developer"


class Hosting(StrEnum):
    SERVER = "server"
    DATACENTER = "datacenter"
    CLOUD = "cloud"


class SupportStatus(StrEnum):
    ACTIVE = "active"
    EXPIRED = "expired"
    UNKNOWN = "unknown"


class AccountKind(StrEnum):
    """Where an account's licenses come from."""

    DEMO = "demo"  # the built-in sandbox portal, in-process
    PORTAL = "portal"  # a portal speaking PORTAL_API.md at a URL
    PASTE = "paste"  # text pasted from My Atlassian: read-only, offline
    MY_ATLASSIAN = "my-atlassian"  # the real My Atlassian in an embedded browser


class ContactRole(StrEnum):
    """Which list of a license's contacts: technical (support) or billing (quotes, invoices)."""

    TECHNICAL = "technical"
    BILLING = "billing"


@dataclass(frozen=True, slots=True)
class Contact:
    """A technical or billing contact; ``email`` is normalised (lower-case)."""

    email: str
    name: str | None = None
    primary: bool = False


@dataclass(frozen=True, slots=True)
class License:
    """One license (SEN) as a portal or a paste shows it.

    ``seen_by`` holds the keys of the accounts that see the license (see :attr:`Account.key`).
    ``license_key`` is a secret: it is left out of ``repr`` and never logged.
    """

    sen: str
    product: str
    organisation: str = ""
    name: str | None = None
    license_type: LicenseType | None = None
    hosting: Hosting | None = None
    support_expires: date | None = None
    license_key: str | None = field(default=None, repr=False)
    technical_contacts: tuple[Contact, ...] = ()
    billing_contacts: tuple[Contact, ...] = ()
    seen_by: frozenset[str] = frozenset()

    @property
    def display_name(self) -> str:
        """The "Name" column of My Atlassian: the license name, else the organisation."""
        return self.name or self.organisation

    @property
    def primary_technical_contact(self) -> Contact | None:
        return next((c for c in self.technical_contacts if c.primary), None)

    @property
    def primary_billing_contact(self) -> Contact | None:
        return next((c for c in self.billing_contacts if c.primary), None)

    @property
    def is_evaluation(self) -> bool:
        return self.license_type is LicenseType.EVALUATION

    def technical_contact(self, email: str) -> Contact | None:
        wanted = email.lower()
        return next((c for c in self.technical_contacts if c.email == wanted), None)

    def is_technical_contact(self, email: str) -> bool:
        return self.technical_contact(email) is not None

    def is_contact(self, email: str) -> bool:
        """Technical or billing contact: who may change the license's contacts."""
        wanted = email.lower()
        return any(c.email == wanted for c in (*self.technical_contacts, *self.billing_contacts))

    def is_primary_technical(self, email: str) -> bool:
        primary = self.primary_technical_contact
        return primary is not None and primary.email == email.lower()

    def contacts(self, role: ContactRole) -> tuple[Contact, ...]:
        """The technical or the billing contacts."""
        return self.technical_contacts if role is ContactRole.TECHNICAL else self.billing_contacts

    def primary_contact(self, role: ContactRole) -> Contact | None:
        return next((c for c in self.contacts(role) if c.primary), None)

    def contact(self, role: ContactRole, email: str) -> Contact | None:
        wanted = email.lower()
        return next((c for c in self.contacts(role) if c.email == wanted), None)

    def is_primary(self, role: ContactRole, email: str) -> bool:
        primary = self.primary_contact(role)
        return primary is not None and primary.email == email.lower()

    def with_contacts(self, role: ContactRole, contacts: tuple[Contact, ...]) -> License:
        """A copy with the ``role`` contacts replaced."""
        if role is ContactRole.TECHNICAL:
            return replace(self, technical_contacts=contacts)
        return replace(self, billing_contacts=contacts)

    def support_status(self, today: date) -> SupportStatus:
        """Active until and including the expiry day, expired after it."""
        if self.support_expires is None:
            return SupportStatus.UNKNOWN
        return SupportStatus.ACTIVE if today <= self.support_expires else SupportStatus.EXPIRED


@dataclass(frozen=True, slots=True)
class Account:
    """A source of licenses: a portal sign-in, the demo, or a paste. Never holds a secret."""

    kind: AccountKind
    email: str = ""
    portal: str = ""  # "demo", a portal's base URL, or "" for a paste
    label: str = ""  # what the person calls it; pastes are named by it
    name: str | None = None  # the account holder's name, as the portal says

    @property
    def key(self) -> str:
        """A stable id: the email for a sign-in, ``paste:<label>`` for a paste."""
        if self.kind is AccountKind.PASTE:
            return f"paste:{self.label}"
        return self.email

    @property
    def read_only(self) -> bool:
        return self.kind is AccountKind.PASTE

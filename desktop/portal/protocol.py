"""The Portal protocol: what the engine and the UI read and change licenses through.

A *portal* (the sandbox over HTTP, the real My Atlassian in a browser, …) is signed in to
once per account; each sign-in is a :class:`PortalSession`. Every method returns domain
objects and raises :class:`~desktop.portal.errors.PortalError` subclasses, never raw HTTP.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from desktop.domain.models import Account, License


@runtime_checkable
class PortalSession(Protocol):
    """One signed-in account on one portal."""

    @property
    def account(self) -> Account:
        """Who is signed in (email lower-case, name as the portal says)."""
        ...

    async def me(self) -> Account: ...

    async def list_licenses(self) -> list[License]:
        """Every license the account is a technical or billing contact of, every page read.

        Each license's ``seen_by`` holds this account's key.
        """
        ...

    async def get_license(self, sen: str) -> License: ...

    async def add_technical_contact(self, sen: str, email: str, name: str | None = None) -> License:
        """Add a secondary technical contact; already one is not an error (idempotent)."""
        ...

    async def make_primary(self, sen: str, email: str) -> License:
        """Make ``email`` the primary technical contact; already primary is not an error."""
        ...

    async def remove_technical_contact(self, sen: str, email: str) -> None:
        """Only ever called when the person explicitly asked to remove a contact."""
        ...

    async def add_billing_contact(self, sen: str, email: str, name: str | None = None) -> License:
        """Add a secondary billing contact (a license's first one is its primary); idempotent."""
        ...

    async def make_billing_primary(self, sen: str, email: str) -> License:
        """Make ``email`` the primary billing contact; already primary is not an error."""
        ...

    async def remove_billing_contact(self, sen: str, email: str) -> None:
        """Only ever called when the person explicitly asked to remove a contact."""
        ...

    async def close(self) -> None:
        """Sign out / release what the session holds (not the portal's shared client)."""
        ...


@runtime_checkable
class Portal(Protocol):
    """A place to sign in to. One per base URL; it owns the shared HTTP client."""

    @property
    def base_url(self) -> str: ...

    async def sign_in(self, email: str, password: str) -> PortalSession: ...

    async def aclose(self) -> None: ...

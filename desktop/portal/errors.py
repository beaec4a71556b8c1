"""Typed errors of a portal. Each carries the contract's ``errorKey``; no raw HTTP leaks out.

Messages are plain English for logs; the UI shows a translation chosen by ``error_key``.
They never contain a password, a token or a license key.
"""

from __future__ import annotations


class PortalError(Exception):
    """Something a portal said no to, or could not answer."""

    error_key = "portal-error"
    status: int | None = None

    def __init__(self, message: str = "", *, status: int | None = None) -> None:
        super().__init__(message or self.__class__.__doc__ or self.error_key)
        if status is not None:
            self.status = status


class BadRequest(PortalError):
    """The portal did not understand the request."""

    error_key, status = "bad-request", 400


class BadCredentials(PortalError):
    """Wrong email or password."""

    error_key, status = "bad-credentials", 401


class Unauthenticated(PortalError):
    """The session is missing, unknown or expired: sign in again."""

    error_key, status = "unauthenticated", 401


class DomainMismatch(PortalError):
    """The new primary is at another (or a public) email domain: it must promote itself."""

    error_key, status = "domain-mismatch", 403


class NotFound(PortalError):
    """No such license, or this account is not one of its contacts."""

    error_key, status = "not-found", 404


class ContactNotFound(PortalError):
    """That email is not a technical contact of the license."""

    error_key, status = "contact-not-found", 404


class PrimaryContact(PortalError):
    """The primary technical contact cannot be removed."""

    error_key, status = "primary-contact", 409


class InvalidEmailAddress(PortalError):
    """The portal rejected the email address."""

    error_key, status = "invalid-email", 422


class EvaluationLicense(PortalError):
    """Technical contacts cannot be added to an evaluation license."""

    error_key, status = "evaluation-license", 422


class RateLimited(PortalError):
    """Too many requests; ``retry_after`` seconds to wait, when the portal said."""

    error_key, status = "rate-limited", 429

    def __init__(self, message: str = "", *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Unavailable(PortalError):
    """The portal is temporarily unavailable."""

    error_key, status = "unavailable", 503

    def __init__(self, message: str = "", *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


# Client-side failures: no answer, or an answer that is not the contract.


class PortalUnreachable(PortalError):
    """No connection to the portal (network down, refused, DNS, or a timeout)."""

    error_key = "unreachable"


class PortalTimeout(PortalUnreachable):
    """The portal did not answer in time. For a write, it may or may not have applied."""

    error_key = "timeout"


class CertificateError(PortalUnreachable):
    """The portal's TLS certificate is not trusted."""

    error_key = "certificate"


class ConnectionFailed(PortalUnreachable):
    """Could not connect to the portal; the request was not sent."""


class ConnectionRefused(ConnectionFailed):
    """Nothing listens at the portal's address (refused); the request was not sent."""


class ConnectionDropped(PortalUnreachable):
    """The connection broke before the answer came; a write may or may not have applied."""


class MalformedResponse(PortalError):
    """The answer is not the contract's (not JSON, missing fields, a proxy's HTML page)."""

    error_key = "bad-response"


class BadLicense(MalformedResponse):
    """One license object of the portal's answer is not the contract's; none of that
    account's licenses is used (a partial list would look complete)."""

    error_key = "bad-license"


class ResponseTooLarge(MalformedResponse):
    """The answer is larger than any answer of the contract (a limit protects memory)."""

    error_key = "response-too-large"


class ListingInconsistent(MalformedResponse):
    """The pages of a listing do not add up: a total beyond the limit, pages that disagree
    with their total, or more pages than the total allows."""

    error_key = "listing-inconsistent"


class UnexpectedRedirect(MalformedResponse):
    """The portal answered with a redirect (3xx); the app never follows one, and it is
    never taken as success."""

    error_key = "redirected"


class UnusableEmail(PortalError):
    """An address the portal's paths cannot carry (``/``, ``?``, ``#``, ``%``, ``\\``):
    refused before any request is sent."""

    error_key = "unusable-email"


class InsecureUrl(PortalError):
    """Plain http:// is allowed only for loopback addresses."""

    error_key = "insecure-url"


class InvalidUrl(PortalError):
    """The portal address is not an http(s) URL."""

    error_key = "invalid-url"


class CredentialsInUrl(InvalidUrl):
    """The portal address carries a user name or password (``user:password@host``).

    Refused, never stored or logged: passwords go to the OS keyring only.
    """

    error_key = "credentials-in-url"


class InvalidPort(InvalidUrl):
    """The portal address names a port outside 1–65535."""

    error_key = "invalid-port"


ERRORS_BY_KEY: dict[str, type[PortalError]] = {
    cls.error_key: cls
    for cls in (
        BadRequest,
        BadCredentials,
        Unauthenticated,
        DomainMismatch,
        NotFound,
        ContactNotFound,
        PrimaryContact,
        InvalidEmailAddress,
        EvaluationLicense,
        RateLimited,
        Unavailable,
    )
}

"""Email addresses: validation (email-validator, no DNS), normalisation, domains, public mail."""

from functools import cache, lru_cache
from importlib import resources

from email_validator import EmailNotValidError, validate_email

from desktop.domain.errors import DomainError


class InvalidEmail(DomainError):
    key = "invalid-email"


@lru_cache(maxsize=65536)
def _validate(candidate: str) -> str:
    result = validate_email(
        candidate,
        check_deliverability=False,
        allow_smtputf8=True,
        allow_quoted_local=False,
        allow_domain_literal=False,
    )
    return result.normalized.lower()


def normalize_email(text: str) -> str:
    """Trim and lower-case a valid address; raise :class:`InvalidEmail` otherwise.

    ``a@b``, ``a@@b.com``, spaces inside and a missing domain are rejected.
    """
    candidate = text.strip().replace("\u00a0", " ").strip()
    if not candidate:
        raise InvalidEmail("The email address is empty.", value="")
    try:
        return _validate(candidate)
    except EmailNotValidError as error:
        raise InvalidEmail(
            f"{candidate[:80]!r} is not a valid email address: {error}", value=candidate[:80]
        ) from None


def is_valid_email(text: str) -> bool:
    try:
        normalize_email(text)
    except InvalidEmail:
        return False
    return True


def email_domain(email: str) -> str:
    """The domain of an address, lower-cased (``zhang.wei@Huake.example`` → ``huake.example``)."""
    return normalize_email(email).rpartition("@")[2]


@cache
def public_mail_domains() -> frozenset[str]:
    """The public mail domains, read once from ``public_domains.txt``."""
    text = resources.files("desktop.domain").joinpath("public_domains.txt").read_text("utf-8")
    return frozenset(
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


def is_public_domain(domain_or_email: str) -> bool:
    domain = domain_or_email.rpartition("@")[2].strip().lower()
    return domain in public_mail_domains()


def same_company_domain(first: str, second: str) -> bool:
    """Whether two addresses share an email domain in Atlassian's sense.

    Public mail domains never count as the same, even when they are equal.
    """
    a, b = email_domain(first), email_domain(second)
    return a == b and not is_public_domain(a)

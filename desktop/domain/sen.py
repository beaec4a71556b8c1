"""Support Entitlement Numbers: ``SEN-12683313``."""

import re

from desktop.domain.errors import DomainError

# ASCII only: "\d" alone would take other scripts' digits (e.g. "١٢٣") as a SEN.
_SEN_RE = re.compile(r"^(?:SEN-?)?([0-9]{1,12})$", re.IGNORECASE | re.ASCII)


class InvalidSen(DomainError):
    key = "invalid-sen"


def normalize_sen(text: str) -> str:
    """``SEN-12683313``, ``12683313`` or `` sen-12683313 `` → ``SEN-12683313``.

    Raises:
        InvalidSen: for anything that is not a SEN.
    """
    cleaned = text.strip().replace("\u00a0", "")
    match = _SEN_RE.match(cleaned)
    if match is None:
        raise InvalidSen(
            f"{cleaned[:40]!r} is not a SEN; expected SEN- followed by digits, e.g. SEN-12683313",
            value=cleaned[:40],
        )
    return f"SEN-{match.group(1)}"


def sen_digits(sen: str) -> str:
    """The digits of a SEN, as My Atlassian's URLs use them."""
    return normalize_sen(sen)[4:]

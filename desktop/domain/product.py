"""What a product's text says about a license: its type and its hosting."""

import re

from desktop.domain.models import Hosting, LicenseType

# Order matters: the first match wins ("Data Center" before "Server", "Evaluation" first).
_TYPE_PATTERNS: tuple[tuple[re.Pattern[str], LicenseType], ...] = (
    (re.compile(r"\bevaluation\b", re.I), LicenseType.EVALUATION),
    (re.compile(r"\bdeveloper\b", re.I), LicenseType.DEVELOPER),
    (re.compile(r"\bopen[ -]?source\b", re.I), LicenseType.OPEN_SOURCE),
    (re.compile(r"\bacademic\b", re.I), LicenseType.ACADEMIC),
    (re.compile(r"\bcommunity\b", re.I), LicenseType.COMMUNITY),
    (re.compile(r"\bstarter\b", re.I), LicenseType.STARTER),
    (re.compile(r"\bcommercial\b", re.I), LicenseType.COMMERCIAL),
)
_HOSTING_PATTERNS: tuple[tuple[re.Pattern[str], Hosting], ...] = (
    (re.compile(r"\bdata\s*center\b", re.I), Hosting.DATACENTER),
    (re.compile(r"\bcloud\b", re.I), Hosting.CLOUD),
    (re.compile(r"\bserver\b", re.I), Hosting.SERVER),
)


# Where the product text says it for sure: the bracketed hosting ("… (Server) 10 Users") and
# the words after the last colon (": Commercial License"). An add-on's own name ("Developer
# Toolbox", "Cloud Migration Assistant") must not decide.
_BRACKETED = re.compile(r"\(([^()]*)\)")


def license_type_from_product(product: str) -> LicenseType | None:
    """``… 10 Users: Commercial License`` → ``commercial``; None when the text does not say."""
    _, colon, tail = product.rpartition(":")
    places = (tail, product) if colon else (product,)
    for text in places:
        found = next((kind for rx, kind in _TYPE_PATTERNS if rx.search(text)), None)
        if found is not None:
            return found
    return None


def hosting_from_product(product: str) -> Hosting | None:
    """``… (Server) …`` → ``server``, ``(Data Center)`` → ``datacenter``; None when unsaid."""
    for text in (*_BRACKETED.findall(product), product):
        found = next((hosting for rx, hosting in _HOSTING_PATTERNS if rx.search(text)), None)
        if found is not None:
            return found
    return None

"""Email addresses: validation (email-validator, no DNS), normalisation, domains, public mail.

Before validation an address is NFKC-normalised, so what a Chinese IME types in full-width
mode (``ｚｈａｎｇ．ｗｅｉ＠huake.example``) becomes the address it looks like; callers show
the person the normalised address before using it. Refused besides what email-validator
refuses: a local part longer than 64 characters, a local part or domain label that mixes
scripts (``zhаng.wei`` with a Cyrillic ``а``), and characters a portal's URL path cannot
carry (``/ \\ ? # %``) — so such an address is refused before anything is changed with it.
"""

import unicodedata
from functools import cache, lru_cache
from importlib import resources

from email_validator import EmailNotValidError, validate_email

from desktop.domain.errors import DomainError


class InvalidEmail(DomainError):
    key = "invalid-email"


class MixedScriptEmail(InvalidEmail):
    """Letters of different scripts in one part (a look-alike such as a Cyrillic ``а``)."""

    key = "mixed-script-email"


class LocalPartTooLong(InvalidEmail):
    """More than 64 characters before the ``@``."""

    key = "local-part-too-long"


class UnusableEmail(InvalidEmail):
    """A character a portal's URL path cannot carry (``/ \\ ? # %``)."""

    key = "unusable-email"


#: The most characters before the "@" (RFC 5321).
MAX_LOCAL_PART = 64
#: What a portal's router cuts or misroutes even percent-encoded (``%2F`` is decoded first).
PATH_UNSAFE_CHARS = frozenset("/\\?#%")
#: Scripts that may share one part (Unicode TS #39, "highly restrictive"): Latin with Han and
#: Japanese kana, with Han and Bopomofo, or with Han and Hangul. Anything else mixed is refused.
_ALLOWED_MIXES = (
    frozenset({"LATIN", "CJK", "HIRAGANA", "KATAKANA"}),
    frozenset({"LATIN", "CJK", "BOPOMOFO"}),
    frozenset({"LATIN", "CJK", "HANGUL"}),
)


def _script(char: str) -> str:
    """The script of a letter, from its Unicode name (``CYRILLIC SMALL LETTER A`` → CYRILLIC)."""
    name = unicodedata.name(char, "")
    script = name.split(" ", 1)[0]
    return "CJK" if script in ("CJK", "IDEOGRAPHIC") else script


def scripts_of(part: str) -> frozenset[str]:
    """The scripts of the letters in ``part`` (digits and punctuation belong to none)."""
    if part.isascii():
        return frozenset({"LATIN"}) if any(c.isalpha() for c in part) else frozenset()
    return frozenset(_script(c) for c in part if c.isalpha())


def mixes_scripts(part: str) -> bool:
    found = scripts_of(part)
    return len(found) > 1 and not any(found <= allowed for allowed in _ALLOWED_MIXES)


@lru_cache(maxsize=65536)
def _validate(candidate: str) -> str:
    result = validate_email(
        candidate,
        check_deliverability=False,
        allow_smtputf8=True,
        allow_quoted_local=False,
        allow_domain_literal=False,
    )
    email = result.normalized.lower()
    local, _, domain = email.rpartition("@")
    if len(local) > MAX_LOCAL_PART:
        raise LocalPartTooLong(
            f"The part before the @ has {len(local)} characters; the most is {MAX_LOCAL_PART}.",
            value=candidate[:80],
        )
    if any(char in PATH_UNSAFE_CHARS for char in local):
        raise UnusableEmail(
            f"{candidate[:80]!r} contains / \\ ? # or %, which a portal address cannot carry.",
            value=candidate[:80],
        )
    if mixes_scripts(local) or any(mixes_scripts(label) for label in domain.split(".")):
        raise MixedScriptEmail(
            f"{candidate[:80]!r} mixes letters of different scripts (a look-alike address?).",
            value=candidate[:80],
        )
    return email


def width_normalized(text: str) -> str:
    """What the address check reads: trimmed, and NFKC-normalised when not plain ASCII
    (full-width ``ｚｈａｎｇ＠…`` becomes ``zhang@…``)."""
    candidate = text.strip().replace("\u00a0", " ").strip()
    if not candidate.isascii():
        candidate = unicodedata.normalize("NFKC", candidate).strip()
    return candidate


def look_alike_letters(address: str) -> list[str]:
    """In each part of ``address`` that mixes scripts, the letters not of the part's main
    script (the Cyrillic ``а`` in ``zhаng.wei``), each once, in order: what to show the person."""
    local, _, domain = address.rpartition("@")
    found: list[str] = []
    for part in (local, *domain.split(".")):
        if not mixes_scripts(part):
            continue
        letters = [c for c in part if c.isalpha()]
        scripts = [_script(c) if not c.isascii() else "LATIN" for c in letters]
        main = max(set(scripts), key=scripts.count)
        for letter, script in zip(letters, scripts, strict=True):
            if script != main and letter not in found:
                found.append(letter)
    return found


def normalize_email(text: str) -> str:
    """Trim, width-normalise (NFKC) and lower-case a valid address; else :class:`InvalidEmail`.

    ``a@b``, ``a@@b.com``, spaces inside and a missing domain are rejected, and so are the
    look-alikes and path-breaking characters described above (subclasses of InvalidEmail
    say which).
    """
    candidate = width_normalized(text)
    if not candidate:
        raise InvalidEmail("The email address is empty.", value="")
    try:
        return _validate(candidate)
    except EmailNotValidError as error:
        raise InvalidEmail(
            f"{candidate[:80]!r} is not a valid email address: {error}", value=candidate[:80]
        ) from None


def typed_differs(text: str, email: str) -> bool:
    """Whether the address to be used differs from what was typed other than by case and
    spaces (full-width letters, for one): then the person is shown the address used."""
    return text.strip().lower() != email


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

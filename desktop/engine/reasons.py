"""Every message key the engine produces, with its English text marked for translation.

Plan reasons (context ``PlanReason``), outcomes (``Outcome``), the portal's error keys
(``PortalError``) and the engine's own error keys (``EngineError``). :func:`render` words a key
in the person's language: the Qt side passes ``QCoreApplication.translate``, the CLI nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from enum import StrEnum

from desktop.domain.i18n_marks import QT_TRANSLATE_NOOP
from desktop.engine.events import Outcome

Translate = Callable[[str, str], str]


def identity(context: str, text: str) -> str:
    """The default ``translate``: English as written."""
    del context
    return text


class Reason(StrEnum):
    """Why a plan entry is what it is. Values are the message keys in :data:`REASON_TEXTS`."""

    TARGET_IS_PRIMARY = "target-is-primary"
    ADD_THEN_PROMOTE = "add-then-promote"
    PROMOTE_SAME_DOMAIN = "promote-same-domain"
    ADD_THEN_SELF_PROMOTE = "add-then-self-promote"
    SELF_PROMOTE = "self-promote"
    NO_PRIMARY = "no-primary"
    ADD_THEN_TARGET_SIGNS_IN = "add-then-target-signs-in"
    TARGET_MUST_SIGN_IN = "target-must-sign-in"
    EVALUATION = "evaluation"
    NO_SIGNED_IN_CONTACT = "no-signed-in-contact"
    EXCLUDED = "excluded"
    # The billing part of a plan (API v1.1).
    BILLING_TARGET_IS_PRIMARY = "billing-target-is-primary"
    BILLING_ADD_THEN_PROMOTE = "billing-add-then-promote"
    BILLING_PROMOTE_SAME_DOMAIN = "billing-promote-same-domain"
    BILLING_ADD_THEN_SELF_PROMOTE = "billing-add-then-self-promote"
    BILLING_SELF_PROMOTE = "billing-self-promote"
    BILLING_NO_PRIMARY = "billing-no-primary"
    BILLING_ADD_THEN_TARGET_SIGNS_IN = "billing-add-then-target-signs-in"
    BILLING_TARGET_MUST_SIGN_IN = "billing-target-must-sign-in"
    BILLING_CLOUD = "billing-cloud"
    BILLING_NO_SIGNED_IN_CONTACT = "billing-no-signed-in-contact"
    # Removing contacts who have left.
    REMOVE_CONTACTS = "remove-contacts"
    REMOVE_NOTHING = "remove-nothing"
    REMOVE_CONTACT = "remove-contact"
    REMOVE_PRIMARY_TECHNICAL = "remove-primary-technical"
    REMOVE_PRIMARY_BILLING = "remove-primary-billing"
    REMOVE_TARGET = "remove-target"
    REMOVE_NO_SIGNED_IN_CONTACT = "remove-no-signed-in-contact"


class EngineErrorKey(StrEnum):
    """Failures the engine itself names (the portal's own keys are in ``PORTAL_ERROR_TEXTS``)."""

    NO_SESSION = "no-session"
    NOT_VERIFIED = "not-verified"
    OUTCOME_UNKNOWN = "outcome-unknown"
    INTERRUPTED = "interrupted"
    SIGN_IN_KEEPS_ENDING = "sign-in-keeps-ending"


REASON_TEXTS: dict[str, str] = {
    Reason.TARGET_IS_PRIMARY: QT_TRANSLATE_NOOP(
        "PlanReason", "%1 is already the primary technical contact."
    ),
    Reason.ADD_THEN_PROMOTE: QT_TRANSLATE_NOOP(
        "PlanReason",
        "%2 adds %1 as a technical contact, then %3 makes it primary: it has the same email "
        "domain as the current primary %4.",
    ),
    Reason.PROMOTE_SAME_DOMAIN: QT_TRANSLATE_NOOP(
        "PlanReason",
        "%1 is already a technical contact; %2 makes it primary: it has the same email domain "
        "as the current primary %3.",
    ),
    Reason.ADD_THEN_SELF_PROMOTE: QT_TRANSLATE_NOOP(
        "PlanReason",
        "%2 adds %1 as a technical contact, then %1 promotes itself: its email domain differs "
        "from that of the current primary %3 (or is a public mail domain).",
    ),
    Reason.SELF_PROMOTE: QT_TRANSLATE_NOOP(
        "PlanReason",
        "%1 is already a technical contact and is signed in, so it promotes itself: its email "
        "domain differs from that of the current primary %2 (or is a public mail domain).",
    ),
    Reason.NO_PRIMARY: QT_TRANSLATE_NOOP(
        "PlanReason",
        "The license has no primary technical contact: %2 makes %1 primary (adding it as a "
        "technical contact first if needed).",
    ),
    Reason.ADD_THEN_TARGET_SIGNS_IN: QT_TRANSLATE_NOOP(
        "PlanReason",
        "%2 adds %1 as a technical contact. Its email domain differs from that of the current "
        "primary %3 (or is a public mail domain), so only %1 can promote itself: sign in as %1 "
        "and run again.",
    ),
    Reason.TARGET_MUST_SIGN_IN: QT_TRANSLATE_NOOP(
        "PlanReason",
        "%1 is already a technical contact, but its email domain differs from that of the "
        "current primary %2 (or is a public mail domain): sign in as %1 so it can promote "
        "itself.",
    ),
    Reason.EVALUATION: QT_TRANSLATE_NOOP(
        "PlanReason",
        "Evaluation license: technical contacts cannot be added to it, so it stays as it is.",
    ),
    Reason.NO_SIGNED_IN_CONTACT: QT_TRANSLATE_NOOP(
        "PlanReason",
        "None of the signed-in accounts is a contact of this license (its primary is %1): sign "
        "in as one of its contacts to change it.",
    ),
    Reason.EXCLUDED: QT_TRANSLATE_NOOP("PlanReason", "Left out of this run."),
    Reason.BILLING_TARGET_IS_PRIMARY: QT_TRANSLATE_NOOP(
        "PlanReason", "%1 is already the primary billing contact."
    ),
    Reason.BILLING_ADD_THEN_PROMOTE: QT_TRANSLATE_NOOP(
        "PlanReason",
        "%2 adds %1 as a billing contact, then %3 makes it the primary billing contact: it has "
        "the same email domain as the current primary billing contact %4.",
    ),
    Reason.BILLING_PROMOTE_SAME_DOMAIN: QT_TRANSLATE_NOOP(
        "PlanReason",
        "%1 is already a billing contact; %2 makes it the primary billing contact: it has the "
        "same email domain as the current primary billing contact %3.",
    ),
    Reason.BILLING_ADD_THEN_SELF_PROMOTE: QT_TRANSLATE_NOOP(
        "PlanReason",
        "%2 adds %1 as a billing contact, then %1 promotes itself: its email domain differs "
        "from that of the current primary billing contact %3 (or is a public mail domain).",
    ),
    Reason.BILLING_SELF_PROMOTE: QT_TRANSLATE_NOOP(
        "PlanReason",
        "%1 is already a billing contact and is signed in, so it promotes itself to primary "
        "billing contact: its email domain differs from that of the current one, %2 (or is a "
        "public mail domain).",
    ),
    Reason.BILLING_NO_PRIMARY: QT_TRANSLATE_NOOP(
        "PlanReason",
        "The license has no billing contact: %2 adds %1, which makes it the primary billing "
        "contact.",
    ),
    Reason.BILLING_ADD_THEN_TARGET_SIGNS_IN: QT_TRANSLATE_NOOP(
        "PlanReason",
        "%2 adds %1 as a billing contact. Its email domain differs from that of the current "
        "primary billing contact %3 (or is a public mail domain), so only %1 can promote "
        "itself: sign in as %1 and run again.",
    ),
    Reason.BILLING_TARGET_MUST_SIGN_IN: QT_TRANSLATE_NOOP(
        "PlanReason",
        "%1 is already a billing contact, but its email domain differs from that of the "
        "current primary billing contact %2 (or is a public mail domain): sign in as %1 so it "
        "can promote itself.",
    ),
    Reason.BILLING_CLOUD: QT_TRANSLATE_NOOP(
        "PlanReason",
        "Cloud subscription: its billing is managed in admin.atlassian.com, not here, so its "
        "billing contacts stay as they are.",
    ),
    Reason.BILLING_NO_SIGNED_IN_CONTACT: QT_TRANSLATE_NOOP(
        "PlanReason",
        "None of the signed-in accounts is a contact of this license, so its billing contacts "
        "cannot be changed either.",
    ),
    Reason.REMOVE_CONTACTS: QT_TRANSLATE_NOOP(
        "PlanReason", "%1 will be removed from this license's contacts."
    ),
    Reason.REMOVE_NOTHING: QT_TRANSLATE_NOOP(
        "PlanReason", "Nobody can be removed from this license (see each person)."
    ),
    Reason.REMOVE_CONTACT: QT_TRANSLATE_NOOP(
        "PlanReason",
        "%1 removes %2 from this license's contacts: %2 will no longer see it in My Atlassian.",
    ),
    Reason.REMOVE_PRIMARY_TECHNICAL: QT_TRANSLATE_NOOP(
        "PlanReason",
        "%1 is the primary technical contact, which cannot be removed: make someone else "
        "primary first.",
    ),
    Reason.REMOVE_PRIMARY_BILLING: QT_TRANSLATE_NOOP(
        "PlanReason",
        "%1 is the primary billing contact, which cannot be removed: make someone else "
        "primary first.",
    ),
    Reason.REMOVE_TARGET: QT_TRANSLATE_NOOP(
        "PlanReason", "%1 is the account the licenses were gathered under: it is never removed."
    ),
    Reason.REMOVE_NO_SIGNED_IN_CONTACT: QT_TRANSLATE_NOOP(
        "PlanReason",
        "None of the signed-in accounts is a contact of this license: sign in as one of its "
        "contacts to remove %1.",
    ),
}

OUTCOME_TEXTS: dict[str, str] = {
    Outcome.DONE: QT_TRANSLATE_NOOP("Outcome", "Done"),
    Outcome.ALREADY_DONE: QT_TRANSLATE_NOOP("Outcome", "Already done"),
    Outcome.PARTIAL: QT_TRANSLATE_NOOP(
        "Outcome", "Contact added; the target must sign in to promote itself"
    ),
    Outcome.NEEDS_TARGET_SIGN_IN: QT_TRANSLATE_NOOP("Outcome", "Needs the target to sign in"),
    Outcome.NOT_POSSIBLE: QT_TRANSLATE_NOOP("Outcome", "Not possible"),
    Outcome.CANNOT_ACT: QT_TRANSLATE_NOOP("Outcome", "Cannot act"),
    Outcome.EXCLUDED: QT_TRANSLATE_NOOP("Outcome", "Excluded"),
    Outcome.FAILED: QT_TRANSLATE_NOOP("Outcome", "Failed"),
    Outcome.CANCELLED: QT_TRANSLATE_NOOP("Outcome", "Cancelled"),
}

# The one catalogue of failure texts: the portal's errorKeys (PORTAL_API.md), the client's own
# (desktop.portal.errors), the live connector's (desktop.portal.my_atlassian.errors) and the
# services' (needs-password). The CLI renders them in English, the GUI through
# desktop.services.error_messages. Each says what happened and, where it helps, what to do next.
PORTAL_ERROR_TEXTS: dict[str, str] = {
    "portal-error": QT_TRANSLATE_NOOP("PortalError", "The portal refused the request."),
    "bad-request": QT_TRANSLATE_NOOP("PortalError", "The portal did not understand the request."),
    "bad-credentials": QT_TRANSLATE_NOOP(
        "PortalError", "Wrong email or password. Check them and sign in again."
    ),
    "unauthenticated": QT_TRANSLATE_NOOP(
        "PortalError", "The sign-in has expired. Sign in again and retry."
    ),
    "needs-password": QT_TRANSLATE_NOOP(
        "PortalError", "No password is saved for this account. Enter it to read its licenses."
    ),
    "domain-mismatch": QT_TRANSLATE_NOOP(
        "PortalError",
        "The new primary contact has another (or a public) email domain: it must sign in and "
        "promote itself.",
    ),
    "not-found": QT_TRANSLATE_NOOP(
        "PortalError", "No such license, or this account is not one of its contacts."
    ),
    "contact-not-found": QT_TRANSLATE_NOOP(
        "PortalError", "That email is not a contact of this kind on the license."
    ),
    "primary-contact": QT_TRANSLATE_NOOP(
        "PortalError",
        "A primary contact (technical or billing) cannot be removed: make someone else primary "
        "first.",
    ),
    "invalid-email": QT_TRANSLATE_NOOP("PortalError", "The email address is not valid."),
    "evaluation-license": QT_TRANSLATE_NOOP(
        "PortalError", "Technical contacts cannot be added to an evaluation license."
    ),
    "rate-limited": QT_TRANSLATE_NOOP(
        "PortalError", "The portal is busy (too many requests). Wait a minute and try again."
    ),
    "unavailable": QT_TRANSLATE_NOOP(
        "PortalError", "The portal is temporarily unavailable. Try again later."
    ),
    "unreachable": QT_TRANSLATE_NOOP(
        "PortalError",
        "Cannot reach the portal. Check the network connection, or the proxy settings if your "
        "company uses one.",
    ),
    "timeout": QT_TRANSLATE_NOOP(
        "PortalError", "The portal did not answer in time. Check the network and try again."
    ),
    "certificate": QT_TRANSLATE_NOOP(
        "PortalError",
        "The portal's security certificate is not trusted. If your company inspects web "
        "traffic, ask IT to install its certificate on this computer.",
    ),
    "bad-response": QT_TRANSLATE_NOOP(
        "PortalError",
        "The portal's answer could not be understood. A company proxy or a sign-in page may "
        "be in the way.",
    ),
    "insecure-url": QT_TRANSLATE_NOOP(
        "PortalError",
        "The portal address must start with https://, for example https://portal.example "
        "(http:// only on this computer).",
    ),
    "invalid-url": QT_TRANSLATE_NOOP(
        "PortalError",
        "The portal address is not a web address. Enter it as IT gave it, for example "
        "https://portal.example.",
    ),
    "credentials-in-url": QT_TRANSLATE_NOOP(
        "PortalError",
        "The portal address contains a user name or password. Remove them from the address "
        "(for example https://portal.example): the password is asked for separately and kept "
        "in the system's keyring.",
    ),
    "invalid-port": QT_TRANSLATE_NOOP(
        "PortalError",
        "The port in the portal address must be a number from 1 to 65535 (for example "
        "http://127.0.0.1:8080).",
    ),
    "listing-refused": QT_TRANSLATE_NOOP(
        "PortalError",
        "The portal stopped partway through this account's list of licenses, so none of its "
        "licenses were used (a partial list would look complete). Try again later.",
    ),
    "paste-unreadable": QT_TRANSLATE_NOOP(
        "PortalError",
        "The saved pasted text of this account could not be read (the file is damaged). "
        "Import the text again, or remove this account.",
    ),
    "read-failed": QT_TRANSLATE_NOOP(
        "PortalError",
        "The app could not read this account because of an unexpected error (written to the "
        "log file). Refresh to try again; if it happens again, send the log file to IT.",
    ),
    "bad-license": QT_TRANSLATE_NOOP(
        "PortalError",
        "The portal sent a license the app cannot read, so this account's licenses were not "
        "used. Try again later, or tell the portal's administrator.",
    ),
    "response-too-large": QT_TRANSLATE_NOOP(
        "PortalError",
        "The portal's answer is far larger than expected, so the app stopped reading it. A "
        "company proxy may be in the way, or the address is not a license portal.",
    ),
    "listing-inconsistent": QT_TRANSLATE_NOOP(
        "PortalError",
        "The portal's list of licenses does not add up (the number of licenses it states "
        "does not match what it sent, or is impossibly large), so it was not used. Try "
        "again later.",
    ),
    "redirected": QT_TRANSLATE_NOOP(
        "PortalError",
        "The portal answered with a redirect to another address, which the app does not "
        "follow. Check the portal address.",
    ),
    "unusable-email": QT_TRANSLATE_NOOP(
        "PortalError",
        "The portal cannot carry this email address in its requests (it contains / ? # % "
        "or \\). Use another address; nothing was changed.",
    ),
    "needs-guidance": QT_TRANSLATE_NOOP(
        "PortalError",
        "The page is not as expected, so the app will not click there: do this step yourself, "
        "following the guide.",
    ),
    "not-verified": QT_TRANSLATE_NOOP(
        "PortalError", "The portal's answer does not show the expected change."
    ),
    "guided-skipped": QT_TRANSLATE_NOOP(
        "PortalError", "You skipped this step, so the license was left as it was."
    ),
    "page-not-understood": QT_TRANSLATE_NOOP(
        "PortalError",
        "The page does not look like My Atlassian's licenses page (it may have changed). "
        "Open the licenses page and try again.",
    ),
}

# A key's words when its ``%1`` names the account: a license that failed says whose sign-in
# ended; an account's own error (no arguments) keeps the catalogue's words above.
NAMED_ERROR_TEXTS: dict[str, str] = {
    "unauthenticated": QT_TRANSLATE_NOOP(
        "PortalError",
        "The sign-in of %1 ended before this license was finished. Sign in to that account "
        "again, then retry.",
    ),
}

ENGINE_ERROR_TEXTS: dict[str, str] = {
    EngineErrorKey.NO_SESSION: QT_TRANSLATE_NOOP(
        "EngineError", "%1 is not signed in: sign in to this account and try again."
    ),
    EngineErrorKey.NOT_VERIFIED: QT_TRANSLATE_NOOP(
        "EngineError", "The portal's answer does not show the expected change."
    ),
    EngineErrorKey.OUTCOME_UNKNOWN: QT_TRANSLATE_NOOP(
        "EngineError",
        "The portal did not confirm the change and the license could not be read again.",
    ),
    EngineErrorKey.INTERRUPTED: QT_TRANSLATE_NOOP(
        "EngineError", "The run was interrupted before this license finished."
    ),
    EngineErrorKey.SIGN_IN_KEEPS_ENDING: QT_TRANSLATE_NOOP(
        "EngineError",
        "The portal keeps ending the sign-in of %1: it was signed in again %2 times in a row "
        "and still refused. Try again later.",
    ),
}

# (context, texts) in the order render() looks a key up.
CATALOGUES: tuple[tuple[str, Mapping[str, str]], ...] = (
    ("PlanReason", REASON_TEXTS),
    ("Outcome", OUTCOME_TEXTS),
    ("PortalError", PORTAL_ERROR_TEXTS),
    ("EngineError", ENGINE_ERROR_TEXTS),
)

_PLACEHOLDER = re.compile(r"%([1-9])")


def substitute(text: str, args: Sequence[str]) -> str:
    """Replace ``%1`` … ``%9`` with ``args`` in one pass (an argument is never re-read)."""

    def one(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return args[index] if index < len(args) else match.group(0)

    return _PLACEHOLDER.sub(one, text)


def text_for(key: str, context: str | None = None) -> tuple[str, str] | None:
    """``(context, English text)`` of a key, or None when no catalogue has it."""
    for name, texts in CATALOGUES:
        if (context is None or name == context) and key in texts:
            return name, texts[key]
    return None


def render(
    key: str,
    args: Sequence[str] = (),
    translate: Translate = identity,
    *,
    context: str | None = None,
) -> str:
    """Word ``key`` with its ``%1`` … arguments; ``context`` picks one catalogue.

    Without ``context`` the catalogues are searched in the order of :data:`CATALOGUES`
    (``excluded`` is both a reason and an outcome: the reason wins). An unknown key gives a
    generic text rather than an exception, so a new portal error never breaks a screen.
    With arguments, a key in :data:`NAMED_ERROR_TEXTS` is worded naming its account.
    """
    found = text_for(key, context)
    if args and key in NAMED_ERROR_TEXTS and (context is None or context == "PortalError"):
        found = ("PortalError", NAMED_ERROR_TEXTS[key])
    if found is None:
        found = ("PortalError", PORTAL_ERROR_TEXTS["portal-error"])
    name, text = found
    return substitute(translate(name, text), args)

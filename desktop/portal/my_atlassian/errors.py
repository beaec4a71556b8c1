"""Typed errors of the live connector. Each is a PortalError, so the engine treats them like a
portal's answers; none carries page text beyond a visible label or a SEN."""

from __future__ import annotations

from desktop.portal.errors import PortalError


class NeedsGuidance(PortalError):
    """The app will not click: a label is missing, ambiguous or the page changed. The person
    does the step themselves, guided (the caller falls back to guided mode)."""

    error_key = "needs-guidance"

    def __init__(self, message: str = "", *, reason: str = "", label: str = "") -> None:
        super().__init__(message)
        self.reason = reason  # "missing", "ambiguous", "disabled", "mismatch", "collapsed", …
        self.label = label


class StepNotVerified(PortalError):
    """The step was performed, but re-reading the page does not show it: it did not take effect."""

    error_key = "not-verified"


class GuidedStepSkipped(PortalError):
    """The person chose to skip a guided step."""

    error_key = "guided-skipped"


class SignInRequired(PortalError):
    """The page asks to sign in again (the session ended, or the person signed out)."""

    error_key = "unauthenticated"
    status = 401


class PageNotUnderstood(PortalError):
    """The page does not look like the My Atlassian licenses page (it may have changed)."""

    error_key = "page-not-understood"

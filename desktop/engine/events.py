"""What a run reports as it goes, for a UI's progress list or the CLI's lines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from desktop.domain.models import License
from desktop.engine.plan import StepKind


class StepStatus(StrEnum):
    STARTED = "started"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    SKIPPED = "skipped"  # already applied (found on re-read) or not needed
    WAITING_FOR_SIGN_IN = "waiting-for-sign-in"  # paused: its actor's sign-in ended


class Outcome(StrEnum):
    """How one license ended."""

    DONE = "done"  # the target is now primary, verified from the portal's answer
    ALREADY_DONE = "already-done"
    PARTIAL = "partial"  # e.g. contact added, promotion needs the target to sign in
    NEEDS_TARGET_SIGN_IN = "needs-target-sign-in"
    NOT_POSSIBLE = "not-possible"
    CANNOT_ACT = "cannot-act"
    EXCLUDED = "excluded"
    FAILED = "failed"
    CANCELLED = "cancelled"  # not started, or stopped between steps, because of Cancel


@dataclass(frozen=True, slots=True)
class StepEvent:
    """A step started, succeeded, failed or was skipped.

    ``error_key`` is the portal's errorKey (or an engine key) on failure; ``message`` is plain
    English detail for logs. Neither ever holds a secret.
    """

    sen: str
    step: StepKind
    status: StepStatus
    error_key: str = ""
    message: str = ""


@dataclass(frozen=True, slots=True)
class LicenseFinished:
    """One license reached its end state; ``license`` is the portal's last answer, if any.

    ``steps_done`` are the steps that took effect in this run (a step found already applied
    is not one); ``at`` is when the license finished (UTC); ``error_args`` are the ``%1`` …
    arguments of ``error_key``'s text.
    """

    sen: str
    outcome: Outcome
    license: License | None = None
    error_key: str = ""
    message: str = ""
    steps_done: tuple[StepKind, ...] = ()
    at: datetime | None = None
    error_args: tuple[str, ...] = ()

    @property
    def new_primary(self) -> str | None:
        """The primary technical contact in the portal's last answer."""
        if self.license is None:
            return None
        primary = self.license.primary_technical_contact
        return primary.email if primary is not None else None

    @property
    def new_billing_primary(self) -> str | None:
        """The primary billing contact in the portal's last answer."""
        if self.license is None:
            return None
        primary = self.license.primary_billing_contact
        return primary.email if primary is not None else None


@dataclass(frozen=True, slots=True)
class SessionPaused:
    """The sign-in of ``actor`` ended (``unauthenticated``): the licenses needing that account
    wait (each says so with a :attr:`StepStatus.WAITING_FOR_SIGN_IN` step event) while the
    executor asks for a new sign-in. Other accounts' licenses go on."""

    actor: str


@dataclass(frozen=True, slots=True)
class SessionResumed:
    """The new sign-in of ``actor`` ended the pause: ``ok`` when it worked (the waiting
    licenses go on), else (declined, failed, or Cancel) they fail or are cancelled."""

    actor: str
    ok: bool


ProgressEvent = StepEvent | LicenseFinished | SessionPaused | SessionResumed

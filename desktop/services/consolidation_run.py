"""Runs the engine's Executor on the Qt (qasync) loop and re-emits its progress as Qt signals.

The run records every outcome into the wizard's :class:`ConsolidationFlow` itself (started,
each license's end state, finished); the run page only renders the flow and listens to
``stepChanged``, ``licenseFinished`` and ``runFinished`` to repaint. It never awaits anything
itself. Cancel lets in-flight requests finish, then stops.

A sign-in that ends during the run pauses that account's licenses (``sessionPaused``) while the
launcher's ``sign_in_again`` signs it in again (the embedded sign-in window, or the stored
password, else a password dialog). When that sign-in is closed or fails, the run says so
(``signInClosed``) and waits for the person: :meth:`ConsolidationRun.sign_in_again` tries
again, :meth:`ConsolidationRun.skip_sign_in` lets the account's waiting licenses fail.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from desktop.domain.models import Account, License
from desktop.engine.events import (
    LicenseFinished,
    ProgressEvent,
    SessionPaused,
    SessionResumed,
    StepEvent,
)
from desktop.engine.executor import Executor, ExecutorError, RunResult
from desktop.engine.journal import (
    Journal,
    JournalBusy,
    JournalError,
    ResumeRefused,
    RunUnreadable,
)
from desktop.engine.plan import Plan
from desktop.engine.report import ReportError, write_report
from desktop.portal.errors import PortalError
from desktop.portal.protocol import PortalSession
from desktop.services.consolidation_flow import ConsolidationFlow

if TYPE_CHECKING:
    from desktop.services.my_atlassian.live_accounts import LiveAccounts

log = logging.getLogger(__name__)

Translate = Callable[[str, str], str]
PAINT_FIRST_S = 0.03


@dataclass(frozen=True, slots=True)
class SignInResult:
    """An account signed in from the wizard, its live session and every license now read."""

    account: Account
    session: PortalSession
    licenses: Sequence[License]
    place: str | None = None  # its portal, as the journal records it (portal_of)


# Shows the app's sign-in dialog (pre-filled with an email, or "") and reads the licenses again;
# None when the person cancelled. Provided by the main window.
SignIn = Callable[[str], Awaitable[SignInResult | None]]

# Signs an account in again whose sign-in ended during the run (its email, lower case): its new
# session, or None when the person closed the sign-in or it failed. Provided by the launcher.
SignInAgain = Callable[[str], Awaitable[PortalSession | None]]


class ConsolidationRun(QObject):
    """One consolidation run (and its retries) for the wizard.

    Args:
        flow: the wizard's flow, which the run keeps told of where it is.
        sessions: the signed-in sessions by account email (the plan's step actors).
        journal: where the run is recorded, so it can be resumed after a crash.
        concurrency: licenses worked on at once.
        live_accounts: the My Atlassian pages, for showing the one at work (run page).
        sign_in_again: signs an account in again whose sign-in ended during the run; without
            it, that account's licenses fail with ``unauthenticated``.
        executor_options: more :class:`Executor` options (``step_attempts``, ``retry_pause_s``).
    """

    stepChanged = Signal(object)  # StepEvent
    licenseFinished = Signal(object)  # LicenseFinished
    runFinished = Signal(object)  # RunResult
    runBroke = Signal(str)  # errorKey: the run itself could not go on (not one license)
    sessionPaused = Signal(str)  # email: its sign-in ended; its licenses wait for a new one
    signInClosed = Signal(str)  # email: that sign-in was closed or failed; the run waits
    sessionResumed = Signal(str, bool)  # email, signed in again (else its licenses end)

    def __init__(
        self,
        flow: ConsolidationFlow,
        sessions: Mapping[str, PortalSession],
        *,
        journal: Journal,
        concurrency: int = 4,
        parent: QObject | None = None,
        live_accounts: LiveAccounts | None = None,
        sign_in_again: SignInAgain | None = None,
        **executor_options: Any,
    ) -> None:
        super().__init__(parent)
        self.flow = flow
        self.live_accounts = live_accounts
        self._sign_in_again = sign_in_again
        self._choices: dict[str, asyncio.Future[bool]] = {}  # closed sign-ins: again or skip
        self._executor = Executor(
            sessions,
            journal,
            concurrency=concurrency,
            on_event=self._on_event,
            reauthenticate=self._reauthenticate if sign_in_again is not None else None,
            **executor_options,
        )
        self.journal = journal
        self._task: asyncio.Task[Any] | None = None
        self._busy = False
        self._result: RunResult | None = None

    # --- what the wizard calls -------------------------------------------------------------

    def add_session(self, email: str, session: PortalSession, place: str | None = None) -> None:
        """An account signed in from the wizard (e.g. the target) can act from now on;
        ``place`` is its portal (:func:`~desktop.services.session_broker.portal_of`)."""
        self._executor.add_session(email, session, place)

    @property
    def running(self) -> bool:
        return self._busy

    def live_emails(self) -> list[str]:
        """The acting accounts that work through a My Atlassian page."""
        live = self.live_accounts
        if live is None:
            return []
        return [email for email in self._executor.sessions if live.session(email) is not None]

    @property
    def result(self) -> RunResult | None:
        return self._result

    def start(self, plan: Plan) -> None:
        """Run the confirmed plan (the flow must hold the confirmation)."""
        self.flow.run_started()
        self._launch(lambda executor: executor.run(plan))

    def resume(self, run_id: str) -> None:
        """Go on with an unfinished run from the journal (``flow.resume_from`` first)."""
        self.flow.run_started()
        self._launch(lambda executor: executor.resume(run_id))

    def retry_failed(self) -> None:
        """Run again what failed last time (re-reading each license first)."""
        previous = self._result
        if previous is None or self.running:
            return
        self.flow.retry_started()
        self._launch(lambda executor: executor.retry_failed(previous))

    def cancel(self) -> None:
        """Stop after the requests in flight have finished."""
        if self.running:
            log.info("cancel requested")
            self._executor.cancel()

    @property
    def paused(self) -> list[str]:
        """The accounts whose new sign-in the run waits for now."""
        return self._executor.paused

    def waiting_for_person(self) -> list[str]:
        """The paused accounts whose sign-in was closed or failed: the run waits for
        :meth:`sign_in_again` or :meth:`skip_sign_in`."""
        return [email for email, choice in self._choices.items() if not choice.done()]

    def sign_in_again(self, email: str) -> None:
        """Open the sign-in of a paused account again (after it was closed or failed)."""
        self._choose(email, again=True)

    def skip_sign_in(self, email: str) -> None:
        """Do not sign a paused account in again: its waiting licenses fail (to retry later)."""
        self._choose(email, again=False)

    async def wait(self) -> RunResult | None:
        """Until the current run has finished (tests, the self-test)."""
        if self._task is not None:
            await asyncio.shield(self._task)
        return self._result

    @property
    def can_export(self) -> bool:
        """Whether there is a run to report on (finished, or stopped: from the journal)."""
        return self._result is not None or self._executor.run_id is not None

    def export_report(self, path: Path, translate: Translate, language: str = "en") -> Path:
        """Write the report of the last run (.xlsx or .csv by the file's suffix); as often as
        asked, after a failure too. A run that broke off is reported from the journal.

        Raises:
            ReportError: no run yet, the suffix is neither .xlsx nor .csv, the path is a
                folder, or the file could not be written.
        """
        result = self._result
        if result is None and self._executor.run_id is not None and not self.running:
            try:
                result = self.journal.load_result(self._executor.run_id)
            except JournalError as error:
                log.warning("no report from the journal: %s", error)
        if result is None:
            raise ReportError("No run has finished yet.", "report-no-run")
        return write_report(result, path, translate=translate, language=language)

    # --- internals -------------------------------------------------------------------------

    def _launch(self, make: Callable[[Executor], Awaitable[RunResult]]) -> None:
        if self.running:
            raise RuntimeError("a run is already going on")
        self._busy = True
        self._task = asyncio.ensure_future(self._drive(make(self._executor)))

    async def _drive(self, work: Awaitable[RunResult]) -> None:
        try:
            await asyncio.sleep(PAINT_FIRST_S)  # let the page paint before the journal write
            result = await work
        except PortalError as error:
            log.warning("run stopped: %s", error.error_key)
            self._broke(error.error_key)
            return
        except ExecutorError:
            log.warning("run could not start", exc_info=True)
            self._broke("cannot-resume")
            return
        except JournalError as error:
            log.warning("run stopped: %s", error)
            self._broke(_journal_error_key(error))
            return
        except Exception:
            log.exception("run failed")
            self._broke("internal-error")
            return
        finally:
            self._busy = False
        self._result = result
        self.flow.run_finished()
        self.runFinished.emit(result)

    def _choose(self, email: str, *, again: bool) -> None:
        choice = self._choices.get(email.lower())
        if choice is not None and not choice.done():
            choice.set_result(again)

    async def _reauthenticate(self, email: str) -> PortalSession | None:
        """The executor's hook: the launcher's sign-in, then, while it is closed or fails, the
        person's answer (sign in again, or skip the account)."""
        assert self._sign_in_again is not None
        while True:
            session = await self._sign_in_again(email)
            if session is not None:
                return session
            choice: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
            self._choices[email] = choice
            log.info("a new sign-in was not made; waiting for the person")
            self.signInClosed.emit(email)
            try:
                again = await choice
            finally:
                self._choices.pop(email, None)
            if not again:
                log.info("the person skipped a new sign-in; its licenses fail")
                return None

    def _broke(self, error_key: str) -> None:
        self.flow.run_finished()
        self.runBroke.emit(error_key)

    def _on_event(self, event: ProgressEvent) -> None:
        if isinstance(event, StepEvent):
            self.stepChanged.emit(event)
        elif isinstance(event, LicenseFinished):
            self.flow.record(event.sen, event.outcome, event.error_key)
            self.licenseFinished.emit(event)
        elif isinstance(event, SessionPaused):
            self.sessionPaused.emit(event.actor)
        elif isinstance(event, SessionResumed):
            self.sessionResumed.emit(event.actor, event.ok)


def _journal_error_key(error: JournalError) -> str:
    """The wizard's message key for a journal that stops a run."""
    if isinstance(error, ResumeRefused):
        return "resume-elsewhere"
    if isinstance(error, RunUnreadable):
        return "run-unreadable"
    if isinstance(error, JournalBusy):
        return "journal-busy"
    return "journal-unwritable"

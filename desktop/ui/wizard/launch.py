"""The wizard launcher: opens the consolidation wizard over the main window (signing every
account in first), offers to resume an unfinished run at start-up, and signs accounts in from
inside the wizard with the app's own dialogs — during a run too, when an account's sign-in
ends (the embedded sign-in window for My Atlassian; the stored password, else a password
dialog, for a portal).

The application object makes one and connects it to ``MainWindow.consolidateRequested``; it
owns the journal path, the open wizard, the task opening it and the clean-up after it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from desktop.domain.merge import merge_licenses
from desktop.domain.models import Account
from desktop.domain.text import printable
from desktop.engine.journal import (
    Journal,
    JournalBusy,
    JournalError,
    ResumeRefused,
    RunSummary,
    RunUnreadable,
)
from desktop.engine.plan import PlanKind
from desktop.engine.planner import make_plan
from desktop.portal.errors import BadCredentials, PortalError
from desktop.portal.protocol import PortalSession
from desktop.services.account_store import AccountStore
from desktop.services.consolidation_flow import ConsolidationFlow, Finished
from desktop.services.consolidation_run import (
    ConsolidationRun,
    SignIn,
    SignInAgain,
    SignInResult,
)
from desktop.services.error_messages import error_message
from desktop.services.my_atlassian.live_accounts import LiveAccounts
from desktop.services.passwords import PasswordBook
from desktop.services.refresh import RefreshService
from desktop.services.removal_flow import RemovalFlow
from desktop.services.session_broker import (
    SessionBroker,
    SignInWay,
    display_name,
    portal_of,
    traits,
)
from desktop.ui.account_actions import AccountActions
from desktop.ui.add_account_dialog import AddAccountDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.my_atlassian.sign_in_window import SignInWindow
from desktop.ui.removal.removal_wizard import RemovalWizard
from desktop.ui.wizard.consolidation_wizard import ConsolidationWizard
from desktop.ui.wizard.texts import error_text

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

AnyWizard = ConsolidationWizard | RemovalWizard


class WizardLauncher(QObject):
    """Opens the wizard and keeps what belongs to it until it closes.

    Args:
        window: the main window the wizard opens over (and refreshes after a run).
        store: the accounts; a sign-in from the wizard that worked is added to it.
        passwords: where such a sign-in's password is kept.
        broker: signs the accounts in and reads them.
        refresher: the licenses already read (the table's), and "Show in table".
        live: the My Atlassian pages, for the run page.
        accounts: the app's sign-in dialogs (the embedded My Atlassian sign-in).
        journal_path: the run journal (None: the default in the user data folder).
    """

    def __init__(
        self,
        window: MainWindow,
        *,
        store: AccountStore,
        passwords: PasswordBook,
        broker: SessionBroker,
        refresher: RefreshService,
        live: LiveAccounts,
        accounts: AccountActions,
        journal_path: Path | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._store = store
        self._passwords = passwords
        self._broker = broker
        self._refresher = refresher
        self._live = live
        self._accounts = accounts
        self.journal_path = journal_path
        self.wizard: AnyWizard | None = None  # the open (or last) wizard
        self.task: asyncio.Task[AnyWizard | None] | None = None  # opening it
        self.cleanup: asyncio.Future[Any] | None = None  # closing its sessions
        self._asking = asyncio.Lock()  # one sign-in window or password dialog at a time

    def open_journal(self) -> Journal:
        return Journal(self.journal_path)

    def launch(self, resume: RunSummary | None = None) -> asyncio.Task[AnyWizard | None]:
        """What the "Consolidate…" action does: sign in, then open the wizard (a task). A
        resumed run opens the wizard of its kind (a removal's for a removal)."""
        kind = resume.kind if resume is not None else PlanKind.CONSOLIDATE
        self.task = asyncio.ensure_future(self.open_any(resume=resume, kind=kind))
        return self.task

    def launch_removal(self) -> asyncio.Task[AnyWizard | None]:
        """What "Remove contacts who have left…" does: sign in, then open its wizard."""
        self.task = asyncio.ensure_future(self.open_any(kind=PlanKind.REMOVE_CONTACTS))
        return self.task

    async def open_wizard(self, *, resume: RunSummary | None = None) -> ConsolidationWizard | None:
        """The consolidation wizard (None when it did not open, or another wizard is open)."""
        wizard = await self.open_any(resume=resume)
        return wizard if isinstance(wizard, ConsolidationWizard) else None

    async def open_removal(self, *, resume: RunSummary | None = None) -> RemovalWizard | None:
        """The removal wizard (None when it did not open, or another wizard is open)."""
        wizard = await self.open_any(resume=resume, kind=PlanKind.REMOVE_CONTACTS)
        return wizard if isinstance(wizard, RemovalWizard) else None

    async def open_any(
        self, *, resume: RunSummary | None = None, kind: PlanKind = PlanKind.CONSOLIDATE
    ) -> AnyWizard | None:
        """Sign every account in, read its licenses again, and show the wizard over the window
        (the consolidation's, or the removal's for ``PlanKind.REMOVE_CONTACTS``)."""
        existing = self.wizard
        if existing is not None and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing
        window = self._window
        removal = kind is PlanKind.REMOVE_CONTACTS
        title = (
            translate("WizardLauncher", "Remove contacts who have left")
            if removal
            else translate("WizardLauncher", "Consolidate licenses")
        )
        try:  # first: a journal another process holds stops here, before any sign-in
            journal = self.open_journal()
        except JournalError as error:
            log.warning("the run journal cannot be opened: %s", error)
            _warn(window, title, journal_problem(error)).setObjectName("journalMessage")
            return None
        accounts = self._store.active_accounts()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            opened = await self._broker.open_all(accounts)
        except Exception:  # never silence: "Consolidate…" always answers
            log.exception("the accounts could not be read for the wizard")
            journal.close()
            _warn(window, title, _unexpected_read_error()).setObjectName("accountErrorsMessage")
            return None
        except BaseException:
            journal.close()
            raise
        finally:
            QApplication.restoreOverrideCursor()
        sessions = opened.sessions
        if resume is not None:
            try:  # only where the run was confirmed: same portal, its own accounts
                journal.check_resume(resume.run_id, opened.places)
            except JournalError as error:
                log.warning("run not resumed: %s", error)
                journal.close()
                await opened.close()
                _warn(window, title, journal_problem(error)).setObjectName("journalMessage")
                return None
        failed = _failed_accounts_text(accounts, opened.errors, removal=removal)
        if opened.errors:
            log.warning("%d accounts could not be read for the wizard", len(opened.errors))
        if failed and not sessions:  # nobody could act: say why instead of an empty wizard
            journal.close()
            _warn(window, title, failed).setObjectName("accountErrorsMessage")
            return None
        licenses = merge_licenses([*self._refresher.licenses, *opened.licenses])
        kept = window.target_email() or None  # never removed; marked among the targets
        flow: ConsolidationFlow = (
            RemovalFlow(licenses, accounts, sessions.keys(), keep=kept)
            if removal
            else ConsolidationFlow(
                licenses, accounts, sessions.keys(), planner=make_plan, last_target=kept
            )
        )
        runner = ConsolidationRun(
            flow,
            sessions,
            journal=journal,
            live_accounts=self._live,
            sign_in_again=self._sign_in_again_for(sessions),
            places=opened.places,
        )
        wizard: AnyWizard = (
            RemovalWizard(flow, runner, parent=window)
            if isinstance(flow, RemovalFlow)
            else ConsolidationWizard(
                flow, runner, sign_in=self._sign_in_for(sessions), parent=window
            )
        )
        wizard.setWindowModality(Qt.WindowModality.WindowModal)
        runner.setParent(wizard)
        if resume is not None:
            flow.resume_from(
                journal.load_plan(resume.run_id),
                [
                    Finished(f.sen, f.outcome, f.error_key)
                    for f in journal.outcomes(resume.run_id).values()
                ],
            )
            wizard.resume(resume.run_id)

        def show_in_table(target: str) -> None:
            if target:
                window.set_target_email(target)
            window.refresh()

        def finished(result: int) -> None:
            del result
            if runner.result is not None:
                if flow.target:  # "Not yet consolidated" compares with the target chosen
                    window.set_target_email(flow.target)
                window.refresh()
            journal.close()
            self.cleanup = asyncio.ensure_future(
                asyncio.gather(*(session.close() for session in sessions.values()))
            )

        if not removal:  # "Changed" marks new primary contacts, which a removal never makes
            runner.runFinished.connect(
                lambda _result: window.license_panel.set_changed(flow.changes())
            )
        wizard.showInTableRequested.connect(show_in_table)
        wizard.finished.connect(finished)
        self.wizard = wizard
        wizard.show()
        if failed:  # the others go on; these are named, each with its reason
            _warn(wizard, title, failed).setObjectName("accountErrorsMessage")
        return wizard

    # --- sign-in from inside the wizard ----------------------------------------------------

    def _sign_in_for(self, sessions: dict[str, PortalSession]) -> SignIn:
        """Sign in from inside the wizard with the app's own dialogs, then read again. Only a
        sign-in that worked joins the account list (and its password the keyring)."""

        async def sign_in(email: str) -> SignInResult | None:
            return await self._sign_in(email, sessions)

        return sign_in

    async def _sign_in(self, email: str, sessions: dict[str, PortalSession]) -> SignInResult | None:
        parent: QWidget = self.wizard or self._window
        known = next((a for a in self._store.active_accounts() if a.email == email), None)
        way = traits(known).sign_in if known is not None else None
        if known is not None and way is SignInWay.BUILT_IN:
            return await self._signed_in(known, self._broker.password(known), parent, sessions)
        if known is not None and way is SignInWay.BROWSER:
            live_window = self._accounts.sign_in_to_my_atlassian(email)
            return await self._signed_in_live(live_window, sessions)
        dialog = AddAccountDialog(parent, offer_demo=False)
        if email:
            dialog.email_edit.setText(email)
        if await _finished(dialog) != QDialog.DialogCode.Accepted.value:
            return None
        if dialog.my_atlassian:
            live_window = self._accounts.sign_in_chosen_in(dialog, email)
            return await self._signed_in_live(live_window, sessions)
        account, password = dialog.result_account, dialog.result_password
        dialog.result_password = ""
        if account is None:
            return None
        result = await self._signed_in(account, password, parent, sessions)
        if result is not None:
            self._accounts.keep_password(account, password, dialog.remember)
            self._store.add(account)
        return result

    async def _signed_in(
        self,
        account: Account,
        password: str | None,
        parent: QWidget,
        sessions: dict[str, PortalSession],
    ) -> SignInResult | None:
        if password is None:
            return None
        try:
            session = await self._broker.open(account, password)
        except PortalError as error:  # say so in plain words; nothing is stored
            _warn(parent, translate("WizardLauncher", "Sign in"), error_message(error.error_key))
            return None
        return await self._with_session(session, sessions)

    async def _signed_in_live(
        self, sign_in_window: SignInWindow, sessions: dict[str, PortalSession]
    ) -> SignInResult | None:
        """The embedded My Atlassian sign-in (the account actions store the account)."""
        if await _finished(sign_in_window) != QDialog.DialogCode.Accepted.value:
            return None
        account = sign_in_window.result_account
        session = self._live.session(account.key) if account is not None else None
        return await self._with_session(session, sessions) if session is not None else None

    async def _with_session(
        self, session: PortalSession, sessions: dict[str, PortalSession]
    ) -> SignInResult:
        sessions[session.account.email] = session
        fresh = await self._broker.read_sessions(sessions)
        licenses = merge_licenses([*self._refresher.licenses, *fresh])
        return SignInResult(session.account, session, licenses, portal_of(session.account))

    # --- a sign-in that ends during the run -----------------------------------------------

    def _sign_in_again_for(self, sessions: dict[str, PortalSession]) -> SignInAgain:
        """The run's new sign-in of an account whose sign-in ended; the new session joins
        ``sessions`` (closed with the wizard's)."""

        async def again(email: str) -> PortalSession | None:
            session = await self._sign_in_again(email)
            if session is not None:
                sessions[session.account.email] = session
            return session

        return again

    async def _sign_in_again(self, email: str) -> PortalSession | None:
        account = next(
            (a for a in self._store.active_accounts() if a.email.lower() == email.lower()), None
        )
        if account is None:
            log.warning("an account signing in again is no longer in the list")
            return None
        parent: QWidget = self.wizard or self._window
        way = traits(account).sign_in
        if way is SignInWay.BROWSER:
            async with self._asking:  # several accounts' sign-ins ended: one after another
                window = self._accounts.sign_in_again_during_run(account.email, parent)
                try:
                    code = await _finished(window)
                finally:
                    if window.isVisible():  # the run was cancelled meanwhile
                        window.reject()
            if code != QDialog.DialogCode.Accepted.value:
                return None
            log.info("a My Atlassian account signed in again during the run")
            return self._live.session(account.key)
        if way not in (SignInWay.BUILT_IN, SignInWay.PASSWORD):
            return None
        known = self._broker.password(account)
        if known is not None:  # the stored password first, without asking
            try:
                session = await self._broker.open(account, known)
            except BadCredentials:
                log.info("the stored password was refused; asking for it")
            except PortalError as error:  # unreachable, say: a password would not help
                async with self._asking:
                    await self._tell(parent, error_message(error.error_key))
                return None
            else:
                log.info("signed in again with the stored password during the run")
                return session
        async with self._asking:
            return await self._asked_password(account, parent)

    async def _asked_password(self, account: Account, parent: QWidget) -> PortalSession | None:
        """Ask for the password of ``account`` (its address as it is: the run's), sign in."""
        dialog = AddAccountDialog(parent, account=account, offer_demo=False)
        dialog.setObjectName("passwordAgainDialog")
        dialog.portal_combo.setEnabled(False)
        dialog.url_edit.setReadOnly(True)  # the run was confirmed for this portal
        try:
            code = await _finished(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()
        password, dialog.result_password = dialog.result_password, ""
        if code != QDialog.DialogCode.Accepted.value or not password:
            return None
        try:
            session = await self._broker.open(account, password)
        except PortalError as error:  # said in plain words (read before the run asks again)
            await self._tell(parent, error_message(error.error_key))
            return None
        self._accounts.keep_password(account, password, dialog.remember)
        log.info("signed in again with a password typed during the run")
        return session

    @staticmethod
    async def _tell(parent: QWidget, text: str) -> None:
        """Why the new sign-in did not work, until the person has read it (closed with the
        run when it is cancelled meanwhile)."""
        box = _warn(parent, translate("WizardLauncher", "Sign in again"), text)
        try:
            await _finished(box)
        finally:
            if shiboken6.isValid(box) and box.isVisible():
                box.reject()

    # --- start-up: an unfinished run -------------------------------------------------------

    def offer_resume(self) -> QMessageBox | None:
        """When the journal holds an unfinished run, ask: Resume / Discard (history is kept) /
        Later (nothing changed, asked again at the next start).

        A run (or a journal file) the app cannot read is set aside and said so once; a
        journal another process holds offers nothing (that process is running it).
        """
        try:
            journal = self.open_journal()
        except JournalBusy:
            log.info("the run journal is in use by another process: nothing offered")
            return None
        except JournalError:
            log.warning("the run journal cannot be opened", exc_info=True)
            return None
        try:
            runs = journal.unfinished_runs()  # a removal too: resumed in its own wizard
            set_aside = journal.newly_set_aside()
            old_file = journal.set_aside_file
        except JournalError:
            log.warning("the run journal cannot be read", exc_info=True)
            return None
        finally:
            journal.close()
        note = _set_aside_note(len(set_aside), old_file)
        if not runs:
            if not note:
                return None
            box = _warn(self._window, translate("WizardLauncher", "Unfinished consolidation"), note)
            box.setObjectName("journalSetAsideMessage")
            return box
        return self._resume_box(runs[0], note)

    def _resume_box(self, run: RunSummary, note: str) -> QMessageBox:
        box = QMessageBox(self._window)
        box.setObjectName("resumeRunMessage")
        box.setIcon(QMessageBox.Icon.Question)
        removal = run.kind is PlanKind.REMOVE_CONTACTS
        box.setWindowTitle(
            translate("WizardLauncher", "Unfinished removal")
            if removal
            else translate("WizardLauncher", "Unfinished consolidation")
        )
        n = run.pending
        question = (
            translate(
                "WizardLauncher",
                "Removing %1 from the contacts of the licenses did not finish: %n license(s) left.",
                None,
                n,
            )
            if removal
            else translate(
                "WizardLauncher",
                "A consolidation into %1 did not finish: %n license(s) left.",
                None,
                n,
            )
        )
        whom = ", ".join(run.leaving) if removal else run.target
        box.setText(question.replace("%1", printable(whom)))
        informative = translate(
            "WizardLauncher",
            "Resume it now? Each license is read again first, so nothing is done twice. "
            "Discard keeps it in the history but does not go on with it. Later asks again "
            "at the next start.",
        )
        box.setInformativeText(informative + ("\n\n" + note if note else ""))
        resume = box.addButton(
            translate("WizardLauncher", "&Resume"), QMessageBox.ButtonRole.AcceptRole
        )
        discard = box.addButton(
            translate("WizardLauncher", "&Discard"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        later = box.addButton(
            translate("WizardLauncher", "&Later"), QMessageBox.ButtonRole.RejectRole
        )
        later.setObjectName("resumeLater")
        box.setDefaultButton(resume)
        box.setEscapeButton(later)  # Escape: nothing discarded, asked again at the next start

        def answered() -> None:
            clicked = box.clickedButton()
            if clicked is resume:
                self.launch(resume=run)
            elif clicked is discard:
                self._discard(run)

        box.finished.connect(answered)
        box.open()
        return box

    def _discard(self, run: RunSummary) -> None:
        try:
            with self.open_journal() as journal:
                journal.discard(run.run_id)
        except JournalError as error:
            log.warning("run not discarded: %s", error)
            _warn(
                self._window,
                translate("WizardLauncher", "Unfinished consolidation"),
                journal_problem(error),
            ).setObjectName("journalMessage")
            return
        log.info("unfinished run discarded")


def journal_problem(error: JournalError) -> str:
    """What the person is told when the journal stops the wizard (in plain words)."""
    if isinstance(error, JournalBusy):
        return error_text("journal-busy")
    if isinstance(error, ResumeRefused):
        return translate(
            "WizardLauncher",
            "This run was confirmed for %1 and its accounts; the accounts signed in now are "
            "elsewhere. It is resumed only there. Nothing was changed.",
        ).replace("%1", printable(", ".join(sorted(set(error.recorded.values()))) or "?"))
    if isinstance(error, RunUnreadable):
        return error_text("run-unreadable")
    return translate(
        "WizardLauncher",
        "The run journal cannot be opened, so a run could not be resumed after a crash.",
    )


def _set_aside_note(runs: int, old_file: Path | None) -> str:
    """The one message about what the journal set aside (empty: nothing)."""
    parts: list[str] = []
    if old_file is not None:
        parts.append(
            translate(
                "WizardLauncher",
                "The run journal could not be read, so a new one was started. The old file is "
                "kept as %1.",
            ).replace("%1", str(old_file))
        )
    if runs:
        parts.append(
            translate(
                "WizardLauncher",
                "%n run(s) in the journal cannot be read, so they are not offered for "
                "resuming. They are kept as they are.",
                None,
                runs,
            )
        )
    return " ".join(parts)


def _failed_accounts_text(
    accounts: list[Account], errors: Mapping[str, PortalError], *, removal: bool = False
) -> str:
    """Which accounts could not be signed in or read, each with the reason ("" when none)."""
    if not errors:
        return ""
    lines = [
        translate(
            "WizardLauncher",
            "These accounts could not be read now, so they cannot take part in this removal:",
        )
        if removal
        else translate(
            "WizardLauncher",
            "These accounts could not be read now, so they cannot take part in this consolidation:",
        )
    ]
    for account in accounts:
        error = errors.get(account.key)
        if error is not None:
            name = printable(display_name(account))
            lines.append(f"\u2022 {name}: {error_message(error.error_key)}")
    lines.append(
        translate(
            "WizardLauncher",
            "The other accounts can go on. To include these, fix them in the account list "
            "(Sign in again…), then press Remove contacts who have left… again.",
        )
        if removal
        else translate(
            "WizardLauncher",
            "The other accounts can go on. To include these, fix them in the account list "
            "(Sign in again…), then press Consolidate… again.",
        )
    )
    return "\n\n".join([lines[0], "\n".join(lines[1:-1]), lines[-1]])


def _unexpected_read_error() -> str:
    return translate(
        "WizardLauncher",
        "The accounts could not be read because of an unexpected error, so the consolidation "
        "did not open. Nothing was changed. Try again; the log has the details.",
    )


async def _finished(dialog: QDialog) -> int:
    """Open ``dialog`` (window-modal, no nested event loop) unless it is open; its result."""
    done: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def ended(code: int) -> None:
        if not done.done():
            done.set_result(code)

    dialog.finished.connect(ended)
    if not dialog.isVisible():
        dialog.open()
    return await done


def _warn(parent: QWidget, title: str, text: str) -> QMessageBox:
    """A warning that does not block: the coroutine showing it goes on (a nested event loop
    inside a running task would let other tasks step into it)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("wizardSignInError")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box

"""The wizard's hooks into the main window: open it (signing in every account first), offer
to resume an unfinished run at start-up, and the wizard's part of ``--self-test``."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget, QWizard

from desktop.domain.merge import merge_licenses
from desktop.domain.models import Account, AccountKind
from desktop.engine.events import Outcome
from desktop.engine.journal import Journal, JournalError, RunSummary
from desktop.engine.planner import make_plan
from desktop.portal.demo_accounts import DEMO_TARGET
from desktop.portal.errors import PortalError
from desktop.portal.protocol import Portal, PortalSession
from desktop.services.consolidation_flow import ConsolidationFlow, Finished, Step
from desktop.services.consolidation_run import (
    ConsolidationRun,
    SignIn,
    SignInResult,
    read_licenses,
    sign_in_accounts,
)
from desktop.services.error_messages import error_message
from desktop.ui.wizard.consolidation_wizard import ConsolidationWizard

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

CONTEXT = "WizardLauncher"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def open_journal(window: MainWindow) -> Journal:
    """The run journal: ``window.journal_path`` when set (the self-test's), else the default."""
    path: Path | None = getattr(window, "journal_path", None)
    return Journal(path)


def shared_portal(window: MainWindow) -> Callable[[str], Portal]:
    """The refresh service's portals (one client each; the demo's in-process sandbox is the
    one the table reads, so "Show in table" sees what the run changed)."""
    return window.refresher.portal


def launch_wizard(window: MainWindow, *, resume: RunSummary | None = None) -> asyncio.Task[Any]:
    """What the "Consolidate…" action does: sign in, then open the wizard (a task)."""
    task = asyncio.ensure_future(open_wizard(window, resume=resume))
    window.wizard_task = task  # type: ignore[attr-defined]
    return task


async def open_wizard(
    window: MainWindow, *, resume: RunSummary | None = None
) -> ConsolidationWizard | None:
    """Sign every account in, read its licenses again, and show the wizard over the window."""
    existing: ConsolidationWizard | None = getattr(window, "consolidation_wizard", None)
    if existing is not None and existing.isVisible():
        existing.raise_()
        existing.activateWindow()
        return existing
    accounts = window.store.active_accounts()
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        sessions, errors = await sign_in_accounts(
            accounts,
            window.passwords.get,
            shared_portal(window),
            window.live_accounts.session,
        )
        fresh = await read_licenses(sessions) if sessions else []
    finally:
        QApplication.restoreOverrideCursor()
    if errors:
        window.statusBar().showMessage(
            translate(
                "WizardLauncher",
                "Some accounts could not sign in; they are shown read-only in the wizard.",
            ),
            8000,
        )
    licenses = merge_licenses([*window.model.licenses, *fresh])
    try:
        journal = open_journal(window)
    except JournalError:
        log.warning("the run journal cannot be opened", exc_info=True)
        QMessageBox.warning(
            window,
            translate("WizardLauncher", "Consolidate licenses"),
            translate(
                "WizardLauncher",
                "The run journal cannot be opened, so a run could not be resumed after a crash.",
            ),
        )
        return None
    flow = ConsolidationFlow(licenses, accounts, sessions.keys(), planner=make_plan)
    runner = ConsolidationRun(sessions, journal=journal, live_accounts=window.live_accounts)
    wizard = ConsolidationWizard(
        flow, runner, sign_in=_sign_in_for(window, sessions), parent=window
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
            window.refresh()
        journal.close()
        window.wizard_cleanup = asyncio.ensure_future(  # type: ignore[attr-defined]
            asyncio.gather(*(session.close() for session in sessions.values()))
        )

    wizard.showInTableRequested.connect(show_in_table)
    wizard.finished.connect(finished)
    window.consolidation_wizard = wizard  # type: ignore[attr-defined]
    wizard.show()
    return wizard


def _sign_in_for(window: MainWindow, sessions: dict[str, PortalSession]) -> SignIn:
    """Sign in from inside the wizard with the app's own dialogs, then read again. Only a
    sign-in that worked joins the account list (and its password the keyring)."""

    async def sign_in(email: str) -> SignInResult | None:
        from desktop.ui.add_account_dialog import AddAccountDialog

        parent: QWidget = getattr(window, "consolidation_wizard", None) or window
        known = next((a for a in window.store.active_accounts() if a.email == email), None)
        if known is not None and known.kind is AccountKind.DEMO:
            return await signed_in(known, window.passwords.get(known), parent)
        if known is not None and known.kind is AccountKind.MY_ATLASSIAN:
            return await signed_in_live(window.sign_in_to_my_atlassian(email))
        dialog = AddAccountDialog(parent)
        if email:
            dialog.email_edit.setText(email)
        if await _finished(dialog) != QDialog.DialogCode.Accepted.value:
            return None
        if dialog.my_atlassian:
            return await signed_in_live(window.sign_in_chosen_in(dialog, email))
        account, password = dialog.result_account, dialog.result_password
        dialog.result_password = ""
        if account is None:
            return None
        result = await signed_in(account, password, parent)
        if result is not None:
            window.passwords.remember(account, password, keep=dialog.remember)
            window.store.add(account)
        return result

    async def signed_in(
        account: Account, password: str | None, parent: QWidget
    ) -> SignInResult | None:
        if password is None:
            return None
        try:
            session = await shared_portal(window)(account.portal).sign_in(account.email, password)
        except PortalError as error:  # say so in plain words; nothing is stored
            _warn(parent, translate("WizardLauncher", "Sign in"), error_message(error.error_key))
            return None
        return await with_session(session)

    async def signed_in_live(sign_in_window: QDialog) -> SignInResult | None:
        """The embedded My Atlassian sign-in (the main window stores the account)."""
        if await _finished(sign_in_window) != QDialog.DialogCode.Accepted.value:
            return None
        account = getattr(sign_in_window, "result_account", None)
        session = window.live_accounts.session(account.key) if account is not None else None
        return await with_session(session) if session is not None else None

    async def with_session(session: PortalSession) -> SignInResult:
        sessions[session.account.email] = session
        licenses = merge_licenses([*window.model.licenses, *await read_licenses(sessions)])
        return SignInResult(session.account, session, licenses)

    return sign_in


async def _finished(dialog: QDialog) -> int:
    """Open ``dialog`` (window-modal, no nested event loop) unless it is open; its result."""
    done: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    dialog.finished.connect(lambda code: done.done() or done.set_result(code))
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


# --- start-up: an unfinished run ----------------------------------------------------------


def offer_resume(window: MainWindow) -> QMessageBox | None:
    """When the journal holds an unfinished run, ask: Resume / Discard (history is kept)."""
    try:
        journal = open_journal(window)
    except JournalError:
        return None
    try:
        runs = journal.unfinished_runs()
    finally:
        journal.close()
    if not runs:
        return None
    run = runs[0]
    box = QMessageBox(window)
    box.setObjectName("resumeRunMessage")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("WizardLauncher", "Unfinished consolidation"))
    box.setText(
        translate(
            "WizardLauncher",
            "A consolidation into %1 did not finish: %n license(s) left.",
            None,
            run.pending,
        ).replace("%1", run.target)
    )
    box.setInformativeText(
        translate(
            "WizardLauncher",
            "Resume it now? Each license is read again first, so nothing is done twice. "
            "Discard keeps it in the history but does not go on with it.",
        )
    )
    resume = box.addButton(
        translate("WizardLauncher", "&Resume"), QMessageBox.ButtonRole.AcceptRole
    )
    discard = box.addButton(
        translate("WizardLauncher", "&Discard"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    box.setDefaultButton(resume)

    def answered() -> None:
        clicked = box.clickedButton()
        if clicked is resume:
            launch_wizard(window, resume=run)
        elif clicked is discard:
            with Journal(getattr(window, "journal_path", None)) as j:
                j.discard(run.run_id)
            log.info("unfinished run discarded")

    box.finished.connect(answered)
    box.open()
    return box


# --- --self-test ----------------------------------------------------------------------------


class WizardSelfTestError(Exception):
    """A check of the wizard's self-test failed."""


last_self_test: tuple[int, str] | None = None  # (licenses consolidated, target)


async def _until(condition: Any, timeout_s: float = 60.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    while not condition():
        if loop.time() > deadline:
            raise WizardSelfTestError("timed out")
        await asyncio.sleep(0.02)


async def self_test_wizard(window: MainWindow) -> str:
    """Through the real wizard pages on the demo data: pick a target, confirm, run, check."""
    global last_self_test
    wizard = await open_wizard(window)
    if wizard is None:
        raise WizardSelfTestError("the wizard did not open")
    flow = wizard.flow
    wizard.next()  # welcome → sources
    if Step(wizard.currentId()) is not Step.TARGET:
        wizard.next()
    page = wizard.target_page
    emails = [
        page.suggestions.item(r).data(Qt.ItemDataRole.UserRole)
        for r in range(page.suggestions.count())
    ]
    if not emails:
        raise WizardSelfTestError("no target suggestions")
    target = DEMO_TARGET if DEMO_TARGET in emails else emails[0]
    page.suggestions.setCurrentRow(emails.index(target))
    if flow.target != target or not wizard.button(QWizard.WizardButton.NextButton).isEnabled():
        raise WizardSelfTestError(f"the target {target} was not accepted")
    wizard.next()
    if Step(wizard.currentId()) is not Step.LICENSES:
        raise WizardSelfTestError("the licenses page did not open")
    promoting = [e.sen for e in flow.final_plan().promoting()]
    wizard.next()  # Consolidate… → the confirmation
    dialog = wizard.licenses_page.confirm_dialog
    if dialog is None or not dialog.cancel_button.isDefault():
        raise WizardSelfTestError("the confirmation did not open with Cancel as the default")
    dialog.yes_button.click()
    if Step(wizard.currentId()) is not Step.RUN:
        raise WizardSelfTestError("Yes did not start the run")
    await _until(lambda: not wizard.runner.running and flow.can_go_on(Step.RUN))
    failed = flow.failed()
    if failed:
        raise WizardSelfTestError(f"{len(failed)} licenses failed: {', '.join(failed[:5])}")
    wizard.next()
    if Step(wizard.currentId()) is not Step.SUMMARY:
        raise WizardSelfTestError("the summary did not open")
    done = [sen for sen, f in flow.outcomes().items() if f.outcome is Outcome.DONE]
    if sorted(done) != sorted(promoting):
        raise WizardSelfTestError("not every confirmed license ended done")
    # Show in table: the main window reads again and must show the target as primary.
    refreshed = asyncio.get_running_loop().create_future()
    window.refresher.refreshFinished.connect(
        lambda cancelled: refreshed.done() or refreshed.set_result(cancelled)
    )
    wizard.summary_page.show_button.click()
    await asyncio.wait_for(refreshed, 60.0)
    primaries = {lic.sen: lic.primary_technical_contact for lic in window.model.licenses}
    wrong = [sen for sen in done if (p := primaries.get(sen)) is None or p.email != target]
    if wrong:
        raise WizardSelfTestError(f"the table does not show {target} as primary on {wrong[:5]}")
    last_self_test = (len(done), target)
    return f"{len(done)} licenses consolidated into {target}, verified in the table"

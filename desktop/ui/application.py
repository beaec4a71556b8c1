"""The application object: makes the services, the main window and the wizard launcher once,
each with its collaborators passed to its constructor, and wires them together."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from desktop.portal.my_atlassian.urls import MyAtlassianUrls, real_site
from desktop.services.account_store import AccountStore
from desktop.services.my_atlassian import site_profile
from desktop.services.my_atlassian.live_accounts import LiveAccounts
from desktop.services.my_atlassian.session import ActionMode
from desktop.services.passwords import PasswordBook
from desktop.services.paste_store import PasteStore
from desktop.services.refresh import RefreshService
from desktop.services.session_broker import SessionBroker
from desktop.ui.account_actions import ACTION_MODE_KEY
from desktop.ui.language import LanguageManager
from desktop.ui.license_table_model import LicenseTableModel
from desktop.ui.main_window import MainWindow
from desktop.ui.run_history import open_run_history
from desktop.ui.wizard.launch import WizardLauncher

log = logging.getLogger(__name__)


class DesktopApp:
    """The app's parts. Tests pass their own settings, paste folder, day, journal, (the
    sandbox's My Atlassian replica as) ``live_urls`` and a folder for kept browser profiles.

    Attributes:
        window: the main window.
        launcher: opens the consolidation wizard (on ``window.consolidateRequested``).
        broker: signs every kind of account in and reads it.
        refresher: reads every account for the table.
    """

    def __init__(
        self,
        settings: QSettings | None = None,
        *,
        language: LanguageManager | None = None,
        pastes: PasteStore | None = None,
        today: date | None = None,
        live_urls: MyAtlassianUrls | None = None,
        journal_path: Path | None = None,
        profiles_root: Path | None = None,
    ) -> None:
        self.settings = settings or QSettings()
        self.language = language or LanguageManager(self.settings)
        self.passwords = PasswordBook()
        self.pastes = pastes or PasteStore()
        self.store = AccountStore(self.settings)
        self.site_profile = site_profile.current()  # logs which profile is in force
        self.live = LiveAccounts(
            live_urls or real_site(self.site_profile.profile),
            flags=self.store,
            mode=saved_action_mode(self.settings),
            profiles_root=profiles_root,
        )
        self.broker = SessionBroker(self.passwords, pastes=self.pastes, live=self.live)
        self.model = LicenseTableModel(today=today)
        self.refresher = RefreshService(self.broker, view=self.model)
        self.window = MainWindow(
            store=self.store,
            passwords=self.passwords,
            pastes=self.pastes,
            refresher=self.refresher,
            live=self.live,
            model=self.model,
            language=self.language,
            settings=self.settings,
        )
        for part in (self.refresher, self.store, self.live):
            part.setParent(self.window)
        self.launcher = WizardLauncher(
            self.window,
            store=self.store,
            passwords=self.passwords,
            broker=self.broker,
            refresher=self.refresher,
            live=self.live,
            accounts=self.window.accounts,
            journal_path=journal_path,
        )
        self.window.consolidateRequested.connect(self.launcher.launch)
        self.window.removeContactsRequested.connect(self.launcher.launch_removal)
        self.window.historyRequested.connect(
            lambda: open_run_history(self.launcher.journal_path, self.window)
        )
        self.live.profileNotDeleted.connect(self.say_profile_not_deleted)
        refused = self.site_profile.refused_text(QCoreApplication.translate)
        if refused:  # the built-in profile is in force: say why the override is not
            self.window.statusBar().showMessage(refused, 30000)

    def say_profile_not_deleted(self, folder: str) -> QMessageBox:
        """A kept My Atlassian sign-in whose folder could not be deleted: the person asked
        for it to go, so they are told where it is (it holds that account's cookies)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("DesktopApp", "Browser data not deleted"),
            QCoreApplication.translate(
                "DesktopApp",
                "The My Atlassian sign-in kept on this computer could not be deleted. It is "
                "in the folder %1. Delete that folder yourself, or sign out again after "
                "restarting the app.",
            ).replace("%1", folder),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setObjectName("profileNotDeleted")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    async def aclose(self) -> None:
        """Close every portal and every My Atlassian page (the app's exit, tests)."""
        await self.refresher.aclose()
        await self.live.aclose()


def saved_action_mode(settings: QSettings) -> ActionMode:
    """How the app acts in My Atlassian pages, as the person last chose (assisted at first)."""
    try:
        return ActionMode(str(settings.value(ACTION_MODE_KEY, ActionMode.ASSISTED.value)))
    except ValueError:
        log.warning("unknown My Atlassian mode in the settings; assisted it is")
        return ActionMode.ASSISTED

""" "Stay signed in on this computer" across a restart of the app.

Each test runs the real app twice on the same settings file and the same user data dir, with
the sandbox's My Atlassian replica on 127.0.0.1: the first "run" signs in through the embedded
sign-in window; then the window, its LiveAccounts and every page and profile are torn down as a
quit would, and a new window (new LiveAccounts) starts on the same files.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import AsyncIterator, Callable
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.models import Account, AccountKind
from desktop.portal.my_atlassian.urls import replica
from desktop.services.account_store import AccountStore
from desktop.services.my_atlassian.live_accounts import NEW_ACCOUNT_PREFIX
from desktop.services.my_atlassian.profiles import profile_name
from desktop.services.paste_store import PasteStore
from desktop.services.refresh import AccountState
from desktop.ui.add_account_dialog import MY_ATLASSIAN
from desktop.ui.application import DesktopApp
from desktop.ui.language import LanguageManager
from desktop.ui.main_window import MainWindow
from desktop.ui.my_atlassian.sign_in_window import SignInWindow
from desktop.ui.self_test import wait_for_refresh
from tests.conftest import SandboxHandle
from tests.live.conftest import close_window, next_refresh, type_sign_in, until

ACTOR = "li.na@huake.example"
pytestmark = pytest.mark.timeout(60)


@dataclass
class Computer:
    """One person's computer: a settings file and a user data dir that outlive the app."""

    sandbox: SandboxHandle
    folder: Path
    windows: list[MainWindow] = field(default_factory=list)

    @property
    def profiles(self) -> Path:
        return self.folder / "webengine"

    @property
    def settings_path(self) -> Path:
        return self.folder / "settings.ini"

    def settings(self) -> QSettings:
        return QSettings(str(self.settings_path), QSettings.Format.IniFormat)

    def folders(self) -> set[str]:
        """The kept browser profiles' folders on disk."""
        return {p.name for p in self.profiles.iterdir()} if self.profiles.exists() else set()

    async def start(self) -> MainWindow:
        """Start the app, as a double-click would, and wait for its first reading."""
        settings = self.settings()
        language = LanguageManager(settings)
        language.apply("en", remember=False)
        win = DesktopApp(
            settings,
            language=language,
            pastes=PasteStore(self.folder / "pastes"),
            today=date(2024, 6, 1),
            live_urls=replica(self.sandbox.url),
            journal_path=self.folder / "journal.sqlite3",
            profiles_root=self.profiles,  # the user data dir of this test
        ).window
        self.windows.append(win)
        win.show()
        await wait_for_refresh(win, timeout=30)
        return win

    async def quit(self, win: MainWindow) -> None:
        """What quitting does: every page and profile deleted, then the window."""
        self.windows.remove(win)
        await close_window(win)


@pytest.fixture
async def computer(qtbot: QtBot, sandbox: SandboxHandle, tmp_path: Path) -> AsyncIterator[Computer]:
    del qtbot
    qapp = QApplication.instance()
    assert isinstance(qapp, QApplication)
    quits = qapp.quitOnLastWindowClosed()
    qapp.setQuitOnLastWindowClosed(False)
    here = Computer(sandbox, tmp_path)
    try:
        yield here
    finally:
        for win in list(here.windows):
            await here.quit(win)
        qapp.setQuitOnLastWindowClosed(quits)


async def sign_in(
    win: MainWindow,
    sign_in_window: SignInWindow,
    *,
    stay: bool,
    on_cookie: Callable[[bytes], None] | None = None,
) -> None:
    """In the open sign-in window: set "Stay signed in", sign in on the page, Use this account."""
    if sign_in_window.stay.isChecked() != stay:
        sign_in_window.stay.click()
    assert sign_in_window.stay.isChecked() is stay
    assert sign_in_window.kept.isVisibleTo(sign_in_window) is stay  # what is kept, said
    if on_cookie is not None:
        store = sign_in_window.live.profile.cookieStore()
        store.cookieAdded.connect(lambda cookie: on_cookie(bytes(cookie.value())))
    driver = sign_in_window.live.driver
    shown = await driver.wait_for(driver.text, lambda t: "Log in" in t, timeout=15)
    assert shown is not None
    await type_sign_in(driver, ACTOR)  # what the person types
    await until(lambda: sign_in_window.ok_button.isEnabled() and sign_in_window.email_edit.text())
    assert sign_in_window.email_edit.text() == ACTOR  # read from the page's header
    await next_refresh(win, sign_in_window.ok_button.click)


async def add_live_account(
    win: MainWindow, *, stay: bool, on_cookie: Callable[[bytes], None] | None = None
) -> None:
    """Add account → My Atlassian → the embedded sign-in, with or without Stay signed in."""
    dialog = win.accounts.add_account()
    dialog.portal_combo.setCurrentIndex(dialog.portal_combo.findData(MY_ATLASSIAN))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    window = win._dialogs[-1]
    assert isinstance(window, SignInWindow)
    await sign_in(win, window, stay=stay, on_cookie=on_cookie)
    assert win.refresher.state(ACTOR) is AccountState.LIVE


def cookie_names(profile_folder: Path) -> set[str]:
    """The names (never the values) of the cookies a kept profile holds on disk."""
    files = list(profile_folder.rglob("Cookies"))
    assert files, "no cookie database in the kept profile"
    with closing(sqlite3.connect(files[0])) as db:
        return {name for (name,) in db.execute("SELECT name FROM cookies")}


def licenses_shown(win: MainWindow) -> set[str]:
    return {win.model.license_at(row).sen for row in range(win.model.rowCount())}


def no_dialog_shown(win: MainWindow) -> bool:
    """No sign-in window, message box or other dialog came up by itself."""
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    return not win._dialogs and not any(box.isVisible() for box in boxes)


async def released(win: MainWindow) -> None:
    await win.live_accounts.released()


async def test_a_kept_sign_in_comes_back_after_a_restart_without_a_sign_in_window(
    computer: Computer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="desktop")  # every app module's logger
    cookies: list[bytes] = []
    first = await computer.start()
    await add_live_account(first, stay=True, on_cookie=cookies.append)
    await released(first)

    assert first.store.stays_signed_in(ACTOR)
    kept = profile_name(ACTOR)
    assert computer.folders() == {kept}  # the new sign-in moved into the account's own profile
    assert not any(name.startswith(NEW_ACCOUNT_PREFIX) for name in computer.folders())
    expected = {lic.sen for lic in computer.sandbox.state.list_for(ACTOR, 0, 1000)[0]}
    assert licenses_shown(first) == expected
    await computer.quit(first)

    # The session cookie is on disk, in the account's own profile folder only.
    assert cookie_names(computer.profiles / kept) == {"ma_session"}

    # The settings keep a flag, never the session.
    assert cookies, "the replica set no session cookie"
    stored = computer.settings_path.read_text("utf-8")
    assert "staySignedIn=true" in stored
    assert all(cookie.decode() not in stored for cookie in cookies)
    assert AccountStore(computer.settings()).stays_signed_in(ACTOR)

    second = await computer.start()  # a new LiveAccounts, a new main window, the same files
    assert second.refresher.state(ACTOR) is AccountState.LIVE
    assert "Signed in in the browser" in second.accounts_panel.item_text(ACTOR)
    assert licenses_shown(second) == expected
    assert no_dialog_shown(second)
    live = second.live_accounts.get(ACTOR)
    assert live is not None and live.stay_signed_in and live.session is not None
    assert not live.profile.isOffTheRecord()

    # Nothing of the session reached a log.
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("desktop"))
    assert all(cookie.decode() not in logged for cookie in cookies)
    assert "password" not in logged.lower()

    # Sign out (the account's right-click menu): the kept profile's folder and the flag go.
    panel = second.accounts_panel
    panel.select(ACTOR)
    assert panel.sign_out_action in panel.list.actions()
    assert panel.sign_out_action.isEnabled()
    await next_refresh(second, panel.sign_out_action.trigger)
    await released(second)
    assert second.refresher.state(ACTOR) is AccountState.SIGN_IN_AGAIN
    assert second.live_accounts.get(ACTOR) is None
    assert kept not in computer.folders()
    assert not second.store.stays_signed_in(ACTOR)
    assert not AccountStore(computer.settings()).stays_signed_in(ACTOR)
    assert "staySignedIn=true" not in computer.settings_path.read_text("utf-8")


@pytest.mark.parametrize("ended_by", ["expiry", "signing-out-on-the-site"])
async def test_an_ended_kept_session_asks_to_sign_in_again_in_the_kept_profile(
    computer: Computer, ended_by: str
) -> None:
    first = await computer.start()
    await add_live_account(first, stay=True)
    if ended_by == "signing-out-on-the-site":  # Log out on the page deletes the cookie
        live = first.live_accounts.get(ACTOR)
        assert live is not None
        await live.driver.load(computer.sandbox.url + "/my-atlassian/logout")
    await computer.quit(first)
    if ended_by == "expiry":
        computer.sandbox.state.expire_sessions()  # the site forgets every session meanwhile

    second = await computer.start()
    assert second.refresher.state(ACTOR) is AccountState.SIGN_IN_AGAIN
    assert "Sign in again" in second.accounts_panel.item_text(ACTOR)
    assert licenses_shown(second) == set()  # nothing read, and nothing crashed
    assert no_dialog_shown(second)
    assert second.store.stays_signed_in(ACTOR)  # kept: signing in again keeps it signed in
    assert profile_name(ACTOR) in computer.folders()

    # Signing in again happens in the kept profile's page, "Stay signed in" already ticked.
    kept = second.live_accounts.get(ACTOR)
    assert kept is not None and kept.stay_signed_in and kept.session is None
    loaded: list[bool] = []
    kept.driver.page.loadFinished.connect(loaded.append)
    assert second.accounts.enter_password(ACTOR) is None
    window = second._dialogs[-1]
    assert isinstance(window, SignInWindow) and window.stay.isChecked()
    assert window.live is kept
    await until(lambda: loaded)  # the window's own start page, not the page left by start-up
    await sign_in(second, window, stay=True)
    assert second.refresher.state(ACTOR) is AccountState.LIVE
    expected = {lic.sen for lic in computer.sandbox.state.list_for(ACTOR, 0, 1000)[0]}
    assert licenses_shown(second) == expected
    assert second.store.stays_signed_in(ACTOR)


async def test_turning_stay_signed_in_off_deletes_the_kept_profile_and_the_flag(
    computer: Computer,
) -> None:
    first = await computer.start()
    await add_live_account(first, stay=True)
    await released(first)
    assert profile_name(ACTOR) in computer.folders()

    second_window = first.accounts.sign_in_to_my_atlassian(ACTOR)
    assert second_window.stay.isChecked()
    second_window.stay.click()  # turned off
    await released(first)
    assert profile_name(ACTOR) not in computer.folders()
    assert not first.store.stays_signed_in(ACTOR)
    await sign_in(first, second_window, stay=False)
    await released(first)
    assert computer.folders() == set()  # off the record: nothing on disk
    await computer.quit(first)

    second = await computer.start()
    assert second.refresher.state(ACTOR) is AccountState.SIGN_IN_AGAIN
    assert no_dialog_shown(second)


async def test_an_off_the_record_account_signs_in_again_after_a_restart(
    computer: Computer,
) -> None:
    first = await computer.start()
    first.accounts_panel.select("zhang.wei@huake.example")  # a demo account: no sign-out
    assert not first.accounts_panel.sign_out_action.isEnabled()
    await add_live_account(first, stay=False)
    await released(first)
    assert not first.store.stays_signed_in(ACTOR)
    assert computer.folders() == set()
    await computer.quit(first)

    second = await computer.start()
    assert second.refresher.state(ACTOR) is AccountState.SIGN_IN_AGAIN
    assert "Sign in again" in second.accounts_panel.item_text(ACTOR)
    assert second.live_accounts.get(ACTOR) is None  # no page was opened for it
    assert no_dialog_shown(second)


async def test_removing_a_kept_account_deletes_its_profile_and_flag(computer: Computer) -> None:
    first = await computer.start()
    await add_live_account(first, stay=True)
    await computer.quit(first)

    second = await computer.start()
    assert second.refresher.state(ACTOR) is AccountState.LIVE
    await next_refresh(second, lambda: second.accounts.remove_account(ACTOR, confirm=False))
    await released(second)
    assert computer.folders() == set()
    assert all(account.key != ACTOR for account in second.store.own_accounts)
    assert "staySignedIn" not in computer.settings_path.read_text("utf-8")


async def test_cancelling_a_new_kept_sign_in_leaves_nothing_behind(computer: Computer) -> None:
    first = await computer.start()
    dialog = first.accounts.add_account()
    dialog.portal_combo.setCurrentIndex(dialog.portal_combo.findData(MY_ATLASSIAN))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    window = first._dialogs[-1]
    assert isinstance(window, SignInWindow)
    window.stay.click()
    await until(lambda: bool(computer.folders()))  # a profile for the sign-in in progress
    window.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    await released(first)
    assert computer.folders() == set()
    assert first.store.own_accounts == []


def test_the_account_store_keeps_only_a_flag_for_staying_signed_in(
    qtbot: QtBot, tmp_path: Path
) -> None:
    del qtbot
    path = tmp_path / "settings.ini"

    def reopened() -> AccountStore:
        return AccountStore(QSettings(str(path), QSettings.Format.IniFormat))

    store = reopened()
    store.set_stays_signed_in(ACTOR, True)  # the sign-in says so before the account is added
    store.add(Account(AccountKind.MY_ATLASSIAN, email=ACTOR, portal="https://my.atlassian.com/"))
    assert reopened().stays_signed_in(ACTOR)
    keys = QSettings(str(path), QSettings.Format.IniFormat).allKeys()
    assert {key.split("/")[-1] for key in keys} == {  # the account, and one flag beside it
        "size", "kind", "email", "portal", "label", "name", "staySignedIn"
    }  # fmt: skip

    store.set_stays_signed_in(ACTOR, False)
    assert not reopened().stays_signed_in(ACTOR)
    store.set_stays_signed_in(ACTOR, True)
    store.remove(ACTOR)
    assert not reopened().stays_signed_in(ACTOR)
    store.add(Account(AccountKind.MY_ATLASSIAN, email=ACTOR, portal="https://my.atlassian.com/"))
    assert not reopened().stays_signed_in(ACTOR)  # removing forgot it

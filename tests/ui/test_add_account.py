"""Adding an account and fixing one that failed, on the real main window, by keyboard and by
mouse, against the sandbox and hostile portals on 127.0.0.1 (issue 15 item 2; issue 14 items
4, 10 and 12 on the GUI's side)."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import PasswordDeleteError
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from desktop.domain.models import Account, AccountKind
from desktop.services import credentials
from desktop.services.credentials import KEYRING_SERVICE, credential_name
from desktop.services.log_setup import configure_logging
from desktop.services.passwords import PasswordBook
from desktop.services.paste_store import PasteStore
from desktop.ui.add_account_dialog import ADDRESS, DEMO_DATA, MY_ATLASSIAN, AddAccountDialog
from desktop.ui.application import DesktopApp
from desktop.ui.language import LanguageManager
from desktop.ui.main_window import MainWindow
from desktop.ui.self_test import wait_for_refresh
from tests.portal.hostile_server import Reply, hostile_server, json_reply, license_json, page

LI_NA = "li.na@huake.example"
IT_DESK = "it.desk@huake.example"
SECRET = "s3cret-pw-77"


@pytest.fixture
def log_file(tmp_path: Path) -> Path:
    """The app's log file, as the app writes it (INFO and up), in this test's folder."""
    path = configure_logging(directory=tmp_path / "logs")
    assert path is not None
    return path


@pytest.fixture
def desktop_app(settings: QSettings, tmp_path: Path) -> DesktopApp:
    language = LanguageManager(settings)
    language.apply("en", remember=False)
    return DesktopApp(
        settings,
        language=language,
        pastes=PasteStore(tmp_path / "pastes"),
        today=date(2024, 6, 1),
        journal_path=tmp_path / "journal.sqlite3",
    )


@pytest.fixture
async def window(qtbot: Any, desktop_app: DesktopApp) -> Any:
    win = desktop_app.window
    qtbot.addWidget(win)
    win.show()
    await wait_for_refresh(win)
    yield win
    await win.refresher.aclose()
    credentials.forget_session_passwords()


def focused(dialog: QWidget) -> QWidget | None:
    return dialog.focusWidget()


def press(qtbot: Any, dialog: QWidget, key: Qt.Key) -> None:
    """A key as the person presses it: to whatever has the focus in ``dialog``."""
    target = dialog.focusWidget() or dialog
    qtbot.keyClick(target, key)


def type_text(qtbot: Any, dialog: QWidget, text: str) -> None:
    target = dialog.focusWidget()
    assert target is not None
    qtbot.keyClicks(target, text)


def settings_text(settings: QSettings) -> str:
    settings.sync()
    path = Path(settings.fileName())
    return path.read_text("utf-8", errors="replace") if path.exists() else ""


def open_dialog(win: MainWindow) -> AddAccountDialog:
    dialogs = [d for d in win.findChildren(AddAccountDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def portal_account(url: str, email: str) -> Account:
    return Account(AccountKind.PORTAL, email=email, portal=url, label=email)


# --- the three ways, the default --------------------------------------------------------------


def test_the_dialog_opens_on_my_atlassian_and_enter_opens_its_sign_in(qtbot: Any) -> None:
    dialog = AddAccountDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.choice == MY_ATLASSIAN and dialog.my_atlassian
    assert focused(dialog) is dialog.portal_combo
    # Nothing to type: no email or password of the app (the browser asks for them).
    assert not dialog.email_edit.isVisibleTo(dialog)
    assert not dialog.password_edit.isVisibleTo(dialog)
    assert dialog.ok_button().text() == "Open My Atlassian…"
    assert "my.atlassian.com" in dialog.note.text()
    press(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.my_atlassian and dialog.result_account is None


def test_the_ways_are_worded_for_office_staff_and_for_it(qtbot: Any) -> None:
    dialog = AddAccountDialog()
    qtbot.addWidget(dialog)
    items = [dialog.portal_combo.itemData(i) for i in range(dialog.portal_combo.count())]
    assert items == [MY_ATLASSIAN, ADDRESS, DEMO_DATA]
    dialog.portal_combo.setCurrentIndex(1)
    assert "set up by IT" in dialog.portal_combo.currentText()
    assert "For IT" in dialog.note.text() and "https://" in dialog.note.text()
    assert dialog.url_edit.isVisibleTo(dialog) and dialog.email_edit.isVisibleTo(dialog)
    assert dialog.ok_button().text() == "Sign in"
    dialog.portal_combo.setCurrentIndex(2)
    assert dialog.portal_combo.currentText().startswith("Demo data")
    assert not dialog.email_edit.isVisibleTo(dialog)
    assert dialog.ok_button().text() == "Show demo data"
    # Where one particular person must sign in (the wizard), the demo is not offered.
    wizard_dialog = AddAccountDialog(offer_demo=False)
    qtbot.addWidget(wizard_dialog)
    assert wizard_dialog.portal_combo.findData(DEMO_DATA) == -1


async def test_demo_data_shows_the_demo_next_to_the_own_accounts(
    window: MainWindow, qtbot: Any, sandbox: Any
) -> None:
    window.passwords.remember(portal_account(sandbox.url, LI_NA), "demo", keep=False)
    window.store.add(portal_account(sandbox.url, LI_NA))
    await wait_for_refresh(window)
    assert not window.banner.isVisible()
    dialog = window.accounts.add_account()
    dialog.portal_combo.setCurrentIndex(dialog.portal_combo.findData(DEMO_DATA))
    press(qtbot, dialog, Qt.Key.Key_Return)
    await wait_for_refresh(window)
    assert window.store.show_demo and window.banner.isVisible()
    assert [a.email for a in window.store.own_accounts] == [LI_NA]  # nothing added


# --- keyboard alone ---------------------------------------------------------------------------


async def test_a_portal_account_by_keyboard_alone(
    window: MainWindow, qtbot: Any, sandbox: Any, memory_keyring: Any
) -> None:
    window.accounts.add_account()
    dialog = open_dialog(window)
    assert focused(dialog) is dialog.portal_combo
    press(qtbot, dialog, Qt.Key.Key_Down)  # → a license portal at an address
    assert dialog.choice == ADDRESS
    press(qtbot, dialog, Qt.Key.Key_Tab)
    assert focused(dialog) is dialog.url_edit
    type_text(qtbot, dialog, sandbox.url)
    press(qtbot, dialog, Qt.Key.Key_Return)  # moves on: the email is still empty
    assert dialog.isVisible() and focused(dialog) is dialog.email_edit
    assert not dialog.error_label.isVisible()
    type_text(qtbot, dialog, LI_NA)
    press(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.isVisible() and focused(dialog) is dialog.password_edit
    type_text(qtbot, dialog, "demo")
    press(qtbot, dialog, Qt.Key.Key_Tab)
    assert focused(dialog) is dialog.remember_box
    press(qtbot, dialog, Qt.Key.Key_Return)  # everything filled: submits
    assert not dialog.isVisible()
    await wait_for_refresh(window)
    assert "Signed in · licenses: 20" in window.accounts_panel.item_text(LI_NA)
    assert f"Address: {sandbox.url}" in window.accounts_panel.item_text(LI_NA)
    assert memory_keyring.entries[(KEYRING_SERVICE, credential_name(sandbox.url, LI_NA))]


async def test_enter_never_sends_a_half_filled_form(
    window: MainWindow, qtbot: Any, settings: QSettings
) -> None:
    dialog = window.accounts.add_account()
    dialog.portal_combo.setCurrentIndex(dialog.portal_combo.findData(ADDRESS))
    # Enter in an empty address: it is asked for, with an example.
    dialog.url_edit.setFocus()
    press(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "Enter the portal's address, for example https://portal.example" in (
        dialog.error_label.text()
    )
    assert focused(dialog) is dialog.url_edit
    # A password typed, the email left empty: Enter in the password field asks for it.
    dialog.url_edit.setText("https://portal.example")
    dialog.password_edit.setFocus()
    type_text(qtbot, dialog, "demo")
    press(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.isVisible() and "valid email" in dialog.error_label.text()
    assert focused(dialog) is dialog.email_edit
    assert window.store.own_accounts == [] and "accounts" not in settings_text(settings)
    dialog.reject()


# --- bad addresses: a clear message, nothing stored or logged ---------------------------------


@pytest.mark.parametrize(
    ("address", "words"),
    [
        ("http://127.0.0.1:99999", "from 1 to 65535 (for example http://127.0.0.1:8080)"),
        ("http://127.0.0.1:0", "from 1 to 65535"),
        (f"https://zhang.wei:{SECRET}@portal.example", "contains a user name or password"),
        (f"zhang.wei:{SECRET}@portal.example", "contains a user name or password"),
        (f"http://zhang.wei:{SECRET}@127.0.0.1:99999", "contains a user name or password"),
        ("portal.example", "must start with https://. Did you mean https://portal.example?"),
        ("http://portal.example", "for example https://portal.example"),
        ("ftp://portal.example", "for example https://portal.example"),
        ("https://", "for example https://portal.example"),
    ],
)
async def test_a_bad_address_is_refused_with_an_example_and_nothing_is_kept(
    window: MainWindow,
    qtbot: Any,
    settings: QSettings,
    log_file: Path,
    address: str,
    words: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    dialog = window.accounts.add_account()
    dialog.portal_combo.setCurrentIndex(dialog.portal_combo.findData(ADDRESS))
    dialog.url_edit.setText(address)
    dialog.email_edit.setText(LI_NA)
    dialog.password_edit.setText("demo")
    dialog.password_edit.setFocus()
    press(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert words in dialog.error_label.text()
    assert SECRET not in dialog.error_label.text()
    assert focused(dialog) is dialog.url_edit
    dialog.reject()
    await wait_for_refresh(window)
    assert window.store.own_accounts == []
    for handler in logging.getLogger().handlers:
        handler.flush()
    for text in (settings_text(settings), log_file.read_text("utf-8"), caplog.text):
        assert SECRET not in text and "99999" not in text and "portal.example" not in text
    assert LI_NA not in settings_text(settings)


async def test_an_address_corrected_to_one_with_a_password_is_refused(
    window: MainWindow, qtbot: Any, settings: QSettings, log_file: Path
) -> None:
    account = portal_account("http://127.0.0.1:9", IT_DESK)
    window.passwords.remember(account, "demo", keep=False)
    window.store.add(account)
    await wait_for_refresh(window)
    window.accounts_panel.row_button(IT_DESK).click()
    dialog = open_dialog(window)
    assert focused(dialog) is dialog.url_edit  # the password was not the problem
    dialog.url_edit.setText(f"https://it:{SECRET}@portal.example")
    press(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.isVisible() and "user name or password" in dialog.error_label.text()
    dialog.reject()
    assert window.store.find(IT_DESK) == account
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert SECRET not in settings_text(settings) and SECRET not in log_file.read_text("utf-8")


# --- a failed account's row: the button, the address, the fix --------------------------------


async def test_an_unreachable_account_shows_fix_and_its_address_can_be_corrected(
    window: MainWindow, qtbot: Any, sandbox: Any, memory_keyring: Any
) -> None:
    email = "zhang.wei@huake.example"
    wrong = portal_account("http://127.0.0.1:9", email)
    window.passwords.remember(wrong, "demo", keep=True)
    window.store.add(wrong)
    await wait_for_refresh(window)
    panel = window.accounts_panel
    text = panel.item_text(email)
    assert "Cannot reach the portal" in text and "Address: http://127.0.0.1:9" in text
    button = panel.row_button(email)
    assert button is not None and button.isVisible() and button.text() == "Fix…"
    # The button sits on the account's own row, below its words.
    row = panel.list.visualItemRect(panel.list.item(0))
    assert row.contains(button.mapTo(panel.list.viewport(), button.rect().center()))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = open_dialog(window)
    assert dialog.url_edit.isVisible() and dialog.url_edit.text() == "http://127.0.0.1:9"
    assert not dialog.email_edit.isEnabled() and dialog.email_edit.text() == email
    assert dialog.password_edit.placeholderText() == "Leave empty to keep the saved password"
    dialog.url_edit.selectAll()
    type_text(qtbot, dialog, sandbox.url)
    press(qtbot, dialog, Qt.Key.Key_Return)  # the saved password is kept: submits
    assert not dialog.isVisible()
    await wait_for_refresh(window)
    assert window.store.find(email) == portal_account(sandbox.url, email)
    assert "Signed in" in panel.item_text(email) and sandbox.url in panel.item_text(email)
    assert panel.row_button(email) is None
    # The password moved with the address; the old address's entry is gone.
    assert memory_keyring.entries == {
        (KEYRING_SERVICE, credential_name(sandbox.url, email)): "demo"
    }


async def test_a_refused_password_shows_sign_in_again_and_asks_for_it(
    window: MainWindow, qtbot: Any, sandbox: Any
) -> None:
    account = portal_account(sandbox.url, LI_NA)
    window.passwords.remember(account, "not-the-password", keep=False)
    window.store.add(account)
    await wait_for_refresh(window)
    panel = window.accounts_panel
    button = panel.row_button(LI_NA)
    assert button is not None and button.text() == "Sign in again…"
    assert "Wrong email or password" in panel.item_text(LI_NA)
    # Keyboard: the row's button comes right after the list; Enter on the row does the same.
    panel.list.setFocus()
    panel.select(LI_NA)
    press(qtbot, window, Qt.Key.Key_Tab)
    assert window.focusWidget() is button
    press(qtbot, window, Qt.Key.Key_Tab)
    assert window.focusWidget() is panel.add_button
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    dialog = open_dialog(window)
    assert focused(dialog) is dialog.password_edit
    assert dialog.url_edit.text() == sandbox.url and dialog.password_edit.placeholderText() == ""
    press(qtbot, dialog, Qt.Key.Key_Return)  # the refused password is not reused
    assert dialog.isVisible() and "Enter the password" in dialog.error_label.text()
    type_text(qtbot, dialog, "demo")
    press(qtbot, dialog, Qt.Key.Key_Return)
    await wait_for_refresh(window)
    assert "Signed in · licenses: 20" in panel.item_text(LI_NA)
    assert panel.row_button(LI_NA) is None


# --- listing errors: the account's error in plain words on its row ----------------------------


def _bad_second_page(bad: Reply) -> Any:
    def handler(method: str, path: str, query: dict[str, list[str]]) -> Reply | None:
        if path != "/api/v1/licenses":
            return None
        start = int(query["start"][0])
        if start >= 200:
            return bad
        return page([license_json(n) for n in range(start, min(start + 200, 300))], start, 300)

    return handler


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        (json_reply({"errorKey": "not-found", "message": "x"}, 404), "stopped partway"),
        (json_reply({"errorKey": "unavailable", "message": "x"}, 503), "temporarily unavailable"),
        (page(["not a license"] * 100, 200, 300), "sent a license the app cannot read"),
        (Reply(302, b"", {"Location": "/elsewhere"}), "answered with a redirect"),
        (Reply(500, b"<html>oops</html>"), "could not be understood"),
        (page([license_json(n) for n in range(200, 300)], 200, 900), "does not add up"),
    ],
    ids=["error", "unavailable", "malformed-license", "redirect", "html", "total-changes"],
)
async def test_a_listing_that_fails_past_page_one_is_said_on_the_accounts_row(
    window: MainWindow, qtbot: Any, sandbox: Any, bad: Reply, words: str
) -> None:
    with hostile_server(_bad_second_page(bad)) as server:
        hostile = portal_account(server.url, LI_NA)
        good = portal_account(sandbox.url, "zhang.wei@huake.example")
        for account in (hostile, good):
            window.passwords.remember(account, "demo", keep=False)
            window.store.add(account)
        await wait_for_refresh(window)
    panel = window.accounts_panel
    assert window.refresher.state(LI_NA) == "failed"
    assert words in panel.item_text(LI_NA)
    assert panel.row_button(LI_NA) is not None  # and what to do about it
    # None of the hostile account's licenses is used; the other account's are.
    assert window.model.rowCount() > 0
    assert all("li.na" not in "".join(lic.seen_by) for lic in window.model.licenses)


# --- a keyring that drops the password ---------------------------------------------------------


class ForgetfulKeyring(KeyringBackend):
    """Says it stored the password and keeps nothing."""

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        pass

    def delete_password(self, service: str, username: str) -> None:
        raise PasswordDeleteError(username)


@pytest.mark.parametrize(
    ("backend", "words"),
    [
        (null.Keyring, "no working password store"),
        (fail.Keyring, "no working password store"),
        (ForgetfulKeyring, "could not be read back"),
    ],
    ids=["null", "fail", "forgetful"],
)
async def test_a_keyring_that_drops_the_password_keeps_it_for_this_session_and_says_so(
    window: MainWindow,
    qtbot: Any,
    sandbox: Any,
    settings: QSettings,
    backend: type[KeyringBackend],
    words: str,
) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(backend())
    try:
        dialog = window.accounts.add_account()
        dialog.portal_combo.setCurrentIndex(dialog.portal_combo.findData(ADDRESS))
        dialog.url_edit.setText(sandbox.url)
        dialog.email_edit.setText(LI_NA)
        dialog.password_edit.setText(SECRET)
        assert dialog.remember
        dialog.accept()
        box = window.findChild(QMessageBox, "noKeyringMessage")
        assert box is not None and box.isVisible()
        assert words in box.text() and "until you close the app" in box.text()
        box.accept()
        account = portal_account(sandbox.url, LI_NA)
        assert window.passwords.get(account) == SECRET  # this session has it
        assert SECRET not in settings_text(settings)
        credentials.forget_session_passwords()  # the next start of the app
        assert PasswordBook().get(account) is None
    finally:
        keyring.set_keyring(previous)


async def test_a_working_keyring_takes_the_password_without_a_message(
    window: MainWindow, qtbot: Any, sandbox: Any, memory_keyring: Any
) -> None:
    dialog = window.accounts.add_account()
    dialog.portal_combo.setCurrentIndex(dialog.portal_combo.findData(ADDRESS))
    dialog.url_edit.setText(sandbox.url)
    dialog.email_edit.setText(LI_NA)
    dialog.password_edit.setText(SECRET)
    dialog.accept()
    assert window.findChild(QMessageBox, "noKeyringMessage") is None
    credentials.forget_session_passwords()
    assert PasswordBook().get(portal_account(sandbox.url, LI_NA)) == SECRET
    await wait_for_refresh(window)
    QApplication.processEvents()


@pytest.mark.parametrize("choice", [MY_ATLASSIAN, ADDRESS, DEMO_DATA])
def test_no_wrapped_words_are_cut_off_in_any_way_or_error(qtbot: Any, choice: str) -> None:
    dialog = AddAccountDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.portal_combo.setCurrentIndex(dialog.portal_combo.findData(choice))
    if choice == ADDRESS:  # the longest error there is, over the note
        dialog.url_edit.setText(f"https://zhang.wei:{SECRET}@portal.example")
        dialog.email_edit.setText(LI_NA)
        dialog.password_edit.setText("demo")
        dialog.accept()
        assert dialog.error_label.isVisible()
    for label in (dialog.intro, dialog.note, dialog.error_label):
        if label.isVisible():
            assert label.height() >= label.heightForWidth(label.width()), label.text()


async def test_a_damaged_saved_paste_says_so_on_its_row(window: MainWindow, tmp_path: Path) -> None:
    paste = Account(AccountKind.PASTE, label="华科 2023")
    PasteStore(tmp_path / "pastes").save(paste.key, [])  # an earlier run's saved paste…
    for path in (tmp_path / "pastes").glob("*.json"):
        path.write_text("{damaged", "utf-8")  # …damaged on disk
    window.store.add(paste)
    await wait_for_refresh(window)
    assert window.refresher.state(paste.key) == "failed"
    assert "could not be read (the file is damaged)" in window.accounts_panel.item_text(paste.key)
    assert window.accounts_panel.row_button(paste.key) is None  # nothing to sign in to

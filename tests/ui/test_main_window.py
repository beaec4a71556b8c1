"""The real main window, driven with pytest-qt on the in-process demo portal and the sandbox."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox

from desktop.domain.models import AccountKind, SupportStatus
from desktop.services.credentials import KEYRING_SERVICE, credential_name
from desktop.services.paste_store import PasteStore
from desktop.ui.add_account_dialog import ADDRESS
from desktop.ui.application import DesktopApp
from desktop.ui.license_details import MASK
from desktop.ui.license_filter_proxy import QuickFilter
from desktop.ui.license_table_model import Column
from desktop.ui.main_window import MainWindow
from desktop.ui.self_test import wait_for_refresh
from tests.ui.apps import make_desktop_app

TODAY = date(2024, 6, 1)
ROOT = Path(__file__).resolve().parents[2]
SEED_LIKE = ROOT / "tests" / "fixtures" / "paste" / "seed_layout.txt"


@pytest.fixture
def desktop_app(settings, tmp_path: Path) -> DesktopApp:
    return make_desktop_app(tmp_path, settings)


@pytest.fixture
async def window(qtbot, desktop_app: DesktopApp):
    language = desktop_app.language
    win = desktop_app.window
    qtbot.addWidget(win)
    win.show()
    await wait_for_refresh(win)
    yield win
    await win.refresher.aclose()
    language.apply("en", remember=False)


def next_emit(signal, timeout: float = 10.0) -> asyncio.Future:
    """A future of the signal's next arguments (qtbot.waitSignal nests a Qt loop, which an
    async test on the qasync loop must not do)."""
    future = asyncio.get_event_loop().create_future()

    def fired(*args: object) -> None:
        if not future.done():
            future.set_result(args)
        signal.disconnect(fired)

    signal.connect(fired)
    return asyncio.ensure_future(asyncio.wait_for(future, timeout))


def column(win: MainWindow, col: int) -> list[str]:
    return [win.proxy.index(r, col).data() for r in range(win.proxy.rowCount())]


async def add_account(win: MainWindow, qtbot, email: str, password: str, portal: str):
    """Add a portal account through the dialog ("A license portal at an address")."""
    dialog = win.accounts.add_account()
    dialog.portal_combo.setCurrentIndex(dialog.portal_combo.findData(ADDRESS))
    dialog.url_edit.setText(portal)
    qtbot.keyClicks(dialog.email_edit, email)
    qtbot.keyClicks(dialog.password_edit, password)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible()
    await wait_for_refresh(win)
    return dialog


# --- demo mode, table ----------------------------------------------------------------------


async def test_demo_mode_fills_the_table_and_shows_the_banner(window: MainWindow) -> None:
    assert window.banner.isVisible()
    assert window.model.rowCount() == 40
    assert window.proxy.rowCount() == 40
    keys = [window.accounts_panel.list.item(i).text() for i in range(4)]
    assert all("Demo · licenses:" in text for text in keys)
    assert "Licenses: 40" in window.status.counts_label.text()
    assert window.status.refreshed_label.text().startswith("Last refresh:")


async def test_search_as_you_type(window: MainWindow, qtbot) -> None:
    qtbot.keyClicks(window.search_edit, "northwind")
    rows = window.proxy.rowCount()
    assert 0 < rows < 40
    for r in range(rows):
        lic = window.model.license_at(window.proxy.source_row(r))
        assert "northwind" in window.model.haystacks()[window.proxy.source_row(r)], lic.sen
    assert f"shown: {rows}" in window.status.counts_label.text()
    window.search_edit.setText("华科天下")  # non-ASCII: setText, not keyClicks
    assert 0 < window.proxy.rowCount() < 40
    window.search_edit.clear()
    assert window.proxy.rowCount() == 40


async def test_quick_filters(window: MainWindow, qtbot) -> None:
    qtbot.mouseClick(window.filter_buttons[QuickFilter.EXPIRED], Qt.MouseButton.LeftButton)
    expired = column(window, Column.SUPPORT)
    assert expired and set(expired) == {"Expired"}
    qtbot.mouseClick(window.filter_buttons[QuickFilter.ACTIVE], Qt.MouseButton.LeftButton)
    assert set(column(window, Column.SUPPORT)) == {"Active"}
    # No target chosen yet: no hidden guess, the filter is off and the label says so.
    not_yet = window.filter_buttons[QuickFilter.NOT_CONSOLIDATED]
    assert window.target_email() == ""
    assert not not_yet.isEnabled()
    assert window.license_panel.target_label.text() == "No target chosen yet"
    window.set_target_email("Li.Na@huake.example")  # what the last run chose
    assert not_yet.isEnabled()
    assert window.license_panel.target_label.text() == "Target: li.na@huake.example"
    qtbot.mouseClick(not_yet, Qt.MouseButton.LeftButton)
    primaries = column(window, Column.PRIMARY_CONTACT)
    assert primaries and "li.na@huake.example" not in primaries
    window.set_target_email("zhang.wei@huake.example")
    shown = column(window, Column.PRIMARY_CONTACT)
    assert "zhang.wei@huake.example" not in shown and "li.na@huake.example" in shown
    assert "zhang.wei@huake.example" in not_yet.toolTip()
    qtbot.mouseClick(window.filter_buttons[QuickFilter.ALL], Qt.MouseButton.LeftButton)
    assert window.proxy.rowCount() == 40


async def test_sort_by_clicking_headers_dates_as_dates(window: MainWindow, qtbot) -> None:
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(Column.SUPPORT_EXPIRES) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    licenses = [window.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in range(40)]
    dates = [lic.support_expires for lic in licenses if lic.support_expires]
    assert dates == sorted(dates)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    licenses = [window.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in range(40)]
    dates = [lic.support_expires for lic in licenses if lic.support_expires]
    assert dates == sorted(dates, reverse=True)


async def test_sorting_keeps_the_selected_license(window: MainWindow) -> None:
    window.table.selectRow(3)
    sen = window.details.license.sen
    window.table.sortByColumn(Column.PRODUCT, Qt.SortOrder.DescendingOrder)
    current = window.table.currentIndex()
    assert current.sibling(current.row(), 0).data() == sen
    assert window.details.license.sen == sen


async def test_expired_support_is_marked_with_text(window: MainWindow) -> None:
    statuses = window.model.statuses()
    row = statuses.index(SupportStatus.EXPIRED)
    assert window.model.index(row, Column.SUPPORT).data() == "Expired"


# --- details ---------------------------------------------------------------------------------


class UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


async def test_details_key_masked_show_copy_and_open(window: MainWindow, qtbot) -> None:
    window.table.setFocus()
    window.table.selectRow(0)
    details = window.details
    lic = details.license
    assert lic is not None and lic.license_key
    assert details.sen_value.text() == lic.sen
    assert details.key_value.text() == MASK
    assert lic.license_key not in details.key_value.text()
    assert len(details.technical.badges) == 1 and details.technical.badges[0].text() == "PRIMARY"
    assert lic.primary_technical_contact.email in details.technical.texts()
    qtbot.mouseClick(details.show_key_button, Qt.MouseButton.LeftButton)
    assert details.key_value.text() == lic.license_key
    qtbot.mouseClick(details.show_key_button, Qt.MouseButton.LeftButton)
    assert details.key_value.text() == MASK
    qtbot.mouseClick(details.copy_key_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == lic.license_key
    QGuiApplication.clipboard().clear()
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("https", catcher, "open")
    try:
        qtbot.mouseClick(details.open_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("https")
    digits = lic.sen.removeprefix("SEN-")
    assert [u.toString() for u in catcher.urls] == [
        f"https://my.atlassian.com/products/index?sen={digits}"
    ]
    window.table.selectRow(1)
    assert details.key_value.text() == MASK  # another license starts masked again


async def test_keyboard_navigation(window: MainWindow, qtbot) -> None:
    window.activateWindow()
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.focusObject() is window.search_edit
    qtbot.keyClicks(window.search_edit, "SEN-")
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Tab)
    assert QGuiApplication.focusObject() is window.filter_buttons[QuickFilter.ALL]
    window.table.setFocus()
    window.table.selectRow(0)
    first = window.details.license.sen
    qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert window.details.license.sen != first
    assert window.refresh_action.shortcut().toString() == "F5"


async def test_controls_have_accessible_names_and_tooltips(window: MainWindow) -> None:
    for widget in (
        window.search_edit,
        window.table,
        window.details.copy_key_button,
        window.details.show_key_button,
        window.accounts_panel.list,
        *window.filter_buttons.values(),
    ):
        assert widget.accessibleName(), widget.objectName()
    for act in (window.refresh_action, window.add_action, window.consolidate_action):
        assert act.toolTip()


# --- accounts --------------------------------------------------------------------------------


async def test_wrong_password_is_shown_next_to_the_account(
    window: MainWindow, qtbot, memory_keyring, sandbox
) -> None:
    await add_account(window, qtbot, "li.na@huake.example", "not-the-password", sandbox.url)
    assert not window.banner.isVisible()  # a real account: the demo steps aside
    text = window.accounts_panel.item_text("li.na@huake.example")
    assert "Wrong email or password" in text
    assert window.refresher.state("li.na@huake.example") == "needs-password"
    name = credential_name(sandbox.url, "li.na@huake.example")
    assert memory_keyring.entries[(KEYRING_SERVICE, name)] == "not-the-password"
    # Enter the right password: the account signs in and its licenses show.
    dialog = window.accounts.enter_password("li.na@huake.example")
    assert dialog is not None and not dialog.email_edit.isEnabled()
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password
    qtbot.keyClicks(dialog.password_edit, "demo")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    await wait_for_refresh(window)
    assert "Signed in · licenses: 20" in window.accounts_panel.item_text("li.na@huake.example")
    assert window.model.rowCount() == 20
    assert memory_keyring.entries[(KEYRING_SERVICE, name)] == "demo"


async def test_bad_input_in_add_account_changes_nothing(window: MainWindow, qtbot) -> None:
    dialog = window.accounts.add_account()
    dialog.portal_combo.setCurrentIndex(dialog.portal_combo.findData(ADDRESS))
    dialog.url_edit.setText("https://portal.example")
    qtbot.keyClicks(dialog.email_edit, "not-an-email")
    qtbot.keyClicks(dialog.password_edit, "x")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert "valid email" in dialog.error_label.text()
    dialog.email_edit.setText("zhang.wei@huake.example")
    dialog.url_edit.setText("http://portal.example")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert "https://" in dialog.error_label.text()
    assert window.store.own_accounts == []
    dialog.reject()


async def test_remove_account_deletes_its_keyring_entry(
    window: MainWindow, qtbot, memory_keyring, sandbox
) -> None:
    await add_account(window, qtbot, "zhang.wei@huake.example", "demo", sandbox.url)
    name = credential_name(sandbox.url, "zhang.wei@huake.example")
    assert (KEYRING_SERVICE, name) in memory_keyring.entries
    window.accounts_panel.select("zhang.wei@huake.example")
    assert window.accounts_panel.remove_button.isEnabled()
    qtbot.mouseClick(window.accounts_panel.remove_button, Qt.MouseButton.LeftButton)
    box = window.findChild(QMessageBox, "removeAccountMessage")
    assert box is not None and box.isVisible()
    box.button(QMessageBox.StandardButton.Yes).click()
    await wait_for_refresh(window)
    assert (KEYRING_SERVICE, name) not in memory_keyring.entries
    assert window.store.own_accounts == []
    assert window.banner.isVisible() and window.model.rowCount() == 40


async def test_no_keyring_keeps_the_password_for_this_session(
    window: MainWindow, qtbot, sandbox
) -> None:
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    await add_account(window, qtbot, "wang.fang@northwind.example", "demo", sandbox.url)
    box = window.findChild(QMessageBox, "noKeyringMessage")
    assert box is not None and box.isVisible()
    assert "not saved" in box.text()
    assert "Signed in" in window.accounts_panel.item_text("wang.fang@northwind.example")
    box.accept()


async def test_nothing_secret_in_the_settings_file(
    window: MainWindow, qtbot, settings, tmp_path: Path, sandbox
) -> None:
    password = "Very-Secret-9!"  # wrong for the sandbox: kept, and shown as refused
    await add_account(window, qtbot, "huake.buyer@qq.com", password, sandbox.url)
    await add_account(window, qtbot, "li.na@huake.example", "demo", sandbox.url)
    window.table.selectRow(0)
    window.details.toggle_key()
    keys = [lic.license_key for lic in window.model.licenses if lic.license_key]
    window.close()
    settings.sync()
    text = Path(settings.fileName()).read_text("utf-8", errors="replace")
    assert "huake.buyer@qq.com" in text  # the account list is there…
    assert password not in text  # …its password is not
    assert keys and not any(key[:40] in text for key in keys)


async def test_unreachable_portal_is_explained_and_others_still_load(
    window: MainWindow, qtbot
) -> None:
    # Not one of the demo's addresses: an account is known by its email in the panel.
    email = "it.desk@huake.example"
    await add_account(window, qtbot, email, "demo", portal="http://127.0.0.1:9")
    assert "Cannot reach the portal" in window.accounts_panel.item_text(email)
    window.demo_action.setChecked(True)  # show the demo again: it loads despite the failure
    await wait_for_refresh(window)
    assert window.banner.isVisible()
    assert window.model.rowCount() == 40
    assert "Cannot reach the portal" in window.accounts_panel.item_text(email)


async def test_refresh_can_be_cancelled(window: MainWindow, qtbot, sandbox_server) -> None:
    slow = sandbox_server(latency_ms=400)
    account = _portal_account(slow.url, "li.na@huake.example")
    window.passwords.remember(account, "demo", keep=False)
    window.store.add(account)
    started = next_emit(window.refresher.refreshStarted)
    window.refresh()
    await started
    assert window.cancel_action.isEnabled() and window.status.progress.isVisible()
    finished = next_emit(window.refresher.refreshFinished)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert await finished == (True,)
    assert not window.status.progress.isVisible()
    assert "Not read yet" in window.accounts_panel.item_text("li.na@huake.example")
    assert window.statusBar().currentMessage() == "Refresh cancelled"


def _portal_account(url: str, email: str):
    from desktop.domain.models import Account

    return Account(AccountKind.PORTAL, email=email, portal=url, label=email)


# --- paste import ----------------------------------------------------------------------------


async def test_paste_import_with_a_seed_like_page(window: MainWindow, qtbot) -> None:
    dialog = window.accounts.import_paste()
    assert dialog.load_file(SEED_LIKE)
    assert "SEN-20481357" in dialog.text_edit.toPlainText()
    task = dialog.start_import()
    assert task is not None
    await task
    assert not dialog.isVisible()
    await wait_for_refresh(window)
    pasted = [a for a in window.store.own_accounts if a.kind is AccountKind.PASTE]
    assert len(pasted) == 1
    assert "Offline paste" in window.accounts_panel.item_text(pasted[0].key)
    assert window.select_sen("SEN-20481357")
    assert window.details.license.organisation == "华科示例软件有限公司"
    assert window.details.key_value.text() == MASK


async def test_paste_import_of_bad_text_says_why(window: MainWindow, qtbot) -> None:
    dialog = window.accounts.import_paste()
    dialog.text_edit.setPlainText("hello, this is not a licenses page")
    await dialog.start_import()
    assert dialog.isVisible()
    assert "No license was found" in dialog.message.text()
    dialog.text_edit.setPlainText("")
    await dialog.start_import()
    assert "empty" in dialog.message.text()
    assert window.store.own_accounts == []
    dialog.reject()


# --- language, state -------------------------------------------------------------------------


async def test_language_switch_at_once_and_remembered(window: MainWindow, qtbot, settings) -> None:
    lic_row = next(
        r for r in range(40) if window.model.license_at(r).support_expires == date(2020, 10, 19)
    )
    window.language_actions["zh_CN"].trigger()
    qtbot.waitUntil(lambda: window.windowTitle() == "授权归集助手", timeout=2000)
    assert window.model.headerData(Column.SUPPORT_EXPIRES, Qt.Orientation.Horizontal) == "支持到期"
    assert window.model.index(lic_row, Column.SUPPORT_EXPIRES).data() == "2020年10月19日"
    assert window.model.index(lic_row, Column.SUPPORT).data() == "已过期"
    assert window.filter_buttons[QuickFilter.EXPIRED].text() == "已过期"
    assert window.file_menu.title() == "文件(&F)"
    assert "演示数据" in window.banner.text.text()
    assert settings.value("ui/language") == "zh_CN"
    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: window.file_menu.title() == "&File", timeout=2000)
    assert window.model.index(lic_row, Column.SUPPORT_EXPIRES).data() == "19 Oct 2020"
    assert window.file_menu.title() == "&File"
    assert settings.value("ui/language") == "en"


async def test_window_size_and_splitters_are_remembered(
    window: MainWindow, qtbot, settings, tmp_path: Path
) -> None:
    window.resize(640, 470)  # within the offscreen screen (800x600)
    window.main_splitter.setSizes([200, 900])
    sizes = window.main_splitter.sizes()
    size = (window.size().width(), window.size().height())
    window.close()
    again = DesktopApp(
        settings,
        language=window.language,
        pastes=PasteStore(tmp_path / "pastes"),
        today=TODAY,
    ).window
    qtbot.addWidget(again)
    again.show()
    assert (again.size().width(), again.size().height()) == size
    assert again.main_splitter.sizes() == sizes
    await wait_for_refresh(again)
    await again.refresher.aclose()


async def test_consolidate_action_signals_the_wizard_hook(
    window: MainWindow, desktop_app: DesktopApp
) -> None:
    opened: list[bool] = []
    launcher = desktop_app.launcher
    window.consolidateRequested.disconnect(launcher.launch)  # the wizard's own tests drive it
    window.consolidateRequested.connect(lambda: opened.append(True))
    requested = next_emit(window.consolidateRequested)
    window.consolidate_action.trigger()
    await requested
    assert opened == [True]
    assert window.consolidate_action.shortcut().toString() == "Ctrl+G"


async def test_about_box_shows_the_version(window: MainWindow) -> None:
    from desktop import __version__
    from desktop.portal.my_atlassian.site_profile import built_in_profile

    window.about_action.trigger()
    box = window.findChild(QMessageBox, "aboutBox")
    assert box is not None and box.isVisible()
    assert f"Version {__version__}" in box.text()
    assert f"My Atlassian site profile: {built_in_profile().title}" in box.text()
    box.accept()


async def test_the_target_beside_the_filter_gives_way_on_a_narrow_window(
    window: MainWindow, qtbot
) -> None:
    label = window.license_panel.target_label
    window.set_target_email("zhang.wei@huake.example")
    window.resize(window.minimumSizeHint().width(), 600)
    qtbot.wait(20)
    assert label.accessibleName() == "Target: zhang.wei@huake.example"
    label.resize(60, label.height())
    shown = label.shown_text()
    assert shown.endswith("…") and len(shown) < len(label.text())
    label.resize(label.sizeHint().width() + 10, label.height())
    assert label.shown_text() == label.text()


async def test_about_box_names_a_refused_override_and_the_profile_in_force(
    window: MainWindow, tmp_path: Path
) -> None:
    from desktop.portal.my_atlassian.site_profile import built_in_profile
    from desktop.services.my_atlassian import site_profile

    broken = tmp_path / "site-profile.json"
    broken.write_text('{"format": 99}', "utf-8")
    before = site_profile.current()
    site_profile.set_current(site_profile.load_profile(broken))
    try:
        window.about_action.trigger()
        box = window.findChild(QMessageBox, "aboutBox")
        assert box is not None
        text = box.text()
        assert f"{built_in_profile().title} (built in)" in text
        assert "could not be used (format 99 is not the one this app reads" in text
        assert str(broken) in text
        box.accept()
    finally:
        site_profile.set_current(before)

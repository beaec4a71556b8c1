"""Screenshots of the real app with a My Atlassian account, in English and Chinese: the
add-account dialog's My Atlassian choice, the embedded sign-in, the page check after the first
sign-in, the address line (https, this computer, refused http), the wizard's run page with
the live page beside the progress list (a renamed label makes the step guided), and a run
paused because the sign-in ended, the account's sign-in window open over it (then closed: the
run page asks to sign in again or skip the account).

Run under a real X display: ``xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m
tests.live.screenshots`` → ``screenshots/my_atlassian_{add_account,sign_in,page_check,
address_line,run,paused,paused_closed,resumed}_{en,zh_CN}.png`` (``LIVE_SHOTS_DIR`` and
``LIVE_SHOTS_PREFIX`` choose another folder and a prefix for the names). Uses the sandbox's
replica on 127.0.0.1 (fictional demo data) and the app's own translations.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

import PySide6.QtWebEngineWidgets  # noqa: F401  (before the QApplication)
import qasync
import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QVBoxLayout, QWidget

from desktop.portal.my_atlassian.urls import replica
from desktop.portal.sandbox import create_app, start_in_thread
from desktop.services.my_atlassian.page_driver import PageDriver
from desktop.services.paste_store import PasteStore
from desktop.ui.add_account_dialog import MY_ATLASSIAN
from desktop.ui.application import DesktopApp
from desktop.ui.language import LanguageManager
from desktop.ui.my_atlassian.address_line import AddressLine
from desktop.ui.my_atlassian.page_check_dialog import PageCheckDialog
from desktop.ui.my_atlassian.sign_in_window import SignInWindow
from desktop.ui.self_test import wait_for_refresh
from tests.live.conftest import type_sign_in

OUT = Path(os.environ.get("LIVE_SHOTS_DIR") or Path(__file__).resolve().parents[2] / "screenshots")
PREFIX = os.environ.get("LIVE_SHOTS_PREFIX", "")
ACTOR, TARGET = "li.na@huake.example", "zhang.wei@huake.example"


async def _settle(driver: PageDriver, words: str) -> None:
    await driver.wait_for(driver.text, lambda text: words in text, timeout=20)
    await asyncio.sleep(0.8)  # let the page paint


def _shot(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    screen = widget.screen()
    geometry = widget.frameGeometry()
    image = screen.grabWindow(0, geometry.x(), geometry.y(), geometry.width(), geometry.height())
    OUT.mkdir(exist_ok=True)
    image.save(str(OUT / (PREFIX + name)))
    print("wrote", OUT / (PREFIX + name))


async def _until(condition, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise TimeoutError("the screenshot scene did not come up")
        await asyncio.sleep(0.05)


async def app_shots(url: str, lang: str, language: LanguageManager, folder: Path) -> None:
    """The real app: add-account dialog → embedded sign-in → the wizard's run page."""
    settings = QSettings(str(folder / f"settings-{lang}.ini"), QSettings.Format.IniFormat)
    app = DesktopApp(
        settings,
        language=language,
        pastes=PasteStore(folder / "pastes"),
        live_urls=replica(url),
        journal_path=folder / f"journal-{lang}.sqlite3",
        profiles_root=folder / "webengine",  # "Stay signed in" keeps it here
    )
    window = app.window
    window.move(0, 0)
    window.show()
    await wait_for_refresh(window)

    dialog = window.accounts.add_account()
    dialog.portal_combo.setCurrentIndex(dialog.portal_combo.findData(MY_ATLASSIAN))
    dialog.adjustSize()
    await asyncio.sleep(0.5)
    _shot(dialog, f"my_atlassian_add_account_{lang}.png")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    sign_in = window._dialogs[-1]
    assert isinstance(sign_in, SignInWindow)
    sign_in.move(0, 0)
    sign_in.resize(1100, 820)
    sign_in.stay.click()  # ticked: the sentence about what is kept shows beside it
    driver = sign_in.live.driver
    await _settle(driver, "Log in to continue")
    await driver.run_js(
        "document.querySelector('input[name=email]').value='li.na@huake.example';"
        "document.querySelector('input[name=password]').value='demo';"
    )
    await asyncio.sleep(0.5)
    _shot(sign_in, f"my_atlassian_sign_in_{lang}.png")
    await type_sign_in(driver, ACTOR)
    await _until(lambda: sign_in.ok_button.isEnabled() and sign_in.email_edit.text() == ACTOR)
    sign_in.ok_button.click()
    await _until(lambda: window.refresher.state(ACTOR).value == "live")
    await wait_for_refresh(window)

    # The first sign-in of the account: the page check says what the app can do there.
    await _until(lambda: any(isinstance(d, PageCheckDialog) for d in window._dialogs))
    check = next(d for d in window._dialogs if isinstance(d, PageCheckDialog))
    await _until(lambda: check.check is not None)
    check.move(0, 0)
    await asyncio.sleep(0.5)
    _shot(check, f"my_atlassian_page_check_{lang}.png")
    check.close()
    await address_shot(url, lang)

    wizard = await app.launcher.open_wizard()
    assert wizard is not None
    wizard.next()
    wizard.next()
    wizard.target_page.email_edit.setText(TARGET)
    wizard.next()
    wizard.flow.check_all(False)
    wizard.flow.set_checked("SEN-20110577", True)  # its Make Primary is renamed: guided
    wizard.next()
    confirm = wizard.licenses_page.confirm_dialog
    assert confirm is not None
    confirm.yes_button.click()
    panel = wizard.run_page.live_panel
    assert panel is not None
    wizard.move(0, 0)
    wizard.resize(1380, 860)
    await _until(lambda: panel.guide.isVisible())
    await asyncio.sleep(1.5)
    _shot(wizard, f"my_atlassian_run_{lang}.png")
    panel.guide.skip_button.click()  # skipped, as the person does, so the run ends
    await _until(lambda: not wizard.runner.running)
    wizard.close()  # as the person does: the next wizard is a new one
    await asyncio.sleep(0.5)
    await paused_shot(app, url, lang)
    shiboken6.delete(wizard)
    for open_dialog in list(window._dialogs):
        shiboken6.delete(open_dialog)
    await window.refresher.aclose()
    await window.live_accounts.aclose()
    shiboken6.delete(window)


async def paused_shot(app: DesktopApp, url: str, lang: str) -> None:
    """A run whose sign-in ends midway (right after its 2nd change): paused, the account's
    own sign-in window open over the run page; then signed in again, the run finishes."""
    import httpx

    async with httpx.AsyncClient(base_url=url) as client:
        await client.put("/my-atlassian/_quirks", json={"expireAfterWrite": 2})
    window = app.window
    wizard = await app.launcher.open_wizard()
    assert wizard is not None
    wizard.next()
    wizard.next()
    wizard.target_page.email_edit.setText(TARGET)
    wizard.next()
    wizard.flow.check_all(False)
    for sen in ("SEN-20110101", "SEN-20110245", "SEN-20110388"):
        wizard.flow.set_checked(sen, True)
    wizard.next()
    confirm = wizard.licenses_page.confirm_dialog
    assert confirm is not None
    confirm.yes_button.click()
    wizard.move(0, 0)
    wizard.resize(1380, 860)

    def sign_in_window() -> SignInWindow | None:
        shown = [d for d in window._dialogs if isinstance(d, SignInWindow) and d.isVisible()]
        return shown[-1] if shown else None

    await _until(lambda: sign_in_window() is not None)
    again = sign_in_window()
    assert again is not None
    again.move(430, 90)
    again.resize(940, 760)
    await _settle(again.live.driver, "Log in to continue")
    await asyncio.sleep(1.0)
    _shot(wizard, f"my_atlassian_paused_{lang}.png")
    # The person closes the window: the run page asks (Sign in again / Skip this account).
    again.reject()
    banner = wizard.run_page.pause_banner
    await _until(lambda: banner.sign_in_button.isVisible())
    await asyncio.sleep(0.5)
    _shot(wizard, f"my_atlassian_paused_closed_{lang}.png")
    banner.sign_in_button.click()
    await _until(lambda: sign_in_window() not in (None, again))
    again = sign_in_window()
    assert again is not None
    await _settle(again.live.driver, "Log in to continue")
    await type_sign_in(again.live.driver, ACTOR)
    await _until(lambda: again.ok_button.isEnabled())
    again.ok_button.click()
    await _until(lambda: not wizard.runner.running)
    await asyncio.sleep(1.0)
    _shot(wizard, f"my_atlassian_resumed_{lang}.png")
    shiboken6.delete(wizard)


async def address_shot(url: str, lang: str) -> None:
    """The address line as it shows a sign-in at any https host, the local replica, and a
    plain http page elsewhere (refused)."""
    box = QWidget()
    layout = QVBoxLayout(box)
    for address in (
        "https://id.atlassian.com/login?continue=x",
        replica(url).licenses,
        "http://my.atlassian.example/product",
    ):
        line = AddressLine(box)
        line.show_url(address)
        layout.addWidget(line)
    box.resize(760, 10)
    box.move(0, 0)
    box.show()
    await asyncio.sleep(0.5)
    _shot(box, f"my_atlassian_address_line_{lang}.png")
    shiboken6.delete(box)


async def main(lang: str) -> None:
    app = QApplication.instance()
    assert app is not None
    language = LanguageManager(QSettings("LicenseConsolidatorShots", "shots"))
    language.apply(lang, remember=False)
    sandbox_app = create_app()
    running = start_in_thread(sandbox_app)
    try:
        import httpx

        async with httpx.AsyncClient(base_url=running.url) as client:
            await client.put(
                "/my-atlassian/_quirks", json={"labels": {"make_primary": "Promote now"}}
            )
        with tempfile.TemporaryDirectory(prefix="lc-shots-") as folder:
            await app_shots(running.url, lang, language, Path(folder))
    finally:
        running.stop()


if __name__ == "__main__":
    application = QApplication(sys.argv)
    application.setQuitOnLastWindowClosed(False)  # the windows come and go between shots
    loop = qasync.QEventLoop(application)
    asyncio.set_event_loop(loop)
    extra = os.environ.get("LIVE_SHOTS_QM")  # translations of entries not yet in the catalogue
    if extra:
        from PySide6.QtCore import QTranslator

        translator = QTranslator(application)
        if translator.load(extra):
            application.installTranslator(translator)

    async def every_language() -> None:
        for language in sys.argv[1:] or ["en", "zh_CN"]:
            await main(language)

    with loop:  # one run: leaving the app's loop would shut QtWebEngine down
        loop.run_until_complete(every_language())

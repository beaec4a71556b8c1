"""Screenshots of the embedded sign-in and of a live run in progress, in English and Chinese.

Run under a real X display: ``xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m
tests.live.screenshots`` → ``screenshots/my_atlassian_*_{en,zh_CN}.png``. Uses the sandbox's
replica on 127.0.0.1 (fictional demo data) and the app's own translations.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

import PySide6.QtWebEngineWidgets  # noqa: F401  (before the QApplication)
import qasync
import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QListWidget, QSplitter, QWidget

from desktop.engine.executor import Executor
from desktop.engine.journal import Journal
from desktop.engine.planner import make_plan
from desktop.portal.my_atlassian.urls import replica
from desktop.portal.sandbox import create_app, start_in_thread
from desktop.services.my_atlassian.live_accounts import LiveAccounts
from desktop.services.my_atlassian.page_driver import PageDriver
from desktop.ui.language import LanguageManager
from desktop.ui.my_atlassian.live_page_panel import LivePagePanel
from desktop.ui.my_atlassian.sign_in_window import SignInWindow
from tests.live.conftest import fill_sign_in

OUT = Path(__file__).resolve().parents[2] / "screenshots"
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
    image.save(str(OUT / name))
    print("wrote", OUT / name)


async def sign_in_shot(url: str, lang: str) -> None:
    accounts = LiveAccounts(replica(url))
    window = SignInWindow(accounts, stay_signed_in=False)
    window.stay.setChecked(True)
    window.move(0, 0)
    window.resize(1100, 820)
    window.show()
    await _settle(window.live.driver, "Log in to continue")
    await window.live.driver.run_js(
        "document.querySelector('input[name=email]').value='li.na@huake.example';"
        "document.querySelector('input[name=password]').value='demo';"
    )
    await asyncio.sleep(0.5)
    _shot(window, f"my_atlassian_sign_in_{lang}.png")
    shiboken6.delete(window)
    accounts.sign_out("new")  # the persistent profile the check box made


async def run_shot(url: str, lang: str) -> None:
    accounts = LiveAccounts(replica(url))
    live = accounts.open(ACTOR, stay_signed_in=False)
    await live.driver.load(live.urls.start)
    await live.driver.run_js(fill_sign_in(ACTOR, "demo"))
    await _settle(live.driver, "SEN-")
    from desktop.domain.models import Account, AccountKind

    session = accounts.signed_in(live, Account(AccountKind.MY_ATLASSIAN, email=ACTOR))
    window = QSplitter()
    progress = QListWidget(window)
    panel = LivePagePanel(window)
    window.addWidget(progress)
    window.addWidget(panel)
    window.setSizes([330, 1020])
    window.setWindowTitle(panel.tr("My Atlassian"))
    window.move(0, 0)
    window.resize(1380, 860)
    panel.show_page(live.driver.page, ACTOR)
    session.guide = panel.guide
    window.show()

    licenses = await session.list_licenses()
    plan = make_plan(licenses, {ACTOR}, TARGET).only({"SEN-20110577"})

    def on_event(event: object) -> None:
        if str(getattr(event, "outcome", "")) != "excluded":
            progress.addItem(" ".join(str(v) for v in vars_of(event)))

    journal = Journal(OUT / ".shot-journal.sqlite3")
    executor = Executor({ACTOR: session}, journal, concurrency=1, on_event=on_event)
    # The second license's "Make Primary" is renamed on the page: the app falls back to guided.
    run = asyncio.ensure_future(executor.run(plan))
    await live.driver.wait_for(_visible(panel), bool, timeout=60)
    await asyncio.sleep(1.0)
    _shot(window, f"my_atlassian_run_{lang}.png")
    panel.guide._settle(False)  # skip, so the run ends
    await run
    shiboken6.delete(window)
    accounts.close_all()
    (OUT / ".shot-journal.sqlite3").unlink(missing_ok=True)


def vars_of(event: object) -> list[object]:
    sen = getattr(event, "sen", "")
    step = getattr(event, "step", None) or ""
    status = getattr(event, "status", None) or getattr(event, "outcome", "")
    return [sen, step, status]


def _visible(panel: LivePagePanel):  # type: ignore[no-untyped-def]
    async def probe() -> bool:
        return panel.guide.isVisible()

    return probe


async def main(lang: str) -> None:
    app = QApplication.instance()
    assert app is not None
    LanguageManager(QSettings("LicenseConsolidatorShots", "shots")).apply(lang, remember=False)
    sandbox_app = create_app()
    running = start_in_thread(sandbox_app)
    try:
        await sign_in_shot(running.url, lang)
        import httpx

        async with httpx.AsyncClient(base_url=running.url) as client:
            await client.put(
                "/my-atlassian/_quirks", json={"labels": {"make_primary": "Set as primary"}}
            )
        await run_shot(running.url, lang)
    finally:
        running.stop()


if __name__ == "__main__":
    application = QApplication(sys.argv)
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

"""Start-up: the QApplication on one qasync event loop, the language, the main window.

``python -m desktop [--lang zh_CN|en]`` runs the app; ``--self-test`` opens the real main
window offscreen on the demo data, checks it and exits 0 (non-zero with a message on error).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable, Sequence
from datetime import date
from pathlib import Path

# QtWebEngine (the embedded My Atlassian browser) must be loaded before the QApplication.
import PySide6.QtWebEngineWidgets  # noqa: F401
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME, ORG_NAME, __version__
from desktop.portal.my_atlassian.urls import MyAtlassianUrls
from desktop.services.account_store import AccountStore
from desktop.services.log_setup import configure_logging
from desktop.services.my_atlassian.live_accounts import LiveAccounts
from desktop.services.my_atlassian.session import ActionMode
from desktop.services.passwords import PasswordBook
from desktop.services.paste_store import PasteStore
from desktop.services.refresh import RefreshService
from desktop.ui.language import LANGUAGES, LanguageManager
from desktop.ui.main_window import ACTION_MODE_KEY, MainWindow
from desktop.ui.my_atlassian.self_test import check_web_engine
from desktop.ui.wizard import launch as wizard_launch

log = logging.getLogger(__name__)

SELF_TEST_TIMEOUT_S = 60.0


def create_main_window(
    settings: QSettings | None = None,
    *,
    language: LanguageManager | None = None,
    pastes: PasteStore | None = None,
    today: date | None = None,
    live_urls: MyAtlassianUrls | None = None,
) -> MainWindow:
    """The main window with its services. Tests pass their own settings and paste folder
    (and the sandbox's My Atlassian replica as ``live_urls``)."""
    settings = settings or QSettings()
    language = language or LanguageManager(settings)
    passwords = PasswordBook()
    pastes = pastes or PasteStore()
    store = AccountStore(settings)
    live = LiveAccounts(live_urls)
    try:
        live.mode = ActionMode(str(settings.value(ACTION_MODE_KEY, ActionMode.ASSISTED.value)))
    except ValueError:
        log.warning("unknown My Atlassian mode in the settings; assisted it is")
    refresher = RefreshService(passwords, pastes, live_accounts=live)
    window = MainWindow(
        store=store,
        passwords=passwords,
        pastes=pastes,
        refresher=refresher,
        language=language,
        settings=settings,
        today=today,
    )
    refresher.setParent(window)
    store.setParent(window)
    live.setParent(window)
    window.open_consolidation_wizard = lambda: wizard_launch.launch_wizard(window)  # type: ignore[method-assign]
    return window


# --- the self-test ------------------------------------------------------------------------


class SelfTestError(Exception):
    """A self-test check failed; the message says which."""


SelfTestStep = Callable[[MainWindow], Awaitable[str]]


async def wait_for_refresh(window: MainWindow, timeout: float = SELF_TEST_TIMEOUT_S) -> None:
    """Wait until the refresh running (or about to start) has finished."""
    done = asyncio.get_event_loop().create_future()

    def finished(cancelled: bool) -> None:
        if not done.done():
            done.set_result(cancelled)

    window.refresher.refreshFinished.connect(finished)
    try:
        if not window.refresher.running:
            window.refresh()
        if await asyncio.wait_for(done, timeout):
            raise SelfTestError("the refresh was cancelled")
    finally:
        window.refresher.refreshFinished.disconnect(finished)


async def check_license_table(window: MainWindow) -> str:
    """The table is filled from every demo account, searchable, and the key is masked."""
    await wait_for_refresh(window)
    model, proxy = window.model, window.proxy
    if model.rowCount() == 0:
        raise SelfTestError("the license table is empty after reading the demo portal")
    for row in range(model.rowCount()):
        sen = model.index(row, 0).data()
        if not (isinstance(sen, str) and sen.startswith("SEN-")):
            raise SelfTestError(f"row {row} has no SEN")
    accounts = window.store.active_accounts()
    seen = set().union(*(lic.seen_by for lic in model.licenses))
    missing = [a.email for a in accounts if a.key not in seen]
    if missing:
        raise SelfTestError(f"no license read from {', '.join(missing)}")
    titles = [model.headerData(c, _H) for c in range(model.columnCount())]
    if any(not t for t in titles):
        raise SelfTestError("a column has no title")
    first = model.license_at(0)
    window.search_edit.setText(first.sen)
    if proxy.rowCount() != 1:
        raise SelfTestError(f"searching {first.sen} shows {proxy.rowCount()} rows, not 1")
    window.table.selectRow(0)
    details = window.details
    if details.license is None or details.license.sen != first.sen:
        raise SelfTestError("selecting a license does not show its details")
    key = first.license_key or ""
    if key and key in details.key_value.text():
        raise SelfTestError("the license key is not masked")
    window.search_edit.clear()
    if proxy.rowCount() != model.rowCount():
        raise SelfTestError("clearing the search does not show every license again")
    return f"{model.rowCount()} licenses from {len(accounts)} accounts; columns {titles}"


SELF_TEST_STEPS: list[SelfTestStep] = [
    check_license_table,
    wizard_launch.self_test_wizard,
    check_web_engine,
]


def register_self_test_step(step: SelfTestStep) -> None:
    """Extend ``--self-test`` (e.g. the wizard adds its own check)."""
    SELF_TEST_STEPS.append(step)


async def self_test(window: MainWindow) -> str:
    """Run every self-test step on the shown window; the report, or :class:`SelfTestError`."""
    lines = []
    for step in SELF_TEST_STEPS:
        lines.append(f"{step.__name__}: {await step(window)}")
    return "\n".join(lines)


# --- start-up -------------------------------------------------------------------------------

from PySide6.QtCore import Qt  # noqa: E402

_H = Qt.Orientation.Horizontal


def _parse(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="LicenseConsolidator")
    parser.add_argument("--self-test", action="store_true", help="check the app and exit")
    parser.add_argument("--lang", choices=list(LANGUAGES), help="the interface language")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser.parse_known_args(list(argv)[1:])


def run(argv: Sequence[str]) -> int:
    args, qt_args = _parse(argv)
    configure_logging(level=logging.WARNING, to_file=not args.self_test)
    if args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        if hasattr(os, "geteuid") and os.geteuid() == 0:  # CI containers: Chromium refuses
            os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")  # root; a data: page only
    import qasync

    app = QApplication.instance() or QApplication([argv[0] if argv else APP_NAME, *qt_args])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName("License Consolidator")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    if args.self_test:
        return _run_self_test(loop, args.lang)

    settings = QSettings()
    language = LanguageManager(settings)
    language.apply(args.lang or language.saved_or_system(), remember=args.lang is None)
    window = create_main_window(settings, language=language)
    window.show()
    window.refresh()
    wizard_launch.offer_resume(window)
    # Leaving the loop emits aboutToQuit, on which QtWebEngine shuts down; it must happen once,
    # after every page and profile is gone: so the app quits by ending run_until_complete.
    app.setQuitOnLastWindowClosed(False)
    closed = asyncio.Event()
    app.lastWindowClosed.connect(closed.set)

    async def until_closed() -> None:
        await closed.wait()
        await window.refresher.aclose()
        await window.live_accounts.aclose()

    with loop:
        loop.run_until_complete(until_closed())
    return 0


def _run_self_test(loop: asyncio.AbstractEventLoop, lang: str | None) -> int:
    with tempfile.TemporaryDirectory(prefix="lc-self-test-") as folder:
        settings = QSettings(os.path.join(folder, "settings.ini"), QSettings.Format.IniFormat)
        language = LanguageManager(settings)
        loaded = language.apply(lang or "en", remember=False)
        if lang and lang != "en" and not loaded:
            print(f"self-test failed: no translation for {lang} was loaded", file=sys.stderr)
            return 1
        pastes = PasteStore(folder=Path(folder) / "pastes")
        window = create_main_window(settings, language=language, pastes=pastes)
        window.journal_path = Path(folder) / "journal.sqlite3"  # type: ignore[attr-defined]
        window.show()

        async def main() -> str:
            try:
                return await self_test(window)
            finally:
                await window.refresher.aclose()

        try:
            with loop:
                report = loop.run_until_complete(main())
        except (SelfTestError, TimeoutError) as error:
            print(f"self-test failed: {error or 'timed out'}", file=sys.stderr)
            return 1
        except Exception as error:  # the self-test's job is to say what broke
            print(f"self-test failed: {type(error).__name__}: {error}", file=sys.stderr)
            return 1
        finally:
            window.close()
    done, target = wizard_launch.last_self_test or (0, "")
    print(f"self-test ({language.current})\n{report}", flush=True)
    print(f"self-test passed: {done} licenses consolidated into {target}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv))

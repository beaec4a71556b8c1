"""Start-up: the QApplication on one qasync event loop, the language, the application object.

``python -m desktop [--lang zh_CN|en]`` runs the app; ``--self-test`` opens the real main
window offscreen on the demo data, checks it (:mod:`desktop.ui.self_test`) and exits 0
(non-zero with a message on error).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

# QtWebEngine (the embedded My Atlassian browser) must be loaded before the QApplication.
import PySide6.QtWebEngineWidgets  # noqa: F401
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME, ORG_NAME, __version__
from desktop.services.log_setup import configure_logging
from desktop.services.paste_store import PasteStore
from desktop.ui.application import DesktopApp
from desktop.ui.language import LANGUAGES, LanguageManager
from desktop.ui.self_test import Consolidated, SelfTestError, SelfTestReport, self_test

if TYPE_CHECKING:
    from qasync import QEventLoop

log = logging.getLogger(__name__)


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
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    if args.self_test:
        return _run_self_test(loop, args.lang)

    settings = QSettings()
    language = LanguageManager(settings)
    language.apply(args.lang or language.saved_or_system(), remember=args.lang is None)
    desktop_app = DesktopApp(settings, language=language)
    window = desktop_app.window
    window.show()
    window.refresh()
    desktop_app.launcher.offer_resume()
    # Leaving the loop emits aboutToQuit, on which QtWebEngine shuts down; it must happen once,
    # after every page and profile is gone: so the app quits by ending run_until_complete.
    app.setQuitOnLastWindowClosed(False)
    closed = asyncio.Event()
    app.lastWindowClosed.connect(closed.set)

    async def until_closed() -> None:
        await closed.wait()
        await desktop_app.aclose()

    with loop:
        loop.run_until_complete(until_closed())
    return 0


def _run_self_test(loop: QEventLoop, lang: str | None) -> int:
    with tempfile.TemporaryDirectory(prefix="lc-self-test-") as folder:
        settings = QSettings(os.path.join(folder, "settings.ini"), QSettings.Format.IniFormat)
        language = LanguageManager(settings)
        loaded = language.apply(lang or "en", remember=False)
        if lang and lang != "en" and not loaded:
            print(f"self-test failed: no translation for {lang} was loaded", file=sys.stderr)
            return 1
        if lang and lang != "en" and f"qtbase_{lang}.qm" not in loaded:
            # Qt's own words (file dialog, wizard buttons) would stay English: a bundle
            # without PySide6's translations folder.
            print(f"self-test failed: Qt's own qtbase_{lang}.qm was not loaded", file=sys.stderr)
            return 1
        pastes = PasteStore(folder=Path(folder) / "pastes")
        desktop_app = DesktopApp(
            settings,
            language=language,
            pastes=pastes,
            journal_path=Path(folder) / "journal.sqlite3",
        )
        window = desktop_app.window
        window.show()

        async def main() -> SelfTestReport:
            try:
                return await self_test(desktop_app)
            finally:
                await desktop_app.refresher.aclose()

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
    done = report.consolidated or Consolidated(0, "")
    print(f"self-test ({language.current})\n{report}", flush=True)
    print(f"self-test passed: {done.count} licenses consolidated into {done.target}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv))

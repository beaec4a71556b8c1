"""Start-up: the QApplication, translations, the main window. (Minimal until the main window.)"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from desktop import APP_NAME, ORG_NAME, __version__


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("License Consolidator for Atlassian"))
        self.setCentralWidget(QLabel(self.tr("Licenses will be listed here.")))
        self.resize(900, 600)


def run(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="LicenseConsolidator")
    parser.add_argument("--self-test", action="store_true")
    parser.add_argument("--lang", choices=["zh_CN", "en"])
    args, qt_args = parser.parse_known_args(list(argv)[1:])
    app = QApplication([argv[0], *qt_args])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    window = MainWindow()
    window.show()
    if args.self_test:
        QTimer.singleShot(0, app.quit)
        app.exec()
        print("self-test passed", flush=True)
        return 0
    return app.exec()


if __name__ == "__main__":
    sys.exit(run(sys.argv))

"""The app quits cleanly with a live page open: QtWebEngine shuts down on aboutToQuit, which
must come once, after every page and profile is gone (a second one crashed at exit)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Runs the real app (desktop.ui.app.run); a live page is open when the window closes.
SCRIPT = """
import sys
from PySide6.QtCore import QTimer
import desktop.ui.app as app
from desktop.ui.application import DesktopApp

class WithLivePage(DesktopApp):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        live = self.live.open("li.na@huake.example", stay_signed_in=False)
        live.driver.page.setHtml("<p>SEN-20110101</p>")
        QTimer.singleShot(1500, self.window.close)

app.DesktopApp = WithLivePage
sys.exit(app.run(["app", "--lang", "en"]))
"""


def test_the_app_quits_cleanly_with_a_live_page_open(tmp_path: Path) -> None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),  # settings and the journal of this test only
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / "state"),
    )
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]

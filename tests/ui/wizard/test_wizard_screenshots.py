"""Screenshots of every wizard page (and the confirmation) in Chinese and English, in a real
window (Xvfb).

Run (the PNGs go to screenshots/)::

    QT_QPA_PLATFORM=xcb xvfb-run -a .venv/bin/pytest -q tests/ui/wizard/test_wizard_screenshots.py

the PNGs go to screenshots/ (git-ignored). Skipped where there is no X display.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.portal.http_client import RetryPolicy
from desktop.portal.sandbox.faults import FaultInjector, FaultOptions
from desktop.services.consolidation_flow import Step
from desktop.ui.language import LanguageManager
from tests.conftest import SandboxHandle
from tests.ui.palettes import dark_palette
from tests.ui.wizard.harness import LN, QQ, WF, ZW, open_wizard, settle

ROOT = Path(__file__).resolve().parents[3]
OUT = ROOT / "screenshots"
BILLING_SIGNED_IN = (LN, WF, QQ, ZW)

pytestmark = pytest.mark.xvfb


@pytest.fixture(autouse=True)
def _needs_display() -> None:
    if not os.environ.get("DISPLAY") or QGuiApplication.platformName() not in ("xcb", ""):
        pytest.skip("needs a real X display: run under xvfb-run")


def _shot(qtbot: QtBot, widget: QWidget, name: str) -> Path:
    qtbot.wait(150)
    OUT.mkdir(exist_ok=True)
    path = OUT / f"{name}.png"
    assert widget.grab().save(str(path))
    assert path.stat().st_size > 5_000
    return path


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
async def test_screenshot_every_wizard_page(
    qtbot: QtBot, sandbox: SandboxHandle, tmp_path: Path, lang: str, scheme: str
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    light = app.palette()
    if scheme == "dark":
        app.setPalette(dark_palette())
    suffix = "_dark" if scheme == "dark" else ""
    language = LanguageManager(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert language.apply(lang, remember=False) or lang == "en"
    rig = await open_wizard(
        qtbot,
        sandbox.url,
        tmp_path / "j.sqlite3",
        retry=RetryPolicy(attempts=1, total_s=5.0),
        step_attempts=1,
    )
    wizard = rig.wizard
    wizard.resize(980, 700)
    try:
        _shot(qtbot, wizard, f"wizard_1_welcome_{lang}{suffix}")
        wizard.next()
        _shot(qtbot, wizard, f"wizard_2_sources_{lang}{suffix}")
        wizard.next()
        wizard.target_page.email_edit.setText("zhang.wei@")  # what blocks Next is said in red
        _shot(qtbot, wizard, f"wizard_3_target_invalid_{lang}{suffix}")
        wizard.target_page.email_edit.setText(ZW)
        _shot(qtbot, wizard, f"wizard_3_target_{lang}{suffix}")
        wizard.next()
        _shot(qtbot, wizard, f"wizard_4_licenses_{lang}{suffix}")
        wizard.next()
        dialog = wizard.licenses_page.confirm_dialog
        assert dialog is not None
        _shot(qtbot, dialog, f"wizard_5_confirm_{lang}{suffix}")
        sandbox.app.faults = FaultInjector(FaultOptions(fail_rate=0.15, seed=5))
        dialog.yes_button.click()
        await settle(qtbot, lambda: not rig.runner.running and rig.flow.can_go_on(Step.RUN))
        _shot(qtbot, wizard, f"wizard_6_run_{lang}{suffix}")
        wizard.next()
        _shot(qtbot, wizard, f"wizard_7_summary_{lang}{suffix}")
    finally:
        await rig.close()
        language.apply("en", remember=False)
        app.setPalette(light)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
async def test_screenshot_the_billing_option_its_confirmation_and_summary(
    qtbot: QtBot, sandbox: SandboxHandle, tmp_path: Path, lang: str
) -> None:
    language = LanguageManager(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert language.apply(lang, remember=False) or lang == "en"
    rig = await open_wizard(qtbot, sandbox.url, tmp_path / "j.sqlite3", signed_in=BILLING_SIGNED_IN)
    wizard = rig.wizard
    wizard.resize(980, 760)
    try:
        wizard.next()
        wizard.next()
        wizard.target_page.email_edit.setText(ZW)
        wizard.target_page.also_billing.click()
        _shot(qtbot, wizard, f"billing_1_target_option_{lang}")
        wizard.next()
        wizard.next()
        dialog = wizard.licenses_page.confirm_dialog
        assert dialog is not None
        _shot(qtbot, dialog, f"billing_2_confirm_{lang}")
        dialog.yes_button.click()
        await settle(qtbot, lambda: not rig.runner.running and rig.flow.can_go_on(Step.RUN))
        wizard.next()
        _shot(qtbot, wizard, f"billing_3_summary_{lang}")
    finally:
        await rig.close()
        language.apply("en", remember=False)

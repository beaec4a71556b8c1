"""Screenshots of "Remove contacts who have left…" in Chinese and English, in a real window
(Xvfb): the picker, the plan, the confirmation, the summary.

Run (the PNGs go to screenshots/, git-ignored; skipped where there is no X display)::

    QT_QPA_PLATFORM=xcb xvfb-run -a .venv/bin/pytest -q tests/ui/wizard/test_removal_screenshots.py
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.ui.removal.confirm_dialog import RemovalConfirmDialog
from tests.conftest import SandboxHandle
from tests.ui.wizard.harness import WF
from tests.ui.wizard.removal_rig import LY, removal_wizard, run_to_summary
from tests.ui.wizard.test_wizard_screenshots import _needs_display, _shot

__all__ = ["_needs_display"]  # skips without a display, as the wizard's screenshots

pytestmark = pytest.mark.xvfb


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
async def test_screenshot_the_removal(
    qtbot: QtBot, sandbox: SandboxHandle, tmp_path: Path, lang: str
) -> None:
    async with removal_wizard(qtbot, tmp_path, sandbox, lang) as (_app, wizard):
        wizard.resize(980, 700)
        for email in (WF, LY):
            wizard.people_page.tick(email)
        for page in ("1_picker", "2_plan"):  # Next on the plan opens the confirmation
            _shot(qtbot, wizard, f"removal_{page}_{lang}")
            wizard.next()
        dialog = wizard.plan_page.confirm_dialog
        assert isinstance(dialog, RemovalConfirmDialog) and dialog.isVisible()
        _shot(qtbot, dialog, f"removal_3_confirm_{lang}")
        await run_to_summary(qtbot, wizard)
        _shot(qtbot, wizard, f"removal_4_summary_{lang}")

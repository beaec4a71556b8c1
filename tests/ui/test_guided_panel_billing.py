"""The guided panel for billing and Delete steps: it names the Billing Contacts section and the
dialog as the page shows them, says why (a greyed-out button, a label not found), puts the
email on the clipboard, and answers the session when the person says done or skips; in
English and Chinese. ``SHOTS=1`` saves what it shows to /work/notes/shots (under xvfb-run)."""

from __future__ import annotations

import asyncio
import os

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from desktop.portal.my_atlassian.guide import BILLING, GuidedKind, GuidedStep
from desktop.ui.language import CHINESE, ENGLISH, LanguageManager
from desktop.ui.my_atlassian.guided_panel import GuidedPanel

SEN, EMAIL = "SEN-30000303", "finance@huake.example"
SHOWN = (
    ("billing_contacts", "Billing Contacts"),
    ("delete", "Retire"),
    ("delete_billing_title", "Remove this billing contact?"),
    ("promote_billing_title", "Change who gets the invoices?"),
    ("make_primary", "Make Primary"),
    ("yes", "Yes"),
)


def _step(kind: GuidedKind, reason: str) -> GuidedStep:
    return GuidedStep(kind, SEN, EMAIL, reason=reason, shown=SHOWN, section=BILLING)


@pytest.mark.parametrize(
    ("lang", "why", "delete_words", "promote_words"),
    [
        (
            ENGLISH,
            "The page shows the button greyed out, so the app will not click it.",
            f'On license {SEN}, under "Billing Contacts", click "Retire" beside {EMAIL} and '
            "confirm.",
            f'On license {SEN}, under "Billing Contacts", click "Make Primary" beside {EMAIL}, '
            'then click "Yes" in the dialog "Change who gets the invoices?".',
        ),
        (
            CHINESE,
            "页面上的这个按钮是灰色的（不可用），程序不会点击它。",
            "“Billing Contacts”",
            "“Change who gets the invoices?”",
        ),
    ],
)
async def test_billing_steps_name_the_section_and_the_pages_words(
    qtbot: QtBot, settings: QSettings, lang: str, why: str, delete_words: str, promote_words: str
) -> None:
    language = LanguageManager(settings)
    language.apply(lang, remember=False)
    try:
        panel = GuidedPanel()
        qtbot.addWidget(panel)
        panel.resize(520, 300)

        waiting = asyncio.ensure_future(
            panel.wait_for_person(_step(GuidedKind.REMOVE_CONTACT, "disabled"))
        )
        await asyncio.sleep(0)

        assert not panel.isHidden()  # shown beside the page
        assert panel.why.text() == why
        assert delete_words in panel.instruction.text()
        assert EMAIL in panel.instruction.text() and SEN in panel.instruction.text()
        clipboard = QGuiApplication.clipboard()
        assert clipboard is not None and clipboard.text() == EMAIL
        if os.environ.get("SHOTS"):
            panel.show()
            qtbot.waitExposed(panel)
            panel.grab().save(f"/work/notes/shots/billlive-guided_delete_billing_{lang}.png")
        panel.done_button.click()
        assert await asyncio.wait_for(waiting, 5) is True

        skipped = asyncio.ensure_future(
            panel.wait_for_person(_step(GuidedKind.MAKE_PRIMARY, "missing"))
        )
        await asyncio.sleep(0)
        assert promote_words in panel.instruction.text()
        panel.skip_button.click()
        assert await asyncio.wait_for(skipped, 5) is False
    finally:
        language.apply(ENGLISH, remember=False)

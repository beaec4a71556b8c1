""" "Consolidate…" when an account's listing fails (a hostile portal on 127.0.0.1: an error on
page 2, a malformed license, a redirect): a message names the account and the reason, never
silence; the other accounts go on, and with none left the wizard does not open."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.models import Account, AccountKind
from desktop.services.error_messages import error_message
from desktop.ui.application import DesktopApp
from desktop.ui.self_test import wait_for_refresh
from tests.conftest import SandboxHandle
from tests.portal.hostile_server import Reply, hostile_server, json_reply, license_json, page
from tests.ui.apps import make_desktop_app
from tests.ui.wizard.harness import LN, WF

BAD_PAGES = {
    "error-on-page-2": (
        json_reply({"errorKey": "not-found", "message": "x"}, 404),
        ("listing-refused",),
    ),
    "malformed-license": (page(["not a license"] * 100, 200, 300), ("bad-license",)),
    "redirect": (Reply(302, b"", {"Location": "/elsewhere"}), ("redirected",)),
}


def _bad_page_2(bad: Reply) -> Any:
    def handler(method: str, path: str, query: dict[str, list[str]]) -> Reply | None:
        del method
        if path != "/api/v1/licenses":
            return None
        start = int(query["start"][0])
        if start == 200:
            return bad
        return page([license_json(n) for n in range(start, min(start + 200, 300))], start, 300)

    return handler


async def _app_with(qtbot: QtBot, tmp_path: Path, accounts: list[Account]) -> DesktopApp:
    app = make_desktop_app(tmp_path)
    window = app.window
    qtbot.addWidget(window)
    for account in accounts:
        window.passwords.remember(account, "demo", keep=False)
        window.store.add(account)
    window.show()
    await wait_for_refresh(window)
    return app


def _message(parent: QWidget | None = None) -> QMessageBox:
    widgets = parent.findChildren(QMessageBox) if parent else QApplication.topLevelWidgets()
    boxes = [w for w in widgets if isinstance(w, QMessageBox) and w.isVisible()]
    found = [b for b in boxes if b.objectName() == "accountErrorsMessage"]
    assert len(found) == 1, [b.objectName() for b in boxes]
    return found[0]


@pytest.mark.parametrize("case", list(BAD_PAGES))
async def test_a_failed_listing_is_named_with_its_reason_and_the_others_go_on(
    qtbot: QtBot, tmp_path: Path, sandbox: SandboxHandle, case: str
) -> None:
    bad, error_keys = BAD_PAGES[case]
    with hostile_server(_bad_page_2(bad)) as server:
        broken = Account(AccountKind.PORTAL, email=LN, portal=server.url, label="Li Na (old)")
        good = Account(AccountKind.PORTAL, email=WF, portal=sandbox.url, label=WF)
        app = await _app_with(qtbot, tmp_path, [broken, good])
        try:
            wizard = await app.launcher.open_wizard()
            assert wizard is not None and wizard.isVisible()
            box = _message(wizard)
            text = box.text()
            assert LN in text  # a portal account is named by its email
            assert any(error_message(key) in text for key in error_keys), text
            assert "Sign in again" in text
            assert WF not in text  # the account that worked is not blamed
            assert [s.account.email for s in wizard.flow.sources() if s.signed_in] == [WF]
            box.accept()
            wizard.reject()
        finally:
            await app.window.refresher.aclose()
    assert sandbox.state.write_requests() == 0


async def test_with_no_account_left_the_wizard_does_not_open_and_says_why(
    qtbot: QtBot, tmp_path: Path
) -> None:
    bad, (error_key,) = BAD_PAGES["malformed-license"]
    with hostile_server(_bad_page_2(bad)) as server:
        broken = Account(AccountKind.PORTAL, email=LN, portal=server.url, label=LN)
        app = await _app_with(qtbot, tmp_path, [broken])
        try:
            assert await app.launcher.open_wizard() is None
            box = _message()
            assert LN in box.text() and error_message(error_key) in box.text()
            assert box.parent() is app.window
            box.accept()
        finally:
            await app.window.refresher.aclose()

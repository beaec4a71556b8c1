"""Remove contacts who have left, in the real app with a My Atlassian account (the replica on
127.0.0.1 in QtWebEngine): the removal wizard plans, confirms and deletes through the page
(assisted clicks on Delete), the page shown beside the progress; the people are gone."""

from __future__ import annotations

from desktop.domain.models import ContactRole
from desktop.services.consolidation_flow import Step
from desktop.services.my_atlassian.session import ActionMode
from desktop.ui.application import DesktopApp
from desktop.ui.main_window import MainWindow
from desktop.ui.removal.confirm_dialog import RemovalConfirmDialog
from tests.conftest import SandboxHandle
from tests.live.conftest import FAST, until
from tests.live.test_live_app import ACTOR, desktop_app, sign_in_live, window

__all__ = ["desktop_app", "window"]  # the app with the replica, as the live app tests

LEAVING = "wang.fang@northwind.example"  # a secondary technical contact on SEN-20110388
STAYS_PRIMARY = "SEN-20112171"  # where it is the primary billing contact: never deleted


async def test_the_removal_wizard_deletes_through_the_page(
    window: MainWindow, sandbox: SandboxHandle, desktop_app: DesktopApp
) -> None:
    await sign_in_live(window, ActionMode.ASSISTED)
    if (session := window.live_accounts.session(ACTOR)) is None:
        raise AssertionError("the My Atlassian account has no session")
    session.timings = FAST  # the page's pauses, short
    wizard = await desktop_app.launcher.open_removal()
    assert wizard is not None and ACTOR in wizard.flow.taking_part()
    wizard.people_page.tick(LEAVING)
    wizard.next()
    assert Step(wizard.currentId()) is Step.LICENSES
    plan = wizard.flow.final_plan()
    removed = [e.sen for e in plan.actionable()]
    assert removed and all(s.actor == ACTOR for e in plan.actionable() for s in e.steps)
    wizard.next()
    dialog = wizard.plan_page.confirm_dialog
    assert isinstance(dialog, RemovalConfirmDialog)
    dialog.yes_button.click()
    assert Step(wizard.currentId()) is Step.RUN
    page = wizard.run_page
    assert page.live_panel is not None and page.live_panel.isVisibleTo(page)
    await until(lambda: not wizard.runner.running, timeout=90)
    assert not wizard.flow.failed()
    for sen in removed:
        lic = sandbox.state.license(sen)
        assert lic.contact(ContactRole.TECHNICAL, LEAVING) is None, sen
        assert lic.contact(ContactRole.BILLING, LEAVING) is None, sen
    kept = sandbox.state.license(STAYS_PRIMARY)
    assert kept.is_primary(ContactRole.BILLING, LEAVING)  # a primary is never deleted
    wizard.next()
    assert "no longer see them" in wizard.summary_page.headline.text()

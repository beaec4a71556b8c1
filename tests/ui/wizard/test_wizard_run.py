"""The run page against a real sandbox: cancel in the middle, retry injected failures, resume
after a crash left the journal unfinished."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from desktop.engine.events import LicenseFinished, Outcome
from desktop.engine.executor import Executor
from desktop.engine.journal import Journal, RunStatus
from desktop.engine.planner import make_plan
from desktop.portal.http_client import HttpPortal, RetryPolicy
from desktop.portal.sandbox.faults import FaultInjector, FaultOptions
from desktop.services.consolidation_flow import Finished, Step, SummaryGroup
from desktop.ui.wizard.run_page import RunPage
from desktop.ui.wizard.run_status_model import FINAL_STATES, RowState
from tests.conftest import SandboxFactory, SandboxHandle
from tests.ui.wizard.harness import (
    LN,
    QQ,
    WF,
    ZW,
    go_to_run,
    open_wizard,
    read_all,
    settle,
    sign_in_all,
)

NO_RETRY = RetryPolicy(attempts=1, total_s=5.0)


def _run_over(rig) -> bool:  # type: ignore[no-untyped-def]
    return not rig.runner.running and rig.flow.can_go_on(Step.RUN)


def _agree(rig, run: RunPage) -> int:  # type: ignore[no-untyped-def]
    """The bar, the words and the rows say the same as the flow; returns how many finished."""
    counts = rig.flow.run_counts()
    rows = sum(1 for state in run.model.states() if state in FINAL_STATES)
    assert run.progress.value() == rows == counts.finished
    assert run.progress.maximum() == run.model.rowCount() == counts.total
    if rig.runner.running:
        assert f"{rows} of {counts.total} licenses finished" in run.state_label.text()
    return rows


async def test_the_bar_the_words_and_the_rows_agree_all_through_a_slow_run(
    qtbot: QtBot, sandbox_server: SandboxFactory, tmp_path: Path
) -> None:
    handle = sandbox_server(latency_ms=40)
    rig = await open_wizard(qtbot, handle.url, tmp_path / "j.sqlite3", concurrency=2)
    try:
        await go_to_run(qtbot, rig)
        run = rig.wizard.run_page
        seen = set()
        while not _run_over(rig):
            seen.add(_agree(rig, run))
            await asyncio.sleep(0.005)
        assert _agree(rig, run) == run.model.rowCount()
        assert len(seen) > 3, f"the run should have been watched midway, saw {sorted(seen)}"
        assert "Finished" in run.state_label.text()
    finally:
        await rig.close()


async def test_cancel_stops_after_the_requests_in_flight(
    qtbot: QtBot, sandbox_server: SandboxFactory, tmp_path: Path
) -> None:
    handle = sandbox_server(latency_ms=40)
    rig = await open_wizard(qtbot, handle.url, tmp_path / "j.sqlite3", concurrency=2)
    try:
        await go_to_run(qtbot, rig)
        run = rig.wizard.run_page
        total = run.model.rowCount()
        assert run.cancel_button.isEnabled()
        assert not rig.wizard.button(QWizard.WizardButton.CancelButton).isEnabled()
        await settle(qtbot, lambda: run.model.finished_count() >= 3)
        run.cancel_button.click()
        assert not run.cancel_button.isEnabled()
        await settle(qtbot, lambda: _run_over(rig))
        states = run.model.states()
        assert states.count(RowState.CANCELLED) > 0
        assert RowState.WAITING not in states and RowState.PROMOTING not in states
        finished = total - states.count(RowState.CANCELLED)
        assert 3 <= finished < total
        # Nothing cancelled was changed; what is reported done really is.
        final = {lic.sen: lic for lic in handle.state.all_licenses()}
        for sen, f in rig.flow.outcomes().items():
            if f.outcome is Outcome.CANCELLED:
                assert not final[sen].is_primary_technical(ZW)
            if f.outcome is Outcome.DONE:
                assert final[sen].is_primary_technical(ZW)
        assert "Cancelled" in run.state_label.text()
        rig.wizard.next()
        groups = {row.group for row in rig.flow.summary()}
        assert SummaryGroup.CANCELLED in groups
        unfinished = rig.journal.unfinished_runs()
        assert len(unfinished) == 1 and unfinished[0].status is RunStatus.CANCELLED
    finally:
        await rig.close()


async def test_retry_failed_after_the_sandbox_injected_failures(
    qtbot: QtBot, sandbox: SandboxHandle, tmp_path: Path
) -> None:
    rig = await open_wizard(
        qtbot, sandbox.url, tmp_path / "j.sqlite3", retry=NO_RETRY, step_attempts=1
    )
    try:
        # From now on a third of the requests are answered 503 (seeded, so the same each time).
        sandbox.app.faults = FaultInjector(FaultOptions(fail_rate=0.35, seed=3))
        await go_to_run(qtbot, rig)
        run = rig.wizard.run_page
        await settle(qtbot, lambda: _run_over(rig))
        failed = rig.flow.failed()
        assert failed, "the injected 503s should have failed some licenses"
        assert sandbox.faults_injected > 0
        assert all(rig.flow.outcomes()[sen].error_key == "unavailable" for sen in failed)
        row = run.model.row_of(failed[0])
        assert "temporarily unavailable" in run.model.status_text(row)
        assert run.retry_button.isEnabled()
        assert rig.wizard.button(QWizard.WizardButton.NextButton).isEnabled()

        sandbox.app.faults = FaultInjector(FaultOptions())  # the portal is back
        run.retry_button.click()
        assert not run.retry_button.isEnabled()
        assert run.model.state(failed[0]) is RowState.WAITING
        # What runs again is not finished: bar, words and rows all say so.
        assert _agree(rig, run) == run.model.rowCount() - len(failed)
        await settle(qtbot, lambda: _run_over(rig))
        assert rig.flow.failed() == []
        assert not run.retry_button.isEnabled()
        final = {lic.sen: lic for lic in sandbox.state.all_licenses()}
        for sen in failed:
            assert rig.flow.outcomes()[sen].outcome in (Outcome.DONE, Outcome.PARTIAL)
            assert final[sen].is_technical_contact(ZW)
    finally:
        await rig.close()


async def test_resume_after_a_crash_left_the_journal_unfinished(
    qtbot: QtBot, sandbox_server: SandboxFactory, tmp_path: Path
) -> None:
    handle = sandbox_server(latency_ms=30)
    journal_path = tmp_path / "journal.sqlite3"

    # The first session: a run that dies after a few licenses (the process is gone).
    portal = HttpPortal(handle.url)
    sessions = await sign_in_all(portal, (LN, WF, QQ))
    plan = make_plan(await read_all(sessions.values()), sessions.keys(), ZW)
    crashed = Journal(journal_path)
    seen: list[str] = []

    def on_event(event: object) -> None:
        if isinstance(event, LicenseFinished) and event.outcome is Outcome.DONE:
            seen.append(event.sen)

    executor = Executor(sessions, crashed, concurrency=1, on_event=on_event)
    task = asyncio.ensure_future(executor.run(plan))
    await settle(qtbot, lambda: len(seen) >= 3)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    (run_id,) = [s.run_id for s in crashed.history()]
    crashed.set_status(run_id, RunStatus.RUNNING)  # as the file is when the process died
    crashed.close()
    await portal.aclose()
    done_before = set(seen)

    # The next start: the journal offers the run; the wizard resumes it on the run page.
    rig = await open_wizard(qtbot, handle.url, journal_path, show=False)
    try:
        (offer,) = rig.journal.unfinished_runs()
        assert offer.run_id == run_id and offer.target == ZW and offer.pending > 0
        finished = [
            Finished(f.sen, f.outcome, f.error_key) for f in rig.journal.outcomes(run_id).values()
        ]
        rig.flow.resume_from(rig.journal.load_plan(run_id), finished)
        rig.wizard.resume(run_id)
        rig.wizard.show()
        assert rig.step is Step.RUN
        await settle(qtbot, lambda: _run_over(rig))
        run = rig.wizard.run_page
        for sen in done_before:
            assert run.model.state(sen) is RowState.DONE
        assert RowState.FAILED not in run.model.states()
        assert RowState.CANCELLED not in run.model.states()
        final = {lic.sen: lic for lic in handle.state.all_licenses()}
        promoting = [e.sen for e in plan.promoting()]
        assert all(final[sen].is_primary_technical(ZW) for sen in promoting)
        # Each license was promoted once: one notification per changed primary, none twice.
        notes = [n.sen for n in handle.state.notifications()]
        assert sorted(notes) == sorted(set(notes))
        assert rig.journal.unfinished_runs() == []
        assert rig.journal.status(run_id) is RunStatus.FINISHED
    finally:
        await rig.close()

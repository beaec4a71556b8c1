"""Benchmarks of the main window: the license table at 10,000 and 100,000 rows, and the
main-thread stall while refreshing 2,000 licenses from 4 accounts over 127.0.0.1.

Run with ``make bench``; each prints its figure beside its goal.
"""

from __future__ import annotations

import gc
import statistics
import time
import tracemalloc
from datetime import date

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QTableView

from desktop.ui.license_cell_delegate import LicenseCellDelegate
from desktop.ui.license_filter_proxy import LicenseFilterProxy
from desktop.ui.license_table_model import Column, LicenseTableModel
from tests.licenses import many_licenses

# rows -> (load, sort, keystroke) goals in seconds, from the issue.
GOALS = {10_000: (0.1, 0.1, 0.016), 100_000: (1.0, 0.5, 0.100)}


def _timed(action) -> float:
    start = time.perf_counter()
    action()
    QApplication.processEvents()
    return time.perf_counter() - start


@pytest.mark.parametrize("rows", [10_000, 100_000])
def test_bench_table_model(qapp, rows: int) -> None:
    load_goal, sort_goal, key_goal = GOALS[rows]
    licenses = many_licenses(rows)
    model = LicenseTableModel(today=date(2024, 6, 1))
    model.set_locale(QLocale("en_US"))
    proxy = LicenseFilterProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    delegate = LicenseCellDelegate(view)
    view.setItemDelegate(delegate)
    view.setSortingEnabled(True)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)  # as the app
    view.resize(1200, 700)
    view.show()
    QApplication.processEvents()

    gc.collect()
    load = _timed(lambda: model.set_licenses(licenses))
    # Memory on a second load (tracemalloc slows the code it watches, so not the timed one).
    model.set_licenses([])
    gc.collect()
    tracemalloc.start()
    model.set_licenses(licenses)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"\n[{rows:,} licenses] model load {load * 1000:.1f} ms"
        f" (goal <= {load_goal * 1000:.0f} ms),"
        f" peak Python memory during load {peak / 2**20:.1f} MiB"
    )

    sorts = {}
    for column in Column:
        first = _timed(lambda c=column: view.sortByColumn(c, Qt.SortOrder.AscendingOrder))
        again = _timed(lambda c=column: view.sortByColumn(c, Qt.SortOrder.DescendingOrder))
        sorts[column.name] = max(first, again)
    worst = max(sorts.values())
    print(
        f"[{rows:,}] sort by each column (worst of first/again): "
        + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in sorts.items())
        + f"; worst {worst * 1000:.0f} ms (goal <= {sort_goal * 1000:.0f} ms)"
    )

    # A keystroke: the proxy's filtering alone, and with the view's reset and repaint.
    # Three rounds of typing 'huake', backspacing and clearing: 24 keystrokes.
    model_only, with_paint = [], []
    for text in ["h", "hu", "hua", "huak", "huake", "huak", "hua", ""] * 3:
        start = time.perf_counter()
        proxy.set_search_text(text)
        model_only.append(time.perf_counter() - start)
        QApplication.processEvents()
        with_paint.append(time.perf_counter() - start)
    worst_key = max(with_paint)
    print(
        f"[{rows:,}] filter keystroke (typing 'huake', backspacing, clearing; 24 keystrokes):"
        f" filtering worst {max(model_only) * 1000:.1f} ms, with the view's repaint worst"
        f" {worst_key * 1000:.1f} ms, median {statistics.median(with_paint) * 1000:.1f} ms"
        f" (goal <= {key_goal * 1000:.0f} ms); {proxy.rowCount():,} rows shown after clearing"
    )
    assert proxy.rowCount() == rows
    # The worst case for the delegate: every row on screen never shown before (its laid-out
    # texts are forgotten before each keystroke).
    cold = []
    for text in ["h", "hu", "hua", "huak", "huake", "huak", "hua", ""]:
        delegate.clear_cache()
        start = time.perf_counter()
        proxy.set_search_text(text)
        QApplication.processEvents()
        cold.append(time.perf_counter() - start)
    print(
        f"[{rows:,}] the same keystrokes with no row on screen seen before: worst"
        f" {max(cold) * 1000:.1f} ms, median {statistics.median(cold) * 1000:.1f} ms"
    )
    view.close()
    assert load <= load_goal * 3, "model load far over its goal"
    assert worst <= sort_goal * 3, "sort far over its goal"
    assert worst_key <= key_goal * 3, "keystroke far over its goal"


# --- (b) the main thread while refreshing ---------------------------------------------------

STALL_GOAL_S = 0.050


@pytest.fixture
def sandbox_process():
    """The real sandbox (generator: 2,000 licenses, 4 accounts, 100 ms latency) served by
    ``desktop-cli sandbox`` in a process of its own, so its work does not share our GIL."""
    import subprocess
    import sys

    from desktop.portal.sandbox.generator import generated_accounts

    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "desktop.cli",
            "sandbox",
            "--port",
            "0",
            "--licenses",
            "2000",
            "--accounts",
            "4",
            "--latency-ms",
            "100",
            "--seed",
            "11",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("listening on "), line
        yield line.removeprefix("listening on ").strip(), [a.email for a in generated_accounts(4)]
    finally:
        process.terminate()
        process.wait(10)


async def test_bench_refresh_main_thread_stall(qtbot, tmp_path, sandbox_process) -> None:
    """Worst gap of a 10 ms QTimer while 4 accounts (2,000 licenses, 100 ms latency) load:
    the first refresh (makes the HTTP client) and a second one (steady state)."""
    import asyncio

    from PySide6.QtCore import QSettings, QTimer

    from desktop.domain.models import Account, AccountKind
    from desktop.services.paste_store import PasteStore
    from desktop.ui.application import DesktopApp
    from desktop.ui.language import LanguageManager

    url, emails = sandbox_process
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    language = LanguageManager(settings)
    language.apply("en", remember=False)
    window = DesktopApp(settings, language=language, pastes=PasteStore(tmp_path)).window
    qtbot.addWidget(window)
    for email in emails:
        account = Account(AccountKind.PORTAL, email=email, portal=url, label=email)
        window.passwords.remember(account, "demo", keep=False)
        window.store.add(account)
    window.show()
    await asyncio.sleep(0.3)

    async def measured_refresh() -> tuple[float, float, float]:
        gaps: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(tick)
        done = asyncio.get_event_loop().create_future()

        def finished(cancelled: bool) -> None:
            if not done.done():
                done.set_result(cancelled)

        window.refresher.refreshFinished.connect(finished)
        timer.start()
        last[0] = started = time.perf_counter()
        window.refresh()
        assert await asyncio.wait_for(done, 120) is False
        elapsed = time.perf_counter() - started
        await asyncio.sleep(0.2)  # the table repaints with the new rows
        timer.stop()
        window.refresher.refreshFinished.disconnect(finished)
        return elapsed, max(gaps), sorted(gaps)[len(gaps) // 2]

    results = {"first": await measured_refresh(), "second": await measured_refresh()}
    rows = window.model.rowCount()
    for name, (elapsed, worst, median) in results.items():
        print(
            f"\n[refresh, {name}] {rows:,} licenses from 4 accounts at 100 ms latency in"
            f" {elapsed:.2f} s; worst main-thread stall (10 ms timer gap) {worst * 1000:.0f} ms"
            f" (goal <= {STALL_GOAL_S * 1000:.0f} ms); median gap {median * 1000:.1f} ms"
        )
    assert rows == 2000
    await window.refresher.aclose()
    assert max(r[1] for r in results.values()) <= STALL_GOAL_S * 4, "stalled far over the goal"

"""Benchmarks of the packaged app: bundle size, and frozen start-up against ``python -m desktop``.

Start-up is the wall time of ``--self-test`` (process start → main window shown → first turn
of the event loop → exit), offscreen, for the frozen program and for ``python -m desktop``
run alternately in the same session, so both see the same machine load and disk cache.
Goals (issue 7): frozen ≤ 1.5 × unfrozen and ≤ 1 s; bundle ≤ 150 MB unpacked.

Builds the bundle first (``make build``'s command) when ``build/dist`` has none.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "build" / "dist"
NAME = "LicenseConsolidator"
RUNS = 7  # each, after one warm-up each
SIZE_GOAL_MB = 150.0
START_GOAL_S = 1.0
START_GOAL_RATIO = 1.5


def _program() -> Path:
    if sys.platform == "darwin":
        return DIST / f"{NAME}.app" / "Contents" / "MacOS" / NAME
    return DIST / NAME / (f"{NAME}.exe" if sys.platform == "win32" else NAME)


@pytest.fixture(scope="module")
def frozen() -> Path:
    program = _program()
    if not program.exists():
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
             "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "work"),
             str(ROOT / "build" / f"{NAME}.spec")],
            cwd=ROOT, check=True,
        )  # fmt: skip
        print(f"\n[bench] built the bundle in {time.perf_counter() - started:.0f} s")
    assert program.exists()
    return program


def _start(command: list[str]) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    elapsed = time.perf_counter() - started
    assert done.returncode == 0, done.stdout + done.stderr
    if sys.platform != "win32":  # a windowed .exe has no stdout
        assert "self-test passed" in done.stdout, done.stdout + done.stderr
    return elapsed


def test_bundle_size(frozen: Path) -> None:
    del frozen
    folder = DIST / NAME
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    total = sum(p.stat().st_size for p in files)
    megabytes = total / 1e6
    print(
        f"\n[bench] bundle {folder.relative_to(ROOT)}: {megabytes:.1f} MB "
        f"({total / 2**20:.1f} MiB) in {len(files)} files; goal <= {SIZE_GOAL_MB:.0f} MB: "
        f"{'met' if megabytes <= SIZE_GOAL_MB else 'MISSED'}"
    )
    assert megabytes <= SIZE_GOAL_MB


def test_frozen_start_up_against_python(frozen: Path) -> None:
    commands = {
        "frozen": [str(frozen), "--self-test"],
        "python -m desktop": [sys.executable, "-m", "desktop", "--self-test"],
    }
    times: dict[str, list[float]] = {label: [] for label in commands}
    for command in commands.values():  # warm the disk cache for both
        _start(command)
    for _ in range(RUNS):
        for label, command in commands.items():  # alternate: same load for both
            times[label].append(_start(command))
    median = {label: statistics.median(values) for label, values in times.items()}
    ratio = median["frozen"] / median["python -m desktop"]
    for label, values in times.items():
        print(
            f"\n[bench] start-up to first shown window, {label}: median {median[label]:.3f} s "
            f"(min {min(values):.3f}, max {max(values):.3f}, {RUNS} runs)",
            end="",
        )
    print(
        f"\n[bench] frozen / python = {ratio:.2f} (goal <= {START_GOAL_RATIO}: "
        f"{'met' if ratio <= START_GOAL_RATIO else 'MISSED'}); frozen {median['frozen']:.3f} s "
        f"(goal <= {START_GOAL_S:.1f} s: {'met' if median['frozen'] <= START_GOAL_S else 'MISSED'})"
    )
    assert median["frozen"] <= START_GOAL_S
    assert ratio <= START_GOAL_RATIO

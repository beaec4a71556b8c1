"""``python -m desktop --self-test``: the real window, offscreen, on the demo data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_app(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=110,
    )


def test_self_test_in_chinese_passes() -> None:
    result = run_app("--self-test", "--lang", "zh_CN")
    assert result.returncode == 0, result.stderr
    assert "self-test passed" in result.stdout
    assert "40 licenses from 4 accounts" in result.stdout
    assert "支持到期" in result.stdout


def test_bad_arguments_fail_with_a_message() -> None:
    result = run_app("--self-test", "--lang", "fr")
    assert result.returncode != 0
    assert "invalid choice" in result.stderr
    assert "Traceback" not in result.stderr

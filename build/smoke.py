"""Smoke-test the frozen app: run its ``--self-test`` offscreen and check that it passed.

``python build/smoke.py [BUNDLE_DIR]`` (default ``build/dist``) finds the program the user
double-clicks (the ``.app`` on macOS, ``LicenseConsolidator.exe`` on Windows, the one-folder
program on Linux), starts it with ``--self-test`` on Qt's offscreen platform, and exits 0 only
if the program did and said ``self-test passed``. A windowed Windows program has no stdout, so
there only its exit status counts. It runs once in English and once in Chinese, or once with
the arguments given after ``--``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bundle_config import read_metadata  # noqa: E402

PASSED = "self-test passed"


def frozen_program(dist: Path, name: str, platform: str = sys.platform) -> Path:
    """The executable a user starts, inside ``dist`` (raises FileNotFoundError if missing)."""
    if platform == "darwin" and (dist / f"{name}.app").is_dir():
        program = dist / f"{name}.app" / "Contents" / "MacOS" / name
    elif platform == "win32":
        program = dist / name / f"{name}.exe"
    else:
        program = dist / name / name
    if not program.is_file():
        raise FileNotFoundError(f"{program} not found: build the bundle first (make build)")
    return program


def run_self_test(
    program: Path, extra: list[str], timeout: float = 120.0
) -> tuple[bool, str, float]:
    """Run ``program --self-test`` offscreen; return (passed, its output, seconds taken)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # Chromium's sandbox refuses root
        env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [str(program), "--self-test", *extra],
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return False, f"no answer after {timeout:.0f} s", time.perf_counter() - started
    elapsed = time.perf_counter() - started
    output = (done.stdout or "") + (done.stderr or "")
    said_passed = PASSED in (done.stdout or "")
    windowed_windows = sys.platform == "win32"  # no stdout in a windowed .exe
    passed = done.returncode == 0 and (said_passed or windowed_windows)
    output += f"\n[exit status {done.returncode}]"
    return passed, output, elapsed


def split_at_dashes(argv: list[str]) -> tuple[list[str], list[str]]:
    """``[ours..., "--", theirs...]`` → (ours, theirs)."""
    if "--" not in argv:
        return argv, []
    at = argv.index("--")
    return argv[:at], argv[at + 1 :]


#: The self-tests to run when no arguments are given: English, and Chinese (which also checks
#: that the app's .qm translations are inside the bundle).
DEFAULT_RUNS: tuple[tuple[str, ...], ...] = ((), ("--lang", "zh_CN"))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", nargs="?", type=Path, default=ROOT / "build" / "dist")
    parser.add_argument("--timeout", type=float, default=120.0)
    ours, extra = split_at_dashes(argv)
    args = parser.parse_args(ours)
    name = read_metadata().name
    try:
        program = frozen_program(args.dist, name)
    except FileNotFoundError as error:
        print(f"smoke: {error}", file=sys.stderr)
        return 2
    shown = program.relative_to(ROOT) if program.is_relative_to(ROOT) else program
    failed = 0
    for run in [tuple(extra)] if extra else DEFAULT_RUNS:
        passed, output, elapsed = run_self_test(program, list(run), args.timeout)
        print(output.strip())
        verdict = "passed" if passed else "FAILED"
        command = " ".join(("--self-test", *run))
        print(f"smoke: {shown} {command} {verdict} in {elapsed:.2f} s")
        failed += not passed
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Start the frozen app in a real X display and save a screenshot of the screen.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python build/screenshot_frozen.py \\
        screenshots/frozen.png -- --lang zh_CN

Runs the built program (``make build`` first) on the ``xcb`` platform, waits for it to draw,
grabs the whole screen with Qt from this process, then closes the program. For looking at what
a person would see from the bundle (fonts, icons, translations), not for tests.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bundle_config import ROOT, read_metadata
from smoke import frozen_program, split_at_dashes


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--wait", type=float, default=4.0, help="seconds to let it draw")
    ours, extra = split_at_dashes(argv)
    args = parser.parse_args(ours)
    if not os.environ.get("DISPLAY"):
        print("screenshot: no DISPLAY; run under xvfb-run -a", file=sys.stderr)
        return 2
    program = frozen_program(ROOT / "build" / "dist", read_metadata().name)
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    app_process = subprocess.Popen([str(program), *extra], env=env)
    try:
        time.sleep(args.wait)
        if app_process.poll() is not None:
            print(f"screenshot: the app exited early ({app_process.returncode})", file=sys.stderr)
            return 1
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        from PySide6.QtGui import QGuiApplication

        grabber = QGuiApplication(sys.argv[:1])
        screen = grabber.primaryScreen()
        image = screen.grabWindow(0)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(args.output)):
            print(f"screenshot: cannot write {args.output}", file=sys.stderr)
            return 1
        print(f"screenshot: {args.output} ({image.width()}x{image.height()})")
        return 0
    finally:
        app_process.terminate()
        try:
            app_process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app_process.kill()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

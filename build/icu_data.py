"""Slice ICU data packages (Linux builds) to the languages and features the app uses.

Two packages are sliced, with ICU's own ``icupkg``, by the rules in ``bundle_config``:

- QtCore's ``libicudata.so.NN`` holds its package as the symbol ``icudtNN_dat``: this takes
  it out, slices it (``keep_icu_item``) and turns it back into a library with ICU's
  ``genccode`` and the linker ``ld``, same soname and symbol;
- QtWebEngine's ``icudtl.dat`` is a package file: sliced by ``keep_web_icu_item``.

An item may only go if nothing kept depends on it: icupkg checks that, and the packages that
already lack items before slicing (Chromium's does) may lack only those same items after.
Tools: the Debian/Ubuntu packages ``icu-devtools`` and ``binutils``. The spec runs this on
Linux during ``make build``; by hand:

    python build/icu_data.py SOURCE_LIBICUDATA_OR_ICUDTL OUT_DIR
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bundle_config as cfg
import elf_info

TOOLS = {"icupkg": "icu-devtools", "genccode": "icu-devtools", "ld": "binutils"}


class IcuDataError(RuntimeError):
    """The ICU data library could not be read or rebuilt."""


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise IcuDataError(
            f"`{name}` not found: install the {TOOLS[name]} package "
            f"(apt-get install {' '.join(sorted(set(TOOLS.values())))})"
        )
    return found


def icu_data_of(library: Path) -> tuple[str, bytes]:
    """The ICU data package in ``library``: (its entry point, e.g. ``icudt73``, its bytes)."""
    try:
        name, data = elf_info.dynamic_symbol_data(
            library, lambda name: name.startswith("icudt") and name.endswith("_dat")
        )
    except (elf_info.ElfError, struct.error) as error:
        raise IcuDataError(f"{library.name}: no ICU data package ({error})") from None
    return name.removesuffix("_dat"), data


def _run(*command: str, cwd: Path) -> str:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        said = (done.stderr or done.stdout)[-2000:]
        raise IcuDataError(f"{Path(command[0]).name} failed: {said}")
    return done.stdout


def _missing_dependencies(report: str) -> set[str]:
    return {line.strip() for line in report.splitlines() if "depends on missing item" in line}


def list_items(package: Path) -> tuple[list[str], set[str]]:
    """The item names of an ICU ``.dat`` package (``coll/zh.res``, ``gb18030.cnv``, …) and
    icupkg's reports of the items that some of them depend on but the package lacks."""
    listed = subprocess.run(
        [_tool("icupkg"), "--auto_toc_prefix", "-l", str(package)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    items = [line.strip() for line in listed.stdout.splitlines() if line.strip()]
    if not items:  # (it exits non-zero, yet lists them all, when dependencies are missing)
        raise IcuDataError(f"icupkg cannot read {package.name}: {listed.stderr[-2000:]}")
    return items, _missing_dependencies(listed.stderr)


def slim_icu_package(source: Path, target: Path, keep: Callable[[str], bool]) -> list[str]:
    """Write ``source`` (an ICU ``.dat`` package) less the items not ``keep``-ed to ``target``.

    The items keep their package prefix (``icudt74l/…``) whatever the file names. Returns the
    removed items; raises IcuDataError if a kept item would lack one it depends on.
    """
    icupkg = _tool("icupkg")
    source, target = source.resolve(), target.resolve()
    items, already_missing = list_items(source)
    removed = sorted(item for item in items if not keep(item))
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="icu-") as scratch:
        removal = Path(scratch) / "remove.txt"
        removal.write_text("\n".join(removed) + "\n", encoding="ascii")
        command = [icupkg, "--auto_toc_prefix", "-r", str(removal), str(source), str(target)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            new_missing = _missing_dependencies(done.stderr + done.stdout) - already_missing
            if new_missing or not already_missing:
                said = "\n".join(sorted(new_missing)) or (done.stderr or done.stdout)[-2000:]
                raise IcuDataError(f"slicing {source.name} would break it: {said}")
            # Only what the package lacked already is missing: write it all the same.
            _run(*command[:1], "--ignore-deps", *command[1:], cwd=Path(scratch))
    return removed


def slim_icu_library(source: Path, out_dir: Path) -> tuple[Path, list[str]]:
    """Write the sliced copy of QtCore's ICU data library ``source`` into ``out_dir``.

    Returns the new library (same file name and soname as ``source``) and the removed items.
    """
    genccode, ld = _tool("genccode"), _tool("ld")
    source, out_dir = source.resolve(), out_dir.resolve()
    entry, data = icu_data_of(source)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="icu-") as scratch:
        work = Path(scratch)
        package = f"{entry}l.dat"  # icudt73l: ICU 73, little-endian
        (work / "full").mkdir()
        (work / "full" / package).write_bytes(data)
        removed = slim_icu_package(work / "full" / package, work / package, cfg.keep_icu_item)
        _run(genccode, "-q", "-o", "-m", str(source), "-e", entry, "-d", str(work), package,
             cwd=work)  # fmt: skip
        objects = list(work.glob("*.o"))
        if len(objects) != 1:
            raise IcuDataError(f"genccode wrote {len(objects)} object files")
        target = out_dir / source.name
        _run(ld, "-shared", "-soname", source.name, "-o", str(target), str(objects[0]), cwd=work)
    return target, removed


def slim_web_icu_data(source: Path, out_dir: Path) -> tuple[Path, list[str]]:
    """Write the sliced copy of QtWebEngine's ``icudtl.dat`` into ``out_dir``."""
    target = out_dir.resolve() / source.name
    return target, slim_icu_package(source, target, cfg.keep_web_icu_item)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    source, out_dir = Path(argv[0]), Path(argv[1])
    slim = slim_web_icu_data if source.suffix == ".dat" else slim_icu_library
    try:
        target, removed = slim(source, out_dir)
    except (IcuDataError, OSError) as error:
        print(f"icu_data: {error}", file=sys.stderr)
        return 1
    print(
        f"{target}: {target.stat().st_size / 1e6:.1f} MB "
        f"(was {source.stat().st_size / 1e6:.1f} MB; {len(removed)} items left out)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

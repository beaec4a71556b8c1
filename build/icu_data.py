"""Slice QtCore's ICU data library (Linux) to the languages and features the app uses.

``libicudata.so.NN`` holds one ICU data package, the symbol ``icudtNN_dat``. This takes that
package out of the library, removes what ``bundle_config.keep_icu_item`` rejects with ICU's
``icupkg``, and turns the result back into a library with ICU's ``genccode`` and the linker
(``ld``), same soname and symbol. Tools: Debian/Ubuntu packages ``icu-devtools`` and
``binutils``. The spec runs it on Linux during ``make build``; by hand:

    python build/icu_data.py SOURCE_LIBICUDATA OUT_DIR
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import tempfile
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


def list_items(package: Path) -> list[str]:
    """The item names of an ICU ``.dat`` package (``coll/zh.res``, ``gb18030.cnv``, …)."""
    out = _run(_tool("icupkg"), "-l", str(package), cwd=package.parent)
    return [line.strip() for line in out.splitlines() if line.strip()]


def slim_icu_library(source: Path, out_dir: Path) -> tuple[Path, list[str]]:
    """Write the sliced copy of the ICU data library ``source`` into ``out_dir``.

    Returns the new library (same file name and soname as ``source``) and the removed items.
    """
    icupkg, genccode, ld = _tool("icupkg"), _tool("genccode"), _tool("ld")
    source, out_dir = source.resolve(), out_dir.resolve()
    entry, data = icu_data_of(source)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="icu-") as scratch:
        work = Path(scratch)
        # ICU finds items as "<package name>/<item>": both files must keep the package's name
        # (icudt73l: version 73, little-endian), so they live in two folders.
        package = f"{entry}l.dat"
        (work / "full").mkdir()
        (work / "full" / package).write_bytes(data)
        removed = cfg.icu_items_to_remove(list_items(work / "full" / package))
        (work / "remove.txt").write_text("\n".join(removed) + "\n", encoding="ascii")
        (work / "slim").mkdir()
        _run(icupkg, "-r", "remove.txt", f"full/{package}", f"slim/{package}", cwd=work)
        _run(
            genccode, "-q", "-o", "-m", str(source), "-e", entry, "-d", str(work),
            f"slim/{package}", cwd=work,
        )  # fmt: skip
        objects = list(work.glob("*.o"))
        if len(objects) != 1:
            raise IcuDataError(f"genccode wrote {len(objects)} object files")
        target = out_dir / source.name
        _run(ld, "-shared", "-soname", source.name, "-o", str(target), str(objects[0]), cwd=work)
    return target, removed


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    source, out_dir = Path(argv[0]), Path(argv[1])
    try:
        target, removed = slim_icu_library(source, out_dir)
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

"""Compile the Windows installer from the one-folder bundle with Inno Setup's ISCC.

``python build/windows_installer.py [--iscc PATH] [--output FILE.exe]`` (after ``make build``
on Windows) runs ``ISCC build/installer.iss`` with the app's names and version from
``pyproject.toml`` as ``/D`` defines and writes ``build/dist/<Name>-windows-x64-setup.exe``.
Inno Setup 6 is on GitHub's Windows runners; elsewhere: ``choco install innosetup`` or
https://jrsoftware.org/isdl.php.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle_config as cfg

ROOT = cfg.ROOT
SCRIPT = ROOT / "build" / "installer.iss"
DIST = ROOT / "build" / "dist"
ICON = ROOT / "resources" / "app-icon.ico"


def default_output(meta: cfg.AppMetadata) -> Path:
    return DIST / f"{meta.name}-windows-x64-setup.exe"


def iscc_arguments(meta: cfg.AppMetadata, bundle: Path, output: Path) -> list[str]:
    """ISCC's command line after the program: quiet with progress, the defines, the script."""
    defines = {
        "AppName": meta.name,
        "AppProduct": meta.product,
        "AppVersion": meta.version,
        "AppVersionQuad": ".".join(map(str, meta.version_tuple)),
        "AppPublisher": cfg.COMPANY,
        "SourceDir": str(bundle),
        "OutputDir": str(output.parent),
        "OutputName": output.stem,
        "IconFile": str(ICON),
    }
    return ["/Qp", *(f"/D{key}={value}" for key, value in defines.items()), str(SCRIPT)]


def find_iscc(explicit: str | None = None) -> str:
    """ISCC.exe: ``--iscc``, then PATH, then Inno Setup 6's default install folders."""
    if explicit:
        return explicit
    found = shutil.which("iscc")
    if found:
        return found
    for variable in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"):
        base = os.environ.get(variable)
        for sub in ("Inno Setup 6", os.path.join("Programs", "Inno Setup 6")):
            candidate = Path(base or "") / sub / "ISCC.exe"
            if base and candidate.is_file():
                return str(candidate)
    raise SystemExit("ISCC.exe (Inno Setup 6) not found: install it or pass --iscc PATH")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iscc", help="ISCC.exe (default: PATH, then Inno Setup 6's folder)")
    parser.add_argument("--output", type=Path, help="the installer (default: build/dist/…)")
    args = parser.parse_args(argv)
    meta = cfg.read_metadata()
    bundle = DIST / meta.name
    if not (bundle / f"{meta.name}.exe").is_file():
        raise SystemExit(f"{bundle / meta.name}.exe missing: run `make build` first")
    output = args.output or default_output(meta)
    subprocess.run([find_iscc(args.iscc), *iscc_arguments(meta, bundle, output)], check=True)
    print(f"{output}: {output.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

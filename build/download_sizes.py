"""What users download: pack a bundle (zip, tar.xz) and report sizes against the goal.

``python build/download_sizes.py BUNDLE [ARTIFACT …] [--tar-xz OUT] [--zip OUT]`` packs the
bundle folder when asked, then prints a Markdown table of the unpacked bundle and each
download (appended to ``$GITHUB_STEP_SUMMARY`` in a GitHub Actions job) and warns about any
download over :data:`GOAL_MB`. The packaging benchmark measures the Linux bundle with the same
functions.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
import tarfile
import time
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

GOAL_MB = 200.0
#: xz's own default preset (``xz -6``); 9 saves a few percent for about twice the time.
XZ_PRESET: Literal[6] = 6
Preset = Literal[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]


def tree_bytes(folder: Path) -> int:
    """Bytes of the regular files under ``folder`` (symlinks not followed nor counted)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def _entries(folder: Path) -> list[Path]:
    return sorted([folder, *folder.rglob("*")])


def zip_folder(folder: Path, out: Path) -> int:
    """``zip -9 -r -y``: deflate level 9, the folder as the archive's top entry, symlinks kept
    as links, Unix modes kept (the program stays executable). Returns the archive's bytes."""
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in _entries(folder):
            name = path.relative_to(folder.parent).as_posix()
            if path.is_symlink():
                info = zipfile.ZipInfo(name, time.localtime(path.lstat().st_mtime)[:6])
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
                info.create_system = 3  # Unix: the mode bits mean what they say
                archive.writestr(info, os.readlink(path))
            elif path.is_dir():
                archive.write(path, name + "/")
            else:
                archive.write(path, name)
    return out.stat().st_size


def tar_xz(folder: Path, out: Path, preset: Preset = XZ_PRESET) -> int:
    """``tar -cJf``: the folder, xz-compressed at ``preset``. Returns the archive's bytes."""
    with tarfile.open(out, "w:xz", preset=preset) as archive:
        archive.add(folder, arcname=folder.name)
    return out.stat().st_size


def megabytes(size: int) -> float:
    return size / 1e6


def table(bundle: Path, unpacked: int, downloads: Iterable[tuple[str, int]]) -> str:
    """The Markdown report: the unpacked bundle, then each download against the goal."""
    lines = [
        "| What | Size | Goal |",
        "|---|---:|---|",
        f"| `{bundle.name}/` unpacked | {megabytes(unpacked):.1f} MB | |",
    ]
    for name, size in downloads:
        verdict = "met" if megabytes(size) <= GOAL_MB else "**MISSED**"
        goal = f"≤ {GOAL_MB:.0f} MB: {verdict}"
        lines.append(f"| `{name}` (download) | {megabytes(size):.1f} MB | {goal} |")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the one-folder bundle (build/dist/NAME)")
    parser.add_argument("artifacts", type=Path, nargs="*", help="downloads made elsewhere")
    parser.add_argument("--tar-xz", type=Path, help="pack the bundle into this .tar.xz first")
    parser.add_argument("--zip", type=Path, help="pack the bundle into this .zip first")
    args = parser.parse_args(argv)
    artifacts: list[Path] = list(args.artifacts)
    if args.tar_xz:
        tar_xz(args.bundle, args.tar_xz)
        artifacts.append(args.tar_xz)
    if args.zip:
        zip_folder(args.bundle, args.zip)
        artifacts.append(args.zip)
    sizes = [(p.name, p.stat().st_size) for p in artifacts]
    report = table(args.bundle, tree_bytes(args.bundle), sizes)
    print(report, end="")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write("### Download sizes\n\n" + report)
    for name, size in sizes:
        if megabytes(size) > GOAL_MB:
            print(f"::warning::{name} is {megabytes(size):.1f} MB (goal <= {GOAL_MB:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

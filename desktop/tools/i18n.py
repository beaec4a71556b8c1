"""Update the translation sources (lupdate) and build the ``.qm`` files (lrelease).

``python -m desktop.tools.i18n update`` scans the code into ``i18n/<area>_<lang>.ts`` and,
for English, ``i18n/<area>_en.ts`` with only the plural (``%n``) strings (``-pluralonly``), so
"%n license(s)" reads "1 license" / "2 licenses";
``python -m desktop.tools.i18n release`` builds ``desktop/translations/<area>_<lang>.qm``.
Each *area* is a catalogue of its own, so the wizard and the rest of the app can be
translated independently; the app loads every catalogue of the chosen language.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "i18n"
OUTPUT = ROOT / "desktop" / "translations"
LANGUAGES = ("zh_CN",)
# The source language: its catalogues hold only the numerus forms of the plural strings.
PLURALS_ONLY = ("en",)


def _tool(name: str) -> str:
    local = Path(sys.executable).with_name(f"pyside6-{name}")
    found = str(local) if local.exists() else shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install the dev dependencies first")
    return found


# area -> its folders. A file belongs to the first area that names one of its parents.
AREAS: dict[str, tuple[str, ...]] = {
    "wizard": ("desktop/ui/wizard", "desktop/engine"),
    "app": ("desktop",),
}


def area_of(path: Path) -> str | None:
    relative = path.relative_to(ROOT)
    if "tools" in relative.parts:
        return None
    for area, folders in AREAS.items():
        if any(relative.is_relative_to(folder) for folder in folders):
            return area
    return None


def area_files(area: str) -> list[Path]:
    return [p for p in sorted((ROOT / "desktop").rglob("*.py")) if area_of(p) == area]


def update(*areas: str) -> None:
    """lupdate every area (or only those named, e.g. ``update app``)."""
    for area in areas or tuple(AREAS):
        files = [str(p.relative_to(ROOT)) for p in area_files(area)]
        for lang in (*LANGUAGES, *PLURALS_ONLY):
            ts = SOURCES / f"{area}_{lang}.ts"
            extra = ["-pluralonly", "-source-language", "en"] if lang in PLURALS_ONLY else []
            subprocess.run(
                [
                    _tool("lupdate"),
                    "-no-obsolete",
                    "-locations",
                    "none",
                    *extra,
                    *files,
                    "-ts",
                    str(ts),
                ],
                cwd=ROOT,
                check=True,
            )


def release() -> None:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    for ts in sorted(SOURCES.glob("*.ts")):
        qm = OUTPUT / f"{ts.stem}.qm"
        subprocess.run(
            [_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True
        )


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"] and all(area in AREAS for area in argv[1:]):
        update(*argv[1:])
        return 0
    if argv == ["release"]:
        release()
        return 0
    print(
        f"usage: python -m desktop.tools.i18n update [{'|'.join(AREAS)}]...|release",
        file=sys.stderr,
    )
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The packaging decisions (build/bundle_config.py), the smoke runner and the icon maker."""

from __future__ import annotations

import importlib.util
import plistlib
import re
import shutil
import stat
import sys
import tomllib
import zipfile
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"


def _load(name: str) -> ModuleType:
    if str(BUILD) not in sys.path:
        sys.path.insert(0, str(BUILD))  # the spec and the scripts import bundle_config so
    spec = importlib.util.spec_from_file_location(name, BUILD / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


cfg = _load("bundle_config")
smoke = _load("smoke")


def test_metadata_comes_from_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    meta = cfg.read_metadata()
    assert meta.name == "LicenseConsolidator"
    assert meta.version == project["version"]
    assert meta.product == "License Consolidator for Atlassian (授权归集助手)"
    assert meta.bundle_id.endswith(".LicenseConsolidator")


def test_license_is_an_spdx_expression() -> None:
    """A ``{ text = ... }`` table is deprecated in setuptools (it stops building in 2027)."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    license_ = pyproject["project"]["license"]
    assert isinstance(license_, str)
    assert re.fullmatch(r"LicenseRef-[A-Za-z0-9.-]+|[A-Za-z0-9.+-]+", license_)
    assert "setuptools>=77" in pyproject["build-system"]["requires"]  # PEP 639 support


def test_metadata_follows_a_changed_pyproject(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[project]\nname = "some-other_app"\nversion = "2.10.3rc1"\n'
        'description = "Other App: does things"\n',
        encoding="utf-8",
    )
    meta = cfg.read_metadata(pyproject)
    assert (meta.name, meta.product, meta.version) == ("SomeOtherApp", "Other App", "2.10.3rc1")
    assert meta.version_tuple == (2, 10, 3, 1)


@pytest.mark.parametrize(
    ("version", "expected"),
    [("0.1.0", (0, 1, 0, 0)), ("1.2", (1, 2, 0, 0)), ("1.2.3.4.5", (1, 2, 3, 4)),
     ("3.0.0+local.7", (3, 0, 0, 0))],
)  # fmt: skip
def test_windows_version_tuple(version: str, expected: tuple[int, ...]) -> None:
    assert cfg.version_tuple(version) == expected


def test_version_without_numbers_is_refused() -> None:
    with pytest.raises(ValueError, match="no numbers"):
        cfg.version_tuple("dev")


class _Recorder:
    """Stands in for PyInstaller's versioninfo classes (pefile is Windows-only)."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __call__(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        return {"kind": self.kind, "args": args, "kwargs": kwargs}


def test_windows_version_info_is_filled_and_well_formed() -> None:
    meta = cfg.read_metadata()
    text = cfg.render_version_info(BUILD / "windows_version_info.txt", meta)
    assert "$" not in text
    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct"]  # fmt: skip
    info = eval(text, {name: _Recorder(name) for name in names})  # the format is a Python call
    assert info["kind"] == "VSVersionInfo"
    assert info["kwargs"]["ffi"]["kwargs"]["filevers"] == meta.version_tuple
    table = info["kwargs"]["kids"][0]["args"][0][0]
    strings = {s["args"][0]: s["args"][1] for s in table["args"][1]}
    assert strings["ProductName"] == meta.product
    assert strings["ProductVersion"] == meta.version
    assert strings["OriginalFilename"] == "LicenseConsolidator.exe"


def test_info_plist_is_valid_and_high_resolution() -> None:
    plist = cfg.info_plist(cfg.read_metadata())
    data = plistlib.loads(plistlib.dumps(plist))
    assert data["NSHighResolutionCapable"] is True
    assert data["CFBundleIdentifier"] == cfg.read_metadata().bundle_id
    assert data["CFBundleShortVersionString"] == cfg.read_metadata().version
    assert "zh_CN" in data["CFBundleLocalizations"]


def test_only_unused_qt_modules_are_excluded(tmp_path: Path) -> None:
    source = tmp_path / "pkg"
    (source / "ui").mkdir(parents=True)
    (source / "ui" / "a.py").write_text(
        "from PySide6.QtWidgets import QWidget\nimport PySide6.QtNetwork\n", encoding="utf-8"
    )
    (source / "ui" / "b.py").write_text(
        "from PySide6 import QtWebEngineWidgets\n", encoding="utf-8"
    )
    (source / "broken.py").write_text("def (:\n", encoding="utf-8")
    used = cfg.qt_modules_imported(source)
    assert used == {"QtWidgets", "QtNetwork", "QtWebEngineWidgets"}
    excluded = cfg.qt_modules_to_exclude(
        {"QtCore", "QtGui", "QtWidgets", "QtSvg", "QtNetwork", "QtQml", "QtWebEngineWidgets",
         "Qt3DCore"},
        used,
    )  # fmt: skip
    assert excluded == ["PySide6.Qt3DCore", "PySide6.QtQml"]


def _package(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "app"


def test_modules_needing_heavy_qt_are_found_through_imports(tmp_path: Path) -> None:
    source = _package(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/web/__init__.py": "",
            "app/web/driver.py": "from PySide6.QtWebEngineCore import QWebEnginePage\n",
            "app/web/session.py": "from .driver import QWebEnginePage\n",
            "app/web/urls.py": "BASE = 'https://my.example'\n",
            "app/ui/__init__.py": "",
            "app/ui/window.py": "from app.web import session\nfrom PySide6 import QtWidgets\n",
            "app/ui/table.py": "from PySide6.QtWidgets import QTableView\nfrom ..web import urls\n",
            "app/ui/chart.py": "import PySide6.QtCharts\n",
        },
    )
    assert cfg.modules_needing_heavy_qt(source) == {
        "app.web.driver",
        "app.web.session",  # relative import of a heavy module
        "app.ui.window",  # imports a module that needs one
        "app.ui.chart",
    }
    assert cfg.qt_modules_imported(source) == {"QtWebEngineCore", "QtWidgets", "QtCharts"}


def test_real_code_keeps_the_qt_it_imports() -> None:
    pyside = Path(__import__("PySide6").__file__).parent
    installed = cfg.qt_modules_installed(pyside)
    assert {"QtCore", "QtWidgets", "QtWebEngineCore", "QtQml"} <= installed
    used = cfg.qt_modules_imported(ROOT / "desktop")
    excluded = cfg.qt_modules_to_exclude(installed, cfg.qt_modules_needed(used, pyside))
    assert not {f"PySide6.{module}" for module in used} & set(excluded)
    assert "PySide6.QtCore" not in excluded
    assert "PySide6.Qt3DCore" in excluded


def test_a_kept_module_keeps_the_modules_it_imports() -> None:
    pyside = Path(__import__("PySide6").__file__).parent
    needed = cfg.qt_modules_needed({"QtWebEngineWidgets"}, pyside)
    assert {"QtWebEngineCore", "QtWebChannel", "QtNetwork", "QtPrintSupport"} <= needed
    assert {"QtCore", "QtGui", "QtWidgets", "QtSvg"} <= needed
    assert "QtQml" not in cfg.qt_modules_needed({"QtWidgets"}, pyside)


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
        ("PySide6/Qt/translations/qt_en.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6\\Qt\\translations\\qtbase_ja.qm", False),
        ("PySide6/Qt/translations/qt_help_zh_CN.qm", False),
        ("desktop/translations/app_zh_CN.qm", True),
        ("desktop/domain/public_domains.txt", True),
        ("PySide6/Qt/translations/qtwebengine_locales/zh-CN.pak", True),
        ("PySide6/Qt/translations/qtwebengine_locales/en-US.pak", True),
        ("PySide6/Qt/translations/qtwebengine_locales/de.pak", False),
        ("PySide6/Qt/resources/qtwebengine_devtools_resources.pak", False),
        ("PySide6/Qt/resources/qtwebengine_resources.pak", True),
    ],
)
def test_translations_filter(dest: str, kept: bool) -> None:
    assert cfg.keep_data_file(dest) is kept


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/imageformats/qpdf.dll", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.dylib", True),
        ("PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-x11-integration.so", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", True),
        ("libpython3.11.so.1.0", True),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", False),
        ("PySide6/Qt/plugins/networkinformation/libqglib.so", False),
        ("PySide6/Qt/plugins/networkinformation/qnetworklistmanager.dll", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
        ("PySide6/Qt/plugins/imageformats/qico.dll", False),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", True),
        ("PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so", False),
        (
            "PySide6/Qt/plugins/wayland-graphics-integration-client/libqt-plugin-wayland-egl.so",
            True,
        ),
        ("PySide6/Qt/plugins/wayland-graphics-integration-client/libvulkan-server.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
    ],
)
def test_plugin_filter(dest: str, kept: bool) -> None:
    assert cfg.keep_binary(dest) is kept


def test_libraries_only_dropped_plugins_need_are_left_out() -> None:
    links = {
        "/src/keyboard.so": ["libQt6Quick.so.6", "libQt6Core.so.6"],
        "/src/libQt6Quick.so.6": ["libQt6Qml.so.6", "libQt6Core.so.6"],
        "/src/libQt6Qml.so.6": ["libQt6Network.so.6"],
        "/src/qpdf.so": ["@rpath/QtPdf.framework/Versions/A/QtPdf"],
        "/src/QtWidgets.so": ["libQt6Core.so.6"],
        "/src/qxcb.so": ["libQt6Network.so.6"],
    }
    kept = [
        ("PySide6/QtWidgets.so", "/src/QtWidgets.so", "EXTENSION"),
        ("PySide6/Qt/plugins/platforms/qxcb.so", "/src/qxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Quick.so.6", "/src/libQt6Quick.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Qml.so.6", "/src/libQt6Qml.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Network.so.6", "/src/libQt6Network.so.6", "BINARY"),
        ("PySide6/Qt/lib/QtPdf.framework/Versions/A/QtPdf", "/src/QtPdf", "BINARY"),
    ]
    dropped = [
        ("PySide6/Qt/plugins/x/keyboard.so", "/src/keyboard.so", "BINARY"),
        ("PySide6/Qt/plugins/imageformats/qpdf.so", "/src/qpdf.so", "BINARY"),
    ]
    orphans = cfg.orphaned_libs(kept, dropped, lambda source: links.get(source, []))
    # Network stays: the xcb plugin links to it. Core stays: QtWidgets links to it.
    assert orphans == {"libQt6Quick.so.6", "libQt6Qml.so.6", "QtPdf"}
    datas = [
        ("PySide6/Qt/lib/QtPdf.framework/Resources/Info.plist", "/src/Info.plist", "DATA"),
        ("desktop/domain/public_domains.txt", "/src/public_domains.txt", "DATA"),
    ]
    assert [e[0] for e in cfg.without_libs(datas, orphans)] == ["desktop/domain/public_domains.txt"]
    left = [e[0] for e in cfg.without_libs(kept, orphans)]
    assert left == [
        "PySide6/QtWidgets.so",
        "PySide6/Qt/plugins/platforms/qxcb.so",
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Network.so.6",
    ]


def test_a_library_a_kept_binary_needs_is_never_dropped() -> None:
    links = {"/src/kb.so": ["libQt6Quick.so.6"], "/src/QtQuick.so": ["libQt6Quick.so.6"]}
    kept = [
        ("PySide6/QtQuick.so", "/src/QtQuick.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Quick.so.6", "/src/libQt6Quick.so.6", "BINARY"),
    ]
    dropped = [("PySide6/Qt/plugins/x/kb.so", "/src/kb.so", "BINARY")]
    assert cfg.orphaned_libs(kept, dropped, lambda s: links.get(s, [])) == set()


@pytest.mark.parametrize(
    ("platform", "relative"),
    [
        ("linux", "LicenseConsolidator/LicenseConsolidator"),
        ("win32", "LicenseConsolidator/LicenseConsolidator.exe"),
        ("darwin", "LicenseConsolidator.app/Contents/MacOS/LicenseConsolidator"),
    ],
)
def test_smoke_finds_what_the_user_starts(tmp_path: Path, platform: str, relative: str) -> None:
    with pytest.raises(FileNotFoundError, match="make build"):
        smoke.frozen_program(tmp_path, "LicenseConsolidator", platform)
    program = tmp_path / relative
    program.parent.mkdir(parents=True)
    program.write_bytes(b"")
    assert smoke.frozen_program(tmp_path, "LicenseConsolidator", platform) == program


def test_smoke_fails_clearly_without_a_bundle(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert smoke.main([str(tmp_path)]) == 2
    assert "build the bundle first" in capsys.readouterr().err


@pytest.mark.skipif(sys.platform == "win32", reason="runs a POSIX shell script as the program")
@pytest.mark.parametrize(
    ("script", "passed"),
    [
        ("echo 'self-test passed'; exit 0", True),
        ("echo 'self-test passed'; exit 1", False),  # said so, but failed
        ("exit 0", False),  # never said it passed
        ("sleep 30", False),  # hangs
    ],
)
def test_smoke_verdict(tmp_path: Path, script: str, passed: bool) -> None:
    program = tmp_path / "program"
    program.write_text(f'#!/bin/sh\n[ "$1" = --self-test ] || exit 3\n{script}\n')
    program.chmod(0o755)
    verdict, output, elapsed = smoke.run_self_test(program, [], timeout=2)
    assert verdict is passed, output
    assert elapsed < 10


def test_icons_are_made_from_the_svg_in_every_size(tmp_path: Path) -> None:
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])
    assert app is not None
    icons = _load("make_icons")
    png, ico, icns = icons.make_icons(ROOT / "resources" / "app-icon.svg", tmp_path)
    with Image.open(png) as image:
        assert image.size == (512, 512)
        # transparent corner (rounded square), opaque blue centre-left
        assert image.getpixel((2, 2))[3] == 0
        red, _green, blue, alpha = image.getpixel((40, 256))
        assert alpha == 255 and blue > red
    with Image.open(ico) as image:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(image.info["sizes"])
    with Image.open(icns) as image:
        assert (512, 512, 2) in image.info["sizes"]
        assert (16, 16, 2) in image.info["sizes"]
    # the committed icons exist beside the SVG (the spec needs them)
    for made in (png, ico, icns):
        committed = ROOT / "resources" / made.name
        assert committed.exists(), f"{committed} missing: run make icons"


# --- what the Linux bundle leaves to the system or slices (issue 8, "Bundle") ---------------


@pytest.mark.parametrize(
    ("dest", "host"),
    [
        ("libstdc++.so.6", True),
        ("libX11.so.6", True),
        ("libfontconfig.so.1", True),
        ("libasound.so.2", True),
        ("libz.so.1", True),
        ("libnss3.so", False),  # QtWebEngine's NSS: the excludelist says bundle it
        ("libglib-2.0.so.0", False),  # bundled privately, says the excludelist
        ("libxcb-cursor.so.0", False),  # missing on many systems
        ("libcrypto.so.3", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", False),
        ("PySide6/Qt/lib/libicudata.so.73", False),
    ],
)
def test_system_libraries_left_to_the_system(dest: str, host: bool) -> None:
    assert cfg.is_host_system_lib(dest) is host


def test_left_out_python_modules_are_not_imported_by_the_app() -> None:
    imported: set[str] = set()
    for module, path in cfg.package_modules(ROOT / "desktop").items():
        if not module.startswith("desktop.tools"):
            imported |= cfg._imports_of(path, module)
    roots = {name.split(".")[0] for name in imported} | imported
    assert not roots & set(cfg.UNUSED_PYTHON_MODULES)


def test_a_dropped_system_library_takes_what_only_it_needs() -> None:
    # Direct links (ELF DT_NEEDED) for what stays; the whole ldd tree for what is dropped,
    # including libxcb, which PyInstaller never bundles.
    direct = {
        "/s/QtNetwork.so": ["libQt6Network.so.6"],
        "/s/libQt6Network.so.6": ["libbrotlidec.so.1", "libz.so.1"],
        "/s/libQt6Gui.so.6": ["libfreetype.so.6", "libX11.so.6"],
        "/s/libxcb-cursor.so.0": ["libxcb.so.1"],
    }
    tree = {
        "/s/libfreetype.so.6": ["libpng16.so.16", "libbrotlidec.so.1", "libz.so.1"],
        "/s/libX11.so.6": ["libxcb.so.1", "libXau.so.6", "libXdmcp.so.6", "libbsd.so.0"],
        "/s/libz.so.1": [],
    }
    kept = [
        (f"PySide6/{name}", f"/s/{name}", "BINARY")
        for name in ("QtNetwork.so", "libQt6Network.so.6", "libQt6Gui.so.6")
    ] + [
        (name, f"/s/{name}", "BINARY")
        for name in ("libxcb-cursor.so.0", "libbrotlidec.so.1", "libpng16.so.16", "libXau.so.6",
                     "libXdmcp.so.6", "libbsd.so.0")
    ]  # fmt: skip
    dropped = [
        (name, f"/s/{name}", "BINARY") for name in ("libfreetype.so.6", "libX11.so.6", "libz.so.1")
    ]
    orphans = cfg.orphaned_libs(
        kept, dropped, lambda s: direct.get(s, []), lambda s: tree.get(s, [])
    )
    # brotlidec stays: QtNetwork's library links to it itself.
    assert orphans == {"libpng16.so.16", "libXau.so.6", "libXdmcp.so.6", "libbsd.so.0"}


elf_info = _load("elf_info")


def test_elf_reader_refuses_what_is_not_elf(tmp_path: Path) -> None:
    text = tmp_path / "libnot.so"
    text.write_text("INPUT(-lc)\n", encoding="ascii")
    with pytest.raises(elf_info.ElfError, match="not a 64-bit"):
        elf_info.needed_libraries(text)


PYSIDE_LIB = Path(__import__("PySide6").__file__).parent / "Qt" / "lib"
#: QtCore's ICU data library in the Linux wheel (libicudata.so.73 for PySide6 6.12).
ICU_LIB = next(PYSIDE_LIB.glob("libicudata.so.*"), PYSIDE_LIB / "libicudata.so")
linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the Windows and macOS wheels carry no ICU"
)


@linux_only
def test_elf_reader_reads_what_qt_core_links_to() -> None:
    needed = elf_info.needed_libraries(PYSIDE_LIB / "libQt6Core.so.6")
    version = ICU_LIB.name.rpartition(".")[2]
    assert {f"libicui18n.so.{version}", f"libicuuc.so.{version}", ICU_LIB.name} <= set(needed)
    name, data = elf_info.dynamic_symbol_data(ICU_LIB, lambda n: n.endswith("_dat"))
    assert name == f"icudt{version}_dat"
    assert data[2:4] == b"\xda\x27"  # ICU's data header magic


@pytest.mark.parametrize(
    ("item", "kept"),
    [
        ("root.res", True),
        ("en.res", True),
        ("en_GB.res", True),
        ("zh.res", True),
        ("zh_Hans_CN.res", True),
        ("zh_CN.res", True),
        ("coll/zh.res", True),  # pinyin sorting
        ("coll/ucadata.icu", True),
        ("zone/zh.res", True),  # time-zone names in Chinese
        ("zone/pool.res", True),
        ("coll/res_index.res", True),
        ("supplementalData.res", True),
        ("metaZones.res", True),
        ("zoneinfo64.res", True),
        ("ucase.icu", True),
        ("cnvalias.icu", True),
        ("gb18030.cnv", True),
        ("windows-936-2000.cnv", True),
        ("ibm-1386_P100-2001.cnv", True),
        ("de.res", False),
        ("ja_JP.res", False),
        ("coll/de__PHONEBOOK.res", False),
        ("zone/fr_CA.res", False),
        ("yue_Hans.res", False),
        ("ibm-1390_P110-2003.cnv", False),  # EBCDIC Japanese
        ("brkitr/cjdict.dict", False),  # QtCore does no ICU break iteration
        ("brkitr/root.res", False),
        ("translit/root.res", False),
        ("unames.icu", False),
        ("rfc3491.spp", False),
    ],
)
def test_icu_data_items_kept(item: str, kept: bool) -> None:
    assert cfg.keep_icu_item(item) is kept


#: What QtCore asks ICU for, printed one line each: collation (pinyin), case-insensitive
#: comparison, locale-aware case mapping, time-zone names, Chinese dates, codecs.
ICU_PROBE = r"""
from PySide6.QtCore import QCollator, QDate, QLocale, QStringDecoder, QTimeZone, Qt
words = ["张伟", "李娜", "王芳", "apple", "Banana", "Ärger", "zebra", "赵", "阿"]
for name in ("zh_CN", "en_US"):
    locale = QLocale(name)
    collator = QCollator(locale)
    print("sort", name, sorted(words, key=collator.sortKey))
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    print("ci", name, collator.compare("LICENSE 许可", "license 许可"))
    print("case", name, locale.toUpper("straße ǆ"), QLocale("tr_TR").toUpper("istanbul"))
    for zone in (b"Asia/Shanghai", b"America/New_York"):
        print("tz", name, QTimeZone(zone).displayName(
            QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, locale))
    print("date", name, locale.toString(QDate(2026, 11, 23), QLocale.FormatType.LongFormat))
for codec in ("GB18030", "GBK", "GB2312", "Big5", "windows-1252", "Shift_JIS"):
    print("codec", codec, QStringDecoder(codec).isValid())
"""


def _probe_icu(library_dir: Path | None) -> list[str]:
    import os
    import subprocess

    env = dict(os.environ)
    if library_dir is not None:  # searched before QtCore's own $ORIGIN
        env["LD_LIBRARY_PATH"] = str(library_dir)
    done = subprocess.run(
        [sys.executable, "-c", ICU_PROBE], env=env, capture_output=True, text=True,
        encoding="utf-8", timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Could not create collator" not in done.stderr, done.stderr[-3000:]
    return done.stdout.splitlines()


@linux_only
def test_sliced_icu_data_serves_english_and_chinese_alike(tmp_path: Path) -> None:
    icu = _load("icu_data")
    source = ICU_LIB
    entry, _ = icu.icu_data_of(source)
    sliced, removed = icu.slim_icu_library(source, tmp_path / "lib")
    assert sliced.name == source.name
    assert elf_info.needed_libraries(sliced) == []
    assert sliced.stat().st_size < 8e6 < 30e6 < source.stat().st_size
    assert {"de.res", "coll/ja.res", "brkitr/cjdict.dict"} <= set(removed)
    _, data = elf_info.dynamic_symbol_data(sliced, lambda n: n == f"{entry}_dat")
    (tmp_path / f"{entry}l.dat").write_bytes(data)
    left = set(icu.list_items(tmp_path / f"{entry}l.dat")[0])
    assert {"coll/zh.res", "zone/zh.res", "zh_Hans_CN.res", "gb18030.cnv"} <= left
    assert not left & set(removed)

    full, slim = _probe_icu(None), _probe_icu(sliced.parent)
    assert [line for line in slim if "Shift_JIS" not in line] == [
        line for line in full if "Shift_JIS" not in line
    ]
    assert "codec Shift_JIS False" in slim  # gone on purpose: Japanese
    assert (  # pinyin: ā, lǐ, wáng, zhāng, zhào, then Latin
        "sort zh_CN ['阿', '李娜', '王芳', '张伟', '赵', 'apple', 'Ärger', 'Banana', 'zebra']"
        in slim
    )
    assert "tz zh_CN 中国标准时间" in slim
    assert "date zh_CN 2026年11月23日星期一" in slim
    assert "ci zh_CN 0" in slim


@linux_only
def test_an_icu_slice_that_would_break_a_kept_item_is_refused(tmp_path: Path) -> None:
    icu = _load("icu_data")
    entry, data = icu.icu_data_of(ICU_LIB)
    package = tmp_path / f"{entry}l.dat"
    package.write_bytes(data)
    # GBK kept, but not the table it extends
    with pytest.raises(icu.IcuDataError, match=r"ibm-1386_P100-2001\.cnv"):
        icu.slim_icu_package(
            package, tmp_path / "out" / package.name, lambda item: "ibm-1386" not in item
        )
    assert not (tmp_path / "out" / package.name).exists()


#: What a web page asks Chromium's ICU for, as JSON: dates, sorting, money, relative time,
#: region names and case mapping per locale, and Chinese word breaking (its dictionary).
WEB_ICU_PROBE = r"""
import sys
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile
from PySide6.QtWidgets import QApplication
JS = '''(() => {
  const d = new Date(Date.UTC(2026, 10, 23, 4, 5)), out = {};
  for (const loc of ['zh-CN', 'en-US', 'en-GB', 'de-DE']) {
    out[loc] = [
      new Intl.DateTimeFormat(loc, {dateStyle: 'full', timeStyle: 'long',
                                    timeZone: 'Asia/Shanghai'}).format(d),
      ['张伟', '李娜', '王芳', '阿', 'apple', 'Ärger', 'Zebra']
        .sort(new Intl.Collator(loc).compare).join(' '),
      new Intl.NumberFormat(loc, {style: 'currency', currency: 'CNY'}).format(1234.5),
      new Intl.RelativeTimeFormat(loc).format(-1, 'day'),
      new Intl.DisplayNames([loc], {type: 'region'}).of('CN'),
      'straße'.toLocaleUpperCase(loc)];
  }
  out.words = [...new Intl.Segmenter('zh', {granularity: 'word'})
               .segment('授权归集助手为技术联系人')].map(s => s.segment).join('|');
  return JSON.stringify(out);
})()'''
app = QApplication(sys.argv)
profile = QWebEngineProfile()  # off the record
page = QWebEnginePage(profile)
def done(result):
    print(result)
    app.quit()
page.loadFinished.connect(lambda ok: page.runJavaScript(JS, 0, done))
page.setHtml("<p>授权归集助手</p>", QUrl("https://example.invalid/"))
QTimer.singleShot(60000, app.quit)
app.exec()
del page  # before its profile
del profile
"""


def _probe_web_icu(resources: Path | None) -> dict[str, Any]:
    import json
    import os
    import subprocess

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # Chromium's sandbox refuses root
        env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    if resources is not None:
        env["QTWEBENGINE_RESOURCES_PATH"] = str(resources)
    done = subprocess.run(
        [sys.executable, "-c", WEB_ICU_PROBE], env=env, capture_output=True, text=True,
        encoding="utf-8", timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0 and done.stdout.strip(), done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


@linux_only
def test_sliced_web_icu_data_gives_pages_the_same_english_and_chinese(tmp_path: Path) -> None:
    icu = _load("icu_data")
    qt_resources = PYSIDE_LIB.parent / "resources"
    resources = tmp_path / "resources"
    resources.mkdir()
    for path in qt_resources.iterdir():  # QtWebEngine's resources, with the sliced ICU data
        if path.name != "icudtl.dat":
            (resources / path.name).symlink_to(path)
    sliced, removed = icu.slim_web_icu_data(qt_resources / "icudtl.dat", resources)
    assert sliced == resources / "icudtl.dat"
    assert sliced.stat().st_size < 0.7 * (qt_resources / "icudtl.dat").stat().st_size
    assert {"de.res", "coll/ja.res"} <= set(removed)
    # line and word breaking rules and dictionaries, Chinese collation: all kept
    assert not [item for item in removed if item.endswith((".brk", ".dict")) or "/zh" in item]

    full, slim = _probe_web_icu(None), _probe_web_icu(resources)
    for locale in ("zh-CN", "en-US", "en-GB"):
        assert slim[locale] == full[locale], locale
    assert slim["zh-CN"][0].startswith("2026年11月23日星期一")
    assert slim["zh-CN"][1].startswith("阿 李娜 王芳 张伟")  # pinyin
    assert slim["words"] == full["words"] == "授权|归|集|助手|为|技术|联系|人"
    # Another locale's formats fall back to the default locale's; nothing fails.
    assert full["de-DE"][3] == "vor 1 Tag"
    assert slim["de-DE"][3] != "vor 1 Tag"


def test_addresses_are_checked_without_dnspython() -> None:
    import subprocess

    # The bundle leaves dnspython out: the app's address check must never need it.
    code = (
        "import sys; sys.modules['dns'] = None\n"
        "from desktop.domain.emails import normalize_email\n"
        "print(normalize_email(' Zhang.Wei@HuaKe.example '))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "zhang.wei@huake.example"


# --- What users download (issue 17) ---------------------------------------------------------

installer = _load("windows_installer")
sizes = _load("download_sizes")


def _iss_setup() -> dict[str, str]:
    text = installer.SCRIPT.read_text(encoding="utf-8")
    setup = text.split("[Setup]", 1)[1].split("\n[", 1)[0]
    return dict(line.split("=", 1) for line in setup.splitlines() if "=" in line and line[0] != ";")


def test_windows_installer_is_per_user_lzma_with_shortcut_and_uninstaller() -> None:
    setup = _iss_setup()
    assert setup["PrivilegesRequired"] == "lowest"  # no administrator
    assert setup["DefaultDirName"].startswith("{autopf}")  # per user: %LOCALAPPDATA%\Programs
    assert setup["Compression"].startswith("lzma")
    assert setup["SolidCompression"] == "yes"
    assert setup["Uninstallable"] == "yes"
    text = installer.SCRIPT.read_text(encoding="utf-8")
    icons = text.split("[Icons]", 1)[1].split("\n[", 1)[0]
    assert re.search(r'^Name: "\{autoprograms\}\\.*"; Filename: "\{app\}\\', icons, re.M)


def test_windows_installer_gets_every_define_it_uses(tmp_path: Path) -> None:
    """ISCC fails on an undefined ``{#Name}``: the helper passes just the ones the script uses."""
    meta = cfg.read_metadata()
    output = tmp_path / "out" / "App-setup.exe"
    args = installer.iscc_arguments(meta, tmp_path / "bundle", output)
    assert args[0] == "/Qp" and args[-1] == str(installer.SCRIPT)
    defines = dict(a[2:].split("=", 1) for a in args if a.startswith("/D"))
    used = set(re.findall(r"\{#(\w+)\}", installer.SCRIPT.read_text(encoding="utf-8")))
    assert used == set(defines)
    assert defines["AppVersion"] == meta.version
    assert defines["AppProduct"] == meta.product
    assert (defines["OutputDir"], defines["OutputName"]) == (str(output.parent), "App-setup")
    assert Path(defines["IconFile"]).is_file()


def test_download_archives_unpack_to_the_bundle(tmp_path: Path) -> None:
    """zip (deflate 9) and tar.xz keep the folder, the program's mode and symlinks."""
    bundle = tmp_path / "App"
    (bundle / "_internal").mkdir(parents=True)
    program = bundle / "App"
    program.write_bytes(b"\x7fELF" + b"x" * 4000)
    program.chmod(0o755)
    (bundle / "_internal" / "lib.so.1").write_bytes(b"y" * 9000)
    (bundle / "_internal" / "lib.so").symlink_to("lib.so.1")
    assert sizes.tree_bytes(bundle) == 13004
    archives = {
        "zip": sizes.zip_folder(bundle, tmp_path / "a.zip"),
        "xz": sizes.tar_xz(bundle, tmp_path / "a.tar.xz"),
    }
    assert all(0 < size < 13004 for size in archives.values()), archives
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:  # shutil's unzip makes links files
        link = archive.getinfo("App/_internal/lib.so")
        assert stat.S_ISLNK(link.external_attr >> 16)
        assert archive.read(link) == b"lib.so.1"
        assert archive.getinfo("App/App").external_attr >> 16 & 0o111
        assert archive.read("App/_internal/lib.so.1") == b"y" * 9000
    shutil.unpack_archive(tmp_path / "a.tar.xz", tmp_path / "out", filter="tar")
    assert (tmp_path / "out" / "App" / "_internal" / "lib.so").readlink() == Path("lib.so.1")
    assert (tmp_path / "out" / "App" / "App").stat().st_mode & 0o111
    assert (tmp_path / "out" / "App" / "_internal" / "lib.so.1").read_bytes() == b"y" * 9000


def test_download_sizes_table_flags_a_download_over_the_goal(tmp_path: Path) -> None:
    report = sizes.table(
        tmp_path / "App", 347_800_000, [("small.tar.xz", 102_700_000), ("big.zip", 255_000_000)]
    )
    assert "| `App/` unpacked | 347.8 MB | |" in report
    assert "| `small.tar.xz` (download) | 102.7 MB | ≤ 200 MB: met |" in report
    assert "| `big.zip` (download) | 255.0 MB | ≤ 200 MB: **MISSED** |" in report


def test_download_sizes_go_into_the_job_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = tmp_path / "App"
    bundle.mkdir()
    (bundle / "App").write_bytes(b"z" * 5000)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert sizes.main([str(bundle), "--tar-xz", str(tmp_path / "App.tar.xz")]) == 0
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("### Download sizes\n")
    assert "`App.tar.xz` (download)" in written and "met" in written
    assert "`App.tar.xz` (download)" in capsys.readouterr().out


def test_the_guide_and_qts_chinese_words_are_shipped() -> None:
    pyside = Path(__import__("PySide6").__file__).parent
    files = cfg.required_data_files(ROOT, pyside)
    dests = {f"{folder}/{source.name}" for source, folder in files}
    assert {"desktop/ui/help/guide_en.html", "desktop/ui/help/guide_zh_CN.html"} <= dests
    assert "PySide6/Qt/translations/qtbase_zh_CN.qm" in dests
    for source, folder in files:
        assert source.is_file()
        assert cfg.keep_data_file(f"{folder}/{source.name}")  # not filtered out again
    # The app finds them where the bundle puts them (relative to desktop/ and PySide6/).
    from desktop.ui.language import qt_translations_folder

    assert (qt_translations_folder() / "qtbase_zh_CN.qm").is_file()


def test_no_guide_pages_stops_the_build(tmp_path: Path) -> None:
    pyside = Path(__import__("PySide6").__file__).parent
    with pytest.raises(FileNotFoundError, match="no guide pages"):
        cfg.required_data_files(tmp_path, pyside)

"""What goes into the PyInstaller bundle: app metadata from pyproject.toml, Qt pruning rules.

``LicenseConsolidator.spec`` imports this module; keeping the decisions here (rather than in
the spec, which only PyInstaller runs) lets them be linted and unit-tested.
"""

from __future__ import annotations

import ast
import re
import string
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePath

ROOT = Path(__file__).resolve().parents[1]

#: Reverse-DNS id of the macOS bundle. Replace ``com.example`` with the signing company's
#: domain before notarising (it must match the Developer ID's provisioning).
BUNDLE_ID_PREFIX = "com.example"
COMPANY = "License Consolidator"

#: Qt modules the app always needs, whatever the code imports (svg: the icon engine).
QT_MODULES_ALWAYS = frozenset({"QtCore", "QtGui", "QtWidgets", "QtSvg"})

#: Qt's own translations to ship: Chinese and English only.
QT_TRANSLATION_LANGUAGES = ("zh_CN", "en")

#: Qt plugins this app never loads: embedded/VNC/Vulkan displays, the on-screen keyboard
#: (drags in QtQml and QtQuick), PDF as an image format (drags in QtPdf), image formats it never
#: reads, and the GTK theme (drags in half a GTK stack that would mix with the system's; Qt's
#: own Fusion look or the XDG portal theme is used instead).
UNUSED_QT_PLUGINS = frozenset(
    {
        "qeglfs",
        "qlinuxfb",
        "qminimalegl",
        "qvkkhrdisplay",
        "qvnc",
        "qdirect2d",
        "qtvirtualkeyboardplugin",
        "qpdf",
        "qtiff",
        "qwebp",
        "qtga",
        "qwbmp",
        "qjpeg",  # the app shows SVG icons and PNG (built in); the web page decodes its own
        "qgif",
        "qico",  # the Windows and macOS icons are the program's resources, not read by Qt
        "qicns",
        "qgtk3",
        # Printing to CUPS printers: the app never prints. This plugin alone brings the CUPS
        # client and its TLS/Kerberos/mDNS chain (libcups, libgnutls, libp11-kit, libunistring,
        # libavahi*, nettle, hogweed, gmp, idn2, tasn1: about 7.4 MB on Linux).
        "cupsprintersupport",
        # Wayland shells of embedded and automotive systems (a desktop compositor speaks
        # xdg-shell, which stays) and the buffer sharing of compositors built with Qt itself.
        "ivi-shell",
        "fullscreen-shell-v1",
        "wl-shell-plugin",
        "qt-shell",
        "dmabuf-server",
        "drm-egl-server",
        "shm-emulation-server",
        "vulkan-server",
    }
)
#: Qt plugin folders the app never loads: only embedded (eglfs) devices use the first two;
#: ``networkinformation`` backs QNetworkInformation, which neither the app (httpx does its
#: HTTP) nor QtWebEngine (Chromium watches the network itself) asks for. Its GLib backend
#: alone brings GIO, libmount, libblkid and libselinux (about 3.3 MB on Linux).
UNUSED_QT_PLUGIN_DIRS = frozenset({"egldeviceintegrations", "generic", "networkinformation"})

#: Python modules the analysis finds through imports the app never runs. Each would bring
#: its own files: ``readline`` (only the interactive prompt uses it) brings libreadline and
#: libtinfo; ``httpx._main`` is httpx's command-line client (optional import, with pygments
#: and rich); setuptools and its distutils shim come in through PyInstaller's setuptools hook
#: (keyring's ``importlib_metadata``/``backports`` imports are for Python < 3.12 only);
#: ``pydoc`` is only ``help()``'s. A codec module left out makes its encodings unknown
#: (LookupError), as for any codec Python lacks.
UNUSED_PYTHON_MODULES = (
    "readline",
    "httpx._main",
    "pygments",
    "setuptools",
    "pkg_resources",
    "distutils",
    "_distutils_hack",
    "pydoc",
    # Japanese and Korean codecs (Shift-JIS, EUC-KR, ISO-2022-*): the app reads and writes
    # UTF-8; Chinese (GBK, GB18030, Big5, Big5-HKSCS) stay.
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_iso2022",
    # dnspython: email-validator needs it only to check that a domain receives mail, which the
    # app never asks (check_deliverability=False: no DNS look-ups).
    "dns",
    # decimal's C accelerator: the standard library falls back to its own pure-Python
    # decimal (_pydecimal, same results); only openpyxl's number handling imports decimal.
    "_decimal",
)

#: Libraries assumed present on every Linux desktop, so never bundled: the AppImage project's
#: excludelist (github.com/AppImageCommunity/pkg2appimage, file ``excludelist``), the
#: maintained reference for what a portable Linux app may take from the system. Each is there
#: because bundling it breaks apps on some systems (graphics drivers, glibc and libstdc++
#: symbol versions, the system's sound and font set-up). PyInstaller already leaves out
#: glibc, libGL/libEGL, libdrm, libxcb and libwayland-*. (libgmp is listed there too; here it
#: only came with the CUPS plugin.)
HOST_SYSTEM_LIBS = frozenset(
    {
        # GNU C library (PyInstaller excludes these already)
        "ld-linux.so.2", "ld-linux-x86-64.so.2", "libanl.so.1", "libBrokenLocale.so.1",
        "libcidn.so.1", "libc.so.6", "libdl.so.2", "libm.so.6", "libmvec.so.1",
        "libnss_compat.so.2", "libnss_dns.so.2", "libnss_files.so.2", "libnss_hesiod.so.2",
        "libnss_nisplus.so.2", "libnss_nis.so.2", "libpthread.so.0", "libresolv.so.2",
        "librt.so.1", "libthread_db.so.1", "libutil.so.1",
        # C++ runtime: a bundled older one breaks the system's graphics drivers
        "libstdc++.so.6", "libgcc_s.so.1",
        # OpenGL/Mesa: part of the graphics driver
        "libGL.so.1", "libEGL.so.1", "libGLdispatch.so.0", "libGLX.so.0", "libOpenGL.so.0",
        "libdrm.so.2", "libglapi.so.0", "libgbm.so.1", "libxcb-dri3.so.0", "libxcb-dri2.so.0",
        # X11 and Wayland clients: must match the system's libxcb and compositor
        "libxcb.so.1", "libX11.so.6", "libX11-xcb.so.1", "libwayland-client.so.0",
        "libICE.so.6", "libSM.so.6",
        # sound servers and devices
        "libasound.so.2", "libjack.so.0", "libpipewire-0.3.so.0",
        # fonts: must be the system's to see its fonts and settings
        "libfontconfig.so.1", "libfreetype.so.6", "libharfbuzz.so.0", "libfribidi.so.0",
        # base system
        "libcom_err.so.2", "libexpat.so.1", "libgpg-error.so.0", "libusb-1.0.so.0",
        "libuuid.so.1", "libz.so.1", "libgmp.so.10",
    }
)  # fmt: skip


@dataclass(frozen=True)
class AppMetadata:
    """Names and version of the app, as the bundle shows them."""

    name: str  # file name of the program and the bundle: LicenseConsolidator
    product: str  # what people read: License Consolidator for Atlassian (授权归集助手)
    description: str
    version: str  # 0.1.0
    version_tuple: tuple[int, int, int, int]
    bundle_id: str


def camel_name(project_name: str) -> str:
    """``license-consolidator`` → ``LicenseConsolidator``."""
    return "".join(part.capitalize() for part in re.split(r"[-_.]+", project_name) if part)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """The four numbers Windows wants: ``0.1.0`` → ``(0, 1, 0, 0)``; suffixes are dropped."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:4]]
    if not numbers:
        raise ValueError(f"version {version!r} has no numbers")
    padded = [*numbers, 0, 0, 0, 0][:4]
    return (padded[0], padded[1], padded[2], padded[3])


def read_metadata(pyproject: Path = ROOT / "pyproject.toml") -> AppMetadata:
    """Read name, version and description from ``pyproject.toml``'s ``[project]`` table."""
    with pyproject.open("rb") as handle:
        project = tomllib.load(handle)["project"]
    name = camel_name(project["name"])
    description = str(project.get("description", name))
    product = description.split(":", 1)[0].strip() or name
    version = str(project["version"])
    return AppMetadata(
        name=name,
        product=product,
        description=description,
        version=version,
        version_tuple=version_tuple(version),
        bundle_id=f"{BUNDLE_ID_PREFIX}.{name}",
    )


def render_version_info(template: Path, meta: AppMetadata) -> str:
    """Fill the Windows version-resource template with ``meta`` (PyInstaller's format)."""

    def quoted(text: str) -> str:
        return text.replace("\\", "\\\\").replace("'", "\\'")

    return string.Template(template.read_text(encoding="utf-8")).substitute(
        version_tuple=repr(meta.version_tuple),
        version=quoted(meta.version),
        name=quoted(meta.name),
        product=quoted(meta.product),
        description=quoted(meta.product),
        company=quoted(COMPANY),
        copyright=quoted(f"© {COMPANY}"),
    )


def info_plist(meta: AppMetadata) -> dict[str, object]:
    """Info.plist entries for the macOS bundle (PyInstaller adds the executable and icon)."""
    return {
        "CFBundleName": meta.name,
        "CFBundleDisplayName": meta.product,
        "CFBundleIdentifier": meta.bundle_id,
        "CFBundleShortVersionString": meta.version,
        "CFBundleVersion": meta.version,
        "CFBundleDevelopmentRegion": "en",
        "CFBundleLocalizations": ["en", "zh_CN"],
        "LSApplicationCategoryType": "public.app-category.business",
        "LSMinimumSystemVersion": "12.0",
        "NSHighResolutionCapable": True,
        "NSPrincipalClass": "NSApplication",
        "NSRequiresAquaSystemAppearance": False,
        "NSHumanReadableCopyright": f"© {COMPANY}",
    }


def _imports_of(path: Path, module: str) -> set[str]:
    """Dotted names a Python file imports (``from a import b`` gives ``a`` and ``a.b``);
    relative imports are resolved against ``module``, the file's own dotted name."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except (SyntaxError, UnicodeDecodeError):
        return set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")
                parent = parent[: len(parent) - (node.level - 1)] if node.level > 1 else parent
                base = ".".join([*parent, base]) if base else ".".join(parent)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def _qt_names(imported: Iterable[str]) -> set[str]:
    return {
        parts[1]
        for parts in (name.split(".") for name in imported)
        if len(parts) >= 2 and parts[0] == "PySide6" and parts[1].startswith("Qt")
    }


def package_modules(source: Path) -> dict[str, Path]:
    """Dotted module name → file, for every Python file of the package at ``source``."""
    modules: dict[str, Path] = {}
    for path in sorted(source.rglob("*.py")):
        parts = list(path.relative_to(source.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def qt_modules_imported(source: Path) -> set[str]:
    """Names of the ``PySide6.Qt*`` modules that the Python files under ``source`` import."""
    found: set[str] = set()
    for module, path in package_modules(source).items():
        found |= _qt_names(_imports_of(path, module))
    return found


#: Qt modules that make the bundle far bigger (QtWebEngine alone is about 200 MB).
HEAVY_QT_MODULES = re.compile(
    r"^Qt(WebEngine|WebView|Qml|Quick|Pdf|3D|Multimedia|Charts|DataVisualization|Graphs"
    r"|Location|Sensors|SpatialAudio|TextToSpeech)"
)


def modules_needing_heavy_qt(source: Path) -> set[str]:
    """Modules of the package at ``source`` that import a heavy Qt module, directly or not.

    The spec leaves these out of its hidden imports, so they (and the heavy Qt module) are
    bundled only once the app really imports them: a QtWebEngine feature that nothing opens
    yet does not add 200 MB, and works frozen as soon as the UI imports it.
    """
    modules = package_modules(source)
    imports = {module: _imports_of(path, module) for module, path in modules.items()}
    heavy = {
        module
        for module, names in imports.items()
        if any(HEAVY_QT_MODULES.match(qt) for qt in _qt_names(names))
    }
    changed = True
    while changed:
        changed = False
        for module, names in imports.items():
            if module not in heavy and names & heavy:
                heavy.add(module)
                changed = True
    return heavy


def qt_modules_installed(pyside_dir: Path) -> set[str]:
    """Names of the Qt binding modules in an installed PySide6 (``QtCore``, ``QtQml``, …)."""
    modules = set()
    for path in pyside_dir.iterdir():
        stem = path.name.split(".", 1)[0]
        if stem.startswith("Qt") and path.suffix in {".so", ".pyd"}:
            modules.add(stem)
    return modules


def qt_modules_needed(used: Iterable[str], pyside_dir: Path) -> set[str]:
    """``used`` plus the Qt modules they import in turn (read from PySide6's ``.pyi`` stubs).

    QtWebEngineCore, for one, cannot be imported without QtNetwork and QtWebChannel.
    """
    needed: set[str] = set()
    queue = [*used, *QT_MODULES_ALWAYS]
    while queue:
        module = queue.pop()
        if module in needed:
            continue
        needed.add(module)
        stub = pyside_dir / f"{module}.pyi"
        if stub.is_file():
            text = stub.read_text(encoding="utf-8", errors="replace")
            queue.extend(re.findall(r"^import PySide6\.(Qt\w+)", text, flags=re.MULTILINE))
    return needed


def qt_modules_to_exclude(installed: Iterable[str], needed: Iterable[str]) -> list[str]:
    """``PySide6.<module>`` names to exclude: everything the app neither imports nor needs."""
    keep = set(needed) | QT_MODULES_ALWAYS
    return sorted(f"PySide6.{module}" for module in set(installed) - keep)


#: QtWebEngine's own UI strings (Chromium locale packs) to ship.
WEBENGINE_LOCALES = ("en-US", "zh-CN")


def required_data_files(root: Path, pyside: Path) -> list[tuple[Path, str]]:
    """(file, folder in the bundle) of what the app reads at run time that no import shows:
    the guide's pages and Qt's own catalogues (the file dialog, the wizard's buttons) for
    each language. The spec adds any the analysis missed.

    Raises:
        FileNotFoundError: one of them is not there (the bundle would lack it).
    """
    guides = sorted((root / "desktop" / "ui" / "help").glob("guide_*.html"))
    if not guides:
        raise FileNotFoundError(f"no guide pages in {root / 'desktop' / 'ui' / 'help'}")
    wanted = [(page, "desktop/ui/help") for page in guides]
    qt_folder = pyside / "Qt" / "translations"
    for lang in QT_TRANSLATION_LANGUAGES:
        for name in (f"qtbase_{lang}.qm", f"qt_{lang}.qm"):
            catalogue = qt_folder / name
            if not catalogue.is_file():
                raise FileNotFoundError(f"{catalogue} is missing: Qt's own words would be English")
            wanted.append((catalogue, "PySide6/Qt/translations"))
    return wanted


def keep_data_file(dest: str) -> bool:
    """Whether a collected data file belongs in the bundle (Qt translations: zh_CN and en)."""
    path = PurePath(dest.replace("\\", "/"))
    if "qtwebengine_locales" in path.parts and path.suffix == ".pak":
        return path.stem in WEBENGINE_LOCALES
    if path.name == "qtwebengine_devtools_resources.pak":  # only Chromium's developer tools
        return False
    if "translations" in path.parts and path.suffix == ".qm" and "PySide6" in path.parts:
        if path.stem.startswith("qt_help_"):  # Qt Assistant's, not ours
            return False
        return path.stem.endswith(tuple(f"_{lang}" for lang in QT_TRANSLATION_LANGUAGES))
    return True


def is_host_system_lib(dest: str) -> bool:
    """Whether a collected binary is a Linux system library the app takes from the system."""
    return PurePath(dest.replace("\\", "/")).name in HOST_SYSTEM_LIBS


def _plugin_name(path: PurePath) -> str:
    stem = path.name.split(".", 1)[0]
    return stem.removeprefix("lib")


def keep_binary(dest: str) -> bool:
    """Whether a collected binary belongs in the bundle (drops the unused Qt plugins)."""
    path = PurePath(dest.replace("\\", "/"))
    if "plugins" not in path.parts or "PySide6" not in path.parts:
        return True
    if UNUSED_QT_PLUGIN_DIRS & set(path.parts):
        return False
    return _plugin_name(path) not in UNUSED_QT_PLUGINS


Entry = tuple[str, str, str]


def _name(dest: str) -> str:
    return PurePath(dest.replace("\\", "/")).name


def orphaned_libs(
    kept: list[Entry],
    dropped: list[Entry],
    imports_of: Callable[[str], Iterable[str]],
    dropped_imports_of: Callable[[str], Iterable[str]] | None = None,
) -> set[str]:
    """File names of the libraries that only the ``dropped`` binaries needed.

    PyInstaller collects a plugin's libraries with it (the on-screen keyboard brings QtQml and
    QtQuick); once the plugin is left out, those go too, unless a kept binary links to them
    (so a future QtWebEngine or QtQuick feature keeps what it needs). Likewise a system
    library left to the system (libfreetype) takes along what only it links to (libpng16):
    the system's copy comes with its own.

    Args:
        kept: PyInstaller's ``(dest, source, typecode)`` binaries that stay.
        dropped: the binaries left out (unused plugins, system libraries).
        imports_of: the names (or paths) of the libraries a binary, given by its source path,
            links to itself.
        dropped_imports_of: the same for the dropped binaries, if different: on Linux the
            whole tree ``ldd`` lists, so that what a dropped library reaches only through a
            library PyInstaller never bundles (libX11 → libxcb → libXau) counts as its too.
    """
    by_name = {_name(e[0]): e for e in kept}
    source_of = {name: entry[1] for name, entry in by_name.items()}
    # Kept libraries the dropped binaries reach, then those of them the rest still reach.
    candidates = _reachable(
        [e[1] for e in dropped], dropped_imports_of or imports_of, source_of, set(by_name)
    )
    starts = [e[1] for e in kept if _name(e[0]) not in candidates]
    return candidates - _reachable(starts, imports_of, source_of, candidates)


def _reachable(
    starts: Iterable[str],
    imports_of: Callable[[str], Iterable[str]],
    source_of: dict[str, str],
    within: set[str],
) -> set[str]:
    """The names in ``within`` that the binaries ``starts`` link to, directly or not."""
    found: set[str] = set()
    queue, seen = list(starts), set()
    while queue:
        source = queue.pop()
        if source in seen:
            continue
        seen.add(source)
        for imported in imports_of(source):
            name = _name(imported)
            if name in within and name not in found:
                found.add(name)
                queue.append(source_of[name])
    return found


def without_libs(entries: list[Entry], names: set[str]) -> list[Entry]:
    """``entries`` less the libraries called ``names`` (and, on macOS, their frameworks)."""
    frameworks = {f"{name}.framework" for name in names}

    def dropped(dest: str) -> bool:
        path = PurePath(dest.replace("\\", "/"))
        return path.name in names or bool(frameworks & set(path.parts))

    return [e for e in entries if not dropped(e[0])]


# --- QtCore's ICU data (Linux) ---------------------------------------------------------------
# PySide6's Linux wheel ships ICU for QtCore; its data library libicudata.so.73 is 32 MB, all
# languages and every feature. (QtWebEngine has its own ICU data, icudtl.dat, untouched; the
# Windows and macOS wheels ship no ICU.) QtCore calls ICU only for collation (QCollator),
# locale-aware case mapping, time-zone display names and legacy text codecs (ucol_*,
# u_strTo{Upper,Lower}, ucal_*, ucnv_*: `nm -D libQt6Core.so.6 | grep _73`). The build
# slices the data the way ICU's own Data Build Tool does (a locale filter and feature
# filters, unicode-org.github.io/icu/userguide/icu_data/buildtool), with icupkg on the
# prebuilt data: see build/icu_data.py. About 32 MB → 5 MB.

#: Languages whose locale data stays (every regional variant of each, and the root locale).
ICU_LANGUAGES = frozenset({"en", "zh"})

#: Data of ICU services QtCore never calls: break iteration and its dictionaries (brkitr),
#: transliteration, spelled-out numbers (rbnf), character names, spoof checking, stringprep.
ICU_UNUSED_TREES = frozenset({"brkitr", "translit", "rbnf"})
ICU_UNUSED_FILES = frozenset({"unames.icu", "confusables.cfu"})
ICU_UNUSED_SUFFIXES = frozenset({".spp"})

#: Legacy codecs (QStringDecoder by name) kept: Chinese (GB18030, GBK, GB2312, Big5) and
#: Windows-1252, with the base tables GBK and Big5 extend. UTF-8/16/32, Latin-1 and ASCII
#: are built into Qt and ICU.
ICU_CONVERTERS = frozenset(
    {
        "gb18030",
        "windows-936-2000",
        "ibm-1386_P100-2001",  # GBK's base table
        "ibm-1383_P110-1999",  # EUC-CN (GB2312)
        "ibm-5478_P100-1995",  # GB_2312-80
        "windows-950-2000",
        "ibm-1373_P100-2002",  # Big5's base table
        "ibm-5348_P100-1997",  # Windows-1252
    }
)

#: Names in a locale tree that are not locales.
_ICU_NOT_LOCALES = frozenset({"pool", "res_index"})


def _icu_language(stem: str) -> str | None:
    """The language of a locale resource (``zh_Hans_CN`` → ``zh``), None if not a locale."""
    if stem in _ICU_NOT_LOCALES:
        return None
    if stem == "root":
        return stem
    match = re.match(r"^([a-z]{2,3})(?:_|$)", stem)
    return match.group(1) if match else None


def _icu_locale_kept(item: str) -> bool:
    """False for the locale data (``.res`` of a locale) of a language not in ICU_LANGUAGES."""
    stem, _, suffix = item.rpartition("/")[2].rpartition(".")
    if suffix != "res":
        return True
    language = _icu_language(stem)
    return language is None or language == "root" or language in ICU_LANGUAGES


def keep_icu_item(item: str) -> bool:
    """Whether an item of QtCore's ICU data package (``coll/zh.res``, ``gb18030.cnv``) stays."""
    tree, _, name = item.rpartition("/")
    stem, dot, suffix = name.rpartition(".")
    if tree.split("/")[0] in ICU_UNUSED_TREES or name in ICU_UNUSED_FILES:
        return False
    if f"{dot}{suffix}" in ICU_UNUSED_SUFFIXES:
        return False
    if suffix == "cnv":
        return stem in ICU_CONVERTERS
    return _icu_locale_kept(item)


#: QtWebEngine's own ICU data (Chromium's, ``resources/icudtl.dat``, 10.5 MB), sliced on
#: Linux like its UI strings (WEBENGINE_LOCALES): the locale data of English and Chinese
#: stays, every feature too (Chromium breaks the page's text into lines and words, decodes
#: legacy encodings, and answers the page's Intl calls with it). A page that asks for another
#: locale's formats (Intl.DateTimeFormat("de")) gets the default locale's, as for any
#: locale ICU lacks. About 4.3 MB less.
WEB_ICU_DATA = "icudtl.dat"


def keep_web_icu_item(item: str) -> bool:
    """Whether an item of QtWebEngine's ICU data package stays."""
    return _icu_locale_kept(item)


def icu_items_to_remove(items: Iterable[str]) -> list[str]:
    """The items of an ICU data package (as ``icupkg -l`` lists them) to leave out."""
    return sorted(item for item in items if not keep_icu_item(item))

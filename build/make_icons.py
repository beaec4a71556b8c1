"""Make the app icons (``resources/app-icon.{png,ico,icns}``) from ``resources/app-icon.svg``.

Qt renders the SVG once per size, so every size is drawn crisp rather than scaled down from a
big bitmap. Qt's own ICO and ICNS writers store one image only (and its ICNS table of contents
is not read back cleanly), so Pillow packs the Qt-rendered sizes into the two containers.

Run ``python build/make_icons.py`` after editing the SVG, then commit the three results.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "resources" / "app-icon.svg"
PNG_SIZE = 512
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(renderer: QSvgRenderer, size: int) -> Image.Image:
    """Render the SVG into a square RGBA Pillow image of ``size`` pixels."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return Image.open(io.BytesIO(bytes(data.data()))).convert("RGBA")


def make_icons(source: Path = SOURCE, out_dir: Path | None = None) -> list[Path]:
    """Write ``app-icon.png``, ``.ico`` and ``.icns`` beside the source (or into ``out_dir``)."""
    out = out_dir or source.parent
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source}: not a valid SVG for Qt")
    stem = source.stem
    png = out / f"{stem}.png"
    render(renderer, PNG_SIZE).save(png, optimize=True)

    ico = out / f"{stem}.ico"
    ico_images = [render(renderer, n) for n in ICO_SIZES]
    ico_images[-1].save(
        ico,
        format="ICO",
        sizes=[(n, n) for n in ICO_SIZES],
        append_images=ico_images[:-1],
    )

    icns = out / f"{stem}.icns"
    icns_images = [render(renderer, n) for n in ICNS_SIZES]
    icns_images[-1].save(icns, format="ICNS", append_images=icns_images[:-1])
    return [png, ico, icns]


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    del app
    for path in make_icons():
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

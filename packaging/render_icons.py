"""Render the app icon SVG into the PNG sizes, the Windows .ico and the macOS .icns we ship."""

from __future__ import annotations

import argparse
import io
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from worksheet import APP_ID  # noqa: E402

SVG = ROOT / "resources" / "icons" / "deal-worksheet.svg"
# The sizes freedesktop icon themes look for (hicolor), 16 px up to 512 px.
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types that hold PNG data, by pixel size (the @2x slots reuse the larger sizes).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"icp6", 64),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),
    (b"ic09", 512),
    (b"ic14", 512),
    (b"ic10", 1024),
)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn by Qt's own renderer (the one the window uses) as a square PNG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
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
    return bytes(data.data())


def make_ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon holding PNG images (Vista and later read PNG entries at every size)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries = io.BytesIO()
    payload = io.BytesIO()
    for size in sizes:
        data = pngs[size]
        # A width/height byte of 0 means 256.
        side = 0 if size >= 256 else size
        entries.write(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset))
        payload.write(data)
        offset += len(data)
    return header + entries.getvalue() + payload.getvalue()


def make_icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS icon family whose elements are PNG images (read by macOS 10.7 and later)."""
    body = io.BytesIO()
    for kind, size in ICNS_TYPES:
        data = pngs[size]
        body.write(kind + struct.pack(">I", len(data) + 8) + data)
    content = body.getvalue()
    return b"icns" + struct.pack(">I", len(content) + 8) + content


def write_if_changed(path: Path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def outputs(pngs: dict[int, bytes]) -> dict[Path, bytes]:
    """Every file this script makes, by path."""
    files: dict[Path, bytes] = {}
    hicolor = ROOT / "packaging" / "linux" / "icons" / "hicolor"
    files[hicolor / "scalable" / "apps" / f"{APP_ID}.svg"] = SVG.read_bytes()
    for size in PNG_SIZES:
        files[hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = pngs[size]
        files[ROOT / "resources" / "icons" / f"deal-worksheet-{size}.png"] = pngs[size]
    files[ROOT / "packaging" / "windows" / "deal-worksheet.ico"] = make_ico(
        {size: pngs[size] for size in ICO_SIZES}
    )
    files[ROOT / "packaging" / "macos" / "deal-worksheet.icns"] = make_icns(pngs)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--check", action="store_true", help="only report files that are missing or stale"
    )
    args = parser.parse_args(argv)
    sizes = sorted({*PNG_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)})
    pngs = {size: render_png(SVG, size) for size in sizes}
    stale = []
    for path, data in outputs(pngs).items():
        if args.check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(path)
        elif write_if_changed(path, data):
            print(f"wrote {path.relative_to(ROOT)} ({len(data):,} bytes)")
    if stale:
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

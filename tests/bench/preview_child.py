"""Print Preview benchmark child: open the preview on the sample, time until its page is drawn.

Prints one JSON line: {"preview": [seconds…], "baseline": [seconds…]} or {"error": "…"}.
The baseline is a bare QPrintPreviewWidget drawing a ready page image of the same size.
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WARMUP = 2


def measure(path: Path, repeats: int) -> dict:
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

    from worksheet.ui import print_flow
    from worksheet.ui.launch import make_app
    from worksheet.ui.main_window import MainWindow

    app = make_app()
    window = MainWindow(autosave=False)
    if not window.open_path(path):
        raise RuntimeError(f"the window could not open {path.name}")
    window.show()
    app.processEvents()
    samples = []
    for i in range(WARMUP + repeats):
        start = time.perf_counter()
        dialog = print_flow.preview_deal(window, show=False)
        dialog.show()
        app.processEvents()
        if dialog.view.pageCount() != 1:
            raise AssertionError("the preview did not draw its page")
        elapsed = time.perf_counter() - start
        if i >= WARMUP:
            samples.append(elapsed)
        dialog.close()
        dialog.deleteLater()
        app.processEvents()

    page = QImage(1240, 1754, QImage.Format.Format_RGB888)
    page.fill(0xFFFFFF)
    base = []
    for i in range(WARMUP + repeats):
        start = time.perf_counter()
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setResolution(print_flow.PREVIEW_DPI)
        view = QPrintPreviewWidget(printer)

        def paint(device, view=view):
            painter = QPainter(device)
            painter.drawImage(0, 0, page)
            painter.end()

        view.paintRequested.connect(paint)
        view.resize(760, 860)
        view.show()
        app.processEvents()
        if i >= WARMUP:
            base.append(time.perf_counter() - start)
        view.close()
        view.deleteLater()
        app.processEvents()
    window.close()
    return {"preview": samples, "baseline": base}


def main(argv: list[str]) -> int:
    try:
        result = measure(Path(argv[0]), int(argv[1]))
    except Exception as exc:  # any failure becomes a row note, never a crash
        detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
        result = {"error": detail}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Pictures of every section of the window at laptop sizes, to look at (and for docs/).

    python scripts/screenshots.py OUT_FOLDER [FILE.deal] [--size 1366x728 ...]

Each section in SECTIONS is shown with its first table row selected (so the detail editors
show), and saved as OUT_FOLDER/<section>-<width>x<height>.png. Runs offscreen unless a display
is given.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

SIZES = ("1366x728", "1280x720", "1024x640")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("file", nargs="?")
    parser.add_argument("--size", action="append", help="WIDTHxHEIGHT (default: three laptops)")
    parser.add_argument("--summary-hidden", action="store_true")
    args = parser.parse_args(argv)
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from worksheet import paths

    paths.set_base(tempfile.mkdtemp(prefix="deal-shots-"))  # no settings of the user's
    from worksheet.ui.launch import make_app
    from worksheet.ui.main_window import MainWindow
    from worksheet.ui.pages import KEYS
    from worksheet.ui.pages.table import TableView

    app: QApplication = make_app()
    window = MainWindow(autosave=False)
    source = Path(args.file) if args.file else paths.default_sample()
    window.open_path(source)
    window.show()
    if args.summary_hidden:
        window.navigation.set_summary_visible(False)
    args.out.mkdir(parents=True, exist_ok=True)
    for size in args.size or SIZES:
        width, height = (int(n) for n in size.split("x"))
        window.resize(width, height)
        for key in KEYS:
            page = window.show_page(key)
            for view in page.findChildren(TableView):
                if view.model().rowCount() and not view.currentIndex().isValid():
                    view.setCurrentIndex(view.model().index(0, 0))
            for _ in range(3):
                app.processEvents()
            target = args.out / f"{key}-{width}x{height}.png"
            window.grab().save(str(target), "PNG")
            print(target)
    window.doc.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

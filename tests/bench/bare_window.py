"""Baseline child: a bare PySide6 QMainWindow at 1280×800, shown, grabbed to a PNG, then exit."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMainWindow


def main(out: str) -> int:
    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    # The same PNG settings as the app's --screenshot (worksheet.ui.launch.PNG_QUALITY: zlib's
    # fast level), so encoding the picture costs both sides alike. Not imported: the baseline
    # must not load any of the app's code.
    if not window.grab().save(out, "PNG", 80):
        print(f"could not write {out}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

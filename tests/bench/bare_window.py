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
    if not window.grab().save(out, "PNG"):
        print(f"could not write {out}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

"""Baseline child: openpyxl opens a workbook and reads one cell, then exit."""

from __future__ import annotations

import sys

from openpyxl import load_workbook


def main(path: str) -> int:
    book = load_workbook(path)
    print(book.active["A1"].value)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

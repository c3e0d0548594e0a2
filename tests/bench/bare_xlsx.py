"""Baseline child: openpyxl writes a workbook with one cell, then exit."""

from __future__ import annotations

import sys

from openpyxl import Workbook


def main(out: str) -> int:
    book = Workbook()
    book.active["A1"] = "Deal Worksheet"
    book.save(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

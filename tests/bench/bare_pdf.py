"""Baseline child: reportlab writes a one-line, one-page PDF, then exit."""

from __future__ import annotations

import sys

from reportlab.pdfgen.canvas import Canvas


def main(out: str) -> int:
    canvas = Canvas(out)
    canvas.drawString(72, 720, "Deal Worksheet")
    canvas.showPage()
    canvas.save()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

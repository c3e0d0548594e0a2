"""Composition root: parse the arguments, set up logging, start Qt only for the window."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from worksheet.cli import main as cli_main
    from worksheet.log import setup_logging

    args = list(sys.argv[1:] if argv is None else argv)
    # The window and exports log to the user log folder; `summary` stays quiet and file-free.
    if not args or args[0] != "summary":
        setup_logging(debug="--debug" in args)
    code = cli_main(args)
    # The process ends now: keep the collector from sweeping every object once more on the way
    # out (an export leaves tens of thousands of font-table and workbook objects).
    from worksheet.speed import freeze_survivors

    freeze_survivors()
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

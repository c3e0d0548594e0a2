"""Composition root: parse the arguments, set up logging, start Qt only when the window is asked for."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from worksheet.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

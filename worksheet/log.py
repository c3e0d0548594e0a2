"""Logging set-up: a rotating file in the user log folder, and `--debug` for more detail."""

from __future__ import annotations

import logging
import sys

_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def setup_logging(debug: bool = False) -> None:
    """Log warnings (or everything with --debug) to stderr and to a rotating file.

    A folder that cannot be written (read-only home, full disk) costs the log file, never the app.
    """
    from logging.handlers import RotatingFileHandler

    from worksheet import paths

    root = logging.getLogger()
    if getattr(root, "_deal_worksheet_configured", False):
        return
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.DEBUG if debug else logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(console)
    try:
        folder = paths.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            folder / "deal-worksheet.log", maxBytes=512 * 1024, backupCount=3, encoding="utf-8"
        )
    except OSError as exc:
        logging.getLogger(__name__).debug("no log file: %s", exc)
    else:
        handler.setFormatter(logging.Formatter(_FORMAT))
        root.addHandler(handler)
    root._deal_worksheet_configured = True  # type: ignore[attr-defined]

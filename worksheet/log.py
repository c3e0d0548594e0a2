"""Logging set-up: a log file in the user log folder, kept small by rotation, and `--debug`."""

from __future__ import annotations

import logging
import os
import sys

_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
LOG_NAME = "deal-worksheet.log"
MAX_BYTES = 512 * 1024
BACKUPS = 3


def rotate(path: os.PathLike | str, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> None:
    """Once per start: a log over `max_bytes` becomes `.1` (and `.1` becomes `.2`, …).

    Rotating at start rather than while running keeps `logging.handlers` (and the socket,
    pickle and queue modules it pulls in) off the start-up path.
    """
    path = os.fspath(path)
    try:
        if os.path.getsize(path) < max_bytes:
            return
    except OSError:
        return
    for n in range(backups - 1, 0, -1):
        older = f"{path}.{n}"
        if os.path.exists(older):
            os.replace(older, f"{path}.{n + 1}")
    os.replace(path, f"{path}.1")


def setup_logging(debug: bool = False) -> None:
    """Log warnings (or everything with --debug) to stderr and to the log file.

    A folder that cannot be written (read-only home, full disk) costs the log file, never the app.
    """
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
        rotate(folder / LOG_NAME)
        # delay: the file is opened on the first record, so a quiet run touches nothing.
        handler = logging.FileHandler(folder / LOG_NAME, encoding="utf-8", delay=True)
    except OSError as exc:
        logging.getLogger(__name__).debug("no log file: %s", exc)
    else:
        handler.setFormatter(logging.Formatter(_FORMAT))
        root.addHandler(handler)
    root._deal_worksheet_configured = True  # type: ignore[attr-defined]

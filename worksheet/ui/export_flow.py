"""The export flow of the window: ask where, write the PDF or workbook, report notes and errors.

Kept out of the window's module: it runs only when the user exports, never at start-up.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStatusBar

from worksheet.export.registry import exporter
from worksheet.ui.files import suggested_file_name

log = logging.getLogger(__name__)


class ExportHost(Protocol):
    """What the flow needs of the window (so this module never imports the window's)."""

    doc: Any
    actions: Any
    files: Any

    def statusBar(self) -> QStatusBar: ...


def export_deal(window: ExportHost, kind: str) -> bool:
    """Export the open deal as "pdf" or "xlsx"; False when cancelled or failed (already said)."""
    from worksheet.ui import dialogs

    if not window.files.fields_ready("exported"):
        return False
    discreet = window.actions.discreet.isChecked()
    chosen = exporter(kind)
    try:
        chosen.load()
    except ImportError as exc:
        dialogs.show_error(
            window,
            "Export is not available",
            f"This build cannot write {kind.upper()} files ({exc}).",
        )
        return False
    if discreet:
        from worksheet.present.discreet import LEFT_OUT, SHOWN

        # The user sees what a discreet copy leaves out before choosing where it goes.
        if not dialogs.confirm_discreet(window, chosen.title, SHOWN, LEFT_OUT):
            return False
    suffix = chosen.suffix
    folder = window.doc.path.parent if window.doc.path else Path(dialogs.documents_dir())
    suggested = (
        str(folder / suggested_file_name(window.doc.deal.title)).removesuffix(".deal") + suffix
    )
    path = dialogs.ask_export_path(window, chosen.title, suggested, chosen.name_filter)
    if not path:
        return False
    if not Path(path).suffix:
        path += suffix
    from worksheet.io.atomic import WriteRefused, same_file, shown

    if window.doc.path is not None and same_file(path, window.doc.path):
        dialogs.show_error(
            window,
            "Choose another name",
            f"{shown(path)} is the deal itself; exporting there would replace the worksheet.",
        )
        return False
    # The window's own question (the dialog does not ask): once, on the final name.
    if window.files.confirm_target(Path(path)) is None:
        return False
    deal = window.doc.snapshot()
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = chosen.run(deal, path, discreet=discreet, paper=None)
    except WriteRefused as exc:
        QApplication.restoreOverrideCursor()
        dialogs.show_error(window, "Export failed", str(exc))
        return False
    except OSError as exc:
        QApplication.restoreOverrideCursor()
        dialogs.show_error(
            window, "Export failed", f"Could not write {path}: {exc.strerror or exc}"
        )
        return False
    except Exception as exc:  # an exporter bug must not take the unsaved worksheet with it
        QApplication.restoreOverrideCursor()
        log.exception("export failed")
        dialogs.show_error(window, "Export failed", f"Could not write {path}: {exc}")
        return False
    QApplication.restoreOverrideCursor()
    notes = chosen.notes(result)
    what = "discreet " if discreet else ""
    window.statusBar().showMessage(f"Exported the {what}{kind.upper()} to {Path(path).name}", 8_000)
    if notes:
        dialogs.show_info(window, "Export notes", f"Wrote {Path(path).name}.", "\n".join(notes))
    return True

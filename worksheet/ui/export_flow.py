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
from worksheet.i18n import _
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
            _("Export is not available"),
            _("This build cannot write {kind} files ({reason}).").format(
                kind=kind.upper(), reason=exc
            ),
        )
        return False
    if discreet:
        from worksheet.present.discreet import LEFT_OUT, SHOWN

        # The user sees what a discreet copy leaves out before choosing where it goes.
        if not dialogs.confirm_discreet(window, _(chosen.title), SHOWN, LEFT_OUT):
            return False
    suffix = chosen.suffix
    folder = window.doc.path.parent if window.doc.path else Path(dialogs.documents_dir())
    suggested = (
        str(folder / suggested_file_name(window.doc.deal.title)).removesuffix(".deal") + suffix
    )
    path = dialogs.ask_export_path(window, _(chosen.title), suggested, _(chosen.name_filter))
    if not path:
        return False
    if not Path(path).suffix:
        path += suffix
    from worksheet.io.atomic import WriteRefused, same_file, shown

    if window.doc.path is not None and same_file(path, window.doc.path):
        dialogs.show_error(
            window,
            _("Choose another name"),
            _("{path} is the deal itself; exporting there would replace the worksheet.").format(
                path=shown(path)
            ),
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
        dialogs.show_error(window, _("Export failed"), str(exc))
        return False
    except OSError as exc:
        QApplication.restoreOverrideCursor()
        dialogs.show_error(
            window,
            _("Export failed"),
            _("Could not write {path}: {reason}").format(path=path, reason=exc.strerror or exc),
        )
        return False
    except Exception as exc:  # an exporter bug must not take the unsaved worksheet with it
        QApplication.restoreOverrideCursor()
        log.exception("export failed")
        dialogs.show_error(
            window,
            _("Export failed"),
            _("Could not write {path}: {reason}").format(path=path, reason=exc),
        )
        return False
    QApplication.restoreOverrideCursor()
    notes = chosen.notes(result)
    if discreet:
        done = _("Exported the discreet {kind} to {name}")
    else:
        done = _("Exported the {kind} to {name}")
    window.statusBar().showMessage(done.format(kind=kind.upper(), name=Path(path).name), 8_000)
    if notes:
        wrote = _("Wrote {name}.").format(name=Path(path).name)
        dialogs.show_info(window, _("Export notes"), wrote, "\n".join(notes))
    return True

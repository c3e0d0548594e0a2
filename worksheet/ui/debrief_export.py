"""Export the debrief PDF from the Debrief page: ask where, write atomically, say how it went."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from worksheet.i18n import _
from worksheet.ui.document import DealDocument
from worksheet.ui.files import suggested_file_name

log = logging.getLogger(__name__)


def export_debrief(page: QWidget, doc: DealDocument) -> bool:
    from worksheet.export.pdf.debrief import export_debrief as write
    from worksheet.ui import dialogs

    window = page.window()
    folder = doc.path.parent if doc.path else Path(dialogs.documents_dir())
    stem = str(folder / suggested_file_name(doc.deal.title)).removesuffix(".deal")
    path = dialogs.ask_export_path(
        window, _("Export Debrief PDF"), stem + " debrief.pdf", _("PDF files (*.pdf)")
    )
    if not path:
        return False
    if not Path(path).suffix:
        path += ".pdf"
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        write(doc.snapshot(), path)
    except OSError as exc:
        QApplication.restoreOverrideCursor()
        dialogs.show_error(
            window,
            _("Export failed"),
            _("Could not write {file}: {error}").format(file=path, error=exc.strerror or exc),
        )
        return False
    except Exception as exc:  # an exporter bug must not take the unsaved worksheet with it
        QApplication.restoreOverrideCursor()
        log.exception("debrief export failed")
        dialogs.show_error(
            window,
            _("Export failed"),
            _("Could not write {file}: {error}").format(file=path, error=exc),
        )
        return False
    QApplication.restoreOverrideCursor()
    page.message.emit(_("Exported the debrief to {file}").format(file=Path(path).name))
    return True

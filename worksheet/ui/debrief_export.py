"""Export the debrief PDF from the Debrief page: ask where, write atomically, say how it went."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from worksheet.i18n import _
from worksheet.ui.document import DealDocument
from worksheet.ui.export_flow import checked_write
from worksheet.ui.files import suggested_file_name


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
    written, _result = checked_write(window, path, lambda: write(doc.snapshot(), path))
    if not written:
        return False
    page.message.emit(_("Exported the debrief to {file}").format(file=Path(path).name))
    return True

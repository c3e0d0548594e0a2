"""File › Print… and Print Preview: the page Export PDF writes, rasterized and sent to a printer.

There is one layout engine, the PDF exporter. Printing renders its PDF page with PDFium
(`pypdfium2`) at the printer's resolution and paints that image through QPrinter, so the paper
shows exactly the exported sheet. Printing to a PDF file writes the exported PDF itself (text
stays text, nothing is rasterized).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from worksheet.domain.deal import Deal
from worksheet.i18n import N_, _
from worksheet.present import discreet as discreet_policy

if TYPE_CHECKING:
    from worksheet.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: The preview's resolution: sharp at the usual zoom, quick to rasterize.
PREVIEW_DPI = 150
#: Printers report up to 1200 dpi; past 600 the page image only grows (a 1200 dpi A4 page is
#: over half a gigabyte), the print does not get sharper to the eye.
MAX_PRINT_DPI = 600

PAPER_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
PAPER_WORDS = {"a4": N_("A4"), "letter": N_("US Letter")}


def sheet_pdf(deal: Deal, paper: str, discreet: bool) -> bytes:
    """The bytes Export PDF writes for this deal, paper and policy."""
    from worksheet.export.pdf import render_pdf

    return render_pdf(deal, paper=paper, discreet=discreet)


def rasterize(pdf: bytes, dpi: float, page: int = 0) -> QImage:
    """One page of a PDF as an RGB image at `dpi`, by PDFium."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        bitmap = document[page].render(scale=dpi / 72.0, rev_byteorder=True)
        image = QImage(
            bitmap.buffer,
            bitmap.width,
            bitmap.height,
            bitmap.stride,
            QImage.Format.Format_RGB888,
        )
        return image.copy()  # own the pixels: the bitmap is freed with the document
    finally:
        document.close()


def page_count(pdf: bytes) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def paper_of(printer: QPrinter) -> str:
    """ "letter" or "a4" for the printer's page size (anything else prints on A4's layout)."""
    size = printer.pageLayout().pageSize().id()
    return "letter" if size == QPageSize.PageSizeId.Letter else "a4"


def set_paper(printer: QPrinter, paper: str) -> None:
    """The sheet carries its own margins: the printer gets the bare page, portrait."""
    layout = QPageLayout(
        QPageSize(PAPER_SIZES[paper]),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
    )
    printer.setFullPage(True)
    printer.setPageLayout(layout)


def paint_page(printer: QPrinter, image: QImage) -> None:
    """Paint the page image over the whole paper (the image already holds the margins)."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not start the page")
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        paper = printer.paperRect(QPrinter.Unit.DevicePixel)
        painter.drawImage(QRectF(0, 0, paper.width(), paper.height()), image)
    finally:
        painter.end()


def print_sheet(
    printer: QPrinter, deal: Deal, paper: str, discreet: bool, *, raster: bool = False
) -> None:
    """Print the sheet. A PDF file gets the exported PDF itself unless `raster` (used to see
    on a PDF exactly what a printer receives)."""
    pdf = sheet_pdf(deal, paper, discreet)
    target = printer.outputFileName()
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and target and not raster:
        from worksheet.export.pdf import export_pdf

        export_pdf(deal, target, paper=paper, discreet=discreet)
        return
    set_paper(printer, paper)
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    paint_page(printer, rasterize(pdf, dpi))


class PrintPreview(QDialog):
    """The page as it will print, with the paper and discreet choice beside it."""

    def __init__(self, deal: Deal, paper: str, discreet: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("print-preview")
        self.setWindowTitle(_("Print Preview"))
        self.deal = deal
        self._cache: dict[tuple[str, bool], tuple[bytes, QImage]] = {}
        self.printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        self.printer.setResolution(PREVIEW_DPI)
        set_paper(self.printer, paper)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(_("Paper:")))
        self.paper = QComboBox()
        self.paper.setAccessibleName(_("Paper"))
        for key, words in PAPER_WORDS.items():
            self.paper.addItem(_(words), key)
        self.paper.setCurrentIndex(self.paper.findData(paper))
        bar.addWidget(self.paper)
        self.discreet = QCheckBox(
            # Translators: {what} is the discreet policy in a few words.
            _("Discreet copy: {what}").format(what=_(discreet_policy.IN_SHORT))
        )
        self.discreet.setChecked(discreet)
        bar.addWidget(self.discreet)
        bar.addStretch(1)
        self.print_button = QPushButton(_("Print…"))
        self.print_button.setDefault(True)
        close = QPushButton(_("Close"))
        bar.addWidget(self.print_button)
        bar.addWidget(close)

        self.view = QPrintPreviewWidget(self.printer, self)
        self.view.setObjectName("print-preview-page")
        self.view.paintRequested.connect(self._paint)
        self.view.setZoomMode(QPrintPreviewWidget.ZoomMode.FitInView)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.paper.currentIndexChanged.connect(self._changed)
        self.discreet.toggled.connect(self._changed)
        self.print_button.clicked.connect(self._print)
        close.clicked.connect(self.reject)
        self.resize(760, 900)

    def choice(self) -> tuple[str, bool]:
        return self.paper.currentData(), self.discreet.isChecked()

    def page(self) -> tuple[bytes, QImage]:
        """The exported PDF for the current choice and its page image at the preview's dpi."""
        key = self.choice()
        hit = self._cache.get(key)
        if hit is None:
            pdf = sheet_pdf(self.deal, *key)
            hit = (pdf, rasterize(pdf, self.printer.resolution()))
            self._cache[key] = hit
        return hit

    def _paint(self, printer: QPrinter) -> None:
        paint_page(printer, self.page()[1])

    def _changed(self) -> None:
        from worksheet.ui.export_flow import remember_paper

        paper, _discreet = self.choice()
        remember_paper(paper)
        set_paper(self.printer, paper)
        self.view.updatePreview()

    def _print(self) -> None:
        paper, discreet = self.choice()
        if print_with_dialog(self, self.deal, paper, discreet):
            self.accept()


def ask_print(printer: QPrinter, parent: QWidget | None) -> bool:
    """The platform's print dialog; True to print. Tests replace this."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print Prep Sheet"))
    return dialog.exec() == QDialog.DialogCode.Accepted


def print_with_dialog(parent: QWidget | None, deal: Deal, paper: str, discreet: bool) -> bool:
    from worksheet.ui import dialogs

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    set_paper(printer, paper)
    if not ask_print(printer, parent):
        return False
    chosen = paper_of(printer)  # the print dialog may have changed the paper
    try:
        print_sheet(printer, deal, chosen, discreet)
    except Exception as exc:  # a printer problem must not take the worksheet with it
        log.exception("printing failed")
        dialogs.show_error(
            parent, _("Printing failed"), _("Could not print: {error}").format(error=exc)
        )
        return False
    return True


def paper_choice() -> str:
    """The remembered paper, else the one the locale uses."""
    from worksheet.ui.export_flow import chosen_paper

    chosen = chosen_paper()
    if chosen is not None:
        return chosen
    from worksheet.export.pdf import default_paper

    return default_paper()


def print_deal(window: MainWindow) -> bool:
    """File › Print…"""
    deal = window.doc.snapshot()
    done = print_with_dialog(window, deal, paper_choice(), window.actions.discreet.isChecked())
    if done:
        window.statusBar().showMessage(_("Sent the prep sheet to the printer."), 8_000)
    return done


def preview_deal(window: MainWindow, *, show: bool = True) -> PrintPreview:
    """File › Print Preview. With `show=False` the dialog is returned unopened (tests)."""
    dialog = PrintPreview(
        window.doc.snapshot(), paper_choice(), window.actions.discreet.isChecked(), window
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, show)
    if show:
        dialog.open()
    return dialog

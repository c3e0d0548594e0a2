"""The export flow of the window: ask where, write the PDF or workbook, report notes and errors.

Kept out of the window's module: it runs only when the user exports, never at start-up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QStatusBar, QWidget

from worksheet.export.registry import exporter
from worksheet.i18n import _
from worksheet.ui.document import settings
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
    folder = last_export_folder(window)
    suggested = (
        str(folder / suggested_file_name(window.doc.deal.title)).removesuffix(".deal") + suffix
    )
    path = dialogs.ask_export_path(window, _(chosen.title), suggested, _(chosen.name_filter))
    if not path:
        return False
    if not Path(path).suffix:
        path += suffix

    def write():
        deal = window.doc.snapshot()
        if kind == "xlsx":
            remember_deal_id(window)
            deal = window.doc.snapshot()
        return chosen.run(
            deal, path, discreet=discreet, paper=chosen_paper() if kind == "pdf" else None
        )

    written, result = checked_write(window, path, write)
    if not written:
        return False
    notes = chosen.notes(result)
    if discreet:
        done = _("Exported the discreet {kind} to {name}")
    else:
        done = _("Exported the {kind} to {name}")
    window.statusBar().showMessage(done.format(kind=kind.upper(), name=Path(path).name), 8_000)
    settings().setValue(LAST_FOLDER_KEY, str(Path(path).resolve().parent))
    show_done(window, Path(path))
    if notes:
        wrote = _("Wrote {name}.").format(name=Path(path).name)
        dialogs.show_info(window, _("Export notes"), wrote, "\n".join(notes))
    return True


LAST_FOLDER_KEY = "lastExportFolder"
PAPER_KEY = "paper"


def checked_write(window: ExportHost, path: str, write: Callable[[], Any]) -> tuple[bool, Any]:
    """Write one export the way every export is written: never over the deal itself, the
    replace question asked once on the final name, a wait cursor while `write()` runs, and any
    failure said in a dialog. Returns (False, None) when cancelled or failed."""
    from worksheet.io.atomic import WriteRefused, same_file, shown
    from worksheet.ui import dialogs

    if window.doc.path is not None and same_file(path, window.doc.path):
        dialogs.show_error(
            window,
            _("Choose another name"),
            _("{path} is the deal itself; exporting there would replace the worksheet.").format(
                path=shown(path)
            ),
        )
        return False, None
    # The window's own question (the file dialog does not ask): once, on the final name.
    if window.files.confirm_target(Path(path)) is None:
        return False, None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return True, write()
    except WriteRefused as exc:
        QApplication.restoreOverrideCursor()
        dialogs.show_error(window, _("Export failed"), str(exc))
    except OSError as exc:
        QApplication.restoreOverrideCursor()
        dialogs.show_error(
            window,
            _("Export failed"),
            _("Could not write {path}: {reason}").format(path=path, reason=exc.strerror or exc),
        )
    except Exception as exc:  # an exporter bug must not take the unsaved worksheet with it
        QApplication.restoreOverrideCursor()
        log.exception("export failed")
        dialogs.show_error(
            window,
            _("Export failed"),
            _("Could not write {path}: {reason}").format(path=path, reason=exc),
        )
    else:
        QApplication.restoreOverrideCursor()
    return False, None


def last_export_folder(window: ExportHost) -> Path:
    """Where the last export went, else beside the deal's file, else the documents folder."""
    from worksheet.ui import dialogs

    remembered = settings().value(LAST_FOLDER_KEY, "", type=str)
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    return window.doc.path.parent if window.doc.path else Path(dialogs.documents_dir())


def chosen_paper() -> str | None:
    """The paper the user chose last (export dialog or print preview); None: the locale's."""
    value = settings().value(PAPER_KEY, "", type=str)
    return value if value in ("a4", "letter") else None


def remember_paper(paper: str) -> None:
    if paper in ("a4", "letter"):
        settings().setValue(PAPER_KEY, paper)


def remember_deal_id(window: ExportHost) -> None:
    """Keep the id the workbook is marked with in the deal, so a later title change cannot make
    the manager's workbook look like another deal's. Not an edit of the user's: no undo step;
    it is written with the next save."""
    from worksheet.domain.signoff import DEAL_ID_KEY, deal_id

    extra = window.doc.deal.extra
    if not isinstance(extra.get(DEAL_ID_KEY), str) or not extra.get(DEAL_ID_KEY):
        extra[DEAL_ID_KEY] = deal_id(window.doc.deal)


class ExportDone(QWidget):
    """In the status bar after an export: the file's name, Open and Show in Folder."""

    def __init__(self, path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("export-done")
        self.path = path
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel(_("Last export: {file}").format(file=path.name))
        label.setTextFormat(Qt.TextFormat.PlainText)
        self.open_button = QPushButton(_("Open"))
        self.folder_button = QPushButton(_("Show in Folder"))
        for button in (self.open_button, self.folder_button):
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setAutoDefault(False)
        self.open_button.setToolTip(_("Open {file} in its usual app").format(file=path.name))
        self.folder_button.setToolTip(_("Show the folder {folder}").format(folder=path.parent))
        self.open_button.clicked.connect(lambda: open_url(path))
        self.folder_button.clicked.connect(lambda: open_url(path.parent))
        row.addWidget(label)
        row.addWidget(self.open_button)
        row.addWidget(self.folder_button)


def open_url(path: Path) -> bool:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_done(window: ExportHost, path: Path) -> None:
    bar = window.statusBar()
    old = getattr(window, "export_done", None)
    if old is not None:
        bar.removeWidget(old)
        old.deleteLater()
    done = ExportDone(path, bar)
    bar.addPermanentWidget(done)
    done.show()
    window.export_done = done

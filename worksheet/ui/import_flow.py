"""File › Import Manager's Workbook: read it, show every change for review, apply the accepted
ones as one undo step. The reading is `export.xlsx.importer` (no Qt); this is the dialog."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from worksheet.domain.signoff import BASIS_KEY
from worksheet.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from worksheet.export.xlsx.importer import Change, Review
    from worksheet.ui.main_window import MainWindow

log = logging.getLogger(__name__)

COLUMNS = (N_("Field"), N_("In the deal now"), N_("In the workbook"))


class ReviewDialog(QDialog):
    """Every change the workbook would make, each with a box to accept it (all ticked first)."""

    def __init__(self, review: Review, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.review = review
        self.setObjectName("import-review")
        self.setWindowTitle(_("Review the Manager's Changes"))
        layout = QVBoxLayout(self)
        count = len(review.changes)
        if review.title:
            differs = ngettext(
                "{file} (“{title}”) differs from the deal in {count} place.",
                "{file} (“{title}”) differs from the deal in {count} places.",
                count,
            ).format(file=file_name, title=review.title, count=count)
        else:
            differs = ngettext(
                "{file} differs from the deal in {count} place.",
                "{file} differs from the deal in {count} places.",
                count,
            ).format(file=file_name, count=count)
        intro = QLabel(
            differs
            + " "
            + _(
                "Tick the changes to take over; nothing changes until you apply them, and one "
                "Undo takes them all back."
            )
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.tree = QTreeWidget()
        self.tree.setObjectName("import-changes")
        self.tree.setRootIsDecorated(False)
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels([_(c) for c in COLUMNS])
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.items: list[tuple[QTreeWidgetItem, Change]] = []
        for change in review.changes:
            item = QTreeWidgetItem([_lines(change.label), change.old, change.new or change.error])
            if change.ok:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked)
            else:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(2, change.error)
                item.setForeground(2, QBrush(QColor("#9c0006")))
                font = item.font(2)
                font.setItalic(True)
                item.setFont(2, font)
                item.setText(2, _lines(_("not read: {error}").format(error=change.error)))
            item.setToolTip(0, change.label)  # long concession names are cut in the column
            for column in range(len(COLUMNS)):
                flat = " ".join(item.text(column).split("\n"))
                item.setData(column, Qt.ItemDataRole.AccessibleTextRole, flat)
            self.tree.addTopLevelItem(item)
            self.items.append((item, change))
        layout.addWidget(self.tree, 1)

        if review.notes:
            notes = QLabel(_("Not read: {notes}.").format(notes="; ".join(review.notes)))
            notes.setObjectName("import-notes")
            notes.setTextFormat(Qt.TextFormat.PlainText)
            notes.setWordWrap(True)
            font = QFont(notes.font())
            font.setItalic(True)
            notes.setFont(font)
            layout.addWidget(notes)

        row = QHBoxLayout()
        every = QPushButton(_("Tick All"))
        none = QPushButton(_("Tick None"))
        every.clicked.connect(lambda: self._tick_all(True))
        none.clicked.connect(lambda: self._tick_all(False))
        row.addWidget(every)
        row.addWidget(none)
        row.addStretch(1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel
        )
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setText(_("Apply Ticked Changes"))
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row.addWidget(self.buttons)
        layout.addLayout(row)
        self.tree.itemChanged.connect(lambda *_: self._update_button())
        self._update_button()
        self.resize(820, min(640, 200 + 34 * len(review.changes)))

    def _tick_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for item, change in self.items:
            if change.ok:
                item.setCheckState(0, state)

    def set_accepted(self, keys: set[str]) -> None:
        for item, change in self.items:
            if change.ok:
                checked = change.key in keys
                item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def accepted_changes(self) -> list[Change]:
        return [
            change
            for item, change in self.items
            if change.ok and item.checkState(0) == Qt.CheckState.Checked
        ]

    def _update_button(self) -> None:
        count = len(self.accepted_changes())
        self.apply_button.setEnabled(count > 0)
        self.apply_button.setText(
            ngettext("Apply {count} Change", "Apply {count} Changes", count).format(count=count)
        )


#: Longer field names and notes break onto further lines in the review rather than be cut.
_LINE = 46


def _lines(text: str) -> str:
    """`text` broken at spaces into lines of about `_LINE` characters (a list keeps one
    change per row; rows grow to fit their lines)."""
    import textwrap

    return "\n".join(textwrap.wrap(text, _LINE, break_long_words=False)) or text


def ask_workbook_path(parent: QWidget, start: str) -> str | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Import Manager's Workbook"),
        start,
        _("Excel workbooks (*.xlsx);;All files (*)"),
    )
    return path or None


def run_review(dialog: ReviewDialog) -> bool:
    """Show the dialog; True when the user applies. Tests replace this."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def import_workbook(window: MainWindow, path: str | None = None) -> bool:
    """Review a manager's workbook against the open deal and apply what the user accepts."""
    from worksheet.export.xlsx.importer import (
        WorkbookRefused,
        apply_changes,
        assignments,
        review_workbook,
    )
    from worksheet.io import DealFileError
    from worksheet.ui import dialogs
    from worksheet.ui.export_flow import last_export_folder
    from worksheet.ui.undo import Batch, SetExtra, SetValue

    if path is None:
        path = ask_workbook_path(window, str(last_export_folder(window)))
        if not path:
            return False
    name = Path(path).name
    deal = window.doc.deal
    try:
        review = review_workbook(deal, path)
    except WorkbookRefused as exc:
        dialogs.show_error(
            window,
            _("Cannot Import the Workbook"),
            _("{file}: {error}").format(file=name, error=exc),
        )
        return False
    except Exception as exc:  # a reader bug must never cost the open worksheet
        log.exception("import failed")
        dialogs.show_error(
            window,
            _("Cannot Import the Workbook"),
            _("{file}: {error}").format(file=name, error=exc),
        )
        return False
    if not review.changes:
        notes = "\n".join(review.notes)
        dialogs.show_info(
            window, _("Nothing to Import"), _("{file} holds no changes.").format(file=name), notes
        )
        return False
    dialog = ReviewDialog(review, name, window)
    if not run_review(dialog):
        return False
    accepted = dialog.accepted_changes()
    try:
        apply_changes(deal, accepted, review.basis)  # the .deal checks, before anything changes
    except DealFileError as exc:
        dialogs.show_error(
            window,
            _("Cannot Import the Workbook"),
            _("{file}: {error}").format(file=name, error=exc),
        )
        return False
    commands = []
    for target, value in assignments(deal, accepted, review.basis):
        if target[:1] == ("extra",):
            commands.append(SetExtra(window.doc, target[1], value))
        else:
            commands.append(SetValue(window.doc, target, value, merge=False))
    count = len(accepted)
    window.doc.push(
        Batch(
            commands,
            label=ngettext(
                "Import {count} change from {file}", "Import {count} changes from {file}", count
            ).format(count=count, file=name),
        )
    )
    window.statusBar().showMessage(
        ngettext(
            "Applied {count} change from {file}. Undo takes it back.",
            "Applied {count} changes from {file}. Undo takes them all back.",
            count,
        ).format(count=count, file=name),
        10_000,
    )
    log.info("imported %d change(s) from %s (basis %s)", len(accepted), path, BASIS_KEY)
    return True

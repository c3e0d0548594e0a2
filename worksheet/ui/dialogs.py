"""The window's questions to the user, each a function returning the answer (tests patch them)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from worksheet import APP_NAME, __version__
from worksheet.i18n import N_, _
from worksheet.ui.autosave import AutosaveEntry

DEAL_FILTER = N_("Deal worksheets (*.deal);;All files (*)")

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
RESTORE, LATER = "restore", "later"
RELOAD, SAVE_COPY, OVERWRITE = "reload", "save_copy", "overwrite"
READ_ONLY, OPEN_ANYWAY = "read_only", "open_anyway"

#: The window asks about replacing a file itself, once, after it has added any extension.
_NO_NATIVE_OVERWRITE_PROMPT = QFileDialog.Option.DontConfirmOverwrite


def documents_dir() -> str:
    """Where Open and Save As start for an untitled deal: the deal library's folder when it
    exists (so saved deals show up in File › Deal Library), else the documents folder."""
    from worksheet import paths
    from worksheet.ui.document import settings

    chosen = settings().value("libraryFolder", "", type=str)
    for folder in (chosen, str(paths.documents_dir())):
        if folder and Path(folder).is_dir():
            return folder
    return QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    ) or str(Path.home())


def _box(parent: QWidget | None) -> QMessageBox:
    """A message box that shows file names and messages as typed, never as HTML."""
    box = QMessageBox(parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def ask_save_changes(parent: QWidget, name: str) -> str:
    """Save / Discard / Cancel before the current document goes away."""
    box = _box(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(APP_NAME)
    box.setText(_("Save the changes to “{name}”?").format(name=name))
    box.setInformativeText(_("If you don't save, your changes since the last save will be lost."))
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return DISCARD
    return CANCEL


def ask_restore(parent: QWidget | None, entry: AutosaveEntry) -> str:
    """After a crash: restore the autosaved work, discard it, or decide later."""
    box = _box(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(APP_NAME)
    when = entry.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
    box.setText(
        _("Deal Worksheet did not close properly. Restore the unsaved work on “{name}”?").format(
            name=entry.name
        )
    )
    if entry.original:
        text = _("Autosaved at {time}. Its file: {path}").format(time=when, path=entry.original)
    else:
        text = _("Autosaved at {time}. It had not been saved to a file yet.").format(time=when)
    box.setInformativeText(text)
    restore = box.addButton(_("Restore"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_("Discard"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_("Not Now"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    clicked = box.clickedButton()
    if clicked is restore:
        return RESTORE
    if clicked is discard:
        return DISCARD
    return LATER


def ask_open_path(parent: QWidget, start: str = "") -> str | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent, _("Open Deal"), start or documents_dir(), _(DEAL_FILTER)
    )
    return path or None


def ask_save_path(parent: QWidget, suggested: str) -> str | None:
    path, _filter = QFileDialog.getSaveFileName(
        parent, _("Save Deal As"), suggested, _(DEAL_FILTER), options=_NO_NATIVE_OVERWRITE_PROMPT
    )
    if not path:
        return None
    if not Path(path).suffix:
        path += ".deal"
    return path


def ask_export_path(parent: QWidget, title: str, suggested: str, name_filter: str) -> str | None:
    """The export's file name; for a PDF also the paper (remembered for the next export)."""
    from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel

    from worksheet.ui.export_flow import remember_paper

    dialog = QFileDialog(parent, title, suggested, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    # The window asks about replacing, once, on the final name (with the extension added).
    dialog.setOptions(dialog.options() | _NO_NATIVE_OVERWRITE_PROMPT)
    suffix = Path(suggested).suffix.lstrip(".")
    paper = None
    if suffix == "pdf":
        # An extra row needs Qt's own dialog; the platform's cannot take widgets.
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        layout = dialog.layout()
        paper = QComboBox(dialog)
        paper.addItem("A4", "a4")
        paper.addItem("US Letter", "letter")
        from worksheet.ui.print_flow import paper_choice

        paper.setCurrentIndex(max(0, paper.findData(paper_choice())))
        if isinstance(layout, QGridLayout):
            row = layout.rowCount()
            layout.addWidget(QLabel(_("Paper:")), row, 0)
            layout.addWidget(paper, row, 1)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    if paper is not None:
        remember_paper(paper.currentData())
    return dialog.selectedFiles()[0] or None


def confirm_discreet(
    parent: QWidget, title: str, shown: Sequence[str], left_out: Sequence[str]
) -> bool:
    """Before a discreet export: say what the copy shows and leaves out; go on or cancel."""
    from html import escape

    def bullets(items: Sequence[str]) -> str:
        return "<ul>" + "".join(f"<li>{escape(_(item))}</li>" for item in items) + "</ul>"

    box = _box(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(_("Export a discreet copy?"))
    box.setTextFormat(Qt.TextFormat.RichText)  # our words only, escaped above
    box.setInformativeText(
        "<p>"
        + _("It shows only what you would say at the table:")
        + "</p>"
        + bullets(shown)
        + "<p>"
        + _("It leaves out:")
        + "</p>"
        + bullets(left_out)
    )
    go = box.addButton(_("Export Discreet Copy"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(go)
    box.exec()
    return box.clickedButton() is go


def ask_overwrite(parent: QWidget, path: str) -> bool:
    """The final file exists (perhaps only once the extension was added): replace it?"""
    box = _box(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(APP_NAME)
    box.setText(_("“{name}” already exists. Replace it?").format(name=Path(path).name))
    box.setInformativeText(
        _("In {folder}. Replacing it overwrites what it holds.").format(folder=Path(path).parent)
    )
    replace = box.addButton(_("Replace"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is replace


def ask_conflict(parent: QWidget, name: str, modified: bool) -> str:
    """The file changed on disk since it was opened: RELOAD, SAVE_COPY, OVERWRITE or CANCEL."""
    box = _box(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(APP_NAME)
    box.setText(
        _("“{name}” was changed by another program or window since you opened it.").format(
            name=name
        )
    )
    if modified:
        text = _(
            "Open their version (and lose your unsaved changes), keep yours as a separate "
            "copy, or replace their version with yours."
        )
    else:
        text = _(
            "Open their version (and lose the version you have open), keep yours as a "
            "separate copy, or replace their version with yours."
        )
    box.setInformativeText(text)
    reload = box.addButton(_("Open Their Version"), QMessageBox.ButtonRole.DestructiveRole)
    copy = box.addButton(_("Save Mine as a Copy…"), QMessageBox.ButtonRole.AcceptRole)
    overwrite = box.addButton(_("Replace Theirs"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(copy)
    box.exec()
    clicked = box.clickedButton()
    if clicked is reload:
        return RELOAD
    if clicked is copy:
        return SAVE_COPY
    if clicked is overwrite:
        return OVERWRITE
    return CANCEL


def ask_locked(parent: QWidget, name: str, owner: str) -> str:
    """The file is open in another window: READ_ONLY, OPEN_ANYWAY or CANCEL."""
    box = _box(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(APP_NAME)
    box.setText(_("“{name}” is already open in another Deal Worksheet window.").format(name=name))
    box.setInformativeText(
        _(
            "{owner} Open it read-only to look without risk, or open it anyway (the first "
            "to save wins; the other is warned before saving)."
        ).format(owner=owner)
    )
    read_only = box.addButton(_("Open Read-Only"), QMessageBox.ButtonRole.AcceptRole)
    anyway = box.addButton(_("Open Anyway"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(read_only)
    box.exec()
    clicked = box.clickedButton()
    if clicked is read_only:
        return READ_ONLY
    if clicked is anyway:
        return OPEN_ANYWAY
    return CANCEL


def ask_save_read_only(parent: QWidget, name: str, reason: str) -> bool:
    """Save on a read-only document: True to choose another file with Save As."""
    box = _box(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(APP_NAME)
    box.setText(_("“{name}” is open read-only, so Save cannot change it.").format(name=name))
    box.setInformativeText(_("{reason} Save your work under another name?").format(reason=reason))
    save_as = box.addButton(_("Save As…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save_as)
    box.exec()
    return box.clickedButton() is save_as


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    box = _box(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    box.exec()


def show_info(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    box = _box(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setInformativeText(details)
    box.exec()


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        _("About {app}").format(app=APP_NAME),
        f"<h3>{APP_NAME} {__version__}</h3><p>"
        + _(
            "Prepare a negotiation — vision, prices, concessions, fallbacks and listening — "
            "and see the zone of possible agreement as you type."
        )
        + "</p>",
    )

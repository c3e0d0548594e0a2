"""The window's ways into the meeting view, the debrief and the deal library: their menu
entries, and what happens when the meeting view closes. Kept out of main_window.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from worksheet.i18n import _, ngettext

if TYPE_CHECKING:
    from worksheet.ui.main_window import MainWindow


def _menu(window: MainWindow, title: str) -> QMenu | None:
    for action in window.menuBar().actions():
        menu = action.menu()
        if menu is not None and action.text().replace("&", "") == title:
            return menu
    return None


def install(window: MainWindow) -> None:
    """Add View › At the Table and File › Deal Library to the window's menus."""
    meeting = QAction(_("At the &Table"), window)
    meeting.setShortcut(QKeySequence("Ctrl+Shift+M"))
    meeting.setStatusTip(_("A calm, large view for the meeting: log and score offers as they come"))
    meeting.triggered.connect(lambda: open_meeting(window))
    library = QAction(_("Deal &Library…"), window)
    library.setShortcut(QKeySequence("Ctrl+L"))
    library.setStatusTip(_("Every deal in a folder, with calibration across past deals"))
    library.triggered.connect(lambda: open_library(window))

    bar = window.menuBar()
    view_menu = _menu(window, _("&View").replace("&", ""))
    if view_menu is None:
        view_menu = QMenu(_("&View"), window)
        help_menu = _menu(window, _("&Help").replace("&", ""))
        if help_menu is not None:
            bar.insertMenu(help_menu.menuAction(), view_menu)
        else:
            bar.addMenu(view_menu)
    view_menu.addAction(meeting)
    file_menu = _menu(window, _("&File").replace("&", ""))
    if file_menu is not None:
        recent = window.actions.recent.menuAction()
        items = file_menu.actions()
        after = items.index(recent) + 1 if recent in items else 0
        before = items[after] if after < len(items) else None
        file_menu.insertAction(before, library)
    window.table_actions = {"meeting": meeting, "library": library}


def open_meeting(window: MainWindow):
    from worksheet.ui.meeting import MeetingView

    existing = getattr(window, "meeting_view", None)
    if existing is not None and existing.isVisible():
        existing.raise_()
        existing.activateWindow()
        return existing
    view = MeetingView(window.doc, window)
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    view.finished.connect(lambda logged: _after_meeting(window, logged))
    window.meeting_view = view
    view.showMaximized()
    view.activateWindow()
    return view


def ask_debrief(parent: QWidget, logged: int) -> bool:
    """After offers were logged: write the debrief now? (Patched in tests.)"""
    answer = QMessageBox.question(
        parent,
        _("Write the debrief?"),
        ngettext(
            "You logged {count} offer at the table. Write the debrief while it is fresh?",
            "You logged {count} offers at the table. Write the debrief while it is fresh?",
            logged,
        ).format(count=logged),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def _after_meeting(window: MainWindow, logged: int) -> None:
    window.meeting_view = None
    if logged and ask_debrief(window, logged):
        from worksheet.ui.pages.debrief import fill_bounds_from_offers

        fill_bounds_from_offers(window.doc)
        window.show_page("debrief")


def open_library(window: MainWindow):
    from worksheet.ui.library import LibraryWindow

    existing = getattr(window, "library_window", None)
    if existing is not None:
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing
    lib = LibraryWindow(window, opener=window.open_path)
    window.library_window = lib
    lib.show()
    lib.start()
    return lib

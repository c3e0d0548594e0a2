"""The window's actions with the platform's standard shortcuts, and the menus they live in."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from worksheet.i18n import _

SK = QKeySequence.StandardKey


@dataclass
class Actions:
    """The window's actions and the two menus filled when they open."""

    new: QAction
    open: QAction
    save: QAction
    save_as: QAction
    export_pdf: QAction
    export_xlsx: QAction
    discreet: QAction
    close: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    about: QAction
    preferences: QAction
    new_from_sample: QMenu
    recent: QMenu
    print: QAction
    print_preview: QAction
    import_workbook: QAction


def _action(
    window: QMainWindow, text: str, shortcut: SK | str | None = None, tip: str = ""
) -> QAction:
    action = QAction(text, window)
    if isinstance(shortcut, SK):
        action.setShortcuts(shortcut)
    elif shortcut:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    return action


def create_actions(window: QMainWindow, undo: QAction, redo: QAction) -> Actions:
    """Build the actions and the menu bar. Signals are connected by the window, in one place."""
    undo.setShortcuts(SK.Undo)
    from worksheet.ui.keyboard import redo_keys

    redo.setShortcuts(redo_keys())  # Ctrl+Y too, wherever the platform's keys lack it
    discreet = _action(
        window,
        _("&Discreet Exports"),
        tip=_(
            "Export copies that show only what we would say at the table: no limits or estimates"
        ),
    )
    discreet.setCheckable(True)
    actions = Actions(
        new=_action(window, _("&New"), SK.New, _("Start an empty worksheet")),
        open=_action(window, _("&Open…"), SK.Open, _("Open a .deal file")),
        save=_action(window, _("&Save"), SK.Save, _("Save the worksheet")),
        save_as=_action(
            window, _("Save &As…"), SK.SaveAs, _("Save the worksheet under another name")
        ),
        export_pdf=_action(
            window, _("Export &PDF…"), "Ctrl+Shift+P", _("Write the one-page prep sheet")
        ),
        export_xlsx=_action(
            window, _("Export &Excel…"), "Ctrl+Shift+E", _("Write the manager workbook")
        ),
        discreet=discreet,
        close=_action(window, _("&Close"), SK.Close, _("Close this window")),
        quit=_action(window, _("&Quit"), SK.Quit, _("Quit Deal Worksheet")),
        undo=undo,
        redo=redo,
        about=_action(window, _("&About Deal Worksheet")),
        preferences=_action(
            window, _("&Preferences…"), SK.Preferences, _("Choose the language of the app")
        ),
        new_from_sample=QMenu(_("New from &Sample"), window),
        recent=QMenu(_("Open &Recent"), window),
        print=_action(window, _("&Print…"), SK.Print, _("Print the one-page prep sheet")),
        print_preview=_action(
            window, _("Print Pre&view…"), tip=_("See the prep sheet as it will print")
        ),
        import_workbook=_action(
            window,
            _("&Import Manager's Workbook…"),
            tip=_("Read back what the manager changed in the exported workbook, and review it"),
        ),
    )
    if actions.print.shortcuts() == []:
        actions.print.setShortcut(QKeySequence("Ctrl+P"))
    if actions.save_as.shortcuts() == []:
        actions.save_as.setShortcut(QKeySequence("Ctrl+Shift+S"))
    if actions.quit.shortcuts() == []:
        actions.quit.setShortcut(QKeySequence("Ctrl+Q"))

    bar = window.menuBar()
    file_menu = bar.addMenu(_("&File"))
    file_menu.addAction(actions.new)
    file_menu.addMenu(actions.new_from_sample)
    file_menu.addAction(actions.open)
    file_menu.addMenu(actions.recent)
    file_menu.addSeparator()
    file_menu.addAction(actions.save)
    file_menu.addAction(actions.save_as)
    file_menu.addSeparator()
    file_menu.addAction(actions.export_pdf)
    file_menu.addAction(actions.export_xlsx)
    file_menu.addAction(actions.discreet)
    file_menu.addAction(actions.import_workbook)
    file_menu.addSeparator()
    file_menu.addAction(actions.print_preview)
    file_menu.addAction(actions.print)
    file_menu.addSeparator()
    file_menu.addAction(actions.close)
    file_menu.addAction(actions.quit)

    edit_menu = bar.addMenu(_("&Edit"))
    edit_menu.addAction(undo)
    edit_menu.addAction(redo)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.preferences)

    help_menu = bar.addMenu(_("&Help"))
    help_menu.addAction(actions.about)
    return actions

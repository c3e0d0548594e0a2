"""Help inside the app: the user guide (F1, at the current section), What's This on fields,
and the list of keyboard shortcuts made from the window's own menus.

The guide is HTML in `resources/help/`, one page per section key (`deal.html`, …), shown by
`ui/guide.py` in a text browser: offline, links between pages, a search over every page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel

from worksheet.i18n import _
from worksheet.ui import keyboard
from worksheet.ui.pages import KEYS

if TYPE_CHECKING:
    from worksheet.ui.guide import GuideWindow, ShortcutsDialog
    from worksheet.ui.main_window import MainWindow


def _escape(text: str) -> str:
    """Plain text inside What's This rich text (`html.escape` would load the entity tables)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Help(QObject):
    """The Help menu's guide, What's This and shortcut list, wired to one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.guide: GuideWindow | None = None
        self.guide_action = QAction(_("Deal Worksheet &Guide"), window)
        self.guide_action.setShortcuts(
            QKeySequence.keyBindings(QKeySequence.StandardKey.HelpContents) or [QKeySequence("F1")]
        )
        self.guide_action.setStatusTip(_("Open the user guide at the section you are working on"))
        self.guide_action.triggered.connect(self.open_guide)
        self.whats_this = QAction(_("&What's This?"), window)
        self.whats_this.setShortcut(QKeySequence("Shift+F1"))
        self.whats_this.setStatusTip(_("Click a field to read what it is for"))
        self.whats_this.triggered.connect(self._whats_this_mode)
        self.shortcuts_action = QAction(_("&Keyboard Shortcuts"), window)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        bar = window.menuBar()
        menu = next((a.menu() for a in bar.actions() if a.text() == _("&Help")), None)
        if menu is not None:
            first = menu.actions()[0] if menu.actions() else None
            menu.insertActions(first, [self.guide_action, self.whats_this, self.shortcuts_action])
            menu.insertSeparator(first)
        for action in (self.guide_action, self.whats_this):
            window.addAction(action)

    def start(self, delay_ms: int) -> None:
        """Once the window is built: What's This for the first page after `delay_ms` (it is
        painted by then), and for every other page as it is shown."""
        QTimer.singleShot(delay_ms, self, self.describe_fields)
        self.window.stack.currentChanged.connect(
            lambda _i: QTimer.singleShot(0, self, self.describe_fields)
        )

    @staticmethod
    def _whats_this_mode() -> None:
        from PySide6.QtWidgets import QWhatsThis

        QWhatsThis.enterWhatsThisMode()

    def open_guide(self) -> GuideWindow:
        from worksheet.ui.guide import GuideWindow

        key = KEYS[max(self.window.nav.currentRow(), 0)]
        if self.guide is None:
            self.guide = GuideWindow(self.window)
        self.guide.open_page(f"{key}.html")
        self.guide.show()
        self.guide.raise_()
        self.guide.activateWindow()
        return self.guide

    def show_shortcuts(self) -> ShortcutsDialog:
        from worksheet.ui.guide import ShortcutsDialog

        dialog = ShortcutsDialog(self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def describe_fields(self) -> None:
        """What's This on every field of the page in view: its caption and its prompt."""
        page = self.window.stack.currentWidget()
        if page is None:
            return
        for label in page.findChildren(QLabel):
            if not keyboard.is_caption(label):
                continue
            field = label.buddy()
            if field.whatsThis():
                continue
            about = field.accessibleDescription() or field.toolTip()
            caption = _escape(keyboard._plain(label.text()))
            text = f"<b>{caption}</b>"
            if about:
                text += f"<br>{_escape(about)}"
            text += "<br><i>F1 opens the guide for this section.</i>"
            field.setWhatsThis(text)

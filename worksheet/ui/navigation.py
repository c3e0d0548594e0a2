"""Getting around the window by keyboard and on a small screen: the View menu (sections with
Ctrl+1…9, the summary panel shown or hidden), the Edit menu's table rows, the Tab chain and the
mnemonics of each page as it is shown, and the window's size, splitter and section remembered.

Everything here follows SECTIONS, so a page added there is in the menu, has its key and its
Tab chain without any code of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from worksheet.i18n import _
from worksheet.ui import keyboard
from worksheet.ui.document import settings
from worksheet.ui.pages import KEYS, SECTIONS

if TYPE_CHECKING:
    from worksheet.ui.main_window import MainWindow
    from worksheet.ui.pages.base import Page

SUMMARY_KEY = QKeySequence("F9")

_GEOMETRY = "window/geometry"
_MAXIMIZED = "window/maximized"
_SPLITTER = "window/splitter"
_SECTION = "window/section"
_SUMMARY = "window/summaryVisible"


class Navigation(QObject):
    """Built by the window once; owns the View menu and follows the page on show."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

        bar = window.menuBar()
        # Another part of the window may have made the View menu already (At the Table).
        existing = next(
            (a.menu() for a in bar.actions() if a.menu() is not None and a.text() == _("&View")),
            None,
        )
        self.view_menu = existing if existing is not None else QMenu(_("&View"), window)
        self.sections_menu = self.view_menu.addMenu(_("&Sections"))
        self.section_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        group.setExclusive(True)
        for index, (key, english, *_rest) in enumerate(SECTIONS):
            title = _(english)
            action = QAction(f"&{index + 1} {title}" if index < 9 else title, window)
            action.setCheckable(True)
            shortcut = keyboard.section_key(index)
            if shortcut is not None:
                action.setShortcut(shortcut)
                window.nav.item(index).setToolTip(
                    f"{title} ({shortcut.toString(QKeySequence.SequenceFormat.NativeText)})"
                )
            action.setStatusTip(_("Go to the {section} section").format(section=title))
            action.triggered.connect(lambda _=False, k=key: self.go_to(k))
            group.addAction(action)
            self.sections_menu.addAction(action)
            window.addAction(action)  # the key works even while the menu bar is hidden
            self.section_actions[key] = action
        self.view_menu.addSeparator()
        self.toggle_summary = QAction(_("Show S&ummary Panel"), window)
        self.toggle_summary.setCheckable(True)
        self.toggle_summary.setChecked(True)
        self.toggle_summary.setShortcut(SUMMARY_KEY)
        self.toggle_summary.setStatusTip(_("Show or hide the live summary beside the page"))
        self.toggle_summary.toggled.connect(self.set_summary_visible)
        self.view_menu.addAction(self.toggle_summary)

        help_menu = next((a for a in bar.actions() if a.text() == _("&Help")), None)
        if existing is not None:
            pass
        elif help_menu is not None:
            bar.insertMenu(help_menu, self.view_menu)
        else:
            bar.addMenu(self.view_menu)
        self._add_row_actions()

        window.nav.currentRowChanged.connect(self._section_changed)

    # ------------------------------------------------------------------ sections

    def go_to(self, key: str) -> None:
        """Show a section and put the cursor in its first field."""
        page = self.window.show_page(key)
        QTimer.singleShot(0, lambda: self.focus_first(page))
        self.focus_first(page)

    def focus_first(self, page: Page) -> None:
        fields = keyboard.visible_fields(page)
        if fields:
            fields[0].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _section_changed(self, row: int) -> None:
        if 0 <= row < len(KEYS):
            action = self.section_actions[KEYS[row]]
            if not action.isChecked():
                action.setChecked(True)

    #: The first page's keys wait until the window has been painted: making the Python side
    #: of its widgets (to walk them) would otherwise delay the first paint. Nobody presses Tab
    #: sooner; later pages are ready on the next turn of the event loop.
    FIRST_PAGE_DELAY_MS = 150

    def start(self) -> None:
        """Once the window is built: keys for the first page soon, for each page on show."""
        QTimer.singleShot(self.FIRST_PAGE_DELAY_MS, self, self.prepare_current_page)
        self.window.stack.currentChanged.connect(self.page_shown)

    def page_shown(self, _index: int = 0) -> None:
        QTimer.singleShot(0, self, self.prepare_current_page)

    def prepare_current_page(self) -> None:
        page = self.window.stack.currentWidget()
        if page is None or not hasattr(page, "KEY"):
            return
        if not page.property("keyboardReady"):
            page.setProperty("keyboardReady", True)
            keyboard.quiet_scroll_areas(page)
            keyboard.assign_mnemonics(page, keyboard.menu_letters(self.window))
        self.apply_tab_chain(page)

    def apply_tab_chain(self, page: QWidget | None = None) -> None:
        """Sidebar, then the page top to bottom, then the summary panel."""
        w = self.window
        page = page or w.stack.currentWidget()
        keyboard.chain([w.nav, *keyboard.tab_stops(page), *keyboard.tab_stops(w.summary_panel)])

    # ------------------------------------------------------------------ summary panel

    def set_summary_visible(self, visible: bool) -> None:
        panel = self.window.summary_panel
        if self.toggle_summary.isChecked() != visible:
            self.toggle_summary.setChecked(visible)  # comes back here through toggled
            return
        if panel.isHidden() == (not visible):
            return
        if not visible and panel.isAncestorOf(self.window.focusWidget()):
            self.window.stack.setFocus()
        panel.setVisible(visible)
        self.window.statusBar().showMessage(
            _("Summary panel shown")
            if visible
            else _("Summary panel hidden — {key} shows it again").format(
                key=SUMMARY_KEY.toString(QKeySequence.SequenceFormat.NativeText)
            ),
            4_000,
        )

    # ------------------------------------------------------------------ table rows, from the menu

    def _add_row_actions(self) -> None:
        """Edit › Add Row / Remove Rows / Move: what the table keys do, reachable from the menu.
        The keys themselves belong to the table with the focus, so here they are only shown."""
        bar = self.window.menuBar()
        edit = next((a.menu() for a in bar.actions() if a.text() == _("&Edit")), None)
        if edit is None:
            return
        edit.addSeparator()
        native = QKeySequence.SequenceFormat.NativeText
        self.row_actions: list[QAction] = []
        for text, keys, run in (
            (_("&Add Row"), "Ins", lambda v: v.add_after_current()),
            (_("&Remove Selected Rows"), "Del", lambda v: v.remove_current()),
            (_("Move Row &Up"), "Ctrl+Up", lambda v: v.move_current(-1)),
            (_("Move Row &Down"), "Ctrl+Down", lambda v: v.move_current(1)),
        ):
            label = f"{text}\t{QKeySequence(keys).toString(native)}"
            action = edit.addAction(label)
            action.triggered.connect(lambda _=False, r=run: self._on_table(r))
            self.row_actions.append(action)
        edit.aboutToShow.connect(self._update_row_actions)

    def current_table(self):
        """The table with the focus, else the first table on the page in view."""
        from worksheet.ui.pages.table import TableView

        focus = self.window.focusWidget()
        while focus is not None and not isinstance(focus, TableView):
            focus = focus.parentWidget()
        if focus is not None:
            return focus
        page = self.window.stack.currentWidget()
        tables = page.findChildren(TableView) if page is not None else []
        return tables[0] if tables else None

    def _update_row_actions(self) -> None:
        view = self.current_table()
        has_row = view is not None and view.currentIndex().isValid()
        ordered = view is not None and view.table_model.KEEP_FIELD is not None
        add, remove, up, down = self.row_actions
        add.setEnabled(view is not None and view.table_model.can_add())
        remove.setEnabled(has_row)
        up.setEnabled(has_row and ordered)
        down.setEnabled(has_row and ordered)

    def _on_table(self, run) -> None:
        view = self.current_table()
        if view is None:
            return
        try:
            run(view)
        except ValueError as exc:
            self.window.statusBar().showMessage(str(exc), 8_000)
        view.setFocus()

    # ------------------------------------------------------------------ remembered state

    def save_state(self) -> None:
        w = self.window
        s = settings()
        # Our own record, not saveGeometry(): restoring it is then ours to fit to the screen.
        normal = w.normalGeometry() if w.isMaximized() else w.geometry()
        s.setValue(_GEOMETRY, [normal.x(), normal.y(), normal.width(), normal.height()])
        s.setValue(_MAXIMIZED, w.isMaximized())
        s.setValue(_SPLITTER, w.splitter.saveState())
        s.setValue(_SECTION, KEYS[max(w.nav.currentRow(), 0)])
        s.setValue(_SUMMARY, not w.summary_panel.isHidden())
        s.sync()

    def restore_state(self) -> None:
        """Size, splitter, summary panel and section as they were left; fitted to this screen."""
        w = self.window
        s = settings()
        geometry = s.value(_GEOMETRY)
        try:
            x, y, width, height = (int(v) for v in geometry)
        except (TypeError, ValueError):
            pass  # nothing saved yet, or not ours: the default size
        else:
            if width > 0 and height > 0:
                w.resize(width, height)
                w.move(x, y)
            fit_to_screen(w)
            # Once shown, the window manager's frame is known: fit again with it.
            QTimer.singleShot(0, w, lambda: fit_to_screen(w))
            QTimer.singleShot(400, w, lambda: fit_to_screen(w))
            if s.value(_MAXIMIZED, False, type=bool):
                w.setWindowState(w.windowState() | Qt.WindowState.WindowMaximized)
        splitter = s.value(_SPLITTER)
        if splitter:
            w.splitter.restoreState(splitter)
        self.set_summary_visible(s.value(_SUMMARY, True, type=bool))
        w.statusBar().clearMessage()
        section = s.value(_SECTION, "")
        if section in KEYS and section != KEYS[0]:
            w.show_page(section)


def available_room(window: QWidget) -> QRect | None:
    """The part of the window's screen that windows may use (panels and docks left out)."""
    from PySide6.QtGui import QGuiApplication

    screen = QGuiApplication.screenAt(window.geometry().center()) or QGuiApplication.primaryScreen()
    return None if screen is None else screen.availableGeometry()


def fit_to_screen(window: QWidget) -> None:
    """Shrink and move the window so all of it is on the screen it will show on."""
    room = available_room(window)
    if room is None:
        return
    frame = window.frameGeometry()
    extra_w = max(frame.width() - window.width(), 0)
    extra_h = max(frame.height() - window.height(), 0)
    width = min(window.width(), room.width() - extra_w)
    height = min(window.height(), room.height() - extra_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(max(width, 200), max(height, 200))
    frame = window.frameGeometry()
    x = min(max(frame.x(), room.left()), room.right() - frame.width() + 1)
    y = min(max(frame.y(), room.top()), room.bottom() - frame.height() + 1)
    if (x, y) != (frame.x(), frame.y()):
        window.move(max(x, room.left()), max(y, room.top()))

"""The worksheet window: section list, the page being edited, and the live summary beside it.

All signal wiring lives in `_connect_signals`; pages and panels only emit what they want.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from worksheet import APP_NAME, paths
from worksheet.domain.summary import Summary, summarize
from worksheet.i18n import _
from worksheet.io import DealFileError, load
from worksheet.ui import dialogs, table_flow
from worksheet.ui.actions import create_actions
from worksheet.ui.autosave import DEFAULT_INTERVAL_MS, Autosaver, find_orphans
from worksheet.ui.document import DealDocument, add_recent, clear_recent, recent_files, settings
from worksheet.ui.file_safety import FileGuard
from worksheet.ui.files import is_bundled_sample, sample_title, suggested_file_name
from worksheet.ui.help import Help
from worksheet.ui.keyboard import is_undo_or_redo
from worksheet.ui.navigation import Navigation
from worksheet.ui.pages import KEYS, SECTIONS, page_class
from worksheet.ui.templates import Templates
from worksheet.ui.widgets.summary_panel import SummaryPanel

if TYPE_CHECKING:
    from worksheet.ui.pages.base import Page

log = logging.getLogger(__name__)


#: Where each readiness check sends the user: (page, field path).
READINESS_TARGETS: dict[str, tuple[str, tuple]] = {
    "goal": ("vision", ("vision", "goal")),
    "target": ("anchors", ("anchors", "target")),
    "walk_away": ("anchors", ("anchors", "walk_away")),
    "their_estimate": ("anchors", ("their_estimate", "walk_away_likely")),
    "batna": ("fallbacks", ("fallbacks",)),
    "trades": ("concessions", ("concessions",)),
    "questions": ("listening", ("listening", "questions")),
}

SECTION_TITLES: dict[str, str] = {key: title for key, title, _m, _c in SECTIONS}


class MainWindow(QMainWindow):
    def __init__(
        self,
        *,
        autosave_interval_ms: int = DEFAULT_INTERVAL_MS,
        autosave: bool = True,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("main-window")
        self.doc = DealDocument(self)
        self.autosaver = Autosaver(self.doc, autosave_interval_ms, self)
        self.files = FileGuard(self)  # lock, read-only, conflicts, overwrite prompts
        self.summary: Summary = summarize(self.doc.deal)

        stack = self.doc.undo_stack
        self.actions = create_actions(
            self, stack.createUndoAction(self, "&Undo"), stack.createRedoAction(self, "&Redo")
        )
        self.actions.discreet.setChecked(settings().value("discreetExports", False, type=bool))
        self.meeting_view = self.library_window = None

        self.nav = QListWidget()
        self.nav.setObjectName("sections")
        self.nav.setAccessibleName(_("Worksheet sections"))
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.nav.setSpacing(1)
        # Room around the section names, as in a native sidebar; colours stay the palette's.
        self.nav.setStyleSheet(
            "QListWidget#sections { padding-top: 8px; }"
            "QListWidget#sections::item { padding-left: 10px; }"
        )
        self.stack = QStackedWidget()
        self._pages: dict[str, Page | None] = {}
        for key in KEYS:
            item = QListWidgetItem(_(SECTION_TITLES[key]))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setSizeHint(QSize(0, self.nav.fontMetrics().height() + 14))
            self.nav.addItem(item)
            self._pages[key] = None
            self.stack.addWidget(QWidget())  # a placeholder; pages are built when first shown
        width = max(self.nav.fontMetrics().horizontalAdvance(_(t)) for t in SECTION_TITLES.values())
        self.nav.setFixedWidth(width + 48)

        self.summary_panel = SummaryPanel()
        self.summary_panel.setObjectName("summary")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.summary_panel)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.stack.setMinimumWidth(420)
        self.summary_panel.setMinimumWidth(320)
        self.splitter.setSizes([self.nav.width(), 680, 430])
        self.setCentralWidget(self.splitter)
        self.statusBar()
        self.setAcceptDrops(True)
        self.resize(1280, 800)

        self.navigation = Navigation(self)  # makes the View menu
        table_flow.install(self)  # View › At the Table, File › Deal Library
        self.help = Help(self)
        self.templates = Templates(self)
        self._connect_signals()
        self.nav.setCurrentRow(0)
        self.navigation.restore_state()
        # Tab chain, Alt letters and What's This of the first page: once it is painted.
        self.navigation.start()
        self.help.start(Navigation.FIRST_PAGE_DELAY_MS)
        self._update_title()
        self._update_summary()
        if autosave:
            self.autosaver.start()
        # The undo filter follows the focus instead of watching every event of the application:
        # each object an application-wide filter sees has to be wrapped for Python, and for
        # objects Qt made itself that means building the enums of many classes at start-up.
        self._undo_watched: list[QWidget] = []
        app = QApplication.instance()
        self._follows_focus = app is not None
        if app is not None:
            app.focusChanged.connect(self._watch_focus)

    # ------------------------------------------------------------------ wiring (the one place)

    def _connect_signals(self) -> None:
        a = self.actions
        a.new.triggered.connect(self.new_document)
        a.open.triggered.connect(self.open_dialog)
        a.save.triggered.connect(self.save)
        a.save_as.triggered.connect(self.save_as)
        a.export_pdf.triggered.connect(lambda: self.export("pdf"))
        a.export_xlsx.triggered.connect(lambda: self.export("xlsx"))
        a.print.triggered.connect(lambda: _flow("print_flow").print_deal(self))
        a.print_preview.triggered.connect(lambda: _flow("print_flow").preview_deal(self))
        a.import_workbook.triggered.connect(lambda: _flow("import_flow").import_workbook(self))
        a.discreet.toggled.connect(lambda on: settings().setValue("discreetExports", on))
        a.close.triggered.connect(self.close)
        a.quit.triggered.connect(self.close)
        a.about.triggered.connect(lambda: dialogs.show_about(self))
        a.preferences.triggered.connect(self.edit_preferences)
        a.recent.aboutToShow.connect(self._fill_recent_menu)
        a.new_from_sample.aboutToShow.connect(self._fill_sample_menu)

        self.nav.currentRowChanged.connect(self._show_row)
        self.summary_panel.readinessActivated.connect(self.go_to_readiness)

        self.doc.edited.connect(self._update_summary)
        self.doc.modifiedChanged.connect(lambda _m: self._update_title())
        self.doc.fileChanged.connect(self._update_title)
        self.autosaver.failed.connect(lambda text: self.statusBar().showMessage(text, 10_000))

    def _connect_page(self, page: Page) -> None:
        page.message.connect(lambda text: self.statusBar().showMessage(text, 8_000))

    # ------------------------------------------------------------------ pages

    def page(self, key: str) -> Page:
        """The page for a section, built on first use."""
        page = self._pages[key]
        if page is None:
            index = KEYS.index(key)
            page = page_class(key)(self.doc)
            self._connect_page(page)
            placeholder = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self._pages[key] = page
        return page

    def built_pages(self) -> list[Page]:
        return [p for p in self._pages.values() if p is not None]

    def show_page(self, key: str) -> Page:
        row = KEYS.index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        return self.page(key)

    def current_page(self) -> Page:
        return self.page(KEYS[max(self.nav.currentRow(), 0)])

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        page = self.page(KEYS[row])
        self.stack.setCurrentWidget(page)

    def go_to_readiness(self, code: str) -> None:
        """Take the user to the field that completes a readiness check."""
        target = READINESS_TARGETS.get(code)
        if target is None:
            return
        key, path = target
        page = self.show_page(key)
        # Scrolling needs the page laid out at its real size, so focus after this event.
        QTimer.singleShot(0, lambda: page.focus_path(path))
        page.focus_path(path)
        if code == "trades":
            self._select_first_blank(page.widget_for(path), "ask_in_return")
        elif code == "batna":
            self._select_first_blank(page.widget_for(path), "kind")

    @staticmethod
    def _select_first_blank(view, key: str) -> None:
        """In a table, put the cursor on the first row whose `key` cell still needs work."""
        model = getattr(view, "table_model", None)
        if model is None or model.rowCount() == 0:
            return
        column = model.column_of(key)
        rows = range(model.rowCount())
        row = next((r for r in rows if not str(model.value(r, column) or "").strip()), 0)
        if key == "kind":
            row = next((r for r in rows if model.value(r, column) != "batna"), 0)
        index = model.index(row, column)
        view.setCurrentIndex(index)
        view.scrollTo(index)

    def edit_preferences(self) -> None:
        from worksheet.ui.preferences import edit_preferences

        edit_preferences(self)

    # ------------------------------------------------------------------ summary and title

    def _update_summary(self) -> None:
        self.summary = self.doc.summary()
        self.summary_panel.setData(self.doc.deal, self.summary)

    def _update_title(self) -> None:
        # A literal "[*]" in a file name must not become the modified mark: Qt's escape doubles it.
        name = self.doc.display_name.replace("[*]", "[*][*]")
        if self.doc.read_only:
            title = _("{name} (read-only) — {app}").format(name=f"{name}[*]", app=APP_NAME)
        else:
            title = _("{name} — {app}").format(name=f"{name}[*]", app=APP_NAME)
        self.setWindowTitle(title)
        self.setWindowModified(self.doc.is_modified)
        self.setWindowFilePath(str(self.doc.path) if self.doc.path else "")

    # ------------------------------------------------------------------ document life cycle

    def maybe_save(self) -> bool:
        """Before the document goes away: True when it is safe to continue."""
        if not self.doc.is_modified:
            return True
        answer = dialogs.ask_save_changes(self, self.doc.display_name)
        if answer == dialogs.SAVE:
            return self.save()
        return answer == dialogs.DISCARD

    def new_document(self) -> bool:
        if not self.maybe_save():
            return False
        self.autosaver.remove()
        self.doc.new()
        self.show_page("deal")
        return True

    def open_sample(self, path: str | Path) -> bool:
        """Open a bundled sample as an unsaved copy, so Save asks where to put it."""
        try:
            deal = load(path)
        except DealFileError as exc:
            dialogs.show_error(self, _("Could not open the sample"), str(exc))
            return False
        if not self.maybe_save():
            return False
        self.autosaver.remove()
        self.doc.replace(deal, None, untitled_name=f"{sample_title(Path(path))} (copy)")
        return True

    def open_dialog(self) -> bool:
        start = str(self.doc.path.parent) if self.doc.path else ""
        path = dialogs.ask_open_path(self, start)
        return self.open_path(path) if path else False

    def open_path(self, path: str | Path) -> bool:
        """Open a file. A bad file shows the loader's message and leaves the open document alone."""
        path = Path(path)
        if is_bundled_sample(path):
            return self.open_sample(path)
        if not self.files.open(path):
            return False
        add_recent(self.doc.path)
        self.statusBar().showMessage(_("Opened {name}").format(name=path.name), 5_000)
        return True

    def save(self) -> bool:
        if self.doc.path is None or is_bundled_sample(self.doc.path):
            return self.save_as()
        return self.files.save()

    def save_as(self) -> bool:
        if not self.files.fields_ready("saved"):
            return False
        folder = self.doc.path.parent if self.doc.path else Path(dialogs.documents_dir())
        suggested = str(folder / suggested_file_name(self.doc.deal.title))
        path = dialogs.ask_save_path(self, suggested)
        if not path:
            return False
        if is_bundled_sample(Path(path)):
            dialogs.show_error(
                self,
                _("Choose another place"),
                _("The bundled samples cannot be overwritten. Save your copy elsewhere."),
            )
            return False
        return self.files.save_as_to(Path(path))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.navigation.save_state()
        self.autosaver.shutdown()
        self.files.release()
        app = QApplication.instance()
        if app is not None and self._follows_focus:
            app.focusChanged.disconnect(self._watch_focus)
            self._follows_focus = False
        self._watch_focus(None, None)
        event.accept()

    # ------------------------------------------------------------------ crash recovery

    def offer_restore(self) -> bool:
        """If an earlier session crashed with unsaved work, offer to bring it back."""
        orphans = find_orphans(self.autosaver.session)
        if not orphans:
            return False
        entry = orphans[0]
        answer = dialogs.ask_restore(self, entry)
        if answer == dialogs.DISCARD:
            entry.discard()
            return False
        if answer != dialogs.RESTORE:
            return False
        try:
            deal = load(entry.deal_path)
        except DealFileError as exc:
            dialogs.show_error(self, _("Could not restore"), str(exc))
            return False
        self.doc.replace(
            deal, entry.original, untitled_name=entry.name, modified=True, stamp=entry.stamp
        )
        # Keep a copy under this session before the old one goes, so the work is never unsaved.
        self.autosaver.mark_pending()
        if self.autosaver.autosave_now():
            entry.discard()
        self.statusBar().showMessage(_("Restored the unsaved work. Save it to keep it."), 10_000)
        return True

    # ------------------------------------------------------------------ exports

    def export(self, kind: str) -> bool:
        """File › Export PDF… / Export Excel…: ask where, write, say how it went."""
        from worksheet.ui.export_flow import export_deal

        return export_deal(self, kind)

    # ------------------------------------------------------------------ menus

    def _fill_recent_menu(self) -> None:
        menu = self.actions.recent
        menu.clear()
        files = recent_files()
        for i, path in enumerate(files, 1):
            label = f"&{i} {path.name}" if i < 10 else path.name
            action = menu.addAction(label.replace("&", "&&").replace("&&", "&", 1))
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        if not files:
            menu.addAction(_("No Recent Files")).setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction(_("Clear Menu"))
        clear.setEnabled(bool(files))
        clear.triggered.connect(clear_recent)

    def _fill_sample_menu(self) -> None:
        menu = self.actions.new_from_sample
        menu.clear()
        for path in paths.sample_paths():
            action = menu.addAction(sample_title(path).replace("&", "&&"))
            action.triggered.connect(lambda _=False, p=path: self.open_sample(p))
        if menu.isEmpty():
            menu.addAction(_("No Samples Installed")).setEnabled(False)

    # ------------------------------------------------------------------ drag and drop

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        if len(urls) == 1 and urls[0].isLocalFile():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if urls and urls[0].isLocalFile():
            event.acceptProposedAction()
            path = urls[0].toLocalFile()
            # Open after the drop finishes, so a dialog does not run inside the drag.
            QTimer.singleShot(0, lambda: self.open_path(path))

    # ------------------------------------------------------------------ undo keys in text fields

    def _watch_focus(self, _old: QWidget | None, now: QWidget | None) -> None:
        """Keep the undo filter on the text field that has the focus, and only there.

        Qt sends ShortcutOverride to the focus widget (and on to its parents, none of which
        is a text field here), so this sees every Ctrl+Z an application-wide filter would.
        """
        for field in self._undo_watched:
            with contextlib.suppress(RuntimeError):  # the field was deleted meanwhile
                field.removeEventFilter(self)
        self._undo_watched = []
        if isinstance(now, (QLineEdit, QPlainTextEdit)) and now.window() is self:
            now.installEventFilter(self)
            self._undo_watched.append(now)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Text fields would keep Ctrl+Z for their own little undo; hand it to the document's
        # stack instead, so one undo history covers every edit. Cell editors keep theirs.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(
            watched, (QLineEdit, QPlainTextEdit)
        ):
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if (
                is_undo_or_redo(key_event)
                and watched.window() is self
                and not _inside_item_view(watched)
            ):
                return True
        return super().eventFilter(watched, event)


def _flow(name: str):
    """A flow module of the window, loaded on first use (printing, importing)."""
    import importlib

    return importlib.import_module(f"worksheet.ui.{name}")


def _inside_item_view(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False

"""The deal library window: a folder's deals with search, sort and open on Enter, and the
calibration panel beside them."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from worksheet import paths
from worksheet.i18n import _
from worksheet.library import OK, Listing, refresh_entry, scan
from worksheet.present import library as words
from worksheet.ui.document import settings
from worksheet.ui.library.chart import CalibrationChart
from worksheet.ui.library.model import PATH_ROLE, LibraryFilter, LibraryModel
from worksheet.ui.widgets.colors import accents


def ask_folder(parent: QWidget, start: str) -> str:
    """Which folder to list (patched in tests)."""
    return QFileDialog.getExistingDirectory(parent, _("Choose the Deal Library Folder"), start)


class LibraryWindow(QWidget):
    """Emits `openRequested(path)` for the window to open; `opener` may say it failed."""

    openRequested = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        folder: str | Path | None = None,
        opener: Callable[[str], bool] | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("library-window")
        self.setWindowTitle(_(words.WINDOW_TITLE))
        self.opener = opener
        saved = settings().value("libraryFolder", "", type=str)
        self.folder = Path(folder or saved or paths.documents_dir())
        self.listing: Listing | None = None

        self.folder_label = QLabel()
        self.folder_label.setTextFormat(Qt.TextFormat.PlainText)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        choose = QPushButton(_("Choose Folder…"))
        choose.clicked.connect(self.choose_folder)
        refresh = QPushButton(_("Refresh"))
        refresh.clicked.connect(self.start)
        top = QHBoxLayout()
        top.addWidget(self.folder_label, 1)
        top.addWidget(refresh)
        top.addWidget(choose)

        self.search = QLineEdit()
        self.search.setObjectName("library-search")
        self.search.setAccessibleName(_("Search the library"))
        self.search.setPlaceholderText(_(words.SEARCH_PLACEHOLDER))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.set_search)
        self.search.installEventFilter(self)

        self.model = LibraryModel(self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("library-table")
        self.table.setAccessibleName(_("Deals in the library"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # latest meetings first
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        fm = self.table.fontMetrics()
        samples = (
            (1, "Person 000, Organization"),
            (2, words.KIND_WORDS["partnership"]),
            (3, "2027-12-31"),
            (4, words.OUTCOME_WORDS["walked_away"]),
            (5, _("{done} of {total}").format(done=7, total=7)),
        )
        for column, sample in samples:
            header_text = _(words.COLUMNS[column][1])
            width = max(fm.horizontalAdvance(sample), fm.horizontalAdvance(header_text) + 16)
            self.table.setColumnWidth(column, width + 20)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.table.installEventFilter(self)

        self.count = QLabel()
        self.count.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        # A fixed size: a new count on every keystroke then never relayouts the window.
        self.count.setFixedSize(
            self.count.fontMetrics().horizontalAdvance(words.count_sentence(80_000, 80_008, 80_000))
            + 8,
            self.count.fontMetrics().height() + 4,
        )
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addLayout(top)
        left.addWidget(self.search)
        left.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addWidget(self.message, 1)
        left.addLayout(bottom)
        holder = QWidget()
        holder.setLayout(left)

        self.calibration_title = QLabel(_("Calibration"))
        font = self.calibration_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.calibration_title.setFont(font)
        self.calibration_text = QLabel()
        self.calibration_text.setObjectName("calibration-text")
        self.calibration_text.setTextFormat(Qt.TextFormat.PlainText)
        self.calibration_text.setWordWrap(True)
        self.chart = CalibrationChart()
        self.legend = QLabel(
            _(
                "One row per agreed deal. Bar: your estimated range of their walk-away; "
                "dot: the agreed price, green inside the range, amber outside."
            )
        )
        self.legend.setWordWrap(True)
        self.legend.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        panel_layout = QVBoxLayout()
        panel_layout.addWidget(self.calibration_title)
        panel_layout.addWidget(self.calibration_text)
        panel_layout.addWidget(self.chart, 1)
        panel_layout.addWidget(self.legend)
        panel = QWidget()
        panel.setObjectName("calibration-panel")
        panel.setLayout(panel_layout)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(holder)
        splitter.addWidget(panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(14, 12, 14, 12)
        outer.addWidget(splitter)
        self.resize(1180, 680)
        splitter.setSizes([860, 420])
        self._show_folder()

    # ------------------------------------------------------------------ listing

    def _show_folder(self) -> None:
        self.folder_label.setText(_("Folder: {folder}").format(folder=self.folder))

    def start(self) -> Listing:
        """List the folder (from the index where files are unchanged)."""
        if self.folder == paths.documents_dir() and not self.folder.exists():
            # The app's own folder in the user's documents: made on first use, so that Save As
            # starts there and saved deals show up here.
            with contextlib.suppress(OSError):  # a folder we cannot make is reported below
                self.folder.mkdir(parents=True)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self.folder.is_dir():
                listing = scan(self.folder)
                self.message.setText(
                    ""
                    if listing.entries
                    else _("No deals here yet: Save As starts in this folder.")
                )
            else:
                listing = Listing(self.folder, [])
                self.message.setText(
                    _("This folder does not exist yet. Save deals here, or choose another folder.")
                )
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.set_listing(listing)
        return listing

    def set_listing(self, listing: Listing) -> None:
        self.listing = listing
        self.model.set_entries(listing.entries)
        self._update_count(recount=True)
        self._update_calibration()
        if self.proxy.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def _update_count(self, recount: bool = False) -> None:
        if recount or not hasattr(self, "_broken"):
            self._broken = sum(1 for e in self.model.entries if e.state != OK)
        self.count.setText(
            words.count_sentence(self.proxy.rowCount(), self.model.rowCount(), self._broken)
        )

    def _update_calibration(self) -> None:
        if self.listing is None:
            return
        cal = self.listing.calibration()
        self.calibration = cal
        self.calibration_text.setText("\n".join(words.calibration_lines(cal)))
        self.chart.set_calibration(cal)

    def set_search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()
        if self.proxy.rowCount():
            current = self.table.currentIndex()
            if not current.isValid():
                self.table.setCurrentIndex(self.proxy.index(0, 0))

    def choose_folder(self) -> None:
        chosen = ask_folder(self, str(self.folder))
        if not chosen:
            return
        self.folder = Path(chosen)
        settings().setValue("libraryFolder", str(self.folder))
        self._show_folder()
        self.start()

    # ------------------------------------------------------------------ opening

    def open_row(self, proxy_row: int) -> bool:
        index = self.proxy.index(proxy_row, 0)
        if not index.isValid():
            return False
        path = index.data(PATH_ROLE)
        row = self.model.row_of(path)
        entry = self.model.entries[row]
        if entry.state != OK:
            self._say_problem(entry.name, entry.problem)
            return False
        self.openRequested.emit(path)
        ok = self.opener(path) if self.opener is not None else True
        if not ok and self.listing is not None:
            # The file changed or went since it was listed: show what it is now.
            new = refresh_entry(self.listing, row)
            self.model.replace_entry(row, new)
            self._update_count(recount=True)
            if new.state != OK:
                self._say_problem(new.name, new.problem)
        return ok

    def _say_problem(self, name: str, problem: str) -> None:
        pal = self.message.palette()
        pal.setColor(QPalette.ColorRole.WindowText, accents(self.palette()).warning)
        self.message.setPalette(pal)
        self.message.setText(_("{file}: {error}").format(file=name, error=problem))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            key = key_event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                current = self.table.currentIndex()
                self.open_row(current.row() if current.isValid() else 0)
                return True
            if watched is self.search and key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                # Arrow keys in the search field walk the list, as in a launcher.
                self.table.setFocus()
                self.table.keyPressEvent(key_event)
                return True
            if key == Qt.Key.Key_Escape:
                if watched is self.search and self.search.text():
                    self.search.clear()
                else:
                    self.close()
                return True
        return super().eventFilter(watched, event)

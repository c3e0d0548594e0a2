"""The user guide window and the keyboard shortcut list: built on first use (F1, Help menu),
so the window's start does not wait for the text browser and the table they need."""

from __future__ import annotations

import html
import re
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from worksheet import paths
from worksheet.ui import keyboard
from worksheet.ui.pages import KEYS

_TITLE_RE = re.compile(r"<title>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TAG_RE = re.compile(r"<[^>]+>")


def guide_pages(folder: Path | None = None) -> list[tuple[str, str, str]]:
    """(file name, title, plain text) of each guide page: the welcome page, the sections in the
    worksheet's order, then the other pages by name."""
    folder = folder or paths.help_dir()
    files = {p.name: p for p in folder.glob("*.html")}
    order = ["index.html", *(f"{k}.html" for k in KEYS)]
    names = [n for n in order if n in files] + sorted(n for n in files if n not in order)
    pages = []
    for name in names:
        raw = files[name].read_text(encoding="utf-8")
        found = _TITLE_RE.search(raw)
        title = html.unescape(found.group(1).strip()) if found else name
        body = raw[found.end() :] if found else raw
        pages.append((name, title, html.unescape(_TAG_RE.sub(" ", body))))
    return pages


class GuideWindow(QDialog):
    """The guide: pages on the left (filtered by the search box), the page on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guide")
        self.setWindowTitle("Deal Worksheet Guide")
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.pages = guide_pages()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search the guide")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search the guide")
        self.list = QListWidget()
        self.list.setAccessibleName("Guide pages")
        for name, title, _text in self.pages:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.list.addItem(item)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide-page")
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(False)  # the guide is offline; nothing leaves the app
        self.browser.setSearchPaths([str(paths.help_dir())])
        self.nothing = QLabel("No page mentions that.")
        self.nothing.hide()

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search)
        column.addWidget(self.list, 1)
        column.addWidget(self.nothing)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.browser)
        split.setStretchFactor(1, 1)
        split.setSizes([200, 520])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        outer = QVBoxLayout(self)
        outer.addWidget(split, 1)
        outer.addWidget(buttons)
        self.resize(780, 560)

        self.list.currentItemChanged.connect(self._show_item)
        self.search.textChanged.connect(self.filter)
        self.search.returnPressed.connect(self.find_next)
        self.browser.sourceChanged.connect(self._follow_source)

    def current_name(self) -> str:
        return self.browser.source().fileName()

    def open_page(self, name: str) -> None:
        """Show `name` (e.g. "anchors.html"), or the welcome page when there is no such page."""
        names = [n for n, _t, _x in self.pages]
        if name not in names:
            name = "index.html" if "index.html" in names else names[0]
        row = names.index(name)
        if self.list.item(row).isHidden():
            self.search.clear()
        self.list.setCurrentRow(row)
        if self.current_name() != name:
            self.browser.setSource(QUrl.fromLocalFile(str(paths.help_dir() / name)))

    def _show_item(self, item: QListWidgetItem | None, _old=None) -> None:
        if item is None:
            return
        name = item.data(Qt.ItemDataRole.UserRole)
        if self.current_name() != name:
            self.browser.setSource(QUrl.fromLocalFile(str(paths.help_dir() / name)))
        if self.search.text().strip():
            self.find_next(from_top=True)

    def _follow_source(self, url: QUrl) -> None:
        name = url.fileName()
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.list.blockSignals(True)
                self.list.setCurrentRow(row)
                self.list.blockSignals(False)

    def matching(self, words: str) -> list[str]:
        """The pages holding every word of the search, case ignored."""
        terms = words.lower().split()
        return [
            name
            for name, title, text in self.pages
            if all(t in f"{title} {text}".lower() for t in terms)
        ]

    def filter(self, words: str) -> None:
        found = set(self.matching(words))
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(item.data(Qt.ItemDataRole.UserRole) not in found)
        self.nothing.setVisible(not found)
        current = self.list.currentItem()
        if found and (current is None or current.isHidden()):
            first = next(r for r in range(self.list.count()) if not self.list.item(r).isHidden())
            self.list.setCurrentRow(first)
        elif found:
            self.find_next(from_top=True)

    def find_next(self, from_top: bool = False) -> bool:
        """Select the next place the first search word appears on the page."""
        words = self.search.text().split()
        if not words:
            return False
        if from_top:
            self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
        if self.browser.find(words[0]):
            return True
        self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
        return self.browser.find(words[0], QTextDocument.FindFlag(0))


class ShortcutsDialog(QDialog):
    """Help › Keyboard Shortcuts: every key of the menus, read from the actions themselves."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle("Keyboard Shortcuts")
        rows = keyboard.shortcut_rows(window)
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels(["Where", "What", "Keys"])
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(r, c, item)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(620, 520)

"""The Packages page: offers side by side, the active one chosen with one click, and the MESO
builder."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
)

from worksheet.i18n import N_, _, ngettext
from worksheet.ui import package_edits as edits
from worksheet.ui.models.packages import ASK, NAME, PackagesModel
from worksheet.ui.pages.base import Page, prompt_label


class PackagesPage(Page):
    KEY = "packages"
    TITLE = "Packages"
    INTRO = (
        "Each package is one offer: a price with a set of concessions. Compare them side by "
        "side; click a package's name at the top to make it the active one, the one the zone "
        "and chart show. Three packages of the same net value to you, offered at once (a MESO), "
        "let the other side tell you what they care about by the one they pick."
    )
    SCROLLS = False

    def build(self) -> None:
        from worksheet.ui.delegates import CellDelegate

        self.model = PackagesModel(self.doc, self)
        self.model.message.connect(self.message)
        view = QTableView()
        view.setObjectName("packages-grid")
        view.setAccessibleName(_("Packages side by side"))
        view.setModel(self.model)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        delegate = CellDelegate(view)
        delegate.inputRefused.connect(self.message)
        view.setItemDelegate(delegate)
        metrics = view.fontMetrics()
        rows = view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(metrics.height() + 12)
        rows.setMaximumWidth(metrics.averageCharWidth() * 34)
        columns = view.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        columns.setDefaultSectionSize(metrics.averageCharWidth() * 24)
        columns.setTextElideMode(Qt.TextElideMode.ElideRight)
        columns.setHighlightSections(True)
        columns.setSectionsClickable(True)
        # One click on a package's name makes it the active one.
        columns.sectionClicked.connect(self._activate_column)
        self.table = view
        self.body.addWidget(view, 1)

        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        self.add_button = self._button(_("Add package"), self.add_package, buttons)
        self.copy_button = self._button(_("Copy"), self.copy_package, buttons)
        self.rename_button = self._button(_("Rename"), self.rename_package, buttons)
        self.left_button = self._button(_("Move left"), lambda: self.move_package(-1), buttons)
        self.right_button = self._button(_("Move right"), lambda: self.move_package(1), buttons)
        self.remove_button = self._button(_("Remove"), self.remove_package, buttons)
        buttons.addSpacing(12)
        self.meso_button = self._button(_("Build a MESO…"), self.build_meso, buttons)
        buttons.addStretch(1)
        self.body.addLayout(buttons)
        self.status = QLabel()
        self.status.setObjectName("packages-status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setForegroundRole(QPalette.ColorRole.WindowText)
        self.body.addWidget(self.status)
        self.body.addWidget(
            prompt_label(
                _(
                    "Chance of acceptance and best ask come from your estimate of their "
                    "walk-away (Prices page), moved by what each package is worth to them. "
                    "Expected value weighs the net against your best alternative."
                )
            )
        )
        self.register_focus(("packages",), view)
        self.doc.edited.connect(self._update_status)
        self.doc.dealReplaced.connect(self._update_status)
        view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self._update_status()

    def _button(self, text: str, slot, layout: QHBoxLayout) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    # ------------------------------------------------------------------ the chosen package

    def current_id(self) -> str | None:
        """The package whose column holds the current cell, else the active package."""
        packages = self.doc.deal.packages
        index = self.table.currentIndex()
        if index.isValid() and index.column() < len(packages):
            return packages[index.column()].id
        return self.doc.deal.active_package

    def _select(self, package_id: str | None, row: int = NAME) -> None:
        column = edits.package_index(self.doc, package_id)
        if column >= 0:
            self.table.setCurrentIndex(self.model.index(row, column))

    def _activate_column(self, column: int) -> None:
        packages = self.doc.deal.packages
        if 0 <= column < len(packages):
            edits.make_active(self.doc, packages[column].id)
            self._select(packages[column].id)

    # ------------------------------------------------------------------ actions (all undoable)

    def add_package(self) -> str:
        new = edits.add_package(self.doc)
        self._select(new, ASK)
        return new

    def copy_package(self) -> str | None:
        source = self.current_id()
        if source is None:
            return None
        new = edits.copy_package(self.doc, source)
        self._select(new)
        return new

    def rename_package(self) -> None:
        """Edit the name in place: the name cell of the chosen package opens for typing."""
        package_id = self.current_id()
        if package_id is None:
            return
        self._select(package_id, NAME)
        self.table.setFocus()
        self.table.edit(self.table.currentIndex())

    def move_package(self, delta: int) -> None:
        package_id = self.current_id()
        row = max(self.table.currentIndex().row(), 0)
        edits.move_package(self.doc, package_id, delta)
        self._select(package_id, row)

    def remove_package(self) -> None:
        package_id = self.current_id()
        if package_id is not None:
            edits.remove_package(self.doc, package_id)

    def build_meso(self) -> None:
        from worksheet.ui.meso_dialog import MesoDialog

        dialog = MesoDialog(self.doc, self)
        self._dialog = dialog  # tests reach it while it is open
        chosen = dialog.choose()
        if chosen is not None:
            ids = edits.add_packages(self.doc, list(chosen.packages), label=N_("Add MESO packages"))
            self._select(ids[0])

    # ------------------------------------------------------------------ status line

    def _update_buttons(self) -> None:
        has = bool(self.doc.deal.packages)
        for button in (
            self.copy_button,
            self.rename_button,
            self.left_button,
            self.right_button,
            self.remove_button,
        ):
            button.setEnabled(has)

    def _update_status(self) -> None:
        self._update_buttons()
        deal = self.doc.deal
        n = len(deal.packages)
        if not n:
            self.status.setText(_("No packages yet"))
            return
        active = deal.active()
        if active is None:
            text = ngettext(
                "{count} package · none active", "{count} packages · none active", n
            ).format(count=n)
        else:
            text = ngettext(
                "{count} package · active: {name}", "{count} packages · active: {name}", n
            ).format(count=n, name=active.name or active.id)
        if self.model.summary.meso:
            text = _("{status} · the packages with an ask form a MESO").format(status=text)
        self.status.setText(text)

"""TEMPORARY stand-in for widgets.summary_panel.SummaryPanel until it lands (to be deleted)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from worksheet.domain.text import status_sentence
from worksheet.ui.widgets.zopa_chart import ZopaChart


class SummaryPanel(QWidget):
    readinessActivated = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.chart = ZopaChart()
        self.readiness = QListWidget()
        layout.addWidget(self.status)
        layout.addWidget(self.chart)
        layout.addWidget(self.readiness)
        self.readiness.itemActivated.connect(lambda it: self.readinessActivated.emit(it.data(256)))
        self.readiness.itemClicked.connect(lambda it: self.readinessActivated.emit(it.data(256)))

    def setData(self, deal, summary):
        self.status.setText(status_sentence(summary, deal.currency))
        self.chart.setData(deal, summary)
        self.readiness.clear()
        for c in summary.readiness:
            item = QListWidgetItem(("✓ " if c.done else "○ ") + c.label)
            item.setData(256, c.code)
            self.readiness.addItem(item)

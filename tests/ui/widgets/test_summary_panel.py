"""SummaryPanel: words, numbers, warnings shown only when there are some, cheap updates."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.ui.untouchable import Untouchable
from worksheet.domain.deal import Concession, Deal
from worksheet.domain.summary import READINESS_CODES, summarize
from worksheet.present.sentences import status_sentence
from worksheet.ui.widgets.summary_panel import SummaryPanel

#: The offscreen platform has no window manager and says so when a window's size limits change.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def panel(qtbot):
    widget = SummaryPanel()
    qtbot.addWidget(widget)
    widget.resize(480, 720)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_shows_status_numbers_and_chart(panel, sample):
    deal = sample("software-renewal")
    summary = summarize(deal)
    panel.setData(deal, summary)
    assert panel.titleText() == "Deal zone: possible"
    # The words are the domain's (shared with PDF, workbook and CLI); the chance shows in them.
    assert panel.sentenceText() == status_sentence(summary, deal.currency)
    assert "83%" in panel.sentenceText()
    assert panel.numberText("package_cost") == "$10,900"
    assert panel.numberText("package_value") == "$20,000"
    assert panel.numberText("package_walk_away") == "$114,900"
    assert panel.numberText("probability") == "83%"
    assert panel.numberText("gap") == "—"
    assert panel.chart.chartModel().zones["best"] is not None
    assert panel.readiness.headerText() == "7 of 7 ready"


def test_buyer_words(panel, sample):
    deal = sample("equipment-lease")
    panel.setData(deal, summarize(deal))
    assert panel._number_names["package_walk_away"].text() == "Package ceiling"
    assert "minus the package cost" in panel._number_names["package_walk_away"].toolTip()
    assert panel.numberText("package_walk_away") == "€60,500"


def test_warnings_shown_then_hidden(panel, sample):
    deal = sample("software-renewal")
    deal.anchors.target = Decimal(90000)  # below the walk-away: a warning
    deal.concessions[0].value_to_them = None  # in the package with no value: another
    panel.setData(deal, summarize(deal))
    texts = panel.warningTexts()
    assert len(texts) == 2
    assert any("worse for us than the walk-away" in t for t in texts)
    assert any("no value to them set" in t for t in texts)
    assert panel.warningsBox().isVisible()

    fixed = sample("software-renewal")
    panel.setData(fixed, summarize(fixed))
    assert panel.warningTexts() == []
    assert panel.warningsBox().isHidden()

    deal.concessions[0].value_to_them = Decimal(1)
    panel.setData(deal, summarize(deal))
    assert len(panel.warningTexts()) == 1  # rows are reused, the extra one hidden


def test_gap_shown_when_no_zone(panel):
    deal = Deal()
    deal.anchors.walk_away = Decimal(150)
    deal.their_estimate.walk_away_likely = Decimal(120)
    panel.setData(deal, summarize(deal))
    assert panel.titleText() == "No deal zone"
    assert panel.numberText("gap") == "$30"
    assert panel.numberText("probability") == "0%"


def test_empty_deal(panel):
    panel.setData(Deal(), summarize(Deal()))
    assert panel.titleText() == "Deal zone unknown"
    assert panel.chart.chartModel().message
    assert panel.readiness.headerText() == "0 of 7 ready"
    assert panel.warningTexts() == [
        "Set a walk-away price: without it there is no zone to compute."
    ]


def test_readiness_activation_is_forwarded(qtbot, panel):
    panel.setData(Deal(), summarize(Deal()))
    view = panel.readiness.listWidget()
    item = view.item(READINESS_CODES.index("questions"))
    with qtbot.waitSignal(panel.readinessActivated, timeout=1000) as signal:
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualItemRect(item).center()
        )
    assert signal.args == ["questions"]


def test_all_labels_are_plain_text(panel, sample):
    deal = sample("job-offer")
    deal.currency = "XYZ"
    panel.setData(deal, summarize(deal))
    for label in panel.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.text()


def test_unchanged_text_is_not_set_again(panel, sample, monkeypatch):
    deal = sample("software-renewal")
    panel.setData(deal, summarize(deal))
    calls: list[str] = []
    original = QLabel.setText
    monkeypatch.setattr(
        QLabel, "setText", lambda self, text: (calls.append(text), original(self, text))
    )
    deal.anchors.target = Decimal(119000)  # changes nothing the labels show
    panel.setData(deal, summarize(deal))
    assert calls == []
    deal.anchors.walk_away = Decimal(105000)
    panel.setData(deal, summarize(deal))
    assert "$115,900" in calls  # the floor moved; only changed labels were set


def test_setdata_and_paint_never_walk_the_concessions(qtbot, panel, sample):
    """The edit-to-repaint cost must not grow with the list: the panel reads only the summary.

    (How fast it is lives in tests/bench: `python -m tests.bench --only edit`.)
    """
    deal = sample("software-renewal")
    deal.concessions += [
        Concession(what=f"item {i}", cost_to_us=Decimal(1), value_to_them=Decimal(2))
        for i in range(2000)
    ]
    summaries = []
    for step in range(3):
        deal.anchors.walk_away = Decimal(100000 + 250 * step)
        summaries.append(summarize(deal))  # the window computes this; the panel must not
    deal.concessions = Untouchable(deal.concessions)
    for summary in summaries:
        panel.setData(deal, summary)
        panel.repaint()  # paint synchronously, as the next frame would
    # ... and it did follow the edits: the words are those of the last summary.
    assert panel.sentenceText() == status_sentence(summaries[-1], "USD")
    assert panel.sentenceText() != status_sentence(summaries[0], "USD")


def test_dark_palette(panel, sample, dark_palette):
    panel.setPalette(dark_palette)
    deal = sample("job-offer")
    panel.setData(deal, summarize(deal))
    image = panel.grab().toImage()
    assert image.pixelColor(2, 2) == dark_palette.window().color()
    title = panel._title.palette().windowText().color()
    assert title.lightness() > 120  # readable on the dark background


def test_many_repaints_do_not_crash_the_interpreter():
    """PySide6 6.12 on Python 3.11 leaks None references; the widgets package guards it."""
    script = (
        "import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from PySide6.QtGui import QImage\n"
        "app = QApplication([])\n"
        "from worksheet.ui.widgets.summary_panel import SummaryPanel\n"
        "from worksheet.domain.summary import summarize\n"
        "from worksheet.io.document import load\n"
        f"deal = load({str(sample_path())!r})\n"
        "panel = SummaryPanel(); panel.resize(480, 700)\n"
        "panel.setData(deal, summarize(deal))\n"
        "image = QImage(480, 700, QImage.Format.Format_ARGB32_Premultiplied)\n"
        "for _ in range(300):\n"
        "    panel.render(image)\n"
        "print('rendered')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "rendered" in done.stdout


def sample_path():
    from tests.conftest import SAMPLES

    return SAMPLES / "software-renewal.deal"


def test_key_numbers_reflow_to_one_column_when_narrow(panel, sample, qtbot):
    deal = sample("equipment-lease")
    panel.setData(deal, summarize(deal))
    panel.resize(560, 720)
    qtbot.waitUntil(lambda: panel._number_columns == 2, timeout=1000)
    panel.resize(300, 900)
    qtbot.waitUntil(lambda: panel._number_columns == 1, timeout=1000)
    names = panel._number_names

    def whole() -> bool:
        # Every name is shown whole: its label got at least the width its text needs.
        return all(label.width() >= label.sizeHint().width() for label in names.values())

    qtbot.waitUntil(whole, timeout=1000)
    assert panel.minimumSizeHint().width() <= 300
    assert all(value.isVisible() for value in panel._number_values.values())

"""ReadinessList: the seven checks, the count, and activation by mouse and keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from worksheet.domain.deal import Deal
from worksheet.domain.summary import READINESS_CODES, summarize
from worksheet.ui.widgets.readiness_list import CODE_ROLE, ReadinessList

#: The offscreen platform has no window manager and says so when a window's size limits change.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def readiness(qtbot):
    widget = ReadinessList()
    qtbot.addWidget(widget)
    widget.resize(400, 260)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def rows(widget: ReadinessList):
    view = widget.listWidget()
    return [view.item(i) for i in range(view.count())]


def test_shows_seven_checks_with_count(readiness, sample):
    deal = Deal()
    deal.vision.goal = "Renew"
    deal.listening.questions = ["a", "b"]
    readiness.setSummary(summarize(deal))
    assert readiness.headerText() == "1 of 7 ready"
    items = rows(readiness)
    assert [item.data(CODE_ROLE) for item in items] == list(READINESS_CODES)
    assert items[0].data(Qt.ItemDataRole.AccessibleTextRole) == "Goal written down: done"
    assert items[6].data(Qt.ItemDataRole.AccessibleTextRole).endswith(": missing")
    readiness.setSummary(summarize(sample("software-renewal")))
    assert readiness.headerText() == "7 of 7 ready"
    assert all(
        ": done" in item.data(Qt.ItemDataRole.AccessibleTextRole) for item in rows(readiness)
    )


def test_all_rows_visible_without_scrolling(readiness):
    readiness.setSummary(summarize(Deal()))
    view = readiness.listWidget()
    last = view.visualItemRect(view.item(view.count() - 1))
    assert last.bottom() <= view.viewport().height()


def test_click_emits_the_code(qtbot, readiness):
    readiness.setSummary(summarize(Deal()))
    view = readiness.listWidget()
    item = view.item(READINESS_CODES.index("batna"))
    with qtbot.waitSignal(readiness.checkActivated, timeout=1000) as signal:
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualItemRect(item).center()
        )
    assert signal.args == ["batna"]


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_keyboard_emits_the_code(qtbot, readiness, key):
    readiness.setSummary(summarize(Deal()))
    view = readiness.listWidget()
    readiness.setFocus()
    assert view.hasFocus() or readiness.focusProxy() is view
    view.setCurrentRow(0)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    with qtbot.waitSignal(readiness.checkActivated, timeout=1000) as signal:
        qtbot.keyClick(view, key)
    assert signal.args == ["walk_away"]


def test_accessible_names(readiness):
    assert readiness.listWidget().accessibleName() == "Readiness checks"
    readiness.setSummary(summarize(Deal()))
    assert "0 of 7" in readiness._header.accessibleName()


def test_dark_palette_icons_follow(readiness, dark_palette, sample):
    readiness.setSummary(summarize(sample("job-offer")))
    readiness.setPalette(dark_palette)
    image = readiness.grab().toImage()
    assert image.pixelColor(1, 1) == dark_palette.window().color()
    assert not rows(readiness)[0].icon().isNull()

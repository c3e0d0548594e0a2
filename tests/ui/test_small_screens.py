"""Laptop screens: every page fits 1024×640 and up, scrolls instead of pushing the window
bigger, no table needs sideways scrolling, and no wrapped text (an error, a prompt) is cut."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from tests.ui.helpers import OFFSCREEN_LIMITS
from worksheet.ui.pages import KEYS
from worksheet.ui.pages.table import TableView

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_LIMITS)

#: 1366×768 less a 40 px panel, a 1280×720 laptop, and the smallest we promise.
SIZES = [(1366, 728), (1280, 720), (1024, 640)]


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


@pytest.mark.parametrize(("width", "height"), SIZES, ids=lambda v: str(v))
def test_every_page_fits_and_scrolls_instead(window, sample, width, height):
    assert window.open_path(sample)
    window.resize(width, height)
    for key in KEYS:
        page = window.show_page(key)
        for view in page.findChildren(TableView):
            if view.model().rowCount():
                view.setCurrentIndex(view.model().index(0, 0))
        _settle()
        hint = window.minimumSizeHint()
        assert hint.width() <= width and hint.height() <= height, (key, hint)
        assert (window.width(), window.height()) == (width, height), key
        for view in page.findChildren(TableView):
            header = view.horizontalHeader()
            used = sum(header.sectionSize(i) for i in range(header.count()))
            assert used <= view.viewport().width(), (key, view.accessibleName(), used)
        for label in page.findChildren(QLabel):
            if label.isVisible() and label.wordWrap() and label.text():
                needed = label.heightForWidth(label.width())
                assert label.height() >= needed, (key, label.text()[:40], label.height(), needed)
        assert page.scroll is not None


def test_the_listening_page_no_longer_sets_the_window_height(window, sample):
    assert window.open_path(sample)
    window.show_page("listening")
    _settle()
    assert window.minimumSizeHint().height() <= 600


def test_a_two_line_error_under_an_amount_is_shown_whole(qtbot, window):
    window.resize(1024, 640)
    page = window.show_page("anchors")
    _settle()
    field = page.target
    field.lineEdit().setText("92.000,50")
    field.lineEdit().textEdited.emit("92.000,50")
    field._revalidate(True)
    _settle()
    message = next(
        label for label in field.findChildren(QLabel) if label.isVisible() and "⚠" in label.text()
    )
    lines = message.height() // message.fontMetrics().lineSpacing()
    assert lines >= 2  # it wraps at this width…
    assert message.height() >= message.heightForWidth(message.width())  # …and is not cut
    window.doc.undo_stack.setClean()


def test_hiding_the_summary_gives_a_small_screen_to_the_page(window, sample):
    assert window.open_path(sample)
    window.resize(1024, 640)
    page = window.show_page("concessions")
    _settle()
    narrow = page.table.viewport().width()
    window.navigation.set_summary_visible(False)
    _settle()
    assert page.table.viewport().width() > narrow + 250

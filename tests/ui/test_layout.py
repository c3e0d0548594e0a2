"""Looks and feel: tab order follows the form, hostile text and big lists never break the layout."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import OFFSCREEN_LIMITS
from worksheet.domain.deal import TEXT_LIMIT, Concession, Deal, Interest, Vision
from worksheet.io import save

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_LIMITS)


def test_tab_order_follows_the_deal_form(qtbot, window):
    page = window.show_page("deal")
    qtbot.waitExposed(window)
    window.activateWindow()
    order = [
        ("title",),
        ("kind",),
        ("role",),
        ("currency",),
        ("price_unit",),
        ("counterpart", "name"),
        ("counterpart", "organization"),
        ("counterpart", "style"),
        ("counterpart", "notes"),
        ("meeting", "date"),
        ("meeting", "place"),
        ("meeting", "attendees"),
    ]
    first = page.widget_for(order[0])
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    for path in order[1:]:
        window.focusNextChild()
        expected = page.widget_for(path)
        assert QApplication.focusWidget() is expected, f"Tab should reach {path}"


def test_hostile_text_keeps_the_window_usable_at_1280_by_720(qtbot, window, tmp_path):
    long = ("مرحبا بالعالم — 你好，世界 — Ελληνικά — " * 1000)[:TEXT_LIMIT]
    deal = Deal(
        title=long,
        price_unit="<b>bold?</b> & \u202eevil\u202c",
        vision=Vision(goal=long, success=long),
        concessions=[Concession(what=long, notes=long, ask_in_return="שאלה")] * 3,
        listening=__import__("worksheet.domain.deal", fromlist=["Listening"]).Listening(
            interests=[Interest(what=long, why=long)], questions=[long] * 3
        ),
    )
    path = tmp_path / "hostile.deal"
    save(deal, path)
    assert window.open_path(path)
    window.resize(1280, 720)
    for key in ("deal", "vision", "anchors", "concessions", "listening"):
        window.show_page(key)
        QApplication.processEvents()
        hint = window.minimumSizeHint()
        assert hint.width() <= 1280 and hint.height() <= 720, (key, hint)
    # Rich text is never interpreted: the field shows the characters as typed.
    assert window.page("deal").widget_for(("price_unit",)).text() == deal.price_unit
    assert window.windowTitle().startswith("hostile.deal")


def test_window_fits_1280_by_720(window):
    window.resize(1280, 720)
    QApplication.processEvents()
    assert window.width() == 1280 and window.height() == 720
    assert window.summary_panel.isVisible()
    assert window.summary_panel.width() >= 320

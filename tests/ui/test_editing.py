"""Editing through the real widgets: the summary follows, typing merges, bad amounts stay out."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from tests.ui.helpers import OFFSCREEN_LIMITS
from worksheet.domain.summary import summarize

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_LIMITS)


def type_into(qtbot, field, text: str) -> None:
    edit = field.lineEdit() if hasattr(field, "lineEdit") else field
    edit.setFocus()
    qtbot.keyClicks(edit, text)


def done(window, code: str) -> bool:
    return next(c.done for c in window.summary.readiness if c.code == code)


def test_typing_anchors_updates_chart_zones_and_readiness(qtbot, window):
    page = window.show_page("anchors")
    chart = window.summary_panel.chart
    assert window.summary.status == "unknown"
    assert not done(window, "walk_away") and not done(window, "their_estimate")
    assert all(z is None for z in chart.chartModel().zones.values())

    type_into(qtbot, page.walk_away, "104000")
    assert window.doc.deal.anchors.walk_away == Decimal("104000")
    assert done(window, "walk_away")
    type_into(qtbot, page.their_low, "88000")
    type_into(qtbot, page.their_likely, "100000")
    type_into(qtbot, page.their_high, "112000")
    assert done(window, "their_estimate")
    # 104,000 lies between their likely and highest walk-away: only the best zone exists.
    assert window.summary.status == "possible"
    assert window.summary.best is not None and window.summary.best.low == Decimal("104000")
    zones = chart.chartModel().zones
    assert zones.get("best") is not None and zones.get("worst") is None

    page.walk_away.lineEdit().selectAll()
    type_into(qtbot, page.walk_away, "80000")
    assert window.doc.deal.anchors.walk_away == Decimal("80000")
    assert window.summary.status == "certain"
    assert chart.chartModel().zones.get("worst") is not None


def test_typing_in_one_field_is_one_undo_step(qtbot, window):
    page = window.show_page("vision")
    goal = page.widget_for(("vision", "goal"))
    type_into(qtbot, goal, "Renew at 118k")
    stack = window.doc.undo_stack
    assert stack.count() == 1
    assert window.doc.deal.vision.goal == "Renew at 118k"
    assert window.isWindowModified()

    stack.undo()
    assert window.doc.deal.vision.goal == ""
    assert goal.toPlainText() == ""
    assert not window.isWindowModified()
    stack.redo()
    assert window.doc.deal.vision.goal == "Renew at 118k"
    assert goal.toPlainText() == "Renew at 118k"

    # Another field starts a new step; undo takes back only that one.
    title = window.show_page("deal").widget_for(("title",))
    type_into(qtbot, title, "Acme")
    assert stack.count() == 2
    stack.undo()
    assert window.doc.deal.title == "" and title.text() == ""
    assert window.doc.deal.vision.goal == "Renew at 118k"


def test_ctrl_z_in_a_text_field_uses_the_document_undo(qtbot, window):
    title = window.show_page("deal").widget_for(("title",))
    window.activateWindow()
    type_into(qtbot, title, "Acme")
    qtbot.waitUntil(title.hasFocus)
    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.deal.title == ""
    assert window.doc.undo_stack.index() == 0


def test_undo_covers_choices_money_and_rows(qtbot, window):
    anchors = window.show_page("anchors")
    type_into(qtbot, anchors.target, "118000")
    model = window.page("concessions").model
    model.add_row()
    stack = window.doc.undo_stack
    assert len(window.doc.deal.concessions) == 1
    stack.undo()
    assert window.doc.deal.concessions == []
    stack.undo()
    assert window.doc.deal.anchors.target is None
    assert anchors.target.lineEdit().text() == ""


def test_invalid_amount_shows_a_message_and_leaves_the_deal(qtbot, window):
    page = window.show_page("anchors")
    type_into(qtbot, page.target, "118000")
    qtbot.keyClick(page.target.lineEdit(), Qt.Key.Key_Return)  # the entry is committed
    before = window.doc.deal.anchors.target
    steps = window.doc.undo_stack.count()
    type_into(qtbot, page.target, "x")
    assert window.doc.deal.anchors.target == before == Decimal("118000")
    assert window.doc.undo_stack.count() == steps
    assert not page.target.isValid()
    qtbot.waitUntil(
        lambda: any(
            label.isVisible() and "⚠" in label.text() for label in page.target.findChildren(QLabel)
        ),
        timeout=3000,
    )
    assert page.target.errorMessage()


def test_bad_date_and_currency_are_refused_inline(qtbot, window):
    page = window.show_page("deal")
    date = page.widget_for(("meeting", "date"))
    type_into(qtbot, date, "2027-13-45")
    assert window.doc.deal.meeting.date == ""
    labels = date.parentWidget().findChildren(QLabel)
    qtbot.waitUntil(
        lambda: any(lb.isVisible() and "YYYY-MM-DD" in lb.text() for lb in labels), timeout=3000
    )
    type_into(qtbot, date, "\b" * 10 + "2027-01-14")
    assert window.doc.deal.meeting.date == "2027-01-14"
    currency = page.widget_for(("currency",))
    currency.selectAll()
    type_into(qtbot, currency, "eu")
    assert window.doc.deal.currency == "USD"
    type_into(qtbot, currency, "r")
    assert window.doc.deal.currency == "EUR"
    anchors = window.show_page("anchors")
    assert anchors.target.currency() == "EUR"


def test_role_choice_is_undoable_and_moves_the_summary(qtbot, window):
    page = window.show_page("deal")
    role = page.widget_for(("role",))
    role.activated.emit(role.findData("buyer"))
    assert window.doc.deal.role == "buyer"
    assert window.summary.role == "buyer"
    window.doc.undo_stack.undo()
    assert window.doc.deal.role == "seller" and role.currentData() == "seller"


def test_readiness_click_takes_you_to_the_field(qtbot, window):
    window.activateWindow()
    qtbot.waitExposed(window)
    window.summary_panel.readinessActivated.emit("walk_away")
    page = window.page("anchors")
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.walk_away.lineEdit())
    window.summary_panel.readinessActivated.emit("questions")
    listening = window.page("listening")
    assert window.stack.currentWidget() is listening
    qtbot.waitUntil(lambda: QApplication.focusWidget() is listening.questions)
    window.summary_panel.readinessActivated.emit("goal")
    qtbot.waitUntil(
        lambda: QApplication.focusWidget() is window.page("vision").widget_for(("vision", "goal"))
    )


def test_every_field_has_an_accessible_name(window):
    from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QTableView

    for key in (
        "deal",
        "vision",
        "anchors",
        "concessions",
        "fallbacks",
        "listening",
        "offers",
        "notes",
    ):
        page = window.page(key)
        inputs = (
            page.findChildren(QLineEdit)
            + page.findChildren(QPlainTextEdit)
            + page.findChildren(QComboBox)
            + page.findChildren(QTableView)
        )
        assert inputs, key
        for widget in inputs:
            if widget.parentWidget() and isinstance(widget.parentWidget(), QComboBox):
                continue
            assert widget.accessibleName(), f"{key}: {widget!r} has no accessible name"


def test_summary_is_the_domain_summary(window, sample):
    assert window.open_path(sample)
    assert window.summary == summarize(window.doc.deal)


def test_readiness_trades_selects_the_ask_in_return_cell(qtbot, window):
    from worksheet.domain.deal import Concession, Deal

    window.doc.replace(Deal(concessions=[Concession("Net-60"), Concession("Training")]))
    window.summary_panel.readinessActivated.emit("trades")
    page = window.page("concessions")
    assert window.stack.currentWidget() is page
    current = page.table.currentIndex()
    assert (current.row(), current.column()) == (0, page.model.ASK)


def test_delete_key_removes_the_selected_row(qtbot, window):
    page = window.show_page("concessions")
    qtbot.waitExposed(window)
    window.activateWindow()
    page.model.add_row()
    page.model.add_row()
    page.table.setCurrentIndex(page.model.index(1, 0))
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert len(window.doc.deal.concessions) == 1


def test_ctrl_z_in_a_text_box_uses_the_document_undo(qtbot, window):
    goal = window.show_page("vision").widget_for(("vision", "goal"))
    window.activateWindow()
    goal.setFocus()
    qtbot.waitUntil(goal.hasFocus)
    qtbot.keyClicks(goal, "Two-year term")
    assert window.doc.undo_stack.count() == 1
    qtbot.keyClick(goal, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.deal.vision.goal == "" and goal.toPlainText() == ""
    qtbot.keyClick(
        goal, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.doc.deal.vision.goal == "Two-year term"

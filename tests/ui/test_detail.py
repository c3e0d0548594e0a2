"""The list pages' detail editor, package line, empty-table hint and keys, and 2,000 rows."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLineEdit, QPlainTextEdit

from tests.domain.builders import pack
from tests.ui.helpers import OFFSCREEN_LIMITS
from worksheet.domain.deal import Concession, Deal, Interest, Listening, Objection, Offer
from worksheet.ui.models import ConcessionsModel
from worksheet.ui.widgets.money_field import MoneyField

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_LIMITS)

LONG = "Net-60 payment terms instead of Net-30, if they sign the two-year renewal by Friday"


def concessions_deal() -> Deal:
    deal = Deal(
        currency="USD",
        concessions=[
            Concession(LONG, Decimal(900), Decimal(3500), "Two-year term", order=1),
            Concession("Free onboarding", Decimal(4000), Decimal(9000), "A case study", order=2),
            Concession("Keep the quote open", Decimal(0), None, "A decision date", order=3),
        ],
    )
    return pack(deal, [True, True, False])


def in_package(page, row: int) -> bool:
    deal = page.doc.deal
    return deal.in_active(deal.concessions[row])


@pytest.fixture
def page(qtbot, window):
    window.doc.replace(concessions_deal())
    p = window.show_page("concessions")
    qtbot.waitExposed(window)
    window.activateWindow()
    return p


def form_of(page, view=None):
    return page.detail.form_for(view or page.table)


def field(page, column: int, view=None):
    return form_of(page, view).fields[column]


def type_in(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    qtbot.keyClicks(widget, text)


def test_detail_shows_the_selected_row_in_full(page):
    what = field(page, ConcessionsModel.WHAT)
    assert not form_of(page).isEnabled() and what.toPlainText() == ""
    assert "Select a concession" in page.detail.title.text()
    page.table.selectRow(0)
    assert form_of(page).isEnabled()
    assert isinstance(what, QPlainTextEdit) and what.toPlainText() == LONG  # whole, not elided
    cost = field(page, ConcessionsModel.COST)
    assert isinstance(cost, MoneyField) and cost.amount() == Decimal(900)
    assert field(page, ConcessionsModel.IN_PACKAGE).isChecked()
    assert field(page, ConcessionsModel.ORDER).text() == "1"
    assert page.detail.title.text() == "Concession 1"
    page.table.selectRow(2)
    assert what.toPlainText() == "Keep the quote open"
    assert field(page, ConcessionsModel.VALUE).lineEdit().text() == ""
    assert not field(page, ConcessionsModel.IN_PACKAGE).isChecked()
    # The table still shows one line per cell, with the whole text as its tooltip.
    tip = page.model.index(0, ConcessionsModel.WHAT).data(Qt.ItemDataRole.ToolTipRole)
    assert LONG in tip


def test_typing_in_the_detail_reaches_the_deal_and_the_table_as_one_undo_step(qtbot, page):
    doc = page.doc
    page.table.selectRow(1)
    ask = field(page, ConcessionsModel.ASK)
    ask.moveCursor(ask.textCursor().MoveOperation.End)
    type_in(qtbot, ask, " and a quote")
    assert doc.deal.concessions[1].ask_in_return == "A case study and a quote"
    cell = page.model.index(1, ConcessionsModel.ASK)
    assert cell.data() == "A case study and a quote"
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.deal.concessions[1].ask_in_return == "A case study"
    assert ask.toPlainText() == "A case study" and cell.data() == "A case study"
    doc.undo_stack.redo()
    assert ask.toPlainText() == "A case study and a quote"


def test_table_edits_and_undo_refresh_the_detail(page):
    doc = page.doc
    page.table.selectRow(0)
    cost = field(page, ConcessionsModel.COST)
    assert page.model.setData(page.model.index(0, ConcessionsModel.COST), "1,250")
    assert doc.deal.concessions[0].cost_to_us == Decimal(1250)
    assert cost.amount() == Decimal(1250)
    assert page.model.setData(page.model.index(0, ConcessionsModel.WHAT), "Net-45")
    assert field(page, ConcessionsModel.WHAT).toPlainText() == "Net-45"
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert field(page, ConcessionsModel.WHAT).toPlainText() == LONG
    assert cost.amount() == Decimal(900)
    # Another row's edit leaves the shown row alone.
    page.model.setData(page.model.index(1, ConcessionsModel.WHAT), "Other")
    assert field(page, ConcessionsModel.WHAT).toPlainText() == LONG


def test_money_and_package_box_in_the_detail_move_the_package_line(qtbot, page):
    doc = page.doc
    line = page.table.count_label
    assert line.text() == "2 of 3 in the package · costs us $4,900 · worth $12,500 to them"
    page.table.selectRow(2)
    box = field(page, ConcessionsModel.IN_PACKAGE)
    assert isinstance(box, QCheckBox)
    box.click()
    assert doc.deal.in_active(doc.deal.concessions[2]) is True
    assert doc.undo_stack.count() == 1
    # The third has no value to them yet, so the sum is a lower bound.
    assert line.text() == "3 of 3 in the package · costs us $4,900 · worth at least $12,500 to them"
    value = field(page, ConcessionsModel.VALUE)
    type_in(qtbot, value.lineEdit(), "2500")
    assert doc.deal.concessions[2].value_to_them == Decimal(2500)
    assert doc.undo_stack.count() == 2  # typing an amount is one step
    assert line.text() == "3 of 3 in the package · costs us $4,900 · worth $15,000 to them"
    assert window_summary(page).package_value == Decimal(15000)
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert not box.isChecked() and value.lineEdit().text() == ""
    assert line.text().startswith("2 of 3 in the package")


def window_summary(page):
    return page.window().summary


def test_an_invalid_amount_in_the_detail_leaves_the_deal_unchanged(qtbot, page):
    doc = page.doc
    page.table.selectRow(0)
    cost = field(page, ConcessionsModel.COST)
    edit = cost.lineEdit()
    edit.selectAll()
    type_in(qtbot, edit, "abc12")
    assert doc.deal.concessions[0].cost_to_us == Decimal(900)
    assert doc.undo_stack.count() == 0
    assert not cost.isValid() and cost.errorMessage()
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert doc.deal.concessions[0].cost_to_us == Decimal(900)
    assert page.model.index(0, ConcessionsModel.COST).data() == "$900"


def test_order_field_keeps_only_whole_numbers(qtbot, page):
    doc = page.doc
    page.table.selectRow(1)
    order = field(page, ConcessionsModel.ORDER)
    assert isinstance(order, QLineEdit)
    order.selectAll()
    type_in(qtbot, order, "x")
    assert order.text() == "x"
    assert doc.deal.concessions[1].order == 2  # refused, nothing pushed
    order.selectAll()
    qtbot.keyClicks(order, "7")
    assert doc.deal.concessions[1].order == 7
    assert page.model.index(1, ConcessionsModel.ORDER).data() == "7"
    qtbot.keyClick(order, Qt.Key.Key_Return)  # the entry is committed
    order.selectAll()
    qtbot.keyClicks(order, "7½")
    messages = []
    page.message.connect(messages.append)
    order.clearFocus()  # leaving a bad number puts the kept value back and says why
    assert doc.deal.concessions[1].order == 7 and order.text() == "7"
    assert messages and "whole number" in messages[0]


def test_hostile_text_is_shown_as_typed(page):
    page.doc.replace(Deal(concessions=[Concession("<b>bold</b> & \u202eevil\n2nd line")]))
    page.table.selectRow(0)
    assert field(page, ConcessionsModel.WHAT).toPlainText() == "<b>bold</b> & \u202eevil\n2nd line"


def test_removing_and_moving_rows_keep_the_detail_on_the_current_row(qtbot, page):
    page.table.selectRow(0)
    page.table.move_current(1)
    assert page.table.currentIndex().row() == 1
    assert field(page, ConcessionsModel.WHAT).toPlainText() == LONG
    assert page.detail.title.text() == "Concession 2"
    page.table.remove_current()
    assert len(page.doc.deal.concessions) == 2
    current = page.table.currentIndex().row()
    assert field(page, ConcessionsModel.WHAT).toPlainText() == (
        page.doc.deal.concessions[current].what
    )
    page.doc.replace(Deal())
    assert not form_of(page).isEnabled() and field(page, ConcessionsModel.WHAT).toPlainText() == ""


def test_empty_tables_paint_a_hint(qtbot, window):
    window.doc.replace(Deal())
    for key, view_name in (
        ("concessions", "table"),
        ("fallbacks", "table"),
        ("offers", "table"),
        ("listening", "objections"),
    ):
        page = window.show_page(key)
        view = getattr(page, view_name)
        assert view.model().rowCount() == 0
        hint = view.property("placeholderText")
        assert hint and hint.startswith("No ")
        QApplication.processEvents()
        with_hint = view.viewport().grab().toImage()
        view.set_placeholder_text("")
        without = view.viewport().grab().toImage()
        assert with_hint != without, f"{key}: the hint is not painted"
        view.set_placeholder_text(hint)
        view.table_model.add_row()
        assert view.viewport().grab().toImage() != with_hint  # a row replaces the hint
    assert window.page("concessions").table.add_button.isEnabled()


def test_keys_insert_delete_and_move(qtbot, page):
    doc = page.doc
    table = page.table
    table.setCurrentIndex(page.model.index(0, 0))
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Insert)
    assert len(doc.deal.concessions) == 4 and doc.deal.concessions[1].what == ""
    assert table.currentIndex().row() == 1
    doc.undo_stack.undo()
    assert len(doc.deal.concessions) == 3
    # Ctrl+Down moves the concession; its planned order stays with the position.
    table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert [c.what for c in doc.deal.concessions][:2] == ["Free onboarding", LONG]
    assert [c.order for c in doc.deal.concessions] == [1, 2, 3]
    assert table.currentIndex().row() == 1
    qtbot.keyClick(table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert doc.deal.concessions[0].what == LONG
    # Delete removes every selected row, as one undo step.
    steps = doc.undo_stack.count()
    flags = table.selectionModel().SelectionFlag
    table.selectionModel().select(page.model.index(0, 0), flags.ClearAndSelect | flags.Rows)
    table.selectionModel().select(page.model.index(2, 0), flags.Select | flags.Rows)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert [c.what for c in doc.deal.concessions] == ["Free onboarding"]
    assert doc.undo_stack.count() == steps + 1
    doc.undo_stack.undo()
    assert [c.what for c in doc.deal.concessions] == [
        LONG,
        "Free onboarding",
        "Keep the quote open",
    ]


def test_listening_detail_follows_the_table_last_used(qtbot, window):
    window.doc.replace(
        Deal(
            listening=Listening(
                objections=[Objection("Too expensive", "Budget freeze", "Show the two-year cost")]
            )
        )
    )
    page = window.show_page("listening")
    qtbot.waitExposed(window)
    assert page.interests_model.rowCount() == 0
    assert page.detail.title.text().startswith("Select an interest")
    page.objections.selectRow(0)
    response = field(page, 2, page.objections)
    assert page.detail.stack.currentWidget() is form_of(page, page.objections)
    assert response.toPlainText() == "Show the two-year cost"
    type_in(qtbot, response, "Also: ")
    assert window.doc.deal.listening.objections[0].response.startswith("Also: ")
    assert window.doc.undo_stack.count() == 1
    page.interests_model.add_row()
    page.interests.selectRow(0)
    assert page.detail.stack.currentWidget() is form_of(page, page.interests)
    assert page.detail.title.text() == "Interest 1"


def test_offer_detail_refuses_a_bad_date(qtbot, window):
    window.doc.replace(Deal(offers=[Offer(at="2027-01-14T15:30", by="them", amount=Decimal(5))]))
    page = window.show_page("offers")
    qtbot.waitExposed(window)
    page.table.selectRow(0)
    when = field(page, 0)
    assert when.text() == "2027-01-14 15:30"
    when.selectAll()
    type_in(qtbot, when, "tomorrow")
    assert window.doc.deal.offers[0].at == "2027-01-14T15:30"
    when.selectAll()
    qtbot.keyClicks(when, "2027-02-01 09:00")
    assert window.doc.deal.offers[0].at.startswith("2027-02-01")
    by = field(page, 1)
    by.setCurrentIndex(by.findData("us"))
    by.activated.emit(by.currentIndex())
    assert window.doc.deal.offers[0].by == "us"


def test_two_thousand_concessions_select_and_edit(qtbot, window):
    window.doc.replace(
        Deal(
            concessions=[
                Concession(f"Concession {i} " + "long words " * 8, Decimal(i), Decimal(2 * i))
                for i in range(2000)
            ]
        )
    )
    page = window.show_page("concessions")
    qtbot.waitExposed(window)
    window.activateWindow()
    page.table.selectRow(0)
    QApplication.processEvents()
    # Selecting and typing must not rebuild the table (its timings live in tests/bench).
    resets = []
    page.model.modelReset.connect(lambda: resets.append(1))
    what = field(page, ConcessionsModel.WHAT)
    for row in range(1000, 1010):
        page.table.selectRow(row)
        window.repaint()
        assert what.toPlainText() == f"Concession {row} " + "long words " * 8
    what.setFocus()
    qtbot.waitUntil(what.hasFocus)
    for ch in "quick":
        qtbot.keyClick(what, ch)
        window.repaint()
    assert window.doc.deal.concessions[1009].what.startswith("quick")
    assert window.doc.undo_stack.count() == 1
    assert resets == []


def test_ctrl_z_in_the_detail_uses_the_document_undo(qtbot, page):
    page.table.selectRow(2)
    notes = field(page, ConcessionsModel.NOTES)
    type_in(qtbot, notes, "Ask for a date")
    assert page.doc.deal.concessions[2].notes == "Ask for a date"
    qtbot.keyClick(notes, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.doc.deal.concessions[2].notes == "" and notes.toPlainText() == ""
    assert page.model.index(2, ConcessionsModel.NOTES).data() == ""


def test_a_hidden_form_follows_its_rows_while_another_table_is_shown(qtbot, window):
    window.doc.replace(
        Deal(
            listening=Listening(
                interests=[Interest(what="Speed"), Interest(what="Price")],
                objections=[Objection("Too expensive")],
            ),
        )
    )
    page = window.show_page("listening")
    page.interests.selectRow(1)
    page.objections.selectRow(0)
    assert page.detail.stack.currentWidget() is form_of(page, page.objections)
    page.interests_model.remove_row(0)  # e.g. an undo while the objection is on show
    hidden = form_of(page, page.interests)
    assert page.interests.currentIndex().row() == 0 and hidden.row == 0
    assert field(page, 1, page.interests).toPlainText() == "Price"
    assert page.detail.stack.currentWidget() is form_of(page, page.objections)


def test_the_package_tick_sits_in_the_middle_of_its_cell_and_syncs_the_detail(qtbot, page):
    table = page.table
    table.selectRow(2)
    index = page.model.index(2, ConcessionsModel.IN_PACKAGE)
    cell = table.visualRect(index)
    box = field(page, ConcessionsModel.IN_PACKAGE)
    assert not in_package(page, 2) and not box.isChecked()
    # Near the left edge (where Qt would put the box) nothing happens...
    left = cell.topLeft()
    left.setX(left.x() + 4)
    left.setY(cell.center().y())
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=left)
    assert not in_package(page, 2)
    # ...in the middle, the tick changes the deal, the detail box and the package line.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell.center())
    assert in_package(page, 2) and box.isChecked()
    assert page.table.count_label.text().startswith("3 of 3 in the package")
    page.doc.undo_stack.undo()
    assert not in_package(page, 2) and not box.isChecked()


def test_space_ticks_the_package_box_in_the_table(qtbot, page):
    table = page.table
    table.setCurrentIndex(page.model.index(2, ConcessionsModel.IN_PACKAGE))
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert in_package(page, 2)
    assert field(page, ConcessionsModel.IN_PACKAGE).isChecked()

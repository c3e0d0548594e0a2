"""Table models over the deal's lists, tested without a window, and the concessions page."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLineEdit, QStyleOptionViewItem, QWidget

from tests.domain.builders import pack
from tests.ui.helpers import OFFSCREEN_LIMITS
from worksheet.domain.deal import Concession, Deal, Fallback, Offer
from worksheet.domain.summary import summarize
from worksheet.io import save
from worksheet.ui.delegates import CellDelegate
from worksheet.ui.document import DealDocument
from worksheet.ui.models import (
    ConcessionsModel,
    FallbacksModel,
    OffersModel,
    QuestionsModel,
    ValueRole,
)

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_LIMITS)


@pytest.fixture
def doc(qapp):
    d = DealDocument()
    deal = Deal(
        currency="EUR",
        concessions=[
            Concession("Net-60", Decimal(900), Decimal(3500), "Two-year term", order=1),
            Concession("Onboarding", Decimal(4000), Decimal(9000), "", order=2),
        ],
    )
    d.replace(pack(deal, [True, False]))
    return d


def package(doc) -> tuple[Decimal, Decimal]:
    s = summarize(doc.deal)
    return s.package_cost, s.package_value


def test_cells_show_amounts_in_the_deal_currency(doc):
    model = ConcessionsModel(doc)
    assert model.rowCount() == 2 and model.columnCount() == 7
    cost = model.index(0, ConcessionsModel.COST)
    assert model.data(cost) == "€900"
    assert model.data(cost, ValueRole) == Decimal(900)
    assert model.headerData(ConcessionsModel.COST, Qt.Orientation.Horizontal) == "Cost to us"
    assert "EUR" in model.headerData(
        ConcessionsModel.COST, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert model.data(
        model.index(0, ConcessionsModel.IN_PACKAGE), Qt.ItemDataRole.CheckStateRole
    ) == (Qt.CheckState.Checked)


def test_editing_a_cell_changes_one_cell_and_is_undoable(doc, qtbot):
    model = ConcessionsModel(doc)
    changed = []
    model.dataChanged.connect(
        lambda a, b: changed.append((a.row(), a.column(), b.row(), b.column()))
    )
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    assert model.setData(model.index(1, ConcessionsModel.COST), "4,500.50")
    assert doc.deal.concessions[1].cost_to_us == Decimal("4500.50")
    assert changed == [(1, ConcessionsModel.COST, 1, ConcessionsModel.COST)]
    assert not resets
    doc.undo_stack.undo()
    assert doc.deal.concessions[1].cost_to_us == Decimal(4000)


def test_bad_cell_input_leaves_the_model_unchanged(doc):
    model = ConcessionsModel(doc)
    for bad in ("abc", "1e5", "-5", "1.23456", "10000000000000"):
        assert not model.setData(model.index(0, ConcessionsModel.COST), bad), bad
    assert doc.deal.concessions[0].cost_to_us == Decimal(900)
    assert not model.setData(model.index(0, ConcessionsModel.ORDER), "first")
    assert doc.undo_stack.count() == 0


def test_fallback_values_may_be_negative(doc):
    model = FallbacksModel(doc)
    row = model.add_row()
    assert model.setData(model.index(row, FallbacksModel.VALUE), "-2,000")
    assert doc.deal.fallbacks[row] == Fallback(kind="batna", value=Decimal(-2000))
    assert model.data(model.index(row, FallbacksModel.VALUE)) == "−€2,000"


def test_the_delegate_refuses_bad_amounts_visibly(doc, qtbot):
    model = ConcessionsModel(doc)
    delegate = CellDelegate()
    refused = []
    delegate.inputRefused.connect(refused.append)
    parent = QWidget()
    qtbot.addWidget(parent)
    index = model.index(0, ConcessionsModel.VALUE)
    editor = delegate.createEditor(parent, QStyleOptionViewItem(), index)
    assert isinstance(editor, QLineEdit)
    delegate.setEditorData(editor, index)
    assert editor.text() == "3,500"
    editor.setText("lots")
    delegate.setModelData(editor, model, index)
    assert doc.deal.concessions[0].value_to_them == Decimal(3500)
    assert refused and "Value to them" in refused[0]
    editor.setText("3 800")
    delegate.setModelData(editor, model, index)
    assert doc.deal.concessions[0].value_to_them == Decimal(3800)


def test_choice_and_date_cells(doc, qtbot):
    model = OffersModel(doc)
    row = model.add_row()
    assert doc.deal.offers[row].by == "us"
    assert not model.setData(model.index(row, OffersModel.AT), "next tuesday")
    assert model.setData(model.index(row, OffersModel.AT), "2027-01-14 15:30")
    assert not model.setData(model.index(row, OffersModel.BY), "nobody")
    assert model.setData(model.index(row, OffersModel.BY), "them")
    assert doc.deal.offers[row] == Offer(at="2027-01-14 15:30", by="them")
    assert model.data(model.index(row, OffersModel.BY)) == "Them"


def test_questions_are_a_list_of_texts(doc):
    model = QuestionsModel(doc)
    for text in ("What matters most?", "Who else decides?", "What would make this easy?"):
        row = model.add_row()
        assert model.setData(model.index(row, 0), text)
    assert doc.deal.listening.questions[1] == "Who else decides?"
    assert summarize(doc.deal).readiness_missing.count("questions") == 0
    model.remove_row(0)
    assert doc.deal.listening.questions == ["Who else decides?", "What would make this easy?"]


def test_add_remove_toggle_and_reorder_change_the_package(doc):
    model = ConcessionsModel(doc)
    assert package(doc) == (Decimal(900), Decimal(3500))

    in_package = model.index(1, ConcessionsModel.IN_PACKAGE)
    assert model.flags(in_package) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.setData(in_package, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert package(doc) == (Decimal(4900), Decimal(12500))

    row = model.add_row()
    model.setData(model.index(row, ConcessionsModel.COST), "100")
    model.setData(model.index(row, ConcessionsModel.VALUE), "250")
    model.setData(
        model.index(row, ConcessionsModel.IN_PACKAGE),
        Qt.CheckState.Checked,
        Qt.ItemDataRole.CheckStateRole,
    )
    assert package(doc) == (Decimal(5000), Decimal(12750))

    model.remove_row(0)
    assert package(doc) == (Decimal(4100), Decimal(9250))
    assert [c.what for c in doc.deal.concessions] == ["Onboarding", ""]

    # Moving a row moves it in the planned order too: the order number stays with the position.
    moved = []
    model.rowsMoved.connect(lambda *args: moved.append(args))
    assert model.move_row(1, -1) == 0
    assert [c.what for c in doc.deal.concessions] == ["", "Onboarding"]
    assert [c.order for c in doc.deal.concessions] == [2, None]
    assert moved
    assert model.move_row(0, -1) == 0  # already first
    doc.undo_stack.undo()
    assert [c.what for c in doc.deal.concessions] == ["Onboarding", ""]
    assert [c.order for c in doc.deal.concessions] == [2, None]


def test_undo_of_remove_puts_the_row_back(doc):
    model = ConcessionsModel(doc)
    original = list(doc.deal.concessions)
    model.remove_row(0)
    assert model.rowCount() == 1
    doc.undo_stack.undo()
    assert doc.deal.concessions == original
    assert model.rowCount() == 2 and model.data(model.index(0, 0)) == "Net-60"


def test_currency_change_refreshes_money_cells(doc):
    from worksheet.ui.undo import SetValue

    model = ConcessionsModel(doc)
    doc.push(SetValue(doc, ("currency",), "JPY"))
    assert model.data(model.index(0, ConcessionsModel.COST)) == "¥900"


def test_long_and_multiline_text_stays_on_one_line(doc):
    model = ConcessionsModel(doc)
    long = "Lange Zahlungsfrist — 長い支払期間\n" * 500
    assert model.setData(model.index(0, ConcessionsModel.WHAT), long)
    shown = model.data(model.index(0, ConcessionsModel.WHAT))
    assert "\n" not in shown
    tip = model.data(model.index(0, ConcessionsModel.WHAT), Qt.ItemDataRole.ToolTipRole)
    assert "長い支払期間" in tip and len(tip) < 2100
    assert model.setData(model.index(0, ConcessionsModel.ASK), "<b>bold</b> & <img src=x>")
    tip = model.data(model.index(0, ConcessionsModel.ASK), Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;img src=x&gt;" in tip and "<b>" not in tip
    assert not model.setData(model.index(0, ConcessionsModel.NOTES), "x" * 20_001)


def test_concessions_page_buttons(qtbot, window):
    page = window.show_page("concessions")
    table = page.table
    assert page.model.rowCount() == 0
    assert not table.remove_button.isEnabled()
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    assert len(window.doc.deal.concessions) == 2
    assert table.currentIndex().row() == 1
    assert table.remove_button.isEnabled()
    table.setCurrentIndex(page.model.index(0, 0))
    qtbot.mouseClick(table.remove_button, Qt.MouseButton.LeftButton)
    assert len(window.doc.deal.concessions) == 1
    window.doc.undo_stack.undo()
    assert len(window.doc.deal.concessions) == 2


def test_two_thousand_concessions_load_and_show(qtbot, window, tmp_path):
    deal = Deal(
        concessions=[
            Concession(f"Concession {i} — 譲歩 {i}", Decimal(i), Decimal(2 * i), "ask", order=i)
            for i in range(2000)
        ]
    )
    pack(deal, [i % 2 == 0 for i in range(2000)])
    path = tmp_path / "big.deal"
    save(deal, path)
    assert window.open_path(path)
    page = window.show_page("concessions")
    qtbot.waitExposed(window)
    page.table.scrollToBottom()
    assert page.model.rowCount() == 2000
    assert page.model.data(page.model.index(1999, 0)).startswith("Concession 1999")
    assert window.summary.package_cost == sum(Decimal(i) for i in range(0, 2000, 2))
    # Editing one cell must not reset the table.
    resets = []
    page.model.modelReset.connect(lambda: resets.append(1))
    page.model.setData(page.model.index(5, ConcessionsModel.WHAT), "edited")
    assert not resets and window.doc.deal.concessions[5].what == "edited"


def test_invalid_index_is_harmless(doc):
    model = ConcessionsModel(doc)
    assert model.data(QModelIndex()) is None
    assert not model.setData(QModelIndex(), "x")

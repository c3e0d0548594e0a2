"""The Packages page and the MESO builder, driven through their widgets."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QLineEdit
from shiboken6 import isValid

from tests.ui.helpers import OFFSCREEN_LIMITS
from worksheet.domain.deal import Concession, Offer
from worksheet.domain.summary import meso_test, summarize
from worksheet.ui.meso_dialog import MesoDialog
from worksheet.ui.models.packages import ASK, FIGURES, FIRST_CONCESSION, NAME

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_LIMITS)

ROW = {key: i for i, (key, *_rest) in enumerate(FIGURES)}


@pytest.fixture
def page(qtbot, window, sample):
    assert window.open_path(sample)
    p = window.show_page("packages")
    qtbot.waitExposed(window)
    window.activateWindow()
    return p


def cell_text(page, row: int, column: int) -> str:
    return page.model.index(row, column).data()


def click_cell(qtbot, page, row: int, column: int) -> None:
    view = page.table
    index = page.model.index(row, column)
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def open_editor(page):
    editors = [w for w in page.table.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(editors) == 1
    return editors[0]


def type_into_cell(qtbot, page, row: int, column: int, text: str) -> None:
    view = page.table
    index = page.model.index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = open_editor(page)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not isValid(editor) or not editor.isVisible())  # commit is queued


def test_packages_stand_side_by_side_with_their_figures(page) -> None:
    model = page.model
    assert model.columnCount() == 3
    assert [model.headerData(i, Qt.Orientation.Horizontal) for i in range(3)] == [
        "● Full service",
        "Terms and onboarding",
        "Onboarding and named engineer",
    ]
    assert cell_text(page, ASK, 0) == "$121,000"
    assert cell_text(page, ROW["net"], 0) == "$110,100"
    assert cell_text(page, ROW["acceptance"], 0) == "42%"
    assert cell_text(page, ROW["expected_value"], 0) == "$98,444.79"
    assert cell_text(page, ROW["best_ask"], 0) == "$120,600"
    # Concession rows: one tick per package.
    ticks = [
        model.index(FIRST_CONCESSION + r, 1).data(Qt.ItemDataRole.CheckStateRole) for r in range(4)
    ]
    assert ticks == [Qt.CheckState.Checked, Qt.CheckState.Checked] + [Qt.CheckState.Unchecked] * 2
    assert "form a MESO" in page.status.text()


def test_one_click_on_a_name_makes_it_active_and_the_zone_follows(qtbot, window, page) -> None:
    assert window.summary.package_cost == Decimal(10900)
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(1) + header.sectionSize(1) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )
    assert window.doc.deal.active_package == "p2"
    assert window.summary.package_cost == Decimal(4900)  # the live zone follows
    assert page.model.headerData(1, Qt.Orientation.Horizontal).startswith("●")
    assert "active: Terms and onboarding" in page.status.text()
    # The Concessions page's tick column now shows p2.
    concessions = window.show_page("concessions")
    column = concessions.model.IN_PACKAGE
    states = [
        concessions.model.index(r, column).data(Qt.ItemDataRole.CheckStateRole) for r in range(4)
    ]
    assert states == [Qt.CheckState.Checked, Qt.CheckState.Checked] + [Qt.CheckState.Unchecked] * 2
    window.doc.undo_stack.undo()
    assert window.doc.deal.active_package == "p1" and window.summary.package_cost == 10900


def test_active_row_tick_chooses_the_package(qtbot, window, page) -> None:
    click_cell(qtbot, page, ROW["active"], 2)
    assert window.doc.deal.active_package == "p3"
    assert window.summary.package_cost == Decimal(10000)


def test_ticking_a_concession_moves_the_package_figures(qtbot, window, page) -> None:
    doc = window.doc
    before = cell_text(page, ROW["acceptance"], 1)
    click_cell(qtbot, page, FIRST_CONCESSION + 2, 1)  # named engineer into "Terms and onboarding"
    assert doc.deal.packages[1].concessions == ["c1", "c2", "c3"]
    assert cell_text(page, ROW["cost_to_us"], 1) == "$10,900"
    assert cell_text(page, ROW["net"], 1) == "$104,100"
    assert cell_text(page, ROW["acceptance"], 1) != before
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.deal.packages[1].concessions == ["c1", "c2"]
    assert cell_text(page, ROW["cost_to_us"], 1) == "$4,900"


def test_typing_an_ask_in_its_cell(qtbot, window, page) -> None:
    type_into_cell(qtbot, page, ASK, 2, "119,500")
    assert window.doc.deal.packages[2].ask == Decimal(119500)
    assert cell_text(page, ROW["net"], 2) == "$109,500"
    # A bad amount is refused and changes nothing.
    messages = []
    page.message.connect(messages.append)
    type_into_cell(qtbot, page, ASK, 2, "lots")
    assert window.doc.deal.packages[2].ask == Decimal(119500)
    assert messages and "keeps its previous value" in messages[-1]


def test_add_copy_rename_move_remove_each_undoable(qtbot, window, page) -> None:
    doc = window.doc
    names = lambda: [p.name for p in doc.deal.packages]  # noqa: E731
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert names()[-1] == "Package 4" and doc.deal.active_package == "p4"
    assert page.model.columnCount() == 4
    page.table.setCurrentIndex(page.model.index(NAME, 0))
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    assert names()[:2] == ["Full service", "Full service (copy)"]
    assert doc.deal.packages[1].concessions == doc.deal.packages[0].concessions
    qtbot.mouseClick(page.rename_button, Qt.MouseButton.LeftButton)
    editor = open_editor(page)
    editor.selectAll()
    qtbot.keyClicks(editor, "Everything, longer term")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not isValid(editor) or not editor.isVisible())
    assert names()[1] == "Everything, longer term"
    assert page.model.headerData(1, Qt.Orientation.Horizontal).endswith("Everything, longer term")
    qtbot.mouseClick(page.right_button, Qt.MouseButton.LeftButton)
    assert names()[2] == "Everything, longer term"
    qtbot.mouseClick(page.left_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.left_button, Qt.MouseButton.LeftButton)
    assert names()[0] == "Everything, longer term"
    # Remove a package an offer names: the offer forgets it, so the file stays valid.
    ident = doc.deal.packages[0].id
    doc.deal.offers.append(Offer(by="us", amount=Decimal(125000), package=ident))
    page.table.setCurrentIndex(page.model.index(NAME, 0))
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert ident not in [p.id for p in doc.deal.packages]
    assert doc.deal.offers[-1].package is None
    steps = doc.undo_stack.count()
    assert steps == 7  # add, copy, rename, right, left, left, remove
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert names() == ["Full service", "Terms and onboarding", "Onboarding and named engineer"]
    assert doc.deal.offers[-1].package == ident
    assert page.model.columnCount() == 3


def test_removing_a_concession_takes_it_out_of_every_package(qtbot, window, page) -> None:
    concessions = window.show_page("concessions")
    concessions.model.remove_row(1)  # free onboarding: in all three packages
    assert all("c2" not in p.concessions for p in window.doc.deal.packages)
    assert page.model.rowCount() == FIRST_CONCESSION + 3
    window.doc.undo_stack.undo()
    assert [p.concessions for p in window.doc.deal.packages] == [
        ["c1", "c2", "c3"],
        ["c1", "c2"],
        ["c2", "c3"],
    ]


def test_ticking_in_package_with_no_package_makes_one(qtbot, window) -> None:
    from worksheet.domain.deal import Deal

    window.doc.replace(Deal(concessions=[Concession(id="c1", what="Net-60")]))
    concessions = window.show_page("concessions")
    model = concessions.model
    assert model.setData(
        model.index(0, model.IN_PACKAGE), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    deal = window.doc.deal
    assert deal.active_package == "p1" and deal.packages[0].concessions == ["c1"]
    window.doc.undo_stack.undo()
    assert deal.packages == [] and deal.active_package is None


# --------------------------------------------------------------------------- the MESO builder


def run_dialog(monkeypatch, page, act) -> None:
    """Open the builder from its button; `act(dialog)` plays the user and returns the answer."""

    def exec_(dialog: MesoDialog) -> int:
        return act(dialog)

    monkeypatch.setattr(MesoDialog, "exec", exec_)
    page.meso_button.click()


def test_meso_builder_proposes_and_adds_three_packages(qtbot, monkeypatch, window, page) -> None:
    seen = {}

    def act(dialog: MesoDialog) -> int:
        assert dialog.target.amount() == Decimal(118000)  # the net at our target
        field = dialog.target.lineEdit()
        field.selectAll()
        qtbot.keyClicks(field, "110000")
        assert dialog.target_net == Decimal(110000)
        assert dialog.proposals.count() >= 1
        assert dialog.add_button.isEnabled()
        seen["first"] = dialog.chosen()
        seen["text"] = dialog.proposals.item(0).text()
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    run_dialog(monkeypatch, page, act)
    deal = window.doc.deal
    assert len(deal.packages) == 6
    added = deal.packages[3:]
    assert [p.ask for p in added] == [p.ask for p in seen["first"].packages]
    assert "Set 1" in seen["text"]
    # The three alone pass the summary's MESO test: equal nets, different contents.
    figures = [p for p in summarize(deal).packages if p.id in {a.id for a in added}]
    assert meso_test(figures)
    assert {p.net for p in figures} == {Decimal(110000)}
    assert window.doc.undo_stack.count() == 1
    window.doc.undo_stack.undo()
    assert len(deal.packages) == 3


def test_meso_builder_cancel_adds_nothing(qtbot, monkeypatch, window, page) -> None:
    run_dialog(monkeypatch, page, lambda dialog: QDialog.DialogCode.Rejected)
    assert len(window.doc.deal.packages) == 3 and window.doc.undo_stack.count() == 0


def test_meso_builder_says_when_no_set_exists(qtbot, monkeypatch, window, page) -> None:
    window.show_page("concessions").model.remove_row(3)
    window.show_page("concessions").model.remove_row(2)
    window.show_page("concessions").model.remove_row(1)
    window.show_page("packages")

    def act(dialog: MesoDialog) -> int:
        assert dialog.proposals.count() == 0
        assert not dialog.add_button.isEnabled()
        assert "No set can be proposed" in dialog.reason.text()
        assert "at least two concessions" in dialog.reason.text()
        return QDialog.DialogCode.Rejected

    run_dialog(monkeypatch, page, act)

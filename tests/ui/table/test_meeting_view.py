"""The meeting view, driven by the keyboard as at the table."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt

from worksheet.domain.deal import Anchors, Concession, Deal, Offer, TheirEstimate
from worksheet.ui import table_flow
from worksheet.ui.meeting import MeetingView


def plan() -> Deal:
    return Deal(
        title="Acme renewal",
        role="seller",
        anchors=Anchors(target=D(120000), opening=D(130000), walk_away=D(100000)),
        their_estimate=TheirEstimate(
            walk_away_low=D(95000), walk_away_likely=D(110000), walk_away_high=D(125000)
        ),
        concessions=[
            Concession(
                id="c1",
                what="Net 60 payment",
                cost_to_us=D(1500),
                value_to_them=D(4000),
                ask_in_return="Two-year term",
            ),
            Concession(id="c2", what="Onboarding days", cost_to_us=D(3000), value_to_them=D(6000)),
        ],
    )


@pytest.fixture
def view(qtbot, window):
    window.doc.replace(plan())
    clock = iter(datetime(2027, 3, 14, 14, m, tzinfo=timezone.utc) for m in range(60))
    v = MeetingView(window.doc, window, clock=lambda: next(clock))
    qtbot.addWidget(v)
    v.show()
    v.entry.setFocus()
    return v


def type_offer(qtbot, view, text, shift=False):
    qtbot.keyClicks(view.entry, text)
    mods = Qt.KeyboardModifier.ShiftModifier if shift else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(view.entry, Qt.Key.Key_Return, mods)


def test_enter_logs_their_offer_shift_enter_ours_time_stamped(qtbot, view):
    type_offer(qtbot, view, "130,000", shift=True)
    type_offer(qtbot, view, "92000")
    offers = view.doc.deal.offers
    assert [(o.by, o.amount) for o in offers] == [("us", D(130000)), ("them", D(92000))]
    assert offers[0].at == "2027-03-14T14:00:00+00:00"
    assert offers[1].at == "2027-03-14T14:01:00+00:00"
    assert view.entry.text() == ""
    assert view.log_model.rowCount() == 2
    # The newest first in the log, scored at once.
    assert view.log_model.index(0, 1).data() == "They"
    assert "outside the zone" in view.log_model.index(0, 3).data()
    assert view.latest.text() == "Their offer: $92,000"


def test_each_offer_scored_zone_target_and_movement(qtbot, view):
    type_offer(qtbot, view, "92000")
    type_offer(qtbot, view, "105000")
    detail = view.latest_detail.text()
    assert "inside the zone" in detail
    assert "$15,000 short of target" in detail
    assert "moved $13,000 our way" in detail
    type_offer(qtbot, view, "126000")
    assert "beyond their estimated limit" in view.latest_detail.text()
    assert "$6,000 better than target" in view.latest_detail.text()


def test_a_bad_amount_is_refused_and_kept(qtbot, view):
    type_offer(qtbot, view, "12x")
    assert view.doc.deal.offers == []
    assert view.entry.text() == "12x"
    assert view.entry_error.text()


def test_proposed_counter_shrinks_and_never_passes_walk_away(qtbot, view):
    assert view.counter.text() == "Open with $130,000."
    type_offer(qtbot, view, "130000", shift=True)
    assert view.state.counter.amount == D(120000)
    type_offer(qtbot, view, "120000", shift=True)
    second = view.state.counter
    assert second.amount == D(115000) and second.step == D(5000)
    for _ in range(12):
        amount = view.state.counter.amount
        type_offer(qtbot, view, str(amount), shift=True)
        assert view.state.counter.amount >= D(100000)
    assert view.state.counter.kind == "hold"
    assert "Hold at" in view.counter.text()


def test_offer_of_ours_worse_than_walk_away_warns_gently(qtbot, view):
    type_offer(qtbot, view, "99000", shift=True)
    assert view.warnings.isVisibleTo(view)
    assert "worse than our walk-away" in view.warnings.text()


def test_concession_status_changes_are_undoable_with_totals(qtbot, view):
    model = view.concession_model
    assert view.totals.text() == "Nothing given yet."
    assert model.set_status(0, "given")
    assert view.doc.deal.concessions[0].status == "given"
    assert "Given 1: cost to us $1,500, worth $4,000 to them" in view.totals.text()
    assert "Net 60 payment" in view.warnings.text()  # given with nothing back
    assert model.set_status(0, "traded")
    assert "1 of 1 traded" in view.totals.text()
    assert view.got.text() == "Got in return: Two-year term."
    assert not view.warnings.isVisibleTo(view)
    qtbot.keyClick(view.entry, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.doc.deal.concessions[0].status == "given"
    assert model.index(0, 1).data() == "Given"
    qtbot.keyClick(view.entry, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.doc.deal.concessions[0].status == "planned"
    assert view.totals.text() == "Nothing given yet."


def test_status_changed_through_its_editor(qtbot, view):
    table = view.concessions
    index = view.concession_model.index(1, 1)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.indexWidget(index) or table.focusWidget()
    from PySide6.QtWidgets import QComboBox

    assert isinstance(editor, QComboBox)
    editor.setCurrentIndex(editor.findData("offered"))
    editor.activated.emit(editor.currentIndex())
    assert view.doc.deal.concessions[1].status == "offered"


def test_logging_is_undone_by_ctrl_z_in_the_entry(qtbot, view):
    type_offer(qtbot, view, "100000")
    qtbot.keyClick(view.entry, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.doc.deal.offers == []
    assert view.log_model.rowCount() == 0
    qtbot.keyClick(
        view.entry,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len(view.doc.deal.offers) == 1


def test_walk_away_shown_only_while_the_key_is_held(qtbot, view):
    assert not view.walk_away_visible
    assert "$100,000" not in view.walk_away.text()
    assert all(k != "walk_away" for k, _w, _a in view.zone_bar.marks())
    qtbot.keyPress(view.entry, Qt.Key.Key_W)
    assert view.walk_away_visible
    assert view.walk_away.text() == "Walk-away $100,000"
    assert ("walk_away", "walk-away", D(100000)) in view.zone_bar.marks()
    assert view.entry.text() == ""  # the key never types into the entry
    qtbot.keyRelease(view.entry, Qt.Key.Key_W)
    assert not view.walk_away_visible
    assert "$100,000" not in view.walk_away.text()
    assert all(k != "walk_away" for k, _w, _a in view.zone_bar.marks())


def test_escape_clears_the_entry_then_leaves(qtbot, view):
    closed = []
    view.finished.connect(closed.append)
    qtbot.keyClicks(view.entry, "123")
    qtbot.keyClick(view.entry, Qt.Key.Key_Escape)
    assert view.entry.text() == "" and view.isVisible()
    qtbot.keyClick(view.entry, Qt.Key.Key_Escape)
    assert not view.isVisible()
    assert closed == [0]


def test_f11_toggles_full_screen(qtbot, view):
    view.activateWindow()
    qtbot.keyClick(view.entry, Qt.Key.Key_F11)
    assert view.isFullScreen()
    qtbot.keyClick(view.entry, Qt.Key.Key_F11)
    assert not view.isFullScreen()


def test_menu_opens_it_and_closing_after_offers_offers_the_prefilled_debrief(
    qtbot, window, monkeypatch
):
    window.doc.replace(plan())
    asked = []
    monkeypatch.setattr(table_flow, "ask_debrief", lambda parent, n: asked.append(n) or True)
    window.table_actions["meeting"].trigger()
    view = window.meeting_view
    assert isinstance(view, MeetingView)
    for text in ("95000", "104000", "101000"):
        type_offer(qtbot, view, text)
    view.close()
    assert asked == [3]
    page = window.current_page()
    assert page.KEY == "debrief"
    outcome = window.doc.deal.outcome
    # A seller learns the buyer would pay at least their best offer.
    assert outcome.their_walk_away_at_least == D(104000)
    assert outcome.their_walk_away_at_most is None
    assert page.at_least.amount() == D(104000)
    assert "at least $104,000" in page.bounds_note.text()
    window.doc.undo_stack.undo()
    assert window.doc.deal.outcome.their_walk_away_at_least is None


def test_closing_without_offers_asks_nothing(qtbot, window, monkeypatch):
    asked = []
    monkeypatch.setattr(table_flow, "ask_debrief", lambda parent, n: asked.append(n) or True)
    window.table_actions["meeting"].trigger()
    window.meeting_view.close()
    assert asked == []


def test_debrief_checklist_stored_in_the_review_and_undoable(qtbot, window):
    window.doc.replace(
        Deal(
            role="buyer", offers=[Offer(by="them", amount=D(150)), Offer(by="them", amount=D(130))]
        )
    )
    page = window.show_page("debrief")
    assert "at most $130" in page.bounds_note.text()
    assert page.fill_bounds()
    assert window.doc.deal.outcome.their_walk_away_at_most == D(130)
    page.checks[1].click()
    review = window.doc.deal.outcome.review
    assert [(r.check, r.kept) for r in review] == [(page.checks[1].text(), True)]
    window.doc.undo_stack.undo()
    assert window.doc.deal.outcome.review == []
    assert not page.checks[1].isChecked()


def test_debrief_page_exports_the_pdf(qtbot, window, dialogs, tmp_path):
    window.doc.replace(plan())
    dialogs.export_path = str(tmp_path / "out")
    page = window.show_page("debrief")
    page.export_button.click()
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")
    assert dialogs.errors == []


def test_debrief_export_asks_before_replacing_and_never_writes_over_the_deal(
    qtbot, window, dialogs, tmp_path
) -> None:
    from worksheet.io import save

    deal_file = tmp_path / "renewal.deal"
    save(plan(), deal_file)
    existing = tmp_path / "out.pdf"
    existing.write_bytes(b"an earlier debrief")
    window.doc.replace(plan())
    page = window.show_page("debrief")
    dialogs.export_path = str(tmp_path / "out")
    dialogs.overwrite = False
    page.export_button.click()
    assert dialogs.asked_overwrite == [str(existing)]
    assert existing.read_bytes() == b"an earlier debrief"
    dialogs.overwrite = True
    page.export_button.click()
    assert existing.read_bytes().startswith(b"%PDF")

    window.open_path(deal_file)
    before = deal_file.read_bytes()
    dialogs.export_path = str(deal_file)
    window.show_page("debrief").export_button.click()
    assert dialogs.errors[-1][0] == "Choose another name"
    assert deal_file.read_bytes() == before


def test_our_offers_carry_the_active_package_shown_in_the_header(qtbot, window):
    from worksheet.domain.deal import Package

    deal = plan()
    deal.packages = [Package(id="p1", name="Two-year deal", ask=D(125000), concessions=["c1"])]
    deal.active_package = "p1"
    window.doc.replace(deal)
    view = MeetingView(window.doc, window)
    qtbot.addWidget(view)
    assert view.package.text() == "Package: Two-year deal · asking $125,000"
    view.entry.setText("125000")
    assert view.log_offer("us")
    view.entry.setText("101000")
    assert view.log_offer("them")
    assert [o.package for o in window.doc.deal.offers] == ["p1", None]
    assert view.state.floor == D(101500)  # the walk-away plus what the package costs us


def test_a_half_typed_date_never_reaches_the_outcome(qtbot, window):
    page = window.show_page("debrief")
    page.date.setFocus()
    qtbot.keyClicks(page.date, "2027-13")
    assert window.doc.deal.outcome.date == ""
    qtbot.keyClicks(page.date, "-01")
    assert window.doc.deal.outcome.date == ""  # month 13 is no date
    page.date.clear()
    qtbot.keyClicks(page.date, "2027-03-14")
    assert window.doc.deal.outcome.date == "2027-03-14"


def test_undone_offers_or_another_deal_offer_no_debrief(qtbot, view):
    closed = []
    view.finished.connect(closed.append)
    type_offer(qtbot, view, "100000")
    qtbot.keyClick(view.entry, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    view.close()
    assert closed == [0]


def test_opening_another_deal_closes_the_view_without_a_debrief(qtbot, window, monkeypatch):
    window.doc.replace(plan())
    asked = []
    monkeypatch.setattr(table_flow, "ask_debrief", lambda parent, n: asked.append(n) or True)
    window.table_actions["meeting"].trigger()
    view = window.meeting_view
    type_offer(qtbot, view, "101000")
    window.doc.undo_stack.setClean()
    window.doc.replace(Deal(title="Other"))
    assert not view.isVisible()
    assert asked == []


def test_concessions_in_the_active_package_are_marked_and_follow_it(qtbot, view):
    from worksheet.domain.deal import Package
    from worksheet.present import meeting as meeting_words
    from worksheet.ui.package_edits import add_packages, make_active, set_member

    model = view.concession_model
    column = model.PACKAGE_COLUMN
    assert model.headerData(column, Qt.Orientation.Horizontal) == meeting_words.IN_PACKAGE_HEADER
    # No package yet: nothing is marked, and the tooltip says how to choose one.
    assert [model.index(r, column).data() for r in range(2)] == ["—", "—"]
    assert "Packages page" in model.index(0, column).data(Qt.ItemDataRole.ToolTipRole)
    packages = [
        Package(id="p1", name="Terms", ask=D(125000), concessions=["c1"]),
        Package(id="p2", name="Everything", ask=D(128000), concessions=["c1", "c2"]),
    ]
    add_packages(view.doc, packages)
    make_active(view.doc, "p1")
    marks = [model.index(r, column).data() for r in range(2)]
    assert marks == [meeting_words.IN_PACKAGE_YES, meeting_words.IN_PACKAGE_NO]
    assert model.index(0, column).data(Qt.ItemDataRole.ToolTipRole) == (
        "In the active package 'Terms'"
    )
    assert "Not in" in model.index(1, column).data(Qt.ItemDataRole.ToolTipRole)
    # Choosing another package repaints the column; the totals stay what was given.
    model.set_status(1, "given")
    totals = view.totals.text()
    with qtbot.waitSignal(model.dataChanged):
        make_active(view.doc, "p2")
    assert [model.index(r, column).data() for r in range(2)] == [meeting_words.IN_PACKAGE_YES] * 2
    assert view.totals.text() == totals
    # Undo goes back to the first package and its marks.
    qtbot.keyClick(view.entry, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.doc.deal.active_package == "p1"
    assert model.index(1, column).data() == meeting_words.IN_PACKAGE_NO
    # Taking a concession out of the active package unmarks it at once.
    set_member(view.doc, "p1", "c1", False)
    assert model.index(0, column).data() == meeting_words.IN_PACKAGE_NO
    # The column is on screen and narrow: the concessions' names keep most of the room.
    header = view.concessions.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(0) > header.sectionSize(column))
    assert not view.concessions.isColumnHidden(column)
    assert view.concessions.visualRect(model.index(0, column)).isValid()

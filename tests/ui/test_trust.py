"""Work the window never loses or replaces without asking: half-typed amounts, overwrite
prompts, read-only files, changes made on disk, a second window on the same file, long text."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.conftest import ROOT
from worksheet.domain.deal import TEXT_LIMIT, Anchors, Deal
from worksheet.io import load, save
from worksheet.ui import dialogs as dialogs_module
from worksheet.ui.dialogs import ask_save_path as real_ask_save_path
from worksheet.ui.file_safety import lock_path_for

MINE = Deal(title="Mine", anchors=Anchors(target=Decimal("118000")))
THEIRS = Deal(title="Theirs, saved elsewhere", anchors=Anchors(target=Decimal("99000")))


@pytest.fixture
def deal_file(tmp_path: Path) -> Path:
    path = tmp_path / "renewal.deal"
    save(MINE, path)
    return path


def type_over(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def edit_title(qtbot, window, text: str) -> None:
    title = window.show_page("deal").widget_for(("title",))
    type_over(qtbot, title, text)


# ---------------------------------------------------------------------- amounts that never lie


@pytest.mark.parametrize("typed", ["1.5e3", "92,0", "10000000000000"])
def test_a_half_typed_amount_is_never_saved(qtbot, window, dialogs, deal_file, typed):
    assert window.open_path(deal_file)
    before = deal_file.read_bytes()
    page = window.show_page("anchors")
    type_over(qtbot, page.target.lineEdit(), typed)
    # The deal (and so the chart) keeps the committed amount, not a prefix such as 1.5 or 92.
    assert window.doc.deal.anchors.target == Decimal("118000")
    assert window.summary_panel is not None
    window.show_page("deal")  # Save from elsewhere: the window must bring the user back
    assert window.save() is False
    title, text = dialogs.errors[-1]
    assert title == "Fix “Target” first"
    assert typed in text and "Nothing was saved" in text and "118,000" in text
    assert deal_file.read_bytes() == before
    assert window.current_page().KEY == "anchors"
    assert QApplication.focusWidget() is page.target.lineEdit()
    # Export refuses the same way, and writes nothing.
    dialogs.export_path = str(deal_file.parent / "sheet.pdf")
    assert window.export("pdf") is False
    assert dialogs.errors[-1][0] == "Fix “Target” first"
    assert not (deal_file.parent / "sheet.pdf").exists()
    # Fixed, it saves.
    type_over(qtbot, page.target.lineEdit(), "120000")
    assert window.save() is True
    assert load(deal_file).anchors.target == Decimal("120000")


def test_the_field_says_what_the_deal_keeps(qtbot, window, deal_file):
    window.open_path(deal_file)
    page = window.show_page("anchors")
    type_over(qtbot, page.target.lineEdit(), "1.5e3")
    qtbot.keyClick(page.target.lineEdit(), Qt.Key.Key_Tab)
    label = page.target._message_label
    assert label.isVisible()
    assert "the deal keeps 118,000 USD" in label.text()


def test_a_half_typed_date_is_never_saved(qtbot, window, dialogs, deal_file):
    window.open_path(deal_file)
    date = window.show_page("deal").widget_for(("meeting", "date"))
    type_over(qtbot, date, "2027-01-14")
    qtbot.keyClick(date, Qt.Key.Key_Return)
    assert window.save()
    date.selectAll()
    qtbot.keyClick(date, Qt.Key.Key_Backspace)  # "" is a valid date (not fixed yet) …
    qtbot.keyClicks(date, "2027-02")  # … but not what the user is typing
    assert window.doc.deal.meeting.date == "2027-01-14"
    assert window.save() is False
    assert dialogs.errors[-1][0] == "Fix “Date” first"
    assert load(deal_file).meeting.date == "2027-01-14"


# ---------------------------------------------------------------------- overwrite prompts


@pytest.fixture
def native_save_dialog(monkeypatch, dialogs):
    """Let Save As run its real code, with the file dialog answering `typed`."""
    answers: list[str] = []

    def fake_dialog(parent, caption, suggested, name_filter, options=None, **_kw):
        # Our dialog must not ask itself: the window asks once, about the final name.
        assert options == QFileDialog.Option.DontConfirmOverwrite
        return answers.pop(0), name_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    monkeypatch.setattr(dialogs_module, "ask_save_path", real_ask_save_path)
    return answers


def test_save_as_asks_before_replacing_once_the_extension_is_added(
    qtbot, window, dialogs, native_save_dialog, tmp_path
):
    other = tmp_path / "other.deal"
    save(THEIRS, other)
    before = other.read_bytes()
    edit_title(qtbot, window, "Mine")
    native_save_dialog.append(str(tmp_path / "other"))  # the app adds ".deal"
    dialogs.overwrite = False
    assert window.save_as() is False
    assert dialogs.asked_overwrite == [str(other)]
    assert other.read_bytes() == before
    native_save_dialog.append(str(tmp_path / "other"))
    dialogs.overwrite = True
    assert window.save_as() is True
    assert load(other).title == "Mine"
    # A new name is not asked about.
    native_save_dialog.append(str(tmp_path / "fresh"))
    assert window.save_as() is True
    assert dialogs.asked_overwrite == [str(other), str(other)]


@pytest.mark.parametrize("kind", ["pdf", "xlsx"])
def test_export_asks_before_replacing_once_the_extension_is_added(window, dialogs, tmp_path, kind):
    existing = tmp_path / f"sheet.{kind}"
    existing.write_bytes(b"an earlier export")
    dialogs.export_path = str(tmp_path / "sheet")
    dialogs.overwrite = False
    assert window.export(kind) is False
    assert dialogs.asked_overwrite == [str(existing)]
    assert existing.read_bytes() == b"an earlier export"
    dialogs.overwrite = True
    assert window.export(kind) is True
    assert existing.read_bytes() != b"an earlier export"


def test_export_never_replaces_the_open_deal(window, dialogs, deal_file):
    window.open_path(deal_file)
    before = deal_file.read_bytes()
    dialogs.export_path = str(deal_file)
    assert window.export("pdf") is False
    assert dialogs.errors[-1][0] == "Choose another name"
    assert deal_file.read_bytes() == before


# ---------------------------------------------------------------------- read-only files


def test_a_read_only_file_is_shown_so_and_save_offers_save_as(qtbot, window, dialogs, deal_file):
    deal_file.chmod(0o444)
    before = deal_file.read_bytes()
    window.open_path(deal_file)
    assert window.doc.read_only
    assert "(read-only)" in window.windowTitle()
    edit_title(qtbot, window, "Changed")
    dialogs.save_read_only = False
    assert window.save() is False
    assert dialogs.asked_save_read_only == ["renewal.deal"]
    assert deal_file.read_bytes() == before
    dialogs.save_read_only = True
    dialogs.save_path = str(deal_file.parent / "copy.deal")
    assert window.save() is True
    assert load(deal_file.parent / "copy.deal").title == "Changed"
    assert deal_file.read_bytes() == before
    assert not window.doc.read_only and "(read-only)" not in window.windowTitle()


def test_save_as_over_a_read_only_file_is_refused(qtbot, window, dialogs, deal_file, tmp_path):
    deal_file.chmod(0o444)
    before = deal_file.read_bytes()
    edit_title(qtbot, window, "Other")
    dialogs.save_path = str(deal_file)
    assert window.save_as() is False
    assert "read-only" in dialogs.errors[-1][1]
    assert deal_file.read_bytes() == before


# ---------------------------------------------------------------------- changes made on disk


def test_save_after_an_outside_change_asks_and_never_overwrites_silently(
    qtbot, window, dialogs, deal_file
):
    window.open_path(deal_file)
    edit_title(qtbot, window, "Mine, edited")
    save(THEIRS, deal_file)  # another program writes the file meanwhile
    theirs = deal_file.read_bytes()
    dialogs.conflict = "cancel"
    assert window.save() is False
    assert dialogs.asked_conflict == ["renewal.deal"]
    assert deal_file.read_bytes() == theirs
    assert window.doc.is_modified
    # Keep mine as a copy: theirs stays, mine goes to a new file.
    dialogs.conflict = "save_copy"
    dialogs.save_path = str(deal_file.parent / "mine.deal")
    assert window.save() is True
    assert deal_file.read_bytes() == theirs
    assert load(deal_file.parent / "mine.deal").title == "Mine, edited"


@pytest.mark.parametrize("answer", ["overwrite", "reload"])
def test_the_conflict_answers(qtbot, window, dialogs, deal_file, answer):
    window.open_path(deal_file)
    edit_title(qtbot, window, "Mine, edited")
    save(THEIRS, deal_file)
    dialogs.conflict = answer
    assert window.save() is True
    if answer == "overwrite":
        assert load(deal_file).title == "Mine, edited"
    else:
        assert window.doc.deal.title == THEIRS.title and not window.doc.is_modified
        assert load(deal_file).title == THEIRS.title
    # Settled: the next save goes through without asking again.
    edit_title(qtbot, window, "Later")
    assert window.save() is True
    assert len(dialogs.asked_conflict) == 1


def test_coming_back_to_the_window_notices_an_outside_change(qtbot, window, dialogs, deal_file):
    window.open_path(deal_file)
    app = QApplication.instance()
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    qtbot.wait(20)
    assert dialogs.asked_conflict == []  # nothing changed: nothing asked
    os.utime(deal_file, ns=(1, 1))  # touched, same bytes: still nothing
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    qtbot.wait(20)
    assert dialogs.asked_conflict == []
    save(THEIRS, deal_file)
    dialogs.conflict = "reload"
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    qtbot.waitUntil(lambda: dialogs.asked_conflict == ["renewal.deal"], timeout=2000)
    assert window.doc.deal.title == THEIRS.title


def test_a_dismissed_change_is_not_asked_again_on_focus_but_still_at_save(
    qtbot, window, dialogs, deal_file
):
    window.open_path(deal_file)
    save(THEIRS, deal_file)
    app = QApplication.instance()
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    qtbot.waitUntil(lambda: len(dialogs.asked_conflict) == 1, timeout=2000)
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    qtbot.wait(20)
    assert len(dialogs.asked_conflict) == 1
    edit_title(qtbot, window, "Mine")
    assert window.save() is False
    assert len(dialogs.asked_conflict) == 2
    assert load(deal_file).title == THEIRS.title


# ---------------------------------------------------------------------- a second window


def test_a_second_window_is_warned_and_its_save_is_noticed(qtbot, make_window, dialogs, deal_file):
    first = make_window()
    assert first.open_path(deal_file)
    assert dialogs.asked_locked == []
    second = make_window()
    dialogs.locked = "open_anyway"
    assert second.open_path(deal_file)
    assert dialogs.asked_locked == ["renewal.deal"]
    edit_title(qtbot, second, "Saved by the second window")
    assert second.save() is True
    edit_title(qtbot, first, "Typed in the first window")
    dialogs.conflict = "cancel"
    assert first.save() is False
    assert dialogs.asked_conflict == ["renewal.deal"]
    assert load(deal_file).title == "Saved by the second window"


def test_the_second_window_can_open_read_only(qtbot, make_window, dialogs, deal_file):
    first = make_window()
    first.open_path(deal_file)
    second = make_window()
    dialogs.locked = "read_only"
    assert second.open_path(deal_file)
    assert second.doc.read_only and "(read-only)" in second.windowTitle()
    dialogs.locked = "cancel"
    third = make_window()
    assert third.open_path(deal_file) is False
    assert third.doc.path is None
    # Closing the first releases the lock: the next window opens without a word.
    first.close()
    dialogs.asked_locked.clear()
    fourth = make_window()
    assert fourth.open_path(deal_file)
    assert dialogs.asked_locked == []


def _hold_lock_in_another_process(lock: Path, then: str) -> subprocess.Popen:
    code = textwrap.dedent(
        f"""
        import os, sys, time
        from PySide6.QtCore import QLockFile
        lock = QLockFile({str(lock)!r})
        assert lock.tryLock(0)
        print("locked", flush=True)
        if {then!r} == "die":
            os._exit(0)  # like a crash: the lock file stays behind
        time.sleep(30)
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, cwd=ROOT, text=True
    )
    try:
        assert child.stdout.readline().strip() == "locked"
    finally:
        child.stdout.close()
    return child


def test_another_instance_holding_the_lock_is_reported(window, dialogs, deal_file):
    child = _hold_lock_in_another_process(lock_path_for(deal_file), "wait")
    try:
        dialogs.locked = "read_only"
        assert window.open_path(deal_file)
        assert dialogs.asked_locked == ["renewal.deal"]
        assert window.doc.read_only
    finally:
        child.kill()
        child.wait()


def test_a_stale_lock_from_a_crashed_instance_is_taken_over(window, dialogs, deal_file):
    lock = lock_path_for(deal_file)
    child = _hold_lock_in_another_process(lock, "die")
    child.wait()
    assert lock.exists()
    assert window.open_path(deal_file)
    assert dialogs.asked_locked == []
    assert not window.doc.read_only


# ---------------------------------------------------------------------- characters, not units


def test_backspace_in_a_long_emoji_title_removes_one_character(qtbot, window, tmp_path):
    path = tmp_path / "emoji.deal"
    save(Deal(title="😀" * 12_004), path)
    window.open_path(path)
    title = window.show_page("deal").widget_for(("title",))
    assert len(title.text()) == 12_004
    title.setFocus()
    title.end(False)
    qtbot.keyClick(title, Qt.Key.Key_Backspace)
    assert window.doc.deal.title == "😀" * 12_003
    assert title.text() == "😀" * 12_003
    qtbot.keyClicks(title, "x")
    assert window.doc.deal.title == "😀" * 12_003 + "x"


def test_text_over_the_limit_is_cut_in_characters(qtbot, window):
    title = window.show_page("deal").widget_for(("title",))
    title.setFocus()
    title.setText("😀" * (TEXT_LIMIT - 1))
    title.end(False)
    qtbot.keyClicks(title, "ab")  # one fits, the second is one too many
    assert title.text() == "😀" * (TEXT_LIMIT - 1) + "a"
    assert window.doc.deal.title == "😀" * (TEXT_LIMIT - 1) + "a"


ASTRAL = st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF, exclude_categories=["Cs"])
ANY = st.characters(exclude_categories=["Cs"], exclude_characters="\n\r\x00")


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    piece=st.lists(st.one_of(ASTRAL, ANY), min_size=1, max_size=40)
    .map("".join)
    .filter(lambda t: any(ord(c) > 0xFFFF for c in t)),
    repeat=st.integers(min_value=1, max_value=TEXT_LIMIT),
)
def test_a_field_holds_exactly_the_characters_it_is_given(window, piece, repeat):
    text = (piece * repeat)[:TEXT_LIMIT]
    window.doc.replace(Deal(title=text))
    title = window.show_page("deal").widget_for(("title",))
    assert len(title.text()) == len(text)
    assert title.text() == text


# ---------------------------------------------------------------------- open table cells


def _open_cost_cell(qtbot, window, tmp_path, text: str):
    from worksheet.domain.deal import Concession
    from worksheet.ui.models.concessions import ConcessionsModel

    path = tmp_path / "cells.deal"
    save(Deal(title="Cells", concessions=[Concession("Onboarding", Decimal("900"))]), path)
    window.open_path(path)
    page = window.show_page("concessions")
    index = page.model.index(0, ConcessionsModel.COST)
    page.table.setCurrentIndex(index)
    page.table.edit(index)
    editor = QApplication.focusWidget()
    assert editor is not None and editor.parent() is not None
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    return path, editor


def test_save_commits_an_open_cell_first(qtbot, window, dialogs, tmp_path):
    path, _editor = _open_cost_cell(qtbot, window, tmp_path, "1200")
    assert window.save() is True
    assert load(path).concessions[0].cost_to_us == Decimal("1200")


def test_save_refuses_while_an_open_cell_does_not_read(qtbot, window, dialogs, tmp_path):
    path, _editor = _open_cost_cell(qtbot, window, tmp_path, "1.5e3")
    before = path.read_bytes()
    window.show_page("deal")
    assert window.save() is False
    assert dialogs.errors[-1][0] == "Fix “Cost to us” first"
    assert path.read_bytes() == before
    assert window.current_page().KEY == "concessions"
    assert window.doc.deal.concessions[0].cost_to_us == Decimal("900")


# ---------------------------------------------------------------------- strange paths


@pytest.mark.parametrize("kind", ["fifo", "loop"])
def test_the_window_refuses_a_fifo_or_a_link_loop_at_once(window, dialogs, tmp_path, kind):
    path = tmp_path / "odd.deal"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to(tmp_path / "back.deal")
        (tmp_path / "back.deal").symlink_to(path)
    assert window.open_path(path) is False  # returns: a FIFO read would never end
    title, text = dialogs.errors[-1]
    assert title == "Could not open the file" and "\n" not in text
    assert ("pipe" if kind == "fifo" else "loop") in text
    assert window.doc.path is None


def test_stale_autosave_temps_are_removed_at_start(window):
    from worksheet import paths

    folder = paths.autosave_dir()
    folder.mkdir(parents=True, exist_ok=True)
    stale = folder / f".abc-1.deal.~dw{2**22 + 7}-0badf00d.tmp"
    stale.write_bytes(b"half an autosave")
    window.offer_restore()
    assert not stale.exists()


def test_no_place_for_a_lock_opens_without_a_warning(window, dialogs, deal_file, monkeypatch):
    from worksheet.ui import file_safety

    monkeypatch.setattr(file_safety, "lock_path_for", lambda doc: doc.parent / "missing" / "x.lock")
    assert window.open_path(deal_file)
    assert dialogs.asked_locked == []


def test_new_document_releases_the_lock(make_window, dialogs, deal_file):
    first = make_window()
    first.open_path(deal_file)
    assert lock_path_for(deal_file).exists()
    assert first.new_document()
    assert not lock_path_for(deal_file).exists()
    second = make_window()
    assert second.open_path(deal_file)
    assert dialogs.asked_locked == []

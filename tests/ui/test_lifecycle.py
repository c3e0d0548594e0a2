"""New, open, save, close through the window, with its dialogs answered by the test."""

from __future__ import annotations

import errno
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import OFFSCREEN_LIMITS
from worksheet.domain.deal import Concession, Fallback
from worksheet.io import DealSaveError, load
from worksheet.ui.document import recent_files

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_LIMITS)


def edit_title(qtbot, window, text: str) -> None:
    field = window.show_page("deal").widget_for(("title",))
    field.setFocus()
    field.selectAll()
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:  # QTest types ASCII only; scripts arrive through the input method like a real keyboard
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(field, event)


def test_save_and_reopen_keeps_everything(qtbot, make_window, dialogs, sample, tmp_path):
    first = make_window()
    assert first.open_sample(sample)
    edit_title(qtbot, first, "Renewal — 続き")
    anchors = first.show_page("anchors")
    anchors.walk_away.lineEdit().selectAll()
    qtbot.keyClicks(anchors.walk_away.lineEdit(), "101500.25")
    first.page("concessions").model.add_row()
    first.page("fallbacks").model.add_row()
    target = tmp_path / "renewal.deal"
    dialogs.save_path = str(target)
    assert first.save()
    assert dialogs.save_paths_asked, "an untitled copy of a sample must ask where to save"
    assert not first.doc.is_modified and not first.isWindowModified()
    assert first.windowTitle().startswith("renewal.deal")
    saved = first.doc.snapshot()

    second = make_window()
    assert second.open_path(target)
    assert second.doc.deal == saved
    assert second.doc.deal.title == "Renewal — 続き"
    assert second.doc.deal.anchors.walk_away == Decimal("101500.25")
    added = second.doc.deal.concessions[-1]
    assert added == Concession(id=added.id) and added.id  # a new row gets an id
    assert load(target) == saved
    assert recent_files()[0] == target.resolve()


def test_the_bundled_sample_is_never_overwritten(qtbot, window, dialogs, sample):
    before = sample.read_bytes()
    assert window.open_path(sample)  # opened directly, still only as a copy
    assert window.doc.path is None
    edit_title(qtbot, window, "changed")
    dialogs.save_path = None  # the user cancels the Save As dialog
    assert not window.save()
    assert window.doc.is_modified
    dialogs.save_path = str(sample)
    assert not window.save()
    assert dialogs.errors and "cannot be overwritten" in dialogs.errors[-1][1]
    assert sample.read_bytes() == before


def test_title_shows_the_name_and_a_modified_mark(qtbot, window, tmp_path, sample):
    assert window.open_sample(sample)
    assert "Software renewal (copy)" in window.windowTitle()
    assert "[*]" in window.windowTitle() and not window.isWindowModified()
    edit_title(qtbot, window, "x")
    assert window.isWindowModified()
    window.doc.undo_stack.undo()
    assert not window.isWindowModified()


@pytest.mark.parametrize("answer", ["save", "discard", "cancel"])
def test_close_prompt(qtbot, make_window, dialogs, tmp_path, answer):
    w = make_window()
    w.show()
    edit_title(qtbot, w, "Unsaved work")
    target = tmp_path / "out.deal"
    dialogs.save_changes[:] = [answer]
    dialogs.save_path = str(target)
    closed = w.close()
    assert dialogs.asked_save_changes == ["Untitled"]
    if answer == "save":
        assert closed and load(target).title == "Unsaved work"
    elif answer == "discard":
        assert closed and not target.exists()
    else:
        assert not closed and w.isVisible()
        assert w.doc.is_modified and w.doc.deal.title == "Unsaved work"


def test_save_cancelled_in_the_file_dialog_keeps_the_window_open(qtbot, window, dialogs):
    edit_title(qtbot, window, "Unsaved work")
    dialogs.save_changes[:] = ["save"]
    dialogs.save_path = None
    assert not window.close()
    assert window.doc.is_modified


def test_a_clean_document_closes_without_asking(window, dialogs):
    assert window.close()
    assert dialogs.asked_save_changes == []


def test_bad_file_keeps_the_open_document(qtbot, window, dialogs, tmp_path):
    edit_title(qtbot, window, "My work")
    deal_before = window.doc.deal
    bad = tmp_path / "broken.deal"
    bad.write_text('{"format": "deal-worksheet", "version": 1, "anchors": {"target": "12x"}}')
    assert not window.open_path(bad)
    assert dialogs.errors and "anchors.target" in dialogs.errors[-1][1]
    assert "broken.deal" in dialogs.errors[-1][1]
    assert window.doc.deal is deal_before and window.doc.deal.title == "My work"
    assert window.doc.is_modified
    assert dialogs.asked_save_changes == []  # nothing was about to be replaced
    assert not window.open_path(tmp_path / "missing.deal")
    assert "no such file" in dialogs.errors[-1][1]


def test_failed_save_keeps_the_document_dirty(qtbot, window, dialogs, tmp_path):
    edit_title(qtbot, window, "Keep me")
    dialogs.save_path = str(tmp_path / "no-such-folder" / "deal.deal")
    assert not window.save()
    assert window.doc.is_modified and window.isWindowModified()
    assert dialogs.errors and "does not exist" in dialogs.errors[-1][1]
    assert window.doc.path is None


def test_full_disk_message_is_shown(qtbot, window, dialogs, tmp_path, monkeypatch):
    good = tmp_path / "deal.deal"
    dialogs.save_path = str(good)
    edit_title(qtbot, window, "First")
    assert window.save()
    edit_title(qtbot, window, "Second")

    def full_disk(deal, path, **_options):
        raise DealSaveError(errno.ENOSPC, f"Could not save {path}: the disk is full.")

    monkeypatch.setattr("worksheet.ui.document.save", full_disk)
    assert not window.save()
    assert "disk is full" in dialogs.errors[-1][1]
    assert window.doc.is_modified
    assert load(good).title == "First"


def test_open_replaces_only_after_the_prompt(qtbot, window, dialogs, sample, tmp_path):
    edit_title(qtbot, window, "Draft")
    other = tmp_path / "other.deal"
    other.write_bytes(sample.read_bytes())
    dialogs.save_changes[:] = ["cancel"]
    assert not window.open_path(other)
    assert window.doc.deal.title == "Draft"
    dialogs.save_changes[:] = ["discard"]
    dialogs.open_path = str(other)
    assert window.open_dialog()
    assert window.doc.path == other.resolve()
    assert not window.doc.is_modified


def test_new_document_and_new_from_sample(qtbot, window, sample_paths):
    window.actions.new_from_sample.aboutToShow.emit()
    labels = [a.text() for a in window.actions.new_from_sample.actions()]
    assert len(labels) == len(sample_paths)
    window.actions.new_from_sample.actions()[0].trigger()
    assert window.doc.path is None and window.doc.deal.title
    window.actions.new.trigger()
    assert window.doc.deal.title == "" and window.doc.path is None


def test_recent_files_menu_opens_the_file(window, sample, tmp_path):
    copy = tmp_path / "recent.deal"
    copy.write_bytes(sample.read_bytes())
    assert window.open_path(copy)
    window.actions.new.trigger()
    window.actions.recent.aboutToShow.emit()
    entries = [a for a in window.actions.recent.actions() if "recent.deal" in a.text()]
    assert entries
    entries[0].trigger()
    assert window.doc.path == copy.resolve()


def test_drop_a_file_opens_it(qtbot, window, sample, tmp_path):
    copy = tmp_path / "dropped.deal"
    copy.write_bytes(sample.read_bytes())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(copy))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.doc.path == copy.resolve())


def test_first_start_opens_the_sample_as_an_untitled_copy(make_window):
    from worksheet import paths
    from worksheet.ui.launch import start

    w = make_window()
    start(w, None)
    assert w.doc.path is None
    assert w.doc.deal == load(paths.default_sample())
    assert not w.doc.is_modified
    again = make_window()
    start(again, None)
    assert again.doc.deal.title == ""  # only the first start shows the sample


def test_path_argument_opens_the_file(make_window, sample, tmp_path):
    from worksheet.ui.launch import start

    copy = tmp_path / "arg.deal"
    copy.write_bytes(sample.read_bytes())
    w = make_window()
    start(w, str(copy))
    assert w.doc.path == copy.resolve()


def test_export_calls_the_exporter_with_discreet_mode(
    qtbot, window, dialogs, tmp_path, monkeypatch
):
    import sys
    import types

    calls = []
    pdf = types.ModuleType("worksheet.export.pdf")
    pdf.export_pdf = lambda deal, path, paper=None, discreet=False: calls.append(
        ("pdf", path, paper, discreet)
    )
    xlsx = types.ModuleType("worksheet.export.xlsx")

    def export_xlsx(deal, path, discreet=False):
        calls.append(("xlsx", path, None, discreet))
        return types.SimpleNamespace(notes=["Formulas are computed when the file is opened."])

    xlsx.export_xlsx = export_xlsx
    monkeypatch.setitem(sys.modules, "worksheet.export.pdf", pdf)
    monkeypatch.setitem(sys.modules, "worksheet.export.xlsx", xlsx)
    dialogs.export_path = str(tmp_path / "sheet")
    window.actions.discreet.setChecked(True)
    assert window.export("pdf")
    assert window.export("xlsx")
    assert calls[0] == ("pdf", str(tmp_path / "sheet.pdf"), None, True)
    assert calls[1][0] == "xlsx" and calls[1][1].endswith(".xlsx") and calls[1][3] is True
    assert dialogs.infos and "computed" in dialogs.infos[-1][2]
    # each discreet export first said what the copy leaves out
    assert len(dialogs.discreet_shown) == 2
    assert "walk-away" in dialogs.discreet_shown[0] and "BATNA" in dialogs.discreet_shown[0]
    dialogs.discreet_go = False
    assert not window.export("pdf")
    assert len(calls) == 2  # cancelled: nothing written


def test_export_errors_are_shown(window, dialogs, tmp_path, monkeypatch):
    import sys
    import types

    monkeypatch.setitem(sys.modules, "worksheet.export.pdf", None)  # not installed
    dialogs.export_path = str(tmp_path / "x.pdf")
    assert not window.export("pdf")
    assert "cannot write PDF" in dialogs.errors[-1][1]

    xlsx = types.ModuleType("worksheet.export.xlsx")

    def fails(deal, path, discreet=False):
        raise PermissionError(13, "Permission denied")

    xlsx.export_xlsx = fails
    monkeypatch.setitem(sys.modules, "worksheet.export.xlsx", xlsx)
    assert not window.export("xlsx")
    assert "Permission denied" in dialogs.errors[-1][1]


def test_about_and_shortcuts(window, dialogs):
    from PySide6.QtGui import QKeySequence

    window.actions.about.trigger()
    assert dialogs.infos[-1][0] == "about"
    assert window.actions.save.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert window.actions.undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert window.actions.open.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)


def test_fallback_batna_completes_readiness(window):
    model = window.page("fallbacks").model
    model.add_row()
    assert window.doc.deal.fallbacks == [Fallback(kind="batna")]
    assert next(c.done for c in window.summary.readiness if c.code == "batna")


def test_suggested_file_name_is_safe():
    from worksheet.ui.main_window import suggested_file_name

    assert suggested_file_name("Acme / 2027: renewal?") == "Acme - 2027 - renewal.deal"
    assert suggested_file_name("") == "Untitled.deal"
    assert suggested_file_name("../../etc/passwd") == "etc - passwd.deal"
    assert Path(suggested_file_name("a" * 500)).stem == "a" * 80


def test_odd_file_names_show_as_written(window, sample, tmp_path):
    odd = tmp_path / "deal [*] <b>x.deal"
    odd.write_bytes(sample.read_bytes())
    assert window.open_path(odd)
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("deal [*][*] <b>x.deal[*]")


def test_export_through_the_window_writes_real_files(window, dialogs, sample, tmp_path):
    from pypdf import PdfReader

    assert window.open_sample(sample)
    dialogs.export_path = str(tmp_path / "sheet.pdf")
    assert window.export("pdf"), dialogs.errors
    assert len(PdfReader(tmp_path / "sheet.pdf").pages) == 1
    dialogs.export_path = str(tmp_path / "book.xlsx")
    assert window.export("xlsx"), dialogs.errors
    assert (tmp_path / "book.xlsx").read_bytes()[:2] == b"PK"
    assert not window.doc.is_modified  # exporting is not an edit


def test_macos_file_open_events_open_the_file(qtbot, make_window, sample, tmp_path):
    """Finder hands files over as FileOpen events; one arriving before the window is kept."""
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    from worksheet.io import load, save
    from worksheet.ui.launch import install_file_open_handler

    first, second = tmp_path / "first.deal", tmp_path / "second.deal"
    deal = load(sample)
    deal.title = "Opened from Finder"
    save(deal, first)
    deal.title = "Dropped on the Dock icon"
    save(deal, second)

    app = QApplication.instance()
    handler = install_file_open_handler(app)
    try:
        QApplication.sendEvent(app, QFileOpenEvent(str(first)))  # cold start: no window yet
        assert handler.pending == [str(first)]
        window = make_window()
        handler.attach(window)
        assert window.doc.deal.title == "Opened from Finder"
        assert handler.pending == []
        QApplication.sendEvent(app, QFileOpenEvent(str(second)))
        assert window.doc.deal.title == "Dropped on the Dock icon"
        assert window.doc.path == second.resolve()
    finally:
        app.removeEventFilter(handler)
        handler.deleteLater()


def test_exit_with_qt_debug_messages_does_not_crash(tmp_path):
    """Qt talks while it shuts down; with our handler still installed that used to segfault."""
    import os
    import subprocess
    import sys

    out = tmp_path / "shot.png"
    env = dict(os.environ, QT_DEBUG_PLUGINS="1", QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "worksheet", "--screenshot", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert out.stat().st_size > 10_000

"""Never lose work: autosave on a timer, a real crash in a child process, and the restore offer."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import ROOT
from tests.ui.helpers import OFFSCREEN_LIMITS
from worksheet import paths
from worksheet.io import load
from worksheet.ui.undo import SetValue

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_LIMITS)


def autosaves() -> list:
    folder = paths.autosave_dir()
    return sorted(folder.glob("*.deal")) if folder.is_dir() else []


def test_a_dirty_document_is_autosaved_on_the_timer_and_never_over_the_file(
    qtbot, make_window, sample, tmp_path
):
    user_file = tmp_path / "mine.deal"
    user_file.write_bytes(sample.read_bytes())
    before = user_file.read_bytes()
    w = make_window(autosave_interval_ms=40)
    assert w.open_path(user_file)
    qtbot.wait(120)
    assert autosaves() == []  # nothing to save while clean
    w.doc.push(SetValue(w.doc, ("title",), "Work in progress"))
    qtbot.waitUntil(lambda: len(autosaves()) == 1, timeout=3000)
    assert load(autosaves()[0]).title == "Work in progress"
    assert user_file.read_bytes() == before
    assert autosaves()[0].parent == paths.autosave_dir()

    assert w.save()  # a clean save removes the autosave
    assert autosaves() == []
    assert load(user_file).title == "Work in progress"


def test_the_default_interval_is_thirty_seconds(make_window):
    w = make_window()
    assert w.autosaver.timer.interval() == 30_000
    assert w.autosaver.timer.isActive()


def test_undo_back_to_clean_and_close_remove_the_autosave(qtbot, make_window, dialogs):
    w = make_window()
    w.doc.push(SetValue(w.doc, ("title",), "Draft"))
    assert w.autosaver.autosave_now()
    assert len(autosaves()) == 1
    assert not w.autosaver.autosave_now()  # nothing new since the last one
    w.doc.undo_stack.undo()
    assert autosaves() == []
    w.doc.undo_stack.redo()
    assert w.autosaver.autosave_now()
    dialogs.save_changes[:] = ["discard"]
    assert w.close()
    assert autosaves() == []


def test_a_running_window_autosave_is_not_offered_to_another(make_window, dialogs):
    first = make_window()
    first.doc.push(SetValue(first.doc, ("title",), "Still open"))
    assert first.autosaver.autosave_now()
    second = make_window()
    assert not second.offer_restore()
    assert dialogs.asked_restore == []


CRASH = textwrap.dedent(
    """
    import os, sys, time
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from worksheet.ui.main_window import MainWindow
    from worksheet.ui.undo import SetValue
    from worksheet import paths
    w = MainWindow(autosave_interval_ms=50)
    assert w.open_path(sys.argv[1])
    w.doc.push(SetValue(w.doc, ("title",), "Typed before the crash — 崩溃前"))
    deadline = time.monotonic() + 10
    while not list(paths.autosave_dir().glob("*.deal")) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    os._exit(3)  # no close, no clean-up: as a crash would leave it
    """
)


def crash_with_unsaved_work(user_file, home) -> None:
    env = dict(os.environ, DEAL_WORKSHEET_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", CRASH, str(user_file)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 3, done.stderr


def test_after_a_crash_the_next_start_restores_the_work(
    make_window, dialogs, sample, tmp_path, isolated_user_folders
):
    user_file = tmp_path / "renewal.deal"
    user_file.write_bytes(sample.read_bytes())
    crash_with_unsaved_work(user_file, isolated_user_folders)
    assert len(autosaves()) == 1
    assert load(user_file).title != "Typed before the crash — 崩溃前"

    dialogs.restore = "restore"
    w = make_window()
    assert w.offer_restore()
    assert dialogs.asked_restore[0].original == user_file.resolve()
    assert w.doc.deal.title == "Typed before the crash — 崩溃前"
    assert w.doc.path == user_file.resolve()
    assert w.doc.is_modified and w.isWindowModified()
    # The old session's files are gone; this session now holds the only autosave.
    assert [p.stem for p in autosaves()] == [w.autosaver.session]
    assert w.save()
    assert load(user_file).title == "Typed before the crash — 崩溃前"
    assert autosaves() == []


def test_restored_work_still_notices_a_change_made_on_disk_after_the_crash(
    make_window, dialogs, sample, tmp_path, isolated_user_folders
):
    user_file = tmp_path / "renewal.deal"
    user_file.write_bytes(sample.read_bytes())
    crash_with_unsaved_work(user_file, isolated_user_folders)
    theirs = user_file.read_bytes().replace(b'"title": "', b'"title": "Changed meanwhile: ', 1)
    user_file.write_bytes(theirs)
    dialogs.restore = "restore"
    dialogs.conflict = "cancel"
    w = make_window()
    assert w.offer_restore()
    assert w.save() is False
    assert dialogs.asked_conflict == ["renewal.deal"]
    assert user_file.read_bytes() == theirs


def test_restore_can_be_discarded_or_postponed(
    make_window, dialogs, sample, tmp_path, isolated_user_folders
):
    user_file = tmp_path / "renewal.deal"
    user_file.write_bytes(sample.read_bytes())
    crash_with_unsaved_work(user_file, isolated_user_folders)

    dialogs.restore = "later"
    w = make_window()
    assert not w.offer_restore()
    assert len(autosaves()) == 1 and w.doc.deal.title == ""

    dialogs.restore = "discard"
    assert not w.offer_restore()
    assert autosaves() == []
    assert len(dialogs.asked_restore) == 2


def test_a_failed_autosave_is_reported_not_raised(qtbot, make_window, monkeypatch, tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    monkeypatch.setattr(paths, "autosave_dir", lambda: blocker / "autosave")
    w = make_window()
    w.doc.push(SetValue(w.doc, ("title",), "Draft"))
    with qtbot.waitSignal(w.autosaver.failed, timeout=1000):
        assert not w.autosaver.autosave_now()
    assert w.doc.is_modified

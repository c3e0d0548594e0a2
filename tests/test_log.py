"""The log file: rotation at start keeps it small, and an unwritable folder costs only the log."""

from __future__ import annotations

import logging

import pytest

from worksheet import log


def test_rotate_shifts_old_logs_and_keeps_at_most_the_backups(tmp_path):
    path = tmp_path / "app.log"
    for generation in range(5):
        path.write_bytes(b"x" * 100 + str(generation).encode())
        log.rotate(path, max_bytes=50, backups=3)
    assert not path.exists()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["app.log.1", "app.log.2", "app.log.3"]
    assert (tmp_path / "app.log.1").read_bytes().endswith(b"4")  # newest
    assert (tmp_path / "app.log.3").read_bytes().endswith(b"2")


def test_a_small_log_is_left_alone(tmp_path):
    path = tmp_path / "app.log"
    path.write_text("short")
    log.rotate(path, max_bytes=50)
    assert path.read_text() == "short"
    assert list(tmp_path.iterdir()) == [path]


@pytest.fixture
def fresh_root_logger():
    root = logging.getLogger()
    saved = (root.handlers[:], root.level, getattr(root, "_deal_worksheet_configured", None))
    root.handlers = []
    if hasattr(root, "_deal_worksheet_configured"):
        del root._deal_worksheet_configured
    yield root
    for handler in root.handlers:
        handler.close()
    root.handlers, root.level = saved[0], saved[1]
    if saved[2] is None:
        if hasattr(root, "_deal_worksheet_configured"):
            del root._deal_worksheet_configured
    else:
        root._deal_worksheet_configured = saved[2]


def test_records_reach_the_log_file(fresh_root_logger, isolated_user_folders):
    log.setup_logging(debug=False)
    logging.getLogger("worksheet.test").info("hello from the test")
    for handler in fresh_root_logger.handlers:
        handler.flush()
    text = (isolated_user_folders / "log" / log.LOG_NAME).read_text(encoding="utf-8")
    assert "hello from the test" in text


def test_an_unwritable_log_folder_costs_only_the_file(fresh_root_logger, tmp_path, monkeypatch):
    from worksheet import paths

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the log folder should be")
    monkeypatch.setattr(paths, "log_dir", lambda: blocker / "log")
    log.setup_logging()
    ours = [h for h in fresh_root_logger.handlers if type(h).__module__.startswith("logging")]
    assert [type(h) for h in ours] == [logging.StreamHandler]  # the console, no log file

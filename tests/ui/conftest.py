"""Fixtures for the window tests: a main window whose dialogs answer from the test, not a person."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import SAMPLES


@dataclass
class Dialogs:
    """What the window asked and showed; answers the tests set beforehand."""

    save_changes: list[str] = field(default_factory=lambda: ["discard"])
    save_path: str | None = None
    open_path: str | None = None
    export_path: str | None = None
    discreet_go: bool = True
    discreet_shown: list[str] = field(default_factory=list)
    restore: str = "later"
    asked_save_changes: list[str] = field(default_factory=list)
    asked_restore: list[object] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    infos: list[tuple[str, str, str]] = field(default_factory=list)
    save_paths_asked: list[str] = field(default_factory=list)
    overwrite: bool = True
    asked_overwrite: list[str] = field(default_factory=list)
    conflict: str = "cancel"
    asked_conflict: list[str] = field(default_factory=list)
    locked: str = "open_anyway"
    asked_locked: list[str] = field(default_factory=list)
    save_read_only: bool = True
    asked_save_read_only: list[str] = field(default_factory=list)

    def next_save_changes(self) -> str:
        return self.save_changes.pop(0) if len(self.save_changes) > 1 else self.save_changes[0]


@pytest.fixture
def dialogs(monkeypatch) -> Dialogs:
    from worksheet.ui import dialogs as module

    d = Dialogs()

    def ask_save_changes(parent, name):
        d.asked_save_changes.append(name)
        return d.next_save_changes()

    def ask_save_path(parent, suggested):
        d.save_paths_asked.append(suggested)
        return d.save_path

    def ask_restore(parent, entry):
        d.asked_restore.append(entry)
        return d.restore

    monkeypatch.setattr(module, "ask_save_changes", ask_save_changes)
    monkeypatch.setattr(module, "ask_save_path", ask_save_path)
    monkeypatch.setattr(module, "ask_open_path", lambda parent, start="": d.open_path)
    monkeypatch.setattr(module, "ask_export_path", lambda parent, t, s, f: d.export_path)

    def confirm_discreet(parent, title, shown, left_out):
        d.discreet_shown.append(" ".join([*shown, *left_out]))
        return d.discreet_go

    monkeypatch.setattr(module, "confirm_discreet", confirm_discreet)
    monkeypatch.setattr(module, "ask_restore", ask_restore)
    monkeypatch.setattr(
        module, "show_error", lambda parent, title, text: d.errors.append((title, text))
    )
    monkeypatch.setattr(
        module,
        "show_info",
        lambda parent, title, text, details="": d.infos.append((title, text, details)),
    )

    def ask_overwrite(parent, path):
        d.asked_overwrite.append(str(path))
        return d.overwrite

    def ask_conflict(parent, name, modified):
        d.asked_conflict.append(name)
        return d.conflict

    def ask_locked(parent, name, owner):
        d.asked_locked.append(name)
        return d.locked

    def ask_save_read_only(parent, name, reason):
        d.asked_save_read_only.append(name)
        return d.save_read_only

    monkeypatch.setattr(module, "ask_overwrite", ask_overwrite)
    monkeypatch.setattr(module, "ask_conflict", ask_conflict)
    monkeypatch.setattr(module, "ask_locked", ask_locked)
    monkeypatch.setattr(module, "ask_save_read_only", ask_save_read_only)
    monkeypatch.setattr(module, "show_about", lambda parent: d.infos.append(("about", "", "")))
    return d


@pytest.fixture
def make_window(qtbot, dialogs):
    """Build main windows; each is closed at the end with unsaved changes discarded."""
    from worksheet.ui.main_window import MainWindow

    made = []

    def make(**kwargs) -> MainWindow:
        window = MainWindow(**kwargs)
        qtbot.addWidget(window)
        made.append(window)
        return window

    yield make
    dialogs.save_changes[:] = ["discard"]


@pytest.fixture
def window(make_window):
    w = make_window()
    w.show()
    return w


@pytest.fixture
def sample() -> Path:
    return SAMPLES / "software-renewal.deal"

"""The open document: the Deal, its file, dirty state via the undo stack, and recent files."""

from __future__ import annotations

import copy
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from worksheet import paths
from worksheet.domain.deal import Deal
from worksheet.domain.summary import Summary, summarize
from worksheet.io import save
from worksheet.io.atomic import FileStamp, real_path, same_file

log = logging.getLogger(__name__)

#: A place in the deal: attribute names and list indexes, e.g. ("concessions", 3, "cost_to_us").
FieldPath = tuple[str | int, ...]

MAX_RECENT = 8


def settings() -> QSettings:
    """The app's settings, as an ini file in our config folder (so tests stay isolated)."""
    return QSettings(str(paths.config_dir() / "settings.ini"), QSettings.Format.IniFormat)


def get_path(root: Any, path: FieldPath) -> Any:
    obj = root
    for step in path:
        obj = obj[step] if isinstance(step, int) else getattr(obj, step)
    return obj


class DealDocument(QObject):
    """Holds one Deal. Every change goes through `push` (undoable) and is announced by signals.

    The low-level `set`/`insert`/`remove`/`swap` are for the undo commands only; they emit
    fine-grained signals so table models update one cell or one row, never the whole table.
    """

    #: A new deal replaced the old one (new, open, restore): views rebind everything.
    dealReplaced = Signal()
    #: Any edit happened (after the fine-grained signal): recompute the summary.
    edited = Signal()
    valueSet = Signal(object)  # path
    #: (list path, "insert"|"remove"|"swap", first, second)
    listAboutToChange = Signal(object, str, int, int)
    listChanged = Signal(object, str, int, int)
    modifiedChanged = Signal(bool)
    fileChanged = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.deal = Deal()
        self.path: Path | None = None
        #: What the file was when it was opened or last saved (None: no file, or not known).
        self.stamp: FileStamp | None = None
        #: Opened read-only (the file's permissions, or another window has it open): Save
        #: offers Save As instead.
        self.read_only = False
        #: Shown instead of "Untitled" for an unsaved copy of a sample.
        self.untitled_name = "Untitled"
        self.undo_stack = QUndoStack(self)
        self._forced_dirty = False
        #: Counts edits, so the summary is worked out once per edit however many views ask.
        self.generation = 0
        self._summary: tuple[int, Summary] | None = None
        # A restored autosave stays modified even when undo returns to its starting point.
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    # ------------------------------------------------------------------ state

    def _on_clean_changed(self, _clean: bool) -> None:
        self.modifiedChanged.emit(self.is_modified)

    @property
    def is_modified(self) -> bool:
        return self._forced_dirty or not self.undo_stack.isClean()

    @property
    def display_name(self) -> str:
        return self.path.name if self.path is not None else self.untitled_name

    def _touch(self) -> None:
        self.generation += 1
        self.edited.emit()

    def summary(self) -> Summary:
        """The summary of the deal as it is now, worked out once per edit for every view."""
        if self._summary is None or self._summary[0] != self.generation:
            self._summary = (self.generation, summarize(self.deal))
        return self._summary[1]

    def get(self, path: FieldPath) -> Any:
        return get_path(self.deal, path)

    def push(self, command: QUndoCommand) -> None:
        self.undo_stack.push(command)

    # ------------------------------------------------------------------ life cycle

    def replace(
        self,
        deal: Deal,
        path: Path | None = None,
        *,
        untitled_name: str = "Untitled",
        modified: bool = False,
        stamp: FileStamp | None = None,
        read_only: bool = False,
    ) -> None:
        """Show another deal. `modified` marks a restored autosave as unsaved work."""
        was_modified = self.is_modified
        self.deal = deal
        self.path = None if path is None else Path(path)
        self.stamp = stamp
        self.read_only = read_only
        self.untitled_name = untitled_name
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self._forced_dirty = modified
        self.dealReplaced.emit()
        self.fileChanged.emit()
        self._touch()
        if was_modified != self.is_modified:
            self.modifiedChanged.emit(self.is_modified)

    def new(self) -> None:
        self.replace(Deal())

    def save(
        self,
        path: str | Path | None = None,
        *,
        check: bool = True,
        replace_ok: bool = True,
    ) -> None:
        """Save to `path` (or the current file). On DealSaveError the document stays dirty.

        `check=False` overwrites even if the file changed on disk since it was opened (the
        user chose so); `replace_ok=False` refuses a file that appeared meanwhile.
        """
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("an untitled document needs a path")
        same = self.path is not None and same_file(target, self.path)
        # Over our own file the stamp guards against outside changes; FileChangedOnDisk
        # (raised before anything is written) lets the window ask what to do.
        expect = self.stamp if same and check else None
        self.stamp = save(self.deal, target, expect=expect, replace_ok=replace_ok)
        was_modified = self.is_modified
        if not same:
            self.read_only = False
        self.path = real_path(target)
        self._forced_dirty = False
        self.undo_stack.setClean()
        self.fileChanged.emit()
        add_recent(self.path)
        if was_modified and not self.is_modified:
            self.modifiedChanged.emit(False)

    def snapshot(self) -> Deal:
        """A deep copy, for writing elsewhere (autosave) without sharing lists."""
        return copy.deepcopy(self.deal)

    # ------------------------------------------------------------------ primitive edits

    def set(self, path: FieldPath, value: Any) -> None:
        parent = get_path(self.deal, path[:-1])
        last = path[-1]
        if isinstance(last, int):
            parent[last] = value
        else:
            setattr(parent, last, value)
        self.valueSet.emit(tuple(path))
        self._touch()

    def insert(self, list_path: FieldPath, index: int, item: Any) -> None:
        items = get_path(self.deal, list_path)
        self.listAboutToChange.emit(list_path, "insert", index, index)
        items.insert(index, item)
        self.listChanged.emit(list_path, "insert", index, index)
        self._touch()

    def remove(self, list_path: FieldPath, index: int) -> Any:
        items = get_path(self.deal, list_path)
        self.listAboutToChange.emit(list_path, "remove", index, index)
        item = items.pop(index)
        self.listChanged.emit(list_path, "remove", index, index)
        self._touch()
        return item

    def swap(
        self, list_path: FieldPath, first: int, second: int, *, keep_field: str | None = None
    ) -> None:
        items = get_path(self.deal, list_path)
        self.listAboutToChange.emit(list_path, "swap", first, second)
        items[first], items[second] = items[second], items[first]
        if keep_field is not None:
            a, b = items[first], items[second]
            va, vb = getattr(a, keep_field), getattr(b, keep_field)
            setattr(a, keep_field, vb)
            setattr(b, keep_field, va)
        self.listChanged.emit(list_path, "swap", first, second)
        self._touch()


# ---------------------------------------------------------------------- recent files


def recent_files() -> list[Path]:
    value = settings().value("recentFiles", [])
    if isinstance(value, str):  # QSettings gives a bare string for a one-item list
        value = [value]
    return [Path(v) for v in (value or []) if isinstance(v, str) and v]


def add_recent(path: Path | None) -> None:
    if path is None:
        return
    text = str(path)
    items = [str(p) for p in recent_files() if str(p) != text]
    s = settings()
    s.setValue("recentFiles", [text, *items][:MAX_RECENT])
    s.sync()


def clear_recent() -> None:
    s = settings()
    s.remove("recentFiles")
    s.sync()

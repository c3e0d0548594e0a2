"""Keeping the user's work safe in the window: fields that do not hold a value yet, overwrite
prompts, read-only files, changes made on disk by someone else, and the lock that tells two
windows (or two instances) they have the same document open.

The window's own module keeps one line per action; the decisions are made here, and every
question is a `dialogs` function returning the answer, so tests answer them.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from worksheet import paths
from worksheet.i18n import _, ngettext
from worksheet.io import DealFileError, DealSaveError
from worksheet.io.atomic import FileChangedOnDisk, FileStamp, real_path, same_file, shown
from worksheet.io.document import load_stamped
from worksheet.ui import dialogs

if TYPE_CHECKING:
    from worksheet.ui.main_window import MainWindow

log = logging.getLogger(__name__)


# ---------------------------------------------------------------------- fields not yet valid


def field_problems(root: QWidget) -> list[tuple[QWidget, str, str]]:
    """Fields under `root` whose text is not a value: (widget, label, message), in tab order.

    A validated field says so through `pendingProblem() -> (label, message) | None`; while it
    has a problem the deal keeps the value the field last committed.
    """
    found = []
    for widget in root.findChildren(QWidget):
        probe = getattr(widget, "pendingProblem", None)
        if not callable(probe):
            continue
        problem = probe()
        if problem:
            found.append((widget, *problem))
    return found


def fields_ready(window: MainWindow, doing: str) -> bool:
    """True when every field holds a value; else say which one, take the user there, False.

    The rule: Save, Export and Print never write a deal while a field shows text that is not
    a value, because what would be written (the last good value) is not what the user sees.
    `doing` completes "Nothing was …": "saved", "exported", "printed".
    """
    for widget in window.findChildren(QWidget):
        commit = getattr(widget, "commitPending", None)
        if callable(commit):  # an open table cell: what it holds goes into the deal first
            commit()
    problems = field_problems(window)
    if not problems:
        return True
    widget, label, message = problems[0]
    _go_to(window, widget)
    others = len(problems) - 1
    if doing == "saved":
        nothing = _(
            "{field}: {problem}. Nothing was saved: correct the entry or clear it, then try again."
        )
    elif doing == "exported":
        nothing = _(
            "{field}: {problem}. Nothing was exported: correct the entry or clear it, "
            "then try again."
        )
    elif doing == "printed":
        nothing = _(
            "{field}: {problem}. Nothing was printed: correct the entry or clear it, "
            "then try again."
        )
    else:
        nothing = _(
            "{field}: {problem}. Nothing was written: correct the entry or clear it, "
            "then try again."
        )
    text = nothing.format(field=label, problem=message)
    if others:
        text += " " + ngettext(
            "({count} more field also needs fixing.)",
            "({count} more fields also need fixing.)",
            others,
        ).format(count=others)
    dialogs.show_error(window, _("Fix “{field}” first").format(field=label), text)
    _go_to(window, widget)
    return False


def _go_to(window: MainWindow, widget: QWidget) -> None:
    from worksheet.ui.pages.base import Page

    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, Page):
        parent = parent.parentWidget()
    if parent is not None and getattr(parent, "KEY", None):
        window.show_page(parent.KEY)
        scroll = getattr(parent, "scroll", None)
        if scroll is not None:
            scroll.ensureWidgetVisible(widget, 40, 60)
    widget.setFocus(Qt.FocusReason.OtherFocusReason)


# ---------------------------------------------------------------------- read-only files


def read_only_reason(path: str | os.PathLike) -> str:
    """Why the existing file at `path` must not be changed ("" when it may be)."""
    try:
        st = os.stat(path)
    except OSError:
        return ""
    if not stat.S_ISREG(st.st_mode):
        return ""
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return _("The file's permissions make it read-only.")
    if not os.access(path, os.W_OK):
        return _("You lack permission to change the file.")
    return ""


# ---------------------------------------------------------------------- the lock


def lock_path_for(document: Path) -> Path:
    """`.NAME.deal.~dwlock` beside the document, or in our cache folder if that is read-only.

    Beside the document, another computer sharing the folder sees it too; the fallback still
    warns a second window on this computer.
    """
    beside = document.parent / f".{document.name}.~dwlock"
    if os.access(document.parent, os.W_OK | os.X_OK):
        return beside
    digest = hashlib.sha256(os.fsencode(document)).hexdigest()[:24]
    folder = paths.cache_dir() / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{digest}.lock"


class DocumentLock:
    """A QLockFile for one open document; stale (its process gone) locks are taken over."""

    def __init__(self, document: Path) -> None:
        self.document = document
        self.path = lock_path_for(document)
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self.held = False

    def acquire(self) -> bool:
        """True when this window now holds the lock, or no lock can be made here at all
        (a read-only place: nothing to warn about); False when another holds it."""
        if self._lock.tryLock(0):
            self.held = True
            return True
        self.held = False
        return self._lock.error() != QLockFile.LockError.LockFailedError

    def owner(self) -> str:
        info = self._lock.getLockInfo()
        if not isinstance(info, tuple) or len(info) < 3 or not info[-3]:
            return _("Another window holds it.")
        pid, host, _app = info[-3:]
        if host:
            return _("It is held by process {pid} on {host}.").format(pid=pid, host=host)
        return _("It is held by process {pid} on this computer.").format(pid=pid)

    def release(self) -> None:
        if self.held:
            self._lock.unlock()
            self.held = False


# ---------------------------------------------------------------------- the window's guard


class FileGuard(QObject):
    """Opens and saves the window's document with every check: lock, read-only, conflicts."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.lock: DocumentLock | None = None
        self._asking = False
        self._dismissed: FileStamp | None = None
        app = QApplication.instance()
        if app is not None:
            app.applicationStateChanged.connect(self._on_application_state)
        # New, a sample, a restore: the document left its file, so the lock goes too.
        window.doc.fileChanged.connect(self._follow_document)

    @property
    def doc(self):
        return self.window.doc

    # --- open ---------------------------------------------------------------------------

    def open(self, path: Path) -> bool:
        """Open `path` in the window: False when refused, cancelled or failed (already said)."""
        try:
            deal, stamp = load_stamped(path)
        except DealFileError as exc:
            dialogs.show_error(self.window, _("Could not open the file"), str(exc))
            return False
        if not self.window.maybe_save():
            return False
        real = real_path(path)
        read_only = False
        lock: DocumentLock | None = None
        if self.lock is not None and same_file(self.lock.document, real):
            lock, self.lock = self.lock, None  # reopening our own file keeps our lock
        else:
            try:
                lock = DocumentLock(real)
                taken = lock.acquire()
            except OSError:
                lock, taken = None, True  # no place for a lock: open without one
            if not taken:
                answer = dialogs.ask_locked(self.window, path.name, lock.owner())
                if answer == dialogs.CANCEL:
                    return False
                read_only = answer == dialogs.READ_ONLY
                lock = None
        if read_only_reason(real):
            read_only = True
        self.release()
        self.lock = lock
        self._dismissed = None
        self.window.autosaver.remove()
        self.doc.replace(deal, real, stamp=stamp, read_only=read_only)
        return True

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def _follow_document(self) -> None:
        path = self.doc.path
        if self.lock is not None and (path is None or not same_file(path, self.lock.document)):
            self.release()

    # --- save ---------------------------------------------------------------------------

    def save(self) -> bool:
        """File › Save."""
        if not fields_ready(self.window, "saved"):
            return False
        doc = self.doc
        if doc.read_only and doc.path is not None:
            reason = read_only_reason(doc.path) or _("Another window has it open.")
            if dialogs.ask_save_read_only(self.window, doc.display_name, reason):
                return self.window.save_as()
            return False
        return self.save_to(doc.path)

    def confirm_target(self, path: Path) -> bool | None:
        """Before writing a chosen file: None to stop, else whether it may be replaced."""
        if not os.path.lexists(path):
            return False
        if not dialogs.ask_overwrite(self.window, str(path)):
            return None
        return True

    def fields_ready(self, doing: str) -> bool:
        return fields_ready(self.window, doing)

    def save_as_to(self, path: Path) -> bool:
        """The second half of Save As: the path is chosen; ask before replacing, then write."""
        replace = self.confirm_target(path)
        if replace is None:
            return False
        return self.save_to(path, replace_ok=replace)

    def save_to(self, path: Path, *, check: bool = True, replace_ok: bool = True) -> bool:
        doc = self.doc
        same = doc.path is not None and same_file(path, doc.path)
        reason = read_only_reason(path) if os.path.lexists(path) else ""
        if reason and not same:
            dialogs.show_error(
                self.window,
                _("Could not save"),
                _(
                    "Could not save {file}: it is read-only. {reason} "
                    "Choose another name with Save As."
                ).format(file=shown(path), reason=reason),
            )
            return False
        try:
            doc.save(path, check=check, replace_ok=replace_ok)
        except FileChangedOnDisk:
            return self.resolve_conflict()
        except DealSaveError as exc:
            if exc.errno == errno.EEXIST:  # appeared after we asked
                text = _("{error} Save again to be asked whether to replace it.").format(error=exc)
            else:
                text = exc.strerror or str(exc)
            dialogs.show_error(self.window, _("Could not save"), text)
            return False
        if not same:
            self._move_lock(doc.path)
        self._dismissed = None
        self.window.autosaver.remove()
        self.window.statusBar().showMessage(_("Saved {file}").format(file=Path(path).name), 5_000)
        return True

    def _move_lock(self, new_path: Path | None) -> None:
        self.release()
        if new_path is None:
            return
        try:
            lock = DocumentLock(new_path)
            if lock.acquire():
                self.lock = lock
        except OSError:
            pass

    # --- outside changes ----------------------------------------------------------------

    def resolve_conflict(self) -> bool:
        """The file changed on disk: ask, then do what was chosen. True when it is settled."""
        doc = self.doc
        self._asking = True
        try:
            answer = dialogs.ask_conflict(self.window, doc.display_name, doc.is_modified)
        finally:
            self._asking = False
        if answer == dialogs.RELOAD:
            return self.reload()
        if answer == dialogs.SAVE_COPY:
            return self.window.save_as()
        if answer == dialogs.OVERWRITE:
            return self.save_to(doc.path, check=False)
        self._dismissed = FileStamp.of_file(doc.path) if doc.path else None
        return False

    def reload(self) -> bool:
        doc = self.doc
        try:
            deal, stamp = load_stamped(doc.path)
        except DealFileError as exc:
            dialogs.show_error(self.window, _("Could not open their version"), str(exc))
            return False
        self.window.autosaver.remove()
        doc.replace(deal, doc.path, stamp=stamp, read_only=doc.read_only)
        self.window.statusBar().showMessage(
            _("Opened the version on disk of {name}").format(name=doc.display_name)
        )
        return True

    def check_outside_change(self) -> None:
        """When the window comes back: if someone changed the file, ask (once per change)."""
        doc = self.doc
        if self._asking or doc.path is None or doc.stamp is None:
            return
        if not doc.stamp.changed(doc.path):
            return
        now = FileStamp.of_file(doc.path)
        if now is None:
            self.window.statusBar().showMessage(
                _("{name} was moved or deleted on disk; Save writes it again.").format(
                    name=doc.display_name
                ),
                10_000,
            )
            return
        if now == self._dismissed:
            return
        self.resolve_conflict()

    def _on_application_state(self, state) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            # After the activation has settled, so the dialog gets a focused parent.
            QTimer.singleShot(0, self.check_outside_change)

"""Autosave: a dirty document is copied aside on a timer; after a crash the copy is offered back.

Each window session writes `<session>.deal` (through `worksheet.io.save`, so atomically) and a
small `<session>.json` naming the user's file, never touching the user's file itself. A
`<session>.lock` (QLockFile) marks the session alive; after a crash the lock is stale, which is
how the next start tells an abandoned autosave from one a running window still owns.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from worksheet import paths
from worksheet.i18n import _
from worksheet.io import DealSaveError, save
from worksheet.io.atomic import FileStamp, remove_stale_temps, write_atomic
from worksheet.ui.document import DealDocument

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_MS = 30_000


@dataclass(frozen=True)
class AutosaveEntry:
    """An autosave left behind by a session that ended without cleaning up."""

    session: str
    deal_path: Path
    original: Path | None
    name: str
    saved_at: datetime
    stamp: FileStamp | None = None

    def files(self) -> list[Path]:
        base = self.deal_path.with_suffix("")
        return [self.deal_path, base.with_suffix(".json")]

    def discard(self) -> None:
        for f in self.files():
            with contextlib.suppress(OSError):
                f.unlink()


class Autosaver(QObject):
    """Writes the document to the autosave folder every `interval_ms` while it is dirty."""

    failed = Signal(str)
    saved = Signal(str)

    def __init__(self, doc: DealDocument, interval_ms: int = DEFAULT_INTERVAL_MS, parent=None):
        super().__init__(parent)
        self.doc = doc
        # 48 random bits, as the first 12 hex digits of a uuid4 were; `uuid` itself pulls in
        # `platform` and its regular expressions at start-up for nothing.
        self.session = f"{os.urandom(6).hex()}-{os.getpid()}"
        self._lock: QLockFile | None = None
        self._generation = 0
        self._saved_generation = 0
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.autosave_now)
        doc.edited.connect(self._on_edited)
        # A clean document (saved, or undone back to the saved state) needs no autosave.
        doc.modifiedChanged.connect(self._on_modified_changed)

    def _on_modified_changed(self, modified: bool) -> None:
        if not modified:
            self.remove()

    @property
    def folder(self) -> Path:
        return paths.autosave_dir()

    @property
    def deal_path(self) -> Path:
        return self.folder / f"{self.session}.deal"

    @property
    def meta_path(self) -> Path:
        return self.folder / f"{self.session}.json"

    def start(self) -> None:
        self.timer.start()

    def setInterval(self, ms: int) -> None:
        self.timer.setInterval(ms)

    def _on_edited(self) -> None:
        self._generation += 1

    def mark_pending(self) -> None:
        """Make the next tick write even if nothing was typed (after a restore)."""
        self._generation += 1

    def autosave_now(self) -> bool:
        """Write the autosave if the document is dirty and changed since the last one."""
        if not self.doc.is_modified or self._generation == self._saved_generation:
            return False
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._take_lock()
            save(self.doc.deal, self.deal_path)
            meta = {
                "original": None if self.doc.path is None else str(self.doc.path),
                "name": self.doc.display_name,
                "saved_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                # What the user's file was when this work began: after a restore, saving over
                # it still notices a change made on disk in the meantime.
                "stamp": None if self.doc.stamp is None else asdict(self.doc.stamp),
            }
            write_atomic(self.meta_path, json.dumps(meta, ensure_ascii=False).encode("utf-8"))
        except (DealSaveError, OSError) as exc:
            message = _("Autosave failed: {error}").format(
                error=exc.strerror if isinstance(exc, DealSaveError) else exc
            )
            log.warning("%s", message)
            self.failed.emit(message)
            return False
        self._saved_generation = self._generation
        log.debug("autosaved to %s", self.deal_path)
        self.saved.emit(str(self.deal_path))
        return True

    def _take_lock(self) -> None:
        if self._lock is not None:
            return
        lock = QLockFile(str(self.folder / f"{self.session}.lock"))
        lock.setStaleLockTime(0)  # stale only when the owning process is gone, never by age
        if lock.tryLock(0):
            self._lock = lock

    def remove(self) -> None:
        """Delete this session's autosave (after a clean save, or on a clean close)."""
        for f in (self.deal_path, self.meta_path):
            with contextlib.suppress(OSError):
                f.unlink()
        self._saved_generation = self._generation

    def shutdown(self) -> None:
        """Normal end of the session: stop, remove the files, release the lock."""
        self.timer.stop()
        self.remove()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None


def find_orphans(own_session: str | None = None) -> list[AutosaveEntry]:
    """Autosaves whose session is no longer running, newest first."""
    folder = paths.autosave_dir()
    if not folder.is_dir():
        return []
    remove_stale_temps(folder)  # temp files of autosaves killed mid-write
    found: list[AutosaveEntry] = []
    for deal_path in folder.glob("*.deal"):
        session = deal_path.stem
        if session == own_session:
            continue
        lock = QLockFile(str(folder / f"{session}.lock"))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # a live window owns it
        lock.unlock()
        found.append(_entry(session, deal_path))
    found.sort(key=lambda e: e.saved_at, reverse=True)
    return found


def _entry(session: str, deal_path: Path) -> AutosaveEntry:
    meta_path = deal_path.with_suffix(".json")
    original: Path | None = None
    stamp: FileStamp | None = None
    name = _("Untitled")
    try:
        saved_at = datetime.fromtimestamp(deal_path.stat().st_mtime, timezone.utc)
    except OSError:
        saved_at = datetime.now(timezone.utc)
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if isinstance(meta.get("original"), str) and meta["original"]:
            original = Path(meta["original"])
        if isinstance(meta.get("name"), str) and meta["name"]:
            name = meta["name"]
        if isinstance(meta.get("stamp"), dict):
            stamp = FileStamp(**meta["stamp"])
    except (OSError, ValueError, AttributeError, TypeError):
        pass  # the deal itself is what matters; the note about it is optional
    return AutosaveEntry(session, deal_path, original, name, saved_at, stamp)
